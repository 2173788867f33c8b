"""The off-topic check on real documents, with the shipped topic model (no mocks)."""

from __future__ import annotations

from pathlib import Path

from checks._topic_model import load_model
from linter.nlp import NEED_TEXT
from linter.registry import Registry

from .conftest import LintFn, found, seed

TITLE = "Living With Asthma"
PARAGRAPHS = [
    "Asthma is a common lung condition that causes occasional breathing difficulties. It affects "
    "people of all ages and often starts in childhood, although it can also appear for the first "
    "time in adults. There is no cure, but treatment can keep the symptoms under control.",
    "The main symptoms of asthma are wheezing, breathlessness, a tight chest and coughing. The "
    "symptoms often get worse at night and early in the morning, or in response to a trigger such as "
    "exercise, an allergy, cold air or a chest infection.",
    "Asthma is usually treated with inhalers. A reliever inhaler opens the airways quickly when "
    "symptoms start, and a preventer inhaler, used every day, reduces the swelling and sensitivity of "
    "the airways so that attacks happen less often.",
    "Knowing your triggers helps. Pollen, dust mites, animal fur, smoke and damp can all irritate "
    "sensitive airways. An asthma nurse can help you write a personal action plan that says which "
    "inhaler to use and what to do when your breathing gets worse.",
    "Many people with well controlled asthma live normal lives and exercise regularly. Warming up "
    "slowly, carrying a reliever inhaler and checking the pollen forecast make it easier to stay "
    "active without triggering wheezing or an attack.",
    "Regular reviews with a nurse or doctor check that your inhaler technique is right and that the "
    "dose of your preventer still suits you. Bring your inhalers and your action plan to every "
    "review so that any problems with your breathing can be discussed.",
]
FOOTBALL = (
    "The home side took the lead after twenty minutes when the striker curled a free kick into the top "
    "corner. The visitors equalised before half time, and a late penalty, awarded after a long video "
    "review, settled the match and lifted the club to third place in the league table."
)


def article(paragraphs: list[str], title: str = TITLE) -> str:
    return "\n\n".join([title, *paragraphs]) + "\n"


def test_the_check_is_registered_as_an_offtopic_warning(registry: Registry) -> None:
    check = registry.get("off-topic")
    assert check.category == "off-topic"
    assert check.severity.label == "warning"
    assert check.needs == frozenset({NEED_TEXT})  # no spaCy parse: a run with it stays fast
    for section in ("What it finds:", "Why it matters:", "Example:", "How to fix:"):
        assert section in check.docs()


def test_a_coherent_article_gets_no_finding(lint: LintFn) -> None:
    report = lint(article(PARAGRAPHS), select=["off-topic"])
    assert found(report, "off-topic") == []


def test_an_inserted_sports_report_is_flagged_with_both_subjects_named(lint: LintFn) -> None:
    paragraphs = [*PARAGRAPHS[:3], FOOTBALL, *PARAGRAPHS[3:]]
    report = lint(article(paragraphs), select=["off-topic"])
    findings = found(report, "off-topic")
    assert len(findings) == 1
    finding = findings[0]
    assert finding.text is not None and finding.text.startswith("The home side took the lead")
    assert finding.line == 9  # the title, then three paragraphs, each followed by a blank line
    message = finding.message
    assert "seems to be about" in message and "while the article is about" in message
    passage_terms, article_terms = message.split("while the article is about")
    assert any(term in passage_terms for term in ("league", "penalty", "striker", "kick", "equalised"))
    assert "asthma" in article_terms or "inhaler" in article_terms


def test_a_when_to_see_a_doctor_section_is_on_topic(lint: LintFn) -> None:
    urgent = (
        "Call 999 or go to A&E straight away if your lips or fingernails turn blue, you are too "
        "breathless to speak, eat or sleep, or you feel drowsy and confused. Do not wait to see whether "
        "things improve, and tell the operator what has happened so far."
    )
    source = "\n\n".join([f"# {TITLE}", *PARAGRAPHS, "## When to get emergency help", urgent]) + "\n"
    report = lint(source, fmt="md", select=["off-topic"])
    assert found(report, "off-topic") == []


