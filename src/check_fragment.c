/*
 * split-sentence/fragment: a sentence of article prose with no finite
 * verb ("Ihre eigene militärische Zusammenarbeit.", "Doch die Verluste.")
 * -- machine translation cut a clause off its sentence -- major.
 *
 * A sentence is a fragment when none of its words is a finite verb or
 * auxiliary of the lexicon (the first word is also looked up in lower
 * case). Because the lexicon cannot know every verb, a lower-case word it
 * does not know counts as a possible verb and the sentence is left alone.
 *
 * Not reported, where verbless sentences are normal German: headings and
 * boilerplate (paragraph kinds), a paragraph of one sentence (captions,
 * datelines, bylines, one-line teasers), sentences of fewer than three
 * words, sentences not ending in a full stop (questions, exclamations,
 * list leads ending in a colon), sentences inside or containing a
 * quotation or a colon ("Die Aussichten: Regen und Schnee."), the answer to a
 * question (the sentence before ends in '?'), items after a colon, list
 * items (starting with a dash, bullet or number), and the stylistic
 * verbless sentences of spoken and feature prose: a comment of an
 * indefinite article, adjectives and a noun ("Ein wunderschönes Land."),
 * a negated ellipsis ("Ohne Wasser kein Leben.") and enumerations
 * ("Erstens die Kosten.").
 */
#include <string.h>

#include "check.h"

static const struct mta_rule S_rules[] = {
    {.id = "split-sentence/fragment",
     .category = MTAI_CAT_SPLIT_SENTENCE,
     .severity = MTA_SEV_MAJOR,
     .summary = "a sentence without a finite verb (\"Ihre eigene militärische "
                "Zusammenarbeit.\")",
     .explanation =
         "A sentence of article prose with no finite verb ('Ihre eigene "
         "militärische Zusammenarbeit.'): machine translation cut a clause "
         "off its sentence. Not reported in headings, one-sentence paragraphs "
         "(captions, datelines), quotations, after a question or a colon, in "
         "list items, short comments ('Ein wunderschönes Land.', 'Ohne Wasser "
         "kein Leben.'), enumerations ('Erstens die Kosten.'), or for "
         "sentences under three words. Join the fragment "
         "to its sentence or give it a verb.",
     .wrong =
         "Beide Länder vertiefen ihre Beziehungen. Ihre eigene militärische "
         "Zusammenarbeit. Der Westen reagiert besorgt.",
     .right = "Beide Länder vertiefen ihre Beziehungen. Auch ihre militärische "
              "Zusammenarbeit wächst. Der Westen reagiert besorgt."},
};

/* 1 when token 'i' is a quotation mark (any of them, alone). */
static int S_is_quote(struct mtai_doc *d, size_t i) {
  return mtai_tok_quote_exact(d, i) != MTAI_Q_NONE;
}

/* Last token of sentence 'sn' that is no quotation mark or bracket. */
static int S_ends_with(struct mtai_doc *d, const struct mtai_sentence *sn,
                       const char *p) {
  size_t e = sn->tok_end;
  while (e > sn->tok_first &&
         (S_is_quote(d, e - 1) || mtai_tok_eq(d, e - 1, ")")))
    e--;
  return e > sn->tok_first && mtai_tok_eq(d, e - 1, p);
}

/* Classes of word token 'i', in lower case when 'lower' is set. */
static unsigned S_classes(struct mtai_lexicon *lx, struct mtai_doc *d, size_t i,
                          int lower) {
  return mtai_tok_classes(lx, d, i, lower);
}

/* 1 when sentence 'sn' has a finite verb, or a word that may be one. */
static int S_has_verb(struct mtai_lexicon *lx, struct mtai_doc *d,
                      const struct mtai_sentence *sn) {
  const unsigned fin = MTAI_LEX_FINITE | MTAI_LEX_AUX;
  int first = 1;
  for (size_t i = sn->tok_first; i < sn->tok_end; i++) {
    const struct mtai_token *t = &d->toks[i];
    if (t->kind != MTAI_TOK_WORD)
      continue;
    if (first) {
      first = 0;
      if (S_classes(lx, d, i, 1) & fin)
        return 1;
    }
    if (t->flags & MTAI_TF_UPPER)
      continue; /* nouns and names mid-sentence */
    unsigned c = S_classes(lx, d, i, 0);
    /* An adjective before a noun is attributive ("in den überfüllten
     * Lagern"), whatever verb form it also spells. */
    if ((c & MTAI_LEX_ADJ) && i + 1 < sn->tok_end &&
        d->toks[i + 1].kind == MTAI_TOK_WORD &&
        (d->toks[i + 1].flags & MTAI_TF_UPPER))
      continue;
    if (!c || (c & fin))
      return 1;
  }
  return 0;
}

