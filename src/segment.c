/*
 * Segmentation stage: lines, paragraphs, sentences and tokens.
 *
 * Paragraphs are runs of non-blank lines (a blank line holds only
 * whitespace). Within a paragraph, ICU's BreakIterator (German locale) finds
 * sentence and word boundaries on the UTF-8 text itself (a UText), so that
 * its boundaries are byte offsets and no UTF-16 copy or offset map is
 * needed; a paragraph with line breaks is copied once, with the breaks that
 * are hard wrapping turned into spaces. ICU's sentence breaks are then
 * corrected for German: no break
 * after an abbreviation from dict/abbreviations.txt ("z. B.", "Dr.", "St."),
 * after an ordinal ("am 3. Oktober", "der 2. Weltkrieg") or after a middle
 * initial between capitalized words ("Siemon T. Wezeman"). Word tokens
 * joined by a hyphen without spaces ("Jong-un", "UN-Sicherheitsrates") are
 * merged into one token, and a word with a trailing hyphen before a space
 * ("Süd- und Nordkorea") keeps its hyphen.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "internal.h"
#include "vec.h"

struct mtai_segmenter {
  UBreakIterator *sent, *word;
  struct mtai_strset abbrev; /* without inner spaces: "z.B.", "Dr." */
  struct mtai_strset months; /* "Oktober", "Okt." */
  struct mtai_strset ordctx; /* lower case: "am", "der" */
  char *copy; /* a paragraph with its hard wrapping turned into spaces */
  size_t copycap;
  uint32_t *bounds; /* sentence ends of the current paragraph */
  size_t nbounds, capbounds;
  /* Per byte, for the estimate of S_segment(): 1 a byte of a word
   * (letters, digits, non-ASCII), 2 another visible ASCII byte, 4 a
   * sentence end ('.', '!', '?'). */
  unsigned char bytecls[256];
};

/* Scratch above this size is freed after each document, so that one long
 * paragraph does not stay in the auditor for the rest of a batch. */
#define S_SCRATCH_KEEP ((size_t)1 << 20)

/* Appends 'val' to the array 'arr' of 'n' elements and capacity 'cap'
 * (size_t); returns MTA_ERR_NOMEM from the calling function on failure. */
#define S_PUSH(arr, n, cap, val)                                               \
  do {                                                                         \
    if (mtai_vec_reserve((arr), (cap), (size_t)(n) + 1))                       \
      return MTA_ERR_NOMEM;                                                    \
    (arr)[(n)++] = (val);                                                      \
  } while (0)

mta_status mtai_abbrev_load(struct mtai_strset *set, int parts) {
  struct mtai_wordlist it;
  if (!mtai_wordlist_open(&it, "abbreviations.txt"))
    return MTA_ERR_DICT;
  const char *w;
  size_t len;
  mta_status st = MTA_OK;
  while (!st && mtai_wordlist_next(&it, &w, &len)) {
    char tmp[64];
    size_t n = 0;
    for (size_t i = 0; i < len && n < sizeof tmp; i++)
      if (w[i] != ' ')
        tmp[n++] = w[i];
    st = mtai_strset_add(set, tmp, n);
    for (size_t k = 0, p = 0; parts && !st && k < n; k++)
      if (tmp[k] == '.') {
        st = mtai_strset_add(set, tmp + p, k + 1 - p);
        p = k + 1;
      }
  }
  return st;
}

mta_status mtai_segmenter_new(struct mtai_segmenter **out, char *err,
                              size_t errsz) {
  return mtai_segmenter_new_locale(out, "de", err, errsz);
}

