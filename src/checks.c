/*
 * The check registry: the one list of checks, in run order. Adding a
 * check: write src/check_NAME.c exporting `const struct mta_check
 * mtai_check_NAME` (its rules, documentation included, in its own table)
 * and add NAME to S_CHECKS below. Nothing else names a check:
 * tests/e2e/cases/registry.sh fails when a src/check_*.c is not listed.
 *
 * The run order is part of the output: findings at the same span keep
 * the order in which the checks added them.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define S_CHECKS(X)                                                            \
  X(boilerplate)                                                               \
  X(duplicate)                                                                 \
  X(punct)                                                                     \
  X(honorific)                                                                 \
  X(spell)                                                                     \
  X(names)                                                                     \
  X(leftover)                                                                  \
  X(numbers)                                                                   \
  X(translit)                                                                  \
  X(split)                                                                     \
  X(balance)                                                                   \
  X(repeat)                                                                    \
  X(garbled)                                                                   \
  X(compound)                                                                  \
  X(verbpos)                                                                   \
  X(fragment)                                                                  \
  X(stray)

#define S_DECLARE(name) extern const struct mta_check mtai_check_##name;
#define S_ENTRY(name) &mtai_check_##name,

S_CHECKS(S_DECLARE)

const struct mta_check *const mtai_checks[] = {S_CHECKS(S_ENTRY) NULL};

mta_status mtai_check_error(const struct mtai_check_ctx *cx, mta_status st,
                            const char *fmt, ...) {
  if (cx->err && cx->errsz) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cx->err, cx->errsz, fmt, ap);
    va_end(ap);
  }
  return st;
}

mta_status mtai_wordlists_load(struct mtai_wordlists *wl) {
  mtai_strset_init(&wl->titles);
  mtai_strset_init(&wl->months);
  mtai_strset_init(&wl->func);
  mtai_strset_init(&wl->regnal);
  mta_status st = mtai_strset_load(&wl->titles, "titles.txt");
  if (!st)
    st = mtai_strset_load(&wl->months, "months.txt");
  if (!st)
    st = mtai_strset_load(&wl->func, "english-function-words.txt");
  if (!st)
    st = mtai_strset_load(&wl->regnal, "regnal-titles.txt");
  if (st)
    mtai_wordlists_free(wl);
  return st;
}

void mtai_wordlists_free(struct mtai_wordlists *wl) {
  mtai_strset_free(&wl->titles);
  mtai_strset_free(&wl->months);
  mtai_strset_free(&wl->func);
  mtai_strset_free(&wl->regnal);
}

int mtai_regnal_number(const struct mtai_check_ctx *cx,
                       const struct mtai_doc *d, size_t first, size_t k) {
  char c = d->text[d->toks[k].start];
  if (mtai_tok_len(d, k) != 1 || (c != 'I' && c != 'V' && c != 'X'))
    return 0;
  for (size_t back = 2; back <= 3 && k >= first + back; back++) {
    const struct mtai_token *t = &d->toks[k - back];
    if (t->kind == MTAI_TOK_WORD &&
        mtai_strset_has(&cx->lists->regnal, d->text + t->start,
                        t->end - t->start))
      return 1;
  }
  return 0;
}

/* The English-word verdict (check.h): the test of english-leftover/word,
 * which the spelling check defers to. */
enum mtai_english mtai_english_verdict(const struct mtai_check_ctx *cx,
                                       const struct mtai_doc *d, size_t i) {
  const struct mtai_token *t = &d->toks[i];
  if (t->kind != MTAI_TOK_WORD || (t->flags & MTAI_TF_ALLCAPS))
    return MTAI_EN_NO;
  const char *w = d->text + t->start;
  size_t n = t->end - t->start;
  if (mtai_strset_has(&cx->lists->titles, w, n) || mtai_tok_numword(d, i))
    return MTAI_EN_NO;
  if (!(t->flags & MTAI_TF_UPPER) && mtai_strset_has(&cx->lists->func, w, n))
    return MTAI_EN_STRONG;
  if (!cx->speller)
    return MTAI_EN_NO;
  /* A capitalized word counts as English only when its lower-case form is
   * an English word ("Institute"): en_US also lists proper names
   * ("Watson"), which are names, not English. */
  if (!((t->flags & MTAI_TF_UPPER) ? mtai_speller_english_lc(cx->speller, w, n)
                                   : mtai_speller_english(cx->speller, w, n)))
    return MTAI_EN_NO;
  enum mtai_spell v = mtai_speller_check(cx->speller, w, n);
  if (v == MTAI_SPELL_UNKNOWN)
    return MTAI_EN_STRONG;
  if (v == MTAI_SPELL_NAME || v == MTAI_SPELL_USER)
    return MTAI_EN_NO;
  return MTAI_EN_WEAK;
}

