"""Output formats for diagnostics: text, json, github (workflow annotations), sarif 2.1.0."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from awesomelint import __version__
from awesomelint.errors import printable
from awesomelint.lint.engine import Diagnostic


def text(diags: list[Diagnostic], files: int) -> str:
    lines = [
        printable(f"{d.path}:{d.line}:{d.column}: {d.code}{' warning' if d.severity == 'warning' else ''} {d.message}") + (" [*]" if d.fixable else "")
        for d in diags
    ]
    if diags:
        fixable = sum(1 for d in diags if d.fixable)
        warnings = sum(1 for d in diags if d.severity == "warning")
        summary = f"Found {len(diags)} problem{'s' if len(diags) != 1 else ''} in {files} file{'s' if files != 1 else ''}"
        if warnings:
            summary += f" ({len(diags) - warnings} error{'s' if len(diags) - warnings != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''})"
        if fixable:
            summary += f" ({fixable} fixable with --fix)"
        lines.append(summary + ".")
    else:
        lines.append(f"All checks passed ({files} file{'s' if files != 1 else ''}).")
    return "\n".join(lines) + "\n"


_LINE = re.compile(r"^(?P<where>\S.*?:\d+:\d+:) (?P<code>[A-Z]+\d+)(?P<warn> warning)? (?P<rest>.*?)(?P<fix> \[\*\])?$")


def colourise(report: str) -> str:
    """The text report with ANSI colours: the place in bold, error codes red, warnings yellow,
    the fixable mark cyan. Only our own parts are coloured; messages are printed as they were."""
    out = []
    for line in report.splitlines(keepends=True):
        m = _LINE.match(line.rstrip("\n"))
        if m is None:
            out.append(line)
            continue
        colour = "33" if m.group("warn") else "31"
        fix = "\x1b[36m [*]\x1b[0m" if m.group("fix") else ""
        out.append(f"\x1b[1m{m.group('where')}\x1b[0m \x1b[{colour}m{m.group('code')}{m.group('warn') or ''}\x1b[0m {m.group('rest')}{fix}\n")
    return "".join(out)


def statistics(diags: list[Diagnostic], files: int) -> str:
    """One line per rule, most problems first: `  12  AL201  duplicate-url [*]`, then the summary."""
    counts: dict[tuple[str, str], int] = {}
    fixable: set[str] = set()
    for d in diags:
        counts[d.code, d.name] = counts.get((d.code, d.name), 0) + 1
        if d.fixable:
            fixable.add(d.code)
    width = len(str(max(counts.values(), default=0)))
    lines = [
        f"{n:>{width}}  {code}  {name}" + (" [*]" if code in fixable else "") for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    summary = text(diags, files).splitlines()[-1]
    return "\n".join([*lines, summary]) + "\n"


def as_dict(d: Diagnostic) -> dict[str, Any]:
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "name": d.name,
        "message": d.message,
        "severity": d.severity,
        "fixable": d.fixable,
    }


def json_format(diags: list[Diagnostic], files: int) -> str:
    import json  # (only the JSON-based formats need it: a text report does not load it)

    return json.dumps([as_dict(d) for d in diags], ensure_ascii=False, indent=2) + "\n"


def _gh_escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return printable(s)


def github(diags: list[Diagnostic], files: int) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for d in diags:
        out.append(
            f"::{level[d.severity]} file={_gh_escape(d.path, True)},line={d.line},col={d.column},"
            f"title={_gh_escape(d.code + ' ' + d.name, True)}::{_gh_escape(d.message)}"
        )
    return "\n".join(out) + ("\n" if out else "")


def sarif(diags: list[Diagnostic], files: int) -> str:
    from awesomelint.lint.engine import all_rules

    rules = all_rules()
    used = sorted({d.code for d in diags})
    index = {code: i for i, code in enumerate(used)}
    level = {"error": "error", "warning": "warning", "info": "note"}
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "awesomelint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/awesomelint/",
                        "rules": [
                            {
                                "id": code,
                                "name": rules[code].name,
                                "shortDescription": {"text": rules[code].summary},
                                "fullDescription": {"text": rules[code].doc},
                                "defaultConfiguration": {"level": level[rules[code].severity]},
                            }
                            for code in used
                        ],
                    }
                },
                "results": [
                    {
                        "ruleId": d.code,
                        "ruleIndex": index[d.code],
                        "level": level[d.severity],
                        "message": {"text": d.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": d.path.replace("\\", "/")},
                                    "region": {"startLine": d.line, "startColumn": d.column},
                                }
                            }
                        ],
                    }
                    for d in diags
                ],
            }
        ],
    }
    import json

    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def junit(diags: list[Diagnostic], files: int) -> str:
    """JUnit XML (CI test reports): a test suite per file, a failed test case per problem."""
    from xml.sax.saxutils import escape, quoteattr

    by_path: dict[str, list[Diagnostic]] = {}
    for d in diags:
        by_path.setdefault(d.path, []).append(d)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<testsuites name="awesomelint" tests="{len(diags)}" failures="{len(diags)}">']
    for path, group in by_path.items():
        out.append(f"  <testsuite name={quoteattr(path)} tests={quoteattr(str(len(group)))} failures={quoteattr(str(len(group)))}>")
        for d in group:
            name = quoteattr(f"{d.code} line {d.line} column {d.column}")
            message = quoteattr(printable(d.message))
            out.append(f"    <testcase name={name} classname={quoteattr(path)}>")
            out.append(
                f"      <failure message={message} type={quoteattr(d.code)}>{escape(printable(f'{d.path}:{d.line}:{d.column}: {d.code} {d.message}'))}</failure>"
            )
            out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def gitlab(diags: list[Diagnostic], files: int) -> str:
    """GitLab Code Quality JSON: one issue per problem, with a fingerprint stable across runs."""
    import hashlib

    issues = []
    for d in diags:
        fingerprint = hashlib.sha256(f"{d.path}\0{d.code}\0{d.line}\0{d.message}".encode()).hexdigest()
        issues.append(
            {
                "description": f"{d.code} {d.message}",
                "check_name": d.code,
                "fingerprint": fingerprint,
                "severity": "minor" if d.severity == "warning" else "major",
                "location": {"path": d.path, "lines": {"begin": d.line}},
            }
        )
    import json

    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Callable[[list[Diagnostic], int], str]] = {
    "text": text,
    "json": json_format,
    "github": github,
    "sarif": sarif,
    "junit": junit,
    "gitlab": gitlab,
}
