"""Throughput of ``quoteattr.attribute`` on news text and on adversarial text.

Usage:
    python benchmarks/bench_attribute.py [--mb 10] [--jsonl FILE]

Measures, on one core:
  * articles: the bundled sample articles, one call per article, repeated until
    the requested size (MB/s over the whole run);
  * one-document inputs of 1 and 10 MB (many articles joined), to show that time
    grows linearly with input size;
  * adversarial: 1 MB made of 100,000 quotation marks and apostrophes mixed with
    words, in one call;
  * with --jsonl, a JSON Lines corpus of {"text": ...} records, one call each.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from quoteattr import attribute

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000


def _articles() -> list[str]:
    return [p.read_text("utf-8") for p in sorted((ROOT / "examples" / "data").glob("*.txt"))]


def _timed(texts: list[str]) -> tuple[float, int, int]:
    size = sum(len(t.encode("utf-8")) for t in texts)
    quotes = 0
    start = time.perf_counter()
    for text in texts:
        quotes += len(attribute(text).quotes)
    return time.perf_counter() - start, size, quotes


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="MB of articles to process")
    parser.add_argument("--jsonl", type=Path, help="a JSON Lines corpus with a text field")
    args = parser.parse_args()

    articles = _articles()
    attribute(articles[0])  # load the lexicon once, outside the timings
    one = sum(len(a.encode("utf-8")) for a in articles)
    batch = articles * max(1, int(args.mb * MB / one))
    _report("sample articles, one call each", *_timed(batch))

    for size_mb in (1, 10):
        joined = "\n\n".join(articles * max(1, int(size_mb * MB / one)))
        _report(f"one {size_mb} MB document", *_timed([joined]))

    _report("adversarial: 1 MB with 100,000 marks", *_timed([_adversarial(MB)]))

    if args.jsonl:
        texts = [json.loads(line)["text"] for line in args.jsonl.open(encoding="utf-8")]
        _report(f"{args.jsonl.name}, one call each", *_timed(texts))


if __name__ == "__main__":
    main()
