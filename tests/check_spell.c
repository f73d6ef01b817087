/*
 * Tests of src/spell.c (the speller: verdicts, compound splitter, cache,
 * user words) and of the checks built on it: spelling/unknown
 * (src/check_spell.c) and consistency/name-variant (src/check_names.c).
 * They run on the real German and English Hunspell dictionaries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "auditor_int.h"
#include "spell_int.h"
#include "tests.h"

/* The auditor's speller (the shared test auditor has one). */
static struct mtai_speller *S_sp(void) {
  struct mtai_speller *sp = test_auditor()->speller;
  ck_assert_ptr_nonnull(sp);
  return sp;
}

static enum mtai_spell S_check(const char *w) {
  return mtai_speller_check(S_sp(), w, strlen(w));
}

/* ---- compound splitter -------------------------------------------------- */

/* Real compounds: the splitter alone must decompose each of them (most are
 * in the dictionary too; the first ones are not, which is why the splitter
 * exists). */
static const char *const S_compounds[] = {"Interkontinentalraketentests",
                                          "Waffenstillstandsgespr\xC3\xA4"
                                          "chen",
                                          "Kryptow\xC3\xA4hrungsb\xC3\xB6rsen",
                                          "Kryptow\xC3\xA4hrung",
                                          "Hyperschallraketen",
                                          "Sanktionspaket",
                                          "raketengest\xC3\xBCtzten",
                                          "heraushandeln",
                                          "Drohnenabwehrsystem",
                                          "Drohnenhersteller",
                                          "Waffenstillstandsverhandlungen",
                                          "Energiesicherheitsstrategie",
                                          "R\xC3\xBCstungsexportkontrollgesetz",
                                          "Munitionsfabriken",
                                          "Artilleriegeschosse",
                                          "Raketenprogramme",
                                          "Atomwaffenprogramm",
                                          "Verteidigungsministerium",
                                          "Kriegswirtschaft",
                                          "Nachschubbasis",
                                          "Milit\xC3\xA4rgeheimdienst",
                                          "Luftabwehrraketen",
                                          "Panzerabwehrraketen",
                                          "Spionagesatelliten",
                                          "Sicherheitsratsresolutionen",
                                          "Wirtschaftssanktionen",
                                          "Fl\xC3\xBC"
                                          "chtlingsunterk\xC3\xBCnfte",
                                          "Grenzschutzbeamte",
                                          "Bundeswehrstandort",
                                          "Gasversorgungsengp\xC3\xA4sse",
                                          "Stromnetzbetreiber",
                                          "Klimaschutzprogramm",
                                          "Datenschutzbeauftragte",
                                          "Cyberangriffe",
                                          "Nuklearwaffenarsenal",
                                          "Drohnenangriffe",
                                          "Satellitenaufnahmen",
                                          "Friedensverhandlungen",
                                          "Wiederaufbaukonferenz",
                                          "Haushaltsdefizit",
                                          "Zinserh\xC3\xB6hungen",
                                          "Rentenversicherungsbeitr"
                                          "\xC3\xA4ge",
                                          "Kohleausstiegsgesetz",
                                          "Windkraftanlagenbetreiber",
                                          "Lieferkettengesetz",
                                          "Koalitionsverhandlungen",
                                          "Bundestagsabgeordnete",
                                          "Oppositionsf\xC3\xBChrerin",
                                          "Wahlkampfauftakt",
                                          "Gesundheitsministerin",
                                          "Pflegeversicherung",
                                          "Getreideexporte",
                                          "Schwarzmeerh\xC3\xA4"
                                          "fen",
                                          "Raketenabwehrsystem",
                                          "Marinest\xC3\xBCtzpunkt",
                                          "Munitionslieferungen",
                                          "Wasserstoffstrategie",
                                          "Impfstoffhersteller",
                                          "Energiepreisbremse",
                                          "Wehrpflichtdebatte",
                                          "Satellitenstartplatz",
                                          "Spionageballon"};

/* Typos, also inside compounds: never accepted. */
static const char *const S_nonwords[] = {"Regirung",
                                         "Bundeskanzlerr",
                                         "Wirtschfat",
                                         "Ministarium",
                                         "Komission",
                                         "Gesprache",
                                         "Munitionsfabrick",
                                         "Flugzeugtr\xC3\xA4gerr",
                                         "Sanktioenn",
                                         "Au\xC3\x9F"
                                         "enmnister",
                                         "Raketenprogrammm",
                                         "Abgeordnetn",
                                         "Parlamant",
                                         "Bundesverfassungsgerciht",
                                         "Energieversorgnug",
                                         "Sicherheitsrta",
                                         "Truppenabzgu",
                                         "Friedensverhandlugnen",
                                         "Atomwafen",
                                         "Milit\xC3\xA4rhilef",
                                         "Verteidigungsministerum",
                                         "Waffenstilstand",
                                         "Kriegswirtschaf",
                                         "beschlosen",
                                         "regirungsnah"};

START_TEST(splitter_decomposes_compounds) {
  size_t n = sizeof S_compounds / sizeof S_compounds[0];
  ck_assert_uint_ge(n, 40);
  for (size_t i = 0; i < n; i++) {
    const char *w = S_compounds[i];
    ck_assert_msg(mtai_speller_split(S_sp(), w, strlen(w)),
                  "splitter rejects compound '%s'", w);
    ck_assert_msg(S_check(w) != MTAI_SPELL_UNKNOWN, "'%s' is unknown", w);
  }
}
END_TEST

