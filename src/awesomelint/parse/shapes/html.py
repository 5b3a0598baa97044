"""HTML descriptions: `<p>` blocks under a linked name; the first, and those after the sub-list.

- [SemEval](https://semeval.github.io/)
    <p>Clinical tracks of a yearly evaluation series.</p>
    - [Task 14 of 2015](https://alt.qcri.org/semeval2015/task14/)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


_HTML_P = re.compile(r"^\s*<p>(.*)</p>\s*$", re.S)


def html_paragraph(raw: str) -> str | None:
    """The text of a one-paragraph `<p>…</p>` block (not empty, no nested `<p>`, no blank line)."""
    m = _HTML_P.match(raw)
    if m is None or not m.group(1).strip() or "<p" in m.group(1) or "\n\n" in m.group(1):
        return None
    return m.group(1)
