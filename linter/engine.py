"""Linting one path end to end: configuration, reading, checks, report. Shared by every command."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linter.config import ConfigResolver, resolve_checks
from linter.memory import release_free_memory
from linter.readers import InputError, read_bytes, read_document
from linter.registry import Registry
from linter.report import ArticleReport
from linter.runner import LintOptions, lint_document

if TYPE_CHECKING:
    from linter.cache import ResultCache
    from linter.config import CheckSetting
    from linter.document import Document


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
        display = display or path
        config = self.resolver.for_path(stdin_name if path == "-" else path)
        checks = resolve_checks(config, self.registry, stdin_name or path, self.select, self.ignore)
        cache = self.cache if path != "-" else None
        key = cache.key(path, config, checks, self.options) if cache is not None else None
        if cache is not None and key is not None:
            cached = cache.get(key)
            if cached is not None:
                cached.path = display
                return cached
        try:
            if path == "-":
                name = stdin_name or "stdin.txt"
                document = read_bytes(name, sys.stdin.buffer.read(), max_bytes=config.max_file_size)
                document.path = display if display != "-" else name
            else:
                document = read_document(path, max_bytes=config.max_file_size)
                document.path = display
        except InputError as exc:
            return ArticleReport(path=display, error=exc.problem)
        report = self._lint(document, checks)
        if cache is not None and key is not None:
            cache.put(key, report)
        return report

    def lint_text(self, path: str, data: bytes, fmt: str | None = None) -> ArticleReport:
        """Lint content that did not come from a file of its own (a JSONL or WARC record)."""
        config = self.resolver.for_path(None)
        checks = resolve_checks(config, self.registry, path, self.select, self.ignore)
        try:
            document = read_bytes(path, data, fmt=fmt, max_bytes=config.max_file_size)
        except InputError as exc:
            return ArticleReport(path=path, error=exc.problem)
        return self._lint(document, checks)

    def _lint(self, document: Document, checks: list[CheckSetting]) -> ArticleReport:
        report = lint_document(document, checks, self.options)
        release_free_memory()  # between articles, so that one long article's peak is not kept
        return report