START_TEST(splitter_rejects_nonwords) {
  size_t n = sizeof S_nonwords / sizeof S_nonwords[0];
  ck_assert_uint_ge(n, 20);
  for (size_t i = 0; i < n; i++) {
    const char *w = S_nonwords[i];
    ck_assert_msg(S_check(w) == MTAI_SPELL_UNKNOWN,
                  "non-word '%s' accepted (verdict %d)", w, (int)S_check(w));
  }
}
END_TEST

START_TEST(splitter_needs_real_parts) {
  /* Too short to split, or parts that are not words. */
  ck_assert(!mtai_speller_split(S_sp(), "Eiei", 4));
  ck_assert(!mtai_speller_split(S_sp(), "Xyzqwertz", 9));
  ck_assert(!mtai_speller_split(S_sp(), "Haus", 4));
  /* Linking elements: -s-, -es-, -n-, -en-, -er-, -e-. */
  ck_assert(mtai_speller_split(S_sp(), "Arbeitsmarkt", 12));
  ck_assert(mtai_speller_split(S_sp(), "Kinderwagen", 11));
  ck_assert(mtai_speller_split(S_sp(), "Tageszeitung", 12));
  ck_assert(mtai_speller_split(S_sp(), "Sonnenschein", 12));
}
END_TEST

/* 'unit' 'k' times between 'pre' and 'post', in a new string. */
static char *S_repeat(const char *pre, const char *unit, size_t k,
                      const char *post) {
  size_t pl = strlen(pre), ul = strlen(unit), tl = strlen(post);
  char *s = malloc(pl + ul * k + tl + 1);
  ck_assert_ptr_nonnull(s);
  memcpy(s, pre, pl);
  for (size_t i = 0; i < k; i++)
    memcpy(s + pl + i * ul, unit, ul);
  memcpy(s + pl + ul * k, post, tl + 1);
  return s;
}

/* Garbage tokens (CMS exports) whose every prefix is a word -- Hunspell
 * accepts every number -- made the splitter try every split: "sieh" + 150
 * digits + "e" took a minute, each ten more digits about twice as long.
 * The work one token may cost (dictionary look-ups and search steps, for
 * the verdict, the typo test and the suggestions) is now linear in its
 * length. A deterministic bound, not a time: the naive search spent 1,325
 * steps on 20 digits, 196,577 on 40 and 2,560,811 on 60 (39,000 a byte),
 * and would not finish here within the test's timeout. */
START_TEST(splitter_work_is_linear) {
  struct mtai_speller *sp = S_sp();
  char *tokens[] = {
      S_repeat("sieh", "1", 60, "e"),    S_repeat("sieh", "1", 150, "e"),
      S_repeat("sieh", "1", 194, "e"),   S_repeat("Sieh", "7", 120, "e"),
      S_repeat("", "bcdfg", 1000, ""),   S_repeat("", "bcdfg", 39, ""),
      S_repeat("", "1a", 150, ""),       S_repeat("", "1a", 99, ""),
      S_repeat("", "Haus", 250, ""),     S_repeat("", "Haus", 49, ""),
      S_repeat("", "haus", 49, "x"),     S_repeat("Haus", "haus", 40, "xq"),
      S_repeat("", "Sieh111e-", 40, ""), S_repeat("", "Haus-", 200, "x"),
      S_repeat("", "ab", 32, ""),
  };
  for (size_t i = 0; i < sizeof tokens / sizeof tokens[0]; i++) {
    const char *w = tokens[i];
    size_t n = strlen(w);
    unsigned long before = mtai_speller_work(sp);
    enum mtai_spell v = mtai_speller_check(sp, w, n);
    mtai_speller_german_typo(sp, w, n);
    mtai_speller_split(sp, w, n);
    const char *list, *first;
    ck_assert_int_eq(mtai_speller_suggest(sp, w, n, &list, &first), MTA_OK);
    unsigned long work = mtai_speller_work(sp) - before;
    ck_assert_msg(work <= 2500 * n,
                  "%.12s... (%zu bytes, verdict %d): work %lu", w, n, (int)v,
                  work);
    ck_assert_int_ne(v, MTAI_SPELL_KNOWN);
  }
  for (size_t i = 0; i < sizeof tokens / sizeof tokens[0]; i++)
    free(tokens[i]);
}
END_TEST

/* ---- verdicts ----------------------------------------------------------- */

START_TEST(verdict_hyphenated) {
  /* Every part a word or a capitalized (name-like) part. */
  ck_assert_int_eq(S_check("Suchoi-Kampfflugzeuge"), MTAI_SPELL_COMPOUND);
  ck_assert_int_eq(S_check("Kyungnam-Universit\xC3\xA4t"), MTAI_SPELL_COMPOUND);
  ck_assert_int_ne(S_check("UN-Sicherheitsrates"), MTAI_SPELL_UNKNOWN);
  ck_assert_int_ne(S_check("Nordkorea-Experte"), MTAI_SPELL_UNKNOWN);
  ck_assert_int_ne(S_check("152-Millimeter-Artilleriegeschosse"),
                   MTAI_SPELL_UNKNOWN);
  ck_assert_int_eq(S_check("Kasatschenko-Drohnenschw\xC3\xA4rme"),
                   MTAI_SPELL_COMPOUND);
  ck_assert_int_ne(S_check("S\xC3\xBC"
                           "d-"),
                   MTAI_SPELL_UNKNOWN);
  /* A lower-case part that is no word. */
  ck_assert_int_eq(S_check("neo-kalten"), MTAI_SPELL_UNKNOWN);
  ck_assert_int_eq(S_check("Kampf-Flugzeugee"), MTAI_SPELL_UNKNOWN);
  /* Korean and Chinese given names. */
  ck_assert_int_eq(S_check("Kil-joo"), MTAI_SPELL_NAME_LIKE);
  ck_assert_int_eq(S_check("Byong-chul"), MTAI_SPELL_NAME_LIKE);
}
END_TEST

