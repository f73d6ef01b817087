/*
 * Paragraph kinds: what the author wrote (text, heading, caption) and
 * what the scraper dragged in (boilerplate). Later checks skip headings,
 * captions and boilerplate where they make no sense; the score leaves
 * boilerplate and repeated paragraphs out; check_boilerplate.c reports one
 * boilerplate/KIND finding per marked paragraph (and per marked span of
 * metadata or credit inside a paragraph that stays).
 *
 *   heading      one line of at most 20 words without sentence punctuation
 *                at the end (a question mark is allowed: "Bringt Kim alte
 *                Waffen mit?"), also after a closing quote or bracket
 *   caption      a paragraph ending in a photo credit ("... © UPI
 *                Photo/Imago", "(Foto: dpa)"): the credit is marked
 *   boilerplate  (a) web chrome from dict/boilerplate.txt: the whole
 *                paragraph ("Kommentare", "Leave a Reply"), its start
 *                ("Siehe auch  ...", "Foto: dpa") or a phrase inside a
 *                short paragraph ("... Ad-Blocker ...");
 *                (b) a date alone at the top or bottom ("September 28,
 *                2024", "12.03.2024, 14:22 Uhr");
 *                (c) a one-word paragraph among the first three that is no
 *                German word or name (a site name: "Dasschoenespiel");
 *                (d) a short paragraph in which the site addresses the
 *                reader about the page itself ("Bitte aktualisieren Sie
 *                die Seite", "Folgen Sie ... Nachrichten", "Ihren
 *                Browser": a cue word of dict/boilerplate.txt) outside
 *                quotations and without "ich", in the head or tail of the
 *                document (before the first or after the last paragraph
 *                of prose) or next to other boilerplate.
 * A metadata prefix (" date 2023-09 Im Panzerzug ...") is marked as a span;
 * the paragraph keeps its kind.
 *
 * Prose is never hidden (issue 14): a paragraph that reads as article
 * prose is text unless a chrome pattern matches it whole or nearly so.
 * Phrases, cues and the reader address count outside quotations only
 * (the annotation's mtai_tok_quoted(): annotate runs before classify);
 * a phrase inside a paragraph is no chrome in narrative prose (15 or
 * more words ending as a sentence that neither address the reader, nor
 * speak as the page, "wir"/"uns", nor point at it, "dieser Artikel"); a
 * label at the start ("Mehr zum Thema", "Auch interessant") followed by a
 * sentence is prose; a credit must have the shape of one after its mark
 * (names, numbers, agency words: "Foto: dpa/Jana Brenner", not "Foto: So
 * sieht die neue Brücke aus"), and so must an agency tag ("(dpa)", not
 * "(Beifall)"). A speaker's address to an audience ("Ich möchte Sie
 * bitten, ...", "Stellen Sie sich vor, ...") has no cue and stays text.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "internal.h"
#include "vec.h"

struct S_phrase {
  char *kind;   /* "related", "adblock", ... */
  int match;    /* S_WHOLE, S_START, S_ANY, S_CUE, S_WORD */
  size_t limit; /* S_START: most words of a matching paragraph */
  int open;     /* S_START, S_CUE: no word boundary needed after it */
  size_t words; /* words (letter or digit runs) of the phrase */
  int spaced;   /* the phrase has a space (more than one word) */
  char *phrase; /* lower case */
  size_t len;
};

/* whole, start, any: chrome phrases; cue: a word of the page's own
 * relationship to the reader (reader-address); word: a lower-case word
 * a photo credit may hold (credit). */
enum { S_WHOLE, S_START, S_ANY, S_CUE, S_WORD };

struct mtai_classifier {
  struct S_phrase *ph;
  size_t nph;
  struct mtai_strset months;
};

void mtai_classifier_free(struct mtai_classifier *c) {
  if (!c)
    return;
  for (size_t i = 0; i < c->nph; i++) {
    free(c->ph[i].kind);
    free(c->ph[i].phrase);
  }
  free(c->ph);
  mtai_strset_free(&c->months);
  free(c);
}

/* A byte of a letter or digit (every byte of a UTF-8 sequence counts as a
 * letter: "ü", "ß"). */
static int S_alnum(char ch) {
  unsigned char u = (unsigned char)ch;
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
         (u >= '0' && u <= '9') || u >= 0x80;
}

mta_status mtai_classifier_new(struct mtai_classifier **out) {
  *out = NULL;
  struct mtai_classifier *c = calloc(1, sizeof *c);
  if (!c)
    return MTA_ERR_NOMEM;
  mtai_strset_init(&c->months);
  /* Lines "kind<TAB>match<TAB>phrase" ('#' starts a comment); lines
   * without two tabs are skipped. */
  struct mtai_wordlist it;
  mta_status st = mtai_wordlist_open(&it, "boilerplate.txt")
                      ? mtai_strset_load(&c->months, "months.txt")
                      : MTA_ERR_DICT;
  size_t cap = 0;
  const char *l;
  size_t n;
  while (!st && mtai_wordlist_next(&it, &l, &n)) {
    const char *t1 = memchr(l, '\t', n);
    const char *t2 = t1 ? memchr(t1 + 1, '\t', n - (size_t)(t1 + 1 - l)) : NULL;
    if (!t2)
      continue;
    size_t ml = (size_t)(t2 - t1 - 1);
    int match = ml == 5 && !memcmp(t1 + 1, "whole", 5)   ? S_WHOLE
                : ml == 5 && !memcmp(t1 + 1, "start", 5) ? S_START
                : ml == 3 && !memcmp(t1 + 1, "cue", 3)   ? S_CUE
                : ml == 4 && !memcmp(t1 + 1, "word", 4)  ? S_WORD
                                                         : S_ANY;
    if ((st = mtai_vec_reserve(c->ph, cap, c->nph + 1)))
      break;
    struct S_phrase *p = &c->ph[c->nph];
    memset(p, 0, sizeof *p);
    p->kind = strndup(l, (size_t)(t1 - l));
    p->len = (size_t)(l + n - t2 - 1);
    p->phrase = strndup(t2 + 1, p->len);
    p->match = match;
    if (p->kind && p->phrase && match == S_CUE && p->len > 1 &&
        p->phrase[p->len - 1] == '*') {
      /* "abonn*": a prefix. */
      p->phrase[--p->len] = '\0';
      p->open = 1;
    } else if (p->kind && p->phrase) {
      /* Author boxes and republication notices run long. */
      p->limit =
          !strcmp(p->kind, "author") || !strcmp(p->kind, "source") ? 120 : 40;
      /* A phrase ending in a word needs a boundary after it ("copyright"
       * is not "Copyright-Verletzungen"). */
      char z = p->phrase[p->len - 1];
      p->open = z == ':' || z == '(' || (unsigned char)z == 0xA9;
    }
    p->spaced = p->phrase && memchr(p->phrase, ' ', p->len) != NULL;
    for (size_t k = 0; p->phrase && k < p->len; k++)
      p->words +=
          S_alnum(p->phrase[k]) && (k == 0 || !S_alnum(p->phrase[k - 1]));
    if (!p->kind || !p->phrase) {
      free(p->kind);
      free(p->phrase);
      st = MTA_ERR_NOMEM;
      break;
    }
    c->nph++;
  }
  if (st) {
    mtai_classifier_free(c);
    return st;
  }
  *out = c;
  return MTA_OK;
}

