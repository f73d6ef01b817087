/*
 * The auditor's layout, for auditor.c (and the tests that reach the
 * speller or lexicon of their auditor). The checks never include this:
 * they get a struct mtai_check_ctx.
 */
#ifndef MTAUDIT_AUDITOR_INT_H
#define MTAUDIT_AUDITOR_INT_H

#include "check.h"

struct mta_auditor {
  unsigned flags;
  char *dict_dir;
  char *encoding;
  struct mtai_gate gate;     /* fail_under, fail_on, min_words, ... */
  mta_severity min_severity; /* with MTA_OPT_MIN_SEVERITY */
  size_t max_doc;
  struct mtai_segmenter *seg;
  struct mtai_segmenter *seg_en; /* the English source's, made on first use */
  struct mtai_speller *speller;  /* NULL with MTA_OPT_NO_SPELL */
  struct mtai_lexicon *lexicon;
  struct mtai_classifier *classifier;
  struct mtai_toktab *toktab;     /* the token table of its documents */
  struct mtai_wordlists lists;    /* shared by the checks (cx.lists) */
  struct mtai_check_ctx cx;       /* what the checks may use */
  void **check_state;             /* one per registered check */
  struct mtai_rule_override *ovr; /* from mta_options.rule_settings */
  size_t novr;
  unsigned char *check_off; /* per check: every rule of it disabled */
  unsigned annotate;        /* MTAI_ANN_* for mtai_annotate() */
  mta_accept *acc;          /* mta_options.accepts, strings owned */
  size_t nacc;
  char *config_name; /* mta_options.config_name, or NULL */
  char errmsg[1024];
};

#endif
