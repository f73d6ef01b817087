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
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "boilerplate/adblock",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary = N_("an ad-blocker or paywall notice"),
     .explanation =
         N_("A paragraph asking the reader to switch off an ad blocker, or a "
            "paywall notice. The scraper copied it from the web page together "
            "with the article, and machine translation rendered it like any "
            "other text. Only short paragraphs count (a phrase such as "
            "'Werbeblocker' in a long paragraph of prose is not chrome); the "
            "finding costs no points, since it describes the scraper, not the "
            "translation. Delete the paragraph."),
     .wrong =
         "Bitte deaktivieren Sie Ihren Ad-Blocker, um unsere Inhalte zu sehen.",
     .right = "(delete the paragraph)"},
    {.id = "boilerplate/subscription",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary =
         N_("a subscription or newsletter offer (\"Jetzt für nur 0,99€ ...\")"),
     .explanation = N_(
         "A subscription, trial or newsletter offer ('Jetzt abonnieren', "
         "'Newsletter abonnieren') or a price with a call to action, left in "
         "the text by the scraper and translated with it. Long paragraphs of "
         "prose that merely mention a newsletter, and offers inside a "
         "quotation, are not reported; the finding costs no points. Delete the "
         "offer."),
     .wrong = "Jetzt für nur 0,99 € im ersten Monat testen",
     .right = "(delete the paragraph)"},
    {.id = "boilerplate/related",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary = N_("a related-article link (\"Siehe auch ...\")"),
     .explanation = N_(
         "A link to another article ('Siehe auch …', 'Lesen Sie auch …', "
         "'Mehr zum Thema …', 'Read also …') that the scraper kept between or "
         "after the paragraphs. It is reported only when the paragraph starts "
         "with such a phrase and has at most 40 words, so prose that happens "
         "to contain 'siehe auch' is left alone; the finding costs no points. "
         "Delete the line."),
     .wrong = "Siehe auch: Was der Besuch für die Ukraine bedeutet",
     .right = "(delete the line)"},
    {.id = "boilerplate/navigation",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary =
         N_("site navigation or an ad label (\"Weiterlesen\", \"Anzeige\")"),
     .explanation = N_(
         "Site navigation, buttons and ad labels ('Weiterlesen', 'Anzeige', "
         "'Startseite'), a short line of links separated by '|', '·' or '›', "
         "or a list of short lines that are no sentences. Words like "
         "'Weiterlesen' or 'Anzeige' count only when they make up the whole "
         "paragraph, not inside a sentence; the finding costs no points. "
         "Delete the line."),
     .wrong = "Weiterlesen",
     .right = "(delete the line)"},
    {.id = "boilerplate/comments",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary = N_("the comment section (\"Kommentare\", \"Leave a Reply\")"),
     .explanation = N_(
         "The heading or form of the comment section ('Kommentare', 'Leave a "
         "Reply', 'Ihre E-Mail-Adresse wird nicht veröffentlicht'), which the "
         "scraper took for article text. Most cues must be the whole "
         "paragraph, so a sentence about readers' comments is not reported; "
         "English forms also get an english-leftover/phrase finding, and this "
         "one costs no points. Delete the comment section."),
     .wrong = "Kommentare",
     .right = "(delete the line)"},
    {.id = "boilerplate/share",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary = N_("share buttons (\"Artikel teilen\")"),
     .explanation = N_(
         "Share buttons and follow prompts ('Artikel teilen', 'Auf Facebook "
         "teilen', 'Folgen Sie uns …') that the scraper copied as text. Only a "
         "paragraph that is, or starts with, such a phrase (at most 40 words) "
         "is reported, so an article about sharing is not; the finding costs "
         "no points. Delete the line."),
     .wrong = "Artikel teilen",
     .right = "(delete the line)"},
    {.id = "boilerplate/cookie",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary = N_("a cookie or privacy notice"),
     .explanation = N_(
         "A cookie or privacy notice from the consent banner of the page "
         "('Diese Website verwendet Cookies', 'Datenschutzerklärung'). It is "
         "reported in short paragraphs only (up to 60 words), not in prose "
         "that discusses cookies, and costs no points. Delete the notice."),
     .wrong = "Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu "
              "bieten.",
     .right = "(delete the paragraph)"},
    {.id = "boilerplate/source",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary = N_(
         "source or republication residue (\"source site\", \"Dieser Artikel "
         "erschien zuerst ...\")"),
     .explanation = N_(
         "Republication and scraper residue: 'Dieser Artikel erschien zuerst "
         "bei …', 'Zum Originalartikel', a bare 'Quelle' or the English "
         "'source site'. It is reported only when the paragraph is, or starts "
         "with, such a phrase, not for a source named inside a sentence; the "
         "finding costs no points. Delete it, or move the source to the "
         "article's metadata."),
     .wrong = "Dieser Artikel erschien zuerst bei The Guardian.",
     .right = "(delete the line, or keep the source in the metadata)"},
    {.id = "boilerplate/metadata",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary = N_("page metadata (a date line, \"Veröffentlicht am\")"),
     .explanation = N_(
         "Page metadata that the scraper put into the text: a publication or "
         "update line ('Veröffentlicht am …', 'Lesezeit 3 Min.'), a date alone "
         "in the first or last three paragraphs, or a 'date 2023-09' prefix "
         "before the headline (then only the prefix is marked and the "
         "headline keeps its kind). A date inside a sentence is not metadata, "
         "and the finding costs no points. Delete the line or the prefix."),
     .wrong = "date 2023-09 Im Panzerzug nach Moskau",
     .right = "Im Panzerzug nach Moskau"},
    {.id = "boilerplate/author",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary = N_("an author box (\"Zu den Autoren ...\")"),
     .explanation =
         N_("An author box of the source page ('Zu den Autoren …', 'Über die "
            "Autorin …', 'E-Mail an den Autor'). A contributor line inside the "
            "article is not reported, and the finding costs no points. Delete "
            "the box or move the byline to the article's metadata."),
     .wrong = "Zu den Autoren: Anna Schmidt ist Korrespondentin in Seoul.",
     .right = "(delete the paragraph)"},
    {.id = "boilerplate/credit",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary = N_("a photo credit (\"© UPI Photo/Imago\", \"Foto: dpa\")"),
     .explanation = N_(
         "A photo credit in the running text: a paragraph that is only a "
         "credit ('Foto: dpa', '© Getty Images'), an agency tag on a line of "
         "its own ('(dpa/afp)'), or the credit closing an image caption. "
         "After the mark ('Foto:', '©', ...) a credit holds names, numbers "
         "and agency words only, so a headline or sentence that merely "
         "begins with such a word ('Foto: So sieht die neue Brücke aus') is "
         "not one. In a caption only the credit is marked; the caption "
         "itself is article text and scored, and the finding costs no "
         "points. Remove the credit from the text and keep it with the "
         "image."),
     .wrong =
         "Kim Jong-un bei seiner Ankunft in Wladiwostok. © UPI Photo/Imago",
     .right = "Kim Jong-un bei seiner Ankunft in Wladiwostok."},
    {.id = "boilerplate/site-name",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary = N_("the site's name at the top of the page"),
     .explanation = N_(
         "A single word alone in one of the first three paragraphs that is "
         "neither a German word nor a known name: the logo text of the site, "
         "which the scraper kept as the first line. A German word or a name "
         "there (a one-word headline) is not reported, nor anything without "
         "dictionaries (--no-spell); the finding costs no points. Delete the "
         "line."),
     .wrong = "Newsflix",
     .right = "(delete the line)"},
    {.id = "boilerplate/reader-address",
     .category = MTAI_CAT_BOILERPLATE,
     .severity = MTA_SEV_MINOR,
     .summary = N_(
         "site chrome that addresses the reader (a tagline, a notice: \"Folgen "
         "Sie ...\", \"Bitte aktualisieren Sie ...\")"),
     .explanation =
         N_("A short paragraph (at most 60 words) in which the site addresses "
            "the reader about the page itself ('Folgen Sie …', 'Bitte "
            "aktualisieren Sie die Seite …', '… in Ihrem Browser', '… unsere "
            "Redaktion'): taglines, donation requests and technical notices. "
            "The address must concern the site, an article, the newsletter, "
            "comments, a subscription, an account, sharing or ads (a cue word "
            "of dict/boilerplate.txt), and the paragraph must stand before the "
            "first or after the last paragraph of prose, or next to other "
            "boilerplate. A speaker's address to the audience ('Ich möchte Sie "
            "bitten, …', 'Stellen Sie sich vor, …'), 'Sie' inside a quotation "
            "or reported after a colon ('Der Landrat bat: Bleiben Sie zu "
            "Hause.') is article text. The finding costs no points. Delete the "
            "paragraph."),
     .wrong = "Bitte aktualisieren Sie Ihren Browser, um diese Seite korrekt "
              "anzuzeigen.",
     .right = "(delete the paragraph)"},
};
#define S_NRULES (sizeof S_rules / sizeof S_rules[0])

