/*
 * Source-aware mode (issue 16): source text the translation left in
 * English, read against the aligned source sentences (bitext.h).
 *
 *   accuracy/untranslated  major: a target sentence that is its source
 *                          sentence (the same words, case and spacing
 *                          aside), or mostly its English words; critical
 *                          for a whole paragraph of two or more such
 *                          sentences; minor: a fragment of two or more
 *                          English words copied from the source inside a
 *                          German sentence
 *
 * A word counts as English when it occurs in the aligned source and the
 * English-word verdict (mtai_english_verdict(), checks.c) is STRONG:
 * German does not know it. Words both languages know ("Name", "Hand",
 * "Computer", "in"), names, numbers, a capitalized word inside the
 * sentence (a name or a title: "Lord", "Times") and the words of a quoted
 * English title („Gone with the Wind“) count for neither side. A sentence
 * is untranslated when its word tokens are those of a source sentence of
 * its bead and one of them is English, or when at least S_MIN_ENGLISH of
 * its words are English and they are at least S_SHARE of the words that
 * count (English plus the rest, German or not from the source).
 *
 * The monolingual english-leftover rules run first and report English
 * words one run at a time. A sentence reported here is one finding about
 * the sentence: the monolingual findings inside it (english-leftover runs,
 * spelling of its English words, grammar) are dropped
 * (mtai_findings_drop()); findings about the scraping stay. A fragment is
 * reported only where no english-leftover finding covers a word of it
 * (mtai_findings_mark()), never inside an English name or quoted title
 * (mtai_english_name_around()), and only when it is a run of the source.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "accuracy/untranslated",
     .category = MTAI_CAT_ACCURACY,
     .severity = MTA_SEV_MAJOR,
     .summary = N_("source sentence left in English in the translation"),
     .explanation =
         N_("Source-aware mode: a target sentence that is its English source "
            "sentence (the same words, case and spacing aside) or mostly its "
            "English words: major; critical when a whole paragraph of two or "
            "more sentences is left in English; minor for a fragment of two or "
            "more English words copied from the source into a German sentence. "
            "Machine translation passes sentences through untouched when it "
            "takes them for names, code or quotations, or when it fails on "
            "them. Words German shares with English (Name, Hand, Computer), "
            "names, numbers, and English titles and brands are not counted; "
            "single English words are english-leftover/word's. Translate the "
            "sentence."),
     .wrong = "The talks will resume on Monday in Geneva. ||| The talks will "
              "resume on Monday in Geneva.",
     .right = "The talks will resume on Monday in Geneva. ||| Die Gespräche "
              "werden am Montag in Genf fortgesetzt."},
};

#define S_RULE (&S_rules[0])

/* A sentence with at least S_MIN_ENGLISH English words of its source that
 * make up at least S_SHARE of its counted words is untranslated. */
#define S_MIN_ENGLISH 3
#define S_SHARE 0.6
/* Beyond this many tokens in a sentence or a bead's source nothing is
 * compared (the comparison is quadratic; no real sentence is that long). */
#define S_MAX_TOKS 1500

/* The next byte of s[*i..n) folded for comparison: ASCII letters in lower
 * case, the typographic apostrophe U+2019 as "'"; *i advances. */
