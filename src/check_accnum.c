/*
 * accuracy/number (source-aware mode, issue 16): every number, amount,
 * percentage and date of the English source appears in the aligned German
 * target.
 *
 * Both sides are read as values (accnum.h: mtai_numbers_en() and
 * mtai_numbers_de(), each by its own language's rules), so "$4.5
 * billion" and "4,5 Milliarden Dollar", "September 28" and "28.
 * September", "two" and "2" or "zwei" compare equal. A source value is
 * looked for in every target paragraph of its paragraph bead (not only in
 * the aligned sentence: a sentence alignment can be wrong, and a
 * translation may move a number to the next sentence; a false alarm costs
 * more than a miss). It matches a target value that is equal (either
 * reading), equal after rounding to the target's precision ("4.53
 * billion" → "4,5 Milliarden"), or, for an imperial unit, the converted
 * value within 10 % (miles → km, °F → °C, ...).
 *
 * A percentage matches the same fraction ("33 percent", "ein Drittel";
 * "half", "50 Prozent"); a German compound that starts with a number
 * counts ("zweistündig", "hundertprozentig"), so do "Paar" (two) and
 * "Jahrzehnt" (ten).
 *
 * Not reported: vague quantities ("hundreds", "dozens"), "one" (a pronoun
 * as often) and a plain 1 or 0 (German may write an article: "1 in 5",
 * "einer von fünf"), integers joined by a slash that are no fraction
 * ("24/7", "9/11": idioms and names), numbers inside URLs, beads the
 * alignment left out (boilerplate) or with no target (an omission is
 * accuracy/omission's), and numbers the target has that the source does
 * not (additions).
 *
 * A value found nowhere is:
 *   - critical when the target has the same number with another magnitude
 *     ("4.5 billion" → "4,5 Millionen"; English "billion" is German
 *     "Milliarde", and German "Billion" is a thousand times more);
 *   - major when the imperial value stands unconverted before a metric
 *     unit ("200 feet" → "200 Meter");
 *   - major otherwise: "changed" when the aligned sentence has exactly one
 *     target number the source does not explain (the span is that
 *     number), else "missing" (the span is the target sentence).
 * A number written as a word on the source side ("three") that is missing
 * is minor: translations paraphrase small counts ("the two" → "beide",
 * "a couple"), and the raters rarely mark them; replaced by another count
 * word ("three times" → "fünfmal") it is major, unless one may be a
 * multiple of the other (another unit: "three decades", "dreißig Jahre").
 * A missing idiom ("100 percent" → "völlig", "24 hours a day" → "rund um
 * die Uhr") is minor, and so is a number missing from a target paragraph
 * with no number at all when its sentences are not aligned one to one.
 * Matched besides equal values: "a 10th" and "ein Zehntel", "the 1800s"
 * and "das 19. Jahrhundert", a duration in another time unit within 2 %
 * ("2 weeks" and "14 Tage", "6 months" and "ein halbes Jahr", "12 months"
 * and "ein Jahr", "15-minute" and "Viertelstunde") anywhere in the
 * aligned target paragraph. The inches of "6 foot 2" are not reported
 * (converted with the feet).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accnum.h"
#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "accuracy/number",
     .category = MTAI_CAT_ACCURACY,
     .severity = MTA_SEV_MAJOR,
     .summary = N_("number, amount, percentage or date of the source missing "
                   "or changed in the target"),
     .explanation =
         N_("Every number, amount, percentage and date of the English source "
            "should appear in the aligned German target, in German form: "
            "'1,000' is '1.000', '4.5' is '4,5', '$4.5 billion' is '4,5 "
            "Milliarden Dollar' (English 'billion' is German 'Milliarde'; a "
            "German 'Billion' is a thousand times more), 'September 28' is "
            "'28. September'. Machine translation drops numbers, mixes up "
            "magnitudes and copies English formats that German readers read "
            "differently. A changed magnitude is critical, a changed or "
            "missing number major (so is '200 feet' as '200 Meter': the unit "
            "changed, the number not), a missing number word or idiom ('100 "
            "percent' as 'völlig') minor. Found anywhere in the aligned target "
            "paragraph counts; so does a number "
            "written as a word ('two', '2', 'zwei'), a rounding to the "
            "target's precision, or a unit conversion within 10 % (miles to "
            "km, °F to °C, pounds to kg). Not reported: vague quantities "
            "('hundreds'), 'one', numbers in URLs, boilerplate, numbers only "
            "the target has. Write the value the suggestion gives."),
     .wrong = "The company paid $4.5 billion for the site. ||| Das "
              "Unternehmen zahlte 4,5 Millionen Dollar für das Gelände.",
     .right = "The company paid $4.5 billion for the site. ||| Das "
              "Unternehmen zahlte 4,5 Milliarden Dollar für das Gelände."},
};

/* ---- reading: shared helpers ------------------------------------------ */

static int S_digit(char c) { return c >= '0' && c <= '9'; }

static int S_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of the letter at s[i] (an ASCII letter or a two-byte Latin-1
 * letter: ä, ö, ü, ß, é, ...), 0 when none. */
static size_t S_letter(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (S_alpha(c))
    return 1;
  if (c == 0xC3 && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80)
    return 2;
  return 0;
}

/* 1 when a letter ends right before s[i]. */
static int S_letter_before(const char *s, size_t i) {
  if (!i)
    return 0;
  unsigned char c = (unsigned char)s[i - 1];
  if (S_alpha(c))
    return 1;
  return i >= 2 && (c & 0xC0) == 0x80 && (unsigned char)s[i - 2] == 0xC3;
}

/* End of the word (letters only) starting at s[i]. */
static size_t S_word_end(const char *s, size_t n, size_t i) {
  size_t l;
  while (i < n && (l = S_letter(s, n, i)))
    i += l;
  return i;
}

/* Copies the word s[a..b) in lower case (ASCII and Ä, Ö, Ü) to 'buf'
 * (NUL-terminated); 0 when it does not fit. */
static int S_lower(const char *s, size_t a, size_t b, char *buf, size_t sz) {
  if (b - a >= sz)
    return 0;
  for (size_t i = a; i < b; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z')
      c = (unsigned char)(c + 32);
    else if (i > a && (unsigned char)s[i - 1] == 0xC3 &&
             (c == 0x84 || c == 0x96 || c == 0x9C))
      c = (unsigned char)(c + 0x20);
    buf[i - a] = (char)c;
  }
  buf[b - a] = '\0';
  return 1;
}

/* Skips one space (ASCII, no-break U+00A0, narrow no-break U+202F, thin
 * U+2009) at s[i]: returns the position after it, or 'i' when none. */
static size_t S_space(const char *s, size_t n, size_t i) {
  if (i < n && s[i] == ' ')
    return i + 1;
  if (i + 1 < n && (unsigned char)s[i] == 0xC2 &&
      (unsigned char)s[i + 1] == 0xA0)
    return i + 2;
  if (i + 2 < n && (unsigned char)s[i] == 0xE2 &&
      (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89))
    return i + 3;
  return i;
}

/* The next word after s[i] (one space), lower-cased into 'buf': sets
 * [*a, *b) and returns 1, or 0 when no word follows. */
static int S_next_word(const char *s, size_t n, size_t i, size_t *a, size_t *b,
                       char *buf, size_t sz) {
  size_t j = S_space(s, n, i);
  if (j == i)
    return 0;
  size_t e = S_word_end(s, n, j);
  if (e == j || !S_lower(s, j, e, buf, sz))
    return 0;
  *a = j;
  *b = e;
  return 1;
}

/* The lower-cased word ending right before s[i] (after one space and an
 * optional '.'), into 'buf'; 0 when none. */
static int S_prev_word(const char *s, size_t i, char *buf, size_t sz) {
  if (!i || s[i - 1] != ' ')
    return 0;
  size_t e = i - 1;
  if (e && s[e - 1] == '.')
    e--;
  size_t a = e;
  while (a && S_alpha((unsigned char)s[a - 1]))
    a--;
  return a < e && S_lower(s, a, e, buf, sz);
}

static int S_in(const char *w, const char *const *list) {
  for (size_t k = 0; list[k]; k++)
    if (!strcmp(w, list[k]))
      return 1;
  return 0;
}

static double S_pow10(int e) {
  double p = 1;
  for (int k = 0; k < e; k++)
    p *= 10;
  for (int k = 0; k > e; k--)
    p /= 10;
  return p;
}

/* Reads digits at s[i]: sets '*v' and returns the end. */
static size_t S_digits(const char *s, size_t n, size_t i, double *v,
                       size_t *count) {
  size_t j = i;
  double x = 0;
  while (j < n && S_digit(s[j]))
    x = x * 10 + (s[j++] - '0');
  *v = x;
  *count = j - i;
  return j;
}

/* 1 when s[i] starts exactly three digits (no fourth). */
static int S_group3(const char *s, size_t n, size_t i) {
  return i + 2 < n && S_digit(s[i]) && S_digit(s[i + 1]) && S_digit(s[i + 2]) &&
         !(i + 3 < n && S_digit(s[i + 3]));
}

/* 1 when the number at s[i] is negative: "-5", "−5" (U+2212) after a
 * space or at the start (not a range "10-20"), or "minus 5". */
static int S_negative(const char *s, size_t i) {
  if (i && s[i - 1] == '-')
    return i == 1 || s[i - 2] == ' ' || s[i - 2] == '(';
  if (i >= 3 && !memcmp(s + i - 3, "\xE2\x88\x92", 3))
    return 1;
  return i >= 6 &&
         (!memcmp(s + i - 6, "minus ", 6) || !memcmp(s + i - 6, "Minus ", 6));
}

static void S_negate(struct mtai_numval *v) {
  v->val = -v->val;
  v->mant = -v->mant;
  v->alt = -v->alt;
}

static void S_push(struct mtai_numval *out, size_t max, size_t *k,
                   const struct mtai_numval *v) {
  if (*k < max)
    out[*k] = *v;
  (*k)++;
}

static const char *const S_months_en[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
static const char *const S_months_de[] = {
    "Januar", "Februar", "März",      "April",   "Mai",      "Juni",
    "Juli",   "August",  "September", "Oktober", "November", "Dezember"};

/* 1-12 when lower-case 'w' is an English month name or its abbreviation
 * ("sept", "oct"), else 0. */
static int S_month_en(const char *w) {
  static const char *const abbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int m = 0; m < 12; m++)
    if (!strcmp(w, S_months_en[m]) || !strcmp(w, abbr[m]))
      return m + 1;
  return !strcmp(w, "sept") ? 9 : 0;
}

