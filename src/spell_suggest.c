/*
 * The speller's suggestions for an unknown word (mtai_speller_suggest()):
 * our own candidates, ranked, computed once per distinct word and kept in
 * its cache entry (spell.c).
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "spell_int.h"
#include "vec.h"

/*
 * Suggestions are computed here, not by Hunspell's suggest(): that stops
 * its searches on time limits measured with clock(), the CPU time of the
 * whole process, so under load or with worker threads (-j) it returned
 * fewer or other words from run to run. These candidates depend on the
 * word and the dictionaries only:
 *   - the capitalized word ("regierung" -> "Regierung"), and Hunspell's
 *     REP replacements of more than one letter (S_reps: "ss" <-> "ß",
 *     "ae" -> "ä", "ph" <-> "f", "ch" <-> "k");
 *   - every word one edit away (mtai_spell_edits(), inflected forms included);
 * each known to the German dictionary (and, for a capitalized word, a
 * form of the lexicon too). They are ranked by S_rank() -- 0: case, REP,
 * umlaut or ß for its base letter; 1: two letters swapped, a letter
 * doubled or undoubled; 2: any other edit -- then words of the lexicon
 * before the rest (Hunspell also accepts odd compounds), then in the
 * order found. The first three are offered.
 */
static const char *const S_reps[][2] = {
    {"\xC3\x9F", "ss"}, {"ss", "\xC3\x9F"}, {"ae", "\xC3\xA4"},
    {"oe", "\xC3\xB6"}, {"ue", "\xC3\xBC"}, {"ph", "f"},
    {"f", "ph"},        {"ch", "k"},        {"k", "ch"}};

struct S_cand {
  char *w;
  size_t n;
  int rank; /* S_rank(), + 3 when not in the lexicon */
  size_t order;
};

struct S_collect {
  const char *w; /* the unknown word */
  size_t n;
  struct S_cand *c;
  size_t count, cap;
  int nomem;
};

/* 1 when code points x and y are a letter and its umlaut (or s and ß). */
static int S_umlaut_pair(int32_t x, int32_t y) {
  static const int32_t pairs[][2] = {
      {'a', 0xE4}, {'o', 0xF6}, {'u', 0xFC}, {'s', 0xDF}};
  for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
    if ((x == pairs[k][0] && y == pairs[k][1]) ||
        (y == pairs[k][0] && x == pairs[k][1]))
      return 1;
  return 0;
}

/* Rank of candidate c[0..cn) for word w[0..n) (see above): compares their
 * code points; anything but a single edit ranks 0 (the case and REP
 * candidates). */
static int S_rank(const char *w, size_t n, const char *c, size_t cn) {
  int32_t a[66], b[66];
  size_t na = mtai_spell_cps(w, n, a, 65), nb = mtai_spell_cps(c, cn, b, 65);
  if (na > 65 || nb > 65)
    return 2;
  size_t pre = 0;
  while (pre < na && pre < nb && a[pre] == b[pre])
    pre++;
  if (na == nb) {
    if (pre + 2 <= na && a[pre] == b[pre + 1] && a[pre + 1] == b[pre] &&
        !memcmp(a + pre + 2, b + pre + 2, (na - pre - 2) * sizeof *a))
      return 1; /* transposition */
    if (pre < na &&
        !memcmp(a + pre + 1, b + pre + 1, (na - pre - 1) * sizeof *a))
      return S_umlaut_pair(a[pre], b[pre]) ? 0 : 2; /* substitution */
    return 0;
  }
  /* Insertion (the longer is 'l') or deletion: the extra letter at 'pre'
   * doubles its neighbour or not. */
  const int32_t *l = na > nb ? a : b, *s = na > nb ? b : a;
  size_t nl = na > nb ? na : nb, ns = na > nb ? nb : na;
  if (nl != ns + 1 || memcmp(l + pre + 1, s + pre, (ns - pre) * sizeof *l))
    return 0;
  return (pre > 0 && l[pre - 1] == l[pre]) ||
                 (pre + 1 < nl && l[pre + 1] == l[pre])
             ? 1
             : 2;
}

