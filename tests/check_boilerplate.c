/*
 * Article structure: paragraph kinds (src/classify.c), boilerplate
 * findings (src/check_boilerplate.c), duplicate/paragraph
 * (src/check_duplicate.c) and the score leaving them out (src/score.c).
 *
 * The corpus test reads tests/data/boilerplate/ (written while the
 * classifier was built) and tests/data/boilerplate-heldout/ (written
 * afterwards by someone who had not seen dict/boilerplate.txt): every paragraph
 * of boilerplate.txt must be marked as boilerplate when it stands at the top
 * and at the bottom of an article (target >= 90 %), and no paragraph of
 * article.txt may be marked at the top, in the middle or at the bottom
 * (target: at most one).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

static const char *S_root(void) {
  const char *r = getenv("MTAUDIT_TEST_ROOT");
  return r && *r ? r : ".";
}

/* Two paragraphs of plain article prose around the test paragraph. */
static const char *const S_prose[2] = {
    "Die Bundesregierung hat sich nach langen Verhandlungen auf einen "
    "Haushalt für das kommende Jahr geeinigt. Nach Angaben des "
    "Finanzministeriums sollen die Ausgaben leicht steigen, während die "
    "Investitionen in Schienen und Brücken deutlich erhöht werden.",
    "Die Opposition kritisierte den Entwurf als unsolide. Der Bundestag soll "
    "den Haushalt im Dezember beschließen, nachdem die Ausschüsse ihn in "
    "den kommenden Wochen beraten haben."};

/* Kind of the paragraph that starts with 'para' in the audit of 'doc'. */
static enum mtai_para_kind S_kind_of(const char *doc, const char *para) {
  mta_report *r = test_audit(doc);
  const char *at = strstr(doc, para);
  while (at && (*at == ' ' || *at == '\t'))
    at++; /* paragraphs start at their first non-blank */
  enum mtai_para_kind k = MTAI_PARA_TEXT;
  for (size_t i = 0; at && i < r->doc.npara; i++)
    if (r->doc.paras[i].start <= (size_t)(at - doc) &&
        (size_t)(at - doc) < r->doc.paras[i].end + 1)
      k = r->doc.paras[i].kind;
  mta_report_free(r);
  return k;
}

/* Kind of paragraph 'para' at position 0 (top), 1 (middle), 2 (bottom). */
static enum mtai_para_kind S_kind_at(const char *para, int pos) {
  size_t n = strlen(para) + strlen(S_prose[0]) + strlen(S_prose[1]) + 16;
  char *doc = malloc(n);
  ck_assert_ptr_nonnull(doc);
  if (pos == 0)
    snprintf(doc, n, "%s\n\n%s\n\n%s\n", para, S_prose[0], S_prose[1]);
  else if (pos == 1)
    snprintf(doc, n, "%s\n\n%s\n\n%s\n", S_prose[0], para, S_prose[1]);
  else
    snprintf(doc, n, "%s\n\n%s\n\n%s\n", S_prose[0], S_prose[1], para);
  enum mtai_para_kind k = S_kind_of(doc, para);
  free(doc);
  return k;
}

/* Calls 'fn' for every paragraph of corpus file 'name'. */
static size_t S_each(const char *name, void (*fn)(const char *, void *),
                     void *arg) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/data/%s", S_root(), name);
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  static char para[65536];
  size_t len = 0, count = 0;
  char line[8192];
  for (int eof = 0; !eof;) {
    eof = !fgets(line, sizeof line, f);
    if (!eof && line[0] == '#')
      continue;
    if (eof || line[0] == '\n') {
      if (len) {
        while (len && para[len - 1] == '\n')
          len--;
        para[len] = '\0';
        fn(para, arg);
        count++;
        len = 0;
      }
      continue;
    }
    size_t n = strlen(line);
    ck_assert(len + n < sizeof para);
    memcpy(para + len, line, n);
    len += n;
  }
  fclose(f);
  return count;
}

