"""Who makes a claim: the source of a cue, found in a bounded window around it.

- :func:`source_of_cue`: the subject of a cue whose content follows it
  (``NAME said``), the source of an earlier cue of the same sentence for a
  coordinated or participial cue (``said it was over and warned ...``,
  ``..., saying ...``), a group or quantity opening the sentence (``Many
  economists say``, ``Roughly two in three said``, ``Those polled say``).
- :func:`trailing_source`: the source between a comma and a trailing cue
  (``CLAUSE, the senator said``; ``CLAUSE, Jane Doe, a senator, said``).
- :func:`description` and :func:`name_phrase`: words that are a source
  without being a known mention ("economists and business leaders", "Doe").

Example:
    >>> from quoteattr import find_claims
    >>> [(c.source.name, c.text) for c in find_claims(
    ...     "Roughly two in three said they had moved.")]
    [('Roughly two in three', 'they had moved')]
"""

from __future__ import annotations

import unicodedata
from typing import Final

from quoteattr.attribution.clauses import (
    noun_phrase_opening_sentence,
    opens_sentence,
    subject_before,
)
from quoteattr.claims.reading import NO_TOKEN
from quoteattr.claims.scanner import Scanner
from quoteattr.models import SpeakerKind
from quoteattr.text.mentions import Mention

__all__ = [
    "capitalised_noun_phrase",
    "description",
    "document_issuer",
    "group_subject",
    "name_phrase",
    "quote_char",
    "remember",
    "source_after_cue",
    "source_before",
    "source_of_cue",
    "subject_phrase",
    "trailing_source",
    "with_subject",
]

_MAX_SENTENCE_SUBJECT: Final = 200
"""Tokens from the sentence start beyond which only an adjacent mention is a subject."""

_SOURCE_WINDOW: Final = 12
"""Tokens between the comma and a trailing cue that its source may take."""

_GROUP_WINDOW: Final = 7
"""Tokens of a group or quantity that opens a sentence ("Nearly three in five")."""

_SUBJECT_WORDS: Final = 12
"""Words of a subject phrase without a known mention ("Republicans privy to the polls")."""

_SUBJECT_SKIP: Final = 5
"""Adverbs, auxiliaries and time words between a subject and its cue ("have in the past")."""

_ASIDE_TOKENS: Final = 40
"""Tokens of an aside between a name (or a sentence-opening subject) and its cue
("Jane Roe, who ..., said")."""


def remember(scan: Scanner, c: int, m: Mention) -> None:
    """Note that the cue at c has source m, for later cues coordinated with it."""
    scan.sentence_source[scan.ctx.sentence[c]] = m


def source_of_cue(scan: Scanner, c: int, participle: bool) -> Mention | None:
    """The source of a cue verb at token c whose content follows it."""
    ctx = scan.ctx
    infinitive = scan.joints.get("infinitive")
    if infinitive is not None and ctx.low(c - 1) in infinitive.joints:
        # "went on to say", "has tried to suggest": the subject of the verb before "to"
        found = subject_before(ctx, c)
        if found is None and ctx.kind(c - 2) == "word" and ctx.cue_at(c - 2) < 0:
            found = source_before(scan, c - 2)
        return found
    j = scan.skip_adverbs_back(c)
    if participle and ctx.word(c - 1) == ",":
        quoted = _speaker_of_quote_cue_before(scan, c - 1)
        if quoted is not None:
            return quoted  # '"…," he said, adding that …'
    if participle and ctx.low(c - 1) in scan.words.document_nouns:
        issuer = document_issuer(scan, c - 1)
        if issuer is not None:
            return issuer  # "Doe issued a statement saying …": Doe
    if participle and ctx.word(c - 1) != "," and _group_word(scan, c - 1):
        first = c - 1
        while first > c - 3 and ctx.kind(first - 1) == "word" and (
            ctx.low(first - 1) in scan.words.determiners
            or (ctx.word(first - 1).islower() and ctx.cue_at(first - 1) < 0)
        ):
            first -= 1  # "published reports", "the reports"
        return _made(scan, first, c, "description")  # "published reports alleging that …"
    if participle or ctx.low(j - 1) in scan.words.coordinators:
        earlier = scan.sentence_source.get(ctx.sentence[c]) if c < scan.n else None
        if earlier is not None and earlier.last <= c:
            return earlier
        opening = _sentence_opening_subject(scan, c)
        if opening is not None:
            return opening  # "The commission is frustrated with the firms, saying …"
    if scan.clause_after_comma and ctx.mention_ending.get(j) is None:
        after = source_after_cue(scan, c)  # German: "Zudem sagte Müller, dass ..."
        if after is not None:
            return after
    return source_before(scan, c)


