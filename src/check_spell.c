/*
 * spelling/unknown: words that are not German.
 *
 * Every word token goes through the shared speller (spell.c: German
 * Hunspell dictionary, user word lists, dict/names.txt, hyphen and
 * compound decomposition). Skipped before that: numbers and words with
 * digits, all-caps acronyms, one-letter words, units (dict/units.txt),
 * words with an inner period (domains, "z.B"), URLs, e-mail addresses and
 * hashtags; soft hyphens are ignored, and an abbreviation counts as known
 * when the dictionary has it with its period ("bzw.").
 *
 * An unknown capitalized word is often a name. It is not reported when it
 * behaves like one: it occurs at least twice in the article (inflected
 * forms the dictionary lacks count: "Multiversum", "Multiversums"), it
 * follows a title
 * (dict/titles.txt: Herr, Präsident, Minister, ...), or it stands next to
 * another name-like word ("Siemon T. Wezeman", "Leif-Eric Easley").
 * Otherwise it is reported as minor (it still might be a name).
 *
 * Severity follows the evidence (MQM raters grade nearly every spelling
 * error minor): an unknown lower-case word is major only when it is likely
 * misspelt, i.e. when the speller has a suggestion for it -- its
 * capitalized or REP spelling, or a word one edit away ("knap",
 * "beschlosen", "regierung"); with none it is a rare, new or invented word
 * and minor. A capitalized one is minor either way (names are often one
 * edit from a word). One the English dictionary knows gets no German
 * suggestions.
 *
 * Interjections and onomatopoeia are not reported: dict/interjections.txt
 * ("hm", "ähm", "Bumm") in any case and with a letter drawn out ("Hmmm",
 * "neeein" when "nein" is a word), a syllable repeated in one word
 * ("blabla"), or an unknown word repeated at once ("ding, ding, ding").
 * A drawn-out word that stays unknown ("Aaaargh") is minor at most.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "spelling/unknown",
     .category = MTAI_CAT_SPELLING,
     .replaces = 1,
     .severity = MTA_SEV_MAJOR,
     .summary = N_("word not in the German dictionary (major when a dictionary "
                   "word is one edit away)"),
     .explanation = N_(
         "A word that is not German: not in the German dictionary, not a "
         "compound of known words and not a name. Machine translation "
         "produces such words from typos of the source, invented compounds, "
         "cut-off words and English words with German endings. Major when a "
         "German word is one edit away (a likely typo); otherwise minor, as "
         "the word may be rare, new or a name. A capitalized word that "
         "behaves like a name (used twice, also inflected, after a title, "
         "next to another name) is not reported, nor are interjections and "
         "onomatopoeia ('hm', 'ding, ding'), numbers, units, acronyms, URLs "
         "and words of --dict lists; check the word and correct it, or add a "
         "real name to a word list."),
     .wrong = "Die Verhandlungen wurden am Montag ergebnislos abgebrochn.",
     .right = "Die Verhandlungen wurden am Montag ergebnislos abgebrochen."},
};

struct S_state {
  struct mtai_speller *sp; /* borrowed from the auditor */
  struct mtai_strset units;
  struct mtai_strset interj;        /* dict/interjections.txt, lower case */
  const struct mtai_strset *titles; /* the context's shared lists */
  const struct mtai_strset *func;   /* English function words: never typos */
};

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  *out = NULL;
  if (!cx->speller)
    return MTA_OK;
  struct S_state *s = calloc(1, sizeof *s);
  if (!s)
    return MTA_ERR_NOMEM;
  s->sp = cx->speller;
  s->titles = &cx->lists->titles;
  s->func = &cx->lists->func;
  mtai_strset_init(&s->units);
  mtai_strset_init(&s->interj);
  *out = s;
  mta_status st = mtai_strset_load(&s->units, "units.txt");
  if (!st)
    st = mtai_strset_load(&s->interj, "interjections.txt");
  if (st)
    return mtai_check_error(cx, st, "spelling: word lists missing: %s",
                            mta_strerror(st));
  return MTA_OK;
}

