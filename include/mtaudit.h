/*
 * mtaudit -- machine-translation quality auditor for German text.
 *
 * Public API. Everything else in the library is private.
 *
 * Ownership, stated once: a returned 'char *' is caller-owned and must be
 * released with mta_free(); a 'const' pointer returned by an accessor is
 * borrowed and stays valid until its parent handle is freed. Every _new has a
 * matching _free, and every _free accepts NULL and then does nothing.
 *
 * The library never prints, never exits and never aborts: failures are
 * reported as an mta_status, with details from mta_auditor_errmsg().
 */
#ifndef MTAUDIT_H
#define MTAUDIT_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define MTA_EXPORT __attribute__((visibility("default")))
#else
#define MTA_EXPORT
#endif

#define MTA_VERSION_MAJOR 0
#define MTA_VERSION_MINOR 1
#define MTA_VERSION_PATCH 0
#define MTA_VERSION_STRING "0.1.0"

/** Status codes. New codes are only ever appended. */
typedef enum mta_status {
  MTA_OK = 0,
  MTA_ERR_NOMEM = 1,    /* out of memory */
  MTA_ERR_IO = 2,       /* file missing, unreadable, not a regular file */
  MTA_ERR_ENCODING = 3, /* bytes invalid in the (detected or forced) encoding */
  MTA_ERR_DICT = 4,     /* dictionary or data file missing or unusable */
  MTA_ERR_ICU = 5,      /* ICU failed */
  MTA_ERR_INVALID_ARG = 6, /* a NULL or out-of-range argument */
  MTA_ERR_BINARY = 7,      /* input looks binary (NUL bytes) */
  MTA_ERR_EMPTY = 8,       /* input holds no text */
  MTA_ERR_TOO_LARGE = 9,   /* input exceeds the configured size limit */
  MTA_ERR_PARSE = 10,      /* malformed JSON Lines record or config file */
  MTA_ERR_MARKUP = 11,     /* input is markup (HTML, XML, RTF, LaTeX), not
                              plain text */
  MTA_STATUS_LAST
} mta_status;

/** Finding severities, in increasing order of weight. */
typedef enum mta_severity {
  MTA_SEV_MINOR = 0,
  MTA_SEV_MAJOR = 1,
  MTA_SEV_CRITICAL = 2
} mta_severity;

/** Output formats understood by the report writer. */
typedef enum mta_format {
  MTA_FORMAT_TEXT = 0,
  MTA_FORMAT_JSON = 1,
  MTA_FORMAT_JSONL = 2,
  MTA_FORMAT_HTML = 3,  /* one self-contained page per article */
  MTA_FORMAT_SARIF = 4, /* SARIF 2.1.0, one run over all articles */
  MTA_FORMAT_CSV = 5    /* the batch summary, one row per article */
} mta_format;

/* Option flags (mta_options.flags). */
#define MTA_OPT_DEFAULT 0u
#define MTA_OPT_NO_SPELL (1u << 0) /* skip the Hunspell spelling check */
#define MTA_OPT_FAIL_ON (1u << 1)  /* gate on mta_options.fail_on */
/* score boilerplate and repeated paragraphs too (they are reported but
 * left out of the article score by default) */
#define MTA_OPT_SCORE_ALL (1u << 2)
/* gate on mta_options.fail_unscored */
#define MTA_OPT_FAIL_UNSCORED (1u << 3)
/* read every input as HTML (the article text of the page; reported
 * lines and columns point into the HTML). Without it an input is read
 * as HTML when its name ends in .html or .htm or its text starts with
 * "<!DOCTYPE html" or "<html". */
#define MTA_OPT_HTML (1u << 4)
/* a display filter: findings below mta_options.min_severity are left out
 * of the report's list after scoring (they still count in the score and
 * the gates; the report counts them as hidden) */
#define MTA_OPT_MIN_SEVERITY (1u << 5)

/* An article with fewer scored words than this gets no score (see
 * mta_options.min_words). */
#define MTA_DEFAULT_MIN_WORDS 30

