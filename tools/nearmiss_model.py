#!/usr/bin/env python3
"""A model of Hunspell's acceptance for the near-miss guard (issue 18).

The near-miss guard (src/spell.c, S_near_miss) asks Hunspell about every
one-edit variant of a word its compound splitter accepted; that is nearly
all the cost of a first-seen word. This prototype tests a filter that could
skip most of those calls without moving a verdict: an over-approximation
of Hunspell's acceptance built from the dictionary's own .aff and .dic,
with the compound flags.

A lower-cased variant passes the model when it is a form of the dictionary
(a stem of the .dic with up to one prefix and two suffixes of the classes
its flags or the affixes' continuation flags allow; strips applied, affix
conditions ignored), or a chain of such forms of at least COMPOUNDMIN
letters each: the first with COMPOUNDBEGIN, the middle ones with
COMPOUNDMIDDLE, the last with COMPOUNDEND (on the stem or on an affix's
continuation flags). Ignoring case, conditions, NEEDAFFIX, ONLYINCOMPOUND,
FORBIDDENWORD, KEEPCASE and COMPOUNDPERMITFLAG can only let more variants
through, so a variant Hunspell accepts always passes -- for an .aff that
uses no other directive (COMPOUNDRULE, COMPOUNDFLAG, SIMPLIFIEDTRIPLE,
COMPLEXPREFIXES, FLAG, AF, ICONV, IGNORE, ... are refused below). The
script checks that claim against Hunspell itself (`hunspell -G`).

    python3 tools/nearmiss_model.py [--words N] [--seed S] WORDLIST

WORDLIST: words, one a line (e.g. the words of `make spell-diff`'s output
whose split column is 1). For N of them (random, seeded) it enumerates the
guard's candidates (as mtai_spell_edits() does), asks `hunspell -G` which
it accepts, and prints how many candidates pass the model and whether
every accepted one does. Slow (pure Python: ~3 ms a candidate).
"""
import functools
import random
import subprocess
import sys

DICT = "/usr/share/hunspell/de_DE_frami"
KNOWN = {"SET", "BREAK", "CHECKSHARPS", "CIRCUMFIX", "COMPOUNDBEGIN",
         "COMPOUNDMIDDLE", "COMPOUNDEND", "COMPOUNDMIN", "COMPOUNDPERMITFLAG",
         "FORBIDDENWORD", "KEEPCASE", "MAP", "NEEDAFFIX", "NOSUGGEST",
         "ONLYINCOMPOUND", "PFX", "SFX", "REP", "TRY", "WORDCHARS"}
ALPHA = "enirstahdulcgmobwfkzpvüäößjyxq"  # the order of mtai_spell_edits()


def load(path):
    aff = open(path + ".aff", "rb").read().decode("latin1").split("\n")
    sfx, pfx, opt = {}, {}, {}
    for line in aff:
        f = line.split()
        if not f or f[0].startswith("#"):
            continue
        if f[0] not in KNOWN:
            sys.exit("nearmiss_model: %s: the model does not cover it" % f[0])
        if len(f) >= 2:
            opt.setdefault(f[0], f[1])
        if len(f) >= 5 and f[0] in ("SFX", "PFX"):
            strip = "" if f[2] == "0" else f[2].lower()
            a = f[3].split("/")
            app = "" if a[0] == "0" else a[0].lower()
            cont = frozenset(a[1]) if len(a) > 1 else frozenset()
            (sfx if f[0] == "SFX" else pfx).setdefault(app, []).append(
                (f[1], strip, cont))
    if opt.get("SET", "").upper() not in ("ISO8859-1", "ISO-8859-1"):
        sys.exit("nearmiss_model: only ISO-8859-1 dictionaries")
    roots = {}
    dic = open(path + ".dic", "rb").read().decode("latin1").split("\n")[1:]
    for line in dic:
        line = line.split("\t")[0].split(" ")[0]
        if not line:
            continue
        w, _, fl = line.partition("/")
        w = w.lower()
        for v in {w, w.replace("ß", "ss"), w.replace("ss", "ß")}:
            roots.setdefault(v, set()).update(fl)
    return roots, sfx, pfx, opt


