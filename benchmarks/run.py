"""Benchmark awesomelint beside rumdl (and mdformat, markdownlint-cli2 where installed).

Whole processes, CPU time (user + system) medians of paired runs: ours and the peer's run in
alternation, so both see the same machine. Rows: start-up, cold lint (no cache), fmt --check,
warm lint, and lint after a one-line edit (the edit loop, at least 7 runs; rumdl's cold run beside
it; the first edit of a file, which stores its parts, is a row of its own). Inputs:
the corpus files in ../shared/corpus/ (when present) and synthetic lists of 10k and 100k entries
written by ../shared/tools/gen_biglist.py.

    pip install rumdl && python benchmarks/run.py      # everything, 5 runs each
    python benchmarks/run.py --quick                   # corpus and 10k only, 3 runs

Run it with the interpreter of a virtual environment that has the project and rumdl installed,
as pre-commit and pipx run us (`python -m venv /tmp/bench && /tmp/bench/bin/pip install . rumdl
&& /tmp/bench/bin/python benchmarks/run.py`): a base interpreter's site-packages may load modules
at every start (a `.pth` file), which every run of ours pays and rumdl does not. The start-up
row gives the bare interpreter's own cost beside ours.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GEN = SHARED / "tools" / "gen_biglist.py"


# as a user's machine runs it: with compiled bytecode (some sandboxes set PYTHONDONTWRITEBYTECODE,
# which makes every run compile our modules from source)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(cmd: list[str], runs: int, cwd: str | None = None) -> tuple[float, float, float]:
    """(median CPU seconds, median wall seconds, peak RSS in MB) over `runs` runs of a command."""
    cpus, walls, peaks = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=ENV)
        _, _, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(cpus), statistics.median(walls), max(peaks)


def paired(a: list[str], b: list[str], runs: int, cwd: str, before: list[str] | None = None) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """Both commands measured in alternation (a, b, a, b, …) so that the machine's state is shared;
    `before` runs (untimed) before each run of either (e.g. touching a file for a one-line edit)."""
    ra: list[tuple[float, float, float]] = []
    rb: list[tuple[float, float, float]] = []
    for _ in range(runs):
        for cmd, out in ((a, ra), (b, rb)):
            if before:
                subprocess.run(before, capture_output=True, cwd=cwd)
            out.append(measure(cmd, 1, cwd))
    med = lambda xs: (statistics.median(x[0] for x in xs), statistics.median(x[1] for x in xs), max(x[2] for x in xs))  # noqa: E731
    return med(ra), med(rb)


def inputs(sizes: list[int], workdir: Path) -> list[tuple[str, Path]]:
    out = []
    if CORPUS.is_dir():
        for name in ("awesome-selfhosted__awesome-selfhosted.md", "sindresorhus__awesome.md", "public-apis__public-apis.md"):
            if (CORPUS / name).exists():
                out.append((name.split("__")[1], CORPUS / name))
    if GEN.exists():
        for n in sizes:
            path = workdir / f"biglist-{n}.md"
            subprocess.run([sys.executable, str(GEN), "-n", str(n), "-o", str(path)], check=True, capture_output=True)
            out.append((f"synthetic {n:,} entries", path))
    return out


EDIT = """import sys
p = sys.argv[1]
lines = open(p, encoding="utf-8").read().split("\\n")
i = len(lines) // 2
lines[i] += " x"  # a new text every time: never a state seen (and cached) before
open(p, "w", encoding="utf-8").write("\\n".join(lines))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--quick", action="store_true", help="10k entries only, 3 runs")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    runs = args.runs
    if args.quick:
        sizes, runs = [10000], 3
    # the installed entry points themselves, not a version manager's shell shim in front of them
    scripts = Path(sysconfig.get_path("scripts"))
    exe = scripts / "awesomelint"
    base = [str(exe)] if exe.exists() else [sys.executable, "-m", "awesomelint"]
    rumdl = str(scripts / "rumdl") if (scripts / "rumdl").exists() else shutil.which("rumdl")
    peers = {k: v for k, v in {"mdformat": ["mdformat", "--check"], "markdownlint-cli2": ["markdownlint-cli2"]}.items() if shutil.which(v[0])}
    rows: list[tuple[str, str, float, float, str]] = []
    (bare, _, _), (version, _, _) = paired([sys.executable, "-c", "pass"], base + ["--version"], runs, ".")
    rows.append(("start-up", "`awesomelint --version`", version, 0.0, f"{(version - bare) * 1000:+.0f} ms CPU beside bare `python -c pass` ({bare:.3f} s)"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for label, path in inputs(sizes, work):
            n = 1 if "100,000" in label else runs
            local = work / path.name
            if local != path:
                shutil.copy(path, local)
            f = str(local)

            def row(what: str, ours: list[str], theirs: list[str] | None, before: list[str] | None = None, n: int = n, label: str = label) -> None:
                if theirs is None:
                    (t, _, m) = measure(ours, n, tmp)
                    rows.append((label, what, t, m, ""))
                    return
                (t, _, m), (r, _, _) = paired(ours, theirs, n, tmp, before)
                rows.append((label, what, t, m, f"rumdl {r:.3f} s: {t / r:.1f}×" if r else ""))

            row("lint, cold", base + ["lint", "--no-cache", "--exit-zero", f], [rumdl, "check", "--no-cache", f] if rumdl else None)
            row("fmt --check", base + ["fmt", "--check", "--no-cache", f], [rumdl, "fmt", "--check", "--no-cache", f] if rumdl else None)
            subprocess.run(base + ["lint", "--exit-zero", f], capture_output=True, cwd=tmp)
            if rumdl:
                subprocess.run([rumdl, "check", f], capture_output=True, cwd=tmp)
            row("lint, warm", base + ["lint", "--exit-zero", f], [rumdl, "check", f] if rumdl else None)
            edit = [sys.executable, "-c", EDIT, f]
            cold = [rumdl, "check", "--no-cache", f] if rumdl else None
            # the first edit after a file's first lint stores its parts (once per file): timed on its own
            row("lint after its first edit (stores the parts)", base + ["lint", "--exit-zero", f], cold, before=edit, n=1)
            row("lint after a one-line edit", base + ["lint", "--exit-zero", f], cold, before=edit, n=n if n == 1 else max(n, 7))
            for name, cmd in peers.items():
                (t, _, _), (o, _, _) = paired(base + ["lint", "--no-cache", "--exit-zero", f], cmd + [f], n, tmp)
                rows.append((label, name, o, 0.0, f"awesomelint lint is {o / t:.1f}× faster" if t else ""))
    print(f"awesomelint benchmark: CPU seconds (user + system), median of {runs} paired runs (100k: 1), {os.cpu_count()} cores\n")
    print("| input | command | awesomelint | peak RSS | beside it |")
    print("| --- | --- | ---: | ---: | --- |")
    for label, cmd, t, m, note in rows:
        mem = f"{m:.0f} MB" if m else "—"
        print(f"| {label} | {cmd} | {t:.3f} s | {mem} | {note} |")


if __name__ == "__main__":
    main()
