"""The words the attribution rules know beyond cue verbs, as data.

:class:`AttributionWords` declares the word classes the clause, layout and
source rules read; the words live in ``quoteattr/data/<language>/attribution_words.json``.
A language without that file gets empty classes (:func:`attribution_words`), so
the rules that need them simply do not fire there.

Example:
    >>> from quoteattr.language.lexicon import load_lexicon
    >>> words = attribution_words(load_lexicon())
    >>> "statement" in words.document_nouns, "calling" in words.naming_verbs
    (True, True)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Final

from quoteattr.language.lexicon import GrammarWords, Lexicon
from quoteattr.language.wordlists import WordLists, Words, load_word_lists, word_file

__all__ = [
    "AttributionWords",
    "GrammarSets",
    "WordClasses",
    "attribution_words",
    "ends_with",
    "first_after",
    "first_from",
    "is_participle",
    "is_passive",
    "word_tuple",
]


@word_file("attribution_words.json")
class AttributionWords(WordLists):
    """Word classes of the attribution rules (``attribution_words.json`` documents each)."""

    participle_endings: Words = frozenset()
    naming_verbs: Words = frozenset()
    naming_links: Words = frozenset()
    speech_nouns: Words = frozenset()
    document_nouns: Words = frozenset()
    issuing_verbs: Words = frozenset()
    document_links: Words = frozenset()
    listener_objects: Words = frozenset()
    relative_pronouns: Words = frozenset()
    clause_joiners: Words = frozenset()
    label_openers: Words = frozenset()
    passive_auxiliaries: Words = frozenset()
    speech_noun_links: Words = frozenset()
    possessive_pronouns: Words = frozenset()
    as_clause_openers: Words = frozenset()
    aspect_verbs: Words = frozenset()
    document_sources: Words = frozenset()
    adverb_endings: Words = frozenset()
    coordinators: Words = frozenset()
    infinitive_markers: Words = frozenset()
    infinitive_cues: Words = frozenset()
    listener_nouns: Words = frozenset()
    quoted_as_forms: Words = frozenset()
    np_joiners: Words = frozenset()
    articles: Words = frozenset()
    plural_endings: Words = frozenset()
    negation_endings: Words = frozenset()
    quoting_verbs: Words = frozenset()
    complement_links: Words = frozenset()
    complement_fillers: Words = frozenset()
    cue_particles: Words = frozenset()
    past_endings: Words = frozenset()
    subject_contractions: Words = frozenset()
    demonstratives: Words = frozenset()
    tense_auxiliaries: Words = frozenset()
    past_participle_endings: Words = frozenset()
    absolute_openers: Words = frozenset()
    person_relatives: Words = frozenset()
    impersonal_pronouns: Words = frozenset()
    as_clause_objects: Words = frozenset()
    quoted_as_links: Words = frozenset()
    kind_nouns: Words = frozenset()
    agent_links: Words = frozenset()


class GrammarSets:
    """The grammar words of a lexicon, as plain attributes of the same names.

    The rules read these word classes for every token they look at; a field of
    the validated :class:`~quoteattr.language.lexicon.GrammarWords` is read
    through pydantic's attribute hook each time, one of this class directly (a
    slot of the compiled build).
    """

    not_names: frozenset[str]
    name_connectors: frozenset[str]
    determiners: frozenset[str]
    subject_pronouns: frozenset[str]
    modifier_stop: frozenset[str]
    role_prefixes: frozenset[str]
    adverbs: frozenset[str]
    noun_markers: frozenset[str]
    np_stop: frozenset[str]
    np_determiners: frozenset[str]
    prepositions: frozenset[str]
    introducers: frozenset[str]
    subordinators: frozenset[str]
    clause_words: frozenset[str]
    trailers: frozenset[str]
    according_to: frozenset[str]
    non_subject_after: frozenset[str]
    subject_adverbs: frozenset[str]
    definite_determiners: frozenset[str]
    unresolved_pronouns: frozenset[str]
    quote_cues: frozenset[str]
    post_modifier_links: frozenset[str]
    post_modifier_words: frozenset[str]
    non_subject_followers: frozenset[str]
    name_inner_links: frozenset[str]
    partitive_links: frozenset[str]
    partitive_singulars: frozenset[str]
    group_words: frozenset[str]

    def __init__(self, grammar: GrammarWords) -> None:
        """Copy every field of ``grammar`` (a new field of GrammarWords must be declared above)."""
        for name in type(grammar).model_fields:
            setattr(self, name, getattr(grammar, name))


class WordClasses:
    """The attribution word classes of a language, as plain attributes, and its grammar words.

    Every field of :class:`AttributionWords` under the same name, and the
    lexicon's grammar words as :attr:`grammar`: read directly, where a field of
    a validated model costs pydantic's attribute hook each time.
    """

    participle_endings: frozenset[str]
    naming_verbs: frozenset[str]
    naming_links: frozenset[str]
    speech_nouns: frozenset[str]
    document_nouns: frozenset[str]
    issuing_verbs: frozenset[str]
    document_links: frozenset[str]
    listener_objects: frozenset[str]
    relative_pronouns: frozenset[str]
    clause_joiners: frozenset[str]
    label_openers: frozenset[str]
    passive_auxiliaries: frozenset[str]
    speech_noun_links: frozenset[str]
    possessive_pronouns: frozenset[str]
    as_clause_openers: frozenset[str]
    aspect_verbs: frozenset[str]
    document_sources: frozenset[str]
    adverb_endings: frozenset[str]
    coordinators: frozenset[str]
    infinitive_markers: frozenset[str]
    infinitive_cues: frozenset[str]
    listener_nouns: frozenset[str]
    quoted_as_forms: frozenset[str]
    np_joiners: frozenset[str]
    articles: frozenset[str]
    plural_endings: frozenset[str]
    negation_endings: frozenset[str]
    quoting_verbs: frozenset[str]
    complement_links: frozenset[str]
    complement_fillers: frozenset[str]
    cue_particles: frozenset[str]
    past_endings: frozenset[str]
    subject_contractions: frozenset[str]
    demonstratives: frozenset[str]
    tense_auxiliaries: frozenset[str]
    past_participle_endings: frozenset[str]
    absolute_openers: frozenset[str]
    person_relatives: frozenset[str]
    impersonal_pronouns: frozenset[str]
    as_clause_objects: frozenset[str]
    quoted_as_links: frozenset[str]
    kind_nouns: frozenset[str]
    agent_links: frozenset[str]
    grammar: GrammarSets
    """The lexicon's grammar words (``lexicon.grammar``), as plain attributes."""

    def __init__(self, words: AttributionWords, grammar: GrammarSets) -> None:
        """Copy every field of ``words`` (a new field of AttributionWords is declared above)."""
        for name in type(words).model_fields:
            setattr(self, name, getattr(words, name))
        self.grammar = grammar