START_TEST(verdict_names_and_foreign) {
  ck_assert_int_eq(S_check("Pj\xC3\xB6ngjang"), MTAI_SPELL_NAME);
  ck_assert_int_eq(S_check("Schoigu"), MTAI_SPELL_NAME);
  /* 'ğ' is not Latin-1: the dictionary cannot hold it. */
  ck_assert_int_eq(S_check("Do\xC4\x9F"
                           "ukan"),
                   MTAI_SPELL_FOREIGN);
  ck_assert_int_eq(S_check("Regierung"), MTAI_SPELL_KNOWN);
}
END_TEST

START_TEST(verdict_is_cached) {
  /* The same answer twice, and the suggestions are computed once: the
   * second call returns the same cached string. */
  const char *l1, *f1, *l2, *f2;
  ck_assert_int_eq(S_check("Regirung"), MTAI_SPELL_UNKNOWN);
  ck_assert_int_eq(mtai_speller_suggest(S_sp(), "Regirung", 8, &l1, &f1),
                   MTA_OK);
  ck_assert_int_eq(mtai_speller_suggest(S_sp(), "Regirung", 8, &l2, &f2),
                   MTA_OK);
  ck_assert_ptr_eq(l1, l2);
  ck_assert_pstr_eq(f1, "Regierung");
}
END_TEST

START_TEST(english_dictionary) {
  ck_assert(mtai_speller_english(S_sp(), "source", 6));
  ck_assert(mtai_speller_english(S_sp(), "site", 4));
  ck_assert(!mtai_speller_english(S_sp(), "Regirung", 8));
}
END_TEST

START_TEST(user_word_lists) {
  char path[] = "/tmp/mtaudit-words-XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  const char *words = "# my words\nXylofonk\n  Wezemanns  \n\n";
  ck_assert_int_eq(write(fd, words, strlen(words)), (ssize_t)strlen(words));
  close(fd);
  const char *dicts[] = {path};
  mta_options o;
  memset(&o, 0, sizeof o);
  o.user_dicts = dicts;
  o.user_dict_count = 1;
  mta_auditor *a = NULL;
  ck_assert_int_eq(mta_auditor_new(&o, &a, NULL), MTA_OK);
  ck_assert_int_eq(mtai_speller_check(a->speller, "Xylofonk", 8),
                   MTAI_SPELL_USER);
  ck_assert_int_eq(mtai_speller_check(a->speller, "Wezemanns", 9),
                   MTAI_SPELL_USER);
  mta_auditor_free(a);
  unlink(path);
  /* A missing list is an error at start-up naming the file. */
  char *why = NULL;
  ck_assert_int_eq(mta_auditor_new(&o, &a, &why), MTA_ERR_IO);
  ck_assert_ptr_null(a);
  ck_assert_ptr_nonnull(strstr(why, path));
  mta_free(why);
}
END_TEST

/* mtai_speller_known() answers as mtai_speller_check() == KNOWN, without
 * the near-miss guard: the guard of a compound runs at the first full
 * verdict asked after it (its work is counted then), and the verdict is
 * the one a speller that never took the short way gives. */
START_TEST(known_leaves_guard_to_full_verdict) {
  struct mtai_speller *sp = NULL;
  char err[512];
  ck_assert_int_eq(mtai_speller_new(NULL, NULL, 0, &sp, err, sizeof err),
                   MTA_OK);
  static const char *const words[] = {
      "Kriegswirtschaf", "Waffenstilstand", "Kriegswirtschaft", "Regierung",
      "Regirung",        S_compounds[0],    S_compounds[1],     S_compounds[2]};
  int guarded = 0;
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    const char *w = words[i];
    size_t n = strlen(w);
    int known = mtai_speller_known(sp, w, n);
    unsigned long before = mtai_speller_work(sp);
    enum mtai_spell v = mtai_speller_check(sp, w, n);
    unsigned long guard_work = mtai_speller_work(sp) - before;
    ck_assert_msg(v == S_check(w), "'%s': %d after known(), %d directly", w,
                  (int)v, (int)S_check(w));
    ck_assert_int_eq(known, v == MTAI_SPELL_KNOWN);
    ck_assert_int_eq(mtai_speller_known(sp, w, n), known);
    if (!strcmp(w, "Kriegswirtschaf")) {
      ck_assert_int_eq(v, MTAI_SPELL_UNKNOWN); /* by the guard */
      ck_assert_uint_gt(guard_work, 100);
      guarded = 1;
    }
  }
  ck_assert(guarded);
  ck_assert_int_eq(mtai_speller_take_error(sp), MTA_OK);
  mtai_speller_free(sp);
}
END_TEST

/* The speculative pass (mtai_speller_speculate()) runs while the German
 * dictionary loads: a speller whose dictionaries were never started
 * speculates on the whole document (it loads the model and the English
 * dictionary itself, the German one only at the first real question). It
 * keeps no verdict, records the model's answers, which the real pass then
 * reads, and changes no answer: every verdict and English answer equals
 * that of the test auditor's speller, which never speculated on these. */
