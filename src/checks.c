/*
 * The check registry. Adding a check: write src/check_NAME.c exporting a
 * const struct mta_check, declare it in check.h, and list it here.
 */
#include <string.h>

#include "check.h"

const struct mta_check *const mtai_checks[] = {
    &mtai_check_boilerplate,
    &mtai_check_duplicate,
    &mtai_check_punct,    &mtai_check_honorific,
    &mtai_check_spell,    &mtai_check_names,
    &mtai_check_leftover, &mtai_check_numbers,
    &mtai_check_translit, &mtai_check_split,
    &mtai_check_balance,  &mtai_check_repeat,
    &mtai_check_garbled,  &mtai_check_compound,
    &mtai_check_verbpos,  &mtai_check_fragment,
    &mtai_check_stray,    NULL,
};

size_t mtai_check_count(void) {
  return sizeof mtai_checks / sizeof mtai_checks[0] - 1;
}

int mtai_tok_eq(const struct mtai_doc *d, size_t i, const char *s) {
  size_t n = strlen(s);
  return mtai_tok_len(d, i) == n && !memcmp(d->text + d->toks[i].start, s, n);
}
