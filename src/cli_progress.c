/*
 * The progress bar of the command line, on stderr when it is a terminal
 * (and not --quiet): one line redrawn in place,
 *
 *   [##########..........]  212/500  42%  31.5 files/s  ETA 0:09  NAME
 *
 * the bar and percentage only when the total is known (not for JSON Lines
 * streams, where "1234 done  410.2 records/s  NAME" is shown), NAME being
 * the input the report waits for (the oldest one not yet written), made
 * visible like every name (mta_display_escape()) and cut from the left
 * ("...b/c.txt") to the width of the terminal (TIOCGWINSZ, else $COLUMNS,
 * else 80), so that the line never wraps. Redrawn at most every 100 ms
 * (the pool also wakes it while a long input is audited), and cleared
 * ("\r" + erase line) before any message and at the end. Nothing is
 * written when u->progress is 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"

#define S_REDRAW_NS 100000000LL /* at most 10 redraws a second */

static double S_seconds(const struct timespec *a, const struct timespec *b) {
  return (double)(b->tv_sec - a->tv_sec) +
         (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* Columns of the terminal on stderr. */
static size_t S_columns(void) {
  struct winsize ws;
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  const char *c = getenv("COLUMNS");
  long n = c ? strtol(c, NULL, 10) : 0;
  return n > 0 && n < 10000 ? (size_t)n : 80;
}

/* "1:05", "1:02:05"; "--:--" when unknown. */
static void S_clock(char *out, size_t size, double s) {
  if (!(s >= 0) || s > 359999) {
    snprintf(out, size, "--:--");
    return;
  }
  unsigned long t = (unsigned long)(s + 0.5);
  if (t >= 3600)
    snprintf(out, size, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
  else
    snprintf(out, size, "%lu:%02lu", t / 60, t % 60);
}

/* Code points of the UTF-8 string 's' (mta_display_escape() output is
 * well-formed and has no wide controls). */
static size_t S_width(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* Writes 'name' in at most 'room' columns: as it is when it fits, else its
 * end after "...". */
static void S_put_name(const char *name, size_t room) {
  char *esc = NULL;
  if (!room || mta_display_escape(name, &esc) || !esc)
    return;
  size_t w = S_width(esc);
  const char *p = esc;
  if (w > room) {
    if (room <= 3) {
      mta_free(esc);
      return;
    }
    size_t skip = w - (room - 3);
    while (skip) {
      p++;
      while (((unsigned char)*p & 0xC0) == 0x80)
        p++;
      skip--;
    }
    fputs("...", stderr);
  }
  fputs(p, stderr);
  mta_free(esc);
}

void cli_progress(struct cli_out *u, const char *current, int force) {
  if (!u->progress)
    return;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  long long since = (long long)(now.tv_sec - u->drawn.tv_sec) * 1000000000LL +
                    (now.tv_nsec - u->drawn.tv_nsec);
  if (!force && u->ndrawn && since < S_REDRAW_NS)
    return;
  u->drawn = now;
  u->ndrawn++;
  double s = S_seconds(&u->t0, &now);
  double rate = s > 0 ? (double)u->done / s : 0;
  size_t cols = S_columns();
  char line[512];
  int n;
  if (u->total) {
    size_t width = cols >= 100 ? 30 : cols >= 60 ? 20 : 10;
    char bar[40];
    size_t full = u->done >= u->total ? width : width * u->done / u->total;
    for (size_t i = 0; i < width; i++)
      bar[i] = i < full ? '#' : '.';
    bar[width] = '\0';
    char eta[24];
    S_clock(eta, sizeof eta,
            u->done && rate > 0 ? (double)(u->total - u->done) / rate : -1);
    n = snprintf(line, sizeof line,
                 _("[%s] %zu/%zu %3u%%  %.1f files/s  ETA %s"), bar, u->done,
                 u->total, (unsigned)(100 * u->done / u->total), rate, eta);
  } else {
    n = snprintf(line, sizeof line, _("%zu done  %.1f records/s"), u->done,
                 rate);
  }
  if (n < 0)
    return;
  /* The line never reaches the last column (a terminal would wrap). */
  size_t used = S_width(line);
  fputs("\r\033[K", stderr);
  if (used + 1 >= cols) {
    /* Too narrow for everything: the counts alone, cut. */
    fprintf(stderr, "%.*s", (int)(cols > 1 ? cols - 1 : 0), line);
  } else {
    fputs(line, stderr);
    if (current && used + 3 < cols) {
      fputs("  ", stderr);
      S_put_name(current, cols - used - 3);
    }
  }
  fflush(stderr);
}

void cli_progress_clear(struct cli_out *u) {
  if (!u->progress || !u->ndrawn)
    return;
  fputs("\r\033[K", stderr);
  fflush(stderr);
}
