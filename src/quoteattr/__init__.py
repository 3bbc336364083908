"""quoteattr: who said what in news text.

Find direct quotes and reported claims, attribute each to its speaker with the
rule that decided it, and recognise the same quote printed by different
outlets. Every offset points into the caller's untouched text.
"""

from quoteattr.models import (
    Diagnostic,
    Document,
    Quote,
    QuoteKind,
    QuoteSpeaker,
    Span,
    Speaker,
    SpeakerKind,
)

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "Document",
    "Quote",
    "QuoteKind",
    "QuoteSpeaker",
    "Span",
    "Speaker",
    "SpeakerKind",
    "__version__",
]
