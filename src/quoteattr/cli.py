"""The ``quoteattr`` command line.

``quoteattr extract PATH...`` prints one JSON line per document (the
``model_dump(mode="json")`` of [Document][quoteattr.models.Document]), or with
``--format csv`` one CSV row per quote (or claim), or with ``--format table``
columns fitted to the terminal. ``quoteattr match PATH...`` prints the
clusters of the same quote across documents, ``quoteattr evaluate GOLD``
scores quoteattr against a hand annotation. An input that cannot be read or
processed becomes a record with an ``error`` field and a message on standard
error naming it; the other inputs are still processed, and the exit status is 1.
A usage error (a wrong option, a missing annotation file) is one message on
standard error and the exit status 2. Output is UTF-8 whatever the console's
encoding, to standard output or to the file of ``-o``, byte for byte the same.
A worker process that dies (``--jobs``) also makes the exit status 1; its
documents are tried again, and one that kills its worker alone is an error
record. Ctrl-C ends any command within a second with the exit status 130, the
output written so far complete up to its last whole line.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import shutil
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn, TextIO

from quoteattr import __version__
from quoteattr.attribution.rulesets import RuleSetError, load_rules
from quoteattr.io.batch import (
    MAX_DOCUMENT_CHARS,
    Outcome,
    Output,
    json_line,
    process_sources,
)
from quoteattr.io.export import (
    CLAIM_COLUMNS,
    CLUSTER_COLUMNS,
    QUOTE_COLUMNS,
    Row,
    clusters_table,
    output_schema,
    write_csv,
)
from quoteattr.io.interrupt import whole_lines_on_interrupt, writing
from quoteattr.io.progress import Progress
from quoteattr.io.sources import SourceError, iter_units, list_inputs
from quoteattr.io.table import format_table
from quoteattr.language.lexicon import languages
from quoteattr.matching import settings as matching
from quoteattr.models import Document
from quoteattr.options import Options, resolve_options
from quoteattr.text import mentions

if TYPE_CHECKING:  # imported by the commands that use them (see _evaluate)
    from quoteattr.evaluation.quotes import Scores

__all__ = ["format_table", "main"]

_EXAMPLES = """examples:
  quoteattr extract examples/data > quotes.jsonl
  quoteattr extract examples/data --format csv -o quotes.csv
  quoteattr extract examples/data --format csv --excel -o quotes.csv
  quoteattr extract examples/data --format csv --what claims -o claims.csv
  quoteattr extract article.txt --format table
  quoteattr extract corpus/ --glob '*.html.txt' --jobs 4 -o quotes.jsonl
  quoteattr extract corpus.jsonl --id-field id --text-field body
  cat article.txt | quoteattr extract -
  quoteattr match examples/data --min-members 2 -o clusters.jsonl
  quoteattr evaluate PolNeAR/data/dev
  quoteattr schema -o document.schema.json
"""

_MATCH_EXAMPLES = """examples:
  quoteattr match examples/data
  quoteattr match examples/data --format table
  quoteattr match corpus.jsonl --min-members 2 --score-cutoff 90 --jobs 4 --format csv
"""

_EVALUATE_EXAMPLES = """examples:
  quoteattr evaluate gold.jsonl
  quoteattr evaluate seeds_gold.json --texts examples/data
  quoteattr evaluate PolNeAR/data/dev --double-apostrophes
  quoteattr evaluate PolNeAR/data/dev --json -o scores.json
