/*
 * Build-time generator of the open-class German lexicon from Debian's
 * trans-de-en (the Ding German-English dictionary, /usr/share/trans/de-en).
 *
 * Usage: mklexicon DING-FILE OUT.tsv [HUNSPELL-DE.dic]
 *
 * Reads the German side of every entry ("gehen {vi} | gehend | gegangen |
 * er/sie geht | ich/er/sie ging | ..."), and writes one line per word form,
 * "FORM<TAB>CLASSES", sorted, where CLASSES is a set of letters:
 *   N noun ({m} {f} {n} {pl})      A adjective ({adj}; and -e -en -em -er
 *   V verb infinitive ({vt} {vi}       -es endings generated)
 *     {vr})                         P past participle
 *   F finite verb form (the Ding forms, plus the regular present and
 *     preterite endings generated from the infinitive's stem, plus the
 *     plural of every preterite and subjunctive II form: "fand" ->
 *     "fanden")
 * Multi-word headwords are skipped. With a German Hunspell dictionary,
 * its preterite and subjunctive II stems and their plurals are added as
 * F too ("begann", "begannen": Ding conjugates only some verbs). The output is
 * sorted with duplicates merged, so the library can binary-search it or load it
 * into a hash.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
  char *form;
  unsigned bits;
  unsigned rd; /* noun readings (R_*), a third field when not 0 */
};

static struct entry *S_v;
static size_t S_n, S_cap;

enum { B_N = 1, B_A = 2, B_V = 4, B_F = 8, B_P = 16 };

static void S_addr(const char *w, size_t n, unsigned bits, unsigned rd) {
  while (n && (w[n - 1] == ' ' || w[n - 1] == '\t'))
    n--;
  while (n && (*w == ' ' || *w == '\t'))
    w++, n--;
  if (n < 2 || n > 60 || memchr(w, ' ', n) || memchr(w, '/', n) ||
      memchr(w, '.', n) || memchr(w, '(', n) || memchr(w, '\'', n))
    return;
  if (S_n == S_cap) {
    S_cap = S_cap ? S_cap * 2 : 65536;
    S_v = realloc(S_v, S_cap * sizeof *S_v);
    if (!S_v) {
      perror("mklexicon");
      exit(1);
    }
  }
  S_v[S_n].form = strndup(w, n);
  S_v[S_n].bits = bits;
  S_v[S_n].rd = rd;
  S_n++;
}

static void S_add(const char *w, size_t n, unsigned bits) {
  S_addr(w, n, bits, 0);
}

/* Adds 'stem' + 'end' with noun readings 'rd'. */
static void S_add2r(const char *stem, size_t sn, const char *end, unsigned bits,
                    unsigned rd) {
  char buf[128];
  size_t el = strlen(end);
  if (sn + el >= sizeof buf)
    return;
  memcpy(buf, stem, sn);
  memcpy(buf + sn, end, el);
  S_addr(buf, sn + el, bits, rd);
}

/* Adds 'stem' + 'end'. */
static void S_add2(const char *stem, size_t sn, const char *end,
                   unsigned bits) {
  S_add2r(stem, sn, end, bits, 0);
}

/* ---- noun readings (for grammar/agreement) ----------------------------
 * A noun form's readings are the case/number/gender combinations it can
 * stand in: bit case * 4 + gender, case nominative, genitive, dative,
 * accusative (0-3), gender masculine, feminine, neuter, plural (0-3);
 * R_ADJ marks a noun declined like an adjective ("Beamter", "Beamte",
 * "Beamten"), whose readings depend on the article (never judged).
 * Generated from Ding's gender and plural tags, with the inflection of
 * German nouns: genitive -s/-es of masculine and neuter nouns, dative
 * plural -n, and the weak masculines ("Präsident": des, dem, den
 * Präsidenten), which Hunspell's flags tell (a plural in -n/-en and no
 * genitive -s/-es). The readings are generous: a form gets every reading
 * any of its entries allows, so that the check reports only when none
 * fits. */
#define R(c, g) (1u << ((c)*4 + (g)))
enum { C_NOM, C_GEN, C_DAT, C_ACC };
enum { G_M, G_F, G_N, G_PL };
#define R_ADJ 0x10000u
/* Derived forms (the library adds their readings): strong masculine and
 * neuter (genitive +s/+es, dative +e), weak masculine and neuter (other
 * cases +n or +en, genitive +ns/+ens), plural without -n (dative +n). */
#define L_SM 0x20000u
#define L_SN 0x40000u
#define L_WM_N 0x80000u
#define L_WM_EN 0x100000u
#define L_WN_N 0x200000u
#define L_WN_EN 0x400000u
#define L_PL 0x800000u
/* Plurals Ding may not list: by Hunspell's flags on the headword (E: +e,
 * N: +n, P: +en), and the same form as the singular for masculines and
 * neuters in -er, -el, -en, -chen, -lein ("der Waliser", "die Waliser"). */
#define L_HE 0x1000000u
#define L_HN 0x2000000u
#define L_HEN 0x4000000u

/* The German Hunspell dictionary: capitalized words with their flags,
 * sorted (S_dic_find()). */
struct dic_entry {
  char *word;
  char *flags;
};
static struct dic_entry *S_dic;
static size_t S_ndic;

static int S_dic_cmp(const void *x, const void *y) {
  const struct dic_entry *a = x, *b = y;
  return strcmp(a->word, b->word);
}

