/*
 * Tests of the checks (src/checks.c, src/check_punct.c,
 * src/check_honorific.c, src/check_spell.c), run through test_audit() on
 * small German texts: rule ids, categories, severities, suggestions, and
 * spans that cover exactly the offending text.
 */
#include <string.h>

#include "check.h"
#include "tests.h"

/* Finding 'nth' (0-based) of 'rule' in 'r'; fails when there is none. */
static mta_finding_info S_find(const mta_report *r, const char *rule,
                               size_t nth) {
  mta_finding_info fi;
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    ck_assert_int_eq(mta_report_finding(r, i, &fi), MTA_OK);
    if (!strcmp(fi.rule, rule) && nth-- == 0)
      return fi;
  }
  ck_abort_msg("no finding %s", rule);
  return fi;
}

/* Asserts that finding 'fi' of a report on 'src' covers exactly 'text'. */
static void S_span(const char *src, const mta_finding_info *fi,
                   const char *text) {
  size_t n = strlen(text);
  ck_assert_uint_le(fi->start, fi->end);
  ck_assert_uint_le(fi->end, strlen(src));
  ck_assert_msg(fi->end - fi->start == n && !memcmp(src + fi->start, text, n),
                "%s spans '%.*s', want '%s'", fi->rule,
                (int)(fi->end - fi->start), src + fi->start, text);
}

/* S_span(), and the finding carries 'suggestion' (NULL: none). */
static void S_is(const char *src, const mta_finding_info *fi, const char *text,
                 const char *suggestion) {
  S_span(src, fi, text);
  if (suggestion)
    ck_assert_pstr_eq(fi->suggestion, suggestion);
  else
    ck_assert_ptr_null(fi->suggestion);
}

/* Audits 's' and asserts there is no finding of 'rule'. */
static void S_none(const char *s, const char *rule) {
  mta_report *r = test_audit(s);
  size_t n = test_count_rule(r, rule);
  if (n) {
    mta_finding_info fi = S_find(r, rule, 0);
    ck_abort_msg("%s in \"%s\" at %zu..%zu", rule, s, fi.start, fi.end);
  }
  mta_report_free(r);
}

/* ---- registry ----------------------------------------------------------- */

START_TEST(registry_rules_are_well_formed) {
  static const char *const documented[] = {
      "punctuation/space-before", "punctuation/doubled",
      "punctuation/missing-space", "english-leftover/honorific",
      "spelling/unknown"};
  size_t seen[sizeof documented / sizeof documented[0]] = {0};
  size_t nchecks = 0;
  for (size_t i = 0; mtai_checks[i]; i++, nchecks++) {
    const struct mta_check *c = mtai_checks[i];
    ck_assert_ptr_nonnull(c->name);
    ck_assert(c->run != NULL);
    ck_assert_uint_gt(c->nrules, 0);
    for (size_t k = 0; k < c->nrules; k++) {
      const struct mta_rule *ru = &c->rules[k];
      const char *cat = mtai_category_name(ru->category);
      size_t cl = strlen(cat);
      ck_assert_msg(!strncmp(ru->id, cat, cl) && ru->id[cl] == '/' &&
                        ru->id[cl + 1],
                    "rule id %s is not %s/NAME", ru->id, cat);
      ck_assert_ptr_nonnull(mta_severity_name(ru->severity));
      ck_assert_ptr_nonnull(ru->summary);
      for (size_t d = 0; d < sizeof documented / sizeof documented[0]; d++)
        seen[d] += !strcmp(ru->id, documented[d]);
    }
  }
  ck_assert_uint_eq(nchecks, mtai_check_count());
  for (size_t d = 0; d < sizeof documented / sizeof documented[0]; d++)
    ck_assert_msg(seen[d] == 1, "rule %s registered %zu times", documented[d],
                  seen[d]);
}
END_TEST

