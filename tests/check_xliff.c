/* Tests of src/xliff.c: XLIFF 1.2 and 2.0 documents to parallel target
 * and source texts (the sample files are tests/data/xliff/). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bitext.h"
#include "tests.h"
#include "xliff.h"

static const char *S_root(void) {
  const char *r = getenv("MTAUDIT_TEST_ROOT");
  return r && *r ? r : ".";
}

/* The contents of tests/data/xliff/'name' (caller frees). */
static char *S_file(const char *name, size_t *len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/data/xliff/%s", S_root(), name);
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  char *buf = malloc(1 << 20);
  ck_assert_ptr_nonnull(buf);
  *len = fread(buf, 1, (1 << 20) - 1, f);
  buf[*len] = '\0';
  fclose(f);
  return buf;
}

/* Splits s[0..n) from a heap copy of exactly n bytes (ASan sees a read
 * past the end) and asserts status 'want'. */
static mta_status S_split_n(const char *s, size_t n, struct mtai_xliff *x,
                            char *why, size_t whylen) {
  char *copy = malloc(n ? n : 1);
  ck_assert_ptr_nonnull(copy);
  memcpy(copy, s, n);
  mta_status st = mtai_xliff_split(copy, n, x, why, whylen);
  free(copy);
  return st;
}

static void S_ok(const char *s, struct mtai_xliff *x) {
  char why[256];
  mta_status st = S_split_n(s, strlen(s), x, why, sizeof why);
  ck_assert_msg(st == MTA_OK, "status %d: %s", st, why);
  ck_assert_str_eq(why, "");
  ck_assert_uint_eq(strlen(x->target), x->tlen);
  ck_assert_uint_eq(strlen(x->source), x->slen);
}

/* Paragraph 'i' (0-based) of a split text, into 'out': a unit's text
 * has no line break, and units are apart by one or more blank lines. */
static const char *S_para(const char *t, size_t i, char *out, size_t outsz) {
  out[0] = '\0';
  for (;;) {
    t += strspn(t, "\n");
    if (!*t)
      return out;
    size_t n = strcspn(t, "\n");
    if (i-- == 0) {
      if (n >= outsz)
        n = outsz - 1;
      memcpy(out, t, n);
      out[n] = '\0';
      return out;
    }
    t += n;
  }
}

static size_t S_paras(const char *t) {
  size_t n = 0;
  for (t += strspn(t, "\n"); *t; t += strspn(t, "\n")) {
    n++;
    t += strcspn(t, "\n");
  }
  return n;
}

/* The text without the blank lines that put its first unit on its line
 * of the file. */
static const char *S_body(const char *t) { return t + strspn(t, "\n"); }

/* The 1-based line paragraph 'i' of text 't' starts on. */
static size_t S_line_of(const char *t, size_t i) {
  size_t line = 1;
  for (;;) {
    for (; *t == '\n'; t++)
      line++;
    if (!*t || i-- == 0)
      return line;
    t += strcspn(t, "\n");
  }
}

#define S12(body)                                                              \
  "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" "                           \
  "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file "                     \
  "source-language=\"en\" target-language=\"de\" datatype=\"plaintext\" "      \
  "original=\"x\"><body>" body "</body></file></xliff>\n"

#define S20(body)                                                              \
  "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" "    \
  "srcLang=\"en\" trgLang=\"de\"><file id=\"f\">" body "</file></xliff>"

