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

Then the source-aware run (issue 16): every distinct (target, source)
pair audited once as a record {"id", "text", "source"} (with --talks:
every talk against the whole English talk, sources joined as the
targets are). Printed per part:

- recall of rated accuracy spans (distinct): Accuracy/Omission (marked
  in the source: found by a finding of the segment, of the rule
  accuracy/omission or of any accuracy/* rule), Accuracy/Untranslated
  text, and the Accuracy/Mistranslation spans with a number (a digit or
  a German number word) and those with a name (a capitalized word that
  does not begin a sentence and is a word of the source too; a genitive
  -s allowed), separately (found by a finding overlapping the span: of
  any rule, and of accuracy/* only); Accuracy/Addition for information;
- the error-free segments (distinct pairs) with a major or critical
  accuracy finding (target <= 1 %), by rule, and accuracy findings per
  1,000 words of that good target text by rule;
- Kendall's tau-b exactly as above, without the source (the monolingual
  run) and with it, on the same segments;
- (tuning part) the English->German length ratio of the error-free
  pairs, words and characters: percentiles 1, 5, 50, 95, 99.

--show accuracy/RULE (or "accuracy" for all of them) lists the tuning
part's findings of the source-aware run with source and target.

The data is cut in two by talk: talks 1 and 3 are the tuning part,
talk 5 is held out. Tune on the first, read the second only as a figure
(--show prints the texts of false alarms of the tuning part only).

  python3 tests/eval.py BINARY [TSV] [--show RULE] [--talks]
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
        if "source" not in s:
            src = r[col["source"]].replace("<v>", "").replace("</v>", "")
            s["source"] = re.sub(r"\s+", " ", src).strip()
        if sev in ("Major", "Minor"):
            s["errors"].append((sev, cat))
            if cat.startswith("Accuracy/"):
                acc_span(s, sev, cat, r[col["source"]], r[col["target"]])
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


_TAU = {}


def kendall_tau_b(x, y):
    """Tau-b over all pairs (O(n^2); n is a few thousand; a repeated
    question is answered from a cache)."""
    k = (tuple(x), tuple(y))
    if k not in _TAU:
        _TAU[k] = _kendall_tau_b(x, y)
    return _TAU[k]


def _kendall_tau_b(x, y):
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


# ---------------------------------------------------------------------------
# Source-aware run (issue 16): the same segments audited against their
# English source (JSON Lines records {"id", "text", "source"}), each
# distinct (target, source) pair once.

ACC = "accuracy/"


def _norm(t):
    return re.sub(r"\s+", " ", t)


def acc_span(s, sev, cat, raw_src, raw_tgt):
    """Records a rated accuracy span of segment 's': the side it is marked
    on (an omission is marked in the source), its text and its character
    offsets in the cleaned text of that side."""
    side, raw = ("tgt", raw_tgt) if "<v>" in raw_tgt else ("src", raw_src)
    i = raw.find("<v>")
    j = raw.find("</v>", i + 3)
    if i < 0 or j < 0:
        return
    full = s["text"] if side == "tgt" else s["source"]
    pre = _norm(raw[:i].replace("</v>", "")).lstrip()
    inner = _norm(raw[i + 3:j])
    if pre.endswith(" ") and inner.startswith(" "):
        inner = inner[1:]
    sp = inner.strip()
    if not sp:
        return
    start = len(pre) + len(inner) - len(inner.lstrip())
    if full[start:start + len(sp)] != sp:  # collapsed spaces: nearest match
        hits = [m.start() for m in re.finditer(re.escape(sp), full)]
        if not hits:
            return
        start = min(hits, key=lambda h: abs(h - start))
    s.setdefault("aspans", []).append(
        {"cat": cat, "sev": sev, "side": side, "text": sp, "start": start,
         "end": start + len(sp)})


# German number words: cardinals (compounds such as "dreiundzwanzig",
# "zweihundert"), their ordinal and inflected forms, and the large units;
# the article "ein" and its forms are not numbers, nor is "erst-".
_NUM_MORPH = (r"(?:und|eins|ein|zwei|drei|vier|fünf|sechs|sieben|sieb|acht|"
              r"neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|sechzig|"
              r"siebzig|achtzig|neunzig|hundert|tausend)")
_NUM_WORD = re.compile(r"^" + _NUM_MORPH + r"+(?:s?te[nrsm]?|e[nrsm]?)?$")
_NUM_UNIT = re.compile(r"^(?:million|milliarde|billion|billiarde|dutzend)"
                       r"(?:en|e|s)?$")
_ARTICLE = re.compile(r"^(?:ein|eine[nrsm]?|und|eins?te[nrsm]?)$")


def has_number(t):
    if re.search(r"\d", t):
        return True
    for w in re.findall(r"\w+", t.lower()):
        if _NUM_UNIT.match(w):
            return True
        if _NUM_WORD.match(w) and not _ARTICLE.match(w):
            return True
    return False


_CAP = re.compile(r"(?<![\w-])[A-ZÄÖÜ]\w*(?:-\w+)*")


def has_name(text, start, end, source):
    """A capitalized word of text[start:end] that does not begin a
    sentence and is a word of the source too (or is, less a genitive -s,
    as in "Putins")."""
    words = set(re.findall(r"\w+(?:-\w+)*", source))
    for m in _CAP.finditer(text, start, end):
        if m.end() > end:
            continue
        before = text[:m.start()].rstrip(" „\"“”»«‚‘'(–-")
        if not before or before[-1] in ".!?:":
            continue
        w = m.group(0)
        if w in words or (w.endswith("s") and w[:-1] in words):
            return True
    return False


def run_jsonl(binary, records):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        path = f.name
    try:
        run = subprocess.run([binary, "--input-format", "jsonl", "--format",
                              "jsonl", "-j", "2", path],
                             capture_output=True, check=False)
    finally:
        os.unlink(path)
    # A source that cannot be used is said on stderr ("NAME: source
    # SRC: WHY; audited without it") and the record audited without it.
    why = {}
    for line in run.stderr.decode("utf-8", "replace").splitlines():
        m = re.match(r"^(?:mtaudit: )?(.*?): source .*?: (.*); audited without"
                     r" it$", line)
        if m:
            why[m.group(1)] = m.group(2)
    docs = {}
    for line in run.stdout.decode("utf-8").splitlines():
        d = json.loads(line)
        if d.get("file") in why and not d.get("source_error"):
            d["source_error"] = why[d["file"]]
        docs[d["id"]] = d
    return docs


def _src_error(d):
    e = d.get("source_error")
    sd = d.get("source")
    if isinstance(sd, dict) and not sd.get("used", True):
        e = sd.get("error") or e or "not used"
    # the reason without its figures: "looks German, not English"
    return re.sub(r"\s*\(.*", "", e) if e else None


def _entry(p, fs, words, pen, base, src_err):
    q = {"key": p["key"], "text": p["text"], "source": p["source"],
         "clean": p["clean"], "errors": p["errors"], "aspans": p["aspans"],
         "mqm": p["mqm"], "words": words, "pen": pen, "findings": fs,
         "base": base, "src_err": src_err}
    q["acc"] = [f for f in fs if f["rule"].startswith(ACC)]
    return q


ACC_RULES = []


def list_acc_rules(binary):
    """The binary's accuracy rules (--list-rules), so that a rule with no
    false alarm is shown too."""
    out = subprocess.run([binary, "--list-rules"], capture_output=True,
                         check=False).stdout.decode("utf-8", "replace")
    ACC_RULES[:] = [ln.split()[0] for ln in out.splitlines()[1:]
                    if ln.split()[:1] and ln.split()[0].startswith(ACC)]


def audit_source(binary, segs, per):
    """Source-aware audit of every segment of 'per' (the monolingual run's
    entries), each distinct (target, source) pair once. Returns entries
    as 'per' with the findings, penalty and words of the source-aware
    run."""
    pairs = collections.OrderedDict()
    for p in per:
        pairs.setdefault((p["text"], p["source"]), len(pairs))
    docs = run_jsonl(binary, [{"id": i, "text": t + "\n", "source": s + "\n"}
                              for (t, s), i in pairs.items()])
    res = []
    for p in per:
        d = docs.get(pairs[(p["text"], p["source"])])
        if d is None or d.get("error"):
            continue
        fs = [f for f in d.get("findings", []) if f["category"] not in SCRAPING]
        paras = d.get("paragraphs", [])
        words = max(sum(pa.get("words", 0) for pa in paras), 1)
        pen = sum((100.0 - pa["score"]) / 100.0 * pa.get("words", 0)
                  for pa in paras if pa.get("score") is not None)
        res.append(_entry(p, fs, words, pen / words, 0, _src_error(d)))
    return res


def audit_source_talks(binary, segs, per):
    """--talks: every system's talk as one document against the whole
    English talk (sources joined as the targets are)."""
    talks = collections.OrderedDict()
    for k in segs:
        talks.setdefault((k[0], k[1]), []).append(k)
    order, recs = [], []
    for i, ks in enumerate(talks.values()):
        ks.sort(key=lambda k: int(k[2]))
        order.append(ks)
        recs.append({"id": i,
                     "text": "\n\n".join(segs[k]["text"] for k in ks) + "\n",
                     "source": "\n\n".join(segs[k]["source"] for k in ks)
                     + "\n"})
    docs = run_jsonl(binary, recs)
    bykey = {p["key"]: p for p in per}
    res = []
    for i, ks in enumerate(order):
        d = docs.get(i)
        if d is None or d.get("error"):
            continue
        paras = d.get("paragraphs", [])
        if len(paras) != len(ks):
            continue  # a segment split or joined: not comparable
        for pa, k in zip(paras, ks):
            if k not in bykey:
                continue
            fs = [f for f in d.get("findings", [])
                  if f["paragraph"] == pa["index"]
                  and f["category"] not in SCRAPING]
            w = max(pa.get("words", 0), 1)
            pen = ((100.0 - pa["score"]) / 100.0
                   if pa.get("score") is not None else 0.0)
            q = _entry(bykey[k], fs, w, pen, pa["start"], _src_error(d))
            q["mqm"] = mqm_points(segs[k]["errors"], len(segs[k]["raters"])) / w
            res.append(q)
    return res


def fchars(f, q):
    """A finding's span as character offsets into the segment's target
    (findings report byte offsets into the document)."""
    if "start" not in f or "end" not in f:
        return None
    b = q["text"].encode("utf-8")
    s, e = f["start"] - q["base"], f["end"] - q["base"]
    if s < 0 or s > len(b):
        return None
    e = min(max(e, s), len(b))
    return (len(b[:s].decode("utf-8", "ignore")),
            len(b[:e].decode("utf-8", "ignore")))


def _overlaps(f, q, sp):
    c = fchars(f, q)
    return c is not None and c[0] < sp["end"] and sp["start"] < c[1]


# Span classes measured: (label, category, the rule meant for it, test).
SPAN_CLASSES = (
    ("Accuracy/Omission", "Accuracy/Omission", "accuracy/omission", None),
    ("Accuracy/Untranslated text", "Accuracy/Untranslated text",
     "accuracy/untranslated", None),
    ("Mistranslation with a number", "Accuracy/Mistranslation",
     "accuracy/number",
     lambda q, sp: has_number(sp["text"])),
    ("Mistranslation with a name", "Accuracy/Mistranslation",
     "accuracy/name",
     lambda q, sp: has_name(q["text"], sp["start"], sp["end"], q["source"])),
    ("Accuracy/Addition", "Accuracy/Addition", "accuracy/addition", None),
)


def _pct(n, d):
    return f"{100.0 * n / d:5.1f} %" if d else "    - "


def report_source(title, src, mono):
    print(f"== source-aware, {title}: {len(src)} rated segments")
    nerr = collections.Counter(q["src_err"] for q in src if q["src_err"])
    if nerr:
        print(f"source not used: {sum(nerr.values())} segments ("
              + "; ".join(f"{e}: {n}" for e, n in nerr.most_common(3)) + ")")

    # Recall of rated accuracy spans (distinct target, source and span).
    print("rated accuracy spans found (distinct spans), by a finding")
    print(f"    {'':30s} {'':5s} {'--- in the segment ----':>23s} "
          f"{'-- overlapping span ---':>23s}")
    print(f"    {'span':30s} {'spans':>5s} {'its rule':>11s} "
          f"{'accuracy/*':>11s} {'accuracy/*':>11s} {'any rule':>11s}")
    for label, cat, rule, test in SPAN_CLASSES:
        seen = set()
        n = nmaj = g_rule = g_acc = o_acc = o_any = 0
        for q in src:
            for sp in q["aspans"]:
                if sp["cat"] != cat or (test and (sp["side"] != "tgt"
                                                  or not test(q, sp))):
                    continue
                k = (q["text"], q["source"], cat, sp["side"], sp["text"])
                if k in seen:
                    continue
                seen.add(k)
                n += 1
                nmaj += sp["sev"] == "Major"
                g_rule += any(f["rule"] == rule for f in q["acc"])
                g_acc += bool(q["acc"])
                if sp["side"] == "tgt":
                    o_acc += any(_overlaps(f, q, sp) for f in q["acc"])
                    o_any += any(_overlaps(f, q, sp) for f in q["findings"])
        tgt = cat != "Accuracy/Omission"

        def cell(x, show=True):
            return f"{x:4d} {_pct(x, n)}" if show else f"{'-':>11s}"
        print(f"    {label:30s} {n:5d} {cell(g_rule)} {cell(g_acc)} "
              f"{cell(o_acc, tgt)} {cell(o_any, tgt)}   ({nmaj} major)")

    # False alarms on segments every rater found error-free.
    seen, good = set(), []
    for q in src:
        if q["clean"] and (q["text"], q["source"]) not in seen:
            seen.add((q["text"], q["source"]))
            good.append(q)
    gw = sum(q["words"] for q in good)
    maj = ("major", "critical")
    gmaj = sum(any(f["severity"] in maj for f in q["acc"]) for q in good)
    gany = sum(bool(q["acc"]) for q in good)
    print(f"error-free segments (distinct pairs): {len(good)}, {gw} words")
    print(f"  with a major or critical accuracy finding: {gmaj} "
          f"({100.0 * gmaj / max(len(good), 1):.1f} %)   target <= 1 %")
    print(f"  with any accuracy finding:                 {gany} "
          f"({100.0 * gany / max(len(good), 1):.1f} %)")
    rules = sorted(set(ACC_RULES) | {f["rule"] for q in src for f in q["acc"]})
    if rules:
        print("  by accuracy rule: segments with a major/critical finding,"
              " findings, per 1,000 words of good text")
        for rule in rules:
            sm = sum(any(f["rule"] == rule and f["severity"] in maj
                         for f in q["acc"]) for q in good)
            nf = sum(f["rule"] == rule for q in good for f in q["acc"])
            print(f"    {rule:30s} {sm:4d} ({100.0 * sm / max(len(good), 1):.1f}"
                  f" %) {nf:5d}  {1000.0 * nf / max(gw, 1):6.2f}")
    else:
        print("  (no accuracy finding anywhere: no accuracy rule on this"
              " binary, or no source used)")

    # The human reference: accuracy findings there are mostly false alarms
    # (or a translator's deliberate freedom).
    ref = [q for q in src if q["key"][0] == "ref"]
    rw = sum(q["words"] for q in ref)
    rmaj = sum(f["severity"] in maj for q in ref for f in q["acc"])
    rany = sum(len(q["acc"]) for q in ref)
    print(f"human reference: {len(ref)} segments, {rw} words; accuracy findings"
          f" per 1,000 words: major {1000.0 * rmaj / max(rw, 1):.2f},"
          f" all {1000.0 * rany / max(rw, 1):.2f}")

    # Ordering: the monolingual run's definition, with and without source.
    pm = {p["key"]: p for p in mono}
    both = [q for q in src if q["key"] in pm]
    t_mono = kendall_tau_b([pm[q["key"]]["pen"] for q in both],
                           [pm[q["key"]]["mqm"] for q in both])
    t_src = kendall_tau_b([q["pen"] for q in both],
                          [pm[q["key"]]["mqm"] for q in both])
    print(f"Kendall tau-b, penalty per word vs MQM points per word "
          f"({len(both)} segments): without source {t_mono:.3f}, "
          f"with source {t_src:.3f}")


def _quantile(xs, p):
    """Linear interpolation between closest ranks (numpy's default)."""
    xs = sorted(xs)
    if not xs:
        return float("nan")
    h = (len(xs) - 1) * p
    lo = int(h)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo])


# Words as ICU counts them, roughly: letters and digits, with inner
# apostrophes ("don't") and decimal marks ("4.5") kept in the word.
_WORD = re.compile(r"\w+(?:['’.,]\w+)*")


def length_ratio(src):
    seen, rw, rc = set(), [], []
    for q in src:
        k = (q["text"], q["source"])
        if not q["clean"] or k in seen:
            continue
        seen.add(k)
        sw, tw = len(_WORD.findall(q["source"])), len(_WORD.findall(q["text"]))
        if sw and q["source"]:
            rw.append(tw / sw)
            rc.append(len(q["text"]) / len(q["source"]))
    print(f"English->German length ratio (target / source) on error-free"
          f" segments of the tuning part ({len(rw)} distinct pairs):")
    print(f"    {'':10s} {'p1':>6s} {'p5':>6s} {'median':>6s} {'p95':>6s}"
          f" {'p99':>6s}")
    for lab, xs in (("words", rw), ("characters", rc)):
        print(f"    {lab:10s} " + " ".join(
            f"{_quantile(xs, p):6.3f}" for p in (0.01, 0.05, 0.5, 0.95, 0.99)))


def show_source(tune, show):
    """--show for accuracy rules: the tuning part's findings of the
    source-aware run, with the source (GOOD: on an error-free segment)."""
    seen = set()
    for q in tune:
        k = (q["text"], q["source"])
        if k in seen:
            continue
        seen.add(k)
        for f in q["acc"]:
            if f["rule"] == show or show in ("all", "accuracy", "accuracy/*"):
                if q["clean"]:
                    tag = "GOOD"
                else:
                    tag = "RATED[" + ", ".join(sorted(
                        {f"{c} {s}" for s, c in q["errors"]})) + "]"
                print(f"{tag} {f['rule']} {f['severity']} "
                      f"'{f.get('text', '')}' <- "
                      f"'{f.get('source_text', '')}': {f.get('message', '')}")
                print(f"    EN: {q['source']}")
                print(f"    DE: {q['text']}")


def main():
    args = sys.argv[1:]
    show = None
    if "--show" in args:
        i = args.index("--show")
        if i + 1 >= len(args):
            sys.exit("usage: eval.py BINARY [TSV] [--show RULE]")
        show = args[i + 1]
        del args[i:i + 2]
    talks = "--talks" in args
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
            "source": s["source"], "errors": s["errors"],
            "aspans": s.get("aspans", []),
        })
    print(f"eval: {len(per)} rated segments audited ({len(segs)} in the data)")
    if talks:
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
    src = None
    if not show or show == "all" or show.startswith("accuracy"):
        list_acc_rules(binary)
        src = (audit_source_talks if talks else audit_source)(binary, segs,
                                                               per)
        how = ("every talk against the English talk" if talks else
               f"{len({(q['text'], q['source']) for q in src})} distinct"
               f" (target, source) pairs")
        print(f"eval: source-aware run: {len(src)} rated segments audited "
              f"against their English source ({how})")
    if show and show.startswith("accuracy"):
        show_source([q for q in src if q["key"][1] not in HELDOUT_DOCS], show)
        return 0
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
        if show == "all":
            show_source([q for q in src if q["key"][1] not in HELDOUT_DOCS],
                        show)
        return 0
    report("tuning part (talks 1, 3)", tune, tune)
    report("held-out part (talk 5)", held, held)
    report("all", per, per)
    stune = [q for q in src if q["key"][1] not in HELDOUT_DOCS]
    sheld = [q for q in src if q["key"][1] in HELDOUT_DOCS]
    report_source("tuning part (talks 1, 3)", stune, tune)
    report_source("held-out part (talk 5)", sheld, held)
    report_source("all", src, per)
    length_ratio(stune)
    return 0


if __name__ == "__main__":
    sys.exit(main())
