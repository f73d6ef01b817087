# Output and error reporting in a pipeline (issue 12): -o never replaces
# what is not a regular file, keeps modes and links, refuses to overwrite an
# input; names and text reach terminals, logs and spreadsheets only as
# visible escapes; walked special files are reported; failed writes name the
# path and the system's reason and never leave a report that looks finished.
#
# Sourced by tests/e2e/run.sh: same harness (begin/run/expect_rc/end), $T,
# $BIN, $S0/$S1/$S3, $ESC.

# ---- -o: special files, links, modes -------------------------------------------

begin "-o FIFO: written into (a reader gets the report), the FIFO stays a FIFO"
mkfifo "$T/o-fifo"
cat "$T/o-fifo" >"$T/o-fifo.out" &
reader=$!
run --format json -o "$T/o-fifo" "$S3"
expect_rc 0
i=0
while kill -0 "$reader" 2>/dev/null && [ $i -lt 50 ]; do
  sleep 0.1
  i=$((i + 1))
done
if kill -0 "$reader" 2>/dev/null; then
  kill "$reader" 2>/dev/null
  fail "the reader of the FIFO got no end of file"
fi
wait "$reader" 2>/dev/null
[ -p "$T/o-fifo" ] || fail "the FIFO was replaced: $(ls -l "$T/o-fifo")"
jq -e '.summary.documents == 1' "$T/o-fifo.out" >/dev/null 2>&1 ||
  fail "the reader did not get the JSON report"
rm -f "$T/o-fifo" "$T/o-fifo.out"
end

begin "-o symbolic link: the target is replaced, the link stays a link"
printf 'old\n' >"$T/o-target.json"
ln -s o-target.json "$T/o-link.json"
run --format json -o "$T/o-link.json" "$S3"
expect_rc 0
[ -L "$T/o-link.json" ] || fail "the link was replaced by a file"
jq -e '.summary.documents == 1' "$T/o-target.json" >/dev/null 2>&1 ||
  fail "the link's target does not hold the report"
rm -f "$T/o-link.json" "$T/o-target.json"
end

begin "-o keeps the mode of an existing 0600 file; a new file honours umask 077"
printf 'old\n' >"$T/o-private.json"
chmod 600 "$T/o-private.json"
run --format json -o "$T/o-private.json" "$S3"
expect_rc 0
m=$(stat -c %a "$T/o-private.json")
[ "$m" = 600 ] || fail "mode of the replaced file is $m, expected 600"
jq -e '.summary.documents == 1' "$T/o-private.json" >/dev/null 2>&1 ||
  fail "the file does not hold the report"
(umask 077 && $VALGRIND "$BIN" --format json -o "$T/o-new.json" "$S3" >"$T/out" 2>"$T/err")
rc=$?
expect_rc 0
m=$(stat -c %a "$T/o-new.json" 2>/dev/null)
[ "$m" = 600 ] || fail "mode of the new file under umask 077 is $m, expected 600"
rm -f "$T/o-private.json" "$T/o-new.json"
end

begin "-o refuses an output that is one of the inputs, also inside an input directory"
cp "$S3" "$T/o-in.txt"
run -o "$T/o-in.txt" "$T/o-in.txt"
expect_rc 2
expect_err_line 1 "$T/o-in.txt"
grep -q 'also an input' "$T/err" || fail "no reason: $(cat "$T/err")"
cmp -s "$S3" "$T/o-in.txt" || fail "the input was overwritten"
mkdir "$T/o-dir"
cp "$S3" "$T/o-dir/a.txt"
ln -s o-dir/a.txt "$T/o-alias.txt"
run -o "$T/o-alias.txt" "$T/o-dir"
expect_rc 2
grep -q 'also an input' "$T/err" || fail "input in a directory not detected: $(cat "$T/err")"
cmp -s "$S3" "$T/o-dir/a.txt" || fail "the input in the directory was overwritten"
rm -rf "$T/o-in.txt" "$T/o-dir" "$T/o-alias.txt"
end

if [ -c /dev/full ]; then
  begin "-o /dev/full: exit 2, 'No space left on device' naming it, still a device"
  run --format json -o /dev/full "$S3"
  expect_rc 2
  [ "$(nlines "$T/err")" -eq 1 ] || fail "$(nlines "$T/err") stderr lines, expected 1"
  grep -q '^mtaudit: /dev/full: .*No space left on device' "$T/err" ||
    fail "unclear error: $(cat "$T/err")"
  [ -c /dev/full ] || fail "/dev/full is no longer a character device"
  end
fi

if [ -c /dev/null ]; then
  begin "-o /dev/null: exit 0, /dev/null stays a character device"
  run --format json -o /dev/null "$S3"
  expect_rc 0
  expect_no_stderr
  expect_no_stdout
  [ -c /dev/null ] || fail "/dev/null is no longer a character device"
  end
fi

if [ -L /dev/stdout ]; then
  begin "-o /dev/stdout: the report goes to standard output, /dev/stdout stays a link"
  run --format json -o /dev/stdout "$S3"
  expect_rc 0
  expect_json
  [ -L /dev/stdout ] || fail "/dev/stdout is no longer a symbolic link"
  end
