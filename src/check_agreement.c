/*
 * grammar/agreement: a noun phrase whose determiner, adjectives and noun
 * do not agree in gender, number and case ("die neue Vertrag", "den alten
 * Häuser", "einer großen Schaden", "dem Präsident").
 *
 * Every word gets the set of readings it can stand in, one bit per case
 * (nominative, genitive, dative, accusative) and gender or number
 * (masculine, feminine, neuter, plural):
 *  - the determiner from its form (articles, dieser/jener/jeder/mancher/
 *    welcher/solcher, kein and the possessives, the contractions "im",
 *    "zur", "ins", ...), with the declension it asks of an adjective:
 *    strong after an uninflected "ein", "kein", "mein" (nominative
 *    masculine, nominative/accusative neuter), weak otherwise;
 *  - each adjective from its ending (-e, -en, -em, -er, -es after a stem
 *    the lexicon knows as an adjective or participle), kept only for the
 *    readings whose declension asks for that ending;
 *  - the noun from the lexicon (tools/mklexicon.c: Ding's genders and
 *    plurals, weak masculines from Hunspell's flags) with the inflected
 *    forms derived from it (genitive -s/-es, dative plural -n, the -n/-en
 *    of weak masculines); a compound by its last part (Hunspell must
 *    know the whole word); a nominalized infinitive as a neuter.
 * A noun declined like an adjective ("der Abgeordnete", "die Deutschen":
 * Hunspell's -e/NR nouns, participles, unlisted adjective forms) gets
 * every reading and its ending is judged as an adjective's.
 * Reported only when no reading is common to all words: every reading of
 * every word disagrees. Not judged (precision first): names, unknown words,
 * a noun followed by another capitalized word (a name, a title, a split
 * compound), a capitalized determiner inside a sentence (a title: "Die
 * Zeit"), "der/die/das" after a comma or a preposition after a comma (a
 * relative pronoun: "das Haus, in dem Kinder spielen"), after a form of
 * sein/werden (a demonstrative: "Ist das Kunst?"), uninflected "ihr"
 * and "sein" (pronoun and verb: "gab ihr Bücher"), and any phrase with a
 * word in between that is not an inflected adjective ("die zwei Länder",
 * "ein paar Tage").
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "grammar/agreement",
     .category = MTAI_CAT_GRAMMAR,
     .severity = MTA_SEV_MINOR,
     .summary = N_("article, adjective and noun do not agree (\"die neue "
                   "Vertrag\")"),
     .explanation = N_(
         "A determiner (article, possessive, demonstrative, kein), its "
         "adjectives and its noun must agree in gender, number and case; "
         "reported when no reading fits all of them: a wrong article gender "
         "('die Vertrag'), a wrong adjective ending ('ein neue Vertrag'), a "
         "plural noun with a singular article ('das Häuser'), a dative "
         "plural without -n ('den alten Häuser') or a weak masculine without "
         "-en ('dem Präsident'). Machine translation picks the article of "
         "another noun or of the English word order. Nouns declined like "
         "adjectives are judged by their ending ('dem Abgeordnete'); names, "
         "unknown words and relative pronouns are not judged. Minor, as MQM "
         "raters grade most grammar errors; fix the article or the ending."),
     .wrong = "Der Minister unterzeichnete gestern die neue Vertrag.",
     .right = "Der Minister unterzeichnete gestern den neuen Vertrag."},
};

/* Readings: bit case * 4 + gender. */
enum { C_NOM, C_GEN, C_DAT, C_ACC };
enum { G_M, G_F, G_N, G_PL };
#define R(c, g) (1u << ((c)*4 + (g)))
#define R_ALL_SG(g) (R(C_NOM, g) | R(C_GEN, g) | R(C_DAT, g) | R(C_ACC, g))
#define R_OBL(g) (R(C_GEN, g) | R(C_DAT, g) | R(C_ACC, g))
#define R_ANY 0xFFFFu

/* Adjective endings, a mask. */
enum { E_E = 1, E_EN = 2, E_EM = 4, E_ER = 8, E_ES = 16 };

/* The ending an adjective takes in reading r (bit index), weak or
 * strong declension. */
static unsigned S_ending(unsigned r, int strong) {
  unsigned c = r / 4, g = r % 4;
  if (!strong) {
    if (g != G_PL && (c == C_NOM || (c == C_ACC && g != G_M)))
      return E_E;
    return E_EN;
  }
  static const unsigned tab[4][4] = {
      /* m     f     n     pl */
      {E_ER, E_E, E_ES, E_E},   /* nom */
      {E_EN, E_ER, E_EN, E_ER}, /* gen */
      {E_EM, E_ER, E_EM, E_EN}, /* dat */
      {E_EN, E_E, E_ES, E_E},   /* acc */
  };
  return tab[c][g];
}

/* A determiner: its readings, and those of them after which an adjective
 * declines strongly (an uninflected "ein", "kein", "mein"). */
struct det {
  unsigned rd, strong;
  int relative; /* der/die/das/..., welch-: may be a relative pronoun */
  int need_adj; /* uninflected "sein": the verb too, read only before an
                   inflected adjective ("sein gesamte Sparte") */
};

/* The readings of the inflection ending 'end' of a dieser-type or
 * ein-type determiner (the same for both). */
static unsigned S_det_end(const char *end) {
  if (!strcmp(end, "e"))
    return R(C_NOM, G_F) | R(C_ACC, G_F) | R(C_NOM, G_PL) | R(C_ACC, G_PL);
  if (!strcmp(end, "en") || !strcmp(end, "n"))
    return R(C_ACC, G_M) | R(C_DAT, G_PL);
  if (!strcmp(end, "em") || !strcmp(end, "m"))
    return R(C_DAT, G_M) | R(C_DAT, G_N);
  if (!strcmp(end, "er") || !strcmp(end, "r"))
    return R(C_GEN, G_F) | R(C_DAT, G_F) | R(C_GEN, G_PL);
  if (!strcmp(end, "es") || !strcmp(end, "s"))
    return R(C_GEN, G_M) | R(C_GEN, G_N);
  return 0;
}

