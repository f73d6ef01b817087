/*
 * accuracy/number (src/check_accnum.c): the English and German number
 * readers (src/accnum.h) on small strings, the value matching, the
 * German suggestion, and end-to-end pairs through the source-aware audit
 * (test_audit_pair()): changed, missing and magnitude-changed numbers are
 * reported, faithful renderings are not.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accnum.h"
#include "tests.h"

#define S_MAX 32

/* The values read from 's' (English unless 'de'). */
static size_t S_read(const char *s, int de, struct mtai_numval *v) {
  size_t n = de ? mtai_numbers_de(s, strlen(s), v, S_MAX)
                : mtai_numbers_en(s, strlen(s), v, S_MAX);
  ck_assert_uint_le(n, S_MAX);
  return n;
}

/* Asserts that 's' reads as exactly one value 'val' spanning 'span'. */
static struct mtai_numval S_one(const char *s, int de, double val,
                                const char *span) {
  struct mtai_numval v[S_MAX];
  size_t n = S_read(s, de, v);
  ck_assert_msg(n == 1, "'%s': %zu values", s, n);
  ck_assert_msg(v[0].val == val, "'%s': %.12g, expected %.12g", s, v[0].val,
                val);
  ck_assert_msg(v[0].end - v[0].start == strlen(span) &&
                    !memcmp(s + v[0].start, span, strlen(span)),
                "'%s': span '%.*s', expected '%s'", s,
                (int)(v[0].end - v[0].start), s + v[0].start, span);
  return v[0];
}

static void S_none(const char *s, int de) {
  struct mtai_numval v[S_MAX];
  size_t n = S_read(s, de, v);
  ck_assert_msg(n == 0, "'%s': %zu values, first '%.*s'", s, n,
                n ? (int)(v[0].end - v[0].start) : 0, n ? s + v[0].start : "");
}

/* ---- English reader ---------------------------------------------------- */

START_TEST(en_digits) {
  S_one("about 1,000 people", 0, 1000, "1,000");
  S_one("grew 4.5 points", 0, 4.5, "4.5");
  S_one("it cost 1,250,000 dollars", 0, 1250000, "1,250,000");
  struct mtai_numval v =
      S_one("He paid $4.5 billion.", 0, 4.5e9, "$4.5 billion");
  ck_assert_int_eq(v.mag, 9);
  ck_assert_int_eq(v.kind, MTAI_NUM_MONEY);
  S_one("a $5bn deal", 0, 5e9, "$5bn");
  S_one("a \xC2\xA3"
        "5m fine",
        0, 5e6,
        "\xC2\xA3"
        "5m");
  S_one("a 5m wall", 0, 5, "5m"); /* metres, not millions */
  S_one("2.3 million people", 0, 2.3e6, "2.3 million");
  v = S_one("in 2024.", 0, 2024, "2024");
  ck_assert_int_eq(v.kind, MTAI_NUM_YEAR);
}
END_TEST

START_TEST(en_kinds) {
  struct mtai_numval v = S_one("rose 45%", 0, 45, "45%");
  ck_assert_int_eq(v.kind, MTAI_NUM_PERCENT);
  v = S_one("rose 45 percent", 0, 45, "45 percent");
  ck_assert_int_eq(v.kind, MTAI_NUM_PERCENT);
  v = S_one("rose 45 per cent", 0, 45, "45 per cent");
  ck_assert_int_eq(v.kind, MTAI_NUM_PERCENT);
  v = S_one("the 3rd time", 0, 3, "3rd");
  ck_assert_int_eq(v.kind, MTAI_NUM_ORDINAL);
  v = S_one("in the 1990s", 0, 1990, "1990s");
  ck_assert_int_eq(v.kind, MTAI_NUM_DECADE);
  v = S_one("at 3 p.m. sharp", 0, 15, "3 p.m.");
  ck_assert_int_eq(v.kind, MTAI_NUM_TIME);
  ck_assert(v.flags & MTAI_NV_ALT);
  ck_assert(v.alt == 3);
  v = S_one("walked 10 miles", 0, 10, "10 miles");
  ck_assert_int_eq(v.unit, MTAI_UNIT_MILE);
  v = S_one("a 15-foot boat", 0, 15, "15-foot");
  ck_assert_int_eq(v.unit, MTAI_UNIT_FOOT);
  v = S_one("it was 80 degrees Fahrenheit", 0, 80, "80 degrees Fahrenheit");
  ck_assert_int_eq(v.unit, MTAI_UNIT_FAHRENHEIT);
  S_one("it was 20 degrees Celsius", 0, 20, "20");
}
END_TEST

