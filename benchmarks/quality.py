"""Quality on real text: how often the checks fire on professional and on unreliable pages.

Prints, for each data set, warning-or-worse findings per 1,000 words by category; for the
Sondhi reliable/unreliable health pages, medical-claim and professional-advice findings per
page, the checks that fire most on each side, and the ROC AUC of the article score (reliable
pages should score higher) beside two references: the naive commerce-words baseline (sales
words per 1,000 words of the whole page's visible text, menus included) and a split-half AUC
of the score's weights (chosen from the grid below on one random half of the pages, measured
on the other half, mean of 20 splits), since the weights in force were chosen on these pages.

    .venv/bin/python benchmarks/quality.py [--limit N] [--jobs 2] [--show CATEGORY] [--set NAME]

Data: ../shared/benchmarks/pages/sondhi/{reliable,unreliable}/*.html, the gold article texts of
../shared/benchmarks/extraction/ground-truth.json, and the clean articles of corpus/ (those whose
gold file expects nothing).
"""

from __future__ import annotations

import argparse
import html
import itertools
import json
import random
import re
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
# the naive baseline the issue quotes: sales words per 1,000 words of the page's visible text
NAIVE_COMMERCE = re.compile(
    r"\b(?:buy|order|orders|ordering|shop|shopping|cart|price|prices|shipping|discount|sale|purchase|"
    r"checkout|coupon|promo|guarantee|money-back|refund|product|products|offer|free)\b|[$£€]\s?\d",
    re.IGNORECASE,
)
INVISIBLE = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
TAGS = re.compile(r"<[^>]*>")
WORDS = re.compile(r"[^\W\d_][\w'-]*")
# the grid the score's weights were chosen from (errors, info, four category weights, cap,
# length exponent); other categories keep their weights
GRID = {
    "error": (20.0, 40.0), "info": (0.0, 0.25), "spam": (1.5, 2.0, 3.0), "medical-claim": (0.5, 1.0, 1.5),
    "professional-advice": (2.0, 3.0), "grammar": (0.2, 0.8), "readability": (0.2, 0.5),
    "cap": (30.0, 60.0), "length": (0.5, 1.0),
}
SPLITS = 20


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
        "error": report.error, "recoded": recoded, "naive_commerce": naive_commerce_rate(item),
        "naive_commerce_raw": naive_commerce_rate(item, raw=True),
        "findings": [(f.check, f.category, f.severity.label, f.line, f.text, f.message) for f in report.findings],
    }


def naive_commerce_rate(item: Item, raw: bool = False) -> float:
    """Sales words per 1,000 words of the whole page's visible text (menus and all), or of its
    raw source with ``raw`` (link targets, image names and markup included)."""
    text = item.data.decode("utf-8", errors="replace")
    if item.fmt == "html" and not raw:
        text = html.unescape(TAGS.sub(" ", INVISIBLE.sub(" ", text)))
    return 1000 * len(NAIVE_COMMERCE.findall(text)) / max(len(WORDS.findall(text)), 1)


def roc_auc(positives: list[float], negatives: list[float]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    ranked = sorted([(v, 1) for v in positives] + [(v, 0) for v in negatives])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # the average 1-based rank of a run of ties
        rank_sum += mid * sum(flag for _, flag in ranked[i:j])
        i = j
    n_pos = len(positives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * len(negatives))


def grid_weights() -> list[object]:
    from linter.findings import Severity
    from linter.scoring import CATEGORY_WEIGHT, Weights

    out: list[object] = []
    for error, info, spam, claim, advice, grammar, readability, cap, length in itertools.product(*GRID.values()):
        categories = {**CATEGORY_WEIGHT, "spam": spam, "medical-claim": claim, "professional-advice": advice,
                      "grammar": grammar, "readability": readability}
        points = {Severity.ERROR: error, Severity.WARNING: 5.0, Severity.INFO: info}
        out.append(Weights(points, categories, cap, length))
    return out


def split_half_auc(reliable: list[dict[str, object]], unreliable: list[dict[str, object]]) -> tuple[float, float]:
    """(mean, lowest) AUC on one half of the pages of the grid's weights that score best on the other."""
    from linter.findings import LocatedFinding, Severity
    from linter.scoring import score

    def findings(r: dict[str, object]) -> list[LocatedFinding]:
        return [LocatedFinding(c, cat, Severity.parse(sev), "", None, None, None, None, None, None)
                for c, cat, sev, *_ in r["findings"]]  # type: ignore[attr-defined]

    parsed = [(findings(r), int(r["words"])) for r in reliable + unreliable]  # type: ignore[call-overload]
    table = [[float(score(f, w, weights)) for f, w in parsed] for weights in grid_weights()]  # type: ignore[arg-type]
    n_rel = len(reliable)
    rng = random.Random(13)
    aucs: list[float] = []
    for _ in range(SPLITS):
        rel, unrel = list(range(n_rel)), list(range(n_rel, len(parsed)))
        rng.shuffle(rel)
        rng.shuffle(unrel)
        halves = ((rel[::2], unrel[::2]), (rel[1::2], unrel[1::2]))
        for (tune_r, tune_u), (test_r, test_u) in (halves, halves[::-1]):
            best = max(table, key=lambda row: roc_auc([row[i] for i in tune_r], [row[i] for i in tune_u]))
            aucs.append(roc_auc([best[i] for i in test_r], [best[i] for i in test_u]))
    return sum(aucs) / len(aucs), min(aucs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="at most N documents per source")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--set", dest="only",
                        help="only this set (reliable, unreliable, extraction-gold, corpus-clean)")
    parser.add_argument("--no-split-half", action="store_true", help="skip the split-half AUC of the weights")
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
        naive, naive_raw = (roc_auc([float(r[key]) for r in by_set["unreliable"]],  # type: ignore[arg-type]
                                    [float(r[key]) for r in by_set["reliable"]])  # type: ignore[arg-type]
                            for key in ("naive_commerce", "naive_commerce_raw"))
        print(f"article score ROC AUC, reliable vs unreliable: {auc:.3f} "
              f"(mean score {sum(scores['reliable']) / len(scores['reliable']):.1f} vs "
              f"{sum(scores['unreliable']) / len(scores['unreliable']):.1f}); naive commerce-words "
              f"baseline: {naive:.3f} on the page's visible text, {naive_raw:.3f} on its raw HTML")
        if not args.no_split_half:
            mean, lowest = split_half_auc(by_set["reliable"], by_set["unreliable"])
            print(f"  split-half AUC of the score's weights (chosen from a grid of {len(grid_weights())} "
                  f"on one half, measured on the other, {SPLITS} splits): mean {mean:.3f}, lowest {lowest:.3f}")
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
