"""Matching the same quote across outlets (issue 3): cases as data, seeds, invariants."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr.matching.candidates import candidate_pairs
from quoteattr.matching.clusters import (
    DEFAULT_RECALL_DAYS,
    DEFAULT_WINDOW_DAYS,
    find_sources,
    match_quotes,
    quote_similarity,
)
from quoteattr.matching.similarity import Codebook, prepare, word_diff
from quoteattr.models import Document, Quote, QuoteCluster, QuoteSpeaker
from quoteattr.text.normalize import (
    fold_tokens,
    function_words,
    normalize_quote,
    normalize_text,
    spelling_variants,
)

HERE = Path(__file__).parent
CASES = json.loads((HERE / "cases" / "matching.json").read_text("utf-8"))
GOLD = json.loads((HERE / "fixtures" / "seeds_gold.json").read_text("utf-8"))
EXAMPLES = HERE.parent / "examples" / "data"


def quote(text: str, speaker: str | None = None, *, kind: str = "direct", start: int = 0,
          speaker_kind: str = "person", role: str | None = None,
          mention: str | None = None) -> Quote:
    said = {"text": mention, "start": 0, "end": len(mention)} if mention else None
    who = QuoteSpeaker.model_validate(
        {"name": speaker, "kind": speaker_kind, "role": role, "mention": said}) if speaker else None
    return Quote.model_validate({
        "text": text, "start": start, "end": start + len(text), "open_mark": "“",
        "close_mark": "”", "kind": kind, "speaker": who,
    })


def shape(clusters: list[QuoteCluster]) -> list[list[tuple[str, int, str]]]:
    return [[(m.doc_id, m.quote.start, m.relation) for m in c.members] for c in clusters]


# -- golden cases ------------------------------------------------------------

def _case_params() -> list[Any]:
    params = []
    for case in CASES:
        marks = []
        if case["expect"] == "fail":
            marks.append(pytest.mark.xfail(strict=True, reason=case["comment"]))
        params.append(pytest.param(case, id=case["label"], marks=marks))
    return params


@pytest.mark.parametrize("case", _case_params())
def test_case(case: dict[str, Any]) -> None:
    printings = [
        (q.get("doc", f"doc{i}"), quote(q["text"], q["speaker"], kind=q.get("kind", "direct"),
                                        speaker_kind=q.get("speaker_kind", "person"),
                                        role=q.get("role"), mention=q.get("mention")),
         q.get("date"))
        for i, q in enumerate(case["quotes"])
    ]
    clusters = match_quotes(printings)
    if case["expected"] == "none":
        assert len(clusters) == 2, shape(clusters)
        return
    assert len(clusters) == 1, shape(clusters)
    relations = [m.relation for m in clusters[0].members]  # the canonical member first
    assert relations == ["exact", case["expected"]]


# -- the five seed articles (issue 3 acceptance) -----------------------------

EXPECTED_CLUSTERS = {
    "nothing-new": {("000_89ed433b04be7d57", 1010), ("001_669d1519e461281c", 282),
                    ("001_669d1519e461281c", 912)},
    "condolences": {("000_89ed433b04be7d57", 1417), ("001_669d1519e461281c", 2042)},
    "incident": {("000_89ed433b04be7d57", 1991), ("001_669d1519e461281c", 2240)},
}


def _gold_documents() -> list[Document]:
    quotes: dict[str, list[Quote]] = defaultdict(list)
    for g in GOLD["quotes"]:
        q = Quote(
            text=g["text"], start=g["start"], end=g["end"], open_mark="“", close_mark="”",
            kind="partial" if g["kind"] == "partial" else "direct",
            speaker=QuoteSpeaker(name=g["speaker"], kind="person"),
        )
        quotes[g["doc"]].append(q)
    return [Document(doc_id=doc, quotes=tuple(qs)) for doc, qs in sorted(quotes.items())]


def _multi_member(clusters: list[QuoteCluster]) -> list[set[tuple[str, int]]]:
    return [{(m.doc_id, m.quote.start) for m in c.members} for c in clusters if len(c.members) > 1]


def test_gold_clusters_match_the_annotation() -> None:
    gold: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for g in GOLD["quotes"]:
        if g["cluster"]:
            gold[g["cluster"]].add((g["doc"], g["start"]))
    multi = {name: members for name, members in gold.items() if len(members) > 1}
    assert multi == EXPECTED_CLUSTERS


def test_seed_quotes_give_exactly_the_acceptance_clusters() -> None:
    clusters = match_quotes(_gold_documents())
    found = _multi_member(clusters)
    assert sorted(map(sorted, found)) == sorted(map(sorted, EXPECTED_CLUSTERS.values()))
    by_start = {min(c.members, key=lambda m: m.quote.start).quote.start: c for c in clusters}
    nothing_new = by_start[282] if 282 in by_start else next(
        c for c in clusters if any(m.quote.text == "nothing new" for m in c.members))
    assert nothing_new.speaker == "Sergei Lavrov"
    assert nothing_new.canonical.startswith("We met with the head")
    relations = sorted((m.doc_id[:3], m.relation) for m in nothing_new.members)
    assert relations == [("000", "exact"), ("001", "exact"), ("001", "fragment")]
    assert all(m.score == 100.0 for m in nothing_new.members)


def test_seed_articles_through_the_pipeline() -> None:
    import quoteattr

    documents = [
        quoteattr.attribute(path.read_text("utf-8"), doc_id=path.stem)
        for path in sorted(EXAMPLES.glob("*.txt"))
    ]
    found = _multi_member(match_quotes(documents))
    assert sorted(map(sorted, found)) == sorted(map(sorted, EXPECTED_CLUSTERS.values()))


def test_find_sources_nothing_new_on_the_seeds() -> None:
    matches = find_sources("nothing new", _gold_documents())
    assert [(m.doc_id[:3], m.quote.start, m.relation) for m in matches] == [
        ("001", 282, "exact"), ("000", 1010, "fragment"), ("001", 912, "fragment"),
    ]
    for m in matches:
        assert m.speaker == "Sergei Lavrov"
        assert m.score == 100.0
        assert m.wording.text.lower() == "nothing new"
    text = (EXAMPLES / "000_89ed433b04be7d57.txt").read_text("utf-8")
    w = matches[1].wording
    assert text[w.start:w.end] == w.text


def test_find_sources_ranks_and_limits() -> None:
    docs = [("a", quote("we heard nothing new at all")), ("b", quote("We heard nothing new")),
            ("c", quote("Perhaps there will be something new"))]
    assert [m.doc_id for m in find_sources("we heard nothing new", docs)] == ["b", "a"]
    assert [m.doc_id for m in find_sources("we heard nothing new", docs, limit=1)] == ["b"]
    assert find_sources("...", docs) == []
    assert find_sources("entirely unrelated words", docs) == []


# -- behaviour ---------------------------------------------------------------

def test_terms_are_never_matched() -> None:
    pairs = [("a", quote("Islamic State", kind="term")), ("b", quote("Islamic State", kind="term"))]
    assert match_quotes(pairs) == []


def test_documents_need_ids() -> None:
    with pytest.raises(ValueError, match="doc_id"):
        match_quotes([Document(quotes=(quote("We heard nothing new"),))])


def test_wrong_input_types_say_what_to_do() -> None:
    with pytest.raises(TypeError, match="attribute"):
        match_quotes(["We heard nothing new"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="decode"):
        quote_similarity(b"bytes", "text")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="score_cutoff"):
        match_quotes([], score_cutoff=101)


def test_fragment_joins_only_the_best_cluster() -> None:
    long_a = "We met with the head of the ministry on his request, we heard nothing new"
    long_b = "After the talks in the capital the minister said there was nothing new"
    pairs = [("a", quote(long_a, "Lavrov")), ("b", quote(long_b, "Lavrov")),
             ("b", quote("nothing new", "Lavrov", kind="partial", start=200))]
    clusters = match_quotes(pairs)
    # printed in the same document as long_b: that is the best cluster
    assert shape(clusters) == [[("a", 0, "exact")], [("b", 0, "exact"), ("b", 200, "fragment")]]
    # in a third document, nothing says which one it is: it joins neither
    pairs[2] = ("c", quote("nothing new", "Lavrov", kind="partial"))
    assert len(match_quotes(pairs)) == 3


def test_fragment_needs_a_compatible_speaker() -> None:
    pairs = [("a", quote("we heard nothing new from the Turkish side", "Lavrov")),
             ("b", quote("nothing new from the Turkish side", "Cavusoglu", kind="partial"))]
    assert len(match_quotes(pairs)) == 2


def test_incompatible_speakers_never_share_a_cluster_through_an_unknown() -> None:
    text = "We will never accept the annexation of the peninsula"
    pairs = [("a", quote(text, "Sergei Lavrov")), ("b", quote(text, None)),
             ("c", quote(text, "Mevlut Cavusoglu"))]
    clusters = match_quotes(pairs)
    assert len(clusters) == 2
    for c in clusters:
        assert len({m.speaker for m in c.members if m.speaker}) == 1


def test_min_members_and_member_order() -> None:
    pairs = [("b", quote("Turkey knows what it must do.", "Lavrov")),
             ("a", quote("Turkey knows what it must do", "Sergei Lavrov")),
             ("c", quote("A different statement entirely", "Lavrov"))]
    clusters = match_quotes(pairs, min_members=2)
    assert shape(clusters) == [[("a", 0, "exact"), ("b", 0, "exact")]]
    assert clusters[0].speaker == "Sergei Lavrov"
    assert clusters[0].members[1].diff == "… what it must [-do-]{+do.+}"


def test_clusters_round_trip_through_json_lines() -> None:
    lines = [json.dumps(c.model_dump(mode="json"))
             for c in match_quotes(_gold_documents(), min_members=2)]
    assert len(lines) == 3
    for line in lines:
        cluster = QuoteCluster.model_validate(json.loads(line))
        assert len(cluster.members) > 1


def test_results_validate_as_models() -> None:
    for cluster in match_quotes(_gold_documents()):
        assert QuoteCluster.model_validate(cluster.model_dump()) == cluster


def test_word_diff_is_readable() -> None:
    assert word_diff("a b c", "a b c") == ""
    assert word_diff("We recognise the colour", "We recognize the color") == (
        "We [-recognise-]{+recognize+} the [-colour-]{+color+}")
    assert word_diff("The incident on the 24th, a mistake, should not", "The incident on the "
                     "24th ... should not") == (
        "… incident on the [-24th,-]{+24th+} [-a mistake,-]{+...+} should not")


def test_data_files_load() -> None:
    folds = spelling_variants()
    assert folds["colour"] == "color" and folds["organisation"] == "organization"
    assert not set(folds.values()) & set(folds)
    assert {"the", "of", "we"} <= function_words()
    assert "nothing" not in function_words()


def test_default_cutoff_is_pinned() -> None:
    """Changing the defaults changes every user's clusters: a breaking change."""
    import inspect

    assert inspect.signature(match_quotes).parameters["score_cutoff"].default == 85.0
    assert inspect.signature(match_quotes).parameters["window"].default == 7
    assert inspect.signature(match_quotes).parameters["recall"].default == 60
    assert quote_similarity("a b c d e f g", "a b c d e f") == pytest.approx(92.3, abs=0.05)