/* Render flags (mta_render_options.flags). */
#define MTA_RENDER_COLOR (1u << 0)      /* ANSI colours in text output */
#define MTA_RENDER_NO_EXCERPT (1u << 1) /* text: no excerpt under findings */
/* text: one line per document (its verdict) and the batch's totals */
#define MTA_RENDER_SUMMARY (1u << 2)

/** Opaque auditor: dictionaries, segmenters and checks, reused across
 * documents. Not thread-safe; use one per thread. */
typedef struct mta_auditor mta_auditor;

/** Opaque dictionaries: the German and English Hunspell dictionaries,
 * the speller's word lists and its cache of word verdicts, made once with
 * mta_dictionaries_new() and shared by any number of auditors, in any
 * threads (pass them in mta_options.dictionaries). Thread-safe. */
typedef struct mta_dictionaries mta_dictionaries;

/** Opaque result of auditing one document. */
typedef struct mta_report mta_report;

/** Opaque streaming writer of reports in one output format. */
typedef struct mta_writer mta_writer;

/** A rule setting: 'rule' names a rule ("compound/split"), a category
 * ("spelling") or every rule of a category ("boilerplate/" followed by
 * "*"). 'enabled' 0 turns it off, 1 on, -1 keeps its state (a severity
 * override alone); 'severity' >= 0 (an mta_severity) overrides the
 * default severity, -1 keeps it. Settings apply in order: a later one wins
 * over an earlier one for the rules they both match. */
typedef struct mta_rule_setting {
  const char *rule;
  int enabled;
  int severity;
} mta_rule_setting;

/** An accept-list entry (configuration section [accept]): rule 'rule'
 * (a rule id, a category, "CATEGORY/" + "*", or "*" for every rule) does
 * not report a finding whose text, or the English source span it is
 * about, contains 'phrase' (case-sensitive; where the phrase starts or
 * ends with a letter or digit, not inside a longer word). */
typedef struct mta_accept {
  const char *rule;
  const char *phrase;
} mta_accept;

/** Options for mta_auditor_new(). Zero-initialize, then set what you need;
 * every zero/NULL member means "the default". Strings are copied. */
typedef struct mta_options {
  unsigned flags;           /* MTA_OPT_* */
  const char *dict_dir;     /* Hunspell dictionary directory; NULL: search
                               $DICPATH, then /usr/share/hunspell */
  const char *encoding;     /* force this input encoding (iconv name); NULL:
                               detect (BOM, UTF-8, else Windows-1252) */
  double fail_under;        /* an article scoring below this fails; <= 0: off */
  mta_severity fail_on;     /* with MTA_OPT_FAIL_ON: a finding of this
                               severity or worse fails the gate */
  size_t max_document_size; /* refuse larger inputs; 0: 64 MiB */
  const char *const *user_dicts; /* user word lists (UTF-8, one word per
                                    line, '#' comments), read at creation */
  size_t user_dict_count;
  const mta_rule_setting *rule_settings; /* copied at creation */
  size_t rule_setting_count;
  size_t min_words;          /* an article with fewer scored words gets no
                                score and fails every gate that is set
                                (mta_report_reason()); 0: MTA_DEFAULT_MIN_WORDS;
                                1: only an article without scored words */
  double fail_unscored;      /* with MTA_OPT_FAIL_UNSCORED: an article whose
                                words are left out of the score (boilerplate,
                                repeats) for more than this percentage of all
                                its words fails; 0..100 */
  const mta_accept *accepts; /* accept list, copied at creation: matching
                                findings are suppressed (not reported, not
                                scored; mta_report_suppressed()) */
  size_t accept_count;
  const char *config_name;        /* the configuration file these options came
                                     from, for reports (JSON "config"); NULL:
                                     none. Copied. */
  mta_severity min_severity;      /* with MTA_OPT_MIN_SEVERITY: list only the
                                     findings of this severity or worse */
  mta_dictionaries *dictionaries; /* NULL: the auditor makes its own (and
                                     loads them at its first document);
                                     else borrowed: shared with other
                                     auditors, must outlive this one.
                                     'dict_dir' and 'user_dicts' are then
                                     the dictionaries' own (these are
                                     ignored). */
} mta_options;