START_TEST(clean_text_has_no_findings) {
  mta_report *r = test_audit(
      "Die Bundesregierung hat am Mittwoch in Berlin ein neues Gesetz "
      "beschlossen. Es soll im nächsten Jahr in Kraft treten, sagte ein "
      "Sprecher. Kritiker halten das für falsch; sie fordern z. B. mehr "
      "Geld.\n");
  ck_assert_uint_eq(mta_report_finding_count(r), 0);
  mta_report_free(r);
}
END_TEST

/* ---- punctuation/space-before ------------------------------------------ */

START_TEST(space_before_period) {
  const char *s = "Die Bösen lagerten es in Waffenvorräten .\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  mta_finding_info fi = S_find(r, "punctuation/space-before", 0);
  S_is(s, &fi, " .", ".");
  ck_assert_str_eq(fi.category, "punctuation");
  ck_assert_int_eq(fi.severity, MTA_SEV_MINOR);
  ck_assert_uint_eq(fi.paragraph, 1);
  ck_assert_uint_eq(fi.line, 1);
  /* Two two-byte letters before it: byte 41, but column 40. */
  ck_assert_uint_eq(fi.start, 41);
  ck_assert_uint_eq(fi.end, 43);
  ck_assert_uint_eq(fi.column, 40);
  mta_report_free(r);
}
END_TEST

START_TEST(space_before_comma) {
  const char *s = "Er sagte , dass er kommt.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "punctuation/space-before"), 1);
  mta_finding_info fi = S_find(r, "punctuation/space-before", 0);
  S_is(s, &fi, " ,", ",");
  ck_assert_uint_eq(fi.column, 9);
  ck_assert_ptr_nonnull(strstr(fi.message, "','"));
  mta_report_free(r);
}
END_TEST

START_TEST(space_before_in_second_paragraph) {
  const char *s = "Erster Absatz ohne Fehler.\n"
                  "\n"
                  "Zweiter Absatz:\n"
                  "er sagte ; dann ging er.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  mta_finding_info fi = S_find(r, "punctuation/space-before", 0);
  S_is(s, &fi, " ;", ";");
  ck_assert_uint_eq(fi.paragraph, 2);
  ck_assert_uint_eq(fi.line, 4);
  ck_assert_uint_eq(fi.column, 9);
  mta_report_free(r);
}
END_TEST

START_TEST(space_before_not_after_bracket) {
  S_none("Das ist richtig ( . ) so.\n", "punctuation/space-before");
  S_none("Das ist richtig, sagte er.\n", "punctuation/space-before");
}
END_TEST

/* ---- punctuation/doubled ----------------------------------------------- */

START_TEST(doubled_period) {
  const char *s = "Das ist das Ende. . Dann kam er.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  mta_finding_info fi = S_find(r, "punctuation/doubled", 0);
  S_is(s, &fi, ". .", ".");
  ck_assert_str_eq(fi.category, "punctuation");
  ck_assert_int_eq(fi.severity, MTA_SEV_MINOR);
  /* The second mark is not also a space-before finding. */
  ck_assert_uint_eq(test_count_rule(r, "punctuation/space-before"), 0);
  mta_report_free(r);
}
END_TEST

START_TEST(doubled_comma) {
  const char *s = "Er kam,, und ging wieder.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  mta_finding_info fi = S_find(r, "punctuation/doubled", 0);
  S_is(s, &fi, ",,", ",");
  mta_report_free(r);
}
END_TEST

START_TEST(doubled_mixed_marks) {
  const char *s = "Er kam., und ging!! Wirklich?? Ja.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "punctuation/doubled"), 3);
  mta_finding_info fi = S_find(r, "punctuation/doubled", 0);
  S_is(s, &fi, ".,", ".");
  fi = S_find(r, "punctuation/doubled", 1);
  S_is(s, &fi, "!!", "!");
  fi = S_find(r, "punctuation/doubled", 2);
  S_is(s, &fi, "??", "?");
  mta_report_free(r);
}
END_TEST

