/*
 * The near-miss guard's model of Hunspell (see spell_model.h): a C port of
 * tools/nearmiss_model.py.
 *
 * A lower-cased word passes when it is a form of the dictionary -- a stem
 * of the .dic with up to one prefix and two suffixes of the classes its
 * flags or the affixes' continuation flags allow, strips applied, affix
 * conditions ignored -- or a chain of such forms of at least COMPOUNDMIN
 * letters each: the first with COMPOUNDBEGIN, the middle ones with
 * COMPOUNDMIDDLE, the last with COMPOUNDEND (on the stem or on an affix's
 * continuation flags). Ignoring case, conditions, NEEDAFFIX,
 * ONLYINCOMPOUND, FORBIDDENWORD, KEEPCASE and COMPOUNDPERMITFLAG only lets
 * more words through; so does taking the union of the flags of every
 * analysis of a part instead of each analysis on its own (done here, and
 * it makes the forms of a part one 64-bit mask). An .aff with any other
 * directive (COMPOUNDRULE, COMPOUNDFLAG, FLAG, AF, ICONV, IGNORE, ...) is
 * refused: the model would not be an over-approximation of it.
 *
 * Speed: a part can be a form only when its text, up to its suffixes, is
 * the beginning of a stem; the longest such beginning from each position
 * of the word (a walk down the sorted stems) bounds both the parts tried
 * and the stems looked up, so most variants of a word die within a few
 * letters of their edit.
 */
#include "spell_model.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"

#define S_MAX 64    /* letters of a word the model answers */
#define S_AFFIX 16  /* bytes of an affix's append or strip string */
#define S_NOFLAG 64 /* no flag (a directive the .aff lacks) */
#define S_BLOOM (1u << 21)
#define S_FSETS 8192 /* distinct flag masks at most (fhash: twice that) */

struct S_rule {
  int pfx; /* PFX, else SFX */
  char app[S_AFFIX], strip[S_AFFIX];
  uint8_t alen, slen;
  uint8_t cls;    /* flag index of the affix class */
  uint64_t cont;  /* continuation flags */
  uint64_t gcont; /* union of the continuation flags of its group */
  uint32_t gend;  /* end of the rules with this kind, append and strip */
  uint32_t aend;  /* end of the rules with this kind and append */
};

#define S_TNODES 1024 /* nodes of an append trie at most */
#define S_TSYM 48     /* distinct bytes in the appends of a kind at most */

struct S_trie {
  uint8_t sym[256];               /* byte -> symbol + 1, 0: in no append */
  int16_t next[S_TNODES][S_TSYM]; /* node, symbol -> node (0: none) */
  int32_t first[S_TNODES];        /* node -> first rule with it, -1 */
  int nnode, nsym;
};

struct mtai_spell_model {
  /* Stems (lower-cased, NUL-terminated in 'arena'), open addressing:
   * slot -> offset + 1 (0 empty); their flag masks in 'mask'. */
  char *arena;
  size_t alen, acap;
  uint32_t *slot;
  uint16_t *fs; /* per slot: its flags, an index into 'fset' */
  /* The distinct flag masks of the stems (a few thousand), interned
   * through 'fhash' (index + 1, open addressing). */
  uint64_t *fset;
  size_t nfset;
  int32_t *fhash;
  /* Bit h % S_BLOOM of each stem's hash h: most look-ups of strings that
   * are no stem end here, without touching the big table. */
  uint64_t *bloom;
  size_t nslot, nstem;
  uint32_t *sorted; /* offsets of the stems, in byte order */
  /* Affix rules sorted by (pfx, app, strip). */
  struct S_rule *rule;
  size_t nrule;
  /* Per kind (0 suffix, 1 prefix), the append strings in a trie: a
   * suffix's read backwards from its end, a prefix's forwards; node 0 the
   * empty string. A walk along a word meets every append there in one
   * pass, and stops at the first letter no append continues with. */
  struct S_trie trie[2];
  size_t maxs, maxp; /* longest append of a suffix, of a prefix */
  /* Union of the continuation flags of the prefixes with empty append
   * and strip: asked together with the word without a prefix. */
  uint64_t pfx0_cont;
  size_t cmin;
  uint8_t begin, middle, end; /* flag indexes, or S_NOFLAG */
  uint8_t flag[256];          /* flag char -> index, 0xFF unused */
  int nflag;
  /* Hunspell's own answer for each form of the lexicon's table, one bit a
   * line in the table's order (mtai_spell_model_known()), set by the
   * build tool; NULL (nknown 0) otherwise. */
  uint64_t *known;
  size_t nknown;
  /* The arrays above point into a read-only table built at build time
   * (mtai_spell_model_open(): nothing to free, 'fhash' NULL) instead of
   * memory of their own. A pointer added to this struct must be written
   * to the table too (S_table_parts()) or be rebuilt by S_from_table(). */
  int in_table;
};

/* ---- loading ------------------------------------------------------------ */

static unsigned char S_lower(unsigned char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
    return (unsigned char)(c + 0x20);
  return c;
}

/* Reads file 'path' whole, NUL-terminated. */
static char *S_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *buf = NULL;
  size_t cap = 0, n = 0, k;
  do {
    if (cap - n < 65537) {
      size_t nc = cap ? cap * 2 : 1 << 20;
      char *nb = realloc(buf, nc);
      if (!nb) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = nb, cap = nc;
    }
    k = fread(buf + n, 1, 65536, f);
    n += k;
  } while (k > 0);
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  buf[n] = 0;
  *len = n;
  return buf;
}

/* The index of flag char 'c', assigned at first sight; -1 past 64 flags. */
static int S_flag(struct mtai_spell_model *m, unsigned char c) {
  if (m->flag[c] == 0xFF) {
    if (m->nflag >= 64)
      return -1;
    m->flag[c] = (uint8_t)m->nflag++;
  }
  return m->flag[c];
}

/* The mask of flag chars s[0..n); -1 (all ones) past 64 flags, which the
 * caller refuses. */
static int S_flags(struct mtai_spell_model *m, const char *s, size_t n,
                   uint64_t *out) {
  uint64_t r = 0;
  for (size_t i = 0; i < n; i++) {
    int f = S_flag(m, (unsigned char)s[i]);
    if (f < 0)
      return 0;
    r |= (uint64_t)1 << f;
  }
  *out = r;
  return 1;
}

