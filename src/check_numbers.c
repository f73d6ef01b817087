/*
 * English number, date and unit conventions left in German text:
 *
 *   english-leftover/date    "September 28, 2024", "October 3", "Sept. 12"
 *                            (German: "28. September 2024")
 *   english-leftover/number  "$4.5 billion", "4.5 Milliarden" (decimal
 *                            point), "1,000 Soldaten" (comma as thousands
 *                            separator), "billion"
 *   english-leftover/unit    imperial units: "425 Meilen", "Grad
 *                            Fahrenheit", "6 Fuß", "200 Pfund" (as a
 *                            weight), "50 Gallonen", "12 Zoll"; the
 *                            suggestion gives the metric value; not when
 *                            the sentence converts it ("120 Fuß, oder 40
 *                            Meter") or German uses the unit too (Zoll of
 *                            screens, Fuß of flight altitudes, Unzen of
 *                            gold)
 *
 * Dates: an English-only month name (October, March, ...) followed by a
 * day; a month name German shares (April, August, September, November)
 * only with ", YEAR" after the day or at the end of a sentence, so that
 * "im August 15 Menschen" stays German.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "english-leftover/date",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .severity = MTA_SEV_MAJOR,
     .summary =
         N_("English date format (\"September 28, 2024\" for \"28. September "
            "2024\")"),
     .explanation = N_(
         "An English date format ('September 28, 2024', 'October 3', 'Sept. "
         "12') where German writes '28. September 2024'. Machine translation "
         "often keeps the order of the source date. A month name German "
         "shares (April, August, September, November) counts only with ', "
         "YEAR' after the day or at the end of a sentence, so 'im August 15 "
         "Menschen' stays German. Use the suggested German form."),
     .wrong = "Der Gipfel fand am September 28, 2024 in Wladiwostok statt.",
     .right = "Der Gipfel fand am 28. September 2024 in Wladiwostok statt."},
    {.id = "english-leftover/number",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .severity = MTA_SEV_MINOR,
     .summary = N_("English number format or number word (\"4.5\", \"1,000\", "
                   "\"$4.5 billion\")"),
     .explanation = N_(
         "An English number format ('4.5 Milliarden' with a decimal point, "
         "'1,000 Soldaten' with a thousands comma, '$4.5 billion') or an "
         "English number word ('billion'). Machine translation translates the "
         "words around the number but copies its digits as they are. Major "
         "where a German reader gets the value wrong ('1,000' reads as one, "
         "'billion' as Billion); a decimal point or a currency sign in front "
         "is clear and minor. Times, dates and versions ('20.15 Uhr', "
         "'3.10.', 'Industrie 4.0') are not reported. Write the German form "
         "the suggestion gives ('4,5 Milliarden')."),
     .wrong = "Die USA sagten Hilfen in Höhe von 4.5 Milliarden Dollar zu.",
     .right = "Die USA sagten Hilfen in Höhe von 4,5 Milliarden Dollar zu."},
    {.id = "english-leftover/unit",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .severity = MTA_SEV_MINOR,
     .summary =
         N_("imperial unit left unconverted (Meilen, Fuß, Pfund, Gallonen, "
            "Fahrenheit)"),
     .explanation =
         N_("An imperial unit after a number (Meilen, Fuß, Pfund as a weight, "
            "Gallonen, Zoll, Yards, Unzen, Acres, Grad Fahrenheit). Machine "
            "translation translates the unit's name but does not convert the "
            "value, which German readers cannot picture. Not reported when the "
            "sentence gives the metric value too ('120 Fuß, oder 40 Meter'), "
            "nor where German uses the unit as well (Zoll for screens and "
            "wheels, Fuß for flight altitudes, Unzen of gold). "
            "The suggestion gives the metric value; convert it (keeping the "
            "original in brackets where the exact figure matters)."),
     .wrong = "Die Rakete flog rund 600 Meilen weit.",
     .right = "Die Rakete flog rund 965 Kilometer weit."},
};

enum { R_DATE, R_NUMBER, R_UNIT };

static const struct {
  const char *en, *de;
  int shared; /* German writes the month the same way */
} S_months[] = {{"January", "Januar", 0},
                {"February", "Februar", 0},
                {"March", "März", 0},
                {"April", "April", 1},
                {"May", "Mai", 0},
                {"June", "Juni", 0},
                {"July", "Juli", 0},
                {"August", "August", 1},
                {"September", "September", 1},
                {"October", "Oktober", 0},
                {"November", "November", 1},
                {"December", "Dezember", 0},
                {"Jan", "Januar", 0},
                {"Feb", "Februar", 0},
                {"Mar", "März", 0},
                {"Apr", "April", 0},
                {"Jun", "Juni", 0},
                {"Jul", "Juli", 0},
                {"Aug", "August", 0},
                {"Sep", "September", 0},
                {"Sept", "September", 0},
                {"Oct", "Oktober", 0},
                {"Nov", "November", 0},
                {"Dec", "Dezember", 0}};

