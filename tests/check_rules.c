/*
 * Tests of the public rule registry (mta_rule_count, mta_rule_get,
 * mta_rule_find in src/checks.c) and of the rule documentation (each
 * check's rule table): every rule is documented, and its wrong example is
 * reported by the rule while the right one is not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "tests.h"

/* Rule 'i' of the registry; fails when mta_rule_get() does. */
static mta_rule_info S_rule(size_t i) {
  mta_rule_info ri;
  memset(&ri, 0, sizeof ri);
  ck_assert_int_eq(mta_rule_get(i, &ri), MTA_OK);
  return ri;
}

static int S_prefix(const char *s, const char *prefix) {
  return !strncmp(s, prefix, strlen(prefix));
}

/* ---- registry ----------------------------------------------------------- */

START_TEST(registry_is_not_empty) {
  /* Every category of the table in internal.h has at least one rule. */
  size_t n = mta_rule_count();
  ck_assert_uint_ge(n, MTAI_CAT__COUNT);
  for (int c = 0; c < MTAI_CAT__COUNT; c++) {
    const char *cat = mtai_category_name((enum mtai_category)c);
    size_t seen = 0;
    for (size_t i = 0; i < n; i++)
      seen += !strcmp(S_rule(i).category, cat);
    ck_assert_msg(seen > 0, "no rule of category %s", cat);
  }
}
END_TEST

/* Every rule of every registered check is in the registry (the registry
 * is a table built once; it must not lose one). */
START_TEST(registry_holds_every_check_rule) {
  for (size_t c = 0; mtai_checks[c]; c++)
    for (size_t r = 0; r < mtai_checks[c]->nrules; r++) {
      const char *id = mtai_checks[c]->rules[r].id;
      size_t i = mta_rule_find(id);
      ck_assert_msg(i != (size_t)-1, "rule %s not in the registry", id);
      ck_assert_str_eq(S_rule(i).id, id);
    }
  ck_assert_uint_eq(mta_rule_find("no/such-rule"), (size_t)-1);
  ck_assert_uint_eq(mta_rule_find(NULL), (size_t)-1);
}
END_TEST

START_TEST(ids_are_unique_and_well_formed) {
  size_t n = mta_rule_count();
  for (size_t i = 0; i < n; i++) {
    mta_rule_info ri = S_rule(i);
    ck_assert_ptr_nonnull(ri.id);
    ck_assert_ptr_nonnull(ri.category);
    const char *slash = strchr(ri.id, '/');
    ck_assert_msg(slash && slash > ri.id && slash[1] && !strchr(slash + 1, '/'),
                  "rule id '%s' is not category/name", ri.id);
    size_t cl = (size_t)(slash - ri.id);
    ck_assert_msg(strlen(ri.category) == cl && !strncmp(ri.id, ri.category, cl),
                  "rule %s has category %s", ri.id, ri.category);
    for (const char *c = ri.id; *c; c++)
      ck_assert_msg((*c >= 'a' && *c <= 'z') || *c == '-' || *c == '/',
                    "rule id '%s' has '%c'", ri.id, *c);
    ck_assert_ptr_nonnull(mta_severity_name(ri.severity));
    ck_assert_msg(ri.summary && ri.summary[0], "%s: no summary", ri.id);
    for (size_t k = 0; k < i; k++)
      ck_assert_msg(strcmp(S_rule(k).id, ri.id) != 0,
                    "rule %s listed at %zu and %zu", ri.id, k, i);
  }
}
END_TEST

START_TEST(find_returns_the_index) {
  size_t n = mta_rule_count();
  for (size_t i = 0; i < n; i++) {
    mta_rule_info ri = S_rule(i);
    ck_assert_uint_eq(mta_rule_find(ri.id), i);
  }
  ck_assert_uint_eq(mta_rule_find("no/such-rule"), (size_t)-1);
  ck_assert_uint_eq(mta_rule_find(""), (size_t)-1);
  ck_assert_uint_eq(mta_rule_find("spelling"), (size_t)-1);
  ck_assert_uint_eq(mta_rule_find(NULL), (size_t)-1);
  ck_assert_uint_ne(mta_rule_find("compound/split"), (size_t)-1);
  ck_assert_uint_ne(mta_rule_find("word-order/verb-position"), (size_t)-1);
}
END_TEST

