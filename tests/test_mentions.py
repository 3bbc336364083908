"""Mentions: who is named where."""

from __future__ import annotations

from quoteattr.text.mentions import Mention, find_mentions
from quoteattr.text.tokens import tokenize


def _mentions(text: str) -> list[Mention]:
    return find_mentions(text, tokenize(text, []))


def test_title_is_kept_apart_from_the_name() -> None:
    (m,) = _mentions("Russian Foreign Minister Sergei Lavrov arrived.")
    assert (m.name, m.role) == ("Sergei Lavrov", "Russian Foreign Minister")
    assert m.speaker_kind == "person"


def test_abbreviated_title_keeps_its_period() -> None:
    (m,) = _mentions("Sen. Chris Murphy spoke.")
    assert (m.name, m.role) == ("Chris Murphy", "Sen.")


def test_possessive_is_marked_and_stops_the_name() -> None:
    ms = _mentions("The meeting between Russia's Sergei Lavrov and others.")
    assert [(m.text, m.possessive) for m in ms] == [("Russia's", True), ("Sergei Lavrov", False)]


def test_anonymous_and_collective_sources_are_descriptions() -> None:
    kinds = {m.text: m.speaker_kind for m in _mentions("A Turkish official met officials.")}
    assert kinds == {"A Turkish official": "anonymous", "officials": "collective"}


def test_country_and_body_are_recognised() -> None:
    kinds = {m.text: m.speaker_kind for m in _mentions("Turkey and the White House agree.")}
    assert kinds["Turkey"] == "country"
    assert kinds["White House"] == "organisation"


def test_sentence_opening_words_are_not_names() -> None:
    assert [m.text for m in _mentions("But Lavrov said so.")] == ["Lavrov"]


def test_mention_offsets_slice_back() -> None:
    text = "Tab\there: Mevlüt Çavuşoğlu\u00a0said,\r\nand he left."
    for m in _mentions(text):
        assert text[m.start : m.end] == m.text
