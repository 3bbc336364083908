"""Clause boundaries of a document, for the claim rules.

:class:`Scanner` precomputes, once per document and in linear time, where each
sentence starts and ends and where a reported content may end: the end of the
sentence, a semicolon, colon or dash, a coordinated verb of the source ("and
has accused", "and said"), a participle or relative clause after a comma (",
saying", ", which"), a trailing attribution (", he said"), or, once the content
holds four tokens, a comma not followed by a conjunction. Look-ups are binary
searches over those positions.

Example:
    >>> from quoteattr.language.claim_frames import load_claim_frames
    >>> from quoteattr.attribution.context import build_context
    >>> from quoteattr.language.lexicon import load_lexicon
    >>> ctx = build_context("Turkey says the jet crossed, which Russia denies.", [], load_lexicon())
    >>> scan = Scanner(ctx, load_claim_frames())
    >>> [t.text for t in ctx.tokens[2 : scan.content_end(2)]]
    ['the', 'jet', 'crossed']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from quoteattr.attribution.clauses import noun_phrase_opening_sentence, skip_adverbs, subject_before
from quoteattr.attribution.context import ADVERBS, Context
from quoteattr.language.claim_frames import ClaimFrames
from quoteattr.text.mentions import Mention
from quoteattr.text.tokens import indexed_among

__all__ = ["Scanner"]

_TIME_ADVERBS = ADVERBS - {"has", "had", "have", "was", "is", "were"}
"""Adverbs skipped after a cue; not the auxiliaries the shared list also holds."""

_SUBJECT_PRONOUNS = frozenset("he she it they we i you there".split())
_DETERMINERS = frozenset(
    """the a an his her its their our my your this these those some no all both each every
    any many several few most one two three four five""".split()
)
_PREPOSITIONS = frozenset(
    """at in on during after before from to via by while when with through over amid
    following""".split()
)
_TIME_WORDS = frozenset(
    """today yesterday tonight monday tuesday wednesday thursday friday saturday sunday earlier
    later recently afterwards afterward""".split()
)
_TIME_AFTER_LAST = frozenset(  # after "last", "this", "next" or "on"
    "week month year night weekend monday tuesday wednesday thursday friday saturday sunday".split()
)
_CONTINUERS = frozenset(
    """and but or nor yet while although though because since so if unless whereas when as until
    than that whether""".split()
)
_RELATIVES = frozenset("which who whom whose where".split())
_HARD_PUNCT = frozenset({";", ":", "—", "–", "--", "―", "-"})
_TRIM = frozenset({",", ".", ";", ":", "!", "?", "(", "—", "–", "-", "―", "…"})
_AND = frozenset({"and", "but"})
_AUXILIARIES = frozenset("has have had also then later would will".split())
_PASSIVE = frozenset("was were been being is are be".split())
_MAX_SENTENCE_SUBJECT = 200
_BARE_SUBJECT_STOP = frozenset(
    """it this that these those there here what which who how why when where if as but and or so
    then also not no is are was were has have had will would can could should may might must do
    does did to of in on at for by with from about after before it's""".split()
)
_QUESTION_WORDS = frozenset("if whether what why how when where who which".split())
_FINITE = frozenset(
    """is are was were will would can could should must may might has have had do does did
    shall""".split()
)


class _AtOrBefore:
    """``self[k]``: the last position at or before k (``default`` when none)."""

    def __init__(self, positions: list[int], default: int) -> None:
        self.positions, self.default = positions, default

    def __getitem__(self, k: int) -> int:
        i = bisect_right(self.positions, k)
        return self.positions[i - 1] if i else self.default


class _AtOrAfter(_AtOrBefore):
    """``self[k]``: the first position at or after k (``default`` when none)."""

    def __getitem__(self, k: int) -> int:
        i = bisect_left(self.positions, k)
        return self.positions[i] if i < len(self.positions) else self.default


class _After(_AtOrBefore):
    """``self[k]``: the first position after k (``default`` when none)."""

    def __getitem__(self, k: int) -> int:
        i = bisect_right(self.positions, k)
        return self.positions[i] if i < len(self.positions) else self.default


