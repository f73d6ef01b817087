/*
 * German word formation the dictionary lacks (mtai_spell_derived()): the
 * speller's last step before UNKNOWN for a lower-case word. Three open,
 * productive classes of which de_DE_frami lists only some members:
 *
 *   - separable particle verbs: a particle ("vorbei", "heraus", "ab") and a
 *     lower-case word the dictionary knows, optionally with the "zu" of the
 *     infinitive between ("vorbei|schweben", "ab|kalben",
 *     "heraus|zu|finden");
 *   - "un" and an adjective or participle ("un|gefälschter");
 *   - German inflections of English verbs that German uses: the
 *     participle ge-STEM-t / ge-STEM-et, optionally with an adjective
 *     ending ("gestreamt", "gelikt", "gecancelte"), ge- and an English past
 *     form ("geliked"), and STEM with a verb ending ("streamst",
 *     "postet"), where STEM (or STEM + "e", or STEM with its doubled final
 *     consonant undone: "geshoppt") is an English verb of at least four
 *     letters (the English dictionary knows it and its past form). A word the
 * English dictionary knows as a whole ("liken", "listen") is left alone: it is
 * English, the english-leftover checks' business.
 *
 * What keeps typos out: the remainder must be a word as written (a typo in
 * it leaves the word unknown); a word whose capitalized form is a word is a
 * noun written in lower case ("zusammenhalt"), not a derivation; a short
 * particle ("ab", "an", "um", "zu") or "un" is not taken when a form of the
 * lexicon is one edit away ("ungehen" for "umgehen"); an English stem with
 * an undone doubling is not taken when the German verb of that stem exists
 * ("geplannt" is a typo of "geplant", "planen" being German).
 */
#include <string.h>

#include "spell_int.h"

/* Separable verb particles, longest first where one is the prefix of
 * another ("heraus" before "her"). */
static const char *const S_particles[] = {
    "auseinander", "dazwischen", "gegenüber", "hinterher", "zusammen",
    "entgegen",    "herunter",   "hindurch",  "hinunter",  "zurecht",
    "daneben",     "dagegen",    "herüber",   "hinüber",   "nieder",
    "heraus",      "herauf",     "herbei",    "herein",    "hervor",
    "herab",       "heran",      "herum",     "hinaus",    "hinauf",
    "hinein",      "hinweg",     "hinzu",     "hinab",     "voraus",
    "vorbei",      "vorüber",    "vorweg",    "voran",     "weiter",
    "wieder",      "zurück",     "entlang",   "empor",     "durch",
    "davon",       "davor",      "dabei",     "fort",      "heim",
    "nach",        "auf",        "aus",       "bei",       "ein",
    "her",         "hin",        "los",       "mit",       "vor",
    "weg",         "zu",         "ab",        "an",        "um"};

/* Adjective endings after a participle ("gestreamt|e"). */
static const char *const S_adj_endings[] = {"", "e", "en", "er", "es", "em"};

/* Verb endings after a bare English stem ("stream|st"). */
static const char *const S_verb_endings[] = {"en",  "e",    "st",  "t",
                                             "et",  "est",  "te",  "ten",
                                             "tet", "test", "ete", "eten"};

static int S_lower_ascii(const char *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (w[i] < 'a' || w[i] > 'z')
      return 0;
  return n > 0;
}

static int S_vowel(char c) { return strchr("aeiouy", c) != NULL; }

static int S_ends(const char *w, size_t n, const char *e) {
  size_t el = strlen(e);
  return n >= el && !memcmp(w + n - el, e, el);
}

/* 1 when the capitalized form of w[0..n) is a word: "zusammenhalt" is the
 * noun written in lower case, not a derivation. */
static int S_noun_in_lower_case(struct mtai_speller *sp, const char *w,
                                size_t n) {
  char cap[256];
  size_t m = mtai_spell_capitalize(w, n, cap, sizeof cap);
  return m && mtai_spell_hun(sp, cap, m) == 1;
}

static int S_any(struct mtai_speller *sp, const char *c, size_t n, void *ctx) {
  (void)sp;
  (void)c;
  (void)n;
  (void)ctx;
  return 1;
}

/* 1 when a form of the lexicon is one edit away from w[0..n). */
static int S_near_form(struct mtai_speller *sp, const char *w, size_t n) {
  return mtai_spell_edits(sp, w, n, S_any, NULL, MTAI_SPELL_EDIT_LEXICON,
                          NULL) != 0;
}

/* 1 when English word b[0..n) (ASCII, lower case) is a verb: the English
 * dictionary knows its past form ("like" -> "liked", "chat" ->
 * "chatted"). Nouns that a German stem happens to spell ("mace" of
 * "gemact") have none. */
static int S_english_verb(struct mtai_speller *sp, const char *b, size_t n) {
  char buf[72];
  if (n + 3 > sizeof buf || !mtai_speller_english(sp, b, n))
    return 0;
  memcpy(buf, b, n);
  if (b[n - 1] == 'e') {
    buf[n] = 'd';
    return mtai_speller_english(sp, buf, n + 1);
  }
  memcpy(buf + n, "ed", 2);
  if (mtai_speller_english(sp, buf, n + 2))
    return 1;
  buf[n] = b[n - 1];
  memcpy(buf + n + 1, "ed", 2);
  return mtai_speller_english(sp, buf, n + 3);
}

