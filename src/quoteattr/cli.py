"""The ``quoteattr`` command line.

``quoteattr extract PATH...`` prints one JSON line per document (the
``model_dump(mode="json")`` of :class:`~quoteattr.models.Document`), or with
``--format csv`` one CSV row per quote (or claim), or with ``--format table``
an aligned table for the terminal. ``quoteattr match PATH...`` prints the
clusters of the same quote across documents. An input that cannot be read or
processed becomes a record with an ``error`` field and a message on standard
error naming it; the other inputs are still processed, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from quoteattr import __version__
from quoteattr.attribution.rulesets import RuleSetError, language_rules
from quoteattr.evaluation.quotes import evaluate as evaluate_documents
from quoteattr.evaluation.quotes import load_gold
from quoteattr.io.batch import Outcome, Output, attribute_options, process_sources
from quoteattr.io.export import CLAIM_COLUMNS, QUOTE_COLUMNS, Row
from quoteattr.io.progress import Progress
from quoteattr.io.sources import SourceError, list_inputs, read_inputs
from quoteattr.language.lexicon import languages
from quoteattr.matching.clusters import DEFAULT_SCORE_CUTOFF, match_quotes
from quoteattr.models import Document
from quoteattr.pipeline import attribute

__all__ = ["format_table", "main"]

_EXAMPLES = """examples:
  quoteattr extract examples/data > quotes.jsonl
  quoteattr extract examples/data --format csv > quotes.csv
  quoteattr extract examples/data --format csv --what claims > claims.csv
  quoteattr extract article.txt --format table
  quoteattr extract corpus/ --glob '*.html.txt' --jobs 4 > quotes.jsonl
  quoteattr extract corpus.jsonl --id-field id --text-field body
  cat article.txt | quoteattr extract -
  quoteattr match examples/data --min-members 2 > clusters.jsonl
  quoteattr schema > document.schema.json
"""

_MATCH_EXAMPLES = """examples:
  quoteattr match examples/data
  quoteattr match corpus.jsonl --min-members 2 --score-cutoff 90 --jobs 4
