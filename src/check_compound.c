/*
 * compound/split: two nouns written apart that German writes as one word
 * ("seinen Waffen Programme" -> "Waffenprogramme", "Sicherheit Politik"
 * -> "Sicherheitspolitik"). Both words must be nouns of the lexicon, not
 * names. Three kinds of evidence, from strong to guarded:
 *
 *   1. The joined form -- directly, or with a linking -s-, -n- or -en- --
 *      is a noun of the lexicon itself (the Ding dictionary lists
 *      established compounds).
 *   2. The first word is a compound modifier that is no word on its own
 *      ("Sicherheits Garantien", "Verteidigungs Ausgaben": a noun with its
 *      linking -s-, -es-, -n- or -en-, unknown to Hunspell), and Hunspell
 *      accepts the joined form.
 *   3. Hunspell's compounding alone accepts the joined form. It accepts
 *      nonsense too ("Milliardeneuro", "Regierungschaos" of "wirft der
 *      Regierung Chaos vor"), so a guard must show that the two nouns are
 *      one noun phrase: the head (second noun) decides the gender of a
 *      compound, so the article or determiner before them (with its
 *      adjectives) agrees with the second noun in gender and number but
 *      cannot agree with the first ("die Strom Preise", "für den Klima
 *      Schutz", "ein neues Handel Abkommen"); or the pair fills the
 *      prefield of a main clause alone, between a sentence-initial article
 *      and the finite verb ("Die Regierung Sprecher wollte ..."), where two
 *      noun phrases cannot stand. Measured on correct German (docs/DESIGN.md):
 *      a determiner that agrees with both nouns ("der Kommission Briefe
 *      schicken", "da diese Filter Nebeneffekte haben") is a double object
 *      or subject and object as often as a split compound, and is left
 *      alone.
 *
 * Not reported: a name as either word, a second word that starts a name
 * (followed by another capitalized word), a pair across punctuation, a
 * measure, number or classifier noun first ("Milliarden Euro", "eine Art
 * Mythos", "sieben Jahre Haft"), a number before the pair, a month or
 * weekday second ("Anfang Juni"), and a complete dative plural phrase
 * before the second noun ("mit bloßen Augen Sterne sehen").
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "compound/split",
     .category = MTAI_CAT_COMPOUND,
     .replaces = 1,
     .severity = MTA_SEV_MAJOR,
     .summary = N_("a compound written as two words (\"Waffen Programme\")"),
     .explanation = N_(
         "Two nouns written apart that German writes as one word ('Sicherheit "
         "Politik' for 'Sicherheitspolitik'), with a linking -s-, -n- or -en- "
         "where needed. English writes such compounds as separate words and "
         "machine translation sometimes keeps them apart. Reported when the "
         "dictionary lists the compound, when the first word is a modifier "
         "that is no word alone ('Sicherheits Garantien'), or when the "
         "article agrees with the second noun, which decides the gender of a "
         "compound, but not with the first ('die Strom Preise', 'für den "
         "Klima Schutz'). Names, appositions ('die Stadt Berlin'), measures "
         "('zwei Milliarden Euro', 'eine Art Mythos'), double objects ('wirft "
         "der Regierung Chaos vor') and pairs across punctuation are not "
         "reported; write the suggested compound."),
     .wrong = "Die Regierung plant eine neue Sicherheit Politik für Europa.",
     .right = "Die Regierung plant eine neue Sicherheitspolitik für Europa."},
};

/* (Name and classes through the token table: once per distinct word;
 * "known?" without the full verdict, mtai_speller_known().) */