/* The slot of stem s[0..n): where it is, or the empty slot for it. */
static size_t S_slot(const struct mtai_spell_model *m, const char *s, size_t n,
                     uint32_t h) {
  size_t mask = m->nslot - 1, i = h & mask;
  while (m->slot[i]) {
    const char *k = m->arena + m->slot[i] - 1;
    if (!memcmp(k, s, n) && !k[n])
      return i;
    i = (i + 1) & mask;
  }
  return i;
}

/* The index of flag mask 'fl' in m->fset (added when new); -1 past
 * S_FSETS masks. */
static int S_intern(struct mtai_spell_model *m, uint64_t fl) {
  uint32_t h = (uint32_t)((fl * 0x9E3779B97F4A7C15u) >> 40);
  for (size_t p = 0;; p++) {
    int32_t *e = &m->fhash[(h + p) % (2 * S_FSETS)];
    if (!*e) {
      if (m->nfset >= S_FSETS)
        return -1;
      m->fset[m->nfset] = fl;
      *e = (int32_t)++m->nfset;
      return *e - 1;
    }
    if (m->fset[*e - 1] == fl)
      return *e - 1;
  }
}

/* Adds stem s[0..n) with flags 'fl' (merged when it is there); 0 when out
 * of memory or of flag masks (S_FSETS). */
static int S_add_stem(struct mtai_spell_model *m, const char *s, size_t n,
                      uint64_t fl) {
  if (!n || n > 255)
    return 1;
  uint32_t h = mtai_fnv32(s, n);
  size_t i = S_slot(m, s, n, h);
  if (m->slot[i]) {
    int f = S_intern(m, m->fset[m->fs[i]] | fl);
    if (f < 0)
      return 0;
    m->fs[i] = (uint16_t)f;
    return 1;
  }
  m->bloom[(h % S_BLOOM) / 64] |= (uint64_t)1 << (h % 64);
  if (m->alen + n + 1 > m->acap) {
    size_t nc = m->acap ? m->acap * 2 : 1 << 22;
    char *na = realloc(m->arena, nc);
    if (!na)
      return 0;
    m->arena = na, m->acap = nc;
  }
  memcpy(m->arena + m->alen, s, n);
  m->arena[m->alen + n] = 0;
  m->slot[i] = (uint32_t)(m->alen + 1);
  int f = S_intern(m, fl);
  if (f < 0)
    return 0;
  m->fs[i] = (uint16_t)f;
  m->alen += n + 1;
  m->nstem++;
  return 1;
}

/* Writes s[0..n) with every 'from' replaced by 'to' (left to right, not
 * overlapping, as Python's str.replace) into 'out' (of 'sz'); returns the
 * length, or sz when it does not fit. */
static size_t S_replace(const char *s, size_t n, const char *from, size_t fl,
                        const char *to, size_t tl, char *out, size_t sz) {
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    if (i + fl <= n && !memcmp(s + i, from, fl)) {
      if (k + tl > sz)
        return sz;
      memcpy(out + k, to, tl);
      k += tl, i += fl;
    } else {
      if (k + 1 > sz)
        return sz;
      out[k++] = s[i++];
    }
  }
  return k;
}

/* Directives of the .aff the model covers (everything de_DE_frami uses). */
static int S_known(const char *d, size_t n) {
  static const char *const known[] = {
      "SET",           "BREAK",         "CHECKSHARPS",
      "CIRCUMFIX",     "COMPOUNDBEGIN", "COMPOUNDMIDDLE",
      "COMPOUNDEND",   "COMPOUNDMIN",   "COMPOUNDPERMITFLAG",
      "FORBIDDENWORD", "KEEPCASE",      "MAP",
      "NEEDAFFIX",     "NOSUGGEST",     "ONLYINCOMPOUND",
      "PFX",           "SFX",           "REP",
      "TRY",           "WORDCHARS"};
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
    if (strlen(known[i]) == n && !memcmp(known[i], d, n))
      return 1;
  return 0;
}

static int S_rule_cmp(const void *a, const void *b) {
  const struct S_rule *x = a, *y = b;
  if (x->pfx != y->pfx)
    return x->pfx - y->pfx;
  int c = strcmp(x->app, y->app);
  return c ? c : strcmp(x->strip, y->strip);
}

/* Enters append a[0..n) (read forwards when 'fwd', a prefix's; else
 * backwards) into 't' with its first rule 'rule'; 0 when 't' is full. */
static int S_trie_add(struct S_trie *t, const char *a, size_t n, int fwd,
                      int32_t rule) {
  int node = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)a[fwd ? i : n - 1 - i];
    if (!t->sym[c]) {
      if (t->nsym >= S_TSYM)
        return 0;
      t->sym[c] = (uint8_t)++t->nsym;
    }
    int y = t->sym[c] - 1;
    if (!t->next[node][y]) {
      if (t->nnode >= S_TNODES)
        return 0;
      t->first[t->nnode] = -1;
      t->next[node][y] = (int16_t)t->nnode++;
    }
    node = t->next[node][y];
  }
  t->first[node] = rule;
  return 1;
}

/* Splits line s[0..n) into at most 'max' whitespace-separated fields. */
static size_t S_fields(const char *s, size_t n, const char **f, size_t *fl,
                       size_t max) {
  size_t k = 0, i = 0;
  while (k < max) {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
      i++;
    if (i >= n)
      break;
    f[k] = s + i;
    while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
      i++;
    fl[k] = (size_t)(s + i - f[k]);
    k++;
  }
  return k;
}

/* Copies affix field s[0..n) ("0" is empty), lower-cased; 0 when too
 * long. */
static int S_affix_str(const char *s, size_t n, char *out, uint8_t *len) {
  if (n == 1 && s[0] == '0')
    n = 0;
  if (n >= S_AFFIX)
    return 0;
  for (size_t i = 0; i < n; i++)
    out[i] = (char)S_lower((unsigned char)s[i]);
  out[n] = 0;
  *len = (uint8_t)n;
  return 1;
}

