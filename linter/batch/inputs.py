"""Audit inputs turned into records: files in folders, JSONL (optionally gzipped) and WARC.

Every record gets a key that is unique and stable across runs (resuming relies on it) and a
name for its report (the record's id, else its URL, else where it was found). A record that
cannot be read becomes a record with an ``error`` instead of stopping the audit.
"""

from __future__ import annotations

import gzip
import json
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, cast

from linter.discovery import DEFAULT_INCLUDE, walk

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
CONTAINER_PATTERNS = tuple(f"*{s}" for s in JSONL_SUFFIXES + WARC_SUFFIXES)
FIELD_FORMATS = {"html": "html", "markdown": "md", "md": "md", "text": "txt", "txt": "txt"}
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class RecordFields:
    """Which JSONL fields hold the id, URL, title and content (content: "field" or "field:format")."""

    id: str = "id"
    url: str = "url"
    title: str = "title"
    content: tuple[str, ...] = ("html", "markdown", "text")

    def content_formats(self) -> list[tuple[str, str]]:
        out = []
        for spec in self.content:
            name, _, fmt = spec.partition(":")
            out.append((name, FIELD_FORMATS.get(fmt or name, fmt or "txt")))
        return out


@dataclass(frozen=True)
class Record:
    """One article to lint, or a record that could not be read (``error`` set, no data)."""

    key: str
    name: str
    data: bytes = b""
    fmt: str = "txt"
    title: str | None = None
    url: str | None = None
    origin: str = ""  # the input file it came from
    error: str | None = None


@dataclass
class InputStats:
    """What reading the inputs met besides articles: skipped records by reason, missing inputs."""

    skipped: Counter[str] = field(default_factory=Counter)
    missing: list[str] = field(default_factory=list)


