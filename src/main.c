/*
 * mtaudit command line. A thin layer over the library: parse options,
 * expand paths, audit each input, hand the reports to a writer, and choose
 * the exit status. Only this file prints to stderr or exits.
 *
 * Exit status: 0 every input audited and every gate passed; 1 a gate
 * (--fail-under, --fail-on) failed; 2 a usage or input error (the other
 * inputs are still audited and reported).
 */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
    "  -f, --format FMT       text (default), json or jsonl\n"
    "      --color WHEN       auto (default), always or never\n"
    "      --no-excerpt       text: no excerpt under each finding\n"
    "Gate:\n"
    "      --fail-under SCORE exit 1 if an article scores below SCORE\n"
    "      --fail-on SEV      exit 1 on a finding of SEV or worse\n"
    "                         (minor, major, critical)\n"
    "Input:\n"
    "      --encoding NAME    force the input encoding (iconv name)\n"
    "      --dict-dir DIR     directory with de_DE_frami/de_DE .aff/.dic\n"
    "      --dict FILE        extra known words, one per line (repeatable)\n"
    "      --no-spell         skip the spelling check\n"
    "      --score-all        score boilerplate and repeated paragraphs too\n"
    "  -h, --help             show this help\n"
    "  -V, --version          show the version\n"
    "\n"
    "Exit status: 0 passed, 1 a gate failed, 2 usage or input error.\n";

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

static struct paths *S_walk_out; /* nftw has no user pointer */
static int S_walk_fail;

static int S_walk_cb(const char *path, const struct stat *sb, int type,
                     struct FTW *ftw) {
  (void)ftw;
  size_t n = strlen(path);
  if (n < 4 || strcmp(path + n - 4, ".txt"))
    return 0;
  if (type == FTW_F || (type == FTW_SL && stat(path, (struct stat *)sb) == 0 &&
                        S_ISREG(sb->st_mode))) {
    if (paths_add(S_walk_out, path))
      S_walk_fail = 1;
  }
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
  struct paths inputs;
  struct paths dicts; /* --dict FILE, in order */
};

static int S_usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "mtaudit: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'mtaudit --help'.\n");
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
  fprintf(stderr, "mtaudit: writing to standard output failed\n");
  return EXIT_ERROR;
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
    } else if (!strcmp(a, "-f") || S_is(a, "--format")) {
      if (!(v = S_value(argc, argv, &i, "--format")))
        return S_usage_error("%s needs a value", a);
      if (!strcmp(v, "text"))
        c->format = MTA_FORMAT_TEXT;
      else if (!strcmp(v, "json"))
        c->format = MTA_FORMAT_JSON;
      else if (!strcmp(v, "jsonl"))
        c->format = MTA_FORMAT_JSONL;
      else
        return S_usage_error("unknown format '%s' (text, json, jsonl)", v);
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
      /* Plain decimal only: no "nan", "inf", hex or blanks. */
      if (!*v || strspn(v, "0123456789.") != strlen(v) || *end ||
          !(d >= 0 && d <= 1000))
        return S_usage_error("--fail-under: '%s' is not a score", v);
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
  c->opts.user_dicts = (const char *const *)c->dicts.v;
  c->opts.user_dict_count = c->dicts.n;
  return EXIT_PASS;
}

/* ---- main ------------------------------------------------------------ */

static void report_error(mta_writer *w, const char *name, mta_status st,
                         const char *msg) {
  fprintf(stderr, "mtaudit: %s\n", msg);
  /* The writer wants the reason without the "PATH: " prefix. */
  size_t n = strlen(name);
  const char *reason = msg;
  if (!strncmp(msg, name, n) && !strncmp(msg + n, ": ", 2))
    reason = msg + n + 2;
  mta_writer_add_error(w, name, st, reason);
}

int main(int argc, char **argv) {
  struct cli c;
  memset(&c, 0, sizeof c);
  c.color = -1;
  int done;
  int rc = parse_args(argc, argv, &c, &done);
  if (rc || done)
    goto out_paths;

  char *why = NULL;
  mta_auditor *a = NULL;
  mta_status st = mta_auditor_new(&c.opts, &a, &why);
  if (st) {
    fprintf(stderr, "mtaudit: %s\n", why ? why : mta_strerror(st));
    mta_free(why);
    rc = EXIT_ERROR;
    goto out_paths;
  }

  mta_render_options ro = {0};
  int tty = isatty(STDOUT_FILENO);
  const char *term = getenv("TERM");
  if (c.color == 1 || (c.color == -1 && tty && !getenv("NO_COLOR") &&
                       !(term && !strcmp(term, "dumb"))))
    ro.flags |= MTA_RENDER_COLOR;
  if (c.no_excerpt)
    ro.flags |= MTA_RENDER_NO_EXCERPT;
  mta_writer *w = NULL;
  if ((st = mta_writer_new(c.format, &ro, stdout, &w))) {
    fprintf(stderr, "mtaudit: %s\n", mta_strerror(st));
    mta_auditor_free(a);
    rc = EXIT_ERROR;
    goto out_paths;
  }

  int errors = 0, failed = 0, write_failed = 0;
  for (size_t i = 0; i < c.inputs.n; i++) {
    const char *in = c.inputs.v[i];
    struct stat sb;
    struct paths files = {NULL, 0, 0};
    if (strcmp(in, "-") && stat(in, &sb) == 0 && S_ISDIR(sb.st_mode)) {
      int n = expand_dir(in, &files);
      if (n <= 0) {
        char msg[4200];
        snprintf(msg, sizeof msg, "%s: %s", in,
                 n < 0 ? "cannot read the directory" : "no .txt files");
        report_error(w, in, MTA_ERR_IO, msg);
        errors++;
      }
    } else if (paths_add(&files, in)) {
      fprintf(stderr, "mtaudit: out of memory\n");
      errors++;
    }
    for (size_t k = 0; k < files.n; k++) {
      mta_report *r = NULL;
      st = mta_audit_file(a, files.v[k], &r);
      if (st) {
        const char *name = strcmp(files.v[k], "-") ? files.v[k] : "<stdin>";
        report_error(w, name, st, mta_auditor_errmsg(a));
        errors++;
      } else {
        if (!mta_report_passed(r))
          failed++;
        if (!write_failed && mta_writer_add(w, r)) {
          fprintf(stderr, "mtaudit: writing the report failed\n");
          write_failed = 1; /* say it once; keep auditing for the status */
          errors++;
        }
        mta_report_free(r);
      }
      free(files.v[k]);
    }
    free(files.v);
  }
  if (mta_writer_finish(w) && !write_failed) {
    fprintf(stderr, "mtaudit: writing the report failed\n");
    errors++;
  }
  mta_writer_free(w);
  mta_auditor_free(a);
  rc = errors ? EXIT_ERROR : failed ? EXIT_GATE : EXIT_PASS;

out_paths:
  for (size_t i = 0; i < c.inputs.n; i++)
    free(c.inputs.v[i]);
  free(c.inputs.v);
  for (size_t i = 0; i < c.dicts.n; i++)
    free(c.dicts.v[i]);
  free(c.dicts.v);
  return rc;
}
