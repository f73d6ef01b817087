/*
 * Private to the speller: spell.c (verdicts, cache, compound splitter,
 * one-edit search), spell_suggest.c (suggestions) and spell_translit.c
 * (English transliterations of names). Nothing else includes it.
 */
#ifndef MTAUDIT_SPELL_INT_H
#define MTAUDIT_SPELL_INT_H

#include <iconv.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include <hunspell.h>

#include "internal.h"
#include "spell_model.h"

#define MTAI_SPELL_MAX_HEAD 40   /* code points in a compound head */
#define MTAI_SPELL_MAX_DEPTH 5   /* splits of one word, less one */
#define MTAI_SPELL_SPLIT_MAX 200 /* bytes: longer words are not split */

/* Flags of mtai_spell_edits(). */
#define MTAI_SPELL_EDIT_LEXICON 1 /* only forms of the lexicon */
#define MTAI_SPELL_EDIT_INFLECTED                                              \
  2 /* inflected forms of the word count too                                   \
     */
/* ask Hunspell only about the candidates the model of its dictionary
 * (spell_model.c) passes, when it loaded */
#define MTAI_SPELL_EDIT_MODEL 4

/* The compound splitter's tables for one word (see S_split()): code point
 * offsets, and -1 for "not computed yet". Kept in the speller, so the
 * splitter is not reentrant (nothing it calls splits again). */
struct mtai_spell_splitter {
  const char *w;
  size_t n, ncp;
  uint8_t off[MTAI_SPELL_SPLIT_MAX + 1];
  int8_t head[MTAI_SPELL_SPLIT_MAX]
             [MTAI_SPELL_MAX_HEAD + 1];  /* head [p, p+len) known */
  int8_t tail[MTAI_SPELL_SPLIT_MAX + 1]; /* tail from q known */
  int8_t parts[MTAI_SPELL_SPLIT_MAX + 1][MTAI_SPELL_MAX_DEPTH + 1];
  uint8_t shortest[MTAI_SPELL_SPLIT_MAX + 1][MTAI_SPELL_MAX_DEPTH + 1];
};

/* The Hunspell answers of one pass of mtai_spell_edits() over a word, kept for
 * the next pass over the same word: the near-miss guard of the verdict and the
 * suggestions enumerate the same one-edit candidates. */
struct mtai_spell_memo {
  int valid;     /* recorded */
  int flags;     /* MTAI_SPELL_EDIT_* of the recorded pass */
  size_t done;   /* candidates enumerated (it may have stopped early) */
  uint16_t *yes; /* indexes of the candidates Hunspell accepted */
  size_t nyes, cap;
  int nomem; /* recording failed: not used */
};

/* A cache entry: verdict plus lazily computed suggestions. */
struct mtai_spell_entry {
  int state; /* S_DONE, S_BUSY, S_FAILED of spell.c (under cache_mu) */
  struct mtai_spell_memo memo; /* of the near-miss guard (S_near_miss()) */
  enum mtai_spell verdict;
  int guard;         /* the near-miss guard still to run (a COMPOUND) */
  int known;         /* verdict KNOWN (fixed before the guard) */
  int typo;          /* -1 not asked yet, else 0/1: German word 1 edit off */
  int near;          /* -1 not asked yet, else mtai_speller_near_word() */
  int suggested;     /* suggestions computed */
  char *suggestions; /* "a, b, c" (may be "") */
  char *first;       /* first suggestion or NULL */
};

/* One Hunspell dictionary of the shared dictionaries (dictionaries.c):
 * loaded by a background thread (or at first use), then used behind 'mu'
 * only: a Hunspell handle keeps per-query state in its members, so two
 * threads must never ask it at once (hunspell/hunspell#727). */
struct mtai_hun {
  char aff[4200], dic[4200];
  int present; /* its files were found */
  int utf8;    /* its .aff says SET UTF-8 (or could not be read) */
  pthread_mutex_t mu;
  int started; /* loader thread 'th' runs or ran (guarded by 'mu') */
  int ready;   /* loaded or failed, thread joined (guarded by 'mu') */
  pthread_t th;
  atomic_int loaded; /* its loader thread is done (read without 'mu', by
                        the speculative pass: mtai_speller_speculate()) */
  Hunhandle *h;      /* NULL when absent or failed */
  const char *enc;
};

/* A generation of the shared verdict cache: word -> struct
 * mtai_spell_entry. mtai_speller_trim() replaces a full one by a new one;
 * the old one is freed when the last speller that borrowed entries from it
 * (during its document) moves on. */
