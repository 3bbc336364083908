"""JSON Lines input is split on newlines only, in blocks, and read the same by bytes or by place."""

from __future__ import annotations

import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.cli import main
from quoteattr.io import sources
from quoteattr.io.sources import (
    SourceError,
    SourceLine,
    SourceRange,
    SourceText,
    iter_units,
    read_unit,
)

_PIECES = [b"\n", b"\r", b" ", b"\t", b"\x0b", b"\xef\xbb\xbf", b'{"text": "Hi."}', b"x" * 9,
           b"\xc3\xa9", b"\xff", "\u2028".encode()]


def _reference(data: bytes) -> list[tuple[int, bytes]]:
    """What a line-by-line reader keeps: (number, bytes without the line end), blanks skipped."""
    kept = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if line and not line.isspace():
            kept.append((number, line.rstrip(b"\r")))
    return kept


@settings(max_examples=300, deadline=None)
@given(data=st.lists(st.sampled_from(_PIECES), max_size=30).map(b"".join),
       block=st.integers(min_value=1, max_value=40))
def test_lines_by_bytes_and_by_place_match_a_line_by_line_reading(data: bytes, block: int) -> None:
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(sources, "_BLOCK", block):
        path = Path(folder) / "news.jsonl"
        path.write_bytes(data)
        by_bytes = list(iter_units([str(path)]))
        by_place = list(iter_units([str(path)], positions=True))
        assert all(isinstance(unit, SourceLine) for unit in by_bytes)
        assert all(isinstance(unit, SourceRange) for unit in by_place)
        assert [(u.number, u.raw) for u in by_bytes if isinstance(u, SourceLine)] \
            == _reference(data)
        assert [read_unit(unit) for unit in by_place] == [read_unit(unit) for unit in by_bytes]


def test_a_line_longer_than_a_block_is_one_record(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    text = "He said so. " * 50
    data = ('\n  \r\n{"doc_id": "a", "text": "' + text + '"}\r\n\n{"id": 2, "text": "B."}').encode()
    path.write_bytes(data)
    with mock.patch.object(sources, "_BLOCK", 16):
        units = list(iter_units([str(path)], positions=True))
    assert [(u.number, u.start, u.end) for u in units if isinstance(u, SourceRange)] == [
        (3, 5, data.index(b"\n\n{")), (5, data.index(b'{"id"'), len(data))]
    records = [read_unit(unit) for unit in units]
    assert records == [SourceText("a", text, f"{path}:3"), SourceText("2", "B.", f"{path}:5")]


def test_a_file_with_nul_bytes_at_its_start_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(b'{"text": "a"}\n\x00\x01\x02\n')
    for positions in (False, True):
        units = list(iter_units([str(path)], positions=positions))
        assert len(units) == 1 and isinstance(units[0], SourceError)
        assert units[0].error.endswith("looks like a binary file, not text")


def test_a_line_that_is_gone_when_a_worker_reads_it_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "gone.jsonl"
    path.write_text('{"text": "He said so."}\n', "utf-8")
    unit, = iter_units([str(path)], positions=True)
    path.unlink()
    record = read_unit(unit)
    assert isinstance(record, SourceError) and record.doc_id == "gone:1"
    assert "cannot read" in record.error and record.origin == f"{path}:1"


def test_two_workers_print_exactly_what_one_prints_from_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "news.jsonl"
    lines = [f'{{"doc_id": "{i}", "text": "\\"We met,\\" Lavrov said on day {i}."}}'
             for i in range(40)]
    lines[7] = '{"doc_id": "7", "text": '  # cut short
    lines[20] = "   "
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\n\n").encode("utf-8"))
    printed = []
    for jobs in ("1", "2"):
        code = main(["extract", str(path), "--jobs", jobs, "--quiet"])
        printed.append((code, capsys.readouterr().out))
    assert printed[0] == printed[1]
    assert printed[0][0] == 1 and len(printed[0][1].splitlines()) == 39