/* Reads lower-case word w as a determiner; 0 when it is none. */
static int S_det(const char *w, struct det *out) {
  static const struct {
    const char *w;
    unsigned rd;
  } fixed[] = {
      {"der", R(C_NOM, G_M) | R(C_GEN, G_F) | R(C_DAT, G_F) | R(C_GEN, G_PL)},
      {"die", R(C_NOM, G_F) | R(C_ACC, G_F) | R(C_NOM, G_PL) | R(C_ACC, G_PL)},
      {"das", R(C_NOM, G_N) | R(C_ACC, G_N)},
      {"des", R(C_GEN, G_M) | R(C_GEN, G_N)},
      {"dem", R(C_DAT, G_M) | R(C_DAT, G_N)},
      {"den", R(C_ACC, G_M) | R(C_DAT, G_PL)},
      {"im", R(C_DAT, G_M) | R(C_DAT, G_N)},
      {"am", R(C_DAT, G_M) | R(C_DAT, G_N)},
      {"vom", R(C_DAT, G_M) | R(C_DAT, G_N)},
      {"beim", R(C_DAT, G_M) | R(C_DAT, G_N)},
      {"zum", R(C_DAT, G_M) | R(C_DAT, G_N)},
      {"zur", R(C_DAT, G_F)},
      {"ins", R(C_ACC, G_N)},
      {"ans", R(C_ACC, G_N)},
      {"aufs", R(C_ACC, G_N)},
      {"durchs", R(C_ACC, G_N)},
      {"fürs", R(C_ACC, G_N)},
      {"ums", R(C_ACC, G_N)},
  };
  memset(out, 0, sizeof *out);
  /* (The first letters before the string compares: S_phrase() asks about
   * every lower-case word.) */
  for (size_t k = 0; k < sizeof fixed / sizeof fixed[0]; k++)
    if (w[0] == fixed[k].w[0] && !strcmp(w, fixed[k].w)) {
      out->rd = fixed[k].rd;
      out->relative = k < 6;
      return 1;
    }
  /* dieser-type: stem + ending, weak adjectives after it; "dieses" is
   * nominative/accusative neuter too. */
  static const char *const dstems[] = {"dies",  "jen",   "jed",
                                       "manch", "welch", "solch"};
  for (size_t k = 0; k < sizeof dstems / sizeof dstems[0]; k++) {
    if (w[0] != dstems[k][0])
      continue;
    size_t sl = strlen(dstems[k]);
    if (strncmp(w, dstems[k], sl) || !w[sl] || strlen(w + sl) > 2 ||
        w[sl] != 'e')
      continue;
    out->rd = S_det_end(w + sl);
    if (!strcmp(w + sl, "es"))
      out->rd |= R(C_NOM, G_N) | R(C_ACC, G_N);
    if (!strcmp(w + sl, "er"))
      out->rd |= R(C_NOM, G_M);
    out->relative = !strcmp(dstems[k], "welch");
    return out->rd != 0;
  }
  /* ein-type: uninflected (nominative masculine, nominative/accusative
   * neuter, strong adjectives after it) or stem + ending. "ihr" and
   * "sein" uninflected are pronoun and verb too: not read. */
  static const char *const estems[] = {"ein", "kein",  "mein", "dein", "sein",
                                       "ihr", "unser", "unsr", "eur"};
  for (size_t k = 0; k < sizeof estems / sizeof estems[0]; k++) {
    if (w[0] != estems[k][0])
      continue;
    size_t sl = strlen(estems[k]);
    if (strncmp(w, estems[k], sl))
      continue;
    const char *end = w + sl;
    unsigned rd;
    if (!*end) {
      if (!strcmp(w, "ihr") || !strcmp(w, "unsr") || !strcmp(w, "eur"))
        return 0;
      out->need_adj = !strcmp(w, "sein");
      rd = R(C_NOM, G_M) | R(C_NOM, G_N) | R(C_ACC, G_N);
      out->strong = rd;
    } else if (!strcmp(w, "euer")) {
      rd = R(C_NOM, G_M) | R(C_NOM, G_N) | R(C_ACC, G_N);
      out->strong = rd;
    } else {
      /* "unsern", "unserm", "unsrer" drop the e of the ending. */
      if (end[0] != 'e' && strcmp(estems[k], "unser"))
        continue;
      if (strlen(end) > 2)
        continue;
      rd = S_det_end(end);
    }
    if (!strcmp(estems[k], "ein"))
      rd &=
          ~(R(C_NOM, G_PL) | R(C_GEN, G_PL) | R(C_DAT, G_PL) | R(C_ACC, G_PL));
    out->rd = rd;
    return rd != 0;
  }
  return 0;
}

/* 1 when lexicon classes of s[0..n) say adjective or participle, or the
 * stem is a present participle (infinitive + d: "steigend"). */
static int S_adj_stem(struct mtai_lexicon *lx, const char *s, size_t n) {
  if (n < 2)
    return 0;
  unsigned c = mtai_lexicon_classes(lx, s, n);
  if (c & (MTAI_LEX_ADJ | MTAI_LEX_PARTICIPLE))
    return 1;
  /* Adjectives in -isch, a productive suffix the lexicon lacks many of
   * ("englisch", "ukrainisch"). */
  if (n >= 6 && !memcmp(s + n - 4, "isch", 4))
    return 1;
  /* Ordinals ("dritt-en", "zweit-e"). */
  static const char *const ord[] = {
      "erst",    "zweit", "dritt", "viert", "fünft", "sechst", "siebt",
      "siebent", "acht",  "neunt", "zehnt", "elft",  "zwölft", "letzt"};
  for (size_t k = 0; k < sizeof ord / sizeof ord[0]; k++)
    if (strlen(ord[k]) == n && !memcmp(s, ord[k], n))
      return 1;
  /* A comparative ("größer", "öfter") or superlative ("neuest",
   * "größt", "wichtigst"): the stem without -er, -est, -st, its last
   * umlaut undone, an adjective or adverb. */
  size_t cut = n > 4 && !memcmp(s + n - 2, "er", 2)    ? 2
               : n > 5 && !memcmp(s + n - 3, "est", 3) ? 3
               : n > 4 && !memcmp(s + n - 2, "st", 2)  ? 2
               : n > 3 && s[n - 1] == 't' && (unsigned char)s[n - 2] == 0x9F
                   ? 1 /* "größt" */
                   : 0;
  if (cut) {
    char buf[64];
    size_t k = n - cut;
    if (k < sizeof buf) {
      memcpy(buf, s, k);
      for (size_t i = k; i > 1; i--)
        if ((unsigned char)buf[i - 2] == 0xC3 &&
            ((unsigned char)buf[i - 1] == 0xA4 ||
             (unsigned char)buf[i - 1] == 0xB6 ||
             (unsigned char)buf[i - 1] == 0xBC)) {
          unsigned char u = (unsigned char)buf[i - 1];
          buf[i - 2] = u == 0xA4 ? 'a' : u == 0xB6 ? 'o' : 'u';
          memmove(buf + i - 1, buf + i, k - i);
          k--;
          break;
        }
      if (mtai_lexicon_classes(lx, buf, k) & (MTAI_LEX_ADJ | MTAI_LEX_ADV))
        return 1;
    }
  }
  if (n > 4 && !memcmp(s + n - 3, "end", 3) &&
      (mtai_lexicon_classes(lx, s, n - 1) & MTAI_LEX_INF))
    return 1;
  return 0;
}

