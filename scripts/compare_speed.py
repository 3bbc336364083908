"""Compare the throughput of ``attribute`` between source trees, in one run.

Usage::

    python scripts/compare_speed.py --src ../wt-base/src --src src \\
        [--jsonl ../shared/eval/polnear.dev.jsonl] [--rounds 5]

Each ``--src`` is a checkout's ``src`` folder (the first is the baseline); the
default corpus is the bundled articles. Every round runs one child process per
tree, taking turns (so that a busy machine slows each tree alike), with
``PYTHONPATH`` pointing at the tree: the child times, in CPU seconds of its own
process, ``attribute`` over the corpus with claims on and with claims off, and
the bare regular-expression scan of ``benchmarks/bench_attribute.py``. The best
round of each tree is reported as MB/s, as a share of the bare scan's
throughput, and as a ratio to the baseline tree: the figures that survive a
noisy machine (issue 18). Needs only the Python that runs it, with quoteattr's
dependencies installed; the trees need not be installed.

``--python`` pairs an interpreter with each ``--src`` (given once per tree, in
the same order; each needs quoteattr's dependencies), so that one run can
compare CPython builds too, e.g. the same tree under a CPython built without
profile-guided optimisation and under one built with it::

    python scripts/compare_speed.py --src src --python .venv/bin/python \
        --src src --python /tmp/pgo-venv/bin/python

With ``--callgrind``, each tree instead runs once under ``valgrind
--tool=callgrind`` (claims on, then claims off) and the instructions it
executes are reported, less those of a run that loads the package and the same
corpus but attributes nothing: counts that do not move with the machine's load
(valgrind runs about 50 times slower, so keep the corpus small, e.g.
``--limit 40``)::

    python scripts/compare_speed.py --callgrind --limit 40 --src BEFORE/src --src src \
        --jsonl ../shared/eval/polnear.dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, sys, time
import regex
from quoteattr import attribute
texts = json.load(open(sys.argv[1], encoding="utf-8"))
attribute('"We met," Lavrov said. He said the talks were "useful."')  # load the data once
verbs = ("said", "says", "say", "told", "tells", "according", "added", "asked", "wrote",
         "stated")
marks = "\"'\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a\u300c\u300d"
bare = regex.compile("[" + regex.escape(marks) + "]|\\b(?:" + "|".join(verbs) + ")\\b")
def timed(run):
    start = time.process_time()
    for text in texts:
        run(text)
    return time.process_time() - start
only = sys.argv[2] if len(sys.argv) > 2 else ""
if only == "on":
    for text in texts:
        attribute(text)
if only == "off":
    for text in texts:
        attribute(text, claims=False)
if only:
    sys.exit(0)
out = {
    "scan": timed(lambda t: len(bare.findall(t.lower()))),
    "on": timed(lambda t: attribute(t)),
    "off": timed(lambda t: attribute(t, claims=False)),
}
print(json.dumps(out))
"""


