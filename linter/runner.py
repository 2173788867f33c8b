"""Runs the enabled checks over documents and turns findings into located, filtered reports."""

from __future__ import annotations

import html as htmllib
import re
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

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


def run_checks(document: Document, checks: Sequence[CheckSetting], analysis: Analysis) -> Iterator[LocatedFinding]:
    checks = applicable(checks, analysis)
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


def lint_document(
    document: Document, checks: Sequence[CheckSetting], options: LintOptions | None = None
) -> ArticleReport:
    options = options or LintOptions()
    analysis = Analysis(document, needs_of(checks))
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
