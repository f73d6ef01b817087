/*
 * Markup input: a text that is HTML, XML, RTF or LaTeX is not audited
 * (issue 14), except a page that starts as one (html_input.c reads it:
 * "<!DOCTYPE html", "<html", or a name *.html). Scraped pages given as
 * they were fetched became one
 * boilerplate paragraph and scored 100; tags inside the text would be
 * spelling and English findings. Converting them is a parser's job (and
 * no regular expression's), so the auditor refuses them with a line that
 * says what to do (auditor.c, MTA_ERR_MARKUP).
 *
 * The decision needs strong evidence, because German prose may mention
 * "<b>" or compare "a < b":
 *
 *   - the document starts with "{\rtf" (RTF), "\documentclass" or
 *     "\begin{document}" (LaTeX), "<?xml" or "<!DOCTYPE" (XML, or HTML
 *     when the declaration or the first 4 KiB name html);
 *   - the document starts with a tag and holds at least 3 tags;
 *   - or it holds at least 10 tags and they make up a fifth of its
 *     non-blank bytes, or stand on half of its non-blank lines.
 *
 * A tag is "<" or "</", an ASCII letter, name characters, then "/>", ">"
 * or blanks and attributes up to ">", or a comment "<!-- ... -->", or a
 * declaration "<!X ...>", each of at most 1 KiB and without a "<" inside:
 * so no byte is scanned twice and the test is linear in the text.
 * It is HTML when most named tags are HTML elements, else XML.
 */
#include <string.h>

#include "i18n.h"
#include "internal.h"

#define S_TAG_MAX 1024 /* bytes of one tag with its attributes */

static int S_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int S_namech(unsigned char c) {
  return S_alpha(c) || (c >= '0' && c <= '9') || c == ':' || c == '_' ||
         c == '-' || c == '.';
}

