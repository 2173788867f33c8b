"""anecdotal-evidence: testimonies and counts of satisfied users offered as proof, on real text."""

from __future__ import annotations

import pytest

from .conftest import LintFn, found

CHECK = ["anecdotal-evidence"]


def anecdotes(lint: LintFn, text: str, fmt: str = "txt") -> list[tuple[str, str]]:
    return [(f.severity.label, f.text or "") for f in found(lint(text, fmt=fmt, select=CHECK), "anecdotal-evidence")]


@pytest.mark.parametrize(
    "sentence",
    [
        "After one week of taking the tablets my heartburn was completely gone!",
        "This remedy worked wonders for me and my arthritis.",
        "I have not had a migraine since I started the drops.",
        "The cream cured my eczema in ten days.",
        "Thousands of satisfied customers use our joint formula for arthritis pain.",
        "This technique has helped thousands of people find relief from back pain.",
        "Several other women have had success with this method for period pain.",
        "He told of a man booked for bypass surgery who recovered quickly after treatment with the enzyme.",
        "Sometimes the pain came back, but using my method the pain would go eventually.",
        "I invented a simple way of eliminating pain from injured muscles.",
    ],
)
def test_testimonies_offered_as_proof_are_warnings(lint: LintFn, sentence: str) -> None:
    assert anecdotes(lint, sentence) == [("warning", sentence)]


def test_one_finding_per_sentence_and_the_sentence_is_flagged(lint: LintFn) -> None:
    text = ("I had suffered from heartburn for ten years. Nothing helped. After one week of taking the "
            "tablets my heartburn was gone and it changed my life.")
    assert anecdotes(lint, text) == [
        ("warning", "After one week of taking the tablets my heartburn was gone and it changed my life.")]


def test_a_testimonials_heading_is_reported_once(lint: LintFn) -> None:
    text = ("# Relief for sore joints\n\nOur balm is made from herbs.\n\n## Customer Testimonials\n\n"
            "We love hearing from you.\n")
    assert anecdotes(lint, text, fmt="md") == [("warning", "Customer Testimonials")]


@pytest.mark.parametrize(
    "text",
    [
        # a testimony quoted as an example of advertising is a mention
        'Adverts often quote a customer saying "this cured my arthritis", but one story proves nothing.',
        # first-person stories that are not offered as a treatment's success
        "The new phone changed my life.",
        "I was diagnosed with diabetes at 40 and I take metformin every morning.",
        "My back pain got worse after the long flight, so I saw a physiotherapist.",
        # research on many people is evidence, not a crowd of customers
        "The studies analysed DNA from thousands of people with schizophrenia.",
        "Thousands of patients took part in the trial of the new asthma inhaler.",
        "Nothing worked for me until my GP referred me to a pain clinic for my back pain.",
        "We developed a new blood test for the early diagnosis of kidney disease.",
    ],
)
def test_mentions_plain_stories_and_research_are_not_anecdotes(lint: LintFn, text: str) -> None:
    assert anecdotes(lint, text) == []


def test_professional_article_is_quiet(lint: LintFn) -> None:
    text = (
        "# Heartburn\n\nHeartburn is a burning feeling in the chest caused by stomach acid. According to "
        "the NHS, it often gets better with changes to diet and lifestyle.\n\nA pharmacist can recommend "
        "antacids. See a GP if you have heartburn most days for three weeks or more.\n"
    )
    assert anecdotes(lint, text, fmt="md") == []
