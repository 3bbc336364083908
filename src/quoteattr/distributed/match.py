"""The clusters of :func:`~quoteattr.matching.clusters.match_quotes`, computed on Dask.

:func:`match_quotes_dask` returns exactly what ``match_quotes`` returns on the
same quotes, using the single-process code for every decision: the folding,
the candidate index's n-grams and filing plan, the scores, the speaker rules
and the greedy cluster building. Only where the work happens changes:

1. Fold every quote where it lies (one task per partition).
2. Give every distinct word the code one process would give it (words in
   the order sorted texts first show them), and count the n-grams of all
   texts into the index's table of counters: per-partition counts, summed.
3. Candidate index, partitioned by key: each text emits its n-grams (filed
   or looked up), its whole word sequence and, for texts without n-grams, its
   words; a shuffle by that block key brings together the texts that share
   one, and each block yields its candidate pairs.
4. Score the candidate pairs per partition, after two shuffles that bring
   both texts of a pair (and the speakers who printed them) together. The pairs
   that can link form a graph; its connected components are the independent
   pieces of the problem (a link never crosses them).
5. Shuffle the quotes by component and build the clusters of each partition
   with the single-process matcher, scoring only the pairs found in step 4.
   Clusters are merged and ordered as ``match_quotes`` orders them.

All five steps are one task graph, computed once. Nothing is persisted
between steps and nothing comes back to this process before the clusters do:
the sums of step 2 and the links of step 4 are each reduced in one task, so no
step can need data that an earlier step let go. (Issue 7: with current Dask,
``Bag.to_delayed()`` on a persisted bag names its keys without holding its
futures, so the graphs built on it keep nothing alive; once the persisted bag
is dropped, whatever depends on it is cancelled for "lost dependencies", and
older schedulers could wait for it forever.) The shuffles' tasks get keys of
their own in every call, never keys that an earlier, identical call may still
be releasing.

Results equal ``match_quotes`` as long as the corpus has fewer distinct folded
words than Unicode has characters (about 1.1 million): beyond that, one process
gives some words the same character, and the scorer here may pair others.

Example:
    Needs Dask (``pip install "quoteattr[dask]"``)::

        import dask.bag as db
        from quoteattr.distributed import match_quotes_dask
        clusters = match_quotes_dask(db.from_sequence(documents, npartitions=8))
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from quoteattr.distributed._imports import require
from quoteattr.distributed._shuffle import exchange, partition_of
from quoteattr.matching.candidates import (
    MAX_DOCUMENT_FREQUENCY,
    MAX_DOCUMENT_TEXTS,
    WordValues,
    filed_slots,
    files_words,
    is_short,
    lookup_slots,
    ngram_slots,
    table_size,
)
from quoteattr.matching.clusters import (
    DEFAULT_SCORE_CUTOFF,
    Input,
    check_days,
    check_options,
    collect_printings,
)
from quoteattr.matching.linking import (
    DEFAULT_RECALL_DAYS,
    DEFAULT_WINDOW_DAYS,
    STRONG_WORDS,
    Matcher,
    Printing,
    printing_order,
)
from quoteattr.matching.similarity import Codebook, PreparedText, match_words, text_key
from quoteattr.matching.speaker_links import (
    Bucket,
    Level,
    SpeakerKey,
    node_buckets,
    office_buckets,
    printing_key,
    share_bucket,
)
from quoteattr.matching.text_links import compare_texts
from quoteattr.models import QuoteCluster

if TYPE_CHECKING:  # pragma: no cover
    from dask.bag import Bag

__all__ = ["match_quotes_dask"]

Pair = tuple[str, str]
"""Two text keys, the smaller first."""
Options = tuple[float, Level, int | None, int | None, int]
"""Score cutoff, level, window, recall and least members of a run."""


# Records are slotted dataclasses, not named tuples: Dask walks into tuples it
# finds in a graph, record by record.
@dataclass(frozen=True, slots=True)
class _Folded:
    key: str
    tokens: tuple[str, ...]
    gaps: tuple[int, ...]
    printing: Printing
    speaker: SpeakerKey | None


@dataclass(frozen=True, slots=True)
class _Node:
    """One distinct text (folded words) and the buckets of the speakers who printed it."""

    key: str
    tokens: tuple[str, ...]
    gaps: tuple[int, ...]
    buckets: frozenset[Bucket]
    """Where the text's printings may fall (``speaker_links.node_buckets``)."""
    docs: frozenset[str] = frozenset()
    """The documents that print the text."""
    id: int = -1
    """Unique in the run; ``id % npartitions`` is the partition that holds the node."""


