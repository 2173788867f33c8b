"""spam-cta: sales calls to action are found; ordinary uses of "buy", "order" and health calls
to action are not."""

from __future__ import annotations

import pytest

from linter.findings import Severity

from .conftest import LintFn, found, seed

ARTICLE = (
    "Easing a stiff neck\n\n"
    "A stiff neck usually gets better on its own within a week or two. Gentle movement, "
    "a warm shower and a supportive pillow help most people.\n\n"
    "{line}\n\n"
    "If the pain spreads down your arm, or comes with a fever and headache, see your doctor "
    "the same day.\n"
)


def spam(lint: LintFn, line: str) -> list:
    return found(lint(ARTICLE.format(line=line), select=["spam-cta"]), "spam-cta")


@pytest.mark.parametrize(
    "line",
    ["buy now", "Buy Now!", "ORDER NOW", "Add to cart", "Shop now", "Click here to buy",
     "Limited time offer", "Free shipping", "Buy Mirtazapine Online", "Order yours today",
     "Only $19.99", "Save 30%", "No prescription needed", "Best online casino", "Free spins"],
)
def test_standalone_call_to_action_is_an_error(lint: LintFn, line: str) -> None:
    hits = spam(lint, line)
    assert len(hits) == 1, hits
    assert hits[0].severity == Severity.ERROR
    assert hits[0].line == 5
    assert hits[0].text is not None and hits[0].text.lower() in line.lower()


def test_sales_language_inside_a_sentence_is_a_warning(lint: LintFn) -> None:
    hits = spam(lint, "Order today and get 50% off every bottle with discount code RELIEF, plus free shipping on "
                      "orders over twenty pounds from our online shop.")
    assert {h.text.lower() for h in hits if h.text} == {"50% off", "discount code", "free shipping"}
    assert all(h.severity == Severity.WARNING for h in hits)


def test_quoted_mention_leaves_the_rest_of_the_sentence_judged(lint: LintFn) -> None:
    hits = spam(lint, 'Ignore the "buy now" buttons, then order now from our shop and get free shipping.')
    assert [h.text for h in hits] == ["order now", "free shipping"]


def test_inflected_forms_match(lint: LintFn) -> None:
    hits = spam(lint, "Claim your welcome bonuses and spin the reels at our casino, where the free spins never stop.")
    assert [h.text for h in hits] == ["welcome bonuses", "free spins"]


def test_order_hotline(lint: LintFn) -> None:
    hits = spam(lint, "Call 1-800-555-0199 to order your supply of the cream before stocks run out.")
    assert [h.text for h in hits] == ["Call 1-800-555-0199 to order"]


@pytest.mark.parametrize(
    "line",
    [
        "Resting for a day or two can buy time while the muscle settles.",
        "You can buy ibuprofen at any pharmacy, but check the leaflet for the right dose.",
        "If you have chest pain or sudden weakness on one side, call 911.",
        "See your doctor if the pain lasts more than six weeks.",
        "Get vaccinated against flu every autumn if you are over 65.",
        "Compare pharmacies to find the lowest price for your prescription.",
        "Low-dose ibuprofen gel is available without a prescription.",
        "It is a cheap pillow that you can buy now and replace in a year.",
        "Online casinos and sports betting apps make gambling available around the clock.",
        "Generic naproxen can cost only $4 a month at some pharmacies.",
        "The order of the exercises matters less than doing them every day.",
        "Shop around for a mattress that is firm but not hard.",
        'Adverts that shout "buy now" or “limited time offer” want you to decide before you check the facts.',
    ],
)
def test_traps_are_not_spam(lint: LintFn, line: str) -> None:
    assert spam(lint, line) == []


def test_words_are_matched_whole_not_as_substrings(lint: LintFn) -> None:
    assert spam(lint, "Hotbuy nowhere: reorder nowcasting shoppers.") == []


def test_table_cells_with_prices_are_not_promotions(lint: LintFn) -> None:
    source = "# Costs\n\n| Medicine | Typical cost |\n| --- | --- |\n| Naproxen | Only $4 |\n"
    assert found(lint(source, fmt="md", select=["spam-cta"]), "spam-cta") == []


def test_seed_buy_now_line_is_spam(lint: LintFn) -> None:
    report = lint(seed("000").read_text(encoding="utf-8"), select=["spam-cta"])
    hits = found(report, "spam-cta")
    assert [(h.line, h.text, h.severity) for h in hits] == [(3, "buy now", Severity.ERROR)]


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_seed_pages_without_sales_language(lint: LintFn, prefix: str) -> None:
    assert found(lint(seed(prefix).read_text(encoding="utf-8"), select=["spam-cta"]), "spam-cta") == []
