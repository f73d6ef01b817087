/*
 * Tests of src/bitext.c: reading the English source of a document (and
 * refusing one that cannot be used) and aligning it with the target,
 * paragraphs and sentences.
 */
#include <string.h>

#include "bitext.h"
#include "tests.h"

/* The bead of target paragraph 'tp' spans source paragraphs [s0, s1). */
static void S_pbead(const mta_report *r, size_t tp, uint32_t s0, uint32_t s1) {
  const struct mtai_bitext *bi = r->bi;
  ck_assert_ptr_nonnull(bi);
  const struct mtai_bead *b = &bi->pb[bi->t_pbead[tp]];
  ck_assert_msg(b->s_first == s0 && b->s_end == s1,
                "target paragraph %zu: source [%u, %u), expected [%u, %u)", tp,
                b->s_first, b->s_end, s0, s1);
}

static const char S_en3[] =
    "The government announced on Monday that it would spend 2 billion "
    "dollars on new schools across the country.\n\n"
    "Critics said the plan came too late and was far too small for the "
    "problems that teachers and parents describe every day.\n\n"
    "The minister will present the details to parliament in March.\n";

static const char S_de3[] =
    "Die Regierung kündigte am Montag an, sie werde 2 Milliarden Dollar für "
    "neue Schulen im ganzen Land ausgeben.\n\n"
    "Kritiker sagten, der Plan komme zu spät und sei viel zu klein für die "
    "Probleme, die Lehrer und Eltern jeden Tag beschreiben.\n\n"
    "Die Ministerin wird die Einzelheiten im März dem Parlament vorstellen.\n";

START_TEST(one_to_one) {
  mta_report *r = test_audit_pair(S_de3, S_en3);
  ck_assert_ptr_null(mta_report_source_error(r));
  ck_assert_str_eq(mta_report_source_name(r), "source");
  ck_assert_uint_eq(r->bi->npb, 3);
  for (size_t k = 0; k < 3; k++)
    S_pbead(r, k, (uint32_t)k, (uint32_t)k + 1);
  /* every sentence of both sides in exactly one sentence bead */
  size_t t = 0, s = 0;
  for (size_t b = 0; b < r->bi->nsb; b++) {
    ck_assert_uint_eq(r->bi->sb[b].t_first, t);
    ck_assert_uint_eq(r->bi->sb[b].s_first, s);
    t = r->bi->sb[b].t_end;
    s = r->bi->sb[b].s_end;
  }
  ck_assert_uint_eq(t, r->doc.nsent);
  ck_assert_uint_eq(s, r->bi->src.nsent);
  mta_report_free(r);
}
END_TEST

/* The middle paragraph left untranslated: a 1-0 bead in its place. */
START_TEST(omitted_paragraph) {
  const char *de =
      "Die Regierung kündigte am Montag an, sie werde 2 Milliarden Dollar für "
      "neue Schulen im ganzen Land ausgeben.\n\n"
      "Die Ministerin wird die Einzelheiten im März dem Parlament "
      "vorstellen.\n";
  mta_report *r = test_audit_pair(de, S_en3);
  ck_assert_ptr_null(mta_report_source_error(r));
  ck_assert_uint_eq(r->bi->npb, 3);
  ck_assert_uint_eq(r->bi->pb[1].t_first, r->bi->pb[1].t_end);
  ck_assert_uint_eq(r->bi->pb[1].s_first, 1);
  S_pbead(r, 0, 0, 1);
  S_pbead(r, 1, 2, 3);
  mta_report_free(r);
}
END_TEST

/* Two English sentences become one German sentence: a 1-2 bead. */
START_TEST(merged_sentences) {
  const char *en = "The storm hit the coast at night. It destroyed more than "
                   "200 houses and left thousands without power for days.";
  const char *de = "Der Sturm traf in der Nacht auf die Küste und zerstörte "
                   "mehr als 200 Häuser, Tausende waren tagelang ohne Strom.";
  mta_report *r = test_audit_pair(de, en);
  ck_assert_ptr_nonnull(r->bi);
  ck_assert_uint_eq(r->bi->src.nsent, 2);
  ck_assert_uint_eq(r->doc.nsent, 1);
  ck_assert_uint_eq(r->bi->nsb, 1);
  ck_assert_uint_eq(r->bi->sb[0].s_end - r->bi->sb[0].s_first, 2);
  mta_report_free(r);
}
END_TEST

/* English abbreviations do not end a source sentence. */
START_TEST(english_sentences) {
  const char *en = "Mr. Smith met Dr. Jones in the U.S. capital on Friday. "
                   "They talked for an hour.";
  mta_report *r = test_audit_pair("Herr Smith traf Dr. Jones am Freitag in "
                                  "der US-Hauptstadt. Sie sprachen eine "
                                  "Stunde lang.",
                                  en);
  ck_assert_ptr_nonnull(r->bi);
  ck_assert_uint_eq(r->bi->src.nsent, 2);
  mta_report_free(r);
}
END_TEST

