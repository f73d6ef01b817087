# Sourced by tests/e2e/run.sh: peak memory of one document (issue 12.9;
# docs/DESIGN.md, "Memory"). The peak RSS (/usr/bin/time %M, package
# "time") of a 20 MB document of each shape may exceed the RSS of a tiny
# document (dictionaries, lexicon, ICU: the fixed cost) by at most FACTOR
# times the document's size:
#
#   news text (the samples, repeated)        6 x
#   "Wort Wort ..." (one 20 MB paragraph)    6 x
#   "a\n\n" (7 million one-word paragraphs) 40 x: a paragraph of 3 bytes
#       still costs its 64-byte record, a 20-byte sentence, an 8-byte
#       token, 4 bytes of word-class cache and 8 bytes of line starts
#       (about 36 x the text); see DESIGN.
#
# Not a timing test. Skipped under valgrind and ASan (MTAUDIT_E2E_HEAVY=0),
# which measure something else.

if [ -z "$VALGRIND" ] && [ "${MTAUDIT_E2E_HEAVY:-1}" = 1 ]; then
  # mem_rss FILE: peak RSS in KiB of auditing FILE (in $rss), status in
  # $rc. The report goes to /dev/null (7 million paragraphs are 0.8 GB of
  # JSON); it is streamed, so it costs no memory.
  mem_rss() {
    /usr/bin/time -f %M -o "$T/rss" "$BIN" --format jsonl "$1" >/dev/null 2>"$T/err"
    rc=$?
    rss=$(tail -n 1 "$T/rss")
  }

  # mem_case NAME FILE FACTOR: the peak stays within the fixed cost plus
  # FACTOR times the size of FILE.
  mem_case() {
    begin "memory: $1 (20 MB) peaks within ${3} x its size above the fixed cost"
    size=$(wc -c <"$2")
    mem_rss "$2"
    expect_rc 0
    limit=$(awk -v b="$mem_base" -v s="$size" -v f="$3" \
      'BEGIN { printf "%d", b + f * s / 1024 }')
    case $rss in
    '' | *[!0-9]*) fail "no RSS measured: $(head -n 1 "$T/rss")" ;;
    *)
      ratio=$(awk -v r="$rss" -v b="$mem_base" -v s="$size" \
        'BEGIN { printf "%.1f", (r - b) * 1024 / s }')
      printf '# %s: peak RSS %s KiB, fixed %s KiB, %s x the input\n' \
        "$1" "$rss" "$mem_base" "$ratio"
      [ "$rss" -le "$limit" ] ||
        fail "peak RSS $rss KiB > $limit KiB (${ratio} x the input above the fixed $mem_base KiB)"
      ;;
    esac
    rm -f "$2"
    end
  }

  begin "memory: /usr/bin/time measures the fixed cost (a one-line document)"
  mem_base=
  if [ ! -x /usr/bin/time ]; then
    fail "/usr/bin/time missing (Debian package time: sh scripts/install-deps.sh test)"
  else
    printf 'Der Bundestag hat am Montag beraten.\n' >"$T/m-tiny.txt"
    mem_rss "$T/m-tiny.txt"
    expect_rc 0
    case $rss in
    '' | *[!0-9]*) fail "no RSS measured: $(head -n 1 "$T/rss")" ;;
    *)
      mem_base=$rss
      echo "# fixed cost: peak RSS $rss KiB"
      ;;
    esac
  fi
  end

  if [ -n "$mem_base" ]; then
    mem_size=20971520
    # News text: the samples over and over, cut at 20 MiB.
    : >"$T/m-1m.txt"
    while [ "$(wc -c <"$T/m-1m.txt")" -lt 1048576 ]; do
      cat samples/*.txt >>"$T/m-1m.txt"
    done
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
      cat "$T/m-1m.txt"
    done | head -c $mem_size >"$T/m-news.txt"
    rm -f "$T/m-1m.txt"
    mem_case "news text" "$T/m-news.txt" 6

    awk -v n=$((mem_size / 10)) 'BEGIN { for (i = 0; i < n; i++) printf "Wort Wort " }' >"$T/m-wort.txt"
    mem_case "'Wort Wort ...' in one paragraph" "$T/m-wort.txt" 6

    awk -v n=$((mem_size / 3)) 'BEGIN { for (i = 0; i < n; i++) printf "a\n\n" }' >"$T/m-paras.txt"
    mem_case "one-word paragraphs (a, blank line, ...)" "$T/m-paras.txt" 40
  fi
fi