START_TEST(detect) {
  static const char *const yes[] = {
      "<xliff version=\"1.2\"/>",
      "  \n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a comment -->\n"
      "<xliff>",
      "<!DOCTYPE xliff [ <!ENTITY a \"x>y\"> <!-- ]> --> ]><xliff "
      "version=\"2.0\">",
      "<x:xliff xmlns:x=\"urn:oasis:names:tc:xliff:document:1.2\">",
      "<?xml version=\"1.0\"?><xliff\nversion=\"1.2\">",
  };
  for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
    ck_assert_msg(mtai_xliff_detect(yes[i], strlen(yes[i])) == 1, "%s", yes[i]);
  /* (A byte-order mark is decode.c's: the decoded text has none.) */
  static const char *const no[] = {
      "",
      "\xEF\xBB\xBF<xliff>",
      "Ein Satz über <xliff>-Dateien.",
      "<html><body><xliff/></body></html>",
      "<?xml version=\"1.0\"?><xliffx/>",
      "<?xml version=\"1.0\"?><tmx version=\"1.4\"/>",
      "<?xml version=\"1.0\"?>",
      "<!-- <xliff> --",
      "<xli",
  };
  for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
    ck_assert_msg(mtai_xliff_detect(no[i], strlen(no[i])) == 0, "%s", no[i]);
  ck_assert_int_eq(mtai_xliff_detect(NULL, 0), 0);
  /* Only the prolog is read: a long comment before the root is fine. */
  size_t n = 200000;
  char *big = malloc(n + 32);
  ck_assert_ptr_nonnull(big);
  memcpy(big, "<!--", 4);
  memset(big + 4, 'a', n - 4);
  strcpy(big + n, "--><xliff/>");
  ck_assert_int_eq(mtai_xliff_detect(big, strlen(big)), 0);
  free(big);
}
END_TEST

START_TEST(sample_12) {
  size_t n;
  char *s = S_file("budget-1.2.xlf", &n);
  ck_assert_int_eq(mtai_xliff_detect(s, n), 1);
  struct mtai_xliff x;
  S_ok(s, &x);
  free(s);
  ck_assert_str_eq(x.version, "1.2");
  ck_assert_uint_eq(x.units, 6);
  ck_assert_uint_eq(x.skipped, 1); /* unit 6 has no target */
  ck_assert_uint_eq(x.locked, 1);  /* unit 7: translate="no" */
  ck_assert_uint_eq(S_paras(x.target), 6);
  ck_assert_uint_eq(S_paras(x.source), 6);
  char p[1024];
  ck_assert_str_eq(S_para(x.target, 0, p, sizeof p),
                   "Stadtrat billigt Rekordhaushalt");
  /* Every paragraph stands on its element's line of the file. */
  static const size_t tlines[] = {14, 19, 27, 34, 41, 55};
  static const size_t slines[] = {13, 17, 24, 32, 38, 53};
  for (size_t i = 0; i < 6; i++) {
    ck_assert_uint_eq(S_line_of(x.target, i), tlines[i]);
    ck_assert_uint_eq(S_line_of(x.source, i), slines[i]);
  }
  /* Inline <g>: its text, whitespace collapsed across lines. */
  ck_assert_str_eq(S_para(x.source, 2, p, sizeof p),
                   "Mayor Anna Rodriguez said the money would go mainly to "
                   "schools, public transport and the repair of roads and "
                   "bridges.");
  ck_assert_str_eq(S_para(x.target, 3, p, sizeof p),
                   "Bis September 2027 sollen rund 2.100 neue Lehrer "
                   "eingestellt werden.");
  ck_assert_str_eq(S_para(x.source, 3, p, sizeof p),
                   "About 1,200 new teachers are to be hired by September "
                   "2027.");
  /* Character references and a line-break placeholder <x/> between two
   * sentences. */
  ck_assert_str_eq(S_para(x.target, 4, p, sizeof p),
                   "\xE2\x80\x9EWir investieren in die Zukunft\xE2\x80\x9C, "
                   "sagte Rodriguez. Mitglieder der Opposition nannten den "
                   "Plan zu teuer.");
  /* &amp; and CDATA. */
  ck_assert_str_eq(S_para(x.target, 5, p, sizeof p),
                   "Der Etat des Amts f\xC3\xBCr Parks & Freizeit w\xC3\xA4"
                   "chst um 12 Millionen Dollar.");
  ck_assert_ptr_null(strstr(x.source, "The vote was"));
  ck_assert_ptr_null(strstr(x.source, "City News Service"));
  ck_assert_ptr_null(strstr(x.target, "machine translation"));
  mtai_xliff_clear(&x);
  ck_assert_ptr_null(x.target);
}
END_TEST