START_TEST(en_dates) {
  struct mtai_numval v[S_MAX];
  const char *s = "on September 28, 2024 and 3 May 2020";
  ck_assert_uint_eq(S_read(s, 0, v), 4);
  ck_assert(v[0].val == 28 && v[0].kind == MTAI_NUM_DAY && v[0].month == 9);
  ck_assert(v[1].val == 2024 && v[1].kind == MTAI_NUM_YEAR);
  ck_assert(v[2].val == 3 && v[2].kind == MTAI_NUM_DAY && v[2].month == 5);
  ck_assert(v[3].val == 2020);
  ck_assert_uint_eq(S_read("Sept. 12th", 0, v), 1);
  ck_assert(v[0].val == 12 && v[0].month == 9);
  /* "may" the verb is no month */
  ck_assert_uint_eq(S_read("5 may come", 0, v), 1);
  ck_assert_int_eq(v[0].kind, MTAI_NUM_PLAIN);
}
END_TEST

START_TEST(en_words) {
  S_one("three people", 0, 3, "three");
  S_one("twenty-one guns", 0, 21, "twenty-one");
  S_one("forty-one", 0, 41, "forty-one");
  S_one("a dozen eggs", 0, 12, "a dozen");
  S_one("two dozen eggs", 0, 24, "two dozen");
  S_one("two hundred and fifty", 0, 250, "two hundred and fifty");
  S_one("a million people", 0, 1e6, "a million");
  S_one("three million people", 0, 3e6, "three million");
  S_one("ten percent", 0, 10, "ten percent");
  struct mtai_numval v = S_one("hundreds of people", 0, 100, "hundreds");
  ck_assert(v.flags & MTAI_NV_VAGUE);
  v = S_one("hundreds of thousands", 0, 100, "hundreds of thousands");
  ck_assert(v.flags & MTAI_NV_VAGUE);
  v = S_one("dozens of them", 0, 12, "dozens");
  ck_assert(v.flags & MTAI_NV_VAGUE);
  ck_assert(S_one("three", 0, 3, "three").flags & MTAI_NV_WORD);
}
END_TEST

/* "one", names with digits and URLs' digits are not read as amounts. */
START_TEST(en_not_numbers) {
  S_none("one of them, no one knows", 0);
  S_none("the G20 and 5G and the F-16", 0);
  /* "24/7", "9/11": idioms and names, vague */
  struct mtai_numval w[S_MAX];
  ck_assert_uint_eq(S_read("24/7 since 9/11", 0, w), 2);
  ck_assert((w[0].flags & MTAI_NV_VAGUE) && (w[1].flags & MTAI_NV_VAGUE));
  ck_assert_uint_eq(S_read("on 9/11/2001", 0, w), 3);
  S_none("a second time, the first", 0);
  S_none("", 0);
  struct mtai_numval v[S_MAX];
  ck_assert_uint_eq(mtai_numbers_en(NULL, 0, v, S_MAX), 0);
  /* values past 'max' are counted, not written */
  ck_assert_uint_eq(mtai_numbers_en("1 2 3 4", 7, v, 2), 4);
}
END_TEST

/* ---- German reader ----------------------------------------------------- */

START_TEST(de_digits) {
  S_one("rund 1.000 Menschen", 1, 1000, "1.000");
  S_one("um 4,5 Punkte", 1, 4.5, "4,5");
  struct mtai_numval v =
      S_one("zahlte 4,5 Milliarden Dollar", 1, 4.5e9, "4,5 Milliarden");
  ck_assert_int_eq(v.mag, 9);
  S_one("5 Mio. Euro", 1, 5e6, "5 Mio.");
  S_one("3 Mrd. Euro", 1, 3e9, "3 Mrd.");
  v = S_one("4,5 Billionen", 1, 4.5e12, "4,5 Billionen");
  ck_assert_int_eq(v.mag, 12);
  S_one("10\xC2\xA0"
        "000 Menschen",
        1, 10000,
        "10\xC2\xA0"
        "000");
  v = S_one("um 45 %", 1, 45, "45 %");
  ck_assert_int_eq(v.kind, MTAI_NUM_PERCENT);
  v = S_one("um 45 Prozent", 1, 45, "45 Prozent");
  ck_assert_int_eq(v.kind, MTAI_NUM_PERCENT);
  v = S_one("die 1990er", 1, 1990, "1990er");
  ck_assert_int_eq(v.kind, MTAI_NUM_DECADE);
  v = S_one("am 28. September", 1, 28, "28.");
  ck_assert_int_eq(v.kind, MTAI_NUM_DAY);
  ck_assert_int_eq(v.month, 9);
  v = S_one("um 15 Uhr", 1, 15, "15 Uhr");
  ck_assert_int_eq(v.kind, MTAI_NUM_TIME);
}
END_TEST

