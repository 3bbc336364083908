"""A speaker of one document, assembled from its mentions (see :mod:`.speakers`)."""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field
from typing import Final

from quoteattr.language.names import Gender
from quoteattr.models import SpeakerKind
from quoteattr.text.mentions import Mention

__all__ = ["Entity"]

_NAMED: Final = frozenset({"name", "body", "country"})
"""Mention kinds that name their speaker."""

_MAX_COUNTED: Final = 20_000
"""Names whose words are counted once (the cache is cleared when full)."""

_WORD_COUNTS: Final[dict[str, int]] = {}
"""The number of words of each name compared so far (``len(name.split())``)."""


def _word_count(name: str) -> int:
    """``len(name.split())``, counted once per name: the same names recur in a document."""
    count = _WORD_COUNTS.get(name)
    if count is None:
        if len(_WORD_COUNTS) >= _MAX_COUNTED:
            _WORD_COUNTS.clear()
        count = _WORD_COUNTS[name] = len(name.split())
    return count


@dataclass(slots=True, init=False)
class Entity:
    """A speaker being assembled from its mentions.

    Built with the fields' keywords (``Entity(key=..., name=..., kind=...)``); the
    ``__init__`` is written out so that the compiled build runs it as C, not as the
    Python function a dataclass would generate.
    """

    key: str
    name: str
    kind: SpeakerKind
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    starts: set[int] = field(default_factory=set)
    ordered_starts: list[int] = field(default_factory=list)
    """The mentions' start offsets, sorted, for range look-ups."""
    given: str | None = None
    """The folded given name, once a mention printed one ("sergei")."""
    words: tuple[str, ...] = ()
    """The folded words of the fullest name, without initials or suffixes."""
    gender: Gender | None = None
    """From a given name or an honorific; ``either`` or ``None`` when unknown."""
    gender_known: bool = False
    """The gender is strong evidence: an honorific (``Mr``) or a pronoun already used
    for the person. A given name's usual gender is soft: a tie-breaker only."""
    described: set[str] = field(default_factory=set)
    """Lower-case words of the roles and appositives that describe this person."""

    def __init__(
        self,
        key: str,
        name: str,
        kind: SpeakerKind,
        role: str | None = None,
        aliases: list[str] | None = None,
        mentions: list[Mention] | None = None,
        starts: set[int] | None = None,
        ordered_starts: list[int] | None = None,
        given: str | None = None,
        words: tuple[str, ...] = (),
        gender: Gender | None = None,
        gender_known: bool = False,
        described: set[str] | None = None,
    ) -> None:
        """Start an entity; list and set fields left out start empty."""
        self.key = key
        self.name = name
        self.kind = kind
        self.role = role
        self.aliases = [] if aliases is None else aliases
        self.mentions = [] if mentions is None else mentions
        self.starts = set() if starts is None else starts
        self.ordered_starts = [] if ordered_starts is None else ordered_starts
        self.given = given
        self.words = words
        self.gender = gender
        self.gender_known = gender_known
        self.described = set() if described is None else described

    def record(self, m: Mention) -> bool:
        """Record a mention of this entity; False when it was recorded already."""
        if m.start in self.starts:
            return False
        self.starts.add(m.start)
        self.mentions.append(m)
        insort(self.ordered_starts, m.start)
        return True

    def mentioned_between(self, start: int, end: int) -> bool:
        """Tell whether a mention of this entity starts at an offset from ``start`` to ``end``."""
        found = self.ordered_starts
        i = bisect_left(found, start)
        return i < len(found) and found[i] < end

    def add(self, m: Mention) -> None:
        """Record a mention of this entity, keeping the fullest name and first role."""
        start = m.start
        ordered = self.ordered_starts
        if not ordered or ordered[-1] < start:
            ordered.append(start)  # mentions mostly come in text order: after all, so new
        elif start in self.starts:
            return
        else:
            insort(ordered, start)
        self.starts.add(start)
        self.mentions.append(m)
        name = m.name
        if name not in self.aliases:
            self.aliases.append(name)
        if (
            name != self.name
            and m.kind in _NAMED
            and _word_count(name) > _word_count(self.name)
        ):
            self.name = name
        if not self.role:
            role = m.role
            if role:
                self.role = role
