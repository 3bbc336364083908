"""Whether the speakers of two quotes can be one person, across documents.

Each document names its speakers its own way: "Republican Jane Doe", "Sen.
Jane Doe", "Jane A. Doe", "Doe". Across documents a person is their *name*:
the surname, and the given names and initials printed before it. Titles (and
everything before the last title word: "State Sen.", "District Judge"), party
labels, places and suffixes are stripped (word lists in
``data/en/titles.json`` and ``data/en/speaker_names.json``). Two persons can
be one when the surnames are equal and the given names of one are found, in
order, among the other's (an initial stands for any name it starts): "Doe",
"Jane Doe", "Jane A. Doe" and "J. Doe" can all be one person, "John Doe" and
"Jane Doe" cannot.

An organisation or country is its folded name. A definite description ("the
agency director", "the agency") can stand for the person whose role the text
ties to that office (:attr:`SpeakerKey.office`); an anonymous source is its
description. A quote with no speaker, or an unknown one (a pronoun never
resolved), identifies nobody (:func:`speaker_key` returns ``None``).
:class:`SpeakerForest` keeps clusters whose speakers can all be one. Matching
blocks printings by :func:`bucket_of` (the surname): printings in two buckets
are never one utterance.

Example:
    >>> a, b = name_key("Lavrov", True), name_key("Sergei Lavrov", True)
    >>> speakers_compatible(a, b), speakers_compatible(a, name_key("Mevlut Cavusoglu", True))
    (True, False)
    >>> speakers_compatible(name_key("Cavusoglu", True), name_key("Mevlüt Çavuşoğlu", True))
    True
    >>> name_key("Republican Jane A. Doe Jr.", True)[:4]
    ('jane a doe', True, 'doe', ('jane', 'a'))
    >>> speakers_compatible(name_key("District Judge John Roe", True), name_key("Jane Roe", True))
    False
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Literal, NamedTuple

import regex
from pydantic import Field

from quoteattr.language.lexicon import Pronoun, load_lexicon
from quoteattr.language.names import load_person_names
from quoteattr.language.wordlists import WordLists, Words, load_word_lists, word_file
from quoteattr.models import Quote, QuoteSpeaker
from quoteattr.text.normalize import fold_words, function_words

__all__ = [
    "WILDCARD_SPEAKER_KINDS",
    "Bucket",
    "Level",
    "SpeakerForest",
    "SpeakerKey",
    "SpeakerNameWords",
    "bucket_of",
    "given_names_compatible",
    "key_of",
    "name_key",
    "node_buckets",
    "office_buckets",
    "printing_key",
    "share_bucket",
    "speaker_key",
    "speakers_compatible",
    "unresolved_description",
]

WILDCARD_SPEAKER_KINDS = frozenset({"unknown"})
"""Speaker kinds that do not identify anybody: like ``None``, a quote without a known speaker.

An ``anonymous`` source ("a senior official", "the narrator") is somebody the
text describes: another speaker than any named person, unless a definite
description names that person's office."""

_APOSTROPHE_IN_WORD = regex.compile(r"(?<=\p{L})['’ʼ`´](?=\p{L})")


@word_file("speaker_names.json")
class SpeakerNameWords(WordLists):
    """Words printed with a name that are not the name (``speaker_names.json``)."""

    labels: Words = frozenset()
    suffixes: Words = frozenset()
    nicknames: dict[str, str] = Field(default_factory=dict)
    honorifics: Words = frozenset()
    determiners: Words = frozenset()


class SpeakerKey(NamedTuple):
    """A speaker as compared across documents.

    Attributes:
        name: The folded name without titles and labels ("jane a doe"), or an
            organisation's folded name, or a description without its
            determiner ("agency director").
        person: Whether it names a person.
        surname: A person's surname; otherwise the name again. Speakers with
            different surnames are never one (the blocking key of matching).
        given: A person's given names and initials, in order.
        office: A person's role as the text ties it ("agency director"), or a
            definite description that may stand for an office holder.
    """

    name: str
    person: bool
    surname: str = ""
    given: tuple[str, ...] = ()
    office: str = ""