_EMPTY = AttributionWords()


@lru_cache(maxsize=16)
def _for_language(language: str) -> AttributionWords:
    return load_word_lists(AttributionWords, language) or _EMPTY


_LOADED: Final[dict[str, AttributionWords]] = {}
"""The word classes per language, once loaded (rules ask for them on every quote)."""

_LAST: Final[list[tuple[Lexicon, WordClasses]]] = []
"""The lexicon asked for last and its word classes (rules ask many times per document)."""


def attribution_words(lexicon: Lexicon) -> WordClasses:
    """Return the attribution word classes of ``lexicon``'s language (empty when it has none).

    As plain attributes (:class:`WordClasses`), with the lexicon's grammar words.
    """
    last = _LAST
    if last and last[0][0] is lexicon:  # a frozen lexicon: its language cannot change
        return last[0][1]
    language = lexicon.language
    found = _LOADED.get(language)
    if found is None:
        found = _LOADED[language] = _for_language(language)
    classes = WordClasses(found, GrammarSets(lexicon.grammar))
    last[:] = [(lexicon, classes)]
    return classes


def is_participle(words: WordClasses, low: str) -> bool:
    """Tell whether the lower-case word ``low`` has a present-participle ending of the language.

    Example:
        >>> from quoteattr.language.lexicon import load_lexicon
        >>> w = attribution_words(load_lexicon())
        >>> is_participle(w, "saying"), is_participle(w, "said")
        (True, False)
    """
    endings = words.participle_endings
    # most words end with none of them: one C-level test rejects them
    if not low.endswith(word_tuple(endings)):
        return False
    return any(len(low) > len(e) + 1 and low.endswith(e) for e in endings)


