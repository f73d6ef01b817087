/*
 * english-leftover/transliteration: a Cyrillic name in its English
 * transliteration where German press uses another ("Shoigu" for
 * "Schoigu", "Zelensky" for "Selenskyj", "Wostochny" for "Wostotschny").
 * Known pairs come from dict/transliterations.txt; unknown names that look
 * Slavic get the German spelling by pattern (zh->sch, kh->ch, ch->tsch,
 * sh->sch, v->w, ...) -- see mtai_speller_translit() in spell.c.
 */
#include "check.h"

static const struct mta_rule S_rules[] = {
    {"english-leftover/transliteration", MTAI_CAT_ENGLISH_LEFTOVER,
     MTA_SEV_MINOR,
     "English transliteration of a Cyrillic name (\"Shoigu\" for "
     "\"Schoigu\")"},
};

static mta_status S_init(struct mta_auditor *a, void **out) {
  *out = a->speller;
  return MTA_OK;
}

static mta_status S_run(void *state, struct mta_report *r) {
  struct mtai_speller *sp = state;
  const struct mtai_doc *d = &r->doc;
  for (size_t i = 0; sp && i < d->ntok; i++) {
    const struct mtai_token *t = &d->toks[i];
    if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
        (t->flags & MTAI_TF_ALLCAPS))
      continue;
    char german[128];
    if (!mtai_speller_translit(sp, d->text + t->start, t->end - t->start,
                               german, sizeof german))
      continue;
    mta_status st = mtai_finding_add(
        r, &S_rules[0], S_rules[0].severity, t->start, t->end, german,
        "English transliteration '%.*s'; German press writes '%s'",
        (int)(t->end - t->start), d->text + t->start, german);
    if (st)
      return st;
  }
  return MTA_OK;
}

const struct mta_check mtai_check_translit = {
    "transliteration", S_rules, sizeof S_rules / sizeof S_rules[0], S_init,
    S_run, NULL};
