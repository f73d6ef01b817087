/*
 * Tests of src/render_html.c (the article page and the batch index) and of
 * mtai_sink_html_str() in src/emit.c.
 *
 * Pages are checked with a small strict markup checker (S_check_markup):
 * one doctype, every non-void element closed in order, attribute values
 * quoted and free of < and >, no raw < or > in text, every & starting a
 * character reference, and exactly one <html> element. Anything from the
 * article that escaped unescaped ("<script>", "</div>", a stray quote in
 * an attribute) breaks one of those rules.
 *
 * Marks are checked against the document: the text inside all marks of
 * finding k (id="f-k", then data-f="k") must be exactly its span's text
 * within the paragraphs, escaped, whatever the overlaps. Reports come from
 * the real auditor (test_audit) and, for spans no check produces (nested,
 * identical, crossing paragraphs, in a gap, empty, invalid UTF-8), from a
 * report built by hand.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emit.h"
#include "tests.h"

/* ---- helpers ------------------------------------------------------------ */

static char *S_page(const mta_report *r) {
  char *out = NULL;
  ck_assert_int_eq(mta_render(r, MTA_FORMAT_HTML, NULL, &out), MTA_OK);
  ck_assert_ptr_nonnull(out);
  return out;
}

/* mtai_sink_html_str(s[0..n)) into a new string. */
static char *S_esc(const char *s, size_t n) {
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  struct mtai_sink k = {.buf = &b};
  mtai_sink_html_str(&k, s, n);
  ck_assert_int_eq(k.status, MTA_OK);
  char *out = mtai_buf_detach(&b);
  ck_assert_ptr_nonnull(out);
  return out;
}

static void S_esc_is(const char *s, size_t n, const char *want) {
  char *got = S_esc(s, n);
  ck_assert_str_eq(got, want);
  free(got);
}

static size_t S_count(const char *hay, const char *needle) {
  size_t n = 0, len = strlen(needle);
  for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += len)
    n++;
  return n;
}

static int S_is_void(const char *name) {
  return !strcmp(name, "meta") || !strcmp(name, "br") ||
         !strcmp(name, "link") || !strcmp(name, "img");
}

/* 1 when the & at 'p' starts a reference ("&amp;", "&#39;"). */
static int S_entity(const char *p) {
  p++;
  if (*p == '#') {
    p++;
    if (!(*p >= '0' && *p <= '9'))
      return 0;
    while (*p >= '0' && *p <= '9')
      p++;
  } else {
    if (!(*p >= 'a' && *p <= 'z'))
      return 0;
    while (*p >= 'a' && *p <= 'z')
      p++;
  }
  return *p == ';';
}

/* The strict markup checker described at the top. Returns NULL when 'h'
 * passes, else a static description of the first problem. */
static const char *S_check_markup(const char *h) {
  static char why[160];
  char stack[256][16];
  int depth = 0, htmls = 0;
  const char *p = h;
  if (strncmp(p, "<!DOCTYPE html>\n", 16))
    return "no doctype at the start";
  p += 16;
  while (*p) {
    if (*p == '>')
      return "raw > in text";
    if (*p == '&') {
      if (!S_entity(p))
        return "raw & in text";
      p++;
      continue;
    }
    if (*p != '<') {
      p++;
      continue;
    }
    char name[16];
    size_t n = 0;
    int closing = p[1] == '/';
    p += closing ? 2 : 1;
    while ((*p >= 'a' && *p <= 'z') || (n && *p >= '0' && *p <= '9')) {
      if (n + 1 >= sizeof name)
        return "tag name too long";
      name[n++] = *p++;
    }
    name[n] = '\0';
    if (!n)
      return "raw < in text";
    if (closing) {
      if (*p != '>')
        return "junk in a closing tag";
      p++;
      if (!depth || strcmp(stack[depth - 1], name)) {
        snprintf(why, sizeof why, "unexpected </%s> (open: %s)", name,
                 depth ? stack[depth - 1] : "none");
        return why;
      }
      depth--;
      continue;
    }
    /* Attributes: name or name="value". */
    for (;;) {
      while (*p == ' ' || *p == '\n')
        p++;
      if (*p == '>')
        break;
      if (!((*p >= 'a' && *p <= 'z') || *p == '-'))
        return "bad attribute name";
      while ((*p >= 'a' && *p <= 'z') || *p == '-')
        p++;
      if (*p != '=')
        continue;
      if (*++p != '"')
        return "unquoted attribute value";
      for (p++; *p != '"'; p++) {
        if (!*p || *p == '<' || *p == '>')
          return "< or > in an attribute value";
        if (*p == '&' && !S_entity(p))
          return "raw & in an attribute value";
      }
      p++;
    }
    p++;
    if (!strcmp(name, "html"))
      htmls++;
    if (S_is_void(name))
      continue;
    if (!strcmp(name, "script") || !strcmp(name, "style")) {
      char end[24];
      snprintf(end, sizeof end, "</%s>", name);
      const char *e = strstr(p, end);
      if (!e)
        return "unterminated script or style";
      p = e + strlen(end);
      continue;
    }
    if (depth == 256)
      return "nesting too deep";
    strcpy(stack[depth++], name);
  }
  if (depth) {
    snprintf(why, sizeof why, "<%s> never closed", stack[depth - 1]);
    return why;
  }
  if (htmls != 1)
    return "not exactly one <html>";
  return NULL;
}

static void S_assert_markup(const char *h) {
  const char *why = S_check_markup(h);
  ck_assert_msg(why == NULL, "bad markup: %s", why ? why : "");
  ck_assert_msg(mtai_utf8_valid(h, strlen(h), NULL), "page is not UTF-8");
  size_t len = strlen(h);
  ck_assert_str_eq(h + len - 8, "</html>\n");
}

/* Text (tags removed, references kept) inside every mark of finding 'k'
 * in document order: its target marks, or with 'side' 's' its source
 * marks. Caller frees. */
static char *S_side_text(const char *h, size_t k, char side) {
  char id[32], df[32];
  snprintf(id, sizeof id, " id=\"%c-%zu\"", side, k);
  snprintf(df, sizeof df, " data-%c=\"%zu\"", side, k);
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  for (const char *p = h; (p = strstr(p, "<mark ")) != NULL; p++) {
    const char *gt = strchr(p, '>');
    ck_assert_ptr_nonnull(gt);
    char tag[2048];
    size_t n = (size_t)(gt - p);
    ck_assert_uint_lt(n, sizeof tag);
    memcpy(tag, p, n);
    tag[n] = '\0';
    if (!strstr(tag, id) && !strstr(tag, df))
      continue;
    int depth = 1;
    const char *q = gt + 1;
    while (depth) {
      ck_assert_int_ne(*q, '\0');
      if (*q == '<') {
        if (!strncmp(q, "</mark>", 7))
          depth--;
        else if (!strncmp(q, "<mark ", 6))
          depth++;
        q = strchr(q, '>') + 1;
      } else {
        mtai_buf_putc(&b, *q++);
      }
    }
  }
  char *out = mtai_buf_detach(&b);
  ck_assert_ptr_nonnull(out);
  return out;
}

static char *S_mark_text(const char *h, size_t k) {
  return S_side_text(h, k, 'f');
}

/* What S_mark_text() must give for finding 'k': its span's parts inside
 * the paragraphs, escaped. */
static char *S_span_text(const mta_report *r, size_t k) {
  const struct mta_finding *f = &r->findings[k];
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  for (size_t i = 0; i < r->doc.npara; i++) {
    size_t a = r->doc.paras[i].start, e = r->doc.paras[i].end;
    size_t s = f->start > a ? f->start : a, t = f->end < e ? f->end : e;
    if (s < t) {
      char *x = S_esc(r->doc.text + s, t - s);
      mtai_buf_puts(&b, x);
      free(x);
    }
  }
  char *out = mtai_buf_detach(&b);
  ck_assert_ptr_nonnull(out);
  return out;
}

/* Every finding of 'r' has exactly one element with id f-N, a <mark
 * class="f cat-C sev-S ..." with data-rule, whose marks hold exactly the
 * span's text; and exactly one note n-N linking back to it. */
