"""Offset conversions between a Python str (code points) and engines that count otherwise."""

from __future__ import annotations

from bisect import bisect_right


class Utf16Offsets:
    """Maps UTF-16 code unit offsets (LanguageTool, Java, JavaScript) to code point offsets of a str.

    Characters outside the Basic Multilingual Plane (most emoji, rare CJK ideographs) take two
    UTF-16 units but one code point; everything before them shifts by one per such character.
    """

    def __init__(self, text: str) -> None:
        # UTF-16 offsets just past each astral character, in order
        self._astral_ends: list[int] = []
        units = 0
        for ch in text:
            units += 2 if ord(ch) > 0xFFFF else 1
            if ord(ch) > 0xFFFF:
                self._astral_ends.append(units)
        self._length = len(text)

    def to_codepoint(self, utf16_offset: int) -> int:
        """The code point offset of a UTF-16 offset at a character boundary."""
        return min(self._length, utf16_offset - bisect_right(self._astral_ends, utf16_offset))

    def span(self, utf16_offset: int, utf16_length: int) -> tuple[int, int]:
        """(start, end) in code points of a UTF-16 (offset, length) pair."""
        start = self.to_codepoint(utf16_offset)
        end = self.to_codepoint(utf16_offset + utf16_length)
        return start, max(end, start)


def utf16_length(text: str) -> int:
    return sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)