/* Reads the .aff: MTA_ERR_DICT for a directive the model does not cover. */
static mta_status S_load_aff(struct mtai_spell_model *m, const char *text,
                             size_t len) {
  int latin1 = 0;
  size_t cap = 0;
  char cls_of[2][256] = {{0}};  /* the class announced */
  int32_t left[2][256] = {{0}}; /* its rules not yet read */
  const char *begin = NULL, *middle = NULL, *end = NULL;
  size_t nb = 0, nmid = 0, ne = 0;
  m->cmin = 3; /* Hunspell's default */
  for (size_t i = 0; i < len;) {
    size_t e = i;
    while (e < len && text[e] != '\n')
      e++;
    const char *f[6];
    size_t fl[6];
    size_t nf = S_fields(text + i, e - i, f, fl, 6);
    i = e + 1;
    if (!nf || f[0][0] == '#')
      continue;
    if (!S_known(f[0], fl[0]))
      return MTA_ERR_DICT;
    if (nf < 2)
      continue;
#define S_IS(s) (fl[0] == sizeof s - 1 && !memcmp(f[0], s, sizeof s - 1))
    if (S_IS("SET"))
      latin1 = (fl[1] == 9 && !memcmp(f[1], "ISO8859-1", 9)) ||
               (fl[1] == 10 && !memcmp(f[1], "ISO-8859-1", 10));
    else if (S_IS("COMPOUNDMIN"))
      m->cmin = (size_t)strtoul(f[1], NULL, 10);
    else if (S_IS("COMPOUNDBEGIN") && !begin)
      begin = f[1], nb = fl[1];
    else if (S_IS("COMPOUNDMIDDLE") && !middle)
      middle = f[1], nmid = fl[1];
    else if (S_IS("COMPOUNDEND") && !end)
      end = f[1], ne = fl[1];
    else if (S_IS("PFX") || S_IS("SFX")) {
      int pfx = S_IS("PFX");
      if (fl[1] != 1)
        return MTA_ERR_DICT;
      unsigned char c = (unsigned char)f[1][0];
      /* The header announces the rules of a class ("SFX F Y 35"); the
       * rules follow ("SFX F 0 nen in"). */
      if (!cls_of[pfx][c]) {
        if (nf < 4)
          return MTA_ERR_DICT;
        long k = strtol(f[3], NULL, 10);
        if (k <= 0 || k > 100000)
          return MTA_ERR_DICT;
        cls_of[pfx][c] = 1;
        /* counted below per rule: a class announced twice is refused */
        left[pfx][c] = (int32_t)k;
        continue;
      }
      if (nf < 4)
        return MTA_ERR_DICT;
      if (left[pfx][c] <= 0)
        return MTA_ERR_DICT; /* more rules than announced */
      left[pfx][c]--;
      if (m->nrule == cap) {
        size_t nc = cap ? cap * 2 : 512;
        struct S_rule *nr = realloc(m->rule, nc * sizeof *nr);
        if (!nr)
          return MTA_ERR_NOMEM;
        m->rule = nr, cap = nc;
      }
      struct S_rule *r = &m->rule[m->nrule];
      memset(r, 0, sizeof *r);
      r->pfx = pfx;
      const char *slash = memchr(f[3], '/', fl[3]);
      size_t al = slash ? (size_t)(slash - f[3]) : fl[3];
      if (!S_affix_str(f[2], fl[2], r->strip, &r->slen) ||
          !S_affix_str(f[3], al, r->app, &r->alen))
        return MTA_ERR_DICT;
      if (slash && !S_flags(m, slash + 1, fl[3] - al - 1, &r->cont))
        return MTA_ERR_DICT;
      int ci = S_flag(m, c);
      if (ci < 0)
        return MTA_ERR_DICT;
      r->cls = (uint8_t)ci;
      m->nrule++;
    }
#undef S_IS
  }
  if (!latin1 || !m->nrule)
    return MTA_ERR_DICT;
  const char *roles[3] = {begin, middle, end};
  size_t rl[3] = {nb, nmid, ne};
  uint8_t *out[3] = {&m->begin, &m->middle, &m->end};
  for (int k = 0; k < 3; k++) {
    *out[k] = S_NOFLAG;
    if (!roles[k])
      continue;
    if (rl[k] != 1 || S_flag(m, (unsigned char)roles[k][0]) < 0)
      return MTA_ERR_DICT;
    *out[k] = m->flag[(unsigned char)roles[k][0]];
  }
  /* The rules by (kind, append, strip); each append string in the trie
   * of its kind, with its first rule. */
  qsort(m->rule, m->nrule, sizeof *m->rule, S_rule_cmp);
  for (int kind = 0; kind < 2; kind++) {
    struct S_trie *t = &m->trie[kind];
    t->nnode = 1;
    t->first[0] = -1;
  }
  for (size_t k = 0; k < m->nrule; k++) {
    struct S_rule *r = &m->rule[k];
    if (k && r[-1].pfx == r->pfx && !strcmp(r[-1].app, r->app))
      continue;
    if (!S_trie_add(&m->trie[r->pfx], r->app, r->alen, r->pfx, (int32_t)k))
      return MTA_ERR_DICT; /* more appends than the trie holds */
    size_t *mx = r->pfx ? &m->maxp : &m->maxs;
    if (r->alen > *mx)
      *mx = r->alen;
  }
  if (m->maxs >= 32 || m->maxp >= 32)
    return MTA_ERR_DICT;
  for (size_t k = m->nrule; k-- > 0;) {
    struct S_rule *r = &m->rule[k];
    int same_app =
        k + 1 < m->nrule && r[1].pfx == r->pfx && !strcmp(r[1].app, r->app);
    r->aend = same_app ? r[1].aend : (uint32_t)k + 1;
    int same_group = same_app && !strcmp(r[1].strip, r->strip);
    r->gend = same_group ? r[1].gend : (uint32_t)k + 1;
    r->gcont = r->cont | (same_group ? r[1].gcont : 0);
    if (r->pfx && !r->alen && !r->slen)
      m->pfx0_cont |= r->cont;
  }
  return MTA_OK;
}

/* The node after node 'node' of trie 't' and byte 'c'; 0 when no append
 * goes on so. */
static int S_trie_step(const struct S_trie *t, int node, unsigned char c) {
  int y = t->sym[c];
  return y ? t->next[node][y - 1] : 0;
}

/* Adds the stem s[0..n) lower-cased, also with every 'ß' as "ss" and
 * every "ss" as 'ß' (CHECKSHARPS), with flags 'fl'. */
