/*
 * consistency/name-variant: one name spelled two ways in one article --
 * "Kim Jong-un" and "Kim Jong Un", "Schoigu" and "Shoigu", "Wostotschny"
 * and "Wostochny".
 *
 * Name-like words (capitalized words the dictionary does not know as
 * common words, and pairs of them such as "Jong Un") are reduced to a key:
 * an English transliteration (mtai_speller_translit(): the pairs of
 * dict/transliterations.txt and the Slavic-name patterns) is replaced by
 * the German form, then the word is lower-cased, spaces and hyphens are
 * dropped, and the spelling differences of English and German
 * transliteration are folded (tsch->ch, sch->sh, zh->sh, w->v, and j, y,
 * ij, yj to i).
 * Spellings with one key are variants of one name. The most frequent
 * spelling is taken as the article's (on a tie: the one in
 * dict/names.txt, else the first), and
 * every occurrence of another spelling gets one minor finding naming it.
 *
 * Memory: each distinct key is kept once; an occurrence costs 12 bytes
 * while the document is read, and 8 more only when its key has two or
 * more spellings (the groups that are reported).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "vec.h"

static const struct mta_rule S_rules[] = {
    {.id = "consistency/name-variant",
     .category = MTAI_CAT_CONSISTENCY,
     .severity = MTA_SEV_MINOR,
     .summary = N_("the same name spelled in two ways within one article"),
     .explanation = N_(
         "One name spelled two ways in one article ('Kim Jong-un' and 'Kim "
         "Jong Un', 'Schoigu' and 'Shoigu'). Machine translation renders each "
         "sentence on its own and takes over whatever spelling the source "
         "used there, so English and German transliterations get mixed. Each "
         "occurrence of the rarer spelling is reported, naming the more "
         "frequent one (on a tie the spelling of dict/names.txt, else the "
         "first); use one spelling throughout."),
     .wrong =
         "Kim Jong-un reiste nach Moskau. Dort sprach Kim Jong Un mit Putin.",
     .right =
         "Kim Jong-un reiste nach Moskau. Dort sprach Kim Jong-un mit Putin."},
};

struct S_state {
  struct mtai_speller *sp; /* borrowed; NULL without dictionaries */
  /* S_namey() per word of the token table: 1 no, 2 yes, 0 not asked. */
  struct mtai_tokmemo namey;
  /* The key id (S_coll) of a one-word occurrence per word of the token
   * table, valid when its 'key_doc' entry is the document's 'doc_no'. */
  struct mtai_tokmemo key_id, key_doc;
  uint32_t doc_no;
};

/* One occurrence of a name-like word or pair. */
struct S_occ {
  uint32_t start, end; /* span in the document */
};

/* The occurrences of a document: spans with the id of their key, and per
 * key its count, first spelling and whether another one was seen. */
struct S_coll {
  struct S_occ *occ;
  uint32_t *occ_key;
  size_t n, cap;
  struct mtai_strset keys; /* key -> 1 + id */
  struct S_key_info {
    uint32_t count;
    uint32_t first; /* index of its first occurrence */
    int variants;   /* a second spelling was seen */
  } * info;
  size_t nkeys, capkeys;
  struct mta_buf key; /* scratch */
};

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  struct S_state *s = calloc(1, sizeof *s);
  *out = s;
  if (!s)
    return MTA_ERR_NOMEM;
  s->sp = cx->speller;
  return MTA_OK;
}

static void S_destroy(void *p) {
  struct S_state *s = p;
  if (s) {
    mtai_tokmemo_free(&s->namey);
    mtai_tokmemo_free(&s->key_id);
    mtai_tokmemo_free(&s->key_doc);
  }
  free(s);
}

/* A capitalized word that may be (part of) a name: not an acronym, and not
 * a common word the dictionary knows. Without dictionaries every
 * capitalized word may be one. */
static int S_namey_word(const struct S_state *s, const struct mtai_doc *d,
                        size_t i) {
  const struct mtai_token *tk = &d->toks[i];
  const char *w = d->text + tk->start;
  size_t n = tk->end - tk->start;
  char german[128];
  if (mtai_speller_translit(s->sp, w, n, german, sizeof german))
    return 1;
  enum mtai_spell v = mtai_tok_spell(s->sp, d, i);
  return v != MTAI_SPELL_KNOWN &&
         !(v == MTAI_SPELL_COMPOUND && !(tk->flags & MTAI_TF_HYPHEN));
}

/* The same, once per distinct word ('memo' from the token table, or
 * NULL). */
static int S_namey(const struct S_state *s, uint32_t *memo,
                   const struct mtai_doc *d, size_t i) {
  const struct mtai_token *tk = &d->toks[i];
  if (tk->kind != MTAI_TOK_WORD || !(tk->flags & MTAI_TF_UPPER) ||
      (tk->flags & MTAI_TF_ALLCAPS))
    return 0;
  if (!s->sp)
    return 1;
  if (!memo)
    return S_namey_word(s, d, i);
  uint32_t *m = &memo[d->tid[i]];
  if (!*m)
    *m = S_namey_word(s, d, i) ? 2 : 1;
  return *m == 2;
}

