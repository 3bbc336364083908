"""Score reported claims against a hand annotation, as ``claims_score.py`` does.

A predicted claim matches a gold claim when, after trimming white space,
quotation marks, dashes, brackets and punctuation from both ends of both
contents, their overlap covers at least half of the SHORTER of the two (the
gold content may be several fragments, summed). Its source is right when the
predicted source mention overlaps an annotated source span, or when the gold
source is a name and its last word (case and diacritics folded) is a word of
the predicted source's name. Matching is one-to-one and greedy: gold claims in
text order, each taking the unused prediction with the largest qualifying
overlap; content-only and content-with-source are two separate passes. A
prediction that matches no gold claim but covers an optional claim counts
neither way (the seeds-style annotation lists borderline speech acts as
optional: "called for unity", "praised the mood").

Example:
    >>> text = "Turkey says the jet violated its airspace."
    >>> gold = [GoldClaimDocument(doc_id="d", text=text,
    ...         claims=(GoldClaim(start=12, end=41, speaker="Turkey"),))]
    >>> from quoteattr import attribute
    >>> s = evaluate_claims(gold, [attribute(text, doc_id="d")])
    >>> s.content.recall, s.attribution.precision
    (1.0, 1.0)
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from quoteattr.evaluation.quotes import GoldQuote, Score, prf
from quoteattr.models import Claim, Document
from quoteattr.text.normalize import fold

__all__ = [
    "ClaimScores",
    "GoldClaim",
    "GoldClaimDocument",
    "content_overlap",
    "content_overlaps",
    "evaluate_claims",
    "format_claim_scores",
    "load_claim_gold",
    "score_claims_file",
    "source_right",
]

MIN_OVERLAP = 0.5
"""Share of the shorter content (gold or predicted) that the two must have in common."""

_TRIM = " \t\n\u00a0\"'“”‘’«»„‚,.;:!?…—–-()"
"""Characters trimmed from both ends of a content before comparing."""


class GoldClaim(GoldQuote):
    """One annotated claim: content offsets and its source, as a gold quote has, and its cue.

    Attributes:
        cue: The cue as annotated ("has said", "according to", ":").
        content_spans: The content's fragments, when it has several; by default
            the one span ``start``-``end``.
    """

    cue: str | None = None
    content_spans: tuple[tuple[int, int], ...] = ()

    def fragments(self) -> tuple[tuple[int, int], ...]:
        """The content's fragments: ``content_spans``, or ``start``-``end``."""
        return self.content_spans or ((self.start, self.end),)


class GoldClaimDocument(BaseModel):
    """An annotated document: its text, its claims and its optional claims."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    text: str
    claims: tuple[GoldClaim, ...] = ()
    optional: tuple[GoldClaim, ...] = ()


class ClaimScores(BaseModel):
    """Content-only and content-and-source scores, with the counts behind them."""

    model_config = ConfigDict(frozen=True)

    gold: int
    predicted: int
    content: Score
    attribution: Score


def load_claim_gold(
    path: str | Path, *, texts: str | Path | None = None
) -> list[GoldClaimDocument]:
    """Read a claim annotation: a seeds-style ``.json`` or JSON Lines with ``indirect`` lists.

    Args:
        path: The annotation file. A ``.json`` file has ``documents``, ``claims``
            and ``optional_claims`` (``doc``, ``start``, ``end``, ``speaker``);
            a ``.jsonl`` file has one document a line with ``doc_id``, ``text``
            and ``indirect`` (``start``, ``end``, ``content_spans``, ``speaker``,
            ``speaker_spans``, ``speaker_kind``, ``cue``), the format of
            ``polnear.dev.jsonl``.
        texts: For a ``.json`` annotation, the folder holding the article files
            it names; by default the annotation's own folder.
    """
    path = Path(path)
    if path.suffix == ".jsonl":
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.append(
                    GoldClaimDocument(
                        doc_id=d["doc_id"],
                        text=d["text"],
                        claims=tuple(_gold(c) for c in d.get("indirect", [])),
                        optional=(),
                    )
                )
        return out
    data = json.loads(path.read_text(encoding="utf-8"))
    folder = Path(texts) if texts is not None else path.parent
    docs = []
    for d in data["documents"]:
        text = (folder / d["file"]).read_text(encoding="utf-8")
        claims = tuple(_gold(c) for c in data.get("claims", []) if c["doc"] == d["id"])
        optional = tuple(_gold(c) for c in data.get("optional_claims", []) if c["doc"] == d["id"])
        docs.append(GoldClaimDocument(doc_id=d["id"], text=text, claims=claims, optional=optional))
    return docs


def _gold(c: dict[str, Any]) -> GoldClaim:
    spans = c.get("speaker_spans") or []
    return GoldClaim(
        start=c["start"],
        end=c["end"],
        speaker=c.get("speaker"),
        speaker_spans=tuple((int(s), int(e)) for s, e in spans),
        speaker_kind=c.get("speaker_kind") or "name",
        cue=c.get("cue"),
        content_spans=tuple((int(s), int(e)) for s, e in c.get("content_spans") or ()),
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def content_overlap(
    text: str, gold: Sequence[tuple[int, int]], predicted: tuple[int, int]
) -> float:
    """The trimmed overlap of a prediction with a gold content's fragments, over the shorter.

    Example:
        >>> t = "He said the jet violated its airspace and was warned."
        >>> content_overlap(t, [(8, 37)], (8, 52))
        1.0
    """
    frags = [f for f in (_trim(text, s, e) for s, e in gold) if f[1] > f[0]]
    p0, p1 = _trim(text, *predicted)
    gold_len = sum(e - s for s, e in frags)
    if not gold_len or p1 <= p0:
        return 0.0
    inter = sum(max(0, min(e, p1) - max(s, p0)) for s, e in frags)
    return inter / min(gold_len, p1 - p0)


def content_overlaps(text: str, gold: tuple[int, int], predicted: tuple[int, int]) -> bool:
    """Tell whether two contents, both trimmed, share at least half of the shorter one.

    Example:
        >>> t = "He said the jet violated its airspace and was warned."
        >>> content_overlaps(t, (8, 37), (8, 52)), content_overlaps(t, (8, 37), (33, 52))
        (True, False)
    """
    return content_overlap(text, [gold], predicted) >= MIN_OVERLAP


def source_right(gold: GoldClaim, claim: Claim) -> bool:
    """Tell whether a predicted claim's source is the gold source."""
    m = claim.source.mention
    if m is not None and any(min(m.end, e) > max(m.start, s) for s, e in gold.speaker_spans):
        return True
    if not gold.speaker or gold.speaker_kind != "name":
        return False
    words = fold(gold.speaker).replace("-", " ").split()
    return bool(words) and words[-1] in fold(claim.source.name).replace("-", " ").split()


