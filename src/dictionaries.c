/*
 * The dictionaries: the German and English Hunspell dictionaries, the
 * word lists of the speller and its verdict cache, made once and shared by
 * the spellers of every auditor created with them (mta_dictionaries_new()
 * in the public header; an auditor without them makes its own).
 *
 * Loading: the files are found and the word lists read at creation (so
 * that a missing dictionary or bad word list is reported at once); the
 * Hunspell dictionaries (de_DE_frami: ~90 ms, en_US: ~25 ms) load in two
 * background threads, started by mta_dictionaries_new() or, for an
 * auditor's own, at its first document, so that loading overlaps reading,
 * decoding and segmenting the input. The first look-up waits for them
 * (mtai_hun_lock()). Hunspell 1.7.1 races on a global table when two UTF-8
 * dictionaries are created or destroyed at once: those calls hold one
 * process-wide lock (S_create_mu).
 *
 * Sharing: a Hunspell handle is not thread-safe (it keeps per-query state
 * in its members), so every call holds the handle's mutex; the verdict
 * cache is shared the same way (cache_mu), so that a word's verdict is
 * computed once per process, not once per worker.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/uchar.h>

#include "arena.h"
#include "dictfile.h"
#include "spell_int.h"
#include "status.h"
#include "i18n.h"

#define S_USER_MAX_FILE (16 * 1024 * 1024) /* bytes of a user word list */
#define S_USER_MAX_WORD 1024               /* bytes of one of its words */

/* Around Hunspell_create/Hunspell_destroy of UTF-8 dictionaries. */
static pthread_mutex_t S_create_mu = PTHREAD_MUTEX_INITIALIZER;

/* Adds the bytes of file 'path' to 'seen'; 0 when it cannot be read. */
static int S_bytes_of(const char *path, unsigned char seen[256]) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  unsigned char chunk[65536];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
    for (size_t i = 0; i < k; i++)
      seen[chunk[i]] = 1;
  int ok = !ferror(f);
  fclose(f);
  return ok;
}

/*
 * The alphabet of the German dictionary (mta_dictionaries.alphabet): every byte
 * of its .dic and .aff files and their case forms. Hunspell accepts a word only
 * as a number, or as (a compound of) stems and affixes of those files,
 * possibly after changing its case (BREAK splits at '-' and '.', which
 * occur in them too); so a word with a byte outside the alphabet is
 * unknown without asking, which spares most look-ups of one-edit
 * candidates of a word with a stray character ("gesellschaftlicheÃ"):
 * only deleting or replacing that character can make a word. Only for
 * ISO-8859-1, whose bytes are code points; otherwise every byte passes.
 */
static void S_alphabet(unsigned char alphabet[256], const char *enc,
                       const unsigned char seen[256], int seen_ok) {
  int latin1 = !strcmp(enc, "ISO8859-1") || !strcmp(enc, "ISO-8859-1");
  if (!latin1 || !seen_ok) {
    memset(alphabet, 1, 256);
    return;
  }
  memset(alphabet, 0, 256);
  for (int c = 0; c < 256; c++) {
    if (!seen[c])
      continue;
    alphabet[c] = 1;
    int32_t u = u_toupper(c), l = u_tolower(c);
    if (u < 256)
      alphabet[u] = 1;
    if (l < 256)
      alphabet[l] = 1;
  }
}

/*
 * Loads a user word list: UTF-8, one word per line, '#' starts a comment,
 * blanks around a word are ignored. The file must be a regular file
 * (opened without blocking, so that a FIFO is refused, not waited for) of
 * at most S_USER_MAX_FILE bytes. Lines may be of any length, but a word
 * longer than S_USER_MAX_WORD bytes, a NUL byte or a word that is not
 * UTF-8 is an error naming the file and line.
 */
