/*
 * english-leftover/title: an English title or office before a name
 * ("Secretary Blinken", "Rep. Jim Jordan", "Gov. Josh Shapiro",
 * "Attorney General Merrick Garland"), from dict/english-titles.txt
 * (TITLE<TAB>GERMAN; the longest match wins: "Secretary of State" before
 * "Secretary"). Titles German writes the same (Senator, Minister,
 * Präsident, Professor, General) are not listed; Mr./Mrs./Ms. are
 * english-leftover/honorific's.
 *
 * Context decides: the title counts
 *   - before a name: a capitalized word that is no English common word
 *     (or two capitalized words: "Elizabeth Warren"), titles may stack
 *     ("Deputy Secretary of State Kurt Campbell");
 *   - or as the office itself after a German article or determiner ("der
 *     Secretary", "die Chairwoman sagte").
 * It does not count after a name-like word ("Stephen King", "Burger
 * King"), inside an English name or quoted English title
 * (mtai_english_name_around()), nor before an English common word
 * ("Justice Department" is an English name, the word rule's). A title the
 * German dictionary knows (a name too: "Pope") counts only before a name;
 * one flagged "church" in the list (Superintendent, a Protestant church
 * office in German) only before a name and not in a text about the church
 * (Kirche, Pfarrer, evangelisch, ...).
 *
 * Severity: an abbreviation ("Rep.", "Sen.", "Gov.") is major: a German
 * reader cannot resolve it; a written-out title ("Secretary", "Mayor") is
 * minor: its meaning is clear to most readers and the name carries the
 * sentence.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "english-leftover/title",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .severity = MTA_SEV_MINOR,
     .summary = N_("English title before a name (\"Secretary Blinken\", \"Rep. "
                   "Jordan\")"),
     .explanation = N_(
         "An English title or office before a name ('Secretary Blinken', "
         "'Rep. Jim Jordan', 'Gov. Josh Shapiro', 'Attorney General Merrick "
         "Garland', 'Mayor Eric Adams'), from dict/english-titles.txt, or "
         "after a German article as the office itself ('der Secretary'). "
         "Machine translation leaves titles untranslated because they read "
         "like part of the name. Abbreviations ('Rep.', 'Sen.', 'Gov.') are "
         "major, since a German reader cannot resolve them; written-out "
         "titles minor. Context decides: titles German writes the same "
         "(Senator, Minister, Präsident, General) are not listed; a title "
         "after a first name ('Stephen King'), inside an English name or "
         "quoted title, or before an English common word ('Justice "
         "Department') is not reported; 'Superintendent', a German church "
         "office too, only before a name and not in a text about the church. "
         "Write the German title the suggestion gives ('Außenminister "
         "Blinken', 'der Abgeordnete Jim Jordan')."),
     .wrong = "Secretary Blinken reiste am Montag nach Kairo.",
     .right = "Außenminister Blinken reiste am Montag nach Kairo."},
};

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  return mtai_pairs_new(cx, "english-titles.txt", out);
}

/* 1 when capitalized token 'k' is an English common word: English knows
 * it in lower case and German does not know it as written ("Department",
 * "Office"), and it is no name of dict/names.txt. */
static int S_english_common(const struct mtai_check_ctx *cx,
                            const struct mtai_doc *d, size_t k) {
  const char *w = d->text + d->toks[k].start;
  size_t n = mtai_tok_len(d, k);
  if (!cx->speller || !mtai_speller_english_lc(cx->speller, w, n))
    return 0;
  enum mtai_spell v = mtai_speller_check(cx->speller, w, n);
  return v == MTAI_SPELL_UNKNOWN;
}

static int S_cap_word(const struct mtai_doc *d, const struct mtai_paragraph *p,
                      size_t k) {
  return k < p->tok_end && d->toks[k].kind == MTAI_TOK_WORD &&
         (d->toks[k].flags & MTAI_TF_UPPER) &&
         !(d->toks[k].flags & MTAI_TF_ALLCAPS) &&
         (d->toks[k].flags & MTAI_TF_SPACE_BEFORE);
}

/* 1 when a name starts at token 'k': a capitalized word that is no
 * English common word, or two capitalized words ("Elizabeth Warren"),
 * or initials before a capitalized word ("JD Vance"). */
static int S_name_at(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                     const struct mtai_paragraph *p, size_t k) {
  if (k < p->tok_end && d->toks[k].kind == MTAI_TOK_WORD &&
      (d->toks[k].flags & MTAI_TF_ALLCAPS) &&
      (d->toks[k].flags & MTAI_TF_SPACE_BEFORE) && mtai_tok_len(d, k) <= 3 &&
      S_cap_word(d, p, k + 1))
    return 1;
  if (!S_cap_word(d, p, k))
    return 0;
  if (!S_english_common(cx, d, k))
    return 1;
  return S_cap_word(d, p, k + 1) && !S_english_common(cx, d, k + 1);
}

