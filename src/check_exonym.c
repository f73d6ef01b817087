/*
 * english-leftover/exonym: the English name of a country, territory or
 * well-known place where German has its own ("Czechia" for "Tschechien",
 * "Ivory Coast" for "Elfenbeinküste", "Munich" for "München"), from
 * dict/exonyms.txt (ENGLISH<TAB>GERMAN[<TAB>FLAG]; the longest match wins,
 * so "New Mexico", listed as written the same, hides its "Mexico").
 *
 * Context decides where the English form is cited or is another name:
 *   - inside an English name or title (mtai_english_name_around(): "Air
 *     Canada", "Moscow Times", "University of Munich", a quoted English
 *     title) it is not reported;
 *   - a name that is the German genitive of the German name too
 *     ("Athens", "Balkans": "Athens Bürgermeister", "des Balkans") and
 *     an entry flagged "person" (Chad, Jordan, Milan, Florence; Austria,
 *     Bavaria, Hesse, which German uses in other senses) only after
 *     a place preposition ("in Jordan", not "des Jordan", the river), and
 *     never next to another name ("Michael Jordan", "Milan Kundera");
 *   - an entry flagged "cue:A|B" (Georgia, also a US state) only in a
 *     document that has a word starting with one of the cues (Tiflis,
 *     Kaukasus, georgisch);
 *   - a known English name (dict/english-names.txt: "Munich Re") stops a
 *     match inside it;
 *   - not right before a US state or "Bundesstaat" (within five words):
 *     towns there named after European cities keep their names
 *     ("Athens, Georgia", "Moscow im Bundesstaat Idaho");
 *   - the first part of a hyphenated compound ("Moscow-Besuch") counts
 *     when a German part follows.
 * A single word dict/transliterations.txt lists ("Moscow", "Kyiv") is
 * left to english-leftover/transliteration, which names the same German
 * form. A token an earlier English-leftover finding covers is left alone, and
 * the checks after this one (spelling, words, transliterations) leave the
 * words it reports alone (mtai_findings_mark()).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "english-leftover/exonym",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .replaces = 1,
     .severity = MTA_SEV_MINOR,
     .summary = N_("English name of a country or place German names otherwise "
                   "(\"Czechia\" for \"Tschechien\")"),
     .explanation =
         N_("The English name of a country, territory, region, sea or city "
            "where German has its own ('Czechia' for 'Tschechien', 'Ivory "
            "Coast' for 'Elfenbeinküste', 'Munich' for 'München'), from "
            "dict/exonyms.txt (all ISO 3166 countries whose English name "
            "differs, continents, seas, rivers, regions, cities). Machine "
            "translation copies names from the source. Minor: the reader "
            "recognises the place, but the text reads as untranslated. Context "
            "decides where the form is cited or is another name: not reported "
            "inside an English name or quoted English title ('Air Canada', "
            "'Moscow Times', 'University of Munich', 'Munich Re') or right "
            "before a US state (a US town: 'Athens, Georgia'); a form that is "
            "also a person's name (Jordan, Chad, Milan) only right after 'in', "
            "'nach', 'aus'; 'Georgia' only where the text is about the "
            "Caucasus (Tiflis, georgisch), not the US state. Write the German "
            "name the suggestion gives."),
     .wrong = "Die Regierung in Czechia kündigte neue Maßnahmen an.",
     .right = "Die Regierung in Tschechien kündigte neue Maßnahmen an."},
};

struct S_state {
  struct mtai_strset map; /* English -> "German[\tFLAG]" */
  size_t maxtok;
  struct mtai_pairs_pre pre; /* of 'map' */
  struct mtai_strset states; /* US state names of dict/us-states.txt */
};

static void S_destroy(void *p) {
  struct S_state *s = p;
  if (!s)
    return;
  mtai_strset_free_with(&s->map, free);
  mtai_pairs_pre_free(&s->pre);
  mtai_strset_free(&s->states);
  free(s);
}

/* Known English names (dict/english-names.txt: "Munich Re", "Moscow
 * Times") stop a shorter match inside them, as "New Mexico" does: each
 * becomes a key of the map with the value "=". */
static mta_status S_load_names(struct S_state *s) {
  struct mtai_wordlist it;
  if (!mtai_wordlist_open(&it, "english-names.txt"))
    return MTA_ERR_DICT;
  const char *w;
  size_t n;
  while (mtai_wordlist_next(&it, &w, &n)) {
    if (mtai_strset_has(&s->map, w, n))
      continue;
    char *v = strdup("=");
    if (!v)
      return MTA_ERR_NOMEM;
    mta_status st = mtai_strset_put(&s->map, w, n, v);
    if (st) {
      free(v);
      return st;
    }
    size_t t = 1;
    for (size_t k = 0; k < n; k++)
      t += w[k] == ' ' || w[k] == '.';
    if (t > s->maxtok)
      s->maxtok = t;
  }
  return MTA_OK;
}

