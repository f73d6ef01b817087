/*
 * XLIFF input (xliff.c): a bilingual exchange file of translation units
 * becomes the two texts the source-aware audit reads, the German targets
 * and their English sources, one paragraph per unit in the same order
 * (paragraph i of one is paragraph i of the other), each on its line of
 * the file, so that reported lines point into it. Parsed with libxml2,
 * and only XLIFF: any other XML is refused by markup.c.
 */
#ifndef MTAUDIT_XLIFF_H
#define MTAUDIT_XLIFF_H

#include "internal.h"

/* What mtai_xliff_split() makes of a document. */
struct mtai_xliff {
  /* NUL-terminated UTF-8 (caller frees both, or mtai_xliff_clear()):
   * one paragraph per used unit, one line each, on the line of its
   * <target> (<source>) element in the file, with blank lines before it
   * (at least one between units); the text of a unit is its segments'
   * text, whitespace runs collapsed to one space. */
  char *target, *source;
  size_t tlen, slen;
  size_t units;     /* units used (paragraphs of each text) */
  size_t skipped;   /* units left out: no or empty target or source */
  size_t locked;    /* units left out: translate="no" */
  char version[16]; /* "1.2", "2.0", ...: the root's version attribute */
};

/* 1 when the decoded text t[0..n) is an XLIFF document: its first
 * element (after the XML declaration, comments, processing instructions
 * and a document type declaration) is "xliff", with or without a prefix.
 * Cheap (it reads the prolog only); mtai_xliff_split() decides for good
 * (a malformed file is still XLIFF, and its error is the parser's). */
int mtai_xliff_detect(const char *t, size_t n);

/* Parses the decoded (UTF-8) XLIFF 1.2 or 2.0 document t[0..n) and fills
 * '*x' (zeroed first). The parser reads no external entity, DTD or
 * network resource; internal entities are expanded within a budget.
 * Skipped: 1.2 trans-units and 2.0 units with translate="no" (also
 * inherited from a group or file), 2.0 <ignorable>, 1.2 <alt-trans>,
 * notes and every element of another namespace. Inline codes: the text
 * of paired ones (<g>, <mrk>, <pc>) is kept; the native code inside 1.2
 * <ph>, <bpt>, <ept>, <it> is not; a placeholder (<x/>, <ph>) between
 * two letters or digits becomes a space.
 * Returns MTA_ERR_PARSE for malformed XML ('why' = "XLIFF: line N:
 * <libxml2's first error>"), MTA_ERR_MARKUP for well-formed XML whose
 * root is not XLIFF, MTA_ERR_EMPTY when no unit has both a source and a
 * target ("no translated units"), MTA_ERR_NOMEM. Thread-safe: no state
 * outside the call (libxml2 is initialized once). */
mta_status mtai_xliff_split(const char *t, size_t n, struct mtai_xliff *x,
                            char *why, size_t whylen);

/* Frees the texts of 'x' and zeroes it. */
void mtai_xliff_clear(struct mtai_xliff *x);

#endif