"""


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="text file, folder (files below it, recursively), .jsonl file (an id and a "
        "text per line), or - for standard input",
    )
    parser.add_argument(
        "--glob", metavar="PATTERN",
        help="which files of a folder to read, matched at any depth (default: *.txt, *.text, "
        "*.md and *.jsonl); a pattern with / is matched from the folder ('2015/**/*.txt')",
    )
    parser.add_argument("--id-field", default="doc_id", help="id field of JSON Lines input "
                        "(default: doc_id, then id)")
    parser.add_argument("--text-field", default="text",
                        help="text field of JSON Lines input (default: text)")
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N",
        help="worker processes (default 1; 0 = one per CPU); the output is the same "
        "for any N",
    )
    parser.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, default=None,
        help="draw a progress bar on standard error (default: when it is a terminal)",
    )
    _add_rule_options(parser)


def _add_rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules", metavar="FILE",
        help="a rule set (JSON or TOML): rules added, removed or reordered and lexicon "
        "extensions; see 'Writing rules' in the docs",
    )
    parser.add_argument(
        "--language", metavar="LANG", choices=languages(),
        help=f"language of the documents: {', '.join(languages())} (default: en, or the rule "
        "set's language)",
    )
    parser.add_argument(
        "--double-apostrophes", action=argparse.BooleanOptionalAction, default=None,
        help="read '' as a double quotation mark, as New York Times and LexisNexis archive "
        "text prints quotes (''We will win,'' she said.); by default decided per document, "
        "from how it prints its quotes",
    )


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
        help="print the quotes and speakers of each document (JSON Lines, CSV or a table)",
        description="Find the quotes of each document and who said them. JSON Lines: one "
        "line per document (see 'quoteattr schema'). CSV: one row per quote (or claim) with "
        "document, speaker, cue, rule, quote text and offsets. A document that cannot be read "
        "becomes a record with an 'error' field; the exit status is then 1.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(extract)
    extract.add_argument(
        "-f", "--format", choices=("jsonl", "csv", "table"), default=None,
        help="jsonl: one document per line (default); csv: one row per quote or claim; "
        "table: aligned columns for reading in a terminal",
    )
    extract.add_argument(
        "--dask", metavar="SCHEDULER",
        help='run on Dask: "local" (a cluster on this machine) or a scheduler address such '
        'as tcp://10.0.0.5:8786; needs --out (pip install "quoteattr[dask]")',
    )
    extract.add_argument(
        "--out", metavar="DIR",
        help="with --dask: the folder the workers write to (Parquet tables; JSON Lines with "
        "--format jsonl or a DIR ending in .jsonl)",
    )
    extract.add_argument("--blocksize", metavar="SIZE",
                         help='with --dask: split JSON Lines files into pieces, e.g. "64MiB"')
    extract.add_argument("--workers", type=int, metavar="N",
                         help="with --dask local: worker processes (default: one per core)")
    extract.add_argument(
        "--what", choices=("quotes", "claims"), default="quotes",
        help="rows of --format csv or table: one per quote (default) or per reported claim",
    )
    match = sub.add_parser(
        "match",
        help="print clusters of the same quote across documents as JSON Lines",
        description="Attribute every document, then group the quotes printed by several "
        "documents into clusters, one JSON line each: the canonical text, the speaker and "
        "every printing with its relation (exact, variant, fragment), score and word diff.",
        epilog=_MATCH_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(match)
    match.add_argument("--score-cutoff", type=float, default=DEFAULT_SCORE_CUTOFF,
                       metavar="SCORE",
                       help=f"least similarity, 0-100, to join a cluster "
                       f"(default {DEFAULT_SCORE_CUTOFF:g})")
    match.add_argument("--min-members", type=int, default=1, metavar="N",
                       help="print only clusters with at least N printings (default 1)")
    evaluate = sub.add_parser(
        "evaluate",
        help="score quoteattr against a hand annotation",
        description="Run attribute() on annotated documents and print span and attribution "
        "precision, recall and F1 (JSON Lines gold with doc_id, text, quotes; or a seeds-style "
        "gold.json naming its article files).",
    )
    evaluate.add_argument("gold", metavar="GOLD", help="annotation file (.jsonl or .json)")
    evaluate.add_argument("--texts", metavar="DIR", help="folder of the articles a .json names")
    _add_rule_options(evaluate)
    sub.add_parser("schema", help="print the JSON Schema of an output line")
    rules = sub.add_parser(
        "rules",
        help="list the attribution rules in the order they are tried",
        description="List the attribution rules in the order they are tried: the built-in "
        "ones, or those of a rule set (--rules) or a language (--language). An invalid rule "
        "set is reported with every problem and the exit status 2.",
    )
    _add_rule_options(rules)
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit status.

    Example:
        >>> import io, contextlib
        >>> main(["extract", "no/such/file.txt"], stdout=io.StringIO())
        1
    """
    args = _parser().parse_args(argv)
    if stdout is not None:
        return _run(args, stdout)
    try:
        return _run(args, sys.stdout)
    except BrokenPipeError:  # `quoteattr extract ... | head`: the reader left, no traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "extract":
        return _extract(args, out)
    if args.command == "match":
        return _match(args, out)
    try:
        options = (
            attribute_options((args.rules, args.language, args.double_apostrophes))
            if "rules" in args else {}
        )
    except (RuleSetError, OSError) as exc:
        print(f"quoteattr: {exc}", file=sys.stderr)
        return 2
    if args.command == "evaluate":
        gold = load_gold(args.gold, texts=args.texts)
        predicted = [attribute(g.text, doc_id=g.doc_id, **options) for g in gold]
        scores = evaluate_documents(gold, predicted)
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
        ruleset = options.get("rules") or language_rules(args.language or "en")
        for rule in ruleset.sieve:
            out.write(f"{rule.name:30} {rule.description}\n")
        return 0
    return 2  # pragma: no cover - argparse rejects unknown commands


def _outcomes(args: argparse.Namespace, output: Output) -> Iterator[Outcome]:
    """Read the inputs and process them, reporting errors and progress on stderr."""
    items = list_inputs(args.paths, glob=args.glob)
    progress = None
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    if show:
        plain = all(isinstance(i, SourceError) or (i != "-" and not i.endswith(".jsonl"))
                    for i in items)
        progress = Progress(len(items) if plain else None, sys.stderr)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    sources = read_inputs(items, id_field=args.id_field, text_field=args.text_field)
    try:
        for outcome in process_sources(sources, jobs=jobs, output=output,
                                       rules=args.rules, language=args.language,
                                       double_apostrophes=args.double_apostrophes):
            if outcome.error is not None:
                if progress is not None:
                    sys.stderr.write("\n")
                print(f"quoteattr: {outcome.error}", file=sys.stderr)
            if progress is not None:
                progress.update(errors=int(outcome.error is not None))
            yield outcome
    finally:
        if progress is not None:
            progress.close()


