/*
 * The check registry. Adding a check: write src/check_NAME.c exporting a
 * const struct mta_check, declare it in check.h, and list it here.
 */
#include <string.h>

#include "check.h"

const struct mta_check *const mtai_checks[] = {
    &mtai_check_boilerplate, &mtai_check_duplicate, &mtai_check_punct,
    &mtai_check_honorific,   &mtai_check_spell,     &mtai_check_names,
    &mtai_check_leftover,    &mtai_check_numbers,   &mtai_check_translit,
    &mtai_check_split,       &mtai_check_balance,   &mtai_check_repeat,
    &mtai_check_garbled,     &mtai_check_compound,  &mtai_check_verbpos,
    &mtai_check_fragment,    &mtai_check_stray,     NULL,
};

size_t mtai_check_count(void) {
  return sizeof mtai_checks / sizeof mtai_checks[0] - 1;
}

/* ---- the public rule registry: every rule of every check, once ---- */

/* Calls visit(rule, k) for the k-th distinct rule; stops when it returns
 * nonzero and returns that rule (NULL when none). */
static const struct mta_rule *S_rule_at(size_t want, size_t *count) {
  size_t k = 0;
  for (size_t c = 0; mtai_checks[c]; c++)
    for (size_t r = 0; r < mtai_checks[c]->nrules; r++) {
      const struct mta_rule *rule = &mtai_checks[c]->rules[r];
      int seen = 0; /* an id listed by an earlier check */
      for (size_t c2 = 0; c2 <= c && !seen; c2++)
        for (size_t r2 = 0; r2 < mtai_checks[c2]->nrules && !seen; r2++) {
          const struct mta_rule *o = &mtai_checks[c2]->rules[r2];
          if (o == rule)
            break;
          seen = !strcmp(o->id, rule->id);
        }
      if (seen)
        continue;
      if (k == want)
        return rule;
      k++;
    }
  if (count)
    *count = k;
  return NULL;
}

size_t mta_rule_count(void) {
  size_t n = 0;
  S_rule_at((size_t)-1, &n);
  return n;
}

mta_status mta_rule_get(size_t i, mta_rule_info *info) {
  const struct mta_rule *rule = info ? S_rule_at(i, NULL) : NULL;
  if (!rule)
    return MTA_ERR_INVALID_ARG;
  const struct mtai_rule_doc *doc = mtai_rule_doc(rule->id);
  info->id = rule->id;
  info->category = mtai_category_name(rule->category);
  info->severity = rule->severity;
  info->summary = rule->summary;
  info->explanation = doc ? doc->explanation : rule->summary;
  info->wrong = doc ? doc->wrong : "";
  info->right = doc ? doc->right : "";
  return MTA_OK;
}

const struct mta_rule *mtai_rule_ptr(size_t i) { return S_rule_at(i, NULL); }

size_t mta_rule_find(const char *id) {
  size_t n = mta_rule_count();
  for (size_t i = 0; id && i < n; i++)
    if (!strcmp(S_rule_at(i, NULL)->id, id))
      return i;
  return (size_t)-1;
}