/* The flags of w[0..n) in the dictionary ("" without flags), or NULL. */
static const char *S_dic_find(const char *w, size_t n) {
  char buf[256];
  if (n >= sizeof buf)
    return NULL;
  memcpy(buf, w, n);
  buf[n] = '\0';
  struct dic_entry key = {buf, NULL};
  const struct dic_entry *e =
      S_ndic ? bsearch(&key, S_dic, S_ndic, sizeof *S_dic, S_dic_cmp) : NULL;
  return e ? e->flags : NULL;
}

/* 1 when the dictionary has w[0..n) + 'end' as a word of its own, or w
 * with a flag among 'flags' (de_DE_frami: S -s, T -es, N -n, P -en). */
static const char *S_dic_head(const char *w, size_t n);

static int S_dic_has(const char *w, size_t n, const char *end,
                     const char *flags) {
  const char *f = S_dic_head(w, n);
  for (; f && *f && flags; f++)
    if (strchr(flags, *f))
      return 1;
  char buf[256];
  size_t el = strlen(end);
  if (!el || n + el >= sizeof buf)
    return 0;
  memcpy(buf, w, n);
  memcpy(buf + n, end, el);
  return S_dic_find(buf, n + el) != NULL;
}

/* 1 when noun w[0..n) declines weakly in the singular ("Präsident",
 * "Mensch", "Kunde", "Name", "Herz"): the dictionary knows it with a
 * form in -n or -en and without a genitive in -s or -es ("Staat" has
 * "Staates", "Nachbar" "Nachbars": not weak). Without a dictionary, no
 * noun is weak (fewer readings would mean more findings). */
static int S_weak1(const char *w, size_t n);

/* The flags of w[0..n), or for a compound the dictionary lacks, of its
 * longest last part of four letters or more it has ("Leitzins": the
 * flags of "Zins"); NULL when none. */
static const char *S_dic_head(const char *w, size_t n) {
  const char *f = S_dic_find(w, n);
  if (f)
    return f;
  for (size_t i = 3; i + 4 <= n; i++) {
    if (((unsigned char)w[i] & 0xC0) == 0x80)
      continue;
    char buf[256];
    size_t k = n - i;
    if (k + 1 >= sizeof buf)
      continue;
    memcpy(buf, w + i, k);
    buf[k] = '\0';
    unsigned char c = (unsigned char)buf[0];
    if (c < 0x80 && islower(c))
      buf[0] = (char)toupper(c);
    else if (c == 0xC3 &&
             ((unsigned char)buf[1] == 0xA4 || (unsigned char)buf[1] == 0xB6 ||
              (unsigned char)buf[1] == 0xBC))
      buf[1] = (char)((unsigned char)buf[1] - 0x20);
    else
      continue;
    if ((f = S_dic_find(buf, k)) != NULL)
      return f;
  }
  return NULL;
}

/* S_weak1() of w[0..n), or for a compound the dictionary lacks, of its
 * longest last part it has ("Innenarchitekt": "Architekt/PF"). */
static int S_weak(const char *w, size_t n) {
  if (S_dic_find(w, n) || (n > 2 && w[n - 1] == 'e' && w[n - 2] != 'e'))
    return S_weak1(w, n);
  for (size_t i = 3; i + 4 <= n; i++) {
    if (((unsigned char)w[i] & 0xC0) == 0x80)
      continue;
    char buf[256];
    size_t k = n - i;
    if (k + 1 >= sizeof buf)
      continue;
    memcpy(buf, w + i, k);
    buf[k] = '\0';
    unsigned char c = (unsigned char)buf[0];
    if (c < 0x80 && islower(c))
      buf[0] = (char)toupper(c);
    else if (c == 0xC3 &&
             ((unsigned char)buf[1] == 0xA4 || (unsigned char)buf[1] == 0xB6 ||
              (unsigned char)buf[1] == 0xBC))
      buf[1] = (char)((unsigned char)buf[1] - 0x20);
    else
      continue;
    if (S_dic_find(buf, k))
      return S_weak1(buf, k);
  }
  return 0;
}

static int S_weak1(const char *w, size_t n) {
  /* A masculine in -e (not -ee: "Tee", "See") is weak unless the
   * dictionary gives it a genitive -s ("Käse"): "Kollege", which
   * de_DE_frami lists only as "Kolleg" + e. */
  if (n > 2 && w[n - 1] == 'e' && w[n - 2] != 'e') {
    /* ... when the dictionary knows its -n form ("Kollegen": "Kolleg/P";
     * a loanword "Prüfcode" has none). */
    const char *stem = S_dic_find(w, n - 1);
    int has_n = S_dic_has(w, n, "n", "N") || (stem && strchr(stem, 'P'));
    return has_n && !S_dic_has(w, n, "s", "S");
  }
  if (!S_dic_find(w, n))
    return 0;
  /* The -n/-en form by the word's own flags; as a word of its own only
   * after -e ("Name", "Namen"): "Märzen" is a beer, not "des Märzen". */
  const char *e = w[n - 1] == 'e' ? "n" : "";
  int pl = S_dic_has(w, n, e, "N") || S_dic_has(w, n, e, "P");
  /* A plural in -e ("Stier/E": Stiere) is a strong noun's. */
  return pl && !S_dic_has(w, n, "s", "S") && !S_dic_has(w, n, "es", "T") &&
         !S_dic_has(w, n, "", "E");
}