def _long_subject(scan: Scanner, c: int) -> Mention | None:
    """A determiner's noun phrase that runs from the sentence start to the cue at c.

    "A person familiar with the matter told ...": up to nine words, none a
    finite verb, a cue or a relative.
    """
    ctx = scan.ctx
    words = scan.words
    first = scan.sent_first[c] if c < scan.n else c
    while first < c and ctx.kind(first) in ("para", "mark"):
        first += 1
    if not 1 < c - first <= 9 or ctx.low(first) not in words.determiners:
        return None
    for j in range(first + 1, c):
        low = ctx.low(j)
        if ctx.kind(j) != "word" or low in words.finite_auxiliaries or low in words.relatives:
            return None
        if ctx.cue_at(j, weak=False) > 0 or low in words.complementizers:
            return None
    return _made(scan, first, c, "description")


def _sentence_opening_subject(scan: Scanner, c: int) -> Mention | None:
    """The subject that opens the sentence of token c: a mention, or a determiner's noun phrase.

    "The harbor board is worried, saying …": the words from the
    determiner up to the sentence's first finite verb or cue.
    """
    ctx = scan.ctx
    words = scan.words
    first = scan.sent_first[c] if c < scan.n else c
    while first < c and ctx.kind(first) in ("para", "mark"):
        first += 1
    m = ctx.mention_starting.get(first)
    if m is not None:
        if m.possessive or (m.kind == "pronoun" and ctx.low(first) not in words.subject_pronouns):
            return None
        return m if m.last < c else None
    if ctx.low(first) not in words.determiners:
        return None
    for j in range(first + 1, min(first + 7, c)):
        low = ctx.low(j)
        if ctx.kind(j) != "word" or low in words.prepositions or low in words.continuers:
            return None
        if low in words.finite_auxiliaries or ctx.cue_at(j, weak=False) > 0:
            return _made(scan, first, j, "description") if j > first + 1 else None
    return None


def source_after_cue(scan: Scanner, c: int) -> Mention | None:
    """A source right after its cue (``Zudem sagte Müller, dass ...``)."""
    ctx = scan.ctx
    k = ctx.cue_at(c)
    if k < 0:
        return None
    if ctx.low(k) in scan.words.reflexives:
        k += 1
    m = ctx.mention_starting.get(k)
    if m is None and scan.nouns_capitalised and ctx.low(k) in scan.words.determiners:
        m = capitalised_noun_phrase(scan, k)  # "berichtet die langjährige Nachbarin"
    return None if m is None or m.possessive else m


def capitalised_noun_phrase(scan: Scanner, k: int) -> Mention | None:
    """A noun phrase of a language that capitalises nouns: ``einem neuen Bericht``, ``Polizei``.

    A determiner and lower-case adjectives, then capitalised words; a genitive
    ("der Stadt") may follow.
    """
    ctx = scan.ctx
    words = scan.words
    j = k
    if ctx.low(j) in words.determiners:
        j += 1
        while j < k + 4 and ctx.kind(j) == "word" and ctx.word(j)[:1].islower():
            j += 1
    if quote_char(ctx.word(j)):
        j += 1  # 'der "Business Insider"'
    start = j
    while j < start + 4 and ctx.kind(j) == "word" and ctx.word(j)[:1].isupper():
        j += 1
    if j == start:
        return None
    if quote_char(ctx.word(j)) and j > k and quote_char(ctx.word(start - 1)):
        j += 1
    if ctx.low(j) in words.genitive_determiners and ctx.word(j + 1)[:1].isupper():
        j += 2  # a genitive: "nach Angaben der Polizei"
    return _made(scan, k, j, "description")


