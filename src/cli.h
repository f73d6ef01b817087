/*
 * Shared declarations of the mtaudit command line (src/main.c and
 * src/cli_*.c). None of this is part of libmtaudit: the CLI is a client of
 * the public API in include/mtaudit.h, and these files are the only ones
 * that print. Exit codes are chosen here and returned by main() alone.
 */
#ifndef MTAUDIT_CLI_H
#define MTAUDIT_CLI_H

#include <stddef.h>
#include <time.h>

#include "mtaudit.h"

/* The CLI translates with plain dgettext() (i18n.h): the domain is bound
 * by cli_lang_init() through mta_set_localedir(). */
#define MTAI_I18N_CLI 1
#include "i18n.h"

enum cli_exit { CLI_EXIT_PASS = 0, CLI_EXIT_GATE = 1, CLI_EXIT_ERROR = 2 };

/* ---- messages (cli_msg.c) ---------------------------------------------- */

/* Prints "mtaudit: MESSAGE" on stderr, the message made visible first
 * (mta_display_escape()). The format is translated here (xgettext
 * keywords cli_say:1 and cli_usage_error:1): pass a literal. */
void cli_say(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* cli_say(fmt, arg), then "Try 'mtaudit --help'."; returns CLI_EXIT_ERROR. */
int cli_usage_error(const char *fmt, const char *arg)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 0)))
#endif
    ;

/* Flushes stdout: CLI_EXIT_PASS, or CLI_EXIT_ERROR with a message when the
 * write failed (--help > /dev/full). */
int cli_flush_stdout(void);

/* The system's text for 'errnum' in 'buf' (strerror_r: safe while worker
 * threads run); returns 'buf'. */
const char *cli_errstr(int errnum, char *buf, size_t size);

/* ---- language (cli_lang.c) ---------------------------------------------- */

/* Chooses the message catalogs and the language, before any message:
 * the catalog directory is $MTAUDIT_LOCALEDIR, else DIR/locale next to the
 * executable when it holds de/LC_MESSAGES/mtaudit.mo (the build tree),
 * else the compiled-in one. The language follows LANGUAGE, LC_ALL,
 * LC_MESSAGES and LANG as gettext does, also when the named locale is not
 * installed ("de_DE.UTF-8" on a system with only C.UTF-8): then
 * LC_MESSAGES is set to C.UTF-8 and LANGUAGE derived from it ("de").
 * Only LC_MESSAGES changes: numbers keep the C locale's decimal point.
 * 'argv0' locates the executable when /proc/self/exe does not. */
void cli_lang_init(const char *argv0);

/* --lang VALUE: "de" or "en" sets LANGUAGE; -1 for any other value. */
int cli_lang_set(const char *value);

/* ---- lists of paths (cli_paths.c) -------------------------------------- */

struct cli_paths {
  char **v;
  size_t n, cap;
};

/* Appends a copy of 's'; -1 when out of memory. */
int cli_paths_add(struct cli_paths *p, const char *s);
void cli_paths_free(struct cli_paths *p);

/* Expands the command line's 'inputs' into 'files': a directory becomes its
 * *.txt files (sorted; not with 'jsonl', where every path is a stream). A
 * directory that cannot be read or holds no .txt file goes to 'bad', with
 * its message in 'badmsg'. Returns -1 when out of memory (the lists hold
 * what fitted), else 0. */
int cli_paths_expand(const struct cli_paths *inputs, int jsonl,
                     struct cli_paths *files, struct cli_paths *bad,
                     struct cli_paths *badmsg);

/* The sources of 'files' for --source-dir 'dir': for every file, DIR/REL
 * with REL its path below the directory argument it was found in (or its
 * name when given as a file), the extension made .txt. 'inputs' are the
 * command line's paths that 'files' were expanded from. -1 when out of
 * memory. */
int cli_paths_sources(const struct cli_paths *inputs,
                      const struct cli_paths *files, const char *dir,
                      struct cli_paths *sources);

/* The input of 'files' that is the file 'output' names (same device and
 * inode; "-" is standard input), or NULL. */
const char *cli_output_is_input(const char *output,
                                const struct cli_paths *files);

/* The name of JSON Lines record 'lineno' of stream 'stream' ("<stdin>" or
 * a path), for every output: "STREAM[id=ID]" when its "id" ('id', as
 * written) is a number or a string of letters, digits and . _ - + / (at
 * most 64 bytes; the string without its quotes), else "STREAM[line=N]".
 * Never a colon of its own, so "NAME:LINE:COL:" stays parseable. Caller
 * frees; NULL when out of memory. */
char *cli_record_name(const char *stream, const char *id, size_t lineno);

/* ---- configuration and options (cli_options.c) ------------------------- */

