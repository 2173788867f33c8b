"""Reading the checks' data files (``checks/data/``): one entry a line, ``#`` comments,
optional ``[section]`` headers. Every check family reads its lexicons through here."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@cache
def data_lines(name: str, inline_comments: bool = False) -> tuple[str, ...]:
    """Non-empty lines of ``checks/data/<name>``, stripped, without ``#`` comment lines.

    With ``inline_comments``, a `` #`` inside a line also starts a comment.
    """
    out: list[str] = []
    for raw in (DATA / name).read_text(encoding="utf-8").splitlines():
        if raw.lstrip().startswith("#"):
            continue
        line = (raw.split(" #", 1)[0] if inline_comments else raw).strip()
        if line:
            out.append(line)
    return tuple(out)


@cache
def data_sections(name: str, inline_comments: bool = False) -> dict[str, tuple[str, ...]]:
    """A data file in ``[section]`` groups: section name -> its lines ("" before the first)."""
    groups: dict[str, list[str]] = {}
    current = ""
    for line in data_lines(name, inline_comments):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            groups.setdefault(current, [])
        else:
            groups.setdefault(current, []).append(line)
    return {k: tuple(v) for k, v in groups.items()}


@cache
def weighted_patterns(name: str, inline_comments: bool = False) -> dict[str, tuple[tuple[int, str], ...]]:
    """A data file of ``[kind]`` sections of ``weight regex`` lines: kind -> (weight, regex) pairs.

    A line without a kind, a whole-number weight or a pattern is an error naming the file."""
    out: dict[str, tuple[tuple[int, str], ...]] = {}
    for kind, lines in data_sections(name, inline_comments).items():
        pairs: list[tuple[int, str]] = []
        for line in lines:
            weight, _, pattern = line.partition(" ")
            if not kind or not weight.isdigit() or not pattern.strip():
                raise ValueError(f"{name}: expected '[kind]' then 'weight regex' lines, got {line!r}")
            pairs.append((int(weight), pattern.strip()))
        out[kind] = tuple(pairs)
    return out
