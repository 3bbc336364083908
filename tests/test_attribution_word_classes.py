"""The attribution rules read their word classes as plain attributes, copies of the data's."""

from __future__ import annotations

import typing

from quoteattr.attribution.words import (
    AttributionWords,
    GrammarSets,
    WordClasses,
    attribution_words,
)
from quoteattr.language.lexicon import GrammarWords, load_lexicon


def test_plain_word_classes_declare_every_attribution_and_grammar_list() -> None:
    """The plain copies (read without pydantic's hook) miss no word list of either model."""
    lexicon = load_lexicon()
    words = attribution_words(lexicon)  # a compiled build's class takes no undeclared attribute
    declared = typing.get_type_hints(WordClasses)  # the Python build's class would take one
    if declared:  # (a compiled class keeps no annotations to read)
        assert set(declared) == set(AttributionWords.model_fields) | {"grammar"}
        assert set(typing.get_type_hints(GrammarSets)) == set(GrammarWords.model_fields)
    assert "calling" in words.naming_verbs
    assert all(getattr(words.grammar, name) == getattr(lexicon.grammar, name)
               for name in GrammarWords.model_fields)


def test_word_classes_follow_the_lexicon_asked_for() -> None:
    """Each lexicon gets its own language's classes, the same object while it is asked again."""
    en, de = load_lexicon("en"), load_lexicon("de")
    first = attribution_words(en)
    assert attribution_words(en) is first
    german = attribution_words(de)
    assert german.grammar.adverbs == de.grammar.adverbs
    assert attribution_words(en).naming_verbs == first.naming_verbs
