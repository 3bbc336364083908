"""Run :func:`quoteattr.attribute` over many documents, on one process or several.

:func:`process_sources` turns each input of :mod:`quoteattr.io.sources` into an
:class:`Outcome` (a JSON line, or table rows) in input order, whatever the
number of worker processes, so ``--jobs 4`` prints exactly what ``--jobs 1``
prints. An input that cannot be read, or a document that fails inside a
worker, becomes an outcome with an ``error`` naming the input; the others go on.
Workers run a module-level function on picklable tasks, so any start method
works; Linux forks them (no second import, a quicker start), other systems spawn.

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

import datetime
import json
import multiprocessing
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from quoteattr.attribution.rulesets import load_rules
from quoteattr.io.export import Row, claims_table, quotes_table
from quoteattr.io.sources import SourceError, SourceText
from quoteattr.models import Document
from quoteattr.pipeline import attribute

__all__ = ["Outcome", "Output", "process_sources"]

Output = Literal["json", "quotes", "claims", "document"]
"""What each outcome carries: a JSON line, rows of the quotes or claims table, or the Document."""

_CHUNK = 8
"""Documents handed to a worker at a time: enough to amortise the hand-over."""

START_METHOD = "fork" if sys.platform == "linux" else "spawn"
"""How worker processes start; the output does not depend on it."""


@dataclass(frozen=True)
class Outcome:
    """The result for one input.

    Attributes:
        doc_id: The document's id.
        error: What went wrong, naming the input, or ``None``.
        line: The output line for JSON Lines: the document, or ``doc_id`` and ``error``.
        rows: The rows of the quotes or claims table (empty for JSON output or an error).
        document: The document itself, for ``output="document"``.
    """

    doc_id: str
    error: str | None
    line: str = ""
    rows: list[Row] = field(default_factory=list)
    document: Document | None = None


Setup = tuple[str | None, str | None, bool | None]
"""A rule-set file, a language (either may be None) and whether ``''`` is a double
quotation mark: picklable, loaded once per worker."""

_Task = tuple[str, str, str, str, Output, Setup, datetime.date | None]
# (kind, doc_id, text or error, origin, output, (rules file, language, double_apostrophes), date)


def _task(source: SourceText | SourceError, output: Output, setup: Setup) -> _Task:
    if isinstance(source, SourceError):
        return ("error", source.doc_id, source.error, source.origin, output, setup, None)
    return ("text", source.doc_id, source.text, source.origin, output, setup, source.date)


@lru_cache(maxsize=4)
def attribute_options(setup: Setup) -> dict[str, Any]:
    """The keyword arguments of :func:`~quoteattr.attribute` for a rule file and language.

    Raises:
        RuleSetError: the rule file is invalid (every problem listed).
    """
    path, language, double_apostrophes = setup
    options: dict[str, Any] = {"double_apostrophes": double_apostrophes}
    if path is not None:
        options["rules"] = load_rules(path)
    if language is not None:
        options["language"] = language
    return options


def _failure(doc_id: str, message: str, output: Output) -> Outcome:
    line = json.dumps({"doc_id": doc_id, "error": message}, ensure_ascii=False)
    return Outcome(doc_id, message, line if output == "json" else "")


def _work(task: _Task) -> Outcome:
    """Process one input; never raises (a failure becomes an error outcome)."""
    kind, doc_id, payload, origin, output, setup, date = task
    if kind == "error":
        return _failure(doc_id, payload, output)
    try:
        doc = attribute(payload, doc_id=doc_id, date=date, **attribute_options(setup))
        if output == "json":
            return Outcome(doc_id, None, json.dumps(doc.model_dump(mode="json"),
                                                    ensure_ascii=False))
        if output == "document":
            return Outcome(doc_id, None, document=doc)
        rows = quotes_table(doc) if output == "quotes" else claims_table(doc)
        return Outcome(doc_id, None, rows=rows)
    except Exception as exc:  # a bug must not lose the other documents
        return _failure(doc_id, f"{origin}: internal error: {type(exc).__name__}: {exc}", output)


def process_sources(
    sources: Iterable[SourceText | SourceError],
    *,
    jobs: int = 1,
    output: Output = "json",
    start_method: str | None = None,
    rules: str | None = None,
    language: str | None = None,
    double_apostrophes: bool | None = None,
) -> Iterator[Outcome]:
    """Attribute every source and yield one outcome per input, in input order.

    Args:
        sources: What :func:`quoteattr.io.sources.read_sources` yields.
        jobs: Worker processes; 1 runs everything in this process.
        output: ``"json"`` for a JSON line per document, ``"quotes"`` or
            ``"claims"`` for the rows of :func:`quoteattr.io.export.quotes_table`
            or :func:`quoteattr.io.export.claims_table`, ``"document"`` for the
            :class:`~quoteattr.models.Document` itself.
        start_method: ``"fork"``, ``"spawn"`` or ``"forkserver"``; by default
            :data:`START_METHOD`.
        rules: A rule-set file (JSON or TOML, see :func:`quoteattr.load_rules`)
            that every worker loads once.
        language: The language of the documents (``"en"``, ``"de"``).
        double_apostrophes: Read ``''`` as a double quotation mark (archive text); ``None``
            decides per document.

    Yields:
        An :class:`Outcome` per input, in the order of ``sources``.

    Raises:
        ValueError: ``jobs`` is less than 1.
        RuleSetError: the rule-set file is invalid; raised before any work starts.

    Example:
        >>> from quoteattr.io.sources import SourceText
        >>> [o.rows[0]["speaker"] for o in process_sources(
        ...     [SourceText("a", '"We met," Lavrov said.', "a.txt")], output="quotes")]
        ['Lavrov']
    """
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    setup: Setup = (rules, language, double_apostrophes)
    attribute_options(setup)  # an invalid rule file fails here, once, not per document
    tasks = (_task(s, output, setup) for s in sources)
    if jobs == 1:
        yield from map(_work, tasks)
        return
    context = multiprocessing.get_context(start_method or START_METHOD)
    with context.Pool(jobs) as pool:
        yield from pool.imap(_work, tasks, chunksize=_CHUNK)
