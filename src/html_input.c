/*
 * HTML input: the article text of a saved web page or CMS export, parsed
 * with libgumbo (Google's HTML5 parser: the tree a browser builds, with
 * entities decoded, implied and misnested tags repaired).
 *
 * Which part of the page: the largest <article> (by its text; an article
 * inside another, or inside a dropped element such as a teaser list in
 * <aside>, is not a candidate); without one the first <main>; without
 * that the whole <body>. When the chosen part has no <h1> and the page
 * has one before it, that headline is the first paragraph. <title> is
 * not used: a saved page's title repeats the headline with the site's
 * name ("... | Tagesschau").
 *
 * Dropped with everything inside: <head>, script, style, noscript,
 * template, nav, footer, aside, form, iframe, svg, math, button, select,
 * textarea, object, embed, canvas, audio, video, dialog; a <header> that
 * is not inside <article> or <main> (the site's header; an article's own
 * header with its headline is kept); elements with the hidden attribute,
 * aria-hidden="true", a role of navigation, banner, contentinfo,
 * complementary or search, or a class or id token that names page
 * furniture (ad, ads, advert, advertisement, anzeige, werbung, banner,
 * cookie, cookies, newsletter, share, social, breadcrumb, breadcrumbs,
 * related, comments, sidebar).
 *
 * Paragraphs: the inline elements (a, em, strong, span, b, i, q, sub,
 * sup, time, abbr, code, ... and unknown or custom elements, inline in
 * a browser too) join their text into the paragraph; every other element
 * (p, h1-h6, li, blockquote, figcaption, td, th, div, section, pre, ...)
 * ends the paragraph before it and after it, so a div's own text between
 * two blocks is a paragraph, and an item of a nested list is one. <br> is
 * a line break inside the paragraph. Whitespace runs are one space, none
 * at the start or end of a paragraph (as a browser shows them; in <pre>
 * too: articles seldom have one). Images, alt texts and comments give no
 * text.
 *
 * Positions: each character of the text is mapped to the byte of the
 * HTML it comes from (struct mtai_srcmap: one anchor per stretch copied
 * byte for byte), so that the line and column of a finding point into
 * the .html file. A text node's raw bytes (gumbo's original_text) are
 * walked beside its decoded text: plain text maps exactly; a character
 * reference (&amp;, &#228;) maps to its '&' and the text after it
 * exactly again; a collapsed whitespace run maps to its first byte; a
 * paragraph or line break to the character after it. Approximate, within
 * its text node only: a named reference decoded to two characters and a
 * legacy reference without ';' followed by letters.
 */
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "html_input.h"
#include "i18n.h"

/* ---- detection ---------------------------------------------------------- */

int mtai_html_detect(const char *t, size_t n) {
  size_t i = 0;
  for (;;) {
    while (i < n && mtai_markup_blank((unsigned char)t[i]))
      i++;
    if (n - i >= 3 && !memcmp(t + i, "\xEF\xBB\xBF", 3)) {
      i += 3;
      continue;
    }
    const char *close = NULL;
    if (mtai_markup_starts(t + i, n - i, "<?xml"))
      close = "?>";
    else if (mtai_markup_starts(t + i, n - i, "<!--"))
      close = "-->";
    if (!close)
      break;
    /* Within the first 4 KiB: a prolog, not a scan of the document. */
    size_t k = i + 4, lim = n < 4096 ? n : 4096, m = strlen(close);
    while (k + m <= lim && memcmp(t + k, close, m))
      k++;
    if (k + m > lim)
      return 0;
    i = k + m;
  }
  if (mtai_markup_starts(t + i, n - i, "<!doctype")) {
    i += 9;
    if (i >= n || !mtai_markup_blank((unsigned char)t[i]))
      return 0;
    while (i < n && mtai_markup_blank((unsigned char)t[i]))
      i++;
    return mtai_markup_starts(t + i, n - i, "html") &&
           (i + 4 == n || mtai_markup_blank((unsigned char)t[i + 4]) ||
            t[i + 4] == '>');
  }
  return mtai_markup_starts(t + i, n - i, "<html") &&
         (i + 5 == n || mtai_markup_blank((unsigned char)t[i + 5]) ||
          t[i + 5] == '>');
}

