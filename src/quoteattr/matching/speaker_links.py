"""Whether the speakers of two quotes can be one person, across documents.

Names are compared folded (case and diacritics dropped: "Çavuşoğlu" is
"Cavusoglu"); a surname alone links to the full name ("Lavrov" and "Sergei
Lavrov"), and first names or initials must agree when both are given. A quote
with no speaker, or with an unknown or anonymous one, matches anybody.
:class:`SpeakerForest` keeps clusters whose speakers can all be one person.

Example:
    >>> a, b = name_key("Lavrov", True), name_key("Sergei Lavrov", True)
    >>> speakers_compatible(a, b), speakers_compatible(a, name_key("Mevlut Cavusoglu", True))
    (True, False)
    >>> speakers_compatible(name_key("Cavusoglu", True), name_key("Mevlüt Çavuşoğlu", True))
    True
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from quoteattr.models import Quote
from quoteattr.text.normalize import fold_name

__all__ = [
    "WILDCARD_SPEAKER_KINDS",
    "SpeakerForest",
    "SpeakerKey",
    "name_key",
    "speaker_key",
    "speakers_compatible",
]

WILDCARD_SPEAKER_KINDS = frozenset({"unknown", "anonymous"})
"""Speaker kinds that do not identify anybody: like ``None``, they match any speaker."""


class SpeakerKey(NamedTuple):
    """A speaker name folded for comparison, and whether it names a person."""

    name: str  # folded: "sergei lavrov"
    person: bool


def speaker_key(quote: Quote) -> SpeakerKey | None:
    """The folded speaker of a quote, or ``None`` when it does not identify anybody."""
    speaker = quote.speaker
    if speaker is None or speaker.kind in WILDCARD_SPEAKER_KINDS:
        return None
    return name_key(speaker.name, speaker.kind == "person")


@lru_cache(maxsize=1 << 16)
def name_key(name: str, person: bool) -> SpeakerKey:
    """Fold a speaker name (cached: a corpus has few distinct names)."""
    return SpeakerKey(fold_name(name), person)


def speakers_compatible(a: SpeakerKey | None, b: SpeakerKey | None) -> bool:
    """Tell whether two speakers can be one: unknown matches anyone; names link by surname."""
    if a is None or b is None or a.name == b.name:
        return True
    if not (a.person and b.person):
        return False
    first_a, _, last_a = a.name.rpartition(" ")
    first_b, _, last_b = b.name.rpartition(" ")
    if last_a != last_b or not last_a:
        return False
    if not first_a or not first_b:
        return True  # "Lavrov" and "Sergei Lavrov"
    given_a, given_b = first_a.split()[0], first_b.split()[0]
    if len(given_a) == 1 or len(given_b) == 1:  # an initial: "S. Lavrov"
        return given_a[0] == given_b[0]
    return given_a == given_b


class SpeakerForest:
    """Union-find over speaker units that refuses to join incompatible speakers."""

    def __init__(self, speakers: list[SpeakerKey | None]) -> None:
        self.parent = list(range(len(speakers)))
        self.known: dict[int, set[SpeakerKey]] = {
            i: {s} for i, s in enumerate(speakers) if s is not None
        }

    def find(self, unit: int) -> int:
        """The root of ``unit``'s cluster (paths are compressed on the way)."""
        parent = self.parent
        root = unit
        while parent[root] != root:
            root = parent[root]
        while parent[unit] != root:
            parent[unit], unit = root, parent[unit]
        return root

    def union(self, a: int, b: int) -> bool:
        """Join the clusters of ``a`` and ``b`` if all their speakers can be one person."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ka, kb = self.known.get(ra, set()), self.known.get(rb, set())
        if any(not speakers_compatible(x, y) for x in ka for y in kb if x != y):
            return False
        if rb < ra:
            ra, rb, ka, kb = rb, ra, kb, ka
        self.parent[rb] = ra
        if kb:
            self.known[ra] = ka | kb
            del self.known[rb]
        return True