static int S_tok_digits(const struct mtai_doc *d, size_t i, size_t maxlen) {
  const struct mtai_token *t = &d->toks[i];
  if (t->kind != MTAI_TOK_NUMBER || (size_t)(t->end - t->start) > maxlen)
    return 0;
  for (size_t k = t->start; k < t->end; k++)
    if (d->text[k] < '0' || d->text[k] > '9')
      return 0;
  return 1;
}

static long S_tok_long(const struct mtai_doc *d, size_t i) {
  return strtol(d->text + d->toks[i].start, NULL, 10);
}

/* "Month DAY[, YEAR]" with an English month name. */
static mta_status S_dates(struct mtai_findings *r,
                          const struct mtai_paragraph *p) {
  const struct mtai_doc *d = r->doc;
  for (size_t i = p->tok_first; i < p->tok_end; i++) {
    /* Month names are capitalized. */
    if (d->toks[i].kind != MTAI_TOK_WORD || !(d->toks[i].flags & MTAI_TF_UPPER))
      continue;
    size_t k = 0, nm = sizeof S_months / sizeof S_months[0];
    while (k < nm && !mtai_tok_eq(d, i, S_months[k].en))
      k++;
    if (k == nm)
      continue;
    size_t j = i + 1;
    int abbrev = k >= 12;
    if (abbrev) { /* "Sept. 12": the period is required */
      if (j >= p->tok_end || !mtai_tok_eq(d, j, ".") ||
          d->toks[j].start != d->toks[i].end)
        continue;
      j++;
    }
    if (j >= p->tok_end || !S_tok_digits(d, j, 2) || S_tok_long(d, j) < 1 ||
        S_tok_long(d, j) > 31)
      continue;
    /* "28." would be a German ordinal. */
    if (j + 1 < p->tok_end && mtai_tok_eq(d, j + 1, ".") &&
        d->toks[j + 1].start == d->toks[j].end && j + 2 < p->tok_end &&
        d->toks[j + 2].kind == MTAI_TOK_WORD)
      continue;
    size_t end = d->toks[j].end;
    long year = -1;
    if (j + 2 < p->tok_end && mtai_tok_eq(d, j + 1, ",") &&
        S_tok_digits(d, j + 2, 4) && mtai_tok_len(d, j + 2) == 4) {
      year = S_tok_long(d, j + 2);
      end = d->toks[j + 2].end;
    }
    int sentence_end =
        j + 1 >= p->tok_end ||
        (d->toks[j + 1].kind == MTAI_TOK_PUNCT && !mtai_tok_eq(d, j + 1, "-"));
    if (S_months[k].shared && year < 0 && !sentence_end)
      continue;
    char sug[64];
    if (year >= 0)
      snprintf(sug, sizeof sug, "%ld. %s %ld", S_tok_long(d, j), S_months[k].de,
               year);
    else
      snprintf(sug, sizeof sug, "%ld. %s", S_tok_long(d, j), S_months[k].de);
    mta_status st = mtai_finding_add(
        r, &S_rules[R_DATE], S_rules[R_DATE].severity, d->toks[i].start, end,
        sug, "English date format '%.*s'; German writes '%s'",
        (int)(end - d->toks[i].start), d->text + d->toks[i].start, sug);
    if (st)
      return st;
    i = j;
  }
  return MTA_OK;
}

/* Reads a number written the German way ("4,5", "10.000") or, when
 * 'english', the English way ("4.5", "1,000"). */