def _node_key(node: _Node) -> str:
    return node.key


# -- step 1: fold, one node per distinct text --------------------------------------------
def _fold(entries: Iterable[object], level: Level) -> list[_Folded]:
    out = []
    for printing in collect_printings(entries):
        tokens, gaps = match_words(printing.quote.text)
        speaker = None if level == "wording" else printing_key(
            printing.quote.speaker, len(tokens) >= STRONG_WORDS)
        out.append(_Folded(text_key(tokens, gaps), tokens, gaps, printing, speaker))
    return out


def _local_nodes(items: Iterable[_Folded], level: Level) -> list[_Node]:
    found: dict[str, tuple[_Folded, set[SpeakerKey | None], set[str]]] = {}
    for item in items:
        if item.key:  # a quote without words is nobody's match
            _, speakers, docs = found.setdefault(item.key, (item, set(), set()))
            speakers.add(item.speaker)
            docs.add(item.printing.doc_id)
    return [_Node(key, item.tokens, item.gaps, frozenset(node_buckets(speakers, level)),
                  frozenset(docs))
            for key, (item, speakers, docs) in found.items()]


def _office_keys(items: Iterable[_Folded]) -> set[SpeakerKey]:
    """The speakers of a partition that may hold or name an office."""
    return {item.speaker for item in items if item.speaker is not None and item.speaker.office}


def _offices(parts: Iterable[set[SpeakerKey]]) -> dict[str, Bucket]:
    return office_buckets(key for part in parts for key in part)


def _merge_nodes(nodes: Iterable[_Node], npartitions: int) -> list[_Node]:
    """One node per text of the partition, numbered so that ``id % npartitions`` finds it."""
    merged: dict[str, tuple[_Node, set[Bucket], set[str]]] = {}
    for node in nodes:
        _, buckets, docs = merged.setdefault(node.key, (node, set(), set()))
        buckets.update(node.buckets)
        docs.update(node.docs)
    out = []
    for number, key in enumerate(sorted(merged)):
        node, buckets, docs = merged[key]
        index = partition_of(key, npartitions)
        out.append(replace(node, buckets=frozenset(buckets), docs=frozenset(docs),
                           id=number * npartitions + index))
    return out


# -- step 2: codes and counts -----------------------------------------------------------
def _first_seen(nodes: Iterable[_Node]) -> dict[str, tuple[str, int]]:
    first: dict[str, tuple[str, int]] = {}
    for node in nodes:
        for position, token in enumerate(node.tokens):
            seen = first.get(token)
            if seen is None or (node.key, position) < seen:
                first[token] = (node.key, position)
    return first


def _codebook(parts: Iterable[dict[str, tuple[str, int]]]) -> Codebook:
    """The codes one process gives: words in the order that sorted texts first show them."""
    first: dict[str, tuple[str, int]] = {}
    for part in parts:
        for token, seen in part.items():
            old = first.get(token)
            if old is None or seen < old:
                first[token] = seen
    codebook = Codebook()
    for token in sorted(first, key=first.__getitem__):
        codebook.encode((token,))
    return codebook


def _encode(nodes: Iterable[_Node], codebook: Codebook) -> list[PreparedText]:
    return [PreparedText(n.key, n.tokens, n.gaps, codebook.encode(n.tokens)) for n in nodes]


