"""The attribution sieve: who said each quote, by which rule, how sure.

:func:`attribute` finds the quotes of a text, tries the rules in order on each
one (the first that fires decides), makes the speakers one within the document
and returns a frozen :class:`~quoteattr.models.Document`.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence

from quoteattr.claims import extract_claims
from quoteattr.context import Context, Decision, build_context
from quoteattr.lexicon import Lexicon, load_lexicon
from quoteattr.models import Document, Quote, QuoteSpeaker, Span, Speaker
from quoteattr.quotes import scan_quotes
from quoteattr.rules import BUILTIN_RULES, Rule
from quoteattr.rulesets import RuleSet, language_rules
from quoteattr.speakers import Entity, SpeakerIndex

__all__ = ["attribute", "check_text"]


def check_text(text: object, *, name: str = "text") -> str:
    """Return ``text`` if it is a ``str``; raise a TypeError that says what to pass.

    Example:
        >>> check_text(b"bytes")
        Traceback (most recent call last):
        ...
        TypeError: text must be a str, not bytes: decode it first, e.g. data.decode('utf-8')
    """
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"{name} must be a str, not {type(text).__name__}: "
            "decode it first, e.g. data.decode('utf-8')"
        )
    raise TypeError(
        f"{name} must be a str holding the article's text, not {type(text).__name__}; "
        "read a file with open(path, encoding='utf-8').read()"
    )


def attribute(
    text: str,
    *,
    doc_id: str | None = None,
    rules: Sequence[Rule] | RuleSet | None = None,
    lexicon: Lexicon | None = None,
    language: str | None = None,
    claims: bool = True,
    double_apostrophes: bool = False,
) -> Document:
    """Find every quote in ``text`` and attribute it to its speaker.

    Args:
        text: The article, as a ``str``. Offsets in the result index into it.
        doc_id: An identifier copied into the result.
        rules: The attribution sieve to use, in order: a sequence of
            :class:`~quoteattr.rules.Rule`, or a
            :class:`~quoteattr.rulesets.RuleSet` (which brings its lexicon
            too); the language's built-in rules by default.
        lexicon: Word lists to use; the language's built-in lexicon by default.
        language: The language of the text (``"en"``, ``"de"``): its built-in
            lexicon and rules. By default the language of ``rules`` or
            ``lexicon``, else English.
        claims: Also find reported claims (speech outside quotation marks).
        double_apostrophes: Read ``''`` as a double quotation mark, as archive
            text from the New York Times or LexisNexis prints it.

    Returns:
        The document's quotes (each with speaker, cue, rule and confidence),
        quoted terms, speakers, diagnostics and claims.

    Raises:
        TypeError: if ``text`` is not a ``str``.
        ValueError: if ``language`` contradicts the language of ``rules`` or
            ``lexicon``, or has no built-in lexicon.

    Example:
        >>> doc = attribute('"We heard nothing new," Lavrov said.')
        >>> q = doc.quotes[0]
        >>> q.text, q.speaker.name, q.rule
        ('We heard nothing new,', 'Lavrov', 'quote_comma_name_said')
        >>> q = attribute('„Nichts Neues“, sagte Lawrow.', language="de").quotes[0]
        >>> q.speaker.name, q.rule
        ('Lawrow', 'quote_comma_said_name')
    """
    check_text(text)
    if doc_id is not None and not isinstance(doc_id, str):
        raise TypeError(f"doc_id must be a str or None, not {type(doc_id).__name__}")
    sieve, lex = _configure(rules, lexicon, language)
    # The cyclic garbage collector would walk this call's many short-lived
    # tokens and mentions again and again; none of them forms a cycle, so
    # reference counting frees them. Pause it for the call (about 8% of the
    # time on news text) and give it back as it was, even on an error.
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        return _attribute(text, doc_id, sieve, lex, claims, double_apostrophes)
    finally:
        if collecting:
            gc.enable()


def _attribute(
    text: str,
    doc_id: str | None,
    sieve: Sequence[Rule],
    lex: Lexicon,
    claims: bool,
    double_apostrophes: bool,
) -> Document:
    """:func:`attribute` once its options are checked and resolved."""
    english = load_lexicon()
    cue_words = None if lex is english else _quote_cue_words(lex)
    found, diagnostics = scan_quotes(
        text, cue_words=cue_words, double_apostrophes=double_apostrophes
    )
    speech = [q for q in found if q.depth == 0 and q.kind != "term"]
    terms = [q for q in found if q.depth == 0 and q.kind == "term"]
    inner = [q for q in found if q.depth > 0]
    ctx = build_context(text, speech, lex)
    for qi in range(len(ctx.quotes)):
        ctx.decisions[qi] = _decide(ctx, qi, sieve)
    index = SpeakerIndex(ctx)
    quotes, used = _assemble(ctx, index)
    reported = extract_claims(ctx, index, quotes, used) if claims else []
    speakers = tuple(
        Speaker(
            id=number,
            name=e.name,
            kind=e.kind,
            role=e.role,
            aliases=tuple(e.aliases),
            mentions=tuple(_span(text, m.start, m.end) for m in e.mentions),
        )
        for number, e in enumerate(used)
    )
    return Document(
        doc_id=doc_id,
        quotes=tuple(quotes),
        quoted_terms=tuple(terms),
        inner_quotes=tuple(inner),
        speakers=speakers,
        diagnostics=tuple(diagnostics),
        claims=tuple(reported),
    )


def _configure(
    rules: Sequence[Rule] | RuleSet | None, lexicon: Lexicon | None, language: str | None
) -> tuple[tuple[Rule, ...], Lexicon]:
    """Resolve the sieve and lexicon from the ``rules``, ``lexicon`` and ``language`` options."""
    stated = {
        name: lang
        for name, lang in (
            ("rules", rules.language if isinstance(rules, RuleSet) else None),
            ("lexicon", lexicon.language if lexicon is not None else None),
            ("language", language),
        )
        if lang is not None
    }
    if len(set(stated.values())) > 1:
        raise ValueError(
            "the options name different languages: "
            + ", ".join(f"{k}={v!r}" for k, v in stated.items())
            + "; pass the language once (a RuleSet and a Lexicon carry their own)"
        )
    lang = next(iter(stated.values()), "en")
    if isinstance(rules, RuleSet):
        return rules.sieve, lexicon or rules.full_lexicon
    if lang == "en":
        sieve = BUILTIN_RULES if rules is None else tuple(rules)
        return sieve, lexicon or load_lexicon()
    own = language_rules(lang)
    return (own.sieve if rules is None else tuple(rules)), lexicon or own.full_lexicon


_CUE_WORDS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _quote_cue_words(lex: Lexicon) -> frozenset[str]:
    """One-word cues that help the quote finder tell speech from terms, in ``lex``'s language."""
    known = _CUE_WORDS.get(id(lex))
    if known is not None and known[0] is lex:
        return known[1]
    forms = {f for f in lex.cue_forms if " " not in f}
    heads = {p[0] for p in lex.grammar.according_to_phrases}
    words = frozenset(forms | heads | {"quoted", "quoting", "titled", "entitled"})
    if len(_CUE_WORDS) > 32:
        _CUE_WORDS.clear()
    _CUE_WORDS[id(lex)] = (lex, words)
    return words


