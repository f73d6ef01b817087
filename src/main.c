/*
 * mtaudit command line. A thin layer over the library: read the
 * configuration file, parse options, expand paths, audit each input (in
 * parallel with -j), hand the reports to a writer in input order, and
 * choose the exit status. Only this file prints to stderr or exits.
 *
 * Exit status: 0 every input audited and every gate passed; 1 a gate
 * (--fail-under, --fail-on) failed; 2 a usage or input error (the other
 * inputs are still audited and reported).
 */
#include <errno.h>
#include <ftw.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mtaudit.h"

enum exit_code { EXIT_PASS = 0, EXIT_GATE = 1, EXIT_ERROR = 2 };

static const char S_usage[] =
    "usage: mtaudit [OPTIONS] PATH...\n"
    "\n"
    "Audits German machine-translated articles. PATH is a file, a directory\n"
    "(every *.txt below it, sorted) or - for standard input.\n"
    "\n"
    "Output:\n"
    "  -f, --format FMT       text (default), json, jsonl, html, sarif, csv\n"
    "  -o, --output PATH      write to PATH (written atomically); html needs\n"
    "                         a directory: one page per article + index.html\n"
    "      --color WHEN       auto (default), always or never\n"
    "      --no-excerpt       text: no excerpt under each finding\n"
    "Gate:\n"
    "      --fail-under SCORE exit 1 if an article scores below SCORE\n"
    "      --fail-on SEV      exit 1 on a finding of SEV or worse\n"
    "                         (minor, major, critical)\n"
    "Input:\n"
    "      --input-format FMT text (default) or jsonl: every line of the\n"
    "                         input is {\"id\": ..., \"text\": \"...\"}\n"
    "      --encoding NAME    force the input encoding (iconv name)\n"
    "      --dict-dir DIR     directory with de_DE_frami/de_DE .aff/.dic\n"
    "      --dict FILE        extra known words, one per line (repeatable)\n"
    "Rules:\n"
    "      --config FILE      read FILE (default: ./mtaudit.conf if present)\n"
    "      --no-config        do not read ./mtaudit.conf\n"
    "      --disable RULE     switch off a rule, category or category/*\n"
    "      --enable RULE      switch it on again\n"
    "      --no-spell         skip the spelling check\n"
    "      --score-all        score boilerplate and repeated paragraphs too\n"
    "      --list-rules       list every rule and exit\n"
    "      --explain RULE     describe a rule with examples and exit\n"
    "Run:\n"
    "  -j, --jobs N           audit N inputs in parallel (default 1)\n"
    "  -h, --help             show this help\n"
    "  -V, --version          show the version\n"
    "\n"
    "Exit status: 0 passed, 1 a gate failed, 2 usage or input error.\n";

/* ---- messages --------------------------------------------------------- */

/* Prints "mtaudit: MESSAGE" on stderr. The message is made visible first
 * (mta_display_escape(): control characters, invalid bytes and bidi
 * controls as escapes), because it usually holds a file name or an
 * argument: a name with an escape sequence must not drive the terminal,
 * and one with a newline must not forge a second log line. */