START_TEST(get_out_of_range) {
  mta_rule_info ri;
  size_t n = mta_rule_count();
  ck_assert_int_eq(mta_rule_get(n, &ri), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_rule_get(n + 1, &ri), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_rule_get((size_t)-1, &ri), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_rule_get(0, NULL), MTA_ERR_INVALID_ARG);
}
END_TEST

/* ---- documentation ------------------------------------------------------ */

START_TEST(every_rule_is_documented) {
  size_t n = mta_rule_count();
  for (size_t i = 0; i < n; i++) {
    mta_rule_info ri = S_rule(i);
    ck_assert_msg(ri.explanation && strlen(ri.explanation) > 80,
                  "%s: no explanation", ri.id);
    ck_assert_msg(strcmp(ri.explanation, ri.summary) != 0,
                  "%s: explanation is the summary", ri.id);
    ck_assert_msg(ri.wrong && ri.wrong[0], "%s: no wrong example", ri.id);
    ck_assert_msg(ri.right && ri.right[0], "%s: no right example", ri.id);
    ck_assert_msg(strcmp(ri.wrong, ri.right) != 0,
                  "%s: wrong and right examples are the same", ri.id);
    /* One line each: SARIF and --explain print "Wrong: ...". */
    ck_assert_msg(!strchr(ri.wrong, '\n') && !strchr(ri.right, '\n'),
                  "%s: an example spans lines", ri.id);
    ck_assert_msg(!strchr(ri.explanation, '\n'), "%s: explanation spans lines",
                  ri.id);
  }
}
END_TEST

/* mta_rule_get() hands out the strings of the check's own rule table. */
START_TEST(doc_comes_from_the_check) {
  size_t found = 0;
  for (size_t c = 0; mtai_checks[c]; c++)
    for (size_t r = 0; r < mtai_checks[c]->nrules; r++) {
      const struct mta_rule *ru = &mtai_checks[c]->rules[r];
      mta_rule_info ri = S_rule(mta_rule_find(ru->id));
      ck_assert_ptr_eq(ri.summary, ru->summary);
      ck_assert_ptr_eq(ri.explanation, ru->explanation);
      ck_assert_ptr_eq(ri.wrong, ru->wrong);
      ck_assert_ptr_eq(ri.right, ru->right);
      found++;
    }
  ck_assert_uint_eq(found, mta_rule_count());
}
END_TEST

/* Every rule of every registered check is documented in its table: an
 * explanation, a wrong and a right example (not only through the public
 * registry, which falls back to the summary). */
START_TEST(every_check_documents_its_rules) {
  for (size_t c = 0; mtai_checks[c]; c++)
    for (size_t r = 0; r < mtai_checks[c]->nrules; r++) {
      const struct mta_rule *ru = &mtai_checks[c]->rules[r];
      ck_assert_msg(ru->summary && ru->summary[0], "%s: no summary", ru->id);
      ck_assert_msg(ru->explanation && ru->explanation[0],
                    "%s (check %s): no explanation", ru->id,
                    mtai_checks[c]->name);
      ck_assert_msg(ru->wrong && ru->wrong[0], "%s: no wrong example", ru->id);
      ck_assert_msg(ru->right && ru->right[0], "%s: no right example", ru->id);
    }
}
END_TEST

/* ---- the examples are real ---------------------------------------------- */

/* A paragraph of article prose (20 words or more), clean, that follows a
 * boilerplate example so that the example stands at the top of a page. */
static const char S_prose[] =
    "Nordkoreas Machthaber Kim Jong-un ist am Dienstag mit seinem "
    "Panzerzug in Russland eingetroffen. Er will dort Präsident Wladimir "
    "Putin treffen.";