"""


class _UsageError(Exception):
    """A wrong command line: one message, exit status 2."""

    def __init__(self, prog: str, message: str, *, hint: bool = True) -> None:
        super().__init__(message)
        self.prog = prog
        self.hint = hint


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and a return value, not an exit."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(self.prog, message)


class _HelpFormatter(argparse.HelpFormatter):
    """Wrap descriptions to the terminal, keep the examples as written."""

    def __init__(self, prog: str) -> None:
        width = min(shutil.get_terminal_size((100, 24)).columns, 100) - 2
        super().__init__(prog, width=max(width, 40), max_help_position=30)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("examples:"):
            return text
        return "\n\n".join(super(_HelpFormatter, self)._fill_text(p, width, indent)
                           for p in text.split("\n\n"))


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="FILE",
        help="write to FILE instead of standard output (UTF-8, the same bytes)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true",
        help="no progress bar and no message per failed input on standard error (error "
        "records and the exit status still say what failed)",
    )


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
        help="draw a progress bar on standard error (default: when it is a terminal and "
        "there is more than one document)",
    )
    parser.add_argument(
        "--max-chars", type=int, default=MAX_DOCUMENT_CHARS, metavar="N",
        help=f"a longer document becomes an error record instead of being attributed "
        f"(default {MAX_DOCUMENT_CHARS:,}; 0: no limit)",
    )
    parser.add_argument(
        "--timeout", type=float, metavar="SECONDS",
        help="with --jobs 2 or more, or --dask: stop a worker that spends longer than this "
        "on one document, and report the document as an error (default: no limit)",
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


def _add_table_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--excel", action="store_true",
        help="with --format csv: begin with a byte order mark, so that Excel reads the "
        "file as UTF-8",
    )
    parser.add_argument(
        "--width", type=int, metavar="N",
        help="with --format table: the width to fit (default: COLUMNS, else the "
        "terminal's; 0 = no limit, every cell whole on one line)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="quoteattr",
        description="Find quotes in news text and say who said them.",
        epilog=_EXAMPLES,
        formatter_class=_HelpFormatter,
    )
    # the build: the stages as Python, or compiled by mypyc from the same source (setup.py)
    build = "Python" if mentions.__file__.endswith(".py") else "compiled"
    parser.add_argument(
        "--version", action="version", version=f"quoteattr {__version__} ({build} build)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=_Parser)
    extract = sub.add_parser(
        "extract",
        help="print the quotes and speakers of each document (JSON Lines, CSV or a table)",
        description="Find the quotes of each document and who said them. JSON Lines: one "
        "line per document (see 'quoteattr schema'). CSV: one row per quote (or claim) with "
        "document, speaker, cue, rule, quote text and offsets. Table: columns fitted to the "
        "terminal, the quote wrapped. A document that cannot be read becomes a record with "
        "an 'error' field; the exit status is then 1.",
        epilog=_EXAMPLES,
        formatter_class=_HelpFormatter,
    )
    _add_input_options(extract)
    extract.add_argument(
        "-f", "--format", choices=("jsonl", "csv", "table"), default=None,
        help="jsonl: one document per line (default); csv: one row per quote or claim; "
        "table: aligned columns for reading in a terminal",
    )
    extract.add_argument(
        "--what", choices=("quotes", "claims"), default=None,
        help="rows of --format csv or table: one per quote (default) or per reported claim",
    )
    _add_table_options(extract)
    _add_output_options(extract)
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
    match = sub.add_parser(
        "match",
        help="print clusters of the same quote across documents (JSON Lines, CSV or a table)",
        description="Attribute every document, then group the quotes printed by several "
        "documents into clusters. JSON Lines: one cluster per line, with the canonical text, "
        "the speaker and every printing with its relation (exact, variant, fragment), score "
        "and word diff. CSV and table: one row per printing, numbered by cluster.",
        epilog=_MATCH_EXAMPLES,
        formatter_class=_HelpFormatter,
    )
    _add_input_options(match)
    match.add_argument("-f", "--format", choices=("jsonl", "csv", "table"), default="jsonl",
                       help="jsonl: one cluster per line (default); csv: one row per printing; "
                       "table: aligned columns for reading in a terminal")
    match.add_argument("--score-cutoff", type=float, default=matching.DEFAULT_SCORE_CUTOFF,
                       metavar="SCORE",
                       help=f"least similarity, 0-100, to join a cluster "
                       f"(default {matching.DEFAULT_SCORE_CUTOFF:g})")
    match.add_argument("--min-members", type=int, default=1, metavar="N",
                       help="print only clusters with at least N printings (default 1)")
    match.add_argument("--level", choices=matching.LEVELS, default="utterance", help="utterance: "
                       "one speaker, one occasion (default); wording: the same words, ever")
    match.add_argument("--window", type=matching.window_days, metavar="DAYS",
                       default=matching.DEFAULT_WINDOW_DAYS, help="days printings of one "
                       f"utterance lie apart ({matching.DEFAULT_WINDOW_DAYS}; 'none': no limit)")
    match.add_argument("--recall", type=matching.window_days, metavar="DAYS",
                       default=matching.DEFAULT_RECALL_DAYS, help="days a later reprint of the "
                       f"same words may lie apart ({matching.DEFAULT_RECALL_DAYS}; 'none': "
                       "only the window)")
    _add_table_options(match)
    _add_output_options(match)
    evaluate = sub.add_parser(
        "evaluate",
        help="score quoteattr against a hand annotation",
        description="Run attribute() on annotated documents and print span and attribution "
        "precision, recall and F1, then attribution by the kind of speaker mention (name, "
        "pronoun, description) and by quote type (direct, partial). GOLD is JSON Lines (one "
        "document a line: doc_id, text, quotes; with indirect records, reported claims are "
        "scored too), a seeds-style .json naming its article "
        "files, or a folder of brat standoff attribution annotations with their texts, as "
        "the PolNeAR corpus ships them (data/dev: text/NAME.txt and "
        "attributions/NAME_ANNOTATOR.ann).",
        epilog=_EVALUATE_EXAMPLES,
        formatter_class=_HelpFormatter,
    )
    evaluate.add_argument("gold", metavar="GOLD",
                          help="annotation: .jsonl, .json, or a folder of brat .ann files")
    evaluate.add_argument("--texts", metavar="DIR", help="folder of the articles a .json names")
    evaluate.add_argument("--annotator", metavar="ID",
                          help="brat: read this annotator's files where several annotated an "
                          "article (default: the first in name order)")
    evaluate.add_argument("--json", action="store_true",
                          help="print the scores as one JSON object")
    _add_rule_options(evaluate)
    _add_output_options(evaluate)
    schema = sub.add_parser(
        "schema", help="print the JSON Schema of an output line",
        description="Print the JSON Schema of a line of 'quoteattr extract': a document, or "
        "the error record of an input that could not be read.",
        formatter_class=_HelpFormatter,
    )
    _add_output_options(schema)
    rules = sub.add_parser(
        "rules",
        help="list the attribution rules in the order they are tried",
        description="List the attribution rules in the order they are tried: the built-in "
        "ones, or those of a rule set (--rules) or a language (--language). An invalid rule "
        "set is reported with every problem and the exit status 2.",
        formatter_class=_HelpFormatter,
    )
    _add_rule_options(rules)
    _add_output_options(rules)
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit status.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` by default.
        stdout: Where to write instead of standard output (``-o`` still wins).

    Returns:
        0 on success, 1 when some input failed (an error record says which),
        2 for a usage error (one message on standard error).

    Example:
        >>> import io
        >>> main(["extract", "no/such/file.txt"], stdout=io.StringIO())
        1
        >>> main(["extract", "--jobs", "-1", "a.txt"], stdout=io.StringIO())
        2
    """
    parser = _parser()
    try:
        with whole_lines_on_interrupt(stdout is None):
            args = parser.parse_args(argv)
            _check(args)
            with _output(args, stdout) as out:
                return _run(args, out)
    except _UsageError as exc:
        hint = f" (see '{exc.prog} --help')" if exc.hint else ""
        print(f"{exc.prog}: error: {exc}{hint}", file=sys.stderr)
        return 2
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


