"""Finding the files to lint: directories walked safely, globs, and files git ignores."""

from __future__ import annotations

import fnmatch
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.html", "*.htm", "*.txt")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".healthlint_cache", ".tox"}


def _matches(path: str, patterns: Iterable[str]) -> bool:
    name = os.path.basename(path)
    return any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(name, p) for p in patterns)


def walk(root: str, include: Iterable[str], exclude: Iterable[str]) -> list[str]:
    """Files under ``root`` matching include and not exclude; symlink loops are visited once."""
    include = tuple(include) or DEFAULT_INCLUDE
    exclude = tuple(exclude)
    found: list[str] = []
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames[:] = sorted(
            d for d in dirnames
            if d not in SKIP_DIRS and not d.startswith(".") and not _matches(os.path.join(dirpath, d), exclude)
        )
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if _matches(path, include) and not _matches(path, exclude):
                found.append(path)
    return found


def git_ignored(paths: list[str], cwd: str) -> set[str]:
    """The subset of ``paths`` that git ignores, asking the repository around ``cwd``
    (empty outside a git work tree or without git)."""
    if not paths:
        return set()
    try:
        proc = subprocess.run(
            ["git", "check-ignore", "-z", "--stdin"],
            input="\0".join(os.path.abspath(p) for p in paths).encode(),
            capture_output=True,
            cwd=cwd,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if proc.returncode not in (0, 1):
        return set()
    ignored = {p for p in proc.stdout.decode(errors="replace").split("\0") if p}
    return {p for p in paths if os.path.abspath(p) in ignored}


def discover(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = (),
             respect_gitignore: bool = True) -> tuple[list[str], list[str]]:
    """(files to lint, one-line errors for paths that do not exist)."""
    files: list[str] = []
    errors: list[str] = []
    walked: list[str] = []
    for given in paths:
        if given == "-":
            files.append(given)
        elif os.path.isdir(given):
            found = walk(given, include, exclude)
            if respect_gitignore and found:
                ignored = git_ignored(found, given)
                found = [p for p in found if p not in ignored]
            walked.extend(found)
        elif os.path.exists(given) or os.path.islink(given):
            if not _matches(given, exclude):
                files.append(given)
        else:
            errors.append(f"{given}: no such file or directory")
    seen: set[str] = set()
    ordered: list[str] = []
    for p in files + walked:
        key = os.path.normpath(p)
        if key not in seen:
            seen.add(key)
            ordered.append(p)
    return ordered, errors


def display_path(path: str) -> str:
    return Path(path).as_posix()
