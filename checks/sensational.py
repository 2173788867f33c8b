"""Sensational language: hype words that sell a treatment instead of describing the evidence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from checks._data import data_lines
from checks._health_lexicons import names_health_terms, normalise, phrase_pattern
from linter.document import Document
from linter.findings import Finding, Severity
from linter.nlp import NEED_SENTENCES, Analysis
from linter.registry import Check, register


@lru_cache(maxsize=1)
def patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(phrase_pattern(p) for p in data_lines("sensational_en.txt"))


@register
class SensationalLanguage(Check):
    """What it finds: hype words attached to a treatment, a product or its results ("a
    revolutionary technique", "this amazing product", "remarkable recoveries", "a breakthrough
    in the treatment of ulcers", "a miraculous cure") in a paragraph that names a condition.
    Words that describe something other than a treatment ("an amazing number of things can go
    wrong") and plain descriptions ("a unique method of treatment") are not reported.

    Why it matters: health-news review criteria (HealthNewsReview.org's "unjustifiable,
    sensational language") and DISCERN's question on balance both count hype against an
    article: it tells readers how to feel about a treatment instead of what the evidence shows,
    and it is the register of pages that sell remedies.

    Example: "The Back2Life uses a revolutionary technique to naturally ease lower back pain."

    How to fix: describe what the treatment is and what studies found ("in a trial of 200
    people, pain scores fell by a third more than with placebo"), and let readers judge.
    """

    id = "sensational-language"
    category = "medical-claim"
    severity = Severity.WARNING
    languages = frozenset({"en"})  # English lexicon
    needs = frozenset({NEED_SENTENCES})
    summary = "Hype words ('revolutionary', 'amazing results') attached to a treatment"

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        found = patterns()
        text = normalise(document.text)
        if not any(p.search(text) for p in found):
            return
        for start, end in analysis.sentences:
            sentence = text[start:end]
            hit = next((m for p in found for m in [p.search(sentence)] if m), None)
            if hit is None:
                continue
            # the hit names a product or a treatment itself; a condition in its paragraph makes it health
            block = document.block_at(start)
            if block is not None and names_health_terms(document.block_text(block), interventions=False):
                yield Finding(self.id, f"Sensational language about a treatment (\"{' '.join(hit.group(0).split())}\")",
                              start, end, suggestion="say what the evidence shows instead")
