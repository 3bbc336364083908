"""Quotes highlighted in their text, for notebooks (issue 5)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import quoteattr
from quoteattr.io.display import Highlighted, document_html, render_html, show

DATA = Path(__file__).parents[1] / "examples" / "data"


class _Checker(HTMLParser):
    """Collect text and check that every tag opened is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "br":
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(fragment: str) -> _Checker:
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    assert checker.stack == []
    return checker


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.stem)
def test_html_is_well_nested_and_keeps_every_character_of_the_text(path: Path) -> None:
    text = path.read_text("utf-8")
    doc = quoteattr.attribute(text, doc_id=path.stem)
    checker = _parse(render_html(text, doc, claims=True, labels=False))
    # the legend comes first; the text follows it unchanged
    assert "".join(checker.text).endswith(text)


def test_each_quote_has_a_tooltip_naming_speaker_rule_cue_and_confidence() -> None:
    text = 'Lavrov met Cavusoglu.\n\n"We heard nothing new," Lavrov said.'
    fragment = show(text).html
    assert re.search(
        r'title="Lavrov \(person\) · rule quote_comma_name_said · cue &#x27;said&#x27; · '
        r'confidence 0\.95 · direct quote"', fragment)


def test_speakers_get_distinct_colours_and_a_legend_entry() -> None:
    text = '"A," Lavrov said. "B," Cavusoglu said.'
    fragment = show(text).html
    assert "Lavrov" in fragment and "Cavusoglu" in fragment
    assert "#aec7e8" in fragment and "#ffbb78" in fragment
    assert "2 quotes, 2 speakers" in fragment


def test_markup_in_the_text_is_escaped() -> None:
    text = '"<script>alert(1)</script>," the <b>minister</b> said.'
    fragment = show(text).html
    assert "<script>" not in fragment and "<b>minister" not in fragment
    assert "&lt;script&gt;" in fragment


def test_a_document_from_another_text_is_refused() -> None:
    doc = quoteattr.attribute('"We met," Lavrov said.')
    with pytest.raises(ValueError, match="not made from this text"):
        show("Something else entirely, longer than before.", doc)


def test_showing_does_not_change_the_document_schema() -> None:
    doc = quoteattr.attribute('"We met," Lavrov said.')
    view = show('"We met," Lavrov said.', doc)
    assert isinstance(view, Highlighted) and view.doc is doc
    assert "text" not in quoteattr.Document.model_json_schema()["properties"]


def test_a_document_shows_as_a_table_of_quotes() -> None:
    doc = quoteattr.attribute('"We met," Lavrov said.', doc_id="dw")
    table = document_html(doc)
    _parse(table)
    assert "<td>quote_comma_name_said</td>" in table and "dw" in table


def test_save_writes_a_standalone_page(tmp_path: Path) -> None:
    page = tmp_path / "view.html"
    show('"We met," Lavrov said.').save(str(page))
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>")
