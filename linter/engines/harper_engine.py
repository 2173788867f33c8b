"""Harper (harper-py): offline, in-process grammar and spelling engine.

Building a `harper.Linter` compiles its dictionary (about a second), so each thread of a
process builds one and reuses it (a Linter is not thread-safe). Harper's spans are code
points of the linted str, the same unit as `Document.text` offsets: no conversion is needed.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from linter.engines import EngineIssue

if TYPE_CHECKING:
    import harper

ENGINE = "harper"
_local = threading.local()


def harper_linter() -> harper.Linter:
    """This thread's Harper linter, built on first use."""
    linter = getattr(_local, "linter", None)
    if linter is None:
        import harper

        linter = harper.Linter()
        _local.linter = linter
    return linter


def harper_issues(text: str) -> list[EngineIssue]:
    """Every lint Harper reports on plain text, in text order."""
    issues: list[EngineIssue] = []
    for lint in harper_linter().lint(text, language="plaintext"):
        suggestions = lint.suggestions
        replacement = suggestions[0].replacement_text if suggestions else None
        issues.append(
            EngineIssue(
                engine=ENGINE,
                start=lint.span.start,
                end=lint.span.end,
                category=lint.lint_kind,
                rule=lint.lint_kind,
                message=lint.message,
                suggestion=replacement or None,
            )
        )
    issues.sort(key=lambda i: (i.start, i.end, i.category))
    return issues
