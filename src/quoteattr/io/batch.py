"""Run :func:`quoteattr.attribute` over many documents, on one process or several.

:func:`process_sources` turns each input of :mod:`quoteattr.io.sources` into an
:class:`Outcome` (a JSON line, or table rows) in input order, whatever the
number of worker processes, so ``--jobs 4`` prints exactly what ``--jobs 1``
prints. An input that cannot be read, or a document that fails, becomes an
outcome with an ``error`` naming the input; the others go on.

With several workers (:mod:`quoteattr.io.pool`) the parent process only lists
the inputs and writes bytes: the workers read the files (and the JSON lines, given
as :class:`~quoteattr.io.sources.SourceRange` units), parse the JSON lines,
attribute the documents and serialise the results, in batches. A worker that
dies (killed, out of memory, or crashed by a document) is replaced; the
documents it held are tried again one by one in a fresh worker, and a document
that kills its worker on its own becomes an error outcome.

Example:
    >>> from quoteattr.io.sources import SourceError, SourceText
    >>> outcomes = process_sources([
    ...     SourceText("a", '"We met," Lavrov said.', "a.txt"),
    ...     SourceError("b", "b.txt: no such file or directory", "b.txt"),
    ... ])
    >>> [(o.doc_id, o.error) for o in outcomes]
    [('a', None), ('b', 'b.txt: no such file or directory')]
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from quoteattr.attribution.rules import Rule
from quoteattr.attribution.rulesets import RuleSet
from quoteattr.io.export import Row, claims_table, quotes_table
from quoteattr.io.pool import run_pool
from quoteattr.io.sources import (
    SourceError,
    SourceFile,
    SourceLine,
    SourceRange,
    SourceText,
    Unit,
    read_unit,
)
from quoteattr.language.lexicon import Lexicon
from quoteattr.models import Document
from quoteattr.options import Options, resolve_options
from quoteattr.pipeline import run_pipeline

__all__ = [
    "MAX_DOCUMENT_CHARS",
    "START_METHOD",
    "Job",
    "Outcome",
    "Output",
    "failure",
    "json_line",
    "process_sources",
    "process_unit",
    "unit_label",
]

Output = Literal["json", "quotes", "claims", "document"]
"""What each outcome carries: a JSON line, rows of the quotes or claims table, or the Document."""

START_METHOD = "fork" if sys.platform == "linux" else "spawn"
"""How worker processes start; the output does not depend on it."""

MAX_DOCUMENT_CHARS = 50_000_000
"""The longest document attributed by default (50 million characters); a longer
one becomes an error outcome before it is read into memory whole."""


@dataclass(frozen=True)
class Outcome:
    """The result for one input.

    Attributes:
        doc_id: The document's id.
        error: What went wrong, naming the input, or ``None``.
        data: The output line for JSON Lines as UTF-8 bytes ending in a newline:
            the document, or ``doc_id`` and ``error``.
        rows: The rows of the quotes or claims table (empty for JSON output or an error).
        document: The document itself, for ``output="document"``.
    """

    doc_id: str
    error: str | None
    data: bytes = b""
    rows: list[Row] = field(default_factory=list)
    document: Document | None = None

    @property
    def line(self) -> str:
        """The JSON line as text, without its newline."""
        return self.data.decode("utf-8").removesuffix("\n")


@dataclass(frozen=True)
class Job:
    """Everything a worker needs besides the inputs: sent to each worker once.

    Attributes:
        options: The one :class:`~quoteattr.Options` every document is read with.
        output: What each outcome carries (see :data:`Output`).
        id_field: The id field of JSON Lines input.
        text_field: The text field of JSON Lines input.
        max_chars: The longest document attributed; ``None`` for no limit.
    """

    options: Options
    output: Output = "json"
    id_field: str = "doc_id"
    text_field: str = "text"
    max_chars: int | None = MAX_DOCUMENT_CHARS


def json_line(record: dict[str, Any]) -> bytes:
    r"""Serialise one output record as a UTF-8 JSON line ending in a newline.

    Text is written as it is (``ensure_ascii=False``); a record holding a lone
    surrogate (from a ``\ud800`` escape in JSON input), which UTF-8 cannot
    encode, is written with ``\u`` escapes instead, so that it still round-trips.

    Example:
        >>> json_line({"text": "é"})
        b'{"text": "\xc3\xa9"}\n'
        >>> json_line({"text": "é" + chr(0xD800)})
        b'{"text": "\\u00e9\\ud800"}\n'
    """
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record) + "\n").encode("ascii")


def failure(doc_id: str, message: str, output: Output) -> Outcome:
    """The outcome of an input that failed: an ``error`` record naming it."""
    data = json_line({"doc_id": doc_id, "error": message}) if output == "json" else b""
    return Outcome(doc_id, message, data)


def unit_label(unit: Unit) -> tuple[str, str]:
    """The id and origin an error about ``unit`` names, without reading it.

    Example:
        >>> unit_label(SourceFile("news/a.txt"))
        ('a', 'news/a.txt')
    """
    if isinstance(unit, (SourceText, SourceError)):
        return unit.doc_id, unit.origin
    if isinstance(unit, (SourceLine, SourceRange)):
        return f"{unit.stem}:{unit.number}", f"{unit.origin}:{unit.number}"
    name = unit.path.replace("\\", "/").rsplit("/", 1)[-1]
    return (name.rsplit(".", 1)[0] if "." in name[1:] else name) or unit.path, unit.path


def process_unit(unit: Unit, job: Job) -> Outcome:
    """Read and attribute one input; never raises (a failure becomes an error outcome)."""
    doc_id, origin = unit_label(unit)
    try:
        if job.max_chars is not None and isinstance(unit, SourceFile):
            size = _file_size(unit.path)
            if size > 4 * job.max_chars:  # more characters than the limit, whatever the text
                return failure(doc_id, _too_large(origin, f"{size:,} bytes", job), job.output)
        source = read_unit(unit, id_field=job.id_field, text_field=job.text_field)
        if isinstance(source, SourceError):
            return failure(source.doc_id, source.error, job.output)
        doc_id, text = source.doc_id, source.text
        if job.max_chars is not None and len(text) > job.max_chars:
            return failure(doc_id, _too_large(origin, f"{len(text):,} characters", job),
                           job.output)
        doc = run_pipeline(text, job.options, doc_id=doc_id)
        if source.date is not None:
            doc = doc.model_copy(update={"date": source.date})
        if job.output == "json":
            return Outcome(doc_id, None, json_line(doc.model_dump(mode="json")))
        if job.output == "document":
            return Outcome(doc_id, None, document=doc)
        rows = quotes_table(doc) if job.output == "quotes" else claims_table(doc)
        return Outcome(doc_id, None, rows=rows)
    except MemoryError as exc:  # the pipeline's says how long the text was
        return failure(doc_id, f"{origin}: {exc or 'out of memory'}", job.output)
    except Exception as exc:  # a bug must not lose the other documents
        return failure(doc_id, f"{origin}: internal error: {type(exc).__name__}: {exc}",
                       job.output)


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reading it reports the problem


def _too_large(origin: str, size: str, job: Job) -> str:
    return (f"{origin}: too large to attribute as one document ({size}; the limit is "
            f"{job.max_chars:,} characters, --max-chars); split it into articles")


def process_sources(
    sources: Iterable[Unit],
    *,
    jobs: int = 1,
    output: Output = "json",
    options: Options | None = None,
    language: str | None = None,
    rules: Sequence[Rule] | RuleSet | None = None,
    lexicon: Lexicon | None = None,
    claims: bool | None = None,
    double_apostrophes: bool | None = None,
    id_field: str = "doc_id",
    text_field: str = "text",
    max_chars: int | None = MAX_DOCUMENT_CHARS,
    timeout: float | None = None,
    start_method: str | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Outcome]:
    """Attribute every source and yield one outcome per input, in input order.

    Args:
        sources: What :func:`quoteattr.io.sources.read_sources` or
            :func:`quoteattr.io.sources.iter_units` yields.
        jobs: Worker processes; 1 runs everything in this process.
        output: ``"json"`` for a JSON line per document, ``"quotes"`` or
            ``"claims"`` for the rows of :func:`quoteattr.io.export.quotes_table`
            or :func:`quoteattr.io.export.claims_table`, ``"document"`` for the
            :class:`~quoteattr.models.Document` itself.
        options: All options at once, as for :func:`quoteattr.attribute`; the
            keywords ``language``, ``rules``, ``lexicon``, ``claims`` and
            ``double_apostrophes`` override its fields.
        language: The language of the documents (``"en"``, ``"de"``).
        rules: The attribution sieve (a :class:`~quoteattr.RuleSet` from
            :func:`quoteattr.load_rules`, or a sequence of rules).
        lexicon: Word lists to use.
        claims: Also find reported claims (on by default).
        double_apostrophes: Read ``''`` as a double quotation mark (archive text).
        id_field: The id field of JSON Lines input.
        text_field: The text field of JSON Lines input.
        max_chars: A longer document becomes an error outcome; ``None``: no limit.
        timeout: With ``jobs`` above 1, the seconds a document may take; a
            worker that takes longer is stopped and the document reported.
        start_method: ``"fork"``, ``"spawn"`` or ``"forkserver"``; by default
            :data:`START_METHOD`.
        warn: Called with a message when a worker process dies (the run goes
            on); by default the message is written to standard error.

    Yields:
        An :class:`Outcome` per input, in the order of ``sources``.

    Raises:
        ValueError: ``jobs`` is less than 1, or an option is invalid.

    Example:
        >>> from quoteattr.io.sources import SourceText
        >>> [o.rows[0]["speaker"] for o in process_sources(
        ...     [SourceText("a", '"We met," Lavrov said.', "a.txt")], output="quotes")]
        ['Lavrov']
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be an int of 1 or more, not {jobs!r}")
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int)
                                  or max_chars < 1):
        raise ValueError(f"max_chars must be a positive int or None, not {max_chars!r}")
    if timeout is not None and (isinstance(timeout, bool) or not timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds or None, not {timeout!r}")
    opts = resolve_options(options, language=language, rules=rules, lexicon=lexicon,
                           claims=claims, double_apostrophes=double_apostrophes)
    opts.sieve  # noqa: B018 - an invalid rule set fails here, once, not per document
    opts.full_lexicon  # noqa: B018
    job = Job(opts, output, id_field, text_field, max_chars)
    return _generate(sources, job, jobs, timeout, start_method, warn)


def _generate(
    sources: Iterable[Unit], job: Job, jobs: int, timeout: float | None,
    start_method: str | None, warn: Callable[[str], None] | None,
) -> Iterator[Outcome]:
    if jobs == 1:
        for unit in sources:
            yield process_unit(unit, job)
        return

    def lost(unit: Unit, reason: str) -> Outcome:
        doc_id, origin = unit_label(unit)
        return failure(doc_id, f"{origin}: the worker process died while attributing this "
                       f"document alone ({reason}); skipped", job.output)

    yield from run_pool(iter(sources), process_unit, job, jobs=jobs, lost=lost, timeout=timeout,
                        start_method=start_method or START_METHOD, size=_weight, warn=warn)


def _weight(unit: Unit) -> int:
    if isinstance(unit, SourceLine):
        return len(unit.raw)
    if isinstance(unit, SourceRange):
        return unit.end - unit.start
    if isinstance(unit, SourceText):
        return len(unit.text)
    return 0
