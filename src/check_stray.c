/*
 * word-order/stray-final: a capitalized noun or name that hangs at the end
 * of a complete sentence, attached to nothing ("... mit der russischen
 * kompatibel Arsenal.", "... auf der anderen Seite der Welt Ukraine.",
 * "... fortgesetzt werden Präsident.") -- major. English word order or
 * a translated hyperlink left it there.
 *
 * The last word W of a sentence ending in a full stop is reported when
 * the word P before it closes a clause or a noun phrase:
 *   - P is a participle or infinitive (not a finite verb, which may be
 *     followed by its subject: ", sagte Scholz.") and the clause of P
 *     has a finite auxiliary or modal before it ("werden ... fortgesetzt
 *     werden Präsident");
 *   - P is an uninflected adjective (a predicate: "kompatibel", "hoch",
 *     not "viel", adverbs or quantifiers) and the clause has a finite
 *     verb before it;
 *   - P is the finite verb that closes a subordinate clause after a
 *     comma, opened by a subordinating conjunction, a relative or an
 *     interrogative word with a content word before the verb
 *     ("..., dass sie liefern wollten Minister.", "..., was nötig ist
 *     Grenze."): such a clause ends with its verb, so even a time word
 *     hangs there ("..., bis der Sturm abgezogen ist Woche.");
 *   - P is a noun after an article or preposition ("der Welt", "am
 *     Sonntag"), which completes the noun phrase, and P is not a title
 *     (dict/titles.txt) or a noun that takes an apposition
 *     (dict/apposition-heads.txt: "die Stadt Berlin", "im Landkreis
 *     Harburg").
 * Not reported: W a month, weekday or time of day ("Ende Mai"), a
 * language ("fließend Englisch"), an acronym, a genitive in -s ("der
 * Rede Putins"), a nominalized adjective ("etwas völlig Neues"), or W
 * after a noun that follows a preposition fused with its article ("zum
 * Beispiel", "zum Thema", "im Grunde", "beim Konzern": an adverbial
 * phrase or an apposition head), unless that noun is a time ("am
 * Sonntag Armee").
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "word-order/stray-final",
     .category = MTAI_CAT_WORD_ORDER,
     .severity = MTA_SEV_MAJOR,
     .summary =
         N_("a noun or name hangs after the end of a complete sentence (\"... "
            "der Welt Ukraine.\")"),
     .explanation = N_(
         "A noun or name hanging at the end of a complete sentence, after a "
         "closing participle or infinitive ('fortgesetzt werden Präsident.'), "
         "the finite verb that closes a subordinate clause ('..., dass sie "
         "liefern wollten Minister.'), a predicate adjective or a complete "
         "noun phrase ('der Welt Ukraine.'); English word order or a "
         "translated hyperlink left it there. Not reported: appositions ('die "
         "Stadt Berlin'), titles "
         "('Präsident Macron'), an inverted subject (', sagte Scholz.'), a "
         "phrase after a preposition fused with its article ('wie zum "
         "Beispiel Windkraft.'), nominalized adjectives ('etwas völlig "
         "Neues.'), times, languages and genitives. Move the word where it "
         "belongs or delete it."),
     .wrong = "Die Munition ist mit der russischen kompatibel Arsenal.",
     .right = "Die Munition ist mit dem russischen Arsenal kompatibel."},
};

struct S_state {
  struct mtai_strset heads;
  const struct mtai_strset *titles, *months; /* the context's shared lists */
  struct mtai_strset tails; /* heads and titles in lower case */
};

static mta_status S_add_lower(struct mtai_strset *to,
                              const struct mtai_strset *from) {
  mta_status st = MTA_OK;
  for (size_t k = 0; !st && k < from->cap; k++) {
    if (!from->slots[k].key)
      continue;
    struct mta_buf low;
    mtai_buf_init(&low, 128);
    st = mtai_utf8_lower(from->slots[k].key, from->slots[k].len, &low);
    if (!st)
      st = mtai_strset_add(to, mtai_buf_str(&low), mtai_buf_len(&low));
    mtai_buf_free(&low);
  }
  return st;
}

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  struct S_state *s = calloc(1, sizeof *s);
  *out = s;
  if (!s)
    return MTA_ERR_NOMEM;
  mtai_strset_init(&s->heads);
  s->titles = &cx->lists->titles;
  s->months = &cx->lists->months;
  mtai_strset_init(&s->tails);
  mta_status st = mtai_strset_load(&s->heads, "apposition-heads.txt");
  if (!st)
    st = S_add_lower(&s->tails, &s->heads);
  if (!st)
    st = S_add_lower(&s->tails, s->titles);
  return st;
}