static void S_boiler(const char *para, void *arg) {
  size_t *found = arg;
  /* A caption closed by a credit is marked by its credit finding. */
  enum mtai_para_kind kt = S_kind_at(para, 0), kb = S_kind_at(para, 2);
  int top = kt == MTAI_PARA_BOILERPLATE || kt == MTAI_PARA_CAPTION;
  int bottom = kb == MTAI_PARA_BOILERPLATE || kb == MTAI_PARA_CAPTION;
  if (top && bottom)
    (*found)++;
  else
    printf("  boilerplate missed (%s%s): %.100s\n", top ? "" : "top ",
           bottom ? "" : "bottom", para);
}

static const char *const S_sets[] = {"boilerplate", "boilerplate-heldout"};

START_TEST(boilerplate_found) {
  size_t found = 0;
  char name[64];
  snprintf(name, sizeof name, "%s/boilerplate.txt", S_sets[_i]);
  size_t n = S_each(name, S_boiler, &found);
  double pct = 100.0 * (double)found / (double)n;
  printf("quality: %s: %zu of %zu paragraphs marked at top and "
         "bottom (%.1f %%, target >= 90)\n",
         S_sets[_i], found, n, pct);
  fflush(stdout);
  ck_assert_uint_ge(n, 30);
  ck_assert_msg(pct >= 90.0, "only %.1f %% of boilerplate found", pct);
}
END_TEST

static void S_article(const char *para, void *arg) {
  size_t *marked = arg;
  const char *pos[3] = {"top", "middle", "bottom"};
  for (int p = 0; p < 3; p++)
    if (S_kind_at(para, p) == MTAI_PARA_BOILERPLATE) {
      printf("  article paragraph marked (%s): %.100s\n", pos[p], para);
      (*marked)++;
      return;
    }
}

START_TEST(article_kept) {
  size_t marked = 0;
  char name[64];
  snprintf(name, sizeof name, "%s/article.txt", S_sets[_i]);
  size_t n = S_each(name, S_article, &marked);
  printf("quality: %s: %zu of %zu article paragraphs marked "
         "(target <= 1)\n",
         S_sets[_i], marked, n);
  fflush(stdout);
  ck_assert_uint_ge(n, 30);
  ck_assert_uint_le(marked, 1);
}
END_TEST

/* Kinds and findings on small documents. */
START_TEST(kinds) {
  ck_assert_int_eq(S_kind_at("Bringt Kim alte Waffen für den Krieg mit?", 0),
                   MTAI_PARA_HEADING);
  ck_assert_int_eq(S_kind_at("Kim steigt in den Zug. © UPI Photo/Imago", 1),
                   MTAI_PARA_CAPTION);
  ck_assert_int_eq(S_kind_at("Kommentare", 2), MTAI_PARA_BOILERPLATE);
  ck_assert_int_eq(S_kind_at("Siehe auch  Was die Wahl bedeutet", 1),
                   MTAI_PARA_BOILERPLATE);
  ck_assert_int_eq(S_kind_at("September 28, 2024", 0), MTAI_PARA_BOILERPLATE);
  /* A formal imperative outside the edges and away from chrome is prose
   * (a quoted one anyway). */
  ck_assert_int_eq(
      S_kind_at("Der Landrat bat: Bleiben Sie zu Hause, wenn es geht.", 1),
      MTAI_PARA_TEXT);
  ck_assert_int_eq(
      S_kind_at("Folgen Sie uns auf allen Kanälen, entdecken Sie mehr.", 0),
      MTAI_PARA_BOILERPLATE);
  /* "copyright" needs a word boundary. */
  ck_assert_int_eq(S_kind_at("Copyright-Verletzungen nehmen im Netz zu, sagen "
                             "die Verbände.",
                             1),
                   MTAI_PARA_TEXT);
}
END_TEST

