/*
 * The annotation stage, duplicates (see annotate.c): a paragraph that
 * repeats an earlier one of the same article, verbatim or nearly (after
 * case, whitespace and punctuation are normalized, or with at least 85 %
 * of the words of each in the other when it has six or more words), gets
 * dup_of = 1 + the index of that paragraph (dup_near when only nearly).
 * check_duplicate.c reports it; score.c leaves it out of the article
 * score so that its findings do not count twice.
 *
 * Memory: nothing per paragraph but a slot in the table of keys seen (8
 * bytes, paragraphs of two or more words). A key (the words in lower case,
 * one space apart) is never built: its hash and length are streamed from
 * the tokens, and two keys with the same hash are compared word by word.
 * The sorted word hashes of the near-duplicate test exist only for the
 * last S_WINDOW paragraphs, and only once a comparison needs them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "hash.h"

/* Paragraphs compared for near-duplicates, looking back at most this far. */
#define S_WINDOW 200

/* Word 'i' of the document in lower case, into 'low' (emptied first). */
static mta_status S_lower(const struct mtai_doc *d, size_t i,
                          struct mta_buf *low) {
  mtai_buf_reset(low);
  return mtai_utf8_lower(d->text + d->toks[i].start, mtai_tok_len(d, i), low);
}

/* Hash (FNV-1a, 64 bits) and length of the key of 'p': its words in lower
 * case, one space apart. With 'words' (room for p->words), also the hash
 * of each word, unsorted. */
static mta_status S_key_hash(const struct mtai_doc *d,
                             const struct mtai_paragraph *p,
                             struct mta_buf *low, uint64_t *hash, size_t *len,
                             uint64_t *words) {
  uint64_t x = MTAI_FNV64_BASIS;
  size_t n = 0, m = 0;
  for (size_t i = p->tok_first; i < p->tok_end; i++) {
    if (d->toks[i].kind == MTAI_TOK_PUNCT)
      continue;
    /* An ASCII word is lowered in place, without the buffer. */
    const char *w = d->text + d->toks[i].start;
    size_t wl = mtai_tok_len(d, i);
    int ascii = 1;
    for (size_t k = 0; ascii && k < wl; k++)
      ascii = (unsigned char)w[k] < 0x80;
    if (!ascii) {
      mta_status st = S_lower(d, i, low);
      if (st)
        return st;
      w = mtai_buf_str(low);
      wl = mtai_buf_len(low);
    }
    if (n) {
      x = mtai_fnv64_add(x, (unsigned char)' ');
      n++;
    }
    uint64_t y = MTAI_FNV64_BASIS;
    for (size_t k = 0; k < wl; k++) {
      unsigned char c = (unsigned char)w[k];
      if (ascii && c >= 'A' && c <= 'Z')
        c = (unsigned char)(c + ('a' - 'A'));
      x = mtai_fnv64_add(x, c);
      y = mtai_fnv64_add(y, c);
    }
    if (words && m < p->words)
      words[m++] = y;
    n += wl;
  }
  *hash = x;
  *len = n;
  return MTA_OK;
}

/* 1 when paragraphs 'a' and 'b' have the same key: the same words in lower
 * case (a word never holds a space, so equal words mean equal keys). */
static int S_same_key(const struct mtai_doc *d, const struct mtai_paragraph *a,
                      const struct mtai_paragraph *b, struct mta_buf *la,
                      struct mta_buf *lb) {
  size_t i = a->tok_first, j = b->tok_first;
  for (;;) {
    while (i < a->tok_end && d->toks[i].kind == MTAI_TOK_PUNCT)
      i++;
    while (j < b->tok_end && d->toks[j].kind == MTAI_TOK_PUNCT)
      j++;
    if (i == a->tok_end || j == b->tok_end)
      return i == a->tok_end && j == b->tok_end;
    size_t n = mtai_tok_len(d, i);
    if (n == mtai_tok_len(d, j) &&
        !memcmp(d->text + d->toks[i].start, d->text + d->toks[j].start, n)) {
      i++;
      j++;
      continue;
    }
    if (S_lower(d, i, la) || S_lower(d, j, lb) ||
        mtai_buf_len(la) != mtai_buf_len(lb) ||
        memcmp(mtai_buf_str(la), mtai_buf_str(lb), mtai_buf_len(la)))
      return 0;
    i++;
    j++;
  }
}

/* Sorts h[0..n) in place (heap sort: no scratch, whatever the size). */
static void S_sort(uint64_t *h, size_t n) {
  for (size_t k = n; k-- > 0;) /* heapify */
    for (size_t r = k, c; (c = 2 * r + 1) < n; r = c) {
      if (c + 1 < n && h[c + 1] > h[c])
        c++;
      if (h[r] >= h[c])
        break;
      uint64_t t = h[r];
      h[r] = h[c];
      h[c] = t;
    }
  for (size_t e = n; e-- > 1;) {
    uint64_t t = h[0];
    h[0] = h[e];
    h[e] = t;
    for (size_t r = 0, c; (c = 2 * r + 1) < e; r = c) {
      if (c + 1 < e && h[c + 1] > h[c])
        c++;
      if (h[r] >= h[c])
        break;
      t = h[r];
      h[r] = h[c];
      h[c] = t;
    }
  }
}

/* A paragraph of the near-duplicate window. */
struct S_slot {
  const struct mtai_paragraph *p;
  size_t kl;    /* key length */
  int eligible; /* six or more words, no exact repeat */
  uint64_t *hs; /* word hashes: taken with the key up to S_EAGER words, */
  size_t nh;    /* else computed on first use; sorted on first use */
  int sorted;
};

/* Paragraphs of up to this many words hash their words in the same pass
 * as the key (a long one waits until a comparison needs them). */
