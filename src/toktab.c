/*
 * The token table (see internal.h, "the token table", and docs/DESIGN.md):
 * every word token of a document interned to an integer id, per auditor,
 * so that what the checks ask about a word is computed once per distinct
 * word and then read from an array instead of hashing the word again.
 *
 * The intern table maps the bytes of a word to its id (open addressing,
 * linear probing, never more than half full; the keys live in one growing
 * pool). Ids start at 1; id 0 is "no word" (numbers, punctuation). The
 * facts of an id (struct mtai_tokfact) are filled lazily by the accessors
 * below and the ones of checks.c and lexicon.c: a fact no check asks
 * about is never computed, so the speller makes the same dictionary
 * look-ups as without the table (fewer, since a verdict is asked once).
 *
 * Bounded like the speller's caches: mtai_toktab_fill() empties the table
 * before a document when it holds more than MTAI_TOKTAB_MAX words, so a
 * stream of unlimited vocabulary does not grow the process. Ids and facts
 * stay valid while a document is audited (nothing is interned after the
 * annotation stage).
 *
 * One table belongs to one auditor, hence to one thread at a time: no
 * lock.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct mtai_toktab {
  uint32_t *slots; /* id, 0 for an empty slot */
  size_t cap;      /* power of two */
  /* Per id (index 0 unused): where its bytes start in 'pool', its length
   * and its facts. */
  uint32_t *off, *len;
  struct mtai_tokfact *facts;
  size_t count, capid; /* ids in use (the next id is count + 1) */
  char *pool;
  size_t used, capool;
  uint32_t epoch; /* counts the times it was emptied */
};

/* Hash of w[0..n): 8 bytes at a time, then a final mix. */
static uint64_t S_hash(const char *w, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t k;
    memcpy(&k, w + i, 8);
    h = (h ^ k) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  uint64_t k = 0;
  for (size_t s = 0; i < n; i++, s += 8)
    k |= (uint64_t)(unsigned char)w[i] << s;
  h = (h ^ k) * 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 29;
  return h;
}

mta_status mtai_toktab_new(struct mtai_toktab **out) {
  *out = calloc(1, sizeof **out);
  return *out ? MTA_OK : MTA_ERR_NOMEM;
}

void mtai_toktab_free(struct mtai_toktab *t) {
  if (!t)
    return;
  free(t->slots);
  free(t->off);
  free(t->len);
  free(t->facts);
  free(t->pool);
  free(t);
}

void mtai_toktab_clear(struct mtai_toktab *t) {
  if (!t)
    return;
  if (t->slots)
    memset(t->slots, 0, t->cap * sizeof *t->slots);
  t->count = 0;
  t->used = 0;
  t->epoch++;
}

size_t mtai_toktab_count(const struct mtai_toktab *t) {
  return t ? t->count : 0;
}

/* Doubles the slot table (or makes the first one). */
static mta_status S_grow_slots(struct mtai_toktab *t) {
  size_t cap = t->cap ? 2 * t->cap : 4096;
  uint32_t *s = calloc(cap, sizeof *s);
  if (!s)
    return MTA_ERR_NOMEM;
  for (size_t id = 1; id <= t->count; id++) {
    size_t i = (size_t)S_hash(t->pool + t->off[id], t->len[id]) & (cap - 1);
    while (s[i])
      i = (i + 1) & (cap - 1);
    s[i] = (uint32_t)id;
  }
  free(t->slots);
  t->slots = s;
  t->cap = cap;
  return MTA_OK;
}

/* Room for one more id. */
static mta_status S_grow_ids(struct mtai_toktab *t) {
  size_t cap = t->capid ? 2 * t->capid : 4096;
  uint32_t *off = realloc(t->off, cap * sizeof *off);
  if (off)
    t->off = off;
  uint32_t *len = realloc(t->len, cap * sizeof *len);
  if (len)
    t->len = len;
  struct mtai_tokfact *f = realloc(t->facts, cap * sizeof *f);
  if (f)
    t->facts = f;
  if (!off || !len || !f)
    return MTA_ERR_NOMEM;
  t->capid = cap;
  return MTA_OK;
}

/* The id of w[0..n), interned if new; 0 when memory ran out. */
static uint32_t S_intern(struct mtai_toktab *t, const char *w, size_t n) {
  if (2 * (t->count + 1) > t->cap && S_grow_slots(t))
    return 0;
  size_t mask = t->cap - 1;
  size_t i = (size_t)S_hash(w, n) & mask;
  for (uint32_t id; (id = t->slots[i]); i = (i + 1) & mask)
    if (t->len[id] == n && !memcmp(t->pool + t->off[id], w, n))
      return id;
  if (t->count + 2 > t->capid && S_grow_ids(t))
    return 0;
  if (t->used + n > t->capool) {
    size_t cap = t->capool ? 2 * t->capool : 65536;
    while (cap < t->used + n)
      cap *= 2;
    char *p = realloc(t->pool, cap);
    if (!p)
      return 0;
    t->pool = p;
    t->capool = cap;
  }
  uint32_t id = (uint32_t)++t->count;
  memcpy(t->pool + t->used, w, n);
  t->off[id] = (uint32_t)t->used;
  t->len[id] = (uint32_t)n;
  t->used += n;
  t->facts[id] =
      (struct mtai_tokfact){.cls = MTAI_CLS_UNSET, .cls_low = MTAI_CLS_UNSET};
  t->slots[i] = id;
  return id;
}

