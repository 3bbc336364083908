"""Show a document's quotes highlighted in its text, as HTML for notebooks and browsers.

:func:`show` pairs a text with its :class:`~quoteattr.models.Document` (the
document does not keep the text, so that its JSON stays small) and returns a
:class:`Highlighted` object that a notebook renders: each quote in its
speaker's colour, the speaker's mention in bold and the cue underlined, the
rule and confidence on hover and in a small label, a legend of speakers. All
text is escaped; the markup uses inline styles only, so it survives notebook
sanitisers and ``nbconvert``.

Every coloured element sets both its background and its text colour (dark
text on a light tint), so the view reads the same in a light and a dark
notebook theme. A speaker has one colour: [speaker_colours][quoteattr.io.display.speaker_colours]
gives the colours of the speakers of many documents, for ``show(...,
colours=...)`` and for a chart, so that a speaker looks the same in both.

Example:
    >>> view = show('"We heard nothing new," Lavrov said.')
    >>> html = view._repr_html_()
    >>> 'title="Lavrov (person) · rule quote_comma_name_said · cue &#x27;said&#x27;' in html
    True
"""

from __future__ import annotations

import html
import itertools
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from quoteattr.models import Document, Quote, QuoteCluster, QuoteSpeaker
from quoteattr.pipeline import attribute

__all__ = ["Colours", "Highlighted", "cluster_html", "contrast", "diff_html", "document_html",
           "register_notebook_display", "render_html", "show", "speaker_colours"]

# Tableau 10 without its grey: a saturated ink and its light tint, for each speaker.
_INK = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#bcbd22", "#17becf")
_FILL = ("#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
         "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5")
_NOBODY_FILL, _NOBODY_INK = "#e0e0e0", "#757575"
_TEXT = "#111111"  # on every tint: readable whatever the theme's own text colour
_PANEL = "background:#fafafa;color:#222222"

# Layers, outermost first: a claim can hold a quote; a quote holds nothing else.
_CLAIM, _QUOTE, _TERM, _MENTION, _CUE = range(5)

Colours = dict[str, str]
"""Speaker name to colour (``#rrggbb``), as ``speaker_colours`` gives."""


def speaker_colours(docs: Document | Iterable[Document]) -> Colours:
    """One colour per speaker across documents, the most quoted first.

    The colours are those [show][quoteattr.show] uses; pass the result to
    ``show(..., colours=...)`` and use it in a chart, and each speaker has
    one colour everywhere. A name that is the end of one longer name
    ("Lavrov", "Sergei Lavrov") is that speaker. There are nine colours: the
    tenth speaker and those after share them again in the same order.

    Args:
        docs: A document or documents from [attribute][quoteattr.attribute].

    Returns:
        Speaker name (canonical, as in ``Document.speakers``) to ``#rrggbb``.

    Example:
        >>> import quoteattr
        >>> doc = quoteattr.attribute('"A," Lavrov said. "B," Lavrov added. "C," Roe said.')
        >>> speaker_colours(doc)
        {'Lavrov': '#1f77b4', 'Roe': '#ff7f0e'}
    """
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for doc in (docs,) if isinstance(docs, Document) else docs:
        for q in doc.quotes:
            if q.speaker is not None:
                counts[q.speaker.name] = counts.get(q.speaker.name, 0) + 1
                first.setdefault(q.speaker.name, len(first))
    # "Lavrov" in one document is "Sergei Lavrov" of another, when only one name ends so
    owner: dict[str, str] = {}
    for name in counts:
        words = name.split()
        longer = [n for n in counts if len(n.split()) > len(words) and words
                  and n.split()[-len(words):] == words]
        owner[name] = longer[0] if len(longer) == 1 else name
    totals: dict[str, int] = {}
    for name, count in counts.items():
        totals[owner[name]] = totals.get(owner[name], 0) + count
    order = sorted(totals, key=lambda name: (-totals[name], first[name]))
    colour = {name: _INK[i % len(_INK)] for i, name in enumerate(order)}
    return {name: colour[owner[name]] for name in sorted(counts, key=lambda n: first[n])}


