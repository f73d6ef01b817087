/*
 * Tests of src/score.c: MQM penalties, the score formula, paragraph and
 * article scores of a report, and the gate (fail_under, fail_on).
 */
#include <stdlib.h>
#include <string.h>

#include "tests.h"

/* Paragraph 1: 10 words with one minor finding ("sagte ,"), score 90.
 * Paragraph 2: 8 words without findings, score 100.
 * Article: 1 penalty point over 18 words. */
static const char S_text[] =
    "Er sagte , dass er heute nicht in die Stadt kommt.\n"
    "\n"
    "Das Wetter ist heute sehr schön und warm.\n";

#define S_ARTICLE (100.0 * (1.0 - 1.0 / 18.0))

/* Paragraph 'i' (0-based) of 'r'. */
static struct mtai_paragraph *S_para(mta_report *r, size_t i) {
  ck_assert_uint_lt(i, r->doc.npara);
  return &r->doc.paras[i];
}

/* ---- penalties and the formula ----------------------------------------- */

START_TEST(penalty_by_severity) {
  ck_assert_uint_eq(mtai_severity_penalty(MTA_SEV_MINOR), 1);
  ck_assert_uint_eq(mtai_severity_penalty(MTA_SEV_MAJOR), 5);
  ck_assert_uint_eq(mtai_severity_penalty(MTA_SEV_CRITICAL), 10);
  ck_assert_uint_eq(mtai_severity_penalty((mta_severity)3), 0);
}
END_TEST

START_TEST(score_formula) {
  ck_assert_double_eq(mtai_score(0, 50), 100.0);
  ck_assert_double_eq_tol(mtai_score(5, 50), 90.0, 1e-9); /* 1 major */
  ck_assert_double_eq_tol(mtai_score(1, 10), 90.0, 1e-9);
  ck_assert_double_eq_tol(mtai_score(1, 3), 100.0 * 2.0 / 3.0, 1e-9);
  ck_assert_double_eq_tol(mtai_score(10, 40), 75.0, 1e-9);
  ck_assert_double_eq(mtai_score(50, 50), 0.0);
}
END_TEST

START_TEST(score_clamps_to_zero) {
  ck_assert_double_eq(mtai_score(60, 50), 0.0);
  ck_assert_double_eq(mtai_score(10, 1), 0.0);
  ck_assert_double_eq(mtai_score(4000000000u, 7), 0.0);
}
END_TEST

START_TEST(score_without_words) {
  ck_assert_double_eq(mtai_score(0, 0), 100.0);
  ck_assert_double_eq(mtai_score(1, 0), 0.0);
  ck_assert_double_eq(mtai_score(10, 0), 0.0);
}
END_TEST

/* ---- scoring a report --------------------------------------------------- */

START_TEST(report_paragraph_scores) {
  mta_report *r = test_audit(S_text);
  ck_assert_uint_eq(r->doc.npara, 2);
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  ck_assert_uint_eq(test_count_rule(r, "punctuation/space-before"), 1);
  ck_assert_uint_eq(S_para(r, 0)->words, 10);
  ck_assert_uint_eq(S_para(r, 0)->penalty, 1);
  ck_assert_double_eq_tol(S_para(r, 0)->score, 90.0, 1e-9);
  ck_assert_uint_eq(S_para(r, 1)->words, 8);
  ck_assert_uint_eq(S_para(r, 1)->penalty, 0);
  ck_assert_double_eq(S_para(r, 1)->score, 100.0);
  mta_report_free(r);
}
END_TEST

START_TEST(report_article_score) {
  mta_report *r = test_audit(S_text);
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0); /* 18 words: minimum 1 */
  ck_assert_uint_eq(r->words, 18);
  ck_assert_uint_eq(mta_report_words(r), 18);
  ck_assert_uint_eq(r->penalty, 1);
  ck_assert_double_eq_tol(mta_report_score(r), S_ARTICLE, 1e-9);
  ck_assert_int_eq(mta_report_passed(r), 1);
  mta_report_free(r);
}
END_TEST

