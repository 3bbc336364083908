"""How cue verbs carry reported claims, read from ``data/claim_frames.json``.

Which verbs take a bare clause ("says the jet violated"), which need "that",
which take an object and "of" ("accused Turkey of"), a name ("branded the
incident a war crime") or an infinitive ("vowed to"), and which hedges and
negations to note. The file is validated by a pydantic model when loaded and
cached.

Example:
    >>> frames = load_claim_frames()
    >>> sorted(frames.frames_of("accuse"))
    ['object_of']
    >>> "speak" in frames.never
    True
"""

from __future__ import annotations

import json
from functools import cached_property, lru_cache
from importlib import resources
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from quoteattr.language.lexicon import LexiconError

__all__ = ["ClaimFrames", "Frame", "Hedge", "load_claim_frames"]

Frame = Literal[
    "clause",
    "object_of",
    "object_for",
    "naming",
    "infinitive",
    "object_infinitive",
    "noun_object",
    "never",
]


class Hedge(BaseModel):
    """A phrase that softens or withdraws a claim ("reportedly", "stopped short of")."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=1)
    negates: bool = False


class ClaimFrames(BaseModel):
    """Claim frames of cue verbs, with negations and hedges."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str = ""
    listener_verbs_note: str = ""
    frames: dict[Frame, tuple[str, ...]]
    listener_verbs: frozenset[str] = frozenset()
    negations: tuple[Annotated[str, Field(min_length=1)], ...] = ()
    hedges: tuple[Hedge, ...] = ()

    @cached_property
    def by_lemma(self) -> dict[str, frozenset[str]]:
        """Map each lemma to the frames it takes ("never" excluded)."""
        table: dict[str, set[str]] = {}
        for frame, lemmas in self.frames.items():
            if frame == "never":
                continue
            for lemma in lemmas:
                table.setdefault(lemma, set()).add(frame)
        return {lemma: frozenset(fs) for lemma, fs in table.items()}

    @cached_property
    def never(self) -> frozenset[str]:
        """Cue verbs that never report a claim ("speak", "laugh")."""
        return frozenset(self.frames.get("never", ()))

    def frames_of(self, lemma: str) -> frozenset[str]:
        """Return the frames of a cue lemma; empty for a verb the file does not list."""
        return self.by_lemma.get(lemma, frozenset())


@lru_cache(maxsize=1)
def load_claim_frames() -> ClaimFrames:
    """Load, validate and cache ``quoteattr/data/claim_frames.json``.

    Raises:
        LexiconError: when the file is invalid, naming each problem.
    """
    path = resources.files("quoteattr") / "data" / "en" / "claim_frames.json"
    try:
        return ClaimFrames.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        problems = "\n".join(
            f"  - {'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise LexiconError(
            f"quoteattr/data/claim_frames.json: {exc.error_count()} problem(s)\n{problems}\n"
            "hint: frames are clause, object_of, object_for, naming, infinitive, "
            "object_infinitive, noun_object and never"
        ) from None
