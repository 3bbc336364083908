"""Helpers for unit-testing attribution rules in your own test suite.

:func:`assert_attributed` checks that a quote is given to a speaker (and,
optionally, by a given rule). When it is not, the assertion message shows what
was found, by which rule, and every rule of the sieve tried on that quote with
what it returned, so a failing test says why. :func:`explain` returns the same
report as text. For a session-wide rule set, see :mod:`quoteattr.pytest_plugin`.

Example:
    >>> from quoteattr.attribution.rulesets import parse_rules
    >>> house = parse_rules({"lexicon": {
    ...     "cue_verbs": [{"lemma": "toot"}],
    ...     "aliases": [{"text": "the Kremlin", "name": "Vladimir Putin", "kind": "person"}]}})
    >>> q = assert_attributed('"Nothing new," the Kremlin tooted.', quote="Nothing new",
    ...                       speaker="Vladimir Putin", rule="quote_comma_name_said",
    ...                       rules=house)
    >>> q.cue.text
    'tooted'
"""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr.attribution.context import Decision
from quoteattr.attribution.rules import Rule
from quoteattr.attribution.rulesets import RuleSet
from quoteattr.attribution.sieve import RuleTrial
from quoteattr.language.lexicon import Lexicon
from quoteattr.models import Document, Quote
from quoteattr.options import resolve_options
from quoteattr.pipeline import check_text, trace_pipeline

__all__ = ["RuleTrial", "assert_attributed", "explain", "trace_rules"]

Rules = Sequence[Rule] | RuleSet | None


def _traced(
    text: str, rules: Rules, lexicon: Lexicon | None, language: str | None
) -> tuple[Document, dict[int, tuple[RuleTrial, ...]]]:
    """Attribute ``text`` with the sieve traced: the document and each quote's trials.

    The trials are keyed by the quote's index in ``Document.quotes``.
    """
    check_text(text)
    opts = resolve_options(rules=rules, lexicon=lexicon, language=language, claims=False)
    doc, _, sieved = trace_pipeline(text, opts)
    return doc, dict(enumerate(sieved.trials))


def trace_rules(
    text: str,
    quote: str,
    *,
    rules: Rules = None,
    lexicon: Lexicon | None = None,
    language: str | None = None,
) -> list[RuleTrial]:
    """Return what every rule of the sieve returned for the first quote containing ``quote``.

    Rules after the one that decided are run too, for the report only.

    Returns:
        One :class:`RuleTrial` per rule, in sieve order; ``[]`` when no quote
        of the text (other than a quoted term) contains ``quote``.

    Example:
        >>> trials = trace_rules('"Nothing new," Lavrov said.', "Nothing new")
        >>> [t.rule for t in trials if t.decided]
        ['quote_comma_name_said']
    """
    doc, trials = _traced(text, rules, lexicon, language)
    target = next((i for i, q in enumerate(doc.quotes) if quote in q.text), None)
    return [] if target is None else list(trials[target])


def explain(
    text: str,
    *,
    quote: str | None = None,
    rules: Rules = None,
    lexicon: Lexicon | None = None,
    language: str | None = None,
) -> str:
    """Describe every quote found and, for ``quote``, what each rule returned.

    Example:
        >>> print(explain('"Nothing new," Lavrov said.', quote="Nothing new"))
        quotes found (1):
          [0] 'Nothing new,' at 1-13 -> 'Lavrov' by quote_comma_name_said (0.95), cue 'said'
        rules tried on quote [0] 'Nothing new,', in order:
           1. quoted_name_as_saying       no match  X quoted NAME as saying "Q"
           2. quote_comma_name_said       DECIDED   'Lavrov' (mention 'Lavrov', cue 'said', 0.95)
           3. quote_comma_said_name       no match  "Q," said NAME
        ...
    """
    doc, trials = _traced(text, rules, lexicon, language)
    return _report(text, doc, quote, trials)


