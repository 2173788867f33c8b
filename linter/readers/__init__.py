"""Readers turn a file's bytes into a Document; ``read_document`` picks one by extension."""

from __future__ import annotations

from pathlib import Path

from linter.document import Document, Meta
from linter.readers.source import InputError, decode_source

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def format_for(path: str) -> str | None:
    return TEXT_SUFFIXES.get(Path(path).suffix.lower())


def parse_source(path: str, source: str, fmt: str, meta: Meta | None = None) -> Document:
    """Build a Document from already decoded source text in the given format."""
    meta = meta or Meta()
    meta.format = fmt
    if fmt == "md":
        from linter.readers.markdown import read_markdown

        return read_markdown(path, source, meta)
    if fmt == "html":
        from linter.readers.html import read_html

        return read_html(path, source, meta)
    from linter.readers.text import read_text

    return read_text(path, source, meta)


def read_bytes(path: str, data: bytes, fmt: str | None = None, max_bytes: int | None = None) -> Document:
    fmt = fmt or format_for(path) or "txt"
    source = decode_source(path, data, max_bytes=max_bytes, html=fmt == "html")
    return parse_source(path, source, fmt)


def read_document(path: str, max_bytes: int | None = None, fmt: str | None = None) -> Document:
    """Read and parse one file; raises InputError with a one-line message on bad input."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(path, f"file too large ({size:,} bytes; the limit is {max_bytes:,})")
        with p.open("rb") as fh:
            data = fh.read()
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return read_bytes(path, data, fmt=fmt, max_bytes=max_bytes)


__all__ = ["InputError", "format_for", "parse_source", "read_bytes", "read_document"]
