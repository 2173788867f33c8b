"""The article quality score, 0-100.

Each finding costs points: its severity's weight (error 20, warning 5, info 0.25) times its
category's weight (spam, medical-claim 1.5; professional-advice 2.0; off-topic 1.2;
boilerplate, language 1.0; duplication, grammar 0.8; readability 0.5). One check costs at most
60 points, so a single noisy check cannot sink an article alone. Penalties are scaled by
length: past 1,000 words the total is divided by (words / 1,000) ** 0.5, since a long article
has more room for the same slip. The score is ``round(100 * exp(-penalty / 60))``: a clean
article scores 100, one sales call to action about 61, one unsupported claim about 88, a page
of spam, residue and unsupported claims near 0.

Why these weights: an error is something that must not be published (a guaranteed cure,
advice to stop a medicine), so it costs four warnings; info findings are notes for the
editor and cost little; a missing referral to a professional is the finding that best
separates reliable from unreliable health pages among the advice checks. On the 180 Sondhi
reliable/unreliable pages (benchmarks/quality.py) these weights raised the score's ROC AUC
from 0.60 to 0.64 over the earlier ones (error 12, info 1, professional-advice 1.2, cap 30).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from linter.findings import LocatedFinding, Severity

SEVERITY_POINTS = {Severity.ERROR: 20.0, Severity.WARNING: 5.0, Severity.INFO: 0.25}
CATEGORY_WEIGHT = {
    "spam": 1.5,
    "medical-claim": 1.5,
    "professional-advice": 2.0,
    "off-topic": 1.2,
    "boilerplate": 1.0,
    "language": 1.0,
    "duplication": 0.8,
    "grammar": 0.8,
    "readability": 0.5,
}
PER_CHECK_CAP = 60.0
SCALE = 60.0


def penalty(findings: Iterable[LocatedFinding], words: int) -> float:
    per_check: dict[str, float] = defaultdict(float)
    for f in findings:
        per_check[f.check] += SEVERITY_POINTS[f.severity] * CATEGORY_WEIGHT.get(f.category, 1.0)
    total = sum(min(PER_CHECK_CAP, p) for p in per_check.values())
    if words > 1000:
        total /= math.sqrt(words / 1000)
    return total


def score(findings: Iterable[LocatedFinding], words: int) -> int:
    return int(round(100 * math.exp(-penalty(findings, words) / SCALE)))
