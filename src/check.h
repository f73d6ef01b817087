/*
 * The check interface. A check is one file exporting one const struct
 * mta_check mtai_check_NAME (with its rule table: id, category, severity,
 * summary, explanation, examples; see struct mta_rule), and its NAME in
 * the list in checks.c.
 *
 * Life cycle: init() runs once per auditor (may be NULL) with the
 * context (struct mtai_check_ctx) and returns the check's private state,
 * which is the check's own (never a borrowed object passed off as state);
 * run() is called once per document with that state, the context and the
 * sink to add findings to (mtai_finding_add()); destroy() releases the
 * state (may be NULL).
 */
#ifndef MTAUDIT_CHECK_H
#define MTAUDIT_CHECK_H

#include <string.h>

#include "bitext.h"
#include "internal.h"

/* Word lists several checks read, loaded once per auditor
 * (mtai_wordlists_load()) and shared through the context. */
struct mtai_wordlists {
  struct mtai_strset titles; /* dict/titles.txt: "Präsident", "Mr." */
  struct mtai_strset months; /* dict/months.txt */
  struct mtai_strset func;   /* dict/english-function-words.txt */
  struct mtai_strset regnal; /* dict/regnal-titles.txt: "Kaiser", "Papst" */
};

/* Loads every list of 'wl' (MTA_ERR_DICT when one is missing); frees what
 * it loaded on failure. mtai_wordlists_free() of a zeroed or loaded set is
 * safe. */
mta_status mtai_wordlists_load(struct mtai_wordlists *wl);
void mtai_wordlists_free(struct mtai_wordlists *wl);

/* What a check may use, the same for init() and run(); made by the
 * auditor, borrowed for its life. No check sees the auditor itself. */
struct mtai_check_ctx {
  /* The speller (NULL with MTA_OPT_NO_SPELL): not const, since every
   * look-up fills its caches. */
  struct mtai_speller *speller;
  /* The word-class lexicon: not const, since look-ups fill its word
   * cache (and the document's class cache, mtai_tok_classes()). */
  struct mtai_lexicon *lexicon;
  /* The shared word lists (a check's state may keep pointers into them). */
  const struct mtai_wordlists *lists;
  unsigned flags; /* MTA_OPT_* */
  /* Where init() says why it failed (mtai_check_error()). */
  char *err;
  size_t errsz;
};

/* Sets the context's error text from a printf-style format; returns
 * 'st'. */
mta_status mtai_check_error(const struct mtai_check_ctx *cx, mta_status st,
                            const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Where run() puts its findings: the document's report, filtered by the
 * auditor's rule overrides (a disabled rule's findings are dropped, a
 * changed severity applied) in mtai_finding_add(). */
struct mtai_findings {
  struct mtai_doc *doc; /* the document being audited */
  struct mta_report *report;
  const struct mtai_rule_override *ovr;
  size_t novr;
  /* The English source and its alignment (bitext.h), NULL when the
   * document is audited without one. */
  const struct mtai_bitext *bi;
};

/* Adds a finding of 'rule' with severity 'sev' (or the one the options
 * set; nothing when they disabled the rule) over bytes [start, end) of
 * the document, with an optional 'suggestion' (copied) and a printf-style
 * message. Returns MTA_ERR_NOMEM on allocation failure. */
mta_status mtai_finding_add(struct mtai_findings *out,
                            const struct mta_rule *rule, mta_severity sev,
                            size_t start, size_t end, const char *suggestion,
                            const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/* Gives finding 'i' of the report (the one the caller just added, when
 * report->nfind grew past 'i') the list of all its suggestions, "a, b, c"
 * (copied); the first stays its 'suggestion'. Does nothing for a finding
 * that was not kept. */
mta_status mtai_finding_alternatives(struct mtai_findings *out, size_t i,
                                     const char *list);

/* mtai_finding_add() with the span [src_start, src_end) of the source
 * the finding is about (source-aware checks). */
mta_status mtai_finding_add_src(struct mtai_findings *out,
                                const struct mta_rule *rule, mta_severity sev,
                                size_t start, size_t end, size_t src_start,
                                size_t src_end, const char *suggestion,
                                const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 9, 10)))
