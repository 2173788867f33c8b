"""Regenerate checks/data/grammar_harper_style_rules.txt: the Harper rules whose lints the
grammar check drops unless `style = true`, so that Harper need not run them.

    .venv/bin/python scripts/harper_style_rules.py

A rule is listed when it belongs to one of Harper's own style groups (proper-noun and other
capitalisation, punctuation and spacing, regionalisms) or when, over the public benchmark
texts (../shared/benchmarks: the extraction gold articles, the GUG learner sentences and the
Sondhi health pages), it produced only lint kinds that checks/data/grammar_engine_categories.txt
maps to style; a rule that ever produced a kind the check keeps is never listed, and a rule
that never fired stays on.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._shared import ROOT, require  # noqa: E402

STYLE_GROUPS = ("Proper Nouns", "Capitalization and Case", "Punctuation and Spacing", "Regionalisms and Dialect")
OUT = ROOT / "checks" / "data" / "grammar_harper_style_rules.txt"


def rule_names(settings: list[dict[str, Any]]) -> list[str]:
    names: list[str] = []
    for setting in settings:
        if "Bool" in setting:
            names.append(setting["Bool"]["name"])
        elif "Group" in setting:
            names += rule_names(setting["Group"]["child"]["settings"])
    return names


def benchmark_texts() -> list[str]:
    from linter.readers import InputError, read_document

    gold = json.loads(require("extraction", "ground-truth.json").read_text(encoding="utf-8"))
    texts = [gold[k]["articleBody"] for k in sorted(gold) if (gold[k].get("articleBody") or "").strip()]
    with require("grammar", "gug_dev.tsv").open(encoding="utf-8") as handle:
        texts.append("\n".join(row["sentence"] for row in csv.DictReader(handle, delimiter="\t")))
    for page in sorted(require("pages", "sondhi").glob("*/*")):
        try:
            texts.append(read_document(str(page)).text)
        except InputError:
            continue
    return texts


def main() -> None:
    import harper

    from checks.grammar import lexicon

    linter = harper.Linter()
    groups = {s["Group"]["label"]: rule_names(s["Group"]["child"]["settings"])
              for s in linter.get_structured_lint_config()["settings"] if "Group" in s}
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    texts = benchmark_texts()
    for text in texts:
        for rule, lints in linter.organized_lints(text, language="plaintext").items():
            for lint in lints:
                kinds[rule][lint.lint_kind] += 1
    groups_of = lexicon.mapping("grammar_engine_categories.txt", "harper")
    kept = {rule for rule, seen in kinds.items() if any(groups_of.get(k, "style") != "style" for k in seen)}
    observed_style = {rule for rule, seen in kinds.items() if rule not in kept}
    style = (observed_style | {r for g in STYLE_GROUPS for r in groups.get(g, [])}) - kept - {"SpellCheck"}
    header = [
        "# Harper rules whose lints the grammar check drops unless [tool.healthlint.grammar] style = true:",
        "# Harper skips them. Made by scripts/harper_style_rules.py (see there how); do not edit by hand.",
        f"# {len(texts)} benchmark texts; {len(kinds)} rules fired, {len(kept)} of them with a kind the check keeps.",
    ]
    OUT.write_text("\n".join(header + sorted(style)) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(style)} rules)")


if __name__ == "__main__":
    main()
