/*
 * The check registry: the one list of checks, in run order. Adding a
 * check: write src/check_NAME.c exporting `const struct mta_check
 * mtai_check_NAME` (its rules, documentation included, in its own table)
 * and add NAME to S_CHECKS below. Nothing else names a check:
 * tests/e2e/cases/registry.sh fails when a src/check_*.c is not listed.
 *
 * The run order is part of the output: findings at the same span keep
 * the order in which the checks added them.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

#define S_CHECKS(X)                                                            \
  X(boilerplate)                                                               \
  X(duplicate)                                                                 \
  X(punct)                                                                     \
  X(honorific)                                                                 \
  X(exonym)                                                                    \
  X(acronym)                                                                   \
  X(title)                                                                     \
  X(calendar)                                                                  \
  X(spell)                                                                     \
  X(names)                                                                     \
  X(leftover)                                                                  \
  X(numbers)                                                                   \
  X(translit)                                                                  \
  X(split)                                                                     \
  X(balance)                                                                   \
  X(repeat)                                                                    \
  X(garbled)                                                                   \
  X(compound)                                                                  \
  X(verbpos)                                                                   \
  X(fragment)                                                                  \
  X(stray)                                                                     \
  X(agreement)                                                                 \
  X(negation)                                                                  \
  X(quote)                                                                     \
  X(accnum)                                                                    \
  X(untranslated)                                                              \
  X(omission)                                                                  \
  X(accname)

#define S_DECLARE(name) extern const struct mta_check mtai_check_##name;
#define S_ENTRY(name) &mtai_check_##name,

S_CHECKS(S_DECLARE)

const struct mta_check *const mtai_checks[] = {S_CHECKS(S_ENTRY) NULL};

mta_status mtai_check_error(const struct mtai_check_ctx *cx, mta_status st,
                            const char *fmt, ...) {
  if (cx->err && cx->errsz) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cx->err, cx->errsz, _(fmt), ap); /* xgettext: keyword */
    va_end(ap);
  }
  return st;
}

mta_status mtai_wordlists_load(struct mtai_wordlists *wl) {
  mtai_strset_init(&wl->titles);
  mtai_strset_init(&wl->months);
  mtai_strset_init(&wl->func);
  mtai_strset_init(&wl->regnal);
  mta_status st = mtai_strset_load(&wl->titles, "titles.txt");
  if (!st)
    st = mtai_strset_load(&wl->months, "months.txt");
  if (!st)
    st = mtai_strset_load(&wl->func, "english-function-words.txt");
  if (!st)
    st = mtai_strset_load(&wl->regnal, "regnal-titles.txt");
  if (st)
    mtai_wordlists_free(wl);
  return st;
}

void mtai_wordlists_free(struct mtai_wordlists *wl) {
  mtai_strset_free(&wl->titles);
  mtai_strset_free(&wl->months);
  mtai_strset_free(&wl->func);
  mtai_strset_free(&wl->regnal);
}

int mtai_regnal_number(const struct mtai_check_ctx *cx,
                       const struct mtai_doc *d, size_t first, size_t k) {
  char c = d->text[d->toks[k].start];
  if (mtai_tok_len(d, k) != 1 || (c != 'I' && c != 'V' && c != 'X'))
    return 0;
  for (size_t back = 2; back <= 3 && k >= first + back; back++) {
    const struct mtai_token *t = &d->toks[k - back];
    if (t->kind == MTAI_TOK_WORD &&
        mtai_strset_has(&cx->lists->regnal, d->text + t->start,
                        t->end - t->start))
      return 1;
  }
  return 0;
}

/* The English-word verdict (check.h): the test of english-leftover/word,
 * which the spelling check defers to. Everything it reads is a function
 * of the word's text (its case flags too), so with a token table it is
 * computed once per distinct word. */
