"""Baselines: accepted findings stay quiet when lines move; new problems are still reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.baseline import BaselineError, apply_baseline, fingerprint, read_baseline, sentence_around
from linter.cli import main
from linter.report import RunReport

from .conftest import LONG_1, LONG_2

ARTICLE = f"# Coming off medicines\n\nAsk your doctor first.\n\n{LONG_1}\n"
ARGS = ["check", "--no-cache", "--select", "readability", "--fail-on", "info", "--format", "json"]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[dict[str, object]], str]:
    code = main([*ARGS, *extra, "article.md"])
    out = capsys.readouterr()
    findings = json.loads(out.out)["articles"][0]["findings"]
    return code, findings, out.err


def test_baselined_finding_stays_quiet_after_lines_are_inserted_above(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, findings, _ = lint(capsys)
    assert code == 1 and len(findings) == 1
    assert main([*ARGS, "--write-baseline", "baseline.json", "article.md"]) == 0
    assert "wrote 1 finding" in capsys.readouterr().err

    shifted = ARTICLE.replace("Ask your doctor first.\n", "Ask your doctor first.\n\nNew line one.\n\nTwo.\n\n")
    (repo / "article.md").write_text(shifted, encoding="utf-8")
    code, findings, err = lint(capsys, "--baseline", "baseline.json")
    assert (code, findings) == (0, [])
    assert "fixed" not in err


def test_a_new_problem_is_still_reported(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main([*ARGS, "--write-baseline", "baseline.json", "article.md"])
    capsys.readouterr()
    (repo / "article.md").write_text(f"# Coming off medicines\n\n{LONG_2}\n\n{LONG_1}\n", encoding="utf-8")
    code, findings, _ = lint(capsys, "--baseline", "baseline.json")
    assert code == 1
    assert [(f["line"], f["text"]) for f in findings] == [(3, LONG_2)]


def test_the_same_problem_once_more_is_new(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main([*ARGS, "--write-baseline", "baseline.json", "article.md"])
    capsys.readouterr()
    (repo / "article.md").write_text(f"{ARTICLE}\n{LONG_1}\n", encoding="utf-8")
    code, findings, _ = lint(capsys, "--baseline", "baseline.json")
    assert code == 1 and len(findings) == 1


def test_entries_that_no_longer_match_are_listed_as_fixed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main([*ARGS, "--write-baseline", "baseline.json", "article.md"])
    capsys.readouterr()
    (repo / "article.md").write_text("# Coming off medicines\n\nAsk your doctor first. Go slowly.\n",
                                     encoding="utf-8")
    code, findings, err = lint(capsys, "--baseline", "baseline.json")
    assert (code, findings) == (0, [])
    assert "healthlint: fixed: article.md: [readability] People who stop taking" in err


def test_the_file_is_keyed_by_path_check_and_fingerprint_never_lines(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main([*ARGS, "--write-baseline", "baseline.json", "article.md"])
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    (entry,) = data["entries"]
    assert set(entry) == {"path", "check", "fingerprint", "text", "message"}
    assert (entry["path"], entry["check"], entry["text"]) == ("article.md", "readability", LONG_1)


def test_fixed_entries_are_counted_only_for_linted_articles(repo: Path) -> None:
    (repo / "b.json").write_text(json.dumps({"version": 1, "entries": [
        {"path": "other.md", "check": "readability", "fingerprint": "x", "text": None, "message": ""}]}))
    assert apply_baseline(RunReport(), read_baseline(repo / "b.json")) == []


@pytest.mark.parametrize("content", ["not json", "[]", '{"version": 99, "entries": []}'])
def test_a_bad_baseline_is_a_clear_error(repo: Path, content: str, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "bad.json").write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match="bad.json"):
        read_baseline(repo / "bad.json")
    assert main([*ARGS, "--baseline", "bad.json", "article.md"]) == 2
    assert "bad.json" in capsys.readouterr().err


def test_sentence_around_stops_at_sentence_and_paragraph_ends() -> None:
    text = "First one. Second has the word here. Third.\n\nNext paragraph."
    start = text.index("word")
    assert sentence_around(text, start, start + 4) == "Second has the word here."
    start = text.index("Next")
    assert sentence_around(text, start, start + 4) == "Next paragraph."


def test_fingerprint_ignores_positions_but_not_the_sentence() -> None:
    from linter.findings import LocatedFinding, Severity

    def at(line: int, start: int) -> LocatedFinding:
        return LocatedFinding("spam-cta", "spam", Severity.ERROR, "m", line, 1, line, 7, "buy now", None,
                              start, start + 7)

    a = "Intro.\n\nbuy now and save."
    b = "Intro.\n\nMore.\n\nbuy now and save."
    c = "Intro.\n\nbuy now and win."
    assert fingerprint(at(3, a.index("buy")), a) == fingerprint(at(5, b.index("buy")), b)
    assert fingerprint(at(3, c.index("buy")), c) != fingerprint(at(3, a.index("buy")), a)
