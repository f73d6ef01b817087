/*
 * Sentences that machine translation split in the wrong place:
 *
 *   split-sentence/lowercase-start  a sentence that starts with a lower-case
 *                                   letter after terminal punctuation
 *                                   ("... geschickt. sagen Beamte.") - major
 *   split-sentence/initial          a name cut off at a middle initial, the
 *                                   sentence going on without the surname,
 *                                   which opens the next sentence ("mit
 *                                   Präsident Wladimir V. zu sprechen.
 *                                   Putins ...") - major
 *
 * ICU does not break before a lower-case word, so both show up inside one
 * segmented sentence as ". word". Not reported: after an abbreviation of
 * dict/abbreviations.txt ("z. B. die"), after an ordinal ("am 3. oder 4.
 * Oktober"), in an ellipsis, before words written with a lower-case
 * initial by design (iPhone, eBay: a capital later in the word), and
 * inside URLs.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "split-sentence/lowercase-start",
     .category = MTAI_CAT_SPLIT_SENTENCE,
     .severity = MTA_SEV_MAJOR,
     .summary =
         N_("a sentence starts with a lower-case word after a full stop"),
     .explanation = N_(
         "A sentence that starts with a lower-case word after a full stop: "
         "machine translation broke one English sentence in two, typically "
         "before a reporting clause ('…, officials say'). Not reported after "
         "abbreviations ('z. B. die') and ordinals ('am 3. oder 4. Oktober'), "
         "in an ellipsis, inside URLs, or before words written lower case by "
         "design (iPhone, eBay). Join the sentences or restore the capital."),
     .wrong = "Die Waffen seien bereits auf den Weg geschickt. sagen Beamte in "
              "Washington.",
     .right = "Die Waffen seien bereits auf den Weg geschickt, sagen Beamte in "
              "Washington."},
    {.id = "split-sentence/initial",
     .category = MTAI_CAT_SPLIT_SENTENCE,
     .severity = MTA_SEV_MAJOR,
     .summary = N_("a name cut off after its middle initial (\"Wladimir V. zu "
                   "sprechen\")"),
     .explanation = N_(
         "A name cut off after its middle initial, the sentence running on "
         "without the surname, which turns up at the start of the next "
         "sentence ('mit Präsident Wladimir V. zu sprechen. Putins …'). "
         "Machine translation took the initial's period for the end of a "
         "sentence and moved the rest of the name. Not reported without the "
         "surname after it: a name German abbreviates ('der Angeklagte Thomas "
         "K. wurde …') or a regnal number ('Kaiser Karl V. regierte') ends "
         "with its letter. A complete name with an initial is an "
         "english-leftover/initial finding instead; restore the surname and "
         "drop the initial."),
     .wrong = "Kim wollte mit Präsident Wladimir V. sprechen. Putins Krieg "
              "stockt.",
     .right = "Kim wollte mit Präsident Wladimir Putin sprechen. Putins Krieg "
              "stockt."},
};

enum { R_LOWER, R_INITIAL };

struct S_state {
  struct mtai_strset abbrev; /* spaceless: "z.B.", "Dr." */
};

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  (void)cx;
  struct S_state *s = calloc(1, sizeof *s);
  *out = s;
  if (!s)
    return MTA_ERR_NOMEM;
  mtai_strset_init(&s->abbrev);
  /* With parts: "B." of "z. B." ends the token before "die" in "z. B. die". */
  return mtai_abbrev_load(&s->abbrev, 1);
}

static void S_destroy(void *p) {
  struct S_state *s = p;
  if (!s)
    return;
  mtai_strset_free(&s->abbrev);
  free(s);
}

/* 1 when a lower-case initial is how the word is written (iPhone, eBay). */
static int S_brand(const struct mtai_doc *d, size_t i) {
  const struct mtai_token *t = &d->toks[i];
  for (size_t k = t->start + 1; k < t->end; k++)
    if (d->text[k] >= 'A' && d->text[k] <= 'Z')
      return 1;
  return 0;
}

