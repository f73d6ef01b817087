/*
 * spelling/unknown: words that are not German.
 *
 * Every word token goes through the shared speller (spell.c: German
 * Hunspell dictionary, user word lists, dict/names.txt, hyphen and
 * compound decomposition). Skipped before that: numbers and words with
 * digits, all-caps acronyms, one-letter words, units (dict/units.txt),
 * words with an inner period (domains, "z.B"), URLs, e-mail addresses and
 * hashtags; soft hyphens are ignored, and an abbreviation counts as known
 * when the dictionary has it with its period ("bzw.").
 *
 * An unknown capitalized word is often a name. It is not reported when it
 * behaves like one: it occurs at least twice in the article, it follows a
 * title (dict/titles.txt: Herr, Präsident, Minister, ...), or it stands
 * next to another name-like word ("Siemon T. Wezeman", "Leif-Eric
 * Easley"). Otherwise it is reported as minor (it still might be a name).
 * An unknown lower-case word is major, with up to three suggestions; one
 * the English dictionary knows gets no German suggestions.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const struct mta_rule S_rules[] = {
    {.id = "spelling/unknown",
     .category = MTAI_CAT_SPELLING,
     .severity = MTA_SEV_MAJOR,
     .summary =
         "word not in the German dictionary (minor when it may be a name)",
     .explanation =
         "A word that is not German: not in the German dictionary, not a "
         "compound of known words and not a name. Machine translation "
         "produces such words from typos of the source, invented compounds, "
         "cut-off words and English words with German endings. A capitalized "
         "word that behaves like a name (used twice, after a title, next to "
         "another name) is not reported, nor are numbers, units, acronyms, "
         "URLs and words of --dict lists; check the word and correct it, or "
         "add a real name to a word list.",
     .wrong = "Die Verhandlungen wurden am Montag ergebnislos abgebrochn.",
     .right = "Die Verhandlungen wurden am Montag ergebnislos abgebrochen."},
};

struct S_state {
  struct mtai_speller *sp; /* borrowed from the auditor */
  struct mtai_strset units;
  const struct mtai_strset *titles; /* the context's shared lists */
  const struct mtai_strset *func;   /* English function words: never typos */
};

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  *out = NULL;
  if (!cx->speller)
    return MTA_OK;
  struct S_state *s = calloc(1, sizeof *s);
  if (!s)
    return MTA_ERR_NOMEM;
  s->sp = cx->speller;
  s->titles = &cx->lists->titles;
  s->func = &cx->lists->func;
  mtai_strset_init(&s->units);
  *out = s;
  mta_status st = mtai_strset_load(&s->units, "units.txt");
  if (st)
    return mtai_check_error(cx, st, "spelling: word lists missing: %s",
                            mta_strerror(st));
  return MTA_OK;
}

static void S_destroy(void *p) {
  struct S_state *s = p;
  if (!s)
    return;
  mtai_strset_free(&s->units);
  free(s);
}

/* Whether token 'i' is a word to look up at all. */
static int S_candidate(const struct S_state *s, const struct mtai_doc *d,
                       size_t i) {
  const struct mtai_token *tk = &d->toks[i];
  if (tk->kind != MTAI_TOK_WORD || (tk->flags & MTAI_TF_ALLCAPS))
    return 0;
  const char *w = d->text + tk->start;
  size_t n = tk->end - tk->start;
  if (mtai_utf8_count(w, n) < 2 || mtai_strset_has(&s->units, w, n) ||
      mtai_strset_has(s->titles, w, n))
    return 0; /* titles: "Mrs" is the honorific check's business */
  for (size_t k = 0; k < n; k++)
    if ((w[k] >= '0' && w[k] <= '9') || w[k] == '_' || w[k] == '@' ||
        w[k] == '.')
      return 0;
  if (i > 0 && mtai_tok_eq(d, i - 1, "#") && d->toks[i - 1].end == tk->start)
    return 0; /* hashtag */
  return !mtai_doc_in_url(d, tk->start);
}

/* Copies w[0..n) without soft hyphens (U+00AD) into 'out' (size 'sz');
 * returns the length, 0 when it does not fit. */
static size_t S_clean(const char *w, size_t n, char *out, size_t sz) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (i + 1 < n && (unsigned char)w[i] == 0xC2 &&
        (unsigned char)w[i + 1] == 0xAD) {
      i++;
      continue;
    }
    if (k + 2 >= sz)
      return 0;
    out[k++] = w[i];
  }
  return k;
}

