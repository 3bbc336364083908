"""Nothing lost, nothing hung (issue 15): hostile inputs, dead workers, Ctrl-C, rule files.

Every input the command line is given, or finds in a folder, yields a record or
a stated skip; a worker that dies does not hang the run nor lose the documents
it held; Ctrl-C ends a run at once on a whole line; a rule file is one message
and the exit status 2, and runs code only when the caller opts in; a wrong
argument is a TypeError or ValueError saying what to pass. Tests on real
processes that take seconds are marked ``slow``.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr.attribution.rulesets import RuleSetError, load_rules, parse_rules
from quoteattr.cli import main
from quoteattr.io import sources
from quoteattr.io.batch import process_sources
from quoteattr.io.sources import SourceError, iter_units, list_inputs, read_sources

TESTS = Path(__file__).parent
DATA = TESTS.parent / "examples" / "data"
GOOD = sorted(DATA.glob("*.txt"))
SAID = '"We will not back down," the minister said. '
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}


def _run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(args, stdout=out), out.getvalue()


def _lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def _folder_of_articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        source = GOOD[i % len(GOOD)]
        (folder / f"{i:05d}_{source.name}").write_text(source.read_text("utf-8"), "utf-8")
    return folder


def _rule_file(tmp_path: Path, function: str, name: str = "house.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"rules": ["custom", "*"], "callables": [
        {"name": "custom", "function": function}]}), "utf-8")
    return path


# -- special files: a record or a stated skip for each --------------------------
def test_special_files_in_a_folder_each_become_an_error_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text(SAID, "utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path)  # a folder loop
    code, text = _run(["extract", str(tmp_path)])
    records = {r["doc_id"]: r for r in _lines(text)}
    assert code == 1
    assert "quotes" in records["good"]
    assert "does not exist" in records["dangling"]["error"]
    assert "loops" in records["loop"]["error"]
    assert "FIFO" in records["pipe"]["error"]
    assert "loop" in records["back"]["error"]
    err = capsys.readouterr().err
    assert err.count("quoteattr: ") == 4 and "Traceback" not in err


def test_a_subfolder_that_cannot_be_listed_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.txt").write_text(SAID, "utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(SAID, "utf-8")
    real = os.scandir

    def scandir(path: Any = ".") -> Any:  # the test runs as root, who can read anything
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list_inputs([str(tmp_path)])
    problems = [i for i in items if isinstance(i, SourceError)]
    assert [i for i in items if isinstance(i, str)] == [str(tmp_path / "good.txt")]
    assert len(problems) == 1 and "cannot list this folder" in problems[0].error


def test_a_fifo_named_directly_is_read_and_one_without_a_writer_does_not_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    writer = subprocess.Popen(f"sleep 0.2; printf '%s' '{SAID}' > {fifo}", shell=True)
    (doc,) = read_sources([str(fifo)])
    writer.wait()
    assert doc.text == SAID  # type: ignore[union-attr]
    monkeypatch.setattr(sources, "FIFO_WAIT", 0.3)
    started = time.monotonic()
    (silent,) = read_sources([str(fifo)])
    assert time.monotonic() - started < 5
    assert isinstance(silent, SourceError) and "nothing arrived" in silent.error


def test_stdin_gets_the_checks_files_get() -> None:
    def units(data: bytes) -> list[Any]:
        stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        return list(iter_units(["-"], stdin=stream))

    (latin1,) = units("Café, he said.".encode("latin-1"))
    (binary,) = units(b"PK\x03\x04\x00\x00 zip")
    (bom,) = units("\ufeffHe said so.".encode())
    assert isinstance(latin1, SourceError) and "not UTF-8" in latin1.error
    assert isinstance(binary, SourceError) and "binary" in binary.error
    assert bom.text == "He said so."


def test_json_lines_are_split_on_newline_only(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    texts = ["One\u2028line.", "Two\u2029paragraphs.", "Next\u0085line.", "CR\rinside."]
    corpus.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(texts)) + "not json\n", "utf-8")
    docs = list(read_sources([str(corpus)]))
    assert [d.text for d in docs[:4]] == texts  # type: ignore[union-attr]
    assert isinstance(docs[4], SourceError) and docs[4].origin.endswith("c.jsonl:5")


def test_json_lines_are_streamed_not_read_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "big.jsonl"
    line = json.dumps({"text": SAID * 40}) + "\n"
    with corpus.open("w", encoding="utf-8") as handle:
        for _ in range(8000):  # about 15 MB
            handle.write(line)
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_units([str(corpus)]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 8000
    assert peak < 1_000_000  # one line at a time, not 15 MB


def test_a_lone_surrogate_is_written_not_a_crash(tmp_path: Path) -> None:
    corpus = tmp_path / "s.jsonl"
    corpus.write_text('{"id": "s", "text": "\\"Yes \\ud800,\\" she said."}\n', "utf-8")
    code, text = _run(["extract", str(corpus)])
    (record,) = _lines(text)
    assert code == 0 and record["quotes"][0]["text"] == "Yes \ud800,"
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", str(corpus),
                           "--format", "csv"], capture_output=True, check=False)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr
    assert b"\\ud800" in proc.stdout


def test_a_document_over_the_size_limit_is_an_error_record(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(SAID * 100, "utf-8")
    code, text = _run(["extract", str(big), str(GOOD[0]), "--max-chars", "4000"])
    records = _lines(text)
    assert code == 1 and "too large" in records[0]["error"] and "quotes" in records[1]


# -- rule files ------------------------------------------------------------------
def test_bad_rule_files_are_one_message_and_exit_2_from_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"remove": 5, "rules": ["*", "no_such_rule"],
                               "lexicon": {"cue_verbs": [{"lemma": 7}]}}), "utf-8")
    latin = tmp_path / "latin.toml"
    latin.write_bytes("description = 'Café'".encode("latin-1"))
    for rules in (str(bad), str(latin), str(tmp_path / "missing.json")):
        for command in (["extract", str(GOOD[0])], ["match", str(GOOD[0])], ["rules"],
                        ["evaluate", str(tmp_path / "gold.jsonl")]):
            assert _run([*command, "--rules", rules])[0] == 2, (command, rules)
            err = capsys.readouterr().err
            assert err.count("quoteattr") == 1 and "Traceback" not in err
    assert _run(["rules", "--rules", str(bad)])[0] == 2
    err = capsys.readouterr().err
    # a field of the wrong type does not hide the problems after it
    assert "remove" in err and "no_such_rule" in err and "lexicon" in err


def test_a_rule_file_naming_code_runs_it_only_when_the_caller_opts_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    house = _rule_file(tmp_path, "quoteattr.attribution.rules:quote_dash_name")
    with pytest.raises(RuleSetError, match="trust_code=True"):
        load_rules(house)
    assert load_rules(house, trust_code=True).rule_names()[0] == "custom"
    assert _run(["extract", str(GOOD[0]), "--rules", str(house)])[0] == 2
    assert "--allow-code" in capsys.readouterr().err
    assert _run(["extract", str(GOOD[0]), "--rules", str(house), "--allow-code"])[0] == 0


def test_rule_functions_are_held_to_the_signature_of_a_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "raises_on_import.py").write_text("raise RuntimeError('no import')\n")

    def problem(function: str) -> str:
        with pytest.raises(RuleSetError) as info:
            parse_rules({"rules": ["*", "custom"], "callables": [
                {"name": "custom", "function": function}]}, trust_code=True)
        return str(info.value)

    assert "is a builtin_function_or_method, not a Python function" in problem("builtins:print")
    assert "not two arguments" in problem("adversarial_rules:three_arguments")
    assert "RuntimeError: no import" in problem("raises_on_import:f")
    assert "has no 'nothing'" in problem("adversarial_rules:nothing")
    rules = parse_rules({"rules": ["custom", "*"], "callables": [
        {"name": "custom", "function": "adversarial_rules:returns_a_number"}]},
        trust_code=True)
    with pytest.raises(TypeError, match="returned a int; a rule returns a Decision or None"):
        quoteattr.attribute('"Hello," he said. "Bye."', rules=rules)


# -- argument errors name what to pass -----------------------------------------
api: Any = quoteattr  # wrong arguments on purpose: untyped


@pytest.mark.parametrize(("call", "error", "words"), [
    (lambda: api.attribute(SAID, rules="house.toml"), TypeError, "load_rules"),
    (lambda: api.attribute(SAID, lexicon="en"), TypeError, "language='en'"),
    (lambda: api.attribute(SAID, language=5), TypeError, "language"),
    (lambda: api.attribute(SAID, claims="yes"), TypeError, "claims"),
    (lambda: api.match_quotes(api.attribute(SAID, doc_id="a")), TypeError,
     "match_quotes([doc])"),
    (lambda: api.match_quotes([], score_cutoff="85"), TypeError, "score_cutoff"),
    (lambda: api.match_quotes([], min_members=None), TypeError, "min_members"),
    (lambda: api.find_sources("x", [], limit=-1), ValueError, "limit"),
    (lambda: api.match_claims([], score_cutoff=101), ValueError, "score_cutoff"),
    (lambda: api.load_rules(7), TypeError, "parse_rules"),
    (lambda: list(process_sources([], jobs=0)), ValueError, "jobs"),
])
def test_wrong_arguments_say_what_to_pass(call: Any, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=None) as info:
        call()
    assert type(info.value) is error and words in str(info.value)


# -- options reach the workers -------------------------------------------------
def test_every_option_reaches_the_workers(tmp_path: Path) -> None:
    german = tmp_path / "de.txt"
    german.write_text("„Wir geben nicht auf“, sagte die Ministerin.", "utf-8")
    archive = tmp_path / "archive.txt"
    archive.write_text("''We will not back down,'' the minister said.", "utf-8")
    house = tmp_path / "house.json"
    house.write_text(json.dumps({"remove": ["quote_comma_name_said"]}), "utf-8")
    for extra in (["--language", "de"], ["--no-double-apostrophes"], ["--rules", str(house)]):
        args = ["extract", str(german), str(archive), str(GOOD[0]), *extra]
        assert _run([*args, "--jobs", "2"]) == _run(args), extra
    assert _run(["extract", str(german), "--language", "de", "--jobs", "2"]) != _run(
        ["extract", str(german), "--jobs", "2"])


# -- a dead or stuck worker is noticed -----------------------------------------
def _documents(tmp_path: Path, count: int, marked: dict[int, str]) -> list[Any]:
    docs: list[Any] = []
    for i in range(count):
        text = GOOD[i % len(GOOD)].read_text("utf-8")
        docs.append(sources.SourceText(f"d{i}", text + marked.get(i, ""), f"d{i}.txt"))
    return docs


def test_a_document_that_kills_its_worker_is_reported_and_the_rest_written(
    tmp_path: Path,
) -> None:
    rules = parse_rules({"rules": ["custom", "*"], "callables": [
        {"name": "custom", "function": "adversarial_rules:die_on_marker"}]}, trust_code=True)
    docs = _documents(tmp_path, 60, {17: " KILL-THIS-WORKER"})
    warnings: list[str] = []
    outcomes = list(process_sources(docs, jobs=2, rules=rules, warn=warnings.append))
    assert [o.doc_id for o in outcomes] == [d.doc_id for d in docs]
    failed = [o for o in outcomes if o.error]
    assert [o.doc_id for o in failed] == ["d17"]
    assert "worker process died" in str(failed[0].error)
    assert len(warnings) == 2  # the batch's worker, then the document's own
    assert all(json.loads(o.line)["quotes"] for o in outcomes if not o.error)


def test_a_document_over_the_time_limit_is_reported_and_the_rest_written() -> None:
    rules = parse_rules({"rules": ["custom", "*"], "callables": [
        {"name": "custom", "function": "adversarial_rules:sleep_on_marker"}]}, trust_code=True)
    docs = _documents(Path(), 12, {5: " SLEEP-IN-THIS-WORKER"})
    started = time.monotonic()
    outcomes = list(process_sources(docs, jobs=2, rules=rules, timeout=1.0,
                                    warn=lambda message: None))
    assert time.monotonic() - started < 45
    assert [o.doc_id for o in outcomes if o.error] == ["d5"]
    assert "time limit" in str(outcomes[5].error)


def test_large_batches_both_ways_do_not_deadlock_the_pipes(tmp_path: Path) -> None:
    corpus = tmp_path / "wide.jsonl"
    text = GOOD[0].read_text("utf-8")
    with corpus.open("w", encoding="utf-8") as handle:
        for i in range(120):
            handle.write(json.dumps({"id": i, "text": text, "padding": "x" * 60_000}) + "\n")
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", str(corpus),
                           "--jobs", "2"], capture_output=True, timeout=300, check=False)
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 120


def _worker_pids(parent: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(parent)], capture_output=True, text=True,
                           check=False)
    return [int(p) for p in found.stdout.split()]


@pytest.mark.slow
def test_killing_a_worker_mid_run_loses_nothing_and_exits_1(tmp_path: Path) -> None:
    folder = _folder_of_articles(tmp_path / "articles", 3000)
    out = tmp_path / "out.jsonl"
    killed = False
    with out.open("wb") as handle:
        proc = subprocess.Popen([sys.executable, "-m", "quoteattr", "extract", str(folder),
                                 "--jobs", "2"], stdout=handle, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        # Once records flow, the workers are mid-run: kill one that is still alive.
        while not killed and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            if out.stat().st_size < 20_000:
                continue
            for pid in _worker_pids(proc.pid):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    continue
                killed = True
                break
        _, err = proc.communicate(timeout=300)
    assert killed, "the run ended before a worker could be killed"
    records = _lines(out.read_text("utf-8"))
    assert proc.returncode == 1
    assert [r["doc_id"] for r in records] == sorted(p.stem for p in folder.iterdir())
    assert b"died" in err and b"Traceback" not in err


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_ends_the_run_at_once_on_a_whole_line(tmp_path: Path, jobs: str) -> None:
    folder = _folder_of_articles(tmp_path / "articles", 1500)
    out = tmp_path / "out.jsonl"
    with out.open("wb") as handle:
        proc = subprocess.Popen([sys.executable, "-m", "quoteattr", "extract", str(folder),
                                 "--jobs", jobs], stdout=handle, stderr=subprocess.PIPE,
                                start_new_session=True)
        deadline = time.monotonic() + 60
        while out.stat().st_size < 100_000 and time.monotonic() < deadline:
            time.sleep(0.1)
        os.killpg(proc.pid, signal.SIGINT)  # as the terminal does: the whole group
        sent = time.monotonic()
        _, err = proc.communicate(timeout=30)
        took = time.monotonic() - sent
    text = out.read_text("utf-8")
    assert proc.returncode == 130
    assert took < 2.0, took
    assert b"Traceback" not in err and b"interrupted" in err
    assert text.endswith("\n") and all(json.loads(line) for line in text.splitlines())
    assert 0 < len(text.splitlines()) < 1500
    assert not _worker_pids(proc.pid)




# -- Dask: a bad record is a record, a killing document is isolated ---------------
@pytest.mark.slow
def test_dask_reports_bad_records_and_keeps_the_ids_of_error_records() -> None:
    pytest.importorskip("distributed")
    import dask
    import dask.bag

    from quoteattr.distributed import attribute_bag

    records = [None, 5, {"doc_id": "e", "error": "could not be read"},
               {"doc_id": "ok", "text": SAID}]
    bags: Any = dask.bag
    with dask.config.set(scheduler="synchronous"):
        bag: Any = attribute_bag(bags.from_sequence(records, npartitions=2), language="en")
        results = bag.compute()
    assert [r["error"] if isinstance(r, dict) else r.doc_id for r in results] == [
        "a record must be a mapping with an id and a text, not NoneType",
        "a record must be a mapping with an id and a text, not int",
        "could not be read", "ok"]
    assert results[2]["doc_id"] == "e"
    german = {"doc_id": "de", "text": "„Wir geben nicht auf“, sagte die Ministerin."}
    with dask.config.set(scheduler="processes", num_workers=2):
        bag = attribute_bag(bags.from_sequence([german]), language="de",
                            double_apostrophes=False)
        (doc,) = bag.compute()
    assert doc == quoteattr.attribute(german["text"], doc_id="de", language="de",
                                      double_apostrophes=False)
    assert doc != quoteattr.attribute(german["text"], doc_id="de")


@pytest.mark.slow
def test_dask_isolates_a_document_that_kills_its_worker(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    corpus = tmp_path / "news.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for i in range(200):
            text = GOOD[i % len(GOOD)].read_text("utf-8")
            if i == 123:
                text += " KILL-THIS-WORKER"
            handle.write(json.dumps({"doc_id": f"d{i}", "text": text}) + "\n")
        handle.write("null\n")
    rules = _rule_file(tmp_path, "adversarial_rules:die_on_marker")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "quoteattr", "extract", str(corpus), "--dask", "local",
         "--workers", "2", "--blocksize", "200kB", "--out", str(out), "--rules", str(rules),
         "--allow-code"], capture_output=True, text=True, env=ENV, timeout=600, check=False)
    assert proc.returncode == 1, proc.stderr[-2000:]
    records = [json.loads(line) for part in sorted(out.glob("part-*.jsonl"))
               for line in part.read_text("utf-8").splitlines()]
    errors = [r for r in records if "error" in r]
    assert len(records) == 201
    assert sorted(r["doc_id"] for r in records if "quotes" in r) == sorted(
        f"d{i}" for i in range(200) if i != 123)
    assert len(errors) == 2 and any(r["doc_id"] == "d123" and "killed" in r["error"]
                                    for r in errors)
    assert not (out / "_attempts").exists()


def test_out_of_memory_is_a_message_that_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    from quoteattr import pipeline

    def exhausted(text: str, options: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(pipeline, "prepare", exhausted)
    with pytest.raises(MemoryError, match="out of memory attributing a text of 44 characters"):
        quoteattr.attribute(SAID)
    (outcome,) = process_sources([sources.SourceText("big", SAID, "big.txt")])
    assert outcome.error is not None and outcome.error.startswith("big.txt: out of memory")


# -- worst-case constructions: work grows in proportion to the input ---------------
def _calls(run: Any) -> int:
    """Python function calls made by ``run()``: work counted, not timed."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


_GIVEN = ["Alice", "Robert", "Maria", "John", "Peter", "Anna", "Laura", "Mark", "Paul", "Sara"]


@pytest.mark.parametrize(("label", "make", "small"), [
    ("chained reported speech", lambda n: "A said that B said that " * n + "C agreed.", 250),
    ("many people sharing a surname", lambda n: "".join(
        f'"We met number {i}," {_GIVEN[i % 10]}{i} Smith said. ' for i in range(n)), 100),
])
def test_worst_case_constructions_cost_work_in_proportion_to_their_size(
    label: str, make: Any, small: int
) -> None:
    docs: list[quoteattr.Document] = []
    work = [_calls(lambda n=n: docs.append(quoteattr.attribute(make(n))))
            for n in (small, 8 * small)]
    assert work[1] < 10 * work[0], (label, work)
    content = [sum(len(c.text) for c in d.claims) for d in docs]
    assert content[1] <= 10 * max(1, content[0]), (label, content)


def test_two_people_sharing_a_surname_stay_two_speakers() -> None:
    doc = quoteattr.attribute('"We met," Alice Smith said. "We did not," Robert Smith said.')
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Alice Smith", "Robert Smith"]
