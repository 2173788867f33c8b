"""Audit totals and progress output."""

from __future__ import annotations

import io
import random
from typing import Any

from linter.batch.audit import article_file
from linter.batch.progress import Progress, duration
from linter.batch.summary import SummaryBuilder


def line(key: str, score: int | None, findings: list[tuple[str, str, str]], error: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": key, "path": key, "title": key.upper(), "word_count": 100, "score": score,
        "findings": [{"check": c, "category": cat, "severity": "warning", "text": t} for c, cat, t in findings],
    }
    if error:
        data["error"] = error
    return data


def sample() -> list[dict[str, Any]]:
    lines = [line(f"a{i:02d}", 100 - i * 3, [("spam-cta", "spam", "Buy  NOW")] * (i % 3)) for i in range(30)]
    lines += [line("broken", None, [], error="invalid JSON"), line("zzz", 55, [("miracle", "medical-claim", "cures")])]
    return lines


def test_the_summary_does_not_depend_on_the_order_of_the_lines() -> None:
    lines = sample()
    first = SummaryBuilder(table_rows=10).add_all(lines)
    shuffled = lines[:]
    random.Random(7).shuffle(shuffled)
    second = SummaryBuilder(table_rows=10).add_all(shuffled)
    assert first.summary() == second.summary()
    assert first.rows() == second.rows()


def test_totals_histogram_worst_articles_and_phrases() -> None:
    summary = SummaryBuilder(table_rows=5).add_all(sample()).summary()
    assert (summary["articles"], summary["linted"], summary["errors"], summary["words"]) == (32, 31, 1, 3100)
    assert summary["by_category"] == {"medical-claim": 1, "spam": 30}
    assert sum(summary["score"]["histogram"]["counts"]) == 31
    assert summary["score"]["median"] == 55.0
    assert [a["path"] for a in summary["worst_articles"]] == ["a29", "a28", "a27", "a26", "a25"]  # lowest first
    assert summary["top_phrases"][0] == {"check": "spam-cta", "text": "buy now", "count": 30}
    assert summary["error_examples"] == [{"path": "broken", "error": "invalid JSON"}]


def test_article_file_names_are_safe_and_distinct() -> None:
    a = article_file("https://example.org/a?b=<script>")
    b = article_file("https://example.org/a?b=_script_")
    assert a != b and a.endswith(".html") and "/" not in a and "<" not in a


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_prints_plain_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(total=4, already_done=1, stream=stream, interval=0)
    progress.update(findings=2, error=False)
    progress.update(findings=0, error=True)
    progress.finish()
    out = stream.getvalue()
    assert "\r" not in out
    first = out.splitlines()[0]
    assert first.startswith("healthlint audit: 2/4 articles") and "2 findings" in first
    assert "1 errors" in out.splitlines()[-1] and "ETA" in first and "1 done before (resumed)" in first


def test_progress_draws_a_bar_on_a_terminal_and_nothing_when_quiet() -> None:
    tty = FakeTerminal()
    progress = Progress(total=2, stream=tty)
    progress.update(findings=1, error=False)
    progress.update(findings=1, error=False)
    progress.finish()
    assert progress.mode == "bar" and tty.getvalue().startswith("\r[") and "2/2 articles" in tty.getvalue()
    assert "#" * 24 in tty.getvalue()
    quiet = io.StringIO()
    silent = Progress(total=2, mode="quiet", stream=quiet)
    silent.update(findings=1, error=False)
    silent.finish()
    assert quiet.getvalue() == ""


def test_durations_read_naturally() -> None:
    assert [duration(s) for s in (5, 75, 7300)] == ["5s", "1m15s", "2h01m"]
