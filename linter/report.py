"""ArticleReport and RunReport: what the runner produces and every writer reads."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from linter import __version__
from linter.findings import LocatedFinding, Severity

SCHEMA_VERSION = 1


@dataclass
class ArticleReport:
    path: str
    title: str | None = None
    language: str | None = None
    word_count: int = 0
    score: int | None = None
    metrics: dict[str, float] = field(default_factory=dict)
    findings: list[LocatedFinding] = field(default_factory=list)
    error: str | None = None  # an input error: the article could not be read
    # kept for reports that show findings in context; not serialised
    text: str = ""
    source: str = ""
    format: str = "txt"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path,
            "title": self.title,
            "language": self.language,
            "word_count": self.word_count,
            "score": self.score,
            "metrics": self.metrics,
            "findings": [f.to_json() for f in self.findings],
        }
        if self.error is not None:
            data["error"] = self.error
        return data

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


@dataclass
class RunReport:
    articles: list[ArticleReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each, for files that could not be read

    def summary(self) -> dict[str, Any]:
        by_category: Counter[str] = Counter()
        by_severity: Counter[str] = Counter()
        for article in self.articles:
            for f in article.findings:
                by_category[f.category] += 1
                by_severity[f.severity.label] += 1
        return {
            "articles": len(self.articles),
            "findings": sum(by_category.values()),
            "by_category": dict(sorted(by_category.items())),
            "by_severity": dict(sorted(by_severity.items())),
            "errors": len(self.errors),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "healthlint", "version": __version__},
            "articles": [a.to_json() for a in self.articles],
            "summary": self.summary(),
        }

    @property
    def has_internal_error(self) -> bool:
        return any(f.check == "internal-error" for a in self.articles for f in a.findings)