def quote_char(word: str) -> bool:
    """Tell whether a token is a quotation mark (a term's, outside the speech quotes)."""
    return len(word) == 1 and (word in "\"'" or unicodedata.category(word) in ("Pi", "Pf", "Ps"))


def source_before(scan: Scanner, c: int) -> Mention | None:
    """The source of a cue verb at token ``c``: its subject or a sentence-opening phrase."""
    ctx = scan.ctx
    if c - scan.sent_first[c] > _MAX_SENTENCE_SUBJECT:
        m = ctx.mention_ending.get(c)
        return None if m is None or m.possessive else m
    b = c
    j = scan.skip_adverbs_back(c)
    if ctx.low(j - 1) in scan.words.relative_subjects and _group_word(scan, j - 2):
        return _made(scan, j - 1, j, "pronoun")  # "voters who said …", "23 percent who say"
    if ctx.word(j - 1) == ",":  # "The director of the centre, Jane Doe, told …"
        name = ctx.mention_ending.get(j - 1)
        if name is not None and name.kind == "name" and ctx.word(name.first - 1) == ",":
            return name
    if ctx.low(b - 1) in scan.words.time_words:  # "who on Thursday vowed"
        b -= 1
        if ctx.low(b - 1) in scan.words.time_openers:
            b -= 1
    return (
        group_subject(scan, b)
        or subject_before(ctx, b)
        or noun_phrase_opening_sentence(ctx, b)
        or _long_subject(scan, b)
        or subject_phrase(scan, c)
        or _opening_subject_before_aside(scan, j)
    )


def _opening_subject_before_aside(scan: Scanner, j: int) -> Mention | None:
    """The subject opening the sentence when a long aside ends with a comma at j - 1.

    "Al Roe, a former governor who argued with Doe at the conference, said …";
    "Younger farmers, like their older neighbors, say …": the
    sentence opens with the subject and a comma, and the aside runs to the cue.
    """
    ctx = scan.ctx
    if ctx.word(j - 1) != ",":
        return None
    first = scan.sent_first[j]
    while first < j and ctx.kind(first) in ("para", "mark"):
        first += 1
    if j - first > _ASIDE_TOKENS:
        return None
    m = ctx.mention_starting.get(first)
    if m is None or m.possessive or m.kind == "pronoun" or ctx.word(m.last) != ",":
        comma = first
        while comma < j - 1 and ctx.kind(comma) == "word":
            comma += 1
        m = description(scan, first, comma) if ctx.word(comma) == "," else None
    if m is None or ctx.word(m.last) != "," or m.last >= j - 1:
        return None
    for t in range(m.last + 1, j - 1):
        if ctx.kind(t) in ("quote", "mark", "para") or ctx.word(t) in (";", ":"):
            return None  # a quote or a second clause, no aside
    return m


def _subject_end(scan: Scanner, c: int) -> int:
    """Back from a cue at c over adverbs, auxiliaries, negations and a time phrase.

    "have over the years said", "just this month announced", "wouldn't say".
    """
    ctx = scan.ctx
    words = scan.words
    adverbs = scan.adverbs
    j = c
    for _ in range(_SUBJECT_SKIP):
        w = ctx.low(j - 1)
        if ctx.kind(j - 1) != "word":
            break
        if (
            w in adverbs
            or w in words.finite_auxiliaries
            or w in words.time_words
            or w.endswith(scan.negation_endings)
            or (w.endswith(scan.adverb_endings) and len(w) > 4)
        ):
            j -= 1
        elif w in words.time_nouns and ctx.low(j - 2) in words.time_openers:
            j -= 2  # "this month", "last week"
        elif w in words.time_nouns and ctx.low(j - 2) in words.prepositions:
            j -= 2  # "in June"
        elif (
            w in words.time_nouns
            and ctx.low(j - 2) in words.determiners
            and ctx.low(j - 3) in words.prepositions
        ):
            j -= 3  # "in the past"
        else:
            break
    return j


