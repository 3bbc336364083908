"""The ``quoteattr`` command line.

``quoteattr extract PATH...`` prints one JSON line per document (the
``model_dump(mode="json")`` of :class:`~quoteattr.models.Document`), or with
``--format csv`` one CSV row per quote (or claim), or with ``--format table``
an aligned table for the terminal. ``quoteattr match PATH...`` prints the
clusters of the same quote across documents. An input that cannot be read or
processed becomes a record with an ``error`` field and a message on standard
error naming it; the other inputs are still processed, and the exit status is 1.

Exit status: 0 when every input gave a document; 1 when some became error
records or a worker process died; 2 for a usage error (a bad option, an invalid
or missing rule file); 130 when interrupted (Ctrl-C), after the output written
so far has been completed up to its last whole line.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import shutil
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from quoteattr import __version__
from quoteattr.attribution.rulesets import RuleSetError, load_rules
from quoteattr.evaluation.quotes import evaluate as evaluate_documents
from quoteattr.evaluation.quotes import load_gold
from quoteattr.io.batch import (
    MAX_DOCUMENT_CHARS,
    Outcome,
    Output,
    json_line,
    process_sources,
)
from quoteattr.io.export import CLAIM_COLUMNS, QUOTE_COLUMNS, Row
from quoteattr.io.progress import Progress
from quoteattr.io.sources import SourceError, iter_units, list_inputs
from quoteattr.language.lexicon import languages
from quoteattr.matching.clusters import DEFAULT_SCORE_CUTOFF, match_quotes
from quoteattr.models import Document
from quoteattr.options import Options, resolve_options
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
        "-j", "--jobs", type=int, default=None, metavar="N",
        help="worker processes (default 1; 0 = one per CPU); the output is the same "
        "for any N",
    )
    parser.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, default=None,
        help="draw a progress bar on standard error (default: when it is a terminal)",
    )
    parser.add_argument(
        "--max-chars", type=int, default=MAX_DOCUMENT_CHARS, metavar="N",
        help=f"a longer document becomes an error record instead of being attributed "
        f"(default {MAX_DOCUMENT_CHARS:,}; 0: no limit)",
    )
    parser.add_argument(
        "--timeout", type=float, metavar="SECONDS",
        help="with --jobs 2 or more: stop a worker that spends longer than this on one "
        "document, and report the document as an error (default: no limit)",
    )
    _add_rule_options(parser)


def _add_rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules", metavar="FILE",
        help="a rule set (JSON or TOML): rules added, removed or reordered and lexicon "
        "extensions; see 'Writing rules' in the docs",
    )
    parser.add_argument(
        "--allow-code", action="store_true",
        help="let the --rules file import and run the Python functions its 'callables' "
        "name: such a rule file is code; allow it only for a file you would run as a script",
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
    with contextlib.suppress(AttributeError, ValueError):  # a lone surrogate in csv or table
        sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        with _whole_lines_on_interrupt():
            return _run(args, sys.stdout)
    except KeyboardInterrupt:
        with contextlib.suppress(ValueError):  # a second Ctrl-C: we are ending already
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()  # the lines written so far, whole
        print("\nquoteattr: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `quoteattr extract ... | head`: the reader left, no traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


class _Interrupt:
    """Ctrl-C is held back while a line is written, so that output ends on a whole line."""

    writing = False
    pending = False


def _on_sigint(signum: int, frame: Any) -> None:
    if _Interrupt.writing:
        _Interrupt.pending = True
    else:
        raise KeyboardInterrupt


@contextlib.contextmanager
def _whole_lines_on_interrupt() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, _on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _writing() -> Iterator[None]:
    """Write inside this block: an interrupt arriving meanwhile is raised after it."""
    _Interrupt.writing = True
    try:
        yield
    finally:
        _Interrupt.writing = False
    if _Interrupt.pending:
        _Interrupt.pending = False
        raise KeyboardInterrupt


def _options(args: argparse.Namespace) -> Options:
    """The one Options object of a command, from --rules, --allow-code, --language ...

    Raises:
        _UsageError: the rule file is missing, unreadable or invalid, or the
            options contradict each other.
    """
    try:
        rules = load_rules(args.rules, trust_code=args.allow_code) if args.rules else None
        options = resolve_options(rules=rules, language=args.language,
                                  double_apostrophes=args.double_apostrophes)
        options.sieve  # noqa: B018 - compile now: a broken rule set is a usage error
        options.full_lexicon  # noqa: B018
    except RuleSetError as exc:
        raise _UsageError(str(exc)) from None
    except OSError as exc:
        raise _UsageError(f"cannot read rule file {args.rules}: {exc.strerror or exc}") from None
    except (TypeError, ValueError) as exc:
        raise _UsageError(str(exc)) from None
    return options


class _UsageError(Exception):
    """A problem with the command line itself: one message, exit status 2."""


def _run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        return _command(args, out)
    except _UsageError as exc:
        print(f"quoteattr: {exc}", file=sys.stderr)
        return 2


def _command(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "extract":
        return _extract(args, out)
    if args.command == "match":
        return _match(args, out)
    options = _options(args) if "rules" in args else Options()
    if args.command == "evaluate":
        gold = load_gold(args.gold, texts=args.texts)
        predicted = [attribute(g.text, doc_id=g.doc_id, options=options) for g in gold]
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
        for rule in options.sieve:
            out.write(f"{rule.name:30} {rule.description}\n")
        return 0
    return 2  # pragma: no cover - argparse rejects unknown commands


def _dask(args: argparse.Namespace) -> int:
    """``extract --dask``: the same options, checks and exit statuses as without."""
    _check_run_options(args)
    workers = args.workers
    if args.jobs is not None:
        if args.dask != "local":
            raise _UsageError("--jobs sets the workers of --dask local; a cluster at an "
                              "address has its own workers")
        if workers is not None and workers != args.jobs:
            raise _UsageError("--jobs and --workers say different things; give one")
        workers = args.jobs or None
    options = _options(args)
    from quoteattr.distributed.run import run_dask_extract  # imports dask only here

    return run_dask_extract(
        args.paths, scheduler=args.dask, out=args.out,
        format=args.format, id_field=args.id_field,
        text_field=args.text_field, blocksize=args.blocksize, workers=workers,
        glob=args.glob, options=options, max_chars=args.max_chars or None,
        timeout=args.timeout,
    )


def _check_run_options(args: argparse.Namespace) -> None:
    if args.jobs is not None and args.jobs < 0:
        raise _UsageError("--jobs must be 0 (one per CPU) or more")
    if args.max_chars < 0:
        raise _UsageError("--max-chars must be 0 (no limit) or more")
    if args.timeout is not None and not args.timeout > 0:
        raise _UsageError("--timeout must be a positive number of seconds")


def _outcomes(args: argparse.Namespace, output: Output, options: Options,
              deaths: list[str]) -> Iterator[Outcome]:
    """Read the inputs and process them, reporting errors and progress on stderr."""
    items = list_inputs(args.paths, glob=args.glob)
    progress = None
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    if show:
        plain = all(isinstance(i, SourceError) or (i != "-" and not i.endswith(".jsonl"))
                    for i in items)
        progress = Progress(len(items) if plain else None, sys.stderr)
    jobs = 1 if args.jobs is None else args.jobs or (os.cpu_count() or 1)

    def warn(message: str) -> None:
        deaths.append(message)
        if progress is not None:
            sys.stderr.write("\n")
        print(f"quoteattr: {message}", file=sys.stderr)

    try:
        for outcome in process_sources(iter_units(items), jobs=jobs, output=output,
                                       options=options, id_field=args.id_field,
                                       text_field=args.text_field,
                                       max_chars=args.max_chars or None,
                                       timeout=args.timeout, warn=warn):
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
        return _dask(args)
    _check_run_options(args)
    options = _options(args)
    deaths: list[str] = []
    if args.format in ("jsonl", None):
        failures = 0
        binary = getattr(out, "buffer", None)
        if binary is not None:
            out.flush()
        for outcome in _outcomes(args, "json", options, deaths):
            failures += outcome.error is not None
            with _writing():
                if binary is not None:
                    binary.write(outcome.data)
                else:
                    out.write(outcome.data.decode("utf-8"))
        return 1 if failures or deaths else 0
    columns = (*(QUOTE_COLUMNS if args.what == "quotes" else CLAIM_COLUMNS), "error")
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    if args.format == "csv":
        writer.writeheader()
    table: list[Row] = []
    failures = 0
    for outcome in _outcomes(args, args.what, options, deaths):
        rows = outcome.rows
        if outcome.error is not None:
            failures += 1
            rows = [{"doc_id": outcome.doc_id, "error": outcome.error}]
        if args.format == "csv":
            with _writing():
                writer.writerows(rows)
        else:
            table.extend(rows)
    if args.format == "table":
        width = shutil.get_terminal_size().columns if out.isatty() else None
        out.write(format_table(table, what=args.what, width=width))
    return 1 if failures or deaths else 0


def _match(args: argparse.Namespace, out: TextIO) -> int:
    _check_run_options(args)
    if not 0 <= args.score_cutoff <= 100:
        raise _UsageError("--score-cutoff must be between 0 and 100")
    if args.min_members < 1:
        raise _UsageError("--min-members must be 1 or more")
    options = _options(args)
    deaths: list[str] = []
    documents: list[Document] = []
    failures = 0
    for outcome in _outcomes(args, "document", options, deaths):
        if outcome.document is None:
            failures += 1
            with _writing():
                out.write(json_line({"doc_id": outcome.doc_id, "error": outcome.error})
                          .decode("utf-8"))
        else:
            documents.append(outcome.document)
    for cluster in match_quotes(documents, score_cutoff=args.score_cutoff,
                                min_members=args.min_members):
        with _writing():
            out.write(json_line(cluster.model_dump(mode="json")).decode("utf-8"))
    return 1 if failures or deaths else 0


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
