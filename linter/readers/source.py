"""Decoding a file's bytes into source text, with one-line errors for bad input."""

from __future__ import annotations

import codecs
import re

DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class InputError(Exception):
    """A file that cannot be linted; ``str()`` is one line naming the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> element, if Python knows it."""
    m = DECLARED_CHARSET.search(data[:8192])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_source(path: str, data: bytes, max_bytes: int | None = None, html: bool = False) -> str:
    """UTF-8 (BOM optional) to text with newlines normalised to ``\\n``.

    An HTML page that is not UTF-8 but declares another charset in a <meta> element is decoded
    with that charset (declared, so never a silent guess); anything else that is not UTF-8 is an error.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(path, f"file too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not a text article")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        charset = declared_charset(data) if html else None
        if charset and charset != "utf-8":
            try:
                return _normalise_newlines(data.decode(charset))
            except UnicodeDecodeError as exc2:
                problem = f"invalid {charset} (the declared charset) at byte offset {exc2.start}"
                raise InputError(path, problem) from None
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            path, f"invalid UTF-8 at byte offset {exc.start} (byte 0x{bad}); re-save the file as UTF-8"
        ) from None
    return _normalise_newlines(text)


def _normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