/* 1 when the word before token 'a' is a German article or determiner. */
static int S_after_article(const struct mtai_check_ctx *cx,
                           const struct mtai_doc *d,
                           const struct mtai_paragraph *p, size_t a) {
  if (a == p->tok_first || !cx->lexicon || d->toks[a - 1].kind != MTAI_TOK_WORD)
    return 0;
  return (mtai_lexicon_classes(cx->lexicon, d->text + d->toks[a - 1].start,
                               mtai_tok_len(d, a - 1)) &
          MTAI_LEX_DET) != 0 &&
         !mtai_english_known(cx, d->text + d->toks[a - 1].start,
                             mtai_tok_len(d, a - 1));
}

/* 1 when 'd' is about the Protestant church, where a Superintendent is a
 * German office. */
static int S_church(const struct mtai_doc *d) {
  static const char *const cues[] = {"Kirche",      "kirch",    "Pfarr",
                                     "evangel",     "Dekan",    "Propst",
                                     "Landesbisch", "Gemeinde", "Synode"};
  for (size_t i = 0; i < d->ntok; i++) {
    const char *w = d->text + d->toks[i].start;
    size_t n = mtai_tok_len(d, i);
    for (size_t c = 0; c < sizeof cues / sizeof *cues; c++) {
      size_t cn = strlen(cues[c]);
      for (size_t o = 0; o + cn <= n; o++)
        if (!memcmp(w + o, cues[c], cn))
          return 1;
    }
  }
  return 0;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *out) {
  struct mtai_pairs *s = state;
  const struct mtai_doc *d = out->doc;
  mta_status st = MTA_OK;
  int church = -1;
  for (size_t pi = 0; !st && pi < d->npara; pi++) {
    const struct mtai_paragraph *p = &d->paras[pi];
    for (size_t i = p->tok_first; !st && i < p->tok_end; i++) {
      const struct mtai_token *t = &d->toks[i];
      if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
          (t->flags & MTAI_TF_ALLCAPS))
        continue;
      const char *val = NULL;
      size_t n = mtai_pairs_match_pre(&s->pre, &s->map, s->maxtok, d, i,
                                      p->tok_end, &val);
      if (!n)
        continue;
      /* Stacked titles: "Deputy Secretary of State". */
      size_t j = i + n - 1, more;
      const char *v2 = NULL;
      while (j + 1 < p->tok_end && d->toks[j + 1].kind == MTAI_TOK_WORD &&
             (d->toks[j + 1].flags & MTAI_TF_SPACE_BEFORE) &&
             (more = mtai_pairs_match_pre(&s->pre, &s->map, s->maxtok, d, j + 1,
                                          p->tok_end, &v2)) > 0) {
        j += more;
        val = v2;
      }
      size_t first = i;
      i = j;
      /* After a name-like word: a surname ("Stephen King"). */
      if (first > p->tok_first &&
          (d->toks[first].flags & MTAI_TF_SPACE_BEFORE) &&
          d->toks[first - 1].kind == MTAI_TOK_WORD &&
          (d->toks[first - 1].flags & MTAI_TF_UPPER) &&
          !mtai_plain_german(cx, d, first - 1))
        continue;
      if (mtai_tok_quoted(d, first) &&
          mtai_english_name_around(cx, d, p, first, j))
        continue;
      int before_name = S_name_at(cx, d, p, j + 1);
      int german_too = cx->speller && n == 1 && j == first &&
                       mtai_speller_known(cx->speller, d->text + t->start,
                                          t->end - t->start);
      const char *tab = strchr(val, '\t');
      int church_office = tab && !strcmp(tab + 1, "church");
      if (german_too || church_office) {
        if (church_office && church < 0)
          church = S_church(d);
        if (!before_name || (church_office && church == 1))
          continue;
      } else if (!before_name && !S_after_article(cx, d, p, first)) {
        continue;
      }
      /* "Justice Department", "King of Pop": an English name goes on. */
      if (!before_name && j + 1 < p->tok_end &&
          (S_cap_word(d, p, j + 1) ||
           mtai_strset_has(&cx->lists->func, d->text + d->toks[j + 1].start,
                           mtai_tok_len(d, j + 1))))
        continue;
      size_t a = t->start, b = d->toks[j].end;
      int abbrev = memchr(d->text + a, '.', b - a) != NULL;
      char sug[96];
      size_t vn = tab ? (size_t)(tab - val) : strlen(val);
      if (vn >= sizeof sug)
        vn = sizeof sug - 1;
      memcpy(sug, val, vn);
      sug[vn] = '\0';
      st = mtai_finding_add(out, &S_rules[0],
                            abbrev ? MTA_SEV_MAJOR : S_rules[0].severity, a, b,
                            sug, "English title '%.*s'; German writes '%s'",
                            (int)(b - a), d->text + a, sug);
    }
  }
  return st;
}

const struct mta_check mtai_check_title = {
    "title", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,  S_run,   mtai_pairs_free};