static int S_noun(const struct mtai_check_ctx *s, struct mtai_doc *d,
                  size_t i) {
  const struct mtai_token *t = &d->toks[i];
  if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
      (t->flags & (MTAI_TF_ALLCAPS | MTAI_TF_HYPHEN)))
    return 0;
  const char *w = d->text + t->start;
  size_t n = t->end - t->start;
  if (mtai_tok_is_name(s->speller, d, i) ||
      !mtai_speller_known(s->speller, w, n))
    return 0;
  unsigned c = mtai_tok_classes(s->lexicon, d, i, 0);
  /* An inflected form the lexicon lacks: "Lieferungen" of "Lieferung". */
  return (c & MTAI_LEX_NOUN) ||
         (!c && mtai_lexicon_noun_form(s->lexicon, w, n));
}

/* 1 when noun 'i' ends a complete dative plural phrase without article:
 * preposition, adjective in -en, plural noun in -n ("mit bloßen Augen",
 * "mit offenen Armen"); the next noun starts a new phrase ("mit bloßen
 * Augen Sterne sehen"). */
static int S_dative_plural(const struct mtai_check_ctx *s, struct mtai_doc *d,
                           const struct mtai_sentence *sn, size_t i) {
  if (i < sn->tok_first + 2 || d->text[d->toks[i].end - 1] != 'n')
    return 0;
  const struct mtai_token *adj = &d->toks[i - 1];
  size_t an = adj->end - adj->start;
  if (adj->kind != MTAI_TOK_WORD || (adj->flags & MTAI_TF_UPPER) || an < 4 ||
      memcmp(d->text + adj->end - 2, "en", 2) ||
      !(mtai_tok_classes(s->lexicon, d, i - 1, 0) & MTAI_LEX_ADJ) ||
      d->toks[i - 2].kind != MTAI_TOK_WORD)
    return 0;
  unsigned pc = mtai_tok_classes(s->lexicon, d, i - 2, 1);
  return (pc & MTAI_LEX_PREP) && !(pc & MTAI_LEX_DET);
}

/* Gender and number bits of a noun form: its readings' genders
 * (mtai_lexicon_noun_data(): bit case * 4 + gender), whatever the case. */
#define MTAI_GEN_M 0x1u
#define MTAI_GEN_F 0x2u
#define MTAI_GEN_N 0x4u
#define MTAI_GEN_PL 0x8u

static unsigned S_lex_gender(const struct mtai_lexicon *lx, const char *w,
                             size_t n) {
  unsigned long r = mtai_lexicon_noun_data(lx, w, n);
  return (unsigned)((r | r >> 4 | r >> 8 | r >> 12) & 0xF);
}

/* Gender and number bits (MTAI_GEN_*) an article or determiner may go
 * with, whatever the case; 0 for other words. Fused prepositions count
 * as their article ("im" = in dem). */
