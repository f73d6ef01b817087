/*
 * spelling/unknown: words the German Hunspell dictionary does not know.
 *
 * This first version reports only lower-case words (capitalized unknown
 * words are mostly names and compounds, which need the name and compound
 * handling of a later stage before they can be reported honestly). Words
 * with digits, all-caps acronyms, one-letter words, words with an inner
 * period (domains such as "bild.de", "z.B") and words inside URLs are
 * skipped; soft hyphens (U+00AD) are ignored; an abbreviation counts as
 * known when the dictionary has it with its period ("bzw.").
 *
 * The Debian German dictionaries are ISO-8859-1, so words are converted
 * with iconv; a word with a character outside Latin-1 cannot be in them
 * and is skipped. Every distinct word's verdict is cached, and Hunspell's
 * slow suggest() runs once per distinct reported word.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include <hunspell.h>

#include "check.h"

static const struct mta_rule S_rules[] = {
    {"spelling/unknown", MTAI_CAT_SPELLING, MTA_SEV_MAJOR,
     "word not in the German dictionary"},
};

/* A cached verdict: NULL value = known word; else a struct S_bad. */
struct S_bad {
  char *suggestions; /* "a, b, c" or "" */
  char *first;       /* first suggestion or NULL */
  int english;       /* known to the English dictionary */
};

struct S_state {
  Hunhandle *hun;
  Hunhandle *en; /* en_US (UTF-8), optional: tells English words apart */
  iconv_t to_dict, from_dict; /* UTF-8 <-> dictionary encoding */
  struct mtai_strset cache;
  struct mta_buf tmp;
};

static void S_free_bad(void *p) {
  struct S_bad *b = p;
  free(b->suggestions);
  free(b->first);
  free(b);
}

/* Finds NAME.aff/NAME.dic in the configured or standard directories. */
static int S_find_dict(const char *dir, const char *name, char *aff,
                       char *dic, size_t sz) {
  snprintf(aff, sz, "%s/%s.aff", dir, name);
  snprintf(dic, sz, "%s/%s.dic", dir, name);
  FILE *a = fopen(aff, "r"), *d = fopen(dic, "r");
  int ok = a && d;
  if (a)
    fclose(a);
  if (d)
    fclose(d);
  return ok;
}

/* Searches the ':'-separated 'dirs' for dictionary 'name'. */
static int S_search(const char *dirs, const char *name, char *aff, char *dic,
                    size_t sz) {
  char *save = NULL, copy[4096];
  snprintf(copy, sizeof copy, "%s", dirs);
  for (char *dir = strtok_r(copy, ":", &save); dir;
       dir = strtok_r(NULL, ":", &save))
    if (S_find_dict(dir, name, aff, dic, sz))
      return 1;
  return 0;
}

/* Converts with 'cd'; returns 0 when a character does not fit. */
static int S_conv(iconv_t cd, const char *in, size_t n, char *out,
                  size_t outsz) {
  char *ip = (char *)in, *op = out;
  size_t il = n, ol = outsz - 1;
  iconv(cd, NULL, NULL, NULL, NULL);
  if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
    return 0;
  *op = '\0';
  return 1;
}

