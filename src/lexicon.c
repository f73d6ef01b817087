/*
 * The German word-class lexicon.
 *
 * Open classes (nouns, adjectives, verbs: infinitives, finite forms, past
 * participles) come from Debian's trans-de-en (the Ding dictionary),
 * turned at build time by tools/mklexicon.c into a sorted table
 * "FORM<TAB>CLASSES" that is linked into the library as read-only data
 * (build/gen/lexicon_data.S, .incbin), with the index of its line offsets
 * (tools/mklexindex.c: 1.3 MB of read-only data, shared by every auditor
 * and process); look-ups binary-search it, and start-up builds nothing
 * (building the index took ~7 ms per auditor, a hash table of 324,000
 * entries tens of MB and ~100 ms -- measured, see docs/DESIGN.md and
 * docs/PERFORMANCE.md).
 *
 * Closed classes are written by hand in dict/: de-articles.txt,
 * de-pronouns.txt, de-prepositions.txt, de-conjunctions.txt,
 * de-verbs-closed.txt (auxiliaries and modals with every finite form),
 * de-adverbs.txt (adverbs and numerals written in lower case).
 * They are looked up in lower case.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "lexicon_hash.h"

extern const char mtai_lexicon_data[];
extern const char mtai_lexicon_end[];
extern const uint32_t mtai_lexicon_index[];
extern const uint32_t mtai_lexicon_nlines;
extern const uint32_t mtai_lexicon_bloom[];

struct mtai_lexicon {
  const uint32_t *lines; /* offset of every line (mtai_lexicon_index) */
  size_t nlines;
  struct mtai_strset closed; /* lower-case word -> (void *)bits */
  /* Answers of mtai_lexicon_classes() by word: (void *)(bits | S_CACHED).
   * The lexicon belongs to one auditor (one thread), so the cache needs no
   * lock; it is emptied when it reaches S_CACHE_MAX words, which bounds
   * its memory on a stream of unlimited vocabulary. */
  struct mtai_strset cache;
};

#define S_CACHED 0x80000000u
#define S_CACHE_MAX 200000

/* Adds every line's first field of dict file 'name' with 'bits'; for the
 * tab-separated files, 'tagbits' maps the last field to more bits. */
static mta_status S_load(struct mtai_strset *set, const char *name,
                         unsigned bits,
                         unsigned (*tagbits)(const char *tag, size_t n)) {
  const char *data;
  size_t len;
  if (!mtai_data_get(name, &data, &len))
    return MTA_ERR_DICT;
  for (size_t i = 0; i < len;) {
    size_t e = i;
    while (e < len && data[e] != '\n')
      e++;
    size_t a = i, b = e;
    while (b > a && (data[b - 1] == '\r' || data[b - 1] == ' '))
      b--;
    if (b > a && data[a] != '#') {
      const char *tab = memchr(data + a, '\t', b - a);
      size_t wn = tab ? (size_t)(tab - data) - a : b - a;
      unsigned extra = bits;
      if (tab && tagbits) {
        const char *last = data + b;
        while (last > tab + 1 && last[-1] != '\t')
          last--;
        extra |= tagbits(last, (size_t)(data + b - last));
      }
      void *old = NULL;
      mtai_strset_get(set, data + a, wn, &old);
      mta_status st = mtai_strset_put(
          set, data + a, wn, (void *)((uintptr_t)old | (uintptr_t)extra));
      if (st)
        return st;
    }
    i = e + 1;
  }
  return MTA_OK;
}

static int S_is(const char *s, size_t n, const char *lit) {
  return n == strlen(lit) && !memcmp(s, lit, n);
}

static unsigned S_pron_tag(const char *t, size_t n) {
  return S_is(t, n, "relative") ? MTAI_LEX_RELPRON : 0;
}

static unsigned S_conj_tag(const char *t, size_t n) {
  if (S_is(t, n, "coord"))
    return MTAI_LEX_CONJ_COORD;
  if (S_is(t, n, "subord"))
    return MTAI_LEX_CONJ_SUB;
  return MTAI_LEX_ADV_CONJ;
}

static unsigned S_verb_tag(const char *t, size_t n) {
  return S_is(t, n, "nonfinite") ? MTAI_LEX_NONFINITE : MTAI_LEX_AUX;
}

