/*
 * The source-aware checks of untranslated, omitted and added text
 * (src/check_untranslated.c, src/check_omission.c), end to end through
 * mta_audit_buffer_source() with the real dictionaries: each case is an
 * English source and a German target, and what the rules must (or must
 * not) report about it. Paragraphs are separated by a blank line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

/* Audits 'target' against 'source'; fails the test when the source was
 * not used. */
static mta_report *S_audit(const char *source, const char *target) {
  mta_report *r = NULL;
  ck_assert_int_eq(mta_audit_buffer_source(test_auditor(), "t.txt", target,
                                           strlen(target), "s.txt", source,
                                           strlen(source), &r),
                   MTA_OK);
  const char *why = mta_report_source_error(r);
  ck_assert_msg(why == NULL, "source not used: %s", why ? why : "");
  return r;
}

/* The first finding of 'rule' in 'r' into 'fi'; 0 when there is none. */
static int S_find(const mta_report *r, const char *rule, mta_finding_info *fi) {
  for (size_t k = 0; k < mta_report_finding_count(r); k++) {
    mta_report_finding(r, k, fi);
    if (!strcmp(fi->rule, rule))
      return 1;
  }
  return 0;
}

/* Findings of the rules of these two checks in 'r'. */
static size_t S_ours(const mta_report *r) {
  return test_count_rule(r, "accuracy/untranslated") +
         test_count_rule(r, "accuracy/omission") +
         test_count_rule(r, "accuracy/addition");
}

/* Prints the findings of 'r' (for a failing case). */
static void S_dump(const mta_report *r, const char *what) {
  mta_finding_info fi;
  for (size_t k = 0; k < mta_report_finding_count(r); k++) {
    mta_report_finding(r, k, &fi);
    printf("  %s: %s %s: %s\n", what, fi.rule, mta_severity_name(fi.severity),
           fi.message);
  }
}

/* ---- accuracy/untranslated --------------------------------------------- */

START_TEST(identical_sentence_is_untranslated) {
  const char *src = "The talks will resume on Monday in Geneva.";
  const char *tgt = "The talks will resume on Monday in Geneva.\n";
  mta_report *r = S_audit(src, tgt);
  mta_finding_info fi;
  ck_assert(S_find(r, "accuracy/untranslated", &fi));
  ck_assert_int_eq(fi.severity, MTA_SEV_MAJOR);
  ck_assert_uint_eq(fi.start, 0);
  ck_assert_uint_eq(fi.end, strlen(tgt) - 1);
  /* The source span is the source sentence. */
  ck_assert_uint_eq(fi.source_start, 0);
  ck_assert_uint_eq(fi.source_end, strlen(src));
  ck_assert_ptr_nonnull(fi.source_text);
  /* One finding about the sentence: no english-leftover run or unknown
   * English word inside it. */
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  mta_report_free(r);
}
END_TEST

START_TEST(case_and_spacing_do_not_hide_a_copy) {
  mta_report *r = S_audit("Police said the suspect had been arrested.",
                          "police said  the suspect had been ARRESTED.\n");
  ck_assert_uint_eq(test_count_rule(r, "accuracy/untranslated"), 1);
  mta_report_free(r);
}
END_TEST

START_TEST(mostly_english_sentence_is_untranslated) {
  mta_report *r = S_audit(
      "Scientists warned that the glacier could collapse within the next "
      "decade.",
      "Wissenschaftler warned that the glacier could collapse within the next "
      "decade.\n");
  mta_finding_info fi;
  ck_assert(S_find(r, "accuracy/untranslated", &fi));
  ck_assert_int_eq(fi.severity, MTA_SEV_MAJOR);
  ck_assert_uint_eq(test_count_rule(r, "english-leftover/word"), 0);
  mta_report_free(r);
}
END_TEST

START_TEST(english_paragraph_is_critical) {
  const char *src = "The minister said the talks had been constructive. The "
                    "next round is planned for May.";
  const char *tgt = "The minister said the talks had been constructive. The "
                    "next round is planned for May.\n";
  mta_report *r = S_audit(src, tgt);
  mta_finding_info fi;
  ck_assert(S_find(r, "accuracy/untranslated", &fi));
  ck_assert_int_eq(fi.severity, MTA_SEV_CRITICAL);
  ck_assert_uint_eq(test_count_rule(r, "accuracy/untranslated"), 1);
  mta_report_free(r);
}
END_TEST

