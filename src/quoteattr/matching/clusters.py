"""Recognise the same quote printed by different outlets.

:func:`match_quotes` groups the quotes of many documents into clusters, one per
utterance: the same words printed with other punctuation, case, marks or
spelling (``exact``), with a word dropped, an ellipsis or a bracketed insertion
(``variant``), or a piece quoted on its own (``fragment``). :func:`find_sources`
looks a phrase up: who said it, where, in which wording.

How it scales: quotes are folded (:mod:`quoteattr.text.normalize`) and identical
folded texts are compared once. Candidate pairs come from an index of word
pairs (bigrams) that occur in at least two texts and in at most
``_MAX_DOCUMENT_FREQUENCY`` of them: each text files its rarest bigrams, as
many as an edit can destroy at the score cutoff plus one, and every text looks
all its bigrams up. RapidFuzz scores only those candidates. Clusters are then
built greedily from the best-scoring links, never joining two speakers who
cannot be one person; each fragment joins at most one cluster, the best.

Example:
    >>> from quoteattr.models import Quote, QuoteSpeaker
    >>> def q(text, name=None):
    ...     speaker = QuoteSpeaker(name=name, kind="person") if name else None
    ...     return Quote(text=text, start=0, end=len(text), open_mark='"',
    ...                  close_mark='"', speaker=speaker)
    >>> clusters = match_quotes([
    ...     ("dw", q("We met on his insistent request, we heard nothing new,", "Sergei Lavrov")),
    ...     ("f24", q("We met on his insistent request. We heard nothing new,", "Lavrov")),
    ...     ("f24", q("nothing new", "Lavrov")),
    ...     ("a7", q("Perhaps there will be something new.", "Lavrov")),
    ... ])
    >>> for cluster in clusters:
    ...     print([(m.doc_id, m.relation, m.score) for m in cluster.members])
    [('a7', 'exact', 100.0)]
    [('dw', 'exact', 100.0), ('f24', 'fragment', 100.0), ('f24', 'exact', 100.0)]
    >>> clusters[1].members[2].diff
    '... insistent [-request,-]{+request.+} [-we-]{+We+} heard nothing new,'
"""

from __future__ import annotations

import datetime
import gc
from collections.abc import Iterable

from quoteattr.matching.arguments import (
    check_collection,
    check_limit,
    check_min_members,
    check_score_cutoff,
)
from quoteattr.matching.linking import (
    Matcher,
    Printing,
    printing_order,
)
from quoteattr.matching.settings import (
    DEFAULT_RECALL_DAYS,
    DEFAULT_SCORE_CUTOFF,
    DEFAULT_WINDOW_DAYS,
    LEVELS,
)
from quoteattr.matching.similarity import (
    Codebook,
    PreparedText,
    partial_score,
    prepare,
    quote_similarity,
    text_key,
    whole_score,
)
from quoteattr.matching.speaker_links import Level
from quoteattr.models import (
    Document,
    MatchRelation,
    Quote,
    QuoteCluster,
    SourceMatch,
    Span,
    parse_date,
)
from quoteattr.text.normalize import normalize_quote

__all__ = [
    "DEFAULT_RECALL_DAYS",
    "DEFAULT_SCORE_CUTOFF",
    "DEFAULT_WINDOW_DAYS",
    "MATCHED_KINDS",
    "collect_printings",
    "find_sources",
    "match_quotes",
    "quote_similarity",
]

MATCHED_KINDS = frozenset({"direct", "partial"})
"""Quote kinds that are matched; ``term`` (a name in quotation marks) never is."""

Input = Iterable[Document] | Iterable[tuple[str, Quote]] | Iterable[
    tuple[str, Quote, datetime.date | str | None]]
"""What matching takes: Documents, ``(doc_id, Quote)`` or ``(doc_id, Quote, date)``
(a ``datetime.date`` or an ISO string)."""