mta_status mtai_segmenter_new_locale(struct mtai_segmenter **out,
                                     const char *locale, char *err,
                                     size_t errsz) {
  struct mtai_segmenter *s = calloc(1, sizeof *s);
  *out = NULL;
  if (!s)
    return MTA_ERR_NOMEM;
  mtai_strset_init(&s->abbrev);
  mtai_strset_init(&s->months);
  mtai_strset_init(&s->ordctx);
  for (int c = 0; c < 256; c++) {
    int w = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
            (c >= 'A' && c <= 'Z');
    s->bytecls[c] =
        (unsigned char)((w ? 1 : 0) | (!w && c > ' ' && c < 0x7F ? 2 : 0) |
                        (c == '.' || c == '!' || c == '?' ? 4 : 0));
  }
  UErrorCode ec = U_ZERO_ERROR;
  static const UChar empty[1] = {0};
  /* English: ICU's sentence break suppressions ("Mr.", "Dr.", "U.S.") */
  s->sent =
      ubrk_open(UBRK_SENTENCE, strcmp(locale, "en") ? locale : "en@ss=standard",
                empty, 0, &ec);
  if (U_SUCCESS(ec))
    s->word = ubrk_open(UBRK_WORD, locale, empty, 0, &ec);
  if (U_FAILURE(ec)) {
    snprintf(err, errsz, "ICU break iterator: %s", u_errorName(ec));
    mtai_segmenter_free(s);
    return MTA_ERR_ICU;
  }
  mta_status st = mtai_abbrev_load(&s->abbrev, 0);
  if (!st)
    st = mtai_strset_load(&s->months, "months.txt");
  if (!st)
    st = mtai_strset_load(&s->ordctx, "ordinal-context.txt");
  if (st) {
    snprintf(err, errsz, "loading segmentation word lists: %s",
             mta_strerror(st));
    mtai_segmenter_free(s);
    return st;
  }
  *out = s;
  return MTA_OK;
}

void mtai_segmenter_free(struct mtai_segmenter *s) {
  if (!s)
    return;
  if (s->sent)
    ubrk_close(s->sent);
  if (s->word)
    ubrk_close(s->word);
  mtai_strset_free(&s->abbrev);
  mtai_strset_free(&s->months);
  mtai_strset_free(&s->ordctx);
  free(s->copy);
  free(s->bounds);
  free(s);
}

/* Room for 'n' elements of 'size' bytes in '*arr' (empty), allocated at
 * once: a vector that grows by doubling copies itself at every step once
 * the allocator serves it from its heap (after a large block was freed,
 * glibc serves blocks of up to 32 MB there), and the copies stay in the
 * peak. Pages of the room never written cost no memory. */
static mta_status S_reserve(void *arr, size_t *cap, size_t n, size_t size) {
  void **a = arr;
  void *p = malloc((n ? n : 1) * size);
  if (!p)
    return MTA_ERR_NOMEM;
  free(*a);
  *a = p;
  *cap = n ? n : 1;
  return MTA_OK;
}

/* Splits d->text into lines (LF, CRLF or lone CR end a line). */
static mta_status S_lines(struct mtai_doc *d) {
  size_t cap = 0, n = 1;
  const char *t = d->text;
  if (d->len > 1 && !memchr(t, '\r', d->len)) {
    /* Without a CR, the line starts follow the LFs before the last byte:
     * found with memchr(), counted first. */
    const char *lim = t + d->len - 1;
    for (const char *p = memchr(t, '\n', (size_t)(lim - t)); p;
         p = memchr(p + 1, '\n', (size_t)(lim - (p + 1))))
      n++;
    mta_status st = S_reserve(&d->line_starts, &cap, n, sizeof *d->line_starts);
    if (st)
      return st;
    d->nlines = 0;
    d->line_starts[d->nlines++] = 0;
    for (const char *p = memchr(t, '\n', (size_t)(lim - t)); p;
         p = memchr(p + 1, '\n', (size_t)(lim - (p + 1))))
      d->line_starts[d->nlines++] = (uint32_t)(p - t + 1);
    return MTA_OK;
  }
  for (size_t i = 0; i + 1 < d->len; i++)
    n += d->text[i] == '\n' || (d->text[i] == '\r' && d->text[i + 1] != '\n');
  mta_status st = S_reserve(&d->line_starts, &cap, n, sizeof *d->line_starts);
  if (st)
    return st;
  d->nlines = 0;
  S_PUSH(d->line_starts, d->nlines, cap, 0);
  for (size_t i = 0; i < d->len; i++) {
    char c = d->text[i];
    if (c == '\r' && i + 1 < d->len && d->text[i + 1] == '\n')
      continue;
    if ((c == '\n' || c == '\r') && i + 1 < d->len)
      S_PUSH(d->line_starts, d->nlines, cap, i + 1);
  }
  return MTA_OK;
}