/* 1-12 when lower-case 'w' is a German month name ("märz", "jänner"). */
static int S_month_de(const char *w) {
  static const char *const low[] = {
      "januar", "februar", "m\xC3\xA4rz", "april",   "mai",      "juni",
      "juli",   "august",  "september",   "oktober", "november", "dezember"};
  for (int m = 0; m < 12; m++)
    if (!strcmp(w, low[m]))
      return m + 1;
  return !strcmp(w, "j\xC3\xA4nner") ? 1 : 0;
}

/* ---- English ---------------------------------------------------------- */

/* Magnitude of an English word: "million" 6, "billion" 9, "trillion" 12,
 * "thousand" 3, "hundred" 2; 0 when none. '*plural' is set for the plural
 * ("millions"). */
static int S_mag_en(const char *w, int *plural) {
  static const char *const m[] = {"hundred", "thousand", "million", "billion",
                                  "trillion"};
  static const int e[] = {2, 3, 6, 9, 12};
  *plural = 0;
  for (int k = 0; k < 5; k++) {
    size_t l = strlen(m[k]);
    if (!strncmp(w, m[k], l) && (!w[l] || (w[l] == 's' && !w[l + 1]))) {
      *plural = w[l] == 's';
      return e[k];
    }
  }
  return 0;
}

/* Value of an English number word (not "one"): 2-19, tens, "zero";
 * -1 when it is none. */
static int S_word_en(const char *w) {
  static const char *const u[] = {
      "zero",    "",        "two",       "three",    "four",
      "five",    "six",     "seven",     "eight",    "nine",
      "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static const char *const t[] = {"twenty", "thirty",  "forty",  "fifty",
                                  "sixty",  "seventy", "eighty", "ninety"};
  if (!*w)
    return -1;
  for (int k = 0; k < 20; k++)
    if (!strcmp(w, u[k]))
      return k;
  for (int k = 0; k < 8; k++)
    if (!strcmp(w, t[k]))
      return 20 + 10 * k;
  return -1;
}

/* Value of "twenty-one" style words at s[a..): tens, '-', unit; sets
 * '*end'. -1 when s[a..) is no number word. */
static int S_word_en_at(const char *s, size_t n, size_t a, size_t *end) {
  char w[32];
  size_t e = S_word_end(s, n, a);
  if (!S_lower(s, a, e, w, sizeof w))
    return -1;
  int v = S_word_en(w);
  if (v < 0)
    return -1;
  *end = e;
  if (v >= 20 && v % 10 == 0 && e + 1 < n && s[e] == '-') {
    size_t e2 = S_word_end(s, n, e + 1);
    char w2[16];
    int u;
    if (S_lower(s, e + 1, e2, w2, sizeof w2) &&
        ((u = S_word_en(w2)) > 0 || (!strcmp(w2, "one") && (u = 1))) &&
        u < 10) {
      *end = e2;
      v += u;
    }
  }
  return v;
}

/* English units after a number ("miles", "feet", "°F"): the unit and the
 * end of its words, or MTAI_UNIT_NONE. */
static int S_unit_en(const char *s, size_t n, size_t i, size_t *end) {
  static const struct {
    const char *w;
    int u;
  } units[] = {
      {"mile", MTAI_UNIT_MILE},        {"miles", MTAI_UNIT_MILE},
      {"foot", MTAI_UNIT_FOOT},        {"feet", MTAI_UNIT_FOOT},
      {"ft", MTAI_UNIT_FOOT},          {"yard", MTAI_UNIT_YARD},
      {"yards", MTAI_UNIT_YARD},       {"inch", MTAI_UNIT_INCH},
      {"inches", MTAI_UNIT_INCH},      {"pound", MTAI_UNIT_POUND},
      {"pounds", MTAI_UNIT_POUND},     {"lb", MTAI_UNIT_POUND},
      {"lbs", MTAI_UNIT_POUND},        {"ounce", MTAI_UNIT_OUNCE},
      {"ounces", MTAI_UNIT_OUNCE},     {"oz", MTAI_UNIT_OUNCE},
      {"acre", MTAI_UNIT_ACRE},        {"acres", MTAI_UNIT_ACRE},
      {"gallon", MTAI_UNIT_GALLON},    {"gallons", MTAI_UNIT_GALLON},
      {"mph", MTAI_UNIT_MPH},          {"degrees", MTAI_UNIT_FAHRENHEIT},
      {"degree", MTAI_UNIT_FAHRENHEIT}};
  size_t j = i < n && s[i] == '-' ? i + 1 : S_space(s, n, i);
  /* "°F", "° F" */
  if (j + 1 < n && (unsigned char)s[j] == 0xC2 &&
      (unsigned char)s[j + 1] == 0xB0) {
    size_t k = j + 2;
    if (k < n && s[k] == ' ')
      k++;
    if (k < n && s[k] == 'F' && !(k + 1 < n && S_letter(s, n, k + 1))) {
      *end = k + 1;
      return MTAI_UNIT_FAHRENHEIT;
    }
    return MTAI_UNIT_NONE;
  }
  size_t e = S_word_end(s, n, j);
  char w[16];
  if (e == j || !S_lower(s, j, e, w, sizeof w))
    return MTAI_UNIT_NONE;
  for (size_t k = 0; k < sizeof units / sizeof *units; k++)
    if (!strcmp(w, units[k].w)) {
      *end = e;
      if (units[k].u == MTAI_UNIT_FAHRENHEIT) {
        size_t a, b;
        char w2[16];
        if (S_next_word(s, n, e, &a, &b, w2, sizeof w2)) {
          if (!strcmp(w2, "celsius") || !strcmp(w2, "centigrade"))
            return MTAI_UNIT_NONE;
          if (!strcmp(w2, "fahrenheit"))
            *end = b;
        }
      }
      if (units[k].u == MTAI_UNIT_MILE) {
        size_t a, b;
        char w2[16];
        if (S_next_word(s, n, e, &a, &b, w2, sizeof w2) && !strcmp(w2, "per") &&
            S_next_word(s, n, b, &a, &b, w2, sizeof w2) &&
            !strcmp(w2, "hour")) {
          *end = b;
          return MTAI_UNIT_MPH;
        }
      }
      return units[k].u;
    }
  return MTAI_UNIT_NONE;
}

/* What follows an English number ending at s[j] (a value already in 'v'):
 * magnitude, percent, time, unit, a following month; returns the end. */
static size_t S_suffix_en(const char *s, size_t n, size_t j,
                          struct mtai_numval *v) {
  size_t a, b;
  char w[32];
  if (j < n && s[j] == '%')
    return v->kind = MTAI_NUM_PERCENT, j + 1;
  if (S_next_word(s, n, j, &a, &b, w, sizeof w)) {
    int plural, m = S_mag_en(w, &plural);
    if (m && !plural) {
      v->mag = m;
      v->val = v->mant * S_pow10(m);
      j = b;
      if (!S_next_word(s, n, j, &a, &b, w, sizeof w))
        return j;
      /* "a hundred thousand", "hundred million" */
      int m2 = S_mag_en(w, &plural);
      if (m2 > m && !plural) {
        v->mant *= S_pow10(m);
        v->mag = m2;
        v->val = v->mant * S_pow10(m2);
        j = b;
        if (!S_next_word(s, n, j, &a, &b, w, sizeof w))
          return j;
      }
    }
    if (!strcmp(w, "percent") || !strcmp(w, "pct"))
      return v->kind = MTAI_NUM_PERCENT, b;
    if (!strcmp(w, "per")) {
      size_t a2, b2;
      char w2[8];
      if (S_next_word(s, n, b, &a2, &b2, w2, sizeof w2) && !strcmp(w2, "cent"))
        return v->kind = MTAI_NUM_PERCENT, b2;
    }
    if (v->mag == 0 && v->val >= 1 && v->val <= 12 &&
        (!strcmp(w, "am") || !strcmp(w, "pm") || !strcmp(w, "a") ||
         !strcmp(w, "p"))) {
      int pm = w[0] == 'p';
      size_t e = b;
      if (w[1] == '\0') { /* "a.m." */
        if (!(e + 2 < n && s[e] == '.' && s[e + 1] == 'm' && s[e + 2] == '.'))
          goto unit;
        e += 3;
      }
      v->kind = MTAI_NUM_TIME;
      v->alt = v->val;
      v->flags |= MTAI_NV_ALT;
      if (pm && v->val < 12)
        v->val += 12;
      if (!pm && v->val >= 12)
        v->val -= 12;
      v->mant = v->val;
      return e;
    }
    int mo;
    if (v->kind == MTAI_NUM_PLAIN && v->mag == 0 && !v->decimals &&
        v->val >= 1 && v->val <= 31 && (mo = S_month_en(w)) &&
        (strcmp(w, "may") || s[a] == 'M')) {
      v->kind = MTAI_NUM_DAY;
      v->month = (unsigned char)mo;
      return j;
    }
  }
unit:;
  size_t e;
  int u = S_unit_en(s, n, j, &e);
  if (u) {
    v->unit = (unsigned char)u;
    return e;
  }
  return j;
}

/* Reads the English number in digits at s[i] into 'v'; returns its end,
 * or 0 when it is no number (glued to letters: "5G", "3D"). */
