/*
 * XLIFF input: XLIFF 1.2 (<trans-unit> with <source>/<target>) and 2.0
 * (<unit>/<segment> with <source>/<target>) documents become two texts,
 * the targets and the sources, one paragraph per unit in document order,
 * which the auditor audits as target and parallel source (auditor.c).
 * Each paragraph is one line, put on the line its <target> (<source>)
 * element has in the file by the blank lines before it: the report's
 * line numbers then point to the unit in the file (columns count in the
 * collapsed text).
 *
 * The XML is libxml2's job, never ours: xmlCtxtReadMemory() on the
 * decoded text (UTF-8, so the declaration's encoding is ignored) with
 * XML_PARSE_NONET and without XML_PARSE_NOENT / XML_PARSE_DTDLOAD, so no
 * external entity, external DTD or network resource is ever read (an
 * external entity stays an unexpanded reference and contributes no
 * text). libxml2 itself rejects entity loops and exponential expansion
 * ("billion laughs"); the text of internal entities is expanded here
 * within a budget of the document's own size.
 *
 * Errors go to a structured handler set on the call's own parser context
 * (nothing is printed, no global handler is touched): the first fatal
 * error and its line become the message. libxml2 is initialized once
 * (pthread_once); everything else lives in the call, so documents are
 * parsed in parallel by the worker threads.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <unicode/uchar.h>

#include "xliff.h"
#include "i18n.h"

#define S_NS1 "urn:oasis:names:tc:xliff:document:1."
#define S_NS2 "urn:oasis:names:tc:xliff:document:2.0"
#define S_PROLOG_MAX ((size_t)64 * 1024) /* bytes detect reads at most */
#define S_DEPTH_MAX 1024                 /* element and entity nesting */

#if LIBXML_VERSION >= 21200
typedef const xmlError *S_errptr;
#else
typedef xmlErrorPtr S_errptr;
#endif

/* ---- detection --------------------------------------------------------- */