START_TEST(speculation_changes_no_answer) {
  struct mtai_speller *sp = NULL;
  char err[512];
  ck_assert_int_eq(mtai_speller_new(NULL, NULL, 0, &sp, err, sizeof err),
                   MTA_OK);
  struct mtai_toktab *t;
  ck_assert_int_eq(mtai_toktab_new(&t), MTA_OK);
  struct mtai_doc d;
  test_words_doc(&d, "Mr. Kim sagte Regierung Regirung Kriegswirtschaf "
                     "Kriegswirtschaft Waffenstilstand definitiveren "
                     "Wostochny Suchoi-Kampfflugzeuge Leave a Reply "
                     "Interkontinentalraketentests raketengest\xC3\xBC"
                     "tzten Regierung heraushandeln 42 .");
  ck_assert_int_eq(mtai_toktab_fill(t, &d), MTA_OK);
  mtai_speller_speculate(sp, &d);
  ck_assert_uint_gt(sp->mmemo.count, 100);
  ck_assert_uint_eq(sp->d->gen->cache.count, 0); /* no verdict kept */
  ck_assert_uint_eq(sp->parts.count, 0);
  ck_assert_ptr_null(sp->d->de.h); /* not loaded yet */
  for (size_t i = 0; i < d.ntok; i++) {
    if (!mtai_tok_id(&d, i))
      continue;
    const char *w = d.text + d.toks[i].start;
    size_t n = d.toks[i].end - d.toks[i].start;
    enum mtai_spell v = mtai_tok_spell(sp, &d, i);
    ck_assert_msg(v == mtai_speller_check(S_sp(), w, n),
                  "'%.*s': %d after speculation, %d without", (int)n, w, (int)v,
                  (int)mtai_speller_check(S_sp(), w, n));
    ck_assert_int_eq(mtai_tok_english(sp, &d, i),
                     mtai_speller_english(S_sp(), w, n));
    ck_assert_int_eq(mtai_tok_english_lc(sp, &d, i),
                     mtai_speller_english_lc(S_sp(), w, n));
  }
  ck_assert_uint_gt(sp->mmemo_hits, 50); /* the real pass read the memo */
  ck_assert_int_eq(mtai_speller_take_error(sp), MTA_OK);
  /* Emptied before the next document; loaded now, nothing to work ahead. */
  mtai_speller_trim(sp);
  ck_assert_uint_eq(sp->mmemo.count, 0);
  mtai_toktab_release(&d);
  mtai_doc_clear(&d);
  test_words_doc(&d, "Panzerhaubitzen Regierung");
  ck_assert_int_eq(mtai_toktab_fill(t, &d), MTA_OK);
  mtai_speller_speculate(sp, &d);
  ck_assert_uint_eq(sp->mmemo.count, 0);
  mtai_toktab_release(&d);
  mtai_doc_clear(&d);
  mtai_toktab_free(t);
  mtai_speller_free(sp);
}
END_TEST

/* Loads a speller with the user word list 'path'; returns the status, the
 * message in 'err' and the speller in '*out' (NULL on failure). */
static mta_status S_user_list(const char *path, struct mtai_speller **out,
                              char *err, size_t errsz) {
  const char *lists[] = {path};
  err[0] = '\0';
  return mtai_speller_new(NULL, lists, 1, out, err, errsz);
}

/* Writes s[0..n) to a new temporary file; its name goes to 'path'. */
static void S_temp_list(char *path, const char *s, size_t n) {
  strcpy(path, "/tmp/mtaudit-words-XXXXXX");
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  ck_assert_int_eq(write(fd, s, n), (ssize_t)n);
  close(fd);
}

/* A word list must be a regular file: /dev/zero was read forever and a
 * FIFO blocked start-up. */
START_TEST(user_list_must_be_regular) {
  struct mtai_speller *sp = NULL;
  char err[512], dir[] = "/tmp/mtaudit-fifo-XXXXXX", fifo[600];
  ck_assert_int_eq(S_user_list("/dev/zero", &sp, err, sizeof err), MTA_ERR_IO);
  ck_assert_ptr_null(sp);
  ck_assert_str_eq(err, "/dev/zero: word list is not a regular file");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(fifo, sizeof fifo, "%s/words", dir);
  ck_assert_int_eq(mkfifo(fifo, 0600), 0);
  ck_assert_int_eq(S_user_list(fifo, &sp, err, sizeof err), MTA_ERR_IO);
  ck_assert_ptr_nonnull(strstr(err, fifo));
  unlink(fifo);
  ck_assert_int_eq(S_user_list(dir, &sp, err, sizeof err), MTA_ERR_IO);
  ck_assert_ptr_nonnull(strstr(err, "not a regular file"));
  rmdir(dir);
  /* Above 16 MiB (a sparse file: refused before it is read). */
  char path[64];
  S_temp_list(path, "", 0);
  ck_assert_int_eq(truncate(path, 16 * 1024 * 1024 + 1), 0);
  ck_assert_int_eq(S_user_list(path, &sp, err, sizeof err), MTA_ERR_TOO_LARGE);
  ck_assert_ptr_nonnull(strstr(err, "larger than 16777216 bytes"));
  unlink(path);
}
END_TEST

/* Lines of any length: a 1,024-byte word whose last character ('ä') spans
 * bytes 1,022 and 1,023 was cut by a 1,024-byte line buffer and reported
 * as "not UTF-8"; a long comment is fine; a longer word, or a NUL byte, is
 * an error naming the line. */
