"""Claim rules keyed on attribution words that are not verbs.

- :func:`according_to_name_clause`: ``According to NAME, CLAUSE``, ``CLAUSE,
  according to NAME``; German ``Laut NAME CLAUSE``, ``nach Angaben der
  Polizei``, mid-clause ``... würden laut NAME ...`` (the language's
  ``source_prepositions``).
- :func:`name_zufolge_clause`: a source before a postposition, ``Dem Bericht
  zufolge CLAUSE`` and ``CLAUSE, dem Bericht zufolge`` (``source_postpositions``).
- :func:`clause_comma_so_name`: a sign-off that closes or interrupts its clause,
  ``CLAUSE, so NAME.``, ``CLAUSE, so NAME, CLAUSE`` (``sign_offs``).
- :func:`as_name_said_clause`: ``As NAME reported, CLAUSE`` and ``CLAUSE, as NAME
  said``; German ``Wie NAME berichtet, CLAUSE``, ``CLAUSE, wie NAME schildert``
  (``as_words``).
- :func:`noun_claim_that_clause`: a noun of saying and its clause, ``his claim
  that ...``, ``Doe's allegation that ...``, ``claims by Doe that ...``
  (``noun_cues``).
- :func:`name_colon_clause`: a speaker label opening a paragraph, in headlines
  and transcripts: ``Doe: Tax cut is dead``, ``Doe to voters: We will win``,
  ``TAPPER: Do you think ...``, ``Q: ...`` / ``A: ...``.

Example:
    >>> from quoteattr import find_claims
    >>> [(c.source.name, c.cue.text, c.text) for c in find_claims(
    ...     "As the ministry reported on Monday, the border will stay closed.")]
    [('the ministry', 'reported', 'the border will stay closed')]
    >>> [(c.source.name, c.text) for c in find_claims(
    ...     "Die Firma wird, so Brandt, in diesem Jahr erstmals Gewinn machen.", language="de")]
    [('Brandt', 'Die Firma wird, so Brandt, in diesem Jahr erstmals Gewinn machen')]
"""

from __future__ import annotations

from typing import Final

from quoteattr.attribution.clauses import noun_phrase_after, skip_aside, speaker_mention_at
from quoteattr.attribution.words import first_from
from quoteattr.claims.base import Found, content_before, content_from
from quoteattr.claims.scanner import Scanner
from quoteattr.claims.sources import capitalised_noun_phrase, name_phrase, source_before
from quoteattr.text.mentions import Mention

__all__ = [
    "according_to_name_clause",
    "as_name_said_clause",
    "clause_comma_so_name",
    "name_colon_clause",
    "name_zufolge_clause",
    "noun_claim_that_clause",
]

_AS_WINDOW: Final = 10
"""Tokens between "as" and its cue ("As the ministry in Ankara reported")."""


def source_phrase_after(scan: Scanner, k: int) -> Mention | None:
    """The source that follows an attribution word at token k ("laut einem Bericht")."""
    ctx = scan.ctx
    m = speaker_mention_at(ctx, k)
    if m is not None:
        j = m.last
        while j < m.last + 3 and ctx.low(j) in scan.role_forms:
            j += 1
        person = speaker_mention_at(ctx, j) if j > m.last else None
        if person is not None and person.kind == "name":
            return person  # "according to Acme chief executive Jane Doe": the person
        return m
    if scan.nouns_capitalised:
        return capitalised_noun_phrase(scan, k)
    return noun_phrase_after(ctx, k) or name_phrase(scan, k) or _bare_phrase(scan, k)


_BARE_PHRASE_TOKENS: Final = 20
"""Words of a source phrase without determiner or name ("figures from the annual
survey run by ... for ..."), up to the punctuation that closes it."""