static enum mtai_english S_english_verdict(const struct mtai_check_ctx *cx,
                                           const struct mtai_doc *d, size_t i) {
  const struct mtai_token *t = &d->toks[i];
  if (t->kind != MTAI_TOK_WORD || (t->flags & MTAI_TF_ALLCAPS))
    return MTAI_EN_NO;
  if (mtai_tok_title(cx, d, i) || mtai_tok_numword(d, i))
    return MTAI_EN_NO;
  if (!(t->flags & MTAI_TF_UPPER) && mtai_tok_func(cx, d, i))
    return MTAI_EN_STRONG;
  if (!cx->speller)
    return MTAI_EN_NO;
  /* A capitalized word counts as English only when its lower-case form is
   * an English word ("Institute"): en_US also lists proper names
   * ("Watson"), which are names, not English. */
  if (!((t->flags & MTAI_TF_UPPER) ? mtai_tok_english_lc(cx->speller, d, i)
                                   : mtai_tok_english(cx->speller, d, i)))
    return MTAI_EN_NO;
  enum mtai_spell v = mtai_tok_spell(cx->speller, d, i);
  if (v == MTAI_SPELL_UNKNOWN)
    return MTAI_EN_STRONG;
  if (v == MTAI_SPELL_NAME || v == MTAI_SPELL_USER)
    return MTAI_EN_NO;
  return MTAI_EN_WEAK;
}

enum mtai_english mtai_english_verdict(const struct mtai_check_ctx *cx,
                                       const struct mtai_doc *d, size_t i) {
  struct mtai_tokfact *f = mtai_tok_fact(d, i);
  if (f && (f->have & MTAI_TK_ENV))
    return (enum mtai_english)f->env;
  enum mtai_english v = S_english_verdict(cx, d, i);
  if (f) {
    f->env = (unsigned char)v;
    f->have |= MTAI_TK_ENV;
  }
  return v;
}

/* A word-list membership of token 'i' ('set' is the list, 'bit' its
 * MTAI_TK_* bit), once per distinct word with a token table. */
static int S_tok_in(const struct mtai_strset *set, unsigned bit,
                    const struct mtai_doc *d, size_t i) {
  struct mtai_tokfact *f = mtai_tok_fact(d, i);
  if (f && (f->have & bit))
    return (f->bits & bit) != 0;
  int r = mtai_strset_has(set, d->text + d->toks[i].start, mtai_tok_len(d, i));
  if (f) {
    f->have = (unsigned char)(f->have | bit);
    f->bits = (unsigned char)(f->bits | (r ? bit : 0));
  }
  return r;
}

int mtai_tok_title(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                   size_t i) {
  return S_tok_in(&cx->lists->titles, MTAI_TK_TITLE, d, i);
}

int mtai_tok_func(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                  size_t i) {
  return S_tok_in(&cx->lists->func, MTAI_TK_FUNC, d, i);
}

int mtai_tok_month(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                   size_t i) {
  return S_tok_in(&cx->lists->months, MTAI_TK_MONTH, d, i);
}

int mtai_tok_english_known(const struct mtai_check_ctx *cx,
                           const struct mtai_doc *d, size_t i) {
  return cx->speller && (mtai_tok_english(cx->speller, d, i) ||
                         mtai_tok_english_lc(cx->speller, d, i));
}

int mtai_english_known(const struct mtai_check_ctx *cx, const char *w,
                       size_t n) {
  return cx->speller && (mtai_speller_english(cx->speller, w, n) ||
                         mtai_speller_english_lc(cx->speller, w, n));
}

/* ---- helpers of the english-leftover checks ------------------------- */

/* Tokens of key k[0..n) as the tokenizer cuts it: words and periods. */
static size_t S_key_tokens(const char *k, size_t n) {
  size_t t = 0;
  int in_word = 0;
  for (size_t i = 0; i < n; i++) {
    if (k[i] == ' ') {
      in_word = 0;
    } else if (k[i] == '.') {
      t++;
      in_word = 0;
    } else if (!in_word) {
      t++;
      in_word = 1;
    }
  }
  return t;
}

