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
 *
 * split-sentence/verb-start: the second half of such a split, a sentence
 * that starts with a capitalized finite verb right after a verbless one
 * of the same paragraph ("Die Gespräche in Moskau. Endeten ohne
 * Ergebnis.") -- major, reported on the verb, the split point, and
 * instead of the fragment finding for the first half (one error, one
 * finding). The subject stayed in the first half, so the second has none
 * of its own. Not reported: questions, a subject pronoun after the verb
 * (an imperative "Lesen Sie ...", a verb-first conditional "Sollte es
 * regnen, ...", "Fragt man ..."), a verb-first conditional with its main
 * clause after the comma ("Steigen die Zinsen weiter, wird ..."), a
 * nominalized infinitive or a fronted participle followed by a finite
 * verb ("Laufen ist gesund.", "Verletzt wurde niemand."), and a first half
 * that is a question, ends in a colon, lies inside a quotation or is a
 * single word.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "split-sentence/fragment",
     .category = MTAI_CAT_SPLIT_SENTENCE,
     .severity = MTA_SEV_MAJOR,
     .summary =
         N_("a sentence without a finite verb (\"Ihre eigene militärische "
            "Zusammenarbeit.\")"),
     .explanation = N_(
         "A sentence of article prose with no finite verb ('Ihre eigene "
         "militärische Zusammenarbeit.'): machine translation cut a clause "
         "off its sentence. Not reported in headings, one-sentence paragraphs "
         "(captions, datelines), quotations, after a question or a colon, in "
         "list items, short comments ('Ein wunderschönes Land.', 'Ohne Wasser "
         "kein Leben.'), enumerations ('Erstens die Kosten.'), or for "
         "sentences under three words. Join the fragment "
         "to its sentence or give it a verb."),
     .wrong =
         "Beide Länder vertiefen ihre Beziehungen. Ihre eigene militärische "
         "Zusammenarbeit. Der Westen reagiert besorgt.",
     .right = "Beide Länder vertiefen ihre Beziehungen. Auch ihre militärische "
              "Zusammenarbeit wächst. Der Westen reagiert besorgt."},
    {.id = "split-sentence/verb-start",
     .category = MTAI_CAT_SPLIT_SENTENCE,
     .severity = MTA_SEV_MAJOR,
     .summary =
         N_("a sentence starts with its finite verb after a verbless one "
            "(\"Die Gespräche in Moskau. Endeten ohne Ergebnis.\")"),
     .explanation = N_(
         "A sentence that starts with a capitalized finite verb right after a "
         "sentence without one ('Die Gespräche in Moskau. Endeten ohne "
         "Ergebnis.'): machine translation put a full stop between the "
         "subject and its verb. The verb is the split point; the first half "
         "is not reported as a fragment as well. Not reported: questions, "
         "imperatives ('Lesen Sie ...'), verb-first conditionals ('Sollte es "
         "regnen, ...', 'Steigen die Zinsen, wird ...'), nominalized "
         "infinitives and fronted participles ('Laufen ist gesund.', "
         "'Verletzt wurde niemand.'). Join the two halves."),
     .wrong = "Die Gespräche in Moskau. Endeten ohne Ergebnis.",
     .right = "Die Gespräche in Moskau endeten ohne Ergebnis."},
};

enum { R_FRAGMENT, R_VERB_START };

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