def _bare_phrase(scan: Scanner, k: int) -> Mention | None:
    """A plain noun phrase after "according to", up to the punctuation that closes it.

    "according to exit polls", "According to state law, ...", "according to
    figures from the annual survey run by ..., ...": no verb, no cue inside.
    """
    ctx = scan.ctx
    words = scan.words
    j = k
    while j < min(k + _BARE_PHRASE_TOKENS, scan.n) and ctx.kind(j) == "word":
        low = ctx.low(j)
        if low in words.finite_auxiliaries or low in words.subject_pronouns:
            return None
        if low in words.complementizers or low in words.relatives or scan.verb_at(j):
            return None
        j += 1
    if j == k or ctx.kind(j) != "punct" or ctx.low(k) in words.prepositions:
        return None
    return _mention(scan, k, j)


def _mention(scan: Scanner, first: int, stop: int) -> Mention:
    ctx = scan.ctx
    start, end = ctx.span(first, stop)
    text = ctx.text[start:end]
    return Mention(first, stop, start, end, text, "description", text, None, False, "anonymous")


def according_to_name_clause(scan: Scanner, i: int) -> Found | None:
    """``According to NAME, CLAUSE`` or ``CLAUSE, according to NAME``."""
    ctx = scan.ctx
    stop = scan.source_phrase_end(i)
    if stop < 0:
        return None
    m = source_phrase_after(scan, stop)
    if m is None:
        return None
    cue = (i, stop)
    lemma = " ".join(ctx.low(t) for t in range(i, stop))
    first = _clause_first(scan, i)
    if first < i and ctx.word(i - 1) == "," and _connective(scan, first, i - 1):
        first = i  # "But, according to the poll, ...", "In addition, according to X, ..."
    if first == i:
        k = _after_apposition(scan, m.last) if ctx.word(m.last) == "," else skip_aside(
            ctx, m.last
        )
        if ctx.word(k) != ",":
            k = _phrase_comma(scan, k)  # "according to a poll out Thursday, ..."
        if ctx.word(k) == ",":
            found = content_from(scan, "according_to_name_clause", 0.8, m, cue, lemma, k + 1)
            if found is not None and _attributed_after(scan, found.last):
                return None  # "According to X, CLAUSE, an analyst noted": the analyst's claim
            return found
        if scan.frames.comma_after_fronted_source:
            return None
        return content_from(scan, "according_to_name_clause", 0.8, m, cue, lemma, m.last)
    if ctx.word(i - 1) == ",":
        if _ends_with_cue(scan, first, i - 1):
            return None  # "CLAUSE, the board said, according to X": the board's claim
        return content_before(scan, "clause_according_to_name", 0.8, m, cue, lemma, first, i - 1)
    if scan.frames.comma_after_fronted_source:
        return None
    # "Bis 2042 würden laut Prognosen 40 000 Flugzeuge ausgeliefert": the rest of the clause
    return content_from(scan, "clause_according_to_name", 0.7, m, cue, lemma, m.last)


def _connective(scan: Scanner, first: int, comma: int) -> bool:
    """Tell whether tokens first..comma are a short opener without a verb ("But", "In addition")."""
    return 0 < comma - first <= 3 and all(
        scan.ctx.kind(t) == "word" and scan.ctx.cue_at(t) < 0 for t in range(first, comma)
    ) and not scan.has_finite_verb(first, comma)


def _phrase_comma(scan: Scanner, k: int) -> int:
    """The comma closing the rest of a source phrase at k, or k.

    "according to a poll out Thursday, ...", "according to the census and the
    tax records, ...": up to twelve more words without a verb, a pronoun or a relative.
    """
    ctx, words = scan.ctx, scan.words
    for j in range(k, min(k + 12, scan.n)):
        if ctx.word(j) == "," and j > k:
            return j
        low = ctx.low(j)
        if (
            ctx.kind(j) != "word"
            or low in words.finite_auxiliaries
            or low in words.subject_pronouns
            or low in words.complementizers
            or low in words.relatives
            or scan.verb_at(j)
        ):
            return k
    return k