static void S_destroy(void *p) {
  struct S_state *s = p;
  if (!s)
    return;
  mtai_strset_free(&s->units);
  mtai_strset_free(&s->interj);
  free(s);
}

/* Whether token 'i' is a word to look up at all. */
static int S_candidate(const struct mtai_check_ctx *cx, const struct S_state *s,
                       const struct mtai_doc *d, size_t i) {
  const struct mtai_token *tk = &d->toks[i];
  if (tk->kind != MTAI_TOK_WORD || (tk->flags & MTAI_TF_ALLCAPS))
    return 0;
  const char *w = d->text + tk->start;
  size_t n = tk->end - tk->start;
  if (mtai_utf8_count(w, n) < 2 || mtai_tok_title(cx, d, i) ||
      mtai_strset_has(&s->units, w, n))
    return 0; /* titles: "Mrs" is the honorific check's business */
  for (size_t k = 0; k < n; k++)
    if ((w[k] >= '0' && w[k] <= '9') || w[k] == '_' || w[k] == '@' ||
        w[k] == '.')
      return 0;
  if (i > 0 && mtai_tok_eq(d, i - 1, "#") && d->toks[i - 1].end == tk->start)
    return 0; /* hashtag */
  return !mtai_doc_in_url(d, tk->start);
}

/* 1 when the token table already holds a verdict other than unknown for
 * word token 'i' without soft hyphens: S_verdict() would say the same,
 * so the candidate tests (a scan for a URL around it) can be skipped. A
 * verdict not yet asked for is not asked here (the order of the tests
 * stays that of S_candidate()). */
static int S_known_word(const struct mtai_doc *d, size_t i) {
  const struct mtai_tokfact *f = mtai_tok_fact(d, i);
  if (!f || !(f->have & MTAI_TK_SPELL) || f->spell == MTAI_SPELL_UNKNOWN)
    return 0;
  const char *w = d->text + d->toks[i].start;
  size_t n = mtai_tok_len(d, i);
  for (size_t k = 0; k + 1 < n; k++)
    if ((unsigned char)w[k] == 0xC2 && (unsigned char)w[k + 1] == 0xAD)
      return 0;
  return 1;
}

/* Copies w[0..n) without soft hyphens (U+00AD) into 'out' (size 'sz');
 * returns the length, 0 when it does not fit. */
static size_t S_clean(const char *w, size_t n, char *out, size_t sz) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (i + 1 < n && (unsigned char)w[i] == 0xC2 &&
        (unsigned char)w[i + 1] == 0xAD) {
      i++;
      continue;
    }
    if (k + 2 >= sz)
      return 0;
    out[k++] = w[i];
  }
  return k;
}

/* The speller's verdict on token 'i', soft hyphens removed; for an
 * unknown word followed directly by ".", the dotted form is tried too. */
static enum mtai_spell S_verdict(struct S_state *s, const struct mtai_doc *d,
                                 size_t i, char *w, size_t *n) {
  *n = S_clean(d->text + d->toks[i].start, mtai_tok_len(d, i), w, 250);
  if (*n < 2)
    return MTAI_SPELL_KNOWN;
  /* Without soft hyphens, the token table's verdict of the word. */
  enum mtai_spell v = *n == mtai_tok_len(d, i)
                          ? mtai_tok_spell(s->sp, d, i)
                          : mtai_speller_check(s->sp, w, *n);
  if (v == MTAI_SPELL_UNKNOWN && i + 1 < d->ntok &&
      mtai_tok_eq(d, i + 1, ".") && d->toks[i + 1].start == d->toks[i].end) {
    w[*n] = '.';
    if (mtai_speller_check(s->sp, w, *n + 1) != MTAI_SPELL_UNKNOWN)
      v = MTAI_SPELL_KNOWN;
  }
  return v;
}

