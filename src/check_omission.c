/*
 * Source-aware mode (issue 16): what the translation left out or added,
 * read from the alignment of source and target (bitext.h).
 *
 *   accuracy/omission  major: a source paragraph or sentence with no
 *                      counterpart, or a pair whose target is far shorter
 *                      than English->German translations are
 *   accuracy/addition  minor (major for a whole paragraph): a target
 *                      paragraph or sentence of article text with no
 *                      source, or a pair whose target is far longer
 *
 * The length model (docs/DESIGN.md, "Omissions, additions and the length
 * ratio"): length is the letters and digits of a unit's word and number
 * tokens, URLs left out; log(target / source) of the segments every rater
 * of the MQM TED data (talks 1 and 3) found error-free, with at least 8
 * source words, has mean S_LOG_MEAN and standard deviation S_LOG_SD.
 *
 * The beads are the aligner's, read in three ways (S_build(), then
 * S_orphans(), S_para_splits() and S_ratios()):
 *   - source units the aligner gave a bead left out of the alignment
 *     (site chrome at the end of an article) are an orphan of their own,
 *     next to the aligned text before the chrome (S_normalize());
 *   - orphans of both sides next to each other in one block (at most one
 *     pair between them) are one pair: the aligner leaves a pair whose
 *     lengths disagree as a 1-0 and a 0-1 bead, or pairs two units of
 *     similar length across a loss;
 *   - an orphan left is reported unless short (S_MIN_ORPHAN_WORDS,
 *     S_MIN_ORPHAN_PWORDS) or a neighbour of its block holds it (joined,
 *     the neighbour is nearer normal and within S_Z_ABSORB: three English
 *     sentences in one German sentence leave one as a 1-0 bead), nor when
 *     a neighbouring target paragraph left out of the alignment
 *     (boilerplate) could be its translation;
 *   - a 2-1 or 1-2 bead out of proportion of which one unit alone fits
 *     the other side names the other unit as lost or added (S_split());
 *   - any pair far outside the model (z beyond S_Z_FAR, with
 *     S_MIN_SRC_WORDS source words and S_MIN_GAP words missing or added)
 *     is reported with its word counts and the usual range, unless a
 *     neighbour is itself out of proportion (the aligner cut there).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "accuracy/omission",
     .category = MTAI_CAT_ACCURACY,
     .severity = MTA_SEV_MAJOR,
     .summary =
         N_("source paragraph or sentence left out of the translation, or "
            "a translation far shorter than its source"),
     .explanation = N_(
         "Source-aware mode: a paragraph or sentence of the English source "
         "that has no counterpart in the German target (reported as an empty "
         "span where it would stand, with the source span), or an aligned "
         "sentence whose German is far shorter than English->German "
         "translations are (measured on professionally rated translations; "
         "the message gives the word counts and the usual range). Machine "
         "translation drops clauses and whole sentences, most often in long "
         "sentences. Not reported: short units (sentences under 6 words, "
         "paragraphs under 8), a sentence the neighbouring translation "
         "could hold (three English sentences in one German one), pairs of "
         "under 10 source words, or where the alignment is in doubt (a "
         "neighbouring pair itself out of proportion). Translate the "
         "missing part."),
     .wrong = "The minister resigned on Tuesday after weeks of pressure from "
              "her own party, which had accused her of misleading "
              "parliament about the cost of the new airport. ||| Die "
              "Ministerin trat am Dienstag zurück.",
     .right = "The minister resigned on Tuesday after weeks of pressure from "
              "her own party, which had accused her of misleading "
              "parliament about the cost of the new airport. ||| Die "
              "Ministerin trat am Dienstag nach wochenlangem Druck aus der "
              "eigenen Partei zurück, die ihr vorgeworfen hatte, das "
              "Parlament über die Kosten des neuen Flughafens getäuscht zu "
              "haben."},
    {.id = "accuracy/addition",
     .category = MTAI_CAT_ACCURACY,
     .severity = MTA_SEV_MINOR,
     .summary = N_("target text with no source, or a translation far longer "
                   "than its source"),
     .explanation =
         N_("Source-aware mode: a paragraph (major) or sentence (minor) of "
            "German article text with no counterpart in the English source, or "
            "an aligned sentence whose German is far longer than "
            "English->German translations are (the message gives the word "
            "counts and the usual range). Machine translation adds text when "
            "it hallucinates or repeats itself. Not reported: boilerplate the "
            "target has and the source lacks (bylines, notes on the "
            "translation), headings, short units (under 6 words), a sentence "
            "the neighbouring translation could hold (one English sentence in "
            "three German ones), or pairs of under 8 source words. Delete what "
            "the source does not say."),
     .wrong = "The minister resigned on Tuesday after weeks of pressure. ||| "
              "Die Ministerin trat am Dienstag nach wochenlangem Druck "
              "zurück, was viele Beobachter in der Hauptstadt seit Langem "
              "erwartet hatten, weil ihre Partei in allen Umfragen der "
              "letzten Monate deutlich an Zustimmung verloren hatte.",
     .right = "The minister resigned on Tuesday after weeks of pressure. ||| "
              "Die Ministerin trat am Dienstag nach wochenlangem Druck "
              "zurück."},
};

#define S_OMISSION (&S_rules[0])
#define S_ADDITION (&S_rules[1])

/* The length model: log(target letters / source letters) of error-free
 * English->German segments (see the top of the file). */
