"""What a new user meets on the command line (issue 16): output that never breaks, tables that
fit, one message for a usage error, a progress bar that says how long."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr.cli import main
from quoteattr.io.table import cell_width

DATA = Path(__file__).parents[1] / "examples" / "data"
ONE = DATA / "000_89ed433b04be7d57.txt"
BRAT = Path(__file__).parent / "fixtures" / "brat"


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "quoteattr", *args], capture_output=True,
                          env={**os.environ, **(env or {})}, check=False)


@pytest.fixture()
def accented(tmp_path: Path) -> Path:
    """A folder whose article needs characters no Windows code page 1252 console can print."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("„Dobrý den,“ said Jiří Dvořák. “Ça va,” Łukasz Wróż added.\n",
                                  "utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "table"])
def test_output_is_utf8_on_a_cp1252_console_and_o_writes_the_same_bytes(
    accented: Path, tmp_path: Path, fmt: str
) -> None:
    shown = _cli("extract", str(accented), "--format", fmt, "--width", "0") if fmt == "table" \
        else _cli("extract", str(accented), "--format", fmt, env={"PYTHONIOENCODING": "cp1252"})
    assert shown.returncode == 0, shown.stderr
    assert "Dvořák" in shown.stdout.decode("utf-8")
    target = tmp_path / f"out.{fmt}"
    extra = ["--width", "0"] if fmt == "table" else []
    written = _cli("extract", str(accented), "--format", fmt, "-o", str(target), *extra,
                   env={"PYTHONIOENCODING": "cp1252"})
    assert written.returncode == 0 and written.stdout == b""
    assert target.read_bytes() == shown.stdout


def test_excel_csv_begins_with_a_byte_order_mark(accented: Path, tmp_path: Path) -> None:
    target = tmp_path / "excel.csv"
    assert main(["extract", str(accented), "--format", "csv", "--excel", "-o", str(target)]) == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows and rows[0]["doc_id"] == "a"


def test_a_quote_without_speaker_has_an_empty_confidence_in_csv(tmp_path: Path) -> None:
    article = tmp_path / "terms.txt"
    article.write_text('The "quiet zone" was closed. "It ends today." Rain fell.', "utf-8")
    out = io.StringIO()
    main(["extract", str(article), "--format", "csv"], stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    found = [(r["quote"], r["speaker"], r["confidence"]) for r in rows]
    assert found == [("It ends today.", "", "")]


@pytest.mark.parametrize("columns", [40, 80, 120])
@pytest.mark.parametrize("what", ["quotes", "claims"])
def test_no_table_line_is_wider_than_the_terminal(
    columns: int, what: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    out = io.StringIO()
    assert main(["extract", str(DATA), "--format", "table", "--what", what], stdout=out) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) > 10
    assert max(cell_width(line) for line in lines) <= columns


def test_table_doc_ids_are_whole_when_they_fit_and_uniquely_shortened_otherwise(
    tmp_path: Path,
) -> None:
    for n in range(3):
        (tmp_path / f"regional-desk-2016-report-{n}.txt").write_text(
            f'"We are ready for round {n}," Jane Doe said.', "utf-8")
    wide, narrow = io.StringIO(), io.StringIO()
    main(["extract", str(tmp_path), "--format", "table", "--width", "200"], stdout=wide)
    main(["extract", str(tmp_path), "--format", "table", "--width", "70"], stdout=narrow)
    assert "regional-desk-2016-report-2 " in wide.getvalue()
    ids = [line.split()[0] for line in narrow.getvalue().splitlines()[1:] if line[:1] != " "]
    assert len(ids) == 3 and len(set(ids)) == 3


def test_match_prints_csv_and_a_table(tmp_path: Path) -> None:
    out = io.StringIO()
    assert main(["match", str(DATA), "--min-members", "2", "--format", "csv"], stdout=out) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows and {r["relation"] for r in rows} <= {"exact", "variant", "fragment"}
    clusters = [json.loads(line) for line in io.StringIO(_match_jsonl())]
    assert len(rows) == sum(len(c["members"]) for c in clusters)
    table = io.StringIO()
    assert main(["match", str(DATA), "--min-members", "2", "--format", "table",
                 "--width", "90"], stdout=table) == 0
    assert table.getvalue().split()[:3] == ["cluster", "doc_id", "relation"]
    assert max(cell_width(line) for line in table.getvalue().splitlines()) <= 90


def _match_jsonl() -> str:
    out = io.StringIO()
    main(["match", str(DATA), "--min-members", "2"], stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("argv", [
    ["extract"],
    ["extract", str(ONE), "--format", "xml"],
    ["extract", str(ONE), "--jobs", "-2"],
    ["extract", str(ONE), "--jobs", "two"],
    ["extract", str(ONE), "--excel"],
    ["extract", str(ONE), "--what", "claims"],
    ["extract", str(ONE), "--width", "80"],
    ["extract", str(ONE), "--out", "x"],
    ["extract", str(ONE), "--dask", "local"],
    ["extract", str(ONE), "--dask", "local", "--out", "x", "--format", "csv"],
    ["extract", str(ONE), "--language", "xx"],
    ["extract", str(ONE), "-o", "/no/such/folder/out.jsonl"],
    ["match", str(ONE), "--score-cutoff", "101"],
    ["match", str(ONE), "--min-members", "0"],
    ["match", str(ONE), "--format", "xml"],
    ["evaluate"],
    ["evaluate", "missing.jsonl"],
    ["evaluate", str(BRAT), "--texts", "/no/such/folder"],
    ["schema", "extra"],
    ["rules", "--language", "xx"],
    ["frobnicate"],
    [],
])
def test_every_usage_error_is_one_line_and_exit_status_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv, stdout=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "error:" in err and "Traceback" not in err


def test_evaluate_says_what_is_wrong_with_a_gold_file_without_a_traceback(
    tmp_path: Path,
) -> None:
    no_text = tmp_path / "gold.jsonl"
    no_text.write_text(json.dumps({"doc_id": "a", "quotes": []}) + "\n", "utf-8")
    seeds = Path(__file__).parent / "fixtures" / "seeds_gold.json"
    for args, message in (
        (["missing.jsonl"], "missing.jsonl: no such file"),
        ([str(no_text)], "gold.jsonl:1: no string field 'text'"),
        ([str(seeds)], "--texts"),
    ):
        proc = _cli("evaluate", *args)
        err = proc.stderr.decode("utf-8")
        assert proc.returncode == 2 and message in err and "Traceback" not in err, err


def test_quiet_leaves_standard_error_empty_but_keeps_the_error_record(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = io.StringIO()
    assert main(["extract", str(ONE), "missing.txt", "--quiet"], stdout=out) == 1
    assert capsys.readouterr().err == ""
    assert "error" in out.getvalue().splitlines()[1]


def test_progress_shows_elapsed_time_and_an_estimate_and_is_silent_for_one_document(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["extract", str(DATA), "--progress"], stdout=io.StringIO())
    err = capsys.readouterr().err
    assert "5/5 documents 100%" in err and "elapsed" in err and "left" in err
    main(["extract", str(ONE), "--progress"], stdout=io.StringIO())
    assert capsys.readouterr().err == ""


def test_help_is_wrapped_to_the_terminal() -> None:
    proc = _cli("evaluate", "--help", env={"COLUMNS": "70"})
    text = proc.stdout.decode("utf-8")
    assert proc.returncode == 0 and "brat" in text
    body = text.split("\n\n", 1)[1].splitlines()  # after the usage lines argparse lays out
    assert max(len(line) for line in body if not line.startswith("  quoteattr")) <= 70
