"""HTML reader: trafilatura main-content extraction, each block aligned back to the HTML source.

trafilatura gives the article's blocks (headings, paragraphs, list items, quotes, table cells)
and metadata but no positions. The source's visible text is scanned into a stream of
non-whitespace characters, each with its source span (character references decoded), and
every extracted block is found in that stream, so whitespace collapse and entities do not
matter. Nothing is fetched or executed: scripts and styles are only skipped.
"""

from __future__ import annotations

import html as htmllib
import re
from array import array

from linter.document import Document, DocumentBuilder, Meta
from linter.readers.source import InputError

SKIP_ELEMENT = re.compile(r"<(script|style|noscript|template|svg|head)\b[^>]*>.*?</\1\s*>", re.I | re.S)
MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?.*?>|</?[a-zA-Z][^>]*>", re.S)
CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
NON_SPACE = re.compile(r"\S+")
LANG_ATTR = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)
BLOCK_TAGS = {"head": "heading", "p": "paragraph", "item": "list-item", "cell": "table-cell", "quote": "quote"}
Piece = tuple[str, int, int]


class VisibleText:
    """The source's visible characters without whitespace, each with its source span."""

    def __init__(self, source: str) -> None:
        chars: list[str] = []
        starts = array("l")
        ends = array("l")
        pos = 0
        for start, end in self._text_runs(source):
            run = source[start:end]
            last = 0
            for ref in CHAR_REF.finditer(run):
                self._add_literal(run[last : ref.start()], start + last, chars, starts, ends)
                decoded = htmllib.unescape(ref.group())
                for ch in decoded:
                    if not ch.isspace():
                        chars.append(ch)
                        starts.append(start + ref.start())
                        ends.append(start + ref.end())
                last = ref.end()
            self._add_literal(run[last:], start + last, chars, starts, ends)
            pos = end
        del pos
        self.text = "".join(chars)
        self.starts = starts
        self.ends = ends

    @staticmethod
    def _add_literal(text: str, base: int, chars: list[str], starts: array, ends: array) -> None:
        for m in NON_SPACE.finditer(text):
            chars.append(m.group())
            starts.extend(range(base + m.start(), base + m.end()))
            ends.extend(range(base + m.start() + 1, base + m.end() + 1))

    @staticmethod
    def _text_runs(source: str) -> list[tuple[int, int]]:
        skipped = [(m.start(), m.end()) for m in SKIP_ELEMENT.finditer(source)]
        runs: list[tuple[int, int]] = []
        pos = 0
        skip_i = 0
        for m in MARKUP.finditer(source):
            if m.start() < pos:
                continue
            while skip_i < len(skipped) and skipped[skip_i][1] <= m.start():
                skip_i += 1
            if skip_i < len(skipped) and skipped[skip_i][0] <= m.start() < skipped[skip_i][1]:
                if pos < skipped[skip_i][0]:
                    runs.append((pos, skipped[skip_i][0]))
                pos = skipped[skip_i][1]
                continue
            if m.start() > pos:
                runs.append((pos, m.start()))
            pos = m.end()
        if pos < len(source):
            runs.append((pos, len(source)))
        return runs


def _align_block(text: str, visible: VisibleText, cursor: int) -> tuple[list[Piece], int, int]:
    """Pieces for ``text`` found in the visible stream at or after ``cursor`` (else anywhere).

    Returns (pieces, new cursor, number of non-space characters matched).
    """
    words = [(m.group(), m.start()) for m in NON_SPACE.finditer(text)]
    squeezed = "".join(w for w, _ in words)
    at = visible.text.find(squeezed, cursor)
    if at == -1:
        at = visible.text.find(squeezed)
    pieces: list[Piece] = []
    matched = 0
    if at != -1:
        k = at
        for word, _ in words:
            pieces.extend(_word_pieces(word, k, visible))
            k += len(word)
        return _with_spaces(text, words, pieces), at + len(squeezed), len(squeezed)
    # trafilatura changed something: align word by word, nearby
    k = cursor
    for word, _ in words:
        found = visible.text.find(word, k, k + len(word) + 2000)
        if found == -1:
            pieces.append((word, visible.starts[k - 1] if k else 0, visible.starts[k - 1] if k else 0))
            continue
        pieces.extend(_word_pieces(word, found, visible))
        matched += len(word)
        k = found + len(word)
    return _with_spaces(text, words, pieces), k, matched