/* Adds candidate c[0..n) once; never stops the search. */
static int S_collect_found(struct mtai_speller *sp, const char *c, size_t n,
                           void *ctx) {
  struct S_collect *k = ctx;
  if (k->nomem || (n == k->n && !memcmp(c, k->w, n)))
    return 0;
  for (size_t i = 0; i < k->count; i++)
    if (k->c[i].n == n && !memcmp(k->c[i].w, c, n))
      return 0; /* different edits can give the same word */
  if (mtai_vec_reserve(k->c, k->cap, k->count + 1)) {
    k->nomem = 1;
    return 0;
  }
  char *copy = strndup(c, n);
  if (!copy) {
    k->nomem = 1;
    return 0;
  }
  struct S_cand *e = &k->c[k->count];
  e->w = copy;
  e->n = n;
  e->rank = S_rank(k->w, k->n, c, n) +
            (sp->lx && !mtai_lexicon_has_form(sp->lx, c, n) ? 3 : 0);
  e->order = k->count++;
  return 0;
}

static int S_cand_cmp(const void *x, const void *y) {
  const struct S_cand *a = x, *b = y;
  if (a->rank != b->rank)
    return a->rank < b->rank ? -1 : 1;
  return a->order < b->order ? -1 : a->order > b->order;
}

/* The REP candidates of w[0..n) (see above) for S_collect 'k'. */
static void S_reps_of(struct mtai_speller *sp, struct S_collect *k,
                      const char *w, size_t n, int filter) {
  char cand[256];
  for (size_t r = 0; r < sizeof S_reps / sizeof S_reps[0]; r++) {
    size_t fl = strlen(S_reps[r][0]), tl = strlen(S_reps[r][1]);
    for (size_t i = 1; i + fl <= n; i++) { /* never the first letter */
      sp->work++;
      if (memcmp(w + i, S_reps[r][0], fl) || n - fl + tl >= sizeof cand)
        continue;
      memcpy(cand, w, i);
      memcpy(cand + i, S_reps[r][1], tl);
      memcpy(cand + i + tl, w + i + fl, n - i - fl);
      size_t cn = n - fl + tl;
      if ((!filter || mtai_spell_maybe_word(sp, cand, cn)) &&
          mtai_spell_hun(sp, cand, cn) == 1)
        S_collect_found(sp, cand, cn, k);
    }
  }
}

/* The case and REP candidates of the word of 'k': a lower-case word
 * capitalized, and REP replacements in the word and in that form
 * ("strasse" -> "Straße"). */
static void S_rep_candidates(struct mtai_speller *sp, struct S_collect *k,
                             int filter) {
  S_reps_of(sp, k, k->w, k->n, filter);
  char cap[256];
  size_t m = mtai_spell_upper_initial(k->w, k->n)
                 ? 0
                 : mtai_spell_capitalize(k->w, k->n, cap, sizeof cap);
  if (!m)
    return;
  if (mtai_spell_hun(sp, cap, m) == 1)
    S_collect_found(sp, cap, m, k);
  S_reps_of(sp, k, cap, m, filter);
}

static mta_status S_suggestions(struct mtai_speller *sp,
                                struct mtai_spell_entry *e, const char *w,
                                size_t n);

/* Suggestions for a hyphenated word: those for its first unknown part,
 * put back in place ("neo-kalten" -> "neu-kalten"). Hunspell's own
 * suggestions for whole hyphenated words are slow and, under its time
 * limit, erratic. Sets '*done' when a part is unknown (and the entry's
 * suggestions were filled); MTA_ERR_NOMEM leaves the entry as it was. */