START_TEST(sample_20) {
  size_t n;
  char *s = S_file("storm-2.0.xlf", &n);
  ck_assert_int_eq(mtai_xliff_detect(s, n), 1);
  struct mtai_xliff x;
  S_ok(s, &x);
  free(s);
  ck_assert_str_eq(x.version, "2.0");
  ck_assert_uint_eq(x.units, 5);
  ck_assert_uint_eq(x.skipped, 1);
  ck_assert_uint_eq(x.locked, 1);
  ck_assert_uint_eq(S_paras(x.target), 5);
  ck_assert_uint_eq(S_paras(x.source), 5);
  char p[1024];
  /* Two segments of one unit: one paragraph; <pc> keeps its text. */
  ck_assert_str_eq(S_para(x.source, 2, p, sizeof p),
                   "Wind speeds reached 120 kilometres per hour on the coast, "
                   "the German Weather Service said. Trees fell onto railway "
                   "lines in Hamburg and Bremen.");
  ck_assert_str_eq(
      S_para(x.target, 2, p, sizeof p),
      "An der K\xC3\xBCste erreichte der Wind nach Angaben des "
      "Deutschen Wetterdienstes eine Geschwindigkeit von 120 "
      "Kilometern pro Stunde. In Hamburg und Bremen st\xC3\xBCrzten "
      "B\xC3\xA4ume auf Bahnstrecken.");
  /* <ph/> between sentences; <originalData> is not text. */
  ck_assert_str_eq(S_para(x.target, 3, p, sizeof p),
                   "Die Deutsche Bahn stellte den Fernverkehr in der Region "
                   "bis Montagmorgen ein. Die Reparaturen k\xC3\xB6nnten "
                   "mehrere Tage dauern.");
  ck_assert_ptr_null(strstr(x.target, "br/"));
  ck_assert_ptr_null(strstr(x.source, "Lower Saxony"));
  ck_assert_ptr_null(strstr(x.source, "Photo"));
  mtai_xliff_clear(&x);
}
END_TEST

/* Inline codes of 1.2: text of <g> and <mrk>, no native code of <ph>,
 * <bpt>, <ept>, <it>; <x/> a space only where it separates words. */
START_TEST(inline_12) {
  struct mtai_xliff x;
  S_ok(S12("<trans-unit id=\"1\"><source>a <g id=\"1\">bold</g> "
           "<ph id=\"2\">&lt;img src=\"x.png\"/&gt;</ph>word<x id=\"3\"/>, "
           "<bpt id=\"4\">&lt;b&gt;</bpt>b<ept id=\"4\">&lt;/b&gt;</ept> "
           "<it id=\"5\" pos=\"open\">&lt;i&gt;</it>i <mrk mtype=\"term\">t"
           "</mrk><bx id=\"6\"/>q<ex id=\"6\"/> (<x id=\"7\"/>p) "
           "one<x id=\"8\"/>two</source><seg-source><mrk mtype=\"seg\" "
           "mid=\"1\">SEGSOURCE</mrk></seg-source><target>A <g id=\"1\">"
           "fett</g></target><alt-trans><source>ALTSOURCE</source><target>"
           "ALTTARGET</target></alt-trans><note>NOTE</note></trans-unit>"),
       &x);
  ck_assert_str_eq(S_body(x.source), "a bold word, b i tq (p) one two");
  ck_assert_str_eq(S_body(x.target), "A fett");
  mtai_xliff_clear(&x);
}
END_TEST

/* Inline codes of 2.0: <pc> and <mrk> keep their text, <ph/>, <sc/>,
 * <ec/>, <sm/>, <em/>, <cp/> add none. */
START_TEST(inline_20) {
  struct mtai_xliff x;
  S_ok(S20("<unit id=\"1\"><segment><source>x <pc id=\"1\">bold</pc> "
           "<sc id=\"2\"/>in<ec startRef=\"2\"/> <sm id=\"m\" type=\"term\"/>"
           "t<em startRef=\"m\"/> <mrk id=\"k\" translate=\"no\">Kim</mrk>"
           "<cp hex=\"0007\"/><ph id=\"3\"/>end.</source><target>y <pc "
           "id=\"1\">fett</pc></target></segment></unit>"),
       &x);
  ck_assert_str_eq(S_body(x.source), "x bold in t Kim end.");
  ck_assert_str_eq(S_body(x.target), "y fett");
  mtai_xliff_clear(&x);
}
END_TEST

