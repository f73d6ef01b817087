#!/bin/sh
# Installs the Debian 12 packages mtaudit needs to build and run, and with
# the argument "test" also those the tests need (sh install-deps.sh test),
# with "deb" those make deb needs (debhelper).
# Idempotent: installs only what is missing and does nothing when all is
# there. As a non-root user it prints the exact command to run instead.
set -eu

need="gcc make pkg-config libc6-dev binutils libicu-dev libhunspell-dev \
libxml2-dev libgumbo-dev hunspell-en-us trans-de-en check jq gettext"
# "test": also what the tests need beyond the build (headless Chromium for
# the browser test of the HTML report).
if [ "${1-}" = eval ]; then
  need="$need python3"
fi
if [ "${1-}" = bench ]; then
  need="$need hunspell time"
fi
# "deb": what dpkg-buildpackage needs for make deb (debian/).
if [ "${1-}" = deb ]; then
  need="$need debhelper dpkg-dev fakeroot"
fi
if [ "${1-}" = test ]; then
  need="$need chromium fonts-dejavu-core parallel valgrind clang libclang-rt-14-dev time \
bash-completion man-db"
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  # Not Debian: check what the build needs and say what is missing.
  missing=""
  for m in icu-uc icu-i18n hunspell libxml-2.0 gumbo check; do
    pkg-config --exists "$m" 2>/dev/null || missing="$missing $m"
  done
  if [ -n "$missing" ]; then
    echo "install-deps: not a Debian system; install these pkg-config modules:$missing" >&2
    echo "install-deps: and a German Hunspell dictionary (de_DE_frami or de_DE)" >&2
    exit 1
  fi
  exit 0
fi

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=""
for p in $need; do
  installed "$p" || missing="$missing $p"
done
# German dictionary: the frami edition (better compound coverage), or the
# plain one, which conflicts with it, as a fallback.
dict=""
if ! installed hunspell-de-de-frami && ! installed hunspell-de-de; then
  dict="hunspell-de-de-frami"
fi

if [ -z "$missing" ] && [ -z "$dict" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages:$missing $dict" >&2
  echo "install-deps: run this as root, then try again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y$missing $dict" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing$missing $dict"
apt-get update -qq
if [ -n "$dict" ]; then
  if ! apt-get install -y -qq $missing hunspell-de-de-frami >/dev/null; then
    echo "install-deps: hunspell-de-de-frami unavailable, trying hunspell-de-de" >&2
    apt-get install -y -qq $missing hunspell-de-de >/dev/null
  fi
else
  apt-get install -y -qq $missing >/dev/null
fi
echo "install-deps: done"