#define S_EAGER 4096

/* The sorted word hashes of slot 'w'. */
static mta_status S_hashes(const struct mtai_doc *d, struct S_slot *w,
                           struct mta_buf *low) {
  if (!w->hs) {
    uint64_t hash;
    size_t kl;
    w->hs = malloc((w->p->words ? w->p->words : 1) * sizeof *w->hs);
    if (!w->hs)
      return MTA_ERR_NOMEM;
    mta_status st = S_key_hash(d, w->p, low, &hash, &kl, w->hs);
    if (st)
      return st;
    w->nh = w->p->words;
  }
  if (!w->sorted)
    S_sort(w->hs, w->nh);
  w->sorted = 1;
  return MTA_OK;
}

/* Share of the words of 'a' found in 'b' (as multisets): 1.0 = the same
 * words. */
static double S_overlap(const uint64_t *a, size_t na, const uint64_t *b,
                        size_t nb) {
  size_t i = 0, j = 0, hit = 0;
  while (i < na && j < nb) {
    if (a[i] == b[j]) {
      hit++;
      i++;
      j++;
    } else if (a[i] < b[j]) {
      i++;
    } else {
      j++;
    }
  }
  return na ? (double)hit / (double)na : 0;
}

/* The keys seen so far (of paragraphs not repeating an earlier one):
 * open addressing, 1 + paragraph index and the hash's upper half. */
struct S_seen {
  struct {
    uint32_t para1, tag;
  } * v;
  size_t mask;
};

struct S_ctx {
  const struct mtai_doc *d;
  struct S_seen seen;
  struct mta_buf la, lb;
};

/* 1 + index of the earlier paragraph with the key of 'p' (hash 'h'), or
 * 0; with 'add', 'p' (index 'pi') is entered when there is none. */
static size_t S_seen_find(struct S_ctx *c, uint64_t h,
                          const struct mtai_paragraph *p, size_t pi, int add) {
  uint32_t tag = (uint32_t)(h >> 32);
  size_t k = (size_t)h & c->seen.mask;
  for (; c->seen.v[k].para1; k = (k + 1) & c->seen.mask)
    if (c->seen.v[k].tag == tag &&
        S_same_key(c->d, &c->d->paras[c->seen.v[k].para1 - 1], p, &c->la,
                   &c->lb))
      return c->seen.v[k].para1;
  if (add) {
    c->seen.v[k].para1 = (uint32_t)(pi + 1);
    c->seen.v[k].tag = tag;
  }
  return 0;
}

/* Sets dup_of and dup_near of every paragraph of 'd'. */
mta_status mtai_find_duplicates(struct mtai_doc *d) {
  struct S_ctx c = {.d = d};
  mtai_buf_init(&c.la, 0);
  mtai_buf_init(&c.lb, 0);
  /* Room for every paragraph of two or more words at a load of 3/4. */
  size_t n2 = 0, cap = 16;
  for (size_t pi = 0; pi < d->npara; pi++)
    n2 += d->paras[pi].words >= 2;
  while (cap < n2 + n2 / 3 + 1)
    cap *= 2;
  c.seen.v = calloc(cap, sizeof *c.seen.v);
  c.seen.mask = cap - 1;
  struct S_slot *ring = calloc(S_WINDOW + 1, sizeof *ring);
  mta_status st = c.seen.v && ring ? MTA_OK : MTA_ERR_NOMEM;
  for (size_t pi = 0; !st && pi < d->npara; pi++) {
    struct mtai_paragraph *p = &d->paras[pi];
    /* The slot of paragraph pi - S_WINDOW - 1, out of the window now. */
    struct S_slot *me = &ring[pi % (S_WINDOW + 1)];
    free(me->hs);
    memset(me, 0, sizeof *me);
    me->p = p;
    p->dup_of = 0;
    p->dup_near = 0;
    if (p->words < 2)
      continue;
    uint64_t h;
    if (p->words >= 6 && p->words <= S_EAGER &&
        !(me->hs = malloc(p->words * sizeof *me->hs)))
      st = MTA_ERR_NOMEM;
    me->nh = me->hs ? p->words : 0;
    if (st || (st = S_key_hash(d, p, &c.la, &h, &me->kl, me->hs)))
      break;
    size_t kl = me->kl;
    p->dup_of = (uint32_t)S_seen_find(&c, h, p, pi, 0);
    if (!p->dup_of && p->words >= 6) {
      me->eligible = 1;
      for (size_t j = pi > S_WINDOW ? pi - S_WINDOW : 0; !st && j < pi; j++) {
        struct S_slot *o = &ring[j % (S_WINDOW + 1)];
        size_t jl = o->kl;
        if (!o->eligible || jl * 10 < kl * 8 || kl * 10 < jl * 8)
          continue;
        if ((st = S_hashes(d, me, &c.la)) || (st = S_hashes(d, o, &c.la)))
          break;
        if (S_overlap(me->hs, me->nh, o->hs, o->nh) >= 0.85 &&
            S_overlap(o->hs, o->nh, me->hs, me->nh) >= 0.85) {
          p->dup_of = (uint32_t)(j + 1);
          break;
        }
      }
    }
    if (st)
      break;
    if (!p->dup_of) {
      S_seen_find(&c, h, p, pi, 1);
      continue;
    }
    p->dup_near = !S_same_key(d, p, &d->paras[p->dup_of - 1], &c.la, &c.lb);
  }
  for (size_t k = 0; ring && k <= S_WINDOW; k++)
    free(ring[k].hs);
  free(ring);
  free(c.seen.v);
  mtai_buf_free(&c.la);
  mtai_buf_free(&c.lb);
  return st;
}
