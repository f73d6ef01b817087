/*
 * Sentence-structure checks measured on tests/data/structure/:
 * artifacts.tsv (CHECK, text, span: the finding of that check must cover
 * the span) and correct.txt (no major finding of a structure rule may
 * land there). Prints per-check recall and the false-alarm rate. The
 * targets (>= 85 % found overall, >= 70 % per check, <= 5 % of correct
 * lines with a major finding) are asserted for every check.
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

static const char *S_root(void) {
  const char *r = getenv("MTAUDIT_TEST_ROOT");
  return r && *r ? r : ".";
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
    if (!hit)
      printf("  missed %s: '%s' in: %s\n", check, span, text);
    mta_report_free(r);
  }
  fclose(f);
  size_t all_t = 0, all_f = 0;
  int ok = 1;
  for (size_t k = 0; k < S_NCHECK; k++) {
    double pct = total[k] ? 100.0 * (double)found[k] / (double)total[k] : 0;
    printf("quality: structure %-17s %zu/%zu (%.0f %%)\n", S_rules[k].check,
           found[k], total[k], pct);
    all_t += total[k];
    all_f += found[k];
    ok &= pct >= 70.0;
  }
  double pct = all_t ? 100.0 * (double)all_f / (double)all_t : 0;
  printf("quality: structure (all checks): %zu of %zu found (%.1f %%, "
         "target >= 85)\n",
         all_f, all_t, pct);
  fflush(stdout);
  ck_assert_msg(ok, "a check finds less than 70 %%");
  ck_assert_msg(pct >= 85.0, "only %.1f %% found", pct);
}
END_TEST

START_TEST(correct_lines_quiet) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/data/structure/correct.txt", S_root());
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

/* Reads file 'path' into a static buffer; returns its length. */
static size_t S_read(const char *path, char *buf, size_t cap) {
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  size_t len = fread(buf, 1, cap - 1, f);
  fclose(f);
  buf[len] = '\0';
  return len;
}

/* 1 when the audit of sample 'name' has a finding of 'rule' covering the
 * first occurrence of 'text' after 'ctx' (ctx may be ""). */
static int S_sample_has(const char *name, const char *rule, const char *ctx,
                        const char *text) {
  char file[4096];
  static char buf[1 << 16];
  snprintf(file, sizeof file, "%s/samples/%s", S_root(), name);
  S_read(file, buf, sizeof buf);
  const char *c = strstr(buf, ctx);
  const char *at = c ? strstr(c, text) : NULL;
  ck_assert_msg(at != NULL, "'%s' '%s' not in %s", ctx, text, name);
  size_t a = (size_t)(at - buf), b = a + strlen(text);
  mta_report *r = NULL;
  ck_assert_int_eq(mta_audit_file(test_auditor(), file, &r), MTA_OK);
  int hit = 0;
  mta_finding_info fi;
  for (size_t q = 0; q < mta_report_finding_count(r); q++) {
    mta_report_finding(r, q, &fi);
    if (!strcmp(fi.rule, rule) && fi.start <= a && fi.end >= b)
      hit = 1;
  }
  mta_report_free(r);
  printf("quality: sample %.3s %-30s '%s': %s\n", name, rule, text,
         hit ? "found" : "MISSED");
  return hit;
}

/* The structural artifacts of samples 000, 002 and 004 named in the
 * issue are found. */
START_TEST(sample_artifacts) {
  int ok = 1;
  ok &= S_sample_has("000_68df5a6bf045e0b4.txt", "word-order/stray-final",
                     "der Welt Ukraine", "Ukraine");
  ok &= S_sample_has("002_8df60fc6b29781a5.txt", "word-order/stray-final",
                     "kompatibel Arsenal", "Arsenal");
  ok &= S_sample_has("002_8df60fc6b29781a5.txt", "split-sentence/initial",
                     "Wladimir V.", "V.");
  ok &=
      S_sample_has("004_5fb067ae175f60a6.txt", "split-sentence/lowercase-start",
                   "geschickt. sagen", "sagen");
  ok &= S_sample_has("004_5fb067ae175f60a6.txt", "split-sentence/fragment", "",
                     "Ihre eigene militärische Zusammenarbeit.");
  ok &= S_sample_has("004_5fb067ae175f60a6.txt", "split-sentence/fragment", "",
                     "Konfrontation mit den Vereinigten Staaten und ihren "
                     "Verbündeten.");
  ok &= S_sample_has("004_5fb067ae175f60a6.txt", "word-order/verb-position",
                     "Tochter fahren", "fahren");
  ok &= S_sample_has("004_5fb067ae175f60a6.txt", "garbled/capitalized-word",
                     "Haus Er sagte", "Er");
  ok &= S_sample_has("004_5fb067ae175f60a6.txt", "garbled/capitalized-word",
                     "sagte Und", "Und");
  ok &= S_sample_has("004_5fb067ae175f60a6.txt", "garbled/capitalized-word",
                     "Paul Sohn Er", "Er");
  ck_assert_msg(ok, "a sample artifact was missed");
}
END_TEST

/* Every major structure finding on samples/ and on tests/data/clean-de/
 * (correct German) is printed; the rate on clean-de, which is all
 * correct text, must stay <= 1.5 per 1000 words. The samples' findings
 * are judged by hand in the issue note. */
START_TEST(structure_rate) {
  const char *dirs[] = {"samples", "tests/data/clean-de"};
  for (size_t di = 0; di < 2; di++) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", S_root(), dirs[di]);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "ls %s/*.txt", dir);
    FILE *ls = popen(cmd, "r");
    ck_assert_ptr_nonnull(ls);
    char path[4096];
    size_t words = 0, major = 0;
    while (fgets(path, sizeof path, ls)) {
      path[strcspn(path, "\n")] = '\0';
      mta_report *r = NULL;
      ck_assert_int_eq(mta_audit_file(test_auditor(), path, &r), MTA_OK);
      words += mta_report_words(r);
      mta_finding_info fi;
      for (size_t q = 0; q < mta_report_finding_count(r); q++) {
        mta_report_finding(r, q, &fi);
        if (fi.severity < MTA_SEV_MAJOR || !S_structure_rule(fi.rule))
          continue;
        major++;
        printf("  %s:%zu:%zu %s '%.*s'\n", strrchr(path, '/') + 1, fi.line,
               fi.column, fi.rule, (int)(fi.end - fi.start),
               r->doc.text + fi.start);
      }
      mta_report_free(r);
    }
    pclose(ls);
    double rate = words ? 1000.0 * (double)major / (double)words : 0;
    printf("quality: structure %s: %zu major findings in %zu words = %.2f "
           "per 1000\n",
           dirs[di], major, words, rate);
    if (di == 1)
      ck_assert_msg(rate <= 1.5, "clean-de: %.2f per 1000 words", rate);
  }
}
END_TEST

Suite *structure_quality_suite(void) {
  Suite *s = suite_create("structure-quality");
  TCase *tc = tcase_create("corpus");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, artifacts_found);
  tcase_add_test(tc, correct_lines_quiet);
  tcase_add_test(tc, sample_artifacts);
  tcase_add_test(tc, structure_rate);
  suite_add_tcase(s, tc);
  return s;
}