/* Issue 14: prose is never hidden as boilerplate. Reader address is
 * chrome only when it is about the page (a cue word), not quoted, not a
 * speaker's "ich"; a headline that begins with a credit word is no
 * credit; a label phrase followed by a sentence is prose. Each group has
 * the chrome that must still be found next to it. */
START_TEST(prose_not_chrome) {
  /* "Sie" inside a quotation, at the edges (cue words outside it too). */
  const char *quoted = "\xE2\x80\x9E"
                       "Bitte aktualisieren Sie Ihren "
                       "Browser, dann klappt es wieder\xE2\x80\x9C, sagte "
                       "der Techniker der Redaktion.";
  ck_assert_int_eq(S_kind_at(quoted, 0), MTAI_PARA_TEXT);
  ck_assert_int_eq(S_kind_at(quoted, 2), MTAI_PARA_TEXT);
  ck_assert_int_eq(S_kind_at("Der Arzt sagte, Sie m\xC3\xBCssten sich keine "
                             "Sorgen machen, die Werte seien gut.",
                             0),
                   MTAI_PARA_TEXT);
  /* A speaker addressing the audience, alone as a document (a talk
   * segment: every paragraph is at an edge) and at the edges. */
  static const char *const talk[] = {
      "Ich m\xC3\xB6"
      "chte Sie alle bitten, einen Moment dar\xC3\xBC"
      "ber nachzudenken, wie viel von dem, was wir wissen, aus B\xC3\xBC"
      "chern stammt.\n",
      "Stellen Sie sich eine Stadt vor, in der kein Auto mehr f\xC3\xA4hrt "
      "und die Kinder auf der Stra\xC3\x9F"
      "e spielen.\n",
      "Achten Sie einmal darauf, wie die Wellen an der K\xC3\xBCste "
      "brechen.\n",
      "Ich zeige Ihnen jetzt, wie stark die Gletscher in drei\xC3\x9Fig "
      "Jahren geschrumpft sind, und was das f\xC3\xBCr unsere Seite des "
      "Tals bedeutet.\n",
      "Danke. Ich danke Ihnen sehr.\n"};
  for (size_t k = 0; k < sizeof talk / sizeof talk[0]; k++) {
    ck_assert_msg(S_kind_of(talk[k], talk[k]) == MTAI_PARA_TEXT, "%s", talk[k]);
    ck_assert_msg(S_kind_at(talk[k], 0) == MTAI_PARA_TEXT, "%s", talk[k]);
  }
  /* Service journalism addresses the reader about subscriptions and
   * cookies too: a headline with "Sie", a lead that asks no action. */
  ck_assert_int_eq(S_kind_at("So k\xC3\xBCndigen Sie Ihr Abo richtig", 0),
                   MTAI_PARA_HEADING);
  ck_assert_int_eq(S_kind_at("Was Sie jetzt \xC3\xBC"
                             "ber Cookies wissen m\xC3\xBCssen",
                             0),
                   MTAI_PARA_HEADING);
  ck_assert_int_eq(S_kind_at("Sie wollen Ihr Abo k\xC3\xBCndigen? Dann sollten "
                             "Sie einige Fristen beachten, denn viele Verlage "
                             "machen es ihren Lesern nicht leicht.",
                             0),
                   MTAI_PARA_TEXT);
  /* Hard-wrapped prose is no list of short lines, a wrapped caption is
   * a caption; a price in a news sentence is no offer. */
  ck_assert_int_eq(
      S_kind_at("Die Regierung hat sich nach langen Verhandlungen auf\n"
                "einen Haushalt geeinigt. Nach Angaben des Ministeriums\n"
                "sollen die Ausgaben leicht steigen, die Investitionen\n"
                "in Schienen und Br\xC3\xBC"
                "cken aber deutlich erh\xC3\xB6ht\n"
                "werden, wie ein Sprecher am Montag mitteilte.",
                0),
      MTAI_PARA_TEXT);
  ck_assert_int_eq(S_kind_at("Moskau bietet dem Norden wenig Hilfe an:\n"
                             "Nordkorea importierte in diesem Jahr nur\n"
                             "5.380 Tonnen Mais aus Russland, so\n"
                             "s\xC3\xBC"
                             "dkoreanische Regierungs\xC3\xB6konomen.",
                             2),
                   MTAI_PARA_TEXT);
  ck_assert_int_eq(S_kind_at("Der Kanzler steigt am Montag in Berlin\n"
                             "in den Regierungsflieger nach Kiew, wo er\n"
                             "den Pr\xC3\xA4sidenten treffen will. \xC2\xA9 "
                             "Kai\nWinter/dpa",
                             1),
                   MTAI_PARA_CAPTION);
  ck_assert_int_eq(S_kind_at("Das Deutschlandticket kostet k\xC3\xBCnftig 63 "
                             "Euro im Monat und bleibt monatlich "
                             "k\xC3\xBCndbar, wie die Verkehrsminister der "
                             "L\xC3\xA4nder am Montag beschlossen.",
                             0),
                   MTAI_PARA_TEXT);
  /* Headlines and sentences that begin like a credit. */
  ck_assert_int_eq(S_kind_at("Foto: So sieht die neue Rheinbr\xC3\xBC"
                             "cke aus",
                             0),
                   MTAI_PARA_HEADING);
  ck_assert_int_eq(
      S_kind_at("Getty Images verklagt einen KI-Hersteller wegen Bildrechten",
                0),
      MTAI_PARA_HEADING);
  ck_assert_int_eq(
      S_kind_at("Bild: Wie der Kanzler die Wahl noch gewinnen will", 2),
      MTAI_PARA_HEADING);
  ck_assert_int_eq(S_kind_at("Der Minister zeigte den Journalisten ein Foto: "
                             "Es war unscharf und zeigte nur Umrisse.",
                             1),
                   MTAI_PARA_TEXT);
  ck_assert_int_ne(S_kind_at("(Beifall)", 1), MTAI_PARA_BOILERPLATE);
  /* A label phrase that goes on as a sentence; a chrome phrase inside
   * narrative prose. */
  ck_assert_int_eq(S_kind_at("Auch interessant ist, dass die Preise im "
                             "Winter st\xC3\xA4rker stiegen als erwartet.",
                             0),
                   MTAI_PARA_TEXT);
  ck_assert_int_eq(
      S_kind_at("Mehr zum Thema sagte der Minister am Montag nichts.", 2),
      MTAI_PARA_TEXT);
  ck_assert_int_eq(S_kind_at("Die Zeitung bietet einen Teil ihrer Texte nur "
                             "f\xC3\xBCr Abonnenten an, wie der Verlag am "
                             "Montag in Hamburg mitteilte.",
                             0),
                   MTAI_PARA_TEXT);
  ck_assert_int_eq(S_kind_at("Das Ergebnis gef\xC3\xA4llt mir nicht, sagte "
                             "die Trainerin.",
                             2),
                   MTAI_PARA_TEXT);
}
END_TEST