START_TEST(report_penalties_add_up) {
  /* A major and two minors in one 12-word paragraph: 7 points. The space
   * before ",," belongs to the doubling, not to a finding of its own. */
  mta_report *r = test_audit(
      "Er sagte , dass Mr. Kim heute nicht in die Stadt kommt ,, ja.\n");
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  ck_assert_uint_eq(r->doc.npara, 1);
  ck_assert_uint_eq(test_count_rule(r, "english-leftover/honorific"), 1);
  ck_assert_uint_eq(test_count_rule(r, "punctuation/space-before"), 1);
  ck_assert_uint_eq(test_count_rule(r, "punctuation/doubled"), 1);
  ck_assert_uint_eq(r->words, 12);
  ck_assert_uint_eq(S_para(r, 0)->penalty, 5 + 1 + 1);
  ck_assert_uint_eq(r->penalty, 7);
  ck_assert_double_eq_tol(mta_report_score(r), 100.0 * (1.0 - 7.0 / 12.0),
                          1e-9);
  mta_report_free(r);
}
END_TEST

START_TEST(report_rescore_is_idempotent) {
  mta_report *r = test_audit(S_text);
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  ck_assert_uint_eq(S_para(r, 0)->penalty, 1);
  ck_assert_uint_eq(r->penalty, 1);
  ck_assert_uint_eq(r->words, 18);
  ck_assert_double_eq_tol(mta_report_score(r), S_ARTICLE, 1e-9);
  mta_report_free(r);
}
END_TEST

START_TEST(report_skips_boilerplate) {
  mta_report *r = test_audit(S_text);
  /* Clean paragraph 2 as boilerplate: only paragraph 1 counts. */
  S_para(r, 1)->kind = MTAI_PARA_BOILERPLATE;
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  ck_assert_uint_eq(mta_report_words(r), 10);
  ck_assert_double_eq_tol(mta_report_score(r), 90.0, 1e-9);
  ck_assert_double_eq(S_para(r, 1)->score, 100.0);
  /* Paragraph 1 (with the finding) as boilerplate instead: a clean article,
   * but the paragraph keeps its own score. */
  S_para(r, 1)->kind = MTAI_PARA_TEXT;
  S_para(r, 0)->kind = MTAI_PARA_BOILERPLATE;
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  ck_assert_uint_eq(mta_report_words(r), 8);
  ck_assert_double_eq(mta_report_score(r), 100.0);
  ck_assert_double_eq_tol(S_para(r, 0)->score, 90.0, 1e-9);
  /* Headings are scored like text. */
  S_para(r, 0)->kind = MTAI_PARA_HEADING;
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  ck_assert_uint_eq(mta_report_words(r), 18);
  ck_assert_double_eq_tol(mta_report_score(r), S_ARTICLE, 1e-9);
  /* Everything boilerplate: no words, no score (never 100), every word
   * unscored as boilerplate (no mark, so no rule names the kind). */
  S_para(r, 0)->kind = MTAI_PARA_BOILERPLATE;
  S_para(r, 1)->kind = MTAI_PARA_BOILERPLATE;
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  ck_assert_uint_eq(mta_report_words(r), 0);
  ck_assert_int_eq(mta_report_scored(r), 0);
  ck_assert_double_eq(mta_report_score(r), 0.0);
  ck_assert_int_eq(mta_report_reason(r), MTA_REASON_NO_TEXT);
  ck_assert_uint_eq(mta_report_unscored_words(r), 18);
  ck_assert_uint_eq(mta_report_unscored_kind_count(r), 1);
  const char *kind = NULL;
  size_t words = 0;
  ck_assert_int_eq(mta_report_unscored_kind(r, 0, &kind, &words), MTA_OK);
  ck_assert_str_eq(kind, "boilerplate");
  ck_assert_uint_eq(words, 18);
  /* No gate: no verdict. */
  ck_assert_int_eq(mta_report_gated(r), 0);
  ck_assert_int_eq(mta_report_passed(r), 1);
  mta_report_free(r);
}
END_TEST

/* ---- the gate ----------------------------------------------------------- */

START_TEST(gate_fail_under) {
  mta_report *r = test_audit(S_text);      /* scores 94.4 */
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0); /* 0: off */
  ck_assert_int_eq(mta_report_passed(r), 1);
  test_rescore(r, 94.0, 0, MTA_SEV_MINOR, 0);
  ck_assert_int_eq(mta_report_passed(r), 1);
  /* The gate compares the score as shown, 94.4: equal passes, even
   * though the exact score is 94.44...; 94.45 fails. */
  test_rescore(r, 94.4, 0, MTA_SEV_MINOR, 0);
  ck_assert_int_eq(mta_report_passed(r), 1);
  test_rescore(r, 94.45, 0, MTA_SEV_MINOR, 0);
  ck_assert_int_eq(mta_report_passed(r), 0);
  test_rescore(r, 95.0, 0, MTA_SEV_MINOR, 0);
  ck_assert_int_eq(mta_report_passed(r), 0);
  test_rescore(r, -5.0, 0, MTA_SEV_MINOR, 0); /* negative: off */
  ck_assert_int_eq(mta_report_passed(r), 1);
  mta_report_free(r);
}
END_TEST