static size_t S_digits_en(const char *s, size_t n, size_t i,
                          struct mtai_numval *v) {
  size_t cnt, j = S_digits(s, n, i, &v->val, &cnt);
  int grouped = 0;
  if (cnt <= 3)
    while (j + 1 < n && s[j] == ',' && S_group3(s, n, j + 1)) {
      double g;
      size_t c3;
      j = S_digits(s, n, j + 1, &g, &c3);
      v->val = v->val * 1000 + g;
      grouped = 1;
    }
  if (!grouped && cnt <= 2 && j + 2 < n && s[j] == ':' && S_digit(s[j + 1]) &&
      S_digit(s[j + 2]) && !(j + 3 < n && S_digit(s[j + 3]))) {
    /* "10:30": a time (hours and minutes as 10.30) */
    v->val += ((s[j + 1] - '0') * 10 + (s[j + 2] - '0')) / 100.0;
    v->decimals = 2;
    v->kind = MTAI_NUM_TIME;
    j += 3;
    v->mant = v->val;
    size_t a, b;
    char w[8];
    if (S_next_word(s, n, j, &a, &b, w, sizeof w) &&
        (!strcmp(w, "pm") || !strcmp(w, "p"))) {
      v->alt = v->val;
      v->flags |= MTAI_NV_ALT;
      if (v->val < 12)
        v->val += 12;
      v->mant = v->val;
    }
    return j;
  } else if (j + 1 < n && s[j] == '.' && S_digit(s[j + 1])) {
    size_t e = j + 1;
    double f = 0.1;
    while (e < n && S_digit(s[e])) {
      v->val += (s[e] - '0') * f;
      f /= 10;
      v->decimals++;
      e++;
    }
    j = e;
  }
  v->mant = v->val;
  if (!grouped && !v->decimals && cnt == 4 && v->val >= 1000 && v->val < 2100)
    v->kind = MTAI_NUM_YEAR;
  /* glued suffixes */
  size_t e = S_word_end(s, n, j);
  if (e > j) {
    char w[8];
    if (!S_lower(s, j, e, w, sizeof w))
      return 0;
    int cur = v->kind == MTAI_NUM_MONEY;
    if (!strcmp(w, "st") || !strcmp(w, "nd") || !strcmp(w, "rd") ||
        !strcmp(w, "th")) {
      v->kind = MTAI_NUM_ORDINAL;
      return e;
    }
    if (!strcmp(w, "s") && !v->decimals && !grouped && cnt >= 2 &&
        fmod(v->val, 10.0) == 0) {
      v->kind = MTAI_NUM_DECADE;
      if (cnt == 2) {
        v->alt = 1900 + v->val;
        v->flags |= MTAI_NV_ALT;
      }
      return e;
    }
    int m = !strcmp(w, "bn") || !strcmp(w, "b") ? 9
            : !strcmp(w, "tn")                  ? 12
            : (!strcmp(w, "m") || !strcmp(w, "mn") || !strcmp(w, "mln")) && cur
                ? 6
            : !strcmp(w, "k") && cur ? 3
                                     : 0;
    if (m) {
      v->mag = m;
      v->val = v->mant * S_pow10(m);
      return e;
    }
    if ((!strcmp(w, "am") || !strcmp(w, "pm")) && v->val >= 1 && v->val <= 12 &&
        !v->decimals) {
      v->kind = MTAI_NUM_TIME;
      v->alt = v->val;
      v->flags |= MTAI_NV_ALT;
      if (w[0] == 'p' && v->val < 12)
        v->val += 12;
      v->mant = v->val;
      return e;
    }
    static const char *const metric[] = {
        "km", "m",  "cm", "mm", "kg", "g",  "mg", "t",  "l", "ml",
        "ha", "kW", "MW", "GW", "GB", "MB", "TB", "kB", NULL};
    char orig[8];
    if (e - j < sizeof orig) {
      memcpy(orig, s + j, e - j);
      orig[e - j] = '\0';
      if (S_in(orig, metric))
        return e;
    }
    static const struct {
      const char *w;
      int u;
    } imp[] = {{"ft", MTAI_UNIT_FOOT},  {"mi", MTAI_UNIT_MILE},
               {"lb", MTAI_UNIT_POUND}, {"lbs", MTAI_UNIT_POUND},
               {"mph", MTAI_UNIT_MPH},  {"oz", MTAI_UNIT_OUNCE}};
    for (size_t k = 0; k < sizeof imp / sizeof *imp; k++)
      if (!strcmp(w, imp[k].w)) {
        v->unit = (unsigned char)imp[k].u;
        return e;
      }
    return 0; /* "5G", "3D", "4x4": a name */
  }
  if (j + 1 < n && (s[j] == '\'' || (unsigned char)s[j] == 0xE2) &&
      !v->decimals && !grouped && cnt == 4 && fmod(v->val, 10.0) == 0) {
    /* "1990's" */
    size_t k = s[j] == '\'' ? j + 1 : j + 3;
    if (k < n && s[k] == 's' && !(k + 1 < n && S_letter(s, n, k + 1))) {
      v->kind = MTAI_NUM_DECADE;
      return k + 1;
    }
  }
  return S_suffix_en(s, n, j, v);
}

/* Denominator of an English fraction word ("third", "quarters",
 * "tenth"), 0 when none. */
static int S_denominator_en(const char *w) {
  static const char *const d[] = {"half",   "third", "quarter",
                                  "fifth",  "sixth", "seventh",
                                  "eighth", "ninth", "tenth"};
  static const int dv[] = {2, 3, 4, 5, 6, 7, 8, 9, 10};
  for (int k = 0; k < 9; k++) {
    size_t l = strlen(d[k]);
    if (!strncmp(w, d[k], l) && (!w[l] || (w[l] == 's' && !w[l + 1])))
      return dv[k];
  }
  return !strcmp(w, "halves") ? 2 : 0;
}

/* After the number x ending at s[e]: a fraction word (" third", "-thirds")
 * makes it x/den; returns the new end or 0. */
static size_t S_fraction_en(const char *s, size_t n, size_t e, int x,
                            struct mtai_numval *v) {
  size_t a = e + 1 < n && s[e] == '-' ? e + 1 : S_space(s, n, e);
  if (a == e)
    return 0;
  size_t b = S_word_end(s, n, a);
  char w[16];
  int den;
  if (b == a || !S_lower(s, a, b, w, sizeof w) ||
      !(den = S_denominator_en(w)) || x < 1 || x >= den)
    return 0;
  v->val = v->mant = (double)x / den;
  v->alt = den; /* "a third time": the ordinal */
  v->flags |= MTAI_NV_FRACTION | MTAI_NV_ALT;
  v->decimals = 2;
  return b;
}

/* Reads an English number word at s[i] ("three", "twenty-one", "a dozen",
 * "two hundred", "hundreds", "half"); returns its end or 0. */
static size_t S_words_en(const char *s, size_t n, size_t i,
                         struct mtai_numval *v) {
  char w[32];
  size_t e = S_word_end(s, n, i), a, b;
  if (!S_lower(s, i, e, w, sizeof w))
    return 0;
  int plural, m = 0;
  v->flags |= MTAI_NV_WORD;
  if (!strcmp(w, "a") || !strcmp(w, "an") || !strcmp(w, "one")) {
    /* only before a magnitude, "dozen" or a fraction: "a million", "one
     * hundred", "a third", "one-quarter" */
    char w2[32];
    size_t fe = S_fraction_en(s, n, e, 1, v);
    if (fe)
      return fe;
    if (!S_next_word(s, n, e, &a, &b, w2, sizeof w2))
      return 0;
    if (!strcmp(w2, "dozen")) {
      v->val = v->mant = 12;
      return S_suffix_en(s, n, b, v);
    }
    if ((m = S_mag_en(w2, &plural)) && !plural) {
      v->mant = 1;
      v->val = 1;
      return S_suffix_en(s, n, e, v);
    }
    return 0;
  }
  if (!strcmp(w, "half")) {
    v->val = v->mant = 0.5;
    v->decimals = 1;
    return e;
  }
  if (!strcmp(w, "dozens") || ((m = S_mag_en(w, &plural)) && plural)) {
    v->flags |= MTAI_NV_VAGUE;
    v->val = v->mant = !strcmp(w, "dozens") ? 12 : S_pow10(m);
    /* "hundreds of thousands" */
    char w2[32], w3[32];
    size_t a2, b2;
    if (S_next_word(s, n, e, &a, &b, w2, sizeof w2) && !strcmp(w2, "of") &&
        S_next_word(s, n, b, &a2, &b2, w3, sizeof w3) &&
        (m = S_mag_en(w3, &plural)) && plural)
      e = b2;
    return e;
  }
  size_t end;
  int x = S_word_en_at(s, n, i, &end);
  if (x < 0)
    return 0;
  v->val = v->mant = x;
  /* "two and a half", "two-and-a-half" */
  static const char *const andhalf[] = {" and a half", "-and-a-half"};
  for (int k = 0; k < 2; k++)
    if (end + 11 <= n && !memcmp(s + end, andhalf[k], 11)) {
      v->val = v->mant = x + 0.5;
      v->decimals = 1;
      return S_suffix_en(s, n, end + 11, v);
    }
  size_t fe = S_fraction_en(s, n, end, x, v);
  if (fe)
    return fe;
  /* "two hundred (and) fifty", "two dozen" */
  char w2[32];
  if (S_next_word(s, n, end, &a, &b, w2, sizeof w2)) {
    if (!strcmp(w2, "dozen")) {
      v->val = v->mant = x * 12;
      end = b;
    } else if (!strcmp(w2, "hundred") && x > 0 && x < 10) {
      v->val = v->mant = x * 100;
      end = b;
      size_t a2, b2, e2;
      char w3[8];
      size_t at = b;
      if (S_next_word(s, n, b, &a2, &b2, w3, sizeof w3) && !strcmp(w3, "and"))
        at = b2;
      int y;
      size_t sp = S_space(s, n, at);
      if (sp > at && (y = S_word_en_at(s, n, sp, &e2)) > 0 && y < 100) {
        v->val = v->mant = v->val + y;
        end = e2;
      }
    }
  }
  return S_suffix_en(s, n, end, v);
}

/* Integers joined by a slash without a year ("1/3", "24/7", "9/11",
 * "50/50"): a fraction when the first is the smaller and the second at
 * most 10, else an idiom or a name, read as one vague value. The number at
 * s[i..e) is the first; sets 'v' (span over both) and returns 1. A date
 * with its year ("9/11/2001") is three numbers. */
static int S_slashed(const char *s, size_t n, size_t i, size_t e,
                     struct mtai_numval *v) {
  if (e + 1 >= n || s[e] != '/' || !S_digit(s[e + 1]) || v->decimals ||
      v->mag || (i && s[i - 1] == '/'))
    return 0;
  size_t e2 = e + 1;
  double y = 0;
  while (e2 < n && S_digit(s[e2]))
    y = y * 10 + (s[e2++] - '0');
  if (e2 < n && s[e2] == '/')
    return 0;
  double x = v->val;
  v->start = i;
  v->end = e2;
  if (x >= 1 && x < y && y <= 10) {
    v->val = v->mant = x / y;
    v->alt = y;
    v->flags |= MTAI_NV_FRACTION | MTAI_NV_ALT;
    v->decimals = 2;
  } else {
    v->flags |= MTAI_NV_VAGUE;
  }
  v->kind = MTAI_NUM_PLAIN;
  return 1;
}

