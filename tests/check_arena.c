/*
 * Tests of src/arena.c: readying a thread's malloc arena for a large load.
 * With glibc on Linux the blocks lie in one run and the span is marked
 * for transparent huge pages: the memory the thread allocates next lies
 * in a mapping whose VmFlags (/proc/self/smaps) carry "hg".
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "tests.h"

/* 1 when the mapping that holds 'p' has VmFlags "hg" (MADV_HUGEPAGE), 0
 * when it has not, -1 without /proc/self/smaps. */
static int S_huge_flag(const void *p) {
  FILE *f = fopen("/proc/self/smaps", "r");
  if (!f)
    return -1;
  char line[512];
  int in = 0, flag = 0;
  uintptr_t a = (uintptr_t)p;
  while (fgets(line, sizeof line, f)) {
    unsigned long lo, hi;
    if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2) /* a mapping's first line */
      in = a >= lo && a < hi;
    else if (in && !strncmp(line, "VmFlags:", 8)) {
      flag = strstr(line, " hg") != NULL;
      break;
    }
  }
  fclose(f);
  return flag;
}

struct S_probe {
  int ready; /* mtai_arena_ready()'s answer */
  int huge;  /* S_huge_flag() of a block allocated after it */
};

static void *S_thread(void *arg) {
  struct S_probe *pr = arg;
  pr->ready = mtai_arena_ready((size_t)16 << 20);
  /* 6 MB of small blocks: the last lies past the first 2 MB boundary of
   * the readied span. */
  enum { N = 60 };
  void *b[N];
  for (int i = 0; i < N; i++)
    b[i] = malloc(100000);
  pr->huge = b[N - 1] ? S_huge_flag(b[N - 1]) : -1;
  for (int i = 0; i < N; i++)
    free(b[i]);
  return NULL;
}

START_TEST(ready_marks_huge_pages) {
  ck_assert_int_eq(mtai_arena_ready(0), 0);
  ck_assert_int_eq(mtai_arena_ready(1000), 0); /* less than a block */
  struct S_probe pr = {-1, -1};
  pthread_t t;
  ck_assert_int_eq(pthread_create(&t, NULL, S_thread, &pr), 0);
  ck_assert_int_eq(pthread_join(t, NULL), 0);
  /* An allocator that spreads the blocks (ASan's) gets no advice. */
  if (pr.ready)
    ck_assert_int_eq(pr.huge, 1);
#if defined(__GLIBC__) && defined(__linux__) && !defined(__SANITIZE_ADDRESS__)
  /* glibc's arena with a kernel that has transparent huge pages */
  if (!access("/sys/kernel/mm/transparent_hugepage/enabled", F_OK)) {
    ck_assert_int_eq(pr.ready, 1);
    ck_assert_int_eq(pr.huge, 1);
  }
#endif
}
END_TEST

Suite *arena_suite(void) {
  Suite *s = suite_create("arena");
  TCase *tc = tcase_create("ready");
  tcase_add_test(tc, ready_marks_huge_pages);
  suite_add_tcase(s, tc);
  return s;
}
