/*
 * The check interface. A check is one file exporting one const struct
 * mta_check mtai_check_NAME (with its rule table: id, category, severity,
 * summary, explanation, examples; see struct mta_rule), and its NAME in
 * the list in checks.c.
 *
 * Life cycle: init() runs once per auditor (may be NULL) and returns the
 * check's private state; run() is called once per document with that state
 * and the report to add findings to (via mtai_finding_add()); destroy()
 * releases the state (may be NULL).
 */
#ifndef MTAUDIT_CHECK_H
#define MTAUDIT_CHECK_H

#include <string.h>

#include "internal.h"

struct mta_check {
  const char *name;
  const struct mta_rule *rules; /* the rules this check reports */
  size_t nrules;
  mta_status (*init)(struct mta_auditor *a, void **state);
  mta_status (*run)(void *state, struct mta_report *r);
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
 * compiler folds the strlen; this runs for every token of every check). */
static inline int mtai_tok_eq(const struct mtai_doc *d, size_t i,
                              const char *s) {
  size_t n = strlen(s);
  return mtai_tok_len(d, i) == n && !memcmp(d->text + d->toks[i].start, s, n);
}

/* checks.c: rule 'i' of the public registry (mta_rule_get), or NULL. */
const struct mta_rule *mtai_rule_ptr(size_t i);

/* check_numbers.c: 1 for "billion", "million", ... (English number words,
 * reported by the number rule, skipped by the English-word rule). */
int mtai_english_number_word(const char *w, size_t n);

#endif