struct mtai_spell_gen {
  struct mtai_strset cache;
  size_t users; /* spellers holding it (mtai_speller's 'gen') */
  int retired;  /* no longer current: freed when 'users' drops to 0 */
  struct mtai_spell_gen *next; /* every generation, for the final free */
};

/* The dictionaries of the public header: everything read-only a speller
 * needs (Hunspell handles, word lists, the alphabet of the German
 * dictionary) plus the verdict cache, shared by the spellers of every
 * auditor created with them, in any thread. Lock order: lazy_mu, then
 * cache_mu, then a handle's mu (innermost, held only around Hunspell
 * calls), then model_mu (the German loader reads the files' bytes from
 * the model's thread), then the global create lock of dictionaries.c. */
struct mta_dictionaries {
  struct mtai_hun de, en;
  /* Bytes of the German dictionary's (single-byte) encoding that occur in
   * its .dic or .aff file, with their upper- and lower-case forms: a word
   * with any other byte cannot be accepted (mtai_spell_hun()), so it is not
   * asked. All set when the encoding is not ISO-8859-1. Written by the
   * loader of 'de' before 'de.ready'. */
  unsigned char alphabet[256];
  struct mtai_strset user, names; /* user: --dict lists and loanwords.txt */
  struct mtai_strset heads;       /* dict/compound-heads.txt */
  struct mtai_strset translit;    /* English spelling -> German (char *) */
  pthread_mutex_t cache_mu;       /* guards the generations, 'users' and
                                     the entries' 'state' */
  pthread_cond_t cache_cv;        /* an entry's state left S_BUSY */
  struct mtai_spell_gen *gen;     /* current generation */
  struct mtai_spell_gen *gens;    /* all of them */
  /* Guards the lazily filled fields of the entries (typo, near,
   * suggestions, memo after publication); recursive: a hyphenated word's
   * answer asks its parts'. */
  pthread_mutex_t lazy_mu;
  char errmsg[4400]; /* why a dictionary failed to load */
  /* The model of the German dictionary for the near-miss guard
   * (spell_model.c): loaded by its own background thread (or at first
   * use), NULL when its .aff is not modelled. Read-only once 'model_done'
   * (guarded by 'model_mu'). */
  pthread_mutex_t model_mu;
  int model_started, model_done;
  pthread_t model_th;
  struct mtai_spell_model *model;
  /* The bytes of the German .aff and .dic ('seen_ok': both were read),
   * gathered by the model's thread while Hunspell loads, for 'alphabet'
   * (a 4 MB scan off the path to the first look-up). Same guard as
   * 'model'. */
  unsigned char seen[256];
  int seen_ok;
  atomic_int spec_busy; /* a speller runs mtai_speller_speculate() */
};

struct mtai_speller {
  struct mta_dictionaries *d; /* shared, or owned when 'own_d' */
  int own_d;
  struct mtai_spell_gen *gen; /* the cache generation this speller uses */
  int ready;                  /* German dictionary loaded, iconv open */
  iconv_t to_de;              /* per speller: iconv handles have state */
  struct mtai_strset parts;   /* compound part -> (void *)1 known, 2 not */
  const struct mtai_strset *user, *names, *heads, *translit; /* d's */
  struct mtai_strset english; /* word -> (void *)1 English, 2 not */
  struct mta_buf tmp;
  /* The near-miss model's answers for parts of earlier candidates (this
   * speller's; NULL until the first guard, or when out of memory). */
  struct mtai_spell_model_cache *mcache;
  const struct mtai_spell_model *model; /* d->model once waited for */
  int model_asked;                      /* 'model' is d's answer */
  /* The word-class lexicon (borrowed; may be NULL): a fast first filter
   * for the one-edit candidates, which would otherwise each cost a
   * Hunspell look-up (measured: 93 % of the time on text with many
   * unknown words). */
  const struct mtai_lexicon *lx;
  unsigned long work; /* look-ups and search steps (mtai_speller_work) */
  /* The speculative pass (mtai_speller_speculate()): while 'spec' is set,
   * German Hunspell answers are guesses and nothing is cached but 'mmemo':
   * the model's answer per word ((void *)1 may be a word, 2 is none),
   * exact, which the real pass reads instead of asking the model again.
   * Emptied before every document. */
  int spec;
  struct mtai_strset mmemo;
  unsigned long mmemo_hits; /* answers the real pass took from it */
  /* The first failure (MTA_ERR_NOMEM) of a call that cannot return one
   * (mtai_speller_check() and the other int/enum answers), until
   * mtai_speller_take_error() */
  mta_status err;
  /* Tests only (mtai_speller_fail_after()): allocations left before they
   * fail, or -1 (never). */
  long fail_after;
  struct mtai_spell_splitter splitter;
};