/* Audits example 'ex' of 'rule' ('wrong': 1 for the wrong one) the way
 * the artifact appears: boilerplate as a paragraph at the top of a page;
 * duplicate/paragraph, whose examples name the paragraph and then say in
 * brackets where it stands ("Kim reist ... (the headline, and again as
 * paragraph 3)"), as that paragraph above the prose and, for the wrong
 * example, once more below it; anything else as a paragraph on its own.
 * The caller frees. */
static mta_report *S_audit_example(const char *rule, const char *ex,
                                   int wrong) {
  /* Accuracy rules compare with the source: "SOURCE ||| TARGET". */
  const char *bar = strstr(ex, " ||| ");
  if (S_prefix(rule, "accuracy/")) {
    ck_assert_msg(bar != NULL, "%s: example without \"SOURCE ||| TARGET\"",
                  rule);
    char *src = strndup(ex, (size_t)(bar - ex));
    ck_assert_ptr_nonnull(src);
    mta_report *r = test_audit_pair(bar + 5, src);
    free(src);
    return r;
  }
  int dup = S_prefix(rule, "duplicate/");
  if (!dup && !S_prefix(rule, "boilerplate/"))
    return test_audit(ex);
  int len = (int)strlen(ex);
  if (dup) {
    const char *note = strstr(ex, " (");
    ck_assert_msg(note != NULL, "%s: example without (note)", rule);
    len = (int)(note - ex);
  }
  size_t n = 2 * (size_t)len + sizeof S_prose + 8;
  char *doc = malloc(n);
  ck_assert_ptr_nonnull(doc);
  if (dup && wrong)
    snprintf(doc, n, "%.*s\n\n%s\n\n%.*s\n", len, ex, S_prose, len, ex);
  else
    snprintf(doc, n, "%.*s\n\n%s\n", len, ex, S_prose);
  mta_report *r = test_audit(doc);
  free(doc);
  return r;
}

START_TEST(prose_is_clean) {
  mta_report *r = test_audit(S_prose);
  ck_assert_uint_eq(mta_report_finding_count(r), 0);
  mta_report_free(r);
}
END_TEST

START_TEST(wrong_example_is_reported) {
  mta_rule_info ri = S_rule((size_t)_i);
  mta_report *r = S_audit_example(ri.id, ri.wrong, 1);
  ck_assert_msg(test_count_rule(r, ri.id) > 0,
                "%s: wrong example \"%s\" is not reported", ri.id, ri.wrong);
  mta_report_free(r);
}
END_TEST

/* The right example is not reported. Where the fix is to delete the text
 * ("(delete the line)"), the wrong example's findings must cover what is
 * to go: the document with the reported span cut out is not reported
 * again, and the span covers the example (not just a word of it). */
START_TEST(right_example_is_not_reported) {
  mta_rule_info ri = S_rule((size_t)_i);
  if (ri.right[0] != '(') {
    mta_report *r = S_audit_example(ri.id, ri.right, 0);
    ck_assert_msg(test_count_rule(r, ri.id) == 0,
                  "%s: right example \"%s\" is reported", ri.id, ri.right);
    mta_report_free(r);
    return;
  }
  /* The example as a paragraph above article prose, as boilerplate
   * stands at the top of a page. */
  size_t dn = strlen(ri.wrong) + sizeof S_prose + 4;
  char *doc = malloc(dn);
  ck_assert_ptr_nonnull(doc);
  snprintf(doc, dn, "%s\n\n%s\n", ri.wrong, S_prose);
  mta_report *r = test_audit(doc);
  free(doc);
  size_t a = (size_t)-1, b = 0;
  mta_finding_info fi;
  for (size_t q = 0; q < mta_report_finding_count(r); q++) {
    ck_assert_int_eq(mta_report_finding(r, q, &fi), MTA_OK);
    if (strcmp(fi.rule, ri.id))
      continue;
    a = fi.start < a ? fi.start : a;
    b = fi.end > b ? fi.end : b;
  }
  ck_assert_msg(a < b, "%s: wrong example \"%s\" is not reported", ri.id,
                ri.wrong);
  const char *text = r->doc.text;
  const char *ex = strstr(text, ri.wrong);
  ck_assert_msg(ex && a <= (size_t)(ex - text) &&
                    b >= (size_t)(ex - text) + strlen(ri.wrong),
                "%s: the finding [%zu, %zu) does not cover the example to "
                "delete",
                ri.id, a, b);
  size_t n = r->doc.len - (b - a);
  char *rest = malloc(n + 1);
  ck_assert_ptr_nonnull(rest);
  memcpy(rest, text, a);
  memcpy(rest + a, text + b, r->doc.len - b);
  rest[n] = '\0';
  mta_report_free(r);
  r = test_audit(rest);
  ck_assert_msg(test_count_rule(r, ri.id) == 0,
                "%s: reported again after deleting the span: \"%s\"", ri.id,
                rest);
  free(rest);
  mta_report_free(r);
}
END_TEST