/* Short labels for the messages, in the order of S_rules (shown with
 * _()). */
static const char *const S_labels[S_NRULES] = {
    N_("ad-blocker notice"),
    N_("subscription offer"),
    N_("related-article link"),
    N_("site navigation"),
    N_("comment section"),
    N_("share buttons"),
    N_("cookie notice"),
    N_("source residue"),
    N_("page metadata"),
    N_("author box"),
    N_("photo credit"),
    N_("site name"),
    N_("site chrome addressing the reader")};

static size_t S_rule(const char *kind) {
  for (size_t k = 0; k < S_NRULES; k++)
    if (!strcmp(S_rules[k].id + strlen("boilerplate/"), kind))
      return k;
  return S_NRULES;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  (void)cx;
  (void)state;
  const struct mtai_doc *d = r->doc;
  for (size_t pi = 0; pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    const struct mtai_bp *b = mtai_para_bp(d, p);
    size_t k = b ? S_rule(mtai_para_bp_kind(d, p)) : S_NRULES;
    if (k == S_NRULES)
      continue;
    int whole = p->kind == MTAI_PARA_BOILERPLATE;
    mta_status st = mtai_finding_add(
        r, &S_rules[k], S_rules[k].severity, b->start, b->end, NULL,
        whole ? N_("%s, not article text: %s; left out of the article score")
              : N_("%s, not article text: %s; the rest of the paragraph is "
                   "scored"),
        _(S_labels[k]), mtai_para_bp_why(d, p));
    if (st)
      return st;
  }
  return MTA_OK;
}

const struct mta_check mtai_check_boilerplate = {
    "boilerplate", S_rules, S_NRULES, NULL, S_run, NULL};
