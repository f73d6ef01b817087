/*
 * duplicate/paragraph: a paragraph that repeats an earlier one of the same
 * article, verbatim or nearly (after case, whitespace and punctuation are
 * normalized, or with at least 85 % of the words of each in the other when it
 * has six or more words) -- minor, on the repeat. Scrapers print headlines and
 * teasers twice. The repeat is left out of the article score (score.c) so that
 * its findings do not count twice.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const struct mta_rule S_rules[] = {
    {"duplicate/paragraph", MTAI_CAT_DUPLICATE, MTA_SEV_MINOR,
     "a paragraph repeated within the article (a headline printed twice)"},
};

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

/* Share of the words of 'a' (by position-free matching) found in 'b',
 * for keys of similar length: 1.0 = the same words. */
static double S_overlap(const char *a, const char *b) {
  struct mtai_strset bw;
  mtai_strset_init(&bw);
  size_t na = 0, hit = 0;
  for (const char *s = b; *s;) {
    size_t n = strcspn(s, " ");
    if (mtai_strset_add(&bw, s, n)) {
      mtai_strset_free(&bw);
      return 0;
    }
    s += n + (s[n] == ' ');
  }
  for (const char *s = a; *s;) {
    size_t n = strcspn(s, " ");
    na++;
    hit += mtai_strset_has(&bw, s, n);
    s += n + (s[n] == ' ');
  }
  mtai_strset_free(&bw);
  return na ? (double)hit / (double)na : 0;
}

static mta_status S_run(void *state, struct mta_report *r) {
  (void)state;
  struct mtai_doc *d = &r->doc;
  char **keys = calloc(d->npara + 1, sizeof *keys);
  if (!keys)
    return MTA_ERR_NOMEM;
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
    } else if (p->words >= 6) {
      for (size_t j = pi > S_WINDOW ? pi - S_WINDOW : 0; j < pi; j++) {
        size_t jl = keys[j] ? strlen(keys[j]) : 0;
        if (d->paras[j].words < 6 || jl * 10 < kl * 8 || kl * 10 < jl * 8)
          continue;
        if (S_overlap(keys[pi], keys[j]) >= 0.85 &&
            S_overlap(keys[j], keys[pi]) >= 0.85) {
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
  for (size_t pi = 0; pi < d->npara; pi++)
    free(keys[pi]);
  free(keys);
  mtai_strset_free(&seen);
  return st;
}

const struct mta_check mtai_check_duplicate = {
    "duplicate", S_rules, sizeof S_rules / sizeof S_rules[0],
    NULL,        S_run,   NULL};
