/*
 * accuracy/quote and accuracy/url (source-aware mode): quotations, URLs,
 * e-mail addresses, @handles and #hashtags of the English source that the
 * aligned German target lost or changed.
 *
 * Quotations: the top-level quoted spans of every source and target
 * paragraph (double marks "..." “...” «...», and single marks '...'
 * ‘...’ outside a double quotation; German „...“ »...« ‚...‘; a mark
 * opens after a space or an opening bracket and closes before a space or
 * punctuation, so the apostrophes of "don't" and "the students'" are no
 * marks; a double quotation still open at the paragraph's end counts, as
 * in a quotation that runs over paragraphs) are counted per paragraph
 * bead. When the target has fewer, the source's quotations are matched
 * to the target's by sentence bead (the same bead, then a neighbouring
 * one), and an unmatched source quotation of three or more words is
 * reported, as many as the target lacks. A matched quotation of eight or
 * more words whose target keeps less than half as many words (counting
 * the target's unmatched quotations next to it, since German may split a
 * quotation around "sagte er") is reported as cut short. The wording is
 * not compared
 * (a quotation is translated); a short scare quote ("black hole"), and a
 * quotation after "so-called" (German "sogenannte" needs none) are not
 * reported.
 *
 * URLs (with "://" or "www."), bare domains of common top-level domains
 * ("washingtonpost.com"), e-mail addresses, @handles and #hashtags of the
 * source must appear in the target unchanged: the host and the address
 * compared without case, a URL's path exactly (a dropped scheme or final
 * slash is no change). One found anywhere in the target is no finding
 * (the alignment may be off); else the finding names the target's URL,
 * handle or hashtag of the aligned paragraph when there is one ("path
 * translated"), or the aligned sentence.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "accuracy/quote",
     .category = MTAI_CAT_ACCURACY,
     .severity = MTA_SEV_MAJOR,
     .summary = N_("quotation of the source lost in the target"),
     .explanation = N_(
         "A quotation of the English source (three or more words in "
         "quotation marks) has no quotation in the aligned German text: "
         "the words of a speaker became the paper's own, or the quoted "
         "title became running text. Machine translation drops or breaks "
         "quotation marks, most of all around long or multi-sentence "
         "quotations. Quotations are counted per aligned paragraph and "
         "matched by sentence; a quotation of eight or more words that the "
         "target keeps with less than half its words is reported as cut "
         "short. The wording is not compared (a quotation is translated), "
         "German marks of any style count („...“, »...«, \"...\"), and short "
         "scare quotes or quotes after 'so-called' are not reported. Put the "
         "whole quotation in German quotation marks."),
     .wrong = "\"We will not give up,\" the mayor said. ||| Wir werden nicht "
              "aufgeben, sagte der Bürgermeister.",
     .right = "\"We will not give up,\" the mayor said. ||| „Wir werden "
              "nicht aufgeben“, sagte der Bürgermeister."},
    {.id = "accuracy/url",
     .category = MTAI_CAT_ACCURACY,
     .severity = MTA_SEV_MAJOR,
     .summary = N_("URL, e-mail address, @handle or #hashtag lost or changed"),
     .explanation =
         N_("A URL, web address, e-mail address, @handle or #hashtag of the "
            "English source does not appear unchanged in the German target: "
            "machine translation translates the words of a path "
            "('/news/climate-report' -> '/nachrichten/klimabericht'), a "
            "hashtag or a handle, splits an address, or drops it. The host and "
            "addresses are compared without case, a path exactly; a dropped "
            "'https://' or final slash is no change. Copy the address from "
            "the source unchanged."),
     .wrong = "Details are at www.example.org/climate-report. ||| Details "
              "stehen unter www.example.org/klima-bericht.",
     .right = "Details are at www.example.org/climate-report. ||| Details "
              "stehen unter www.example.org/climate-report."},
};

/* ---- quotation marks -------------------------------------------------- */

enum { S_Q_DOUBLE = 1, S_Q_SINGLE = 2 };

/* The quotation mark at s[0..) (before 'end'): its kind, and in '*len'
 * its length; '*opens' 1 for marks that only open („ ‚). 0 when none. */
