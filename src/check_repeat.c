/*
 * word-order/repeated-word: the same word twice in a row ("scharf
 * scharf"), which machine translation produces when it merges two
 * renderings. Not reported for words German legitimately repeats: short
 * function words ("die die" in "Die Frau, die die Zeitung las", "das das",
 * "sie sie", "zu zu"), numbers, and words set apart by punctuation.
 */
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "word-order/repeated-word",
     .category = MTAI_CAT_WORD_ORDER,
     .severity = MTA_SEV_MAJOR,
     .summary = N_("a word repeated (\"scharf scharf\")"),
     .explanation =
         N_("The same word twice in a row ('scharf scharf'), left when machine "
            "translation merges two renderings of one phrase. Words German "
            "legitimately repeats are not reported: articles and relative "
            "pronouns ('die die'), 'das das', 'sie sie', numbers, and words "
            "separated by punctuation. Delete one of them."),
     .wrong = "Die Kritik der Opposition fiel scharf scharf aus.",
     .right = "Die Kritik der Opposition fiel scharf aus."},
};

/* Words German may repeat grammatically: articles and relative pronouns
 * ("die die"), personal pronouns ("ob sie sie sieht"), "zu zu". */
static const char *const S_ok[] = {
    "der", "die",  "das", "den", "dem",  "des",   "sie", "es",
    "er",  "wir",  "ihr", "zu",  "dass", "was",   "wer", "man",
    "mal", "sehr", "so",  "ja",  "nein", "immer", "auch"};

static int S_allowed(const struct mtai_doc *d, size_t i) {
  struct mta_buf low;
  mtai_buf_init(&low, 64);
  int ok = 0;
  if (!mtai_utf8_lower(d->text + d->toks[i].start, mtai_tok_len(d, i), &low))
    for (size_t k = 0; k < sizeof S_ok / sizeof S_ok[0] && !ok; k++)
      ok = mtai_buf_len(&low) == strlen(S_ok[k]) &&
           !memcmp(mtai_buf_str(&low), S_ok[k], mtai_buf_len(&low));
  mtai_buf_free(&low);
  return ok;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  (void)cx;
  (void)state;
  const struct mtai_doc *d = r->doc;
  for (size_t pi = 0; pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    for (size_t i = p->tok_first + 1; i < p->tok_end; i++) {
      const struct mtai_token *a = &d->toks[i - 1], *b = &d->toks[i];
      if (a->kind != MTAI_TOK_WORD || b->kind != MTAI_TOK_WORD ||
          !(b->flags & MTAI_TF_SPACE_BEFORE) ||
          a->end - a->start != b->end - b->start ||
          memcmp(d->text + a->start, d->text + b->start, a->end - a->start) ||
          S_allowed(d, i))
        continue;
      mta_status st = mtai_finding_add(
          r, &S_rules[0], S_rules[0].severity, a->start, b->end, NULL,
          "'%.*s' repeated", (int)(a->end - a->start), d->text + a->start);
      if (st)
        return st;
    }
  }
  return MTA_OK;
}

const struct mta_check mtai_check_repeat = {
    "repeated-word", S_rules, sizeof S_rules / sizeof S_rules[0], NULL,
    S_run,           NULL};