def is_passive(words: WordClasses, before: str, verb: str) -> bool:
    """Tell whether ``verb`` after the word ``before`` is passive ("was called", "being dubbed").

    A form of "be" or "get" before a past form makes it passive; before a
    present participle ("is calling") it is progressive.

    Example:
        >>> from quoteattr.language.lexicon import load_lexicon
        >>> w = attribution_words(load_lexicon())
        >>> is_passive(w, "was", "called"), is_passive(w, "is", "calling")
        (True, False)
    """
    return before in words.passive_auxiliaries and not is_participle(words, verb)


def ends_with(endings: Words, low: str, *, longer_than: int = 1) -> bool:
    """Tell whether ``low`` is longer than ``longer_than`` and ends with one of ``endings``.

    Example:
        >>> ly = frozenset({"ly"})
        >>> ends_with(ly, "quietly", longer_than=4), ends_with(ly, "fly", longer_than=4)
        (True, False)
    """
    return len(low) > longer_than and low.endswith(word_tuple(endings))


_TUPLES: Final[dict[Words, tuple[str, ...]]] = {}
"""Each word list as a tuple (the lists are few, so the table stays small)."""


def word_tuple(words: Words) -> tuple[str, ...]:
    """``words`` as a tuple, built once per word list.

    For ``str.endswith`` on a list of endings, and for walking a word class
    without a set iterator in compiled code.

    Example:
        >>> word_tuple(frozenset({"said"}))
        ('said',)
    """
    found = _TUPLES.get(words)
    if found is None:
        if len(_TUPLES) >= 256:
            _TUPLES.clear()
        found = _TUPLES[words] = tuple(words)
    return found


def first_from(positions: list[int], value: int, lo: int = 0, hi: int = -1) -> int:
    """The index of the first of the sorted ``positions`` (from ``lo`` up to ``hi``) >= ``value``.

    ``bisect.bisect_left``, written as a loop over a ``list[int]``: the compiled
    build runs it as C, several times cheaper than a call of the standard
    library's function; the Python build uses that function itself (below).
    ``hi`` -1 is the length of ``positions``.

    Example:
        >>> first_from([2, 5, 5, 9], 5), first_from([2, 5, 5, 9], 10), first_from([2, 5], 5, 0, 1)
        (1, 4, 1)
    """
    if hi < 0:
        hi = len(positions)
    while lo < hi:
        mid = (lo + hi) // 2
        if positions[mid] < value:
            lo = mid + 1
        else:
            hi = mid
    return lo


def first_after(positions: list[int], value: int, lo: int = 0, hi: int = -1) -> int:
    """The index of the first of the sorted ``positions`` (from ``lo`` up to ``hi``) > ``value``.

    ``bisect.bisect_right`` as :func:`first_from` is ``bisect.bisect_left``.

    Example:
        >>> first_after([2, 5, 5, 9], 5), first_after([2, 5, 5, 9], 1)
        (3, 0)
    """
    if hi < 0:
        hi = len(positions)
    while lo < hi:
        mid = (lo + hi) // 2
        if value < positions[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


if __file__.endswith(".py"):  # the Python build: there the standard library's C search is faster
    globals().update(first_from=bisect_left, first_after=bisect_right)