static int S_ends_sentence(const char *t, size_t a, size_t b, int question_ok) {
  /* Skip closing quotes and brackets at the end. */
  while (b > a) {
    size_t i = b - 1;
    while (i > a && ((unsigned char)t[i] & 0xC0) == 0x80)
      i--;
    size_t k = i;
    int32_t c = mtai_utf8_next(t, b, &k);
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201C ||
        c == 0x201D || c == 0x2019 || c == 0x00AB || c == 0x00BB ||
        c == 0x2039 || c == 0x203A) {
      b = i;
      continue;
    }
    return c == '.' || c == '!' || (c == '?' && !question_ok) || c == ':' ||
           c == ';' || c == 0x2026;
  }
  return 0;
}

/* The paragraph text in lower case with whitespace runs collapsed,
 * trailing punctuation and blanks removed, and the words inside
 * quotations (the annotation's mtai_tok_quoted()) blanked out: a quoted
 * "Jetzt abonnieren" is speech, not chrome. Into 'out'. */
static mta_status S_normalize(const struct mtai_doc *d,
                              const struct mtai_paragraph *p,
                              struct mta_buf *out) {
  /* Phrases match inside paragraphs of at most 60 words and at the start
   * of longer ones only: a long paragraph needs just its first 400 bytes
   * (cut at a character boundary). */
  size_t end = p->end;
  if (p->words > 60 && end - p->start > 400) {
    end = p->start + 400;
    while (end > p->start && ((unsigned char)d->text[end] & 0xC0) == 0x80)
      end--;
  }
  char *r = malloc(end - p->start + 1);
  if (!r)
    return MTA_ERR_NOMEM;
  memcpy(r, d->text + p->start, end - p->start);
  for (size_t i = p->tok_first; i < p->tok_end; i++) {
    const struct mtai_token *t = &d->toks[i];
    if (mtai_tok_quoted(d, i) && t->start < end)
      memset(r + (t->start - p->start), ' ',
             (t->end < end ? t->end : end) - t->start);
  }
  struct mta_buf low;
  mtai_buf_init(&low, d->len + 1);
  mta_status st = mtai_buf_reserve(&low, end - p->start);
  if (!st)
    st = mtai_utf8_lower(r, end - p->start, &low);
  const char *s = mtai_buf_str(&low);
  size_t n = mtai_buf_len(&low);
  /* Whitespace runs collapsed into 'r' (lower case may have made the
   * text longer), then appended at once. */
  if (!st && n > end - p->start) {
    char *r2 = realloc(r, n + 1);
    if (r2)
      r = r2;
    else
      st = MTA_ERR_NOMEM;
  }
  int space = 0, any = mtai_buf_len(out) > 0;
  size_t k = 0;
  for (size_t i = 0; !st && i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = 1;
      continue;
    }
    if (space && (any || k > 0))
      r[k++] = ' ';
    space = 0;
    r[k++] = (char)ch;
  }
  if (!st)
    st = mtai_buf_add(out, r, k);
  free(r);
  mtai_buf_free(&low);
  /* Trailing punctuation: "Kommentare:", "Leave a Reply." */
  size_t m = mtai_buf_len(out);
  const char *o = mtai_buf_str(out);
  while (m && strchr(".:!?;,-| ", o[m - 1]))
    m--;
  if (!st)
    mtai_buf_truncate(out, m);
  return st;
}

static int S_boundary(const char *s, size_t n, size_t at) {
  if (at >= n)
    return 1;
  return strchr(" :|/(.,\xC2\xBB>", s[at]) != NULL;
}

/* (The first bytes before the strlen: S_addresses_reader() asks with a
 * table of words for every token.) */
static int S_is(const struct mtai_doc *d, size_t i, const char *s) {
  const char *t = d->text + d->toks[i].start;
  if (s[0] && t[0] != s[0])
    return 0;
  size_t n = strlen(s);
  return (size_t)(d->toks[i].end - d->toks[i].start) == n && !memcmp(t, s, n);
}

/* 1 when word token 'i' is one of the NULL-terminated lower-case 'words',
 * written in lower case or with a capital. */
static int S_is_any(const struct mtai_doc *d, size_t i,
                    const char *const *words) {
  const struct mtai_token *t = &d->toks[i];
  size_t n = t->end - t->start;
  const char *w = d->text + t->start;
  if (t->kind != MTAI_TOK_WORD || n == 0)
    return 0;
  for (; *words; words++)
    if (strlen(*words) == n && (*words)[0] == (w[0] | 0x20) &&
        !memcmp(*words + 1, w + 1, n - 1))
      return 1;
  return 0;
}

