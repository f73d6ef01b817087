/*
 * FNV-1a, the one string hash of the project: string sets (strset.c),
 * the lexicon's Bloom filter (lexicon_hash.h, also built by
 * tools/mklexindex.c), paragraph keys (annotate_dup.c), names and numbers
 * of the source-aware checks (bitext.c), the near-miss model's tables
 * (spell_model.c, 32 bits), the findings' fingerprints (fingerprint.c:
 * part of the output, so never to change). Header-only so that the build tools
 * can use it.
 */
#ifndef MTAUDIT_HASH_H
#define MTAUDIT_HASH_H

#include <stddef.h>
#include <stdint.h>

#define MTAI_FNV64_BASIS 14695981039346656037u
#define MTAI_FNV64_PRIME 1099511628211u
#define MTAI_FNV32_BASIS 2166136261u
#define MTAI_FNV32_PRIME 16777619u

/* 'h' with byte 'c' added (start from MTAI_FNV64_BASIS). */
static inline uint64_t mtai_fnv64_add(uint64_t h, unsigned char c) {
  return (h ^ c) * MTAI_FNV64_PRIME;
}

/* 'h' with the bytes p[0..n) added. */
static inline uint64_t mtai_fnv64_more(uint64_t h, const void *p, size_t n) {
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++)
    h = mtai_fnv64_add(h, s[i]);
  return h;
}

/* 64-bit FNV-1a of s[0..n). */
static inline uint64_t mtai_fnv64(const char *s, size_t n) {
  return mtai_fnv64_more(MTAI_FNV64_BASIS, s, n);
}

/* 32-bit FNV-1a of s[0..n). */
static inline uint32_t mtai_fnv32(const char *s, size_t n) {
  uint32_t h = MTAI_FNV32_BASIS;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * MTAI_FNV32_PRIME;
  return h;
}

#endif