int mtai_html_name(const char *name) {
  size_t n = strlen(name);
  const char *dot = strrchr(name, '.');
  if (!dot)
    return 0;
  size_t k = n - (size_t)(dot - name);
  return (k == 5 && mtai_markup_starts(dot, k, ".html")) ||
         (k == 4 && mtai_markup_starts(dot, k, ".htm"));
}

/* ---- the source map ------------------------------------------------------ */

void mtai_srcmap_free(struct mtai_srcmap *m) {
  if (!m)
    return;
  free(m->text);
  free(m->line_starts);
  free(m->at);
  free(m->src);
  free(m);
}

/* Line starts of m->text (LF, CRLF or lone CR end a line, as segment.c
 * counts them). */
static mta_status S_map_lines(struct mtai_srcmap *m) {
  size_t n = 1;
  for (size_t i = 0; i + 1 < m->len; i++)
    n += m->text[i] == '\n' || (m->text[i] == '\r' && m->text[i + 1] != '\n');
  if (!(m->line_starts = malloc(n * sizeof *m->line_starts)))
    return MTA_ERR_NOMEM;
  m->nlines = 0;
  m->line_starts[m->nlines++] = 0;
  for (size_t i = 0; i + 1 < m->len; i++) {
    char c = m->text[i];
    if (c == '\r' && m->text[i + 1] == '\n')
      continue;
    if ((c == '\n' || c == '\r') && m->nlines < n)
      m->line_starts[m->nlines++] = (uint32_t)(i + 1);
  }
  return MTA_OK;
}

/* ---- element classes ----------------------------------------------------- */

static int S_in(const char *name, const char *const *set, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (!strcmp(name, set[k]))
      return 1;
  return 0;
}

#define S_IN(name, set) S_in((name), (set), sizeof(set) / sizeof(set)[0])

/* Inline elements (text joins the paragraph). Unknown and custom
 * elements are inline too (gumbo names them ""). */
static int S_inline(const GumboNode *n) {
  static const char *const names[] = {
      "",         "a",       "abbr",   "acronym", "b",      "bdi",    "bdo",
      "big",      "cite",    "code",   "data",    "del",    "dfn",    "em",
      "font",     "i",       "img",    "ins",     "kbd",    "label",  "mark",
      "nobr",     "q",       "rb",     "rp",      "rt",     "ruby",   "s",
      "samp",     "small",   "span",   "strike",  "strong", "sub",    "sup",
      "time",     "tt",      "u",      "var",     "wbr",    "output", "meter",
      "progress", "picture", "source", "track",   "area",   "map"};
  return S_IN(gumbo_normalized_tagname(n->v.element.tag), names);
}

/* 1 when the space-separated attribute value 'v' holds a token of the
 * page-furniture list (ASCII case ignored). */
