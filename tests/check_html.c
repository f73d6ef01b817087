/* Tests of src/html_input.c: HTML pages to their article text, and the
 * positions of findings mapped back into the HTML file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_input.h"
#include "tests.h"

/* Extracts the page 's' (from a heap copy of exactly its bytes: ASan sees
 * a read past the end); returns the text (caller frees) and the map in
 * '*map' (caller frees), or NULL with '*st' the status. */
static char *S_extract(const char *s, int strict, mta_status *st,
                       struct mtai_srcmap **map) {
  size_t n = strlen(s);
  char *copy = malloc(n + 1), *out = NULL, why[256];
  ck_assert_ptr_nonnull(copy);
  memcpy(copy, s, n + 1);
  size_t len = 0;
  *st = mtai_html_extract(copy, n, strict, &out, &len, map, why, sizeof why);
  if (*st) {
    ck_assert_msg(why[0] != '\0', "status %d without a reason", *st);
    ck_assert_ptr_null(strchr(why, '\n'));
    free(copy);
    return NULL;
  }
  ck_assert_uint_eq(strlen(out), len);
  ck_assert_ptr_eq((*map)->text, copy);
  return out;
}

/* The article text of 's' must be 'want'. */
static void S_text_is(const char *s, const char *want) {
  mta_status st;
  struct mtai_srcmap *m = NULL;
  char *t = S_extract(s, 0, &st, &m);
  ck_assert_msg(t != NULL, "status %d for %s", st, s);
  ck_assert_str_eq(t, want);
  free(t);
  mtai_srcmap_free(m);
}

