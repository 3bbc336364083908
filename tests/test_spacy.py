"""quoteattr as a spaCy pipeline component on a blank pipeline, and displaCy (issue 16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("spacy", reason='spaCy is optional: pip install "quoteattr[spacy]"')

import spacy
from spacy.language import Language

import quoteattr
from quoteattr.io.spacy_pipe import QuoteAttr, to_displacy

DATA = Path(__file__).parents[1] / "examples" / "data"
TEXT = ('"We heard nothing new," Lavrov said. The minister added that Turkey had '
        'acted "irresponsibly". Turkey says the jet violated its airspace. '
        'Nobody claimed the "quiet zone".')


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("quoteattr")
    return pipeline


def test_quote_spans_carry_speaker_cue_rule_and_the_quote_itself(
    nlp: Language,
) -> None:
    doc = nlp(TEXT)
    expected = quoteattr.attribute(TEXT)
    spans = doc.spans["quotes"]
    assert [s._.quoteattr for s in spans] == list(expected.quotes)
    first = spans[0]
    assert first.label_ == "QUOTE" and first.text == "We heard nothing new,"
    assert first._.speaker == "Lavrov" and first._.speaker_mention.text == "Lavrov"
    assert first._.cue.text == "said" and first._.rule == "quote_comma_name_said"
    assert first._.confidence == expected.quotes[0].confidence
    assert doc._.quoteattr == expected


def test_claim_spans_carry_their_source(nlp: Language) -> None:
    doc = nlp(TEXT)
    claims = doc.spans["claims"]
    assert claims and all(s.label_ == "CLAIM" for s in claims)
    turkey = next(s for s in claims if s._.speaker == "Turkey")
    assert turkey.text == "the jet violated its airspace" and turkey._.cue.text == "says"


def test_spans_cover_every_character_of_each_quote_on_real_articles(
    nlp: Language,
) -> None:
    for path in sorted(DATA.glob("*.txt")):
        text = path.read_text("utf-8")
        doc = nlp(text)
        for span in doc.spans["quotes"]:
            quote = span._.quoteattr
            assert span.start_char <= quote.start and quote.end <= span.end_char
            assert text[quote.start:quote.end] == quote.text


def test_a_text_without_quotes_gives_empty_span_groups(nlp: Language) -> None:
    doc = nlp("Rain is expected on Monday.")
    assert list(doc.spans["quotes"]) == [] and list(doc.spans["claims"]) == []


def test_config_chooses_the_language_and_turns_claims_off() -> None:
    german = spacy.blank("de")
    component = german.add_pipe("quoteattr", config={"claims": False})
    assert isinstance(component, QuoteAttr) and component.language == "de"
    doc = german("„Wir haben nichts Neues gehört“, sagte Lawrow.")
    assert [s._.speaker for s in doc.spans["quotes"]] == ["Lawrow"]
    assert list(doc.spans["claims"]) == []


def test_to_displacy_gives_the_manual_span_format(nlp: Language) -> None:
    from spacy import displacy

    data = to_displacy(nlp(TEXT), claims=True)
    assert data["text"] == TEXT and data["tokens"][0] == '"'
    labels = {s["label"] for s in data["spans"]}
    assert {"Lavrov", "speaker", "cue", "claim: Turkey"} <= labels
    assert all(0 <= s["start_token"] < s["end_token"] <= len(data["tokens"])
               for s in data["spans"])
    html = displacy.render(data, style="span", manual=True)
    assert "Lavrov" in html


def test_to_displacy_refuses_a_doc_the_component_never_saw() -> None:
    with pytest.raises(ValueError, match="add_pipe"):
        to_displacy(spacy.blank("en")("No quotes here."))


def test_spacy_finds_the_component_by_its_entry_point_without_an_import() -> None:
    code = ("import spacy, sys; nlp = spacy.blank('en'); nlp.add_pipe('quoteattr'); "
            "doc = nlp('\"We met,\" Lavrov said.'); print(doc.spans['quotes'][0]._.speaker); "
            "print('quoteattr.io.spacy_pipe' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["Lavrov", "True"]


def test_importing_quoteattr_does_not_import_spacy() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "import sys, quoteattr; quoteattr.attribute('\"Hi,\" Ann said.');"
         " print('spacy' in sys.modules)"],
        capture_output=True, text=True, check=False)
    assert proc.stdout.strip() == "False", proc.stderr
