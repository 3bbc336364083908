"""Reported claims (issue #4): golden cases as data, invariants, accuracy floor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from golden import check_claims_exactly, golden_cases
from quoteattr import Claim, attribute, find_claims
from quoteattr.claims.rules import CLAIM_RULE_NAMES
from quoteattr.evaluation.claims import (
    content_overlap,
    content_overlaps,
    evaluate_claims,
    load_claim_gold,
)
from quoteattr.language.claim_frames import load_claim_frames

ROOT = Path(__file__).parents[1]
FLOOR = json.loads((ROOT / "tests" / "fixtures" / "claims_floor.json").read_text("utf-8"))
SEEDS = ROOT / "tests" / "fixtures" / "seeds_gold.json"



def _matches(claim: Claim, want: dict[str, Any]) -> bool:
    fields = {
        "source": claim.source.name,
        "source_kind": claim.source.kind,
        "cue": claim.cue.text,
        "content": claim.text,
        "stance": claim.stance,
        "kind": claim.kind,
        "rule": claim.rule,
        "negated": claim.negated,
        "hedge": claim.hedge,
    }
    return all(fields[key] == value for key, value in want.items())


@pytest.mark.parametrize("case", golden_cases("claims"))
def test_golden_case(case: dict[str, Any]) -> None:
    claims = find_claims(case["text"], language=case.get("language", "en"))
    check_claims_exactly(case, claims, _matches)


def test_mixed_claim_links_to_its_quote() -> None:
    text = 'Lavrov said he had heard "nothing new" from his Turkish counterpart.'
    doc = attribute(text)
    (claim,) = doc.claims
    assert claim.kind == "mixed"
    assert [doc.quotes[i].text for i in claim.quotes] == ["nothing new"]


def test_claim_and_quote_sources_share_one_speaker_id() -> None:
    text = (
        'Russian Foreign Minister Sergei Lavrov said Russia would respond. '
        '"We heard nothing new," Lavrov said.'
    )
    doc = attribute(text)
    (claim,) = doc.claims
    quote = doc.quotes[0]
    assert quote.speaker is not None and claim.source.id == quote.speaker.id
    assert claim.source.id is not None
    assert doc.speakers[claim.source.id].name == "Sergei Lavrov"


def test_speakers_are_the_same_with_claims_on_or_off() -> None:
    # issue 11: Document.speakers lists who is quoted; a source only of claims is not listed
    text = (
        'Turkey says the Russian jet violated its airspace. "We heard nothing new," Lavrov said. '
        "Lavrov said Russia would respond."
    )
    on, off = attribute(text), attribute(text, claims=False)
    assert on.speakers == off.speakers
    assert [s.name for s in on.speakers] == ["Lavrov"]
    turkey, lavrov = on.claims
    assert turkey.source.name == "Turkey" and turkey.source.id is None
    assert lavrov.source.id == on.quotes[0].speaker.id == 0  # type: ignore[union-attr]


def test_a_language_without_claim_data_says_so_in_diagnostics(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import quoteattr.claims.extract as extract

    monkeypatch.setattr(extract, "load_claim_frames", lambda language: None)
    doc = attribute("Turkey says the jet violated its airspace.")
    assert doc.claims == ()
    assert [d.code for d in doc.diagnostics] == ["claims_unavailable"]
    assert attribute("Turkey says so.", claims=False).diagnostics == ()


def test_claims_can_be_turned_off() -> None:
    assert attribute("Turkey says the jet violated its airspace.", claims=False).claims == ()


def test_find_claims_rejects_bytes_with_a_hint() -> None:
    with pytest.raises(TypeError, match="decode it first"):
        find_claims(b"Turkey says so.")  # type: ignore[arg-type]


def test_every_frame_lemma_and_rule_name_is_known() -> None:
    frames = load_claim_frames()
    assert frames is not None
    assert frames.frames_of("say") == {"clause"}
    assert "speak" in frames.never
    for path in (ROOT / "examples" / "data").glob("*.txt"):
        for claim in find_claims(path.read_text("utf-8")):
            assert claim.rule in CLAIM_RULE_NAMES


def test_content_overlap_is_measured_on_the_gold_content() -> None:
    text = "Turkey says the Russian jet violated its airspace and was warned."
    gold = (text.index("the"), text.index(" and"))
    assert content_overlaps(text, gold, (gold[0], len(text)))
    assert not content_overlaps(text, gold, (text.index("its"), len(text)))


MARKS = "\"'“”‘’«»„"
PIECES = [
    *MARKS, *".,:;—() \n", "Turkey", " says", " said", " that", " the", " jet", " accused",
    " Putin", " of", " according", " to", " branded", " a", " crime", " he", " vowed", " called",
    " for", " Lavrov", ", saying", " told", " reporters", " Officials", " denied",
]
news_like = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def _check(text: str) -> None:
    doc = attribute(text)
    quotes = [(q.start, q.end) for q in doc.quotes]
    for c in doc.claims:
        assert text[c.start : c.end] == c.text and c.text
        assert text[c.cue.start : c.cue.end] == c.cue.text
        m = c.source.mention
        assert m is not None and text[m.start : m.end] == m.text
        assert c.source.id is None or doc.speakers[c.source.id].name == c.source.name
        assert c.rule in CLAIM_RULE_NAMES
        inside = {i for i, (s, e) in enumerate(quotes) if c.start <= s and e <= c.end}
        for i, (s, e) in enumerate(quotes):
            # a claim never cuts a quote, and never is one
            assert e <= c.start or s >= c.end or i in inside, (c, s, e)
            assert not (s <= c.start and c.end <= e), (c, s, e)
        assert set(c.quotes) == inside
        # mixed: a partial quote inside, or double-quoted words left as a term
        assert (c.kind == "mixed") == bool(inside) or (
            c.kind == "mixed" and any(mark in c.text for mark in "\"\u201c\u201d")
        )


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), news_like))
def test_claims_never_raise_and_offsets_slice_back(text: str) -> None:
    _check(text)


@pytest.fixture(scope="module")
def seed_scores() -> dict[str, dict[str, float]]:
    gold = load_claim_gold(SEEDS, texts=ROOT / "examples" / "data")
    result = evaluate_claims(gold, [attribute(g.text, doc_id=g.doc_id) for g in gold])
    print(result.model_dump_json())
    return {"content": result.content.model_dump(), "attribution": result.attribution.model_dump()}


@pytest.mark.parametrize("level", ["content", "attribution"])
@pytest.mark.parametrize("measure", ["precision", "recall"])
def test_seed_claims_score_at_or_above_the_floor(
    seed_scores: dict[str, dict[str, float]], level: str, measure: str
) -> None:
    assert seed_scores[level][measure] >= FLOOR[level][measure], seed_scores


def test_no_gold_direct_quote_is_also_an_indirect_claim() -> None:
    data = json.loads(SEEDS.read_text("utf-8"))
    for d in data["documents"]:
        text = (ROOT / "examples" / "data" / d["file"]).read_text("utf-8")
        doc = attribute(text)
        for q in data["quotes"]:
            if q["doc"] != d["id"]:
                continue
            for c in doc.claims:
                if min(c.end, q["end"]) > max(c.start, q["start"]):
                    linked = [doc.quotes[i] for i in c.quotes]
                    assert c.kind == "mixed" and any(
                        x.start <= q["start"] < x.end or q["start"] <= x.start < q["end"]
                        for x in linked
                    ), (c.text, q)


def _content_work(text: str) -> tuple[int, int]:
    """Characters of claim content and token look-ups made while finding them."""
    from quoteattr.attribution.context import Context

    calls = [0]
    originals = {name: getattr(Context, name) for name in ("word", "low", "kind", "cue_at")}

    def counting(name: str) -> Any:
        original = originals[name]

        def wrapper(self: Context, *args: Any, **kwargs: Any) -> Any:
            calls[0] += 1
            return original(self, *args, **kwargs)

        return wrapper

    with pytest.MonkeyPatch.context() as mp:
        for name in originals:
            mp.setattr(Context, name, counting(name))
        claims = find_claims(text)
    return sum(len(c.text) for c in claims), calls[0]


@pytest.mark.parametrize(
    "unit", ["A said that B said that ", "Officials said the minister said ", "X says, Y says "]
)
def test_chained_reported_speech_costs_linear_work(unit: str) -> None:
    # issue 15 point 2: claim content is bounded, so 8 times the text is about 8 times the work
    small_chars, small_calls = _content_work(unit * 250)
    big_chars, big_calls = _content_work(unit * 2000)
    assert big_calls <= 10 * small_calls, (small_calls, big_calls)
    assert big_chars <= 10 * max(small_chars, 1), (small_chars, big_chars)


def test_claim_content_has_a_length_bound() -> None:
    from quoteattr.claims.scanner import MAX_CONTENT_CHARS

    text = "The minister said " + "the plan, which was old and " * 200 + "failed."
    for c in find_claims(text):
        assert len(c.text) <= MAX_CONTENT_CHARS


def test_evaluate_scores_claims_against_indirect_records(tmp_path: Path) -> None:
    # issue 13: `quoteattr evaluate` scores claims with the semantics of claims_score.py
    import io

    from quoteattr.cli import main

    text = "The plan will fail, the senator said. Doe says the vote was rigged."
    content = text.index("the vote")
    record = {
        "doc_id": "a", "text": text, "quotes": [],
        "indirect": [
            {"start": 0, "end": 18, "speaker": "the senator", "speaker_kind": "nominal",
             "speaker_spans": [[20, 31]], "cue": "said"},
            {"start": content, "end": len(text) - 1, "speaker": "Doe", "speaker_kind": "name",
             "speaker_spans": [], "cue": "says"},
            {"start": 0, "end": 8, "speaker": "Roe", "speaker_kind": "name", "cue": "wrote"},
        ],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", "utf-8")
    out = io.StringIO()
    assert main(["evaluate", str(gold), "--json"], stdout=out) == 0
    claims = json.loads(out.getvalue())["claims"]
    assert (claims["gold"], claims["predicted"]) == (3, 2)
    assert claims["content"]["precision"] == 1.0 and claims["attribution"]["recall"] == 0.667


def test_claim_content_overlap_is_half_of_the_shorter_span() -> None:
    text = "Doe said the jet violated its airspace and was warned twice by radio."
    gold = [(text.index("the jet"), text.index(" and"))]
    whole = (gold[0][0], len(text) - 1)
    assert content_overlap(text, gold, whole) == 1.0  # the gold lies inside the prediction
    assert content_overlap(text, gold, (text.index("its"), len(text))) < 0.5