static unsigned S_det_gender(const char *w, size_t n) {
  static const struct {
    const char *w;
    unsigned g;
  } fixed[] = {
      {"der", MTAI_GEN_M | MTAI_GEN_F | MTAI_GEN_PL},
      {"die", MTAI_GEN_F | MTAI_GEN_PL},
      {"das", MTAI_GEN_N},
      {"den", MTAI_GEN_M | MTAI_GEN_PL},
      {"dem", MTAI_GEN_M | MTAI_GEN_N},
      {"des", MTAI_GEN_M | MTAI_GEN_N},
      {"ein", MTAI_GEN_M | MTAI_GEN_N},
      {"eine", MTAI_GEN_F},
      {"einen", MTAI_GEN_M},
      {"einem", MTAI_GEN_M | MTAI_GEN_N},
      {"einer", MTAI_GEN_F},
      {"eines", MTAI_GEN_M | MTAI_GEN_N},
      {"im", MTAI_GEN_M | MTAI_GEN_N},
      {"am", MTAI_GEN_M | MTAI_GEN_N},
      {"zum", MTAI_GEN_M | MTAI_GEN_N},
      {"vom", MTAI_GEN_M | MTAI_GEN_N},
      {"beim", MTAI_GEN_M | MTAI_GEN_N},
      {"zur", MTAI_GEN_F},
      {"ins", MTAI_GEN_N},
      {"ans", MTAI_GEN_N},
      {"aufs", MTAI_GEN_N},
  };
  char low[16];
  if (n < 2 || n >= sizeof low)
    return 0;
  for (size_t k = 0; k < n; k++)
    low[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
  for (size_t k = 0; k < sizeof fixed / sizeof fixed[0]; k++)
    if (strlen(fixed[k].w) == n && !memcmp(fixed[k].w, low, n))
      return fixed[k].g;
  /* Possessives and kein (like ein, with a plural), der-words (dieser,
   * jener, jeder, mancher, welcher, solcher): stem + ending. */
  static const char *const poss[] = {"kein", "mein",  "dein", "sein",
                                     "ihr",  "unser", "euer", "eur"};
  static const char *const derw[] = {"dies",  "jen",   "jed",
                                     "manch", "welch", "solch"};
  for (size_t k = 0;
       k < sizeof poss / sizeof poss[0] + sizeof derw / sizeof derw[0]; k++) {
    int der = k >= sizeof poss / sizeof poss[0];
    const char *st = der ? derw[k - sizeof poss / sizeof poss[0]] : poss[k];
    size_t sl = strlen(st);
    if (n < sl || memcmp(low, st, sl))
      continue;
    const char *e = low + sl;
    size_t el = n - sl;
    if (el == 0)
      return der || !strcmp(st, "eur") ? 0 : MTAI_GEN_M | MTAI_GEN_N;
    if (el == 1 && e[0] == 'e')
      return MTAI_GEN_F | MTAI_GEN_PL;
    if (el != 2 || e[0] != 'e')
      continue;
    switch (e[1]) {
    case 'n':
      return MTAI_GEN_M | MTAI_GEN_PL;
    case 'm':
      return MTAI_GEN_M | MTAI_GEN_N;
    case 'r':
      return MTAI_GEN_M * der | MTAI_GEN_F | MTAI_GEN_PL;
    case 's':
      return MTAI_GEN_M | MTAI_GEN_N;
    }
  }
  return 0;
}

/* Gender and number of noun w[0..n) (MTAI_GEN_*): as the lexicon lists
 * it; an inflected form by its stem (a plural in -n, -en, -e, -er, -ern;
 * a genitive in -s, -es); a compound by its head, the longest tail the
 * lexicon knows ("Waffenprogramme" as "Programme"). 0 when unknown. */
static unsigned S_gender(const struct mtai_lexicon *lx, const char *w,
                         size_t n) {
  unsigned g = S_lex_gender(lx, w, n);
  if (g)
    return g;
  static const char *const ends[] = {"n", "en", "e", "er", "ern", "s", "es"};
  for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
    size_t el = strlen(ends[k]);
    if (n <= el + 2 || memcmp(w + n - el, ends[k], el))
      continue;
    unsigned sg = S_lex_gender(lx, w, n - el);
    if (!sg)
      continue;
    g |= ends[k][0] == 's' || (ends[k][0] == 'e' && ends[k][1] == 's')
             ? sg & ~MTAI_GEN_PL
             : MTAI_GEN_PL;
  }
  if (g)
    return g;
  /* The head of a compound: a tail of at least four letters whose first
   * letter, capitalized, starts a noun of the lexicon. */
  char cap[128];
  for (size_t k = 1; k + 4 <= n && !g; k++) {
    unsigned char c = (unsigned char)w[k];
    if ((c & 0xC0) == 0x80 || n - k + 1 >= sizeof cap)
      continue;
    size_t m = n - k;
    memcpy(cap, w + k, m);
    if (c >= 'a' && c <= 'z')
      cap[0] = (char)(c - 32);
    else if (c == 0xC3 && m > 1 &&
             ((unsigned char)cap[1] == 0xA4 || (unsigned char)cap[1] == 0xB6 ||
              (unsigned char)cap[1] == 0xBC))
      cap[1] = (char)((unsigned char)cap[1] - 0x20); /* ä ö ü -> Ä Ö Ü */
    else
      continue;
    g = S_lex_gender(lx, cap, m);
    if (!g)
      for (size_t e = 0; e < sizeof ends / sizeof ends[0] && !g; e++) {
        size_t el = strlen(ends[e]);
        if (m > el + 3 && !memcmp(cap + m - el, ends[e], el) &&
            S_lex_gender(lx, cap, m - el))
          g = ends[e][0] == 's' || !strcmp(ends[e], "es")
                  ? S_lex_gender(lx, cap, m - el) & ~MTAI_GEN_PL
                  : MTAI_GEN_PL;
      }
  }
  return g;
}

