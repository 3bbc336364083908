"""The ``quoteattr`` command line.

``quoteattr extract PATH...`` prints one JSON line per document: the
``model_dump(mode="json")`` of :class:`~quoteattr.models.Document`. An input
that cannot be read or processed becomes a line with an ``error`` field, the
other inputs are still processed, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from quoteattr import __version__
from quoteattr.attribution import attribute
from quoteattr.evaluation import evaluate as evaluate_documents
from quoteattr.evaluation import load_gold
from quoteattr.models import Document
from quoteattr.rules import builtin_rules
from quoteattr.sources import SourceError, read_sources

__all__ = ["main"]

_EXAMPLES = """examples:
  quoteattr extract examples/data > quotes.jsonl
  quoteattr extract article.txt other.txt
  quoteattr extract corpus.jsonl --id-field id --text-field body
  cat article.txt | quoteattr extract -
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find quotes in news text and say who said them.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser(
        "extract",
        help="print quotes and speakers of each document as JSON Lines",
        description="Print one JSON line per document: its quotes, speakers and diagnostics.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="text file, folder of .txt files, .jsonl file (doc_id + text per line), or -",
    )
    extract.add_argument("--id-field", default="doc_id", help="id field of JSON Lines input")
    extract.add_argument("--text-field", default="text", help="text field of JSON Lines input")
    evaluate = sub.add_parser(
        "evaluate",
        help="score quoteattr against a hand annotation",
        description="Run attribute() on annotated documents and print span and attribution "
        "precision, recall and F1 (JSON Lines gold with doc_id, text, quotes; or a seeds-style "
        "gold.json naming its article files).",
    )
    evaluate.add_argument("gold", metavar="GOLD", help="annotation file (.jsonl or .json)")
    evaluate.add_argument("--texts", metavar="DIR", help="folder of the articles a .json names")
    sub.add_parser("schema", help="print the JSON Schema of an output line")
    sub.add_parser("rules", help="list the attribution rules in the order they are tried")
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit status.

    Example:
        >>> import io, contextlib
        >>> main(["extract", "no/such/file.txt"], stdout=io.StringIO())
        1
    """
    args = _parser().parse_args(argv)
    out = stdout if stdout is not None else sys.stdout
    if args.command == "extract":
        return _extract(args, out)
    if args.command == "evaluate":
        gold = load_gold(args.gold, texts=args.texts)
        scores = evaluate_documents(gold, [attribute(g.text, doc_id=g.doc_id) for g in gold])
        out.write(
            f"documents {len(gold)}  gold quotes {scores.gold}  predicted {scores.predicted}\n"
        )
        for label, s in (("span", scores.span), ("attribution", scores.attribution)):
            out.write(f"{label:12} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}\n")
        return 0
    if args.command == "schema":
        out.write(json.dumps(Document.model_json_schema(), indent=2) + "\n")
        return 0
    if args.command == "rules":
        for rule in builtin_rules():
            out.write(f"{rule.name:30} {rule.description}\n")
        return 0
    return 2  # pragma: no cover - argparse rejects unknown commands


def _extract(args: argparse.Namespace, out: TextIO) -> int:
    failures = 0
    for source in read_sources(args.paths, id_field=args.id_field, text_field=args.text_field):
        if isinstance(source, SourceError):
            failures += 1
            print(f"quoteattr: {source.error}", file=sys.stderr)
            record: dict[str, object] = {"doc_id": source.doc_id, "error": source.error}
        else:
            try:
                record = attribute(source.text, doc_id=source.doc_id).model_dump(mode="json")
            except Exception as exc:  # a bug must not lose the other documents
                failures += 1
                message = f"{source.origin}: internal error: {type(exc).__name__}: {exc}"
                print(f"quoteattr: {message}", file=sys.stderr)
                record = {"doc_id": source.doc_id, "error": message}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if failures else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