/* Adds the readings of noun w[0..n) with Ding tag 'tag' ("m", "f", "n",
 * "pl", "m,f", ...): those of the form itself, and bits saying which
 * inflected forms the library derives from it (L_*: the table lists no
 * forms Ding does not give, which would double its size). */
static void S_noun_readings(const char *w, size_t n, const char *tag) {
  if (n < 2 || !(w[0] & 0x80 ? 1 : isupper((unsigned char)w[0])))
    return;
  int gm = 0, gf = 0, gn = 0, gpl = 0;
  for (const char *q = tag; *q;) {
    size_t k = strcspn(q, ",");
    if (k == 1 && *q == 'm')
      gm = 1;
    else if (k == 1 && *q == 'f')
      gf = 1;
    else if (k == 1 && *q == 'n')
      gn = 1;
    else if (k == 2 && !memcmp(q, "pl", 2))
      gpl = 1;
    q += k + (q[k] == ',');
  }
  char last = w[n - 1];
  unsigned rd = 0;
  if (gpl) {
    rd |= R(C_NOM, G_PL) | R(C_GEN, G_PL) | R(C_ACC, G_PL);
    rd |= last == 'n' || last == 's' ? R(C_DAT, G_PL) : L_PL;
  }
  if (gf)
    rd |= R(C_NOM, G_F) | R(C_GEN, G_F) | R(C_DAT, G_F) | R(C_ACC, G_F);
  for (int g = G_M; g <= G_N; g += 2) {
    if (!(g == G_M ? gm : gn))
      continue;
    if (S_weak(w, n)) {
      /* Nominative (neuters: accusative and dative too) as the
       * headword; the other cases in -n/-en, a genitive in -ns/-ens
       * ("des Namens", "des Herzens"). */
      rd |= R(C_NOM, g) | (g == G_N ? R(C_ACC, g) | R(C_DAT, g) : 0);
      if (S_dic_has(w, n, "n", "N") || last == 'e')
        rd |= g == G_M ? L_WM_N : L_WN_N;
      if (S_dic_has(w, n, "en", "P"))
        rd |= g == G_M ? L_WM_EN : L_WN_EN;
      continue;
    }
    /* Mixed ("Nachbar/N": des Nachbars, dem Nachbarn) or weak where
     * Hunspell allows a genitive -s too ("Held/FPS": dem Helden): a
     * masculine with a form in -n/-en may stand in the oblique cases
     * with it (so "dem Staaten" is not reported). */
    if (g == G_M && S_dic_has(w, n, "", "N"))
      rd |= L_WM_N;
    if (g == G_M && S_dic_has(w, n, "", "P"))
      rd |= L_WM_EN;
    /* Strong: nominative, dative, accusative as the headword; the
     * genitive in -s or -es (derived), or without ending after a
     * sibilant ("des Kapitalismus") or a vowel ("des Euro"). */
    rd |= R(C_NOM, g) | R(C_DAT, g) | R(C_ACC, g) | (g == G_M ? L_SM : L_SN);
    if (strchr("sxzaeiouy", last) || (n >= 2 && !strcmp(w + n - 2, "\xc3\x9f")))
      rd |= R(C_GEN, g);
  }
  if (S_dic_has(w, n, "", "E") && last != 'e')
    rd |= L_HE;
  if (S_dic_has(w, n, "", "N"))
    rd |= L_HN;
  if (S_dic_has(w, n, "", "P"))
    rd |= L_HEN;
  if (gf && !gpl) {
    /* Feminines: -e, -el, -er + n, else + en ("Grille", "Grillen"). */
    if (last == 'e' || last == 'l' || last == 'r')
      rd |= L_HN;
    else if (last != 'n' || n < 3 || strcmp(w + n - 2, "in"))
      rd |= L_HEN;
  }
  if ((gm || gn) && !gpl) {
    static const char *const same[] = {"er", "el", "en", "chen", "lein"};
    for (size_t k = 0; k < 5; k++) {
      size_t sl = strlen(same[k]);
      if (n > sl + 2 && !memcmp(w + n - sl, same[k], sl)) {
        rd |= R(C_NOM, G_PL) | R(C_GEN, G_PL) | R(C_ACC, G_PL);
        rd |= last == 'n' ? R(C_DAT, G_PL) : L_PL;
        break;
      }
    }
  }
  S_addr(w, n, 0, rd);
}

/* Neuters Ding's examples show with "das" ("zum Militär gehen; das
 * Militär"), where its headwords give only another gender ("Militär
 * {m}", the officer): "das" + a capitalized word + a space or the end of
 * the phrase, added as a strong neuter. */
/* Capitalized words Ding's examples show after "der" and "die" (sorted
 * before the output): a word listed only as a neuter gets the other
 * gender too ("der Countdown", Ding: "Countdown {n}"). */
static char **S_derdie[2];
static size_t S_nderdie[2], S_capderdie[2];

