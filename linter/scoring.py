"""The article quality score, 0-100.

Each finding costs points: its severity's weight (error 40, warning 5, info 0) times its
category's weight (spam, professional-advice 3.0; off-topic 1.2; boilerplate, language 1.0;
duplication 0.8; medical-claim 0.5; grammar, readability 0.2). One check costs at most 60
points, so a single noisy check cannot sink an article alone. Penalties are scaled by length:
past 1,000 words the total is divided by (words / 1,000) ** 0.5, since a long article has more
room for the same slip. The score is ``round(100 * exp(-penalty / 60))``: a clean article
scores 100, a sales page (a commercial-content warning) 78, one unsupported claim 96, one
absolute claim ("cures", "no side effects") 72, one sales call to action 37.

Why these weights: the score says how far a reader can trust the article. An error is
something that must not be published (a guaranteed cure, advice to stop a medicine, a page
that sells while it informs), so it costs eight warnings; info findings are notes for the
editor and cost nothing. Categories weigh by what they say about trust: selling in an article
(spam) and leaving the reader without a referral to a professional weigh most; an effect
stated without a source in its paragraph weighs little, because careful patient leaflets
also state indications without citing each one (its absolute form is an error and weighs
20); grammar and readability findings are copy-editing, not trust. On the 180 Sondhi
reliable/unreliable pages (benchmarks/quality.py) these weights were chosen from a small grid
of such values; the benchmark prints the full-set ROC AUC and a split-half one (weights chosen
on one half, measured on the other) beside it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from linter.findings import LocatedFinding, Severity

SEVERITY_POINTS = {Severity.ERROR: 40.0, Severity.WARNING: 5.0, Severity.INFO: 0.0}
CATEGORY_WEIGHT = {
    "spam": 3.0,
    "professional-advice": 3.0,
    "off-topic": 1.2,
    "boilerplate": 1.0,
    "language": 1.0,
    "duplication": 0.8,
    "medical-claim": 0.5,
    "grammar": 0.2,
    "readability": 0.2,
}
PER_CHECK_CAP = 60.0
SCALE = 60.0
LENGTH_EXPONENT = 0.5
LENGTH_FREE_WORDS = 1000


@dataclass(frozen=True)
class Weights:
    """The score's parameters; the defaults are the ones in force (benchmarks compare others)."""

    severity_points: Mapping[Severity, float] = field(default_factory=lambda: dict(SEVERITY_POINTS))
    category_weight: Mapping[str, float] = field(default_factory=lambda: dict(CATEGORY_WEIGHT))
    per_check_cap: float = PER_CHECK_CAP
    length_exponent: float = LENGTH_EXPONENT


DEFAULT_WEIGHTS = Weights()


def penalty(findings: Iterable[LocatedFinding], words: int, weights: Weights = DEFAULT_WEIGHTS) -> float:
    per_check: dict[str, float] = defaultdict(float)
    for f in findings:
        per_check[f.check] += weights.severity_points[f.severity] * weights.category_weight.get(f.category, 1.0)
    total = sum(min(weights.per_check_cap, p) for p in per_check.values())
    if words > LENGTH_FREE_WORDS:
        total /= (words / LENGTH_FREE_WORDS) ** weights.length_exponent
    return total


def score(findings: Iterable[LocatedFinding], words: int, weights: Weights = DEFAULT_WEIGHTS) -> int:
    return int(round(100 * math.exp(-penalty(findings, words, weights) / SCALE)))
