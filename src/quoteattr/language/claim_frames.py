"""What the claim rules know about a language, read from ``data/<language>/``.

``claim_frames.json`` says how cue verbs carry reported claims: which verbs
take a bare clause ("says the jet violated"), which need "that", which take an
object and "of" ("accused Turkey of"), a name ("branded the incident a war
crime") or an infinitive ("vowed to"), and which hedges and negations to note.
``claim_words.json`` holds the function words the claim rules consult (what
opens a reported clause, what ends one). Both are validated by pydantic when
loaded and cached; a language without them has no claim rules, and
:func:`load_claim_frames` returns ``None`` for it.

Example:
    >>> frames = load_claim_frames()
    >>> sorted(frames.frames_of("accuse"))
    ['object_of']
    >>> "speak" in frames.never
    True
    >>> "that" in load_claim_words().complementizers
    True
    >>> load_claim_frames("xx") is None
    True
"""

from __future__ import annotations

import json
from functools import cached_property, lru_cache
from importlib import resources
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from quoteattr.language.lexicon import LexiconError, Stance
from quoteattr.language.wordlists import WordLists, Words, load_word_lists, word_file

__all__ = [
    "ClaimFrames",
    "ClaimWords",
    "Frame",
    "Hedge",
    "Joint",
    "load_claim_frames",
    "load_claim_words",
]

Frame = Literal[
    "clause",
    "clause_checked",
    "object_of",
    "object_for",
    "naming",
    "naming_as",
    "infinitive",
    "object_infinitive",
    "noun_object",
    "object_about",
    "never",
]


class Hedge(BaseModel):
    """A phrase that softens or withdraws a claim ("reportedly", "stopped short of")."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=1)
    negates: bool = False
    withholds: bool = False
    """The source declines to speak ("declined to say whether"): no claim at all."""


class Joint(BaseModel):
    """Words that join a frame's object to the rest of its content; words that end the search."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    joints: tuple[str, ...]
    stops: tuple[str, ...] = ()


class ClaimFrames(BaseModel):
    """Claim frames of cue verbs, with negations and hedges."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str = ""
    language: str = "en"
    listener_verbs_note: str = ""
    joints_note: str = ""
    frames: dict[Frame, tuple[str, ...]]
    joints: dict[Frame, Joint] = {}
    listener_verbs: frozenset[str] = frozenset()
    comma_after_fronted_source: bool = True
    clause_after_comma: bool = False
    comma_ends_content: bool = True
    nouns_capitalised: bool = False
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


@word_file("claim_words.json", as_written=("hard_punctuation", "trimmed_punctuation"))
class ClaimWords(WordLists):
    """The function words of the claim rules in one language (``claim_words.json``)."""

    complementizers: Words
    subject_pronouns: Words
    determiners: Words
    prepositions: Words
    time_words: Words
    time_openers: Words
    time_nouns: Words
    continuers: Words
    relatives: Words
    hard_punctuation: Words
    trimmed_punctuation: Words
    coordinators: Words
    attribution_openers: Words
    coordinated_auxiliaries: Words
    passive_auxiliaries: Words
    not_time_adverbs: Words
    bare_subject_stop: Words
    quantity_words: Words
    quantity_joints: Words
    question_words: Words
    finite_auxiliaries: Words
    irregular_past: Words
    listener_objects: Words
    object_pronouns: Words
    quoting_forms: Words
    quoting_joints: Words
    source_prepositions: Words
    source_postpositions: Words
    sign_offs: Words
    as_words: Words
    reflexives: Words
    participle_endings: Words
    past_endings: Words
    adverb_endings: Words
    plural_endings: Words
    subjunctive_endings: Words
    genitive_determiners: Words
    relatives_after_comma: Words
    relative_subjects: Words
    with_words: Words
    noun_homographs: Words
    label_connectors: Words
    label_listener_words: Words
    label_stop_words: Words
    noun_cues: dict[str, Stance]
    noun_topic_cues: dict[str, Stance]
    document_nouns: Words
    issuing_verbs: Words
    topic_prepositions: Words
    light_verbs: Words
    receiving_verbs: Words
    agent_prepositions: Words
    possessive_determiners: Words
    possessive_endings: Words
    negation_endings: Words
    non_plural_endings: Words
    comparatives: Words
    phrasal_particles: Words
    stances: dict[str, Stance]


def load_claim_words(language: str = "en") -> ClaimWords | None:
    """Load the claim rules' function words of ``language``; ``None`` if it has none.

    Raises:
        LexiconError: when the file is invalid, naming each problem.
    """
    return load_word_lists(ClaimWords, language)


@lru_cache(maxsize=8)
def load_claim_frames(language: str = "en") -> ClaimFrames | None:
    """Load, validate and cache ``quoteattr/data/<language>/claim_frames.json``.

    Returns:
        The frames, or ``None`` when the language has no claim frames.

    Raises:
        LexiconError: when the file is invalid, naming each problem.
    """
    path = resources.files("quoteattr") / "data" / language / "claim_frames.json"
    if not path.is_file():
        return None
    try:
        return ClaimFrames.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        problems = "\n".join(
            f"  - {'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise LexiconError(
            f"quoteattr/data/{language}/claim_frames.json: {exc.error_count()} problem(s)\n"
            f"{problems}\n"
            "hint: frames are clause, clause_checked, object_of, object_for, naming, "
            "naming_as, infinitive, object_infinitive, noun_object, object_about and never"
        ) from None
