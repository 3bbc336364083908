"""List the places in the project that repeat eight or more words of a development set.

Usage::

    python scripts/check_dev_copies.py [--eval DIR] [--words N]

The development sets (``../shared/eval/*.dev.jsonl``) are for measuring only;
golden cases, comments and docs must be invented. This prints every tracked
file with a run of ``N`` (default 8) words that also stands in a development
article, and the runs; exit status 1 when there is one. Words are compared
lower-cased, punctuation ignored.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
WORD = regex.compile(r"\w+")


def _runs(text: str, n: int) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--words", type=int, default=8)
    args = parser.parse_args(argv)
    dev: set[str] = set()
    for path in sorted(args.eval.glob("*.dev.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                dev |= _runs(str(json.loads(line).get("text", "")), args.words)
    if not dev:
        print(f"error: no development sets in {args.eval}", file=sys.stderr)
        return 2
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    found = 0
    for name in tracked:
        try:
            text = (ROOT / name).read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        hits = sorted(_runs(text, args.words) & dev)
        if hits:
            found += 1
            print(f"{name}: {len(hits)} runs, e.g. {hits[0]!r}")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
