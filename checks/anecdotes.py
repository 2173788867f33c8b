"""Anecdotal evidence: testimonies and counts of satisfied users offered as proof of a treatment."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from checks._data import data_sections
from checks._health_lexicons import names_health_terms, normalise, phrase_pattern
from linter.document import Block, Document
from linter.findings import Finding, Severity
from linter.nlp import NEED_SENTENCES, Analysis
from linter.registry import Check, register

KINDS = ("testimony", "crowd", "own-method", "heading", "mention")
MESSAGES = {
    "testimony": "A personal story offered as evidence that a treatment works",
    "crowd": "A count of satisfied users offered instead of evidence",
    "own-method": "The author's own method or discovery, offered on personal experience",
    "heading": "A testimonials section offered as evidence",
}
HEADING_MAX_WORDS = 6
QUOTE_MARKS = ('"', "\u201c", "\u201d")


@lru_cache(maxsize=1)
def patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    sections = data_sections("anecdotes_en.txt")
    unknown = set(sections) - set(KINDS)
    if unknown:
        raise ValueError(f"anecdotes_en.txt: unknown kinds {sorted(unknown)}")
    return {kind: tuple(phrase_pattern(p) for p in sections.get(kind, ())) for kind in KINDS}


def _sentence(sentences: list[tuple[int, int]], offset: int, block: Block) -> tuple[int, int]:
    for start, end in sentences:
        if start <= offset < end:
            return max(start, block.start), min(end, block.end)
    return block.start, block.end


@register
class AnecdotalEvidence(Check):
    """What it finds: testimonies offered as proof that a treatment works: a first-person story
    of recovery ("After two weeks on the drops my arthritis was gone", "it cured my migraines",
    "I have been pain free ever since", "this worked wonders for me"), counts of satisfied users
    ("thousands of satisfied customers", "has helped thousands of people") and sections headed
    "Testimonials" or "Success stories"; and the author's own method or discovery offered on
    personal experience ("I invented this method", "using my method the pain would go"). A
    testimony must name a condition or a treatment in its paragraph, a count of users in its
    sentence. Testimonies quoted as examples of advertising ("adverts quote customers saying
    'it changed my life'") are mentions, not evidence, and are not reported.

    Why it matters: HONcode asks that claims about a treatment's benefits be backed by balanced
    evidence, and DISCERN asks what the information is based on. A story of one person who got
    better cannot tell a reader whether the treatment worked, whether the illness would have
    passed anyway or how many people it did not help; a count of customers measures sales, not
    effect. Pages that sell unproven remedies lean on testimonies because they have no trials.

    Example: "I had suffered from heartburn for ten years. After one week of taking the tablets
    my heartburn was completely gone!" (one finding, on the second sentence).

    How to fix: state what controlled studies found and cite them; if a patient's story
    belongs in the article, present it as one person's experience, not as proof, and say what
    the evidence shows beside it. A method of one's own needs a trial before it is advice.
    """

    id = "anecdotal-evidence"
    category = "medical-claim"
    severity = Severity.WARNING
    languages = frozenset({"en"})  # English lexicon
    needs = frozenset({NEED_SENTENCES})
    summary = "A testimony or a count of satisfied users offered as proof that a treatment works"

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        found = patterns()
        sentences: list[tuple[int, int]] | None = None
        for block in document.blocks:
            text = normalise(document.block_text(block))
            if len(text.split()) <= HEADING_MAX_WORDS and any(p.search(text.strip()) for p in found["heading"]):
                yield Finding(self.id, MESSAGES["heading"], block.start, block.end)
                continue
            matches = list(self._matches(text, found))
            if not matches or not names_health_terms(text):
                continue
            if sentences is None:
                sentences = analysis.sentences
            reported: set[tuple[int, int]] = set()
            for kind, offset in matches:
                start, end = _sentence(sentences, block.start + offset, block)
                sentence = document.text[start:end]
                if (start, end) in reported or self._mentioned(sentence, found):
                    continue
                if kind == "crowd" and not names_health_terms(sentence):
                    continue  # "the platform has helped thousands of people monetize ..."
                reported.add((start, end))
                yield Finding(self.id, MESSAGES[kind], start, end)

    @staticmethod
    def _matches(text: str, found: Mapping[str, tuple[re.Pattern[str], ...]]) -> Iterator[tuple[str, int]]:
        hits = sorted((m.start(), kind) for kind in ("testimony", "crowd", "own-method") for p in found[kind]
                      for m in p.finditer(text))
        for offset, kind in hits:
            yield kind, offset

    @staticmethod
    def _mentioned(sentence: str, found: Mapping[str, tuple[re.Pattern[str], ...]]) -> bool:
        """A testimony quoted as an example of advertising: quotation marks and a word for adverts."""
        text = normalise(sentence)
        return any(q in sentence for q in QUOTE_MARKS) and any(p.search(text) for p in found["mention"])
