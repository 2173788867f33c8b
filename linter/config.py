"""Configuration: `[tool.healthlint]` in pyproject.toml, healthlint.toml or .healthlint.toml.

The nearest configuration walking up from each linted file applies (or `--config FILE` for
all). Unknown keys and bad values are errors naming the key and the file.
"""

from __future__ import annotations

import fnmatch
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from linter.findings import CATEGORIES, Severity
from linter.registry import Check, Registry

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = ("healthlint.toml", ".healthlint.toml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
SEVERITY_CHOICES = ("error", "warning", "info")
FAIL_ON_CHOICES = ("error", "warning", "info", "never")

# Engine sections: name -> {key: default}. Values are checked against the defaults' types.
ENGINE_SECTIONS: dict[str, dict[str, Any]] = {
    "grammar": {"engines": ["harper"], "words": [], "style": False},
    "languagetool": {"url": "", "path": "", "timeout": 10.0, "language": "en-US", "disabled-rules": []},
    "audit": {
        "time-limit": 60.0, "id-field": "id", "url-field": "url", "title-field": "title",
        "content-fields": ["html", "markdown", "text"], "table-rows": 5000, "progress-interval": 10.0,
        "recycle-after": 2000,
    },
}
TOP_KEYS = {
    "select", "ignore", "extend-select", "severity", "checks", "overrides", "include", "exclude",
    "fail-on", "min-severity", "max-file-size", "respect-gitignore", *ENGINE_SECTIONS,
}
OVERRIDE_KEYS = {"paths", "select", "ignore", "severity", "checks"}


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass
class Override:
    paths: list[str]
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class Config:
    path: Path | None = None  # the file it came from
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)
    overrides: list[Override] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str | None = None
    min_severity: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    respect_gitignore: bool = True
    engines: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {k: dict(v) for k, v in ENGINE_SECTIONS.items()}
    )

    def fingerprint(self) -> str:
        """A stable text of everything that changes results (for caches)."""
        import json

        data = {
            "select": self.select, "extend": self.extend_select, "ignore": self.ignore,
            "severity": {k: v.label for k, v in sorted(self.severity.items())},
            "checks": self.checks, "engines": self.engines,
            "overrides": [
                [o.paths, o.select, o.ignore, {k: v.label for k, v in o.severity.items()}, o.checks]
                for o in self.overrides
            ],
        }
        return json.dumps(data, sort_keys=True, default=str)


@dataclass(frozen=True)
class CheckSetting:
    """How one check runs on one file."""

    check: type[Check]
    severity: Severity
    settings: Mapping[str, Any]


def matches(selector: str, check: type[Check]) -> bool:
    """A selector is ALL, a check id, a category, an id prefix or a glob."""
    if selector == "ALL" or selector == check.id or selector == check.category:
        return True
    if check.id.startswith(selector.rstrip("-") + "-"):
        return True
    return any(c in selector for c in "*?[") and fnmatch.fnmatchcase(check.id, selector)


def resolve_checks(config: Config, registry: Registry, path: str | None = None,
                   cli_select: list[str] | None = None, cli_ignore: list[str] | None = None) -> list[CheckSetting]:
    """The enabled checks for one file with their severities and settings."""
    select = config.select
    ignore = list(config.ignore)
    severity = dict(config.severity)
    per_check = {k: dict(v) for k, v in config.checks.items()}
    rel = _relative(path, config.root) if path else None
    for override in config.overrides:
        if rel is not None and any(fnmatch.fnmatch(rel, pat) for pat in override.paths):
            if override.select is not None:
                select = override.select
            ignore.extend(override.ignore)
            severity.update(override.severity)
            for k, v in override.checks.items():
                per_check.setdefault(k, {}).update(v)
    if cli_select:
        select = cli_select
    if cli_ignore:
        ignore.extend(cli_ignore)
    enabled: list[CheckSetting] = []
    for check in registry.all():
        default_on = getattr(check, "default_enabled", True)
        chosen = any(matches(s, check) for s in select) if select is not None else default_on
        chosen = chosen or any(matches(s, check) for s in config.extend_select)
        if not chosen or any(matches(s, check) for s in ignore):
            continue
        sev = severity.get(check.id) or severity.get(check.category) or check.severity
        settings = dict(check.options)
        settings.update(per_check.get(check.id, {}))
        for section in getattr(check, "engine_sections", ()):  # e.g. grammar reads [tool.healthlint.languagetool]
            settings[section] = dict(config.engines.get(section, {}))
        enabled.append(CheckSetting(check, sev, settings))
    return enabled


