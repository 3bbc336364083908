"""The project's own scorer agrees with the shared criteria."""

from __future__ import annotations

from quoteattr import GoldDocument, GoldQuote, attribute, evaluate


def _gold(text: str, *quotes: GoldQuote) -> list[GoldDocument]:
    return [GoldDocument(doc_id="d", text=text, quotes=quotes)]


def test_span_matches_when_overlap_covers_most_of_the_longer_span() -> None:
    text = '"We heard nothing new," Lavrov said.'
    gold = _gold(text, GoldQuote(start=1, end=21, speaker="Sergei Lavrov"))
    scores = evaluate(gold, [attribute(text, doc_id="d")])
    assert scores.span.f1 == 1.0
    assert scores.attribution.f1 == 1.0  # last name "Lavrov" is a word of the prediction


def test_pronoun_gold_is_right_when_the_mention_overlaps() -> None:
    text = 'Lavrov spoke.\n\n"We heard nothing new," he said.'
    he = text.index("he said")
    gold = _gold(text, GoldQuote(start=16, end=37, speaker="he", speaker_kind="pronoun",
                                 speaker_spans=((he, he + 2),)))
    assert evaluate(gold, [attribute(text, doc_id="d")]).attribution.recall == 1.0


def test_wrong_speaker_counts_for_spans_but_not_attribution() -> None:
    text = '"We heard nothing new," Lavrov said.'
    gold = _gold(text, GoldQuote(start=1, end=21, speaker="Cavusoglu"))
    scores = evaluate(gold, [attribute(text, doc_id="d")])
    assert (scores.span.f1, scores.attribution.f1) == (1.0, 0.0)


def test_missing_prediction_lowers_recall_only() -> None:
    text = 'No quotes "here" at all.'
    gold = _gold(text, GoldQuote(start=0, end=2, speaker="X"))
    scores = evaluate(gold, [])
    assert scores.predicted == 0 and scores.span.recall == 0.0
