"""The attribution sieve: each quote's speaker, by the first rule that fires.

:func:`run_sieve` tries the rules of a sieve in order on every quote of a
:class:`~quoteattr.attribution.context.Context`; the first rule that returns a
:class:`~quoteattr.attribution.context.Decision` decides. With ``trace=True`` it
also records what every rule returned for every quote (the report of
:func:`quoteattr.testing.explain`), in the same pass. :func:`assemble` turns the
decisions into :class:`~quoteattr.models.Quote` results with speakers from the
document's :class:`~quoteattr.attribution.speakers.SpeakerIndex`.

Example:
    >>> from quoteattr.attribution.context import build_context
    >>> from quoteattr.attribution.rulesets import builtin_rules
    >>> from quoteattr.language.lexicon import load_lexicon
    >>> from quoteattr.text.quotes import scan_quotes
    >>> text = '"Nothing new," Lavrov said.'
    >>> ctx = build_context(text, scan_quotes(text)[0], load_lexicon())
    >>> sieved = run_sieve(ctx, builtin_rules())
    >>> sieved.decisions[0].rule
    'quote_comma_name_said'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quoteattr.attribution.context import Context, Decision
from quoteattr.attribution.rules import Rule, RuleFunction
from quoteattr.attribution.speakers import Entity, SpeakerIndex
from quoteattr.attribution.windows import forget, remember
from quoteattr.construct import trusted
from quoteattr.models import Quote, QuoteSpeaker, Span

__all__ = ["RuleTrial", "Sieved", "assemble", "run_sieve"]


@dataclass(frozen=True)
class RuleTrial:
    """What one rule returned for one quote.

    Attributes:
        rule: The rule's name.
        description: The pattern it recognises.
        decision: What it returned; ``None`` when it did not match.
        decided: True for the rule whose decision the sieve kept.
    """

    rule: str
    description: str
    decision: Decision | None
    decided: bool


@dataclass(frozen=True)
class Sieved:
    """The sieve's decisions for every quote, and what each rule returned when traced.

    Attributes:
        decisions: One per quote of the context: the deciding rule's decision,
            named after that rule, or ``None`` when no rule fired.
        trials: With ``trace=True``, one list per quote of what every rule of
            the sieve returned, in sieve order; empty otherwise.
    """

    decisions: tuple[Decision | None, ...]
    trials: tuple[tuple[RuleTrial, ...], ...] = ()


def run_sieve(ctx: Context, sieve: Sequence[Rule], *, trace: bool = False) -> Sieved:
    """Try the rules in order on each quote of ``ctx``; the first that fires decides.

    Rules see the decisions taken for earlier quotes in ``ctx.decisions``. A
    decision is reported under the name of the rule that returned it, whatever
    name the rule function wrote into it.

    Args:
        ctx: The prepared document.
        sieve: The rules, in the order they are tried.
        trace: Also run the rules after the deciding one and record what every
            rule returned (for reports; it costs a full pass of the sieve).

    Returns:
        The decisions, and the trials when ``trace`` is set.
    """
    started = remember(ctx)  # per-document look-ups for the rules, dropped when done
    try:
        return _run(ctx, sieve, trace)
    finally:
        if started:  # else kept by the caller, who drops them
            forget(ctx)


def _run(ctx: Context, sieve: Sequence[Rule], trace: bool) -> Sieved:
    decisions = ctx.decisions
    if not trace:
        _decide(ctx, [(rule.name, rule.func) for rule in sieve])
        return Sieved(tuple(decisions))
    trials: list[tuple[RuleTrial, ...]] = []
    for qi in range(len(ctx.quotes)):
        kept: Decision | None = None
        tried: list[RuleTrial] = []
        for rule in sieve:
            decision = rule.func(ctx, qi)
            if decision is not None and decision.rule != rule.name:
                decision = Decision(rule.name, decision.confidence, decision.mention,
                                    decision.cue, decision.inherit)
            if trace:
                decided = kept is None and decision is not None
                tried.append(RuleTrial(rule.name, rule.description, decision, decided))
            if kept is None and decision is not None:
                kept = decision
                if not trace:
                    break
        decisions[qi] = kept
        if trace:
            trials.append(tuple(tried))
    return Sieved(tuple(decisions), tuple(trials))


def _decide(ctx: Context, rules: list[tuple[str, RuleFunction]]) -> None:
    """The first decision of ``rules`` for each quote, into ``ctx.decisions`` (no trace)."""
    decisions = ctx.decisions
    for qi in range(len(ctx.quotes)):
        kept: Decision | None = None
        for name, func in rules:
            kept = func(ctx, qi)
            if kept is not None:
                if kept.rule != name:
                    kept = Decision(name, kept.confidence, kept.mention, kept.cue, kept.inherit)
                break
        decisions[qi] = kept


def _span(text: str, start: int, end: int) -> Span:
    return trusted(Span, {"text": text[start:end], "start": start, "end": end})


def assemble(ctx: Context, index: SpeakerIndex) -> tuple[list[Quote], list[Entity]]:
    """Build the attributed quotes from the sieve's decisions in ``ctx``.

    Returns:
        The quotes of ``ctx`` in order, each with its speaker, cue, rule and
        confidence where a rule decided; and the speakers they name, in order of
        first appearance (a quote's ``speaker.id`` indexes this list).
    """
    text = ctx.text
    out: list[Quote] = []
    used: list[Entity] = []
    ids: dict[int, int] = {}
    entities: list[Entity | None] = [None] * len(ctx.quotes)
    for qi, q in enumerate(ctx.quotes):
        d = ctx.decisions[qi]
        if d is None:
            out.append(q)
            continue
        if d.inherit is not None and entities[d.inherit] is not None:
            entity = entities[d.inherit]
        elif d.mention is not None:
            entity = index.entity_of(d.mention)
        else:
            entity = None
        entities[qi] = entity
        if entity is None:
            out.append(q)
            continue
        if id(entity) not in ids:
            ids[id(entity)] = len(used)
            used.append(entity)
        out.append(
            trusted(
                Quote,
                {
                    **q.__dict__,
                    "speaker": trusted(
                        QuoteSpeaker,
                        {
                            "name": entity.name,
                            "kind": entity.kind,
                            "role": entity.role,
                            "id": ids[id(entity)],
                            "mention": (
                                _span(text, d.mention.start, d.mention.end) if d.mention else None
                            ),
                        },
                    ),
                    "cue": _span(text, d.cue[0], d.cue[1]) if d.cue else None,
                    "rule": d.rule,
                    "confidence": _confidence(d),
                },
            )
        )
    return out, used


def _confidence(d: Decision) -> float:
    """The decision's confidence, once its values are checked as validation would.

    Rules can be the caller's own: a confidence outside 0-1 (or NaN) or a
    negative cue offset is their mistake, reported instead of printed.
    """
    confidence = float(d.confidence)
    if not 0.0 <= confidence <= 1.0:
        raise ValueError(
            f"rule {d.rule!r} decided with confidence {d.confidence!r}: "
            "a rule's confidence must be a number from 0 to 1"
        )
    if d.cue is not None and (d.cue[0] < 0 or d.cue[1] < 0):
        raise ValueError(
            f"rule {d.rule!r} gave the cue offsets {d.cue!r}: offsets into the text "
            "are 0 or more"
        )
    return confidence
