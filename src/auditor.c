/*
 * The auditor: life cycle, options, error state, and the pipeline that
 * turns bytes into a scored report:
 *
 *   read -> decode (decode.c) -> XLIFF: targets and sources (xliff.c), or
 *   refuse markup (markup.c) -> segment
 *   (segment.c) -> annotate (annotate.c) -> classify (classify.c) -> every
 *   registered check (checks.c) -> sort -> score (score.c)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "auditor_int.h"
#include "i18n.h"
#include "bitext.h"
#include "i18n.h"
#include "status.h"
#include "html_input.h"
#include "i18n.h"
#include "xliff.h"

void mta_free(void *p) { free(p); }

mta_status mtai_set_error(struct mta_auditor *a, mta_status st, const char *fmt,
                          ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(a->errmsg, sizeof a->errmsg, _(fmt), ap); /* xgettext: keyword */
  va_end(ap);
  return st;
}

const char *mta_auditor_errmsg(const mta_auditor *a) {
  return a ? a->errmsg : "";
}

void mta_auditor_free(mta_auditor *a) {
  if (!a)
    return;
  if (a->check_state)
    for (size_t i = 0; mtai_checks[i]; i++)
      if (mtai_checks[i]->destroy)
        mtai_checks[i]->destroy(a->check_state[i]);
  free(a->check_state);
  mtai_speller_free(a->speller);
  mtai_lexicon_free(a->lexicon);
  mtai_classifier_free(a->classifier);
  mtai_toktab_free(a->toktab);
  mtai_wordlists_free(&a->lists);
  mtai_segmenter_free(a->seg);
  mtai_segmenter_free(a->seg_en);
  free(a->ovr);
  free(a->check_off);
  for (size_t i = 0; i < a->nacc; i++) {
    free((char *)a->acc[i].rule);
    free((char *)a->acc[i].phrase);
  }
  free(a->acc);
  free(a->config_name);
  free(a->dict_dir);
  free(a->encoding);
  free(a);
}

static char *S_strdup_opt(const char *s, int *fail) {
  if (!s)
    return NULL;
  char *p = strdup(s);
  if (!p)
    *fail = 1;
  return p;
}

/* 1 when setting pattern 'pat' matches rule 'r': its id, its category, or
 * "category/" followed by "*". */
static int S_matches(const char *pat, const struct mta_rule *r) {
  const char *cat = mtai_category_name(r->category);
  size_t cl = strlen(cat);
  if (!strcmp(pat, r->id) || !strcmp(pat, cat))
    return 1;
  return !strncmp(pat, cat, cl) && !strcmp(pat + cl, "/*");
}

/* Turns mta_options.rule_settings into per-rule overrides (a->ovr) and
 * marks checks whose rules are all off (a->check_off: not run). An
 * unknown rule or category is MTA_ERR_INVALID_ARG. */
static mta_status S_rule_settings(mta_auditor *a, const mta_options *opts) {
  size_t nchecks = mtai_check_count();
  a->check_off = calloc(nchecks + 1, 1);
  size_t nrules = mta_rule_count();
  a->ovr = calloc(nrules + 1, sizeof *a->ovr);
  if (!a->check_off || !a->ovr)
    return MTA_ERR_NOMEM;
  for (size_t k = 0; k < opts->rule_setting_count; k++) {
    const mta_rule_setting *rs = &opts->rule_settings[k];
    int hit = 0;
    if (!rs->rule || rs->severity > MTA_SEV_CRITICAL)
      return mtai_set_error(a, MTA_ERR_INVALID_ARG, "bad rule setting %zu", k);
    for (size_t i = 0; i < nrules; i++) {
      const struct mta_rule *rule = mtai_rule_ptr(i);
      if (!S_matches(rs->rule, rule))
        continue;
      hit = 1;
      size_t o = 0;
      while (o < a->novr && a->ovr[o].rule != rule)
        o++;
      if (o == a->novr) {
        a->ovr[o].rule = rule;
        a->ovr[o].enabled = 1;
        a->ovr[o].severity = rule->severity;
        a->novr++;
      }
      if (rs->enabled >= 0)
        a->ovr[o].enabled = rs->enabled != 0;
      if (rs->severity >= 0)
        a->ovr[o].severity = (mta_severity)rs->severity;
    }
    if (!hit)
      return mtai_set_error(a, MTA_ERR_INVALID_ARG,
                            "unknown rule or category '%s'", rs->rule);
  }
  /* A check is off when every one of its rules is. */
  for (size_t c = 0; mtai_checks[c]; c++) {
    const struct mta_check *ck = mtai_checks[c];
    size_t off = 0;
    for (size_t r = 0; r < ck->nrules; r++)
      for (size_t o = 0; o < a->novr; o++)
        if (!strcmp(a->ovr[o].rule->id, ck->rules[r].id) && !a->ovr[o].enabled)
          off++;
    a->check_off[c] = ck->nrules > 0 && off >= ck->nrules;
  }
  /* Repeats are found (and left out of the score) while their rule is
   * on. */
  a->annotate = MTAI_ANN_DUPS;
  for (size_t o = 0; o < a->novr; o++)
    if (!strcmp(a->ovr[o].rule->id, "duplicate/paragraph") &&
        !a->ovr[o].enabled)
      a->annotate &= ~(unsigned)MTAI_ANN_DUPS;
  return MTA_OK;
}