/* The endings lower-case word w[0..n) can be read with as an inflected
 * adjective (E_* mask; 0: no inflected adjective); with 'e_stem', also
 * after a stem that is an adjective with a final e ("leis-en" of
 * "leise"). */
static unsigned S_adj(struct mtai_lexicon *lx, const char *w, size_t n,
                      int e_stem) {
  static const struct {
    const char *end;
    unsigned e;
  } ends[] = {
      {"en", E_EN}, {"em", E_EM}, {"er", E_ER}, {"es", E_ES}, {"e", E_E}};
  unsigned mask = 0;
  char buf[128];
  for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
    size_t el = strlen(ends[k].end);
    if (n <= el + 1 || n + 1 >= sizeof buf ||
        memcmp(w + n - el, ends[k].end, el))
      continue;
    size_t sn = n - el;
    memcpy(buf, w, sn);
    buf[sn] = 'e';
    /* The stem as an adjective, or with its final e ("leis-en" of
     * "leise"). */
    if (S_adj_stem(lx, w, sn) || (e_stem && S_adj_stem(lx, buf, sn + 1)))
      mask |= ends[k].e;
  }
  return mask;
}

/* 1 when capitalized word w[0..n) is a nominalized adjective or
 * participle ("Deutsche", "Abgeordneten", "Reisende", "Bestes"): its
 * lower-case form is an inflected adjective after a stem the lexicon
 * knows, with 'e_stem' also after a stem in -e ("best-es" of "beste":
 * not for a noun Ding lists with a gender, "Schaden" of "schade"). */
static unsigned S_adj_noun_mask(struct mtai_lexicon *lx, const char *w,
                                size_t n, int e_stem) {
  struct mta_buf low;
  mtai_buf_init(&low, 128);
  unsigned r = 0;
  if (!mtai_utf8_lower(w, n, &low))
    r = S_adj(lx, mtai_buf_str(&low), mtai_buf_len(&low), e_stem);
  mtai_buf_free(&low);
  return r;
}

/* The ending of capitalized w[0..n) as a declined participle (the stem
 * a past participle of the lexicon, or a present participle: infinitive
 * + d): "Abgeordnete", "Reisenden"; 0 when it is none. */
static unsigned S_participle_noun(struct mtai_lexicon *lx, const char *w,
                                  size_t n) {
  static const struct {
    const char *end;
    unsigned e;
  } ends[] = {{"en", E_EN}, {"em", E_EM}, {"es", E_ES}, {"e", E_E}};
  struct mta_buf low;
  mtai_buf_init(&low, 128);
  unsigned mask = 0;
  if (!mtai_utf8_lower(w, n, &low)) {
    const char *l = mtai_buf_str(&low);
    size_t ln = mtai_buf_len(&low);
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
      size_t el = strlen(ends[k].end);
      if (ln <= el + 4 || memcmp(l + ln - el, ends[k].end, el))
        continue;
      size_t sn = ln - el;
      if ((mtai_lexicon_classes(lx, l, sn) & MTAI_LEX_PARTICIPLE) ||
          (!memcmp(l + sn - 3, "end", 3) &&
           (mtai_lexicon_classes(lx, l, sn - 1) & MTAI_LEX_INF)))
        mask |= ends[k].e;
    }
  }
  mtai_buf_free(&low);
  return mask;
}

static int S_adj_noun(struct mtai_lexicon *lx, const char *w, size_t n,
                      int e_stem) {
  return S_adj_noun_mask(lx, w, n, e_stem) != 0;
}

/* The adjective ending of w[0..n) by its last letters alone (for the
 * nouns the table marks as declined like adjectives: "Beamter"). */
static unsigned S_ending_mask(const char *w, size_t n) {
  if (n > 3 && w[n - 2] == 'e') {
    char c = w[n - 1];
    return c == 'n'   ? E_EN
           : c == 'm' ? E_EM
           : c == 'r' ? E_ER
           : c == 's' ? E_ES
                      : 0;
  }
  return n > 2 && w[n - 1] == 'e' ? E_E : 0;
}

/* The number of vowel groups of w[0..n) (umlauts count as vowels). */
static int S_syllables(const char *w, size_t n) {
  int groups = 0, in = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)w[i];
    int v = (c && strchr("aeiouyAEIOUY", c)) ||
            (c == 0xC3 && i + 1 < n &&
             strchr("\xa4\xb6\xbc\x84\x96\x9c", w[i + 1]));
    if (v && !in)
      groups++;
    in = v;
    if (c == 0xC3)
      i++;
  }
  return groups;
}

/* The plural readings of w[0..n) as an umlaut plural of a noun of the
 * table (see S_noun_table()), 0 when it is none. */
