"""quoteattr: who said what in news text.

Find direct quotes and reported claims, attribute each to its speaker with the
rule that decided it, and recognise the same quote printed by different
outlets. Every offset points into the caller's untouched text.

Example:
    >>> import quoteattr
    >>> doc = quoteattr.attribute('"We heard nothing new," Lavrov said.')
    >>> doc.quotes[0].speaker.name
    'Lavrov'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below are imported on first use (``__getattr__``)
    from quoteattr.attribution.context import Context, Decision
    from quoteattr.attribution.patterns import PatternRule
    from quoteattr.attribution.rules import Rule
    from quoteattr.attribution.rulesets import (
        RuleSet,
        RuleSetError,
        builtin_rules,
        load_rules,
        parse_rules,
        rule_names,
    )
    from quoteattr.evaluation.quotes import GoldDocument, GoldQuote, Scores, evaluate, load_gold
    from quoteattr.io.display import Highlighted, show, speaker_colours
    from quoteattr.io.export import claims_table, quotes_table, to_arrow, to_dataframe
    from quoteattr.language.lexicon import CueVerb, Lexicon, LexiconError, languages, load_lexicon
    from quoteattr.matching.claims import match_claims
    from quoteattr.matching.clusters import find_sources, match_quotes
    from quoteattr.matching.similarity import quote_similarity
    from quoteattr.models import (
        Claim,
        ClaimLink,
        ClusterMember,
        Diagnostic,
        Document,
        Quote,
        QuoteCluster,
        QuoteKind,
        QuoteSpeaker,
        SourceMatch,
        Span,
        Speaker,
        SpeakerKind,
    )
    from quoteattr.options import Options
    from quoteattr.pipeline import attribute, find_claims, find_quotes

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ClaimLink",
    "ClusterMember",
    "Context",
    "CueVerb",
    "Decision",
    "Diagnostic",
    "Document",
    "GoldDocument",
    "GoldQuote",
    "Highlighted",
    "Lexicon",
    "LexiconError",
    "Options",
    "PatternRule",
    "Quote",
    "QuoteCluster",
    "QuoteKind",
    "QuoteSpeaker",
    "Rule",
    "RuleSet",
    "RuleSetError",
    "Scores",
    "SourceMatch",
    "Span",
    "Speaker",
    "SpeakerKind",
    "__version__",
    "attribute",
    "builtin_rules",
    "claims_table",
    "evaluate",
    "find_claims",
    "find_quotes",
    "find_sources",
    "languages",
    "load_gold",
    "load_lexicon",
    "load_rules",
    "match_claims",
    "match_quotes",
    "parse_rules",
    "quote_similarity",
    "quotes_table",
    "rule_names",
    "show",
    "speaker_colours",
    "to_arrow",
    "to_dataframe",
]

_HOMES: dict[str, str] = {
    "Claim": "quoteattr.models",
    "ClaimLink": "quoteattr.models",
    "ClusterMember": "quoteattr.models",
    "Context": "quoteattr.attribution.context",
    "CueVerb": "quoteattr.language.lexicon",
    "Decision": "quoteattr.attribution.context",
    "Diagnostic": "quoteattr.models",
    "Document": "quoteattr.models",
    "GoldDocument": "quoteattr.evaluation.quotes",
    "GoldQuote": "quoteattr.evaluation.quotes",
    "Highlighted": "quoteattr.io.display",
    "Lexicon": "quoteattr.language.lexicon",
    "LexiconError": "quoteattr.language.lexicon",
    "Options": "quoteattr.options",
    "PatternRule": "quoteattr.attribution.patterns",
    "Quote": "quoteattr.models",
    "QuoteCluster": "quoteattr.models",
    "QuoteKind": "quoteattr.models",
    "QuoteSpeaker": "quoteattr.models",
    "Rule": "quoteattr.attribution.rules",
    "RuleSet": "quoteattr.attribution.rulesets",
    "RuleSetError": "quoteattr.attribution.rulesets",
    "Scores": "quoteattr.evaluation.quotes",
    "SourceMatch": "quoteattr.models",
    "Span": "quoteattr.models",
    "Speaker": "quoteattr.models",
    "SpeakerKind": "quoteattr.models",
    "attribute": "quoteattr.pipeline",
    "builtin_rules": "quoteattr.attribution.rulesets",
    "claims_table": "quoteattr.io.export",
    "evaluate": "quoteattr.evaluation.quotes",
    "find_claims": "quoteattr.pipeline",
    "find_quotes": "quoteattr.pipeline",
    "find_sources": "quoteattr.matching.clusters",
    "languages": "quoteattr.language.lexicon",
    "load_gold": "quoteattr.evaluation.quotes",
    "load_lexicon": "quoteattr.language.lexicon",
    "load_rules": "quoteattr.attribution.rulesets",
    "match_claims": "quoteattr.matching.claims",
    "match_quotes": "quoteattr.matching.clusters",
    "parse_rules": "quoteattr.attribution.rulesets",
    "quote_similarity": "quoteattr.matching.similarity",
    "quotes_table": "quoteattr.io.export",
    "rule_names": "quoteattr.attribution.rulesets",
    "show": "quoteattr.io.display",
    "speaker_colours": "quoteattr.io.display",
    "to_arrow": "quoteattr.io.export",
    "to_dataframe": "quoteattr.io.export",
}
"""The module that defines each public name; it is imported when the name is first used,
so that ``import quoteattr.cli`` or a worker process loads only the stages it runs."""


def __getattr__(name: str) -> Any:
    """Import a public name, or a subpackage such as ``quoteattr.io``, on first use."""
    home = _HOMES.get(name)
    if home is None:
        if name.startswith("_"):
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
