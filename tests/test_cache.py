"""The result cache and parallel linting give the same answers as a cold, serial run."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from awesomelint.lint import run as run_module
from awesomelint.lint.run import ConfigCache, lint_sources
from awesomelint.source import decode
from test_cli import run

BAD = "# T\n\n- [A](https://a.org) - A.\n- [A2](https://a.org/) - again.\n* [B](https://b.org) - B.\n"


def report(tmp_path: Path, *extra: str) -> list[dict]:  # type: ignore[type-arg]
    """The run's findings from the per-file cache: the answer a whole identical run left (see
    `awesomelint.warm`, tested in test_warm) is forgotten first."""
    import shutil

    from awesomelint.cachedir import SignedStore

    shutil.rmtree(SignedStore(tmp_path, "runs").dir, ignore_errors=True)
    r = run("lint", "list.md", "--format", "json", *extra, cwd=tmp_path)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)


def cache_files(tmp_path: Path) -> list[Path]:
    """The per-file lint results of the project at `tmp_path` (not url lists, cross-file results,
    nor which entries each file's last version has)."""
    from awesomelint.cachedir import SignedStore

    files = SignedStore(tmp_path, "lint").dir.glob("*/*.signed")
    return sorted(f for f in files if not f.name.endswith(".urls.signed") and not f.name.startswith(("p", "v")))


def test_warm_run_reports_the_same(tmp_path):
    (tmp_path / "list.md").write_text(BAD, encoding="utf-8")
    cold = report(tmp_path)
    assert len(cache_files(tmp_path)) == 1
    assert report(tmp_path) == cold  # from the cache
    assert not (tmp_path / ".awesomelint_cache").exists()  # nothing is written into the work tree


def test_changes_invalidate(tmp_path):
    p = tmp_path / "list.md"
    p.write_text(BAD, encoding="utf-8")
    report(tmp_path)
    p.write_text(BAD.replace("a.org/", "c.org/"), encoding="utf-8")  # content
    assert not any(d["code"] == "AL201" for d in report(tmp_path))
    (tmp_path / ".awesomelint.toml").write_text('ignore = ["AL501"]\n', encoding="utf-8")  # config
    assert not any(d["code"] == "AL501" for d in report(tmp_path))
    assert len(cache_files(tmp_path)) == 2  # the first version's result gave way to the second's


def test_corrupt_cache_is_ignored(tmp_path):
    (tmp_path / "list.md").write_text(BAD, encoding="utf-8")
    cold = report(tmp_path)
    for f in cache_files(tmp_path):
        f.write_text("{not json", encoding="utf-8")
    assert report(tmp_path) == cold


def test_no_cache_writes_nothing(tmp_path):
    (tmp_path / "list.md").write_text(BAD, encoding="utf-8")
    report(tmp_path, "--no-cache")
    assert not cache_files(tmp_path)


def _forge(folder: Path, key: str, data: object) -> None:
    """What an attacker can commit: the old layout, and the new one with a made-up signature."""
    (folder / key[:2]).mkdir(parents=True, exist_ok=True)
    (folder / key[:2] / f"{key}.json").write_text(json.dumps(data), encoding="utf-8")


def test_cache_committed_to_the_repository_is_not_believed(tmp_path):
    from awesomelint.lint.run import ResultCache

    (tmp_path / "list.md").write_text(BAD, encoding="utf-8")
    cold = report(tmp_path, "--no-cache")
    assert cold
    src = decode(BAD.encode(), "list.md")
    cfg = ConfigCache().for_path(str(tmp_path / "list.md"))
    key = ResultCache.key(src, cfg.enabled("list.md"), cfg.cache_key())
    empty = {"diags": [], "suppressions": [], "enabled": sorted(cfg.enabled("list.md"))}
    _forge(tmp_path / ".awesomelint_cache", key, empty)  # the old in-repo layout
    _forge(tmp_path / ".awesomelint_cache", key + ".urls", [])
    assert report(tmp_path) == cold


def test_forged_and_tampered_entries_are_dropped(tmp_path):
    (tmp_path / "list.md").write_text(BAD + "- [](https://d.org) - D.\n", encoding="utf-8")
    cold = report(tmp_path)
    assert sorted(d["code"] for d in cold) == ["AL102", "AL201"]
    [entry] = cache_files(tmp_path)
    mac, _, payload = entry.read_bytes().partition(b"\n")
    data = json.loads(payload)
    data["diags"] = []
    # tampered: the data changed, the signature kept
    forged = json.dumps(data).encode()
    entry.write_bytes(mac + b"\n" + forged)
    assert report(tmp_path) == cold
    # forged: the data changed and signed, as we sign, with a key of the attacker's
    import hashlib

    mac = hashlib.blake2b(b"2\0" + entry.stem.encode() + b"\0" + forged, key=b"k" * 32, digest_size=32).hexdigest().encode()
    entry.write_bytes(mac + b"\n" + forged)
    assert report(tmp_path) == cold
    # the same entry signed with this user's key is believed: what was checked is the signature
    import os

    key = (Path(os.environ["AWESOMELINT_CACHE_DIR"]) / "key").read_bytes()
    mac = hashlib.blake2b(b"2\0" + entry.stem.encode() + b"\0" + forged, key=key, digest_size=32).hexdigest().encode()
    entry.write_bytes(mac + b"\n" + forged)
    assert [d["code"] for d in report(tmp_path)] == ["AL201"]  # the file's own findings are gone


def test_a_key_others_could_write_disables_the_cache(tmp_path, monkeypatch):
    """A key file checked out by git (mode 0644) is not a key only this user could have made."""
    root = tmp_path / "cache"
    root.mkdir()
    (root / "key").write_bytes(b"k" * 32)
    (root / "key").chmod(0o644)
    monkeypatch.setenv("AWESOMELINT_CACHE_DIR", str(root))
    from awesomelint.cachedir import SignedStore

    store = SignedStore(tmp_path, "lint")
    assert not store.enabled
    store.put("abc", {"x": 1})
    assert store.get("abc") is None


def test_symlinked_cache_folder_is_not_written_through(tmp_path, monkeypatch):
    outside = tmp_path / "outside"
    outside.mkdir()
    project = tmp_path / "project"
    project.mkdir()
    (project / "list.md").write_text(BAD, encoding="utf-8")
    (project / ".awesomelint_cache").symlink_to(outside)  # the old in-repo folder, as a symlink
    from awesomelint.cachedir import SignedStore

    # and the project's folder in the user cache replaced by a symlink
    store_dir = SignedStore(project, "lint").dir
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    if store_dir.exists():
        import shutil

        shutil.rmtree(store_dir)
    store_dir.symlink_to(outside, target_is_directory=True)
    first = report(project)
    assert report(project) == first
    assert list(outside.iterdir()) == []


def test_concurrent_runs(tmp_path):
    (tmp_path / "list.md").write_text(BAD, encoding="utf-8")
    cmd = [sys.executable, "-m", "awesomelint", "lint", "list.md", "--format", "json"]
    with ThreadPoolExecutor(4) as pool:
        outs = list(pool.map(lambda _: subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True), range(6)))
    assert len({o.stdout for o in outs}) == 1 and all(o.returncode == 1 for o in outs)
    assert not list((tmp_path / ".awesomelint_cache").glob("*/*.tmp"))


