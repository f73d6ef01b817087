/*
 * English transliterations of names (mtai_speller_translit()): the pairs
 * of dict/transliterations.txt, and pattern rules that rewrite an English
 * transliteration of a Cyrillic name the German way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spell_int.h"

/* Loads dict/transliterations.txt: "ENGLISH<TAB>GERMAN" per entry. */
mta_status mtai_spell_translit_load(struct mtai_strset *map) {
  struct mtai_wordlist it;
  if (!mtai_wordlist_open(&it, "transliterations.txt"))
    return MTA_ERR_DICT;
  const char *w;
  size_t n;
  while (mtai_wordlist_next(&it, &w, &n)) {
    const char *tab = memchr(w, '\t', n);
    if (!tab)
      continue;
    char *german = strndup(tab + 1, (size_t)(w + n - tab - 1));
    if (!german)
      return MTA_ERR_NOMEM;
    mta_status st = mtai_strset_put(map, w, (size_t)(tab - w), german);
    if (st) {
      free(german);
      return st;
    }
  }
  return MTA_OK;
}

/* Rewrites an English transliteration of a Cyrillic name the German way
 * (shch->schtsch, zh->sch, kh->ch, ch->tsch, sh->sch, v->w, final y->i
 * except in -ny, ya/yu/ye->ja/ju/je) into 'out'. */
static mta_status S_germanize(const char *w, size_t n, struct mta_buf *out) {
  static const struct {
    const char *from, *to;
  } rules[] = {{"shch", "schtsch"}, {"zh", "sch"}, {"Zh", "Sch"},
               {"kh", "ch"},        {"Kh", "Ch"},  {"ch", "tsch"},
               {"Ch", "Tsch"},      {"sh", "sch"}, {"Sh", "Sch"},
               {"ya", "ja"},        {"yu", "ju"},  {"ye", "je"},
               {"Ya", "Ja"},        {"Yu", "Ju"},  {"Ye", "Je"},
               {"v", "w"},          {"V", "W"}};
  mta_status st = MTA_OK;
  for (size_t i = 0; !st && i < n;) {
    size_t k = 0;
    for (; k < sizeof rules / sizeof rules[0]; k++) {
      size_t fl = strlen(rules[k].from);
      if (i + fl <= n && !memcmp(w + i, rules[k].from, fl)) {
        st = mtai_buf_puts(out, rules[k].to);
        i += fl;
        break;
      }
    }
    if (k < sizeof rules / sizeof rules[0])
      continue;
    /* Dmitry -> Dmitri, Zhukovsky -> Schukowski; but -ny stays
     * (Nawalny, Wostotschny). */
    if (w[i] == 'y' && i > 0 && w[i - 1] != 'n' &&
        (i + 1 == n || (i + 2 == n && w[i + 1] == 'y')))
      st = mtai_buf_putc(out, 'i'), i = n;
    else
      st = mtai_buf_putc(out, w[i++]);
  }
  return st;
}

/* 1 when w[0..n) contains s[0..m). */
static int S_has(const char *w, size_t n, const char *s, size_t m) {
  for (size_t i = 0; i + m <= n; i++)
    if (!memcmp(w + i, s, m))
      return 1;
  return 0;
}

/* How w[0..n) ends: 2 in a Slavic name suffix, English-transliterated
 * ("-ov", "-enko", "-sky"), 1 in one that other languages share ("-in",
 * "-ina": Sachin, Yasin), 0 in none. */
static int S_slavic(const char *w, size_t n) {
  static const char *const ends[] = {
      "ov",  "ova",  "ev",    "eva",   "sky", "skiy", "skyi", "enko", "chuk",
      "yuk", "vich", "ovich", "evich", "ny",  "nyy",  "iy",   "yev",  "yeva"};
  for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
    size_t el = strlen(ends[k]);
    if (n > el + 2 && !memcmp(w + n - el, ends[k], el))
      return 2;
  }
  if ((n > 4 && !memcmp(w + n - 2, "in", 2)) ||
      (n > 5 && !memcmp(w + n - 3, "ina", 3)))
    return 1;
  return 0;
}

/* 1 when w[0..n) has letters an English transliteration of Russian or
 * Ukrainian does not use but Indian, Arabic, Polish or German spellings
 * do (Bhattacharya, Khashoggi, Jaishankar, Aufsichtsrat): j, q, x, a c
 * outside "ch", doubled vowels, an aspirate "bh", "dh", "gh", "jh", "ph",
 * "th", and German "sch", "ck", "tz". A w is no sign: half-German forms
 * ("Wostochny") are what the rule is for. */
