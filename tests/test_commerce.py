"""commercial-content: sales pages dressed as articles are found; editorial text that mentions a
price, quotes an advert or reports business news is not."""

from __future__ import annotations

from linter.findings import Severity

from .conftest import LintFn, found

CHECK = ["commercial-content"]

ADVICE = (
    "Joint pain often eases with gentle exercise, weight loss and time. Walking, swimming and "
    "cycling keep the joints moving without jarring them, and a physiotherapist can show you "
    "exercises that strengthen the muscles around a painful knee. Paracetamol or an "
    "anti-inflammatory gel can take the edge off a flare. See your doctor if a joint is hot, "
    "red and swollen, or if the pain stops you sleeping."
)

SALES_PAGE = (
    "# FlexiJoint: joint pain relief\n\n"
    f"{ADVICE}\n\n"
    "FlexiJoint is our clinically proven formula. Order now and get free shipping on every order. "
    "One bottle is a 30-day supply for only $39.95, and every purchase comes with a 90-day "
    "money-back guarantee.\n\n"
    "Read the testimonials of our satisfied customers.\n"
)


def commerce(lint: LintFn, text: str, fmt: str = "md", **kw: object) -> list:
    return found(lint(text, fmt=fmt, select=CHECK, **kw), "commercial-content")


def test_a_sales_page_is_found_with_its_density_and_top_phrases(lint: LintFn) -> None:
    [finding] = commerce(lint, SALES_PAGE)
    assert finding.severity is Severity.ERROR  # more than three times the threshold in a short page
    assert finding.line is None
    assert "per 1,000 words" in finding.message
    assert "'money-back' ×1" in finding.message and "'order now' ×1" in finding.message


def test_a_moderately_commercial_page_is_a_warning(lint: LintFn) -> None:
    offer = "Order now: one bottle of our formula is $39.95 with free shipping."
    text = f"# Joint pain\n\n{ADVICE}\n\n{ADVICE}\n\n{offer}\n"
    [finding] = commerce(lint, text)
    assert finding.severity is Severity.WARNING


def test_editorial_text_that_mentions_prices_and_buying_is_quiet(lint: LintFn) -> None:
    text = (
        f"# Joint pain\n\n{ADVICE}\n\nYou can buy paracetamol from a pharmacy or a supermarket; a "
        "pack of 16 tablets costs about $2. Ask the pharmacist if you take other medicines.\n"
    )
    assert commerce(lint, text) == []


def test_business_news_full_of_prices_is_one_kind_only(lint: LintFn) -> None:
    text = (
        "Drug prices rise again\n\nThe list price of the inhaler rose from $45 to $52 this year, "
        "and a month of the newer tablets now costs $310, against $280 in 2022. The insurer pays "
        "$120 of that and patients pay the rest, up to $190 a month. Generic versions at $12 are "
        "expected next spring, when the patent ends.\n"
    )
    assert commerce(lint, text, fmt="txt") == []


def test_quoted_adverts_are_mentions_not_sales_talk(lint: LintFn) -> None:
    text = (
        f"# Reading supplement adverts\n\n{ADVICE}\n\n"
        "> Order now and save 40%! Free shipping and a money-back guarantee, today only!\n\n"
        'Phrases such as "order now", "money-back guarantee" and "limited time" are there to rush '
        "you into a purchase before you have checked the facts.\n"
    )
    assert commerce(lint, text) == []


def test_a_shop_menu_around_an_html_article_counts(lint: LintFn) -> None:
    article = f"<article><h1>Joint pain</h1><p>{ADVICE}</p><p>{ADVICE}</p></article>"
    menu = (
        '<nav><a href="/cart">View cart</a> | <a href="/order">Order now</a> | '
        '<a href="/wholesale">Wholesale</a> | <a href="/stories">Testimonials</a> | '
        '<a href="/store">Online store</a></nav>'
    )
    page = "<html><head><title>Joint pain</title></head><body>{}</body></html>"
    assert commerce(lint, page.format(menu + article), fmt="html")
    assert commerce(lint, page.format(article), fmt="html") == []


def test_settings_threshold_and_extra_phrases(lint: LintFn) -> None:
    text = f"# Joint pain\n\n{ADVICE}\n\nAsk for JointEase at the counter. JointEase is in every pharmacy.\n"
    assert commerce(lint, text) == []
    extra = {"commercial-content": {"extra-phrases": [r"\bjointease\b"], "threshold": 4.0}}
    assert commerce(lint, text + "\nShop today.\n", settings=extra)
    lenient = {"commercial-content": {"threshold": 500.0, "error-threshold": 900.0}}
    assert commerce(lint, SALES_PAGE, settings=lenient) == []
