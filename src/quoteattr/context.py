"""The prepared document that attribution rules look at.

:class:`Context` holds the text, its tokens (each top-level quote one token),
paragraph and sentence numbers, the mentions, and look-ups the rules share.
It is built once per document in linear time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from quoteattr.lexicon import Lexicon, load_lexicon
from quoteattr.mentions import Mention, find_mentions
from quoteattr.models import Quote
from quoteattr.tokens import Token, paragraph_ids, sentence_ids, tokenize

__all__ = ["Context", "Decision", "build_context"]

# Words allowed between a speaker and its cue verb ("he also said"), in English.
# Rules read ``ctx.lexicon.grammar.adverbs`` for the document's language; this
# English set is kept for the claim scanner.
ADVERBS = load_lexicon().grammar.adverbs


@dataclass(frozen=True, slots=True)
class Decision:
    """What a rule decided for one quote.

    Attributes:
        rule: The rule's name.
        confidence: How sure the rule is, 0 to 1.
        mention: Where the speaker is named locally, if the rule found a mention.
        cue: ``(start, end)`` of the cue, if any.
        inherit: For continuation rules, the quote whose speaker is kept.
    """

    rule: str
    confidence: float
    mention: Mention | None = None
    cue: tuple[int, int] | None = None
    inherit: int | None = None


@dataclass
class Context:
    """One document prepared for the attribution rules."""

    text: str
    quotes: list[Quote]
    tokens: list[Token]
    paragraph: list[int]
    sentence: list[int]
    mentions: list[Mention]
    lexicon: Lexicon
    quote_token: list[int] = field(default_factory=list)
    mention_starting: dict[int, Mention] = field(default_factory=dict)
    mention_ending: dict[int, Mention] = field(default_factory=dict)
    mention_covering: list[int] = field(default_factory=list)
    decisions: list[Decision | None] = field(default_factory=list)
    cue_strong: list[int] = field(default_factory=list)
    cue_any: list[int] = field(default_factory=list)
    _positions: dict[str, list[int]] = field(default_factory=dict)

    def word(self, i: int) -> str:
        """Return the text of token ``i``, or ``""`` outside the token list."""
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def kind(self, i: int) -> str:
        """Return the kind of token ``i``, or ``"end"`` outside the token list."""
        return self.tokens[i].kind if 0 <= i < len(self.tokens) else "end"

    def cue_at(self, i: int, *, weak: bool = True) -> int:
        """Return the token index one past a cue verb starting at ``i``, or -1.

        Multi-word cues ("posted on X", "pointed out") are matched first,
        longest first. ``weak`` admits verbs that signal speech only next to a
        quote ("laughed").
        """
        if 0 <= i < len(self.cue_any):
            return self.cue_any[i] if weak else self.cue_strong[i]
        return -1

    def _find_cue(self, i: int, *, weak: bool) -> int:
        if self.kind(i) != "word":
            return -1
        lex = self.lexicon
        for size in range(lex.cue_max_words, 2, -1):
            if all(self.kind(i + n) == "word" for n in range(1, size)):
                phrase = " ".join(t.text for t in self.tokens[i : i + size]).lower()
                verb = lex.cue_forms.get(phrase)
                if verb is not None and (weak or not verb.weak):
                    return i + size
        if self.kind(i + 1) == "word":
            pair = f"{self.tokens[i].text} {self.tokens[i + 1].text}".lower()
            if pair in lex.cue_forms and (weak or not lex.cue_forms[pair].weak):
                return i + 2
        verb = lex.cue_forms.get(self.tokens[i].text.lower())
        if verb is None or (verb.weak and not weak):
            return -1
        markers = lex.grammar.noun_markers
        if i > 0 and self.tokens[i - 1].text.lower() in markers:
            return -1  # "the report": a noun, not a verb
        word = self.tokens[i].text.lower()
        if (
            i > 1
            and self.tokens[i - 2].text.lower() in markers
            and self.tokens[i - 1].text.islower()
            and self.tokens[i - 1].text not in lex.role_forms
            and word == verb.lemma
        ):
            return -1  # "the caustic chant", "his home state": a noun
        if self.tokens[i].text[0].isupper() and i > 0 and self.kind(i - 1) == "word":
            return -1  # "Said" mid-sentence capitalised is a name
        return i + 1

    def positions(self, low: str) -> list[int]:
        """Indices of the tokens whose lower-case text is ``low`` (computed once)."""
        found = self._positions.get(low)
        if found is None:
            found = self._positions[low] = [i for i, t in enumerate(self.tokens) if t.low == low]
        return found

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character span of tokens ``first`` up to (not including) ``last``."""
        return self.tokens[first].start, self.tokens[last - 1].end

    def same_sentence(self, i: int, j: int) -> bool:
        """Tell whether tokens ``i`` and ``j`` lie in one sentence."""
        n = len(self.tokens)
        return 0 <= i < n and 0 <= j < n and self.sentence[i] == self.sentence[j]


def build_context(text: str, quotes: Sequence[Quote], lexicon: Lexicon) -> Context:
    """Tokenise ``text`` around its top-level quotes and find every mention."""
    top = [q for q in quotes if q.depth == 0]
    marks: list[tuple[int, int]] = []
    for q in top:
        o = _mark_before(text, q)
        if o is not None:
            marks.append(o)
        c = _mark_after(text, q)
        if c is not None:
            marks.append(c)
    marks.sort()
    tokens = tokenize(text, [(q.start, q.end) for q in top], marks)
    ctx = Context(
        text=text,
        quotes=list(top),
        tokens=tokens,
        paragraph=paragraph_ids(tokens),
        sentence=sentence_ids(tokens),
        mentions=find_mentions(text, tokens, lexicon=lexicon),
        lexicon=lexicon,
    )
    ctx.quote_token = [-1] * len(top)
    for i in [i for i, tok in enumerate(tokens) if tok.kind == "quote"]:
        ctx.quote_token[tokens[i].quote] = i
    ctx.mention_covering = [-1] * len(tokens)
    for index, m in enumerate(ctx.mentions):
        ctx.mention_starting[m.first] = m
        ctx.mention_ending[m.last] = m
        for t in range(m.first, m.last):
            ctx.mention_covering[t] = index
    ctx.decisions = [None] * len(top)
    particles = lexicon.cue_particles
    heads = lexicon.cue_heads
    before_particle = {i - 1 for i, tok in enumerate(tokens) if tok.text in particles and i}
    candidates = sorted(
        {i for i, tok in enumerate(tokens) if tok.low in heads and tok.kind == "word"}
        | {i for i in before_particle if tokens[i].kind == "word"}
    )
    ctx.cue_any = [-1] * len(tokens)
    ctx.cue_strong = [-1] * len(tokens)
    for i in candidates:
        ctx.cue_any[i] = ctx._find_cue(i, weak=True)
        ctx.cue_strong[i] = ctx._find_cue(i, weak=False)
    return ctx


def _mark_before(text: str, q: Quote) -> tuple[int, int] | None:
    width = len(q.open_mark)
    for start in range(q.start - width, max(q.start - width - 3, -1), -1):
        if start >= 0 and text[start : start + width] == q.open_mark:
            return start, start + width
    return None


def _mark_after(text: str, q: Quote) -> tuple[int, int] | None:
    if not q.close_mark:
        return None
    width = len(q.close_mark)
    for start in range(q.end, min(q.end + 3, len(text))):
        if text[start : start + width] == q.close_mark:
            return start, start + width
    return None
