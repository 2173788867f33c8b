"""Linting many files in one process: the next article is read and handed to Harper while one
is checked, and this changes nothing in the reports."""

from __future__ import annotations

from pathlib import Path

from linter.config import ConfigResolver
from linter.engine import Session
from linter.engines import harper_engine
from linter.registry import Registry

ARTICLES = {
    "a.md": "# Sleep\n\nKeep a regular bedtime. Their is no need to stay up late, and screens keep you awake.\n",
    "b.txt": "Stretching helps some people with back pain, and most recieve relief. Talk to your doctor "
             "if the pain lasts.\n",
    "c.md": "# Colds\n\nMost colds get better on there own within a week or two. Rest and drink fluids.\n",
}


def write_articles(folder: Path) -> list[str]:
    paths = []
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    (folder / "broken.md").write_bytes(b"# Title\n\n\xff\xfe not UTF-8\n")
    return [paths[0], str(folder / "broken.md"), str(folder / "missing.md"), *paths[1:]]


def test_reports_in_a_stream_equal_reports_one_by_one(tmp_path: Path, registry: Registry) -> None:
    paths = write_articles(tmp_path)
    streamed = list(Session(registry, ConfigResolver(registry)).lint_paths(paths))
    alone = [Session(registry, ConfigResolver(registry)).lint_path(p) for p in paths]
    assert [r.path for r in streamed] == paths
    assert [r.to_json() for r in streamed] == [r.to_json() for r in alone]
    assert streamed[1].error and "UTF-8" in streamed[1].error and streamed[2].error
    assert any(f.check == "grammar" for f in streamed[0].findings)  # Harper's findings are there


def test_the_next_article_is_with_harper_before_the_current_one_is_reported(
    tmp_path: Path, registry: Registry
) -> None:
    paths = write_articles(tmp_path)
    harper_engine.harper_issues("A warm process.")  # a cold one asks about spelling only when needed
    stream = Session(registry, ConfigResolver(registry)).lint_paths([paths[0], paths[3]])
    first = next(stream)
    worker = harper_engine._the_worker()
    assert first.path == paths[0]
    assert any(text.startswith("Stretching") for text, _ in worker.lints.pending)
    assert any("recieve" in words for words in worker.questions.pending)  # its spelling is being looked up
    second = next(stream)
    assert second.path == paths[3] and not any(text.startswith("Stretching") for text, _ in worker.lints.pending)
    assert not any("recieve" in words for words in worker.questions.pending)
    assert any(f.check == "grammar" and f.text == "recieve" for f in second.findings)
