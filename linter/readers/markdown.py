"""Markdown reader: markdown-it-py blocks aligned to the source; front matter becomes metadata.

Code (fenced, indented, inline), raw HTML, HTML comments, link targets and bare URLs are not
prose and never reach the document text.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from linter.document import Document, DocumentBuilder, Meta

CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
Piece = tuple[str, int, int]


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def _line_offsets(source: str) -> list[int]:
    offsets = [0]
    for i, ch in enumerate(source):
        if ch == "\n":
            offsets.append(i + 1)
    offsets.append(len(source) + 1)
    return offsets


class _Aligner:
    """Finds each inline text fragment in the source, moving forward only."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.cursor = 0

    def locate(self, text: str, region_start: int, region_end: int) -> list[Piece]:
        start = max(self.cursor, region_start)
        idx = self.source.find(text, start, region_end)
        if idx != -1:
            self.cursor = idx + len(text)
            return [(text, idx, idx + len(text))]
        # escapes or character references: match character by character
        pieces: list[Piece] = []
        pos = start
        for ch in text:
            found = self._find_char(ch, pos, region_end)
            if found is None:
                pieces.append((ch, pos, pos))
                continue
            pieces.append((ch, found[0], found[1]))
            pos = found[1]
        self.cursor = max(self.cursor, pos)
        return _merge(pieces)

    def _find_char(self, ch: str, pos: int, region_end: int) -> tuple[int, int] | None:
        """Source span of ``ch`` at or after ``pos``: itself, or a reference that decodes to it."""
        pattern = re.compile(re.escape(ch) + r"|&|\\")
        while True:
            m = pattern.search(self.source, pos, region_end)
            if m is None:
                return None
            idx = m.start()
            if self.source[idx] == "&" and ch != "&":
                ref = CHAR_REF.match(self.source, idx)
                if ref and html.unescape(ref.group()) == ch:
                    return idx, ref.end()
                pos = idx + 1
                continue
            if self.source[idx] == "&":
                ref = CHAR_REF.match(self.source, idx)
                return (idx, ref.end()) if ref and ref.group() != "&" else (idx, idx + 1)
            if self.source[idx] == "\\" and ch != "\\":
                pos = idx + 1
                continue
            return idx, idx + 1


def _merge(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for text, s, e in pieces:
        if merged:
            pt, ps, pe = merged[-1]
            if pe == s and len(pt) == pe - ps and len(text) == e - s:
                merged[-1] = (pt + text, ps, e)
                continue
        merged.append((text, s, e))
    return merged


def _without_urls(piece: Piece) -> list[Piece]:
    text, s, e = piece
    if len(text) != e - s or not URL.search(text):
        return [piece]
    out: list[Piece] = []
    last = 0
    for m in URL.finditer(text):
        out.append((text[last : m.start()], s + last, s + m.start()))
        last = m.end()
    out.append((text[last:], s + last, e))
    return [p for p in out if p[0]]


def _inline_pieces(inline: Token, aligner: _Aligner, region: tuple[int, int]) -> list[Piece]:
    pieces: list[Piece] = []
    in_link_depth = 0
    for child in inline.children or []:
        if child.type == "text" and child.content:
            for piece in aligner.locate(child.content, *region):
                pieces.extend(_without_urls(piece))
        elif child.type in ("softbreak", "hardbreak"):
            nl = aligner.source.find("\n", aligner.cursor, region[1])
            if nl != -1:
                pieces.append(("\n", nl, nl + 1))
                aligner.cursor = nl + 1
            else:
                pieces.append((" ", aligner.cursor, aligner.cursor))
        elif child.type == "link_open":
            in_link_depth += 1
        elif child.type == "link_close":
            in_link_depth -= 1
        # code_inline, html_inline, images: not prose
    return pieces


def _front_matter(content: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def read_markdown(path: str, source: str, meta: Meta) -> Document:
    tokens = _parser().parse(source)
    lines = _line_offsets(source)
    builder = DocumentBuilder(source)
    aligner = _Aligner(source)
    context: list[str] = []  # open container kinds: quote, list-item, th/td
    heading_level = 0
    for token in tokens:
        if token.type == "front_matter":
            data = _front_matter(token.content)
            for key in ("title", "author", "date", "description", "url", "language"):
                value = data.get(key)
                if value is not None and getattr(meta, key) is None:
                    setattr(meta, key, str(value))
            if token.map:
                aligner.cursor = lines[min(token.map[1], len(lines) - 1)] - 1
            continue
        if token.type == "blockquote_open":
            context.append("quote")
        elif token.type == "list_item_open":
            context.append("list-item")
        elif token.type in ("th_open", "td_open"):
            context.append("table-cell")
        elif token.type in ("blockquote_close", "list_item_close", "th_close", "td_close"):
            context.pop()
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "inline" and token.map:
            region = (lines[token.map[0]], lines[min(token.map[1], len(lines) - 1)] - 1)
            pieces = _inline_pieces(token, aligner, region)
            if heading_level:
                builder.add_block("heading", pieces, level=heading_level)
            else:
                builder.add_block(context[-1] if context else "paragraph", pieces)
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type in ("fence", "code_block", "html_block") and token.map:
            aligner.cursor = max(aligner.cursor, lines[min(token.map[1], len(lines) - 1)] - 1)
    doc = builder.build(path, meta)
    if not meta.title:
        for block in doc.blocks:
            if block.kind == "heading" and block.level == 1:
                meta.title = doc.block_text(block)
                break
    return doc
