"""Run the quickstart notebook, export it to HTML and photograph it in headless Chromium.

Usage: python scripts/screenshot_quickstart.py [OUTPUT_DIR]   (default: build/screenshot)

Needs the notebook extra (`pip install -e ".[notebooks]"`) and Debian's chromium
(`apt-get install -y chromium`). Writes quickstart.html and quickstart.png; look
at the PNG: the first article's quotes should be highlighted in colour, with a
legend of speakers above and a small label after each quote.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"


def export_html(out_dir: Path) -> Path:
    import nbclient
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    body, _resources = HTMLExporter(template_name="lab").from_notebook_node(notebook)
    # offline: drop scripts fetched from the network (MathJax, require.js); nothing needs them
    body = re.sub(r'<script[^>]+src="https?://[^"]*"[^>]*>\s*</script>', "", body)
    page = out_dir / "quickstart.html"
    page.write_text(body, encoding="utf-8")
    return page


def screenshot(page: Path, png: Path, *, size: str = "1280,1600") -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("chromium not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--hide-scrollbars",
             f"--screenshot={png}", f"--window-size={size}", page.as_uri()],
            check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )


def main() -> None:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "screenshot"
    out_dir.mkdir(parents=True, exist_ok=True)
    page = export_html(out_dir)
    png = out_dir / "quickstart.png"
    screenshot(page, png)
    print(f"{page}\n{png}")


if __name__ == "__main__":
    main()