static unsigned S_umlaut_plural(const struct mtai_lexicon *lx, const char *w,
                                size_t n) {
  static const struct {
    const char *end;
    unsigned rd;
  } ends[] = {
      {"ern", R(C_DAT, G_PL)},
      {"er", R(C_NOM, G_PL) | R(C_GEN, G_PL) | R(C_ACC, G_PL)},
      {"en", R(C_DAT, G_PL)},
      {"e", R(C_NOM, G_PL) | R(C_GEN, G_PL) | R(C_ACC, G_PL)},
  };
  char buf[128];
  if (n >= sizeof buf)
    return 0;
  size_t u = n;
  while (u > 1 && !((unsigned char)w[u - 2] == 0xC3 &&
                    ((unsigned char)w[u - 1] == 0xA4 ||
                     (unsigned char)w[u - 1] == 0xB6 ||
                     (unsigned char)w[u - 1] == 0xBC)))
    u--;
  if (u <= 1)
    return 0;
  /* w[u-2..u) is the last umlaut: a, o, u instead. */
  size_t k = 0;
  memcpy(buf, w, u - 2);
  k = u - 2;
  unsigned char c = (unsigned char)w[u - 1];
  buf[k++] = c == 0xA4 ? 'a' : c == 0xB6 ? 'o' : 'u';
  memcpy(buf + k, w + u, n - u);
  k += n - u;
  unsigned out = 0;
  for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++) {
    size_t el = strlen(ends[e].end);
    if (k <= el + 2 || memcmp(buf + k - el, ends[e].end, el))
      continue;
    if (mtai_lexicon_noun_data(lx, buf, k - el) & R_ANY)
      out |= ends[e].rd;
  }
  return out;
}

/* The readings of noun form w[0..n) from the table and the forms derived
 * from shorter ones; MTAI_NOUN_ADJ passed through; 0 when unknown. */
static unsigned long S_noun_table(struct mtai_lexicon *lx, const char *w,
                                  size_t n) {
  unsigned long rd = mtai_lexicon_noun_data(lx, w, n);
  unsigned long out = rd & (R_ANY | MTAI_NOUN_ADJ);
  static const struct {
    const char *end;
    unsigned long need;
    unsigned rd;
  } der[] = {
      {"s", MTAI_NOUN_L_SM, R(C_GEN, G_M)},
      {"s", MTAI_NOUN_L_SN, R(C_GEN, G_N)},
      {"es", MTAI_NOUN_L_SM, R(C_GEN, G_M)},
      {"es", MTAI_NOUN_L_SN, R(C_GEN, G_N)},
      {"e", MTAI_NOUN_L_SM, R(C_DAT, G_M)},
      {"e", MTAI_NOUN_L_SN, R(C_DAT, G_N)},
      {"n", MTAI_NOUN_L_PL, R(C_DAT, G_PL)},
      {"n", MTAI_NOUN_L_WM_N, R_OBL(G_M)},
      {"n", MTAI_NOUN_L_WN_N, R_OBL(G_N)},
      {"en", MTAI_NOUN_L_WM_EN, R_OBL(G_M)},
      {"en", MTAI_NOUN_L_WN_EN, R_OBL(G_N)},
      {"ns", MTAI_NOUN_L_WM_N, R(C_GEN, G_M)},
      {"ns", MTAI_NOUN_L_WN_N, R(C_GEN, G_N)},
      {"ens", MTAI_NOUN_L_WM_EN, R(C_GEN, G_M)},
      {"ens", MTAI_NOUN_L_WN_EN, R(C_GEN, G_N)},
      {"ses", MTAI_NOUN_L_SM, R(C_GEN, G_M)}, /* "Erzeugnisses" */
      {"ses", MTAI_NOUN_L_SN, R(C_GEN, G_N)},
      /* Plurals: a weak masculine's -n/-en form is its plural too. */
      {"n", MTAI_NOUN_L_WM_N | MTAI_NOUN_L_HN, R_ALL_SG(G_PL)},
      {"en", MTAI_NOUN_L_WM_EN | MTAI_NOUN_L_HEN, R_ALL_SG(G_PL)},
      {"e", MTAI_NOUN_L_HE, R(C_NOM, G_PL) | R(C_GEN, G_PL) | R(C_ACC, G_PL)},
      /* The commonest plural of strong masculines and neuters, where the
       * dictionaries miss it ("Skript/PST": die Skripte, den Skripten). */
      {"e", MTAI_NOUN_L_SM | MTAI_NOUN_L_SN,
       R(C_NOM, G_PL) | R(C_GEN, G_PL) | R(C_ACC, G_PL)},
      {"en", MTAI_NOUN_L_SM | MTAI_NOUN_L_SN, R(C_DAT, G_PL)},
      /* English plurals in -es ("Patches"). */
      {"es", MTAI_NOUN_L_SM | MTAI_NOUN_L_SN, R_ALL_SG(G_PL)},
      {"en", MTAI_NOUN_L_HE, R(C_DAT, G_PL)},
      {"nen", MTAI_NOUN_L_HEN, R_ALL_SG(G_PL)}, /* "Expertinnen" */
  };
  for (size_t k = 0; k < sizeof der / sizeof der[0]; k++) {
    size_t el = strlen(der[k].end);
    if (n <= el + 1 || memcmp(w + n - el, der[k].end, el))
      continue;
    /* "-es" and "-e" not after a stem in -e. */
    if ((!strcmp(der[k].end, "es") || !strcmp(der[k].end, "e")) &&
        w[n - el - 1] == 'e')
      continue;
    if (!strcmp(der[k].end, "nen") && (n < 6 || memcmp(w + n - 5, "in", 2)))
      continue;
    /* The old dative in -e lives on in set phrases of one-syllable
     * nouns ("im Jahre", "zu Hause", "im Laufe"): "Kollege" is no
     * dative of "Kolleg". */
    if (!strcmp(der[k].end, "e") &&
        (der[k].rd == R(C_DAT, G_M) || der[k].rd == R(C_DAT, G_N)) &&
        S_syllables(w, n - el) != 1)
      continue;
    if (!strcmp(der[k].end, "es") && der[k].rd == R_ALL_SG(G_PL) &&
        !(n > el + 2 && (!memcmp(w + n - el - 2, "ch", 2) ||
                         !memcmp(w + n - el - 2, "sh", 2))) &&
        w[n - el - 1] != 'x')
      continue;
    unsigned long base = mtai_lexicon_noun_data(lx, w, n - el);
    if (base & der[k].need)
      out |= der[k].rd;
  }
  /* A plural in -s ("Festivals", "Gauchos"); a diminutive listed only
   * in the plural is a neuter singular too ("Eichhörnchen"). */
  if (n > 3 && w[n - 1] == 's' &&
      (mtai_lexicon_noun_data(lx, w, n - 1) & R_ANY))
    out |= R_ALL_SG(G_PL);
  if ((out & R_ANY) && !(out & ~R_ALL_SG(G_PL) & R_ANY) && n > 5 &&
      (!memcmp(w + n - 4, "chen", 4) || !memcmp(w + n - 4, "lein", 4)))
    out |= R(C_NOM, G_N) | R(C_DAT, G_N) | R(C_ACC, G_N);
  /* An umlaut plural Ding does not list ("Töne", "Tönen" of "Ton"):
   * the last umlaut undone and -e, -en, -er, -ern taken off leave a
   * noun. */
  if (!(out & R_ALL_SG(G_PL)))
    out |= S_umlaut_plural(lx, w, n);
  return out;
}

