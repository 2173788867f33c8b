"""Totals of an audit, built by streaming findings.jsonl once (so memory stays bounded).

Everything here depends only on the set of lines, never on their order, so a resumed or
parallel audit gives the same summary as a single straight run.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

WORST_ARTICLES = 20
ERROR_EXAMPLES = 200
PHRASES_SHOWN = 30
PHRASES_KEPT = 100_000  # distinct phrases counted before the rarest are pruned
SPACE = re.compile(r"\s+")


def phrase(text: str) -> str:
    return SPACE.sub(" ", text).strip().lower()[:80]


class SummaryBuilder:
    def __init__(self, table_rows: int = 5000) -> None:
        self.table_rows = table_rows
        self.articles = 0
        self.errors = 0
        self.words = 0
        self.by_category: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()
        self.by_check: Counter[str] = Counter()
        self.scores: Counter[int] = Counter()
        self.phrases: Counter[tuple[str, str]] = Counter()
        self._rows = Smallest(table_rows)  # the lowest scores
        self._errors = Smallest(ERROR_EXAMPLES)  # the first by path

    def add(self, line: dict[str, Any]) -> None:
        path = str(line.get("path") or line.get("key") or "")
        if line.get("error"):
            self.errors += 1
            self._errors.offer((path, str(line["error"])), {"path": path, "error": str(line["error"])})
            return
        self.articles += 1
        self.words += int(line.get("word_count") or 0)
        findings = line.get("findings") or []
        severities: Counter[str] = Counter()
        categories: Counter[str] = Counter()
        for f in findings:
            self.by_category[f["category"]] += 1
            self.by_severity[f["severity"]] += 1
            self.by_check[f["check"]] += 1
            severities[f["severity"]] += 1
            categories[f["category"]] += 1
            if f.get("text"):
                self.phrases[(f["check"], phrase(f["text"]))] += 1
        if len(self.phrases) > PHRASES_KEPT:
            self.phrases = Counter(dict(self.phrases.most_common(PHRASES_KEPT // 2)))
        score = line.get("score")
        if isinstance(score, int):
            self.scores[score] += 1
        row = {
            "path": path, "title": line.get("title"), "url": line.get("url"),
            "score": score, "words": line.get("word_count") or 0, "findings": len(findings),
            "errors": severities["error"], "warnings": severities["warning"],
            "top_category": min(categories.items(), key=lambda kv: (-kv[1], kv[0]))[0] if categories else "",
            "report": line.get("report"),
        }
        self._rows.offer((score if isinstance(score, int) else 101, path), row)

    def add_all(self, lines: Iterable[dict[str, Any]]) -> SummaryBuilder:
        for line in lines:
            self.add(line)
        return self

    def rows(self) -> list[dict[str, Any]]:
        """The table rows kept (the lowest scores), lowest score first, then by path."""
        rows: list[dict[str, Any]] = self._rows.sorted()
        return rows

    def summary(self) -> dict[str, Any]:
        total_scores = sum(self.scores.values())
        mean = round(sum(v * n for v, n in self.scores.items()) / total_scores, 1) if total_scores else None
        phrases = sorted(self.phrases.items(), key=lambda kv: (-kv[1], kv[0]))[:PHRASES_SHOWN]
        histogram = [0] * 10
        for value, n in self.scores.items():
            histogram[min(value // 10, 9)] += n
        return {
            "articles": self.articles + self.errors,
            "linted": self.articles,
            "errors": self.errors,
            "words": self.words,
            "findings": sum(self.by_category.values()),
            "by_category": dict(sorted(self.by_category.items())),
            "by_severity": dict(sorted(self.by_severity.items())),
            "by_check": dict(sorted(self.by_check.items(), key=lambda kv: (-kv[1], kv[0]))),
            "score": {
                "mean": mean,
                "median": _median(self.scores),
                "histogram": {"bins": [f"{10 * i}-{10 * i + 9 if i < 9 else 100}" for i in range(10)],
                              "counts": histogram},
            },
            "worst_articles": self.rows()[:WORST_ARTICLES],
            "top_phrases": [
                {"check": check, "text": text, "count": n}
                for (check, text), n in phrases
            ],
            "error_examples": self._errors.sorted(),
        }


class _Largest:
    """Inverts the order so that heapq's min-heap keeps the largest key on top."""

    __slots__ = ("key", "value")

    def __init__(self, key: tuple[Any, ...], value: Any) -> None:
        self.key, self.value = key, value

    def __lt__(self, other: _Largest) -> bool:
        return bool(self.key > other.key)


class Smallest:
    """The ``size`` items with the smallest keys seen, in bounded memory."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._heap: list[_Largest] = []

    def offer(self, key: tuple[Any, ...], value: Any) -> None:
        if len(self._heap) < self.size:
            heapq.heappush(self._heap, _Largest(key, value))
        elif self._heap and key < self._heap[0].key:
            heapq.heapreplace(self._heap, _Largest(key, value))

    def sorted(self) -> list[Any]:
        return [item.value for item in sorted(self._heap, key=lambda i: i.key)]


def _median(counts: Counter[int]) -> float | None:
    total = sum(counts.values())
    if not total:
        return None
    ordered = sorted(counts.items())

    def nth(k: int) -> int:
        seen = 0
        for value, n in ordered:
            seen += n
            if seen > k:
                return value
        return ordered[-1][0]

    return (nth((total - 1) // 2) + nth(total // 2)) / 2
