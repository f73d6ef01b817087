/*
 * Build-time helper: writes the assembler file that links the open-class
 * lexicon table (build/gen/lexicon.tsv, from tools/mklexicon.c) into the
 * library as read-only data, together with the index of its lines, so
 * that mtai_lexicon_new() builds nothing at start-up (it used to count
 * and index 5 MB of lines: ~7 ms per auditor).
 *
 * Symbols (hidden, in .rodata):
 *   mtai_lexicon_data, mtai_lexicon_end   the table's bytes (.incbin; a NUL
 *                                         follows the end)
 *   mtai_lexicon_index                    uint32 offset of every line's
 *                                         first byte, in table order
 *   mtai_lexicon_nlines                   uint32 number of lines
 *   mtai_lexicon_bloom                    uint32[2^MTAI_LEXBLOOM_BITS / 32]:
 *                                         a Bloom filter of the forms (the
 *                                         first fields; src/lexicon_hash.h)
 * The offsets are written as .long, so the assembler lays them out in the
 * target's byte order.
 * Usage: mklexindex TABLE.tsv OUT.S  (TABLE.tsv as an absolute path: the
 * .incbin names it)
 */
#include <stdio.h>
#include <stdlib.h>

#include "../src/lexicon_hash.h"
#include "incbin.h"

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: mklexindex TABLE.tsv OUT.S\n");
    return 2;
  }
  FILE *in = fopen(argv[1], "rb");
  if (!in) {
    perror(argv[1]);
    return 1;
  }
  FILE *out = fopen(argv[2], "w");
  if (!out) {
    perror(argv[2]);
    return 1;
  }
  incbin_begin(out, "mklexindex.c", 1, argv[1], "mtai_lexicon_data",
               "mtai_lexicon_end");
  fprintf(out, ".balign 4\n");
  incbin_sym(out, "mtai_lexicon_index");
  /* A line starts at offset 0 and after every '\n' that is not the last
   * byte (the same lines the former start-up pass found). */
  size_t nwords = ((size_t)1 << MTAI_LEXBLOOM_BITS) / 32;
  uint32_t *bloom = calloc(nwords, sizeof *bloom);
  char form[1024];
  size_t flen = 0;
  int in_form = 1;
  if (!bloom) {
    perror("mklexindex");
    return 1;
  }
  unsigned long off = 0, n = 0;
  int c, start = 1;
  while ((c = fgetc(in)) != EOF) {
    /* the form: a line's bytes up to its first tab */
    if (c == '\n' || (c == '\t' && in_form)) {
      if (in_form) {
        uint64_t h = mtai_lexhash(form, flen);
        for (unsigned k = 0; k < MTAI_LEXBLOOM_K; k++) {
          uint32_t b = mtai_lexbloom_bit(h, k);
          bloom[b / 32] |= (uint32_t)1 << (b % 32);
        }
      }
      in_form = c == '\n';
      flen = 0;
    } else if (in_form) {
      if (flen == sizeof form) {
        fprintf(stderr, "mklexindex: %s: a form of over %zu bytes\n", argv[1],
                sizeof form);
        return 1;
      }
      form[flen++] = (char)c;
    }
    if (start) {
      if (off > 0xFFFFFFFFul) {
        fprintf(stderr, "mklexindex: %s is larger than 4 GB\n", argv[1]);
        return 1;
      }
      fprintf(out, "%s%lu", !n ? ".long " : n % 16 ? "," : "\n.long ", off);
      n++;
    }
    start = c == '\n';
    off++;
  }
  if (ferror(in)) {
    perror(argv[1]);
    return 1;
  }
  fclose(in);
  fprintf(out, "\n");
  incbin_sym(out, "mtai_lexicon_nlines");
  fprintf(out, ".long %lu\n", n);
  incbin_sym(out, "mtai_lexicon_bloom");
  for (size_t i = 0; i < nwords; i++)
    fprintf(out, "%s%lu",
            !i       ? ".long "
            : i % 16 ? ","
                     : "\n.long ",
            (unsigned long)bloom[i]);
  fprintf(out, "\n");
  incbin_end(out);
  free(bloom);
  if (fclose(out)) {
    perror(argv[2]);
    return 1;
  }
  return 0;
}
