"""`awesomelint fmt`: canonical output, never a changed page, idempotent, atomic and faithful writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint import fmt as fmt_module
from awesomelint.errors import UnsafeFormatError
from awesomelint.fmt import format_checked, format_source
from awesomelint.source import SourceText, decode
from awesomelint.verify import same_page_for_fmt as same_page
from conftest import FIXTURES, corpus_param, fixture_param
from helpers import load
from test_cli import one_line_error, run


@fixture_param
def test_fmt_snapshot(path, file_regression):
    res = format_checked(load(path))
    file_regression.check(res.text + ("\n" if res.final_newline else ""), extension=".md", basename=f"fmt_{path.stem}")


@fixture_param
def test_fmt_is_idempotent_and_keeps_the_page(path):
    src = load(path)
    res = format_checked(src)
    assert same_page(src.text, res.text)
    again = format_source(SourceText(src.path, res.text, final_newline=res.final_newline))
    assert again.text == res.text


@corpus_param
def test_fmt_corpus_formats_or_refuses_clearly(path):
    src = load(path)
    try:
        res = format_checked(src)
    except UnsafeFormatError as err:
        assert str(path) in str(err) and "not written" in str(err)
        return
    assert same_page(src.text, res.text)


# -- generated lists ----------------------------------------------------------------------------
words = st.sampled_from(["MIMIC", "eICU", "HiRID", "OASIS", "ADNI", "data", "ICU", "notes", "imaging", "CT"])
bullets = st.sampled_from(["-", "*", "+"])
seps = st.sampled_from([" - ", " — ", ": ", " – ", " "])
trail = st.sampled_from(["", " ", "  ", "\t"])
indents = st.sampled_from(["  ", "    ", "\t", "   "])


@st.composite
def entry_lines(draw, bullet: str) -> list[str]:  # type: ignore[no-untyped-def]
    name = " ".join(draw(st.lists(words, min_size=1, max_size=3)))
    url = f"https://{draw(words).lower()}.org/{draw(st.integers(0, 99))}"
    desc = " ".join(draw(st.lists(words, min_size=0, max_size=5)))
    line = f"{bullet} [{name}]({url})" + (draw(seps) + desc.capitalize() + "." if desc else "") + draw(trail)
    out = [line]
    for _ in range(draw(st.integers(0, 2))):
        sub = f"https://{draw(words).lower()}.net/"
        out.append(f"{draw(indents)}{bullet} [{draw(words)}]({sub}){draw(trail)}")
    return out


@st.composite
def documents(draw) -> str:  # type: ignore[no-untyped-def]
    parts = [f"# {draw(words)} list", ""]
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(st.sampled_from(["## ", "### "])) + " ".join(draw(st.lists(words, min_size=1, max_size=3))))
        parts.extend([""] * draw(st.integers(0, 2)))
        bullet = draw(bullets)
        for _ in range(draw(st.integers(1, 4))):
            parts.extend(draw(entry_lines(bullet)))
        parts.extend([""] * draw(st.integers(0, 3)))
        if draw(st.booleans()):
            parts += ["| Name | Count |", "|---|---|", f"| [{draw(words)}](https://t.org) | {draw(st.integers(0, 9))}", ""]
    return "\n".join(parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.booleans(), st.booleans())
def test_property_fmt_idempotent_and_page_preserving(text, crlf, bom):
    data = text.replace("\n", "\r\n" if crlf else "\n").encode()
    src = decode((b"\xef\xbb\xbf" if bom else b"") + data, "gen.md")
    res = format_checked(src)  # raises if the page or the records would change
    assert same_page(src.text, res.text)
    again = format_source(SourceText("gen.md", res.text, final_newline=res.final_newline))
    assert not again.changed(SourceText("gen.md", res.text, final_newline=res.final_newline))


# -- the command ----------------------------------------------------------------------------------
@pytest.fixture
def untidy(tmp_path: Path) -> Path:
    p = tmp_path / "list.md"
    shutil.copy(Path(__file__).parent / "fixtures" / "dialect.md", p)
    return p


def test_check_and_diff_write_nothing(untidy):
    before = untidy.read_bytes()
    r = run("fmt", "--check", str(untidy))
    assert r.returncode == 1 and "would reformat" in r.stderr and str(untidy) in r.stderr
    r = run("fmt", "--diff", str(untidy))
    assert r.returncode == 1 and r.stdout.startswith("---") and "+## Imaging" in r.stdout
    assert untidy.read_bytes() == before


def test_fmt_writes_then_is_clean(untidy):
    os.chmod(untidy, 0o664)
    r = run("fmt", str(untidy))
    assert r.returncode == 0 and "reformatted" in r.stderr
    assert oct(os.stat(untidy).st_mode & 0o777) == oct(0o664)
    assert run("fmt", "--check", str(untidy)).returncode == 0
    assert run("lint", str(untidy), "--select", "AL5").returncode == 0


def test_canonical_file_is_not_touched(tmp_path):
    p = tmp_path / "tidy.md"
    shutil.copy(Path(__file__).parent / "fixtures" / "bullet.md", p)
    os.utime(p, (1_000_000, 1_000_000))
    assert run("fmt", str(p)).returncode == 0
    assert os.stat(p).st_mtime == 1_000_000


@pytest.mark.parametrize("newline,bom,final", [(b"\r\n", True, True), (b"\n", False, False), (b"\r\n", False, False)])
def test_line_endings_bom_are_kept(tmp_path, newline, bom, final):
    p = tmp_path / "l.md"
    text = newline.join([b"Title", b"=====", b"* [A](https://a.org) \xe2\x80\x94 A.", b"* [B](https://b.org) - B."])
    p.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text + (newline if final else b""))
    assert run("fmt", str(p)).returncode == 0
    out = p.read_bytes()
    assert out.startswith(b"\xef\xbb\xbf") == bom
    body = out.removeprefix(b"\xef\xbb\xbf")
    assert body.count(b"\r\n") == body.count(b"\n") if newline == b"\r\n" else b"\r" not in body
    assert body.endswith(newline)  # canonical form ends with a newline
    assert b"# Title" in body and b"- [A](https://a.org) - A." in body


def test_stdin_to_stdout():
    r = run("fmt", "-", stdin=b"* [A](https://a.org) - A.   \n")
    assert r.returncode == 0 and r.stdout == "- [A](https://a.org) - A.\n"


def test_unsafe_output_is_refused_and_file_untouched(tmp_path, monkeypatch):
    """A formatter bug that would change the page must be caught before writing."""
    p = tmp_path / "l.md"
    p.write_text("# T\n\n- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n", encoding="utf-8")
    before = p.read_bytes()

    def broken(out, lay, doc):  # type: ignore[no-untyped-def]
        out.set(3, out.get(3).replace("[A]", "[X]"))

    monkeypatch.setattr(fmt_module, "PASSES", fmt_module.PASSES + [("AL504", broken)])
    from awesomelint import api

    with pytest.raises(UnsafeFormatError, match="rendered page"):
        api.fmt(str(p))
    assert p.read_bytes() == before


def test_unreadable_and_binary_inputs(tmp_path):
    p = tmp_path / "bin.md"
    p.write_bytes(b"\x00\x01\x02")
    one_line_error(run("fmt", str(p)), "bin.md", "binary")
    assert p.read_bytes() == b"\x00\x01\x02"


def test_fixtures_cover_the_dialect_corners():
    text = (Path(__file__).parent / "fixtures" / "dialect.md").read_text(encoding="utf-8")
    for corner in ("====", "\n+ ", "1) ", "\t\t+", "(<http", "    <p>", "<details>", "\\|", "## Tables ##"):
        assert corner in text, corner
    assert len(FIXTURES) >= 7
