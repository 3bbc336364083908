"""How much of a news text lies in sentences that hold a quote or a cue word.

Usage::

    python scripts/window_coverage.py [--jsonl ../shared/eval/polnear.dev.jsonl ...]

Issue 18 proposed analysing only windows around quotes and cue words and
skipping whole sentences that hold neither. This script measures what such a
skip could save: for each corpus (the bundled articles by default), the share
of tokens and of characters that lie in a sentence holding a top-level quote or
a cue candidate (a word where :class:`~quoteattr.attribution.context.Context`
looks for a cue verb), and the same share with one sentence of context either
side (what continuation and pronoun rules read), and the share in a sentence
holding a quote or a cue verb actually found there (a candidate that is a
noun, "the report", does not count). Sentences are the ones the
rules see (:attr:`Context.sentence`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from quoteattr.options import resolve_options  # noqa: E402
from quoteattr.pipeline import prepare  # noqa: E402


def coverage(texts: list[str]) -> dict[str, float]:
    """Shares of tokens and characters in sentences with a quote or cue (and +-1 sentence)."""
    options = resolve_options(None)
    tokens = chars = 0
    hot_tokens = hot_chars = near_tokens = near_chars = cue_tokens = cue_chars = 0
    for text in texts:
        ctx = prepare(text, options).context
        sentence = ctx.sentence
        hot = {sentence[i] for i in ctx.quote_positions}
        hot.update(sentence[i] for i in ctx.cue_candidates)
        near = hot | {s + 1 for s in hot} | {s - 1 for s in hot}
        found = {sentence[i] for i in ctx.quote_positions}
        found.update(sentence[i] for i in ctx.cue_candidates if ctx.cue_at(i) >= 0)
        for i, tok in enumerate(ctx.tokens):
            width = tok.end - tok.start
            tokens += 1
            chars += width
            if sentence[i] in hot:
                hot_tokens += 1
                hot_chars += width
            if sentence[i] in found:
                cue_tokens += 1
                cue_chars += width
            if sentence[i] in near:
                near_tokens += 1
                near_chars += width
    return {
        "tokens": tokens,
        "hot_tokens": hot_tokens / max(tokens, 1),
        "hot_chars": hot_chars / max(chars, 1),
        "near_tokens": near_tokens / max(tokens, 1),
        "near_chars": near_chars / max(chars, 1),
        "cue_tokens": cue_tokens / max(tokens, 1),
        "cue_chars": cue_chars / max(chars, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jsonl", action="append", default=[], help="a JSON Lines corpus")
    args = parser.parse_args()
    corpora: dict[str, list[str]] = {}
    if not args.jsonl:
        folder = ROOT / "examples" / "data"
        corpora["bundled articles"] = [
            p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))
        ]
    for path in args.jsonl:
        with open(path, encoding="utf-8") as handle:
            corpora[Path(path).name] = [json.loads(line)["text"] for line in handle if line.strip()]
    print("| corpus | tokens | in a sentence with a quote or cue (tokens / characters) "
          "| with one sentence either side | with a quote or a cue verb found |")
    print("|---|---:|---:|---:|---:|")
    for name, texts in corpora.items():
        c = coverage(texts)
        print(f"| {name} | {c['tokens']:,} | {c['hot_tokens']:.1%} / {c['hot_chars']:.1%} "
              f"| {c['near_tokens']:.1%} / {c['near_chars']:.1%} "
              f"| {c['cue_tokens']:.1%} / {c['cue_chars']:.1%} |")


if __name__ == "__main__":
    main()
