/*
 * Source-aware mode (issue 16): the English original of a document and
 * its alignment with the German target.
 *
 * The auditor builds a bitext when a source is given and usable
 * (mtai_bitext_build()); checks of the category "accuracy" read it from
 * the sink (struct mtai_findings.bi, NULL without a source) and do
 * nothing without one.
 *
 * Alignment: paragraphs of the target's article text (not boilerplate,
 * not repeats) and of the source are aligned by a length-based dynamic
 * programme (Gale-Church: beads 1-1, 1-0, 0-1, 2-1, 1-2), anchored by
 * numbers; sentences are then aligned the same way inside every
 * paragraph bead. Beads are in text order and cover every unit of both
 * sides exactly once; a target paragraph left out of the alignment
 * (boilerplate) is a bead of its own with no source.
 */
#ifndef MTAUDIT_BITEXT_H
#define MTAUDIT_BITEXT_H

#include "internal.h"

/* Target units [t_first, t_end) correspond to source units [s_first,
 * s_end); either range may be empty: an omission (target empty) or an
 * addition (source empty). Units are paragraphs or sentences, indices
 * into the documents' paras / sents. */
struct mtai_bead {
  uint32_t t_first, t_end;
  uint32_t s_first, s_end;
  /* 1 when the target side is left out of the alignment (boilerplate,
   * repeat): no accuracy finding is about it. */
  uint32_t skipped;
};

struct mtai_bitext {
  /* The English source: decoded, NFC, segmented (lines, paragraphs,
   * sentences with ICU's "en" rules, tokens); no annotations, no word
   * classes, no boilerplate marks. Byte offsets are into src.text. */
  struct mtai_doc src;
  struct mtai_bead *pb; /* paragraph beads */
  size_t npb;
  struct mtai_bead *sb; /* sentence beads */
  size_t nsb;
  uint32_t *t_pbead; /* per target paragraph: index of its bead in pb */
  uint32_t *t_sbead; /* per target sentence: index of its bead in sb */
  uint32_t *s_pbead; /* per source paragraph: index in pb */
  uint32_t *s_sbead; /* per source sentence: index in sb */
  int parallel;      /* units given one to one (XLIFF), not computed */
};

/* Byte span of the source units of bead 'b' (paragraphs when 'paras',
 * else sentences); 0 when the bead has none. */
int mtai_bead_src_span(const struct mtai_bitext *bi, const struct mtai_bead *b,
                       int paras, size_t *start, size_t *end);
/* The same for the target units of 'b' in document 'd'. */
int mtai_bead_tgt_span(const struct mtai_doc *d, const struct mtai_bead *b,
                       int paras, size_t *start, size_t *end);

/* Reads the source: 'len' bytes at 'data' named 'name', decoded (encoding
 * detected), refused when markup or not English, segmented by 'seg' (an
 * English segmenter). On success '*out' (free with mtai_bitext_free())
 * holds the source and no alignment yet. On failure 'why' says why in a
 * few words ("holds no text", "looks German, not English (...)"); only
 * MTA_ERR_NOMEM should fail an audit, the others leave it monolingual.
 * 'parallel': units given one to one (XLIFF). */
mta_status mtai_bitext_read(struct mtai_segmenter *seg, const char *name,
                            const void *data, size_t len, int parallel,
                            struct mtai_bitext **out, char *why, size_t whylen);

/* 0, with 'why', when the source's paragraphs are far out of proportion to
 * the target's article text (not its original, or a part of it). */
int mtai_bitext_proportion(const struct mtai_bitext *bi,
                           const struct mtai_doc *t, char *why, size_t whylen);

/* Aligns the source of 'bi' with target 't' (segmented and classified):
 * paragraph beads, sentence beads, index maps. MTA_ERR_NOMEM, or
 * MTA_ERR_TOO_LARGE when the paragraphs are too many to align (some
 * 50,000: the audit then goes on without the source). */
mta_status mtai_bitext_align(struct mtai_bitext *bi, const struct mtai_doc *t);

void mtai_bitext_free(struct mtai_bitext *bi);

#endif