/* The names of the US states (the second column of dict/us-states.txt). */
static mta_status S_load_states(struct S_state *s) {
  struct mtai_wordlist it;
  if (!mtai_wordlist_open(&it, "us-states.txt"))
    return MTA_ERR_DICT;
  const char *w;
  size_t n;
  while (mtai_wordlist_next(&it, &w, &n)) {
    const char *tab = memchr(w, '\t', n);
    if (!tab)
      continue;
    const char *name = tab + 1;
    const char *end = memchr(name, '\t', n - (size_t)(name - w));
    size_t nn = end ? (size_t)(end - name) : n - (size_t)(name - w);
    mta_status st = mtai_strset_add(&s->states, name, nn);
    if (st)
      return st;
  }
  return MTA_OK;
}

/* 1 when a US state or a "Bundesstaat" is named right after tokens [a,
 * b] of paragraph 'p' (within five tokens): a town named after a
 * European city there keeps its English name ("Athens, Georgia", "Moscow
 * im Bundesstaat Idaho"). */
static int S_us_town(const struct S_state *s, const struct mtai_doc *d,
                     const struct mtai_paragraph *p, size_t a, size_t b) {
  (void)a;
  size_t to = b + 6 < p->tok_end ? b + 6 : p->tok_end;
  for (size_t i = b + 1; i < to; i++)
    if (d->toks[i].kind == MTAI_TOK_WORD &&
        (mtai_strset_has(&s->states, d->text + d->toks[i].start,
                         mtai_tok_len(d, i)) ||
         (mtai_tok_len(d, i) >= 11 &&
          !memcmp(d->text + d->toks[i].start, "Bundesstaat", 11))))
      return 1;
  return 0;
}

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  struct S_state *s = calloc(1, sizeof *s);
  *out = s;
  if (!s)
    return MTA_ERR_NOMEM;
  mtai_strset_init(&s->map);
  mtai_strset_init(&s->states);
  mta_status st = mtai_pairs_load(&s->map, "exonyms.txt", &s->maxtok);
  if (!st)
    st = S_load_names(s);
  if (!st)
    st = S_load_states(s);
  if (st)
    return mtai_check_error(cx, st, "exonyms: dict/exonyms.txt: %s",
                            mta_strerror(st));
  return MTA_OK;
}

/* Prepositions after which a word is a place ("in Jordan", "nach
 * Chad"). */
static int S_place_prep(const struct mtai_doc *d, size_t k) {
  static const char *const preps[] = {"in",
                                      "nach",
                                      "aus",
                                      "von",
                                      "durch",
                                      "\xC3\xBC"
                                      "ber",
                                      "gegen",
                                      "zwischen",
                                      "mit",
                                      "f\xC3\xBC"
                                      "r",
                                      "und",
                                      "In",
                                      "Nach",
                                      "Aus",
                                      "Von",
                                      "Zwischen"};
  for (size_t i = 0; i < sizeof preps / sizeof *preps; i++)
    if (mtai_tok_eq(d, k, preps[i]))
      return 1;
  return 0;
}

/* 1 when capitalized token 'k' looks like part of a person's name: a word
 * German does not know as a common word. */
static int S_namey(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                   size_t k) {
  const struct mtai_token *t = &d->toks[k];
  if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
      (t->flags & MTAI_TF_ALLCAPS) || !cx->speller)
    return 0;
  enum mtai_spell v =
      mtai_speller_check(cx->speller, d->text + t->start, t->end - t->start);
  return v != MTAI_SPELL_KNOWN && v != MTAI_SPELL_COMPOUND;
}

/* The "person" flag: tokens [a, b] are the place only right after a place
 * preposition ("in Jordan", not "im Wasser des Jordan", the river German
 * names the same), with no name-like word joined on either side. */
static int S_person_ok(const struct mtai_check_ctx *cx,
                       const struct mtai_doc *d, const struct mtai_paragraph *p,
                       size_t a, size_t b) {
  if (a == p->tok_first)
    return 0;
  if (S_namey(cx, d, a - 1) ||
      (b + 1 < p->tok_end && (d->toks[b + 1].flags & MTAI_TF_SPACE_BEFORE) &&
       S_namey(cx, d, b + 1)))
    return 0;
  return S_place_prep(d, a - 1);
}

