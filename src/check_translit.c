/*
 * english-leftover/transliteration: a Cyrillic name in its English
 * transliteration where German press uses another ("Shoigu" for
 * "Schoigu", "Zelensky" for "Selenskyj", "Wostochny" for "Wostotschny").
 * Known pairs come from dict/transliterations.txt; unknown names that look
 * Slavic get the German spelling by pattern (zh->sch, kh->ch, ch->tsch,
 * sh->sch, v->w, ...) -- see mtai_speller_translit() in spell_translit.c.
 * Looking Slavic takes a Slavic ending ("-ov", "-enko", "-sky") and none
 * of the letters of Indian, Arabic or German spellings (Sukhbir,
 * Khashoggi, Bestverdienerin are not reported).
 */
#include <stdlib.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "english-leftover/transliteration",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .severity = MTA_SEV_MINOR,
     .summary = N_("English transliteration of a Cyrillic name (\"Shoigu\" for "
                   "\"Schoigu\")"),
     .explanation = N_(
         "A Russian or Ukrainian name in its English transliteration where "
         "German press uses another ('Shoigu' for 'Schoigu', 'Zelensky' for "
         "'Selenskyj'), from dict/transliterations.txt or by pattern (zh, kh, "
         "ch, v in a name with a Slavic ending such as -ov or -enko). Machine "
         "translation copies names from the English source. Not reported: "
         "names whose spelling German shares, Indian, Arabic and other "
         "non-Slavic names (Sukhbir, Khashoggi), German words; use the German "
         "spelling the suggestion gives."),
     .wrong = "Verteidigungsminister Shoigu besuchte die Fabrik.",
     .right = "Verteidigungsminister Schoigu besuchte die Fabrik."},
};

/* "YouGov": an inner capital marks a brand, not a transliteration. */
static int S_camel(const char *w, size_t n) {
  for (size_t i = 1; i < n; i++)
    if (w[i] >= 'A' && w[i] <= 'Z')
      return 1;
  return 0;
}

/* 1 when the next word is a capitalized English word, so that the token
 * is part of an English name ("Kyiv Independent", "Moscow Times"). */
static int S_in_english_name(struct mtai_speller *sp, const struct mtai_doc *d,
                             size_t i) {
  if (i + 1 >= d->ntok || d->toks[i + 1].kind != MTAI_TOK_WORD ||
      !(d->toks[i + 1].flags & MTAI_TF_UPPER))
    return 0;
  return mtai_tok_english_lc(sp, d, i + 1) &&
         mtai_tok_spell(sp, d, i + 1) == MTAI_SPELL_UNKNOWN;
}

/* Per word of the token table: 1 when mtai_speller_translit() found no
 * German form, 2 when it found one, 0 not asked yet. */
struct S_state {
  struct mtai_tokmemo memo;
};

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  (void)cx;
  *out = calloc(1, sizeof(struct S_state));
  return *out ? MTA_OK : MTA_ERR_NOMEM;
}

static void S_destroy(void *state) {
  struct S_state *s = state;
  if (s)
    mtai_tokmemo_free(&s->memo);
  free(s);
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  struct mtai_speller *sp = cx->speller;
  struct S_state *s = state;
  const struct mtai_doc *d = r->doc;
  uint32_t *memo = s ? mtai_tokmemo_get(&s->memo, d) : NULL;
  /* An exonym finding ("Moscow") already gave the German name. */
  unsigned char *covered = calloc(d->ntok / 8 + 1, 1);
  if (!covered)
    return MTA_ERR_NOMEM;
  mtai_findings_mark(r, MTAI_CAT_ENGLISH_LEFTOVER, covered);
  mta_status st = MTA_OK;
  for (size_t i = 0; sp && !st && i < d->ntok; i++) {
    const struct mtai_token *t = &d->toks[i];
    if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
        (t->flags & MTAI_TF_ALLCAPS) || mtai_bit(covered, i))
      continue;
    uint32_t *m = memo ? &memo[d->tid[i]] : NULL;
    if (m && *m == 1)
      continue;
    char german[128];
    if (S_camel(d->text + t->start, t->end - t->start) ||
        S_in_english_name(sp, d, i))
      continue;
    int tr = mtai_speller_translit(sp, d->text + t->start, t->end - t->start,
                                   german, sizeof german);
    if (m)
      *m = tr ? 2 : 1;
    if (!tr)
      continue;
    st = mtai_finding_add(
        r, &S_rules[0], S_rules[0].severity, t->start, t->end, german,
        "English transliteration '%.*s'; German press writes '%s'",
        (int)(t->end - t->start), d->text + t->start, german);
  }
  free(covered);
  return st;
}

const struct mta_check mtai_check_translit = {
    "transliteration",
    S_rules,
    sizeof S_rules / sizeof S_rules[0],
    S_init,
    S_run,
    S_destroy};