static void S_assert_marks(const mta_report *r, const char *h) {
  ck_assert_uint_eq(S_count(h, " id=\"f-"), r->nfind);
  for (size_t k = 0; k < r->nfind; k++) {
    const struct mta_finding *f = &r->findings[k];
    char id[32], want[256];
    snprintf(id, sizeof id, " id=\"f-%zu\"", k);
    ck_assert_uint_eq(S_count(h, id), 1);
    const char *at = strstr(h, id);
    const char *lt = at;
    while (lt > h && *lt != '<')
      lt--;
    snprintf(want, sizeof want, "<mark class=\"f cat-%s sev-%s",
             mtai_category_name(f->rule->category),
             mta_severity_name(f->severity));
    ck_assert_msg(!strncmp(lt, want, strlen(want)), "finding %zu: %.60s", k,
                  lt);
    snprintf(want, sizeof want, "%s data-rule=\"%s\"", id, f->rule->id);
    ck_assert_ptr_nonnull(strstr(h, want));
    snprintf(want, sizeof want, " id=\"n-%zu\"", k);
    ck_assert_uint_eq(S_count(h, want), 1);
    snprintf(want, sizeof want, "href=\"#f-%zu\"", k);
    ck_assert_uint_ge(S_count(h, want), 1);
    char *got = S_mark_text(h, k), *exp = S_span_text(r, k);
    ck_assert_msg(!strcmp(got, exp), "finding %zu marks '%s', span '%s'", k,
                  got, exp);
    free(got);
    free(exp);
  }
}

/* ---- a report built by hand --------------------------------------------- */

static const struct mta_rule S_rule_spell = {.id = "spelling/unknown",
                                             .category = MTAI_CAT_SPELLING,
                                             .severity = MTA_SEV_MAJOR,
                                             .summary = "unknown word"};
static const struct mta_rule S_rule_order = {.id = "word-order/verb-position",
                                             .category = MTAI_CAT_WORD_ORDER,
                                             .severity = MTA_SEV_MAJOR,
                                             .summary = "verb position"};
static const struct mta_rule S_rule_punct = {.id = "punctuation/space-before",
                                             .category = MTAI_CAT_PUNCTUATION,
                                             .severity = MTA_SEV_MINOR,
                                             .summary = "space before"};
static const struct mta_rule S_rule_english = {.id = "english-leftover/word",
                                               .category =
                                                   MTAI_CAT_ENGLISH_LEFTOVER,
                                               .severity = MTA_SEV_MAJOR,
                                               .summary = "English word"};
static const struct mta_rule S_rule_bp = {.id = "boilerplate/comments",
                                          .category = MTAI_CAT_BOILERPLATE,
                                          .severity = MTA_SEV_MINOR,
                                          .summary = "boilerplate"};
static const struct mta_rule S_rule_dup = {.id = "duplicate/paragraph",
                                           .category = MTAI_CAT_DUPLICATE,
                                           .severity = MTA_SEV_MINOR,
                                           .summary = "duplicate"};

/* Paragraphs of S_fake_text (separated by blank lines): a heading, text
 * with hostile markup and invalid bytes, boilerplate, a caption. */
static const char S_p0[] = "\xC3\x9C"
                           "berschrift <b>fett</b>";
static const char S_p1[] = "Ein & zwei \"drei\" </div> <script>alert(1)"
                           "</script> Ende \xFF\xFE hier.";
static const char S_p2[] = "Leave a Reply";
static const char S_p3[] = "Soldaten in Moskau. \xC2\xA9 Foto";

static struct mta_report *S_fake_report(const char *name) {
  struct mta_report *r = calloc(1, sizeof *r);
  ck_assert_ptr_nonnull(r);
  struct mta_buf t;
  mtai_buf_init(&t, 0);
  const char *parts[4] = {S_p0, S_p1, S_p2, S_p3};
  static const enum mtai_para_kind kinds[4] = {
      MTAI_PARA_HEADING, MTAI_PARA_TEXT, MTAI_PARA_BOILERPLATE,
      MTAI_PARA_CAPTION};
  r->doc.paras = calloc(4, sizeof *r->doc.paras);
  ck_assert_ptr_nonnull(r->doc.paras);
  r->doc.npara = 4;
  for (size_t i = 0; i < 4; i++) {
    struct mtai_paragraph *p = &r->doc.paras[i];
    if (i)
      mtai_buf_puts(&t, "\n\n");
    p->start = mtai_buf_len(&t);
    mtai_buf_puts(&t, parts[i]);
    p->end = mtai_buf_len(&t);
    p->line = 1 + 2 * i;
    p->kind = kinds[i];
    p->scored = kinds[i] != MTAI_PARA_BOILERPLATE;
    p->words = 5;
    p->score = i == 1 ? 60.0 : 100.0;
  }
  ck_assert_int_eq(mtai_doc_set_bp(&r->doc, 2, "comments",
                                   r->doc.paras[2].start, r->doc.paras[2].end,
                                   "the paragraph is \"leave a reply\" <x>"),
                   MTA_OK);
  mtai_buf_puts(&t, "\n");
  r->doc.len = mtai_buf_len(&t);
  r->doc.text = mtai_buf_detach(&t);
  r->doc.name = strdup(name);
  ck_assert_ptr_nonnull(r->doc.text);
  ck_assert_ptr_nonnull(r->doc.name);
  snprintf(r->doc.encoding, sizeof r->doc.encoding, "UTF-8");
  r->words = 15;
  r->penalty = 7;
  r->score = 91.25;
  r->scored = 1;
  r->gated = 1;
  r->gate.fail_under = 95.0;
  r->gate.min_words = 1;
  r->reason = MTA_REASON_SCORE;
  r->passed = 0;
  return r;
}

/* Appends a finding of 'rule' over bytes [start, end) in paragraph
 * 'para' (line and column are made up). */
static void S_fake_find(struct mta_report *r, const struct mta_rule *rule,
                        mta_severity sev, size_t start, size_t end, size_t para,
                        const char *msg, const char *sugg) {
  struct mta_finding *f =
      realloc(r->findings, (r->nfind + 1) * sizeof *r->findings);
  ck_assert_ptr_nonnull(f);
  r->findings = f;
  r->capfind = r->nfind + 1;
  f = &r->findings[r->nfind++];
  memset(f, 0, sizeof *f);
  f->rule = rule;
  f->severity = sev;
  f->start = start;
  f->end = end;
  f->para = para;
  f->line = 1 + 2 * (para < 4 ? para : 3);
  f->col = 1;
  f->message = strdup(msg);
  f->suggestion = sugg ? strdup(sugg) : NULL;
  ck_assert_ptr_nonnull(f->message);
}

/* Byte offset of 'what' in paragraph 'i' of the fake report. */
static size_t S_at(const struct mta_report *r, size_t i, const char *what) {
  const char *p = strstr(r->doc.text + r->doc.paras[i].start, what);
  ck_assert_ptr_nonnull(p);
  return (size_t)(p - r->doc.text);
}

/* Findings: nested, identical, partly overlapping, empty inside another,
 * over invalid bytes, crossing two paragraphs, in the gap between two,
 * empty at a paragraph's end, and one outside every paragraph. */