def subject_phrase(scan: Scanner, c: int) -> Mention | None:
    """The noun phrase that opens the clause of a cue verb at token c, as its source.

    The last resort when no known mention is the subject: "Activists in both
    camps warn", "Staffers close to the talks said", "a growing set of studies
    suggests", "..., while nine in 10 said"; a name before an aside that holds
    a quote (`Jane Roe, who calls him a "liar," said`). The phrase holds no
    verb, no cue and no pronoun, at most _SUBJECT_WORDS words, and opens its
    sentence, follows a conjunction or a fronted phrase's comma.
    """
    ctx = scan.ctx
    words = scan.words
    end = _subject_end(scan, c)
    if end <= 0:
        return None
    if ctx.word(end - 1) == "," or _partial_quote_mark(scan, end - 1):
        return _name_before_aside(scan, end - 1)
    first = end
    while first > end - _SUBJECT_WORDS and ctx.kind(first - 1) == "word":
        low = ctx.low(first - 1)
        if (
            low in words.coordinators
            and (ctx.word(first - 2) == "," or opens_sentence(ctx, first - 1))
        ) or low in scan.subordinators or low in words.complementizers:
            break
        if low in words.relatives or low in words.finite_auxiliaries or ctx.cue_at(
            first - 1, weak=False
        ) > 0:
            return None
        first -= 1
    if first == end or not _clause_opens_at(scan, first):
        return None
    opener = ctx.low(first)
    if (
        opener in words.prepositions
        or opener in words.subject_pronouns
        or (opener in words.object_pronouns and opener not in words.possessive_determiners)
        or opener in scan.subordinators
    ):
        return None
    for t in range(first, end):
        low = ctx.low(t)
        if low in words.subject_pronouns or low in words.relatives:
            return None
    if scan.has_finite_verb(first, end):
        return None
    head = ctx.low(end - 1)
    if (
        head in words.prepositions
        or head in words.determiners
        or head in words.continuers
        or head in scan.adverbs
        or (head.endswith(scan.adverb_endings) and len(head) > 4)
    ):
        return None
    return _made(scan, first, end, "description")


def _clause_opens_at(scan: Scanner, k: int) -> bool:
    """Tell whether a clause may open at token k.

    At a sentence start, after a conjunction, or after the comma of a fronted
    phrase ("In a call with analysts on Monday, ...").
    """
    ctx = scan.ctx
    if opens_sentence(ctx, k) or ctx.kind(k - 1) in ("para", "mark"):
        return True
    prev = ctx.low(k - 1)
    if prev in scan.words.coordinators or prev in scan.subordinators:
        return True
    if ctx.word(k - 1) != ",":
        return False
    first = scan.sent_first[k - 1]
    while first < k and ctx.kind(first) in ("para", "mark"):
        first += 1
    low = ctx.low(first)
    return (
        low in scan.introducers
        or low in scan.words.prepositions
        or low in scan.words.time_words
        or (low.endswith(scan.participle_endings) and len(low) > 4)
        or (low.endswith(scan.adverb_endings) and len(low) > 4)
    )


def _name_before_aside(scan: Scanner, close: int) -> Mention | None:
    """The name before an aside that ends at token ``close`` ("Jane Roe, who ..., said")."""
    ctx = scan.ctx
    for k in range(close - 1, max(close - _ASIDE_TOKENS, scan.sent_first[close] - 1), -1):
        if ctx.kind(k) == "para" or ctx.word(k) in (".", ";", ":", "!", "?"):
            return None
        if ctx.word(k) != ",":
            continue
        m = ctx.mention_ending.get(k)
        if m is None or m.possessive or m.kind == "pronoun":
            continue
        if _clause_opens_at(scan, m.first):
            return m
    return None


