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

from quoteattr.attribution import attribute
from quoteattr.claim_matching import match_claims
from quoteattr.claims import find_claims
from quoteattr.display import Highlighted, show
from quoteattr.evaluation import GoldDocument, GoldQuote, Scores, evaluate, load_gold
from quoteattr.export import claims_table, quotes_table, to_dataframe
from quoteattr.lexicon import CueVerb, Lexicon, LexiconError, languages, load_lexicon
from quoteattr.matching import find_sources, match_quotes
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
from quoteattr.patterns import PatternRule
from quoteattr.quotes import find_quotes
from quoteattr.rules import Rule, builtin_rules, rule_names
from quoteattr.rulesets import RuleSet, RuleSetError, load_rules, parse_rules
from quoteattr.similarity import quote_similarity

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ClaimLink",
    "ClusterMember",
    "CueVerb",
    "Diagnostic",
    "Document",
    "GoldDocument",
    "GoldQuote",
    "Highlighted",
    "Lexicon",
    "LexiconError",
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
    "to_dataframe",
]