/** Creates dictionaries for 'opts' (its 'dict_dir' and 'user_dicts'; NULL
 * for the defaults) in '*out', to be shared by the auditors created with
 * them (mta_options.dictionaries): loaded once per process, their memory
 * counted once, and every word's verdict computed once whichever auditor
 * asks. Finds the Hunspell files and reads the word lists now, then loads
 * the Hunspell dictionaries in background threads: an audit waits for
 * them at its first look-up; mta_dictionaries_wait() waits at once.
 * Returns MTA_OK, MTA_ERR_DICT (no German dictionary), MTA_ERR_IO or
 * MTA_ERR_ENCODING (a bad word list), MTA_ERR_NOMEM; on failure '*errmsg'
 * (when not NULL) says why (release with mta_free()). Release with
 * mta_dictionaries_free() after every auditor that uses them. */
MTA_EXPORT mta_status mta_dictionaries_new(const mta_options *opts,
                                           mta_dictionaries **out,
                                           char **errmsg);

/** Waits until the background loading of 'd' is finished. Returns MTA_OK,
 * or MTA_ERR_DICT when the German dictionary could not be loaded (the
 * audits would fail), with '*errmsg' (when not NULL, release with
 * mta_free()) naming the file. */
MTA_EXPORT mta_status mta_dictionaries_wait(mta_dictionaries *d, char **errmsg);

/** Frees 'd' (waiting for its loading to end). Free every auditor using
 * it first. NULL does nothing. */
MTA_EXPORT void mta_dictionaries_free(mta_dictionaries *d);

/** A configuration file (mtaudit.conf): "key = value" lines, '#'
 * comments, sections [rules] ("compound/split = off", "boilerplate = off"
 * for a whole category), [severity] ("spelling/unknown = minor") and
 * [accept] ("spelling = Wolodymyr", "* = phrase": see mta_accept);
 * top-level keys: fail-under, fail-on, fail-unscored, min-words,
 * score-all, spell, encoding, dict-dir, dict (repeatable),
 * max-document-size. */
typedef struct mta_config mta_config;

/** Reads configuration file 'path' into '*out'. On a syntax error, an
 * unknown key, rule or section, or a bad value returns MTA_ERR_PARSE and,
 * when 'errmsg' is not NULL, a caller-owned one-line message "PATH:LINE:
 * what is wrong" (release with mta_free()); MTA_ERR_IO when the file
 * cannot be read. */
MTA_EXPORT mta_status mta_config_load(const char *path, mta_config **out,
                                      char **errmsg);

/** Sets the members of '*opts' that the configuration names (others are
 * left as they are). Strings and arrays stored in '*opts' are borrowed
 * from 'c' and valid until mta_config_free(c); 'user_dicts' and
 * 'rule_settings' are replaced by the configuration's when it has any. */
MTA_EXPORT mta_status mta_config_apply(const mta_config *c, mta_options *opts);

/** Frees 'c'; NULL is fine. */
MTA_EXPORT void mta_config_free(mta_config *c);

/** One JSON Lines input record: {"id": ..., "text": "...", ...}. */
typedef struct mta_record mta_record;

/** Parses one line (without its newline) of JSON Lines input. The line
 * must be one JSON object with a string member "text"; "id" may be any
 * JSON value; other members are kept verbatim to be passed through. On
 * malformed input returns MTA_ERR_PARSE and, when 'errmsg' is not NULL, a
 * caller-owned message naming the column and what is wrong. */
MTA_EXPORT mta_status mta_record_parse(const char *line, size_t len,
                                       mta_record **out, char **errmsg);

/** The "id" of a line mta_record_parse() refused, as written, when the
 * parser got past it before the error ({"id": 3, "txt": ...} gives "3"),
 * else NULL. Caller-owned: release with mta_free(). */
MTA_EXPORT char *mta_record_parse_id(const char *line, size_t len);

/** The "text" member, unescaped to UTF-8 (may contain NUL bytes: see
 * 'len'). Borrowed from 'rec'. */
MTA_EXPORT const char *mta_record_text(const mta_record *rec, size_t *len);

/** The JSON text of the "id" member exactly as written (e.g. "\"a1\"" or
 * "17"), or NULL when the record has none. Borrowed. */