def group_subject(scan: Scanner, c: int) -> Mention | None:
    """A group or quantity opening the sentence before token c.

    "Analysts say", "Many of the voters said", "Roughly two in three said",
    "64 percent say", "Those polled say": a short phrase of plural nouns,
    quantity words and numbers, with "of" or "in" inside.
    """
    ctx = scan.ctx
    words = scan.words
    j = scan.skip_adverbs_back(c)
    if ctx.word(j - 1) == ",":  # "Israeli settlers, who mostly vote right, said"
        j = _aside_start(scan, j - 1)
        if j < 0:
            return None
    head = ctx.low(j - 1)
    polled = head.endswith(scan.past_endings) and ctx.low(j - 2) in words.quantity_words
    if not (  # "those surveyed say"
        head.endswith(scan.plural_endings) or head in words.quantity_words or polled
        or head[:1].isdigit() or ctx.low(j - 2) in words.quantity_joints
    ):
        return None  # no plural or quantity word before the cue ("Half of X said" aside)
    return _group_tail(scan, j, c)


def _group_tail(scan: Scanner, j: int, c: int) -> Mention | None:
    """The group phrase that ends at token j, from the sentence start or the last comma."""
    ctx = scan.ctx
    words = scan.words
    first = scan.sent_first[c] if c < scan.n else c
    for k in range(j - 1, max(first, j - _GROUP_WINDOW - 1) - 1, -1):
        if ctx.word(k) == ",":  # "As expected, opposition parties said"
            first = k + 1
            break
    while first < j and (
        ctx.kind(first) in ("para", "mark") or ctx.low(first) in words.coordinators
    ):
        first += 1  # "And regulators say"
    if not 0 < j - first <= _GROUP_WINDOW:
        return None
    head = ctx.low(j - 1)
    opener = ctx.low(first)
    quantity = (
        opener in words.quantity_words
        or opener.split("-")[0] in words.quantity_words  # "sixty-four"
        or ctx.word(first)[:1].isdigit()
    )
    for t in range(first, j):
        low = ctx.low(t)
        if ctx.kind(t) != "word" or ctx.cue_at(t) > 0:
            return None
        if low in words.bare_subject_stop and not (
            low in words.quantity_words or (quantity and low in words.quantity_joints)
        ):
            return None
    if head in words.quantity_joints:
        return None
    if not quantity and not head.endswith(scan.plural_endings):
        return None
    return _made(scan, first, j, "description")


def _speaker_of_quote_cue_before(scan: Scanner, comma: int) -> Mention | None:
    """The speaker of a quote whose cue ends right before ``comma`` ("he said, adding ...")."""
    ctx = scan.ctx
    for k in range(comma - 1, max(comma - 4, -1), -1):
        if ctx.kind(k) != "word":
            return None
        m = scan.speaker_of_cue.get(ctx.tokens[k].start)
        if m is not None:
            return m
    return None


def document_issuer(scan: Scanner, k: int) -> Mention | None:
    """The subject of the verb that issues the document named at token k, or ``None``.

    "Doe issued a statement saying …", "the group released a new report arguing …".
    """
    ctx = scan.ctx
    words = scan.words
    v = k - 1
    while v > k - 4 and ctx.kind(v) == "word" and ctx.low(v) not in words.issuing_verbs:
        if ctx.cue_at(v) > 0 or ctx.low(v) in words.prepositions:
            return None
        v -= 1  # "a statement", "a new report", "a joint statement"
    if ctx.low(v) not in words.issuing_verbs or v == k - 1:
        return None
    m = source_before(scan, v)
    return None if m is None or m.possessive else m


def _group_word(scan: Scanner, k: int) -> bool:
    """Tell whether token k ends a group: a plural noun or a quantity ("voters", "percent")."""
    ctx = scan.ctx
    low = ctx.low(k)
    if ctx.kind(k) != "word" or ctx.word(k)[:1].isupper():
        return False
    plural = (
        len(low) > 3
        and low.endswith(scan.plural_endings)
        and not low.endswith(scan.non_plural_endings)
        and low not in scan.words.prepositions
        and low not in scan.words.continuers
    )
    return plural or low in scan.words.quantity_words