def _extract(args: argparse.Namespace, out: TextIO) -> int:
    if args.dask:
        if not args.out:
            print("quoteattr: --dask needs --out DIR: the workers write the results",
                  file=sys.stderr)
            return 2
        if args.format not in ("jsonl", None):
            print("quoteattr: with --dask the output is Parquet or JSON Lines (--format jsonl)",
                  file=sys.stderr)
            return 2
        from quoteattr.distributed.run import run_dask_extract  # imports dask only here

        return run_dask_extract(
            args.paths, scheduler=args.dask, out=args.out,
            format=args.format, id_field=args.id_field,
            text_field=args.text_field, blocksize=args.blocksize, workers=args.workers,
        )
    if args.jobs < 0:
        print("quoteattr: --jobs must be 0 (one per CPU) or more", file=sys.stderr)
        return 2
    if args.format in ("jsonl", None):
        failures = 0
        for outcome in _outcomes(args, "json"):
            failures += outcome.error is not None
            out.write(outcome.line + "\n")
        return 1 if failures else 0
    columns = (*(QUOTE_COLUMNS if args.what == "quotes" else CLAIM_COLUMNS), "error")
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    if args.format == "csv":
        writer.writeheader()
    table: list[Row] = []
    failures = 0
    for outcome in _outcomes(args, args.what):
        rows = outcome.rows
        if outcome.error is not None:
            failures += 1
            rows = [{"doc_id": outcome.doc_id, "error": outcome.error}]
        if args.format == "csv":
            writer.writerows(rows)
        else:
            table.extend(rows)
    if args.format == "table":
        width = shutil.get_terminal_size().columns if out.isatty() else None
        out.write(format_table(table, what=args.what, width=width))
    return 1 if failures else 0


def _match(args: argparse.Namespace, out: TextIO) -> int:
    if args.jobs < 0:
        print("quoteattr: --jobs must be 0 (one per CPU) or more", file=sys.stderr)
        return 2
    documents: list[Document] = []
    failures = 0
    for outcome in _outcomes(args, "document"):
        if outcome.document is None:
            failures += 1
            out.write(json.dumps({"doc_id": outcome.doc_id, "error": outcome.error},
                                 ensure_ascii=False) + "\n")
        else:
            documents.append(outcome.document)
    for cluster in match_quotes(documents, score_cutoff=args.score_cutoff,
                                min_members=args.min_members):
        out.write(json.dumps(cluster.model_dump(mode="json"), ensure_ascii=False) + "\n")
    return 1 if failures else 0


_TABLE_COLUMNS = {
    "quotes": ("doc_id", "speaker", "cue", "rule", "confidence", "quote"),
    "claims": ("doc_id", "source", "cue", "stance", "confidence", "claim"),
}


def format_table(rows: Sequence[Row], *, what: str = "quotes", width: int | None = None) -> str:
    """Format rows of the quotes (or claims) table as aligned plain-text columns.

    Cells longer than 24 characters are cut with ``…`` except in the last column
    (the quote or claim), which is cut only to fit ``width`` characters when a
    width is given. An error row shows its message in the last column.

    Example:
        >>> rows = [{"doc_id": "dw", "speaker": "Lavrov", "cue": "said",
        ...          "rule": "quote_comma_name_said", "confidence": 0.95, "quote": "We met."}]
        >>> print(format_table(rows), end="")
        doc_id  speaker  cue   rule                   confidence  quote
        dw      Lavrov   said  quote_comma_name_said  0.95        We met.
    """
    names = _TABLE_COLUMNS[what]

    def cell(row: Row, name: str) -> str:
        if name == names[-1] and row.get("error"):
            return f"ERROR: {row['error']}"
        value = row.get(name)
        if value is None:
            return ""
        text = f"{value:.2f}" if isinstance(value, float) else " ".join(str(value).split())
        return text if name == names[-1] else _cut(text, 24)

    table = [list(names)] + [[cell(r, n) for n in names] for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(names) - 1)]
    room = max(20, width - sum(widths) - 2 * len(widths)) if width else None
    lines = []
    for line in table:
        cells = [c.ljust(w) for c, w in zip(line, widths, strict=False)]
        last = _cut(line[-1], room) if room else line[-1]
        lines.append("  ".join([*cells, last]).rstrip() + "\n")
    return "".join(lines)


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