/* 1 for a measure, number or classifier noun, after which a noun is no
 * compound head but what is measured ("Milliarden Euro", "eine Art
 * Mythos", "sieben Jahre Haft", "eine Reihe Probleme"). */
static int S_measure(const char *w, size_t n) {
  static const char *const m[] = {
      "Million",   "Millionen", "Milliarde", "Milliarden", "Billion",
      "Billionen", "Tausend",   "Tausende",  "Hundert",    "Hunderte",
      "Dutzend",   "Dutzende",  "Art",       "Sorte",      "Reihe",
      "Menge",     "Anzahl",    "Zahl",      "Gruppe",     "Paar",
      "Handvoll",  "Stück",     "Prozent",   "Liter",      "Tonne",
      "Tonnen",    "Kilo",      "Kilogramm", "Gramm",      "Meter",
      "Kilometer", "Euro",      "Dollar",    "Jahr",       "Jahre",
      "Jahren",    "Monat",     "Monate",    "Tag",        "Tage",
      "Woche",     "Wochen",    "Stunde",    "Stunden",    "Minute",
      "Minuten",   "Mal",       "Glas",      "Tasse",      "Flasche",
      "Sack",      "Kiste",     "Teil",      "Hälfte",     "Drittel",
      "Viertel",   "Ende",      "Anfang",    "Mitte",      "Masse",
      "Streifen",  "Ladung",    "Welle",     "Flut",       "Serie",
      "Stapel",    "Haufen",    "Portion",   NULL};
  for (size_t k = 0; m[k]; k++)
    if (strlen(m[k]) == n && !memcmp(m[k], w, n))
      return 1;
  return 0;
}

/* 1 when token 'i' is a number or a number word ("sieben", "zwei"). */
static int S_number(const struct mtai_doc *d, size_t i) {
  static const char *const num[] = {
      "zwei",    "drei",    "vier",    "fünf",    "sechs",   "sieben",
      "acht",    "neun",    "zehn",    "elf",     "zwölf",   "zwanzig",
      "dreißig", "vierzig", "fünfzig", "hundert", "tausend", "Zwei",
      "Drei",    "Vier",    "Fünf",    "Sechs",   "Sieben",  "Acht",
      "Neun",    "Zehn",    "Zwölf",   "Hundert", "Tausend", NULL};
  if (d->toks[i].kind == MTAI_TOK_NUMBER)
    return 1;
  for (size_t k = 0; num[k]; k++)
    if (mtai_tok_eq(d, i, num[k]))
      return 1;
  return 0;
}

/* The gender constraint of the determiner phrase before noun 'a' (its
 * article or determiner, and the lower-case adjectives between): bits
 * MTAI_GEN_*, 0 when no determiner stands there; '*det' is set to the
 * determiner's token. An uninflected ein-word leaves the gender to the
 * adjective: "ein neues" is neuter, "ein neuer" masculine. */
