"""Harper (harper-py): offline, in-process grammar and spelling engine.

Harper releases the GIL while it builds its dictionary (about half a second) and while it
lints, so a worker thread per process owns the process's `harper.Linter` (a Linter is not
thread-safe) and does both alongside the main thread: `start_harper` hands it a text early
(before the spaCy parse, or while the article before it is checked) and `harper_issues`
collects the result later, or lints on the spot when nothing was started. Spelling questions
go to a second thread with a linter of its own. Harper's spans are code points of the linted
str, the same unit as `Document.text` offsets: no conversion is needed.

Harper's spell checker costs about as much as its hundreds of other rules together, because
it looks up every word. `harper_issues(text, spell_check=False)` leaves it out, and
`harper_unknown_words(words)` asks it about a few words only (those another vocabulary already
doubts), which gives the same spelling verdicts at a fraction of the cost.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Generic, TypeVar

from linter.engines import EngineIssue

if TYPE_CHECKING:
    import harper

ENGINE = "harper"
SPELL_CHECK = "SpellCheck"  # the rule name of Harper's spell checker
Request = tuple[str, frozenset[str]]  # a text and the rules switched off for it
PENDING_LIMIT = 8  # texts started but never collected (a check that failed) are dropped past this
VERDICT_LIMIT = 100_000  # spelling verdicts remembered per process
K = TypeVar("K")
V = TypeVar("V")


class _Queue(Generic[K, V]):
    """Work for one thread, handed over ahead of time by key and collected later (or done on
    the spot when it was not handed over)."""

    def __init__(self, thread_name: str, work: Callable[[K], V]) -> None:
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)
        self.work = work
        self.pending: OrderedDict[K, Future[V]] = OrderedDict()
        self.lock = threading.Lock()

    def start(self, key: K) -> None:
        with self.lock:
            if key in self.pending:
                return
            self.pending[key] = self.executor.submit(self.work, key)
            while len(self.pending) > PENDING_LIMIT:
                self.pending.popitem(last=False)

    def collect(self, key: K) -> V:
        with self.lock:
            future = self.pending.pop(key, None)
        if future is None:
            future = self.executor.submit(self.work, key)
        return future.result()


class _HarperWorker:
    """The process's two Harper threads: one lints the texts it is handed, in order; the other
    answers spelling questions, so that a question about article N never waits behind the lint
    of article N+1 that was handed over early. Each owns a linter of its own (Harper's
    dictionary is built once and shared: the second linter costs milliseconds)."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.lints: _Queue[Request, list[EngineIssue]] = _Queue("harper", self._lint)
        self.questions: _Queue[tuple[str, ...], dict[str, EngineIssue]] = _Queue("harper-spelling", self._unknown)
        self.linter: harper.Linter | None = None  # used on the linting thread only
        self.speller: harper.Linter | None = None  # used on the spelling thread only
        self.default: dict[str, bool] = {}
        self.configured: frozenset[str] | None = None  # the rules_off the linter is set for
        # a word's spelling verdict never changes: each is asked once (a search costs milliseconds)
        self.verdicts: dict[str, EngineIssue | None] = {}

    def _linter(self, rules_off: frozenset[str]) -> harper.Linter:
        """The linter, configured for this call: every default rule but rules_off (a switch of
        rule flags, made only when it changes)."""
        if self.linter is None:
            import harper

            self.linter = harper.Linter()
            self.default = self.linter.get_default_lint_config()
        if rules_off != self.configured:
            config = {rule: on and rule not in rules_off for rule, on in self.default.items()}
            self.linter.set_lint_config(config)  # type: ignore[arg-type]
            self.configured = rules_off
        return self.linter

    def _speller(self) -> harper.Linter:
        """A linter with the spell checker alone."""
        if self.speller is None:
            import harper

            speller = harper.Linter()
            default = speller.get_default_lint_config()
            speller.set_lint_config({rule: rule == SPELL_CHECK for rule in default})
            self.speller = speller
        return self.speller

    def _lint(self, request: Request) -> list[EngineIssue]:
        return _issues(self._linter(request[1]), request[0])

    def _unknown(self, words: tuple[str, ...]) -> dict[str, EngineIssue]:
        new = [w for w in words if w not in self.verdicts]
        if new:
            listing = "\n".join(new)
            found: dict[str, EngineIssue] = {}
            for issue in _issues(self._speller(), listing):
                found.setdefault(listing[issue.start:issue.end], issue)
            if len(self.verdicts) + len(new) > VERDICT_LIMIT:
                self.verdicts.clear()
            self.verdicts.update({w: found.get(w) for w in new})
        return {w: verdict for w in words if (verdict := self.verdicts.get(w)) is not None}

    def ask(self, words: tuple[str, ...]) -> None:
        if self.linter is None:
            # a cold process: Harper's dictionary is still being built beside spaCy's start-up,
            # and a third busy thread would slow both; the words are asked when needed
            return
        self.questions.start(words)


_worker: _HarperWorker | None = None
_worker_lock = threading.Lock()


def _the_worker() -> _HarperWorker:
    """This process's worker (a forked child gets its own: threads do not survive a fork)."""
    global _worker
    with _worker_lock:
        if _worker is None or _worker.pid != os.getpid():
            _worker = _HarperWorker()
        return _worker


def _request(text: str, spell_check: bool, rules_off: Iterable[str]) -> Request:
    return text, frozenset(rules_off) | (frozenset() if spell_check else frozenset({SPELL_CHECK}))


def start_harper(text: str, *, spell_check: bool = True, rules_off: Iterable[str] = ()) -> None:
    """Begin linting text on Harper's thread; `harper_issues` with the same arguments collects it."""
    _the_worker().lints.start(_request(text, spell_check, rules_off))


def harper_issues(text: str, *, spell_check: bool = True, rules_off: Iterable[str] = ()) -> list[EngineIssue]:
    """Every lint Harper reports on plain text, in text order; without its spell checker's when
    spell_check is False, and without the rules named in rules_off."""
    return _the_worker().lints.collect(_request(text, spell_check, rules_off))


def _spellable(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted({w for w in words if w and not any(ch.isspace() for ch in w)}))


def start_unknown_words(words: list[str]) -> None:
    """Begin asking Harper's spell checker about words on its spelling thread;
    `harper_unknown_words` with the same words collects the answer."""
    clean = _spellable(words)
    if clean:
        _the_worker().ask(clean)


def harper_unknown_words(words: list[str]) -> dict[str, EngineIssue]:
    """The words Harper's spell checker does not know, each with its lint (message and
    suggestion; the span is within the word list, not a text)."""
    clean = _spellable(words)
    return _the_worker().questions.collect(clean) if clean else {}


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