def _corpus(paths: list[Path]) -> list[str]:
    if not paths:
        return [p.read_text("utf-8") for p in sorted((ROOT / "examples" / "data").glob("*.txt"))]
    texts: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8") as f:
            texts.extend(json.loads(line)["text"] for line in f if line.strip())
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, action="append", required=True,
                        help="a source tree (repeat; the first is the baseline)")
    parser.add_argument("--jsonl", type=Path, action="append", default=[],
                        help="a JSON Lines corpus of {'text': ...} (repeat); default: the "
                             "bundled articles")
    parser.add_argument("--min-mb", type=float, default=1.0,
                        help="repeat the corpus to at least this many MB")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0,
                        help="use only the first N documents of the corpus")
    parser.add_argument("--python", action="append", default=[],
                        help="the interpreter for the --src of the same rank (repeat, once "
                             "per --src); default: the one running this script")
    parser.add_argument("--callgrind", action="store_true",
                        help="count instructions under valgrind instead of timing")
    ns = parser.parse_args(argv)
    if ns.python and len(ns.python) != len(ns.src):
        parser.error("give --python once per --src, or not at all")
    runs = list(zip(ns.src, ns.python or [sys.executable] * len(ns.src), strict=True))
    texts = _corpus(ns.jsonl)
    if ns.limit:
        texts = texts[: ns.limit]
    if ns.callgrind:
        ns.min_mb = 0.0
    size = sum(len(t.encode("utf-8")) for t in texts)
    if size == 0:
        print("empty corpus", file=sys.stderr)
        return 2
    times = max(1, int(-(-ns.min_mb * 1e6 // size)))
    if ns.callgrind:
        return _count(runs, texts, size)
    texts, size = texts * times, size * times
    corpus = Path(os.environ.get("TMPDIR", "/tmp")) / f"compare_speed_{os.getpid()}.json"
    corpus.write_text(json.dumps(texts), "utf-8")
    best: list[dict[str, float]] = [{} for _ in ns.src]
    try:
        for _ in range(ns.rounds):
            for i, (src, python) in enumerate(runs):
                env = {**os.environ, "PYTHONPATH": str(src.resolve())}
                out = subprocess.run([python, "-c", _CHILD, str(corpus)], env=env,
                                     capture_output=True, text=True, check=True).stdout
                for key, seconds in json.loads(out.splitlines()[-1]).items():
                    best[i][key] = min(best[i].get(key, float("inf")), seconds)
    finally:
        corpus.unlink()
    mb = size / 1e6
    print(f"{mb:.2f} MB, {len(texts)} documents, best of {ns.rounds} rounds (CPU time)")
    print(f"{'tree':40} {'claims on':>10} {'off':>8} {'scan':>8} {'on/scan':>8} {'off/scan':>8}"
          f" {'on/base':>8} {'off/base':>8}")
    base = best[0]
    for (src, python), b in zip(runs, best, strict=True):
        label = _label(src, python, ns.python)
        print(f"{label:40} {mb / b['on']:7.2f} MB/s {mb / b['off']:5.2f} {mb / b['scan']:8.1f}"
              f" {100 * b['scan'] / b['on']:7.1f}% {100 * b['scan'] / b['off']:7.1f}%"
              f" {base['on'] / b['on']:8.2f} {base['off'] / b['off']:8.2f}")
    return 0


def _label(src: Path, python: str, pythons: list[str]) -> str:
    """The tree, and its interpreter when ``--python`` was given."""
    return f"{src} ({python})" if pythons else str(src)


def _instructions(src: Path, python: str, corpus: Path, only: str) -> int:
    """Instructions executed by the child on ``corpus`` (``only``: "on", "off" or "none")."""
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
           python, "-c", _CHILD, str(corpus), only]
    err = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stderr
    for line in err.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1].strip())
    raise RuntimeError(f"no instruction count in valgrind's output:\n{err[-2000:]}")


def _count(trees: list[tuple[Path, str]], texts: list[str], size: int) -> int:
    """Print the instructions each tree spends attributing ``texts``, claims on and off."""
    corpus = Path(os.environ.get("TMPDIR", "/tmp")) / f"compare_speed_{os.getpid()}.json"
    corpus.write_text(json.dumps(texts), "utf-8")
    try:
        counts = []
        for src, python in trees:
            idle = _instructions(src, python, corpus, "none")
            counts.append({only: _instructions(src, python, corpus, only) - idle
                           for only in ("on", "off")})
    finally:
        corpus.unlink()
    print(f"{size / 1e6:.2f} MB, {len(texts)} documents, instructions (valgrind callgrind)")
    print(f"{'tree':40} {'claims on':>16} {'off':>16} {'on/base':>8} {'off/base':>8}")
    pythons = [python for _, python in trees]
    labelled = len(set(pythons)) > 1
    for (src, python), c in zip(trees, counts, strict=True):
        label = _label(src, python, pythons if labelled else [])
        print(f"{label:40} {c['on'] / 1e6:12,.0f} M {c['off'] / 1e6:12,.0f} M"
              f" {c['on'] / counts[0]['on']:8.3f} {c['off'] / counts[0]['off']:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
