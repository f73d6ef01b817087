/* Tests of src/report.c: position look-ups in the document, findings and
 * the public mta_report accessors. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

/* UTF-8 spellings of the non-ASCII letters used below. */
#define AE "\xC3\xA4"     /* ä */
#define OE "\xC3\xB6"     /* ö */
#define UE "\xC3\xBC"     /* ü */
#define SZ "\xC3\x9F"     /* ß */
#define CAP_OE "\xC3\x96" /* Ö */
#define CAP_UE "\xC3\x9C" /* Ü */

/* Creates the shared auditor once, before the tests fork. */
static void S_setup(void) { (void)test_auditor(); }

/* A document over 'text' with the 'n' line starts 'starts' (no
 * paragraphs). Borrows both; never pass it to mtai_doc_clear(). */
static struct mtai_doc S_doc(const char *text, const uint32_t *starts,
                             size_t n) {
  struct mtai_doc d;
  memset(&d, 0, sizeof d);
  d.text = (char *)text;
  d.len = strlen(text);
  d.line_starts = (uint32_t *)starts;
  d.nlines = n;
  return d;
}

/* Asserts that byte 'off' of 'd' is at 'line':'col'. */
static void S_expect_linecol(const struct mtai_doc *d, size_t off, size_t line,
                             size_t col) {
  size_t l = 0, c = 0;
  mtai_doc_linecol(d, off, &l, &c);
  ck_assert_msg(l == line && c == col, "offset %zu: %zu:%zu, want %zu:%zu", off,
                l, c, line, col);
}

/* Index of the first finding of 'rule' in 'r'; fails when there is none. */
static size_t S_find_rule(const mta_report *r, const char *rule) {
  mta_finding_info fi;
  for (size_t i = 0; i < mta_report_finding_count(r); i++)
    if (mta_report_finding(r, i, &fi) == MTA_OK && !strcmp(fi.rule, rule))
      return i;
  ck_abort_msg("no finding of %s", rule);
  return 0;
}

/* A finding info whose every field differs from what any real finding
 * holds, so that a field left unset is caught. */
static mta_finding_info S_sentinel(void) {
  mta_finding_info fi;
  memset(&fi, 0, sizeof fi);
  fi.rule = "sentinel";
  fi.category = "sentinel";
  fi.severity = (mta_severity)77;
  fi.paragraph = fi.line = fi.column = 9999;
  fi.start = fi.end = 9999;
  fi.message = "sentinel";
  fi.suggestion = "sentinel";
  return fi;
}

/* Frees and drops the findings the checks put into 'r'. */
static void S_clear_findings(mta_report *r) {
  for (size_t i = 0; i < r->nfind; i++) {
    free(r->findings[i].message);
    free(r->findings[i].suggestion);
  }
  r->nfind = 0;
}

static const struct mta_rule S_rule = {.id = "test/rule",
                                       .category = MTAI_CAT_GARBLED,
                                       .severity = MTA_SEV_MINOR,
                                       .summary = "a rule of the tests"};

/* ---- line and column ---------------------------------------------------- */

START_TEST(linecol_counts_code_points) {
  static const uint32_t starts[] = {0};
  struct mtai_doc d = S_doc(AE OE UE " x", starts, 1);
  S_expect_linecol(&d, 0, 1, 1);
  S_expect_linecol(&d, 2, 1, 2);
  S_expect_linecol(&d, 4, 1, 3);
  S_expect_linecol(&d, 6, 1, 4);
  S_expect_linecol(&d, 7, 1, 5); /* the x */
  S_expect_linecol(&d, 8, 1, 6); /* the end */
}
END_TEST

START_TEST(linecol_four_byte_characters) {
  static const uint32_t starts[] = {0, 6};
  struct mtai_doc d = S_doc("\xF0\x9F\x98\x80x\n\xF0\x9F\x98\x80y", starts, 2);
  S_expect_linecol(&d, 4, 1, 2);
  S_expect_linecol(&d, 5, 1, 3);
  S_expect_linecol(&d, 6, 2, 1);
  S_expect_linecol(&d, 10, 2, 2);
}
END_TEST

START_TEST(linecol_crlf) {
  static const uint32_t starts[] = {0, 4, 8};
  struct mtai_doc d = S_doc("ab\r\ncd\r\nef", starts, 3);
  S_expect_linecol(&d, 1, 1, 2);
  S_expect_linecol(&d, 2, 1, 3); /* the CR */
  S_expect_linecol(&d, 3, 1, 4); /* the LF */
  S_expect_linecol(&d, 4, 2, 1);
  S_expect_linecol(&d, 5, 2, 2);
  S_expect_linecol(&d, 8, 3, 1);
  S_expect_linecol(&d, 9, 3, 2);
}
END_TEST