def _attributed_after(scan: Scanner, last: int) -> bool:
    """Tell whether a content ending at token ``last`` is followed by ", SOURCE cue"."""
    ctx = scan.ctx
    k = last
    while k < scan.n and ctx.word(k) in scan.words.trimmed_punctuation and ctx.word(k) != ",":
        k += 1
    if ctx.word(k) != ",":
        return False
    for t in range(k + 1, min(k + 9, scan.n)):
        if ctx.kind(t) != "word":
            return False
        cue = scan.clause_cue(t)
        if cue is not None:  # ", an analyst noted.", ", said Doe."
            return t == k + 1 or scan.attribution_ends_sentence(cue[1])
    return False


def _ends_with_cue(scan: Scanner, first: int, comma: int) -> bool:
    """Tell whether the words before ``comma`` end in a trailing attribution ("…, Doe said")."""
    ctx = scan.ctx
    t = comma - 1
    while t > first and (
        ctx.low(t) in scan.words.time_words or ctx.low(t) in scan.words.time_nouns
    ):
        t -= 1  # "the board said Monday", "said last week"
    return t > first and scan.clause_cue(t) is not None and ctx.kind(t - 1) == "word"


def _after_apposition(scan: Scanner, comma: int) -> int:
    """The comma that closes an apposition opened at ``comma`` ("Doe, the director,"), or ``comma``.

    An apposition opens with a determiner or a possessive and is a short phrase
    without a verb; a comma inside a number ("3,000") closes nothing.
    """
    ctx = scan.ctx
    opener = ctx.word(comma + 1)
    if ctx.low(comma + 1) not in scan.words.determiners and not opener.endswith(
        scan.possessive_endings
    ):
        return comma
    for k in range(comma + 2, min(comma + 10, scan.n)):
        w = ctx.word(k)
        if (w == "," and ctx.tokens[k - 1].end < ctx.tokens[k].start) or (w == "," and (
            not ctx.word(k + 1)[:1].isdigit()
        )):
            return k
        if ctx.kind(k) != "word" or ctx.low(k) in scan.words.finite_auxiliaries:
            return comma
        if ctx.cue_at(k, weak=False) > 0:
            return comma
    return comma


def _clause_first(scan: Scanner, i: int) -> int:
    """The first token of the sentence holding token i (after paragraph breaks and marks)."""
    ctx = scan.ctx
    first = scan.sent_first[i]
    while first < i and ctx.kind(first) in ("para", "mark"):
        first += 1
    return first


def name_zufolge_clause(scan: Scanner, z: int) -> Found | None:
    """``Dem Bericht zufolge CLAUSE`` or ``CLAUSE, dem Bericht zufolge``."""
    ctx = scan.ctx
    if ctx.low(z) not in scan.words.source_postpositions:
        return None
    m = ctx.mention_ending.get(z)
    if m is None or m.possessive:
        m = _noun_phrase_before(scan, z)
    if m is None:
        return None
    cue = (z, z + 1)
    lemma = ctx.low(z)
    first = _clause_first(scan, m.first)
    if first == m.first:
        return content_from(scan, "name_zufolge_clause", 0.8, m, cue, lemma, z + 1)
    if ctx.word(m.first - 1) == ",":
        return content_before(scan, "clause_name_zufolge", 0.8, m, cue, lemma, first, m.first - 1)
    return content_from(scan, "clause_name_zufolge", 0.7, m, cue, lemma, z + 1)


def _noun_phrase_before(scan: Scanner, z: int) -> Mention | None:
    """A determiner-led noun phrase ending at token z ("dem jüngsten Bericht")."""
    ctx = scan.ctx
    for k in range(z - 1, max(z - 6, -1), -1):
        if ctx.kind(k) != "word":
            return None
        if ctx.low(k) in scan.words.determiners:
            return _mention(scan, k, z) if k < z - 1 else None
    return None