static mta_status S_init(struct mta_auditor *a, void **out) {
  *out = NULL;
  if (a->flags & MTA_OPT_NO_SPELL)
    return MTA_OK;
  char dirs[4096];
  const char *env = getenv("DICPATH");
  if (a->dict_dir)
    snprintf(dirs, sizeof dirs, "%s", a->dict_dir);
  else
    snprintf(dirs, sizeof dirs, "%s%s/usr/share/hunspell:/usr/share/myspell",
             env && *env ? env : "", env && *env ? ":" : "");
  static const char *const names[] = {"de_DE_frami", "de_DE"};
  char aff[4200], dic[4200];
  int found = 0;
  for (size_t k = 0; k < 2 && !found; k++)
    found = S_search(dirs, names[k], aff, dic, sizeof aff);
  if (!found)
    return mtai_set_error(a, MTA_ERR_DICT,
                          "no German Hunspell dictionary (de_DE_frami or "
                          "de_DE) in %s; install hunspell-de-de-frami or "
                          "pass --dict-dir",
                          dirs);
  struct S_state *s = calloc(1, sizeof *s);
  if (!s)
    return MTA_ERR_NOMEM;
  s->to_dict = s->from_dict = (iconv_t)-1;
  mtai_strset_init(&s->cache);
  mtai_buf_init(&s->tmp, 0);
  s->hun = Hunspell_create(aff, dic);
  char en_aff[4200], en_dic[4200];
  if (S_search(dirs, "en_US", en_aff, en_dic, sizeof en_aff)) {
    s->en = Hunspell_create(en_aff, en_dic);
    const char *ee = s->en ? Hunspell_get_dic_encoding(s->en) : NULL;
    if (s->en && (!ee || strcmp(ee, "UTF-8"))) {
      Hunspell_destroy(s->en); /* only the UTF-8 edition is used */
      s->en = NULL;
    }
  }
  const char *enc = s->hun ? Hunspell_get_dic_encoding(s->hun) : NULL;
  if (enc) {
    s->to_dict = iconv_open(enc, "UTF-8");
    s->from_dict = iconv_open("UTF-8", enc);
  }
  if (!s->hun || s->to_dict == (iconv_t)-1 || s->from_dict == (iconv_t)-1) {
    *out = s;
    return mtai_set_error(a, MTA_ERR_DICT, "cannot load dictionary %s",
                          dic);
  }
  *out = s;
  return MTA_OK;
}

static void S_destroy(void *p) {
  struct S_state *s = p;
  if (!s)
    return;
  if (s->hun)
    Hunspell_destroy(s->hun);
  if (s->en)
    Hunspell_destroy(s->en);
  if (s->to_dict != (iconv_t)-1)
    iconv_close(s->to_dict);
  if (s->from_dict != (iconv_t)-1)
    iconv_close(s->from_dict);
  mtai_strset_free_with(&s->cache, S_free_bad);
  mtai_buf_free(&s->tmp);
  free(s);
}

/* Builds the verdict for an unknown word: up to three suggestions, or none
 * for a word the English dictionary knows (German look-alikes of an
 * English word only mislead). */
static struct S_bad *S_verdict(struct S_state *s, const char *enc_word,
                               const char *u8_word) {
  struct S_bad *b = calloc(1, sizeof *b);
  if (!b)
    return NULL;
  if (s->en && Hunspell_spell(s->en, u8_word)) {
    b->english = 1;
    b->suggestions = strdup("");
    if (!b->suggestions) {
      free(b);
      return NULL;
    }
    return b;
  }
  char **list = NULL;
  int n = Hunspell_suggest(s->hun, &list, enc_word);
  mtai_buf_reset(&s->tmp);
  for (int i = 0, used = 0; i < n && used < 3; i++) {
    char u8[256];
    if (!S_conv(s->from_dict, list[i], strlen(list[i]), u8, sizeof u8))
      continue;
    if (used++)
      mtai_buf_puts(&s->tmp, ", ");
    mtai_buf_puts(&s->tmp, u8);
    if (!b->first)
      b->first = strdup(u8);
  }
  if (list)
    Hunspell_free_list(s->hun, &list, n);
  b->suggestions = strdup(mtai_buf_str(&s->tmp));
  if (!b->suggestions) {
    S_free_bad(b);
    return NULL;
  }
  return b;
}

/* Whether token 'i' is a candidate: a lower-case word of letters only. */
static int S_candidate(const struct mtai_doc *d, size_t i) {
  const struct mtai_token *tk = &d->toks[i];
  if (tk->kind != MTAI_TOK_WORD || (tk->flags & (MTAI_TF_UPPER | MTAI_TF_ALLCAPS)))
    return 0;
  if (mtai_utf8_count(d->text + tk->start, tk->end - tk->start) < 2)
    return 0;
  for (size_t k = tk->start; k < tk->end; k++) {
    char c = d->text[k];
    if ((c >= '0' && c <= '9') || c == '_' || c == '@' || c == '.')
      return 0;
  }
  return 1;
}