START_TEST(detect) {
  static const struct {
    const char *s;
    int html;
  } cases[] = {
      {"<!DOCTYPE html>\n<html>", 1},
      {"<!doctype HTML><p>x", 1},
      {"  \n\t<html lang=\"de\">", 1},
      {"<HTML>", 1},
      {"\xEF\xBB\xBF<!DOCTYPE html>", 1},
      {"<!-- saved from url=(0042)https://example.org/ -->\n<html>", 1},
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML "
       "1.0 Strict//EN\">",
       1},
      {"<p>Hallo</p>", 0},
      {"Der Text <html> steht hier.", 0},
      {"<!DOCTYPE svg>", 0},
      {"<!DOCTYPE htmlx>", 0},
      {"<htmlfoo>", 0},
      {"<?xml version=\"1.0\"?><xliff version=\"1.2\">", 0},
      {"<!-- nie geschlossen <html>", 0},
      {"", 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    ck_assert_msg(mtai_html_detect(cases[i].s, strlen(cases[i].s)) ==
                      cases[i].html,
                  "case %zu: %s", i, cases[i].s);
  ck_assert(mtai_html_name("a/b/seite.html"));
  ck_assert(mtai_html_name("ARTIKEL.HTM"));
  ck_assert(mtai_html_name(".htm"));
  ck_assert(!mtai_html_name("seite.html.txt"));
  ck_assert(!mtai_html_name("seite.xhtml"));
  ck_assert(!mtai_html_name("html"));
  ck_assert(!mtai_html_name("<stdin>"));
}
END_TEST

START_TEST(blocks_and_inline) {
  /* blocks end paragraphs; inline elements join; whitespace collapses */
  S_text_is("<!DOCTYPE html><html><body>\n"
            "<h1>Die   Überschrift</h1>\n"
            "<p>Ein <em>kurzer</em>\n   Satz mit <a href=\"#\">Link</a>"
            "<strong>fett</strong>.</p>\n"
            "<blockquote>Ein Zitat.</blockquote>"
            "<figure><img src=\"a.jpg\" alt=\"Alt-Text\">"
            "<figcaption>Bildunterschrift</figcaption></figure>"
            "<div>Eigener Text<p>Absatz im div</p>danach</div>"
            "<table><tr><td>Zelle eins</td><td>Zelle zwei</td></tr></table>"
            "<my-widget>Inline unbekannt</my-widget> <span>weiter</span>"
            "</body></html>",
            "Die Überschrift\n\n"
            "Ein kurzer Satz mit Linkfett.\n\n"
            "Ein Zitat.\n\n"
            "Bildunterschrift\n\n"
            "Eigener Text\n\nAbsatz im div\n\ndanach\n\n"
            "Zelle eins\n\nZelle zwei\n\n"
            "Inline unbekannt weiter");
  /* <br>: a line break inside the paragraph, not a new paragraph */
  S_text_is("<html><body><p>Zeile eins<br>Zeile zwei<br/> <br>drei</p>"
            "<p>Neu</p></body></html>",
            "Zeile eins\nZeile zwei\ndrei\n\nNeu");
  /* nested lists: every item is a paragraph of its own */
  S_text_is("<html><body><ul><li>Eins<ul><li>Eins A</li><li>Eins B</li>"
            "</ul></li><li>Zwei<ol><li>Zwei A</ol></ul></body></html>",
            "Eins\n\nEins A\n\nEins B\n\nZwei\n\nZwei A");
  /* unclosed paragraphs and items, as the parser repairs them */
  S_text_is("<!DOCTYPE html><p>Erster<p>Zweiter<ul><li>a<li>b</ul>",
            "Erster\n\nZweiter\n\na\n\nb");
}
END_TEST

START_TEST(entities) {
  S_text_is("<html><body><p>Gr&uuml;&szlig;e &amp; K&#252;sse, "
            "&#x201E;Zitat&#x201C;, 5&nbsp;km, &copy 2023, a&b, &foo;, "
            "&lt;b&gt;</p></body></html>",
            "Grüße & Küsse, „Zitat“, 5\xC2\xA0km, © 2023, a&b, &foo;, <b>");
}
END_TEST

START_TEST(dropped) {
  S_text_is("<!DOCTYPE html><html><head><title>Titel | Portal</title>"
            "<style>p{color:red}</style><script>var a='<p>x</p>';</script>"
            "</head><body>"
            "<header><a href=\"/\">Portal</a> Logo</header>"
            "<nav><a>Politik</a><a>Sport</a></nav>"
            "<noscript>Bitte JavaScript aktivieren</noscript>"
            "<p>Text eins.</p>"
            "<aside>Mehr zum Thema</aside>"
            "<div class=\"teaser ad\">Anzeige</div>"
            "<div id=\"Werbung\">Werbung hier</div>"
            "<div class=\"advertise-here\">bleibt</div>"
            "<div role=\"navigation\">Menü</div>"
            "<div hidden>versteckt</div>"
            "<span aria-hidden=\"true\">Symbol</span>"
            "<form><label>Suche</label><input></form>"
            "<iframe src=\"x\">Rahmen</iframe>"
            "<svg><text>Grafik</text></svg>"
            "<template><p>Vorlage</p></template>"
            "<button>Teilen</button>"
            "<p>Text zwei.</p>"
            "<!-- Kommentar -->"
            "<footer>Impressum</footer>"
            "<script>document.write('x')</script>"
            "</body></html>",
            "Text eins.\n\nbleibt\n\nText zwei.");
}
END_TEST

START_TEST(article_selection) {
  /* <main>: only it */
  S_text_is("<html><body><p>Vor main</p><main><p>In main</p></main>"
            "<p>Nach main</p></body></html>",
            "In main");
  /* the largest <article>; one inside <aside> is no candidate; an
   * article header is kept */
  S_text_is("<html><body><main><article><p>Kurz</p></article>"
            "<article><header><h2>Unterzeile</h2></header>"
            "<p>Der lange Artikel hat mehr Text.</p></article>"
            "<aside><article><p>Ein sehr, sehr langer Teaser mit noch viel "
            "mehr Text als jeder andere Artikel.</p></article></aside>"
            "</main></body></html>",
            "Unterzeile\n\nDer lange Artikel hat mehr Text.");
  /* the headline before an article without one is its first paragraph */
  S_text_is("<html><body><h1>Schlagzeile</h1><p>Vorspann außen</p>"
            "<article><p>Artikeltext.</p></article></body></html>",
            "Schlagzeile\n\nArtikeltext.");
  /* not when the article has its own */
  S_text_is("<html><body><h1>Portal</h1><article><h1>Eigene</h1>"
            "<p>Text.</p></article></body></html>",
            "Eigene\n\nText.");
  /* an empty article: the whole body */
  S_text_is("<html><body><article></article><p>Körper</p></body></html>",
            "Körper");
}
END_TEST

START_TEST(refused) {
  static const char *const empty[] = {
      "<!DOCTYPE html><html><head><title>Nur Titel</title></head></html>",
      "<html><body><nav>Menü</nav><script>x()</script>   </body></html>",
      "<html><body><p>   </p><img alt=\"Bild\"></body></html>",
      "",
  };
  for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
    mta_status st;
    struct mtai_srcmap *m = NULL;
    char *t = S_extract(empty[i], 0, &st, &m);
    ck_assert_msg(t == NULL && st == MTA_ERR_EMPTY, "case %zu: %d", i, st);
  }
  /* forced HTML: a text without an element is not HTML */
  mta_status st;
  struct mtai_srcmap *m = NULL;
  ck_assert_ptr_null(S_extract("Nur Text,\nkeine Tags.\n", 1, &st, &m));
  ck_assert_int_eq(st, MTA_ERR_PARSE);
  /* ... but it is read when not forced (the body's text) */
  S_text_is("Nur Text,\nkeine Tags.\n", "Nur Text, keine Tags.");
  /* nesting deeper than the parser can afford */
  size_t k = 20000;
  char *deep = malloc(k * 11 + 64);
  ck_assert_ptr_nonnull(deep);
  char *p = deep + sprintf(deep, "<html><body>");
  for (size_t i = 0; i < k; i++)
    p += sprintf(p, "<div>");
  p += sprintf(p, "tief");
  for (size_t i = 0; i < k; i++)
    p += sprintf(p, "</div>");
  ck_assert_ptr_null(S_extract(deep, 0, &st, &m));
  ck_assert_int_eq(st, MTA_ERR_PARSE);
  free(deep);
}
END_TEST

