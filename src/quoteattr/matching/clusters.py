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

import gc
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from quoteattr.matching.arguments import (
    check_collection,
    check_limit,
    check_min_members,
    check_score_cutoff,
)
from quoteattr.matching.candidates import all_pairs, candidate_pairs
from quoteattr.matching.similarity import (
    Codebook,
    PreparedText,
    partial_score,
    prepare,
    quote_similarity,
    text_key,
    whole_score,
    word_diff,
)
from quoteattr.matching.speaker_links import (
    SpeakerForest,
    SpeakerKey,
    speaker_key,
    speakers_compatible,
)
from quoteattr.models import (
    ClusterMember,
    Document,
    MatchRelation,
    Quote,
    QuoteCluster,
    SourceMatch,
    Span,
)
from quoteattr.text.normalize import fold_tokens, function_words, normalize_quote

__all__ = ["find_sources", "match_quotes", "quote_similarity"]

MATCHED_KINDS = frozenset({"direct", "partial"})
"""Quote kinds that are matched; ``term`` (a name in quotation marks) never is."""

DEFAULT_SCORE_CUTOFF = 85.0
MIN_FRAGMENT_WORDS = 2
"""A fragment has at least this many words; a single quoted word joins no cluster."""
SHORT_FRAGMENT_WORDS = 4
"""Fragments shorter than this must appear word for word in the longer quote."""


_speaker_key = speaker_key
_Clusters = SpeakerForest


class _Item(NamedTuple):
    doc_id: str
    quote: Quote
    speaker: str | None
    node: int
    unit: int


