/*
 * duplicate/paragraph: a paragraph that repeats an earlier one of the same
 * article, verbatim or nearly (after case, whitespace and punctuation are
 * normalized, or with at least 85 % of the words of each in the other when it
 * has six or more words) -- minor, on the repeat. Scrapers print headlines and
 * teasers twice. The annotation stage (annotate_dup.c) finds the repeats
 * (dup_of, dup_near); this check only reports them. The repeat is left out
 * of the article score (score.c) so that its findings do not count twice.
 */
#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "duplicate/paragraph",
     .category = MTAI_CAT_DUPLICATE,
     .severity = MTA_SEV_MINOR,
     .summary = N_(
         "a paragraph repeated within the article (a headline printed twice)"),
     .explanation = N_(
         /* xgettext:no-c-format ("85 %" is no conversion) */
         "A paragraph that repeats an earlier one of the article verbatim or "
         "nearly (ignoring case, spacing and punctuation, or with 85 % of the "
         "words in common when it has six or more words), typically a "
         "headline or teaser the scraper printed twice. Paragraphs that only "
         "share some words are not reported; the repeat is left out of the "
         "score and the finding costs no points. Delete the repeat."),
     .wrong = "Kim reist im Panzerzug nach Moskau (the headline, printed again "
              "after the first paragraph)",
     .right = "Kim reist im Panzerzug nach Moskau (the headline, once)"},
};

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  (void)cx;
  (void)state;
  const struct mtai_doc *d = r->doc;
  mta_status st = MTA_OK;
  for (size_t pi = 0; !st && pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    if (!p->dup_of)
      continue;
    const struct mtai_paragraph *o = &d->paras[p->dup_of - 1];
    st = mtai_finding_add(
        r, &S_rules[0], S_rules[0].severity, p->start, p->end, NULL,
        p->dup_near ? N_("this paragraph repeats paragraph %zu (line %zu) "
                         "nearly; the repeat is left out of the article score")
                    : N_("this paragraph repeats paragraph %zu (line %zu); "
                         "the repeat is left out of the article score"),
        (size_t)p->dup_of, (size_t)o->line);
  }
  return st;
}

const struct mta_check mtai_check_duplicate = {
    "duplicate", S_rules, sizeof S_rules / sizeof S_rules[0],
    NULL,        S_run,   NULL};
