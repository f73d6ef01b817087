/*
 * english-leftover/acronym: English acronyms German text does not use.
 *
 *   - US state postal codes (dict/us-states.txt: "PA", and AP forms
 *     "Pa.") where they stand for the state: after a place preposition
 *     ("in PA", "aus TX", "von NY") or after a place and a comma
 *     ("Pittsburgh, PA"); not before a capitalized word ("SC Freiburg")
 *     or a number (a postal address: "Dallas, TX 75201"), not inside a
 *     quotation. Also a politician's party-and-state tag ("(R-OH)"). Minor:
 *     the place before it or the sentence still says where.
 *   - political and administrative acronyms (dict/english-acronyms.txt:
 *     GOP, DHS, DOJ, DoD, EPA, ...) where German news writes a German
 *     name ("die Republikaner", "das Justizministerium"). An acronym the
 *     text introduces after a German name ("die Umweltbehörde EPA", "das
 *     Heimatschutzministerium (DHS)") is German usage and not reported
 *     anywhere in the document. Major: the German reader cannot resolve
 *     it. Acronyms German uses (USA, NATO, UN, FBI, CIA, NASA, FDA, CDC,
 *     ...) are not listed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "english-leftover/acronym",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .severity = MTA_SEV_MAJOR,
     .summary =
         N_("English acronym German does not use (\"die GOP\", \"in PA\")"),
     .explanation = N_(
         "An English acronym German news does not use: a US state's postal "
         "code where it stands for the state ('in PA', 'Pittsburgh, PA'; "
         "dict/us-states.txt, every state, and the AP forms such as 'Pa.'), "
         "minor since the place is still clear; and political or "
         "administrative acronyms ('die GOP', 'das DHS', 'das DOJ'; "
         "dict/english-acronyms.txt), major since the German reader cannot "
         "resolve them. Context decides: a code counts only after 'in', "
         "'aus', 'von', 'nach' or after a place and a comma, not before a "
         "capitalized word ('SC Freiburg'); an agency acronym the text "
         "introduces after a German name ('die Umweltbehörde EPA', 'das "
         "Heimatschutzministerium (DHS)') is German usage. Acronyms German "
         "uses (USA, NATO, UN, FBI, CIA, NASA) are never reported. Write the "
         "German name the suggestion gives."),
     .wrong = "Die GOP will das Gesetz im Senat blockieren.",
     .right = "Die Republikaner wollen das Gesetz im Senat blockieren."},
};

struct S_state {
  struct mtai_strset states; /* "PA" -> "Pennsylvania", "Pa." too */
  struct mtai_strset acr;    /* "GOP" -> "die Republikaner" */
  size_t maxtok;
  struct mtai_pairs_pre pre; /* of 'states' */
};

static void S_destroy(void *p) {
  struct S_state *s = p;
  if (!s)
    return;
  mtai_strset_free_with(&s->states, free);
  mtai_strset_free_with(&s->acr, free);
  mtai_pairs_pre_free(&s->pre);
  free(s);
}

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  struct S_state *s = calloc(1, sizeof *s);
  *out = s;
  if (!s)
    return MTA_ERR_NOMEM;
  mtai_strset_init(&s->states);
  mtai_strset_init(&s->acr);
  mta_status st = mtai_pairs_load(&s->states, "us-states.txt", &s->maxtok);
  if (!st)
    st = mtai_pairs_load(&s->acr, "english-acronyms.txt", NULL);
  if (st)
    return mtai_check_error(cx, st, "acronyms: word lists: %s",
                            mta_strerror(st));
  return MTA_OK;
}

static int S_prep(const struct mtai_doc *d, size_t k) {
  static const char *const preps[] = {"in", "aus", "von", "nach", "bei",
                                      "In", "Aus", "Von", "Nach", "Bei"};
  for (size_t i = 0; i < sizeof preps / sizeof *preps; i++)
    if (mtai_tok_eq(d, k, preps[i]))
      return 1;
  return 0;
}

