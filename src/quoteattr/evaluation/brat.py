r"""Read attribution annotations in brat standoff, as the PolNeAR corpus ships them.

An attribution corpus in brat standoff has, for each article, its text
(``NAME.txt``) and one annotation file per annotator (``NAME.ann`` or
``NAME_ANNOTATOR.ann``, beside the text or in an ``attributions/`` folder
next to a ``text/`` folder, PolNeAR's layout). The annotation marks spans
with ``T`` lines and ties them into attributions with ``E`` lines::

    T1	Source 0 8	Jane Doe
    T2	Cue 9 13	said
    T3	Content 15 38	“We will win this one.”
    T4	Attribution 9 13	said
    E1	Attribution:T4 Source:T1 Cue:T2 Content:T3

(a span may have several pieces, ``15 20;31 40``; an attribution without a
source has the trigger ``Attribution-no-source``). Annotators mark what was
said, not where the quotation marks are, so [read_brat][quoteattr.evaluation.brat.read_brat]
finds the quoted segments of each text itself and keeps, as gold quotes, those
lying at least half inside one attribution's content: the words inside the
marks (one quote per paragraph when a quote runs over several), the source
mention as the speaker's span, the name in it as the speaker, the kind of
mention (name, pronoun, description) and whether the whole content is quoted
(``direct``) or only part of it (``partial``). These are the conventions of
the project's converted development set, so the scores agree with it.

Example:
    >>> text = 'Jane Doe said: “We will win.” Critics disagreed.'
    >>> ann = ("T1\tSource 0 8\tJane Doe\nT2\tCue 9 13\tsaid\n"
    ...        "T3\tContent 15 28\t“We will win.”\nT4\tAttribution 9 13\tsaid\n"
    ...        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n")
    >>> quote = brat_document("doe", text, ann).quotes[0]
    >>> text[quote.start:quote.end], quote.speaker, quote.speaker_kind, quote.type
    ('We will win.', 'Jane Doe', 'name', 'direct')
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from quoteattr.evaluation.gold import GoldDocument, GoldError, GoldQuote
from quoteattr.language.lexicon import load_lexicon
from quoteattr.language.wordlists import WordLists, Words, load_word_lists, word_file

__all__ = [
    "BratAttribution",
    "BratCorpus",
    "QuotedSegment",
    "SourceMentionWords",
    "brat_document",
    "parse_ann",
    "quoted_segments",
    "read_brat",
    "speaker_name",
]

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class BratAttribution:
    """One ``E`` line: an attribution with the spans of its parts.

    Attributes:
        id: The line's id (``E3``).
        source: The source mention's spans; empty when the attribution has none.
        cue: The cue's spans.
        content: The content's spans.
    """

    id: str
    source: Spans
    cue: Spans
    content: Spans


@dataclass(frozen=True)
class QuotedSegment:
    """Words between quotation marks, within one paragraph.

    Attributes:
        start: The first character inside the opening mark.
        end: The closing mark, or the end of the paragraph when the quote runs on.
        marks: ``double`` (“…” or "…"), ``double_apostrophe`` (''…'') or ``single``.
        closed: False when the paragraph ends before the quote does.
    """

    start: int
    end: int
    marks: str
    closed: bool


@dataclass(frozen=True)
class BratCorpus:
    """The documents of a brat corpus, and what was left out.

    Attributes:
        documents: One gold document per article (its first annotator's file).
        skipped: Annotation files left out: no text found, or another
            annotator's file of an article already read.
    """

    documents: list[GoldDocument]
    skipped: list[str] = field(default_factory=list)


_SPAN = re.compile(r"(\d+) (\d+)")
_ROLES = ("Source", "Cue", "Content")


def parse_ann(ann: str, *, where: str = "annotation") -> list[BratAttribution]:
    r"""Read the attributions of a brat ``.ann`` file.

    ``T`` lines give spans, ``E`` lines tie a trigger (``Attribution``,
    ``Attribution-no-source``) to its ``Source``, ``Cue`` and ``Content``. Other
    lines (notes, relations, ``Discuss`` spans) are ignored.

    Args:
        ann: The file's text.
        where: The file's name, for error messages.

    Returns:
        One [BratAttribution][quoteattr.evaluation.brat.BratAttribution] per ``E`` line,
        in file order.

    Raises:
        GoldError: a ``T`` line's offsets cannot be read, or an ``E`` line
            names a span that is not defined.

    Example:
        >>> parse_ann("T1\tSource 0 2\tHe\nT2\tContent 9 14;20 25\tabc\n"
        ...           "E1\tAttribution:T2 Source:T1 Content:T2\n")[0].content
        ((9, 14), (20, 25))
    """
    spans: dict[str, Spans] = {}
    events: list[tuple[int, str, str]] = []
    for number, line in enumerate(ann.splitlines(), start=1):
        if line.startswith("T"):
            parts = line.split("\t")
            head = parts[1].split(" ", 1) if len(parts) > 1 else []
            found = _SPAN.findall(head[1]) if len(head) == 2 else []
            if not found:
                raise GoldError(f"{where}:{number}: a T line needs 'LABEL START END', "
                                f"got {line[:60]!r}")
            spans[parts[0]] = tuple((int(a), int(b)) for a, b in found)
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) > 1:
                events.append((number, parts[0], parts[1]))
    attributions = []
    for number, name, body in events:
        roles: dict[str, Spans] = {}
        for argument in body.split()[1:]:
            role, _, target = argument.partition(":")
            role = role.rstrip("0123456789")
            if role not in _ROLES:
                continue
            if target not in spans:
                raise GoldError(f"{where}:{number}: {name} names {target}, which no T line "
                                "defines")
            roles[role] = roles.get(role, ()) + spans[target]
        attributions.append(BratAttribution(
            name, roles.get("Source", ()), roles.get("Cue", ()), roles.get("Content", ()),
        ))
    return attributions


_DOUBLE_OPEN = "“„«\""
_DOUBLE_CLOSE = {"“": "”\"", "”": "”\"", "„": "“”\"", "«": "»", '"': "\"”", "''": "''"}
_SINGLE_OPEN = "‘'‚"


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _word(char: str) -> bool:
    return char.isalnum()


def quoted_segments(text: str) -> list[QuotedSegment]:
    """Find the words between quotation marks in ``text``, one segment per paragraph.

    Double marks (“…”, "…", „…“, «…») and two apostrophes (''…'', archive
    text) open a quote; a paragraph that ends inside one gives a segment
    running to its end (``closed=False``), the next paragraph's opening mark
    starts the next. Single marks (‘…’, '…') count outside double marks only,
    when they open before a word and close after one (so ``Trump's`` and
    ``'90s`` are apostrophes); inside a double quote they are part of it.

    Example:
        >>> text = "He said ''we won'' and 'fine' in “the ‘real’ sense.”"
        >>> [(text[s.start:s.end], s.marks) for s in quoted_segments(text)]
        [('we won', 'double_apostrophe'), ('fine', 'single'), ('the ‘real’ sense.', 'double')]
    """
    segments: list[QuotedSegment] = []
    for para_start, para_end in _paragraphs(text):
        segments.extend(_scan(text, para_start, para_end))
    return segments


def _scan(text: str, start: int, end: int) -> Iterator[QuotedSegment]:
    opened: str | None = None  # the opening mark of the double quote we are in
    inner = start
    single: int | None = None  # where an open single quote's words start
    i = start
    while i < end:
        char = text[i]
        pair = text[i:i + 2] == "''"
        before = text[i - 1] if i > start else " "
        if opened is None:
            if pair:
                run = 2
                while i + run < end and text[i + run] == "'":
                    run += 1
                opened, inner, single = "''", i + 2, None
                i += 2
                continue
            after = text[i + 1] if i + 1 < end else " "
            if char in _DOUBLE_OPEN or (char == "”" and before.isspace() and _word(after)):
                opened, inner, single = char, i + 1, None  # (a ” before a word opens, misprinted)
            elif char in _SINGLE_OPEN and single is None:
                after = text[i + 1] if i + 1 < end else " "
                if not _word(before) and _word(after):
                    single = i + 1
            elif char in "’'" and single is not None:
                after = text[i + 1] if i + 1 < end else " "
                if not _word(after) and not before.isspace() and i > single:
                    yield QuotedSegment(single, i, "single", True)
                    single = None
            i += 1
            continue
        if opened == "''":
            if pair:
                run = 2
                while i + run < end and text[i + run] == "'":
                    run += 1
                close = i + run - 2  # in ''' the first apostrophe closes an inner quote
                yield QuotedSegment(inner, close, "double_apostrophe", True)
                opened = None
                i += run
                continue
        elif char in _DOUBLE_CLOSE[opened]:
            yield QuotedSegment(inner, i, "double", True)
            opened = None
        elif char == "“" and opened == "“":
            after = text[i + 1] if i + 1 < end else " "
            if not before.isspace() and not _word(after):  # a “ after the words closes
                yield QuotedSegment(inner, i, "double", True)
                opened = None
            elif _word(after) or after in _SINGLE_OPEN:  # a new quote opens: the last ran on
                stop = i
                while stop > inner and text[stop - 1].isspace():
                    stop -= 1
                yield QuotedSegment(inner, stop, "double", False)
                inner = i + 1
        i += 1
    if opened is not None:
        stop = end
        while stop > inner and text[stop - 1].isspace():
            stop -= 1
        if stop > inner:
            marks = "double_apostrophe" if opened == "''" else "double"
            yield QuotedSegment(inner, stop, marks, False)


_TOKEN = re.compile(r"\S+")
_PUNCTUATION = ".,;:!?\"“”'‘’()"


@word_file("source_mentions.json")
class SourceMentionWords(WordLists):
    """Words for reading source mentions (``data/<language>/source_mentions.json``).

    Attributes:
        relative_pronouns: One-word mentions that are pronouns beside the
            personal ones ("who", "which").
        head_ends: Words that end the head of a mention ("to" in "an adviser to ...").
    """

    relative_pronouns: Words = frozenset()
    head_ends: Words = frozenset()


@dataclass(frozen=True)
class _Words:
    pronouns: frozenset[str]
    not_names: frozenset[str]
    connectors: frozenset[str]
    head_ends: frozenset[str]


@lru_cache(maxsize=8)
def _words(language: str) -> _Words:
    lexicon = load_lexicon(language)
    extra = load_word_lists(SourceMentionWords, language) or SourceMentionWords()
    return _Words(
        frozenset(lexicon.pronoun_forms) | extra.relative_pronouns,
        frozenset(lexicon.grammar.not_names),
        frozenset(lexicon.grammar.name_connectors),
        extra.head_ends,
    )


def _tokens(chunk: str) -> list[str]:
    return [t for t in (w.strip(_PUNCTUATION) for w in _TOKEN.findall(chunk)) if t]


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.endswith(("'s", "’s"))


def _name_run(tokens: list[str], words: _Words) -> str | None:
    """The run of capitalised words that ends ``tokens``, if they end in one."""
    if not tokens or not _capitalised(tokens[-1]):
        return None
    run: list[str] = []
    for token in reversed(tokens):
        if _capitalised(token) or (run and token.lower() in words.connectors):
            run.insert(0, token)
        else:
            break
    while run and (run[0] in words.not_names or run[0].lower() in words.connectors):
        run.pop(0)
    return " ".join(run) or None


def speaker_name(mention: str, *, language: str = "en") -> tuple[str, str]:
    """The name in a source mention and the mention's kind: name, pronoun or nominal.

    A pronoun is its own name. Otherwise the name is the run of capitalised
    words that ends the mention's head (before an apposition, a relative
    clause or a prepositional phrase), or an apposition that is a name; a
    mention with neither is a description (``nominal``), named by itself.

    Example:
        >>> speaker_name("Jane Doe, a former candidate,")
        ('Jane Doe', 'name')
        >>> speaker_name("campaign manager John Roe")
        ('John Roe', 'name')
        >>> speaker_name("a longtime adviser to John Roe")
        ('a longtime adviser to John Roe', 'nominal')
        >>> speaker_name("She"), speaker_name("who")
        (('She', 'pronoun'), ('who', 'pronoun'))
    """
    words = _words(language)
    stripped = mention.strip(" \t\n,;:")
    if stripped.lower() in words.pronouns:
        return stripped, "pronoun"
    chunks = [_tokens(c) for c in re.split(r",|\(|\)|—|–", stripped)]
    chunks = [c for c in chunks if c]
    head: list[str] = []
    for token in chunks[0] if chunks else []:
        if token.lower() in words.head_ends and head:
            break
        head.append(token)
    name = _name_run(head, words)
    if name is None:
        for chunk in chunks[1:]:
            run = _name_run(chunk, words)
            if run is not None and run == " ".join(chunk):
                name = run
                break
    if name is None:
        return stripped, "nominal"
    return name, "name"


def _covered(spans: Spans, start: int, end: int) -> int:
    return sum(max(0, min(e, end) - max(s, start)) for s, e in spans)


def _is_direct(text: str, content: Spans, segments: Sequence[QuotedSegment]) -> bool:
    """True when nothing of the content but marks, space and punctuation is outside quotes."""
    inside = [(s.start - 2, s.end + 2) for s in segments]
    for s, e in content:
        for i in range(s, e):
            if text[i].isalnum() and not any(a <= i < b for a, b in inside):
                return False
    return True


def brat_document(doc_id: str, text: str, ann: str, *, language: str = "en",
                  where: str | None = None) -> GoldDocument:
    """Turn one article and its brat annotation into a gold document of quotes.

    A quoted segment is a gold quote when at least half of it lies inside one
    attribution's content (the attribution covering most of it wins); its
    speaker is that attribution's source. Segments of no attribution (titles,
    scare quotes) are not gold quotes.

    Args:
        doc_id: The document's id.
        text: The article, exactly as the offsets count it.
        ann: The ``.ann`` file's text.
        language: The language, for the pronouns that tell a pronoun source.
        where: The annotation file's name, for error messages.

    Raises:
        GoldError: the annotation cannot be read or its offsets lie outside the text.
    """
    label = where or doc_id
    attributions = parse_ann(ann, where=label)
    for a in attributions:
        for s, e in (*a.source, *a.cue, *a.content):
            if not 0 <= s <= e <= len(text):
                raise GoldError(f"{label}: {a.id} has offsets {s}-{e} outside the text "
                                f"({len(text)} characters); is this the right text file?")
    segments = quoted_segments(text)
    quotes = []
    for segment in segments:
        size = segment.end - segment.start
        best, most = None, 0
        for a in attributions:
            covered = _covered(a.content, segment.start, segment.end)
            if covered > most:
                best, most = a, covered
        if best is None or size <= 0 or 2 * most < size:
            continue
        mention = " ".join(text[s:e] for s, e in best.source)
        if best.source:
            name, kind = speaker_name(mention, language=language)
        else:
            name, kind = None, "none"
        own = [s for s in segments if _covered(best.content, s.start, s.end)]
        quotes.append(GoldQuote(
            start=segment.start, end=segment.end, speaker=name,
            speaker_spans=best.source, speaker_kind=kind,
            type="direct" if _is_direct(text, best.content, own) else "partial",
        ))
    return GoldDocument(doc_id=doc_id, text=text, quotes=tuple(quotes))


def _text_for(ann: Path) -> tuple[str, Path | None]:
    """The article's name and text file for an annotation file, or None when there is none."""
    stem = ann.stem
    names = [stem]
    if "_" in stem:
        names.append(stem.rsplit("_", 1)[0])
    for name in names:
        for folder in (ann.parent, ann.parent.parent / "text"):
            candidate = folder / f"{name}.txt"
            if candidate.is_file():
                return name, candidate
    return names[-1], None


