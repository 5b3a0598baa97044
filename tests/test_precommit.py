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


def try_repo(repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """Both hooks over `files` (pre-commit installs the hooks afresh on every try-repo: two calls
    in all keep this test short)."""
    sh("git", "add", *files, cwd=repo)
    return sh(sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--files", *files, cwd=repo)


def _hook_output(out: str, hook: str) -> str:
    """What pre-commit printed for one hook: from its `- hook id:` line to the next hook's name."""
    start = out.index(f"- hook id: {hook}\n")
    ends = [i for i in (out.find("awesomelint", start + 20), out.find("Passed", start + 20)) if i >= 0]
    return out[start : min(ends) if ends else len(out)]


def test_hooks(list_repo: Path) -> None:
    tidy = "# Clinical Data\n\n## ICU\n\n- [MIMIC](https://mimic.mit.edu/) - ICU records.\n- [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU data.\n"
    bad = "# Clinical Data\n\n## Archives\n\n- [PhysioNet](https://physionet.org/) - Signals.\n- [PhysioNet again](http://www.physionet.org) - Same page.\n"
    untidy = "Clinical Data\n=============\n\n## Cohorts\n* [UK Biobank](https://www.ukbiobank.ac.uk/) — Cohort data.   \n* [N3C](https://n3c.ncats.nih.gov/) - COVID-19 records.\n"
    (list_repo / "tidy.md").write_text(tidy, encoding="utf-8")
    (list_repo / "bad.md").write_text(bad, encoding="utf-8")
    (list_repo / "untidy.md").write_text(untidy, encoding="utf-8")

    r = try_repo(list_repo, "tidy.md", "bad.md", "untidy.md")
    assert r.returncode == 1, r.stdout + r.stderr
    lint, fmt = _hook_output(r.stdout, "awesomelint"), _hook_output(r.stdout, "awesomelint-fmt")
    found = [ln for ln in lint.splitlines() if ln.endswith(")") or ": AL" in ln]
    assert [ln.split(" ")[:2] for ln in found] == [["bad.md:6:21:", "AL201"]], r.stdout
    assert "files were modified by this hook" in fmt, r.stdout
    assert (list_repo / "tidy.md").read_text(encoding="utf-8") == tidy  # in form: not written
    assert (list_repo / "bad.md").read_text(encoding="utf-8") == bad
    fixed = (list_repo / "untidy.md").read_text(encoding="utf-8")
    assert fixed.startswith("# Clinical Data\n") and "- [UK Biobank](https://www.ukbiobank.ac.uk/) - Cohort data.\n" in fixed

    r = try_repo(list_repo, "tidy.md", "untidy.md")  # both hooks pass on a tidy list, and fmt's output is stable
    assert r.returncode == 0, r.stdout + r.stderr