/* A capitalized word that is not a known common word: a name or unknown. */
static int S_namey(const struct mtai_check_ctx *cx, struct S_state *s,
                   const struct mtai_doc *d, size_t i) {
  const struct mtai_token *tk = &d->toks[i];
  if (tk->kind != MTAI_TOK_WORD || !(tk->flags & MTAI_TF_UPPER))
    return 0;
  if (mtai_tok_title(cx, d, i))
    return 0;
  enum mtai_spell v = mtai_tok_spell(s->sp, d, i);
  return v == MTAI_SPELL_NAME || v == MTAI_SPELL_NAME_LIKE ||
         v == MTAI_SPELL_USER || v == MTAI_SPELL_FOREIGN ||
         v == MTAI_SPELL_UNKNOWN ||
         (v == MTAI_SPELL_COMPOUND && (tk->flags & MTAI_TF_HYPHEN));
}

/* The word token before 'i' in the same paragraph, skipping a middle
 * initial ("Siemon T. Wezeman"); 'lo' is the paragraph's first token.
 * Returns (size_t)-1 when there is none or punctuation intervenes. */
static size_t S_prev_word(const struct mtai_doc *d, size_t lo, size_t i) {
  if (i < lo + 1)
    return (size_t)-1;
  size_t j = i - 1;
  if (mtai_tok_eq(d, j, ".") && j >= lo + 2 && mtai_tok_len(d, j - 1) == 1 &&
      (d->toks[j - 1].flags & MTAI_TF_UPPER))
    j -= 2; /* "T." */
  return d->toks[j].kind == MTAI_TOK_WORD ? j : (size_t)-1;
}

static size_t S_next_word(const struct mtai_doc *d, size_t hi, size_t i) {
  size_t j = i + 1;
  if (j + 1 < hi && mtai_tok_len(d, j) == 1 &&
      (d->toks[j].flags & MTAI_TF_UPPER) && mtai_tok_eq(d, j + 1, "."))
    j += 2;
  return j < hi && d->toks[j].kind == MTAI_TOK_WORD ? j : (size_t)-1;
}

/* Occurrences of w[0..n) in 'counts', with those of its inflected forms
 * the dictionary does not list: the word with an ending added or taken
 * off ("Multiversum", "Multiversums" -- which our splitter may accept;
 * "Nawalny", "Nawalnys"). A form Hunspell knows does not count:
 * "Koalitio" is a typo, not a form of the "Koalition" of the same
 * article. */
static uintptr_t S_form_count(struct S_state *s,
                              const struct mtai_strset *counts, const char *w,
                              size_t n) {
  static const char *const ends[] = {"s", "es", "n", "en", "e", "er", "ns"};
  void *c = NULL;
  uintptr_t total = mtai_strset_get(counts, w, n, &c) ? (uintptr_t)c : 0;
  char buf[256];
  for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
    size_t el = strlen(ends[k]);
    const char *v = NULL;
    size_t vn = 0;
    if (n + el < sizeof buf) {
      memcpy(buf, w, n);
      memcpy(buf + n, ends[k], el);
      if (mtai_strset_get(counts, buf, n + el, &c)) {
        v = buf;
        vn = n + el;
      }
    }
    for (int pass = 0; pass < 2; pass++) {
      if (v && !mtai_speller_known(s->sp, v, vn))
        total += (uintptr_t)c;
      v = NULL;
      if (!pass && n > el + 2 && !memcmp(w + n - el, ends[k], el) &&
          mtai_strset_get(counts, w, n - el, &c)) {
        v = w;
        vn = n - el;
      }
    }
  }
  return total;
}

/* Evidence that capitalized unknown token 'i' is a name. 'counts' maps
 * capitalized surface forms to their number of occurrences. */