/* Upper-cases the first letter of s[0..n) into out (ASCII and the
 * umlauts); 0 when it cannot. */
static int S_cap(const char *s, size_t n, char *out, size_t outsz) {
  if (n + 1 > outsz || !n)
    return 0;
  memcpy(out, s, n);
  out[n] = '\0';
  unsigned char c = (unsigned char)s[0];
  if (c < 0x80) {
    if (!islower(c))
      return 0;
    out[0] = (char)toupper(c);
    return 1;
  }
  if (c == 0xC3 && n > 1) {
    unsigned char d = (unsigned char)s[1];
    if (d == 0xA4 || d == 0xB6 || d == 0xBC) {
      out[1] = (char)(d - 0x20);
      return 1;
    }
  }
  return 0;
}

/* The readings of w[0..n) as a nominalized infinitive, a neuter ("beim
 * Arbeiten", "des Erachtens"); 0 when it is none. */
static unsigned S_infinitive(struct mtai_lexicon *lx, const char *w, size_t n) {
  unsigned out = 0;
  struct mta_buf low;
  mtai_buf_init(&low, 128);
  if (!mtai_utf8_lower(w, n, &low)) {
    const char *l = mtai_buf_str(&low);
    size_t ln = mtai_buf_len(&low);
    if (mtai_lexicon_classes(lx, l, ln) & MTAI_LEX_INF)
      out |= R(C_NOM, G_N) | R(C_DAT, G_N) | R(C_ACC, G_N);
    if (ln > 3 && l[ln - 1] == 's' &&
        (mtai_lexicon_classes(lx, l, ln - 1) & MTAI_LEX_INF))
      out |= R(C_GEN, G_N);
  }
  mtai_buf_free(&low);
  return out;
}

/* 1 when w[0..i) can be the first part of a compound: a noun ('listed')
 * or any word of the lexicon, as written, without a linking -s-, -n-,
 * -es-, -en-, or (unless 'listed' is 2: the word looks like a
 * nominalized adjective, so only a clear compound counts) without its
 * final -e ("Schul-" of "Schule"). */
static int S_prefix_ok(struct mtai_lexicon *lx, const char *w, size_t i,
                       int listed) {
  unsigned want = listed ? MTAI_LEX_NOUN : ~0u;
  if (i < 3)
    return 0;
  if (mtai_lexicon_classes(lx, w, i) & want)
    return 1;
  static const char *const links[] = {"s", "n", "es", "en"};
  for (size_t k = 0; k < 4; k++) {
    size_t l = strlen(links[k]);
    if (i > l + 2 && !memcmp(w + i - l, links[k], l) &&
        (mtai_lexicon_classes(lx, w, i - l) & want))
      return 1;
  }
  char buf[128];
  if (listed < 2 && i + 1 < sizeof buf) {
    memcpy(buf, w, i);
    buf[i] = 'e';
    if (mtai_lexicon_classes(lx, buf, i + 1) & MTAI_LEX_NOUN)
      return 1;
  }
  return 0;
}

/* The readings of the last part of compound w[0..n) ('listed': the
 * table knows the word itself, so only a first part that is a noun, with
 * or without a linking -s- or -n-, makes it a compound: "Kollege" is no
 * "Kol" + "Lege"); the readings of every last part of at least four
 * letters after at least three that the table lists as
 * written, else one derived
 * ("Friedensverträgen"; "Strandhaus" is no "Strand" + "Dhaus", a plural
 * of "Dhau"). MTAI_NOUN_ADJ when the last part is declined like an
 * adjective ("Skorpiongeborenen", "Bundesangestellte"); 0 when none. */
static unsigned long S_head(struct mtai_lexicon *lx, const char *w, size_t n,
                            int listed) {
  unsigned long acc = 0;
  for (int pass = 0; pass < 2; pass++) {
    size_t cps = 0;
    for (size_t i = 1; i < n; i++) {
      if (((unsigned char)w[i] & 0xC0) == 0x80)
        continue;
      cps++;
      size_t tail = cps < 3 ? 0 : mtai_utf8_count(w + i, n - i);
      /* Three letters after a noun and a linking -s- ("Gouverneurs-amt";
       * "Weite-ren" is none), else four. */
      if (tail < 3 || (tail == 3 &&
                       !(i > 4 && w[i - 1] == 's' &&
                         (mtai_lexicon_classes(lx, w, i - 1) & MTAI_LEX_NOUN))))
        continue;
      char buf[128];
      if (!S_cap(w + i, n - i, buf, sizeof buf))
        continue;
      if (!S_prefix_ok(lx, w, i, listed))
        continue;
      if (pass == 0 && mtai_utf8_count(buf, n - i) >= 6 &&
          S_adj_noun(lx, buf, n - i, 0))
        return MTAI_NOUN_ADJ;
      unsigned long head = pass == 0 ? mtai_lexicon_noun_data(lx, buf, n - i)
                                     : S_noun_table(lx, buf, n - i);
      if (head & MTAI_NOUN_ADJ)
        return MTAI_NOUN_ADJ;
      if (head & R_ANY) {
        if (pass == 0)
          head = S_noun_table(lx, buf, n - i);
        acc |= (head & R_ANY) | S_infinitive(lx, buf, n - i);
        if (pass == 1)
          return acc;
      }
    }
    /* Every split the table lists, not only the longest: "Gouverneurs-amt"
     * is no "Gouverneur-Samt". */
    if (acc)
      return acc;
  }
  return 0;
}