static int S_non_slavic(const char *w, size_t n) {
  static const char *const marks[] = {"aa", "ee",  "oo",  "bh", "dh",
                                      "gh", "jh",  "ph",  "th", "Th",
                                      "Ph", "sch", "Sch", "ck", "tz"};
  for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
    if (S_has(w, n, marks[k], strlen(marks[k])))
      return 1;
  for (size_t i = 0; i < n; i++) {
    char c = (char)(w[i] | 0x20);
    if (c == 'j' || c == 'q' || c == 'x' ||
        (c == 'c' && (i + 1 == n || w[i + 1] != 'h')))
      return 1;
  }
  return 0;
}

/* 1 when w[0..n) is German: a compound whose last part of five letters or
 * more is a German word ("...vertreterin", capitalized to look it up), or
 * a feminine in -in of a German word ("Bestverdienerin"). */
static int S_german(struct mtai_speller *sp, const char *w, size_t n) {
  char part[64];
  if (n >= sizeof part)
    return 0;
  for (size_t k = 1; k + 5 <= n; k++) {
    memcpy(part, w + k, n - k);
    part[0] = (char)(part[0] & ~0x20);
    enum mtai_spell v = mtai_speller_check(sp, part, n - k);
    if (v == MTAI_SPELL_KNOWN || v == MTAI_SPELL_COMPOUND)
      return 1;
  }
  if (n > 6 && !memcmp(w + n - 2, "in", 2)) {
    enum mtai_spell v = mtai_speller_check(sp, w, n - 2);
    return v == MTAI_SPELL_KNOWN || v == MTAI_SPELL_COMPOUND;
  }
  return 0;
}

int mtai_speller_translit(struct mtai_speller *sp, const char *w, size_t n,
                          char *out, size_t outsz) {
  void *g;
  if (mtai_strset_get(sp->translit, w, n, &g)) {
    snprintf(out, outsz, "%s", (const char *)g);
    return 1;
  }
  /* Pattern rules, only for unknown capitalized ASCII words that look
   * like English transliterations of Slavic names. The patterns are tested
   * first: they rule out almost every word for free, the verdict costs a
   * dictionary search (and the near-miss guard of a compound). */
  if (n < 4 || n > 60 || !mtai_spell_upper_initial(w, n))
    return 0;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)w[i] >= 0x80)
      return 0;
  /* Only "shch" is Cyrillic transliteration alone; "kh" also occurs in
   * Arabic and Indian names (Khalid, Sukhbir), "zh", "sh", "ch", "y" and
   * "v" also in Chinese pinyin (Zhang), English and German words, so
   * they need a Slavic ending too -- a strong one ("-ov", "-enko"), or
   * "-in"/"-ina" with "zh" or "kh" (Prigozhin). Letters foreign to
   * Slavic transliteration, or a German word inside, rule it out. */
  int ending = S_slavic(w, n);
  int strong_mark = S_has(w, n, "kh", 2) || S_has(w, n, "Kh", 2) ||
                    S_has(w, n, "zh", 2) || S_has(w, n, "Zh", 2);
  int marked = S_has(w, n, "shch", 4) || S_has(w, n, "Shch", 4) ||
               (ending == 2 && (strong_mark || S_has(w, n, "sh", 2) ||
                                S_has(w, n, "Sh", 2) || S_has(w, n, "ch", 2) ||
                                S_has(w, n, "Ch", 2) || memchr(w, 'y', n) ||
                                memchr(w, 'v', n) || memchr(w, 'V', n))) ||
               (ending == 1 && strong_mark);
  if (!marked || S_non_slavic(w, n) ||
      mtai_speller_check(sp, w, n) != MTAI_SPELL_UNKNOWN ||
      mtai_speller_english(sp, w, n) || S_german(sp, w, n))
    return 0;
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  mta_status st =
      mtai_spell_alloc_ok(sp) ? S_germanize(w, n, &b) : MTA_ERR_NOMEM;
  int changed =
      !st && (mtai_buf_len(&b) != n || memcmp(mtai_buf_str(&b), w, n));
  mtai_spell_fail(sp, st);
  if (changed)
    snprintf(out, outsz, "%s", mtai_buf_str(&b));
  mtai_buf_free(&b);
  return changed;
}