static void S_say(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

static void S_say(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
  char *esc = NULL;
  if (msg) {
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    mta_display_escape(msg, &esc);
  }
  fprintf(stderr, "mtaudit: %s\n", esc ? esc : "out of memory");
  mta_free(esc);
  free(msg);
}

/* ---- collecting input paths ------------------------------------------ */

struct paths {
  char **v;
  size_t n, cap;
};

static int paths_add(struct paths *p, const char *s) {
  if (p->n == p->cap) {
    size_t cap = p->cap ? p->cap * 2 : 16;
    char **v = realloc(p->v, cap * sizeof *v);
    if (!v)
      return -1;
    p->v = v;
    p->cap = cap;
  }
  if (!(p->v[p->n] = strdup(s)))
    return -1;
  p->n++;
  return 0;
}

static void paths_free(struct paths *p) {
  for (size_t i = 0; i < p->n; i++)
    free(p->v[i]);
  free(p->v);
  memset(p, 0, sizeof *p);
}

static struct paths *S_walk_out; /* nftw has no user pointer */
static int S_walk_fail;

/* Every *.txt entry that is not a directory becomes an input, whatever it
 * is: a regular file, or a FIFO, device, socket, dangling or looping
 * symbolic link, which the audit then refuses with one error line naming
 * it (a link to a device is not skipped silently while a FIFO is
 * reported). A symbolic link to a directory is not followed. */
static int S_walk_cb(const char *path, const struct stat *sb, int type,
                     struct FTW *ftw) {
  (void)ftw;
  (void)sb;
  size_t n = strlen(path);
  if (n < 4 || strcmp(path + n - 4, ".txt"))
    return 0;
  struct stat to;
  if (type == FTW_D || type == FTW_DNR || type == FTW_DP ||
      (type == FTW_SL && stat(path, &to) == 0 && S_ISDIR(to.st_mode)))
    return 0;
  if (paths_add(S_walk_out, path))
    S_walk_fail = 1;
  return S_walk_fail;
}

static int S_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Expands a directory into its *.txt files (symbolic links to directories
 * are not followed, so a link loop cannot recurse). */
static int expand_dir(const char *dir, struct paths *out) {
  struct paths found = {NULL, 0, 0};
  S_walk_out = &found;
  S_walk_fail = 0;
  int rc = nftw(dir, S_walk_cb, 32, FTW_PHYS);
  if (found.n > 1)
    qsort(found.v, found.n, sizeof *found.v, S_cmp);
  for (size_t i = 0; i < found.n; i++) {
    if (!rc && paths_add(out, found.v[i]))
      rc = -1;
    free(found.v[i]);
  }
  free(found.v);
  return rc ? -1 : (int)found.n;
}

/* ---- options --------------------------------------------------------- */

struct cli {
  mta_options opts;
  mta_format format;
  int color; /* -1 auto, 0 never, 1 always */
  int no_excerpt;
  int jsonl_in;
  long jobs;
  const char *output;
  const char *config; /* --config FILE */
  int no_config;
  struct paths inputs;
  struct paths dicts;      /* config dictionaries, then --dict FILE, in order */
  mta_rule_setting *rules; /* config settings, then --disable/--enable */
  size_t nrules, caprules;
  mta_config *cfg;
};

static int S_usage_error(const char *fmt, const char *arg)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 0)))
#endif
    ;

static int S_usage_error(const char *fmt, const char *arg) {
  S_say(fmt, arg);
  fprintf(stderr, "Try 'mtaudit --help'.\n");
  return EXIT_ERROR;
}

/* Returns the option's value from "--opt=value" or the next argument. */
static const char *S_value(int argc, char **argv, int *i, const char *opt) {
  const char *a = argv[*i];
  size_t n = strlen(opt);
  if (!strncmp(a, opt, n) && a[n] == '=')
    return a + n + 1;
  if (*i + 1 >= argc)
    return NULL;
  return argv[++*i];
}

static int S_is(const char *arg, const char *opt) {
  size_t n = strlen(opt);
  return !strncmp(arg, opt, n) && (arg[n] == '\0' || arg[n] == '=');
}

/* Flushes stdout; a failed write is an error (e.g. --help > /dev/full). */
static int S_flush_stdout(void) {
  if (fflush(stdout) == 0 && !ferror(stdout))
    return EXIT_PASS;
  S_say("writing to standard output failed: %s", strerror(errno));
  return EXIT_ERROR;
}

static int S_add_rule(struct cli *c, const char *rule, int enabled) {
  if (c->nrules == c->caprules) {
    size_t cap = c->caprules ? c->caprules * 2 : 16;
    mta_rule_setting *v = realloc(c->rules, cap * sizeof *v);
    if (!v)
      return -1;
    c->rules = v;
    c->caprules = cap;
  }
  c->rules[c->nrules].rule = rule;
  c->rules[c->nrules].enabled = enabled;
  c->rules[c->nrules].severity = -1;
  c->nrules++;
  return 0;
}

/* 1 when 'pat' names a rule, a category or "category/" + "*". */
static int S_known_rule(const char *pat) {
  size_t n = mta_rule_count();
  for (size_t i = 0; i < n; i++) {
    mta_rule_info ri;
    mta_rule_get(i, &ri);
    size_t cl = strlen(ri.category);
    if (!strcmp(pat, ri.id) || !strcmp(pat, ri.category) ||
        (!strncmp(pat, ri.category, cl) && !strcmp(pat + cl, "/*")))
      return 1;
  }
  return 0;
}