/* English formats in German text: German reading, English as 'alt'. */
START_TEST(de_english_formats) {
  struct mtai_numval v = S_one("1,000 Soldaten", 1, 1, "1,000");
  ck_assert(v.flags & MTAI_NV_ALT);
  ck_assert(v.alt == 1000);
  v = S_one("4.5 Milliarden", 1, 4.5e9, "4.5 Milliarden");
  S_one("1,000,000 Euro", 1, 1000000, "1,000,000");
  /* a clock time: the time, then its parts */
  struct mtai_numval c[S_MAX];
  ck_assert_uint_eq(S_read("nach 2:03:12 Stunden", 1, c), 3);
  ck_assert(fabs(c[0].val - 2.03) < 1e-9 && c[0].alt == 2 && c[1].alt == 3 &&
            c[2].val == 12);
  /* a date is three numbers, not decimals */
  struct mtai_numval w[S_MAX];
  ck_assert_uint_eq(S_read("am 28.9.2024", 1, w), 3);
  ck_assert(w[0].val == 28 && w[1].val == 9 && w[2].val == 2024);
  /* "10 000" with a plain space: both readings */
  size_t n = S_read("10 000 Menschen", 1, w);
  int joined = 0;
  for (size_t k = 0; k < n; k++)
    joined |= w[k].val == 10000;
  ck_assert(joined);
}
END_TEST

START_TEST(de_words) {
  S_one("drei Menschen", 1, 3, "drei");
  S_one("zwölf Monate", 1, 12, "zwölf");
  S_one("einundzwanzig", 1, 21, "einundzwanzig");
  S_one("zweihundertfünfzig", 1, 250, "zweihundertfünfzig");
  S_one("dreitausend", 1, 3000, "dreitausend");
  S_one("ein Dutzend", 1, 12, "ein Dutzend");
  S_one("drei Millionen Menschen", 1, 3e6, "drei Millionen");
  S_one("eine Milliarde Euro", 1, 1e9, "eine Milliarde");
  S_one("die beiden Länder", 1, 2, "beiden");
  S_one("zum dritten Mal", 1, 3, "dritten");
  S_one("die zehnfache Masse", 1, 10, "zehnfache");
  S_one("die Hälfte", 1, 0.5, "Hälfte");
  struct mtai_numval v = S_one("die neunziger Jahre", 1, 1990, "neunziger");
  ck_assert(v.alt == 90);
  ck_assert(S_one("Hunderte Menschen", 1, 100, "Hunderte").flags &
            MTAI_NV_VAGUE);
  ck_assert(S_one("Hunderttausende", 1, 1000, "Hunderttausende").flags &
            MTAI_NV_VAGUE);
  /* "ein", "eine" alone: an article */
  S_none("ein Mann und eine Frau", 1);
  S_none("Einheit, einfach, Verein", 1);
  S_none("", 1);
}
END_TEST

/* ---- matching and suggestion ------------------------------------------- */

static int S_pair(const char *en, const char *de) {
  struct mtai_numval s[S_MAX], t[S_MAX];
  size_t ns = S_read(en, 0, s), nt = S_read(de, 1, t);
  ck_assert_msg(ns == 1, "'%s': %zu values", en, ns);
  for (size_t k = 0; k < nt; k++)
    if (mtai_numval_match(&s[0], &t[k]))
      return 1;
  return 0;
}

