"""unsupported-claim and missing-sources, on the real spaCy parse."""

from __future__ import annotations

import pytest

from checks._health_analysis import CACHE_KEY, health_analysis
from linter.findings import Severity
from linter.nlp import NEED_PARSE, Analysis
from linter.readers import parse_source
from linter.report import ArticleReport

from .conftest import LintFn, found, seed

CLAIM = ["unsupported-claim"]


def claims(report: ArticleReport) -> list[tuple[str, str]]:
    return [(f.severity.label, f.text or "") for f in found(report, "unsupported-claim")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Turmeric capsules relieve joint pain within days.",
        "Stress causes muscle spasms in the upper back.",
        "Back pain is a common symptom of mirtazapine withdrawal.",
        "Warm compresses relax the neck muscles and reduce the pain of a spasm.",
        "Chiropractic adjustments focus on aligning the spine and restoring proper nerve function.",
    ],
)
def test_plain_unsourced_claims_are_warnings(lint: LintFn, sentence: str) -> None:
    assert claims(lint(sentence, select=CLAIM)) == [("warning", sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "This tea cures arthritis for good.",
        "Sertraline cures depression in most people within a month.",
        "The spray is guaranteed to stop night cramps, with no side effects.",
        "The cushion is completely safe for everyone with back pain, including pregnant women.",
    ],
)
def test_absolute_claims_are_errors(lint: LintFn, sentence: str) -> None:
    assert claims(lint(sentence, select=CLAIM)) == [("error", sentence)]


# an article about health: claims in it are read with the looser, clinical-writing rules
HEALTH_CONTEXT = (
    "# Cholesterol and heart disease\n\nHeart disease is the leading cause of death. High cholesterol "
    "levels are one of its risk factors. Many people with diabetes also have high blood pressure.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Statin therapy had a significant effect on plaque volume in people with heart disease.",
        "Iliofemoral stenting is a safe and efficacious treatment for access-site complications.",
        "Doses of 300 mg or more (in single or multiple doses) significantly reduced levels of PCSK9 and "
        "LDL cholesterol for at least 6 months.",
    ],
)
def test_nominal_and_misparsed_claims_are_found(lint: LintFn, sentence: str) -> None:
    report = lint(HEALTH_CONTEXT + sentence, fmt="md", select=CLAIM)
    assert ("warning", sentence) in claims(report)


@pytest.mark.parametrize(
    "sentence",
    [
        "Further studies should examine whether vitamin D reduces the risk of falls.",
        "These findings contribute to the growing literature on back pain.",
        "Strategies are needed to reduce the burden of diabetes.",
    ],
)
def test_research_agendas_and_duties_are_not_claims(lint: LintFn, sentence: str) -> None:
    assert claims(lint(sentence, select=CLAIM)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Regular walking was found to improve symptoms of arthritis.",
        "The drug did not lower blood pressure but did reduce the risk of stroke.",
        "These findings highlight the role of vitamin D in preventing fractures.",
        "Good sleep is critical to improve recovery after surgery.",
        "Patients with heart disease benefit from lowering of LDL cholesterol.",
        "Magnesium supplementation for eight weeks results in significant reductions in blood pressure.",
        "The effects of statins on muscle pain were small.",
        "Exercise is of benefit in reducing back pain.",
        "The most common cause of back pain is a muscle strain.",
        "Clear benefits were seen within two weeks of starting the exercises.",
    ],
)
def test_reported_findings_nominal_and_phrasal_claims_are_found(lint: LintFn, sentence: str) -> None:
    """Raised passives ("was found to improve"), the positive half of a contrast, roles and
    effects named as nouns, and phrasal verbs the small parser reads as nouns."""
    assert claims(lint(sentence, select=CLAIM)) == [("warning", sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Future research should investigate how the diet can be improved to prevent obesity.",
        "Doctors should consider the factors that influence a patient's choice of treatment.",
        "It is important to confirm whether these genes have an effect on heart disease.",
        "More trials are needed to reduce the deaths due to heart disease.",
        "The possible effect of supplements on the lens requires confirmation.",
        "These data show the importance of monitoring body weight in people with HIV.",
        "Study results in women showed no difference.",
        "No effects were observed in the treated group.",
        "An increase in weight was observed after a year.",
    ],
)
def test_open_questions_and_speculative_roles_are_not_claims(lint: LintFn, sentence: str) -> None:
    assert claims(lint(sentence, select=CLAIM)) == []


