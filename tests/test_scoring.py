"""The article score: its behaviour, and its documentation kept true."""

from __future__ import annotations

from linter.findings import LocatedFinding, Severity
from linter.scoring import (
    CATEGORY_WEIGHT,
    DEFAULT_WEIGHTS,
    PER_CHECK_CAP,
    SCALE,
    SEVERITY_POINTS,
    Weights,
    score,
)

from .conftest import ROOT


def finding(check: str, category: str, severity: Severity) -> LocatedFinding:
    return LocatedFinding(check, category, severity, "m", 1, 1, 1, 2, "x", None)


def test_clean_article_scores_100_and_findings_lower_it() -> None:
    assert score([], 500) == 100
    cta = finding("spam-cta", "spam", Severity.ERROR)
    shop = finding("commercial-content", "spam", Severity.WARNING)
    claim = finding("unsupported-claim", "medical-claim", Severity.WARNING)
    absolute = finding("unsupported-claim", "medical-claim", Severity.ERROR)
    assert score([cta], 500) == 37
    assert score([shop], 500) == 78
    assert score([claim], 500) == 96
    assert score([absolute], 500) == 72
    assert score([cta, claim], 500) < score([cta], 500) < score([absolute], 500) < score([shop], 500)


def test_errors_weigh_most_and_info_notes_cost_nothing() -> None:
    grammar = finding("grammar", "grammar", Severity.WARNING)
    note = finding("unsupported-claim", "medical-claim", Severity.INFO)
    referral = finding("missing-professional-advice", "professional-advice", Severity.WARNING)
    assert score([note] * 50, 500) == 100
    assert score([grammar] * 5, 500) > score([referral], 500)


def test_other_weights_can_be_compared() -> None:
    shop = [finding("commercial-content", "spam", Severity.WARNING)]
    lenient = Weights(category_weight={**CATEGORY_WEIGHT, "spam": 1.0})
    assert score(shop, 500, lenient) > score(shop, 500) == score(shop, 500, DEFAULT_WEIGHTS)


def test_one_noisy_check_is_capped_and_long_articles_are_forgiven_a_little() -> None:
    many = [finding("grammar", "grammar", Severity.WARNING)] * 200
    assert score(many, 500) == round(100 * 2.718281828 ** (-PER_CHECK_CAP / SCALE))
    one = [finding("spam-cta", "spam", Severity.ERROR)]
    assert score(one, 4000) > score(one, 1000)


def test_readme_states_the_formula_in_force() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The score") : readme.index("## What it reads")]
    for severity, points in SEVERITY_POINTS.items():
        assert f"{severity.label} {points:g}" in section
    for category, weight in CATEGORY_WEIGHT.items():
        assert category in section and f"{weight:.1f}" in section
    assert f"at most {PER_CHECK_CAP:g} points" in section and f"penalty / {SCALE:g}" in section