START_TEST(chrome_still_found) {
  /* Reader address about the page, at the edges. */
  static const char *const addr[] = {
      "Bitte aktualisieren Sie die Seite, um weiterzulesen.",
      "Schreiben Sie uns Ihre Meinung: Die Redaktion freut sich auf Ihre "
      "Zuschriften.",
      "Laden Sie unsere App herunter und verpassen Sie keine Eilmeldung.",
      "Sie sind bereits registriert? Melden Sie sich mit Ihrem "
      "Passwort an."};
  for (size_t k = 0; k < sizeof addr / sizeof addr[0]; k++) {
    ck_assert_msg(S_kind_at(addr[k], 0) == MTAI_PARA_BOILERPLATE, "%s",
                  addr[k]);
    ck_assert_msg(S_kind_at(addr[k], 2) == MTAI_PARA_BOILERPLATE, "%s",
                  addr[k]);
  }
  /* A tagline addresses by a possessive alone. */
  ck_assert_int_eq(
      S_kind_at("Weserblick \xE2\x80\x93 Ihre Nachrichten aus dem Norden", 0),
      MTAI_PARA_BOILERPLATE);
  mta_report *r = test_audit("Bitte deaktivieren Sie Ihren Browser-Filter "
                             "f\xC3\xBCr unsere Website.\n\n");
  ck_assert_uint_eq(test_count_rule(r, "boilerplate/reader-address"), 1);
  mta_report_free(r);
  /* Credits in credit shape, a caption's credit, an agency tag. */
  ck_assert_int_eq(S_kind_at("Foto: Karl Berger/dpa", 0),
                   MTAI_PARA_BOILERPLATE);
  ck_assert_int_eq(S_kind_at("Bild: privat", 2), MTAI_PARA_BOILERPLATE);
  ck_assert_int_eq(S_kind_at("\xC2\xA9 picture alliance / AP | Kai Winter", 1),
                   MTAI_PARA_BOILERPLATE);
  ck_assert_int_eq(
      S_kind_at("Der Minister am Montag in Berlin. (Foto: dpa)", 1),
      MTAI_PARA_CAPTION);
  ck_assert_int_eq(S_kind_at("(dpa/lno)", 1), MTAI_PARA_BOILERPLATE);
  ck_assert_int_eq(S_kind_at("Teilen\nTwittern\nE-Mail\nDrucken", 2),
                   MTAI_PARA_BOILERPLATE);
  ck_assert_int_eq(S_kind_at("Digital-Abo: 4,99 \xE2\x82\xAC im Monat, "
                             "jederzeit k\xC3\xBCndbar",
                             2),
                   MTAI_PARA_BOILERPLATE);
  /* Labels and chrome phrases. */
  ck_assert_int_eq(S_kind_at("Auch interessant: Wie die Preise steigen", 1),
                   MTAI_PARA_BOILERPLATE);
  ck_assert_int_eq(S_kind_at("Lesezeit 4 Min.", 0), MTAI_PARA_BOILERPLATE);
  ck_assert_int_eq(
      S_kind_at("Dieser Text ist nur f\xC3\xBCr Abonnenten verf\xC3\xBC"
                "gbar.",
                1),
      MTAI_PARA_BOILERPLATE);
  ck_assert_int_eq(S_kind_at("Gef\xC3\xA4llt mir", 2), MTAI_PARA_BOILERPLATE);
}
END_TEST