class RecordReader:
    """Iterates the records of the given inputs in a stable order."""

    def __init__(self, inputs: Sequence[str], fields: RecordFields | None = None,
                 max_bytes: int = 5 * 1024 * 1024) -> None:
        self.inputs = list(inputs)
        self.fields = fields or RecordFields()
        self.max_bytes = max_bytes
        self.stats = InputStats()
        self._keys: Counter[str] = Counter()

    def files(self) -> list[str]:
        found: list[str] = []
        for given in self.inputs:
            if os.path.isdir(given):
                found.extend(walk(given, (*DEFAULT_INCLUDE, *CONTAINER_PATTERNS), ()))
            elif os.path.exists(given):
                found.append(given)
            elif given not in self.stats.missing:
                self.stats.missing.append(given)
        return found

    def __iter__(self) -> Iterator[Record]:
        for path in self.files():
            lower = path.lower()
            if lower.endswith(JSONL_SUFFIXES):
                yield from self._unique(self._jsonl(path))
            elif lower.endswith(WARC_SUFFIXES):
                yield from self._unique(self._warc(path))
            else:
                yield from self._unique([self._file(path)])

    def count(self) -> int | None:
        """How many records the inputs hold, when that is cheap to know (None with WARC inputs)."""
        total = 0
        for path in self.files():
            lower = path.lower()
            if lower.endswith(WARC_SUFFIXES):
                return None
            if lower.endswith(JSONL_SUFFIXES):
                try:
                    with _open(path) as fh:
                        total += sum(1 for line in fh if line.strip())
                except (OSError, EOFError, gzip.BadGzipFile):
                    total += 1
            else:
                total += 1
        return total

    def _unique(self, records: Iterator[Record] | list[Record]) -> Iterator[Record]:
        """Numbers repeated keys (#2, #3 ...) so that each record keeps its own entry."""
        for record in records:
            self._keys[record.key] += 1
            n = self._keys[record.key]
            if n > 1:
                record = Record(f"{record.key}#{n}", f"{record.name}#{n}", record.data, record.fmt,
                                record.title, record.url, record.origin, record.error)
            yield record

    # ---- one reader per kind of input ---------------------------------------------------------

    def _file(self, path: str) -> Record:
        from linter.readers import format_for

        try:
            size = os.path.getsize(path)
            if size > self.max_bytes:
                return Record(path, path, origin=path,
                              error=f"file too large ({size:,} bytes; the limit is {self.max_bytes:,})")
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            return Record(path, path, origin=path, error=f"cannot read: {exc.strerror or exc}")
        return Record(path, path, data, format_for(path) or "txt", origin=path)

    def _jsonl(self, path: str) -> Iterator[Record]:
        lineno = 0
        try:
            with _open(path) as fh:
                for lineno, raw in enumerate(fh, 1):
                    if raw.strip():
                        yield self._json_record(path, lineno, raw)
        except (OSError, EOFError, gzip.BadGzipFile, ValueError) as exc:
            where = f"{path}:{lineno + 1}"
            yield Record(where, where, origin=path, error=f"input broken after line {lineno}: {exc}")

    def _json_record(self, path: str, lineno: int, raw: bytes) -> Record:
        where = f"{path}:{lineno}"
        if len(raw) > self.max_bytes * 2:  # JSON escaping can double a page's size
            return Record(where, where, origin=path, error=f"record too large ({len(raw):,} bytes)")
        try:
            obj: Any = json.loads(raw)
        except ValueError as exc:
            return Record(where, where, origin=path, error=f"invalid JSON: {exc}")
        if not isinstance(obj, dict):
            return Record(where, where, origin=path, error="a record must be a JSON object")
        ident, url, title = (_text(obj.get(f)) for f in (self.fields.id, self.fields.url, self.fields.title))
        name = ident or url or where
        for fld, fmt in self.fields.content_formats():
            value = obj.get(fld)
            if isinstance(value, str) and value.strip():
                try:
                    data = value.encode("utf-8")
                except UnicodeEncodeError as exc:
                    return Record(name, name, origin=path, title=title, url=url,
                                  error=f"field {fld!r} is not valid Unicode text: {exc.reason}")
                return Record(name, name, data, fmt, title, url, path)
        fields = ", ".join(f for f, _ in self.fields.content_formats())
        return Record(name, name, origin=path, title=title, url=url,
                      error=f"no content: none of the fields {fields} holds text")

    def _warc(self, path: str) -> Iterator[Record]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        n = 0
        try:
            with open(path, "rb") as fh:
                for n, record in enumerate(ArchiveIterator(fh), 1):
                    if record.rec_type != "response":
                        self.stats.skipped[f"warc {record.rec_type} record"] += 1
                        continue
                    url = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#{n}"
                    http = record.http_headers
                    ctype = (http.get_header("Content-Type") or "") if http else ""
                    if http is None or not ctype.lower().startswith(HTML_TYPES):
                        self.stats.skipped["warc response that is not HTML"] += 1
                        continue
                    status = http.get_statuscode()
                    if not status.startswith("2"):
                        self.stats.skipped[f"warc response with HTTP status {status[:1]}xx"] += 1
                        continue
                    yield self._warc_record(path, url, ctype, record)
        except (OSError, EOFError, ArchiveLoadFailed, ValueError) as exc:
            where = f"{path}#{n + 1}"
            yield Record(where, where, origin=path, error=f"WARC broken after record {n}: {exc}")

    def _warc_record(self, path: str, url: str, ctype: str, record: Any) -> Record:
        data = record.content_stream().read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            return Record(url, url, url=url, origin=path,
                          error=f"page too large (over {self.max_bytes:,} bytes)")
        charset = _charset(ctype)
        if charset and charset not in ("utf-8", "utf8"):
            try:
                data = data.decode(charset).encode("utf-8")
            except (LookupError, UnicodeDecodeError) as exc:
                return Record(url, url, url=url, origin=path, error=f"cannot decode as {charset}: {exc}")
        return Record(url, url, data, "html", url=url, origin=path)


def _open(path: str) -> IO[bytes]:
    if path.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def _text(value: object) -> str | None:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    return None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None