static int S_furniture_token(const char *v) {
  static const char *const names[] = {
      "ad",       "ads",    "advert",     "advertisement", "anzeige",
      "werbung",  "banner", "cookie",     "cookies",       "newsletter",
      "share",    "social", "breadcrumb", "breadcrumbs",   "related",
      "comments", "sidebar"};
  while (*v) {
    while (*v && mtai_markup_blank((unsigned char)*v))
      v++;
    size_t k = 0;
    char low[24];
    while (v[k] && !mtai_markup_blank((unsigned char)v[k])) {
      if (k < sizeof low - 1) {
        unsigned char c = (unsigned char)v[k];
        low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
      k++;
    }
    if (k && k < sizeof low) {
      low[k] = '\0';
      if (S_IN(low, names))
        return 1;
    }
    v += k;
  }
  return 0;
}

static int S_has_ancestor(const GumboNode *n, GumboTag a, GumboTag b) {
  for (const GumboNode *p = n->parent; p; p = p->parent)
    if (p->type == GUMBO_NODE_ELEMENT &&
        (p->v.element.tag == a || p->v.element.tag == b))
      return 1;
  return 0;
}

/* 1 when element 'n' and everything inside it is not article text. */
static int S_dropped(const GumboNode *n) {
  static const char *const names[] = {
      "head",   "script", "style",    "noscript", "template", "nav",
      "footer", "aside",  "form",     "iframe",   "svg",      "math",
      "button", "select", "textarea", "object",   "embed",    "canvas",
      "audio",  "video",  "dialog",   "frameset", "noframes", "noembed"};
  if (n->type != GUMBO_NODE_ELEMENT)
    return n->type == GUMBO_NODE_TEMPLATE;
  const GumboElement *e = &n->v.element;
  if (S_IN(gumbo_normalized_tagname(e->tag), names))
    return 1;
  if (e->tag == GUMBO_TAG_HEADER &&
      !S_has_ancestor(n, GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN))
    return 1;
  if (!e->attributes.length)
    return 0;
  static const char *const roles[] = {"navigation", "banner", "contentinfo",
                                      "complementary", "search"};
  const GumboAttribute *at;
  if (gumbo_get_attribute(&e->attributes, "hidden"))
    return 1;
  if ((at = gumbo_get_attribute(&e->attributes, "aria-hidden")) &&
      !strcmp(at->value, "true"))
    return 1;
  if ((at = gumbo_get_attribute(&e->attributes, "role")) &&
      S_IN(at->value, roles))
    return 1;
  if ((at = gumbo_get_attribute(&e->attributes, "class")) &&
      S_furniture_token(at->value))
    return 1;
  if ((at = gumbo_get_attribute(&e->attributes, "id")) &&
      S_furniture_token(at->value))
    return 1;
  return 0;
}

/* ---- tree walk ----------------------------------------------------------- */

/* Walks the subtree of 'root' in document order without recursion (the
 * nesting of a page has no bound): enter() returns 1 to visit a node's
 * children, after which leave() is called for it. */
typedef int (*S_enter_fn)(void *ctx, const GumboNode *n);
typedef void (*S_leave_fn)(void *ctx, const GumboNode *n);

static const GumboVector *S_children(const GumboNode *n) {
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
    return &n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT)
    return &n->v.document.children;
  return NULL;
}

static void S_walk(const GumboNode *root, S_enter_fn enter, S_leave_fn leave,
                   void *ctx) {
  const GumboNode *n = root;
  for (;;) {
    const GumboVector *ch = S_children(n);
    int in = enter(ctx, n);
    if (in && ch && ch->length) {
      n = ch->data[0];
      continue;
    }
    if (in && leave)
      leave(ctx, n);
    for (;;) {
      if (n == root)
        return;
      const GumboNode *p = n->parent;
      const GumboVector *pc = S_children(p);
      size_t k = n->index_within_parent + 1;
      if (k < pc->length) {
        n = pc->data[k];
        break;
      }
      n = p;
      if (leave)
        leave(ctx, n);
    }
  }
}

/* ---- scan: the article, the first h1, the size of a subtree -------------- */

struct S_scan {
  const GumboNode *main, *h1;
  const GumboNode **articles;
  size_t narticles, cap;
  size_t elements; /* elements written in the file (not implied) */
  size_t text;     /* non-blank text bytes (S_count) */
  int oom;
};

static int S_scan_enter(void *ctx, const GumboNode *n) {
  struct S_scan *s = ctx;
  if (n->type != GUMBO_NODE_ELEMENT)
    return n->type == GUMBO_NODE_DOCUMENT;
  if (n->v.element.original_tag.length)
    s->elements++;
  if (S_dropped(n))
    return 0;
  GumboTag t = n->v.element.tag;
  if (t == GUMBO_TAG_ARTICLE) {
    if (s->narticles == s->cap) {
      size_t cap = s->cap ? 2 * s->cap : 8;
      const GumboNode **v = realloc(s->articles, cap * sizeof *v);
      if (!v) {
        s->oom = 1;
        return 0;
      }
      s->articles = v;
      s->cap = cap;
    }
    s->articles[s->narticles++] = n;
    return 0;
  }
  if (t == GUMBO_TAG_MAIN && !s->main)
    s->main = n;
  if (t == GUMBO_TAG_H1 && !s->h1) {
    s->h1 = n;
    return 0;
  }
  return 1;
}

static int S_count_enter(void *ctx, const GumboNode *n) {
  struct S_scan *s = ctx;
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
    const char *t = n->v.text.text;
    for (size_t i = 0; t[i]; i++)
      s->text += !mtai_markup_blank((unsigned char)t[i]);
    return 0;
  }
  return n->type == GUMBO_NODE_ELEMENT && !S_dropped(n);
}