class Scanner:
    """A document's claim boundaries, computed once in linear time."""

    def __init__(self, ctx: Context, frames: ClaimFrames) -> None:
        """Precompute sentence ends and the next clause boundary of every token."""
        self.ctx = ctx
        self.frames = frames
        n = len(ctx.tokens)
        self.n = n
        toks = ctx.tokens
        by_low = ctx.by_low
        starts = ctx.sentence_starts if n else [0]
        hard = list(ctx.breaks)
        for low in indexed_among(by_low, _HARD_PUNCT):
            hard.extend(k for k in by_low[low] if toks[k].kind == "punct")
        soft: list[int] = []
        for k in by_low.get(",", ()):
            if toks[k].kind != "punct":
                continue
            if self._hard_comma(k):
                hard.append(k)
            elif self._soft_comma(k):
                soft.append(k)
        for low in indexed_among(by_low, _AND):
            hard.extend(k for k in by_low[low] if self._hard_and(k))
        hard.sort()
        self.sent_first = _AtOrBefore(starts, 0)
        self.sent_end = _After(starts, n)
        self.prev_hard = _AtOrBefore(hard, -1)
        self.next_hard = _AtOrAfter(hard, n)
        self.next_soft = _AtOrAfter(soft, n)

    def _hard_and(self, k: int) -> bool:
        """Tell whether "and said", "and has accused" (the source's next verb) ends content."""
        ctx = self.ctx
        if ctx.cue_at(k + 1, weak=False) > 0:
            return True
        nxt = ctx.low(k + 1)
        return nxt in _AUXILIARIES and (
            ctx.cue_at(k + 2, weak=False) > 0 or ctx.low(k + 2).endswith("ed")
        )

    def _hard_comma(self, k: int) -> bool:
        """Tell whether a comma before "which", "according to", "saying", "he said" ends content."""
        ctx = self.ctx
        nxt = ctx.low(k + 1)
        if nxt in _RELATIVES or nxt == "according" or ctx.cue_at(k + 1) > 0:
            return True
        if ctx.kind(k + 1) == "word" and nxt.endswith("ing") and len(nxt) > 4:
            return True
        m = ctx.mention_starting.get(k + 1)
        return m is not None and ctx.cue_at(skip_adverbs(ctx, m.last)) > 0

    def _soft_comma(self, k: int) -> bool:
        """A comma not followed by a conjunction ends a content of four tokens or more."""
        ctx = self.ctx
        tok = ctx.tokens[k]
        if (
            0 < k < self.n - 1
            and ctx.tokens[k - 1].end == tok.start
            and ctx.tokens[k + 1].start == tok.end
        ):
            return False  # "3,000"
        return ctx.low(k + 1) not in _CONTINUERS

    def content_end(self, first: int, *, min_tokens: int = 4) -> int:
        """One past the last token of content starting at ``first``."""
        n = self.n
        if first >= n:
            return first
        end = min(
            self.sent_end[first],
            self.next_hard[min(first + 1, n)],
            self.next_soft[min(first + min_tokens, n)],
        )
        while end > first and (self.ctx.word(end - 1) in _TRIM or self.ctx.kind(end - 1) == "para"):
            end -= 1
        return end

    def source_before(self, c: int) -> Mention | None:
        """The source of a cue verb at token ``c``: its subject or a sentence-opening phrase."""
        ctx = self.ctx
        if c - self.sent_first[c] > _MAX_SENTENCE_SUBJECT:
            m = ctx.mention_ending.get(c)
            return None if m is None or m.possessive else m
        b = c
        if ctx.low(b - 1) in _TIME_WORDS:  # "who on Thursday vowed"
            b -= 1
            if ctx.low(b - 1) in ("on", "last", "this"):
                b -= 1
        return (
            subject_before(ctx, b)
            or noun_phrase_opening_sentence(ctx, b)
            or self._bare_subject(b)
        )

    def _bare_subject(self, c: int) -> Mention | None:
        """A short bare noun phrase opening the sentence ("Analysts say", "Thirty percent said")."""
        ctx = self.ctx
        first = self.sent_first[c] if c < self.n else c
        while first < c and ctx.kind(first) in ("para", "mark"):
            first += 1
        if not 0 < c - first <= 4 or ctx.low(c - 1) in _BARE_SUBJECT_STOP:
            return None
        for t in range(first, c):
            low = ctx.low(t)
            if ctx.kind(t) != "word" or low in _BARE_SUBJECT_STOP or ctx.cue_at(t) > 0:
                return None
        start, end = ctx.span(first, c)
        plural = ctx.low(c - 1).endswith("s")
        return Mention(
            first,
            c,
            start,
            end,
            ctx.text[start:end],
            "description",
            ctx.text[start:end],
            None,
            False,
            "collective" if plural else "anonymous",
        )

    def skip_time(self, k: int) -> int:
        """Skip adverbs and time expressions after a cue ("said Wednesday", "said last week")."""
        ctx = self.ctx
        for _ in range(4):
            w = ctx.low(k)
            if ctx.kind(k) != "word":
                break
            if (
                w in _TIME_WORDS
                or w in _TIME_ADVERBS
                or (w.endswith("ly") and len(w) > 4)
            ):
                k += 1
            elif (
                w in ("last", "this", "next", "on") and ctx.low(k + 1) in _TIME_AFTER_LAST
            ):
                k += 2  # "last week", "on Thursday"
            else:
                break
        return k

    def that_ahead(self, k: int, limit: int = 12) -> int:
        """After a prepositional phrase ("said in a statement that"), the token after "that"."""
        ctx = self.ctx
        for j in range(k, min(k + limit, self.sent_end[k] if k < self.n else k)):
            if ctx.kind(j) in ("para", "quote", "mark") or ctx.word(j) in (".", ";", ":", "!", "?"):
                return -1
            if ctx.low(j) == "that":
                return j + 1
            if ctx.cue_at(j, weak=False) > 0:
                return -1
        return -1

    def opens_clause(self, k: int, *, loose: bool) -> bool:
        """Tell whether token ``k`` can open a reported clause.

        Strict: "that" was printed, or a subject pronoun. Loose (for verbs that
        rarely take a plain object, like "say"): also a determiner, a name, a
        number.
        """
        ctx = self.ctx
        if ctx.kind(k) != "word" or not ctx.same_sentence(k, k - 1):
            return False
        w = ctx.word(k)
        low = w.lower()
        if low in _SUBJECT_PRONOUNS:
            return True
        if not loose:
            return False
        if low in _DETERMINERS or w[0].isdigit():
            return True
        if w[0].isupper():
            return low not in _TIME_WORDS and low not in _PREPOSITIONS
        if low in _PREPOSITIONS or low in _CONTINUERS or low.endswith("ly"):
            return False
        # a bare noun subject: "said relations can no longer be", "said troops were"
        return any(
            ctx.low(j) in _FINITE
            for j in range(k + 1, min(k + 4, self.n))
            if ctx.kind(j) == "word"
        )
