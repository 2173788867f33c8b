"""Severities, categories and the Finding a check yields."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """Ordered so that a higher value is more serious."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


CATEGORIES: tuple[str, ...] = (
    "spam",
    "boilerplate",
    "language",
    "off-topic",
    "grammar",
    "medical-claim",
    "professional-advice",
    "duplication",
    "readability",
)


@dataclass(frozen=True)
class Finding:
    """A problem found by a check, located by offsets into ``Document.text``.

    ``start``/``end`` are a half-open span of the document text; both are None for a
    document-level finding. ``severity`` None means the check's configured severity.
    """

    check: str
    message: str
    start: int | None = None
    end: int | None = None
    severity: Severity | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class LocatedFinding:
    """A finding resolved to positions in the source file, as reports show it."""

    check: str
    category: str
    severity: Severity
    message: str
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None
    text: str | None
    suggestion: str | None
    # offsets kept for reports that show context; not part of the JSON contract
    start: int | None = None
    end: int | None = None

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line or 0, self.column or 0, self.check, self.message)

    def to_json(self) -> dict[str, object]:
        return {
            "check": self.check,
            "category": self.category,
            "severity": self.severity.label,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "suggestion": self.suggestion,
        }