static mta_status S_add_entry(struct mtai_spell_model *m, const char *s,
                              size_t n, uint64_t fl) {
  char low[256], alt[512];
  for (size_t k = 0; k < n; k++)
    low[k] = (char)S_lower((unsigned char)s[k]);
  if ((m->nstem + 3) * 4 > m->nslot * 3)
    return MTA_ERR_DICT; /* far more stems than the count said */
  if (!S_add_stem(m, low, n, fl))
    return MTA_ERR_NOMEM;
  size_t an = S_replace(low, n, "\xDF", 1, "ss", 2, alt, sizeof alt);
  if (an < sizeof alt && (an != n || memcmp(alt, low, n)) &&
      !S_add_stem(m, alt, an, fl))
    return MTA_ERR_NOMEM;
  an = S_replace(low, n, "ss", 2, "\xDF", 1, alt, sizeof alt);
  if (an < sizeof alt && (an != n || memcmp(alt, low, n)) &&
      !S_add_stem(m, alt, an, fl))
    return MTA_ERR_NOMEM;
  return MTA_OK;
}

/* Sorting the stems: the first 8 bytes as a big-endian number decide
 * most comparisons without touching the arena. */
struct S_skey {
  uint64_t key;
  const char *s;
};

static int S_skey_cmp(const void *a, const void *b) {
  const struct S_skey *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return strcmp(x->s, y->s);
}

/* Reads the .dic: every stem lower-cased, also with every 'ß' as "ss"
 * and every "ss" as 'ß' (CHECKSHARPS), its flags merged. */
static mta_status S_load_dic(struct mtai_spell_model *m, const char *text,
                             size_t len) {
  size_t i = 0;
  while (i < len && text[i] != '\n') /* the count */
    i++;
  size_t est = (size_t)strtoul(text, NULL, 10);
  m->nslot = 1 << 16;
  while (m->nslot < est * 2)
    m->nslot <<= 1;
  m->slot = calloc(m->nslot, sizeof *m->slot);
  m->fs = calloc(m->nslot, sizeof *m->fs); /* zero: a reproducible table */
  m->fset = malloc(S_FSETS * sizeof *m->fset);
  m->fhash = calloc(2 * S_FSETS, sizeof *m->fhash);
  m->bloom = calloc(S_BLOOM / 64, sizeof *m->bloom);
  if (!m->slot || !m->fs || !m->fset || !m->fhash || !m->bloom)
    return MTA_ERR_NOMEM;
  for (i++; i < len;) {
    size_t e = i;
    while (e < len && text[e] != '\n')
      e++;
    const char *s = text + i;
    i = e + 1;
    /* The entry as Hunspell 1.7 reads it: up to a tab or a morphological
     * field (" xx:"); a space elsewhere belongs to the word
     * ("Vernehmungshandbuch /STm" is the stem "vernehmungshandbuch "). */
    size_t n = 0, le = (size_t)(text + e - s);
    while (n < le && s[n] != '\t' && s[n] != '\r' &&
           !(s[n] == ' ' && n + 3 < le && s[n + 3] == ':'))
      n++;
    /* and as the prototype read it: up to the first blank */
    size_t w = 0;
    while (w < n && s[w] != ' ')
      w++;
    for (int pass = 0; pass < 2; pass++) {
      size_t pn = pass ? w : n;
      if (pass && w == n)
        break;
      const char *slash = memchr(s, '/', pn);
      size_t sl = slash ? (size_t)(slash - s) : pn;
      uint64_t fl = 0;
      /* the flags up to the end of the entry (both readings) */
      if (slash && !S_flags(m, slash + 1, n - sl - 1, &fl))
        return MTA_ERR_DICT;
      if (!sl || sl > 255)
        continue;
      mta_status st = S_add_entry(m, s, sl, fl);
      if (st)
        return st;
    }
  }
  m->sorted = malloc((m->nstem ? m->nstem : 1) * sizeof *m->sorted);
  if (!m->sorted)
    return MTA_ERR_NOMEM;
  struct S_skey *keys = malloc((m->nstem ? m->nstem : 1) * sizeof *keys);
  if (!keys)
    return MTA_ERR_NOMEM;
  size_t k = 0;
  for (size_t s = 0; s < m->nslot; s++)
    if (m->slot[s]) {
      const char *t = m->arena + m->slot[s] - 1;
      uint64_t key = 0;
      size_t b = 0;
      for (; b < 8 && t[b]; b++)
        key = key << 8 | (unsigned char)t[b];
      key <<= 8 * (8 - b);
      keys[k++] = (struct S_skey){key, t};
    }
  qsort(keys, k, sizeof *keys, S_skey_cmp);
  for (size_t j = 0; j < k; j++)
    m->sorted[j] = (uint32_t)(keys[j].s - m->arena);
  free(keys);
  return MTA_OK;
}

void mtai_spell_model_free(struct mtai_spell_model *m) {
  if (!m)
    return;
  if (m->in_table) {
    free(m);
    return;
  }
  free(m->arena);
  free(m->slot);
  free(m->fs);
  free(m->fset);
  free(m->fhash);
  free(m->bloom);
  free(m->sorted);
  free(m->rule);
  free(m->known);
  free(m);
}

mta_status mtai_spell_model_load(const char *aff, const char *dic,
                                 struct mtai_spell_model **out) {
  *out = NULL;
  struct mtai_spell_model *m = calloc(1, sizeof *m);
  if (!m)
    return MTA_ERR_NOMEM;
  memset(m->flag, 0xFF, sizeof m->flag);
  size_t alen = 0, dlen = 0;
  char *a = S_slurp(aff, &alen);
  mta_status st = a ? S_load_aff(m, a, alen) : MTA_ERR_IO;
  free(a);
  if (st == MTA_OK) {
    char *d = S_slurp(dic, &dlen);
    if (!d)
      st = MTA_ERR_IO;
    else {
      st = S_load_dic(m, d, dlen);
    }
    free(d);
  }
  if (st != MTA_OK) {
    mtai_spell_model_free(m);
    return st;
  }
  *out = m;
  return MTA_OK;
}

size_t mtai_spell_model_bytes(const struct mtai_spell_model *m) {
  if (!m)
    return 0;
  size_t known = (m->nknown + 63) / 64 * sizeof *m->known;
  if (m->in_table) /* the table's parts (read-only, shared) and m */
    return sizeof *m + m->alen + m->nslot * (sizeof *m->slot + sizeof *m->fs) +
           m->nfset * sizeof *m->fset + S_BLOOM / 8 +
           m->nstem * sizeof *m->sorted + m->nrule * sizeof *m->rule + known;
  return sizeof *m + m->acap + m->nslot * (sizeof *m->slot + sizeof *m->fs) +
         S_FSETS * sizeof *m->fset + 2 * S_FSETS * sizeof *m->fhash +
         S_BLOOM / 8 + m->nstem * sizeof *m->sorted +
         m->nrule * sizeof *m->rule + known;
}

