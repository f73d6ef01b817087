/*
 * garbled/capitalized-word: a word capitalized in mid-sentence that German
 * writes in lower case there -- a conjunction, pronoun, preposition,
 * auxiliary, adverb or numeral (dict/de-adverbs.txt), a finite verb that
 * is not also the infinitive, or an adjective ("Er sagte Und dass ...",
 * "Paul Sohn Er steuerte ...", "... gehört Geben Trotz des Krieges").
 * Translated hyperlinks and broken segment joins leave these behind.
 *
 * Mid-sentence means: a word or a comma directly before it, not an
 * opening quotation mark, colon or dash, where a new sentence may begin.
 * Not reported: the formal pronouns (Sie, Ihr, Ihnen, Ihre ...), words
 * that are also capitalized nouns or noun forms ("Trotz", "Geben",
 * "Wegen", "Rot") after their article, adjective or preposition, and
 * elsewhere unless they stand right before an article or a capitalized
 * word after a finite verb, names (dict/names.txt) and acronyms, a word
 * before a surname (a first name: "Will Smith"; not conjunctions),
 * nominalized adjectives after a quantifier ("etwas völlig Neues") or
 * in the neuter -es ("war Folgendes"), the first word of a title after
 * the noun that introduces it (dict/name-introducers.txt: "der Film Vom
 * Winde verweht"). The word classes come from the lexicon (lexicon.c).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const struct mta_rule S_rules[] = {
    {.id = "garbled/capitalized-word",
     .category = MTAI_CAT_GARBLED,
     .severity = MTA_SEV_MAJOR,
     .summary =
         "a function word or verb capitalized in mid-sentence (\"Er sagte Und "
         "dass\")",
     .explanation =
         "A conjunction, pronoun, preposition, auxiliary, adverb, numeral, "
         "finite verb or adjective capitalized in mid-sentence ('Er sagte Und "
         "dass'). Translated hyperlinks and broken segment joins leave such "
         "words behind. Not reported: formal Sie/Ihr, names and first names "
         "before a surname ('Will Smith'), nouns ('Rot, Gelb und Blau', 'auf "
         "geraden Wegen'), nominalizations after an article, preposition or "
         "quantifier ('das Geben', 'etwas völlig Neues'), adjectives opening "
         "a name ('im Kalten Krieg'), or after a colon, dash or opening "
         "quote. "
         "Repair the sentence around the word.",
     .wrong = "Er sagte Und dass die Lieferungen weitergehen würden.",
     .right = "Er sagte, dass die Lieferungen weitergehen würden."},
};

static int S_formal(const char *w, size_t n) {
  static const char *const f[] = {"Sie",   "Ihr",   "Ihnen", "Ihre",
                                  "Ihren", "Ihrem", "Ihrer", "Ihres"};
  for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
    if (strlen(f[k]) == n && !memcmp(w, f[k], n))
      return 1;
  return 0;
}

/* Classes of the lower-case form of token 'i'. */
static unsigned S_lower_classes(const struct mtai_check_ctx *s,
                                struct mtai_doc *d, size_t i) {
  return mtai_tok_classes(s->lexicon, d, i, 1);
}

/* 1 when token 'k' is a lower-case finite verb, or a lower-case pronoun
 * right after one. */
static int S_finite_before(const struct mtai_check_ctx *s, struct mtai_doc *d,
                           const struct mtai_sentence *sn, size_t k) {
  for (int step = 0; step < 2 && k >= sn->tok_first; step++, k--) {
    const struct mtai_token *t = &d->toks[k];
    if (t->kind != MTAI_TOK_WORD || (t->flags & MTAI_TF_UPPER))
      return 0;
    unsigned c = mtai_tok_classes(s->lexicon, d, k, 0);
    if (c & MTAI_LEX_FINITE)
      return 1;
    if (!(c & MTAI_LEX_PRON) || k == sn->tok_first)
      return 0;
  }
  return 0;
}

/* 1 when capitalized token 'i' is a name, or a word neither dictionary
 * nor the lexicon knows: a surname after a first name. */
static int S_name_next(const struct mtai_check_ctx *s, struct mtai_doc *d,
                       size_t i) {
  const struct mtai_token *t = &d->toks[i];
  const char *w = d->text + t->start;
  size_t n = t->end - t->start;
  if (t->flags & (MTAI_TF_ALLCAPS | MTAI_TF_HYPHEN))
    return 0;
  if (s->speller && mtai_speller_is_name(s->speller, w, n))
    return 1;
  return s->speller &&
         mtai_speller_check(s->speller, w, n) == MTAI_SPELL_UNKNOWN &&
         !mtai_tok_classes(s->lexicon, d, i, 0) &&
         !mtai_lexicon_noun_form(s->lexicon, w, n);
}

/* 1 when capitalized token 'i' and another capitalized word are joined by
 * "und" or "oder" ("Wenn und Aber"). */