mta_status mtai_pairs_load(struct mtai_strset *map, const char *name,
                           size_t *maxtok) {
  struct mtai_wordlist it;
  if (!mtai_wordlist_open(&it, name))
    return MTA_ERR_DICT;
  const char *w;
  size_t n, most = 1;
  while (mtai_wordlist_next(&it, &w, &n)) {
    const char *tab = memchr(w, '\t', n);
    size_t kn = tab ? (size_t)(tab - w) : n;
    size_t vn = tab ? n - kn - 1 : 0;
    while (kn && w[kn - 1] == ' ')
      kn--;
    char *v = malloc(vn + 1);
    if (!v)
      return MTA_ERR_NOMEM;
    if (vn)
      memcpy(v, tab + 1, vn);
    v[vn] = '\0';
    void *old = NULL;
    if (mtai_strset_get(map, w, kn, &old))
      free(old);
    mta_status st = mtai_strset_put(map, w, kn, v);
    if (st) {
      free(v);
      return st;
    }
    size_t t = S_key_tokens(w, kn);
    if (t > most)
      most = t;
  }
  if (maxtok)
    *maxtok = most;
  return MTA_OK;
}

mta_status mtai_pairs_new(const struct mtai_check_ctx *cx, const char *name,
                          void **out) {
  struct mtai_pairs *s = calloc(1, sizeof *s);
  *out = s;
  if (!s)
    return MTA_ERR_NOMEM;
  mtai_strset_init(&s->map);
  mta_status st = mtai_pairs_load(&s->map, name, &s->maxtok);
  if (st)
    return mtai_check_error(cx, st, "dict/%s: %s", name, mta_strerror(st));
  return MTA_OK;
}

void mtai_pairs_free(void *state) {
  struct mtai_pairs *s = state;
  if (!s)
    return;
  mtai_strset_free_with(&s->map, free);
  mtai_pairs_pre_free(&s->pre);
  free(s);
}

void mtai_pairs_pre_free(struct mtai_pairs_pre *pre) {
  free(pre->keys);
  mtai_tokmemo_free(&pre->memo);
  memset(pre, 0, sizeof *pre);
}

/* Byte order of two keys, a prefix first. */
static int S_key_cmp(const char *a, size_t an, const char *b, size_t bn) {
  int c = memcmp(a, b, an < bn ? an : bn);
  return c ? c : an < bn ? -1 : an > bn;
}

static int S_slot_cmp(const void *x, const void *y) {
  const struct mtai_strslot *a = *(const struct mtai_strslot *const *)x;
  const struct mtai_strslot *b = *(const struct mtai_strslot *const *)y;
  return S_key_cmp(a->key, a->len, b->key, b->len);
}

/* 1 when a key of the sorted 'pre' starts with w[0..n): the first key not
 * below w[0..n) does if any does. */