START_TEST(user_list_long_lines) {
  size_t n = 5000;
  char *text = malloc(n + 64), path[64], err[512];
  ck_assert_ptr_nonnull(text);
  memset(text, 'a', 1022);
  memcpy(text + 1022, "\xC3\xA4\n# ", 5);
  memset(text + 1027, '#', 3000);
  strcpy(text + 4027, "\nQuarkelbrunz\n");
  S_temp_list(path, text, strlen(text));
  struct mtai_speller *sp = NULL;
  ck_assert_int_eq(S_user_list(path, &sp, err, sizeof err), MTA_OK);
  ck_assert_int_eq(mtai_speller_check(sp, text, 1024), MTAI_SPELL_USER);
  ck_assert_int_eq(mtai_speller_check(sp, "Quarkelbrunz", 12), MTAI_SPELL_USER);
  mtai_speller_free(sp);
  unlink(path);
  /* 1,025 bytes on line 2. */
  memcpy(text, "Wort\n", 5);
  memset(text + 5, 'b', 1025);
  strcpy(text + 1030, "\n");
  S_temp_list(path, text, strlen(text));
  char want[600];
  snprintf(want, sizeof want, "%s:2: word longer than 1024 bytes", path);
  ck_assert_int_eq(S_user_list(path, &sp, err, sizeof err), MTA_ERR_DICT);
  ck_assert_ptr_null(sp);
  ck_assert_str_eq(err, want);
  unlink(path);
  /* A NUL byte on line 3. */
  S_temp_list(path, "eins\nzwei\ndr\0ei\n", 16);
  snprintf(want, sizeof want, "%s:3: NUL byte", path);
  ck_assert_int_eq(S_user_list(path, &sp, err, sizeof err), MTA_ERR_ENCODING);
  ck_assert_str_eq(err, want);
  unlink(path);
  free(text);
}
END_TEST

/* Out of memory in the speller is an error, never a verdict: with the
 * test hook failing its allocations, the status form says
 * MTA_ERR_NOMEM, the plain form records it for the auditor, and an audit
 * fails with MTA_ERR_NOMEM instead of reporting an unknown word; nothing
 * wrong is cached. */
START_TEST(out_of_memory_is_an_error) {
  mta_auditor *a = test_auditor();
  struct mtai_speller *sp = S_sp();
  const char *w = "Qxzvbrandneuwort";
  enum mtai_spell v = MTAI_SPELL_KNOWN;
  ck_assert_int_eq(mtai_speller_take_error(sp), MTA_OK);
  mtai_speller_fail_after(sp, 0);
  ck_assert_int_eq(mtai_speller_verdict(sp, w, strlen(w), &v), MTA_ERR_NOMEM);
  ck_assert_int_eq(v, MTAI_SPELL_UNKNOWN);
  ck_assert_int_eq(mtai_speller_take_error(sp), MTA_ERR_NOMEM);
  ck_assert_int_eq(mtai_speller_take_error(sp), MTA_OK);
  mtai_speller_check(sp, w, strlen(w));
  ck_assert_int_eq(mtai_speller_take_error(sp), MTA_ERR_NOMEM);
  const char *text = "Das ist ein Qxzvbrandneuwortzwei.\n";
  mta_report *r = NULL;
  ck_assert_int_eq(mta_audit_buffer(a, "oom", text, strlen(text), &r),
                   MTA_ERR_NOMEM);
  ck_assert_ptr_null(r);
  /* Suggestions of a hyphenated word: one allocation, then failure. */
  const char *list, *first;
  mtai_speller_fail_after(sp, -1);
  mtai_speller_check(sp, "Kampf-Flugzeugee", 16);
  mtai_speller_fail_after(sp, 1);
  mta_status st =
      mtai_speller_suggest(sp, "Kampf-Flugzeugee", 16, &list, &first);
  ck_assert(st == MTA_OK || st == MTA_ERR_NOMEM);
  mtai_speller_fail_after(sp, -1);
  mtai_speller_take_error(sp);
  ck_assert_int_eq(mtai_speller_verdict(sp, w, strlen(w), &v), MTA_OK);
  ck_assert_int_eq(v, MTAI_SPELL_UNKNOWN);
  ck_assert_int_eq(
      mtai_speller_suggest(sp, "Kampf-Flugzeugee", 16, &list, &first), MTA_OK);
  ck_assert_int_eq(mta_audit_buffer(a, "oom", text, strlen(text), &r), MTA_OK);
  ck_assert_ptr_nonnull(r);
  mta_report_free(r);
  ck_assert_int_eq(mtai_speller_take_error(sp), MTA_OK);
}
END_TEST

/* Suggestions come from our own candidates, ranked (not from Hunspell's
 * suggest(), whose time limits made them vary with the load): the same
 * list every time, the likely correction first. */
START_TEST(suggestions_ranked) {
  static const struct {
    const char *word, *first;
  } cases[] = {
      {"beschlosen", "beschlossen"},
      {"verscharfen", "versch\xC3\xA4rfen"},
      {"gel\xC3\xB6sst", "gel\xC3\xB6st"},
      {"regierung", "Regierung"},
      {"strasse", "Stra\xC3\x9F"
                  "e"},
      {"Regirung", "Regierung"},
      {"Wirtschfat", "Wirtschaft"},
      /* A character the dictionary lacks: only deleting or replacing it
       * can make a word, the other candidates are not looked up. */
      {"Regierung\xC3\x83", "Regierung"},
      {"Reg\xC3\x83"
       "erung",
       "Regierung"},
      {"beschlo\xC2\xA4sen", "beschlossen"},
      /* The near-miss guard's look-ups serve the suggestions too. */
      {"Waffenstilstand", "Waffenstillstand"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *w = cases[i].word, *list, *first;
    ck_assert_int_eq(mtai_speller_suggest(S_sp(), w, strlen(w), &list, &first),
                     MTA_OK);
    ck_assert_msg(first && !strcmp(first, cases[i].first),
                  "'%s': first suggestion '%s' (list '%s'), expected '%s'", w,
                  first ? first : "(none)", list, cases[i].first);
  }
}
END_TEST

/* ---- the spelling check ------------------------------------------------- */

/* Finding of 'rule' covering exactly 'text' in audit of 's', or -1. */
static long S_find_text(const mta_report *r, const char *s, const char *rule,
                        const char *text, mta_finding_info *out) {
  mta_finding_info fi;
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    mta_report_finding(r, i, &fi);
    if (!strcmp(fi.rule, rule) && fi.end - fi.start == strlen(text) &&
        !memcmp(s + fi.start, text, fi.end - fi.start)) {
      if (out)
        *out = fi;
      return (long)i;
    }
  }
  return -1;
}

