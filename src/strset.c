/*
 * A set of byte strings with optional values: open addressing with linear
 * probing over an FNV-1a hash, never more than half full. Used for the word
 * lists under dict/ and for per-word caches.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static uint64_t S_hash(const char *w, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)w[i];
    h *= 1099511628211ull;
  }
  return h;
}

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
  size_t i = (size_t)S_hash(w, n) & mask;
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

mta_status mtai_strset_load(struct mtai_strset *s, const char *name) {
  const char *data;
  size_t len;
  if (!mtai_data_get(name, &data, &len))
    return MTA_ERR_DICT;
  size_t i = 0;
  while (i < len) {
    size_t e = i;
    while (e < len && data[e] != '\n')
      e++;
    size_t a = i, b = e;
    const char *hash = memchr(data + a, '#', b - a);
    if (hash)
      b = (size_t)(hash - data);
    while (a < b && (data[a] == ' ' || data[a] == '\t' || data[a] == '\r'))
      a++;
    while (b > a &&
           (data[b - 1] == ' ' || data[b - 1] == '\t' || data[b - 1] == '\r'))
      b--;
    if (b > a) {
      mta_status st = mtai_strset_add(s, data + a, b - a);
      if (st)
        return st;
    }
    i = e + 1;
  }
  return MTA_OK;
}
