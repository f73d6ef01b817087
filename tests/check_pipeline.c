/*
 * Tests of the pipeline data of issue 17: a failed JSON Lines record keeps
 * its id (mta_record_parse_id()), an empty "text" is its own error, the
 * JSON "suggestions", "counts" and "gate" members, SARIF fixes, URIs and
 * partialFingerprints,
 * the rule registry as JSON (mta_rules_json()) and "did you mean"
 * (mta_closest(), mta_rule_closest()).
 */
#include <stdlib.h>
#include <string.h>

#include "tests.h"

/* ---- records ------------------------------------------------------------ */

START_TEST(failed_record_keeps_id) {
  static const struct {
    const char *line, *id;
  } cases[] = {
      {"{\"id\":3,\"txt\":\"x\"}", "3"},
      {"{\"id\": \"a7\", \"text\": 5}", "\"a7\""},
      {"{\"text\": 5, \"id\": \"a7\"}", "\"a7\""}, /* after the bad member */
      {"{\"text\": \"x\", \"source\": 1, \"id\": 9}", "9"},
      {"{\"id\": 2, \"text\": ", "2"},
      {"{\"text\": ", NULL},
      {"not json", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    mta_record *rec = NULL;
    char *why = NULL;
    size_t n = strlen(cases[i].line);
    ck_assert_int_eq(mta_record_parse(cases[i].line, n, &rec, &why),
                     MTA_ERR_PARSE);
    ck_assert_ptr_null(rec);
    mta_free(why);
    char *id = mta_record_parse_id(cases[i].line, n);
    if (cases[i].id)
      ck_assert_str_eq(id, cases[i].id);
    else
      ck_assert_ptr_null(id);
    mta_free(id);
  }
  ck_assert_ptr_null(mta_record_parse_id(NULL, 0));
}
END_TEST

/* A mistyped "text" is still reported as such, once the line parsed. */
START_TEST(text_type_error_message) {
  const char *line = "{\"text\": 5, \"id\": 1}";
  mta_record *rec = NULL;
  char *why = NULL;
  ck_assert_int_eq(mta_record_parse(line, strlen(line), &rec, &why),
                   MTA_ERR_PARSE);
  ck_assert_str_eq(why, "column 10: \"text\" is not a string");
  mta_free(why);
  /* A syntax error after it is reported first (left to right fails). */
  line = "{\"text\": 5, \"id\": }";
  ck_assert_int_eq(mta_record_parse(line, strlen(line), &rec, &why),
                   MTA_ERR_PARSE);
  ck_assert_ptr_nonnull(strstr(why, "expected a value"));
  mta_free(why);
}
END_TEST

START_TEST(empty_text_is_not_empty_file) {
  const char *line = "{\"id\": 4, \"text\": \"\"}";
  mta_record *rec = NULL;
  ck_assert_int_eq(mta_record_parse(line, strlen(line), &rec, NULL), MTA_OK);
  mta_report *r = NULL;
  ck_assert_int_eq(mta_audit_record(test_auditor(), rec, "in[id=4]", &r),
                   MTA_ERR_EMPTY);
  ck_assert_ptr_null(r);
  ck_assert_str_eq(mta_auditor_errmsg(test_auditor()),
                   "in[id=4]: record has an empty text");
  mta_record_free(rec);
}
END_TEST

/* ---- JSON --------------------------------------------------------------- */

static char *S_render(const mta_report *r, mta_format f) {
  char *out = NULL;
  ck_assert_int_eq(mta_render(r, f, NULL, &out), MTA_OK);
  return out;
}

START_TEST(json_suggestions_counts_gate) {
  mta_report *r = test_audit("Er sagte, das sei gros gewesen.");
  test_rescore(r, 99.5, 1, MTA_SEV_MINOR, 0);
  char *j = S_render(r, MTA_FORMAT_JSON);
  ck_assert(test_json_valid(j, strlen(j)));
  ck_assert_ptr_nonnull(strstr(j, "\"suggestion\": \"groß\", "
                                  "\"suggestions\": [\"groß\", \"Gros\", "
                                  "\"grob\"]"));
  ck_assert_ptr_nonnull(strstr(j, "\"counts\": {\"critical\": 0, "
                                  "\"major\": 1, \"minor\": 0, "
                                  "\"by_category\": {\"spelling\": 1, "));
  ck_assert_ptr_nonnull(strstr(j, "\"gate\": {\"reason\": \"score\", "
                                  "\"fail_under\": 99.5, \"fail_on\": "
                                  "\"minor\", \"fail_unscored\": null, "
                                  "\"min_words\": 1, \"scored_words\": 6, "
                                  "\"unscored_percent\": 0.0}"));
  mta_free(j);
  /* JSON Lines: the same document members. */
  j = S_render(r, MTA_FORMAT_JSONL);
  ck_assert_ptr_nonnull(strstr(j, "\"suggestions\": [\"groß\", "));
  ck_assert_ptr_nonnull(strstr(j, "\"gate\": {\"reason\": \"score\""));
  mta_free(j);
  mta_report_free(r);
}
END_TEST

/* One suggestion: an array of one; no gate, a score: "reason" null. */
START_TEST(json_one_suggestion_no_gate) {
  mta_report *r = test_audit("Die Wahl in Moskau war am Monday.");
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  char *j = S_render(r, MTA_FORMAT_JSON);
  ck_assert(test_json_valid(j, strlen(j)));
  ck_assert_ptr_nonnull(strstr(j, "\"suggestion\": \"Montag\", "
                                  "\"suggestions\": [\"Montag\"]"));
  ck_assert_ptr_nonnull(strstr(j, "\"gate\": {\"reason\": null, "
                                  "\"fail_under\": null, \"fail_on\": null"));
  mta_free(j);
  mta_report_free(r);
}
END_TEST

/* ---- SARIF -------------------------------------------------------------- */

START_TEST(sarif_fixes_and_uris) {
  mta_report *r = test_audit_source(
      "/tmp/a b/Bericht.txt", "Er sagte, das sei gros gewesen.", NULL, NULL);
  char *s = S_render(r, MTA_FORMAT_SARIF);
  ck_assert(test_json_valid(s, strlen(s)));
  ck_assert_ptr_null(strstr(s, "informationUri"));
  ck_assert_ptr_null(strstr(s, "example.invalid"));
  /* An absolute path: a file URI, percent-encoded, no uriBaseId. */
  ck_assert_ptr_nonnull(
      strstr(s, "{\"uri\": \"file:///tmp/a%20b/Bericht.txt\"}"));
  ck_assert_ptr_nonnull(strstr(
      s, "\"fixes\": [{\"description\": {\"text\": \"Replace with 'groß'\"}, "
         "\"artifactChanges\": [{\"artifactLocation\": {\"uri\": "
         "\"file:///tmp/a%20b/Bericht.txt\"}, \"replacements\": "
         "[{\"deletedRegion\": {\"startLine\": 1, \"startColumn\": 19, "
         "\"endLine\": 1, \"endColumn\": 23, \"byteOffset\": 18, "
         "\"byteLength\": 4}, \"insertedContent\": {\"text\": \"groß\"}}]}]}, "
         "{\"description\": {\"text\": \"Replace with 'Gros'\"}"));
  /* The finding's fingerprint (fingerprint.c) as partialFingerprints. */
  mta_finding_info fi;
  ck_assert_int_eq(mta_report_finding(r, 0, &fi), MTA_OK);
  ck_assert_uint_eq(strlen(fi.fingerprint), 16);
  char want[96];
  snprintf(want, sizeof want,
           "\"partialFingerprints\": {\"mtauditFinding/v1\": \"%s\"}",
           fi.fingerprint);
  ck_assert_ptr_nonnull(strstr(s, want));
  mta_free(s);
  mta_report_free(r);
  /* A relative name (a JSON Lines record's): a relative reference. */
  r = test_audit_source("<stdin>[id=3]", "Er sagte, das sei gros gewesen.",
                        NULL, NULL);
  s = S_render(r, MTA_FORMAT_SARIF);
  ck_assert_ptr_nonnull(strstr(s, "{\"uri\": \"%3Cstdin%3E%5Bid%3D3%5D\", "
                                  "\"uriBaseId\": \"SRCROOT\"}"));
  mta_free(s);
  mta_report_free(r);
}
END_TEST

/* A rule whose suggestion is advice, not a replacement: no fixes. */
START_TEST(sarif_no_fix_without_replacement) {
  mta_report *r = test_audit("Er sagte: \"Das ist gut.\"");
  char *s = S_render(r, MTA_FORMAT_SARIF);
  ck_assert(test_json_valid(s, strlen(s)));
  ck_assert_ptr_null(strstr(s, "\"fixes\""));
  mta_free(s);
  mta_report_free(r);
}
END_TEST

/* ---- rules as JSON, did you mean ---------------------------------------- */

START_TEST(rules_json) {
  char *j = NULL;
  ck_assert_int_eq(mta_rules_json(NULL), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_rules_json(&j), MTA_OK);
  ck_assert(test_json_valid(j, strlen(j)));
  size_t n = 0;
  for (const char *p = j; (p = strstr(p, "{\"id\": ")); p++)
    n++;
  ck_assert_uint_eq(n, mta_rule_count());
  ck_assert_ptr_nonnull(strstr(j, "{\"id\": \"spelling/unknown\", "
                                  "\"category\": \"spelling\", "
                                  "\"severity\": \"major\", \"summary\": "));
  /* An accuracy rule's example: the source apart. */
  ck_assert_ptr_nonnull(strstr(j, "\"examples\": [{\"source\": "));
  mta_free(j);
}
END_TEST

START_TEST(closest) {
  static const char *const opts[] = {"format", "fail-under", "fail-on",
                                     "output", "no-config",  "jobs"};
  ck_assert_str_eq(mta_closest("fromat", opts, 6), "format");
  ck_assert_str_eq(mta_closest("fail-undr", opts, 6), "fail-under");
  ck_assert_str_eq(mta_closest("job", opts, 6), "jobs");
  ck_assert_ptr_null(mta_closest("verbose", opts, 6));
  ck_assert_ptr_null(mta_closest("", opts, 6));
  ck_assert_ptr_null(mta_closest(NULL, opts, 6));
  ck_assert_ptr_null(mta_closest("x", NULL, 0));
  ck_assert_str_eq(mta_rule_closest("spelling/unknwn"), "spelling/unknown");
  ck_assert_str_eq(mta_rule_closest("compund/split"), "compound/split");
  ck_assert_str_eq(mta_rule_closest("Spelling"), "spelling");
  ck_assert_ptr_null(mta_rule_closest("nonsense-of-a-name"));
}
END_TEST

Suite *pipeline_suite(void) {
  Suite *s = suite_create("pipeline");
  TCase *tc = tcase_create("records");
  tcase_add_test(tc, failed_record_keeps_id);
  tcase_add_test(tc, text_type_error_message);
  tcase_add_test(tc, empty_text_is_not_empty_file);
  suite_add_tcase(s, tc);
  tc = tcase_create("json");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, json_suggestions_counts_gate);
  tcase_add_test(tc, json_one_suggestion_no_gate);
  suite_add_tcase(s, tc);
  tc = tcase_create("sarif");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, sarif_fixes_and_uris);
  tcase_add_test(tc, sarif_no_fix_without_replacement);
  suite_add_tcase(s, tc);
  tc = tcase_create("names");
  tcase_add_test(tc, rules_json);
  tcase_add_test(tc, closest);
  suite_add_tcase(s, tc);
  return s;
}
