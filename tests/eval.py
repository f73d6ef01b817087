#!/usr/bin/env python3
"""make eval: how mtaudit's findings and scores agree with professional
MQM ratings (tests/data/mqm-ted-ende-dev, English->German TED talks, 14
systems and a human reference; see its README).

Every rated segment is audited as its own document (JSON Lines input, so
that no check sees another segment), and compared with its rater's
errors:

- false alarms: of the distinct segments every rater found error-free,
  the share with a major finding and with any scored finding, and the
  findings per 1,000 words of that good text, by rule;
- the human reference translation ("ref"): major and all findings per
  1,000 words;
- recall: the share of segments with a rater's major error that get any
  finding;
- ordering: Kendall's tau-b between mtaudit's paragraph penalty per word
  (read back from the paragraph scores the tool reports, so the tool's own
  severity weights count) and the rater's MQM points per word (major 5,
  minor 1, minor punctuation 0.1).

Segments are audited with default options (not --score-all), as an
editor would run the tool: a segment taken for boilerplate is counted as
prose lost.

The data is cut in two by talk: talks 1 and 3 are the tuning part,
talk 5 is held out. Tune on the first, read the second only as a figure
(--show prints the texts of false alarms of the tuning part only).

  python3 tests/eval.py BINARY [TSV] [--show RULE]
"""
import collections
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

SCRAPING = ("boilerplate", "duplicate")


def load(tsv):
    with open(tsv, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    head, rows = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(head)}
    segs = collections.OrderedDict()
    for r in rows:
        key = (r[col["system"]], r[col["doc"]], r[col["seg_id"]])
        text = r[col["target"]].replace("<v>", "").replace("</v>", "")
        text = re.sub(r"\s+", " ", text).strip()
        s = segs.setdefault(key, {"text": text, "errors": [], "raters": set()})
        s["raters"].add(r[col["rater"]])
        sev, cat = r[col["severity"]], r[col["category"]]
        if sev in ("Major", "Minor"):
            s["errors"].append((sev, cat))
            m = re.search(r"<v>(.*?)</v>", r[col["target"]], re.S)
            if m and m.group(1).strip():
                s.setdefault("spans", []).append(
                    (re.sub(r"\s+", " ", m.group(1)).strip(), sev, cat))
    return segs


def mqm_points(errors, nraters):
    pts = 0.0
    for sev, cat in errors:
        if sev == "Major":
            pts += 5
        elif cat == "Fluency/Punctuation":
            pts += 0.1
        else:
            pts += 1
    return pts / max(nraters, 1)


def audit(binary, segs):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for i, s in enumerate(segs.values()):
            f.write(json.dumps({"id": i, "text": s["text"] + "\n"},
                               ensure_ascii=False) + "\n")
        path = f.name
    try:
        out = subprocess.run([binary, "--input-format", "jsonl", "--format",
                              "jsonl", "-j", "2", path],
                             capture_output=True, check=False).stdout
    finally:
        os.unlink(path)
    docs = {}
    for line in out.decode("utf-8").splitlines():
        d = json.loads(line)
        docs[d["id"]] = d
    return docs


def audit_talks(binary, segs):
    """Each system's translation of a talk as one document, a segment per
    paragraph (as an editor audits an article: checks that look at the
    whole document, such as a name used consistently, take part).
    Returns {segment key: (paragraph dict, findings of that paragraph)}."""
    talks = collections.OrderedDict()
    for k in segs:
        talks.setdefault((k[0], k[1]), []).append(k)
    order = []
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for i, (tk, ks) in enumerate(talks.items()):
            ks.sort(key=lambda k: int(k[2]))
            order.append(ks)
            text = "\n\n".join(segs[k]["text"] for k in ks) + "\n"
            f.write(json.dumps({"id": i, "text": text}, ensure_ascii=False)
                    + "\n")
        path = f.name
    try:
        out = subprocess.run([binary, "--input-format", "jsonl", "--format",
                              "jsonl", "-j", "2", path],
                             capture_output=True, check=False).stdout
    finally:
        os.unlink(path)
    res = {}
    for line in out.decode("utf-8").splitlines():
        d = json.loads(line)
        ks = order[d["id"]]
        paras = d.get("paragraphs", [])
        if len(paras) != len(ks):
            continue  # a segment split or joined: not comparable
        for pa, k in zip(paras, ks):
            fs = [f for f in d.get("findings", [])
                  if f["paragraph"] == pa["index"]]
            res[k] = (pa, fs)
    return res