static int S_mark(const unsigned char *s, const unsigned char *end, size_t *len,
                  int *opens) {
  *opens = 0;
  *len = 1;
  if (*s == '"')
    return S_Q_DOUBLE;
  if (*s == '\'')
    return S_Q_SINGLE;
  if (*s == 0xC2 && s + 1 < end && (s[1] == 0xAB || s[1] == 0xBB)) {
    *len = 2;
    return S_Q_DOUBLE;
  }
  if (*s == 0xE2 && s + 2 < end && s[1] == 0x80) {
    *len = 3;
    switch (s[2]) {
    case 0x9C: /* “ */
    case 0x9D: /* ” */
    case 0x9F:
      return S_Q_DOUBLE;
    case 0x9E: /* „ */
      *opens = 1;
      return S_Q_DOUBLE;
    case 0x98: /* ‘ */
    case 0x99: /* ’ */
    case 0xB9: /* ‹ */
    case 0xBA: /* › */
      return S_Q_SINGLE;
    case 0x9A: /* ‚ */
      *opens = 1;
      return S_Q_SINGLE;
    default:
      return 0;
    }
  }
  return 0;
}

/* 1 when the byte before a mark lets it open: the start, a space, an
 * opening bracket, a dash or another mark. */
static int S_open_ctx(const unsigned char *s, const unsigned char *lo) {
  if (s == lo)
    return 1;
  unsigned char c = s[-1];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == '[' ||
      c == '{' || c == '-' || c == '/' || c == '"' || c == '\'')
    return 1;
  /* a dash, a no-break space or a mark before */
  if (s - lo >= 2 && s[-2] == 0xC2 && (c == 0xA0 || c == 0xAB || c == 0xBB))
    return 1;
  if (s - lo >= 3 && s[-3] == 0xE2 && s[-2] == 0x80 &&
      (c == 0x93 || c == 0x94 || (c >= 0x98 && c <= 0x9F)))
    return 1;
  return 0;
}

/* 1 when the byte after a mark lets it close: the end, a space,
 * punctuation or another mark. */
static int S_close_ctx(const unsigned char *s, const unsigned char *end) {
  if (s >= end)
    return 1;
  unsigned char c = *s;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
      (c && strchr(".,;:!?)]}-/\"'", c)))
    return 1;
  if (c == 0xC2 && s + 1 < end &&
      (s[1] == 0xA0 || s[1] == 0xAB || s[1] == 0xBB))
    return 1;
  if (c == 0xE2 && s + 2 < end && s[1] == 0x80 &&
      (s[2] == 0x93 || s[2] == 0x94 || s[2] == 0xA6 ||
       (s[2] >= 0x98 && s[2] <= 0x9F)))
    return 1;
  return 0;
}

/* Words (runs of non-space bytes with a letter or digit) in [a, b). */
static size_t S_words(const char *t, size_t a, size_t b) {
  size_t n = 0;
  int in = 0, has = 0;
  for (size_t i = a; i <= b; i++) {
    unsigned char c = i < b ? (unsigned char)t[i] : ' ';
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (in && has)
        n++;
      in = has = 0;
      continue;
    }
    in = 1;
    if (isalnum(c) || c >= 0xC0)
      has = 1;
  }
  return n;
}

struct S_quote {
  size_t start, end; /* mark to mark, both included */
  size_t words;
  size_t bead;  /* sentence bead of its opening mark */
  size_t match; /* a source quotation's target quotation, when 'used' */
  int used;
};

/* A source quotation of this many words or more is cut short when the
 * target keeps less than half of them. */
#define S_CUT_MIN 8

/* Quotations per paragraph bead and side beyond which it is not read. */
#define S_QUOTES_MAX 200

struct S_quotes {
  struct S_quote *v;
  size_t n, cap;
};

static mta_status S_push(struct S_quotes *q, size_t a, size_t b, size_t w) {
  if (q->n == q->cap) {
    size_t cap = q->cap ? 2 * q->cap : 8;
    struct S_quote *p = realloc(q->v, cap * sizeof *p);
    if (!p)
      return MTA_ERR_NOMEM;
    q->v = p;
    q->cap = cap;
  }
  q->v[q->n++] = (struct S_quote){.start = a, .end = b, .words = w};
  return MTA_OK;
}