def match_quotes(
    documents: Input,
    *,
    level: Level = "utterance",
    window: int | datetime.timedelta | None = DEFAULT_WINDOW_DAYS,
    recall: int | datetime.timedelta | None = DEFAULT_RECALL_DAYS,
    score_cutoff: float = DEFAULT_SCORE_CUTOFF,
    min_members: int = 1,
    exhaustive: bool = False,
) -> list[QuoteCluster]:
    """Group the quotes of many documents into clusters: one per utterance, or per wording.

    Only ``direct`` and ``partial`` quotes are matched. At the ``utterance``
    level (the default) a cluster is one speaker on one occasion: two quotes
    join when :func:`quote_similarity` reaches ``score_cutoff``, their
    speakers can be one person (the surname, with compatible given names and
    initials: "Lavrov", "Sergei Lavrov" and "Foreign Minister Sergei Lavrov";
    titles and party labels do not count) and their documents' dates lie
    within ``window`` days. A later article that reprints the same words
    (the whole quote, or a passage of four words or more found word for word in
    it), both printings with a known speaker or five words or more, links up to
    ``recall`` days apart. A quote without a known speaker joins a speaker's
    cluster only on five words or more, and never links two speakers. A quote
    found inside a longer one joins that quote's cluster as a ``fragment``,
    the best such cluster only (preferring one printed in the same document);
    one of one to three words only a quote that contains it word for word, of
    a compatible speaker, on the same occasion. Clusters join only when their
    canonical texts match each other, so one weak link never merges two
    groups. The ``wording`` level ignores speakers and dates: the same words
    whenever said (a catchphrase, a chant). The result does not depend on the
    order of the input.

    Args:
        documents: Results of :func:`quoteattr.attribute`, each with a
            ``doc_id`` (and, for the window, a ``date``), or ``(source_id,
            quote)`` pairs, or ``(source_id, quote, date)`` triples.
        level: ``"utterance"`` or ``"wording"``.
        window: How many days printings of one utterance may lie apart (an
            ``int`` or a ``timedelta``); ``None``: no limit. Quotes without a
            date match any date.
        recall: How many days a reprint of the same words may lie apart from
            the occasion's printings (at least ``window``; ``None``: no more
            than ``window``).
        score_cutoff: The similarity, 0-100, two quotes need to be one.
        min_members: Leave out clusters with fewer members (2: only quotes
            printed more than once).
        exhaustive: Compare every pair of distinct texts instead of the
            candidates of the index. Quadratic: the reference the index is
            tested against.

    Returns:
        The clusters ordered by their first member's document id and
        position; within a cluster, the canonical member first.

    Raises:
        TypeError: An input is neither a ``Document`` nor a pair or triple, or
            an option has the wrong type.
        ValueError: A ``Document`` has no ``doc_id``, or an option is out of range.

    Example:
        >>> from quoteattr.models import Quote
        >>> def q(text):
        ...     return Quote(text=text, start=0, end=len(text), open_mark="“", close_mark="”")
        >>> [c.canonical for c in match_quotes([("a", q("Colour me ... surprised.")),
        ...                                     ("b", q("Color me very surprised"))])]
        ['Color me very surprised']
    """
    check_collection(documents, "match_quotes")
    cutoff, days = check_options(score_cutoff, min_members, level, window)
    recall_days = check_days(recall, "recall")
    # Matching makes millions of small objects and no reference cycles: the cyclic
    # garbage collector would rescan them all again and again (superlinear time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        matcher = Matcher(collect_printings(documents), score_cutoff=cutoff, level=level,
                          window=days, recall=recall_days, exhaustive=exhaustive)
        return matcher.clusters(min_members)
    finally:
        if collecting:
            gc.enable()


def check_options(score_cutoff: object, min_members: object, level: object,
                  window: object) -> tuple[float, int | None]:
    """Validate matching options; return the cutoff as a float and the window in days.

    Raises:
        TypeError: An option has the wrong type (saying what to pass).
        ValueError: An option is out of range.
    """
    cutoff = check_score_cutoff(score_cutoff)
    check_min_members(min_members)
    if level not in LEVELS:
        raise ValueError(f"level must be 'utterance' or 'wording', got {level!r}")
    return cutoff, check_days(window, "window")


def check_days(value: object, name: str) -> int | None:
    """Validate a number of days (an int, a ``timedelta`` or ``None``); return it as days.

    Example:
        >>> import datetime
        >>> check_days(datetime.timedelta(weeks=2), "recall"), check_days(None, "window")
        (14, None)
    """
    if value is None:
        return None
    if isinstance(value, datetime.timedelta):
        value = value.days
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a number of days (int), a timedelta or None, got "
                        f"{type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must be 0 days or more, got {value}")
    return value


