"""Quality on real text: how often the checks fire on professional and on unreliable pages.

Prints, for each data set, warning-or-worse findings per 1,000 words by category; for the
Sondhi reliable/unreliable health pages, medical-claim and professional-advice findings per
page, the checks that fire most on each side, and the ROC AUC of the article score (reliable
pages should score higher).

    .venv/bin/python benchmarks/quality.py [--limit N] [--jobs 2] [--show CATEGORY] [--set NAME]

Data: ../shared/benchmarks/pages/sondhi/{reliable,unreliable}/*.html, the gold article texts of
../shared/benchmarks/extraction/ground-truth.json, and the clean articles of corpus/ (those whose
gold file expects nothing).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._shared import ROOT, require  # noqa: E402

CATEGORIES = ("spam", "boilerplate", "language", "off-topic", "grammar", "medical-claim",
              "professional-advice", "duplication", "readability")


@dataclass
class Item:
    set_name: str
    name: str
    fmt: str
    data: bytes


def load_items(limit: int | None, only: str | None) -> list[Item]:
    items: list[Item] = []
    sondhi = require("pages", "sondhi")
    for side in ("reliable", "unreliable"):
        files = sorted((sondhi / side).glob("*.html"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0)
        items += [Item(side, f"{side}/{p.name}", "html", p.read_bytes()) for p in files[:limit]]
    gold = json.loads(require("extraction", "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold)[:limit]:
        body = gold[key].get("articleBody") or ""
        if body.strip():
            items.append(Item("extraction-gold", key[:12], "txt", body.encode("utf-8")))
    for article in sorted((ROOT / "corpus").glob("*.*")):
        if article.name == "README.md":
            continue
        gold_file = ROOT / "corpus" / "gold" / f"{article.name}.json"
        if gold_file.exists() and not json.loads(gold_file.read_text())["findings"]:
            fmt = {".md": "md", ".html": "html"}.get(article.suffix, "txt")
            items.append(Item("corpus-clean", article.name, fmt, article.read_bytes()))
    return [i for i in items if only is None or i.set_name == only]


_session = None


def lint_item(item: Item) -> dict[str, object]:
    global _session
    from linter.config import ConfigResolver
    from linter.engine import Session
    from linter.readers import parse_source
    from linter.registry import default_registry
    from linter.runner import LintOptions, lint_document

    if _session is None:
        registry = default_registry()
        _session = Session(registry, ConfigResolver(registry), LintOptions(metrics=False))
    report = _session.lint_text(item.name, item.data, item.fmt)
    recoded = False
    if report.error and "UTF-8" in report.error:
        # measurement only: the linter itself refuses undeclared non-UTF-8 bytes
        from linter.config import resolve_checks

        checks = resolve_checks(_session.resolver.for_path(None), _session.registry, item.name)
        doc = parse_source(item.name, item.data.decode("cp1252", errors="replace"), item.fmt)
        report = lint_document(doc, checks, _session.options)
        recoded = True
    return {
        "set": item.set_name, "name": item.name, "words": report.word_count, "score": report.score,
        "error": report.error, "recoded": recoded,
        "findings": [(f.check, f.category, f.severity.label, f.line, f.text, f.message) for f in report.findings],
    }


def roc_auc(positives: list[float], negatives: list[float]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    wins = 0.0
    for p in positives:
        for n in negatives:
            wins += 1.0 if p > n else 0.5 if p == n else 0.0
    return wins / (len(positives) * len(negatives))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="at most N documents per source")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--set", dest="only",
                        help="only this set (reliable, unreliable, extraction-gold, corpus-clean)")
    parser.add_argument("--show", action="append", default=[],
                        help="print the warning-or-worse findings of this category or check id")
    args = parser.parse_args()
    items = load_items(args.limit, args.only)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lint_item, items, chunksize=4))
    elapsed = time.perf_counter() - started

    by_set: dict[str, list[dict[str, object]]] = defaultdict(list)
    for r in results:
        by_set[str(r["set"])].append(r)
    print(f"quality benchmark: {len(results)} documents in {elapsed:.0f} s ({time.strftime('%Y-%m-%d')})\n")
    header = f"{'set':<16}{'docs':>6}{'words':>9}{'warn+/1k':>10}  by category (warning or worse per 1,000 words)"
    print(header)
    print("-" * len(header))
    for set_name, rows in by_set.items():
        words = sum(int(r["words"]) for r in rows) or 1  # type: ignore[call-overload]
        cats: Counter[str] = Counter()
        for r in rows:
            for _check, category, severity, *_ in r["findings"]:  # type: ignore[attr-defined]
                if severity in ("warning", "error"):
                    cats[category] += 1
        total = sum(cats.values()) * 1000 / words
        detail = ", ".join(f"{c} {cats[c] * 1000 / words:.2f}" for c in CATEGORIES if cats[c])
        print(f"{set_name:<16}{len(rows):>6}{words:>9}{total:>10.2f}  {detail or '-'}")
        errors = [r for r in rows if r["error"] and not r["recoded"]]
        recoded = sum(1 for r in rows if r["recoded"])
        if errors or recoded:
            print(f"{'':<16}  ({len(errors)} unreadable; {recoded} undeclared non-UTF-8 pages decoded as cp1252 here)")

    if "reliable" in by_set and "unreliable" in by_set:
        print()
        scores = {s: [float(r["score"]) for r in by_set[s] if r["score"] is not None]  # type: ignore[arg-type]
                  for s in ("reliable", "unreliable")}
        auc = roc_auc(scores["reliable"], scores["unreliable"])
        print(f"article score ROC AUC, reliable vs unreliable: {auc:.3f} "
              f"(mean score {sum(scores['reliable']) / len(scores['reliable']):.1f} vs "
              f"{sum(scores['unreliable']) / len(scores['unreliable']):.1f})")
        for side in ("reliable", "unreliable"):
            rows = by_set[side]
            per_page: Counter[str] = Counter()
            checks: Counter[str] = Counter()
            for r in rows:
                for check, category, *_ in r["findings"]:  # type: ignore[attr-defined]
                    per_page[category] += 1
                    checks[check] += 1
            n = len(rows)
            print(f"  {side:<11} medical-claim {per_page['medical-claim'] / n:.2f}/page, "
                  f"professional-advice {per_page['professional-advice'] / n:.2f}/page; "
                  f"top checks: {', '.join(f'{c} {k}' for c, k in checks.most_common(6))}")

    for wanted in args.show:
        print(f"\nfindings for {wanted}:")
        for r in results:
            for check, category, severity, line, text, message in r["findings"]:  # type: ignore[attr-defined]
                if wanted in (check, category) and severity in ("warning", "error"):
                    shown = (text or "").replace("\n", " ")[:100]
                    print(f"  {r['set']}/{r['name']}:{line}: [{check}] {message} | {shown}")


if __name__ == "__main__":
    main()
