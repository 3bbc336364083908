"""The built wheel and sdist ship every language, and the installed wheel runs (issue 11).

Builds both with setuptools' own backend, installs the wheel into a fresh virtual
environment without the network (its dependencies come from the test environment
through a path file), and runs the command line in English and German from it.
"""

from __future__ import annotations

import json
import site
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[1]
LANGUAGE_FILES = sorted(
    p.relative_to(ROOT / "src").as_posix() for p in (ROOT / "src/quoteattr/data").rglob("*.json")
)


def _build(kind: str, out: Path) -> Path:
    code = (
        "import sys; from setuptools import build_meta as b; "
        f"print(b.build_{kind}(sys.argv[1]))"
    )
    run = subprocess.run([sys.executable, "-c", code, str(out)], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    return out / run.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    wheel = _build("wheel", dist)
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [f for f in LANGUAGE_FILES if f not in names]
    assert not missing, f"the wheel lacks {missing}"
    env = tmp_path_factory.mktemp("env") / "venv"
    venv.create(env, with_pip=True)
    py = env / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True)
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()"
                              "['purelib'])"], check=True, capture_output=True, text=True)
    # the dependencies (pydantic, regex, rapidfuzz) from this environment, after the wheel
    Path(purelib.stdout.strip(), "test-deps.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", "utf-8")
    return env


def test_the_sdist_ships_every_language_file(tmp_path: Path) -> None:
    sdist = _build("sdist", tmp_path)
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    missing = [f for f in LANGUAGE_FILES if f"src/{f}" not in names]
    assert not missing, f"the sdist lacks {missing}"


def test_the_installed_wheel_lists_every_language(installed: Path) -> None:
    code = "import quoteattr; print(quoteattr.__file__); print(quoteattr.languages())"
    run = subprocess.run([str(installed / "bin" / "python"), "-c", code],
                         capture_output=True, text=True, check=True, cwd=installed)
    where, langs = run.stdout.splitlines()
    assert where.startswith(str(installed)), where  # the wheel, not this checkout
    assert "'de'" in langs and "'en'" in langs


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("en", '"We heard nothing new," Lavrov said.\n', "Lavrov"),
    ("de", "„Wir haben nichts Neues gehört“, sagte Lawrow.\n", "Lawrow"),
])
def test_the_installed_command_line_attributes_a_quote(
    installed: Path, tmp_path: Path, language: str, text: str, speaker: str
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(text, "utf-8")
    run = subprocess.run([str(installed / "bin" / "quoteattr"), "extract", str(article),
                          "--language", language], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    (doc,) = [json.loads(line) for line in run.stdout.splitlines()]
    assert [q["speaker"]["name"] for q in doc["quotes"]] == [speaker]
