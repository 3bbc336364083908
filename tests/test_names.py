"""Speaker names are names (issue 12, family 6): title, role, party, place and honorific apart.

Every text here is invented; each case pins one way news prints words around a
name. ``name_problems`` is the same check that ``scripts/name_cleanliness.py``
runs over a CSV of results.
"""

from __future__ import annotations

import pytest

from quoteattr import attribute
from quoteattr.attribution.speakers import SpeakerIndex
from quoteattr.evaluation.names import name_problems
from quoteattr.language.lexicon import load_lexicon
from quoteattr.language.names import load_person_names
from quoteattr.options import resolve_options
from quoteattr.pipeline import prepare
from quoteattr.text.names import NameReader

QUOTE = '"We will not back down on the budget,"'

# (text, speaker name, speaker role)
CLEAN_NAMES = [
    (f"{QUOTE} Ohio Sen. Jane Doe said.", "Jane Doe", "Ohio Sen."),
    (f"{QUOTE} District Judge John Roe said.", "John Roe", "District Judge"),
    (f"{QUOTE} union spokesman John Roe said.", "John Roe", "union spokesman"),
    (f"{QUOTE} Republican Jane Doe said.", "Jane Doe", "Republican"),
    (f"{QUOTE} Mr Roe said.", "Roe", None),
    (f"{QUOTE} Ms. Doe said.", "Doe", None),
    (f"{QUOTE} said Sen. Jane Doe.", "Jane Doe", "Sen."),
    (f"{QUOTE} John Q. Public said.", "John Q. Public", None),
    (f"{QUOTE} Martin Roe Jr. said.", "Martin Roe Jr.", None),
    (f"{QUOTE} Jane Doe of Maryland said.", "Jane Doe", None),
    (f"{QUOTE} Texas-based strategist Matt Roe said.", "Matt Roe", "Texas-based strategist"),
    (f"{QUOTE} New York Gov. John Roe said.", "John Roe", "New York Gov."),
    (f"{QUOTE} Atlantic City Mayor John Roe said.", "John Roe", "Atlantic City Mayor"),
    (f"{QUOTE} Jane Doe told Reuters.", "Jane Doe", None),
    (f"{QUOTE} said Bill de Roe, the mayor.", "Bill de Roe", None),
    (f"{QUOTE} Acme Corp chief executive Jo Park said.", "Jo Park", "Acme Corp chief executive"),
    (f"{QUOTE} said City Hall press secretary Jo Park.", "Jo Park", "City Hall press secretary"),
    (f"{QUOTE} Doe campaign spokesman Tom Hale said.", "Tom Hale", "Doe campaign spokesman"),
]


@pytest.mark.parametrize(("text", "name", "role"), CLEAN_NAMES, ids=[c[1] + "|" + str(c[2])
                                                                      for c in CLEAN_NAMES])
def test_the_speaker_is_the_name_with_title_and_role_apart(
    text: str, name: str, role: str | None
) -> None:
    (q,) = attribute(text).quotes
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role) == (name, role)
    assert name_problems(q.speaker.name) == []


def test_a_headline_verb_ends_the_name() -> None:
    text = f"Doe Slams Roe Over Taxes\n\n{QUOTE} Doe said."
    doc = attribute(text)
    names = {m.name for m in prepare(text, resolve_options()).context.mentions}
    assert "Doe" in names and "Roe" in names and "Doe Slams Roe" not in names
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Doe"]


@pytest.mark.parametrize("verb", ["Sent", "Hammers", "Impedes", "Bans"])
def test_a_headline_verb_outside_the_cue_verbs_ends_the_name(verb: str) -> None:
    text = f"Jane Roe {verb} Tom Hale A Warning About Taxes\n\n{QUOTE} Roe said."
    names = {m.name for m in prepare(text, resolve_options()).context.mentions}
    assert {"Jane Roe", "Tom Hale"} <= names
    assert all(verb not in name for name in names)


def test_a_name_before_a_role_noun_is_no_speaker() -> None:
    text = (
        "Doe met Roe. Presumptive GOP nominee Jane Doe\u2019s first post was a flop."
        ' She called it "a test."'
    )
    (q,) = attribute(text).quotes
    assert q.speaker is not None and q.speaker.name != "Presumptive GOP"


@pytest.mark.parametrize(("printed", "name"), [("Jane Doe", "Jane Doe"), ("Ms. Doe", "Doe")])
def test_a_sentence_opening_word_is_no_part_of_the_name(printed: str, name: str) -> None:
    (q,) = attribute(f'Celebrating {printed}, the crowd sang. "We won," she said.').quotes
    assert q.speaker is not None and q.speaker.name == name
    text = 'Celebrating Doe, the crowd sang. "We won," Doe said.'
    names = {m.name for m in prepare(text, resolve_options()).context.mentions}
    assert "Doe" in names and "Celebrating Doe" not in names


def test_a_title_alone_names_nobody() -> None:
    text = f"{QUOTE} said former Ohio Gov. and party chairman John Roe."
    assert all(q.speaker is None or q.speaker.name != "Gov" for q in attribute(text).quotes)