/* Copies the accept list (mta_options.accepts): every rule must be "*",
 * a rule id, a category or "CATEGORY/" + "*", every phrase non-empty. */
static mta_status S_accepts(mta_auditor *a, const mta_options *opts) {
  if (!opts->accept_count)
    return MTA_OK;
  if (!opts->accepts)
    return mtai_set_error(a, MTA_ERR_INVALID_ARG, _("accept list: NULL"));
  a->acc = calloc(opts->accept_count, sizeof *a->acc);
  if (!a->acc)
    return MTA_ERR_NOMEM;
  for (size_t i = 0; i < opts->accept_count; i++) {
    const mta_accept *e = &opts->accepts[i];
    if (!e->rule || !e->phrase || !*e->phrase)
      return mtai_set_error(a, MTA_ERR_INVALID_ARG,
                            _("accept list: entry %zu has no rule or phrase"),
                            i + 1);
    size_t n = strlen(e->rule);
    size_t cl = n >= 2 && !strcmp(e->rule + n - 2, "/*") ? n - 2 : n;
    int known = !strcmp(e->rule, "*") || mta_rule_find(e->rule) != (size_t)-1;
    mta_rule_info ri;
    for (size_t k = 0; !known && mta_rule_get(k, &ri) == MTA_OK; k++)
      known = strlen(ri.category) == cl && !strncmp(ri.category, e->rule, cl);
    if (!known)
      return mtai_set_error(a, MTA_ERR_INVALID_ARG,
                            _("accept list: unknown rule or category '%s'"),
                            e->rule);
    a->acc[a->nacc].rule = strdup(e->rule);
    a->acc[a->nacc].phrase = strdup(e->phrase);
    a->nacc++;
    if (!a->acc[a->nacc - 1].rule || !a->acc[a->nacc - 1].phrase)
      return MTA_ERR_NOMEM;
  }
  return MTA_OK;
}

