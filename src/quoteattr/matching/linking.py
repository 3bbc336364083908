"""The engine of :func:`~quoteattr.matching.clusters.match_quotes`: printings, links, clusters.

A :class:`Matcher` takes printings (a quote, the document it was printed in,
the document's date) and builds clusters in four steps:

1. **Texts.** Quotes are folded (:mod:`quoteattr.text.normalize`); identical
   folded texts are one node, compared once.
2. **Units.** Printings of one text by one speaker on one day are one unit.
   At the utterance level each unit has a *bucket*: the speaker's surname (or
   an organisation's name, or the person whose office a definite description
   names), or no bucket for a quote without a known speaker. Units of two
   buckets are never one utterance, so links are only looked for inside a
   bucket, which keeps one text printed with many speakers linear.
3. **Links.** Node pairs come from the candidate index
   (:mod:`quoteattr.matching.candidates`) and are scored once
   (:func:`compare_texts`): a *variant* (the whole quotes alike) or a
   *fragment* (the shorter found in the longer). A link between two units
   needs speakers that can be one person and dates within the window, or
   within the recall period for a reprint of the same words by named persons
   (:data:`DEFAULT_RECALL_DAYS`). A quote without a speaker (or one given to
   somebody only through a pronoun, see
   :func:`~quoteattr.matching.speaker_links.printing_key`) links to a
   speaker's quote only on strong evidence (:data:`STRONG_WORDS` words).
4. **Clusters**, from the best links down: the links within the window
   first, then the reprints of later weeks. Two clusters join only if their
   speakers can all be one, their dates stay within the window (the recall
   period after a reprint joins, all of whose texts must then be the
   reprinted words), and their canonical texts (the longest printing of each)
   match each other: one weak link between two members cannot merge two
   groups. Each fragment cluster then joins at most one longer cluster; a
   fragment of one to three words only a quote that contains it, of a known,
   compatible speaker, on the same occasion.

Everything is decided in an order fixed by the texts, never by the input
order. The ``wording`` level drops speakers and dates: the same words
whenever and by whomever said.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from quoteattr.matching.candidates import all_pairs, candidate_pairs
from quoteattr.matching.results import Printing, build_cluster, printing_order
from quoteattr.matching.settings import (
    DEFAULT_RECALL_DAYS,
    DEFAULT_SCORE_CUTOFF,
    DEFAULT_WINDOW_DAYS,
)
from quoteattr.matching.similarity import (
    Codebook,
    PreparedText,
    match_words,
    text_key,
)
from quoteattr.matching.speaker_links import (
    Bucket,
    Level,
    SpeakerForest,
    SpeakerKey,
    bucket_of,
    joinable,
    key_of,
    office_buckets,
    printing_key,
    share_bucket,
    speakers_compatible,
    unresolved_description,
)
from quoteattr.matching.text_links import SHORT_FRAGMENT_WORDS, TextLink, compare_texts
from quoteattr.models import QuoteCluster

__all__ = [
    "DEFAULT_RECALL_DAYS",
    "DEFAULT_SCORE_CUTOFF",
    "DEFAULT_WINDOW_DAYS",
    "RECALL_WORDS",
    "STRONG_WORDS",
    "Matcher",
    "Printing",
    "printing_order",
]


RECALL_WORDS = 2
"""A reprint of later weeks has at least this many words: one word ("disgusting")
is the speaker's word, said on many occasions."""
STRONG_WORDS = 5
"""A quote without a known speaker joins a speaker's printing only on this many
words: the shorter text of the link has at least this many. Five words alike,
printed within the window, are seldom a coincidence (a shared run of eight
words is the usual test across undated text)."""
_REPRESENTATIVES = 3
"""Texts a cluster keeps to check a join against (see :meth:`Matcher._join`)."""
_PAIR_LIMIT = 256
"""Unit pairs of one text pair and one bucket compared directly; beyond, by date."""
_NEIGHBOURS = 16
"""Beyond :data:`_PAIR_LIMIT`, each unit is paired with this many units nearest in date."""