static void S_list_rules(void) {
  size_t n = mta_rule_count();
  printf("%-34s %-17s %-9s %s\n", "RULE", "CATEGORY", "SEVERITY",
         "DESCRIPTION");
  for (size_t i = 0; i < n; i++) {
    mta_rule_info ri;
    mta_rule_get(i, &ri);
    printf("%-34s %-17s %-9s %s\n", ri.id, ri.category,
           mta_severity_name(ri.severity), ri.summary);
  }
}

static int S_explain(const char *id) {
  size_t i = mta_rule_find(id);
  mta_rule_info ri;
  if (i == (size_t)-1 || mta_rule_get(i, &ri))
    return S_usage_error("--explain: unknown rule '%s' (see --list-rules)", id);
  printf("%s (%s, %s)\n\n%s\n\n%s\n", ri.id, ri.category,
         mta_severity_name(ri.severity), ri.summary, ri.explanation);
  if (ri.wrong && *ri.wrong)
    printf("\n  wrong: %s\n  right: %s\n", ri.wrong, ri.right);
  return S_flush_stdout();
}

/* Reads the configuration (--config FILE, or ./mtaudit.conf when present
 * and not --no-config) before the options, which override it. */
static int load_config(int argc, char **argv, struct cli *c) {
  const char *path = NULL;
  int explicit = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--"))
      break;
    if (!strcmp(argv[i], "--no-config"))
      c->no_config = 1;
    else if (S_is(argv[i], "--config")) {
      path = S_value(argc, argv, &i, "--config");
      explicit = 1;
      if (!path)
        return S_usage_error("%s needs a value", "--config");
    }
  }
  if (!explicit) {
    if (c->no_config || access("mtaudit.conf", F_OK))
      return EXIT_PASS;
    path = "mtaudit.conf";
  }
  char *why = NULL;
  mta_status st = mta_config_load(path, &c->cfg, &why);
  if (st) {
    S_say("%s", why ? why : mta_strerror(st));
    mta_free(why);
    return EXIT_ERROR;
  }
  if ((st = mta_config_apply(c->cfg, &c->opts))) {
    S_say("%s: %s", path, mta_strerror(st));
    return EXIT_ERROR;
  }
  /* Keep the configuration's lists; options add to them. */
  for (size_t i = 0; i < c->opts.user_dict_count; i++)
    if (paths_add(&c->dicts, c->opts.user_dicts[i]))
      return S_usage_error("%s", "out of memory");
  for (size_t i = 0; i < c->opts.rule_setting_count; i++) {
    if (S_add_rule(c, c->opts.rule_settings[i].rule,
                   c->opts.rule_settings[i].enabled))
      return S_usage_error("%s", "out of memory");
    c->rules[c->nrules - 1].severity = c->opts.rule_settings[i].severity;
  }
  return EXIT_PASS;
}

