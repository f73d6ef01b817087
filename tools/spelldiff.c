/*
 * The speller's answers for every distinct word of some texts, one line a
 * word, for comparing two builds of the library (make spell-diff, which
 * links this file against main's libmtaudit.a and against the working
 * tree's and diffs the outputs: the speed work of issue 18 must not move
 * a verdict).
 *
 *   spelldiff FILE...
 *
 * Words are the maximal runs of letters, digits, hyphens and inner periods
 * of the files (UTF-8), leading and trailing hyphens and periods stripped;
 * each distinct word once, in order of first appearance. Per word, tab
 * separated: the word, its verdict (mtai_speller_check()), german_typo,
 * near_word, the first suggestion and the suggestion list (the last three
 * only for unknown words, as the checks ask them), and the near-miss
 * guard's result seen through the split: mtai_speller_split(). On the last
 * line, the speller's total work (mtai_speller_work()), which may differ.
 *
 * A fresh speller answers each word in a fixed order, so the answers of a
 * word never depend on the cache of an earlier one beyond what the auditor
 * also does; run with a second speller per file when in doubt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "internal.h"

static char *S_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 1 << 16, n = 0, k;
  char *s = malloc(cap);
  while (s && (k = fread(s + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) {
      char *t = realloc(s, cap *= 2);
      if (!t) {
        free(s);
        s = NULL;
      }
      s = t;
    }
  }
  fclose(f);
  *len = n;
  return s;
}

static int S_word_char(int32_t c) {
  return c == '-' || c == '.' || u_isalnum(c);
}

static const char *const S_verdicts[] = {
    "known", "compound", "user", "name", "name-like", "foreign", "unknown"};

static void S_answer(struct mtai_speller *sp, const char *w, size_t n) {
  enum mtai_spell v = mtai_speller_check(sp, w, n);
  printf("%.*s\t%s\t%d", (int)n, w, S_verdicts[v],
         mtai_speller_split(sp, w, n));
  if (v == MTAI_SPELL_UNKNOWN) {
    int typo = mtai_speller_german_typo(sp, w, n);
    int near = mtai_speller_near_word(sp, w, n);
    const char *list = "", *first = NULL;
    mta_status st = mtai_speller_suggest(sp, w, n, &list, &first);
    printf("\t%d\t%d\t%s\t%s", typo, near,
           st      ? "(error)"
           : first ? first
                   : "-",
           list);
  }
  putchar('\n');
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: spelldiff FILE...\n");
    return 2;
  }
  struct mtai_lexicon *lx = NULL;
  struct mtai_speller *sp = NULL;
  char err[512] = "";
  if (mtai_lexicon_new(&lx) ||
      mtai_speller_new(NULL, NULL, 0, &sp, err, sizeof err)) {
    fprintf(stderr, "spelldiff: %s\n", err);
    return 2;
  }
  mtai_speller_set_lexicon(sp, lx);
  struct mtai_strset seen;
  mtai_strset_init(&seen);
  for (int a = 1; a < argc; a++) {
    size_t len = 0;
    char *s = S_slurp(argv[a], &len);
    if (!s) {
      fprintf(stderr, "spelldiff: cannot read %s\n", argv[a]);
      return 2;
    }
    if (!mtai_utf8_valid(s, len, NULL)) {
      free(s);
      continue;
    }
    for (size_t i = 0; i < len;) {
      size_t start = i;
      int32_t c = mtai_utf8_next(s, len, &i);
      if (!S_word_char(c))
        continue;
      size_t end = i;
      while (end < len) {
        size_t j = end;
        if (!S_word_char(mtai_utf8_next(s, len, &j)))
          break;
        end = j;
      }
      i = end;
      while (start < end && (s[start] == '-' || s[start] == '.'))
        start++;
      while (end > start && (s[end - 1] == '-' || s[end - 1] == '.'))
        end--;
      if (end == start || mtai_strset_has(&seen, s + start, end - start))
        continue;
      mtai_strset_add(&seen, s + start, end - start);
      S_answer(sp, s + start, end - start);
      mtai_speller_trim(sp);
    }
    free(s);
  }
  printf("# work %lu\n", mtai_speller_work(sp));
  mtai_strset_free(&seen);
  mtai_speller_free(sp);
  mtai_lexicon_free(lx);
  return 0;
}