START_TEST(spell_lowercase_typo_is_major) {
  const char *s = "Die Regierung hat das Gesetz beschlosen.\n";
  mta_report *r = test_audit(s);
  mta_finding_info fi;
  ck_assert_int_ge(S_find_text(r, s, "spelling/unknown", "beschlosen", &fi), 0);
  ck_assert_int_eq(fi.severity, MTA_SEV_MAJOR);
  ck_assert_pstr_eq(fi.suggestion, "beschlossen");
  mta_report_free(r);
}
END_TEST

START_TEST(spell_capitalized_unknown_is_minor) {
  const char *s = "Die Regirung hat das Gesetz beschlossen.\n";
  mta_report *r = test_audit(s);
  mta_finding_info fi;
  ck_assert_int_ge(S_find_text(r, s, "spelling/unknown", "Regirung", &fi), 0);
  ck_assert_int_eq(fi.severity, MTA_SEV_MINOR);
  ck_assert_pstr_eq(fi.suggestion, "Regierung");
  mta_report_free(r);
}
END_TEST

START_TEST(spell_names_are_not_errors) {
  const char *cases[] = {
      /* after a title */
      "Das sagte Herr Wezeman am Montag.\n",
      "Gestern sprach Professor Easleyk in Seoul.\n",
      /* a multi-word name of unknown words, with a middle initial */
      "Das sagte Siemon T. Wezeman am Montag.\n",
      "Das sagte Leif-Eric Easley am Montag.\n",
      /* repeated in the article */
      "Wezeman kam.\n\nDann sprach Wezeman lange.\n",
      /* Korean given names */
      "Das sagte Ban Kil-joo in Seoul.\n",
      /* dict/names.txt */
      "Schoigu reiste nach Pj\xC3\xB6ngjang.\n",
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    mta_report *r = test_audit(cases[i]);
    ck_assert_msg(test_count_rule(r, "spelling/unknown") == 0,
                  "spelling finding in '%s'", cases[i]);
    mta_report_free(r);
  }
}
END_TEST

START_TEST(spell_skips_non_words) {
  const char *s =
      "Die 155-mm-Granaten kosten 4,5 Mio. Euro, rund 20 km/h, siehe "
      "www.beispiel.de, #Wahlkampf, info@beispiel.de, NATO und SIPRI, "
      "bzw. ca. z.B. ggf.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "spelling/unknown"), 0);
  mta_report_free(r);
}
END_TEST

START_TEST(spell_english_word_has_no_german_suggestion) {
  /* English words are left to the english-leftover checks ... */
  const char *s = "Mehr dazu auf der source site, for the record.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "spelling/unknown"), 0);
  ck_assert_int_ge(
      S_find_text(r, s, "english-leftover/phrase", "source site", NULL), 0);
  ck_assert_int_ge(
      S_find_text(r, s, "english-leftover/word", "for the record", NULL), 0);
  mta_report_free(r);
  /* ... but a German typo that happens to be an English word is a typo. */
  const char *t = "Die Zeit wird knap.\n";
  r = test_audit(t);
  mta_finding_info fi;
  ck_assert_int_ge(S_find_text(r, t, "spelling/unknown", "knap", &fi), 0);
  ck_assert_uint_eq(test_count_rule(r, "english-leftover/word"), 0);
  mta_report_free(r);
}
END_TEST

/* Severity follows the evidence: a lower-case unknown word is major only
 * when a German word is close (a suggestion: one edit, case, REP);
 * without one it is a rare or new word, minor. Capitalized: minor. */
START_TEST(spell_severity_follows_evidence) {
  static const struct {
    const char *text, *word;
    mta_severity sev;
  } cases[] = {
      {"Die Musik war polyrhythmisch und laut.\n", "polyrhythmisch",
       MTA_SEV_MINOR},
      {"Die regierung tagte lange.\n", "regierung", MTA_SEV_MAJOR},
      {"Sie trafen sich inzwischn wieder.\n", "inzwischn", MTA_SEV_MAJOR},
      {"Das Bottomonium zerf\xC3\xA4llt schnell.\n", "Bottomonium",
       MTA_SEV_MINOR},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    mta_report *r = test_audit(cases[i].text);
    mta_finding_info fi;
    ck_assert_msg(S_find_text(r, cases[i].text, "spelling/unknown",
                              cases[i].word, &fi) >= 0,
                  "'%s' not reported", cases[i].word);
    ck_assert_msg(fi.severity == cases[i].sev, "'%s': severity %d",
                  cases[i].word, (int)fi.severity);
    mta_report_free(r);
  }
}
END_TEST

/* German inflections of English verbs German uses, and particle verbs
 * and un- adjectives the dictionary lacks, are words; typos that merely
 * look like them are not. English words as a whole stay unknown (the
 * english-leftover checks' business). */
