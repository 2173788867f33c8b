"""SARIF 2.1.0, for code scanning dashboards (GitHub code scanning, GitLab, Azure DevOps).

One rule per registered check (its docs as help), one result per finding with a physical
location relative to the repository root, and partial fingerprints taken from the flagged
text and its sentence, so that a finding keeps its identity when lines move.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from linter import __version__
from linter.baseline import fingerprint
from linter.changes import repository_root as _git_root
from linter.findings import LocatedFinding, Severity
from linter.registry import Check, default_registry
from linter.report import ArticleReport, RunReport
from reports.base import Writer

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/healthlint/"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "healthlintText/v1"
SECTION = re.compile(r"^(What it finds|Why it matters|Example|How to fix):\s*", re.MULTILINE)
INTERNAL_RULES = {
    "internal-error": ("InternalError", "A check failed on this article", Severity.ERROR),
    "unused-suppression": ("UnusedSuppression", "A suppression comment matched no finding", Severity.WARNING),
}


def rule_name(check_id: str) -> str:
    return "".join(part.capitalize() for part in check_id.split("-"))


def first_section(docs: str) -> str:
    """The "What it finds" paragraph of a check's docs (or the first paragraph)."""
    parts = SECTION.split(docs)
    if len(parts) > 2 and parts[1] == "What it finds":
        return " ".join(parts[2].split())
    return " ".join(docs.split("\n\n")[0].split())


def _rule(check: type[Check]) -> dict[str, Any]:
    docs = check.docs()
    return {
        "id": check.id,
        "name": rule_name(check.id),
        "shortDescription": {"text": check.summary},
        "fullDescription": {"text": first_section(docs) or check.summary},
        "help": {"text": docs or check.summary},
        "defaultConfiguration": {"level": LEVELS[check.severity]},
        "properties": {"category": check.category, "tags": ["health-content", check.category]},
    }


def _internal_rule(rule_id: str) -> dict[str, Any]:
    name, text, severity = INTERNAL_RULES.get(rule_id, (rule_name(rule_id), rule_id, Severity.WARNING))
    return {"id": rule_id, "name": name, "shortDescription": {"text": text}, "fullDescription": {"text": text},
            "help": {"text": text}, "defaultConfiguration": {"level": LEVELS[severity]}}


@lru_cache(maxsize=16)
def repository_root(directory: str) -> str:
    """The git work tree's top holding ``directory``, else ``directory`` itself."""
    return _git_root(directory) or directory


def relative_to_root(path: str, root: str | None) -> str:
    """``path`` relative to the repository root with forward slashes (as given when outside it).

    ``root`` is where healthlint runs; the git work tree's top above it is the repository root.
    """
    if root and path != "-":
        root = repository_root(root)
        rel = os.path.relpath(os.path.abspath(path), root)
        if not rel.startswith(".."):
            return Path(rel).as_posix()
    return Path(path).as_posix()


class SarifWriter(Writer):
    name = "sarif"
    extension = ".sarif"

    def _result(self, article: ArticleReport, f: LocatedFinding, rule_index: int) -> dict[str, Any]:
        location: dict[str, Any] = {"artifactLocation": {"uri": relative_to_root(article.path, self.root),
                                                         "uriBaseId": "%SRCROOT%"}}
        if f.line is not None and f.column is not None:
            end_line = f.end_line or f.line
            # SARIF's endColumn is the column just past the region; the report's points at the last character
            end_column = (f.end_column or f.column) + 1
            region: dict[str, Any] = {"startLine": f.line, "startColumn": f.column,
                                      "endLine": end_line, "endColumn": end_column}
            if f.text:
                region["snippet"] = {"text": f.text}
            location["region"] = region
        result: dict[str, Any] = {
            "ruleId": f.check,
            "ruleIndex": rule_index,
            "level": LEVELS[f.severity],
            "message": {"text": f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f, article.text)},
            "properties": {"category": f.category},
        }
        return result

    def run(self, run: RunReport) -> str:
        checks = default_registry().all()
        rules = [_rule(c) for c in checks]
        index = {c.id: i for i, c in enumerate(checks)}
        results: list[dict[str, Any]] = []
        for article in run.articles:
            for f in article.findings:
                if f.check not in index:
                    index[f.check] = len(rules)
                    rules.append(_internal_rule(f.check))
                results.append(self._result(article, f, index[f.check]))
        invocation: dict[str, Any] = {"executionSuccessful": not run.errors and not run.has_internal_error}
        if run.errors:
            invocation["toolExecutionNotifications"] = [
                {"level": "error", "message": {"text": err}} for err in run.errors
            ]
        sarif_run: dict[str, Any] = {
            "tool": {"driver": {"name": "healthlint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "invocations": [invocation],
            "results": results,
            "columnKind": "unicodeCodePoints",
        }
        if self.root:
            root_uri = Path(repository_root(self.root)).resolve().as_uri().rstrip("/") + "/"
            sarif_run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": root_uri}}
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [sarif_run]}
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