def _options(args: argparse.Namespace) -> Options:
    """The one Options object of a command, from --rules, --allow-code, --language ...

    Raises:
        _UsageError: the rule file is missing, unreadable or invalid, or the
            options contradict each other.
    """
    prog = f"quoteattr {args.command}"
    try:
        rules = load_rules(args.rules, trust_code=args.allow_code) if args.rules else None
        options = resolve_options(rules=rules, language=args.language,
                                  double_apostrophes=args.double_apostrophes)
        options.sieve  # noqa: B018 - compile now: a broken rule set is a usage error
        options.full_lexicon  # noqa: B018
    except RuleSetError as exc:
        raise _UsageError(prog, str(exc), hint=False) from None
    except OSError as exc:
        raise _UsageError(prog, f"cannot read rule file {args.rules}: {exc.strerror or exc}",
                          hint=False) from None
    except (TypeError, ValueError) as exc:
        raise _UsageError(prog, str(exc)) from None
    return options


def _check(args: argparse.Namespace) -> None:
    """Refuse option combinations that would be silently ignored or cannot work."""
    prog = f"quoteattr {args.command}"

    def fail(message: str) -> NoReturn:
        raise _UsageError(prog, message)

    if (getattr(args, "jobs", None) or 0) < 0:
        fail("--jobs must be 0 (one per CPU) or more")
    if getattr(args, "max_chars", 0) < 0:
        fail("--max-chars must be 0 (no limit) or more")
    timeout = getattr(args, "timeout", None)
    if timeout is not None and not timeout > 0:
        fail("--timeout must be a positive number of seconds")
    fmt = getattr(args, "format", None)
    if getattr(args, "excel", False) and fmt != "csv":
        fail("--excel applies to --format csv")
    width = getattr(args, "width", None)
    if width is not None and (fmt != "table" or width < 0):
        fail("--width takes 0 or more and applies to --format table")
    if args.command == "extract":
        if args.what is not None and fmt not in ("csv", "table"):
            fail("--what applies to --format csv or table (JSON Lines holds quotes and claims)")
        if args.dask:
            if not args.out:
                fail("--dask needs --out DIR: the workers write the results there")
            if fmt not in ("jsonl", None):
                fail("with --dask the output is Parquet or JSON Lines (--format jsonl)")
            if args.output:
                fail("with --dask the workers write to --out DIR, not -o")
            if args.jobs is not None and args.dask != "local":
                fail("--jobs sets the workers of --dask local; a cluster at an address has "
                     "its own workers")
            if args.jobs is not None and args.workers is not None and args.workers != args.jobs:
                fail("--jobs and --workers say different things with --dask local; give one")
        else:
            for name in ("out", "blocksize", "workers"):
                if getattr(args, name) is not None:
                    fail(f"--{name} applies to --dask")
        if args.workers is not None and args.workers < 1:
            fail("--workers must be 1 or more")
    if args.command == "match":
        if not 0 <= args.score_cutoff <= 100:
            fail("--score-cutoff is a similarity from 0 to 100")
        if args.min_members < 1:
            fail("--min-members must be 1 or more")
    if args.command == "evaluate" and args.texts is not None and not os.path.isdir(args.texts):
        fail(f"--texts {args.texts}: no such folder")