static struct mta_report *S_fake(void) {
  struct mta_report *r = S_fake_report("dir/a<b>&\"c\".txt");
  size_t zwei = S_at(r, 1, "zwei"), drei = S_at(r, 1, "drei");
  size_t div = S_at(r, 1, "</div>");
  size_t bad = S_at(r, 1, "\xFF\xFE"), reply = S_at(r, 2, "Reply");
  size_t sold = S_at(r, 3, "Soldaten");
  /* 0 */ S_fake_find(r, &S_rule_spell, MTA_SEV_MAJOR, 0, 12, 0,
                      "unknown word '\xC3\x9C"
                      "berschrift'",
                      NULL);
  /* 1 */ S_fake_find(r, &S_rule_order, MTA_SEV_CRITICAL, zwei, drei + 5, 1,
                      "outer span", "zwei drei");
  /* 2 */ S_fake_find(r, &S_rule_spell, MTA_SEV_MINOR, drei, drei + 4, 1,
                      "inner span", NULL);
  /* 3 */ S_fake_find(r, &S_rule_english, MTA_SEV_MAJOR, drei, drei + 4, 1,
                      "same span as the inner one", NULL);
  /* 4 */ S_fake_find(r, &S_rule_punct, MTA_SEV_MINOR, drei + 2, div + 6, 1,
                      "runs out of the outer span", NULL);
  /* 5 */ S_fake_find(r, &S_rule_punct, MTA_SEV_MINOR, zwei + 2, zwei + 2, 1,
                      "empty inside the outer span", ",");
  /* 6 */ S_fake_find(r, &S_rule_spell, MTA_SEV_MAJOR, bad, bad + 2, 1,
                      "bad <b>&'x'</b>", "\"y\" & <z>");
  /* 7 */ S_fake_find(r, &S_rule_bp, MTA_SEV_MINOR, reply, sold + 4, 2,
                      "crosses two paragraphs", NULL);
  /* 8 */ S_fake_find(r, &S_rule_dup, MTA_SEV_MINOR, r->doc.paras[0].end,
                      r->doc.paras[1].start, 0, "in the gap", NULL);
  /* 9 */ S_fake_find(r, &S_rule_punct, MTA_SEV_MINOR, r->doc.paras[3].end,
                      r->doc.paras[3].end, 3, "empty at the end", ".");
  /* 10 */ S_fake_find(r, &S_rule_punct, MTA_SEV_MINOR, r->doc.len, r->doc.len,
                       99, "outside every paragraph", NULL);
  return r;
}

/* ---- mtai_sink_html_str ------------------------------------------------- */

START_TEST(html_str_escapes_markup) {
  S_esc_is("&<>\"'", 5, "&amp;&lt;&gt;&quot;&#39;");
  S_esc_is("<script>alert(1)</script>", 25,
           "&lt;script&gt;alert(1)&lt;/script&gt;");
  S_esc_is("", 0, "");
  /* Only n bytes. */
  S_esc_is("a<b", 2, "a&lt;");
  /* Nothing else is touched: letters, UTF-8, tab, newline, CR, U+FFFD. */
  static const char ok[] = "Gr\xC3\xBC\xC3\x9F"
                           "e \xE2\x82\xAC/=;#%\t\n\r"
                           "\xEF\xBF\xBD \xF0\x9F\x98\x80";
  S_esc_is(ok, sizeof ok - 1, ok);
}
END_TEST

START_TEST(html_str_replaces_invalid_utf8) {
  S_esc_is("\xFF\xFE", 2, "\xEF\xBF\xBD\xEF\xBF\xBD");
  S_esc_is("a\xC3", 2, "a\xEF\xBF\xBD");                 /* truncated */
  S_esc_is("\xC3\xA4\xC3", 3, "\xC3\xA4\xEF\xBF\xBD");   /* cut by n */
  S_esc_is("\xE9t\xE9", 3, "\xEF\xBF\xBDt\xEF\xBF\xBD"); /* Latin-1 */
  char *x = S_esc("\xC0\xAF<\xED\xA0\x80\xF4\x90\x80\x80", 10);
  ck_assert(mtai_utf8_valid(x, strlen(x), NULL));
  ck_assert_ptr_nonnull(strstr(x, "&lt;"));
  ck_assert_ptr_null(strchr(x, '<'));
  free(x);
}
END_TEST

START_TEST(html_str_replaces_control_characters) {
  S_esc_is("a\x01"
           "b\x1F"
           "c\x7F",
           6,
           "a\xEF\xBF\xBD"
           "b\xEF\xBF\xBD"
           "c\xEF\xBF\xBD");
  S_esc_is("x\0y", 3, "x\xEF\xBF\xBDy");
  S_esc_is("\xC2\x85", 2, "\xEF\xBF\xBD"); /* C1 NEL */
  S_esc_is("\xC2\xA0", 2, "\xC2\xA0");     /* NBSP is fine */
}
END_TEST

/* Issue 12: bidi controls would reorder the page (and the highlighted
 * spans); they are shown as text. */
START_TEST(html_str_shows_bidi_controls) {
  S_esc_is("a\xE2\x80\xAE"
           "b",
           5, "a&lt;U+202E&gt;b");
  S_esc_is("\xE2\x81\xA6\xE2\x81\xA9\xE2\x80\x8F", 9,
           "&lt;U+2066&gt;&lt;U+2069&gt;&lt;U+200F&gt;");
  /* Other format characters stay (U+200B, U+2028 are harmless here). */
  S_esc_is("\xE2\x80\x8B", 3, "\xE2\x80\x8B");
}
END_TEST

/* ---- the article page ------------------------------------------------------
 */

START_TEST(page_is_one_self_contained_document) {
  mta_report *r = test_audit("Er sagte , dass er heute nicht kommt.\n\n"
                             "Er kam,und ging.\n");
  ck_assert_uint_ge(r->nfind, 2);
  char *h = S_page(r);
  S_assert_markup(h);
  ck_assert_uint_eq(S_count(h, "<!DOCTYPE html>"), 1);
  ck_assert_uint_eq(S_count(h, "<html lang=\"de\">"), 1);
  ck_assert_uint_eq(S_count(h, "</html>"), 1);
  ck_assert_ptr_nonnull(strstr(h, "<meta charset=\"utf-8\">"));
  ck_assert_uint_eq(S_count(h, "<style>"), 1);
  /* Nothing to fetch, nothing to run. */
  ck_assert_ptr_null(strstr(h, "<script"));
  ck_assert_ptr_null(strstr(h, "<link"));
  ck_assert_ptr_null(strstr(h, "src="));
  ck_assert_ptr_null(strstr(h, "url("));
  ck_assert_ptr_null(strstr(h, "@import"));
  ck_assert_ptr_null(strstr(h, "http"));
  S_assert_marks(r, h);
  mta_free(h);
  mta_report_free(r);
}
END_TEST

START_TEST(page_marks_every_finding_of_an_audit) {
  /* Overlapping findings: " ." (space before) and ".Dann" (missing
   * space); "Smith's" (an English word and a genitive). */
  mta_report *r = test_audit(
      "Er sagte , dass die Regierung hat die Mittel gekürzt und kam,und "
      "ging .Dann sprach Mr. Smith's Team mit Sept. 12 über $4.5 billion.\n"
      "\n"
      "Leave a Reply\n");
  ck_assert_uint_ge(r->nfind, 6);
  int overlap = 0;
  for (size_t i = 0; i + 1 < r->nfind; i++)
    if (r->findings[i + 1].start < r->findings[i].end)
      overlap = 1;
  ck_assert_msg(overlap, "the test text should give overlapping findings");
  char *h = S_page(r);
  S_assert_markup(h);
  S_assert_marks(r, h);
  /* One badge per paragraph, one note per finding. */
  ck_assert_uint_eq(S_count(h, "<span class=\"ps "), r->doc.npara);
  ck_assert_uint_eq(S_count(h, "<li class=\"note "), r->nfind);
  mta_free(h);
  mta_report_free(r);
}
END_TEST

START_TEST(page_without_findings) {
  mta_report *r = test_audit("Die Regierung hat die Mittel gek\xC3\xBCrzt.\n");
  ck_assert_uint_eq(r->nfind, 0);
  char *h = S_page(r);
  S_assert_markup(h);
  ck_assert_ptr_null(strstr(h, "<mark"));
  ck_assert_ptr_null(strstr(h, "id=\"f-"));
  /* Six words: no score, and without a gate no badge. */
  ck_assert_ptr_null(strstr(h, "class=\"badge"));
  ck_assert_ptr_nonnull(strstr(h, "<div class=\"num off\">\xE2\x80\x93</div>"
                                  "<div class=\"of\">no score: 6 scored "
                                  "words, fewer than 30</div>"));
  ck_assert_ptr_nonnull(strstr(h, "gek\xC3\xBCrzt."));
  mta_free(h);
  /* A score (minimum one word) and a gate it passes: PASS, no reason. */
  test_rescore(r, 50.0, 0, MTA_SEV_MINOR, 0);
  h = S_page(r);
  S_assert_markup(h);
  ck_assert_ptr_nonnull(strstr(h, "<div class=\"num ok\">100.0</div>"));
  ck_assert_ptr_nonnull(strstr(h, "<span class=\"badge pass\">PASS</span>"));
  ck_assert_ptr_null(strstr(h, "class=\"why\""));
  mta_free(h);
  mta_report_free(r);
}
END_TEST

