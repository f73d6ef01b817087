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
 *
 * Link text translated on its own (issue 15): a bare capitalized
 * infinitive, which could be a nominalization, is reported where no noun
 * phrase may stand -- right after the verb that closes a clause ("...,
 * die Herrn Putin gehört Geben Trotz des Exportverbots"), between a noun
 * and a noun phrase ("Hacker Waschen Gestohlenes Geld"), or as the only
 * verb of its clause ("Die Preise Steigen seit Monaten."), or where the
 * infinitive of a modal or of werden belongs at the clause's end
 * ("sollen Verhindern den Zugang", "dass sie Zahlungen Zurückhalten
 * werde,") -- and so is a capitalized attributive adjective before a
 * noun after such a verb, in such a run, or after a noun, verb or
 * conjunction with no article or preposition ("fand im Laderaum
 * Verbotene Bauteile"), unless it may start a name or fixed term
 * (dict/garbled-name-adjectives.txt, -isch, -al: "Deutsche Bank", "Erste
 * Hilfe", "Künstliche Intelligenz"; a title after it, a third capitalized
 * word). Not after a noun whose apposition it is (dict/garbled-heads.txt:
 * "beim Thema Heizen"), not before "zu" ("begann Schwimmen zu lernen").
 * Also reported: "Sie" opening a clause before a verb in the singular
 * ("sagte, Sie wolle"), a demonstrative or a cardinal before its noun
 * with no article ("halten Diese Maßnahmen", "nach Angaben Zwei
 * Drohnen"). A run of reported words is one finding.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "garbled/capitalized-word",
     .category = MTAI_CAT_GARBLED,
     .severity = MTA_SEV_MAJOR,
     .summary = N_(
         "a function word or verb capitalized in mid-sentence (\"Er sagte Und "
         "dass\")"),
     .explanation = N_(
         "A conjunction, pronoun, preposition, auxiliary, adverb, numeral, "
         "finite verb or adjective capitalized in mid-sentence ('Er sagte Und "
         "dass'), or a bare capitalized infinitive or attributive adjective "
         "where no noun phrase may stand: after the verb that closes a "
         "clause ('die Herrn Putin gehört Geben Trotz des Verbots'), between "
         "two nouns ('Hacker Waschen Gestohlenes Geld'), as the only verb "
         "of its clause ('Die Preise Steigen seit Monaten') or where a "
         "modal's infinitive belongs at the end ('sollen Verhindern den "
         "Zugang'); an attributive adjective before a noun with no article "
         "('fand Verbotene Bauteile'). Translated "
         "hyperlinks and broken segment joins leave such words behind. Not "
         "reported: formal Sie/Ihr, names and first names "
         "before a surname ('Will Smith'), nouns ('Rot, Gelb und Blau', 'auf "
         "geraden Wegen'), nominalizations after an article, preposition or "
         "quantifier ('das Geben', 'etwas völlig Neues'), nominalized "
         "infinitives as subject or object ('Kinder lieben Malen', 'beim "
         "Thema Heizen'), adjectives opening "
         "a name or fixed term ('im Kalten Krieg', 'Deutsche Bank', 'Erste "
         "Hilfe'), or after a colon, dash or opening "
         "quote. "
         "Repair the sentence around the word."),
     .wrong = "Er sagte Und dass die Lieferungen weitergehen würden.",
     .right = "Er sagte, dass die Lieferungen weitergehen würden."},
};

static int S_formal(const char *w, size_t n) {
  static const char *const f[] = {"Sie",   "Ihr",   "Ihnen", "Ihre",
                                  "Ihren", "Ihrem", "Ihrer", "Ihres"};
  for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
    if (n && w[0] == f[k][0] && strlen(f[k]) == n && !memcmp(w, f[k], n))
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
  if (s->speller && mtai_tok_is_name(s->speller, d, i))
    return 1;
  return s->speller && mtai_tok_spell(s->speller, d, i) == MTAI_SPELL_UNKNOWN &&
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
  static const char *const q[] = {
      "etwas", "nichts", "alles", "genug", "mehr", "allerlei", "einiges",
      "vieles", "manches", "weniges", "irgendetwas",
      /* numerals and plural quantifiers: "zwei Verdächtige", "viele
       * Verletzte" */
      "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
      "elf", "zwölf", "zwanzig", "dreißig", "vierzig", "fünfzig", "hundert",
      "tausend", "viele", "mehrere", "einige", "wenige", "zahlreiche", "beide",
      "weitere", "sämtliche"};
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
  /* dict/garbled-heads.txt: nouns a bare nominalized infinitive follows
   * as their apposition ("beim Thema Heizen", "im Bereich Wohnen"). */
  struct mtai_strset heads;
  const struct mtai_strset *titles; /* the context's dict/titles.txt */
  /* dict/garbled-name-adjectives.txt: adjective stems of names and fixed
   * terms ("rot" of "Rotes Kreuz", "künstlich"). */
  struct mtai_strset name_adj;
  /* The finite forms of müssen, sollen, dürfen, können and werden
   * (dict/de-verbs-closed.txt), which need an infinitive at the end of
   * their clause: a full verb only rarely ("Sie kann Deutsch"). */
  struct mtai_strset modal;
};

/* Adds the finite forms of the modals and of werden from
 * dict/de-verbs-closed.txt ("FORM<TAB>INFINITIVE<TAB>TAG") to 'set'. */
static mta_status S_load_modals(struct mtai_strset *set) {
  static const char *const verbs[] = {"müssen", "sollen", "dürfen", "können",
                                      "werden"};
  const char *data;
  size_t len;
  if (!mtai_data_get("de-verbs-closed.txt", &data, &len))
    return MTA_ERR_DICT;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(data + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - data) : len;
    const char *t1 = memchr(data + i, '\t', e - i);
    const char *t2 =
        t1 ? memchr(t1 + 1, '\t', (size_t)(data + e - t1 - 1)) : NULL;
    if (data[i] != '#' && t2 && strncmp(t2 + 1, "nonfinite", 9))
      for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
        if ((size_t)(t2 - t1 - 1) == strlen(verbs[k]) &&
            !memcmp(t1 + 1, verbs[k], strlen(verbs[k]))) {
          mta_status st =
              mtai_strset_add(set, data + i, (size_t)(t1 - data) - i);
          if (st)
            return st;
        }
    i = e + 1;
  }
  return MTA_OK;
}

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  struct S_state *st = calloc(1, sizeof *st);
  *out = st;
  if (!st)
    return MTA_ERR_NOMEM;
  mtai_strset_init(&st->intro);
  mtai_strset_init(&st->heads);
  mtai_strset_init(&st->name_adj);
  mtai_strset_init(&st->modal);
  st->titles = &cx->lists->titles;
  mta_status e = mtai_strset_load(&st->intro, "name-introducers.txt");
  if (!e)
    e = mtai_strset_load(&st->heads, "garbled-heads.txt");
  if (!e)
    e = mtai_strset_load(&st->name_adj, "garbled-name-adjectives.txt");
  return e ? e : S_load_modals(&st->modal);
}