static void S_derdie_scan(const char *line) {
  static const char *const art[2] = {"der ", "die "};
  for (int a = 0; a < 2; a++)
    for (const char *p = strstr(line, art[a]); p; p = strstr(p + 1, art[a])) {
      if (p > line && p[-1] != ' ' && p[-1] != '(' && p[-1] != '|')
        continue;
      const char *w = p + 4;
      unsigned char c = (unsigned char)*w;
      if (!(isupper(c) || c == 0xC3))
        continue;
      size_t n = strcspn(w, " ;|()[]{},.!?:/'\"-");
      if (n < 3 || (w[n] && w[n] != ' ' && w[n] != ';' && w[n] != '|' &&
                    w[n] != ',' && w[n] != '.'))
        continue;
      if (S_nderdie[a] == S_capderdie[a]) {
        S_capderdie[a] = S_capderdie[a] ? S_capderdie[a] * 2 : 4096;
        S_derdie[a] = realloc(S_derdie[a], S_capderdie[a] * sizeof(char *));
        if (!S_derdie[a]) {
          perror("mklexicon");
          exit(1);
        }
      }
      S_derdie[a][S_nderdie[a]++] = strndup(w, n);
    }
}

static int S_strpcmp(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The readings 'rd' of 'form' with the gender its "der"/"die" examples
 * add when its readings are only neuter. */
static unsigned S_derdie_fix(const char *form, unsigned rd) {
  unsigned neut = R(C_NOM, G_N) | R(C_GEN, G_N) | R(C_DAT, G_N) | R(C_ACC, G_N);
  if (!(rd & 0xFFFFu) || (rd & 0xFFFFu & ~neut))
    return rd;
  const char *key = form;
  if (S_nderdie[0] &&
      bsearch(&key, S_derdie[0], S_nderdie[0], sizeof(char *), S_strpcmp))
    rd |= R(C_NOM, G_M) | R(C_DAT, G_M) | R(C_ACC, G_M) | L_SM;
  if (S_nderdie[1] &&
      bsearch(&key, S_derdie[1], S_nderdie[1], sizeof(char *), S_strpcmp))
    rd |= R(C_NOM, G_F) | R(C_GEN, G_F) | R(C_DAT, G_F) | R(C_ACC, G_F);
  return rd;
}

static void S_das_nouns(const char *line) {
  S_derdie_scan(line);
  for (const char *p = strstr(line, "das "); p; p = strstr(p + 1, "das ")) {
    if (p > line && p[-1] != ' ' && p[-1] != '(' && p[-1] != ';' &&
        p[-1] != '|')
      continue;
    const char *w = p + 4;
    unsigned char c = (unsigned char)*w;
    if (!(isupper(c) || c == 0xC3))
      continue;
    size_t n = strcspn(w, " ;|()[]{},.!?:/'\"-");
    char end = w[n];
    if (n < 3 || (end && end != ' ' && end != ';' && end != '|' && end != ',' &&
                  end != '.'))
      continue;
    /* Not "das Neue": an adjective declined like a noun. */
    if (w[n - 1] == 'e' && (n < 4 || w[n - 2] != 'e'))
      continue;
    S_addr(w, n, 0, R(C_NOM, G_N) | R(C_ACC, G_N) | R(C_DAT, G_N) | L_SN);
  }
}

/* The nouns of the current Ding line with their tags. */
static struct { char w[64], tag[16]; } S_line_nouns[64];
static size_t S_nline;

/* Adjectival nouns of the current line: a masculine headword in -er
 * whose plural in the same line is the stem + -en ("Beamter {m} |
 * Beamten {pl}", "Abgeordneter"); "Lehrer {m} | Lehrer {pl}" is none. */
static void S_adj_noun(const char *w, size_t n);
static void S_line_adj_nouns(void) {
  for (size_t i = 0; i < S_nline; i++) {
    const char *x = S_line_nouns[i].w;
    size_t xn = strlen(x);
    if (strcmp(S_line_nouns[i].tag, "m") || xn < 5 || strcmp(x + xn - 2, "er"))
      continue;
    /* Not when the headword is its own plural ("Versager {pl}"). */
    int own_pl = 0;
    for (size_t j = 0; j < S_nline; j++)
      own_pl |=
          !strcmp(S_line_nouns[j].tag, "pl") && !strcmp(S_line_nouns[j].w, x);
    if (own_pl)
      continue;
    for (size_t j = 0; j < S_nline; j++) {
      const char *y = S_line_nouns[j].w;
      if (!strcmp(S_line_nouns[j].tag, "pl") && strlen(y) == xn &&
          !memcmp(y, x, xn - 2) && !strcmp(y + xn - 2, "en")) {
        S_adj_noun(x, xn - 2);
        break;
      }
    }
  }
}

/* Marks the forms of an adjectival noun with stem w[0..n) ("Beamt":
 * Beamte, Beamten, Beamtem, Beamter, Beamtes) as never judged. */
static void S_adj_noun(const char *w, size_t n) {
  static const char *const ends[] = {"e", "en", "em", "er", "es"};
  for (size_t k = 0; k < 5; k++)
    S_add2r(w, n, ends[k], 0, R_ADJ);
}

/* The last word of a form with pronoun prefixes ("ich/er/sie ging"). */
static void S_last_word(const char *s, size_t n, const char **w, size_t *wn) {
  while (n && s[n - 1] == ' ')
    n--;
  size_t a = n;
  while (a && s[a - 1] != ' ')
    a--;
  *w = s + a;
  *wn = n - a;
}

/* The finite verb of a form with pronoun prefixes: the first word after
 * them ("er/sie geht aus" -> "geht"; the separable particle is last). */
static void S_finite_word(const char *s, const char **w, size_t *wn) {
  static const char *const pron[] = {"ich", "du",  "er",  "sie",
                                     "es",  "wir", "ihr", "man"};
  const char *start = s;
  while (*start == ' ')
    start++;
  *w = s;
  *wn = 0;
  for (;;) {
    while (*s == ' ')
      s++;
    size_t n = strcspn(s, " ");
    if (!n)
      return;
    int skip = memchr(s, '/', n) != NULL;
    for (size_t k = 0; !skip && k < sizeof pron / sizeof pron[0]; k++)
      skip = strlen(pron[k]) == n && !memcmp(s, pron[k], n);
    if (!skip) {
      if (s != start) { /* no pronoun: an example phrase, not a form */
        *w = s;
        *wn = n;
      }
      return;
    }
    s += n;
  }
}

/* Strips "{...}", "[...]" and "(...)" annotations (glosses: "Rot {n}
 * (Farbe)", "(sich) erholen"); returns the tag in braces. */
static void S_clean(const char *s, size_t n, char *out, size_t outsz, char *tag,
                    size_t tagsz) {
  size_t k = 0;
  tag[0] = '\0';
  for (size_t i = 0; i < n && k + 1 < outsz; i++) {
    if (s[i] == '{' || s[i] == '[' || s[i] == '(') {
      char close = s[i] == '{' ? '}' : s[i] == '[' ? ']' : ')';
      size_t j = i + 1;
      while (j < n && s[j] != close)
        j++;
      if (s[i] == '{' && !tag[0] && j - i - 1 < tagsz) {
        memcpy(tag, s + i + 1, j - i - 1);
        tag[j - i - 1] = '\0';
      }
      i = j;
      continue;
    }
    out[k++] = s[i];
  }
  out[k] = '\0';
}

/* 1 for Ding's verb tags: {vt}, {vi}, {vr} and plain {v}. */
static int S_verb_tag(const char *tag) {
  return !strcmp(tag, "vt") || !strcmp(tag, "vi") || !strcmp(tag, "vr") ||
         !strcmp(tag, "v");
}

/* Adds headword 'word' (annotations removed) with Ding tag 'tag'. */
static void S_word(char *word, const char *tag, int *verb) {
  size_t wl = strlen(word);
  while (wl && word[wl - 1] == ' ')
    word[--wl] = '\0';
  const char *w = word;
  while (*w == ' ')
    w++;
  wl = strlen(w);
  if (!wl)
    return;
  /* The plain {v} tag mostly marks phrases ("fix und foxi; alle;
   * ausgepowert sein {v}"): only a single word shaped like an
   * infinitive is taken ("heißen {v}"). */
  if (!strcmp(tag, "v") && (memchr(w, ' ', wl) || wl < 3 || w[wl - 1] != 'n' ||
                            !islower((unsigned char)w[0])))
    return;
  /* Verbs come with object placeholders ("jdn. besuchen", "sich etw.
   * ansehen"): the verb is the last word. */
  if (S_verb_tag(tag) && memchr(w, ' ', wl)) {
    const char *last = w + wl;
    while (last > w && last[-1] != ' ')
      last--;
    w = last;
    wl = strlen(w);
  }
  /* Noun tags: m, f, n, pl and combinations ("m,f"). */
  int noun = tag[0] != '\0';
  for (const char *q = tag; *q && noun; q++)
    noun = *q == 'm' || *q == 'f' || *q == 'n' || *q == ',' ||
           (q[0] == 'p' && q[1] == 'l') ||
           (q[0] == 'l' && q > tag && q[-1] == 'p');
  if (noun) {
    S_add(w, wl, B_N);
    /* An abbreviation after the word ("Euro /€/") only for the
     * readings: the classes keep skipping such headwords. */
    const char *ab = strstr(w, " /");
    size_t rl = ab ? (size_t)(ab - w) : wl;
    while (rl && w[rl - 1] == ' ')
      rl--;
    S_noun_readings(w, rl, tag);
    if (S_nline < 64 && wl < sizeof S_line_nouns[0].w) {
      memcpy(S_line_nouns[S_nline].w, w, wl);
      S_line_nouns[S_nline].w[wl] = '\0';
      snprintf(S_line_nouns[S_nline].tag, sizeof S_line_nouns[0].tag, "%s",
               tag);
      S_nline++;
    }
  } else if (!strcmp(tag, "adj")) {
    S_add(w, wl, B_A);
    static const char *const ends[] = {"e", "en", "em", "er", "es"};
    size_t sl = wl;
    if (sl > 1 && w[sl - 1] == 'e')
      sl--; /* leise -> leis|e */
    for (size_t k = 0; k < 5; k++)
      S_add2(w, sl, ends[k], B_A);
  } else if (S_verb_tag(tag)) {
    if (memchr(w, ' ', wl))
      return;
    *verb = 1;
    S_add(w, wl, B_V | B_F); /* infinitive = 1st/3rd plural */
    size_t sl = wl;
    if (sl > 3 && !strcmp(w + sl - 2, "en"))
      sl -= 2;
    else if (sl > 3 && w[sl - 1] == 'n')
      sl -= 1;
    else
      return;
    /* Stems in -d/-t take an -e- before -t, -te ("wendet"). Second person
     * forms (-st, -test, -tet) are not generated: news text hardly uses
     * them, and they collide with adverbs and superlatives ("längst"). */
    static const char *const fin[] = {"e", "t", "te", "ten"};
    static const char *const fin_e[] = {"e", "et", "ete", "eten"};
    int dt = w[sl - 1] == 'd' || w[sl - 1] == 't';
    size_t nf =
        dt ? sizeof fin_e / sizeof fin_e[0] : sizeof fin / sizeof fin[0];
    for (size_t k = 0; k < nf; k++)
      S_add2(w, sl, dt ? fin_e[k] : fin[k], B_F);
  }
}

/* Adds the verb form in slot 'a' (2: past participle; later: finite
 * forms with pronoun prefixes) of a Ding verb entry, s[0..n); 'past' when
 * the slot holds a singular preterite or subjunctive II. */
static void S_verb_form(const char *s, size_t n, size_t a, int past) {
  char buf[256], tag[32];
  S_clean(s, n, buf, sizeof buf, tag, sizeof tag);
  if (strstr(buf, "ist/war") || strstr(buf, "hat/hatte"))
    return;
  const char *w;
  size_t wn;
  if (a == 2)
    S_last_word(buf, strlen(buf), &w, &wn); /* "in Empfang genommen" */
  else
    S_finite_word(buf, &w, &wn); /* "er/sie nimmt in Empfang" */
  if (!wn || isupper((unsigned char)w[0]))
    return;
  S_add(w, wn, a == 2 ? B_P : B_F);
  /* A preterite or subjunctive II form in the singular ("ich/er/sie
   * fand", "es stieg an", "ich/er/sie fände"): its plural is the form +
   * -en, or + -n after -e ("fanden", "stiegen", "fänden", "machten").
   * Strong verbs' plurals cannot be generated from the infinitive, so
   * they are derived here, for every verb Ding conjugates. */
  if (past)
    S_add2(w, wn, w[wn - 1] == 'e' ? "n" : "en", B_F);
}

/* The person of the finite form s[0..n) of a Ding verb entry: 1 when its
 * pronoun prefix names the first and third person singular ("ich/er/sie
 * ging": preterite or subjunctive II, whose 1st and 3rd person are one
 * form), 2 for the third person only ("er/sie geht", "es stieg an"), 0
 * for other persons ("ich bekomme", "du bekommst"), no finite form or a
 * perfect ("er/sie ist/war gegangen"). */
static int S_person(const char *s, size_t n) {
  char buf[256], tag[32];
  S_clean(s, n, buf, sizeof buf, tag, sizeof tag);
  if (strstr(buf, "ist/war") || strstr(buf, "hat/hatte"))
    return 0;
  const char *w;
  size_t wn;
  S_finite_word(buf, &w, &wn);
  if (!wn)
    return 0;
  /* The pronouns before the form, split at spaces and slashes. */
  int first = 0, third = 0, other = 0;
  for (const char *p = buf; p < w;) {
    size_t k = strcspn(p, " /");
    if (p + k > w)
      k = (size_t)(w - p);
    if (k == 3 && !memcmp(p, "ich", 3))
      first = 1;
    else if ((k == 2 && (!memcmp(p, "er", 2) || !memcmp(p, "es", 2))) ||
             (k == 3 && (!memcmp(p, "sie", 3) || !memcmp(p, "man", 3))))
      third = 1;
    else if (k)
      other = 1; /* du, wir, ihr */
    p += k + (p + k < w);
  }
  if (other || !third)
    return 0;
  return first ? 1 : 2;
}

static void S_line(char *line) {
  char *sep = strstr(line, " :: ");
  if (!sep || line[0] == '#')
    return;
  *sep = '\0';
  S_nline = 0;
  S_das_nouns(line);
  /* Alternatives separated by " | "; the first holds the headwords. */
  char *alts[64];
  size_t na = 0;
  for (char *p = line; p && na < 64;) {
    alts[na++] = p;
    char *bar = strstr(p, " | ");
    if (bar) {
      *bar = '\0';
      p = bar + 3;
    } else
      p = NULL;
  }
  /* Headwords: "Aal {m}; Aale {pl}", "gehen {vi}"; a tag applies to the
   * untagged headwords before it too ("sagen; äußern {vt}"). */
  char *head = alts[0];
  int verb = 0;
  char words[16][256];
  size_t nw = 0;
  for (char *h = strtok(head, ";"); h; h = strtok(NULL, ";")) {
    char word[256], tag[32];
    S_clean(h, strlen(h), word, sizeof word, tag, sizeof tag);
    if (nw < 16)
      snprintf(words[nw++], sizeof words[0], "%s", word);
    if (!tag[0])
      continue;
    for (size_t q = 0; q < nw; q++)
      S_word(words[q], tag, &verb);
    nw = 0;
  }
  /* Later alternatives hold inflected forms with their own tags
   * ("Programm {n} | Programme {pl}"). */
  for (size_t a = 1; a < na; a++) {
    char *alt = alts[a];
    if (!strchr(alt, '{'))
      continue;
    int dummy = 0;
    nw = 0;
    for (char *h = strtok(alt, ";"); h; h = strtok(NULL, ";")) {
      char word[256], tag[32];
      S_clean(h, strlen(h), word, sizeof word, tag, sizeof tag);
      if (nw < 16)
        snprintf(words[nw++], sizeof words[0], "%s", word);
      if (!tag[0] || tag[0] == 'v')
        continue;
      for (size_t q = 0; q < nw; q++)
        S_word(words[q], tag, &dummy);
      nw = 0;
    }
  }
  S_line_adj_nouns();
  if (!verb || na < 3)
    return;
  /* Verb forms: | pres. participle | past participle | 3sg | preterite |
   * ... (with pronoun prefixes; perfect forms "ist/war gegangen" are
   * skipped). An entry of several verbs lists their forms in the same
   * order, separated by ';' ("er/sie bekommt; er/sie erhält"). */
  /* The slot after the first third-person present ("er/sie geht" or
   * "es steigt an") is the preterite; so is every later "ich/er/sie"
   * slot (preterite, subjunctive II). */
  int person[8] = {0};
  size_t pres = 0;
  for (size_t a = 3; a < na && a < 8; a++) {
    person[a] = S_person(alts[a], strcspn(alts[a], ";"));
    if (!pres && person[a] == 2)
      pres = a;
  }
  for (size_t a = 2; a < na && a < 8; a++) {
    int past =
        a >= 4 && (person[a] == 1 || (pres && a == pres + 1 && person[a] == 2));
    for (char *part = alts[a]; part;) {
      char *semi = strchr(part, ';');
      size_t len = semi ? (size_t)(semi - part) : strlen(part);
      S_verb_form(part, len, a, past);
      part = semi ? semi + 1 : NULL;
    }
  }
}

static int S_cmp(const void *x, const void *y) {
  const struct entry *a = x, *b = y;
  return strcmp(a->form, b->form);
}

/* Appends the UTF-8 form of the ISO-8859-1 string s[0..n) to out. */
static size_t S_latin1(const char *s, size_t n, char *out, size_t outsz) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 3 < outsz; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
      out[k++] = (char)c;
    else {
      out[k++] = (char)(0xC0 | (c >> 6));
      out[k++] = (char)(0x80 | (c & 0x3F));
    }
  }
  out[k] = '\0';
  return k;
}