/* The speller's verdict on token 'i', soft hyphens removed; for an
 * unknown word followed directly by ".", the dotted form is tried too. */
static enum mtai_spell S_verdict(struct S_state *s, const struct mtai_doc *d,
                                 size_t i, char *w, size_t *n) {
  *n = S_clean(d->text + d->toks[i].start, mtai_tok_len(d, i), w, 250);
  if (*n < 2)
    return MTAI_SPELL_KNOWN;
  enum mtai_spell v = mtai_speller_check(s->sp, w, *n);
  if (v == MTAI_SPELL_UNKNOWN && i + 1 < d->ntok &&
      mtai_tok_eq(d, i + 1, ".") && d->toks[i + 1].start == d->toks[i].end) {
    w[*n] = '.';
    if (mtai_speller_check(s->sp, w, *n + 1) != MTAI_SPELL_UNKNOWN)
      v = MTAI_SPELL_KNOWN;
  }
  return v;
}

/* A capitalized word that is not a known common word: a name or unknown. */
static int S_namey(struct S_state *s, const struct mtai_doc *d, size_t i) {
  const struct mtai_token *tk = &d->toks[i];
  if (tk->kind != MTAI_TOK_WORD || !(tk->flags & MTAI_TF_UPPER))
    return 0;
  const char *w = d->text + tk->start;
  size_t n = tk->end - tk->start;
  if (mtai_strset_has(s->titles, w, n))
    return 0;
  enum mtai_spell v = mtai_speller_check(s->sp, w, n);
  return v == MTAI_SPELL_NAME || v == MTAI_SPELL_NAME_LIKE ||
         v == MTAI_SPELL_USER || v == MTAI_SPELL_FOREIGN ||
         v == MTAI_SPELL_UNKNOWN ||
         (v == MTAI_SPELL_COMPOUND && (tk->flags & MTAI_TF_HYPHEN));
}

/* The word token before 'i' in the same paragraph, skipping a middle
 * initial ("Siemon T. Wezeman"); 'lo' is the paragraph's first token.
 * Returns (size_t)-1 when there is none or punctuation intervenes. */
static size_t S_prev_word(const struct mtai_doc *d, size_t lo, size_t i) {
  if (i < lo + 1)
    return (size_t)-1;
  size_t j = i - 1;
  if (mtai_tok_eq(d, j, ".") && j >= lo + 2 && mtai_tok_len(d, j - 1) == 1 &&
      (d->toks[j - 1].flags & MTAI_TF_UPPER))
    j -= 2; /* "T." */
  return d->toks[j].kind == MTAI_TOK_WORD ? j : (size_t)-1;
}

static size_t S_next_word(const struct mtai_doc *d, size_t hi, size_t i) {
  size_t j = i + 1;
  if (j + 1 < hi && mtai_tok_len(d, j) == 1 &&
      (d->toks[j].flags & MTAI_TF_UPPER) && mtai_tok_eq(d, j + 1, "."))
    j += 2;
  return j < hi && d->toks[j].kind == MTAI_TOK_WORD ? j : (size_t)-1;
}

/* Evidence that capitalized unknown token 'i' is a name. 'counts' maps
 * capitalized surface forms to their number of occurrences. */
static int S_is_name(struct S_state *s, const struct mtai_doc *d,
                     const struct mtai_paragraph *p, size_t i,
                     const struct mtai_strset *counts) {
  const char *w = d->text + d->toks[i].start;
  size_t n = mtai_tok_len(d, i);
  void *c = NULL;
  if (mtai_strset_get(counts, w, n, &c) && (uintptr_t)c >= 2)
    return 1;
  /* A title with its period: "Mrs. May", "Prof. Easley". */
  if (i >= p->tok_first + 2 && mtai_tok_eq(d, i - 1, ".") &&
      d->toks[i - 2].kind == MTAI_TOK_WORD &&
      d->toks[i - 2].end == d->toks[i - 1].start &&
      mtai_strset_has(s->titles, d->text + d->toks[i - 2].start,
                      d->toks[i - 1].end - d->toks[i - 2].start))
    return 1;
  size_t pw = S_prev_word(d, p->tok_first, i);
  if (pw != (size_t)-1) {
    const char *x = d->text + d->toks[pw].start;
    if (mtai_strset_has(s->titles, x, mtai_tok_len(d, pw)) || S_namey(s, d, pw))
      return 1;
  }
  size_t nw = S_next_word(d, p->tok_end, i);
  return nw != (size_t)-1 && S_namey(s, d, nw);
}

