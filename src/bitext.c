/*
 * Source-aware mode: reading the English source of a document and
 * aligning it with the German target (bitext.h).
 *
 * Alignment is Gale and Church's length-based dynamic programme (1993):
 * a bead of n target and m source units costs -log(prior(n:m)) minus the
 * log of the two-sided probability that the target's length is what the
 * source's length predicts (ratio 'c', variance 's2' per source
 * character). Beads 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2. Numbers anchor: a
 * bead whose two sides share a number costs less, one whose number is
 * missing on the other side more. The search runs in a band around the
 * diagonal, so memory and time grow with the longer side times the band,
 * not with the product of the sides.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bitext.h"
#include "hash.h"
#include "vec.h"
#include "i18n.h"

/* German text is longer than its English source: characters of target
 * per character of source (on MQM error-free segments: docs/EVAL.md),
 * and the variance of that ratio per source character. */
#define S_RATIO 1.15
#define S_VAR 6.8

#define S_MAX_NUMS 4
#define S_MAX_NAMES 8
#define S_MAX_CAPS 16

struct S_unit {
  double len;                /* characters */
  uint64_t nums[S_MAX_NUMS]; /* hashes of digit strings */
  unsigned nnum;
  /* Names: the first five bytes of capitalized words of four bytes or
   * more; of the source only those inside a sentence (an English
   * capital there is a name), of the target all (German nouns too), so
   * that "Putin's" meets "Putins". */
  uint64_t names[S_MAX_CAPS];
  unsigned nname;
  /* A target paragraph of site chrome or a repeat: it has no source as a
   * rule (a footer "Dieser Artikel erschien zuerst ..."), so standing
   * alone costs it nothing and a pair costs it S_CHROME_PAIR more; else
   * it pairs with the last source paragraph, and every paragraph after
   * an omission shifts by one. */
  int chrome;
};

#define S_CHROME_PAIR 4.0

enum { S_B11, S_B10, S_B01, S_B21, S_B12, S_B22, S_NBEAD };
static const int S_dt[S_NBEAD] = {1, 1, 0, 2, 1, 2};
static const int S_ds[S_NBEAD] = {1, 0, 1, 1, 2, 2};
/* -log of the priors of the bead kinds. Gale and Church measured .89,
 * .0099, .0099, .089/2, .089/2, .011 on human translation; machine
 * translation keeps the source's units one to one and merges them
 * rarely, so that a short unit left out is not taken for a merge:
 * .94, .01, .01, .015, .015, .005. */
static const double S_prior[S_NBEAD] = {0.061875, 4.605170, 4.605170,
                                        4.199705, 4.199705, 5.298317};

/* Cost per character of a unit left without counterpart: small, so that
 * a paragraph really left out is a 1-0 bead rather than merged into a
 * neighbour (Gale and Church's length cost of a deletion grows with the
 * square root of its length and made omissions invisible), yet enough
 * that a 1-1 bead of poor lengths does not split into 1-0 and 0-1. */
#define S_INDEL_PER_CHAR 0.01

/* The length cost of 'lt' target characters for 'ls' source ones. */
static double S_len_cost(double lt, double ls) {
  if (lt == 0 || ls == 0)
    return S_INDEL_PER_CHAR * (lt + ls);
  double mean = (ls + lt / S_RATIO) / 2;
  double z = (S_RATIO * ls - lt) / sqrt(S_VAR * (mean > 1 ? mean : 1));
  /* two-sided tail of the normal distribution */
  double pd = erfc(fabs(z) / sqrt(2.0));
  if (pd < 1e-12)
    pd = 1e-12;
  return -log(pd);
}

