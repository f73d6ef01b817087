/*
 * Tests of src/fingerprint.c and src/baseline.c: the identity of a
 * finding across runs (mta_finding_info.fingerprint) and the baseline of
 * accepted findings (--baseline, --write-baseline).
 *
 * Areas: a fingerprint survives a line move and an edit elsewhere and
 * changes with the sentence; white space is collapsed, case kept; the
 * same fault twice in one sentence has one fingerprint. The baseline:
 * written and read back, findings matched after a line move, counted
 * (two entries, two occurrences), a changed sentence reported, score and
 * gate computed again; malformed files refused. The accept list
 * ([accept]): by rule, category and "*", word boundaries, case. Config
 * discovery (src/cli_config.c): upward search, XDG_CONFIG_HOME, HOME.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests.h"
#include "cli.h"

/* The fingerprint of the first finding of rule 'rule' in 'text' (copied
 * to 'out'); fails the test when there is none. */
static void S_fp(const char *text, const char *rule, char out[17]) {
  mta_report *r = test_audit(text);
  ck_assert_ptr_nonnull(r);
  size_t n = mta_report_finding_count(r);
  for (size_t i = 0; i < n; i++) {
    mta_finding_info fi;
    ck_assert_int_eq(mta_report_finding(r, i, &fi), MTA_OK);
    if (!strcmp(fi.rule, rule)) {
      ck_assert_ptr_nonnull(fi.fingerprint);
      ck_assert_uint_eq(strlen(fi.fingerprint), 16);
      ck_assert_uint_eq(strspn(fi.fingerprint, "0123456789abcdef"), 16);
      memcpy(out, fi.fingerprint, 17);
      mta_report_free(r);
      return;
    }
  }
  mta_report_free(r);
  ck_abort_msg("no %s finding in: %s", rule, text);
}

#define S_S1 "Die Regierung hat gestern einen neuen Plan vorgestelt."
#define S_S2 "Der Minister sagte, das sei ein wichtiger Schritt."

START_TEST(fp_line_move) {
  char a[17], b[17], c[17];
  S_fp(S_S1 "\n\n" S_S2 "\n", "spelling/unknown", a);
  /* A paragraph inserted above: other line, offset, paragraph. */
  S_fp("Ein neuer Absatz steht jetzt oben.\n\n" S_S1 "\n\n" S_S2 "\n",
       "spelling/unknown", b);
  ck_assert_str_eq(a, b);
  /* The same sentence after another one in its paragraph. */
  S_fp(S_S2 " " S_S1 "\n", "spelling/unknown", c);
  ck_assert_str_eq(a, c);
}
END_TEST

START_TEST(fp_edit_elsewhere) {
  char a[17], b[17];
  S_fp(S_S1 "\n\n" S_S2 "\n", "spelling/unknown", a);
  S_fp(S_S1 "\n\nDer Minister sagte, das sei ein großer Schritt.\n",
       "spelling/unknown", b);
  ck_assert_str_eq(a, b);
}
END_TEST

START_TEST(fp_sentence_changed) {
  char a[17], b[17];
  S_fp(S_S1 "\n", "spelling/unknown", a);
  S_fp("Die Regierung hat heute einen neuen Plan vorgestelt.\n",
       "spelling/unknown", b);
  ck_assert_str_ne(a, b);
}
END_TEST

START_TEST(fp_whitespace_case) {
  char a[17], b[17], c[17];
  S_fp(S_S1 "\n", "spelling/unknown", a);
  S_fp("Die  Regierung hat\ngestern einen\tneuen Plan vorgestelt.\n",
       "spelling/unknown", b);
  ck_assert_str_eq(a, b);
  S_fp("Die Regierung hat gestern einen neuen PLAN vorgestelt.\n",
       "spelling/unknown", c);
  ck_assert_str_ne(a, c);
}
END_TEST

START_TEST(fp_duplicate_text) {
  /* The same unknown word twice in one sentence: one fingerprint. */
  mta_report *r = test_audit("Der Plan wurde vorgestelt und dann noch einmal "
                             "vorgestelt, sagte er gestern.\n");
  ck_assert_ptr_nonnull(r);
  const char *fps[2] = {NULL, NULL};
  size_t k = 0;
  for (size_t i = 0; i < mta_report_finding_count(r) && k < 2; i++) {
    mta_finding_info fi;
    mta_report_finding(r, i, &fi);
    if (!strcmp(fi.rule, "spelling/unknown"))
      fps[k++] = fi.fingerprint;
  }
  ck_assert_uint_eq(k, 2);
  ck_assert_str_eq(fps[0], fps[1]);
  mta_report_free(r);
}
END_TEST

