"""docs/rules.md is generated from the checks' docs and must be regenerated when they change."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "gen_rules_doc.py"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_rules_doc", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_rules_doc", module)
    spec.loader.exec_module(module)
    return module


def test_rules_doc_is_up_to_date() -> None:
    generator = load_generator()
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == generator.render(), (
        "docs/rules.md is out of date with the checks' docs; regenerate it with "
        "`.venv/bin/python scripts/gen_rules_doc.py` and commit the result"
    )


def test_every_builtin_check_has_a_section_with_its_docs() -> None:
    generator = load_generator()
    text = generator.render()
    for check in generator.builtin_checks():
        assert f"\n## {check.id}\n" in text
        assert f"[{check.id}](#{check.id})" in text
        for title in ("What it finds", "Why it matters", "Example", "How to fix"):
            assert check.docs().count(f"{title}:") <= text.count(f"**{title}:**")


def test_docstring_sections_are_split_and_reflowed() -> None:
    generator = load_generator()
    docs = "What it finds: a\nwrapped line.\n\nWhy it matters: b.\nExample: \"buy <now>\".\nHow to fix: `keep <this>`."
    assert generator.sections(docs) == [
        ("What it finds", "a wrapped line."), ("Why it matters", "b."),
        ("Example", "\"buy <now>\"."), ("How to fix", "`keep <this>`."),
    ]
    assert generator._markdown("see <main> and `<main>`") == "see &lt;main> and `<main>`"


def test_check_mode_reports_a_stale_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generator = load_generator()
    stale = tmp_path / "rules.md"
    stale.write_text("# Rules\n", encoding="utf-8")
    monkeypatch.setattr(generator, "OUTPUT", stale)
    monkeypatch.setattr(generator, "ROOT", tmp_path)
    assert generator.main(["--check"]) == 1
    assert generator.main([]) == 0
    assert generator.main(["--check"]) == 0