@lru_cache(maxsize=1)
def _words() -> tuple[SpeakerNameWords, frozenset[str], frozenset[str]]:
    """The name words, the single words of titles, and places (countries and demonyms)."""
    words = load_word_lists(SpeakerNameWords, "en") or SpeakerNameWords()
    lexicon = load_lexicon("en")
    skip = function_words()
    titles = {
        w for title in lexicon.titles for w in fold_words(title.text)
        if w not in skip and len(w) > 1
    }
    places = {w for name in lexicon.country_names for w in fold_words(name)} | {
        w for demonym in lexicon.demonym_to_country for w in fold_words(demonym)
    }
    return words, frozenset(titles), frozenset(places)


def _fold(name: str) -> list[str]:
    return fold_words(_APOSTROPHE_IN_WORD.sub("", name))


@lru_cache(maxsize=1 << 16)
def name_key(name: str, person: bool, role: str | None = None) -> SpeakerKey:
    """Fold a speaker name for comparison (cached: a corpus has few distinct names).

    Example:
        >>> name_key("Agency Director Jane Roe", True)  # doctest: +NORMALIZE_WHITESPACE
        SpeakerKey(name='jane roe', person=True, surname='roe', given=('jane',),
                   office='agency director')
        >>> name_key("the agency director", False).name
        'agency director'
    """
    lists, titles, places = _words()
    words = _fold(name)
    if not person:
        while len(words) > 1 and words[0] in lists.determiners:
            words = words[1:]
        folded = " ".join(words)
        definite = len(_fold(name)) > len(words)
        return SpeakerKey(folded, False, folded, (), folded if definite else "")
    while len(words) > 1 and words[-1] in lists.suffixes:
        words = words[:-1]
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w in titles), default=0)
    printed_role = words[:cut]
    words = words[cut:]
    while len(words) > 1 and (words[0] in lists.labels or words[0] in places):
        words = words[1:]
    office = " ".join(
        w for w in (_fold(role) if role else printed_role)
        if w not in lists.honorifics and w not in lists.labels
    )
    if not words:
        return SpeakerKey("", True, "", (), office)
    return SpeakerKey(" ".join(words), True, words[-1], tuple(words[:-1]), office)


def speaker_key(quote: Quote) -> SpeakerKey | None:
    """The compared speaker of a quote, or ``None`` when it does not identify anybody."""
    return key_of(quote.speaker)


def key_of(speaker: QuoteSpeaker | None) -> SpeakerKey | None:
    """The compared form of a speaker, or ``None`` for no speaker or an unknown one.

    What the attributing mention prints decides how much of the document's
    resolution counts across documents:

    * a pronoun resolved to a description ("she" to "a voter"), or to a person
      whose given name says the other gender ("she" to "John Doe"), identifies
      nobody: the resolution is a guess that the pronoun itself contradicts or
      cannot confirm;
    * a surname printed alone ("Doe said") keeps the surname and drops the given
      names the document chose for it: "Doe" may be any Doe of that article.

    Example:
        >>> from quoteattr.models import Span
        >>> def said(name, mention, kind="person"):
        ...     return QuoteSpeaker(name=name, kind=kind,
        ...                         mention=Span(text=mention, start=0, end=len(mention)))
        >>> key_of(said("Jane Doe", "Jane Doe")).given, key_of(said("Jane Doe", "Doe")).given
        (('jane',), ())
        >>> key_of(said("John Doe", "she")), key_of(said("a voter", "she", "anonymous"))
        (None, None)
    """
    if speaker is None or speaker.kind in WILDCARD_SPEAKER_KINDS:
        return None
    key = name_key(speaker.name, speaker.kind == "person", speaker.role)
    if not key.name:
        return None
    if speaker.mention is None:
        return key
    return _as_mentioned(key, speaker.mention.text, speaker.kind)


def printing_key(speaker: QuoteSpeaker | None, strong: bool) -> SpeakerKey | None:
    """The speaker a printing is compared by: :func:`key_of`, or nobody for a strong pronoun quote.

    A quote that the article gives to somebody only through a pronoun ("he
    said") is given to the person the pronoun was resolved to, often a person
    named nearby. When the quote is long enough for its words to identify it
    (``strong``: five words or more, see ``linking.STRONG_WORDS``), its words
    decide and it is compared as a quote without a known speaker: it joins a
    speaker's utterance on strong evidence and never links two speakers. A
    shorter quote keeps the resolved speaker: its few words need one.

    Example:
        >>> from quoteattr.models import Span
        >>> he = QuoteSpeaker(name="John Roe", kind="person",
        ...                   mention=Span(text="he", start=0, end=2))
        >>> printing_key(he, strong=True), printing_key(he, strong=False).name
        (None, 'john roe')
    """
    key = key_of(speaker)
    if key is None or not strong or speaker is None or speaker.mention is None:
        return key
    return None if _pronoun(speaker.mention.text) is not None else key


