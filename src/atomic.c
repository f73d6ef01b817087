/*
 * Output files (see atomic.h): atomic replacement of regular files,
 * direct writes into character devices and FIFOs, nothing else replaced.
 *
 * Renaming a temporary file over the target is only right for a regular
 * file: over /dev/null it would turn the device into a file, over a
 * symbolic link it would replace the link, over a FIFO it would cut off
 * the reader. So the target is found first: symbolic links are followed
 * (at most 40, like the kernel), and the type of what they lead to
 * decides how it is written.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "status.h"
#include "i18n.h"

#define S_MAX_LINKS 40

mta_status mtai_out_error(char **why, const char *path, const char *what,
                          int err) {
  char eb[128];
  const char *reason = mtai_errstr(err ? err : EIO, eb, sizeof eb);
  size_t n = strlen(path) + (what ? strlen(what) : 0) + strlen(reason) + 8;
  *why = malloc(n);
  if (*why) {
    if (what)
      snprintf(*why, n, "%s: %s: %s", path, what, reason);
    else
      snprintf(*why, n, "%s: %s", path, reason);
  }
  return err == ENOMEM ? MTA_ERR_NOMEM : MTA_ERR_IO;
}

/* The contents of symbolic link 'path' as a new string, or NULL (errno
 * set). Links under /proc report a size of 0, so the buffer grows until
 * the contents fit. */
static char *S_readlink(const char *path) {
  for (size_t cap = 256; cap <= 65536; cap *= 2) {
    char *buf = malloc(cap);
    if (!buf)
      return NULL;
    ssize_t n = readlink(path, buf, cap);
    if (n < 0) {
      int e = errno;
      free(buf);
      errno = e;
      return NULL;
    }
    if ((size_t)n < cap) {
      buf[n] = '\0';
      return buf;
    }
    free(buf);
  }
  errno = ENAMETOOLONG;
  return NULL;
}

/* A path that names an already open file descriptor (/dev/fd/N,
 * /proc/self/fd/N): opening it reaches the open file, which must be
 * written into, never replaced. */
static int S_fd_link(const char *p) {
  return !strncmp(p, "/dev/fd/", 8) || !strncmp(p, "/proc/", 6);
}

/* Follows symbolic links from 'path' to the name that would be written:
 * '*target' is a new string (the last name of the chain, which need not
 * exist); '*fdlink' is set when the chain reaches /dev/fd or /proc.
 * Returns 0 or an errno value. Links in directory components need no
 * resolving: rename() follows them. */
static int S_resolve(const char *path, char **target, int *fdlink) {
  char *cur = strdup(path);
  *target = NULL;
  *fdlink = 0;
  if (!cur)
    return ENOMEM;
  for (int hops = 0;; hops++) {
    if (S_fd_link(cur)) {
      *fdlink = 1;
      break;
    }
    struct stat st;
    if (lstat(cur, &st)) {
      if (errno == ENOENT)
        break; /* a new file (or a dangling link's target) */
      int e = errno;
      free(cur);
      return e;
    }
    if (!S_ISLNK(st.st_mode))
      break;
    if (hops == S_MAX_LINKS) {
      free(cur);
      return ELOOP;
    }
    char *link = S_readlink(cur);
    if (!link) {
      int e = errno;
      free(cur);
      return e;
    }
    const char *slash = strrchr(cur, '/');
    if (link[0] != '/' && slash) { /* relative to the link's directory */
      size_t dn = (size_t)(slash - cur) + 1, ln = strlen(link);
      char *next = malloc(dn + ln + 1);
      if (!next) {
        free(link);
        free(cur);
        return ENOMEM;
      }
      memcpy(next, cur, dn);
      memcpy(next + dn, link, ln + 1);
      free(link);
      link = next;
    }
    free(cur);
    cur = link;
  }
  *target = cur;
  return 0;
}

/* Creates TARGET.tmp.XXXXXX exclusively with 'mode' (the umask applies,
 * unlike mkstemp()'s fixed 0600). Returns the descriptor, or -1 with
 * errno set. */
static int S_create_tmp(const char *target, mode_t mode, char **tmp_out) {
  static const char az[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  size_t n = strlen(target);
  char *tmp = malloc(n + 12);
  *tmp_out = NULL;
  if (!tmp) {
    errno = ENOMEM;
    return -1;
  }
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  unsigned long long x =
      (unsigned long long)ts.tv_nsec ^ ((unsigned long long)ts.tv_sec << 20) ^
      ((unsigned long long)getpid() << 40) ^ (unsigned long long)(uintptr_t)tmp;
  memcpy(tmp, target, n);
  memcpy(tmp + n, ".tmp.", 5);
  for (int tries = 0; tries < 100; tries++) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    unsigned long long y = x >> 16;
    for (int j = 0; j < 6; j++, y /= 62)
      tmp[n + 5 + j] = az[y % 62];
    tmp[n + 11] = '\0';
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd >= 0) {
      *tmp_out = tmp;
      return fd;
    }
    if (errno != EEXIST)
      break;
  }
  int e = errno;
  free(tmp);
  errno = e;
  return -1;
}