def _tint(ink: str) -> str:
    """The light tint of an ink: its pair in the palette, else mixed with white."""
    if ink in _INK:
        return _FILL[_INK.index(ink)]
    try:
        r, g, b = (int(ink[i:i + 2], 16) for i in (1, 3, 5))
    except ValueError:
        return _NOBODY_FILL
    return "#" + "".join(f"{round(c + (255 - c) * 0.6):02x}" for c in (r, g, b))


def _palette(doc: Document, colours: Colours | None) -> dict[int, tuple[str, str]]:
    """Fill and ink of each speaker id of ``doc``: from ``colours``, else by how often quoted."""
    own = speaker_colours(doc)
    table: dict[int, tuple[str, str]] = {}
    for speaker in doc.speakers:
        ink = None
        if colours is not None:
            ink = colours.get(speaker.name)
            if ink is None:  # "Lavrov" in one document, "Sergei Lavrov" in another
                last = speaker.name.split()[-1] if speaker.name.split() else ""
                ink = next((c for n, c in colours.items() if n.split()[-1:] == [last]), None)
        ink = ink or own.get(speaker.name) or _INK[speaker.id % len(_INK)]
        table[speaker.id] = (_tint(ink), ink)
    return table


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours, from 1 to 21.

    Example:
        >>> round(contrast("#000000", "#ffffff"), 1), round(contrast("#111111", "#aec7e8"), 1)
        (21.0, 10.9)
    """
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _colours(speaker: QuoteSpeaker | None,
             palette: dict[int, tuple[str, str]]) -> tuple[str, str]:
    if speaker is None or speaker.id is None or speaker.id not in palette:
        return _NOBODY_FILL, _NOBODY_INK
    return palette[speaker.id]


def _who(speaker: QuoteSpeaker | None) -> str:
    if speaker is None:
        return "no speaker found"
    role = f", {speaker.role}" if speaker.role else ""
    return f"{speaker.name} ({speaker.kind}{role})"


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    layer: int
    style: str
    title: str


def _quote_title(q: Quote) -> str:
    parts = [_who(q.speaker)]
    if q.rule:
        parts.append(f"rule {q.rule}")
    if q.cue:
        parts.append(f"cue '{q.cue.text}'")
    if q.speaker:
        parts.append(f"confidence {q.confidence:.2f}")
    parts.append(f"{q.kind} quote")
    return " · ".join(parts)


def _marks(doc: Document, palette: dict[int, tuple[str, str]], *, claims: bool) -> list[_Mark]:
    marks: list[_Mark] = []
    for q in doc.quotes:
        fill, ink = _colours(q.speaker, palette)
        border = "dashed" if q.speaker is None else "solid"
        marks.append(_Mark(
            q.start, q.end, _QUOTE,
            f"background:{fill};border-bottom:2px {border} {ink};padding:1px 0;color:{_TEXT}",
            _quote_title(q),
        ))
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            marks.append(_Mark(
                m.start, m.end, _MENTION,
                f"font-weight:bold;background:{fill};color:{_TEXT};border:1px solid {ink};"
                "border-radius:3px;padding:0 2px",
                f"speaker: {_who(q.speaker)}",
            ))
        if q.cue is not None:
            marks.append(_Mark(
                q.cue.start, q.cue.end, _CUE,
                f"text-decoration:underline wavy {ink};font-style:italic",
                f"cue of rule {q.rule}",
            ))
    for t in doc.quoted_terms:
        marks.append(_Mark(t.start, t.end, _TERM, "border-bottom:1px dotted #757575",
                           "quoted term: nobody's speech, not attributed"))
    if claims:
        for c in doc.claims:
            fill, ink = _colours(c.source, palette)
            marks.append(_Mark(
                c.start, c.end, _CLAIM, f"border-bottom:2px dotted {ink}",
                f"claim by {_who(c.source)} · rule {c.rule} · cue '{c.cue.text}'"
                f" · confidence {c.confidence:.2f}",
            ))
            if c.source.mention is not None:
                m = c.source.mention
                marks.append(_Mark(m.start, m.end, _MENTION,
                                   f"font-weight:bold;background:{fill};color:{_TEXT}",
                                   f"source: {_who(c.source)}"))
            marks.append(_Mark(c.cue.start, c.cue.end, _CUE,
                               f"text-decoration:underline wavy {ink};font-style:italic",
                               f"cue of claim rule {c.rule}"))
    return marks


def _label(q: Quote, palette: dict[int, tuple[str, str]]) -> str:
    fill, _ink = _colours(q.speaker, palette)
    if q.speaker is None:
        body = "no speaker"
    else:
        body = f"{q.speaker.name} · {q.rule} · {q.confidence:.2f}"
    return (f'<sup style="font-size:70%;background:{fill};color:{_TEXT};white-space:nowrap;'
            f'margin-left:2px;padding:0 3px;border-radius:3px">{html.escape(body)}</sup>')


def _after_mark(text: str, q: Quote) -> int:
    """Where a quote's label goes: after its closing mark, or after its words."""
    if q.close_mark and text.startswith(q.close_mark, q.end):
        return q.end + len(q.close_mark)
    return q.end


