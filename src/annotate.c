/*
 * The annotation stage: facts about tokens that several checks need,
 * computed once per document after segment, before classify (which reads
 * the quotation facts) and the checks, and stored on the document
 * (d->ann, one byte per token; see internal.h):
 *
 *   - which quotation mark a punctuation token is (the project's one
 *     table of quotation marks, S_quotes below), and whether the token is
 *     exactly that mark;
 *   - whether a token stands inside a quotation (per paragraph: „…“,
 *     “…”, »…«, «…» nest, a straight '"' toggles);
 *   - whether a word is an English number word ("billion");
 *   - which paragraphs repeat an earlier one (annotate_dup.c; asked for
 *     only when the rule duplicate/paragraph is on, so that a disabled
 *     rule leaves repeats scored).
 *
 * Checks read these through mtai_tok_quote(), mtai_tok_quoted() and
 * mtai_tok_numword(); none keeps a quotation table of its own.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The quotation marks, by enum mtai_quote. Not here: the apostrophe ' and
 * the single guillemets. */
static const int32_t S_quotes[MTAI_Q__COUNT] = {
    [MTAI_Q_LOW_DOUBLE] = 0x201E,   /* „ */
    [MTAI_Q_LEFT_DOUBLE] = 0x201C,  /* “ */
    [MTAI_Q_RIGHT_DOUBLE] = 0x201D, /* ” */
    [MTAI_Q_LOW_SINGLE] = 0x201A,   /* ‚ */
    [MTAI_Q_LEFT_SINGLE] = 0x2018,  /* ‘ */
    [MTAI_Q_RIGHT_SINGLE] = 0x2019, /* ’ */
    [MTAI_Q_RAQUO] = 0x00BB,        /* » */
    [MTAI_Q_LAQUO] = 0x00AB,        /* « */
    [MTAI_Q_STRAIGHT] = '"',
};

/* English number words and their German equivalents. */
static const struct {
  const char *en, *de;
} S_number_words[] = {{"billion", "Milliarde(n)"}, {"billions", "Milliarden"},
                      {"million", "Million(en)"},  {"millions", "Millionen"},
                      {"trillion", "Billion(en)"}, {"trillions", "Billionen"},
                      {"thousand", "tausend"}};

const char *mtai_number_word_de(const char *w, size_t n) {
  for (size_t k = 0; k < sizeof S_number_words / sizeof S_number_words[0]; k++)
    if (n && w[0] == S_number_words[k].en[0] &&
        strlen(S_number_words[k].en) == n &&
        !memcmp(w, S_number_words[k].en, n))
      return S_number_words[k].de;
  return NULL;
}

/* The quotation mark code point 'c' is, or MTAI_Q_NONE. */
static unsigned S_quote_of(int32_t c) {
  for (unsigned q = 1; q < MTAI_Q__COUNT; q++)
    if (S_quotes[q] == c)
      return q;
  return MTAI_Q_NONE;
}

/* Marks the tokens of paragraph 'p' that stand inside a quotation: „ » «
 * and a “ with nothing open open one, “ ” « » close one, a straight '"'
 * toggles; the marks themselves are not inside. Quotations do not cross
 * paragraphs. */
static void S_quoted(struct mtai_doc *d, const struct mtai_paragraph *p) {
  int depth = 0, straight = 0;
  for (size_t i = p->tok_first; i < p->tok_end; i++) {
    unsigned q = d->ann[i] & MTAI_TA_QMASK;
    if (q == MTAI_Q_LOW_DOUBLE || q == MTAI_Q_RAQUO ||
        (q == MTAI_Q_LEFT_DOUBLE && depth == 0) || q == MTAI_Q_LAQUO) {
      depth++;
      continue;
    }
    if ((q == MTAI_Q_LEFT_DOUBLE || q == MTAI_Q_RIGHT_DOUBLE ||
         q == MTAI_Q_LAQUO || q == MTAI_Q_RAQUO) &&
        depth > 0) {
      depth--;
      continue;
    }
    if (q == MTAI_Q_STRAIGHT) {
      straight = !straight;
      continue;
    }
    if (depth > 0 || straight)
      d->ann[i] |= MTAI_TA_QUOTED;
  }
}

mta_status mtai_annotate(struct mtai_doc *d, unsigned what) {
  free(d->ann);
  d->ann = calloc(d->ntok + 1, 1);
  if (!d->ann)
    return MTA_ERR_NOMEM;
  for (size_t i = 0; i < d->ntok; i++) {
    const struct mtai_token *t = &d->toks[i];
    const char *w = d->text + t->start;
    size_t n = t->end - t->start;
    if (t->kind == MTAI_TOK_PUNCT) {
      size_t k = t->start;
      unsigned q = S_quote_of(mtai_utf8_next(d->text, t->end, &k));
      if (q)
        d->ann[i] = (unsigned char)(q | (k == t->end ? MTAI_TA_QEXACT : 0));
    } else if (t->kind == MTAI_TOK_WORD && mtai_number_word_de(w, n))
      d->ann[i] = MTAI_TA_NUMWORD;
  }
  for (size_t pi = 0; pi < d->npara; pi++)
    S_quoted(d, &d->paras[pi]);
  return what & MTAI_ANN_DUPS ? mtai_find_duplicates(d) : MTA_OK;
}