static int S_blank(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int S_lit(const char *t, size_t n, size_t i, const char *lit) {
  size_t m = strlen(lit);
  return i + m <= n && !memcmp(t + i, lit, m);
}

/* The offset just past the first 'end' at or after t[i], or n. */
static size_t S_past(const char *t, size_t n, size_t i, const char *end) {
  size_t m = strlen(end);
  for (; i + m <= n; i++)
    if (!memcmp(t + i, end, m))
      return i + m;
  return n;
}

/* The offset past a document type declaration starting at t[i]: its
 * internal subset in brackets may hold '>' in declarations, quoted
 * strings and comments. */
static size_t S_past_doctype(const char *t, size_t n, size_t i) {
  int depth = 0;
  while (i < n) {
    char c = t[i];
    if (c == '"' || c == '\'') {
      const char *q = memchr(t + i + 1, c, n - i - 1);
      i = q ? (size_t)(q - t) + 1 : n;
    } else if (S_lit(t, n, i, "<!--")) {
      i = S_past(t, n, i + 4, "-->");
    } else {
      if (c == '[')
        depth++;
      else if (c == ']' && depth > 0)
        depth--;
      else if (c == '>' && depth == 0)
        return i + 1;
      i++;
    }
  }
  return n;
}

int mtai_xliff_detect(const char *t, size_t n) {
  if (!t)
    return 0;
  if (n > S_PROLOG_MAX)
    n = S_PROLOG_MAX;
  size_t i = 0;
  for (;;) {
    while (i < n && S_blank((unsigned char)t[i]))
      i++;
    if (S_lit(t, n, i, "<?"))
      i = S_past(t, n, i + 2, "?>");
    else if (S_lit(t, n, i, "<!--"))
      i = S_past(t, n, i + 4, "-->");
    else if (S_lit(t, n, i, "<!DOCTYPE"))
      i = S_past_doctype(t, n, i + 9);
    else
      break;
  }
  if (i >= n || t[i] != '<')
    return 0;
  /* The root element's name; its local part must be "xliff". */
  size_t s = ++i, local = i;
  while (i < n && !S_blank((unsigned char)t[i]) && t[i] != '>' && t[i] != '/' &&
         t[i] != '<') {
    if (t[i] == ':')
      local = i + 1;
    i++;
  }
  if (i >= n || i == s)
    return 0;
  return i - local == 5 && !memcmp(t + local, "xliff", 5);
}

/* ---- errors ------------------------------------------------------------- */

struct S_err {
  char msg[200];
  int line;
  int level; /* of the error kept: XML_ERR_FATAL wins over an earlier one */
};

/* Keeps the first fatal error (else the first error) of the parse. */
static void S_error(void *data, S_errptr e) {
  xmlParserCtxtPtr c = data;
  struct S_err *er = c ? c->_private : NULL;
  if (!er || !e || e->level < XML_ERR_ERROR || er->level >= (int)e->level)
    return;
  er->level = (int)e->level;
  er->line = e->line;
  const char *m = e->message ? e->message : "malformed XML";
  size_t k = 0;
  for (; m[k] && k + 1 < sizeof er->msg; k++) {
    unsigned char ch = (unsigned char)m[k];
    er->msg[k] = (char)(ch < 0x20 || ch == 0x7f ? ' ' : ch);
  }
  while (k > 0 && er->msg[k - 1] == ' ')
    k--;
  er->msg[k] = '\0';
}

/* ---- text of a unit ------------------------------------------------------ */

/* One side (target or source) being written: the text, and the state of
 * whitespace collapsing inside the current unit. */
struct S_side {
  struct mta_buf b;
  size_t mark;  /* the length of b before the current unit */
  size_t unit;  /* where the current unit's text starts in b */
  long line;    /* the line b ends on (1-based) */
  int space;    /* whitespace pending */
  int gap;      /* a placeholder pending */
  int32_t last; /* the last code point of the unit, 0 at its start */
};

struct S_ctx {
  xmlDocPtr doc;
  const xmlChar *ns; /* the root's namespace, NULL for none */
  int v2;            /* XLIFF 2 (units and segments) */
  struct S_side tgt, src;
  size_t budget;     /* bytes the two texts may still grow by (text) */
  long tline, sline; /* the lines of the current unit's texts */
  mta_status st;
};

static int S_ws(int32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}

static void S_add(struct S_ctx *cx, struct S_side *sd, const char *p,
                  size_t n) {
  if (cx->st)
    return;
  if (n > cx->budget) {
    cx->st = MTA_ERR_TOO_LARGE;
    return;
  }
  cx->budget -= n;
  cx->st = mtai_buf_add(&sd->b, p, n);
}

/* 1 when a placeholder (a line break, an image) between code points
 * 'prev' and 'next' stands for a space: before a letter, digit or
 * opening bracket or quotation mark, unless after an opening one or a
 * dash or slash ("Satz.<x/>Neuer" and "Wort<x/>Wort" get one, "Wort<x/>,"
 * and "(<x/>Wort" do not). */
static int S_gap_space(int32_t prev, int32_t next) {
  int8_t pt = u_charType(prev), nt = u_charType(next);
  int opens = nt == U_START_PUNCTUATION || nt == U_INITIAL_PUNCTUATION;
  if (!u_isalnum(next) && !opens)
    return 0;
  return pt != U_START_PUNCTUATION && pt != U_INITIAL_PUNCTUATION &&
         pt != U_DASH_PUNCTUATION && prev != '/';
}

/* Appends text s[0..n) to the unit: whitespace runs become one space
 * (none at the unit's start), a pending placeholder a space where it
 * separates words or sentences (S_gap_space()). */
static void S_text(struct S_ctx *cx, struct S_side *sd, const char *s,
                   size_t n) {
  size_t i = 0;
  while (i < n && !cx->st) {
    size_t at = i;
    int32_t c = mtai_utf8_next(s, n, &i);
    if (S_ws(c)) {
      sd->space = 1;
      continue;
    }
    if (sd->last && (sd->space || (sd->gap && S_gap_space(sd->last, c))))
      S_add(cx, sd, " ", 1);
    sd->space = sd->gap = 0;
    S_add(cx, sd, s + at, i - at);
    sd->last = c;
  }
}

/* 1 when element 'e' belongs to the document's XLIFF namespace (or both
 * have none) and is named 'name'. */
static int S_is(const struct S_ctx *cx, xmlNodePtr e, const char *name) {
  if (e->type != XML_ELEMENT_NODE || strcmp((const char *)e->name, name))
    return 0;
  if (!e->ns || !e->ns->href)
    return cx->ns == NULL;
  return cx->ns && !xmlStrcmp(e->ns->href, cx->ns);
}

static int S_ours(const struct S_ctx *cx, xmlNodePtr e) {
  if (!e->ns || !e->ns->href)
    return cx->ns == NULL;
  return cx->ns && !xmlStrcmp(e->ns->href, cx->ns);
}

/* The text of the inline content 'n' (a list of siblings) of a source or
 * target. */
static void S_inline(struct S_ctx *cx, struct S_side *sd, xmlNodePtr n,
                     int depth) {
  if (depth > S_DEPTH_MAX) {
    cx->st = MTA_ERR_PARSE;
    return;
  }
  for (; n && !cx->st; n = n->next) {
    switch (n->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (n->content)
        S_text(cx, sd, (const char *)n->content,
               strlen((const char *)n->content));
      break;
    case XML_ENTITY_REF_NODE: {
      /* Internal entities only: an external one was never loaded. */
      xmlEntityPtr ent = xmlGetDocEntity(cx->doc, n->name);
      if (ent && ent->etype == XML_INTERNAL_GENERAL_ENTITY)
        S_inline(cx, sd, ent->children, depth + 1);
      break;
    }
    case XML_ELEMENT_NODE: {
      const char *name = (const char *)n->name;
      if (!S_ours(cx, n)) {
        S_inline(cx, sd, n->children, depth + 1);
      } else if (!strcmp(name, "x") || !strcmp(name, "ph") ||
                 !strcmp(name, "it")) {
        /* A placeholder (1.2 <ph>/<it> hold native code, not text). */
        sd->gap = 1;
      } else if (!strcmp(name, "bx") || !strcmp(name, "ex") ||
                 !strcmp(name, "bpt") || !strcmp(name, "ept") ||
                 !strcmp(name, "sc") || !strcmp(name, "ec") ||
                 !strcmp(name, "sm") || !strcmp(name, "em") ||
                 !strcmp(name, "cp") || !strcmp(name, "sub")) {
        /* Codes and markers around text; their content is code. */
      } else {
        /* <g>, <mrk>, <pc> and anything else: the text inside. */
        S_inline(cx, sd, n->children, depth + 1);
      }
      break;
    }
    default:
      break;
    }
  }
}

/* The first child element of 'e' named 'name' in the namespace. */
static xmlNodePtr S_child(const struct S_ctx *cx, xmlNodePtr e,
                          const char *name) {
  for (xmlNodePtr c = e->children; c; c = c->next)
    if (S_is(cx, c, name))
      return c;
  return NULL;
}

/* 1 when 'b' holds a visible character from byte 'from' on: text of
 * only no-break or zero-width spaces is no text (the segmenter would
 * take its line for a blank one, and paragraphs would no longer pair). */
static int S_ink(const struct mta_buf *b, size_t from) {
  const char *t = mtai_buf_str(b);
  size_t n = mtai_buf_len(b);
  while (from < n)
    if (!mtai_is_space(mtai_utf8_next(t, n, &from)))
      return 1;
  return 0;
}

/* Adds one source/target pair (a 1.2 unit, a 2.0 segment) to the current
 * unit; a pair whose target or source has no text adds nothing. Returns
 * 1 when it added text. */
static int S_pair(struct S_ctx *cx, xmlNodePtr source, xmlNodePtr target) {
  if (!source || !target)
    return 0;
  struct S_side *sides[2] = {&cx->tgt, &cx->src};
  struct S_side saved[2];
  for (int k = 0; k < 2; k++) {
    saved[k] = *sides[k];
    saved[k].unit = mtai_buf_len(&sides[k]->b); /* the length to go back to */
  }
  size_t budget = cx->budget;
  /* Segments of one unit are joined by a space. */
  cx->tgt.space = cx->src.space = 1;
  S_inline(cx, &cx->tgt, target->children, 0);
  S_inline(cx, &cx->src, source->children, 0);
  if (cx->st)
    return 0;
  if (S_ink(&cx->tgt.b, saved[0].unit) && S_ink(&cx->src.b, saved[1].unit))
    return 1;
  for (int k = 0; k < 2; k++) {
    mtai_buf_truncate(&sides[k]->b, saved[k].unit);
    sides[k]->space = saved[k].space;
    sides[k]->gap = saved[k].gap;
    sides[k]->last = saved[k].last;
  }
  cx->budget = budget;
  return 0;
}

/* Starts a unit whose source and target stand on lines 'sline' and
 * 'tline' of the file (0 when unknown): each text goes on with blank
 * lines up to that line (at least one between units), so that a
 * paragraph's line is its element's line in the file. */
static void S_unit_begin(struct S_ctx *cx, struct mtai_xliff *x, long tline,
                         long sline) {
  struct S_side *sides[2] = {&cx->tgt, &cx->src};
  long lines[2] = {tline, sline};
  for (int k = 0; k < 2 && !cx->st; k++) {
    struct S_side *sd = sides[k];
    sd->mark = mtai_buf_len(&sd->b);
    long min = x->units ? sd->line + 2 : 1;
    long at = lines[k] > min ? lines[k] : min;
    for (long l = sd->line; l < at && !cx->st; l++)
      cx->st = mtai_buf_putc(&sd->b, '\n');
    sd->unit = mtai_buf_len(&sd->b);
    sd->space = sd->gap = 0;
    sd->last = 0;
    lines[k] = at;
  }
  cx->tline = lines[0];
  cx->sline = lines[1];
}

/* Ends a unit: kept when 'used', else its blank lines are taken back. */
static void S_unit_end(struct S_ctx *cx, struct mtai_xliff *x, int used) {
  if (cx->st)
    return;
  if (used) {
    x->units++;
    cx->tgt.line = cx->tline;
    cx->src.line = cx->sline;
    return;
  }
  x->skipped++;
  mtai_buf_truncate(&cx->tgt.b, cx->tgt.mark);
  mtai_buf_truncate(&cx->src.b, cx->src.mark);
}

/* The line of element 'e' in the file, 0 when unknown. */
static long S_line(xmlNodePtr e) {
  long l = e ? xmlGetLineNo(e) : 0;
  return l > 0 ? l : 0;
}

static int S_locked(xmlNodePtr e) {
  xmlChar *v = xmlGetNoNsProp(e, (const xmlChar *)"translate");
  int no = v && !xmlStrcmp(v, (const xmlChar *)"no");
  xmlFree(v);
  return no;
}

/* Walks the structure below 'e' (file, body, group, ...) for units in
 * document order; 'locked' is an inherited translate="no". */
static void S_walk(struct S_ctx *cx, struct mtai_xliff *x, xmlNodePtr e,
                   int locked, int depth) {
  if (depth > S_DEPTH_MAX) {
    cx->st = MTA_ERR_PARSE;
    return;
  }
  for (xmlNodePtr c = e->children; c && !cx->st; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !S_ours(cx, c))
      continue;
    const char *name = (const char *)c->name;
    int lk = locked || S_locked(c);
    if (!cx->v2 && !strcmp(name, "trans-unit")) {
      if (lk) {
        x->locked++;
        continue;
      }
      xmlNodePtr src = S_child(cx, c, "source"), tgt = S_child(cx, c, "target");
      S_unit_begin(cx, x, S_line(tgt), S_line(src));
      int used = S_pair(cx, src, tgt);
      S_unit_end(cx, x, used);
    } else if (cx->v2 && !strcmp(name, "unit")) {
      if (lk) {
        x->locked++;
        continue;
      }
      /* Lines: of the first segment with a target. */
      xmlNodePtr first = NULL;
      for (xmlNodePtr s = c->children; s && !first; s = s->next)
        if (S_is(cx, s, "segment") && S_child(cx, s, "target"))
          first = s;
      S_unit_begin(cx, x, S_line(first ? S_child(cx, first, "target") : c),
                   S_line(first ? S_child(cx, first, "source") : c));
      int used = 0;
      for (xmlNodePtr s = c->children; s && !cx->st; s = s->next)
        if (S_is(cx, s, "segment"))
          used |=
              S_pair(cx, S_child(cx, s, "source"), S_child(cx, s, "target"));
      S_unit_end(cx, x, used);
    } else if (!strcmp(name, "header") || !strcmp(name, "bin-unit") ||
               !strcmp(name, "notes") || !strcmp(name, "note") ||
               !strcmp(name, "skeleton") || !strcmp(name, "originalData")) {
      continue;
    } else {
      S_walk(cx, x, c, lk, depth + 1);
    }
  }
}