static void S_destroy(void *p) {
  struct S_state *st = p;
  if (!st)
    return;
  mtai_strset_free(&st->intro);
  mtai_strset_free(&st->heads);
  mtai_strset_free(&st->name_adj);
  mtai_strset_free(&st->modal);
  free(st);
}

/* ---- Link text translated on its own ------------------------------------
 * A web page's hyperlink text, translated apart from its sentence and
 * spliced back, keeps the capital of its first word, or of every word
 * when the English link was in title case ("... gehört Geben Trotz des
 * Exportverbots", "Hacker Waschen Gestohlenes Geld"). German capitalizes
 * an infinitive when it is a noun, so only the context tells the two
 * apart: a nominalized infinitive has an article, a preposition or an
 * attribute, or stands as a subject or object where a noun phrase may
 * stand; the spliced verb stands where no noun phrase may: right after
 * the verb that closes a clause, between two nouns (a subject and an
 * object), or as the only verb of its clause. */

/* 1 when token 'i' is a clause boundary: a punctuation mark other than
 * an apostrophe-like closing single quote, or the sentence's edge. */
static int S_boundary(const struct mtai_doc *d, size_t i) {
  if (d->toks[i].kind == MTAI_TOK_PUNCT)
    return mtai_tok_quote_exact(d, i) != MTAI_Q_RIGHT_SINGLE;
  return 0;
}

/* The first token of the clause that token 'k' stands in: after the
 * last punctuation mark before it, or the sentence's first token. */
static size_t S_clause_start(const struct mtai_doc *d,
                             const struct mtai_sentence *sn, size_t k) {
  while (k > sn->tok_first && !S_boundary(d, k - 1))
    k--;
  return k;
}

/* 1 when the clause starting at token 'c' is a subordinate one, whose
 * finite verb stands last: it opens with a subordinating conjunction, a
 * w-word, or (after a comma) a relative pronoun, alone or after a
 * preposition ("..., mit dem"). */
static int S_subordinate(const struct mtai_check_ctx *s, struct mtai_doc *d,
                         const struct mtai_sentence *sn, size_t c) {
  static const char *const w[] = {
      "warum",   "weshalb", "weswegen", "wieso", "wo",     "wann",
      "woher",   "wohin",   "womit",    "wofür", "worauf", "worüber",
      "wodurch", "wovon",   "wozu",     "woran", "worin",  "inwiefern"};
  if (d->toks[c].kind != MTAI_TOK_WORD)
    return 0;
  unsigned cl = mtai_tok_classes(s->lexicon, d, c, 1);
  if (cl & MTAI_LEX_CONJ_SUB)
    return 1;
  for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
    if (mtai_tok_eq(d, c, w[k]))
      return 1;
  if (c == sn->tok_first || !mtai_tok_eq(d, c - 1, ","))
    return 0;
  if ((cl & MTAI_LEX_PREP) && c + 1 < sn->tok_end)
    cl = mtai_tok_classes(s->lexicon, d, c + 1, 0);
  return (cl & MTAI_LEX_RELPRON) != 0;
}

/* The lower-case classes of word token 'i' (through the token table),
 * or of its stem without an adjective ending when that stem is an
 * adjective or a participle ("Gestohlenes" -> "gestohlen"). */