static int parse_args(int argc, char **argv, struct cli *c, int *done) {
  *done = 0;
  int only_paths = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v;
    if (only_paths || a[0] != '-' || !strcmp(a, "-")) {
      if (paths_add(&c->inputs, a))
        return S_usage_error("%s", "out of memory");
      continue;
    }
    if (!strcmp(a, "--")) {
      only_paths = 1;
    } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(S_usage, stdout);
      *done = 1;
      return S_flush_stdout();
    } else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
      printf("mtaudit %s\n", mta_version_string());
      *done = 1;
      return S_flush_stdout();
    } else if (!strcmp(a, "--list-rules")) {
      S_list_rules();
      *done = 1;
      return S_flush_stdout();
    } else if (S_is(a, "--explain")) {
      if (!(v = S_value(argc, argv, &i, "--explain")))
        return S_usage_error("%s needs a value", a);
      *done = 1;
      return S_explain(v);
    } else if (!strcmp(a, "-f") || S_is(a, "--format")) {
      if (!(v = S_value(argc, argv, &i, "--format")))
        return S_usage_error("%s needs a value", a);
      static const struct {
        const char *name;
        mta_format f;
      } fmts[] = {{"text", MTA_FORMAT_TEXT},   {"json", MTA_FORMAT_JSON},
                  {"jsonl", MTA_FORMAT_JSONL}, {"html", MTA_FORMAT_HTML},
                  {"sarif", MTA_FORMAT_SARIF}, {"csv", MTA_FORMAT_CSV}};
      size_t k = 0;
      while (k < sizeof fmts / sizeof fmts[0] && strcmp(v, fmts[k].name))
        k++;
      if (k == sizeof fmts / sizeof fmts[0])
        return S_usage_error(
            "unknown format '%s' (text, json, jsonl, html, sarif, csv)", v);
      c->format = fmts[k].f;
    } else if (!strcmp(a, "-o") || S_is(a, "--output")) {
      if (!(v = S_value(argc, argv, &i, "--output")) || !*v)
        return S_usage_error("%s needs a value", a);
      c->output = v;
    } else if (S_is(a, "--input-format")) {
      if (!(v = S_value(argc, argv, &i, "--input-format")))
        return S_usage_error("%s needs a value", a);
      if (!strcmp(v, "text"))
        c->jsonl_in = 0;
      else if (!strcmp(v, "jsonl"))
        c->jsonl_in = 1;
      else
        return S_usage_error("unknown input format '%s' (text, jsonl)", v);
    } else if (!strcmp(a, "-j") || S_is(a, "--jobs")) {
      if (!(v = S_value(argc, argv, &i, "--jobs")))
        return S_usage_error("%s needs a value", a);
      char *end;
      long n = strtol(v, &end, 10);
      if (!*v || *end || n < 1 || n > 256)
        return S_usage_error("--jobs: '%s' is not a number from 1 to 256", v);
      c->jobs = n;
    } else if (S_is(a, "--config")) {
      S_value(argc, argv, &i, "--config"); /* read by load_config() */
    } else if (!strcmp(a, "--no-config")) {
      /* read by load_config() */
    } else if (S_is(a, "--disable") || S_is(a, "--enable")) {
      int on = S_is(a, "--enable");
      if (!(v = S_value(argc, argv, &i, on ? "--enable" : "--disable")))
        return S_usage_error("%s needs a value", a);
      if (!S_known_rule(v))
        return S_usage_error("unknown rule or category '%s' (see --list-rules)",
                             v);
      if (S_add_rule(c, v, on))
        return S_usage_error("%s", "out of memory");
    } else if (S_is(a, "--color")) {
      if (!(v = S_value(argc, argv, &i, "--color")))
        return S_usage_error("%s needs a value", a);
      if (!strcmp(v, "auto"))
        c->color = -1;
      else if (!strcmp(v, "always"))
        c->color = 1;
      else if (!strcmp(v, "never"))
        c->color = 0;
      else
        return S_usage_error("--color: '%s' is not auto, always or never", v);
    } else if (!strcmp(a, "--no-excerpt")) {
      c->no_excerpt = 1;
    } else if (S_is(a, "--fail-under")) {
      if (!(v = S_value(argc, argv, &i, "--fail-under")))
        return S_usage_error("%s needs a value", a);
      char *end;
      double d = strtod(v, &end);
      /* Plain decimal only: no "nan", "inf", hex or blanks; a score is
       * 0 to 100, as in the configuration file. */
      if (!*v || strspn(v, "0123456789.") != strlen(v) || *end)
        return S_usage_error("--fail-under: '%s' is not a score", v);
      if (!(d >= 0 && d <= 100))
        return S_usage_error("--fail-under: '%s' is out of range (0 to 100)",
                             v);
      c->opts.fail_under = d;
    } else if (S_is(a, "--fail-on")) {
      if (!(v = S_value(argc, argv, &i, "--fail-on")))
        return S_usage_error("%s needs a value", a);
      if (mta_severity_parse(v, &c->opts.fail_on))
        return S_usage_error("--fail-on: '%s' is not minor, major or critical",
                             v);
      c->opts.flags |= MTA_OPT_FAIL_ON;
    } else if (S_is(a, "--encoding")) {
      if (!(v = S_value(argc, argv, &i, "--encoding")))
        return S_usage_error("%s needs a value", a);
      c->opts.encoding = v;
    } else if (S_is(a, "--dict-dir")) {
      if (!(v = S_value(argc, argv, &i, "--dict-dir")))
        return S_usage_error("%s needs a value", a);
      c->opts.dict_dir = v;
    } else if (S_is(a, "--dict")) {
      if (!(v = S_value(argc, argv, &i, "--dict")))
        return S_usage_error("%s needs a value", a);
      if (paths_add(&c->dicts, v))
        return S_usage_error("%s", "out of memory");
    } else if (!strcmp(a, "--no-spell")) {
      c->opts.flags |= MTA_OPT_NO_SPELL;
    } else if (!strcmp(a, "--score-all")) {
      c->opts.flags |= MTA_OPT_SCORE_ALL;
    } else {
      return S_usage_error("unknown option '%s'", a);
    }
  }
  if (c->inputs.n == 0)
    return S_usage_error("%s", "no input (give a file, a directory or -)");
  if (c->format == MTA_FORMAT_HTML && !c->output)
    return S_usage_error("%s", "--format html needs -o DIR");
  c->opts.user_dicts = (const char *const *)c->dicts.v;
  c->opts.user_dict_count = c->dicts.n;
  c->opts.rule_settings = c->rules;
  c->opts.rule_setting_count = c->nrules;
  return EXIT_PASS;
}