/* 1 when an unquoted word of 'p' is one of 'words'. */
static int S_has_unquoted(const struct mtai_doc *d,
                          const struct mtai_paragraph *p,
                          const char *const *words) {
  for (size_t i = p->tok_first; i < p->tok_end; i++)
    if (!mtai_tok_quoted(d, i) && S_is_any(d, i, words))
      return 1;
  return 0;
}

/* The page speaks as "we" (German or English) outside quotations:
 * "Für die Finanzierung unseres Angebots sind wir ...". */
static int S_site_voice(const struct mtai_doc *d,
                        const struct mtai_paragraph *p) {
  static const char *const we[] = {
      "wir",     "uns", "unser", "unsere", "unseren", "unserem", "unserer",
      "unseres", "we",  "us",    "our",    "you",     "your",    NULL};
  return S_has_unquoted(d, p, we);
}

/* A narrator or speaker says "I" outside quotations: a talk or a report,
 * not the page's chrome ("Ich möchte Sie bitten, ..."). */
static int S_first_person(const struct mtai_doc *d,
                          const struct mtai_paragraph *p) {
  static const char *const me[] = {"ich",    "mich",   "mir",    "mein",
                                   "meine",  "meinen", "meinem", "meiner",
                                   "meines", NULL};
  return S_has_unquoted(d, p, me);
}

/* Index of the token after the first 'words' word or number tokens of
 * 'p' (those of a phrase that matched its start). */
static size_t S_after_words(const struct mtai_doc *d,
                            const struct mtai_paragraph *p, size_t from,
                            size_t words) {
  size_t i = from;
  for (; i < p->tok_end && words; i++)
    if (d->toks[i].kind != MTAI_TOK_PUNCT)
      words--;
  return i;
}

/* 1 when word token 'i' is a lower-case word a credit may hold (agencies,
 * "privat", "picture alliance": the 'word' entries of kind credit). */
static int S_credit_word(const struct mtai_classifier *c,
                         const struct mtai_doc *d, size_t i) {
  const struct mtai_token *t = &d->toks[i];
  size_t n = t->end - t->start;
  const char *w = d->text + t->start;
  for (size_t k = 0; k < c->nph; k++) {
    const struct S_phrase *ph = &c->ph[k];
    if (ph->match != S_WORD || ph->len != n)
      continue;
    size_t j = 0;
    while (j < n &&
           ph->phrase[j] ==
               (w[j] >= 'A' && w[j] <= 'Z' ? (char)(w[j] | 0x20) : w[j]))
      j++;
    if (j == n)
      return 1;
  }
  return 0;
}

/* 1 when tokens [from, to) have the shape of a credit, not of a
 * sentence or a headline: at most ten words, each a name (capitalized),
 * a number or a credit word ("Foto: dpa/Jana Brenner", "© Imago/Xinhua",
 * "Bild: privat"; not "Bild: So sieht die neue Brücke aus"). */
static int S_credit_shape(const struct mtai_classifier *c,
                          const struct mtai_doc *d, size_t from, size_t to) {
  size_t words = 0;
  for (size_t i = from; i < to; i++) {
    const struct mtai_token *t = &d->toks[i];
    if (t->kind == MTAI_TOK_PUNCT)
      continue;
    if (++words > 10)
      return 0;
    if (t->kind == MTAI_TOK_WORD && !(t->flags & MTAI_TF_UPPER) &&
        !S_credit_word(c, d, i))
      return 0;
  }
  return 1;
}

/* 1 when the paragraph goes on as a sentence after the 'words' words of
 * a label at its start: no colon after the label, sentence punctuation
 * at the end, and three or more lower-case words outside quotations
 * ("Auch interessant ist, dass ...", "Mehr zum Thema sagte er nicht.";
 * not "Auch interessant: ...", "Lesezeit 4 Min."). */
static int S_label_sentence(const struct mtai_doc *d,
                            const struct mtai_paragraph *p, size_t words) {
  size_t i = S_after_words(d, p, p->tok_first, words);
  if (i < p->tok_end && S_is(d, i, ":"))
    return 0;
  if (!S_ends_sentence(d->text, p->start, p->end, 0))
    return 0;
  size_t lower = 0;
  for (; i < p->tok_end; i++)
    lower += d->toks[i].kind == MTAI_TOK_WORD &&
             !(d->toks[i].flags & MTAI_TF_UPPER) && !mtai_tok_quoted(d, i);
  return lower >= 3;
}

/* 1 when normalized text s[0..n) points at the page itself ("dieser
 * Artikel", "diese Seite", "this article"). */
static int S_self_reference(const char *s) {
  static const char *const self[] = {
      "dieser artikel", "diesen artikel",  "dieses artikels", "dieser beitrag",
      "diesen beitrag", "dieses beitrags", "diese seite",     "dieser seite",
      "this article",   "this site",       "this website",    "this page"};
  for (size_t k = 0; k < sizeof self / sizeof self[0]; k++)
    for (const char *at = strstr(s, self[k]); at; at = strstr(at + 1, self[k]))
      if ((at == s || !S_alnum(at[-1])) && !S_alnum(at[strlen(self[k])]))
        return 1;
  return 0;
}

/* A paragraph of narrative prose: 15 or more words ending as a sentence,
 * neither addressing the reader, nor speaking as the page ("wir", "uns")
 * outside quotations, nor pointing at the page ("dieser Artikel"; in
 * normalized text 's'). A chrome phrase inside it is part of the story
 * ("Die Zeitung bietet den Text nur für Abonnenten an, sagte ..."). */
static int S_narrative(const struct mtai_doc *d, const struct mtai_paragraph *p,
                       const char *s, int addr) {
  return p->words >= 15 && !addr &&
         S_ends_sentence(d->text, p->start, p->end, 0) && !S_site_voice(d, p) &&
         !S_self_reference(s);
}

/* The kinds whose start phrases are labels ("Mehr zum Thema: ..."), not
 * sentences of their own like "Teilen Sie diesen Artikel". */
static int S_label_kind(const char *kind) {
  return !strcmp(kind, "related") || !strcmp(kind, "navigation") ||
         !strcmp(kind, "metadata") || !strcmp(kind, "cookie");
}

