"""sensational-language: hype words attached to a treatment, on real text."""

from __future__ import annotations

import pytest

from .conftest import LintFn, found

CHECK = ["sensational-language"]


def hype(lint: LintFn, text: str) -> list[tuple[str, str]]:
    return [(f.severity.label, f.text or "") for f in found(lint(text, select=CHECK), "sensational-language")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The cushion uses a revolutionary technique to ease lower back pain.",
        "Thousands have had amazing results with this arthritis formula.",
        "Doctors have witnessed remarkable recoveries in patients with asthma.",
        "This is a complete breakthrough in the treatment of stomach ulcers.",
        "Pepper and honey is a miraculous cure for asthma.",
    ],
)
def test_hype_about_a_treatment_is_a_warning(lint: LintFn, sentence: str) -> None:
    assert hype(lint, sentence) == [("warning", sentence)]


@pytest.mark.parametrize(
    "text",
    [
        # the hype word describes something other than a treatment
        "It's amazing how many things can go wrong because one protein does not work in XP.",
        "The virus spreads from cell to cell at incredible speed.",
        # a plain description of a treatment
        "These drugs offer a unique method of treatment for some cancers.",
        # hype outside health
        "The team scored a remarkable result in the final.",
        "The new phone is a revolutionary product.",
    ],
)
def test_other_uses_and_plain_descriptions_are_quiet(lint: LintFn, text: str) -> None:
    assert hype(lint, text) == []
