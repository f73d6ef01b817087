/*
 * Configuration and options of the command line: the configuration file
 * (--config FILE, else the one found from the directory, cli_config.c,
 * unless --no-config) is read first, then the options, which win, fill a
 * struct cli_options.
 *
 * Options are parsed by getopt_long, so the usual forms work: "-j 2",
 * "-j2", "--jobs 2", "--jobs=2", bundled short options, "--" ending the
 * options, and unambiguous prefixes of long options ("--form"). Options and
 * paths may come in any order; paths are kept in the order given
 * (getopt's "return in order" mode, so POSIXLY_CORRECT changes nothing).
 * getopt's own messages are off: every error is one "mtaudit: ..." line,
 * then "Try 'mtaudit --help'.", and exit status 2.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "vec.h"

/* The help, one entry per option (an option added to the help is one
 * more entry: the others keep their translation). */
static const char *const S_usage[] = {
    N_("usage: mtaudit [OPTIONS] PATH...\n"), "\n",
    N_("Audits German machine-translated articles. PATH is a file, a "
       "directory\n"
       "(every *.txt, *.html and *.htm below it, sorted) or - for standard\n"
       "input. An XLIFF 1.2 or 2.0 file is audited as its targets against its\n"
       "own sources; an HTML page (*.html, *.htm, or text starting with\n"
       "<!DOCTYPE html or <html) as the text of its article.\n"),
    "\n", N_("Output:\n"),
    N_("  -f, --format FMT       text (default), json, jsonl, html, sarif, "
       "csv\n"),
    N_("  -o, --output PATH      write to PATH (written atomically); html "
       "needs\n"
       "                         a directory: one page per article + "
       "index.html\n"),
    N_("      --color WHEN       auto (default), always or never\n"),
    N_("      --no-excerpt       text: no excerpt under each finding\n"),
    N_("  -q, --quiet            text: one line per article and the totals;\n"
       "                         no progress bar (errors still go to "
       "stderr)\n"),
    N_("      --min-severity SEV list only findings of SEV or worse, in every\n"
       "                         format; a display filter: hidden findings\n"
       "                         still count in scores and gates, and the\n"
       "                         summaries say how many were hidden\n"),
    N_("Gates (PASS/FAIL is shown only when one is set):\n"),
    N_("      --fail-under SCORE exit 1 if an article scores below SCORE\n"),
    N_("      --fail-on SEV      exit 1 on a finding of SEV or worse\n"
       "                         (minor, major, critical)\n"),
    /* xgettext:no-c-format */
    N_("      --fail-unscored PCT\n"
       "                         exit 1 if more than PCT % of an article's\n"
       "                         words are left out of the score "
       "(boilerplate,\n"
       "                         repeats)\n"),
    N_("      --min-words N      an article with fewer than N scored words\n"
       "                         (default 30) gets no score and fails every\n"
       "                         gate that is set\n"),
    N_("Input:\n"),
    N_("      --input-format FMT text (default), html (every input is an HTML\n"
       "                         page) or jsonl: every line of the input is\n"
       "                         {\"id\": ..., \"text\": \"...\"}\n"
       "                         (a \"source\" member: its English "
       "original)\n"),
    N_("      --source FILE      the English original of the one input: the\n"
       "                         accuracy checks compare the two\n"),
    N_("      --source-dir DIR   the originals of a batch: DIR/REL for every\n"
       "                         input, REL its path below the directory "
       "given\n"
       "                         (or its name), with the extension .txt\n"),
    N_("      --encoding NAME    force the input encoding (iconv name)\n"),
    N_("      --dict-dir DIR     directory with de_DE_frami/de_DE .aff/.dic\n"),
    N_("      --dict FILE        extra known words, one per line "
       "(repeatable)\n"),
    N_("Rules:\n"),
    N_("      --config FILE      read FILE for every input (default: the "
       "first\n"
       "                         mtaudit.conf upward from the input's folder,\n"
       "                         else ~/.config/mtaudit/mtaudit.conf)\n"),
    N_("      --no-config        read no configuration file\n"),
    N_("      --baseline FILE    do not report findings recorded in FILE\n"),
    N_("      --write-baseline FILE\n"
       "                         record every finding of this run in FILE\n"),
    N_("      --disable RULE     switch off a rule, category or category/*\n"),
    N_("      --enable RULE      switch it on again\n"),
    N_("      --no-spell         skip the spelling check\n"),
    N_("      --score-all        score boilerplate and repeated paragraphs "
       "too\n"),
    N_("      --list-rules       list every rule and exit (--format json:\n"
       "                         as JSON)\n"),
    N_("      --explain RULE     describe a rule with examples and exit\n"),
    N_("Run:\n"),
    N_("  -j, --jobs N           audit N inputs in parallel (default 1)\n"),
    N_("      --lang LANG        language of messages and reports: de or en\n"
       "                         (default: LANGUAGE, LC_ALL, LC_MESSAGES, "
       "LANG)\n"),
    N_("      --verbose          say on stderr which configuration each input\n"
       "                         used\n"),
    N_("      --errors MODE      exit (default): an input that cannot be\n"
       "                         audited is an error (exit 2); inline: a bad\n"
       "                         record or file is reported in the output\n"
       "                         only (for Hadoop Streaming, Spark pipe)\n"),
    N_("  -h, --help             show this help\n"),
    N_("  -V, --version          show the version\n"), "\n",
    N_("Exit status: 0 passed, 1 a gate failed, 2 usage or input error.\n"),
    NULL};

