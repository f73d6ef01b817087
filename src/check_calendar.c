/*
 * english-leftover/calendar: English weekday, month and holiday names in
 * German running text ("am Friday", "im March", "seit January", "zu
 * Christmas"), from dict/english-calendar.txt
 * (ENGLISH<TAB>GERMAN<TAB>day|month|holiday). Months German writes the
 * same (April, August, September, November) and holidays German names in
 * English (Halloween, Thanksgiving) are not listed.
 *
 * Context decides:
 *   - a month followed by a day ("October 3") is english-leftover/date's
 *     (check_numbers.c), which suggests the whole German date;
 *   - "May" (a name and an English verb too) counts only in a date: after
 *     "im", "Anfang", "Mitte", "Ende", "seit", "bis", "ab" or a day's
 *     ordinal ("3. May"), or before a year ("May 2024");
 *   - not inside an English name or title (mtai_english_name_around():
 *     "Black Friday", "Super Tuesday", "Sunday Times", a quoted English
 *     title), nor right after a name-like word ("Joe Friday", "Theresa
 *     May"), nor next to an English word ("Fridays for Future").
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "english-leftover/calendar",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .replaces = 1,
     .severity = MTA_SEV_MINOR,
     .summary = N_("English weekday, month or holiday name (\"am Friday\", "
                   "\"im March\")"),
     .explanation = N_(
         "An English weekday, month or holiday name in German running text "
         "('am Friday', 'im March', 'seit January', 'zu Christmas'), from "
         "dict/english-calendar.txt. Machine translation leaves them when "
         "it takes them for names. Minor: the meaning is clear to any "
         "reader, but the text reads as untranslated. Months German writes "
         "the same (April, August, September, November) are not reported; a "
         "month before a day ('October 3') is english-leftover/date; 'May' "
         "(a name too) only in a date ('im May', '3. May', 'May 2024'); "
         "nothing inside an English name or quoted title ('Black Friday', "
         "'Super Tuesday', 'Sunday Times', „Blue Monday“) or after a first "
         "name ('Theresa May'). Write the German name the suggestion gives."),
     .wrong = "Die Gespräche sollen am Friday in Genf beginnen.",
     .right = "Die Gespräche sollen am Freitag in Genf beginnen."},
};

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  return mtai_pairs_new(cx, "english-calendar.txt", out);
}

/* 1 when token 'k' is a number of 1-2 digits (a day) or 4 (a year). */
static int S_number(const struct mtai_doc *d, size_t k, size_t lo, size_t hi) {
  if (d->toks[k].kind != MTAI_TOK_NUMBER)
    return 0;
  size_t n = mtai_tok_len(d, k);
  return n >= lo && n <= hi;
}

/* 1 when the words before token 'a' put a month in a date: "im",
 * "Anfang", "Mitte", "Ende", "seit", "bis", "ab", "vom", or a day's
 * ordinal ("3."). */
static int S_date_before(const struct mtai_doc *d,
                         const struct mtai_paragraph *p, size_t a) {
  static const char *const words[] = {"im",   "Anfang", "Mitte", "Ende",
                                      "seit", "bis",    "ab",    "vom",
                                      "zum",  "Im",     "Seit",  "Bis"};
  if (a == p->tok_first)
    return 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (mtai_tok_eq(d, a - 1, words[i]))
      return 1;
  return a >= p->tok_first + 2 && mtai_tok_eq(d, a - 1, ".") &&
         S_number(d, a - 2, 1, 2);
}

/* 1 when token 'k' is a capitalized word no German dictionary knows as a
 * common word: a first name before the calendar word ("Joe Friday"). */
static int S_namey(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                   const struct mtai_paragraph *p, size_t k) {
  const struct mtai_token *t = &d->toks[k];
  if (k < p->tok_first || t->kind != MTAI_TOK_WORD ||
      !(t->flags & MTAI_TF_UPPER) || (t->flags & MTAI_TF_ALLCAPS))
    return 0;
  return !mtai_plain_german(cx, d, k) &&
         !(cx->lexicon &&
           (mtai_lexicon_classes(cx->lexicon, d->text + t->start,
                                 t->end - t->start) &
            (MTAI_LEX_DET | MTAI_LEX_PREP | MTAI_LEX_PRON |
             MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB | MTAI_LEX_ADV)));
}

/* 1 when token 'k' is a lower-case English word German does not share
 * ("for" of "Fridays for Future"). */
static int S_english_word(const struct mtai_check_ctx *cx,
                          const struct mtai_doc *d,
                          const struct mtai_paragraph *p, size_t k) {
  if (k < p->tok_first || k >= p->tok_end || d->toks[k].kind != MTAI_TOK_WORD ||
      (d->toks[k].flags & MTAI_TF_UPPER))
    return 0;
  return mtai_english_verdict(cx, d, k) == MTAI_EN_STRONG;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *out) {
  struct mtai_pairs *s = state;
  const struct mtai_doc *d = out->doc;
  mta_status st = MTA_OK;
  for (size_t pi = 0; !st && pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    for (size_t i = p->tok_first; !st && i < p->tok_end; i++) {
      const struct mtai_token *t = &d->toks[i];
      if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
          (t->flags & MTAI_TF_ALLCAPS))
        continue;
      const char *val = NULL;
      size_t n = mtai_pairs_match_pre(&s->pre, &s->map, s->maxtok, d, i,
                                      p->tok_end, &val);
      if (!n)
        continue;
      size_t j = i + n - 1;
      const char *tab = strchr(val, '\t');
      size_t gn = tab ? (size_t)(tab - val) : strlen(val);
      int month = tab && !strcmp(tab + 1, "month");
      int holiday = tab && !strcmp(tab + 1, "holiday");
      /* "October 3": the date rule's; "May": only in a date. */
      size_t nx = j + 1;
      if (month && nx < p->tok_end && S_number(d, nx, 1, 2))
        continue;
      if (mtai_tok_eq(d, i, "May") && !S_date_before(d, p, i) &&
          !(nx < p->tok_end && S_number(d, nx, 4, 4)))
        continue;
      if ((i > p->tok_first && (t->flags & MTAI_TF_SPACE_BEFORE) &&
           S_namey(cx, d, p, i - 1)) ||
          mtai_english_name_around(cx, d, p, i, j) ||
          S_english_word(cx, d, p, i - 1) || S_english_word(cx, d, p, nx))
        continue;
      char sug[48];
      if (gn >= sizeof sug)
        gn = sizeof sug - 1;
      memcpy(sug, val, gn);
      sug[gn] = '\0';
      size_t a = t->start, b = d->toks[j].end;
      st =
          mtai_finding_add(out, &S_rules[0], S_rules[0].severity, a, b, sug,
                           month     ? N_("English month name '%.*s'; German "
                                              "writes '%s'")
                           : holiday ? N_("English holiday name '%.*s'; German "
                                          "writes '%s'")
                                     : N_("English weekday name '%.*s'; German "
                                          "writes '%s'"),
                           (int)(b - a), d->text + a, sug);
      i = j;
    }
  }
  return st;
}

const struct mta_check mtai_check_calendar = {
    "calendar", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,     S_run,   mtai_pairs_free};