/* The byte pairs of a text, one bit each: a phrase with a pair that is
 * not among them is not in the text (a filter before strstr(): ~100
 * phrases of the "any" kind are looked for in every short paragraph). */
struct S_pairs {
  uint64_t bit[65536 / 64];
};

static void S_pairs_of(struct S_pairs *pr, const char *s, size_t n) {
  memset(pr->bit, 0, sizeof pr->bit);
  for (size_t i = 0; i + 1 < n; i++) {
    unsigned k = (unsigned)(unsigned char)s[i] << 8 | (unsigned char)s[i + 1];
    pr->bit[k / 64] |= (uint64_t)1 << (k % 64);
  }
}

/* 0 when a byte pair of ph[0..len) is not in the text of 'pr'. */
static int S_pairs_may(const struct S_pairs *pr, const char *ph, size_t len) {
  for (size_t i = 0; i + 1 < len; i++) {
    unsigned k = (unsigned)(unsigned char)ph[i] << 8 | (unsigned char)ph[i + 1];
    if (!(pr->bit[k / 64] >> (k % 64) & 1))
      return 0;
  }
  return 1;
}

/* The first phrase of the list matching normalized text s[0..n) of 'p'
 * ('addr': it addresses the reader). A start phrase of a credit needs a
 * credit after it, one of a label no sentence after it; a phrase inside
 * the paragraph is not chrome in narrative prose. */
static const struct S_phrase *S_match(const struct mtai_classifier *c,
                                      const struct mtai_doc *d,
                                      const struct mtai_paragraph *p,
                                      const char *s, size_t n, int addr) {
  size_t words = p->words;
  int narrative = -1, paired = 0;
  struct S_pairs pairs;
  for (size_t i = 0; i < c->nph; i++) {
    const struct S_phrase *ph = &c->ph[i];
    switch (ph->match) {
    case S_WHOLE:
      if (n == ph->len && !memcmp(s, ph->phrase, n))
        return ph;
      break;
    case S_START:
      if (words <= ph->limit && n >= ph->len &&
          !memcmp(s, ph->phrase, ph->len) &&
          (ph->open || S_boundary(s, n, ph->len))) {
        if (!strcmp(ph->kind, "credit")
                ? S_credit_shape(c, d,
                                 S_after_words(d, p, p->tok_first, ph->words),
                                 p->tok_end)
                : !S_label_kind(ph->kind) || !S_label_sentence(d, p, ph->words))
          return ph;
      }
      break;
    case S_ANY:
      /* A single word ("werbeblocker") may be the topic of an article;
       * it is chrome where the paragraph also addresses the reader. */
      if (words > 60 || !(addr || ph->spaced))
        break;
      if (!paired) {
        S_pairs_of(&pairs, s, n);
        paired = 1;
      }
      if (S_pairs_may(&pairs, ph->phrase, ph->len) && strstr(s, ph->phrase)) {
        if (narrative < 0)
          narrative = S_narrative(d, p, s, addr);
        if (!narrative)
          return ph;
      }
      break;
    default: /* cues and credit words are no phrases */
      break;
    }
  }
  return NULL;
}

/* The first cue of the page's relationship to the reader ("newsletter",
 * "abonn*", "die seite") in normalized text s[0..n), at the start of a
 * word or after a hyphen ("Nachrichten-App"), or NULL. */
static const struct S_phrase *S_cue(const struct mtai_classifier *c,
                                    const char *s, size_t n) {
  for (size_t i = 0; i < c->nph; i++) {
    const struct S_phrase *ph = &c->ph[i];
    if (ph->match != S_CUE)
      continue;
    for (const char *at = strstr(s, ph->phrase); at;
         at = strstr(at + 1, ph->phrase)) {
      size_t k = (size_t)(at - s);
      if ((k == 0 || !S_alnum(s[k - 1])) &&
          (ph->open || k + ph->len >= n || !S_alnum(s[k + ph->len])))
        return ph;
    }
  }
  return NULL;
}

/* A short line of navigation: three or more separators ("Home | Politik |
 * Sport", "Startseite › Politik › Ausland"). */
static int S_nav_shape(const struct mtai_doc *d,
                       const struct mtai_paragraph *p) {
  if (p->words > 15)
    return 0;
  size_t seps = 0;
  for (size_t i = p->tok_first; i < p->tok_end; i++) {
    const struct mtai_token *t = &d->toks[i];
    size_t n = t->end - t->start;
    const char *w = d->text + t->start;
    if (t->kind == MTAI_TOK_PUNCT &&
        ((n == 1 && (*w == '|' || *w == '>')) ||
         (n == 3 && !memcmp(w, "\xE2\x80\xBA", 3)) ||
         (n == 2 && !memcmp(w, "\xC2\xBB", 2))))
      seps++;
  }
  return seps >= 3;
}

/* A list of short lines that are no sentences: link lists, button rows,
 * price tables ("Teilen\nTwittern\nDrucken"). Three or more lines, two
 * thirds of them at most 12 words without a full stop, question or
 * exclamation mark at the end (and at least three such lines); bullet items ("-
 * ...", "• ...") are article lists and count against it, and so do the
 * lines of hard-wrapped prose (starting in lower case, ending in a
 * comma); fifteen words or more ending in a full stop are wrapped
 * prose. */