START_TEST(doubled_not_ellipsis_or_interrobang) {
  const char *s = "Er wartete... Dann ging er?! Wirklich!? Ja. Und dann...\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "punctuation/doubled"), 0);
  ck_assert_uint_eq(mta_report_finding_count(r), 0);
  mta_report_free(r);
}
END_TEST

/* An ellipsis set with spaces (". . .", also with the full stop ". . . .")
 * is German typesetting, not a doubling; a longer run of spaced dots is
 * one doubling, not one per pair of dots; ". ." stays a doubling. */
START_TEST(doubled_spaced_dots_once) {
  S_none("Er wartete . . . Dann ging er. Und dann . . . .\n",
         "punctuation/doubled");
  S_none("Er wartete . . . Dann ging er. Und dann . . . .\n",
         "punctuation/space-before");
  const char *s = "Er wartete . . . . . . . . . Dann ging er. . Ja.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "punctuation/doubled"), 2);
  ck_assert_uint_eq(test_count_rule(r, "punctuation/space-before"), 0);
  mta_finding_info fi = S_find(r, "punctuation/doubled", 0);
  S_is(s, &fi, ". . . . . . . . .", "\xE2\x80\xA6");
  fi = S_find(r, "punctuation/doubled", 1);
  S_is(s, &fi, ". .", ".");
  mta_report_free(r);
}
END_TEST

/* ---- punctuation/missing-space ----------------------------------------- */

START_TEST(missing_space_after_period) {
  const char *s = "Er kam aus Moskau.Nordkorea ist weit.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  mta_finding_info fi = S_find(r, "punctuation/missing-space", 0);
  S_is(s, &fi, ".", ". ");
  ck_assert_uint_eq(fi.start, 17);
  ck_assert_str_eq(fi.category, "punctuation");
  ck_assert_int_eq(fi.severity, MTA_SEV_MINOR);
  ck_assert_ptr_nonnull(strstr(fi.message, "Nordkorea"));
  mta_report_free(r);
}
END_TEST

START_TEST(missing_space_after_comma) {
  const char *s = "Er kam,und ging.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  mta_finding_info fi = S_find(r, "punctuation/missing-space", 0);
  S_is(s, &fi, ",", ", ");
  ck_assert_uint_eq(fi.start, 6);
  ck_assert_ptr_nonnull(strstr(fi.message, "'und'"));
  mta_report_free(r);
}
END_TEST

START_TEST(missing_space_after_period_before_number) {
  /* "2020.Die": ICU splits number and word, the mark check sees it. */
  const char *s = "Das war im Jahr 2020.Die Lage ist anders.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "punctuation/missing-space"), 1);
  mta_finding_info fi = S_find(r, "punctuation/missing-space", 0);
  S_span(s, &fi, ".");
  ck_assert_uint_eq(fi.start, 20);
  mta_report_free(r);
}
END_TEST

START_TEST(missing_space_not_in_numbers_urls_abbreviations) {
  static const char *const ok[] = {
      "Es kamen 10.000 Menschen.\n",
      "Der Anteil stieg um 3,5 Prozent.\n",
      "Mehr steht auf www.example.com im Netz.\n",
      "Das berichtet bild.de am Morgen.\n",
      "Es gibt z.B. Brot und Wein.\n",
      "Schreiben Sie an info@example.com oder an Max.Muster@example.org.\n",
      "Siehe https://www.tagesschau.de/Inland/Bericht.html dazu.\n",
      "Um 12.30 Uhr und am 1.5.2024 war es so.\n",
  };
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    S_none(ok[i], "punctuation/missing-space");
}
END_TEST

/* ---- english-leftover/honorific ---------------------------------------- */