START_TEST(linecol_lone_cr) {
  static const uint32_t starts[] = {0, 3, 6};
  struct mtai_doc d = S_doc("ab\rcd\ref", starts, 3);
  S_expect_linecol(&d, 2, 1, 3);
  S_expect_linecol(&d, 3, 2, 1);
  S_expect_linecol(&d, 4, 2, 2);
  S_expect_linecol(&d, 6, 3, 1);
  S_expect_linecol(&d, 7, 3, 2);
}
END_TEST

START_TEST(linecol_last_line) {
  static const uint32_t starts[] = {0, 2, 4};
  struct mtai_doc d = S_doc("a\nb\nletzte", starts, 3);
  S_expect_linecol(&d, 4, 3, 1);
  S_expect_linecol(&d, 9, 3, 6);
  S_expect_linecol(&d, 10, 3, 7);   /* the end of the text */
  S_expect_linecol(&d, 1000, 3, 7); /* past the end: clamped */
}
END_TEST

START_TEST(linecol_many_lines) {
  /* 1000 lines "x\n": enough for every branch of the binary search. */
  size_t n = 1000;
  char *text = malloc(2 * n + 1);
  uint32_t *starts = malloc(n * sizeof *starts);
  ck_assert_ptr_nonnull(text);
  ck_assert_ptr_nonnull(starts);
  for (size_t i = 0; i < n; i++) {
    text[2 * i] = 'x';
    text[2 * i + 1] = '\n';
    starts[i] = 2 * i;
  }
  text[2 * n] = '\0';
  struct mtai_doc d = S_doc(text, starts, n);
  for (size_t i = 0; i < n; i++) {
    S_expect_linecol(&d, 2 * i, i + 1, 1);
    S_expect_linecol(&d, 2 * i + 1, i + 1, 2);
  }
  free(starts);
  free(text);
}
END_TEST

START_TEST(linecol_of_findings) {
  mta_finding_info fi;
  /* "Über Öl äußerte sich " is 21 code points in 25 bytes. */
  mta_report *r =
      test_audit(CAP_UE "ber " CAP_OE "l " AE "u" SZ "erte sich Mr. Kim.");
  ck_assert_int_eq(
      mta_report_finding(r, S_find_rule(r, "english-leftover/honorific"), &fi),
      MTA_OK);
  ck_assert_uint_eq(fi.start, 25);
  ck_assert_uint_eq(fi.line, 1);
  ck_assert_uint_eq(fi.column, 22);
  mta_report_free(r);
  r = test_audit("Titel\r\n\r\nDann kam Mr. Kim an.");
  ck_assert_int_eq(
      mta_report_finding(r, S_find_rule(r, "english-leftover/honorific"), &fi),
      MTA_OK);
  ck_assert_uint_eq(fi.start, 18);
  ck_assert_uint_eq(fi.line, 3);
  ck_assert_uint_eq(fi.column, 10);
  ck_assert_uint_eq(fi.paragraph, 2);
  mta_report_free(r);
  r = test_audit("Titel\r\rDann kam Mr. Kim an.");
  ck_assert_int_eq(
      mta_report_finding(r, S_find_rule(r, "english-leftover/honorific"), &fi),
      MTA_OK);
  ck_assert_uint_eq(fi.start, 16);
  ck_assert_uint_eq(fi.line, 3);
  ck_assert_uint_eq(fi.column, 10);
  ck_assert_uint_eq(fi.paragraph, 2);
  mta_report_free(r);
}
END_TEST

/* ---- paragraph look-up -------------------------------------------------- */

