"""Reported claims: who claims what, with or without quotation marks.

Most of what news attributes stands outside quotation marks: "Turkey says the
Russian jet violated its airspace", "Putin branded the incident a war crime".
:func:`extract_claims` finds each such claim with its source (canonicalised like
quote speakers, so one speaker holds both its quotes and its claims), its cue,
the stance the cue carries, negation and hedges, and the content as printed.
A content holding a partial quote is a ``mixed`` claim linked to that quote; a
direct quote (the whole content in quotation marks) is never a claim.

Example:
    >>> from quoteattr import find_claims
    >>> c = find_claims("Turkey says the Russian jet violated its airspace.")[0]
    >>> c.source.name, c.cue.text, c.text, c.stance, c.kind
    ('Turkey', 'says', 'the Russian jet violated its airspace', 'asserts', 'indirect')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from quoteattr.attribution.context import Context
from quoteattr.attribution.speakers import Entity, SpeakerIndex
from quoteattr.attribution.words import first_after, first_from
from quoteattr.claims.base import ClaimRuleFunction, Found
from quoteattr.claims.rules import CLAIM_RULES
from quoteattr.claims.scanner import MAX_CONTENT_TOKENS, Scanner
from quoteattr.claims.sources import remember
from quoteattr.construct import trusted
from quoteattr.language.cache import per_object
from quoteattr.language.claim_frames import (
    ClaimFrames,
    ClaimWords,
    load_claim_frames,
    load_claim_words,
)
from quoteattr.language.marks import load_quote_marks
from quoteattr.models import Claim, Diagnostic, Quote, QuoteSpeaker, Span
from quoteattr.text.mentions import Mention
from quoteattr.text.normalize import fold
from quoteattr.text.tokens import indexed_among

__all__ = ["claims_unavailable", "extract_claims"]

_Triggers = tuple[list[ClaimRuleFunction], dict[str, list[ClaimRuleFunction]]]

def claims_unavailable(language: str) -> Diagnostic | None:
    """A diagnostic saying that ``language`` has no claim data, or ``None`` when it has.

    Example:
        >>> claims_unavailable("en") is None
        True
        >>> claims_unavailable("xx").code
        'claims_unavailable'
    """
    if load_claim_frames(language) is not None and load_claim_words(language) is not None:
        return None
    return Diagnostic(
        code="claims_unavailable",
        message=f"no claim frames for language {language!r} (data/{language}/claim_frames.json "
        "and claim_words.json): reported claims were not looked for",
        start=0,
        end=0,
    )


def extract_claims(
    ctx: Context,
    index: SpeakerIndex,
    quotes: Sequence[Quote],
    speakers: Sequence[Entity],
    *,
    frames: ClaimFrames | None = None,
    words: ClaimWords | None = None,
) -> list[Claim]:
    """Find the claims of a prepared document, with sources from its speaker index.

    Args:
        ctx: The document's context, as the quote rules saw it.
        index: Its speaker index: claim sources are the same entities as quote speakers.
        quotes: The attributed quotes (``Document.quotes``), indexed like ``ctx.quotes``.
        speakers: The entities listed in ``Document.speakers`` (the speakers of
            quotes), in order. A claim whose source is one of them gets its
            number as ``source.id``; a source nobody quotes has ``id`` ``None``,
            so ``Document.speakers`` is the same with claims on or off.
        frames: Claim frames of cue verbs; those of the context's language by default.
        words: The claim rules' function words; those of the context's language by default.

    Returns:
        The claims in text order; ``[]`` for a language without claim data
        (:func:`claims_unavailable` says so).
    """
    language = ctx.lexicon.language
    frames = frames or load_claim_frames(language)
    words = words or load_claim_words(language)
    if frames is None or words is None:
        return []
    scan = Scanner(ctx, frames, words)
    ids = {id(e): number for number, e in enumerate(speakers)}
    found: list[Found] = []
    taken: set[tuple[int, int]] = set()
    cue_rules = _triggers(words)[0]
    for i, funcs in _candidates(scan, words):
        if funcs is cue_rules:
            verb = scan.verb_at(i)
            if verb is None or (verb[0].weak and verb[0].lemma not in scan.frames_by_lemma):
                continue  # each cue rule reads the cue verb first: none, or weak and unframed
        for func in funcs:
            f = func(scan, i)
            if f is not None:
                f = _with_its_quote(scan, f)
            if f is not None:
                if f.cue not in taken:
                    taken.add(f.cue)
                    found.append(f)
                    remember(scan, f.cue[0], f.mention)
                break
    found = _outermost(found)
    rows: list[Claim] = []
    starts = [q.start for q in quotes]
    seen: set[tuple[int, int, int]] = set()
    toks = ctx.tokens
    text = ctx.text
    quote_positions = ctx.quote_positions
    indexed_quotes = len(quotes) == len(ctx.quotes)
    opening_marks: list[int] | None = None
    stances: dict[str, str | None] = {}
    for f in sorted(found, key=lambda x: (toks[x.first].start, x.cue)):
        start, end = toks[f.first].start, toks[f.last - 1].end
        entity = _source_entity(ctx, index, f, start, end, quotes, starts, speakers)
        key = (start, end, id(entity))
        if key in seen:
            continue
        seen.add(key)
        within = quote_positions[
            first_from(quote_positions, f.first) : first_from(quote_positions, f.last)
        ]
        inside = tuple(toks[t].quote for t in within)  # the content's quote tokens
        if opening_marks is None:
            opening_marks = _opening_double_marks(ctx)
        mixed = bool(inside) or _holds_own_words(ctx, opening_marks, f.first, f.last)
        negated, hedge = _negation_and_hedge(scan, f)
        if hedge is not None and hedge in scan.withholding:
            continue  # "declined to say whether …": the source says nothing
        lemma = f.lemma
        if lemma in stances:
            stance = stances[lemma]
        else:
            stance = stances[lemma] = _stance(scan, lemma)
        mention = f.mention
        cue_start, cue_end = toks[f.cue[0]].start, toks[f.cue[1] - 1].end
        rows.append(
            trusted(
                Claim,
                {
                    "text": text[start:end],
                    "start": start,
                    "end": end,
                    "source": trusted(
                        QuoteSpeaker,
                        {
                            "name": entity.name,
                            "kind": entity.kind,
                            "role": entity.role,
                            "id": ids.get(id(entity)),
                            "mention": trusted(
                                Span,
                                {
                                    "text": text[mention.start : mention.end],
                                    "start": mention.start,
                                    "end": mention.end,
                                },
                            ),
                        },
                    ),
                    "cue": trusted(
                        Span, {"text": text[cue_start:cue_end], "start": cue_start, "end": cue_end}
                    ),
                    "cue_lemma": lemma,
                    "stance": stance,
                    "negated": negated,
                    "hedge": hedge,
                    "kind": "mixed" if mixed else "indirect",
                    "quotes": inside if indexed_quotes else (),
                    "rule": f.rule,
                    "confidence": float(f.confidence),
                },
            )
        )
    # built from checked values (validating them again costs more than finding them)
    return rows


def _candidates(scan: Scanner, words: ClaimWords) -> list[tuple[int, list[ClaimRuleFunction]]]:
    """The tokens where a claim rule may fire, in order, each with the rules its kind triggers."""
    ctx = scan.ctx
    cue_rules, triggers = _triggers(words)
    cue_any = ctx.cue_any
    found: dict[int, list[ClaimRuleFunction]] = dict.fromkeys(scan.cue_positions(), cue_rules)
    headline = _HEADLINE_RULES
    paragraph = ctx.paragraph
    for i in ctx.cue_candidates:  # "Doe Says ...": a capitalised cue in the first paragraph
        if paragraph[i] > 0:
            break
        if cue_any[i] < 0 and ctx.tokens[i].text[:1].isupper():
            found[i] = headline
    by_low = ctx.by_low
    for low in indexed_among(by_low, triggers):  # the document's words, not the lists'
        rules = triggers[low]
        for i in by_low[low]:
            before = found.get(i)
            found[i] = rules if before is None else _in_rule_order([*before, *rules])
    return [(i, found[i]) for i in sorted(found)]  # ints sort faster than pairs


_HEADLINE_RULES: Final = [r.func for r in CLAIM_RULES if r.trigger == "headline"]

@per_object
def _triggers(words: ClaimWords) -> _Triggers:
    """The rules of cue tokens, and the rules each trigger word sets off (once per words)."""
    cue_rules = [r.func for r in CLAIM_RULES if r.trigger == "cue"]
    triggers: dict[str, list[ClaimRuleFunction]] = {}
    for kind, listed in (
        ("quoting", words.quoting_forms),
        ("postposition", words.source_postpositions),
        ("sign_off", words.sign_offs),
        ("as", words.as_words),
        ("source_preposition", frozenset(p.split()[0] for p in words.source_prepositions)),
        ("colon", frozenset({":"})),
        ("noun", frozenset(words.noun_cues) | frozenset(words.noun_topic_cues)),
    ):
        rules = [r.func for r in CLAIM_RULES if r.trigger == kind]
        for word in listed:  # a word of two kinds triggers the rules of both, in rule order
            before = triggers.get(word)
            triggers[word] = rules if before is None else _in_rule_order([*before, *rules])
    return cue_rules, triggers


_NOUN_PHRASE_RULES: Final = frozenset({"name_called_for_np", "noun_topic_np"})
"""Rules whose content is a noun phrase: one holding a report gives way to it."""

_TRAILING_RULES: Final = frozenset(
    {
        "clause_comma_name_said",
        "clause_according_to_name",
        "clause_as_name_said",
        "clause_name_zufolge",
        "clause_comma_so_name",
    }
)
"""Rules whose content comes before its attribution: a sentence that reads on its
own, then its source ("Doe said the deal was off, Roe testified"), so a report
inside it is a claim of its own as well, unless the content runs on after the
attribution ("If it is close, the party said, it will ask for a recount")."""


def _holds_own_words(ctx: Context, opening_marks: list[int], first: int, last: int) -> bool:
    """Tell whether tokens first..last hold double-quoted words opening in lower case.

    ``opening_marks``: the document's tokens that may open a double quote
    (:func:`_opening_double_marks`).

    'There had been a "quiet exodus" of nurses, the union said': a quoted phrase
    in lower case inside a reported clause is the source's own words, a partial
    quote the quote finder left as a term, so the claim is mixed. A quoted name
    or title ('the "Grand Plan" failed') opens in upper case and keeps it indirect.
    """
    lo, hi = first_from(opening_marks, first), first_from(opening_marks, last - 1)
    if lo >= hi:
        return False  # no opening mark inside: most contents
    marks = load_quote_marks()
    toks = ctx.tokens
    for t in opening_marks[lo:hi]:
        tok = toks[t]
        if tok.kind != "punct":
            continue
        m = marks.by_char.get(marks.doubled_as.get(tok.text, tok.text))
        if m is None or m.family != "double" or m.role == "close":
            continue
        nxt = toks[t + 1]
        if nxt.kind == "word" and nxt.text[:1].islower():
            return any(
                marks.closes(m.char, marks.doubled_as.get(ctx.word(k), ctx.word(k)))
                for k in range(t + 2, min(last + 1, t + 12))
            )
    return False


_OPENING_CHARS: Final[dict[int, tuple[object, frozenset[str]]]] = {}


def _opening_double_marks(ctx: Context) -> list[int]:
    """The tokens of a document printed as a double quotation mark that is not a closing one."""
    marks = load_quote_marks()
    known = _OPENING_CHARS.get(id(marks))
    if known is None or known[0] is not marks:
        chars = frozenset(
            c
            for c in {*marks.by_char, *marks.doubled_as}
            if (m := marks.by_char.get(marks.doubled_as.get(c, c))) is not None
            and m.family == "double"
            and m.role != "close"
        )
        _OPENING_CHARS.clear()
        known = _OPENING_CHARS[id(marks)] = (marks, chars)
    by_low = ctx.by_low
    found: list[int] = []
    for low in indexed_among(by_low, known[1]):
        found.extend(by_low[low])
    found.sort()
    return found


def _outermost(found: list[Found]) -> list[Found]:
    """The claims whose content holds no other claim and whose cue lies in none, in order.

    In "Doe said that Roe has long called for lower taxes", Roe's call is part
    of what Doe said: the writer attributes one claim, Doe's (a trailing
    attribution, "..., Roe testified", leaves the reports before it). A noun phrase
    holding a report gives way to it: "repeated his claim that the vote was
    rigged" reports the claim. A content spans at most MAX_CONTENT_TOKENS
    tokens, so only the contents starting that far before a cue are looked at
    (linear time on "A said that B said that ..." chains).
    """
    if len(found) < 2:
        return found  # nothing to hold or be held
    noun_phrases = [f for f in found if f.rule in _NOUN_PHRASE_RULES]
    clauses = [f for f in found if f.rule not in _NOUN_PHRASE_RULES]
    holding = _holders(noun_phrases, clauses)
    kept = [f for n, f in enumerate(noun_phrases) if n not in holding]
    clauses.extend(kept)
    forward = [f for f in clauses if f.rule not in _TRAILING_RULES or f.last > f.cue[0]]
    inner = _holders(forward, clauses, cues=True)
    return [f for n, f in enumerate(clauses) if n not in inner]


def _holders(outer: list[Found], inner: list[Found], *, cues: bool = False) -> set[int]:
    """Indices of ``outer`` claims whose content holds the cue of an ``inner`` claim.

    With ``cues``, the indices of the ``inner`` claims whose cue is so held instead.
    """
    if not outer:
        return set()  # nothing holds anything
    spans = sorted((f.first, f.last, n) for n, f in enumerate(outer))
    firsts = [s[0] for s in spans]
    out: set[int] = set()
    for m, f in enumerate(inner):
        c = f.cue[0]
        hi = first_after(firsts, c)
        lo = first_from(firsts, c - MAX_CONTENT_TOKENS, 0, hi)
        for k in range(lo, hi):
            _, last, n = spans[k]
            if last > c and outer[n] is not f:
                if cues:
                    out.add(m)
                    break
                out.add(n)
    return out


def _in_rule_order(funcs: list[ClaimRuleFunction]) -> list[ClaimRuleFunction]:
    """The rule functions of a token with two triggers, in the order of CLAIM_RULES."""
    return sorted(set(funcs), key=_RULE_ORDER.__getitem__)


_RULE_ORDER: Final[dict[ClaimRuleFunction, int]] = {r.func: n for n, r in enumerate(CLAIM_RULES)}


def _source_entity(
    ctx: Context,
    index: SpeakerIndex,
    f: Found,
    start: int,
    end: int,
    quotes: Sequence[Quote],
    starts: list[int],
    speakers: Sequence[Entity],
) -> Entity:
    """The source's entity; a trailing "he" is never somebody named only in the content.

    In "Erdogan could fly to Sochi to meet Putin, he added", "he" is not Putin:
    it continues the speaker of the latest quote in this or the previous paragraph.
    """
    m = f.mention
    known = ctx.mention_starting.get(m.first)
    if known is not None and known.last != m.last and m.kind != "pronoun":
        # a source the claim rules made ("Nearly three in five") over a shorter
        # mention ("Nearly"): its own entity, not the mention's
        return _made_entity(index, m)
    entity = index.entity_of(m)
    if (
        m.kind != "pronoun"
        or m.start < end
        or not entity.mentioned_between(start, m.start)
    ):
        return entity
    para = ctx.paragraph[f.first]
    for qi in range(first_from(starts, start) - 1, max(-1, first_from(starts, start) - 4), -1):
        q, t = quotes[qi], ctx.quote_token[qi] if qi < len(ctx.quote_token) else -1
        if t < 0 or ctx.paragraph[t] < para - 1:
            break
        sid = q.speaker.id if q.speaker is not None else None
        if sid is not None and sid < len(speakers) and speakers[sid].kind == "person":
            return speakers[sid]
    return entity


def _with_its_quote(scan: Scanner, f: Found) -> Found | None:
    """The claim, with the quote its cue also attributes when the quote continues its clause.

    ``Doe said the plan, which "will fail," was dead`` is one mixed claim; so is
    ``Doe said he was hopeful, "because the turnout is high."``: the content runs
    on to the end of the quote. A quote after a colon is an utterance of its own
    (``The plan is dead, Doe said: "..."``) and a quote before the cue is the
    cue's direct quote; the claim keeps its content.
    """
    ctx = scan.ctx
    t = scan.quote_of_cue.get(ctx.tokens[f.cue[0]].start)
    if t is None or f.first <= t < f.last or t < f.first:
        return f
    if t - f.last > 3 or not ctx.same_sentence(f.cue[0], t):
        return f
    if any(ctx.word(k) == ":" or ctx.kind(k) == "para" for k in range(f.last, t)):
        return f
    last = t + 1
    if ctx.kind(last) == "mark":
        last += 1
    return f._replace(last=last)


def _made_entity(index: SpeakerIndex, m: Mention) -> Entity:
    """The entity of a source made by the claim rules, by its folded text."""
    key = "claim:" + fold(m.text)
    for e in reversed(index.entities[-50:]):
        if e.key == key:
            return e
    entity = Entity(key=key, name=m.text, kind=m.speaker_kind, aliases=[m.text])
    index.entities.append(entity)
    entity.record(m)
    return entity


def _negation_and_hedge(scan: Scanner, f: Found) -> tuple[bool, str | None]:
    """Look between the source and the cue ("did not say", "stopped short of accusing")."""
    ctx = scan.ctx
    c = f.cue[0]
    lo = f.mention.last if f.mention.last <= c else c - 4
    lo = max(max(lo, c - 6), scan.sent_first[c] if c < scan.n else 0)
    words = [t.low for t in ctx.tokens[max(lo, 0) : max(c, 0)] if t.kind == "word"]
    if not words:  # "he said": nothing between the source and the cue
        return False, None
    # a negation or hedge printed among the words starts with one of them: most hold none
    endings = scan.negation_endings
    negated = any([w.endswith(endings) for w in words])
    negation_ahead = not negated and not scan.negation_firsts.isdisjoint(words)
    hedge_ahead = not scan.hedge_firsts.isdisjoint(words)
    if not negation_ahead and not hedge_ahead:
        return negated, None
    joined = f" {' '.join(words)} "
    if negation_ahead:
        negated = any(neg in joined for neg in scan.spaced_negations)
    if hedge_ahead:
        for spaced, text, negates in scan.spaced_hedges:
            if spaced in joined:
                return negated or negates, text
    return negated, None


def _stance(scan: Scanner, lemma: str) -> str | None:
    """The stance a cue lemma carries: the claim words' own, else its verb's."""
    verb = scan.cue_forms.get(lemma)
    return (
        scan.words.stances.get(lemma)
        or scan.words.noun_cues.get(lemma)
        or scan.words.noun_topic_cues.get(lemma)
        or (verb.stance if verb is not None else None)
    )