static int S_line_list(const struct mtai_doc *d,
                       const struct mtai_paragraph *p) {
  /* Fifteen or more words ending in a full stop: wrapped prose. */
  if (p->words >= 15 && S_ends_sentence(d->text, p->start, p->end, 1))
    return 0;
  size_t lines = 0, short_lines = 0;
  for (size_t a = p->start; a < p->end;) {
    const char *nl = memchr(d->text + a, '\n', p->end - a);
    size_t b = nl ? (size_t)(nl - d->text) : p->end;
    size_t e = b;
    while (e > a && (d->text[e - 1] == ' ' || d->text[e - 1] == '\r'))
      e--;
    size_t s0 = a;
    while (s0 < e && d->text[s0] == ' ')
      s0++;
    if (e > s0) {
      lines++;
      int bullet = d->text[s0] == '-' || d->text[s0] == '*' ||
                   (e - s0 >= 3 && !memcmp(d->text + s0, "\xE2\x80\xA2", 3));
      size_t words = 1;
      for (size_t k = s0; k < e; k++)
        words += d->text[k] == ' ' && d->text[k + 1] != ' ';
      char z = d->text[e - 1];
      /* A line that goes on from the one before (lower-case start) or
       * into the next (a comma at its end) is wrapped prose. */
      unsigned char c0 = (unsigned char)d->text[s0];
      unsigned char c1 = s0 + 1 < e ? (unsigned char)d->text[s0 + 1] : 0;
      int wrapped = (c0 >= 'a' && c0 <= 'z') ||
                    (c0 == 0xC3 && c1 >= 0x9F && c1 <= 0xBF) || z == ',';
      if (!bullet && !wrapped && words <= 12 && z != '.' && z != '!' &&
          z != '?')
        short_lines++;
    }
    a = b + 1;
  }
  return short_lines >= 3 && short_lines * 3 >= lines * 2;
}

/* A short line with "·" or "|" between its parts and no sentence end:
 * "Weserland-Bote · Tageszeitung für Bremen", "Antworten | Melden". */
static int S_separated(const struct mtai_doc *d,
                       const struct mtai_paragraph *p) {
  if (p->words > 12 || p->words == 0)
    return 0;
  char z = d->text[p->end - 1];
  if (z == '.' || z == '!' || z == '?')
    return 0;
  for (size_t i = p->tok_first; i < p->tok_end; i++)
    if (d->toks[i].kind == MTAI_TOK_PUNCT &&
        (S_is(d, i, "|") || S_is(d, i, "\xC2\xB7")))
      return 1;
  return 0;
}

/* A price with a call to action: "Jetzt 30 Tage für nur 1 € testen",
 * "4,99 € / Monat, monatlich kündbar". Normalized text 's'. */
static int S_offer(const char *s, size_t words) {
  static const char *const cta[] = {
      "testen",   "kündbar",       "abonnieren",      " abo ",
      "probeabo", "jetzt sichern", "jetzt bestellen", "upgrade"};
  if (words > 50 || (!strstr(s, "\xE2\x82\xAC") && !strstr(s, " euro")))
    return 0;
  for (size_t k = 0; k < sizeof cta / sizeof cta[0]; k++)
    if (strstr(s, cta[k]))
      return 1;
  return 0;
}

/* 1 when the paragraph holds a double quotation mark or a guillemet
 * (the annotation's table of quotation marks). */
static int S_quoted(const struct mtai_doc *d, const struct mtai_paragraph *p) {
  for (size_t i = p->tok_first; i < p->tok_end; i++) {
    unsigned q = mtai_tok_quote(d, i);
    if (q != MTAI_Q_NONE && q != MTAI_Q_LOW_SINGLE && q != MTAI_Q_LEFT_SINGLE &&
        q != MTAI_Q_RIGHT_SINGLE)
      return 1;
  }
  return 0;
}

/* A bare agency tag: "(dpa)", "(dpa/afp/mwe)", "(AFP)": every word an
 * agency (a credit word), an abbreviation in capitals or a short
 * lower-case author code; not a stage direction ("(Beifall)"). */
static int S_agency_tag(const struct mtai_classifier *c,
                        const struct mtai_doc *d,
                        const struct mtai_paragraph *p) {
  if (!(p->words >= 1 && p->words <= 4 && p->end - p->start >= 3 &&
        d->text[p->start] == '(' && d->text[p->end - 1] == ')' &&
        !memchr(d->text + p->start + 1, '(', p->end - p->start - 2)))
    return 0;
  for (size_t i = p->tok_first; i < p->tok_end; i++) {
    const struct mtai_token *t = &d->toks[i];
    if (t->kind == MTAI_TOK_WORD && !(t->flags & MTAI_TF_ALLCAPS) &&
        !S_credit_word(c, d, i) &&
        ((t->flags & MTAI_TF_UPPER) || t->end - t->start > 4))
      return 0;
  }
  return 1;
}

/* The boilerplate marks of a document while it is classified: the marks,
 * their strings (each distinct string once: a page of a million "Foto:
 * dpa" lines holds one copy) and the index of the strings. Installed into
 * the document as one allocation by S_marks_install(). */
struct S_marks {
  struct mtai_bp *v;
  size_t n, cap;
  struct mta_buf pool;
  struct mtai_strset seen; /* string -> 1 + its offset in 'pool' */
};

static void S_marks_init(struct S_marks *m) {
  memset(m, 0, sizeof *m);
  mtai_buf_init(&m->pool, 0);
  mtai_strset_init(&m->seen);
}

static void S_marks_free(struct S_marks *m) {
  free(m->v);
  mtai_buf_free(&m->pool);
  mtai_strset_free(&m->seen);
}

/* Offset in the pool of 'str' (NUL-terminated there), added if new. */
static mta_status S_intern(struct S_marks *m, const char *str, uint32_t *off) {
  size_t n = strlen(str);
  void *v = NULL;
  if (mtai_strset_get(&m->seen, str, n, &v)) {
    *off = (uint32_t)((uintptr_t)v - 1);
    return MTA_OK;
  }
  size_t at = mtai_buf_len(&m->pool);
  if (at + n + 1 > UINT32_MAX)
    return MTA_ERR_TOO_LARGE;
  mta_status st = mtai_buf_add(&m->pool, str, n + 1);
  if (!st)
    st = mtai_strset_put(&m->seen, str, n, (void *)(uintptr_t)(at + 1));
  *off = (uint32_t)at;
  return st;
}

/* Sets the mark '*bp' (1 + index, 0 for a new one) to 'kind', [a, b),
 * 'why'. */
static mta_status S_marks_set(struct S_marks *m, uint32_t *bp, const char *kind,
                              size_t a, size_t b, const char *why) {
  uint32_t ko, wo;
  mta_status st = S_intern(m, kind, &ko);
  if (!st)
    st = S_intern(m, why, &wo);
  if (st)
    return st;
  if (!*bp || *bp > m->n) {
    if ((st = mtai_vec_reserve(m->v, m->cap, m->n + 1)))
      return st;
    *bp = (uint32_t)++m->n;
  }
  struct mtai_bp *e = &m->v[*bp - 1];
  e->start = (uint32_t)a;
  e->end = (uint32_t)b;
  e->kind = ko;
  e->why = wo;
  return MTA_OK;
}

