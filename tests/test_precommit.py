"""The hooks as list maintainers use them: the real `pre-commit try-repo` against this checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def sh(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def list_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("list-repo")
    sh("git", "init", "-q", cwd=repo)
    sh("git", "config", "user.email", "t@example.org", cwd=repo)
    sh("git", "config", "user.name", "t", cwd=repo)
    return repo


def try_repo(repo: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    sh("git", "add", *files, cwd=repo)
    return sh(sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *files, cwd=repo)


def test_hooks(list_repo: Path) -> None:
    tidy = "# Clinical Data\n\n## ICU\n\n- [MIMIC](https://mimic.mit.edu/) - ICU records.\n- [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU data.\n"
    bad = "# Clinical Data\n\n## ICU\n\n- [MIMIC](https://mimic.mit.edu/) - ICU records.\n- [MIMIC again](http://www.mimic.mit.edu) - Same page.\n"
    untidy = "Clinical Data\n=============\n\n## ICU\n* [MIMIC](https://mimic.mit.edu/) — ICU records.   \n* [eICU](https://eicu-crd.mit.edu/) - ICU data.\n"
    (list_repo / "tidy.md").write_text(tidy, encoding="utf-8")
    (list_repo / "bad.md").write_text(bad, encoding="utf-8")
    (list_repo / "untidy.md").write_text(untidy, encoding="utf-8")

    r = try_repo(list_repo, "awesomelint", "tidy.md")
    assert r.returncode == 0, r.stdout + r.stderr
    r = try_repo(list_repo, "awesomelint-fmt", "tidy.md")
    assert r.returncode == 0, r.stdout + r.stderr

    r = try_repo(list_repo, "awesomelint", "bad.md")
    assert r.returncode == 1 and "AL201" in r.stdout, r.stdout + r.stderr

    r = try_repo(list_repo, "awesomelint-fmt", "untidy.md")
    assert r.returncode == 1 and "files were modified by this hook" in r.stdout, r.stdout + r.stderr
    fixed = (list_repo / "untidy.md").read_text(encoding="utf-8")
    assert fixed.startswith("# Clinical Data\n") and "- [MIMIC](https://mimic.mit.edu/) - ICU records.\n" in fixed
    r = try_repo(list_repo, "awesomelint-fmt", "untidy.md")
    assert r.returncode == 0, r.stdout + r.stderr
