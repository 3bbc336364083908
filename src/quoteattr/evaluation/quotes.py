"""Score quotes and attributions against a hand annotation.

A predicted quote matches a gold quote when, after trimming quotation marks,
white space and trailing punctuation from both, their overlap covers at least
80% of the longer one. Its speaker is right when the gold speaker's last name
(diacritics and case folded) is a word of the predicted name, or when the
predicted speaker mention overlaps the annotated one (for gold speakers given as
a pronoun or description). These are the criteria of the project's shared
scorer, so numbers agree with it.

Example:
    >>> gold = [GoldDocument(doc_id="d", text='"Hi," Ann Lee said.',
    ...         quotes=[GoldQuote(start=1, end=4, speaker="Ann Lee")])]
    >>> from quoteattr import attribute
    >>> s = evaluate(gold, [attribute(gold[0].text, doc_id="d")])
    >>> s.span.f1, s.attribution.f1
    (1.0, 1.0)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from quoteattr.models import Document, Quote
from quoteattr.text.normalize import fold

__all__ = [
    "GoldDocument",
    "GoldQuote",
    "Score",
    "Scores",
    "evaluate",
    "load_gold",
    "prf",
    "trim_span",
]

_TRIM = " \t\n\u00a0\"'“”‘’«»„‚,.;:!?…"


class GoldQuote(BaseModel):
    """One annotated quote."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    speaker: str | None = None
    speaker_spans: tuple[tuple[int, int], ...] = ()
    speaker_kind: str = "name"


class GoldDocument(BaseModel):
    """An annotated document: its text and its quotes."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...] = ()
    optional: tuple[GoldQuote, ...] = ()


class Score(BaseModel):
    """Precision, recall and F1, rounded to three places."""

    model_config = ConfigDict(frozen=True)

    precision: float
    recall: float
    f1: float


class Scores(BaseModel):
    """Quote-span and attribution scores, with the counts behind them."""

    model_config = ConfigDict(frozen=True)

    gold: int
    predicted: int
    span: Score
    attribution: Score


def load_gold(path: str | Path, *, texts: str | Path | None = None) -> list[GoldDocument]:
    """Read an annotation: JSON Lines (one document a line) or a seeds-style ``.json``.

    Args:
        path: The annotation file.
        texts: For a ``.json`` annotation, the folder holding the article files
            it names; by default the annotation's own folder.
    """
    path = Path(path)
    if path.suffix == ".jsonl":
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.append(GoldDocument(doc_id=d["doc_id"], text=d["text"],
                                        quotes=tuple(_gold_quote(q) for q in d["quotes"])))
        return out
    data = json.loads(path.read_text(encoding="utf-8"))
    folder = Path(texts) if texts is not None else path.parent
    docs = []
    for d in data["documents"]:
        text = (folder / d["file"]).read_text(encoding="utf-8")
        quotes = tuple(_gold_quote(q) for q in data["quotes"] if q["doc"] == d["id"])
        optional = tuple(
            _gold_quote(q) for q in data.get("optional_quotes", []) if q["doc"] == d["id"]
        )
        docs.append(GoldDocument(doc_id=d["id"], text=text, quotes=quotes, optional=optional))
    return docs


def _gold_quote(q: dict[str, object]) -> GoldQuote:
    spans = q.get("speaker_spans") or ()
    return GoldQuote.model_validate(
        {
            "start": q["start"],
            "end": q["end"],
            "speaker": q.get("speaker"),
            "speaker_spans": [tuple(s) for s in spans] if isinstance(spans, list) else (),
            "speaker_kind": q.get("speaker_kind") or "name",
        }
    )


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim quotation marks, white space and end punctuation from both ends of a span."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _overlaps(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    a0, a1 = trim_span(text, *a)
    b0, b1 = trim_span(text, *b)
    inter = min(a1, b1) - max(a0, b0)
    return inter / max(a1 - a0, b1 - b0, 1) >= 0.8


def _speaker_right(gold: GoldQuote, pred: Quote) -> bool:
    sp = pred.speaker
    if sp is None:
        return False
    m = sp.mention
    if m is not None and any(min(m.end, e) > max(m.start, s) for s, e in gold.speaker_spans):
        return True
    if not gold.speaker or gold.speaker_kind != "name":
        return False
    last = fold(gold.speaker).replace("-", " ").split()[-1]
    return last in fold(sp.name).replace("-", " ").split()


def prf(tp: int, predicted: int, gold: int) -> Score:
    """Precision, recall and F1 from true positives and the predicted and gold counts."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(precision=round(p, 3), recall=round(r, 3), f1=round(f, 3))


def evaluate(gold: Sequence[GoldDocument], predicted: Iterable[Document]) -> Scores:
    """Score predicted documents against gold documents with the same ``doc_id``."""
    by_id = {d.doc_id: d for d in predicted}
    tp_span = tp_attr = n_pred = n_gold = 0
    for g in gold:
        doc = by_id.get(g.doc_id)
        preds = [
            q for q in (doc.quotes if doc else ())
            if not any(_overlaps(g.text, (q.start, q.end), (o.start, o.end)) for o in g.optional)
        ]
        n_pred += len(preds)
        n_gold += len(g.quotes)
        used: set[int] = set()
        for gq in g.quotes:
            hit = next(
                (i for i, q in enumerate(preds)
                 if i not in used and _overlaps(g.text, (q.start, q.end), (gq.start, gq.end))),
                None,
            )
            if hit is None:
                continue
            used.add(hit)
            tp_span += 1
            tp_attr += _speaker_right(gq, preds[hit])
    return Scores(
        gold=n_gold,
        predicted=n_pred,
        span=prf(tp_span, n_pred, n_gold),
        attribution=prf(tp_attr, n_pred, n_gold),
    )