def _code_words(texts: Iterable[PreparedText]) -> int:
    """Twice the words of a partition's texts: its share of the index's table size."""
    return sum(2 * len(text.code) for text in texts)


def _table_size(parts: Iterable[int]) -> int:
    return table_size(sum(parts))


def _count_slots(texts: Iterable[PreparedText], size: int) -> tuple[Counter[int], set[str]]:
    """Per-partition counts of the index's table, and the words of texts that file words."""
    values = WordValues()
    counts: Counter[int] = Counter()
    wordless: set[str] = set()
    for text in texts:
        two, three = lookup_slots(text, values, size)
        counts.update(two)
        counts.update(three)
        if files_words(text):
            wordless.update(text.code)
    return counts, wordless


def _useful(parts: Iterable[tuple[Counter[int], set[str]]]) -> tuple[dict[int, int], set[str]]:
    """Sum the counts; keep the slots found in 2 to the cap (the others link nothing)."""
    total: Counter[int] = Counter()
    wordless: set[str] = set()
    for counts, words in parts:
        total.update(counts)
        wordless |= words
    return {slot: n for slot, n in total.items() if 2 <= n <= MAX_DOCUMENT_FREQUENCY}, wordless


# -- step 3: the candidate index, partitioned by block key -----------------------------------
Block = tuple[str, str | int]
"""``("n", slot)`` an n-gram, ``("w", code)`` a word sequence, ``("c", code)`` one word,
``("d", doc_id)`` a document (its short texts with all its texts)."""


def _blocks(nodes: Iterable[_Node], texts: Iterable[PreparedText],
            summary: tuple[dict[int, int], set[str]], size: int, cutoff: float
            ) -> list[tuple[Block, int, bool]]:
    """Each text's block keys, flagged ``True`` where the text files itself under the key.

    ``summary`` is what :func:`_useful` returns. The keys of
    :func:`quoteattr.matching.candidates.candidate_pairs`, from its public
    pieces: n-gram slots filed by the same plan (``filed_slots``), the same
    words with other gaps, the words of texts that file words, and the
    documents of short texts (``document_pairs``). (A list, never a generator:
    a partition may have to travel to another worker, and generators do not
    pickle.)
    """
    useful, wordless = summary
    values = WordValues()
    count = useful.get
    out: list[tuple[Block, int, bool]] = []
    for node, text in zip(nodes, texts, strict=True):
        two, three = ngram_slots(text, values, size)
        filed = set(filed_slots(text, two, three, lambda f: count(f, 0), cutoff))
        two, three = lookup_slots(text, values, size)  # holds the filed slots
        out.extend((("n", f), node.id, f in filed) for f in two | three | filed if f in useful)
        out.append((("w", text.code), node.id, True))
        alone = files_words(text)
        out.extend((("c", char), node.id, alone) for char in wordless.intersection(text.code))
        short = is_short(text)
        out.extend((("d", doc), node.id, short) for doc in node.docs)
    return out


def _block_key(record: tuple[Block, int, bool]) -> str | int:
    kind, value = record[0]
    return value if isinstance(value, int) else f"{kind}{value}"


def _block_pairs(records: Iterable[tuple[Block, int, bool]]) -> list[tuple[int, int]]:
    """The candidate pairs (of node ids) of the blocks of one partition, each once."""
    blocks: dict[Block, list[tuple[int, bool]]] = {}
    for block, node, filed in records:
        blocks.setdefault(block, []).append((node, filed))
    found: set[tuple[int, int]] = set()
    cap = MAX_DOCUMENT_FREQUENCY
    for (kind, _), members in blocks.items():
        keys = {key for key, _ in members}
        if kind == "c" and not 2 <= len(keys) <= cap:
            continue  # a word too common (or too rare) to link texts without n-grams
        if kind == "d" and len(keys) > MAX_DOCUMENT_TEXTS:
            continue  # a document of too many quotes pairs nothing by document
        for other in {key for key, filed in members if filed}:
            found.update((key, other) if key < other else (other, key)
                         for key in keys if key != other)
    return sorted(found)


