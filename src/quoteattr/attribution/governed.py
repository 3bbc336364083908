"""Quotes governed by a clause: naming verbs, speech nouns and documents (issue 12).

A quoted fragment often completes a predicate instead of following a cue verb
(families 1 and 4 of issue 12):

- :func:`name_called_x_quote`: a naming or evaluative verb whose object or
  complement the fragment completes: ``Doe called the plan "a disaster"``,
  ``described it as "reckless"``, ``accused her of "lying"``, ``..., calling it
  "absurd"``. The speaker is the verb's subject; a passive verb (``was called``)
  names no speaker.
- :func:`name_verb_x_as_quote`: a quoted complement after ``as`` evaluates the
  object of any verb: ``Doe defended his remarks as "sarcastic"``, ``offered
  himself as a "tough on crime" candidate``.
- :func:`possessor_speech_noun_quote`: a speech noun with a possessor: ``her
  remark that "…"``, ``his assertion of "…"``, ``Doe's "…" promise``.
- :func:`quote_as_name_said`: an as-clause after the quote: ``"…," as Doe put
  it``.
- :func:`name_issued_document_quote`: a document issued by its owner: ``The
  campaign issued a statement saying "…"`` is the campaign's, not the statement's.

The words (naming verbs, speech and document nouns, issuing verbs, links) are
data in ``attribution_words.json``; in a language without that file these rules
do not fire. Each look-up reads a bounded window before the quote.

Example:
    >>> from quoteattr import attribute
    >>> text = 'Mayor Jane Doe called the plan for a new stadium "a disaster."'
    >>> q = attribute(text).quotes[0]
    >>> q.speaker.name, q.rule
    ('Jane Doe', 'name_called_x_quote')
"""

from __future__ import annotations

from quoteattr.attribution.clauses import (
    after_quote,
    attribution_ends,
    before_quote,
    noun_phrase_after,
    noun_phrase_opening_sentence,
    skip_adverbs,
    skip_adverbs_back,
    speaker_mention_at,
    subject_before,
)
from quoteattr.attribution.context import Context, Decision
from quoteattr.attribution.windows import any_within
from quoteattr.attribution.words import attribution_words, is_passive
from quoteattr.models import SpeakerKind
from quoteattr.text.mentions import Mention

__all__ = [
    "document_owner",
    "name_called_x_quote",
    "name_issued_document_quote",
    "name_verb_x_as_quote",
    "possessor_speech_noun_quote",
    "quote_as_name_said",
]

_OBJECT_TOKENS = 20  # tokens between a naming verb and the quote it governs
_LINK_TOKENS = 14  # tokens between a document noun and its words
_MODIFIERS = 4  # words between an issuing verb and its document noun
_AS_OBJECT_TOKENS = 8  # tokens of a verb and its object before "as"
_ENDS = frozenset({".", ";", ":", "!", "?"})
_DASHES = frozenset({"—", "–", "--", "(", ")"})
_ENDS_DASHES = _ENDS | _DASHES
_NOT_WORDS = ("para", "quote", "mark")
"""Token kinds that end a window of a clause's words."""


def _verb_subject(ctx: Context, v: int) -> Mention | None:
    """The subject of the verb at token ``v``, unless the verb is passive."""
    if is_passive(attribution_words(ctx.lexicon), ctx.low(v - 1), ctx.low(v)):
        return None  # "was called", "being dubbed": the speaker is not the subject
    m = subject_before(ctx, v) or noun_phrase_opening_sentence(ctx, v)
    return document_owner(ctx, m) if m is not None else None