def kendall_tau_b(x, y):
    """Tau-b over all pairs (O(n^2); n is a few thousand)."""
    n = len(x)
    conc = disc = tx = ty = 0
    for i in range(n):
        xi, yi = x[i], y[i]
        for j in range(i + 1, n):
            dx, dy = xi - x[j], yi - y[j]
            if dx == 0 and dy == 0:
                continue
            if dx == 0:
                tx += 1
            elif dy == 0:
                ty += 1
            elif (dx > 0) == (dy > 0):
                conc += 1
            else:
                disc += 1
    denom = ((conc + disc + tx) * (conc + disc + ty)) ** 0.5
    return (conc - disc) / denom if denom else 0.0


HELDOUT_DOCS = ("talk.5",)


def report(title, per, allper):
    print(f"== {title}: {len(per)} rated segments")
    # False alarms on segments found error-free (distinct texts).
    seen, good = set(), []
    for p in per:
        if p["clean"] and p["text"] not in seen:
            seen.add(p["text"])
            good.append(p)
    gw = sum(p["words"] for p in good)
    gmaj = sum(any(f["severity"] in ("major", "critical") for f in p["findings"])
               for p in good)
    gany = sum(bool(p["findings"]) for p in good)
    print(f"error-free segments (distinct): {len(good)}, {gw} words")
    print(f"  with a major finding: {gmaj} ({100.0 * gmaj / max(len(good), 1):.1f} %)"
          f"   target <= 1 %")
    print(f"  with any finding:     {gany} ({100.0 * gany / max(len(good), 1):.1f} %)"
          f"   target <= 3 %")
    byrule = collections.Counter(f["rule"] for p in good for f in p["findings"])
    if byrule:
        print("  false alarms per 1,000 words of good text, by rule:")
        for rule, n in byrule.most_common():
            print(f"    {rule:38s} {n:4d}  {1000.0 * n / max(gw, 1):6.2f}")

    ref = [p for p in per if p["key"][0] == "ref"]
    rw = sum(p["words"] for p in ref)
    rmaj = sum(f["severity"] in ("major", "critical") for p in ref for f in p["findings"])
    rany = sum(len(p["findings"]) for p in ref)
    print(f"human reference: {len(ref)} segments, {rw} words")
    print(f"  major findings per 1,000 words: {1000.0 * rmaj / max(rw, 1):.2f}"
          f"   target <= 0.5")
    print(f"  all findings per 1,000 words:   {1000.0 * rany / max(rw, 1):.2f}"
          f"   target <= 3")

    bad = [p for p in per if p["major_err"]]
    hit = sum(bool(p["findings"]) for p in bad)
    print(f"segments with a rater's major error: {len(bad)};"
          f" with any finding: {hit} ({100.0 * hit / max(len(bad), 1):.1f} %)")

    # Severity agreement: each finding against the rated error spans it
    # overlaps (by text), to calibrate a rule's severity.
    agree = collections.defaultdict(collections.Counter)
    for p in per:
        spans = p.get("spans", [])
        for f in p["findings"]:
            t = f.get("text", "")
            hit = [sev for sp, sev, _ in spans if t and (t in sp or sp in t)]
            lab = ("rated major" if "Major" in hit else
                   "rated minor" if hit else "no rated error")
            agree[(f["rule"], f["severity"])][lab] += 1
    if agree:
        print("  findings on rated error spans (rule, severity: major / minor"
              " / no rated error there):")
        for (rule, sev), c in sorted(agree.items()):
            print(f"    {rule:38s} {sev:8s} {c['rated major']:4d} "
                  f"{c['rated minor']:4d} {c['no rated error']:4d}")

    # Recall of rated spans by category: a span is found when a finding's
    # text overlaps it (distinct segment texts and spans).
    cats = ("Accuracy/Untranslated text", "Fluency/Spelling",
            "Fluency/Grammar")
    tot, got, seen = collections.Counter(), collections.Counter(), set()
    for p in per:
        for sp, sev, cat in p.get("spans", []):
            if cat not in cats or (p["text"], sp, cat) in seen:
                continue
            seen.add((p["text"], sp, cat))
            tot[(cat, sev)] += 1
            if any(f.get("text") and (f["text"] in sp or sp in f["text"])
                   for f in p["findings"]):
                got[(cat, sev)] += 1
    if tot:
        print("  rated spans found (distinct; a finding overlaps the span):")
        for cat in cats:
            for sev in ("Major", "Minor"):
                n = tot[(cat, sev)]
                if n:
                    print(f"    {cat:28s} {sev:5s} {got[(cat, sev)]:4d} of "
                          f"{n:4d} ({100.0 * got[(cat, sev)] / n:5.1f} %)")

    tau = kendall_tau_b([p["pen"] for p in per], [p["mqm"] for p in per])
    print(f"Kendall tau-b, penalty per word vs MQM points per word: {tau:.3f}"
          f"   aim >= 0.15")

    # Prose hidden as boilerplate: every segment is a spoken sentence or
    # two, so a segment whose paragraph is not scored text is prose lost.
    seen, hidden, total = set(), collections.Counter(), 0
    for p in allper:
        if p["text"] in seen:
            continue
        seen.add(p["text"])
        total += 1
        if p["kind"] not in ("text", "heading"):
            hidden[p["kind"]] += 1
    nh = sum(hidden.values())
    kinds = ", ".join(f"{k} {n}" for k, n in hidden.most_common()) or "none"
    print(f"prose segments classified as non-text (distinct): {nh} of {total}"
          f" ({100.0 * nh / max(total, 1):.2f} %; {kinds})   target <= 0.5 %")