size_t mtai_numbers_en(const char *s, size_t n, struct mtai_numval *out,
                       size_t max) {
  size_t k = 0, i = 0;
  if (!s)
    return 0;
  while (i < n) {
    struct mtai_numval v;
    memset(&v, 0, sizeof v);
    v.start = i;
    size_t e = 0;
    if (S_digit(s[i])) {
      if (S_letter_before(s, i) ||
          (i >= 2 && s[i - 1] == '-' && S_letter_before(s, i - 1)) ||
          (i && (s[i - 1] == '.' || s[i - 1] == ','))) {
        while (i < n && (S_digit(s[i]) || s[i] == '.' || s[i] == ','))
          i++;
        continue;
      }
      /* currency before: "$", "US$", "£", "€" */
      if (i && s[i - 1] == '$') {
        v.kind = MTAI_NUM_MONEY;
        v.cur = '$';
        v.start = i - 1;
        if (i >= 3 && !memcmp(s + i - 3, "US", 2))
          v.start = i - 3;
      } else if (i >= 2 && (unsigned char)s[i - 2] == 0xC2 &&
                 (unsigned char)s[i - 1] == 0xA3) {
        v.kind = MTAI_NUM_MONEY;
        v.cur = 'L';
        v.start = i - 2;
      } else if (i >= 3 && !memcmp(s + i - 3, "\xE2\x82\xAC", 3)) {
        v.kind = MTAI_NUM_MONEY;
        v.cur = 'E';
        v.start = i - 3;
      }
      e = S_digits_en(s, n, i, &v);
      if (e && S_negative(s, i))
        S_negate(&v);
      if (e && S_slashed(s, n, i, e, &v)) {
        S_push(out, max, &k, &v);
        i = v.end;
        continue;
      }
      if (!e) {
        i = S_word_end(s, n, i + 1);
        while (i < n && S_digit(s[i]))
          i++;
        continue;
      }
      /* a day after a month: "September 28", "Sept. 28th" */
      char w[16];
      int mo;
      if ((v.kind == MTAI_NUM_PLAIN || v.kind == MTAI_NUM_ORDINAL) && !v.mag &&
          !v.decimals && v.val >= 1 && v.val <= 31 &&
          S_prev_word(s, i, w, sizeof w) && (mo = S_month_en(w))) {
        v.kind = MTAI_NUM_DAY;
        v.month = (unsigned char)mo;
      }
    } else if (S_letter(s, n, i)) {
      if (S_letter_before(s, i) || (i && s[i - 1] == '-')) {
        i = S_word_end(s, n, i);
        if (i == v.start)
          i++;
        continue;
      }
      e = S_words_en(s, n, i, &v);
      if (!e) {
        i = S_word_end(s, n, i);
        continue;
      }
    } else {
      i++;
      continue;
    }
    v.end = e;
    S_push(out, max, &k, &v);
    i = e > i ? e : i + 1;
  }
  return k;
}

/* ---- German ----------------------------------------------------------- */

/* Magnitude of a German word after a number: "Million(en)", "Mio",
 * "Milliarde(n)", "Mrd", "Billion(en)", "Bio", "Tausend", "Tsd",
 * "Hundert"; 0 when none. */
static int S_mag_de(const char *w) {
  static const struct {
    const char *w;
    int m;
  } t[] = {{"million", 6},   {"millionen", 6},  {"mio", 6},
           {"milliarde", 9}, {"milliarden", 9}, {"mrd", 9},
           {"billion", 12},  {"billionen", 12}, {"bio", 12},
           {"tausend", 3},   {"tsd", 3},        {"hundert", 2}};
  for (size_t k = 0; k < sizeof t / sizeof *t; k++)
    if (!strcmp(w, t[k].w))
      return t[k].m;
  return 0;
}

/* Parses a German number below 100 at w ("drei", "einundzwanzig",
 * "zwölf"); sets '*rest'; -1 when none. */
