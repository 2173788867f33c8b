"""Inline suppressions.

Markdown and HTML::

    <!-- healthlint-disable spam-cta -- product page quoted on purpose -->
    ...
    <!-- healthlint-enable spam-cta -->
    <!-- healthlint-disable-next-line readability -- a quoted title -->

Plain text: a line ``healthlint-disable-file: check-id, other-id``. Ids may be check ids,
categories or prefixes; none (or ``all``) means every check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

COMMENT = re.compile(
    r"<!--\s*healthlint-(disable-next-line|disable|enable)\b(?P<ids>[^>]*?)"
    r"(?:\s--(?!>)\s*(?P<reason>(?:(?!-->).)*?))?\s*-->",
    re.S,
)
FILE_DIRECTIVE = re.compile(r"^[ \t]*healthlint-disable-file:(?P<ids>[^\n]*)$", re.M)


@dataclass
class Suppression:
    kind: str  # disable | disable-next-line | file
    ids: list[str]  # empty means all
    line: int  # where the directive is
    first_line: int
    last_line: int | None  # None: to the end of the file
    reason: str | None
    column: int = 1
    used: bool = False

    def covers(self, check_id: str, category: str, line: int | None) -> bool:
        if self.ids and not any(
            i in ("all", check_id, category) or check_id.startswith(i.rstrip("-") + "-") for i in self.ids
        ):
            return False
        if line is None:  # document-level: only whole-file suppressions apply
            return self.kind == "file" or (self.kind == "disable" and self.last_line is None)
        return self.first_line <= line and (self.last_line is None or line <= self.last_line)


@dataclass
class Suppressions:
    items: list[Suppression] = field(default_factory=list)

    def suppresses(self, check_id: str, category: str, line: int | None) -> bool:
        hit = False
        for item in self.items:
            if item.covers(check_id, category, line):
                item.used = True
                hit = True
        return hit

    def unused(self) -> list[Suppression]:
        return [s for s in self.items if not s.used]


def _ids(text: str) -> list[str]:
    return [t for t in re.split(r"[\s,]+", text.strip()) if t]


def _line_col(source: str, offset: int) -> tuple[int, int]:
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def parse_suppressions(source: str, fmt: str) -> Suppressions:
    items: list[Suppression] = []
    if fmt == "txt":
        for m in FILE_DIRECTIVE.finditer(source):
            line, col = _line_col(source, m.start())
            items.append(Suppression("file", _ids(m.group("ids")), line, 1, None, None, col))
        return Suppressions(items)
    if "healthlint-" not in source:
        return Suppressions(items)
    open_disables: list[Suppression] = []
    lines = source.split("\n")
    for m in COMMENT.finditer(source):
        kind = m.group(1)
        ids = _ids(m.group("ids") or "")
        reason = (m.group("reason") or "").strip() or None
        line, col = _line_col(source, m.start())
        end_line, _ = _line_col(source, m.end())
        if kind == "disable-next-line":
            target = end_line + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            items.append(Suppression(kind, ids, line, target, target, reason, col))
        elif kind == "disable":
            sup = Suppression(kind, ids, line, line, None, reason, col)
            open_disables.append(sup)
            items.append(sup)
        else:
            for sup in open_disables:
                if sup.last_line is None and (not ids or set(ids) & set(sup.ids) or not sup.ids):
                    sup.last_line = max(sup.first_line, line - 1)
            open_disables = [s for s in open_disables if s.last_line is None]
    return Suppressions(items)