/* The flag of Hunspell affix file 'aff' that conjugates preterite stems:
 * its suffixes, all added without stripping, include -st, -t, -n and -en
 * and no -e (which a present stem's flag has: "mach" -> "mache").
 * de_DE_frami's is 'Z' ("fand/Z": fandst, fandet, fanden). Returns 0 when
 * there is none or the file uses multi-character flags. '*utf8' is set
 * when the files are UTF-8 ("SET UTF-8"), else ISO-8859-1 is assumed. */
static char S_preterite_flag(const char *aff, int *utf8) {
  FILE *f = fopen(aff, "r");
  *utf8 = 0;
  if (!f)
    return 0;
  enum { ST = 1, T = 2, N = 4, EN = 8, E = 16 };
  unsigned seen[256] = {0};
  char *line = NULL;
  size_t cap = 0;
  int single = 1;
  while (getline(&line, &cap, f) > 0) {
    char a[64], b[64], c[64], d[64];
    if (!strncmp(line, "SET UTF-8", 9))
      *utf8 = 1;
    if (!strncmp(line, "FLAG ", 5))
      single = 0; /* long, num or UTF-8 flags */
    if (sscanf(line, "%63s %63s %63s %63s", a, b, c, d) != 4 ||
        strcmp(a, "SFX") || strlen(b) != 1 || strcmp(c, "0"))
      continue;
    char *slash = strchr(d, '/');
    if (slash)
      *slash = '\0';
    unsigned char fl = (unsigned char)b[0];
    seen[fl] |= !strcmp(d, "st")   ? ST
                : !strcmp(d, "t")  ? T
                : !strcmp(d, "n")  ? N
                : !strcmp(d, "en") ? EN
                : !strcmp(d, "e")  ? E
                                   : 0;
  }
  free(line);
  fclose(f);
  for (unsigned k = 1; single && k < 256; k++)
    if (seen[k] == (ST | T | N | EN))
      return (char)k;
  return 0;
}