#endif
    ;

/* 1 when 'out' keeps no more findings (MTAI_MAX_FINDINGS reached): later
 * ones are only counted, so a check may skip work that only the message
 * or the suggestion would show (the spelling suggestions). */
int mtai_findings_full(const struct mtai_findings *out);

struct mta_check {
  const char *name;
  const struct mta_rule *rules; /* the rules this check reports */
  size_t nrules;
  mta_status (*init)(const struct mtai_check_ctx *cx, void **state);
  mta_status (*run)(void *state, const struct mtai_check_ctx *cx,
                    struct mtai_findings *out);
  void (*destroy)(void *state);
};

/* The registered checks, in run order, NULL-terminated. */
extern const struct mta_check *const mtai_checks[];

/* Number of registered checks. */
size_t mtai_check_count(void);

/* Helpers for checks. */

/* Length in bytes of token 'i'. */
static inline size_t mtai_tok_len(const struct mtai_doc *d, size_t i) {
  return d->toks[i].end - d->toks[i].start;
}

/* 1 when token 'i' of 'd' spells exactly 's' (inline: with a literal the
 * compiler folds the strlen; this runs for every token of every check).
 * The first bytes are compared before the strlen: checks also call it in
 * loops over word tables, where the strlen does not fold. */
static inline int mtai_tok_eq(const struct mtai_doc *d, size_t i,
                              const char *s) {
  const char *t = d->text + d->toks[i].start;
  if (!s[0])
    return mtai_tok_len(d, i) == 0;
  if (t[0] != s[0])
    return 0;
  size_t n = strlen(s);
  return mtai_tok_len(d, i) == n && !memcmp(t, s, n);
}

/* The English-word verdict, one for every check (checks.c). How English
 * token 'i' of 'd' is: STRONG (unknown to German and known to English --
 * a capitalized word only when its lower-case form is English, since
 * en_US lists proper names -- or a lower-case English function word),
 * WEAK (both languages know it), NO (not a word, all caps, a title, a
 * number word, a name or user word, or English does not know it; always
 * NO without a speller, except function words). */
enum mtai_english { MTAI_EN_NO, MTAI_EN_WEAK, MTAI_EN_STRONG };
enum mtai_english mtai_english_verdict(const struct mtai_check_ctx *cx,
                                       const struct mtai_doc *d, size_t i);
/* mtai_english_known() of word token 'i' of 'd', through the token
 * table. */
int mtai_tok_english_known(const struct mtai_check_ctx *cx,
                           const struct mtai_doc *d, size_t i);
/* 1 when token 'i' of 'd' is in the shared list dict/titles.txt,
 * dict/english-function-words.txt or dict/months.txt (cx->lists); once
 * per distinct word when the document has a token table. */
int mtai_tok_title(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                   size_t i);
int mtai_tok_func(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                  size_t i);
int mtai_tok_month(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                   size_t i);
/* 1 when the English dictionary knows w[0..n) as written or in lower case
 * (0 without a speller): the wider test of the spelling check, which
 * leaves such words to english-leftover/word. */
int mtai_english_known(const struct mtai_check_ctx *cx, const char *w,
                       size_t n);

/* 1 when the one-letter word token 'k' (after a first name) is the Roman
 * numeral of a ruler, not a middle initial: I, V or X after a title of
 * dict/regnal-titles.txt two or three tokens before it, within the tokens
 * from 'first' ("Kaiser Karl V.", "Papst Pius X."). */
int mtai_regnal_number(const struct mtai_check_ctx *cx,
                       const struct mtai_doc *d, size_t first, size_t k);

/* checks.c: rule 'i' of the public registry (mta_rule_get), or NULL. */
const struct mta_rule *mtai_rule_ptr(size_t i);

/* ---- helpers of the english-leftover checks (checks.c) ---------------- */

/* Loads the embedded list 'name' of lines "KEY<TAB>VALUE" into 'map': the
 * key (the text before the first tab, which may hold single spaces: "Ivory
 * Coast") maps to a copy of the rest of the line (NUL-terminated, "" when
 * there is none). '*maxtok' (may be NULL) gets the largest number of
 * tokens a key spans, counting words and periods ("Lt. Gov." is 4).
 * MTA_ERR_DICT when the list is missing. Free the map with
 * mtai_strset_free_with(map, free). */
