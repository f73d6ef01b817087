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
#include <unistd.h>

#include "cli.h"

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

  /* Create one auditor up front: a bad dictionary directory or rule
   * setting is reported once, before any output. */
  mta_auditor *probe = NULL;
  char *why = NULL;
  mta_status st = mta_auditor_new(&o.opts, &probe, &why);
  if (st) {
    cli_say("%s", why ? why : mta_strerror(st));
    mta_free(why);
    cli_options_free(&o);
    return CLI_EXIT_ERROR;
  }

  mta_render_options ro = S_render_options(&o);
  struct cli_out u;
  memset(&u, 0, sizeof u);
  u.output = o.output;
  u.progress = isatty(STDERR_FILENO);
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

  cli_pool_run(&u, &o.opts, probe, o.jobs, o.jsonl_in, &files,
               o.source || o.source_dir ? &sources : NULL);
  probe = NULL; /* the pool's */

  if (mta_writer_finish(u.w) && !u.write_failed)
    cli_out_write_failed(&u);
  mta_writer_free(u.w);
  rc = u.errors ? CLI_EXIT_ERROR : u.failed ? CLI_EXIT_GATE : CLI_EXIT_PASS;

out:
  mta_auditor_free(probe);
  cli_paths_free(&files);
  cli_paths_free(&bad);
  cli_paths_free(&badmsg);
  cli_paths_free(&sources);
  cli_options_free(&o);
  return rc;
}