/* Long-only options get codes above every character. */
enum {
  OPT_COLOR = 256,
  OPT_NO_EXCERPT,
  OPT_FAIL_UNDER,
  OPT_FAIL_ON,
  OPT_FAIL_UNSCORED,
  OPT_MIN_WORDS,
  OPT_INPUT_FORMAT,
  OPT_ENCODING,
  OPT_DICT_DIR,
  OPT_DICT,
  OPT_CONFIG,
  OPT_NO_CONFIG,
  OPT_DISABLE,
  OPT_ENABLE,
  OPT_NO_SPELL,
  OPT_SCORE_ALL,
  OPT_LIST_RULES,
  OPT_EXPLAIN,
  OPT_SOURCE,
  OPT_SOURCE_DIR,
  OPT_LANG,
  OPT_BASELINE,
  OPT_WRITE_BASELINE,
  OPT_VERBOSE,
  OPT_MIN_SEVERITY,
  OPT_ERRORS
};

/* '-': paths come back in order as code 1; ':': a missing value is ':'. */
static const char S_shortopts[] = "-:f:o:j:hVq";

static const struct option S_longopts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"color", required_argument, NULL, OPT_COLOR},
    {"no-excerpt", no_argument, NULL, OPT_NO_EXCERPT},
    {"quiet", no_argument, NULL, 'q'},
    {"min-severity", required_argument, NULL, OPT_MIN_SEVERITY},
    {"fail-under", required_argument, NULL, OPT_FAIL_UNDER},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"fail-unscored", required_argument, NULL, OPT_FAIL_UNSCORED},
    {"min-words", required_argument, NULL, OPT_MIN_WORDS},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"source", required_argument, NULL, OPT_SOURCE},
    {"source-dir", required_argument, NULL, OPT_SOURCE_DIR},
    {"dict-dir", required_argument, NULL, OPT_DICT_DIR},
    {"dict", required_argument, NULL, OPT_DICT},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"disable", required_argument, NULL, OPT_DISABLE},
    {"enable", required_argument, NULL, OPT_ENABLE},
    {"no-spell", no_argument, NULL, OPT_NO_SPELL},
    {"score-all", no_argument, NULL, OPT_SCORE_ALL},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {"baseline", required_argument, NULL, OPT_BASELINE},
    {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {"errors", required_argument, NULL, OPT_ERRORS},
    {"jobs", required_argument, NULL, 'j'},
    {"lang", required_argument, NULL, OPT_LANG},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

/* ---- naming what the user wrote -------------------------------------- */

/* The option as written, for a message: a long option up to its '='
 * ("--format", "--form"), a short one as "-f". 'arg' is the argument
 * getopt was looking at, 'c' the short option. */
static void S_opt_name(const char *arg, int c, char *out, size_t size) {
  if (!strncmp(arg, "--", 2))
    snprintf(out, size, "%.*s", (int)strcspn(arg, "="), arg);
  else
    snprintf(out, size, "-%c", c);
}

/* The long option closest to the mistyped 'name' (without its "--"), or
 * NULL (mta_closest()). */
static const char *S_closest_option(const char *name) {
  const char *names[sizeof S_longopts / sizeof S_longopts[0]];
  size_t n = 0;
  for (const struct option *o = S_longopts; o->name; o++)
    names[n++] = o->name;
  return mta_closest(name, names, n);
}

/* An unknown rule, category or pattern 'v' given to 'opt': the message,
 * with the closest rule or category when there is one (--explain: the
 * closest rule). */
static int S_unknown_rule(const char *opt, const char *v) {
  int explain = !strcmp(opt, "--explain");
  const char *near = NULL;
  if (!explain)
    near = mta_rule_closest(v);
  else { /* a rule, not a category */
    const char *ids[256];
    size_t n = 0;
    for (size_t i = 0; i < mta_rule_count() && n < 256; i++) {
      mta_rule_info ri;
      if (!mta_rule_get(i, &ri))
        ids[n++] = ri.id;
    }
    near = mta_closest(v, ids, n);
  }
  if (!near)
    return explain ? cli_usage_error(
                         "--explain: unknown rule '%s' (see --list-rules)", v)
                   : cli_usage_error(
                         "unknown rule or category '%s' (see --list-rules)", v);
  char msg[1024];
  if (explain)
    snprintf(msg, sizeof msg,
             _("--explain: unknown rule '%s' (did you mean '%s'?)"), v, near);
  else
    snprintf(msg, sizeof msg,
             _("unknown rule or category '%s' (did you mean '%s'?)"), v, near);
  return cli_usage_error("%s", msg);
}

/* An option getopt refused ('?'): an unknown option, a prefix of several
 * long options, or a value given to one that takes none. 'arg' is the
 * argument getopt was looking at, 'c' its optopt. */
static int S_bad_option(const char *arg, int c) {
  char name[256];
  S_opt_name(arg, c, name, sizeof name);
  /* A short option: the whole argument when it starts with the unknown
   * letter ("-x.txt", probably a file: see "--"), else the letter alone
   * ("-x" in "-hx"). */
  if (strncmp(arg, "--", 2))
    return cli_usage_error("unknown option '%s'", arg[1] == c ? arg : name);
  size_t n = strlen(name) - 2;
  const struct option *hit = NULL;
  char list[512] = "";
  size_t len = 0, hits = 0;
  for (const struct option *o = S_longopts; o->name; o++) {
    if (strncmp(o->name, name + 2, n))
      continue;
    if (strlen(o->name) == n) { /* an exact match wins */
      hit = o;
      hits = 1;
      break;
    }
    int k = snprintf(list + len, sizeof list - len, "%s--%s", hits ? ", " : "",
                     o->name);
    if (k > 0 && (size_t)k < sizeof list - len)
      len += (size_t)k;
    hit = o;
    hits++;
  }
  if (hits == 1 && hit->has_arg == no_argument && arg[2 + n] == '=')
    return cli_usage_error("--%s takes no value", hit->name);
  if (hits > 1) {
    char msg[1024];
    snprintf(msg, sizeof msg, _("ambiguous option '%s' (%s)"), name, list);
    return cli_usage_error("%s", msg);
  }
  const char *near = S_closest_option(name + 2);
  if (near) {
    char msg[1024];
    snprintf(msg, sizeof msg, _("unknown option '%s' (did you mean '--%s'?)"),
             name, near);
    return cli_usage_error("%s", msg);
  }
  return cli_usage_error("unknown option '%s'", arg);
}

/* ---- rules ------------------------------------------------------------ */

static int S_add_rule(struct cli_options *o, const char *rule, int enabled) {
  if (mtai_vec_reserve(o->rules, o->caprules, o->nrules + 1))
    return -1;
  o->rules[o->nrules].rule = rule;
  o->rules[o->nrules].enabled = enabled;
  o->rules[o->nrules].severity = -1;
  o->nrules++;
  return 0;
}

/* 1 when 'pat' names a rule, a category or "category/" + "*". */
static int S_known_rule(const char *pat) {
  size_t n = mta_rule_count();
  for (size_t i = 0; i < n; i++) {
    mta_rule_info ri;
    mta_rule_get(i, &ri);
    size_t cl = strlen(ri.category);
    if (!strcmp(pat, ri.id) || !strcmp(pat, ri.category) ||
        (!strncmp(pat, ri.category, cl) && !strcmp(pat + cl, "/*")))
      return 1;
  }
  return 0;
}

/* --list-rules: a table, or with --format json the registry as JSON
 * (mta_rules_json()). */
static int S_list_rules(mta_format format) {
  if (format == MTA_FORMAT_JSON) {
    char *json = NULL;
    mta_status st = mta_rules_json(&json);
    if (st) {
      cli_say("%s", mta_strerror(st));
      return CLI_EXIT_ERROR;
    }
    fputs(json, stdout);
    mta_free(json);
    return cli_flush_stdout();
  }
  if (format != MTA_FORMAT_TEXT)
    return cli_usage_error("%s", _("--list-rules: only --format text or json"));
  size_t n = mta_rule_count();
  /* The ids of rules, categories and severities stay English: they are
   * what --disable, --enable and --fail-on take. */
  printf("%-34s %-17s %-9s %s\n", _("RULE"), _("CATEGORY"), _("SEVERITY"),
         _("DESCRIPTION"));
  for (size_t i = 0; i < n; i++) {
    mta_rule_info ri;
    mta_rule_get(i, &ri);
    printf("%-34s %-17s %-9s %s\n", ri.id, ri.category,
           mta_severity_name(ri.severity), ri.summary);
  }
  return cli_flush_stdout();
}

static int S_explain(const char *id) {
  size_t i = mta_rule_find(id);
  mta_rule_info ri;
  if (i == (size_t)-1 || mta_rule_get(i, &ri))
    return S_unknown_rule("--explain", id);
  /* The category and severity ids are their own msgids (the library's
   * display names, src/i18n.c). */
  printf("%s (%s, %s)\n\n%s\n\n%s\n", ri.id, _(ri.category),
         _(mta_severity_name(ri.severity)), ri.summary, ri.explanation);
  /* Accuracy rules' examples are "SOURCE ||| TARGET". */
  const char *wb = ri.wrong ? strstr(ri.wrong, " ||| ") : NULL;
  const char *rb = ri.right ? strstr(ri.right, " ||| ") : NULL;
  if (wb && rb)
    printf("\n  %-7s %.*s\n  %-7s %s\n  %-7s %.*s\n  %-7s %s\n", _("source:"),
           (int)(wb - ri.wrong), ri.wrong, _("wrong:"), wb + 5, _("source:"),
           (int)(rb - ri.right), ri.right, _("right:"), rb + 5);
  else if (ri.wrong && *ri.wrong)
    printf("\n  %s %s\n  %s %s\n", _("wrong:"), ri.wrong, _("right:"),
           ri.right);
  return cli_flush_stdout();
}

/* ---- the configuration file ------------------------------------------ */

/* A first pass over the options finds --config and --no-config only (every
 * other error is left to the second pass, which reports it in order); the
 * configuration is then read, before the options that override it.
 * getopt starts afresh with optind = 0 (GNU). */
static int S_load_config(int argc, char **argv, struct cli_options *o) {
  optind = 0;
  opterr = 0;
  for (;;) {
    int at = optind ? optind : 1;
    int c = getopt_long(argc, argv, S_shortopts, S_longopts, NULL);
    if (c == -1)
      break;
    if (c == OPT_LANG) { /* first: every later message is in it */
      if (cli_lang_set(optarg))
        return cli_usage_error("--lang: '%s' is not de or en", optarg);
    } else if (c == OPT_NO_CONFIG)
      o->no_config = 1;
    else if (c == OPT_CONFIG)
      o->config = optarg;
    else if (c == ':' && (optopt == OPT_CONFIG || optopt == OPT_LANG)) {
      char name[256];
      S_opt_name(argv[at], optopt, name, sizeof name);
      return cli_usage_error("%s needs a value", name);
    }
  }
  const char *path = o->config;
  if (!path) {
    if (o->no_config || !o->found)
      return CLI_EXIT_PASS;
    path = o->found;
  }
  o->config_used = path;
  o->opts.config_name = path;
  char *why = NULL;
  mta_status st = mta_config_load(path, &o->cfg, &why);
  if (st) {
    cli_say("%s", why ? why : mta_strerror(st));
    mta_free(why);
    return CLI_EXIT_ERROR;
  }
  if ((st = mta_config_apply(o->cfg, &o->opts))) {
    cli_say("%s: %s", path, mta_strerror(st));
    return CLI_EXIT_ERROR;
  }
  /* Keep the configuration's lists; options add to them. */
  for (size_t i = 0; i < o->opts.user_dict_count; i++)
    if (cli_paths_add(&o->dicts, o->opts.user_dicts[i]))
      return cli_usage_error("%s", _("out of memory"));
  for (size_t i = 0; i < o->opts.rule_setting_count; i++) {
    if (S_add_rule(o, o->opts.rule_settings[i].rule,
                   o->opts.rule_settings[i].enabled))
      return cli_usage_error("%s", _("out of memory"));
    o->rules[o->nrules - 1].severity = o->opts.rule_settings[i].severity;
  }
  return CLI_EXIT_PASS;
}

/* ---- one option ------------------------------------------------------- */

static int S_format(const char *v, mta_format *out) {
  static const struct {
    const char *name;
    mta_format f;
  } fmts[] = {{"text", MTA_FORMAT_TEXT},   {"json", MTA_FORMAT_JSON},
              {"jsonl", MTA_FORMAT_JSONL}, {"html", MTA_FORMAT_HTML},
              {"sarif", MTA_FORMAT_SARIF}, {"csv", MTA_FORMAT_CSV}};
  for (size_t k = 0; k < sizeof fmts / sizeof fmts[0]; k++)
    if (!strcmp(v, fmts[k].name)) {
      *out = fmts[k].f;
      return 0;
    }
  return -1;
}

/* Applies option 'c' with value 'v' (NULL for a flag); 'name' is the
 * option as written. Returns an exit code; sets '*done' for the options
 * that do all the work. */
static int S_option(struct cli_options *o, int c, const char *v,
                    const char *name, int *done) {
  char *end;
  switch (c) {
  case 'h':
    for (const char *const *u = S_usage; *u; u++)
      fputs(strcmp(*u, "\n") ? _(*u) : *u, stdout);
    *done = 1;
    return cli_flush_stdout();
  case 'V':
    printf("mtaudit %s\n", mta_version_string());
    *done = 1;
    return cli_flush_stdout();
  case OPT_LIST_RULES:
    o->list_rules = 1; /* after every option: --format may follow */
    break;
  case OPT_EXPLAIN:
    *done = 1;
    return S_explain(v);
  case 'f':
    if (S_format(v, &o->format))
      return cli_usage_error(
          "unknown format '%s' (text, json, jsonl, html, sarif, csv)", v);
    break;
  case 'o':
    if (!*v)
      return cli_usage_error("%s needs a value", name);
    o->output = v;
    break;
  case OPT_INPUT_FORMAT:
    o->opts.flags &= ~MTA_OPT_HTML;
    o->jsonl_in = 0;
    if (!strcmp(v, "jsonl"))
      o->jsonl_in = 1;
    else if (!strcmp(v, "html"))
      o->opts.flags |= MTA_OPT_HTML;
    else if (strcmp(v, "text"))
      return cli_usage_error("unknown input format '%s' (text, html, jsonl)",
                             v);
    break;
  case 'j': {
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < 1 || n > 256)
      return cli_usage_error("--jobs: '%s' is not a number from 1 to 256", v);
    o->jobs = n;
    break;
  }
  case OPT_CONFIG:
  case OPT_NO_CONFIG:
  case OPT_LANG:
    break; /* read by S_load_config() */
  case OPT_BASELINE:
  case OPT_WRITE_BASELINE:
    if (!*v)
      return cli_usage_error(_("%s needs a value"), name);
    if (c == OPT_BASELINE)
      o->baseline = v;
    else
      o->write_baseline = v;
    break;
  case OPT_VERBOSE:
    o->verbose = 1;
    break;
  case OPT_DISABLE:
  case OPT_ENABLE:
    if (!S_known_rule(v))
      return S_unknown_rule(c == OPT_ENABLE ? "--enable" : "--disable", v);
    if (S_add_rule(o, v, c == OPT_ENABLE))
      return cli_usage_error("%s", _("out of memory"));
    break;
  case OPT_COLOR:
    if (!strcmp(v, "auto"))
      o->color = -1;
    else if (!strcmp(v, "always"))
      o->color = 1;
    else if (!strcmp(v, "never"))
      o->color = 0;
    else
      return cli_usage_error("--color: '%s' is not auto, always or never", v);
    break;
  case OPT_NO_EXCERPT:
    o->no_excerpt = 1;
    break;
  case 'q':
    o->quiet = 1;
    break;
  case OPT_MIN_SEVERITY:
    if (mta_severity_parse(v, &o->opts.min_severity))
      return cli_usage_error(
          _("--min-severity: '%s' is not minor, major or critical"), v);
    o->opts.flags |= MTA_OPT_MIN_SEVERITY;
    break;
  case OPT_ERRORS:
    if (!strcmp(v, "exit"))
      o->errors_inline = 0;
    else if (!strcmp(v, "inline"))
      o->errors_inline = 1;
    else
      return cli_usage_error(_("--errors: '%s' is not exit or inline"), v);
    break;
  case OPT_FAIL_UNDER: {
    double d = strtod(v, &end);
    /* Plain decimal only: no "nan", "inf", hex or blanks; a score is
     * 0 to 100, as in the configuration file. */
    if (!*v || strspn(v, "0123456789.") != strlen(v) || *end)
      return cli_usage_error("--fail-under: '%s' is not a score", v);
    if (!(d >= 0 && d <= 100))
      return cli_usage_error("--fail-under: '%s' is out of range (0 to 100)",
                             v);
    o->opts.fail_under = d;
    break;
  }
  case OPT_FAIL_UNSCORED: {
    double d = strtod(v, &end);
    if (!*v || strspn(v, "0123456789.") != strlen(v) || *end)
      return cli_usage_error("--fail-unscored: '%s' is not a percentage", v);
    if (!(d >= 0 && d <= 100))
      return cli_usage_error("--fail-unscored: '%s' is out of range (0 to 100)",
                             v);
    o->opts.fail_unscored = d;
    o->opts.flags |= MTA_OPT_FAIL_UNSCORED;
    break;
  }
  case OPT_MIN_WORDS: {
    long n = strtol(v, &end, 10);
    if (!*v || strspn(v, "0123456789") != strlen(v) || *end || n > 1000000)
      return cli_usage_error(
          "--min-words: '%s' is not a number from 0 to 1000000", v);
    /* 0 and 1 alike: only an article without scored words has no score
     * (0 would mean the library's default). */
    o->opts.min_words = n ? (size_t)n : 1;
    break;
  }
  case OPT_FAIL_ON:
    if (mta_severity_parse(v, &o->opts.fail_on))
      return cli_usage_error("--fail-on: '%s' is not minor, major or critical",
                             v);
    o->opts.flags |= MTA_OPT_FAIL_ON;
    break;
  case OPT_ENCODING:
    o->opts.encoding = v;
    break;
  case OPT_SOURCE:
  case OPT_SOURCE_DIR:
    if (!*v)
      return cli_usage_error("%s needs a value", name);
    if (c == OPT_SOURCE)
      o->source = v;
    else
      o->source_dir = v;
    break;
  case OPT_DICT_DIR:
    o->opts.dict_dir = v;
    break;
  case OPT_DICT:
    if (cli_paths_add(&o->dicts, v))
      return cli_usage_error("%s", _("out of memory"));
    break;
  case OPT_NO_SPELL:
    o->opts.flags |= MTA_OPT_NO_SPELL;
    break;
  case OPT_SCORE_ALL:
    o->opts.flags |= MTA_OPT_SCORE_ALL;
    break;
  default: /* not in the tables: cannot happen */
    return cli_usage_error("unknown option '%s'", name);
  }
  return CLI_EXIT_PASS;
}

