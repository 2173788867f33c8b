"""Grammar: sentence-level detection on GUG, and warnings on professional prose.

    .venv/bin/python benchmarks/grammar.py [--skip-prose]

1. ../shared/benchmarks/grammar/gug_dev.tsv (learner sentences rated by experts): a sentence
   is flagged when any grammar finding falls inside it. Ratings 1-2 are positives, rating 4
   negatives; rating 3 (minor errors) is reported as a flag rate. Precision, recall and F0.5
   for each engine alone and for the combination, in two sets: all findings, and findings
   other than spelling (the experts rated grammar and ignored spelling). "harper, raw" is
   every Harper lint, unfiltered; the other rows go through the grammar check's judgement
   (kinds kept, vocabulary, merging). LanguageTool rows need HEALTHLINT_LANGUAGETOOL_URL.
2. The gold article texts of ../shared/benchmarks/extraction/ground-truth.json (professional
   journalism): grammar findings at warning or worse per 1,000 words through the real
   runner, with the most frequent flagged words, and the grammar stage's words per second.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._shared import require  # noqa: E402

POSITIVE = {"1", "2"}
NEGATIVE = {"4"}


def scores(flags: list[bool], ratings: list[str]) -> dict[str, float]:
    tp = sum(1 for f, r in zip(flags, ratings, strict=True) if f and r in POSITIVE)
    fp = sum(1 for f, r in zip(flags, ratings, strict=True) if f and r in NEGATIVE)
    positives = sum(1 for r in ratings if r in POSITIVE)
    minor = [f for f, r in zip(flags, ratings, strict=True) if r == "3"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / positives if positives else 0.0
    beta2 = 0.25
    f05 = (1 + beta2) * precision * recall / (beta2 * precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f05": f05, "minor": sum(minor) / len(minor) if minor else 0.0}


def gug() -> None:
    from checks.grammar import ENGINE_SECTIONS, grammar_findings, group_of
    from linter.engines.harper_engine import harper_issues
    from linter.nlp import NEED_PARSE, load_pipeline

    rows = list(csv.DictReader(require("grammar", "gug_dev.tsv").open(encoding="utf-8"), delimiter="\t"))
    rows = [r for r in rows if r["expert_rating"] in POSITIVE | NEGATIVE | {"3"}]
    ratings = [r["expert_rating"] for r in rows]
    sentences = [r["sentence"] for r in rows]
    nlp = load_pipeline(frozenset({NEED_PARSE}))
    docs = list(nlp.pipe(sentences))
    lt_url = os.environ.get("HEALTHLINT_LANGUAGETOOL_URL", "")
    languagetool = {"url": lt_url}

    variants: list[tuple[str, list[str], bool]] = [
        ("harper", ["harper"], False),
        ("rules (project's own)", [], True),
    ]
    if lt_url:
        variants += [("languagetool", ["languagetool"], False),
                     ("harper + languagetool", ["harper", "languagetool"], False)]
    variants.append(("harper + rules (default)", ["harper"], True))
    if lt_url:
        variants.append(("harper + languagetool + rules", ["harper", "languagetool"], True))

    table: list[tuple[str, dict[str, float], dict[str, float]]] = []
    raw_all: list[bool] = []
    raw_grammar: list[bool] = []
    for text in sentences:
        lints = harper_issues(text)
        raw_all.append(bool(lints))
        raw_grammar.append(any(group_of(i) not in ("spelling", "style") for i in lints))
    table.append(("harper, raw (every lint)", scores(raw_all, ratings), scores(raw_grammar, ratings)))
    for name, engines, rules in variants:
        grammar = {**ENGINE_SECTIONS["grammar"], "engines": engines}
        flags_all: list[bool] = []
        flags_grammar: list[bool] = []
        for text, doc in zip(sentences, docs, strict=True):
            whole = [(0, len(text))]
            merged, errors = grammar_findings(text, lambda d=doc: d, lambda w=whole: (w, w), grammar,
                                              languagetool, rules=rules)
            if errors:
                sys.exit(f"{name}: {errors[0]}")
            flags_all.append(bool(merged))
            flags_grammar.append(any(m.group != "spelling" for m in merged))
        table.append((name, scores(flags_all, ratings), scores(flags_grammar, ratings)))

    counts = Counter(ratings)
    print(f"GUG dev: {len(rows)} sentences ({counts['1'] + counts['2']} rated 1-2, {counts['4']} rated 4, "
          f"{counts['3']} rated 3)")
    if not lt_url:
        print("LanguageTool: not measured (set HEALTHLINT_LANGUAGETOOL_URL to a LanguageTool server)")
    print()
    print("| engine | all: P | R | F0.5 | flags 3 | no spelling: P | R | F0.5 | flags 3 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, a, g in table:
        print(f"| {name} | {a['p']:.2f} | {a['r']:.2f} | {a['f05']:.2f} | {a['minor']:.2f} "
              f"| {g['p']:.2f} | {g['r']:.2f} | {g['f05']:.2f} | {g['minor']:.2f} |")


def prose() -> None:
    from linter.config import Config, resolve_checks
    from linter.findings import Severity
    from linter.nlp import Analysis
    from linter.readers import parse_source
    from linter.registry import default_registry
    from linter.runner import LintOptions, lint_document, needs_of

    gold = json.loads(require("extraction", "ground-truth.json").read_text(encoding="utf-8"))
    texts = [gold[k]["articleBody"] for k in sorted(gold) if (gold[k].get("articleBody") or "").strip()]
    checks = resolve_checks(Config(), default_registry(), None, ["grammar"])
    [setting] = checks
    docs = [parse_source(f"article{i}.txt", t, "txt") for i, t in enumerate(texts)]
    words = sum(len(d.text.split()) for d in docs)
    by_severity: Counter[str] = Counter()
    by_engine: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    stage = 0.0
    for doc in docs:
        analysis = Analysis(doc, needs_of(checks))
        analysis.doc  # noqa: B018 (parse outside the timed stage)
        started = time.perf_counter()
        list(setting.check().run(doc, analysis, setting.settings))
        stage += time.perf_counter() - started
        report = lint_document(doc, checks, LintOptions(metrics=False))
        for f in report.findings:
            by_severity[f.severity.label] += 1
            if f.severity >= Severity.WARNING:
                by_engine[f.message.rsplit("(", 1)[-1].rstrip(")")] += 1
                flagged[f.text or ""] += 1
    warn = by_severity["warning"] + by_severity["error"]
    print(f"\nProfessional prose: {len(docs)} gold article texts, {words:,} words")
    print(f"grammar findings at warning or worse: {warn} = {warn * 1000 / words:.2f} per 1,000 words "
          f"(info: {by_severity['info']} = {by_severity['info'] * 1000 / words:.1f} per 1,000 words)")
    print(f"warnings by engine: {dict(by_engine.most_common())}")
    print(f"most frequent warned text: {flagged.most_common(25)}")
    print(f"grammar stage alone (Harper + rules + judgement, parse excluded): {words / stage:,.0f} words/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-prose", action="store_true")
    parser.add_argument("--skip-gug", action="store_true")
    args = parser.parse_args()
    print(f"grammar benchmark ({time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]})\n")
    if not args.skip_gug:
        gug()
    if not args.skip_prose:
        prose()


if __name__ == "__main__":
    main()
