"""Clause boundaries of a document, for the claim rules.

:class:`Scanner` knows, for a document, where each sentence starts and ends
and where a reported content may end: the end of the sentence, a semicolon,
colon or dash, a coordinated verb of the source ("and has accused", "and
said"), a participle or relative clause after a comma (", saying", ",
which"), a trailing attribution (", he said"), or, once the content holds four
tokens, a comma not followed by a conjunction. The candidates (punctuation,
commas, coordinators, openers) are listed once per document; each is tested
when a content first reaches it, within a content's reach, so the work stays
linear. Word-level look-ups come from :class:`~quoteattr.claims.reading.WordReader`.

Example:
    >>> from quoteattr.language.claim_frames import load_claim_frames, load_claim_words
    >>> from quoteattr.attribution.context import build_context
    >>> from quoteattr.language.lexicon import load_lexicon
    >>> ctx = build_context("Turkey says the jet crossed, which Russia denies.", [], load_lexicon())
    >>> scan = Scanner(ctx, load_claim_frames(), load_claim_words())
    >>> [t.text for t in ctx.tokens[2 : scan.content_end(2)]]
    ['the', 'jet', 'crossed']
"""

from __future__ import annotations

import unicodedata
from itertools import chain
from typing import Final

from quoteattr.attribution.clauses import skip_adverbs
from quoteattr.attribution.context import Context
from quoteattr.attribution.words import first_from
from quoteattr.claims.positions import AtOrBefore
from quoteattr.claims.reading import NO_TOKEN, WordReader
from quoteattr.language.claim_frames import ClaimFrames, ClaimWords
from quoteattr.text.mentions import Mention
from quoteattr.text.tokens import indexed_among

__all__ = ["MAX_CONTENT_CHARS", "MAX_CONTENT_TOKENS", "Scanner"]

MAX_CONTENT_TOKENS: Final = 120
"""A claim's content holds at most this many tokens (a quote is one token)."""

MAX_CONTENT_CHARS: Final = 1200
"""A claim's content spans at most this many characters, so that the work and
output of a document stay linear in its length whatever its sentences hold
("A said that B said that ..." repeated). Annotated news contents are shorter
than 500 characters in 999 cases of 1,000."""


_NEITHER: Final = 0
_HARD: Final = 1
_SOFT: Final = 2
"""What a comma is: no boundary, a hard one, a soft one."""

_UNTESTED: Final = -1
"""A boundary candidate not tested yet."""

_ASIDE_WORDS: Final = 3
"""Words between two commas read as an aside or a list item, not a clause boundary."""

_OPENER_SUBJECT: Final = 7
"""Tokens of a subject and its adverbs between a conjunction and its cue ("and roughly
two in three said")."""


def _is_quote_char(word: str) -> bool:
    """Tell whether a token is a quotation mark (a term's, outside the speech quotes)."""
    return len(word) == 1 and (word in "\"'" or unicodedata.category(word) in ("Pi", "Pf", "Ps"))


def _ends_with_comma(text: str) -> bool:
    """Tell whether ``text`` ends with a comma, trailing blanks aside (without copying it)."""
    if text.endswith(","):
        return True
    return text[-1:].isspace() and text.rstrip().endswith(",")