static double S_value(const char *s, size_t n, int english) {
  char buf[64];
  size_t k = 0;
  char dec = english ? '.' : ',', grp = english ? ',' : '.';
  for (size_t i = 0; i < n && k + 1 < sizeof buf; i++) {
    if (s[i] == grp)
      continue;
    buf[k++] = s[i] == dec ? '.' : s[i];
  }
  buf[k] = '\0';
  return strtod(buf, NULL);
}

/* Formats 'v' German style: no decimals from 100 on, else one. */
static void S_format(double v, char *out, size_t sz) {
  if (fabs(v) >= 100)
    snprintf(out, sz, "%.0f", v);
  else
    snprintf(out, sz, "%.1f", v);
  char *dot = strchr(out, '.');
  if (dot)
    *dot = ',';
}

/* Classifies a number token: 1 English decimal point ("4.5"), 2 English
 * thousands separators ("1,000", "12,500,000"), 0 German or plain. */
static int S_english_number(const struct mtai_doc *d, size_t i) {
  const char *s = d->text + d->toks[i].start;
  size_t n = mtai_tok_len(d, i);
  size_t dots = 0, commas = 0, last = 0;
  for (size_t k = 0; k < n; k++) {
    if (s[k] == '.') {
      dots++;
      last = k;
    } else if (s[k] == ',') {
      commas++;
      last = k;
    } else if (s[k] < '0' || s[k] > '9')
      return 0;
  }
  if (dots == 1 && !commas && n - last - 1 != 3)
    return 1;
  if (commas >= 1 && !dots) {
    /* Every group after a comma has exactly three digits, the first one
     * one to three. */
    size_t prev = (size_t)-1;
    for (size_t k = 0; k <= n; k++) {
      if (k == n || s[k] == ',') {
        size_t len = k - (prev + 1);
        if (prev == (size_t)-1 ? (len < 1 || len > 3) : len != 3)
          return 0;
        prev = k;
      }
    }
    return 2;
  }
  return 0;
}

/* 1 when number token 'i' is a version after a product's or a
 * programme's name ("Industrie 4.0", "iOS 17.4", "Web 2.0"): right after
 * a capitalized word that is no article, pronoun or preposition (or a
 * word with a capital inside), and before no capitalized word (a unit,
 * "2.4 Prozent"). German writes versions with a point as well. */
static int S_version(const struct mtai_check_ctx *cx, struct mtai_doc *d,
                     const struct mtai_paragraph *p, size_t i) {
  if (i <= p->tok_first || !(d->toks[i].flags & MTAI_TF_SPACE_BEFORE))
    return 0;
  const struct mtai_token *b = &d->toks[i - 1];
  if (b->kind != MTAI_TOK_WORD)
    return 0;
  int inner = 0;
  for (size_t k = b->start + 1; k < b->end; k++)
    inner |= d->text[k] >= 'A' && d->text[k] <= 'Z';
  if (!(b->flags & MTAI_TF_UPPER) && !inner)
    return 0;
  if (cx->lexicon &&
      (mtai_tok_classes(cx->lexicon, d, i - 1, 1) &
       (MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP | MTAI_LEX_CONJ_COORD |
        MTAI_LEX_CONJ_SUB | MTAI_LEX_ADV_CONJ | MTAI_LEX_ADV)))
    return 0;
  size_t n = i + 1;
  return !(n < p->tok_end && (d->toks[n].flags & MTAI_TF_UPPER)) &&
         !(n < p->tok_end && d->toks[n].kind == MTAI_TOK_PUNCT &&
           d->text[d->toks[n].start] == '%');
}

