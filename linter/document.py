"""The document model every reader produces and every check reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.sourcemap import Segment, SourceMap

BLOCK_KINDS = ("heading", "paragraph", "list-item", "quote", "table-cell")


@dataclass(frozen=True)
class Block:
    """A span [start, end) of ``Document.text``: one heading, paragraph, list item, quote or cell."""

    kind: str
    start: int
    end: int
    level: int = 0  # heading level (1-6), 0 otherwise


@dataclass
class Meta:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    description: str | None = None
    language: str | None = None
    format: str = "txt"
    # what the reader dropped as page furniture (HTML: characters of visible text not extracted)
    dropped_chars: int = 0
    source_chars: int = 0


@dataclass
class Document:
    """The prose of one article: text, its blocks, a map back to the source, and metadata."""

    path: str
    source: str
    text: str
    blocks: list[Block]
    source_map: SourceMap
    meta: Meta = field(default_factory=Meta)
    # lines (1-based) of the source carrying a suppression comment, filled by readers
    directives: list[tuple[int, str]] = field(default_factory=list)

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def block_at(self, offset: int) -> Block | None:
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block
        return None

    @property
    def title(self) -> str | None:
        if self.meta.title:
            return self.meta.title
        for block in self.blocks:
            if block.kind == "heading":
                return self.block_text(block)
        return None


class DocumentBuilder:
    """Accumulates blocks of text with their source segments, joining blocks by a blank line."""

    SEPARATOR = "\n\n"

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.segments: list[Segment] = []

    def add_block(self, kind: str, pieces: list[tuple[str, int, int]], level: int = 0) -> None:
        """Add a block made of pieces (text, src_start, src_end). Empty blocks are skipped."""
        pieces = [p for p in pieces if p[0]]
        if not pieces:
            return
        # trim surrounding whitespace of the block, keeping the map exact
        first_text, fs, fe = pieces[0]
        stripped = first_text.lstrip()
        if len(first_text) == fe - fs:
            fs += len(first_text) - len(stripped)
        pieces[0] = (stripped, fs, fe)
        last_text, ls, le = pieces[-1]
        stripped = last_text.rstrip()
        if len(last_text) == le - ls:
            le -= len(last_text) - len(stripped)
        pieces[-1] = (stripped, ls, le)
        pieces = [p for p in pieces if p[0]]
        if not pieces:
            return
        if self._parts:
            self._parts.append(self.SEPARATOR)
            self._length += len(self.SEPARATOR)
        start = self._length
        for text, s, e in pieces:
            self.segments.append(Segment(self._length, self._length + len(text), s, e))
            self._parts.append(text)
            self._length += len(text)
        self.blocks.append(Block(kind, start, self._length, level))

    def build(self, path: str, meta: Meta) -> Document:
        return Document(
            path=path,
            source=self.source,
            text="".join(self._parts),
            blocks=self.blocks,
            source_map=SourceMap(self.source, self.segments),
            meta=meta,
        )
