/*
 * The run of the command line: a pool of -j N worker threads, one auditor
 * each (the library's auditor is not thread-safe), all made with the
 * shared dictionaries of their configuration (main.c: one set of Hunspell
 * dictionaries and one verdict cache per process, so that a word is
 * checked once, not once per worker), fed through a ring of 4N tasks by
 * the main thread, which also
 * writes the finished reports in input order, reports errors and keeps the
 * progress bar on a terminal (cli_progress.c).
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "cli.h"
#include "i18n.h"

/* ---- tasks and the pool ------------------------------------------------ */

/* One input to audit: a file (or "-"), or one line of JSON Lines input. */
struct task {
  char *name; /* file name, or "STREAM[id=ID]" for a record (cli_record_name) */
  char *line; /* JSONL: the raw line (NULL for a file) */
  char *id;   /* JSONL: the record's "id" as written, NULL when unknown */
  size_t lineno; /* JSONL: the line number in its stream */
  char *src;     /* the English original of a file (NULL: none) */
  size_t prof;   /* its option set (configuration) */
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
  const mta_options *const *opts; /* per option set */
  size_t nprof;
  mta_auditor **spare; /* per set, created up front; the first worker
                          that needs one takes it */
  mta_auditor **keep;  /* auditors left for the exit, one per worker */
  size_t nkeep;
  mta_status init_st; /* first worker start-up failure */
  char *init_why;
};

/* Renames record task 't' (named after its stream) by its id once the
 * line is parsed: "STREAM[id=ID]" (cli_record_name()). */
static void S_name_record(struct task *t, const char *id) {
  free(t->id);
  t->id = id ? strdup(id) : NULL;
  char *nm = cli_record_name(t->name, t->id, t->lineno);
  if (nm) {
    free(t->name);
    t->name = nm;
  }
}