def clause_comma_so_name(scan: Scanner, i: int) -> Found | None:
    """``CLAUSE, so NAME.`` or ``CLAUSE, so NAME, CLAUSE``: a sign-off names the source."""
    ctx = scan.ctx
    if ctx.low(i) not in scan.words.sign_offs or ctx.word(i - 1) != ",":
        return None
    m = speaker_mention_at(ctx, i + 1) or name_phrase(scan, i + 1)
    if m is None or m.kind == "pronoun":
        return None
    after = skip_aside(ctx, m.last)
    w = ctx.word(after)
    if ctx.kind(after) not in ("end", "para") and w not in (".", ",", "!", "?", ";", ")"):
        return None  # "..., so Brandt fährt fort": not a sign-off
    first = _clause_first(scan, i - 1)
    rest = scan.sent_end[after] if w == "," and ctx.same_sentence(after, after + 1) else -1
    return content_before(
        scan, "clause_comma_so_name", 0.8, m, (i, i + 1), ctx.low(i), first, i - 1, rest
    )


def as_name_said_clause(scan: Scanner, i: int) -> Found | None:
    """``As NAME reported, CLAUSE`` or ``CLAUSE, as NAME said`` (German ``wie``)."""
    ctx = scan.ctx
    if ctx.low(i) not in scan.words.as_words:
        return None
    first = _clause_first(scan, i)
    if first != i and ctx.word(i - 1) != ",":
        return None  # "such as", "as well as": neither opening its clause nor after a comma
    m = speaker_mention_at(ctx, i + 1)
    if m is None:
        m = source_phrase_after(scan, i + 1)
    if m is None or (m.kind == "pronoun" and not scan.clause_after_comma):
        return None
    cue_at, cue_end = _cue_after(scan, m.last)
    if cue_at < 0:
        return None
    lemma = scan.clause_cue(cue_at)
    if lemma is None:
        return None
    if m.last > cue_at:  # "wie der Verband berichtet": the phrase ran into the cue
        if cue_at <= m.first:
            return None
        m = _mention(scan, m.first, cue_at)
    tail = cue_end
    if first == i:  # "As NAME reported, CLAUSE"
        k = tail
        while k < min(tail + 6, scan.n) and ctx.word(k) != ",":
            if ctx.kind(k) != "word":
                return None
            k += 1
        if ctx.word(k) != ",":
            return None
        return content_from(scan, "as_name_said_clause", 0.8, m, (cue_at, cue_end), lemma[0], k + 1)
    if ctx.word(i - 1) != "," or not scan.attribution_ends_sentence(tail):
        return None
    return content_before(
        scan, "clause_as_name_said", 0.8, m, (cue_at, cue_end), lemma[0], first, i - 1
    )


def _cue_after(scan: Scanner, k: int) -> tuple[int, int]:
    """The first cue verb at or after token k within a few words, and its end; (-1, -1) if none."""
    ctx = scan.ctx
    for j in range(k, min(k + _AS_WINDOW, scan.n)):
        end = ctx.cue_at(j, weak=False)
        if end > 0:
            return j, end
        if ctx.kind(j) != "word" and ctx.word(j) not in ('"', "„", "“", "”"):
            return -1, -1
    return -1, -1


_LABEL_WORDS: Final = 4
"""Words of a speaker label before its colon ("JAKE TAPPER:", "Senator Jane Doe:")."""

_LABEL_LISTENER_WORDS: Final = 6
"""Words of a listener after the label's name ("Doe to Asians worried about the vote:")."""