# -- invariants (hypothesis) -------------------------------------------------

WORDS = ["we", "heard", "nothing", "new", "the", "incident", "Colour", "color", "it's", "it’s", "—",
         "Lavrov", "said", "of", "talks", "pilot", "çavuşoğlu", "1,000"]
SEPARATORS = [" ", ", ", ". ", " ... ", " [the] ", "  ", "; "]
phrase = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)),
                  min_size=1, max_size=12).map(lambda ws: "".join(w + s for w, s in ws).strip())
any_text = st.one_of(st.text(max_size=80), phrase)
speaker = st.sampled_from([None, "Sergei Lavrov", "Lavrov", "Mevlüt Çavuşoğlu", "Cavusoglu",
                           "Republican Sergei Lavrov", "Anna Lavrov", "Sergei Lavrov|he",
                           "Anna Lavrov|Lavrov", "Mevlüt Çavuşoğlu|she"])  # name|mention
day = st.sampled_from([None, "2016-01-01", "2016-01-03", "2016-03-01"])
entry = st.tuples(st.sampled_from(["a", "b", "c", "d"]), phrase, speaker,
                  st.sampled_from(["direct", "partial"]), st.integers(0, 50), day)
levels = st.sampled_from(["utterance", "wording"])
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _pairs(entries: list[tuple[str, str, str | None, str, int, str | None]]
           ) -> list[tuple[str, Quote, str | None]]:
    """Printings; one document has one date (the first its entries give)."""
    dates: dict[str, str | None] = {}
    for doc, *_, when in entries:
        dates.setdefault(doc, when)
    return [(doc, quote(text, who.split("|")[0] if who else None, kind=kind, start=start,
                        mention=who.split("|")[1] if who and "|" in who else None), dates[doc])
            for doc, text, who, kind, start, _ in entries]


