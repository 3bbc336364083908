"""The built-in claim rules: reported speech found around cue verbs.

A claim rule looks at one token of a prepared
:class:`~quoteattr.context.Context` and either returns a :class:`Found` (who
claims, by which cue, which tokens hold the content) or ``None``. Rules are
named after the pattern they recognise, and that name is what
:attr:`quoteattr.models.Claim.rule` reports.

Content runs from where the rule says it starts to the first clause boundary:
the end of the sentence, a semicolon, colon or dash, a coordinated verb of the
source ("and has accused", "and said"), a participle or relative clause after a
comma (", saying", ", which"), a trailing attribution (", he said"), or, once
the content holds four tokens, a comma not followed by a conjunction. Each
boundary is precomputed once per document, so every look-up is constant time.

Example:
    >>> [rule.name for rule in CLAIM_RULES][:2]
    ['quoted_name_as_saying_clause', 'according_to_name_clause']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from quoteattr.claim_frames import ClaimFrames
from quoteattr.context import ADVERBS, Context
from quoteattr.mentions import Mention
from quoteattr.rules import (
    _attribution_ends,
    _np_after,
    _np_starting_sentence,
    _skip_adverbs,
    _skip_aside,
    _speaker_mention,
    _subject_before,
)

__all__ = ["CLAIM_RULES", "ClaimRule", "Found", "Scanner"]

_SUBJECT_PRONOUNS = frozenset("he she it they we i you there".split())
_DETERMINERS = frozenset(
    """the a an his her its their our my your this these those some no all both each every
    any many several few most one two three four five""".split()
)
_OBJECT_WORDS = frozenset(
    """him her them us me you reporters journalists lawmakers supporters voters listeners
    viewers parliament congress""".split()
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


@dataclass(frozen=True, slots=True)
class Found:
    """What a claim rule found.

    Attributes:
        rule: The rule's name.
        confidence: How sure the rule is, 0 to 1.
        mention: Where the source is named.
        cue: ``(first, last)`` tokens of the cue.
        lemma: The cue's base form.
        first: First token of the content.
        last: One past the last token of the content.
    """

    rule: str
    confidence: float
    mention: Mention
    cue: tuple[int, int]
    lemma: str
    first: int
    last: int


class Scanner:
    """A document's claim boundaries, computed once in linear time."""

    def __init__(self, ctx: Context, frames: ClaimFrames) -> None:
        """Precompute sentence ends and the next clause boundary of every token."""
        self.ctx = ctx
        self.frames = frames
        n = len(ctx.tokens)
        self.n = n
        sent = ctx.sentence
        toks = ctx.tokens
        starts = [0] + [k for k in range(1, n) if sent[k] != sent[k - 1]]
        hard: list[int] = []
        soft: list[int] = []
        for k in [k for k, t in enumerate(toks) if t.kind in ("para", "punct") or t.low in _AND]:
            tok = toks[k]
            if tok.kind == "para" or tok.text in _HARD_PUNCT:
                hard.append(k)
            elif tok.text == ",":
                if self._hard_comma(k):
                    hard.append(k)
                elif self._soft_comma(k):
                    soft.append(k)
            elif tok.low in _AND and self._hard_and(k):
                hard.append(k)
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
        nxt = ctx.word(k + 1).lower()
        return nxt in _AUXILIARIES and (
            ctx.cue_at(k + 2, weak=False) > 0 or ctx.word(k + 2).lower().endswith("ed")
        )

    def _hard_comma(self, k: int) -> bool:
        """Tell whether a comma before "which", "according to", "saying", "he said" ends content."""
        ctx = self.ctx
        nxt = ctx.word(k + 1).lower()
        if nxt in _RELATIVES or nxt == "according" or ctx.cue_at(k + 1) > 0:
            return True
        if ctx.kind(k + 1) == "word" and nxt.endswith("ing") and len(nxt) > 4:
            return True
        m = ctx.mention_starting.get(k + 1)
        return m is not None and ctx.cue_at(_skip_adverbs(ctx, m.last)) > 0

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
        return ctx.word(k + 1).lower() not in _CONTINUERS

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
        if ctx.word(b - 1).lower() in _TIME_WORDS:  # "who on Thursday vowed"
            b -= 1
            if ctx.word(b - 1).lower() in ("on", "last", "this"):
                b -= 1
        return _subject_before(ctx, b) or _np_starting_sentence(ctx, b) or self._bare_subject(b)

    def _bare_subject(self, c: int) -> Mention | None:
        """A short bare noun phrase opening the sentence ("Analysts say", "Thirty percent said")."""
        ctx = self.ctx
        first = self.sent_first[c] if c < self.n else c
        while first < c and ctx.kind(first) in ("para", "mark"):
            first += 1
        if not 0 < c - first <= 4 or ctx.word(c - 1).lower() in _BARE_SUBJECT_STOP:
            return None
        for t in range(first, c):
            low = ctx.word(t).lower()
            if ctx.kind(t) != "word" or low in _BARE_SUBJECT_STOP or ctx.cue_at(t) > 0:
                return None
        start, end = ctx.span(first, c)
        plural = ctx.word(c - 1).lower().endswith("s")
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
            w = ctx.word(k).lower()
            if ctx.kind(k) != "word":
                break
            if (
                w in _TIME_WORDS
                or w in ADVERBS - {"has", "had", "have", "was", "is", "were"}
                or (w.endswith("ly") and len(w) > 4)
            ):
                k += 1
            elif (
                w in ("last", "this", "next", "on") and ctx.word(k + 1).lower() in _TIME_AFTER_LAST
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
            if ctx.word(j).lower() == "that":
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
            ctx.word(j).lower() in _FINITE
            for j in range(k + 1, min(k + 4, self.n))
            if ctx.kind(j) == "word"
        )