def name_colon_clause(scan: Scanner, i: int) -> Found | None:
    """``NAME: CLAUSE`` opening a paragraph: a headline or a transcript's speaker label.

    An interview's "Q:" and "A:" labels, repeated down the transcript, report
    the interviewer's questions and the answers like any other label.
    """
    ctx = scan.ctx
    words = scan.words
    if ctx.word(i) != ":" or ctx.kind(i + 1) != "word" or not ctx.same_sentence(i, i + 1):
        return None  # a quote after the colon is the quote rules' business
    breaks = ctx.breaks
    opening = breaks[first_from(breaks, i) - 1] + 1 if breaks and breaks[0] < i else 0
    if i - opening > _LABEL_WORDS + 1 + _LABEL_LISTENER_WORDS:
        return None  # too far into its paragraph for a label (the walk below would stop)
    first = i
    while first > 0 and ctx.kind(first - 1) == "word" and ctx.paragraph[first - 1] == (
        ctx.paragraph[i]
    ):
        first -= 1
        if i - first > _LABEL_WORDS + 1 + _LABEL_LISTENER_WORDS:
            return None
    if first > 0 and ctx.kind(first - 1) != "para":
        return None  # not at the start of a paragraph
    name_end = first
    while (
        name_end < i
        and ctx.low(name_end) not in words.label_listener_words
        and (ctx.word(name_end)[:1].isupper() or ctx.low(name_end) in words.label_connectors)
    ):
        name_end += 1
    if not 0 < name_end - first <= _LABEL_WORDS:
        return None
    if name_end < i and ctx.low(name_end) not in words.label_listener_words:
        return None  # "The result: ..." or a clause before the colon
    if any(ctx.low(t) in words.label_stop_words for t in range(first, name_end)):
        return None  # "Update:", "Photo:", "Read more:"
    letter = name_end - first == 1 and len(ctx.word(first)) == 1
    if letter and not _repeated_label(scan, first, name_end):
        return None  # a lone "Q:" is no transcript
    if not letter and any(
        ctx.word(t) in scan.not_names for t in range(first, name_end)
    ):
        return None
    m = None if letter else ctx.mention_starting.get(first)
    if m is not None and scan.nouns_capitalised and not _named_in_full(scan, m):
        m = None  # every noun is capitalised: "Corona-Regeln:" is no speaker
    if m is None or m.last != name_end or m.possessive or m.kind not in ("name", "body"):
        if not _repeated_label(scan, first, name_end):
            return None  # a word before a colon, not a known speaker: "Revealed:", "Poll:"
        start, end = ctx.span(first, name_end)
        text = ctx.text[start:end]
        m = Mention(first, name_end, start, end, text, "name", text, None, False, "person")
    last = i + 1
    para = ctx.paragraph[i]
    while last < scan.n and ctx.paragraph[last] == para and ctx.kind(last) != "para":
        last += 1
        if last - i > 120:
            break
    if sum(1 for t in range(i + 1, min(last, i + 5)) if ctx.kind(t) == "word") < 4:
        return None  # "A: Yes."
    return content_from(scan, "name_colon_clause", 0.75, m, (i, i + 1), ":", i + 1, last=last)


def _named_in_full(scan: Scanner, m: Mention) -> bool:
    """Tell whether a one-word name is the last word of a longer name of the document."""
    if m.kind != "name" or len(m.name.split()) > 1:
        return m.kind == "name"
    if scan.full_name_ends is None:
        scan.full_name_ends = frozenset(
            other.name.split()[-1]
            for other in scan.ctx.mentions
            if other.kind == "name" and len(other.name.split()) > 1
        )
    return m.name.split()[-1] in scan.full_name_ends


def _repeated_label(scan: Scanner, first: int, stop: int) -> bool:
    """Tell whether a label opens another paragraph of the document too (a transcript)."""
    ctx = scan.ctx
    label = [ctx.low(t) for t in range(first, stop)]
    for k in ctx.positions(label[0]):
        if k == first or (k > 0 and ctx.kind(k - 1) != "para"):
            continue
        if all(ctx.low(k + j) == w for j, w in enumerate(label)) and ctx.word(
            k + len(label)
        ) == ":":
            return True
    return False


