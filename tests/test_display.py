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


def _styles(fragment: str) -> list[dict[str, str]]:
    styles = []
    for style in re.findall(r'style="([^"]*)"', fragment):
        pairs = (part.split(":", 1) for part in style.split(";") if ":" in part)
        styles.append({k.strip(): v.strip() for k, v in pairs})
    return styles


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt"))[:2], ids=lambda p: p.stem)
def test_every_tinted_element_sets_a_text_colour_that_reads_on_it(path: Path) -> None:
    """Light and dark notebook themes: text on a tint never inherits the theme's colour."""
    from quoteattr.io.display import cluster_html, contrast

    text = path.read_text("utf-8")
    fragments = [show(text, claims=True).html, document_html(quoteattr.attribute(text))]
    docs = [quoteattr.attribute(p.read_text("utf-8"), doc_id=p.stem) for p in DATA.glob("*.txt")]
    fragments += [cluster_html(c) for c in quoteattr.match_quotes(docs, min_members=2)]
    tinted = [s for f in fragments for s in _styles(f) if "background" in s]
    assert len(tinted) > 10
    for style in tinted:
        assert style.get("color", "inherit") != "inherit", style
        assert contrast(style["color"], style["background"]) >= 4.5, style


def test_a_speaker_has_one_colour_in_every_view_and_in_the_chart() -> None:
    from quoteattr.io.display import speaker_colours

    a = quoteattr.attribute('"A," Roe said. "B," Sergei Lavrov said. "C," Lavrov added.')
    b = quoteattr.attribute('"D," Lavrov said. "E," Jane Doe said.')
    colours = speaker_colours([a, b])
    assert colours["Lavrov"] == colours["Sergei Lavrov"] == "#1f77b4"  # the most quoted first
    assert len({colours["Roe"], colours["Jane Doe"], colours["Lavrov"]}) == 3
    texts = ['"A," Roe said. "B," Sergei Lavrov said. "C," Lavrov added.',
             '"D," Lavrov said. "E," Jane Doe said.']
    lavrov = colours["Lavrov"]
    for text, doc in zip(texts, (a, b), strict=True):
        fragment = show(text, doc, colours=colours).html
        legend = re.search(r'border-bottom:2px solid (#[0-9a-f]{6});[^"]*">(Sergei )?Lavrov',
                           fragment)
        assert legend is not None and legend.group(1) == lavrov


def test_speakers_of_one_document_get_distinct_colours() -> None:
    from quoteattr.io.display import speaker_colours

    doc = quoteattr.attribute(" ".join(f'"Q{i}," Speaker{chr(65 + i)} said.' for i in range(9)))
    assert len(set(speaker_colours(doc).values())) == len(doc.speakers) == 9


def test_diffs_of_punctuation_or_case_only_are_not_marked() -> None:
    from quoteattr.io.display import diff_html

    assert diff_html("we heard [-nothing new,-]{+Nothing new.+} today") == \
        "we heard Nothing new. today"
    assert "<del" in diff_html("we heard [-nothing-]{+little+} new")
    assert diff_html("end[-.-]") == "end"