static int S_is_name(const struct mtai_check_ctx *cx, struct S_state *s,
                     const struct mtai_doc *d, const struct mtai_paragraph *p,
                     size_t i, const struct mtai_strset *counts) {
  const char *w = d->text + d->toks[i].start;
  size_t n = mtai_tok_len(d, i);
  if (S_form_count(s, counts, w, n) >= 2)
    return 1;
  /* A title with its period: "Mrs. May", "Prof. Easley". */
  if (i >= p->tok_first + 2 && mtai_tok_eq(d, i - 1, ".") &&
      d->toks[i - 2].kind == MTAI_TOK_WORD &&
      d->toks[i - 2].end == d->toks[i - 1].start &&
      mtai_strset_has(s->titles, d->text + d->toks[i - 2].start,
                      d->toks[i - 1].end - d->toks[i - 2].start))
    return 1;
  size_t pw = S_prev_word(d, p->tok_first, i);
  if (pw != (size_t)-1) {
    if (mtai_tok_title(cx, d, pw) || S_namey(cx, s, d, pw))
      return 1;
  }
  size_t nw = S_next_word(d, p->tok_end, i);
  return nw != (size_t)-1 && S_namey(cx, s, d, nw);
}

static mta_status S_count_caps(const struct mtai_doc *d,
                               struct mtai_strset *counts) {
  for (size_t i = 0; i < d->ntok; i++) {
    const struct mtai_token *tk = &d->toks[i];
    if (tk->kind != MTAI_TOK_WORD || !(tk->flags & MTAI_TF_UPPER))
      continue;
    void *c = NULL;
    mtai_strset_get(counts, d->text + tk->start, tk->end - tk->start, &c);
    mta_status st =
        mtai_strset_put(counts, d->text + tk->start, tk->end - tk->start,
                        (void *)((uintptr_t)c + 1));
    if (st)
      return st;
  }
  return MTA_OK;
}

/* 1 when token 'k' is plainly English: unknown to German, known to
 * English. */
static int S_plain_english(const struct mtai_check_ctx *cx, struct S_state *s,
                           const struct mtai_doc *d, size_t k) {
  return d->toks[k].kind == MTAI_TOK_WORD &&
         mtai_tok_spell(s->sp, d, k) == MTAI_SPELL_UNKNOWN &&
         (mtai_tok_english(cx->speller, d, k) ||
          mtai_tok_english_lc(cx->speller, d, k));
}

/* An English-looking lower-case word among German words, with a German
 * word one edit away, is a German typo ("knap" for "knapp"); within English
 * words ("for the record") it is English. Mirrors the lone-word rule of
 * check_leftover.c. */
static int S_lone_typo(const struct mtai_check_ctx *cx, struct S_state *s,
                       const struct mtai_doc *d, const struct mtai_paragraph *p,
                       size_t i, const char *w, size_t n) {
  if (i > p->tok_first && (d->toks[i].flags & MTAI_TF_SPACE_BEFORE) &&
      S_plain_english(cx, s, d, i - 1))
    return 0;
  if (i + 1 < p->tok_end && (d->toks[i + 1].flags & MTAI_TF_SPACE_BEFORE) &&
      S_plain_english(cx, s, d, i + 1))
    return 0;
  return !mtai_strset_has(s->func, w, n) &&
         mtai_speller_german_typo(s->sp, w, n);
}

/* Writes w[0..n) in lower case with every run of three or more equal
 * letters cut to 'keep' (1 or 2) into 'out'; returns the length, 0 when
 * it does not fit. '*runs' is set when a run was cut. */
static size_t S_squeeze(const char *w, size_t n, size_t keep, char *out,
                        size_t sz, int *runs) {
  struct mta_buf low;
  mtai_buf_init(&low, 256);
  size_t k = 0;
  *runs = 0;
  if (!mtai_utf8_lower(w, n, &low)) {
    const char *l = mtai_buf_str(&low);
    size_t ln = mtai_buf_len(&low);
    for (size_t i = 0; i < ln;) {
      size_t a = i;
      mtai_utf8_next(l, ln, &i);
      size_t cl = i - a, rep = 1;
      while (i + cl <= ln && !memcmp(l + i, l + a, cl)) {
        i += cl;
        rep++;
      }
      if (rep >= 3) {
        *runs = 1;
        rep = keep;
      }
      if (k + rep * cl >= sz) {
        k = 0;
        break;
      }
      for (size_t r = 0; r < rep; r++, k += cl)
        memcpy(out + k, l + a, cl);
    }
  }
  mtai_buf_free(&low);
  return k;
}

