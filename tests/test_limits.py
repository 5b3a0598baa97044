"""Loaders have limits, and every bad input is one line naming the file, exit 2, no traceback."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from test_cli import run

TIDY = "# T\n\n- [A](https://a.org) - A.\n"


def alias_bomb() -> str:
    """Ten aliases wide and nine deep inside `attributes`: 10^9 values once expanded."""
    lines = ["awesomelint: 1", "title: T", "bomb:", "  a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    lines += [
        "sections:",
        "- title: S",
        "  level: 2",
        "  content:",
        "  - list:",
        "      style: bullet",
        "      entries:",
        "      - name: A",
        "        url: https://a.org",
        "        attributes:",
        "          boom: *a9",
    ]
    return "\n".join(lines) + "\n"


def one_line_error(r, *needles: str) -> None:  # type: ignore[no-untyped-def]
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    for n in needles:
        assert n in lines[0], lines[0]


@pytest.mark.parametrize("command", [["convert", "bomb.yaml"], ["render", "bomb.yaml"], ["merge", "bomb.yaml"], ["lint", "--no-cache", "bomb.yaml"]])
def test_yaml_alias_bomb_is_refused(tmp_path, command):
    (tmp_path / "bomb.yaml").write_text(alias_bomb(), encoding="utf-8")
    r = run(*command, cwd=tmp_path)
    one_line_error(r, "bomb.yaml", "alias")


def test_a_few_aliases_still_load(tmp_path):
    text = alias_bomb().split("bomb:")[0] + "shared: &s {kind: open}\n" + alias_bomb().split("\n", 13)[-1].replace("boom: *a9", "boom: *s")
    (tmp_path / "ok.yaml").write_text(text, encoding="utf-8")
    r = run("render", "ok.yaml", cwd=tmp_path)
    assert r.returncode == 0, r.stderr


def test_deep_json_is_one_line(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    one_line_error(run("convert", "deep.json", cwd=tmp_path), "deep.json", "nested too deeply")


def test_deep_toml_config_is_one_line(tmp_path):
    (tmp_path / "list.md").write_text(TIDY, encoding="utf-8")
    (tmp_path / ".awesomelint.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    one_line_error(run("lint", "list.md", cwd=tmp_path), ".awesomelint.toml")


@pytest.mark.parametrize(
    "config,needle",
    [
        ("exclude = [1]", "exclude"),
        ('[links]\nalive = ["x"]', "links.alive"),
        ('[links]\nskip = ["("]', "links.skip"),
        ('[links]\nhost-timeouts = "slow"', "links.host-timeouts"),
        ('[links]\nhost-timeouts = {"a.org" = "x"}', "links.host-timeouts"),
        ("[links]\ntimeout = -1", "links.timeout"),
        ("severity = {AL201 = 3}", "severity"),
        ('per-file-ignores = {"*.md" = "AL201"}', "per-file-ignores"),
        ("[schema]\nallowed-values = {x = [{}]}", "allowed-values"),
    ],
)
def test_bad_config_types_are_one_line(tmp_path, config, needle):
    (tmp_path / "list.md").write_text(TIDY, encoding="utf-8")
    (tmp_path / ".awesomelint.toml").write_text(config + "\n", encoding="utf-8")
    for command in (["lint", "--no-cache", "list.md"], ["links", "--no-cache", "list.md"]):
        one_line_error(run(*command, cwd=tmp_path), ".awesomelint.toml", needle)


def test_bad_skip_pattern_on_the_command_line(tmp_path):
    (tmp_path / "list.md").write_text(TIDY, encoding="utf-8")
    one_line_error(run("links", "--no-cache", "--skip", "(", "list.md", cwd=tmp_path), "--skip")


def test_non_utf8_parent_pyproject_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b'[project]\nname = "x\xff"\n')
    sub = tmp_path / "docs"
    sub.mkdir()
    (sub / "list.md").write_text(TIDY, encoding="utf-8")
    r = run("lint", "--no-cache", "list.md", cwd=sub)
    assert r.returncode == 0, r.stderr
    assert "warning" in r.stderr and "pyproject.toml" in r.stderr and "UTF-8" in r.stderr


def test_non_utf8_config_in_force_is_an_error(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.awesomelint]\nignore = ["AL5\xff"]\n')
    (tmp_path / "list.md").write_text(TIDY, encoding="utf-8")
    one_line_error(run("lint", "--no-cache", "list.md", cwd=tmp_path), "pyproject.toml", "UTF-8")


# -- the alias pre-check: a text it lets through holds no alias ------------------------------
ALIASED = [
    "a: &x [1, 2]\nb: *x\n",
    "a: &x 1\nb:\n  *x\n",
    "- &x 1\n- *x\n",
    "- - &x 1\n  - *x\n",
    "a: &x 1\nb: [*x, *x]\n",
    "a: &x 1\nb: [1,*x]\n",
    "a: &x 1\nb: {c: *x}\n",
    'a: &x 1\nb: {"c":*x}\n',
    "a: &x 1\n? *x\n: v\n",
    "a: &x 1\n*x : v\n",
    "--- *x\n",
    "--- [&x 1, *x]\n",
    "&x a: 1\nb: *x\n",
    "a: &x 1\nb: [\n  1,\n  *x\n]\n",
    "a: &x 1\nb: # note\n  *x\n",
    "a: &x 1\nb: [ *x ]\n",
]


def _has_alias(text: str) -> bool:
    """ruamel's own reading: does the text hold an alias event?"""
    from ruamel.yaml import YAML
    from ruamel.yaml.events import AliasEvent

    return any(isinstance(e, AliasEvent) for e in YAML(typ="safe", pure=True).parse(text))


@pytest.mark.parametrize("text", ALIASED)
def test_the_alias_pre_check_finds_every_alias(text: str) -> None:
    from awesomelint.yamlio import _MAY_HOLD_AN_ALIAS

    assert _has_alias(text)
    assert _MAY_HOLD_AN_ALIAS.search(text), text


_YAML_BITS = st.lists(
    st.sampled_from(["a", ":", " ", "\n", "  ", "-", "&x", "*x", "[", "]", "{", "}", ",", "?", "#", '"', "*", "**b**", "\t", "---", "|"]), max_size=14
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_YAML_BITS)
def test_the_alias_pre_check_finds_every_alias_in_random_yaml(text: str) -> None:
    from awesomelint.yamlio import _MAY_HOLD_AN_ALIAS

    try:
        aliased = _has_alias(text)
    except Exception:
        return  # not YAML: never loaded
    if aliased:
        assert _MAY_HOLD_AN_ALIAS.search(text), text


def test_the_resolver_asked_once_reads_as_ruamel_s() -> None:
    """Our resolver (the version asked once) and ruamel's own give the same data: YAML 1.2
    scalars, and each corpus list as we write it in YAML."""
    from ruamel.yaml import YAML

    from awesomelint.api import load
    from awesomelint.yamlio import _yaml, dump_yaml, to_data

    scalars = "\n".join(
        f"k{i}: {v}"
        for i, v in enumerate(["yes", "no", "on", "off", "0o17", "017", "1_000", "~", "null", "2001-12-14", ".inf", "-.5", "0x1F", "True", "1e3", "a: b"[:1]])
    )
    texts = [scalars + "\n", "%YAML 1.1\n---\nk: yes\n"]
    texts += [dump_yaml(to_data(load(str(p)).doc)) for p in CORPUS[:3]]
    for text in texts:
        assert _yaml().load(text) == YAML(typ="safe", pure=False).load(text)