/* Units without a (non-empty) target or source are left out of both
 * texts, so that paragraph i stays paragraph i; translate="no" units,
 * also through a group, are left out. */
START_TEST(untranslated) {
  struct mtai_xliff x;
  S_ok(S12("<trans-unit id=\"1\"><source>One.</source><target>Eins.</target>"
           "</trans-unit><trans-unit id=\"2\"><source>Two.</source>"
           "</trans-unit><trans-unit id=\"3\"><source>Three.</source><target>"
           " \n\t </target></trans-unit><trans-unit id=\"4\"><source/>"
           "<target>Vier.</target></trans-unit><group id=\"g\" "
           "translate=\"no\"><trans-unit id=\"5\"><source>Five.</source>"
           "<target>F\xC3\xBCnf.</target></trans-unit></group><trans-unit "
           "id=\"6\" translate=\"no\"><source>Six.</source><target>Sechs."
           "</target></trans-unit><trans-unit id=\"6a\"><source>Six a."
           "</source><target>&#xA0;&#x200B;</target></trans-unit><group "
           "id=\"h\"><trans-unit id=\"7\">"
           "<source>Seven.</source><target>Sieben.</target></trans-unit>"
           "</group><trans-unit id=\"8\"><source>Eight.</source><target><x "
           "id=\"1\"/></target></trans-unit>"),
       &x);
  ck_assert_str_eq(S_body(x.target), "Eins.\n\nSieben.");
  ck_assert_str_eq(S_body(x.source), "One.\n\nSeven.");
  ck_assert_uint_eq(x.units, 2);
  ck_assert_uint_eq(x.skipped, 5);
  ck_assert_uint_eq(x.locked, 2);
  mtai_xliff_clear(&x);
  /* 2.0: a segment without a target is left out of its unit. */
  S_ok(S20("<unit id=\"1\"><segment><source>A.</source></segment><segment>"
           "<source>B.</source><target>Bb.</target></segment><segment><source>"
           "C.</source><target/></segment></unit><group id=\"g\" "
           "translate=\"no\"><unit id=\"2\"><segment><source>D.</source>"
           "<target>Dd.</target></segment></unit></group><unit id=\"3\">"
           "<segment><source>E.</source></segment></unit><unit id=\"4\">"
           "<segment><source>F.</source><target>Ff.</target></segment>"
           "</unit>"),
       &x);
  ck_assert_str_eq(S_body(x.target), "Bb.\n\nFf.");
  ck_assert_str_eq(S_body(x.source), "B.\n\nF.");
  ck_assert_uint_eq(x.skipped, 1);
  ck_assert_uint_eq(x.locked, 1);
  mtai_xliff_clear(&x);
  /* Lines: a unit stands on its element's line, a skipped unit leaves
   * no trace, and units sharing a line are one blank line apart. */
  S_ok("<xliff version=\"1.2\"><file><body>\n"
       "<trans-unit id=\"1\"><source>A.</source><target>Aa.</target>"
       "</trans-unit>\n<trans-unit id=\"2\"><source>B.</source></trans-unit>"
       "\n\n<trans-unit id=\"3\"><source>C.</source>\n<target>Cc.</target>"
       "</trans-unit><trans-unit id=\"4\"><source>D.</source><target>Dd."
       "</target></trans-unit></body></file></xliff>",
       &x);
  ck_assert_str_eq(x.target, "\nAa.\n\n\n\nCc.\n\nDd.");
  ck_assert_str_eq(x.source, "\nA.\n\n\nC.\n\nD.");
  mtai_xliff_clear(&x);
}
END_TEST

