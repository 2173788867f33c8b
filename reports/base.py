"""The writer interface and the registry of formats."""

from __future__ import annotations

import importlib
import importlib.util
from typing import ClassVar

from linter.report import ArticleReport, RunReport


class Writer:
    """A report format: the whole run to one stream, one article to one file, and an index."""

    name: ClassVar[str]
    extension: ClassVar[str]

    def __init__(self, color: bool = False, root: str | None = None) -> None:
        self.color = color
        self.root = root  # paths in reports are made relative to it where the format wants that

    def run(self, run: RunReport) -> str:
        raise NotImplementedError

    def article(self, article: ArticleReport) -> str:
        return self.run(RunReport(articles=[article]))

    def index(self, run: RunReport, files: dict[str, str]) -> str:
        """An index of per-article files (article path -> file name); default: the run itself."""
        return self.run(run)


WRITERS: dict[str, str] = {
    "text": "reports.text:TextWriter",
    "json": "reports.json_report:JsonWriter",
    "markdown": "reports.markdown:MarkdownWriter",
    "html": "reports.html:HtmlWriter",
    "sarif": "reports.sarif:SarifWriter",
    "github": "reports.github:GithubWriter",
}


def writer_names() -> list[str]:
    names = []
    for name, target in WRITERS.items():
        module = target.split(":")[0]
        if importlib.util.find_spec(module) is not None:
            names.append(name)
    return names


def get_writer(name: str, color: bool = False, root: str | None = None) -> Writer:
    module_name, cls_name = WRITERS[name].split(":")
    cls: type[Writer] = getattr(importlib.import_module(module_name), cls_name)
    return cls(color=color, root=root)