# -- step 4: scoring --------------------------------------------------------------------
def _first_id(record: tuple[int, object, object]) -> int:
    return record[0]


def _ship(pairs: Iterable[tuple[int, int]], nodes: Iterable[_Node], npartitions: int
          ) -> list[tuple[int, list[tuple[int, int]], list[_Node]]]:
    """Send pairs ``(a, b)`` to b's partition with a's node, each node once per partition."""
    by_id = {node.id: node for node in nodes}
    outgoing: dict[int, tuple[list[tuple[int, int]], dict[int, _Node]]] = {}
    for a, b in set(pairs):
        found, needed = outgoing.setdefault(b % npartitions, ([], {}))
        found.append((a, b))
        needed[a] = by_id[a]
    return [(part, found, list(needed.values())) for part, (found, needed) in outgoing.items()]


def _score(shipped: Iterable[tuple[int, list[tuple[int, int]], list[_Node]]],
           nodes: Iterable[_Node], cutoff: float) -> list[Pair]:
    """The pairs of a partition that may link: a shared bucket and a score at the cutoff.

    The codes are this partition's own, which no score sees (one word is one
    character either way).
    """
    by_id = {node.id: node for node in nodes}
    pairs: list[tuple[int, int]] = []
    for _, found, needed in shipped:
        pairs.extend(found)
        by_id.update((node.id, node) for node in needed)
    codebook = Codebook()
    texts: dict[int, PreparedText] = {}

    def text(node_id: int) -> PreparedText:
        if node_id not in texts:
            node = by_id[node_id]
            texts[node_id] = PreparedText(node.key, node.tokens, node.gaps,
                                          codebook.encode(node.tokens))
        return texts[node_id]

    links = []
    for first, second in sorted(pairs):
        a, b = by_id[first], by_id[second]
        if share_bucket(a.buckets, b.buckets) and compare_texts(
                text(first), text(second), cutoff) is not None:
            links.append((a.key, b.key) if a.key < b.key else (b.key, a.key))
    return links


def _links(parts: Iterable[list[Pair]]) -> list[Pair]:
    """All linked pairs of text keys, each once, sorted."""
    return sorted({pair for part in parts for pair in part})


