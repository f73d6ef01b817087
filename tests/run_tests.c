/*
 * Runs every Check suite. CK_RUN_SUITE=name picks one; CK_FORK=no runs in
 * one process (for sanitizers and debuggers).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bitext.h"
#include "check.h"
#include "tests.h"

static mta_auditor *S_auditor;

static pid_t S_main_pid;

/* Frees the shared auditor in the main process only: a forked test child
 * exits without the (slow) teardown of the dictionaries it never owned. */
static void S_free_auditor(void) {
  if (getpid() == S_main_pid)
    mta_auditor_free(S_auditor);
}

mta_auditor *test_auditor(void) {
  if (!S_auditor) {
    char *why = NULL;
    mta_status st = mta_auditor_new(NULL, &S_auditor, &why);
    ck_assert_msg(st == MTA_OK, "auditor: %s", why ? why : "?");
    mta_free(why);
    S_main_pid = getpid();
    atexit(S_free_auditor);
  }
  return S_auditor;
}

char *test_tmpdir(const char *what) {
  const char *base = getenv("TMPDIR");
  char tmpl[4096];
  snprintf(tmpl, sizeof tmpl, "%s/mtaudit-%s.XXXXXX",
           base && *base ? base : "/tmp", what);
  char *d = mkdtemp(tmpl);
  ck_assert_ptr_nonnull(d);
  d = strdup(d);
  ck_assert_ptr_nonnull(d);
  return d;
}

void test_rmdir(char *dir) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
  free(dir);
}

/* See tests.h. */
void test_words_doc(struct mtai_doc *d, const char *s) {
  memset(d, 0, sizeof *d);
  d->text = strdup(s);
  d->len = strlen(s);
  ck_assert_ptr_nonnull(d->text);
  d->toks = calloc(d->len + 1, sizeof *d->toks);
  ck_assert_ptr_nonnull(d->toks);
  for (size_t i = 0; i < d->len;) {
    if (s[i] == ' ') {
      i++;
      continue;
    }
    size_t a = i;
    while (i < d->len && s[i] != ' ')
      i++;
    unsigned kind = s[a] >= '0' && s[a] <= '9' ? MTAI_TOK_NUMBER
                    : (s[a] >= 'A' && s[a] <= 'Z') ||
                            (s[a] >= 'a' && s[a] <= 'z') ||
                            (unsigned char)s[a] >= 0x80
                        ? MTAI_TOK_WORD
                        : MTAI_TOK_PUNCT;
    d->toks[d->ntok++] = (struct mtai_token){
        .start = (unsigned)a,
        .end = (unsigned)i,
        .kind = kind,
        .flags = s[a] >= 'A' && s[a] <= 'Z' ? MTAI_TF_UPPER : 0};
  }
}

mta_report *test_audit(const char *s) {
  mta_report *r = NULL;
  mta_status st = mta_audit_buffer(test_auditor(), "test", s, strlen(s), &r);
  ck_assert_msg(st == MTA_OK, "audit failed: %s",
                mta_auditor_errmsg(test_auditor()));
  return r;
}

mta_report *test_audit_pair(const char *target, const char *source) {
  mta_report *r = NULL;
  mta_status st =
      mta_audit_buffer_source(test_auditor(), "test", target, strlen(target),
                              "source", source, strlen(source), &r);
  ck_assert_msg(st == MTA_OK, "audit failed: %s",
                mta_auditor_errmsg(test_auditor()));
  return r;
}

void test_rescore(mta_report *r, double fail_under, int on_severity,
                  mta_severity fail_on, int score_all) {
  struct mtai_gate g = {.fail_under = fail_under,
                        .on_severity = on_severity,
                        .fail_on = fail_on,
                        .min_words = 1,
                        .score_all = score_all};
  ck_assert_int_eq(mtai_score_report(r, &g), MTA_OK);
}

const char test_pair_en[] =
    "Pentagon to send more weapons to Ukraine\n"
    "\n"
    "The Pentagon will send $4.5 billion in new military aid to Ukraine, "
    "officials said on September 28.\n"
    "\n"
    "Defense Secretary Lloyd Austin said the package includes 20 artillery "
    "systems and 1,000 drones.\n"
    "\n"
    "\"We will stand with Ukraine for as long as it takes,\" Austin told "
    "reporters in Washington.\n";
const char test_pair_de[] =
    "Pentagon schickt weitere Waffen in die Ukraine\n"
    "\n"
    "Das Pentagon wird der Ukraine neue Milit\xC3\xA4rhilfe in H\xC3\xB6he "
    "von 4,5 Milliarden Dollar schicken, sagten Beamte am 28. September.\n"
    "\n"
    "Verteidigungsminister Lloyd Austin sagte, das Paket umfasse 20 "
    "Artilleriesysteme und 1.000 Drohnen.\n"
    "\n"
    "\xE2\x80\x9EWir werden der Ukraine so lange wie n\xC3\xB6tig zur Seite "
    "stehen\xE2\x80\x9C, sagte Austin vor Reportern in Washington.\n";