mta_status mta_auditor_new(const mta_options *opts, mta_auditor **out,
                           char **errmsg) {
  if (errmsg)
    *errmsg = NULL;
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  mta_options none;
  memset(&none, 0, sizeof none);
  if (!opts)
    opts = &none;
  mta_auditor *a = calloc(1, sizeof *a);
  if (!a)
    return MTA_ERR_NOMEM;
  int fail = 0;
  a->flags = opts->flags;
  a->dict_dir = S_strdup_opt(opts->dict_dir, &fail);
  a->encoding = S_strdup_opt(opts->encoding, &fail);
  a->config_name = S_strdup_opt(opts->config_name, &fail);
  a->gate.fail_under = opts->fail_under;
  a->gate.on_severity = (opts->flags & MTA_OPT_FAIL_ON) != 0;
  a->gate.fail_on = opts->fail_on;
  a->gate.on_unscored = (opts->flags & MTA_OPT_FAIL_UNSCORED) != 0;
  a->gate.fail_unscored = opts->fail_unscored;
  a->gate.min_words = opts->min_words ? opts->min_words : MTA_DEFAULT_MIN_WORDS;
  a->gate.score_all = (opts->flags & MTA_OPT_SCORE_ALL) != 0;
  a->min_severity = opts->min_severity;
  a->max_doc =
      opts->max_document_size ? opts->max_document_size : MTAI_DEFAULT_MAX_DOC;
  mta_status st = fail ? MTA_ERR_NOMEM : MTA_OK;
  /* An unknown forced encoding is refused here, once, not per input. */
  if (!st && a->encoding && *a->encoding && !mtai_encoding_known(a->encoding))
    st = mtai_set_error(a, MTA_ERR_INVALID_ARG,
                        _("unknown encoding '%s' (see iconv --list)"),
                        a->encoding);
  if (!st)
    st = mtai_segmenter_new(&a->seg, a->errmsg, sizeof a->errmsg);
  if (!st && (st = mtai_lexicon_new(&a->lexicon)))
    mtai_set_error(a, st, "word-class lexicon: %s", mta_strerror(st));
  if (!st)
    st = mtai_toktab_new(&a->toktab);
  if (!st && (st = mtai_classifier_new(&a->classifier)))
    mtai_set_error(a, st, "boilerplate phrases: %s", mta_strerror(st));
  if (!st && (st = mtai_wordlists_load(&a->lists)))
    mtai_set_error(a, st, "word lists: %s", mta_strerror(st));
  if (!st && !(a->flags & MTA_OPT_NO_SPELL) && opts->dictionaries)
    st = mtai_speller_new_shared(opts->dictionaries, &a->speller);
  else if (!st && !(a->flags & MTA_OPT_NO_SPELL))
    st = mtai_speller_new(a->dict_dir, opts->user_dicts, opts->user_dict_count,
                          &a->speller, a->errmsg, sizeof a->errmsg);
  mtai_speller_set_lexicon(a->speller, a->lexicon);
  if (!st) {
    a->check_state = calloc(mtai_check_count() + 1, sizeof(void *));
    if (!a->check_state)
      st = MTA_ERR_NOMEM;
  }
  if (!st)
    st = S_rule_settings(a, opts);
  if (!st)
    st = S_accepts(a, opts);
  a->cx = (struct mtai_check_ctx){.speller = a->speller,
                                  .lexicon = a->lexicon,
                                  .lists = &a->lists,
                                  .flags = a->flags,
                                  .err = a->errmsg,
                                  .errsz = sizeof a->errmsg};
  for (size_t i = 0; !st && mtai_checks[i]; i++)
    if (mtai_checks[i]->init && !a->check_off[i])
      st = mtai_checks[i]->init(&a->cx, &a->check_state[i]);
  if (st) {
    if (errmsg)
      *errmsg = strdup(a->errmsg[0] ? a->errmsg : mta_strerror(st));
    mta_auditor_free(a);
    return st;
  }
  *out = a;
  return MTA_OK;
}

/* The source of a source-aware audit: given or not; its bytes (owned:
 * the caller's buffer, freed by S_audit()), or why it could not be read
 * (error, owned). */
struct S_source {
  int given;
  int parallel; /* units one to one (XLIFF) */
  const char *name;
  const void *data;
  size_t len;
  char *owned;
  char *error;
};

static mta_status S_audit(mta_auditor *a, const char *name, const void *data,
                          size_t len, char *owned, struct S_source *src,
                          mta_report **out);
/* HTML input (html_input.c): the decoded page in 'r' becomes the text of
 * its article, normalized to NFC (character references may spell
 * decomposed letters), with the map of where it stands in the file (the
 * page's text moves into it). 'strict': read as HTML because the caller
 * said so, not because of the name or the start of the text. */
static mta_status S_html(mta_auditor *a, const char *name, struct mta_report *r,
                         int strict) {
  char why[512], *text = NULL, *nfc = NULL, enc[32];
  size_t tlen = 0, nlen = 0;
  struct mtai_srcmap *m = NULL;
  mta_status st = mtai_html_extract(r->doc.text, r->doc.len, strict, &text,
                                    &tlen, &m, why, sizeof why);
  if (st)
    return mtai_set_error(a, st, "%s: %s", name,
                          why[0] ? why : mta_strerror(st));
  r->doc.text = NULL; /* now m->text */
  r->doc.srcmap = m;
  st = mtai_decode((const unsigned char *)text, tlen, "UTF-8", &nfc, &nlen, enc,
                   sizeof enc, why, sizeof why);
  free(text);
  if (st)
    return mtai_set_error(a, st, "%s: HTML: %s", name, why);
  r->doc.text = nfc;
  r->doc.len = nlen;
  char label[sizeof r->doc.encoding + 8];
  snprintf(label, sizeof label, "HTML (%s)", r->doc.encoding);
  size_t k = strlen(label) < sizeof r->doc.encoding
                 ? strlen(label)
                 : sizeof r->doc.encoding - 1;
  memcpy(r->doc.encoding, label, k);
  r->doc.encoding[k] = '\0';
  return MTA_OK;
}

