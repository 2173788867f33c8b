"""--format sarif: valid SARIF 2.1.0 with one rule per check, located results and fingerprints.

The schema in tests/data/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 JSON schema
(2.1.0-rtm.5, the version GitHub code scanning reads), as shipped in the npm package
@microsoft/jest-sarif (lib/schemas/sarif-2.1.0-rtm.5.json).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from linter.cli import main
from linter.registry import Registry

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CORPUS = Path(__file__).resolve().parent.parent / "corpus"

LONG = ("People who stop taking an antidepressant suddenly can feel dizzy, irritable and unwell for a "
        "few weeks, which is why doctors usually lower the dose slowly over a month or more and check "
        "in with the patient along the way.")
ARTICLE = f"# Stopping antidepressants\n\nTalk to your doctor first.\n\n{LONG}\n"


def sarif(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    main(["check", "--format", "sarif", "--no-cache", *args])
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    jsonschema.Draft4Validator(SCHEMA).validate(data)
    return data


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "stopping.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_results_are_located_relative_to_the_repository_root(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = sarif(capsys, "--select", "readability", "docs/stopping.md")
    assert data["version"] == "2.1.0"
    (result,) = data["runs"][0]["results"]
    assert result["ruleId"] == "readability"
    assert result["level"] == "note"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/stopping.md"
    region = location["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"]) == (5, 1, 5)
    # SARIF's endColumn is exclusive: one past the sentence's last character
    assert region["endColumn"] == len(LONG) + 1
    assert region["snippet"]["text"] == LONG
    assert data["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"


def test_one_rule_per_check_with_docs_as_help(repo: Path, registry: Registry,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    data = sarif(capsys, "--select", "readability", "docs/stopping.md")
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == registry.ids()
    for rule, check in zip(rules, registry.all(), strict=True):
        assert rule["shortDescription"]["text"] == check.summary
        assert rule["help"]["text"] == check.docs()
        assert rule["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                          "info": "note"}[check.severity.label]
    readability = rules[registry.ids().index("readability")]
    assert readability["fullDescription"]["text"].startswith("an article whose Flesch-Kincaid grade")
    (result,) = data["runs"][0]["results"]
    assert rules[result["ruleIndex"]]["id"] == "readability"


def test_partial_fingerprints_survive_lines_inserted_above(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sarif(capsys, "--select", "readability", "docs/stopping.md")["runs"][0]["results"][0]
    moved = ARTICLE.replace("Talk to your doctor first.\n", "Talk to your doctor first.\n\nA new line.\n\nAnother.\n")
    (repo / "docs" / "stopping.md").write_text(moved, encoding="utf-8")
    after = sarif(capsys, "--select", "readability", "docs/stopping.md")["runs"][0]["results"][0]
    assert after["locations"][0]["physicalLocation"]["region"]["startLine"] == 9
    assert after["partialFingerprints"] == before["partialFingerprints"]


def test_whole_article_findings_have_a_file_location_only(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "empty.md").write_text("# Menu\n\nHome | About\n", encoding="utf-8")
    data = sarif(capsys, "--select", "empty-content", "empty.md")
    (result,) = data["runs"][0]["results"]
    assert result["ruleId"] == "empty-content"
    assert result["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "empty.md",
                                                                               "uriBaseId": "%SRCROOT%"}}


def test_unreadable_files_are_reported_as_notifications(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = sarif(capsys, "docs/stopping.md", "missing.md")
    invocation = data["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "missing.md" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_all_checks_on_the_corpus_give_valid_sarif(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    articles = sorted(p for p in CORPUS.glob("*") if p.is_file())
    if not articles:
        pytest.skip("the corpus has no articles yet")
    monkeypatch.chdir(CORPUS.parent)
    data = sarif(capsys, *[str(p.relative_to(CORPUS.parent)) for p in articles])
    for result in data["runs"][0]["results"]:
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("corpus/")
        assert result["partialFingerprints"]["healthlintText/v1"]


def test_the_schema_rejects_a_malformed_log() -> None:
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "healthlint"}},
                                         "results": [{"message": {"text": "x"}, "level": "severe"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_uris_are_relative_to_the_git_work_tree_even_from_a_subfolder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, capture_output=True)
    (tmp_path / "site" / "docs").mkdir(parents=True)
    (tmp_path / "site" / "docs" / "stopping.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "site")
    data = sarif(capsys, "--select", "readability", "docs/stopping.md")
    (result,) = data["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "site/docs/stopping.md"
    assert data["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