START_TEST(matching) {
  ck_assert(S_pair("$4.5 billion", "4,5 Milliarden Dollar"));
  ck_assert(S_pair("$4.5 billion", "4.500 Millionen Dollar"));
  ck_assert(!S_pair("$4.5 billion", "4,5 Millionen Dollar"));
  ck_assert(!S_pair("$4.5 billion", "4,5 Billionen Dollar"));
  ck_assert(S_pair("1,000 soldiers", "1.000 Soldaten"));
  ck_assert(S_pair("1,000 soldiers", "1,000 Soldaten")); /* leftover's */
  ck_assert(S_pair("three people", "drei Menschen"));
  ck_assert(S_pair("three people", "3 Menschen"));
  ck_assert(S_pair("3 people", "drei Menschen"));
  ck_assert(S_pair("4.53 billion", "4,5 Milliarden"));
  ck_assert(S_pair("September 28", "28. September"));
  ck_assert(S_pair("the 3rd", "die drei"));
  ck_assert(S_pair("at 3 p.m.", "um 15 Uhr"));
  ck_assert(S_pair("at 3 p.m.", "um 3 Uhr nachmittags"));
  ck_assert(S_pair("the 1990s", "die 90er Jahre"));
  ck_assert(S_pair("the 1990s", "die neunziger Jahre"));
  ck_assert(S_pair("10 miles", "16 Kilometer"));
  ck_assert(S_pair("10 miles", "10 Meilen"));
  ck_assert(!S_pair("10 miles", "12 Kilometer"));
  ck_assert(S_pair("a 15-foot boat", "etwa fünf Meter"));
  ck_assert(S_pair("80 degrees Fahrenheit", "27 Grad Celsius"));
  ck_assert(S_pair("30 degrees Fahrenheit", "minus ein Grad Celsius"));
  ck_assert(S_pair("20 degrees Fahrenheit", "-7 Grad Celsius"));
  ck_assert(!S_pair("20 degrees Fahrenheit", "7 Grad Celsius"));
  struct mtai_numval r[S_MAX];
  ck_assert_uint_eq(S_read("die Jahre 2010-2015, bei -5 Grad", 1, r), 3);
  ck_assert(r[0].val == 2010 && r[1].val == 2015 && r[2].val == -5);
  ck_assert(S_pair("200 pounds", "90 Kilogramm"));
  ck_assert(S_pair("a billion-year scale", "Milliarden Jahre"));
  ck_assert(!S_pair("45 percent", "54 Prozent"));
  /* fractions, percentages and halves */
  ck_assert(S_pair("two-thirds of them", "zwei Drittel von ihnen"));
  ck_assert(S_pair("a third of them", "ein Drittel"));
  ck_assert(S_pair("a third time", "zum dritten Mal"));
  ck_assert(S_pair("1/3 of them", "ein Drittel"));
  ck_assert(S_pair("33 percent", "ein Drittel"));
  ck_assert(S_pair("50 percent", "die H\xC3\xA4lfte"));
  ck_assert(S_pair("three quarters", "Dreiviertel"));
  ck_assert(!S_pair("two-thirds", "ein Drittel"));
  ck_assert(S_pair("1.5 hours", "eineinhalb Stunden"));
  ck_assert(S_pair("a two-hour talk", "ein zweist\xC3\xBCndiger Vortrag"));
  ck_assert(S_pair("a hundred thousand", "hunderttausend"));
  ck_assert(S_pair("a thousand people", "Tausende Menschen"));
  /* the unit changed, the number was not converted */
  ck_assert(!S_pair("200 feet high", "200 Meter hoch"));
  ck_assert(S_pair("200 feet high", "200 Fu\xC3\x9F hoch"));
  ck_assert(S_pair("a million times", "die millionenfache Masse"));
}
END_TEST

static void S_sug(const char *en, const char *want) {
  struct mtai_numval s[S_MAX];
  ck_assert_uint_eq(S_read(en, 0, s), 1);
  char buf[96];
  mtai_numval_german(&s[0], buf, sizeof buf);
  ck_assert_str_eq(buf, want);
}

START_TEST(suggestion) {
  S_sug("$4.5 billion", "4,5 Milliarden Dollar");
  S_sug("1 million", "1 Million");
  S_sug("1,000", "1.000");
  S_sug("4.5", "4,5");
  S_sug("45%", "45 Prozent");
  S_sug("on September 28", "28. September");
  S_sug("in 2024", "2024");
  S_sug("the 1990s", "1990er");
  S_sug("3 p.m.", "15 Uhr");
  S_sug("the 3rd", "3.");
  S_sug("30 miles", "48 Kilometer");
  S_sug("8 inches", "20 Zentimeter");
  S_sug("30 degrees Fahrenheit", "-1 Grad Celsius");
  S_sug("2 miles", "3,2 Kilometer");
  S_sug("two-thirds", "zwei Drittel");
}
END_TEST

