/*
 * Per-rule quality suites measured on tests/data/rules/ (every .tsv), one file
 * per rule, named <category>-<name>.tsv ("english-leftover-exonym.tsv" is the
 * rule english-leftover/exonym: the first '-' that ends a known category name
 * separates category and name). Lines (UTF-8, tabs):
 *
 *   +<TAB>span<TAB>text   a positive: a finding of the file's rule must
 *                         overlap the first occurrence of 'span' in
 *                         'text'; "@N span" picks its N-th occurrence
 *                         (a leftover a text repeats, each one a line)
 *   -<TAB><TAB>text       correct German: no finding of the rule at all
 *   #targets recall=R false=F   optional (default recall=0.80
 *                         false=0.025)
 *   # ...                 a comment; blank lines are skipped
 *
 * Each text is audited as its own document, rescored with a minimum of
 * one scored word. Prints per file
 *   quality: rule <id>: P/N positives found, F of M correct sentences
 *   with a finding
 * after the misses and false alarms, and asserts P/N >= R and F/M <= F.
 * A file whose rule is not in the registry (mta_rule_find, the list of
 * --list-rules) is reported "not implemented yet" and does not fail, so
 * that the data can land before the rule. Files whose name contains
 * "heldout" are held-out sets and are not read here. Paths are relative
 * to the repository root; MTAUDIT_TEST_ROOT overrides it.
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

/* 1 when 'name' (n bytes) is a category name: one of MTAI_CATEGORIES,
 * or "grammar" (issue 15's new category, known before it is added). */
static int S_category(const char *name, size_t n) {
  for (int c = 0; c < MTAI_CAT__COUNT; c++) {
    const char *cn = mtai_category_name((enum mtai_category)c);
    if (strlen(cn) == n && !strncmp(cn, name, n))
      return 1;
  }
  return n == 7 && !strncmp(name, "grammar", 7);
}

/* The rule id of data file 'base' ("english-leftover-exonym.tsv") into
 * 'id'; 0 when no '-' ends a category name. */
static int S_rule_id(const char *base, char *id, size_t cap) {
  size_t len = strlen(base);
  if (len < 5 || strcmp(base + len - 4, ".tsv"))
    return 0;
  len -= 4;
  for (size_t i = 0; i < len; i++)
    if (base[i] == '-' && i + 1 < len && S_category(base, i)) {
      snprintf(id, cap, "%.*s/%.*s", (int)i, base, (int)(len - i - 1),
               base + i + 1);
      return 1;
    }
  return 0;
}

/* 1 when 'r' has a finding of 'rule' overlapping bytes [a, b). */
static int S_overlaps(const mta_report *r, const char *rule, size_t a,
                      size_t b) {
  mta_finding_info fi;
  for (size_t k = 0; k < mta_report_finding_count(r); k++)
    if (mta_report_finding(r, k, &fi) == MTA_OK && !strcmp(fi.rule, rule) &&
        fi.start < b && fi.end > a)
      return 1;
  return 0;
}

static mta_report *S_audit(const char *text) {
  mta_report *r = test_audit(text);
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  return r;
}

/* The byte offset of the occurrence of 'span' that 'spec' names in
 * 'text' ("span" the first, "@N span" the N-th); -1 when there is none. */
static long S_locate(const char *text, const char *spec, size_t *len) {
  long nth = 1;
  const char *span = spec;
  if (spec[0] == '@') {
    char *end;
    nth = strtol(spec + 1, &end, 10);
    if (end == spec + 1 || *end != ' ' || nth < 1)
      return -1;
    span = end + 1;
  }
  *len = strlen(span);
  if (!*len)
    return -1;
  const char *at = text;
  for (long i = 0; at; i++) {
    at = strstr(at, span);
    if (at && i + 1 == nth)
      return (long)(at - text);
    if (at)
      at++;
  }
  return -1;
}

/* Measures one data file. Returns 1 when its targets hold (or its rule
 * does not exist yet), 0 otherwise. */