static unsigned S_adj_classes(const struct mtai_check_ctx *s,
                              struct mtai_doc *d, size_t i) {
  static const char *const ends[] = {"es", "en", "em", "er", "e"};
  unsigned bits = mtai_tok_classes(s->lexicon, d, i, 1);
  if (bits & MTAI_LEX_ADJ)
    return bits;
  struct mta_buf low;
  mtai_buf_init(&low, 256);
  if (!mtai_utf8_lower(d->text + d->toks[i].start, mtai_tok_len(d, i), &low)) {
    const char *l = mtai_buf_str(&low);
    size_t ln = mtai_buf_len(&low);
    for (size_t k = 0; !(bits & MTAI_LEX_ADJ) && k < 5; k++) {
      size_t el = strlen(ends[k]), sn = ln - el;
      if (ln <= el + 3 || memcmp(l + sn, ends[k], el))
        continue;
      /* a past participle or adjective stem, or a present participle:
       * "sinkend" of "sinken" */
      if ((mtai_lexicon_classes(s->lexicon, l, sn) &
           (MTAI_LEX_ADJ | MTAI_LEX_PARTICIPLE)) ||
          (sn > 5 && !memcmp(l + sn - 3, "end", 3) &&
           (mtai_lexicon_classes(s->lexicon, l, sn - 1) & MTAI_LEX_INF)))
        bits |= MTAI_LEX_ADJ;
    }
  }
  mtai_buf_free(&low);
  return bits;
}

/* 1 when token 'i' is an inflected attributive adjective: an adjective
 * form with an ending, not a closed-class word or a verb form only. (The
 * ending first: it decides most words without a look-up.) */
static int S_attributive(const struct mtai_check_ctx *s, struct mtai_doc *d,
                         size_t i) {
  const struct mtai_token *t = &d->toks[i];
  if (t->kind != MTAI_TOK_WORD ||
      (t->flags & (MTAI_TF_ALLCAPS | MTAI_TF_HYPHEN)))
    return 0;
  char last = d->text[t->end - 1];
  if (!(last == 'e' || last == 'n' || last == 'm' || last == 'r' ||
        last == 's'))
    return 0;
  unsigned c = S_adj_classes(s, d, i);
  return (c & MTAI_LEX_ADJ) &&
         !(c & (MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP |
                MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB | MTAI_LEX_ADV));
}

/* 1 when lower-case token 'k' is a verb that closes its clause: the
 * finite verb, or the last of a verb cluster, of a subordinate clause
 * with a word between it and the clause's opening word ("..., die Herrn
 * Putin gehört"), or a participle or infinitive after a finite
 * auxiliary or modal of a main clause ("hat ... geliefert"). */
static int S_verb_closes(const struct mtai_check_ctx *s, struct mtai_doc *d,
                         const struct mtai_sentence *sn, size_t k) {
  const unsigned verb = MTAI_LEX_FINITE | MTAI_LEX_INF | MTAI_LEX_PARTICIPLE |
                        MTAI_LEX_NONFINITE | MTAI_LEX_AUX;
  const unsigned other = MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP |
                         MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB |
                         MTAI_LEX_ADV_CONJ | MTAI_LEX_ADV | MTAI_LEX_NOUN;
  const struct mtai_token *t = &d->toks[k];
  if (t->kind != MTAI_TOK_WORD || (t->flags & MTAI_TF_UPPER))
    return 0;
  unsigned c = mtai_tok_classes(s->lexicon, d, k, 0);
  if (!(c & verb) || (c & other))
    return 0;
  size_t c0 = S_clause_start(d, sn, k);
  /* An inflected participle after an article or a preposition, through
   * adverbs and adjectives, is an attribute of what follows ("dieses
   * zerquetschten Schwarzen Lochs"), even where it could be a preterite
   * too ("..., das der Firma gehörte"). */
  if (S_attributive(s, d, k))
    for (size_t j = k; j-- > c0;) {
      unsigned cj = mtai_tok_classes(s->lexicon, d, j, 0);
      if (d->toks[j].kind != MTAI_TOK_WORD ||
          (d->toks[j].flags & MTAI_TF_UPPER))
        break;
      if (cj & (MTAI_LEX_DET | MTAI_LEX_PREP))
        return 0;
      if (!(cj & (MTAI_LEX_ADV | MTAI_LEX_ADJ)))
        break;
    }
  if (k >= c0 + 2 && S_subordinate(s, d, sn, c0))
    return 1;
  if (!(c & (MTAI_LEX_PARTICIPLE | MTAI_LEX_INF | MTAI_LEX_NONFINITE)) ||
      (c & MTAI_LEX_ADJ))
    return 0;
  for (size_t j = c0; j < k; j++)
    if (d->toks[j].kind == MTAI_TOK_WORD &&
        !(d->toks[j].flags & MTAI_TF_UPPER) &&
        (mtai_tok_classes(s->lexicon, d, j, 0) & MTAI_LEX_AUX) &&
        !(mtai_tok_classes(s->lexicon, d, j, 0) & MTAI_LEX_DET))
      return 1;
  return 0;
}

/* 1 when capitalized token 'i' is a noun: of the lexicon, or known to
 * Hunspell (a compound: "Kryptowährungsbörsen") without being the
 * capitalized form of a verb, adjective or function word. Names and
 * acronyms count too (a subject or object all the same). With 'attr'
 * (after an attributive adjective, where any capitalized word is a
 * noun), a nominalized infinitive counts too ("Illegales Vermögen"). */
