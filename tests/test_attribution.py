"""Attribution: golden cases as data, plus behaviour the cases cannot express."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from golden import check_quotes_exactly, golden_cases
from quoteattr import Document, attribute, rule_names


def _find(doc: Document, quote: str) -> Any:
    for q in doc.quotes:
        if q.text == quote:
            return q
    found = [q.text for q in doc.quotes]
    raise AssertionError(f"quote {quote!r} not found; quotes are {found}")


@pytest.mark.parametrize("case", golden_cases("attribution"))
def test_golden_case(case: dict[str, Any]) -> None:
    doc = attribute(case["text"], language=case.get("language", "en"), **case.get("options", {}))
    check_quotes_exactly(case, doc)


def test_every_attribution_names_an_existing_rule_and_a_cue_inside_the_text() -> None:
    text = (Path(__file__).parents[1] / "examples" / "data").glob("*.txt")
    names = set(rule_names())
    for path in text:
        body = path.read_text("utf-8")
        for q in attribute(body).quotes:
            if q.speaker is None:
                continue
            assert q.rule in names
            assert 0 < q.confidence <= 1
            if q.cue is not None:
                assert body[q.cue.start : q.cue.end] == q.cue.text
            if q.speaker.mention is not None:
                m = q.speaker.mention
                assert body[m.start : m.end] == m.text


def test_mention_is_where_the_speaker_is_named_locally() -> None:
    text = 'Lavrov met Cavusoglu.\n\n"We heard nothing new," he said.'
    q = attribute(text).quotes[0]
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "he"
    assert q.speaker.name == "Lavrov"  # "he" is the subject of the last sentence


def test_role_is_kept_apart_from_the_name() -> None:
    text = 'Russian Foreign Minister Sergei Lavrov said: "We heard nothing new."'
    doc = attribute(text)
    speaker = doc.speakers[0]
    assert speaker.name == "Sergei Lavrov"
    assert speaker.role == "Russian Foreign Minister"
    assert speaker.kind == "person"


def test_words_in_quotation_marks_that_are_nobodys_speech_are_not_attributed() -> None:
    text = 'Putin accused Erdogan of trading oil with "Islamic State" militants in Syria.'
    doc = attribute(text)
    assert [q.text for q in doc.quotes] == []
    assert [t.text for t in doc.quoted_terms] == ["Islamic State"]


def test_doc_id_is_kept() -> None:
    assert attribute("No quotes here.", doc_id="a1").doc_id == "a1"


def test_text_without_quotes_gives_an_empty_result() -> None:
    doc = attribute("Nothing was said.")
    assert doc.quotes == () and doc.speakers == ()


@pytest.mark.parametrize("bad", [b"bytes", 42, None, ["a list"]])
def test_wrong_input_type_raises_type_error_saying_what_to_pass(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        attribute(bad)  # type: ignore[arg-type]


def test_bytes_error_says_decode_first() -> None:
    with pytest.raises(TypeError, match="decode"):
        attribute(b'"Hi," she said.')  # type: ignore[arg-type]


def test_result_is_frozen() -> None:
    doc = attribute('"Hi," she said.')
    with pytest.raises(ValueError):
        doc.quotes[0].text = "changed"  # type: ignore[misc]


def test_double_apostrophes_are_read_per_document_unless_forced() -> None:
    text = "''We will win,'' she said."
    assert attribute(text, double_apostrophes=False).quotes == ()
    for forced in (None, True):
        (q,) = attribute(text, double_apostrophes=forced).quotes
        assert (q.text, q.open_mark, q.close_mark, q.rule) == (
            "We will win,", "''", "''", "quote_comma_name_said"
        )


def test_double_apostrophes_need_an_opening_and_a_closing_pair() -> None:
    assert attribute("A blank field ('') and \"yes,\" she said.").quotes[0].text == "yes,"
    assert attribute("rock 'n' roll and '' alone").quotes == ()


@pytest.mark.parametrize("enabled", [True, False])
def test_attribute_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    import gc

    from quoteattr.attribution.context import Context, Decision
    from quoteattr.attribution.rules import Rule

    def broken(ctx: Context, qi: int) -> Decision | None:
        raise RuntimeError("a user rule that fails")

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        attribute('"We met," Lavrov said.')
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError):
            attribute('"We met," Lavrov said.', rules=[Rule("broken", "fails", broken)])
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_quotes_kind_is_decided_once_before_attribution() -> None:
    """Attribution never revises the kind ``find_quotes`` gave a quote."""
    import json

    from quoteattr import find_quotes

    root = Path(__file__).parent
    texts = [c["text"] for name in ("attribution", "quotes")
             for c in json.loads((root / "cases" / f"{name}.json").read_text("utf-8"))]
    articles = sorted((root.parent / "examples" / "data").glob("*.txt"))
    texts += [p.read_text("utf-8") for p in articles]
    assert len(texts) > 50
    for text in texts:
        found = {(q.start, q.end): q.kind for q in find_quotes(text)}
        for q in attribute(text).quotes:
            assert found[(q.start, q.end)] == q.kind, (text, q.text)