/* ---- the work: tasks audited by a pool of workers -------------------- */

/* One input to audit: a file (or "-"), or one line of JSON Lines input. */
struct task {
  char *name; /* file name, or "SOURCE:LINE" for a record */
  char *line; /* JSONL: the raw line (NULL for a file) */
  size_t len;
  size_t bytes; /* input size, for the progress line */
  /* results, filled by a worker */
  mta_report *r;
  mta_status st;
  char *why;
  int done;
};

/* A ring of tasks between the reader (main thread), the workers and the
 * writer (main thread again): tasks [written, queued) are in flight;
 * workers take [taken, queued). */
struct pool {
  pthread_mutex_t mu;
  pthread_cond_t more;  /* a task was queued, or the end */
  pthread_cond_t ready; /* a task was finished */
  struct task *ring;
  size_t cap;
  size_t queued, taken, written;
  int closed;
  const mta_options *opts;
  mta_auditor *spare; /* created up front; the first worker takes it */
  mta_auditor **keep; /* auditors left for the exit, one per worker */
  size_t nkeep;
  mta_status init_st; /* first worker start-up failure */
  char *init_why;
  int jsonl;
};

static void S_audit_task(mta_auditor *a, struct task *t, int jsonl) {
  if (t->line) {
    mta_record *rec = NULL;
    char *why = NULL;
    t->st = mta_record_parse(t->line, t->len, &rec, &why);
    if (t->st) {
      size_t n = strlen(t->name) + (why ? strlen(why) : 0) + 4;
      t->why = malloc(n);
      if (t->why)
        snprintf(t->why, n, "%s: %s", t->name, why ? why : "malformed line");
      mta_free(why);
      return;
    }
    t->st = mta_audit_record(a, rec, t->name, &t->r);
    mta_record_free(rec);
  } else {
    (void)jsonl;
    t->st = mta_audit_file(a, t->name, &t->r);
  }
  if (t->st) {
    const char *m = mta_auditor_errmsg(a);
    t->why = strdup(m && *m ? m : mta_strerror(t->st));
  }
}

/* Auditors kept for the exit. volatile: a store that is never read would
 * be optimized away, and leak checkers (LeakSanitizer, valgrind) would then
 * find the kept auditors unreachable. */
static mta_auditor **volatile S_keep;

static void *S_worker(void *arg) {
  struct pool *p = arg;
  mta_auditor *a = NULL;
  char *why = NULL;
  pthread_mutex_lock(&p->mu);
  a = p->spare;
  p->spare = NULL;
  pthread_mutex_unlock(&p->mu);
  mta_status st = a ? MTA_OK : mta_auditor_new(p->opts, &a, &why);
  pthread_mutex_lock(&p->mu);
  if (st && !p->init_st) {
    p->init_st = st;
    p->init_why = why;
    why = NULL;
  }
  pthread_mutex_unlock(&p->mu);
  mta_free(why);
  for (;;) {
    pthread_mutex_lock(&p->mu);
    while (p->taken == p->queued && !p->closed)
      pthread_cond_wait(&p->more, &p->mu);
    if (p->taken == p->queued) {
      pthread_mutex_unlock(&p->mu);
      break;
    }
    struct task *t = &p->ring[p->taken++ % p->cap];
    pthread_mutex_unlock(&p->mu);
    if (a)
      S_audit_task(a, t, p->jsonl);
    else {
      t->st = st;
      t->why = strdup("no auditor");
    }
    pthread_mutex_lock(&p->mu);
    t->done = 1;
    pthread_cond_broadcast(&p->ready);
    pthread_mutex_unlock(&p->mu);
  }
  /* Freeing Hunspell's dictionary costs about 0.1 s per auditor, a third
   * of a one-article run: the auditor is left to the exit of the process
   * (reachable through the pool) unless MTAUDIT_FREE_AT_EXIT is set, as
   * the valgrind run does to check that everything is freed. */
  pthread_mutex_lock(&p->mu);
  if (a && p->keep && !getenv("MTAUDIT_FREE_AT_EXIT")) {
    p->keep[p->nkeep++] = a;
    a = NULL;
  }
  pthread_mutex_unlock(&p->mu);
  mta_auditor_free(a);
  return NULL;
}

