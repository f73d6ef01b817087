/*
 * The filter of the lexicon's forms, built with the table
 * (tools/mklexindex.c) and asked by src/lexicon.c: both must hash alike.
 */
#ifndef MTAUDIT_LEXICON_HASH_H
#define MTAUDIT_LEXICON_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

/* A Bloom filter of 2^22 bits (512 KB, small enough to stay in the
 * processor's caches) with 3 bits per form: for the 427,549 forms about 2
 * % of the strings that are no form pass it; every form does. */
#define MTAI_LEXBLOOM_BITS 22
#define MTAI_LEXBLOOM_K 3

/* The hash of form s[0..n) for the filter. */
static inline uint64_t mtai_lexhash(const char *s, size_t n) {
  return mtai_fnv64(s, n);
}

/* Bit number 'i' (< MTAI_LEXBLOOM_K) of the filter for hash 'h'. */
static inline uint32_t mtai_lexbloom_bit(uint64_t h, unsigned i) {
  uint32_t a = (uint32_t)h, b = (uint32_t)(h >> 32) | 1u;
  return (a + i * b) & ((1u << MTAI_LEXBLOOM_BITS) - 1);
}

#endif