/* ---- the build-time table -------------------------------------------------
 *
 * The table (tools/mkspellmodel.c at build time, mtai_spell_model_open() at
 * run time): a head, a copy of the model's struct, then the model's
 * arrays, each at a multiple of 64 bytes from the table's start, as the
 * loader left them:
 *
 *   head     struct S_table: magic, the writer's byte order and struct
 *            sizes, the size and hash of the .aff and .dic read, the
 *            offset and length of the struct and of each array
 *   struct   struct mtai_spell_model: its scalars and inline arrays (the
 *            affix tries), its pointers written as NULL
 *   parts    arena (alen bytes), slot (nslot uint32), fs (nslot uint16),
 *            fset (nfset uint64), bloom (S_BLOOM bits), sorted (nstem
 *            uint32), rule (nrule struct S_rule)
 *
 * 'fhash' (interning flag masks while loading) is not kept. Written and
 * read by the same source file with the same compiler for the same
 * target, so the structs have the same layout; the sizes in the head
 * catch a table from elsewhere, which is then ignored.
 */

#define S_TABLE_MAGIC "mtaspm02"
enum {
  S_P_MODEL,
  S_P_ARENA,
  S_P_SLOT,
  S_P_FS,
  S_P_FSET,
  S_P_BLOOM,
  S_P_SORTED,
  S_P_RULE,
  S_P_KNOWN,
  S_NPART
};

struct S_file_id {
  uint64_t size, hash;
};

struct S_table {
  char magic[8];
  uint32_t order;      /* 0x01020304 as the writer stores it */
  uint32_t head_size;  /* sizeof (struct S_table) */
  uint32_t model_size; /* sizeof (struct mtai_spell_model) */
  uint32_t rule_size;  /* sizeof (struct S_rule) */
  struct S_file_id aff, dic;
  uint64_t off[S_NPART], len[S_NPART]; /* bytes from the table's start */
};

/* The struct and arrays of 'm' and their lengths in bytes. */
static void S_table_parts(const struct mtai_spell_model *m,
                          const void *p[S_NPART], uint64_t len[S_NPART]) {
  p[S_P_MODEL] = m, len[S_P_MODEL] = sizeof *m;
  p[S_P_ARENA] = m->arena, len[S_P_ARENA] = m->alen;
  p[S_P_SLOT] = m->slot, len[S_P_SLOT] = m->nslot * sizeof *m->slot;
  p[S_P_FS] = m->fs, len[S_P_FS] = m->nslot * sizeof *m->fs;
  p[S_P_FSET] = m->fset, len[S_P_FSET] = m->nfset * sizeof *m->fset;
  p[S_P_BLOOM] = m->bloom, len[S_P_BLOOM] = S_BLOOM / 8;
  p[S_P_SORTED] = m->sorted, len[S_P_SORTED] = m->nstem * sizeof *m->sorted;
  p[S_P_RULE] = m->rule, len[S_P_RULE] = m->nrule * sizeof *m->rule;
  p[S_P_KNOWN] = m->known,
  len[S_P_KNOWN] = (m->nknown + 63) / 64 * sizeof *m->known;
}

static uint64_t S_rotl(uint64_t x, int r) { return x << r | x >> (64 - r); }

#define S_P1 0x9E3779B185EBCA87u
#define S_P2 0xC2B2AE3D27D4EB4Fu
#define S_P3 0x165667B19E3779F9u

static uint64_t S_round(uint64_t acc, uint64_t w) {
  return S_rotl(acc + w * S_P2, 31) * S_P1;
}

/*
 * The identity of file 'path': its size and a 64-bit hash of its bytes,
 * read in chunks, a word at a time in four independent lanes (xxHash64's
 * round; not its exact value). 'want' (may be NULL) is the identity
 * hoped for: a file of another size is not read. 0 when the file cannot
 * be read (or is not the size wanted).
 */
static int S_file_id(const char *path, const struct S_file_id *want,
                     struct S_file_id *id) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  if (fseek(f, 0, SEEK_END) || ftell(f) < 0) {
    fclose(f);
    return 0;
  }
  id->size = (uint64_t)ftell(f);
  if ((want && want->size != id->size) || fseek(f, 0, SEEK_SET)) {
    fclose(f);
    return 0;
  }
  enum { CHUNK = 1 << 18 }; /* a multiple of 32 */
  unsigned char *buf = malloc(CHUNK);
  if (!buf) {
    fclose(f);
    return 0;
  }
  uint64_t v[4] = {S_P1 + S_P2, S_P2, 0, 0 - S_P1}, total = 0;
  size_t k;
  int done = 0;
  /* Every chunk but the last is full, so the lanes see the same words
   * however the reads split the file. */
  while (!done && (k = fread(buf, 1, CHUNK, f)) > 0) {
    total += k;
    size_t i = 0;
    for (; i + 32 <= k; i += 32)
      for (int l = 0; l < 4; l++) {
        uint64_t w;
        memcpy(&w, buf + i + 8 * l, 8);
        v[l] = S_round(v[l], w);
      }
    if (k < CHUNK) { /* the tail: zero-padded words */
      for (int l = 0; i < k; l++, i += 8) {
        uint64_t w = 0;
        memcpy(&w, buf + i, k - i < 8 ? k - i : 8);
        v[l] = S_round(v[l], w);
      }
      done = 1;
    }
  }
  int bad = ferror(f);
  fclose(f);
  free(buf);
  if (bad || total != id->size)
    return 0;
  uint64_t h = S_rotl(v[0], 1) + S_rotl(v[1], 7) + S_rotl(v[2], 12) +
               S_rotl(v[3], 18) + total;
  h ^= h >> 33, h *= S_P2, h ^= h >> 29, h *= S_P3, h ^= h >> 32;
  id->hash = h;
  return !want || want->hash == h;
}