static int S_noun_ex(const struct mtai_check_ctx *s, struct mtai_doc *d,
                     size_t i, int attr) {
  const struct mtai_token *t = &d->toks[i];
  if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER))
    return 0;
  const char *w = d->text + t->start;
  size_t n = t->end - t->start;
  unsigned low = mtai_tok_classes(s->lexicon, d, i, 1);
  if (low &
      (MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP | MTAI_LEX_CONJ_COORD |
       MTAI_LEX_CONJ_SUB | MTAI_LEX_ADV_CONJ | MTAI_LEX_ADV | MTAI_LEX_AUX))
    return 0;
  if (attr && (low & MTAI_LEX_INF))
    return 1;
  if (low & MTAI_LEX_INF)
    return 0;
  /* a noun of the lexicon also spelled like a finite verb ("Erlöse") */
  if (mtai_tok_classes(s->lexicon, d, i, 0) & MTAI_LEX_NOUN)
    return 1;
  if ((!attr && (low & MTAI_LEX_FINITE)) || S_attributive(s, d, i))
    return 0;
  if (mtai_lexicon_noun_form(s->lexicon, w, n) || (t->flags & MTAI_TF_ALLCAPS))
    return 1;
  if (!s->speller)
    return 0;
  enum mtai_spell v = mtai_tok_spell(s->speller, d, i);
  return v == MTAI_SPELL_KNOWN || v == MTAI_SPELL_COMPOUND ||
         v == MTAI_SPELL_NAME;
}

static int S_noun(const struct mtai_check_ctx *s, struct mtai_doc *d,
                  size_t i) {
  return S_noun_ex(s, d, i, 0);
}

/* 1 when a noun phrase starts at token 'j': a capitalized noun, an
 * article, or an inflected adjective before a noun ("Gestohlenes Geld",
 * "gestohlenes Geld"). */
static int S_np_start(const struct mtai_check_ctx *s, struct mtai_doc *d,
                      const struct mtai_sentence *sn, size_t j) {
  if (j >= sn->tok_end || d->toks[j].kind != MTAI_TOK_WORD)
    return 0;
  if (S_noun(s, d, j))
    return 1;
  /* (an article before a word: "ein" at the clause's end is a verb's
   * particle, "leitete Verfahren ein.") */
  if (!(d->toks[j].flags & MTAI_TF_UPPER) &&
      (mtai_tok_classes(s->lexicon, d, j, 0) & MTAI_LEX_DET) &&
      j + 1 < sn->tok_end && d->toks[j + 1].kind == MTAI_TOK_WORD)
    return 1;
  return j + 1 < sn->tok_end && S_attributive(s, d, j) &&
         S_noun_ex(s, d, j + 1, 1);
}

/* 1 when a "zu" follows within three tokens: an infinitive clause whose
 * object is the nominalized infinitive ("begann Schwimmen zu lernen"). */
static int S_zu_after(struct mtai_doc *d, const struct mtai_sentence *sn,
                      size_t i) {
  for (size_t j = i + 1; j < sn->tok_end && j <= i + 3; j++) {
    if (S_boundary(d, j))
      return 0;
    if (mtai_tok_eq(d, j, "zu"))
      return 1;
  }
  return 0;
}

/* 1 when capitalized token 'p' is a noun that may stand before a spliced
 * verb: not a word that a nominalized infinitive follows as its
 * apposition ("beim Thema Heizen") or a name's title. */
static int S_noun_before(const struct mtai_check_ctx *s,
                         const struct S_state *g, struct mtai_doc *d,
                         size_t p) {
  const char *w = d->text + d->toks[p].start;
  size_t n = d->toks[p].end - d->toks[p].start;
  if (d->toks[p].kind != MTAI_TOK_WORD || !(d->toks[p].flags & MTAI_TF_UPPER) ||
      mtai_strset_has(&g->heads, w, n) || mtai_strset_has(&g->intro, w, n) ||
      mtai_tok_title(s, d, p))
    return 0;
  if (S_noun(s, d, p))
    return 1;
  /* A nominalized adjective ("half Kriminellen"), or the plural of a noun
   * that is spelled like an infinitive ("Spenden" of "Spende"). */
  unsigned low = mtai_tok_classes(s->lexicon, d, p, 1);
  const unsigned verb = MTAI_LEX_INF | MTAI_LEX_FINITE | MTAI_LEX_AUX;
  /* (the adjective stands alone: after a noun or a verb, not after an
   * article, preposition, number or adverb, where it is an attribute:
   * "zu zwei Schwarzen Löchern") */
  if (!(low & verb) && S_attributive(s, d, p) &&
      !(low & (MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_ADV)) && p > 0 &&
      d->toks[p - 1].kind == MTAI_TOK_WORD &&
      ((d->toks[p - 1].flags & MTAI_TF_UPPER)
           ? S_noun(s, d, p - 1)
           : (mtai_tok_classes(s->lexicon, d, p - 1, 0) &
              (MTAI_LEX_FINITE | MTAI_LEX_PARTICIPLE)) &&
                 !(mtai_tok_classes(s->lexicon, d, p - 1, 0) &
                   (MTAI_LEX_DET | MTAI_LEX_PREP | MTAI_LEX_ADV |
                    MTAI_LEX_ADJ))))
    return 1;
  if ((low & MTAI_LEX_INF) && n > 4 &&
      ((w[n - 1] == 'n' && mtai_lexicon_has_form(s->lexicon, w, n - 1) &&
        (mtai_lexicon_classes(s->lexicon, w, n - 1) & MTAI_LEX_NOUN)) ||
       (!memcmp(w + n - 2, "en", 2) &&
        (mtai_lexicon_classes(s->lexicon, w, n - 2) & MTAI_LEX_NOUN))))
    return 1;
  return 0;
}