/* Folds w[0..n) into a key in 'out'. */
static mta_status S_key(const struct S_state *s, const char *w, size_t n,
                        struct mta_buf *out) {
  char german[128];
  if (s->sp && mtai_speller_translit(s->sp, w, n, german, sizeof german)) {
    w = german;
    n = strlen(german);
  }
  struct mta_buf low;
  mtai_buf_init(&low, 0);
  mta_status st = mtai_utf8_lower(w, n, &low);
  const char *l = mtai_buf_str(&low);
  size_t ln = mtai_buf_len(&low);
  static const struct {
    const char *from, *to;
  } folds[] = {{"tsch", "ch"}, {"sch", "sh"}, {"zh", "sh"}, {"w", "v"},
               {"ij", "i"},    {"yj", "i"},   {"yy", "i"},  {"j", "i"},
               {"y", "i"},     {"-", ""},     {" ", ""}};
  mtai_buf_reset(out);
  for (size_t i = 0; !st && i < ln;) {
    size_t k = 0;
    for (; k < sizeof folds / sizeof folds[0]; k++) {
      size_t fl = strlen(folds[k].from);
      if (i + fl <= ln && !memcmp(l + i, folds[k].from, fl)) {
        st = mtai_buf_puts(out, folds[k].to);
        i += fl;
        break;
      }
    }
    if (k == sizeof folds / sizeof folds[0])
      st = mtai_buf_putc(out, l[i++]);
  }
  mtai_buf_free(&low);
  return st;
}

static int S_same_span(const struct mtai_doc *d, const struct S_occ *a,
                       const struct S_occ *b) {
  return a->end - a->start == b->end - b->start &&
         !memcmp(d->text + a->start, d->text + b->start, a->end - a->start);
}

/* Adds the occurrence [a, b) under its key; its id in '*kid' (may be
 * NULL). With 'known', '*kid' already holds the id of its key (a word
 * seen before in the document). */
static mta_status S_add(const struct S_state *s, const struct mtai_doc *d,
                        size_t a, size_t b, struct S_coll *c, int known,
                        uint32_t *kid) {
  mta_status st = known ? MTA_OK : S_key(s, d->text + a, b - a, &c->key);
  if (st)
    return st;
  /* Two parallel arrays with one capacity: when the second cannot grow,
   * the first may hold more room than 'cap' says, which is harmless. */
  size_t ocap = c->cap, kcap = c->cap;
  if ((st = mtai_vec_reserve(c->occ, ocap, c->n + 1)) ||
      (st = mtai_vec_reserve(c->occ_key, kcap, c->n + 1)))
    return st;
  c->cap = kcap;
  void *v = NULL;
  size_t id;
  struct S_occ o = {(uint32_t)a, (uint32_t)b};
  if (known || mtai_strset_get(&c->keys, mtai_buf_str(&c->key),
                               mtai_buf_len(&c->key), &v)) {
    id = known ? *kid : (size_t)(uintptr_t)v - 1;
    c->info[id].count++;
    if (!c->info[id].variants &&
        !S_same_span(d, &c->occ[c->info[id].first], &o))
      c->info[id].variants = 1;
  } else {
    const char *k = mtai_buf_str(&c->key);
    size_t kl = mtai_buf_len(&c->key);
    if ((st = mtai_vec_reserve(c->info, c->capkeys, c->nkeys + 1)))
      return st;
    id = c->nkeys;
    if ((st = mtai_strset_put(&c->keys, k, kl, (void *)(uintptr_t)(id + 1))))
      return st;
    c->nkeys++;
    c->info[id].count = 1;
    c->info[id].first = (uint32_t)c->n;
    c->info[id].variants = 0;
  }
  c->occ[c->n] = o;
  c->occ_key[c->n++] = (uint32_t)id;
  if (kid)
    *kid = (uint32_t)id;
  return MTA_OK;
}

/* Collects name-like words (of 4+ letters) and pairs of them. */
static mta_status S_collect(struct S_state *s, const struct mtai_doc *d,
                            struct S_coll *c) {
  mta_status st = MTA_OK;
  uint32_t *memo = mtai_tokmemo_get(&s->namey, d);
  uint32_t *kid = mtai_tokmemo_get(&s->key_id, d);
  uint32_t *kdoc = kid ? mtai_tokmemo_get(&s->key_doc, d) : NULL;
  if (!kdoc)
    kid = NULL;
  if (kid && !++s->doc_no) { /* wrapped: forget every document */
    memset(kdoc, 0, (d->nid + 1) * sizeof *kdoc);
    s->doc_no = 1;
  }
  for (size_t pi = 0; !st && pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    for (size_t i = p->tok_first; !st && i < p->tok_end; i++) {
      if (!S_namey(s, memo, d, i))
        continue;
      const struct mtai_token *t = &d->toks[i];
      if (mtai_utf8_count(d->text + t->start, t->end - t->start) >= 4) {
        uint32_t id = kid ? d->tid[i] : 0;
        int known = kid && kdoc[id] == s->doc_no;
        st = S_add(s, d, t->start, t->end, c, known, kid ? &kid[id] : NULL);
        if (!st && kid)
          kdoc[id] = s->doc_no;
      }
      if (!st && i + 1 < p->tok_end && S_namey(s, memo, d, i + 1) &&
          d->toks[i + 1].start == t->end + 1 && d->text[t->end] == ' ')
        st = S_add(s, d, t->start, d->toks[i + 1].end, c, 0, NULL);
    }
  }
  return st;
}

