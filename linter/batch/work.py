"""The per-article work of an audit, the same in a local worker process and on a Dask worker.

Each process builds its Session once (and so loads the NLP models once) and reuses it for
every record it is given. ``lint_record`` never raises: whatever goes wrong with one record
comes back as an error entry.
"""

from __future__ import annotations

import ctypes
import resource
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from linter.batch.inputs import Record
from linter.config import Config, ConfigResolver
from linter.engine import Session
from linter.findings import Severity
from linter.runner import LintOptions


@dataclass(frozen=True)
class WorkSettings:
    """Everything a worker needs to lint records exactly as every other worker does."""

    config: Config
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    min_severity: str = "info"
    time_limit: float = 60.0
    per_article: bool = False


class Outcome(NamedTuple):
    """A finished record: its findings line, which worker did it, that worker's memory then (KiB)."""

    line: dict[str, Any]
    worker: str
    rss_kb: int
    peak_rss_kb: int


REPEAT = 1.0  # seconds between repeats of the time-limit exception, should one be swallowed


class ArticleTimeout(BaseException):
    """Raised inside the linting of one article when it runs past the time limit.

    A BaseException so that a check's own ``except Exception`` cannot swallow it.
    """


_sessions: dict[tuple[object, ...], Session] = {}


def session_for(settings: WorkSettings) -> Session:
    """This process's Session for these settings, built once."""
    cache_key = (settings.config.fingerprint(), settings.select, settings.ignore, settings.min_severity,
                 settings.per_article)
    if cache_key not in _sessions:
        from linter.registry import default_registry

        registry = default_registry()
        resolver = ConfigResolver(registry)
        resolver.explicit = settings.config
        _sessions.clear()  # one configuration per process at a time; nothing grows across audits
        severity = Severity.parse(settings.min_severity)
        options = LintOptions(min_severity=severity, keep_context=settings.per_article)
        _sessions[cache_key] = Session(
            registry, resolver, options,
            list(settings.select) if settings.select else None,
            list(settings.ignore) if settings.ignore else None,
        )
    return _sessions[cache_key]


def warm_up(settings: WorkSettings) -> None:
    """Load what the enabled checks need before the first record, so no record pays for it."""
    session = session_for(settings)
    session.lint_text("warm-up.txt", b"Warm-up text. It loads the models once per process.", "txt")


def lint_record(settings: WorkSettings, record: Record) -> dict[str, Any]:
    """One line of findings.jsonl for this record; ``report_html`` is added with --per-article."""
    started = time.perf_counter()
    if record.error:
        return error_line(record, record.error)
    session = session_for(settings)
    try:
        with time_limit(settings.time_limit):
            article = session.lint_text(record.name, record.data, record.fmt)
    except ArticleTimeout:
        return error_line(record, f"time limit of {settings.time_limit:g} s exceeded; article skipped")
    except Exception as exc:  # noqa: BLE001 - one record must never stop the audit
        return error_line(record, f"could not be linted: {type(exc).__name__}: {exc}")
    if article.title is None:
        article.title = record.title
    line = {"key": record.key, **article.to_json(), "url": record.url, "origin": record.origin}
    line["seconds"] = round(time.perf_counter() - started, 3)
    if settings.per_article and not article.error:
        from reports.html import HtmlWriter

        line["report_html"] = HtmlWriter().article(article)
    return line


def error_line(record: Record, problem: str) -> dict[str, Any]:
    return {"key": record.key, "path": record.name, "title": record.title, "language": None,
            "word_count": 0, "score": None, "metrics": {}, "findings": [], "error": problem,
            "url": record.url, "origin": record.origin}


def memory_kb() -> tuple[int, int]:
    """(current, peak) resident set size of this process in KiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        current = pages * resource.getpagesize() // 1024
    except (OSError, ValueError, IndexError):
        current = peak
    return current, peak


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ArticleTimeout in this thread once ``seconds`` have passed (0 or less: no limit).

    The main thread uses SIGALRM; other threads (Dask runs tasks in threads) get the exception
    delivered asynchronously. Both act between Python bytecodes: a native call that never
    returns is the local engine's supervisor's job, which kills and replaces the worker.
    An exception raised inside a garbage-collector callback or a finaliser is ignored by
    Python, so the exception is raised again every second until the article gives up.
    """
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        def _alarm(signum: int, frame: object) -> None:
            raise ArticleTimeout()

        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    thread_id = threading.get_ident()
    lock = threading.Lock()
    active = [True]

    timers: list[threading.Timer] = []

    def _arm(delay: float) -> None:
        timer = threading.Timer(delay, _expire)
        timer.daemon = True
        timers[:] = [timer]
        timer.start()

    def _expire() -> None:
        with lock:
            if active[0]:
                set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
                set_async_exc(ctypes.c_ulong(thread_id), ctypes.py_object(ArticleTimeout))
                _arm(REPEAT)

    with lock:
        _arm(seconds)
    try:
        yield
    finally:
        with lock:
            active[0] = False
            timers[0].cancel()
            # a repeat set just before the article ended must not surface after it
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.c_void_p(None))
