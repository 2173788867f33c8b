"""The grammar check's data files in checks/data (grammar_*.txt): plain lines, # comments, [sections]."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of checks/data/<name>, stripped."""
    out: list[str] = []
    for raw in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """A data file in [section] groups: section name -> its lines."""
    groups: dict[str, list[str]] = {}
    current = ""
    for line in lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            groups.setdefault(current, [])
        else:
            groups.setdefault(current, []).append(line)
    return {k: tuple(v) for k, v in groups.items()}


@cache
def mapping(name: str, section: str) -> dict[str, str]:
    """`key = value` lines of one section."""
    out: dict[str, str] = {}
    for line in sections(name).get(section, ()):
        key, _, value = line.partition("=")
        out[key.strip()] = value.strip()
    return out


@cache
def word_set(name: str, section: str | None = None) -> frozenset[str]:
    """The lowercase words of a file, or of one of its sections."""
    items = lines(name) if section is None else sections(name).get(section, ())
    return frozenset(w.lower() for w in items)
