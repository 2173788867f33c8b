"""Writing one report file per article plus an index into a folder."""

from __future__ import annotations

import re
from pathlib import Path

from linter.report import RunReport
from reports.base import Writer

UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def report_name(article_path: str, extension: str, taken: set[str]) -> str:
    stem = UNSAFE.sub("_", article_path.strip("./").replace("/", "__")) or "article"
    stem = stem[:150]
    name = f"{stem}{extension}"
    n = 2
    while name in taken:
        name = f"{stem}-{n}{extension}"
        n += 1
    taken.add(name)
    return name


def write_output_dir(run: RunReport, writer: Writer, directory: Path) -> dict[str, str]:
    directory.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    taken = {f"index{writer.extension}"}
    for article in run.articles:
        name = report_name(article.path, writer.extension, taken)
        (directory / name).write_text(writer.article(article), encoding="utf-8")
        files[article.path] = name
    (directory / f"index{writer.extension}").write_text(writer.index(run, files), encoding="utf-8")
    return files