class Model:
    def __init__(self, path):
        self.roots, self.sfx, self.pfx, opt = load(path)
        self.cmin = int(opt.get("COMPOUNDMIN", "3"))
        self.begin = opt.get("COMPOUNDBEGIN")
        self.middle = opt.get("COMPOUNDMIDDLE")
        self.end = opt.get("COMPOUNDEND")
        self.maxs = max(len(k) for k in self.sfx)
        self.maxp = max(len(k) for k in self.pfx)
        self.forms = functools.lru_cache(maxsize=None)(self._forms)

    def _sfx_forms(self, x, extra, depth):
        """Flag sets of x as a stem and up to 'depth' suffixes."""
        out = []
        if x in self.roots:
            out.append(frozenset(self.roots[x]))
        if depth == 0:
            return out
        n = len(x)
        for k in range(0, min(self.maxs, n - 1) + 1):
            for cls, strip, cont in self.sfx.get(x[n - k:], ()):
                y = x[:n - k] + strip
                if not y:
                    continue
                for fl in self._sfx_forms(y, extra, depth - 1):
                    if cls in fl or cls in extra:
                        out.append(fl | cont)
        return out

    def _forms(self, x):
        """(union of the flag sets of x as a form, x is a form)."""
        res = set()
        for fl in self._sfx_forms(x, frozenset(), 2):
            res |= fl
        n = len(x)
        for k in range(0, min(self.maxp, n - 1) + 1):
            for cls, strip, cont in self.pfx.get(x[:k], ()):
                for fl in self._sfx_forms(strip + x[k:], cont, 2):
                    if cls in fl or cls in cont:
                        res |= fl | cont
        return frozenset(res), bool(res) or x in self.roots

    def passes(self, c):
        c = c.lower()
        n = len(c)
        if self.forms(c)[1]:
            return True

        @functools.lru_cache(maxsize=None)
        def rest(i, first):
            for j in range(i + self.cmin, n + 1):
                f = self.forms(c[i:j])[0]
                if not f:
                    continue
                if j == n:
                    if not first and self.end in f:
                        return True
                elif n - j >= self.cmin:
                    role = self.begin if first else self.middle
                    if role in f and rest(j, False):
                        return True
            return False

        return rest(0, True)


def candidates(w):
    """The one-edit variants mtai_spell_edits() enumerates (never the
    first letter), without duplicates and without the word itself."""
    out, n = [], len(w)
    for p in range(2, n):
        out.append(w[:p - 1] + w[p] + w[p - 1] + w[p + 1:])
    for p in range(1, n):
        out.append(w[:p] + w[p + 1:])
    for p in range(1, n + 1):
        out += [w[:p] + a + w[p:] for a in ALPHA]
    for p in range(1, n):
        out += [w[:p] + a + w[p + 1:] for a in ALPHA if a != w[p]]
    seen = set()
    return [c for c in out if c != w and not (c in seen or seen.add(c))]


def hunspell_accepts(words):
    data = "\n".join(words).encode("latin1", "replace")
    r = subprocess.run(["hunspell", "-d", DICT, "-i", "ISO-8859-1", "-G"],
                       input=data, stdout=subprocess.PIPE, check=True)
    return set(r.stdout.decode("latin1").split("\n")) - {""}


def main(argv):
    n, seed, args = 100, 18, []
    it = iter(argv)
    for a in it:
        if a == "--words":
            n = int(next(it))
        elif a == "--seed":
            seed = int(next(it))
        else:
            args.append(a)
    words = [w.strip() for w in open(args[0], encoding="utf-8")
             if w.strip() and w.strip().isalpha()]
    words = [w for w in dict.fromkeys(words)
             if all(ord(ch) < 256 for ch in w) and len(w) < 64]
    random.Random(seed).shuffle(words)
    m = Model(DICT)
    total = passed = accepted = missed = 0
    for w in words[:n]:
        cs = candidates(w)
        acc = hunspell_accepts(cs)
        ok = [c for c in cs if m.passes(c)]
        bad = [c for c in acc if not m.passes(c)]
        total, passed = total + len(cs), passed + len(ok)
        accepted, missed = accepted + len(acc), missed + len(bad)
        print("%s\t%d candidates\t%d pass\t%d accepted\t%s" %
              (w, len(cs), len(ok), len(acc), " ".join(bad)), flush=True)
    print("words %d, candidates %d, pass the model %d (%.2f %%), "
          "Hunspell accepts %d, of which the model rejects %d" %
          (min(n, len(words)), total, passed, 100.0 * passed / max(total, 1),
           accepted, missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
