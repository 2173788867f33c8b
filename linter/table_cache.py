"""Large data tables compiled once into the user's cache directory, like Python's .pyc files.

Parsing a big text table (the grammar check's 333,000 word counts) takes a good part of a
cold start; loading the same dict from its marshalled form takes a fraction of that. The
compiled copy is keyed by the source file's path, size and modification time and by the
Python version, lives in ``$XDG_CACHE_HOME/healthlint`` (``~/.cache/healthlint``), and is
rebuilt whenever it is missing, stale or unreadable. A cache that cannot be written is
skipped silently: the table is then parsed each time, as without this module.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = 1  # bump when the builders' output changes shape


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "healthlint" / "tables"


def _key(source: str, name: str) -> str:
    stat = os.stat(source)
    parts = (os.path.realpath(source), stat.st_size, stat.st_mtime_ns, name, FORMAT, sys.version_info[:2],
             marshal.version)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:24]


def cached_table(source: str, name: str, build: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """build(source), or the copy compiled by an earlier run when the source is unchanged."""
    try:
        target = cache_dir() / f"{name}-{_key(source, name)}.marshal"
    except OSError:
        return build(source)
    try:
        table = marshal.loads(target.read_bytes())
        if isinstance(table, dict):
            return table
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = build(source)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
            handle.write(marshal.dumps(table))
        os.replace(handle.name, target)
    except OSError:
        pass
    return table