/* Adds the preterite and subjunctive II stems of Hunspell dictionary
 * 'dic' (lower-case words with the preterite flag: "begann/Z",
 * "festnahm/Z", "fände/Z") and their plurals ("begannen", "fänden") as
 * finite forms: strong verbs Ding gives no conjugation for. Nothing when
 * the dictionary or its flag is missing. */
static void S_hunspell(const char *dic) {
  char aff[4096];
  size_t dl = strlen(dic);
  if (dl < 4 || dl >= sizeof aff || strcmp(dic + dl - 4, ".dic"))
    return;
  memcpy(aff, dic, dl - 4);
  memcpy(aff + dl - 4, ".aff", 5);
  int utf8 = 0;
  char flag = S_preterite_flag(aff, &utf8);
  FILE *f = flag ? fopen(dic, "r") : NULL;
  if (!f) {
    fprintf(stderr, "mklexicon: %s: no preterite stems used\n", dic);
    return;
  }
  char *line = NULL;
  size_t cap = 0;
  while (getline(&line, &cap, f) > 0) {
    char *slash = strchr(line, '/');
    if (!slash || !strchr(slash + 1, flag) || !islower((unsigned char)line[0]))
      continue;
    char *fl = slash + 1;
    fl[strcspn(fl, " \t\r\n")] = '\0';
    if (!strchr(fl, flag))
      continue;
    char w[256];
    size_t n = utf8 ? (size_t)(slash - line)
                    : S_latin1(line, (size_t)(slash - line), w, sizeof w);
    const char *form = utf8 ? line : w;
    if (n < 2 || n >= sizeof w - 3)
      continue;
    S_add(form, n, B_F);
    S_add2(form, n, form[n - 1] == 'e' ? "n" : "en", B_F);
  }
  free(line);
  fclose(f);
}

