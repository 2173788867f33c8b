"""Plain-text reader: paragraphs, headings and list items from the layout of lines."""

from __future__ import annotations

import re

from linter.document import Document, DocumentBuilder, Meta

BULLET = re.compile(r"^[ \t]*(?:[•\-*–·▪◦]|\d{1,3}[.)])[ \t]+")
TERMINAL = ".!?:;,…"
MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 100


def _is_heading_line(line: str) -> bool:
    stripped = line.strip()
    return (
        bool(stripped)
        and len(stripped) <= MAX_HEADING_CHARS
        and len(stripped.split()) <= MAX_HEADING_WORDS
        and stripped[-1] not in TERMINAL
        and not stripped.lower().startswith("healthlint-disable")
    )


def read_text(path: str, source: str, meta: Meta) -> Document:
    builder = DocumentBuilder(source)
    lines: list[tuple[int, str]] = []  # (offset of line start, line without newline)
    offset = 0
    for raw in source.split("\n"):
        lines.append((offset, raw))
        offset += len(raw) + 1

    paragraph: list[tuple[str, int, int]] = []

    def flush() -> None:
        if paragraph:
            pieces: list[tuple[str, int, int]] = []
            for i, piece in enumerate(paragraph):
                if i:
                    prev_end = paragraph[i - 1][2]
                    pieces.append(("\n", prev_end, prev_end + 1))
                pieces.append(piece)
            builder.add_block("paragraph", pieces)
            paragraph.clear()

    def next_nonblank(i: int) -> str | None:
        for _, text in lines[i + 1 :]:
            if text.strip():
                return text
        return None

    for i, (start, line) in enumerate(lines):
        if not line.strip():
            flush()
            continue
        if line.strip().lower().startswith("healthlint-disable-file:"):
            flush()
            continue
        bullet = BULLET.match(line)
        if bullet:
            flush()
            builder.add_block("list-item", [(line[bullet.end() :], start + bullet.end(), start + len(line))])
            continue
        following = next_nonblank(i)
        starts_group = not paragraph
        if starts_group and _is_heading_line(line) and following is not None:
            next_is_blank_sep = i + 1 < len(lines) and not lines[i + 1][1].strip()
            if next_is_blank_sep or BULLET.match(following) or not _is_heading_line(following):
                builder.add_block("heading", [(line, start, start + len(line))], level=2)
                continue
        paragraph.append((line, start, start + len(line)))
    flush()
    doc = builder.build(path, meta)
    if not meta.title and doc.blocks and doc.blocks[0].kind == "heading":
        meta.title = doc.block_text(doc.blocks[0])
    return doc