/* 1 when lower-case l[0..n) is one syllable of 1-4 letters said at least
 * twice ("haha", "blabla", "hihihi"). */
static int S_reduplicated(const char *l, size_t n) {
  for (size_t u = 1; u <= 4 * 2 && u * 2 <= n; u++) {
    if (n % u)
      continue;
    size_t i = u;
    while (i < n && !memcmp(l + i, l, u))
      i += u;
    if (i == n && mtai_utf8_count(l, u) <= 4)
      return 1;
  }
  return 0;
}

enum { S_PLAIN, S_DRAWN_OUT, S_INTERJECTION };

/* Whether unknown w[0..n) is an interjection or onomatopoeia
 * (S_INTERJECTION: not reported), a word with a letter drawn out that is
 * still unknown (S_DRAWN_OUT: minor at most) or neither. */
static int S_expressive(struct S_state *s, const char *w, size_t n) {
  char l[256];
  int runs;
  size_t ln = S_squeeze(w, n, 3, l, sizeof l, &runs); /* lower case only */
  if (!ln)
    return S_PLAIN;
  if (mtai_strset_has(&s->interj, l, ln) || S_reduplicated(l, ln))
    return S_INTERJECTION;
  if (!runs)
    return S_PLAIN;
  for (size_t keep = 1; keep <= 2; keep++) {
    ln = S_squeeze(w, n, keep, l, sizeof l, &runs);
    if (!ln)
      continue;
    if (mtai_strset_has(&s->interj, l, ln) || S_reduplicated(l, ln) ||
        mtai_speller_check(s->sp, l, ln) != MTAI_SPELL_UNKNOWN)
      return S_INTERJECTION;
  }
  return S_DRAWN_OUT;
}

/* 1 when word tokens 'i' and 'j' are the same word, case aside. */
static int S_same_word(const struct mtai_doc *d, size_t i, size_t j) {
  struct mta_buf a, b;
  mtai_buf_init(&a, 256);
  mtai_buf_init(&b, 256);
  int same =
      !mtai_utf8_lower(d->text + d->toks[i].start, mtai_tok_len(d, i), &a) &&
      !mtai_utf8_lower(d->text + d->toks[j].start, mtai_tok_len(d, j), &b) &&
      mtai_buf_len(&a) == mtai_buf_len(&b) &&
      !memcmp(mtai_buf_str(&a), mtai_buf_str(&b), mtai_buf_len(&a));
  mtai_buf_free(&a);
  mtai_buf_free(&b);
  return same;
}

/* 1 when word token 'i' is said again at once, case aside, with at most a
 * comma, hyphen, dash or exclamation mark between ("ding, ding, ding",
 * "Bumm! Bumm!"): an onomatopoeia, not a misspelling. */
static int S_repeated(const struct mtai_doc *d, const struct mtai_paragraph *p,
                      size_t i) {
  for (int dir = -1; dir <= 1; dir += 2) {
    size_t j = i;
    for (int step = 0; step < 2; step++) {
      if ((dir < 0 && j <= p->tok_first) || (dir > 0 && j + 1 >= p->tok_end))
        break;
      j = dir < 0 ? j - 1 : j + 1;
      if (d->toks[j].kind == MTAI_TOK_WORD) {
        if (S_same_word(d, i, j))
          return 1;
        break;
      }
      if (!(mtai_tok_eq(d, j, ",") || mtai_tok_eq(d, j, "-") ||
            mtai_tok_eq(d, j, "!") || mtai_tok_eq(d, j, "\xE2\x80\x93")))
        break;
    }
  }
  return 0;
}

/* Reports unknown token 'i' (w[0..n)). 'typo_ok': it may be major, being
 * lower case and no drawn-out interjection; it is major when a German word
 * is close: it has a suggestion, past the findings cap (where suggestions
 * are not computed) a form of the lexicon one edit away. */
