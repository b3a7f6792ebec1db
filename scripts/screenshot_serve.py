"""Regenerate docs/serve.png: `jdlint serve` on a folder with one sample posting, opened with
``/?open=`` so the page shows its findings without typing, shot by headless Chromium.

    PYTHONPATH=. python scripts/screenshot_serve.py [docs/serve.png]
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from jdlint.serve import serve_in_thread

SAMPLE = """\
# Data Scientist / ML Engineer / Data Engineer

We are looking for a rockstar to join our young and energetic team. He will own our
models from notebook to production.

## Requirements

- 10+ years of experience with Python and PyTorch
- A degree in computer science
- Fluent English, native speaker preferred
"""


def main(out: str = "docs/serve.png") -> None:
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if chromium is None:
        sys.exit("Chromium is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "postings"
        folder.mkdir()
        (folder / "data-scientist.md").write_text(SAMPLE, encoding="utf-8")
        server, thread, base = serve_in_thread(str(folder))
        url = f"{base}?open=data-scientist.md"
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                        f"--user-data-dir={Path(tmp) / 'profile'}", "--window-size=1400,1050", "--virtual-time-budget=10000",
                        f"--screenshot={Path(out).resolve()}", url], check=True, capture_output=True)
        server.should_exit = True
        thread.join(timeout=10)
    print(f"wrote {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
