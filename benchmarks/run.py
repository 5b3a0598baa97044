"""Benchmark awesomelint (and, where installed, markdownlint-cli2, awesome-lint, mdformat).

Times whole processes, cold (no result cache) unless a row says warm, several runs each, and
reports the median wall time and the peak resident memory. Inputs: the corpus files in
../shared/corpus/ (when present) and synthetic lists of 1k, 10k and 100k entries written by
../shared/tools/gen_biglist.py.

    python benchmarks/run.py                 # everything, 5 runs each
    python benchmarks/run.py --quick         # 1k and 10k only, 3 runs
    python benchmarks/run.py --sizes 1000,10000 --runs 7
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GEN = SHARED / "tools" / "gen_biglist.py"


def measure(cmd: list[str], runs: int, cwd: str | None = None) -> tuple[float, float]:
    """(median seconds, peak RSS in MB) over `runs` runs of a command."""
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        _, _, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--quick", action="store_true", help="1k and 10k entries, 3 runs")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    runs = args.runs
    if args.quick:
        sizes, runs = [1000, 10000], 3
    exe = shutil.which("awesomelint") or sys.executable
    base = [exe] if exe != sys.executable else [sys.executable, "-m", "awesomelint"]
    others = {
        "markdownlint-cli2": ["markdownlint-cli2"],
        "awesome-lint": ["awesome-lint"],
        "mdformat --check": ["mdformat", "--check"],
    }
    others = {k: v for k, v in others.items() if shutil.which(v[0])}
    rows = []
    bare, _ = measure([sys.executable, "-c", "pass"], runs)
    version, _ = measure(base + ["--version"], runs)
    rows.append(("start-up", "`awesomelint --version`", version, 0.0, f"+{(version - bare) * 1000:.0f} ms over bare python"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for label, path in inputs(sizes, work):
            runs_here = 1 if "100,000" in label else runs
            local = work / path.name
            if local != path:
                shutil.copy(path, local)
            cold_lint = base + ["lint", "--no-cache", "--exit-zero", str(local)]
            t, m = measure(cold_lint, runs_here, cwd=tmp)
            rows.append((label, "lint (cold)", t, m, ""))
            subprocess.run(base + ["lint", "--exit-zero", str(local)], capture_output=True, cwd=tmp)
            tw, mw = measure(base + ["lint", "--exit-zero", str(local)], runs_here, cwd=tmp)
            rows.append((label, "lint (warm cache)", tw, mw, ""))
            tf, mf = measure(base + ["fmt", "--check", str(local)], runs_here, cwd=tmp)
            rows.append((label, "fmt --check", tf, mf, ""))
            tc, mc = measure(base + ["convert", str(local), "--to", "json", "-o", str(work / "out.json")], runs_here, cwd=tmp)
            rows.append((label, "convert --to json", tc, mc, ""))
            for name, cmd in others.items():
                to, mo = measure(cmd + [str(local)], runs_here, cwd=tmp)
                rows.append((label, name, to, mo, f"awesomelint lint is {to / t:.1f}× faster" if t else ""))
    print(f"awesomelint benchmark: median of {runs} runs (100k: 1 run), whole process, {os.cpu_count()} cores\n")
    print("| input | command | median | peak RSS | note |")
    print("| --- | --- | ---: | ---: | --- |")
    for label, cmd, t, m, note in rows:
        mem = f"{m:.0f} MB" if m else "—"
        print(f"| {label} | {cmd} | {t:.2f} s | {mem} | {note} |")


if __name__ == "__main__":
    main()