def _pronoun(mention: str) -> Pronoun | None:
    words = _fold(mention)
    return load_lexicon("en").pronoun_forms.get(words[0]) if len(words) == 1 else None


def _as_mentioned(key: SpeakerKey, mention: str, kind: str) -> SpeakerKey | None:
    if pronoun := _pronoun(mention):
        if kind in ("anonymous", "collective"):
            return None
        if key.person and key.given and pronoun.gender in ("masculine", "feminine"):
            gender = load_person_names("en").gender_of_given_name(key.given[0])
            if gender in ("masculine", "feminine") and gender != pronoun.gender:
                return None
        return key
    if key.person and key.given:
        printed = name_key(mention, True)
        if not printed.given and printed.surname == key.surname:
            return key._replace(given=())
    return key


def given_names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether the given names of one are found in order among the other's (initials match).

    Example:
        >>> given_names_compatible(("jane",), ("jane", "a")), given_names_compatible(("j",), ())
        (True, True)
        >>> given_names_compatible(("john",), ("jane",))
        False
        >>> given_names_compatible(("bill",), ("william", "j"))  # a short form
        True
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    at = 0
    for word in short:
        while at < len(long) and not _same_name(word, long[at]):
            at += 1
        if at == len(long):
            return False
        at += 1
    return True


