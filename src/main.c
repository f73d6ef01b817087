/*
 * mtaudit command line. A thin driver over the library: configuration and
 * options (cli_options.c), path expansion (cli_paths.c), the worker pool
 * writing reports in input order (cli_pool.c), and the exit status, which
 * only main() chooses.
 *
 * Exit status: 0 every input audited and every gate passed; 1 a gate
 * (--fail-under, --fail-on) failed; 2 a usage or input error (the other
 * inputs are still audited and reported).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"

/* One option set per configuration file in use: profile 0 is the
 * command line's own (the configuration of the current directory, or
 * --config, or none), others come from configurations found from the
 * inputs' directories. 'real' is the configuration's canonical path
 * (NULL: none), by which inputs are grouped. */
struct S_prof {
  struct cli_options o;
  char *real;
  mta_auditor *probe;
  mta_dictionaries *dicts; /* owned, or NULL: shared with an earlier
                              profile, or none */
};

struct S_profs {
  struct S_prof *v;
  size_t n;
  size_t *of; /* per file: its profile */
};

static char *S_real(const char *config) {
  if (!config)
    return NULL;
  char *r = realpath(config, NULL);
  return r ? r : strdup(config);
}

static int S_same(const char *a, const char *b) {
  return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Finds the configuration of every file (unless --config or --no-config
 * decide for all) and parses the options again for each configuration
 * other than profile 0's. Returns an exit code after printing. */
static int S_profiles(int argc, char **argv, struct S_profs *ps,
                      const struct cli_paths *files) {
  struct cli_options *base = &ps->v[0].o;
  ps->v[0].real = S_real(base->config_used);
  ps->of = calloc(files->n + 1, sizeof *ps->of);
  if (!ps->of)
    return cli_say("%s", _("out of memory")), CLI_EXIT_ERROR;
  if (base->config || base->no_config)
    return CLI_EXIT_PASS;
  for (size_t i = 0; i < files->n; i++) {
    int oom = 0;
    char *found = cli_config_find_for(files->v[i], &oom);
    char *real = S_real(found);
    if (oom || (found && !real)) {
      free(found);
      return cli_say("%s", _("out of memory")), CLI_EXIT_ERROR;
    }
    size_t k = 0;
    while (k < ps->n && !S_same(ps->v[k].real, real))
      k++;
    if (k == ps->n) {
      struct S_prof *nv = realloc(ps->v, (ps->n + 1) * sizeof *nv);
      if (!nv) {
        free(found);
        free(real);
        return cli_say("%s", _("out of memory")), CLI_EXIT_ERROR;
      }
      ps->v = nv;
      memset(&ps->v[k], 0, sizeof ps->v[k]);
      ps->n++;
      ps->v[k].real = real;
      real = NULL;
      int rc = cli_options_parse_with(argc, argv, &ps->v[k].o, found);
      if (rc) {
        free(found);
        return rc;
      }
    }
    free(found);
    free(real);
    ps->of[i] = k;
  }
  return CLI_EXIT_PASS;
}

/* Dictionaries kept for the exit (see S_dicts_done()). volatile: a
 * store that is never read would be optimized away, and leak checkers
 * would then find them unreachable. */
static mta_dictionaries **volatile S_kept_dicts;

/* The dictionaries of every profile, made once there is something to
 * audit (not for --version or a batch of missing files: they would cost
 * a background load for nothing) and shared by all the auditors of the
 * profiles with the same dictionary directory and word lists. A failure
 * is not reported here: the profile's probe auditor, made without them,
 * then reports it as before, in its order of checks. */
static void S_dicts(struct S_profs *ps) {
  for (size_t k = 0; k < ps->n; k++) {
    mta_options *o = &ps->v[k].o.opts;
    if (o->flags & MTA_OPT_NO_SPELL)
      continue;
    for (size_t j = 0; j < k && !o->dictionaries; j++) {
      const mta_options *q = &ps->v[j].o.opts;
      int same = q->dictionaries && S_same(q->dict_dir, o->dict_dir) &&
                 q->user_dict_count == o->user_dict_count;
      for (size_t i = 0; same && i < o->user_dict_count; i++)
        same = !strcmp(q->user_dicts[i], o->user_dicts[i]);
      if (same)
        o->dictionaries = q->dictionaries;
    }
    if (!o->dictionaries &&
        mta_dictionaries_new(o, &ps->v[k].dicts, NULL) == MTA_OK)
      o->dictionaries = ps->v[k].dicts;
  }
}

/* After the run: the dictionaries are freed only with
 * MTAUDIT_FREE_AT_EXIT (as the auditors are, cli_pool.c: freeing costs
 * time for nothing); otherwise kept, once their loading threads are
 * done. */
static void S_dicts_done(struct S_profs *ps) {
  int free_them = getenv("MTAUDIT_FREE_AT_EXIT") != NULL;
  mta_dictionaries **keep = free_them ? NULL : calloc(ps->n + 1, sizeof *keep);
  size_t nkeep = 0;
  for (size_t k = 0; k < ps->n; k++) {
    if (!ps->v[k].dicts)
      continue;
    if (keep) {
      mta_dictionaries_wait(ps->v[k].dicts, NULL);
      keep[nkeep++] = ps->v[k].dicts;
    } else
      mta_dictionaries_free(ps->v[k].dicts);
    ps->v[k].dicts = NULL;
  }
  S_kept_dicts = keep;
}

/* 1 when some input may be audited: standard input, or a path that
 * exists (a missing one fails before any dictionary is needed). */
static int S_anything(const struct cli_paths *files) {
  struct stat sb;
  for (size_t i = 0; i < files->n; i++)
    if (!strcmp(files->v[i], "-") || stat(files->v[i], &sb) == 0)
      return 1;
  return 0;
}

static void S_profiles_free(struct S_profs *ps) {
  for (size_t k = 0; k < ps->n; k++) {
    mta_auditor_free(ps->v[k].probe);
    free(ps->v[k].real);
    if (k) /* profile 0's options are main's */
      cli_options_free(&ps->v[k].o);
  }
  free(ps->v);
  free(ps->of);
}

/* --verbose: what every input is audited with. */
static void S_verbose(const struct S_profs *ps, const struct cli_paths *files,
                      const struct cli_paths *sources) {
  for (size_t i = 0; i < files->n; i++) {
    const struct cli_options *po = &ps->v[ps->of[i]].o;
    const char *name = strcmp(files->v[i], "-") ? files->v[i] : "<stdin>";
    if (po->config_used)
      cli_say(_("%s: configuration %s"), name, po->config_used);
    else
      cli_say(_("%s: no configuration file"), name);
    if (po->opts.dict_dir)
      cli_say(_("%s: dictionary directory %s"), name, po->opts.dict_dir);
    for (size_t k = 0; k < po->opts.user_dict_count; k++)
      cli_say(_("%s: word list %s"), name, po->opts.user_dicts[k]);
    if (sources && i < sources->n)
      cli_say(_("%s: English original %s"), name, sources->v[i]);
  }
}

/* Colour on a terminal (stdout, not -o) unless NO_COLOR or TERM=dumb;
 * --color always/never decide alone. */
static mta_render_options S_render_options(const struct cli_options *o) {
  mta_render_options ro = {0};
  int tty = isatty(STDOUT_FILENO) && !o->output;
  const char *term = getenv("TERM");
  if (o->color == 1 || (o->color == -1 && tty && !getenv("NO_COLOR") &&
                        !(term && !strcmp(term, "dumb"))))
    ro.flags |= MTA_RENDER_COLOR;
  if (o->no_excerpt)
    ro.flags |= MTA_RENDER_NO_EXCERPT;
  if (o->quiet)
    ro.flags |= MTA_RENDER_SUMMARY;
  return ro;
}

int main(int argc, char **argv) {
  struct cli_options o;
  int done = 0;
  cli_lang_init(argc > 0 ? argv[0] : NULL);
  int rc = cli_options_parse(argc, argv, &o, &done);
  if (rc || done) {
    cli_options_free(&o);
    return rc;
  }

  char *why = NULL;
  mta_status st;
  struct S_profs ps = {NULL, 0, NULL};
  const mta_options **popts = NULL;
  mta_auditor **probes = NULL;
  mta_baseline *baseline = NULL, *record = NULL;
  if (!(ps.v = calloc(1, sizeof *ps.v))) {
    cli_say("%s", _("out of memory"));
    cli_options_free(&o);
    return CLI_EXIT_ERROR;
  }
  ps.n = 1;
  ps.v[0].o = o; /* a copy: 'o' stays main's, freed once at the end */

  mta_render_options ro = S_render_options(&o);
  struct cli_out u;
  memset(&u, 0, sizeof u);
  u.output = o.output;
  u.errors_inline = o.errors_inline;
  u.progress = isatty(STDERR_FILENO) && !o.quiet;
  clock_gettime(CLOCK_MONOTONIC, &u.t0);

  struct cli_paths files = {NULL, 0, 0}, bad = {NULL, 0, 0},
                   badmsg = {NULL, 0, 0}, sources = {NULL, 0, 0};
  int oom = cli_paths_expand(&o.inputs, o.jsonl_in, &files, &bad, &badmsg);
  const char *clash = NULL;
  if (o.output && o.format != MTA_FORMAT_HTML &&
      (clash = cli_output_is_input(o.output, &files))) {
    cli_say("%s: the output is also an input (%s); not overwritten", o.output,
            clash);
    rc = CLI_EXIT_ERROR;
    goto out;
  }
  /* The configuration of every input, then one auditor per
   * configuration up front: a bad dictionary directory or rule setting
   * is reported once, before any output. */
  if ((rc = S_profiles(argc, argv, &ps, &files)))
    goto out;
  ps.v[0].o = o;
  if (!(popts = calloc(ps.n, sizeof *popts)) ||
      !(probes = calloc(ps.n, sizeof *probes))) {
    cli_say("%s", _("out of memory"));
    rc = CLI_EXIT_ERROR;
    goto out;
  }
  if (S_anything(&files))
    S_dicts(&ps);
  for (size_t k = 0; k < ps.n; k++) {
    popts[k] = &ps.v[k].o.opts;
    if ((st = mta_auditor_new(popts[k], &probes[k], &why))) {
      cli_say("%s", why ? why : mta_strerror(st));
      mta_free(why);
      rc = CLI_EXIT_ERROR;
      goto out;
    }
  }
  if (o.baseline && (st = mta_baseline_load(o.baseline, &baseline, &why))) {
    cli_say("%s", why ? why : mta_strerror(st));
    mta_free(why);
    rc = CLI_EXIT_ERROR;
    goto out;
  }
  if (o.write_baseline && mta_baseline_new(&record)) {
    cli_say("%s", _("out of memory"));
    rc = CLI_EXIT_ERROR;
    goto out;
  }
  /* Source-aware mode: the English original of every file. */
  if (o.source && (files.n != 1 || bad.n)) {
    cli_say("--source needs exactly one input file (%zu given); use "
            "--source-dir for a batch",
            files.n + bad.n);
    rc = CLI_EXIT_ERROR;
    goto out;
  }
  if ((o.source && cli_paths_add(&sources, o.source)) ||
      (o.source_dir &&
       cli_paths_sources(&o.inputs, &files, o.source_dir, &sources))) {
    cli_say("out of memory");
    rc = CLI_EXIT_ERROR;
    goto out;
  }

  /* One configuration for every input: the JSON "tool" names it. */
  size_t one = files.n ? ps.of[0] : 0;
  for (size_t i = 1; i < files.n; i++)
    if (ps.of[i] != one)
      one = (size_t)-1;
  if (one != (size_t)-1)
    ro.config = ps.v[one].o.config_used;
  if (o.verbose)
    S_verbose(&ps, &files, o.source || o.source_dir ? &sources : NULL);
  why = NULL;
  st = o.output ? mta_writer_new_path(o.format, &ro, o.output, &u.w, &why)
                : mta_writer_new(o.format, &ro, stdout, &u.w);
  if (st) {
    cli_say("%s", why ? why : mta_strerror(st));
    mta_free(why);
    rc = CLI_EXIT_ERROR;
    goto out;
  }
  if (oom) {
    cli_say("out of memory");
    u.errors++;
  }
  for (size_t i = 0; i < bad.n; i++)
    cli_out_error(&u, bad.v[i], MTA_ERR_IO, badmsg.v[i]);
  u.total = o.jsonl_in ? 0 : files.n;

  u.baseline = baseline;
  u.record = record;
  cli_pool_run(&u, popts, probes, ps.n, ps.of, o.jobs, o.jsonl_in, &files,
               o.source || o.source_dir ? &sources : NULL);
  for (size_t k = 0; k < ps.n; k++)
    probes[k] = NULL; /* the pool's */

  if (mta_writer_finish(u.w) && !u.write_failed)
    cli_out_write_failed(&u);
  mta_writer_free(u.w);
  if (record && (st = mta_baseline_save(record, o.write_baseline, &why))) {
    cli_say("%s", why ? why : mta_strerror(st));
    mta_free(why);
    u.errors++;
  }
  rc = u.errors ? CLI_EXIT_ERROR : u.failed ? CLI_EXIT_GATE : CLI_EXIT_PASS;

out:
  for (size_t k = 0; probes && k < ps.n; k++)
    mta_auditor_free(probes[k]);
  /* After every auditor (the pool's are freed or kept by then). */
  S_dicts_done(&ps);
  free(probes);
  free(popts);
  S_profiles_free(&ps);
  mta_baseline_free(baseline);
  mta_baseline_free(record);
  cli_paths_free(&files);
  cli_paths_free(&bad);
  cli_paths_free(&badmsg);
  cli_paths_free(&sources);
  cli_options_free(&o);
  return rc;
}