/* The readings of capitalized noun w[0..n); 0 when it is not judged
 * (unknown, a name). A noun declined like an adjective ("der
 * Abgeordnete", "ein Abgeordneter", "den Deutschen") gets every reading
 * and its ending in '*adjmask', to be judged as an adjective's. */
static unsigned S_noun(const struct mtai_check_ctx *cx, const char *w, size_t n,
                       unsigned *adjmask) {
  struct mtai_lexicon *lx = cx->lexicon;
  *adjmask = 0;
  if (n < 2 || n > 100 || mtai_speller_is_name(cx->speller, w, n))
    return 0;
  unsigned long direct = mtai_lexicon_noun_data(lx, w, n);
  unsigned long rd = S_noun_table(lx, w, n);
  if (rd & MTAI_NOUN_ADJ) {
    /* Marked so by the table. A form in -er with a gender of its own is
     * an agent noun too ("Gläubiger", the creditor, next to "Gläubige"):
     * not judged; the other forms are the adjectival noun itself, with
     * or without a gender from Ding ("dem Abgeordnete"). */
    if ((direct & R_ANY) && n > 2 && !memcmp(w + n - 2, "er", 2))
      return 0;
    *adjmask = S_ending_mask(w, n);
    return *adjmask ? R_ANY : 0;
  }
  if ((direct & R_ANY) && n > 2 && memcmp(w + n - 2, "er", 2)) {
    /* Listed with a gender and a participle declined ("Abgeordnete",
     * "Angestellten", "Reisende", as Ding lists them): judged as an
     * adjective ("dem Abgeordnete"). */
    unsigned pm = S_participle_noun(lx, w, n);
    if (pm) {
      *adjmask = pm;
      return R_ANY;
    }
  }
  if (direct & R_ANY) {
    /* Listed with a gender, yet shaped like an adjective: not judged;
     * "Alter", "Mauer" are nouns. The
     * final -e of the adjective counts too for a noun that is no
     * masculine ("Variable": einer Variablen; not "Schaden" of
     * "schade"). */
    if (S_adj_noun(lx, w, n, !(direct & R_ALL_SG(G_M))))
      return 0;
  } else if (rd & R_ANY) {
    /* Readings derived only ("Bestes" as if of "Beste"). */
    if (S_adj_noun(lx, w, n, 1))
      return 0;
  }
  /* A compound: the readings of its last part -- for a compound the
   * table lacks, when Hunspell knows the whole word; for one it lists,
   * added to its own (Ding has slips: "Militärexperte {f}"). */
  int listed = (rd & R_ANY) != 0;
  enum mtai_spell v =
      listed ? MTAI_SPELL_KNOWN : mtai_speller_check(cx->speller, w, n);
  /* Unlisted and shaped like a nominalized adjective ("Weiteren",
   * "Neueste"): a compound only after a noun ("Bett-ende"). */
  unsigned am = listed ? 0 : S_adj_noun_mask(lx, w, n, 1);
  if (v == MTAI_SPELL_KNOWN || v == MTAI_SPELL_COMPOUND) {
    unsigned long head = S_head(lx, w, n, am ? 2 : listed);
    if (head & MTAI_NOUN_ADJ)
      return 0;
    rd |= head;
  }
  if (!(rd & R_ANY)) {
    /* Unknown as a noun: a nominalized adjective or participle ("das
     * Beste", "die Verletzten"), judged as an adjective, or nothing. */
    if (am && (v == MTAI_SPELL_KNOWN || v == MTAI_SPELL_COMPOUND)) {
      *adjmask = am;
      return R_ANY;
    }
    return 0;
  }
  unsigned out = (unsigned)(rd & R_ANY) | S_infinitive(lx, w, n);
  /* Loanwords English knows and month names often keep the genitive
   * without -s in news ("des Dollar", "des Islam", "des Januar"). */
  if ((out & (R(C_NOM, G_M) | R(C_NOM, G_N))) &&
      ((cx->lists && mtai_strset_has(&cx->lists->months, w, n)) ||
       mtai_english_known(cx, w, n)))
    out |= ((out & R(C_NOM, G_M)) ? R(C_GEN, G_M) : 0) |
           ((out & R(C_NOM, G_N)) ? R(C_GEN, G_N) : 0);
  /* A nominalized infinitive of a compound verb ("das
   * Wiederzusammenbauen"): its last part of five letters or more is an
   * infinitive. */
  if (!(out & R(C_NOM, G_N)) && n > 6 && !memcmp(w + n - 2, "en", 2)) {
    struct mta_buf low;
    mtai_buf_init(&low, 128);
    if (!mtai_utf8_lower(w, n, &low)) {
      const char *l = mtai_buf_str(&low);
      size_t ln = mtai_buf_len(&low);
      for (size_t i = 2; i + 5 <= ln && !(out & R(C_NOM, G_N)); i++)
        if ((((unsigned char)l[i] & 0xC0) != 0x80) &&
            (mtai_lexicon_classes(lx, l + i, ln - i) & MTAI_LEX_INF))
          out |= R(C_NOM, G_N) | R(C_DAT, G_N) | R(C_ACC, G_N);
    }
    mtai_buf_free(&low);
  }
  return out;
}

/* A description of noun readings for the message: "masculine singular",
 * "plural", "feminine or neuter singular". */
static void S_describe(unsigned rd, char *out, size_t outsz) {
  static const char *const gname[] = {N_("masculine"), N_("feminine"),
                                      N_("neuter")};
  char genders[64];
  size_t k = 0;
  genders[0] = out[0] = '\0';
  for (int g = G_M; g <= G_N; g++) {
    if (!(rd & R_ALL_SG(g)))
      continue;
    /* TRANSLATORS: joins two genders: "masculine or neuter" */
    k += (size_t)snprintf(genders + k, sizeof genders - k, "%s%s",
                          k ? _(" or ") : "", _(gname[g]));
    if (k >= sizeof genders)
      break;
  }
  int pl = (rd & R_ALL_SG(G_PL)) != 0;
  if (genders[0] && pl)
    /* TRANSLATORS: %s is one or more genders ("masculine or feminine") */
    snprintf(out, outsz, _("%s singular or plural"), genders);
  else if (genders[0])
    /* TRANSLATORS: %s is one or more genders ("masculine or feminine") */
    snprintf(out, outsz, _("%s singular"), genders);
  else if (pl)
    snprintf(out, outsz, "%s", _("plural"));
}