static mta_status S_hyphen_suggestions(struct mtai_speller *sp,
                                       struct mtai_spell_entry *e,
                                       const char *w, size_t n, int *done) {
  *done = 0;
  for (size_t i = 0; i < n;) {
    size_t end = i;
    while (end < n && w[end] != '-')
      end++;
    if (end > i &&
        mtai_spell_verdict_plain(sp, w + i, end - i) == MTAI_SPELL_UNKNOWN) {
      struct mtai_spell_entry *pe = mtai_spell_entry(sp, w + i, end - i);
      if (!pe)
        return MTA_ERR_NOMEM;
      mta_status st = S_suggestions(sp, pe, w + i, end - i);
      struct mta_buf out, cand;
      mtai_buf_init(&out, 0);
      mtai_buf_init(&cand, 0);
      char *first = NULL;
      const char *s = pe->suggestions;
      for (int used = 0; !st && *s && used < 3; used++) {
        size_t len = strcspn(s, ",");
        mtai_buf_reset(&cand);
        if (!(st = mtai_buf_add(&cand, w, i)) &&
            !(st = mtai_buf_add(&cand, s, len)) &&
            !(st = mtai_buf_add(&cand, w + end, n - end)))
          st = mtai_buf_printf(&out, "%s%s", used ? ", " : "",
                               mtai_buf_str(&cand));
        if (!st && !first &&
            !(first =
                  mtai_spell_alloc_ok(sp) ? strdup(mtai_buf_str(&cand)) : NULL))
          st = MTA_ERR_NOMEM;
        s += len;
        while (*s == ',' || *s == ' ')
          s++;
      }
      mtai_buf_free(&cand);
      char *list = st ? NULL : mtai_buf_detach(&out);
      mtai_buf_free(&out);
      if (!list) {
        free(first);
        return st ? st : MTA_ERR_NOMEM;
      }
      e->suggestions = list;
      e->first = first;
      e->suggested = 1;
      *done = 1;
      return MTA_OK;
    }
    i = end + 1;
  }
  return MTA_OK;
}

/* Fills the suggestions of entry 'e' for w[0..n) (once): the first three
 * ranked candidates (see S_collect above); hyphenated words per part. */
static mta_status S_suggestions(struct mtai_speller *sp,
                                struct mtai_spell_entry *e, const char *w,
                                size_t n) {
  if (e->suggested)
    return MTA_OK;
  if (memchr(w, '-', n)) {
    int done;
    mta_status st = S_hyphen_suggestions(sp, e, w, n, &done);
    if (st || done)
      return st;
  }
  /* A capitalized unknown word is most often a name: its candidates
   * must also be forms of the lexicon, which is much faster (and keeps
   * Hunspell's odd compounds out). A lower-case word's may be any word
   * Hunspell knows ("verschärfen" is no form of the lexicon). */
  int filter = mtai_spell_upper_initial(w, n) ? MTAI_SPELL_EDIT_LEXICON : 0;
  struct S_collect k = {w, n, NULL, 0, 0, 0};
  if (n < MTAI_SPELL_SPLIT_MAX) {
    S_rep_candidates(sp, &k, filter);
    mtai_spell_edits(sp, w, n, S_collect_found, &k,
                     filter | MTAI_SPELL_EDIT_INFLECTED, &e->memo);
  }
  mta_status st = k.nomem ? MTA_ERR_NOMEM : MTA_OK;
  if (k.count)
    qsort(k.c, k.count, sizeof *k.c, S_cand_cmp);
  mtai_buf_reset(&sp->tmp);
  for (size_t i = 0; !st && i < k.count && i < 3; i++) {
    st = mtai_buf_printf(&sp->tmp, "%s%s", i ? ", " : "", k.c[i].w);
    if (!st && !e->first && !(e->first = strdup(k.c[i].w)))
      st = MTA_ERR_NOMEM;
  }
  for (size_t i = 0; i < k.count; i++)
    free(k.c[i].w);
  free(k.c);
  if (st)
    return st;
  e->suggestions = strdup(mtai_buf_str(&sp->tmp));
  if (!e->suggestions)
    return MTA_ERR_NOMEM;
  e->suggested = 1;
  return MTA_OK;
}