#define S_LOG_MEAN 0.177
#define S_LOG_SD 0.127
/* Word ratio target/source of the same segments: median, 5th and 95th
 * percentile (the "usual range" of the messages). */
#define S_WORDS_MED 1.00
#define S_WORDS_LO 0.76
#define S_WORDS_HI 1.25
/* How far outside a pair is reported, and how close an orphan's
 * neighbour must stay with the orphan joined to it. */
#define S_Z_FAR 4.0
#define S_Z_ABSORB 2.5
#define S_MIN_SRC_WORDS 10    /* omission by ratio */
#define S_MIN_SRC_WORDS_ADD 8 /* addition by ratio */
#define S_MIN_GAP 5           /* words missing or added */
#define S_MIN_ORPHAN_WORDS 6  /* a 1-0 or 0-1 sentence */
#define S_MIN_ORPHAN_PWORDS 8 /* a 1-0 or 0-1 paragraph */
/* A 2-1 or 1-2 bead: how far out of proportion, and the least words of
 * its one unit. */
#define S_Z_SPLIT 3.0
#define S_Z_SPLIT_FIT 3.0
#define S_Z_PSPLIT 1.5
#define S_Z_PSPLIT_FIT 2.0
#define S_MIN_SPLIT_WORDS 4
/* The most beads of the aligner one bead of this check joins. */
#define S_MAX_RUN 6

/* Letters and words of a side of a bead. */
struct S_len {
  size_t letters, words;
};

/* The lengths of every sentence and paragraph of a document, measured
 * once per run (S_measure()). */
struct S_sizes {
  struct S_len *sent, *para;
};

static void S_sizes_free(struct S_sizes *z) {
  free(z->sent);
  free(z->para);
}

static int S_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Letters (code points of word and number tokens) and words of every
 * sentence and paragraph of 'd'; not those of URLs and e-mail addresses
 * (a whitespace-delimited chunk with "://", "www." or "@"), which are
 * accuracy/url's and would count as many words. One pass over the text
 * and one over the tokens. */
static mta_status S_measure(const struct mtai_doc *d, struct S_sizes *z) {
  z->sent = calloc(d->nsent ? d->nsent : 1, sizeof *z->sent);
  z->para = calloc(d->npara ? d->npara : 1, sizeof *z->para);
  unsigned char *url = calloc(d->ntok ? d->ntok : 1, 1);
  if (!z->sent || !z->para || !url) {
    free(url);
    return MTA_ERR_NOMEM;
  }
  size_t k = 0;
  for (size_t a = 0; a < d->len && k < d->ntok;) {
    while (a < d->len && S_space(d->text[a]))
      a++;
    size_t b = a;
    int is_url = 0;
    while (b < d->len && !S_space(d->text[b])) {
      is_url |= d->text[b] == '@' ||
                (b + 3 <= d->len && !memcmp(d->text + b, "://", 3)) ||
                (b + 4 <= d->len && !memcmp(d->text + b, "www.", 4));
      b++;
    }
    while (k < d->ntok && d->toks[k].start < b) {
      url[k] = (unsigned char)(is_url && d->toks[k].start >= a);
      k++;
    }
    a = b;
  }
  for (int lvl = 0; lvl < 2; lvl++) {
    size_t n = lvl ? d->npara : d->nsent;
    for (size_t u = 0; u < n; u++) {
      size_t first = lvl ? d->paras[u].tok_first : d->sents[u].tok_first;
      size_t end = lvl ? d->paras[u].tok_end : d->sents[u].tok_end;
      struct S_len *l = lvl ? &z->para[u] : &z->sent[u];
      for (size_t t = first; t < end; t++) {
        if (d->toks[t].kind == MTAI_TOK_PUNCT || url[t])
          continue;
        l->letters +=
            mtai_utf8_count(d->text + d->toks[t].start, mtai_tok_len(d, t));
        l->words++;
      }
    }
  }
  free(url);
  return MTA_OK;
}