/* 1 when the clause of token 'i' has no verb but 'i' itself: no
 * lower-case word between the clause's boundaries is a verb form. */
static int S_only_verb(const struct mtai_check_ctx *s, struct mtai_doc *d,
                       const struct mtai_sentence *sn, size_t i) {
  const unsigned verb = MTAI_LEX_FINITE | MTAI_LEX_INF | MTAI_LEX_PARTICIPLE |
                        MTAI_LEX_NONFINITE | MTAI_LEX_AUX;
  size_t j = S_clause_start(d, sn, i);
  /* (a lower-case word the lexicon does not know may be a verb form it
   * lacks: "austritt") */
  for (; j < sn->tok_end && (j == i || !S_boundary(d, j)); j++)
    if (j != i && d->toks[j].kind == MTAI_TOK_WORD &&
        !(d->toks[j].flags & MTAI_TF_UPPER)) {
      unsigned c = mtai_tok_classes(s->lexicon, d, j, 0);
      if (!c || (c & verb))
        return 0;
    }
  return 1;
}

enum {
  S_LT_NONE,
  S_LT_AFTER_VERB,
  S_LT_BETWEEN,
  S_LT_ONLY_VERB,
  S_LT_RUN,
  S_LT_MODAL,
  S_LT_ADJ
};

/* 1 when lower-case token 'k' is a word of 'set'. */
static int S_in(const struct mtai_strset *set, const struct mtai_doc *d,
                size_t k) {
  return d->toks[k].kind == MTAI_TOK_WORD &&
         !(d->toks[k].flags & MTAI_TF_UPPER) &&
         mtai_strset_has(set, d->text + d->toks[k].start, mtai_tok_len(d, k));
}

/* 1 when the capitalized adjective w[0..n) may start a name or fixed
 * term: its stem is in dict/garbled-name-adjectives.txt or ends in
 * -isch, -sch or -al ("Deutsche Bank", "Internationaler Währungsfonds"). */
static int S_name_adjective(const struct S_state *g, const char *w, size_t n) {
  static const char *const ends[] = {"es", "en", "em", "er", "e"};
  struct mta_buf low;
  mtai_buf_init(&low, 256);
  int r = 0;
  if (!mtai_utf8_lower(w, n, &low)) {
    const char *l = mtai_buf_str(&low);
    size_t ln = mtai_buf_len(&low);
    for (size_t k = 0; !r && k < 5; k++) {
      size_t el = strlen(ends[k]), sn = ln - el;
      if (ln <= el + 1 || memcmp(l + sn, ends[k], el))
        continue;
      r = mtai_strset_has(&g->name_adj, l, sn) ||
          (sn > 3 && !memcmp(l + sn - 3, "sch", 3)) ||
          (sn > 3 && !memcmp(l + sn - 2, "al", 2));
    }
  }
  mtai_buf_free(&low);
  return r;
}

/* 1 when the clause of token 'i' has a modal or werden form before 'i'
 * and no verb form after it: the infinitive the modal needs is missing
 * from the clause's end ("sollen Verhindern den Zugang"). */
static int S_modal_open(const struct mtai_check_ctx *s, const struct S_state *g,
                        struct mtai_doc *d, const struct mtai_sentence *sn,
                        size_t i) {
  const unsigned verb = MTAI_LEX_FINITE | MTAI_LEX_INF | MTAI_LEX_PARTICIPLE |
                        MTAI_LEX_NONFINITE | MTAI_LEX_AUX;
  size_t c0 = S_clause_start(d, sn, i);
  int modal = 0;
  for (size_t j = c0; j < i && !modal; j++)
    modal = S_in(&g->modal, d, j);
  if (!modal)
    return 0;
  for (size_t j = i + 1; j < sn->tok_end && !S_boundary(d, j); j++)
    if (d->toks[j].kind == MTAI_TOK_WORD &&
        !(d->toks[j].flags & MTAI_TF_UPPER) &&
        (mtai_tok_classes(s->lexicon, d, j, 0) & verb))
      return 0;
  return 1;
}

/* 1 when lower-case token 'p' is the separable particle of a finite verb
 * earlier in its clause ("legte einen Plan vor": "vorlegte"), which
 * closes the clause. */
static int S_particle_closes(const struct mtai_check_ctx *s, struct mtai_doc *d,
                             const struct mtai_sentence *sn, size_t p) {
  const struct mtai_token *t = &d->toks[p];
  if (t->kind != MTAI_TOK_WORD || (t->flags & MTAI_TF_UPPER) ||
      !(mtai_tok_classes(s->lexicon, d, p, 0) & MTAI_LEX_PREP))
    return 0;
  for (size_t j = S_clause_start(d, sn, p); j + 1 < p; j++) {
    const struct mtai_token *v = &d->toks[j];
    if (v->kind != MTAI_TOK_WORD || (v->flags & MTAI_TF_UPPER) ||
        !(mtai_tok_classes(s->lexicon, d, j, 0) & MTAI_LEX_FINITE))
      continue;
    char buf[96];
    size_t pn = t->end - t->start, vn = v->end - v->start;
    if (pn + vn >= sizeof buf)
      continue;
    memcpy(buf, d->text + t->start, pn);
    memcpy(buf + pn, d->text + v->start, vn);
    if (mtai_lexicon_has_form(s->lexicon, buf, pn + vn) &&
        (mtai_lexicon_classes(s->lexicon, buf, pn + vn) & MTAI_LEX_FINITE))
      return 1;
  }
  return 0;
}