START_TEST(entities) {
  struct mtai_xliff x;
  S_ok("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
       "<!DOCTYPE xliff [ <!ENTITY co \"Meyer &amp; S&#xF6;hne\"> ]>\n"
       "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>"
       "&co; &amp; &lt;b&gt; &#8220;q&#8221; <![CDATA[<cd> & x]]>"
       "</source><target>&co; &amp; &#x201E;q&#x201C; &#228; \xC3\xA4"
       "</target></trans-unit></body></file></xliff>",
       &x);
  /* The declared encoding is ignored: the text is decoded UTF-8. */
  ck_assert_str_eq(S_body(x.source), "Meyer & S\xC3\xB6hne & <b> \xE2\x80\x9Cq"
                                     "\xE2\x80\x9D <cd> & x");
  ck_assert_str_eq(S_body(x.target),
                   "Meyer & S\xC3\xB6hne & \xE2\x80\x9Eq\xE2\x80"
                   "\x9C \xC3\xA4 \xC3\xA4");
  mtai_xliff_clear(&x);
}
END_TEST

/* XXE: an external entity is never read, nor an external DTD or
 * parameter entity fetched. */
START_TEST(external_entity) {
  struct mtai_xliff x;
  S_ok("<?xml version=\"1.0\"?>\n"
       "<!DOCTYPE xliff SYSTEM \"http://example.invalid/xliff.dtd\" [\n"
       "<!ENTITY x SYSTEM \"file:///etc/passwd\">\n"
       "<!ENTITY % p SYSTEM \"file:///etc/hostname\">\n%p;\n]>\n"
       "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>a &x; "
       "b</source><target>c &x; d</target></trans-unit></body></file>"
       "</xliff>",
       &x);
  ck_assert_str_eq(S_body(x.source), "a b");
  ck_assert_str_eq(S_body(x.target), "c d");
  ck_assert_ptr_null(strstr(x.target, "root:"));
  mtai_xliff_clear(&x);
}
END_TEST

/* Billion laughs: refused by libxml2, quickly, without the expansion. */
START_TEST(entity_bomb) {
  struct {
    char s[4096];
  } h;
  size_t k = (size_t)snprintf(h.s, sizeof h.s,
                              "<!DOCTYPE xliff [\n"
                              "<!ENTITY l0 \"lol\">\n");
  for (int i = 1; i <= 9; i++) {
    k += (size_t)snprintf(h.s + k, sizeof h.s - k, "<!ENTITY l%d \"", i);
    for (int j = 0; j < 10; j++)
      k += (size_t)snprintf(h.s + k, sizeof h.s - k, "&l%d;", i - 1);
    k += (size_t)snprintf(h.s + k, sizeof h.s - k, "\">\n");
  }
  snprintf(h.s + k, sizeof h.s - k,
           "]>\n<xliff version=\"1.2\"><file><body><trans-unit id=\"1\">"
           "<source>a</source><target>&l9;</target></trans-unit></body>"
           "</file></xliff>");
  struct mtai_xliff x;
  char why[256];
  mta_status st = S_split_n(h.s, strlen(h.s), &x, why, sizeof why);
  ck_assert_int_eq(st, MTA_ERR_PARSE);
  ck_assert_msg(!strncmp(why, "XLIFF: line ", 12), "%s", why);
  ck_assert_ptr_null(x.target);
  /* Quadratic blow-up (a long entity referenced many times): whatever
   * libxml2 allows, the texts stay within twice the document. */
  size_t n = 0, cap = 300000;
  char *q = malloc(cap);
  ck_assert_ptr_nonnull(q);
  n += (size_t)snprintf(q, cap, "<!DOCTYPE xliff [<!ENTITY a \"");
  for (int i = 0; i < 20000; i++)
    q[n++] = 'a';
  n += (size_t)snprintf(q + n, cap - n,
                        "\">]><xliff version=\"1.2\"><file><body><trans-unit "
                        "id=\"1\"><source>s</source><target>");
  for (int i = 0; i < 10000; i++)
    n += (size_t)snprintf(q + n, cap - n, "&a;");
  n += (size_t)snprintf(q + n, cap - n,
                        "</target></trans-unit></body></file></xliff>");
  st = S_split_n(q, n, &x, why, sizeof why);
  ck_assert_int_eq(st, MTA_ERR_PARSE);
  ck_assert_msg(!strncmp(why, "XLIFF: ", 7), "%s", why);
  free(q);
}
END_TEST