def match_quotes(
    documents: Iterable[Document] | Iterable[tuple[str, Quote]],
    *,
    score_cutoff: float = DEFAULT_SCORE_CUTOFF,
    min_members: int = 1,
    exhaustive: bool = False,
) -> list[QuoteCluster]:
    """Group the quotes of many documents into one cluster per utterance.

    Only ``direct`` and ``partial`` quotes are matched. Two quotes join when
    :func:`quote_similarity` reaches ``score_cutoff`` and their speakers can be
    one person (folded names equal, or the same last name with compatible first
    names: "Lavrov" and "Sergei Lavrov"; "Cavusoglu" and "Mevlüt Çavuşoğlu").
    A quote without a speaker, or with an unknown or anonymous one, may join any
    cluster. A quote of two or more words (not all function words) found inside
    a longer quote of a compatible speaker joins that quote's cluster as a
    ``fragment``; it joins the best such cluster only, preferring one printed in
    the same document. The result does not depend on the order of the input.

    Args:
        documents: Results of :func:`quoteattr.attribute`, each with a
            ``doc_id``, or ``(source_id, quote)`` pairs.
        score_cutoff: The similarity, 0-100, two quotes need to be one.
        min_members: Leave out clusters with fewer members (2: only quotes
            printed more than once).
        exhaustive: Compare every pair of distinct texts instead of the
            candidates of the index. Quadratic: the reference the index is
            tested against.

    Returns:
        The clusters ordered by their canonical member's document id and
        position; within a cluster, the canonical member first.

    Raises:
        TypeError: An input is neither a ``Document`` nor a ``(str, Quote)`` pair.
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
    score_cutoff = check_score_cutoff(score_cutoff)
    check_min_members(min_members)
    # Matching makes millions of small objects and no reference cycles: the cyclic
    # garbage collector would rescan them all again and again (superlinear time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Matcher(_collect(documents), score_cutoff, exhaustive).clusters(min_members)
    finally:
        if collecting:
            gc.enable()


def _collect(documents: Iterable[object]) -> list[tuple[str, Quote]]:
    """Flatten documents and pairs into ``(doc_id, quote)`` for matchable quotes."""
    found: list[tuple[str, Quote]] = []
    for entry in documents:
        if type(entry) is tuple and len(entry) == 2 and type(entry[0]) is str and (
            type(entry[1]) is Quote  # exact types first: pydantic's isinstance is slow
        ):
            if entry[1].kind in MATCHED_KINDS:
                found.append((entry[0], entry[1]))
        elif isinstance(entry, Document):
            if entry.doc_id is None:
                raise ValueError(
                    "a Document has no doc_id: matching reports where each quote was printed; "
                    "pass doc_id=... to quoteattr.attribute()"
                )
            found.extend((entry.doc_id, q) for q in entry.quotes if q.kind in MATCHED_KINDS)
        elif (
            isinstance(entry, tuple) and len(entry) == 2
            and isinstance(entry[0], str) and isinstance(entry[1], Quote)
        ):
            if entry[1].kind in MATCHED_KINDS:
                found.append((entry[0], entry[1]))
        else:
            raise TypeError(
                f"match_quotes() takes Documents or (source_id, Quote) pairs, got "
                f"{type(entry).__name__}; for raw text call quoteattr.attribute(text, doc_id=...)"
            )
    return found


class _Matcher:
    """One run of :func:`match_quotes`: texts, speaker units, links, clusters."""

    def __init__(self, pairs: list[tuple[str, Quote]], cutoff: float, exhaustive: bool) -> None:
        self.cutoff = cutoff
        folded: dict[str, tuple[str, tuple[str, ...], tuple[int, ...]]] = {}
        for _, quote in pairs:
            if quote.text not in folded:
                tokens, gaps = fold_tokens(quote.text)
                folded[quote.text] = (text_key(tokens, gaps), tokens, gaps)
        codebook = Codebook()
        by_key = {key: (tokens, gaps) for key, tokens, gaps in folded.values()}
        keys = sorted(by_key)  # ids from sorted text: nothing depends on input order
        self.texts = [
            PreparedText(key, by_key[key][0], by_key[key][1], codebook.encode(by_key[key][0]))
            for key in keys
        ]
        node_of = {key: i for i, key in enumerate(keys)}
        raw_units = set()
        staged = []
        for doc_id, quote in pairs:
            node = node_of[folded[quote.text][0]]
            speaker = _speaker_key(quote)
            # A quote with no words at all is nobody's match: a unit of its own.
            alone = (doc_id, quote.start, quote.end, quote.text) if not keys[node] else None
            unit_key = (node, speaker is not None, speaker or SpeakerKey("", False), alone)
            raw_units.add(unit_key)
            staged.append((doc_id, quote, unit_key))
        unit_keys = sorted(raw_units, key=lambda k: (k[0], k[1], k[2], k[3] or ("", 0, 0, "")))
        unit_of = {k: i for i, k in enumerate(unit_keys)}
        self.unit_node = [k[0] for k in unit_keys]
        self.unit_speaker = [k[2] if k[1] else None for k in unit_keys]
        self.units_of_node: dict[int, list[int]] = defaultdict(list)
        for unit, k in enumerate(unit_keys):
            if k[3] is None:
                self.units_of_node[k[0]].append(unit)
        self.items = [
            _Item(doc_id, quote, quote.speaker.name if quote.speaker else None,
                  unit_key[0], unit_of[unit_key])
            for doc_id, quote, unit_key in staged
        ]
        self.node_speakers = [
            {self.unit_speaker[u] for u in self.units_of_node.get(n, ())}
            for n in range(len(self.texts))
        ]
        self.function_words = function_words()
        self.forest = _Clusters(self.unit_speaker)
        self._link(exhaustive)

    # -- links ------------------------------------------------------------
    def _nodes_compatible(self, a: int, b: int) -> bool:
        speakers_a = self.node_speakers[a]
        speakers_b = self.node_speakers[b]
        if None in speakers_a or None in speakers_b or not speakers_a.isdisjoint(speakers_b):
            return True
        return any(speakers_compatible(x, y) for x in speakers_a for y in speakers_b)

    def _can_be_fragment(self, node: int) -> bool:
        tokens = self.texts[node].tokens
        return len(tokens) >= MIN_FRAGMENT_WORDS and not all(
            t in self.function_words for t in tokens
        )

    def _compare(self, a: int, b: int) -> tuple[str, float, int, int] | None:
        """Score two distinct texts: a variant link, a fragment link (short, long), or None."""
        ta, tb = self.texts[a], self.texts[b]
        la, lb = len(ta.code), len(tb.code)
        cutoff = self.cutoff
        if ta.gaps or tb.gaps or 200.0 * min(la, lb) / (la + lb) >= cutoff:
            score = whole_score(ta, tb)
            if score >= cutoff:
                return "variant", score, a, b
        if la == lb:
            return None
        short, long = (a, b) if la < lb else (b, a)
        if not self._can_be_fragment(short):
            return None
        ts, tl = self.texts[short], self.texts[long]
        score = partial_score(ts, tl)[0]
        if len(ts.code) < SHORT_FRAGMENT_WORDS and score < 100.0:
            return None
        return ("fragment", score, short, long) if score >= cutoff else None

    def _candidates(self, live: list[PreparedText | None]) -> Iterable[tuple[int, int]]:
        """The node pairs worth scoring: the candidate index's (a partitioned run gives its own)."""
        return candidate_pairs(live, self.cutoff)

    def _link(self, exhaustive: bool) -> None:
        texts = self.texts
        alive = [bool(self.units_of_node[i]) and bool(t.code) for i, t in enumerate(texts)]
        edges: list[tuple[float, int, int]] = []
        fragments: list[tuple[float, int, int]] = []
        for units in self.units_of_node.values():  # the same words by several speakers
            edges.extend((-100.0, u, v) for i, u in enumerate(units) for v in units[i + 1:])
        live = [t if ok else None for t, ok in zip(texts, alive, strict=True)]
        pairs = all_pairs(len(texts)) if exhaustive else self._candidates(live)
        for a, b in pairs:
            if not (alive[a] and alive[b]) or not self._nodes_compatible(a, b):
                continue
            found = self._compare(a, b)
            if found is None:
                continue
            kind, score, first, second = found
            target = edges if kind == "variant" else fragments
            target.extend(
                (-score, u, v)
                for u in self.units_of_node[first]
                for v in self.units_of_node[second]
                if speakers_compatible(self.unit_speaker[u], self.unit_speaker[v])
            )
        edges.sort()
        for _, u, v in edges:
            self.forest.union(u, v)
        self._attach_fragments(sorted(fragments))

    def _attach_fragments(self, fragments: list[tuple[float, int, int]]) -> None:
        """Join each fragment's cluster to its best longer cluster, at most one."""
        find = self.forest.find
        options: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for neg_score, short, long in fragments:
            f, t = find(short), find(long)
            if f != t:
                options[f].append((-neg_score, t))
        if not options:
            return
        involved = set(options) | {t for found in options.values() for _, t in found}
        docs: dict[int, set[str]] = defaultdict(set)
        shortest: dict[int, int] = {}
        for item in self.items:
            root = find(item.unit)
            if root in involved:
                docs[root].add(item.doc_id)
                size = len(self.texts[item.node].code)
                shortest[root] = min(size, shortest.get(root, size))
        choices = []
        for f in sorted(options):
            ranked = sorted(
                {(bool(docs[f] & docs[t]), score, t) for score, t in options[f]},
                key=lambda c: (-c[0], -c[1], c[2]),
            )
            best = ranked[0]
            rivals = [c for c in ranked[1:] if c[2] != best[2] and c[:2] == best[:2]]
            if rivals and not best[0] and shortest[f] < SHORT_FRAGMENT_WORDS:
                continue  # a short phrase found in several quotes: nobody's in particular
            choices.append((f, best[2]))
        for f, t in choices:
            self.forest.union(f, t)

    # -- results ----------------------------------------------------------
    def clusters(self, min_members: int) -> list[QuoteCluster]:
        groups: dict[int, list[_Item]] = defaultdict(list)
        for item in self.items:
            groups[self.forest.find(item.unit)].append(item)
        out = [
            self._cluster(members) for members in groups.values() if len(members) >= min_members
        ]
        out.sort(key=lambda c: (_order(c.members[0].doc_id, c.members[0].quote), c.speaker or ""))
        return out

    def _cluster(self, items: list[_Item]) -> QuoteCluster:
        items.sort(key=lambda i: _order(i.doc_id, i.quote))
        if len(items) == 1:
            item = items[0]
            member = ClusterMember(doc_id=item.doc_id, quote=item.quote, speaker=item.speaker,
                                   relation="exact", score=100.0, diff="")
            return QuoteCluster(canonical=item.quote.text, speaker=item.speaker, members=(member,))
        per_node: dict[int, int] = defaultdict(int)
        for item in items:
            per_node[item.node] += 1
        texts = self.texts
        best_node = min(per_node, key=lambda n: (
            -len(texts[n].code), len(texts[n].gaps), -per_node[n], texts[n].key))
        canonical = next(i for i in items if i.node == best_node)
        canon_text = texts[best_node]
        relations: dict[int, tuple[MatchRelation, float]] = {}
        diffs: dict[str, str] = {}
        members = []
        for item in [canonical, *(i for i in items if i is not canonical)]:
            if item.node not in relations:
                relations[item.node] = self._relation(texts[item.node], canon_text)
            relation, score = relations[item.node]
            text = item.quote.text
            if text not in diffs:
                diffs[text] = word_diff(canonical.quote.text, text,
                                        fragment=relation == "fragment")
            members.append(ClusterMember(
                doc_id=item.doc_id, quote=item.quote, speaker=item.speaker,
                relation=relation, score=round(score, 2), diff=diffs[text],
            ))
        names = {i.speaker for i in items if i.speaker is not None and _speaker_key(i.quote)}
        speaker = min(names, key=lambda n: (-len(n.split()), -len(n), n)) if names else None
        return QuoteCluster(canonical=canonical.quote.text, speaker=speaker,
                            members=tuple(members))

    def _relation(self, text: PreparedText, canon: PreparedText) -> tuple[MatchRelation, float]:
        if text.key == canon.key:
            return "exact", 100.0
        whole = whole_score(text, canon)
        if whole >= self.cutoff or len(text.code) >= len(canon.code):
            return "variant", whole
        part = partial_score(text, canon)[0]
        return ("fragment", part) if part > whole else ("variant", whole)