static int S_letter(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Reads the words of [start, end): capitalized ones into u->names ('src':
 * only inside a sentence, at most S_MAX_NAMES; else at most
 * S_MAX_CAPS). */
static void S_names_of(const char *text, size_t start, size_t end, int src,
                       struct S_unit *u) {
  int initial = 1;
  unsigned max = src ? S_MAX_NAMES : S_MAX_CAPS;
  for (size_t i = start; i < end && u->nname < max; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"')
      initial = 1;
    if (!S_letter(c))
      continue;
    size_t j = i;
    while (j < end && (S_letter((unsigned char)text[j]) || text[j] == '-'))
      j++;
    if (c >= 'A' && c <= 'Z' && j - i >= 4 && !(src && initial)) {
      uint64_t h = MTAI_FNV64_BASIS;
      for (size_t k = i; k < i + 5 && k < j; k++)
        h = mtai_fnv64_add(h, (unsigned char)text[k]);
      u->names[u->nname++] = h;
    }
    initial = 0;
    i = j - 1;
  }
}

static void S_unit_of(const char *text, size_t start, size_t end, int src,
                      struct S_unit *u) {
  u->len = 0;
  u->nnum = 0;
  u->nname = 0;
  S_names_of(text, start, end, src, u);
  for (size_t i = start; i < end; i++) {
    unsigned char c = (unsigned char)text[i];
    u->len += (c & 0xC0) == 0x80 ? 0 : 1;
    if (c >= '0' && c <= '9' &&
        (i == start || text[i - 1] < '0' || text[i - 1] > '9')) {
      /* A digit string, separators '.' and ',' skipped: "1,000" and
       * "1.000" hash alike, as do "4.5" and "4,5". */
      uint64_t h = MTAI_FNV64_BASIS;
      size_t j = i;
      while (j < end && ((text[j] >= '0' && text[j] <= '9') ||
                         ((text[j] == '.' || text[j] == ',') && j + 1 < end &&
                          text[j + 1] >= '0' && text[j + 1] <= '9'))) {
        if (text[j] >= '0')
          h = mtai_fnv64_add(h, (unsigned char)text[j]);
        j++;
      }
      if (u->nnum < S_MAX_NUMS)
        u->nums[u->nnum++] = h;
      i = j - 1;
    }
  }
}

/* 1 when hash 'h' is one of the 'n' at 'v'. */
static int S_has(const uint64_t *v, unsigned n, uint64_t h) {
  for (unsigned k = 0; k < n; k++)
    if (v[k] == h)
      return 1;
  return 0;
}

/* The anchor cost of a bead: shared numbers pull, unshared push; source
 * names found in the target pull, missing ones push a little (a name may
 * be translated: "Moscow", "Moskau"). */
static double S_anchor(const struct S_unit *t, int nt, const struct S_unit *s,
                       int ns) {
  unsigned shared = 0, total = 0, names = 0, nametotal = 0;
  for (int a = 0; a < ns; a++) {
    for (unsigned x = 0; x < s[a].nnum; x++) {
      int found = 0;
      for (int b = 0; b < nt && !found; b++)
        found = S_has(t[b].nums, t[b].nnum, s[a].nums[x]);
      shared += (unsigned)found;
      total++;
    }
    for (unsigned x = 0; x < s[a].nname; x++) {
      int found = 0;
      for (int b = 0; b < nt && !found; b++)
        found = S_has(t[b].names, t[b].nname, s[a].names[x]);
      names += (unsigned)found;
      nametotal++;
    }
  }
  return -1.5 * shared + 1.0 * (total - shared) - 0.75 * names +
         0.5 * (nametotal - names);
}

static double S_bead_cost(int k, const struct S_unit *t, const struct S_unit *s,
                          size_t i, size_t j) {
  int nt = S_dt[k], ns = S_ds[k];
  double lt = 0, ls = 0;
  for (int a = 0; a < nt; a++)
    lt += t[i - nt + a].len;
  for (int b = 0; b < ns; b++)
    ls += s[j - ns + b].len;
  int chrome = 0;
  for (int a = 0; a < nt; a++)
    chrome += t[i - nt + a].chrome;
  if (!ns && chrome == nt)
    return 0;
  double c = S_prior[k] + S_len_cost(lt, ls) + S_CHROME_PAIR * chrome;
  if (nt && ns)
    c += S_anchor(t + i - nt, nt, s + j - ns, ns);
  return c;
}

/* Cells of the search at most (9 bytes each): beyond, a side holds some
 * 50,000 units, which no article does. */
#define S_MAX_CELLS ((size_t)4 << 20)

/* Aligns target units t[0..n) with source units s[0..m) into beads
 * (appended to *beads, offsets 'toff'/'soff' added to the indices). */
static mta_status S_align(const struct S_unit *t, size_t n,
                          const struct S_unit *s, size_t m, uint32_t toff,
                          uint32_t soff, struct mtai_bead **beads, size_t *nb,
                          size_t *cap) {
  if (!n || !m) {
    for (size_t i = 0; i < n; i++) {
      if (mtai_vec_reserve(*beads, *cap, *nb + 1))
        return MTA_ERR_NOMEM;
      (*beads)[(*nb)++] = (struct mtai_bead){
          toff + (uint32_t)i, toff + (uint32_t)i + 1, soff, soff, 0};
    }
    for (size_t j = 0; j < m; j++) {
      if (mtai_vec_reserve(*beads, *cap, *nb + 1))
        return MTA_ERR_NOMEM;
      (*beads)[(*nb)++] = (struct mtai_bead){toff, toff, soff + (uint32_t)j,
                                             soff + (uint32_t)j + 1, 0};
    }
    return MTA_OK;
  }
  /* Band: cell (i, j) is searched when |j - i*m/n| <= w. */
  size_t w = 40 + (n > m ? n - m : m - n);
  size_t width = 2 * w + 1;
  if ((n + 1) > S_MAX_CELLS / width)
    return MTA_ERR_TOO_LARGE;
  double *cost = malloc((n + 1) * width * sizeof *cost);
  unsigned char *back = malloc((n + 1) * width);
  if (!cost || !back) {
    free(cost);
    free(back);
    return MTA_ERR_NOMEM;
  }
#define S_LO(i)                                                                \
  ((size_t)((double)(i) * (double)m / (double)n) > w                           \
       ? (size_t)((double)(i) * (double)m / (double)n) - w                     \
       : 0)
  for (size_t i = 0; i <= n; i++) {
    size_t lo = S_LO(i);
    for (size_t x = 0; x < width; x++) {
      size_t j = lo + x;
      double best = i == 0 && j == 0 ? 0 : HUGE_VAL;
      unsigned char arg = 0;
      for (int k = 0; j <= m && (i || j) && k < S_NBEAD; k++) {
        if ((size_t)S_dt[k] > i || (size_t)S_ds[k] > j)
          continue;
        size_t pi = i - S_dt[k], pj = j - S_ds[k];
        size_t plo = S_LO(pi);
        if (pj < plo || pj >= plo + width)
          continue;
        double prev = cost[pi * width + (pj - plo)];
        if (prev == HUGE_VAL)
          continue;
        double c = prev + S_bead_cost(k, t, s, i, j);
        if (c < best) {
          best = c;
          arg = (unsigned char)k;
        }
      }
      cost[i * width + x] = best;
      back[i * width + x] = arg;
    }
  }
  /* Trace back from (n, m); the band always holds it (w >= |n - m|). */
  size_t i = n, j = m, first = *nb;
  mta_status st = MTA_OK;
  while ((i || j) && !st) {
    size_t lo = S_LO(i);
    int k = back[i * width + (j - lo)];
    size_t pi = i - S_dt[k], pj = j - S_ds[k];
    if (mtai_vec_reserve(*beads, *cap, *nb + 1))
      st = MTA_ERR_NOMEM;
    else
      (*beads)[(*nb)++] =
          (struct mtai_bead){toff + (uint32_t)pi, toff + (uint32_t)i,
                             soff + (uint32_t)pj, soff + (uint32_t)j, 0};
    i = pi;
    j = pj;
  }
#undef S_LO
  free(cost);
  free(back);
  /* The trace runs backwards: reverse this alignment's beads. */
  for (size_t a = first, b = *nb ? *nb - 1 : 0; !st && a < b; a++, b--) {
    struct mtai_bead tmp = (*beads)[a];
    (*beads)[a] = (*beads)[b];
    (*beads)[b] = tmp;
  }
  return st;
}

int mtai_bead_src_span(const struct mtai_bitext *bi, const struct mtai_bead *b,
                       int paras, size_t *start, size_t *end) {
  return mtai_bead_tgt_span(&bi->src,
                            &(struct mtai_bead){b->s_first, b->s_end, 0, 0, 0},
                            paras, start, end);
}

int mtai_bead_tgt_span(const struct mtai_doc *d, const struct mtai_bead *b,
                       int paras, size_t *start, size_t *end) {
  if (b->t_first >= b->t_end)
    return 0;
  if (paras) {
    *start = d->paras[b->t_first].start;
    *end = d->paras[b->t_end - 1].end;
  } else {
    *start = d->sents[b->t_first].start;
    *end = d->sents[b->t_end - 1].end;
  }
  return 1;
}

void mtai_bitext_free(struct mtai_bitext *bi) {
  if (!bi)
    return;
  mtai_doc_clear(&bi->src);
  free(bi->pb);
  free(bi->sb);
  free(bi->t_pbead);
  free(bi->t_sbead);
  free(bi->s_pbead);
  free(bi->s_sbead);
  free(bi);
}

/* Units of paragraphs [first, end) or sentences of 'd' ('src': the
 * English side). */
static struct S_unit *S_units(const struct mtai_doc *d, int src, int paras,
                              size_t first, size_t end) {
  struct S_unit *u = malloc((end - first + 1) * sizeof *u);
  for (size_t k = first; u && k < end; k++) {
    if (paras)
      S_unit_of(d->text, d->paras[k].start, d->paras[k].end, src,
                &u[k - first]);
    else
      S_unit_of(d->text, d->sents[k].start, d->sents[k].end, src,
                &u[k - first]);
    u[k - first].chrome =
        !src && paras &&
        (d->paras[k].kind == MTAI_PARA_BOILERPLATE || d->paras[k].dup_of);
  }
  return u;
}

/* Sentence beads inside paragraph bead 'pb'. */
static mta_status S_align_sents(const struct mtai_doc *t,
                                const struct mtai_doc *s,
                                const struct mtai_bead *pb,
                                struct mtai_bitext *bi, size_t *cap) {
  size_t t0 = pb->t_first < pb->t_end ? t->paras[pb->t_first].sent_first : 0;
  size_t t1 = pb->t_first < pb->t_end ? t->paras[pb->t_end - 1].sent_end : 0;
  size_t s0 = pb->s_first < pb->s_end ? s->paras[pb->s_first].sent_first : 0;
  size_t s1 = pb->s_first < pb->s_end ? s->paras[pb->s_end - 1].sent_end : 0;
  struct S_unit *tu = S_units(t, 0, 0, t0, t1), *su = S_units(s, 1, 0, s0, s1);
  mta_status st = !tu || !su ? MTA_ERR_NOMEM : MTA_OK;
  size_t before = bi->nsb;
  if (!st)
    st = S_align(tu, t1 - t0, su, s1 - s0, (uint32_t)t0, (uint32_t)s0, &bi->sb,
                 &bi->nsb, cap);
  if (st == MTA_ERR_TOO_LARGE) { /* too many sentences: one bead of all */
    st = mtai_vec_reserve(bi->sb, *cap, bi->nsb + 1);
    if (!st)
      bi->sb[bi->nsb++] = (struct mtai_bead){(uint32_t)t0, (uint32_t)t1,
                                             (uint32_t)s0, (uint32_t)s1, 0};
  }
  for (size_t k = before; !st && k < bi->nsb; k++)
    bi->sb[k].skipped = pb->skipped;
  free(tu);
  free(su);
  return st;
}

/* Index maps: unit -> bead. */
static mta_status S_maps(struct mtai_bitext *bi, const struct mtai_doc *t) {
  const struct mtai_doc *s = &bi->src;
  bi->t_pbead = calloc(t->npara + 1, sizeof *bi->t_pbead);
  bi->s_pbead = calloc(s->npara + 1, sizeof *bi->s_pbead);
  bi->t_sbead = calloc(t->nsent + 1, sizeof *bi->t_sbead);
  bi->s_sbead = calloc(s->nsent + 1, sizeof *bi->s_sbead);
  if (!bi->t_pbead || !bi->s_pbead || !bi->t_sbead || !bi->s_sbead)
    return MTA_ERR_NOMEM;
  for (size_t b = 0; b < bi->npb; b++) {
    for (size_t k = bi->pb[b].t_first; k < bi->pb[b].t_end; k++)
      bi->t_pbead[k] = (uint32_t)b;
    for (size_t k = bi->pb[b].s_first; k < bi->pb[b].s_end; k++)
      bi->s_pbead[k] = (uint32_t)b;
  }
  for (size_t b = 0; b < bi->nsb; b++) {
    for (size_t k = bi->sb[b].t_first; k < bi->sb[b].t_end; k++)
      bi->t_sbead[k] = (uint32_t)b;
    for (size_t k = bi->sb[b].s_first; k < bi->sb[b].s_end; k++)
      bi->s_sbead[k] = (uint32_t)b;
  }
  return MTA_OK;
}

/* 1 when every target paragraph of bead 'b' is site chrome or a repeat
 * (headings and captions are translated too). */
static int S_skipped(const struct mtai_doc *t, const struct mtai_bead *b) {
  for (size_t k = b->t_first; k < b->t_end; k++)
    if (t->paras[k].kind != MTAI_PARA_BOILERPLATE && !t->paras[k].dup_of)
      return 0;
  return b->t_first < b->t_end;
}

mta_status mtai_bitext_align(struct mtai_bitext *bi, const struct mtai_doc *t) {
  /* A failed alignment leaves no beads behind. */
  const struct mtai_doc *s = &bi->src;
  size_t pcap = 0, scap = 0;
  mta_status st = MTA_OK;
  if (bi->parallel && t->npara == s->npara) {
    for (size_t k = 0; !st && k < t->npara; k++) {
      if (mtai_vec_reserve(bi->pb, pcap, bi->npb + 1))
        st = MTA_ERR_NOMEM;
      else
        bi->pb[bi->npb++] = (struct mtai_bead){(uint32_t)k, (uint32_t)k + 1,
                                               (uint32_t)k, (uint32_t)k + 1, 0};
    }
  } else {
    struct S_unit *tu = S_units(t, 0, 1, 0, t->npara);
    struct S_unit *su = S_units(s, 1, 1, 0, s->npara);
    st = !tu || !su ? MTA_ERR_NOMEM
                    : S_align(tu, t->npara, su, s->npara, 0, 0, &bi->pb,
                              &bi->npb, &pcap);
    free(tu);
    free(su);
  }
  for (size_t b = 0; !st && b < bi->npb; b++) {
    bi->pb[b].skipped = (uint32_t)S_skipped(t, &bi->pb[b]);
    st = S_align_sents(t, s, &bi->pb[b], bi, &scap);
  }
  if (!st)
    st = S_maps(bi, t);
  return st;
}

/* Words frequent in one language and absent from the other: enough of
 * them decide what language a text is in. */
static const char *const S_en_words[] = {
    "the",   "of",    "and",  "to",   "is",   "that", "was", "with", "for",
    "this",  "are",   "have", "it",   "from", "by",   "but", "not",  "they",
    "which", "would", "has",  "be",   "on",   "at",   "you", "we",   "what",
    "there", "their", "been", "were", "he",   "she",  "his", "her",  "said",
    "will",  "can",   "or",   "more", NULL};
static const char *const S_de_words[] = {
    "der",   "und",   "ist",   "nicht", "ein",    "eine", "zu",   "den",  "dem",
    "mit",   "sich",  "des",   "auf",   "für",    "von",  "im",   "auch", "es",
    "wird",  "wurde", "sind",  "dass",  "werden", "hat",  "nach", "bei",  "aus",
    "einer", "einem", "sagte", "oder",  "wie",    "aber", "noch", "nur",  "sie",
    "ich",   "wir",   "über",  "vor",   NULL};

static int S_in(const char *const *list, const char *w, size_t n) {
  for (size_t k = 0; list[k]; k++)
    if (strlen(list[k]) == n && !memcmp(list[k], w, n))
      return 1;
  return 0;
}

/* Counts the English and German marker words of 'd' (lower-case tokens as
 * written, and a capital letter lowered at a sentence start). */
static void S_language(const struct mtai_doc *d, size_t *en, size_t *de,
                       size_t *words) {
  *en = *de = *words = 0;
  for (size_t i = 0; i < d->ntok; i++) {
    const struct mtai_token *t = &d->toks[i];
    if (t->kind != MTAI_TOK_WORD)
      continue;
    (*words)++;
    size_t n = t->end - t->start;
    char w[8];
    if (n >= sizeof w)
      continue;
    memcpy(w, d->text + t->start, n);
    if (w[0] >= 'A' && w[0] <= 'Z')
      w[0] = (char)(w[0] - 'A' + 'a');
    *en += (size_t)S_in(S_en_words, w, n);
    *de += (size_t)S_in(S_de_words, w, n);
  }
}

mta_status mtai_bitext_read(struct mtai_segmenter *seg, const char *name,
                            const void *data, size_t len, int parallel,
                            struct mtai_bitext **out, char *why,
                            size_t whylen) {
  *out = NULL;
  why[0] = '\0';
  struct mtai_bitext *bi = calloc(1, sizeof *bi);
  if (!bi || !(bi->src.name = strdup(name))) {
    free(bi);
    return MTA_ERR_NOMEM;
  }
  bi->parallel = parallel;
  char dwhy[256];
  mta_status st = mtai_decode(data ? data : (const void *)"", len, NULL,
                              &bi->src.text, &bi->src.len, bi->src.encoding,
                              sizeof bi->src.encoding, dwhy, sizeof dwhy);
  if (st) {
    snprintf(why, whylen, "%s", dwhy);
    mtai_bitext_free(bi);
    return st;
  }
  const char *markup = mtai_markup_kind(bi->src.text, bi->src.len);
  if (markup) {
    snprintf(why, whylen, _("is %s, not plain text"), markup);
    mtai_bitext_free(bi);
    return MTA_ERR_MARKUP;
  }
  st = mtai_segment(seg, &bi->src);
  if (st) {
    snprintf(why, whylen, "%s", mta_strerror(st));
    mtai_bitext_free(bi);
    return st;
  }
  size_t en, de, words;
  S_language(&bi->src, &en, &de, &words);
  if (de >= 2 && de > 2 * en) {
    snprintf(why, whylen,
             _("looks German, not English (%zu German and %zu English "
               "function words)"),
             de, en);
    mtai_bitext_free(bi);
    return MTA_ERR_PARSE;
  }
  if (words >= 20 && en == 0) {
    snprintf(why, whylen,
             _("does not look English (no common English word in %zu words)"),
             words);
    mtai_bitext_free(bi);
    return MTA_ERR_PARSE;
  }
  *out = bi;
  return MTA_OK;
}

int mtai_bitext_proportion(const struct mtai_bitext *bi,
                           const struct mtai_doc *t, char *why, size_t whylen) {
  size_t n = 0, m = bi->src.npara;
  for (size_t k = 0; k < t->npara; k++)
    n += t->paras[k].kind != MTAI_PARA_BOILERPLATE;
  if (bi->parallel || n == 0 || m == 0)
    return 1;
  size_t lo = n < m ? n : m, hi = n < m ? m : n;
  if (hi > 2 * lo + 2) {
    snprintf(why, whylen,
             _("has %zu paragraphs for the %zu of article text of the "
               "translation: not its original, or a part of it"),
             m, n);
    return 0;
  }
  return 1;
}
