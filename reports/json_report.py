"""JSON, the stable contract (schema_version 1)."""

from __future__ import annotations

import json

from linter.report import ArticleReport, RunReport
from reports.base import Writer


def dumps(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


class JsonWriter(Writer):
    name = "json"
    extension = ".json"

    def run(self, run: RunReport) -> str:
        return dumps(run.to_json())

    def article(self, article: ArticleReport) -> str:
        return dumps(RunReport(articles=[article]).to_json())

    def index(self, run: RunReport, files: dict[str, str]) -> str:
        data = run.to_json()
        data["articles"] = [
            {"path": a.path, "title": a.title, "score": a.score, "findings": len(a.findings),
             "report": files.get(a.path)}
            for a in run.articles
        ]
        data["errors"] = run.errors
        return dumps(data)