mta_status mtai_speller_suggest(struct mtai_speller *sp, const char *w,
                                size_t n, const char **list,
                                const char **first) {
  *list = "";
  *first = NULL;
  struct mtai_spell_entry *e = mtai_spell_entry(sp, w, n);
  if (!e)
    return MTA_ERR_NOMEM;
  /* The entry may be shared with other spellers: its lazily filled
   * fields are written and read under the dictionaries' lazy lock. Once
   * filled they no longer change. */
  pthread_mutex_lock(&sp->d->lazy_mu);
  mta_status st = S_suggestions(sp, e, w, n);
  if (!st) {
    *list = e->suggestions;
    *first = e->first;
  }
  pthread_mutex_unlock(&sp->d->lazy_mu);
  return st;
}

/* 1 when a REP replacement of w[0..n) (see S_reps) is a word. */
static int S_rep_known(struct mtai_speller *sp, const char *w, size_t n) {
  char cand[256];
  for (size_t r = 0; r < sizeof S_reps / sizeof S_reps[0]; r++) {
    size_t fl = strlen(S_reps[r][0]), tl = strlen(S_reps[r][1]);
    for (size_t i = 1; i + fl <= n; i++) {
      sp->work++;
      if (memcmp(w + i, S_reps[r][0], fl) || n - fl + tl >= sizeof cand)
        continue;
      memcpy(cand, w, i);
      memcpy(cand + i, S_reps[r][1], tl);
      memcpy(cand + i + tl, w + i + fl, n - i - fl);
      if (mtai_spell_hun(sp, cand, n - fl + tl) == 1)
        return 1;
    }
  }
  return 0;
}

/*
 * Cheap evidence that an unknown word is misspelt, for where its
 * suggestions are not computed (past the findings cap): a form of the
 * lexicon one edit away (mtai_speller_german_typo(), the filtered search),
 * the word capitalized ("regierung"), or a REP spelling of it
 * ("strasse"). It finds most of what the suggestions find (not adverbs
 * and other closed-class words, which the lexicon's forms lack).
 */
static int S_near_word(struct mtai_speller *sp, const char *w, size_t n);

int mtai_speller_near_word(struct mtai_speller *sp, const char *w, size_t n) {
  pthread_mutex_lock(&sp->d->lazy_mu); /* see mtai_speller_suggest() */
  int near = S_near_word(sp, w, n);
  pthread_mutex_unlock(&sp->d->lazy_mu);
  return near;
}

static int S_near_word(struct mtai_speller *sp, const char *w, size_t n) {
  struct mtai_spell_entry *e = mtai_spell_entry(sp, w, n);
  if (!e || e->verdict != MTAI_SPELL_UNKNOWN)
    return 0;
  if (e->near >= 0)
    return e->near;
  /* A hyphenated word: the evidence of its first unknown part, the one
   * the suggestions correct ("neo-kalten"). */
  for (size_t i = 0; memchr(w, '-', n) && i < n;) {
    size_t end = i;
    while (end < n && w[end] != '-')
      end++;
    if (end > i &&
        mtai_spell_verdict_plain(sp, w + i, end - i) == MTAI_SPELL_UNKNOWN) {
      e->near = S_near_word(sp, w + i, end - i);
      return e->near;
    }
    i = end + 1;
  }
  int near = mtai_speller_german_typo(sp, w, n);
  if (!near && n < 250) {
    char cap[256];
    size_t m = mtai_spell_upper_initial(w, n)
                   ? 0
                   : mtai_spell_capitalize(w, n, cap, sizeof cap);
    near = S_rep_known(sp, w, n) ||
           (m && (mtai_spell_hun(sp, cap, m) == 1 || S_rep_known(sp, cap, m)));
  }
  e->near = near;
  return near;
}