/* Replaces the document's mark table by the marks of 'm' (one allocation:
 * the marks, then the pool). */
static mta_status S_marks_install(struct mtai_doc *d, const struct S_marks *m) {
  struct mtai_bp *t = NULL;
  size_t plen = mtai_buf_len(&m->pool);
  if (m->n) {
    t = malloc(m->n * sizeof *t + plen);
    if (!t)
      return MTA_ERR_NOMEM;
    memcpy(t, m->v, m->n * sizeof *t);
    memcpy((char *)(t + m->n), mtai_buf_str(&m->pool), plen);
  }
  free(d->bp);
  d->bp = t;
  d->nbp = m->n;
  return MTA_OK;
}

mta_status mtai_doc_set_bp(struct mtai_doc *d, size_t pi, const char *kind,
                           size_t start, size_t end, const char *why) {
  if (!d || pi >= d->npara || !kind || !why)
    return MTA_ERR_INVALID_ARG;
  struct S_marks m;
  S_marks_init(&m);
  /* The current table, strings as they are (the pool ends after the last
   * string any mark points at). */
  const char *pool = (const char *)(d->bp + d->nbp);
  size_t plen = 0;
  for (size_t i = 0; i < d->nbp; i++) {
    size_t k = d->bp[i].kind + strlen(pool + d->bp[i].kind) + 1;
    size_t w = d->bp[i].why + strlen(pool + d->bp[i].why) + 1;
    plen = k > plen ? k : plen;
    plen = w > plen ? w : plen;
  }
  mta_status st = MTA_OK;
  if (d->nbp) {
    m.v = malloc(d->nbp * sizeof *m.v);
    if (!m.v)
      st = MTA_ERR_NOMEM;
    else {
      memcpy(m.v, d->bp, d->nbp * sizeof *m.v);
      m.n = m.cap = d->nbp;
      st = mtai_buf_add(&m.pool, pool, plen);
    }
  }
  if (!st)
    st = S_marks_set(&m, &d->paras[pi].bp, kind, start, end, why);
  if (!st)
    st = S_marks_install(d, &m);
  S_marks_free(&m);
  return st;
}

static mta_status S_mark(struct S_marks *m, struct mtai_paragraph *p,
                         enum mtai_para_kind kind, const char *kindname,
                         size_t a, size_t b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/* Gives 'p' the kind 'kind' and the boilerplate mark 'kindname' over
 * [a, b) with the evidence 'fmt' (kind names are cut to 23 bytes and the
 * evidence to 159, as the fixed fields they replace were). The evidence
 * is shown to people (the boilerplate findings, the HTML report): 'fmt'
 * is marked N_() and translated here. */
static mta_status S_mark(struct S_marks *m, struct mtai_paragraph *p,
                         enum mtai_para_kind kind, const char *kindname,
                         size_t a, size_t b, const char *fmt, ...) {
  p->kind = (unsigned char)kind;
  char kname[24], why[160];
  snprintf(kname, sizeof kname, "%s", kindname);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(why, sizeof why, _(fmt), ap);
  va_end(ap);
  return S_marks_set(m, &p->bp, kname, a, b, why);
}

/* 1 when paragraph 'p' is only a date or time ("September 28, 2024",
 * "12.03.2024, 14:22 Uhr"). */
static int S_date_only(const struct mtai_classifier *c,
                       const struct mtai_doc *d,
                       const struct mtai_paragraph *p) {
  if (p->words == 0 || p->words > 6)
    return 0;
  int number = 0;
  for (size_t i = p->tok_first; i < p->tok_end; i++) {
    const struct mtai_token *t = &d->toks[i];
    if (t->kind == MTAI_TOK_NUMBER) {
      number = 1;
      continue;
    }
    if (t->kind == MTAI_TOK_PUNCT)
      continue;
    const char *w = d->text + t->start;
    size_t n = t->end - t->start;
    static const char *const en[] = {"January", "February", "March",
                                     "May",     "June",     "July",
                                     "October", "December"};
    int month = mtai_strset_has(&c->months, w, n);
    for (size_t k = 0; !month && k < sizeof en / sizeof en[0]; k++)
      month = strlen(en[k]) == n && !memcmp(w, en[k], n);
    if (month || (n == 3 && !memcmp(w, "Uhr", 3)) ||
        (n == 2 && !memcmp(w, "am", 2)))
      continue;
    return 0;
  }
  return number;
}

/* A credit at the end of a caption: "... © UPI Photo/Imago", "(Foto:
 * dpa)", "Foto: Reuters"; after the mark, at most eight words in the
 * shape of a credit ("Er zeigte ein Foto: Es war unscharf." is none).
 * Returns its start or 0. */
static size_t S_credit_tail(const struct mtai_classifier *c,
                            const struct mtai_doc *d,
                            const struct mtai_paragraph *p) {
  static const struct {
    const char *mark;
    size_t words;
  } marks[] = {{"\xC2\xA9", 0}, {"(Foto", 1},        {"Foto:", 1},
               {"Fotos:", 1},   {"Bild:", 1},        {"Photo:", 1},
               {"(Bild", 1},    {"Quelle: Imago", 2}};
  /* Eight words fit in the last 160 bytes. */
  size_t from = p->end - p->start > 160 ? p->end - 160 : p->start + 1;
  /* The last mark wins; of marks at the same byte, the first listed. One
   * walk back from the end, the first byte tested before the marks. */
  size_t best = 0, best_words = 0;
  for (size_t i = p->end; !best && i-- > from;) {
    char ch = d->text[i];
    if (ch != '\xC2' && ch != '(' && ch != 'F' && ch != 'B' && ch != 'P' &&
        ch != 'Q')
      continue;
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
      size_t ml = strlen(marks[k].mark);
      if (i + ml <= p->end && ch == marks[k].mark[0] &&
          !memcmp(d->text + i, marks[k].mark, ml) && i > 0) {
        best = i;
        best_words = marks[k].words;
        break;
      }
    }
  }
  if (!best)
    return 0;
  /* At most eight words from the mark to the end. */
  size_t words = 0, first = p->tok_end;
  for (size_t i = p->tok_first; i < p->tok_end; i++)
    if (d->toks[i].start >= best) {
      first = i < first ? i : first;
      words += d->toks[i].kind != MTAI_TOK_PUNCT;
    }
  return words <= 8 &&
                 S_credit_shape(c, d, S_after_words(d, p, first, best_words),
                                p->tok_end)
             ? best
             : 0;
}