#define S_DEPTH 8

/* Appends the top-level quotations of text[a, b) (one paragraph) to 'q':
 * double quotations outside another double one, single ones outside any
 * double one; a double one left open at 'b' ends there. */
static mta_status S_scan(const char *text, size_t a, size_t b,
                         struct S_quotes *q) {
  const unsigned char *lo = (const unsigned char *)text + a;
  const unsigned char *end = (const unsigned char *)text + b;
  int kind[S_DEPTH];
  size_t pos[S_DEPTH];
  int depth = 0;
  mta_status st = MTA_OK;
  for (const unsigned char *s = lo; !st && s < end;) {
    size_t len;
    int opens;
    int k = S_mark(s, end, &len, &opens);
    if (!k) {
      s++;
      continue;
    }
    int oc = opens || S_open_ctx(s, lo);
    int cc = !opens && S_close_ctx(s + len, end);
    size_t off = (size_t)(s - (const unsigned char *)text);
    if (oc && !cc) {
      /* A single mark opens only before a letter: not "'90s". */
      if (depth < S_DEPTH &&
          (k == S_Q_DOUBLE ||
           (s + len < end && (isalpha(s[len]) || s[len] >= 0xC0)))) {
        kind[depth] = k;
        pos[depth++] = off;
      }
    } else if (cc && !oc) {
      int j = depth - 1;
      while (j >= 0 && kind[j] != k)
        j--;
      if (j >= 0) {
        int outer = 0;
        for (int m = 0; m < j; m++)
          outer |= kind[m] == S_Q_DOUBLE;
        if (!outer)
          st = S_push(q, pos[j], off + len, S_words(text, pos[j] + 1, off));
        depth = j;
      }
    }
    s += len;
  }
  /* A double quotation open at the end: the paragraph of a quotation that
   * goes on in the next one. */
  for (int j = 0; !st && j < depth; j++)
    if (kind[j] == S_Q_DOUBLE) {
      size_t w = S_words(text, pos[j] + 1, b);
      if (w)
        st = S_push(q, pos[j], b, w);
      break;
    }
  return st;
}

/* 1 when "so-called" stands right before byte 'off' of 'text'. */
static int S_so_called(const char *text, size_t lo, size_t off) {
  static const char k[] = "so-called";
  size_t n = sizeof k - 1;
  size_t e = off;
  while (e > lo && text[e - 1] == ' ')
    e--;
  if (e < lo + n)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (tolower((unsigned char)text[e - n + i]) != k[i])
      return 0;
  return 1;
}

/* Index of the sentence of 'd' in paragraph 'pi' that holds byte 'off'
 * (the last one starting at or before it). */
static size_t S_sent_at(const struct mtai_doc *d, size_t pi, size_t off) {
  const struct mtai_paragraph *p = &d->paras[pi];
  size_t s = p->sent_first;
  for (size_t k = p->sent_first; k < p->sent_end; k++)
    if (d->sents[k].start <= off)
      s = k;
  return s;
}

/* Sets the sentence bead of every quotation of 'q' (found in paragraph
 * 'pi' of 'd', from index 'from'); 'map' maps sentences to beads. */
static void S_beads(const struct mtai_doc *d, size_t pi, const uint32_t *map,
                    struct S_quotes *q, size_t from) {
  const struct mtai_paragraph *p = &d->paras[pi];
  for (size_t i = from; i < q->n; i++)
    q->v[i].bead = p->sent_end > p->sent_first
                       ? map[S_sent_at(d, pi, q->v[i].start)]
                       : SIZE_MAX;
}

/* Target span for a finding about sentence bead 'sb' (its target
 * sentences), else paragraph bead 'pb'. */
static void S_tgt_span(const struct mtai_doc *d, const struct mtai_bitext *bi,
                       size_t sb, const struct mtai_bead *pb, size_t *ts,
                       size_t *te) {
  if (sb < bi->nsb && mtai_bead_tgt_span(d, &bi->sb[sb], 0, ts, te))
    return;
  if (!mtai_bead_tgt_span(d, pb, 1, ts, te))
    *ts = *te = 0;
}