/* Lengths of units [first, end): paragraphs or sentences. */
static struct S_len S_units(const struct S_sizes *z, int paras, size_t first,
                            size_t end) {
  struct S_len l = {0, 0};
  for (size_t u = first; u < end; u++) {
    const struct S_len *x = paras ? &z->para[u] : &z->sent[u];
    l.letters += x->letters;
    l.words += x->words;
  }
  return l;
}

/* z of the ratio t/s against the model (0 when a side is empty). */
static double S_z(size_t t, size_t s) {
  if (!t || !s)
    return 0;
  return (log((double)t / (double)s) - S_LOG_MEAN) / S_LOG_SD;
}

/* The beads of one level as this check reads them: the aligner's, with
 * every run of orphans of both sides in one block joined into one bead
 * (S_build()). The aligner gives a pair whose lengths disagree too much
 * as a 1-0 and a 0-1 bead; read as one pair, its length is evidence of
 * what was left out or added. */
struct S_level {
  const struct mtai_doc *t, *s;
  const struct S_sizes *tz, *sz; /* their lengths */
  struct mtai_bead *b;           /* owned */
  size_t n;
  int paras;
  /* Sentences: the paragraph bead (of 'up') each bead lies in. */
  uint32_t *map;
  /* Paragraphs: the bead of each target and each source paragraph. */
  uint32_t *tmap, *smap;
  const struct S_level *up;
};

/* 1 when bead 'b' has units on one side only (and is aligned). */
static int S_orphan(const struct mtai_bead *b) {
  return !b->skipped && (b->t_first == b->t_end) != (b->s_first == b->s_end);
}

/* The block (paragraph bead of 'up') of sentence bead 'b'. */
static uint32_t S_block_of(const struct S_level *lv,
                           const struct mtai_bead *b) {
  return b->s_first < b->s_end ? lv->up->smap[lv->s->sents[b->s_first].para]
                               : lv->up->tmap[lv->t->sents[b->t_first].para];
}

/* 1 when bead 'b' lies in block 'blk' (always for paragraphs). */
static int S_in_block(const struct S_level *lv, const struct mtai_bead *b,
                      uint32_t blk) {
  return lv->paras || S_block_of(lv, b) == blk;
}

/* The aligner's beads 'in[0..n)' into '*out' (caller frees): the source
 * units of a bead left out of the alignment (its target is site chrome or
 * a repeat, but the aligner gave it source units, as it does with chrome
 * at the end of an article) become an orphan bead of their own, before
 * the run of such beads, next to the aligned text they may belong to. */
static mta_status S_normalize(const struct mtai_bead *in, size_t n,
                              struct mtai_bead **out, size_t *nout) {
  struct mtai_bead *o = malloc((2 * n + 1) * sizeof *o);
  if (!o)
    return MTA_ERR_NOMEM;
  size_t m = 0;
  for (size_t i = 0; i < n;) {
    if (!in[i].skipped) {
      o[m++] = in[i++];
      continue;
    }
    /* A run of skipped beads: their source units (consecutive) are one
     * orphan before the run. One pass: linear in the beads. */
    size_t j = i;
    uint32_t sf = 0, se = 0;
    int has = 0;
    for (; j < n && in[j].skipped; j++)
      if (in[j].s_first < in[j].s_end) {
        if (!has)
          sf = in[j].s_first;
        se = in[j].s_end;
        has = 1;
      }
    if (has)
      o[m++] = (struct mtai_bead){in[i].t_first, in[i].t_first, sf, se, 0};
    for (; i < j; i++) {
      o[m] = in[i];
      o[m].s_first = o[m].s_end;
      m++;
    }
  }
  *out = o;
  *nout = m;
  return MTA_OK;
}