@SETTINGS
@given(any_text, any_text)
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    ab, ba = quote_similarity(a, b), quote_similarity(b, a)
    assert ab == ba
    assert 0.0 <= ab <= 100.0
    assert quote_similarity(a, b, partial=True) == quote_similarity(b, a, partial=True)


@SETTINGS
@given(any_text)
def test_similarity_is_100_on_identity(a: str) -> None:
    assert quote_similarity(a, a) == 100.0
    assert quote_similarity(a, a, partial=True) in (0.0, 100.0)  # 0 only without words


@SETTINGS
@given(any_text)
def test_normalisation_is_idempotent_and_fast_path_agrees(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    folded = normalize_quote(text)
    assert fold_tokens(text) == (folded.tokens, folded.gaps)
    for start, end in folded.spans:
        assert 0 <= start < end <= len(text)


@SETTINGS
@given(st.lists(entry, max_size=10), st.randoms(use_true_random=False), levels)
def test_clusters_do_not_depend_on_input_order(entries: Any, random: Any, level: Any) -> None:
    pairs = _pairs(entries)
    shuffled = list(pairs)
    random.shuffle(shuffled)
    assert match_quotes(pairs, level=level) == match_quotes(shuffled, level=level)


plain_phrase = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([s for s in SEPARATORS if "." not in s
                                                       and "[" not in s])),
    min_size=1, max_size=12,
).map(lambda ws: "".join(w + s for w, s in ws).strip())
plain_entry = st.tuples(st.sampled_from(["a", "b", "c", "d"]), plain_phrase, speaker,
                        st.sampled_from(["direct", "partial"]), st.integers(0, 50), day)