START_TEST(page_escapes_hostile_article) {
  mta_report *r = NULL;
  static const char text[] =
      "Ein & zwei \"drei\" </div> <script>alert(1)</script> und 'vier'.\n"
      "\n"
      "Mr. Kim kam,und ging .\n";
  ck_assert_int_eq(mta_audit_buffer(test_auditor(), "a<b>&\"c\".txt", text,
                                    strlen(text), &r),
                   MTA_OK);
  char *h = S_page(r);
  S_assert_markup(h);
  S_assert_marks(r, h);
  ck_assert_ptr_null(strstr(h, "<script"));
  ck_assert_ptr_null(strstr(h, "</div> "));
  ck_assert_ptr_null(strstr(h, "a<b>"));
  ck_assert_ptr_nonnull(strstr(h, "&lt;/div&gt;"));
  ck_assert_ptr_nonnull(strstr(h, "Ein &amp; zwei &quot;drei&quot;"));
  ck_assert_ptr_nonnull(strstr(h, "&#39;vier&#39;"));
  ck_assert_ptr_nonnull(strstr(h, "alert(1)"));
  /* The name in the title and in the header. */
  ck_assert_uint_eq(S_count(h, "a&lt;b&gt;&amp;&quot;c&quot;.txt"), 2);
  mta_free(h);
  mta_report_free(r);
}
END_TEST

START_TEST(page_invalid_utf8_in_name) {
  mta_report *r = NULL;
  static const char text[] = "Er kam,und ging.\n";
  ck_assert_int_eq(mta_audit_buffer(test_auditor(), "caf\xE9 \xFF.txt", text,
                                    strlen(text), &r),
                   MTA_OK);
  char *h = S_page(r);
  S_assert_markup(h);
  /* Invalid bytes of a name are shown as in the text report. */
  ck_assert_ptr_nonnull(strstr(h, "<title>caf\\xe9 \\xff.txt"));
  ck_assert_ptr_nonnull(strstr(h, "<h1>caf\\xe9 \\xff.txt</h1>"));
  mta_free(h);
  mta_report_free(r);
}
END_TEST

/* Issue 12: a terminal sequence, newline or bidi control in a file name
 * is shown in the title and heading, not passed on. */
START_TEST(page_hostile_name_is_visible) {
  mta_report *r = NULL;
  static const char text[] = "Er kam,und ging.\n";
  ck_assert_int_eq(mta_audit_buffer(test_auditor(),
                                    "x\x1b]0;t\x07\n\xE2\x80\xAEtxt.exe", text,
                                    strlen(text), &r),
                   MTA_OK);
  char *h = S_page(r);
  S_assert_markup(h);
  ck_assert_ptr_nonnull(strstr(
      h, "<title>x\\x1b]0;t\\x07\\n&lt;U+202E&gt;txt.exe \xC2\xB7 mtaudit"));
  ck_assert_ptr_nonnull(
      strstr(h, "<h1>x\\x1b]0;t\\x07\\n&lt;U+202E&gt;txt.exe</h1>"));
  ck_assert_ptr_null(strstr(h, "\xE2\x80\xAE"));
  mta_free(h);
  mta_report_free(r);
}
END_TEST

START_TEST(page_overlapping_and_odd_spans) {
  struct mta_report *r = S_fake();
  char *h = S_page(r);
  S_assert_markup(h);
  /* Every finding: one id, right classes, marks holding its span. */
  S_assert_marks(r, h);
  /* Nested marks: the inner spans inside the outer one. */
  ck_assert_ptr_nonnull(strstr(h, "</mark></mark></mark>"));
  /* Empty spans and the span in the gap are carets. */
  ck_assert_ptr_nonnull(strstr(h, "sev-minor empty\" id=\"f-5\""));
  ck_assert_ptr_nonnull(strstr(h, "sev-minor empty\" id=\"f-8\""));
  ck_assert_ptr_nonnull(strstr(h, "sev-minor empty\" id=\"f-9\""));
  ck_assert_ptr_nonnull(strstr(h, "sev-minor empty\" id=\"f-10\""));
  /* Carets stand where the empty span is (inside the outer mark, at the
   * paragraph's end), a span in a gap at the end of its paragraph. */
  ck_assert_ptr_nonnull(strstr(h, ">zw</mark><mark class=\"f "
                                  "cat-punctuation sev-minor empty\" "
                                  "id=\"f-5\""));
  ck_assert_ptr_nonnull(strstr(h, "Foto<mark class=\"f cat-punctuation "
                                  "sev-minor empty\" id=\"f-9\""));
  ck_assert_ptr_nonnull(strstr(h, "fett&lt;/b&gt;<mark class=\"f "
                                  "cat-duplicate sev-minor empty\" "
                                  "id=\"f-8\""));
  /* The crossing span is marked in both paragraphs, with one id. */
  ck_assert_uint_eq(S_count(h, "data-f=\"7\""), 1);
  ck_assert_ptr_nonnull(strstr(h, "outside the paragraphs"));
  /* The invalid bytes became U+FFFD, inside finding 6's mark. */
  char *t = S_mark_text(h, 6);
  ck_assert_str_eq(t, "\xEF\xBF\xBD\xEF\xBF\xBD");
  free(t);
  /* Markup in the text, message, suggestion and boilerplate reason. */
  ck_assert_ptr_null(strstr(h, "<b>fett"));
  ck_assert_ptr_null(strstr(h, "<script"));
  ck_assert_ptr_null(strstr(h, "</div> "));
  ck_assert_ptr_nonnull(strstr(h, "&lt;b&gt;fett&lt;/b&gt;"));
  ck_assert_ptr_nonnull(strstr(h, "Ein &amp; "));
  ck_assert_ptr_nonnull(strstr(h, "&lt;/div&gt;"));
  ck_assert_ptr_nonnull(strstr(h, "title=\"bad &lt;b&gt;&amp;&#39;x&#39;"
                                  "&lt;/b&gt; \xE2\x80\x94 suggestion: "
                                  "&quot;y&quot; &amp; &lt;z&gt;\""));
  ck_assert_ptr_nonnull(strstr(h, "<div class=\"msg\">bad &lt;b&gt;&amp;"
                                  "&#39;x&#39;&lt;/b&gt;</div>"));
  ck_assert_ptr_nonnull(strstr(h, "&quot;leave a reply&quot; &lt;x&gt;"));
  ck_assert_ptr_nonnull(strstr(h, "dir/a&lt;b&gt;&amp;&quot;c&quot;.txt"));
  mta_free(h);
  mta_report_free(r);
}
END_TEST