def split_selectors(values: list[str] | None) -> list[str] | None:
    """Selectors given as repeatable, comma- or space-separated options; None when none were given."""
    if not values:
        return None
    return [v for value in values for v in re.split(r"[,\s]+", value) if v]


def check_selectors(selectors: list[str], registry: Registry) -> None:
    """Raise ConfigError for a command-line selector that matches no check."""
    for selector in selectors:
        if not any(matches(selector, c) for c in registry.all()):
            raise ConfigError(f"--select/--ignore: {selector!r} matches no check id, prefix or category")


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


# ---- loading ---------------------------------------------------------------------------------

def load_config_file(path: Path, registry: Registry) -> Config:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("healthlint", {})
        prefix = "tool.healthlint."
    else:
        prefix = ""
    return parse_config(data, path, registry, prefix)


def parse_config(data: Mapping[str, Any], path: Path | None, registry: Registry, prefix: str = "") -> Config:
    where = str(path) if path else "configuration"

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{where}: {prefix}{key}: {problem}")

    config = Config(path=path, root=path.parent if path else Path.cwd())
    for key, value in data.items():
        if key not in TOP_KEYS:
            return _raise(fail(key, f"unknown key (known: {', '.join(sorted(TOP_KEYS))})"))
        if key == "select":
            config.select = _selectors(value, registry, fail, key)
        elif key == "extend-select":
            config.extend_select = _selectors(value, registry, fail, key)
        elif key == "ignore":
            config.ignore = _selectors(value, registry, fail, key)
        elif key in ("include", "exclude"):
            setattr(config, key, _strings(value, fail, key))
        elif key == "severity":
            config.severity = _severities(value, registry, fail, key)
        elif key == "checks":
            config.checks = _check_settings(value, registry, fail, key)
        elif key in ("fail-on", "min-severity"):
            choices = FAIL_ON_CHOICES if key == "fail-on" else SEVERITY_CHOICES
            if value not in choices:
                raise fail(key, f"must be one of {', '.join(choices)}, not {value!r}")
            setattr(config, key.replace("-", "_"), value)
        elif key == "max-file-size":
            config.max_file_size = parse_size(value, fail, key)
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                raise fail(key, "must be true or false")
            config.respect_gitignore = value
        elif key == "overrides":
            config.overrides = _overrides(value, registry, fail, key)
        elif key in ENGINE_SECTIONS:
            config.engines[key] = _typed_table(value, ENGINE_SECTIONS[key], fail, key)
    return config


def _raise(exc: ConfigError) -> Config:
    raise exc


