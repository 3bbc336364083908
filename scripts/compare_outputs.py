"""Compare the JSON output of ``quoteattr extract`` before and after a change.

Usage::

    python scripts/compare_outputs.py save  OUT_DIR [--set NAME=PATH ...] [-- EXTRA_OPTIONS]
    python scripts/compare_outputs.py check OUT_DIR [--set NAME=PATH ...] [-- EXTRA_OPTIONS]

``save`` runs ``quoteattr extract`` on each input set and writes ``OUT_DIR/NAME.jsonl``;
``check`` runs it again and lists every document whose JSON line differs, field by field
(quotes, speakers, claims ...), with a count per set. The default sets are the bundled
articles and, when present, the development files in ``../shared/eval/`` (English; German
with ``--language de``). Exit status 1 when any document differs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_SETS = {
    "bundled": (ROOT / "examples" / "data", []),
    "polnear": (EVAL / "polnear.dev.jsonl", []),
    "newreg": (EVAL / "newreg.dev.jsonl", []),
    "newreg_de": (EVAL / "newreg_de.dev.jsonl", ["--language", "de"]),
}


def _run(path: Path, options: list[str]) -> dict[str, dict[str, object]]:
    cli = [sys.executable, "-m", "quoteattr", "extract", str(path), *options]
    out = subprocess.run(cli, capture_output=True, text=True, check=False).stdout
    docs = [json.loads(line) for line in out.splitlines() if line.strip()]
    return {str(d.get("doc_id")): d for d in docs}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in args:
        extra = args[args.index("--") + 1 :]
        args = args[: args.index("--")]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["save", "check"])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=PATH")
    ns = parser.parse_args(args)
    sets = {k: v for k, v in DEFAULT_SETS.items() if v[0].exists()}
    for item in ns.set:
        name, _, path = item.partition("=")
        sets[name] = (Path(path), [])
    ns.out_dir.mkdir(parents=True, exist_ok=True)
    changed = 0
    for name, (path, options) in sets.items():
        docs = _run(path, options + extra)
        saved = ns.out_dir / f"{name}.jsonl"
        if ns.command == "save":
            with saved.open("w", encoding="utf-8") as f:
                for d in docs.values():
                    f.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
            print(f"{name}: {len(docs)} documents saved to {saved}")
            continue
        before = {
            str(d.get("doc_id")): d
            for d in map(json.loads, saved.read_text("utf-8").splitlines())
        }
        differ = 0
        for doc_id in sorted(set(before) | set(docs)):
            a, b = before.get(doc_id), docs.get(doc_id)
            if a == b:
                continue
            differ += 1
            if a is None or b is None:
                print(f"  {name} {doc_id}: {'added' if a is None else 'missing'}")
                continue
            fields = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
            print(f"  {name} {doc_id}: {', '.join(fields)} differ")
        print(f"{name}: {differ} of {len(docs)} documents differ")
        changed += differ
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