/* A source that cannot be used leaves the audit monolingual, with the
 * reason; the findings are those of an audit without a source. */
START_TEST(unusable_sources) {
  static const struct {
    const char *src, *why;
  } cases[] = {
      {"", "empty"},
      {"   \n\n  \n", "no text"},
      {S_de3, "looks German"},
      {"<html><body><p>The government announced a plan.</p></body></html>",
       "HTML"},
  };
  mta_report *mono = test_audit(S_de3);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    mta_report *r = test_audit_pair(S_de3, cases[i].src);
    const char *e = mta_report_source_error(r);
    ck_assert_msg(e && strstr(e, cases[i].why), "case %zu: \"%s\"", i,
                  e ? e : "(used)");
    ck_assert_ptr_null(r->bi);
    ck_assert_uint_eq(mta_report_finding_count(r),
                      mta_report_finding_count(mono));
    mta_report_free(r);
  }
  mta_report_free(mono);
}
END_TEST

/* A source with far more paragraphs is not this article's original. */
START_TEST(out_of_proportion) {
  char en[4096] = "";
  for (int k = 0; k < 12; k++)
    strcat(en, "The committee met again and heard from many witnesses about "
               "the budget.\n\n");
  mta_report *r = test_audit_pair(S_de3, en);
  const char *e = mta_report_source_error(r);
  ck_assert_msg(e && strstr(e, "paragraphs"), "%s", e ? e : "(used)");
  mta_report_free(r);
}
END_TEST

/* Target chrome is aligned but skipped: no accuracy finding is about it. */
START_TEST(boilerplate_skipped) {
  char de[2048];
  snprintf(de, sizeof de, "%s\nTeilen auf Facebook\n\nFoto: dpa\n", S_de3);
  mta_report *r = test_audit_pair(de, S_en3);
  ck_assert_ptr_nonnull(r->bi);
  size_t last = r->doc.npara - 1;
  ck_assert_uint_eq(r->doc.paras[last].kind, MTAI_PARA_BOILERPLATE);
  /* a heading is translated text: aligned, not skipped */
  ck_assert_uint_eq(r->bi->pb[r->bi->t_pbead[last]].skipped, 1);
  ck_assert_uint_eq(r->bi->pb[r->bi->t_pbead[0]].skipped, 0);
  mta_report_free(r);
}
END_TEST

/* A German site footer ("Dieser Artikel erschien zuerst ...") stands
 * alone: it does not take the place of the last English paragraph, so a
 * paragraph left out in the middle is still found and the ones after it
 * stay paired with their originals. */
START_TEST(footer_stands_alone) {
  const char *de =
      "Die Regierung kündigte am Montag an, sie werde 2 Milliarden Dollar für "
      "neue Schulen im ganzen Land ausgeben.\n\n"
      "Die Ministerin wird die Einzelheiten im März dem Parlament "
      "vorstellen.\n\n"
      "Dieser Artikel war zuerst am 29. September 2024 in englischer Sprache "
      "bei der „Washingtonpost.com“ erschienen.\n";
  mta_report *r = test_audit_pair(de, S_en3);
  ck_assert_ptr_nonnull(r->bi);
  ck_assert_uint_eq(r->doc.paras[2].kind, MTAI_PARA_BOILERPLATE);
  S_pbead(r, 0, 0, 1);
  S_pbead(r, 1, 2, 3);
  const struct mtai_bead *f = &r->bi->pb[r->bi->t_pbead[2]];
  ck_assert_uint_eq(f->s_first, f->s_end);
  ck_assert_uint_eq(f->skipped, 1);
  const struct mtai_bead *o = &r->bi->pb[r->bi->s_pbead[1]];
  ck_assert_uint_eq(o->t_first, o->t_end);
  mta_report_free(r);
}
END_TEST

/* Numbers anchor: with lengths alike, the paragraph that shares the
 * number is the one aligned. */
START_TEST(numbers_anchor) {
  const char *en = "Officials counted 1,250 votes in the first district.\n\n"
                   "Officials counted 3,400 votes in the second district.\n";
  const char *de = "Die Beamten zählten 3.400 Stimmen im zweiten Bezirk.\n";
  mta_report *r = test_audit_pair(de, en);
  ck_assert_ptr_nonnull(r->bi);
  S_pbead(r, 0, 1, 2);
  mta_report_free(r);
}
END_TEST

Suite *bitext_suite(void) {
  Suite *s = suite_create("bitext");
  TCase *tc = tcase_create("bitext");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, one_to_one);
  tcase_add_test(tc, omitted_paragraph);
  tcase_add_test(tc, merged_sentences);
  tcase_add_test(tc, english_sentences);
  tcase_add_test(tc, unusable_sources);
  tcase_add_test(tc, out_of_proportion);
  tcase_add_test(tc, boilerplate_skipped);
  tcase_add_test(tc, numbers_anchor);
  tcase_add_test(tc, footer_stands_alone);
  suite_add_tcase(s, tc);
  return s;
}
