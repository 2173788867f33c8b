"""Readability: reading grade above the target for patient materials, and overlong sentences."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.document import Document
from linter.findings import Finding, Severity
from linter.nlp import NEED_SENTENCES, Analysis
from linter.registry import Check, register

MIN_WORDS_FOR_GRADE = 100


@register
class Readability(Check):
    """What it finds: an article whose Flesch-Kincaid grade is above the target (default 8),
    and sentences longer than the limit (default 30 words). Computed on the prose only:
    headings, list items and paragraphs, never code or navigation.

    Why it matters: the NIH and the NHS advise writing patient information at a grade of 8 or
    below. Health literacy is low among many readers; long sentences and long words are where
    they lose the thread and misread dosing or warnings.

    Example: "Individuals experiencing discontinuation-associated musculoskeletal discomfort
    should, in consultation with their prescribing clinician, consider a graduated reduction
    schedule, which may attenuate symptom intensity and duration considerably." (31 words)

    How to fix: split long sentences, one idea each; prefer short, common words ("use" for
    "utilise", "stop" for "discontinue"); explain a medical term once, then use it.
    Settings: `target-grade`, `max-sentence-words`, `min-words` (shorter articles get no grade finding).
    """

    id = "readability"
    category = "readability"
    severity = Severity.INFO
    needs = frozenset({NEED_SENTENCES})
    languages = frozenset({"en"})  # the grade formulas are for English
    summary = "Reading grade above the target, or a sentence longer than the limit"
    options = {"target-grade": 8.0, "max-sentence-words": 30, "min-words": MIN_WORDS_FOR_GRADE}

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        metrics = analysis.metrics
        grade = metrics.get("flesch_kincaid_grade")
        if grade is not None and metrics["words"] >= settings["min-words"] and grade > settings["target-grade"]:
            yield Finding(
                self.id,
                f"Reading grade {grade:.1f} is above the target of {settings['target-grade']:g}; "
                "use shorter sentences and simpler words",
            )
        limit = int(settings["max-sentence-words"])
        text = document.text
        for start, end in analysis.sentences:
            words = sum(1 for w in text[start:end].split() if any(ch.isalnum() for ch in w))
            if words > limit:
                yield Finding(self.id, f"Sentence of {words} words (limit {limit}); split it", start, end)