@contextmanager
def _output(args: argparse.Namespace, stdout: TextIO | None) -> Iterator[TextIO]:
    """Where to write: the ``-o`` file, the caller's stream, or standard output as UTF-8."""
    if getattr(args, "output", None):
        try:
            handle = open(args.output, "w", encoding="utf-8", newline="",  # noqa: SIM115
                          errors="backslashreplace")  # a lone surrogate: \ud800, not a crash
        except OSError as exc:
            raise _UsageError(f"quoteattr {args.command}",
                              f"cannot write {args.output}: {exc.strerror or exc}",
                              hint=False) from exc
        with handle:
            yield handle
        return
    if stdout is not None:
        yield stdout
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced sys.stdout (a notebook, a test): write text to it
        yield sys.stdout
        return
    sys.stdout.flush()
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="", errors="backslashreplace",
                               line_buffering=sys.stdout.isatty())
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()  # leave sys.stdout's own buffer open


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "extract":
        return _extract(args, out)
    if args.command == "match":
        return _match(args, out)
    options = _options(args) if "rules" in args else Options()
    if args.command == "evaluate":
        return _evaluate(args, out, options)
    if args.command == "schema":
        out.write(json.dumps(output_schema(), indent=2, ensure_ascii=False) + "\n")
        return 0
    if args.command == "rules":
        for rule in options.sieve:
            out.write(f"{rule.name:30} {rule.description}\n")
        return 0
    return 2  # pragma: no cover - argparse rejects unknown commands


