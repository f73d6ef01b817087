#!/usr/bin/env python3
"""make eval, held-out part: mtaudit on text written after the rules were
tuned, by a writer who did not see the tuning data or the check code
(tests/data/clean-heldout/README.md).

(a) tests/data/clean-heldout/*.txt: correct German news prose and one
    spoken (TED-like) text, each file audited as one document with the
    default options. Printed: words, major findings and all findings per
    1,000 words, a table by rule, and the paragraphs classified as
    something other than text (prose hidden from the score). Findings of
    the categories boilerplate and duplicate are not counted as findings.
(b) tests/data/artifacts-heldout.tsv: one German sentence per line with
    exactly one real machine-translation artifact (RULE, SPAN, SENTENCE).
    Every sentence is its own document (JSON Lines input); an artifact is
    found when a finding of RULE overlaps SPAN. Printed: recall by rule
    and overall, and the share with a finding of any rule on the span.
(c) tests/data/*-heldout.tsv in the format of tests/data/rules/*.tsv, the
    rule named by a line "#rule ID": "+<TAB>span<TAB>sentence" (an
    artifact: a finding of the rule must overlap the first occurrence of
    span, or its N-th with "@N span") and "-<TAB><TAB>sentence" (correct
    German). Every sentence is its own document. Printed per file: the
    positives found and the correct sentences with a finding of the rule.
(d) tests/data/accuracy-heldout.tsv: English sources and German targets
    (RULE<TAB>SOURCE<TAB>TARGET, RULE the one accuracy error of TARGET or
    "-" for a faithful translation; "\\n" is a line break). Every pair is
    its own JSON Lines record {"id", "text", "source"}. Printed: per rule
    the error pairs with a finding of the rule (recall), and the faithful
    pairs with a major or critical accuracy finding (false alarms; those
    with minor ones only are counted apart).

This data is held out: never tune a rule to it. --show prints the
findings on (a) and what each missed artifact of (b) got instead; it is
meant for the final check by the lead, not for tuning.

  python3 tests/heldout.py BINARY [--show]
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

SCRAPING = ("boilerplate", "duplicate")
MAJOR = ("major", "critical")


def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True, check=False)
    if p.returncode == 2:
        sys.exit("heldout: mtaudit failed: " + p.stderr.decode("utf-8", "replace"))
    docs = []
    for line in p.stdout.decode("utf-8").splitlines():
        if line.strip():
            docs.append(json.loads(line))
    return docs


def clean(binary, folder, show):
    files = sorted(f for f in os.listdir(folder) if f.endswith(".txt"))
    if not files:
        print(f"heldout: no *.txt in {folder}; skipped")
        return
    paths = [os.path.join(folder, f) for f in files]
    docs = run(binary, ["--format", "jsonl", "-j", "2"] + paths)
    words = scored_words = 0
    nmaj = nall = 0
    byrule = collections.Counter()
    bymaj = collections.Counter()
    hidden = []
    shown = []
    for d in docs:
        paras = d.get("paragraphs", [])
        w = sum(p.get("words", 0) for p in paras)
        words += w
        scored_words += d.get("words", 0)
        for p in paras:
            if p.get("kind") not in ("text", "heading"):
                hidden.append((os.path.basename(d["file"]), p))
        for f in d.get("findings", []):
            if f["category"] in SCRAPING:
                continue
            nall += 1
            nmaj += f["severity"] in MAJOR
            byrule[f["rule"]] += 1
            bymaj[f["rule"]] += f["severity"] in MAJOR
            shown.append((os.path.basename(d["file"]), f))
    k = 1000.0 / max(words, 1)
    print(f"== clean-heldout: {len(docs)} files, {words} words "
          f"({scored_words} scored)")
    print(f"  major findings per 1,000 words: {nmaj * k:6.2f}  ({nmaj})")
    print(f"  all findings per 1,000 words:   {nall * k:6.2f}  ({nall})")
    if byrule:
        print("  by rule (count, of them major, per 1,000 words):")
        for rule, n in sorted(byrule.items(), key=lambda x: (-x[1], x[0])):
            print(f"    {rule:38s} {n:4d} {bymaj[rule]:4d}  {n * k:6.2f}")
    hw = sum(p.get("words", 0) for _, p in hidden)
    kinds = collections.Counter(p.get("kind") for _, p in hidden)
    ks = ", ".join(f"{a} {b}" for a, b in kinds.most_common()) or "none"
    print(f"  paragraphs not scored as text: {len(hidden)}, {hw} words ({ks})")
    if show:
        for name, f in shown:
            print(f"    {name}:{f.get('line')}: {f['rule']} {f['severity']} "
                  f"'{f.get('text', '')}'")
        for name, p in hidden:
            print(f"    {name}:{p.get('line')}: paragraph classified {p.get('kind')}")


def find_span(text, span):
    """The first occurrence of span that is not part of a longer word
    ("es" in "es soll", not in "Gesetz"); else the first occurrence."""
    i = text.find(span)
    first = i
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(span)] if i + len(span) < len(text) else " "
        if not (span[0].isalnum() and before.isalnum()) and \
                not (span[-1].isalnum() and after.isalnum()):
            return i
        i = text.find(span, i + 1)
    return first


def load_artifacts(tsv):
    cases = []
    with open(tsv, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"heldout: {tsv}:{n}: expected RULE<TAB>SPAN<TAB>SENTENCE")
            rule, span, text = parts
            i = find_span(text, span)
            if i < 0:
                sys.exit(f"heldout: {tsv}:{n}: span '{span}' not in the sentence")
            s = len(text[:i].encode("utf-8"))
            cases.append({"rule": rule, "span": span, "text": text,
                          "start": s, "end": s + len(span.encode("utf-8"))})
    return cases


def artifacts(binary, tsv, show):
    cases = load_artifacts(tsv)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for i, c in enumerate(cases):
            f.write(json.dumps({"id": i, "text": c["text"] + "\n"},
                               ensure_ascii=False) + "\n")
        path = f.name
    try:
        docs = run(binary, ["--input-format", "jsonl", "--format", "jsonl",
                            "--score-all", "-j", "2", path])
    finally:
        os.unlink(path)
    byid = {d.get("id"): d for d in docs}
    tot = collections.Counter()
    hit = collections.Counter()
    anyhit = 0
    missed = []
    for i, c in enumerate(cases):
        fs = byid.get(i, {}).get("findings", [])
        over = [f for f in fs
                if f["start"] < c["end"] and f["end"] > c["start"]]
        tot[c["rule"]] += 1
        if any(f["rule"] == c["rule"] for f in over):
            hit[c["rule"]] += 1
        else:
            missed.append((c, fs))
        anyhit += bool(over)
    n, h = sum(tot.values()), sum(hit.values())
    print(f"== artifacts-heldout: {n} sentences, one artifact each")
    print("  recall by rule (found = a finding of the rule overlaps the span):")
    for rule in sorted(tot):
        print(f"    {rule:38s} {hit[rule]:3d} / {tot[rule]:3d}  "
              f"{100.0 * hit[rule] / tot[rule]:5.1f} %")
    print(f"  overall: {h} / {n} ({100.0 * h / max(n, 1):.1f} %);"
          f" any rule on the span: {anyhit} ({100.0 * anyhit / max(n, 1):.1f} %)")
    if show:
        for c, fs in missed:
            got = "; ".join(f"{f['rule']} '{f.get('text', '')}'" for f in fs) or "nothing"
            print(f"    MISSED {c['rule']} '{c['span']}': {c['text']}\n"
                  f"      got: {got}")


def load_rule_file(tsv):
    """A held-out file in the rules/ format: (rule, cases) or None when
    the file is of another format (no "#rule" line)."""
    rule = None
    cases = []
    with open(tsv, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#rule "):
                rule = line[6:].strip()
                continue
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[0] not in ("+", "-"):
                if rule is None:
                    return None
                sys.exit(f"heldout: {tsv}:{n}: expected +/-<TAB>SPAN<TAB>SENTENCE")
            sign, span, text = parts
            c = {"pos": sign == "+", "span": span, "text": text}
            if c["pos"]:
                nth, sp = 1, span
                if span.startswith("@") and " " in span:
                    nth, sp = int(span[1:span.index(" ")]), span[span.index(" ") + 1:]
                i = -1
                for _ in range(nth):
                    i = text.find(sp, i + 1)
                    if i < 0:
                        sys.exit(f"heldout: {tsv}:{n}: span '{span}' not in the sentence")
                c["start"] = len(text[:i].encode("utf-8"))
                c["end"] = c["start"] + len(sp.encode("utf-8"))
            elif span:
                sys.exit(f"heldout: {tsv}:{n}: a correct sentence has a span")
            cases.append(c)
    if rule is None:
        return None
    return rule, cases


def rule_files(binary, folder, show):
    names = sorted(f for f in os.listdir(folder) if f.endswith("-heldout.tsv"))
    for name in names:
        loaded = load_rule_file(os.path.join(folder, name))
        if loaded is None:
            continue
        rule, cases = loaded
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                         encoding="utf-8") as f:
            for i, c in enumerate(cases):
                f.write(json.dumps({"id": i, "text": c["text"] + "\n"},
                                   ensure_ascii=False) + "\n")
            path = f.name
        try:
            docs = run(binary, ["--input-format", "jsonl", "--format", "jsonl",
                                "--score-all", "--min-words", "1", "-j", "2",
                                path])
        finally:
            os.unlink(path)
        byid = {d.get("id"): d for d in docs}
        npos = found = nneg = false = 0
        missed, alarms = [], []
        for i, c in enumerate(cases):
            fs = [f for f in byid.get(i, {}).get("findings", [])
                  if f["rule"] == rule]
            if c["pos"]:
                npos += 1
                if any(f["start"] < c["end"] and f["end"] > c["start"]
                       for f in fs):
                    found += 1
                else:
                    missed.append(c)
            else:
                nneg += 1
                if fs:
                    false += 1
                    alarms.append((c, fs))
        print(f"== rule-heldout {name}: rule {rule}")
        print(f"  positives found: {found} / {npos} "
              f"({100.0 * found / max(npos, 1):.1f} %)")
        print(f"  correct sentences with a finding: {false} / {nneg} "
              f"({100.0 * false / max(nneg, 1):.1f} %)")
        if show:
            for c in missed:
                print(f"    MISSED '{c['span']}': {c['text']}")
            for c, fs in alarms:
                got = "; ".join(f"'{f.get('text', '')}'" for f in fs)
                print(f"    FALSE {got}: {c['text']}")


def load_accuracy(tsv):
    cases = []
    with open(tsv, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or not (parts[0] == "-" or
                                       parts[0].startswith("accuracy/")):
                sys.exit(f"heldout: {tsv}:{n}: expected RULE<TAB>SOURCE<TAB>TARGET")
            rule, src, tgt = parts
            cases.append({"rule": rule,
                          "source": src.replace("\\n", "\n") + "\n",
                          "text": tgt.replace("\\n", "\n") + "\n"})
    return cases


def known_rules(binary):
    p = subprocess.run([binary, "--list-rules"], capture_output=True,
                       check=False)
    return {line.split()[0] for line in
            p.stdout.decode("utf-8", "replace").splitlines()[1:]
            if line.strip()}


def accuracy(binary, tsv, show):
    cases = load_accuracy(tsv)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for i, c in enumerate(cases):
            f.write(json.dumps({"id": i, "text": c["text"],
                                "source": c["source"]},
                               ensure_ascii=False) + "\n")
        path = f.name
    try:
        # A source that cannot be used is said on stderr with exit 2, the
        # reports still written: count those, fail only without reports.
        p = subprocess.run([binary, "--input-format", "jsonl", "--format",
                            "jsonl", "--score-all", "--min-words", "1",
                            "-j", "2", path], capture_output=True,
                           check=False)
    finally:
        os.unlink(path)
    docs = [json.loads(line) for line in
            p.stdout.decode("utf-8").splitlines() if line.strip()]
    refused = [line for line in
               p.stderr.decode("utf-8", "replace").splitlines()
               if line.strip()]
    if p.returncode == 2 and not docs:
        sys.exit("heldout: mtaudit failed: " + "\n".join(refused))
    known = known_rules(binary)
    byid = {d.get("id"): d for d in docs}
    tot = collections.Counter()
    hit = collections.Counter()
    nfaith = false = minor = 0
    falsebyrule = collections.Counter()
    missed, alarms = [], []
    unused = 0
    for i, c in enumerate(cases):
        src = byid.get(i, {}).get("source") or {}
        unused += src.get("used") is False
        fs = [f for f in byid.get(i, {}).get("findings", [])
              if f["rule"].startswith("accuracy/")]
        if c["rule"] != "-":
            tot[c["rule"]] += 1
            if any(f["rule"] == c["rule"] for f in fs):
                hit[c["rule"]] += 1
            else:
                missed.append((c, fs))
        else:
            nfaith += 1
            maj = [f for f in fs if f["severity"] in MAJOR]
            if maj:
                false += 1
                for r in {f["rule"] for f in maj}:
                    falsebyrule[r] += 1
                alarms.append((c, maj))
            elif fs:
                minor += 1
    n, h = sum(tot.values()), sum(hit.values())
    print(f"== accuracy-heldout: {n} error pairs, {nfaith} faithful pairs")
    print("  recall by rule (found = a finding of the rule in the pair):")
    for rule in sorted(tot):
        note = "" if rule in known else "  (not implemented yet)"
        print(f"    {rule:38s} {hit[rule]:3d} / {tot[rule]:3d}  "
              f"{100.0 * hit[rule] / tot[rule]:5.1f} %{note}")
    print(f"  overall: {h} / {n} ({100.0 * h / max(n, 1):.1f} %)")
    print(f"  faithful pairs with a major/critical accuracy finding: "
          f"{false} / {nfaith} ({100.0 * false / max(nfaith, 1):.1f} %); "
          f"with minor ones only: {minor}")
    print(f"  pairs whose source was not used: {unused}")
    if refused:
        print(f"  messages (sources not used?): {len(refused)}")
        for line in refused[:5]:
            print(f"    {line}")
    for rule, k in sorted(falsebyrule.items()):
        print(f"    {rule:38s} {k:3d}")
    if show:
        for c, fs in missed:
            got = "; ".join(f"{f['rule']} '{f.get('text', '')}'" for f in fs) or "nothing"
            print(f"    MISSED {c['rule']}: {c['text'].strip()}\n      got: {got}")
        for c, fs in alarms:
            got = "; ".join(f"{f['rule']} {f['severity']} '{f.get('text', '')}'"
                            for f in fs)
            print(f"    FALSE {got}: {c['text'].strip()}")


def main():
    args = sys.argv[1:]
    show = "--show" in args
    args = [a for a in args if a != "--show"]
    if len(args) != 1:
        sys.exit("usage: heldout.py BINARY [--show]")
    binary = args[0]
    if not os.path.exists(binary):
        print(f"heldout: {binary} not found; skipped")
        return 0
    here = os.path.dirname(os.path.abspath(__file__))
    folder = os.path.join(here, "data", "clean-heldout")
    tsv = os.path.join(here, "data", "artifacts-heldout.tsv")
    if os.path.isdir(folder):
        clean(binary, folder, show)
    else:
        print(f"heldout: {folder} not found; skipped")
    if os.path.exists(tsv):
        artifacts(binary, tsv, show)
    else:
        print(f"heldout: {tsv} not found; skipped")
    rule_files(binary, os.path.join(here, "data"), show)
    acc = os.path.join(here, "data", "accuracy-heldout.tsv")
    if os.path.exists(acc):
        accuracy(binary, acc, show)
    else:
        print(f"heldout: {acc} not found; skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