static void S_destroy(void *p) {
  struct S_state *s = p;
  if (!s)
    return;
  mtai_strset_free(&s->heads);
  mtai_strset_free(&s->tails);
  free(s);
}

static int S_in(const char *const *list, const char *w, size_t n) {
  for (; *list; list++)
    if (strlen(*list) == n && !memcmp(*list, w, n))
      return 1;
  return 0;
}

/* Days and times of day: "am Sonntag", "Ende Mai", "gestern Abend". */
static const char *const S_time[] = {
    "Montag",  "Dienstag",   "Mittwoch", "Donnerstag", "Freitag",
    "Samstag", "Sonnabend",  "Sonntag",  "Morgen",     "Vormittag",
    "Mittag",  "Nachmittag", "Abend",    "Nacht",      "Anfang",
    "Ende",    "Mitte",      "Uhr",      "Wochenende", "Jahr",
    "Jahres",  "Monat",      "Monats",   "Woche",      NULL};

static int S_time_word(const struct S_state *s, const char *w, size_t n) {
  return S_in(S_time, w, n) || mtai_strset_has(s->months, w, n);
}

/* 1 when noun w[0..n) (or its stem without -s, -es, -n, -en) is an
 * apposition head, or a compound ending in one ("Hauptstadt"). */
static int S_head(const struct S_state *s, const char *w, size_t n) {
  static const char *const ends[] = {"", "s", "es", "n", "en", "e"};
  for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++) {
    size_t el = strlen(ends[e]);
    if (n <= el || memcmp(w + n - el, ends[e], el))
      continue;
    size_t sn = n - el;
    if (mtai_strset_has(&s->heads, w, sn) || mtai_strset_has(s->titles, w, sn))
      return 1;
    /* Compound: the head written in lower case at the end. */
    for (size_t k = 1; k + 2 < sn; k++)
      if (((unsigned char)w[k] & 0xC0) != 0x80 &&
          mtai_strset_has(&s->tails, w + k, sn - k))
        return 1;
  }
  return 0;
}

/* 1 when w[0..n), written in lower case, is a German word too: an
 * adjective in a name ("ins Rote Meer"), not a noun like "Welt". */
static int S_lower_word_ok(struct mtai_speller *sp, const char *w, size_t n) {
  if (!sp)
    return 0;
  struct mta_buf low;
  mtai_buf_init(&low, 128);
  int ok = !mtai_utf8_lower(w, n, &low) &&
           mtai_speller_known(sp, mtai_buf_str(&low), mtai_buf_len(&low));
  mtai_buf_free(&low);
  return ok;
}

static unsigned S_classes(struct mtai_lexicon *lx, struct mtai_doc *d,
                          size_t i) {
  return mtai_tok_classes(lx, d, i, 0);
}

/* 1 when the clause of token 'p' (back to the sentence start or a comma,
 * colon, semicolon or dash) has a word of a class in 'want' before p. */
static int S_clause_has(struct mtai_lexicon *lx, struct mtai_doc *d,
                        size_t first, size_t p, unsigned want) {
  for (size_t i = p; i-- > first;) {
    if (d->toks[i].kind == MTAI_TOK_PUNCT &&
        (mtai_tok_eq(d, i, ",") || mtai_tok_eq(d, i, ";") ||
         mtai_tok_eq(d, i, ":") || mtai_tok_eq(d, i, "\xE2\x80\x93")))
      return 0;
    if (d->toks[i].kind == MTAI_TOK_WORD &&
        (i == first || !(d->toks[i].flags & MTAI_TF_UPPER)) &&
        (S_classes(lx, d, i) & want))
      return 1;
  }
  return 0;
}

/* 1 when the clause of 'p' has a copula before it (a form of sein,
 * werden, bleiben, gelten, scheinen), whose predicate adjective 'p' is:
 * "ist ... kompatibel", not "landete überraschend Frankreich". */