def test_duplicates_across_files_with_some_cached(tmp_path):
    (tmp_path / "a.md").write_text("# A\n\n- [X](https://x.org) - x.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# B\n\n- [Y](https://y.org) - y.\n", encoding="utf-8")
    run("lint", "a.md", "b.md", cwd=tmp_path)
    (tmp_path / "b.md").write_text("# B\n\n- [X again](https://x.org/) - x.\n", encoding="utf-8")
    r = run("lint", "a.md", "b.md", cwd=tmp_path)  # a.md comes from the cache
    assert "b.md:3:" in r.stdout and "AL201" in r.stdout and "a.md:3" in r.stdout


def test_parallel_equals_serial(monkeypatch):
    sources = [decode((BAD + f"- [Z{i}](https://z.org/{i % 3}) - z.\n").encode(), f"f{i}.md") for i in range(6)]
    serial, _ = lint_sources(sources, ConfigCache())
    monkeypatch.setattr(run_module, "PARALLEL_MIN_BYTES", 0)
    parallel, _ = lint_sources(sources, ConfigCache())
    assert [(d.path, d.line, d.code, d.message) for d in parallel] == [(d.path, d.line, d.code, d.message) for d in serial]


def test_a_warm_run_does_not_load_the_parser(tmp_path):
    """A warm run answers from the cache: mistune and our parser are never imported."""
    (tmp_path / "list.md").write_text(BAD, encoding="utf-8")
    report(tmp_path)  # cold: fills the cache
    code = (
        "import sys; sys.argv = ['awesomelint', 'lint', '--exit-zero', 'list.md']\n"
        "from awesomelint.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('mistune', 'awesomelint.parse.blocks', 'awesomelint.parse.records', 'awesomelint.parse.inline', 'awesomelint.parse.shapes')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert "AL201" in r.stdout, r.stdout + r.stderr  # the same findings, from the cache
    assert r.stderr.strip().splitlines()[-1] == "[]", r.stderr


def _big_list() -> str:
    sections = []
    for i in range(60):
        items = "\n".join(f"- [Item {i}-{j}](https://example.org/{i}/{j}) - Entry {j} of section {i}." for j in range(12))
        sections.append(f"## Section {i}\n\n{items}\n")
    toc = "\n".join(f"- [Section {i}](#section-{i})" for i in range(60))
    return f"# Awesome Parts\n\n## Contents\n\n{toc}\n\n" + "\n".join(sections)


def test_an_edit_is_read_by_parts_and_reports_the_same(tmp_path):
    """After an edit, the parts the edit did not touch come from the cache (lint/parts.py); the
    report is the cold run's, across parts too (a duplicate url, the table of contents)."""
    from awesomelint.cachedir import SignedStore

    p = tmp_path / "list.md"
    text = _big_list()
    p.write_text(text, encoding="utf-8")
    assert report(tmp_path) == report(tmp_path, "--no-cache")
    parts = SignedStore(tmp_path, "parts").dir
    assert len(list(parts.glob("*/*.signed"))) == 1  # a first run reads the file whole (and notes it was here)
    p.write_text(text.replace("Entry 5 of section 40.", "Entry five of section 40."), encoding="utf-8")
    assert report(tmp_path) == report(tmp_path, "--no-cache")  # its next version: by parts
    stored = set(parts.glob("*/*.signed"))
    assert len(stored) >= 3
    edited = text.replace("[Item 25-3](https://example.org/25/3)", "[Item 2-3](https://example.org/2/3)").replace("## Section 17\n", "## Section Seventeen\n")
    p.write_text(edited, encoding="utf-8")
    warm = report(tmp_path)
    assert warm == report(tmp_path, "--no-cache")
    assert {d["code"] for d in warm} >= {"AL201", "AL403", "AL404"}
    new = set(SignedStore(tmp_path, "parts").dir.glob("*/*.signed")) - stored
    assert 1 <= len(new) < len(stored)  # only the parts the edit touched were read again


def test_the_cache_keeps_one_version_of_a_file(tmp_path):
    """An editor that lints on every save: each version's whole-file result and its new parts
    replace the last version's, so the cache stays the size of one version (plus the one marker
    and the two lists of what the file's last version has)."""
    from awesomelint.cachedir import SignedStore

    p = tmp_path / "list.md"
    text = _big_list()
    counts = []
    for n in range(6):
        p.write_text(text.replace("Entry 5 of section 40.", f"Entry 5 of section 40, saved {n} times."), encoding="utf-8")
        assert report(tmp_path) == report(tmp_path, "--no-cache")
        counts.append(sum(len(list(SignedStore(tmp_path, kind).dir.glob("*/*.signed"))) for kind in ("lint", "parts")))
    assert counts[2] == counts[3] == counts[4] == counts[5], counts
    assert counts[2] > counts[0]  # the parts came with the second version


def test_supersede_deletes_only_entries_of_its_own_store(tmp_path):
    """Even a pointer that verifies cannot name a file outside the store: names are checked."""
    import os

    from awesomelint.cachedir import SignedStore

    store = SignedStore(tmp_path, "parts")
    outside = Path(os.path.normpath(store._file("../lint/keep")))  # where that name would lead
    outside.parent.mkdir(parents=True, exist_ok=True)
    outside.write_text("x", encoding="utf-8")
    store.put("sa1", 1)
    store.put("sb2", 2)
    store.put(store.pointer("slot"), ["sa1", "../lint/keep", "/etc/passwd", "sb2"])
    store.supersede("slot", ["sb2"])
    assert store.get("sa1") is None and store.get("sb2") == 2
    assert outside.exists()


RELATIVE = "# L\n\n## A\n\n" + "".join(f"- [N{i}](https://n{i}.org) - Entry {i}.\n" for i in range(5)) + "- [Guide](docs/guide) - Our guide.\n"


def test_a_result_that_read_the_file_system_is_read_again_when_it_changes(tmp_path):
    """AL108 leaves alone a relative url whose target exists beside the list: the answer depends
    on files other than the list, and a cached answer must not outlive them."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "list.md").write_text(RELATIVE, encoding="utf-8")
    assert [d["code"] for d in report(tmp_path)] == ["AL108"]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide").write_text("the guide\n", encoding="utf-8")
    assert report(tmp_path) == report(tmp_path, "--no-cache") == []
    (tmp_path / "docs" / "guide").unlink()
    assert [d["code"] for d in report(tmp_path)] == ["AL108"]


def test_projects_not_written_for_a_month_lose_their_cache(tmp_path, monkeypatch):
    """A project deleted, moved or no longer linted does not keep its cache for ever: checked
    once a day, a project with no entry written in 30 days is removed; the others stay."""
    import os
    import time

    from awesomelint import cachedir
    from awesomelint.cachedir import SignedStore

    monkeypatch.setenv("AWESOMELINT_CACHE_DIR", str(tmp_path / "cache"))
    projects = str(tmp_path / "cache" / "projects")
    day = 86_400

    def store(name: str, age_days: float) -> SignedStore:
        s = SignedStore(tmp_path / name, "lint")
        s.put("abc", 1)
        then = time.time() - age_days * day
        os.utime(s.dir.parent, (then, then))  # its last write, `age_days` ago
        return s

    gone, kept = store("gone", 29), store("kept", 0)
    later = time.time() + 2 * day  # the first look is made now; the next a day on at the earliest
    cachedir.prune(projects, now=later)
    assert not gone.dir.exists() and kept.get("abc") == 1
    again = store("again", 40)
    cachedir.prune(projects, now=later + 3600)  # the same day: not looked at again
    assert again.get("abc") == 1
    cachedir.prune(projects, now=later + 1.5 * day)
    assert not again.dir.exists() and kept.get("abc") == 1
