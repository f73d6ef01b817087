/*
 * Sentences that machine translation split in the wrong place:
 *
 *   split-sentence/lowercase-start  a sentence that starts with a lower-case
 *                                   letter after terminal punctuation
 *                                   ("... geschickt. sagen Beamte.") - major
 *   split-sentence/initial          a name cut off at a middle initial, the
 *                                   sentence going on without the surname
 *                                   ("mit Präsident Wladimir V. zu
 *                                   sprechen") - major
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

static const struct mta_rule S_rules[] = {
    {.id = "split-sentence/lowercase-start",
     .category = MTAI_CAT_SPLIT_SENTENCE,
     .severity = MTA_SEV_MAJOR,
     .summary = "a sentence starts with a lower-case word after a full stop",
     .explanation =
         "A sentence that starts with a lower-case word after a full stop: "
         "machine translation broke one English sentence in two, typically "
         "before a reporting clause ('…, officials say'). Not reported after "
         "abbreviations ('z. B. die') and ordinals ('am 3. oder 4. Oktober'), "
         "in an ellipsis, inside URLs, or before words written lower case by "
         "design (iPhone, eBay). Join the sentences or restore the capital.",
     .wrong = "Die Waffen seien bereits auf den Weg geschickt. sagen Beamte in "
              "Washington.",
     .right = "Die Waffen seien bereits auf den Weg geschickt, sagen Beamte in "
              "Washington."},
    {.id = "split-sentence/initial",
     .category = MTAI_CAT_SPLIT_SENTENCE,
     .severity = MTA_SEV_MAJOR,
     .summary = "a name cut off after its middle initial (\"Wladimir V. zu "
                "sprechen\")",
     .explanation =
         "A name cut off after its middle initial, the sentence running on "
         "without the surname ('mit Präsident Wladimir V. zu sprechen'). "
         "Machine translation took the initial's period for the end of a "
         "sentence and lost the rest of the name. A complete name with an "
         "initial is an english-leftover/initial finding instead; restore the "
         "surname and drop the initial.",
     .wrong =
         "Kim reiste nach Moskau, um mit Präsident Wladimir V. zu sprechen.",
     .right = "Kim reiste nach Moskau, um mit Präsident Wladimir Putin zu "
              "sprechen."},
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

static mta_status S_paragraph(struct S_state *s, struct mtai_findings *r,
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
       * "i. d. R."), but only after a capitalized first name. */
      if (pw->kind == MTAI_TOK_WORD && (pw->flags & MTAI_TF_UPPER) &&
          mtai_utf8_count(t + pw->start, n) == 1 && i >= p->tok_first + 2) {
        const struct mtai_token *first = &d->toks[i - 2];
        if (first->kind == MTAI_TOK_WORD && (first->flags & MTAI_TF_UPPER) &&
            !(first->flags & MTAI_TF_ALLCAPS) && mtai_tok_len(d, i - 2) >= 3 &&
            (pw->flags & MTAI_TF_SPACE_BEFORE)) {
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
  (void)cx;
  mta_status st = MTA_OK;
  for (size_t pi = 0; !st && pi < r->doc->npara; pi++)
    if (r->doc->paras[pi].kind != MTAI_PARA_BOILERPLATE)
      st = S_paragraph(state, r, &r->doc->paras[pi]);
  return st;
}

const struct mta_check mtai_check_split = {
    "split-sentence", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,           S_run,   S_destroy};