/* What the token table keeps for a word (struct mtai_tokfact 'agr'):
 * S_noun() of the whole word (readings in bits 0-15, its adjective mask
 * in bits 16-23) once AG_NOUN is set; S_det() of its ASCII lower case
 * once AG_DETK is set, AG_DET when it is one. */
#define AG_NOUN 0x80000000u
#define AG_DETK 0x40000000u
#define AG_DET 0x20000000u
_Static_assert((E_E | E_EN | E_EM | E_ER | E_ES) <= 0xFF,
               "an adjective mask fits 8 bits");

/* S_noun() of token 'j' when w[0..n) is all of it: once per distinct
 * word with a token table. */
static unsigned S_tok_noun(const struct mtai_check_ctx *cx,
                           const struct mtai_doc *d, size_t j, const char *w,
                           size_t n, unsigned *adjmask) {
  struct mtai_tokfact *f =
      w == d->text + d->toks[j].start &&
              n == (size_t)(d->toks[j].end - d->toks[j].start)
          ? mtai_tok_fact(d, j)
          : NULL;
  if (f && (f->agr & AG_NOUN)) {
    *adjmask = (f->agr >> 16) & 0xFFu;
    return f->agr & R_ANY;
  }
  unsigned nr = S_noun(cx, w, n, adjmask);
  if (f)
    f->agr |= AG_NOUN | (nr & R_ANY) | ((*adjmask & 0xFFu) << 16);
  return nr;
}

/* The lexicon classes of token 'i' in lower case. */
static unsigned S_cls(const struct mtai_check_ctx *cx, struct mtai_doc *d,
                      size_t i) {
  return mtai_tok_classes(cx->lexicon, d, i, 1);
}

/* Checks the phrase starting at determiner token 'i' of sentence 'sn';
 * adds a finding when its words cannot agree. */