START_TEST(findings_and_score) {
  const char *doc =
      " date 2023-09 Im Zug zu Putin\n\n"
      "Die Bundesregierung hat sich auf einen Haushalt geeinigt. Die "
      "Ausgaben steigen leicht.\n\n"
      "Siehe auch  Was die Wahl bedeutet\n\n"
      "Die Bundesregierung hat sich auf einen Haushalt geeinigt. Die "
      "Ausgaben steigen leicht.\n\n"
      "Leave a Reply\n";
  mta_report *r = test_audit(doc);
  ck_assert_uint_eq(test_count_rule(r, "boilerplate/metadata"), 1);
  ck_assert_uint_eq(test_count_rule(r, "boilerplate/related"), 1);
  ck_assert_uint_eq(test_count_rule(r, "boilerplate/comments"), 1);
  ck_assert_uint_eq(test_count_rule(r, "duplicate/paragraph"), 1);
  /* English chrome is still an English leftover. */
  ck_assert_uint_eq(test_count_rule(r, "english-leftover/phrase"), 1);
  /* The metadata span is " date 2023-09" without the headline. */
  mta_finding_info fi;
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    mta_report_finding(r, i, &fi);
    if (!strcmp(fi.rule, "boilerplate/metadata"))
      ck_assert_uint_eq(fi.end - fi.start, strlen("date 2023-09"));
  }
  /* Scored: the headline and the first text paragraph only (6 + 13 words);
   * their only findings cost nothing, so the article scores 100. */
  ck_assert_uint_eq(r->doc.paras[3].dup_of, 2);
  ck_assert(!r->doc.paras[2].scored && !r->doc.paras[3].scored &&
            !r->doc.paras[4].scored);
  ck_assert(r->doc.paras[0].scored && r->doc.paras[1].scored);
  ck_assert_uint_eq(mta_report_words(r),
                    r->doc.paras[0].words + r->doc.paras[1].words);
  mta_report_free(r);
}
END_TEST