/* ---- the parse ------------------------------------------------------------
 */

static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static void S_init(void) { xmlInitParser(); }

/* The version of the root 'r': its attribute (letters, digits and dots
 * only), else the namespace's. */
static void S_version(xmlNodePtr r, int v2, char *out, size_t outsz) {
  xmlChar *v = xmlGetNoNsProp(r, (const xmlChar *)"version");
  size_t k = 0;
  if (v)
    for (const xmlChar *p = v; *p && k + 1 < outsz; p++)
      if ((*p >= '0' && *p <= '9') || *p == '.' || (*p >= 'a' && *p <= 'z'))
        out[k++] = (char)*p;
  out[k] = '\0';
  xmlFree(v);
  if (!k)
    snprintf(out, outsz, "%s", v2 ? "2.0" : "1.2");
}

void mtai_xliff_clear(struct mtai_xliff *x) {
  if (!x)
    return;
  free(x->target);
  free(x->source);
  memset(x, 0, sizeof *x);
}

mta_status mtai_xliff_split(const char *t, size_t n, struct mtai_xliff *x,
                            char *why, size_t whylen) {
  if (whylen)
    why[0] = '\0';
  if (!x)
    return MTA_ERR_INVALID_ARG;
  memset(x, 0, sizeof *x);
  if (!t || n > (size_t)0x7fffffff)
    return MTA_ERR_INVALID_ARG;
  pthread_once(&S_once, S_init);
  xmlParserCtxtPtr pc = xmlNewParserCtxt();
  if (!pc)
    return MTA_ERR_NOMEM;
  struct S_err er = {.level = XML_ERR_NONE};
  pc->_private = &er;
  pc->sax->serror = S_error;
  /* No XML_PARSE_NOENT (entities are not substituted, so no external one
   * is loaded), no XML_PARSE_DTDLOAD, no XML_PARSE_HUGE (libxml2's limits
   * on depth, text size and entity amplification stay on). */
  xmlDocPtr doc =
      xmlCtxtReadMemory(pc, t, (int)n, NULL, "UTF-8",
                        XML_PARSE_NONET | XML_PARSE_IGNORE_ENC |
                            XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  int wf = pc->wellFormed;
  xmlFreeParserCtxt(pc);
  if (!doc || !wf) {
    xmlFreeDoc(doc);
    if (er.level >= XML_ERR_ERROR)
      snprintf(why, whylen, _("XLIFF: line %d: %s"), er.line, er.msg);
    else
      snprintf(why, whylen, _("XLIFF: not well-formed XML"));
    return MTA_ERR_PARSE;
  }
  xmlNodePtr root = xmlDocGetRootElement(doc);
  struct S_ctx cx = {.doc = doc, .budget = 2 * n + 65536};
  int xliff = root && !strcmp((const char *)root->name, "xliff");
  if (xliff && root->ns && root->ns->href) {
    const char *href = (const char *)root->ns->href;
    cx.ns = root->ns->href;
    if (!strcmp(href, S_NS2))
      cx.v2 = 1;
    else if (strncmp(href, S_NS1, strlen(S_NS1)))
      xliff = 0;
  } else if (xliff) {
    xmlChar *v = xmlGetNoNsProp(root, (const xmlChar *)"version");
    cx.v2 = v && v[0] == '2';
    xmlFree(v);
  }
  if (!xliff) {
    snprintf(why, whylen, _("not an XLIFF document (root element %s)"),
             root ? (const char *)root->name : "missing");
    xmlFreeDoc(doc);
    return MTA_ERR_MARKUP;
  }
  S_version(root, cx.v2, x->version, sizeof x->version);
  mtai_buf_init(&cx.tgt.b, 0);
  mtai_buf_init(&cx.src.b, 0);
  cx.tgt.line = cx.src.line = 1;
  S_walk(&cx, x, root, S_locked(root), 0);
  xmlFreeDoc(doc);
  mta_status st = cx.st;
  if (st == MTA_ERR_TOO_LARGE) {
    st = MTA_ERR_PARSE;
    snprintf(why, whylen,
             _("XLIFF: entity expansion larger than twice the document"));
  } else if (st == MTA_ERR_PARSE) {
    snprintf(why, whylen, _("XLIFF: nested more than %d deep"), S_DEPTH_MAX);
  } else if (!st && !x->units) {
    st = MTA_ERR_EMPTY;
    snprintf(why, whylen, _("XLIFF: no translated units"));
  }
  if (!st) {
    x->tlen = mtai_buf_len(&cx.tgt.b);
    x->slen = mtai_buf_len(&cx.src.b);
    x->target = mtai_buf_detach(&cx.tgt.b);
    x->source = mtai_buf_detach(&cx.src.b);
    if (!x->target || !x->source)
      st = MTA_ERR_NOMEM;
  }
  mtai_buf_free(&cx.tgt.b);
  mtai_buf_free(&cx.src.b);
  if (st) {
    size_t units = x->units, skipped = x->skipped, locked = x->locked;
    mtai_xliff_clear(x);
    x->units = units;
    x->skipped = skipped;
    x->locked = locked;
  }
  return st;
}