static int S_paired(struct mtai_doc *d, const struct mtai_sentence *sn,
                    size_t i) {
  for (int dir = -1; dir <= 1; dir += 2) {
    size_t c = i + (size_t)dir, o = i + 2 * (size_t)dir;
    if (dir < 0 ? i < sn->tok_first + 2 : i + 2 >= sn->tok_end)
      continue;
    if ((mtai_tok_eq(d, c, "und") || mtai_tok_eq(d, c, "oder")) &&
        d->toks[o].kind == MTAI_TOK_WORD && (d->toks[o].flags & MTAI_TF_UPPER))
      return 1;
  }
  return 0;
}

/* 1 when token 'i' follows a determiner or an indefinite pronoun of
 * quantity ("etwas", "nichts", "viel", "alles") with only adverbs and
 * uninflected adjectives between ("etwas völlig Neues", "nichts wirklich
 * Gutes"); a personal pronoun is no such head ("für uns sehr
 * Angespannt"). */
static int S_quantified(const struct mtai_check_ctx *s, struct mtai_doc *d,
                        const struct mtai_sentence *sn, size_t i) {
  static const char *const q[] = {"etwas",   "nichts",   "alles",      "genug",
                                  "mehr",    "allerlei", "einiges",    "vieles",
                                  "manches", "weniges",  "irgendetwas"};
  for (size_t k = i; k-- > sn->tok_first;) {
    const struct mtai_token *t = &d->toks[k];
    if (t->kind != MTAI_TOK_WORD || (t->flags & MTAI_TF_UPPER))
      return 0;
    unsigned c = mtai_tok_classes(s->lexicon, d, k, 0);
    if ((c & MTAI_LEX_DET) && !(c & MTAI_LEX_PRON))
      return 1;
    for (size_t j = 0; j < sizeof q / sizeof q[0]; j++)
      if (mtai_tok_eq(d, k, q[j]))
        return 1;
    if (!(c & (MTAI_LEX_ADV | MTAI_LEX_ADJ)))
      return 0;
  }
  return 0;
}

/* 1 for a strong neuter adjective ending, -es, which a capitalized word
 * has as a nominalization ("Folgendes", "Neues"), not as a garbled
 * adjective (those end a predicate, uninflected). */
static int S_neuter(const char *w, size_t n) {
  return n > 4 && !memcmp(w + n - 2, "es", 2);
}

/* The nouns that introduce a name or title (dict/name-introducers.txt:
 * "der Film", "die Partei", "das Buch"), whose next word starts the
 * title whatever its class ("der Film Vom Winde verweht"). */
struct S_state {
  struct mtai_strset intro;
};

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  (void)cx;
  struct S_state *st = calloc(1, sizeof *st);
  *out = st;
  if (!st)
    return MTA_ERR_NOMEM;
  mtai_strset_init(&st->intro);
  return mtai_strset_load(&st->intro, "name-introducers.txt");
}