fi

# ---- names and text: shown, never obeyed ---------------------------------------

# A file name that would retitle the terminal and clear it, then forge a
# second log line; text with bidi controls (RLO, LRI).
HOSTILE=$(printf 'e\033]0;pwned\007\033[2J\nmtaudit: forged \342\200\256.txt')
HOSTILE_SHOWN='e\x1b]0;pwned\x07\x1b[2J\nmtaudit: forged <U+202E>.txt'

begin "stderr: control characters and bidi controls in a name are escaped, one line"
run --format json "$T/$HOSTILE"
expect_rc 2
[ "$(nlines "$T/err")" -eq 1 ] || fail "$(nlines "$T/err") stderr lines, expected 1"
grep -q -F -e "$ESC" "$T/err" && fail "raw ESC on stderr"
grep -q -F -e "mtaudit: $T/$HOSTILE_SHOWN: " "$T/err" ||
  fail "name not shown escaped: $(cat "$T/err")"
end

mkdir "$T/names"
printf 'Er sagte , dass \342\200\256er\342\200\254 heute \342\201\246kommt.\n' >"$T/names/$HOSTILE"

begin "text report: escapes in names and bidi controls in text are shown, not obeyed"
run --color never "$T/names/$HOSTILE"
expect_rc 0
[ "$(control_bytes "$T/out")" -eq 0 ] || fail "raw control characters in the report"
grep -q -F -e "$(printf '\342\200\256')" -e "$(printf '\342\200\254')" \
  -e "$(printf '\342\201\246')" "$T/out" && fail "raw bidi controls in the report"
expect_stdout_has "$T/names/$HOSTILE_SHOWN:1:9: minor"
expect_stdout_has "1 | Er sagte , dass <U+202E>er<U+202C> heute <U+2066>kommt."
end

begin "JSON keeps the exact name and text (data, JSON-escaped)"
run --format json "$T/names/$HOSTILE"
expect_rc 0
jq -j '.documents[0].file' "$T/out" >"$T/name.got" 2>/dev/null
printf '%s' "$T/names/$HOSTILE" >"$T/name.want"
cmp -s "$T/name.want" "$T/name.got" || fail "file name not exact in JSON"
expect_jq '[.documents[0].findings[] | select(.rule == "punctuation/space-before") | .text]' '[" ,"]'
end