static int S_fold_next(const char *s, size_t n, size_t *i) {
  unsigned char c = (unsigned char)s[*i];
  if (c == 0xE2 && *i + 2 < n && (unsigned char)s[*i + 1] == 0x80 &&
      (unsigned char)s[*i + 2] == 0x99) {
    *i += 3;
    return '\'';
  }
  (*i)++;
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* 1 when token 'i' of 'a' and token 'j' of 'b' spell the same word, case
 * and apostrophe aside. */
static int S_tok_same(const struct mtai_doc *a, size_t i,
                      const struct mtai_doc *b, size_t j) {
  const char *x = a->text + a->toks[i].start, *y = b->text + b->toks[j].start;
  size_t xn = mtai_tok_len(a, i), yn = mtai_tok_len(b, j), p = 0, q = 0;
  while (p < xn && q < yn)
    if (S_fold_next(x, xn, &p) != S_fold_next(y, yn, &q))
      return 0;
  return p == xn && q == yn;
}

/* The next word or number token of 'd' at or after 'k' before 'end'. */
static size_t S_next_word(const struct mtai_doc *d, size_t k, size_t end) {
  while (k < end && d->toks[k].kind == MTAI_TOK_PUNCT)
    k++;
  return k;
}

/* 1 when the word and number tokens of [ta, tb) of 't' are those of
 * [sa, sb) of 's', in order. */
static int S_same_words(const struct mtai_doc *t, size_t ta, size_t tb,
                        const struct mtai_doc *s, size_t sa, size_t sb) {
  size_t i = S_next_word(t, ta, tb), j = S_next_word(s, sa, sb);
  size_t n = 0;
  while (i < tb && j < sb) {
    if (!S_tok_same(t, i, s, j))
      return 0;
    n++;
    i = S_next_word(t, i + 1, tb);
    j = S_next_word(s, j + 1, sb);
  }
  return n && i >= tb && j >= sb;
}

/* The source side of a sentence bead: its tokens [a, b). */
struct S_src {
  const struct mtai_doc *s;
  const struct mtai_bead *bead;
  size_t a, b;
};

/* 1 when word token 'k' of 't' occurs in the source side 'src'. */
static int S_in_source(const struct mtai_doc *t, size_t k,
                       const struct S_src *src) {
  for (size_t j = src->a; j < src->b; j++)
    if (src->s->toks[j].kind == MTAI_TOK_WORD && S_tok_same(t, k, src->s, j))
      return 1;
  return 0;
}

/* The source position of the run of target word tokens [a, b] (no
 * punctuation between them) in 'src': 1 and its span when the source has
 * the same words in a row. */
static int S_run_in_source(const struct mtai_doc *t, size_t a, size_t b,
                           const struct S_src *src, size_t *ss, size_t *se) {
  size_t len = b - a + 1;
  for (size_t j = src->a; j + len <= src->b; j++) {
    size_t m = 0;
    while (m < len && src->s->toks[j + m].kind == MTAI_TOK_WORD &&
           S_tok_same(t, a + m, src->s, j + m))
      m++;
    if (m == len) {
      *ss = src->s->toks[j].start;
      *se = src->s->toks[j + len - 1].end;
      return 1;
    }
  }
  return 0;
}

/* What a target word is. */
enum S_kind { S_OTHER, S_NEUTRAL, S_ENGLISH };

/* Token 'k' of sentence 'sn' in paragraph 'p': English (a STRONG English
 * word of the source, not a name or a quoted title), neutral (a word of
 * the source both languages know, a name, a number) or other. */
static enum S_kind S_kind_of(const struct mtai_check_ctx *cx,
                             const struct mtai_doc *d,
                             const struct mtai_paragraph *p,
                             const struct mtai_sentence *sn, size_t k,
                             const struct S_src *src) {
  const struct mtai_token *t = &d->toks[k];
  int in_src = S_in_source(d, k, src);
  if (t->kind == MTAI_TOK_NUMBER)
    return in_src ? S_NEUTRAL : S_OTHER;
  if (!in_src)
    return S_OTHER;
  if (mtai_english_verdict(cx, d, k) != MTAI_EN_STRONG)
    return S_NEUTRAL;
  /* A capitalized word inside the sentence is a name or a title. */
  if ((t->flags & MTAI_TF_UPPER) && k != S_next_word(d, sn->tok_first, k + 1))
    return S_NEUTRAL;
  if (mtai_tok_quoted(d, k) && mtai_english_name_around(cx, d, p, k, k))
    return S_NEUTRAL;
  return S_ENGLISH;
}

/* The verdict on one target sentence. */
struct S_verdict {
  size_t english, other, words;
  int same; /* its words are those of a source sentence of the bead */
};

static int S_untranslated(const struct S_verdict *v) {
  if (v->same && v->english >= 1)
    return 1;
  return v->english >= S_MIN_ENGLISH &&
         (double)v->english >= S_SHARE * (double)(v->english + v->other);
}

/* The source side of target sentence 'si' (0 when it has none or is left
 * out of the alignment). */
static int S_source_of(const struct mtai_bitext *bi, size_t si,
                       struct S_src *src) {
  const struct mtai_bead *b = &bi->sb[bi->t_sbead[si]];
  if (b->skipped || b->s_first >= b->s_end)
    return 0;
  src->s = &bi->src;
  src->bead = b;
  src->a = bi->src.sents[b->s_first].tok_first;
  src->b = bi->src.sents[b->s_end - 1].tok_end;
  return src->b - src->a <= S_MAX_TOKS;
}

static void S_judge(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                    const struct mtai_paragraph *p,
                    const struct mtai_sentence *sn, const struct S_src *src,
                    struct S_verdict *v) {
  memset(v, 0, sizeof *v);
  for (size_t k = sn->tok_first; k < sn->tok_end; k++) {
    if (d->toks[k].kind == MTAI_TOK_PUNCT)
      continue;
    v->words++;
    enum S_kind c = S_kind_of(cx, d, p, sn, k, src);
    if (c == S_ENGLISH)
      v->english++;
    else if (c == S_OTHER)
      v->other++;
  }
  if (!v->english)
    return;
  for (size_t s = src->bead->s_first; s < src->bead->s_end && !v->same; s++)
    v->same =
        S_same_words(d, sn->tok_first, sn->tok_end, src->s,
                     src->s->sents[s].tok_first, src->s->sents[s].tok_end);
  if (!v->same)
    v->same =
        S_same_words(d, sn->tok_first, sn->tok_end, src->s, src->a, src->b);
}

/* The first words of source tokens [a, b) into 'buf' ("..." when cut). */
static void S_quote(const struct mtai_doc *s, size_t a, size_t b, char *buf,
                    size_t size) {
  size_t n = 0, words = 0, k = a;
  for (; k < b; k++) {
    if (s->toks[k].kind != MTAI_TOK_PUNCT && ++words > 8)
      break;
    size_t tl = mtai_tok_len(s, k);
    int sp = k > a && (s->toks[k].flags & MTAI_TF_SPACE_BEFORE);
    if (n + (size_t)sp + tl + 5 >= size)
      break;
    if (sp)
      buf[n++] = ' ';
    memcpy(buf + n, s->text + s->toks[k].start, tl);
    n += tl;
  }
  if (k < b) {
    memcpy(buf + n, " ...", 4);
    n += 4;
  }
  buf[n] = '\0';
}

/* The spans of the sentences and paragraphs reported as a whole, in
 * text order, whose monolingual findings are dropped at the end. */
struct S_spans {
  size_t *v; /* start, end pairs */
  size_t n, cap;
};

/* Adds a finding over target bytes [start, end) about source span
 * [ss, se) and remembers the span when the finding was kept (the options
 * may have switched the rule off): the monolingual findings inside it are
 * dropped after the run (English runs, "unknown" English words, grammar
 * of a sentence that is not German are all this one finding; findings
 * about the scraping stay). */
static mta_status S_report_whole(struct mtai_findings *out, struct S_spans *sp,
                                 mta_severity sev, size_t start, size_t end,
                                 size_t ss, size_t se, const char *msg) {
  size_t before = out->report->nfind;
  /* 'msg' is formatted and translated already: a format in a variable,
   * which xgettext does not extract and the sink's _() leaves as it is */
  static const char verbatim[] = "%s";
  mta_status st = mtai_finding_add_src(out, S_RULE, sev, start, end, ss, se,
                                       NULL, verbatim, msg);
  if (st || out->report->nfind == before)
    return st;
  if (sp->n == sp->cap) {
    size_t cap = sp->cap ? 2 * sp->cap : 16;
    size_t *v = realloc(sp->v, 2 * cap * sizeof *v);
    if (!v)
      return MTA_ERR_NOMEM;
    sp->v = v;
    sp->cap = cap;
  }
  sp->v[2 * sp->n] = start;
  sp->v[2 * sp->n + 1] = end;
  sp->n++;
  return MTA_OK;
}

/* Fragments of sentence 'sn' (not untranslated as a whole): runs of two
 * or more source words in a row, at least two of them English and one in
 * lower case, that no english-leftover finding covers. */
static mta_status
S_fragments(const struct mtai_check_ctx *cx, struct mtai_findings *out,
            const struct mtai_paragraph *p, const struct mtai_sentence *sn,
            const struct S_src *src, const unsigned char *covered) {
  const struct mtai_doc *d = out->doc;
  size_t k = sn->tok_first;
  while (k < sn->tok_end) {
    /* The longest run from k of uncovered source words. */
    size_t a = k, b = k;
    while (b < sn->tok_end && d->toks[b].kind == MTAI_TOK_WORD &&
           !mtai_bit(covered, b) &&
           (b == a || ((d->toks[b].flags & MTAI_TF_SPACE_BEFORE) &&
                       d->toks[b].start - d->toks[b - 1].end == 1)) &&
           S_in_source(d, b, src))
      b++;
    k = b > a ? b : a + 1;
    if (b - a < 2)
      continue;
    /* Trim words that are not English from both ends. */
    size_t strong = 0, lower = 0, x = a, y = b - 1;
    while (x <= y && mtai_english_verdict(cx, d, x) != MTAI_EN_STRONG)
      x++;
    while (y > x && mtai_english_verdict(cx, d, y) != MTAI_EN_STRONG)
      y--;
    for (size_t j = x; j <= y && x < b; j++)
      if (mtai_english_verdict(cx, d, j) == MTAI_EN_STRONG) {
        strong++;
        lower += !(d->toks[j].flags & MTAI_TF_UPPER);
      }
    if (strong < 2 || !lower || mtai_english_name_around(cx, d, p, x, y) ||
        mtai_doc_in_url(d, d->toks[x].start))
      continue;
    size_t ss = 0, se = 0;
    if (!S_run_in_source(d, x, y, src, &ss, &se))
      continue;
    mta_status st = mtai_finding_add_src(
        out, S_RULE, MTA_SEV_MINOR, d->toks[x].start, d->toks[y].end, ss, se,
        NULL, "\"%.*s\" is copied from the source untranslated",
        (int)(d->toks[y].end - d->toks[x].start), d->text + d->toks[x].start);
    if (st)
      return st;
  }
  return MTA_OK;
}

/* One paragraph: every sentence judged; all of two or more untranslated
 * is one critical finding, else one major finding per untranslated
 * sentence and minor ones for fragments of the others. */
static mta_status S_paragraph(const struct mtai_check_ctx *cx,
                              struct mtai_findings *out, size_t pi,
                              unsigned char *flag, const unsigned char *covered,
                              struct S_spans *sp) {
  const struct mtai_bitext *bi = out->bi;
  const struct mtai_doc *d = out->doc;
  const struct mtai_paragraph *p = &d->paras[pi];
  size_t ns = p->sent_end - p->sent_first, nflag = 0;
  struct S_src src;
  for (size_t i = 0; i < ns; i++) {
    const struct mtai_sentence *sn = &d->sents[p->sent_first + i];
    flag[i] = 0;
    if (sn->tok_end - sn->tok_first > S_MAX_TOKS ||
        !S_source_of(bi, p->sent_first + i, &src))
      continue;
    struct S_verdict v;
    S_judge(cx, d, p, sn, &src, &v);
    flag[i] = (unsigned char)S_untranslated(&v);
    nflag += flag[i];
  }
  char q[200], msg[400];
  const struct mtai_bead *pb = &bi->pb[bi->t_pbead[pi]];
  if (ns >= 2 && nflag == ns && pb->s_first < pb->s_end) {
    size_t ss = 0, se = 0;
    mtai_bead_src_span(bi, pb, 1, &ss, &se);
    S_quote(&bi->src, bi->src.paras[pb->s_first].tok_first,
            bi->src.paras[pb->s_end - 1].tok_end, q, sizeof q);
    snprintf(msg, sizeof msg,
             _("the paragraph is left in English: its %zu sentences are the "
               "source's (\"%s\")"),
             ns, q);
    return S_report_whole(out, sp, MTA_SEV_CRITICAL, p->start, p->end, ss, se,
                          msg);
  }
  for (size_t i = 0; i < ns; i++) {
    const struct mtai_sentence *sn = &d->sents[p->sent_first + i];
    if (!S_source_of(bi, p->sent_first + i, &src) ||
        sn->tok_end - sn->tok_first > S_MAX_TOKS)
      continue;
    mta_status st;
    if (flag[i]) {
      size_t ss = 0, se = 0;
      mtai_bead_src_span(bi, src.bead, 0, &ss, &se);
      S_quote(&bi->src, src.a, src.b, q, sizeof q);
      snprintf(msg, sizeof msg,
               _("the sentence is left in English: it is the source's \"%s\""),
               q);
      st = S_report_whole(out, sp, S_RULE->severity, sn->start, sn->end, ss, se,
                          msg);
    } else {
      st = S_fragments(cx, out, p, sn, &src, covered);
    }
    if (st)
      return st;
  }
  return MTA_OK;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *out) {
  (void)state;
  const struct mtai_bitext *bi = out->bi;
  const struct mtai_doc *d = out->doc;
  if (!bi || !d->ntok)
    return MTA_OK;
  /* The words english-leftover findings cover (before this check adds or
   * drops any). */
  unsigned char *covered = calloc((d->ntok + 7) / 8, 1);
  size_t most = 0;
  for (size_t pi = 0; pi < d->npara; pi++)
    if (d->paras[pi].sent_end - d->paras[pi].sent_first > most)
      most = d->paras[pi].sent_end - d->paras[pi].sent_first;
  unsigned char *flag = malloc(most ? most : 1);
  if (!covered || !flag) {
    free(covered);
    free(flag);
    return MTA_ERR_NOMEM;
  }
  mtai_findings_mark(out, MTAI_CAT_ENGLISH_LEFTOVER, covered);
  mta_status st = MTA_OK;
  struct S_spans sp = {NULL, 0, 0};
  for (size_t pi = 0; !st && pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    if (p->kind == MTAI_PARA_BOILERPLATE || p->bp ||
        bi->pb[bi->t_pbead[pi]].skipped)
      continue;
    st = S_paragraph(cx, out, pi, flag, covered, &sp);
  }
  if (!st && sp.n) {
    unsigned cats = 0;
    for (int c = 0; c < MTAI_CAT__COUNT; c++)
      if (c != MTAI_CAT_ACCURACY && !mtai_category_scraper(c))
        cats |= 1u << c;
    mtai_findings_drop(out, cats, sp.v, sp.n);
  }
  free(sp.v);
  free(covered);
  free(flag);
  return st;
}

const struct mta_check mtai_check_untranslated = {
    "untranslated", S_rules, sizeof S_rules / sizeof S_rules[0],
    NULL,           S_run,   NULL};
