"""Throughput of ``quoteattr.attribute`` on news text and on adversarial text.

Usage:
    python benchmarks/bench_attribute.py [--mb 10] [--jsonl FILE ...] [--only-corpora]

Measures, on one core (CPU time of this process, so that other jobs on a shared
machine slow the figures less than they would wall time):
  * articles: the bundled sample articles, one call per article, repeated until
    the requested size (MB/s over the whole run, best of --repeat runs, with
    claims on and off), beside a bare regular-expression scan of the same texts
    for quotation marks and the commonest speech verbs (``bare_scan``), timed in
    the same runs: attribute's throughput as a share of the scan's is the
    figure that stays put when the machine speeds up or slows down (issue 18);
  * one-document inputs of 1 and 10 MB (many articles joined), to show that time
    grows linearly with input size;
  * adversarial: 1 MB made of 100,000 quotation marks and apostrophes mixed with
    words, in one call;
  * with --jsonl (one or more), JSON Lines corpora of {"text": ...} records, one
    call each, the same way;
  * memory per input byte (issue 15): the peak of memory Python allocates
    during one ``attribute`` call (tracemalloc), divided by the text's UTF-8
    bytes, for each article (the median and the largest), for a 1 MB document
    of articles (the corpus of --jsonl when given) and for 0.25 MB of dense
    quotation marks; and what the returned Document holds.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Mapping
from pathlib import Path

import regex

from quoteattr import attribute
from quoteattr.language.marks import load_quote_marks
from quoteattr.text import mentions

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000


def _articles() -> list[str]:
    return [p.read_text("utf-8") for p in sorted((ROOT / "examples" / "data").glob("*.txt"))]


_SPEECH_VERBS = ("said", "says", "say", "told", "tells", "according", "added", "asked",
                 "wrote", "stated")
_BARE = regex.compile(
    "[" + regex.escape(load_quote_marks().chars) + "]|\\b(?:" + "|".join(_SPEECH_VERBS) + ")\\b"
)


def bare_scan(text: str) -> int:
    """Count the quotation marks and common speech verbs of ``text``: the yardstick.

    One lower-cased copy and one ``regex`` pass, the least any quote finder
    must do; ``attribute``'s speed is reported as a share of this one's.
    """
    return len(_BARE.findall(text.lower()))


def _claims_on(text: str) -> int:
    return len(attribute(text).quotes)


def _claims_off(text: str) -> int:
    return len(attribute(text, claims=False).quotes)


def _timed(texts: list[str], repeat: int = 1) -> tuple[float, int, int]:
    """Best CPU time of ``repeat`` runs of ``attribute`` over ``texts``, their bytes, quotes."""
    return _best({"claims on": _claims_on}, texts, repeat)["claims on"]


def _best(
    runs: Mapping[str, Callable[[str], int]], texts: list[str], repeat: int
) -> dict[str, tuple[float, int, int]]:
    """The best CPU time of each run over ``texts`` (runs taking turns), bytes, and its count."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = dict.fromkeys(runs, float("inf"))
    found = dict.fromkeys(runs, 0)
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.process_time()
            found[name] = sum(map(run, texts))
            best[name] = min(best[name], time.process_time() - start)
    return {name: (best[name], size, found[name]) for name in runs}


def _report(label: str, seconds: float, size: int, quotes: int, unit: str = "quotes") -> None:
    print(f"{label:44} {size / MB:7.2f} MB {seconds:7.2f} s {size / MB / seconds:6.2f} MB/s"
          f" {quotes:8d} {unit}")


def _report_corpus(name: str, texts: list[str], repeat: int) -> None:
    runs = {"bare regex scan": bare_scan, "claims on": _claims_on, "claims off": _claims_off}
    timed = _best(runs, texts, repeat)
    scan = timed["bare regex scan"][0]
    for run, (seconds, size, count) in timed.items():
        _report(f"{name}, {run} (best of {repeat})", seconds, size, count,
                "matches" if run == "bare regex scan" else "quotes")
    for run in ("claims on", "claims off"):
        print(f"{name + ', ' + run + ' / bare regex scan':44} {100 * scan / timed[run][0]:6.1f}%"
              " of the scan's throughput")


def _adversarial(size: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    marks = list("\"'“”‘’«»„‚")
    parts: list[str] = []
    length = 0
    count = 0
    while length < size:
        if count < 100_000 and rng.random() < 0.5:
            piece = rng.choice(marks)
            count += 1
        else:
            piece = rng.choice(["said", " ", "Lavrov", "he", ",", ".", "\n", "Russia's", "x"])
        parts.append(piece)
        length += len(piece)
    return "".join(parts)


def _memory(text: str) -> tuple[float, float]:
    """Peak memory allocated during ``attribute(text)``, and what the result holds, per byte."""
    size = len(text.encode("utf-8"))
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        doc = attribute(text)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del doc
    return (peak - base) / size, (held - base) / size


def _report_memory(texts: list[str], label: str) -> None:
    per_article = sorted(_memory(t)[0] for t in texts[:300])
    print(f"{'memory, ' + label + ', per article':44} median {statistics.median(per_article):6.1f}"
          f" B/B, largest {per_article[-1]:6.1f} B/B ({len(per_article)} articles)")
    joined, size = [], 0
    for text in texts * (1 + MB // max(1, sum(len(t) for t in texts))):
        joined.append(text)
        size += len(text.encode("utf-8"))
        if size >= MB:
            break
    peak, held = _memory("\n\n".join(joined))
    print(f"{'memory, ' + label + ', one 1 MB document':44} peak {peak:6.1f} B/B, "
          f"result {held:6.1f} B/B")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="MB of articles to process")
    parser.add_argument("--jsonl", type=Path, action="append", default=[],
                        help="a JSON Lines corpus with a text field (may be repeated)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each corpus of articles; the best is reported (default 3)")
    parser.add_argument("--only-corpora", action="store_true",
                        help="time the corpora only (no long documents, no memory)")
    args = parser.parse_args()

    build = "Python" if mentions.__file__.endswith(".py") else "compiled (setup.py)"
    print(f"{'quoteattr build':44} {build}, CPython {platform.python_version()}"
          f" ({sys.executable})")
    articles = _articles()
    attribute(articles[0])  # load the lexicon once, outside the timings
    one = sum(len(a.encode("utf-8")) for a in articles)
    batch = articles * max(1, int(args.mb * MB / one))
    corpora = [("sample articles", batch)]
    for path in args.jsonl:
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
        corpora.append((path.name, texts))
    for name, texts in corpora:
        _report_corpus(name, texts, args.repeat)
    if args.only_corpora:
        return

    for size_mb in (1, 10):
        joined = "\n\n".join(articles * max(1, int(size_mb * MB / one)))
        _report(f"one {size_mb} MB document", *_timed([joined]))

    _report("adversarial: 1 MB with 100,000 marks", *_timed([_adversarial(MB)]))

    _report_memory(articles, "sample articles")
    for name, texts in corpora[1:]:
        _report_memory(texts, name)
    peak, held = _memory(_adversarial(MB // 4))
    print(f"{'memory, 0.25 MB of dense quotation marks':44} peak {peak:6.1f} B/B, "
          f"result {held:6.1f} B/B")


if __name__ == "__main__":
    main()
