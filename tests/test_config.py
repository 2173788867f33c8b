"""Configuration: discovery by walking up, selection, severities, per-path overrides, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import ConfigError, ConfigResolver, resolve_checks
from linter.engine import Session
from linter.findings import Severity
from linter.registry import Registry

LONG = " ".join(["word"] * 40) + "."


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_walking_up_applies(tmp_path: Path, registry: Registry) -> None:
    write(tmp_path / "pyproject.toml", '[tool.healthlint]\nselect = ["readability"]\n'
          '[tool.healthlint.checks.readability]\nmax-sentence-words = 50\n')
    write(tmp_path / "strict" / "healthlint.toml", 'select = ["readability"]\n[severity]\nreadability = "error"\n'
          '[checks.readability]\nmax-sentence-words = 10\n')
    loose = write(tmp_path / "a" / "b" / "page.md", f"# T\n\n{LONG}\n")
    strict = write(tmp_path / "strict" / "deep" / "page.md", f"# T\n\n{LONG}\n")
    session = Session(registry, ConfigResolver(registry))
    assert session.lint_path(str(loose)).findings == []
    findings = session.lint_path(str(strict)).findings
    assert [(f.check, f.severity) for f in findings] == [("readability", Severity.ERROR)]


def test_explicit_config_wins(tmp_path: Path, registry: Registry) -> None:
    cfg = write(tmp_path / "custom.toml", '[checks.readability]\nmax-sentence-words = 100\n')
    page = write(tmp_path / "page.md", f"# T\n\n{LONG}\n")
    resolver = ConfigResolver(registry, cfg)
    assert resolver.for_path(str(page)).checks == {"readability": {"max-sentence-words": 100}}


def test_select_ignore_by_id_category_and_prefix(registry: Registry) -> None:
    from linter.config import Config

    ids = lambda cfg: [c.check.id for c in resolve_checks(cfg, registry)]  # noqa: E731
    assert ids(Config(select=["readability"])) == ["readability"]
    assert "readability" not in ids(Config(ignore=["readability"]))
    assert ids(Config(select=["boilerplate"])) == [c.id for c in registry.all() if c.category == "boilerplate"]
    assert ids(Config(select=["empty"])) == ["empty-content"]  # prefix


def test_per_path_overrides(tmp_path: Path, registry: Registry) -> None:
    write(tmp_path / "healthlint.toml", 'select = ["readability"]\n'
          '[[overrides]]\npaths = ["legacy/**"]\nignore = ["readability"]\n'
          '[[overrides]]\npaths = ["news/*.md"]\nseverity = { readability = "warning" }\n')
    old = write(tmp_path / "legacy" / "x" / "old.md", f"# T\n\n{LONG}\n")
    news = write(tmp_path / "news" / "today.md", f"# T\n\n{LONG}\n")
    session = Session(registry, ConfigResolver(registry))
    assert session.lint_path(str(old)).findings == []
    assert [f.severity for f in session.lint_path(str(news)).findings] == [Severity.WARNING]


@pytest.mark.parametrize(("toml", "message"), [
    ("selct = []\n", "selct: unknown key"),
    ('select = ["nope"]\n', "select: 'nope' matches no check"),
    ('[severity]\nreadability = "fatal"\n', "severity.readability: must be one of error, warning, info"),
    ('[checks.readability]\ntarget = 3\n', "checks.readability.target: unknown setting"),
    ('[checks.readability]\ntarget-grade = "high"\n', "checks.readability.target-grade: expected float"),
    ('[checks.nonexistent]\nx = 1\n', "checks.nonexistent: unknown check id"),
    ('fail-on = "sometimes"\n', "fail-on: must be one of"),
    ('max-file-size = "big"\n', "max-file-size: must be a size"),
    ("[[overrides]]\nignore = []\n", "overrides[0]: needs `paths`"),
    ("select = [\n", "invalid TOML"),
])
def test_bad_configuration_names_file_and_key(tmp_path: Path, registry: Registry, toml: str, message: str) -> None:
    cfg = write(tmp_path / "healthlint.toml", toml)
    with pytest.raises(ConfigError) as exc:
        ConfigResolver(registry).for_path(str(tmp_path / "page.md"))
    assert str(exc.value).startswith(str(cfg)) and message in str(exc.value)


def test_pyproject_keys_are_named_with_their_table(tmp_path: Path, registry: Registry) -> None:
    write(tmp_path / "pyproject.toml", "[tool.healthlint]\nbogus = 1\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: tool.healthlint.bogus: unknown key"):
        ConfigResolver(registry).for_path(str(tmp_path / "page.md"))


def test_pyproject_without_healthlint_table_is_passed_over(tmp_path: Path, registry: Registry) -> None:
    write(tmp_path / "healthlint.toml", 'max-file-size = "1KB"\n')
    write(tmp_path / "sub" / "pyproject.toml", "[tool.other]\nx = 1\n")
    assert ConfigResolver(registry).for_path(str(tmp_path / "sub" / "page.md")).max_file_size == 1024


def test_cli_reports_config_errors_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from linter.cli import main

    cfg = write(tmp_path / "bad.toml", "colour = true\n")
    page = write(tmp_path / "page.md", "# T\n\nText.\n")
    assert main(["check", "--config", str(cfg), str(page)]) == 2
    assert f"healthlint: error: {cfg}: colour: unknown key" in capsys.readouterr().err
