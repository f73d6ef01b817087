/*
 * MQM-style scoring. Penalty points per finding: minor 1, major 5,
 * critical 10. A paragraph scores 100 * (1 - penalty / words), clamped to
 * [0, 100]; the article scores the same formula over the sums of penalty
 * and words of its scored paragraphs: text, headings and captions, not
 * boilerplate or a paragraph repeating an earlier one (reported, not
 * scored). Findings about the scraping (categories boilerplate and duplicate)
 * cost no points. The --fail-on gate, too, looks at scored findings only. With
 * --score-all (MTA_OPT_SCORE_ALL) everything is scored.
 */
#include <limits.h>

#include "internal.h"

unsigned mtai_severity_penalty(mta_severity sev) {
  switch (sev) {
  case MTA_SEV_MINOR:
    return 1;
  case MTA_SEV_MAJOR:
    return 5;
  case MTA_SEV_CRITICAL:
    return 10;
  }
  return 0;
}

/* a + b, saturating: a 64 MiB document of findings must not wrap. */
static unsigned S_add(unsigned a, unsigned b) {
  return a > UINT_MAX - b ? UINT_MAX : a + b;
}

double mtai_score(unsigned penalty, size_t words) {
  if (words == 0)
    return penalty ? 0.0 : 100.0;
  double s = 100.0 * (1.0 - (double)penalty / (double)words);
  return s < 0.0 ? 0.0 : s;
}

void mtai_score_report(struct mta_report *r, double fail_under,
                       int gate_on_severity, mta_severity fail_on,
                       int score_all) {
  struct mtai_doc *d = &r->doc;
  for (size_t p = 0; p < d->npara; p++) {
    struct mtai_paragraph *pa = &d->paras[p];
    pa->penalty = 0;
    pa->scored =
        score_all || (pa->kind != MTAI_PARA_BOILERPLATE && !pa->dup_of);
  }
  int gate_sev = 0;
  for (size_t i = 0; i < r->nfind; i++) {
    const struct mta_finding *f = &r->findings[i];
    int scraper = mtai_category_scraper(f->rule->category);
    if (f->para < d->npara && (score_all || !scraper))
      d->paras[f->para].penalty =
          S_add(d->paras[f->para].penalty, mtai_severity_penalty(f->severity));
    /* Like the score, the gate looks at scored text only. */
    if (gate_on_severity && f->severity >= fail_on && (score_all || !scraper) &&
        !(f->para < d->npara && !d->paras[f->para].scored))
      gate_sev = 1;
  }
  /* Findings past the cap (not kept, see mtai_finding_add) count alike. */
  for (size_t p = 0; p < d->npara; p++) {
    struct mtai_paragraph *pa = &d->paras[p];
    for (int k = 0; k < 2; k++) {
      if (k && !score_all)
        continue;
      pa->penalty = S_add(pa->penalty, pa->drop_penalty[k]);
      if (gate_on_severity && pa->scored && pa->drop_sev[k] &&
          (mta_severity)(pa->drop_sev[k] - 1) >= fail_on)
        gate_sev = 1;
    }
  }
  r->words = 0;
  r->penalty = 0;
  for (size_t p = 0; p < d->npara; p++) {
    struct mtai_paragraph *pa = &d->paras[p];
    pa->score = mtai_score(pa->penalty, pa->words);
    if (!pa->scored)
      continue;
    r->words += pa->words;
    r->penalty = S_add(r->penalty, pa->penalty);
  }
  r->score = mtai_score(r->penalty, r->words);
  /* The gate compares the score as reports show it (one decimal), so that
   * an article shown as 97.9 passes --fail-under 97.9. */
  double shown = (double)(long)(r->score * 10.0 + 0.5) / 10.0;
  r->passed = !gate_sev && !(fail_under > 0 && shown < fail_under);
}
