"""--format github: workflow commands that GitHub Actions turns into pull request annotations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from linter.cli import main
from linter.findings import LocatedFinding, Severity
from linter.report import ArticleReport, RunReport
from reports.github import GithubWriter, escape_data, escape_property

LONG = ("People who stop taking an antidepressant suddenly can feel dizzy, irritable and unwell for a "
        "few weeks, which is why doctors usually lower the dose slowly over a month or more and check "
        "in with the patient along the way.")
COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def test_messages_escape_percent_and_line_breaks() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"


def test_properties_also_escape_colon_and_comma() -> None:
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def finding(**kw: object) -> LocatedFinding:
    base: dict[str, object] = dict(check="spam-cta", category="spam", severity=Severity.ERROR,
                                   message="Sales call to action: 50% off, today", line=3, column=1,
                                   end_line=3, end_column=7, text="buy now", suggestion=None)
    base.update(kw)
    return LocatedFinding(**base)  # type: ignore[arg-type]


def test_a_located_finding_becomes_one_command_with_all_positions(tmp_path: Path) -> None:
    article = ArticleReport(path=str(tmp_path / "docs" / "a,b:c.md"), findings=[finding()])
    out = GithubWriter(root=str(tmp_path)).run(RunReport(articles=[article]))
    first = out.splitlines()[0]
    assert first == ("::error file=docs/a%2Cb%3Ac.md,line=3,col=1,endLine=3,endColumn=7,"
                     "title=healthlint spam-cta::Sales call to action: 50%25 off, today")


def test_severities_map_to_error_warning_notice_and_document_findings_have_no_line() -> None:
    findings = [finding(), finding(severity=Severity.WARNING),
                finding(severity=Severity.INFO, line=None, column=None, end_line=None, end_column=None,
                        suggestion="split it\ninto two")]
    out = GithubWriter().run(RunReport(articles=[ArticleReport(path="a.md", findings=findings)]))
    lines = out.splitlines()
    assert [COMMAND.match(line).group(1) for line in lines[:3]] == ["error", "warning", "notice"]  # type: ignore[union-attr]
    assert lines[2] == "::notice file=a.md,title=healthlint spam-cta::Sales call to action: 50%25 off, today " \
                       "(suggestion: split it%0Ainto two)"
    assert lines[-1] == "healthlint: 3 findings in 1 article"


def test_cli_prints_commands_for_real_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "stopping.md").write_text(f"# Stopping\n\n{LONG}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--format", "github", "--no-cache", "--select", "readability", "--fail-on", "info",
                 "docs/stopping.md", "missing.md"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 2  # a file could not be read
    match = COMMAND.match(lines[0])
    assert match is not None and match.group(1) == "notice"
    props = dict(p.split("=", 1) for p in match.group(2).split(","))
    assert props == {"file": "docs/stopping.md", "line": "3", "col": "1", "endLine": "3",
                     "endColumn": str(len(LONG)), "title": "healthlint readability"}
    assert lines[1].startswith("::error title=healthlint::missing.md")


def test_action_lint_step_writes_sarif_annotates_and_records_the_exit_code(tmp_path: Path) -> None:
    """Run the composite action's lint script as GitHub would, on a pull request of one article."""
    import json
    import os
    import subprocess
    import sys

    import yaml

    action = yaml.safe_load((Path(__file__).resolve().parent.parent / "action.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in action["runs"]["steps"] if s.get("id") == "lint"]
    git_env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
               "GIT_COMMITTER_EMAIL": "t@example.org"}
    env = {**os.environ, **git_env}

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True,
                              text=True).stdout.strip()

    git("init", "-q")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "old.md").write_text(f"# Old\n\n{LONG}\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "base")
    base = git("rev-parse", "HEAD")
    (tmp_path / "articles" / "new.md").write_text(f"# New\n\n{LONG}\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "pull request")
    output = tmp_path / "github_output"
    step_env = {
        **env, "PATHS": "articles", "CHANGED_SINCE": "", "BASE_SHA": base, "CHANGED_LINES_ONLY": "false",
        "BASELINE": "", "FAIL_ON": "info", "EXTRA": "--select readability", "SARIF": "healthlint.sarif",
        "GITHUB_OUTPUT": str(output), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    github_bash = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"]  # as `shell: bash` runs a step
    proc = subprocess.run([*github_bash, step["run"]], cwd=tmp_path, env=step_env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    annotations = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1 and annotations[0].startswith("::notice file=articles/new.md,line=3,")
    sarif = json.loads((tmp_path / "healthlint.sarif").read_text(encoding="utf-8"))
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]]
    assert uris == ["articles/new.md"]
    assert output.read_text().strip() == "exit-code=1"