MTA_EXPORT const char *mta_record_id(const mta_record *rec);

/** The other members as JSON text "\"k\": v, \"k2\": v2" (each key and
 * value as written), or "" when there are none. Borrowed. */
MTA_EXPORT const char *mta_record_extra(const mta_record *rec);

/** The record's "source" member (the English original of "text",
 * unescaped; may hold NUL bytes) and its length in '*len', or NULL when
 * the record has none. Borrowed. */
MTA_EXPORT const char *mta_record_source(const mta_record *rec, size_t *len);

/** Frees 'rec'; NULL is fine. */
MTA_EXPORT void mta_record_free(mta_record *rec);

/** Audits the text of record 'rec' as document 'name' (for example
 * "input.jsonl[id=12]"); the report carries the record's "id" and its other
 * members, which the JSON and JSON Lines output pass through. The text is
 * UTF-8 (no encoding detection). Otherwise as mta_audit_buffer(). */
MTA_EXPORT mta_status mta_audit_record(mta_auditor *a, const mta_record *rec,
                                       const char *name, mta_report **out);

/** Describes rule 'i' of the registry (0 <= i < mta_rule_count()). All
 * strings are static. */
typedef struct mta_rule_info {
  const char *id;          /* "category/name" */
  const char *category;    /* "spelling", ... */
  mta_severity severity;   /* default severity */
  const char *summary;     /* one line */
  const char *explanation; /* a paragraph: what it finds and why */
  const char *wrong;       /* an example of the artifact */
  const char *right;       /* the same, corrected */
} mta_rule_info;

/** Number of rules mtaudit can report. */
MTA_EXPORT size_t mta_rule_count(void);

/** Fills '*info' for rule 'i'. MTA_ERR_INVALID_ARG when out of range. */
MTA_EXPORT mta_status mta_rule_get(size_t i, mta_rule_info *info);

/** Index of rule 'id' in the registry, or (size_t)-1. */
MTA_EXPORT size_t mta_rule_find(const char *id);

/** The rule registry as JSON, an array of rule objects {"id", "category",
 * "severity", "summary", "explanation", "examples"} ("examples": a list of
 * {"wrong", "right"} objects, with "source" for the accuracy rules); the
 * texts in the language of the messages. '*out' is caller-owned (release
 * with mta_free()), ending in a newline. MTA_ERR_NOMEM, MTA_ERR_INVALID_ARG
 * for NULL. */
MTA_EXPORT mta_status mta_rules_json(char **out);

/** The name of 'names' (n of them) closest to the mistyped 'word' by edit
 * distance, when close enough to be a typo ("fromat" -> "format"), else
 * NULL. Returns one of 'names' (borrowed). For "did you mean". */
MTA_EXPORT const char *mta_closest(const char *word, const char *const *names,
                                   size_t n);

/** mta_closest() over every rule id and category name; static or NULL. */
MTA_EXPORT const char *mta_rule_closest(const char *name);

/** Options for renderers and writers. Zero-initialize. */
typedef struct mta_render_options {
  unsigned flags;     /* MTA_RENDER_* */
  const char *config; /* the configuration file every report of the run
                         was audited with: JSON names it in "tool" (each
                         document names its own: mta_report_config());
                         NULL: not named there. Borrowed by writers for
                         their lifetime. */
} mta_render_options;

/** Returns the library version as 0xMMmmpp. */
MTA_EXPORT int mta_version(void);

/** Returns the library version as a static string such as "0.1.0". */
MTA_EXPORT const char *mta_version_string(void);

/** Returns a fixed text for 'status' in the current language (English
 * unless translated, see mta_set_localedir()); never NULL. */
MTA_EXPORT const char *mta_strerror(mta_status status);

/** Messages, rule descriptions and report labels are translated with GNU
 * gettext (text domain "mtaudit", output in UTF-8); the language follows
 * the caller's locale and LANGUAGE (the library never calls setlocale():
 * a program sets LC_MESSAGES itself). The catalogs are read from 'dir'
 * (DIR/LANG/LC_MESSAGES/mtaudit.mo), or with NULL from the compiled-in
 * directory (mta_localedir_default()). Call before the first message, from
 * one thread. MTA_ERR_NOMEM when the directory could not be recorded. */
