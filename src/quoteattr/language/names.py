"""What a person's name looks like: given names, particles, honorifics, party and place words.

The speaker model reads these word classes to tell the name in ``Ohio Sen.
Jane Doe`` from the title and place printed before it, ``Mr Roe`` from ``Mrs
Roe``, and ``Doe Slams Roe`` (a headline) from a three-word name. They live in
two data files per language: ``given_names.json`` (a large list with its
source and licence) and ``name_words.json``. A language without them gets
empty lists: names are then read from capitalisation and titles alone.

Example:
    >>> words = load_person_names("en")
    >>> words.gender_of_given_name("alice"), words.gender_of_honorific("mrs.")
    ('feminine', 'feminine')
    >>> "van" in words.particles, words.title_roles["sen."]
    (True, 'senator')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import Field

from quoteattr.language.wordlists import WordLists, Words, load_word_lists, word_file

__all__ = ["Gender", "GivenNames", "NameWordLists", "PersonNames", "load_person_names"]

Gender = Literal["masculine", "feminine", "either"]


@word_file("given_names.json")
class GivenNames(WordLists):
    """Given names by the gender they usually carry (``given_names.json``)."""

    feminine: Words
    masculine: Words
    either: Words


@word_file("name_words.json")
class NameWordLists(WordLists):
    """The words printed in and around names (``name_words.json``)."""

    particles: Words
    honorifics_masculine: Words
    honorifics_feminine: Words
    honorifics_neutral: Words
    suffixes: Words
    parties: Words
    places: Words
    place_heads: Words
    modifier_endings: Words
    headline_verbs: Words
    non_name_endings: Words = frozenset()
    function_word_names: Words = frozenset()
    title_roles: dict[str, str]
    place_abbreviations: dict[str, str] = Field(default_factory=dict)
    party_letters: dict[str, str] = Field(default_factory=dict)
    party_names: dict[str, str] = Field(default_factory=dict)
    role_kinds: dict[str, Words] = Field(default_factory=dict)
    title_joiners: Words = frozenset()
    role_postmodifiers: Words = frozenset()
    body_name_joiners: Words = frozenset()
    non_person_heads: Words = frozenset()


@dataclass(frozen=True)
class PersonNames:
    """Every word class of names in one language, as plain sets (empty where it has none).

    Attributes:
        given: Given names, any gender.
        gender: Each given name's usual gender.
        particles: Lower-case surname particles (``de``, ``van``).
        honorifics: ``mr``, ``mrs.``, ``ms`` ... each with the gender it tells.
        suffixes: ``jr.``, ``iii``: they close a name and are not its surname.
        parties: Party words written before a name (``republican``).
        places: Places written before a name or title (``ohio``, ``new york``).
        place_heads: Last words of place names (``city``, ``county``).
        modifier_endings: ``based`` in ``Texas-based``: such a word is no name.
        headline_verbs: Verbs of headlines that end a name (``beats``).
        non_name_endings: Endings of common nouns and participles (``-ment``,
            ``-ing``) that open sentences: no evidence of a surname alone.
        title_roles: The role noun a title stands for (``sen.`` -> ``senator``).
        function_word_names: Names that are also capitalised function words
            (``will``, ``may``, ``rather``): names inside a run of name words,
            and at a sentence's start before a speech verb.
        place_abbreviations: The place a state abbreviation stands for in a
            party tag (``fla.`` -> ``florida``).
        party_letters: The party a tag's letter stands for (``d`` -> ``democrat``).
        party_names: The member noun a party's adjective or nickname stands for
            (``democratic`` -> ``democrat``, ``gop`` -> ``republican``).
        general_roles: For a role noun, the general nouns a description may use
            for its holder (``senator`` -> ``lawmaker``, ``politician``).
        title_joiners: Words that join two titles before one name (``Gov. and
            Chairman Tom Hale``).
        role_postmodifiers: Words that open what follows a description's role
            noun (``of`` in ``the head of the party``).
        body_name_joiners: Lower-case words inside a body's name (``of`` in
            ``The Bank of Ohio Group``).
        non_person_heads: Last words of names of events, venues, laws and
            places that never name a person (``arena``, ``convention``, ``act``).
    """

    given: frozenset[str]
    gender: dict[str, Gender]
    particles: frozenset[str]
    honorifics: dict[str, Gender]
    suffixes: frozenset[str]
    parties: frozenset[str]
    places: frozenset[str]
    place_heads: frozenset[str]
    modifier_endings: frozenset[str]
    headline_verbs: frozenset[str]
    title_roles: dict[str, str]
    non_name_endings: tuple[str, ...] = ()
    function_word_names: frozenset[str] = frozenset()
    place_abbreviations: dict[str, str] = field(default_factory=dict)
    party_letters: dict[str, str] = field(default_factory=dict)
    party_names: dict[str, str] = field(default_factory=dict)
    general_roles: dict[str, frozenset[str]] = field(default_factory=dict)
    title_joiners: frozenset[str] = frozenset()
    role_postmodifiers: frozenset[str] = frozenset()
    body_name_joiners: frozenset[str] = frozenset()
    non_person_heads: frozenset[str] = frozenset()

    def gender_of_given_name(self, word: str) -> Gender | None:
        """The usual gender of a lower-case given name; ``None`` for a word that is none."""
        return self.gender.get(word)

    def gender_of_honorific(self, word: str) -> Gender | None:
        """The gender a lower-case honorific tells; ``None`` for a word that is none."""
        return self.honorifics.get(word)


@lru_cache(maxsize=8)
def load_person_names(language: str = "en") -> PersonNames:
    """Load the name word classes of ``language``; empty classes where it has no file.

    Raises:
        LexiconError: when a data file is invalid, naming the file and each problem.
    """
    given = load_word_lists(GivenNames, language)
    lists = load_word_lists(NameWordLists, language)
    gender: dict[str, Gender] = {}
    if given is not None:
        gender.update(dict.fromkeys(given.either, "either"))
        gender.update(dict.fromkeys(given.masculine, "masculine"))
        gender.update(dict.fromkeys(given.feminine, "feminine"))
    empty: frozenset[str] = frozenset()
    if lists is None:
        return PersonNames(frozenset(gender), gender, empty, {}, empty, empty, empty, empty,
                         empty, empty, {})
    honorifics: dict[str, Gender] = dict.fromkeys(lists.honorifics_neutral, "either")
    honorifics.update(dict.fromkeys(lists.honorifics_masculine, "masculine"))
    honorifics.update(dict.fromkeys(lists.honorifics_feminine, "feminine"))
    return PersonNames(
        given=frozenset(gender),
        gender=gender,
        particles=lists.particles,
        honorifics=honorifics,
        suffixes=lists.suffixes,
        parties=lists.parties,
        places=lists.places,
        place_heads=lists.place_heads,
        modifier_endings=lists.modifier_endings,
        headline_verbs=lists.headline_verbs,
        title_roles=dict(lists.title_roles),
        non_name_endings=tuple(sorted(lists.non_name_endings)),
        function_word_names=lists.function_word_names,
        place_abbreviations=dict(lists.place_abbreviations),
        party_letters=dict(lists.party_letters),
        party_names=dict(lists.party_names),
        general_roles=_general_roles(lists.role_kinds),
        title_joiners=lists.title_joiners,
        role_postmodifiers=lists.role_postmodifiers,
        body_name_joiners=lists.body_name_joiners,
        non_person_heads=lists.non_person_heads,
    )


def _general_roles(kinds: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Invert ``role_kinds``: for each specific role noun, the general nouns it falls under."""
    found: dict[str, set[str]] = {}
    for general, specific in kinds.items():
        for noun in specific:
            found.setdefault(noun, set()).add(general)
    return {noun: frozenset(generals) for noun, generals in found.items()}
