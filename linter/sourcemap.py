"""Map offsets in a document's prose text back to lines and columns of its source file."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A run of document text [text_start, text_end) that came from source [src_start, src_end).

    When both runs have the same length the mapping is character by character; otherwise
    (a decoded character reference, collapsed whitespace) the run maps as a whole.
    """

    text_start: int
    text_end: int
    src_start: int
    src_end: int


class SourceMap:
    """Text offset -> source offset -> (line, column), 1-based, columns in code points."""

    def __init__(self, source: str, segments: list[Segment]) -> None:
        self.source = source
        self.segments = sorted(segments, key=lambda s: s.text_start)
        self._starts = [s.text_start for s in self.segments]
        self._line_starts = [0]
        pos = source.find("\n")
        while pos != -1:
            self._line_starts.append(pos + 1)
            pos = source.find("\n", pos + 1)

    def _segment_at(self, offset: int) -> Segment | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return self.segments[0] if self.segments else None
        return self.segments[i]

    def source_offset(self, offset: int, *, end: bool = False) -> int:
        """Source offset of the text character at ``offset``.

        With ``end=True`` the result is the exclusive source end of that character.
        """
        seg = self._segment_at(offset)
        if seg is None:
            return 0
        if offset >= seg.text_end:  # a separator between segments: stick to the previous one
            return seg.src_end
        if seg.text_end - seg.text_start == seg.src_end - seg.src_start:
            base = seg.src_start + (offset - seg.text_start)
            return base + 1 if end else base
        return seg.src_end if end else seg.src_start

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span [s, e) covering text span [start, end) (end exclusive, end > start)."""
        s = self.source_offset(start)
        e = self.source_offset(max(start, end - 1), end=True)
        return s, max(s, e)

    def position(self, src_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        line = bisect.bisect_right(self._line_starts, src_offset) - 1
        return line + 1, src_offset - self._line_starts[line] + 1

    def line_of_text(self, offset: int) -> int:
        return self.position(self.source_offset(offset))[0]

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.source)
        return self.source[start:end]
