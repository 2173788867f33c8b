"""Linting one path end to end: configuration, reading, checks, report. Shared by every command."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linter.config import ConfigResolver, resolve_checks
from linter.memory import release_free_memory
from linter.readers import InputError, read_bytes, read_document
from linter.registry import Registry
from linter.report import ArticleReport
from linter.runner import LintOptions, lint_document, lint_documents

if TYPE_CHECKING:
    from linter.cache import ResultCache
    from linter.config import CheckSetting
    from linter.document import Document


_Tag = tuple["ArticleReport | None", "str | None"]  # a ready report, or the cache key of one to make


@dataclass
class Session:
    """Everything that stays the same across the files of one run."""

    registry: Registry
    resolver: ConfigResolver
    options: LintOptions = field(default_factory=LintOptions)
    select: list[str] | None = None
    ignore: list[str] | None = None
    cache: ResultCache | None = None

    def lint_path(self, path: str, display: str | None = None, stdin_name: str | None = None) -> ArticleReport:
        return next(self._reports([(path, display or path)], stdin_name))

    def lint_paths(self, paths: Iterable[str], stdin_name: str | None = None) -> Iterator[ArticleReport]:
        """The report of each path, in order. The next file is read and prepared while one is
        checked (see `runner.lint_documents`)."""
        return self._reports(((path, path) for path in paths), stdin_name)

    def _reports(self, named: Iterable[tuple[str, str]], stdin_name: str | None) -> Iterator[ArticleReport]:
        jobs = (self._load(path, display, stdin_name) for path, display in named)
        for (ready, key), report in lint_documents(jobs, self.options):
            if report is None:
                assert ready is not None
                yield ready
            else:
                yield self._finished(report, key)

    def _load(
        self, path: str, display: str, stdin_name: str | None
    ) -> tuple[_Tag, Document | None, list[CheckSetting]]:
        """(tag, document, checks) for `lint_documents`: no document when the report is ready
        (an input error, or a result from the cache); the tag carries it, or the cache key."""
        config = self.resolver.for_path(stdin_name if path == "-" else path)
        checks = resolve_checks(config, self.registry, stdin_name or path, self.select, self.ignore)
        cache = self.cache if path != "-" else None
        key = cache.key(path, config, checks, self.options) if cache is not None else None
        if cache is not None and key is not None:
            cached = cache.get(key)
            if cached is not None:
                cached.path = display
                return (cached, None), None, checks
        try:
            if path == "-":
                name = stdin_name or "stdin.txt"
                document = read_bytes(name, sys.stdin.buffer.read(), max_bytes=config.max_file_size)
                document.path = display if display != "-" else name
            else:
                document = read_document(path, max_bytes=config.max_file_size)
                document.path = display
        except InputError as exc:
            return (ArticleReport(path=display, error=exc.problem), None), None, checks
        return (None, key), document, checks

    def lint_text(self, path: str, data: bytes, fmt: str | None = None) -> ArticleReport:
        """Lint content that did not come from a file of its own (a JSONL or WARC record)."""
        config = self.resolver.for_path(None)
        checks = resolve_checks(config, self.registry, path, self.select, self.ignore)
        try:
            document = read_bytes(path, data, fmt=fmt, max_bytes=config.max_file_size)
        except InputError as exc:
            return ArticleReport(path=path, error=exc.problem)
        return self._finished(lint_document(document, checks, self.options))

    def _finished(self, report: ArticleReport, key: str | None = None) -> ArticleReport:
        """A freshly made report, once memory is trimmed and it is cached under key (if any)."""
        release_free_memory()  # between articles, so that one long article's peak is not kept
        if self.cache is not None and key is not None:
            self.cache.put(key, report)
        return report