int mtai_markup_blank(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

int mtai_markup_starts(const char *t, size_t n, const char *lit) {
  size_t m = strlen(lit);
  if (n < m)
    return 0;
  for (size_t i = 0; i < m; i++) {
    unsigned char a = (unsigned char)t[i], b = (unsigned char)lit[i];
    if (a >= 'A' && a <= 'Z')
      a = (unsigned char)(a + 32);
    if (a != b)
      return 0;
  }
  return 1;
}

/* 1 when t[0..n) holds 'lit' (lower case) ignoring ASCII case. */
static int S_holds(const char *t, size_t n, const char *lit) {
  size_t m = strlen(lit);
  for (size_t i = 0; i + m <= n; i++)
    if (mtai_markup_starts(t + i, n - i, lit))
      return 1;
  return 0;
}

/* Elements of HTML (the ones pages are made of; any one will do). */
static int S_html_name(const char *p, size_t n) {
  static const char *const names[] = {
      "a",      "abbr",   "article", "aside",  "b",        "blockquote",
      "body",   "br",     "button",  "div",    "em",       "figcaption",
      "figure", "footer", "form",    "h1",     "h2",       "h3",
      "h4",     "h5",     "h6",      "head",   "header",   "hr",
      "html",   "i",      "iframe",  "img",    "input",    "li",
      "link",   "main",   "meta",    "nav",    "noscript", "ol",
      "option", "p",      "picture", "script", "section",  "select",
      "small",  "source", "span",    "strong", "style",    "sup",
      "svg",    "table",  "tbody",   "td",     "th",       "thead",
      "time",   "title",  "tr",      "u",      "ul",       "video"};
  char low[16];
  if (n >= sizeof low)
    return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  low[n] = '\0';
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
    if (!strcmp(low, names[k]))
      return 1;
  return 0;
}

/* The length of the tag at t[0..n) (t[0] is '<'), or 0 when it is none.
 * '*html' is set to 1 for an HTML element, 0 for another name, -1 for a
 * comment or declaration. */
static size_t S_tag(const char *t, size_t n, int *html) {
  size_t i = 1;
  if (mtai_markup_starts(t, n, "<!--")) {
    /* Up to the next '<' at most, like a tag: every byte is then looked
     * at by one scan only, so "<!--<!--..." costs linear time (a comment
     * with markup in it is simply not counted). */
    for (i = 4; i + 3 <= n && i < S_TAG_MAX && t[i] != '<'; i++)
      if (!memcmp(t + i, "-->", 3)) {
        *html = -1;
        return i + 3;
      }
    return 0;
  }
  if (i < n && (t[i] == '/' || t[i] == '!'))
    i++;
  if (i >= n || !S_alpha((unsigned char)t[i]))
    return 0;
  size_t name = i;
  while (i < n && S_namech((unsigned char)t[i]))
    i++;
  size_t namelen = i - name;
  if (i < n && !mtai_markup_blank((unsigned char)t[i]) && t[i] != '>' &&
      t[i] != '/')
    return 0;
  for (; i < n && i < S_TAG_MAX; i++) {
    if (t[i] == '<')
      return 0;
    if (t[i] == '>') {
      *html = t[1] == '!' ? -1 : S_html_name(t + name, namelen);
      return i + 1;
    }
  }
  return 0;
}

const char *mtai_markup_kind(const char *t, size_t n) {
  size_t s = 0;
  while (s < n && mtai_markup_blank((unsigned char)t[s]))
    s++;
  const char *b = t + s;
  size_t bn = n - s;
  if (mtai_markup_starts(b, bn, "{\\rtf"))
    return "RTF";
  if (mtai_markup_starts(b, bn, "\\documentclass") ||
      mtai_markup_starts(b, bn, "\\begin{document}"))
    return "LaTeX";
  size_t head = bn < 4096 ? bn : 4096;
  if (mtai_markup_starts(b, bn, "<?xml"))
    return S_holds(b, head, "<html") ? "HTML" : "XML";
  if (mtai_markup_starts(b, bn, "<!doctype"))
    return S_holds(b, head < 64 ? head : 64, "html") ? "HTML" : "XML";
  /* Without a '<' there is no tag: the walk below would count none (most
   * documents; memchr() is much faster than the walk). */
  if (!memchr(t, '<', n))
    return NULL;
  int first_html = 0;
  int starts_tag = bn && b[0] == '<' && S_tag(b, bn, &first_html) > 0;
  /* Count the tags, their bytes and the lines they stand on. */
  size_t tags = 0, html = 0, named = 0, tag_bytes = 0, nonblank = 0;
  size_t lines = 0, tag_lines = 0;
  int line_has_text = 0, line_has_tag = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i == n || t[i] == '\n') {
      lines += line_has_text;
      tag_lines += line_has_tag;
      line_has_text = line_has_tag = 0;
      continue;
    }
    if (mtai_markup_blank((unsigned char)t[i]))
      continue;
    line_has_text = 1;
    nonblank++;
    if (t[i] != '<')
      continue;
    int kind = 0;
    size_t len = S_tag(t + i, n - i, &kind);
    if (!len)
      continue;
    tags++;
    if (kind >= 0)
      named++;
    if (kind > 0)
      html++;
    line_has_tag = 1;
    /* Count the tag's non-blank bytes and skip it (a comment may span
     * lines: they count as lines with a tag). */
    for (size_t k = 1; k < len; k++) {
      if (t[i + k] == '\n') {
        lines++;
        tag_lines++;
      } else if (!mtai_markup_blank((unsigned char)t[i + k])) {
        nonblank++;
      }
    }
    tag_bytes += len;
    i += len - 1;
  }
  int heavy =
      tags >= 10 && (tag_bytes * 5 >= nonblank || tag_lines * 2 >= lines);
  if (!(starts_tag && tags >= 3) && !heavy)
    return NULL;
  return html * 2 >= named ? "HTML" : "XML";
}

const char *mtai_markup_advice(const char *kind) {
  if (!strcmp(kind, "HTML"))
    return _("read it with --input-format html, or convert it to text first "
             "(e.g. html2text or pandoc -t plain)");
  if (!strcmp(kind, "XML"))
    return "extract the article text first (e.g. with xmllint --xpath or "
           "pandoc -t plain)";
  if (!strcmp(kind, "RTF"))
    return "convert it to text first (e.g. unrtf --text or pandoc -t plain)";
  return "convert it to text first (e.g. pandoc -t plain)";
}