def collect_printings(documents: Iterable[object]) -> list[Printing]:
    """Flatten documents, pairs and triples into printings of matchable quotes.

    Raises:
        TypeError: An input is neither a ``Document`` nor a ``(str, Quote)``
            pair or ``(str, Quote, date)`` triple.
        ValueError: A ``Document`` has no ``doc_id``, or a date is not a date.
    """
    single_pair = (isinstance(documents, tuple) and 2 <= len(documents) <= 3
                   and isinstance(documents[1], Quote))
    if single_pair or isinstance(documents, Document | Quote | str | bytes):
        raise TypeError(
            f"matching takes an iterable (a list) of Documents or of (source_id, Quote[, date]) "
            f"tuples, got one {type(documents).__name__}; wrap it in a list"
        )
    found: list[Printing] = []
    for entry in documents:
        if type(entry) is tuple and 2 <= len(entry) <= 3 and type(entry[0]) is str and (
            type(entry[1]) is Quote  # exact types first: pydantic's isinstance is slow
        ):
            if entry[1].kind in MATCHED_KINDS:
                found.append(Printing(entry[0], entry[1], _date(entry)))
        elif isinstance(entry, Document):
            if entry.doc_id is None:
                raise ValueError(
                    "a Document has no doc_id: matching reports where each quote was printed; "
                    "pass doc_id=... to quoteattr.attribute()"
                )
            found.extend(Printing(entry.doc_id, q, entry.date)
                         for q in entry.quotes if q.kind in MATCHED_KINDS)
        elif (
            isinstance(entry, tuple) and 2 <= len(entry) <= 3
            and isinstance(entry[0], str) and isinstance(entry[1], Quote)
        ):
            if entry[1].kind in MATCHED_KINDS:
                found.append(Printing(entry[0], entry[1], _date(entry)))
        else:
            raise TypeError(
                f"matching takes Documents or (source_id, Quote[, date]) tuples, got "
                f"{type(entry).__name__}; for raw text call quoteattr.attribute(text, doc_id=...)"
            )
    return found


def _date(entry: tuple[object, ...]) -> datetime.date | None:
    if len(entry) < 3 or entry[2] is None:
        return None
    value = entry[2]
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return parse_date(value)


def find_sources(
    phrase: str,
    documents: Input,
    *,
    level: Level = "utterance",
    window: int | datetime.timedelta | None = DEFAULT_WINDOW_DAYS,
    recall: int | datetime.timedelta | None = DEFAULT_RECALL_DAYS,
    score_cutoff: float = DEFAULT_SCORE_CUTOFF,
    limit: int | None = None,
) -> list[SourceMatch]:
    """Look a phrase up: who said it, where, and in which wording, best first.

    Every ``direct`` or ``partial`` quote that is the phrase, words it
    differently, or contains it is returned with the words that match, their
    offsets in the document and the quote's speaker. Matching folds case,
    punctuation, marks, diacritics and spelling as :func:`match_quotes` does.
    The quotes found are grouped into utterances as :func:`match_quotes`
    groups them: the printings of the utterance with the best match come
    first (:attr:`~quoteattr.models.SourceMatch.utterance` 0; on equal
    scores, the utterance printed most often), each named with its speaker
    (the utterance's, where a printing names nobody), then the next
    utterance's.

    Args:
        phrase: The words to look for.
        documents: Results of :func:`quoteattr.attribute`, each with a
            ``doc_id``, or ``(source_id, quote)`` pairs or ``(source_id,
            quote, date)`` triples.
        level: How printings are grouped: ``"utterance"`` or ``"wording"``.
        window: Days printings of one utterance may lie apart (see
            :func:`match_quotes`).
        recall: Days a reprint of the same words may lie apart (see
            :func:`match_quotes`).
        score_cutoff: The least similarity, 0-100, a quote needs to be listed.
        limit: Return at most this many matches (``None``: all).

    Returns:
        Matches ordered by utterance, then by score, exact before variant before
        fragment, then by document id and position. ``[]`` when nothing
        matches or the phrase has no words.

    Raises:
        TypeError: ``phrase`` is not a ``str``, an input is neither a
            ``Document`` nor a pair or triple, or an option has the wrong type.
        ValueError: An option is out of range.

    Example:
        >>> from quoteattr.models import Quote, QuoteSpeaker
        >>> text = "We met him, we heard nothing new,"
        >>> quote = Quote(text=text, start=10, end=10 + len(text), open_mark="“", close_mark="”",
        ...               speaker=QuoteSpeaker(name="Sergei Lavrov", kind="person"))
        >>> [(m.speaker, m.relation, m.wording.text, m.wording.start, m.utterance)
        ...  for m in find_sources("Nothing new", [("dw", quote)])]
        [('Sergei Lavrov', 'fragment', 'nothing new', 31, 0)]
    """
    if not isinstance(phrase, str):
        raise TypeError(f"find_sources() looks up a str phrase, got {type(phrase).__name__}")
    check_collection(documents, "find_sources")
    cutoff, days = check_options(score_cutoff, 1, level, window)
    recall_days = check_days(recall, "recall")
    limit = check_limit(limit)
    codebook = Codebook()
    wanted = prepare(phrase, codebook)
    if not wanted.code:
        return []
    rank = {"exact": 0, "variant": 1, "fragment": 2}
    found: list[tuple[tuple[float, int, tuple[str, int, int, str, str, str, str, int, str, int]],
                      Printing, SourceMatch]] = []
    vocabulary = set(wanted.tokens)
    for printing in collect_printings(documents):
        doc_id, quote = printing.doc_id, printing.quote
        norm = normalize_quote(quote.text)
        if vocabulary.isdisjoint(norm.tokens):
            continue
        text = PreparedText(text_key(norm.tokens, norm.gaps), norm.tokens, norm.gaps,
                            codebook.encode(norm.tokens))
        match = _phrase_match(wanted, text, cutoff)
        if match is None:
            continue
        relation, score, first, last = match
        start, end = norm.spans[first][0], norm.spans[last - 1][1]
        wording = Span(text=quote.text[start:end], start=quote.start + start,
                       end=quote.start + end)
        result = SourceMatch(
            doc_id=doc_id, quote=quote, speaker=quote.speaker.name if quote.speaker else None,
            relation=relation, score=round(score, 2), wording=wording,
        )
        found.append(((-score, rank[relation], printing_order(doc_id, quote)), printing, result))
    return _by_utterance(found, cutoff, level, days, recall_days)[:limit]