def document_owner(ctx: Context, m: Mention) -> Mention:
    """The owner of a document mention that an issuing verb governs, else ``m`` itself.

    ``The campaign released a statement calling …``: the statement's subject is
    the campaign, which speaks through it; ``a report from Acme Research``: the
    named source after the noun.

    Example:
        >>> from quoteattr import attribute
        >>> text = 'The union released a letter calling the offer "an insult."'
        >>> attribute(text).quotes[0].speaker.name
        'The union'
    """
    words = attribution_words(ctx.lexicon)
    if m.kind != "description" or ctx.low(m.last - 1) not in words.document_nouns:
        return m
    if ctx.low(m.last) in words.document_sources:
        # "a report from Acme Research", "a statement by the ministry"
        source = ctx.mention_starting.get(m.last + 1)
        if source is not None and not source.possessive and source.kind in ("name", "body"):
            return source
    for v in range(m.first - 1, max(m.first - 3, -1), -1):
        if ctx.kind(v) != "word":
            return m
        if ctx.low(v) in words.issuing_verbs:
            if is_passive(words, ctx.low(v - 1), ctx.low(v)):
                return m
            owner = subject_before(ctx, v) or noun_phrase_opening_sentence(ctx, v)
            return owner if owner is not None and owner.first < v else m
    return m


def name_called_x_quote(ctx: Context, qi: int) -> Decision | None:
    """``NAME called X "Q"``: the fragment completes a naming or evaluative verb.

    The verb is the nearest naming verb before the quote in its sentence, within
    20 tokens, with no other strong cue verb between them.
    """
    words = attribution_words(ctx.lexicon)
    if not words.naming_verbs:
        return None
    qt = ctx.quote_token[qi]
    b = before_quote(ctx, qi)
    if not any_within(ctx, words.naming_verbs, b - _OBJECT_TOKENS, b + 1):
        return None
    first = max(b - _OBJECT_TOKENS, ctx.sentence_first(qt))
    tokens = ctx.tokens
    strong = ctx.cue_strong
    for v in range(b, first - 1, -1):  # 0 <= first <= v < len(tokens)
        tok = tokens[v]
        if tok.kind in _NOT_WORDS or tok.text in _ENDS:
            return None
        if tok.low in words.naming_verbs and tok.kind == "word":
            m = _verb_subject(ctx, v)
            if m is None or m.first >= v:
                return None
            return Decision("name_called_x_quote", 0.8, m, ctx.span(v, v + 1))
        if v < b and strong[v] > 0:
            return None  # 'said Doe had "lied"': another verb governs the quote
    return None


def name_verb_x_as_quote(ctx: Context, qi: int) -> Decision | None:
    """``Doe defended his remarks as "sarcastic"``: a quoted complement after ``as``.

    ``as`` (a ``complement_links`` word), maybe an article or ``being``, stands
    right before the quote; before it, within eight tokens of words, a verb
    and its object (one word at least: ``served as "adviser"`` has none). The
    verb's subject, a person or body that opens its clause and ends right
    before the verb (adverbs aside), speaks; a passive verb names nobody.

    Example:
        >>> from quoteattr import attribute
        >>> text = 'Senator Jane Doe later defended her remarks as "a joke."'
        >>> q = attribute(text).quotes[0]
        >>> q.speaker.name, q.rule
        ('Jane Doe', 'name_verb_x_as_quote')
    """
    words = attribution_words(ctx.lexicon)
    if not words.complement_links:
        return None
    a = before_quote(ctx, qi)
    if not any_within(ctx, words.complement_links, a - 2, a + 1):
        return None  # no "as" right before the quote
    for _ in range(2):
        if ctx.low(a) in words.articles or ctx.low(a) in words.complement_fillers:
            a -= 1
    if ctx.kind(a) != "word" or ctx.low(a) not in words.complement_links:
        return None
    if ctx.kind(a - 1) != "word":
        return None
    for v in range(a - 2, max(a - 2 - _AS_OBJECT_TOKENS, -1), -1):
        if ctx.kind(v) != "word" or not ctx.same_sentence(v, a):
            return None
        if not ctx.word(v).islower():
            continue
        m = _clause_subject_before(ctx, v)
        if m is None:
            continue
        if is_passive(words, ctx.low(v - 1), ctx.low(v)):
            return None  # "was described as": the subject was named
        return Decision("name_verb_x_as_quote", 0.75, m, ctx.span(v, v + 1))
    return None