def with_subject(scan: Scanner, c: int) -> Mention | None:
    """The subject of a participle after "with": "with 31 percent saying they had …"."""
    ctx = scan.ctx
    toks = ctx.tokens
    strong = ctx.cue_strong
    if c > scan.n:
        return None  # token c - 1 is no word: outside the text
    for k in range(c - 1, max(c - 8, -1), -1):
        tok = toks[k]
        if tok.kind != "word" or strong[k] > 0:
            return None
        if tok.low in scan.words.with_words:
            if k == c - 1:
                return None
            m = ctx.mention_starting.get(k + 1)
            return m if m is not None and m.last == c else _made(scan, k + 1, c, "description")
    return None


def _aside_start(scan: Scanner, comma: int) -> int:
    """The comma that opens the aside closed by the comma at ``comma``, or -1."""
    ctx = scan.ctx
    toks = ctx.tokens
    if comma > scan.n:
        return -1  # token comma - 1 is no word: outside the text
    for k in range(comma - 1, max(comma - 25, -1), -1):
        tok = toks[k]
        w = tok.text
        if w == ",":
            opener = ctx.low(k + 1)
            relative = opener in scan.words.relatives or opener in scan.words.determiners
            return k if relative else -1
        if tok.kind not in ("word", "punct") or w in (".", ";", ":", "!", "?"):
            return -1
    return -1


def trailing_source(scan: Scanner, c: int) -> tuple[Mention, int] | None:
    """The source between a comma and the trailing cue at c, and that comma's token.

    ``CLAUSE, Jane Doe said``; ``CLAUSE, the Budget Institute said``;
    ``CLAUSE, Jane Doe, a senator, said`` and ``CLAUSE, its governor, Jane Doe,
    said`` (a name and its apposition). The comma may stand inside a partial
    quote that ends the clause (``CLAUSE "PARTIAL," NAME said``); its closing
    mark is then returned.
    """
    ctx = scan.ctx
    j = scan.skip_adverbs_back(c)  # "the senator also said"
    if j <= 1:
        return None
    closing = ctx.word(j - 1) == ","
    k = j - 1 if closing else j
    found = _subject_after_comma(scan, k, c)
    if found is None:
        return None
    m, comma = found
    if closing and ctx.word(comma) == ",":
        # m was the apposition: "…, Jane Doe, a senator from Ohio, said"
        before = _subject_after_comma(scan, comma, c)
        if before is not None and before[0].kind == "name" and m.kind != "name":
            return before
        if before is not None and m.kind == "name" and before[0].kind != "name":
            return m, before[1]  # "…, its governor, Jane Doe, said"
    return m, comma


def _subject_after_comma(scan: Scanner, k: int, c: int) -> tuple[Mention, int] | None:
    """A source ending at token k with a comma (or a partial quote's mark) right before it."""
    ctx = scan.ctx
    toks = ctx.tokens
    m = ctx.mention_ending.get(k)
    if m is not None and not m.possessive:
        f = m.first
        for _ in range(4):  # "the Budget Institute", "study co-author Jane Doe"
            before = toks[f - 1] if f > 0 else NO_TOKEN
            if before.text == "," or (before.kind == "mark" and _partial_quote_mark(scan, f - 1)):
                break
            if before.kind != "word" or ctx.cue_strong[f - 1] > 0:
                break
            if before.low in scan.words.relatives or before.low in scan.words.continuers:
                return None  # "…, which analysts estimated at": a relative clause
            f -= 1
        if ctx.word(f - 1) == "," or _partial_quote_mark(scan, f - 1):
            if f == m.first:
                return m, f - 1
            head = ctx.mention_starting.get(f)  # "a senator from Ohio": the senator
            if (
                head is not None
                and not head.possessive
                and head.kind != "pronoun"
                and m.speaker_kind != "person"  # "Chancellor of the Exchequer Jane Doe"
            ):
                return head, f - 1
            if any(ctx.low(t) in scan.words.prepositions for t in range(f, m.first)):
                made = description(scan, f, k)
                return (made, f - 1) if made is not None else None
            return m, f - 1  # "study co-author Jane Doe"
        return None
    sentence = ctx.sentence
    own = sentence[c] if 0 <= c < scan.n else -1
    for f in range(k - 1, max(k - 1 - _SOURCE_WINDOW, 0), -1):
        before = toks[f - 1]  # f > 0, and f - 1 < k - 1 lies in the text
        if before.text == "," or (before.kind == "mark" and _partial_quote_mark(scan, f - 1)):
            found = description(scan, f, k) or name_phrase(scan, f, k)
            return (found, f - 1) if found is not None else None
        if before.kind not in ("word", "punct") or sentence[f - 1] != own:
            return None
        if before.kind == "punct" and before.text != ".":
            return None
    return None