mta_status mtai_spell_model_write_table(const struct mtai_spell_model *m,
                                        const char *aff, const char *dic,
                                        FILE *f) {
  if (!m || m->in_table)
    return MTA_ERR_INVALID_ARG;
  struct S_table t;
  memset(&t, 0, sizeof t); /* padding too */
  memcpy(t.magic, S_TABLE_MAGIC, 8);
  t.order = 0x01020304u;
  t.head_size = (uint32_t)sizeof t;
  t.model_size = (uint32_t)sizeof *m;
  t.rule_size = (uint32_t)sizeof(struct S_rule);
  if (!S_file_id(aff, NULL, &t.aff) || !S_file_id(dic, NULL, &t.dic))
    return MTA_ERR_IO;
  /* the struct without a pointer of this process (calloc'd by the
   * loader: its padding is zero) */
  struct mtai_spell_model *c = malloc(sizeof *c);
  if (!c)
    return MTA_ERR_NOMEM;
  memcpy(c, m, sizeof *m);
  c->arena = NULL, c->slot = NULL, c->fs = NULL, c->fset = NULL;
  c->fhash = NULL, c->bloom = NULL, c->sorted = NULL, c->rule = NULL;
  c->known = NULL;
  c->acap = m->alen;
  const void *p[S_NPART];
  S_table_parts(m, p, t.len);
  p[S_P_MODEL] = c;
  uint64_t off = (sizeof t + 63) / 64 * 64;
  for (int i = 0; i < S_NPART; i++) {
    t.off[i] = off;
    off += (t.len[i] + 63) / 64 * 64;
  }
  static const unsigned char zero[64];
  int ok = fwrite(&t, sizeof t, 1, f) == 1;
  uint64_t at = sizeof t;
  for (int i = 0; ok && i < S_NPART; i++) {
    ok = fwrite(zero, 1, t.off[i] - at, f) == t.off[i] - at &&
         (!t.len[i] || fwrite(p[i], t.len[i], 1, f) == 1);
    at = t.off[i] + t.len[i];
  }
  ok = ok && fwrite(zero, 1, off - at, f) == off - at;
  free(c);
  return ok ? MTA_OK : MTA_ERR_IO;
}

/* The model in 'table' (len bytes) when it is a table of this build for
 * the files 'aff' and 'dic'; NULL otherwise (or out of memory). */
static struct mtai_spell_model *S_from_table(const unsigned char *table,
                                             size_t len, const char *aff,
                                             const char *dic) {
  struct S_table t;
  if (!table || len < sizeof t || (uintptr_t)table % 64)
    return NULL;
  memcpy(&t, table, sizeof t);
  if (memcmp(t.magic, S_TABLE_MAGIC, 8) || t.order != 0x01020304u ||
      t.head_size != sizeof t ||
      t.model_size != sizeof(struct mtai_spell_model) ||
      t.rule_size != sizeof(struct S_rule) ||
      t.len[S_P_MODEL] != sizeof(struct mtai_spell_model))
    return NULL;
  for (int i = 0; i < S_NPART; i++)
    if (t.off[i] % 64 || t.off[i] > len || t.len[i] > len - t.off[i])
      return NULL;
  struct S_file_id id;
  if (!S_file_id(aff, &t.aff, &id) || !S_file_id(dic, &t.dic, &id))
    return NULL;
  struct mtai_spell_model *m = malloc(sizeof *m);
  if (!m)
    return NULL;
  memcpy(m, table + t.off[S_P_MODEL], sizeof *m);
  /* the parts are read-only: the queries never write them */
  m->arena = (char *)(uintptr_t)(table + t.off[S_P_ARENA]);
  m->slot = (uint32_t *)(uintptr_t)(table + t.off[S_P_SLOT]);
  m->fs = (uint16_t *)(uintptr_t)(table + t.off[S_P_FS]);
  m->fset = (uint64_t *)(uintptr_t)(table + t.off[S_P_FSET]);
  m->bloom = (uint64_t *)(uintptr_t)(table + t.off[S_P_BLOOM]);
  m->sorted = (uint32_t *)(uintptr_t)(table + t.off[S_P_SORTED]);
  m->rule = (struct S_rule *)(uintptr_t)(table + t.off[S_P_RULE]);
  m->known =
      m->nknown ? (uint64_t *)(uintptr_t)(table + t.off[S_P_KNOWN]) : NULL;
  m->fhash = NULL;
  m->in_table = 1;
  /* the lengths the parts must have for these scalars */
  const void *p[S_NPART];
  uint64_t want[S_NPART];
  S_table_parts(m, p, want);
  for (int i = 0; i < S_NPART; i++)
    if (want[i] != t.len[i]) {
      free(m);
      return NULL;
    }
  return m;
}

mta_status mtai_spell_model_open(const void *table, size_t len, const char *aff,
                                 const char *dic,
                                 struct mtai_spell_model **out) {
  *out = S_from_table(table, len, aff, dic);
  if (*out)
    return MTA_OK;
  return mtai_spell_model_load(aff, dic, out);
}

int mtai_spell_model_in_table(const struct mtai_spell_model *m) {
  return m && m->in_table;
}

void mtai_spell_model_set_known(struct mtai_spell_model *m, uint64_t *bits,
                                size_t n) {
  if (!m->in_table)
    free(m->known);
  m->known = bits;
  m->nknown = bits ? n : 0;
}

int mtai_spell_model_known(const struct mtai_spell_model *m, size_t line,
                           size_t nlines) {
  if (!m || !m->known || m->nknown != nlines || line >= nlines)
    return -1;
  return (int)(m->known[line / 64] >> (line % 64) & 1);
}

/* ---- asking ---------------------------------------------------------------
 */

struct S_res {
  uint64_t mask; /* union of the flags of its analyses */
  int found;     /* some analysis */
};

/* The answers for parts and word ends of earlier words, by their text:
 * the one-edit variants of a word share most of their parts with each
 * other. Direct-mapped: a colliding entry replaces the old one. */
#define S_CACHE 4096
struct S_centry {
  uint64_t mask;
  uint32_t h;
  uint8_t len, kind, found, used;
  char key[S_MAX];
};
struct mtai_spell_model_cache {
  struct S_centry e[S_CACHE];
};

struct mtai_spell_model_cache *mtai_spell_model_cache_new(void) {
  return calloc(1, sizeof(struct mtai_spell_model_cache));
}

void mtai_spell_model_cache_free(struct mtai_spell_model_cache *c) { free(c); }