def _claim(
    scan: Scanner,
    rule: str,
    conf: float,
    m: Mention,
    cue: tuple[int, int],
    lemma: str,
    first: int,
    min_tokens: int = 4,
) -> Found | None:
    ctx = scan.ctx
    while ctx.word(first) == ",":
        first += 1
    if first >= scan.n or ctx.kind(first) in ("mark", "quote", "para", "end"):
        return None  # a direct quote, attributed by the quote rules, or nothing
    if ctx.kind(first) == "punct" and ctx.word(first) in _TRIM:
        return None
    last = scan.content_end(first, min_tokens=min_tokens)
    if last <= first:
        return None
    return Found(rule, conf, m, cue, lemma, first, last)


ClaimRuleFunction = Callable[[Scanner, int], "Found | None"]


@dataclass(frozen=True)
class ClaimRule:
    """One named claim pattern.

    Attributes:
        name: Stable name reported in results (``Claim.rule``).
        description: The pattern, as a reader would write it.
        func: ``func(scanner, token_index) -> Found | None``.
    """

    name: str
    description: str
    func: ClaimRuleFunction


def quoted_name_as_saying_clause(scan: Scanner, i: int) -> Found | None:
    """``X quoted NAME as saying (that) CLAUSE``: the source is the one quoted."""
    ctx = scan.ctx
    if ctx.word(i).lower() != "quoted":
        return None
    m = _speaker_mention(ctx, i + 1)
    if m is None or ctx.word(m.last).lower() != "as" or ctx.word(m.last + 1).lower() != "saying":
        return None
    k = m.last + 2
    if ctx.word(k).lower() == "that":
        k += 1
    elif not scan.opens_clause(k, loose=True):
        return None
    return _claim(scan, "quoted_name_as_saying_clause", 0.85, m, (i, m.last + 2), "say", k)


def according_to_name_clause(scan: Scanner, i: int) -> Found | None:
    """``According to NAME, CLAUSE`` or ``CLAUSE, according to NAME``."""
    ctx = scan.ctx
    if ctx.word(i).lower() != "according" or ctx.word(i + 1).lower() != "to":
        return None
    m = _speaker_mention(ctx, i + 2) or _np_after(ctx, i + 2)
    if m is None:
        return None
    cue = (i, i + 2)
    first = scan.sent_first[i]
    while first < i and ctx.kind(first) == "para":
        first += 1
    if first == i:
        k = _skip_aside(ctx, m.last)
        if ctx.word(k) != ",":
            return None
        return _claim(scan, "according_to_name_clause", 0.8, m, cue, "according to", k + 1)
    if ctx.word(i - 1) != ",":
        return None
    return _backward(scan, "clause_according_to_name", 0.8, m, cue, "according to", first, i - 1)


def _backward(
    scan: Scanner,
    rule: str,
    conf: float,
    m: Mention,
    cue: tuple[int, int],
    lemma: str,
    first: int,
    last: int,
    extend_to: int = -1,
) -> Found | None:
    """A claim whose content runs from ``first`` (or the last boundary) up to ``last``.

    With ``extend_to``, the content runs on to that token: the attribution was a
    parenthesis ("The only problem, she said, is that ...").
    """
    ctx = scan.ctx
    first = max(first, scan.prev_hard[last - 1] + 1) if last > 0 else first
    while first < last and ctx.kind(first) == "para":
        first += 1
    if first >= last or ctx.kind(first) in ("mark", "quote") or ctx.word(first) in _TRIM:
        return None  # '"Q," NAME said': a direct quote
    while last > first and ctx.word(last - 1) in _TRIM:
        last -= 1
    if sum(1 for t in range(first, last) if ctx.kind(t) in ("word", "quote")) < 4:
        return None  # "Hunter, meanwhile, told Politico"
    if extend_to > last:
        last = extend_to
        while last > first and (ctx.word(last - 1) in _TRIM or ctx.kind(last - 1) == "para"):
            last -= 1
    return Found(rule, conf, m, cue, lemma, first, last)