/* 1 for a Roman numeral of two or more letters ("III", "XIV"). */
static int S_roman(const char *w, size_t n) {
  if (n < 2)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (!strchr("IVXLCDM", w[i]))
      return 0;
  return 1;
}

static int S_is_digits(const struct mtai_doc *d, size_t i) {
  const struct mtai_token *t = &d->toks[i];
  if (t->kind != MTAI_TOK_NUMBER)
    return 0;
  for (size_t k = t->start; k < t->end; k++)
    if (d->text[k] < '0' || d->text[k] > '9')
      return 0;
  return 1;
}

/* 1 when the word w[0..n) may be a surname: a name (dict/names.txt), a
 * word German does not know ("Wezeman"), or one it knows but not as a
 * common word (no word class in the lexicon) that is a name in English
 * ("Harrison") or a name's genitive ("Putins"). */
static int S_surname(struct mtai_speller *sp, struct mtai_lexicon *lx,
                     const char *w, size_t n) {
  enum mtai_spell v = mtai_speller_check(sp, w, n);
  if (v == MTAI_SPELL_COMPOUND)
    return 0;
  if (v != MTAI_SPELL_KNOWN && v != MTAI_SPELL_USER)
    return 1;
  if (lx &&
      (mtai_lexicon_classes(lx, w, n) || mtai_lexicon_noun_form(lx, w, n)))
    return 0;
  if (n > 3 && w[n - 1] == 's' &&
      mtai_speller_check(sp, w, n - 1) == MTAI_SPELL_NAME)
    return 1;
  return mtai_speller_english(sp, w, n) && !mtai_speller_english_lc(sp, w, n);
}

/* 1 when the sentence after the initial's period 'dot' (the next one in
 * the paragraph, within 60 tokens) opens with a capitalized surname-like
 * word other than the first name: the surname the split carried over
 * ("Wladimir V. zu sprechen. Putins Kriegsanstrengungen"). Without a
 * dictionary every capitalized word may be one. */
static int S_surname_follows(const struct mtai_check_ctx *cx,
                             const struct mtai_doc *d,
                             const struct mtai_paragraph *p, size_t dot) {
  size_t end = dot + 60 < p->tok_end ? dot + 60 : p->tok_end;
  for (size_t k = dot + 1; k + 1 < end; k++) {
    if (!(mtai_tok_eq(d, k, ".") || mtai_tok_eq(d, k, "!") ||
          mtai_tok_eq(d, k, "?")))
      continue;
    size_t w = k + 1;
    while (w < end && d->toks[w].kind == MTAI_TOK_PUNCT)
      w++; /* a closing quotation mark */
    if (w >= end)
      return 0;
    const struct mtai_token *t = &d->toks[w];
    size_t n = t->end - t->start;
    if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
        (t->flags & MTAI_TF_ALLCAPS) ||
        mtai_utf8_count(d->text + t->start, n) < 2)
      return 0;
    const struct mtai_token *first = &d->toks[dot - 2];
    if (n == (size_t)(first->end - first->start) &&
        !memcmp(d->text + t->start, d->text + first->start, n))
      return 0; /* the first name again: "Thomas K. ... Thomas K." */
    return !cx->speller ||
           S_surname(cx->speller, cx->lexicon, d->text + t->start, n);
  }
  return 0;
}

