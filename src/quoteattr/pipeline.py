"""The stages composed: quotes, attribution, speakers, claims, one document.

This is the one module that runs the stages in order. :func:`attribute`
finds the quotes of a text (:mod:`quoteattr.text.quotes`), prepares the
document (:mod:`quoteattr.attribution.context`), runs the attribution sieve
(:mod:`quoteattr.attribution.sieve`), makes the speakers one
(:mod:`quoteattr.attribution.speakers`), finds the reported claims
(:mod:`quoteattr.claims.extract`) and returns a frozen
:class:`~quoteattr.models.Document`.
"""

from __future__ import annotations

import datetime
import gc
from collections.abc import Sequence
from dataclasses import dataclass

from quoteattr.attribution.context import Context, build_context
from quoteattr.attribution.rules import Rule
from quoteattr.attribution.rulesets import RuleSet
from quoteattr.attribution.sieve import Sieved, assemble, run_sieve
from quoteattr.attribution.speakers import SpeakerIndex
from quoteattr.attribution.windows import forget, remember
from quoteattr.attribution.words import attribution_words
from quoteattr.claims.extract import claims_unavailable, extract_claims
from quoteattr.construct import trusted
from quoteattr.language.cache import per_object
from quoteattr.language.lexicon import Lexicon
from quoteattr.models import (
    Claim,
    Diagnostic,
    Document,
    Quote,
    Span,
    Speaker,
    parse_date,
)
from quoteattr.options import Options, resolve_options
from quoteattr.text.quotes import scan_quotes

__all__ = [
    "Prepared",
    "attribute",
    "check_text",
    "find_claims",
    "find_quotes",
    "prepare",
    "run_pipeline",
    "trace_pipeline",
]


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


def _check_doc_id(doc_id: object) -> None:
    if doc_id is not None and not isinstance(doc_id, str):
        raise TypeError(f"doc_id must be a str or None, not {type(doc_id).__name__}")


@dataclass(frozen=True)
class Prepared:
    """A document read up to the sieve: its quotes, terms and prepared context.

    Attributes:
        context: What the attribution rules look at (speech quotes only).
        terms: Quoted terms (nobody's speech), top level.
        inner: Quotes inside quotes.
        diagnostics: Odd marks worked around while finding quotes.
        options: The options it was read with.
    """

    context: Context
    terms: tuple[Quote, ...]
    inner: tuple[Quote, ...]
    diagnostics: tuple[Diagnostic, ...]
    options: Options


def prepare(text: str, options: Options) -> Prepared:
    """Find the quotes of ``text`` and build the context the rules look at."""
    lex = options.full_lexicon
    found, diagnostics = scan_quotes(
        text, cue_words=lex.quote_cue_words, double_apostrophes=options.double_apostrophes,
        sentence_cue_words=_sentence_cues(lex),
        language=lex.language,
    )
    speech = [q for q in found if q.depth == 0 and q.kind != "term"]
    terms = tuple(q for q in found if q.depth == 0 and q.kind == "term")
    inner = tuple(q for q in found if q.depth > 0)
    return Prepared(build_context(text, speech, lex), terms, inner, tuple(diagnostics), options)