begin "HTML: names in titles and the index are shown escaped"
run --format html -o "$T/names-html" "$T/names"
expect_rc 0
grep -q -F -e "$ESC" "$T/names-html"/*.html && fail "raw ESC in the HTML"
grep -q -F -e "<title>$T/names/e\\x1b]0;pwned\\x07\\x1b[2J\\nmtaudit: forged &lt;U+202E&gt;.txt" \
  "$T/names-html"/e_*.html || fail "page title not escaped"
grep -q -F -e '\x1b]0;pwned' "$T/names-html/index.html" || fail "index name not escaped"
rm -rf "$T/names-html"
end

begin "CSV: formula guard after a leading tab, CR or blanks; names visible"
mkdir "$T/csv"
(cd "$T/csv" && $VALGRIND "$BIN" --format csv -- "$(printf '\t=1+1.txt')" \
  "$(printf '  =2+2.txt')" "$(printf '\r@SUM(A1).txt')" "$(printf -- '-3.txt')" \
  "$HOSTILE" >"$T/out" 2>"$T/err")
rc=$?
expect_rc 2
[ "$(nlines "$T/out")" -eq 6 ] || fail "$(nlines "$T/out") lines, expected 6"
[ "$(control_bytes "$T/out")" -eq 6 ] || fail "control characters in the CSV besides the CR of each line end"
grep -q -F -e "'\\t=1+1.txt,io," "$T/out" || fail "tab then = not neutralised"
grep -q -F -e "'  =2+2.txt,io," "$T/out" || fail "blanks then = not neutralised"
grep -q -F -e "'\\r@SUM(A1).txt,io," "$T/out" || fail "CR then @ not neutralised"
grep -q -F -e "'-3.txt,io," "$T/out" || fail "leading - not neutralised"
grep -q -F -e "$HOSTILE_SHOWN,io," "$T/out" || fail "name not escaped"
rm -rf "$T/csv"
end

rm -rf "$T/names"

# ---- walked folders, options -----------------------------------------------------

begin "directory walk: a *.txt link to a device, a FIFO and a dangling link each give an error"
mkdir "$T/walk"
cp "$S3" "$T/walk/a.txt"
ln -s /dev/null "$T/walk/dev.txt"
mkfifo "$T/walk/fifo.txt"
ln -s missing "$T/walk/dangling.txt"
mkdir "$T/walk/sub.txt" # a directory named *.txt: walked, not an input
run --format json "$T/walk"
expect_rc 2
[ "$(nlines "$T/err")" -eq 3 ] || fail "$(nlines "$T/err") stderr lines, expected 3"
expect_err_line 1 "$T/walk/dangling.txt"
expect_err_line 2 "$T/walk/dev.txt"
expect_err_line 3 "$T/walk/fifo.txt"
grep -q "dev.txt: not a regular file" "$T/err" || fail "no reason for the device: $(cat "$T/err")"
expect_jq '[.summary.documents, .summary.errors]' '[1,3]'
rm -rf "$T/walk"
end

begin "usage error: --fail-under 101 (a score is 0 to 100)"
run --fail-under 101 "$S3"
expect_usage_error
grep -q "out of range" "$T/err" || fail "no reason: $(cat "$T/err")"
run --fail-under=100.5 "$S3"
expect_usage_error
run --fail-under 100 "$S3"
expect_rc 1
end

# ---- failed inputs in text format --------------------------------------------------

begin "text format, two binary inputs: exit 2, both errors, the summary"
printf 'Ein Satz.\000 Noch einer.\n' >"$T/bin-a.txt"
cp "$T/bin-a.txt" "$T/bin-b.txt"
run "$T/bin-a.txt" "$T/bin-b.txt"
expect_rc 2
[ "$(nlines "$T/err")" -eq 2 ] || fail "$(nlines "$T/err") stderr lines, expected 2"
expect_stdout_has "summary (worst first)"
expect_stdout_has "0 documents, 0 failed, 2 errors"
rm -f "$T/bin-a.txt" "$T/bin-b.txt"
end

# ---- HTML and -o failures -------------------------------------------------------------

begin "html: a page that cannot be written: exit 2, the path and reason, no index.html"
mkdir -p "$T/h7/000_68df5a6bf045e0b4.txt.html" # a directory where the page goes
run --format html -o "$T/h7" samples/
expect_rc 2
[ "$(nlines "$T/err")" -eq 1 ] || fail "$(nlines "$T/err") stderr lines, expected 1"
expect_err_line 1 "$T/h7/000_68df5a6bf045e0b4.txt.html"
grep -q 'Is a directory' "$T/err" || fail "no reason: $(cat "$T/err")"
[ -e "$T/h7/index.html" ] && fail "index.html written after a failed page"
rm -rf "$T/h7"
end

# A 64 KiB tmpfs: a full disk and a read-only folder (root can write into
# a chmod 555 folder, not into a read-only mount). Skipped when mount is
# not allowed.
mkdir "$T/mnt"
if mount -t tmpfs -o size=64k tmpfs "$T/mnt" 2>/dev/null; then
  begin "full disk, html: exit 2, the page and 'No space left on device', no index.html"
  run --format html -o "$T/mnt/h" samples/
  expect_rc 2
  [ "$(nlines "$T/err")" -eq 1 ] || fail "$(nlines "$T/err") stderr lines, expected 1"
  grep -q "^mtaudit: $T/mnt/h/[^ ]*\.html: .*No space left on device" "$T/err" ||
    fail "unclear error: $(cat "$T/err")"
  [ -e "$T/mnt/h/index.html" ] && fail "index.html written on a full disk"
  ls "$T/mnt/h" | grep -q '\.tmp\.' && fail "temporary file left behind"
  rm -rf "$T/mnt/h"
  end

  begin "full disk, -o FILE: exit 2, the old file kept, no temporary file"
  printf 'old\n' >"$T/mnt/report.json"
  head -c 1048576 /dev/zero >"$T/mnt/filler" 2>/dev/null # fill the disk
  run --format json -o "$T/mnt/report.json" samples/
  expect_rc 2
  grep -q "^mtaudit: $T/mnt/report.json: .*No space left on device" "$T/err" ||
    fail "unclear error: $(cat "$T/err")"
  [ "$(cat "$T/mnt/report.json")" = old ] || fail "the old report was replaced"
  ls "$T/mnt" | grep -q '\.tmp\.' && fail "temporary file left behind"
  rm -f "$T/mnt/filler"
  end

  begin "read-only folder: html and -o FILE name the path and 'Read-only file system'"
  mkdir "$T/mnt/h"
  if mount -o remount,ro "$T/mnt" 2>/dev/null; then
    run --format html -o "$T/mnt/h" "$S3"
    expect_rc 2
    grep -q "^mtaudit: $T/mnt/h/[^ ]*: .*Read-only file system" "$T/err" ||
      fail "html: unclear error: $(cat "$T/err")"
    run --format json -o "$T/mnt/report.json" "$S3"
    expect_rc 2
    grep -q "^mtaudit: $T/mnt/report.json: .*Read-only file system" "$T/err" ||
      fail "-o: unclear error: $(cat "$T/err")"
    [ "$(cat "$T/mnt/report.json")" = old ] || fail "the old report was replaced"
  else
    printf '# read-only remount not allowed: skipped\n'
  fi
  end
  umount "$T/mnt" || umount -l "$T/mnt"
else
  printf '# tmpfs mount not allowed: full-disk and read-only cases skipped\n'
fi
rmdir "$T/mnt" 2>/dev/null