/* Byte span of line 'l' without its terminator, trimmed of whitespace;
 * returns 0 for a blank line. */
static int S_line_span(const struct mtai_doc *d, size_t l, size_t *a,
                       size_t *b) {
  size_t s = d->line_starts[l];
  size_t e = l + 1 < d->nlines ? d->line_starts[l + 1] : d->len;
  size_t first = e, last = s;
  size_t i = s;
  while (i < e) {
    size_t at = i;
    int32_t c = mtai_utf8_next(d->text, e, &i);
    if (!mtai_is_space(c)) {
      first = at;
      last = i;
      break;
    }
  }
  if (first == e)
    return 0;
  /* The end: ASCII white space walked back from the line's end; an ASCII
   * byte is always a character of its own (U8_NEXT takes no ASCII byte as
   * a trail byte), so an ASCII non-space there ends the last character.
   * Before a non-ASCII byte, the rest of the line is decoded forward. */
  size_t j = e;
  while (j > last && (d->text[j - 1] == ' ' ||
                      (d->text[j - 1] >= 0x09 && d->text[j - 1] <= 0x0D)))
    j--;
  if ((unsigned char)d->text[j - 1] < 0x80) {
    last = j;
  } else {
    while (i < e) {
      int32_t c = mtai_utf8_next(d->text, e, &i);
      if (!mtai_is_space(c))
        last = i;
    }
  }
  *a = first;
  *b = last;
  return 1;
}

static mta_status S_paragraphs(struct mtai_doc *d) {
  /* A paragraph and the blank line after it take two lines. */
  size_t cap = 0;
  mta_status st =
      S_reserve(&d->paras, &cap, d->nlines / 2 + 1, sizeof *d->paras);
  if (st)
    return st;
  d->npara = 0;
  int open = 0;
  for (size_t l = 0; l < d->nlines; l++) {
    size_t a, b;
    if (!S_line_span(d, l, &a, &b)) {
      open = 0;
      continue;
    }
    if (open) {
      d->paras[d->npara - 1].end = b;
      continue;
    }
    struct mtai_paragraph p;
    memset(&p, 0, sizeof p);
    p.start = a;
    p.end = b;
    p.line = l + 1;
    if (d->srcmap) { /* HTML input: the line in the HTML file */
      size_t fl, fc;
      mtai_doc_srcpos(d, a, &fl, &fc);
      p.line = (uint32_t)fl;
    }
    S_PUSH(d->paras, d->npara, cap, p);
    open = 1;
  }
  return MTA_OK;
}

/* 1 when the line starting at byte 'i' (before 'b') opens a list item: a
 * bullet or dash alone or before a space. (Numbered items are not
 * recognised: "am\n3. Oktober" is far more common in wrapped news text.) */