static mta_status S_audit_doc(mta_auditor *a, const char *name,
                              const void *data, size_t len, char *owned,
                              struct S_source *src, mta_report **out);

/* Reads all of 'fp' into 'b', refusing more than 'max' bytes. */
static mta_status S_read(FILE *fp, size_t max, struct mta_buf *b) {
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
    if (mtai_buf_len(b) + n > max)
      return MTA_ERR_TOO_LARGE;
    mta_status st = mtai_buf_add(b, chunk, n);
    if (st)
      return st;
  }
  return ferror(fp) ? MTA_ERR_IO : MTA_OK;
}

/* Reads the regular file 'fd', which fstat() said holds 'size' bytes, into
 * a buffer of exactly that size (plus the NUL), so that a 60 MB file costs
 * 60 MB and not the 128 MB of a doubling buffer. A file that ends before
 * 'size' bytes, goes on past them, or whose size or modification time
 * changed by the end of the read was rewritten or truncated while it was
 * read: that is an error (reason in 'why'), never a silent partial audit.
 * On success '*out' (caller frees) holds '*len' bytes. */
mta_status mtai_read_regular(int fd, size_t size, size_t max, char **out,
                             size_t *len, char *why, size_t whylen) {
  *out = NULL;
  *len = 0;
  why[0] = '\0';
  if (size > max)
    return MTA_ERR_TOO_LARGE;
  struct stat before;
  int have_before = fstat(fd, &before) == 0;
  char *buf = malloc(size + 1);
  if (!buf)
    return MTA_ERR_NOMEM;
  size_t got = 0;
  while (got < size) {
    ssize_t n = read(fd, buf + got, size - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      char eb[128];
      snprintf(why, whylen, _("read error: %s"),
               mtai_errstr(errno, eb, sizeof eb));
      free(buf);
      return MTA_ERR_IO;
    }
    if (n == 0)
      break;
    got += (size_t)n;
  }
  char extra;
  ssize_t more;
  do
    more = got == size ? read(fd, &extra, 1) : 0;
  while (more < 0 && errno == EINTR);
  struct stat after;
  int changed = got != size || more > 0 ||
                (have_before && fstat(fd, &after) == 0 &&
                 (after.st_size != before.st_size ||
                  after.st_mtim.tv_sec != before.st_mtim.tv_sec ||
                  after.st_mtim.tv_nsec != before.st_mtim.tv_nsec));
  if (changed) {
    snprintf(why, whylen,
             _("changed while being read (%zu of %zu bytes read%s); audit a "
               "finished copy"),
             got, size, more > 0 ? ", then more" : "");
    free(buf);
    return MTA_ERR_IO;
  }
  buf[got] = '\0';
  *out = buf;
  *len = got;
  return MTA_OK;
}

/* Reads the file at 'path' ("-": standard input) into '*data' (caller
 * frees) of '*len' bytes; on failure sets the auditor's error text. */