/* ---- the baseline -------------------------------------------------------- */

static mta_report *S_audit_named(const char *name, const char *text) {
  mta_report *r = NULL;
  ck_assert_int_eq(
      mta_audit_buffer(test_auditor(), name, text, strlen(text), &r), MTA_OK);
  return r;
}

static size_t S_count(const mta_report *r, const char *rule) {
  size_t n = 0;
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    mta_finding_info fi;
    mta_report_finding(r, i, &fi);
    n += !strcmp(fi.rule, rule);
  }
  return n;
}

static void S_write_file(const char *path, const char *s) {
  FILE *fp = fopen(path, "wb");
  ck_assert_ptr_nonnull(fp);
  fputs(s, fp);
  ck_assert_int_eq(fclose(fp), 0);
}

/* Records the findings of 'text' as 'name' in a baseline file in 'dir',
 * reads it back and returns it. */
static mta_baseline *S_roundtrip(const char *dir, const char *name,
                                 const char *text) {
  mta_baseline *b = NULL;
  ck_assert_int_eq(mta_baseline_new(&b), MTA_OK);
  mta_report *r = S_audit_named(name, text);
  ck_assert_int_eq(mta_baseline_add(b, r), MTA_OK);
  ck_assert_uint_eq(mta_baseline_count(b), mta_report_finding_count(r));
  mta_report_free(r);
  char path[4200];
  snprintf(path, sizeof path, "%s/baseline.json", dir);
  char *why = NULL;
  ck_assert_int_eq(mta_baseline_save(b, path, &why), MTA_OK);
  ck_assert_ptr_null(why);
  mta_baseline_free(b);
  b = NULL;
  ck_assert_int_eq(mta_baseline_load(path, &b, &why), MTA_OK);
  return b;
}

#define S_TWICE                                                                \
  "Der Plan wurde vorgestelt und dann noch einmal vorgestelt, sagte er "       \
  "gestern.\n"

START_TEST(bl_roundtrip_line_move) {
  char *dir = test_tmpdir("baseline");
  mta_baseline *b = S_roundtrip(dir, "a.txt", S_S1 "\n\n" S_S2 "\n");
  ck_assert_uint_eq(mta_baseline_count(b), 1);
  /* A paragraph inserted at the top: still the same finding. */
  mta_report *r = S_audit_named(
      "a.txt",
      "Ganz oben steht ein neuer Absatz mit Text.\n\n" S_S1 "\n\n" S_S2 "\n");
  ck_assert_uint_eq(S_count(r, "spelling/unknown"), 1);
  ck_assert_int_eq(mta_report_apply_baseline(r, b), MTA_OK);
  ck_assert_uint_eq(S_count(r, "spelling/unknown"), 0);
  ck_assert_uint_eq(mta_report_suppressed(r, MTA_SUPPRESSED_BASELINE), 1);
  ck_assert_uint_eq(mta_report_suppressed(r, MTA_SUPPRESSED_ALL), 1);
  ck_assert_uint_eq(mta_report_suppressed(r, MTA_SUPPRESSED_ACCEPT), 0);
  mta_report_free(r);
  mta_baseline_free(b);
  test_rmdir(dir);
}
END_TEST

START_TEST(bl_other_file_changed_sentence) {
  char *dir = test_tmpdir("baseline");
  mta_baseline *b = S_roundtrip(dir, "a.txt", S_S1 "\n");
  /* Another file: not matched. */
  mta_report *r = S_audit_named("b.txt", S_S1 "\n");
  ck_assert_int_eq(mta_report_apply_baseline(r, b), MTA_OK);
  ck_assert_uint_eq(S_count(r, "spelling/unknown"), 1);
  mta_report_free(r);
  /* The sentence changed: reported again. */
  r = S_audit_named("a.txt",
                    "Die Regierung hat heute einen neuen Plan vorgestelt.\n");
  ck_assert_int_eq(mta_report_apply_baseline(r, b), MTA_OK);
  ck_assert_uint_eq(S_count(r, "spelling/unknown"), 1);
  ck_assert_uint_eq(mta_report_suppressed(r, MTA_SUPPRESSED_ALL), 0);
  mta_report_free(r);
  mta_baseline_free(b);
  test_rmdir(dir);
}
END_TEST