def _report(text: str, doc: Document, quote: str | None,
            trials: dict[int, tuple[RuleTrial, ...]]) -> str:
    lines = [f"quotes found ({len(doc.quotes)}):"]
    lines += [f"  [{n}] {_show(q)}" for n, q in enumerate(doc.quotes)]
    if not doc.quotes:
        lines[0] = "quotes found: none"
    terms = [t for t in doc.quoted_terms if quote is None or quote in t.text]
    if terms:
        lines.append("quoted terms (never attributed): "
                     + ", ".join(repr(t.text) for t in terms))
    for d in doc.diagnostics:
        lines.append(f"diagnostic {d.code}: {d.message}")
    if quote is None:
        return "\n".join(lines)
    target = next((n for n, q in enumerate(doc.quotes) if quote in q.text), None)
    if target is None:
        lines.append(f"no quote contains {quote!r}")
        return "\n".join(lines)
    tried = trials.get(target, ())
    lines.append(f"rules tried on quote [{target}] {doc.quotes[target].text!r}, in order:")
    width = max((len(t.rule) for t in tried), default=10)
    for n, t in enumerate(tried, 1):
        if t.decision is None:
            status, detail = "no match", t.description
        else:
            status = "DECIDED" if t.decided else "matched"
            detail = _decision(text, t.decision)
            if not t.decided:
                detail += " (not used: an earlier rule decided)"
        lines.append(f"  {n:2}. {t.rule:<{width}}  {status:<8}  {detail}")
    return "\n".join(lines)


def _show(q: Quote) -> str:
    where = f"{q.text!r} at {q.start}-{q.end}"
    if q.speaker is None:
        return f"{where} -> no speaker"
    cue = f", cue {q.cue.text!r}" if q.cue else ""
    return f"{where} -> {q.speaker.name!r} by {q.rule} ({q.confidence:.2f}){cue}"


def _decision(text: str, d: Decision) -> str:
    parts = []
    if d.mention is not None:
        parts.append(f"mention {d.mention.text!r}")
    if d.cue is not None:
        parts.append(f"cue {text[d.cue[0]:d.cue[1]]!r}")
    if d.inherit is not None:
        parts.append(f"speaker of quote [{d.inherit}]")
    parts.append(f"{d.confidence:.2f}")
    who = repr(d.mention.name) if d.mention is not None else "(inherited)"
    return f"{who} ({', '.join(parts)})"


def assert_attributed(
    text: str,
    *,
    quote: str,
    speaker: str | None,
    rule: str | None = None,
    rules: Rules = None,
    lexicon: Lexicon | None = None,
    language: str | None = None,
) -> Quote:
    """Assert that the first quote containing ``quote`` is attributed to ``speaker``.

    Args:
        text: The text to attribute.
        quote: Part of the quote's text, as printed.
        speaker: The expected speaker's name (``Speaker.name``, the fullest
            form in the text, or an alias's canonical name); ``None`` to
            assert that the quote is left unattributed.
        rule: If given, the rule that must have decided.
        rules: The sieve, as for :func:`~quoteattr.attribute`.
        lexicon: The lexicon, as for :func:`~quoteattr.attribute`.
        language: The language, as for :func:`~quoteattr.attribute`.

    Returns:
        The quote, for further checks.

    Raises:
        AssertionError: listing the quotes found, with speaker, rule and
            confidence, and each rule tried on the quote with what it returned.

    Example:
        >>> assert_attributed('"Nothing new," Lavrov said.', quote="Nothing new",
        ...                   speaker="Lavrov", rule="quote_comma_said_name")
        Traceback (most recent call last):
        ...
        AssertionError: quote 'Nothing new' was attributed to 'Lavrov' by rule ...
    """
    doc, trials = _traced(text, rules, lexicon, language)
    found = next((q for q in doc.quotes if quote in q.text), None)
    got_speaker = found.speaker.name if found is not None and found.speaker else None
    got_rule = found.rule if found is not None else None
    ok = found is not None and got_speaker == speaker and (rule is None or got_rule == rule)
    if ok and found is not None:
        return found
    want = f"{speaker!r}" + (f" by rule {rule!r}" if rule else "")
    if found is None:
        head = f"no quote contains {quote!r}; expected it attributed to {want}"
    elif got_speaker is None:
        head = f"quote {quote!r} was not attributed; expected {want}"
    else:
        head = (f"quote {quote!r} was attributed to {got_speaker!r} by rule {got_rule!r}; "
                f"expected {want}")
    report = _report(text, doc, quote, trials)
    raise AssertionError(f"{head}\n{report}")
