/*
 * Quotation marks and brackets that do not pair up within a paragraph:
 *
 *   punctuation/unbalanced-quote  „ without its “ (or the reverse), » «,
 *                                 and an odd number of straight quotes
 *   punctuation/unbalanced-paren  ( or [ without its ) or ], or the reverse
 *
 * A quotation that runs on into the next paragraph is a convention of
 * long quotations; it is still reported, as minor, since machine
 * translation drops closing marks far more often than editors continue
 * quotations.
 */
#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "punctuation/unbalanced-quote",
     .category = MTAI_CAT_PUNCTUATION,
     .severity = MTA_SEV_MINOR,
     .summary = N_("a quotation mark without its partner in the paragraph"),
     .explanation = N_(
         "A quotation mark without its partner within the paragraph: „ "
         "without “ (or the reverse), » without «, or an odd number of "
         "straight quotes. Machine translation drops closing marks or "
         "translates only one of the pair. A quotation running on into the "
         "next paragraph is also reported (as minor), since dropped marks are "
         "far more common; add the missing mark."),
     .wrong = "Er sprach von einem „historischen Schritt.",
     .right = "Er sprach von einem „historischen Schritt“."},
    {.id = "punctuation/unbalanced-paren",
     .category = MTAI_CAT_PUNCTUATION,
     .severity = MTA_SEV_MINOR,
     .summary = N_("a bracket without its partner in the paragraph"),
     .explanation = N_(
         "An opening bracket '(' or '[' without its closing partner within "
         "the paragraph, or the reverse. Machine translation loses one bracket "
         "when it reorders a clause or joins segments. Add the missing "
         "bracket or remove the stray one."),
     .wrong = "Die Polizei nahm den Verdächtigen fest (er war bewaffnet.",
     .right = "Die Polizei nahm den Verdächtigen fest (er war bewaffnet)."},
};

enum { R_QUOTE, R_PAREN };

/* A mark is a quotation mark (enum mtai_quote, from the annotation) or
 * a bracket (its character); the two ranges do not meet. Open marks and
 * the close marks that end them. ‚ ‘ are left out: ‘ is also the
 * apostrophe of "Putin‘s". */
static int S_opener(int32_t c) {
  return c == MTAI_Q_LOW_DOUBLE || c == MTAI_Q_RAQUO || c == '(' || c == '[';
}

static int S_closes(int32_t open, int32_t c) {
  switch (open) {
  case MTAI_Q_LOW_DOUBLE:
    return c == MTAI_Q_LEFT_DOUBLE || c == MTAI_Q_RIGHT_DOUBLE;
  case MTAI_Q_RAQUO:
    return c == MTAI_Q_LAQUO;
  case '(':
    return c == ')';
  case '[':
    return c == ']';
  }
  return 0;
}

static int S_closer(int32_t c) {
  return c == MTAI_Q_LEFT_DOUBLE || c == MTAI_Q_RIGHT_DOUBLE ||
         c == MTAI_Q_LAQUO || c == ')' || c == ']';
}

static int S_is_paren(int32_t c) {
  return c == '(' || c == ')' || c == '[' || c == ']';
}

static mta_status S_report(struct mtai_findings *r, const struct mtai_token *t,
                           int32_t c, int open) {
  int paren = S_is_paren(c);
  const struct mta_rule *rule = &S_rules[paren ? R_PAREN : R_QUOTE];
  return mtai_finding_add(r, rule, rule->severity, t->start, t->end, NULL,
                          open ? N_("'%.*s' is never closed in this paragraph")
                               : N_("'%.*s' closes nothing in this paragraph"),
                          (int)(t->end - t->start), r->doc->text + t->start);
}

static mta_status S_paragraph(struct mtai_findings *r,
                              const struct mtai_paragraph *p) {
  const struct mtai_doc *d = r->doc;
  size_t stack[32];
  int32_t kinds[32];
  size_t depth = 0, straight = 0, last_straight = 0;
  mta_status st = MTA_OK;
  for (size_t i = p->tok_first; !st && i < p->tok_end; i++) {
    const struct mtai_token *t = &d->toks[i];
    if (t->kind != MTAI_TOK_PUNCT)
      continue;
    int32_t c = (int32_t)mtai_tok_quote(d, i);
    if (!c) {
      size_t k = t->start;
      c = mtai_utf8_next(d->text, t->end, &k);
      if (!S_is_paren(c))
        continue;
    }
    if (c == MTAI_Q_STRAIGHT) {
      straight++;
      last_straight = i;
      continue;
    }
    if (S_opener(c)) {
      if (depth < 32) {
        stack[depth] = i;
        kinds[depth++] = c;
      }
      continue;
    }
    if (!S_closer(c))
      continue;
    /* “ opens an English-style quotation when nothing German is open and
     * it stands before a word ("sagte “Nein”"); attached to the word before
     * it ("geschaffen“, so") it is a German closing mark. */
    if (c == MTAI_Q_LEFT_DOUBLE &&
        !(depth && kinds[depth - 1] == MTAI_Q_LOW_DOUBLE) &&
        (t->flags & MTAI_TF_SPACE_BEFORE || i == p->tok_first)) {
      if (depth < 32) {
        stack[depth] = i;
        kinds[depth++] = c;
      }
      continue;
    }
    if (c == MTAI_Q_RIGHT_DOUBLE && depth &&
        kinds[depth - 1] == MTAI_Q_LEFT_DOUBLE) {
      depth--;
      continue;
    }
    /* Close the nearest matching opener; openers skipped on the way are
     * unclosed. */
    size_t m = depth;
    while (m > 0 && !S_closes(kinds[m - 1], c))
      m--;
    if (m == 0) {
      st = S_report(r, t, c, 0);
      continue;
    }
    for (size_t q = m; !st && q < depth; q++)
      st = S_report(r, &d->toks[stack[q]], kinds[q], 1);
    depth = m - 1;
  }
  for (size_t q = 0; !st && q < depth; q++)
    st = S_report(r, &d->toks[stack[q]], kinds[q], 1);
  if (!st && straight % 2)
    st = S_report(r, &d->toks[last_straight], MTAI_Q_STRAIGHT, 1);
  return st;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  (void)cx;
  (void)state;
  mta_status st = MTA_OK;
  for (size_t pi = 0; !st && pi < r->doc->npara; pi++)
    st = S_paragraph(r, &r->doc->paras[pi]);
  return st;
}

const struct mta_check mtai_check_balance = {
    "balance", S_rules, sizeof S_rules / sizeof S_rules[0], NULL, S_run, NULL};