static int S_has_prefix(const struct mtai_pairs_pre *pre, const char *w,
                        size_t n) {
  size_t lo = 0, hi = pre->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (S_key_cmp(pre->keys[mid]->key, pre->keys[mid]->len, w, n) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < pre->n && pre->keys[lo]->len >= n &&
         !memcmp(pre->keys[lo]->key, w, n);
}

size_t mtai_pairs_match_pre(struct mtai_pairs_pre *pre,
                            const struct mtai_strset *map, size_t maxtok,
                            const struct mtai_doc *d, size_t i, size_t end,
                            const char **val) {
  uint32_t *memo = NULL;
  if (i < end && d->toks[i].kind == MTAI_TOK_WORD && mtai_tok_id(d, i)) {
    if (!pre->built) {
      pre->built = 1;
      pre->keys = malloc((map->count ? map->count : 1) * sizeof *pre->keys);
      for (size_t k = 0; pre->keys && k < map->cap; k++)
        if (map->slots[k].key)
          pre->keys[pre->n++] = &map->slots[k];
      if (pre->keys)
        qsort(pre->keys, pre->n, sizeof *pre->keys, S_slot_cmp);
    }
    if (pre->keys)
      memo = mtai_tokmemo_get(&pre->memo, d);
  }
  if (memo) {
    uint32_t *m = &memo[d->tid[i]];
    if (!*m)
      *m = S_has_prefix(pre, d->text + d->toks[i].start, mtai_tok_len(d, i))
               ? 2
               : 1;
    if (*m == 1)
      return 0;
  }
  return mtai_pairs_match(map, maxtok, d, i, end, val);
}

size_t mtai_pairs_match(const struct mtai_strset *map, size_t maxtok,
                        const struct mtai_doc *d, size_t i, size_t end,
                        const char **val) {
  char key[160];
  size_t kn = 0, best = 0;
  for (size_t j = i; j < end && j < i + maxtok; j++) {
    const struct mtai_token *t = &d->toks[j];
    if (t->kind == MTAI_TOK_NUMBER)
      break;
    size_t tl = t->end - t->start;
    int sp = j > i && (t->flags & MTAI_TF_SPACE_BEFORE);
    if (j > i && sp && t->start - d->toks[j - 1].end != 1)
      break; /* a line break or two spaces: not one name */
    if (kn + sp + tl >= sizeof key)
      break;
    if (sp)
      key[kn++] = ' ';
    memcpy(key + kn, d->text + t->start, tl);
    kn += tl;
    void *v = NULL;
    if (t->kind == MTAI_TOK_WORD || mtai_tok_eq(d, j, ".")) {
      if (mtai_strset_get(map, key, kn, &v)) {
        best = j - i + 1;
        *val = v;
      }
    } else {
      break;
    }
  }
  return best;
}

void mtai_findings_mark(const struct mtai_findings *out, enum mtai_category cat,
                        unsigned char *bits) {
  const struct mtai_doc *d = out->doc;
  const struct mta_report *r = out->report;
  for (size_t f = 0; f < r->nfind; f++) {
    const struct mta_finding *fd = &r->findings[f];
    if (fd->rule->category != cat)
      continue;
    /* The first token ending after the finding's start. */
    size_t lo = 0, hi = d->ntok;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (d->toks[mid].end <= fd->start)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (size_t k = lo; k < d->ntok && d->toks[k].start < fd->end; k++)
      bits[k >> 3] = (unsigned char)(bits[k >> 3] | (1u << (k & 7)));
  }
}

void mtai_findings_drop(struct mtai_findings *out, unsigned cats,
                        const size_t *spans, size_t n) {
  struct mta_report *r = out->report;
  size_t kept = 0;
  for (size_t f = 0; f < r->nfind; f++) {
    struct mta_finding *fd = &r->findings[f];
    int drop = 0;
    if (n && (cats >> fd->rule->category) & 1u) {
      /* The last span starting at or before the finding. */
      size_t lo = 0, hi = n;
      while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (spans[2 * mid] <= fd->start)
          lo = mid;
        else
          hi = mid;
      }
      drop = spans[2 * lo] <= fd->start && fd->end <= spans[2 * lo + 1];
    }
    if (drop) {
      free(fd->message);
      free(fd->suggestion);
      free(fd->alts);
      continue;
    }
    if (kept != f)
      r->findings[kept] = *fd;
    kept++;
  }
  r->nfind = kept;
}

int mtai_plain_german(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                      size_t k) {
  const struct mtai_token *t = &d->toks[k];
  if (!cx->speller || t->kind != MTAI_TOK_WORD || (t->flags & MTAI_TF_ALLCAPS))
    return 0;
  const char *w = d->text + t->start;
  size_t n = t->end - t->start;
  enum mtai_spell v = mtai_speller_check(cx->speller, w, n);
  return (v == MTAI_SPELL_KNOWN || v == MTAI_SPELL_COMPOUND) &&
         !mtai_english_known(cx, w, n);
}

/* 1 when token 'k' is a capitalized English word German does not know
 * ("Times" of "Moscow Times" is German too: it counts as English when
 * English knows it in lower case and German has no noun of that form). */
