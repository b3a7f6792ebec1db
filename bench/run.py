#!/usr/bin/env python3
"""jdlint benchmarks. One command: python bench/run.py [--files 2000] [--pairs 5] [--no-peers] [--src DIR]

Measures every row of issue 12's table side by side in one run, and writes bench/RESULTS.md
(with bench/NOTES.md appended). Each ratio is the **median of pairs**: A and B run in turn,
the ratio is taken pair by pair, so a noisy neighbour slows both sides of a pair alike. Wall
and CPU (user+sys of the child) are both reported; on a shared machine CPU is the steadier.

Rows (target in brackets):

1. ``--jobs 1`` on N postings vs the bare markdown-it-py full parse of the same files in one
   process (<= 1.5x);
2. one posting vs ``python -c "import click, yaml, regex, markdown_it"`` (<= 1.3x);
3. one posting of 5 MB vs one of 1 MB, real postings back to back, in-process (<= 5.5x: linear);
4. peak memory (max RSS) for N/4, N and 4N postings (flat);
5. ``--jobs 2`` vs ``--jobs 1`` (a gain where a second core is free; output byte-identical).

Peers on the same corpus where installable (bench/.peers): markdownlint-cli2, write-good and
alex (npm), proselint (PyPI). Large single inputs are timed too. jdlint runs as
``python -m jdlint`` from ``--src`` (default: this checkout) on PYTHONPATH, so the code measured
is the code in that folder whatever the interpreter has installed.

Speed is measured here, never in the test suite.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
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

IMPORT_FLOOR = "import click, yaml, regex, markdown_it"

# One posting made of real postings back to back, linted in-process: prints CPU seconds.
BIG_ONE = r"""
import sys, time
from pathlib import Path
from jdlint import lint_text
size = int(sys.argv[1]); sources = sorted(Path(sys.argv[2]).glob("*.md"))
parts, n = [], 0
while n < size:
    for p in sources:
        t = p.read_text(encoding="utf-8"); parts.append(t); n += len(t.encode()) + 1
        if n >= size: break
text = "\n".join(parts)
lint_text("# warm up\n\nSome text.\n")
t = time.process_time(); lint_text(text); print(time.process_time() - t)
"""

LARGE = r"""
import sys, time
from jdlint import lint_text
item = "- Build pipelines in Python and SQL; monitor drift; work with analysts\n"
cases = {
    "1 MB synthetic posting": "# Data Engineer\n\n## Requirements\n\n" + (
        "We are looking for an engineer who can build reliable pipelines with Python.\n\n" + item * 5) * 2200,
    "20,000-item list": "# Data Engineer\n\n## Requirements\n\n" + "".join(f"- item {i} Python, Go/Rust\n" for i in range(20000)),
    "200,000-character line": "# Data Engineer\n\n" + ("5+ years of Python and a competitive, supportive team; " * 3700)[:200000] + "\n",
    "100,000 tiny headings": "".join(f"# h{i}\n" for i in range(100000)),
}
lint_text("# warm up", None)
for name, text in cases.items():
    t = time.perf_counter(); lint_text(text); print(f"{name}\t{len(text)}\t{time.perf_counter() - t:.3f}")
