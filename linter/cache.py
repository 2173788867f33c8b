"""The result cache: an article's report, reused while nothing that shapes it has changed.

Reports live in ``.healthlint_cache/results.sqlite`` keyed by a hash of the file's bytes, the
configuration that applies to it (``Config.fingerprint()`` and the checks it enables with
their severities and settings), the run's options, the healthlint version and the code of
the installed checks (so that editing a check or its lexicon never serves stale results).
SQLite in WAL mode lets concurrent runs read and write safely. A cache that cannot be
opened or read is rebuilt with a warning; the cache never makes a run fail.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from linter import __version__
from linter.config import CheckSetting, Config
from linter.findings import LocatedFinding, Severity
from linter.report import ArticleReport
from linter.runner import LintOptions

CACHE_DIR = ".healthlint_cache"
DB_NAME = "results.sqlite"
SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, report BLOB NOT NULL)"
BUSY_TIMEOUT_S = 30.0
MAX_ENTRIES = 100_000  # the oldest writes beyond this are pruned when a run that wrote closes


def code_fingerprint(roots: Iterable[Path]) -> str:
    """Size and modification time of every file of the given packages (checks, lexicons, engine)."""
    digest = hashlib.sha256(__version__.encode())
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                digest.update(f"{os.path.relpath(path, root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _package_roots() -> list[Path]:
    import checks
    import linter

    return [Path(linter.__file__).parent, Path(checks.__file__).parent]


@lru_cache(maxsize=256)
def _module_stamp(module: str) -> str:
    """Size and modification time of a check's module: covers plug-in checks outside the packages."""
    path = getattr(sys.modules.get(module), "__file__", None)
    try:
        st = os.stat(path) if path else None
    except OSError:
        st = None
    return f"{st.st_size}:{st.st_mtime_ns}" if st else ""


def _settings_text(checks: Sequence[CheckSetting]) -> str:
    return json.dumps(
        [[c.check.id, c.check.__module__, _module_stamp(c.check.__module__), c.severity.label, dict(c.settings)]
         for c in checks],
        sort_keys=True, default=str,
    )


def _encode(report: ArticleReport) -> bytes:
    data = asdict(report)
    data["findings"] = [{**asdict(f), "severity": f.severity.label} for f in report.findings]
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"))


def _decode(blob: bytes) -> ArticleReport:
    data: dict[str, Any] = json.loads(zlib.decompress(blob).decode("utf-8"))
    findings = [LocatedFinding(**{**f, "severity": Severity.parse(f["severity"])})
                for f in data.pop("findings")]
    return ArticleReport(**data, findings=findings)


class ResultCache:
    """Article reports stored in SQLite under ``directory``."""

    def __init__(self, directory: Path, code_roots: Iterable[Path] | None = None) -> None:
        self.directory = directory
        self.db_path = directory / DB_NAME
        self.code = code_fingerprint(code_roots if code_roots is not None else _package_roots())
        self.hits = self.misses = self.writes = 0
        self._db: sqlite3.Connection | None = None
        self._disabled = False
        self._rebuilt = False

    # ---- keys ---------------------------------------------------------------------------------

    def key(self, path: str, config: Config, checks: Sequence[CheckSetting],
            options: LintOptions) -> str | None:
        """The cache key of one file, or None when the file cannot be read (no caching then)."""
        try:
            content = Path(path).read_bytes()
        except OSError:
            return None
        parts = [
            self.code,
            hashlib.sha256(content).hexdigest(),
            Path(path).suffix.lower(),  # the format is chosen by extension
            config.fingerprint(),
            str(config.max_file_size),
            _settings_text(checks),
            json.dumps([options.min_severity.label, options.report_unused_suppressions, options.keep_context,
                        options.metrics, options.extra], sort_keys=True, default=str),
        ]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()

    # ---- storage ------------------------------------------------------------------------------

    def _warn(self, problem: str) -> None:
        print(f"healthlint: warning: result cache {self.db_path}: {problem}", file=sys.stderr)

    def _open(self) -> sqlite3.Connection | None:
        if self._db is not None or self._disabled:
            return self._db
        for attempt in (1, 2):
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                ignore = self.directory / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# written by healthlint: the result cache is never committed\n*\n")
                db = sqlite3.connect(self.db_path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(SCHEMA)
                db.execute("SELECT count(*) FROM results WHERE key = ''").fetchone()
                self._db = db
                return db
            except sqlite3.DatabaseError as exc:
                if attempt == 2:
                    break
                self._warn(f"unreadable ({exc}); rebuilding it")
                self._remove_files()
            except OSError as exc:
                self._warn(f"cannot be used ({exc.strerror or exc}); running without it")
                break
        self._disabled = True
        return None

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(f"{self.db_path}{suffix}")
            except FileNotFoundError:
                pass
            except OSError as exc:
                self._warn(f"cannot remove {self.db_path}{suffix}: {exc.strerror or exc}")

    def _fail(self, exc: Exception) -> None:
        """A read or write failed mid-run: rebuild once, then give up on the cache for this run."""
        if self._db is not None:
            self._db.close()
            self._db = None
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            self._warn("busy (another run holds it); continuing without it")
            self._disabled = True
            return
        if self._rebuilt:
            self._warn(f"failed again ({exc}); continuing without it")
            self._disabled = True
            return
        self._rebuilt = True
        self._warn(f"unreadable ({exc}); rebuilding it")
        self._remove_files()

    def get(self, key: str) -> ArticleReport | None:
        db = self._open()
        if db is None:
            return None
        try:
            row = db.execute("SELECT report FROM results WHERE key = ?", (key,)).fetchone()
            report = _decode(row[0]) if row else None
        except sqlite3.DatabaseError as exc:
            self._fail(exc)
            report = None
        except (ValueError, TypeError, KeyError, zlib.error):
            report = None  # an entry of an older layout: treat as absent, it is overwritten
        if report is None:
            self.misses += 1
        else:
            self.hits += 1
        return report

    def put(self, key: str, report: ArticleReport) -> None:
        if report.error is not None or any(f.check == "internal-error" for f in report.findings):
            return  # failures may be transient: never serve them again
        db = self._open()
        if db is None:
            return
        try:
            db.execute("INSERT OR REPLACE INTO results (key, report) VALUES (?, ?)", (key, _encode(report)))
            self.writes += 1
        except sqlite3.DatabaseError as exc:
            self._fail(exc)

    def close(self) -> None:
        if self._db is None:
            return
        if self.writes:
            try:
                self._db.execute("DELETE FROM results WHERE rowid IN "
                                 "(SELECT rowid FROM results ORDER BY rowid DESC LIMIT -1 OFFSET ?)", (MAX_ENTRIES,))
            except sqlite3.DatabaseError as exc:
                self._warn(f"could not be pruned ({exc})")
        self._db.close()
        self._db = None