def attribute(
    text: str,
    *,
    doc_id: str | None = None,
    options: Options | None = None,
    language: str | None = None,
    rules: Sequence[Rule] | RuleSet | None = None,
    lexicon: Lexicon | None = None,
    claims: bool | None = None,
    double_apostrophes: bool | None = None,
    date: datetime.date | str | None = None,
) -> Document:
    """Find every quote in ``text`` and attribute it to its speaker.

    Args:
        text: The article, as a ``str``. Offsets in the result index into it.
        doc_id: An identifier copied into the result.
        options: All options at once, as a :class:`~quoteattr.Options`; the
            keywords below override its fields.
        language: The language of the text (``"en"``, ``"de"``): its built-in
            lexicon and rules. By default the language of ``rules`` or
            ``lexicon``, else English.
        rules: The attribution sieve to use, in order: a sequence of
            :class:`~quoteattr.Rule`, or a :class:`~quoteattr.RuleSet` (which
            brings its lexicon too); the language's built-in rules by default.
        lexicon: Word lists to use; the language's built-in lexicon by default.
        claims: Also find reported claims (speech outside quotation marks); on
            by default.
        double_apostrophes: Read ``''`` as a double quotation mark, as archive
            text from the New York Times or LexisNexis prints it; by default
            decided per document, from how it prints its quotes (``False``
            never reads it so).
        date: When the text was published (a ``datetime.date`` or an ISO
            string such as ``"2016-03-01"``), kept as :attr:`Document.date`
            for matching quotes across documents.

    Returns:
        The document's quotes (each with speaker, cue, rule and confidence),
        quoted terms, speakers, diagnostics and claims.

    Raises:
        TypeError: if ``text`` is not a ``str`` or ``options`` not an ``Options``.
        ValueError: if an option is invalid (an unknown language, a path given
            as ``rules``, languages that contradict each other), saying what to
            pass.

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
    _check_doc_id(doc_id)
    published = parse_date(date)
    opts = resolve_options(
        options, language=language, rules=rules, lexicon=lexicon, claims=claims,
        double_apostrophes=double_apostrophes,
    )
    doc = run_pipeline(text, opts, doc_id=doc_id)
    return doc if published is None else doc.model_copy(update={"date": published})


def run_pipeline(text: str, options: Options, *, doc_id: str | None = None) -> Document:
    """Run every stage on ``text`` with resolved ``options`` (the body of :func:`attribute`).

    Raises:
        MemoryError: saying how long the text was and what to do.
    """
    return _said_out_of_memory(text, options, doc_id, False)[0]


def trace_pipeline(text: str, options: Options) -> tuple[Document, Prepared, Sieved]:
    """Run every stage with the sieve traced: the document, its context and every rule's trial."""
    return _said_out_of_memory(text, options, None, True)


BYTES_PER_CHARACTER = 80
"""Peak memory per character of news text during one call, about (issue 15)."""


def _said_out_of_memory(
    text: str, options: Options, doc_id: str | None, trace: bool
) -> tuple[Document, Prepared, Sieved]:
    """:func:`_run`, with a MemoryError that says why instead of an empty one."""
    try:
        return _run(text, options, doc_id, trace)
    except MemoryError as exc:
        exc.__traceback__ = None  # frees what the stages built before the message is made
        del exc
        raise MemoryError(
            f"out of memory attributing a text of {len(text):,} characters: quoteattr "
            f"needs about {BYTES_PER_CHARACTER} bytes of memory per character of news "
            "(more where quotation marks are dense); split the text into articles, or "
            "give the process more memory"
        ) from None


def _run(
    text: str, options: Options, doc_id: str | None, trace: bool
) -> tuple[Document, Prepared, Sieved]:
    # The cyclic garbage collector would walk this call's many short-lived
    # tokens and mentions again and again; none of them forms a cycle, so
    # reference counting frees them. Pause it for the call (about 8% of the
    # time on news text) and give it back as it was, even on an error.
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        prepared = prepare(text, options)
        ctx = prepared.context
        remember(ctx)  # the sieve's look-ups (subjects of cues) kept for the claims too
        try:
            sieved = run_sieve(ctx, options.sieve, trace=trace)
            index = SpeakerIndex(ctx)
            quotes, used = assemble(ctx, index)
            reported: list[Claim] = (
                extract_claims(ctx, index, quotes, used) if options.claims else []
            )
        finally:
            forget(ctx)
        diagnostics = prepared.diagnostics
        missing = claims_unavailable(ctx.lexicon.language) if options.claims else None
        if missing is not None:
            diagnostics = (*diagnostics, missing)
        # built from the entities' checked values (validating them again costs more
        # than finding them)
        speakers = tuple(
            [
                trusted(
                    Speaker,
                    {
                        "id": number,
                        "name": e.name,
                        "kind": e.kind,
                        "role": e.role,
                        "aliases": tuple(e.aliases),
                        "mentions": tuple(
                            [
                                trusted(
                                    Span,
                                    {"text": text[m.start : m.end], "start": m.start, "end": m.end},
                                )
                                for m in e.mentions
                            ]
                        ),
                    },
                )
                for number, e in enumerate(used)
            ]
        )
        # every part is validated already (models built by the stages, the
        # speakers just above): construct without walking them again
        doc = Document.model_construct(
            doc_id=doc_id,
            quotes=tuple(quotes),
            quoted_terms=prepared.terms,
            inner_quotes=prepared.inner,
            speakers=speakers,
            diagnostics=diagnostics,
            claims=tuple(reported),
        )
        return doc, prepared, sieved
    finally:
        if collecting:
            gc.enable()