/* Link-text verdict of capitalized token 'i' (mid-sentence, not a name):
 * S_LT_AFTER_VERB, a bare infinitive or an attributive adjective before
 * a noun right after a verb or separable particle that closes its
 * clause; S_LT_BETWEEN, a bare infinitive between a noun and a noun
 * phrase ("Hacker Waschen gestohlenes Geld"); S_LT_ONLY_VERB, a bare
 * infinitive (= plural present) after a noun, the only verb of its clause
 * ("Die Preise für Lebensmittel Steigen seit Monaten."); S_LT_MODAL, a
 * bare infinitive before the noun phrase or preposition it governs in a
 * clause whose modal lacks its final infinitive ("sollen Verhindern den
 * Zugang"), or right before a clause-final modal ("dass sie Zahlungen
 * Zurückhalten werde,"); S_LT_RUN, an attributive adjective before a
 * noun after a word already reported ("Waschen Gestohlenes Geld");
 * S_LT_ADJ, an attributive adjective before a noun after a verb, a
 * conjunction or a noun, with no article or preposition, that starts no
 * name ("fand im Laderaum Verbotene Bauteile"; not "Deutsche Bank",
 * "Erste Hilfe": S_name_adjective()). 'prev_flagged': token i - 1 was
 * reported. */
static int S_link_text(const struct mtai_check_ctx *s, const struct S_state *g,
                       struct mtai_doc *d, const struct mtai_sentence *sn,
                       size_t i, int prev_flagged) {
  unsigned low = mtai_tok_classes(s->lexicon, d, i, 1);
  const unsigned closed = MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP |
                          MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB |
                          MTAI_LEX_ADV_CONJ | MTAI_LEX_ADV | MTAI_LEX_AUX;
  if ((low & closed) || d->toks[i - 1].kind != MTAI_TOK_WORD)
    return S_LT_NONE;
  int inf = (low & MTAI_LEX_INF) != 0;
  int adj = !inf && i + 1 < sn->tok_end && S_attributive(s, d, i) &&
            S_noun_ex(s, d, i + 1, 1);
  if ((!inf && !adj) || S_zu_after(d, sn, i))
    return S_LT_NONE;
  if (S_verb_closes(s, d, sn, i - 1) ||
      (inf && S_particle_closes(s, d, sn, i - 1) &&
       S_np_start(s, d, sn, i + 1)))
    return S_LT_AFTER_VERB;
  unsigned pc = mtai_tok_classes(s->lexicon, d, i - 1, 0);
  int pv_upper = (d->toks[i - 1].flags & MTAI_TF_UPPER) != 0;
  /* an article, preposition or attribute before: a noun phrase */
  int attributed = !pv_upper && ((pc & (MTAI_LEX_DET | MTAI_LEX_PREP)) ||
                                 S_attributive(s, d, i - 1));
  if (adj) {
    if (prev_flagged)
      return S_LT_RUN;
    const char *w = d->text + d->toks[i].start, *nw;
    size_t n = mtai_tok_len(d, i), nn = mtai_tok_len(d, i + 1);
    nw = d->text + d->toks[i + 1].start;
    const unsigned ok_before = MTAI_LEX_FINITE | MTAI_LEX_INF |
                               MTAI_LEX_PARTICIPLE | MTAI_LEX_AUX |
                               MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB;
    int before = pv_upper ? S_noun_before(s, g, d, i - 1)
                          : !attributed && (pc & ok_before) &&
                                !(pc & (MTAI_LEX_ADV | MTAI_LEX_PRON));
    /* not a name: no name adjective, no title after it ("Regierender
     * Bürgermeister"), no third capitalized word ("Neue Zürcher
     * Zeitung") */
    if (before && !S_name_adjective(g, w, n) &&
        !mtai_strset_has(g->titles, nw, nn) &&
        !(i + 2 < sn->tok_end && d->toks[i + 2].kind == MTAI_TOK_WORD &&
          (d->toks[i + 2].flags & MTAI_TF_UPPER)))
      return S_LT_ADJ;
    return S_LT_NONE;
  }
  if (attributed)
    return S_LT_NONE;
  /* right before a modal that ends the clause */
  if (i + 1 < sn->tok_end && S_in(&g->modal, d, i + 1) &&
      (i + 2 >= sn->tok_end || S_boundary(d, i + 2)))
    return S_LT_MODAL;
  if (S_modal_open(s, g, d, sn, i) &&
      (S_np_start(s, d, sn, i + 1) ||
       (i + 1 < sn->tok_end && d->toks[i + 1].kind == MTAI_TOK_WORD &&
        !(d->toks[i + 1].flags & MTAI_TF_UPPER) &&
        (mtai_tok_classes(s->lexicon, d, i + 1, 0) & MTAI_LEX_PREP))))
    return S_LT_MODAL;
  if (!S_noun_before(s, g, d, i - 1))
    return S_LT_NONE;
  if (S_np_start(s, d, sn, i + 1))
    return S_LT_BETWEEN;
  if ((low & MTAI_LEX_FINITE) && mtai_para_is_prose(d->paras[sn->para].kind) &&
      S_only_verb(s, d, sn, i))
    return S_LT_ONLY_VERB;
  return S_LT_NONE;
}