static mta_status S_load_user(struct mtai_strset *set, const char *path,
                              char *err, size_t errsz) {
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    char eb[128];
    snprintf(err, errsz, _("%s: cannot open word list: %s"), path,
             mtai_errstr(errno, eb, sizeof eb));
    return MTA_ERR_IO;
  }
  struct stat sb;
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
    snprintf(err, errsz, _("%s: word list is not a regular file"), path);
    close(fd);
    return MTA_ERR_IO;
  }
  if (sb.st_size > S_USER_MAX_FILE) {
    snprintf(err, errsz, _("%s: word list larger than %d bytes"), path,
             S_USER_MAX_FILE);
    close(fd);
    return MTA_ERR_TOO_LARGE;
  }
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    char eb[128];
    snprintf(err, errsz, _("%s: cannot open word list: %s"), path,
             mtai_errstr(errno, eb, sizeof eb));
    close(fd);
    return MTA_ERR_IO;
  }
  char *line = NULL;
  size_t cap = 0, lineno = 0, total = 0;
  ssize_t len;
  mta_status st = MTA_OK;
  while (!st && (len = getline(&line, &cap, f)) > 0) {
    lineno++;
    total += (size_t)len;
    if (total > S_USER_MAX_FILE) { /* it grew while read */
      snprintf(err, errsz, _("%s: word list larger than %d bytes"), path,
               S_USER_MAX_FILE);
      st = MTA_ERR_TOO_LARGE;
      break;
    }
    if (memchr(line, '\0', (size_t)len)) {
      snprintf(err, errsz, _("%s:%zu: NUL byte"), path, lineno);
      st = MTA_ERR_ENCODING;
      break;
    }
    size_t n = strcspn(line, "#\r\n");
    while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
      n--;
    size_t a = strspn(line, " \t");
    if (a >= n)
      continue;
    if (n - a > S_USER_MAX_WORD) {
      snprintf(err, errsz, _("%s:%zu: word longer than %d bytes"), path, lineno,
               S_USER_MAX_WORD);
      st = MTA_ERR_DICT;
      break;
    }
    if (!mtai_utf8_valid(line + a, n - a, NULL)) {
      snprintf(err, errsz, _("%s:%zu: not UTF-8"), path, lineno);
      st = MTA_ERR_ENCODING;
      break;
    }
    st = mtai_strset_add(set, line + a, n - a);
  }
  if (!st && ferror(f)) {
    snprintf(err, errsz, _("%s: read error"), path);
    st = MTA_ERR_IO;
  }
  free(line);
  fclose(f);
  return st;
}

/* 1 unless the .aff file 'aff' declares a single-byte encoding ("SET
 * ISO8859-1", or no SET line: Hunspell's default): a UTF-8 dictionary (or
 * one we cannot tell) is created under S_create_mu. */
static int S_aff_utf8(const char *aff) {
  FILE *f = fopen(aff, "rb");
  if (!f)
    return 1;
  char line[512];
  int utf8 = 0;
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, "SET", 3) || (line[3] != ' ' && line[3] != '\t'))
      continue;
    const char *v = line + 3;
    while (*v == ' ' || *v == '\t')
      v++;
    utf8 = !strncasecmp(v, "UTF-8", 5);
    break;
  }
  fclose(f);
  return utf8;
}

static void S_destroy(struct mtai_hun *h) {
  if (!h->h)
    return;
  if (h->utf8)
    pthread_mutex_lock(&S_create_mu);
  Hunspell_destroy(h->h);
  if (h->utf8)
    pthread_mutex_unlock(&S_create_mu);
  h->h = NULL;
}

/* Loads dictionary 'h' of 'd' (the loader thread's work, or the first
 * user's when none was started). The German one must convert from UTF-8
 * and gets its alphabet; the English one is kept only in UTF-8. */
static void S_load(struct mta_dictionaries *d, struct mtai_hun *h) {
  if (!h->present)
    return;
  if (h->utf8)
    pthread_mutex_lock(&S_create_mu);
  h->h = Hunspell_create(h->aff, h->dic);
  if (h->utf8)
    pthread_mutex_unlock(&S_create_mu);
  h->enc = h->h ? Hunspell_get_dic_encoding(h->h) : NULL;
  if (h == &d->en) {
    if (h->h && (!h->enc || strcmp(h->enc, "UTF-8")))
      S_destroy(h);
    return;
  }
  iconv_t cd = h->enc ? iconv_open(h->enc, "UTF-8") : (iconv_t)-1;
  if (cd != (iconv_t)-1) {
    iconv_close(cd);
    mtai_dicts_model(d); /* joins the thread that read the files' bytes */
    S_alphabet(d->alphabet, h->enc, d->seen, d->seen_ok);
  } else {
    S_destroy(h);
    snprintf(d->errmsg, sizeof d->errmsg, _("cannot load dictionary %s"),
             h->dic);
  }
}

struct S_job {
  struct mta_dictionaries *d;
  struct mtai_hun *h;
};

/* Room in the loader thread's malloc arena for Hunspell's tables of
 * 'dic' (arena.c): about 7 times the .dic file (25 MB for the 4.4 MB
 * de_DE_frami.dic, 6.5 MB for en_US). */
static void S_ready_arena(const char *dic) {
  struct stat st;
  if (!stat(dic, &st) && st.st_size > 0)
    mtai_arena_ready((size_t)st.st_size * 7);
}

static void *S_loader(void *arg) {
  struct S_job *j = arg;
  S_ready_arena(j->h->dic);
  S_load(j->d, j->h);
  atomic_store(&j->h->loaded, 1);
  free(j);
  return NULL;
}