/* dictionaries.c */

/* Creates dictionaries for 'dict_dir' (NULL: $DICPATH and the standard
 * places) and the user word lists 'user[0..nuser)': finds the Hunspell
 * files and reads the word lists now (failures in 'err'); the Hunspell
 * dictionaries load later, in background threads started by
 * mtai_dicts_start() or at first use. */
mta_status mtai_dicts_new(const char *dict_dir, const char *const *user,
                          size_t nuser, struct mta_dictionaries **out,
                          char *err, size_t errsz);
/* Starts the background loading of both dictionaries (once; later calls
 * do nothing). */
void mtai_dicts_start(struct mta_dictionaries *d);
/* Waits for dictionary 'h' (loading it here when it was never started);
 * returns with h->mu held. h->h is then the handle or NULL. */
void mtai_hun_lock(struct mta_dictionaries *d, struct mtai_hun *h);
/* The near-miss model of the German dictionary (waits for its loading, or
 * loads it here when it was never started); NULL when the dictionary's
 * .aff is not modelled or it failed. */
const struct mtai_spell_model *mtai_dicts_model(struct mta_dictionaries *d);
void mtai_dicts_free(struct mta_dictionaries *d);
/* Frees a cache entry. */
void mtai_spell_free_entry(void *p);

/* spell.c */

/* 1 when the English dictionary is there (waits for its loading). */
int mtai_spell_has_english(struct mtai_speller *sp);
/* spell.c */

/* Hunspell look-up of UTF-8 'w': 1 known, 0 unknown, -1 not representable
 * in the dictionary's encoding. Counts as work. */
int mtai_spell_hun(struct mtai_speller *sp, const char *w, size_t n);
/* 1 when 'w' may be a German word: a form of the lexicon's table as
 * written; without a lexicon, everything passes. */
int mtai_spell_maybe_word(const struct mtai_speller *sp, const char *w,
                          size_t n);
/* Writes 'w' with its first letter upper-cased into 'out' (of 'sz'
 * bytes); returns its length, 0 when it does not fit. */
size_t mtai_spell_capitalize(const char *w, size_t n, char *out, size_t sz);
/* 1 when w[0..n) starts with an upper-case letter. */
int mtai_spell_upper_initial(const char *w, size_t n);
/* Decodes up to 'max' code points of w[0..n) into 'cp'; returns the count,
 * or max + 1 when there are more. */
size_t mtai_spell_cps(const char *w, size_t n, int32_t *cp, size_t max);
/* Verdict of a word without hyphens, uncached. */
enum mtai_spell mtai_spell_verdict_plain(struct mtai_speller *sp, const char *w,
                                         size_t n);
/* The cache entry of w[0..n), its verdict computed on first use; NULL
 * (and the speller's error set) when out of memory. */
struct mtai_spell_entry *mtai_spell_entry(struct mtai_speller *sp,
                                          const char *w, size_t n);
/* Known words one edit away from w[0..n), each passed to 'found' until it
 * returns non-zero (see spell.c). */
int mtai_spell_edits(struct mtai_speller *sp, const char *w, size_t n,
                     int (*found)(struct mtai_speller *, const char *, size_t,
                                  void *),
                     void *ctx, int flags, struct mtai_spell_memo *memo);
/* Records failure 'st' in the speller (the first one is kept) and
 * returns it. */
mta_status mtai_spell_fail(struct mtai_speller *sp, mta_status st);
/* 0 when the test hook says the next allocation must fail (see
 * mtai_speller_fail_after()), else 1. */
int mtai_spell_alloc_ok(struct mtai_speller *sp);

/* spell_morph.c */

/* 1 when lower-case w[0..n) is German word formation over known words
 * that the dictionary lacks: a separable particle verb, "un" and an
 * adjective, or a German inflection of an English verb stem. */
int mtai_spell_derived(struct mtai_speller *sp, const char *w, size_t n);
/* 1 when lower-case w[0..n) is a particle and a known word
 * ("vorbeischweben"). */
int mtai_spell_particle_verb(struct mtai_speller *sp, const char *w, size_t n);

/* spell_translit.c */

/* Loads dict/transliterations.txt into 'map' (English -> German, values
 * malloc'd). */
mta_status mtai_spell_translit_load(struct mtai_strset *map);

#endif