START_TEST(malformed) {
  struct mtai_xliff x;
  char why[256];
  const char *bad = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n<file>"
                    "<body>\n<trans-unit id=\"1\"><source>a</source>\n"
                    "<target>b</source></trans-unit></body></file></xliff>\n";
  mta_status st = S_split_n(bad, strlen(bad), &x, why, sizeof why);
  ck_assert_int_eq(st, MTA_ERR_PARSE);
  ck_assert_msg(
      !strncmp(why, "XLIFF: line 5: Opening and ending tag mismatch", 46), "%s",
      why);
  ck_assert_ptr_null(strchr(why, '\n'));
  ck_assert_ptr_null(x.target);
  ck_assert_ptr_null(x.source);
  /* Cut off in the middle; an undefined entity; text after the root. */
  static const char *const more[] = {
      "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>a",
      "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>&nb;"
      "</source><target>b</target></trans-unit></body></file></xliff>",
      "<xliff version=\"1.2\"/>trailing",
      "<xliff version=\"1.2\" a=\"1\" a=\"2\"/>",
  };
  for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
    st = S_split_n(more[i], strlen(more[i]), &x, why, sizeof why);
    ck_assert_msg(st == MTA_ERR_PARSE, "%s: status %d", more[i], st);
    ck_assert_msg(!strncmp(why, "XLIFF: line 1: ", 15), "%s", why);
  }
  /* A small 'why' is cut, never overrun. */
  char tiny[8];
  st = S_split_n(bad, strlen(bad), &x, tiny, sizeof tiny);
  ck_assert_int_eq(st, MTA_ERR_PARSE);
  ck_assert_str_eq(tiny, "XLIFF: ");
}
END_TEST

START_TEST(empty) {
  static const char *const docs[] = {
      "<xliff version=\"1.2\"/>",
      S12(""),
      S12("<trans-unit id=\"1\"><source>a</source></trans-unit>"),
      S12("<trans-unit id=\"1\" translate=\"no\"><source>a</source><target>b"
          "</target></trans-unit>"),
      S20("<unit id=\"1\"><segment><source>a</source><target/></segment>"
          "</unit>"),
  };
  for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
    struct mtai_xliff x;
    char why[256];
    mta_status st = S_split_n(docs[i], strlen(docs[i]), &x, why, sizeof why);
    ck_assert_msg(st == MTA_ERR_EMPTY, "%s: status %d", docs[i], st);
    ck_assert_str_eq(why, "XLIFF: no translated units");
    ck_assert_ptr_null(x.target);
  }
}
END_TEST

/* Not XLIFF after all: another root or namespace is markup for
 * markup.c to refuse. */
START_TEST(not_xliff) {
  static const char *const docs[] = {
      "<xliff xmlns=\"urn:example:other\"><file/></xliff>",
      "<?xml version=\"1.0\"?><html><body>x</body></html>",
      "<x:xliff xmlns:x=\"urn:oasis:names:tc:xliff:document:3.0\"/>",
  };
  for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
    struct mtai_xliff x;
    char why[256];
    mta_status st = S_split_n(docs[i], strlen(docs[i]), &x, why, sizeof why);
    ck_assert_msg(st == MTA_ERR_MARKUP, "%s: status %d", docs[i], st);
    ck_assert_ptr_nonnull(strstr(why, "not an XLIFF document"));
  }
  /* A prefixed root and elements of other namespaces (a 2.0 module with
   * its own source and target) are fine. */
  struct mtai_xliff x;
  S_ok("<x:xliff xmlns:x=\"urn:oasis:names:tc:xliff:document:2.0\" "
       "xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\" version=\"2.1\">"
       "<x:file id=\"f\"><x:unit id=\"1\"><mtc:matches><mtc:match ref=\"#s\">"
       "<x:source>M</x:source><x:target>N</x:target></mtc:match></mtc:matches>"
       "<x:segment id=\"s\"><x:source>S</x:source><x:target>T</x:target>"
       "</x:segment></x:unit></x:file></x:xliff>",
       &x);
  ck_assert_str_eq(x.version, "2.1");
  ck_assert_str_eq(S_body(x.source), "S");
  ck_assert_str_eq(S_body(x.target), "T");
  mtai_xliff_clear(&x);
}
END_TEST