START_TEST(honorific_titles) {
  static const struct {
    const char *text, *span, *suggestion;
  } cases[] = {
      {"Gestern traf er Mr. Kim in Seoul.\n", "Mr.", "Herr"},
      {"Gestern traf er Mrs. May in London.\n", "Mrs.", "Frau"},
      {"Gestern traf er Ms. Lee in Seoul.\n", "Ms.", "Frau"},
      {"Gestern traf er Mr Kim in Seoul.\n", "Mr", "Herr"},
      {"Gestern traf er Mrs May in London.\n", "Mrs", "Frau"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    mta_report *r = test_audit(cases[i].text);
    ck_assert_msg(mta_report_finding_count(r) == 1, "%zu findings in: %s",
                  mta_report_finding_count(r), cases[i].text);
    mta_finding_info fi = S_find(r, "english-leftover/honorific", 0);
    S_is(cases[i].text, &fi, cases[i].span, cases[i].suggestion);
    ck_assert_uint_eq(fi.start, 16);
    ck_assert_str_eq(fi.category, "english-leftover");
    ck_assert_int_eq(fi.severity, MTA_SEV_MAJOR);
    ck_assert_ptr_nonnull(strstr(fi.message, cases[i].suggestion));
    mta_report_free(r);
  }
}
END_TEST

START_TEST(honorific_several_in_one_text) {
  const char *s = "Mr. Kim sprach mit Mrs. May, Ms. Lee und Mr Trump.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "english-leftover/honorific"), 4);
  static const char *const spans[] = {"Mr.", "Mrs.", "Ms.", "Mr"};
  static const size_t starts[] = {0, 19, 29, 41};
  for (size_t i = 0; i < 4; i++) {
    mta_finding_info fi = S_find(r, "english-leftover/honorific", i);
    S_is(s, &fi, spans[i], i == 0 || i == 3 ? "Herr" : "Frau");
    ck_assert_uint_eq(fi.start, starts[i]);
  }
  mta_report_free(r);
}
END_TEST

START_TEST(honorific_not_german_titles) {
  S_none("Gestern traf er Dr. Müller in Bonn.\n", "english-leftover/honorific");
  S_none("Gestern traf er Prof. Weber in Bonn.\n",
         "english-leftover/honorific");
  S_none("Gestern traf er Herrn Kim und Frau Lee.\n",
         "english-leftover/honorific");
}
END_TEST

START_TEST(honorific_needs_a_name) {
  /* At the end of a paragraph, also when a name follows in the next. */
  S_none("Das sagte Mr.\n", "english-leftover/honorific");
  S_none("Das sagte Mr.\n\nKim kam später.\n", "english-leftover/honorific");
  /* Before a lower-case word or a number. */
  S_none("Er sah Mr. und ging.\n", "english-leftover/honorific");
  S_none("Er sah Mr und ging.\n", "english-leftover/honorific");
  S_none("Er sah Mr. 5 im Fernsehen.\n", "english-leftover/honorific");
  /* Only the whole word. */
  S_none("Das Mrsa-Virus und Mrs-Werte.\n", "english-leftover/honorific");
}
END_TEST

/* ---- spelling/unknown -------------------------------------------------- */

START_TEST(spelling_reports_misspelled_word) {
  const char *s = "Die Regierung hat das Gesetz beschlosen.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  mta_finding_info fi = S_find(r, "spelling/unknown", 0);
  S_is(s, &fi, "beschlosen", "beschlossen");
  ck_assert_str_eq(fi.category, "spelling");
  ck_assert_int_eq(fi.severity, MTA_SEV_MAJOR);
  ck_assert_uint_eq(fi.start, 29);
  ck_assert_ptr_nonnull(strstr(fi.message, "beschlosen"));
  ck_assert_ptr_nonnull(strstr(fi.message, "beschlossen"));
  mta_report_free(r);
}
END_TEST

START_TEST(spelling_suggestion_with_umlaut) {
  /* The Latin-1 dictionary's suggestion comes back as UTF-8. */
  const char *s = "Wir haben das Problem gelösst.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "spelling/unknown"), 1);
  mta_finding_info fi = S_find(r, "spelling/unknown", 0);
  S_is(s, &fi, "gelösst", "gelöst");
  mta_report_free(r);
}
END_TEST

START_TEST(spelling_each_occurrence) {
  const char *s = "Er hat beschlosen, und sie hat beschlosen.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "spelling/unknown"), 2);
  mta_finding_info a = S_find(r, "spelling/unknown", 0);
  mta_finding_info b = S_find(r, "spelling/unknown", 1);
  S_is(s, &a, "beschlosen", "beschlossen");
  S_is(s, &b, "beschlosen", "beschlossen");
  ck_assert_uint_eq(a.start, 7);
  ck_assert_uint_eq(b.start, 31);
  mta_report_free(r);
}
END_TEST

START_TEST(spelling_accepts_correct_words) {
  S_none("Die Kinder spielen fröhlich über die Straße, weil das Wetter "
         "schön ist.\n",
         "spelling/unknown");
  S_none("Sie hatten sich gestern Abend lange unterhalten und waren dann "
         "müde nach Hause gegangen.\n",
         "spelling/unknown");
}
END_TEST

START_TEST(spelling_skips_names_and_numbers) {
  S_none("Gestern trafen Wolodymyr Selenskyj und Olaf Scholz in Kyjiw.\n",
         "spelling/unknown");
  S_none("Im Jahr 2023 kamen 1.500 Menschen, 3,5 Prozent mehr als 2022.\n",
         "spelling/unknown");
  S_none("Die NATO und die UNO tagten in Brüssel.\n", "spelling/unknown");
}
END_TEST

START_TEST(spelling_english_word_without_suggestion) {
  /* An English word is an english-leftover finding, not a misspelling. */
  const char *s = "Das war ein großes meeting.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "spelling/unknown"), 0);
  ck_assert_uint_eq(test_count_rule(r, "english-leftover/word"), 1);
  mta_finding_info fi = S_find(r, "english-leftover/word", 0);
  S_is(s, &fi, "meeting", NULL);
  ck_assert_int_eq(fi.severity, MTA_SEV_MAJOR);
  ck_assert_ptr_nonnull(strstr(fi.message, "English"));
  mta_report_free(r);
}
END_TEST

Suite *checks_suite(void) {
  Suite *s = suite_create("checks");
  TCase *tc = tcase_create("registry");
  tcase_add_test(tc, registry_rules_are_well_formed);
  tcase_add_test(tc, clean_text_has_no_findings);
  suite_add_tcase(s, tc);
  tc = tcase_create("space-before");
  tcase_add_test(tc, space_before_period);
  tcase_add_test(tc, space_before_comma);
  tcase_add_test(tc, space_before_in_second_paragraph);
  tcase_add_test(tc, space_before_not_after_bracket);
  suite_add_tcase(s, tc);
  tc = tcase_create("doubled");
  tcase_add_test(tc, doubled_period);
  tcase_add_test(tc, doubled_comma);
  tcase_add_test(tc, doubled_mixed_marks);
  tcase_add_test(tc, doubled_not_ellipsis_or_interrobang);
  tcase_add_test(tc, doubled_spaced_dots_once);
  suite_add_tcase(s, tc);
  tc = tcase_create("missing-space");
  tcase_add_test(tc, missing_space_after_period);
  tcase_add_test(tc, missing_space_after_comma);
  tcase_add_test(tc, missing_space_after_period_before_number);
  tcase_add_test(tc, missing_space_not_in_numbers_urls_abbreviations);
  suite_add_tcase(s, tc);
  tc = tcase_create("honorific");
  tcase_add_test(tc, honorific_titles);
  tcase_add_test(tc, honorific_several_in_one_text);
  tcase_add_test(tc, honorific_not_german_titles);
  tcase_add_test(tc, honorific_needs_a_name);
  suite_add_tcase(s, tc);
  tc = tcase_create("spelling");
  tcase_add_test(tc, spelling_reports_misspelled_word);
  tcase_add_test(tc, spelling_suggestion_with_umlaut);
  tcase_add_test(tc, spelling_each_occurrence);
  tcase_add_test(tc, spelling_accepts_correct_words);
  tcase_add_test(tc, spelling_skips_names_and_numbers);
  tcase_add_test(tc, spelling_english_word_without_suggestion);
  suite_add_tcase(s, tc);
  return s;
}