def test_a_short_promotion_between_paragraphs_is_flagged(lint: LintFn) -> None:
    promotion = ("Feeling lucky tonight? Spin the wheel at our partner casino and claim fifty free spins "
                 "with your first deposit!")
    paragraphs = [*PARAGRAPHS[:2], promotion, *PARAGRAPHS[2:]]
    findings = found(lint(article(paragraphs), select=["off-topic"]), "off-topic")
    assert [f.text for f in findings] == [promotion]


def test_output_is_deterministic(lint: LintFn) -> None:
    source = article([*PARAGRAPHS[:3], FOOTBALL, *PARAGRAPHS[3:]])
    first = [f.to_json() for f in lint(source, select=["off-topic"]).findings]
    assert first == [f.to_json() for f in lint(source, select=["off-topic"]).findings]


def test_too_few_passages_are_not_judged(lint: LintFn) -> None:
    report = lint(article([PARAGRAPHS[0], FOOTBALL, PARAGRAPHS[1]]), select=["off-topic"])
    assert found(report, "off-topic") == []


def test_the_shipped_model_is_small_and_loads_offline() -> None:
    path = Path(__file__).resolve().parent.parent / "checks" / "data" / "offtopic_vectors.npz"
    assert path.stat().st_size < 6_000_000
    model = load_model()
    assert model.vectors.shape[0] >= 30_000
    # related words are closer than unrelated ones
    def sim(a: str, b: str) -> float:
        return float(model.vectors[model.index[a]] @ model.vectors[model.index[b]])

    assert sim("asthma", "inhaler") > sim("asthma", "football")


def test_seed_004_fertility_paragraph_is_flagged(lint: LintFn) -> None:
    path = seed("004")
    report = lint(path.read_text(encoding="utf-8"), select=["off-topic"])
    findings = found(report, "off-topic")
    assert len(findings) == 1
    assert findings[0].line == 3  # the first paragraph, under the title
    assert findings[0].text is not None and "ovulated" in findings[0].text
    assert "fertility charting" in findings[0].text
    assert "ovulated" in findings[0].message and "spasm" in findings[0].message


def test_seeds_000_to_003_get_no_offtopic_warning(lint: LintFn) -> None:
    for prefix in ("000", "001", "002", "003"):
        report = lint(seed(prefix).read_text(encoding="utf-8"), select=["off-topic"])
        assert found(report, "off-topic") == [], prefix


def _with_section(heading: str, items: list[str]) -> str:
    section = [f"## {heading}", *(f"- {item}" for item in items)]
    return "\n\n".join([f"# {TITLE}", *PARAGRAPHS[:3], *section, "## Living well", *PARAGRAPHS[3:]]) + "\n"


def test_list_items_are_judged_together_with_their_section(lint: LintFn) -> None:
    items = [
        "Sow tomato and courgette seeds indoors in early spring.",
        "Dig compost into the beds before planting out seedlings.",
        "Water new plants in the evening so the soil stays moist.",
        "Net the brassicas against pigeons and cabbage white butterflies.",
    ]
    findings = found(lint(_with_section("Planting Your Spring Vegetable Garden", items), fmt="md",
                          select=["off-topic"]), "off-topic")
    assert len(findings) == 1  # one finding for the section, not one per item
    text = findings[0].text or ""
    assert text.startswith(items[0]) and text.endswith(items[-1])


def test_an_on_topic_list_section_is_not_flagged(lint: LintFn) -> None:
    items = [
        "Keep windows closed on days when the pollen count is high.",
        "Wash bedding every week in hot water to get rid of dust mites.",
        "Ask people not to smoke in your home or car.",
        "Carry your reliever inhaler whenever you leave the house.",
    ]
    report = lint(_with_section("Avoiding Asthma Triggers", items), fmt="md", select=["off-topic"])
    assert found(report, "off-topic") == []


