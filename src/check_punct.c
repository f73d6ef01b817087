/*
 * Punctuation spacing:
 *   punctuation/space-before   whitespace before . , ; : ! ?  ("Waffen .")
 *   punctuation/doubled        ". .", ",,", ".,", "!!" (an ellipsis "...",
 *                              also spaced ". . .", is fine; a longer
 *                              spaced run ". . . . ." is one finding)
 *   punctuation/missing-space  no space after sentence punctuation where a
 *                              letter follows ("Moskau.Nordkorea",
 *                              "Moskau,Nordkorea"); not inside numbers,
 *                              URLs, e-mail addresses, domain names or
 *                              abbreviations ("z.B.", "U.S.")
 */
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "punctuation/space-before",
     .category = MTAI_CAT_PUNCTUATION,
     .severity = MTA_SEV_MINOR,
     .summary = N_("whitespace before a punctuation mark"),
     .explanation = N_(
         "Whitespace before a full stop, comma, semicolon, colon, exclamation "
         "or question mark. Machine translation and the reassembly of "
         "translated segments leave a space where the English source had a "
         "link, a tag or a footnote marker. Not reported at the start of a "
         "paragraph, after an opening bracket, or before an ellipsis. Delete "
         "the space."),
     .wrong = "Die Bösen lagerten die Munition in Waffenvorräten .",
     .right = "Die Bösen lagerten die Munition in Waffenvorräten."},
    {.id = "punctuation/doubled",
     .category = MTAI_CAT_PUNCTUATION,
     .severity = MTA_SEV_MINOR,
     .summary = N_("punctuation mark doubled (\". .\", \",,\")"),
     .explanation =
         N_("A punctuation mark doubled ('. .', ',,', '.,', '!!'), left where "
            "two translated segments were joined or a mark of the source was "
            "kept next to the translation's own. An ellipsis ('...', also set "
            "with spaces '. . .') and the emphatic '?!' are fine and not "
            "reported; a longer run of spaced dots is reported once. Keep one "
            "mark."),
     .wrong = "Die Lage bleibt angespannt,, sagte der Minister.",
     .right = "Die Lage bleibt angespannt, sagte der Minister."},
    {.id = "punctuation/missing-space",
     .category = MTAI_CAT_PUNCTUATION,
     .severity = MTA_SEV_MINOR,
     .summary = N_("no space after sentence punctuation before a word"),
     .explanation = N_(
         "No space after a full stop, comma or other sentence mark before the "
         "next word ('Moskau.Nordkorea', 'kam,und'), typically where "
         "translated segments or lines were glued together. Not reported "
         "inside numbers ('3,5', '20.15 Uhr'), URLs, e-mail addresses, domain "
         "names, abbreviations ('z.B.') or gender forms ('Lehrer:innen'). "
         "Insert the space."),
     .wrong = "Kim reiste nach Moskau.Nordkorea liefert seit Monaten Munition.",
     .right =
         "Kim reiste nach Moskau. Nordkorea liefert seit Monaten Munition."},
};

enum { R_SPACE_BEFORE, R_DOUBLED, R_MISSING_SPACE };

static int S_mark(const struct mtai_doc *d, size_t i) {
  if (mtai_tok_len(d, i) != 1)
    return 0;
  return strchr(".,;:!?", d->text[d->toks[i].start]) != NULL;
}

/* Letters of the run [a, b) of word text: count and whether any is lower. */
static size_t S_letters(const char *t, size_t a, size_t b, int *has_lower) {
  size_t n = 0;
  *has_lower = 0;
  for (size_t i = a; i < b;) {
    int32_t c = mtai_utf8_next(t, b, &i);
    n++;
    if (c >= 'a' && c <= 'z')
      *has_lower = 1;
    else if (c >= 0xDF && c <= 0xFF && c != 0xF7)
      *has_lower = 1;
  }
  return n;
}

/* A word token ICU kept whole across a dot ("Moskau.Nordkorea"): report
 * each inner dot between two real words, the second capitalized. */