def _segments(
    text: str, marks: list[_Mark], cuts: set[int]
) -> Iterator[tuple[int, int, list[_Mark]]]:
    """Cut the text at every mark edge and cut; yield each piece with the marks covering it."""
    edges = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks} | cuts)
    for start, end in itertools.pairwise(edges):
        if start < end:
            covering = [m for m in marks if m.start <= start and end <= m.end]
            covering.sort(key=lambda m: m.layer)
            yield start, end, covering


def _check(text: str, doc: Document) -> None:
    for q in (*doc.quotes, *doc.quoted_terms):
        if text[q.start:q.end] != q.text:
            raise ValueError(
                f"this Document was not made from this text: quote {q.text[:40]!r} is not at "
                f"{q.start}:{q.end}; pass the same text you gave quoteattr.attribute()"
            )


def render_html(text: str, doc: Document, *, claims: bool = False, labels: bool = True,
                colours: Colours | None = None) -> str:
    """Return ``text`` as HTML with the quotes of ``doc`` highlighted, and a legend.

    Each quote is shaded in its speaker's colour (grey with a dashed line when
    no speaker was found); the speaker's mention is boxed and the cue word
    underlined in the same colour; quoted terms get a dotted line. Hovering a
    quote names its speaker, rule, cue and confidence.

    Args:
        text: The text given to :func:`quoteattr.attribute`.
        doc: Its result.
        claims: Also mark reported claims (a dotted line in the source's colour).
        labels: Print speaker, rule and confidence in small type after each quote.
        colours: Each speaker's colour, from [speaker_colours][quoteattr.io.display.speaker_colours]
            (by default the most quoted speaker of ``doc`` takes the first colour).

    Returns:
        An HTML fragment (a ``<div>``) with inline styles.

    Raises:
        ValueError: ``doc`` was made from another text (its offsets do not fit).

    Example:
        >>> import quoteattr
        >>> text = '"A <b>bold</b> move," Lavrov said.'
        >>> fragment = render_html(text, quoteattr.attribute(text))
        >>> "&lt;b&gt;bold&lt;/b&gt;" in fragment and "<b>bold" not in fragment
        True
    """
    _check(text, doc)
    palette = _palette(doc, colours)
    marks = _marks(doc, palette, claims=claims)
    ends = {_after_mark(text, q): q for q in doc.quotes} if labels else {}
    out: list[str] = []
    for start, end, covering in _segments(text, marks, set(ends)):
        piece = html.escape(text[start:end])
        for m in reversed(covering):
            piece = (f'<span style="{m.style}" title="{html.escape(m.title)}">'
                     f"{piece}</span>")
        out.append(piece)
        if end in ends:
            out.append(_label(ends[end], palette))
    body = "".join(out)
    return (
        '<div class="quoteattr" style="font-family:Georgia,serif;font-size:15px;'
        'line-height:1.7;max-width:60em">'
        f"{_legend(doc, palette, claims=claims)}"
        f'<div style="white-space:pre-wrap">{body}</div></div>'
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _legend(doc: Document, palette: dict[int, tuple[str, str]], *, claims: bool = False) -> str:
    quoted: dict[int, int] = {}
    claimed: dict[int, int] = {}
    unattributed = 0
    for q in doc.quotes:
        if q.speaker is None or q.speaker.id is None:
            unattributed += 1
        else:
            quoted[q.speaker.id] = quoted.get(q.speaker.id, 0) + 1
    if claims:
        for c in doc.claims:
            if c.source.id is not None:
                claimed[c.source.id] = claimed.get(c.source.id, 0) + 1
    items: list[str] = []
    for speaker in doc.speakers:
        if speaker.id not in quoted and speaker.id not in claimed:
            continue
        fill, ink = palette[speaker.id]
        role = f", {speaker.role}" if speaker.role else ""
        counts = [_count(quoted[speaker.id], "quote")] if speaker.id in quoted else []
        if speaker.id in claimed:
            counts.append(_count(claimed[speaker.id], "claim"))
        items.append(
            f'<span style="background:{fill};color:{_TEXT};border-bottom:2px solid {ink};'
            f'padding:1px 4px;margin-right:8px;white-space:nowrap">{html.escape(speaker.name)}'
            f'<span style="font-size:85%"> ({html.escape(speaker.kind + role)}) '
            f"· {', '.join(counts)}</span></span>"
        )
    if unattributed:
        items.append(
            f'<span style="background:{_NOBODY_FILL};color:{_TEXT};'
            f'border-bottom:2px dashed {_NOBODY_INK};padding:1px 4px;margin-right:8px">'
            f"no speaker found · {unattributed}</span>"
        )
    claim_key = (' · <span style="border-bottom:2px dotted #555">claim</span> reported claim'
                 if claims else "")
    key = (
        '<span style="color:#555;font-size:85%">'
        '<b style="border:1px solid #555;border-radius:3px;padding:0 2px">Name</b> speaker named'
        ' · <i style="text-decoration:underline wavy #555">said</i> cue'
        ' · <span style="border-bottom:1px dotted #757575">term</span> quoted term'
        f"{claim_key} · hover a quote for its rule</span>"
    )
    title = html.escape(doc.doc_id) + ": " if doc.doc_id else ""
    return (
        '<div style="font-family:sans-serif;font-size:13px;line-height:2;margin-bottom:8px;'
        f'padding:6px 8px;border:1px solid #ddd;border-radius:4px;{_PANEL}">'
        f"<b>{title}{_count(len(doc.quotes), 'quote')}, {_count(len(quoted), 'speaker')}"
        f"{', ' + _count(len(doc.claims), 'claim') if claims else ''}</b><br>"
        f"{''.join(items)}<br>{key}</div>"
    )


def document_html(doc: Document) -> str:
    """Return a document's quotes as an HTML table (what a notebook shows for a Document).

    Importing quoteattr in a running IPython or Jupyter session registers this
    function as the HTML view of :class:`~quoteattr.Document` (the results
    module itself imports nothing of the package).

    Example:
        >>> import quoteattr
        >>> "<td>quote_comma_name_said</td>" in document_html(
        ...     quoteattr.attribute('"We met," Lavrov said.'))
        True
    """
    rows = []
    palette = _palette(doc, None)
    for q in doc.quotes:
        fill, _ink = _colours(q.speaker, palette)
        speaker = html.escape(q.speaker.name) if q.speaker else "<i>none</i>"
        cue = html.escape(q.cue.text) if q.cue else ""
        confidence = f"{q.confidence:.2f}" if q.speaker else ""
        rows.append(
            f'<tr><td style="background:{fill};color:{_TEXT}">{speaker}</td>'
            f'<td style="text-align:left">{html.escape(q.text)}</td>'
            f"<td>{cue}</td><td>{html.escape(q.rule or '')}</td>"
            f"<td>{confidence}</td><td>{q.start}:{q.end}</td></tr>"
        )
    title = html.escape(doc.doc_id or "Document")
    return (
        f"<div><b>{title}</b>: {len(doc.quotes)} quotes, {len(doc.speakers)} speakers, "
        f"{len(doc.claims)} claims, {len(doc.quoted_terms)} quoted terms"
        "<table><thead><tr><th>speaker</th><th>quote</th><th>cue</th><th>rule</th>"
        f"<th>confidence</th><th>offsets</th></tr></thead><tbody>{''.join(rows)}"
        "</tbody></table></div>"
    )


_DIFF = re.compile(r"\[-(.*?)-\]\{\+(.*?)\+\}|\[-(.*?)-\]|\{\+(.*?)\+\}", re.DOTALL)
_DELETED = "color:#8e0000;background:#ffebee"
_INSERTED = "color:#0b4d12;background:#e8f5e9"


def _same_words(a: str, b: str) -> bool:
    """True when two stretches differ only in case and punctuation."""
    def words(text: str) -> list[str]:
        return "".join(c if c.isalnum() else " " for c in text.casefold()).split()

    return words(a) == words(b)


def diff_html(diff: str) -> str:
    """Render a word diff of [ClusterMember][quoteattr.models.ClusterMember] as HTML.

    ``[-words-]`` (in the canonical text, not in this printing) become struck
    out in red, ``{+words+}`` (only in this printing) underlined in green, each
    on a light tint so that it reads in light and dark themes. A change of
    punctuation or case only (``[-request,-]{+Request.+}``) is not a
    difference of words: it shows as printed, unmarked.

    Example:
        >>> print(diff_html("his [-request,-]{+request.+} we"))
        his request. we
        >>> print(diff_html("his [-plea-]{+request+} we"))  # doctest: +NORMALIZE_WHITESPACE
        his <del style="color:#8e0000;background:#ffebee">plea</del><ins
        style="color:#0b4d12;background:#e8f5e9">request</ins> we
    """
    out: list[str] = []
    last = 0
    for m in _DIFF.finditer(diff):
        out.append(html.escape(diff[last:m.start()]))
        old, new = m.group(1), m.group(2)
        if old is not None and new is not None and _same_words(old, new):
            out.append(html.escape(new))
        elif old is not None and new is not None:
            out.append(f'<del style="{_DELETED}">{html.escape(old)}</del>'
                       f'<ins style="{_INSERTED}">{html.escape(new)}</ins>')
        elif m.group(3) is not None and not _same_words(m.group(3), ""):
            out.append(f'<del style="{_DELETED}">{html.escape(m.group(3))}</del>')
        elif m.group(4) is not None and not _same_words(m.group(4), ""):
            out.append(f'<ins style="{_INSERTED}">{html.escape(m.group(4))}</ins>')
        last = m.end()
    out.append(html.escape(diff[last:]))
    return "".join(out)


def cluster_html(cluster: QuoteCluster, *, labels: dict[str, str] | None = None) -> str:
    """Return the printings of one quote side by side, as an HTML table.

    One row per printing: the document (or its label), the speaker it names,
    how it relates to the canonical text (exact, variant, fragment) with its
    score, the words as printed, and what differs from the canonical text.

    Args:
        cluster: A cluster from :func:`quoteattr.matching.clusters.match_quotes`.
        labels: Names to show instead of document ids (``{"doc-1": "DW"}``).

    Example:
        >>> from quoteattr.matching.clusters import match_quotes
        >>> import quoteattr
        >>> docs = [quoteattr.attribute('"We heard nothing new," Lavrov said.', doc_id="a"),
        ...         quoteattr.attribute('Lavrov said: "We heard nothing new."', doc_id="b")]
        >>> table = cluster_html(match_quotes(docs)[0], labels={"a": "DW"})
        >>> "<td>DW</td>" in table and "<td>b</td>" in table
        True
    """
    labels = labels or {}
    rows = []
    for member in cluster.members:
        speaker = html.escape(member.speaker) if member.speaker else "<i>unknown</i>"
        shown = diff_html(member.diff) if member.diff else ""
        diff = "<i>same words</i>" if member.relation == "exact" or not shown else shown
        rows.append(
            f"<tr><td>{html.escape(labels.get(member.doc_id, member.doc_id))}</td>"
            f"<td>{speaker}</td><td>{member.relation} {member.score:.0f}</td>"
            f'<td style="text-align:left">{html.escape(member.quote.text)}</td>'
            f'<td style="text-align:left">{diff}</td></tr>'
        )
    speaker = html.escape(cluster.speaker or "unknown speaker")
    return (
        f"<div><b>{speaker}</b>: “{html.escape(cluster.canonical)}”"
        "<table><thead><tr><th>printed by</th><th>speaker</th><th>relation</th>"
        "<th>as printed</th><th>differs from the canonical text</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


@dataclass(frozen=True)
class Highlighted:
    """A text with its document, shown with the quotes highlighted in a notebook.

    Attributes:
        text: The text given to :func:`quoteattr.attribute`.
        doc: Its result.
        claims: Also mark reported claims.
        labels: Print speaker, rule and confidence after each quote.
        colours: Each speaker's colour, from
            [speaker_colours][quoteattr.io.display.speaker_colours].
    """

    text: str
    doc: Document
    claims: bool = False
    labels: bool = True
    colours: Colours | None = None

    def _repr_html_(self) -> str:
        return render_html(self.text, self.doc, claims=self.claims, labels=self.labels,
                           colours=self.colours)

    @property
    def html(self) -> str:
        """The HTML fragment a notebook shows."""
        return self._repr_html_()

    def save(self, path: str) -> None:
        """Write a standalone HTML page to ``path`` (UTF-8)."""
        title = html.escape(self.doc.doc_id or "quoteattr")
        page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
                f"</head><body>{self.html}</body></html>\n")
        with open(path, "w", encoding="utf-8") as f:
            f.write(page)

    def __repr__(self) -> str:
        return (f"Highlighted(doc_id={self.doc.doc_id!r}, quotes={len(self.doc.quotes)}, "
                f"speakers={len(self.doc.speakers)})")


def show(
    text: str,
    doc: Document | None = None,
    *,
    claims: bool = False,
    labels: bool = True,
    colours: Colours | None = None,
) -> Highlighted:
    """Return ``text`` with its quotes highlighted, for display in a notebook.

    Args:
        text: The article.
        doc: The result of :func:`quoteattr.attribute` for ``text``; computed when ``None``.
        claims: Also mark reported claims.
        labels: Print speaker, rule and confidence in small type after each quote.
        colours: Each speaker's colour, from [speaker_colours][quoteattr.io.display.speaker_colours]
            of all the documents a notebook shows, so that a speaker has the
            same colour in every view and in a chart; by default the most
            quoted speaker of this document takes the first colour.

    Returns:
        A :class:`Highlighted` object; a notebook renders it as HTML, and
        ``.save(path)`` writes it as a web page.

    Raises:
        ValueError: ``doc`` was made from another text.

    Example:
        >>> view = show('"We met," Lavrov said.')
        >>> view
        Highlighted(doc_id=None, quotes=1, speakers=1)
    """
    if doc is None:
        doc = attribute(text)
    _check(text, doc)
    return Highlighted(text, doc, claims=claims, labels=labels, colours=colours)


def register_notebook_display() -> bool:
    """Show a :class:`~quoteattr.Document` as :func:`document_html` in the running IPython.

    Called when quoteattr is imported; does nothing outside IPython or Jupyter.

    Returns:
        True when a running IPython shell took the formatter.
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type(Document, document_html)
    return True


register_notebook_display()
