/*
 * duplicate/paragraph: a paragraph that repeats an earlier one of the same
 * article, verbatim or nearly (after case, whitespace and punctuation are
 * normalized, or with at least 85 % of the words of each in the other when it
 * has six or more words) -- minor, on the repeat. Scrapers print headlines and
 * teasers twice. The repeat is left out of the article score (score.c) so that
 * its findings do not count twice.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const struct mta_rule S_rules[] = {
    {"duplicate/paragraph", MTAI_CAT_DUPLICATE, MTA_SEV_MINOR,
     "a paragraph repeated within the article (a headline printed twice)"},
};

static int S_u64_cmp(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

/* Paragraphs compared for near-duplicates, looking back at most this far. */
#define S_WINDOW 200

/* Normalized form of paragraph 'p': its words in lower case, one space
 * apart. */
static mta_status S_key(const struct mtai_doc *d,
                        const struct mtai_paragraph *p, struct mta_buf *out) {
  mta_status st = MTA_OK;
  for (size_t i = p->tok_first; !st && i < p->tok_end; i++) {
    if (d->toks[i].kind == MTAI_TOK_PUNCT)
      continue;
    if (mtai_buf_len(out))
      st = mtai_buf_putc(out, ' ');
    if (!st)
      st = mtai_utf8_lower(d->text + d->toks[i].start, mtai_tok_len(d, i), out);
  }
  return st;
}

/* The words of key 'k' as sorted 64-bit hashes (FNV-1a), so that two
 * paragraphs compare in one merge pass without allocation. */
static uint64_t *S_hashes(const char *k, size_t *nh) {
  size_t n = 1;
  for (const char *s = k; *s; s++)
    n += *s == ' ';
  uint64_t *h = malloc(n * sizeof *h);
  if (!h)
    return NULL;
  size_t m = 0;
  for (const char *s = k; *s;) {
    size_t len = strcspn(s, " ");
    uint64_t x = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
      x = (x ^ (unsigned char)s[i]) * 1099511628211ull;
    h[m++] = x;
    s += len + (s[len] == ' ');
  }
  qsort(h, m, sizeof *h, S_u64_cmp);
  *nh = m;
  return h;
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

static mta_status S_run(void *state, struct mta_report *r) {
  (void)state;
  struct mtai_doc *d = &r->doc;
  char **keys = calloc(d->npara + 1, sizeof *keys);
  uint64_t **hs = calloc(d->npara + 1, sizeof *hs);
  size_t *nhs = calloc(d->npara + 1, sizeof *nhs);
  if (!keys || !hs || !nhs) {
    free(keys);
    free(hs);
    free(nhs);
    return MTA_ERR_NOMEM;
  }
  struct mtai_strset seen; /* key -> 1 + paragraph index */
  mtai_strset_init(&seen);
  mta_status st = MTA_OK;
  for (size_t pi = 0; !st && pi < d->npara; pi++) {
    struct mtai_paragraph *p = &d->paras[pi];
    p->dup_of = 0;
    struct mta_buf k;
    mtai_buf_init(&k, 0);
    st = S_key(d, p, &k);
    keys[pi] = st ? NULL : mtai_buf_detach(&k);
    mtai_buf_free(&k);
    if (!st && !keys[pi])
      st = MTA_ERR_NOMEM;
    if (st || p->words < 2)
      continue;
    void *v = NULL;
    size_t kl = strlen(keys[pi]);
    if (mtai_strset_get(&seen, keys[pi], kl, &v)) {
      p->dup_of = (size_t)(uintptr_t)v;
    } else if (p->words >= 6 && (hs[pi] = S_hashes(keys[pi], &nhs[pi]))) {
      for (size_t j = pi > S_WINDOW ? pi - S_WINDOW : 0; j < pi; j++) {
        size_t jl = keys[j] ? strlen(keys[j]) : 0;
        if (!hs[j] || jl * 10 < kl * 8 || kl * 10 < jl * 8)
          continue;
        if (S_overlap(hs[pi], nhs[pi], hs[j], nhs[j]) >= 0.85 &&
            S_overlap(hs[j], nhs[j], hs[pi], nhs[pi]) >= 0.85) {
          p->dup_of = j + 1;
          break;
        }
      }
    }
    if (!p->dup_of) {
      st = mtai_strset_put(&seen, keys[pi], kl, (void *)(uintptr_t)(pi + 1));
      continue;
    }
    const struct mtai_paragraph *o = &d->paras[p->dup_of - 1];
    st = mtai_finding_add(
        r, &S_rules[0], S_rules[0].severity, p->start, p->end, NULL,
        "this paragraph repeats paragraph %zu (line %zu)%s; "
        "the repeat is left out of the article score",
        p->dup_of, o->line,
        strcmp(keys[pi], keys[p->dup_of - 1]) ? " nearly" : "");
  }
  for (size_t pi = 0; pi < d->npara; pi++) {
    free(keys[pi]);
    free(hs[pi]);
  }
  free(keys);
  free(hs);
  free(nhs);
  mtai_strset_free(&seen);
  return st;
}

const struct mta_check mtai_check_duplicate = {
    "duplicate", S_rules, sizeof S_rules / sizeof S_rules[0],
    NULL,        S_run,   NULL};
