"""dangerous-advice, missing-professional-advice and missing-red-flags, on the real spaCy parse."""

from __future__ import annotations

import pytest

from .conftest import LintFn, found, seed

DANGER = ["dangerous-advice"]
PRO = ["missing-professional-advice"]
FLAGS = ["missing-red-flags"]

SELF_CARE = (
    "Back spasms are painful. Heat relaxes tight muscles and ibuprofen reduces swelling.\n\n"
    "Apply a heat pack to your back for twenty minutes. Take ibuprofen with food for the pain. "
    "Avoid heavy lifting until the spasm eases.\n\n"
)


def danger(lint: LintFn, text: str) -> list[str]:
    return [f.text or "" for f in found(lint(text, select=DANGER), "dangerous-advice")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Once you feel better, you can simply stop taking sertraline.",
        "Stop your arthritis medication once you start the capsules.",
        "Most of our readers stop their prescribed medicine in the first week.",
        "There is no need to talk to your doctor before you make the switch.",
        "You don't need a doctor's appointment when you have the right cushion.",
        "Withdrawal effects are a myth, so there is no reason to cut down slowly.",
        "If you feel worse at first, that is just the toxins leaving your body.",
    ],
)
def test_dangerous_advice_is_an_error(lint: LintFn, sentence: str) -> None:
    report = lint(sentence, select=DANGER)
    assert [(f.severity.label, f.text) for f in found(report, "dangerous-advice")] == [("error", sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Do not stop taking sertraline without talking to your doctor.",
        "Your doctor may advise you to stop taking the tablets slowly over a few weeks.",
        "Talk to your pharmacist before you stop any prescribed medicine.",
        "Abruptly stopping benzodiazepines can lead to severe withdrawal symptoms.",
        "When someone stops taking mirtazapine abruptly, it can lead to withdrawal symptoms.",
        "You do not usually need to see a GP for a cold.",
        "Should I stop taking my tablets if I feel better?",
        "The skin may also be itchy or change color after treatment.",
        "Stop taking ibuprofen and see a doctor if you get black stools.",
    ],
)
def test_supervised_or_descriptive_sentences_are_not_dangerous(lint: LintFn, sentence: str) -> None:
    assert danger(lint, sentence) == []


def test_self_care_without_referral_gets_missing_professional_advice(lint: LintFn) -> None:
    report = lint(SELF_CARE, select=PRO)
    assert [f.severity.label for f in found(report, "missing-professional-advice")] == ["warning"]


@pytest.mark.parametrize(
    "referral",
    [
        "See your GP if the pain lasts more than six weeks.",
        "Consult a healthcare professional before taking any medication.",
        "Talk to a pharmacist about which painkiller suits you.",
        "Don't hesitate to seek medical help if the pain persists.",
        "If the pain does not improve within a week, a doctor must be consulted.",
    ],
)
def test_a_referral_satisfies_missing_professional_advice(lint: LintFn, referral: str) -> None:
    assert found(lint(SELF_CARE + referral, select=PRO), "missing-professional-advice") == []


def test_a_referral_in_a_site_disclaimer_is_boilerplate_not_advice(lint: LintFn) -> None:
    disclaimer = ("Disclaimer: all information on this site is for educational purposes only. If you have a "
                  "health problem, consult your health care provider.")
    report = lint(SELF_CARE + disclaimer, select=PRO)
    assert [f.severity.label for f in found(report, "missing-professional-advice")] == ["warning"]


def test_a_discouraged_referral_is_no_referral(lint: LintFn) -> None:
    report = lint(SELF_CARE + "There is no need to see a doctor for this.", select=PRO)
    findings = found(report, "missing-professional-advice")
    assert len(findings) == 1 and "only to discourage" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Chop the onions. Fry them gently in olive oil. Add the tomatoes and simmer for twenty minutes.",
        "Researchers reported on Monday that a new drug lowered blood pressure in a trial of 400 adults. "
        "The company plans to apply for a licence next year.",
    ],
)
def test_text_without_health_advice_is_not_flagged(lint: LintFn, text: str) -> None:
    report = lint(text, select=PRO + FLAGS)
    assert found(report, "missing-professional-advice") == [] and found(report, "missing-red-flags") == []


def test_missing_red_flags(lint: LintFn) -> None:
    report = lint(SELF_CARE, select=FLAGS)
    assert [f.severity.label for f in found(report, "missing-red-flags")] == ["info"]
    with_flags = SELF_CARE + "Call 999 if you have back pain with numbness or loss of bladder control."
    assert found(lint(with_flags, select=FLAGS), "missing-red-flags") == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_refer_readers_to_a_professional(lint: LintFn, prefix: str) -> None:
    report = lint(seed(prefix).read_text(encoding="utf-8"), select=PRO + DANGER)
    assert found(report, "missing-professional-advice") == []
    assert found(report, "dangerous-advice") == []
