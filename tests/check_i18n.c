/* Tests of the message catalogs (src/i18n.c, docs/DESIGN.md "Messages"):
 * the German catalog built next to the test binary
 * ($(B)/locale/de/LC_MESSAGES/mtaudit.mo) loads, a status text, a finding
 * message and the rule descriptions come out German under LANGUAGE=de and
 * English under LANGUAGE=en. The process's LC_MESSAGES is C.UTF-8 during
 * each test (gettext ignores LANGUAGE in the "C" locale) and "C" after. */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "i18n.h"
#include "tests.h"

/* The catalog directory next to the test binary: DIR/locale. */
static void S_localedir(char *out, size_t size) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  ck_assert_int_gt(n, 0);
  exe[n] = '\0';
  char *slash = strrchr(exe, '/');
  ck_assert_ptr_nonnull(slash);
  snprintf(out, size, "%.*s/locale", (int)(slash - exe), exe);
}

/* gettext caches translations per locale name, not per LANGUAGE: a
 * program that changes LANGUAGE after its first message says so by
 * incrementing this counter (GNU gettext manual, "Being a gettext
 * grok"; glibc and GNU libintl export it). The CLI sets the language
 * before its first message and needs none of this. */
extern int _nl_msg_cat_cntr;

static void S_locale(const char *locale, const char *lang) {
  ck_assert_ptr_nonnull(setlocale(LC_MESSAGES, locale));
  ck_assert_int_eq(setenv("LANGUAGE", lang, 1), 0);
  ++_nl_msg_cat_cntr;
}

static void S_lang(const char *lang) { S_locale("C.UTF-8", lang); }

static void S_setup(void) {
  char dir[PATH_MAX + 16];
  S_localedir(dir, sizeof dir);
  ck_assert_int_eq(mta_set_localedir(dir), MTA_OK);
  (void)test_auditor();
}

static void S_teardown(void) {
  setlocale(LC_MESSAGES, "C");
  unsetenv("LANGUAGE");
  ++_nl_msg_cat_cntr;
}

START_TEST(test_catalog_loads) {
  char path[PATH_MAX + 64];
  S_localedir(path, sizeof path);
  strcat(path, "/de/LC_MESSAGES/mtaudit.mo");
  ck_assert_msg(access(path, R_OK) == 0, "no catalog %s", path);
  S_lang("de");
  ck_assert_str_eq(mta_strerror(MTA_ERR_NOMEM),
                   "Arbeitsspeicher reicht nicht aus");
  /* UTF-8 whatever the locale's charset (bind_textdomain_codeset). */
  ck_assert_str_eq(mta_strerror(MTA_ERR_TOO_LARGE), "Eingabe zu gro\xC3\x9F");
  S_lang("en");
  ck_assert_str_eq(mta_strerror(MTA_ERR_NOMEM), "out of memory");
  /* No setlocale() at all: English, whatever LANGUAGE says. */
  S_locale("C", "de");
  ck_assert_str_eq(mta_strerror(MTA_ERR_NOMEM), "out of memory");
}
END_TEST

/* A finding's message is translated in the sink: "Das ist ein Test ."
 * has a space before the period (punctuation/space-before). Strict once
 * the catalog translates the format; until then it must stay English. */
START_TEST(test_finding_message) {
  static const char fmt[] = "space before '%c'";
  S_lang("de");
  const char *de = _(fmt);
  char want_de[128], want_en[128];
  snprintf(want_de, sizeof want_de, de, '.');
  snprintf(want_en, sizeof want_en, fmt, '.');
  mta_report *r = test_audit("Das ist ein kurzer Satz .\n");
  int seen = 0;
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    mta_finding_info fi;
    ck_assert_int_eq(mta_report_finding(r, i, &fi), MTA_OK);
    if (!strcmp(fi.rule, "punctuation/space-before")) {
      ck_assert_str_eq(fi.message, want_de);
      seen = 1;
    }
  }
  ck_assert_msg(seen, "no punctuation/space-before finding");
  mta_report_free(r);
  S_lang("en");
  r = test_audit("Das ist ein kurzer Satz .\n");
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    mta_finding_info fi;
    ck_assert_int_eq(mta_report_finding(r, i, &fi), MTA_OK);
    if (!strcmp(fi.rule, "punctuation/space-before"))
      ck_assert_str_eq(fi.message, want_en);
  }
  mta_report_free(r);
  if (de == fmt)
    fprintf(stderr, "i18n: '%s' is not translated yet\n", fmt);
}
END_TEST

/* Every rule's summary and explanation: English under en, and under de
 * the catalog's German (counted: the rule tables are translated by
 * several people; S_STRICT makes a missing one fail). */
#define S_STRICT 1
START_TEST(test_rule_texts) {
  size_t n = mta_rule_count(), missing = 0;
  ck_assert_uint_gt(n, 0);
  for (size_t i = 0; i < n; i++) {
    const struct mta_rule *rule = mtai_rule_ptr(i);
    mta_rule_info ri;
    S_lang("en");
    ck_assert_int_eq(mta_rule_get(i, &ri), MTA_OK);
    ck_assert_str_eq(ri.summary, rule->summary);
    S_lang("de");
    ck_assert_int_eq(mta_rule_get(i, &ri), MTA_OK);
    int sum = ri.summary != rule->summary;
    int exp = !rule->explanation || ri.explanation != rule->explanation;
    if (!sum || !exp) {
      missing++;
      if (S_STRICT)
        fprintf(stderr, "i18n: %s: no German %s\n", rule->id,
                !sum ? "summary" : "explanation");
    }
  }
  if (missing)
    fprintf(stderr,
            "i18n: %zu of %zu rules without German summary and "
            "explanation\n",
            missing, n);
  ck_assert_msg(!S_STRICT || !missing, "%zu rules untranslated", missing);
}
END_TEST

Suite *i18n_suite(void) {
  Suite *s = suite_create("i18n");
  TCase *tc = tcase_create("core");
  tcase_add_unchecked_fixture(tc, S_setup, NULL);
  tcase_add_checked_fixture(tc, NULL, S_teardown);
  tcase_add_test(tc, test_catalog_loads);
  tcase_add_test(tc, test_finding_message);
  tcase_add_test(tc, test_rule_texts);
  suite_add_tcase(s, tc);
  return s;
}
