"""Clause boundaries of a document, for the claim rules.

:class:`Scanner` precomputes, once per document and in linear time, where each
sentence starts and ends and where a reported content may end: the end of the
sentence, a semicolon, colon or dash, a coordinated verb of the source ("and
has accused", "and said"), a participle or relative clause after a comma (",
saying", ", which"), a trailing attribution (", he said"), or, once the content
holds four tokens, a comma not followed by a conjunction. Look-ups are binary
searches over those positions.

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
from bisect import bisect_left, bisect_right

from quoteattr.attribution.clauses import skip_adverbs
from quoteattr.attribution.context import Context
from quoteattr.attribution.reported import ReportedSpeechWords
from quoteattr.language.claim_frames import ClaimFrames, ClaimWords
from quoteattr.language.lexicon import CueVerb
from quoteattr.language.wordlists import load_word_lists
from quoteattr.text.mentions import Mention
from quoteattr.text.tokens import indexed_among

__all__ = ["MAX_CONTENT_CHARS", "MAX_CONTENT_TOKENS", "Scanner"]

MAX_CONTENT_TOKENS = 120
"""A claim's content holds at most this many tokens (a quote is one token)."""

MAX_CONTENT_CHARS = 1200
"""A claim's content spans at most this many characters, so that the work and
output of a document stay linear in its length whatever its sentences hold
("A said that B said that ..." repeated). Annotated news contents are shorter
than 500 characters in 999 cases of 1,000."""


_ASIDE_WORDS = 3
"""Words between two commas read as an aside or a list item, not a clause boundary."""

_OPENER_SUBJECT = 7
"""Tokens of a subject and its adverbs between a conjunction and its cue ("and roughly
two in three said")."""


def _is_quote_char(word: str) -> bool:
    """Tell whether a token is a quotation mark (a term's, outside the speech quotes)."""
    return len(word) == 1 and (word in "\"'" or unicodedata.category(word) in ("Pi", "Pf", "Ps"))


def _plain_mention_ends(ctx: Context, t: int) -> bool:
    """Tell whether a mention that is no possessive ends right before token t."""
    m = ctx.mention_ending.get(t)
    return m is not None and not m.possessive


_PHRASES: dict[frozenset[str], dict[str, list[tuple[str, ...]]]] = {}


def _phrases_by_first(phrases: frozenset[str]) -> dict[str, list[tuple[str, ...]]]:
    """``phrases`` split into words, by first word, longest first (built once per list)."""
    by_first = _PHRASES.get(phrases)
    if by_first is None:
        by_first = {}
        for parts in sorted((tuple(p.split()) for p in phrases), key=len, reverse=True):
            by_first.setdefault(parts[0], []).append(parts)
        if len(_PHRASES) >= 64:
            _PHRASES.clear()
        _PHRASES[phrases] = by_first
    return by_first


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


def _merged(by_low: dict[str, list[int]], words: frozenset[str]) -> list[int]:
    """The positions of all of ``words`` in a document, in order."""
    found: list[int] = []
    for low in indexed_among(by_low, words):
        found.extend(by_low[low])
    found.sort()
    return found


def _within(positions: list[int], first: int, stop: int) -> list[int]:
    """The sorted ``positions`` from ``first`` up to ``stop``."""
    return positions[bisect_left(positions, first) : bisect_left(positions, stop)]


class _NextInSentence:
    """``self[k]``: the first hard (or soft) boundary at or after k in k's sentence, else n."""

    def __init__(self, scan: Scanner, which: int) -> None:
        self.scan, self.which = scan, which

    def __getitem__(self, k: int) -> int:
        scan = self.scan
        if k >= scan.n:
            return scan.n
        positions = scan.boundaries(k)[self.which]
        i = bisect_left(positions, k)
        return positions[i] if i < len(positions) else scan.n