/* State code at tokens [i, j] of paragraph 'p' in a place context;
 * 'comma_only': the code is also a word or abbreviation ("LA", "DE",
 * "OK"), so only "City, XX" counts. */
static int S_state_context(const struct mtai_doc *d,
                           const struct mtai_paragraph *p, size_t i, size_t j,
                           int comma_only) {
  if (i == p->tok_first || mtai_tok_quoted(d, i))
    return 0;
  /* "SC Freiburg", "PA Media": a name goes on; "Dallas, TX 75201": a
   * postal address, which keeps the code. */
  if (j + 1 < p->tok_end && (d->toks[j + 1].flags & MTAI_TF_SPACE_BEFORE) &&
      ((d->toks[j + 1].kind == MTAI_TOK_WORD &&
        (d->toks[j + 1].flags & MTAI_TF_UPPER)) ||
       d->toks[j + 1].kind == MTAI_TOK_NUMBER))
    return 0;
  /* "Pittsburgh, PA": a capitalized word and a comma before it. */
  if (i >= p->tok_first + 2 && mtai_tok_eq(d, i - 1, ",") &&
      d->toks[i - 2].kind == MTAI_TOK_WORD &&
      (d->toks[i - 2].flags & MTAI_TF_UPPER) &&
      !(d->toks[i - 2].flags & MTAI_TF_ALLCAPS))
    return 1;
  /* "in PA" (a two-letter code only: "in Pa." is too weak). */
  return !comma_only && j == i && S_prep(d, i - 1);
}

/* 1 when the text introduces acronym token 'k' after a German name: a
 * plainly German noun right before it ("Umweltbehörde EPA") or the
 * acronym in parentheses after one ("Heimatschutzministerium (DHS)"). */
static int S_introduced_at(const struct mtai_check_ctx *cx,
                           const struct mtai_doc *d, size_t k) {
  size_t b = k;
  if (k >= 1 && mtai_tok_eq(d, k - 1, "(") && k + 1 < d->ntok &&
      mtai_tok_eq(d, k + 1, ")"))
    b = k - 1;
  if (b == 0)
    return 0;
  const struct mtai_token *t = &d->toks[b - 1];
  if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
      !mtai_plain_german(cx, d, b - 1))
    return 0;
  /* A noun, not an article or preposition opening the sentence ("Das
   * DOJ", "Laut DoD"). */
  unsigned c = cx->lexicon
                   ? mtai_lexicon_classes(cx->lexicon, d->text + t->start,
                                          t->end - t->start)
                   : MTAI_LEX_NOUN;
  return (c & (MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP |
               MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB | MTAI_LEX_ADV_CONJ |
               MTAI_LEX_ADV | MTAI_LEX_AUX)) == 0;
}

/* 1 when token 'k' is a party-and-state tag of a US politician: "R-OH",
 * "D-CA", "I-VT" (one token, joined across the hyphen), with a state code
 * of 'states'; '*state' gets the state's name. */
static int S_party_state(const struct S_state *s, const struct mtai_doc *d,
                         size_t k, const char **state) {
  const char *w = d->text + d->toks[k].start;
  size_t n = mtai_tok_len(d, k);
  void *v = NULL;
  if (n != 4 || w[1] != '-' || (w[0] != 'R' && w[0] != 'D' && w[0] != 'I') ||
      !mtai_strset_get(&s->states, w + 2, 2, &v))
    return 0;
  *state = v;
  return 1;
}

/* Adds to 'intro' every acronym of the list that 'd' introduces after a
 * German name somewhere (one pass, so that a document full of acronyms
 * costs linear time). */
static mta_status S_collect_introduced(const struct S_state *s,
                                       const struct mtai_check_ctx *cx,
                                       const struct mtai_doc *d,
                                       struct mtai_strset *intro) {
  for (size_t k = 0; k < d->ntok; k++) {
    const struct mtai_token *t = &d->toks[k];
    if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
        !mtai_strset_has(&s->acr, d->text + t->start, t->end - t->start) ||
        !S_introduced_at(cx, d, k))
      continue;
    mta_status st =
        mtai_strset_add(intro, d->text + t->start, t->end - t->start);
    if (st)
      return st;
  }
  return MTA_OK;
}

