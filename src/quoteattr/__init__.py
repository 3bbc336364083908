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
