"""The article quality score, 0-100.

Each finding costs points: its severity's weight (error 12, warning 5, info 1) times its
category's weight (spam, medical-claim 1.5; professional-advice, off-topic 1.2; boilerplate,
language 1.0; duplication, grammar 0.8; readability 0.5). One check costs at most 30 points,
so a single noisy check cannot sink an article alone. Penalties are scaled by length: past
1,000 words the total is divided by (words / 1,000) ** 0.5, since a long article has more room
for the same slip. The score is ``round(100 * exp(-penalty / 60))``: a clean article scores 100,
one sales call to action about 74, a page of spam, residue and unsupported claims near 0.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from linter.findings import LocatedFinding, Severity

SEVERITY_POINTS = {Severity.ERROR: 12.0, Severity.WARNING: 5.0, Severity.INFO: 1.0}
CATEGORY_WEIGHT = {
    "spam": 1.5,
    "medical-claim": 1.5,
    "professional-advice": 1.2,
    "off-topic": 1.2,
    "boilerplate": 1.0,
    "language": 1.0,
    "duplication": 0.8,
    "grammar": 0.8,
    "readability": 0.5,
}
PER_CHECK_CAP = 30.0
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