/* Builds the beads of 'lv' from the aligner's 'in[0..n)' (paragraph
 * beads when lv->paras, else sentence beads, whose blocks 'lv->up'
 * gives): a run of orphan beads of one block with units of both sides
 * becomes one bead. MTA_ERR_NOMEM on failure (lv->b and lv->map are
 * then for S_level_free()). */
static mta_status S_build(struct S_level *lv, const struct mtai_bead *raw,
                          size_t nraw) {
  struct mtai_bead *in = NULL;
  size_t n = 0;
  if (S_normalize(raw, nraw, &in, &n))
    return MTA_ERR_NOMEM;
  lv->b = malloc((n ? n : 1) * sizeof *lv->b);
  lv->map = malloc((n ? n : 1) * sizeof *lv->map);
  if (lv->paras) {
    lv->tmap = calloc(lv->t->npara ? lv->t->npara : 1, sizeof *lv->tmap);
    lv->smap = calloc(lv->s->npara ? lv->s->npara : 1, sizeof *lv->smap);
  }
  if (!lv->b || !lv->map || (lv->paras && (!lv->tmap || !lv->smap))) {
    free(in);
    return MTA_ERR_NOMEM;
  }
  lv->n = 0;
  for (size_t i = 0; i < n;) {
    uint32_t blk = lv->paras ? 0 : S_block_of(lv, &in[i]);
    size_t j = i + 1;
    int lost = 0, added = 0;
    if (S_orphan(&in[i])) {
      /* The run: orphans of the block, and a pair between an orphan and
       * one of the other side ("lost A, X for B, added Y": the aligner
       * paired the two by length alone). */
      int first_lost = in[i].t_first == in[i].t_end;
      while (j < n && j - i < S_MAX_RUN) {
        if (S_orphan(&in[j]) && S_in_block(lv, &in[j], blk)) {
          j++;
        } else if (!in[j].skipped && j + 1 < n && S_orphan(&in[j + 1]) &&
                   S_in_block(lv, &in[j], blk) &&
                   S_in_block(lv, &in[j + 1], blk) &&
                   (in[j + 1].t_first == in[j + 1].t_end) != first_lost) {
          j += 2;
        } else {
          break;
        }
      }
      for (size_t k = i; k < j; k++) {
        lost |= in[k].t_first == in[k].t_end;
        added |= in[k].s_first == in[k].s_end;
      }
    }
    if (!(lost && added))
      j = i + 1;
    struct mtai_bead m = in[i];
    for (size_t k = i + 1; k < j; k++) {
      if (in[k].t_first < in[k].t_end) {
        if (m.t_first == m.t_end)
          m.t_first = in[k].t_first;
        m.t_end = in[k].t_end;
      }
      if (in[k].s_first < in[k].s_end) {
        if (m.s_first == m.s_end)
          m.s_first = in[k].s_first;
        m.s_end = in[k].s_end;
      }
    }
    if (lv->paras) {
      for (size_t u = m.t_first; u < m.t_end; u++)
        lv->tmap[u] = (uint32_t)lv->n;
      for (size_t u = m.s_first; u < m.s_end; u++)
        lv->smap[u] = (uint32_t)lv->n;
    }
    lv->map[lv->n] = blk;
    lv->b[lv->n++] = m;
    i = j;
  }
  free(in);
  return MTA_OK;
}

static void S_level_free(struct S_level *lv) {
  free(lv->b);
  free(lv->map);
  free(lv->tmap);
  free(lv->smap);
}

static struct S_len S_tlen(const struct S_level *lv, size_t i) {
  return S_units(lv->tz, lv->paras, lv->b[i].t_first, lv->b[i].t_end);
}

static struct S_len S_slen(const struct S_level *lv, size_t i) {
  return S_units(lv->sz, lv->paras, lv->b[i].s_first, lv->b[i].s_end);
}

/* 1 when beads 'i' and 'j' are in one block: always for paragraphs, in
 * one paragraph bead for sentences. */
static int S_same_block(const struct S_level *lv, size_t i, size_t j) {
  return lv->paras || lv->map[i] == lv->map[j];
}

/* 1 when orphan bead 'i' (one side empty) is better left alone: a
 * neighbour of the same block could hold it (its ratio with the orphan joined
 * stays within S_Z_ABSORB), or, for a source paragraph, a neighbouring target
 * paragraph left out of the alignment could be its translation. */
