"""Score quotes and attributions against a hand annotation.

A predicted quote matches a gold quote when, after trimming quotation marks,
white space and trailing punctuation from both, their overlap covers at least
80% of the longer one. Its speaker is right when the predicted speaker
mention overlaps the annotated one, or, for a gold speaker given by name, when
the gold name's last word (diacritics and case folded) is a word of the
predicted name. A pronoun or a description ("he", "the senator") is right
only by the overlap of mentions. These are the criteria of the project's shared
scorer, so the numbers agree with it.

[evaluate][quoteattr.evaluation.quotes.evaluate] also breaks attribution down
by the kind of gold speaker mention (name, pronoun, description, none) and
by quote type (direct, partial) where the annotation says them.

Example:
    >>> gold = [GoldDocument(doc_id="d", text='"Hi," Ann Lee said.',
    ...         quotes=[GoldQuote(start=1, end=4, speaker="Ann Lee")])]
    >>> from quoteattr import attribute
    >>> s = evaluate(gold, [attribute(gold[0].text, doc_id="d")])
    >>> s.span.f1, s.attribution.f1, s.by_speaker_kind["name"].attribution_recall
    (1.0, 1.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from quoteattr.evaluation.brat import read_brat
from quoteattr.evaluation.gold import (
    GoldDocument,
    GoldError,
    GoldQuote,
    read_gold_json,
    read_gold_jsonl,
)
from quoteattr.models import Document, Quote
from quoteattr.text.normalize import fold

__all__ = [
    "Breakdown",
    "GoldDocument",
    "GoldError",
    "GoldQuote",
    "Score",
    "Scores",
    "evaluate",
    "load_gold",
    "prf",
    "trim_span",
]

_TRIM = " \t\n\u00a0\"'“”‘’«»„‚,.;:!?…"


class Score(BaseModel):
    """Precision, recall and F1, rounded to three places."""

    model_config = ConfigDict(frozen=True)

    precision: float
    recall: float
    f1: float


class Breakdown(BaseModel):
    """Recall-side scores of one group of gold quotes (a speaker kind or a quote type).

    Precision needs a group for every prediction, and a spurious prediction
    has no gold kind or type; so a group reports recall, and the share of its
    found quotes whose speaker is right.

    Attributes:
        gold: Gold quotes in the group.
        span_recall: The share of them found.
        attribution_recall: The share found with the right speaker.
        attribution_accuracy: Of those found, the share with the right speaker
            (``None`` when none was found).
    """

    model_config = ConfigDict(frozen=True)

    gold: int
    span_recall: float
    attribution_recall: float
    attribution_accuracy: float | None


class Scores(BaseModel):
    """Quote-span and attribution scores, with the counts behind them.

    Attributes:
        gold: Gold quotes.
        predicted: Predicted quotes in the gold documents.
        span: Quote spans found.
        attribution: Quote spans found with the right speaker.
        by_speaker_kind: Attribution by the gold speaker's mention: ``name``,
            ``pronoun``, ``description``, ``none`` (no speaker in reach).
        by_type: Attribution by quote type: ``direct``, ``partial``.
    """

    model_config = ConfigDict(frozen=True)

    gold: int
    predicted: int
    span: Score
    attribution: Score
    by_speaker_kind: dict[str, Breakdown] = {}
    by_type: dict[str, Breakdown] = {}


_KIND_LABELS = {"nominal": "description", None: "none", "": "none"}


def load_gold(
    path: str | Path,
    *,
    texts: str | Path | None = None,
    annotator: str | None = None,
    language: str = "en",
) -> list[GoldDocument]:
    """Read an annotation: JSON Lines, a seeds-style ``.json``, or a brat corpus.

    Args:
        path: A ``.jsonl`` file (one ``{"doc_id", "text", "quotes"}`` a line), a
            ``.json`` file naming its article files, or a folder (or one
            ``.ann`` file) of brat standoff attribution annotations, such as
            PolNeAR's ``data/dev`` (see [quoteattr.evaluation.brat][]).
        texts: For a ``.json`` annotation, the folder holding the article
            files it names; by default the annotation's own folder.
        annotator: For brat, whose annotation to read where several people
            annotated an article (by default the first in name order).
        language: For brat, the articles' language.

    Returns:
        The gold documents.

    Raises:
        GoldError: the path does not exist or cannot be read as an annotation;
            the message names the file (and line) and what is wrong.

    Example:
        >>> load_gold("no/such/gold.jsonl")
        Traceback (most recent call last):
        ...
        quoteattr.evaluation.gold.GoldError: no/such/gold.jsonl: no such file
    """
    path = Path(path)
    if path.is_dir() or path.suffix == ".ann":
        return read_brat(path, annotator=annotator, language=language).documents
    if path.suffix == ".json":
        return read_gold_json(path, texts=texts)
    if path.suffix == ".jsonl" or not path.exists():
        return read_gold_jsonl(path)
    raise GoldError(f"{path}: unknown annotation format; give a .jsonl or .json file, or a "
                    "folder of brat .ann files")


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


def _breakdown(counts: dict[str, list[int]]) -> dict[str, Breakdown]:
    out = {}
    for key, (gold, found, right) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        out[key] = Breakdown(
            gold=gold,
            span_recall=round(found / gold, 3) if gold else 0.0,
            attribution_recall=round(right / gold, 3) if gold else 0.0,
            attribution_accuracy=round(right / found, 3) if found else None,
        )
    return out


def evaluate(gold: Sequence[GoldDocument], predicted: Iterable[Document]) -> Scores:
    """Score predicted documents against gold documents with the same ``doc_id``.

    Each gold quote is paired with the first unpaired prediction that overlaps
    it (see the module's criteria); a prediction overlapping an optional quote
    counts neither way; a gold document without a prediction counts as found
    nothing.

    Args:
        gold: The annotation, from [load_gold][quoteattr.evaluation.quotes.load_gold].
        predicted: The results of [attribute][quoteattr.attribute] for the same texts.

    Returns:
        Span and attribution precision, recall and F1, with the breakdowns.
    """
    by_id = {d.doc_id: d for d in predicted}
    tp_span = tp_attr = n_pred = n_gold = 0
    kinds: dict[str, list[int]] = {}
    types: dict[str, list[int]] = {}
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
            groups = [kinds.setdefault(_KIND_LABELS.get(gq.speaker_kind, gq.speaker_kind or
                                                        "none"), [0, 0, 0])]
            if gq.type is not None:
                groups.append(types.setdefault(gq.type, [0, 0, 0]))
            for counts in groups:
                counts[0] += 1
            hit = next(
                (i for i, q in enumerate(preds)
                 if i not in used and _overlaps(g.text, (q.start, q.end), (gq.start, gq.end))),
                None,
            )
            if hit is None:
                continue
            used.add(hit)
            right = _speaker_right(gq, preds[hit])
            tp_span += 1
            tp_attr += right
            for counts in groups:
                counts[1] += 1
                counts[2] += right
    return Scores(
        gold=n_gold,
        predicted=n_pred,
        span=prf(tp_span, n_pred, n_gold),
        attribution=prf(tp_attr, n_pred, n_gold),
        by_speaker_kind=_breakdown(kinds),
        by_type=_breakdown(types),
    )
