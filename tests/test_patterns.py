"""The compiled patterns kept between runs (`awesomelint.patterns`) are the patterns `re` makes.

The oracle is `re.compile` itself: CPython compares two patterns by their text, flags and code,
so a pattern made from the table that equals `re.compile`'s behaves the same on every input.
"""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesomelint import patterns
from awesomelint.cachedir import SignedStore, cache_root
from conftest import CORPUS

SAMPLES = [
    (r"(?P<host>[^/?#]*)(?P<path>[^?#]*)", 0),
    (r"^\s*#+\s+(.*)$", re.M),
    (r"http(?:s://(?<![(<\w]https://)|://(?<![(<\w]http://))\S+", 0),
    (r"(?i)\b(open|free)\b", 0),
    (r"[\u00a0\u3000–—]+", re.I | re.S),
    (r"(?<=\n)^ {0,3}(`{3,}|~{3,})", re.M),
    (r"(a)(?P<b>b)?(?(2)c|d)", 0),
]


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("AWESOMELINT_CACHE_DIR", str(tmp_path / "cache"))  # an empty table
    patterns.uninstall()
    patterns.install()
    try:
        yield
    finally:
        patterns.uninstall()


def _table() -> dict[tuple[str, int], tuple[object, ...]]:
    data = SignedStore(cache_root(), "patterns").get_bytes(patterns._name())
    assert data is not None, "no table was kept"
    table = marshal.loads(data)
    assert isinstance(table, dict)
    return table


def _cli(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "awesomelint", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_patterns_from_the_table_are_the_ones_re_makes(installed: None) -> None:
    for pattern, flags in SAMPLES:
        made = re.compile(pattern, flags)  # compiled by re, its data kept
        again = re.compile(pattern, flags)  # made from the kept data
        assert made == again == patterns._original(pattern, flags)
        assert again.groupindex == made.groupindex and again.groups == made.groups
    assert len(patterns._table or {}) == len(SAMPLES)


def test_the_command_keeps_a_table_and_every_pattern_in_it_is_re_s(tmp_path: Path) -> None:
    """A run of each command over a real list keeps the table; each of its entries makes the
    pattern `re.compile` makes, and a second run (from the table) prints the same."""
    lst = CORPUS[0] if CORPUS else Path(__file__).parent / "fixtures" / "bullet.md"
    env = dict(os.environ, AWESOMELINT_CACHE_DIR=str(tmp_path / "cache"))
    runs = [("lint", "--no-cache", "--select", "AL", str(lst)), ("fmt", "--check", "--no-cache", str(lst)), ("convert", "--to", "html", str(lst))]
    first = [_cli(*argv, cwd=tmp_path, env=env) for argv in runs]
    os.environ["AWESOMELINT_CACHE_DIR"], saved = env["AWESOMELINT_CACHE_DIR"], os.environ["AWESOMELINT_CACHE_DIR"]
    try:
        table = _table()
    finally:
        os.environ["AWESOMELINT_CACHE_DIR"] = saved
    assert len(table) > 50  # ours, mistune's scanners, click's
    for (pattern, flags), data in table.items():
        assert patterns._original(pattern, flags) == re.compile(pattern, flags)
        import _sre

        assert _sre.compile(pattern, *data) == re.compile(pattern, flags), pattern
    second = [_cli(*argv, cwd=tmp_path, env=env) for argv in runs]
    assert [(r.returncode, r.stdout, r.stderr) for r in second] == [(r.returncode, r.stdout, r.stderr) for r in first]


def test_a_table_that_does_not_verify_is_not_used(tmp_path: Path) -> None:
    lst = tmp_path / "l.md"
    lst.write_text("# L\n\n- [A](https://a.org) - A.\n- [B](https://a.org) - B.\n", encoding="utf-8")
    env = dict(os.environ, AWESOMELINT_CACHE_DIR=str(tmp_path / "cache"))
    truth = _cli("lint", "--no-cache", "l.md", cwd=tmp_path, env=env)
    entries = list((tmp_path / "cache").rglob("p*.signed"))
    assert len(entries) == 1
    mac, _, payload = entries[0].read_bytes().partition(b"\n")
    forged = {k: (v[0], [0], 0, {}, ()) for k, v in marshal.loads(payload).items()}  # code that matches nothing
    entries[0].write_bytes(mac + b"\n" + marshal.dumps(forged))  # the old signature: it does not verify
    again = _cli("lint", "--no-cache", "l.md", cwd=tmp_path, env=env)
    assert (again.returncode, again.stdout, again.stderr) == (truth.returncode, truth.stdout, truth.stderr)
    entries[0].write_bytes(b"garbage")
    again = _cli("lint", "--no-cache", "l.md", cwd=tmp_path, env=env)
    assert (again.returncode, again.stdout, again.stderr) == (truth.returncode, truth.stdout, truth.stderr)


def test_data_sre_refuses_is_compiled_afresh(installed: None) -> None:
    """Signed data that `_sre` does not accept (another build's, say) costs a compile, nothing else."""
    assert patterns._table is not None
    patterns._table[("a+b", 0)] = (0, [999, 1, 2], 0, {}, ())
    assert re.compile("a+b") == patterns._original("a+b")
    assert patterns._table[("a+b", 0)] != (0, [999, 1, 2], 0, {}, ())


def test_the_api_leaves_re_alone() -> None:
    from awesomelint import api  # noqa: F401 - importing the API must not install the table

    assert re.compile is patterns._original or patterns._table is None
    assert re.compile.__module__ == "re"