/* Only rules that delete text have a parenthesized right example. */
START_TEST(instructions_only_where_text_is_deleted) {
  size_t n = mta_rule_count();
  size_t german = 0;
  for (size_t i = 0; i < n; i++) {
    mta_rule_info ri = S_rule(i);
    ck_assert_msg(ri.wrong[0] != '(', "%s: wrong example is no text", ri.id);
    if (ri.right[0] == '(')
      ck_assert_msg(S_prefix(ri.id, "boilerplate/") ||
                        !strcmp(ri.id, "english-leftover/mt-notice"),
                    "%s: right example is no text", ri.id);
    else
      german++;
  }
  /* Every rule of the translation itself shows its correction. */
  ck_assert_uint_ge(german, n / 2);
}
END_TEST

START_TEST(verb_position_examples_of_the_readme) {
  /* The other forms the README names for the rule. */
  static const char *const wrong[] = {
      "Der Konzern teilte mit, dass er baut in Magdeburg kein Werk.",
      "Die Bürger, die haben ihr Haus verloren, erhalten Hilfe.",
      "Im März erscheinen Herr Kim und seine Tochter fahren in einem "
      "Panzerzug nach Moskau."};
  static const char *const right[] = {
      "Der Konzern teilte mit, dass er in Magdeburg kein Werk baut.",
      "Die Bürger, die ihr Haus verloren haben, erhalten Hilfe."};
  for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
    mta_report *r = test_audit(wrong[i]);
    ck_assert_msg(test_count_rule(r, "word-order/verb-position") > 0,
                  "not reported: %s", wrong[i]);
    mta_report_free(r);
  }
  for (size_t i = 0; i < sizeof right / sizeof right[0]; i++) {
    mta_report *r = test_audit(right[i]);
    ck_assert_msg(test_count_rule(r, "word-order/verb-position") == 0,
                  "reported: %s", right[i]);
    mta_report_free(r);
  }
}
END_TEST

Suite *rules_suite(void) {
  Suite *s = suite_create("rules");
  TCase *tc = tcase_create("registry");
  tcase_add_test(tc, registry_is_not_empty);
  tcase_add_test(tc, ids_are_unique_and_well_formed);
  tcase_add_test(tc, registry_holds_every_check_rule);
  tcase_add_test(tc, find_returns_the_index);
  tcase_add_test(tc, get_out_of_range);
  suite_add_tcase(s, tc);

  tc = tcase_create("doc");
  tcase_add_test(tc, every_rule_is_documented);
  tcase_add_test(tc, doc_comes_from_the_check);
  tcase_add_test(tc, every_check_documents_its_rules);
  tcase_add_test(tc, instructions_only_where_text_is_deleted);
  suite_add_tcase(s, tc);

  tc = tcase_create("examples");
  tcase_set_timeout(tc, 60);
  int n = (int)mta_rule_count();
  tcase_add_test(tc, prose_is_clean);
  tcase_add_loop_test(tc, wrong_example_is_reported, 0, n);
  tcase_add_loop_test(tc, right_example_is_not_reported, 0, n);
  tcase_add_test(tc, verb_position_examples_of_the_readme);
  suite_add_tcase(s, tc);
  return s;
}
