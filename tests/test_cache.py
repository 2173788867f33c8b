"""The result cache: reused while nothing changed, invalidated by content, configuration and
check code, rebuilt (with a warning) when corrupt, and safe for concurrent runs."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from linter.cache import DB_NAME, ResultCache
from linter.cli import main
from linter.config import ConfigResolver, find_config_file
from linter.engine import Session
from linter.findings import LocatedFinding, Severity
from linter.registry import Registry
from linter.report import ArticleReport

ROOT = Path(__file__).resolve().parent.parent
LONG = ("People who stop taking an antidepressant suddenly can feel dizzy, irritable and unwell for a "
        "few weeks, which is why doctors usually lower the dose slowly over a month or more and check "
        "in with the patient along the way.")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "a.md").write_text(f"# Stopping\n\n{LONG}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Sleep\n\nKeep a regular bedtime. Avoid screens late at night.\n",
                                   encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def session(registry: Registry, cache_dir: Path) -> Session:
    s = Session(registry, ConfigResolver(registry), select=["readability", "empty-content"])
    s.cache = ResultCache(cache_dir, code_roots=[])  # the check code is covered separately below
    return s


def test_second_run_is_served_from_the_cache_with_the_same_report(repo: Path, registry: Registry) -> None:
    first = session(registry, repo / ".healthlint_cache")
    reports = [first.lint_path(p) for p in ("a.md", "b.md")]
    assert first.cache is not None and (first.cache.hits, first.cache.misses) == (0, 2)
    second = session(registry, repo / ".healthlint_cache")
    again = [second.lint_path(p, display=f"./{p}") for p in ("a.md", "b.md")]
    assert second.cache is not None and (second.cache.hits, second.cache.misses) == (2, 0)
    assert [r.path for r in again] == ["./a.md", "./b.md"]
    for old, new in zip(reports, again, strict=True):
        assert {**new.to_json(), "path": old.path} == old.to_json()
    assert again[0].findings[0].start == reports[0].findings[0].start
    assert (repo / ".healthlint_cache" / ".gitignore").read_text().strip().endswith("*")


def test_changed_content_selection_or_code_misses(repo: Path, registry: Registry, tmp_path: Path) -> None:
    cache_dir = repo / ".healthlint_cache"
    session(registry, cache_dir).lint_path("a.md")
    (repo / "a.md").write_text(f"# Stopping slowly\n\n{LONG}\n", encoding="utf-8")
    edited = session(registry, cache_dir)
    edited.lint_path("a.md")
    assert edited.cache is not None and edited.cache.misses == 1
    narrower = session(registry, cache_dir)
    narrower.select = ["readability"]
    narrower.lint_path("a.md")
    assert narrower.cache is not None and narrower.cache.misses == 1
    code = tmp_path / "fake_checks"
    code.mkdir()
    (code / "x.py").write_text("A = 1\n")
    before = ResultCache(cache_dir, [code]).code
    os.utime(code / "x.py", ns=(1, 1))
    assert ResultCache(cache_dir, [code]).code != before


def test_configuration_change_misses(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "--format", "json", "--select", "readability", "a.md"]
    main(args)
    first = json.loads(capsys.readouterr().out)["articles"][0]["findings"]
    assert len(first) == 1
    (repo / "healthlint.toml").write_text('[checks.readability]\nmax-sentence-words = 60\n', encoding="utf-8")
    find_config_file.cache_clear()  # a new process would look again; this one remembers "no file"
    main(args)
    assert json.loads(capsys.readouterr().out)["articles"][0]["findings"] == []


def test_a_corrupt_cache_is_rebuilt_with_a_warning(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "--format", "json", "--select", "readability", "a.md"]
    main(args)
    expected = capsys.readouterr().out
    (repo / ".healthlint_cache" / DB_NAME).write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (repo / ".healthlint_cache" / f"{DB_NAME}{suffix}").unlink(missing_ok=True)
    main(args)
    out = capsys.readouterr()
    assert out.out == expected
    assert "warning: result cache" in out.err and "rebuilding" in out.err
    db = sqlite3.connect(repo / ".healthlint_cache" / DB_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM results").fetchone() == (1,)


def test_no_cache_writes_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--no-cache", "--select", "readability", "a.md"])
    assert not (repo / ".healthlint_cache").exists()
    main(["check", "--cache-dir", "elsewhere", "--select", "readability", "a.md"])
    assert (repo / "elsewhere" / DB_NAME).exists()


WRITER = """
import sys
from linter.cache import ResultCache
from linter.findings import LocatedFinding, Severity
from linter.report import ArticleReport
cache = ResultCache(__import__("pathlib").Path(sys.argv[1]), [])
for i in range(60):
    f = LocatedFinding("spam-cta", "spam", Severity.ERROR, "m" * 200, i, 1, i, 2, "t", None, 0, 1)
    cache.put(f"{sys.argv[2]}-{i}", ArticleReport(path="p", findings=[f] * 20))
    cache.get(f"{sys.argv[2]}-{i // 2}")
cache.close()
"""


def test_concurrent_runs_do_not_corrupt_it(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(cache_dir), f"w{n}"], cwd=ROOT,
                              stderr=subprocess.PIPE) for n in range(4)]
    errors = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    assert not any("warning" in e for e in errors), errors
    db = sqlite3.connect(cache_dir / DB_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM results").fetchone() == (240,)
    cache = ResultCache(cache_dir, [])
    report = cache.get("w3-59")
    assert report is not None and len(report.findings) == 20 and report.findings[0].severity is Severity.ERROR


def test_failed_articles_are_not_cached(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path, [])
    broken = LocatedFinding("internal-error", "spam", Severity.ERROR, "boom", None, None, None, None, None, None)
    cache.put("k1", ArticleReport(path="x", findings=[broken]))
    cache.put("k2", ArticleReport(path="x", error="cannot read"))
    assert cache.get("k1") is None and cache.get("k2") is None


def test_the_oldest_entries_beyond_the_limit_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import linter.cache

    monkeypatch.setattr(linter.cache, "MAX_ENTRIES", 3)
    cache = ResultCache(tmp_path, [])
    for i in range(5):
        cache.put(f"k{i}", ArticleReport(path=f"p{i}"))
    cache.close()
    cache = ResultCache(tmp_path, [])
    assert [cache.get(f"k{i}") is not None for i in range(5)] == [False, False, True, True, True]