@SETTINGS
@given(st.lists(plain_entry, max_size=10), levels)
def test_index_finds_what_all_pairs_finds(entries: Any, level: Any) -> None:
    """Without ellipses the index is complete (see candidates.filed_count)."""
    pairs = _pairs(entries)
    assert match_quotes(pairs, level=level) == match_quotes(pairs, level=level, exhaustive=True)


@SETTINGS
@given(st.lists(entry, max_size=10))
def test_no_speakerless_quote_bridges_two_speakers(entries: Any) -> None:
    from quoteattr.matching.speaker_links import joinable, key_of

    for cluster in match_quotes(_pairs(entries)):
        keys = [key_of(m.quote.speaker) for m in cluster.members
                if m.quote.speaker is None or m.quote.speaker.mention is None
                or m.quote.speaker.mention.text not in ("he", "she")]  # pronouns: see printing_key
        known = [k for k in keys if k is not None]
        for i, k in enumerate(known):
            assert all(joinable(frozenset((k,)), frozenset((other,))) for other in known[i:])
        dates = {m.date for m in cluster.members if m.date is not None}
        assert not dates or (max(dates) - min(dates)).days <= DEFAULT_RECALL_DAYS
        if dates and (max(dates) - min(dates)).days > DEFAULT_WINDOW_DAYS:
            # weeks apart: only a reprint of the same words, by known speakers
            assert all(k is not None for k in keys) or len(fold_tokens(cluster.canonical)[0]) >= 5