START_TEST(second_paragraph_left_in_english) {
  mta_report *r = S_audit(
      "Heavy snowfall disrupted rail traffic in the north of the country.\n\n"
      "The operator said it could take several days before all lines are "
      "running normally again.",
      "Heftige Schneefälle haben den Bahnverkehr im Norden des Landes "
      "beeinträchtigt.\n\nThe operator said it could take several days "
      "before all lines are running normally again.\n");
  mta_finding_info fi;
  ck_assert(S_find(r, "accuracy/untranslated", &fi));
  ck_assert_uint_eq(fi.paragraph, 2);
  ck_assert_uint_eq(test_count_rule(r, "accuracy/untranslated"), 1);
  mta_report_free(r);
}
END_TEST

/* An English run inside a German sentence is english-leftover/word's: the
 * accuracy rule does not report the same words again. */
START_TEST(fragment_left_to_english_leftover) {
  mta_report *r =
      S_audit("She said the plan was dead on arrival and would never pass.",
              "Sie sagte, der Plan sei dead on arrival und werde niemals "
              "verabschiedet.\n");
  ck_assert_uint_eq(test_count_rule(r, "english-leftover/word"), 1);
  ck_assert_uint_eq(test_count_rule(r, "accuracy/untranslated"), 0);
  mta_report_free(r);
}
END_TEST

/* Names, quoted English titles, slogans and words German shares are no
 * untranslated text. */
START_TEST(names_and_titles_are_not_untranslated) {
  static const char *const pairs[][2] = {
      {"The song \"Bohemian Rhapsody\" by Queen topped the charts again.",
       "Der Song „Bohemian Rhapsody“ von Queen stand erneut an der Spitze "
       "der Charts."},
      {"The campaign slogan was \"Make America Great Again\".",
       "Der Wahlkampfslogan lautete „Make America Great Again“."},
      {"The film \"Gone with the Wind\" was shown again on Sunday.",
       "Der Film „Gone with the Wind“ wurde am Sonntag erneut gezeigt."},
      {"She works for the New York Times and the Wall Street Journal.",
       "Sie arbeitet für die New York Times und das Wall Street Journal."},
      {"The Fridays for Future movement called for a global climate strike.",
       "Die Bewegung Fridays for Future rief zu einem weltweiten Klimastreik "
       "auf."},
      {"The band played \"We Are the Champions\" at the end of the show.",
       "Die Band spielte zum Abschluss der Show „We Are the Champions“."},
      {"The Internet and the computer changed our lives.",
       "Internet und Computer haben unser Leben verändert."},
      {"Barack Obama.", "Barack Obama."},
      {"The team relies on machine learning and big data.",
       "Das Team setzt auf Machine Learning und Big Data."},
  };
  for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    char tgt[512];
    snprintf(tgt, sizeof tgt, "%s\n", pairs[i][1]);
    mta_report *r = S_audit(pairs[i][0], tgt);
    if (test_count_rule(r, "accuracy/untranslated"))
      S_dump(r, pairs[i][1]);
    ck_assert_uint_eq(test_count_rule(r, "accuracy/untranslated"), 0);
    mta_report_free(r);
  }
}
END_TEST

/* ---- accuracy/omission ------------------------------------------------- */

START_TEST(lost_paragraph_is_an_omission) {
  const char *src =
      "The coalition partners met on Sunday evening to settle their dispute "
      "over the budget.\n\nAfter six hours of talks, they agreed to cut "
      "spending on subsidies and to postpone the planned tax reform until "
      "after the next election.\n\nThe opposition called the compromise a "
      "sign of weakness.";
  const char *tgt = "Die Koalitionspartner trafen sich am Sonntagabend, um "
                    "ihren Streit über den Haushalt beizulegen.\n\nDie "
                    "Opposition bezeichnete den Kompromiss als Zeichen der "
                    "Schwäche.\n";
  mta_report *r = S_audit(src, tgt);
  mta_finding_info fi;
  ck_assert(S_find(r, "accuracy/omission", &fi));
  ck_assert_int_eq(fi.severity, MTA_SEV_MAJOR);
  /* The source span is the lost paragraph. */
  const char *lost = strstr(src, "After six hours");
  ck_assert_uint_eq(fi.source_start, (size_t)(lost - src));
  ck_assert_uint_eq(fi.source_end, (size_t)(strstr(src, "election.") +
                                            strlen("election.") - src));
  /* Reported where it would stand: an empty span at a paragraph break. */
  ck_assert_uint_eq(fi.start, fi.end);
  size_t brk = (size_t)(strstr(tgt, "\n\n") - tgt);
  size_t next = (size_t)(strstr(tgt, "Die Opposition") - tgt);
  ck_assert_msg(fi.start == brk || fi.start == next, "omission at %zu",
                fi.start);
  ck_assert_uint_eq(test_count_rule(r, "accuracy/omission"), 1);
  mta_report_free(r);
}
END_TEST

