/*
 * Runs a command several times and reports its best wall time (make bench).
 *
 *   benchrun N OUT CMD [ARG...]
 *
 * Runs CMD N times (no shell), its standard output into the file OUT ("-":
 * /dev/null; truncated for every run) and its standard error into OUT.err
 * (or /dev/null). Prints one line
 *
 *   SECONDS RSS_KB STATUS
 *
 * SECONDS: the best wall-clock time of the N runs (monotonic clock, from
 * fork to wait: microsecond resolution, where /usr/bin/time's %e has 10 ms);
 * RSS_KB: the peak resident set of that run (wait4's ru_maxrss);
 * STATUS: the highest exit status of the N runs, 128 + the signal number for
 * a run killed by a signal (a crash). Exits 0 when every run ran, 1 on
 * usage or system errors.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int S_open(const char *out, const char *suffix) {
  char path[4096];
  if (!strcmp(out, "-"))
    snprintf(path, sizeof path, "/dev/null");
  else
    snprintf(path, sizeof path, "%s%s", out, suffix);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0)
    fprintf(stderr, "benchrun: %s: %s\n", path, strerror(errno));
  return fd;
}

int main(int argc, char **argv) {
  if (argc < 4 || atoi(argv[1]) < 1) {
    fprintf(stderr, "usage: benchrun N OUT CMD [ARG...]\n");
    return 1;
  }
  int n = atoi(argv[1]);
  double best = -1;
  long best_rss = 0;
  int worst = 0;
  for (int i = 0; i < n; i++) {
    int fo = S_open(argv[2], ""), fe = S_open(argv[2], ".err");
    if (fo < 0 || fe < 0)
      return 1;
    double t0 = S_now();
    pid_t pid = fork();
    if (pid < 0) {
      fprintf(stderr, "benchrun: fork: %s\n", strerror(errno));
      return 1;
    }
    if (pid == 0) {
      dup2(fo, 1);
      dup2(fe, 2);
      close(fo);
      close(fe);
      execvp(argv[3], argv + 3);
      _exit(127);
    }
    close(fo);
    close(fe);
    int st;
    struct rusage ru;
    if (wait4(pid, &st, 0, &ru) < 0) {
      fprintf(stderr, "benchrun: wait4: %s\n", strerror(errno));
      return 1;
    }
    double t = S_now() - t0;
    int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    if (WIFSIGNALED(st))
      fprintf(stderr, "benchrun: %s killed by signal %d\n", argv[3],
              WTERMSIG(st));
    if (code > worst)
      worst = code;
    if (best < 0 || t < best) {
      best = t;
      best_rss = ru.ru_maxrss;
    }
  }
  printf("%.4f %ld %d\n", best, best_rss, worst);
  return 0;
}