static unsigned S_det_phrase(const struct mtai_check_ctx *s, struct mtai_doc *d,
                             const struct mtai_sentence *sn, size_t a,
                             size_t *det) {
  size_t j = a, near_adj = 0;
  while (j-- > sn->tok_first) {
    const struct mtai_token *t = &d->toks[j];
    if (t->kind != MTAI_TOK_WORD)
      return 0;
    const char *w = d->text + t->start;
    size_t n = t->end - t->start;
    unsigned g = S_det_gender(w, n);
    if (g) {
      if ((t->flags & MTAI_TF_UPPER) && j != sn->tok_first)
        return 0;
      *det = j;
      if (near_adj && g == (MTAI_GEN_M | MTAI_GEN_N) && w[n - 1] != 'm' &&
          w[n - 1] != 's') {
        const struct mtai_token *at = &d->toks[near_adj];
        size_t an = at->end - at->start;
        const char *aw = d->text + at->start;
        if (an > 3 && !memcmp(aw + an - 2, "er", 2))
          g = MTAI_GEN_M;
        else if (an > 3 && !memcmp(aw + an - 2, "es", 2))
          g = MTAI_GEN_N;
      }
      return g;
    }
    unsigned c = mtai_tok_classes(s->lexicon, d, j, 0);
    if ((t->flags & MTAI_TF_UPPER) || !(c & MTAI_LEX_ADJ) ||
        (c & (MTAI_LEX_DET | MTAI_LEX_PREP | MTAI_LEX_PRON)))
      return 0;
    near_adj = j; /* walking back: ends as the one next to the article */
  }
  return 0;
}

/* Gender and number bits a sentence-initial determiner w[0..n) has in
 * the nominative ("der" masculine, "die" feminine or plural, "das" and
 * "dieses" neuter, "ein" masculine or neuter); 0 when it cannot be
 * nominative ("den", "dem", "einer"). */
static unsigned S_det_nominative(const char *w, size_t n) {
  static const char *const derw[] = {"dies",  "jen",   "jed",
                                     "manch", "welch", "solch"};
  unsigned g = S_det_gender(w, n);
  if (!g)
    return 0;
  char low[16];
  for (size_t k = 0; k < n; k++)
    low[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
  if (n == 3 && !memcmp(low, "der", 3))
    return MTAI_GEN_M;
  if (n == 3 && !memcmp(low, "das", 3))
    return MTAI_GEN_N;
  if (low[n - 1] == 'e') /* die, diese, eine, keine, meine */
    return g & (MTAI_GEN_F | MTAI_GEN_PL);
  int der = 0;
  for (size_t k = 0; k < sizeof derw / sizeof derw[0]; k++)
    der |= n == strlen(derw[k]) + 2 && !memcmp(low, derw[k], n - 2);
  if (der && low[n - 1] == 'r') /* dieser */
    return MTAI_GEN_M;
  if (der && low[n - 1] == 's') /* dieses */
    return MTAI_GEN_N;
  /* An uninflected ein-word: ein, kein, sein, unser, ihr. */
  if (!der && g == (MTAI_GEN_M | MTAI_GEN_N) && low[n - 1] != 'm' &&
      low[n - 1] != 's')
    return g;
  return 0;
}

/* 1 when determiner phrase gender 'dg' can go with noun w[0..n) of
 * gender 'g'. A determiner in -en (den, seinen) agrees with a plural
 * only in the dative, whose nouns end in -n or -s; "des", "eines" agree
 * only with a genitive in -s. */
static int S_agrees(unsigned dg, const struct mtai_doc *d, size_t det,
                    const char *w, size_t n, unsigned g) {
  const struct mtai_token *t = &d->toks[det];
  const char *dw = d->text + t->start;
  size_t dn = t->end - t->start;
  if (dn >= 3 && !memcmp(dw + dn - 2, "en", 2) && n && w[n - 1] != 'n' &&
      w[n - 1] != 's')
    dg &= ~MTAI_GEN_PL;
  if (((dn == 3 && !memcmp(dw + 1, "es", 2)) ||
       (dn >= 5 && !memcmp(dw + dn - 4, "ines", 4))) &&
      n && w[n - 1] != 's')
    dg = 0;
  return (dg & g) != 0;
}

/* Writes a[0..an) + link + lower-case b into 'out' (size 'sz'); returns
 * the length, 0 when it does not fit. */
static size_t S_join(char *out, size_t sz, const char *a, size_t an,
                     const char *link, const struct mta_buf *low) {
  size_t ll = strlen(link), bl = mtai_buf_len(low);
  if (an + ll + bl >= sz)
    return 0;
  memcpy(out, a, an);
  memcpy(out + an, link, ll);
  memcpy(out + an + ll, mtai_buf_str(low), bl);
  out[an + ll + bl] = '\0';
  return an + ll + bl;
}

/* 1 when capitalized token 'i' is a compound modifier that is no word on
 * its own: a noun of the lexicon plus a linking -s-, -es-, -n- or -en-
 * ("Sicherheits", "Verteidigungs"), unknown to Hunspell. */
static int S_modifier(const struct mtai_check_ctx *s, const struct mtai_doc *d,
                      size_t i) {
  const struct mtai_token *t = &d->toks[i];
  if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
      (t->flags & (MTAI_TF_ALLCAPS | MTAI_TF_HYPHEN)))
    return 0;
  const char *w = d->text + t->start;
  size_t n = t->end - t->start;
  enum mtai_spell v = mtai_speller_check(s->speller, w, n);
  if (v != MTAI_SPELL_UNKNOWN && v != MTAI_SPELL_COMPOUND)
    return 0;
  static const char *const links[] = {"s", "es", "n", "en"};
  for (size_t k = 0; k < sizeof links / sizeof links[0]; k++) {
    size_t ll = strlen(links[k]);
    if (n > ll + 3 && !memcmp(w + n - ll, links[k], ll) &&
        (mtai_lexicon_classes(s->lexicon, w, n - ll) & MTAI_LEX_NOUN) &&
        mtai_speller_known(s->speller, w, n - ll))
      return 1;
  }
  return 0;
}