def _components(links: Iterable[Pair]) -> dict[str, str]:
    """Each linked text key's component, named by its smallest key."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        root = key
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[key] != root:
            parent[key], key = root, parent[key]
        return root

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {key: find(key) for key in list(parent)}


# -- step 5: clusters -------------------------------------------------------------------
def _component_of(item: _Folded, roots: dict[str, str]) -> str:
    return roots.get(item.key, item.key)


def _clusters(folded: Iterable[_Folded], links: Sequence[Pair], offices: dict[str, Bucket],
              options: Options) -> list[QuoteCluster]:
    """Cluster whole components with the single-process matcher and the links found."""
    folded = list(folded)
    if not folded:
        return []
    cutoff, level, window, recall, min_members = options
    keys = {item.key for item in folded}
    inside = [pair for pair in links if pair[0] in keys and pair[1] in keys]
    matcher = Matcher([item.printing for item in folded], score_cutoff=cutoff, level=level,
                      window=window, recall=recall, candidates=inside, offices=offices)
    return matcher.clusters(min_members)


# -- the graph ---------------------------------------------------------------------------
def _nodes(bag: Any, parts: int, level: Level) -> tuple[Any, Any]:
    """Step 1: lazy bags of the folded quotes and of one node per distinct text."""
    items = bag.map_partitions(_fold, level)
    nodes = exchange(items.map_partitions(_local_nodes, level), _node_key, parts)
    return items, nodes.map_partitions(_merge_nodes, parts)


def _candidate_pairs(nodes: Any, parts: int, cutoff: float) -> Any:
    """Steps 2 and 3: a lazy bag of candidate pairs of node ids (a pair may repeat)."""
    dask = require("dask")
    db = require("dask.bag")
    delayed = dask.delayed
    seen = [delayed(_first_seen)(part) for part in nodes.to_delayed(optimize_graph=False)]
    texts = nodes.map_partitions(_encode, delayed(_codebook)(seen))
    coded = texts.to_delayed(optimize_graph=False)
    size = delayed(_table_size)([delayed(_code_words)(part) for part in coded])
    summary = delayed(_useful)([delayed(_count_slots)(part, size) for part in coded])
    blocks = db.map_partitions(_blocks, nodes, texts, summary, size, cutoff)
    return exchange(blocks, _block_key, parts).map_partitions(_block_pairs)


def _clusters_bag(bag: Any, parts: int, options: Options) -> Any:
    """Steps 1 to 5 as one lazy bag of clusters (in no particular order)."""
    dask = require("dask")
    db = require("dask.bag")
    cutoff, level = options[0], options[1]
    items, nodes = _nodes(bag, parts, level)
    offices = dask.delayed(_offices)(
        [dask.delayed(_office_keys)(part) for part in items.to_delayed(optimize_graph=False)])
    pairs = _candidate_pairs(nodes, parts, cutoff)
    shipped = db.map_partitions(_ship, exchange(pairs, _first_id, parts), nodes, parts)
    scored = db.map_partitions(_score, exchange(shipped, _first_id, parts), nodes, cutoff)
    links = dask.delayed(_links)(scored.to_delayed(optimize_graph=False))
    grouped = exchange(items, _component_of, parts, dask.delayed(_components)(links))
    return grouped.map_partitions(_clusters, links, offices, options)


def match_quotes_dask(
    documents: Bag | Input,
    *,
    level: Level = "utterance",
    window: int | datetime.timedelta | None = DEFAULT_WINDOW_DAYS,
    recall: int | datetime.timedelta | None = DEFAULT_RECALL_DAYS,
    score_cutoff: float = DEFAULT_SCORE_CUTOFF,
    min_members: int = 1,
    npartitions: int | None = None,
) -> list[QuoteCluster]:
    """Group quotes into clusters on Dask, as ``match_quotes`` does.

    Runs on the current Dask scheduler (the default ``distributed.Client`` if
    one exists), as one task graph computed once: quotes stay on the workers
    until the clusters come back.

    Args:
        documents: A ``dask.bag.Bag`` of :class:`~quoteattr.models.Document`
            (each with a ``doc_id``, and a ``date`` for the window), of
            ``(source_id, Quote)`` pairs or ``(source_id, Quote, date)``
            triples; a plain iterable of either is spread over ``npartitions``
            partitions.
        level: ``"utterance"`` or ``"wording"``, as for ``match_quotes``.
        window: Days that printings of one utterance may lie apart; ``None``: no limit.
        recall: Days that a reprint of the same words may lie apart, as for
            ``match_quotes``.
        score_cutoff: The similarity, 0-100, two quotes need to be one.
        min_members: Leave out clusters with fewer members.
        npartitions: Partitions of the shuffles (default: those of the input bag,
            or 8 for an iterable).

    Returns:
        The clusters of :func:`quoteattr.matching.clusters.match_quotes` on the same
        input, in the same order.

    Raises:
        ImportError: Dask is not installed.
        ValueError: An option is out of range, or a Document has no doc_id.
        TypeError: An input is neither a Document nor a pair or triple, or an
            option has the wrong type.
    """
    db = require("dask.bag")
    cutoff, days = check_options(score_cutoff, min_members, level, window)
    recall_days = check_days(recall, "recall")
    bag: Any = documents
    if not isinstance(bag, db.Bag):
        bag = db.from_sequence(list(cast("Iterable[object]", documents)),
                               npartitions=npartitions or 8)
    parts = npartitions or bag.npartitions
    options = (cutoff, level, days, recall_days, min_members)
    clusters: list[QuoteCluster] = _clusters_bag(bag, parts, options).compute()
    clusters.sort(key=lambda c: (printing_order(c.members[0].doc_id, c.members[0].quote),
                                 c.speaker or ""))
    return clusters
