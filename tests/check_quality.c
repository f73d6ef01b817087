/*
 * Quality measurements of the spelling stage on real text, with the real
 * dictionaries, against the targets of the spelling issue:
 *   - samples/: at most 2 major spelling findings per 1,000 words;
 *   - tests/data/clean-de/ (correct German news prose written for the
 *     purpose): at most 0.5 major spelling findings per 1,000 words;
 *   - tests/data/typos/typos.tsv (sentence, misspelt word, intended word):
 *     at least 90 % of the misspellings flagged, and the intended word
 *     among the suggestions for at least 70 %;
 *   - the name variants of samples 001 (Kim Jong-un / Kim Jong Un) and 002
 *     (Schoigu / Shoigu) are reported.
 * Each test prints what it measured. Paths are relative to the repository
 * root (where make runs the tests); MTAUDIT_TEST_ROOT overrides it.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

static const char *S_root(void) {
  const char *r = getenv("MTAUDIT_TEST_ROOT");
  return r && *r ? r : ".";
}

static int S_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Audits every *.txt of 'dir' (relative to the root); adds up the words
 * and the major spelling findings, and prints those findings. */
static void S_rate(const char *dir, size_t *words, size_t *majors) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", S_root(), dir);
  DIR *dh = opendir(path);
  ck_assert_msg(dh != NULL, "cannot open %s", path);
  char *names[256];
  size_t n = 0;
  struct dirent *de;
  while ((de = readdir(dh)) && n < 256) {
    size_t l = strlen(de->d_name);
    if (l > 4 && !strcmp(de->d_name + l - 4, ".txt"))
      names[n++] = strdup(de->d_name);
  }
  closedir(dh);
  ck_assert_uint_gt(n, 0);
  qsort(names, n, sizeof *names, S_cmp);
  *words = *majors = 0;
  for (size_t i = 0; i < n; i++) {
    char file[8192];
    snprintf(file, sizeof file, "%s/%s", path, names[i]);
    mta_report *r = NULL;
    ck_assert_int_eq(mta_audit_file(test_auditor(), file, &r), MTA_OK);
    *words += mta_report_words(r);
    mta_finding_info fi;
    for (size_t k = 0; k < mta_report_finding_count(r); k++) {
      mta_report_finding(r, k, &fi);
      if (strncmp(fi.rule, "spelling/", 9) || fi.severity < MTA_SEV_MAJOR)
        continue;
      (*majors)++;
      printf("  %s:%zu:%zu: major spelling: %s\n", names[i], fi.line, fi.column,
             fi.message);
    }
    mta_report_free(r);
    free(names[i]);
  }
}

START_TEST(samples_major_spelling_rate) {
  size_t words, majors;
  S_rate("samples", &words, &majors);
  double rate = 1000.0 * (double)majors / (double)words;
  printf("quality: samples: %zu major spelling findings in %zu words = "
         "%.2f per 1000 (target <= 2)\n",
         majors, words, rate);
  fflush(stdout);
  ck_assert_msg(rate <= 2.0, "%.2f major spelling findings per 1000 words",
                rate);
}
END_TEST

START_TEST(clean_de_major_spelling_rate) {
  size_t words, majors;
  S_rate("tests/data/clean-de", &words, &majors);
  double rate = 1000.0 * (double)majors / (double)words;
  printf("quality: clean-de: %zu major spelling findings in %zu words = "
         "%.2f per 1000 (target <= 0.5)\n",
         majors, words, rate);
  fflush(stdout);
  ck_assert_uint_ge(words, 3000);
  ck_assert_msg(rate <= 0.5, "%.2f major spelling findings per 1000 words",
                rate);
}
END_TEST

/* 1 when the comma-separated 'list' holds 'word'. */
static int S_in_list(const char *msg, const char *word) {
  const char *p = strstr(msg, "did you mean: ");
  if (!p)
    return 0;
  p += 14;
  size_t wl = strlen(word);
  while (*p) {
    size_t l = strcspn(p, ",?");
    if (l == wl && !memcmp(p, word, wl))
      return 1;
    p += l;
    while (*p == ',' || *p == ' ')
      p++;
    if (*p == '?')
      break;
  }
  return 0;
}

