/*
 * A model of Hunspell's acceptance for the near-miss guard of the compound
 * splitter (spell.c, S_near_miss(); issue 18). Private to the speller.
 *
 * The guard asks Hunspell about every one-edit variant of a word (~1000
 * calls of 7-50 us each). The model, read from the SAME .aff and .dic files
 * Hunspell loads, answers "may Hunspell accept this word?" as an
 * over-approximation: it says no only when Hunspell certainly rejects the
 * word, so the guard asks Hunspell only about the variants it passes
 * (~1 %) and its verdicts cannot move. Port of tools/nearmiss_model.py;
 * see docs/PERFORMANCE.md, "Issue 18: the near-miss guard's filter in C".
 *
 * Read-only once loaded: one model may be asked from any number of threads.
 */
#ifndef MTAUDIT_SPELL_MODEL_H
#define MTAUDIT_SPELL_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "internal.h"

struct mtai_spell_model;

/* Loads the model of the Hunspell dictionary 'aff'/'dic'. MTA_OK with the
 * model in '*out'; MTA_ERR_DICT when the .aff uses a directive the model
 * does not cover (or is not ISO-8859-1, or has more than 64 flags),
 * MTA_ERR_IO when a file cannot be read, MTA_ERR_NOMEM; '*out' is then
 * NULL and the guard asks Hunspell about every variant, as before. Free
 * with mtai_spell_model_free(). */
mta_status mtai_spell_model_load(const char *aff, const char *dic,
                                 struct mtai_spell_model **out);

/*
 * The model as a table built at build time (tools/mkspellmodel.c writes
 * the arrays of the model of the German dictionary the library would
 * find, with the size and a hash of the .aff and .dic it read; the
 * Makefile links them in as read-only data, between
 * mtai_spell_model_table and mtai_spell_model_table_end: empty when no
 * dictionary was found or the model refused it).
 *
 * mtai_spell_model_open(): the model of 'aff'/'dic' pointing into
 * 'table' (nothing parsed, nothing copied) when the two files are those
 * the table was built from (same sizes, same hashes of their bytes);
 * otherwise (another dictionary, an empty or foreign table) loaded from
 * the files as mtai_spell_model_load() does. Same results and ownership
 * as mtai_spell_model_load(). */
extern const unsigned char mtai_spell_model_table[];
extern const unsigned char mtai_spell_model_table_end[];
mta_status mtai_spell_model_open(const void *table, size_t len, const char *aff,
                                 const char *dic,
                                 struct mtai_spell_model **out);

/* 1 when 'm' was served from a table by mtai_spell_model_open(). */
int mtai_spell_model_in_table(const struct mtai_spell_model *m);

/* Writes model 'm', loaded from 'aff'/'dic', as a table for
 * mtai_spell_model_open() to 'f' (the build tool's work). MTA_ERR_IO when
 * a file cannot be read or written. */
mta_status mtai_spell_model_write_table(const struct mtai_spell_model *m,
                                        const char *aff, const char *dic,
                                        FILE *f);

/* Hunspell's answers for the forms of the word-class lexicon (lexicon.c),
 * asked at build time: bit 'line' of the table's 'nlines' lines is 1 when
 * Hunspell accepts that form, converted to the dictionary's encoding.
 * They travel in the model's table, so they are used only with the
 * dictionary the table was built from. mtai_spell_model_known(): 1 or 0,
 * or -1 when 'm' has no answers or has them for a lexicon of another
 * size. mtai_spell_model_set_known() (the build tool): gives 'm' the
 * malloc'd bits[(n + 63) / 64] of n lines (NULL: none), written with its
 * table. */
int mtai_spell_model_known(const struct mtai_spell_model *m, size_t line,
                           size_t nlines);
void mtai_spell_model_set_known(struct mtai_spell_model *m, uint64_t *bits,
                                size_t n);

/* Answers for parts of earlier words (~320 KB), kept by one thread (a
 * speller) across its questions: the variants of one word share most of
 * their parts. NULL when out of memory. */
struct mtai_spell_model_cache;
struct mtai_spell_model_cache *mtai_spell_model_cache_new(void);
void mtai_spell_model_cache_free(struct mtai_spell_model_cache *c);

/* 0 when Hunspell certainly rejects UTF-8 w[0..n) (in any case), 1 when it
 * may accept it. A word with anything but letters of ISO-8859-1 (digits,
 * '-', '.', other scripts), an all-capital word and a word longer than 64
 * letters always get 1. 'm' NULL: 1. 'cache' (may be NULL) is the
 * caller's, used by one thread at a time. */
int mtai_spell_model_may(const struct mtai_spell_model *m,
                         struct mtai_spell_model_cache *cache, const char *w,
                         size_t n);

/* Bytes the model holds (tests and docs/PERFORMANCE.md). */
size_t mtai_spell_model_bytes(const struct mtai_spell_model *m);

/* Frees 'm' (NULL: nothing). */
void mtai_spell_model_free(struct mtai_spell_model *m);

#endif