static int S_absorbed(const struct S_level *lv, size_t i) {
  const struct mtai_bead *o = &lv->b[i];
  int lost = o->t_first == o->t_end; /* a source unit with no target */
  struct S_len ol = lost ? S_slen(lv, i) : S_tlen(lv, i);
  for (int side = -1; side <= 1; side += 2) {
    if ((side < 0 && i == 0) || (side > 0 && i + 1 >= lv->n))
      continue;
    size_t j = side < 0 ? i - 1 : i + 1;
    if (!S_same_block(lv, i, j))
      continue;
    const struct mtai_bead *nb = &lv->b[j];
    int nt = nb->t_first < nb->t_end, ns = nb->s_first < nb->s_end;
    struct S_len tl = S_tlen(lv, j), sl = S_slen(lv, j);
    if (nb->skipped) {
      /* Boilerplate of the target: a lost source paragraph may be it. */
      if (lost && nt && fabs(S_z(tl.letters, ol.letters)) <= S_Z_FAR)
        return 1;
      continue;
    }
    if (!nt || !ns)
      continue; /* an orphan of the same side (or an empty bead) */
    double z = lost ? S_z(tl.letters, sl.letters + ol.letters)
                    : S_z(tl.letters + ol.letters, sl.letters);
    if (fabs(z) <= S_Z_ABSORB && fabs(z) < fabs(S_z(tl.letters, sl.letters)))
      return 1;
  }
  return 0;
}

/* Where a lost unit of bead 'i' would stand in the target: the start of
 * the next target unit of its block, else the end of the previous one. */
static size_t S_where(const struct S_level *lv, size_t i) {
  const struct mtai_doc *t = lv->t;
  size_t u = lv->b[i].t_first;
  if (lv->paras) {
    if (u < t->npara)
      return t->paras[u].start;
    return t->npara ? t->paras[t->npara - 1].end : 0;
  }
  /* Sentences: stay inside the target paragraphs of the paragraph bead. */
  const struct mtai_bead *pb = &lv->up->b[lv->map[i]];
  if (u < t->nsent && t->sents[u].para >= pb->t_first &&
      t->sents[u].para < pb->t_end)
    return t->sents[u].start;
  if (u > 0 && u - 1 < t->nsent && t->sents[u - 1].para >= pb->t_first &&
      t->sents[u - 1].para < pb->t_end)
    return t->sents[u - 1].end;
  if (pb->t_first < t->npara)
    return t->paras[pb->t_first].start;
  return u < t->nsent ? t->sents[u].start : t->len;
}

/* 1 when the target units of bead 'b' are article text. */
static int S_prose(const struct mtai_doc *t, const struct mtai_bead *b,
                   int paras) {
  for (size_t u = b->t_first; u < b->t_end; u++) {
    size_t p = paras ? u : t->sents[u].para;
    if (!mtai_para_is_prose((enum mtai_para_kind)t->paras[p].kind) ||
        t->paras[p].bp)
      return 0;
  }
  return 1;
}

/* The first words of tokens [a, b) of 'd' into 'buf' (whitespace runs as
 * one space; "..." when cut): the message names what is lost. */
static void S_quote(const struct mtai_doc *d, size_t a, size_t b, char *buf,
                    size_t size) {
  size_t n = 0, words = 0, k = a;
  buf[0] = '\0';
  for (; k < b; k++) {
    if (d->toks[k].kind != MTAI_TOK_PUNCT && ++words > 10)
      break;
    size_t tl = mtai_tok_len(d, k);
    int sp = k > a && (d->toks[k].flags & MTAI_TF_SPACE_BEFORE);
    if (n + (size_t)sp + tl + 4 >= size)
      break;
    if (sp)
      buf[n++] = ' ';
    memcpy(buf + n, d->text + d->toks[k].start, tl);
    n += tl;
  }
  if (k < b) {
    memcpy(buf + n, " ...", 4);
    n += 4;
  }
  buf[n] = '\0';
}

/* Reports the orphans of one level. At the sentence level, a sentence of
 * a paragraph bead that is an orphan itself was reported with it. */