MTA_EXPORT mta_status mta_set_localedir(const char *dir);

/** The compiled-in catalog directory, $(PREFIX)/share/locale. */
MTA_EXPORT const char *mta_localedir_default(void);

/** Returns the name of 'sev' ("minor", "major", "critical"), or NULL if out
 * of range. */
MTA_EXPORT const char *mta_severity_name(mta_severity sev);

/** Parses 'name' ("minor", "major", "critical") into '*out'. Returns MTA_OK
 * or MTA_ERR_INVALID_ARG. */
MTA_EXPORT mta_status mta_severity_parse(const char *name, mta_severity *out);

/** Releases memory returned by this library as caller-owned. NULL is fine. */
MTA_EXPORT void mta_free(void *p);

/** Stores in '*out' a caller-owned copy of 'str' (release with mta_free())
 * that is safe to show on a terminal or in a log line, as the text report
 * shows names and excerpts: tab, LF and CR become \t \n \r, other
 * control characters and bytes of invalid UTF-8 \xHH ("\x1b"), C1
 * controls, U+2028/U+2029 and the Unicode bidi controls "<U+202E>". Returns
 * MTA_ERR_INVALID_ARG for NULL arguments, MTA_ERR_NOMEM. */
MTA_EXPORT mta_status mta_display_escape(const char *str, char **out);

/** Creates an auditor with 'opts' (NULL: all defaults) and stores it in
 * '*out'. Loads the German dictionary and the data lists; fails with
 * MTA_ERR_DICT when no dictionary is found. On failure '*out' is NULL and,
 * if 'errmsg' is not NULL, '*errmsg' receives a caller-owned description
 * (release with mta_free()). The caller frees the auditor with
 * mta_auditor_free(). */
MTA_EXPORT mta_status mta_auditor_new(const mta_options *opts,
                                      mta_auditor **out, char **errmsg);

/** Frees 'a' and everything it owns. NULL does nothing. */
MTA_EXPORT void mta_auditor_free(mta_auditor *a);

/** Returns details of the last failure of 'a' (file, reason, offset), or ""
 * when there was none. Borrowed: valid until the next call on 'a'. */
MTA_EXPORT const char *mta_auditor_errmsg(const mta_auditor *a);

/** Audits the file at 'path' and stores a new report in '*out' (caller
 * frees with mta_report_free()). On failure '*out' is NULL and
 * mta_auditor_errmsg() says why. */
MTA_EXPORT mta_status mta_audit_file(mta_auditor *a, const char *path,
                                     mta_report **out);

/** Audits 'len' bytes at 'data' (any encoding the auditor accepts), naming
 * the document 'name' in reports. Otherwise as mta_audit_file(). */
MTA_EXPORT mta_status mta_audit_buffer(mta_auditor *a, const char *name,
                                       const void *data, size_t len,
                                       mta_report **out);

/** Source-aware audit: as mta_audit_file(), with the English original of
 * the document at 'source_path' (NULL: none, exactly mta_audit_file()).
 * The accuracy checks compare the two. A source that cannot be used
 * (unreadable, empty, not English, or paragraphs far out of proportion)
 * does not fail the audit: the document is audited without it, and
 * mta_report_source_error() says why. */
MTA_EXPORT mta_status mta_audit_file_source(mta_auditor *a, const char *path,
                                            const char *source_path,
                                            mta_report **out);

/** As mta_audit_buffer(), with the English original: 'source_len' bytes
 * at 'source' named 'source_name' in messages ('source' NULL: none). */
MTA_EXPORT mta_status mta_audit_buffer_source(mta_auditor *a, const char *name,
                                              const void *data, size_t len,
                                              const char *source_name,
                                              const void *source,
                                              size_t source_len,
                                              mta_report **out);

/** The name of the source 'r' was audited against (borrowed), NULL when
 * none was given. */
MTA_EXPORT const char *mta_report_source_name(const mta_report *r);

/** Why the given source was not used (borrowed, one line), NULL when it
 * was used or none was given. */
MTA_EXPORT const char *mta_report_source_error(const mta_report *r);

