"""dangerous-advice on framing that turns readers against doctors and medicine (real spaCy parse)."""

from __future__ import annotations

import pytest

from .conftest import LintFn, found

DANGER = ["dangerous-advice"]


def distrust(lint: LintFn, text: str) -> list[tuple[str, str]]:
    return [(f.severity.label, f.text or "") for f in found(lint(text, select=DANGER), "dangerous-advice")
            if "against doctors" in f.message]


@pytest.mark.parametrize(
    "sentence",
    [
        "The drug companies have such a monopoly on healthcare that you'll never hear the truth about these cures.",
        "Discover what your doctor may have forgotten to tell you about your back pain.",
        "The medical profession does not like simple solutions such as our stretching method.",
        "Conventional medicine only treats the symptoms, while natural medicine heals the cause.",
        "There is more money to be made from prescription drugs than from a cure.",
        "Big Pharma suppresses cheap cures for arthritis to protect its profits.",
        "This information had been methodically and fraudulently concealed until now!",
    ],
)
def test_framing_against_medicine_is_an_error(lint: LintFn, sentence: str) -> None:
    assert distrust(lint, sentence) == [("error", sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Beware of websites that claim drug companies hide cures for cancer.",
        "Drug companies spent two billion dollars on research into heart disease last year.",
        "Your doctor may have to change the dose you are taking.",
        "Pharmaceutical companies must publish the results of every trial they run.",
        "The medical community is interested in this gene for its own reasons.",
        "Ask your doctor what the treatment can and cannot do.",
    ],
)
def test_reporting_on_medicine_and_critical_mentions_are_quiet(lint: LintFn, sentence: str) -> None:
    assert distrust(lint, sentence) == []
