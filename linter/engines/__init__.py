"""Adapters for grammar engines: each turns an engine's answer into issues with code point spans.

An adapter knows its engine's API and offsets, nothing about severities or checks: the
`grammar` check decides what an issue means for the reader.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EngineIssue:
    """One problem an engine reported, as a half-open span of code points of the linted text."""

    engine: str  # "harper", "languagetool" or "rules"
    start: int
    end: int
    category: str  # the engine's own grouping: Harper's lint kind, LanguageTool's issue type, a rule name
    rule: str  # the engine's rule id (LanguageTool) or the category again
    message: str
    suggestion: str | None = None


class EngineUnavailable(Exception):
    """An engine is configured but cannot be used; the message says what was tried and how to fix it."""