static mta_status S_orphans(const struct mtai_bitext *bi,
                            const struct S_level *lv,
                            struct mtai_findings *out) {
  mta_status st = MTA_OK;
  for (size_t i = 0; !st && i < lv->n; i++) {
    const struct mtai_bead *b = &lv->b[i];
    int nt = b->t_first < b->t_end, ns = b->s_first < b->s_end;
    if (b->skipped || nt == ns)
      continue;
    if (!lv->paras) {
      const struct mtai_bead *pb = &lv->up->b[lv->map[i]];
      if (pb->skipped || pb->t_first == pb->t_end || pb->s_first == pb->s_end)
        continue;
    }
    struct S_len l = ns ? S_slen(lv, i) : S_tlen(lv, i);
    size_t min = lv->paras ? S_MIN_ORPHAN_PWORDS : S_MIN_ORPHAN_WORDS;
    if (l.words < min || (nt && !S_prose(lv->t, b, lv->paras)) ||
        S_absorbed(lv, i))
      continue;
    if (ns) {
      size_t ss = 0, se = 0;
      mtai_bead_src_span(bi, b, lv->paras, &ss, &se);
      size_t at = S_where(lv, i);
      const struct mtai_doc *s = lv->s;
      char q[160];
      S_quote(s,
              lv->paras ? s->paras[b->s_first].tok_first
                        : s->sents[b->s_first].tok_first,
              lv->paras ? s->paras[b->s_end - 1].tok_end
                        : s->sents[b->s_end - 1].tok_end,
              q, sizeof q);
      st = mtai_finding_add_src(
          out, S_OMISSION, S_OMISSION->severity, at, at, ss, se, NULL,
          lv->paras ? N_("the source paragraph of %zu words \"%s\" has no "
                         "translation here")
                    : N_("the source sentence of %zu words \"%s\" has no "
                         "translation here"),
          l.words, q);
    } else {
      size_t ts = 0, te = 0;
      mtai_bead_tgt_span(lv->t, b, lv->paras, &ts, &te);
      st = mtai_finding_add(
          out, S_ADDITION, lv->paras ? MTA_SEV_MAJOR : S_ADDITION->severity, ts,
          te, NULL,
          lv->paras
              ? N_("this paragraph of %zu words has no counterpart in the "
                   "source")
              : N_("this sentence of %zu words has no counterpart in the "
                   "source"),
          l.words);
    }
  }
  return st;
}

/* Rounds x to the nearest whole number (for the messages). */
static size_t S_round(double x) { return (size_t)(x + 0.5); }

/* z of neighbour bead 'j' of bead 'i' (same block, both sides
 * non-empty, not skipped) with 'tplus' target and 'splus' source letters
 * joined to it; 0 and '*ok' 0 when there is no such neighbour. */
static double S_nb_z(const struct S_level *lv, size_t i, size_t j, size_t tplus,
                     size_t splus, int *ok) {
  *ok = 0;
  if (j >= lv->n || !S_same_block(lv, i, j))
    return 0;
  const struct mtai_bead *nb = &lv->b[j];
  if (nb->skipped || nb->t_first == nb->t_end || nb->s_first == nb->s_end)
    return 0;
  *ok = 1;
  return S_z(S_tlen(lv, j).letters + tplus, S_slen(lv, j).letters + splus);
}

/* 1 when a neighbour of bead 'i' is itself out of proportion (beyond
 * S_Z_ABSORB either way): the aligner may have cut the pairs in the wrong
 * place (a sequence of beads shifted by a sentence), and a length found
 * there is no evidence of a loss or an addition. */
static int S_doubtful(const struct S_level *lv, size_t i) {
  for (int side = -1; side <= 1; side += 2) {
    int ok;
    double z = S_nb_z(lv, i, side < 0 ? i - 1 : i + 1, 0, 0, &ok);
    if (ok && fabs(z) > S_Z_ABSORB)
      return 1;
  }
  return 0;
}

/* A bead of one unit on one side and two on the other whose lengths are
 * out of proportion while one of the two alone fits the one: the other
 * of the two is the one left out (two source units) or added (two target
 * units). Out of proportion is z beyond S_Z_SPLIT for sentences (German
 * often joins two English sentences) and S_Z_PSPLIT for paragraphs
 * (machine translation keeps the paragraphs of its source, so a target
 * paragraph that spans a paragraph break of the source is itself
 * evidence); fits is z within S_Z_SPLIT_FIT (short sentences vary more
 * than the model's segments) or S_Z_PSPLIT_FIT, and nearer normal than
 * the pair. Reports it and returns 1; 0 when the bead is not such a
 * case. */