/* The guard of Hunspell-only compounds (kind 3 above) for nouns a = i-1,
 * b = i: the determiner phrase before 'a' agrees with 'b' and cannot with
 * 'a', or a sentence-initial article and a finite verb after 'b' enclose
 * the pair. Returns the reason for the message, NULL when the guard
 * fails. */
static const char *S_guard(const struct mtai_check_ctx *s, struct mtai_doc *d,
                           const struct mtai_sentence *sn, size_t i) {
  const struct mtai_token *a = &d->toks[i - 1], *b = &d->toks[i];
  const char *aw = d->text + a->start, *bw = d->text + b->start;
  size_t an = a->end - a->start, bn = b->end - b->start;
  size_t det = 0;
  unsigned dg = S_det_phrase(s, d, sn, i - 1, &det);
  if (!dg)
    return NULL;
  unsigned ga = S_gender(s->lexicon, aw, an), gb = S_gender(s->lexicon, bw, bn);
  if (!ga || !gb || !S_agrees(dg, d, det, bw, bn, gb))
    return NULL;
  if (!S_agrees(dg, d, det, aw, an, ga))
    return N_(" (the article agrees with the second noun only)");
  /* The prefield: "Die Regierung Sprecher wollte ...". The verb must be
   * finite and no infinitive ("der Haut Feuchtigkeit entziehen"); the
   * first noun no title or apposition head ("Der Herr Doktor ist"). */
  if (det != sn->tok_first || det + 1 != i - 1 || i + 1 >= sn->tok_end ||
      mtai_strset_has(&s->lists->titles, aw, an))
    return NULL;
  /* As the subject: the article agrees with the second noun in the
   * nominative and not with the first ("Der Regierung Sprecher"; not
   * the apposition "Das Argument Programm sollte"). */
  unsigned nom =
      S_det_nominative(d->text + d->toks[det].start, mtai_tok_len(d, det));
  if (!(nom & gb) || (nom & ga))
    return NULL;
  unsigned vc = mtai_tok_classes(s->lexicon, d, i + 1, 0);
  if (d->toks[i + 1].kind != MTAI_TOK_WORD ||
      (d->toks[i + 1].flags & MTAI_TF_UPPER) ||
      !(vc & (MTAI_LEX_FINITE | MTAI_LEX_AUX)) || (vc & MTAI_LEX_INF) ||
      (vc & (MTAI_LEX_ADJ | MTAI_LEX_PREP | MTAI_LEX_NOUN)))
    return NULL;
  return N_(" (the two nouns stand alone before the verb)");
}