def noun_claim_that_clause(scan: Scanner, n: int) -> Found | None:
    """``his claim that CLAUSE``, ``Doe's allegation that CLAUSE``, ``claims by Doe that ...``.

    A noun of saying (``noun_cues``) whose complement clause is the content; the
    source is its possessor, or the name after "by". A "that" opening a relative
    clause ("the claim that he made") has no finite verb of its own after the
    subject and is left alone.
    """
    ctx = scan.ctx
    words = scan.words
    if ctx.low(n) not in words.noun_cues:
        return _noun_topic(scan, n) if ctx.low(n) in words.noun_topic_cues else None
    k = n + 1
    m = None
    if ctx.low(k) in words.agent_prepositions:  # "claims by Doe that"
        m = ctx.mention_starting.get(k + 1)
        if m is None or m.possessive:
            return None
        k = m.last
    if ctx.word(k) == ",":
        k += 1  # German: "der Vorwurf, dass"
    if ctx.low(k) not in words.complementizers:
        return None
    first = k + 1
    last = scan.content_end(first)
    if last - first < 4 or not scan.has_finite_verb(first + 1, last):
        return None
    if m is None:
        m = _possessor(scan, n)
    if m is None:
        return None
    lemma = ctx.low(n)
    return content_from(scan, "noun_claim_that_clause", 0.7, m, (n, n + 1), lemma, first)


def _noun_topic(scan: Scanner, n: int) -> Found | None:
    """``his criticism of X``, ``made comments about X``: a noun of saying and its topic.

    The source is the noun's possessor or the subject of the light verb before
    it ("Doe made comments about the war"); the content is the topic's noun phrase.
    """
    ctx = scan.ctx
    words = scan.words
    k = n + 1
    if ctx.low(k) in words.agent_prepositions:
        return _received(scan, n)
    if ctx.low(k) not in words.topic_prepositions or ctx.kind(k + 1) != "word":
        return None
    m = _possessor(scan, n)
    if m is None:
        v = n - 1
        while v > n - 4 and ctx.kind(v) == "word" and ctx.low(v) not in words.light_verbs:
            if ctx.low(v) in words.determiners or ctx.cue_at(v) > 0:
                break
            v -= 1  # "made several comments", "voiced sharp criticism"
        if ctx.low(v) not in words.light_verbs:
            return None
        m = source_before(scan, v)
    if m is None or m.possessive:
        return None
    lemma = ctx.low(n)
    return content_from(scan, "noun_topic_np", 0.65, m, (n, k + 1), lemma, k + 1)


def _received(scan: Scanner, n: int) -> Found | None:
    """``The plan drew criticism from unions``: the subject is the content, the agent the source."""
    ctx = scan.ctx
    words = scan.words
    v = n - 1
    while v > n - 4 and ctx.kind(v) == "word" and ctx.low(v) not in words.receiving_verbs:
        v -= 1  # "drew sharp criticism", "has already gotten criticism"
    if ctx.low(v) not in words.receiving_verbs:
        return None
    m = source_phrase_after(scan, n + 2)
    if m is None or m.possessive:
        return None
    aux = v
    adverbs = scan.adverbs
    while aux > v - 4 and ctx.kind(aux - 1) == "word" and (
        ctx.low(aux - 1) in adverbs or ctx.low(aux - 1).endswith(scan.adverb_endings)
    ):
        aux -= 1  # "has already gotten", "quickly drew"
    first = max(max(scan.sent_first[aux], scan.prev_punct[aux - 1] + 1), aux - 30)
    while first < aux and ctx.kind(first) in ("para", "mark"):
        first += 1
    if first >= aux or ctx.low(aux - 1) in words.relatives or ctx.low(first) in words.relatives:
        return None
    if any(ctx.kind(t) in ("quote", "mark") for t in range(first, aux)):
        return None
    return Found("noun_topic_np", 0.65, m, (n, n + 2), ctx.low(n), first, aux)


def _possessor(scan: Scanner, n: int) -> Mention | None:
    """The possessor before a noun, over up to two modifiers: "his", "Doe's", "the mayor's"."""
    ctx = scan.ctx
    for k in range(n - 1, max(n - 4, -1), -1):
        if ctx.kind(k) != "word":
            return None
        low = ctx.low(k)
        if low in scan.words.possessive_determiners:
            start, end = ctx.span(k, k + 1)
            text = ctx.text[start:end]
            return Mention(k, k + 1, start, end, text, "pronoun", text, None, False, "person")
        m = ctx.mention_ending.get(k + 1)
        if m is not None and m.possessive:
            return m._replace(possessive=False)
        if low in scan.words.determiners:
            return None
    return None