def test_index_finds_ellipsis_variants() -> None:
    full = "The incident on the 24th of November, a mistake, should not be confused with it"
    cut = "The incident on the 24th of November ... should not be confused with it"
    bracket = "[The] incident on the 24th of November, a mistake, should not be confused"
    pairs = [("a", quote(full, "Cavusoglu")), ("b", quote(cut, "Mevlüt Çavuşoğlu")),
             ("c", quote(bracket, None)), ("d", quote("we heard we heard it")),
             ("e", quote("we ... heard heard it"))]
    assert shape(match_quotes(pairs)) == shape(match_quotes(pairs, exhaustive=True))
    assert len(match_quotes(pairs)) == 2


@SETTINGS
@given(st.lists(plain_phrase, min_size=2, max_size=12))
def test_every_pair_above_the_cutoff_is_a_candidate(texts: list[str]) -> None:
    book = Codebook()
    prepared = {p.key: p for p in (prepare(t, book) for t in texts)}
    nodes = sorted(prepared.values(), key=lambda p: p.key)
    candidates = set(candidate_pairs(nodes, 85.0))
    for i, a in enumerate(nodes):
        for j in range(i + 1, len(nodes)):
            b = nodes[j]
            if (a.gaps and b.gaps) or not a.code or not b.code:
                continue  # two ellipses: no guarantee (see candidates.py)
            if quote_similarity(a.key.replace("…", "..."), b.key.replace("…", "...")) >= 85.0:
                assert (i, j) in candidates, (a.key, b.key)


# -- documents carry a date (issue 14) ----------------------------------------

def test_attribute_keeps_the_date_it_is_given() -> None:
    import datetime

    import quoteattr

    doc = quoteattr.attribute('"We met," Lavrov said.', doc_id="a", date="2016-03-01T09:30:00Z")
    assert doc.date == datetime.date(2016, 3, 1)
    assert Document.model_validate_json(doc.model_dump_json()).date == doc.date
    assert quoteattr.attribute("No quotes.").date is None
    with pytest.raises(ValueError, match="ISO date"):
        quoteattr.attribute("No quotes.", date="March 1st")
    with pytest.raises(TypeError, match="ISO date"):
        quoteattr.attribute("No quotes.", date=20160301)  # type: ignore[arg-type]


def test_json_lines_give_a_date_field_or_the_publication_date_of_meta(tmp_path: Path) -> None:
    import datetime

    from quoteattr.io.sources import SourceError, SourceText, read_sources

    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"doc_id": "a", "text": "x", "date": "2016-03-01"},
        {"doc_id": "b", "text": "x", "meta": {"publication_date": "2016-03-02"}},
        {"doc_id": "c", "text": "x"},
        {"doc_id": "d", "text": "x", "date": "yesterday"},
    ]) + "\n", "utf-8")
    found = list(read_sources([str(path)]))
    dates = [s.date for s in found if isinstance(s, SourceText)]
    assert dates == [datetime.date(2016, 3, 1), datetime.date(2016, 3, 2), None]
    error = found[3]
    assert isinstance(error, SourceError) and error.doc_id == "d" and "date" in error.error