START_TEST(gate_fail_under_101_always_fails) {
  mta_report *r = test_audit("Das Wetter ist heute sehr schön und warm.\n");
  ck_assert_uint_eq(mta_report_finding_count(r), 0);
  test_rescore(r, 100.0, 0, MTA_SEV_MINOR, 0);
  ck_assert_double_eq(mta_report_score(r), 100.0);
  ck_assert_int_eq(mta_report_passed(r), 1);
  test_rescore(r, 101.0, 0, MTA_SEV_MINOR, 0);
  ck_assert_int_eq(mta_report_passed(r), 0);
  mta_report_free(r);
}
END_TEST

START_TEST(gate_fail_on_severity) {
  mta_report *r = test_audit(S_text); /* one minor finding */
  test_rescore(r, 0, 1, MTA_SEV_MINOR, 0);
  ck_assert_int_eq(mta_report_passed(r), 0);
  test_rescore(r, 0, 1, MTA_SEV_MAJOR, 0);
  ck_assert_int_eq(mta_report_passed(r), 1);
  test_rescore(r, 0, 1, MTA_SEV_CRITICAL, 0);
  ck_assert_int_eq(mta_report_passed(r), 1);
  /* Without gate_on_severity, fail_on is ignored. */
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  ck_assert_int_eq(mta_report_passed(r), 1);
  mta_report_free(r);
}
END_TEST

START_TEST(gate_fail_on_counts_worse_severities) {
  mta_report *r = test_audit("Er traf Mr. Kim in der Stadt.\n"); /* major */
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  test_rescore(r, 0, 1, MTA_SEV_MINOR, 0);
  ck_assert_int_eq(mta_report_passed(r), 0);
  test_rescore(r, 0, 1, MTA_SEV_MAJOR, 0);
  ck_assert_int_eq(mta_report_passed(r), 0);
  test_rescore(r, 0, 1, MTA_SEV_CRITICAL, 0);
  ck_assert_int_eq(mta_report_passed(r), 1);
  mta_report_free(r);
}
END_TEST