class Scanner(WordReader):
    """A document's claim boundaries, computed in linear time (a sentence's when first needed)."""

    def __init__(self, ctx: Context, frames: ClaimFrames, words: ClaimWords) -> None:
        """Precompute sentence ends and the next clause boundary of every token."""
        super().__init__(ctx, frames, words)
        self.sentence_source: dict[int, Mention] = {}
        self.full_name_ends: frozenset[str] | None = None
        """Last words of the document's names of two words or more, built when first needed."""
        self.quote_of_cue: dict[int, int] = {}
        """The quote token of each cue that attributes a quote, by the cue's start offset."""
        self.speaker_of_cue: dict[int, Mention] = {}
        """The speaker mention of each cue that attributes a quote, by the cue's start offset."""
        for qi, d in enumerate(ctx.decisions):
            if d is not None and d.cue is not None and qi < len(ctx.quote_token):
                self.quote_of_cue[d.cue[0]] = ctx.quote_token[qi]
                if d.mention is not None:
                    self.speaker_of_cue[d.cue[0]] = d.mention
        toks = ctx.tokens
        by_low = ctx.by_low
        punct = list(ctx.breaks)
        for low in indexed_among(by_low, self.words.hard_punctuation):
            punct.extend(k for k in by_low[low] if toks[k].kind == "punct")
        punct.sort()
        self.prev_punct = AtOrBefore(punct, -1)
        """The last hard punctuation or break at or before a token: where a content
        printed before its attribution may start (a comma before "which" ends a
        content that follows its cue, not one that precedes it)."""
        self._punct = set(punct)
        commas = by_low.get(",", [])  # punctuation, not a word's comma: tested when reached
        self._after_quote_comma: set[int] = set()
        """The tokens right after a quote that ends with a comma (and its closing mark)."""
        quotes = ctx.quotes
        for qi, t in enumerate(ctx.quote_token):
            # '... "expanded the party," claiming that ...': the quote's comma ends content
            if t >= 0 and _ends_with_comma(quotes[qi].text):
                self._after_quote_comma.add((t + 1 if ctx.kind(t + 1) == "mark" else t) + 1)
        # sorted runs merged by one sort; a position listed twice is tested once (remembered)
        self._candidates = sorted(
            chain(
                punct,
                self._after_quote_comma,
                commas,
                *[by_low[low] for low in indexed_among(by_low, self.joining_words)],
            )
        )
        """Where a clause boundary may stand, each tested when a content first reaches it."""
        self._comma_positions = commas
        self._cues: list[int] | None = None
        self._hard_at: list[int] = [_UNTESTED] * len(toks)
        """Whether each boundary candidate is hard (_HARD, _NEITHER), once tested."""
        self._comma_at: dict[int, int] = {}
        self._ends: dict[tuple[int, int], int] = {}
        """Content ends by first token and minimum length, for lengths other than four."""
        self._ends_of_four: list[int] = [-1] * len(toks)
        """The end of a content of four tokens or more from each token (-1: not found yet)."""

    def cue_positions(self) -> list[int]:
        """The tokens where a cue verb starts (weak ones too), in order."""
        if self._cues is None:
            cue_any = self.ctx.cue_any
            self._cues = [i for i in self.ctx.cue_candidates if cue_any[i] > 0]
        return self._cues

    def first_hard(self, k: int, limit: int) -> int:
        """The first hard boundary from token k up to ``limit``, or ``limit`` when none.

        Hard: a break, hard punctuation, a comma before a relative, a
        participle or an attribution, a coordinated cue, a quote's closing
        comma, a conjunction opening a clause with its own source and cue.
        """
        positions = self._candidates
        i = first_from(positions, k)
        hard_at = self._hard_at
        stop = min(limit, self.n)  # a quote's closing comma may end the text: no token after it
        while i < len(positions):
            p = positions[i]
            if p >= stop:
                break
            hard = hard_at[p]  # 0 <= p < stop <= n
            if hard == _UNTESTED:
                hard = hard_at[p] = _HARD if self._is_hard(p) else _NEITHER
            if hard == _HARD:
                return p
            i += 1
        return limit

    def first_soft(self, k: int, limit: int) -> int:
        """The first soft boundary (a comma ending a long content) from token k up to ``limit``.

        ``limit`` when there is none.
        """
        if not self.comma_ends_content:
            return limit
        positions = self._comma_positions
        toks = self.ctx.tokens
        i = first_from(positions, k)
        while i < len(positions):
            p = positions[i]
            if p >= limit:
                break
            if toks[p].kind == "punct" and self._comma_class(p) == _SOFT:
                return p
            i += 1
        return limit

    def _is_hard(self, p: int) -> bool:
        """Tell whether the boundary candidate at token p is a hard boundary."""
        tok = self.ctx.tokens[p]
        words = self.words
        low = tok.low
        if p in self._punct:
            return True
        if low == "," and tok.kind == "punct" and self._comma_class(p) == _HARD:
            return True
        if low in words.coordinators and self._hard_and(p):
            return True
        if p in self._after_quote_comma and self._hard_comma(p - 1):
            return True
        return low in words.attribution_openers and self._opener_opens(p)

    def _opener_opens(self, k: int) -> bool:
        """Tell whether a conjunction at k opens an attribution, with a cheap filter first."""
        # only a cue within the subject's reach can open a clause
        reach = k + 2 + _OPENER_SUBJECT
        m = self.ctx.mention_starting.get(k + 1)
        if m is not None:
            reach = max(reach, m.last + _OPENER_SUBJECT)
        cues = self.cue_positions()
        i = first_from(cues, k + 2)
        return i < len(cues) and cues[i] < reach and self._opens_attribution(k)

    def _commas(self, commas: list[int], hard: list[int], soft: list[int] | None) -> None:
        """Sort the commas at ``commas`` into ``hard`` and ``soft`` boundaries.

        The same tests as :meth:`_hard_comma` and :meth:`_soft_comma`, read
        from the token list (:meth:`_comma_class`).
        """
        for k in commas:
            found = self._comma_class(k, soft=soft is not None)
            if found == _HARD:
                hard.append(k)
            elif found == _SOFT and soft is not None:
                soft.append(k)

    def _comma_class(self, k: int, *, soft: bool = True) -> int:
        """Whether the comma at k is a hard boundary, a soft one, or neither (remembered)."""
        known = self._comma_at.get(k) if soft else None
        if known is not None:
            return known
        found = self._comma_of(k, soft=soft)
        if soft:
            self._comma_at[k] = found
        return found

    def _comma_of(self, k: int, *, soft: bool) -> int:
        """:meth:`_comma_class`, computed: the tests of _hard_comma and _soft_comma in one."""
        ctx = self.ctx
        toks = ctx.tokens
        j = k + 1
        if j >= self.n:  # a comma ending the text
            if self._hard_comma(k):
                return _HARD
            return _SOFT if soft and self._soft_comma(k) else _NEITHER
        after = toks[j]
        nxt = after.low
        if (
            nxt in self.words.relatives
            or (ctx.cue_any[j] > 0 and self._cue_after_comma(k))
            or (nxt in self.source_firsts and self.source_phrase_end(j) > 0)
            or (after.kind == "word" and nxt.endswith(self.participle_endings) and len(nxt) > 4)
        ):
            return _HARD
        m = ctx.mention_starting.get(j)
        if m is not None and ctx.cue_at(skip_adverbs(ctx, m.last)) > 0:
            return _HARD
        if not soft or nxt in self.words.continuers:
            return _NEITHER
        tok = toks[k]
        if k > 0 and toks[k - 1].end == tok.start and after.start == tok.end:
            return _NEITHER  # "3,000"
        if self._in_short_aside(k):
            return _NEITHER  # "did, in fact, discuss"
        return _SOFT

    def _hard_and(self, k: int) -> bool:
        """Tell whether "and said", "and has accused" (the source's next verb) ends content."""
        ctx = self.ctx
        if ctx.cue_at(k + 1, weak=False) > 0:
            return True
        nxt = ctx.low(k + 1)
        if ctx.cue_at(k + 1) > 0 and nxt.endswith(self.past_endings):
            return True  # "defended the plan and mentioned ...": a weak cue in the past tense
        return nxt in self.words.coordinated_auxiliaries and (
            ctx.cue_at(k + 2, weak=False) > 0 or ctx.low(k + 2).endswith(self.past_endings)
        )

    def _opens_attribution(self, k: int) -> bool:
        """Tell whether a conjunction at k opens a clause with its own source and cue.

        "..., and three in four said ...", "..., but officials say ...", "...
        while only half of voters say ...": a subject of a few words, then a
        cue verb that reports clauses.
        """
        ctx = self.ctx
        words = self.words
        j = k + 1
        if ctx.kind(j) != "word":
            return False
        m = ctx.mention_starting.get(j)
        if m is not None and not m.possessive:
            j = m.last
        elif ctx.low(j) in words.subject_pronouns:
            j += 1
        adverbs = self.adverbs
        for t in range(j, min(j + _OPENER_SUBJECT, self.n)):
            if ctx.kind(t) != "word":
                return False
            low = ctx.low(t)
            if ctx.cue_at(t, weak=False) > 0:
                found = self.verb_at(t)
                if found is None:
                    continue  # "but multiple reports reveal": a noun
                return t > k + 1 and not found[0].weak and (
                    not low.endswith(self.participle_endings)
                    or ctx.low(t - 1) in words.passive_auxiliaries  # "and Doe is promising"
                )
            if low in words.complementizers or low in words.relatives:
                return False
            if t == j or low in adverbs or m is None:
                continue
            return False  # a mention or pronoun, then neither an adverb nor a cue
        return False

    def _hard_comma(self, k: int) -> bool:
        """Tell whether a comma before "which", "according to", "saying", "he said" ends content."""
        ctx = self.ctx
        nxt = ctx.low(k + 1)
        if nxt in self.words.relatives or self._cue_after_comma(k):
            return True
        if nxt in self.source_firsts and self.source_phrase_end(k + 1) > 0:
            return True
        if ctx.kind(k + 1) == "word" and nxt.endswith(self.participle_endings) and len(nxt) > 4:
            return True
        m = ctx.mention_starting.get(k + 1)
        return m is not None and ctx.cue_at(skip_adverbs(ctx, m.last)) > 0

    def _cue_after_comma(self, k: int) -> bool:
        """Tell whether a cue after the comma at k ends content (not "did, in fact, discuss")."""
        ctx = self.ctx
        if ctx.cue_at(k + 1) < 0:
            return False
        return ctx.cue_at(k + 1, weak=False) > 0 or not self._in_short_aside(k)

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
        if self._in_short_aside(k):
            return False  # "did, in fact, discuss", "jobs, taxes, roads and schools"
        return ctx.low(k + 1) not in self.words.continuers

    def _in_short_aside(self, k: int) -> bool:
        """Tell whether the comma at k opens or closes one to three words between commas."""
        ctx = self.ctx
        toks = ctx.tokens
        n = self.n
        for step in (1, -1):
            j = k + step
            for _ in range(_ASIDE_WORDS):
                if not 0 <= j < n or toks[j].kind != "word":
                    break
                j += step
            else:
                continue
            if j != k + step and 0 <= j < n and toks[j].text == "," and ctx.same_sentence(j, k):
                return True
        return False

    def content_end(self, first: int, *, min_tokens: int = 4) -> int:
        """One past the last token of content starting at ``first``."""
        n = self.n
        if first >= n:
            return first
        if min_tokens == 4 and first >= 0:  # the default: read per token, no key tuple
            end = self._ends_of_four[first]
            if end < 0:
                end = self._ends_of_four[first] = self._content_end(first, 4)
            return end
        known = self._ends.get((first, min_tokens))
        if known is not None:
            return known
        found = self._content_end(first, min_tokens)
        self._ends[first, min_tokens] = found
        return found

    def _content_end(self, first: int, min_tokens: int) -> int:
        """:meth:`content_end`, computed."""
        # a content holds at most MAX_CONTENT_TOKENS (bound_end): no boundary further on
        # matters, and none is looked for (linear time in a sentence without full stops)
        stop = self.first_hard(first + 1, min(self.sent_end[first], first + MAX_CONTENT_TOKENS + 1))
        end = min(self.first_soft(first + min_tokens, stop), first + MAX_CONTENT_TOKENS)
        if end < stop and self._opens_with_adjunct(first, end):
            # "that if viewed that way, a bargain might work": the main clause follows the comma
            end = self.first_soft(end + 1 + min_tokens, stop)
        return self.trim_end(first, self.bound_end(first, end))

    def _opens_with_adjunct(self, first: int, comma: int) -> bool:
        """Tell whether tokens first..comma are a subordinate clause or phrase before a main one."""
        ctx = self.ctx
        low = ctx.low(first)
        if low in self.subordinators:
            return True
        return low in self.words.prepositions and not self.has_finite_verb(first, comma)

    def bound_end(self, first: int, end: int) -> int:
        """``end``, moved back so that tokens ``first:end`` span at most MAX_CONTENT_CHARS."""
        toks = self.ctx.tokens
        end = min(end, first + MAX_CONTENT_TOKENS)
        if end > first and toks[end - 1].end - toks[first].start > MAX_CONTENT_CHARS:
            limit = toks[first].start + MAX_CONTENT_CHARS
            while end > first + 1 and toks[end - 1].end > limit:
                end -= 1
        return end

    def bound_first(self, first: int, last: int) -> int:
        """``first``, moved on so that tokens ``first:last`` span at most MAX_CONTENT_CHARS."""
        toks = self.ctx.tokens
        first = max(first, last - MAX_CONTENT_TOKENS)
        if last > first and toks[last - 1].end - toks[first].start > MAX_CONTENT_CHARS:
            limit = toks[last - 1].end - MAX_CONTENT_CHARS
            while first < last - 1 and toks[first].start < limit:
                first += 1
        return first

    def trim_end(self, first: int, end: int) -> int:
        """``end``, moved back over trailing punctuation and paragraph breaks."""
        toks = self.ctx.tokens
        n = self.n
        trim = self.words.trimmed_punctuation
        while end > first:
            tok = toks[end - 1] if 0 < end <= n else NO_TOKEN
            if tok.text not in trim and tok.kind != "para":
                break
            end -= 1
        return end

    def attribution_ends_sentence(self, k: int, *, listener: bool = False) -> bool:
        """After a trailing attribution's cue or source at token k, tell whether nothing follows.

        Time words, a listener ("told reporters") and prepositional phrases may
        follow ("said in a statement on Monday"); a clause may not ("said the
        plan was dead", "told reporters that").
        """
        ctx = self.ctx
        words = self.words
        k = self.skip_time(k)
        first = k
        toks = ctx.tokens
        n = self.n
        sentence = ctx.sentence
        if k >= n or k <= 0:
            return k <= n  # the text ends here; or token k - 1 is in no sentence
        own = sentence[first - 1]
        for j in range(k, min(k + 20, n + 1)):
            if j == n:
                return True
            tok = toks[j]
            kind = tok.kind
            w = tok.low
            if kind == "para" or sentence[j] != own:
                return True
            if kind == "punct" and _is_quote_char(w):
                return False  # 'says the "Axis of Evil" is …': a term inside a clause
            if kind == "punct":
                nxt = ctx.low(j + 1)
                if w == ":":  # 'Doe said: …' introduces what follows, unless it is a quote
                    return ctx.kind(j + 1) in ("mark", "quote")
                # 'Doe said, "…"' and 'Doe said on Monday, that …' introduce what follows
                return not (
                    w == ","
                    and (ctx.kind(j + 1) in ("mark", "quote") or nxt in words.complementizers)
                )
            if kind != "word":
                return False  # a quote follows: 'Doe said "…"'
            if j == first and not (
                w in words.prepositions
                or w in self.trailers
                or (listener and w in words.listener_objects)
                or (listener and ctx.mention_starting.get(j) is not None)
                or (listener and (w in words.determiners or ctx.word(j)[:1].isupper()))
            ):
                return False
            if w in words.finite_auxiliaries or w in words.complementizers:
                return False
            if ctx.cue_strong[j] > 0 or w in words.question_words:
                return False
        return False

    def opens_clause(self, k: int, *, loose: bool) -> bool:
        """Tell whether token ``k`` can open a reported clause.

        Strict: "that" was printed, or a subject pronoun. Loose (for verbs that
        rarely take a plain object, like "say"): also a determiner, a name, a
        number.
        """
        ctx = self.ctx
        if not 0 < k < self.n:
            return False  # no word, or the first token (no token before it in its sentence)
        tok = ctx.tokens[k]
        if tok.kind != "word" or ctx.sentence[k] != ctx.sentence[k - 1]:
            return False
        w = tok.text
        low = w.lower()
        if low in self.words.subject_pronouns:
            return True
        if not loose:
            return False
        if low in self.words.determiners or w[0].isdigit():
            return True
        if w[0].isupper():
            return low not in self.words.time_words and low not in self.words.prepositions
        words = self.words
        if low in words.prepositions or low in words.continuers:
            return False
        if low.endswith(self.adverb_endings):
            return False
        # a bare noun subject: "said relations can no longer be", "says praise helps"
        return self.has_finite_verb(k, self.content_end(k))