static int S_measure(const char *path, const char *base) {
  char id[256];
  ck_assert_msg(S_rule_id(base, id, sizeof id),
                "%s: file name is not <category>-<name>.tsv", base);
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  int exists = mta_rule_find(id) != (size_t)-1;
  double want_recall = 0.80, want_false = 0.025;
  size_t pos = 0, found = 0, neg = 0, alarms = 0, lineno = 0;
  static char line[1 << 14];
  while (fgets(line, sizeof line, f)) {
    lineno++;
    line[strcspn(line, "\r\n")] = '\0';
    if (!strncmp(line, "#targets", 8)) {
      const char *r = strstr(line, "recall="), *fa = strstr(line, "false=");
      if (r)
        want_recall = strtod(r + 7, NULL);
      if (fa)
        want_false = strtod(fa + 6, NULL);
      continue;
    }
    if (line[0] == '#' || line[0] == '\0')
      continue;
    char *t1 = strchr(line, '\t');
    char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
    ck_assert_msg(t1 == line + 1 && t2 != NULL &&
                      (line[0] == '+' || line[0] == '-'),
                  "%s:%zu: bad line: %s", base, lineno, line);
    *t2 = '\0';
    const char *span = t1 + 1, *text = t2 + 1;
    ck_assert_msg(*text, "%s:%zu: no text", base, lineno);
    if (line[0] == '+') {
      size_t len = 0;
      long a = S_locate(text, span, &len);
      ck_assert_msg(a >= 0, "%s:%zu: '%s' not in '%s'", base, lineno, span,
                    text);
      pos++;
      if (!exists)
        continue;
      mta_report *r = S_audit(text);
      int hit = S_overlaps(r, id, (size_t)a, (size_t)a + len);
      found += hit;
      if (!hit)
        printf("  missed %s: '%s' in: %s\n", id, span, text);
      mta_report_free(r);
    } else {
      ck_assert_msg(!*span, "%s:%zu: a correct line has a span", base, lineno);
      neg++;
      if (!exists)
        continue;
      mta_report *r = S_audit(text);
      mta_finding_info fi;
      int alarm = 0;
      for (size_t k = 0; k < mta_report_finding_count(r); k++)
        if (mta_report_finding(r, k, &fi) == MTA_OK && !strcmp(fi.rule, id)) {
          alarm = 1;
          printf("  false alarm %s on '%.*s' in: %s\n", id,
                 (int)(fi.end - fi.start), text + fi.start, text);
        }
      alarms += alarm;
      mta_report_free(r);
    }
  }
  fclose(f);
  if (!exists) {
    printf("quality: rule %s: not implemented yet (%zu positives, %zu "
           "correct sentences waiting)\n",
           id, pos, neg);
    fflush(stdout);
    return 1;
  }
  double recall = pos ? (double)found / (double)pos : 1.0;
  double rate = neg ? (double)alarms / (double)neg : 0.0;
  int ok = recall >= want_recall - 1e-9 && rate <= want_false + 1e-9;
  printf("quality: rule %s: %zu/%zu positives found, %zu of %zu correct "
         "sentences with a finding (recall %.2f, target >= %.2f; false "
         "%.3f, target <= %.3f)%s\n",
         id, found, pos, alarms, neg, recall, want_recall, rate, want_false,
         ok ? "" : " FAILED");
  fflush(stdout);
  return ok;
}

static int S_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

START_TEST(rule_files) {
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/tests/data/rules", S_root());
  DIR *d = opendir(dir);
  ck_assert_msg(d != NULL, "cannot open %s", dir);
  char *names[256];
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t len = strlen(e->d_name);
    if (len < 5 || strcmp(e->d_name + len - 4, ".tsv") ||
        strstr(e->d_name, "heldout"))
      continue;
    ck_assert_uint_lt(n, 256);
    names[n] = strdup(e->d_name);
    ck_assert_ptr_nonnull(names[n]);
    n++;
  }
  closedir(d);
  ck_assert_msg(n > 0, "no rule files in %s", dir);
  qsort(names, n, sizeof names[0], S_cmp);
  int ok = 1;
  for (size_t i = 0; i < n; i++) {
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    if (!S_measure(path, names[i]))
      ok = 0;
    free(names[i]);
  }
  ck_assert_msg(ok, "a rule misses its targets (see the quality lines)");
}
END_TEST

/* The file-name convention. */
START_TEST(rule_ids_from_names) {
  char id[256];
  ck_assert(S_rule_id("english-leftover-exonym.tsv", id, sizeof id));
  ck_assert_str_eq(id, "english-leftover/exonym");
  ck_assert(S_rule_id("split-sentence-verb-start.tsv", id, sizeof id));
  ck_assert_str_eq(id, "split-sentence/verb-start");
  ck_assert(S_rule_id("grammar-agreement.tsv", id, sizeof id));
  ck_assert_str_eq(id, "grammar/agreement");
  ck_assert(S_rule_id("compound-split.tsv", id, sizeof id));
  ck_assert_str_eq(id, "compound/split");
  ck_assert(!S_rule_id("nosuch-rule.tsv", id, sizeof id));
  ck_assert(!S_rule_id("spelling.tsv", id, sizeof id));
  ck_assert(!S_rule_id("spelling-.tsv", id, sizeof id));
  size_t len;
  ck_assert_int_eq(S_locate("a Foo b Foo c", "Foo", &len), 2);
  ck_assert_int_eq(S_locate("a Foo b Foo c", "@2 Foo", &len), 8);
  ck_assert_int_eq(S_locate("a Foo b Foo c", "@3 Foo", &len), -1);
  ck_assert_int_eq(S_locate("a Foo b", "@x Foo", &len), -1);
}
END_TEST

Suite *rule_quality_suite(void) {
  Suite *s = suite_create("rule-quality");
  TCase *tc = tcase_create("corpus");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, rule_ids_from_names);
  tcase_add_test(tc, rule_files);
  suite_add_tcase(s, tc);
  return s;
}