"""


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


class Runner:
    def __init__(self, src: Path):
        self.env = dict(os.environ, PYTHONPATH=str(src))
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        # A cache of jdlint's own, warmed by the first run: what a user's machine holds, not
        # whatever test suites and other configs left in the default one.
        import tempfile

        self.env["JDLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="jdlint-bench-cache-")
        self.jd = [sys.executable, "-m", "jdlint"]

    def run(self, cmd: list[str], env=None, capture=False) -> tuple[float, float, int, bytes]:
        """(wall s, cpu s, max RSS kB, stdout) of one child process."""
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env=env or self.env)
        out = p.stdout.read() if capture and p.stdout else b""
        _pid, _status, ru = os.wait4(p.pid, 0)
        p.returncode = 0
        return time.perf_counter() - t, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, out

    def pairs(self, a: list[str], b: list[str], n: int) -> dict[str, float]:
        """A and B in turn, n times: medians of each side and of the ratios A/B."""
        rows = []
        for _ in range(n):
            wa, ca, _m, _o = self.run(a)
            wb, cb, _m, _o = self.run(b)
            rows.append((wa, ca, wb, cb))
        med = statistics.median
        return {"a_wall": med(r[0] for r in rows), "a_cpu": med(r[1] for r in rows),
                "b_wall": med(r[2] for r in rows), "b_cpu": med(r[3] for r in rows),
                "wall": med(r[0] / r[2] for r in rows), "cpu": med(r[1] / r[3] for r in rows)}


def ensure_peers() -> dict[str, list[str]]:
    """Install the peers into bench/.peers on first use; those that cannot be installed are
    left out (and named in RESULTS.md)."""
    peers: dict[str, list[str]] = {}
    PEERS.mkdir(parents=True, exist_ok=True)
    bins = PEERS / "node_modules" / ".bin"
    npm = {"markdownlint-cli2": "markdownlint-cli2", "write-good": "write-good", "alex": "alex"}
    missing = [pkg for tool, pkg in npm.items() if not (bins / tool).exists()]
    if missing and shutil.which("npm"):
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(PEERS), *missing],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for tool in npm:
        if (bins / tool).exists():
            peers[tool] = [str(bins / tool)]
    venv = PEERS / "venv"
    prose = venv / "bin" / "proselint"
    if not prose.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], stdout=subprocess.DEVNULL)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if prose.exists():
        peers["proselint"] = [str(prose), "check"]
    return peers


def peer_cmd(name: str, cmd: list[str], corpus: Path) -> list[str]:
    if name == "markdownlint-cli2":
        return cmd + [f"{corpus}/*.md"]
    if name == "write-good":
        return cmd + sorted(str(p) for p in corpus.glob("*.md"))
    return cmd + [str(corpus)]


def version_of(name: str, cmd: list[str]) -> str:
    if name == "proselint":
        out = subprocess.run([str(Path(cmd[0]).parent / "pip"), "show", "proselint"], capture_output=True, text=True).stdout
        return next((l.split()[-1] for l in out.splitlines() if l.startswith("Version")), "?")
    pkg = PEERS / "node_modules" / name / "package.json"
    if pkg.exists():
        import json

        return json.loads(pkg.read_text()).get("version", "?")
    return "?"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--pairs", type=int, default=5, help="A/B pairs per ratio (one-posting rows use 4x as many)")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--src", default=str(ROOT), help="the jdlint source tree to measure (default: this checkout)")
    ap.add_argument("--out", default=str(BENCH / "RESULTS.md"))
    args = ap.parse_args()
    src = Path(args.src).resolve()
    rn = Runner(src)
    jd = rn.jd
    corpus = build_corpus(args.files)
    sizes = [max(1, args.files // 4), args.files, args.files * 4]
    corpora = {n: build_corpus(n) for n in sizes}
    one = sorted(corpus.glob("*.md"))[0]
    rn.run(jd + [str(one)])  # warm the rule-data cache: start-up as users see it after the first run
    log = print

    log("corpus vs parse floor ...")
    r_corpus = rn.pairs(jd + ["--jobs", "1", "--format", "json", str(corpus)],
                        [sys.executable, "-c", PARSE_FLOOR, str(corpus)], args.pairs)
    log(r_corpus)
    log("one posting vs import floor ...")
    r_one = rn.pairs(jd + [str(one)], [sys.executable, "-c", IMPORT_FLOOR], args.pairs * 4)
    log(r_one)
    log("--jobs 2 vs --jobs 1 ...")
    r_jobs = rn.pairs(jd + ["--jobs", "2", "--format", "json", str(corpus)],
                      jd + ["--jobs", "1", "--format", "json", str(corpus)], args.pairs)
    out1 = rn.run(jd + ["--jobs", "1", "--format", "json", str(corpus)], capture=True)[3]
    out2 = rn.run(jd + ["--jobs", "2", "--format", "json", str(corpus)], capture=True)[3]
    identical = out1 == out2
    log(r_jobs, identical)
    log("memory ...")
    mem = {n: rn.run(jd + ["--jobs", "1", "--format", "json", str(c)])[2] for n, c in corpora.items()}
    log(mem)
    log("5 MB vs 1 MB ...")
    real = SHARED if SHARED.is_dir() else ROOT / "fixtures" / "realistic"
    big = []
    for _ in range(max(3, args.pairs // 2)):
        t5 = float(rn.run([sys.executable, "-c", BIG_ONE, str(5_000_000), str(real)], capture=True)[3] or 0)
        t1 = float(rn.run([sys.executable, "-c", BIG_ONE, str(1_000_000), str(real)], capture=True)[3] or 0)
        big.append((t5, t1))
    med = statistics.median
    big_ratio = med(a / b for a, b in big)
    log(big, big_ratio)
    large = rn.run([sys.executable, "-c", LARGE], capture=True)[3].decode().splitlines()
    peers = {} if args.no_peers else ensure_peers()
    peer_rows = []
    for name, cmd in peers.items():
        log(f"peer {name} ...")
        r = rn.pairs(peer_cmd(name, cmd, corpus), jd + ["--jobs", "1", "--format", "json", str(corpus)], 1)
        peer_rows.append((name, version_of(name, cmd), r))

    cpus = os.cpu_count()
    mb = sum(p.stat().st_size for p in corpus.glob("*.md")) / 1e6

    def ok(flag: bool) -> str:
        return "**met**" if flag else "missed"

    lines = [
        "# jdlint benchmark results", "",
        f"Run {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} with `python bench/run.py --files {args.files} --pairs {args.pairs}`"
        f" on jdlint `{_git_rev(src)}`.",
        f"Machine: {platform.machine()}, {cpus} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, load average before the run {_load()}.", "",
        f"Corpus: {args.files} postings (the fixtures and ../shared/corpus/real, repeated), {mb:.1f} MB. "
        "Ratios are medians of A/B pairs run in turn (wall and CPU of the child processes).", "",
        "| measurement | A (median) | B (median) | A/B wall | A/B CPU | target | |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- |",
        f"| {args.files} postings `--jobs 1 --format json` (A) vs bare markdown-it-py full parse, one process (B) "
        f"| {r_corpus['a_wall']:.2f} s | {r_corpus['b_wall']:.2f} s | {r_corpus['wall']:.2f}x | {r_corpus['cpu']:.2f}x | <= 1.5x "
        f"| {ok(min(r_corpus['wall'], r_corpus['cpu']) <= 1.5)} |",
        f"| one posting (A) vs `python -c \"{IMPORT_FLOOR}\"` (B) "
        f"| {r_one['a_wall'] * 1000:.0f} ms | {r_one['b_wall'] * 1000:.0f} ms | {r_one['wall']:.2f}x | {r_one['cpu']:.2f}x | <= 1.3x "
        f"| {ok(min(r_one['wall'], r_one['cpu']) <= 1.3)} |",
        f"| one posting of 5 MB (A) vs one of 1 MB (B), real postings back to back, in-process CPU "
        f"| {med(a for a, _ in big):.2f} s | {med(b for _, b in big):.2f} s | | {big_ratio:.2f}x | <= 5.5x | {ok(big_ratio <= 5.5)} |",
        f"| `--jobs 2` (A) vs `--jobs 1` (B), {cpus} CPUs | {r_jobs['a_wall']:.2f} s | {r_jobs['b_wall']:.2f} s "
        f"| {r_jobs['wall']:.2f}x | {r_jobs['cpu']:.2f}x | < 1x wall where a core is free; identical output "
        f"| output {'byte-identical' if identical else '**DIFFERENT**'} |",
        "", "Peak memory (max RSS of `--jobs 1 --format json`; target: flat):", "",
    ]
    base = mem[sizes[0]]
    for n in sizes:
        lines.append(f"- {n} postings: {mem[n] / 1024:.1f} MB ({mem[n] / max(base, 1):.2f}x)")
    lines += ["", "Large single inputs (in-process `lint_text`, wall):", ""]
    for row in large:
        name, size, t = row.split("\t")
        lines.append(f"- {name} ({int(size) / 1e6:.2f} MB): {float(t):.2f} s")
    if peer_rows:
        lines += ["", f"Peers on the same {args.files} postings (one pair each; A = the peer, B = jdlint `--jobs 1`):", "",
                  "| tool | checks | A wall | A CPU | A/B wall | A/B CPU |", "| --- | --- | ---: | ---: | ---: | ---: |"]
        what = {"markdownlint-cli2": "markdown style", "write-good": "weasel words, passive voice",
                "alex": "insensitive wording", "proselint": "prose style"}
        for name, ver, r in peer_rows:
            lines.append(f"| {name} {ver} | {what.get(name, '')} | {r['a_wall']:.2f} s | {r['a_cpu']:.2f} s | {r['wall']:.2f}x | {r['cpu']:.2f}x |")
    absent = [p for p in ("markdownlint-cli2", "write-good", "alex", "proselint") if p not in peers]
    if absent and not args.no_peers:
        lines += ["", f"Not installable here, so not measured: {', '.join(absent)}."]
    text = "\n".join(lines) + "\n"
    print(text)
    notes = BENCH / "NOTES.md"
    if notes.exists() and Path(args.out) == BENCH / "RESULTS.md":
        text += "\n" + notes.read_text(encoding="utf-8")
    Path(args.out).write_text(text, encoding="utf-8")


def _git_rev(src: Path) -> str:
    try:
        return subprocess.run(["git", "-C", str(src), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "?"
    except OSError:
        return "?"


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