mta_status mtai_pairs_load(struct mtai_strset *map, const char *name,
                           size_t *maxtok);

/* The state of a check that needs one list of pairs and nothing else
 * (calendar, title). */
/* A prefix filter of a map's keys (mtai_pairs_match_pre()): built on
 * first use, with a memo per word of the token table. Zeroed to start;
 * mtai_pairs_pre_free() releases it. */
struct mtai_pairs_pre {
  const struct mtai_strslot **keys; /* the map's keys, sorted; borrowed */
  size_t n;
  int built;
  struct mtai_tokmemo memo; /* 1: no key starts with the word, 2: one may */
};
void mtai_pairs_pre_free(struct mtai_pairs_pre *pre);

struct mtai_pairs {
  struct mtai_strset map; /* key -> value, as mtai_pairs_load() */
  size_t maxtok;          /* its longest key in tokens */
  struct mtai_pairs_pre pre;
};

/* For such a check's init(): a new state in '*out' with the list 'name'
 * loaded; on failure the reason is set with mtai_check_error() (naming
 * the list) and '*out' is still for mtai_pairs_free(). */
mta_status mtai_pairs_new(const struct mtai_check_ctx *cx, const char *name,
                          void **out);

/* Its destroy(): frees a state of mtai_pairs_new(); NULL does nothing. */
void mtai_pairs_free(void *state);

/* The longest key of 'map' that tokens i.. of 'd' spell (before 'end',
 * at most 'maxtok' tokens; a space between two tokens is one space in the
 * key, none is none): returns the number of tokens it spans and sets
 * '*val' to its value, or 0. */
size_t mtai_pairs_match(const struct mtai_strset *map, size_t maxtok,
                        const struct mtai_doc *d, size_t i, size_t end,
                        const char **val);
/* The same, first asking 'pre' (the filter of this 'map', which must not
 * change once it is used) whether any key starts with token 'i': once
 * per distinct word with a token table, a binary search over the keys. */
size_t mtai_pairs_match_pre(struct mtai_pairs_pre *pre,
                            const struct mtai_strset *map, size_t maxtok,
                            const struct mtai_doc *d, size_t i, size_t end,
                            const char **val);

/* Sets in 'bits' (a bit per token of out->doc) every token that a finding
 * of category 'cat' added so far overlaps: a later check of English
 * leftovers leaves those words alone (one finding per word). */
void mtai_findings_mark(const struct mtai_findings *out, enum mtai_category cat,
                        unsigned char *bits);

/* Removes the findings added so far of the categories in 'cats' (bit
 * 1u << category) that lie inside one of the byte spans 'spans[0..n)'
 * of out->doc (pairs start, end, sorted by start, not overlapping): a
 * later finding about a whole span stands for them (a sentence left in
 * English, accuracy/untranslated, for the english-leftover runs and
 * unknown words inside it). One pass over the findings, a binary search
 * per finding. Findings past the cap were never kept and stay counted. */
void mtai_findings_drop(struct mtai_findings *out, unsigned cats,
                        const size_t *spans, size_t n);

static inline int mtai_bit(const unsigned char *m, size_t i) {
  return (m[i >> 3] >> (i & 7)) & 1;
}

/* 1 when tokens [a, b] of paragraph 'p' stand inside an English name or
 * title, so that the English words there are cited, not left over: a
 * capitalized English word (unknown to German) joined right before or
 * after ("Air Canada", "Moscow Times", "Munich Re"), an English "of"
 * name ("University of Munich"), a known English name
 * (dict/english-names.txt is not read here: the caller's), or a quotation
 * with fewer than two plainly German words ("„Midnight in Paris“"). */
int mtai_english_name_around(const struct mtai_check_ctx *cx,
                             const struct mtai_doc *d,
                             const struct mtai_paragraph *p, size_t a,
                             size_t b);

/* 1 when word token 'k' is plainly German: the German dictionary knows it
 * (or it is a compound of German words) and English does not. */
int mtai_plain_german(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                      size_t k);

#endif