/* The "cue:A|B" flag: 1 when a word of 'd' starts with one of the cues. */
static int S_cue_ok(const struct mtai_doc *d, const char *cues) {
  while (*cues) {
    const char *e = strchr(cues, '|');
    size_t n = e ? (size_t)(e - cues) : strlen(cues);
    for (size_t i = 0; n && i < d->ntok; i++)
      if (d->toks[i].kind == MTAI_TOK_WORD && mtai_tok_len(d, i) >= n &&
          !memcmp(d->text + d->toks[i].start, cues, n))
        return 1;
    cues += n + (e != NULL);
  }
  return 0;
}

/* 1 when the rest of hyphenated token 'k' after byte 'cut' (its hyphen)
 * is German: a capital follows the hyphen ("Moscow-Besuch"). */
static int S_german_tail(const struct mtai_doc *d, size_t k, size_t cut) {
  size_t e = d->toks[k].end;
  return cut + 1 < e && d->text[cut] == '-' &&
         ((d->text[cut + 1] >= 'A' && d->text[cut + 1] <= 'Z') ||
          (unsigned char)d->text[cut + 1] == 0xC3);
}

static mta_status S_report(struct mtai_findings *out, size_t a, size_t b,
                           const char *german, size_t gn) {
  const struct mtai_doc *d = out->doc;
  char sug[128];
  if (gn >= sizeof sug)
    gn = sizeof sug - 1;
  memcpy(sug, german, gn);
  sug[gn] = '\0';
  return mtai_finding_add(out, &S_rules[0], S_rules[0].severity, a, b, sug,
                          "English place name '%.*s'; German writes '%s'",
                          (int)(b - a), d->text + a, sug);
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *out) {
  struct S_state *s = state;
  const struct mtai_doc *d = out->doc;
  mta_status st = MTA_OK;
  /* The cue answers of this document, by list value (a document scan
   * each; the few cue entries fit). */
  const char *cue_val[8];
  int cue_ok[8];
  size_t ncue = 0;
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
      size_t a = t->start, b = 0, j = i;
      if (n) {
        j = i + n - 1;
        b = d->toks[j].end;
      } else if (t->flags & MTAI_TF_HYPHEN) {
        /* "Moscow-Besuch": the first part alone. */
        const char *h = memchr(d->text + t->start, '-', t->end - t->start);
        void *v = NULL;
        if (h &&
            mtai_strset_get(&s->map, d->text + t->start,
                            (size_t)(h - (d->text + t->start)), &v) &&
            S_german_tail(d, i, (size_t)(h - d->text))) {
          val = v;
          b = (size_t)(h - d->text);
        }
      }
      if (!b || !val)
        continue;
      size_t first = i;
      i = j;
      const char *tab = strchr(val, '\t');
      size_t gn = tab ? (size_t)(tab - val) : strlen(val);
      if (!gn || (gn == 1 && *val == '='))
        continue; /* German writes it the same ("New Mexico") */
      const char *flag = tab ? tab + 1 : "";
      if (mtai_english_name_around(cx, d, p, first, j))
        continue;
      /* "Athens", "Balkans": also the German genitive of the German name
       * ("Athens Bürgermeister", "des Balkans"), so, like a person's
       * name, only right after a place preposition. */
      size_t kn = d->toks[j].end - t->start;
      int genitive = kn == gn + 1 && d->text[t->start + gn] == 's' &&
                     !memcmp(d->text + t->start, val, gn);
      if ((!strcmp(flag, "person") || genitive) &&
          !S_person_ok(cx, d, p, first, j))
        continue;
      if (!strncmp(flag, "cue:", 4)) {
        size_t c = 0;
        while (c < ncue && cue_val[c] != val)
          c++;
        int ok;
        if (c < ncue) {
          ok = cue_ok[c];
        } else {
          ok = S_cue_ok(d, flag + 4);
          if (ncue < sizeof cue_val / sizeof *cue_val) {
            cue_val[ncue] = val;
            cue_ok[ncue++] = ok;
          }
        }
        if (!ok)
          continue;
      }
      if (S_us_town(s, d, p, first, j))
        continue;
      /* One word dict/transliterations.txt lists ("Moscow", "Kyiv",
       * "Tehran") is english-leftover/transliteration's, which gives the
       * same German name. */
      char g[128];
      if (n == 1 && cx->speller &&
          mtai_speller_translit(cx->speller, d->text + t->start,
                                t->end - t->start, g, sizeof g))
        continue;
      st = S_report(out, a, b, val, gn);
    }
  }
  return st;
}

const struct mta_check mtai_check_exonym = {
    "exonym", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,   S_run,   S_destroy};
