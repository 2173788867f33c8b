"""Merging the issues of several engines: one finding per problem, naming every engine that saw it."""

from __future__ import annotations

from dataclasses import dataclass

from linter.findings import Severity

# Whose message to keep when engines agree: the project's rules are written for the reader,
# LanguageTool's messages explain more than Harper's.
CLARITY = {"rules": 0, "languagetool": 1, "harper": 2}


@dataclass(frozen=True)
class Judged:
    """An engine issue with the check's verdict: its group and severity."""

    engine: str
    start: int
    end: int
    group: str  # "grammar", "spelling" or "style"
    severity: Severity
    message: str
    suggestion: str | None


@dataclass(frozen=True)
class Merged:
    start: int
    end: int
    group: str
    severity: Severity
    message: str
    suggestion: str | None
    engines: tuple[str, ...]


def _overlap(a: Judged, b: Judged) -> bool:
    if (a.start, a.end) == (b.start, b.end):
        return True
    return a.group == b.group and a.start < b.end and b.start < a.end


def merge(issues: list[Judged]) -> list[Merged]:
    """Group overlapping issues of the same group (or the same span) into one finding each."""
    ordered = sorted(issues, key=lambda i: (i.start, i.end, CLARITY.get(i.engine, 9), i.message))
    groups: list[list[Judged]] = []
    open_groups: list[list[Judged]] = []  # groups that still reach past the current start
    for issue in ordered:
        open_groups = [g for g in open_groups if max(i.end for i in g) > issue.start or
                       any((i.start, i.end) == (issue.start, issue.end) for i in g)]
        for group in open_groups:
            if any(_overlap(issue, other) for other in group):
                group.append(issue)
                break
        else:
            groups.append([issue])
            open_groups.append(groups[-1])
    merged: list[Merged] = []
    for group in groups:
        best = min(group, key=lambda i: (CLARITY.get(i.engine, 9), -(i.end - i.start), i.start, i.message))
        merged.append(
            Merged(
                start=best.start,
                end=best.end,
                group="grammar" if any(i.group == "grammar" for i in group) else best.group,
                severity=max(i.severity for i in group),
                message=best.message,
                suggestion=best.suggestion or next((i.suggestion for i in group if i.suggestion), None),
                engines=tuple(sorted({i.engine for i in group}, key=lambda e: (CLARITY.get(e, 9), e))),
            )
        )
    merged.sort(key=lambda m: (m.start, m.end, m.message))
    return merged
