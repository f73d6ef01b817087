/*
 * compound/split: two nouns written apart that German writes as one word
 * ("seinen Waffen Programme" -> "Waffenprogramme", "Sicherheit Politik"
 * -> "Sicherheitspolitik"). Both words must be nouns of the lexicon, not
 * names, and the joined form -- directly, or with a linking -s-, -n- or
 * -en- -- must be a noun of the lexicon itself (the Ding dictionary lists
 * established compounds; Hunspell's compounding and our splitter would
 * accept almost any pair, "Milliardeneuro", "Tonnenmais").
 * Appositions and double objects ("die Stadt Berlin", "nannte die Partei
 * Verräter") are the risk; a name as either word, a second word that
 * starts a name (followed by another capitalized word), and a pair across
 * punctuation are not reported.
 */
#include <string.h>

#include "check.h"

static const struct mta_rule S_rules[] = {
    {.id = "compound/split",
     .category = MTAI_CAT_COMPOUND,
     .severity = MTA_SEV_MAJOR,
     .summary = "a compound written as two words (\"Waffen Programme\")",
     .explanation =
         "Two nouns written apart that German writes as one word ('Sicherheit "
         "Politik' for 'Sicherheitspolitik'), with a linking -s-, -n- or -en- "
         "where needed. English writes such compounds as separate words and "
         "machine translation sometimes keeps them apart. Names and "
         "appositions ('die Stadt Berlin') are not reported, nor pairs across "
         "punctuation; write the suggested compound.",
     .wrong = "Die Regierung plant eine neue Sicherheit Politik für Europa.",
     .right = "Die Regierung plant eine neue Sicherheitspolitik für Europa."},
};

static int S_noun(const struct mtai_check_ctx *s, const struct mtai_doc *d,
                  size_t i) {
  const struct mtai_token *t = &d->toks[i];
  if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
      (t->flags & (MTAI_TF_ALLCAPS | MTAI_TF_HYPHEN)))
    return 0;
  const char *w = d->text + t->start;
  size_t n = t->end - t->start;
  if (mtai_speller_is_name(s->speller, w, n) ||
      mtai_speller_check(s->speller, w, n) != MTAI_SPELL_KNOWN)
    return 0;
  return (mtai_lexicon_classes(s->lexicon, w, n) & MTAI_LEX_NOUN) != 0;
}

/* 1 when noun 'i' ends a complete dative plural phrase without article:
 * preposition, adjective in -en, plural noun in -n ("mit bloßen Augen",
 * "mit offenen Armen"); the next noun starts a new phrase ("mit bloßen
 * Augen Sterne sehen"). */
static int S_dative_plural(const struct mtai_check_ctx *s, struct mtai_doc *d,
                           const struct mtai_sentence *sn, size_t i) {
  if (i < sn->tok_first + 2 || d->text[d->toks[i].end - 1] != 'n')
    return 0;
  const struct mtai_token *adj = &d->toks[i - 1];
  size_t an = adj->end - adj->start;
  if (adj->kind != MTAI_TOK_WORD || (adj->flags & MTAI_TF_UPPER) || an < 4 ||
      memcmp(d->text + adj->end - 2, "en", 2) ||
      !(mtai_tok_classes(s->lexicon, d, i - 1, 0) & MTAI_LEX_ADJ) ||
      d->toks[i - 2].kind != MTAI_TOK_WORD)
    return 0;
  unsigned pc = mtai_tok_classes(s->lexicon, d, i - 2, 1);
  return (pc & MTAI_LEX_PREP) && !(pc & MTAI_LEX_DET);
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  const struct mtai_check_ctx *s = cx;
  (void)state;
  struct mtai_doc *d = r->doc;
  if (!s->speller || !s->lexicon)
    return MTA_OK;
  for (size_t si = 0; si < d->nsent; si++) {
    const struct mtai_sentence *sn = &d->sents[si];
    if (d->paras[sn->para].kind == MTAI_PARA_BOILERPLATE)
      continue; /* site chrome: not translated prose */
    for (size_t i = sn->tok_first + 1; i < sn->tok_end; i++) {
      const struct mtai_token *a = &d->toks[i - 1], *b = &d->toks[i];
      if (!(b->flags & MTAI_TF_SPACE_BEFORE) || !S_noun(s, d, i - 1) ||
          !S_noun(s, d, i))
        continue;
      if (i + 1 < sn->tok_end && d->toks[i + 1].kind == MTAI_TOK_WORD &&
          (d->toks[i + 1].flags & MTAI_TF_UPPER))
        continue;
      if (S_dative_plural(s, d, sn, i - 1))
        continue;
      /* Joined: A + link + b (lower-cased). */
      struct mta_buf low;
      mtai_buf_init(&low, 256);
      if (mtai_utf8_lower(d->text + b->start, b->end - b->start, &low)) {
        mtai_buf_free(&low);
        continue;
      }
      static const char *const links[] = {"", "s", "n", "en"};
      char joined[256];
      int found = 0;
      for (size_t k = 0; k < 4 && !found; k++) {
        size_t an = a->end - a->start, ll = strlen(links[k]);
        if (an + ll + mtai_buf_len(&low) >= sizeof joined)
          break;
        memcpy(joined, d->text + a->start, an);
        memcpy(joined + an, links[k], ll);
        memcpy(joined + an + ll, mtai_buf_str(&low), mtai_buf_len(&low));
        size_t jn = an + ll + mtai_buf_len(&low);
        joined[jn] = '\0';
        /* In the lexicon as a noun of its own: Hunspell's compounding
         * would accept "Milliardeneuro" or "Tonnenmais". */
        found = mtai_lexicon_noun_form(s->lexicon, joined, jn);
      }
      mtai_buf_free(&low);
      if (!found)
        continue;
      mta_status st = mtai_finding_add(
          r, &S_rules[0], S_rules[0].severity, a->start, b->end, joined,
          "'%.*s' is one word in German: '%s'", (int)(b->end - a->start),
          d->text + a->start, joined);
      if (st)
        return st;
    }
  }
  return MTA_OK;
}

const struct mta_check mtai_check_compound = {
    "compound", S_rules, sizeof S_rules / sizeof S_rules[0], NULL, S_run, NULL};
