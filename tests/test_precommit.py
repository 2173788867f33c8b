"""The pre-commit hook, run by pre-commit itself (`pre-commit try-repo`) on a temporary repository.

try-repo installs this checkout into a fresh virtual environment, so these tests need the
package index (about a minute and a half each). When the index cannot be reached they skip
with the reason rather than fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import GIT_IDENTITY, git

pytest.importorskip("pre_commit")

ROOT = Path(__file__).resolve().parent.parent
INDEX_UNREACHABLE = ("No matching distribution found", "Could not find a version that satisfies",
                     "NewConnectionError", "Temporary failure in name resolution", "Network is unreachable")
TIMEOUT_S = 900

INTRO = ("Magnesium is a mineral that helps muscles and nerves work. Some small studies suggest it may "
         "help older adults fall asleep, but the evidence is limited.")
SALES_PAGE = f"# Magnesium and sleep\n\n{INTRO}\n\n**Buy now!** Order today and save 50%.\n"
CLEAN_PAGE = (f"# Magnesium and sleep\n\n{INTRO}\n\nMost people get enough magnesium from nuts, seeds, beans "
              "and whole grains. If you have kidney disease, ask your doctor before taking a supplement.\n")


def try_repo(tmp_path: Path, name: str, page: str) -> subprocess.CompletedProcess[str]:
    """Stage ``page`` in a new repository and run the hook on the staged files, as a commit would."""
    repo = tmp_path / "content"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "articles").mkdir()
    (repo / "articles" / name).write_text(page, encoding="utf-8")
    (repo / "notes.py").write_text("print('not an article')\n", encoding="utf-8")
    git(repo, "add", ".")
    env = {**os.environ, **GIT_IDENTITY, "PIP_DISABLE_PIP_VERSION_CHECK": "1",
           "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "healthlint", "--verbose"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    output = proc.stdout + proc.stderr
    if proc.returncode not in (0, 1) or "An unexpected error has occurred" in output:
        if any(sign in output for sign in INDEX_UNREACHABLE):
            pytest.skip("pre-commit could not install healthlint: the package index is unreachable")
        pytest.fail(f"pre-commit try-repo failed to run (exit {proc.returncode}):\n{output[-4000:]}")
    return proc


def test_the_hook_manifest_is_valid_for_pre_commit() -> None:
    manifest = str(ROOT / ".pre-commit-hooks.yaml")
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", manifest],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(manifest)
    assert (hook["id"], hook["language"], hook["types_or"]) == ("healthlint", "python", ["markdown", "html", "text"])
    assert hook["pass_filenames"] is True


def test_a_commit_adding_a_sales_page_is_refused(tmp_path: Path) -> None:
    proc = try_repo(tmp_path, "magnesium.md", SALES_PAGE)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output[-4000:]
    assert "healthlint" in output and "Failed" in output
    assert "articles/magnesium.md:5:3: error [spam-cta]" in output
    assert "notes.py" not in output  # only articles are handed to the hook


def test_a_commit_adding_a_clean_page_passes(tmp_path: Path) -> None:
    proc = try_repo(tmp_path, "magnesium.md", CLEAN_PAGE)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-4000:]
    assert "Passed" in output
