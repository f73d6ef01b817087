/*
 * Long descriptions of the rules, for --explain and the rule list of the
 * SARIF output: what a rule finds, why machine translation produces it,
 * and a wrong and a right example. One entry per rule id of the registry
 * (tests/check_rules.c checks that every rule has one).
 *
 * Conventions: 'wrong' is text as the auditor sees it and is reported by
 * the rule (tests/check_rules.c audits it); 'right' is the corrected text
 * and is not reported, or, where the fix is to delete the text, an
 * instruction in parentheses. A duplicated paragraph cannot be shown on
 * one line: its examples give the paragraph, then where it stands in
 * parentheses.
 */
#include <string.h>

#include "check.h"

static const struct mtai_rule_doc S_docs[] = {
    /* ---- boilerplate: web chrome, reported but not scored ---- */
    {"boilerplate/adblock",
     "A paragraph asking the reader to switch off an ad blocker, or a "
     "paywall notice. The scraper copied it from the web page together "
     "with the article, and machine translation rendered it like any "
     "other text. Only short paragraphs count (a phrase such as "
     "'Werbeblocker' in a long paragraph of prose is not chrome); the "
     "finding costs no points, since it describes the scraper, not the "
     "translation. Delete the paragraph.",
     "Bitte deaktivieren Sie Ihren Ad-Blocker, um unsere Inhalte zu sehen.",
     "(delete the paragraph)"},
    {"boilerplate/subscription",
     "A subscription, trial or newsletter offer ('Jetzt abonnieren', "
     "'Newsletter abonnieren') or a price with a call to action, left in "
     "the text by the scraper and translated with it. Long paragraphs of "
     "prose that merely mention a newsletter, and offers inside a "
     "quotation, are not reported; the finding costs no points. Delete the "
     "offer.",
     "Jetzt für nur 0,99 € im ersten Monat testen", "(delete the paragraph)"},
    {"boilerplate/related",
     "A link to another article ('Siehe auch …', 'Lesen Sie auch …', "
     "'Mehr zum Thema …', 'Read also …') that the scraper kept between or "
     "after the paragraphs. It is reported only when the paragraph starts "
     "with such a phrase and has at most 40 words, so prose that happens "
     "to contain 'siehe auch' is left alone; the finding costs no points. "
     "Delete the line.",
     "Siehe auch: Was der Besuch für die Ukraine bedeutet",
     "(delete the line)"},
    {"boilerplate/navigation",
     "Site navigation, buttons and ad labels ('Weiterlesen', 'Anzeige', "
     "'Startseite'), a short line of links separated by '|', '·' or '›', "
     "or a list of short lines that are no sentences. Words like "
     "'Weiterlesen' or 'Anzeige' count only when they make up the whole "
     "paragraph, not inside a sentence; the finding costs no points. "
     "Delete the line.",
     "Weiterlesen", "(delete the line)"},
    {"boilerplate/comments",
     "The heading or form of the comment section ('Kommentare', 'Leave a "
     "Reply', 'Ihre E-Mail-Adresse wird nicht veröffentlicht'), which the "
     "scraper took for article text. Most cues must be the whole "
     "paragraph, so a sentence about readers' comments is not reported; "
     "English forms also get an english-leftover/phrase finding, and this "
     "one costs no points. Delete the comment section.",
     "Kommentare", "(delete the line)"},
    {"boilerplate/share",
     "Share buttons and follow prompts ('Artikel teilen', 'Auf Facebook "
     "teilen', 'Folgen Sie uns …') that the scraper copied as text. Only a "
     "paragraph that is, or starts with, such a phrase (at most 40 words) "
     "is reported, so an article about sharing is not; the finding costs "
     "no points. Delete the line.",
     "Artikel teilen", "(delete the line)"},
    {"boilerplate/cookie",
     "A cookie or privacy notice from the consent banner of the page "
     "('Diese Website verwendet Cookies', 'Datenschutzerklärung'). It is "
     "reported in short paragraphs only (up to 60 words), not in prose "
     "that discusses cookies, and costs no points. Delete the notice.",
     "Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu "
     "bieten.",
     "(delete the paragraph)"},
    {"boilerplate/source",
     "Republication and scraper residue: 'Dieser Artikel erschien zuerst "
     "bei …', 'Zum Originalartikel', a bare 'Quelle' or the English "
     "'source site'. It is reported only when the paragraph is, or starts "
     "with, such a phrase, not for a source named inside a sentence; the "
     "finding costs no points. Delete it, or move the source to the "
     "article's metadata.",
     "Dieser Artikel erschien zuerst bei The Guardian.",
     "(delete the line, or keep the source in the metadata)"},
    {"boilerplate/metadata",
     "Page metadata that the scraper put into the text: a publication or "
     "update line ('Veröffentlicht am …', 'Lesezeit 3 Min.'), a date alone "
     "in the first or last three paragraphs, or a 'date 2023-09' prefix "
     "before the headline (then only the prefix is marked and the "
     "headline keeps its kind). A date inside a sentence is not metadata, "
     "and the finding costs no points. Delete the line or the prefix.",
     "date 2023-09 Im Panzerzug nach Moskau", "Im Panzerzug nach Moskau"},
    {"boilerplate/author",
     "An author box of the source page ('Zu den Autoren …', 'Über die "
     "Autorin …', 'E-Mail an den Autor'). A contributor line inside the "
     "article is not reported, and the finding costs no points. Delete "
     "the box or move the byline to the article's metadata.",
     "Zu den Autoren: Anna Schmidt ist Korrespondentin in Seoul.",
     "(delete the paragraph)"},
    {"boilerplate/credit",
     "A photo credit in the running text: a paragraph that is only a "
     "credit ('Foto: dpa', '© Getty Images'), an agency tag on a line of "
     "its own ('(dpa/afp)'), or the credit closing an image caption. In a "
     "caption only the credit is marked; the caption itself is article "
     "text and scored, and the finding costs no points. Remove the credit "
     "from the text and keep it with the image.",
     "Kim Jong-un bei seiner Ankunft in Wladiwostok. © UPI Photo/Imago",
     "Kim Jong-un bei seiner Ankunft in Wladiwostok."},
    {"boilerplate/site-name",
     "A single word alone in one of the first three paragraphs that is "
     "neither a German word nor a known name: the logo text of the site, "
     "which the scraper kept as the first line. A German word or a name "
     "there (a one-word headline) is not reported, nor anything without "
     "dictionaries (--no-spell); the finding costs no points. Delete the "
     "line.",
     "Newsflix", "(delete the line)"},
    {"boilerplate/reader-address",
     "A paragraph addressing the reader ('Folgen Sie …', 'Bitte "
     "aktualisieren Sie …', '… in Ihrem Browser'): taglines, donation "
     "requests and technical notices of the site. It is reported only "
     "before the first or after the last paragraph of prose, or next to "
     "other boilerplate, and not when the address is quoted or reported "
     "after a colon ('Der Landrat bat: Bleiben Sie zu Hause.'); the "
     "finding costs no points. Delete the paragraph.",
     "Bitte aktualisieren Sie Ihren Browser, um diese Seite korrekt "
     "anzuzeigen.",
     "(delete the paragraph)"},

    /* ---- duplicate ---- */
    {"duplicate/paragraph",
     "A paragraph that repeats an earlier one of the article verbatim or "
     "nearly (ignoring case, spacing and punctuation, or with 85 % of the "
     "words in common when it has six or more words), typically a "
     "headline or teaser the scraper printed twice. Paragraphs that only "
     "share some words are not reported; the repeat is left out of the "
     "score and the finding costs no points. Delete the repeat.",
     "Kim reist im Panzerzug nach Moskau (the headline, printed again "
     "after the first paragraph)",
     "Kim reist im Panzerzug nach Moskau (the headline, once)"},

    /* ---- punctuation ---- */
    {"punctuation/space-before",
     "Whitespace before a full stop, comma, semicolon, colon, exclamation "
     "or question mark. Machine translation and the reassembly of "
     "translated segments leave a space where the English source had a "
     "link, a tag or a footnote marker. Not reported at the start of a "
     "paragraph, after an opening bracket, or before an ellipsis. Delete "
     "the space.",
     "Die Bösen lagerten die Munition in Waffenvorräten .",
     "Die Bösen lagerten die Munition in Waffenvorräten."},
    {"punctuation/doubled",
     "A punctuation mark doubled ('. .', ',,', '.,', '!!'), left where "
     "two translated segments were joined or a mark of the source was "
     "kept next to the translation's own. An ellipsis ('...') and the "
     "emphatic '?!' are fine and not reported. Keep one mark.",
     "Die Lage bleibt angespannt,, sagte der Minister.",
     "Die Lage bleibt angespannt, sagte der Minister."},
    {"punctuation/missing-space",
     "No space after a full stop, comma or other sentence mark before the "
     "next word ('Moskau.Nordkorea', 'kam,und'), typically where "
     "translated segments or lines were glued together. Not reported "
     "inside numbers ('3,5', '20.15 Uhr'), URLs, e-mail addresses, domain "
     "names, abbreviations ('z.B.') or gender forms ('Lehrer:innen'). "
     "Insert the space.",
     "Kim reiste nach Moskau.Nordkorea liefert seit Monaten Munition.",
     "Kim reiste nach Moskau. Nordkorea liefert seit Monaten Munition."},

    /* ---- english-leftover ---- */
    {"english-leftover/honorific",
     "An English title ('Mr.', 'Mrs.', 'Ms.', 'Mr', 'Mrs') before a name. "
     "Machine translation often copies these titles unchanged, but German "
     "news writes 'Herr' or 'Frau' (or drops the title). 'Dr.' and "
     "'Prof.' are German and not reported, and a title without a dot "
     "counts only before a capitalized word. Replace it by Herr/Frau, "
     "'Herrn' in the dative and accusative.",
     "Mr. Kim sollte am Donnerstag Waffenfabriken besuchen.",
     "Herr Kim sollte am Donnerstag Waffenfabriken besuchen."},
    {"spelling/unknown",
     "A word that is not German: not in the German dictionary, not a "
     "compound of known words and not a name. Machine translation "
     "produces such words from typos of the source, invented compounds, "
     "cut-off words and English words with German endings. A capitalized "
     "word that behaves like a name (used twice, after a title, next to "
     "another name) is not reported, nor are numbers, units, acronyms, "
     "URLs and words of --dict lists; check the word and correct it, or "
     "add a real name to a word list.",
     "Die Verhandlungen wurden am Montag ergebnislos abgebrochn.",
     "Die Verhandlungen wurden am Montag ergebnislos abgebrochen."},
    {"consistency/name-variant",
     "One name spelled two ways in one article ('Kim Jong-un' and 'Kim "
     "Jong Un', 'Schoigu' and 'Shoigu'). Machine translation renders each "
     "sentence on its own and takes over whatever spelling the source "
     "used there, so English and German transliterations get mixed. Each "
     "occurrence of the rarer spelling is reported, naming the more "
     "frequent one (on a tie the spelling of dict/names.txt, else the "
     "first); use one spelling throughout.",
     "Kim Jong-un reiste nach Moskau. Dort sprach Kim Jong Un mit Putin.",
     "Kim Jong-un reiste nach Moskau. Dort sprach Kim Jong-un mit Putin."},
    {"english-leftover/phrase",
     "English web chrome in the text ('Leave a Reply', 'Read more', "
     "'source site'), from dict/english-phrases.txt. Machine translation "
     "leaves these untouched because they come from buttons and links, "
     "not from the article. The phrases are specific enough not to occur "
     "in names or quotations German news keeps in English; delete them.",
     "Die Behörden gaben an, die Lage sei unter Kontrolle. Read more",
     "Die Behörden gaben an, die Lage sei unter Kontrolle."},
    {"english-leftover/word",
     "A run of English words the translation left untranslated: "
     "lower-case runs ('for the time being') are major, title-case runs "
     "minor. Not reported: known English names ('New York Times'), names "
     "with an institution word or introduced by a German noun ('die "
     "Zeitung …'), quoted titles, and loanwords German uses (Team, "
     "Update, online); a lone word one edit from a German word is a "
     "spelling finding instead. Translate the words.",
     "Die Waffenruhe soll for the time being nur im Norden gelten.",
     "Die Waffenruhe soll vorerst nur im Norden gelten."},
    {"english-leftover/genitive",
     "An English genitive apostrophe ('Putin's', 'Sunak's Regierung'): "
     "German adds the -s without an apostrophe ('Putins'). Machine "
     "translation copies the English possessive along with the name. Not "
     "reported inside a quotation; write the German genitive or 'von'.",
     "Putin's Regierung wies die Vorwürfe am Montag zurück.",
     "Putins Regierung wies die Vorwürfe am Montag zurück."},
    {"english-leftover/initial",
     "An English-style middle initial in a name ('Joseph R. Biden', "
     "'Wladimir V. Putin'). American and British news write them, German "
     "news does not, and machine translation keeps them. Drop the initial "
     "unless it is part of how the person is known in German.",
     "Präsident Joseph R. Biden empfing den Gast im Weißen Haus.",
     "Präsident Joseph Biden empfing den Gast im Weißen Haus."},
    {"english-leftover/quotes",
     "German text inside English quotation marks (\"…\" or “…”), which "
     "machine translation carries over from the source. German uses „…“ "
     "(or »…«). A quotation with fewer than two plainly German words (an "
     "English title or name) is not reported. Replace the marks with „ "
     "and “.",
     "Er nannte das Treffen “einen historischen Schritt”.",
     "Er nannte das Treffen „einen historischen Schritt“."},
    {"english-leftover/mt-notice",
     "The article declares itself machine-translated ('… aus dem "
     "Englischen automatisiert ins Deutsche übersetzt'). The notice is "
     "correct information, but it means the text was not edited by a "
     "person; it is reported once per article, at minor severity. Review "
     "the article, then delete the notice or keep it as the site's policy "
     "requires.",
     "Der Text wurde aus dem Englischen automatisiert ins Deutsche "
     "übersetzt.",
     "(delete the notice after review, or keep it as required)"},
    {"english-leftover/date",
     "An English date format ('September 28, 2024', 'October 3', 'Sept. "
     "12') where German writes '28. September 2024'. Machine translation "
     "often keeps the order of the source date. A month name German "
     "shares (April, August, September, November) counts only with ', "
     "YEAR' after the day or at the end of a sentence, so 'im August 15 "
     "Menschen' stays German. Use the suggested German form.",
     "Der Gipfel fand am September 28, 2024 in Wladiwostok statt.",
     "Der Gipfel fand am 28. September 2024 in Wladiwostok statt."},
    {"english-leftover/number",
     "An English number format ('4.5 Milliarden' with a decimal point, "
     "'1,000 Soldaten' with a thousands comma, '$4.5 billion') or an "
     "English number word ('billion'). Machine translation translates the "
     "words around the number but copies its digits as they are. Times "
     "and dates ('20.15 Uhr', '3.10.') are German and not reported. Write "
     "the German form the suggestion gives ('4,5 Milliarden').",
     "Die USA sagten Hilfen in Höhe von 4.5 Milliarden Dollar zu.",
     "Die USA sagten Hilfen in Höhe von 4,5 Milliarden Dollar zu."},
    {"english-leftover/unit",
     "An imperial unit after a number (Meilen, Fuß, Pfund as a weight, "
     "Gallonen, Zoll, Yards, Unzen, Acres, Grad Fahrenheit). Machine "
     "translation translates the unit's name but does not convert the "
     "value, which German readers cannot picture. The suggestion gives "
     "the metric value; convert it (keeping the original in brackets "
     "where the exact figure matters).",
     "Die Rakete flog rund 600 Meilen weit.",
     "Die Rakete flog rund 965 Kilometer weit."},
    {"english-leftover/transliteration",
     "A Russian or Ukrainian name in its English transliteration where "
     "German press uses another ('Shoigu' for 'Schoigu', 'Zelensky' for "
     "'Selenskyj'), from dict/transliterations.txt or by pattern (zh, kh, "
     "ch, v). Machine translation copies names from the English source. "
     "Names whose spelling German shares are not reported; use the German "
     "spelling the suggestion gives.",
     "Verteidigungsminister Shoigu besuchte die Fabrik.",
     "Verteidigungsminister Schoigu besuchte die Fabrik."},

    /* ---- split-sentence ---- */
    {"split-sentence/lowercase-start",
     "A sentence that starts with a lower-case word after a full stop: "
     "machine translation broke one English sentence in two, typically "
     "before a reporting clause ('…, officials say'). Not reported after "
     "abbreviations ('z. B. die') and ordinals ('am 3. oder 4. Oktober'), "
     "in an ellipsis, inside URLs, or before words written lower case by "
     "design (iPhone, eBay). Join the sentences or restore the capital.",
     "Die Waffen seien bereits auf den Weg geschickt. sagen Beamte in "
     "Washington.",
     "Die Waffen seien bereits auf den Weg geschickt, sagen Beamte in "
     "Washington."},
    {"split-sentence/initial",
     "A name cut off after its middle initial, the sentence running on "
     "without the surname ('mit Präsident Wladimir V. zu sprechen'). "
     "Machine translation took the initial's period for the end of a "
     "sentence and lost the rest of the name. A complete name with an "
     "initial is an english-leftover/initial finding instead; restore the "
     "surname and drop the initial.",
     "Kim reiste nach Moskau, um mit Präsident Wladimir V. zu sprechen.",
     "Kim reiste nach Moskau, um mit Präsident Wladimir Putin zu "
     "sprechen."},
    {"punctuation/unbalanced-quote",
     "A quotation mark without its partner within the paragraph: „ "
     "without “ (or the reverse), » without «, or an odd number of "
     "straight quotes. Machine translation drops closing marks or "
     "translates only one of the pair. A quotation running on into the "
     "next paragraph is also reported (as minor), since dropped marks are "
     "far more common; add the missing mark.",
     "Er sprach von einem „historischen Schritt.",
     "Er sprach von einem „historischen Schritt“."},
    {"punctuation/unbalanced-paren",
     "An opening bracket '(' or '[' without its closing partner within "
     "the paragraph, or the reverse. Machine translation loses one bracket "
     "when it reorders a clause or joins segments. Add the missing "
     "bracket or remove the stray one.",
     "Die Polizei nahm den Verdächtigen fest (er war bewaffnet.",
     "Die Polizei nahm den Verdächtigen fest (er war bewaffnet)."},

    /* ---- word order, garbled, compounds ---- */
    {"word-order/repeated-word",
     "The same word twice in a row ('scharf scharf'), left when machine "
     "translation merges two renderings of one phrase. Words German "
     "legitimately repeats are not reported: articles and relative "
     "pronouns ('die die'), 'das das', 'sie sie', numbers, and words "
     "separated by punctuation. Delete one of them.",
     "Die Kritik der Opposition fiel scharf scharf aus.",
     "Die Kritik der Opposition fiel scharf aus."},
    {"garbled/capitalized-word",
     "A conjunction, pronoun, preposition, auxiliary, adverb, numeral, "
     "finite verb or adjective capitalized in mid-sentence ('Er sagte Und "
     "dass'). Translated hyperlinks and broken segment joins leave such "
     "words behind. Not reported: formal Sie/Ihr, names, nominalizations "
     "after an article or preposition ('das Geben'), adjectives opening a "
     "name ('im Kalten Krieg'), or after a colon, dash or opening quote. "
     "Repair the sentence around the word.",
     "Er sagte Und dass die Lieferungen weitergehen würden.",
     "Er sagte, dass die Lieferungen weitergehen würden."},
    {"compound/split",
     "Two nouns written apart that German writes as one word ('Sicherheit "
     "Politik' for 'Sicherheitspolitik'), with a linking -s-, -n- or -en- "
     "where needed. English writes such compounds as separate words and "
     "machine translation sometimes keeps them apart. Names and "
     "appositions ('die Stadt Berlin') are not reported, nor pairs across "
     "punctuation; write the suggested compound.",
     "Die Regierung plant eine neue Sicherheit Politik für Europa.",
     "Die Regierung plant eine neue Sicherheitspolitik für Europa."},
    {"word-order/verb-position",
     "In a subordinate clause (dass, weil, ob, obwohl, wenn, nachdem, …) "
     "or a relative clause the finite verb stands second, in English "
     "order, instead of last; or a main clause has two finite verbs with "
     "no comma or conjunction between them. Not reported: comparisons "
     "after the verb ('mehr verdient als …'), verbs with a bare infinitive "
     "('ging einkaufen'), attributive participles ('die vom Iran "
     "unterstützte Miliz'). Move the verb to the end of the clause.",
     "Er sagte, dass die Regierung hat die Mittel gekürzt.",
     "Er sagte, dass die Regierung die Mittel gekürzt hat."},
    {"split-sentence/fragment",
     "A sentence of article prose with no finite verb ('Ihre eigene "
     "militärische Zusammenarbeit.'): machine translation cut a clause "
     "off its sentence. Not reported in headings, one-sentence paragraphs "
     "(captions, datelines), quotations, after a question or a colon, in "
     "list items, or for sentences under three words. Join the fragment "
     "to its sentence or give it a verb.",
     "Beide Länder vertiefen ihre Beziehungen. Ihre eigene militärische "
     "Zusammenarbeit. Der Westen reagiert besorgt.",
     "Beide Länder vertiefen ihre Beziehungen. Auch ihre militärische "
     "Zusammenarbeit wächst. Der Westen reagiert besorgt."},
    {"word-order/stray-final",
     "A noun or name hanging at the end of a complete sentence, after a "
     "closing participle or infinitive ('fortgesetzt werden Präsident.'), "
     "a predicate adjective or a complete noun phrase ('der Welt "
     "Ukraine.'); English word order or a translated hyperlink left it "
     "there. Not reported: appositions ('die Stadt Berlin'), titles "
     "('Präsident Macron'), an inverted subject (', sagte Scholz.'), "
     "times, languages and genitives. Move the word where it belongs or "
     "delete it.",
     "Die Munition ist mit der russischen kompatibel Arsenal.",
     "Die Munition ist mit dem russischen Arsenal kompatibel."},

    {NULL, NULL, NULL, NULL},
};

const struct mtai_rule_doc *mtai_rule_doc(const char *id) {
  for (size_t i = 0; id && S_docs[i].id; i++)
    if (!strcmp(S_docs[i].id, id))
      return &S_docs[i];
  return NULL;
}
