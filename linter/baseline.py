"""Baselines: accept today's findings so that only new problems are reported.

A baseline entry is keyed by the article's path, the check and a fingerprint of the flagged
text and the sentence around it, never by line numbers: adding or removing lines elsewhere
in the file leaves an entry matching. The same fingerprint may appear several times in an
article (the same phrase in two places); entries are matched as a multiset.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from linter import __version__
from linter.findings import LocatedFinding
from linter.report import ArticleReport, RunReport

BASELINE_VERSION = 1
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")
MAX_SENTENCE = 400
SPACES = re.compile(r"\s+")


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


@dataclass(frozen=True)
class Entry:
    path: str
    check: str
    fingerprint: str
    text: str | None  # what was flagged, for people reading the file
    message: str

    def key(self) -> tuple[str, str, str]:
        return (self.path, self.check, self.fingerprint)


def _normal(text: str) -> str:
    return SPACES.sub(" ", text).strip().lower()


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or paragraph piece) of ``text`` holding the span start..end."""
    left = max(0, start - MAX_SENTENCE)
    for match in SENTENCE_END.finditer(text, left, start):
        left = match.end()
    after = SENTENCE_END.search(text, end, end + MAX_SENTENCE)
    right = after.end() if after else min(len(text), end + MAX_SENTENCE)
    return text[left:right].strip()


def fingerprint(finding: LocatedFinding, article_text: str = "") -> str:
    """A stable hash of the check, the flagged text and its sentence (no positions)."""
    if finding.start is None or finding.end is None:
        # a document-level finding: one per check and article, whatever its numbers say
        basis = f"{finding.check}\0document"
    else:
        sentence = sentence_around(article_text, finding.start, finding.end) if article_text else ""
        basis = f"{finding.check}\0{_normal(finding.text or '')}\0{_normal(sentence)}"
    return hashlib.sha256(basis.encode()).hexdigest()[:20]


def baseline_path(path: str) -> str:
    """Paths are stored relative to the working directory, with forward slashes."""
    if path == "-":
        return path
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = path
    return Path(rel).as_posix()


def entries_of(article: ArticleReport) -> list[Entry]:
    path = baseline_path(article.path)
    return [Entry(path, f.check, fingerprint(f, article.text), f.text, f.message)
            for f in article.findings if f.check != "internal-error"]


def write_baseline(run: RunReport, file: Path) -> int:
    """Record every finding of the run in ``file``; returns the number of entries."""
    entries = sorted((e for a in run.articles for e in entries_of(a)), key=lambda e: (*e.key(), e.text or ""))
    data = {
        "version": BASELINE_VERSION,
        "tool": {"name": "healthlint", "version": __version__},
        "entries": [
            {"path": e.path, "check": e.check, "fingerprint": e.fingerprint, "text": e.text,
             "message": e.message}
            for e in entries
        ],
    }
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(file.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, file)
    return len(entries)


def read_baseline(file: Path) -> list[Entry]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{file}: cannot read baseline: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise BaselineError(f"{file}: not a healthlint baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(
        data.get("entries"), list
    ):
        raise BaselineError(f"{file}: not a healthlint baseline of version {BASELINE_VERSION}; "
                            "write a new one with --write-baseline")
    try:
        return [Entry(str(e["path"]), str(e["check"]), str(e["fingerprint"]), e.get("text"),
                      str(e.get("message", ""))) for e in data["entries"]]
    except (KeyError, TypeError, AttributeError) as exc:
        raise BaselineError(f"{file}: malformed baseline entry ({exc})") from None


def apply_baseline(run: RunReport, entries: list[Entry]) -> list[Entry]:
    """Drop the run's findings that the baseline holds; returns the entries that matched nothing.

    Only entries of articles in this run can be fixed: a run over some of the files says
    nothing about the others.
    """
    remaining = Counter(e.key() for e in entries)
    linted = {baseline_path(a.path) for a in run.articles if a.error is None}
    for article in run.articles:
        path = baseline_path(article.path)
        kept: list[LocatedFinding] = []
        for finding in article.findings:
            key = (path, finding.check, fingerprint(finding, article.text))
            if finding.check != "internal-error" and remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(finding)
        article.findings = kept
    fixed: list[Entry] = []
    for entry in entries:
        if entry.path in linted and remaining[entry.key()] > 0:
            remaining[entry.key()] -= 1
            fixed.append(entry)
    return fixed
