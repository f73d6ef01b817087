/*
 * Build-time generator of the open-class German lexicon from Debian's
 * trans-de-en (the Ding German-English dictionary, /usr/share/trans/de-en).
 *
 * Usage: mklexicon DING-FILE OUT.tsv
 *
 * Reads the German side of every entry ("gehen {vi} | gehend | gegangen |
 * er/sie geht | ich/er/sie ging | ..."), and writes one line per word form,
 * "FORM<TAB>CLASSES", sorted, where CLASSES is a set of letters:
 *   N noun ({m} {f} {n} {pl})      A adjective ({adj}; and -e -en -em -er
 *   V verb infinitive ({vt} {vi}       -es endings generated)
 *     {vr})                         P past participle
 *   F finite verb form (the Ding forms, plus the regular present and
 *     preterite endings generated from the infinitive's stem)
 * Multi-word headwords are skipped. The output is sorted with duplicates
 * merged, so the library can binary-search it or load it into a hash.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
  char *form;
  unsigned bits;
};

static struct entry *S_v;
static size_t S_n, S_cap;

enum { B_N = 1, B_A = 2, B_V = 4, B_F = 8, B_P = 16 };

static void S_add(const char *w, size_t n, unsigned bits) {
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
  S_n++;
}

/* Adds 'stem' + 'end'. */
static void S_add2(const char *stem, size_t sn, const char *end,
                   unsigned bits) {
  char buf[128];
  size_t el = strlen(end);
  if (sn + el >= sizeof buf)
    return;
  memcpy(buf, stem, sn);
  memcpy(buf + sn, end, el);
  S_add(buf, sn + el, bits);
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

/* Strips "{...}" and "[...]" annotations; returns the tag in braces. */
static void S_clean(const char *s, size_t n, char *out, size_t outsz, char *tag,
                    size_t tagsz) {
  size_t k = 0;
  tag[0] = '\0';
  for (size_t i = 0; i < n && k + 1 < outsz; i++) {
    if (s[i] == '{' || s[i] == '[') {
      char close = s[i] == '{' ? '}' : ']';
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
  /* Verbs come with object placeholders ("jdn. besuchen", "sich etw.
   * ansehen"): the verb is the last word. */
  if ((!strcmp(tag, "vt") || !strcmp(tag, "vi") || !strcmp(tag, "vr")) &&
      memchr(w, ' ', wl)) {
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
  if (noun)
    S_add(w, wl, B_N);
  else if (!strcmp(tag, "adj")) {
    S_add(w, wl, B_A);
    static const char *const ends[] = {"e", "en", "em", "er", "es"};
    size_t sl = wl;
    if (sl > 1 && w[sl - 1] == 'e')
      sl--; /* leise -> leis|e */
    for (size_t k = 0; k < 5; k++)
      S_add2(w, sl, ends[k], B_A);
  } else if (!strcmp(tag, "vt") || !strcmp(tag, "vi") || !strcmp(tag, "vr")) {
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

static void S_line(char *line) {
  char *sep = strstr(line, " :: ");
  if (!sep || line[0] == '#')
    return;
  *sep = '\0';
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
  if (!verb || na < 3)
    return;
  /* Verb forms: | pres. participle | past participle | 3sg | preterite |
   * ... (with pronoun prefixes; perfect forms "ist/war gegangen" are
   * skipped). */
  for (size_t a = 1; a < na && a < 8; a++) {
    char *first = alts[a];
    char *semi = strchr(first, ';');
    size_t len = semi ? (size_t)(semi - first) : strlen(first);
    char buf[256], tag[32];
    S_clean(first, len, buf, sizeof buf, tag, sizeof tag);
    if (strstr(buf, "ist/war") || strstr(buf, "hat/hatte"))
      continue;
    const char *w;
    size_t wn;
    if (a == 1)
      continue; /* present participle: an adjective-like form */
    if (a == 2)
      S_last_word(buf, strlen(buf), &w, &wn); /* "in Empfang genommen" */
    else
      S_finite_word(buf, &w, &wn); /* "er/sie nimmt in Empfang" */
    if (wn && !isupper((unsigned char)w[0]))
      S_add(w, wn, a == 2 ? B_P : B_F);
  }
}

static int S_cmp(const void *x, const void *y) {
  const struct entry *a = x, *b = y;
  return strcmp(a->form, b->form);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: mklexicon DING-FILE OUT.tsv\n");
    return 2;
  }
  FILE *in = fopen(argv[1], "r");
  if (!in) {
    perror(argv[1]);
    return 1;
  }
  char *line = NULL;
  size_t cap = 0;
  while (getline(&line, &cap, in) > 0) {
    line[strcspn(line, "\n")] = '\0';
    S_line(line);
  }
  free(line);
  fclose(in);
  qsort(S_v, S_n, sizeof *S_v, S_cmp);
  FILE *out = fopen(argv[2], "w");
  if (!out) {
    perror(argv[2]);
    return 1;
  }
  for (size_t i = 0; i < S_n;) {
    unsigned bits = 0;
    size_t j = i;
    while (j < S_n && !strcmp(S_v[j].form, S_v[i].form))
      bits |= S_v[j++].bits;
    fprintf(out, "%s\t%s%s%s%s%s\n", S_v[i].form, bits & B_N ? "N" : "",
            bits & B_A ? "A" : "", bits & B_V ? "V" : "", bits & B_F ? "F" : "",
            bits & B_P ? "P" : "");
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
