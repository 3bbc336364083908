"""The prepared document that attribution rules look at.

:class:`Context` holds the text, its tokens (each top-level quote one token),
paragraph and sentence numbers, the mentions, and look-ups the rules share.
It is built once per document in linear time.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from quoteattr.language.lexicon import CueVerb, Lexicon, load_lexicon
from quoteattr.models import Quote
from quoteattr.text.mentions import Mention, mentions_in_context
from quoteattr.text.scan import scan_tokens
from quoteattr.text.tokens import (
    Token,
    abbreviations,
    indexed_among,
    paragraph_ids,
    sentence_ids_and_starts,
    sentence_openers,
)

__all__ = ["Context", "Decision", "build_context"]

# What tells a cue verb from a noun: noun markers, role nouns, group words.
_VerbGrammar = tuple[Collection[str], Collection[str], Collection[str]]

# Words allowed between a speaker and its cue verb ("he also said"), in English.
# Rules read ``ctx.lexicon.grammar.adverbs`` for the document's language; this
# English set is kept for the claim scanner.
ADVERBS = load_lexicon().grammar.adverbs


@dataclass(frozen=True, slots=True, init=False)
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

    def __init__(self, rule: str, confidence: float, mention: Mention | None = None,
                 cue: tuple[int, int] | None = None, inherit: int | None = None) -> None:
        # written out: the compiled build runs it as C, not as a dataclass's Python __init__
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "confidence", confidence)
        object.__setattr__(self, "mention", mention)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "inherit", inherit)

    def __reduce__(self) -> tuple[type[Decision], tuple[object, ...]]:
        # pickled by its fields: a compiled build's frozen class takes no setattr
        return Decision, (self.rule, self.confidence, self.mention, self.cue, self.inherit)


@dataclass(frozen=True, slots=True, init=False)
class Context:
    """One document prepared for the attribution rules, frozen once built.

    :func:`build_context` fills every field in one pass; no rule or stage
    assigns to a field afterwards. The one list that grows while rules run is
    :attr:`decisions`: the sieve records there what it decided for each
    quote, so that a rule deciding quote ``qi`` may read the decisions for the
    quotes before it. Rules only read it.

    Attributes:
        text: The caller's text, untouched.
        quotes: The top-level quotes, in order.
        tokens: The tokens; each top-level quote is one token of kind ``quote``.
        paragraph: Each token's paragraph number.
        sentence: Each token's sentence number.
        mentions: The mentions of people and organisations, in order, never
            overlapping.
        lexicon: The language's words.
        quote_token: For each quote, the index of its token.
        mention_starting: The mention starting at a token index.
        mention_ending: The mention whose last token (exclusive) is a token index.
        mention_covering: For each token, the index of the mention covering it, or -1.
        decisions: For each quote, what the sieve decided (``None`` before or
            without a decision). Written by the sieve only.
        cue_strong: For each token, the end of a strong cue starting there, or -1.
        cue_any: For each token, the end of any cue starting there, or -1.
        by_low: Token indices by lower-case text.
        sentence_starts: The first token of each sentence.
        cue_candidates: The tokens where a cue may start, in order.
        quote_positions: The tokens that are quotes, in order.
        breaks: The tokens that are paragraph breaks.
    """

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
    by_low: dict[str, list[int]] = field(default_factory=dict)
    sentence_starts: list[int] = field(default_factory=list)
    cue_candidates: list[int] = field(default_factory=list)
    quote_positions: list[int] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)

    def __init__(
        self,
        text: str,
        quotes: list[Quote],
        tokens: list[Token],
        paragraph: list[int],
        sentence: list[int],
        mentions: list[Mention],
        lexicon: Lexicon,
        quote_token: list[int] | None = None,
        mention_starting: dict[int, Mention] | None = None,
        mention_ending: dict[int, Mention] | None = None,
        mention_covering: list[int] | None = None,
        decisions: list[Decision | None] | None = None,
        cue_strong: list[int] | None = None,
        cue_any: list[int] | None = None,
        by_low: dict[str, list[int]] | None = None,
        sentence_starts: list[int] | None = None,
        cue_candidates: list[int] | None = None,
        quote_positions: list[int] | None = None,
        breaks: list[int] | None = None,
    ) -> None:
        # written out: the compiled build runs it as C (the fields left out: new, empty)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "quotes", quotes)
        object.__setattr__(self, "tokens", tokens)
        object.__setattr__(self, "paragraph", paragraph)
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "mentions", mentions)
        object.__setattr__(self, "lexicon", lexicon)
        object.__setattr__(self, "quote_token", [] if quote_token is None else quote_token)
        object.__setattr__(
            self, "mention_starting", {} if mention_starting is None else mention_starting
        )
        object.__setattr__(self, "mention_ending", {} if mention_ending is None else mention_ending)
        object.__setattr__(
            self, "mention_covering", [] if mention_covering is None else mention_covering
        )
        object.__setattr__(self, "decisions", [] if decisions is None else decisions)
        object.__setattr__(self, "cue_strong", [] if cue_strong is None else cue_strong)
        object.__setattr__(self, "cue_any", [] if cue_any is None else cue_any)
        object.__setattr__(self, "by_low", {} if by_low is None else by_low)
        object.__setattr__(
            self, "sentence_starts", [] if sentence_starts is None else sentence_starts
        )
        object.__setattr__(self, "cue_candidates", [] if cue_candidates is None else cue_candidates)
        object.__setattr__(
            self, "quote_positions", [] if quote_positions is None else quote_positions
        )
        object.__setattr__(self, "breaks", [] if breaks is None else breaks)

    def word(self, i: int) -> str:
        """Return the text of token ``i``, or ``""`` outside the token list."""
        if i < 0:
            return ""
        try:  # cheaper than comparing with len() on every call
            return self.tokens[i].text
        except IndexError:
            return ""

    def low(self, i: int) -> str:
        """Return the lower-case text of token ``i``, or ``""`` outside the token list."""
        if i < 0:
            return ""
        try:  # cheaper than comparing with len() on every call
            return self.tokens[i].low
        except IndexError:
            return ""

    def kind(self, i: int) -> str:
        """Return the kind of token ``i``, or ``"end"`` outside the token list."""
        if i < 0:
            return "end"
        try:  # cheaper than comparing with len() on every call
            return self.tokens[i].kind
        except IndexError:
            return "end"

    def cue_at(self, i: int, *, weak: bool = True) -> int:
        """Return the token index one past a cue verb starting at ``i``, or -1.

        Multi-word cues ("posted on X", "pointed out") are matched first,
        longest first. ``weak`` admits verbs that signal speech only next to a
        quote ("laughed").
        """
        if i < 0:
            return -1
        try:
            return self.cue_any[i] if weak else self.cue_strong[i]
        except IndexError:
            return -1

    def _find_cues(self, i: int) -> tuple[int, int]:
        """The ends of any cue and of a strong cue starting at word ``i`` (-1 where none).

        Multi-word forms come first, longest first ("posted on X", "pointed
        out"): the first one found is the cue, and the first one with a strong
        verb the strong cue. Without a strong one, the word itself is looked at.
        """
        tokens = self.tokens
        n = len(tokens)
        lex = self.lexicon
        forms = lex.cue_forms
        tok = tokens[i]
        any_end = -1
        for size in lex.cue_phrase_sizes.get(tok.low, ()):
            if i + size <= n and all(tokens[i + k].kind == "word" for k in range(1, size)):
                verb = forms.get(" ".join([t.low for t in tokens[i : i + size]]))
                if verb is not None:
                    if any_end < 0:
                        any_end = i + size
                    if not verb.weak:
                        return any_end, i + size
        verb = forms.get(tok.low)
        if verb is None:
            verb = self._split_cue(i)
        end = -1 if verb is None else _verb_end(tokens, i, verb, _verb_grammar(lex))
        if any_end < 0:
            any_end = end
        return any_end, -1 if verb is None or verb.weak else end

    def _split_cue(self, i: int) -> CueVerb | None:
        """The separable verb whose finite form is word ``i`` and whose particle closes its clause.

        "teilte das Ministerium mit.": the particle is looked for in the next 15
        words of the sentence, up to a colon, semicolon, quote or break, and
        counts only where no word follows it ("mit, dass", "mit:" and "mit."
        close the clause; "teilte das Geld mit ihm" does not).
        """
        verbs = self.lexicon.split_cues.get(self.tokens[i].low)
        if not verbs:
            return None
        tokens = self.tokens
        for j in range(i + 1, min(i + 16, len(tokens))):
            tok = tokens[j]
            if tok.kind in ("para", "quote", "mark") or tok.text in (":", ";"):
                return None
            if not self.same_sentence(i, j):
                return None
            if tok.kind != "word":
                continue
            verb = next((v for v in verbs if v.particle == tok.low), None)
            if verb is not None and self.kind(j + 1) != "word":
                return verb
        return None

    def positions(self, low: str) -> list[int]:
        """Indices of the tokens whose lower-case text is ``low``, in order (token index)."""
        return self.by_low.get(low, [])

    def sentence_first(self, i: int) -> int:
        """Index of the first token of token ``i``'s sentence."""
        starts = self.sentence_starts
        return starts[bisect_right(starts, i) - 1] if starts else 0

    def sentence_stop(self, i: int) -> int:
        """Index one past the last token of token ``i``'s sentence."""
        starts = self.sentence_starts
        k = bisect_right(starts, i)
        return starts[k] if k < len(starts) else len(self.tokens)

    def next_quote_token(self, i: int) -> int:
        """Index of the first quote token after token ``i``, or the token count."""
        found = self.quote_positions
        k = bisect_right(found, i)
        return found[k] if k < len(found) else len(self.tokens)

    def cues_within(self, first: int, stop: int) -> list[int]:
        """The tokens from ``first`` up to ``stop`` where a cue may start, in order.

        Outside these, :meth:`cue_at` is -1.
        """
        return _between(self.cue_candidates, first, stop)

    def positions_within(self, low: str, first: int, stop: int) -> list[int]:
        """:meth:`positions` of ``low`` from token ``first`` up to ``stop``, in order."""
        return _between(self.positions(low), first, stop)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character span of tokens ``first`` up to (not including) ``last``."""
        return self.tokens[first].start, self.tokens[last - 1].end

    def same_sentence(self, i: int, j: int) -> bool:
        """Tell whether tokens ``i`` and ``j`` lie in one sentence."""
        if i < 0 or j < 0:
            return False
        try:
            return self.sentence[i] == self.sentence[j]
        except IndexError:
            return False


def build_context(text: str, quotes: Sequence[Quote], lexicon: Lexicon) -> Context:
    """Tokenise ``text`` around its top-level quotes and find every mention."""
    top = [q for q in quotes if q.depth == 0]
    marks = _quote_marks(text, top)
    tokens, by_low, capitalised, breaks = scan_tokens(
        text, [(q.start, q.end) for q in top], marks
    )
    sentence, sentence_starts = sentence_ids_and_starts(
        tokens, _sentence_cuts(by_low, breaks),
        known_abbreviations=abbreviations(lexicon.language),
        openers=sentence_openers(lexicon.language),
    )
    mentions = mentions_in_context(text, tokens, lexicon, by_low, capitalised, breaks)
    quote_positions = sorted(by_low.get("<quote>", []) + by_low.get("<quote.>", []))
    quote_token = [-1] * len(top)
    for i in quote_positions:
        quote_token[tokens[i].quote] = i
    starting: dict[int, Mention] = {}
    ending: dict[int, Mention] = {}
    for m in mentions:
        # the token indices as they are: compiled, an index read as ``int`` is boxed anew
        fields: tuple[Any, ...] = m
        starting[fields[0]] = m
        ending[fields[1]] = m
    covering = [-1] * len(tokens)
    for index, m in enumerate(mentions):  # in order, never overlapping
        if m.last - m.first == 1:
            covering[m.first] = index
        else:  # a loop, which the compiled build runs without a slice and a list
            for k in range(m.first, m.last):
                covering[k] = index
    # one pass over the distinct words that are cue words of some sort (their flags)
    classes = _cue_classes(lexicon)
    particles = lexicon.cue_particles
    candidates: set[int] = set()
    before_particle: set[int] = set()
    phrase_heads: list[str] = []
    for low in indexed_among(by_low, classes):
        flags = classes[low]
        if flags & _CUE_START:
            for i in by_low[low]:
                if tokens[i].kind == "word":
                    candidates.add(i)
        if flags & _PARTICLE:
            for i in by_low[low]:
                if i and tokens[i].text in particles and tokens[i - 1].kind == "word":
                    before_particle.add(i - 1)
        if flags & _PHRASE_HEAD:
            phrase_heads.append(low)
    with_cue = set(candidates)
    candidates |= before_particle
    # A word before a particle ("pointed out") can start a cue only as a phrase's
    # first word; the others (every word before "of" or "to") keep no cue.
    for low in phrase_heads:
        for i in by_low[low]:
            if i in before_particle:
                with_cue.add(i)
    cue_any = [-1] * len(tokens)
    cue_strong = [-1] * len(tokens)
    ctx = Context(
        text=text,
        quotes=list(top),
        tokens=tokens,
        paragraph=paragraph_ids(tokens, breaks=breaks),
        sentence=sentence,
        mentions=mentions,
        lexicon=lexicon,
        quote_token=quote_token,
        mention_starting=starting,
        mention_ending=ending,
        mention_covering=covering,
        decisions=[None] * len(top),
        cue_strong=cue_strong,
        cue_any=cue_any,
        by_low=by_low,
        sentence_starts=sentence_starts,
        cue_candidates=sorted(candidates),
        quote_positions=quote_positions,
        breaks=breaks,
    )
    # The cue tables are part of building: filled here, read-only afterwards.
    _fill_cue_tables(ctx, with_cue)
    return ctx


_CUE_START = 1
"""A word a cue may start with: a cue form's first word, or a separable verb's finite form."""
_PARTICLE = 2
"""The last word of a cue phrase ("out" of "pointed out")."""
_PHRASE_HEAD = 4
"""The first word of a cue phrase."""
_CUE_CLASSES: dict[int, tuple[Lexicon, dict[str, int]]] = {}


def _cue_classes(lex: Lexicon) -> dict[str, int]:
    """Each cue word of the lexicon and its flags (``_CUE_START`` ...), once per lexicon."""
    known = _CUE_CLASSES.get(id(lex))
    if known is not None and known[0] is lex:
        return known[1]
    classes: dict[str, int] = {}
    for words, flag in ((lex.cue_heads, _CUE_START), (frozenset(lex.split_cues), _CUE_START),
                        (lex.cue_particles, _PARTICLE),
                        (frozenset(lex.cue_phrase_sizes), _PHRASE_HEAD)):
        for word in words:
            classes[word] = classes.get(word, 0) | flag
    if len(_CUE_CLASSES) >= 8:
        _CUE_CLASSES.clear()
    _CUE_CLASSES[id(lex)] = (lex, classes)
    return classes


def _fill_cue_tables(ctx: Context, starts: Iterable[int]) -> None:
    """Set ``cue_any`` and ``cue_strong`` at ``starts`` to what ``Context._find_cues`` finds.

    A one-word cue (the most of them) is found here without a call per word.
    """
    tokens = ctx.tokens
    lex = ctx.lexicon
    forms = lex.cue_forms
    phrase_heads = lex.cue_phrase_sizes
    cue_any = ctx.cue_any
    cue_strong = ctx.cue_strong
    grammar = _verb_grammar(lex)
    for i in starts:
        low = tokens[i].low
        if low in phrase_heads:
            cue_any[i], cue_strong[i] = ctx._find_cues(i)
            continue
        verb = forms.get(low)
        if verb is None:
            verb = ctx._split_cue(i)
            if verb is None:
                continue
        cue_any[i] = end = _verb_end(tokens, i, verb, grammar)
        if not verb.weak:
            cue_strong[i] = end


def _verb_end(tokens: list[Token], i: int, verb: CueVerb, grammar: _VerbGrammar) -> int:
    """``i + 1`` when word ``i``, a form of ``verb``, is used as a verb here, else -1."""
    if i == 0:
        return 1
    before = tokens[i - 1]
    markers, roles, groups = grammar
    if before.low in markers:
        return -1  # "the report": a noun, not a verb
    tok = tokens[i]
    if tok.text[0].isupper() and before.kind == "word":
        return -1  # "Said" mid-sentence capitalised is a name
    if (
        i > 1
        and tokens[i - 2].low in markers
        and before.text.islower()
        and before.text not in roles
        and before.low not in groups  # "a third say"
        and tok.low == verb.lemma
    ):
        return -1  # "the caustic chant", "his home state": a noun
    return i + 1


def _verb_grammar(lex: Lexicon) -> _VerbGrammar:
    """The words :func:`_verb_end` reads: noun markers, role nouns, group words."""
    return lex.grammar.noun_markers, lex.role_forms, lex.grammar.group_words


def _sentence_cuts(by_low: dict[str, list[int]], breaks: list[int]) -> list[int]:
    """The tokens that may end a sentence: breaks, ``.``, ``!``, ``?`` and quotes ending one."""
    found = list(breaks)
    for low in (".", "!", "?", "<quote.>"):
        found.extend(by_low.get(low, ()))
    # words printed with their full stop: "U.S." (and "<quote.>" once more)
    for low in by_low:
        if len(low) > 1 and low[-1] == ".":
            found.extend(by_low[low])
    found.sort()
    return found


def _between(positions: list[int], first: int, stop: int) -> list[int]:
    """The sorted ``positions`` from ``first`` up to ``stop``."""
    return positions[bisect_left(positions, first) : bisect_left(positions, stop)]


def _quote_marks(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """``(start, end)`` of the quotation marks around ``quotes``, in text order."""
    marks: list[tuple[int, int]] = []
    for q in quotes:
        # compared as slices: compiled, str.startswith with a start is a generic method call
        opening, close = q.open_mark, q.close_mark
        first, last = q.start, q.end
        start = first - len(opening)
        if start >= 0 and text[start:first] == opening:  # right before: the usual case
            marks.append((start, first))
        else:
            found = _mark_before(text, q)
            if found is not None:
                marks.append(found)
        if close:
            stop = last + len(close)
            if text[last:stop] == close:  # right after
                marks.append((last, stop))
            else:
                found = _mark_after(text, q)
                if found is not None:
                    marks.append(found)
    marks.sort()
    return marks


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