def _evaluate(args: argparse.Namespace, out: TextIO, options: Options) -> int:
    # imported here: ``extract`` and ``match`` start faster without the scorers
    from quoteattr.evaluation.claims import format_claim_scores, score_claims_file
    from quoteattr.evaluation.quotes import GoldError, load_gold
    from quoteattr.evaluation.quotes import evaluate as evaluate_documents
    from quoteattr.pipeline import attribute

    try:
        gold = load_gold(args.gold, texts=args.texts, annotator=args.annotator,
                         language=args.language or "en")
    except GoldError as exc:
        raise _UsageError("quoteattr evaluate", str(exc), hint=False) from exc
    progress = _progress(args, len(gold))
    predicted = []
    for g in gold:
        predicted.append(attribute(g.text, doc_id=g.doc_id, options=options))
        if progress is not None:
            progress.update()
    if progress is not None:
        progress.close()
    scores = evaluate_documents(gold, predicted)
    claims = score_claims_file(args.gold, predicted)
    if args.json:
        data = json.loads(scores.model_dump_json())
        if claims is not None:
            data["claims"] = json.loads(claims.model_dump_json())
        out.write(json.dumps(data, indent=2) + "\n")
    else:
        out.write(_format_scores(scores, documents=len(gold)))
        if claims is not None:
            out.write(format_claim_scores(claims))
    return 0


def _format_scores(scores: Scores, *, documents: int) -> str:
    """The scores of ``quoteattr evaluate`` as plain text: totals, then by kind and type."""
    lines = [f"documents {documents}  gold quotes {scores.gold}  predicted {scores.predicted}"]
    for label, s in (("span", scores.span), ("attribution", scores.attribution)):
        lines.append(f"{label:12} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")
    for title, groups in (("speaker kind", scores.by_speaker_kind),
                          ("quote type", scores.by_type)):
        if not groups:
            continue
        lines.append("")
        lines.append(f"{'by ' + title:16} {'gold':>5}  span R  attribution R  "
                     "right speaker of found")
        for key, b in groups.items():
            accuracy = f"{b.attribution_accuracy:.3f}" if b.attribution_accuracy is not None \
                else "-"
            lines.append(f"  {key:14} {b.gold:5d}  {b.span_recall:6.3f}  "
                         f"{b.attribution_recall:13.3f}  {accuracy:>22}")
    return "\n".join(lines) + "\n"


def _progress(args: argparse.Namespace, total: int | None) -> Progress | None:
    """A progress bar on standard error, or None: off for one document and with --quiet."""
    wanted = getattr(args, "progress", None)
    if wanted is None:
        wanted = sys.stderr.isatty() and not args.quiet
    if not wanted or total == 1:
        return None
    return Progress(total, sys.stderr)


def _outcomes(args: argparse.Namespace, output: Output, options: Options,
              deaths: list[str]) -> Iterator[Outcome]:
    """Read the inputs and process them, reporting errors and progress on stderr."""
    items = list_inputs(args.paths, glob=args.glob)
    plain = all(isinstance(i, SourceError) or (i != "-" and not i.endswith(".jsonl"))
                for i in items)
    progress = _progress(args, len(items) if plain else None)
    jobs = 1 if args.jobs is None else args.jobs or (os.cpu_count() or 1)

    def warn(message: str) -> None:  # a worker died: always said, even with --quiet
        deaths.append(message)
        if progress is not None:
            sys.stderr.write("\n")
        print(f"quoteattr: {message}", file=sys.stderr)

    try:
        units = iter_units(items, positions=jobs > 1)  # workers read the JSON lines
        for outcome in process_sources(units, jobs=jobs, output=output, options=options,
                                       id_field=args.id_field, text_field=args.text_field,
                                       max_chars=args.max_chars or None,
                                       timeout=args.timeout, warn=warn):
            if outcome.error is not None and not args.quiet:
                if progress is not None:
                    sys.stderr.write("\n")
                print(f"quoteattr: {outcome.error}", file=sys.stderr)
            if progress is not None:
                progress.update(errors=int(outcome.error is not None))
            yield outcome
    finally:
        if progress is not None:
            progress.close()