def test_cure_is_absolute_as_a_verb_or_a_cure_for_something(lint: LintFn) -> None:
    assert claims(lint("This tea cures arthritis.", select=CLAIM)) == [("error", "This tea cures arthritis.")]
    assert claims(lint("Turmeric is a cure for arthritis.", select=CLAIM))[0][0] == "error"
    rest_cure = "The old rest cure was effective for anxiety."
    assert claims(lint(rest_cure, select=CLAIM)) == [("warning", rest_cure)]


def test_what_a_treatment_is_used_for_reads_as_hedged(lint: LintFn) -> None:
    """An indication reports practice, not that the drug works: info, like a hedged claim."""
    sentence = "Mitoxantrone is used to treat prostate cancer."
    assert claims(lint(sentence, select=CLAIM)) == [("info", sentence)]
    assert claims(lint("Mitoxantrone treats prostate cancer.", select=CLAIM))[0][0] == "warning"


def test_a_possible_harm_reads_as_hedged_but_a_possible_benefit_does_not(lint: LintFn) -> None:
    """A leaflet's "X can cause nausea" warns the reader of a risk; "X can relieve pain" promises."""
    for sentence in ("Cisplatin can cause nausea and hair loss.",
                     "An irregular sleep schedule can aggravate mood disorders."):
        assert claims(lint(sentence, select=CLAIM)) == [("info", sentence)]
    assert claims(lint("Stress causes muscle spasms.", select=CLAIM))[0][0] == "warning"
    assert claims(lint("Turmeric can relieve joint pain.", select=CLAIM))[0][0] == "warning"


def test_what_a_treatment_involves_or_aims_at_is_no_plain_claim(lint: LintFn) -> None:
    """Leaflet descriptions: what a treatment consists of reads as hedged, its goal is no claim,
    and a procedure described in the passive ("the tumour is removed") is routine care."""
    involves = "Chemotherapy involves using drugs to destroy cancer cells."
    assert claims(lint(HEALTH_CONTEXT + involves, fmt="md", select=CLAIM))[-1] == ("info", involves)
    for sentence in ("The primary goal of treatment is to strengthen the immune system and reduce the viral load.",
                     "In a lumpectomy, the tumour and a small amount of surrounding tissue are removed."):
        assert sentence not in [text for _, text in claims(lint(HEALTH_CONTEXT + sentence, fmt="md", select=CLAIM))]
    assert claims(lint("Turmeric restores normal joint function.", select=CLAIM))[0][0] == "warning"


def test_a_named_expert_quoted_in_the_paragraph_is_a_source(lint: LintFn) -> None:
    for text in ('"Losing weight reduces the symptoms of sleep apnoea," said Dr. Mitchell Roslin, a surgeon.',
                 '"The greatest benefit of the diet was seen in men with severe apnoea," Foster said.'):
        assert claims(lint(text, select=CLAIM)) == []
    assert claims(lint('"Losing weight reduces the symptoms of sleep apnoea."', select=CLAIM))[0][0] == "warning"


def test_hedged_claim_is_info_or_nothing(lint: LintFn) -> None:
    sentence = "Heat may ease back pain for some people."
    assert claims(lint(sentence, select=CLAIM)) == [("info", sentence)]
    assert claims(lint(sentence, select=CLAIM, settings={"unsupported-claim": {"hedged": "off"}})) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Ibuprofen does not cure back pain.",
        "Can turmeric cure arthritis?",
        "There is no evidence that magnets relieve pain.",
        "There is neither a cure for AIDS, nor a vaccine for HIV.",
        "An advert must not claim that a supplement can prevent, treat or cure any illness.",
        "Take the tablets with food to reduce stomach upset.",
        "Stretch your shoulders every hour.",
        "The liver produces bile.",
        "The new parkour moves are perfectly safe jumps for beginners.",
        "For good measure, the goalkeeper blocked a shot in the last seconds.",
    ],
)
def test_negations_questions_and_instructions_are_not_claims(lint: LintFn, sentence: str) -> None:
    assert claims(lint(sentence, select=CLAIM)) == []