static mta_status S_phrase(const struct mtai_check_ctx *cx,
                           struct mtai_findings *r,
                           const struct mtai_sentence *sn, size_t i) {
  struct mtai_doc *d = r->doc;
  const struct mtai_token *t = &d->toks[i];
  if (t->kind != MTAI_TOK_WORD ||
      (t->flags & (MTAI_TF_ALLCAPS | MTAI_TF_HYPHEN)))
    return MTA_OK;
  size_t tn = t->end - t->start;
  if (tn > 12)
    return MTA_OK;
  /* A capitalized determiner inside a sentence starts a title. */
  if ((t->flags & MTAI_TF_UPPER) && i != sn->tok_first &&
      !(i == sn->tok_first + 1 && d->toks[i - 1].kind != MTAI_TOK_WORD))
    return MTA_OK;
  /* Most words are no determiner: the token table remembers. */
  struct mtai_tokfact *tf = mtai_tok_fact(d, i);
  if (tf && (tf->agr & AG_DETK) && !(tf->agr & AG_DET))
    return MTA_OK;
  char low[16];
  for (size_t k = 0; k < tn; k++)
    low[k] = (char)tolower((unsigned char)d->text[t->start + k]);
  low[tn] = '\0';
  /* "fürs" has a non-ASCII letter: its ü is kept as is. */
  struct det det;
  int is_det = S_det(low, &det);
  if (tf)
    tf->agr |= AG_DETK | (is_det ? AG_DET : 0);
  if (!is_det)
    return MTA_OK;
  /* Context: a relative pronoun after a comma (and a preposition), a
   * demonstrative after sein/werden, a verb "meine(n)" after a pronoun. */
  if (i > sn->tok_first) {
    size_t p = i - 1;
    unsigned pc = S_cls(cx, d, p);
    const char *pt = d->text + d->toks[p].start;
    if (det.relative) {
      if ((d->toks[p].kind != MTAI_TOK_WORD &&
           (*pt == ',' || *pt == ';' || *pt == '(' || *pt == '-' ||
            !strncmp(pt, "\xe2\x80\x93", 3))) ||
          ((pc & MTAI_LEX_PREP) && p > sn->tok_first &&
           d->text[d->toks[p - 1].start] == ','))
        return MTA_OK;
      if ((pc & (MTAI_LEX_AUX | MTAI_LEX_NONFINITE | MTAI_LEX_CONJ_SUB)) &&
          !strcmp(low, "das"))
        return MTA_OK;
    }
    /* After another determiner ("einem solchen Archiv", "ein jeder"):
     * an adjective-like word, not the phrase's determiner. */
    struct det pd;
    char pl[16];
    size_t pn = d->toks[p].end - d->toks[p].start;
    if (d->toks[p].kind == MTAI_TOK_WORD && pn < sizeof pl) {
      for (size_t k = 0; k < pn; k++)
        pl[k] = (char)tolower((unsigned char)d->text[d->toks[p].start + k]);
      pl[pn] = '\0';
      if (S_det(pl, &pd) || !strcmp(pl, "sein") || !strcmp(pl, "ihr"))
        return MTA_OK;
    }
    /* "all jenen Recht geben", "allen denen": a pronoun. */
    if (d->toks[p].kind == MTAI_TOK_WORD &&
        (mtai_tok_eq(d, p, "all") || mtai_tok_eq(d, p, "allen")))
      return MTA_OK;
    if ((!strcmp(low, "meine") || !strcmp(low, "meinen") ||
         !strcmp(low, "einen")) &&
        (pc & MTAI_LEX_PRON))
      return MTA_OK;
  }
  /* Adjectives, then the noun. */
  size_t j = i + 1;
  unsigned adj[8];
  size_t nadj = 0;
  for (; j < sn->tok_end; j++) {
    const struct mtai_token *a = &d->toks[j];
    if (a->kind != MTAI_TOK_WORD || !(a->flags & MTAI_TF_SPACE_BEFORE))
      return MTA_OK;
    if (a->flags & MTAI_TF_UPPER)
      break;
    const char *w = d->text + a->start;
    size_t n = a->end - a->start;
    if (a->flags & MTAI_TF_HYPHEN) { /* "schwarz-weißen": the last part */
      const char *h = w + n;
      while (h > w && h[-1] != '-')
        h--;
      /* ... after an adjective: not a name ("update-alternatives"). */
      size_t fn = (size_t)((const char *)memchr(w, '-', n) - w);
      if (!(mtai_lexicon_classes(cx->lexicon, w, fn) & MTAI_LEX_ADJ))
        return MTA_OK;
      n = (size_t)(w + n - h);
      w = h;
    }
    /* A closed-class word ("das eine Schneeflocke", "diesen eines
     * Lochs") is no adjective. */
    if (S_cls(cx, d, j) &
        (MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP | MTAI_LEX_CONJ_COORD |
         MTAI_LEX_CONJ_SUB | MTAI_LEX_ADV_CONJ | MTAI_LEX_AUX))
      return MTA_OK;
    char al[16];
    struct det dd;
    if (n < sizeof al) {
      memcpy(al, w, n);
      al[n] = '\0';
      if (S_det(al, &dd))
        return MTA_OK;
    }
    /* "am meisten", "am besten": a superlative adverb. */
    if (!strcmp(low, "am") && n > 4 && !memcmp(w + n - 4, "sten", 4))
      return MTA_OK;
    unsigned e = nadj < 8 ? S_adj(cx->lexicon, w, n, 1) : 0;
    if (!e)
      return MTA_OK;
    adj[nadj++] = e;
  }
  if (j >= sn->tok_end || (det.need_adj && !nadj))
    return MTA_OK;
  const struct mtai_token *nt = &d->toks[j];
  if (!(nt->flags & MTAI_TF_SPACE_BEFORE) || (nt->flags & MTAI_TF_ALLCAPS))
    return MTA_OK;
  /* Followed by a capitalized word (a name, a title, the second half of
   * a split compound) or a hyphen ("Vertrags- und Handelsfragen"): not
   * judged. */
  if (j + 1 < sn->tok_end) {
    const struct mtai_token *x = &d->toks[j + 1];
    if (x->kind == MTAI_TOK_WORD && (x->flags & MTAI_TF_UPPER))
      return MTA_OK;
    /* An English name goes on ("am Institute for ..."). */
    if (x->kind == MTAI_TOK_WORD && cx->lists &&
        mtai_strset_has(&cx->lists->func, d->text + x->start,
                        x->end - x->start))
      return MTA_OK;
    if (x->kind != MTAI_TOK_WORD && !(x->flags & MTAI_TF_SPACE_BEFORE) &&
        d->text[x->start] == '-')
      return MTA_OK;
  }
  const char *w = d->text + nt->start;
  size_t n = nt->end - nt->start;
  if (n && w[n - 1] == '-')
    return MTA_OK;
  if (nt->flags & MTAI_TF_HYPHEN) {
    const char *h = w + n;
    while (h > w && h[-1] != '-')
      h--;
    n = (size_t)(w + n - h);
    w = h;
    if (!n || !(isupper((unsigned char)w[0]) || (unsigned char)w[0] >= 0xC3))
      return MTA_OK;
  }
  unsigned adjnoun = 0;
  unsigned nr = S_tok_noun(cx, d, j, w, n, &adjnoun);
  if (!nr)
    return MTA_OK;
  if (adjnoun) { /* the noun's ending is judged as the last adjective */
    if (nadj == 8)
      return MTA_OK;
    adj[nadj++] = adjnoun;
  }
  /* Any reading common to all words? */
  unsigned common = det.rd & nr;
  for (unsigned b = 0; b < 16; b++) {
    if (!(common & (1u << b)))
      continue;
    int strong = (det.strong >> b) & 1;
    unsigned want = S_ending(b, strong);
    /* Only the adjective before the noun: an earlier one may be an
     * adverb ("ein lange vernachlässigter Bereich"). */
    int ok = !nadj || (adj[nadj - 1] & want) != 0;
    if (ok)
      return MTA_OK;
  }
  /* A dative singular d-word before a plural that stands without
   * article (strong -e): the d-word may be a pronoun ("Sofern dem
   * rechtliche Gründe entgegenstehen"). */
  if ((!strcmp(low, "dem") || !strcmp(low, "diesem") ||
       !strcmp(low, "jenem")) &&
      nadj && !adjnoun) {
    unsigned pl = R(C_NOM, G_PL) | R(C_ACC, G_PL);
    if ((nr & pl) && (adj[nadj - 1] & E_E))
      return MTA_OK;
  }
  char desc[96];
  S_describe(nr, desc, sizeof desc);
  if (adjnoun)
    snprintf(desc, sizeof desc, "%s", _("declined like an adjective"));
  size_t start = t->start, end = nt->end;
  if (det.rd & nr)
    return mtai_finding_add(
        r, &S_rules[0], S_rules[0].severity, start, end, NULL,
        "the adjective ending does not fit the article and noun in '%.*s' "
        "('%.*s' is %s)",
        (int)(end - start), d->text + start, (int)n, w, desc);
  return mtai_finding_add(r, &S_rules[0], S_rules[0].severity, start, end, NULL,
                          "article and noun do not agree in '%.*s' ('%.*s' "
                          "is %s)",
                          (int)(end - start), d->text + start, (int)n, w, desc);
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  (void)state;
  struct mtai_doc *d = r->doc;
  if (!cx->speller || !cx->lexicon)
    return MTA_OK;
  for (size_t si = 0; si < d->nsent; si++) {
    const struct mtai_sentence *sn = &d->sents[si];
    if (d->paras[sn->para].kind == MTAI_PARA_BOILERPLATE)
      continue; /* site chrome: not translated prose */
    for (size_t i = sn->tok_first; i + 1 < sn->tok_end; i++) {
      mta_status st = S_phrase(cx, r, sn, i);
      if (st)
        return st;
    }
  }
  return MTA_OK;
}

const struct mta_check mtai_check_agreement = {
    "agreement", S_rules, sizeof S_rules / sizeof S_rules[0],
    NULL,        S_run,   NULL};