/* 1 when the first noun 'i-1' heads a phrase of its own and noun 'i'
 * starts the next: the article before it agrees with it and not with
 * the singular noun 'i', or with both in the subject's place. */
static int S_heads_first(const struct mtai_check_ctx *s, struct mtai_doc *d,
                         const struct mtai_sentence *sn, size_t i) {
  const struct mtai_token *a = &d->toks[i - 1], *b = &d->toks[i];
  const char *aw = d->text + a->start, *bw = d->text + b->start;
  size_t an = a->end - a->start, bn = b->end - b->start;
  size_t det = 0;
  unsigned dg = S_det_phrase(s, d, sn, i - 1, &det);
  unsigned ga = S_gender(s->lexicon, aw, an), gb = S_gender(s->lexicon, bw, bn);
  if (!dg || !ga || !gb || !S_agrees(dg, d, det, aw, an, ga))
    return 0;
  if (!S_agrees(dg, d, det, bw, bn, gb))
    return !(gb & MTAI_GEN_PL);
  /* The article fits both in the subject's place, where an object may
   * follow: right after a subordinating conjunction ("ob die Bahn Preise
   * erhöhen wird"), or after the finite verb of a main clause that
   * opens with an adverbial ("Im Jahr 2023 hatten die Unternehmen
   * Gewinne"; not "Die Regierung will die Verteidigung Ausgaben"). */
  if (det == sn->tok_first || d->toks[det - 1].kind != MTAI_TOK_WORD ||
      (d->toks[det - 1].flags & MTAI_TF_UPPER))
    return 0;
  unsigned pc = mtai_tok_classes(s->lexicon, d, det - 1, 0);
  /* A conjunction that is a preposition too ("bis", "während") is one
   * here when the article is a nominative of both nouns. */
  unsigned nom =
      S_det_nominative(d->text + d->toks[det].start, mtai_tok_len(d, det));
  if ((pc & MTAI_LEX_CONJ_SUB) &&
      (!(pc & MTAI_LEX_PREP) || ((nom & ga) && (nom & gb))))
    return 1;
  if (!(pc & (MTAI_LEX_FINITE | MTAI_LEX_AUX)) || (pc & MTAI_LEX_PREP))
    return 0;
  unsigned fc = mtai_tok_classes(s->lexicon, d, sn->tok_first, 1);
  return (fc & (MTAI_LEX_PREP | MTAI_LEX_ADV | MTAI_LEX_ADV_CONJ)) &&
         !(fc & (MTAI_LEX_DET | MTAI_LEX_PRON));
}

/* Per word of the token table: 1 + S_noun() of it, 0 until asked (each
 * token is asked twice, as the second and as the first of a pair, and
 * the same words recur in every document). */
struct S_state {
  struct mtai_tokmemo noun;
};

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  (void)cx;
  *out = calloc(1, sizeof(struct S_state));
  return *out ? MTA_OK : MTA_ERR_NOMEM;
}

static void S_destroy(void *state) {
  struct S_state *st = state;
  if (st)
    mtai_tokmemo_free(&st->noun);
  free(st);
}

