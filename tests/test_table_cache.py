"""Big data tables compiled once into the user's cache directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.table_cache import cache_dir, cached_table


def parse(path: str) -> dict[str, float]:
    pairs = (line.split("\t") for line in Path(path).read_text(encoding="utf-8").splitlines())
    return {word: float(count) for word, count in pairs}


@pytest.fixture()
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    table = tmp_path / "counts.txt"
    table.write_text("the\t100\nrest\t7\n", encoding="utf-8")
    return table


def test_a_table_is_parsed_once_then_loaded_from_its_compiled_copy(source: Path) -> None:
    calls: list[str] = []

    def build(path: str) -> dict[str, float]:
        calls.append(path)
        return parse(path)

    assert cached_table(str(source), "counts", build) == {"the": 100.0, "rest": 7.0}
    assert cached_table(str(source), "counts", build) == {"the": 100.0, "rest": 7.0}
    assert len(calls) == 1
    assert len(list(cache_dir().glob("counts-*.marshal"))) == 1


def test_a_changed_source_or_a_corrupt_copy_is_parsed_again(source: Path) -> None:
    cached_table(str(source), "counts", parse)
    source.write_text("the\t100\nrest\t7\nsleep\t9\n", encoding="utf-8")
    assert cached_table(str(source), "counts", parse)["sleep"] == 9.0  # stale copy not used
    for copy in cache_dir().glob("counts-*.marshal"):
        copy.write_bytes(b"\x00garbage")
    assert cached_table(str(source), "counts", parse)["sleep"] == 9.0


def test_a_cache_path_that_is_a_file_is_skipped(source: Path) -> None:
    cache_dir().parent.mkdir(parents=True)
    cache_dir().write_text("not a folder", encoding="utf-8")  # unwritable even for root
    assert cached_table(str(source), "counts", parse)["rest"] == 7.0
