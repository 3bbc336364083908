"""Mention finding's shortcuts give the answers of the long way round."""

from __future__ import annotations

from quoteattr.language.lexicon import load_lexicon
from quoteattr.text.mention_words import mention_words
from quoteattr.text.mentions import find_mentions, mentions_in_context
from quoteattr.text.names import HeadlineLines
from quoteattr.text.scan import scan_tokens
from quoteattr.text.tokens import tokenize

_ARTICLE = (
    "Doe Slams Roe Over Taxes In Heated Debate\n\n"
    "WASHINGTON (AP) — Ohio Sen. Jane Doe said on Monday that the plan would fail, "
    "and a Treasury spokesman said the department would respond. Will said nothing. "
    "George Will, a columnist, disagreed with the senator and with J. R. Hale Jr., "
    "who runs the Bank of America office in the state capital and has done so for years.\n"
    "Short Line Here\n"
    "Officials said the talks went on. \"We met,\" Mr Roe's aide said."
)


def test_headline_lines_read_the_same_with_and_without_the_breaks() -> None:
    tokens = tokenize(_ARTICLE, [])
    breaks = [i for i, tok in enumerate(tokens) if tok.kind == "para"]
    walked, searched = HeadlineLines(tokens), HeadlineLines(tokens, breaks)
    answers = [walked.headline(i) for i in range(len(tokens))]
    assert answers == [searched.headline(i) for i in range(len(tokens))]
    assert answers[0] and not answers[len(tokens) // 2]


def test_mentions_in_context_match_find_mentions() -> None:
    lexicon = load_lexicon()
    tokens, by_low, capitalised, _ = scan_tokens(_ARTICLE, [])
    found = mentions_in_context(_ARTICLE, tokens, lexicon, by_low, capitalised)
    assert found == find_mentions(_ARTICLE, tokens, lexicon=lexicon)
    names = [m.name for m in found if m.kind == "name"]
    assert "Jane Doe" in names and "George Will" in names


def test_plain_words_are_those_that_need_no_further_check() -> None:
    words = mention_words(load_lexicon())
    tokens = tokenize("Doe The Sen J Doe's Reached Hale", [])
    plain = {tok.text: words.plain(tok) for tok in tokens}
    assert plain == {
        "Doe": True, "The": False, "Sen": False, "J": False, "Doe's": False,
        "Reached": False, "Hale": True,
    }
    assert "Hale" in words.plain_words and "The" in words.odd_words