START_TEST(bl_counted) {
  char *dir = test_tmpdir("baseline");
  /* Two occurrences recorded: both suppressed; a third is new. */
  mta_baseline *b = S_roundtrip(dir, "a.txt", S_TWICE);
  mta_report *r = S_audit_named("a.txt", S_TWICE);
  ck_assert_uint_eq(S_count(r, "spelling/unknown"), 2);
  ck_assert_int_eq(mta_report_apply_baseline(r, b), MTA_OK);
  ck_assert_uint_eq(S_count(r, "spelling/unknown"), 0);
  mta_report_free(r);
  mta_baseline_free(b);
  /* One occurrence recorded: one of two suppressed. */
  b = S_roundtrip(dir, "a.txt", S_TWICE);
  r = S_audit_named("a.txt", S_TWICE S_TWICE);
  ck_assert_uint_eq(S_count(r, "spelling/unknown"), 4);
  ck_assert_int_eq(mta_report_apply_baseline(r, b), MTA_OK);
  ck_assert_uint_eq(S_count(r, "spelling/unknown"), 2);
  ck_assert_uint_eq(mta_report_suppressed(r, MTA_SUPPRESSED_BASELINE), 2);
  mta_report_free(r);
  mta_baseline_free(b);
  test_rmdir(dir);
}
END_TEST

START_TEST(bl_rescored) {
  /* A suppressed finding costs no points and fails no gate. */
  char *dir = test_tmpdir("baseline");
  mta_baseline *b = S_roundtrip(dir, "a.txt", S_S1 "\n");
  mta_options o = {0};
  o.flags = MTA_OPT_FAIL_ON;
  o.fail_on = MTA_SEV_MAJOR;
  o.min_words = 1;
  mta_auditor *a = NULL;
  ck_assert_int_eq(mta_auditor_new(&o, &a, NULL), MTA_OK);
  mta_report *r = NULL;
  ck_assert_int_eq(
      mta_audit_buffer(a, "a.txt", S_S1 "\n", strlen(S_S1) + 1, &r), MTA_OK);
  ck_assert_int_eq(mta_report_passed(r), 0);
  ck_assert(mta_report_score(r) < 100.0);
  ck_assert_int_eq(mta_report_apply_baseline(r, b), MTA_OK);
  ck_assert_int_eq(mta_report_passed(r), 1);
  ck_assert(mta_report_score(r) == 100.0);
  char *json = NULL;
  ck_assert_int_eq(mta_render(r, MTA_FORMAT_JSON, NULL, &json), MTA_OK);
  ck_assert_ptr_nonnull(strstr(json, "\"suppressed\": {\"baseline\": 1"));
  ck_assert_int_eq(test_json_valid(json, strlen(json)), 1);
  mta_free(json);
  ck_assert_int_eq(mta_render(r, MTA_FORMAT_SARIF, NULL, &json), MTA_OK);
  ck_assert_int_eq(test_json_valid(json, strlen(json)), 1);
  mta_free(json);
  mta_report_free(r);
  mta_auditor_free(a);
  mta_baseline_free(b);
  test_rmdir(dir);
}
END_TEST

START_TEST(bl_malformed) {
  char *dir = test_tmpdir("baseline");
  char path[4200];
  snprintf(path, sizeof path, "%s/b.json", dir);
  static const char *const bad[] = {
      "",
      "[]",
      "{\"version\": 2, \"findings\": []}",
      "{\"findings\": []}",
      "{\"version\": 1}",
      "{\"version\": 1, \"findings\": [{\"rule\": \"x\"}]}",
      "{\"version\": 1, \"findings\": [} ",
      "{\"version\": 1, \"findings\": []} x",
      "{\"version\": 1, \"findings\": [{\"rule\": \"a\", \"fingerprint\": "
      "\"b\", \"file\": \"c\\q\"}]}",
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    S_write_file(path, bad[i]);
    mta_baseline *b = (mta_baseline *)path;
    char *why = NULL;
    ck_assert_int_eq(mta_baseline_load(path, &b, &why), MTA_ERR_PARSE);
    ck_assert_ptr_null(b);
    ck_assert_ptr_nonnull(why);
    ck_assert_ptr_nonnull(strstr(why, path));
    mta_free(why);
  }
  /* Unknown members are ignored; escapes are read. */
  S_write_file(path, "\xEF\xBB\xBF{\"tool\": \"x\", \"version\": 1, \"extra\": "
                     "[1, {\"a\": null}], \"findings\": [{\"rule\": \"r\", "
                     "\"fingerprint\": \"f\", \"file\": \"\\u00e4.txt\", "
                     "\"more\": true}]}");
  mta_baseline *b = NULL;
  ck_assert_int_eq(mta_baseline_load(path, &b, NULL), MTA_OK);
  ck_assert_uint_eq(mta_baseline_count(b), 1);
  mta_baseline_free(b);
  snprintf(path, sizeof path, "%s/missing.json", dir);
  char *why = NULL;
  ck_assert_int_eq(mta_baseline_load(path, &b, &why), MTA_ERR_IO);
  mta_free(why);
  ck_assert_int_eq(mta_baseline_load(NULL, &b, NULL), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_baseline_new(NULL), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_report_apply_baseline(NULL, NULL), MTA_ERR_INVALID_ARG);
  mta_baseline_free(NULL);
  test_rmdir(dir);
}
END_TEST

