#!/usr/bin/env python3
"""jdlint benchmarks. One command: python bench/run.py [--files 2000] [--runs 3] [--no-peers]

Builds a corpus (the fixtures plus ../shared/corpus/real, repeated to --files postings) and
reports, as wall times and ratios:

- jdlint --jobs 1 against the bare markdown-it-py parse of the same files (the floor for any
  Python markdown linter; both as fresh processes, so both pay interpreter start-up);
- jdlint with its default --jobs against --jobs 1;
- one posting against `python -c "import click, yaml, regex, markdown_it"` (the import floor);
- peak memory for a quarter of the corpus and for all of it (flat means streaming works);
- single large inputs: a 1 MB posting, a 20,000-item list, a 200,000-character line;
- peers on the same corpus: markdownlint-cli2 (npm) and proselint (PyPI), installed into
  bench/.peers on first use.

Writes bench/RESULTS.md. Speed is measured here, never in the test suite.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PEERS = BENCH / ".peers"
SHARED = ROOT.parent / "shared" / "corpus" / "real"

PARSE_FLOOR = r"""
import sys
from pathlib import Path
from markdown_it import MarkdownIt
md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
for p in sorted(Path(sys.argv[1]).rglob("*.md")):
    md.parse(p.read_text(encoding="utf-8"))
"""

PEAK_RSS = r"""
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def jdlint_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "jdlint"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "jdlint"]


def build_corpus(n: int) -> Path:
    out = BENCH / ".corpus" / f"n{n}"
    if out.exists() and len(list(out.glob("*.md"))) == n:
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    sources = sorted((ROOT / "fixtures").rglob("*.md"))
    if SHARED.is_dir():
        sources += sorted(p for p in SHARED.glob("*.md") if p.name != "SOURCES.md")
    texts = [(p.stem, p.read_bytes()) for p in sources]
    for i in range(n):
        stem, data = texts[i % len(texts)]
        (out / f"{i:05d}-{stem}.md").write_bytes(data)
    return out


def wall(cmd: list[str], runs: int, env=None) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        best = min(best, time.perf_counter() - t)
    return best


def peak_rss_kb(cmd: list[str]) -> int:
    out = subprocess.run([sys.executable, "-c", PEAK_RSS, *cmd], capture_output=True, text=True)
    return int(out.stdout.strip() or 0)


def ensure_peers() -> dict[str, list[str]]:
    peers: dict[str, list[str]] = {}
    PEERS.mkdir(parents=True, exist_ok=True)
    mdl = PEERS / "node_modules" / ".bin" / "markdownlint-cli2"
    if not mdl.exists() and shutil.which("npm"):
        subprocess.run(["npm", "install", "--silent", "--prefix", str(PEERS), "markdownlint-cli2"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if mdl.exists():
        peers["markdownlint-cli2"] = [str(mdl)]
    venv = PEERS / "venv"
    prose = venv / "bin" / "proselint"
    if not prose.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], stdout=subprocess.DEVNULL)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if prose.exists():
        peers["proselint"] = [str(prose), "check"]
    return peers


