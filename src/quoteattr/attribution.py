"""The attribution sieve: who said each quote, by which rule, how sure.

:func:`attribute` finds the quotes of a text, tries the rules in order on each
one (the first that fires decides), makes the speakers one within the document
and returns a frozen :class:`~quoteattr.models.Document`.
"""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr.claims import extract_claims
from quoteattr.context import Context, Decision, build_context
from quoteattr.lexicon import Lexicon, load_lexicon
from quoteattr.models import Document, Quote, QuoteSpeaker, Span, Speaker
from quoteattr.quotes import scan_quotes
from quoteattr.rules import BUILTIN_RULES, Rule
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
    rules: Sequence[Rule] | None = None,
    lexicon: Lexicon | None = None,
    claims: bool = True,
) -> Document:
    """Find every quote in ``text`` and attribute it to its speaker.

    Args:
        text: The article, as a ``str``. Offsets in the result index into it.
        doc_id: An identifier copied into the result.
        rules: The attribution sieve to use, in order; the built-in rules by default.
        lexicon: Word lists to use; the built-in English lexicon by default.
        claims: Also find reported claims (speech outside quotation marks).

    Returns:
        The document's quotes (each with speaker, cue, rule and confidence),
        quoted terms, speakers, diagnostics and claims.

    Raises:
        TypeError: if ``text`` is not a ``str``.

    Example:
        >>> doc = attribute('"We heard nothing new," Lavrov said.')
        >>> q = doc.quotes[0]
        >>> q.text, q.speaker.name, q.rule
        ('We heard nothing new,', 'Lavrov', 'quote_comma_name_said')
    """
    check_text(text)
    if doc_id is not None and not isinstance(doc_id, str):
        raise TypeError(f"doc_id must be a str or None, not {type(doc_id).__name__}")
    lex = lexicon or load_lexicon()
    sieve = BUILTIN_RULES if rules is None else tuple(rules)
    found, diagnostics = scan_quotes(text)
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