START_TEST(gate_through_auditor_options) {
  static const char text[] = "Er sagte , dass er heute nicht in die Stadt "
                             "kommt.\n"; /* 90.0, one minor */
  static const struct {
    unsigned flags;
    double fail_under;
    mta_severity fail_on;
    int passed;
  } cases[] = {
      {MTA_OPT_NO_SPELL, 0, MTA_SEV_MINOR, 1},
      {MTA_OPT_NO_SPELL, 90.0, MTA_SEV_MINOR, 1},
      {MTA_OPT_NO_SPELL, 90.5, MTA_SEV_MINOR, 0},
      {MTA_OPT_NO_SPELL | MTA_OPT_FAIL_ON, 0, MTA_SEV_MINOR, 0},
      {MTA_OPT_NO_SPELL | MTA_OPT_FAIL_ON, 0, MTA_SEV_MAJOR, 1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    mta_options o = {0};
    o.flags = cases[i].flags;
    o.min_words = 1; /* ten words */
    o.fail_under = cases[i].fail_under;
    o.fail_on = cases[i].fail_on;
    mta_auditor *a = NULL;
    ck_assert_int_eq(mta_auditor_new(&o, &a, NULL), MTA_OK);
    mta_report *r = NULL;
    ck_assert_int_eq(mta_audit_buffer(a, "t", text, sizeof text - 1, &r),
                     MTA_OK);
    ck_assert_double_eq_tol(mta_report_score(r), 90.0, 1e-9);
    ck_assert_msg(mta_report_passed(r) == cases[i].passed, "case %zu", i);
    mta_report_free(r);
    mta_auditor_free(a);
  }
}
END_TEST

/* ---- scored text, unscored words and reasons (issue 14) ---------------- */

/* Scores 'r' under 'g' (a gate built by the test). */
static void S_gate(mta_report *r, struct mtai_gate g) {
  ck_assert_int_eq(mtai_score_report(r, &g), MTA_OK);
}

START_TEST(min_words_gives_no_score) {
  mta_report *r = test_audit(S_text); /* 18 words, 94.4 */
  S_gate(r, (struct mtai_gate){.min_words = 19});
  ck_assert_int_eq(mta_report_scored(r), 0);
  ck_assert_double_eq(mta_report_score(r), 0.0);
  ck_assert_int_eq(mta_report_reason(r), MTA_REASON_TOO_LITTLE_TEXT);
  ck_assert_int_eq(mta_report_gated(r), 0);
  ck_assert_int_eq(mta_report_passed(r), 1); /* no gate, no verdict */
  S_gate(r, (struct mtai_gate){.min_words = 18});
  ck_assert_int_eq(mta_report_scored(r), 1);
  ck_assert_double_eq_tol(mta_report_score(r), S_ARTICLE, 1e-9);
  ck_assert_int_eq(mta_report_reason(r), MTA_REASON_NONE);
  /* 0 counts as 1: an article without words never has a score. */
  S_gate(r, (struct mtai_gate){.min_words = 0});
  ck_assert_int_eq(mta_report_scored(r), 1);
  mta_report_free(r);
}
END_TEST

START_TEST(no_score_fails_every_gate) {
  mta_report *r = test_audit(S_text); /* 18 words, one minor finding */
  /* Each gate alone fails an article without a score, even one it would
   * pass; the reason is the missing text, not the gate. */
  static const struct mtai_gate gates[] = {
      {.fail_under = 1, .min_words = 30},
      {.on_severity = 1, .fail_on = MTA_SEV_CRITICAL, .min_words = 30},
      {.on_unscored = 1, .fail_unscored = 100, .min_words = 30},
  };
  for (size_t i = 0; i < sizeof gates / sizeof gates[0]; i++) {
    S_gate(r, gates[i]);
    ck_assert_int_eq(mta_report_gated(r), 1);
    ck_assert_msg(mta_report_passed(r) == 0, "gate %zu", i);
    ck_assert_int_eq(mta_report_reason(r), MTA_REASON_TOO_LITTLE_TEXT);
  }
  /* No words at all: "no article text". */
  S_para(r, 0)->kind = MTAI_PARA_BOILERPLATE;
  S_para(r, 1)->kind = MTAI_PARA_BOILERPLATE;
  S_gate(r, gates[0]);
  ck_assert_int_eq(mta_report_passed(r), 0);
  ck_assert_int_eq(mta_report_reason(r), MTA_REASON_NO_TEXT);
  ck_assert_str_eq(mta_reason_name(mta_report_reason(r)), "no article text");
  mta_report_free(r);
}
END_TEST

START_TEST(reasons_of_a_failed_gate) {
  mta_report *r = test_audit(S_text); /* 94.4, one minor finding */
  S_gate(r, (struct mtai_gate){.fail_under = 95, .min_words = 1});
  ck_assert_int_eq(mta_report_reason(r), MTA_REASON_SCORE);
  S_gate(r, (struct mtai_gate){
                .on_severity = 1, .fail_on = MTA_SEV_MINOR, .min_words = 1});
  ck_assert_int_eq(mta_report_reason(r), MTA_REASON_SEVERITY);
  /* Both fail: the score is named first. */
  S_gate(r, (struct mtai_gate){.fail_under = 95,
                               .on_severity = 1,
                               .fail_on = MTA_SEV_MINOR,
                               .min_words = 1});
  ck_assert_int_eq(mta_report_reason(r), MTA_REASON_SCORE);
  /* Passed: no reason. */
  S_gate(r, (struct mtai_gate){.fail_under = 90, .min_words = 1});
  ck_assert_int_eq(mta_report_passed(r), 1);
  ck_assert_int_eq(mta_report_reason(r), MTA_REASON_NONE);
  ck_assert_str_eq(mta_reason_name(MTA_REASON_NONE), "");
  ck_assert_str_eq(mta_reason_name(MTA_REASON_LAST), "");
  ck_assert_str_eq(mta_reason_name(MTA_REASON_SEVERITY),
                   "finding at or above severity");
  mta_report_free(r);
}
END_TEST

/* Three paragraphs of chrome the classifier knows and a repeat, around
 * 32 words of text. */
static const char S_mixed[] =
    "Kim reist nach Moskau\n"
    "\n"
    "Der Staatschef traf am Montag den Pr\xC3\xA4sidenten in Moskau. Die "
    "beiden Politiker sprachen nach Angaben der Regierung \xC3\xBC"
    "ber die "
    "Zusammenarbeit ihrer L\xC3\xA4nder und \xC3\xBC"
    "ber den Handel.\n"
    "\n"
    "Kim reist nach Moskau\n"
    "\n"
    "Startseite | Politik | Sport | Kultur\n"
    "\n"
    "Weiterlesen\n";

START_TEST(unscored_words_by_rule) {
  mta_report *r = test_audit(S_mixed);
  ck_assert_int_eq(mta_report_scored(r), 1);
  size_t n = mta_report_unscored_kind_count(r);
  ck_assert_uint_eq(n, 2);
  const char *kind = NULL;
  size_t words = 0, sum = 0;
  ck_assert_int_eq(mta_report_unscored_kind(r, 0, &kind, &words), MTA_OK);
  ck_assert_str_eq(kind, "duplicate/paragraph"); /* first seen first */
  ck_assert_uint_eq(words, 4);
  sum += words;
  ck_assert_int_eq(mta_report_unscored_kind(r, 1, &kind, &words), MTA_OK);
  ck_assert_str_eq(kind, "boilerplate/navigation");
  ck_assert_uint_eq(words, 5);
  sum += words;
  ck_assert_uint_eq(mta_report_unscored_words(r), sum);
  ck_assert_int_eq(mta_report_unscored_kind(r, 2, &kind, &words),
                   MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_report_unscored_kind(r, 0, NULL, &words),
                   MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_report_unscored_kind(r, 0, &kind, NULL), MTA_OK);
  /* --score-all: nothing is left out. */
  S_gate(r, (struct mtai_gate){.score_all = 1, .min_words = 1});
  ck_assert_uint_eq(mta_report_unscored_words(r), 0);
  ck_assert_uint_eq(mta_report_unscored_kind_count(r), 0);
  mta_report_free(r);
}
END_TEST

START_TEST(gate_fail_unscored) {
  mta_report *r = test_audit(S_mixed);
  size_t un = mta_report_unscored_words(r), all = un + mta_report_words(r);
  double share = 100.0 * (double)un / (double)all; /* about 22 % */
  S_gate(r, (struct mtai_gate){.on_unscored = 1,
                               .fail_unscored = share + 0.5,
                               .min_words = 1});
  ck_assert_int_eq(mta_report_passed(r), 1);
  S_gate(r, (struct mtai_gate){.on_unscored = 1,
                               .fail_unscored = share - 0.5,
                               .min_words = 1});
  ck_assert_int_eq(mta_report_passed(r), 0);
  ck_assert_int_eq(mta_report_reason(r), MTA_REASON_UNSCORED);
  /* 0 % is a gate too: any unscored word fails. */
  S_gate(r, (struct mtai_gate){.on_unscored = 1, .min_words = 1});
  ck_assert_int_eq(mta_report_passed(r), 0);
  mta_report_free(r);
}
END_TEST

START_TEST(gate_options_min_words_and_unscored) {
  /* The options reach the report: the default minimum of 30 words, a
   * lower one, and the unscored-share gate. */
  static const char text[] = "Er sagte , dass er heute nicht in die Stadt "
                             "kommt.\n"; /* 10 words */
  mta_options o = {0};
  o.flags = MTA_OPT_NO_SPELL;
  mta_auditor *a = NULL;
  ck_assert_int_eq(mta_auditor_new(&o, &a, NULL), MTA_OK);
  mta_report *r = NULL;
  ck_assert_int_eq(mta_audit_buffer(a, "t", text, sizeof text - 1, &r), MTA_OK);
  ck_assert_int_eq(mta_report_scored(r), 0);
  ck_assert_int_eq(mta_report_gated(r), 0);
  mta_report_free(r);
  mta_auditor_free(a);
  o.min_words = 10;
  o.flags |= MTA_OPT_FAIL_UNSCORED;
  o.fail_unscored = 0;
  ck_assert_int_eq(mta_auditor_new(&o, &a, NULL), MTA_OK);
  ck_assert_int_eq(mta_audit_buffer(a, "t", text, sizeof text - 1, &r), MTA_OK);
  ck_assert_int_eq(mta_report_scored(r), 1);
  ck_assert_int_eq(mta_report_gated(r), 1);
  ck_assert_int_eq(mta_report_passed(r), 1); /* nothing unscored */
  mta_report_free(r);
  mta_auditor_free(a);
}
END_TEST

/* ---- the findings cap bounds memory, never the verdict ------------------ */

/* 'n' times "Das Haus , " (one minor finding each, "space before a
 * comma"), then a paragraph with one major finding. */
static char *S_capped_text(size_t n) {
  static const char unit[] = "Das Haus , ";
  static const char tail[] = "\n\nMr. Kim kam gestern nach Berlin.\n";
  size_t u = sizeof unit - 1;
  char *t = malloc(n * u + sizeof tail);
  ck_assert_ptr_nonnull(t);
  for (size_t i = 0; i < n; i++)
    memcpy(t + i * u, unit, u);
  memcpy(t + n * u, tail, sizeof tail);
  return t;
}

START_TEST(cap_findings_past_it_still_gate) {
  char *t = S_capped_text(MTAI_MAX_FINDINGS);
  mta_report *r = test_audit(t);
  free(t);
  ck_assert_uint_eq(mta_report_finding_count(r), MTAI_MAX_FINDINGS);
  ck_assert_uint_ge(r->dropped, 1);
  ck_assert_uint_ge(r->dropped_sev[MTA_SEV_MAJOR], 1);
  /* The major finding of the last paragraph was not kept ... */
  size_t kept_major = 0;
  for (size_t i = 0; i < r->nfind; i++)
    kept_major += r->findings[i].severity >= MTA_SEV_MAJOR;
  ck_assert_uint_eq(kept_major, 0);
  /* ... but the gate sees it, and its paragraph is charged for it. */
  test_rescore(r, 0, 1, MTA_SEV_MAJOR, 0);
  ck_assert_int_eq(mta_report_passed(r), 0);
  size_t last = r->doc.npara - 1;
  ck_assert_uint_ge(r->doc.paras[last].penalty, 5);
  ck_assert_double_lt(r->doc.paras[last].score, 100.0);
  test_rescore(r, 0, 1, MTA_SEV_CRITICAL, 0);
  ck_assert_int_eq(mta_report_passed(r), 1);
  mta_report_free(r);
}
END_TEST

START_TEST(cap_findings_past_it_still_score) {
  /* Three times the cap: the score must be that of all findings (every
   * "Das Haus ," costs one point over its three words), not of the first
   * 10,000 only. */
  size_t n = 3 * MTAI_MAX_FINDINGS;
  char *t = S_capped_text(n);
  mta_report *r = test_audit(t);
  free(t);
  ck_assert_uint_eq(mta_report_finding_count(r), MTAI_MAX_FINDINGS);
  size_t dropped = r->dropped_sev[0] + r->dropped_sev[1] + r->dropped_sev[2];
  ck_assert_uint_eq(dropped, r->dropped);
  ck_assert_uint_ge(r->penalty, n);
  ck_assert_double_le(mta_report_score(r), 100.0 * (1.0 - 1.0 / 3.0) + 0.1);
  test_rescore(r, 90.0, 0, MTA_SEV_MINOR, 0);
  ck_assert_int_eq(mta_report_passed(r), 0);
  mta_report_free(r);
}
END_TEST

Suite *score_suite(void) {
  Suite *s = suite_create("score");
  TCase *tc = tcase_create("formula");
  tcase_add_test(tc, penalty_by_severity);
  tcase_add_test(tc, score_formula);
  tcase_add_test(tc, score_clamps_to_zero);
  tcase_add_test(tc, score_without_words);
  suite_add_tcase(s, tc);
  tc = tcase_create("report");
  tcase_add_test(tc, report_paragraph_scores);
  tcase_add_test(tc, report_article_score);
  tcase_add_test(tc, report_penalties_add_up);
  tcase_add_test(tc, report_rescore_is_idempotent);
  tcase_add_test(tc, report_skips_boilerplate);
  suite_add_tcase(s, tc);
  tc = tcase_create("gate");
  tcase_add_test(tc, gate_fail_under);
  tcase_add_test(tc, gate_fail_under_101_always_fails);
  tcase_add_test(tc, gate_fail_on_severity);
  tcase_add_test(tc, gate_fail_on_counts_worse_severities);
  tcase_add_test(tc, cap_findings_past_it_still_gate);
  tcase_add_test(tc, cap_findings_past_it_still_score);
  tcase_add_test(tc, gate_through_auditor_options);
  suite_add_tcase(s, tc);
  tc = tcase_create("scored text");
  tcase_add_test(tc, min_words_gives_no_score);
  tcase_add_test(tc, no_score_fails_every_gate);
  tcase_add_test(tc, reasons_of_a_failed_gate);
  tcase_add_test(tc, unscored_words_by_rule);
  tcase_add_test(tc, gate_fail_unscored);
  tcase_add_test(tc, gate_options_min_words_and_unscored);
  suite_add_tcase(s, tc);
  return s;
}