/* Loads the capitalized words of Hunspell dictionary 'dic' with their
 * flags (for S_weak()); nothing when it cannot be read. */
static void S_dic_load(const char *dic) {
  FILE *f = fopen(dic, "r");
  if (!f)
    return;
  char aff[4096];
  size_t dl = strlen(dic);
  int utf8 = 0;
  if (dl >= 4 && dl < sizeof aff) {
    memcpy(aff, dic, dl - 4);
    memcpy(aff + dl - 4, ".aff", 5);
    (void)S_preterite_flag(aff, &utf8);
  }
  size_t cap = 0;
  char *line = NULL;
  size_t lcap = 0;
  while (getline(&line, &lcap, f) > 0) {
    line[strcspn(line, "\r\n")] = '\0';
    unsigned char c = (unsigned char)line[0];
    if (!(isupper(c) || c >= 0x80))
      continue;
    char *slash = strchr(line, '/');
    size_t wn = slash ? (size_t)(slash - line) : strlen(line);
    char w[256];
    if (wn >= sizeof w / 2)
      continue;
    if (utf8) {
      memcpy(w, line, wn);
      w[wn] = '\0';
    } else
      S_latin1(line, wn, w, sizeof w);
    if (S_ndic == cap) {
      cap = cap ? cap * 2 : 65536;
      S_dic = realloc(S_dic, cap * sizeof *S_dic);
      if (!S_dic) {
        perror("mklexicon");
        exit(1);
      }
    }
    const char *fl = slash ? slash + 1 : "";
    S_dic[S_ndic].word = strdup(w);
    S_dic[S_ndic].flags = strndup(fl, strcspn(fl, " \t"));
    S_ndic++;
  }
  free(line);
  fclose(f);
  qsort(S_dic, S_ndic, sizeof *S_dic, S_dic_cmp);
  /* A word listed twice ("Investor/PFm", "Investor/Sm"): one entry with
   * both flag sets. */
  size_t k = 0;
  for (size_t i = 0; i < S_ndic; i++) {
    if (k && !strcmp(S_dic[k - 1].word, S_dic[i].word)) {
      size_t a = strlen(S_dic[k - 1].flags), b = strlen(S_dic[i].flags);
      char *m = malloc(a + b + 1);
      if (!m) {
        perror("mklexicon");
        exit(1);
      }
      memcpy(m, S_dic[k - 1].flags, a);
      memcpy(m + a, S_dic[i].flags, b + 1);
      free(S_dic[k - 1].flags);
      S_dic[k - 1].flags = m;
      free(S_dic[i].word);
      free(S_dic[i].flags);
      continue;
    }
    S_dic[k++] = S_dic[i];
  }
  S_ndic = k;
}