/* Line and column in the HTML of the text at 'off'. */
static void S_pos(const char *text, struct mtai_srcmap *m, const char *needle,
                  size_t line, size_t col) {
  const char *at = strstr(text, needle);
  ck_assert_msg(at != NULL, "no '%s' in the text", needle);
  struct mtai_doc d = {.text = (char *)text, .len = strlen(text), .srcmap = m};
  size_t l, c;
  mtai_doc_srcpos(&d, (size_t)(at - text), &l, &c);
  ck_assert_msg(l == line && c == col, "'%s' at %zu:%zu, want %zu:%zu", needle,
                l, c, line, col);
}

START_TEST(positions) {
  const char *page =
      "<!DOCTYPE html>\n"                                  /* 1 */
      "<html><head><title>T</title></head>\n"              /* 2 */
      "<body><nav>Menü</nav>\n"                            /* 3 */
      "  <h1>Grüße aus Köln</h1>\n"                        /* 4 */
      "  <p>Erster Satz mit <em>Betonung</em>.\n"          /* 5 */
      "     Zweite Zeile &amp; mehr,   danach Text.</p>\n" /* 6 */
      "\t<p>K&ouml;ln &#8222;liegt&#8220; am Rhein<br>\n"  /* 7 */
      "    neue Zeile.</p>\n"                              /* 8 */
      "</body></html>\n";
  mta_status st;
  struct mtai_srcmap *m = NULL;
  char *t = S_extract(page, 0, &st, &m);
  ck_assert_ptr_nonnull(t);
  ck_assert_str_eq(t, "Grüße aus Köln\n\n"
                      "Erster Satz mit Betonung. Zweite Zeile & mehr, "
                      "danach Text.\n\n"
                      "Köln „liegt“ am Rhein\nneue Zeile.");
  S_pos(t, m, "Grüße", 4, 7);
  S_pos(t, m, "aus Köln", 4, 13); /* columns count code points */
  S_pos(t, m, "Betonung", 5, 26);
  S_pos(t, m, ". Zweite", 5, 39);
  S_pos(t, m, "Zweite", 6, 6);
  S_pos(t, m, "& mehr", 6, 19); /* a reference: its '&' */
  S_pos(t, m, "mehr,", 6, 25);  /* exact again after it */
  S_pos(t, m, "danach", 6, 33); /* after a collapsed run */
  S_pos(t, m, "Köln „", 7, 5);
  S_pos(t, m, "ln „", 7, 12);
  S_pos(t, m, "„liegt", 7, 15);
  S_pos(t, m, "liegt", 7, 22);
  S_pos(t, m, "am Rhein", 7, 35);
  S_pos(t, m, "neue", 8, 5);
  /* the byte offset into the HTML */
  struct mtai_doc d = {.text = t, .len = strlen(t), .srcmap = m};
  size_t off = mtai_doc_srcoff(&d, (size_t)(strstr(t, "Rhein") - t));
  ck_assert(!strncmp(m->text + off, "Rhein<br>", 9));
  free(t);
  mtai_srcmap_free(m);
}
END_TEST