static int S_split(const struct mtai_bitext *bi, const struct S_level *lv,
                   size_t i, struct mtai_findings *out, mta_status *st) {
  const struct mtai_bead *b = &lv->b[i];
  size_t nt = b->t_end - b->t_first, ns = b->s_end - b->s_first;
  if (!((nt == 1 && ns == 2) || (nt == 2 && ns == 1)) || S_doubtful(lv, i))
    return 0;
  int lost = ns == 2;
  struct S_len tl = S_tlen(lv, i), sl = S_slen(lv, i);
  double z = S_z(tl.letters, sl.letters);
  double far = lv->paras ? S_Z_PSPLIT : S_Z_SPLIT;
  double fit = lv->paras ? S_Z_PSPLIT_FIT : S_Z_SPLIT_FIT;
  if (lost ? z >= -far : z <= far)
    return 0;
  if ((lost ? tl.words : sl.words) < S_MIN_SPLIT_WORDS)
    return 0;
  const struct mtai_doc *two = lost ? lv->s : lv->t;
  size_t first = lost ? b->s_first : b->t_first;
  struct S_len one = lost ? tl : sl, part[2];
  double best = 1e9;
  size_t keep = 0;
  for (size_t k = 0; k < 2; k++) {
    part[k] =
        S_units(lost ? lv->sz : lv->tz, lv->paras, first + k, first + k + 1);
    double zk = lost ? S_z(one.letters, part[k].letters)
                     : S_z(part[k].letters, one.letters);
    if (fabs(zk) < best) {
      best = fabs(zk);
      keep = k;
    }
  }
  size_t min = lv->paras ? S_MIN_ORPHAN_PWORDS : S_MIN_ORPHAN_WORDS;
  if (best > fit || best >= fabs(z) || part[1 - keep].words < min)
    return 0;
  /* The other unit may belong to the neighbour on its side: the aligner
   * cut in the wrong place when joining it there brings the neighbour
   * closer to normal. */
  int ok;
  size_t j = keep ? i - 1 : i + 1;
  if (keep && i == 0)
    j = lv->n;
  double zn = S_nb_z(lv, i, j, 0, 0, &ok);
  if (ok) {
    size_t xl = part[1 - keep].letters;
    double zj = S_nb_z(lv, i, j, lost ? 0 : xl, lost ? xl : 0, &ok);
    if (fabs(zj) < fabs(zn))
      return 1; /* handled: nothing to report */
  }
  size_t xu = first + 1 - keep, xs, xe, xa, xb;
  if (lv->paras) {
    xs = two->paras[xu].start;
    xe = two->paras[xu].end;
    xa = two->paras[xu].tok_first;
    xb = two->paras[xu].tok_end;
  } else {
    xs = two->sents[xu].start;
    xe = two->sents[xu].end;
    xa = two->sents[xu].tok_first;
    xb = two->sents[xu].tok_end;
  }
  size_t ts = 0, te = 0;
  mtai_bead_tgt_span(lv->t, b, lv->paras, &ts, &te);
  if (lost) {
    char q[160];
    S_quote(two, xa, xb, q, sizeof q);
    /* A lost paragraph stands before or after the target paragraph. */
    if (lv->paras)
      ts = te = keep ? ts : te;
    *st = mtai_finding_add_src(
        out, S_OMISSION, S_OMISSION->severity, ts, te, xs, xe, NULL,
        lv->paras ? N_("the source paragraph of %zu words \"%s\" has no "
                       "translation here (the target translates only the "
                       "paragraph next to it)")
                  : N_("the source sentence of %zu words \"%s\" has no "
                       "translation here (the target translates only the "
                       "sentence next to it)"),
        part[1 - keep].words, q);
  } else {
    size_t ss = 0, se = 0;
    mtai_bead_src_span(bi, b, lv->paras, &ss, &se);
    *st = mtai_finding_add_src(
        out, S_ADDITION, lv->paras ? MTA_SEV_MAJOR : S_ADDITION->severity, xs,
        xe, ss, se, NULL,
        lv->paras ? N_("this paragraph of %zu words has no counterpart in "
                       "the source (the paragraph next to it translates the "
                       "source's %zu words)")
                  : N_("this sentence of %zu words has no counterpart in the "
                       "source (the sentence next to it translates the "
                       "source's %zu words)"),
        part[1 - keep].words, sl.words);
  }
  return 1;
}

/* The paragraph beads of two units on one side and one on the other
 * (S_split()); 'done' marks the paragraph beads reported, whose sentences
 * are not looked at again. */