MATCH_REPORT = [
    "The home side took the lead after twenty minutes when their captain curled a free kick into the "
    "top corner from the edge of the area, leaving the visiting goalkeeper rooted to the spot.",
    "The visitors equalised before half time with a header from a corner, and the second half was a "
    "scrappy affair, with both managers making changes to freshen up tired legs in midfield.",
    "A late penalty, awarded after a long video review for a shirt pull in the box, settled the match "
    "and lifted the club to third place in the league table, two points behind the leaders.",
    "The manager praised the supporters after the final whistle and said the squad would rest before "
    "the cup tie on Wednesday, when several younger players are expected to start.",
    "Tickets for the next home league fixture go on sale on Monday morning, with reduced prices for "
    "season ticket holders and juniors, and the club shop opens early on match day.",
]


def test_an_article_not_about_health_is_not_judged(lint: LintFn) -> None:
    paragraphs = [*MATCH_REPORT[:3], PARAGRAPHS[1], *MATCH_REPORT[3:]]
    report = lint(article(paragraphs, title="Late Penalty Lifts City to Third"), select=["off-topic"])
    assert found(report, "off-topic") == []


FURNITURE = [
    "I received my order in two days and my breathing has never been better. Thank you so much for "
    "the excellent service, I will tell all my friends about your wonderful shop and order again "
    "next month!",
    "Orders are shipped the same day when placed before 3 pm. If you are not completely satisfied, "
    "return the empty containers within 90 days of your first order and we will refund the full "
    "price, less shipping and handling.",
    "Copyright © 2009 Breathe Easy Health Ltd. All rights reserved. Reproduction of any kind is "
    "prohibited without the written permission of Breathe Easy Health Ltd. This site is for "
    "educational purposes only.",
]


def test_page_furniture_is_left_to_scrape_residue(lint: LintFn) -> None:
    report = lint(article([*PARAGRAPHS, *FURNITURE]), select=["off-topic", "scrape-residue"])
    assert found(report, "off-topic") == []
    residue = found(report, "scrape-residue")
    assert [f.text for f in residue] == FURNITURE
    assert all(f.severity.label == "info" for f in residue)


def test_an_inserted_paragraph_is_found_among_page_furniture(lint: LintFn) -> None:
    paragraphs = [*PARAGRAPHS[:3], FOOTBALL, *PARAGRAPHS[3:], *FURNITURE]
    findings = found(lint(article(paragraphs), select=["off-topic"]), "off-topic")
    assert [f.text for f in findings] == [FOOTBALL]


GOUT = (
    "Gout attacks usually start at night in the joint of the big toe, which becomes hot, swollen and "
    "so tender that even a bed sheet hurts. Uric acid crystals form in the joint when levels in the "
    "blood stay high, and red meat, shellfish and beer make attacks more likely."
)


def test_another_condition_in_the_last_paragraph_is_flagged(lint: LintFn) -> None:
    findings = found(lint(article([*PARAGRAPHS, GOUT]), select=["off-topic"]), "off-topic")
    assert [f.text for f in findings] == [GOUT]
    assert "gout" in findings[0].message.split("while")[0] or "uric" in findings[0].message


def test_a_reference_entry_is_not_judged_as_a_passage(lint: LintFn) -> None:
    reference = (
        "Bland JM, Altman DG. Statistical methods for assessing agreement between two methods of "
        "clinical measurement. Lancet 1986; 1(8476): 307-310. Reprinted in International Journal of "
        "Nursing Studies 2010; 47(8): 931-936, with a commentary on limits of agreement and regression."
    )
    report = lint(article([*PARAGRAPHS, reference]), select=["off-topic"])
    assert found(report, "off-topic") == []


def test_a_passage_on_no_health_subject_is_flagged_even_under_a_care_heading(lint: LintFn) -> None:
    source = "\n\n".join([f"# {TITLE}", *PARAGRAPHS, "## When to see a doctor", FOOTBALL]) + "\n"
    findings = found(lint(source, fmt="md", select=["off-topic"]), "off-topic")
    assert [f.text for f in findings] == [FOOTBALL]
