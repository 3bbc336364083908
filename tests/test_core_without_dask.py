"""The core runs without the optional Dask stack (issue 7)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

BLOCK_OPTIONAL = """
import sys
for name in ("dask", "distributed", "pandas", "pyarrow", "fsspec"):
    sys.modules[name] = None  # import raises ImportError, as if not installed
"""


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK_OPTIONAL + textwrap.dedent(code)],
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_core_imports_and_attributes_with_neither_dask_nor_pandas_installed() -> None:
    result = _run("""
        import quoteattr
        from quoteattr.matching.clusters import match_quotes
        doc = quoteattr.attribute('"We heard nothing new," Lavrov said.', doc_id="a")
        assert doc.quotes[0].speaker.name == "Lavrov"
        assert len(match_quotes([doc])) == 1
        assert not any(m in sys.modules and sys.modules[m] is not None
                       for m in ("dask", "pandas"))
        print("ok")
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_import_quoteattr_does_not_import_the_dask_backend() -> None:
    result = _run("""
        import quoteattr
        print("quoteattr.distributed" in sys.modules)
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_dask_functions_without_the_extra_say_how_to_install_it() -> None:
    result = _run("""
        from quoteattr.distributed import extract_to_jsonl, synthetic_articles
        assert len(synthetic_articles(2)) == 2  # needs no Dask
        try:
            extract_to_jsonl("in.jsonl", "out")
        except ImportError as exc:
            print(exc)
    """)
    assert result.returncode == 0, result.stderr
    assert 'pip install "quoteattr[dask]"' in result.stdout
