"""Harper (harper-py): offline, in-process grammar and spelling engine.

Harper releases the GIL while it builds its dictionary (about half a second) and while it
lints, so one worker thread per process owns the process's `harper.Linter` (a Linter is not
thread-safe) and does both alongside the main thread: `start_harper` hands it a text early
(before the spaCy parse, say) and `harper_issues` collects the result later, or lints on the
spot when nothing was started. Harper's spans are code points of the linted str, the same unit
as `Document.text` offsets: no conversion is needed.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from linter.engines import EngineIssue

if TYPE_CHECKING:
    import harper

ENGINE = "harper"
PENDING_LIMIT = 8  # texts started but never collected (a check that failed) are dropped past this


class _HarperWorker:
    """The process's Harper thread and the lints it has been asked for."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="harper")
        self.linter: harper.Linter | None = None
        self.pending: OrderedDict[str, Future[list[EngineIssue]]] = OrderedDict()
        self.lock = threading.Lock()

    def _lint(self, text: str) -> list[EngineIssue]:
        if self.linter is None:
            import harper

            self.linter = harper.Linter()
        return _issues(self.linter, text)

    def start(self, text: str) -> None:
        with self.lock:
            if text in self.pending:
                return
            self.pending[text] = self.executor.submit(self._lint, text)
            while len(self.pending) > PENDING_LIMIT:
                self.pending.popitem(last=False)

    def collect(self, text: str) -> list[EngineIssue]:
        with self.lock:
            future = self.pending.pop(text, None)
        if future is None:
            future = self.executor.submit(self._lint, text)
        return future.result()


_worker: _HarperWorker | None = None
_worker_lock = threading.Lock()


def _the_worker() -> _HarperWorker:
    """This process's worker (a forked child gets its own: threads do not survive a fork)."""
    global _worker
    with _worker_lock:
        if _worker is None or _worker.pid != os.getpid():
            _worker = _HarperWorker()
        return _worker


def start_harper(text: str) -> None:
    """Begin linting text on Harper's thread; `harper_issues(text)` collects the result."""
    _the_worker().start(text)


def harper_issues(text: str) -> list[EngineIssue]:
    """Every lint Harper reports on plain text, in text order."""
    return _the_worker().collect(text)


def _issues(linter: harper.Linter, text: str) -> list[EngineIssue]:
    issues: list[EngineIssue] = []
    for lint in linter.lint(text, language="plaintext"):
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
