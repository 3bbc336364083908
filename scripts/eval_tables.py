"""Print the accuracy tables of ``docs/evaluation.md`` from the development sets.

Usage::

    python scripts/eval_tables.py [--eval DIR] [--tools DIR]

Runs ``quoteattr extract`` with the default options on the development sets
(``polnear.dev.jsonl``, ``newreg.dev.jsonl``; ``newreg_de.dev.jsonl`` with
``--language de``) and scores the output with the project-independent scorers
beside them (``score.py``, ``breakdown.py``, ``claims_score.py``). The sets and
scorers are not shipped with quoteattr; by default they are looked for in
``../shared/eval`` and ``../shared/tools`` next to the repository. Prints the
markdown tables the evaluation page shows, so its numbers can be reproduced.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NEWREG_PARTS = (("bbc-", "BBC News 2004-05"), ("reuters-", "Reuters wire copy, 1987"),
                ("zyte-", "web news of 15 outlets, 2019"))


def _extract(gold: Path, out: Path, options: list[str]) -> None:
    cli = [sys.executable, "-m", "quoteattr", "extract", str(gold), "-o", str(out), *options]
    subprocess.run(cli, check=True, capture_output=True)


def _score(tools: Path, gold: Path, pred: Path) -> dict[str, object]:
    cli = [sys.executable, str(tools / "score.py"), str(gold), str(pred), "--json"]
    found: dict[str, object] = json.loads(subprocess.run(
        cli, check=True, capture_output=True, text=True).stdout)
    return found


def _lines(tools: Path, script: str, *args: str) -> list[str]:
    cli = [sys.executable, str(tools / script), *args]
    return subprocess.run(cli, capture_output=True, text=True, check=False).stdout.splitlines()


def _prf(block: object) -> str:
    if isinstance(block, dict):
        values = [block.get(k) for k in ("precision", "recall", "f1")]
    else:
        values = list(block) if isinstance(block, (list, tuple)) else []
    if len(values) != 3 or not all(isinstance(v, (int, float)) for v in values):
        return str(block)
    p, r, f = (float(v) for v in values)  # type: ignore[arg-type]
    return f"{p:.3f} / {r:.3f} / **{f:.3f}**"


def _subset(gold: Path, prefix: str, folder: Path) -> Path:
    out = folder / f"{prefix.rstrip('-')}.jsonl"
    with gold.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if line.strip() and str(json.loads(line).get("doc_id", "")).startswith(prefix):
                dst.write(line)
    return out


def _breakdown(tools: Path, gold: Path, pred: Path) -> dict[str, str]:
    """Attribution recall and the share right among found, by speaker kind and quote type."""
    rows: dict[str, str] = {}
    for line in _lines(tools, "breakdown.py", str(gold), str(pred)):
        parts = line.split()
        if len(parts) == 5 and parts[0] in ("name", "pronoun", "nominal", "direct", "partial"):
            rows[parts[0]] = f"{float(parts[3]):.3f} ({float(parts[4]):.3f}), {int(parts[1]):,}"
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=SHARED / "eval")
    parser.add_argument("--tools", type=Path, default=SHARED / "tools")
    args = parser.parse_args(argv)
    sets = {"polnear": (args.eval / "polnear.dev.jsonl", []),
            "newreg": (args.eval / "newreg.dev.jsonl", []),
            "de": (args.eval / "newreg_de.dev.jsonl", ["--language", "de"])}
    missing = [str(p) for p, _ in sets.values() if not p.exists()]
    if missing or not (args.tools / "score.py").exists():
        print(f"error: development sets or scorers not found: {missing or args.tools}",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        preds = {}
        for name, (gold, options) in sets.items():
            preds[name] = folder / f"{name}.pred.jsonl"
            _extract(gold, preds[name], options)
        print("| corpus | span P / R / F1 | attribution P / R / F1 |\n|---|---|---|")
        labels = {"polnear": "PolNeAR sample", "newreg": "British, wire and web news (all)",
                  "de": "German web news (`--language de`)"}
        for name, (gold, _) in sets.items():
            s = _score(args.tools, gold, preds[name])
            print(f"| {labels[name]} | {_prf(s.get('span'))} | {_prf(s.get('attribution'))} |")
            if name == "newreg":
                for prefix, label in NEWREG_PARTS:
                    part = _subset(gold, prefix, folder)
                    s = _score(args.tools, part, preds[name])
                    print(f"| — {label} | {_prf(s.get('span'))} | "
                          f"{_prf(s.get('attribution'))} |")
        print("\n| | PolNeAR sample | British, wire, web |\n|---|---|---|")
        pol = _breakdown(args.tools, sets["polnear"][0], preds["polnear"])
        reg = _breakdown(args.tools, sets["newreg"][0], preds["newreg"])
        for key in ("name", "pronoun", "nominal", "direct", "partial"):
            print(f"| {key} | {pol.get(key, '-')} | {reg.get(key, '-')} |")
        print("\nReported claims (content+source; English with --speech-target):\n")
        for name, (gold, _) in sets.items():
            target = [] if name == "de" else ["--speech-target"]
            found = _lines(args.tools, "claims_score.py", str(gold), str(preds[name]), *target)
            row = next((x for x in found if x.startswith("content+source")), "")
            print(f"- {labels[name]}: {row}")
        print("\nCross-document matching (polnear, xdoc_score.py):\n")
        match = folder / "match.jsonl"
        subprocess.run([sys.executable, "-m", "quoteattr", "match", str(sets["polnear"][0]),
                        "-o", str(match)], check=False, capture_output=True)
        for line in _lines(args.tools, "xdoc_score.py", str(args.eval / "xdoc.dev.json"),
                           str(match)):
            print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