/* Looks up 'w' (n bytes of UTF-8) in the cache, asking Hunspell on a miss.
 * '*bad' becomes the verdict of an unknown word, or NULL for a known one
 * and for one the dictionary cannot hold (not representable in its
 * encoding). */
static mta_status S_lookup(struct S_state *s, const char *w, size_t n,
                           struct S_bad **bad) {
  void *val = NULL;
  *bad = NULL;
  if (mtai_strset_get(&s->cache, w, n, &val)) {
    *bad = val;
    return MTA_OK;
  }
  char enc[256], u8[256];
  if (n >= 200 || !S_conv(s->to_dict, w, n, enc, sizeof enc))
    return MTA_OK;
  if (!Hunspell_spell(s->hun, enc)) {
    memcpy(u8, w, n);
    u8[n] = '\0';
    if (!(val = S_verdict(s, enc, u8)))
      return MTA_ERR_NOMEM;
  }
  mta_status st = mtai_strset_put(&s->cache, w, n, val);
  if (st) {
    if (val)
      S_free_bad(val);
    return st;
  }
  *bad = val;
  return MTA_OK;
}

/* Copies token text without soft hyphens (U+00AD, invisible hyphenation
 * points common in scraped text) into 'out'; returns the length, or 0 when
 * the word is too long. */
static size_t S_clean(const char *w, size_t n, char *out, size_t outsz) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (i + 1 < n && (unsigned char)w[i] == 0xC2 &&
        (unsigned char)w[i + 1] == 0xAD) {
      i++;
      continue;
    }
    if (k + 2 >= outsz)
      return 0;
    out[k++] = w[i];
  }
  return k;
}

static mta_status S_run(void *state, struct mta_report *r) {
  struct S_state *s = state;
  if (!s)
    return MTA_OK;
  const struct mtai_doc *d = &r->doc;
  for (size_t i = 0; i < d->ntok; i++) {
    if (!S_candidate(d, i) || mtai_doc_in_url(d, d->toks[i].start))
      continue;
    char w[256];
    size_t n = S_clean(d->text + d->toks[i].start, mtai_tok_len(d, i), w,
                       sizeof w);
    if (n < 2)
      continue;
    struct S_bad *b;
    mta_status st = S_lookup(s, w, n, &b);
    /* An abbreviation: the dictionary knows it with its period ("bzw."). */
    if (!st && b && i + 1 < d->ntok && mtai_tok_eq(d, i + 1, ".") &&
        d->toks[i + 1].start == d->toks[i].end) {
      struct S_bad *dotted;
      w[n] = '.';
      st = S_lookup(s, w, n + 1, &dotted);
      if (!st && !dotted)
        b = NULL;
    }
    if (st)
      return st;
    if (!b)
      continue;
    if (b->english)
      st = mtai_finding_add(r, &S_rules[0], S_rules[0].severity,
                            d->toks[i].start, d->toks[i].end, NULL,
                            "unknown German word '%.*s': an English word "
                            "left untranslated?",
                            (int)n, w);
    else if (b->first)
      st = mtai_finding_add(r, &S_rules[0], S_rules[0].severity,
                            d->toks[i].start, d->toks[i].end, b->first,
                            "unknown word '%.*s'; did you mean: %s?", (int)n,
                            w, b->suggestions);
    else
      st = mtai_finding_add(r, &S_rules[0], S_rules[0].severity,
                            d->toks[i].start, d->toks[i].end, NULL,
                            "unknown word '%.*s'", (int)n, w);
    if (st)
      return st;
  }
  return MTA_OK;
}

const struct mta_check mtai_check_spell = {
    "spelling", S_rules, sizeof S_rules / sizeof S_rules[0], S_init, S_run,
    S_destroy};