@per_object  # built once per lexicon instead of per document
def _sentence_cues(lex: Lexicon) -> frozenset[str]:
    """Words that make a short quoted fragment speech from anywhere in its sentence.

    The strong cue verbs and the naming verbs ('likened them to a "vicious
    snake"'), whose quoted complement is the subject's words.
    """
    return lex.sentence_cue_words | attribution_words(lex).naming_verbs


def find_quotes(
    text: str,
    *,
    options: Options | None = None,
    language: str | None = None,
    double_apostrophes: bool | None = None,
) -> list[Quote]:
    """Find every quoted span in ``text``, in text order, without speakers.

    Straight, typographic, low-9, angle and corner quotation marks are paired;
    apostrophes are told apart from single quotes; a quote inside a quote has
    ``depth`` 1; parts of one utterance (a quote interrupted by "he said", the
    paragraphs of a multi-paragraph quote) share an ``utterance`` number. Each
    quote's ``kind`` is a guess from its shape: ``direct``, ``partial`` or
    ``term`` (a name or scare quote).

    Args:
        text: The text to search, untouched: offsets index into it as given.
        options: All options at once; the keywords below override its fields.
        language: The language of the text: its cue words tell speech from terms.
        double_apostrophes: Read ``''`` as a double quotation mark (archive
            text from the New York Times or LexisNexis); by default decided
            per document, from how it prints its quotes.

    Returns:
        The quotes, without speakers; ``[]`` when there are none.

    Raises:
        TypeError: if ``text`` is not a ``str`` (decode bytes first).

    Example:
        >>> q = find_quotes("“It’s over,” he said of the ‘Islamic State’ deal.")
        >>> [(x.text, x.kind, x.open_mark) for x in q]
        [('It’s over,', 'direct', '“'), ('Islamic State', 'term', '‘')]
    """
    check_text(text)
    opts = resolve_options(options, language=language, double_apostrophes=double_apostrophes)
    return scan_quotes(
        text,
        cue_words=opts.full_lexicon.quote_cue_words,
        double_apostrophes=opts.double_apostrophes,
        language=opts.full_lexicon.language,
        sentence_cue_words=_sentence_cues(opts.full_lexicon),
    )[0]


def find_claims(
    text: str,
    *,
    options: Options | None = None,
    language: str | None = None,
    rules: Sequence[Rule] | RuleSet | None = None,
    lexicon: Lexicon | None = None,
    double_apostrophes: bool | None = None,
) -> list[Claim]:
    """Find every reported claim in ``text``: source, cue, stance and content.

    The same as ``attribute(text, ...).claims`` with the same options: the
    ``quotes`` of a mixed claim index into ``attribute(text).quotes``, and
    ``source.id`` into its ``speakers``.

    Args:
        text: The article, as a ``str``. Offsets in the result index into it.
        options: All options at once; the keywords below override its fields.
        language: The language of the text.
        rules: The attribution sieve (quote speakers and claim sources are one).
        lexicon: Word lists to use; the language's built-in lexicon by default.
        double_apostrophes: Read ``''`` as a double quotation mark.

    Returns:
        The claims in text order; ``[]`` when there are none.

    Raises:
        TypeError: if ``text`` is not a ``str``.

    Example:
        >>> [(c.source.name, c.cue_lemma, c.text) for c in find_claims(
        ...     "Putin accused Turkey of buying oil from militants.")]
        [('Putin', 'accuse', 'Turkey of buying oil from militants')]
    """
    check_text(text)
    opts = resolve_options(
        options, language=language, rules=rules, lexicon=lexicon,
        double_apostrophes=double_apostrophes, claims=True,
    )
    return list(run_pipeline(text, opts).claims)