def evaluate_claims(
    gold: Sequence[GoldClaimDocument],
    predicted: Iterable[Document],
    *,
    kinds: Collection[str] | None = None,
) -> ClaimScores:
    """Score predicted claims against gold documents with the same ``doc_id``.

    Args:
        gold: The annotated documents.
        predicted: The documents ``attribute`` returned for them.
        kinds: Count only claims of these kinds (``{"indirect"}`` to leave out
            mixed claims, which an annotation of speech without quotation marks
            does not hold); all claims by default.
    """
    by_id = {d.doc_id: d for d in predicted}
    tp_content = tp_attr = n_pred = n_gold = 0
    for g in gold:
        doc = by_id.get(g.doc_id)
        preds = [c for c in (doc.claims if doc else ()) if kinds is None or c.kind in kinds]
        n_gold += len(g.claims)
        content_hits = _match(g, preds, with_source=False)
        attr_hits = _match(g, preds, with_source=True)
        tp_content += len(content_hits)
        tp_attr += len(attr_hits)
        hit = content_hits | attr_hits
        n_pred += sum(
            1
            for i, c in enumerate(preds)
            if i in hit
            or not any(
                content_overlaps(g.text, (o.start, o.end), (c.start, c.end)) for o in g.optional
            )
        )
    return ClaimScores(
        gold=n_gold,
        predicted=n_pred,
        content=prf(tp_content, n_pred, n_gold),
        attribution=prf(tp_attr, n_pred, n_gold),
    )


def _match(g: GoldClaimDocument, preds: Sequence[Claim], *, with_source: bool) -> set[int]:
    """Greedy one-to-one matching: each gold claim takes the best unused prediction."""
    used: set[int] = set()
    for gc in sorted(g.claims, key=lambda c: (c.start, c.end)):
        frags = gc.fragments()
        best, best_overlap = -1, 0.0
        for i, c in enumerate(preds):
            if i in used:
                continue
            overlap = content_overlap(g.text, frags, (c.start, c.end))
            if overlap >= MIN_OVERLAP and overlap > best_overlap and (
                not with_source or source_right(gc, c)
            ):
                best, best_overlap = i, overlap
        if best >= 0:
            used.add(best)
    return used


def score_claims_file(path: str | Path, predicted: Iterable[Document]) -> ClaimScores | None:
    """Score the indirect claims of ``predicted`` against a JSON Lines gold, if it has any.

    Indirect claims only, as ``claims_score.py`` counts them: a mixed claim holds
    a quote, and such attributions are annotated under ``quotes``. ``None`` for
    a gold that is no ``.jsonl`` file or holds no ``indirect`` records.
    """
    path = Path(path)
    if path.suffix != ".jsonl" or not path.is_file():
        return None
    gold = load_claim_gold(path)
    if not any(g.claims for g in gold):
        return None
    return evaluate_claims(gold, predicted, kinds={"indirect"})


def format_claim_scores(scores: ClaimScores) -> str:
    """The claim scores as ``quoteattr evaluate`` prints them.

    Example:
        >>> s = ClaimScores(gold=2, predicted=1, content=prf(1, 1, 2), attribution=prf(1, 1, 2))
        >>> print(format_claim_scores(s).strip())
        claims (indirect)  gold 2  predicted 1
        content      P 1.000  R 0.500  F1 0.667
        with source  P 1.000  R 0.500  F1 0.667
    """
    lines = ["", f"claims (indirect)  gold {scores.gold}  predicted {scores.predicted}"]
    for label, s in (("content", scores.content), ("with source", scores.attribution)):
        lines.append(f"{label:12} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")
    return "\n".join(lines) + "\n"
