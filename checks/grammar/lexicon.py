"""The grammar check's data files in checks/data (grammar_*.txt): plain lines, # comments, [sections]."""

from __future__ import annotations

from functools import cache

from checks._data import data_lines, data_sections


def lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of checks/data/<name>, stripped."""
    return data_lines(name)


def sections(name: str) -> dict[str, tuple[str, ...]]:
    """A data file in [section] groups: section name -> its lines."""
    return data_sections(name)


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
