/*
 * Tests of src/auditor.c: auditor life cycle and options, auditing files
 * and buffers and their failures, argument checking, and the small public
 * helpers (mta_strerror, severities, version).
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests.h"

/* A non-NULL pointer for out-parameters that must be reset on failure. */
static char S_sentinel;
#define S_JUNK(type) ((type *)(void *)&S_sentinel)

/* An auditor without the spelling check (no dictionary needed) and with
 * the size limit 'max' (0: default); short test texts get a score (a
 * minimum of one word). */
static mta_auditor *S_nospell(size_t max) {
  mta_options o = {0};
  o.flags = MTA_OPT_NO_SPELL;
  o.max_document_size = max;
  o.min_words = 1;
  mta_auditor *a = NULL;
  ck_assert_int_eq(mta_auditor_new(&o, &a, NULL), MTA_OK);
  ck_assert_ptr_nonnull(a);
  return a;
}

static int S_starts_with(const char *s, const char *prefix) {
  return !strncmp(s, prefix, strlen(prefix));
}

/* Creates an empty temporary directory; the path is written to 'dir'. */
static void S_tmpdir(char *dir, size_t sz) {
  const char *base = getenv("TMPDIR");
  snprintf(dir, sz, "%s/mtaudit-test-XXXXXX", base && *base ? base : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Writes 'n' bytes to a new temporary file; the path goes to 'path'. */
static void S_tmpfile(char *path, size_t sz, const void *data, size_t n) {
  const char *base = getenv("TMPDIR");
  snprintf(path, sz, "%s/mtaudit-test-XXXXXX", base && *base ? base : "/tmp");
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  ck_assert_int_eq(write(fd, data, n), (ssize_t)n);
  ck_assert_int_eq(close(fd), 0);
}

/* ---- life cycle --------------------------------------------------------- */

START_TEST(new_with_null_options) {
  mta_auditor *a = NULL;
  char *why = NULL;
  ck_assert_int_eq(mta_auditor_new(NULL, &a, &why), MTA_OK);
  ck_assert_ptr_nonnull(a);
  ck_assert_ptr_null(why);
  ck_assert_str_eq(mta_auditor_errmsg(a), "");
  /* Spelling is on by default. */
  static const char text[] = "Die Regierung hat das Gesetz beschlosen.\n";
  mta_report *r = NULL;
  ck_assert_int_eq(mta_audit_buffer(a, "t", text, sizeof text - 1, &r), MTA_OK);
  ck_assert_uint_eq(test_count_rule(r, "spelling/unknown"), 1);
  mta_report_free(r);
  mta_auditor_free(a);
  mta_auditor_free(NULL);
}
END_TEST

START_TEST(new_without_dictionary_fails) {
  char dir[4096];
  S_tmpdir(dir, sizeof dir);
  mta_options o = {0};
  o.dict_dir = dir;
  mta_auditor *a = S_JUNK(mta_auditor);
  char *why = NULL;
  mta_status st = mta_auditor_new(&o, &a, &why);
  rmdir(dir);
  ck_assert_int_eq(st, MTA_ERR_DICT);
  ck_assert_ptr_null(a);
  ck_assert_ptr_nonnull(why);
  ck_assert_msg(strstr(why, "de_DE_frami") != NULL, "message: %s", why);
  ck_assert_msg(strstr(why, dir) != NULL, "message: %s", why);
  mta_free(why);
  /* Without an errmsg pointer it fails the same way. */
  S_tmpdir(dir, sizeof dir);
  o.dict_dir = dir;
  st = mta_auditor_new(&o, &a, NULL);
  rmdir(dir);
  ck_assert_int_eq(st, MTA_ERR_DICT);
  ck_assert_ptr_null(a);
}
END_TEST

START_TEST(new_with_missing_dict_dir_fails) {
  mta_options o = {0};
  o.dict_dir = "/nonexistent/mtaudit/dictionaries";
  mta_auditor *a = NULL;
  char *why = NULL;
  ck_assert_int_eq(mta_auditor_new(&o, &a, &why), MTA_ERR_DICT);
  ck_assert_ptr_null(a);
  ck_assert_ptr_nonnull(why);
  ck_assert_ptr_nonnull(strstr(why, "/nonexistent/mtaudit/dictionaries"));
  mta_free(why);
}
END_TEST

START_TEST(no_spell_needs_no_dictionary) {
  char dir[4096];
  S_tmpdir(dir, sizeof dir);
  mta_options o = {0};
  o.flags = MTA_OPT_NO_SPELL;
  o.dict_dir = dir;
  mta_auditor *a = NULL;
  char *why = NULL;
  mta_status st = mta_auditor_new(&o, &a, &why);
  rmdir(dir);
  ck_assert_int_eq(st, MTA_OK);
  ck_assert_ptr_nonnull(a);
  ck_assert_ptr_null(why);
  /* The other checks still run; spelling does not. */
  static const char text[] = "Mr. Kim hat das Gesetz beschlosen , sagte er.\n";
  mta_report *r = NULL;
  ck_assert_int_eq(mta_audit_buffer(a, "t", text, sizeof text - 1, &r), MTA_OK);
  ck_assert_uint_eq(test_count_rule(r, "spelling/unknown"), 0);
  ck_assert_uint_eq(test_count_rule(r, "english-leftover/honorific"), 1);
  ck_assert_uint_eq(test_count_rule(r, "punctuation/space-before"), 1);
  mta_report_free(r);
  mta_auditor_free(a);
}
END_TEST

START_TEST(auditor_is_reusable) {
  mta_auditor *a = test_auditor();
  static const char *const texts[] = {
      "Die Regierung hat das Gesetz beschlosen.\n",
      "Das Wetter ist heute schön.\n",
      "Die Regierung hat das Gesetz beschlosen.\n",
  };
  static const size_t want[] = {1, 0, 1};
  for (size_t i = 0; i < 3; i++) {
    mta_report *r = NULL;
    ck_assert_int_eq(mta_audit_buffer(a, "t", texts[i], strlen(texts[i]), &r),
                     MTA_OK);
    ck_assert_uint_eq(mta_report_finding_count(r), want[i]);
    mta_report_free(r);
  }
}
END_TEST

/* ---- files -------------------------------------------------------------- */

START_TEST(audit_file_reads_file) {
  static const char text[] = "Er sagte , dass er kommt.\n";
  char path[4096];
  S_tmpfile(path, sizeof path, text, sizeof text - 1);
  mta_auditor *a = S_nospell(0);
  mta_report *r = NULL;
  mta_status st = mta_audit_file(a, path, &r);
  unlink(path);
  ck_assert_int_eq(st, MTA_OK);
  ck_assert_ptr_nonnull(r);
  ck_assert_str_eq(mta_report_name(r), path);
  ck_assert_str_eq(mta_report_encoding(r), "UTF-8");
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  ck_assert_str_eq(mta_auditor_errmsg(a), "");
  mta_report_free(r);
  mta_auditor_free(a);
}
END_TEST

/* A file that is shorter or longer when read than fstat() said at open
 * (truncated or appended to while it is read) is an error, never a
 * partial audit. The size at open is what the caller passes. */
START_TEST(read_regular_detects_changes) {
  static const char text[] = "Ein Satz, der gelesen wird.\n";
  size_t n = sizeof text - 1;
  char path[4096], why[160];
  S_tmpfile(path, sizeof path, text, n);
  int fd = open(path, O_RDONLY);
  ck_assert_int_ge(fd, 0);
  char *data = S_JUNK(char);
  size_t len = 99;
  /* as fstat() said: read whole */
  ck_assert_int_eq(mtai_read_regular(fd, n, 1000, &data, &len, why, sizeof why),
                   MTA_OK);
  ck_assert_uint_eq(len, n);
  ck_assert_str_eq(data, text);
  free(data);
  /* truncated under us: the size at open was larger */
  ck_assert_int_eq(lseek(fd, 0, SEEK_SET), 0);
  data = S_JUNK(char);
  ck_assert_int_eq(
      mtai_read_regular(fd, n + 100, 1000, &data, &len, why, sizeof why),
      MTA_ERR_IO);
  ck_assert_ptr_null(data);
  ck_assert_ptr_nonnull(strstr(why, "changed while being read"));
  ck_assert_ptr_nonnull(strstr(why, "28 of 128 bytes"));
  /* grown under us: more bytes than the size at open */
  ck_assert_int_eq(lseek(fd, 0, SEEK_SET), 0);
  ck_assert_int_eq(
      mtai_read_regular(fd, n - 5, 1000, &data, &len, why, sizeof why),
      MTA_ERR_IO);
  ck_assert_ptr_null(data);
  ck_assert_ptr_nonnull(strstr(why, "then more"));
  /* over the limit */
  ck_assert_int_eq(lseek(fd, 0, SEEK_SET), 0);
  ck_assert_int_eq(mtai_read_regular(fd, n, 10, &data, &len, why, sizeof why),
                   MTA_ERR_TOO_LARGE);
  close(fd);
  unlink(path);
}
END_TEST

/* Every input that once crashed a fuzzer is audited cleanly (under ASan
 * in make asan): tests/fuzz/regressions/, read from the source tree. */
START_TEST(fuzz_regressions_audit_cleanly) {
  const char *dir = "tests/fuzz/regressions";
  DIR *dp = opendir(dir);
  if (!dp)
    return; /* not run from the source tree */
  mta_auditor *a = test_auditor();
  size_t n = 0;
  struct dirent *de;
  while ((de = readdir(dp)) != NULL) {
    if (de->d_name[0] == '.')
      continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
    mta_report *r = NULL;
    mta_status st = mta_audit_file(a, path, &r);
    ck_assert_msg(st == MTA_OK || st == MTA_ERR_ENCODING ||
                      st == MTA_ERR_EMPTY || st == MTA_ERR_BINARY,
                  "%s: %s", path, mta_strerror(st));
    mta_report_free(r);
    n++;
  }
  closedir(dp);
  ck_assert_uint_ge(n, 2);
}
END_TEST

START_TEST(audit_file_missing) {
  mta_auditor *a = S_nospell(0);
  const char *path = "/nonexistent/mtaudit/missing.txt";
  mta_report *r = S_JUNK(mta_report);
  ck_assert_int_eq(mta_audit_file(a, path, &r), MTA_ERR_IO);
  ck_assert_ptr_null(r);
  const char *msg = mta_auditor_errmsg(a);
  ck_assert_msg(S_starts_with(msg, path), "message: %s", msg);
  ck_assert_ptr_nonnull(strstr(msg, "No such file or directory"));
  mta_auditor_free(a);
}
END_TEST

START_TEST(audit_file_directory) {
  char dir[4096];
  S_tmpdir(dir, sizeof dir);
  mta_auditor *a = S_nospell(0);
  mta_report *r = NULL;
  mta_status st = mta_audit_file(a, dir, &r);
  rmdir(dir);
  ck_assert_int_eq(st, MTA_ERR_IO);
  ck_assert_ptr_null(r);
  const char *msg = mta_auditor_errmsg(a);
  ck_assert_msg(S_starts_with(msg, dir), "message: %s", msg);
  ck_assert_ptr_nonnull(strstr(msg, "is a directory"));
  mta_auditor_free(a);
}
END_TEST

START_TEST(audit_file_too_large) {
  static const char text[] = "Das Wetter ist heute schön.\n";
  char path[4096];
  S_tmpfile(path, sizeof path, text, sizeof text - 1);
  mta_auditor *a = S_nospell(10);
  mta_report *r = NULL;
  mta_status st = mta_audit_file(a, path, &r);
  unlink(path);
  ck_assert_int_eq(st, MTA_ERR_TOO_LARGE);
  ck_assert_ptr_null(r);
  ck_assert(S_starts_with(mta_auditor_errmsg(a), path));
  mta_auditor_free(a);
}
END_TEST

START_TEST(audit_file_binary) {
  static const char data[] = "Text\0mit NUL";
  char path[4096];
  S_tmpfile(path, sizeof path, data, sizeof data - 1);
  mta_auditor *a = S_nospell(0);
  mta_report *r = NULL;
  mta_status st = mta_audit_file(a, path, &r);
  unlink(path);
  ck_assert_int_eq(st, MTA_ERR_BINARY);
  ck_assert_ptr_null(r);
  ck_assert(S_starts_with(mta_auditor_errmsg(a), path));
  mta_auditor_free(a);
}
END_TEST

/* ---- buffers ------------------------------------------------------------ */

START_TEST(audit_buffer_binary) {
  static const char data[] = "Das ist\0ein Test.";
  mta_auditor *a = S_nospell(0);
  mta_report *r = S_JUNK(mta_report);
  ck_assert_int_eq(mta_audit_buffer(a, "bin.txt", data, sizeof data - 1, &r),
                   MTA_ERR_BINARY);
  ck_assert_ptr_null(r);
  ck_assert(S_starts_with(mta_auditor_errmsg(a), "bin.txt: "));
  /* A single NUL is binary too. */
  ck_assert_int_eq(mta_audit_buffer(a, "nul", "", 1, &r), MTA_ERR_BINARY);
  mta_auditor_free(a);
}
END_TEST

START_TEST(audit_buffer_empty) {
  mta_auditor *a = S_nospell(0);
  mta_report *r = S_JUNK(mta_report);
  ck_assert_int_eq(mta_audit_buffer(a, "empty.txt", "", 0, &r), MTA_ERR_EMPTY);
  ck_assert_ptr_null(r);
  ck_assert(S_starts_with(mta_auditor_errmsg(a), "empty.txt: "));
  ck_assert_int_eq(mta_audit_buffer(a, "empty.txt", NULL, 0, &r),
                   MTA_ERR_EMPTY);
  /* Only whitespace is no text either. */
  static const char blank[] = " \t\r\n\n \xC2\xA0\n";
  ck_assert_int_eq(mta_audit_buffer(a, "blank", blank, sizeof blank - 1, &r),
                   MTA_ERR_EMPTY);
  ck_assert_ptr_null(r);
  mta_auditor_free(a);
}
END_TEST

START_TEST(audit_buffer_too_large) {
  static const char text[] = "Das Wetter ist heute schön.\n"; /* 29 bytes */
  mta_auditor *a = S_nospell(sizeof text - 2);
  mta_report *r = S_JUNK(mta_report);
  ck_assert_int_eq(mta_audit_buffer(a, "big.txt", text, sizeof text - 1, &r),
                   MTA_ERR_TOO_LARGE);
  ck_assert_ptr_null(r);
  ck_assert(S_starts_with(mta_auditor_errmsg(a), "big.txt: "));
  mta_auditor_free(a);
  /* Exactly at the limit is fine. */
  a = S_nospell(sizeof text - 1);
  ck_assert_int_eq(mta_audit_buffer(a, "big.txt", text, sizeof text - 1, &r),
                   MTA_OK);
  ck_assert_ptr_nonnull(r);
  mta_report_free(r);
  mta_auditor_free(a);
}
END_TEST

/* Markup input is refused with MTA_ERR_MARKUP and a line saying what to
 * do; prose that mentions a tag or compares with '<' is audited. */
START_TEST(audit_buffer_refuses_markup) {
  static const struct {
    const char *text, *kind; /* kind NULL: audited */
  } cases[] = {
      /* a page is read as HTML (html_input.c), not refused */
      {"<!DOCTYPE html>\n<html><body><p>Hallo Welt</p></body></html>\n", NULL},
      {"  \n<html lang=\"de\">\n<head><title>T</title></head>\n<body>Text"
       "</body></html>\n",
       NULL},
      {"<?xml version=\"1.0\"?>\n<rss><channel><title>Nachrichten</title>"
       "</channel></rss>\n",
       "XML"},
      {"{\\rtf1\\ansi Der Hund schl\\'e4ft.}\n", "RTF"},
      {"\\documentclass{article}\n\\begin{document}\nText\n"
       "\\end{document}\n",
       "LaTeX"},
      /* a fragment: starts with a tag, three or more tags */
      {"<p>Der Hund schl\xC3\xA4"
       "ft.</p>\n<p>Die Katze auch.</p>\n",
       "HTML"},
      /* tags on most lines, no tag at the start */
      {"Titel\n<div>eins</div>\n<div>zwei</div>\n<div>drei</div>\n"
       "<div>vier</div>\n<div>f\xC3\xBCnf</div>\n<span>sechs</span>\n",
       "HTML"},
      /* prose that mentions markup */
      {"Der Browser zeigt den Text zwischen <b> und </b> fett an.\n", NULL},
      {"Wenn a < b und b > c gilt, ist a < c.\n", NULL},
      {"<b>Berlin</b> \xE2\x80\x93 Die Regierung hat am Montag beschlossen, "
       "die Steuern zu senken.\n",
       NULL},
      {"Die Formel x<y gilt, und <3 ist ein Herz.\n", NULL},
  };
  mta_auditor *a = S_nospell(0);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    mta_report *r = NULL;
    mta_status st =
        mta_audit_buffer(a, "page", cases[i].text, strlen(cases[i].text), &r);
    if (!cases[i].kind) {
      ck_assert_msg(st == MTA_OK, "case %zu: %s", i, mta_auditor_errmsg(a));
      mta_report_free(r);
      continue;
    }
    ck_assert_msg(st == MTA_ERR_MARKUP, "case %zu: status %d", i, st);
    ck_assert_ptr_null(r);
    char want[64];
    snprintf(want, sizeof want, "page: input is %s, not plain text; ",
             cases[i].kind);
    ck_assert_msg(S_starts_with(mta_auditor_errmsg(a), want), "case %zu: %s", i,
                  mta_auditor_errmsg(a));
    ck_assert_ptr_nonnull(strstr(mta_auditor_errmsg(a), " first (e.g. "));
  }
  /* Unclosed comments and tags cost linear time: 4 MiB of "<!--" and of
   * "<a " are a second's work, not hours. */
  static const char *const units[] = {"<!--", "<a "};
  size_t n = (size_t)4 << 20;
  char *big = malloc(n + 1);
  ck_assert_ptr_nonnull(big);
  for (size_t u = 0; u < 2; u++) {
    size_t k = strlen(units[u]);
    for (size_t i = 0; i < n; i++)
      big[i] = units[u][i % k];
    big[n] = '\0';
    ck_assert_ptr_null(mtai_markup_kind(big, n));
  }
  free(big);
  mta_auditor_free(a);
}
END_TEST

START_TEST(audit_buffer_report_accessors) {
  static const char text[] = "Er sagte , dass er heute nicht in die Stadt "
                             "kommt.\n\nZweiter Absatz.\n";
  mta_auditor *a = S_nospell(0);
  mta_report *r = NULL;
  ck_assert_int_eq(mta_audit_buffer(a, "name.txt", text, sizeof text - 1, &r),
                   MTA_OK);
  ck_assert_str_eq(mta_report_name(r), "name.txt");
  ck_assert_str_eq(mta_report_encoding(r), "UTF-8");
  ck_assert_uint_eq(mta_report_paragraph_count(r), 2);
  ck_assert_uint_eq(mta_report_words(r), 12);
  ck_assert_uint_eq(mta_report_finding_count(r), 1);
  ck_assert_double_eq_tol(mta_report_score(r), 100.0 * (1 - 1.0 / 12), 1e-9);
  ck_assert_int_eq(mta_report_passed(r), 1);
  mta_finding_info fi;
  ck_assert_int_eq(mta_report_finding(r, 0, &fi), MTA_OK);
  ck_assert_str_eq(fi.rule, "punctuation/space-before");
  ck_assert_int_eq(mta_report_finding(r, 1, &fi), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_report_finding(r, 0, NULL), MTA_ERR_INVALID_ARG);
  mta_report_free(r);
  mta_auditor_free(a);
}
END_TEST

/* ---- arguments ---------------------------------------------------------- */

START_TEST(null_arguments) {
  char *why = S_JUNK(char);
  ck_assert_int_eq(mta_auditor_new(NULL, NULL, &why), MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(why);
  ck_assert_int_eq(mta_auditor_new(NULL, NULL, NULL), MTA_ERR_INVALID_ARG);

  mta_auditor *a = S_nospell(0);
  mta_report *r = S_JUNK(mta_report);
  ck_assert_int_eq(mta_audit_file(NULL, "x.txt", &r), MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(r);
  r = S_JUNK(mta_report);
  ck_assert_int_eq(mta_audit_file(a, NULL, &r), MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(r);
  ck_assert_int_eq(mta_audit_file(a, "x.txt", NULL), MTA_ERR_INVALID_ARG);

  r = S_JUNK(mta_report);
  ck_assert_int_eq(mta_audit_buffer(NULL, "x", "abc", 3, &r),
                   MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(r);
  r = S_JUNK(mta_report);
  ck_assert_int_eq(mta_audit_buffer(a, NULL, "abc", 3, &r),
                   MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(r);
  r = S_JUNK(mta_report);
  ck_assert_int_eq(mta_audit_buffer(a, "x", NULL, 3, &r), MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(r);
  ck_assert_int_eq(mta_audit_buffer(a, "x", "abc", 3, NULL),
                   MTA_ERR_INVALID_ARG);

  ck_assert_str_eq(mta_auditor_errmsg(NULL), "");
  mta_auditor_free(a);
  mta_report_free(NULL);
}
END_TEST

/* ---- strings ------------------------------------------------------------ */

START_TEST(strerror_every_status) {
  for (int i = 0; i <= MTA_STATUS_LAST; i++) {
    const char *s = mta_strerror((mta_status)i);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_gt(strlen(s), 0);
    for (int j = 0; j < i && i < MTA_STATUS_LAST; j++)
      ck_assert_str_ne(s, mta_strerror((mta_status)j));
  }
  ck_assert_str_eq(mta_strerror(MTA_OK), "no error");
  ck_assert_uint_gt(strlen(mta_strerror((mta_status)1000)), 0);
  ck_assert_uint_gt(strlen(mta_strerror((mta_status)-1)), 0);
}
END_TEST

START_TEST(severity_names_round_trip) {
  static const char *const names[] = {"minor", "major", "critical"};
  for (int i = MTA_SEV_MINOR; i <= MTA_SEV_CRITICAL; i++) {
    const char *n = mta_severity_name((mta_severity)i);
    ck_assert_ptr_nonnull(n);
    ck_assert_str_eq(n, names[i]);
    mta_severity sev = (mta_severity)-1;
    ck_assert_int_eq(mta_severity_parse(n, &sev), MTA_OK);
    ck_assert_int_eq(sev, i);
  }
  ck_assert_ptr_null(mta_severity_name((mta_severity)3));
  ck_assert_ptr_null(mta_severity_name((mta_severity)-1));
}
END_TEST

START_TEST(severity_parse_rejects) {
  mta_severity sev = MTA_SEV_MAJOR;
  ck_assert_int_eq(mta_severity_parse("fatal", &sev), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_severity_parse("", &sev), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_severity_parse("minorx", &sev), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_severity_parse("mino", &sev), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(sev, MTA_SEV_MAJOR); /* untouched */
  ck_assert_int_eq(mta_severity_parse(NULL, &sev), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_severity_parse("minor", NULL), MTA_ERR_INVALID_ARG);
}
END_TEST

START_TEST(version_matches_header) {
  ck_assert_str_eq(mta_version_string(), MTA_VERSION_STRING);
  ck_assert_int_eq(mta_version(), (MTA_VERSION_MAJOR << 16) |
                                      (MTA_VERSION_MINOR << 8) |
                                      MTA_VERSION_PATCH);
  char v[32];
  snprintf(v, sizeof v, "%d.%d.%d", MTA_VERSION_MAJOR, MTA_VERSION_MINOR,
           MTA_VERSION_PATCH);
  ck_assert_str_eq(mta_version_string(), v);
}
END_TEST

Suite *auditor_suite(void) {
  Suite *s = suite_create("auditor");
  TCase *tc = tcase_create("lifecycle");
  tcase_add_test(tc, new_with_null_options);
  tcase_add_test(tc, new_without_dictionary_fails);
  tcase_add_test(tc, new_with_missing_dict_dir_fails);
  tcase_add_test(tc, no_spell_needs_no_dictionary);
  tcase_add_test(tc, auditor_is_reusable);
  suite_add_tcase(s, tc);
  tc = tcase_create("files");
  tcase_add_test(tc, audit_file_reads_file);
  tcase_add_test(tc, audit_file_missing);
  tcase_add_test(tc, read_regular_detects_changes);
  tcase_add_test(tc, fuzz_regressions_audit_cleanly);
  tcase_add_test(tc, audit_file_directory);
  tcase_add_test(tc, audit_file_too_large);
  tcase_add_test(tc, audit_file_binary);
  suite_add_tcase(s, tc);
  tc = tcase_create("buffers");
  tcase_add_test(tc, audit_buffer_binary);
  tcase_add_test(tc, audit_buffer_empty);
  tcase_add_test(tc, audit_buffer_too_large);
  tcase_add_test(tc, audit_buffer_report_accessors);
  tcase_add_test(tc, audit_buffer_refuses_markup);
  suite_add_tcase(s, tc);
  tc = tcase_create("arguments");
  tcase_add_test(tc, null_arguments);
  suite_add_tcase(s, tc);
  tc = tcase_create("strings");
  tcase_add_test(tc, strerror_every_status);
  tcase_add_test(tc, severity_names_round_trip);
  tcase_add_test(tc, severity_parse_rejects);
  tcase_add_test(tc, version_matches_header);
  suite_add_tcase(s, tc);
  return s;
}
