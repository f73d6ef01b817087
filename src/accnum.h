/*
 * The number readers of accuracy/number (check_accnum.c): the numbers,
 * amounts, percentages and dates of an English source text and of a
 * German target text, read as values so that both sides compare ("$4.5
 * billion" and "4,5 Milliarden Dollar" are both 4.5e9).
 *
 * Each reader reads each language by its own rules only: in English ","
 * groups thousands and "." marks decimals ("1,000", "4.5"), in German the
 * reverse ("1.000", "4,5"). A German form that only reads sensibly the
 * English way ("1,000" with three decimals, "4.5") gets that reading as
 * 'alt', so that the format, which english-leftover/number reports, is
 * not reported again as a changed number.
 */
#ifndef MTAUDIT_ACCNUM_H
#define MTAUDIT_ACCNUM_H

#include <stddef.h>

enum mtai_numkind {
  MTAI_NUM_PLAIN,
  MTAI_NUM_PERCENT, /* "45%", "45 percent", "45 Prozent" */
  MTAI_NUM_ORDINAL, /* "3rd", "3." */
  MTAI_NUM_YEAR,    /* four digits 1000-2099 */
  MTAI_NUM_DECADE,  /* "1990s", "1990er" */
  MTAI_NUM_DAY,     /* the day of a date ("September 28", "28. September") */
  MTAI_NUM_TIME,    /* "3 p.m." (15, alt 3), "10:30" */
  MTAI_NUM_MONEY    /* after a currency sign: "$4.5 billion" */
};

/* Units whose numbers a translation may convert (English side), and the
 * metric units that say the German side converted (MTAI_UNIT_METRIC). */
enum mtai_numunit {
  MTAI_UNIT_NONE,
  MTAI_UNIT_MILE,
  MTAI_UNIT_FOOT,
  MTAI_UNIT_YARD,
  MTAI_UNIT_INCH,
  MTAI_UNIT_POUND,
  MTAI_UNIT_OUNCE,
  MTAI_UNIT_FAHRENHEIT, /* "°F", "degrees Fahrenheit", plain "degrees" */
  MTAI_UNIT_ACRE,
  MTAI_UNIT_GALLON,
  MTAI_UNIT_MPH,
  /* German side: a metric unit follows ("200 Meter", "16 km", "27 Grad
   * Celsius") */
  MTAI_UNIT_METRIC
};

#define MTAI_NV_WORD 0x01     /* written as a word ("three", "drei") */
#define MTAI_NV_VAGUE 0x02    /* no exact value ("hundreds", "Dutzende") */
#define MTAI_NV_ALT 0x04      /* 'alt' is a second reading */
#define MTAI_NV_FRACTION 0x08 /* a fraction ("two-thirds", "Drittel") */

struct mtai_numval {
  double val;          /* the value with its magnitude: 4.5e9 */
  double mant;         /* the number before the magnitude word: 4.5 */
  double alt;          /* a second reading (MTAI_NV_ALT): 3 p.m. is 15 or 3 */
  int mag;             /* power of ten of the magnitude word: 0, 3, 6, 9, 12 */
  int decimals;        /* digits after the decimal mark of 'mant' */
  unsigned char kind;  /* enum mtai_numkind */
  unsigned char unit;  /* enum mtai_numunit */
  unsigned char month; /* MTAI_NUM_DAY: 1-12, else 0 */
  unsigned char flags; /* MTAI_NV_* */
  char cur;            /* MTAI_NUM_MONEY: '$', 'L' (pound), 'E' (euro) */
  size_t start, end;   /* byte span in the text read */
};

/* Reads the numbers of the English text s[0..n) into out[0..max) in text
 * order and returns how many it found (those past 'max' are not kept).
 * Digits ("1,000", "4.5", "$5bn", "5m" after a currency sign), magnitude
 * words ("4.5 billion"), number words ("three", "twenty-one", "a dozen",
 * "two and a half",
 * "two hundred"; not "one", which is as often a pronoun), vague plurals
 * ("hundreds": MTAI_NV_VAGUE), "half", percentages, ordinals, years,
 * decades, dates and times; a number glued to letters ("G20", "F-16") is
 * a name, not read. */
size_t mtai_numbers_en(const char *s, size_t n, struct mtai_numval *out,
                       size_t max);

/* The same for German text: "1.000", "4,5", "4,5 Milliarden", "Mio.",
 * "Mrd.", number words ("drei", "zwölf", "einundzwanzig", "beiden",
 * "dreimal", ordinal words), "Dutzend", "Hunderte" (vague), "Hälfte",
 * "Prozent", "28. September", "1990er", "90er Jahre". A number written
 * with spaces between groups of three ("10 000") is read both ways. */
size_t mtai_numbers_de(const char *s, size_t n, struct mtai_numval *out,
                       size_t max);

/* 1 when German target value 't' renders English source value 'v': equal
 * (either reading), equal after rounding to the target's precision ("4.53
 * billion" and "4,5 Milliarden"), or for an imperial unit the metric value
 * within 10 % (in the metric unit, a hundredth or a thousandth of it);
 * not the imperial value unconverted before a metric unit ("200 feet",
 * "200 Meter"). */
int mtai_numval_match(const struct mtai_numval *v, const struct mtai_numval *t);

/* The German form of source value 'v' into buf[0..sz): "4,5 Milliarden
 * Dollar", "1.000", "28. September", "45 Prozent", "1990er", "15 Uhr". */
void mtai_numval_german(const struct mtai_numval *v, char *buf, size_t sz);

#endif