START_TEST(typos_flagged_and_suggested) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/data/typos/typos.tsv", S_root());
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  char line[2048];
  size_t total = 0, flagged = 0, suggested = 0, major = 0, lower = 0,
         lower_major = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n')
      continue;
    line[strcspn(line, "\r\n")] = '\0';
    char *t1 = strchr(line, '\t');
    char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
    ck_assert_msg(t2 != NULL, "bad line in typos.tsv: %s", line);
    *t1 = *t2 = '\0';
    const char *sentence = line, *typo = t1 + 1, *intended = t2 + 1;
    const char *at = strstr(sentence, typo);
    ck_assert_msg(at != NULL, "'%s' not in '%s'", typo, sentence);
    size_t a = (size_t)(at - sentence), b = a + strlen(typo);
    total++;
    mta_report *r = test_audit(sentence);
    int hit = 0, sug = 0, maj = 0;
    mta_finding_info fi;
    for (size_t k = 0; k < mta_report_finding_count(r); k++) {
      mta_report_finding(r, k, &fi);
      if (strncmp(fi.rule, "spelling/", 9) || fi.start > a || fi.end < b)
        continue;
      hit = 1;
      maj = fi.severity >= MTA_SEV_MAJOR;
      sug = (fi.suggestion && !strcmp(fi.suggestion, intended)) ||
            S_in_list(fi.message, intended);
    }
    flagged += hit;
    suggested += sug;
    major += maj;
    int low = typo[0] >= 'a' && typo[0] <= 'z';
    lower += low;
    lower_major += low && maj;
    if (!hit || !sug)
      printf("  typo %s (%s): %s\n", typo, intended,
             hit ? "flagged, intended word not suggested" : "NOT flagged");
    mta_report_free(r);
  }
  fclose(f);
  fflush(stdout);
  ck_assert_uint_ge(total, 50);
  double pf = 100.0 * (double)flagged / (double)total;
  double ps = 100.0 * (double)suggested / (double)total;
  printf("quality: typos: %zu of %zu flagged (%.1f %%, target >= 90), "
         "intended word suggested for %zu (%.1f %%, target >= 70)\n",
         flagged, total, pf, suggested, ps);
  printf("quality: typos: %zu of %zu flagged as major (lower-case: %zu of "
         "%zu; capitalized ones are minor)\n",
         major, total, lower_major, lower);
  ck_assert_msg(pf >= 90.0, "only %.1f %% of typos flagged", pf);
  ck_assert_msg(ps >= 70.0, "intended word suggested for only %.1f %%", ps);
}
END_TEST

/* Number of name-variant findings in sample 'name' whose text is 'text'. */
static size_t S_variants(const char *name, const char *text) {
  char file[4096];
  snprintf(file, sizeof file, "%s/samples/%s", S_root(), name);
  mta_report *r = NULL;
  ck_assert_int_eq(mta_audit_file(test_auditor(), file, &r), MTA_OK);
  size_t n = 0;
  mta_finding_info fi;
  FILE *f = fopen(file, "rb");
  ck_assert_ptr_nonnull(f);
  static char buf[1 << 16];
  size_t len = fread(buf, 1, sizeof buf, f);
  fclose(f);
  for (size_t k = 0; k < mta_report_finding_count(r); k++) {
    mta_report_finding(r, k, &fi);
    if (!strcmp(fi.rule, "consistency/name-variant") && fi.end <= len &&
        fi.end - fi.start == strlen(text) &&
        !memcmp(buf + fi.start, text, strlen(text)))
      n++;
  }
  mta_report_free(r);
  return n;
}

START_TEST(samples_name_variants) {
  size_t kim = S_variants("001_d0bb9953f3c08d8f.txt", "Jong-un") +
               S_variants("001_d0bb9953f3c08d8f.txt", "Jong Un");
  size_t shoigu = S_variants("002_8df60fc6b29781a5.txt", "Shoigu");
  printf("quality: name variants: 001 Jong-un/Jong Un %zu, 002 Shoigu %zu\n",
         kim, shoigu);
  ck_assert_uint_ge(kim, 1);
  ck_assert_uint_eq(shoigu, 1);
}
END_TEST

Suite *quality_suite(void) {
  Suite *s = suite_create("quality");
  TCase *tc = tcase_create("spelling");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, samples_major_spelling_rate);
  tcase_add_test(tc, clean_de_major_spelling_rate);
  tcase_add_test(tc, typos_flagged_and_suggested);
  tcase_add_test(tc, samples_name_variants);
  suite_add_tcase(s, tc);
  return s;
}
