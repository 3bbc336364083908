"""Speakers are made one within a document; pronouns and roles resolve."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from golden import check_quotes_exactly, golden_cases
from quoteattr import attribute

DATA = Path(__file__).parents[1] / "examples" / "data"


@pytest.mark.parametrize("case", golden_cases("speakers"))
def test_golden_case(case: dict[str, Any]) -> None:
    doc = attribute(case["text"], language=case.get("language", "en"), **case.get("options", {}))
    check_quotes_exactly(case, doc)


def test_all_forms_of_a_name_are_one_speaker_named_by_the_fullest_form() -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov arrived. Russia's Sergei Lavrov spoke.\n\n"
        '"We heard nothing new," Lavrov said.\n\n"We met," said Sergei Lavrov.'
    )
    doc = attribute(text)
    assert {q.speaker.name for q in doc.quotes if q.speaker} == {"Sergei Lavrov"}
    assert len(doc.speakers) == 1
    assert doc.speakers[0].role == "Russian Foreign Minister"
    assert "Lavrov" in doc.speakers[0].aliases


def test_he_added_in_the_dw_seed_is_cavusoglu_not_lavrov() -> None:
    text = (DATA / "000_89ed433b04be7d57.txt").read_text("utf-8")
    doc = attribute(text)
    q = next(q for q in doc.quotes if q.text.startswith("We expressed our sadness"))
    assert q.speaker is not None
    assert q.speaker.name == "Mevlut Cavusoglu"
    assert q.speaker.mention is not None and q.speaker.mention.text == "he"


def test_she_resolves_to_the_last_subject() -> None:
    text = 'Clinton spoke in Ohio on Monday.\n\n"We will win," she said.'
    q = attribute(text).quotes[0]
    assert q.speaker is not None and q.speaker.name == "Clinton"


def test_each_quote_speaker_id_points_into_document_speakers() -> None:
    text = (DATA / "001_669d1519e461281c.txt").read_text("utf-8")
    doc = attribute(text)
    for q in doc.quotes:
        if q.speaker is not None:
            assert q.speaker.id is not None
            assert doc.speakers[q.speaker.id].name == q.speaker.name