def _clause_subject_before(ctx: Context, v: int) -> Mention | None:
    """A person or body right before token ``v`` (adverbs aside) that opens its clause."""
    j = skip_adverbs_back(ctx, v - 1)
    m = ctx.mention_ending.get(j + 1)
    if m is None or m.possessive or m.first > j:
        return None
    if m.kind == "pronoun":
        if ctx.low(m.first) in attribution_words(ctx.lexicon).grammar.unresolved_pronouns:
            return None
    elif m.kind == "description":
        if m.speaker_kind not in ("anonymous", "collective", "person"):
            return None
    elif m.kind not in ("name", "body"):
        return None
    before = m.first - 1
    joiners = attribution_words(ctx.lexicon).clause_joiners
    if (before < 0 or ctx.kind(before) == "para" or not ctx.same_sentence(before, m.first)
            or ctx.word(before) in (",", "—", "–", ";") or ctx.low(before) in joiners):
        return m
    return None


def possessor_speech_noun_quote(ctx: Context, qi: int) -> Decision | None:
    """``her remark that "Q"``, ``Doe's "Q" promise``: a speech noun's possessor speaks."""
    words = attribution_words(ctx.lexicon)
    if not words.speech_nouns:
        return None
    b = before_quote(ctx, qi)
    qt = ctx.quote_token[qi]
    if not any_within(ctx, words.speech_nouns, b - 2, qt + 3):
        return None  # no speech noun right before or after the quote
    # the noun before the quote: 'her remark that "Q"', 'his assertion of "Q"'
    n = b
    for _ in range(2):
        if ctx.low(n) in words.speech_noun_links or ctx.word(n) in (",", ":"):
            n -= 1
    if ctx.kind(n) == "word" and ctx.low(n) in words.speech_nouns:
        m = _possessor_before(ctx, n)
        if m is not None:
            return Decision("possessor_speech_noun_quote", 0.75, m, ctx.span(n, n + 1))
    # the noun after the quote: 'Doe's "Q" promise'
    a = qt + 1 if ctx.kind(qt + 1) == "mark" else qt
    if ctx.low(a + 1) in words.speech_nouns and ctx.kind(a + 1) == "word":
        m = _possessor_at(ctx, b)
        if m is not None:
            return Decision("possessor_speech_noun_quote", 0.75, m, ctx.span(a + 1, a + 2))
    return None


def _possessor_before(ctx: Context, n: int) -> Mention | None:
    """The possessor of the noun at token ``n``, up to three modifiers before it."""
    np_stop = attribution_words(ctx.lexicon).grammar.np_stop
    for k in range(n - 1, max(n - 5, -1), -1):
        m = _possessor_at(ctx, k)
        if m is not None:
            return m
        if ctx.kind(k) != "word" or ctx.low(k) in np_stop:
            return None
    return None


def _possessor_at(ctx: Context, k: int) -> Mention | None:
    """A possessive mention ending at token ``k`` ("Doe's") or a possessive pronoun ("her")."""
    m = ctx.mention_ending.get(k + 1)
    if m is not None and m.possessive:
        return m
    words = attribution_words(ctx.lexicon)
    low = ctx.low(k)
    if ctx.kind(k) != "word" or low not in words.possessive_pronouns:
        return None
    pronoun = ctx.lexicon.pronoun_forms.get(low)
    plural = pronoun is not None and pronoun.number == "plural"
    kind: SpeakerKind = "collective" if plural else "person"
    tok = ctx.tokens[k]
    return Mention(k, k + 1, tok.start, tok.end, tok.text, "pronoun", tok.text, None, False, kind)


def name_issued_document_quote(ctx: Context, qi: int) -> Decision | None:
    """``The campaign issued a statement saying "Q"``: a document speaks for its owner.

    A document noun lies within 14 tokens before the quote in its sentence, with
    no strong cue between them but a link ("saying", "titled", "that"); an
    issuing verb stands at most four words before the noun; its subject speaks.
    """
    words = attribution_words(ctx.lexicon)
    if not words.document_nouns:
        return None
    qt = ctx.quote_token[qi]
    b = before_quote(ctx, qi)
    if not any_within(ctx, words.document_nouns, b - _LINK_TOKENS, b + 1):
        return None
    first = max(b - _LINK_TOKENS, ctx.sentence_first(qt))
    tokens = ctx.tokens
    strong = ctx.cue_strong
    for d in range(b, first - 1, -1):  # 0 <= first <= d < len(tokens)
        tok = tokens[d]
        if tok.kind in _NOT_WORDS or tok.text in _ENDS_DASHES:
            return None
        low = tok.low
        if low in words.document_nouns and tok.kind == "word":
            issued = _issued(ctx, d, b)
            if issued is not None:
                return issued
        if strong[d] > 0 and low not in words.document_links:
            return None
    return None