int mtai_english_known(const struct mtai_check_ctx *cx, const char *w,
                       size_t n) {
  return cx->speller && (mtai_speller_english(cx->speller, w, n) ||
                         mtai_speller_english_lc(cx->speller, w, n));
}

/* The rule overrides are the sink's: a finding of a disabled rule is
 * dropped here, a changed severity applied. */
int mtai_findings_full(const struct mtai_findings *out) {
  return out->report->nfind >= MTAI_MAX_FINDINGS;
}

mta_status mtai_finding_add(struct mtai_findings *out,
                            const struct mta_rule *rule, mta_severity sev,
                            size_t start, size_t end, const char *suggestion,
                            const char *fmt, ...) {
  for (size_t k = 0; k < out->novr; k++)
    if (out->ovr[k].rule == rule || !strcmp(out->ovr[k].rule->id, rule->id)) {
      if (!out->ovr[k].enabled)
        return MTA_OK; /* switched off by the options */
      sev = out->ovr[k].severity;
      break;
    }
  va_list ap;
  va_start(ap, fmt);
  mta_status st =
      mtai_report_vadd(out->report, rule, sev, start, end, suggestion, fmt, ap);
  va_end(ap);
  return st;
}

size_t mtai_check_count(void) {
  return sizeof mtai_checks / sizeof mtai_checks[0] - 1;
}

/* ---- the public rule registry: every rule of every check, once ---- */

/* The distinct rules in registration order (an id listed by two checks
 * counts once), built on first use; the list is constant after that, so
 * threads may share it (pthread_once). Renderers look rules up per
 * finding: this used to rescan every check for every look-up. */
#define S_MAX_RULES 256
static const struct mta_rule *S_rules[S_MAX_RULES];
static size_t S_nrules;
static pthread_once_t S_rules_once = PTHREAD_ONCE_INIT;

static void S_build_rules(void) {
  for (size_t c = 0; mtai_checks[c]; c++)
    for (size_t r = 0; r < mtai_checks[c]->nrules; r++) {
      const struct mta_rule *rule = &mtai_checks[c]->rules[r];
      int seen = 0;
      for (size_t k = 0; k < S_nrules && !seen; k++)
        seen = !strcmp(S_rules[k]->id, rule->id);
      if (!seen && S_nrules < S_MAX_RULES)
        S_rules[S_nrules++] = rule;
    }
}

static const struct mta_rule *S_rule_at(size_t i) {
  pthread_once(&S_rules_once, S_build_rules);
  return i < S_nrules ? S_rules[i] : NULL;
}

size_t mta_rule_count(void) {
  pthread_once(&S_rules_once, S_build_rules);
  return S_nrules;
}

mta_status mta_rule_get(size_t i, mta_rule_info *info) {
  const struct mta_rule *rule = info ? S_rule_at(i) : NULL;
  if (!rule)
    return MTA_ERR_INVALID_ARG;
  info->id = rule->id;
  info->category = mtai_category_name(rule->category);
  info->severity = rule->severity;
  info->summary = rule->summary;
  info->explanation = rule->explanation ? rule->explanation : rule->summary;
  info->wrong = rule->wrong ? rule->wrong : "";
  info->right = rule->right ? rule->right : "";
  return MTA_OK;
}

const struct mta_rule *mtai_rule_ptr(size_t i) { return S_rule_at(i); }

size_t mta_rule_find(const char *id) {
  size_t n = mta_rule_count();
  for (size_t i = 0; id && i < n; i++)
    if (!strcmp(S_rule_at(i)->id, id))
      return i;
  return (size_t)-1;
}
