/*
 * boilerplate/KIND: one minor finding per paragraph that classify.c marked
 * as not article text (and per marked span inside a paragraph that stays:
 * a credit at the end of a caption, a metadata prefix before a headline).
 * The message says why; the paragraph is left out of the article score
 * (score.c), and boilerplate findings never cost points: they describe
 * the scraper, not the translation.
 */
#include <string.h>

#include "check.h"

static const struct mta_rule S_rules[] = {
    {"boilerplate/adblock", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "an ad-blocker or paywall notice"},
    {"boilerplate/subscription", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "a subscription or newsletter offer (\"Jetzt für nur 0,99€ ...\")"},
    {"boilerplate/related", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "a related-article link (\"Siehe auch ...\")"},
    {"boilerplate/navigation", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "site navigation or an ad label (\"Weiterlesen\", \"Anzeige\")"},
    {"boilerplate/comments", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "the comment section (\"Kommentare\", \"Leave a Reply\")"},
    {"boilerplate/share", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "share buttons (\"Artikel teilen\")"},
    {"boilerplate/cookie", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "a cookie or privacy notice"},
    {"boilerplate/source", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "source or republication residue (\"source site\", \"Dieser Artikel "
     "erschien zuerst ...\")"},
    {"boilerplate/metadata", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "page metadata (a date line, \"Veröffentlicht am\")"},
    {"boilerplate/author", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "an author box (\"Zu den Autoren ...\")"},
    {"boilerplate/credit", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "a photo credit (\"© UPI Photo/Imago\", \"Foto: dpa\")"},
    {"boilerplate/site-name", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "the site's name at the top of the page"},
    {"boilerplate/reader-address", MTAI_CAT_BOILERPLATE, MTA_SEV_MINOR,
     "site chrome that addresses the reader (a tagline, a notice: \"Folgen "
     "Sie ...\", \"Bitte aktualisieren Sie ...\")"},
};
#define S_NRULES (sizeof S_rules / sizeof S_rules[0])

/* Short labels for the messages, in the order of S_rules. */
static const char *const S_labels[S_NRULES] = {
    "ad-blocker notice",
    "subscription offer",
    "related-article link",
    "site navigation",
    "comment section",
    "share buttons",
    "cookie notice",
    "source residue",
    "page metadata",
    "author box",
    "photo credit",
    "site name",
    "site chrome addressing the reader"};

static size_t S_rule(const char *kind) {
  for (size_t k = 0; k < S_NRULES; k++)
    if (!strcmp(S_rules[k].id + strlen("boilerplate/"), kind))
      return k;
  return S_NRULES;
}

static mta_status S_run(void *state, struct mta_report *r) {
  (void)state;
  const struct mtai_doc *d = &r->doc;
  for (size_t pi = 0; pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    const struct mtai_bp *b = mtai_para_bp(d, p);
    size_t k = b ? S_rule(mtai_para_bp_kind(d, p)) : S_NRULES;
    if (k == S_NRULES)
      continue;
    int whole = p->kind == MTAI_PARA_BOILERPLATE;
    mta_status st = mtai_finding_add(
        r, &S_rules[k], S_rules[k].severity, b->start, b->end, NULL,
        "%s, not article text: %s; %s", S_labels[k], mtai_para_bp_why(d, p),
        whole ? "left out of the article score"
              : "the rest of the paragraph is scored");
    if (st)
      return st;
  }
  return MTA_OK;
}

const struct mta_check mtai_check_boilerplate = {
    "boilerplate", S_rules, S_NRULES, NULL, S_run, NULL};