static mta_status S_count_caps(const struct mtai_doc *d,
                               struct mtai_strset *counts) {
  for (size_t i = 0; i < d->ntok; i++) {
    const struct mtai_token *tk = &d->toks[i];
    if (tk->kind != MTAI_TOK_WORD || !(tk->flags & MTAI_TF_UPPER))
      continue;
    void *c = NULL;
    mtai_strset_get(counts, d->text + tk->start, tk->end - tk->start, &c);
    mta_status st =
        mtai_strset_put(counts, d->text + tk->start, tk->end - tk->start,
                        (void *)((uintptr_t)c + 1));
    if (st)
      return st;
  }
  return MTA_OK;
}

/* 1 when token 'k' is plainly English: unknown to German, known to
 * English. */
static int S_plain_english(const struct mtai_check_ctx *cx, struct S_state *s,
                           const struct mtai_doc *d, size_t k) {
  const char *w = d->text + d->toks[k].start;
  size_t n = mtai_tok_len(d, k);
  return d->toks[k].kind == MTAI_TOK_WORD &&
         mtai_speller_check(s->sp, w, n) == MTAI_SPELL_UNKNOWN &&
         mtai_english_known(cx, w, n);
}

/* An English-looking lower-case word among German words, with a German
 * word one edit away, is a German typo ("knap" for "knapp"); within English
 * words ("for the record") it is English. Mirrors the lone-word rule of
 * check_leftover.c. */
static int S_lone_typo(const struct mtai_check_ctx *cx, struct S_state *s,
                       const struct mtai_doc *d, const struct mtai_paragraph *p,
                       size_t i, const char *w, size_t n) {
  if (i > p->tok_first && (d->toks[i].flags & MTAI_TF_SPACE_BEFORE) &&
      S_plain_english(cx, s, d, i - 1))
    return 0;
  if (i + 1 < p->tok_end && (d->toks[i + 1].flags & MTAI_TF_SPACE_BEFORE) &&
      S_plain_english(cx, s, d, i + 1))
    return 0;
  return !mtai_strset_has(s->func, w, n) &&
         mtai_speller_german_typo(s->sp, w, n);
}

static mta_status S_report(struct S_state *s, struct mtai_findings *r, size_t i,
                           const char *w, size_t n, int capital) {
  const struct mtai_token *tk = &r->doc->toks[i];
  const char *list = NULL, *first = NULL;
  /* Past the findings cap the finding is only counted: no suggestions
   * (the one-edit search is most of the cost of an unknown word). */
  if (!mtai_findings_full(r)) {
    mta_status st = mtai_speller_suggest(s->sp, w, n, &list, &first);
    if (st)
      return st;
  }
  mta_severity sev = capital ? MTA_SEV_MINOR : MTA_SEV_MAJOR;
  const char *what =
      capital ? "unknown word (or an unfamiliar name)" : "unknown word";
  if (first)
    return mtai_finding_add(r, &S_rules[0], sev, tk->start, tk->end, first,
                            "%s '%.*s'; did you mean: %s?", what, (int)n, w,
                            list);
  return mtai_finding_add(r, &S_rules[0], sev, tk->start, tk->end, NULL,
                          "%s '%.*s'", what, (int)n, w);
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  struct S_state *s = state;
  if (!s)
    return MTA_OK;
  const struct mtai_doc *d = r->doc;
  struct mtai_strset counts;
  mtai_strset_init(&counts);
  mta_status st = S_count_caps(d, &counts);
  for (size_t pi = 0; !st && pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    for (size_t i = p->tok_first; !st && i < p->tok_end; i++) {
      if (!S_candidate(s, d, i))
        continue;
      char w[256];
      size_t n;
      enum mtai_spell v = S_verdict(s, d, i, w, &n);
      int capital = (d->toks[i].flags & MTAI_TF_UPPER) != 0;
      if (v != MTAI_SPELL_UNKNOWN ||
          (capital && S_is_name(s, d, p, i, &counts)))
        continue;
      /* English words and English transliterations of names are the
       * english-leftover checks' findings, not misspellings. */
      char german[128];
      if ((mtai_english_known(cx, w, n) &&
           (capital || !S_lone_typo(cx, s, d, p, i, w, n))) ||
          (capital &&
           mtai_speller_translit(s->sp, w, n, german, sizeof german)))
        continue;
      st = S_report(s, r, i, w, n, capital);
    }
  }
  mtai_strset_free(&counts);
  return st;
}

const struct mta_check mtai_check_spell = {
    "spelling", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,     S_run,   S_destroy};