static mta_status S_quotes_bead(struct mtai_findings *out,
                                const struct mtai_bead *pb, struct S_quotes *sq,
                                struct S_quotes *tq) {
  const struct mtai_bitext *bi = out->bi;
  const struct mtai_doc *d = out->doc, *sd = &bi->src;
  sq->n = tq->n = 0;
  mta_status st = MTA_OK;
  for (uint32_t i = pb->s_first; !st && i < pb->s_end && i < sd->npara; i++) {
    size_t from = sq->n;
    st = S_scan(sd->text, sd->paras[i].start, sd->paras[i].end, sq);
    S_beads(sd, i, bi->s_sbead, sq, from);
  }
  for (uint32_t i = pb->t_first; !st && i < pb->t_end && i < d->npara; i++) {
    size_t from = tq->n;
    st = S_scan(d->text, d->paras[i].start, d->paras[i].end, tq);
    S_beads(d, i, bi->t_sbead, tq, from);
  }
  /* Matching is quadratic: a paragraph of hundreds of quotations is no
   * prose this rule can judge. */
  if (st || !sq->n || sq->n > S_QUOTES_MAX || tq->n > S_QUOTES_MAX)
    return st;
  size_t deficit = sq->n > tq->n ? sq->n - tq->n : 0;
  /* Match by sentence bead: the same one first, then a neighbour. */
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < sq->n; i++) {
      if (sq->v[i].used)
        continue;
      for (size_t j = 0; j < tq->n; j++) {
        size_t a = sq->v[i].bead, b = tq->v[j].bead;
        size_t dist = a > b ? a - b : b - a;
        if (!tq->v[j].used && dist <= (size_t)pass) {
          sq->v[i].used = tq->v[j].used = 1;
          sq->v[i].match = j;
          break;
        }
      }
    }
  /* A quotation kept, but cut to less than half its words: the words of
   * its match and of the unmatched target quotations next to it (German
   * may split a quotation around "sagte er"). */
  for (size_t i = 0; !st && i < sq->n; i++) {
    const struct S_quote *x = &sq->v[i];
    if (!x->used || x->words < S_CUT_MIN)
      continue;
    size_t tw = tq->v[x->match].words;
    for (size_t j = 0; j < tq->n; j++) {
      size_t a = x->bead, b = tq->v[j].bead;
      if (!tq->v[j].used && (a > b ? a - b : b - a) <= 1) {
        tw += tq->v[j].words;
        tq->v[j].used = 1;
      }
    }
    if (2 * tw >= x->words)
      continue;
    const struct S_quote *y = &tq->v[x->match];
    size_t shown = x->end - x->start > 60 ? 60 : x->end - x->start;
    st = mtai_finding_add_src(
        out, &S_rules[0], S_rules[0].severity, y->start, y->end, x->start,
        x->end, NULL,
        "quotation cut short: the source quotes %zu words (%.*s%s); the "
        "target's quotation has %zu",
        x->words, (int)shown, sd->text + x->start,
        shown < x->end - x->start ? "..." : "", tw);
  }
  for (size_t i = 0; !st && deficit && i < sq->n; i++) {
    const struct S_quote *x = &sq->v[i];
    if (x->used)
      continue;
    deficit--;
    if (x->words < 3 || S_so_called(sd->text, 0, x->start))
      continue;
    size_t ts, te;
    S_tgt_span(d, bi, x->bead, pb, &ts, &te);
    if (te <= ts)
      continue;
    size_t shown = x->end - x->start > 60 ? 60 : x->end - x->start;
    st = mtai_finding_add_src(
        out, &S_rules[0], S_rules[0].severity, ts, te, x->start, x->end, NULL,
        "quotation lost: the source quotes %.*s%s; the target has no "
        "quotation here",
        (int)shown, sd->text + x->start,
        shown < x->end - x->start ? "..." : "");
  }
  return st;
}

/* ---- URLs, addresses, handles, hashtags ------------------------------ */