/* How paragraph 'p' addresses the reader outside quotations (the
 * annotation's mtai_tok_quoted(): „Bitte bleiben Sie zu Hause“, sagte
 * er): 2 with a request, an imperative at the start of a sentence
 * ("Folgen Sie", "Klicken Sie", "Bitte ..."), 1 with a formal "Sie" or
 * possessive in mid-sentence only ("... in Ihren Browser"), else 0. */
static int S_addresses_reader(const struct mtai_doc *d,
                              const struct mtai_paragraph *p) {
  static const char *const poss[] = {"Ihr",   "Ihre",  "Ihren", "Ihrem",
                                     "Ihrer", "Ihres", "Ihnen"};
  int level = 0;
  for (size_t si = p->sent_first; si < p->sent_end; si++) {
    const struct mtai_sentence *sn = &d->sents[si];
    size_t t0 = sn->tok_first;
    while (t0 < sn->tok_end && d->toks[t0].kind == MTAI_TOK_PUNCT)
      t0++;
    if (t0 + 1 >= sn->tok_end)
      continue;
    int question = S_is(d, sn->tok_end - 1, "?");
    if (!mtai_tok_quoted(d, t0) &&
        (S_is(d, t0, "Bitte") || (!question && S_is(d, t0 + 1, "Sie") &&
                                  d->toks[t0].kind == MTAI_TOK_WORD &&
                                  (d->toks[t0].flags & MTAI_TF_UPPER))))
      return 2;
    /* Mid-sentence, "Sie" with a capital is always the formal "you". */
    int colon = 0; /* "Der Landrat bat: Bleiben Sie ..." reports a plea */
    for (size_t i = t0 + 1; i < sn->tok_end; i++) {
      if (mtai_tok_quoted(d, i))
        continue;
      colon |= S_is(d, i, ":");
      if (!colon && S_is(d, i, "Sie") && d->toks[i - 1].kind == MTAI_TOK_WORD &&
          !mtai_tok_quoted(d, i - 1))
        level = 1;
      for (size_t k = 0; k < sizeof poss / sizeof poss[0]; k++)
        if (S_is(d, i, poss[k]))
          level = 1;
    }
  }
  return level;
}

/* Per paragraph while classifying: it addresses the reader; it is
 * reader-address chrome (S_reader_chrome()). */
enum { S_F_ADDR = 1, S_F_SITE = 2 };

/* Reader address is chrome when it is about the page's own relationship
 * to the reader: the paragraph addresses the reader ('addr', from
 * S_addresses_reader()), names the site, an article, the newsletter,
 * comments, a subscription, sharing, the ad blocker ... (a cue of
 * dict/boilerplate.txt in normalized text s[0..n), quotations blanked),
 * has at most 60 words and no "ich" outside quotations (a speaker: "Ich
 * möchte Sie bitten, ..."), and the page is the one speaking: it says
 * "wir"/"uns" or "dieser Artikel", or asks the reader to act ("Bitte
 * ...", "Laden Sie ..."). A headline that addresses the reader is
 * service journalism ("So kündigen Sie Ihr Abo"), not chrome, unless the
 * page speaks in it or it addresses by a possessive alone (a tagline:
 * "Rheinblick – Ihre Nachrichten aus der Region"). Where the paragraph
 * stands is asked by the caller. */
static const struct S_phrase *S_reader_chrome(const struct mtai_classifier *c,
                                              const struct mtai_doc *d,
                                              const struct mtai_paragraph *p,
                                              const char *s, size_t n,
                                              int addr) {
  if (!addr || p->words > 60 || S_first_person(d, p))
    return NULL;
  int voice = S_site_voice(d, p) || S_self_reference(s);
  if (p->kind == MTAI_PARA_HEADING) {
    for (size_t i = p->tok_first; !voice && i < p->tok_end; i++)
      if (S_is(d, i, "Sie") && !mtai_tok_quoted(d, i))
        return NULL;
  } else if (addr < 2 && !voice) {
    return NULL;
  }
  return S_cue(c, s, n);
}

/* A paragraph of article prose: running text of 20 or more words that
 * is not reader-address chrome. */
static int S_prose(const struct mtai_paragraph *p, unsigned char flags) {
  return p->kind == MTAI_PARA_TEXT && p->words >= 20 && !(flags & S_F_SITE);
}

