/*
 * Sentence-structure checks measured on tests/data/structure/:
 * artifacts.tsv (CHECK, text, span: the finding of that check must cover
 * the span) and correct.txt (no major finding of a structure rule may
 * land there). Prints per-check recall and the false-alarm rate. The
 * targets (>= 85 % found overall, >= 70 % per check, <= 5 % of correct
 * lines with a major finding) are asserted for the checks listed in
 * S_done; the others are printed until they exist.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

static const struct {
  const char *check, *rule;
} S_rules[] = {{"lowercase-start", "split-sentence/lowercase-start"},
               {"initial", "split-sentence/initial"},
               {"fragment", "split-sentence/fragment"},
               {"stray-final", "word-order/stray-final"},
               {"garbled-capital", "garbled/capitalized-word"},
               {"compound-split", "compound/split"},
               {"verb-position", "word-order/verb-position"},
               {"unbalanced-quote", "punctuation/unbalanced-quote"},
               {"unbalanced-paren", "punctuation/unbalanced-paren"},
               {"repeated-word", "word-order/repeated-word"}};
#define S_NCHECK (sizeof S_rules / sizeof S_rules[0])

/* Checks that exist; their targets are asserted. */
static const char *const S_done[] = {"lowercase-start", "initial", "fragment", "stray-final",
                                     "garbled-capital", "compound-split",
                                     "unbalanced-quote", "unbalanced-paren",
                                     "repeated-word"};

static const char *S_root(void) {
  const char *r = getenv("MTAUDIT_TEST_ROOT");
  return r && *r ? r : ".";
}

static int S_is_done(const char *check) {
  for (size_t k = 0; k < sizeof S_done / sizeof S_done[0]; k++)
    if (!strcmp(S_done[k], check))
      return 1;
  return 0;
}

static int S_structure_rule(const char *rule) {
  for (size_t k = 0; k < S_NCHECK; k++)
    if (!strcmp(S_rules[k].rule, rule))
      return 1;
  return 0;
}

START_TEST(artifacts_found) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/data/structure/artifacts.tsv",
           S_root());
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  size_t total[S_NCHECK] = {0}, found[S_NCHECK] = {0};
  char line[4096];
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n')
      continue;
    line[strcspn(line, "\r\n")] = '\0';
    char *t1 = strchr(line, '\t');
    char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
    ck_assert_msg(t2 != NULL, "bad line: %s", line);
    *t1 = *t2 = '\0';
    const char *check = line, *text = t1 + 1, *span = t2 + 1;
    size_t k = 0;
    while (k < S_NCHECK && strcmp(S_rules[k].check, check))
      k++;
    ck_assert_msg(k < S_NCHECK, "unknown check %s", check);
    const char *at = strstr(text, span);
    ck_assert_msg(at != NULL, "'%s' not in '%s'", span, text);
    size_t a = (size_t)(at - text), b = a + strlen(span);
    mta_report *r = test_audit(text);
    int hit = 0;
    mta_finding_info fi;
    for (size_t q = 0; q < mta_report_finding_count(r); q++) {
      mta_report_finding(r, q, &fi);
      if (!strcmp(fi.rule, S_rules[k].rule) && fi.start <= a && fi.end >= b)
        hit = 1;
    }
    total[k]++;
    found[k] += hit;
    if (!hit && S_is_done(check))
      printf("  missed %s: '%s' in: %s\n", check, span, text);
    mta_report_free(r);
  }
  fclose(f);
  size_t all_t = 0, all_f = 0;
  int ok = 1;
  for (size_t k = 0; k < S_NCHECK; k++) {
    double pct = total[k] ? 100.0 * (double)found[k] / (double)total[k] : 0;
    printf("quality: structure %-17s %zu/%zu (%.0f %%)%s\n", S_rules[k].check,
           found[k], total[k], pct,
           S_is_done(S_rules[k].check) ? "" : "  [not built yet]");
    if (S_is_done(S_rules[k].check)) {
      all_t += total[k];
      all_f += found[k];
      ok &= pct >= 70.0;
    }
  }
  double pct = all_t ? 100.0 * (double)all_f / (double)all_t : 0;
  printf("quality: structure (built checks): %zu of %zu found (%.1f %%, "
         "target >= 85)\n",
         all_f, all_t, pct);
  fflush(stdout);
  ck_assert_msg(ok, "a built check finds less than 70 %%");
  ck_assert_msg(pct >= 85.0, "only %.1f %% found", pct);
}
END_TEST

START_TEST(correct_lines_quiet) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/data/structure/correct.txt",
           S_root());
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  char line[4096];
  size_t total = 0, with_major = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n')
      continue;
    line[strcspn(line, "\r\n")] = '\0';
    total++;
    mta_report *r = test_audit(line);
    mta_finding_info fi;
    int major = 0;
    for (size_t q = 0; q < mta_report_finding_count(r); q++) {
      mta_report_finding(r, q, &fi);
      if (fi.severity >= MTA_SEV_MAJOR && S_structure_rule(fi.rule)) {
        major = 1;
        printf("  major %s on '%.*s' in: %s\n", fi.rule,
               (int)(fi.end - fi.start), line + fi.start, line);
      }
    }
    with_major += major;
    mta_report_free(r);
  }
  fclose(f);
  double pct = 100.0 * (double)with_major / (double)total;
  printf("quality: structure correct: %zu of %zu lines with a major "
         "structure finding (%.1f %%, target <= 5)\n",
         with_major, total, pct);
  fflush(stdout);
  ck_assert_uint_ge(total, 80);
  ck_assert_msg(pct <= 5.0, "%.1f %% of correct lines flagged", pct);
}
END_TEST

Suite *structure_quality_suite(void) {
  Suite *s = suite_create("structure-quality");
  TCase *tc = tcase_create("corpus");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, artifacts_found);
  tcase_add_test(tc, correct_lines_quiet);
  suite_add_tcase(s, tc);
  return s;
}