def _partial_quote_mark(scan: Scanner, k: int) -> bool:
    """'CLAUSE "PARTIAL," NAME said': the closing mark of a quote that ends with a comma."""
    ctx = scan.ctx
    return (
        ctx.kind(k) == "mark"
        and ctx.kind(k - 1) == "quote"
        and ctx.quotes[ctx.tokens[k - 1].quote].text.rstrip().endswith(",")
    )


def description(scan: Scanner, first: int, stop: int) -> Mention | None:
    """Tokens first..stop as an unnamed source, if they look like one.

    A short noun phrase whose last word is a role noun or a plural ("economists
    and business leaders", "the brokerage's analysts", "its developers"), or a
    determiner's phrase ending in a word for a body ("the health board").
    """
    ctx = scan.ctx
    if not 0 < stop - first <= 6:
        return None
    words = scan.words
    if ctx.low(first) in words.continuers or ctx.low(first) in words.prepositions:
        return None
    for t in range(first, stop):
        low = ctx.low(t)
        if ctx.kind(t) != "word" or ctx.cue_at(t, weak=False) > 0:
            return None
        if low in words.finite_auxiliaries or low in words.complementizers:
            return None
        if low in words.subject_pronouns or low in words.relatives:
            return None
    head = ctx.low(stop - 1)
    plural = (
        len(head) > 3
        and head.endswith(scan.plural_endings)
        and not head.endswith(scan.non_plural_endings)
        and head not in words.prepositions
        and head not in words.continuers
    )
    body = ctx.low(first) in words.determiners and (
        ctx.word(stop - 1).capitalize() in scan.org_words  # "the health board"
    )
    if not plural and not body and head not in scan.role_forms:
        return None
    return _made(scan, first, stop, "description")


def name_phrase(scan: Scanner, k: int, stop: int = -1) -> Mention | None:
    """A run of capitalised words from token k as a source ("Doe", "laut Marktprognosen")."""
    ctx = scan.ctx
    if scan.nouns_capitalised:
        return None  # every noun is capitalised: only known mentions are names
    j = k
    limit = stop if stop >= 0 else min(k + 6, scan.n)
    not_names = scan.not_names
    while j < limit and ctx.kind(j) == "word" and ctx.word(j)[:1].isupper():
        if ctx.word(j) in not_names or ctx.cue_at(j, weak=False) > 0:
            return None
        j += 1
    if j == k or (stop >= 0 and j != stop):
        return None
    return _made(scan, k, j, "name", "person")


def _made(
    scan: Scanner, first: int, stop: int, kind: str, speaker_kind: SpeakerKind | None = None
) -> Mention:
    """A mention made of tokens first..stop."""
    ctx = scan.ctx
    start, end = ctx.span(first, stop)
    text = ctx.text[start:end]
    if speaker_kind is None:
        head = ctx.low(stop - 1)
        plural = head.endswith(scan.plural_endings) and not head.endswith(scan.non_plural_endings)
        speaker_kind = "collective" if plural else "anonymous"
    return Mention(first, stop, start, end, text, kind, text, None, False, speaker_kind)
