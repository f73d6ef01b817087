/*
 * Output files: the one place that decides how a report file is written
 * (the -o file of the CLI through mta_writer_new_path(), every page of
 * the HTML directory writer).
 */
#ifndef MTAUDIT_ATOMIC_H
#define MTAUDIT_ATOMIC_H

#include <stdio.h>

#include "mtaudit.h"

struct mtai_out {
  FILE *fp;     /* write the contents here */
  char *path;   /* as given, for messages */
  char *target; /* the file a temporary replaces (links resolved), or NULL */
  char *tmp;    /* that temporary file, or NULL when written directly */
};

/* Opens 'path' for writing. A regular file, or a path that does not
 * exist yet, is written to a temporary file TARGET.tmp.XXXXXX beside it
 * and renamed over it by mtai_out_close(): readers never see a partial
 * file, and a failed run leaves the old one. TARGET is 'path' with
 * symbolic links followed, so a link stays a link and its target is
 * replaced. The new file keeps the old file's permission bits (and owner,
 * when allowed); a new file gets 0666 minus the umask. A character device
 * or a FIFO is opened and written directly (never replaced), as is a file
 * reached through /dev/fd/N or /proc/.../fd/N (/dev/stdout: appended to
 * what the caller's shell opened). Anything else (a directory, socket,
 * block device) is refused. On failure returns MTA_ERR_IO or
 * MTA_ERR_NOMEM and sets '*why' to a malloc'd "PATH: reason" with the
 * system's reason (strerror), '*o' holds nothing to close. */
mta_status mtai_out_open(struct mtai_out *o, const char *path, char **why);

/* Closes 'o'. With 'commit': flushes, syncs and renames the temporary file
 * into place (or flushes the direct output); a failure returns MTA_ERR_IO
 * with '*why' as above, and the temporary file is removed. Without
 * 'commit' the temporary file is removed and nothing is reported. Safe on
 * a closed or never opened (zeroed) 'o'. */
mta_status mtai_out_close(struct mtai_out *o, int commit, char **why);

/* Sets '*why' to a malloc'd "PATH: WHAT: strerror(err)" ("PATH: strerror"
 * when 'what' is NULL) and returns MTA_ERR_IO (MTA_ERR_NOMEM for ENOMEM).
 * '*why' stays NULL when even that allocation fails. */
mta_status mtai_out_error(char **why, const char *path, const char *what,
                          int err);

#endif