/* Through the auditor: a page named *.html is read as HTML, and the
 * findings' lines and columns point into it. */
START_TEST(audit_positions) {
  const char *page =
      "<!DOCTYPE html>\n"
      "<html lang=\"de\"><head><title>Seite</title>\n"
      "<script>var s = 'Dies ist kein Text . .';</script></head>\n"
      "<body><nav><a href=\"/\">Startseite</a></nav>\n"
      "<article>\n"
      "  <h1>Der Minister reist nach Berlin</h1>\n"
      "  <p>Der Minister traf am Montag in Berlin ein . Er sprach\n"
      "     mit den Abgeordneten &uuml;ber den Haushalt..</p>\n"
      "  <p>Die Gespräche dauerten bis zum Abend , sagte ein Sprecher.</p>\n"
      "</article>\n"
      "<footer>Impressum</footer></body></html>\n";
  mta_report *r = NULL;
  mta_auditor *a = test_auditor();
  mta_status st = mta_audit_buffer(a, "seite.html", page, strlen(page), &r);
  ck_assert_msg(st == MTA_OK, "%s", mta_auditor_errmsg(a));
  size_t n = mta_report_finding_count(r), hits = 0;
  for (size_t i = 0; i < n; i++) {
    mta_finding_info f;
    ck_assert_int_eq(mta_report_finding(r, i, &f), MTA_OK);
    if (!strcmp(f.rule, "punctuation/space-before")) {
      /* " ." on line 7 (col 47), " ," on line 9 (col 42) */
      ck_assert_msg((f.line == 7 && f.column == 47) ||
                        (f.line == 9 && f.column == 42),
                    "%s at %zu:%zu", f.rule, f.line, f.column);
      hits++;
    }
  }
  ck_assert_uint_eq(hits, 2);
  mta_report_free(r);
  /* named .txt, without the doctype: starts with <html, still a page */
  st = mta_audit_buffer(a, "seite.txt", page + 16, strlen(page + 16), &r);
  ck_assert_msg(st == MTA_OK, "%s", mta_auditor_errmsg(a));
  mta_report_free(r);
}
END_TEST

Suite *html_suite(void) {
  Suite *s = suite_create("html");
  TCase *tc = tcase_create("extract");
  tcase_add_test(tc, detect);
  tcase_add_test(tc, blocks_and_inline);
  tcase_add_test(tc, entities);
  tcase_add_test(tc, dropped);
  tcase_add_test(tc, article_selection);
  tcase_add_test(tc, refused);
  tcase_add_test(tc, positions);
  suite_add_tcase(s, tc);
  TCase *ta = tcase_create("audit");
  tcase_set_timeout(ta, 60);
  tcase_add_test(ta, audit_positions);
  suite_add_tcase(s, ta);
  return s;
}