START_TEST(page_header_and_paragraph_kinds) {
  struct mta_report *r = S_fake();
  char *h = S_page(r);
  /* Header: score with one decimal, FAIL, words, counts. */
  ck_assert_ptr_nonnull(strstr(h, "<div class=\"num warn\">91.3</div>"));
  ck_assert_ptr_nonnull(strstr(h, "<span class=\"badge fail\">FAIL</span>"
                                  "<div class=\"why\">score 91.3 under 95"
                                  "</div>"));
  ck_assert_ptr_nonnull(strstr(h, "<b>15</b> words"));
  ck_assert_ptr_nonnull(strstr(h, "<b>11</b> findings"));
  ck_assert_ptr_nonnull(strstr(h, ">1 critical</li>"));
  ck_assert_ptr_nonnull(strstr(h, ">3 major</li>"));
  ck_assert_ptr_nonnull(strstr(h, ">7 minor</li>"));
  ck_assert_ptr_nonnull(strstr(h, "<i></i>punctuation <b>4</b>"));
  ck_assert_ptr_nonnull(strstr(h, "<i></i>spelling <b>3</b>"));
  ck_assert_ptr_nonnull(strstr(h, "chip cat-garbled zero\"><i></i>garbled "
                                  "<b>0</b>"));
  /* Every category has its colour. */
  for (int c = 0; c < MTAI_CAT__COUNT; c++) {
    char css[64];
    snprintf(css, sizeof css, ".cat-%s{--c:#",
             mtai_category_name((enum mtai_category)c));
    ck_assert_msg(strstr(h, css) != NULL, "no colour for %s", css);
  }
  /* Kinds: heading, text, boilerplate (not scored), caption. */
  ck_assert_uint_eq(S_count(h, "<h2>"), 1);
  ck_assert_ptr_nonnull(strstr(h, "class=\"para k-heading\" id=\"p-1\""));
  ck_assert_ptr_nonnull(strstr(h, "class=\"para k-boilerplate\" id=\"p-3\""));
  ck_assert_uint_eq(S_count(h, "boilerplate \xC2\xB7 not scored</span>"), 1);
  ck_assert_uint_eq(S_count(h, "<p class=\"caption\">"), 1);
  ck_assert_uint_eq(S_count(h, "<span class=\"ps "), 4);
  ck_assert_ptr_nonnull(strstr(h, "<span class=\"ps bad\" "
                                  "title=\"paragraph score\">60.0</span>"));
  /* A paragraph left out of the score shows a dash, not a score. */
  ck_assert_ptr_nonnull(strstr(h, "<span class=\"ps off\" title=\"paragraph "
                                  "score (not scored)\">\xE2\x80\x93</span>"));
  /* Notes: rule, severity, position, suggestion, link to the mark. */
  ck_assert_ptr_nonnull(
      strstr(h, "<li class=\"note cat-word-order\" id=\"n-1\"><div class=\"h\">"
                "<a class=\"n\" href=\"#f-1\">2</a><span class=\"sev "
                "sev-critical\">critical</span><a class=\"rule\" href=\"#f-1\">"
                "word-order/verb-position</a><span class=\"pos\">3:1</span>"));
  ck_assert_ptr_nonnull(strstr(h, "<span lang=\"de\">zwei drei</span>"));
  mta_free(h);
  mta_report_free(r);
}
END_TEST

START_TEST(page_after_sink_failure) {
  /* A sink that already failed writes nothing more. */
  struct mta_report *r = S_fake();
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  struct mtai_sink k = {.buf = &b, .status = MTA_ERR_IO};
  mta_render_options ro = {0};
  mtai_render_html.document(&k, r, &ro, 0);
  ck_assert_int_eq(k.status, MTA_ERR_IO);
  ck_assert_uint_eq(mtai_buf_len(&b), 0);
  ck_assert(mtai_render_html.begin == NULL);
  ck_assert(mtai_render_html.error == NULL);
  ck_assert(mtai_render_html.end == NULL);
  mtai_buf_free(&b);
  mta_report_free(r);
}
END_TEST

/* ---- the index page ------------------------------------------------------ */

static char *S_index(const struct mtai_batch *b) {
  struct mta_buf buf;
  mtai_buf_init(&buf, 0);
  struct mtai_sink k = {.buf = &buf};
  mta_render_options ro = {0};
  mtai_html_index(&k, b, &ro);
  ck_assert_int_eq(k.status, MTA_OK);
  char *out = mtai_buf_detach(&buf);
  ck_assert_ptr_nonnull(out);
  return out;
}

START_TEST(index_lists_articles_and_errors) {
  struct mtai_row rows[3];
  memset(rows, 0, sizeof rows);
  rows[0].name = (char *)"a<b>&\"c\".txt";
  rows[0].page = (char *)"a_b___c_.txt.html";
  rows[0].words = 1211;
  rows[0].score = 97.94;
  rows[0].scored = rows[1].scored = rows[2].scored = 1;
  rows[0].gated = rows[1].gated = rows[2].gated = 1;
  rows[0].passed = 1;
  rows[0].counts[MTA_SEV_MAJOR] = 2;
  rows[0].cats[MTAI_CAT_SPELLING] = 2;
  rows[1].name = (char *)"plain.txt";
  rows[1].words = 10;
  rows[1].score = 100.0;
  rows[1].passed = 1;
  rows[2].name = (char *)"x.txt";
  rows[2].page = (char *)"x.txt.html";
  rows[2].words = 300;
  rows[2].score = 42.0;
  rows[2].passed = 0;
  rows[2].counts[MTA_SEV_CRITICAL] = 1;
  rows[2].counts[MTA_SEV_MAJOR] = 9;
  rows[2].counts[MTA_SEV_MINOR] = 5;
  rows[2].cats[MTAI_CAT_SPELLING] = 5;
  rows[2].cats[MTAI_CAT_PUNCTUATION] = 2;
  rows[2].cats[MTAI_CAT_ENGLISH_LEFTOVER] = 7;
  rows[2].cats[MTAI_CAT_GARBLED] = 1;
  struct mtai_error_row errs[2] = {
      {(char *)"bad<1>.txt", MTA_ERR_IO, (char *)"No such <file> & dir", 0,
       NULL, 0},
      {(char *)"empty.txt", MTA_ERR_EMPTY, NULL, 0, NULL, 0}};
  struct mtai_batch b;
  memset(&b, 0, sizeof b);
  b.rows = rows;
  b.nrows = b.caprows = 3;
  b.errors = errs;
  b.nerrors = b.caperrors = 2;
  b.failed = 1;
  char *h = S_index(&b);
  S_assert_markup(h);
  ck_assert_uint_eq(S_count(h, "<html lang=\"de\">"), 1);
  /* Summary. */
  ck_assert_ptr_nonnull(strstr(h, "<b>3</b>articles"));
  ck_assert_ptr_nonnull(strstr(h, "<b>2</b>passed"));
  ck_assert_ptr_nonnull(strstr(h, "<b>1</b>failed"));
  ck_assert_ptr_nonnull(strstr(h, "<b>2</b>errors"));
  /* Escaped names, links to pages, none for a row without one. */
  ck_assert_ptr_null(strstr(h, "a<b>"));
  ck_assert_ptr_nonnull(strstr(h, "<a href=\"./a_b___c_.txt.html\">"
                                  "a&lt;b&gt;&amp;&quot;c&quot;.txt</a>"));
  ck_assert_ptr_nonnull(strstr(h, "data-v=\"a&lt;b&gt;&amp;&quot;c&quot;"
                                  ".txt\""));
  ck_assert_ptr_nonnull(strstr(h, "<a href=\"./x.txt.html\">x.txt</a>"));
  ck_assert_ptr_nonnull(strstr(h, "data-v=\"plain.txt\">plain.txt</td>"));
  ck_assert_uint_eq(S_count(h, "<a href="), 2);
  /* Input order, with positions for the sort script. */
  const char *r0 = strstr(h, "<tr data-i=\"0\">");
  const char *r1 = strstr(h, "<tr data-i=\"1\">");
  const char *r2 = strstr(h, "<tr data-i=\"2\">");
  ck_assert(r0 && r1 && r2 && r0 < r1 && r1 < r2);
  ck_assert(strstr(r0, "a&lt;b") < r1 && strstr(r1, "plain.txt") < r2);
  /* Numbers: score with one decimal, result, counts by severity. */
  ck_assert_ptr_nonnull(strstr(r0, "data-v=\"97.9\" data-label=\"Score\">"
                                   "<span class=\"ps ok\">97.9</span>"));
  ck_assert_ptr_nonnull(strstr(r2, "<span class=\"badge fail\">FAIL</span>"));
  ck_assert_ptr_nonnull(
      strstr(r2, "<td class=\"r\" data-v=\"1\" data-label=\"Critical\">1</td>"
                 "<td class=\"r\" data-v=\"9\" data-label=\"Major\">9</td>"
                 "<td class=\"r\" data-v=\"5\" data-label=\"Minor\">5</td>"));
  /* The three most frequent categories, most frequent first. */
  const char *top = strstr(r2, "<td class=\"top\" data-label=\"Top "
                               "categories\">");
  ck_assert_ptr_nonnull(top);
  const char *en = strstr(top, "english-leftover <b>7</b>");
  const char *sp = strstr(top, "spelling <b>5</b>");
  const char *pu = strstr(top, "punctuation <b>2</b>");
  ck_assert(en && sp && pu && en < sp && sp < pu);
  ck_assert_ptr_null(strstr(top, "garbled"));
  const char *none =
      strstr(r1, "<td class=\"top\" data-label=\"Top categories\"></td>");
  ck_assert(none && none < r2);
  /* Errors below the table, escaped, with their status. */
  const char *errors = strstr(h, "<section class=\"errors card\"");
  ck_assert(errors && errors > r2);
  ck_assert_ptr_nonnull(strstr(errors, "bad&lt;1&gt;.txt</td><td "
                                       "class=\"st\">io</td><td>No such "
                                       "&lt;file&gt; &amp; dir</td>"));
  ck_assert_ptr_nonnull(strstr(errors, "empty.txt</td><td class=\"st\">"
                                       "empty</td><td></td>"));
  /* Sortable by score: a header button and the script. */
  ck_assert_ptr_nonnull(strstr(h, "data-sort=\"num\"><button "
                                  "type=\"button\">Score</button>"));
  ck_assert_uint_eq(S_count(h, "<script>"), 1);
  ck_assert_ptr_nonnull(strstr(h, "aria-sort"));
  mta_free(h);
}
END_TEST