static int S_has_h1(void *ctx, const GumboNode *n) {
  int *found = ctx;
  if (n->type != GUMBO_NODE_ELEMENT || *found)
    return 0;
  if (n->v.element.tag == GUMBO_TAG_H1)
    *found = 1;
  return !*found;
}

/* ---- extraction -----------------------------------------------------------
 */

enum { S_NONE, S_SPACE, S_LINE, S_PARA };

struct S_x {
  const char *in; /* the HTML */
  size_t inlen;
  char *t; /* the text */
  size_t n, cap;
  uint32_t *at, *src; /* anchors */
  size_t na, capa;
  int pending;     /* separator before the next character */
  size_t pend_src; /* where a pending space comes from */
  int oom;
};

static void S_anchor(struct S_x *x, size_t src) {
  if (x->na && x->src[x->na - 1] + (x->n - x->at[x->na - 1]) == src)
    return;
  if (x->na == x->capa) {
    size_t cap = x->capa ? 2 * x->capa : 256;
    uint32_t *a = realloc(x->at, cap * sizeof *a);
    if (a)
      x->at = a;
    uint32_t *s = a ? realloc(x->src, cap * sizeof *s) : NULL;
    if (!s) {
      x->oom = 1;
      return;
    }
    x->src = s;
    x->capa = cap;
  }
  x->at[x->na] = (uint32_t)x->n;
  x->src[x->na++] = (uint32_t)src;
}

static void S_bytes(struct S_x *x, const char *b, size_t k, size_t src) {
  if (x->oom)
    return;
  if (x->n + k + 1 > x->cap) {
    size_t cap = x->cap ? 2 * x->cap : 4096;
    while (cap < x->n + k + 1)
      cap *= 2;
    char *t = realloc(x->t, cap);
    if (!t) {
      x->oom = 1;
      return;
    }
    x->t = t;
    x->cap = cap;
  }
  S_anchor(x, src);
  memcpy(x->t + x->n, b, k);
  x->n += k;
}

/* Writes the k bytes of one character from byte 'src' of the HTML, after
 * the pending separator (none at the very start). */
static void S_char(struct S_x *x, const char *b, size_t k, size_t src) {
  if (x->pending && x->n) {
    if (x->pending == S_SPACE)
      S_bytes(x, " ", 1, x->pend_src);
    else
      S_bytes(x, "\n\n", x->pending == S_PARA ? 2 : 1, src);
  }
  x->pending = S_NONE;
  S_bytes(x, b, k, src);
}

static void S_break(struct S_x *x, int kind) {
  if (x->pending < kind)
    x->pending = kind;
}