static void S_destroy(void *p) {
  struct S_state *st = p;
  if (!st)
    return;
  mtai_strset_free(&st->intro);
  free(st);
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  const struct mtai_check_ctx *s = cx;
  const struct S_state *g = state;
  struct mtai_doc *d = r->doc;
  const unsigned closed = MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB |
                          MTAI_LEX_PRON | MTAI_LEX_PREP | MTAI_LEX_AUX |
                          MTAI_LEX_ADV;
  for (size_t si = 0; s->lexicon && si < d->nsent; si++) {
    const struct mtai_sentence *sn = &d->sents[si];
    if (d->paras[sn->para].kind == MTAI_PARA_BOILERPLATE)
      continue; /* site chrome: not translated prose */
    for (size_t i = sn->tok_first + 1; i < sn->tok_end; i++) {
      const struct mtai_token *t = &d->toks[i], *pv = &d->toks[i - 1];
      if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
          (t->flags & MTAI_TF_ALLCAPS) || (t->flags & MTAI_TF_HYPHEN))
        continue;
      /* Mid-sentence: after a word, or after a comma. */
      if (!(pv->kind == MTAI_TOK_WORD || mtai_tok_eq(d, i - 1, ",")))
        continue;
      const char *w = d->text + t->start;
      size_t n = t->end - t->start;
      if (S_formal(w, n) ||
          (s->speller && mtai_speller_is_name(s->speller, w, n)))
        continue;
      /* The first word of a title after its noun ("der Film Vom Winde
       * verweht", "das Lied Über den Wolken"). */
      if (pv->kind == MTAI_TOK_WORD &&
          mtai_strset_has(&g->intro, d->text + pv->start, pv->end - pv->start))
        continue;
      /* Inside an English name ("Institute for the Study of War"): the
       * word before is English, not German. */
      if (s->speller && pv->kind == MTAI_TOK_WORD &&
          mtai_speller_check(s->speller, d->text + pv->start,
                             pv->end - pv->start) == MTAI_SPELL_UNKNOWN &&
          mtai_speller_english(s->speller, d->text + pv->start,
                               pv->end - pv->start))
        continue;
      unsigned low = S_lower_classes(s, d, i);
      unsigned cap = mtai_tok_classes(s->lexicon, d, i, 0);
      unsigned prev =
          pv->kind == MTAI_TOK_WORD ? S_lower_classes(s, d, i - 1) : 0;
      int next_cap = i + 1 < sn->tok_end &&
                     d->toks[i + 1].kind == MTAI_TOK_WORD &&
                     (d->toks[i + 1].flags & MTAI_TF_UPPER);
      /* Articles start titles and names ("die Partei Die Linke"). */
      /* Verbs: finite forms that are not also the infinitive, which German
       * nominalizes freely ("liefert Wissen"). */
      int verb = (low & MTAI_LEX_FINITE) && !(low & MTAI_LEX_INF);
      if ((low & MTAI_LEX_DET) ||
          !((low & (closed | MTAI_LEX_ADJ | MTAI_LEX_PARTICIPLE)) || verb))
        continue;
      /* A first name before a surname ("Will Smith", "Man Ray"): the next
       * word is a name, or no German word at all. First names are verbs or
       * pronouns in German or English, never conjunctions, prepositions or
       * adverbs: "sagte Und Putin", "das Treffen Mit Selenskyj", "müsse
       * Jetzt Kiew helfen" are garbled. */
      if (next_cap &&
          !(low & (MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB | MTAI_LEX_PREP |
                   MTAI_LEX_ADV | MTAI_LEX_ADV_CONJ)) &&
          S_name_next(s, d, i + 1))
        continue;
      /* Function words paired as nouns ("ohne Wenn und Aber", "das Für
       * und Wider", "Auf und Ab"). */
      if (S_paired(d, sn, i))
        continue;
      int noun =
          (cap & MTAI_LEX_NOUN) || mtai_lexicon_noun_form(s->lexicon, w, n);
      if (!(low & closed)) {
        /* An adjective or verb: garbled when it is no noun, follows no
         * article or preposition (nominalized: "der Neue", "beim
         * Waschen"), and starts no name ("im Kalten Krieg", "die
         * Vereinigten Staaten"). A nominalized adjective also follows a
         * quantifier, through adverbs ("etwas völlig Neues", "nichts
         * Besonderes"), or stands alone in the neuter ("war Folgendes"). */
        if (noun || next_cap ||
            (prev &
             (MTAI_LEX_DET | MTAI_LEX_PREP | MTAI_LEX_ADJ | MTAI_LEX_PRON |
              MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB)) ||
            S_quantified(s, d, sn, i) || S_neuter(w, n))
          continue;
      } else if (noun &&
                 (prev & (MTAI_LEX_DET | MTAI_LEX_ADJ | MTAI_LEX_PREP)) &&
                 !(d->toks[i - 1].flags & MTAI_TF_UPPER)) {
        continue; /* a noun after its article, adjective or preposition:
                     "auf geraden Wegen", "auf die Links" */
      } else if (cap & MTAI_LEX_NOUN) {
        /* "Trotz" is a noun too; garbled only right after a finite verb
         * and before an article ("gehört Geben Trotz des Krieges"). */
        /* (or after a finite verb and a pronoun: "haben sich Aus der") */
        int after_verb = S_finite_before(s, d, sn, i - 1);
        int before_det =
            i + 1 < sn->tok_end &&
            (mtai_tok_classes(s->lexicon, d, i + 1, 0) & MTAI_LEX_DET) &&
            !(d->toks[i + 1].flags & MTAI_TF_UPPER);
        /* A conjunction or pronoun that is also a rare noun ("die Oder",
         * "das Ich", "ohne Wenn und Aber"), outside a noun's context and
         * followed by the lower-case rest of a clause: the function word
         * ("sagte Oder dass", "sagte, Ich werde"). */
        int function =
            (low & (MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB | MTAI_LEX_PRON)) &&
            !(low &
              (MTAI_LEX_PREP | MTAI_LEX_ADV | MTAI_LEX_AUX | MTAI_LEX_DET)) &&
            i + 1 < sn->tok_end && d->toks[i + 1].kind == MTAI_TOK_WORD &&
            !(d->toks[i + 1].flags & MTAI_TF_UPPER) &&
            !(mtai_tok_classes(s->lexicon, d, i + 1, 0) & MTAI_LEX_CONJ_COORD);
        if (!function && !(after_verb && before_det && (low & MTAI_LEX_PREP)))
          continue;
      }
      mta_status st = mtai_finding_add(
          r, &S_rules[0], S_rules[0].severity, t->start, t->end, NULL,
          "'%.*s' is capitalized in mid-sentence; German writes it in lower "
          "case here (a garbled join, or a lost sentence boundary?)",
          (int)n, w);
      if (st)
        return st;
    }
  }
  return MTA_OK;
}

const struct mta_check mtai_check_garbled = {
    "garbled", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,    S_run,   S_destroy};