static struct S_centry *S_centry(struct mtai_spell_model_cache *c, int kind,
                                 const char *s, size_t n, int *hit) {
  uint32_t h = mtai_fnv32(s, n) ^ (uint32_t)kind * 0x9E3779B9u;
  struct S_centry *e = &c->e[h % S_CACHE];
  *hit = e->used && e->h == h && e->len == n && e->kind == kind &&
         !memcmp(e->key, s, n);
  if (!*hit) {
    e->used = 0;
    e->h = h;
    e->len = (uint8_t)n;
    e->kind = (uint8_t)kind;
    memcpy(e->key, s, n);
  }
  return e;
}

/* One word being asked: its lower-cased Latin-1 letters and, per
 * position, the longest beginning of a stem there (-1 not computed). */
struct S_word {
  const struct mtai_spell_model *m;
  struct mtai_spell_model_cache *cache; /* may be NULL */
  const char *c;
  size_t n;
  int lim[S_MAX + 1];
  uint64_t exact[S_MAX + 1];         /* bit d: c[s:s+d] is a stem (d < 64) */
  int8_t part[S_MAX + 1][S_MAX + 1]; /* forms of c[i:j] computed: 1 */
  uint64_t pmask[S_MAX + 1][S_MAX + 1];
  uint8_t pfound[S_MAX + 1][S_MAX + 1];
  int8_t rest[S_MAX + 1]; /* chain from i (not first), -1 unknown */
};

/* The longest beginning of c[s..n) that begins a stem: a walk down the
 * sorted stems, narrowing the range letter by letter. */
static int S_lim(struct S_word *x, size_t s) {
  if (x->lim[s] >= 0)
    return x->lim[s];
  const struct mtai_spell_model *m = x->m;
  size_t lo = 0, hi = m->nstem, d = 0;
  uint64_t exact = 0;
  while (s + d < x->n) {
    unsigned char ch = (unsigned char)x->c[s + d];
    size_t a = lo, b = hi; /* first stem with byte d >= ch */
    while (a < b) {
      size_t mid = a + (b - a) / 2;
      if ((unsigned char)m->arena[m->sorted[mid] + d] < ch)
        a = mid + 1;
      else
        b = mid;
    }
    size_t first = a;
    b = hi; /* first stem with byte d > ch */
    while (a < b) {
      size_t mid = a + (b - a) / 2;
      if ((unsigned char)m->arena[m->sorted[mid] + d] <= ch)
        a = mid + 1;
      else
        b = mid;
    }
    if (first == a)
      break;
    lo = first, hi = a, d++;
    if (!m->arena[m->sorted[lo] + d] && d < 64)
      exact |= (uint64_t)1 << d;
  }
  x->lim[s] = (int)d;
  x->exact[s] = exact;
  return (int)d;
}

static void S_root(const struct mtai_spell_model *m, const char *s, size_t n,
                   struct S_res *r) {
  uint32_t h = mtai_fnv32(s, n);
  if (!(m->bloom[(h % S_BLOOM) / 64] >> (h % 64) & 1))
    return;
  size_t i = S_slot(m, s, n, h);
  if (m->slot[i]) {
    r->mask |= m->fset[m->fs[i]];
    r->found = 1;
  }
}

/*
 * The analyses of y[0..n) as a stem and up to 'depth' suffixes, into 'r'.
 * The first 'fixed' bytes of y are the word's letters from a position
 * where at most 'lim' letters begin a stem (the rest is strip text): a
 * stem whose first 'fixed' bytes are those needs fixed <= lim, and every
 * suffix taken off shortens 'fixed' by at most the longest append.
 */
static void S_sfx(const struct mtai_spell_model *m, const char *y, size_t n,
                  size_t fixed, size_t lim, uint64_t exact, uint64_t extra,
                  int depth, struct S_res *r) {
  /* all of y the word's letters: a stem only when the walk met it */
  if (fixed <= lim && (fixed < n || n >= 64 || (exact >> n & 1)))
    S_root(m, y, n, r);
  if (!depth)
    return;
  const struct S_trie *tr = &m->trie[0];
  /* the suffixes whose append ends y, shortest first */
  for (size_t k = 0, node = 0; k + 1 <= n; k++) {
    if (k &&
        !(node = (size_t)S_trie_step(tr, (int)node, (unsigned char)y[n - k])))
      break;
    long g = tr->first[node];
    if (g < 0)
      continue;
    size_t keep = n - k, f2 = fixed < keep ? fixed : keep;
    if (f2 > lim + (size_t)(depth - 1) * m->maxs)
      continue;
    for (size_t q = (size_t)g, qa = m->rule[g].aend; q < qa;) {
      const struct S_rule *rule = &m->rule[q];
      size_t qe = rule->gend; /* the rules with this strip */
      char buf[S_MAX + 3 * S_AFFIX];
      memcpy(buf, y, keep);
      memcpy(buf + keep, rule->strip, rule->slen);
      struct S_res b = {0, 0};
      S_sfx(m, buf, keep + rule->slen, f2, lim, exact, extra, depth - 1, &b);
      if (b.found)
        for (size_t t = q; t < qe; t++)
          if ((b.mask | extra) >> m->rule[t].cls & 1) {
            r->mask |= b.mask | m->rule[t].cont;
            r->found = 1;
          }
      q = qe;
    }
  }
}

