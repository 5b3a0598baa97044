"""Which files a command reads: files named as such, the Markdown files of a folder (skipping
hidden, vendored and build folders, and what git ignores), and quoted globs.

Apart from the linter, so that `fmt` and `links` find their files without loading it.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable

from awesomelint.source import MARKDOWN_SUFFIXES

_SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", "build", "dist", ".awesomelint_cache"}


def _found_in_folder(name: str) -> bool:
    """Files a folder yields: Markdown by extension and extension-less `README`s. Named on the
    command line, `.txt` and other extension-less files are Markdown too; found in a folder they
    are not (requirements.txt, LICENSE, Makefile)."""
    low = name.lower()
    return (low.endswith(MARKDOWN_SUFFIXES) and not low.endswith(".txt")) or low == "readme"


def expand_paths(paths: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Files named stay as named (their kind is judged where they are used); folders yield only
    Markdown files, skipping hidden, vendored and build folders and, inside a git repository,
    what git ignores (`.gitignore`); a quoted glob (`"**/*.md"`) is expanded. `exclude` (glob
    patterns) drops files found in folders or by a glob, never a file named as such. A file
    reached twice (named twice, or named and inside a folder named) is linted once, under the
    first name it had."""
    out: list[str] = []
    seen: set[str] = set()
    patterns = [p for p in exclude if p]

    def add(path: str, found: bool) -> None:
        if found and _excluded(path, patterns):
            return
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            out.append(path)

    for p in paths:
        if p == "-":
            add(p, False)
        elif os.path.isdir(p):
            tracked = _git_files(p)
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                for f in sorted(files):
                    path = os.path.join(root, f)
                    if _found_in_folder(f) and (tracked is None or os.path.relpath(path, p) in tracked):
                        add(path, True)
        elif not os.path.exists(p) and any(c in p for c in "*?["):
            import glob

            matches = sorted(m for m in glob.glob(p, recursive=True) if os.path.isfile(m))
            for m in matches:
                add(m, True)
            if not matches:
                add(p, False)  # reported as missing where it is read
        else:
            add(p, False)
    return out


def _excluded(path: str, patterns: list[str]) -> bool:
    rel = os.path.relpath(path).replace(os.sep, "/")
    name = os.path.basename(path)
    return any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(name, pat) or fnmatch.fnmatch(rel, pat.rstrip("/") + "/*") for pat in patterns)


def _git_files(folder: str) -> set[str] | None:
    """The files git would show in a folder (tracked, or untracked and not ignored), relative to
    it; None outside a repository or without git. Git is asked once per folder named."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", "-c", "core.fsmonitor=false", "-C", folder, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            capture_output=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return {os.path.normpath(f) for f in done.stdout.decode("utf-8", "surrogateescape").split("\0") if f}


def only_named_files(paths: Iterable[str], found: list[str]) -> bool:
    """Are the files `expand_paths` found just files named as such: no folder, glob or standard
    input, whose contents (what a folder holds, what a glob matches) would be inputs too?"""
    named = set(paths)
    return all(p != "-" and p in named and not os.path.isdir(p) for p in found) and not any(os.path.isdir(p) for p in named)