mta_status mtai_classify(const struct mtai_classifier *c,
                         struct mtai_speller *sp, struct mtai_doc *d) {
  struct mta_buf norm;
  mtai_buf_init(&norm, d->len + 1);
  struct S_marks marks, *m = &marks;
  S_marks_init(m);
  free(d->bp);
  d->bp = NULL;
  d->nbp = 0;
  unsigned char *fl = calloc(d->npara + 1, 1); /* S_F_* per paragraph */
  mta_status st = fl ? MTA_OK : MTA_ERR_NOMEM;
  for (size_t i = 0; !st && i < d->npara; i++) {
    struct mtai_paragraph *p = &d->paras[i];
    /* Lines of d->text (p->line is the file's: HTML input). */
    size_t first_line = mtai_doc_line(d, p->start);
    size_t last_line = mtai_doc_line(d, p->end);
    p->kind = MTAI_PARA_TEXT;
    p->bp = 0;
    if (last_line == first_line && p->words <= 20 && p->words > 0 &&
        !S_ends_sentence(d->text, p->start, p->end, 1))
      p->kind = MTAI_PARA_HEADING;
    mtai_buf_truncate(&norm, 0);
    if ((st = S_normalize(d, p, &norm)))
      break;
    const char *ns = mtai_buf_str(&norm);
    size_t nn = mtai_buf_len(&norm);
    int addr = S_addresses_reader(d, p);
    fl[i] = (unsigned char)((addr ? S_F_ADDR : 0) |
                            (S_reader_chrome(c, d, p, ns, nn, addr) ? S_F_SITE
                                                                    : 0));
    const struct S_phrase *ph = S_match(c, d, p, ns, nn, addr);
    size_t credit;
    if (ph) {
      st = S_mark(m, p, MTAI_PARA_BOILERPLATE, ph->kind, p->start, p->end,
                  ph->match == S_WHOLE   ? N_("the paragraph is '%s'")
                  : ph->match == S_START ? N_("it starts with '%s'")
                                         : N_("it contains '%s'"),
                  ph->phrase);
    } else if (S_nav_shape(d, p) || S_separated(d, p)) {
      st = S_mark(m, p, MTAI_PARA_BOILERPLATE, "navigation", p->start, p->end,
                  N_("a short line of parts separated by '|', '·' or '>'"));
    } else if (S_line_list(d, p) && !S_credit_tail(c, d, p)) {
      st = S_mark(
          m, p, MTAI_PARA_BOILERPLATE, "navigation", p->start, p->end,
          N_("a list of short lines that are no sentences (links, buttons)"));
    } else if (S_offer(mtai_buf_str(&norm), p->words) && !S_quoted(d, p) &&
               !S_narrative(d, p, ns, addr)) {
      st = S_mark(m, p, MTAI_PARA_BOILERPLATE, "subscription", p->start, p->end,
                  N_("a price with a call to action"));
    } else if (S_agency_tag(c, d, p)) {
      st = S_mark(m, p, MTAI_PARA_BOILERPLATE, "credit", p->start, p->end,
                  N_("a news agency tag on a line of its own"));
    } else if ((i < 3 || i + 3 >= d->npara) && S_date_only(c, d, p)) {
      st = S_mark(m, p, MTAI_PARA_BOILERPLATE, "metadata", p->start, p->end,
                  i < 3 ? N_("a date alone at the top of the page")
                        : N_("a date alone at the bottom of the page"));
    } else if (i < 3 && p->words == 1 && p->tok_end - p->tok_first == 1 &&
               d->toks[p->tok_first].kind == MTAI_TOK_WORD && sp) {
      const struct mtai_token *t = &d->toks[p->tok_first];
      enum mtai_spell v =
          mtai_speller_check(sp, d->text + t->start, t->end - t->start);
      if (v == MTAI_SPELL_UNKNOWN)
        st = S_mark(m, p, MTAI_PARA_BOILERPLATE, "site-name", p->start, p->end,
                    N_("one word at the top of the page that is no German "
                       "word or name: the site's name"));
    } else if ((credit = S_credit_tail(c, d, p)) != 0) {
      st = S_mark(m, p, MTAI_PARA_CAPTION, "credit", credit, p->end,
                  N_("it closes the caption"));
    } else if (p->end - p->start > 6 &&
               !memcmp(d->text + p->start, "date ", 5) &&
               d->text[p->start + 5] >= '0' && d->text[p->start + 5] <= '9') {
      /* " date 2023-09 Headline": the prefix is metadata. */
      size_t e = p->start + 5;
      while (e < p->end && d->text[e] != ' ')
        e++;
      while (e < p->end && d->text[e] == ' ')
        e++;
      /* Nothing after it: the paragraph is metadata only. */
      enum mtai_para_kind k = e >= p->end ? MTAI_PARA_BOILERPLATE : p->kind;
      while (e > p->start && d->text[e - 1] == ' ')
        e--;
      st = S_mark(m, p, k, "metadata", p->start, e,
                  k == MTAI_PARA_HEADING ? N_("it stands before the headline")
                  : k == MTAI_PARA_BOILERPLATE
                      ? N_("it stands before the end of the paragraph")
                      : N_("it stands before the text"));
    }
  }
  if (st) {
    mtai_buf_free(&norm);
    free(fl);
    S_marks_free(m);
    return st;
  }
  /* Reader-address chrome in the head or tail, or next to boilerplate,
   * until nothing changes. */
  size_t first = d->npara, last = 0;
  for (size_t i = 0; i < d->npara; i++)
    if (S_prose(&d->paras[i], fl[i])) {
      if (first == d->npara)
        first = i;
      last = i;
    }
  for (int changed = 1; changed && !st;) {
    changed = 0;
    for (size_t i = 0; !st && i < d->npara; i++) {
      struct mtai_paragraph *p = &d->paras[i];
      if (p->kind == MTAI_PARA_BOILERPLATE || p->kind == MTAI_PARA_CAPTION ||
          !(fl[i] & S_F_SITE))
        continue;
      int zone =
          i < first || (first < d->npara && i > last) ||
          (i > 0 && d->paras[i - 1].kind == MTAI_PARA_BOILERPLATE) ||
          (i + 1 < d->npara && d->paras[i + 1].kind == MTAI_PARA_BOILERPLATE);
      if (!zone)
        continue;
      mtai_buf_truncate(&norm, 0);
      if ((st = S_normalize(d, p, &norm)))
        break;
      const struct S_phrase *cue =
          S_cue(c, mtai_buf_str(&norm), mtai_buf_len(&norm));
      st = S_mark(m, p, MTAI_PARA_BOILERPLATE, "reader-address", p->start,
                  p->end,
                  i < first || i > last
                      ? N_("it addresses the reader about the site (cue '%s') "
                           "before or after the article")
                      : N_("it addresses the reader about the site (cue '%s') "
                           "next to other site chrome"),
                  cue ? cue->phrase : "");
      changed = 1;
    }
  }
  mtai_buf_free(&norm);
  free(fl);
  if (!st)
    st = S_marks_install(d, m);
  S_marks_free(m);
  return st;
}