/* ---- end to end -------------------------------------------------------- */

/* The accuracy/number findings of the pair, their severities as one
 * letter each ("C", "M", "m") in 'sev'. */
static size_t S_audit(const char *de, const char *en, char *sev, size_t sz,
                      mta_report **out) {
  mta_report *r = test_audit_pair(de, en);
  ck_assert_msg(mta_report_source_error(r) == NULL, "source error: %s",
                mta_report_source_error(r));
  size_t n = 0;
  mta_finding_info fi;
  for (size_t i = 0; i < mta_report_finding_count(r); i++)
    if (mta_report_finding(r, i, &fi) == MTA_OK &&
        !strcmp(fi.rule, "accuracy/number")) {
      if (n + 1 < sz)
        sev[n] = fi.severity == MTA_SEV_CRITICAL ? 'C'
                 : fi.severity == MTA_SEV_MAJOR  ? 'M'
                                                 : 'm';
      n++;
    }
  sev[n < sz ? n : sz - 1] = '\0';
  if (out)
    *out = r;
  else
    mta_report_free(r);
  return n;
}

START_TEST(e2e_magnitude) {
  char sev[8];
  mta_report *r;
  const char *de = "Das Unternehmen zahlte 4,5 Millionen Dollar für das "
                   "Gelände am Hafen.";
  ck_assert_uint_eq(
      S_audit(de, "The company paid $4.5 billion for the site at the port.",
              sev, sizeof sev, &r),
      1);
  ck_assert_str_eq(sev, "C");
  mta_finding_info fi;
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    mta_report_finding(r, i, &fi);
    if (strcmp(fi.rule, "accuracy/number"))
      continue;
    ck_assert_uint_eq(fi.end - fi.start, strlen("4,5 Millionen"));
    ck_assert(!memcmp(de + fi.start, "4,5 Millionen", fi.end - fi.start));
    ck_assert_str_eq(fi.suggestion, "4,5 Milliarden Dollar");
    ck_assert_ptr_nonnull(strstr(fi.message, "magnitude changed"));
    ck_assert_ptr_nonnull(fi.source_text);
    ck_assert_uint_eq(fi.source_end - fi.source_start, 12);
    ck_assert(!memcmp(fi.source_text, "$4.5 billion", 12));
  }
  mta_report_free(r);
}
END_TEST

START_TEST(e2e_changed_and_missing) {
  char sev[8];
  mta_report *r;
  /* changed: the sentence has one number the source does not explain */
  const char *de = "Bei dem Unglück kamen 35 Menschen ums Leben, teilte die "
                   "Polizei mit.";
  ck_assert_uint_eq(S_audit(de,
                            "The police said 53 people died in the "
                            "accident.",
                            sev, sizeof sev, &r),
                    1);
  ck_assert_str_eq(sev, "M");
  mta_finding_info fi;
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    mta_report_finding(r, i, &fi);
    if (!strcmp(fi.rule, "accuracy/number")) {
      ck_assert(!memcmp(de + fi.start, "35", 2) && fi.end - fi.start == 2);
      ck_assert_uint_eq(fi.source_end - fi.source_start, 2);
      ck_assert(!memcmp(fi.source_text, "53", 2));
    }
  }
  mta_report_free(r);
  /* missing: the span is the target sentence */
  ck_assert_uint_eq(S_audit("Die Polizei sagte, dass bei dem Unglück viele "
                            "Menschen starben.",
                            "The police said 53 people died in the "
                            "accident.",
                            sev, sizeof sev, NULL),
                    1);
  ck_assert_str_eq(sev, "M");
  /* the unit changed, the number kept */
  ck_assert_uint_eq(S_audit("Die Eisberge ragten fast 200 Meter aus dem "
                            "Wasser.",
                            "The icebergs were almost 200 feet out of the "
                            "water.",
                            sev, sizeof sev, NULL),
                    1);
  ck_assert_str_eq(sev, "M");
  /* a missing number word is minor */
  ck_assert_uint_eq(S_audit("Die Polizei sagte, dass bei dem Unglück "
                            "Menschen starben.",
                            "The police said seven people died in the "
                            "accident.",
                            sev, sizeof sev, NULL),
                    1);
  ck_assert_str_eq(sev, "m");
}
END_TEST