/* S_noun() of token 'i', once per distinct word when 'memo' is set. */
static int S_noun_once(const struct mtai_check_ctx *s, struct mtai_doc *d,
                       size_t i, uint32_t *memo) {
  uint32_t *m = memo && d->tid[i] ? &memo[d->tid[i]] : NULL;
  if (m && *m)
    return (int)*m - 1;
  int v = S_noun(s, d, i);
  if (m)
    *m = (uint32_t)v + 1;
  return v;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  const struct mtai_check_ctx *s = cx;
  struct S_state *cs = state;
  struct mtai_doc *d = r->doc;
  if (!s->speller || !s->lexicon)
    return MTA_OK;
  uint32_t *memo = cs ? mtai_tokmemo_get(&cs->noun, d) : NULL;
  for (size_t si = 0; si < d->nsent; si++) {
    const struct mtai_sentence *sn = &d->sents[si];
    if (d->paras[sn->para].kind == MTAI_PARA_BOILERPLATE)
      continue; /* site chrome: not translated prose */
    for (size_t i = sn->tok_first + 1; i < sn->tok_end; i++) {
      const struct mtai_token *a = &d->toks[i - 1], *b = &d->toks[i];
      if (!(b->flags & MTAI_TF_SPACE_BEFORE) || !S_noun_once(s, d, i, memo))
        continue;
      int modifier = 0;
      if (!S_noun_once(s, d, i - 1, memo) &&
          !(modifier = S_modifier(s, d, i - 1)))
        continue;
      if (i + 1 < sn->tok_end && d->toks[i + 1].kind == MTAI_TOK_WORD &&
          (d->toks[i + 1].flags & MTAI_TF_UPPER))
        continue;
      if (S_dative_plural(s, d, sn, i - 1))
        continue;
      const char *aw = d->text + a->start;
      size_t an = a->end - a->start;
      /* Measures, numbers, classifiers and dates are no compounds. */
      if (S_measure(aw, an) || (i - 1 > sn->tok_first && S_number(d, i - 2)) ||
          mtai_strset_has(&s->lists->months, d->text + b->start,
                          b->end - b->start))
        continue;
      /* The article agrees with the first noun and not with a singular
       * second one, which then stands alone ("einem Befehl Folge
       * leisten"): no compound, even one the dictionary lists. */
      if (!modifier && S_heads_first(s, d, sn, i))
        continue;
      struct mta_buf low;
      mtai_buf_init(&low, 256);
      if (mtai_utf8_lower(d->text + b->start, b->end - b->start, &low)) {
        mtai_buf_free(&low);
        continue;
      }
      static const char *const links[] = {"", "s", "n", "en"};
      char joined[256];
      size_t jn = 0;
      const char *why = NULL;
      /* 1. In the lexicon as a noun of its own. */
      for (size_t k = 0; k < 4 && !why; k++)
        if ((jn = S_join(joined, sizeof joined, aw, an, links[k], &low)) &&
            mtai_lexicon_noun_form(s->lexicon, joined, jn))
          why = "";
      /* 2. and 3. Hunspell's compounding, guarded. */
      for (size_t k = 0; k < 4 && !why; k++) {
        if (modifier && k)
          break; /* the modifier has its link already */
        if (!(jn = S_join(joined, sizeof joined, aw, an, links[k], &low)) ||
            !mtai_speller_known(s->speller, joined, jn))
          continue;
        why = modifier ? N_(" (the first part is no word alone)")
                       : S_guard(s, d, sn, i);
      }
      mtai_buf_free(&low);
      if (!why)
        continue;
      mta_status st = mtai_finding_add(
          r, &S_rules[0], S_rules[0].severity, a->start, b->end, joined,
          "'%.*s' is one word in German: '%s'%s", (int)(b->end - a->start),
          d->text + a->start, joined, why[0] ? _(why) : "");
      if (st)
        return st;
    }
  }
  return MTA_OK;
}

const struct mta_check mtai_check_compound = {
    "compound", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,     S_run,   S_destroy};