def _by_utterance(
    found: list[tuple[tuple[float, int, tuple[str, int, int, str, str, str, str, int, str, int]],
                      Printing, SourceMatch]],
    cutoff: float, level: Level, window: int | None, recall: int | None,
) -> list[SourceMatch]:
    """Order matches by utterance (best first), each named with its utterance's speaker."""
    if not found:
        return []
    collecting = gc.isenabled()
    gc.disable()
    try:
        clusters = Matcher([p for _, p, _ in found], score_cutoff=cutoff, level=level,
                           window=window, recall=recall).clusters(1)
    finally:
        if collecting:
            gc.enable()
    best = {(p.doc_id, id(p.quote)): key for key, p, _ in found}
    which: dict[tuple[str, int], tuple[int, str | None]] = {}
    def strength(cluster: QuoteCluster) -> tuple[float, int, int, tuple[object, ...]]:
        keys = [best[m.doc_id, id(m.quote)] for m in cluster.members]
        top = min(keys)
        return (top[0], top[1], -len(keys), top[2])  # the best match, then the most printed

    ranked = sorted(clusters, key=strength)
    for number, cluster in enumerate(ranked):
        for member in cluster.members:
            which[member.doc_id, id(member.quote)] = (number, cluster.speaker)
    out = []
    for key, printing, result in found:
        number, speaker = which[printing.doc_id, id(printing.quote)]
        out.append(((number, *key), result.model_copy(update={
            "utterance": number, "speaker": result.speaker or speaker})))
    out.sort(key=lambda x: x[0])
    return [result for _, result in out]


def _phrase_match(
    phrase: PreparedText, text: PreparedText, cutoff: float
) -> tuple[MatchRelation, float, int, int] | None:
    """How a looked-up phrase matches a quote, and which tokens of the quote match."""
    if phrase.key == text.key:
        return "exact", 100.0, 0, len(text.code)
    whole = whole_score(phrase, text)
    if len(phrase.code) < len(text.code):
        part, first, last = partial_score(phrase, text)
        if part > whole and part >= cutoff and last > first:
            return "fragment", part, first, last
    if whole >= cutoff:
        return "variant", whole, 0, len(text.code)
    return None