def test_a_source_in_the_paragraph_supports_the_claim(lint: LintFn) -> None:
    text = (
        "Exercise therapy reduces pain in chronic low back pain. A 2021 Cochrane review of 249 trials "
        "found a small benefit."
    )
    assert claims(lint(text, select=CLAIM)) == []
    # the same claim in the next paragraph has no support
    report = lint(text + "\n\nExercise therapy reduces pain in chronic low back pain.", select=CLAIM)
    assert [(f.severity.label, f.line) for f in found(report, "unsupported-claim")] == [("warning", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "One 2009 U.S. study found that nicotine gum reduces withdrawal symptoms.",
        "According to NICE, exercise therapy reduces pain in chronic low back pain.",
        "Exercise therapy reduces pain in chronic low back pain [3].",
        "Hayden JA, Ellis J, Ogilvie R. Exercise therapy reduces pain in chronic low back pain.",
    ],
)
def test_named_sources_citations_and_reference_entries_support_claims(lint: LintFn, text: str) -> None:
    assert claims(lint(text, select=CLAIM)) == []


def test_links_support_claims_but_shop_links_do_not(lint: LintFn) -> None:
    sourced = "Exercise therapy reduces pain in chronic back pain ([NICE](https://www.nice.org.uk/ng59))."
    assert claims(lint(sourced, fmt="md", select=CLAIM)) == []
    shop = "Exercise therapy reduces pain in chronic back pain ([our shop](https://example.com/shop/mats))."
    assert [s for s, _ in claims(lint(shop, fmt="md", select=CLAIM))] == ["warning"]


def test_absolute_claim_is_reported_even_with_a_source(lint: LintFn) -> None:
    text = "According to our own study, these capsules cure arthritis for good."
    assert [s for s, _ in claims(lint(text, select=CLAIM))] == ["error"]


def test_headings_are_not_claims(lint: LintFn) -> None:
    report = lint("# Pain Due to Withdrawal Symptoms\n\nSome text about pain.\n", fmt="md", select=CLAIM)
    assert claims(report) == []


def test_missing_sources_counts_claims(lint: LintFn) -> None:
    text = (
        "Stress causes muscle spasms. Massage improves blood flow to the muscles. "
        "Warm baths relax tight muscles. Stretching relieves neck pain."
    )
    report = lint(text, select=["missing-sources"])
    assert [f.message for f in found(report, "missing-sources")] == [
        "The article makes 4 health claims and cites no source"
    ]
    sourced = text + "\n\nAccording to the NHS, most neck pain gets better within a few weeks."
    assert found(lint(sourced, select=["missing-sources"]), "missing-sources") == []


def test_missing_sources_is_quiet_on_text_without_claims(lint: LintFn) -> None:
    text = "Chop the onions. Fry them gently in olive oil. Add the tomatoes and simmer for twenty minutes."
    assert found(lint(text, select=["missing-sources"]), "missing-sources") == []


def test_seed_claims_are_found(lint: LintFn) -> None:
    for prefix, sentence in (
        ("000", "Back pain is a common symptom of mirtazapine withdrawal"),
        ("003", "Chiropractic adjustments focus on aligning the spine and restoring proper nerve function"),
    ):
        path = seed(prefix)
        report = lint(path.read_text(encoding="utf-8"), select=CLAIM)
        hits = [f for f in report.findings if f.category == "medical-claim" and sentence in (f.text or "")]
        assert hits and hits[0].severity >= Severity.WARNING, prefix


def test_claim_analysis_is_shared_through_the_cache() -> None:
    doc = parse_source("a.txt", "Stress causes muscle spasms. See a doctor if the pain gets worse.", "txt")
    analysis = Analysis(doc, frozenset({NEED_PARSE}))
    first = health_analysis(doc, analysis)
    assert analysis.cache[CACHE_KEY] is first
    assert health_analysis(doc, analysis) is first
    assert len(first.claims) == 1 and first.referrals == 1