/* The analyses of c[i:j] as a form (one prefix, two suffixes), cached. */
static struct S_res S_forms(struct S_word *x, size_t i, size_t j) {
  struct S_res r = {0, 0};
  if (x->part[i][j]) {
    r.mask = x->pmask[i][j];
    r.found = x->pfound[i][j];
    return r;
  }
  const struct mtai_spell_model *m = x->m;
  const char *s = x->c + i;
  size_t n = j - i;
  struct S_centry *ce = NULL;
  if (x->cache) {
    int hit;
    ce = S_centry(x->cache, 0, s, n, &hit);
    if (hit) {
      r.mask = ce->mask;
      r.found = ce->found;
      x->part[i][j] = 1;
      x->pmask[i][j] = r.mask;
      x->pfound[i][j] = (uint8_t)r.found;
      return r;
    }
  }
  /* Without a prefix, and with each prefix of empty append and strip:
   * one question, with the union of their continuation flags (which only
   * lets more through). */
  size_t lim0 = (size_t)S_lim(x, i);
  struct S_res b0 = {0, 0};
  S_sfx(m, s, n, n, lim0, x->exact[i], m->pfx0_cont, 2, &b0);
  r = b0;
  const struct S_trie *tr = &m->trie[1];
  /* the prefixes whose append begins s, shortest first */
  for (size_t k = 0, node = 0; k + 1 <= n; k++) {
    if (k &&
        !(node = (size_t)S_trie_step(tr, (int)node, (unsigned char)s[k - 1])))
      break;
    long g = tr->first[node];
    if (g < 0)
      continue;
    /* per (append, strip): one question with the union of the
     * continuation flags of its rules */
    for (size_t q = (size_t)g, qa = m->rule[g].aend; q < qa;) {
      const struct S_rule *rule = &m->rule[q];
      size_t qe = rule->gend;
      struct S_res b = {0, 0};
      if (!k && !rule->slen)
        b = b0;
      else if (rule->slen) {
        char buf[S_MAX + 3 * S_AFFIX];
        memcpy(buf, rule->strip, rule->slen);
        memcpy(buf + rule->slen, s + k, n - k);
        S_sfx(m, buf, rule->slen + n - k, 0, 0, 0, rule->gcont, 2, &b);
      } else {
        size_t lk = (size_t)S_lim(x, i + k);
        S_sfx(m, s + k, n - k, n - k, lk, x->exact[i + k], rule->gcont, 2, &b);
      }
      for (; q < qe; q++)
        if (b.found && ((b.mask | m->rule[q].cont) >> m->rule[q].cls & 1)) {
          r.mask |= b.mask | m->rule[q].cont;
          r.found = 1;
        }
    }
  }
  x->part[i][j] = 1;
  x->pmask[i][j] = r.mask;
  x->pfound[i][j] = (uint8_t)r.found;
  if (ce) {
    ce->mask = r.mask;
    ce->found = (uint8_t)r.found;
    ce->used = 1;
  }
  return r;
}

/* The longest part from position i that can be a form: its text up to
 * its suffixes (two at most) begins a stem, after a prefix; SIZE_MAX when
 * a prefix with a strip string matches there (not bounded). */
static size_t S_reach(struct S_word *x, size_t i) {
  const struct mtai_spell_model *m = x->m;
  size_t best = (size_t)S_lim(x, i);
  const struct S_trie *tr = &m->trie[1];
  for (size_t k = 1, node = 0; i + k < x->n; k++) {
    if (!(node = (size_t)S_trie_step(tr, (int)node,
                                     (unsigned char)x->c[i + k - 1])))
      break;
    long g = tr->first[node];
    if (g < 0)
      continue;
    for (size_t q = (size_t)g, qa = m->rule[g].aend; q < qa; q++) {
      const struct S_rule *rule = &m->rule[q];
      if (rule->slen)
        return (size_t)-1;
      size_t b = k + (size_t)S_lim(x, i + k);
      if (b > best)
        best = b;
    }
  }
  /* a prefix with an empty append and a strip string */
  long g = tr->first[0];
  for (size_t q = g < 0 ? m->nrule : (size_t)g;
       q < m->nrule && m->rule[q].pfx && !m->rule[q].alen; q++)
    if (m->rule[q].slen)
      return (size_t)-1;
  return best + 2 * m->maxs;
}

/* A chain of parts from position i to the end: the first with
 * COMPOUNDBEGIN when 'first', the middle ones COMPOUNDMIDDLE, the last
 * COMPOUNDEND. */
static int S_chain(struct S_word *x, size_t i, int first) {
  const struct mtai_spell_model *m = x->m;
  if (!first && x->rest[i] >= 0)
    return x->rest[i];
  struct S_centry *ce = NULL;
  if (!first && x->cache) {
    int hit;
    ce = S_centry(x->cache, 1, x->c + i, x->n - i, &hit);
    if (hit)
      return x->rest[i] = (int8_t)ce->found;
  }
  size_t n = x->n, reach = S_reach(x, i);
  size_t top = reach >= n - i ? n : i + reach;
  int ok = 0;
  for (size_t j = i + (m->cmin ? m->cmin : 1); !ok && j <= top; j++) {
    struct S_res f = S_forms(x, i, j);
    if (!f.mask)
      continue;
    if (j == n)
      ok = !first && m->end < 64 && (f.mask >> m->end & 1);
    else if (n - j >= m->cmin) {
      uint8_t role = first ? m->begin : m->middle;
      ok = role < 64 && (f.mask >> role & 1) && S_chain(x, j, 0);
    }
  }
  if (!first)
    x->rest[i] = (int8_t)ok;
  if (ce) {
    ce->found = (uint8_t)ok;
    ce->used = 1;
  }
  return ok;
}

int mtai_spell_model_may(const struct mtai_spell_model *m,
                         struct mtai_spell_model_cache *cache, const char *w,
                         size_t n) {
  if (!m)
    return 1;
  char c[S_MAX + 1];
  size_t k = 0;
  int lower = 0;
  for (size_t i = 0; i < n;) {
    unsigned char b = (unsigned char)w[i];
    uint32_t cp;
    if (b < 0x80)
      cp = b, i++;
    else if ((b & 0xE0) == 0xC0 && i + 1 < n)
      cp = (uint32_t)(b & 0x1F) << 6 | ((unsigned char)w[i + 1] & 0x3F), i += 2;
    else
      return 1; /* beyond Latin-1 (or broken): not modelled */
    if (k >= S_MAX)
      return 1;
    int up =
        (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
    int low =
        (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
    /* A space inside is one more byte of a stem to Hunspell (its .dic has
     * "vernehmungshandbuch "); a leading or trailing one is not modelled. */
    int space = cp == ' ' && k && i < n;
    if (!up && !low && !space)
      return 1; /* digits, '-', '.', ...: BREAK, numbers, abbreviations */
    lower |= low;
    c[k++] = (char)S_lower((unsigned char)cp);
  }
  /* All capitals: CHECKSHARPS reads any "SS" as 'ß'; not modelled. */
  if (!k || !lower)
    return 1;
  c[k] = 0;
  struct S_word xw, *x = &xw;
  x->m = m;
  x->cache = cache;
  x->c = c;
  x->n = k;
  for (size_t i = 0; i <= k; i++) {
    x->lim[i] = -1;
    x->rest[i] = -1;
    memset(x->part[i], 0, k + 1);
  }
  return S_forms(x, 0, k).found || S_chain(x, 0, 1);
}
