"""Shared test helpers: our fixtures, and the shared corpus and seeds when they exist."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent
FIXTURES = sorted((HERE / "fixtures").glob("*.md"))
SHARED = HERE.parent.parent / "shared"
CORPUS = sorted((SHARED / "corpus").glob("*.md")) + sorted((SHARED / "seeds").glob("*.txt"))
# fixtures written in canonical form: Markdown → YAML → Markdown must give them back byte for byte
CANONICAL = ["bullet.md", "html.md", "paragraph.md"]


def ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


_NO_CORPUS = pytest.param(None, marks=pytest.mark.skip(reason="../shared/corpus and ../shared/seeds are not present on this machine"), id="no-corpus")
corpus_param = pytest.mark.parametrize("path", CORPUS or [_NO_CORPUS], ids=ids(CORPUS) if CORPUS else None)
fixture_param = pytest.mark.parametrize("path", FIXTURES, ids=ids(FIXTURES))


@pytest.fixture
def corpus_required() -> None:
    if not CORPUS:
        pytest.skip("../shared/corpus is not present on this machine")


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Caches go to a folder of the test session's, never the user's (subprocesses inherit it)."""
    import os

    os.environ["AWESOMELINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("user-cache"))


_ORACLE_LINES: list[tuple[int, str]] = []  # from the workers, when the suite runs on several (xdist)


def _oracle_lines() -> list[tuple[int, str]]:
    """This process's oracle figures (tests/test_oracle.py), one line each, with each file's place."""
    import sys

    module = sys.modules.get("test_oracle")
    figures = getattr(module, "FIGURES", None) or []
    return [
        (
            place,
            f"{name[:44]:44} {s.seen:5} seen  recall {s.recall:6.1%}  names {s.names:6.1%} of {s.named:<5} descriptions {s.descriptions:6.1%} of {s.described}",
        )
        for place, name, s in figures
    ]


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: its lines go to the controller
        workeroutput["oracle_lines"] = _oracle_lines()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    _ORACLE_LINES.extend(tuple(x) for x in getattr(node, "workeroutput", {}).get("oracle_lines", []))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The oracle figures of every file, one line each, in the files' order."""
    lines = sorted(_ORACLE_LINES + _oracle_lines())
    if not lines:
        return
    terminalreporter.section("entries against GitHub's rendering (recall by url, names, descriptions)")
    for _, line in lines:
        terminalreporter.write_line(line)