static mta_status S_report(struct S_state *s, struct mtai_findings *r, size_t i,
                           const char *w, size_t n, int capital, int typo_ok) {
  const struct mtai_token *tk = &r->doc->toks[i];
  const char *list = NULL, *first = NULL;
  int major = 0;
  /* Past the findings cap the finding is only counted: no suggestions
   * (the one-edit search is most of the cost of an unknown word). */
  if (!mtai_findings_full(r)) {
    mta_status st = mtai_speller_suggest(s->sp, w, n, &list, &first);
    if (st)
      return st;
    major = typo_ok && first != NULL;
  } else {
    major = typo_ok && mtai_speller_near_word(s->sp, w, n);
  }
  mta_severity sev = major ? MTA_SEV_MAJOR : MTA_SEV_MINOR;
  if (first) {
    size_t at = r->report->nfind;
    mta_status st = mtai_finding_add(
        r, &S_rules[0], sev, tk->start, tk->end, first,
        major ? N_("unknown word '%.*s'; did you mean: %s?")
        : capital
            ? N_("unknown word (or an unfamiliar name) '%.*s'; did you mean: "
                 "%s?")
            : N_("unknown word (or a rare or new one) '%.*s'; did you mean: "
                 "%s?"),
        (int)n, w, list);
    return st ? st : mtai_finding_alternatives(r, at, list);
  }
  return mtai_finding_add(
      r, &S_rules[0], sev, tk->start, tk->end, NULL,
      major     ? N_("unknown word '%.*s'")
      : capital ? N_("unknown word (or an unfamiliar name) '%.*s'")
                : N_("unknown word (or a rare or new one) '%.*s'"),
      (int)n, w);
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  struct S_state *s = state;
  if (!s)
    return MTA_OK;
  const struct mtai_doc *d = r->doc;
  /* Capitalized words counted only when an unknown one needs them. */
  struct mtai_strset counts;
  mtai_strset_init(&counts);
  int counted = 0;
  mta_status st = MTA_OK;
  /* A word an English-leftover check already reported ("Czechia" as an
   * exonym) is not a misspelling too. */
  unsigned char *covered = calloc(d->ntok / 8 + 1, 1);
  if (!covered)
    st = MTA_ERR_NOMEM;
  else
    mtai_findings_mark(r, MTAI_CAT_ENGLISH_LEFTOVER, covered);
  for (size_t pi = 0; !st && pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    for (size_t i = p->tok_first; !st && i < p->tok_end; i++) {
      if (mtai_bit(covered, i) || S_known_word(d, i) ||
          !S_candidate(cx, s, d, i))
        continue;
      char w[256];
      size_t n;
      enum mtai_spell v = S_verdict(s, d, i, w, &n);
      int capital = (d->toks[i].flags & MTAI_TF_UPPER) != 0;
      if (v != MTAI_SPELL_UNKNOWN)
        continue;
      if (capital && !counted) {
        counted = 1;
        if ((st = S_count_caps(d, &counts)))
          break;
      }
      if (capital && S_is_name(cx, s, d, p, i, &counts))
        continue;
      /* English words and English transliterations of names are the
       * english-leftover checks' findings, not misspellings. */
      char german[128];
      if ((mtai_english_known(cx, w, n) &&
           (capital || !S_lone_typo(cx, s, d, p, i, w, n))) ||
          (capital &&
           mtai_speller_translit(s->sp, w, n, german, sizeof german)))
        continue;
      int ex = S_expressive(s, w, n);
      if (ex == S_INTERJECTION || S_repeated(d, p, i))
        continue;
      st = S_report(s, r, i, w, n, capital, !capital && ex == S_PLAIN);
    }
  }
  mtai_strset_free(&counts);
  free(covered);
  return st;
}

const struct mta_check mtai_check_spell = {
    "spelling", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,     S_run,   S_destroy};
