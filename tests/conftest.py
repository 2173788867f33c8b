"""Shared fixtures: the real registry, a session, and helpers to lint text in memory."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from linter.config import Config, ConfigResolver, resolve_checks
from linter.findings import LocatedFinding
from linter.readers import parse_source
from linter.registry import Registry, default_registry
from linter.report import ArticleReport
from linter.runner import LintOptions, lint_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


# Two sentences over the readability limit of 30 words, for tests that need a finding to move.
LONG_1 = ("People who stop taking an antidepressant suddenly can feel dizzy, irritable and unwell for a "
          "few weeks, which is why doctors usually lower the dose slowly over a month or more and check "
          "in with the patient along the way.")
LONG_2 = ("If you have been taking a sleeping pill every night for several months, your body may have "
          "adjusted to it, so stopping all at once can bring back poor sleep for a while and make you "
          "think that the pill was still needed.")
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(repo: Path, *args: str) -> None:
    """Run git in ``repo`` with a fixed identity and no system or user configuration."""
    env = {**os.environ, **GIT_IDENTITY, "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.fixture(scope="session")
def registry() -> Registry:
    return default_registry()


LintFn = Callable[..., ArticleReport]


@pytest.fixture(scope="session")
def lint(registry: Registry) -> LintFn:
    """lint(source, fmt="txt", select=[...], settings={check: {...}}) -> ArticleReport (real checks)."""

    def _lint(source: str, fmt: str = "txt", select: list[str] | None = None,
              settings: dict[str, dict[str, object]] | None = None, path: str | None = None) -> ArticleReport:
        config = Config(checks={k: dict(v) for k, v in (settings or {}).items()})
        checks = resolve_checks(config, registry, None, select)
        doc = parse_source(path or f"article.{fmt}", source, fmt)
        return lint_document(doc, checks, LintOptions(keep_context=True))

    return _lint


def found(report: ArticleReport, check: str) -> list[LocatedFinding]:
    return [f for f in report.findings if f.check == check]


def seed(name_prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{name_prefix}*.txt"))
    if not matches:
        pytest.skip(f"seed {name_prefix} not available (../shared/seeds is absent)")
    return matches[0]


__all__ = ["ConfigResolver", "found", "seed"]