def _same_name(a: str, b: str) -> bool:
    """One given name: equal, an initial of the other, or the same formal name ("bill")."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    formal = _words()[0].nicknames
    return formal.get(a, a) == formal.get(b, b)


def speakers_compatible(a: SpeakerKey | None, b: SpeakerKey | None) -> bool:
    """Tell whether two speakers can be one: unknown matches anyone; persons link by name.

    A definite description links to a person whose office it names.
    """
    if a is None or b is None or a == b:
        return True
    if a.person and b.person:
        return a.surname == b.surname and given_names_compatible(a.given, b.given)
    if a.person or b.person:
        person, other = (a, b) if a.person else (b, a)
        return bool(other.office) and _holds(person.office, other.office)
    return a.name == b.name


def _holds(office: str, description: str) -> bool:
    """Whether an office ("agency director") is what a description ("director") names."""
    return bool(office) and (office == description or office.endswith(" " + description))


class SpeakerForest:
    """Union-find over speaker units that refuses to join speakers who cannot be one.

    Persons in a cluster must be pairwise compatible; descriptions in it must
    be one description, and name the office of a person in it if there is one.
    """

    def __init__(self, speakers: list[SpeakerKey | None],
                 hints: list[SpeakerKey | None] | None = None) -> None:
        self.parent = list(range(len(speakers)))
        self.known: dict[int, frozenset[SpeakerKey]] = {
            i: frozenset((s,)) for i, s in enumerate(speakers) if s is not None
        }
        self.hinted: dict[int, frozenset[SpeakerKey]] = {
            i: frozenset((s,)) for i, s in enumerate(hints or ()) if s is not None
        }
        """Speakers that units are not compared by but were resolved to (from a pronoun)."""

    def find(self, unit: int) -> int:
        """The root of ``unit``'s cluster (paths are compressed on the way)."""
        parent = self.parent
        root = unit
        while parent[root] != root:
            root = parent[root]
        while parent[unit] != root:
            parent[unit], unit = root, parent[unit]
        return root

    def speakers(self, unit: int) -> frozenset[SpeakerKey]:
        """The speakers of ``unit``'s cluster."""
        return self.known.get(self.find(unit), frozenset())

    def hints(self, unit: int) -> frozenset[SpeakerKey]:
        """The speakers that pronouns of ``unit``'s cluster were resolved to."""
        return self.hinted.get(self.find(unit), frozenset())

    def can_join(self, a: int, b: int) -> bool:
        """Whether the clusters of ``a`` and ``b`` could be one utterance's speakers."""
        ra, rb = self.find(a), self.find(b)
        return ra == rb or joinable(self.known.get(ra, frozenset()),
                                    self.known.get(rb, frozenset()))

    def union(self, a: int, b: int) -> bool:
        """Join the clusters of ``a`` and ``b`` if all their speakers can be one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ka, kb = self.known.get(ra, frozenset()), self.known.get(rb, frozenset())
        if not joinable(ka, kb):
            return False
        if rb < ra:
            ra, rb, ka, kb = rb, ra, kb, ka
        self.parent[rb] = ra
        if kb:
            self.known[ra] = ka | kb
            del self.known[rb]
        if rb in self.hinted:
            self.hinted[ra] = self.hinted.get(ra, frozenset()) | self.hinted.pop(rb)
        return True


def joinable(a: frozenset[SpeakerKey], b: frozenset[SpeakerKey]) -> bool:
    """Whether two sets of speakers, each of one cluster, can be one speaker together."""
    if not a or not b:
        return True
    persons = [k for k in (*a, *b) if k.person]
    descriptions = {k for k in (*a, *b) if not k.person}
    if len(descriptions) > 1:
        return False
    if any(not speakers_compatible(x, y) for x in a for y in b if x.person and y.person):
        return False
    if descriptions and persons:
        (description,) = descriptions
        return any(_holds(p.office, description.office) for p in persons)
    return True


Level = Literal["utterance", "wording"]
"""``utterance``: one speaker, one occasion. ``wording``: the same words, whenever said."""

Bucket = tuple[str, str] | None
"""``("p", surname)``, ``("o", name)``, ``("w", "")`` at the wording level; ``None``: no speaker."""


def bucket_of(key: SpeakerKey | None) -> Bucket:
    """The blocking key of a speaker: printings of two buckets are never one utterance."""
    if key is None:
        return None
    return ("p", key.surname) if key.person else ("o", key.name)


def office_buckets(keys: Iterable[SpeakerKey | None]) -> dict[str, Bucket]:
    """Descriptions ("the agency director") that name the office of persons of exactly one surname.

    Example:
        >>> from quoteattr.matching.speaker_links import name_key
        >>> office_buckets([name_key("Jane Roe", True, "Agency Director"),
        ...                 name_key("the director", False)])
        {'director': ('p', 'roe')}
    """
    offices: dict[str, set[str]] = defaultdict(set)
    descriptions: set[str] = set()
    for key in keys:
        if key is None:
            continue
        if key.person and key.office:
            words = key.office.split()
            for i in range(len(words)):  # "agency director" is held as "director" too
                offices[" ".join(words[i:])].add(key.surname)
        elif not key.person and key.office:
            descriptions.add(key.office)
    return {d: ("p", next(iter(offices[d]))) for d in descriptions if len(offices.get(d, ())) == 1}


def unresolved_description(quote: Quote) -> bool:
    """A definite description of a person, group or body ("the senator", "the crowd").

    It refers back to somebody the text has named, whom attribution did not
    resolve: a quote without a known speaker, not another speaker. A body's
    description is a common noun ("the agency", "the crowd"); a capitalised
    head is a name ("the Pentagon").

    Example:
        >>> from quoteattr.models import QuoteSpeaker
        >>> def said(name, kind):
        ...     return Quote(text="x", start=0, end=1, open_mark='"', close_mark='"',
        ...                   speaker=QuoteSpeaker(name=name, kind=kind))
        >>> unresolved_description(said("the crowd", "organisation"))
        True
        >>> unresolved_description(said("the Pentagon", "organisation"))
        False
    """
    speaker = quote.speaker
    if speaker is None:
        return False
    if speaker.kind == "organisation":
        words = speaker.name.split()
        return len(words) > 1 and words[-1].islower()
    return speaker.kind in ("anonymous", "collective")


def node_buckets(keys: Iterable[SpeakerKey | None], level: Level = "utterance") -> set[Bucket]:
    """The buckets a text's printings may fall in, whatever the offices of the collection.

    A description that names an office may stand for a person: ``None`` (any).
    """
    if level == "wording":
        return {("w", "")}
    return {None if key is not None and not key.person and key.office else bucket_of(key)
            for key in keys}


def share_bucket(a: AbstractSet[Bucket], b: AbstractSet[Bucket]) -> bool:
    """Whether printings in buckets ``a`` and in buckets ``b`` may link (``None``: no speaker)."""
    return None in a or None in b or not a.isdisjoint(b)