static mta_status S_numbers(const struct mtai_check_ctx *cx,
                            struct mtai_findings *r,
                            const struct mtai_paragraph *p) {
  struct mtai_doc *d = r->doc;
  const char *t = d->text;
  mta_status st = MTA_OK;
  for (size_t i = p->tok_first; !st && i < p->tok_end; i++) {
    const struct mtai_token *tk = &d->toks[i];
    if (mtai_tok_numword(d, i)) {
      const char *de = mtai_number_word_de(t + tk->start, tk->end - tk->start);
      if (i > p->tok_first + 1 && d->toks[i - 1].kind == MTAI_TOK_NUMBER &&
          (mtai_tok_eq(d, i - 2, "$") ||
           mtai_tok_eq(d, i - 2, "\xE2\x82\xAC") ||
           mtai_tok_eq(d, i - 2, "\xC2\xA3")))
        continue; /* part of "$4.5 billion", reported below */
      st = mtai_finding_add(r, &S_rules[R_NUMBER], MTA_SEV_MAJOR, tk->start,
                            tk->end, de,
                            "English number word '%.*s'; German: %s",
                            (int)(tk->end - tk->start), t + tk->start, de);
      continue;
    }
    if (tk->kind != MTAI_TOK_NUMBER)
      continue;
    /* "$4.5", "€800", "£2": German puts the currency after the number. */
    static const struct {
      const char *sym, *name;
    } cur[] = {
        {"$", "Dollar"}, {"\xE2\x82\xAC", "Euro"}, {"\xC2\xA3", "Pfund"}};
    const char *currency = NULL;
    for (size_t c = 0; i > p->tok_first && c < 3; c++)
      if (mtai_tok_eq(d, i - 1, cur[c].sym) && d->toks[i - 1].end == tk->start)
        currency = cur[c].name;
    int dollar = currency != NULL;
    int kind = S_english_number(d, i);
    /* "20.15 Uhr" is a German time; "3.10." a German date. */
    if (kind == 1 && i + 1 < p->tok_end &&
        (mtai_tok_eq(d, i + 1, "Uhr") ||
         (mtai_tok_eq(d, i + 1, ".") && d->toks[i + 1].start == tk->end)))
      kind = 0;
    if (kind == 1 && !dollar && S_version(cx, d, p, i))
      kind = 0;
    if (!dollar && !kind)
      continue;
    double v = S_value(t + tk->start, tk->end - tk->start, kind != 0);
    size_t a = dollar ? d->toks[i - 1].start : tk->start, b = tk->end;
    const char *scale = "";
    if (dollar && i + 1 < p->tok_end) {
      const char *w = t + d->toks[i + 1].start;
      size_t wn = mtai_tok_len(d, i + 1);
      if ((wn == 7 && !memcmp(w, "billion", 7)) ||
          (wn == 10 && !memcmp(w, "Milliarden", 10)))
        scale = " Milliarden";
      else if ((wn == 7 && !memcmp(w, "million", 7)) ||
               (wn == 9 && !memcmp(w, "Millionen", 9)))
        scale = " Millionen";
      if (*scale)
        b = d->toks[i + 1].end;
    }
    char num[128], sug[192];
    S_format(v, num, sizeof num);
    if (fabs(v - round(v)) < 1e-9 && fabs(v) >= 1000) {
      /* Whole thousands: German groups digits with '.' */
      char raw[64], grouped[100];
      snprintf(raw, sizeof raw, "%.0f", v);
      size_t rl = strlen(raw), g = 0;
      for (size_t k = 0; k < rl; k++) {
        if (k && (rl - k) % 3 == 0)
          grouped[g++] = '.';
        grouped[g++] = raw[k];
      }
      grouped[g] = '\0';
      snprintf(num, sizeof num, "%s", grouped);
    }
    if (dollar)
      snprintf(sug, sizeof sug, "%s%s %s", num, scale, currency);
    else
      snprintf(sug, sizeof sug, "%s", num);
    /* Misread values are major: a thousands comma reads as a decimal one,
     * "billion" as Billion (10^12). */
    int misread =
        kind == 2 || (*scale && !(d->toks[i + 1].flags & MTAI_TF_UPPER));
    st = mtai_finding_add(
        r, &S_rules[R_NUMBER],
        misread ? MTA_SEV_MAJOR : S_rules[R_NUMBER].severity, a, b, sug,
        dollar      ? N_("currency sign before the number in "
                              "'%.*s'; German: %s")
        : kind == 1 ? N_("decimal point instead of a comma in "
                         "'%.*s'; German: %s")
                    : N_("comma as thousands separator in '%.*s'; "
                         "German: %s"),
        (int)(b - a), t + a, sug);
    if (b > tk->end)
      i++;
  }
  return st;
}