START_TEST(near_duplicate) {
  const char *doc = "Die Regierung hat am Montag in Berlin neue Pläne für "
                    "die Rente vorgestellt.\n\n"
                    "Die Opposition ist dagegen.\n\n"
                    "Die Regierung hat am Montag in Berlin neue Pläne für "
                    "die Rente vorgestellt, hieß es.\n\n"
                    "Die Koalition hat am Dienstag in Bonn alte Pläne für "
                    "die Pflege verworfen.\n";
  mta_report *r = test_audit(doc);
  ck_assert_uint_eq(test_count_rule(r, "duplicate/paragraph"), 1);
  ck_assert_uint_eq(r->doc.paras[2].dup_of, 1);
  ck_assert_uint_eq(r->doc.paras[3].dup_of, 0);
  mta_report_free(r);
}
END_TEST

/* Message of the first finding of 'rule' in 'r' ("" when none). */
static const char *S_message(const mta_report *r, const char *rule) {
  mta_finding_info fi;
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    mta_report_finding(r, i, &fi);
    if (!strcmp(fi.rule, rule))
      return fi.message;
  }
  return "";
}

/* Exact repeats are found at any distance and whatever the case; near
 * repeats within the window of 200 paragraphs; the message says which. */
START_TEST(duplicate_distance_and_case) {
  const char *a = "Die Regierung hat am Montag in Berlin neue Pl\xC3\xA4ne "
                  "f\xC3\xBCr die Rente vorgestellt.";
  struct mta_buf t;
  mtai_buf_init(&t, 0);
  mtai_buf_puts(&t, a);
  for (size_t i = 1; i < 250; i++)
    mtai_buf_printf(&t, "\n\nAbsatz %zu ist kurz.", i);
  mtai_buf_puts(&t, "\n\nDIE REGIERUNG hat am Montag in Berlin neue "
                    "PL\xC3\x84NE f\xC3\xBCr die Rente vorgestellt.");
  mtai_buf_puts(&t, "\n\nDie Regierung hat am Montag in Berlin neue "
                    "Pl\xC3\xA4ne f\xC3\xBCr die Rente vorgestellt, "
                    "hie\xC3\x9F es.\n");
  mta_report *r = test_audit(mtai_buf_str(&t));
  mtai_buf_free(&t);
  ck_assert_uint_eq(r->doc.npara, 252);
  ck_assert_uint_eq(r->doc.paras[250].dup_of, 1);
  ck_assert_ptr_null(strstr(S_message(r, "duplicate/paragraph"), "nearly"));
  /* Its near repeat 250 paragraphs on is too far, and the exact repeat
   * right before it is no candidate (repeats are not compared again). */
  ck_assert_uint_eq(r->doc.paras[251].dup_of, 0);
  ck_assert_uint_eq(test_count_rule(r, "duplicate/paragraph"), 1);
  mta_report_free(r);
  r = test_audit("Die Regierung hat am Montag in Berlin neue Pl\xC3\xA4ne "
                 "f\xC3\xBCr die Rente vorgestellt.\n\nDie Regierung hat am "
                 "Montag in Berlin neue Pl\xC3\xA4ne f\xC3\xBCr die Rente "
                 "vorgestellt, hie\xC3\x9F es.\n");
  ck_assert_uint_eq(r->doc.paras[1].dup_of, 1);
  ck_assert_ptr_nonnull(strstr(S_message(r, "duplicate/paragraph"), "nearly"));
  mta_report_free(r);
}
END_TEST