mta_status mtai_lexicon_new(struct mtai_lexicon **out) {
  *out = NULL;
  struct mtai_lexicon *lx = calloc(1, sizeof *lx);
  if (!lx)
    return MTA_ERR_NOMEM;
  mtai_strset_init(&lx->closed);
  mtai_strset_init(&lx->cache);
  lx->lines = mtai_lexicon_index;
  lx->nlines = mtai_lexicon_nlines;
  mta_status st = S_load(&lx->closed, "de-articles.txt", MTAI_LEX_DET, NULL);
  if (!st)
    st = S_load(&lx->closed, "de-pronouns.txt", MTAI_LEX_PRON, S_pron_tag);
  if (!st)
    st = S_load(&lx->closed, "de-prepositions.txt", MTAI_LEX_PREP, NULL);
  if (!st)
    st = S_load(&lx->closed, "de-conjunctions.txt", 0, S_conj_tag);
  if (!st)
    st = S_load(&lx->closed, "de-verbs-closed.txt", 0, S_verb_tag);
  if (!st)
    st = S_load(&lx->closed, "de-adverbs.txt", MTAI_LEX_ADV, NULL);
  if (st) {
    mtai_lexicon_free(lx);
    return st;
  }
  *out = lx;
  return MTA_OK;
}

void mtai_lexicon_free(struct mtai_lexicon *lx) {
  if (!lx)
    return;
  mtai_strset_free(&lx->closed);
  mtai_strset_free(&lx->cache);
  free(lx);
}

/* Compares w[0..n) with the first field of table line 'k'. */
static int S_cmp_line(const struct mtai_lexicon *lx, size_t k, const char *w,
                      size_t n) {
  const unsigned char *l =
      (const unsigned char *)mtai_lexicon_data + lx->lines[k];
  const unsigned char *u = (const unsigned char *)w;
  for (size_t i = 0;; i++) {
    int lc = l[i] == '\t' || l[i] == '\n' ? -1 : l[i];
    int wc = i < n ? u[i] : -1;
    if (lc != wc)
      return wc < lc ? -1 : 1;
    if (wc < 0)
      return 0;
  }
}

/* 0 when w[0..n) is certainly no form of the table (its Bloom filter,
 * built with it): most strings asked are made-up candidates (suggestions,
 * one-edit variants), and the binary search costs ~19 cache misses. */
static int S_maybe(const char *w, size_t n) {
  uint64_t h = mtai_lexhash(w, n);
  for (unsigned k = 0; k < MTAI_LEXBLOOM_K; k++) {
    uint32_t b = mtai_lexbloom_bit(h, k);
    if (!(mtai_lexicon_bloom[b / 32] >> (b % 32) & 1))
      return 0;
  }
  return 1;
}

long mtai_lexicon_line(const struct mtai_lexicon *lx, const char *w, size_t n) {
  if (!S_maybe(w, n))
    return -1;
  size_t lo = 0, hi = lx->nlines;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = S_cmp_line(lx, mid, w, n);
    if (c == 0)
      return (long)mid;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return -1;
}

size_t mtai_lexicon_line_count(const struct mtai_lexicon *lx) {
  return lx->nlines;
}

const char *mtai_lexicon_form(const struct mtai_lexicon *lx, size_t line,
                              size_t *n) {
  const char *l = mtai_lexicon_data + lx->lines[line];
  *n = strcspn(l, "\t\n");
  return l;
}

static unsigned S_open(const struct mtai_lexicon *lx, const char *w, size_t n) {
  long k = mtai_lexicon_line(lx, w, n);
  if (k < 0)
    return 0;
  const char *l = mtai_lexicon_data + lx->lines[k] + n + 1;
  unsigned bits = 0;
  for (; *l && *l != '\n'; l++)
    bits |= *l == 'N'   ? MTAI_LEX_NOUN
            : *l == 'A' ? MTAI_LEX_ADJ
            : *l == 'V' ? MTAI_LEX_INF
            : *l == 'F' ? MTAI_LEX_FINITE
            : *l == 'P' ? MTAI_LEX_PARTICIPLE
                        : 0;
  return bits;
}

int mtai_lexicon_noun_form(const struct mtai_lexicon *lx, const char *w,
                           size_t n) {
  static const char *const ends[] = {"n", "en", "s", "es", "e", "ern", "er"};
  if (S_open(lx, w, n) & MTAI_LEX_NOUN)
    return 1;
  for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
    size_t el = strlen(ends[k]);
    if (n > el + 2 && !memcmp(w + n - el, ends[k], el) &&
        (S_open(lx, w, n - el) & MTAI_LEX_NOUN))
      return 1;
  }
  return 0;
}

static unsigned S_classes(const struct mtai_lexicon *lx, const char *w,
                          size_t n);

