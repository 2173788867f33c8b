"""Claim detection on PubMed conclusion sentences (causal_pubmed_dev.csv, Yu et al. 2019).

Each sentence stands alone, so the support test is skipped: a sentence counts as flagged when
the claim detector of unsupported-claim finds any claim in it, hedged ones included. Label 3
(direct causal) is the positive class and label 0 (no relationship) the negative one; the
firing rate on labels 1 (correlational) and 2 (conditional causal) is reported beside them.

    python benchmarks/claims.py [--show-errors N]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._shared import require  # noqa: E402
from checks._claim_detection import claims_in_sentence, strongest  # noqa: E402
from linter.nlp import NEED_PARSE, load_pipeline  # noqa: E402

# label 3 includes negative findings ("metformin does not increase the risk"); the check reads a
# negated statement as no claim on purpose ("does not cure" is no cure claim), so recall is also
# given on the label 3 sentences without a negation
NEGATION = re.compile(r"\b(not|no|neither|nor|cannot|without)\b|n't", re.IGNORECASE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", type=int, default=0, help="print this many misses of each kind")
    args = parser.parse_args()
    path = require("claims", "causal_pubmed_dev.csv")
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        rows = [(r["sentence"].strip().strip('"').strip(), r["label"]) for r in csv.DictReader(f)]
    nlp = load_pipeline(frozenset({NEED_PARSE}))
    fired: Counter[str] = Counter()
    total: Counter[str] = Counter()
    strengths: Counter[tuple[str, str]] = Counter()
    misses: dict[str, list[str]] = {"false positive (label 0)": [], "missed (label 3)": []}
    plain_total = plain_fired = 0
    for (sentence, label), doc in zip(rows, nlp.pipe(s for s, _ in rows), strict=True):
        claims = [c for sent in doc.sents for c in claims_in_sentence(sent)]
        total[label] += 1
        top = strongest(claims)
        if label == "3" and not NEGATION.search(sentence):
            plain_total += 1
            plain_fired += top is not None
        if top is not None:
            fired[label] += 1
            strengths[(label, top.strength)] += 1
            if label == "0":
                misses["false positive (label 0)"].append(f"{sentence}  [{top.kind}: {top.trigger}]")
        elif label == "3":
            misses["missed (label 3)"].append(sentence)
    tp, fp = fired["3"], fired["0"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / total["3"] if total["3"] else 0.0
    print(f"sentences: {sum(total.values())} ({', '.join(f'label {k}: {total[k]}' for k in sorted(total))})")
    print(f"label 3 vs 0: precision {precision:.3f}, recall {recall:.3f} (targets 0.85, 0.70)")
    print(f"label 3 without a negation: recall {plain_fired / max(plain_total, 1):.3f} "
          f"({plain_fired}/{plain_total}; {total['3'] - plain_total} negated sentences are no claim by design)")
    for label in sorted(total):
        rate = fired[label] / total[label]
        split = ", ".join(f"{s} {strengths[(label, s)]}" for s in ("absolute", "plain", "hedged"))
        print(f"label {label}: fires on {fired[label]}/{total[label]} = {rate:.3f} ({split})")
    for name, items in misses.items():
        for item in items[: args.show_errors]:
            print(f"{name}: {item}")


if __name__ == "__main__":
    main()
