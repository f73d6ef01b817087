/*
 * Finding a Hunspell dictionary and converting words to its encoding:
 * shared by the library (dictionaries.c, spell.c) and by
 * tools/mkspellmodel.c, which asks Hunspell about the lexicon's forms at
 * build time. The build-time answers stand for run-time calls only if
 * both find the same files and convert a word alike, so there is one copy
 * of each. Needs only libc and iconv (the tool links this file alone).
 */
#ifndef MTAUDIT_DICTFILE_H
#define MTAUDIT_DICTFILE_H

#include <iconv.h>
#include <stddef.h>

/* Searches the ':'-separated directories 'dirs' (the first 4095 bytes)
 * for NAME.aff and NAME.dic, both readable. 1 with their paths in 'aff'
 * and 'dic' (each of 'sz' bytes, truncated to fit); 0 when no directory
 * has both ('aff' and 'dic' then hold the last paths tried). */
int mtai_dict_search(const char *dirs, const char *name, char *aff, char *dic,
                     size_t sz);

/* Converts in[0..n) with 'cd' (from UTF-8 to a dictionary's encoding,
 * state reset first) into 'out' ('outsz' > 0 bytes), NUL-terminated. 1 on
 * success; 0 when a character has no equivalent, the input is not valid
 * UTF-8 or the result does not fit ('out' is then unspecified). */
int mtai_dict_conv(iconv_t cd, const char *in, size_t n, char *out,
                   size_t outsz);

#endif
