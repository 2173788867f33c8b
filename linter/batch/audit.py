"""Running an audit: records to an engine, each result appended to findings.jsonl as it
finishes, then summary.json and report.html built from findings.jsonl.

findings.jsonl is the audit's memory. A rerun with the same output folder reads the keys
already there and lints only the rest; a line cut short by a kill is dropped first.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from linter import __version__
from linter.batch.inputs import Record, RecordFields, RecordReader
from linter.batch.progress import Progress
from linter.batch.summary import SummaryBuilder
from linter.batch.work import Outcome, WorkSettings

FINDINGS = "findings.jsonl"
SUMMARY = "summary.json"
REPORT = "report.html"
ARTICLES = "articles"
MEMORY_MILESTONES = (10, 100, 1000, 10_000, 100_000, 1_000_000)
UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class AuditOptions:
    inputs: list[str]
    out: Path
    jobs: int = 1
    engine: str = "local"  # local | dask
    scheduler: str | None = None
    per_article: bool = False
    fields: RecordFields = field(default_factory=RecordFields)
    progress: str = "auto"  # auto | bar | lines | quiet
    progress_interval: float = 10.0
    table_rows: int = 5000
    max_bytes: int = 5 * 1024 * 1024
    recycle_after: int = 2000  # articles per local worker process before it is replaced


@dataclass
class RunStats:
    """How this run went (not part of the findings: it differs between runs)."""

    engine: str
    jobs: int
    linted_this_run: int = 0
    resumed_from: int = 0
    words_this_run: int = 0
    seconds: float = 0.0
    workers: dict[str, dict[str, Any]] = field(default_factory=dict)
    memory: list[dict[str, Any]] = field(default_factory=list)  # largest worker RSS at milestones
    first_done: float | None = None
    last_done: float | None = None

    def record(self, outcome: Outcome) -> None:
        now = time.monotonic()
        self.first_done = self.first_done if self.first_done is not None else now
        self.last_done = now
        self.linted_this_run += 1
        self.words_this_run += int(outcome.line.get("word_count") or 0)
        if outcome.worker not in ("supervisor", "scheduler"):  # those report no worker's memory
            worker = self.workers.setdefault(outcome.worker, {"articles": 0, "rss_mb": 0.0, "peak_rss_mb": 0.0})
            worker["articles"] += 1
            worker["rss_mb"] = round(outcome.rss_kb / 1024, 1)
            worker["peak_rss_mb"] = round(max(worker["peak_rss_mb"], outcome.peak_rss_kb / 1024), 1)
        if self.linted_this_run in MEMORY_MILESTONES and self.workers:
            self.memory.append({"articles": self.linted_this_run,
                                "max_worker_rss_mb": max(w["rss_mb"] for w in self.workers.values())})

    def to_json(self) -> dict[str, Any]:
        rate = self.linted_this_run / self.seconds if self.seconds else None
        steady = None  # from the first article done to the last: without the workers' start-up
        if self.first_done is not None and self.last_done is not None and self.last_done > self.first_done:
            steady = round((self.linted_this_run - 1) / (self.last_done - self.first_done), 2)
        return {
            "engine": self.engine, "jobs": self.jobs, "seconds": round(self.seconds, 2),
            "articles": self.linted_this_run, "resumed_from": self.resumed_from,
            "articles_per_second": round(rate, 2) if rate else None,
            "words_per_second": round(self.words_this_run / self.seconds) if self.seconds else None,
            "steady_articles_per_second": steady,
            "workers": dict(sorted(self.workers.items())), "memory": self.memory,
        }


def load_done(path: Path) -> set[str]:
    """Keys of the lines already in findings.jsonl; a trailing partial line is cut off."""
    done: set[str] = set()
    if not path.exists():
        return done
    good = 0
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                key = json.loads(raw).get("key")
            except ValueError:
                break
            if isinstance(key, str):
                done.add(key)
            good += len(raw)
    if good != path.stat().st_size:
        with path.open("r+b") as fh:
            fh.truncate(good)
    return done


def read_lines(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    with path.open("rb") as fh:
        for raw in fh:
            if raw.strip():
                yield json.loads(raw)


def article_file(key: str) -> str:
    """A file name for one article's report: readable, and unique through a hash of the key."""
    stem = UNSAFE.sub("_", key.split("://", 1)[-1]).strip("._")[:80] or "article"
    return f"{stem}-{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}.html"


class Audit:
    def __init__(self, options: AuditOptions, settings: WorkSettings) -> None:
        self.options = options
        self.settings = settings
        self.reader = RecordReader(options.inputs, options.fields, options.max_bytes)

    def _engine_run(self, records: Iterator[Record]) -> Iterator[Outcome]:
        if self.options.engine == "dask":
            from linter.batch.dask_engine import DaskEngine

            return DaskEngine(self.settings, self.options.scheduler, self.options.jobs).run(records)
        from linter.batch.local import LocalEngine

        return LocalEngine(self.settings, self.options.jobs, recycle_after=self.options.recycle_after).run(records)

    def run(self) -> dict[str, Any]:
        """Lint what is not done yet, then write summary.json and report.html; returns the summary."""
        out = self.options.out
        out.mkdir(parents=True, exist_ok=True)
        findings_path = out / FINDINGS
        done = load_done(findings_path)
        stats = RunStats(self.options.engine, self.options.jobs, resumed_from=len(done))
        quiet = self.options.progress == "quiet"
        total = None if quiet else self.reader.count()
        progress = Progress(total, len(done), self.options.progress, interval=self.options.progress_interval)
        todo = (r for r in self.reader if r.key not in done)
        started = time.monotonic()
        with findings_path.open("a", encoding="utf-8") as sink:
            for outcome in self._engine_run(todo):
                self._write(sink, outcome.line)
                stats.record(outcome)
                progress.update(len(outcome.line.get("findings") or []), bool(outcome.line.get("error")))
        stats.seconds = time.monotonic() - started
        progress.finish()
        return self.finish(stats)

    def _write(self, sink: IO[str], line: dict[str, Any]) -> None:
        html = line.pop("report_html", None)
        if html is not None:
            name = article_file(line["key"])
            folder = self.options.out / ARTICLES
            folder.mkdir(exist_ok=True)
            (folder / name).write_text(html, encoding="utf-8")
            line["report"] = f"{ARTICLES}/{name}"
        sink.write(json.dumps(line, ensure_ascii=False) + "\n")
        sink.flush()  # a kill loses at most the line being written, which resuming cuts off

    def finish(self, stats: RunStats) -> dict[str, Any]:
        out = self.options.out
        builder = SummaryBuilder(self.options.table_rows).add_all(read_lines(out / FINDINGS))
        summary: dict[str, Any] = {
            "schema_version": 1,
            "tool": {"name": "healthlint", "version": __version__},
            "inputs": self.options.inputs,
            **builder.summary(),
            "skipped": dict(sorted(self.reader.stats.skipped.items())),
            "missing_inputs": self.reader.stats.missing,
            "run": stats.to_json(),
        }
        _write_atomic(out / SUMMARY, json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
        from reports.summary_html import render_summary

        _write_atomic(out / REPORT, render_summary(summary, builder.rows(), len(builder.rows()) < builder.articles))
        return summary


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