/** Frees 'r'. NULL does nothing. */
MTA_EXPORT void mta_report_free(mta_report *r);

/** Returns the document name of 'r' (borrowed). */
MTA_EXPORT const char *mta_report_name(const mta_report *r);

/** Returns the detected or forced source encoding of 'r' (borrowed). */
MTA_EXPORT const char *mta_report_encoding(const mta_report *r);

/** Returns the word count of the scored paragraphs of 'r'. */
MTA_EXPORT size_t mta_report_words(const mta_report *r);

/** Returns the article score of 'r', 0..100; 0 when 'r' has none (see
 * mta_report_scored()). */
MTA_EXPORT double mta_report_score(const mta_report *r);

/** Returns 1 when 'r' passes the auditor's gates, or when no gate is set
 * (see mta_report_gated()); else 0. */
MTA_EXPORT int mta_report_passed(const mta_report *r);

/** Returns the number of paragraphs of 'r'. */
MTA_EXPORT size_t mta_report_paragraph_count(const mta_report *r);

/** Returns the number of findings of 'r'. */
MTA_EXPORT size_t mta_report_finding_count(const mta_report *r);

/** Describes finding 'i' of 'r'. Strings are borrowed from 'r'; 'suggestion'
 * may be NULL. Offsets are bytes into the UTF-8 (NFC) text; line and column
 * are 1-based, the column counted in code points (HTML input: the line and
 * column in the HTML file, the offsets into the article's text). */
typedef struct mta_finding_info {
  const char *rule;     /* "category/name" */
  const char *category; /* "spelling", "punctuation", ... */
  mta_severity severity;
  size_t paragraph; /* 1-based */
  size_t line, column;
  size_t start, end;
  const char *message;
  const char *suggestion;
  /* Source-aware findings: the span of the English source they are
   * about (bytes into the source text), 'source_text' its bytes (borrowed,
   * not NUL-terminated: source_end - source_start bytes); NULL when the
   * finding has no source span. */
  size_t source_start, source_end;
  const char *source_text;
  /* A stable identity of the finding across runs and edits: 16 hex
   * digits hashed from the rule, the finding's text and the sentence it
   * stands in (white space collapsed, case kept; with the source span
   * when it has one), not from its line, column or offsets, message or
   * severity. The baseline (--baseline) matches findings by it; SARIF
   * gives it as partialFingerprints. Borrowed from the report. */
  const char *fingerprint;
} mta_finding_info;

/** Fills '*info' with finding 'i' of 'r'. Returns MTA_ERR_INVALID_ARG when
 * 'i' is out of range. */
MTA_EXPORT mta_status mta_report_finding(const mta_report *r, size_t i,
                                         mta_finding_info *info);

/** Why a report has no score or failed its gate (mta_report_reason()).
 * New values are only ever appended. */
typedef enum mta_reason {
  MTA_REASON_NONE = 0,            /* scored, and no gate failed */
  MTA_REASON_NO_TEXT = 1,         /* no scored words: no score */
  MTA_REASON_TOO_LITTLE_TEXT = 2, /* fewer scored words than
                                     mta_options.min_words: no score */
  MTA_REASON_SCORE = 3,           /* score under mta_options.fail_under */
  MTA_REASON_SEVERITY = 4,        /* a scored finding at or above
                                     mta_options.fail_on */
  MTA_REASON_UNSCORED = 5,        /* unscored share of the words above
                                     mta_options.fail_unscored */
  MTA_REASON_LAST
} mta_reason;

/** Returns a fixed English phrase for 'reason' ("no article text", "too
 * little article text", "score under threshold", "finding at or above
 * severity", "unscored share above limit"; "" for MTA_REASON_NONE), the
 * "reason" of the JSON output; never NULL. Static. */
MTA_EXPORT const char *mta_reason_name(mta_reason reason);

/** Returns 1 when 'r' has an article score: at least
 * mta_options.min_words scored words (and at least one), else 0. */
MTA_EXPORT int mta_report_scored(const mta_report *r);

/** Returns 1 when the auditor of 'r' had a gate (fail_under > 0,
 * MTA_OPT_FAIL_ON or MTA_OPT_FAIL_UNSCORED), so that 'r' has a verdict
 * (mta_report_passed()); else 0: no verdict, reports show none. */