/* ---- the accept list ----------------------------------------------------- */

/* Audits 'text' with one accept entry RULE = PHRASE; the count of
 * 'rule' findings left. */
static size_t S_accept(const char *rule, const char *phrase, const char *text,
                       const char *count_rule) {
  mta_accept acc = {rule, phrase};
  mta_options o = {0};
  o.accepts = &acc;
  o.accept_count = 1;
  mta_auditor *a = NULL;
  ck_assert_int_eq(mta_auditor_new(&o, &a, NULL), MTA_OK);
  mta_report *r = NULL;
  ck_assert_int_eq(mta_audit_buffer(a, "t", text, strlen(text), &r), MTA_OK);
  size_t n = S_count(r, count_rule);
  size_t supp = mta_report_suppressed(r, MTA_SUPPRESSED_ACCEPT);
  ck_assert_uint_eq(mta_report_suppressed(r, MTA_SUPPRESSED_BASELINE), 0);
  (void)supp;
  mta_report_free(r);
  mta_auditor_free(a);
  return n;
}

START_TEST(accept_rules) {
  const char *t = S_S1 "\n";
  ck_assert_uint_eq(
      S_accept("spelling/unknown", "vorgestelt", t, "spelling/unknown"), 0);
  ck_assert_uint_eq(S_accept("spelling", "vorgestelt", t, "spelling/unknown"),
                    0);
  ck_assert_uint_eq(S_accept("spelling/*", "vorgestelt", t, "spelling/unknown"),
                    0);
  ck_assert_uint_eq(S_accept("*", "vorgestelt", t, "spelling/unknown"), 0);
  /* Another rule, another case, part of a word: still reported. */
  ck_assert_uint_eq(S_accept("grammar", "vorgestelt", t, "spelling/unknown"),
                    1);
  ck_assert_uint_eq(S_accept("*", "Vorgestelt", t, "spelling/unknown"), 1);
  ck_assert_uint_eq(S_accept("*", "vorge", t, "spelling/unknown"), 1);
}
END_TEST

START_TEST(accept_bad) {
  mta_accept acc[] = {{"nosuch/rule", "x"}, {"spelling", ""}, {NULL, "x"}};
  for (size_t i = 0; i < 3; i++) {
    mta_options o = {0};
    o.accepts = &acc[i];
    o.accept_count = 1;
    o.flags = MTA_OPT_NO_SPELL;
    mta_auditor *a = NULL;
    char *why = NULL;
    ck_assert_int_eq(mta_auditor_new(&o, &a, &why), MTA_ERR_INVALID_ARG);
    ck_assert_ptr_nonnull(why);
    mta_free(why);
  }
}
END_TEST

START_TEST(accept_config) {
  char *dir = test_tmpdir("accept");
  char path[4200];
  snprintf(path, sizeof path, "%s/mtaudit.conf", dir);
  S_write_file(path, "[accept]\nspelling = vorgestelt\n* = \"Kyjiw \"\n");
  mta_config *c = NULL;
  char *why = NULL;
  ck_assert_int_eq(mta_config_load(path, &c, &why), MTA_OK);
  mta_options o = {0};
  ck_assert_int_eq(mta_config_apply(c, &o), MTA_OK);
  ck_assert_uint_eq(o.accept_count, 2);
  ck_assert_str_eq(o.accepts[0].rule, "spelling");
  ck_assert_str_eq(o.accepts[0].phrase, "vorgestelt");
  ck_assert_str_eq(o.accepts[1].rule, "*");
  ck_assert_str_eq(o.accepts[1].phrase, "Kyjiw ");
  mta_config_free(c);
  S_write_file(path, "[accept]\nnosuch = x\n");
  ck_assert_int_eq(mta_config_load(path, &c, &why), MTA_ERR_PARSE);
  ck_assert_ptr_nonnull(strstr(why, ":2: [accept]: unknown rule 'nosuch'"));
  mta_free(why);
  S_write_file(path, "[accept]\nspelling =\n");
  ck_assert_int_eq(mta_config_load(path, &c, &why), MTA_ERR_PARSE);
  ck_assert_ptr_nonnull(strstr(why, "empty phrase"));
  mta_free(why);
  test_rmdir(dir);
}
END_TEST