int main(int argc, char **argv) {
  if (argc != 3 && argc != 4) {
    fprintf(stderr, "usage: mklexicon DING-FILE OUT.tsv [HUNSPELL-DE.dic]\n");
    return 2;
  }
  FILE *in = fopen(argv[1], "r");
  if (!in) {
    perror(argv[1]);
    return 1;
  }
  if (argc == 4)
    S_dic_load(argv[3]);
  char *line = NULL;
  size_t cap = 0;
  while (getline(&line, &cap, in) > 0) {
    line[strcspn(line, "\n")] = '\0';
    S_line(line);
  }
  free(line);
  fclose(in);
  if (argc == 4)
    S_hunspell(argv[3]);
  /* Hunspell's adjectival nouns: a capitalized word in -e with the
   * flags N (+n) and R (+r): "Angestellte/NRm", "Beamte/FNRm". */
  for (size_t i = 0; i < S_ndic; i++) {
    const char *w = S_dic[i].word;
    size_t n = strlen(w);
    if (n > 3 && w[n - 1] == 'e' && strchr(S_dic[i].flags, 'N') &&
        strchr(S_dic[i].flags, 'R'))
      S_adj_noun(w, n - 1);
  }
  qsort(S_v, S_n, sizeof *S_v, S_cmp);
  for (int a = 0; a < 2; a++)
    if (S_nderdie[a])
      qsort(S_derdie[a], S_nderdie[a], sizeof(char *), S_strpcmp);
  FILE *out = fopen(argv[2], "w");
  if (!out) {
    perror(argv[2]);
    return 1;
  }
  for (size_t i = 0; i < S_n;) {
    unsigned bits = 0, rd = 0;
    size_t j = i;
    while (j < S_n && !strcmp(S_v[j].form, S_v[i].form)) {
      rd |= S_v[j].rd;
      bits |= S_v[j++].bits;
    }
    fprintf(out, "%s\t%s%s%s%s%s", S_v[i].form, bits & B_N ? "N" : "",
            bits & B_A ? "A" : "", bits & B_V ? "V" : "", bits & B_F ? "F" : "",
            bits & B_P ? "P" : "");
    rd = S_derdie_fix(S_v[i].form, rd);
    if (rd)
      fprintf(out, "\t%x", rd);
    fputc('\n', out);
    for (size_t k = i; k < j; k++)
      free(S_v[k].form);
    i = j;
  }
  free(S_v);
  if (fclose(out)) {
    perror(argv[2]);
    return 1;
  }
  return 0;
}