/* Reports the variants within one group [g, e) of occurrences sharing a
 * key, sorted by position. */
static mta_status S_group(const struct S_state *s, struct mtai_findings *r,
                          const struct S_occ *g, size_t e) {
  const struct mtai_doc *d = r->doc;
  size_t best = 0, best_count = 0;
  int best_german = 0, forms = 0;
  for (size_t i = 0; i < e; i++) {
    size_t first = 0, count = 0;
    while (first < i && !S_same_span(d, &g[first], &g[i]))
      first++;
    if (first < i)
      continue; /* counted with its first occurrence */
    forms++;
    for (size_t k = i; k < e; k++)
      count += S_same_span(d, &g[k], &g[i]);
    const char *w = d->text + g[i].start;
    size_t n = g[i].end - g[i].start;
    int german = s->sp && mtai_speller_is_name(s->sp, w, n);
    if (count > best_count || (count == best_count && german && !best_german)) {
      best = i;
      best_count = count;
      best_german = german;
    }
  }
  if (forms < 2)
    return MTA_OK;
  const struct S_occ *b = &g[best];
  char *pref = strndup(d->text + b->start, b->end - b->start);
  if (!pref)
    return MTA_ERR_NOMEM;
  mta_status st = MTA_OK;
  for (size_t i = 0; !st && i < e; i++) {
    if (S_same_span(d, &g[i], b))
      continue;
    char times[32];
    if (best_count == 1)
      snprintf(times, sizeof times, "%s", _("once"));
    else
      snprintf(times, sizeof times, _("%zu times"), best_count);
    st = mtai_finding_add(
        r, &S_rules[0], S_rules[0].severity, g[i].start, g[i].end, pref,
        "name spelled '%.*s' here but '%s' elsewhere in "
        "the article (%s)",
        (int)(g[i].end - g[i].start), d->text + g[i].start, pref, times);
  }
  free(pref);
  return st;
}

/* A key with two or more spellings, for sorting the groups by key. */
struct S_var {
  const char *key;
  size_t id;
};

static int S_by_key(const void *x, const void *y) {
  return strcmp(((const struct S_var *)x)->key, ((const struct S_var *)y)->key);
}

/* Reports the groups of keys with two or more spellings, in the order of
 * their keys, each group's occurrences in document order. Only those
 * occurrences are copied, into one array laid out by group (a counting
 * sort of the collected spans). */
static mta_status S_report(const struct S_state *s, struct mtai_findings *r,
                           struct S_coll *c) {
  size_t nv = 0, m = 0;
  for (size_t id = 0; id < c->nkeys; id++)
    nv += c->info[id].variants != 0;
  if (!nv)
    return MTA_OK;
  struct S_var *var = malloc(nv * sizeof *var);
  size_t *at = calloc(c->nkeys, sizeof *at); /* 1 + group start */
  if (!var || !at) {
    free(var);
    free(at);
    return MTA_ERR_NOMEM;
  }
  nv = 0;
  for (size_t k = 0; k < c->keys.cap; k++) {
    const struct mtai_strslot *sl = &c->keys.slots[k];
    if (!sl->key)
      continue;
    size_t id = (size_t)(uintptr_t)sl->val - 1;
    if (c->info[id].variants)
      var[nv++] = (struct S_var){sl->key, id};
  }
  qsort(var, nv, sizeof *var, S_by_key);
  for (size_t g = 0; g < nv; g++) {
    at[var[g].id] = 1 + m;
    m += c->info[var[g].id].count;
  }
  struct S_occ *grp = malloc(m * sizeof *grp);
  mta_status st = grp ? MTA_OK : MTA_ERR_NOMEM;
  for (size_t i = 0; !st && i < c->n; i++) {
    size_t *slot = &at[c->occ_key[i]];
    if (*slot)
      grp[(*slot)++ - 1] = c->occ[i];
  }
  for (size_t g = 0, from = 0; !st && g < nv; g++) {
    size_t e = c->info[var[g].id].count;
    st = S_group(s, r, grp + from, e);
    from += e;
  }
  free(grp);
  free(var);
  free(at);
  return st;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  (void)cx;
  struct S_state *s = state;
  struct S_coll c;
  memset(&c, 0, sizeof c);
  mtai_strset_init(&c.keys);
  mtai_buf_init(&c.key, 0);
  mta_status st = S_collect(s, r->doc, &c);
  if (!st)
    st = S_report(s, r, &c);
  free(c.occ);
  free(c.occ_key);
  free(c.info);
  mtai_strset_free(&c.keys);
  mtai_buf_free(&c.key);
  return st;
}

const struct mta_check mtai_check_names = {
    "names", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,  S_run,   S_destroy};