static mta_status S_inner_dots(struct mtai_findings *r, size_t i) {
  const struct mtai_doc *d = r->doc;
  const struct mtai_token *tk = &d->toks[i];
  const char *t = d->text;
  size_t seg = tk->start;
  for (size_t k = tk->start; k < tk->end; k++) {
    if (t[k] != '.')
      continue;
    int lower_before, lower_after;
    size_t nb = S_letters(t, seg, k, &lower_before);
    size_t e = k + 1;
    while (e < tk->end && t[e] != '.' && t[e] != '-')
      e++;
    size_t na = S_letters(t, k + 1, e, &lower_after);
    unsigned char first_after = (unsigned char)t[k + 1];
    int upper_after =
        (first_after >= 'A' && first_after <= 'Z') ||
        (first_after == 0xC3 && k + 2 < tk->end &&
         ((unsigned char)t[k + 2] == 0x84 || (unsigned char)t[k + 2] == 0x96 ||
          (unsigned char)t[k + 2] == 0x9C));
    if (nb >= 2 && na >= 2 && lower_before && lower_after && upper_after &&
        !mtai_doc_in_url(d, k)) {
      mta_status st = mtai_finding_add(
          r, &S_rules[R_MISSING_SPACE], S_rules[R_MISSING_SPACE].severity, k,
          k + 1, ". ", "missing space after '.' before '%.*s'",
          (int)(e - k - 1), t + k + 1);
      if (st)
        return st;
    }
    seg = k + 1;
  }
  return MTA_OK;
}

/* Length of the run of '.' tokens written together (no space between)
 * that holds token 'i' of paragraph 'p' (0 if 'i' is not a '.'); '*first'
 * receives the run's first token. */
static size_t S_dot_run(const struct mtai_doc *d,
                        const struct mtai_paragraph *p, size_t i,
                        size_t *first) {
  *first = i;
  if (!mtai_tok_eq(d, i, "."))
    return 0;
  size_t a = i, b = i + 1;
  while (a > p->tok_first && mtai_tok_eq(d, a - 1, ".") &&
         d->toks[a - 1].end == d->toks[a].start)
    a--;
  while (b < p->tok_end && mtai_tok_eq(d, b, ".") &&
         d->toks[b].start == d->toks[b - 1].end)
    b++;
  *first = a;
  return b - a;
}

/* The group of '.' tokens that holds token 'i' of paragraph 'p': '.'
 * tokens in a row, written together or with spaces between (". . ."); its
 * first token in '*first', its number of tokens returned (0 if 'i' is not
 * a '.'), and whether a space separates two of them in '*spaced'. */
static size_t S_dot_group(const struct mtai_doc *d,
                          const struct mtai_paragraph *p, size_t i,
                          size_t *first, int *spaced) {
  *first = i;
  *spaced = 0;
  if (!mtai_tok_eq(d, i, "."))
    return 0;
  size_t a = i, b = i + 1;
  while (a > p->tok_first && mtai_tok_eq(d, a - 1, "."))
    a--;
  while (b < p->tok_end && mtai_tok_eq(d, b, "."))
    b++;
  for (size_t k = a + 1; k < b; k++)
    if (d->toks[k].start != d->toks[k - 1].end)
      *spaced = 1;
  *first = a;
  return b - a;
}

/* 1 when mark 'i' and the next token form a doubling ("..", ". .", ",,",
 * ".,"), which the doubled rule reports (with any space before). */
static int S_doubles(const struct mtai_doc *d, const struct mtai_paragraph *p,
                     size_t i) {
  if (i + 1 >= p->tok_end || !S_mark(d, i + 1))
    return 0;
  char a = d->text[d->toks[i].start], b = d->text[d->toks[i + 1].start];
  return a == b || ((a == '.' || a == ',') && (b == '.' || b == ','));
}

