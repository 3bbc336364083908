"""The command line for batches (issue 5): formats, globs, workers, progress, match."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr.cli import main
from quoteattr.io.export import QUOTE_COLUMNS

DATA = Path(__file__).parents[1] / "examples" / "data"
GOOD = sorted(DATA.glob("*.txt"))


def _out(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(args, stdout=out)
    return code, out.getvalue()


def test_csv_has_one_row_per_quote_with_document_speaker_cue_text_and_offsets() -> None:
    code, text = _out(["extract", str(DATA), "--format", "csv"])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [*QUOTE_COLUMNS, "error"]
    jsonl = [json.loads(line) for line in _out(["extract", str(DATA)])[1].splitlines()]
    assert len(rows) == sum(len(d["quotes"]) for d in jsonl)
    originals = {p.stem: p.read_text("utf-8") for p in GOOD}
    for row in rows:
        assert originals[row["doc_id"]][int(row["start"]):int(row["end"])] == row["quote"]
        assert row["speaker"] and row["rule"] and row["error"] == ""


def test_csv_of_claims_has_one_row_per_claim() -> None:
    code, text = _out(["extract", str(DATA), "--format", "csv", "--what", "claims"])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert code == 0 and rows and all(r["claim"] and r["source"] for r in rows)


def test_bad_inputs_among_good_ones_each_get_a_message_and_an_error_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(128, 256)) * 8)  # random-looking bytes, not UTF-8
    code, text = _out(["extract", str(GOOD[0]), "missing.txt", str(noise), str(GOOD[1]),
                       "--format", "csv"])
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(text)))
    errors = [r for r in rows if r["error"]]
    assert [r["doc_id"] for r in errors] == ["missing", "noise"]
    assert {r["doc_id"] for r in rows if not r["error"]} == {GOOD[0].stem, GOOD[1].stem}
    err = capsys.readouterr().err
    assert "missing.txt: no such file or directory" in err
    assert "noise.txt: not UTF-8 text" in err


def test_table_format_aligns_columns_and_shows_errors() -> None:
    code, text = _out(["extract", str(GOOD[0]), "missing.txt", "--format", "table"])
    lines = text.splitlines()
    assert code == 1
    assert lines[0].split() == ["doc_id", "speaker", "cue", "rule", "conf", "quote"]
    assert lines[1].index("Sergei Lavrov") == lines[0].index("speaker")
    assert "ERROR: missing.txt: no such file or directory" in lines[-1]


def test_glob_picks_the_files_of_a_folder_recursively(tmp_path: Path) -> None:
    (tmp_path / "2015" / "dec").mkdir(parents=True)
    (tmp_path / "2015" / "dec" / "a.story").write_text('"Hi," she said.', "utf-8")
    (tmp_path / "b.txt").write_text('"Bye," he said.', "utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.story").write_text('"No," he said.', "utf-8")
    _, text = _out(["extract", str(tmp_path), "--glob", "*.story"])
    assert [json.loads(line)["doc_id"] for line in text.splitlines()] == ["a"]
    _, text = _out(["extract", str(tmp_path)])
    assert [json.loads(line)["doc_id"] for line in text.splitlines()] == ["b"]


def test_a_folder_without_matching_files_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _out(["extract", str(tmp_path), "--glob", "*.story"])
    assert code == 1 and "no '*.story' files" in capsys.readouterr().err


def test_jsonl_with_custom_fields(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": 7, "body": '"Hi," she said.'}) + "\n"
                      + json.dumps({"id": 8}) + "\n", "utf-8")
    code, text = _out(["extract", str(corpus), "--text-field", "body", "--id-field", "id"])
    records = [json.loads(line) for line in text.splitlines()]
    assert code == 1
    assert records[0]["doc_id"] == "7" and records[0]["quotes"]
    assert records[1]["doc_id"] == "8" and "no string field 'body'" in records[1]["error"]


def test_two_workers_print_exactly_what_one_prints(tmp_path: Path) -> None:
    for i in range(30):
        source = GOOD[i % len(GOOD)]
        (tmp_path / f"{i:02d}_{source.name}").write_text(source.read_text("utf-8"), "utf-8")
    (tmp_path / "15_broken.txt").write_bytes(b"\xff\xfe\x00bad")
    one = _out(["extract", str(tmp_path), "--jobs", "1"])
    two = _out(["extract", str(tmp_path), "--jobs", "2"])
    assert one == two and one[0] == 1
    assert len(one[1].splitlines()) == 31


def test_progress_bar_is_drawn_on_request_and_not_by_default_off_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _out(["extract", str(DATA), "--progress"])
    assert "5/5 documents 100%" in capsys.readouterr().err
    _out(["extract", str(DATA)])
    assert capsys.readouterr().err == ""


def test_negative_jobs_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert _out(["extract", str(DATA), "--jobs", "-1"])[0] == 2
    assert "--jobs" in capsys.readouterr().err


def test_help_shows_examples() -> None:
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", "--help"],
                          capture_output=True, text=True, check=True)
    assert "examples:" in proc.stdout and "--format csv" in proc.stdout
    assert "--jobs" in proc.stdout and "--glob" in proc.stdout


def test_match_prints_clusters_across_the_bundled_articles() -> None:
    code, text = _out(["extract", str(DATA)])
    code, text = _out(["match", str(DATA), "--min-members", "2"])
    clusters = [json.loads(line) for line in text.splitlines()]
    assert code == 0 and clusters
    assert all(len(c["members"]) >= 2 for c in clusters)
    assert any("nothing new" in c["canonical"] for c in clusters)


def test_match_reports_unreadable_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _out(["match", str(GOOD[0]), "missing.txt"])
    assert code == 1
    assert json.loads(text.splitlines()[0]) == {
        "doc_id": "missing", "error": "missing.txt: no such file or directory"}


def test_output_closed_early_ends_without_a_traceback() -> None:
    proc = subprocess.run(
        f"{sys.executable} -m quoteattr extract {DATA} {DATA} {DATA} --format csv | head -1",
        shell=True, capture_output=True, text=True, check=False,
    )
    assert "Traceback" not in proc.stderr


def test_spawned_workers_give_the_same_outcomes_as_one_process() -> None:
    from quoteattr.io.batch import process_sources
    from quoteattr.io.sources import read_sources

    paths = [str(p) for p in GOOD] + ["missing.txt"]
    one = list(process_sources(read_sources(paths), jobs=1, output="quotes"))
    spawned = list(process_sources(read_sources(paths), jobs=2, output="quotes",
                                   start_method="spawn"))
    assert one == spawned
    assert one[-1].error == "missing.txt: no such file or directory"


def test_match_links_a_reprint_weeks_later_unless_recall_is_none(tmp_path: Path) -> None:
    """Issue 14: --recall sets how far apart a reprint of the same words may be printed."""
    line = "We will keep the harbour open for every fishing family in this town"
    rows = [{"doc_id": "may", "date": "2016-05-02", "text": f'"{line}," Mayor Jane Doe said.'},
            {"doc_id": "june", "date": "2016-06-10",
             "text": f'Last month Doe said: "{line}."'}]
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, text = _out(["match", str(path), "--min-members", "2"])
    assert code == 0 and len(text.splitlines()) == 1
    code, text = _out(["match", str(path), "--min-members", "2", "--recall", "none"])
    assert code == 0 and text == ""