static int S_english_cap(const struct mtai_check_ctx *cx,
                         const struct mtai_doc *d, size_t k) {
  const struct mtai_token *t = &d->toks[k];
  if (!cx->speller || t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
      (t->flags & MTAI_TF_ALLCAPS))
    return 0;
  const char *w = d->text + t->start;
  size_t n = t->end - t->start;
  if (mtai_strset_has(&cx->lists->titles, w, n))
    return 0;
  if (!mtai_speller_english_lc(cx->speller, w, n))
    return 0;
  /* A German word of a closed class opening a sentence ("In", "Am",
   * "Bis") or a German noun ("Times" is both) is no English word here. */
  unsigned c = cx->lexicon ? mtai_lexicon_classes(cx->lexicon, w, n) : 0;
  if (c & (MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP | MTAI_LEX_CONJ_COORD |
           MTAI_LEX_CONJ_SUB | MTAI_LEX_ADV_CONJ | MTAI_LEX_ADV | MTAI_LEX_AUX))
    return 0;
  enum mtai_spell v = mtai_speller_check(cx->speller, w, n);
  return v != MTAI_SPELL_KNOWN && v != MTAI_SPELL_COMPOUND
             ? 1
             : !(c & MTAI_LEX_NOUN);
}

int mtai_english_name_around(const struct mtai_check_ctx *cx,
                             const struct mtai_doc *d,
                             const struct mtai_paragraph *p, size_t a,
                             size_t b) {
  /* Joined to a capitalized English word: "Air Canada", "Moscow Times". */
  if (a > p->tok_first && (d->toks[a].flags & MTAI_TF_SPACE_BEFORE) &&
      S_english_cap(cx, d, a - 1))
    return 1;
  if (b + 1 < p->tok_end && (d->toks[b + 1].flags & MTAI_TF_SPACE_BEFORE) &&
      S_english_cap(cx, d, b + 1))
    return 1;
  /* "University of Munich", "Bank of America": "of" after a capital. */
  if (a >= p->tok_first + 2 && mtai_tok_eq(d, a - 1, "of") &&
      d->toks[a - 2].kind == MTAI_TOK_WORD &&
      (d->toks[a - 2].flags & MTAI_TF_UPPER))
    return 1;
  /* "Munich's", "Moscow’s": an English possessive. */
  if (b + 1 < p->tok_end && !(d->toks[b + 1].flags & MTAI_TF_SPACE_BEFORE) &&
      d->toks[b + 1].kind != MTAI_TOK_WORD) {
    const char *q = d->text + d->toks[b + 1].start;
    size_t qn = mtai_tok_len(d, b + 1);
    if ((*q == '\'' || (qn >= 3 && !memcmp(q, "\xE2\x80\x99", 3))) &&
        b + 2 < p->tok_end && mtai_tok_eq(d, b + 2, "s"))
      return 1;
  }
  if (!mtai_tok_quoted(d, a))
    return 0;
  /* Inside a quotation: cited when it has fewer than two plainly German
   * words (an English title or slogan). */
  size_t o = a, c = b, german = 0;
  while (o > p->tok_first && mtai_tok_quoted(d, o - 1))
    o--;
  while (c + 1 < p->tok_end && mtai_tok_quoted(d, c + 1))
    c++;
  for (size_t k = o; k <= c && german < 2; k++)
    if (mtai_utf8_count(d->text + d->toks[k].start, mtai_tok_len(d, k)) >= 3 &&
        mtai_plain_german(cx, d, k))
      german++;
  return german < 2;
}

/* The rule overrides are the sink's: a finding of a disabled rule is
 * dropped here, a changed severity applied. */
int mtai_findings_full(const struct mtai_findings *out) {
  return out->report->nfind >= MTAI_MAX_FINDINGS;
}

/* Adds through the overrides and sets the source span when the finding
 * was kept. The format is translated here, once for every check
 * (xgettext finds it by the keywords mtai_finding_add:7 and
 * mtai_finding_add_src:9, see the Makefile's "pot"); the suggestion is
 * replacement text for the article, German, and is never translated. */
static mta_status S_vadd(struct mtai_findings *out, const struct mta_rule *rule,
                         mta_severity sev, size_t start, size_t end,
                         size_t src_start, size_t src_end,
                         const char *suggestion, const char *fmt, va_list ap) {
  for (size_t k = 0; k < out->novr; k++)
    if (out->ovr[k].rule == rule || !strcmp(out->ovr[k].rule->id, rule->id)) {
      if (!out->ovr[k].enabled)
        return MTA_OK; /* switched off by the options */
      sev = out->ovr[k].severity;
      break;
    }
  size_t before = out->report->nfind;
  mta_status st = mtai_report_vadd(out->report, rule, sev, start, end,
                                   suggestion, _(fmt), ap);
  if (!st && out->report->nfind > before) {
    out->report->findings[before].src_start = src_start;
    out->report->findings[before].src_end = src_end;
  }
  return st;
}

