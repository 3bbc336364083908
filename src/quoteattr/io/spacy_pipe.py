"""quoteattr as a spaCy pipeline component, and displaCy's manual span format.

With the ``quoteattr[spacy]`` extra installed, ``nlp.add_pipe("quoteattr")``
adds a component to any spaCy pipeline, a blank one included: it runs
[attribute][quoteattr.attribute] on ``doc.text`` and sets

- ``doc.spans["quotes"]``: one span per quote (label ``QUOTE``),
- ``doc.spans["claims"]``: one span per reported claim (label ``CLAIM``),
- on each of those spans: ``span._.speaker`` (the speaker's canonical name or
  ``None``), ``span._.speaker_mention`` (the span naming the speaker here),
  ``span._.cue`` (the cue's span), ``span._.rule`` (the rule that decided),
  ``span._.confidence`` and ``span._.quoteattr`` (the
  [Quote][quoteattr.models.Quote] or [Claim][quoteattr.models.Claim] itself,
  with exact character offsets),
- ``doc._.quoteattr``: the whole [Document][quoteattr.models.Document].

spaCy's tokens never change quoteattr's results: the component reads the text
only, and a span covers the tokens that hold the quote's characters (a quote
starting inside a token, after a mark glued to it, takes the whole token).
[to_displacy][quoteattr.io.spacy_pipe.to_displacy] gives what
``displacy.render(..., style="span", manual=True)`` draws. The rest of
quoteattr never imports spaCy.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("quoteattr")
    >>> doc = nlp('"We heard nothing new," Lavrov said.')
    >>> span = doc.spans["quotes"][0]
    >>> span.text, span._.speaker, span._.cue.text, span._.rule
    ('We heard nothing new,', 'Lavrov', 'said', 'quote_comma_name_said')
"""

from __future__ import annotations

from typing import Any

from quoteattr.models import Claim, Quote, Span
from quoteattr.pipeline import attribute

try:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        'quoteattr\'s spaCy component needs spaCy: pip install "quoteattr[spacy]"'
    ) from exc

__all__ = ["QuoteAttr", "make_quoteattr", "to_displacy"]

SPAN_EXTENSIONS = ("speaker", "speaker_mention", "cue", "rule", "confidence", "quoteattr")
"""The extensions set on each span of ``doc.spans["quotes"]`` and ``doc.spans["claims"]``."""


def _register_extensions() -> None:
    for name in SPAN_EXTENSIONS:
        if not SpacySpan.has_extension(name):
            SpacySpan.set_extension(name, default=None)
    if not Doc.has_extension("quoteattr"):
        Doc.set_extension("quoteattr", default=None)


def _span(doc: Doc, span: Span | Quote | Claim | None, label: str = "") -> SpacySpan | None:
    if span is None:
        return None
    found: SpacySpan | None = doc.char_span(span.start, span.end, label=label,
                                            alignment_mode="expand")
    return found


class QuoteAttr:
    """The pipeline component: quotes, claims and speakers on a spaCy ``Doc``.

    Create it with ``nlp.add_pipe("quoteattr", config={...})``; the config
    keys are the arguments below.

    Args:
        nlp: The pipeline (its language is the default ``language``).
        name: The component's name in the pipeline.
        language: The language of the texts (``"en"``, ``"de"``); by default
            the pipeline's, or English when quoteattr does not know it.
        claims: Also find reported claims.
        double_apostrophes: Read ``''`` as a double quotation mark; by
            default decided per document.
    """

    def __init__(self, nlp: Language, name: str = "quoteattr", *, language: str | None = None,
                 claims: bool = True, double_apostrophes: bool | None = None) -> None:
        from quoteattr.language.lexicon import languages

        self.name = name
        self.language = language or (nlp.lang if nlp.lang in languages() else "en")
        self.claims = claims
        self.double_apostrophes = double_apostrophes
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        """Attribute the quotes of ``doc`` and set its spans and extensions."""
        result = attribute(doc.text, language=self.language, claims=self.claims,
                           double_apostrophes=self.double_apostrophes)
        doc._.quoteattr = result
        doc.spans["quotes"] = self._spans(doc, result.quotes, "QUOTE")
        doc.spans["claims"] = self._spans(doc, result.claims, "CLAIM")
        return doc

    @staticmethod
    def _spans(doc: Doc, items: tuple[Quote, ...] | tuple[Claim, ...],
               label: str) -> list[SpacySpan]:
        spans = []
        for item in items:
            span = _span(doc, item, label)
            if span is None:  # pragma: no cover - "expand" always finds covering tokens
                continue
            speaker = item.source if isinstance(item, Claim) else item.speaker
            span._.speaker = speaker.name if speaker is not None else None
            span._.speaker_mention = _span(doc, speaker.mention if speaker else None)
            span._.cue = _span(doc, item.cue)
            span._.rule = item.rule
            span._.confidence = item.confidence if speaker is not None else None
            span._.quoteattr = item
            spans.append(span)
        return spans


@Language.factory(
    "quoteattr",
    default_config={"language": None, "claims": True, "double_apostrophes": None},
)
def make_quoteattr(nlp: Language, name: str, language: str | None, claims: bool,
                   double_apostrophes: bool | None) -> QuoteAttr:
    """Make the component of ``nlp.add_pipe("quoteattr")``.

    Returns:
        A [QuoteAttr][quoteattr.io.spacy_pipe.QuoteAttr] with the config's options.
    """
    return QuoteAttr(nlp, name, language=language, claims=claims,
                     double_apostrophes=double_apostrophes)


def to_displacy(doc: Doc, *, claims: bool = False) -> dict[str, Any]:
    """The quotes of a processed ``Doc`` in displaCy's manual span format.

    Each quote is a span labelled with its speaker's name (``no speaker`` when
    there is none), each speaker mention a span labelled ``speaker``, each cue
    a span labelled ``cue``; with ``claims``, each claim a span labelled
    ``claim: NAME``. Draw it with
    ``displacy.render(to_displacy(doc), style="span", manual=True)``.

    Args:
        doc: A ``Doc`` that went through the ``quoteattr`` component.
        claims: Also show reported claims.

    Returns:
        ``{"text": ..., "tokens": [...], "spans": [{"start_token", "end_token", "label"}]}``.

    Raises:
        ValueError: the ``Doc`` did not go through the ``quoteattr`` component.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> _ = nlp.add_pipe("quoteattr")
        >>> data = to_displacy(nlp('"We met," Lavrov said.'))
        >>> [(s["label"], data["tokens"][s["start_token"]]) for s in data["spans"]]
        [('Lavrov', 'We'), ('speaker', 'Lavrov'), ('cue', 'said')]
    """
    if "quotes" not in doc.spans or not doc.has_extension("quoteattr") \
            or doc._.quoteattr is None:
        raise ValueError('this Doc was not processed by quoteattr: nlp.add_pipe("quoteattr") '
                         "first, then call nlp(text)")
    spans: list[dict[str, Any]] = []

    def add(span: SpacySpan | None, label: str) -> None:
        if span is not None:
            spans.append({"start_token": span.start, "end_token": span.end, "label": label})

    groups = [("quotes", "")] + ([("claims", "claim: ")] if claims else [])
    for group, prefix in groups:
        for span in doc.spans[group]:
            add(span, prefix + (span._.speaker or "no speaker"))
            add(span._.speaker_mention, "speaker")
            add(span._.cue, "cue")
    spans.sort(key=lambda s: (s["start_token"], -s["end_token"]))
    return {"text": doc.text, "tokens": [t.text for t in doc], "spans": spans}
