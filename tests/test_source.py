"""Reading and writing: BOM, line endings, final newline, front matter, atomic writes."""

from __future__ import annotations

import os

import pytest

from awesomelint.errors import InputError
from awesomelint.source import decode, encode, read_source, split_front_matter, write_atomic


@pytest.mark.parametrize(
    "data",
    [b"# T\n- x\n", b"# T\r\n- x\r\n", b"\xef\xbb\xbf# T\n- x", b"\xef\xbb\xbf# T\r\n- x\r\n", b"", b"x"],
)
def test_decode_encode_round_trip(data):
    src = decode(data, "f.md")
    assert "\r" not in src.text and not src.text.startswith("\ufeff")
    assert encode(src.text, src) == data


def test_bom_first_heading_is_a_heading():
    from awesomelint.parse import parse_source

    doc = parse_source(decode(b"\xef\xbb\xbf# Title\n\n- [A](https://a.org)\n", "f.md"))
    assert doc.title == "Title"


def test_invalid_utf8_names_the_offset():
    with pytest.raises(InputError, match=r"f.md: not valid UTF-8 \(byte 0xff at offset 2\)"):
        decode(b"ab\xffcd", "f.md")


def test_read_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "missing.md")
    with pytest.raises(InputError, match="directory"):
        read_source(tmp_path)


def test_front_matter_only_when_it_is_a_mapping():
    assert split_front_matter("---\ntitle: x\nlayout: y\n---\n# H") == ("---\ntitle: x\nlayout: y\n---", 4)
    assert split_front_matter("---\n- a list\n---\n") == (None, 0)
    assert split_front_matter("---\nplain text\n---\n") == (None, 0)
    assert split_front_matter("# no front matter\n") == (None, 0)


def test_write_atomic_keeps_mode(tmp_path):
    p = tmp_path / "list.md"
    p.write_text("old", encoding="utf-8")
    os.chmod(p, 0o640)
    write_atomic(p, b"new")
    assert p.read_bytes() == b"new"
    assert oct(os.stat(p).st_mode & 0o777) == oct(0o640)
    assert os.listdir(tmp_path) == ["list.md"]
