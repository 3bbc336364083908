"""Score reported claims against a hand annotation.

A predicted claim matches a gold claim when, after trimming white space,
quotation marks and punctuation from both ends of both contents, their overlap
covers at least half of the gold content: ``overlap / len(gold) >= 0.5``. Its
source is right when the predicted source mention overlaps the annotated one,
or when the gold source's last word (case and diacritics folded) is a word of
the predicted source's canonical name, as for quotes. Each gold claim matches
at most one prediction and each prediction at most one gold claim. A
prediction that matches no gold claim but covers half of an optional claim (a
borderline speech act: "called for unity", "praised the mood") counts neither
way.

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
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from quoteattr.evaluation.quotes import GoldQuote, Score, prf, trim_span
from quoteattr.models import Claim, Document
from quoteattr.text.normalize import fold

__all__ = [
    "ClaimScores",
    "GoldClaim",
    "GoldClaimDocument",
    "content_overlaps",
    "evaluate_claims",
    "load_claim_gold",
]

MIN_OVERLAP = 0.5
"""Share of the gold content a predicted content must cover."""


class GoldClaim(GoldQuote):
    """One annotated claim: content offsets and its source, as a gold quote has, and its cue."""

    cue: str | None = None


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
            and ``indirect`` (``start``, ``end``, ``speaker``, ``speaker_spans``,
            ``speaker_kind``); its ``quotes`` become optional claims, since
            a mixed claim holds them.
        texts: For a ``.json`` annotation, the folder holding the article files
            it names; by default the annotation's own folder.
    """
    path = Path(path)
    if path.suffix == ".jsonl":
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                quoted = d.get("quotes", [])
                out.append(
                    GoldClaimDocument(
                        doc_id=d["doc_id"],
                        text=d["text"],
                        claims=tuple(_gold(c) for c in d.get("indirect", [])),
                        optional=tuple(_gold(q) for q in quoted),
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
    kind = c.get("speaker_kind") or "name"
    return GoldClaim(
        start=c["start"],
        end=c["end"],
        speaker=c.get("speaker"),
        speaker_spans=tuple((int(s), int(e)) for s, e in spans),
        speaker_kind="name" if kind == "nominal" and not spans else kind,
        cue=c.get("cue"),
    )


def content_overlaps(text: str, gold: tuple[int, int], predicted: tuple[int, int]) -> bool:
    """Tell whether a predicted content covers at least half of a gold content, both trimmed.

    Example:
        >>> t = "He said the jet violated its airspace and was warned."
        >>> content_overlaps(t, (8, 37), (8, 52)), content_overlaps(t, (8, 37), (33, 52))
        (True, False)
    """
    g0, g1 = trim_span(text, *gold)
    p0, p1 = trim_span(text, *predicted)
    inter = min(g1, p1) - max(g0, p0)
    return inter > 0 and inter / max(g1 - g0, 1) >= MIN_OVERLAP


def source_right(gold: GoldClaim, claim: Claim) -> bool:
    """Tell whether a predicted claim's source is the gold source."""
    m = claim.source.mention
    if m is not None and any(min(m.end, e) > max(m.start, s) for s, e in gold.speaker_spans):
        return True
    if not gold.speaker or gold.speaker_kind != "name":
        return False
    words = fold(gold.speaker).replace("-", " ").replace("’s", "").replace("'s", "").split()
    return bool(words) and words[-1] in fold(claim.source.name).replace("-", " ").split()


def evaluate_claims(
    gold: Sequence[GoldClaimDocument], predicted: Iterable[Document]
) -> ClaimScores:
    """Score predicted claims against gold documents with the same ``doc_id``."""
    by_id = {d.doc_id: d for d in predicted}
    tp_content = tp_attr = n_pred = n_gold = 0
    for g in gold:
        doc = by_id.get(g.doc_id)
        preds = list(doc.claims) if doc else []
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
    used: set[int] = set()
    for gc in g.claims:
        for i, c in enumerate(preds):
            if i in used or not content_overlaps(g.text, (gc.start, gc.end), (c.start, c.end)):
                continue
            if with_source and not source_right(gc, c):
                continue
            used.add(i)
            break
    return used