/* 1 for a capitalized cardinal number word ("Zwei", "Hundert"). */
static int S_cardinal(const char *w, size_t n) {
  /* (not "Hunderte", "Tausende": German capitalizes those) */
  static const char *const f[] = {"Zwei",    "Drei",    "Vier",   "Fünf",
                                  "Sechs",   "Sieben",  "Acht",   "Neun",
                                  "Zehn",    "Elf",     "Zwölf",  "Zwanzig",
                                  "Dreißig", "Vierzig", "Fünfzig"};
  for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
    if (n && w[0] == f[k][0] && strlen(f[k]) == n && !memcmp(w, f[k], n))
      return 1;
  return 0;
}

/* 1 for a capitalized demonstrative determiner ("Diese", "Jenen"). */
static int S_demonstrative(const char *w, size_t n) {
  static const char *const f[] = {"Diese",  "Dieser", "Dieses", "Diesen",
                                  "Diesem", "Jene",   "Jener",  "Jenes",
                                  "Jenen",  "Jenem"};
  for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
    if (n && w[0] == f[k][0] && strlen(f[k]) == n && !memcmp(w, f[k], n))
      return 1;
  return 0;
}

/* 1 when token 'k' is a lower-case finite verb in the singular: not an
 * infinitive-like plural, no form in -n, not "sind" or "seid", and
 * nothing but a verb ("wolle", "hat", "plant"). */
static int S_singular_verb(const struct mtai_check_ctx *s, struct mtai_doc *d,
                           const struct mtai_sentence *sn, size_t k) {
  if (k >= sn->tok_end || d->toks[k].kind != MTAI_TOK_WORD ||
      (d->toks[k].flags & MTAI_TF_UPPER))
    return 0;
  const char *w = d->text + d->toks[k].start;
  size_t n = mtai_tok_len(d, k);
  if (w[n - 1] == 'n' || mtai_tok_eq(d, k, "sind") ||
      mtai_tok_eq(d, k, "seid") || mtai_tok_eq(d, k, "bitte"))
    return 0;
  unsigned c = mtai_tok_classes(s->lexicon, d, k, 0);
  return (c & MTAI_LEX_FINITE) &&
         !(c & (MTAI_LEX_INF | MTAI_LEX_PARTICIPLE | MTAI_LEX_NONFINITE |
                MTAI_LEX_ADJ | MTAI_LEX_NOUN | MTAI_LEX_DET | MTAI_LEX_PRON |
                MTAI_LEX_PREP | MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB |
                MTAI_LEX_ADV_CONJ | MTAI_LEX_ADV));
}

enum { S_FOUND_WORD = 1, S_FOUND_LINK = 2 }; /* + an S_LT_* verdict */

/* Reports the words of sentence 'sn' marked in 'found', a run of marked
 * words with only spaces between as one finding; clears the marks. */