def _decide(ctx: Context, qi: int, sieve: Sequence[Rule]) -> Decision | None:
    for rule in sieve:
        decision = rule.func(ctx, qi)
        if decision is not None:
            if decision.rule != rule.name:
                decision = Decision(rule.name, decision.confidence, decision.mention,
                                    decision.cue, decision.inherit)
            return decision
    return None


def _span(text: str, start: int, end: int) -> Span:
    return Span(text=text[start:end], start=start, end=end)


def _assemble(ctx: Context, index: SpeakerIndex) -> tuple[list[Quote], list[Entity]]:
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
        speaker = QuoteSpeaker(
            name=entity.name,
            kind=entity.kind,
            role=entity.role,
            id=ids[id(entity)],
            mention=_span(text, d.mention.start, d.mention.end) if d.mention else None,
        )
        kind = q.kind
        if d.rule == "name_said_partial_quote" and kind == "direct" and not _sentence_like(q):
            kind = "partial"
        out.append(
            q.model_copy(
                update={
                    "speaker": speaker,
                    "cue": _span(text, *d.cue) if d.cue else None,
                    "rule": d.rule,
                    "confidence": d.confidence,
                    "kind": kind,
                }
            )
        )
    return out, used


def _sentence_like(q: Quote) -> bool:
    inner = q.text.strip()
    return bool(inner) and inner[0].isupper() and len(inner.split()) > 3
