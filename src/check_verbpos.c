/*
 * word-order/verb-position: in a subordinate clause the finite verb
 * belongs at the end ("..., dass die Regierung die Mittel gekürzt hat");
 * English order leaves it second ("..., dass die Regierung hat die Mittel
 * gekürzt") -- major.
 *
 * A clause opens with a subordinating conjunction (dict/de-conjunctions.txt:
 * dass, weil, ob, obwohl, wenn, nachdem, ...) and ends at the next comma,
 * semicolon, colon, dash, quotation mark or sentence end. It is reported
 * when a finite auxiliary or modal (the closed class, whose forms are
 * unambiguous) is followed by at least two words of which one is no verb
 * form, and the clause ends in an infinitive or participle: the verb
 * cluster was split. "dass er sich hat helfen lassen" (only verb forms
 * after "hat") is German and not reported.
 */
#include <stdlib.h>

#include "check.h"

static const struct mta_rule S_rules[] = {
    {"word-order/verb-position", MTAI_CAT_WORD_ORDER, MTA_SEV_MAJOR,
     "finite verb not at the end of a subordinate clause (\"dass die "
     "Regierung hat die Mittel gekürzt\")"},
};

static mta_status S_init(struct mta_auditor *a, void **out) {
  *out = a->lexicon;
  return MTA_OK;
}

static unsigned S_classes(const struct mtai_lexicon *lx,
                          const struct mtai_doc *d, size_t i) {
  if (d->toks[i].kind != MTAI_TOK_WORD)
    return 0;
  return mtai_lexicon_classes(lx, d->text + d->toks[i].start,
                              mtai_tok_len(d, i));
}

static int S_clause_end(const struct mtai_lexicon *lx,
                        const struct mtai_doc *d, size_t i) {
  /* "und"/"oder" may lead back to the main clause ("bis ... einsparen und
   * hat bereits ..."). */
  if (d->toks[i].kind == MTAI_TOK_WORD)
    return (mtai_lexicon_classes(lx, d->text + d->toks[i].start,
                                 mtai_tok_len(d, i)) &
            MTAI_LEX_CONJ_COORD) != 0;
  static const char *const ends[] = {",", ";", ":", ".", "!", "?", "\xE2\x80\x93",
                                     "-", "\xE2\x80\x9E", "\xE2\x80\x9C",
                                     "\"", "(", ")"};
  if (d->toks[i].kind != MTAI_TOK_PUNCT)
    return 0;
  for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++)
    if (mtai_tok_eq(d, i, ends[k]))
      return 1;
  return 0;
}

static mta_status S_run(void *state, struct mta_report *r) {
  const struct mtai_lexicon *lx = state;
  const struct mtai_doc *d = &r->doc;
  const unsigned verbish = MTAI_LEX_INF | MTAI_LEX_PARTICIPLE |
                           MTAI_LEX_NONFINITE | MTAI_LEX_AUX;
  for (size_t si = 0; lx && si < d->nsent; si++) {
    const struct mtai_sentence *sn = &d->sents[si];
    for (size_t i = sn->tok_first; i < sn->tok_end; i++) {
      /* Openers: a subordinating conjunction; not "als" and "wie", which
       * also compare and may take verb-second ("als wolle er ..."). Relative
       * clauses are left out: after a comma "der", "die" are as often
       * articles. */
      unsigned oc = S_classes(lx, d, i);
      if (!(oc & MTAI_LEX_CONJ_SUB) || (d->toks[i].flags & MTAI_TF_UPPER) ||
          mtai_tok_eq(d, i, "als") || mtai_tok_eq(d, i, "wie"))
        continue;
      size_t e = i + 1;
      while (e < sn->tok_end && !S_clause_end(lx, d, e))
        e++;
      /* The clause is (i, e): a finite auxiliary or modal in it, not at
       * its end, with the rest of the verb cluster at the end. */
      unsigned last = e > i + 1 ? S_classes(lx, d, e - 1) : 0;
      for (size_t v = i + 1; v + 2 < e; v++) {
        unsigned vc = S_classes(lx, d, v);
        if ((d->toks[v].flags & MTAI_TF_UPPER) || d->toks[v].kind != MTAI_TOK_WORD)
          continue;
        /* Only auxiliaries and modals: the open-class finite forms of the
         * lexicon (many generated) are too ambiguous here -- measured:
         * 11 false alarms on samples and clean texts. */
        if (!(vc & MTAI_LEX_AUX))
          continue;
        int other = 0;
        for (size_t k = v + 1; k < e; k++)
          if (!(S_classes(lx, d, k) & verbish))
            other = 1;
        if (!other)
          break;
        if (!(last & (MTAI_LEX_INF | MTAI_LEX_PARTICIPLE | MTAI_LEX_NONFINITE)))
          break;
        const struct mtai_token *t = &d->toks[v];
        mta_status st = mtai_finding_add(
            r, &S_rules[0], S_rules[0].severity, t->start, t->end, NULL,
            "'%.*s' stands second in the clause opened by '%.*s'; German "
            "puts the finite verb at the end ('... %.*s %.*s')",
            (int)(t->end - t->start), d->text + t->start,
            (int)mtai_tok_len(d, i), d->text + d->toks[i].start,
            (int)mtai_tok_len(d, e - 1), d->text + d->toks[e - 1].start,
            (int)(t->end - t->start), d->text + t->start);
        if (st)
          return st;
        break;
      }
      i = e;
    }
  }
  return MTA_OK;
}

const struct mta_check mtai_check_verbpos = {
    "verb-position", S_rules, sizeof S_rules / sizeof S_rules[0], S_init,
    S_run, NULL};