static mta_status S_paragraph(struct S_state *s,
                              const struct mtai_check_ctx *cx,
                              struct mtai_findings *r,
                              const struct mtai_paragraph *p) {
  const struct mtai_doc *d = r->doc;
  const char *t = d->text;
  for (size_t i = p->tok_first + 1; i + 1 < p->tok_end; i++) {
    if (!(mtai_tok_eq(d, i, ".") || mtai_tok_eq(d, i, "!") ||
          mtai_tok_eq(d, i, "?")))
      continue;
    const struct mtai_token *nx = &d->toks[i + 1];
    if (nx->kind != MTAI_TOK_WORD || (nx->flags & MTAI_TF_UPPER) ||
        !(nx->flags & MTAI_TF_SPACE_BEFORE) || S_brand(d, i + 1))
      continue;
    const struct mtai_token *pw = &d->toks[i - 1];
    if (pw->end != d->toks[i].start || mtai_tok_eq(d, i - 1, ".") ||
        mtai_doc_in_url(d, d->toks[i].start))
      continue; /* ellipsis, space before the mark, URL */
    if (mtai_tok_eq(d, i, ".")) {
      size_t n = pw->end - pw->start;
      /* A middle initial followed by a lower-case word: the surname is
       * missing ("Wladimir V. zu sprechen"). Checked before the
       * abbreviations, whose parts include single letters ("R." of
       * "i. d. R."), but only after a capitalized first name, and only
       * when the lost surname turns up at the start of the next sentence
       * ("... zu sprechen. Putins Krieg"): a name German abbreviates
       * ("der Angeklagte Thomas K. wurde") or a regnal number ("Kaiser
       * Karl V. regierte") ends with its letter. */
      if (pw->kind == MTAI_TOK_WORD && (pw->flags & MTAI_TF_UPPER) &&
          mtai_utf8_count(t + pw->start, n) == 1 && i >= p->tok_first + 2) {
        const struct mtai_token *first = &d->toks[i - 2];
        if (first->kind == MTAI_TOK_WORD && (first->flags & MTAI_TF_UPPER) &&
            !(first->flags & MTAI_TF_ALLCAPS) && mtai_tok_len(d, i - 2) >= 3 &&
            (pw->flags & MTAI_TF_SPACE_BEFORE)) {
          if (mtai_regnal_number(cx, d, p->tok_first, i - 1) ||
              !S_surname_follows(cx, d, p, i))
            continue;
          mta_status st = mtai_finding_add(
              r, &S_rules[R_INITIAL], S_rules[R_INITIAL].severity, pw->start,
              d->toks[i].end, NULL,
              "the name '%.*s %.*s' breaks off after its initial: the "
              "surname is missing and the sentence runs on with '%.*s'",
              (int)mtai_tok_len(d, i - 2), t + first->start, (int)(n + 1),
              t + pw->start, (int)(nx->end - nx->start), t + nx->start);
          if (st)
            return st;
          continue;
        }
      }
      /* Abbreviation (as one token "z.B" or "Dr") or ordinal, also a
       * Roman one ("Ludwig XIV. regierte"). */
      char form[64];
      if (n + 1 < sizeof form) {
        memcpy(form, t + pw->start, n);
        form[n] = '.';
        if (mtai_strset_has(&s->abbrev, form, n + 1))
          continue;
      }
      if ((S_is_digits(d, i - 1) && mtai_tok_len(d, i - 1) <= 3) ||
          S_roman(t + pw->start, n))
        continue;
      if (pw->kind == MTAI_TOK_WORD && mtai_utf8_count(t + pw->start, n) == 1)
        continue; /* some other one-letter abbreviation */
    }
    mta_status st = mtai_finding_add(
        r, &S_rules[R_LOWER], S_rules[R_LOWER].severity, nx->start, nx->end,
        NULL,
        "sentence starts with lower-case '%.*s' after '%.*s': a sentence "
        "split in the wrong place, or a lost word",
        (int)(nx->end - nx->start), t + nx->start,
        (int)(d->toks[i].end - pw->start), t + pw->start);
    if (st)
      return st;
  }
  return MTA_OK;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  mta_status st = MTA_OK;
  for (size_t pi = 0; !st && pi < r->doc->npara; pi++)
    if (r->doc->paras[pi].kind != MTAI_PARA_BOILERPLATE)
      st = S_paragraph(state, cx, r, &r->doc->paras[pi]);
  return st;
}

const struct mta_check mtai_check_split = {
    "split-sentence", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,           S_run,   S_destroy};
