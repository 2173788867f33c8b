"""The local engine: N worker processes on this machine, each loading the models once.

A supervisor hands one record at a time to each idle worker. A worker that runs far past the
time limit (a native call that never returns) is killed and replaced, and its record becomes
an error entry; so does the record of a worker that crashes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from linter.batch.inputs import Record
from linter.batch.work import Outcome, WorkSettings, error_line, lint_record, memory_kb, warm_up

MAX_START_FAILURES = 3


class EngineError(Exception):
    """The audit cannot go on (workers cannot start); the message says why."""


Work = Callable[[WorkSettings, Record], dict[str, Any]]


def hard_limit(settings: WorkSettings, grace: float) -> float | None:
    """How long the supervisor waits before killing a worker (past the worker's own limit)."""
    if settings.time_limit <= 0:
        return None
    return settings.time_limit * 1.5 + grace


def _worker_main(conn: Connection, settings: WorkSettings, work: Work) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle
    try:
        warm_up(settings)
    except Exception as exc:  # noqa: BLE001 - reported to the supervisor, which stops the audit
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    name = f"worker-{os.getpid()}"
    while True:
        try:
            record = conn.recv()
        except (EOFError, OSError):
            return
        if record is None:
            return
        line = work(settings, record)
        current, peak = memory_kb()
        try:
            conn.send(("done", Outcome(line, name, current, peak)))
        except (BrokenPipeError, OSError):
            return


@dataclass
class _Worker:
    process: Any  # multiprocessing's process object (its class depends on the start method)
    conn: Connection
    ready: bool = False
    record: Record | None = None
    started: float = 0.0
    done: int = 0


class LocalEngine:
    def __init__(self, settings: WorkSettings, jobs: int, work: Work = lint_record, grace: float = 10.0,
                 recycle_after: int = 0) -> None:
        """``work`` lints one record in a worker (a module-level function); ``grace``: seconds
        past 1.5 times the time limit before a silent worker is killed; ``recycle_after``:
        articles after which a worker is replaced by a fresh one (0: never), which bounds
        what grows with every new page (spaCy's string store, for one, keeps every new word)."""
        self.recycle_after = recycle_after
        self.settings = settings
        self.jobs = max(1, jobs)
        self.work = work
        self.grace = grace
        self._ctx = multiprocessing.get_context("spawn")
        self._start_failures = 0

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child, self.settings, self.work), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _stop(self, worker: _Worker, kill: bool = False) -> None:
        if kill:
            worker.process.kill()
        else:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()

    def run(self, records: Iterable[Record]) -> Iterator[Outcome]:
        pending = iter(records)
        exhausted = False
        workers = [self._spawn() for _ in range(self.jobs)]
        limit = hard_limit(self.settings, self.grace)
        try:
            while True:
                for worker in workers:
                    if worker.ready and worker.record is None and not exhausted:
                        record = next(pending, None)
                        if record is None:
                            exhausted = True
                        else:
                            worker.record, worker.started = record, time.monotonic()
                            worker.conn.send(record)
                if exhausted and all(w.record is None for w in workers):
                    return
                ready = wait([w.conn for w in workers], timeout=0.5)
                for i, worker in enumerate(workers):
                    if worker.conn in ready:
                        outcome, replace = self._receive(worker)
                        if outcome is not None:
                            worker.done += 1
                            yield outcome
                        if not replace and self.recycle_after and worker.done >= self.recycle_after:
                            self._stop(worker)
                            replace = True
                        if replace:
                            workers[i] = self._spawn()
                    elif limit is not None and worker.record is not None \
                            and time.monotonic() - worker.started > limit:
                        record = worker.record
                        self._stop(worker, kill=True)
                        workers[i] = self._spawn()
                        problem = f"ran past the time limit; its worker was killed after {limit:g} s"
                        yield Outcome(error_line(record, problem), "supervisor", 0, 0)
        finally:
            for worker in workers:
                self._stop(worker, kill=worker.record is not None)

    def _receive(self, worker: _Worker) -> tuple[Outcome | None, bool]:
        """(an outcome, whether the worker must be replaced)."""
        try:
            kind, payload = worker.conn.recv()
        except (EOFError, OSError):
            record = worker.record
            self._stop(worker, kill=True)
            code = worker.process.exitcode
            if record is None:
                self._start_failures += 1
                if self._start_failures >= MAX_START_FAILURES:
                    raise EngineError(f"worker processes keep dying before their first article "
                                      f"(exit code {code})") from None
                return None, True
            current, peak = memory_kb()
            return Outcome(error_line(record, f"the worker process died while linting it (exit code {code})"),
                           "supervisor", current, peak), True
        if kind == "failed":
            raise EngineError(f"a worker could not start: {payload}")
        if kind == "ready":
            worker.ready = True
            return None, False
        worker.record = None
        outcome: Outcome = payload
        return outcome, False