/* 1 when the sentence around token 'i' speaks of weight (for "Pfund"). */
static int S_weight_context(const struct mtai_doc *d,
                            const struct mtai_paragraph *p, size_t i) {
  static const char *const cues[] = {
      "wiegt",      "wog",    "wiegen", "schwer",   "Gewicht",      "Nutzlast",
      "Sprengkopf", "Ladung", "Bombe",  "Gewichts", "Sprengladung", "tragen",
      "Traglast",   "Fracht", "Last",   "abnehmen", "zugenommen"};
  size_t lo = i > p->tok_first + 12 ? i - 12 : p->tok_first;
  size_t hi = i + 12 < p->tok_end ? i + 12 : p->tok_end;
  for (size_t k = lo; k < hi; k++)
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++)
      if (mtai_tok_eq(d, k, cues[c]))
        return 1;
  return 0;
}

/* 1 when an imperial unit is the one German uses too in the context of
 * token 'i' (up to twelve tokens either side): inches for screens and
 * wheels ("ein 65 Zoll großer Fernseher"), feet for flight altitudes
 * ("in 35.000 Fuß Flughöhe"), troy ounces for precious metals ("2.000
 * Dollar je Unze Gold"). */
static int S_customary_context(const struct mtai_doc *d,
                               const struct mtai_paragraph *p, size_t i) {
  static const struct {
    const char *unit, *cues;
  } uses[] = {
      {"Zoll", " Display Displays Bildschirm Bildschirms Bildschirme Monitor "
               "Monitore Fernseher Fernsehers Diagonale Bildschirmdiagonale "
               "Smartphone Tablet Laptop Notebook iPad iPhone Felge Felgen "
               "Reifen Rad Räder Rohr Rohre "},
      {"Fuß", " Flughöhe Reiseflughöhe Flugzeug Flugzeugs Jet Maschine "
              "Pilot Piloten Cockpit Fluglotsen Sinkflug Steigflug "},
      {"Unze", " Gold Silber Platin Palladium Goldpreis Silberpreis "},
      {"Unzen", " Gold Silber Platin Palladium Goldpreis Silberpreis "}};
  size_t k = 0;
  while (k < sizeof uses / sizeof uses[0] && !mtai_tok_eq(d, i, uses[k].unit))
    k++;
  if (k == sizeof uses / sizeof uses[0])
    return 0;
  size_t lo = i > p->tok_first + 12 ? i - 12 : p->tok_first;
  size_t hi = i + 12 < p->tok_end ? i + 12 : p->tok_end;
  for (size_t c = lo; c < hi; c++) {
    size_t n = mtai_tok_len(d, c);
    const char *w = d->text + d->toks[c].start;
    if (d->toks[c].kind != MTAI_TOK_WORD)
      continue;
    for (const char *at = uses[k].cues; (at = strchr(at, ' ')) && at[1]; at++)
      if (!strncmp(at + 1, w, n) && at[n + 1] == ' ')
        return 1;
  }
  return 0;
}

/* 1 when the sentence of token 'i' also gives the metric measure: a
 * metric unit after a number or a number word ("120 Fuß über dem
 * Wasser, oder 40 Meter", "30 Fuß (neun Meter)"). The imperial unit is
 * then the source's, kept next to its conversion, not left over. */
static int S_metric_nearby(const struct mtai_doc *d,
                           const struct mtai_paragraph *p, size_t i) {
  /* One word between single spaces, so that " m " is a whole word. */
  static const char metric[] =
      " Meter Metern Meters m Kilometer Kilometern Kilometers km Zentimeter "
      "Zentimetern cm Millimeter Millimetern mm Kilogramm kg Gramm g Tonne "
      "Tonnen Liter Litern l Milliliter ml Hektar ha Quadratmeter "
      "Quadratmetern Quadratkilometer Quadratkilometern Celsius km/h "
      "Stundenkilometer Stundenkilometern ";
  size_t lo = p->tok_first, hi = p->tok_end;
  for (size_t s = p->sent_first; s < p->sent_end; s++)
    if (d->sents[s].tok_first <= i && i < d->sents[s].tok_end) {
      lo = d->sents[s].tok_first;
      hi = d->sents[s].tok_end;
      break;
    }
  for (size_t k = lo + 1; k < hi; k++) {
    if (k == i || d->toks[k].kind != MTAI_TOK_WORD)
      continue;
    const struct mtai_token *b = &d->toks[k - 1];
    /* "40 Meter", "4 Grad Celsius"; after a word ("neun Meter") only a
     * unit written out, not a symbol. */
    int number = b->kind == MTAI_TOK_NUMBER || mtai_tok_eq(d, k - 1, "Grad");
    if (!number && !(b->kind == MTAI_TOK_WORD && !(b->flags & MTAI_TF_UPPER) &&
                     mtai_tok_len(d, k) >= 5))
      continue;
    size_t n = mtai_tok_len(d, k);
    const char *w = d->text + d->toks[k].start;
    for (const char *at = metric; (at = strchr(at, ' ')) && at[1]; at++)
      if (!strncmp(at + 1, w, n) && at[n + 1] == ' ')
        return 1;
  }
  return 0;
}