def main():
    args = sys.argv[1:]
    show = None
    if "--show" in args:
        i = args.index("--show")
        if i + 1 >= len(args):
            sys.exit("usage: eval.py BINARY [TSV] [--show RULE]")
        show = args[i + 1]
        del args[i:i + 2]
    args = [a for a in args if a != "--talks"]
    if not args:
        sys.exit("usage: eval.py BINARY [TSV] [--show RULE] [--talks]")
    binary = args[0]
    here = os.path.dirname(os.path.abspath(__file__))
    tsv = args[1] if len(args) > 1 else os.path.join(
        here, "data", "mqm-ted-ende-dev", "mqm_ted_ende.dev.tsv")
    if not os.path.exists(tsv):
        print(f"eval: {tsv} not found; skipped")
        return 0
    segs = load(tsv)
    docs = audit(binary, segs)
    keys = list(segs)
    per = []
    for i, k in enumerate(keys):
        d = docs.get(i)
        if d is None or d.get("error"):
            continue
        fs = [f for f in d.get("findings", []) if f["category"] not in SCRAPING]
        s = segs[k]
        paras = d.get("paragraphs", [])
        # The tool's own paragraph penalty: a paragraph scores
        # 100 * (1 - penalty / words), so penalty = (100 - score) / 100 * words.
        words = max(sum(pa.get("words", 0) for pa in paras), 1)
        pen = sum((100.0 - pa["score"]) / 100.0 * pa.get("words", 0)
                  for pa in paras if pa.get("score") is not None)
        per.append({
            "key": k, "text": s["text"], "words": words, "findings": fs,
            "pen": pen / words,
            "mqm": mqm_points(s["errors"], len(s["raters"])) / words,
            "clean": not s["errors"],
            "major_err": any(sev == "Major" for sev, _ in s["errors"]),
            "kind": paras[0]["kind"] if paras else "none",
            "spans": s.get("spans", []),
        })
    print(f"eval: {len(per)} rated segments audited ({len(segs)} in the data)")
    if "--talks" in sys.argv:
        tal = audit_talks(binary, segs)
        per2 = []
        for p in per:
            if p["key"] not in tal:
                continue
            pa, fs = tal[p["key"]]
            fs = [f for f in fs if f["category"] not in SCRAPING]
            w = max(pa.get("words", 0), 1)
            q = dict(p)
            q.update(findings=fs, words=w, kind=pa["kind"],
                     pen=(100.0 - pa["score"]) / 100.0 if pa.get("score")
                     is not None else 0.0,
                     mqm=mqm_points(segs[p["key"]]["errors"],
                                    len(segs[p["key"]]["raters"])) / w)
            per2.append(q)
        print(f"(--talks: every system's talk audited as one document, "
              f"{len(per2)} segments as its paragraphs)")
        per = per2
    tune = [p for p in per if p["key"][1] not in HELDOUT_DOCS]
    held = [p for p in per if p["key"][1] in HELDOUT_DOCS]
    if show:
        seen = set()
        for p in tune:
            if p["text"] in seen:
                continue
            seen.add(p["text"])
            for f in p["findings"]:
                if f["rule"] == show or show == "all":
                    tag = "GOOD" if p["clean"] else "RATED"
                    print(f"{tag} {f['rule']} {f['severity']} "
                          f"'{f.get('text', '')}': {p['text']}")
        return 0
    report("tuning part (talks 1, 3)", tune, tune)
    report("held-out part (talk 5)", held, held)
    report("all", per, per)
    return 0


if __name__ == "__main__":
    sys.exit(main())