/* 1 when the stem x[0..n) (ASCII, lower case) of a German verb form is an
 * English verb of at least four letters: as written, with a silent "e"
 * ("lik" -> "like") or with its doubled final consonant undone ("shopp"
 * -> "shop"; not when the German verb of that stem exists: "plann" ->
 * "planen", so "geplannt" stays a typo). */
static int S_english_stem(struct mtai_speller *sp, const char *x, size_t n) {
  char buf[64];
  if (n < 3 || n + 3 > sizeof buf)
    return 0;
  if (n >= 4 && S_english_verb(sp, x, n))
    return 1;
  memcpy(buf, x, n);
  buf[n] = 'e';
  /* Not after c or g, whose sound the e makes ("mace" -> "gemact" is a
   * typo of "gemacht", not German spelling of an English verb). */
  if (!S_vowel(x[n - 1]) && x[n - 1] != 'c' && x[n - 1] != 'g' &&
      S_english_verb(sp, buf, n + 1))
    return 1;
  if (n >= 5 && x[n - 1] == x[n - 2] && !S_vowel(x[n - 1]) &&
      S_english_verb(sp, x, n - 1)) {
    memcpy(buf, x, n - 1);
    memcpy(buf + n - 1, "en", 2);
    return mtai_spell_hun(sp, buf, n + 1) != 1;
  }
  return 0;
}

/* A German inflection of an English verb stem (see above); w[0..n) is
 * lower-case ASCII. */
static int S_loan(struct mtai_speller *sp, const char *w, size_t n) {
  if (!mtai_spell_has_english(sp) || mtai_speller_english(sp, w, n))
    return 0;
  if (n > 2 && !memcmp(w, "ge", 2)) {
    const char *b = w + 2;
    for (size_t k = 0; k < sizeof S_adj_endings / sizeof *S_adj_endings; k++) {
      const char *e = S_adj_endings[k];
      if (!S_ends(b, n - 2, e))
        continue;
      size_t bn = n - 2 - strlen(e);
      if (bn >= 5 && S_ends(b, bn, "ed") && mtai_speller_english(sp, b, bn) &&
          (S_english_verb(sp, b, bn - 1) || S_english_verb(sp, b, bn - 2)))
        return 1; /* "geliked" */
      if (bn >= 4 && S_ends(b, bn, "t") && S_english_stem(sp, b, bn - 1))
        return 1; /* "gestreamt", "gelikt" */
      if (bn >= 5 && S_ends(b, bn, "et") && S_english_stem(sp, b, bn - 2))
        return 1; /* "getweetet" */
    }
  }
  for (size_t k = 0; k < sizeof S_verb_endings / sizeof *S_verb_endings; k++) {
    const char *e = S_verb_endings[k];
    size_t el = strlen(e);
    if (n >= el + 3 && S_ends(w, n, e) && S_english_stem(sp, w, n - el))
      return 1; /* "streamst", "shoppen" */
  }
  return 0;
}

/* The remainder after a particle: a word as written, or an English stem
 * with a German ending ("aus|gecheckt"). */
static int S_rest_known(struct mtai_speller *sp, const char *r, size_t n) {
  if (mtai_utf8_count(r, n) < 4 || mtai_spell_upper_initial(r, n))
    return 0;
  return mtai_spell_hun(sp, r, n) == 1 ||
         (S_lower_ascii(r, n) && S_loan(sp, r, n));
}

int mtai_spell_particle_verb(struct mtai_speller *sp, const char *w, size_t n) {
  for (size_t k = 0; k < sizeof S_particles / sizeof *S_particles; k++) {
    size_t pl = strlen(S_particles[k]);
    if (n <= pl || memcmp(w, S_particles[k], pl))
      continue;
    const char *r = w + pl;
    size_t rn = n - pl;
    int ok = S_rest_known(sp, r, rn) ||
             (rn > 2 && !memcmp(r, "zu", 2) && S_ends(r, rn, "en") &&
              S_rest_known(sp, r + 2, rn - 2));
    if (!ok)
      continue;
    if (S_noun_in_lower_case(sp, w, n) ||
        (mtai_utf8_count(S_particles[k], pl) <= 2 && S_near_form(sp, w, n)))
      return 0;
    return 1;
  }
  return 0;
}

int mtai_spell_derived(struct mtai_speller *sp, const char *w, size_t n) {
  if (n < 5 || n >= MTAI_SPELL_SPLIT_MAX || mtai_spell_upper_initial(w, n))
    return 0;
  if (mtai_spell_particle_verb(sp, w, n))
    return 1;
  if (n > 2 && !memcmp(w, "un", 2) && mtai_utf8_count(w + 2, n - 2) >= 5 &&
      mtai_spell_hun(sp, w + 2, n - 2) == 1 &&
      !S_noun_in_lower_case(sp, w, n) && !S_near_form(sp, w, n))
    return 1;
  return S_lower_ascii(w, n) && !S_noun_in_lower_case(sp, w, n) &&
         S_loan(sp, w, n);
}