static mta_status S_report(struct mtai_findings *r, struct mtai_doc *d,
                           const struct mtai_sentence *sn,
                           unsigned char *found) {
  static const char *const why[] = {
      [S_LT_AFTER_VERB] = N_("right after the verb that closes its clause"),
      [S_LT_BETWEEN] = N_("between two nouns, with no article or preposition"),
      [S_LT_ONLY_VERB] = N_("as the only verb of its clause"),
      [S_LT_RUN] = N_("in a run of capitalized words"),
      [S_LT_MODAL] = N_("where the infinitive of a modal verb belongs at the "
                        "clause's end"),
      [S_LT_ADJ] = N_("before a noun, with no article and no name")};
  mta_status st = MTA_OK;
  for (size_t i = sn->tok_first; !st && i < sn->tok_end; i++) {
    if (!found[i])
      continue;
    size_t e = i, link = found[i] > S_FOUND_LINK ? i : (size_t)-1;
    while (e + 1 < sn->tok_end && found[e + 1] &&
           (d->toks[e + 1].flags & MTAI_TF_SPACE_BEFORE)) {
      e++;
      if (link == (size_t)-1 && found[e] > S_FOUND_LINK)
        link = e;
    }
    size_t a = d->toks[i].start, b = d->toks[e].end;
    if (link != (size_t)-1)
      st = mtai_finding_add(
          r, &S_rules[0], S_rules[0].severity, a, b, NULL,
          e > i ? N_("'%.*s' are capitalized in mid-sentence %s; German "
                     "writes them in lower case here (a link text translated "
                     "on its own and spliced back?)")
                : N_("'%.*s' is capitalized in mid-sentence %s; German "
                     "writes it in lower case here (a link text translated "
                     "on its own and spliced back?)"),
          (int)(b - a), d->text + a, _(why[found[link] - S_FOUND_LINK]));
    else
      st = mtai_finding_add(
          r, &S_rules[0], S_rules[0].severity, a, b, NULL,
          e > i ? N_("'%.*s' are capitalized in mid-sentence; German writes "
                     "them in lower case here (a garbled join, or a lost "
                     "sentence boundary?)")
                : N_("'%.*s' is capitalized in mid-sentence; German writes "
                     "it in lower case here (a garbled join, or a lost "
                     "sentence boundary?)"),
          (int)(b - a), d->text + a);
    for (size_t k = i; k <= e; k++)
      found[k] = 0;
    i = e;
  }
  return st;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  const struct mtai_check_ctx *s = cx;
  const struct S_state *g = state;
  struct mtai_doc *d = r->doc;
  const unsigned closed = MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB |
                          MTAI_LEX_PRON | MTAI_LEX_PREP | MTAI_LEX_AUX |
                          MTAI_LEX_ADV;
  /* What each token of the sentence was found as (S_FOUND_*), so that a
   * run of reported words becomes one finding. */
  unsigned char *found = s->lexicon ? calloc(d->ntok ? d->ntok : 1, 1) : NULL;
  if (s->lexicon && !found)
    return MTA_ERR_NOMEM;
  mta_status st = MTA_OK;
  for (size_t si = 0; s->lexicon && !st && si < d->nsent; si++) {
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
      /* "Sie" opening a clause before a verb in the singular is "sie"
       * (she): "sagte, Sie wolle"; formal Sie takes the plural, and
       * follows its verb in requests ("Achten Sie bitte"). */
      if (n == 3 && !memcmp(w, "Sie", 3) && S_clause_start(d, sn, i) == i &&
          S_singular_verb(s, d, sn, i + 1)) {
        found[i] = S_FOUND_WORD;
        continue;
      }
      if (S_formal(w, n) || (s->speller && mtai_tok_is_name(s->speller, d, i)))
        continue;
      /* The first word of a title after its noun ("der Film Vom Winde
       * verweht", "das Lied Über den Wolken"). */
      if (pv->kind == MTAI_TOK_WORD &&
          mtai_strset_has(&g->intro, d->text + pv->start, pv->end - pv->start))
        continue;
      /* Inside an English name ("Institute for the Study of War"): the
       * word before is English, not German. */
      if (s->speller && pv->kind == MTAI_TOK_WORD &&
          mtai_tok_spell(s->speller, d, i - 1) == MTAI_SPELL_UNKNOWN &&
          mtai_tok_english(s->speller, d, i - 1))
        continue;
      int next_cap0 = i + 1 < sn->tok_end &&
                      d->toks[i + 1].kind == MTAI_TOK_WORD &&
                      (d->toks[i + 1].flags & MTAI_TF_UPPER);
      /* A spliced link text: a bare infinitive or an attributive
       * adjective where no noun phrase may start (S_link_text()), not
       * paired as nouns ("Fördern und Fordern"; an adjective before its
       * noun is no such pair) nor a first name. */
      int lt = S_link_text(s, g, d, sn, i, found[i - 1] != 0);
      if (lt && (lt == S_LT_ADJ || lt == S_LT_RUN || !S_paired(d, sn, i)) &&
          !(next_cap0 && S_name_next(s, d, i + 1))) {
        found[i] = (unsigned char)(S_FOUND_LINK + lt);
        continue;
      }
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
      /* A demonstrative before its noun after a lower-case word ("halten
       * Diese Maßnahmen"): no name starts so, unlike the articles. */
      if ((low & MTAI_LEX_DET) && S_demonstrative(w, n) &&
          !(pv->flags & MTAI_TF_UPPER) && pv->kind == MTAI_TOK_WORD &&
          next_cap0 && S_noun_ex(s, d, i + 1, 1)) {
        found[i] = S_FOUND_WORD;
        continue;
      }
      /* A cardinal before its noun with no article or preposition, after
       * a verb, conjunction or noun ("hat nach Angaben Zwei Drohnen
       * abgeschossen"). */
      if (S_cardinal(w, n) && next_cap0 && S_noun_ex(s, d, i + 1, 1) &&
          pv->kind == MTAI_TOK_WORD &&
          ((pv->flags & MTAI_TF_UPPER)
               ? S_noun_before(s, g, d, i - 1)
               : (prev &
                  (MTAI_LEX_FINITE | MTAI_LEX_INF | MTAI_LEX_PARTICIPLE |
                   MTAI_LEX_AUX | MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB)) &&
                     !(prev & (MTAI_LEX_DET | MTAI_LEX_PREP | MTAI_LEX_ADV |
                               MTAI_LEX_PRON | MTAI_LEX_ADJ)))) {
        found[i] = S_FOUND_WORD;
        continue;
      }
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
                 ((prev & (MTAI_LEX_DET | MTAI_LEX_PREP)) ||
                  ((prev & MTAI_LEX_ADJ) && S_attributive(s, d, i - 1))) &&
                 !(d->toks[i - 1].flags & MTAI_TF_UPPER)) {
        /* (an adjective only when inflected: an attribute; "fortgesetzt
         * Aber" is a predicate and a garbled conjunction) */
        continue; /* a noun after its article, adjective or preposition:
                     "auf geraden Wegen", "auf die Links" */
      } else if (cap & MTAI_LEX_NOUN) {
        /* "Trotz" is a noun too; garbled only right after a finite verb
         * and before an article ("gehört Geben Trotz des Krieges"). */
        /* (or after a finite verb and a pronoun: "haben sich Aus der") */
        int after_verb =
            S_finite_before(s, d, sn, i - 1) || found[i - 1] > S_FOUND_LINK;
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
      found[i] = S_FOUND_WORD;
    }
    st = S_report(r, d, sn, found);
  }
  free(found);
  return st;
}

const struct mta_check mtai_check_garbled = {
    "garbled", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,    S_run,   S_destroy};