START_TEST(lost_sentence_is_an_omission) {
  mta_report *r = S_audit(
      "The government announced new sanctions against Iran on Tuesday. They "
      "target banks, energy companies and senior members of the military.",
      "Die Regierung kündigte am Dienstag neue Sanktionen gegen den Iran "
      "an.\n");
  mta_finding_info fi;
  ck_assert(S_find(r, "accuracy/omission", &fi));
  ck_assert_ptr_nonnull(fi.source_text);
  ck_assert(!strncmp(fi.source_text, "They target", strlen("They target")));
  mta_report_free(r);
}
END_TEST

START_TEST(short_translation_is_an_omission) {
  mta_report *r =
      S_audit("The storm brought down power lines across the region and "
              "forced the closure of schools, while emergency services worked "
              "through the night to clear blocked roads.",
              "Der Sturm riss in der ganzen Region Stromleitungen nieder.\n");
  mta_finding_info fi;
  ck_assert(S_find(r, "accuracy/omission", &fi));
  ck_assert_msg(strstr(fi.message, "words for") != NULL, "%s", fi.message);
  ck_assert_msg(strstr(fi.message, "usually") != NULL, "%s", fi.message);
  mta_report_free(r);
}
END_TEST

/* ---- accuracy/addition ------------------------------------------------- */

START_TEST(added_sentence_is_an_addition) {
  mta_report *r = S_audit(
      "Oil prices rose on Monday.",
      "Die Ölpreise stiegen am Montag. Händler verwiesen auf die angespannte "
      "Lage im Nahen Osten und auf sinkende Lagerbestände in den Vereinigten "
      "Staaten.\n");
  mta_finding_info fi;
  ck_assert(S_find(r, "accuracy/addition", &fi));
  ck_assert_int_eq(fi.severity, MTA_SEV_MINOR);
  mta_report_free(r);
}
END_TEST

START_TEST(added_paragraph_is_found) {
  mta_report *r = S_audit(
      "The electricity company raised its prices for the second time this "
      "year.\n\nCustomers will pay about eight percent more from January.",
      "Der Stromversorger hat seine Preise in diesem Jahr zum zweiten Mal "
      "erhöht.\n\nKunden zahlen ab Januar rund acht Prozent mehr.\n\n"
      "Verbraucherschützer raten Betroffenen, die Angebote anderer Anbieter "
      "zu vergleichen und gegebenenfalls zu wechseln, da viele Tarife "
      "inzwischen deutlich günstiger sind.\n");
  mta_finding_info fi;
  ck_assert(S_find(r, "accuracy/addition", &fi));
  ck_assert_uint_eq(fi.paragraph, 3);
  mta_report_free(r);
}
END_TEST

/* ---- faithful translations ------------------------------------------- */

/* Faithful pairs, some with two English sentences in one German one or a
 * paragraph of the source split or joined: nothing to report. */