def clause_comma_name_said(scan: Scanner, k: int) -> Found | None:
    """``CLAUSE, NAME said.`` or ``CLAUSE, said NAME.``: the attribution trails the clause."""
    ctx = scan.ctx
    if ctx.word(k - 1) == ",":
        last = k - 1
    elif (
        ctx.kind(k - 1) == "mark"
        and ctx.kind(k - 2) == "quote"
        and ctx.quotes[ctx.tokens[k - 2].quote].text.rstrip().endswith(",")
    ):
        last = k  # 'CLAUSE "PARTIAL QUOTE," NAME said'
    else:
        return None
    m = ctx.mention_starting.get(k)
    if m is not None and not m.possessive:
        c = _skip_adverbs(ctx, _skip_aside(ctx, m.last))
        end = ctx.cue_at(c)
        tail = end
        if any(ctx.mention_covering[t] >= 0 for t in range(m.last, c)):
            return None  # "…, Vladimir Putin, he added": the source is "he"
    else:
        c, end = k, ctx.cue_at(k)
        if end < 0:
            return None
        m = _speaker_mention(ctx, end) or _np_after(ctx, end)
        if m is None or m.kind == "pronoun" or ctx.word(k).lower().startswith("t"):
            return None  # "…, told Politico": the name is the listener
        tail = m.last
    if end < 0 or not _attribution_ends(ctx, tail):
        return None
    verb = ctx.lexicon.cue_forms.get(" ".join(t.text for t in ctx.tokens[c:end]).lower())
    if verb is None or verb.weak or verb.lemma in scan.frames.never:
        return None
    if "clause" not in scan.frames.frames_of(verb.lemma):
        return None  # "…, rejected an offer": not a verb of reported clauses
    first = scan.sent_first[k - 1]
    rest = -1
    if ctx.word(tail) == "," and ctx.kind(tail + 1) == "word" and ctx.same_sentence(tail, tail + 1):
        rest = scan.sent_end[tail]  # "The only problem, Carol Bigbee said, is that …"
    return _backward(
        scan, "clause_comma_name_said", 0.75, m, (c, end), verb.lemma, first, last, rest
    )


def _cue(scan: Scanner, c: int) -> tuple[int, str, set[str]] | None:
    """The end, lemma and frames of a claim cue at token c."""
    ctx = scan.ctx
    end = ctx.cue_at(c)
    if end < 0:
        return None
    verb = ctx.lexicon.cue_forms.get(" ".join(t.text for t in ctx.tokens[c:end]).lower())
    if verb is None or verb.lemma in scan.frames.never:
        return None
    frames = set(scan.frames.frames_of(verb.lemma))
    if "naming" not in frames:
        frames.add("that")
    if verb.lemma == "call" and ctx.word(end).lower() == "on":
        return end + 1, "call on", {"object_infinitive"}
    if verb.weak and not frames & {"naming", "noun_object"}:
        return None
    return end, verb.lemma, frames


def name_cue_content(scan: Scanner, c: int) -> Found | None:
    """``NAME says (that) CLAUSE`` and the other frames of a cue verb after its source.

    Frames: ``told X (that) CLAUSE``, ``accused X of Y``, ``blamed X for Y``,
    ``branded X a Y``, ``vowed to VP``, ``urged X to VP``, ``called for NP``,
    ``, saying CLAUSE`` (a participle after its sentence's subject). The content
    is found first and the source only then, the dearer look-up.
    """
    ctx = scan.ctx
    cue = _cue(scan, c)
    if cue is None:
        return None
    end, lemma, frames = cue
    prev = ctx.word(c - 1).lower()
    if prev in _PASSIVE:
        return None  # "has been said"
    participle = ctx.word(c).lower().endswith("ing")
    if participle and prev != ",":
        return None  # "Speaking before the assembly, Putin ..."; "as saying"
    content = _content_after(scan, end, lemma, frames, participle)
    if content is None:
        return None
    rule, confidence, first, min_tokens = content
    m = _subject_before(ctx, c) if prev == "to" else scan.source_before(c)
    if m is None or m.possessive:
        return None  # "what he has to say"
    return _claim(scan, rule, confidence, m, (c, end), lemma, first, min_tokens)


