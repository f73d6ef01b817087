/*
 * Shared declarations of the Check test suites. One suite per module; each
 * tests/check_<module>.c defines one <module>_suite().
 */
#ifndef MTAUDIT_TESTS_H
#define MTAUDIT_TESTS_H

#include <check.h>

#include "internal.h"

Suite *arena_suite(void);
Suite *buf_suite(void);
Suite *decode_suite(void);
Suite *dictfile_suite(void);
Suite *segment_suite(void);
Suite *report_suite(void);
Suite *score_suite(void);
Suite *emit_suite(void);
Suite *render_suite(void);
Suite *checks_suite(void);
Suite *auditor_suite(void);
Suite *spell_suite(void);
Suite *dictionaries_suite(void);
Suite *quality_suite(void);
Suite *leftover_suite(void);
Suite *structure_suite(void);
Suite *lexicon_suite(void);
Suite *structure_quality_suite(void);
Suite *boilerplate_suite(void);
Suite *render_html_suite(void);
Suite *jsonl_suite(void);
Suite *config_suite(void);
Suite *rules_suite(void);
Suite *xliff_suite(void);
Suite *html_suite(void);
Suite *annotate_suite(void);
Suite *rule_quality_suite(void);
Suite *agreement_suite(void);
Suite *bitext_suite(void);
Suite *accuracy_quality_suite(void);
Suite *accneg_suite(void);
Suite *accnum_suite(void);
Suite *accomit_suite(void);
Suite *accname_suite(void);
Suite *baseline_suite(void);
Suite *i18n_suite(void);
Suite *pipeline_suite(void);
Suite *toktab_suite(void);
Suite *spell_model_suite(void);

/* A shared auditor for tests that need real dictionaries (created on first
 * use, freed at exit). Fails the test when the dictionary is missing. */
mta_auditor *test_auditor(void);

/* A document of the tokens of 's' cut at spaces by hand: runs of digits
 * are numbers, of letters words, anything else punctuation. Free with
 * mtai_doc_clear(). */
void test_words_doc(struct mtai_doc *d, const char *s);

/* Audits the UTF-8 string 's' with test_auditor(); the caller frees. */
mta_report *test_audit(const char *s);

/* Audits 'target' against its English original 'source' (source-aware
 * mode) with test_auditor(); the caller frees. */
mta_report *test_audit_pair(const char *target, const char *source);
/* Scores 'r' again under gates fail_under, fail_on (when 'on_severity')
 * and score_all, with a minimum of one scored word (so that short test
 * texts have a score); fails the test on an error. */
void test_rescore(mta_report *r, double fail_under, int on_severity,
                  mta_severity fail_on, int score_all);

/* The strict JSON validator (check_render.c): 1 when s[0..n) is one valid
 * JSON value. */
int test_json_valid(const char *s, size_t n);

/* Decodes the JSON string literal s[0..n) into a new malloc'd string
 * (length in '*len'), or NULL when it is not one. */
char *test_json_string(const char *s, size_t n, size_t *len);

/* A new empty temporary directory under $TMPDIR (else /tmp) named after
 * 'what'; the caller removes it, contents and all, with test_rmdir(),
 * which also frees the name. */
char *test_tmpdir(const char *what);
void test_rmdir(char *dir);

/* Source-aware mode: an English article and its faithful German
 * translation (four paragraphs each, aligned one to one). */
extern const char test_pair_en[], test_pair_de[];
/* Audits 'text' named 'name' against the source 'src' named 'src_name'
 * (NULL: none) with test_auditor(); the caller frees. */
mta_report *test_audit_source(const char *name, const char *text,
                              const char *src_name, const char *src);
/* Adds to 'r' (audited with a usable source) a finding of severity 'sev'
 * over the first occurrence of 'tgt' in the target, about the first
 * occurrence of 'src' in the source, as an accuracy check would, with
 * the message 'msg'. */
void test_add_src_finding(mta_report *r, const char *tgt, const char *src,
                          mta_severity sev, const char *msg);
/* Number of findings of 'rule' in 'r'. */
size_t test_count_rule(const mta_report *r, const char *rule);

#endif