/* The index names the run (date and time with the offset from UTC, the
 * version) and the gate: every threshold set, or that none was. */
START_TEST(index_shows_run_and_gate) {
  struct mtai_batch b;
  memset(&b, 0, sizeof b);
  b.started = 2 * 86400 + 43200; /* 1970-01-03 12:00 UTC: the 3rd anywhere */
  char *h = S_index(&b);
  S_assert_markup(h);
  const char *t = strstr(h, "<time datetime=\"1970-01-03T");
  ck_assert_ptr_nonnull(t);
  t += strlen("<time datetime=\"1970-01-03T");
  /* HH:MM:SS+HH:MM */
  ck_assert(t[2] == ':' && t[5] == ':' && (t[8] == '+' || t[8] == '-') &&
            t[11] == ':' && t[14] == '"');
  ck_assert_ptr_nonnull(strstr(h, mta_version_string()));
  ck_assert_ptr_nonnull(strstr(h, "none set: no PASS or FAIL"));
  mta_free(h);
  b.have_gate = 1;
  b.gate.fail_under = 97.5;
  b.gate.on_severity = 1;
  b.gate.fail_on = MTA_SEV_MAJOR;
  b.gate.on_unscored = 1;
  b.gate.fail_unscored = 20;
  b.gate.min_words = 30;
  b.hidden = 4;
  h = S_index(&b);
  S_assert_markup(h);
  ck_assert_ptr_null(strstr(h, "none set"));
  ck_assert_ptr_nonnull(strstr(h, "score at least <b>97.5</b>"));
  ck_assert_ptr_nonnull(strstr(h, "no finding of severity <b>major</b>"));
  ck_assert_ptr_nonnull(strstr(h, "unscored words at most <b>20 %</b>"));
  ck_assert_ptr_nonnull(strstr(h, "scored words at least <b>30</b>"));
  ck_assert_ptr_nonnull(strstr(h, "<b>4</b>findings hidden"));
  mta_free(h);
}
END_TEST

START_TEST(index_of_an_empty_batch) {
  struct mtai_batch b;
  memset(&b, 0, sizeof b);
  char *h = S_index(&b);
  S_assert_markup(h);
  ck_assert_ptr_nonnull(strstr(h, "<b>0</b>articles"));
  ck_assert_ptr_nonnull(strstr(h, "<b>0</b>errors"));
  ck_assert_ptr_nonnull(strstr(h, "No articles."));
  ck_assert_ptr_null(strstr(h, "<table"));
  ck_assert_ptr_null(strstr(h, "class=\"errors"));
  mta_free(h);
}
END_TEST

START_TEST(index_rows_from_a_report) {
  /* The row mta_render() makes of a report, through the index. */
  mta_report *r = test_audit("Er kam,und ging .\n");
  struct mtai_row row;
  memset(&row, 0, sizeof row);
  row.name = r->doc.name;
  row.words = r->words;
  row.score = r->score;
  row.passed = r->passed;
  for (size_t i = 0; i < r->nfind; i++) {
    row.counts[r->findings[i].severity]++;
    row.cats[r->findings[i].rule->category]++;
  }
  struct mtai_batch b;
  memset(&b, 0, sizeof b);
  b.rows = &row;
  b.nrows = 1;
  char *h = S_index(&b);
  S_assert_markup(h);
  char want[64];
  snprintf(want, sizeof want, "punctuation <b>%zu</b>",
           row.cats[MTAI_CAT_PUNCTUATION]);
  ck_assert_uint_ge(row.cats[MTAI_CAT_PUNCTUATION], 2);
  ck_assert_ptr_nonnull(strstr(h, want));
  ck_assert_ptr_nonnull(strstr(h, "data-v=\"test\">test</td>"));
  /* Too short for a score: the result column gives the reason. */
  ck_assert_ptr_nonnull(strstr(h, "Result</button>"));
  mta_free(h);
  /* A scored article and no gate: no result column at all. */
  row.scored = 1;
  h = S_index(&b);
  S_assert_markup(h);
  ck_assert_ptr_null(strstr(h, "Result</button>"));
  ck_assert_ptr_null(strstr(h, "class=\"badge"));
  mta_free(h);
  /* With a gate, the column and the badge are back. */
  row.gated = 1;
  row.passed = 1;
  h = S_index(&b);
  ck_assert_ptr_nonnull(strstr(h, "Result</button>"));
  ck_assert_ptr_nonnull(strstr(h, "<span class=\"badge pass\">PASS</span>"));
  mta_free(h);
  mta_report_free(r);
}
END_TEST

/* ---- the directory writer ------------------------------------------------ */

static int S_exists(const char *dir, const char *name) {
  char path[4200];
  struct stat st;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return lstat(path, &st) == 0;
}

static mta_report *S_named(const char *name) {
  mta_report *r = NULL;
  static const char text[] = "Er kam,und ging.\n";
  ck_assert_int_eq(
      mta_audit_buffer(test_auditor(), name, text, strlen(text), &r), MTA_OK);
  return r;
}

START_TEST(dir_writer_index_last) {
  char *dir = test_tmpdir("html");
  mta_report *a = S_named("in/a.txt"), *b = S_named("in/b.txt");
  mta_writer *w = NULL;
  char *why = NULL;
  ck_assert_int_eq(mta_writer_new_path(MTA_FORMAT_HTML, NULL, dir, &w, &why),
                   MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, a), MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, b), MTA_OK);
  ck_assert(S_exists(dir, "a.txt.html") && S_exists(dir, "b.txt.html"));
  ck_assert(!S_exists(dir, "index.html")); /* only at the end */
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  ck_assert(S_exists(dir, "index.html"));
  ck_assert_str_eq(mta_writer_errmsg(w), "");
  mta_writer_free(w);
  test_rmdir(dir);
  mta_report_free(a);
  mta_report_free(b);
}
END_TEST

/* Issue 12: a page that cannot be written stops the output; the index is
 * not written (an old one was removed at the start), and the error names
 * the page and the system's reason. */