/* Unit order is document order, through groups and files. */
START_TEST(order) {
  char doc[16384];
  size_t k = (size_t)snprintf(doc, sizeof doc, "<xliff version=\"1.2\">");
  for (int f = 0; f < 3; f++) {
    k += (size_t)snprintf(doc + k, sizeof doc - k, "<file><body><group>");
    for (int u = 0; u < 10; u++) {
      int i = f * 10 + u;
      k += (size_t)snprintf(doc + k, sizeof doc - k,
                            "<trans-unit id=\"%d\"><source>Unit %d.</source>"
                            "<target>Einheit %d.</target></trans-unit>%s",
                            i, i, i, u == 4 ? "</group><group>" : "");
    }
    k += (size_t)snprintf(doc + k, sizeof doc - k, "</group></body></file>");
  }
  snprintf(doc + k, sizeof doc - k, "</xliff>");
  struct mtai_xliff x;
  S_ok(doc, &x);
  ck_assert_uint_eq(x.units, 30);
  for (int i = 0; i < 30; i++) {
    char want[64], p[64];
    snprintf(want, sizeof want, "Einheit %d.", i);
    ck_assert_str_eq(S_para(x.target, (size_t)i, p, sizeof p), want);
    snprintf(want, sizeof want, "Unit %d.", i);
    ck_assert_str_eq(S_para(x.source, (size_t)i, p, sizeof p), want);
  }
  mtai_xliff_clear(&x);
}
END_TEST

START_TEST(null_args) {
  struct mtai_xliff x;
  char why[64];
  ck_assert_int_eq(mtai_xliff_split(NULL, 0, &x, why, sizeof why),
                   MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mtai_xliff_split("<xliff/>", 8, NULL, why, sizeof why),
                   MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mtai_xliff_split("", 0, &x, why, sizeof why), MTA_ERR_PARSE);
  mtai_xliff_clear(NULL);
}
END_TEST

/* Several threads parse at once (the CLI's -j): same results, and one
 * thread's malformed file does not lend its error to another. */
static void *S_thread(void *arg) {
  const char *doc = arg;
  int bad = 0;
  for (int i = 0; i < 50; i++) {
    struct mtai_xliff x;
    char why[256];
    mta_status st = mtai_xliff_split(doc, strlen(doc), &x, why, sizeof why);
    if (strstr(doc, "Eins"))
      bad += st != MTA_OK || strcmp(x.target, "Eins.") || why[0];
    else
      bad += st != MTA_ERR_PARSE || strncmp(why, "XLIFF: line 1: ", 15);
    mtai_xliff_clear(&x);
  }
  return (void *)(size_t)bad;
}

START_TEST(threads) {
  static const char good[] =
      "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>One."
      "</source><target>Eins.</target></trans-unit></body></file></xliff>";
  static const char bad[] = "<xliff version=\"1.2\"><file></xliff>";
  pthread_t th[4];
  for (int i = 0; i < 4; i++)
    ck_assert_int_eq(
        pthread_create(&th[i], NULL, S_thread, (void *)(i % 2 ? bad : good)),
        0);
  for (int i = 0; i < 4; i++) {
    void *r;
    ck_assert_int_eq(pthread_join(th[i], &r), 0);
    ck_assert_uint_eq((size_t)r, 0);
  }
}
END_TEST

/* The auditor audits the targets with the sources as a parallel bitext:
 * one paragraph bead per unit, paragraph i with paragraph i. */