/* Writes straight into what 'path' opens (a device, a FIFO, an open file
 * descriptor's file); O_APPEND for a regular file, so that /dev/stdout
 * redirected to a file adds to what the shell wrote there. */
static mta_status S_open_direct(struct mtai_out *o, int regular, char **why) {
  int flags = O_WRONLY | O_NOCTTY | O_CLOEXEC | (regular ? O_APPEND : 0);
  int fd = open(o->path, flags);
  if (fd < 0)
    return mtai_out_error(why, o->path, _("cannot open"), errno);
  if (!(o->fp = fdopen(fd, "w"))) {
    int e = errno;
    close(fd);
    return mtai_out_error(why, o->path, _("cannot open"), e);
  }
  return MTA_OK;
}

mta_status mtai_out_open(struct mtai_out *o, const char *path, char **why) {
  memset(o, 0, sizeof *o);
  *why = NULL;
  if (!path || !*path)
    return MTA_ERR_INVALID_ARG;
  if (!(o->path = strdup(path)))
    return mtai_out_error(why, path, NULL, ENOMEM);
  char *target;
  int fdlink;
  int e = S_resolve(path, &target, &fdlink);
  mta_status st = MTA_OK;
  if (e) {
    st = mtai_out_error(why, path, NULL, e);
    goto fail;
  }
  struct stat sb;
  int exists = stat(fdlink ? path : target, &sb) == 0;
  if (!exists && (errno != ENOENT || fdlink)) {
    st = mtai_out_error(why, path, NULL, errno);
    goto fail;
  }
  if (exists && (S_ISCHR(sb.st_mode) || S_ISFIFO(sb.st_mode) ||
                 (fdlink && S_ISREG(sb.st_mode)))) {
    free(target);
    if ((st = S_open_direct(o, S_ISREG(sb.st_mode), why)))
      goto fail_path;
    return MTA_OK;
  }
  if (exists && S_ISDIR(sb.st_mode)) {
    st = mtai_out_error(why, path, NULL, EISDIR);
    goto fail;
  }
  if (exists && !S_ISREG(sb.st_mode)) {
    size_t n = strlen(path) + 80;
    if ((*why = malloc(n)))
      snprintf(*why, n,
               "%s: not a regular file, character device or FIFO; not "
               "replaced",
               path);
    st = MTA_ERR_IO;
    goto fail;
  }
  int fd = S_create_tmp(target, exists ? 0600 : 0666, &o->tmp);
  if (fd < 0) {
    st = mtai_out_error(why, path, _("cannot create a temporary file"), errno);
    goto fail;
  }
  if (exists) {
    /* Keep the owner (root writing over a user's report) and the
     * permission bits; both best effort, as cp -p does. */
    if (fchown(fd, sb.st_uid, sb.st_gid)) {
    }
    if (fchmod(fd, sb.st_mode & 0777)) {
    }
  }
  if (!(o->fp = fdopen(fd, "w"))) {
    e = errno;
    close(fd);
    unlink(o->tmp);
    st = mtai_out_error(why, path, _("cannot open"), e);
    goto fail;
  }
  o->target = target;
  return MTA_OK;
fail:
  free(target);
fail_path:
  free(o->tmp);
  free(o->path);
  memset(o, 0, sizeof *o);
  return st;
}

mta_status mtai_out_close(struct mtai_out *o, int commit, char **why) {
  *why = NULL;
  mta_status st = MTA_OK;
  if (o->fp) {
    int e = 0;
    errno = 0;
    if (fflush(o->fp) || ferror(o->fp))
      e = errno ? errno : EIO;
    /* fsync before rename: after a crash the file is either the old one
     * or the complete new one; some file systems report a full disk only
     * here. */
    if (!e && commit && o->tmp && fsync(fileno(o->fp)))
      e = errno;
    errno = 0;
    if (fclose(o->fp) && !e)
      e = errno ? errno : EIO;
    o->fp = NULL;
    if (commit && e)
      st = mtai_out_error(why, o->path, _("write error"), e);
    else if (commit && o->tmp) {
      if (rename(o->tmp, o->target))
        st = mtai_out_error(why, o->path, _("cannot replace"), errno);
      else {
        free(o->tmp);
        o->tmp = NULL;
      }
    }
  }
  if (o->tmp)
    unlink(o->tmp);
  free(o->tmp);
  free(o->target);
  free(o->path);
  memset(o, 0, sizeof *o);
  return st;
}