static int S_list_item_at(const char *t, size_t i, size_t b) {
  while (i < b && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n'))
    i++;
  if (i >= b)
    return 0;
  size_t k = i;
  int32_t c = mtai_utf8_next(t, b, &k);
  int after_ok =
      k >= b || t[k] == ' ' || t[k] == '\t' || t[k] == '\n' || t[k] == '\r';
  switch (c) {
  case '-':
  case '*':
  case '+':
  case 0x2022:
  case 0x00B7:
  case 0x2013:
  case 0x2014:
  case 0x25AA:
  case 0x25BA:
  case 0x25CF:
  case 0x25CB:
  case 0x25A0:
  case 0x2023:
  case 0x2043:
    return after_ok;
  }
  return 0;
}

/* Points both break iterators at bytes [a, b) of the text. A line break
 * inside a paragraph is hard wrapping, not a sentence end -- unless a list
 * item starts on the next line: when the paragraph has line breaks, ICU
 * reads a copy in which the wrapping ones are spaces (one byte for one, so
 * offsets stay the same). ICU's boundaries are then byte offsets from 'a'.
 * 'ut' must be closed by the caller. */
static mta_status S_set_text(struct mtai_segmenter *s, const char *text,
                             size_t a, size_t b, UText *ut) {
  if (b - a > INT32_MAX)
    return MTA_ERR_TOO_LARGE;
  const char *src = text + a;
  if (memchr(src, '\n', b - a) || memchr(src, '\r', b - a)) {
    /* Exact size, not mtai_vec_reserve(): a paragraph may be the whole
     * text, and doubling would hold up to twice that. */
    if (b - a > s->copycap) {
      char *c = realloc(s->copy, b - a);
      if (!c)
        return MTA_ERR_NOMEM;
      s->copy = c;
      s->copycap = b - a;
    }
    memcpy(s->copy, src, b - a);
    for (size_t i = a; i < b; i++)
      if ((text[i] == '\n' || text[i] == '\r') &&
          !S_list_item_at(text, i + 1, b))
        s->copy[i - a] = ' ';
    src = s->copy;
  }
  UErrorCode ec = U_ZERO_ERROR;
  utext_openUTF8(ut, src, (int64_t)(b - a), &ec);
  ubrk_setUText(s->word, ut, &ec);
  ubrk_setUText(s->sent, ut, &ec);
  return U_FAILURE(ec) ? MTA_ERR_ICU : MTA_OK;
}

static int S_is_hyphen(const char *t, size_t a, size_t b) {
  return (b - a == 1 && t[a] == '-') ||
         (b - a == 3 && !memcmp(t + a, "\xE2\x80\x91", 3)); /* U+2011 */
}

static unsigned char S_case_flags(const char *t, size_t a, size_t b) {
  size_t i = a;
  int first = 1, letters = 0, upper = 0;
  unsigned char f = 0;
  while (i < b) {
    int32_t c = mtai_utf8_next(t, b, &i);
    int up;
    if (c < 0x80) { /* ICU's alphabetic and upper case, without a call */
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        continue;
      up = c <= 'Z';
    } else {
      if (!u_isalpha(c))
        continue;
      up = u_isupper(c) != 0;
    }
    if (first && up)
      f |= MTAI_TF_UPPER;
    first = 0;
    letters++;
    upper += up;
  }
  if (letters >= 2 && upper == letters)
    f |= MTAI_TF_ALLCAPS;
  return f;
}

/* Appends the word tokens of the current paragraph, which starts at byte
 * 'base' (S_set_text() gave it to the iterators). */
static mta_status S_tokens(struct mtai_segmenter *s, struct mtai_doc *d,
                           size_t *cap, size_t base) {
  const char *t = d->text;
  const size_t first = d->ntok;
  int32_t prev = ubrk_first(s->word);
  for (int32_t cur = ubrk_next(s->word); cur != UBRK_DONE;
       prev = cur, cur = ubrk_next(s->word)) {
    int32_t status = ubrk_getRuleStatus(s->word);
    size_t a = base + (size_t)prev, b = base + (size_t)cur;
    struct mtai_token tok = {
        .start = a, .end = b, .kind = MTAI_TOK_PUNCT, .flags = 0};
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
      tok.kind = MTAI_TOK_NUMBER;
    else if (status >= UBRK_WORD_LETTER)
      tok.kind = MTAI_TOK_WORD;
    else {
      size_t i = a;
      if (mtai_is_space(mtai_utf8_next(t, b, &i)))
        continue;
    }
    if (a > 0) {
      size_t j = a - 1;
      while (j > 0 && ((unsigned char)t[j] & 0xC0) == 0x80)
        j--;
      size_t k = j;
      if (mtai_is_space(mtai_utf8_next(t, d->len, &k)))
        tok.flags |= MTAI_TF_SPACE_BEFORE;
    }
    /* Join "word - word" written without spaces into one word. */
    size_t n = d->ntok;
    if (n >= first + 2 && tok.kind != MTAI_TOK_PUNCT &&
        !(tok.flags & MTAI_TF_SPACE_BEFORE) &&
        S_is_hyphen(t, d->toks[n - 1].start, d->toks[n - 1].end) &&
        !(d->toks[n - 1].flags & MTAI_TF_SPACE_BEFORE) &&
        d->toks[n - 2].kind != MTAI_TOK_PUNCT &&
        d->toks[n - 2].end == d->toks[n - 1].start) {
      struct mtai_token *w = &d->toks[n - 2];
      w->end = tok.end;
      if (tok.kind == MTAI_TOK_WORD)
        w->kind = MTAI_TOK_WORD;
      w->flags |= MTAI_TF_HYPHEN;
      d->ntok--;
      continue;
    }
    S_PUSH(d->toks, d->ntok, *cap, tok);
  }
  /* A trailing hyphen before a space belongs to its word ("Süd- und"). */
  size_t o = d->ntok;
  size_t w = first;
  for (size_t r = first; r < o; r++) {
    struct mtai_token tk = d->toks[r];
    if (w > first && S_is_hyphen(t, tk.start, tk.end) &&
        !(tk.flags & MTAI_TF_SPACE_BEFORE) &&
        d->toks[w - 1].kind == MTAI_TOK_WORD &&
        d->toks[w - 1].end == tk.start &&
        (tk.end >= d->len || t[tk.end] == ' ' || t[tk.end] == ',')) {
      d->toks[w - 1].end = tk.end;
      continue;
    }
    d->toks[w++] = tk;
  }
  d->ntok = w;
  for (size_t r = first; r < w; r++)
    if (d->toks[r].kind != MTAI_TOK_PUNCT)
      d->toks[r].flags |= S_case_flags(t, d->toks[r].start, d->toks[r].end);
  return MTA_OK;
}

/* Index of the last token ending at or before 'off' in [lo, hi), or hi. */
static size_t S_tok_before(const struct mtai_doc *d, size_t lo, size_t hi,
                           size_t off) {
  size_t r = hi;
  for (size_t i = lo; i < hi && d->toks[i].end <= off; i++)
    r = i;
  return r;
}

static int S_tok_is(const struct mtai_doc *d, size_t i, const char *s) {
  const struct mtai_token *t = &d->toks[i];
  size_t n = strlen(s);
  return (size_t)(t->end - t->start) == n && !memcmp(d->text + t->start, s, n);
}

/* 1 when tokens k, k+1 are a short word and a "." written together. */
static int S_pair(const struct mtai_doc *d, size_t k, size_t hi) {
  return k + 1 < hi && d->toks[k].kind != MTAI_TOK_PUNCT &&
         d->toks[k].end - d->toks[k].start <= 12 && S_tok_is(d, k + 1, ".") &&
         d->toks[k].end == d->toks[k + 1].start;
}

/* 1 when tokens [a, b], joined without spaces, are a known abbreviation. */
static int S_abbrev(const struct mtai_segmenter *s, const struct mtai_doc *d,
                    size_t a, size_t b) {
  char form[64];
  size_t n = 0;
  for (size_t q = a; q <= b; q++) {
    size_t ql = d->toks[q].end - d->toks[q].start;
    if (n + ql > sizeof form)
      return 0;
    memcpy(form + n, d->text + d->toks[q].start, ql);
    n += ql;
  }
  return mtai_strset_has(&s->abbrev, form, n);
}

/* Decides whether the ICU sentence break at the end of token 'dot' (a ".")
 * is wrong for German. 'next' is the first token after the break (or
 * 'hi'); tokens [lo, hi) are the paragraph's. */
static int S_keep_together(const struct mtai_segmenter *s,
                           const struct mtai_doc *d, size_t lo, size_t hi,
                           size_t dot, size_t next) {
  const char *t = d->text;
  if (dot <= lo || !S_tok_is(d, dot, "."))
    return 0;
  size_t w = dot - 1;
  const struct mtai_token *wt = &d->toks[w];
  if (wt->end != d->toks[dot].start)
    return 0;
  /* Abbreviations, possibly of several parts: "u. a.", "z. B.". The break
   * may fall inside one ("z. | B."), so try every run of up to four "X."
   * pairs that contains the pair ending here, joined without spaces. */
  size_t back[4], fwd[3];
  size_t nb = 0, nf = 0;
  for (size_t k = w; nb < 4; k -= 2) {
    back[nb++] = k;
    if (k < lo + 2 || !S_pair(d, k - 2, hi))
      break;
  }
  for (size_t k = next; nf < 3 && S_pair(d, k, hi); k += 2)
    fwd[nf++] = k;
  for (size_t ib = 0; ib < nb; ib++)
    for (size_t jf = 0; jf <= nf && ib + 1 + jf <= 4; jf++)
      if (S_abbrev(s, d, back[ib], jf ? fwd[jf - 1] + 1 : dot))
        return 1;
  int next_lower = 0, next_upper = 0, next_month = 0;
  if (next < hi && d->toks[next].kind == MTAI_TOK_WORD) {
    const struct mtai_token *nt = &d->toks[next];
    next_upper = (nt->flags & MTAI_TF_UPPER) != 0;
    next_lower = !next_upper;
    next_month =
        mtai_strset_has(&s->months, t + nt->start, nt->end - nt->start);
    if (!next_month && next + 1 < hi && S_tok_is(d, next + 1, ".") &&
        d->toks[next + 1].start == nt->end) {
      char m[16];
      size_t ml = nt->end - nt->start + 1;
      if (ml < sizeof m) {
        memcpy(m, t + nt->start, ml);
        next_month = mtai_strset_has(&s->months, m, ml);
      }
    }
  }
  /* Ordinals: one to three digits, then a month, a lower-case word, or a
   * determiner/preposition right before the number. */
  if (wt->kind == MTAI_TOK_NUMBER && wt->end - wt->start <= 3) {
    for (size_t i = wt->start; i < wt->end; i++)
      if (t[i] < '0' || t[i] > '9')
        return 0;
    if (next_month || next_lower)
      return 1;
    if (w > lo && d->toks[w - 1].kind == MTAI_TOK_WORD) {
      struct mta_buf low;
      mtai_buf_init(&low, 64);
      int ctx = 0;
      if (!mtai_utf8_lower(t + d->toks[w - 1].start,
                           d->toks[w - 1].end - d->toks[w - 1].start, &low))
        ctx =
            mtai_strset_has(&s->ordctx, mtai_buf_str(&low), mtai_buf_len(&low));
      mtai_buf_free(&low);
      return ctx;
    }
    return 0;
  }
  /* Middle initials: "Siemon T. Wezeman", "Joseph R. Biden". */
  if (wt->kind == MTAI_TOK_WORD && (wt->flags & MTAI_TF_UPPER) &&
      mtai_utf8_count(t + wt->start, wt->end - wt->start) == 1 && w > lo &&
      d->toks[w - 1].kind == MTAI_TOK_WORD &&
      (d->toks[w - 1].flags & MTAI_TF_UPPER) && next_upper)
    return 1;
  return 0;
}

/* Sentences of the current paragraph, from ICU boundaries corrected by
 * S_keep_together(). */
static mta_status S_sentences(struct mtai_segmenter *s, struct mtai_doc *d,
                              struct mtai_paragraph *p, size_t *cap) {
  s->nbounds = 0;
  ubrk_first(s->sent);
  for (int32_t cur = ubrk_next(s->sent); cur != UBRK_DONE;
       cur = ubrk_next(s->sent))
    S_PUSH(s->bounds, s->nbounds, s->capbounds, p->start + (uint32_t)cur);
  size_t lo = p->tok_first, hi = p->tok_end;
  size_t sent_start = p->start;
  size_t ti = lo;
  for (size_t bi = 0; bi < s->nbounds; bi++) {
    size_t end = s->bounds[bi];
    if (bi + 1 < s->nbounds) {
      size_t last = S_tok_before(d, ti, hi, end);
      size_t next = last < hi ? last + 1 : hi;
      if (last < hi && S_keep_together(s, d, lo, hi, last, next))
        continue;
    }
    /* Trim and collect tokens. */
    size_t a = sent_start, b = end;
    size_t t0 = ti;
    while (ti < hi && d->toks[ti].start < end)
      ti++;
    if (t0 < ti) {
      a = d->toks[t0].start;
      b = d->toks[ti - 1].end;
      struct mtai_sentence sn = {
          .start = a, .end = b, .tok_first = t0, .tok_end = ti, .para = 0};
      S_PUSH(d->sents, d->nsent, *cap, sn);
    }
    sent_start = end;
  }
  return MTA_OK;
}

/* Segments paragraph by paragraph: the iterators see one paragraph at a
 * time, so no stage holds more than the longest paragraph beyond the
 * document's own vectors. */
static mta_status S_segment(struct mtai_segmenter *s, struct mtai_doc *d,
                            UText *ut) {
  mta_status st;
  if ((st = S_lines(d)) || (st = S_paragraphs(d)))
    return st;
  /* Tokens and sentences estimated from the bytes (runs of letters,
   * digits and non-ASCII bytes; other visible ASCII bytes one each; a
   * sentence per paragraph and per '.', '!', '?'), with an eighth more;
   * should the estimate be short, the vectors double from there. */
  size_t etok = 0, esent = d->npara;
  unsigned inword = 0;
  for (size_t i = 0; i < d->len; i++) {
    unsigned t = s->bytecls[(unsigned char)d->text[i]];
    unsigned w = t & 1;
    etok += (w & !inword) | ((t >> 1) & 1);
    esent += (t >> 2) & 1;
    inword = w;
  }
  size_t tokcap = 0, sentcap = 0;
  if ((st = S_reserve(&d->toks, &tokcap, etok + etok / 8 + 16,
                      sizeof *d->toks)) ||
      (st = S_reserve(&d->sents, &sentcap, esent + esent / 8 + 16,
                      sizeof *d->sents)))
    return st;
  for (size_t pi = 0; pi < d->npara; pi++) {
    struct mtai_paragraph *p = &d->paras[pi];
    if ((st = S_set_text(s, d->text, p->start, p->end, ut)))
      return st;
    p->tok_first = d->ntok;
    if ((st = S_tokens(s, d, &tokcap, p->start)))
      return st;
    p = &d->paras[pi];
    p->tok_end = d->ntok;
    p->words = 0;
    for (size_t i = p->tok_first; i < p->tok_end; i++)
      if (d->toks[i].kind != MTAI_TOK_PUNCT)
        p->words++;
    p->sent_first = d->nsent;
    if ((st = S_sentences(s, d, p, &sentcap)))
      return st;
    p->sent_end = d->nsent;
    for (size_t k = p->sent_first; k < p->sent_end; k++)
      d->sents[k].para = pi;
  }
  return MTA_OK;
}

mta_status mtai_segment(struct mtai_segmenter *s, struct mtai_doc *d) {
  if (d->len > MTAI_MAX_TEXT)
    return MTA_ERR_TOO_LARGE; /* offsets would not fit (internal.h) */
  UText ut = UTEXT_INITIALIZER;
  mta_status st = S_segment(s, d, &ut);
  /* Leave the iterators on no text (they would point into this document
   * or the scratch copy) and drop large scratch. */
  static const UChar empty[1] = {0};
  UErrorCode ec = U_ZERO_ERROR;
  ubrk_setText(s->word, empty, 0, &ec);
  ubrk_setText(s->sent, empty, 0, &ec);
  utext_close(&ut);
  if (s->copycap > S_SCRATCH_KEEP) {
    free(s->copy);
    s->copy = NULL;
    s->copycap = 0;
  }
  if (s->capbounds * sizeof *s->bounds > S_SCRATCH_KEEP) {
    free(s->bounds);
    s->bounds = NULL;
    s->nbounds = s->capbounds = 0;
  }
  return st;
}