# -- issue 14: occasions, speakers, no chaining, scale --------------------------

def dated(doc: str, text: str, speaker: str | None, day: str, *, kind: str = "direct",
          speaker_kind: str = "person") -> tuple[str, Quote, str]:
    return (doc, quote(text, speaker, kind=kind, speaker_kind=speaker_kind), day)


LONG = "We will not accept a budget that leaves the workers of this country behind"


def test_window_is_settable_in_days_or_as_a_timedelta() -> None:
    import datetime

    printings = [dated("a", LONG, "Jane Doe", "2016-03-01"),
                 dated("b", LONG, "Doe", "2016-03-12")]
    reworded = [printings[0], dated("b", LONG.replace("leaves", "leaves behind"),
                                    "Doe", "2016-03-12")]
    assert len(match_quotes(reworded)) == 2  # eleven days: two occasions by default
    assert len(match_quotes(printings, recall=None)) == 2  # the window alone
    assert len(match_quotes(reworded, window=14)) == 1
    assert len(match_quotes(reworded, window=datetime.timedelta(days=14))) == 1
    assert len(match_quotes(reworded, window=None)) == 1
    clusters = match_quotes(printings, window=None)
    assert [str(m.date) for m in clusters[0].members] == ["2016-03-01", "2016-03-12"]


def test_one_undated_printing_cannot_join_two_occasions() -> None:
    printings = [dated("a", LONG, "Jane Doe", "2016-03-01"),
                 ("b", quote(LONG, "Doe"), None),
                 dated("c", LONG, "Doe", "2016-09-01")]
    clusters = match_quotes(printings)
    assert len(clusters) == 2
    assert all(len({m.date for m in c.members if m.date}) == 1 for c in clusters)


def test_wording_level_groups_the_same_words_whoever_says_them_whenever() -> None:
    printings = [dated("a", LONG, "Jane Doe", "2016-03-01"),
                 dated("b", LONG, "John Roe", "2016-03-01"),
                 dated("c", LONG + ".", "Doe", "2016-10-01")]
    assert len(match_quotes(printings)) == 3
    assert len(match_quotes(printings, level="wording")) == 1


def test_a_speakerless_quote_never_bridges_two_speakers() -> None:
    printings = [dated("a", LONG, "Jane Doe", "2016-03-01"),
                 dated("b", LONG + ".", None, "2016-03-01"),
                 dated("c", LONG + "!", "John Roe", "2016-03-01")]
    clusters = match_quotes(printings)
    assert len(clusters) == 2
    for cluster in clusters:
        assert len({m.speaker for m in cluster.members if m.speaker}) == 1
    assert sum(len(c.members) for c in clusters) == 3  # it joins one of them


def test_one_weak_link_does_not_merge_two_groups() -> None:
    """A chain of printings, each alike the next, does not join the two ends."""
    a = "the harbour plan will cost the city far more than the council told voters last spring"
    b = "the harbour plan will cost the city far more than the council told voters in march"
    c = "a new plan will cost the city far more than the council told voters in march"
    assert quote_similarity(a, b) >= 85 and quote_similarity(b, c) >= 85
    assert quote_similarity(a, c) < 85
    printings = [dated(doc, text, "Jane Doe", "2016-03-01")
                 for doc, text in (("a", a), ("b", b), ("c", c))]
    for order in (printings, printings[::-1], [printings[1], printings[0], printings[2]]):
        for cluster in match_quotes(order):
            assert all(m.score >= 85 for m in cluster.members), cluster  # alike its canonical
    # fragments of one statement join it; a look-alike of the statement does not
    statement = a + " and the bridge will open two years late"
    printings = [dated("s", statement, "Jane Doe", "2016-03-01"),
                 dated("f", "the bridge will open two years late", "Doe", "2016-03-02",
                       kind="partial"),
                 dated("g", "the harbour plan will cost the city far more", "Doe", "2016-03-02",
                       kind="partial"),
                 dated("c", c, "Jane Doe", "2016-03-01")]
    found = {m.doc_id for cl in match_quotes(printings) for m in cl.members
             if cl.canonical == statement}
    assert found == {"s", "f", "g"}


