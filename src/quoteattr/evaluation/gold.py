"""Hand annotations of quotes: the gold models and the JSON readers.

Two layouts are read here: JSON Lines with one annotated document a line
(``doc_id``, ``text``, ``quotes``), the layout of the project's development
sets, and a seeds-style ``.json`` (``documents`` naming article files,
``quotes`` naming their document). Brat standoff corpora are read by
[quoteattr.evaluation.brat][]. Every problem with a file is a
[GoldError][quoteattr.evaluation.gold.GoldError] naming the file, the line
where there is one, and what to do.

Example:
    >>> import io, json, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> line = {"doc_id": "d", "text": '"Hi," Ann said.',
    ...         "quotes": [{"start": 1, "end": 4, "speaker": "Ann"}]}
    >>> _ = (folder / "gold.jsonl").write_text(json.dumps(line), "utf-8")
    >>> read_gold_jsonl(folder / "gold.jsonl")[0].quotes[0].speaker
    'Ann'
    >>> _ = (folder / "bad.jsonl").write_text('{"doc_id": "d"}', "utf-8")
    >>> read_gold_jsonl(folder / "bad.jsonl")
    Traceback (most recent call last):
    ...
    quoteattr.evaluation.gold.GoldError: .../bad.jsonl:1: no string field 'text' (each line ...)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

__all__ = [
    "GoldDocument", "GoldError", "GoldQuote", "gold_quote", "read_gold_json", "read_gold_jsonl",
]


class GoldError(ValueError):
    """An annotation file that cannot be read, with where and why."""


class GoldQuote(BaseModel):
    """One annotated quote.

    Attributes:
        start: The first character inside the opening mark.
        end: Where the closing mark is (the words end there).
        speaker: The speaker's name, the pronoun or the description, or ``None``.
        speaker_spans: Where the speaker is mentioned for this quote.
        speaker_kind: ``name``, ``pronoun``, ``nominal`` (a description) or
            ``none``. For all but ``name``, a prediction is right only when its
            speaker mention overlaps ``speaker_spans``.
        type: ``direct`` (the whole attributed content is quoted) or
            ``partial`` (quoted words inside a paraphrase), when annotated.
    """

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    speaker: str | None = None
    speaker_spans: tuple[tuple[int, int], ...] = ()
    speaker_kind: str | None = "name"
    type: Literal["direct", "partial"] | None = None


class GoldDocument(BaseModel):
    """An annotated document: its text and its quotes.

    Attributes:
        doc_id: The document's id; predictions are paired with it.
        text: The text the offsets index.
        quotes: The annotated quotes.
        optional: Quotes that are neither right nor wrong to find.
    """

    model_config = ConfigDict(frozen=True)

    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...] = ()
    optional: tuple[GoldQuote, ...] = ()


def gold_quote(q: object, *, where: str = "annotation") -> GoldQuote:
    """Build a [GoldQuote][quoteattr.evaluation.gold.GoldQuote] from a JSON object.

    Raises:
        GoldError: ``q`` lacks ``start`` or ``end`` or holds a wrong type.
    """
    if not isinstance(q, dict):
        raise GoldError(f"{where}: a quote must be a JSON object, got {type(q).__name__}")
    spans = q.get("speaker_spans") or ()
    kind = q.get("speaker_kind", "name")
    record: dict[str, Any] = {
        "start": q.get("start"),
        "end": q.get("end"),
        "speaker": q.get("speaker"),
        "speaker_spans": [tuple(s) for s in spans] if isinstance(spans, list) else (),
        "speaker_kind": kind,
        "type": q.get("type") if q.get("type") in ("direct", "partial") else None,
    }
    try:
        return GoldQuote.model_validate(record)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise GoldError(f"{where}: a quote needs integer 'start' and 'end' ({problems})") from exc


def _read(path: Path) -> str:
    if path.is_dir():
        raise GoldError(f"{path}: is a folder; give a .jsonl or .json annotation file "
                        "(or a folder of brat .ann files)")
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise GoldError(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 text (undecodable byte at offset {exc.start})") from exc
    except OSError as exc:
        raise GoldError(f"{path}: cannot read it: {exc.strerror or exc}") from exc


def read_gold_jsonl(path: str | Path) -> list[GoldDocument]:
    """Read JSON Lines gold: one ``{"doc_id", "text", "quotes"}`` object a line.

    Raises:
        GoldError: the file is missing or unreadable, or a line is not such an
            object; the message names the file and line.
    """
    path = Path(path)
    documents = []
    for number, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise GoldError(f"{where}: a line must be a JSON object")
        doc_id = record.get("doc_id", record.get("id"))
        if not isinstance(record.get("text"), str):
            raise GoldError(f"{where}: no string field 'text' "
                            '(each line needs "doc_id", "text" and "quotes")')
        if doc_id is None:
            raise GoldError(f"{where}: no field 'doc_id'")
        quotes = record.get("quotes", [])
        if not isinstance(quotes, list):
            raise GoldError(f"{where}: 'quotes' must be a list")
        documents.append(GoldDocument(
            doc_id=str(doc_id), text=record["text"],
            quotes=tuple(gold_quote(q, where=where) for q in quotes),
        ))
    return documents


def read_gold_json(path: str | Path, *, texts: str | Path | None = None) -> list[GoldDocument]:
    """Read seeds-style gold: ``documents`` (``id``, ``file``) and ``quotes`` (``doc``, ...).

    Args:
        path: The annotation file.
        texts: The folder of the article files it names; by default its own folder.

    Raises:
        GoldError: the file is missing or malformed, or an article file is not
            in the texts folder (the message says to give ``--texts``).
    """
    path = Path(path)
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise GoldError(f"{path}: expected an object with 'documents' (id, file) and 'quotes' "
                        "(doc, start, end, speaker); for one document a line, use .jsonl")
    folder = Path(texts) if texts is not None else path.parent
    quotes = data.get("quotes", [])
    optional = data.get("optional_quotes", [])
    documents = []
    for d in data["documents"]:
        if not isinstance(d, dict) or "id" not in d or "file" not in d:
            raise GoldError(f"{path}: each document needs an 'id' and a 'file'")
        article = folder / str(d["file"])
        if not article.is_file():
            hint = ("" if texts is not None else
                    "; give the folder of the articles with --texts DIR (texts=... in Python)")
            raise GoldError(f"{path}: names {d['file']}, which is not in {folder}{hint}")
        try:
            text = article.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldError(f"{article}: cannot read it as UTF-8 text: {exc}") from exc
        where = f"{path} ({d['id']})"
        documents.append(GoldDocument(
            doc_id=str(d["id"]), text=text,
            quotes=tuple(gold_quote(q, where=where) for q in quotes
                         if isinstance(q, dict) and q.get("doc") == d["id"]),
            optional=tuple(gold_quote(q, where=where) for q in optional
                           if isinstance(q, dict) and q.get("doc") == d["id"]),
        ))
    return documents