START_TEST(audit_parallel) {
  static const char *const files[] = {"budget-1.2.xlf", "storm-2.0.xlf"};
  static const size_t units[] = {6, 5};
  for (size_t f = 0; f < 2; f++) {
    size_t n;
    char *s = S_file(files[f], &n);
    mta_report *r = NULL;
    mta_status st = mta_audit_buffer(test_auditor(), files[f], s, n, &r);
    ck_assert_msg(st == MTA_OK, "%s: %s", files[f],
                  mta_auditor_errmsg(test_auditor()));
    ck_assert_str_eq(mta_report_encoding(r),
                     f ? "XLIFF 2.0 (UTF-8)" : "XLIFF 1.2 (UTF-8)");
    ck_assert_ptr_null(mta_report_source_error(r));
    ck_assert_str_eq(mta_report_source_name(r), files[f]);
    ck_assert_uint_eq(r->doc.npara, units[f]);
    ck_assert_ptr_nonnull(r->bi);
    ck_assert_int_eq(r->bi->parallel, 1);
    ck_assert_uint_eq(r->bi->src.npara, units[f]);
    ck_assert_uint_eq(r->bi->npb, units[f]);
    for (size_t b = 0; b < r->bi->npb; b++) {
      const struct mtai_bead *bd = &r->bi->pb[b];
      ck_assert_uint_eq(bd->t_first, b);
      ck_assert_uint_eq(bd->t_end, b + 1);
      ck_assert_uint_eq(bd->s_first, b);
      ck_assert_uint_eq(bd->s_end, b + 1);
    }
    /* No tag of the file is audited as text. */
    ck_assert_ptr_null(strstr(r->doc.text, "<"));
    mta_report_free(r);
    /* With a source besides: an error, the file has its own. */
    st = mta_audit_buffer_source(test_auditor(), files[f], s, n, "en.txt",
                                 "The source.", 11, &r);
    ck_assert_int_eq(st, MTA_ERR_INVALID_ARG);
    ck_assert_ptr_null(r);
    char want[128];
    snprintf(want, sizeof want,
             "%s: XLIFF carries its own source; drop --source", files[f]);
    ck_assert_str_eq(mta_auditor_errmsg(test_auditor()), want);
    free(s);
  }
}
END_TEST

/* Malformed XLIFF, XLIFF without translations and other XML. */
START_TEST(audit_errors) {
  static const char bad[] = "<?xml version=\"1.0\"?>\n<xliff "
                            "version=\"1.2\">\n<file><body>\n"
                            "<trans-unit id=\"1\"><source>a</source>\n"
                            "<target>b</source></trans-unit>\n</body></file>"
                            "</xliff>\n";
  mta_report *r = NULL;
  mta_status st =
      mta_audit_buffer(test_auditor(), "bad.xlf", bad, strlen(bad), &r);
  ck_assert_int_eq(st, MTA_ERR_PARSE);
  const char *m = mta_auditor_errmsg(test_auditor());
  ck_assert_msg(
      !strncmp(m, "bad.xlf: XLIFF: line 5: Opening and ending tag", 46), "%s",
      m);
  static const char none[] = "<xliff version=\"1.2\"><file><body><trans-unit "
                             "id=\"1\"><source>a</source></trans-unit>"
                             "</body></file></xliff>";
  st = mta_audit_buffer(test_auditor(), "none.xlf", none, strlen(none), &r);
  ck_assert_int_eq(st, MTA_ERR_EMPTY);
  ck_assert_str_eq(mta_auditor_errmsg(test_auditor()),
                   "none.xlf: XLIFF: no translated units");
  static const char other[] = "<xliff xmlns=\"urn:example\"><p>Ein Satz.</p>"
                              "<p>Noch einer.</p><p>Und einer.</p></xliff>";
  st = mta_audit_buffer(test_auditor(), "o.xml", other, strlen(other), &r);
  ck_assert_int_eq(st, MTA_ERR_MARKUP);
  ck_assert_ptr_nonnull(
      strstr(mta_auditor_errmsg(test_auditor()), ", not plain text"));
}
END_TEST

Suite *xliff_suite(void) {
  Suite *s = suite_create("xliff");
  TCase *tc = tcase_create("xliff");
  tcase_add_test(tc, detect);
  tcase_add_test(tc, sample_12);
  tcase_add_test(tc, sample_20);
  tcase_add_test(tc, inline_12);
  tcase_add_test(tc, inline_20);
  tcase_add_test(tc, untranslated);
  tcase_add_test(tc, entities);
  tcase_add_test(tc, external_entity);
  tcase_add_test(tc, entity_bomb);
  tcase_add_test(tc, malformed);
  tcase_add_test(tc, empty);
  tcase_add_test(tc, not_xliff);
  tcase_add_test(tc, order);
  tcase_add_test(tc, null_args);
  tcase_add_test(tc, threads);
  tcase_add_test(tc, audit_parallel);
  tcase_add_test(tc, audit_errors);
  suite_add_tcase(s, tc);
  return s;
}