/* Starts the loader thread of 'h' unless it is started or done. */
static void S_start(struct mta_dictionaries *d, struct mtai_hun *h) {
  pthread_mutex_lock(&h->mu);
  if (h->present && !h->started && !h->ready) {
    struct S_job *j = malloc(sizeof *j);
    if (j) {
      *j = (struct S_job){d, h};
      h->started = !pthread_create(&h->th, NULL, S_loader, j);
      if (!h->started) /* loaded at first use instead */
        free(j);
    }
  }
  pthread_mutex_unlock(&h->mu);
}

/* Loads the near-miss model of the German dictionary: from the table
 * built with the library when the files are the ones it was built from
 * (~1 ms to check them), else from the files (~95 ms). A failure or a
 * refusal leaves it NULL: the guard then asks Hunspell about everything,
 * as without it. Then reads the bytes of the two files for the alphabet
 * (S_alphabet(): a scan of 4 MB, ~3 ms, done here while Hunspell is still
 * loading rather than after it, on the path to the first look-up). */
static void *S_model_loader(void *arg) {
  struct mta_dictionaries *d = arg;
  struct mtai_spell_model *m = NULL;
  if (mtai_spell_model_open(
          mtai_spell_model_table,
          (size_t)(mtai_spell_model_table_end - mtai_spell_model_table),
          d->de.aff, d->de.dic, &m) != MTA_OK)
    m = NULL;
  d->model = m; /* published by the joiner's model_done, under model_mu */
  d->seen_ok = S_bytes_of(d->de.aff, d->seen) && S_bytes_of(d->de.dic, d->seen);
  return NULL;
}

static void S_model_start(struct mta_dictionaries *d) {
  pthread_mutex_lock(&d->model_mu);
  if (d->de.present && !d->model_started && !d->model_done)
    d->model_started = !pthread_create(&d->model_th, NULL, S_model_loader, d);
  pthread_mutex_unlock(&d->model_mu);
}

void mtai_dicts_start(struct mta_dictionaries *d) {
  if (!d)
    return;
  S_start(d, &d->de);
  S_start(d, &d->en);
  S_model_start(d);
}

const struct mtai_spell_model *mtai_dicts_model(struct mta_dictionaries *d) {
  pthread_mutex_lock(&d->model_mu);
  if (!d->model_done) {
    if (d->model_started)
      pthread_join(d->model_th, NULL);
    else if (d->de.present)
      S_model_loader(d);
    d->model_done = 1;
  }
  const struct mtai_spell_model *m = d->model;
  pthread_mutex_unlock(&d->model_mu);
  return m;
}

void mtai_hun_lock(struct mta_dictionaries *d, struct mtai_hun *h) {
  pthread_mutex_lock(&h->mu);
  if (h->ready)
    return;
  if (h->started)
    pthread_join(h->th, NULL);
  else
    S_load(d, h);
  h->ready = 1;
  atomic_store(&h->loaded, 1);
}

static struct mtai_spell_gen *S_gen_new(struct mta_dictionaries *d) {
  struct mtai_spell_gen *g = calloc(1, sizeof *g);
  if (g) {
    mtai_strset_init(&g->cache);
    g->next = d->gens;
    d->gens = g;
  }
  return g;
}

