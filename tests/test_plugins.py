"""A separate package adds checks through the `healthlint.checks` entry point group.

The plug-in is a real distribution built and installed with pip into a temporary folder; the
CLI runs in a fresh process that sees it. Its second check raises, which must give an
`internal-error` finding, let the run go on, and exit with 2.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PLUGIN = '''
"""A tiny healthlint plug-in."""
from linter.findings import Finding, Severity
from linter.registry import Check


class NoPlaceholders(Check):
    """What it finds: the placeholder TODO-TEXT.

    Why it matters: placeholders are unfinished articles.

    Example: "TODO-TEXT here".

    How to fix: write the text.
    """

    id = "no-placeholders"
    category = "boilerplate"
    severity = Severity.WARNING
    summary = "Placeholder text left in the article"

    def run(self, document, analysis, settings):
        start = document.text.find("TODO-TEXT")
        if start != -1:
            yield Finding(self.id, "Placeholder left in the article", start, start + len("TODO-TEXT"))


class Crashes(Check):
    """What it finds: nothing; it raises on the word KABOOM.

    Why it matters: tests. Example: KABOOM. How to fix: none.
    """

    id = "crashes"
    category = "grammar"
    severity = Severity.INFO
    summary = "Raises on KABOOM"

    def run(self, document, analysis, settings):
        if "KABOOM" in document.text:
            raise ValueError("boom")
        return []
'''


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("plugin-src")
    (src / "healthlint_placeholders.py").write_text(PLUGIN)
    (src / "pyproject.toml").write_text(textwrap.dedent("""
        [build-system]
        requires = ["setuptools"]
        build-backend = "setuptools.build_meta"
        [project]
        name = "healthlint-placeholders"
        version = "0.1"
        [project.entry-points."healthlint.checks"]
        placeholders = "healthlint_placeholders"
        [tool.setuptools]
        py-modules = ["healthlint_placeholders"]
    """))
    site = tmp_path_factory.mktemp("plugin-site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index",
         "--target", str(site), str(src)],
        check=True, capture_output=True,
    )
    return site


def run_with_plugin(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, "-m", "linter.cli", *args], capture_output=True, text=True,
                          env=env, check=False)


def test_plugin_checks_are_registered_and_run(plugin_site: Path, tmp_path: Path) -> None:
    rules = run_with_plugin(plugin_site, "rules")
    assert "no-placeholders  boilerplate" in rules.stdout.replace("   ", "  ") or "no-placeholders" in rules.stdout
    page = tmp_path / "page.md"
    page.write_text("# Title\n\nA paragraph with TODO-TEXT in it.\n")
    proc = run_with_plugin(plugin_site, "check", "--select", "no-placeholders", str(page))
    assert proc.returncode == 0, proc.stderr
    assert f"{page}:3:18: warning [no-placeholders] Placeholder left in the article" in proc.stdout


def test_a_crashing_check_becomes_an_internal_error(plugin_site: Path, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\nKABOOM and TODO-TEXT.\n")
    (tmp_path / "b.md").write_text("# B\n\nNothing odd, only TODO-TEXT.\n")
    proc = run_with_plugin(plugin_site, "check", "--format", "json", "--select", "crashes,no-placeholders",
                           str(tmp_path))
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    by_path = {Path(a["path"]).name: a for a in data["articles"]}
    a_checks = [f["check"] for f in by_path["a.md"]["findings"]]
    assert "internal-error" in a_checks and "no-placeholders" in a_checks
    error = next(f for f in by_path["a.md"]["findings"] if f["check"] == "internal-error")
    assert "check crashes failed: ValueError: boom" in error["message"] and error["severity"] == "error"
    assert [f["check"] for f in by_path["b.md"]["findings"]] == ["no-placeholders"]