def test_short_fragment_needs_the_same_occasion_and_a_known_speaker() -> None:
    base = dated("a", "Relations will not be business as usual, this is shameful", "Jane Doe",
                 "2016-04-02")
    same_day = dated("b", "shameful", "Doe", "2016-04-02", kind="partial")
    months_later = dated("c", "shameful", "Doe", "2016-10-20", kind="partial")
    nobody = dated("d", "business as usual", None, "2016-04-02", kind="partial")
    clusters = match_quotes([base, same_day, months_later, nobody])
    assert shape(clusters)[0] == [("a", 0, "exact"), ("b", 0, "fragment")]
    assert len(clusters) == 3


def test_a_reprint_weeks_later_brings_no_reworded_line_with_it() -> None:
    """Issue 14: a passage found in the speaker's line of May and in the reworded line of June."""
    may = dated("a", "Our schools are not a line in a spreadsheet, they are where children learn",
                "Jane Doe", "2016-05-02")
    june = dated("b", "Our schools are not a line in a budget, they are where children learn",
                 "Jane Doe", "2016-06-01")
    passage = dated("c", "they are where children learn", "Doe", "2016-06-01", kind="partial")
    clusters = match_quotes([may, june, passage])
    assert [sorted(m.doc_id for m in c.members) for c in clusters] == [["a"], ["b", "c"]]
    reprint = dated("d", "not a line in a spreadsheet", "Doe", "2016-05-30", kind="partial")
    clusters = match_quotes([may, june, reprint])
    assert [sorted(m.doc_id for m in c.members) for c in clusters] == [["a", "d"], ["b"]]


def test_a_pronoun_quote_never_links_two_named_speakers() -> None:
    """Issue 14: compared without its speaker, a "he said" printing joins one utterance at most."""
    line = "The plant will stay open as long as I am in this office"
    jane = (dated("a", line, "Jane Doe", "2016-04-01"))
    john = (dated("b", line + ".", "John Roe", "2016-04-01"))
    he = ("c", quote(line, "John Roe", mention="he"), "2016-04-02")
    clusters = match_quotes([jane, john, he])
    assert sorted(sorted(m.doc_id for m in c.members) for c in clusters) in (
        [["a"], ["b", "c"]], [["a", "c"], ["b"]])


def test_a_cluster_checks_joins_against_the_words_most_outlets_print() -> None:
    """Of two printings as long, the misprinted one is not the text a join is checked against."""
    right = "No harbour tariffs were raised this winter"
    printings = [dated(f"r{i}", right + "!", "Jane Doe", "2016-01-05") for i in range(3)]
    printings.append(dated("m", "No harbour tariffs were raised this inter", "Doe", "2016-01-05"))
    printings.append(dated("s", "Harbour tarifs were raised this winter,", "Doe", "2016-01-06"))
    clusters = match_quotes(printings)
    assert len(clusters) == 1, shape(clusters)
    assert clusters[0].canonical == right + "!"


def test_one_text_from_many_speakers_stays_linear() -> None:
    """Issue 15: "No comment," from N different people: work grows with N, not N squared."""
    from quoteattr.matching.clusters import collect_printings
    from quoteattr.matching.linking import Matcher

    def work(count: int) -> int:
        printings = [(f"d{i}", quote("No comment,", f"Anna Person{i:05d}"), "2016-01-01")
                     for i in range(count)]
        printings += [(f"s{i}", quote("No comment,", f"Bob{i:05d} Smith"), "2016-01-01")
                      for i in range(count)]  # one surname, many given names
        matcher = Matcher(collect_printings(printings))
        assert len(matcher.clusters(1)) == 2 * count
        return matcher.work

    small, large = work(500), work(5000)
    assert large <= 12 * small, (small, large)