struct cli_options {
  mta_options opts; /* configuration, then options: what the auditors get */
  mta_format format;
  int color; /* -1 auto, 0 never, 1 always */
  int no_excerpt;
  int quiet; /* -q: text summary only, no progress bar */
  int jsonl_in;
  int errors_inline; /* --errors inline */
  int list_rules;    /* --list-rules (done after every option) */
  long jobs;
  const char *output;
  const char *config;     /* --config FILE */
  const char *source;     /* --source FILE */
  const char *source_dir; /* --source-dir DIR */
  int no_config;
  const char *baseline;       /* --baseline FILE */
  const char *write_baseline; /* --write-baseline FILE */
  int verbose;                /* --verbose */
  char *found;                /* the configuration found (cli_config.c) */
  const char *config_used;    /* the file read, or NULL: none */
  struct cli_paths inputs;
  struct cli_paths dicts;  /* config dictionaries, then --dict FILE, in order */
  mta_rule_setting *rules; /* config settings, then --disable/--enable */
  size_t nrules, caprules;
  mta_config *cfg;
};

/* Reads the configuration file, then the options of 'argv' (which win)
 * into 'o'. Returns an exit code: CLI_EXIT_ERROR after printing a usage or
 * configuration error. '*done' is set when an option did all the work
 * (--help, --version, --list-rules, --explain). Strings in 'o' borrow from
 * 'argv' and from the configuration; release with cli_options_free(). */
int cli_options_parse(int argc, char **argv, struct cli_options *o, int *done);
/* The same with configuration file 'config' (NULL: none) in place of the
 * one found from the current directory, when neither --config nor
 * --no-config is given: the options of an input whose directory finds
 * another configuration. */
int cli_options_parse_with(int argc, char **argv, struct cli_options *o,
                           const char *config);

/* ---- configuration discovery (cli_config.c) ---------------------------- */

/* The configuration for directory 'dir': the first mtaudit.conf from
 * 'dir' up to the root, then $XDG_CONFIG_HOME/mtaudit/mtaudit.conf
 * (default ~/.config); a new string, or NULL when there is none ('*oom'
 * set when memory ran out). */
char *cli_config_find(const char *dir, int *oom);
/* The same for input 'path' (its directory; "-": the current one). */
char *cli_config_find_for(const char *path, int *oom);
void cli_options_free(struct cli_options *o);

/* ---- the run: worker pool, ordered output, progress (cli_pool.c) ------- */

/* The output side of a run, used by the main thread only. */
struct cli_out {
  mta_writer *w;
  const char *output; /* -o PATH, or NULL for standard output */
  int errors, failed, write_failed;
  int errors_inline;  /* --errors inline: bad records are no run error */
  size_t inband;      /* bad records or files reported in the output only */
  size_t done, total; /* total 0: unknown (a stream) */
  size_t bytes;
  int progress; /* a progress bar on stderr (a terminal, not --quiet) */
  struct timespec t0;
  mta_baseline *baseline; /* --baseline: applied to every report */
  mta_baseline *record;   /* --write-baseline: every finding added */
  struct timespec drawn;  /* when the bar was last drawn */
  size_t ndrawn;          /* times it was drawn */
};

/* ---- the progress bar (cli_progress.c) --------------------------------- */

/* Redraws the progress bar of 'u' ('current': the input waited for, or
 * NULL) unless it was drawn less than 100 ms ago and 'force' is 0;
 * nothing without u->progress. */
void cli_progress(struct cli_out *u, const char *current, int force);

/* Erases the bar (before a message, and at the end) if one was drawn. */
void cli_progress_clear(struct cli_out *u);

/* Reports an input that failed: one stderr line 'msg' and an error entry
 * for 'name' in the report. */
void cli_out_error(struct cli_out *u, const char *name, mta_status st,
                   const char *msg);

/* The same for a JSON Lines record: its id (as written, NULL when not
 * known) and line number go into the report's error entry too. Counts
 * nothing: the caller does (--errors inline). */
void cli_out_record_error(struct cli_out *u, const char *name, const char *id,
                          size_t lineno, mta_status st, const char *msg);

/* 1 when an input that failed with 'st' is bad in itself (its bytes,
 * encoding, JSON, size), which --errors inline reports in-band; 0 when the
 * run could not read it (I/O, memory, dictionaries). */
int cli_status_inband(mta_status st);

/* The writer failed: says why once (path and system reason). */
void cli_out_write_failed(struct cli_out *u);

/* Audits 'files' (JSON Lines streams with 'jsonl') on 'jobs' threads, one
 * auditor each, and hands the reports to u->w in input order. 'probe' is
 * an auditor created with 'opts' for the first worker; the pool takes it.
 * Counts go to 'u'; the progress line is cleared at the end. */
/* 'sources', when not NULL, holds the English original of each file
 * (source-aware mode). */
/* 'nprof' option sets (one per configuration in use: 'opts[k]', with
 * auditor 'probes[k]' made from it, which the pool takes); 'prof[i]' is
 * the set of file i (NULL: all use set 0). */
void cli_pool_run(struct cli_out *u, const mta_options *const *opts,
                  mta_auditor **probes, size_t nprof, const size_t *prof,
                  long jobs, int jsonl, const struct cli_paths *files,
                  const struct cli_paths *sources);

#endif