START_TEST(spell_german_word_formation) {
  const char *good =
      "Sie hat das Foto gelikt, er hat es geliked und gepostet. Das Spiel "
      "wurde gestreamt, der Flug gecancelt, die Bilder waren gefakt. Wir "
      "shoppen gern, er hat das Lied geskippt und gechillt. Sie sah die "
      "Ballons her\xC3\xBC"
      "berschweben und davonschweben, die V\xC3\xB6gel "
      "entgegenflattern. Das Bild war ungef\xC3\xA4lschter als gedacht.\n";
  mta_report *r = test_audit(good);
  ck_assert_uint_eq(test_count_rule(r, "spelling/unknown"), 0);
  mta_report_free(r);
  static const struct {
    const char *text, *word, *suggestion;
  } typos[] = {
      /* the German verb "planen" exists: a doubling typo, not "plan" */
      {"Der Plan war gut geplannt.\n", "geplannt", "geplant"},
      /* "mace" is English, but German writes no e-less "c" stem */
      {"Er hat es gemact.\n", "gemact", "gemacht"},
      /* a noun in lower case, not a particle verb */
      {"Der zusammenhalt ist gut.\n", "zusammenhalt", "Zusammenhalt"},
      /* a short particle or "un" with a word one edit away */
      {"Wir ungehen das Problem.\n", "ungehen", "umgehen"},
      /* a typo in the verb after the particle */
      {"Sie sah sie her\xC3\xBC"
       "berschwben.\n",
       "her\xC3\xBC"
       "berschwben",
       NULL},
  };
  for (size_t i = 0; i < sizeof typos / sizeof typos[0]; i++) {
    r = test_audit(typos[i].text);
    mta_finding_info fi;
    ck_assert_msg(S_find_text(r, typos[i].text, "spelling/unknown",
                              typos[i].word, &fi) >= 0,
                  "'%s' not reported", typos[i].word);
    ck_assert_int_eq(fi.severity, MTA_SEV_MAJOR);
    if (typos[i].suggestion)
      ck_assert_pstr_eq(fi.suggestion, typos[i].suggestion);
    mta_report_free(r);
  }
  ck_assert_int_eq(S_check("posted"), MTAI_SPELL_UNKNOWN);
  ck_assert_int_eq(S_check("streaming"), MTAI_SPELL_UNKNOWN);
  ck_assert_int_eq(S_check("liken"), MTAI_SPELL_UNKNOWN);
}
END_TEST

/* Interjections and onomatopoeia are not misspellings; a drawn-out word
 * that stays unknown is minor; a single unknown word is still reported. */
START_TEST(spell_interjections_and_onomatopoeia) {
  const char *good =
      "Hm, das wei\xC3\x9F ich nicht. \xC3\x84hm, vielleicht. Hmmm! Bumm! "
      "Neeein, sagte er. Das ist doch blabla. Es machte plong, plong, plong.\n";
  mta_report *r = test_audit(good);
  ck_assert_uint_eq(test_count_rule(r, "spelling/unknown"), 0);
  mta_report_free(r);
  const char *bad = "Dann machte es plong. Aaaargh, rief er.\n";
  r = test_audit(bad);
  mta_finding_info fi;
  ck_assert_int_ge(S_find_text(r, bad, "spelling/unknown", "plong", &fi), 0);
  ck_assert_int_ge(S_find_text(r, bad, "spelling/unknown", "Aaaargh", &fi), 0);
  ck_assert_int_eq(fi.severity, MTA_SEV_MINOR);
  mta_report_free(r);
}
END_TEST

/* A name or term used consistently is not reported, its inflected forms
 * the dictionary lacks included; used once it is (minor). */
START_TEST(spell_consistent_term_inflected) {
  const char *s = "Das Quarkoniom zerf\xC3\xA4llt. Die Masse des Quarkonioms "
                  "ist gro\xC3\x9F.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "spelling/unknown"), 0);
  mta_report_free(r);
  const char *t =
      "Das Quarkoniom zerf\xC3\xA4llt. Die Masse ist gro\xC3\x9F.\n";
  r = test_audit(t);
  mta_finding_info fi;
  ck_assert_int_ge(S_find_text(r, t, "spelling/unknown", "Quarkoniom", &fi), 0);
  ck_assert_int_eq(fi.severity, MTA_SEV_MINOR);
  mta_report_free(r);
  /* A known word is no inflected form of a typo: "Koalitio" is reported
   * next to "Koalition". */
  const char *u = "Die Koalitio streitet. Die Koalition h\xC3\xA4lt.\n";
  r = test_audit(u);
  ck_assert_int_ge(S_find_text(r, u, "spelling/unknown", "Koalitio", NULL), 0);
  mta_report_free(r);
}
END_TEST

/* ---- name variants ------------------------------------------------------ */

START_TEST(names_transliteration_variant) {
  const char *s = "Verteidigungsminister Sergej Schoigu kam.\n\n"
                  "Dann sprach Herr Shoigu.\n";
  mta_report *r = test_audit(s);
  mta_finding_info fi;
  ck_assert_uint_eq(test_count_rule(r, "consistency/name-variant"), 1);
  ck_assert_int_ge(S_find_text(r, s, "consistency/name-variant", "Shoigu", &fi),
                   0);
  ck_assert_pstr_eq(fi.suggestion, "Schoigu");
  ck_assert_int_eq(fi.severity, MTA_SEV_MINOR);
  mta_report_free(r);
}
END_TEST