static mta_status S_para_splits(const struct mtai_bitext *bi,
                                const struct S_level *lv,
                                struct mtai_findings *out,
                                unsigned char *done) {
  mta_status st = MTA_OK;
  for (size_t i = 0; !st && i < lv->n; i++) {
    const struct mtai_bead *b = &lv->b[i];
    if (b->skipped || b->t_first == b->t_end || b->s_first == b->s_end ||
        !S_prose(lv->t, b, 1))
      continue;
    size_t before = out->report->nfind;
    if (S_split(bi, lv, i, out, &st))
      done[i] = out->report->nfind > before;
  }
  return st;
}

/* Reports the sentence pairs whose length is far outside the model. */
static mta_status S_ratios(const struct mtai_bitext *bi,
                           const struct S_level *lv, struct mtai_findings *out,
                           const unsigned char *done) {
  mta_status st = MTA_OK;
  for (size_t i = 0; !st && i < lv->n; i++) {
    const struct mtai_bead *b = &lv->b[i];
    if (b->skipped || b->t_first == b->t_end || b->s_first == b->s_end ||
        !S_prose(lv->t, b, lv->paras) || done[lv->map[i]])
      continue;
    if (S_split(bi, lv, i, out, &st))
      continue;
    struct S_len tl = S_tlen(lv, i), sl = S_slen(lv, i);
    if (sl.words < S_MIN_SRC_WORDS_ADD || !tl.letters || !sl.letters)
      continue;
    double z = S_z(tl.letters, sl.letters);
    double expect = S_WORDS_MED * (double)sl.words;
    const struct mta_rule *rule = NULL;
    if (z < -S_Z_FAR && sl.words >= S_MIN_SRC_WORDS &&
        (double)tl.words + S_MIN_GAP <= expect)
      rule = S_OMISSION;
    else if (z > S_Z_FAR && (double)tl.words >= expect + S_MIN_GAP)
      rule = S_ADDITION;
    if (!rule || S_doubtful(lv, i))
      continue;
    size_t ts = 0, te = 0, ss = 0, se = 0;
    mtai_bead_tgt_span(lv->t, b, 0, &ts, &te);
    mtai_bead_src_span(bi, b, 0, &ss, &se);
    st = mtai_finding_add_src(
        out, rule, rule->severity, ts, te, ss, se, NULL,
        rule == S_OMISSION
            ? N_("the target has %zu words for %zu in the source; "
                 "translations of this length are usually %zu-%zu words: "
                 "part of the source may be missing")
            : N_("the target has %zu words for %zu in the source; "
                 "translations of this length are usually %zu-%zu words: "
                 "the target may say more than the source"),
        tl.words, sl.words, S_round(S_WORDS_LO * (double)sl.words),
        S_round(S_WORDS_HI * (double)sl.words));
  }
  return st;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *out) {
  (void)state;
  (void)cx;
  const struct mtai_bitext *bi = out->bi;
  if (!bi)
    return MTA_OK;
  struct S_sizes tz = {NULL, NULL}, sz = {NULL, NULL};
  struct S_level pl = {out->doc, &bi->src, &tz,  &sz,  NULL, 0,
                       1,        NULL,     NULL, NULL, NULL};
  struct S_level sl = {out->doc, &bi->src, &tz,  &sz,  NULL, 0,
                       0,        NULL,     NULL, NULL, &pl};
  unsigned char *done = NULL;
  mta_status st = S_measure(out->doc, &tz);
  if (!st)
    st = S_measure(&bi->src, &sz);
  if (!st)
    st = S_build(&pl, bi->pb, bi->npb);
  if (!st)
    st = S_build(&sl, bi->sb, bi->nsb);
  if (!st && !(done = calloc(pl.n ? pl.n : 1, 1)))
    st = MTA_ERR_NOMEM;
  if (!st)
    st = S_orphans(bi, &pl, out);
  if (!st)
    st = S_para_splits(bi, &pl, out, done);
  if (!st)
    st = S_orphans(bi, &sl, out);
  if (!st)
    st = S_ratios(bi, &sl, out, done);
  free(done);
  S_level_free(&pl);
  S_level_free(&sl);
  S_sizes_free(&tz);
  S_sizes_free(&sz);
  return st;
}

const struct mta_check mtai_check_omission = {
    "omission", S_rules, sizeof S_rules / sizeof S_rules[0], NULL, S_run, NULL};
