"""scrape-residue on page furniture: notices, order terms, testimonials, site promotions,
navigation and feed items are reported at info; the same words in article prose are not."""

from __future__ import annotations

import pytest

from linter.findings import Severity

from .conftest import LintFn, found
from .test_residue import residue


@pytest.mark.parametrize(
    ("block", "kind"),
    [
        ("Copyright © 2012 Night Owl Media Ltd. All rights reserved. No part of this site may be "
         "reproduced without the written permission of the publisher.", "Legal, copyright or disclaimer notice"),
        ("Disclaimer: the information on this site is for educational purposes only and is not "
         "intended to diagnose or treat any condition.", "Legal, copyright or disclaimer notice"),
        ("Privacy: we never sell or share your email address with anyone.", "Legal, copyright or disclaimer notice"),
        ("Orders are shipped the same day when placed before noon. If you are not satisfied, send "
         "back the empty bottles within 60 days and we will issue a refund.", "Order, shipping or refund terms"),
        ("UK: $4.50 for the first item, $1 for each extra item.", "Order, shipping or refund terms"),
        ("I received my order on Tuesday and I am already sleeping better. Thank you so much for the "
         "excellent service!", "Customer testimonial"),
        ("Not sure where to start? Call us at 1-800-555-0199, day or night, or visit our online store.",
         "Promotion of the site itself"),
        ("Sleep Basics | Shift Work | Contact Us | Site Map", "Navigation row"),
        ("Night Nurses Rally for Better Rotas Daily Gazette The union says rotating shifts leave staff "
         "too tired to drive home safely ... and more »", "News-feed item"),
        ("Active Ingredients: valerian root extract, chamomile, lemon balm, magnesium citrate.",
         "Product ingredient list"),
    ],
)
def test_page_furniture_is_reported_at_info(lint: LintFn, block: str, kind: str) -> None:
    hits = residue(lint, block)
    assert [(h.text, h.severity) for h in hits] == [(block, Severity.INFO)]
    assert kind in hits[0].message


@pytest.mark.parametrize(
    "block",
    [
        # prose about the same subjects, written for the reader
        "Copyright law does not stop you from printing this guide for your own use at work.",
        "Melatonin bought online may not contain the dose on the label, and a refund does not undo the harm.",
        "I asked my doctor about sleeping pills, and she said a short course can help some shift workers.",
        "Call your doctor if you fall asleep while driving home after a night shift.",
        "The hospital shipped blackout blinds to every ward after nurses asked for them.",
        "The Samaritans are there day or night: call 116 123, free from any phone.",
        "\u201cI sleep in two blocks now, four hours after my shift and three before it,\u201d she said.",
    ],
)
def test_the_same_words_in_prose_are_not_furniture(lint: LintFn, block: str) -> None:
    assert residue(lint, block) == []


def test_a_run_of_short_link_titles_is_a_link_list(lint: LintFn) -> None:
    links = ["Sleep Hygiene", "Night Shift Tips", "Melatonin and You", "About Us", "Contact Us"]
    hits = residue(lint, "\n\n".join(links), fmt="md")
    assert sorted(h.text for h in hits) == sorted(links)
    assert all(h.severity == Severity.INFO and "List of site links" in h.message for h in hits)


def test_a_short_list_of_symptoms_is_not_a_link_list(lint: LintFn) -> None:
    assert residue(lint, "Warning signs:\n\nSnoring\n\nMorning Headaches", fmt="md") == []


def test_html_footer_furniture_in_the_main_text(lint: LintFn) -> None:
    source = (
        '<html lang="en"><head><title>Sleep and shift work</title></head><body><article>'
        "<h1>Sleep and shift work</h1>"
        "<p>Night shifts push the body clock out of step with daylight. Many people who work nights "
        "sleep less and feel groggy on their days off, which is normal for the first weeks.</p>"
        "<p>Keep the bedroom dark and quiet during the day, and try to sleep at the same times on work "
        "days and days off. A short nap before a night shift can help you stay alert.</p>"
        "<p>Home | Sleep Topics | Contact Us | Privacy Policy</p>"
        "<p>&copy; 2009 Restful Nights Inc. All Rights Reserved.</p>"
        "</article></body></html>"
    )
    hits = found(lint(source, fmt="html", select=["scrape-residue"]), "scrape-residue")
    assert {(h.text, h.severity) for h in hits} == {
        ("Home | Sleep Topics | Contact Us | Privacy Policy", Severity.INFO),
        ("© 2009 Restful Nights Inc. All Rights Reserved.", Severity.INFO),
    }


def test_the_phrase_patterns_literal_prefilter() -> None:
    from checks._furniture import required_literals

    assert required_literals(r"\b(claim|request) (for )?(a |your )?refund\b") == {"refund"}
    assert required_literals(r"\bwe (never|do not) (rent|sell)\b") in ({"never", "do not"}, {"rent", "sell"})
    assert required_literals(r"(©|\(c\))\s*(19|20)\d\d") == {"19", "20"}
    assert required_literals(r"^\s*[“\"][^“”\"]+[”\"]\s*$") is None  # nothing literal: the regex always runs
