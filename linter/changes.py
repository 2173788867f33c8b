"""What changed since a git ref: the files, and within each file the lines (for --changed-since)."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field

from linter.report import RunReport

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)
GIT_TIMEOUT_S = 60


class ChangesError(Exception):
    """git could not tell what changed (not a repository, unknown ref, no git)."""


def _git(args: list[str], cwd: str | None = None) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT_S, check=False)
    except FileNotFoundError:
        raise ChangesError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise ChangesError(f"git {args[0]} took longer than {GIT_TIMEOUT_S} s") from None
    if proc.returncode != 0:
        message = proc.stderr.decode(errors="replace").strip().splitlines()
        raise ChangesError(message[-1] if message else f"git {args[0]} failed")
    return proc.stdout.decode("utf-8", errors="surrogateescape")


@dataclass
class Changes:
    """Files changed since a ref (absolute, resolved paths) and their changed line numbers.

    A file whose ``lines`` entry is None is new to git (untracked): every line counts as changed.
    """

    ref: str
    lines: dict[str, set[int] | None] = field(default_factory=dict)

    def has_file(self, path: str) -> bool:
        return os.path.realpath(path) in self.lines

    def changed(self, path: str, first: int, last: int) -> bool:
        lines = self.lines.get(os.path.realpath(path), set())
        if lines is None:
            return True
        return any(n in lines for n in range(first, last + 1))


def _added_lines(diff: str) -> set[int]:
    """The new-side line numbers a zero-context unified diff adds or changes."""
    lines: set[int] = set()
    for match in HUNK.finditer(diff):
        start, count = int(match.group(1)), int(match.group(2) or "1")
        lines.update(range(start, start + count))
    return lines


def repository_root(directory: str) -> str | None:
    """The top of the git work tree holding ``directory`` (None outside one, or without git)."""
    try:
        return _git(["rev-parse", "--show-toplevel"], directory).strip() or None
    except (ChangesError, OSError):
        return None


def changes_since(ref: str, cwd: str | None = None, with_lines: bool = False) -> Changes:
    """Files changed between ``ref`` and the working tree (committed, staged, unstaged or untracked).

    Deleted files are left out: there is nothing to lint.
    """
    top = repository_root(cwd or os.getcwd())
    if top is None:
        raise ChangesError("not inside a git work tree")
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    changes = Changes(ref)
    names = _git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", ref, "--"], top)
    tracked = [n for n in names.split("\0") if n]
    untracked = [n for n in _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0") if n]
    for name in tracked:
        path = os.path.realpath(os.path.join(top, name))
        if with_lines:
            diff = _git(["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", ref, "--", name], top)
            changes.lines[path] = _added_lines(diff)
        else:
            changes.lines[path] = None
    for name in untracked:
        changes.lines[os.path.realpath(os.path.join(top, name))] = None
    return changes


def only_changed_files(files: list[str], changes: Changes) -> list[str]:
    return [f for f in files if f != "-" and changes.has_file(f)]


def keep_changed_lines(run: RunReport, changes: Changes) -> None:
    """Drop findings outside the changed lines; document-level findings stay."""
    for article in run.articles:
        article.findings = [
            f for f in article.findings
            if f.line is None or changes.changed(article.path, f.line, f.end_line or f.line)
        ]