/* ---- config discovery (src/cli_config.c) --------------------------------- */

static void S_mkdir(const char *dir, const char *sub, char *out, size_t sz) {
  snprintf(out, sz, "%s/%s", dir, sub);
  ck_assert_int_eq(mkdir(out, 0777), 0);
}

START_TEST(config_search) {
  char *dir = test_tmpdir("confsearch");
  char *real = realpath(dir, NULL);
  ck_assert_ptr_nonnull(real);
  char a[4200], ab[4200], abc[4200], xdg[4200], xdgm[4200], home[4200], f[4300];
  S_mkdir(real, "a", a, sizeof a);
  S_mkdir(a, "b", ab, sizeof ab);
  S_mkdir(ab, "c", abc, sizeof abc);
  S_mkdir(real, "xdg", xdg, sizeof xdg);
  S_mkdir(xdg, "mtaudit", xdgm, sizeof xdgm);
  S_mkdir(real, "home", home, sizeof home);
  char *old_xdg =
      getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME")) : NULL;
  char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
  setenv("XDG_CONFIG_HOME", xdg, 1);
  setenv("HOME", home, 1);
  int oom = 0;
  /* Nothing anywhere (the temporary directory's parents hold none). */
  char *got = cli_config_find(abc, &oom);
  ck_assert_int_eq(oom, 0);
  int outside = got == NULL;
  free(got);
  if (outside) {
    /* XDG. */
    snprintf(f, sizeof f, "%s/mtaudit.conf", xdgm);
    S_write_file(f, "spell = on\n");
    got = cli_config_find(abc, &oom);
    ck_assert_str_eq(got, f);
    free(got);
    /* A relative XDG_CONFIG_HOME is ignored: HOME/.config. */
    setenv("XDG_CONFIG_HOME", "relative", 1);
    got = cli_config_find(abc, &oom);
    ck_assert_ptr_null(got);
    setenv("XDG_CONFIG_HOME", xdg, 1);
  }
  /* Found in a parent: the nearest wins. */
  snprintf(f, sizeof f, "%s/mtaudit.conf", a);
  S_write_file(f, "spell = on\n");
  got = cli_config_find(abc, &oom);
  ck_assert_str_eq(got, f);
  free(got);
  char f2[4300];
  snprintf(f2, sizeof f2, "%s/mtaudit.conf", ab);
  S_write_file(f2, "spell = on\n");
  got = cli_config_find(abc, &oom);
  ck_assert_str_eq(got, f2);
  free(got);
  /* In the directory itself, named as given; for an input, its dir. */
  snprintf(f, sizeof f, "%s/c/x.txt", ab);
  got = cli_config_find_for(f, &oom);
  ck_assert_str_eq(got, f2);
  free(got);
  got = cli_config_find(ab, &oom);
  ck_assert_str_eq(got, f2);
  free(got);
  /* A directory named mtaudit.conf does not count. */
  unlink(f2);
  char d2[4200];
  S_mkdir(ab, "mtaudit.conf", d2, sizeof d2);
  snprintf(f, sizeof f, "%s/mtaudit.conf", a);
  got = cli_config_find(abc, &oom);
  ck_assert_str_eq(got, f);
  free(got);
  if (old_xdg)
    setenv("XDG_CONFIG_HOME", old_xdg, 1);
  else
    unsetenv("XDG_CONFIG_HOME");
  if (old_home)
    setenv("HOME", old_home, 1);
  free(old_xdg);
  free(old_home);
  free(real);
  test_rmdir(dir);
}
END_TEST

Suite *baseline_suite(void) {
  Suite *s = suite_create("baseline");
  TCase *tc = tcase_create("fingerprint");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, fp_line_move);
  tcase_add_test(tc, fp_edit_elsewhere);
  tcase_add_test(tc, fp_sentence_changed);
  tcase_add_test(tc, fp_whitespace_case);
  tcase_add_test(tc, fp_duplicate_text);
  suite_add_tcase(s, tc);
  tc = tcase_create("baseline");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, bl_roundtrip_line_move);
  tcase_add_test(tc, bl_other_file_changed_sentence);
  tcase_add_test(tc, bl_counted);
  tcase_add_test(tc, bl_rescored);
  tcase_add_test(tc, bl_malformed);
  suite_add_tcase(s, tc);
  tc = tcase_create("accept");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, accept_rules);
  tcase_add_test(tc, accept_bad);
  tcase_add_test(tc, accept_config);
  suite_add_tcase(s, tc);
  tc = tcase_create("config-search");
  tcase_add_test(tc, config_search);
  suite_add_tcase(s, tc);
  return s;
}