mta_status mtai_dicts_new(const char *dict_dir, const char *const *user,
                          size_t nuser, struct mta_dictionaries **out,
                          char *err, size_t errsz) {
  *out = NULL;
  char dirs[4096];
  const char *env = getenv("DICPATH");
  if (dict_dir)
    snprintf(dirs, sizeof dirs, "%s", dict_dir);
  else
    snprintf(dirs, sizeof dirs, "%s%s/usr/share/hunspell:/usr/share/myspell",
             env && *env ? env : "", env && *env ? ":" : "");
  struct mta_dictionaries *d = calloc(1, sizeof *d);
  if (!d)
    return MTA_ERR_NOMEM;
  pthread_mutex_init(&d->de.mu, NULL);
  pthread_mutex_init(&d->en.mu, NULL);
  pthread_mutex_init(&d->cache_mu, NULL);
  pthread_mutex_init(&d->model_mu, NULL);
  pthread_cond_init(&d->cache_cv, NULL);
  pthread_mutexattr_t ra;
  pthread_mutexattr_init(&ra);
  pthread_mutexattr_settype(&ra, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&d->lazy_mu, &ra);
  pthread_mutexattr_destroy(&ra);
  mtai_strset_init(&d->user);
  mtai_strset_init(&d->names);
  mtai_strset_init(&d->heads);
  mtai_strset_init(&d->translit);
  memset(d->alphabet, 1, sizeof d->alphabet);
  mta_status st = MTA_OK;
  struct mtai_hun *de = &d->de, *en = &d->en;
  if (!mtai_dict_search(dirs, "de_DE_frami", de->aff, de->dic,
                        sizeof de->aff) &&
      !mtai_dict_search(dirs, "de_DE", de->aff, de->dic, sizeof de->aff)) {
    snprintf(err, errsz,
             _("no German Hunspell dictionary (de_DE_frami or de_DE) in %s; "
               "install hunspell-de-de-frami or pass --dict-dir"),
             dirs);
    st = MTA_ERR_DICT;
  }
  de->present = 1;
  de->utf8 = S_aff_utf8(de->aff);
  /* English: optional, used to tell English words apart (and German
   * inflections of English verbs). Only the UTF-8 edition is used, so
   * words need no conversion. */
  en->present =
      mtai_dict_search(dirs, "en_US", en->aff, en->dic, sizeof en->aff);
  en->utf8 = en->present && S_aff_utf8(en->aff);
  for (size_t i = 0; !st && i < nuser; i++)
    st = S_load_user(&d->user, user[i], err, errsz);
  if (!st && ((st = mtai_strset_load(&d->names, "names.txt")) ||
              (st = mtai_strset_load(&d->heads, "compound-heads.txt"))))
    snprintf(err, errsz, _("word lists missing from the build"));
  if (!st && (st = mtai_spell_translit_load(&d->translit)))
    snprintf(err, errsz, _("dict/transliterations.txt missing from the build"));
  if (!st && (st = mtai_strset_load(&d->user, "loanwords.txt")))
    snprintf(err, errsz, _("dict/loanwords.txt missing from the build"));
  if (!st && !(d->gen = S_gen_new(d)))
    st = MTA_ERR_NOMEM;
  if (st) {
    de->present = 0; /* nothing to load or free */
    en->present = 0;
    mtai_dicts_free(d);
    return st;
  }
  *out = d;
  return MTA_OK;
}

void mtai_dicts_free(struct mta_dictionaries *d) {
  if (!d)
    return;
  struct mtai_hun *hs[] = {&d->de, &d->en};
  for (size_t i = 0; i < 2; i++) {
    struct mtai_hun *h = hs[i];
    pthread_mutex_lock(&h->mu);
    if (h->started && !h->ready)
      pthread_join(h->th, NULL);
    h->ready = 1;
    pthread_mutex_unlock(&h->mu);
    S_destroy(h);
    pthread_mutex_destroy(&h->mu);
  }
  pthread_mutex_lock(&d->model_mu);
  if (d->model_started && !d->model_done)
    pthread_join(d->model_th, NULL);
  d->model_done = 1;
  pthread_mutex_unlock(&d->model_mu);
  mtai_spell_model_free(d->model);
  pthread_mutex_destroy(&d->model_mu);
  while (d->gens) {
    struct mtai_spell_gen *g = d->gens;
    d->gens = g->next;
    mtai_strset_free_with(&g->cache, mtai_spell_free_entry);
    free(g);
  }
  pthread_mutex_destroy(&d->cache_mu);
  pthread_cond_destroy(&d->cache_cv);
  pthread_mutex_destroy(&d->lazy_mu);
  mtai_strset_free(&d->user);
  mtai_strset_free(&d->names);
  mtai_strset_free(&d->heads);
  mtai_strset_free_with(&d->translit, free);
  free(d);
}

/* ---- public API ---------------------------------------------------------- */

mta_status mta_dictionaries_new(const mta_options *opts, mta_dictionaries **out,
                                char **errmsg) {
  if (errmsg)
    *errmsg = NULL;
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  char err[4400] = "";
  mta_status st = mtai_dicts_new(
      opts ? opts->dict_dir : NULL, opts ? opts->user_dicts : NULL,
      opts ? opts->user_dict_count : 0, out, err, sizeof err);
  if (st) {
    if (errmsg)
      *errmsg = strdup(err[0] ? err : mta_strerror(st));
    return st;
  }
  mtai_dicts_start(*out);
  return MTA_OK;
}

mta_status mta_dictionaries_wait(mta_dictionaries *d, char **errmsg) {
  if (errmsg)
    *errmsg = NULL;
  if (!d)
    return MTA_ERR_INVALID_ARG;
  mtai_hun_lock(d, &d->en);
  pthread_mutex_unlock(&d->en.mu);
  mtai_hun_lock(d, &d->de);
  int ok = d->de.h != NULL;
  pthread_mutex_unlock(&d->de.mu);
  if (ok)
    return MTA_OK;
  if (errmsg)
    *errmsg = strdup(d->errmsg[0] ? d->errmsg : mta_strerror(MTA_ERR_DICT));
  return MTA_ERR_DICT;
}

void mta_dictionaries_free(mta_dictionaries *d) { mtai_dicts_free(d); }