class _Unit(NamedTuple):
    node: int
    bucket: Bucket
    key: SpeakerKey | None
    date: datetime.date | None
    alone: tuple[str, int, int, str] | None  # a quote without words: nobody's match
    hint: SpeakerKey | None = None
    """The person a pronoun was resolved to, for a quote compared without a speaker."""


def _unit_order(unit: _Unit) -> tuple[object, ...]:
    return (unit.node, unit.bucket or ("", ""), unit.key is not None,
            unit.key or SpeakerKey("", False), unit.date or datetime.date.min,
            unit.alone or ("", 0, 0, ""), unit.hint or SpeakerKey("", False))


class Matcher:
    """One run of matching: texts, units, links and clusters (see the module docstring).

    Args:
        printings: The quotes to match, with their documents and dates.
        score_cutoff: The similarity, 0-100, two texts need to link.
        level: ``utterance`` or ``wording``.
        window: Days that printings of one utterance may lie apart; ``None``: no limit.
        recall: Days that a reprint of the same words may lie apart from the
            occasion's printings (see :data:`DEFAULT_RECALL_DAYS`); ``None``: only
            the window.
        exhaustive: Compare every pair of texts instead of the index's candidates.
        candidates: Compare only these pairs of folded text keys (a partitioned
            run passes the pairs it found); overrides ``exhaustive``.
        offices: :func:`office_buckets` of the whole collection, when the
            printings are only part of it.
    """

    def __init__(self, printings: Sequence[Printing], *, score_cutoff: float = DEFAULT_SCORE_CUTOFF,
                 level: Level = "utterance", window: int | None = DEFAULT_WINDOW_DAYS,
                 recall: int | None = DEFAULT_RECALL_DAYS, exhaustive: bool = False,
                 candidates: Iterable[tuple[str, str]] | None = None,
                 offices: Mapping[str, Bucket] | None = None) -> None:
        self.cutoff = score_cutoff
        self.level = level
        self.work = 0
        """Pairs looked at (units and texts): what the tests count to check growth."""
        self.window = None if level == "wording" else window
        self.recall = None if self.window is None else recall
        folded: dict[str, tuple[str, tuple[str, ...], tuple[int, ...]]] = {}
        for printing in printings:
            text = printing.quote.text
            if text not in folded:
                tokens, gaps = match_words(text)
                folded[text] = (text_key(tokens, gaps), tokens, gaps)
        codebook = Codebook()
        by_key = {key: (tokens, gaps) for key, tokens, gaps in folded.values()}
        keys = sorted(by_key)  # ids from sorted text: nothing depends on input order
        self.texts = [PreparedText(k, by_key[k][0], by_key[k][1], codebook.encode(by_key[k][0]))
                      for k in keys]
        node_of = {key: i for i, key in enumerate(keys)}
        resolved = [None if level == "wording" else key_of(p.quote.speaker) for p in printings]
        speaker_keys = [None if k is None else printing_key(
            p.quote.speaker, len(folded[p.quote.text][1]) >= STRONG_WORDS)
            for p, k in zip(printings, resolved, strict=True)]
        offices = office_buckets(speaker_keys) if offices is None else offices
        staged = []
        for printing, key, hint in zip(printings, speaker_keys, resolved, strict=True):
            node = node_of[folded[printing.quote.text][0]]
            if key is not None:
                hint = None  # a pronoun's resolution kept only where the words do not decide
            bucket: Bucket = ("w", "") if level == "wording" else bucket_of(key or hint)
            if key is not None and not key.person and key.office:
                if key.office in offices:
                    bucket = offices[key.office]
                elif unresolved_description(printing.quote):
                    key = bucket = None
            alone = None
            if not keys[node]:
                q = printing.quote
                alone = (printing.doc_id, q.start, q.end, q.text)
            date = printing.date if self.window is not None else None
            staged.append((printing, _Unit(node, bucket, key, date, alone, hint)))
        units = sorted({unit for _, unit in staged}, key=_unit_order)
        unit_of = {unit: i for i, unit in enumerate(units)}
        self.units = units
        self.items = [(p, unit_of[unit]) for p, unit in staged]
        self.printed = [0] * len(self.texts)
        """How many printings each text has (how many outlets printed those words)."""
        for _, unit in staged:
            self.printed[unit.node] += 1
        self.by_node: dict[int, dict[Bucket, list[int]]] = {}
        for i, unit in enumerate(units):
            if unit.alone is None:
                buckets = self.by_node.setdefault(unit.node, {})
                buckets.setdefault(unit.bucket, []).append(i)
                if unit.hint is not None:  # also a quote without a known speaker
                    buckets.setdefault(None, []).append(i)
        self.forest = SpeakerForest([u.key for u in units], [u.hint for u in units])
        self.reps: list[tuple[int, ...]] = [(u.node,) for u in units]
        self._matches: dict[tuple[int, int], TextLink | None] = {}
        self.span = [(u.date, u.date) for u in units]
        self._link(candidates, exhaustive)

    # -- links ------------------------------------------------------------------------
    def _pairs(self, candidates: Iterable[tuple[str, str]] | None,
               exhaustive: bool) -> Iterable[tuple[int, int]]:
        live = [t if (self.by_node.get(i) and t.code) else None for i, t in enumerate(self.texts)]
        if candidates is not None:
            node_of = {t.key: i for i, t in enumerate(self.texts)}
            found = set()
            for first, second in candidates:
                a, b = node_of.get(first), node_of.get(second)
                if a is not None and b is not None and a != b:
                    found.add((min(a, b), max(a, b)))
            return sorted(found)
        if exhaustive:
            return all_pairs(len(self.texts))
        documents: dict[str, set[int]] = defaultdict(set)
        for printing, unit in self.items:
            documents[printing.doc_id].add(self.units[unit].node)
        return candidate_pairs(live, self.cutoff, documents.values())

    def _gap(self, u: int, v: int) -> int:
        """Days between two units' dates (0 when either has none)."""
        a, b = self.units[u].date, self.units[v].date
        return 0 if a is None or b is None else abs((a - b).days)

    def _late(self, u: int, v: int) -> bool:
        """Whether two units lie further apart than the window: a reprint, not the occasion."""
        return self.window is not None and self._gap(u, v) > self.window

    def _may_link(self, u: int, v: int, reach: int | None, strong: bool) -> bool:
        """Whether units ``u`` and ``v`` may link: speakers that can be one, dates in reach.

        ``reach`` is the window, or the recall period for a link of the same words
        (see :meth:`_reach`). Beyond the window, a link needs named persons on
        both sides or ``strong`` evidence (:data:`STRONG_WORDS` words): a
        crowd's or an unnamed source's few words weeks later are a slogan said
        again, not a reprint.
        """
        self.work += 1
        a, b = self.units[u], self.units[v]
        if self.window is not None and a.date is not None and b.date is not None:
            gap = abs((a.date - b.date).days)
            if reach is None or gap > reach or (gap > self.window and not strong and not (
                    a.key is not None and a.key.person and b.key is not None and b.key.person)):
                return False
        return speakers_compatible(a.key, b.key)

    def _reach(self, verbatim: bool, words: int) -> int | None:
        """How many days apart two printings may link: the window, or the recall period.

        A later article that recalls a statement reprints its words: the same
        words (or a passage found word for word in it, :data:`RECALL_WORDS`
        words at least) may lie up to ``recall`` days apart. A reworded line
        weeks later is the speaker saying it again: another occasion.
        """
        if verbatim and words >= RECALL_WORDS and self.recall is not None:
            return max(self.recall, self.window or 0)
        return self.window

    def _unit_pairs(self, us: list[int], vs: list[int] | None,
                    reach: int | None, strong: bool) -> list[tuple[int, int]]:
        """Pairs ``(u, v)``, ``u`` from ``us`` and ``v`` from ``vs``, that may link.

        ``vs`` None: pairs within ``us``. Beyond :data:`_PAIR_LIMIT` pairs, each
        unit is paired with the units nearest in date only (bounded fan-out).
        """
        if vs is None:
            if len(us) * (len(us) - 1) // 2 <= _PAIR_LIMIT:
                return [(u, v) for i, u in enumerate(us) for v in us[i + 1:]
                        if self._may_link(u, v, reach, strong)]
        elif len(us) * len(vs) <= _PAIR_LIMIT:
            return [(u, v) for u in us for v in vs if self._may_link(u, v, reach, strong)]
        others = us if vs is None else vs
        day = [(self.units[v].date or datetime.date.min).toordinal() for v in others]
        order = sorted(range(len(others)), key=lambda i: (day[i], others[i]))
        days = [day[i] for i in order]
        found: set[tuple[int, int]] = set()
        for u in us:
            d = (self.units[u].date or datetime.date.min).toordinal()
            at = bisect_left(days, d)
            lo, hi = max(0, at - _NEIGHBOURS // 2), min(len(order), at + _NEIGHBOURS // 2)
            if reach is not None and self.window is not None:
                lo = max(lo, bisect_left(days, d - reach) - 1)
                hi = min(hi, bisect_right(days, d + reach) + 1)
            for i in order[lo:hi]:
                v = others[i]
                if u != v and self._may_link(u, v, reach, strong):
                    found.add((min(u, v), max(u, v)) if vs is None else (u, v))
        return sorted(found)

    def _strong(self, node: int) -> bool:
        return len(self.texts[node].code) >= STRONG_WORDS

    def _link(self, candidates: Iterable[tuple[str, str]] | None, exhaustive: bool) -> None:
        """Collect the links of unit pairs, then join clusters from the best link down.

        Links within the window come first (the occasion's printings), then
        the reprints of later weeks; then by score; at one score, variants
        before fragments and a fragment printed in the same document as its
        longer quote first.
        """
        # edges: late, -score, kind, other doc, u, v
        edges: list[tuple[bool, float, int, bool, int, int]] = []
        late = self._late
        for node, buckets in self.by_node.items():  # the same words, printed more than once
            reach = self._reach(True, len(self.texts[node].code))
            strong = self._strong(node)
            for bucket, units in buckets.items():
                edges.extend((late(u, v), -100.0, 0, True, u, v)
                             for u, v in self._unit_pairs(units, None, reach, strong))
                if bucket is not None and None in buckets and strong:
                    edges.extend((late(u, v), -100.0, 0, True, u, v)
                                 for u, v in self._unit_pairs(units, buckets[None], reach, True))
        docs: list[frozenset[str]] = [frozenset()] * len(self.units)
        by_unit: dict[int, set[str]] = defaultdict(set)
        for printing, unit in self.items:
            by_unit[unit].add(printing.doc_id)
        for unit, found_docs in by_unit.items():
            docs[unit] = frozenset(found_docs)
        self.options: dict[int, list[tuple[float, int, bool]]] = defaultdict(list)
        for a, b in self._pairs(candidates, exhaustive):
            if a not in self.by_node or b not in self.by_node:
                continue
            self.work += 1
            if not self._share_bucket(a, b):
                continue
            found = compare_texts(self.texts[a], self.texts[b], self.cutoff, a, b)
            if found is None:
                continue
            strong = self._strong(found.first) and self._strong(found.second)
            words = len(self.texts[found.first].code)
            short = words < SHORT_FRAGMENT_WORDS
            if found.kind == "variant":
                words = min(words, len(self.texts[found.second].code))
            reach = self._reach(self._verbatim(found.first, found.second, found), words)
            for u, v in self._linked_units(found.first, found.second, strong, reach):
                if found.kind == "variant":
                    edges.append((late(u, v), -found.score, 0, True, u, v))
                    continue
                same_doc = not docs[u].isdisjoint(docs[v])
                edges.append((late(u, v), -found.score, 1, not same_doc, u, v))
                if short:
                    self.options[u].append((found.score, v, same_doc))
        edges.sort()
        for is_late, neg_score, kind, other_doc, u, v in edges:
            if kind == 0:
                self._join(u, v, "variant", late=is_late)
            elif self._fragment_may_join(u, v, -neg_score, not other_doc):
                self._join(u, v, "fragment", self.units[v].node, late=is_late)

    def _share_bucket(self, a: int, b: int) -> bool:
        return share_bucket(self.by_node[a].keys(), self.by_node[b].keys())

    def _linked_units(self, first: int, second: int, strong: bool,
                      reach: int | None) -> Iterable[tuple[int, int]]:
        """Unit pairs (first's unit, second's unit) that may link, bucket by bucket."""
        ba, bb = self.by_node[first], self.by_node[second]
        small, large = (ba, bb) if len(ba) <= len(bb) else (bb, ba)
        for bucket in sorted(small, key=lambda b: b or ("", "")):
            if bucket in large:
                yield from self._unit_pairs(ba[bucket], bb[bucket], reach, strong)
        if strong and None in ba:
            for bucket in sorted(bb, key=lambda b: b or ("", "")):
                if bucket is not None:
                    yield from self._unit_pairs(ba[None], bb[bucket], reach, True)
        if strong and None in bb:
            for bucket in sorted(ba, key=lambda b: b or ("", "")):
                if bucket is not None:
                    yield from self._unit_pairs(ba[bucket], bb[None], reach, True)

    # -- clusters ---------------------------------------------------------------------
    def _join(self, u: int, v: int, kind: str, via: int | None = None, *,
              late: bool = False) -> bool:
        """Join the clusters of ``u`` and ``v`` if speakers, dates and texts agree.

        The texts: each cluster keeps up to :data:`_REPRESENTATIVES` of its
        texts, the longest first (its canonical text). For a variant link,
        the texts of the cluster whose canonical text gives way must be
        variants of the joined cluster's canonical text: members stay alike
        the canonical text, and a chain of links, each alike the next, cannot
        join texts that are not alike. For a fragment (``u``'s cluster into
        ``v``'s), every text kept of the fragment's cluster must be found in
        the longer text ``via`` it linked to. A reprint of later weeks
        (``late``) joins only if those texts are the same words or found word
        for word (a score of 100); the cluster then spans the recall period at
        most, and the window after any other join.
        """
        forest = self.forest
        ru, rv = forest.find(u), forest.find(v)
        if ru == rv:
            return True
        span = _merge_spans(self.span[ru], self.span[rv])
        limit = max(self.recall or 0, self.window or 0) if late else self.window
        if limit is not None and span[0] is not None and span[1] is not None and (
            (span[1] - span[0]).days > limit
        ):
            return False
        if not forest.can_join(ru, rv):
            return False
        mine, theirs = self.reps[ru], self.reps[rv]
        if via is not None:  # a fragment: each of its texts is found in the longer one
            if any(x != via and not self._texts_match(x, via, kind, late) for x in mine):
                return False
        else:  # the canonical text of the joined cluster, and the other side's texts like it
            canonical = min(mine[0], theirs[0], key=self._canon_rank)
            joining = theirs if canonical == mine[0] else mine
            if any(x != canonical and not self._texts_match(x, canonical, kind, late)
                   for x in joining):
                return False
        forest.union(ru, rv)
        root = forest.find(ru)
        self.span[root] = span
        joined = sorted({*mine, *theirs}, key=self._canon_rank)
        self.reps[root] = tuple(joined[:_REPRESENTATIVES])
        return True

    def _canon_rank(self, node: int) -> tuple[int, int, int, str]:
        """The canonical text first: the most complete, then the most printed.

        Of two printings as long, the one more outlets print is the words as
        said; a misprinted or re-transcribed one is printed less often.
        """
        text = self.texts[node]
        return (-len(text.code), len(text.gaps), -self.printed[node], text.key)

    def _texts_match(self, a: int, b: int, kind: str, verbatim: bool = False) -> bool:
        """Whether two texts link as ``kind`` requires (a fragment link admits a variant).

        ``verbatim``: the same words, or found word for word (a score of 100).
        """
        key = (a, b) if a < b else (b, a)
        if key not in self._matches:
            self._matches[key] = compare_texts(self.texts[a], self.texts[b], self.cutoff)
        link = self._matches[key]
        return link is not None and (kind == "fragment" or link.kind == "variant") and (
            not verbatim or self._verbatim(a, b, link))

    def _verbatim(self, a: int, b: int, link: TextLink) -> bool:
        """Whether two linked texts are one's words reprinted: what a reprint of later weeks needs.

        The same words once folded (or with a misprint repaired, or words hidden
        by an ellipsis), or the shorter found word for word in the longer, taking
        no account of where an outlet marked a gap; a passage of
        :data:`SHORT_FRAGMENT_WORDS` words at least.
        """
        ta, tb = self.texts[a], self.texts[b]
        short, long = (ta, tb) if len(ta.code) <= len(tb.code) else (tb, ta)
        if link.score >= 100.0 and (link.kind == "variant" or (
                len(short.code) >= SHORT_FRAGMENT_WORDS)):
            return True
        return len(short.code) >= SHORT_FRAGMENT_WORDS and short.code in long.code

    def _fragment_may_join(self, u: int, v: int, score: float, same_doc: bool) -> bool:
        """The speaker and occasion rules of a fragment ``u`` joining a longer quote ``v``.

        A fragment of fewer than :data:`SHORT_FRAGMENT_WORDS` words needs known
        speakers on both sides and the same occasion (the same document, or
        dates on both sides, within the window that :meth:`_join` checks), and
        joins nobody when it is found as well in another, different quote that
        no document shares with it: then it is nobody's in particular. A
        longer fragment without a known speaker on one side needs
        :data:`STRONG_WORDS` words.
        """
        find = self.forest.find
        fragment, target = find(u), find(v)
        if fragment == target:
            return False
        if self.level == "wording":
            return not self._rivals(u, v, score, same_doc)
        mine = self.forest.speakers(fragment)
        theirs = self.forest.speakers(target)
        words = len(self.texts[self.units[u].node].code)
        if words < SHORT_FRAGMENT_WORDS:  # a pronoun's resolution is speaker enough here
            mine = mine or self.forest.hints(fragment)
            theirs = theirs or self.forest.hints(target)
            if not joinable(mine, theirs):
                return False
            dated = None not in self.span[fragment] and None not in self.span[target]
            return (bool(mine) and bool(theirs) and (same_doc or dated)
                    and not self._rivals(u, v, score, same_doc))
        if not mine or not theirs:
            return words >= STRONG_WORDS
        return True

    def _rivals(self, u: int, v: int, score: float, same_doc: bool) -> bool:
        """Whether short fragment ``u`` is found as well in another utterance's quote."""
        if same_doc:
            return False
        find = self.forest.find
        target = find(v)
        text = self.texts[self.units[v].node]
        for other_score, other, other_same_doc in self.options.get(u, ()):
            if other_score != score or other_same_doc or find(other) == target:
                continue
            link = compare_texts(text, self.texts[self.units[other].node], self.cutoff)
            if link is None or link.kind != "variant":
                return True
        return False

    # -- results ----------------------------------------------------------------------
    def clusters(self, min_members: int) -> list[QuoteCluster]:
        """The clusters with at least ``min_members`` printings, in a fixed order."""
        groups: dict[int, list[Printing]] = defaultdict(list)
        for printing, unit in self.items:
            groups[self.forest.find(unit)].append(printing)
        nodes = {}
        named = set()  # printings compared by their speaker
        for printing, unit in self.items:
            nodes[id(printing)] = self.units[unit].node
            if self.units[unit].key is not None:
                named.add(id(printing))
        out = [build_cluster(members, self.texts, nodes, named, self.cutoff)
               for members in groups.values() if len(members) >= min_members]
        out.sort(key=lambda c: (printing_order(c.members[0].doc_id, c.members[0].quote),
                                c.speaker or ""))
        return out


def _merge_spans(
    a: tuple[datetime.date | None, datetime.date | None],
    b: tuple[datetime.date | None, datetime.date | None],
) -> tuple[datetime.date | None, datetime.date | None]:
    lows = [d for d in (a[0], b[0]) if d is not None]
    highs = [d for d in (a[1], b[1]) if d is not None]
    return (min(lows) if lows else None, max(highs) if highs else None)