struct run {
  mta_writer *w;
  const char *output; /* -o PATH, or NULL for standard output */
  int errors, failed, write_failed;
  size_t done, total; /* total 0: unknown (a stream) */
  size_t bytes;
  int progress;
  struct timespec t0;
};

/* The writer failed: says why once, with the path and the system's reason
 * ("out.json: write error: No space left on device"); the other inputs are
 * still audited for the exit status, but nothing more is written. */
static void S_write_failed(struct run *u) {
  const char *m = mta_writer_errmsg(u->w);
  if (!*m)
    m = "writing the report failed";
  if (u->output)
    S_say("%s", m);
  else
    S_say("standard output: %s", m);
  u->write_failed = 1;
  u->errors++;
}

static void report_error(struct run *u, const char *name, mta_status st,
                         const char *msg) {
  if (u->progress)
    fputs("\r\033[K", stderr);
  S_say("%s", msg);
  /* The writer wants the reason without the "NAME: " prefix. */
  size_t n = strlen(name);
  const char *reason = msg;
  if (!strncmp(msg, name, n) && !strncmp(msg + n, ": ", 2))
    reason = msg + n + 2;
  mta_writer_add_error(u->w, name, st, reason);
  u->errors++;
}

static void S_progress(struct run *u) {
  if (!u->progress)
    return;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  double s = (double)(now.tv_sec - u->t0.tv_sec) +
             (double)(now.tv_nsec - u->t0.tv_nsec) / 1e9;
  double mbs = s > 0 ? (double)u->bytes / 1e6 / s : 0;
  if (u->total)
    fprintf(stderr, "\r\033[K%zu/%zu done, %.1f MB/s", u->done, u->total, mbs);
  else
    fprintf(stderr, "\r\033[K%zu done, %.1f MB/s", u->done, mbs);
  fflush(stderr);
}

/* Writes the finished task 't' and clears it. */
static void S_write_task(struct run *u, struct task *t) {
  if (t->st) {
    const char *name = strcmp(t->name, "-") ? t->name : "<stdin>";
    report_error(u, name, t->st, t->why ? t->why : mta_strerror(t->st));
  } else {
    if (!mta_report_passed(t->r))
      u->failed++;
    if (!u->write_failed && mta_writer_add(u->w, t->r)) {
      if (u->progress)
        fputs("\r\033[K", stderr);
      S_write_failed(u);
    }
  }
  u->done++;
  u->bytes += t->bytes;
  mta_report_free(t->r);
  free(t->why);
  free(t->name);
  free(t->line);
  memset(t, 0, sizeof *t);
  S_progress(u);
}

/* Writes every finished task at the head of the ring, in order; with
 * 'wait' blocks until at least the head is finished. */
static void S_drain(struct pool *p, struct run *u, int wait) {
  pthread_mutex_lock(&p->mu);
  for (;;) {
    if (p->written == p->queued)
      break;
    struct task *t = &p->ring[p->written % p->cap];
    if (!t->done) {
      if (!wait)
        break;
      pthread_cond_wait(&p->ready, &p->mu);
      continue;
    }
    pthread_mutex_unlock(&p->mu);
    S_write_task(u, t);
    pthread_mutex_lock(&p->mu);
    p->written++;
    wait = 0;
  }
  pthread_mutex_unlock(&p->mu);
}

/* Queues a task (taking ownership of name and line); writes finished ones
 * when the ring is full. */
static void S_queue(struct pool *p, struct run *u, char *name, char *line,
                    size_t len, size_t bytes) {
  for (;;) {
    pthread_mutex_lock(&p->mu);
    int full = p->queued - p->written == p->cap;
    pthread_mutex_unlock(&p->mu);
    if (!full)
      break;
    S_drain(p, u, 1);
  }
  pthread_mutex_lock(&p->mu);
  struct task *t = &p->ring[p->queued % p->cap];
  memset(t, 0, sizeof *t);
  t->name = name;
  t->line = line;
  t->len = len;
  t->bytes = bytes;
  p->queued++;
  pthread_cond_signal(&p->more);
  pthread_mutex_unlock(&p->mu);
  S_drain(p, u, 0);
}

