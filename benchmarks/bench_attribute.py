"""Throughput of ``quoteattr.attribute`` on news text and on adversarial text.

Usage:
    python benchmarks/bench_attribute.py [--mb 10] [--jsonl FILE]

Measures, on one core:
  * articles: the bundled sample articles, one call per article, repeated until
    the requested size (MB/s over the whole run, best of --repeat runs, with
    claims on and off);
  * one-document inputs of 1 and 10 MB (many articles joined), to show that time
    grows linearly with input size;
  * adversarial: 1 MB made of 100,000 quotation marks and apostrophes mixed with
    words, in one call;
  * with --jsonl, a JSON Lines corpus of {"text": ...} records, one call each
    (best of --repeat runs, claims on and off);
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
import random
import statistics
import time
import tracemalloc
from pathlib import Path

from quoteattr import attribute

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000


def _articles() -> list[str]:
    return [p.read_text("utf-8") for p in sorted((ROOT / "examples" / "data").glob("*.txt"))]


def _timed(texts: list[str], repeat: int = 1, claims: bool = True) -> tuple[float, int, int]:
    """Best wall time of ``repeat`` runs over ``texts``, their bytes, and the quotes found."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    quotes = 0
    for _ in range(repeat):
        quotes = 0
        start = time.perf_counter()
        for text in texts:
            quotes += len(attribute(text, claims=claims).quotes)
        best = min(best, time.perf_counter() - start)
    return best, size, quotes


def _report(label: str, seconds: float, size: int, quotes: int) -> None:
    print(f"{label:44} {size / MB:7.2f} MB {seconds:7.2f} s {size / MB / seconds:6.2f} MB/s"
          f" {quotes:8d} quotes")


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
    parser.add_argument("--jsonl", type=Path, help="a JSON Lines corpus with a text field")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each corpus of articles; the best is reported (default 3)")
    args = parser.parse_args()

    articles = _articles()
    attribute(articles[0])  # load the lexicon once, outside the timings
    one = sum(len(a.encode("utf-8")) for a in articles)
    batch = articles * max(1, int(args.mb * MB / one))
    corpora = [("sample articles", batch)]
    if args.jsonl:
        texts = [json.loads(line)["text"] for line in args.jsonl.open(encoding="utf-8")]
        corpora.append((args.jsonl.name, texts))
    for name, texts in corpora:
        _report(f"{name}, one call each (best of {args.repeat})",
                *_timed(texts, args.repeat))
        _report(f"{name}, claims off (best of {args.repeat})",
                *_timed(texts, args.repeat, claims=False))

    for size_mb in (1, 10):
        joined = "\n\n".join(articles * max(1, int(size_mb * MB / one)))
        _report(f"one {size_mb} MB document", *_timed([joined]))

    _report("adversarial: 1 MB with 100,000 marks", *_timed([_adversarial(MB)]))

    _report_memory(articles, "sample articles")
    if args.jsonl:
        _report_memory(corpora[-1][1], args.jsonl.name)
    peak, held = _memory(_adversarial(MB // 4))
    print(f"{'memory, 0.25 MB of dense quotation marks':44} peak {peak:6.1f} B/B, "
          f"result {held:6.1f} B/B")


if __name__ == "__main__":
    main()