START_TEST(faithful_pairs_are_quiet) {
  static const char *const pairs[][2] = {
      {"The company said it would cut 1,200 jobs by the end of next year.",
       "Das Unternehmen kündigte an, bis Ende nächsten Jahres 1.200 Stellen "
       "zu streichen."},
      {"I was in awe. My heart beat fast.",
       "Ich war voller Ehrfurcht, und mein Herz schlug schnell."},
      {"The minister resigned on Tuesday after weeks of pressure from her own "
       "party.",
       "Die Ministerin trat am Dienstag nach wochenlangem Druck aus der "
       "eigenen Partei zurück."},
      {"Thank you.", "Danke."},
      {"The museum reopened on Saturday after a three-year renovation.\n\n"
       "Visitors can now see the collection in newly designed rooms.",
       "Das Museum wurde am Samstag nach dreijähriger Renovierung "
       "wiedereröffnet. Besucher können die Sammlung nun in neu gestalteten "
       "Räumen sehen."},
      {"The researchers analysed data from hospitals across Europe. They "
       "found that patients who received the drug recovered faster.",
       "Die Forscher werteten Daten von Krankenhäusern in ganz Europa aus.\n\n"
       "Sie stellten fest, dass Patienten, die das Medikament erhielten, "
       "schneller genasen."},
      {"Inflation rose to 3.8 percent in October, the statistics office "
       "said.",
       "Die Inflation stieg im Oktober auf 3,8 Prozent, wie das Statistikamt "
       "mitteilte."},
      {"\"We have done everything we could,\" the negotiator said.",
       "„Wir haben alles getan, was wir konnten“, sagte der Unterhändler."},
  };
  for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    char tgt[1024];
    snprintf(tgt, sizeof tgt, "%s\n", pairs[i][1]);
    mta_report *r = S_audit(pairs[i][0], tgt);
    if (S_ours(r))
      S_dump(r, pairs[i][1]);
    ck_assert_uint_eq(S_ours(r), 0);
    mta_report_free(r);
  }
}
END_TEST

/* A faithful article whose target has a byline and site chrome at the
 * end that the source lacks: the aligner may give the last source
 * paragraph to the chrome, which is left out of the alignment; the
 * German paragraph that translates it is no addition. */
START_TEST(chrome_at_the_end_is_quiet) {
  mta_report *r = S_audit(
      "Government announces new sanctions\n\nThe government announced new "
      "sanctions against Iran on Tuesday. They target banks, energy "
      "companies and senior members of the military.\n\nThe opposition "
      "called the measures too weak.",
      "Regierung kündigt neue Sanktionen an\n\nVon Anna Müller, 12. März "
      "2024\n\nDie Regierung kündigte am Dienstag neue Sanktionen gegen den "
      "Iran an. Sie richten sich gegen Banken, Energieunternehmen und "
      "hochrangige Militärs.\n\nDie Opposition bezeichnete die Maßnahmen "
      "als zu schwach.\n\nDieser Artikel war zuerst in englischer Sprache "
      "bei der „Washingtonpost.com“ erschienen.\n\nTeilen Sie diesen "
      "Artikel: Facebook Twitter E-Mail\n");
  if (S_ours(r))
    S_dump(r, "chrome");
  ck_assert_uint_eq(S_ours(r), 0);
  mta_report_free(r);
}
END_TEST

/* Without a source the accuracy checks are silent (monolingual mode). */
START_TEST(no_source_no_accuracy) {
  const char *tgt = "The talks will resume on Monday in Geneva.\n";
  mta_report *r = NULL;
  ck_assert_int_eq(mta_audit_buffer_source(test_auditor(), "t.txt", tgt,
                                           strlen(tgt), NULL, NULL, 0, &r),
                   MTA_OK);
  ck_assert_uint_eq(S_ours(r), 0);
  ck_assert_uint_ge(test_count_rule(r, "english-leftover/word"), 1);
  mta_report_free(r);
}
END_TEST

Suite *accomit_suite(void) {
  Suite *s = suite_create("accomit");
  TCase *u = tcase_create("untranslated");
  tcase_set_timeout(u, 60);
  tcase_add_test(u, identical_sentence_is_untranslated);
  tcase_add_test(u, case_and_spacing_do_not_hide_a_copy);
  tcase_add_test(u, mostly_english_sentence_is_untranslated);
  tcase_add_test(u, english_paragraph_is_critical);
  tcase_add_test(u, second_paragraph_left_in_english);
  tcase_add_test(u, fragment_left_to_english_leftover);
  tcase_add_test(u, names_and_titles_are_not_untranslated);
  suite_add_tcase(s, u);
  TCase *o = tcase_create("omission");
  tcase_set_timeout(o, 60);
  tcase_add_test(o, lost_paragraph_is_an_omission);
  tcase_add_test(o, lost_sentence_is_an_omission);
  tcase_add_test(o, short_translation_is_an_omission);
  tcase_add_test(o, added_sentence_is_an_addition);
  tcase_add_test(o, added_paragraph_is_found);
  tcase_add_test(o, faithful_pairs_are_quiet);
  tcase_add_test(o, chrome_at_the_end_is_quiet);
  tcase_add_test(o, no_source_no_accuracy);
  suite_add_tcase(s, o);
  return s;
}