enum { S_URL, S_DOMAIN, S_EMAIL, S_HANDLE, S_HASHTAG };
static const char *const S_kind_names[] = {/* shown with _() */
                                           N_("URL"), N_("web address"),
                                           N_("e-mail address"), N_("handle"),
                                           N_("hashtag")};

static int S_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Length of the quotation mark or bracket at s (before 'end') that a
 * chunk's edge may carry, 0 when none. */
static size_t S_edge(const unsigned char *s, const unsigned char *end) {
  if (*s && strchr("\"'`*()[]{}<>.,;:!?", *s))
    return 1;
  size_t len;
  int opens;
  if (S_mark(s, end, &len, &opens))
    return len;
  return 0;
}

/* 1 when s[0] continues a handle or hashtag: an ASCII letter, digit or
 * underscore, or a letter beyond ASCII (not the punctuation of U+2000 ...,
 * whose UTF-8 starts with 0xE2: "@name’s"). */
static int S_tag_byte(const unsigned char *s) {
  return isalnum(*s) || *s == '_' || (*s >= 0x80 && *s != 0xE2);
}

static int S_icase_eq(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
      return 0;
  return 1;
}

/* The item in chunk [a, b) of 'text' (trimmed of quotation marks and
 * punctuation): its kind, in [*is, *ie); -1 when none. */
static int S_item(const char *text, size_t a, size_t b, size_t *is,
                  size_t *ie) {
  const unsigned char *t = (const unsigned char *)text;
  /* leading marks and brackets */
  for (size_t k; a < b && (k = S_edge(t + a, t + b)) && t[a] != '.';)
    a += k;
  if (a >= b)
    return -1;
  if (t[a] == '@' || t[a] == '#') {
    size_t e = a + 1;
    while (e < b &&
           (t[a] == '@' ? isalnum(t[e]) || t[e] == '_' : S_tag_byte(t + e)))
      e++;
    while (e > a + 1 && (t[e - 1] & 0xC0) == 0xC0)
      e--; /* a lead byte cut off at 'b' */
    if (e - a < 3 || (t[a] == '#' && !isalpha(t[a + 1]) && t[a + 1] < 0xC0))
      return -1;
    *is = a;
    *ie = e;
    return t[a] == '@' ? S_HANDLE : S_HASHTAG;
  }
  /* trailing punctuation, marks, a closing bracket */
  for (;;) {
    size_t e = b;
    while (e > a && (t[e - 1] & 0xC0) == 0x80)
      e--;
    if (e > a)
      e--;
    size_t k = S_edge(t + e, t + b);
    if (!k || e + k != b || e == a)
      break;
    b = e;
  }
  size_t n = b - a;
  const char *s = text + a;
  const char *at = memchr(s, '@', n);
  const char *sch = NULL;
  for (size_t i = 0; i + 3 <= n; i++)
    if (!memcmp(s + i, "://", 3)) {
      sch = s + i;
      break;
    }
  /* A URL starts at its scheme ("`x=https://...`" is the URL from
   * "https") or at "www.". */
  if (sch && sch > s) {
    const char *u = sch;
    while (u > s && (isalnum((unsigned char)u[-1]) || u[-1] == '+' ||
                     u[-1] == '.' || u[-1] == '-'))
      u--;
    if (u == sch)
      return -1;
    *is = a + (size_t)(u - s);
    *ie = b;
    return S_URL;
  }
  for (size_t i = 0; i + 4 < n; i++)
    if (S_icase_eq(s + i, "www.", 4) &&
        (i == 0 || !isalnum((unsigned char)s[i - 1]))) {
      *is = a + i;
      *ie = b;
      return S_URL;
    }
  if (at && at > s && at + 1 < s + n) {
    const char *dot = memchr(at, '.', (size_t)(s + n - at));
    if (!dot || dot + 1 >= s + n)
      return -1;
    for (const char *c = s; c < s + n; c++)
      if (!isalnum((unsigned char)*c) && !strchr("._%+-@", *c))
        return -1;
    *is = a;
    *ie = b;
    return S_EMAIL;
  }
  /* A bare domain: labels of letters, digits and hyphens, a known
   * top-level domain in lower case, an optional path. */
  static const char *const tld[] = {"com", "org", "net", "gov", "edu",
                                    "de",  "uk",  "io",  "eu",  "info"};
  size_t host = n;
  const char *slash = memchr(s, '/', n);
  if (slash)
    host = (size_t)(slash - s);
  size_t dots = 0, last = 0;
  for (size_t i = 0; i < host; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '.') {
      if (i == 0 || s[i - 1] == '.')
        return -1;
      dots++;
      last = i + 1;
    } else if (!isalnum(c) && c != '-')
      return -1;
  }
  if (!dots || !isalnum((unsigned char)s[0]) || last >= host)
    return -1;
  for (size_t k = 0; k < sizeof tld / sizeof *tld; k++)
    if (host - last == strlen(tld[k]) &&
        !memcmp(s + last, tld[k], host - last)) {
      *is = a;
      *ie = b;
      return S_DOMAIN;
    }
  return -1;
}