MTA_EXPORT int mta_report_gated(const mta_report *r);

/** Returns why 'r' has no score (MTA_REASON_NO_TEXT,
 * MTA_REASON_TOO_LITTLE_TEXT; with or without a gate, and then it fails
 * every gate that is set) or why it failed its gate (the first of score,
 * severity, unscored share that failed); MTA_REASON_NONE otherwise. */
MTA_EXPORT mta_reason mta_report_reason(const mta_report *r);

/** Returns the number of words of 'r' left out of the score (boilerplate
 * paragraphs, repeats of earlier paragraphs; 0 with MTA_OPT_SCORE_ALL). */
MTA_EXPORT size_t mta_report_unscored_words(const mta_report *r);

/** Returns the number of reasons words of 'r' were left out of the score
 * for (0 <= i < this for mta_report_unscored_kind()). */
MTA_EXPORT size_t mta_report_unscored_kind_count(const mta_report *r);

/** Stores in '*kind' reason 'i' words of 'r' were left out of the score
 * for: the rule that reports it ("boilerplate/navigation",
 * "duplicate/paragraph"; "boilerplate" for boilerplate without a rule),
 * static, and in '*words' how many words, when 'words' is not NULL.
 * Reasons come in the order of their first paragraph. Returns
 * MTA_ERR_INVALID_ARG when 'i' is out of range or 'kind' is NULL. */
MTA_EXPORT mta_status mta_report_unscored_kind(const mta_report *r, size_t i,
                                               const char **kind,
                                               size_t *words);

/** Why findings were suppressed (mta_report_suppressed()). */
typedef enum mta_suppression {
  MTA_SUPPRESSED_ALL = 0,      /* both */
  MTA_SUPPRESSED_BASELINE = 1, /* matched the baseline */
  MTA_SUPPRESSED_ACCEPT = 2    /* matched the accept list */
} mta_suppression;

/** Returns how many findings of 'r' were suppressed for 'kind': removed
 * from the report, its score and its gates. */
MTA_EXPORT size_t mta_report_suppressed(const mta_report *r,
                                        mta_suppression kind);

/** The name of the configuration file the auditor of 'r' was given
 * (mta_options.config_name; borrowed), or NULL. */
MTA_EXPORT const char *mta_report_config(const mta_report *r);

/** A baseline: findings accepted earlier, to be suppressed in later runs
 * (the --baseline and --write-baseline files; format in
 * docs/OUTPUTS.md). Findings are matched by document name, rule and
 * mta_finding_info.fingerprint, each entry suppressing one finding. Not
 * thread-safe: apply it from one thread, in input order. */
typedef struct mta_baseline mta_baseline;

/** Creates an empty baseline (to record findings with mta_baseline_add()). */
MTA_EXPORT mta_status mta_baseline_new(mta_baseline **out);

/** Reads baseline file 'path'. MTA_ERR_IO when it cannot be read,
 * MTA_ERR_PARSE when it is not a version 1 baseline; a caller-owned
 * "PATH: why" in '*errmsg' when not NULL. */
MTA_EXPORT mta_status mta_baseline_load(const char *path, mta_baseline **out,
                                        char **errmsg);

/** Adds every finding of 'r' to 'b'. */
MTA_EXPORT mta_status mta_baseline_add(mta_baseline *b, const mta_report *r);

/** The number of entries of 'b'. */
MTA_EXPORT size_t mta_baseline_count(const mta_baseline *b);

/** Writes 'b' to 'path' (JSON, sorted, one finding per line), atomically
 * as mta_writer_new_path() writes its file. On failure a caller-owned
 * "PATH: reason" in '*errmsg' when not NULL. */
MTA_EXPORT mta_status mta_baseline_save(mta_baseline *b, const char *path,
                                        char **errmsg);

/** Suppresses the findings of 'r' that match unused entries of 'b' (and
 * marks those entries used), then computes the score and the gates of
 * 'r' again without them. Afterwards the report counts them
 * (mta_report_suppressed()) and SARIF gives its results a baselineState. */