def _word_pieces(word: str, k: int, visible: VisibleText) -> list[Piece]:
    """One linear piece when the word is contiguous in the source, else one per character."""
    s, e = visible.starts[k], visible.ends[k + len(word) - 1]
    if e - s == len(word):
        return [(word, s, e)]
    return [(ch, visible.starts[k + i], visible.ends[k + i]) for i, ch in enumerate(word)]


def _with_spaces(text: str, words: list[tuple[str, int]], pieces: list[Piece]) -> list[Piece]:
    """Re-insert single spaces (or newlines) between words; they map to no source span of their own."""
    out: list[Piece] = []
    word_i = 0
    consumed = 0
    for piece in pieces:
        if consumed == 0 and word_i > 0:
            gap_start = words[word_i - 1][1] + len(words[word_i - 1][0])
            gap = text[gap_start : words[word_i][1]]
            sep = "\n" if "\n" in gap else " "
            prev_end = out[-1][2] if out else piece[1]
            out.append((sep, prev_end, prev_end))
        out.append(piece)
        consumed += len(piece[0])
        if consumed >= len(words[word_i][0]):
            word_i += 1
            consumed = 0
    return out


def _inline_text(element: object) -> str:
    """Text of an element without its nested block elements; <lb/> becomes a newline."""
    parts: list[str] = []
    el = element  # lxml element
    if getattr(el, "text", None):
        parts.append(el.text)  # type: ignore[attr-defined]
    for child in el:  # type: ignore[attr-defined]
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "lb":
            parts.append("\n")
        elif tag not in BLOCK_TAGS and tag not in ("list", "table", "row"):
            parts.append(_inline_text(child))
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)


def _extract(source: str) -> tuple[list[tuple[str, str, int]], dict[str, str | None]]:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            source,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            output_format="python",
            favor_precision=False,
        )
    except RecursionError:
        raise InputError("", "HTML nested too deeply to parse") from None
    meta: dict[str, str | None] = {}
    blocks: list[tuple[str, str, int]] = []
    if result is None:
        return blocks, meta
    for key in ("title", "author", "date", "url", "description"):
        value = getattr(result, key, None)
        meta[key] = str(value) if value else None
    body = getattr(result, "body", None)
    if body is None:
        return blocks, meta
    for el in body.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        kind = BLOCK_TAGS.get(tag)
        if not kind:
            continue
        text = _inline_text(el)
        if not text.strip():
            continue
        level = 0
        if kind == "heading":
            rend = el.get("rend") or "h2"
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
        blocks.append((kind, text, level))
    return blocks, meta


def read_html(path: str, source: str, meta: Meta) -> Document:
    try:
        blocks, extracted = _extract(source)
    except InputError as exc:
        raise InputError(path, exc.problem) from None
    visible = VisibleText(source)
    builder = DocumentBuilder(source)
    cursor = 0
    matched = 0
    for kind, text, level in blocks:
        pieces, cursor, got = _align_block(text, visible, cursor)
        matched += got
        builder.add_block(kind, pieces, level=level)
    for key, value in extracted.items():
        if value and getattr(meta, key) is None:
            setattr(meta, key, value)
    lang = LANG_ATTR.search(source[:5000])
    if lang and not meta.language:
        meta.language = lang.group(1).lower()
    meta.source_chars = len(visible.text)
    meta.dropped_chars = max(0, len(visible.text) - matched)
    return builder.build(path, meta)