def _issued(ctx: Context, d: int, b: int) -> Decision | None:
    """The owner of the document noun at token ``d`` by the verb that issued it."""
    words = attribution_words(ctx.lexicon)
    if not any(ctx.low(k) in words.document_links or ctx.word(k) in (":", ",")
               for k in range(d + 1, b + 1)):
        return None  # the document's words follow a link: 'saying', 'titled', ':'
    for v in range(d - 1, max(d - 2 - _MODIFIERS, -1), -1):
        if ctx.kind(v) != "word":
            return None
        if ctx.low(v) in words.issuing_verbs:
            m = _verb_subject(ctx, v)
            if m is None or m.first >= v:
                return None
            return Decision("name_issued_document_quote", 0.8, m, ctx.span(v, d + 1))
    return None


def quote_as_name_said(ctx: Context, qi: int) -> Decision | None:
    """``"Q," as NAME put it`` or ``"Q," as NAME said on Monday``: an as-clause after the quote.

    The clause follows the quote's closing mark and comma; its subject is a
    mention or a determiner-led noun phrase, its verb any cue, and it ends
    there or after ``it`` (``put it``) or a trailing phrase.
    """
    words = attribution_words(ctx.lexicon)
    a = after_quote(ctx, qi)
    if not any_within(ctx, words.as_clause_openers, a, ctx.quote_token[qi] + _PASSIVE_AS_TOKENS):
        return None  # no "as" after the quote, for this clause or a passive one
    if ctx.word(a) == ",":
        a += 1
    if ctx.low(a) not in words.as_clause_openers or ctx.kind(a) != "word":
        return _passive_as_clause(ctx, qi)
    m = speaker_mention_at(ctx, a + 1) or noun_phrase_after(ctx, a + 1)
    if m is None:
        return _passive_as_clause(ctx, qi)
    c = skip_adverbs(ctx, m.last)
    end = ctx.cue_at(c)
    if end < 0:
        return None
    tail = end + 1 if ctx.low(end) in attribution_words(ctx.lexicon).as_clause_objects else end
    if not attribution_ends(ctx, tail):
        return None
    return Decision("quote_as_name_said", 0.8, m, ctx.span(c, end))


_PASSIVE_AS_TOKENS = 16
"""How far after a quote, in its sentence, a passive as-clause may stand."""


def _passive_as_clause(ctx: Context, qi: int) -> Decision | None:
    """``being "Q" in the handling of it – as described by NAME –``: a passive as-clause.

    After the quote, within 16 tokens of its sentence and before any other
    quote, a comma or dash, then ``as``, a cue and its agent (``by NAME``); the
    attribution ends after the agent. The agent speaks.
    """
    words = attribution_words(ctx.lexicon)
    if not words.agent_links:
        return None
    qt = ctx.quote_token[qi]
    first = after_quote(ctx, qi)
    if not any_within(ctx, words.as_clause_openers, first, qt + _PASSIVE_AS_TOKENS):
        return None
    stop = min(ctx.sentence_stop(qt), qt + _PASSIVE_AS_TOKENS)
    tokens = ctx.tokens
    for a in range(first, stop):  # stop <= len(tokens)
        tok = tokens[a]
        if tok.kind in _NOT_WORDS:
            return None
        if tok.low not in words.as_clause_openers:
            continue
        if a > first and ctx.word(a - 1) not in (",", "\u2013", "\u2014", "--", "-"):
            continue  # '"Q," as …' right after the quote, or after a comma or dash
        end = ctx.cue_at(a + 1)
        if end < 0 or ctx.low(end) not in words.agent_links:
            return None
        m = speaker_mention_at(ctx, end + 1) or noun_phrase_after(ctx, end + 1)
        if m is None or m.kind == "pronoun" or not attribution_ends(ctx, m.last):
            return None
        return Decision("quote_as_name_said", 0.8, m, ctx.span(a + 1, end))
    return None