/* 1 when sentence 'sn' has a quotation mark. */
static int S_quote_in(struct mtai_doc *d, const struct mtai_sentence *sn) {
  for (size_t i = sn->tok_first; i < sn->tok_end; i++)
    if (S_is_quote(d, i))
      return 1;
  return 0;
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

/* The capitalized finite verb that opens sentence 'sn', the second half
 * of a split (see the top of the file): its token, or SIZE_MAX. */
static size_t S_split_verb(struct mtai_lexicon *lx, struct mtai_doc *d,
                           const struct mtai_sentence *sn) {
  static const char *const pron[] = {"Sie", "sie", "es",  "er",  "man", "wir",
                                     "ich", "du",  "ihr", "Ihr", NULL};
  size_t v = sn->tok_first;
  const struct mtai_token *t = &d->toks[v];
  if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
      (t->flags & (MTAI_TF_ALLCAPS | MTAI_TF_HYPHEN)) || v + 2 >= sn->tok_end ||
      S_ends_with(d, sn, "?") || S_ends_with(d, sn, ":"))
    return SIZE_MAX;
  const unsigned fin = MTAI_LEX_FINITE | MTAI_LEX_AUX;
  unsigned c = S_classes(lx, d, v, 1);
  if (!(c & fin) ||
      (c & (MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP | MTAI_LEX_CONJ_COORD |
            MTAI_LEX_CONJ_SUB | MTAI_LEX_ADV_CONJ | MTAI_LEX_ADV)))
    return SIZE_MAX;
  /* A weak verb's preterite is an inflected participle too: before a
   * noun it is the adjective ("Vereinbarte Ziele gelten ..."). */
  if ((c & MTAI_LEX_ADJ) && d->toks[v + 1].kind == MTAI_TOK_WORD &&
      (d->toks[v + 1].flags & MTAI_TF_UPPER))
    return SIZE_MAX;
  /* A subject pronoun after the verb: imperative, question, verb-first
   * conditional ("Lesen Sie", "Sollte es regnen", "Fragt man"). */
  for (size_t k = 0; pron[k]; k++)
    if (mtai_tok_eq(d, v + 1, pron[k]))
      return SIZE_MAX;
  int ambiguous = (c & (MTAI_LEX_INF | MTAI_LEX_PARTICIPLE)) != 0;
  for (size_t i = v + 1; i < sn->tok_end; i++) {
    /* A conditional's main clause: "Steigen die Zinsen, wird ...". */
    if (mtai_tok_eq(d, i, ",") && i + 1 < sn->tok_end &&
        d->toks[i + 1].kind == MTAI_TOK_WORD &&
        !(d->toks[i + 1].flags & MTAI_TF_UPPER) &&
        (S_classes(lx, d, i + 1, 0) & fin) &&
        !(S_classes(lx, d, i + 1, 0) &
          (MTAI_LEX_CONJ_SUB | MTAI_LEX_RELPRON | MTAI_LEX_PRON | MTAI_LEX_DET |
           MTAI_LEX_PREP)))
      return SIZE_MAX;
    /* A nominalized infinitive or fronted participle and the finite
     * verb ("Laufen ist gesund.", "Verletzt wurde niemand."). */
    if (ambiguous && d->toks[i].kind == MTAI_TOK_WORD &&
        !(d->toks[i].flags & MTAI_TF_UPPER)) {
      unsigned ic = S_classes(lx, d, i, 0);
      if ((ic & MTAI_LEX_AUX) ||
          ((ic & MTAI_LEX_FINITE) &&
           !(ic & (MTAI_LEX_INF | MTAI_LEX_PARTICIPLE | MTAI_LEX_ADJ))))
        return SIZE_MAX;
    }
  }
  return v;
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
      if (quoted || words < 2 || !S_ends_with(d, sn, "."))
        continue;
      if (si > p->sent_first && (S_ends_with(d, &d->sents[si - 1], "?") ||
                                 S_ends_with(d, &d->sents[si - 1], ":")))
        continue;
      const struct mtai_token *t0 = &d->toks[sn->tok_first];
      if (t0->kind != MTAI_TOK_WORD || S_has_verb(lx, d, sn))
        continue;
      /* The next sentence opens with the verb this one lacks: the split
       * point, reported instead of the fragment. */
      /* Two words only as an article and its noun ("Die Bahn."). */
      int short_ok =
          words >= 3 || ((S_classes(lx, d, sn->tok_first, 1) & MTAI_LEX_DET) &&
                         (d->toks[sn->tok_first + 1].flags & MTAI_TF_UPPER));
      size_t v = si + 1 < p->sent_end && short_ok &&
                         !(t0->flags & MTAI_TF_ALLCAPS) &&
                         !S_quote_in(d, &d->sents[si + 1])
                     ? S_split_verb(lx, d, &d->sents[si + 1])
                     : SIZE_MAX;
      if (v != SIZE_MAX) {
        const struct mtai_token *vt = &d->toks[v];
        mta_status st = mtai_finding_add(
            r, &S_rules[R_VERB_START], S_rules[R_VERB_START].severity,
            vt->start, vt->end, NULL,
            "the sentence starts with its finite verb '%.*s' after a "
            "sentence without one: one sentence split in two; join them",
            (int)(vt->end - vt->start), d->text + vt->start);
        if (st)
          return st;
        continue;
      }
      if (words < 3 || S_stylistic(lx, d, sn))
        continue;
      mta_status st = mtai_finding_add(
          r, &S_rules[R_FRAGMENT], S_rules[R_FRAGMENT].severity, sn->start,
          sn->end, NULL,
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