/* Boilerplate marks live in the document's side table, each distinct
 * string once; mtai_doc_set_bp() adds and replaces marks. */
START_TEST(marks_table) {
  struct mta_buf t;
  mtai_buf_init(&t, 0);
  for (size_t i = 0; i < 40; i++)
    mtai_buf_printf(&t,
                    "%sKommentare\n\nDie Regierung hat in Sitzung %zu "
                    "beraten.",
                    i ? "\n\n" : "", i);
  mtai_buf_puts(&t, "\n");
  mta_report *r = test_audit(mtai_buf_str(&t));
  mtai_buf_free(&t);
  struct mtai_doc *d = &r->doc;
  ck_assert_uint_eq(d->npara, 80);
  ck_assert_uint_eq(d->nbp, 40);
  ck_assert_uint_eq(test_count_rule(r, "boilerplate/comments"), 40);
  const char *kind0 = mtai_para_bp_kind(d, &d->paras[0]);
  const char *why0 = mtai_para_bp_why(d, &d->paras[0]);
  ck_assert_str_eq(kind0, "comments");
  ck_assert_str_eq(why0, "the paragraph is 'kommentare'");
  for (size_t i = 0; i < 80; i += 2) {
    ck_assert_ptr_eq(mtai_para_bp_kind(d, &d->paras[i]), kind0);
    ck_assert_ptr_eq(mtai_para_bp_why(d, &d->paras[i]), why0);
    const struct mtai_bp *b = mtai_para_bp(d, &d->paras[i]);
    ck_assert_uint_eq(b->start, d->paras[i].start);
    ck_assert_uint_eq(b->end, d->paras[i].end);
    ck_assert_ptr_null(mtai_para_bp(d, &d->paras[i + 1]));
    ck_assert_str_eq(mtai_para_bp_kind(d, &d->paras[i + 1]), "");
  }
  /* A new mark, then a replaced one; the others stay. */
  ck_assert_int_eq(mtai_doc_set_bp(d, 1, "credit", 5, 9, "a test"), MTA_OK);
  ck_assert_uint_eq(d->nbp, 41);
  ck_assert_str_eq(mtai_para_bp_kind(d, &d->paras[1]), "credit");
  ck_assert_str_eq(mtai_para_bp_why(d, &d->paras[1]), "a test");
  ck_assert_uint_eq(mtai_para_bp(d, &d->paras[1])->end, 9);
  ck_assert_int_eq(mtai_doc_set_bp(d, 0, "related", 1, 2, "replaced"), MTA_OK);
  ck_assert_uint_eq(d->nbp, 41);
  ck_assert_str_eq(mtai_para_bp_why(d, &d->paras[0]), "replaced");
  ck_assert_str_eq(mtai_para_bp_why(d, &d->paras[2]),
                   "the paragraph is 'kommentare'");
  ck_assert_str_eq(mtai_para_bp_kind(d, &d->paras[78]), "comments");
  ck_assert_int_eq(mtai_doc_set_bp(d, 80, "x", 0, 0, "y"), MTA_ERR_INVALID_ARG);
  mta_report_free(r);
}
END_TEST

Suite *boilerplate_suite(void) {
  Suite *s = suite_create("boilerplate");
  TCase *tc = tcase_create("kinds");
  tcase_add_test(tc, kinds);
  tcase_add_test(tc, prose_not_chrome);
  tcase_add_test(tc, chrome_still_found);
  tcase_add_test(tc, findings_and_score);
  tcase_add_test(tc, near_duplicate);
  tcase_add_test(tc, duplicate_distance_and_case);
  tcase_add_test(tc, marks_table);
  suite_add_tcase(s, tc);
  tc = tcase_create("corpus");
  tcase_set_timeout(tc, 120);
  tcase_add_loop_test(tc, boilerplate_found, 0, 2);
  tcase_add_loop_test(tc, article_kept, 0, 2);
  suite_add_tcase(s, tc);
  return s;
}