mta_status mtai_finding_add(struct mtai_findings *out,
                            const struct mta_rule *rule, mta_severity sev,
                            size_t start, size_t end, const char *suggestion,
                            const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  mta_status st = S_vadd(out, rule, sev, start, end, 0, 0, suggestion, fmt, ap);
  va_end(ap);
  return st;
}

mta_status mtai_finding_add_src(struct mtai_findings *out,
                                const struct mta_rule *rule, mta_severity sev,
                                size_t start, size_t end, size_t src_start,
                                size_t src_end, const char *suggestion,
                                const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  mta_status st = S_vadd(out, rule, sev, start, end, src_start, src_end,
                         suggestion, fmt, ap);
  va_end(ap);
  return st;
}

mta_status mtai_finding_alternatives(struct mtai_findings *out, size_t i,
                                     const char *list) {
  struct mta_report *r = out->report;
  if (i >= r->nfind || !list || !strstr(list, ", "))
    return MTA_OK; /* not kept, or a single suggestion */
  free(r->findings[i].alts);
  r->findings[i].alts = strdup(list);
  return r->findings[i].alts ? MTA_OK : MTA_ERR_NOMEM;
}

size_t mtai_check_count(void) {
  return sizeof mtai_checks / sizeof mtai_checks[0] - 1;
}

/* ---- the public rule registry: every rule of every check, once ---- */

/* The distinct rules in registration order (an id listed by two checks
 * counts once), built on first use; the list is constant after that, so
 * threads may share it (pthread_once). Renderers look rules up per
 * finding: this used to rescan every check for every look-up. */
#define S_MAX_RULES 256
static const struct mta_rule *S_rules[S_MAX_RULES];
static size_t S_nrules;
static pthread_once_t S_rules_once = PTHREAD_ONCE_INIT;

static void S_build_rules(void) {
  for (size_t c = 0; mtai_checks[c]; c++)
    for (size_t r = 0; r < mtai_checks[c]->nrules; r++) {
      const struct mta_rule *rule = &mtai_checks[c]->rules[r];
      int seen = 0;
      for (size_t k = 0; k < S_nrules && !seen; k++)
        seen = !strcmp(S_rules[k]->id, rule->id);
      if (!seen && S_nrules < S_MAX_RULES)
        S_rules[S_nrules++] = rule;
    }
}

static const struct mta_rule *S_rule_at(size_t i) {
  pthread_once(&S_rules_once, S_build_rules);
  return i < S_nrules ? S_rules[i] : NULL;
}

size_t mta_rule_count(void) {
  pthread_once(&S_rules_once, S_build_rules);
  return S_nrules;
}

mta_status mta_rule_get(size_t i, mta_rule_info *info) {
  const struct mta_rule *rule = info ? S_rule_at(i) : NULL;
  if (!rule)
    return MTA_ERR_INVALID_ARG;
  info->id = rule->id;
  info->category = mtai_category_name(rule->category);
  info->severity = rule->severity;
  /* Translated here (the tables carry N_() marks): every reader of the
   * registry, --list-rules, --explain and the SARIF rules, shows them in
   * the current language. */
  info->summary = _(rule->summary);
  info->explanation = _(rule->explanation ? rule->explanation : rule->summary);
  info->wrong = rule->wrong ? rule->wrong : "";
  info->right = rule->right ? rule->right : "";
  return MTA_OK;
}

const struct mta_rule *mtai_rule_ptr(size_t i) { return S_rule_at(i); }

size_t mta_rule_find(const char *id) {
  size_t n = mta_rule_count();
  for (size_t i = 0; id && i < n; i++)
    if (!strcmp(S_rule_at(i)->id, id))
      return i;
  return (size_t)-1;
}