/* JSON Lines input: one task per non-empty line of 'path' ("-": stdin). */
static void S_queue_jsonl(struct pool *p, struct run *u, const char *path) {
  int is_stdin = !strcmp(path, "-");
  FILE *fp = is_stdin ? stdin : fopen(path, "rb");
  const char *src = is_stdin ? "<stdin>" : path;
  if (!fp) {
    char msg[4200];
    snprintf(msg, sizeof msg, "%s: cannot open: %s", path, strerror(errno));
    report_error(u, path, MTA_ERR_IO, msg);
    return;
  }
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, fp)) >= 0) {
    lineno++;
    size_t len = (size_t)n;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
    /* A byte-order mark opens many files saved on Windows: on the first
     * line it is the file's, not the record's. */
    size_t bom = lineno == 1 && len >= 3 && !memcmp(line, "\xef\xbb\xbf", 3);
    if (bom) {
      memmove(line, line + 3, len - 3);
      len -= 3;
    }
    size_t k = 0;
    while (k < len && (line[k] == ' ' || line[k] == '\t'))
      k++;
    if (k == len)
      continue; /* blank lines separate nothing */
    char name[4200];
    snprintf(name, sizeof name, "%s:%zu", src, lineno);
    char *copy = malloc(len + 1);
    char *nm = strdup(name);
    if (!copy || !nm) {
      free(copy);
      free(nm);
      report_error(u, name, MTA_ERR_NOMEM, "out of memory");
      continue;
    }
    memcpy(copy, line, len);
    copy[len] = '\0';
    S_queue(p, u, nm, copy, len, (size_t)n);
  }
  if (ferror(fp)) {
    char msg[4200];
    snprintf(msg, sizeof msg, "%s: read error: %s", src, strerror(errno));
    report_error(u, src, MTA_ERR_IO, msg);
  }
  free(line);
  if (!is_stdin)
    fclose(fp);
}

/* ---- output ----------------------------------------------------------- */

/* The input of 'files' that is the file -o 'output' names (same device
 * and inode, symbolic links followed; "-" is standard input), or NULL:
 * "-o in.txt in.txt" would replace the article with its report. */
static const char *S_output_is_input(const char *output,
                                     const struct paths *files) {
  struct stat o;
  if (stat(output, &o) || !S_ISREG(o.st_mode))
    return NULL;
  for (size_t i = 0; i < files->n; i++) {
    struct stat sb;
    int ok = strcmp(files->v[i], "-") ? stat(files->v[i], &sb)
                                      : fstat(STDIN_FILENO, &sb);
    if (ok == 0 && sb.st_dev == o.st_dev && sb.st_ino == o.st_ino)
      return files->v[i];
  }
  return NULL;
}

/* ---- main ------------------------------------------------------------ */