/* Faithful renderings: nothing to report. */
START_TEST(e2e_faithful) {
  static const char *const pairs[][2] = {
      {"The company paid $4.5 billion for the site at the port.",
       "Das Unternehmen zahlte 4,5 Milliarden Dollar für das Gelände am "
       "Hafen."},
      {"About 1,000 soldiers were sent to the border on September 28, 2024.",
       "Rund 1.000 Soldaten wurden am 28. September 2024 an die Grenze "
       "geschickt."},
      {"Unemployment fell to 4.5 percent in the 1990s.",
       "Die Arbeitslosigkeit sank in den 1990er Jahren auf 4,5 Prozent."},
      {"The two leaders met for three hours at 3 p.m.",
       "Die beiden Staatschefs trafen sich um 15 Uhr für drei Stunden."},
      {"The storm moved 20 miles inland, with winds of 70 mph.",
       "Der Sturm zog 32 Kilometer ins Landesinnere, mit Windgeschwindigkeiten "
       "von 113 Kilometern pro Stunde."},
      {"Hundreds of people and dozens of cars were stuck for hours.",
       "Zahlreiche Menschen und viele Autos steckten stundenlang fest."},
      {"No one knows whether one of them will return.",
       "Niemand weiß, ob einer von ihnen zurückkehren wird."},
      {"Read more at https://example.com/news/2024/10/15/story-123 today.",
       "Mehr dazu heute auf der Website."},
      {"The vote was 52 to 48. It took place in 2016.",
       "Die Abstimmung fand 2016 statt und endete 52 zu 48."},
  };
  char sev[8];
  for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
    size_t n = S_audit(pairs[k][1], pairs[k][0], sev, sizeof sev, NULL);
    ck_assert_msg(n == 0, "%zu findings (%s) on '%s'", n, sev, pairs[k][1]);
  }
}
END_TEST

/* Free but correct renderings of the classes a translator of spoken English
 * rephrases, and the severity policy for a number left out. */
START_TEST(e2e_free_renderings) {
  static const char *const pairs[][2] = {
      {"It costs a 10th of the price.", "Es kostet ein Zehntel des Preises."},
      {"In the late 1800s, the city grew.",
       "Ende des 19. Jahrhunderts wuchs die Stadt."},
      {"Nearly 1,000 people came to the meeting.",
       "Fast tausend Menschen kamen zu dem Treffen."},
      {"The city has 3.8 million inhabitants.",
       "Die Stadt hat knapp vier Millionen Einwohner."},
      /* a duration in another time unit */
      {"We waited 2 weeks.", "Wir warteten 14 Tage."},
      {"It lasted 48 hours.", "Es dauerte zwei Tage."},
      {"After 6 months, she returned.",
       "Nach einem halben Jahr kam sie zurück."},
      {"After 12 months, we stopped.", "Nach einem Jahr hörten wir auf."},
      {"It was a 15-minute walk.",
       "Es war ein Fußweg von einer Viertelstunde."},
      {"It was a 30-minute talk.", "Es war ein halbstündiger Vortrag."},
      /* "and a half", "anderthalb Millionen"; feet and inches */
      {"It took two-and-a-half years.", "Es dauerte zweieinhalb Jahre."},
      {"About 1.5 million people fled.",
       "Etwa anderthalb Millionen Menschen flohen."},
      {"He was 6 foot 2.", "Er war 1,88 Meter groß."},
  };
  char sev[8];
  for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
    size_t n = S_audit(pairs[k][1], pairs[k][0], sev, sizeof sev, NULL);
    ck_assert_msg(n == 0, "%zu findings (%s) on '%s'", n, sev, pairs[k][1]);
  }
  /* idioms said without their number: minor at most */
  static const char *const idioms[][2] = {
      {"I agree 100 percent.", "Ich stimme völlig zu."},
      {"The doctors work 24 hours a day.",
       "Die Ärzte arbeiten rund um die Uhr."},
  };
  for (size_t k = 0; k < sizeof idioms / sizeof *idioms; k++) {
    S_audit(idioms[k][1], idioms[k][0], sev, sizeof sev, NULL);
    ck_assert_msg(!strchr(sev, 'M') && !strchr(sev, 'C'), "%s on '%s'", sev,
                  idioms[k][1]);
  }
  /* ... but not a different duration */
  ck_assert_uint_eq(S_audit("Wir warteten drei Wochen.", "We waited 2 weeks.",
                            sev, sizeof sev, NULL),
                    1);
  ck_assert_str_eq(sev, "M");
  ck_assert_uint_eq(S_audit("Nach einem Jahr kam sie zurück.",
                            "After 6 months, she returned.", sev, sizeof sev,
                            NULL),
                    1);
  ck_assert_str_eq(sev, "M");
  ck_assert_uint_ge(S_audit("Es dauerte dreieinhalb Jahre.",
                            "It took two-and-a-half years.", sev, sizeof sev,
                            NULL),
                    1);
  ck_assert_msg(strchr(sev, 'M') != NULL, "%s", sev);
  /* a count word replaced by another count word is a changed number */
  ck_assert_uint_eq(S_audit("Wir haben es fünfmal versucht.",
                            "We tried three times.", sev, sizeof sev, NULL),
                    1);
  ck_assert_str_eq(sev, "M");
  /* ... but not one that may be the same amount in another unit */
  S_audit("Das dauerte dreißig Jahre.", "That took three decades.", sev,
          sizeof sev, NULL);
  ck_assert(!strchr(sev, 'M'));
  /* a number missing in a 2-1 sentence bead whose target paragraph has no
   * number at all: minor */
  S_audit("Die Polizei sagte, dass bei dem Unglück Menschen starben, und "
          "ermittelt nun.",
          "The police said 53 people died in the accident. They are now "
          "investigating.",
          sev, sizeof sev, NULL);
  ck_assert_msg(!strchr(sev, 'M'), "%s", sev);
}
END_TEST

