"""Plain-text tables for a terminal: columns fitted to its width, long text wrapped.

:func:`format_table` lays out the rows of :func:`quoteattr.io.export.quotes_table`,
:func:`~quoteattr.io.export.claims_table` or
:func:`~quoteattr.io.export.clusters_table` as aligned columns. Given a width
(the terminal's), no line is wider: the quote (or claim) column wraps onto
continuation lines, the narrow columns are cut with ``…``, and document ids
are printed whole when they fit or else cut to the shortest length that keeps
every id apart (:func:`short_ids`). Widths are counted in terminal cells, so
CJK characters count two and combining marks none.

Example:
    >>> rows = [{"doc_id": "dw", "speaker": "Lavrov", "cue": "said",
    ...          "rule": "quote_comma_name_said", "confidence": 0.95, "quote": "We met."}]
    >>> print(format_table(rows), end="")
    doc_id  speaker  cue   rule                   conf  quote
    dw      Lavrov   said  quote_comma_name_said  0.95  We met.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["TABLE_COLUMNS", "cell_width", "cut", "format_table", "short_ids", "wrap"]

TABLE_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "quotes": ("doc_id", "speaker", "cue", "rule", "confidence", "quote"),
    "claims": ("doc_id", "source", "cue", "stance", "confidence", "claim"),
    "clusters": ("cluster", "doc_id", "relation", "score", "speaker", "quote"),
}
"""The columns of each kind of table, in order; the last one wraps."""

_HEADERS = {"confidence": "conf"}
_GAP = "  "
# Narrow columns: (least width they shrink to, most width they take); doc_id is apart.
_LIMITS = {
    "speaker": (8, 28), "source": (8, 28), "cue": (6, 14), "rule": (8, 32),
    "stance": (6, 8), "confidence": (4, 4), "relation": (8, 8), "score": (5, 5),
    "cluster": (3, 7),
}
# Cut down to their least width in this order, each before the next, when the row is too wide.
_SHRINK = ("rule", "stance", "doc_id", "cue", "relation", "cluster", "score", "speaker",
           "source")
# Dropped in this order when even the least widths do not fit.
_DROPPABLE = ("rule", "stance", "cue", "score", "relation")
_ELLIPSIS = "…"
_LAST_MIN = 20  # the wrapped column is never narrower than this unless the terminal is


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes: wide (CJK) characters two, combining none.

    Example:
        >>> cell_width("abc"), cell_width("東京"), cell_width("e\u0301")
        (3, 4, 1)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def cut(text: str, width: int) -> str:
    """Cut ``text`` to at most ``width`` cells, ending in ``…`` when something was cut.

    Example:
        >>> cut("Sergei Lavrov", 8), cut("Lavrov", 8)
        ('Sergei …', 'Lavrov')
    """
    if cell_width(text) <= width:
        return text
    if width <= 0:
        return ""
    out: list[str] = []
    used = 0
    for char in text:
        size = cell_width(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + _ELLIPSIS


def wrap(text: str, width: int) -> list[str]:
    """Break ``text`` into lines of at most ``width`` cells, at spaces where possible.

    A word longer than a line is broken inside. White space runs become one space.

    Example:
        >>> wrap("We heard nothing new from our colleagues", 12)
        ['We heard', 'nothing new', 'from our', 'colleagues']
    """
    width = max(1, width)
    lines: list[str] = []
    line = ""
    for word in text.split():
        while cell_width(word) > width:  # a word wider than the column: break it
            room = width - cell_width(line) - (1 if line else 0)
            if room < 1:
                lines.append(line)
                line, room = "", width
            head, word = _split_at(word, room)
            line = f"{line} {head}" if line else head
            lines.append(line)
            line = ""
        if not word:
            continue
        candidate = f"{line} {word}" if line else word
        if cell_width(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return lines


def _split_at(word: str, width: int) -> tuple[str, str]:
    used = 0
    for i, char in enumerate(word):
        used += cell_width(char)
        if used > width:
            return word[:max(i, 1)], word[max(i, 1):]
    return word, ""


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def short_ids(ids: Iterable[str]) -> tuple[dict[str, str], int]:
    """Shorten document ids so that each stays apart from all the others.

    Each id is cut after the shortest prefix that no other id shares, with
    ``…`` marking the cut; an id that would not get shorter stays whole.

    Returns:
        The shortened form of each id, and the width of the widest.

    Example:
        >>> short, width = short_ids(["bbc-2004-politics-017", "bbc-2004-sport-003",
        ...                           "bbc-2004-politics-120"])
        >>> sorted(short.values()), width
        (['bbc-2004-politics-0…', 'bbc-2004-politics-1…', 'bbc-2004-s…'], 20)
    """
    unique = sorted(set(ids))
    short: dict[str, str] = {}
    for i, doc_id in enumerate(unique):
        shared = max(
            _common_prefix(doc_id, unique[i - 1]) if i > 0 else 0,
            _common_prefix(doc_id, unique[i + 1]) if i + 1 < len(unique) else 0,
        )
        keep = shared + 1
        short[doc_id] = doc_id if keep + 1 >= len(doc_id) else doc_id[:keep] + _ELLIPSIS
    return short, max((cell_width(s) for s in short.values()), default=0)


def _cell(row: Mapping[str, object], name: str, last: str) -> str:
    if name == last and row.get("error"):
        return f"ERROR: {row['error']}"
    value = row.get(name)
    if value is None:
        return ""
    if name == "confidence" and isinstance(value, float):
        return f"{value:.2f}"
    if name == "score" and isinstance(value, float):
        return f"{value:.0f}"
    return " ".join(str(value).split())


def _fit(names: list[str], natural: dict[str, int], short_width: int,
         width: int) -> tuple[list[str], dict[str, int], bool]:
    """Choose the columns, their widths and whether ids are shortened, for ``width`` cells.

    The wrapped column keeps two fifths of the width (at least 20 cells): ids
    are shortened and the narrow columns cut down to their least width, in the
    order of ``_SHRINK``, then columns dropped in the order of ``_DROPPABLE``.
    """
    last = names[-1]
    widths = {n: min(natural[n], _LIMITS.get(n, (0, 10_000))[1]) for n in names[:-1]}
    last_min = min(max(_LAST_MIN, 2 * width // 5), max(8, width // 3) if width < 60 else width)

    def spare() -> int:
        return width - sum(widths[n] for n in names[:-1]) - len(_GAP) * (len(names) - 1) - last_min

    shortened = False
    for name in _SHRINK:
        if name == "doc_id":
            if spare() < 0 and "doc_id" in widths and short_width < widths["doc_id"]:
                widths["doc_id"] = short_width
                shortened = True
        elif name in widths:
            least = min(_LIMITS[name][0], natural[name])
            widths[name] = max(least, widths[name] + min(0, spare()))
    while spare() < 0:
        droppable = [n for n in _DROPPABLE if n in names[:-1]]
        if not droppable:
            break
        names = [n for n in names if n != droppable[0]]
        del widths[droppable[0]]
    widths[last] = max(1, width - sum(widths[n] for n in names[:-1])
                       - len(_GAP) * (len(names) - 1))
    return names, widths, shortened


def format_table(
    rows: Sequence[Mapping[str, object]], *, what: str = "quotes", width: int | None = None
) -> str:
    """Format table rows as aligned columns, fitted to ``width`` terminal cells.

    Args:
        rows: Rows of :func:`~quoteattr.io.export.quotes_table` (``what="quotes"``),
            :func:`~quoteattr.io.export.claims_table` (``"claims"``) or
            :func:`~quoteattr.io.export.clusters_table` (``"clusters"``). A row
            with an ``error`` shows it in the last column.
        what: Which table the rows come from.
        width: The terminal's width; no line is wider. ``None`` prints every
            cell whole on one line.

    Returns:
        The table, one line per row (more where the last column wraps).

    Raises:
        ValueError: ``what`` is not a known table.

    Example:
        >>> rows = [{"doc_id": "dw", "speaker": "Lavrov", "cue": "said",
        ...          "rule": "quote_comma_name_said", "confidence": 0.95,
        ...          "quote": "We heard nothing new from our Turkish colleagues."}]
        >>> print(format_table(rows, width=64), end="")
        doc_id  speaker  cue   rule      conf  quote
        dw      Lavrov   said  quote_c…  0.95  We heard nothing new from
                                               our Turkish colleagues.
    """
    if what not in TABLE_COLUMNS:
        raise ValueError(f"what must be one of {', '.join(TABLE_COLUMNS)}, not {what!r}")
    names = list(TABLE_COLUMNS[what])
    last = names[-1]
    cells = [{n: _cell(r, n, last) for n in names} for r in rows]
    short, short_width = short_ids(c["doc_id"] for c in cells)
    header = {n: _HEADERS.get(n, n) for n in names}
    natural = {n: max([cell_width(header[n])] + [cell_width(c[n]) for c in cells])
               for n in names}
    if width is None:
        shown, widths, shortened = names, natural, False
    else:
        short_width = max(short_width, cell_width(header["doc_id"]))
        shown, widths, shortened = _fit(names, natural, short_width, width)
    lines: list[str] = []
    for i, line in enumerate([header, *cells]):
        parts: list[str] = []
        for n in shown[:-1]:
            text = line[n]
            if n == "doc_id" and shortened and i > 0:
                text = short[text]
            text = cut(text, widths[n])
            parts.append(text + " " * (widths[n] - cell_width(text)))
        lead = _GAP.join(parts) + (_GAP if parts else "")
        body = [line[last]] if width is None else wrap(line[last], widths[last])
        lines.append((lead + body[0]).rstrip())
        indent = " " * cell_width(lead)
        lines.extend((indent + more).rstrip() for more in body[1:])
    if width is not None:  # a terminal narrower than the least layout: cut, never overflow
        lines = [cut(line, width) for line in lines]
    return "".join(line + "\n" for line in lines)
