"""The word lists that mention finding reads, gathered once per lexicon.

:class:`MentionWords` holds a lexicon's word classes as plain attributes (and
a few unions of them that the hot loops test at once), and caches what depends
on words alone: how a run of name words splits into title and name, and which
capitalised words need none of the checks a name's words may need.

Example:
    >>> from quoteattr.language.lexicon import load_lexicon
    >>> words = mention_words(load_lexicon())
    >>> words is mention_words(load_lexicon()), "he" in words.pronouns
    (True, True)
"""

from __future__ import annotations

from typing import Final

from quoteattr.language.cache import per_object
from quoteattr.language.lexicon import Lexicon
from quoteattr.language.names import load_person_names
from quoteattr.models import SpeakerKind
from quoteattr.text.names import NameReader
from quoteattr.text.noun_phrases import noun_phrases
from quoteattr.text.tokens import Token

__all__ = ["MentionWords", "Surnames", "mention_words"]

_MAX_WORDS: Final = 100_000  # cached plain words per lexicon; cleared when full


class MentionWords:
    """The word lists of one lexicon that mention finding reads, as plain attributes.

    Built once per lexicon; also caches how a run of name words splits into
    title and name (``parsed``, ``parsed_in_headlines``), and which capitalised words are plain.
    """

    __slots__ = (
        "aliases",
        "bodies",
        "connector_firsts",
        "connector_pairs",
        "connectors",
        "countries",
        "cue_forms",
        "definite_determiners",
        "demonyms",
        "description_stops",
        "determiners",
        "inner_links",
        "lex",
        "modifier_stop",
        "name_links",
        "name_stoppers",
        "not_names",
        "noun_markers",
        "noun_phrases",
        "nouns",
        "odd_words",
        "org_words",
        "parsed",
        "parsed_in_headlines",
        "parties",
        "partitive_links",
        "partitive_singulars",
        "person_roles",
        "plain_determiners",
        "plain_words",
        "post_links",
        "post_words",
        "pronouns",
        "reader",
        "role_facts",
        "role_prefixes",
        "role_reach",
        "roles",
        "span_links",
        "title_joiners",
        "title_stems",
        "titled_capitals",
        "titles",
        "triggers",
    )

    def __init__(self, lex: Lexicon) -> None:
        """Gather the word classes of ``lex``."""
        grammar = lex.grammar
        reader_words = load_person_names(lex.language)
        self.lex = lex
        self.roles = lex.role_forms
        self.role_facts: dict[str, tuple[str, str, str]] = {
            form: (role.singular, role.plural, role.kind) for form, role in self.roles.items()
        }
        """Per form of a role noun: its singular, plural and kind (no attribute look-ups)."""
        self.pronouns = grammar.subject_pronouns & set(lex.pronoun_forms)
        self.determiners = grammar.determiners
        self.triggers = self.pronouns | self.determiners | frozenset(self.roles)
        self.plain_determiners = self.determiners - self.pronouns - frozenset(self.roles)
        self.not_names = grammar.not_names
        self.noun_markers = grammar.noun_markers
        self.title_joiners = reader_words.title_joiners
        self.connectors = grammar.name_connectors
        # two-word particles ("von der"), listed with a space among the connectors
        self.connector_pairs = frozenset(
            (a, b) for a, _, b in (c.partition(" ") for c in self.connectors) if b
        )
        self.titles = lex.title_words
        # "Sen" for "Sen.": a word whose title form adds a period
        self.title_stems = frozenset(t[:-1] for t in self.titles if t.endswith("."))
        self.modifier_stop = grammar.modifier_stop
        self.cue_forms = lex.cue_forms
        self.role_prefixes = grammar.role_prefixes
        self.demonyms = lex.demonym_to_country
        self.aliases = lex.alias_table
        self.countries = lex.country_names
        self.bodies = lex.body_names
        self.org_words = lex.org_words
        self.nouns = noun_phrases(lex)
        self.reader = NameReader(lex, compound_heads=self.nouns.compound_heads)
        self.inner_links = grammar.name_inner_links
        self.name_links = self.connectors | self.inner_links
        """Words that may join two capitalised words of one name ("von", "of")."""
        self.name_stoppers = self.not_names - self.titles
        """Capitalised function words that are no title ("The", "But")."""
        self.connector_firsts = frozenset(a for a, _ in self.connector_pairs)
        self.span_links = self.title_joiners | self.name_links
        """Words after a run of capitalised words that may carry the run on."""
        # a description's role noun stands at most six tokens after its first word; a
        # role noun printed in capitals only (German nouns) may be missing from the
        # index of lower-case words, which is looked at one token further
        self.role_reach = 6 if all(r == r.lower() for r in self.roles) else 7
        self.parties = self.reader.words.parties
        self.person_roles = self.reader.person_roles
        self.noun_phrases = self.nouns.active
        """Whether the language marks common nouns (``noun_phrases.json``)."""
        self.description_stops = self.modifier_stop | frozenset(self.cue_forms) | self.determiners
        """Words that end a description's modifiers before its role noun, after no determiner."""
        """Words after a run of capitalised words that may carry the run on."""
        self.post_links = grammar.post_modifier_links
        self.post_words = grammar.post_modifier_words
        self.partitive_links = grammar.partitive_links
        self.partitive_singulars = grammar.partitive_singulars
        self.definite_determiners = grammar.definite_determiners
        # a capitalised role noun heads a description only where the language allows
        self.titled_capitals = lex.language == "en" or not self.nouns.active
        self.parsed: dict[
            tuple[str, ...], tuple[int, int, int, str | None, int, str, SpeakerKind, bool, bool]
        ] = {}
        """Per run of name words outside headlines: the split's role start, name start,
        name end, honorific and lead, then the mention kind, the speaker kind, whether
        possessive, and whether the name keeps its last period."""
        self.parsed_in_headlines: dict[
            tuple[str, ...], tuple[int, int, int, str | None, int, str, SpeakerKind, bool, bool]
        ] = {}
        """:attr:`parsed` for runs of name words in headline-cased lines."""
        self.plain_words: set[str] = set()
        """Capitalised words that :meth:`plain` found plain."""
        self.odd_words: set[str] = set()
        """Capitalised words that :meth:`plain` found not plain."""

    def plain(self, tok: Token) -> bool:
        """Whether a word is capitalised and needs none of the checks a name's words may need.

        It is no function word, cue or headline verb, has no apostrophe (a
        possessive, a contraction) and no participle ending, keeps no period
        (an initial, an abbreviated title, a suffix) and opens no party tag
        ("D-Ohio"). Learned once per
        word, as tests by a set look-up afterwards: ``word in plain_words``.
        """
        word, low = tok.text, tok.low
        reader = self.reader
        plain = word[:1].isupper() and tok.kind == "word" and not (
            word in self.name_stoppers
            or low in self.cue_forms
            or low in reader.cue_or_breaker
            or low.endswith("ed")  # a sentence's opening participle ("Reached by phone")
            or low.endswith("ing")
            or "'" in low
            or "\u2019" in low
            or len(word) == 1
            or word in self.title_stems
            or low in reader.suffixes
            or word[1:2] == "-"
        )
        if len(self.plain_words) + len(self.odd_words) >= _MAX_WORDS:
            self.plain_words.clear()
            self.odd_words.clear()
        (self.plain_words if plain else self.odd_words).add(word)
        return plain

    def near_roles(self, role_at: list[int], count: int) -> list[bool]:
        """Per token of ``count``: whether a description may start there, before a role noun.

        A role noun (at ``role_at``) stands on it or at most :attr:`role_reach` tokens after.

        Example:
            >>> from quoteattr.language.lexicon import load_lexicon
            >>> mention_words(load_lexicon()).near_roles([7], 9)
            [False, True, True, True, True, True, True, True, False]
        """
        near = [False] * count
        reach = self.role_reach
        for r in role_at:
            for k in range(r - reach if r > reach else 0, r + 1):
                near[k] = True
        return near

    def classify_name(self, name: str, words: list[str]) -> tuple[str, SpeakerKind]:
        """The mention kind and speaker kind of a name printed as ``name`` (its ``words``).

        Example:
            >>> from quoteattr.language.lexicon import load_lexicon
            >>> mention_words(load_lexicon()).classify_name("Jane Doe", ["Jane", "Doe"])
            ('name', 'person')
        """
        alias = self.aliases.get(name)
        if alias is not None:
            return "body", alias.kind
        if name in self.countries:
            return "country", "country"
        if name in self.bodies:
            return "body", "organisation"
        org_words = self.org_words
        for word in words:
            if word in org_words:
                return "body", "organisation"
        if name in self.demonyms:
            return "country", "country"
        if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
            return "body", "organisation"
        return "name", "person"

    def keeps_period(self, word: str) -> bool:
        """An initial or a suffix printed with its period ("J.", "Jr.")."""
        return (len(word) == 1 and word.isupper()) or word.lower() in self.reader.suffixes


class Surnames:
    """Lower-case last words of the names found so far ("will" after "George Will").

    The names are kept as found and read into the set only when a word that
    may be a surname asks (:meth:`words`), which is rare.

    Example:
        >>> known = Surnames()
        >>> known.names.append("George Will")
        >>> known.words()
        {'will'}
    """

    __slots__ = ("names", "read", "seen")

    def __init__(self) -> None:
        self.names: list[str] = []
        self.read = 0
        self.seen: set[str] = set()

    def words(self) -> set[str]:
        """The last words of the names found so far, in lower case."""
        names = self.names
        while self.read < len(names):
            self.seen.add(names[self.read].rpartition(" ")[2].lower())
            self.read += 1
        return self.seen


_BY_LEXICON = per_object(MentionWords)


def mention_words(lex: Lexicon) -> MentionWords:
    """The :class:`MentionWords` of ``lex``, built once."""
    return _BY_LEXICON(lex)