static mta_status S_units(struct mtai_findings *r,
                          const struct mtai_paragraph *p) {
  static const struct {
    const char *word;
    double factor;
    const char *unit;
  } units[] = {{"Meilen", 1.609344, "km"},  {"Meile", 1.609344, "km"},
               {"Fuß", 0.3048, "m"},        {"Pfund", 0.45359237, "kg"},
               {"Gallonen", 3.785411, "l"}, {"Gallone", 3.785411, "l"},
               {"Zoll", 2.54, "cm"},        {"Yards", 0.9144, "m"},
               {"Yard", 0.9144, "m"},       {"Unzen", 28.349523, "g"},
               {"Unze", 28.349523, "g"},    {"Acres", 0.4046856, "ha"},
               {"Acre", 0.4046856, "ha"}};
  const struct mtai_doc *d = r->doc;
  const char *t = d->text;
  for (size_t i = p->tok_first + 1; i < p->tok_end; i++) {
    size_t nt = i - 1;
    if (d->toks[nt].kind != MTAI_TOK_NUMBER)
      continue;
    int english = S_english_number(d, nt) != 0;
    double v = S_value(t + d->toks[nt].start, mtai_tok_len(d, nt), english);
    char val[64], sug[96];
    /* "30 Grad Fahrenheit" */
    if (mtai_tok_eq(d, i, "Grad") && i + 1 < p->tok_end &&
        mtai_tok_eq(d, i + 1, "Fahrenheit") && !S_metric_nearby(d, p, i)) {
      S_format((v - 32.0) * 5.0 / 9.0, val, sizeof val);
      snprintf(sug, sizeof sug, "%s Grad Celsius", val);
      mta_status st = mtai_finding_add(
          r, &S_rules[R_UNIT], S_rules[R_UNIT].severity, d->toks[i].start,
          d->toks[i + 1].end, sug,
          "temperature in Fahrenheit; German uses Celsius: %s", sug);
      if (st)
        return st;
      continue;
    }
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
      if (!mtai_tok_eq(d, i, units[k].word))
        continue;
      if (!strcmp(units[k].word, "Pfund") &&
          (!S_weight_context(d, p, i) ||
           (i + 1 < p->tok_end && mtai_tok_eq(d, i + 1, "Sterling"))))
        break; /* the currency */
      if (S_metric_nearby(d, p, i) || S_customary_context(d, p, i))
        break; /* converted in the same sentence, or customary */
      S_format(v * units[k].factor, val, sizeof val);
      snprintf(sug, sizeof sug, "%s %s", val, units[k].unit);
      mta_status st = mtai_finding_add(
          r, &S_rules[R_UNIT], S_rules[R_UNIT].severity, d->toks[i].start,
          d->toks[i].end, sug, "imperial unit '%s'; metric: about %s",
          units[k].word, sug);
      if (st)
        return st;
      break;
    }
  }
  return MTA_OK;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  (void)state;
  mta_status st = MTA_OK;
  for (size_t pi = 0; !st && pi < r->doc->npara; pi++) {
    const struct mtai_paragraph *p = &r->doc->paras[pi];
    if (!(st = S_dates(r, p)) && !(st = S_numbers(cx, r, p)))
      st = S_units(r, p);
  }
  return st;
}

const struct mta_check mtai_check_numbers = {
    "numbers", S_rules, sizeof S_rules / sizeof S_rules[0], NULL, S_run, NULL};
