"""The quoteattr command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr.cli import main

DATA = Path(__file__).parents[1] / "examples" / "data"


def _run(args: list[str], stdin: str | None = None) -> tuple[int, list[dict[str, object]]]:
    out = io.StringIO()
    if stdin is not None:
        old = sys.stdin
        sys.stdin = io.StringIO(stdin)
        try:
            code = main(args, stdout=out)
        finally:
            sys.stdin = old
    else:
        code = main(args, stdout=out)
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def test_extract_folder_prints_one_line_per_document_with_doc_id_from_file_name() -> None:
    code, records = _run(["extract", str(DATA)])
    assert code == 0
    assert [r["doc_id"] for r in records] == sorted(p.stem for p in DATA.glob("*.txt"))
    quote = records[0]["quotes"][0]  # type: ignore[index]
    for key in ("text", "start", "end", "speaker", "cue", "rule", "confidence"):
        assert key in quote


def test_extract_reads_stdin() -> None:
    code, records = _run(["extract", "-"], stdin='"We met," Lavrov said.')
    assert code == 0
    assert records[0]["doc_id"] == "stdin"
    assert records[0]["quotes"][0]["speaker"]["name"] == "Lavrov"  # type: ignore[index]


def test_extract_reads_jsonl_with_doc_ids(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"doc_id": "x1", "text": '"Hi," she said.'}) + "\n", "utf-8")
    code, records = _run(["extract", str(src)])
    assert code == 0 and records[0]["doc_id"] == "x1"


def test_bad_inputs_become_error_records_and_the_exit_status_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "noise.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    good = DATA / "000_89ed433b04be7d57.txt"
    code, records = _run(["extract", "missing.txt", str(binary), str(good)])
    assert code == 1
    assert [r.get("error") is not None for r in records] == [True, True, False]
    err = capsys.readouterr().err
    assert "missing.txt" in err and "noise.txt" in err


def test_console_script_runs_as_a_module() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "quoteattr", "extract", str(DATA / "004_053f77c476181eab.txt")],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["doc_id"] == "004_053f77c476181eab"


def test_version_names_the_build(capsys: pytest.CaptureFixture[str]) -> None:
    import quoteattr.text.mentions

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    build = "Python" if quoteattr.text.mentions.__file__.endswith(".py") else "compiled"
    assert capsys.readouterr().out == f"quoteattr {quoteattr.__version__} ({build} build)\n"


def test_schema_validates_every_line_extract_writes_documents_and_errors() -> None:
    import jsonschema

    out = io.StringIO()
    assert main(["schema"], stdout=out) == 0
    schema = json.loads(out.getvalue())
    assert "quotes" in schema["$defs"]["Document"]["properties"]
    code, records = _run(["extract", str(DATA / "000_89ed433b04be7d57.txt"), "missing.txt"])
    assert code == 1 and "error" in records[1]
    for record in records:
        jsonschema.validate(record, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"doc_id": "x", "error": 3}, schema)


def test_rules_lists_every_builtin_rule_in_order() -> None:
    from quoteattr import rule_names

    out = io.StringIO()
    assert main(["rules"], stdout=out) == 0
    assert [line.split()[0] for line in out.getvalue().splitlines()] == rule_names()


def test_evaluate_scores_the_bundled_seed_articles() -> None:
    gold = Path(__file__).parent / "fixtures" / "seeds_gold.json"
    out = io.StringIO()
    assert main(["evaluate", str(gold), "--texts", str(DATA)], stdout=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("documents 5")
    assert lines[2].startswith("attribution")


def test_extract_with_a_rule_file_uses_its_lexicon_in_every_worker(tmp_path: Path) -> None:
    rules = tmp_path / "house.toml"
    rules.write_text('description = "house style"\n[lexicon]\ncue_verbs = [{lemma = "toot"}]\n',
                     "utf-8")
    article = tmp_path / "a.txt"
    article.write_text('"Fine by me," Jones tooted.', "utf-8")
    for jobs in ("1", "2"):
        code, records = _run(["extract", str(article), "--rules", str(rules), "--jobs", jobs])
        assert code == 0
        assert records[0]["quotes"][0]["speaker"]["name"] == "Jones"  # type: ignore[index]
    code, records = _run(["extract", str(article)])
    assert records[0]["quotes"][0]["speaker"] is None  # type: ignore[index]


def test_an_invalid_rule_file_is_reported_once_with_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "bad.toml"
    rules.write_text('rules = ["quote_comma_name_sad", "*"]\n', "utf-8")
    assert main(["rules", "--rules", str(rules)], stdout=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and "did you mean 'quote_comma_name_said'" in err


def test_rules_lists_a_languages_rules() -> None:
    out = io.StringIO()
    assert main(["rules", "--language", "de"], stdout=out) == 0
    assert "quote_comma_name_said" in out.getvalue()
