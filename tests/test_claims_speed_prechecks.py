"""The claim rules' cheap exits keep their answers: each case sits on one side of a pre-check.

The claims stage rules a cue out early where a dearer test would say no anyway
(a cue ending its sentence, a quote opening the sentence before a trailing
attribution, "as" in mid-clause, a colon far into its paragraph, words holding no
negation or hedge). These invented sentences show both sides of each exit.
"""

from __future__ import annotations

import typing

from quoteattr import find_claims
from quoteattr.claims.reading import WordSets
from quoteattr.language.claim_frames import ClaimWords, load_claim_words


def _found(text: str) -> list[tuple[str, str, str, str, str]]:
    return [(c.source.name, c.cue.text, c.text, c.kind, c.rule) for c in find_claims(text)]


def test_a_quote_opening_the_sentence_is_no_claim_of_its_trailing_attribution() -> None:
    assert _found('"We met," Lavrov said.') == []


def test_words_before_a_partial_quote_make_a_mixed_claim_of_the_trailing_attribution() -> None:
    assert _found('Prices rose "sharply" last year, the minister said.') == [
        ("the minister", "said", 'Prices rose "sharply" last year', "mixed",
         "clause_comma_name_said")
    ]


def test_a_participle_after_a_quote_still_reports_its_clause() -> None:
    assert _found('"We met," Lavrov said, adding that talks would resume next week.') == [
        ("Lavrov", "adding", "talks would resume next week", "indirect", "comma_saying_clause")
    ]


def test_a_cue_ending_its_sentence_reports_nothing() -> None:
    assert _found("The senator said.") == []


def test_a_colon_after_the_cue_opens_the_content() -> None:
    assert _found("Doe said: the plan is dead and buried now.") == [
        ("Doe", "said", "the plan is dead and buried now", "indirect", "name_said_colon_clause")
    ]


def test_as_opening_or_trailing_a_clause_attributes_it() -> None:
    assert _found("As the board said on Monday, costs rose sharply last year.") == [
        ("the board", "said", "costs rose sharply last year", "indirect", "as_name_said_clause")
    ]
    assert _found("Costs rose sharply last year, as the board said on Monday.") == [
        ("the board", "said", "Costs rose sharply last year", "indirect", "clause_as_name_said")
    ]


def test_as_inside_a_clause_is_no_attribution() -> None:
    assert _found("Critics of the plan such as Doe said the plan was dead.") == [
        ("Doe", "said", "the plan was dead", "indirect", "name_said_clause")
    ]


def test_a_speaker_label_opens_its_paragraph() -> None:
    assert _found("Jane Doe: We will win this fight in the end.") == [
        ("Jane Doe", ":", "We will win this fight in the end", "indirect", "name_colon_clause")
    ]
    text = (
        "It was a long day in the city and many people were tired of the rain. "
        "Jane Doe: We will win."
    )
    assert _found(text) == []


def test_negations_and_hedges_between_source_and_cue_are_noted() -> None:
    negated = find_claims("Doe did not say the plan was dead.")
    assert [(c.negated, c.hedge) for c in negated] == [(True, None)]
    hedged = find_claims("Doe reportedly said the plan was dead.")
    assert [(c.negated, c.hedge) for c in hedged] == [(False, "reportedly")]
    plain = find_claims("Doe said the plan was dead.")
    assert [(c.negated, c.hedge) for c in plain] == [(False, None)]
    assert find_claims("Doe declined to say whether the plan was dead.") == []


def test_plain_claim_word_sets_declare_every_claim_word_list() -> None:
    """The rules' plain copy of the claim words (read without pydantic's hook) misses no list."""
    words = load_claim_words("en")
    assert words is not None
    copied = WordSets(words)  # a compiled build's class takes no undeclared attribute
    declared = typing.get_type_hints(WordSets)  # the Python build's class would take one
    if declared:  # (a compiled class keeps no annotations to read)
        assert set(declared) == set(ClaimWords.model_fields)
    assert all(getattr(copied, name) == getattr(words, name) for name in ClaimWords.model_fields)