/* ---- all options ------------------------------------------------------ */

/* Parses 'argv' into 'o' with 'found' (taken) as the configuration found
 * when neither --config nor --no-config is given. */
static int S_parse(int argc, char **argv, struct cli_options *o, int *done,
                   char *found) {
  memset(o, 0, sizeof *o);
  o->color = -1;
  o->jobs = 1;
  o->found = found;
  *done = 0;
  int rc = S_load_config(argc, argv, o);
  if (rc)
    return rc;
  optind = 0;
  opterr = 0;
  for (;;) {
    int at = optind ? optind : 1; /* the argument getopt looks at */
    int c = getopt_long(argc, argv, S_shortopts, S_longopts, NULL);
    if (c == -1)
      break;
    char name[256];
    if (c == 1) { /* a path */
      if (cli_paths_add(&o->inputs, optarg))
        return cli_usage_error("%s", _("out of memory"));
      continue;
    }
    if (c == '?')
      return S_bad_option(argv[at], optopt);
    if (c == ':') {
      S_opt_name(argv[at], optopt, name, sizeof name);
      return cli_usage_error("%s needs a value", name);
    }
    S_opt_name(argv[at], c, name, sizeof name);
    if ((rc = S_option(o, c, optarg, name, done)) || *done)
      return rc;
  }
  for (int i = optind; i < argc; i++) /* after "--": paths only */
    if (cli_paths_add(&o->inputs, argv[i]))
      return cli_usage_error("%s", _("out of memory"));
  if (o->list_rules) {
    *done = 1;
    return S_list_rules(o->format);
  }
  if (o->inputs.n == 0)
    return cli_usage_error("%s", _("no input (give a file, a directory or -)"));
  if (o->format == MTA_FORMAT_HTML && !o->output)
    return cli_usage_error("%s", _("--format html needs -o DIR"));
  if (o->source && o->source_dir)
    return cli_usage_error("%s",
                           _("--source and --source-dir exclude each other"));
  struct stat sb;
  if (o->source_dir && (stat(o->source_dir, &sb) || !S_ISDIR(sb.st_mode)))
    return cli_usage_error(_("--source-dir: '%s' is not a directory"),
                           o->source_dir);
  if ((o->source || o->source_dir) && o->jsonl_in)
    return cli_usage_error("%s", _("JSON Lines records carry their original in "
                                   "\"source\": no --source or --source-dir"));
  o->opts.user_dicts = (const char *const *)o->dicts.v;
  o->opts.user_dict_count = o->dicts.n;
  o->opts.rule_settings = o->rules;
  o->opts.rule_setting_count = o->nrules;
  return CLI_EXIT_PASS;
}

int cli_options_parse(int argc, char **argv, struct cli_options *o, int *done) {
  int oom = 0;
  char *found = cli_config_find(".", &oom);
  if (oom) {
    memset(o, 0, sizeof *o);
    return cli_usage_error("%s", _("out of memory"));
  }
  return S_parse(argc, argv, o, done, found);
}

int cli_options_parse_with(int argc, char **argv, struct cli_options *o,
                           const char *config) {
  int done = 0;
  char *found = config ? strdup(config) : NULL;
  if (config && !found) {
    memset(o, 0, sizeof *o);
    return cli_usage_error("%s", _("out of memory"));
  }
  return S_parse(argc, argv, o, &done, found);
}

void cli_options_free(struct cli_options *o) {
  cli_paths_free(&o->inputs);
  cli_paths_free(&o->dicts);
  free(o->rules);
  mta_config_free(o->cfg);
  free(o->found);
  memset(o, 0, sizeof *o);
}