START_TEST(dir_writer_no_index_after_a_failed_page) {
  char *dir = test_tmpdir("html");
  char path[4200], want[4400];
  snprintf(path, sizeof path, "%s/index.html", dir);
  FILE *fp = fopen(path, "w");
  ck_assert_ptr_nonnull(fp);
  fputs("<p>an earlier run</p>", fp);
  fclose(fp);
  snprintf(path, sizeof path, "%s/b.txt.html", dir);
  ck_assert_int_eq(mkdir(path, 0755), 0); /* the page cannot replace it */
  mta_report *a = S_named("a.txt"), *b = S_named("b.txt"),
             *c = S_named("c.txt");
  mta_writer *w = NULL;
  ck_assert_int_eq(mta_writer_new_dir(MTA_FORMAT_HTML, NULL, dir, &w), MTA_OK);
  ck_assert(!S_exists(dir, "index.html"));
  ck_assert_int_eq(mta_writer_add(w, a), MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, b), MTA_ERR_IO);
  snprintf(want, sizeof want, "%s: Is a directory", path);
  ck_assert_str_eq(mta_writer_errmsg(w), want);
  ck_assert_int_eq(mta_writer_add(w, c), MTA_ERR_IO);
  ck_assert(!S_exists(dir, "c.txt.html"));
  ck_assert_int_eq(mta_writer_finish(w), MTA_ERR_IO);
  ck_assert(!S_exists(dir, "index.html"));
  ck_assert_str_eq(mta_writer_errmsg(w), want); /* the first failure */
  mta_writer_free(w);
  test_rmdir(dir);
  mta_report_free(a);
  mta_report_free(b);
  mta_report_free(c);
}
END_TEST

START_TEST(dir_writer_bad_directory) {
  char *dir = test_tmpdir("html");
  char path[4200], want[4400];
  snprintf(path, sizeof path, "%s/file", dir);
  FILE *fp = fopen(path, "w");
  ck_assert_ptr_nonnull(fp);
  fclose(fp);
  mta_writer *w = NULL;
  char *why = NULL;
  ck_assert_int_eq(mta_writer_new_path(MTA_FORMAT_HTML, NULL, path, &w, &why),
                   MTA_ERR_IO);
  snprintf(want, sizeof want, "%s: not a directory", path);
  ck_assert_str_eq(why, want);
  mta_free(why);
  snprintf(path, sizeof path, "%s/no/such", dir);
  ck_assert_int_eq(mta_writer_new_path(MTA_FORMAT_HTML, NULL, path, &w, &why),
                   MTA_ERR_IO);
  snprintf(want, sizeof want,
           "%s: cannot create the directory: No such file or directory", path);
  ck_assert_str_eq(why, want);
  mta_free(why);
  test_rmdir(dir);
}
END_TEST

/* ---- source and target side by side ------------------------------------ */

/* Adds a finding over target bytes [start, end) about source bytes
 * [ss, se) of 'r' (audited with a usable source). Returns its sequence
 * number (S_index_of() finds it after later additions). */
static size_t S_src_find(mta_report *r, size_t start, size_t end, size_t ss,
                         size_t se, const char *msg) {
  ck_assert_int_eq(mtai_report_add(r, &S_rule_spell, MTA_SEV_MAJOR, start, end,
                                   NULL, "%s", msg),
                   MTA_OK);
  struct mta_finding *f = &r->findings[r->nfind - 1];
  f->src_start = ss;
  f->src_end = se;
  size_t seq = f->seq;
  mtai_findings_sort(r);
  return seq;
}

static size_t S_index_of(const mta_report *r, size_t seq) {
  for (size_t k = 0; k < r->nfind; k++)
    if (r->findings[k].seq == seq)
      return k;
  ck_abort_msg("finding lost");
  return 0;
}

/* Byte offset of 'what' in the source text of 'r'. */
static size_t S_src_at(const mta_report *r, const char *what) {
  const char *p = strstr(r->bi->src.text, what);
  ck_assert_ptr_nonnull(p);
  return (size_t)(p - r->bi->src.text);
}

/* The source marks of every finding with a source span hold exactly the
 * span's text inside the source paragraphs, escaped; the pair has its
 * class and rule, the note its link. */
static void S_assert_src_marks(const mta_report *r, const char *h) {
  size_t pairs = 0;
  for (size_t k = 0; k < r->nfind; k++) {
    const struct mta_finding *f = &r->findings[k];
    char want[128];
    snprintf(want, sizeof want, " id=\"s-%zu\"", k);
    if (!mtai_finding_has_src(r, f)) {
      ck_assert_ptr_null(strstr(h, want));
      continue;
    }
    pairs++;
    ck_assert_uint_eq(S_count(h, want), 1);
    struct mta_buf b;
    mtai_buf_init(&b, 0);
    const struct mtai_doc *sd = &r->bi->src;
    for (size_t i = 0; i < sd->npara; i++) {
      size_t a = sd->paras[i].start, e = sd->paras[i].end;
      size_t x = f->src_start > a ? f->src_start : a;
      size_t y = f->src_end < e ? f->src_end : e;
      if (x < y) {
        char *t = S_esc(sd->text + x, y - x);
        mtai_buf_puts(&b, t);
        free(t);
      }
    }
    char *got = S_side_text(h, k, 's'), *exp = mtai_buf_detach(&b);
    ck_assert_msg(!strcmp(got, exp),
                  "finding %zu: source marks '%s', span '%s'", k, got, exp);
    free(got);
    free(exp);
    snprintf(want, sizeof want, ":has(.pk-%zu:hover,#f-%zu:target", k, k);
    ck_assert_uint_eq(S_count(h, want), 1);
    snprintf(want, sizeof want, " pk-%zu\" id=\"f-%zu\"", k, k);
    ck_assert_msg(strstr(h, want), "no pair class on the mark of %zu", k);
    snprintf(want, sizeof want, " pk-%zu\" id=\"n-%zu\"", k, k);
    ck_assert_msg(strstr(h, want), "no pair class on the note of %zu", k);
    snprintf(want, sizeof want, "<a href=\"#s-%zu\" lang=\"en\">", k);
    ck_assert_uint_eq(S_count(h, want), 1);
  }
  ck_assert_uint_eq(S_count(h, ":has(.pk-"), pairs);
}

START_TEST(page_side_by_side) {
  mta_report *r =
      test_audit_source("de.txt", test_pair_de, "en.txt", test_pair_en);
  test_add_src_finding(r, "4,5 Milliarden Dollar", "$4.5 billion",
                       MTA_SEV_CRITICAL, "source has 4.5 billion");
  char *h = S_page(r);
  S_assert_markup(h);
  S_assert_marks(r, h);
  S_assert_src_marks(r, h);
  ck_assert_uint_eq(S_count(h, "<main class=\"doc card bi\">"), 1);
  ck_assert_ptr_nonnull(strstr(h, "<li class=\"source\">source <b>en.txt</b> "
                                  "(4 paragraphs, aligned)</li>"));
  /* The column heads, then one row per paragraph bead, each with the
   * English paragraph left of the German one. */
  ck_assert_ptr_nonnull(strstr(h, "English source \xC2\xB7 <b>en.txt</b>"));
  ck_assert_uint_eq(S_count(h, "<section class=\"para pair\""), 4);
  for (size_t i = 1; i <= 4; i++) {
    char sp[32], tp[32];
    snprintf(sp, sizeof sp, " id=\"sp-%zu\">", i);
    snprintf(tp, sizeof tp, "\" id=\"p-%zu\">", i);
    const char *a = strstr(h, sp), *b = strstr(h, tp);
    ck_assert_msg(a && b && a < b, "row %zu: source, then target", i);
  }
  ck_assert_ptr_nonnull(strstr(h, "<h2 id=\"sp-1\">Pentagon to send"));
  ck_assert_ptr_nonnull(strstr(h, "<div class=\"tp k-heading\" id=\"p-1\">"
                                  "<h2>Pentagon schickt"));
  ck_assert_ptr_nonnull(strstr(h, "\">$4.5 billion</mark><sup class=\"fn "));
  /* Both marks and the note in one row: the rule is scoped to the row. */
  ck_assert_uint_eq(S_count(h, "\n.pair:has(.pk-"), 1);
  /* Still nothing to run or fetch. */
  ck_assert_ptr_null(strstr(h, "<script"));
  ck_assert_ptr_null(strstr(h, "http"));
  mta_free(h);
  mta_report_free(r);
}
END_TEST

START_TEST(page_source_not_used) {
  mta_report *r =
      test_audit_source("de.txt", test_pair_de, "de.txt", test_pair_de);
  char *h = S_page(r);
  S_assert_markup(h);
  ck_assert_ptr_nonnull(strstr(h, "<li class=\"source unused\">source <b>"
                                  "de.txt</b> not used: looks German, not "
                                  "English ("));
  ck_assert_ptr_null(strstr(h, "<section class=\"para pair"));
  ck_assert_ptr_nonnull(strstr(h, "<main class=\"doc card\">"));
  mta_free(h);
  mta_report_free(r);
}
END_TEST