static size_t S_u8len(unsigned char c) {
  return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

static int S_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

/* The length of the character reference at r[0..n) (r[0] is '&'), or 0
 * when none starts there. */
static size_t S_ref(const char *r, size_t n) {
  size_t i = 1;
  if (i < n && r[i] == '#') {
    i++;
    if (i < n && (r[i] == 'x' || r[i] == 'X'))
      i++;
  }
  size_t d = i;
  while (i < n && S_alnum((unsigned char)r[i]))
    i++;
  if (i == d)
    return 0;
  if (i < n && r[i] == ';')
    i++;
  return i;
}

/* A text node: its decoded text walked beside its bytes in the file. */
static void S_text(struct S_x *x, const GumboNode *node) {
  const char *t = node->v.text.text;
  size_t tl = strlen(t);
  const GumboStringPiece *o = &node->v.text.original_text;
  size_t base = node->v.text.start_pos.offset, rl = 0;
  const char *r = "";
  if (o->data && o->data >= x->in && o->data <= x->in + x->inlen &&
      o->length <= (size_t)(x->in + x->inlen - o->data)) {
    r = o->data;
    rl = o->length;
    base = (size_t)(o->data - x->in);
  }
  if (base > x->inlen)
    base = x->inlen;
  size_t i = 0, j = 0;
  while (j < tl && !x->oom) {
    unsigned char c = (unsigned char)t[j];
    if (mtai_markup_blank(c)) {
      if (x->pending == S_NONE) {
        x->pending = S_SPACE;
        x->pend_src = base + (i < rl ? i : rl);
      }
      while (j < tl && mtai_markup_blank((unsigned char)t[j]))
        j++;
      /* (a reference to a blank is taken for the next character) */
      while (i < rl && mtai_markup_blank((unsigned char)r[i]))
        i++;
      continue;
    }
    size_t k = S_u8len(c);
    if (k > tl - j)
      k = tl - j;
    size_t at = base + (i < rl ? i : rl);
    if (i < rl && r[i] == '&') {
      size_t ref = S_ref(r + i, rl - i);
      /* A literal '&' (no reference, or the text goes on as written). */
      if (ref && !(c == '&' && ref <= tl - j && !memcmp(r + i, t + j, ref))) {
        S_char(x, t + j, k, at);
        i += ref;
        j += k;
        continue;
      }
    }
    S_char(x, t + j, k, at);
    i += i < rl ? S_u8len((unsigned char)r[i]) : 0;
    j += k;
  }
}

static int S_x_enter(void *ctx, const GumboNode *n) {
  struct S_x *x = ctx;
  switch (n->type) {
  case GUMBO_NODE_TEXT:
  case GUMBO_NODE_CDATA:
  case GUMBO_NODE_WHITESPACE:
    S_text(x, n);
    return 0;
  case GUMBO_NODE_ELEMENT:
    break;
  default:
    return n->type == GUMBO_NODE_DOCUMENT;
  }
  if (S_dropped(n))
    return 0;
  if (n->v.element.tag == GUMBO_TAG_BR) {
    S_break(x, S_LINE);
    return 0;
  }
  if (!S_inline(n))
    S_break(x, S_PARA);
  return 1;
}

static void S_x_leave(void *ctx, const GumboNode *n) {
  if (n->type == GUMBO_NODE_ELEMENT && !S_inline(n))
    S_break(ctx, S_PARA);
}

static const GumboNode *S_body(const GumboNode *root) {
  const GumboVector *ch = S_children(root);
  for (size_t i = 0; ch && i < ch->length; i++) {
    const GumboNode *c = ch->data[i];
    if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_BODY)
      return c;
  }
  return root;
}

/* The deepest nesting of elements the tags of t[0..n) could build (an
 * upper bound, in one linear pass): start tags count up, end tags down;
 * void elements, self-closed tags and the elements that close without an
 * end tag (p, li, td, ...) are not counted, nor comments and the text of
 * scripts and styles. The parser's time grows with the square of the
 * depth (200,000 nested divs: many minutes), a page's is a few dozen. */
#define S_MAX_DEPTH 10000

static size_t S_depth(const char *t, size_t n) {
  static const char *const flat[] = {
      "area",    "base",     "br",    "col",   "embed",  "hr",       "img",
      "input",   "link",     "meta",  "param", "source", "track",    "wbr",
      "p",       "li",       "td",    "th",    "tr",     "dt",       "dd",
      "option",  "optgroup", "tbody", "thead", "tfoot",  "colgroup", "rb",
      "rt",      "rp",       "html",  "head",  "body",   "frame",    "basefont",
      "bgsound", "keygen",   "image"};
  size_t depth = 0, max = 0, i = 0;
  while (i < n) {
    const char *lt = memchr(t + i, '<', n - i);
    if (!lt)
      break;
    i = (size_t)(lt - t) + 1;
    if (mtai_markup_starts(lt, n - (size_t)(lt - t), "<!--")) {
      size_t k = i + 3;
      while (k + 3 <= n && memcmp(t + k, "-->", 3))
        k++;
      i = k + 3;
      continue;
    }
    int end = i < n && t[i] == '/';
    size_t a = i + (size_t)end, b = a;
    char low[12];
    while (b < n && S_alnum((unsigned char)t[b])) {
      if (b - a < sizeof low - 1)
        low[b - a] = (char)(t[b] >= 'A' && t[b] <= 'Z' ? t[b] + 32 : t[b]);
      b++;
    }
    if (b == a || (t[a] >= '0' && t[a] <= '9'))
      continue;
    low[b - a < sizeof low - 1 ? b - a : sizeof low - 1] = '\0';
    const char *gt = memchr(t + b, '>', n - b);
    size_t close = gt ? (size_t)(gt - t) : n;
    i = close + 1;
    if (end) {
      if (!S_IN(low, flat) && depth)
        depth--;
      continue;
    }
    if ((gt && gt[-1] == '/') || S_IN(low, flat))
      continue;
    if (++depth > max)
      max = depth;
    int script = !strcmp(low, "script"), style = !strcmp(low, "style");
    if (script || style) { /* their text holds no tags */
      const char *stop = script ? "</script" : "</style";
      while (i < n) {
        const char *p = memchr(t + i, '<', n - i);
        if (!p) {
          i = n;
          break;
        }
        i = (size_t)(p - t);
        if (mtai_markup_starts(p, n - i, stop))
          break;
        i++;
      }
    }
  }
  return max;
}