/* Skips "scheme://" and "www." of a URL [s, s+n): the offset of the
 * host that matters. */
static size_t S_url_core(const char *s, size_t n) {
  size_t o = 0;
  for (size_t i = 0; i + 3 <= n && i < 12; i++)
    if (!memcmp(s + i, "://", 3)) {
      o = i + 3;
      break;
    }
  if (n - o > 4 && S_icase_eq(s + o, "www.", 4))
    o += 4;
  return o;
}

/* 1 when item [s, s+n) of 'kind' appears unchanged in text[a, b). */
static int S_found(int kind, const char *s, size_t n, const char *text,
                   size_t a, size_t b) {
  if (kind == S_URL || kind == S_DOMAIN) {
    size_t o = S_url_core(s, n);
    s += o;
    n -= o;
    while (n > 1 && s[n - 1] == '/')
      n--;
  }
  size_t host = n;
  if (kind == S_URL || kind == S_DOMAIN) {
    const char *slash = memchr(s, '/', n);
    if (slash)
      host = (size_t)(slash - s);
  }
  const unsigned char *t = (const unsigned char *)text;
  for (size_t i = a; i + n <= b; i++) {
    if (!S_icase_eq(text + i, s, host) ||
        memcmp(text + i + host, s + host, n - host))
      continue;
    /* whole: no word byte right before a handle, hashtag or address, none
     * right after any item */
    if (i > a && (isalnum(t[i - 1]) || t[i - 1] == '_') &&
        (kind == S_HANDLE || kind == S_HASHTAG || kind == S_EMAIL))
      continue;
    if (kind == S_EMAIL && i > a && strchr(".+-", t[i - 1]))
      continue;
    size_t e = i + n;
    if (e < b && (kind == S_HANDLE || kind == S_HASHTAG ? S_tag_byte(t + e)
                                                        : isalnum(t[e])))
      continue;
    if ((kind == S_URL || kind == S_DOMAIN) && e < b && t[e] == '/' &&
        e + 1 < b && !S_space(t[e + 1]) && !S_edge(t + e + 1, t + b))
      continue; /* a longer path */
    return 1;
  }
  return 0;
}

/* In text[a, b) of 'd', a chunk that looks like an item of 'kind' (the
 * changed form): its trimmed span in [*cs, *ce); 0 when none. */
static int S_changed(const struct mtai_doc *d, int kind, size_t a, size_t b,
                     size_t *cs, size_t *ce) {
  const char *t = d->text;
  for (size_t i = a; i < b;) {
    while (i < b && S_space((unsigned char)t[i]))
      i++;
    size_t j = i;
    while (j < b && !S_space((unsigned char)t[j]))
      j++;
    if (j > i) {
      size_t is, ie;
      int k = S_item(t, i, j, &is, &ie);
      int url = kind == S_URL || kind == S_DOMAIN;
      if (k >= 0 && (url ? k == S_URL || k == S_DOMAIN
                         : (k == kind || (kind == S_EMAIL && k == S_HANDLE)))) {
        *cs = is;
        *ce = ie;
        return 1;
      }
      if (url && mtai_doc_in_url(d, i) && !memchr(t + i, '@', j - i)) {
        *cs = i;
        *ce = j;
        return 1;
      }
    }
    i = j;
  }
  return 0;
}

