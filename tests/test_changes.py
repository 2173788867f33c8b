"""--changed-since REF and --changed-lines-only, on a real temporary git repository."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from linter.changes import _added_lines, changes_since
from linter.cli import main

from .conftest import LONG_1, LONG_2, git


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "old.md").write_text(f"# Old\n\n{LONG_1}\n", encoding="utf-8")
    (tmp_path / "docs" / "edited.md").write_text(f"# Edited\n\n{LONG_1}\n", encoding="utf-8")
    (tmp_path / "docs" / "gone.md").write_text("# Gone\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    (tmp_path / "docs" / "edited.md").write_text(f"# Edited\n\n{LONG_1}\n\n{LONG_2}\n", encoding="utf-8")
    (tmp_path / "docs" / "new.md").write_text(f"# New\n\n{LONG_2}\n", encoding="utf-8")
    (tmp_path / "docs" / "gone.md").unlink()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, list[int | None]]:
    code = main(["check", "--no-cache", "--format", "json", "--select", "readability,empty-content",
                 "--fail-on", "never", *args])
    assert code == 0
    articles = json.loads(capsys.readouterr().out)["articles"]
    return {os.path.normpath(a["path"]): [f["line"] for f in a["findings"]] for a in articles}


def test_changed_files_include_edits_and_untracked_files_but_not_deletions(repo: Path) -> None:
    changes = changes_since("HEAD")
    names = sorted(os.path.relpath(p, repo.resolve()) for p in changes.lines)
    assert names == ["docs/edited.md", "docs/new.md"]


def test_changed_lines_are_the_added_ones(repo: Path) -> None:
    changes = changes_since("HEAD", with_lines=True)
    assert changes.lines[str((repo / "docs" / "edited.md").resolve())] == {4, 5}
    assert changes.lines[str((repo / "docs" / "new.md").resolve())] is None  # untracked: all of it


def test_only_changed_files_are_linted(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert lint(capsys, "--changed-since", "HEAD") == {"docs/edited.md": [3, 5], "docs/new.md": [3]}
    assert lint(capsys) == {"docs/edited.md": [3, 5], "docs/new.md": [3], "docs/old.md": [3]}


def test_changed_lines_only_keeps_findings_on_changed_lines(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert lint(capsys, "--changed-since", "HEAD", "--changed-lines-only") == {
        "docs/edited.md": [5], "docs/new.md": [3]}


def test_document_level_findings_stay(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "second")
    with (repo / "docs" / "old.md").open("a", encoding="utf-8") as fh:
        fh.write("\nShort.\n")
    (repo / "docs" / "stub.md").write_text("# Stub\n\nTo do.\n", encoding="utf-8")
    result = lint(capsys, "--changed-since", "HEAD", "--changed-lines-only", "docs/stub.md", "docs/old.md")
    assert result == {"docs/stub.md": [None], "docs/old.md": []}


def test_a_ref_that_does_not_exist_is_a_clear_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--changed-since", "no-such-ref"]) == 2
    assert "--changed-since no-such-ref" in capsys.readouterr().err
    assert main(["check", "--changed-lines-only"]) == 2
    assert "needs --changed-since" in capsys.readouterr().err


def test_outside_a_repository_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--changed-since", "HEAD"]) == 2
    assert "healthlint: error: --changed-since HEAD:" in capsys.readouterr().err


def test_hunk_headers() -> None:
    diff = "@@ -1,0 +2,3 @@\n+a\n+b\n+c\n@@ -10 +12 @@\n-x\n+y\n@@ -20,2 +22,0 @@\n-gone\n"
    assert _added_lines(diff) == {2, 3, 4, 12}