unsigned mtai_lexicon_classes(struct mtai_lexicon *lx, const char *w,
                              size_t n) {
  struct mtai_lexicon *m = lx;
  void *v = NULL;
  if (mtai_strset_get(&m->cache, w, n, &v))
    return (unsigned)(uintptr_t)v & ~S_CACHED;
  unsigned bits = S_classes(lx, w, n);
  if (m->cache.count >= S_CACHE_MAX) {
    mtai_strset_free(&m->cache);
    mtai_strset_init(&m->cache);
  }
  /* A failed insert only costs the next look-up its speed. */
  (void)mtai_strset_put(&m->cache, w, n, (void *)(uintptr_t)(bits | S_CACHED));
  return bits;
}

static unsigned S_classes(const struct mtai_lexicon *lx, const char *w,
                          size_t n) {
  unsigned open = S_open(lx, w, n), closed = 0;
  struct mta_buf low;
  mtai_buf_init(&low, 256);
  if (!mtai_utf8_lower(w, n, &low)) {
    const char *l = mtai_buf_str(&low);
    size_t ln = mtai_buf_len(&low);
    void *v = NULL;
    if (mtai_strset_get(&lx->closed, l, ln, &v))
      closed = (unsigned)(uintptr_t)v;
    /* A capitalized word may be a lower-case word at a sentence start. */
    if (ln != n || memcmp(l, w, n))
      open |= S_open(lx, l, ln) & ~MTAI_LEX_NOUN;
  }
  mtai_buf_free(&low);
  /* Prepositions, conjunctions and adverbs are no verb forms, whatever an
   * open-class entry says (Ding lists separable particles and phrasal
   * entries: "aus", "an", "zu"). Articles and pronouns are verbs only
   * where they are infinitives too ("sein", "meinen"). */
  if (closed & (MTAI_LEX_PREP | MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB |
                MTAI_LEX_ADV_CONJ | MTAI_LEX_ADV))
    open &= ~(MTAI_LEX_INF | MTAI_LEX_FINITE | MTAI_LEX_PARTICIPLE);
  else if ((closed & (MTAI_LEX_DET | MTAI_LEX_PRON)) && !(open & MTAI_LEX_INF))
    open &= ~(MTAI_LEX_FINITE | MTAI_LEX_PARTICIPLE);
  unsigned bits = open | closed;
  /* Auxiliaries and modals are finite verbs too. */
  if (bits & MTAI_LEX_AUX)
    bits |= MTAI_LEX_FINITE;
  return bits;
}

unsigned long mtai_lexicon_noun_data(const struct mtai_lexicon *lx,
                                     const char *w, size_t n) {
  if (!S_maybe(w, n))
    return 0;
  size_t lo = 0, hi = lx->nlines;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = S_cmp_line(lx, mid, w, n);
    if (c == 0) {
      const char *l = mtai_lexicon_data + lx->lines[mid] + n + 1;
      while (*l && *l != '\n' && *l != '\t')
        l++;
      if (*l != '\t')
        return 0;
      return strtoul(l + 1, NULL, 16);
    }
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return 0;
}

int mtai_lexicon_has_form(const struct mtai_lexicon *lx, const char *w,
                          size_t n) {
  return S_open(lx, w, n) != 0;
}

unsigned mtai_tok_classes(struct mtai_lexicon *lx, struct mtai_doc *d, size_t i,
                          int lower) {
  if (!lx || i >= d->ntok || d->toks[i].kind != MTAI_TOK_WORD)
    return 0;
  /* With a token table, once per distinct word (d->cls is then unused). */
  struct mtai_tokfact *f = mtai_tok_fact(d, i);
  uint16_t *once = f ? (lower ? &f->cls_low : &f->cls) : NULL;
  if (once && *once != MTAI_CLS_UNSET)
    return *once;
  uint16_t **cache = lower ? &d->cls_low : &d->cls;
  if (!once && !*cache) {
    *cache = malloc(d->ntok * sizeof **cache);
    if (*cache)
      memset(*cache, 0xFF, d->ntok * sizeof **cache);
  }
  if (*cache && (*cache)[i] != MTAI_CLS_UNSET)
    return (*cache)[i];
  const char *w = d->text + d->toks[i].start;
  size_t n = d->toks[i].end - d->toks[i].start;
  unsigned bits;
  if (!lower) {
    bits = mtai_lexicon_classes(lx, w, n);
  } else {
    struct mta_buf low;
    mtai_buf_init(&low, 256);
    bits =
        mtai_utf8_lower(w, n, &low)
            ? 0
            : mtai_lexicon_classes(lx, mtai_buf_str(&low), mtai_buf_len(&low));
    mtai_buf_free(&low);
  }
  if (once && bits < MTAI_CLS_UNSET)
    *once = (uint16_t)bits;
  else if (*cache && bits < MTAI_CLS_UNSET)
    (*cache)[i] = (uint16_t)bits;
  return bits;
}
