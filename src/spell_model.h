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
