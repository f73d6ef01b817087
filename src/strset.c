/*
 * A set of byte strings with optional values: open addressing with linear
 * probing over an FNV-1a hash, never more than half full. Used for the word
 * lists under dict/ and for per-word caches.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "internal.h"

void mtai_strset_init(struct mtai_strset *s) {
  s->slots = NULL;
  s->cap = s->count = 0;
}

void mtai_strset_free_with(struct mtai_strset *s, void (*free_val)(void *)) {
  for (size_t i = 0; i < s->cap; i++) {
    free(s->slots[i].key);
    if (free_val && s->slots[i].val)
      free_val(s->slots[i].val);
  }
  free(s->slots);
  mtai_strset_init(s);
}

void mtai_strset_free(struct mtai_strset *s) { mtai_strset_free_with(s, NULL); }

/* Slot of 'w' or the empty slot where it would go. */
static size_t S_find(const struct mtai_strset *s, const char *w, size_t n) {
  size_t mask = s->cap - 1;
  size_t i = (size_t)mtai_fnv64(w, n) & mask;
  while (s->slots[i].key) {
    if (s->slots[i].len == n && !memcmp(s->slots[i].key, w, n))
      return i;
    i = (i + 1) & mask;
  }
  return i;
}

static mta_status S_rehash(struct mtai_strset *s, size_t cap) {
  struct mtai_strset n = {calloc(cap, sizeof(struct mtai_strslot)), cap, 0};
  if (!n.slots)
    return MTA_ERR_NOMEM;
  for (size_t i = 0; i < s->cap; i++) {
    if (s->slots[i].key) {
      n.slots[S_find(&n, s->slots[i].key, s->slots[i].len)] = s->slots[i];
      n.count++;
    }
  }
  free(s->slots);
  *s = n;
  return MTA_OK;
}

mta_status mtai_strset_put(struct mtai_strset *s, const char *w, size_t n,
                           void *val) {
  if ((s->count + 1) * 2 > s->cap) {
    mta_status st = S_rehash(s, s->cap ? s->cap * 2 : 64);
    if (st)
      return st;
  }
  size_t i = S_find(s, w, n);
  if (s->slots[i].key) {
    s->slots[i].val = val;
    return MTA_OK;
  }
  char *copy = malloc(n + 1);
  if (!copy)
    return MTA_ERR_NOMEM;
  memcpy(copy, w, n);
  copy[n] = '\0';
  s->slots[i].key = copy;
  s->slots[i].len = n;
  s->slots[i].val = val;
  s->count++;
  return MTA_OK;
}

mta_status mtai_strset_add(struct mtai_strset *s, const char *w, size_t n) {
  if (mtai_strset_has(s, w, n))
    return MTA_OK;
  return mtai_strset_put(s, w, n, NULL);
}

int mtai_strset_get(const struct mtai_strset *s, const char *w, size_t n,
                    void **val) {
  if (!s->count)
    return 0;
  size_t i = S_find(s, w, n);
  if (!s->slots[i].key)
    return 0;
  if (val)
    *val = s->slots[i].val;
  return 1;
}

int mtai_strset_has(const struct mtai_strset *s, const char *w, size_t n) {
  return mtai_strset_get(s, w, n, NULL);
}

int mtai_wordlist_open(struct mtai_wordlist *it, const char *name) {
  it->pos = 0;
  return mtai_data_get(name, &it->data, &it->len);
}

static int S_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

int mtai_wordlist_next(struct mtai_wordlist *it, const char **w, size_t *n) {
  const char *data = it->data;
  while (it->pos < it->len) {
    size_t i = it->pos, e = i;
    while (e < it->len && data[e] != '\n')
      e++;
    it->pos = e + 1;
    size_t a = i, b = e;
    const char *hash = memchr(data + a, '#', b - a);
    if (hash)
      b = (size_t)(hash - data);
    while (a < b && S_blank(data[a]))
      a++;
    while (b > a && S_blank(data[b - 1]))
      b--;
    if (b > a) {
      *w = data + a;
      *n = b - a;
      return 1;
    }
  }
  return 0;
}

mta_status mtai_strset_load(struct mtai_strset *s, const char *name) {
  struct mtai_wordlist it;
  if (!mtai_wordlist_open(&it, name))
    return MTA_ERR_DICT;
  const char *w;
  size_t n;
  while (mtai_wordlist_next(&it, &w, &n)) {
    mta_status st = mtai_strset_add(s, w, n);
    if (st)
      return st;
  }
  return MTA_OK;
}
