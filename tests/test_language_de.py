"""A second language as data (#6): German golden cases, and English unchanged by loading it."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from golden import check_quotes_exactly, golden_cases
from quoteattr import attribute, find_quotes, load_gold, load_lexicon
from quoteattr.attribution.rulesets import language_rules
from quoteattr.language.lexicon import languages

ROOT = Path(__file__).parents[1]
DE_FILES = ["cue_verbs.json", "titles.json", "role_nouns.json", "pronouns.json",
            "countries.json", "organisations.json", "grammar_words.json", "rules.json"]



@pytest.mark.parametrize("case", golden_cases("attribution_de"))
def test_german_golden_case(case: dict[str, Any]) -> None:
    doc = attribute(case["text"], language="de", **case.get("options", {}))
    check_quotes_exactly(case, doc)


@pytest.mark.parametrize("name", DE_FILES)
def test_each_german_data_file_says_what_it_holds(name: str) -> None:
    path = resources.files("quoteattr").joinpath("data").joinpath("de").joinpath(name)
    data = json.loads(path.read_text("utf-8"))
    assert data["description"]
    assert data["language"] == "de"


def test_german_is_a_language_of_data_files() -> None:
    assert "de" in languages()
    lex = load_lexicon("de")
    assert lex.language == "de"
    assert lex.cue_lemma("sagte") == "sagen"
    assert lex.cue_lemma("said") is None
    assert "er" in lex.grammar.subject_pronouns
    assert set(lex.grammar.model_fields_set) == set(load_lexicon().grammar.model_fields_set)


def test_german_rules_are_the_python_rules_plus_patterns_from_data() -> None:
    names = language_rules("de").rule_names()
    assert names[:5] == ["quoted_name_as_saying", "quote_comma_name_said",
                         "quote_comma_said_name", "quote_comma_so_name",
                         "quote_comma_name_zufolge"]
    assert "reported_speech_then_quote" in names


def test_german_and_french_quote_marks_are_found() -> None:
    text = "„Ja, gern“, sagte er. »Nein, danke«, sagte sie. « Oui, merci », dit-il."
    assert [q.text for q in find_quotes(text)] == ["Ja, gern", "Nein, danke", "Oui, merci"]


def test_german_cue_words_tell_speech_from_a_term() -> None:
    """The quote finder takes the language's cues: „Nein“, sagte er is speech, not a term."""
    text = "„Nein“, sagte er."
    assert [q.kind for q in find_quotes(text)] == ["term"]  # English cues only
    q = attribute(text, language="de").quotes[0]
    assert (q.text, q.speaker is not None, q.rule) == ("Nein", True, "quote_comma_said_name")


def test_language_and_lexicon_must_agree() -> None:
    with pytest.raises(ValueError, match="different languages"):
        attribute("„Ja“, sagte er.", language="en", lexicon=load_lexicon("de"))


def _seed_results() -> list[list[tuple[int, int, str | None, str | None, float]]]:
    fixture = ROOT / "tests" / "fixtures" / "seeds_gold.json"
    gold = load_gold(fixture, texts=ROOT / "examples" / "data")
    return [
        [(q.start, q.end, q.speaker.name if q.speaker else None, q.rule, q.confidence)
         for q in attribute(g.text).quotes]
        for g in gold
    ]


def test_english_seed_results_are_identical_with_the_german_lexicon_loaded() -> None:
    """Issue 6 acceptance: loading German changes nothing for English text."""
    before = _seed_results()
    language_rules("de").sieve  # noqa: B018 - loads and compiles the German lexicon and rules
    attribute("„Wir haben nichts Neues gehört“, sagte Lawrow.", language="de")
    after = _seed_results()
    assert after == before
    assert sum(len(doc) for doc in after) > 20
