/*
 * Finding fingerprints: the one place that says when two findings, of
 * two runs over two versions of a text, are "the same finding". Used by
 * the baseline (baseline.c: --baseline/--write-baseline) and by SARIF
 * (partialFingerprints), through mta_finding_info.fingerprint.
 *
 * A fingerprint is 16 lower-case hex digits: FNV-1a (64 bits) over
 *
 *   "mtaudit-fp1" NUL rule-id NUL TEXT NUL H(CONTEXT) SOURCE
 *
 * TEXT is the finding's span of the text, CONTEXT the sentence(s) it lies
 * in (from the start of the sentence holding its first byte to the end of
 * the sentence holding its last; the paragraph when it lies in none),
 * H(CONTEXT) the FNV-1a hash of that context alone (8 bytes, little
 * endian: a sentence shared by many findings is hashed once), SOURCE
 * the span of the English original it is about (source-aware
 * findings; empty otherwise). Each is normalised: the document text is
 * NFC already (segment.c); runs of white space (ASCII, no-break and the
 * Unicode spaces, line and paragraph separators) count as one space, and
 * space at either end is dropped; case is kept.
 *
 * Not hashed, on purpose: line, column, byte offsets and paragraph number
 * (a paragraph inserted above must not change it), the text outside the
 * sentence (an edit elsewhere must not), the message and the suggestion
 * (they are translated, and their wording may improve between versions),
 * the severity (a config may change it). The same word with the same fault
 * twice in one sentence gives the same fingerprint twice: the baseline
 * counts them (two entries suppress two occurrences).
 */
#include <stdint.h>
#include <string.h>

#include "bitext.h"
#include "hash.h"
#include "internal.h"

/* 1 when code point 'cp' is white space for the fingerprint. */
static int S_space(int32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

uint64_t mtai_fp_hash_norm(uint64_t h, const char *s, size_t n) {
  size_t i = 0;
  int pending = 0, any = 0; /* a space to write before the next character */
  while (i < n) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) { /* ASCII: S_space() and the hash of one byte, inline */
      i++;
      if (b == ' ' || (b >= 0x09 && b <= 0x0D)) {
        pending = any;
        continue;
      }
      if (pending)
        h = mtai_fnv64_add(h, (unsigned char)' ');
      pending = 0;
      any = 1;
      h = mtai_fnv64_add(h, b);
      continue;
    }
    size_t at = i;
    int32_t cp = mtai_utf8_next(s, n, &i);
    if (i <= at) /* never stall */
      i = at + 1;
    if (cp >= 0 && S_space(cp)) {
      pending = any;
      continue;
    }
    if (pending)
      h = mtai_fnv64_more(h, " ", 1);
    pending = 0;
    any = 1;
    h = mtai_fnv64_more(h, s + at, i - at);
  }
  return h;
}

/* The index of the sentence of 'd' holding byte 'off', or (size_t)-1. */
static size_t S_sentence_at(const struct mtai_doc *d, size_t off) {
  size_t lo = 0, hi = d->nsent;
  while (lo < hi) { /* first sentence starting after 'off' */
    size_t mid = lo + (hi - lo) / 2;
    if (d->sents[mid].start <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0 || off >= d->sents[lo - 1].end)
    return (size_t)-1;
  return lo - 1;
}

/* The context span of [start, end) in 'd': its sentences, else its
 * paragraph, else the span itself. */
static void S_context(const struct mtai_doc *d, size_t start, size_t end,
                      size_t *cs, size_t *ce) {
  size_t last = end > start ? end - 1 : start;
  size_t a = S_sentence_at(d, start), b = S_sentence_at(d, last);
  if (a != (size_t)-1 && b != (size_t)-1) {
    *cs = d->sents[a].start;
    *ce = d->sents[b].end;
  } else if (d->npara) {
    const struct mtai_paragraph *p = &d->paras[mtai_doc_para_at(d, start)];
    const struct mtai_paragraph *q = &d->paras[mtai_doc_para_at(d, last)];
    *cs = p->start < start ? p->start : start;
    *ce = q->end > end ? q->end : end;
  } else {
    *cs = start;
    *ce = end;
  }
  if (*ce > d->len)
    *ce = d->len;
  if (*cs > *ce)
    *cs = *ce;
}

/* A small cache of context hashes: findings come sorted, and many share
 * a sentence; a document that is one long sentence with thousands of
 * findings must not hash that sentence once per finding. */
struct S_ctx_cache {
  size_t cs[4], ce[4];
  uint64_t h[4];
  int n, next;
};

static uint64_t S_ctx_hash(const struct mtai_doc *d, size_t cs, size_t ce,
                           struct S_ctx_cache *c) {
  for (int k = 0; c && k < c->n; k++)
    if (c->cs[k] == cs && c->ce[k] == ce)
      return c->h[k];
  uint64_t h = mtai_fp_hash_norm(MTAI_FNV64_BASIS, d->text + cs, ce - cs);
  if (c) {
    int k = c->next;
    c->next = (c->next + 1) % 4;
    if (c->n < 4)
      c->n++;
    c->cs[k] = cs;
    c->ce[k] = ce;
    c->h[k] = h;
  }
  return h;
}

static void S_fingerprint(const struct mta_report *r,
                          const struct mta_finding *f,
                          char out[MTAI_FP_LEN + 1], struct S_ctx_cache *c) {
  static const char hex[] = "0123456789abcdef";
  const struct mtai_doc *d = &r->doc;
  size_t start = f->start < d->len ? f->start : d->len;
  size_t end = f->end < d->len ? f->end : d->len;
  if (end < start)
    end = start;
  size_t cs, ce;
  S_context(d, start, end, &cs, &ce);
  uint64_t h =
      mtai_fnv64_more(MTAI_FNV64_BASIS, "mtaudit-fp1", 12); /* with its NUL */
  h = mtai_fnv64_more(h, f->rule->id, strlen(f->rule->id) + 1);
  h = mtai_fp_hash_norm(h, d->text + start, end - start);
  h = mtai_fnv64_more(h, "", 1);
  uint64_t ch = S_ctx_hash(d, cs, ce, c);
  unsigned char cb[8];
  for (int k = 0; k < 8; k++)
    cb[k] = (unsigned char)(ch >> (8 * k));
  h = mtai_fnv64_more(h, cb, sizeof cb);
  if (r->bi && f->src_end > f->src_start && f->src_end <= r->bi->src.len)
    h = mtai_fp_hash_norm(h, r->bi->src.text + f->src_start,
                          f->src_end - f->src_start);
  for (int k = MTAI_FP_LEN - 1; k >= 0; k--, h >>= 4)
    out[k] = hex[h & 0xF];
  out[MTAI_FP_LEN] = '\0';
}

void mtai_fingerprint(const struct mta_report *r, const struct mta_finding *f,
                      char out[MTAI_FP_LEN + 1]) {
  S_fingerprint(r, f, out, NULL);
}

void mtai_fingerprint_all(struct mta_report *r) {
  struct S_ctx_cache c = {{0}, {0}, {0}, 0, 0};
  for (size_t i = 0; i < r->nfind; i++)
    S_fingerprint(r, &r->findings[i], r->findings[i].fp, &c);
}
