"""Decoding a file's bytes into source text, with one-line errors for bad input."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be linted; ``str()`` is one line naming the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def decode_source(path: str, data: bytes, max_bytes: int | None = None) -> str:
    """UTF-8 (BOM optional) to text with newlines normalised to ``\\n``."""
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
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            path, f"invalid UTF-8 at byte offset {exc.start} (byte 0x{bad}); re-save the file as UTF-8"
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
