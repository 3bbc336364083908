"""Lexicons are data files, validated when loaded, extendable by users."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from quoteattr import CueVerb, LexiconError, load_lexicon
from quoteattr.language.lexicon import inflect

DATA_FILES = ["cue_verbs.json", "titles.json", "role_nouns.json", "pronouns.json",
              "countries.json", "organisations.json"]


@pytest.mark.parametrize("name", DATA_FILES)
def test_each_data_file_is_valid_json_with_a_description(name: str) -> None:
    text = (resources.files("quoteattr") / "data" / "en" / name).read_text("utf-8")
    data = json.loads(text)
    assert data["description"]
    assert data["language"] == "en"


def test_builtin_lexicon_loads_and_validates() -> None:
    lex = load_lexicon()
    assert len(lex.cue_verbs) > 150
    assert lex is load_lexicon()  # cached


@pytest.mark.parametrize(
    ("form", "lemma"),
    [("said", "say"), ("says", "say"), ("saying", "say"), ("told", "tell"), ("insisted", "insist"),
     ("warns", "warn"), ("claimed", "claim"), ("argued", "argue"), ("noted", "note"),
     ("explaining", "explain"), ("vowed", "vow"), ("elaborated", "elaborate"), ("added", "add"),
     ("quipped", "quip"), ("pointed out", "point out"), ("denied", "deny")],
)
def test_cue_verbs_are_known_in_every_inflection(form: str, lemma: str) -> None:
    assert load_lexicon().cue_lemma(form) == lemma


def test_every_cue_verb_has_a_stance() -> None:
    stances = {v.stance for v in load_lexicon().cue_verbs}
    assert {"asserts", "denies", "accuses", "promises"} <= stances
    assert load_lexicon().cue_forms["denied"].stance == "denies"


def test_regular_inflection_doubles_a_final_consonant_after_one_short_vowel() -> None:
    assert inflect("quip") == ("quips", "quipped", "quipping")
    assert inflect("post") == ("posts", "posted", "posting")
    assert inflect("reply") == ("replies", "replied", "replying")
    assert inflect("point out") == ("points out", "pointed out", "pointing out")


def test_extending_adds_a_cue_verb_without_changing_the_builtin_lexicon() -> None:
    lex = load_lexicon().extend(cue_verbs=[CueVerb(lemma="harrumph")])
    assert lex.cue_lemma("harrumphed") == "harrumph"
    assert load_lexicon().cue_lemma("harrumphed") is None


def test_invalid_extension_names_every_problem() -> None:
    with pytest.raises(LexiconError) as info:
        load_lexicon().extend(cue_verbs=[{"lemma": "Shout"}, {"lemma": "x", "stance": "maybe"}])
    message = str(info.value)
    assert "lower case" in message
    assert "stance" in message
    assert "2 problem" in message


def test_unknown_list_name_is_rejected_with_the_known_names() -> None:
    with pytest.raises(LexiconError, match="known"):
        load_lexicon().extend(verbs=[])