START_TEST(names_hyphen_variant_rarer_form) {
  const char *s = "Kim Jong Un kam.\n\nKim Jong Un ging.\n\n"
                  "Dann sprach Kim Jong-un.\n";
  mta_report *r = test_audit(s);
  mta_finding_info fi;
  ck_assert_uint_eq(test_count_rule(r, "consistency/name-variant"), 1);
  ck_assert_int_ge(
      S_find_text(r, s, "consistency/name-variant", "Jong-un", &fi), 0);
  ck_assert_pstr_eq(fi.suggestion, "Jong Un");
  mta_report_free(r);
}
END_TEST

START_TEST(names_one_finding_per_rare_occurrence) {
  const char *s = "Wostotschny liegt weit.\n\nWostotschny ist neu.\n\n"
                  "Wostotschny wuchs.\n\nWostochny ist alt.\n\n"
                  "Wostochny liegt dort.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "consistency/name-variant"), 2);
  mta_report_free(r);
}
END_TEST

START_TEST(names_consistent_text_has_none) {
  const char *s = "Kim Jong-un traf Putin in Wladiwostok.\n\n"
                  "Kim Jong-un sprach mit Schoigu und Lawrow. Die Welt und "
                  "die Wahl, der Wald und das Wort.\n";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(test_count_rule(r, "consistency/name-variant"), 0);
  mta_report_free(r);
}
END_TEST

/* Past the findings cap an unknown word is only counted: the one-edit
 * search for its suggestions (most of its cost) is not run. The same
 * misspelt words cost far less work after 10,000 other findings than
 * before them, and the verdict still counts (dropped, by severity). */
START_TEST(spell_no_suggestions_past_the_cap) {
  static const char typos[] =
      "Die Regirung hat die Verhandlugen mit den Gewerkschafen "
      "abgebrochen, sagte der Ministr.\n";
  struct mtai_speller *sp = S_sp();
  mta_report *r = test_audit(typos); /* warms the verdict cache */
  ck_assert_uint_ge(mta_report_finding_count(r), 3);
  mta_report_free(r);
  /* New typos of the same shape, once below and once past the cap. */
  static const char fresh1[] = "Die Regierunk lobte die Verhandlunken "
                               "mit den Gewerkschaffen.\n";
  static const char fresh2[] = "Die Regierunq lobte die Verhandlunqen "
                               "mit den Gewerkschaftten.\n";
  unsigned long w0 = mtai_speller_work(sp);
  r = test_audit(fresh1);
  unsigned long below = mtai_speller_work(sp) - w0;
  size_t nbelow = mta_report_finding_count(r);
  mta_report_free(r);
  size_t unit = strlen("Das Haus , ");
  size_t n = MTAI_MAX_FINDINGS * unit;
  char *t = malloc(n + sizeof fresh2 + 2);
  ck_assert_ptr_nonnull(t);
  for (size_t i = 0; i < MTAI_MAX_FINDINGS; i++)
    memcpy(t + i * unit, "Das Haus , ", unit);
  memcpy(t + n, "\n\n", 2);
  memcpy(t + n + 2, fresh2, sizeof fresh2);
  w0 = mtai_speller_work(sp);
  r = test_audit(t);
  unsigned long past = mtai_speller_work(sp) - w0;
  free(t);
  ck_assert_uint_ge(nbelow, 3);
  ck_assert_uint_ge(r->dropped_sev[MTA_SEV_MINOR], 3); /* capitalized */
  ck_assert_msg(past * 4 < below, "work past the cap %lu, below it %lu", past,
                below);
  mta_report_free(r);
}
END_TEST

Suite *spell_suite(void) {
  Suite *s = suite_create("spell");
  TCase *tc = tcase_create("splitter");
  tcase_add_test(tc, splitter_decomposes_compounds);
  tcase_add_test(tc, splitter_rejects_nonwords);
  tcase_add_test(tc, splitter_needs_real_parts);
  tcase_add_test(tc, splitter_work_is_linear);
  suite_add_tcase(s, tc);
  tc = tcase_create("verdicts");
  tcase_add_test(tc, verdict_hyphenated);
  tcase_add_test(tc, verdict_names_and_foreign);
  tcase_add_test(tc, verdict_is_cached);
  tcase_add_test(tc, english_dictionary);
  tcase_add_test(tc, user_word_lists);
  tcase_add_test(tc, user_list_must_be_regular);
  tcase_add_test(tc, user_list_long_lines);
  tcase_add_test(tc, suggestions_ranked);
  tcase_add_test(tc, out_of_memory_is_an_error);
  suite_add_tcase(s, tc);
  tc = tcase_create("spelling");
  tcase_add_test(tc, spell_lowercase_typo_is_major);
  tcase_add_test(tc, spell_capitalized_unknown_is_minor);
  tcase_add_test(tc, spell_names_are_not_errors);
  tcase_add_test(tc, spell_skips_non_words);
  tcase_add_test(tc, spell_english_word_has_no_german_suggestion);
  tcase_add_test(tc, spell_no_suggestions_past_the_cap);
  tcase_add_test(tc, spell_severity_follows_evidence);
  tcase_add_test(tc, spell_german_word_formation);
  tcase_add_test(tc, spell_interjections_and_onomatopoeia);
  tcase_add_test(tc, spell_consistent_term_inflected);
  suite_add_tcase(s, tc);
  tc = tcase_create("name-variants");
  tcase_add_test(tc, names_transliteration_variant);
  tcase_add_test(tc, names_hyphen_variant_rarer_form);
  tcase_add_test(tc, names_one_finding_per_rare_occurrence);
  tcase_add_test(tc, names_consistent_text_has_none);
  tcase_add_test(tc, known_leaves_guard_to_full_verdict);
  tcase_add_test(tc, speculation_changes_no_answer);
  suite_add_tcase(s, tc);
  return s;
}