/* Audits task 't' with auditor 'a' (on a worker thread: no printing). */
static void S_audit_task(mta_auditor *a, struct task *t) {
  if (t->line) {
    mta_record *rec = NULL;
    char *why = NULL;
    t->st = mta_record_parse(t->line, t->len, &rec, &why);
    if (t->st) {
      char *id = mta_record_parse_id(t->line, t->len);
      S_name_record(t, id);
      mta_free(id);
      size_t n = strlen(t->name) + (why ? strlen(why) : 0) + 64;
      t->why = malloc(n);
      if (t->why)
        snprintf(t->why, n, _("%s: line %zu, %s"), t->name, t->lineno,
                 why ? why : _("malformed line"));
      mta_free(why);
      return;
    }
    S_name_record(t, mta_record_id(rec));
    t->st = mta_audit_record(a, rec, t->name, &t->r);
    mta_record_free(rec);
  } else {
    t->st = mta_audit_file_source(a, t->name, t->src, &t->r);
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

/* A worker: takes the spare auditor or creates its own, then audits tasks
 * until the ring is closed and empty. A worker whose auditor could not be
 * created fails its tasks ("no auditor") rather than leaving them. */
static void *S_worker(void *arg) {
  struct pool *p = arg;
  /* One auditor per option set, made when the first input needing it
   * comes (the spare when there still is one). */
  mta_auditor **mine = calloc(p->nprof, sizeof *mine);
  mta_status *bad = calloc(p->nprof, sizeof *bad);
  for (;;) {
    pthread_mutex_lock(&p->mu);
    while (p->taken == p->queued && !p->closed)
      pthread_cond_wait(&p->more, &p->mu);
    if (p->taken == p->queued) {
      pthread_mutex_unlock(&p->mu);
      break;
    }
    struct task *t = &p->ring[p->taken++ % p->cap];
    size_t k = t->prof < p->nprof ? t->prof : 0;
    mta_auditor *a = mine && bad ? mine[k] : NULL;
    if (mine && bad && !a && !bad[k] && p->spare[k]) {
      a = mine[k] = p->spare[k];
      p->spare[k] = NULL;
    }
    pthread_mutex_unlock(&p->mu);
    mta_status st = mine && bad ? bad[k] : MTA_ERR_NOMEM;
    if (!a && !st) {
      char *why = NULL;
      st = mta_auditor_new(p->opts[k], &mine[k], &why);
      a = mine[k];
      bad[k] = st;
      pthread_mutex_lock(&p->mu);
      if (st && !p->init_st) {
        p->init_st = st;
        p->init_why = why;
        why = NULL;
      }
      pthread_mutex_unlock(&p->mu);
      mta_free(why);
    }
    if (a)
      S_audit_task(a, t);
    else {
      t->st = st ? st : MTA_ERR_NOMEM;
      t->why = strdup("no auditor");
    }
    pthread_mutex_lock(&p->mu);
    t->done = 1;
    pthread_cond_broadcast(&p->ready);
    pthread_mutex_unlock(&p->mu);
  }
  /* Freeing Hunspell's dictionary costs about 0.1 s per auditor, a third
   * of a one-article run: the auditors are left to the exit of the
   * process (reachable through the pool) unless MTAUDIT_FREE_AT_EXIT is
   * set, as the valgrind run does to check that everything is freed. */
  pthread_mutex_lock(&p->mu);
  int keep = p->keep && !getenv("MTAUDIT_FREE_AT_EXIT");
  for (size_t k = 0; keep && mine && k < p->nprof; k++)
    if (mine[k]) {
      p->keep[p->nkeep++] = mine[k];
      mine[k] = NULL;
    }
  pthread_mutex_unlock(&p->mu);
  for (size_t k = 0; mine && k < p->nprof; k++)
    mta_auditor_free(mine[k]);
  free(mine);
  free(bad);
  return NULL;
}

/* ---- output, main thread ---------------------------------------------- */

/* The other inputs are still audited for the exit status, but nothing
 * more is written. The message names the path and the system's reason
 * ("out.json: write error: No space left on device"). */
void cli_out_write_failed(struct cli_out *u) {
  const char *m = mta_writer_errmsg(u->w);
  if (!*m)
    m = _("writing the report failed");
  if (u->output)
    cli_say("%s", m);
  else
    cli_say("standard output: %s", m);
  u->write_failed = 1;
  u->errors++;
}

void cli_out_error(struct cli_out *u, const char *name, mta_status st,
                   const char *msg) {
  cli_progress_clear(u);
  cli_say("%s", msg);
  /* The writer wants the reason without the "NAME: " prefix. */
  size_t n = strlen(name);
  const char *reason = msg;
  if (!strncmp(msg, name, n) && !strncmp(msg + n, ": ", 2))
    reason = msg + n + 2;
  mta_writer_add_error(u->w, name, st, reason);
  u->errors++;
}

void cli_out_record_error(struct cli_out *u, const char *name, const char *id,
                          size_t lineno, mta_status st, const char *msg) {
  cli_progress_clear(u);
  cli_say("%s", msg);
  size_t n = strlen(name);
  const char *reason = msg;
  if (!strncmp(msg, name, n) && !strncmp(msg + n, ": ", 2))
    reason = msg + n + 2;
  mta_writer_add_record_error(u->w, name, id, lineno, st, reason);
}

int cli_status_inband(mta_status st) {
  switch (st) {
  case MTA_ERR_ENCODING:
  case MTA_ERR_BINARY:
  case MTA_ERR_EMPTY:
  case MTA_ERR_TOO_LARGE:
  case MTA_ERR_PARSE:
  case MTA_ERR_MARKUP:
    return 1;
  default:
    return 0;
  }
}

/* Writes the finished task 't' and clears it. */
static void S_write_task(struct cli_out *u, struct task *t) {
  if (t->st) {
    /* --errors inline: a bad record or file (what it holds, not whether
     * it can be read) is reported in the output and on stderr but is no
     * error of the run. */
    int inband = u->errors_inline && cli_status_inband(t->st);
    if (inband)
      u->inband++;
    else
      u->errors++;
    const char *name = strcmp(t->name, "-") ? t->name : "<stdin>";
    if (t->line)
      cli_out_record_error(u, name, t->id, t->lineno, t->st,
                           t->why ? t->why : mta_strerror(t->st));
    else {
      cli_out_error(u, name, t->st, t->why ? t->why : mta_strerror(t->st));
      u->errors--; /* counted above */
    }
  } else {
    /* Suppressions first: the gate and every output see the report
     * without the findings of the baseline. The baseline is recorded
     * before, so that --write-baseline with --baseline records them
     * all. */
    if (u->record && mta_baseline_add(u->record, t->r)) {
      cli_say("%s", _("out of memory"));
      u->errors++;
    }
    if (u->baseline && mta_report_apply_baseline(t->r, u->baseline)) {
      cli_say("%s", _("out of memory"));
      u->errors++;
    }
    if (!mta_report_passed(t->r))
      u->failed++;
    const char *serr = mta_report_source_error(t->r);
    if (serr) {
      /* Audited without its original: said, and an input error. */
      cli_progress_clear(u);
      cli_say("%s: source %s: %s; audited without it", mta_report_name(t->r),
              mta_report_source_name(t->r), serr);
      u->errors++;
    }
    if (!u->write_failed && mta_writer_add(u->w, t->r)) {
      cli_progress_clear(u);
      cli_out_write_failed(u);
    }
  }
  u->done++;
  u->bytes += t->bytes;
  mta_report_free(t->r);
  free(t->why);
  free(t->name);
  free(t->line);
  free(t->src);
  free(t->id);
  memset(t, 0, sizeof *t);
}

/* The progress bar, naming the input at the head of the ring (the one the
 * report waits for); called with p->mu held, which it releases while
 * writing. Only the main thread sets or frees a task's name. */
static void S_progress(struct pool *p, struct cli_out *u, int force) {
  if (!u->progress)
    return;
  const char *cur =
      p->written < p->queued ? p->ring[p->written % p->cap].name : NULL;
  if (cur && !strcmp(cur, "-"))
    cur = "<stdin>";
  pthread_mutex_unlock(&p->mu);
  cli_progress(u, cur, force);
  pthread_mutex_lock(&p->mu);
}

/* Writes every finished task at the head of the ring, in order; with
 * 'wait' blocks until at least the head is finished. On a terminal the
 * wait wakes every 100 ms to keep the bar's rate and ETA moving while a
 * long input is audited. */
static void S_drain(struct pool *p, struct cli_out *u, int wait) {
  pthread_mutex_lock(&p->mu);
  for (;;) {
    if (p->written == p->queued)
      break;
    struct task *t = &p->ring[p->written % p->cap];
    if (!t->done) {
      if (!wait)
        break;
      if (!u->progress) {
        pthread_cond_wait(&p->ready, &p->mu);
        continue;
      }
      struct timespec until;
      clock_gettime(CLOCK_REALTIME, &until);
      until.tv_nsec += 100000000L;
      if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
      }
      if (pthread_cond_timedwait(&p->ready, &p->mu, &until) == ETIMEDOUT)
        S_progress(p, u, 0);
      continue;
    }
    pthread_mutex_unlock(&p->mu);
    S_write_task(u, t);
    pthread_mutex_lock(&p->mu);
    p->written++;
    S_progress(p, u, u->ndrawn == 0);
    wait = 0;
  }
  pthread_mutex_unlock(&p->mu);
}

/* ---- input, main thread ----------------------------------------------- */

/* Queues a task (taking ownership of name and line); writes finished ones
 * when the ring is full. */
static void S_queue(struct pool *p, struct cli_out *u, char *name, char *line,
                    size_t len, size_t bytes, char *src, size_t prof,
                    size_t lineno) {
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
  t->src = src;
  t->len = len;
  t->bytes = bytes;
  t->prof = prof;
  t->lineno = lineno;
  p->queued++;
  pthread_cond_signal(&p->more);
  pthread_mutex_unlock(&p->mu);
  S_drain(p, u, 0);
}

/* JSON Lines input: one task per non-empty line of 'path' ("-": stdin). */
static void S_queue_jsonl(struct pool *p, struct cli_out *u, const char *path,
                          size_t prof) {
  int is_stdin = !strcmp(path, "-");
  FILE *fp = is_stdin ? stdin : fopen(path, "rb");
  const char *src = is_stdin ? "<stdin>" : path;
  char err[128];
  if (!fp) {
    char msg[4200];
    snprintf(msg, sizeof msg, _("%s: cannot open: %s"), path,
             cli_errstr(errno, err, sizeof err));
    cli_out_error(u, path, MTA_ERR_IO, msg);
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
    /* Named after the stream until a worker has read its id. */
    char *copy = malloc(len + 1);
    char *nm = strdup(src);
    if (!copy || !nm) {
      free(copy);
      free(nm);
      char *rn = cli_record_name(src, NULL, lineno);
      cli_out_error(u, rn ? rn : src, MTA_ERR_NOMEM, _("out of memory"));
      free(rn);
      continue;
    }
    memcpy(copy, line, len);
    copy[len] = '\0';
    S_queue(p, u, nm, copy, len, (size_t)n, NULL, prof, lineno);
  }
  if (ferror(fp)) {
    char msg[4200];
    snprintf(msg, sizeof msg, _("%s: read error: %s"), src,
             cli_errstr(errno, err, sizeof err));
    cli_out_error(u, src, MTA_ERR_IO, msg);
  }
  free(line);
  if (!is_stdin)
    fclose(fp);
}

/* ---- the run ----------------------------------------------------------- */

void cli_pool_run(struct cli_out *u, const mta_options *const *opts,
                  mta_auditor **probes, size_t nprof, const size_t *prof,
                  long jobs, int jsonl, const struct cli_paths *files,
                  const struct cli_paths *sources) {
  struct pool p;
  memset(&p, 0, sizeof p);
  pthread_mutex_init(&p.mu, NULL);
  pthread_cond_init(&p.more, NULL);
  pthread_cond_init(&p.ready, NULL);
  p.cap = (size_t)jobs * 4;
  p.ring = calloc(p.cap, sizeof *p.ring);
  p.opts = opts;
  p.nprof = nprof;
  p.spare = probes;
  pthread_t *th = calloc((size_t)jobs, sizeof *th);
  p.keep = calloc(((size_t)jobs + 1) * nprof + 1, sizeof *p.keep);
  S_keep = p.keep; /* stays reachable until the process ends */
  long started = 0;
  if (p.ring && th)
    for (; started < jobs; started++)
      if (pthread_create(&th[started], NULL, S_worker, &p))
        break;
  if (started == 0) {
    cli_say("cannot start a worker thread");
    u->errors++;
  } else {
    for (size_t i = 0; i < files->n; i++) {
      if (jsonl) {
        S_queue_jsonl(&p, u, files->v[i], prof ? prof[i] : 0);
        continue;
      }
      struct stat sb;
      size_t bytes = stat(files->v[i], &sb) == 0 ? (size_t)sb.st_size : 0;
      char *nm = strdup(files->v[i]);
      char *sp = sources ? strdup(sources->v[i]) : NULL;
      if (nm && (!sources || sp))
        S_queue(&p, u, nm, NULL, 0, bytes, sp, prof ? prof[i] : 0, 0);
      else {
        free(nm);
        free(sp);
        cli_out_error(u, files->v[i], MTA_ERR_NOMEM, _("out of memory"));
      }
    }
    pthread_mutex_lock(&p.mu);
    p.closed = 1;
    pthread_cond_broadcast(&p.more);
    pthread_mutex_unlock(&p.mu);
    S_drain(&p, u, 1);
    while (p.written != p.queued)
      S_drain(&p, u, 1);
  }
  for (long k = 0; k < started; k++)
    pthread_join(th[k], NULL);
  free(th);
  for (size_t k = 0; k < nprof; k++) { /* not needed, or no worker */
    if (p.spare[k] && p.keep && !getenv("MTAUDIT_FREE_AT_EXIT"))
      p.keep[p.nkeep++] = p.spare[k];
    else
      mta_auditor_free(p.spare[k]);
    p.spare[k] = NULL;
  }
  if (!p.nkeep) {
    free(p.keep);
    S_keep = NULL;
  }
  free(p.ring);
  mta_free(p.init_why);
  pthread_mutex_destroy(&p.mu);
  pthread_cond_destroy(&p.more);
  pthread_cond_destroy(&p.ready);
  cli_progress_clear(u);
}
