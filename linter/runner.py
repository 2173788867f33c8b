"""Runs the enabled checks over documents and turns findings into located, filtered reports."""

from __future__ import annotations

import html as htmllib
import re
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from linter.config import CheckSetting
from linter.document import Document
from linter.findings import Finding, LocatedFinding, Severity
from linter.language import reads
from linter.nlp import NEED_TEXT, Analysis
from linter.registry import Check
from linter.report import ArticleReport
from linter.scoring import score
from linter.suppressions import parse_suppressions

TAG = re.compile(r"<[^>]*>")
T = TypeVar("T")


@dataclass
class LintOptions:
    min_severity: Severity = Severity.INFO
    report_unused_suppressions: bool = False
    keep_context: bool = False  # keep text and source on the report (for markdown/html writers)
    metrics: bool = True
    extra: dict[str, object] = field(default_factory=dict)


def needs_of(checks: Sequence[CheckSetting]) -> frozenset[str]:
    return frozenset(n for c in checks for n in c.check.needs if n != NEED_TEXT)


def flagged_text(document: Document, src_start: int, src_end: int, start: int, end: int) -> str:
    raw = document.source[src_start:src_end]
    if document.meta.format == "html":
        return htmllib.unescape(TAG.sub("", raw)) if "<" in raw or "&" in raw else raw
    if not raw.strip():
        return document.text[start:end]
    return raw


def locate(document: Document, finding: Finding, setting: CheckSetting) -> LocatedFinding:
    severity = finding.severity or setting.severity
    if finding.severity is not None and setting.severity != setting.check.severity:
        severity = setting.severity  # a configured override wins over the check's own choice
    check = setting.check
    if finding.start is None or finding.end is None or check.document_level:
        return LocatedFinding(check.id, check.category, severity, finding.message,
                              None, None, None, None, None, finding.suggestion)
    start, end = finding.start, max(finding.end, finding.start + 1)
    smap = document.source_map
    s, e = smap.source_span(start, end)
    line, col = smap.position(s)
    end_line, end_col = smap.position(max(s, e - 1))
    return LocatedFinding(
        check.id, check.category, severity, finding.message, line, col, end_line, end_col,
        flagged_text(document, s, e, start, end), finding.suggestion, start, end,
    )


def applicable(checks: Sequence[CheckSetting], analysis: Analysis) -> list[CheckSetting]:
    """The checks that can read the article's language."""
    return [s for s in checks if not s.check.languages or reads(s.check.languages, analysis.language)]


def prepare_checks(document: Document, checks: Sequence[CheckSetting], analysis: Analysis) -> None:
    for setting in checks:
        try:
            setting.check().prepare(document, analysis, setting.settings)
        except Exception:  # the same failure is reported when the check runs
            continue


PREPARED = "runner: checks prepared"  # the Analysis.cache key set by prepare_document


def prepare_document(document: Document, checks: Sequence[CheckSetting]) -> Analysis:
    """The document's analysis, with the background work of its checks already started (see
    `lint_documents`)."""
    analysis = Analysis(document, needs_of(checks))
    prepare_checks(document, applicable(checks, analysis), analysis)
    analysis.cache[PREPARED] = True
    return analysis


def run_checks(document: Document, checks: Sequence[CheckSetting], analysis: Analysis) -> Iterator[LocatedFinding]:
    checks = applicable(checks, analysis)
    if not analysis.cache.get(PREPARED):
        prepare_checks(document, checks, analysis)
    # checks whose engine works on its own thread run last, so that it has the longest head start
    # (findings are sorted by position afterwards: the order of running changes nothing else)
    checks = sorted(checks, key=lambda s: s.check.prepare is not Check.prepare)
    for setting in checks:
        try:
            found = list(setting.check().run(document, analysis, setting.settings))
        except Exception as exc:  # a broken check must not take the article down with it
            where = traceback.extract_tb(exc.__traceback__)[-1]
            yield LocatedFinding(
                "internal-error", setting.check.category, Severity.ERROR,
                f"check {setting.check.id} failed: {type(exc).__name__}: {exc} "
                f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})",
                None, None, None, None, None, None,
            )
            continue
        for finding in found:
            yield locate(document, finding, setting)


def lint_documents(
    jobs: Iterable[tuple[T, Document | None, Sequence[CheckSetting]]], options: LintOptions | None = None
) -> Iterator[tuple[T, ArticleReport | None]]:
    """(tag, report) for each (tag, document, checks) job, in order; a job without a document
    (an input error, a cached result) passes through with no report. Each document's checks are
    prepared while the one before it is checked, so an engine on a thread of its own (Harper)
    has the next article in hand instead of waiting for the main thread to reach it."""
    ahead: deque[tuple[T, Document | None, Sequence[CheckSetting], Analysis | None]] = deque()
    for tag, document, checks in jobs:
        analysis = prepare_document(document, checks) if document is not None else None
        ahead.append((tag, document, checks, analysis))
        while len(ahead) > 1:
            yield _finish(ahead.popleft(), options)
    while ahead:
        yield _finish(ahead.popleft(), options)


def _finish(
    job: tuple[T, Document | None, Sequence[CheckSetting], Analysis | None], options: LintOptions | None
) -> tuple[T, ArticleReport | None]:
    tag, document, checks, analysis = job
    return tag, (lint_document(document, checks, options, analysis) if document is not None else None)


def lint_document(
    document: Document, checks: Sequence[CheckSetting], options: LintOptions | None = None,
    analysis: Analysis | None = None,
) -> ArticleReport:
    """The report of one document; analysis is the one `prepare_document` made for it, if any."""
    options = options or LintOptions()
    analysis = analysis or Analysis(document, needs_of(checks))
    findings = list(run_checks(document, checks, analysis))
    suppressions = parse_suppressions(document.source, document.meta.format)
    if suppressions.items:
        findings = [f for f in findings if f.check == "internal-error"
                    or not suppressions.suppresses(f.check, f.category, f.line)]
        if options.report_unused_suppressions:
            for sup in suppressions.unused():
                findings.append(LocatedFinding(
                    "unused-suppression", _category_of(sup.ids, checks), Severity.WARNING,
                    f"suppression of {', '.join(sup.ids) or 'all checks'} matched no finding; remove it",
                    sup.line, sup.column, sup.line, sup.column, None, None))
    findings = [f for f in findings if f.severity >= options.min_severity or f.check == "internal-error"]
    findings = dedupe(sorted(findings, key=LocatedFinding.sort_key))
    words = len(document.text.split())
    report = ArticleReport(
        path=document.path,
        title=document.title,
        language=document.meta.language or "en",
        word_count=words,
        score=score(findings, words),
        metrics=analysis.metrics if options.metrics else {},
        findings=findings,
        format=document.meta.format,
    )
    if options.keep_context:
        report.text = document.text
        report.source = document.source
    return report


def _category_of(ids: list[str], checks: Sequence[CheckSetting]) -> str:
    for setting in checks:
        if setting.check.id in ids or setting.check.category in ids:
            return setting.check.category
    return "boilerplate"


def dedupe(findings: Iterable[LocatedFinding]) -> list[LocatedFinding]:
    seen: set[tuple[object, ...]] = set()
    out: list[LocatedFinding] = []
    for f in findings:
        key = (f.check, f.line, f.column, f.end_line, f.end_column, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