def _strings(value: Any, fail: Any, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(key, "must be a list of strings")
    return list(value)


def _selectors(value: Any, registry: Registry, fail: Any, key: str) -> list[str]:
    selectors = _strings(value, fail, key)
    for sel in selectors:
        if not any(matches(sel, c) for c in registry.all()) and sel not in CATEGORIES:
            raise fail(key, f"{sel!r} matches no check id, prefix or category")
    return selectors


def _severities(value: Any, registry: Registry, fail: Any, key: str) -> dict[str, Severity]:
    if not isinstance(value, Mapping):
        raise fail(key, "must be a table of check id or category = severity")
    out: dict[str, Severity] = {}
    for name, sev in value.items():
        if name not in registry and name not in CATEGORIES:
            raise fail(f"{key}.{name}", "not a check id or category")
        if sev not in SEVERITY_CHOICES:
            raise fail(f"{key}.{name}", f"must be one of {', '.join(SEVERITY_CHOICES)}, not {sev!r}")
        out[name] = Severity.parse(sev)
    return out


def _check_settings(value: Any, registry: Registry, fail: Any, key: str) -> dict[str, dict[str, Any]]:
    if not isinstance(value, Mapping):
        raise fail(key, "must be a table of per-check tables")
    out: dict[str, dict[str, Any]] = {}
    for check_id, table in value.items():
        if check_id not in registry:
            raise fail(f"{key}.{check_id}", "unknown check id")
        out[check_id] = _typed_table(table, registry.get(check_id).options, fail, f"{key}.{check_id}")
    return out


def _typed_table(table: Any, defaults: Mapping[str, Any], fail: Any, key: str) -> dict[str, Any]:
    if not isinstance(table, Mapping):
        raise fail(key, "must be a table")
    out: dict[str, Any] = {}
    for name, val in table.items():
        if name not in defaults:
            known = ", ".join(sorted(defaults)) or "none"
            raise fail(f"{key}.{name}", f"unknown setting (known: {known})")
        default = defaults[name]
        ok = (
            isinstance(val, bool) if isinstance(default, bool)
            else isinstance(val, (int, float)) and not isinstance(val, bool) if isinstance(default, (int, float))
            else isinstance(val, list) and all(isinstance(v, str) for v in val) if isinstance(default, list)
            else isinstance(val, type(default))
        )
        if not ok:
            raise fail(f"{key}.{name}", f"expected {type(default).__name__}, got {val!r}")
        out[name] = val
    return out


def _overrides(value: Any, registry: Registry, fail: Any, key: str) -> list[Override]:
    if not isinstance(value, list):
        raise fail(key, "must be an array of tables ([[overrides]])")
    out: list[Override] = []
    for i, table in enumerate(value):
        k = f"{key}[{i}]"
        if not isinstance(table, Mapping):
            raise fail(k, "must be a table")
        for name in table:
            if name not in OVERRIDE_KEYS:
                raise fail(f"{k}.{name}", f"unknown key (known: {', '.join(sorted(OVERRIDE_KEYS))})")
        if "paths" not in table:
            raise fail(k, "needs `paths`, a list of globs")
        out.append(
            Override(
                paths=_strings(table["paths"], fail, f"{k}.paths"),
                select=_selectors(table["select"], registry, fail, f"{k}.select") if "select" in table else None,
                ignore=_selectors(table.get("ignore", []), registry, fail, f"{k}.ignore"),
                severity=_severities(table.get("severity", {}), registry, fail, f"{k}.severity"),
                checks=_check_settings(table.get("checks", {}), registry, fail, f"{k}.checks"),
            )
        )
    return out


def parse_size(value: Any, fail: Any, key: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        text = value.strip().upper().replace(" ", "")
        for unit, mult in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3), ("B", 1)):
            if text.endswith(unit) and text[: -len(unit)].replace(".", "", 1).isdigit():
                return int(float(text[: -len(unit)]) * mult)
    raise fail(key, f"must be a size such as 5000000 or \"5MB\", not {value!r}")


def _declares_healthlint(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        with path.open("rb") as fh:
            return "healthlint" in tomllib.load(fh).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


@lru_cache(maxsize=4096)
def find_config_file(directory: Path) -> Path | None:
    """The nearest configuration file at or above ``directory``."""
    for name in CONFIG_FILES:
        candidate = directory / name
        if candidate.is_file() and _declares_healthlint(candidate):
            return candidate
    if directory.parent == directory:
        return None
    return find_config_file(directory.parent)


class ConfigResolver:
    """Gives each linted file its configuration: `--config` for all, else the nearest file."""

    def __init__(self, registry: Registry, explicit: Path | None = None) -> None:
        self.registry = registry
        self._cache: dict[Path | None, Config] = {}
        self.explicit = load_config_file(explicit, registry) if explicit else None

    def for_path(self, path: str | None) -> Config:
        if self.explicit is not None:
            return self.explicit
        directory = Path(path).resolve().parent if path and path != "-" else Path.cwd().resolve()
        found = find_config_file(directory)
        if found not in self._cache:
            self._cache[found] = load_config_file(found, self.registry) if found else Config()
        return self._cache[found]