def read_brat(path: str | Path, *, annotator: str | None = None,
              language: str = "en") -> BratCorpus:
    """Read a brat attribution corpus: a folder, searched at any depth, or one ``.ann`` file.

    Each ``.ann`` file is paired with its article: ``NAME.txt`` beside it or
    in a ``text/`` folder next to its own folder, where ``NAME`` is the
    annotation's name with or without a last ``_ANNOTATOR`` part (PolNeAR's
    ``attributions/NAME_4b22.ann`` and ``text/NAME.txt``). An article
    annotated by several people is read once, from the first annotator's file
    in name order, or from ``annotator``'s.

    Args:
        path: The corpus folder (PolNeAR: ``data/dev``) or one ``.ann`` file.
        annotator: Read this annotator's files (the suffix after the last ``_``).
        language: The language of the articles.

    Returns:
        The gold documents, sorted by id, and the files left out.

    Raises:
        GoldError: the path does not exist, holds no ``.ann`` file with its
            text, or an annotation cannot be read.
    """
    root = Path(path)
    if not root.exists():
        raise GoldError(f"{root}: no such file or folder")
    files = [root] if root.is_file() else sorted(root.rglob("*.ann"))
    documents: dict[str, GoldDocument] = {}
    skipped: list[str] = []
    for ann in files:
        name, text_file = _text_for(ann)
        if text_file is None:
            skipped.append(f"{ann}: no {name}.txt beside it or in ../text")
            continue
        if annotator is not None and not ann.stem.endswith(f"_{annotator}"):
            skipped.append(f"{ann}: another annotator")
            continue
        if name in documents:
            skipped.append(f"{ann}: {name} already read from another annotator's file")
            continue
        try:
            text = text_file.read_text(encoding="utf-8")
            ann_text = ann.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldError(f"{ann}: cannot read it or its text: {exc}") from exc
        documents[name] = brat_document(name, text, ann_text, language=language,
                                        where=str(ann))
    if not documents:
        why = f" ({skipped[0]})" if skipped else ""
        raise GoldError(f"{root}: no brat annotation (.ann) with its text (.txt) found{why}")
    return BratCorpus([documents[k] for k in sorted(documents)], skipped)