MTA_EXPORT mta_status mta_report_apply_baseline(mta_report *r, mta_baseline *b);

/** Frees 'b'; NULL is fine. */
MTA_EXPORT void mta_baseline_free(mta_baseline *b);

/** Renders 'r' alone in 'format' into a new caller-owned NUL-terminated
 * string '*out' (release with mta_free()). For JSON this is the complete
 * top-level object with one document. */
MTA_EXPORT mta_status mta_render(const mta_report *r, mta_format format,
                                 const mta_render_options *ro, char **out);

/** Creates a writer that streams reports to 'fp' in 'format'. The caller
 * keeps ownership of 'fp'. Free with mta_writer_free(). */
MTA_EXPORT mta_status mta_writer_new(mta_format format,
                                     const mta_render_options *ro, FILE *fp,
                                     mta_writer **out);

/** Creates a writer that writes into directory 'dir' (created if missing)
 * instead of a stream: for MTA_FORMAT_HTML one page per article
 * (NAME.html, from the document's base name, made unique) and index.html
 * at mta_writer_finish(), only when every page was written (an index.html
 * of an earlier run is removed at once, so that a failed run never leaves
 * an index that looks complete). Every file is written as
 * mta_writer_new_path() writes its file, so a reader never sees a partial
 * page. Other formats are MTA_ERR_INVALID_ARG. */
MTA_EXPORT mta_status mta_writer_new_dir(mta_format format,
                                         const mta_render_options *ro,
                                         const char *dir, mta_writer **out);

/** Creates a writer to output path 'path': for MTA_FORMAT_HTML the
 * directory of mta_writer_new_dir(), for the other formats one file. A
 * regular file (or a new one) is written to a temporary file beside it
 * (TARGET.tmp.XXXXXX) and renamed over it by a successful
 * mta_writer_finish(); after any failure, or mta_writer_free() without
 * finishing, the old file is left as it was. A symbolic link is followed
 * and its target replaced (the link stays). The new file keeps the old
 * file's permission bits (and owner, when allowed); a new file gets 0666
 * minus the umask. A character device or FIFO is written directly, never
 * replaced, and so is a file reached through /dev/fd/N or /proc (such as
 * /dev/stdout: appended to). A directory, socket or block device is
 * refused. On failure '*out' is NULL and, when 'errmsg' is not NULL,
 * '*errmsg' receives a caller-owned message "PATH: reason" (release with
 * mta_free()). */
MTA_EXPORT mta_status mta_writer_new_path(mta_format format,
                                          const mta_render_options *ro,
                                          const char *path, mta_writer **out,
                                          char **errmsg);

/** Describes the first failure of 'w' ("PATH: write error: No space left
 * on device"; without the path for a writer on a FILE *), or "" when
 * there was none. After a failure the writer writes nothing more.
 * Borrowed: valid until 'w' is freed. */
MTA_EXPORT const char *mta_writer_errmsg(const mta_writer *w);

/** Writes report 'r' (the writer does not keep it). Returns MTA_ERR_IO when
 * the stream fails. */
MTA_EXPORT mta_status mta_writer_add(mta_writer *w, const mta_report *r);

/** Records that input 'name' could not be audited because of 'status' and
 * 'message' (counted in the summary; JSON lists it under "errors"). */
MTA_EXPORT mta_status mta_writer_add_error(mta_writer *w, const char *name,
                                           mta_status status,
                                           const char *message);

/** The same for JSON Lines record 'line' (1-based) of input 'name': its
 * "id" as written ('id', NULL when the line could not be read that far)
 * goes into the error entry ("id" and "line" members in JSON). The record
 * is valid JSON as far as the id: 'id' is written as it is. */
MTA_EXPORT mta_status mta_writer_add_record_error(mta_writer *w,
                                                  const char *name,
                                                  const char *id, size_t line,
                                                  mta_status status,
                                                  const char *message);

/** Finishes the output (closing brackets, summary). Call once. */
MTA_EXPORT mta_status mta_writer_finish(mta_writer *w);

/** Frees 'w' without writing anything. NULL does nothing. */
MTA_EXPORT void mta_writer_free(mta_writer *w);

#ifdef __cplusplus
}
#endif

#endif
