/*
 * MQM-style scoring. Penalty points per finding: minor 1, major 5,
 * critical 10. A paragraph scores 100 * (1 - penalty / words), clamped to
 * [0, 100]; the article scores the same formula over the sums of penalty
 * and words of its scored paragraphs: text, headings and captions, not
 * boilerplate or a paragraph repeating an earlier one (reported, not
 * scored; their words are counted by reason, the rule that reports them).
 * Findings about the scraping (categories boilerplate and duplicate)
 * cost no points. The --fail-on gate, too, looks at scored findings only.
 * With --score-all (MTA_OPT_SCORE_ALL) everything is scored.
 *
 * An article with fewer scored words than the minimum (30 by default) has
 * no score: a page of site chrome must never pass as 100. It fails every
 * gate that is set, with its reason ("no article text", "too little
 * article text"). Without any gate there is no verdict at all: 'passed'
 * stays 1 for the library's callers, 'gated' 0 tells reports to show none.
 */
#include <limits.h>

#include <stdio.h>

#include "internal.h"
#include "vec.h"

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

/* The rule that reports why paragraph 'pa' is not scored: the
 * boilerplate rule of its mark ("boilerplate/navigation"), "boilerplate"
 * when there is no such rule, or "duplicate/paragraph" for a repeat. A
 * static string (the registry's). */
static const char *S_unscored_kind(const struct mtai_doc *d,
                                   const struct mtai_paragraph *pa) {
  char id[64];
  if (pa->kind == MTAI_PARA_BOILERPLATE)
    snprintf(id, sizeof id, "boilerplate/%s", mtai_para_bp_kind(d, pa));
  else
    snprintf(id, sizeof id, "duplicate/paragraph");
  mta_rule_info ri;
  size_t i = mta_rule_find(id);
  if (i != (size_t)-1 && mta_rule_get(i, &ri) == MTA_OK)
    return ri.id;
  return pa->kind == MTAI_PARA_BOILERPLATE ? "boilerplate" : "duplicate";
}

/* Adds 'words' words left out of the score for 'kind' to 'r'. */
static mta_status S_add_unscored(struct mta_report *r, const char *kind,
                                 size_t words) {
  r->unscored += words;
  for (size_t k = 0; k < r->nunsc; k++)
    if (r->unsc[k].kind == kind) {
      r->unsc[k].words += words;
      return MTA_OK;
    }
  mta_status st = mtai_vec_reserve(r->unsc, r->capunsc, r->nunsc + 1);
  if (st)
    return st;
  r->unsc[r->nunsc].kind = kind;
  r->unsc[r->nunsc].words = words;
  r->nunsc++;
  return MTA_OK;
}

mta_status mtai_score_report(struct mta_report *r, const struct mtai_gate *g) {
  struct mtai_doc *d = &r->doc;
  int score_all = g->score_all;
  mta_severity fail_on = g->fail_on;
  int gate_on_severity = g->on_severity;
  r->gate = *g;
  if (r->gate.min_words < 1)
    r->gate.min_words = 1;
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
  r->unscored = 0;
  r->nunsc = 0;
  for (size_t p = 0; p < d->npara; p++) {
    struct mtai_paragraph *pa = &d->paras[p];
    pa->score = mtai_score(pa->penalty, pa->words);
    if (!pa->scored) {
      mta_status st = pa->words
                          ? S_add_unscored(r, S_unscored_kind(d, pa), pa->words)
                          : MTA_OK;
      if (st)
        return st;
      continue;
    }
    r->words += pa->words;
    r->penalty = S_add(r->penalty, pa->penalty);
  }
  r->scored = r->words >= r->gate.min_words;
  r->score = r->scored ? mtai_score(r->penalty, r->words) : 0.0;
  r->gated = g->fail_under > 0 || gate_on_severity || g->on_unscored;
  /* The gate compares the score as reports show it (one decimal), so that
   * an article shown as 97.9 passes --fail-under 97.9. */
  double shown = (double)(long)(r->score * 10.0 + 0.5) / 10.0;
  size_t all = r->words + r->unscored;
  double share = all ? 100.0 * (double)r->unscored / (double)all : 0.0;
  if (!r->scored)
    r->reason = r->words ? MTA_REASON_TOO_LITTLE_TEXT : MTA_REASON_NO_TEXT;
  else if (g->fail_under > 0 && shown < g->fail_under)
    r->reason = MTA_REASON_SCORE;
  else if (gate_sev)
    r->reason = MTA_REASON_SEVERITY;
  else if (g->on_unscored && share > g->fail_unscored)
    r->reason = MTA_REASON_UNSCORED;
  else
    r->reason = MTA_REASON_NONE;
  r->passed = !r->gated || r->reason == MTA_REASON_NONE;
  return MTA_OK;
}