/* Rows of other shapes: two German paragraphs for one English, an
 * omission (empty German cell; its note in that row), an addition
 * (empty English cell), a source span over two paragraphs and hostile
 * source text. */
START_TEST(page_side_by_side_beads) {
  static const char en[] =
      "Pentagon to send more weapons to Ukraine\n\n"
      "The Pentagon will send $4.5 billion in new military aid to Ukraine, "
      "officials <said> \"on\" September 28 & later.\n\n"
      "Defense Secretary Lloyd Austin said the package includes 20 artillery "
      "systems and 1,000 drones.\n\n"
      "\"We will stand with Ukraine for as long as it takes,\" Austin told "
      "reporters in Washington.\n";
  mta_report *r = test_audit_source("de.txt", test_pair_de, "en.txt", en);
  ck_assert_uint_eq(r->bi->src.npara, 4);
  ck_assert_uint_eq(r->doc.npara, 4);
  /* Beads by hand: [t0|s0] [t1 t2|s1] [-|s2] [t3|-] [-|s3]. */
  static const struct mtai_bead beads[] = {{0, 1, 0, 1, 0},
                                           {1, 3, 1, 2, 0},
                                           {3, 3, 2, 3, 0},
                                           {3, 4, 3, 3, 0},
                                           {4, 4, 3, 4, 0}};
  struct mtai_bead *pb = realloc(r->bi->pb, sizeof beads);
  ck_assert_ptr_nonnull(pb);
  memcpy(pb, beads, sizeof beads);
  r->bi->pb = pb;
  r->bi->npb = 5;
  /* An omission: empty target span where paragraph 4 starts. */
  size_t p3 = r->doc.paras[3].start;
  size_t omit = S_src_find(r, p3, p3, r->bi->src.paras[2].start,
                           r->bi->src.paras[2].end, "omitted");
  /* An omission at the end: its caret at the end of the last German
   * paragraph, a row before its own. */
  size_t last = S_src_find(r, r->doc.paras[3].end, r->doc.paras[3].end,
                           r->bi->src.paras[3].start, r->bi->src.paras[3].end,
                           "omitted at the end");
  /* A source span over two paragraphs and one over hostile text. */
  size_t two = S_src_find(r, r->doc.paras[1].start, r->doc.paras[1].start + 3,
                          S_src_at(r, "Ukraine, officials"),
                          S_src_at(r, "Defense Secretary") + 7, "two");
  S_src_find(r, r->doc.paras[2].start, r->doc.paras[2].start + 5,
             S_src_at(r, "<said>"), S_src_at(r, "later") + 5, "hostile");
  omit = S_index_of(r, omit);
  last = S_index_of(r, last);
  two = S_index_of(r, two);
  char *h = S_page(r);
  S_assert_markup(h);
  S_assert_marks(r, h);
  S_assert_src_marks(r, h);
  ck_assert_uint_eq(S_count(h, "<section class=\"para pair"), 5);
  ck_assert_uint_eq(S_count(h, "<section class=\"para pair omission\""), 2);
  ck_assert_uint_eq(S_count(h, "<section class=\"para pair addition\""), 1);
  /* The 2-1 row holds both German paragraphs and their gutter entries. */
  const char *row = strstr(h, "<section class=\"para pair\" id=\"b-2\">");
  ck_assert_ptr_nonnull(row);
  const char *next = strstr(row + 1, "<section ");
  ck_assert_ptr_nonnull(next);
  const char *p2 = strstr(row, " id=\"p-2\">"),
             *p3x = strstr(row, " id=\"p-3\">");
  ck_assert(p2 && p3x && p2 < next && p3x < next);
  ck_assert(strstr(row, "href=\"#p-3\"") < next);
  /* Omission: an empty German cell, the note in its row; addition: an
   * empty English cell. */
  row = strstr(h, "<section class=\"para pair omission\" id=\"b-3\">");
  ck_assert_ptr_nonnull(row);
  next = strstr(row + 1, "<section ");
  const char *none = strstr(row, "<div class=\"txt\"><div class=\"none\"");
  char nid[64];
  snprintf(nid, sizeof nid, " id=\"n-%zu\"", omit);
  const char *note = strstr(row, nid);
  ck_assert(none && none < next && note && note < next);
  row = strstr(h, "<section class=\"para pair addition\" id=\"b-4\">");
  ck_assert_ptr_nonnull(row);
  ck_assert_ptr_eq(strstr(row, "<div class=\"src\" lang=\"en\"><div "
                               "class=\"none\""),
                   strstr(row, "<div class=\"src\""));
  /* The omission at the end: its note in the last row, its caret in the
   * row before. */
  row = strstr(h, "<section class=\"para pair omission\" id=\"b-5\">");
  ck_assert_ptr_nonnull(row);
  snprintf(nid, sizeof nid, " id=\"n-%zu\"", last);
  ck_assert_ptr_nonnull(strstr(row, nid));
  snprintf(nid, sizeof nid, " id=\"f-%zu\"", last);
  ck_assert(strstr(h, nid) < row);
  /* Pairs across rows (the omission's caret, a span over two rows): the
   * rule is scoped to the page. */
  snprintf(nid, sizeof nid, "\n.doc:has(.pk-%zu:hover", omit);
  ck_assert_ptr_nonnull(strstr(h, nid));
  snprintf(nid, sizeof nid, "\n.doc:has(.pk-%zu:hover", two);
  ck_assert_ptr_nonnull(strstr(h, nid));
  /* The span over two paragraphs: an id, then data-s, also in the next. */
  char ds[32];
  snprintf(ds, sizeof ds, " data-s=\"%zu\"", two);
  ck_assert_uint_ge(S_count(h, ds), 2);
  const char *sp3 = strstr(h, " id=\"sp-3\">");
  ck_assert_ptr_nonnull(sp3);
  ck_assert_ptr_nonnull(strstr(sp3, ds));
  /* The hostile source text is escaped (the markup check passed). */
  ck_assert_ptr_nonnull(strstr(h, "&lt;said&gt; &quot;on&quot; September 28 "
                                  "&amp; later"));
  mta_free(h);
  mta_report_free(r);
}
END_TEST

Suite *render_html_suite(void) {
  Suite *s = suite_create("render-html");
  TCase *tc = tcase_create("escape");
  tcase_add_test(tc, html_str_escapes_markup);
  tcase_add_test(tc, html_str_replaces_invalid_utf8);
  tcase_add_test(tc, html_str_replaces_control_characters);
  tcase_add_test(tc, html_str_shows_bidi_controls);
  suite_add_tcase(s, tc);
  tc = tcase_create("page");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, page_is_one_self_contained_document);
  tcase_add_test(tc, page_marks_every_finding_of_an_audit);
  tcase_add_test(tc, page_without_findings);
  tcase_add_test(tc, page_escapes_hostile_article);
  tcase_add_test(tc, page_invalid_utf8_in_name);
  tcase_add_test(tc, page_hostile_name_is_visible);
  tcase_add_test(tc, page_overlapping_and_odd_spans);
  tcase_add_test(tc, page_header_and_paragraph_kinds);
  tcase_add_test(tc, page_after_sink_failure);
  suite_add_tcase(s, tc);
  tc = tcase_create("source");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, page_side_by_side);
  tcase_add_test(tc, page_source_not_used);
  tcase_add_test(tc, page_side_by_side_beads);
  suite_add_tcase(s, tc);
  tc = tcase_create("index");
  tcase_add_test(tc, index_lists_articles_and_errors);
  tcase_add_test(tc, index_of_an_empty_batch);
  tcase_add_test(tc, index_shows_run_and_gate);
  tcase_add_test(tc, index_rows_from_a_report);
  suite_add_tcase(s, tc);
  tc = tcase_create("dir-writer");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, dir_writer_index_last);
  tcase_add_test(tc, dir_writer_no_index_after_a_failed_page);
  tcase_add_test(tc, dir_writer_bad_directory);
  suite_add_tcase(s, tc);
  return s;
}
