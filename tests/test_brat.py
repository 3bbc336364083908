"""Brat standoff attribution annotations (PolNeAR's layout) as gold for evaluate (issue 16).

The fixtures under tests/fixtures/brat are invented articles with hand-written annotations.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from quoteattr.cli import main
from quoteattr.evaluation.brat import brat_document, parse_ann, quoted_segments, read_brat
from quoteattr.evaluation.gold import GoldError
from quoteattr.evaluation.quotes import load_gold

BRAT = Path(__file__).parent / "fixtures" / "brat"


def _quotes(doc_id: str, annotator: str | None = None) -> list[tuple[str, str | None, str, str]]:
    corpus = read_brat(BRAT, annotator=annotator)
    doc = next(d for d in corpus.documents if d.doc_id == doc_id)
    return [(doc.text[q.start:q.end], q.speaker, q.speaker_kind or "", q.type or "")
            for q in doc.quotes]


def test_quoted_segments_inside_attributed_content_are_the_gold_quotes() -> None:
    assert _quotes("invented_river-plan") == [
        ("pay for itself", "Mayor Jane Doe", "name", "partial"),
        ("We have waited long enough,", "Doe", "name", "direct"),
        ("The river is ours again.", "Doe", "name", "direct"),
        ("a formality.", "A council spokesman", "nominal", "partial"),
        ("vanity project", None, "none", "partial"),
        ("The money should go to schools. We said so in March.", "Tom Roe", "name", "direct"),
        ("We will keep saying it,", "Tom Roe", "name", "direct"),
    ]


def test_a_scare_quote_outside_every_content_is_not_a_gold_quote() -> None:
    assert "Blue Mile" not in [q[0] for q in _quotes("invented_river-plan")]


def test_the_speaker_span_is_the_annotated_source_mention() -> None:
    doc = read_brat(BRAT).documents[1]
    spans = {doc.text[s:e] for q in doc.quotes for s, e in q.speaker_spans}
    assert spans == {"Mayor Jane Doe", "Doe", "A council spokesman",
                     "Tom Roe, who leads the opposition"}


def test_double_apostrophe_quotes_of_archive_text_are_read() -> None:
    assert _quotes("invented_archive") == [("It is done,", "the minister", "nominal", "direct")]


def test_one_annotator_per_article_first_by_name_or_the_one_asked_for() -> None:
    corpus = read_brat(BRAT)
    assert [d.doc_id for d in corpus.documents] == ["invented_archive", "invented_river-plan"]
    assert any("cd34" in s for s in corpus.skipped)
    assert [q[0] for q in _quotes("invented_river-plan", annotator="cd34")] == ["pay for itself"]


def test_text_beside_the_annotation_is_found(tmp_path: Path) -> None:
    shutil.copy(BRAT / "text" / "invented_archive.txt", tmp_path / "story.txt")
    shutil.copy(BRAT / "attributions" / "invented_archive_ab12.ann", tmp_path / "story.ann")
    assert [d.doc_id for d in load_gold(tmp_path)] == ["story"]


def test_parse_ann_joins_discontinuous_content_and_skips_other_lines() -> None:
    ann = ("T1\tSource 0 3\tDoe\nT2\tContent 10 20;30 40\tx y\n#1\tAnnotatorNotes T1\tnote\n"
           "T3\tDiscuss 50 55\tabcde\nE1\tAttribution:T4 Source:T1 Content:T2\n"
           "T4\tAttribution 4 8\tsaid\n")
    (a,) = parse_ann(ann)
    assert a.source == ((0, 3),) and a.content == ((10, 20), (30, 40)) and a.cue == ()


@pytest.mark.parametrize("ann, message", [
    ("T1\tSource zero 3\tDoe\n", "a T line needs"),
    ("E1\tAttribution:T9 Source:T1\n", "names T1, which no T line defines"),
])
def test_a_broken_annotation_is_a_clear_error(ann: str, message: str) -> None:
    with pytest.raises(GoldError, match=message):
        parse_ann(ann, where="x.ann")


def test_offsets_outside_the_text_say_the_text_may_be_the_wrong_one() -> None:
    ann = "T1\tContent 0 500\tx\nT2\tAttribution 0 1\tx\nE1\tAttribution:T2 Content:T1\n"
    with pytest.raises(GoldError, match="right text file"):
        brat_document("d", "Short text.", ann)


def test_a_folder_without_annotations_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no brat annotation"):
        read_brat(tmp_path)


@pytest.mark.parametrize("text, expected", [
    ('He said "yes" and "no".', ["yes", "no"]),
    ("“A quote that runs on\n\n“and ends here.”", ["A quote that runs on", "and ends here."]),
    ("“Stop,“ she said.", ["Stop,"]),                       # a misprinted closing mark
    ("a ”fragment” here", ["fragment"]),                    # a misprinted opening mark
    ("Trump's plan and the '90s", []),                      # apostrophes, not quotes
    ("Headline: Plan 'dead on arrival'", ["dead on arrival"]),
    ("''I told him, 'Go.'''", ["I told him, 'Go.'"]),
])
def test_quoted_segments_follow_print_conventions(text: str, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in quoted_segments(text)] == expected


def test_evaluate_scores_a_brat_folder_with_one_command() -> None:
    out = io.StringIO()
    assert main(["evaluate", str(BRAT), "--json"], stdout=out) == 0
    scores = json.loads(out.getvalue())
    assert scores["gold"] == 8
    assert set(scores["by_speaker_kind"]) == {"name", "description", "none"}
    assert set(scores["by_type"]) == {"direct", "partial"}
    assert scores["span"]["recall"] > 0.5