def _content_after(
    scan: Scanner, end: int, lemma: str, frames: set[str], participle: bool
) -> tuple[str, float, int, int] | None:
    """Rule name, confidence, first token and minimum length of the content after a cue."""
    ctx = scan.ctx
    k = scan.skip_time(end)
    stop = min(k + 10, scan.sent_end[k] if k < scan.n else k)
    if "clause" in frames or "that" in frames:
        verb = ctx.lexicon.cue_forms.get(lemma)
        start = k
        if lemma in ("tell", "assure", "inform", "remind") and ctx.word(k).lower() != "that":
            start = _after_object(scan, k)
        low = ctx.word(start).lower() if start >= 0 else ""
        if start < 0:
            pass
        elif low in _PREPOSITIONS:
            start = scan.that_ahead(start)
        elif low == "that":
            start += 1
        elif verb is not None and verb.stance == "asks" and low in _QUESTION_WORDS:
            pass  # "asked whether the deal was off"
        elif not scan.opens_clause(start, loose="clause" in frames):
            start = -1
        if start >= 0:
            if start < scan.n and ctx.kind(start) in ("mark", "quote"):
                return None  # a direct quote
            if scan.content_end(start) > start:
                rule = "comma_saying_clause" if participle else "name_said_clause"
                return rule, 0.85 if participle else 0.9, start, 4
    if "object_of" in frames or "object_for" in frames:
        joint = "of" if "object_of" in frames else "for"
        j = _joint_ahead(scan, k, stop, (joint,), ("to", "and", "that"))
        if j > 0:
            return "name_accused_x_of_y", 0.85, k, j - k + 3
    if "naming" in frames:
        joints = ("as",) if lemma in ("describe", "characterise", "characterize") else ("a", "an")
        j = _joint_ahead(scan, k, stop, joints, ("to", "and", "that", "for", "on"))
        if j > 0:
            return "name_branded_x_a_y", 0.8, k, j - k + 3
    if "infinitive" in frames and ctx.word(k).lower() == "to" and ctx.kind(k + 1) == "word":
        return "name_vowed_to_vp", 0.85, k + 1, 4
    if "object_infinitive" in frames:
        j = _joint_ahead(scan, k, min(stop, k + 8), ("to",), ("and", "that", "for", "of"))
        if j > 0 and ctx.kind(j + 1) == "word":
            return "name_urged_x_to_vp", 0.8, k, j - k + 3
    if (
        "noun_object" in frames
        and ctx.kind(k) == "word"
        and ctx.word(k).lower() not in _PREPOSITIONS
    ):
        return "name_called_for_np", 0.7, k, 4
    return None


def _joint_ahead(
    scan: Scanner, k: int, stop: int, joints: tuple[str, ...], stops: tuple[str, ...]
) -> int:
    """The token of a joint word ("of", "a", "to") after an object starting at k, or -1."""
    ctx = scan.ctx
    for j in range(k + 1, stop):
        w = ctx.word(j).lower()
        if w in joints:
            return j
        if ctx.kind(j) != "word" or w in stops or ctx.cue_at(j, weak=False) > 0:
            return -1
    return -1


def _after_object(scan: Scanner, k: int) -> int:
    """Skip the object of "told" ("told reporters", "told the OSCE conference")."""
    ctx = scan.ctx
    m = ctx.mention_starting.get(k)
    if m is not None:
        return scan.skip_time(m.last)
    if ctx.word(k).lower() in _OBJECT_WORDS:
        return scan.skip_time(k + 1)
    j = scan.that_ahead(k)
    return j - 1 if j > 0 else -1


CLAIM_RULES: tuple[ClaimRule, ...] = (
    ClaimRule(
        "quoted_name_as_saying_clause",
        "X quoted NAME as saying (that) CLAUSE",
        quoted_name_as_saying_clause,
    ),
    ClaimRule(
        "according_to_name_clause",
        "According to NAME, CLAUSE / CLAUSE, according to NAME",
        according_to_name_clause,
    ),
    ClaimRule("clause_comma_name_said", "CLAUSE, NAME said.", clause_comma_name_said),
    ClaimRule(
        "name_said_clause", "NAME says (that) CLAUSE / NAME told X (that) CLAUSE", name_cue_content
    ),
)
"""Rules tried at each token, in order; the first that fires decides.

``name_said_clause`` also reports, by the frame that matched:
``comma_saying_clause``, ``name_accused_x_of_y``, ``name_branded_x_a_y``,
``name_vowed_to_vp``, ``name_urged_x_to_vp`` and ``name_called_for_np``; the
according-to rule reports ``clause_according_to_name`` for a trailing source.
"""

CLAIM_RULE_NAMES: tuple[str, ...] = (
    "quoted_name_as_saying_clause",
    "according_to_name_clause",
    "clause_according_to_name",
    "clause_comma_name_said",
    "name_said_clause",
    "comma_saying_clause",
    "name_accused_x_of_y",
    "name_branded_x_a_y",
    "name_vowed_to_vp",
    "name_urged_x_to_vp",
    "name_called_for_np",
)
"""Every name a claim may report in :attr:`~quoteattr.models.Claim.rule`."""