/* 1 when "PM" at token 'k' is the German abbreviation of
 * Pressemitteilung: "die", "eine", "einer", "laut", "per" or "siehe" one
 * or two words before it. */
static int S_press_release(const struct mtai_doc *d,
                           const struct mtai_paragraph *p, size_t k) {
  static const char *const cues[] = {"die",  "Die",  "eine", "einer",
                                     "laut", "Laut", "per",  "siehe"};
  for (size_t back = 1; back <= 2 && k >= p->tok_first + back; back++)
    for (size_t c = 0; c < sizeof cues / sizeof *cues; c++)
      if (mtai_tok_eq(d, k - back, cues[c]))
        return 1;
  return 0;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *out) {
  struct S_state *s = state;
  const struct mtai_doc *d = out->doc;
  struct mtai_strset intro; /* acronyms the text introduces */
  mtai_strset_init(&intro);
  mta_status st = S_collect_introduced(s, cx, d, &intro);
  for (size_t pi = 0; !st && pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    for (size_t i = p->tok_first; !st && i < p->tok_end; i++) {
      const struct mtai_token *t = &d->toks[i];
      if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER))
        continue;
      const char *w = d->text + t->start;
      size_t n = t->end - t->start;
      const char *val = NULL;
      size_t m = mtai_pairs_match_pre(&s->pre, &s->states, s->maxtok, d, i,
                                      p->tok_end, &val);
      const char *tab = m ? strchr(val, '\t') : NULL;
      if (m && S_state_context(d, p, i, i + m - 1, tab != NULL)) {
        size_t b = d->toks[i + m - 1].end;
        int vn = tab ? (int)(tab - val) : (int)strlen(val);
        char sug[64];
        snprintf(sug, sizeof sug, "%.*s", vn, val);
        st = mtai_finding_add(
            out, &S_rules[0], MTA_SEV_MINOR, t->start, b, sug,
            "US state code '%.*s'; German writes the state's name ('%s')",
            (int)(b - t->start), w, sug);
        i += m - 1;
        continue;
      }
      const char *stname = NULL;
      if (S_party_state(s, d, i, &stname)) {
        st = mtai_finding_add(
            out, &S_rules[0], MTA_SEV_MINOR, t->start, t->end, NULL,
            "English party and state tag '%.*s'; German writes the party and "
            "the state ('Republikaner/Demokrat aus %.*s')",
            (int)n, w, (int)strcspn(stname, "\t"), stname);
        continue;
      }
      /* "GOP", and the first part of "GOP-Kandidaten". */
      size_t an = n;
      const char *h = memchr(w, '-', n);
      if (h)
        an = (size_t)(h - w);
      void *v = NULL;
      if (!mtai_strset_get(&s->acr, w, an, &v))
        continue;
      if (mtai_tok_quoted(d, i) || mtai_strset_has(&intro, w, an))
        continue;
      /* "die PM", "laut PM": a German Pressemitteilung. */
      if (an == 2 && !memcmp(w, "PM", 2) && S_press_release(d, p, i))
        continue;
      /* "3 PM", "PM10"; "UK Independence Party": a name goes on. */
      if ((i > p->tok_first && d->toks[i - 1].kind == MTAI_TOK_NUMBER) ||
          (!h && i + 1 < p->tok_end &&
           (d->toks[i + 1].flags & MTAI_TF_SPACE_BEFORE) &&
           mtai_english_name_around(cx, d, p, i, i)))
        continue;
      st = mtai_finding_add(out, &S_rules[0], S_rules[0].severity, t->start,
                            t->start + an, (const char *)v,
                            "English acronym '%.*s'; German news writes '%s'",
                            (int)an, w, (const char *)v);
    }
  }
  mtai_strset_free(&intro);
  return st;
}

const struct mta_check mtai_check_acronym = {
    "acronym", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,    S_run,   S_destroy};