int main(int argc, char **argv) {
  struct cli c;
  memset(&c, 0, sizeof c);
  c.color = -1;
  c.jobs = 1;
  int done = 0;
  mta_auditor *probe = NULL; /* the first auditor, handed to a worker */
  int rc = load_config(argc, argv, &c);
  if (!rc)
    rc = parse_args(argc, argv, &c, &done);
  if (rc || done)
    goto out_cli;

  /* Create one auditor up front: a bad dictionary directory or rule
   * setting is reported once, before any output. */
  char *why = NULL;
  mta_status st = mta_auditor_new(&c.opts, &probe, &why);
  if (st) {
    S_say("%s", why ? why : mta_strerror(st));
    mta_free(why);
    rc = EXIT_ERROR;
    goto out_cli;
  }

  mta_render_options ro = {0};
  int tty = isatty(STDOUT_FILENO) && !c.output;
  const char *term = getenv("TERM");
  if (c.color == 1 || (c.color == -1 && tty && !getenv("NO_COLOR") &&
                       !(term && !strcmp(term, "dumb"))))
    ro.flags |= MTA_RENDER_COLOR;
  if (c.no_excerpt)
    ro.flags |= MTA_RENDER_NO_EXCERPT;
  struct run u;
  memset(&u, 0, sizeof u);
  u.output = c.output;
  u.progress = isatty(STDERR_FILENO);
  clock_gettime(CLOCK_MONOTONIC, &u.t0);

  /* Expand the inputs first, so that the progress line knows the total
   * and the output can be compared with every input. A directory that
   * fails is reported once the writer exists. */
  struct paths files = {NULL, 0, 0}, bad = {NULL, 0, 0}, badmsg = {NULL, 0, 0};
  int oom = 0;
  for (size_t i = 0; i < c.inputs.n; i++) {
    const char *in = c.inputs.v[i];
    struct stat sb;
    if (!c.jsonl_in && strcmp(in, "-") && stat(in, &sb) == 0 &&
        S_ISDIR(sb.st_mode)) {
      int n = expand_dir(in, &files);
      if (n <= 0) {
        char msg[4200];
        snprintf(msg, sizeof msg, "%s: %s", in,
                 n < 0 ? "cannot read the directory" : "no .txt files");
        if (paths_add(&bad, in) || paths_add(&badmsg, msg))
          oom = 1;
      }
    } else if (paths_add(&files, in)) {
      oom = 1;
    }
  }
  const char *clash = NULL;
  if (c.output && c.format != MTA_FORMAT_HTML &&
      (clash = S_output_is_input(c.output, &files))) {
    S_say("%s: the output is also an input (%s); not overwritten", c.output,
          clash);
    rc = EXIT_ERROR;
    goto out_files;
  }
  why = NULL;
  st = c.output ? mta_writer_new_path(c.format, &ro, c.output, &u.w, &why)
                : mta_writer_new(c.format, &ro, stdout, &u.w);
  if (st) {
    S_say("%s", why ? why : mta_strerror(st));
    mta_free(why);
    rc = EXIT_ERROR;
    goto out_files;
  }
  if (oom) {
    S_say("out of memory");
    u.errors++;
  }
  for (size_t i = 0; i < bad.n; i++)
    report_error(&u, bad.v[i], MTA_ERR_IO, badmsg.v[i]);
  u.total = c.jsonl_in ? 0 : files.n;

  struct pool p;
  memset(&p, 0, sizeof p);
  pthread_mutex_init(&p.mu, NULL);
  pthread_cond_init(&p.more, NULL);
  pthread_cond_init(&p.ready, NULL);
  p.cap = (size_t)c.jobs * 4;
  p.ring = calloc(p.cap, sizeof *p.ring);
  p.opts = &c.opts;
  p.jsonl = c.jsonl_in;
  p.spare = probe;
  probe = NULL;
  pthread_t *th = calloc((size_t)c.jobs, sizeof *th);
  p.keep = calloc((size_t)c.jobs + 1, sizeof *p.keep);
  S_keep = p.keep; /* stays reachable until the process ends */
  long started = 0;
  if (p.ring && th)
    for (; started < c.jobs; started++)
      if (pthread_create(&th[started], NULL, S_worker, &p))
        break;
  if (started == 0) {
    S_say("cannot start a worker thread");
    u.errors++;
  } else {
    for (size_t i = 0; i < files.n; i++) {
      if (c.jsonl_in) {
        S_queue_jsonl(&p, &u, files.v[i]);
        continue;
      }
      struct stat sb;
      size_t bytes = stat(files.v[i], &sb) == 0 ? (size_t)sb.st_size : 0;
      char *nm = strdup(files.v[i]);
      if (nm)
        S_queue(&p, &u, nm, NULL, 0, bytes);
    }
    pthread_mutex_lock(&p.mu);
    p.closed = 1;
    pthread_cond_broadcast(&p.more);
    pthread_mutex_unlock(&p.mu);
    S_drain(&p, &u, 1);
    while (p.written != p.queued)
      S_drain(&p, &u, 1);
  }
  for (long k = 0; k < started; k++)
    pthread_join(th[k], NULL);
  free(th);
  if (!p.nkeep) {
    free(p.keep);
    S_keep = NULL;
  }
  mta_auditor_free(p.spare); /* when no worker started */
  free(p.ring);
  mta_free(p.init_why);
  pthread_mutex_destroy(&p.mu);
  pthread_cond_destroy(&p.more);
  pthread_cond_destroy(&p.ready);
  if (u.progress)
    fputs("\r\033[K", stderr);

  if (mta_writer_finish(u.w) && !u.write_failed)
    S_write_failed(&u);
  mta_writer_free(u.w);
  rc = u.errors ? EXIT_ERROR : u.failed ? EXIT_GATE : EXIT_PASS;

out_files:
  paths_free(&files);
  paths_free(&bad);
  paths_free(&badmsg);
out_cli:
  mta_auditor_free(probe);
  paths_free(&c.inputs);
  paths_free(&c.dicts);
  free(c.rules);
  mta_config_free(c.cfg);
  return rc;
}
