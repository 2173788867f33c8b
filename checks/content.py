"""Content presence: a page whose main content could not be found."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.document import Document
from linter.findings import Finding, Severity
from linter.nlp import Analysis
from linter.registry import Check, register


@register
class EmptyContent(Check):
    """What it finds: an article with no main content, or almost none (fewer than `min-words`
    words, default 20), after page furniture (navigation, footers, comment sections, scripts)
    was set aside. For HTML pages the message says how much visible text was dropped.

    Why it matters: a page that is all template and no article gives readers nothing, and an
    audit that stays silent about it would count an empty page as clean.

    Example: an HTML page that is only a cookie banner, a menu and a footer.

    How to fix: check that the page really has an article body (not a paywall, a JavaScript-only
    page or a removed post), or that it is marked up so that its main text can be found
    (an <article> or <main> element).
    """

    id = "empty-content"
    category = "boilerplate"
    severity = Severity.WARNING
    summary = "The page has no main content, or almost none"
    document_level = True
    options = {"min-words": 20}

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        words = len(document.text.split())
        if words >= settings["min-words"]:
            return
        dropped = document.meta.dropped_chars
        detail = f"; {dropped:,} characters of visible text were set aside as page furniture" if dropped else ""
        yield Finding(self.id, f"No main content found ({words} words of prose){detail}")