def _table_width(args: argparse.Namespace) -> int | None:
    """The width a table must fit: --width, COLUMNS, the terminal's, or no limit."""
    if args.width is not None:
        return args.width or None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for stream in (sys.stdout, sys.stderr):
        try:
            return os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
            continue
    return None


def _extract(args: argparse.Namespace, out: TextIO) -> int:
    options = _options(args)
    if args.dask:
        from quoteattr.distributed.run import run_dask_extract  # imports dask only here

        return run_dask_extract(
            args.paths, scheduler=args.dask, out=args.out,
            format=args.format, id_field=args.id_field,
            text_field=args.text_field, blocksize=args.blocksize,
            workers=args.workers or args.jobs or None, glob=args.glob, options=options,
            max_chars=args.max_chars or None, timeout=args.timeout,
            exit_on_interrupt=True,
        )
    deaths: list[str] = []
    if args.format in ("jsonl", None):
        failures = 0
        binary = getattr(out, "buffer", None)  # lines come serialised: write the bytes
        out.flush()
        for outcome in _outcomes(args, "json", options, deaths):
            failures += outcome.error is not None
            with writing():
                if binary is not None:
                    binary.write(outcome.data)
                else:
                    out.write(outcome.data.decode("utf-8"))
        return 1 if failures or deaths else 0
    what: Output = "claims" if args.what == "claims" else "quotes"
    columns = (*(QUOTE_COLUMNS if what == "quotes" else CLAIM_COLUMNS), "error")
    table: list[Row] = []
    failures = 0
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    if args.format == "csv":
        write_csv([], out, columns=columns, excel=args.excel)  # the header
    for outcome in _outcomes(args, what, options, deaths):
        rows = outcome.rows
        if outcome.error is not None:
            failures += 1
            rows = [{"doc_id": outcome.doc_id, "error": outcome.error}]
        if args.format == "csv":
            with writing():
                writer.writerows(rows)
        else:
            table.extend(rows)
    if args.format == "table":
        out.write(format_table(table, what=what, width=_table_width(args)))
    return 1 if failures or deaths else 0


def _match(args: argparse.Namespace, out: TextIO) -> int:
    options = _options(args)
    deaths: list[str] = []
    documents: list[Document] = []
    errors: list[Row] = []
    for outcome in _outcomes(args, "document", options, deaths):
        if outcome.document is None:
            errors.append({"doc_id": outcome.doc_id, "error": outcome.error})
        else:
            documents.append(outcome.document)
    from quoteattr.matching.clusters import match_quotes  # only this command needs it

    clusters = match_quotes(documents, score_cutoff=args.score_cutoff,
                            min_members=args.min_members, level=args.level, window=args.window,
                            recall=args.recall)
    if args.format == "jsonl":
        for error in errors:
            with writing():
                out.write(json_line(error).decode("utf-8"))
        for cluster in clusters:
            with writing():
                out.write(json_line(cluster.model_dump(mode="json")).decode("utf-8"))
    elif args.format == "csv":
        write_csv([*errors, *clusters_table(clusters)], out,
                  columns=(*CLUSTER_COLUMNS, "error"), excel=args.excel)
    else:
        out.write(format_table([*errors, *clusters_table(clusters)], what="clusters",
                               width=_table_width(args)))
    return 1 if errors or deaths else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
