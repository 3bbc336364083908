"""Common nouns told from names, in a language that capitalises its nouns (German).

German prints every noun with a capital, so a capitalised word is weak
evidence of a name. :class:`NounPhrases` reads the language's
``noun_phrases.json`` (:class:`NounPhraseWords`) and answers the questions the
mention finder (:mod:`quoteattr.text.mentions`) asks of a capitalised word: is
it a common noun after an article (``den Clip``), a common noun by its ending
(``Fernsehgeschichte``), the head of a description (``der frühere
Nationalspieler``), and may a particle join it into a name (``Ursula von der
Leyen``, but not ``Aus Sicht von Brandt``). A language without the file gets an
inactive :class:`NounPhrases`: every answer is the plain model's.

Example:
    >>> from quoteattr.language.lexicon import load_lexicon
    >>> from quoteattr.text.tokens import tokenize
    >>> nouns = NounPhrases(load_lexicon("de"))
    >>> tokens = tokenize("Den Clip sah der frühere Nationalspieler.", [])
    >>> nouns.determiner_before(tokens, 1), nouns.determiner_before(tokens, 5)
    (0, 3)
    >>> nouns.compound_head("Nationalspieler"), nouns.common_noun("Fernsehgeschichte")
    ('spieler', True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from quoteattr.language.cache import per_object
from quoteattr.language.lexicon import Lexicon, RoleNoun
from quoteattr.language.wordlists import WordLists, Words, load_word_lists, word_file
from quoteattr.text.tokens import Token

__all__ = ["NounPhraseWords", "NounPhrases", "noun_phrases"]

_NOUN_MIN_LETTERS: Final = 8  # a noun ending tells a noun only in a long word ("Hartung" is a name)
_MAX_HEAD: Final = 16  # the longest compound head looked for
_GENITIVE_WORDS: Final = 5  # words of a genitive kept in a description


@word_file("noun_phrases.json")
class NounPhraseWords(WordLists):
    """How a language marks its common nouns, to tell them from names (``noun_phrases.json``).

    Attributes:
        common_noun_determiners: A single capitalised word right after one is a
            common noun ("den Clip"), unless known as a body, country,
            organisation word or acronym.
        compound_heads: Role nouns that end compounds ("Konzernchef"): a word
            ending in one is a title before a name and heads a description.
        genitive_articles: Articles that open a genitive after a role noun, kept
            in the description ("ein Sprecher des Auswärtigen Amts").
        adjective_endings: Endings of the inflected adjectives that may stand
            between a determiner and its noun ("der frühere Nationalspieler").
        noun_endings: Endings of common nouns ("-ung", "-heit", "-schaft"): a
            single capitalised word of eight letters or more ending in one, or
            the ending itself ("Anfrage"), is no name ("Fernsehgeschichte" is
            none, "Hartung" stays a name).
    """

    common_noun_determiners: Words
    compound_heads: Words
    genitive_articles: Words
    adjective_endings: Words
    noun_endings: Words = frozenset()


class NounPhrases:
    """The noun-phrase words of one lexicon, with the look-ups of the mention finder.

    Attributes:
        active: True when the language has ``noun_phrases.json``.
        determiners: Common-noun determiners (empty when inactive).
        compound_heads: Role nouns that end compounds.
    """

    def __init__(self, lex: Lexicon) -> None:
        """Read the language's ``noun_phrases.json`` and the lexicon's lists it needs."""
        words = load_word_lists(NounPhraseWords, lex.language)
        self.lexicon = lex
        self.active = words is not None
        self.determiners: frozenset[str] = words.common_noun_determiners if words else frozenset()
        self.compound_heads: frozenset[str] = words.compound_heads if words else frozenset()
        self.genitives: frozenset[str] = words.genitive_articles if words else frozenset()
        self.adjective_endings = tuple(sorted(words.adjective_endings)) if words else ()
        self.noun_endings = tuple(sorted(words.noun_endings)) if words else ()
        grammar = lex.grammar
        self.prepositions = grammar.prepositions
        self.modifier_stop = grammar.modifier_stop
        self.not_names = grammar.not_names
        self.titles = lex.title_words
        self.roles = lex.role_forms
        self.known = frozenset(lex.body_names) | lex.country_names | lex.org_words | frozenset(
            lex.alias_table
        )

    def known_name_word(self, word: str) -> bool:
        """A body, country, organisation word, alias or acronym: a name even after an article."""
        return word in self.known or (len(word) > 1 and word.isupper())

    def determiner_before(self, tokens: Sequence[Token], i: int) -> int:
        """The common-noun determiner before word ``i``, over up to three adjectives, or -1.

        "den Clip", "der frühere Nationalspieler", "zur Bundestagswahl"; the
        words between are inflected adjectives (``adjective_endings``).
        """
        if not self.determiners:
            return -1
        for k in range(i - 1, max(i - 5, -1), -1):
            tok = tokens[k]
            if tok.kind != "word":
                return -1
            if tok.low in self.determiners:
                return k
            if not tok.text.islower() or tok.low in self.modifier_stop:
                return -1
            if not tok.low.endswith(self.adjective_endings):
                return -1  # "dem laut Hörmann": only inflected adjectives stand between
        return -1

    def common_noun(self, word: str) -> bool:
        """A word with a noun ending: eight letters or more, or the listed word itself."""
        if not self.noun_endings:
            return False
        low = word.lower()
        if not low.endswith(self.noun_endings) or self.known_name_word(word) or word in self.roles:
            return False
        return len(low) >= _NOUN_MIN_LETTERS or low in self.noun_endings

    def compound_head(self, word: str) -> str | None:
        """The role noun that ends a compound ("chef" of "Konzernchef", "Konzern-Chef")."""
        heads = self.compound_heads
        if not heads:
            return None
        low = word.lower()
        for size in range(3, min(len(low), _MAX_HEAD) + 1):
            if low[-size:] in heads:
                return low[-size:]
        return None

    def role_phrase(
        self, tokens: Sequence[Token], head: int
    ) -> tuple[int, RoleNoun | None] | None:
        """The end of a description headed by role noun ``head``, with its role entry.

        None when the noun is no role noun (nor a compound of one); a genitive
        after it is kept ("ein Sprecher des Auswärtigen Amts").
        """
        noun = tokens[head].text
        role = self.roles.get(noun) or self.roles.get(noun.rpartition("-")[2])  # Fan-Kommentare
        if role is None and self.compound_head(noun) is None:
            return None
        end = head + 1
        if end < len(tokens) and tokens[end].low in self.genitives:
            k = end + 1  # adjectives, then capitalised words
            while k < len(tokens) and k - end < _GENITIVE_WORDS and tokens[k].kind == "word":
                word = tokens[k].text
                if word[0].isupper():
                    k += 1
                    more = k < len(tokens) and tokens[k].kind == "word"
                    if not (more and tokens[k].text[0].isupper()):
                        end = k
                        break
                elif word.islower() and word.endswith(self.adjective_endings):
                    k += 1
                else:
                    break
        return end, role

    def particle_after_given_name(self, tokens: Sequence[Token], i: int, j: int) -> bool:
        """Tell whether the words from ``i`` to a particle at ``j`` are a title or one given name.

        A capitalised word after a preposition or article is a noun: "Aus Sicht
        von Brandt", "zu Plänen von Brandt" are no names, "Richard von
        Weizsäcker" is. Always True when inactive.
        """
        if not self.active:
            return True
        words = [k for k in range(i, j) if tokens[k].kind == "word"
                 and tokens[k].text not in self.titles and tokens[k].text not in self.not_names]
        if len(words) > 1 or any(not tokens[k].text[0].isupper() for k in words):
            return False
        if words and words[0] > 0:
            before = tokens[words[0] - 1]
            if before.low in self.determiners or before.low in self.prepositions:
                return False
        return True

    def joins_particle_name(self, tokens: Sequence[Token], i: int, j: int) -> bool:
        """Tell whether a two-word particle at ``j`` ("von der") continues the name from ``i``.

        Only after a title or a single given name ("Ursula von der Leyen"), and
        only before one capitalised word that is no body, country or
        organisation word: "Olaf Scholz von der SPD" and "Anna Berg von der
        Universität" stay apart.
        """
        n = len(tokens)
        if j + 3 < n and tokens[j + 3].kind == "word" and tokens[j + 3].text[0].isupper():
            return False
        after = tokens[j + 2]
        word = after.text
        if after.kind != "word" or not word[0].isupper() or word in self.not_names:
            return False
        if word in self.known:
            return False
        words = [k for k in range(i, j) if tokens[k].kind == "word"
                 and tokens[k].text not in self.titles]
        if len(words) > 1 or any(not tokens[k].text[0].isupper() for k in words):
            return False
        return self.particle_after_given_name(tokens, i, j)


_BY_LEXICON = per_object(NounPhrases)


def noun_phrases(lex: Lexicon) -> NounPhrases:
    """The :class:`NounPhrases` of a lexicon, built once per lexicon.

    Example:
        >>> from quoteattr.language.lexicon import load_lexicon
        >>> noun_phrases(load_lexicon()).active, noun_phrases(load_lexicon("de")).active
        (False, True)
    """
    return _BY_LEXICON(lex)