def test_speaker_names_across_documents() -> None:
    from quoteattr.matching.speaker_links import name_key, speakers_compatible

    def same(a: str, b: str) -> bool:
        return speakers_compatible(name_key(a, True), name_key(b, True))

    assert same("Republican Jane Doe", "Jane Doe")
    assert same("Massachusetts Sen. Jane Doe", "Doe")
    assert same("Jane A. Doe", "J. Doe")
    assert same("Jane Doe Jr.", "Jane Doe")
    assert same("William J. Doe Jr.", "Bill Doe")  # a short form of the given name
    assert not same("Jane Doe", "John Doe")
    assert not same("Jane Doe", "Jane Roe")
    assert name_key("District Judge John Roe", True).office == "district judge"


def test_find_sources_puts_the_printings_of_the_best_utterance_first() -> None:
    printings = [
        dated("a", "the harbour will cost more than the council said", "Jane Doe", "2016-03-01"),
        dated("b", "The harbour will cost more than the council said.", None, "2016-03-02"),
        dated("c", "I think the harbour will cost more than the council said", "John Roe",
              "2016-03-01"),
        dated("d", "The harbour will cost more than the council said", "Doe", "2016-09-01"),
    ]
    found = find_sources("the harbour will cost more than the council said", printings)
    assert [(m.doc_id, m.utterance, m.speaker) for m in found] == [
        ("a", 0, "Jane Doe"), ("b", 0, "Jane Doe"), ("d", 1, "Doe"), ("c", 2, "John Roe")]
    with pytest.raises(ValueError, match="limit"):
        find_sources("harbour", printings, limit=-1)


def test_wrong_arguments_say_what_to_pass() -> None:
    doc = Document(doc_id="a", quotes=(quote(LONG),))
    with pytest.raises(TypeError, match="list"):
        match_quotes(doc)
    with pytest.raises(TypeError, match="score_cutoff"):
        match_quotes([doc], score_cutoff="85")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="min_members"):
        match_quotes([doc], min_members=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="level"):
        match_quotes([doc], level="speaker")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="window"):
        match_quotes([doc], window=-1)


def test_match_claims_work_grows_with_the_collection_not_its_square(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    from quoteattr.matching import claims as claims_module
    from quoteattr.models import Claim, Span

    calls = 0
    real = claims_module._similarity

    def counting(a: Any, b: Any) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(claims_module, "_similarity", counting)

    def run(count: int) -> int:
        """One speaker's claims; the words grow with the claims, as in news."""
        nonlocal calls
        calls = 0
        rng = random.Random(1)
        vocabulary = [f"w{i}" for i in range(3 * count)]
        source = QuoteSpeaker(name="Jane Doe", kind="person")
        docs = []
        for i in range(count):
            text = " ".join(rng.choice(vocabulary) for _ in range(6))
            claim = Claim(text=text, start=0, end=len(text), source=source,
                          cue=Span(text="said", start=0, end=4), cue_lemma="say",
                          rule="test", confidence=1.0)
            docs.append(Document(doc_id=f"d{i}", claims=(claim,)))
        claims_module.match_claims(docs)
        return calls

    small, large = run(400), run(1600)
    assert large <= 8 * max(small, 1), (small, large)  # quadratic would be 16 times


def test_twin_printings_differing_only_in_the_speakers_mention_cluster_in_one_order() -> None:
    entries: list[tuple[str, str, str | None, str, int, str | None]] = [
               ("a", "we", None, "direct", 0, None),
               ("a", "we we we we", "Jane Doe", "direct", 0, None),
               ("a", "we we we we", "Jane Doe|she", "direct", 0, None)]
    pairs = _pairs(entries)
    assert match_quotes(pairs) == match_quotes(pairs[::-1])