/* Bytes of target text the searches of one document may scan: items are
 * looked for in the whole target until it is spent, later ones only in
 * their aligned sentence when it is short (else not at all), so that a
 * source of many thousand handles stays linear. The changed form is
 * looked for in the aligned paragraph when it is short, else in the
 * aligned sentence when that is, else not. */
#define S_SCAN_BUDGET ((size_t)64 << 20)
#define S_PARA_SCAN 8192

static mta_status S_urls_bead(struct mtai_findings *out,
                              const struct mtai_bead *pb, size_t *budget) {
  const struct mtai_bitext *bi = out->bi;
  const struct mtai_doc *d = out->doc, *sd = &bi->src;
  size_t ta, tb;
  if (!mtai_bead_tgt_span(d, pb, 1, &ta, &tb))
    return MTA_OK;
  mta_status st = MTA_OK;
  const char *t = sd->text;
  for (uint32_t pi = pb->s_first; !st && pi < pb->s_end && pi < sd->npara;
       pi++) {
    size_t a = sd->paras[pi].start, b = sd->paras[pi].end;
    for (size_t i = a; !st && i < b;) {
      while (i < b && S_space((unsigned char)t[i]))
        i++;
      size_t j = i;
      while (j < b && !S_space((unsigned char)t[j]))
        j++;
      size_t is, ie;
      int kind = j > i ? S_item(t, i, j, &is, &ie) : -1;
      i = j;
      if (kind < 0)
        continue;
      /* The aligned sentence, or the paragraph. */
      size_t sb = SIZE_MAX;
      if (sd->paras[pi].sent_end > sd->paras[pi].sent_first)
        sb = bi->s_sbead[S_sent_at(sd, pi, is)];
      size_t ts, te, cs, ce;
      S_tgt_span(d, bi, sb, pb, &ts, &te);
      int all = *budget >= d->len;
      if (all)
        *budget -= d->len;
      else if (te - ts > S_PARA_SCAN)
        continue; /* nothing left to search a long sentence with */
      if (te <= ts || S_found(kind, t + is, ie - is, d->text, all ? 0 : ts,
                              all ? d->len : te))
        continue;
      int para = tb - ta <= S_PARA_SCAN;
      int sent = te - ts <= S_PARA_SCAN;
      if ((para || sent) &&
          S_changed(d, kind, para ? ta : ts, para ? tb : te, &cs, &ce))
        st = mtai_finding_add_src(
            out, &S_rules[1], S_rules[1].severity, cs, ce, is, ie, NULL,
            "%s changed: the source has '%.*s'; the target has '%.*s'",
            _(S_kind_names[kind]), (int)(ie - is), t + is, (int)(ce - cs),
            d->text + cs);
      else
        st = mtai_finding_add_src(
            out, &S_rules[1], S_rules[1].severity, ts, te, is, ie, NULL,
            "%s lost: the source has '%.*s'; the target does not",
            _(S_kind_names[kind]), (int)(ie - is), t + is);
    }
  }
  return st;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *out) {
  (void)state;
  (void)cx;
  const struct mtai_bitext *bi = out->bi;
  if (!bi)
    return MTA_OK;
  struct S_quotes sq = {0}, tq = {0};
  size_t budget = S_SCAN_BUDGET;
  mta_status st = MTA_OK;
  for (size_t k = 0; !st && k < bi->npb; k++) {
    const struct mtai_bead *pb = &bi->pb[k];
    if (pb->skipped || pb->t_end <= pb->t_first || pb->s_end <= pb->s_first)
      continue;
    st = S_quotes_bead(out, pb, &sq, &tq);
    if (!st)
      st = S_urls_bead(out, pb, &budget);
  }
  free(sq.v);
  free(tq.v);
  return st;
}

const struct mta_check mtai_check_quote = {
    "quote", S_rules, sizeof S_rules / sizeof S_rules[0], NULL, S_run, NULL};