static int S_copula(struct mtai_lexicon *lx, struct mtai_doc *d, size_t first,
                    size_t p) {
  static const char *const cop[] = {
      "ist",     "sind",    "war",      "waren",  "sei",      "seien",
      "wäre",    "wären",   "wird",     "werden", "wurde",    "wurden",
      "würde",   "würden",  "werde",    "bleibt", "bleiben",  "blieb",
      "blieben", "bleibe",  "gilt",     "gelten", "galt",     "galten",
      "gelte",   "scheint", "scheinen", "schien", "schienen", NULL};
  for (size_t i = p; i-- > first;) {
    if (d->toks[i].kind == MTAI_TOK_PUNCT &&
        (mtai_tok_eq(d, i, ",") || mtai_tok_eq(d, i, ";") ||
         mtai_tok_eq(d, i, ":") || mtai_tok_eq(d, i, "\xE2\x80\x93")))
      return 0;
    if (d->toks[i].kind != MTAI_TOK_WORD)
      continue;
    for (size_t k = 0; cop[k]; k++)
      if (mtai_tok_eq(d, i, cop[k]))
        return 1;
  }
  (void)lx;
  return 0;
}

/* 1 for an adjective with an inflection ending (attributive). */
static int S_inflected(const char *w, size_t n) {
  static const char *const ends[] = {"e", "en", "em", "er", "es"};
  for (size_t k = 0; k < 5; k++) {
    size_t el = strlen(ends[k]);
    if (n > el + 2 && !memcmp(w + n - el, ends[k], el))
      return 1;
  }
  return 0;
}

/* 1 for a preposition fused with its article ("zum", "im", "beim"; the
 * contractions of dict/de-prepositions.txt). */