def _order(doc_id: str, quote: Quote) -> tuple[str, int, int, str, str, str, str, int]:
    """A stable sort key: where the quote is, then what it is."""
    speaker = quote.speaker.name if quote.speaker is not None else ""
    return (doc_id, quote.start, quote.end, quote.text, quote.kind, speaker,
            quote.rule or "", quote.utterance)


def find_sources(
    phrase: str,
    documents: Iterable[Document] | Iterable[tuple[str, Quote]],
    *,
    score_cutoff: float = DEFAULT_SCORE_CUTOFF,
    limit: int | None = None,
) -> list[SourceMatch]:
    """Look a phrase up: who said it, where, and in which wording, best first.

    Every ``direct`` or ``partial`` quote that is the phrase, words it
    differently, or contains it is returned with the words that match, their
    offsets in the document and the quote's speaker. Matching folds case,
    punctuation, marks, diacritics and spelling as :func:`match_quotes` does.

    Args:
        phrase: The words to look for.
        documents: Results of :func:`quoteattr.attribute`, each with a
            ``doc_id``, or ``(source_id, quote)`` pairs.
        score_cutoff: The least similarity, 0-100, a quote needs to be listed.
        limit: Return at most this many matches.

    Returns:
        Matches ranked by score, then exact before variant before fragment, then
        by document id and position. ``[]`` when nothing matches or the phrase
        has no words.

    Raises:
        TypeError: ``phrase`` is not a ``str``, or an input is neither a
            ``Document`` nor a ``(str, Quote)`` pair.

    Example:
        >>> from quoteattr.models import Quote, QuoteSpeaker
        >>> text = "We met him, we heard nothing new,"
        >>> quote = Quote(text=text, start=10, end=10 + len(text), open_mark="“", close_mark="”",
        ...               speaker=QuoteSpeaker(name="Sergei Lavrov", kind="person"))
        >>> [(m.speaker, m.relation, m.wording.text, m.wording.start)
        ...  for m in find_sources("Nothing new", [("dw", quote)])]
        [('Sergei Lavrov', 'fragment', 'nothing new', 31)]
    """
    if not isinstance(phrase, str):
        raise TypeError(f"find_sources() looks up a str phrase, got {type(phrase).__name__}")
    check_collection(documents, "find_sources")
    score_cutoff = check_score_cutoff(score_cutoff)
    limit = check_limit(limit)
    codebook = Codebook()
    wanted = prepare(phrase, codebook)
    if not wanted.code:
        return []
    rank = {"exact": 0, "variant": 1, "fragment": 2}
    found: list[tuple[float, int, tuple[str, int, int, str, str, str, str, int], SourceMatch]] = []
    vocabulary = set(wanted.tokens)
    for doc_id, quote in _collect(documents):
        norm = normalize_quote(quote.text)
        if vocabulary.isdisjoint(norm.tokens):
            continue
        text = PreparedText(text_key(norm.tokens, norm.gaps), norm.tokens, norm.gaps,
                            codebook.encode(norm.tokens))
        match = _phrase_match(wanted, text, score_cutoff)
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
        found.append((-score, rank[relation], _order(doc_id, quote), result))
    found.sort(key=lambda f: f[:3])
    return [f[3] for f in found[:limit]]


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