static int S_de_lt100(const char *w, const char **rest) {
  static const char *const u[] = {"eins", "ein",         "zwei",  "drei",
                                  "vier", "f\xC3\xBCnf", "sechs", "sieben",
                                  "acht", "neun"};
  static const int uv[] = {1, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  static const char *const teen[] = {"zehn",     "elf",      "zw\xC3\xB6lf",
                                     "dreizehn", "vierzehn", "f\xC3\xBCnfzehn",
                                     "sechzehn", "siebzehn", "achtzehn",
                                     "neunzehn"};
  static const char *const tens[] = {
      "zwanzig", "drei\xC3\x9Fig", "vierzig", "f\xC3\xBCnfzig",
      "sechzig", "siebzig",        "achtzig", "neunzig"};
  for (int k = 0; k < 10; k++) {
    size_t l = strlen(teen[k]);
    if (!strncmp(w, teen[k], l)) {
      *rest = w + l;
      return 10 + k;
    }
  }
  for (int k = 0; k < 8; k++) {
    size_t l = strlen(tens[k]);
    if (!strncmp(w, tens[k], l)) {
      *rest = w + l;
      return 20 + 10 * k;
    }
  }
  for (int k = 0; k < 10; k++) {
    size_t l = strlen(u[k]);
    if (!strncmp(w, u[k], l)) {
      const char *r = w + l;
      if (!strncmp(r, "und", 3))
        for (int t = 0; t < 8; t++) {
          size_t l2 = strlen(tens[t]);
          if (!strncmp(r + 3, tens[t], l2)) {
            *rest = r + 3 + l2;
            return 20 + 10 * t + uv[k];
          }
        }
      *rest = r;
      return uv[k];
    }
  }
  return -1;
}

/* Parses a German number below 1000 ("zweihundertfünfzig", "hundert"). */
static int S_de_lt1000(const char *w, const char **rest) {
  const char *r;
  int h = S_de_lt100(w, &r);
  if (h > 0 && h < 10 && !strncmp(r, "hundert", 7)) {
    r += 7;
  } else if (!strncmp(w, "hundert", 7)) {
    h = 1;
    r = w + 7;
  } else {
    *rest = r;
    return h;
  }
  const char *r2;
  int x = S_de_lt100(r, &r2);
  if (x > 0) {
    *rest = r2;
    return h * 100 + x;
  }
  *rest = r;
  return h * 100;
}

/* Parses a whole German number word ("dreitausendvierhundert"). */
static long S_de_number(const char *w, const char **rest) {
  const char *r;
  long x = S_de_lt1000(w, &r);
  if (x < 0 && !strncmp(w, "tausend", 7)) {
    x = 1;
    r = w;
  }
  if (x > 0 && !strncmp(r, "tausend", 7)) {
    r += 7;
    const char *r2;
    long y = S_de_lt1000(r, &r2);
    *rest = y > 0 ? r2 : r;
    return x * 1000 + (y > 0 ? y : 0);
  }
  *rest = r;
  return x;
}

static int S_metric_de(const char *s, size_t n, size_t a, size_t b,
                       const char *w);

/* Denominator of a German fraction word ("Drittel", "Viertel",
 * "Zehntel", "Hundertstel"), 0 when none. */
static int S_denominator_de(const char *w) {
  static const char *const d[] = {"drittel",  "viertel", "f\xC3\xBCnftel",
                                  "sechstel", "siebtel", "achtel",
                                  "neuntel",  "zehntel", "hundertstel"};
  static const int dv[] = {3, 4, 5, 6, 7, 8, 9, 10, 100};
  for (int k = 0; k < 9; k++) {
    size_t l = strlen(d[k]);
    if (!strncmp(w, d[k], l) && (!w[l] || !strcmp(w + l, "n")))
      return dv[k];
  }
  return 0;
}

/* Reads a German number word at s[i]; returns its end or 0. */
/* A magnitude word after the number word ending at s[e] ("anderthalb
 * Millionen"): sets it in 'v' and returns the new end. */
static size_t S_then_mag_de(const char *s, size_t n, size_t e,
                            struct mtai_numval *v) {
  size_t a, b;
  char w2[32];
  int m;
  if (S_next_word(s, n, e, &a, &b, w2, sizeof w2) && (m = S_mag_de(w2))) {
    v->mag = m;
    v->val = v->mant * S_pow10(m);
    e = b;
    if (b < n && s[b] == '.')
      e = b + 1;
  }
  return e;
}

static size_t S_words_de(const char *s, size_t n, size_t i,
                         struct mtai_numval *v) {
  char w[64];
  size_t e = S_word_end(s, n, i);
  if (!S_lower(s, i, e, w, sizeof w))
    return 0;
  static const char *const two[] = {"beide",  "beiden", "beider",
                                    "beides", "beidem", NULL};
  static const char *const half[] = {"h\xC3\xA4lfte", "halb",   "halbe",
                                     "halben",        "halber", "halbes",
                                     "halbem",        NULL};
  static const char *const vague[] = {"dutzende",  "dutzenden", "hunderte",
                                      "hunderten", "tausende",  "tausenden",
                                      NULL};
  v->flags |= MTAI_NV_WORD;
  if (S_in(w, two)) {
    v->val = v->mant = 2;
    return e;
  }
  if (S_in(w, half)) {
    v->val = v->mant = 0.5;
    v->decimals = 1;
    return e;
  }
  if (S_in(w, vague)) {
    v->flags |= MTAI_NV_VAGUE;
    v->mag = w[0] == 'h' ? 2 : w[0] == 't' ? 3 : 0;
    v->mant = 1;
    v->val = S_pow10(v->mag);
    return e;
  }
  if (!strcmp(w, "null")) {
    v->val = v->mant = 0;
    return e;
  }
  /* words that stand for a number in translation: "ein Paar" (two),
   * "Jahrzehnt" (ten years), "Jahrhundert", "Jahrtausend" */
  static const struct {
    const char *w;
    double v;
  } stand[] = {{"paar", 2},
               {"jahrzehnt", 10},
               {"jahrhundert", 100},
               {"jahrtausend", 1000}};
  for (size_t k = 0; k < sizeof stand / sizeof *stand; k++) {
    size_t l = strlen(stand[k].w);
    if (!strncmp(w, stand[k].w, l) &&
        (!w[l] || !strcmp(w + l, "e") || !strcmp(w + l, "en") ||
         !strcmp(w + l, "s") || !strcmp(w + l, "es"))) {
      v->val = v->mant = stand[k].v;
      return e;
    }
  }
  if (!strncmp(w, "anderthalb", 10)) {
    v->val = v->mant = 1.5;
    v->decimals = 1;
    return S_then_mag_de(s, n, e, v);
  }
  /* a fraction alone: "Drittel", "Viertel" (one, or the ordinal) */
  int den = S_denominator_de(w);
  if (den) {
    v->val = v->mant = 1.0 / den;
    v->alt = den;
    v->flags |= MTAI_NV_FRACTION;
    v->decimals = 2;
    return e;
  }
  if (!strcmp(w, "dutzend")) {
    v->val = v->mant = 12;
    return e;
  }
  /* a magnitude word without a number: "Milliarde Jahre", "Millionen
   * Menschen" (the plural vague) */
  int m = S_mag_de(w);
  if (!m) {
    /* "millionenfach", "Milliardenbetrag": the magnitude, vague */
    static const char *const pre[] = {"millionen", "milliarden", "billionen"};
    for (int k = 0; k < 3; k++)
      if (!strncmp(w, pre[k], strlen(pre[k]))) {
        v->mag = 6 + 3 * k;
        v->mant = 1;
        v->val = S_pow10(v->mag);
        v->flags |= MTAI_NV_VAGUE;
        return e;
      }
  }
  if (m >= 6) {
    v->mag = m;
    v->mant = 1;
    v->val = S_pow10(m);
    size_t l = strlen(w);
    if (w[l - 1] == 'n')
      v->flags |= MTAI_NV_VAGUE;
    return e;
  }
  /* irregular ordinal stems: "erste", "dritte", "siebte" */
  static const struct {
    const char *w;
    int v;
  } ord[] = {{"erst", 1}, {"dritt", 3}, {"siebt", 7}, {"acht", 8}};
  const char *r = NULL;
  long x = -1;
  for (size_t k = 0; k < sizeof ord / sizeof *ord; k++) {
    size_t l = strlen(ord[k].w);
    if (!strncmp(w, ord[k].w, l) && w[l] == 'e') {
      x = ord[k].v;
      r = w + l;
      break;
    }
  }
  if (x < 0)
    x = S_de_number(w, &r);
  if (x < 0)
    return 0;
  static const char *const endings[] = {"",
                                        "e",
                                        "en",
                                        "er",
                                        "es",
                                        "em",
                                        "mal",
                                        "fach",
                                        "fache",
                                        "fachen",
                                        "facher",
                                        "faches",
                                        "malig",
                                        "malige",
                                        "maligen",
                                        "te",
                                        "ten",
                                        "ter",
                                        "tes",
                                        "tem",
                                        "ste",
                                        "sten",
                                        "ster",
                                        "stes",
                                        "stem",
                                        "j\xC3\xA4hrig",
                                        "j\xC3\xA4hrige",
                                        "j\xC3\xA4hrigen",
                                        "j\xC3\xA4hriger",
                                        NULL};
  /* decades: "neunziger", "neunzigerjahre" */
  if (x >= 20 && x < 100 && x % 10 == 0 && !strncmp(r, "er", 2) &&
      (!r[2] || !strcmp(r + 2, "n") || !strncmp(r + 2, "jahre", 5))) {
    v->val = v->mant = 1900 + x;
    v->alt = x;
    v->flags |= MTAI_NV_ALT;
    v->kind = MTAI_NUM_DECADE;
    return e;
  }
  if ((den = S_denominator_de(r)) && x < den) {
    /* "Dreiviertel", "zweidrittel" */
    v->val = v->mant = (double)x / den;
    v->alt = den;
    v->flags |= MTAI_NV_FRACTION;
    v->decimals = 2;
    return e;
  }
  if (!strncmp(r, "einhalb", 7)) {
    /* "eineinhalb", "zweieinhalb" */
    v->val = v->mant = x + 0.5;
    v->decimals = 1;
    return S_then_mag_de(s, n, e, v);
  }
  if (x % 100 == 0 && (!strcmp(r, "e") || !strcmp(r, "en"))) {
    /* "Hunderte", "Zehntausenden" */
    v->flags |= MTAI_NV_VAGUE;
    v->mag = x % 1000 == 0 ? 3 : 2;
    v->mant = 1;
    v->val = S_pow10(v->mag);
    return e;
  }
  /* a compound that starts with the number ("zweistündige",
   * "Dreijahresplan", "hundertprozentig") counts on the target side; "ein"
   * compounds ("Einheit", "einfach") do not */
  if (!S_in(r, endings) && (x < 2 || strlen(w) - strlen(r) < 3))
    return 0;
  /* "ein", "eine", "einen": a number only before a magnitude or
   * "Dutzend" ("eine Milliarde", "ein Dutzend"); "eins" always */
  int ein = x == 1 && !strncmp(w, "ein", 3) && strcmp(w, "eins");
  v->val = v->mant = (double)x;
  size_t a, b;
  char w2[32];
  if (S_next_word(s, n, e, &a, &b, w2, sizeof w2)) {
    m = S_mag_de(w2);
    if (m) {
      v->mag = m;
      v->val = v->mant * S_pow10(m);
      e = b;
      if (b < n && s[b] == '.')
        e = b + 1;
    } else if (!strcmp(w2, "prozent")) {
      v->kind = MTAI_NUM_PERCENT;
      e = b;
    } else if (!strcmp(w2, "dutzend")) {
      v->val = v->mant = x * 12.0;
      e = b;
    } else if ((den = S_denominator_de(w2)) && x < den && !*r) {
      /* "zwei Drittel", "ein Viertel" */
      v->val = v->mant = (double)x / den;
      v->alt = den;
      v->flags |= MTAI_NV_FRACTION;
      v->decimals = 2;
      e = b;
    }
  }
  if (e != S_word_end(s, n, i))
    ein = 0; /* "ein Prozent", "eine Million", "ein Drittel" */
  /* "ein Grad Celsius", "ein Kilometer": a measure */
  if (ein && v->val == 1 && S_next_word(s, n, e, &a, &b, w2, sizeof w2) &&
      S_metric_de(s, n, a, b, w2))
    ein = 0;
  if (ein && v->val == 1)
    return 0;
  if (i >= 6 &&
      (!memcmp(s + i - 6, "minus ", 6) || !memcmp(s + i - 6, "Minus ", 6)))
    S_negate(v);
  return e;
}

/* 1 when the German word s[a..b) (lower-cased 'w') is a metric unit
 * ("Meter", "km", "Kilogramm", "Grad Celsius", "°C"). */
static int S_metric_de(const char *s, size_t n, size_t a, size_t b,
                       const char *w) {
  static const char *const units[] = {"meter",
                                      "metern",
                                      "m",
                                      "kilometer",
                                      "kilometern",
                                      "km",
                                      "zentimeter",
                                      "zentimetern",
                                      "cm",
                                      "millimeter",
                                      "mm",
                                      "kilogramm",
                                      "kg",
                                      "gramm",
                                      "g",
                                      "liter",
                                      "litern",
                                      "l",
                                      "hektar",
                                      "ha",
                                      "quadratmeter",
                                      "quadratkilometer",
                                      "tonnen",
                                      "t",
                                      NULL};
  (void)a;
  if (S_in(w, units))
    return 1;
  if (!strcmp(w, "grad")) {
    size_t a2, b2;
    char w2[16];
    return S_next_word(s, n, b, &a2, &b2, w2, sizeof w2) &&
           !strcmp(w2, "celsius");
  }
  return 0;
}

/* What follows a German number ending at s[j]: magnitude, percent,
 * decade, the day of a date; returns the end. */
static size_t S_suffix_de(const char *s, size_t n, size_t j,
                          struct mtai_numval *v) {
  size_t a, b;
  char w[32];
  size_t sp = S_space(s, n, j);
  if (j < n && s[j] == '%')
    return v->kind = MTAI_NUM_PERCENT, j + 1;
  if (sp > j && sp < n && s[sp] == '%')
    return v->kind = MTAI_NUM_PERCENT, sp + 1;
  if (sp + 2 < n && (unsigned char)s[sp] == 0xC2 &&
      (unsigned char)s[sp + 1] == 0xB0 && s[sp + 2] == 'C')
    v->unit = MTAI_UNIT_METRIC;
  if (j + 1 < n && s[j] == '.' && !S_digit(s[j + 1])) {
    /* "28. September", "3. Platz" */
    if (S_next_word(s, n, j + 1, &a, &b, w, sizeof w)) {
      int mo = S_month_de(w);
      if (mo && v->val >= 1 && v->val <= 31 && !v->decimals) {
        v->kind = MTAI_NUM_DAY;
        v->month = (unsigned char)mo;
        return j + 1;
      }
    }
  }
  if (S_next_word(s, n, j, &a, &b, w, sizeof w)) {
    int m = S_mag_de(w);
    if (m) {
      v->mag = m;
      v->val = v->mant * S_pow10(m);
      j = b;
      if (b < n && s[b] == '.')
        j = b + 1;
      if (!S_next_word(s, n, b, &a, &b, w, sizeof w))
        return j;
    }
    if (!strncmp(w, "prozent", 7))
      return v->kind = MTAI_NUM_PERCENT, b;
    if (!strcmp(w, "uhr") && !v->mag)
      return v->kind = MTAI_NUM_TIME, b;
    if (S_metric_de(s, n, a, b, w))
      v->unit = MTAI_UNIT_METRIC;
  }
  return j;
}

/* Reads the German number in digits at s[i] into 'v'; returns its end.
 * '*joined' is set when the number could continue with a group of three
 * after a plain space ("10 000"): the caller adds the joined reading. */
static size_t S_digits_de(const char *s, size_t n, size_t i,
                          struct mtai_numval *v) {
  size_t cnt, j = S_digits(s, n, i, &v->val, &cnt);
  int grouped = 0;
  if (cnt <= 3) {
    while (j + 1 < n && s[j] == '.' && S_group3(s, n, j + 1)) {
      double g;
      size_t c3;
      j = S_digits(s, n, j + 1, &g, &c3);
      v->val = v->val * 1000 + g;
      grouped = 1;
    }
    /* groups after no-break or thin spaces: "10 000" */
    if (!grouped)
      for (;;) {
        size_t sp = S_space(s, n, j);
        if (sp == j || sp == j + 1 || !S_group3(s, n, sp))
          break;
        double g;
        size_t c3;
        j = S_digits(s, n, sp, &g, &c3);
        v->val = v->val * 1000 + g;
        grouped = 1;
      }
  }
  if (!grouped && cnt <= 2 && j + 2 < n && s[j] == ':' && S_digit(s[j + 1]) &&
      S_digit(s[j + 2]) && !(j + 3 < n && S_digit(s[j + 3]))) {
    /* "15:30", "2:03:12": the time as 15.30, the hours as 'alt'; the
     * minutes and seconds are read on as numbers of their own */
    v->alt = v->val;
    v->flags |= MTAI_NV_ALT;
    v->val += ((s[j + 1] - '0') * 10 + (s[j + 2] - '0')) / 100.0;
    v->decimals = 2;
    v->kind = MTAI_NUM_TIME;
    v->mant = v->val;
    return j;
  }
  if (j + 1 < n && s[j] == ',' && S_digit(s[j + 1])) {
    size_t e = j + 1;
    double f = 0.1, x = v->val;
    int dec = 0;
    while (e < n && S_digit(s[e])) {
      x += (s[e] - '0') * f;
      f /= 10;
      dec++;
      e++;
    }
    if (!grouped && cnt <= 3 && dec == 3 && e + 1 < n && s[e] == ',' &&
        S_group3(s, n, e + 1)) {
      /* "1,000,000": English grouping only */
      double y = v->val;
      size_t k = j;
      while (k + 1 < n && s[k] == ',' && S_group3(s, n, k + 1)) {
        double g;
        size_t c3;
        k = S_digits(s, n, k + 1, &g, &c3);
        y = y * 1000 + g;
      }
      v->val = y;
      j = k;
    } else {
      if (!grouped && cnt <= 3 && dec == 3) {
        /* "1,000": German 1, English 1000 */
        v->alt = v->val * 1000 + (x - v->val) * 1000;
        v->alt = floor(v->alt + 0.5);
        v->flags |= MTAI_NV_ALT;
      }
      v->val = x;
      v->decimals = dec;
      j = e;
    }
  } else if (!grouped && j + 1 < n && s[j] == '.' && S_digit(s[j + 1]) &&
             !(i >= 2 && s[i - 1] == '.' && S_digit(s[i - 2]))) {
    /* "4.5", "15.30 Uhr": not German; "1.10.2024" and "9.2024" are
     * dates */
    size_t e = j + 1;
    while (e < n && S_digit(s[e]))
      e++;
    if (!(e - j - 1 <= 2 && e < n && s[e] == '.') &&
        !(cnt <= 2 && e - j - 1 == 4 && (s[j + 1] == '1' || s[j + 1] == '2'))) {
      double f = 0.1, x = v->val;
      int dec = 0;
      for (size_t k = j + 1; k < e; k++, f /= 10, dec++)
        x += (s[k] - '0') * f;
      v->alt = v->val;
      v->flags |= MTAI_NV_ALT;
      v->val = x;
      v->decimals = dec;
      j = e;
    }
  }
  v->mant = v->val;
  if (!grouped && !v->decimals && cnt == 4 && v->val >= 1000 && v->val < 2100)
    v->kind = MTAI_NUM_YEAR;
  size_t e = S_word_end(s, n, j);
  if (e > j) {
    char w[16];
    if (S_lower(s, j, e, w, sizeof w) && !v->decimals &&
        fmod(v->val, 10.0) == 0 && cnt >= 2 &&
        (!strcmp(w, "er") || !strcmp(w, "ern") || !strncmp(w, "erjahre", 7))) {
      v->kind = MTAI_NUM_DECADE;
      if (cnt == 2) {
        v->alt = 1900 + v->val;
        v->flags |= MTAI_NV_ALT;
      }
    }
    if (S_lower(s, j, e, w, sizeof w) && S_metric_de(s, n, j, e, w))
      v->unit = MTAI_UNIT_METRIC;
    return e; /* "5fach", "10km": the number counts */
  }
  return S_suffix_de(s, n, j, v);
}

size_t mtai_numbers_de(const char *s, size_t n, struct mtai_numval *out,
                       size_t max) {
  size_t k = 0, i = 0;
  if (!s)
    return 0;
  while (i < n) {
    struct mtai_numval v;
    memset(&v, 0, sizeof v);
    v.start = i;
    size_t e = 0;
    if (S_digit(s[i])) {
      e = S_digits_de(s, n, i, &v);
      if (S_negative(s, i))
        S_negate(&v);
      /* "10 000" with a plain space: the joined reading too */
      size_t sp = S_space(s, n, e);
      if (!v.decimals && !v.mag && v.kind != MTAI_NUM_DECADE && e - i <= 3 &&
          sp == e + 1 && S_group3(s, n, sp)) {
        struct mtai_numval jv = v;
        double g;
        size_t c3, je = S_digits(s, n, sp, &g, &c3);
        jv.val = jv.mant = v.val * 1000 + g;
        jv.end = S_suffix_de(s, n, je, &jv);
        jv.kind = jv.kind == MTAI_NUM_YEAR ? MTAI_NUM_PLAIN : jv.kind;
        S_push(out, max, &k, &jv);
      }
    } else if (S_letter(s, n, i)) {
      if (S_letter_before(s, i)) {
        i = S_word_end(s, n, i);
        continue;
      }
      e = S_words_de(s, n, i, &v);
      if (!e) {
        i = S_word_end(s, n, i);
        continue;
      }
    } else {
      i++;
      continue;
    }
    v.end = e;
    S_push(out, max, &k, &v);
    i = e > i ? e : i + 1;
  }
  return k;
}

/* ---- matching --------------------------------------------------------- */

static int S_eq(double a, double b) {
  return fabs(a - b) <= 1e-9 * fmax(1.0, fabs(a));
}

/* 1 when source value 'x' rounds to target value 't' at the target's
 * precision (its decimals, in units of its magnitude): "4.53 billion" is
 * "4,5 Milliarden". */
static int S_rounds_to(double x, const struct mtai_numval *t) {
  double unit = S_pow10(t->mag), p = S_pow10(t->decimals);
  double r = floor(x / unit * p + 0.5) / p;
  return S_eq(r, t->mant);
}

/* 1 when 't' is the value 'x' of unit 'u' converted to metric within 10 %
 * (in the main metric unit or a hundredth or thousandth of it: feet may
 * become centimetres). */
static int S_converted(double x, int u, const struct mtai_numval *t) {
  double c;
  switch (u) {
  case MTAI_UNIT_MILE:
  case MTAI_UNIT_MPH:
    c = x * 1.609344;
    break;
  case MTAI_UNIT_FOOT:
    c = x * 0.3048;
    break;
  case MTAI_UNIT_YARD:
    c = x * 0.9144;
    break;
  case MTAI_UNIT_INCH:
    c = x * 0.0254;
    break;
  case MTAI_UNIT_POUND:
    c = x * 0.45359;
    break;
  case MTAI_UNIT_OUNCE:
    c = x * 0.02835;
    break;
  case MTAI_UNIT_ACRE:
    c = x * 0.40469;
    break;
  case MTAI_UNIT_GALLON:
    c = x * 3.78541;
    break;
  case MTAI_UNIT_FAHRENHEIT:
    c = (x - 32) * 5 / 9;
    return fabs(t->val - c) <= fmax(1.5, 0.1 * fabs(c));
  default:
    return 0;
  }
  static const double scale[] = {1, 100, 1000, 0.001};
  for (size_t k = 0; k < sizeof scale / sizeof *scale; k++) {
    double y = c * scale[k];
    if (y > 0 && fabs(t->val - y) <= 0.1 * y)
      return 1;
  }
  return 0;
}

/* 1 when target value 't' renders source value 'v' (accnum.h). */
int mtai_numval_match(const struct mtai_numval *v,
                      const struct mtai_numval *t) {
  double sv[2] = {v->val, v->alt}, tv[2] = {t->val, t->alt};
  int ns = (v->flags & MTAI_NV_ALT) ? 2 : 1;
  int nt = (t->flags & MTAI_NV_ALT) ? 2 : 1;
  /* "a billion" (a word, one) is any amount of that magnitude: "a
   * billion-year time scale", "Milliarden Jahre" */
  if ((v->flags & MTAI_NV_WORD) && v->mag >= 2 && S_eq(v->mant, 1) &&
      t->mag == v->mag)
    return 1;
  /* a percentage as a fraction and back: "33 percent", "ein Drittel";
   * "half", "50 Prozent" */
  int vf = (v->flags & MTAI_NV_FRACTION) || (v->val == 0.5 && !v->kind);
  int tf = (t->flags & MTAI_NV_FRACTION) || (t->val == 0.5 && !t->kind);
  if (v->kind == MTAI_NUM_PERCENT && tf && fabs(v->val / 100 - t->val) <= 0.02)
    return 1;
  if (t->kind == MTAI_NUM_PERCENT && vf && fabs(t->val / 100 - v->val) <= 0.02)
    return 1;
  if ((v->flags & MTAI_NV_FRACTION) && (t->flags & MTAI_NV_FRACTION) &&
      fabs(v->val - t->val) < 0.005)
    return 1;
  /* "a 10th" is "ein Zehntel": an ordinal N and a fraction of N-ths */
  if (v->kind == MTAI_NUM_ORDINAL && (t->flags & MTAI_NV_FRACTION) &&
      v->val >= 2 && t->val > 0 && t->val < 1) {
    double k = t->val * v->val;
    if (fabs(k - floor(k + 0.5)) < 0.01)
      return 1;
  }
  /* "the 1800s" is "das 19. Jahrhundert": a century as a decade */
  if (v->kind == MTAI_NUM_DECADE &&
      (t->kind == MTAI_NUM_ORDINAL || t->kind == MTAI_NUM_PLAIN) && !t->mag &&
      fmod(v->val, 100) == 0 && S_eq(t->val, v->val / 100 + 1))
    return 1;
  if (t->flags & MTAI_NV_VAGUE)
    return 0;
  /* "200 feet" as "200 Meter": the unit changed, the value did not */
  int unconverted =
      v->unit && v->unit != MTAI_UNIT_METRIC && t->unit == MTAI_UNIT_METRIC;
  for (int a = 0; a < ns; a++) {
    for (int b = 0; b < nt && !unconverted; b++)
      if (S_eq(sv[a], tv[b]))
        return 1;
    if (!unconverted && S_rounds_to(sv[a], t))
      return 1;
    if (v->unit && S_converted(sv[a], v->unit, t))
      return 1;
  }
  return 0;
}

/* 1 when 't' has the number of 'v' with another magnitude ("4.5
 * billion", "4,5 Millionen"). */
static int S_magnitude_changed(const struct mtai_numval *v,
                               const struct mtai_numval *t) {
  return v->mag >= 6 && t->mag >= 6 && v->mag != t->mag &&
         !(t->flags & MTAI_NV_VAGUE) && S_eq(v->mant, t->mant);
}

/* The German form of 'v' (accnum.h). */
/* x with 'dec' decimals in German form: "1.000", "4,5", "-1". */
static void S_de_number_str(double x, int dec, int group, char *out,
                            size_t sz) {
  char num[64];
  snprintf(num, sizeof num, "%.*f", dec, x);
  if (!strcmp(num, "-0"))
    snprintf(num, sizeof num, "0");
  const char *digits = num[0] == '-' ? num + 1 : num;
  char *dot = strchr(num, '.');
  size_t il = dot ? (size_t)(dot - digits) : strlen(digits), o = 0;
  if (digits != num && o + 2 < sz)
    out[o++] = '-';
  for (size_t k = 0; k < il && o + 2 < sz; k++) {
    if (group && k && (il - k) % 3 == 0 && il > 3)
      out[o++] = '.';
    out[o++] = digits[k];
  }
  if (dot)
    for (const char *c = dot; *c && o + 2 < sz; c++)
      out[o++] = *c == '.' ? ',' : *c;
  out[o] = '\0';
}

/* The metric rendering of an imperial value: "48 Kilometer", "-1 Grad
 * Celsius"; 0 when 'v' has no imperial unit. */
static int S_de_converted(const struct mtai_numval *v, char *buf, size_t sz) {
  static const struct {
    int u;
    double f;
    const char *name;
  } t[] = {{MTAI_UNIT_MILE, 1.609344, "Kilometer"},
           {MTAI_UNIT_MPH, 1.609344, "Kilometer pro Stunde"},
           {MTAI_UNIT_FOOT, 0.3048, "Meter"},
           {MTAI_UNIT_YARD, 0.9144, "Meter"},
           {MTAI_UNIT_INCH, 2.54, "Zentimeter"},
           {MTAI_UNIT_POUND, 0.45359, "Kilogramm"},
           {MTAI_UNIT_OUNCE, 28.35, "Gramm"},
           {MTAI_UNIT_ACRE, 0.40469, "Hektar"},
           {MTAI_UNIT_GALLON, 3.78541, "Liter"}};
  double c;
  const char *name;
  if (v->unit == MTAI_UNIT_FAHRENHEIT) {
    c = (v->val - 32) * 5 / 9;
    name = "Grad Celsius";
  } else {
    size_t k = 0;
    while (k < sizeof t / sizeof *t && t[k].u != v->unit)
      k++;
    if (k == sizeof t / sizeof *t)
      return 0;
    c = v->val * t[k].f;
    name = t[k].name;
  }
  char num[64];
  S_de_number_str(c, fabs(c) >= 10 || v->unit == MTAI_UNIT_FAHRENHEIT ? 0 : 1,
                  1, num, sizeof num);
  snprintf(buf, sz, "%s %s", num, name);
  return 1;
}

void mtai_numval_german(const struct mtai_numval *v, char *buf, size_t sz) {
  static const char *const mag[][2] = {{"Million", "Millionen"},
                                       {"Milliarde", "Milliarden"},
                                       {"Billion", "Billionen"}};
  if (v->kind == MTAI_NUM_DAY && v->month >= 1 && v->month <= 12 &&
      v->val >= 1 && v->val <= 31) {
    snprintf(buf, sz, "%d. %s", (int)v->val, S_months_de[v->month - 1]);
    return;
  }
  if (v->kind == MTAI_NUM_YEAR || v->kind == MTAI_NUM_DECADE) {
    snprintf(buf, sz, "%.0f%s", v->val, v->kind == MTAI_NUM_DECADE ? "er" : "");
    return;
  }
  if (v->kind == MTAI_NUM_TIME) {
    if (v->decimals)
      snprintf(buf, sz, "%.2f Uhr", v->val);
    else
      snprintf(buf, sz, "%.0f Uhr", v->val);
    return;
  }
  if (v->unit && S_de_converted(v, buf, sz))
    return;
  if ((v->flags & MTAI_NV_FRACTION) && v->alt >= 2 && v->alt <= 10 &&
      v->val >= 0 && v->val <= 1) {
    static const char *const den[] = {"Hälfte",  "Drittel",  "Viertel",
                                      "Fünftel", "Sechstel", "Siebtel",
                                      "Achtel",  "Neuntel",  "Zehntel"};
    static const char *const num[] = {"ein",   "zwei",   "drei", "vier", "fünf",
                                      "sechs", "sieben", "acht", "neun"};
    int d = (int)v->alt, x = (int)floor(v->val * d + 0.5);
    if (x >= 1 && x < d) {
      snprintf(buf, sz, "%s %s", d == 2 ? "die" : num[x - 1], den[d - 2]);
      return;
    }
  }
  int big = v->mag >= 6 && v->mag <= 12;
  double x = big ? v->mant : v->val;
  int dec = big || !v->mag ? v->decimals : 0;
  if (v->mag && !big && v->decimals) /* "2.5 thousand" */
    dec = v->decimals > v->mag ? v->decimals - v->mag : 0;
  char out[96];
  S_de_number_str(x, dec, v->kind != MTAI_NUM_ORDINAL, out, sizeof out);
  const char *unit = v->kind == MTAI_NUM_PERCENT   ? " Prozent"
                     : v->kind == MTAI_NUM_ORDINAL ? "."
                     : v->cur == '$'               ? " Dollar"
                     : v->cur == 'L'               ? " Pfund"
                     : v->cur == 'E'               ? " Euro"
                                                   : "";
  if (big)
    snprintf(buf, sz, "%s %s%s", out, mag[(v->mag - 6) / 3][!S_eq(x, 1)], unit);
  else
    snprintf(buf, sz, "%s%s", out, unit);
}

/* ---- the check -------------------------------------------------------- */

/* 1 when the whitespace-delimited chunk of t around 'off' looks like a URL
 * or an e-mail address. */
static int S_in_url(const char *t, size_t len, size_t off) {
  size_t a = off, b = off;
  while (a && t[a - 1] != ' ' && t[a - 1] != '\n' && t[a - 1] != '\t')
    a--;
  while (b < len && t[b] != ' ' && t[b] != '\n' && t[b] != '\t')
    b++;
  for (size_t k = a; k < b; k++)
    if (t[k] == '@' || (k + 3 <= b && !memcmp(t + k, "://", 3)) ||
        (k + 4 <= b && !memcmp(t + k, "www.", 4)))
      return 1;
  return 0;
}

/* Numbers of one side of a bead: values with document offsets. */
struct S_vals {
  struct mtai_numval *v;
  size_t n, cap;
};

static mta_status S_read(struct S_vals *vs, const char *text, size_t a,
                         size_t b, int german) {
  if (!vs->v) { /* room first: no offset is applied to a null pointer */
    if (!(vs->v = malloc(16 * sizeof *vs->v)))
      return MTA_ERR_NOMEM;
    vs->cap = 16;
  }
  for (;;) {
    size_t room = vs->cap - vs->n;
    size_t got = german ? mtai_numbers_de(text + a, b - a, vs->v + vs->n, room)
                        : mtai_numbers_en(text + a, b - a, vs->v + vs->n, room);
    if (got <= room) {
      for (size_t k = vs->n; k < vs->n + got; k++) {
        vs->v[k].start += a;
        vs->v[k].end += a;
      }
      vs->n += got;
      return MTA_OK;
    }
    size_t cap = vs->cap ? vs->cap : 16;
    while (cap < vs->n + got)
      cap *= 2;
    struct mtai_numval *nv = realloc(vs->v, cap * sizeof *nv);
    if (!nv)
      return MTA_ERR_NOMEM;
    vs->v = nv;
    vs->cap = cap;
  }
}

/* 1 when source value 'v' should be found: an exact, non-vague value
 * outside URLs. */
static int S_reportable(const struct mtai_bitext *bi,
                        const struct mtai_numval *v) {
  /* a plain 1 or 0 may be an article in German ("1 in 5", "einer von
   * fünf"; "0", "kein") */
  if (v->kind == MTAI_NUM_PLAIN && !v->mag && !v->unit && !v->decimals &&
      (v->val == 1 || v->val == 0))
    return 0;
  /* the inches of "6 foot 2": converted with the feet ("1,88 Meter") */
  if (v->start >= 5 && (!memcmp(bi->src.text + v->start - 5, "foot ", 5) ||
                        !memcmp(bi->src.text + v->start - 5, "feet ", 5)))
    return 0;
  return !(v->flags & MTAI_NV_VAGUE) &&
         !S_in_url(bi->src.text, bi->src.len, v->start);
}

/* 1 when source value 'v' is an idiomatic amount a translation may say in
 * words without the number: "100 percent" ("völlig", "hundertprozentig"),
 * "24 hours a day" and "seven days a week" ("rund um die Uhr"). */
static int S_idiom(const char *s, size_t n, const struct mtai_numval *v) {
  static const char *const after[] = {" hours a day", " hours per day",
                                      " days a week", " hours a week"};
  if (v->kind == MTAI_NUM_PERCENT && S_eq(v->val, 100))
    return 1;
  for (size_t k = 0; k < sizeof after / sizeof *after; k++) {
    size_t l = strlen(after[k]);
    if (v->end + l <= n && !memcmp(s + v->end, after[k], l))
      return 1;
  }
  return 0;
}

/* ---- durations: "2 weeks" is "14 Tage", "6 months" "ein halbes Jahr" -- */

#define S_DAY 86400.0
#define S_YEAR (365.25 * S_DAY)

/* The length in seconds of the time unit word w (lower case) of English
 * (de == 0) or German, 0 when w is none. */
static double S_time_unit(const char *w, int de) {
  static const struct {
    const char *w;
    double sec;
  } en[] = {{"second", 1},
            {"seconds", 1},
            {"minute", 60},
            {"minutes", 60},
            {"hour", 3600},
            {"hours", 3600},
            {"day", S_DAY},
            {"days", S_DAY},
            {"week", 7 * S_DAY},
            {"weeks", 7 * S_DAY},
            {"month", S_YEAR / 12},
            {"months", S_YEAR / 12},
            {"year", S_YEAR},
            {"years", S_YEAR},
            {"decade", 10 * S_YEAR},
            {"decades", 10 * S_YEAR},
            {"century", 100 * S_YEAR},
            {"centuries", 100 * S_YEAR}},
    de_[] = {{"sekunde", 1},
             {"sekunden", 1},
             {"minute", 60},
             {"minuten", 60},
             {"stunde", 3600},
             {"stunden", 3600},
             {"tag", S_DAY},
             {"tage", S_DAY},
             {"tagen", S_DAY},
             {"tages", S_DAY},
             {"woche", 7 * S_DAY},
             {"wochen", 7 * S_DAY},
             {"monat", S_YEAR / 12},
             {"monate", S_YEAR / 12},
             {"monaten", S_YEAR / 12},
             {"monats", S_YEAR / 12},
             {"jahr", S_YEAR},
             {"jahre", S_YEAR},
             {"jahren", S_YEAR},
             {"jahres", S_YEAR},
             {"jahrs", S_YEAR},
             {"jahrzehnt", 10 * S_YEAR},
             {"jahrzehnte", 10 * S_YEAR},
             {"jahrzehnten", 10 * S_YEAR},
             {"jahrzehnts", 10 * S_YEAR},
             {"jahrhundert", 100 * S_YEAR},
             {"jahrhunderte", 100 * S_YEAR},
             {"jahrhunderten", 100 * S_YEAR},
             {"jahrhunderts", 100 * S_YEAR},
             {"jahrtausend", 1000 * S_YEAR},
             {"jahrtausende", 1000 * S_YEAR},
             {"jahrtausenden", 1000 * S_YEAR},
             {"jahrtausends", 1000 * S_YEAR}};
  if (!de) {
    for (size_t k = 0; k < sizeof en / sizeof *en; k++)
      if (!strcmp(w, en[k].w))
        return en[k].sec;
  } else {
    for (size_t k = 0; k < sizeof de_ / sizeof *de_; k++)
      if (!strcmp(w, de_[k].w))
        return de_[k].sec;
  }
  return 0;
}

/* The duration in seconds source value 'v' gives with the time unit after
 * it ("2 weeks", "48-hour"), 0 when no time unit follows. */
static double S_duration_en(const char *s, size_t n,
                            const struct mtai_numval *v) {
  size_t i = v->end;
  if (i < n && (s[i] == ' ' || s[i] == '-'))
    i++;
  size_t e = S_word_end(s, n, i);
  char w[24];
  if (v->kind != MTAI_NUM_PLAIN || e == i || !S_lower(s, i, e, w, sizeof w))
    return 0;
  return v->val * S_time_unit(w, 0);
}

/* 1 when the target text t[a..b) (values 'tp') names the duration 'dur'
 * (within 2 %): a number before a time unit ("14 Tage"), an article ("ein
 * Jahr", "einem Jahrzehnt") or "halbe" ("ein halbes Jahr"). */
static int S_duration_de(const char *t, size_t a, size_t b,
                         const struct S_vals *tp, double dur) {
  static const char *const one[] = {"ein",   "eine",  "einem", "einen",
                                    "einer", "eines", NULL};
  size_t i = a;
  while (i < b) {
    size_t l = S_letter(t, b, i);
    if (!l) {
      i++;
      continue;
    }
    size_t e = S_word_end(t, b, i);
    char w[24];
    double u = S_lower(t, i, e, w, sizeof w) ? S_time_unit(w, 1) : 0;
    /* compounds that are a duration: "Viertelstunde", "halbstündig" */
    static const struct {
      const char *pre;
      double sec;
    } comp[] = {
        {"viertelstund", 900},       {"dreiviertelstund", 2700},
        {"halbst\xC3\xBCnd", 1800},  {"viertelst\xC3\xBCnd", 900},
        {"halbjahr", S_YEAR / 2},    {"halbj\xC3\xA4hr", S_YEAR / 2},
        {"vierteljahr", S_YEAR / 4}, {"viertelj\xC3\xA4hr", S_YEAR / 4}};
    int whole = 0;
    for (size_t k = 0; !u && k < sizeof comp / sizeof *comp; k++)
      if (!strncmp(w, comp[k].pre, strlen(comp[k].pre))) {
        u = comp[k].sec;
        whole = 1;
      }
    if (whole && fabs(u - dur) <= 0.02 * dur)
      return 1;
    if (u > 0) {
      double x = 0;
      size_t j = i;
      while (j > a && (t[j - 1] == ' ' || t[j - 1] == '-'))
        j--;
      for (size_t k = 0; k < tp->n; k++)
        if (tp->v[k].end == j && !(tp->v[k].flags & MTAI_NV_VAGUE))
          x = tp->v[k].val;
      char pw[16];
      if (x == 0 && j < i && S_prev_word(t, i, pw, sizeof pw) && S_in(pw, one))
        x = 1;
      if (x > 0 && fabs(x * u - dur) <= 0.02 * dur)
        return 1;
    }
    i = e > i ? e : i + 1;
  }
  return 0;
}

static int S_found(const struct mtai_numval *v, const struct S_vals *t) {
  for (size_t k = 0; k < t->n; k++)
    if (mtai_numval_match(v, &t->v[k]))
      return 1;
  return 0;
}

/* 1 when source value 'v', a duration ("2 weeks"), is in the target
 * paragraph d->text[pa..pb) in another time unit ("14 Tage"). */
static int S_found_duration(const struct mtai_findings *out,
                            const struct mtai_numval *v,
                            const struct S_vals *tp, size_t pa, size_t pb) {
  double dur = S_duration_en(out->bi->src.text, out->bi->src.len, v);
  return dur > 0 && S_duration_de(out->doc->text, pa, pb, tp, dur);
}

/* Reports the source values of sentence bead 'sb' that the target
 * paragraph values 'tp' lack. */
static mta_status S_sentence(struct mtai_findings *out,
                             const struct mtai_bead *sb,
                             const struct S_vals *tp, size_t pa, size_t pb,
                             struct S_vals *sv, struct S_vals *ts) {
  const struct mtai_bitext *bi = out->bi;
  const struct mtai_doc *d = out->doc;
  mta_status st = MTA_OK;
  size_t ta, tb, sa, sbe;
  if (sb->skipped || sb->t_first >= sb->t_end || sb->s_first >= sb->s_end ||
      sb->t_end > d->nsent || sb->s_end > bi->src.nsent)
    return MTA_OK;
  ta = d->sents[sb->t_first].start;
  tb = d->sents[sb->t_end - 1].end;
  sa = bi->src.sents[sb->s_first].start;
  sbe = bi->src.sents[sb->s_end - 1].end;
  sv->n = ts->n = 0;
  if ((st = S_read(sv, bi->src.text, sa, sbe, 0)))
    return st;
  /* the target values of the aligned sentences */
  for (size_t k = 0; k < tp->n; k++)
    if (tp->v[k].start >= ta && tp->v[k].end <= tb) {
      if (ts->n == ts->cap) {
        size_t cap = ts->cap ? 2 * ts->cap : 16;
        struct mtai_numval *nv = realloc(ts->v, cap * sizeof *nv);
        if (!nv)
          return MTA_ERR_NOMEM;
        ts->v = nv;
        ts->cap = cap;
      }
      ts->v[ts->n++] = tp->v[k];
    }
  /* how many source values are missing, and which target values of the
   * sentence no source value explains */
  size_t missing = 0, spare = 0, spare_at = 0;
  for (size_t k = 0; k < sv->n; k++)
    if (S_reportable(bi, &sv->v[k]) && !S_found(&sv->v[k], tp) &&
        !S_found_duration(out, &sv->v[k], tp, pa, pb))
      missing++;
  for (size_t j = 0; j < ts->n; j++) {
    const struct mtai_numval *t = &ts->v[j];
    int used = (t->flags & MTAI_NV_VAGUE) != 0;
    for (size_t k = 0; !used && k < sv->n; k++)
      used = mtai_numval_match(&sv->v[k], t);
    if (!used) {
      spare++;
      spare_at = j;
    }
  }
  for (size_t k = 0; !st && k < sv->n; k++) {
    const struct mtai_numval *v = &sv->v[k];
    if (!S_reportable(bi, v) || S_found(v, tp) ||
        S_found_duration(out, v, tp, pa, pb))
      continue;
    char sug[192], val[40];
    mtai_numval_german(v, sug, sizeof sug);
    /* the value in parentheses only where it says more than the text */
    snprintf(val, sizeof val, " (%.12g)", v->val);
    if ((size_t)snprintf(NULL, 0, "%.12g", v->val) == v->end - v->start &&
        !memcmp(val + 2, bi->src.text + v->start, v->end - v->start))
      val[0] = '\0';
    int sl = (int)(v->end - v->start);
    const char *stext = bi->src.text + v->start;
    /* the same number with another magnitude: in the sentence, else in
     * the paragraph */
    const struct mtai_numval *m = NULL;
    for (size_t j = 0; !m && j < ts->n; j++)
      if (S_magnitude_changed(v, &ts->v[j]))
        m = &ts->v[j];
    for (size_t j = 0; !m && j < tp->n; j++)
      if (S_magnitude_changed(v, &tp->v[j]))
        m = &tp->v[j];
    if (m) {
      st = mtai_finding_add_src(
          out, &S_rules[0], MTA_SEV_CRITICAL, m->start, m->end, v->start,
          v->end, sug,
          "Source has \"%.*s\"%s; the target has \"%.*s\" (magnitude "
          "changed)",
          sl, stext, val, (int)(m->end - m->start), d->text + m->start);
      continue;
    }
    mta_severity sev =
        (v->flags & MTAI_NV_WORD) ? MTA_SEV_MINOR : S_rules[0].severity;
    /* a missing idiomatic value ("100 percent", "24 hours a day") or a
     * number missing where the target paragraph has no number at all and
     * the sentences are not aligned one to one (a paraphrase, or an
     * uncertain alignment): minor, a false alarm costs more than a miss */
    int loose = S_idiom(bi->src.text, bi->src.len, v) ||
                (tp->n == 0 && (sb->t_end - sb->t_first != 1 ||
                                sb->s_end - sb->s_first != 1));
    /* the imperial value kept before a metric unit */
    for (size_t j = 0; !m && j < tp->n; j++)
      if (v->unit && tp->v[j].unit == MTAI_UNIT_METRIC &&
          S_eq(v->val, tp->v[j].val))
        m = &tp->v[j];
    if (m) {
      st = mtai_finding_add_src(
          out, &S_rules[0], S_rules[0].severity, m->start, m->end, v->start,
          v->end, sug,
          "Source has \"%.*s\"; the target has \"%.*s\" (the unit changed, "
          "the number was not converted)",
          sl, stext, (int)(m->end - m->start), d->text + m->start);
      continue;
    }
    if (missing == 1 && spare == 1) {
      const struct mtai_numval *t = &ts->v[spare_at];
      /* a count word replaced by another count word ("three times",
       * "fünfmal") is a changed number; not one that may be the same
       * amount in another unit ("three decades", "dreißig Jahre") */
      if ((v->flags & MTAI_NV_WORD) && (t->flags & MTAI_NV_WORD) &&
          !(t->flags & MTAI_NV_VAGUE) && !v->mag && !t->mag && v->val >= 2 &&
          t->val >= 2 && fmod(t->val, v->val) != 0 && fmod(v->val, t->val) != 0)
        sev = S_rules[0].severity;
      st = mtai_finding_add_src(
          out, &S_rules[0], sev, t->start, t->end, v->start, v->end, sug,
          "Source has \"%.*s\"%s; the target has \"%.*s\"", sl, stext, val,
          (int)(t->end - t->start), d->text + t->start);
      continue;
    }
    st = mtai_finding_add_src(
        out, &S_rules[0], loose ? MTA_SEV_MINOR : sev, ta, tb, v->start, v->end,
        sug, "Source has \"%.*s\"%s; the target does not have it", sl, stext,
        val);
  }
  return st;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *out) {
  (void)state;
  (void)cx;
  const struct mtai_bitext *bi = out->bi;
  const struct mtai_doc *d = out->doc;
  if (!bi)
    return MTA_OK;
  struct S_vals tp = {0}, sv = {0}, ts = {0};
  mta_status st = MTA_OK;
  for (size_t p = 0; !st && p < bi->npb; p++) {
    const struct mtai_bead *pb = &bi->pb[p];
    if (pb->skipped || pb->t_first >= pb->t_end || pb->s_first >= pb->s_end)
      continue;
    tp.n = 0;
    size_t pa = d->len, pe = 0;
    for (uint32_t q = pb->t_first; !st && q < pb->t_end && q < d->npara; q++) {
      st = S_read(&tp, d->text, d->paras[q].start, d->paras[q].end, 1);
      pa = d->paras[q].start < pa ? d->paras[q].start : pa;
      pe = d->paras[q].end > pe ? d->paras[q].end : pe;
    }
    /* the sentence beads of this paragraph bead's source sentences, each
     * once */
    size_t last = (size_t)-1;
    for (uint32_t q = pb->s_first; !st && q < pb->s_end && q < bi->src.npara;
         q++) {
      const struct mtai_paragraph *sp = &bi->src.paras[q];
      for (uint32_t s = sp->sent_first; !st && s < sp->sent_end; s++) {
        size_t b = bi->s_sbead[s];
        if (b == last || b >= bi->nsb)
          continue;
        last = b;
        st = S_sentence(out, &bi->sb[b], &tp, pa, pe, &sv, &ts);
      }
    }
  }
  free(tp.v);
  free(sv.v);
  free(ts.v);
  return st;
}

const struct mta_check mtai_check_accnum = {
    "accnum", S_rules, sizeof S_rules / sizeof S_rules[0], NULL, S_run, NULL};