static int S_fused(struct mtai_doc *d, size_t i) {
  static const char *const f[] = {
      "am",      "ans", "aufs", "beim",  "durchs", "fürs", "hinterm",
      "hinters", "im",  "ins",  "übers", "überm",  "ums",  "unterm",
      "unters",  "vom", "vorm", "vors",  "zum",    "zur",  NULL};
  const char *w = d->text + d->toks[i].start;
  size_t n = mtai_tok_len(d, i);
  char low[8];
  if (n >= sizeof low)
    return 0;
  for (size_t k = 0; k < n; k++)
    low[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
  return S_in(f, low, n);
}

/* 1 when capitalized token 'i' is, in lower case, an inflected adjective
 * or participle: a nominalization ("etwas völlig Neues", "das Gute"),
 * whether or not the lexicon lists it as a noun too. */
static int S_nominal_adj(struct mtai_lexicon *lx, struct mtai_doc *d,
                         size_t i) {
  const char *w = d->text + d->toks[i].start;
  size_t n = mtai_tok_len(d, i);
  return (mtai_tok_classes(lx, d, i, 1) &
          (MTAI_LEX_ADJ | MTAI_LEX_PARTICIPLE)) &&
         S_inflected(w, n);
}

/* 1 when finite verb 'p' closes a subordinate clause that follows a
 * comma: the clause opens with a subordinating conjunction, a relative
 * or interrogative word ("dass", "weil", "ob", "was", "wie", "wann"),
 * and words stand between it and the verb, among them a content word
 * ("..., dass bisher nichts geschehen ist", "..., was nötig ist"; not
 * the colloquial "weil es gibt" nor "als wäre"). Such a clause ends with its
 * verb: a noun after it is attached to nothing. */
static int S_subclause_end(struct mtai_lexicon *lx, struct mtai_doc *d,
                           size_t first, size_t p) {
  static const char *const wh[] = {
      "wann",  "wo",      "warum",   "weshalb",   "wieso",    "woher",
      "wohin", "wieviel", "wieweit", "inwiefern", "weswegen", NULL};
  size_t k = p;
  while (
      k > first &&
      !(d->toks[k - 1].kind == MTAI_TOK_PUNCT &&
        (mtai_tok_eq(d, k - 1, ",") || mtai_tok_eq(d, k - 1, ";") ||
         mtai_tok_eq(d, k - 1, ":") || mtai_tok_eq(d, k - 1, "\xE2\x80\x93"))))
    k--;
  if (k == first || !mtai_tok_eq(d, k - 1, ",") || k + 2 > p ||
      d->toks[k].kind != MTAI_TOK_WORD || (d->toks[k].flags & MTAI_TF_UPPER))
    return 0;
  unsigned c = S_classes(lx, d, k);
  int intro = (c & (MTAI_LEX_CONJ_SUB | MTAI_LEX_RELPRON)) != 0;
  for (size_t w = 0; !intro && wh[w]; w++)
    intro = mtai_tok_eq(d, k, wh[w]);
  if (!intro)
    return 0;
  /* "der", "die", "das" before a noun or an adjective are articles: a
   * main clause after the comma (", die Hälfte davon ist Wasser."). */
  if ((c & MTAI_LEX_DET) && k + 1 < p &&
      ((d->toks[k + 1].flags & MTAI_TF_UPPER) ||
       (S_classes(lx, d, k + 1) & MTAI_LEX_ADJ)))
    return 0;
  /* The clause needs content of its own, a noun or an open-class word
   * before its verb: a parenthetical of pronouns and adverbs ("..., wenn
   * Sie so wollen", "..., wie Sie wissen") may stand without its
   * second comma before the word it comments on. */
  int content = 0;
  for (size_t j = k + 1; j < p; j++) {
    if (d->toks[j].kind != MTAI_TOK_WORD)
      return 0; /* quotation marks, brackets, numbers: leave it */
    unsigned jc = S_classes(lx, d, j);
    if (jc & (MTAI_LEX_PRON | MTAI_LEX_DET | MTAI_LEX_ADV | MTAI_LEX_PREP |
              MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB | MTAI_LEX_ADV_CONJ))
      continue;
    if ((d->toks[j].flags & MTAI_TF_UPPER) ||
        (jc &
         (MTAI_LEX_NOUN | MTAI_LEX_ADJ | MTAI_LEX_PARTICIPLE | MTAI_LEX_INF)))
      content = 1;
  }
  if (!content)
    return 0;
  /* A copula or "haben" right after its subject is verb-second, the
   * spoken order after "weil" ("weil die Antwort ist Liebe", "weil die
   * Firma hat Gewinne"): the noun after it is its predicate or object.
   * Verb-final, the copula follows its predicate ("stabil ist"). */
  static const char *const cop[] = {
      "ist",   "sind",   "war",    "waren",  "sei",      "seien",  "wäre",
      "wären", "wird",   "werden", "wurde",  "wurden",   "bleibt", "bleiben",
      "blieb", "heißt",  "hieß",   "lautet", "bedeutet", "hat",    "haben",
      "hatte", "hatten", "nennt",  "nennen", NULL};
  int copula = 0;
  for (size_t w = 0; !copula && cop[w]; w++)
    copula = mtai_tok_eq(d, p, cop[w]);
  if (copula) {
    unsigned bc = S_classes(lx, d, p - 1);
    if ((d->toks[p - 1].flags & MTAI_TF_UPPER) ||
        ((bc & (MTAI_LEX_PRON | MTAI_LEX_NOUN)) &&
         !(bc & (MTAI_LEX_ADJ | MTAI_LEX_PARTICIPLE | MTAI_LEX_INF))))
      return 0;
  }
  return 1;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  const struct S_state *s = state;
  struct mtai_lexicon *lx = cx->lexicon;
  struct mtai_speller *sp = cx->speller;
  struct mtai_doc *d = r->doc;
  const unsigned closed = MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP |
                          MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB |
                          MTAI_LEX_ADV_CONJ | MTAI_LEX_ADV | MTAI_LEX_AUX;
  for (size_t pi = 0; lx && pi < d->npara; pi++) {
    const struct mtai_paragraph *para = &d->paras[pi];
    if (para->kind != MTAI_PARA_TEXT)
      continue;
    for (size_t si = para->sent_first; si < para->sent_end; si++) {
      const struct mtai_sentence *sn = &d->sents[si];
      if (sn->tok_end < sn->tok_first + 4 ||
          !mtai_tok_eq(d, sn->tok_end - 1, "."))
        continue;
      size_t wi = sn->tok_end - 2, p = wi - 1;
      const struct mtai_token *w = &d->toks[wi], *pt = &d->toks[p];
      if (w->kind != MTAI_TOK_WORD || pt->kind != MTAI_TOK_WORD ||
          !(w->flags & MTAI_TF_UPPER) || (w->flags & MTAI_TF_ALLCAPS) ||
          p <= sn->tok_first)
        continue;
      const char *ww = d->text + w->start;
      size_t wn = w->end - w->start;
      /* After the finite verb that closes a subordinate clause ("...,
       * dass sie liefern wollten Minister."), even a time word hangs. */
      unsigned pc0 = S_classes(lx, d, p);
      int sub =
          !(pt->flags & MTAI_TF_UPPER) &&
          (pc0 & (MTAI_LEX_FINITE | MTAI_LEX_AUX)) &&
          !(pc0 & (MTAI_LEX_PREP | MTAI_LEX_DET | MTAI_LEX_PRON |
                   MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB | MTAI_LEX_ADV)) &&
          S_subclause_end(lx, d, sn->tok_first, p);
      if ((!sub && S_time_word(s, ww, wn)) ||
          (wn > 4 && !memcmp(ww + wn - 4, "isch", 4)) ||
          (wn == 7 && !memcmp(ww, "Deutsch", 7)) ||
          (wn > 2 && ww[wn - 1] == 's' &&
           (!sp || mtai_speller_is_name(sp, ww, wn - 1))))
        continue;
      /* W itself must be a noun or a name, not a capitalized function
       * word (the garbled check's business), nor a nominalized adjective
       * ("etwas völlig Neues"). */
      unsigned wc = S_classes(lx, d, wi);
      if ((wc & closed) || S_nominal_adj(lx, d, wi))
        continue;
      const char *pw = d->text + pt->start;
      size_t pn = pt->end - pt->start;
      unsigned pc = S_classes(lx, d, p);
      const char *why = NULL;
      if (sub) {
        why = N_("the finite verb that closes the subordinate clause");
      } else if (!(pt->flags & MTAI_TF_UPPER)) {
        /* An infinitive auxiliary closes a verb cluster ("sollen ...
         * fortgesetzt werden"); other closed-class words do not end one. */
        int aux_inf = (pc & MTAI_LEX_AUX) && (pc & MTAI_LEX_NONFINITE) &&
                      !(pc & (closed & ~MTAI_LEX_AUX));
        if ((pc & closed) && !aux_inf)
          continue;
        if ((pc & (MTAI_LEX_PARTICIPLE | MTAI_LEX_INF | MTAI_LEX_NONFINITE)) &&
            S_clause_has(lx, d, sn->tok_first, p, MTAI_LEX_AUX))
          why = N_("the verb that closes the clause");
        else if ((pc & MTAI_LEX_ADJ) &&
                 !(pc & (MTAI_LEX_PARTICIPLE | MTAI_LEX_INF)) &&
                 !S_inflected(pw, pn) && S_copula(lx, d, sn->tok_first, p))
          why = N_("the predicate adjective that closes the clause");
      } else if (p > sn->tok_first + 1 &&
                 ((pc & MTAI_LEX_NOUN) || S_time_word(s, pw, pn)) &&
                 !(pc & (MTAI_LEX_ADJ | MTAI_LEX_INF | MTAI_LEX_FINITE)) &&
                 /* a pure noun: not "im Weißen Haus" */
                 !(pt->flags & (MTAI_TF_ALLCAPS | MTAI_TF_HYPHEN)) &&
                 !S_head(s, pw, pn) &&
                 !(sp && mtai_speller_is_name(sp, pw, pn)) &&
                 !S_lower_word_ok(sp, pw, pn)) {
        /* After a preposition fused with its article ("zum Beispiel",
         * "zum Thema", "im Grunde", "beim Konzern") the noun forms an
         * adverbial phrase or takes an apposition: what follows is a
         * constituent of its own ("wie zum Beispiel Windkraft"). Times
         * are no such heads ("am Sonntag Armee"). */
        unsigned qc = S_classes(lx, d, p - 1);
        if (!(d->toks[p - 1].flags & MTAI_TF_UPPER) &&
            (qc & (MTAI_LEX_DET | MTAI_LEX_PREP)) &&
            !(qc & MTAI_LEX_PRON && !(qc & MTAI_LEX_DET)) &&
            (!S_fused(d, p - 1) || S_time_word(s, pw, pn)))
          why = N_("a complete noun phrase ending in");
      }
      if (!why)
        continue;
      mta_status st = mtai_finding_add(
          r, &S_rules[0], S_rules[0].severity, w->start, w->end, NULL,
          "'%.*s' hangs at the end of the sentence after %s '%.*s', attached "
          "to nothing: English word order or a translated link; move it into "
          "the sentence or delete it",
          (int)wn, ww, _(why), (int)pn, pw);
      if (st)
        return st;
    }
  }
  return MTA_OK;
}

const struct mta_check mtai_check_stray = {
    "stray-final", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,        S_run,   S_destroy};
