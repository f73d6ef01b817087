/*
 * Messages of the command line: every diagnostic is one stderr line
 * "mtaudit: MESSAGE", and system error texts come from strerror_r, since
 * worker threads may be running when the main thread reports an error.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The message is made visible first (mta_display_escape(): control
 * characters, invalid bytes and bidi controls as escapes), because it
 * usually holds a file name or an argument: a name with an escape sequence
 * must not drive the terminal, and one with a newline must not forge a
 * second log line. */
void cli_say(const char *fmt, ...) {
  fmt = _(fmt); /* xgettext: the keyword cli_say */
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
  fprintf(stderr, "mtaudit: %s\n", esc ? esc : _("out of memory"));
  mta_free(esc);
  free(msg);
}

int cli_usage_error(const char *fmt, const char *arg) {
  cli_say(fmt, arg); /* translated there */
  fputs(_("Try 'mtaudit --help'.\n"), stderr);
  return CLI_EXIT_ERROR;
}

int cli_flush_stdout(void) {
  if (fflush(stdout) == 0 && !ferror(stdout))
    return CLI_EXIT_PASS;
  char buf[128];
  cli_say("writing to standard output failed: %s",
          cli_errstr(errno, buf, sizeof buf));
  return CLI_EXIT_ERROR;
}

/* The XSI strerror_r (-D_XOPEN_SOURCE=700, no _GNU_SOURCE) fills 'buf' and
 * returns 0; an unknown number or a short buffer gives "error N". */
const char *cli_errstr(int errnum, char *buf, size_t size) {
  if (!size)
    return "";
  if (strerror_r(errnum, buf, size) != 0)
    snprintf(buf, size, "error %d", errnum);
  return buf;
}