/* 1 when verbless sentence 'sn' is a stylistic one of spoken and feature
 * prose, not a piece cut off a sentence: a comment of an indefinite or
 * negative article, adjectives and one noun, nothing more ("Ein
 * wunderschönes Land.", "Eine faszinierende Vorstellung."), a negated
 * ellipsis ("Ohne Wasser kein Leben.") or an item of an enumeration by
 * ordinal adverbs ("Zweitens die Zeit.", "Und drittens die Angst."). A
 * piece of a cut sentence may start with any article or an adjective,
 * but goes on ("Eine Lücke im Haushalt von 17 Milliarden Euro.", "Ihre
 * eigene militärische Zusammenarbeit."). */
static int S_stylistic(struct mtai_lexicon *lx, struct mtai_doc *d,
                       const struct mtai_sentence *sn) {
  static const char *const indef[] = {"Ein",    "Eine",   "Einen",  "Einem",
                                      "Einer",  "Eines",  "Kein",   "Keine",
                                      "Keinen", "Keinem", "Keiner", "Keines"};
  size_t i = sn->tok_first, last = sn->tok_end;
  while (last > i && d->toks[last - 1].kind != MTAI_TOK_WORD)
    last--;
  for (size_t k = 0; k < sizeof indef / sizeof indef[0]; k++) {
    if (!mtai_tok_eq(d, i, indef[k]))
      continue;
    /* article, lower-case adjectives, the noun last */
    size_t j = i + 1;
    while (j + 1 < last && d->toks[j].kind == MTAI_TOK_WORD &&
           !(d->toks[j].flags & MTAI_TF_UPPER) &&
           (S_classes(lx, d, j, 0) & MTAI_LEX_ADJ))
      j++;
    return j + 1 == last && j > i + 1 && (d->toks[j].flags & MTAI_TF_UPPER);
  }
  /* A negated ellipsis anywhere ("Ohne Wasser kein Leben."). */
  static const char *const neg[] = {"kein",   "keine",  "keinen",
                                    "keinem", "keiner", "keines"};
  for (size_t j = i + 1; j < sn->tok_end; j++)
    for (size_t k = 0; k < sizeof neg / sizeof neg[0]; k++)
      if (mtai_tok_eq(d, j, neg[k]))
        return 1;
  /* An enumeration by ordinal adverbs ("Erstens die Kosten.", "Und
   * drittens die Angst."): -tens, after a conjunction too. */
  size_t a = i;
  if (a + 1 < sn->tok_end && (S_classes(lx, d, a, 1) & MTAI_LEX_CONJ_COORD))
    a++;
  size_t an = mtai_tok_len(d, a);
  return d->toks[a].kind == MTAI_TOK_WORD && an >= 6 &&
         !memcmp(d->text + d->toks[a].end - 4, "tens", 4);
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  struct mtai_lexicon *lx = cx->lexicon;
  (void)state;
  struct mtai_doc *d = r->doc;
  for (size_t pi = 0; lx && pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    if (p->kind != MTAI_PARA_TEXT || p->sent_end - p->sent_first < 2)
      continue;
    int in_quote = 0; /* quotation marks seen so far in the paragraph, odd */
    for (size_t si = p->sent_first; si < p->sent_end; si++) {
      const struct mtai_sentence *sn = &d->sents[si];
      int quoted = in_quote;
      size_t words = 0;
      for (size_t i = sn->tok_first; i < sn->tok_end; i++) {
        if (S_is_quote(d, i)) {
          quoted = 1;
          in_quote = !in_quote;
        }
        if (d->toks[i].kind != MTAI_TOK_PUNCT)
          words++;
        else if (mtai_tok_eq(d, i, ":"))
          quoted = 1; /* a label or list: "Erstens: eine ..." */
      }
      if (quoted || words < 3 || !S_ends_with(d, sn, "."))
        continue;
      if (si > p->sent_first && (S_ends_with(d, &d->sents[si - 1], "?") ||
                                 S_ends_with(d, &d->sents[si - 1], ":")))
        continue;
      const struct mtai_token *t0 = &d->toks[sn->tok_first];
      if (t0->kind != MTAI_TOK_WORD || S_stylistic(lx, d, sn) ||
          S_has_verb(lx, d, sn))
        continue;
      mta_status st = mtai_finding_add(
          r, &S_rules[0], S_rules[0].severity, sn->start, sn->end, NULL,
          "this sentence has no finite verb; it may be a piece of the "
          "sentence before it, cut off in translation");
      if (st)
        return st;
    }
  }
  return MTA_OK;
}

const struct mta_check mtai_check_fragment = {
    "fragment", S_rules, sizeof S_rules / sizeof S_rules[0], NULL, S_run, NULL};