/* The gender colon or star of "Lehrer:innen", "Bürger*innen". */
static int S_gender_mark(const struct mtai_doc *d, size_t i, size_t next) {
  const char *w = d->text + d->toks[next].start;
  return d->text[d->toks[i].start] == ':' && mtai_tok_len(d, next) >= 2 &&
         w[0] == 'i' && w[1] == 'n';
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  (void)cx;
  (void)state;
  const struct mtai_doc *d = r->doc;
  const char *t = d->text;
  mta_status st = MTA_OK;
  for (size_t pi = 0; pi < d->npara && !st; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    for (size_t i = p->tok_first; i < p->tok_end && !st; i++) {
      const struct mtai_token *tk = &d->toks[i];
      if (tk->kind == MTAI_TOK_WORD) {
        if (memchr(t + tk->start, '.', tk->end - tk->start))
          st = S_inner_dots(r, i);
        continue;
      }
      if (!S_mark(d, i))
        continue;
      char c = t[tk->start];
      size_t run_first, run = S_dot_run(d, p, i, &run_first);
      if (run >= 3)
        continue; /* an ellipsis, also after a space ("sagte ...") */
      /* Three or four dots, also with spaces between, are an ellipsis
       * (". . ." is how German typesetting may set it; a fourth is the
       * full stop): not reported. Five and more with spaces between are
       * one doubling, reported once at the group's first dot. */
      int spaced;
      size_t group_first, group = S_dot_group(d, p, i, &group_first, &spaced);
      if (group >= 3) {
        if (group >= 5 && spaced && i == group_first) {
          size_t last = group_first + group - 1;
          st = mtai_finding_add(
              r, &S_rules[R_DOUBLED], S_rules[R_DOUBLED].severity, tk->start,
              d->toks[last].end, "\xE2\x80\xA6",
              "punctuation doubled: %zu dots '%.*s'", group,
              (int)(d->toks[last].end - tk->start), t + tk->start);
        }
        continue;
      }
      int prev_mark = i > p->tok_first && S_mark(d, i - 1);
      /* Doubled: ". .", "..", ",,", ".,", "!!" -- not "?!", not after an
       * ellipsis. */
      if (prev_mark) {
        char pc = t[d->toks[i - 1].start];
        size_t prev_first;
        int emph = (pc == '?' || pc == '!') && (c == '?' || c == '!') &&
                   pc != c && !(tk->flags & MTAI_TF_SPACE_BEFORE);
        int after_ellipsis =
            pc == '.' && S_dot_run(d, p, i - 1, &prev_first) >= 3;
        if (!emph && !after_ellipsis &&
            (pc == c || ((pc == '.' || pc == ',') && (c == '.' || c == ',')))) {
          /* "Wort . ." is one error: the span takes in the space before
           * the first mark, so that the suggestion fixes both. */
          size_t a = d->toks[i - 1].start;
          if ((d->toks[i - 1].flags & MTAI_TF_SPACE_BEFORE) &&
              i - 1 > p->tok_first)
            a = d->toks[i - 2].end;
          char sug[2] = {pc, 0};
          st = mtai_finding_add(
              r, &S_rules[R_DOUBLED], S_rules[R_DOUBLED].severity, a, tk->end,
              sug, "punctuation doubled: '%.*s'",
              (int)(tk->end - d->toks[i - 1].start), t + d->toks[i - 1].start);
          continue;
        }
      }
      /* Space before. Not at paragraph start, not after "(" or "[", not
       * the second mark of an already reported doubling. */
      if ((tk->flags & MTAI_TF_SPACE_BEFORE) && i > p->tok_first &&
          !prev_mark && !S_doubles(d, p, i) && !mtai_tok_eq(d, i - 1, "(") &&
          !mtai_tok_eq(d, i - 1, "[")) {
        size_t a = d->toks[i - 1].end;
        char sug[2] = {c, 0};
        st = mtai_finding_add(r, &S_rules[R_SPACE_BEFORE],
                              S_rules[R_SPACE_BEFORE].severity, a, tk->end, sug,
                              "space before '%c'", c);
        if (st)
          break;
      }
      /* Missing space: a mark directly followed by a word. */
      if (i + 1 < p->tok_end && d->toks[i + 1].kind == MTAI_TOK_WORD &&
          d->toks[i + 1].start == tk->end &&
          (c != '.' || ((d->toks[i + 1].flags & MTAI_TF_UPPER) &&
                        mtai_tok_len(d, i + 1) >= 2)) &&
          !S_gender_mark(d, i, i + 1) && !mtai_doc_in_url(d, tk->start)) {
        const struct mtai_token *nx = &d->toks[i + 1];
        char sug[3] = {c, ' ', 0};
        st = mtai_finding_add(
            r, &S_rules[R_MISSING_SPACE], S_rules[R_MISSING_SPACE].severity,
            tk->start, tk->end, sug, "missing space after '%c' before '%.*s'",
            c, (int)(nx->end - nx->start), t + nx->start);
      }
    }
  }
  return st;
}

const struct mta_check mtai_check_punct = {
    "punctuation", S_rules, sizeof S_rules / sizeof S_rules[0],
    NULL,          S_run,   NULL};
