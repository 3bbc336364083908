"""The documentation site (issue 5): every public name documented, every page in the nav."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest

import quoteattr

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"


def test_every_public_name_is_in_the_api_reference() -> None:
    documented = set(re.findall(r"^::: quoteattr\.(\w+)\s*$", (DOCS / "api.md").read_text("utf-8"),
                                re.MULTILINE))
    missing = set(quoteattr.__all__) - documented - {"__version__"}
    assert not missing, f"add '::: quoteattr.NAME' to docs/api.md for: {sorted(missing)}"


def test_every_page_is_in_the_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    listed = set(re.findall(r":\s*([\w/-]+\.md)\s*$", config, re.MULTILINE))
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert pages == listed


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("mkdocs") is None and
                    not (Path(sys.executable).parent / "mkdocs").exists(),
                    reason='the docs build needs: pip install -e ".[docs]"')
def test_site_builds_strictly_and_renders_every_public_name(tmp_path: Path) -> None:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    proc = subprocess.run(
        [str(mkdocs) if mkdocs.exists() else "mkdocs", "build", "--strict",
         "--site-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    api = (tmp_path / "api" / "index.html").read_text("utf-8")
    for name in set(quoteattr.__all__) - {"__version__"}:
        assert f'id="quoteattr.{name}"' in api, name
    # issue 16: cross-references render; no Sphinx role reaches a page
    for page in tmp_path.rglob("*.html"):
        roles = re.findall(r":(?:class|func|meth|attr|data|mod|exc):", page.read_text("utf-8"))
        assert not roles, f"{page.relative_to(tmp_path)}: {len(roles)} literal roles"
    assert api.count('class="autorefs autorefs-internal"') > 100
    # signatures formatted one parameter a line, a Returns section one row
    assert "attribute(\n    text: str,\n    *," in re.sub(r"<[^>]+>", "", api)


def _table_fields(page: str, heading: str) -> set[str]:
    text = (DOCS / page).read_text("utf-8")
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return {name for cell in re.findall(r"^\| ([^|]+) \|", section, re.MULTILINE)
            for name in re.findall(r"`(\w+)`", cell)}


@pytest.mark.parametrize(("heading", "model"), [
    ("A document line", quoteattr.Document), ("Quote", quoteattr.Quote),
    ("QuoteSpeaker", quoteattr.QuoteSpeaker), ("Speaker", quoteattr.Speaker),
    ("Diagnostic", quoteattr.Diagnostic),
])
def test_the_output_page_lists_every_field_of_the_schema(
    heading: str, model: type[pydantic.BaseModel]
) -> None:
    assert _table_fields("output.md", heading) == set(model.model_fields), heading


def test_docs_name_every_notebook_and_promise_what_the_lexicon_holds() -> None:
    notebooks = sorted(p.name for p in (ROOT / "examples").glob("*.ipynb"))
    for page in (ROOT / "README.md", DOCS / "index.md"):
        text = page.read_text("utf-8")
        assert all(name in text for name in notebooks), page.name
        words = ["no", "one", "two", "three", "four", "five", "six", "seven"]
        assert f"{words[len(notebooks)]} notebooks" in text, page.name
    assert len(quoteattr.load_lexicon("en").cue_verbs) > 200  # README: "more than 200"
    assert "pip install quoteattr " not in (DOCS / "index.md").read_text("utf-8")  # not on PyPI
