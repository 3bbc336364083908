"""Time `quoteattr extract` over 1,000 articles with --jobs 1 and --jobs 2, and compare outputs.

Usage: python scripts/bench_cli_jobs.py [--articles 1000] [--repeat 3] [--format jsonl]

Builds a temporary folder of the five bundled articles repeated under different
file names, runs the command line on it once per setting and repetition, prints
the best wall time of each, and fails when the outputs differ.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", default="jsonl", choices=("jsonl", "csv"))
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    sources = sorted((ROOT / "examples" / "data").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(args.articles):
            source = sources[i % len(sources)]
            (folder / f"{i:05d}_{source.name}").write_text(source.read_text("utf-8"), "utf-8")
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(f"{args.articles} articles, {size:.1f} MB, format {args.format}")
        outputs: dict[int, bytes] = {}
        for jobs in args.jobs:
            best = float("inf")
            for _ in range(args.repeat):
                started = time.perf_counter()
                proc = subprocess.run(
                    [sys.executable, "-m", "quoteattr", "extract", str(folder),
                     "--jobs", str(jobs), "--format", args.format, "--no-progress"],
                    capture_output=True, check=True,
                )
                best = min(best, time.perf_counter() - started)
                outputs[jobs] = proc.stdout
            print(f"--jobs {jobs}: {best:6.2f} s  ({args.articles / best:,.0f} articles/s)")
        same = len(set(outputs.values())) == 1
        print("outputs identical" if same else "OUTPUTS DIFFER")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
