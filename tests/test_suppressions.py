"""Inline suppressions in Markdown, HTML and text, and reporting the unused ones."""

from __future__ import annotations

from linter.config import Config, resolve_checks
from linter.readers import parse_source
from linter.registry import Registry
from linter.runner import LintOptions, lint_document

LONG = " ".join(["word"] * 40) + "."


def lint(registry: Registry, source: str, fmt: str, unused: bool = False) -> list[tuple[str, int | None]]:
    checks = resolve_checks(Config(select=["readability"]), registry)
    report = lint_document(parse_source(f"a.{fmt}", source, fmt), checks,
                           LintOptions(report_unused_suppressions=unused))
    return [(f.check, f.line) for f in report.findings if f.line is not None or f.check != "readability"]


def test_markdown_disable_next_line(registry: Registry) -> None:
    src = f"# T\n\n<!-- healthlint-disable-next-line readability -- a quoted statute -->\n{LONG}\n\n{LONG}\n"
    assert lint(registry, src, "md") == [("readability", 6)]


def test_markdown_disable_enable_region_by_category(registry: Registry) -> None:
    src = (f"# T\n\n<!-- healthlint-disable readability -- legal text -->\n\n{LONG}\n\n{LONG}\n\n"
           f"<!-- healthlint-enable readability -->\n\n{LONG}\n")
    assert lint(registry, src, "md") == [("readability", 11)]


def test_html_disable_all(registry: Registry) -> None:
    other = " ".join(["other"] * 40) + "."
    page = (f"<html><body><article><h1>T</h1><!-- healthlint-disable -->\n<p>{LONG}</p>\n"
            f"<!-- healthlint-enable --><p>{other}</p></article></body></html>")
    found = lint(registry, page, "html")
    assert len(found) == 1 and found[0][1] == 3


def test_text_file_directive(registry: Registry) -> None:
    src = f"healthlint-disable-file: readability\n\n{LONG}\n"
    assert lint(registry, src, "txt") == []
    assert "healthlint-disable-file" not in parse_source("a.txt", src, "txt").text


def test_unused_suppression_is_reported(registry: Registry) -> None:
    src = "# T\n\n<!-- healthlint-disable-next-line readability -- no longer needed -->\nShort line.\n"
    assert lint(registry, src, "md", unused=True) == [("unused-suppression", 3)]
    assert lint(registry, src, "md", unused=False) == []
