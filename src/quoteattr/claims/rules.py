"""The built-in claim rules, in the order they are tried at each token.

A claim rule looks at one token of a prepared
:class:`~quoteattr.attribution.context.Context` and either returns a
:class:`~quoteattr.claims.base.Found` (who claims, by which cue, which tokens
hold the content) or ``None``. Rules are named after the pattern they
recognise, and that name is what :attr:`quoteattr.models.Claim.rule` reports.
The rules themselves live in :mod:`quoteattr.claims.forward` (content after
the cue) and :mod:`quoteattr.claims.backward` (content before it).

Example:
    >>> [rule.name for rule in CLAIM_RULES][:2]
    ['quoted_name_as_saying_clause', 'according_to_name_clause']
"""

from __future__ import annotations

from quoteattr.claims.backward import clause_comma_name_said
from quoteattr.claims.base import ClaimRule, Found
from quoteattr.claims.forward import name_said_clause, quoted_name_as_saying_clause
from quoteattr.claims.headlines import headline_name_says_clause
from quoteattr.claims.passives import clause_was_said_by_name
from quoteattr.claims.signposts import (
    according_to_name_clause,
    as_name_said_clause,
    clause_comma_so_name,
    name_colon_clause,
    name_zufolge_clause,
    noun_claim_that_clause,
)

__all__ = ["CLAIM_RULES", "CLAIM_RULE_NAMES", "ClaimRule", "Found"]


CLAIM_RULES: tuple[ClaimRule, ...] = (
    ClaimRule(
        "quoted_name_as_saying_clause",
        "X quoted NAME as saying (that) CLAUSE",
        quoted_name_as_saying_clause,
        "quoting",
    ),
    ClaimRule(
        "according_to_name_clause",
        "According to NAME, CLAUSE / CLAUSE, according to NAME",
        according_to_name_clause,
        "source_preposition",
    ),
    ClaimRule(
        "name_zufolge_clause",
        "NAME zufolge CLAUSE / CLAUSE, NAME zufolge (a postposition after the source)",
        name_zufolge_clause,
        "postposition",
    ),
    ClaimRule(
        "clause_comma_so_name",
        "CLAUSE, so NAME. / CLAUSE, so NAME, CLAUSE (a sign-off)",
        clause_comma_so_name,
        "sign_off",
    ),
    ClaimRule(
        "as_name_said_clause",
        "As NAME said, CLAUSE / CLAUSE, as NAME said",
        as_name_said_clause,
        "as",
    ),
    ClaimRule(
        "name_colon_clause",
        "NAME: CLAUSE opening a paragraph (a headline or transcript label)",
        name_colon_clause,
        "colon",
    ),
    ClaimRule(
        "noun_claim_that_clause",
        "his claim that CLAUSE / NAME's allegation that CLAUSE",
        noun_claim_that_clause,
        "noun",
    ),
    ClaimRule(
        "headline_name_says_clause",
        "Doe Says Tax Cut Is Dead (a title-case headline opening the document)",
        headline_name_says_clause,
        "headline",
    ),
    ClaimRule("clause_comma_name_said", "CLAUSE, NAME said.", clause_comma_name_said),
    ClaimRule(
        "clause_was_said_by_name",
        "SUBJECT was criticized by NAME (a passive cue and its agent)",
        clause_was_said_by_name,
    ),
    ClaimRule(
        "name_said_clause", "NAME says (that) CLAUSE / NAME told X (that) CLAUSE", name_said_clause
    ),
)
"""Rules tried at each token of their trigger, in order; the first that fires decides.

``name_said_clause`` also reports, by the frame that matched:
``comma_saying_clause``, ``name_said_colon_clause``, ``name_accused_x_of_y``,
``name_branded_x_a_y``, ``name_vowed_to_vp``, ``name_urged_x_to_vp`` and
``name_called_for_np``; the noun rule reports ``noun_topic_np`` for a noun
of saying and its topic ("his criticism of the plan"); the according-to rule reports
``clause_according_to_name`` for a trailing source, the postposition rule
``clause_name_zufolge`` and the as-rule ``clause_as_name_said``.
"""

CLAIM_RULE_NAMES: tuple[str, ...] = (
    "quoted_name_as_saying_clause",
    "according_to_name_clause",
    "clause_according_to_name",
    "name_zufolge_clause",
    "clause_name_zufolge",
    "clause_comma_so_name",
    "as_name_said_clause",
    "clause_as_name_said",
    "name_colon_clause",
    "noun_claim_that_clause",
    "noun_topic_np",
    "headline_name_says_clause",
    "clause_comma_name_said",
    "clause_was_said_by_name",
    "name_said_clause",
    "comma_saying_clause",
    "name_said_colon_clause",
    "name_accused_x_of_y",
    "name_branded_x_a_y",
    "name_vowed_to_vp",
    "name_urged_x_to_vp",
    "name_called_for_np",
)
"""Every name a claim may report in :attr:`~quoteattr.models.Claim.rule`."""