/* tests/data/accuracy/numbers-free.tsv: no major finding on its faithful
 * pairs, every changed number found. */
START_TEST(e2e_numbers_free) {
  const char *root = getenv("MTAUDIT_TEST_ROOT");
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/data/accuracy/numbers-free.tsv",
           root && *root ? root : ".");
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  static char line[4096];
  size_t faithful = 0, alarms = 0, errors = 0, found = 0;
  char sev[16];
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '#' || line[0] == '\0')
      continue;
    char *t1 = strchr(line, '\t');
    char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
    ck_assert_msg(t2 != NULL, "bad line: %s", line);
    *t1 = *t2 = '\0';
    S_audit(t2 + 1, t1 + 1, sev, sizeof sev, NULL);
    int major = strchr(sev, 'M') || strchr(sev, 'C');
    if (!strcmp(line, "-")) {
      faithful++;
      alarms += major;
      if (major)
        fprintf(stderr, "  false accuracy/number (%s): %s\n", sev, t2 + 1);
    } else {
      errors++;
      found += major;
      if (!major)
        fprintf(stderr, "  missed accuracy/number: %s\n", t2 + 1);
    }
  }
  fclose(f);
  fprintf(stderr,
          "quality numbers-free: %zu of %zu faithful pairs with a major "
          "accuracy/number finding; recall %zu/%zu\n",
          alarms, faithful, found, errors);
  ck_assert_uint_ge(faithful, 80);
  ck_assert_uint_eq(alarms, 0);
  ck_assert_uint_eq(found, errors);
}
END_TEST

/* Without a source the rule is silent. */
START_TEST(e2e_no_source) {
  mta_report *r = test_audit("Das Unternehmen zahlte 4,5 Millionen Dollar.\n");
  ck_assert_uint_eq(test_count_rule(r, "accuracy/number"), 0);
  mta_report_free(r);
}
END_TEST

Suite *accnum_suite(void) {
  Suite *s = suite_create("accnum");
  TCase *tc = tcase_create("readers");
  tcase_add_test(tc, en_digits);
  tcase_add_test(tc, en_kinds);
  tcase_add_test(tc, en_dates);
  tcase_add_test(tc, en_words);
  tcase_add_test(tc, en_not_numbers);
  tcase_add_test(tc, de_digits);
  tcase_add_test(tc, de_english_formats);
  tcase_add_test(tc, de_words);
  tcase_add_test(tc, matching);
  tcase_add_test(tc, suggestion);
  suite_add_tcase(s, tc);
  tc = tcase_create("e2e");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, e2e_magnitude);
  tcase_add_test(tc, e2e_changed_and_missing);
  tcase_add_test(tc, e2e_faithful);
  tcase_add_test(tc, e2e_no_source);
  tcase_add_test(tc, e2e_free_renderings);
  tcase_add_test(tc, e2e_numbers_free);
  suite_add_tcase(s, tc);
  return s;
}