def large_inputs() -> list[tuple[str, int, float]]:
    sys.path.insert(0, str(ROOT))
    from jdlint import lint_text

    item = "- Build pipelines in Python and SQL; monitor drift; work with analysts\n"
    cases = {
        "1 MB posting": "# Data Engineer\n\n## Requirements\n\n" + (
            "We are looking for an engineer who can build reliable pipelines with Python.\n\n" + item * 5) * 2200,
        "20,000-item list": "# Data Engineer\n\n## Requirements\n\n" + "".join(f"- item {i} Python, Go/Rust\n" for i in range(20000)),
        "200,000-character line": "# Data Engineer\n\n" + ("5+ years of Python and a competitive, supportive team; " * 3700)[:200000] + "\n",
    }
    lint_text("# warm up", None)
    out = []
    for name, text in cases.items():
        t = time.perf_counter()
        lint_text(text)
        out.append((name, len(text), time.perf_counter() - t))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-peers", action="store_true")
    args = ap.parse_args()

    corpus = build_corpus(args.files)
    quarter = build_corpus(max(1, args.files // 4))
    jd = jdlint_cmd()
    env = dict(os.environ)
    one = sorted(corpus.glob("*.md"))[0]
    # Warm the rule-data cache so start-up is measured as users see it after the first run.
    subprocess.run(jd + [str(one)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    r = {}
    r["parse floor"] = wall([sys.executable, "-c", PARSE_FLOOR, str(corpus)], args.runs)
    r["jdlint --jobs 1"] = wall(jd + ["--jobs", "1", "--format", "json", str(corpus)], args.runs, env)
    r["jdlint (default jobs)"] = wall(jd + ["--format", "json", str(corpus)], args.runs, env)
    r["import floor"] = wall([sys.executable, "-c", "import click, yaml, regex, markdown_it"], max(5, args.runs))
    r["jdlint one file"] = wall(jd + [str(one)], max(5, args.runs), env)
    mem_q = peak_rss_kb(jd + ["--jobs", "1", "--format", "json", str(quarter)])
    mem_all = peak_rss_kb(jd + ["--jobs", "1", "--format", "json", str(corpus)])
    peers = {} if args.no_peers else ensure_peers()
    peer_times = {}
    for name, cmd in peers.items():
        target = [f"{corpus}/*.md"] if name == "markdownlint-cli2" else [str(corpus)]
        peer_times[name] = wall(cmd + target, 1)
    big = large_inputs()

    cpus = os.cpu_count()
    lines = [
        "# jdlint benchmark results", "",
        f"Run {dt.date.today().isoformat()} with `python bench/run.py --files {args.files} --runs {args.runs}`.",
        f"Machine: {platform.machine()}, {cpus} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}.", "",
        f"Corpus: {args.files} postings (the fixtures and ../shared/corpus/real, repeated), "
        f"{sum(p.stat().st_size for p in corpus.glob('*.md')) / 1e6:.1f} MB.", "",
        "| measurement | seconds | ratio | target |", "| --- | ---: | ---: | --- |",
        f"| bare markdown-it-py parse (fresh process) | {r['parse floor']:.2f} | 1.00 | |",
        f"| jdlint --jobs 1 | {r['jdlint --jobs 1']:.2f} | {r['jdlint --jobs 1'] / r['parse floor']:.2f}x the parse | within 1.5x |",
        f"| jdlint, default --jobs ({cpus}) | {r['jdlint (default jobs)']:.2f} | {r['jdlint (default jobs)'] / r['jdlint --jobs 1']:.2f}x --jobs 1 | |",
        f"| `import click, yaml, regex, markdown_it` | {r['import floor']:.3f} | 1.00 | |",
        f"| jdlint on one posting | {r['jdlint one file']:.3f} | {r['jdlint one file'] / r['import floor']:.2f}x the imports | within 1.5x |",
    ]
    for name, t in peer_times.items():
        lines.append(f"| {name} on the same corpus | {t:.2f} | {t / r['jdlint --jobs 1']:.2f}x jdlint --jobs 1 | peer |")
    lines += ["", "Peak memory (max RSS, --jobs 1):", "",
              f"- {max(1, args.files // 4)} postings: {mem_q / 1024:.1f} MB",
              f"- {args.files} postings: {mem_all / 1024:.1f} MB ({mem_all / max(mem_q, 1):.2f}x for 4x the files)", "",
              "Large single inputs (in-process `lint_text`, target under 1 s each):", ""]
    for name, size, t in big:
        lines.append(f"- {name} ({size / 1e6:.2f} MB): {t:.2f} s")
    text = "\n".join(lines) + "\n"
    print(text)
    notes = BENCH / "NOTES.md"
    if notes.exists():
        text += "\n" + notes.read_text(encoding="utf-8")
    (BENCH / "RESULTS.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
