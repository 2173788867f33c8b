"""What counts as a real word: a general word list, the medical lists and the user's own words.

The general list is wordsegment's unigram counts (333,000 words of English web text, which
knows most drug and condition names). It also knows frequent misspellings ("recieve"), so a
word it knows is still suspect when a far more frequent word is one or two edits away.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import cache

from checks.grammar import lexicon
from linter.table_cache import cached_table

MEDICAL_FILES = ("grammar_medical_words.txt", "grammar_drug_words.txt")
_lock = threading.Lock()


def _read_counts(path: str) -> dict[str, float]:
    """wordsegment's tab-separated ``key<TAB>count`` lines, parsed without a Python loop
    (its own parser takes most of a second per file; keys never contain a tab)."""
    with open(path, encoding="utf-8") as reader:
        fields = reader.read().replace("\n", "\t").split("\t")
    if len(fields) % 2:
        fields.pop()  # the empty field after the final newline
    return dict(zip(fields[0::2], map(float, fields[1::2]), strict=True))


@cache
def _segmenter() -> object:
    """wordsegment's Segmenter with unigrams only; bigrams load on the first segmentation."""
    import wordsegment

    segmenter = wordsegment.Segmenter()
    with _lock:
        segmenter.unigrams.update(cached_table(segmenter.UNIGRAMS_FILENAME, "unigrams", _read_counts))
        segmenter.total = segmenter.TOTAL
        segmenter.limit = segmenter.LIMIT
    return segmenter


@cache
def _bigrams_loaded() -> bool:
    segmenter = _segmenter()
    with _lock:
        segmenter.bigrams.update(  # type: ignore[attr-defined]
            cached_table(segmenter.BIGRAMS_FILENAME, "bigrams", _read_counts))  # type: ignore[attr-defined]
    return True


def word_counts() -> dict[str, float]:
    """Web frequency of each known lowercase word."""
    counts: dict[str, float] = _segmenter().unigrams  # type: ignore[attr-defined]
    return counts


def segment(word: str) -> list[str]:
    """The most probable split of a run-together lowercase word into words."""
    _bigrams_loaded()
    parts: list[str] = _segmenter().segment(word)  # type: ignore[attr-defined]
    return parts


@cache
def medical_words() -> frozenset[str]:
    words: set[str] = set()
    for name in MEDICAL_FILES:
        words.update(lexicon.word_set(name))
    return frozenset(words)


class Vocabulary:
    """The words one lint run accepts: general and medical lists plus the user's words."""

    def __init__(self, user_words: Iterable[str] = ()) -> None:
        self.counts = word_counts()
        self.medical = medical_words()
        self.user = frozenset(w.strip().lower() for w in user_words if w.strip())

    def is_listed(self, word: str) -> bool:
        """A medical word or one of the user's words: never a misspelling."""
        low = word.lower()
        return low in self.user or low in self.medical

    def count(self, word: str) -> float:
        return self.counts.get(word.lower(), 0.0)

    def most_common_neighbour(self, word: str) -> str | None:
        """The most frequent known word one edit away (ties by spelling), or None."""
        best: tuple[float, str] | None = None
        for candidate in edits1(word.lower()):
            count = self.counts.get(candidate)
            if count is not None and (best is None or (count, candidate) > best):
                best = (count, candidate)
        return best[1] if best else None

    def knows(self, word: str) -> bool:
        low = word.lower()
        if self.is_listed(low) or low in self.counts:
            return True
        parts = [p for p in low.replace("’", "'").split("-") if p]
        return len(parts) > 1 and all(self.is_listed(p) or p in self.counts for p in parts)


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    inserts = {a + c + b for a, b in splits for c in LETTERS}
    return (deletes | transposes | replaces | inserts) - {word}


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count one), capped at limit."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return min(previous[-1], limit)