class Scanner:
    """A document's claim boundaries, computed once in linear time."""

    def __init__(self, ctx: Context, frames: ClaimFrames, words: ClaimWords) -> None:
        """Precompute sentence ends and the next clause boundary of every token."""
        self.ctx = ctx
        self.frames = frames
        self.words = words
        self.time_adverbs = ctx.lexicon.grammar.adverbs - words.not_time_adverbs
        self.sentence_source: dict[int, Mention] = {}
        self._verbs: dict[int, tuple[CueVerb, int] | None] = {}
        self.full_name_ends: frozenset[str] | None = None
        """Last words of the document's names of two words or more, built when first needed."""
        self.withholding = frozenset(h.text for h in frames.hedges if h.withholds)
        self.quote_of_cue: dict[int, int] = {}
        """The quote token of each cue that attributes a quote, by the cue's start offset."""
        self.speaker_of_cue: dict[int, Mention] = {}
        """The speaker mention of each cue that attributes a quote, by the cue's start offset."""
        for qi, d in enumerate(ctx.decisions):
            if d is not None and d.cue is not None and qi < len(ctx.quote_token):
                self.quote_of_cue[d.cue[0]] = ctx.quote_token[qi]
                if d.mention is not None:
                    self.speaker_of_cue[d.cue[0]] = d.mention
        reported = load_word_lists(ReportedSpeechWords, ctx.lexicon.language)
        self.subjunctive = reported.subjunctive if reported is not None else frozenset()
        self.participle_endings = tuple(words.participle_endings) or ("\0",)
        self.past_endings = tuple(words.past_endings) or ("\0",)
        self.adverb_endings = tuple(words.adverb_endings) or ("\0",)
        self.plural_endings = tuple(words.plural_endings) or ("\0",)
        self.subjunctive_endings = tuple(words.subjunctive_endings) or ("\0",)
        self.possessive_endings = tuple(words.possessive_endings) or ("\0",)
        self.negation_endings = tuple(words.negation_endings) or ("\0",)
        self.non_plural_endings = tuple(words.non_plural_endings) or ("\0",)
        self.source_firsts = frozenset(p.split()[0] for p in words.source_prepositions)
        """First words of the source prepositions ("according" of "according to")."""
        n = len(ctx.tokens)
        self.n = n
        toks = ctx.tokens
        by_low = ctx.by_low
        starts = ctx.sentence_starts if n else [0]
        self.sent_first = _AtOrBefore(starts, 0)
        self.sent_end = _After(starts, n)
        punct = list(ctx.breaks)
        for low in indexed_among(by_low, self.words.hard_punctuation):
            punct.extend(k for k in by_low[low] if toks[k].kind == "punct")
        punct.sort()
        self.prev_punct = _AtOrBefore(punct, -1)
        """The last hard punctuation or break at or before a token: where a content
        printed before its attribution may start (a comma before "which" ends a
        content that follows its cue, not one that precedes it)."""
        self._punct = punct
        self._comma_positions = by_low.get(",", [])
        self._coordinator_positions = _merged(by_low, self.words.coordinators)
        self._opener_positions = _merged(by_low, self.words.attribution_openers)
        self._quote_commas: list[int] = []
        for qi, t in enumerate(ctx.quote_token):
            # '... "expanded the party," claiming that ...': the quote's comma ends content
            if t >= 0 and ctx.quotes[qi].text.rstrip().endswith(","):
                self._quote_commas.append(t + 1 if ctx.kind(t + 1) == "mark" else t)
        self._quote_commas.sort()
        cue_any = ctx.cue_any
        self._cues = [i for i in ctx.cue_candidates if cue_any[i] > 0]
        self._bounds: dict[int, tuple[list[int], list[int]]] = {}
        self.next_hard = _NextInSentence(self, 0)
        """The first hard boundary at or after a token in its sentence (the token count
        when none): every reader bounds it by the end of that sentence."""
        self.next_soft = _NextInSentence(self, 1)
        """The first soft boundary (a comma that ends a long content) at or after a token
        in its sentence, the token count when none."""

    def boundaries(self, k: int) -> tuple[list[int], list[int]]:
        """The hard and the soft boundaries of the sentence of token k, in order.

        Computed when a sentence is first asked about: most sentences hold no
        cue, and no rule looks for a boundary in them.
        """
        first = self.sent_first[k]
        found = self._bounds.get(first)
        if found is None:
            found = self._boundaries_within(first, self.sent_end[k])
            self._bounds[first] = found
        return found

    def _boundaries_within(self, first: int, stop: int) -> tuple[list[int], list[int]]:
        """The hard and soft boundaries of tokens first..stop (one sentence)."""
        ctx = self.ctx
        toks = ctx.tokens
        hard = _within(self._punct, first, stop)
        soft: list[int] | None = [] if self.frames.comma_ends_content else None
        commas = _within(self._comma_positions, first, stop)
        if commas:
            self._commas([k for k in commas if toks[k].kind == "punct"], hard, soft)
        for k in _within(self._coordinator_positions, first, stop):
            if self._hard_and(k):
                hard.append(k)
        for close in _within(self._quote_commas, first - 1, stop - 1):
            if self._hard_comma(close):
                hard.append(close + 1)
        cues = self._cues
        for k in _within(self._opener_positions, first, stop):
            # only a cue within the subject's reach can open a clause (a cheap filter)
            reach = k + 2 + _OPENER_SUBJECT
            m = ctx.mention_starting.get(k + 1)
            if m is not None:
                reach = max(reach, m.last + _OPENER_SUBJECT)
            i = bisect_left(cues, k + 2)
            if i < len(cues) and cues[i] < reach and self._opens_attribution(k):
                hard.append(k)
        hard.sort()
        return hard, soft if soft is not None else []

    def _commas(self, commas: list[int], hard: list[int], soft: list[int] | None) -> None:
        """Sort the commas at ``commas`` into ``hard`` and ``soft`` boundaries.

        The same tests as :meth:`_hard_comma` and :meth:`_soft_comma`, read
        from the token list in one loop (every comma of the text is tested).
        """
        ctx = self.ctx
        toks = ctx.tokens
        n = self.n
        relatives = self.words.relatives
        continuers = self.words.continuers
        cue_any = ctx.cue_any
        starting = ctx.mention_starting
        endings = self.participle_endings
        sources = self.words.source_prepositions
        source_firsts = self.source_firsts
        for k in commas:
            j = k + 1
            if j >= n:  # a comma ending the text
                if self._hard_comma(k):
                    hard.append(k)
                elif soft is not None and self._soft_comma(k):
                    soft.append(k)
                continue
            after = toks[j]
            nxt = after.low
            if (
                nxt in relatives
                or (cue_any[j] > 0 and self._cue_after_comma(k))
                or (nxt in source_firsts and self.phrase_end(j, sources) > 0)
                or (after.kind == "word" and nxt.endswith(endings) and len(nxt) > 4)
            ):
                hard.append(k)
                continue
            m = starting.get(j)
            if m is not None and ctx.cue_at(skip_adverbs(ctx, m.last)) > 0:
                hard.append(k)
                continue
            if soft is None or nxt in continuers:
                continue
            tok = toks[k]
            if k > 0 and toks[k - 1].end == tok.start and after.start == tok.end:
                continue  # "3,000"
            if self._in_short_aside(k):
                continue  # "did, in fact, discuss"
            soft.append(k)

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
        adverbs = ctx.lexicon.grammar.adverbs
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

    def source_phrase_end(self, k: int) -> int:
        """One past a source preposition ("according to", "laut") starting at token ``k``, or -1."""
        return self.phrase_end(k, self.words.source_prepositions)

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
        for step in (1, -1):
            j = k + step
            for _ in range(_ASIDE_WORDS):
                if ctx.kind(j) != "word":
                    break
                j += step
            else:
                continue
            if j != k + step and ctx.word(j) == "," and ctx.same_sentence(j, k):
                return True
        return False

    def content_end(self, first: int, *, min_tokens: int = 4) -> int:
        """One past the last token of content starting at ``first``."""
        n = self.n
        if first >= n:
            return first
        stop = min(self.sent_end[first], self.next_hard[min(first + 1, n)])
        end = min(stop, self.next_soft[min(first + min_tokens, n)], first + MAX_CONTENT_TOKENS)
        if end < stop and self._opens_with_adjunct(first, end):
            # "that if viewed that way, a bargain might work": the main clause follows the comma
            end = min(stop, self.next_soft[min(end + 1 + min_tokens, n)])
        return self.trim_end(first, self.bound_end(first, end))

    def _opens_with_adjunct(self, first: int, comma: int) -> bool:
        """Tell whether tokens first..comma are a subordinate clause or phrase before a main one."""
        ctx = self.ctx
        low = ctx.low(first)
        if low in ctx.lexicon.grammar.subordinators:
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
        ctx = self.ctx
        trim = self.words.trimmed_punctuation
        while end > first and (ctx.word(end - 1) in trim or ctx.kind(end - 1) == "para"):
            end -= 1
        return end

    def verb_at(self, c: int) -> tuple[CueVerb, int] | None:
        """The cue verb starting at token c (weak ones too) and its end, or ``None``."""
        try:
            return self._verbs[c]
        except KeyError:
            pass
        ctx = self.ctx
        found: tuple[CueVerb, int] | None = None
        end = ctx.cue_at(c)
        if end >= 0:
            form = ctx.tokens[c].low if end == c + 1 else " ".join(
                [t.low for t in ctx.tokens[c:end]]
            )
            verb = ctx.lexicon.cue_forms.get(form)
            if verb is not None and verb.lemma not in self.frames.never and not self.noun_sense(
                c, verb.lemma
            ):
                found = verb, end
        self._verbs[c] = found
        return found

    def clause_cue(self, c: int) -> tuple[str, int] | None:
        """The lemma and end of a cue verb at c that reports clauses, or ``None``."""
        found = self.verb_at(c)
        if found is None or found[0].weak:
            return None
        verb, end = found
        if not {"clause", "clause_checked"} & self.frames.frames_of(verb.lemma):
            return None
        return verb.lemma, end

    def noun_sense(self, c: int, lemma: str) -> bool:
        """Tell whether a cue form at c is a noun by its neighbours.

        After a possessive ("Kaine's remark"), and a bare form before a title
        ("Ohio state Rep. Doe").
        """
        ctx = self.ctx
        if ctx.word(c - 1).endswith(self.possessive_endings):
            return True  # "Kaine's remark"
        if ctx.low(c + 1) in self.words.relatives and not ctx.low(c).endswith(self.past_endings):
            return True  # "the states where it is legal"
        head = lemma.split(" ", 1)[0]  # "point" of "point to"
        if head in self.words.noun_homographs and self._noun_position(c, head):
            return True  # "three states are", "a red state like", "talking points to"
        if ctx.low(c) != lemma:
            return False
        nxt = ctx.word(c + 1)
        titles = ctx.lexicon.title_words
        return bool(nxt) and (nxt in titles or f"{nxt}." in titles)

    def _noun_position(self, c: int, lemma: str) -> bool:
        """Tell whether a bare or -s form at c stands where a noun does, not a verb."""
        ctx = self.ctx
        low = ctx.low(c)
        if low != lemma and not (low.startswith(lemma) and low.endswith(self.plural_endings)):
            return False
        prev = ctx.word(c - 1)
        plow = prev.lower()
        if ctx.kind(c - 1) != "word":
            return False
        if prev[:1].isdigit() or plow in self.words.quantity_words:
            return True  # "three states"
        if plow.endswith(self.participle_endings) and (
            prev.islower() or self.sent_first[c - 1] == c - 1
        ):
            return True  # "talking points", "Sticking points to": a participle before a noun
        if ctx.mention_ending.get(c) is not None or plow in self.words.subject_pronouns:
            return False  # "Ohio states", "they state"
        if prev[:1].isupper():
            return ctx.word(c + 1)[:1].isupper()  # "Battleground state Florida"
        words = self.words
        return not (
            plow in ctx.lexicon.grammar.adverbs
            or plow in words.coordinators
            or plow in words.relatives
            or plow.endswith(self.adverb_endings)
            or plow.endswith(self.plural_endings)  # "officials state"
        )

    def skip_adverbs_back(self, c: int) -> int:
        """The first of up to three adverbs or auxiliaries right before token c ("also has")."""
        ctx = self.ctx
        adverbs = ctx.lexicon.grammar.adverbs
        j = c
        for _ in range(3):
            w = ctx.low(j - 1)
            if ctx.kind(j - 1) == "word" and (
                w in adverbs or (w.endswith(self.adverb_endings) and len(w) > 4)
            ):
                j -= 1
            else:
                break
        return j

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
        for j in range(k, min(k + 20, self.n + 1)):
            kind = ctx.kind(j)
            w = ctx.low(j)
            if kind in ("end", "para") or not ctx.same_sentence(j, first - 1):
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
                or w in ctx.lexicon.grammar.trailers
                or (listener and w in words.listener_objects)
                or (listener and ctx.mention_starting.get(j) is not None)
                or (listener and (w in words.determiners or ctx.word(j)[:1].isupper()))
            ):
                return False
            if w in words.finite_auxiliaries or w in words.complementizers:
                return False
            if ctx.cue_at(j, weak=False) > 0 or w in words.question_words:
                return False
        return False

    def skip_trailers(self, k: int) -> int:
        """The first comma or sentence end at or after token k (at most 20 tokens on)."""
        ctx = self.ctx
        for j in range(k, min(k + 20, self.n)):
            if ctx.word(j) == "," or ctx.kind(j) != "word":
                return j
        return k

    def has_subjunctive(self, first: int, last: int) -> bool:
        """Tell whether tokens first..last hold a verb in the mood of reported speech ("sei")."""
        ctx = self.ctx
        pronouns = self.words.subject_pronouns
        for t in range(first, min(last, first + 40)):
            w = ctx.low(t)
            if w in self.subjunctive:
                return True
            if ctx.low(t - 1) in pronouns and w.endswith(self.subjunctive_endings) and t > first:
                return True
        return False

    def has_finite_verb(self, first: int, last: int) -> bool:
        """Tell whether tokens first..last hold a finite verb, so that they make a clause."""
        ctx = self.ctx
        words = self.words
        for t in range(first, min(last, first + 25)):
            w = ctx.low(t)
            if ctx.kind(t) != "word":
                continue
            if w in words.finite_auxiliaries or w in words.irregular_past:
                return True
            if w in self.subjunctive:
                return True
            if (
                t > first
                and ctx.low(t - 1) in words.subject_pronouns
                and w.endswith(self.subjunctive_endings)
            ):
                return True  # "man schätze", "er habe"
            if ctx.cue_at(t, weak=False) > 0 and t > first:
                return True
            if (
                t > first
                and len(w) > 4
                and w.endswith(self.past_endings)
                and ctx.low(t - 1) not in words.comparatives  # "better than expected results"
            ):
                return True
            if (
                t > first
                and len(w) > 3
                and w.endswith(self.plural_endings)
                and not w.endswith(self.non_plural_endings)
                and ctx.low(t - 1) not in words.determiners
                and not ctx.word(t - 1)[:1].isdigit()
                and ctx.kind(t - 1) == "word"
                and (
                    _plain_mention_ends(ctx, t)
                    or ctx.low(t - 1) in words.subject_pronouns
                )
            ):
                return True  # "Russia wants", "he says"
        return False

    def phrase_end(self, k: int, phrases: frozenset[str]) -> int:
        """One past the longest of ``phrases`` (words split by spaces) at token k, or -1."""
        by_first = _phrases_by_first(phrases)
        ctx = self.ctx
        for parts in by_first.get(ctx.low(k), ()):
            if all(ctx.low(k + j) == w for j, w in enumerate(parts)):
                return k + len(parts)
        return -1

    def participle_reports(self, end: int) -> bool:
        """Tell whether a participle without a comma reports speech ("claiming that ...")."""
        return self.that_ahead(end, limit=6) > 0

    def after_listener(self, k: int) -> int:
        """Skip the listener after "told" ("told reporters", "told the OSCE conference")."""
        ctx = self.ctx
        m = ctx.mention_starting.get(k)
        if m is not None:
            return self.skip_time(m.last)
        if ctx.low(k) in self.words.listener_objects:
            return self.skip_time(k + 1)
        j = self.that_ahead(k)
        return j - 1 if j > 0 else -1

    def joint_ahead(
        self, k: int, stop: int, joints: tuple[str, ...], stops: tuple[str, ...]
    ) -> int:
        """The token of a joint word ("of", "a", "to") after an object starting at k, or -1."""
        ctx = self.ctx
        for j in range(k + 1, stop):
            w = ctx.low(j)
            if w in joints:
                return j
            if ctx.kind(j) != "word" or w in stops or ctx.cue_at(j, weak=False) > 0:
                return -1
        return -1

    def second_object(self, k: int) -> bool:
        """Tell whether an object pronoun at k has a second object ("denied him a photograph")."""
        ctx = self.ctx
        words = self.words
        if ctx.low(k) not in words.object_pronouns or ctx.kind(k + 1) != "word":
            return False
        nxt = ctx.low(k + 1)
        return nxt not in words.prepositions and nxt not in words.continuers

    def skip_time(self, k: int) -> int:
        """Skip adverbs and time expressions after a cue ("said Wednesday", "said last week")."""
        ctx = self.ctx
        for _ in range(4):
            w = ctx.low(k)
            if ctx.kind(k) != "word":
                break
            if (
                w in self.words.time_words
                or w in self.time_adverbs
                or (w.endswith(self.adverb_endings) and len(w) > 4)
            ):
                k += 1
                if w in self.words.time_words and ctx.low(k) in self.words.time_nouns:
                    k += 1  # "Wednesday night"
            elif (
                w in self.words.time_openers and ctx.low(k + 1) in self.words.time_nouns
            ):
                k += 2  # "last week", "on Thursday"
            else:
                break
        return k

    def that_ahead(self, k: int, limit: int = 12) -> int:
        """After a prepositional phrase ("said in a statement that"), the token after "that"."""
        ctx = self.ctx
        for j in range(k, min(k + limit, self.sent_end[k] if k < self.n else k)):
            if ctx.kind(j) == "para" or ctx.word(j) in (".", ";", ":", "!", "?"):
                return -1
            if ctx.kind(j) in ("quote", "mark") and j == k:
                return -1  # 'said "…"': a quote, not a phrase before "that"
            if ctx.low(j) in self.words.complementizers:
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
