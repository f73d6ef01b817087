/*
 * english-leftover/honorific: English titles before a name ("Mr. Kim",
 * "Mrs May", "Ms. Lee"), which a German text writes Herr/Frau. "Dr." and
 * "Prof." are German too and are left alone. Without a dot, the title must
 * be followed by a capitalized word to count.
 */
#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "english-leftover/honorific",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .replaces = 1,
     .severity = MTA_SEV_MAJOR,
     .summary = N_(
         "English title (Mr., Mrs., Ms.) before a name instead of Herr/Frau"),
     .explanation = N_(
         "An English title ('Mr.', 'Mrs.', 'Ms.', 'Mr', 'Mrs') before a name. "
         "Machine translation often copies these titles unchanged, but German "
         "news writes 'Herr' or 'Frau' (or drops the title). 'Dr.' and "
         "'Prof.' are German and not reported, and a title without a dot "
         "counts only before a capitalized word. Replace it by Herr/Frau, "
         "'Herrn' in the dative and accusative."),
     .wrong = "Mr. Kim sollte am Donnerstag Waffenfabriken besuchen.",
     .right = "Herr Kim sollte am Donnerstag Waffenfabriken besuchen."},
};

static const struct {
  const char *word;
  const char *german;
  const char *note; /* marked N_(), shown with _() ("" is no note) */
} S_titles[] = {{"Mr", "Herr", N_(" (Herrn in the dative and accusative)")},
                {"Mrs", "Frau", ""},
                {"Ms", "Frau", ""},
                {"Messrs", "Herren", ""}};

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  (void)cx;
  (void)state;
  const struct mtai_doc *d = r->doc;
  for (size_t pi = 0; pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    for (size_t i = p->tok_first; i < p->tok_end; i++) {
      if (d->toks[i].kind != MTAI_TOK_WORD)
        continue;
      for (size_t k = 0; k < sizeof S_titles / sizeof S_titles[0]; k++) {
        if (!mtai_tok_eq(d, i, S_titles[k].word))
          continue;
        size_t j = i + 1, end = d->toks[i].end;
        if (j < p->tok_end && mtai_tok_eq(d, j, ".") &&
            d->toks[j].start == end) {
          end = d->toks[j].end;
          j++;
        }
        if (j >= p->tok_end || d->toks[j].kind != MTAI_TOK_WORD ||
            !(d->toks[j].flags & MTAI_TF_UPPER))
          break;
        mta_status st = mtai_finding_add(
            r, &S_rules[0], S_rules[0].severity, d->toks[i].start, end,
            S_titles[k].german,
            "English title '%.*s' before a name; German uses '%s'%s",
            (int)(end - d->toks[i].start), d->text + d->toks[i].start,
            S_titles[k].german, S_titles[k].note[0] ? _(S_titles[k].note) : "");
        if (st)
          return st;
        break;
      }
    }
  }
  return MTA_OK;
}

const struct mta_check mtai_check_honorific = {
    "honorific", S_rules, sizeof S_rules / sizeof S_rules[0],
    NULL,        S_run,   NULL};
