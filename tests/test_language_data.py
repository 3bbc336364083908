"""Language data is checked across files, not only for shape (issue 11)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from quoteattr import LexiconError, languages, load_lexicon
from quoteattr.language.claim_frames import load_claim_frames
from quoteattr.language.lexicon import CueVerb, inflect


def test_a_misspelt_form_of_a_regular_cue_verb_fails_to_load() -> None:
    with pytest.raises(LexiconError, match=r"'slam'.*slammed"):
        load_lexicon().extend(cue_verbs=[CueVerb(lemma="slam", forms=("slams", "slamed",
                                                                       "slaming"))])


def test_an_irregular_verb_lists_its_forms() -> None:
    with pytest.raises(LexiconError, match="irregular, so list its forms"):
        load_lexicon().extend(cue_verbs=[CueVerb(lemma="foretell", irregular=True)])
    lex = load_lexicon().extend(cue_verbs=[CueVerb(
        lemma="foretell", forms=("foretells", "foretold", "foretelling"), irregular=True)])
    assert lex.cue_lemma("foretold") == "foretell"


def test_english_cue_verbs_that_list_forms_are_irregular() -> None:
    for verb in load_lexicon("en").cue_verbs:
        if verb.forms:
            assert verb.irregular and verb.forms != inflect(verb.lemma), verb.lemma


@pytest.mark.parametrize(("lemma", "form"), [("agree", "agreeing"), ("slam", "slammed"),
                                            ("dub", "dubbed"), ("guarantee", "guaranteeing")])
def test_regular_inflection_reaches_every_form(lemma: str, form: str) -> None:
    assert load_lexicon().cue_lemma(form) == lemma


@pytest.mark.parametrize("language", languages())
def test_every_claim_frame_lemma_is_a_cue_verb(language: str) -> None:
    frames = load_claim_frames(language)
    if frames is None:
        pytest.skip(f"no claim frames for {language}")
    lemmas = {v.lemma for v in load_lexicon(language).cue_verbs}
    for frame, listed in frames.frames.items():
        for lemma in listed:
            # a phrasal frame ("call on") is its cue verb followed by a particle
            assert lemma in lemmas or lemma.split()[0] in lemmas, (frame, lemma)
    assert frames.listener_verbs <= lemmas


@pytest.mark.parametrize("language", languages())
def test_no_cue_verb_is_both_never_a_claim_and_a_claim_frame(language: str) -> None:
    frames = load_claim_frames(language)
    if frames is None:
        pytest.skip(f"no claim frames for {language}")
    never = set(frames.frames.get("never", ()))
    others = {lemma for frame, ls in frames.frames.items() if frame != "never" for lemma in ls}
    assert not never & others


@pytest.mark.parametrize("language", languages())
def test_every_language_loads_and_says_what_each_file_holds(language: str) -> None:
    assert load_lexicon(language).language == language
    folder = resources.files("quoteattr") / "data" / language
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text("utf-8"))
            assert data.get("description"), entry.name
            assert data.get("language", language) == language, entry.name


def test_subject_pronouns_are_pronouns_in_every_language() -> None:
    for language in languages():
        lex = load_lexicon(language)
        assert lex.grammar.subject_pronouns <= set(lex.pronoun_forms), language


def test_a_language_without_a_stage_file_has_no_word_lists_for_it() -> None:
    from quoteattr.language.wordlists import WordLists, Words, load_word_lists

    class Nowhere(WordLists):
        FILE = "no_such_file.json"
        words: Words

    assert load_word_lists(Nowhere, "en") is None


def test_a_word_list_outside_lists_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from quoteattr.language import wordlists
    from quoteattr.language.lexicon import LexiconError

    class Stray(wordlists.WordLists):
        FILE = "stray.json"
        words: wordlists.Words = frozenset()

    monkeypatch.setattr(wordlists, "_read", lambda language, file: {
        "description": "x", "language": "en", "lists": {}, "misplaced": {"words": ["a"]}})
    with pytest.raises(LexiconError, match="misplaced"):
        wordlists.load_word_lists(Stray, "en")