static void S_why(char *why, size_t whylen, const char *msg) {
  if (whylen)
    snprintf(why, whylen, "%s", msg);
}

mta_status mtai_html_extract(char *t, size_t n, int strict, char **out,
                             size_t *outlen, struct mtai_srcmap **map,
                             char *why, size_t whylen) {
  *out = NULL;
  *outlen = 0;
  *map = NULL;
  if (whylen)
    why[0] = '\0';
  if (n > UINT32_MAX - 8) {
    S_why(why, whylen, _("HTML: too large"));
    return MTA_ERR_TOO_LARGE;
  }
  if (S_depth(t, n) > S_MAX_DEPTH) {
    if (whylen)
      snprintf(why, whylen, _("HTML: elements nested more than %d deep"),
               S_MAX_DEPTH);
    return MTA_ERR_PARSE;
  }
  GumboOptions opt = kGumboDefaultOptions;
  opt.max_errors = 0; /* the parser's error list is not used */
  GumboOutput *g = gumbo_parse_with_options(&opt, t, n);
  if (!g)
    return MTA_ERR_NOMEM;
  struct S_scan s = {0};
  S_walk(g->document, S_scan_enter, NULL, &s);
  mta_status st = s.oom ? MTA_ERR_NOMEM : MTA_OK;
  if (!st && strict && !s.elements) {
    S_why(why, whylen, _("not HTML: no element in the file"));
    st = MTA_ERR_PARSE;
  }
  /* The part of the page that is the article. */
  const GumboNode *root = NULL;
  size_t best = 0;
  for (size_t i = 0; !st && i < s.narticles; i++) {
    s.text = 0;
    S_walk(s.articles[i], S_count_enter, NULL, &s);
    if (!root || s.text > best) {
      root = s.articles[i];
      best = s.text;
    }
  }
  if (!root || !best)
    root = s.main ? s.main : S_body(g->root);
  struct S_x x = {.in = t, .inlen = n};
  if (!st && root != S_body(g->root) && s.h1 &&
      s.h1->v.element.start_pos.offset < root->v.element.start_pos.offset) {
    int found = 0;
    S_walk(root, S_has_h1, NULL, &found);
    if (!found) {
      S_walk(s.h1, S_x_enter, S_x_leave, &x);
      S_break(&x, S_PARA);
    }
  }
  if (!st)
    S_walk(root, S_x_enter, S_x_leave, &x);
  free(s.articles);
  gumbo_destroy_output(&opt, g);
  if (!st && x.oom)
    st = MTA_ERR_NOMEM;
  if (!st && !x.n) {
    S_why(why, whylen, _("HTML: no article text found"));
    st = MTA_ERR_EMPTY;
  }
  struct mtai_srcmap *m = NULL;
  if (!st) {
    x.t[x.n] = '\0';
    m = calloc(1, sizeof *m);
    if (!m)
      st = MTA_ERR_NOMEM;
  }
  if (!st) {
    m->text = t;
    m->len = n;
    m->at = x.at;
    m->src = x.src;
    m->n = x.na;
    x.at = x.src = NULL;
    if ((st = S_map_lines(m))) {
      m->text = NULL; /* still the caller's */
      mtai_srcmap_free(m);
    }
  }
  if (st) {
    free(x.t);
    free(x.at);
    free(x.src);
    return st;
  }
  *out = x.t;
  *outlen = x.n;
  *map = m;
  return MTA_OK;
}