mta_report *test_audit_source(const char *name, const char *text,
                              const char *src_name, const char *src) {
  mta_report *r = NULL;
  mta_status st =
      mta_audit_buffer_source(test_auditor(), name, text, strlen(text),
                              src_name, src, src ? strlen(src) : 0, &r);
  ck_assert_msg(st == MTA_OK, "audit failed: %s",
                mta_auditor_errmsg(test_auditor()));
  return r;
}

/* A rule of the category accuracy for test findings: the registry's
 * accuracy/number when it has one, else a stand-in. */
static const struct mta_rule S_test_acc_rule = {"accuracy/test",
                                                MTAI_CAT_ACCURACY,
                                                MTA_SEV_CRITICAL,
                                                "test finding",
                                                "A finding added by a test.",
                                                "",
                                                "",
                                                0};

void test_add_src_finding(mta_report *r, const char *tgt, const char *src,
                          mta_severity sev, const char *msg) {
  const char *t = strstr(r->doc.text, tgt);
  ck_assert_msg(t != NULL, "'%s' not in the target", tgt);
  ck_assert_ptr_nonnull(r->bi);
  const char *s = strstr(r->bi->src.text, src);
  ck_assert_msg(s != NULL, "'%s' not in the source", src);
  size_t i = mta_rule_find("accuracy/number");
  const struct mta_rule *rule =
      i == (size_t)-1 ? &S_test_acc_rule : mtai_rule_ptr(i);
  size_t start = (size_t)(t - r->doc.text);
  ck_assert_int_eq(mtai_report_add(r, rule, sev, start, start + strlen(tgt),
                                   NULL, "%s", msg),
                   MTA_OK);
  struct mta_finding *f = &r->findings[r->nfind - 1];
  f->src_start = (size_t)(s - r->bi->src.text);
  f->src_end = f->src_start + strlen(src);
  mtai_findings_sort(r);
}

size_t test_count_rule(const mta_report *r, const char *rule) {
  size_t n = 0;
  mta_finding_info fi;
  for (size_t i = 0; i < mta_report_finding_count(r); i++)
    if (mta_report_finding(r, i, &fi) == MTA_OK && !strcmp(fi.rule, rule))
      n++;
  return n;
}

int main(void) {
  /* Load the dictionaries once, before Check forks a process per test. */
  char *why = NULL;
  if (mta_auditor_new(NULL, &S_auditor, &why) != MTA_OK) {
    fprintf(stderr, "run_tests: cannot create an auditor: %s\n",
            why ? why : "?");
    mta_free(why);
    return EXIT_FAILURE;
  }
  S_main_pid = getpid();
  atexit(S_free_auditor);
  SRunner *sr = srunner_create(buf_suite());
  srunner_add_suite(sr, decode_suite());
  srunner_add_suite(sr, segment_suite());
  srunner_add_suite(sr, report_suite());
  srunner_add_suite(sr, score_suite());
  srunner_add_suite(sr, emit_suite());
  srunner_add_suite(sr, render_suite());
  srunner_add_suite(sr, checks_suite());
  srunner_add_suite(sr, auditor_suite());
  srunner_add_suite(sr, spell_suite());
  srunner_add_suite(sr, quality_suite());
  srunner_add_suite(sr, leftover_suite());
  srunner_add_suite(sr, structure_suite());
  srunner_add_suite(sr, lexicon_suite());
  srunner_add_suite(sr, structure_quality_suite());
  srunner_add_suite(sr, boilerplate_suite());
  srunner_add_suite(sr, render_html_suite());
  srunner_add_suite(sr, jsonl_suite());
  srunner_add_suite(sr, config_suite());
  srunner_add_suite(sr, rules_suite());
  srunner_add_suite(sr, annotate_suite());
  srunner_add_suite(sr, rule_quality_suite());
  srunner_add_suite(sr, agreement_suite());
  srunner_add_suite(sr, bitext_suite());
  srunner_add_suite(sr, accuracy_quality_suite());
  srunner_add_suite(sr, xliff_suite());
  srunner_add_suite(sr, html_suite());
  srunner_add_suite(sr, accneg_suite());
  srunner_add_suite(sr, accnum_suite());
  srunner_add_suite(sr, accomit_suite());
  srunner_add_suite(sr, accname_suite());
  srunner_add_suite(sr, baseline_suite());
  srunner_add_suite(sr, i18n_suite());
  srunner_add_suite(sr, pipeline_suite());
  srunner_add_suite(sr, dictionaries_suite());
  srunner_add_suite(sr, toktab_suite());
  srunner_add_suite(sr, spell_model_suite());
  srunner_add_suite(sr, dictfile_suite());
  srunner_add_suite(sr, arena_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