mta_status mtai_toktab_fill(struct mtai_toktab *t, struct mtai_doc *d) {
  free(d->tid);
  d->tid = NULL;
  d->facts = NULL;
  if (!t)
    return MTA_OK;
  if (t->count > MTAI_TOKTAB_MAX || t->used > MTAI_TOKTAB_MAX * 64)
    mtai_toktab_clear(t);
  d->tid = malloc((d->ntok + 1) * sizeof *d->tid);
  if (!d->tid)
    return MTA_ERR_NOMEM;
  for (size_t i = 0; i < d->ntok; i++) {
    const struct mtai_token *k = &d->toks[i];
    if (k->kind != MTAI_TOK_WORD) {
      d->tid[i] = 0;
      continue;
    }
    uint32_t id = S_intern(t, d->text + k->start, k->end - k->start);
    if (!id) {
      free(d->tid);
      d->tid = NULL;
      return MTA_ERR_NOMEM;
    }
    d->tid[i] = id;
  }
  d->tid[d->ntok] = 0;
  d->facts = t->facts;
  d->nid = (uint32_t)t->count;
  d->tt_epoch = t->epoch;
  return MTA_OK;
}

void mtai_toktab_release(struct mtai_doc *d) {
  free(d->tid);
  d->tid = NULL;
  d->facts = NULL;
}

uint32_t *mtai_tokmemo_get(struct mtai_tokmemo *m, const struct mtai_doc *d) {
  if (!d->tid)
    return NULL;
  if (m->v && m->epoch != d->tt_epoch) /* the table was emptied */
    memset(m->v, 0, m->cap * sizeof *m->v);
  m->epoch = d->tt_epoch;
  if ((size_t)d->nid + 1 > m->cap) {
    size_t cap = m->cap ? m->cap : 4096;
    while (cap < (size_t)d->nid + 1)
      cap *= 2;
    uint32_t *v = realloc(m->v, cap * sizeof *v);
    if (!v)
      return NULL;
    memset(v + m->cap, 0, (cap - m->cap) * sizeof *v);
    m->v = v;
    m->cap = cap;
  }
  return m->v;
}

void mtai_tokmemo_free(struct mtai_tokmemo *m) {
  free(m->v);
  m->v = NULL;
  m->cap = 0;
}

/* ---- facts read through the speller ---------------------------------- */

enum mtai_spell mtai_tok_spell(struct mtai_speller *sp,
                               const struct mtai_doc *d, size_t i) {
  struct mtai_tokfact *f = mtai_tok_fact(d, i);
  if (f && (f->have & MTAI_TK_SPELL))
    return (enum mtai_spell)f->spell;
  const char *w = d->text + d->toks[i].start;
  size_t n = d->toks[i].end - d->toks[i].start;
  enum mtai_spell v;
  /* A verdict the speller could not compute (out of memory) is not kept:
   * the document fails, and the auditor empties the table. */
  if (mtai_speller_verdict(sp, w, n, &v) || !f)
    return v;
  f->spell = (unsigned char)v;
  f->have |= MTAI_TK_SPELL;
  return v;
}

/* A yes/no fact 'bit' of word token 'i': the table's answer, or 'ask' of
 * its text, kept in the table. */
static int S_yes_no(struct mtai_speller *sp, const struct mtai_doc *d, size_t i,
                    unsigned char bit,
                    int (*ask)(struct mtai_speller *, const char *, size_t)) {
  struct mtai_tokfact *f = mtai_tok_fact(d, i);
  if (f && (f->have & bit))
    return (f->bits & bit) != 0;
  int r =
      ask(sp, d->text + d->toks[i].start, d->toks[i].end - d->toks[i].start);
  if (f) {
    f->have |= bit;
    f->bits = (unsigned char)(f->bits | (r ? bit : 0));
  }
  return r;
}

static int S_is_name(struct mtai_speller *sp, const char *w, size_t n) {
  return mtai_speller_is_name(sp, w, n);
}

int mtai_tok_english(struct mtai_speller *sp, const struct mtai_doc *d,
                     size_t i) {
  return S_yes_no(sp, d, i, MTAI_TK_EN, mtai_speller_english);
}

int mtai_tok_english_lc(struct mtai_speller *sp, const struct mtai_doc *d,
                        size_t i) {
  return S_yes_no(sp, d, i, MTAI_TK_ENLC, mtai_speller_english_lc);
}

int mtai_tok_is_name(const struct mtai_speller *sp, const struct mtai_doc *d,
                     size_t i) {
  /* Only read: the name lists are not written. */
  return S_yes_no((struct mtai_speller *)sp, d, i, MTAI_TK_NAME, S_is_name);
}
