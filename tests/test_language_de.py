"""A second language as data (#6): German golden cases, and English unchanged by loading it."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from golden import check_quotes_exactly, golden_cases
from quoteattr import attribute, find_quotes, load_gold, load_lexicon
from quoteattr.attribution.reported import ReportedSpeechWords
from quoteattr.attribution.rulesets import language_rules
from quoteattr.language.lexicon import CueVerb, languages
from quoteattr.language.wordlists import load_word_lists

ROOT = Path(__file__).parents[1]
DE_FILES = ["cue_verbs.json", "titles.json", "role_nouns.json", "pronouns.json",
            "countries.json", "organisations.json", "grammar_words.json", "rules.json",
            "reported_speech.json", "noun_phrases.json", "quote_words.json"]



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
    assert names[:6] == ["quoted_name_as_saying", "quote_as_clause_verb_last",
                         "quote_comma_name_said", "quote_comma_said_name", "quote_comma_so_name",
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


GERMAN_WORDS = ["Brandt", " sagte", " teilte", " mit", " er", " sie", " sei", " habe", " so",
                " zufolge", " laut", " der", " die", " Ministerin", " Regierung", " von der",
                " Leyen", " und", " schrieb", " Weiter", ":", ",", ".", "\n", " „", "“", " »",
                "«", " ‚", "‘", "'", '"']
german_like = st.lists(st.sampled_from(GERMAN_WORDS), max_size=80).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(german_like, st.text(max_size=200)))
def test_german_never_raises_and_offsets_slice_back(text: str) -> None:
    doc = attribute(text, language="de")
    names = set(language_rules("de").rule_names())
    for q in (*doc.quotes, *doc.quoted_terms, *doc.inner_quotes):
        assert text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert q.rule in names
            m = q.speaker.mention
            assert m is None or text[m.start : m.end] == m.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text


def test_a_separable_verb_is_a_cue_only_where_its_particle_closes_the_clause() -> None:
    said = attribute("„Es reicht“, teilte der Verband am Abend mit.", language="de")
    assert said.quotes[0].cue is not None and said.quotes[0].cue.text == "teilte"
    shared = attribute("„Es reicht“, teilte der Vater das Brot mit den Kindern.", language="de")
    assert shared.quotes[0].speaker is None


def test_a_separable_verb_needs_its_particle_and_split_forms_together() -> None:
    with pytest.raises(ValueError, match="both 'particle' and 'split_forms'"):
        CueVerb(lemma="mitteilen", forms=("mitgeteilt",), split_forms=("teilte",))


def test_the_subjunctive_quote_cues_are_subjunctive_words_of_reported_speech() -> None:
    words = load_word_lists(ReportedSpeechWords, "de")
    assert words is not None
    cues = load_lexicon("de").grammar.quote_cues
    verbs = {w for w in cues if w not in ("zitiert", "zitierte", "zitieren", "zufolge")}
    assert verbs and verbs <= words.subjunctive


def test_every_split_form_is_a_lower_case_word_and_no_plain_form_of_another_verb() -> None:
    lex = load_lexicon("de")
    for form, verbs in lex.split_cues.items():
        assert form == form.lower() and " " not in form
        # a split form that is also a plain form ("sagte") is a plain cue first
        assert all(v.particle for v in verbs)


def test_rules_of_word_order_and_mood_do_nothing_without_their_data() -> None:
    assert load_word_lists(ReportedSpeechWords, "en") is None
    rules = [r for r in language_rules("de").sieve if r.func.__module__.endswith(".reported")]
    assert len(rules) == 10
    text = 'Weiter schreibt er: "Wir kommen." Brandt: "Nein." The plan is "good", so Brandt.'
    assert all(q.speaker is None for q in attribute(text, rules=rules).quotes)


def test_a_capitalised_noun_after_an_article_is_no_name_but_a_body_is() -> None:
    from quoteattr.text.mentions import find_mentions
    from quoteattr.text.tokens import tokenize

    text = "Den Clip zeigte die ARD. Der frühere Nationalspieler und der Kreml schwiegen."
    found = [(m.text, m.kind) for m in
             find_mentions(text, tokenize(text, []), lexicon=load_lexicon("de"))]
    assert found == [("ARD", "body"), ("Der frühere Nationalspieler", "description"),
                     ("Kreml", "body")]


def test_no_german_cue_form_is_a_function_word() -> None:
    """A cue form split on its spaces by mistake ("zu", "wort") would make every quote speech."""
    lex = load_lexicon("de")
    g = lex.grammar
    # "zitiert" is listed as a preposition ("zitiert Brandt": Brandt is no subject)
    function_words = g.determiners | g.subordinators | (g.prepositions - g.quote_cues)
    one_word = {f for f in lex.cue_forms if " " not in f}
    assert not one_word & function_words
    assert not {f for f in lex.split_cues} & function_words