def test_two_people_who_share_a_surname_stay_two_speakers() -> None:
    doc = attribute('"We met," Alice Smith said. "We did not," Robert Smith said.')
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Alice Smith", "Robert Smith"]
    assert len(doc.speakers) == 2


def test_the_surname_alone_is_the_person_of_that_surname_mentioned_last() -> None:
    text = (
        'Alice Smith met Robert Smith. "We talked," Robert Smith said.\n\n'
        '"We did," Smith added. Later Alice Smith spoke. "Nothing was agreed," Smith said.'
    )
    names = [q.speaker.name for q in attribute(text).quotes if q.speaker]
    assert names == ["Robert Smith", "Robert Smith", "Alice Smith"]


def test_an_honorific_picks_the_person_of_its_gender() -> None:
    text = (
        'Hillary Roe and Bill Roe arrived. "We will win," Mrs. Roe said. '
        '"She will," Mr. Roe said.'
    )
    names = [q.speaker.name for q in attribute(text).quotes if q.speaker]
    assert names == ["Hillary Roe", "Bill Roe"]


def test_middle_initials_and_a_fuller_form_are_one_person() -> None:
    text = 'Donald J. Roe spoke first. "We will build," Donald Roe said. "Soon," Roe added.'
    doc = attribute(text)
    assert {q.speaker.name for q in doc.quotes if q.speaker} == {"Donald J. Roe"}
    assert len(doc.speakers) == 1


def test_a_later_part_of_a_double_surname_is_the_same_person() -> None:
    text = '"We will act," Debbie Wasserman Roe said. "Now," Wasserman Roe added.'
    doc = attribute(text)
    assert {q.speaker.name for q in doc.quotes if q.speaker} == {"Debbie Wasserman Roe"}


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ('Sen. Jane Doe spoke. "We will act," the senator said.', "the senator"),
        ('Jane Doe, the Ohio Democrat, spoke. "We will act," the Ohio Democrat added.',
         "the Ohio Democrat"),
        ('Gov. John Roe met Sen. Jane Doe. "We will act," the governor said.', "the governor"),
        ('Republican presidential candidate Jane Doe spoke. "We will win," the candidate said.',
         "the candidate"),
    ],
)
def test_a_description_resolves_to_the_person_introduced_that_way(
    text: str, description: str
) -> None:
    (q,) = attribute(text).quotes
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == description
    assert q.speaker.name in ("Jane Doe", "John Roe")
    assert q.speaker.name == ("John Roe" if "governor" in text.split('"')[-1] else "Jane Doe")


def test_a_description_does_not_take_a_person_of_another_state() -> None:
    text = 'Jane Doe, the Ohio Democrat, spoke. "We will act," the Texas Democrat said.'
    (q,) = attribute(text).quotes
    assert q.speaker is not None and q.speaker.name == "the Texas Democrat"


def test_name_problems_finds_each_kind_of_stray_word() -> None:
    assert name_problems("Ohio Sen Jane Doe") == ["title", "place"]
    assert name_problems("Republican Jane Doe") == ["role", "party"]
    assert name_problems("Mr Roe") == ["honorific"]
    assert name_problems("Doe Slams Roe") == ["headline verb"]
    assert {"role", "lower-case word"} <= set(name_problems("union spokesman John Roe"))
    assert name_problems("Jane Doe of Maryland") == ["lower-case word"]
    assert name_problems("Presumptive GOP") == ["party"]
    assert name_problems("Acme Bank CEO") == ["role"]
    assert name_problems("Celebrating Jane Doe") == ["participle"]
    assert name_problems("Jane Roe Sent Tom Hale") == ["headline verb"]
    assert name_problems("Dean Hale") == name_problems("Georgia Roe") == []
    assert name_problems("Dean Roe") == [] and name_problems("Georgia Roe") == []


def test_the_name_reader_splits_role_name_and_affiliation() -> None:
    reader = NameReader(load_lexicon())
    words = ("AFL-CIO", "President", "Jane", "Doe", "of", "Ohio")
    split = reader.split(words)
    assert words[split.role_start : split.name_start] == ("AFL-CIO", "President")
    assert words[split.name_start : split.name_end] == ("Jane", "Doe")
    assert reader.split(("Federation", "of", "Teachers")).whole


def test_surname_comparisons_stay_bounded_per_mention() -> None:
    """Issue 15: many ``X Smith said`` speakers cost work linear in their number."""
    given = sorted(load_person_names().given)

    def comparisons(count: int) -> int:
        text = "".join(f'"We met," {given[k].capitalize()} Smith said. ' for k in range(count))
        index = SpeakerIndex(prepare(text, resolve_options()).context)
        assert len({e.name for e in index.entities}) >= 0.95 * count
        return index.comparisons

    small, large = comparisons(200), comparisons(1600)
    assert large <= 8 * small * 1.1
    assert large <= 1600 * 10