static mta_status S_load(mta_auditor *a, const char *path, char **data,
                         size_t *len) {
  *data = NULL;
  *len = 0;
  int is_stdin = !strcmp(path, "-");
  const char *name = is_stdin ? "<stdin>" : path;
  char eb[128];
  if (!is_stdin) {
    struct stat sb;
    if (stat(path, &sb) != 0)
      return mtai_set_error(a, MTA_ERR_IO, "%s: %s", path,
                            mtai_errstr(errno, eb, sizeof eb));
    if (S_ISDIR(sb.st_mode))
      return mtai_set_error(a, MTA_ERR_IO, "%s: is a directory", path);
    if (S_ISREG(sb.st_mode) && (size_t)sb.st_size > a->max_doc)
      return mtai_set_error(a, MTA_ERR_TOO_LARGE,
                            "%s: larger than the limit of %zu bytes", path,
                            a->max_doc);
    /* Non-blocking open and a check of what was opened: a FIFO without a
     * writer would block forever, and the path may change between stat()
     * and open(). */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
      return mtai_set_error(a, MTA_ERR_IO, "%s: cannot open: %s", path,
                            mtai_errstr(errno, eb, sizeof eb));
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
      close(fd);
      return mtai_set_error(a, MTA_ERR_IO,
                            "%s: not a regular file (a FIFO, device or "
                            "socket); pipe it to standard input ('-')",
                            path);
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
      (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    char why[160];
    mta_status st = mtai_read_regular(fd, (size_t)sb.st_size, a->max_doc, data,
                                      len, why, sizeof why);
    close(fd);
    if (st == MTA_ERR_TOO_LARGE)
      st = mtai_set_error(a, st, "%s: larger than the limit of %zu bytes", path,
                          a->max_doc);
    else if (st)
      st = mtai_set_error(a, st, "%s: %s", path, why);
    return st;
  }
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  errno = 0;
  mta_status st = S_read(stdin, a->max_doc, &b);
  int err = errno;
  if (st == MTA_ERR_TOO_LARGE)
    st = mtai_set_error(a, st, "%s: larger than the limit of %zu bytes", name,
                        a->max_doc);
  else if (st)
    st = mtai_set_error(a, st, "%s: read error: %s", name,
                        err ? mtai_errstr(err, eb, sizeof eb)
                            : mta_strerror(st));
  if (st) {
    mtai_buf_free(&b);
    return st;
  }
  *len = mtai_buf_len(&b);
  *data = mtai_buf_detach(&b);
  return *data ? MTA_OK : MTA_ERR_NOMEM;
}

mta_status mta_audit_file(mta_auditor *a, const char *path, mta_report **out) {
  return mta_audit_file_source(a, path, NULL, out);
}

mta_status mta_audit_file_source(mta_auditor *a, const char *path,
                                 const char *source_path, mta_report **out) {
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  if (!a || !path)
    return MTA_ERR_INVALID_ARG;
  a->errmsg[0] = '\0';
  struct S_source src = {0};
  if (source_path) {
    src.name = !strcmp(source_path, "-") ? "<stdin>" : source_path;
    if (!strcmp(path, "-") && !strcmp(source_path, "-"))
      src.error = strdup(_("both the translation and its source cannot be "
                           "standard input"));
    else {
      mta_status st = S_load(a, source_path, &src.owned, &src.len);
      if (st == MTA_ERR_NOMEM)
        return st;
      if (st) /* the auditor's error text names the source */
        src.error = strdup(a->errmsg);
      a->errmsg[0] = '\0';
    }
    src.data = src.owned;
    src.given = 1;
  }
  char *data = NULL;
  size_t len = 0;
  mta_status st = S_load(a, path, &data, &len);
  if (st) {
    free(src.owned);
    free(src.error);
    return st;
  }
  return S_audit(a, !strcmp(path, "-") ? "<stdin>" : path, data, len, data,
                 &src, out);
}

mta_status mta_audit_buffer(mta_auditor *a, const char *name, const void *data,
                            size_t len, mta_report **out) {
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  if (!a || !name || (!data && len))
    return MTA_ERR_INVALID_ARG;
  a->errmsg[0] = '\0';
  return S_audit(a, name, data, len, NULL, NULL, out);
}

mta_status mta_audit_buffer_source(mta_auditor *a, const char *name,
                                   const void *data, size_t len,
                                   const char *source_name, const void *source,
                                   size_t source_len, mta_report **out) {
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  if (!a || !name || (!data && len))
    return MTA_ERR_INVALID_ARG;
  a->errmsg[0] = '\0';
  struct S_source src = {.given = source != NULL,
                         .name = source_name ? source_name : "<source>",
                         .data = source,
                         .len = source_len};
  return S_audit(a, name, data, len, NULL, &src, out);
}

/* The audit of 'len' bytes at 'data'. 'owned', when not NULL, is the
 * caller's buffer holding 'data', freed here as soon as it is decoded (so
 * that the raw input and the document never both stay in memory for the
 * whole audit), and on every path. */
static mta_status S_audit(mta_auditor *a, const char *name, const void *data,
                          size_t len, char *owned, struct S_source *src,
                          mta_report **out) {
  mta_status st = S_audit_doc(a, name, data, len, owned, src, out);
  if (src) {
    free(src->owned);
    free(src->error);
  }
  return st;
}

/* Reads the source into the report's bitext, or records why not (a
 * source that cannot be used leaves the audit monolingual); aligns it
 * with the segmented, classified document. MTA_ERR_NOMEM and ICU
 * failures of the segmenter fail the audit. */
static mta_status S_source(mta_auditor *a, struct S_source *src,
                           struct mta_report *r) {
  if (!(r->src_name = strdup(src->name)))
    return MTA_ERR_NOMEM;
  char why[512];
  why[0] = '\0';
  if (src->error) {
    /* "PATH: reason": keep the reason, the name is src_name */
    size_t n = strlen(src->name);
    const char *e = src->error;
    if (!strncmp(e, src->name, n) && !strncmp(e + n, ": ", 2))
      e += n + 2;
    snprintf(why, sizeof why, "%s", e);
  } else {
    if (!a->seg_en) {
      mta_status st = mtai_segmenter_new_locale(&a->seg_en, "en", a->errmsg,
                                                sizeof a->errmsg);
      if (st)
        return st;
    }
    mta_status st = mtai_bitext_read(a->seg_en, src->name, src->data, src->len,
                                     src->parallel, &r->bi, why, sizeof why);
    if (st == MTA_ERR_NOMEM || st == MTA_ERR_ICU)
      return st;
    if (!st && !mtai_bitext_proportion(r->bi, &r->doc, why, sizeof why)) {
      mtai_bitext_free(r->bi);
      r->bi = NULL;
    }
    if (r->bi) {
      st = mtai_bitext_align(r->bi, &r->doc);
      if (st != MTA_ERR_TOO_LARGE)
        return st;
      mtai_bitext_free(r->bi);
      r->bi = NULL;
      snprintf(why, sizeof why, _("too many paragraphs to align"));
    }
  }
  if (!(r->src_error = strdup(why[0] ? why : "cannot be used")))
    return MTA_ERR_NOMEM;
  return MTA_OK;
}

/* XLIFF input (xliff.c): the decoded document 'r' becomes the text of its
 * units' targets, and x->source the text of their sources, paragraph for
 * paragraph. MTA_OK with x->source NULL when the document is other XML
 * after all (the markup refusal has it); on failure the auditor's error
 * text says why ("NAME: XLIFF: line 12: ..."). A source given besides is
 * an error: the file carries its own. */
static mta_status S_xliff(mta_auditor *a, const char *name,
                          struct mta_report *r, const struct S_source *src,
                          struct mtai_xliff *x) {
  if (src && src->given)
    return mtai_set_error(a, MTA_ERR_INVALID_ARG,
                          "%s: XLIFF carries its own source; drop --source",
                          name);
  char why[512];
  mta_status st = mtai_xliff_split(r->doc.text, r->doc.len, x, why, sizeof why);
  if (st == MTA_ERR_MARKUP)
    return MTA_OK;
  if (st)
    return mtai_set_error(a, st, "%s: %s", name,
                          why[0] ? why : mta_strerror(st));
  /* The units' text may hold character references that are not NFC. */
  char *text = NULL, enc[32];
  size_t tlen = 0;
  st = mtai_decode((const unsigned char *)x->target, x->tlen, "UTF-8", &text,
                   &tlen, enc, sizeof enc, why, sizeof why);
  free(x->target);
  x->target = NULL;
  if (st)
    return mtai_set_error(a, st, "%s: XLIFF: %s", name, why);
  free(r->doc.text);
  r->doc.text = text;
  r->doc.len = tlen;
  char label[sizeof r->doc.encoding + 24];
  snprintf(label, sizeof label, "XLIFF %s (%s)", x->version, r->doc.encoding);
  size_t k = strlen(label) < sizeof r->doc.encoding
                 ? strlen(label)
                 : sizeof r->doc.encoding - 1;
  memcpy(r->doc.encoding, label, k);
  r->doc.encoding[k] = '\0';
  return MTA_OK;
}

static mta_status S_audit_doc(mta_auditor *a, const char *name,
                              const void *data, size_t len, char *owned,
                              struct S_source *src, mta_report **out) {
  if (len > a->max_doc) {
    free(owned);
    return mtai_set_error(a, MTA_ERR_TOO_LARGE,
                          "%s: larger than the limit of %zu bytes", name,
                          a->max_doc);
  }
  /* The dictionaries load while the input is decoded and segmented. */
  mtai_speller_prefetch(a->speller);
  struct mta_report *r = calloc(1, sizeof *r);
  if (r)
    r->doc.name = strdup(name);
  if (!r || !r->doc.name) {
    free(owned);
    mta_report_free(r);
    return MTA_ERR_NOMEM;
  }
  char why[512];
  mta_status st = mtai_decode(data ? data : (const void *)"", len, a->encoding,
                              &r->doc.text, &r->doc.len, r->doc.encoding,
                              sizeof r->doc.encoding, why, sizeof why);
  free(owned);
  if (st) {
    mta_report_free(r);
    return mtai_set_error(a, st, "%s: %s", name, why);
  }
  /* XLIFF: audit the targets against their sources, unit for unit. */
  /* HTML: audit the article text of the page. */
  int html = (a->flags & MTA_OPT_HTML) || mtai_html_name(name) ||
             mtai_html_detect(r->doc.text, r->doc.len);
  if (html && (st = S_html(a, name, r, (a->flags & MTA_OPT_HTML) != 0))) {
    mta_report_free(r);
    return st;
  }
  struct mtai_xliff x = {0};
  struct S_source xsrc;
  if (!html && mtai_xliff_detect(r->doc.text, r->doc.len) &&
      (st = S_xliff(a, name, r, src, &x))) {
    mtai_xliff_clear(&x);
    mta_report_free(r);
    return st;
  }
  if (x.source) {
    xsrc = (struct S_source){.given = 1,
                             .parallel = 1,
                             .name = name,
                             .data = x.source,
                             .len = x.slen};
    src = &xsrc;
  }
  const char *markup =
      x.source || html ? NULL : mtai_markup_kind(r->doc.text, r->doc.len);
  if (markup) {
    mta_report_free(r);
    return mtai_set_error(a, MTA_ERR_MARKUP,
                          "%s: input is %s, not plain text; %s", name, markup,
                          mtai_markup_advice(markup));
  }
  mtai_speller_trim(a->speller);
  st = mtai_segment(a->seg, &r->doc);
  if (!st) {
    /* Annotations first: classify reads their quotation facts. */
    st = mtai_annotate(&r->doc, a->annotate);
    if (!st)
      st = mtai_toktab_fill(a->toktab, &r->doc);
    if (!st) /* work ahead while the German dictionary loads */
      mtai_speller_speculate(a->speller, &r->doc);
    if (!st)
      st = mtai_classify(a->classifier, a->speller, &r->doc);
    if (!st && src && src->given)
      st = S_source(a, src, r);
    struct mtai_findings sink = {.doc = &r->doc,
                                 .report = r,
                                 .ovr = a->ovr,
                                 .novr = a->novr,
                                 .bi = r->bi};
    for (size_t i = 0; !st && mtai_checks[i]; i++)
      if (!a->check_off[i])
        st = mtai_checks[i]->run(a->check_state[i], &a->cx, &sink);
    mtai_toktab_release(&r->doc);
  }
  mtai_xliff_clear(&x);
  /* Out of memory inside the speller, where a caller could not be told. */
  mta_status sst = mtai_speller_take_error(a->speller);
  if (!st)
    st = sst;
  if (st) {
    mtai_toktab_clear(a->toktab); /* no fact of a failed document is kept */
    mta_report_free(r);
    const char *dm = st == MTA_ERR_DICT ? mtai_speller_errmsg(a->speller) : "";
    return mtai_set_error(a, st, "%s: %s", name, *dm ? dm : mta_strerror(st));
  }
  mtai_findings_sort(r);
  if (a->nacc || a->config_name) {
    r->supp_shown = a->nacc > 0;
    if (a->nacc)
      st = mtai_accept_apply(r, a->acc, a->nacc);
    if (!st && a->config_name && !(r->config = strdup(a->config_name)))
      st = MTA_ERR_NOMEM;
    if (st) {
      mta_report_free(r);
      return mtai_set_error(a, st, "%s: %s", name, mta_strerror(st));
    }
  }
  mtai_fingerprint_all(r);
  st = mtai_score_report(r, &a->gate);
  if (st) {
    mta_report_free(r);
    return mtai_set_error(a, st, "%s: %s", name, mta_strerror(st));
  }
  if (a->flags & MTA_OPT_MIN_SEVERITY)
    mtai_report_hide_below(r, a->min_severity);
  *out = r;
  return MTA_OK;
}
