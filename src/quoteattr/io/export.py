"""Tables of results: one row per quote or per claim, for CSV files and DataFrames.

:func:`quotes_table` and :func:`claims_table` turn documents into plain rows
(dicts of strings, numbers and ``None``) in a fixed column order, so that a
spreadsheet, :mod:`csv` or pandas reads them as they are. :func:`to_dataframe`
does the same into a ``pandas.DataFrame`` (pandas is an optional extra:
``pip install "quoteattr[pandas]"``).

Example:
    >>> import quoteattr
    >>> doc = quoteattr.attribute('"We heard nothing new," Lavrov said.', doc_id="dw")
    >>> row = quotes_table([doc])[0]
    >>> row["doc_id"], row["speaker"], row["cue"], row["rule"], row["start"], row["end"]
    ('dw', 'Lavrov', 'said', 'quote_comma_name_said', 1, 22)
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, TextIO

from quoteattr.models import Claim, Document, Quote, QuoteSpeaker

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "CLAIM_COLUMNS",
    "QUOTE_COLUMNS",
    "Row",
    "claims_table",
    "quotes_table",
    "to_dataframe",
    "write_csv",
]

Row = dict[str, "str | int | float | bool | None"]
"""One row of a table: column name to a plain value."""

QUOTE_COLUMNS: tuple[str, ...] = (
    "doc_id", "quote", "start", "end", "kind", "utterance",
    "speaker", "speaker_kind", "speaker_role", "speaker_id",
    "mention", "mention_start", "mention_end",
    "cue", "cue_start", "cue_end", "rule", "confidence",
)
"""The columns of :func:`quotes_table`, in order."""

CLAIM_COLUMNS: tuple[str, ...] = (
    "doc_id", "claim", "start", "end", "kind",
    "source", "source_kind", "source_role", "source_id",
    "mention", "mention_start", "mention_end",
    "cue", "cue_start", "cue_end", "cue_lemma", "stance", "negated", "hedge",
    "quotes", "rule", "confidence",
)
"""The columns of :func:`claims_table`, in order."""


def speaker_columns(prefix: str, speaker: QuoteSpeaker | None) -> Row:
    """The table cells of a quote's speaker or a claim's source, named after ``prefix``."""
    mention = speaker.mention if speaker is not None else None
    return {
        prefix: speaker.name if speaker else None,
        f"{prefix}_kind": speaker.kind if speaker else None,
        f"{prefix}_role": speaker.role if speaker else None,
        f"{prefix}_id": speaker.id if speaker else None,
        "mention": mention.text if mention else None,
        "mention_start": mention.start if mention else None,
        "mention_end": mention.end if mention else None,
    }


def _quote_row(doc_id: str | None, q: Quote) -> Row:
    row: Row = {
        "doc_id": doc_id, "quote": q.text, "start": q.start, "end": q.end, "kind": q.kind,
        "utterance": q.utterance,
    }
    row.update(speaker_columns("speaker", q.speaker))
    row.update({
        "cue": q.cue.text if q.cue else None,
        "cue_start": q.cue.start if q.cue else None,
        "cue_end": q.cue.end if q.cue else None,
        "rule": q.rule,
        "confidence": q.confidence,
    })
    return row


def _claim_row(doc_id: str | None, c: Claim) -> Row:
    row: Row = {"doc_id": doc_id, "claim": c.text, "start": c.start, "end": c.end, "kind": c.kind}
    row.update(speaker_columns("source", c.source))
    row.update({
        "cue": c.cue.text, "cue_start": c.cue.start, "cue_end": c.cue.end,
        "cue_lemma": c.cue_lemma, "stance": c.stance, "negated": c.negated, "hedge": c.hedge,
        "quotes": " ".join(str(i) for i in c.quotes) or None,
        "rule": c.rule, "confidence": c.confidence,
    })
    return row


def _documents(docs: Document | Iterable[Document]) -> Iterable[Document]:
    if isinstance(docs, Document):
        return (docs,)
    if isinstance(docs, (str, bytes)):
        raise TypeError(
            "expected Document objects from quoteattr.attribute(), got a "
            f"{type(docs).__name__}; run quoteattr.attribute(text) first"
        )
    return docs


def quotes_table(docs: Document | Iterable[Document], *, terms: bool = False) -> list[Row]:
    """Return one row per quote, in document then text order.

    Columns are :data:`QUOTE_COLUMNS`: the document id, the quote as printed and
    its offsets, its kind, the speaker's canonical name, kind, role and id, where
    the speaker is named locally (``mention``), the cue and its offsets, the
    rule that decided and its confidence. Unattributed quotes have ``None`` in
    the speaker, mention and cue columns.

    Args:
        docs: A document or documents from :func:`quoteattr.attribute`.
        terms: Also list the quoted terms (``kind == "term"``), in text order.

    Returns:
        The rows, as plain dicts.

    Example:
        >>> import quoteattr
        >>> doc = quoteattr.attribute('She said: "We will see." He smiled.', doc_id="a")
        >>> [(r["quote"], r["speaker"], r["speaker_kind"]) for r in quotes_table(doc)]
        [('We will see.', 'She', 'unknown')]
    """
    rows: list[Row] = []
    for doc in _documents(docs):
        quotes = list(doc.quotes)
        if terms:
            quotes = sorted([*quotes, *doc.quoted_terms], key=lambda q: (q.start, q.end))
        rows.extend(_quote_row(doc.doc_id, q) for q in quotes)
    return rows


def claims_table(docs: Document | Iterable[Document]) -> list[Row]:
    """Return one row per reported claim, in document then text order.

    Columns are :data:`CLAIM_COLUMNS`: the claim's content and offsets, its
    source (as the speaker columns of :func:`quotes_table`), the cue with its
    lemma and stance, negation and hedge, the indices of the quotes a mixed
    claim holds (space-separated), the rule and its confidence.

    Args:
        docs: A document or documents from :func:`quoteattr.attribute`.

    Returns:
        The rows, as plain dicts.

    Example:
        >>> import quoteattr
        >>> doc = quoteattr.attribute("Turkey says the jet violated its airspace.", doc_id="b")
        >>> row = claims_table(doc)[0]
        >>> row["source"], row["cue_lemma"], row["claim"]
        ('Turkey', 'say', 'the jet violated its airspace')
    """
    return [_claim_row(doc.doc_id, c) for doc in _documents(docs) for c in doc.claims]


def to_dataframe(
    docs: Document | Iterable[Document],
    *,
    what: Literal["quotes", "claims"] = "quotes",
) -> pandas.DataFrame:
    """Return the quotes (or claims) of documents as a ``pandas.DataFrame``.

    The columns are those of :func:`quotes_table` (or :func:`claims_table`), in
    the same order, also when there are no rows.

    Args:
        docs: A document or documents from :func:`quoteattr.attribute`.
        what: ``"quotes"`` for one row per quote, ``"claims"`` for one per claim.

    Returns:
        A DataFrame with one row per quote or claim.

    Raises:
        ImportError: pandas is not installed; the message says how to install it.
        ValueError: ``what`` is neither ``"quotes"`` nor ``"claims"``.

    Example:
        >>> import quoteattr
        >>> doc = quoteattr.attribute('"We met," Lavrov said.', doc_id="dw")
        >>> to_dataframe(doc)[["doc_id", "speaker", "rule"]].values.tolist()
        [['dw', 'Lavrov', 'quote_comma_name_said']]
    """
    if what == "quotes":
        rows, columns = quotes_table(docs), QUOTE_COLUMNS
    elif what == "claims":
        rows, columns = claims_table(docs), CLAIM_COLUMNS
    else:
        raise ValueError(f'what must be "quotes" or "claims", not {what!r}')
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            'to_dataframe() needs pandas: pip install "quoteattr[pandas]"'
        ) from exc
    frame: pandas.DataFrame = pandas.DataFrame.from_records(rows, columns=list(columns))
    return frame


def write_csv(rows: Iterable[Row], out: TextIO, *, columns: Iterable[str]) -> None:
    r"""Write rows as CSV with a header line; ``None`` becomes an empty cell.

    Example:
        >>> import io
        >>> buffer = io.StringIO()
        >>> write_csv([{"a": 1, "b": None}], buffer, columns=["a", "b"])
        >>> buffer.getvalue()
        'a,b\r\n1,\r\n'
    """
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