START_TEST(para_at_finds_nearest_before) {
  static const uint32_t starts[] = {0};
  struct mtai_doc d =
      S_doc("0123456789012345678901234567890123456789", starts, 1);
  struct mtai_paragraph p[3];
  memset(p, 0, sizeof p);
  p[0].start = 4;
  p[0].end = 14;
  p[1].start = 19;
  p[1].end = 24;
  p[2].start = 30;
  p[2].end = 40;
  d.paras = p;
  d.npara = 3;
  static const struct {
    size_t off, para;
  } cases[] = {{0, 0},  {4, 0},  {13, 0}, {14, 0}, {16, 0},  {19, 1},
               {23, 1}, {29, 1}, {30, 2}, {39, 2}, {1000, 2}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    ck_assert_msg(mtai_doc_para_at(&d, cases[i].off) == cases[i].para,
                  "offset %zu: paragraph %zu, want %zu", cases[i].off,
                  mtai_doc_para_at(&d, cases[i].off), cases[i].para);
}
END_TEST

START_TEST(para_at_single_and_many) {
  static const uint32_t starts[] = {0};
  struct mtai_doc d = S_doc("x", starts, 1);
  struct mtai_paragraph p[100];
  memset(p, 0, sizeof p);
  d.paras = p;
  d.npara = 1;
  ck_assert_uint_eq(mtai_doc_para_at(&d, 0), 0);
  ck_assert_uint_eq(mtai_doc_para_at(&d, 500), 0);
  for (size_t i = 0; i < 100; i++) {
    p[i].start = 10 * i;
    p[i].end = 10 * i + 5;
  }
  d.npara = 100;
  for (size_t i = 0; i < 100; i++) {
    ck_assert_uint_eq(mtai_doc_para_at(&d, 10 * i), i);
    ck_assert_uint_eq(mtai_doc_para_at(&d, 10 * i + 7), i);
  }
}
END_TEST

/* ---- findings ----------------------------------------------------------- */

START_TEST(finding_fills_every_field) {
  mta_report *r =
      test_audit("Heute kam Mr. Kim mit seinem Hund nach Hause zur" UE "ck.");
  size_t i = S_find_rule(r, "english-leftover/honorific");
  mta_finding_info fi = S_sentinel();
  ck_assert_int_eq(mta_report_finding(r, i, &fi), MTA_OK);
  ck_assert_str_eq(fi.rule, "english-leftover/honorific");
  ck_assert_str_eq(fi.category, "english-leftover");
  ck_assert_int_eq(fi.severity, MTA_SEV_MAJOR);
  ck_assert_uint_eq(fi.paragraph, 1);
  ck_assert_uint_eq(fi.line, 1);
  ck_assert_uint_eq(fi.column, 11);
  ck_assert_uint_eq(fi.start, 10);
  ck_assert_uint_eq(fi.end, 13);
  ck_assert_ptr_nonnull(strstr(fi.message, "'Mr.'"));
  ck_assert_ptr_nonnull(strstr(fi.message, "Herr"));
  ck_assert_pstr_eq(fi.suggestion, "Herr");
  /* Strings are borrowed from the report. */
  ck_assert_ptr_eq(fi.message, r->findings[i].message);
  ck_assert_ptr_eq(fi.suggestion, r->findings[i].suggestion);
  mta_report_free(r);
}
END_TEST

START_TEST(finding_without_suggestion) {
  /* An unknown capitalized word with no known word one edit away. */
  mta_report *r = test_audit("Wir lesen die Xqzvbrt heute.");
  size_t i = S_find_rule(r, "spelling/unknown");
  mta_finding_info fi = S_sentinel();
  ck_assert_int_eq(mta_report_finding(r, i, &fi), MTA_OK);
  ck_assert_str_eq(fi.category, "spelling");
  ck_assert_int_eq(fi.severity, MTA_SEV_MINOR);
  ck_assert_uint_eq(fi.start, 14);
  ck_assert_uint_eq(fi.end, 21);
  ck_assert_uint_eq(fi.column, 15);
  ck_assert_ptr_nonnull(strstr(fi.message, "'Xqzvbrt'"));
  ck_assert_ptr_null(fi.suggestion);
  mta_report_free(r);
}
END_TEST

START_TEST(finding_index_out_of_range) {
  mta_finding_info fi;
  mta_report *r = test_audit("Heute kam Mr. Kim.");
  size_t n = mta_report_finding_count(r);
  ck_assert_uint_ge(n, 1);
  ck_assert_int_eq(mta_report_finding(r, n - 1, &fi), MTA_OK);
  ck_assert_int_eq(mta_report_finding(r, n, &fi), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_report_finding(r, SIZE_MAX, &fi), MTA_ERR_INVALID_ARG);
  mta_report_free(r);
  r = test_audit("Der Hund schl" AE "ft.");
  ck_assert_uint_eq(mta_report_finding_count(r), 0);
  ck_assert_int_eq(mta_report_finding(r, 0, &fi), MTA_ERR_INVALID_ARG);
  mta_report_free(r);
}
END_TEST

START_TEST(finding_null_arguments) {
  mta_finding_info fi;
  mta_report *r = test_audit("Heute kam Mr. Kim.");
  ck_assert_uint_ge(mta_report_finding_count(r), 1);
  ck_assert_int_eq(mta_report_finding(NULL, 0, &fi), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_report_finding(r, 0, NULL), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_report_finding(NULL, 0, NULL), MTA_ERR_INVALID_ARG);
  mta_report_free(r);
}
END_TEST

START_TEST(finding_add_derives_position) {
  /* "Über" starts at byte 14 on line 3; "drei" at byte 20, column 6. */
  mta_report *r = test_audit("Eins zwei.\r\n\r\n" CAP_UE "ber drei.");
  S_clear_findings(r);
  char sug[] = "vier";
  ck_assert_int_eq(
      mtai_report_add(r, &S_rule, MTA_SEV_CRITICAL, 20, 24, sug, "x=%d", 42),
      MTA_OK);
  sug[0] = 'V'; /* the suggestion was copied */
  ck_assert_uint_eq(r->nfind, 1);
  mta_finding_info fi = S_sentinel();
  ck_assert_int_eq(mta_report_finding(r, 0, &fi), MTA_OK);
  ck_assert_str_eq(fi.rule, "test/rule");
  ck_assert_str_eq(fi.category, "garbled");
  ck_assert_int_eq(fi.severity, MTA_SEV_CRITICAL);
  ck_assert_uint_eq(fi.paragraph, 2);
  ck_assert_uint_eq(fi.line, 3);
  ck_assert_uint_eq(fi.column, 6);
  ck_assert_uint_eq(fi.start, 20);
  ck_assert_uint_eq(fi.end, 24);
  ck_assert_str_eq(fi.message, "x=42");
  ck_assert_pstr_eq(fi.suggestion, "vier");
  /* An end before the start is clamped to the start; no suggestion. */
  ck_assert_int_eq(
      mtai_report_add(r, &S_rule, MTA_SEV_MINOR, 5, 2, NULL, "%s", "leer"),
      MTA_OK);
  ck_assert_int_eq(mta_report_finding(r, 1, &fi), MTA_OK);
  ck_assert_uint_eq(fi.start, 5);
  ck_assert_uint_eq(fi.end, 5);
  ck_assert_uint_eq(fi.paragraph, 1);
  ck_assert_uint_eq(fi.column, 6);
  ck_assert_ptr_null(fi.suggestion);
  mta_report_free(r);
}
END_TEST

START_TEST(finding_add_grows) {
  mta_report *r = test_audit("Eins zwei drei.");
  S_clear_findings(r);
  for (int i = 0; i < 100; i++)
    ck_assert_int_eq(mtai_report_add(r, &S_rule, MTA_SEV_MINOR,
                                     (size_t)(i % 15), 15, NULL, "n%d", i),
                     MTA_OK);
  ck_assert_uint_eq(mta_report_finding_count(r), 100);
  ck_assert_str_eq(r->findings[99].message, "n99");
  ck_assert_uint_eq(r->findings[99].start, 99 % 15);
  mta_report_free(r);
}
END_TEST

START_TEST(findings_sort_by_position_stable) {
  mta_report *r = test_audit("Eins zwei drei vier f" UE "nf sechs.");
  S_clear_findings(r);
  static const struct {
    size_t start, end;
    const char *msg;
  } add[] = {{20, 24, "a"}, {0, 4, "b"}, {20, 22, "c"},
             {20, 24, "d"}, {0, 4, "e"}, {10, 30, "f"}};
  for (size_t i = 0; i < sizeof add / sizeof add[0]; i++)
    ck_assert_int_eq(mtai_report_add(r, &S_rule, MTA_SEV_MINOR, add[i].start,
                                     add[i].end, NULL, "%s", add[i].msg),
                     MTA_OK);
  mtai_findings_sort(r);
  static const char *const want[] = {"b", "e", "f", "c", "a", "d"};
  ck_assert_uint_eq(r->nfind, 6);
  for (size_t i = 0; i < 6; i++)
    ck_assert_str_eq(r->findings[i].message, want[i]);
  mta_report_free(r);
}
END_TEST

/* ---- accessors ---------------------------------------------------------- */

START_TEST(accessors_of_a_report) {
  /* Ten words and one major finding (5 points): 100 * (1 - 5/10). */
  mta_report *r =
      test_audit("Heute kam Mr. Kim mit seinem Hund nach Hause zur" UE "ck.");
  ck_assert_str_eq(mta_report_name(r), "test");
  ck_assert_str_eq(mta_report_encoding(r), "UTF-8");
  ck_assert_uint_eq(mta_report_words(r), 10);
  ck_assert_uint_eq(mta_report_paragraph_count(r), 1);
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  /* Ten words are fewer than the default minimum: no score (0), the
   * reason, no gate and so no verdict (passed stays 1). */
  ck_assert_int_eq(mta_report_scored(r), 0);
  ck_assert_double_eq(mta_report_score(r), 0.0);
  ck_assert_int_eq(mta_report_reason(r), MTA_REASON_TOO_LITTLE_TEXT);
  ck_assert_int_eq(mta_report_gated(r), 0);
  ck_assert_int_eq(mta_report_passed(r), 1);
  ck_assert_uint_eq(mta_report_unscored_words(r), 0);
  ck_assert_uint_eq(mta_report_unscored_kind_count(r), 0);
  /* With a minimum of one word: 100 * (1 - 5/10). */
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  ck_assert_int_eq(mta_report_scored(r), 1);
  ck_assert_double_eq_tol(mta_report_score(r), 50.0, 1e-9);
  ck_assert_int_eq(mta_report_reason(r), MTA_REASON_NONE);
  ck_assert_int_eq(mta_report_passed(r), 1); /* no gate configured */
  mta_report_free(r);
}
END_TEST

START_TEST(accessors_of_a_clean_report) {
  mta_report *r = test_audit("Der Hund schl" AE "ft.\n\nDie Katze auch.");
  ck_assert_uint_eq(mta_report_words(r), 6);
  ck_assert_uint_eq(mta_report_paragraph_count(r), 2);
  ck_assert_uint_eq(mta_report_finding_count(r), 0);
  ck_assert_double_eq(mta_report_score(r), 0.0); /* 6 words: no score */
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  ck_assert_double_eq_tol(mta_report_score(r), 100.0, 1e-9);
  mta_report_free(r);
}
END_TEST

START_TEST(accessors_accept_null) {
  ck_assert_ptr_null(mta_report_name(NULL));
  ck_assert_ptr_null(mta_report_encoding(NULL));
  ck_assert_uint_eq(mta_report_words(NULL), 0);
  ck_assert_double_eq(mta_report_score(NULL), 0.0);
  ck_assert_int_eq(mta_report_passed(NULL), 0);
  ck_assert_uint_eq(mta_report_paragraph_count(NULL), 0);
  ck_assert_uint_eq(mta_report_finding_count(NULL), 0);
  mta_report_free(NULL);
}
END_TEST

START_TEST(names_of_categories_and_kinds) {
  ck_assert_str_eq(mtai_category_name(MTAI_CAT_SPELLING), "spelling");
  ck_assert_str_eq(mtai_category_name(MTAI_CAT_ENGLISH_LEFTOVER),
                   "english-leftover");
  ck_assert_str_eq(mtai_category_name(MTAI_CAT_DUPLICATE), "duplicate");
  ck_assert_str_eq(mtai_category_name(MTAI_CAT__COUNT), "unknown");
  ck_assert_str_eq(mtai_para_kind_name(MTAI_PARA_TEXT), "text");
  ck_assert_str_eq(mtai_para_kind_name(MTAI_PARA_HEADING), "heading");
  ck_assert_str_eq(mtai_para_kind_name(MTAI_PARA_BOILERPLATE), "boilerplate");
}
END_TEST

Suite *report_suite(void) {
  Suite *s = suite_create("report");
  TCase *tc = tcase_create("linecol");
  tcase_add_test(tc, linecol_counts_code_points);
  tcase_add_test(tc, linecol_four_byte_characters);
  tcase_add_test(tc, linecol_crlf);
  tcase_add_test(tc, linecol_lone_cr);
  tcase_add_test(tc, linecol_last_line);
  tcase_add_test(tc, linecol_many_lines);
  tcase_add_test(tc, linecol_of_findings);
  suite_add_tcase(s, tc);
  tc = tcase_create("para_at");
  tcase_add_test(tc, para_at_finds_nearest_before);
  tcase_add_test(tc, para_at_single_and_many);
  suite_add_tcase(s, tc);
  tc = tcase_create("findings");
  tcase_add_unchecked_fixture(tc, S_setup, NULL);
  tcase_add_test(tc, finding_fills_every_field);
  tcase_add_test(tc, finding_without_suggestion);
  tcase_add_test(tc, finding_index_out_of_range);
  tcase_add_test(tc, finding_null_arguments);
  tcase_add_test(tc, finding_add_derives_position);
  tcase_add_test(tc, finding_add_grows);
  tcase_add_test(tc, findings_sort_by_position_stable);
  suite_add_tcase(s, tc);
  tc = tcase_create("accessors");
  tcase_add_unchecked_fixture(tc, S_setup, NULL);
  tcase_add_test(tc, accessors_of_a_report);
  tcase_add_test(tc, accessors_of_a_clean_report);
  tcase_add_test(tc, accessors_accept_null);
  tcase_add_test(tc, names_of_categories_and_kinds);
  suite_add_tcase(s, tc);
  return s;
}
