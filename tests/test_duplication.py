"""duplicate-heading, near-duplicate and keyword-stuffing on real parsing and sentence splitting."""

from __future__ import annotations

import pytest

from .conftest import LintFn, found, seed

# ---------------------------------------------------------------- duplicate-heading


def test_heading_repeated_back_to_back(lint: LintFn) -> None:
    source = (
        "Easing heel pain\n\n"
        "Heel pain is common in runners and in people who stand all day.\n\n"
        "Stretching\n\n"
        "Stretching\n\n"
        "Stretch your calf against a wall for thirty seconds, three times a day.\n"
    )
    hits = found(lint(source, select=["duplicate-heading"]), "duplicate-heading")
    assert [(h.line, h.text) for h in hits] == [(7, "Stretching")]
    assert "line 5" in hits[0].message


def test_markdown_heading_repeated_in_the_same_section(lint: LintFn) -> None:
    source = (
        "# Heel pain\n\n## Causes\n\nTight calves and worn shoes.\n\n## Stretching\n\nDaily calf stretches.\n\n"
        "## Causes\n\nStanding for long hours.\n"
    )
    hits = found(lint(source, fmt="md", select=["duplicate-heading"]), "duplicate-heading")
    assert [(h.line, h.text) for h in hits] == [(11, "Causes")]
    assert "same section" in hits[0].message


def test_same_heading_in_different_sections_is_fine(lint: LintFn) -> None:
    source = (
        "# Colds and flu\n\n## Colds\n\n### Symptoms\n\nA runny nose and a sore throat.\n\n"
        "## Flu\n\n### Symptoms\n\nA sudden fever and aching muscles.\n"
    )
    assert found(lint(source, fmt="md", select=["duplicate-heading"]), "duplicate-heading") == []


def test_plain_text_title_repeated_as_a_heading_is_fine(lint: LintFn) -> None:
    source = (
        "Heel pain\n\nHeel pain is common in runners.\n\nHeel Pain\n\n"
        "Most heel pain gets better with rest and stretching within a few months.\n"
    )
    assert found(lint(source, select=["duplicate-heading"]), "duplicate-heading") == []


def test_seed_repeated_headings_are_duplication(lint: LintFn) -> None:
    report = lint(seed("000").read_text(encoding="utf-8"), select=["duplicate-heading"])
    hits = found(report, "duplicate-heading")
    assert [(h.line, h.text) for h in hits] == [(47, "Managing Back Pain"), (87, "Preventing Future Pain")]


# ---------------------------------------------------------------- near-duplicate

REPEATED = "Resting in bed for several days usually makes lower back pain stiffer and slower to recover."


def test_repeated_sentence_points_at_the_later_copy(lint: LintFn) -> None:
    source = (
        "Back pain basics\n\n"
        f"Most back pain is not serious. {REPEATED}\n\n"
        "Heat packs and gentle walks help many people keep moving while the pain settles.\n\n"
        f"{REPEATED} Keep going with your daily activities as far as the pain allows.\n"
    )
    hits = found(lint(source, select=["near-duplicate"]), "near-duplicate")
    assert [(h.line, h.text) for h in hits] == [(7, REPEATED)]
    assert "line 3" in hits[0].message


def test_lightly_reworded_sentence_is_a_restatement(lint: LintFn) -> None:
    reworded = "Resting in bed for several days often makes lower back pain stiffer and slower to recover."
    source = f"Back pain basics\n\n{REPEATED}\n\nWalking helps most people.\n\n{reworded}\n"
    hits = found(lint(source, select=["near-duplicate"]), "near-duplicate")
    assert [h.text for h in hits] == [reworded]
    assert "Restates" in hits[0].message


def test_sentences_on_the_same_topic_are_not_duplicates(lint: LintFn) -> None:
    source = (
        "Back pain basics\n\n"
        "Lower back pain usually gets better within a few weeks without any special treatment.\n\n"
        "Lower back pain that comes with numbness, fever or weight loss needs a doctor's assessment soon.\n"
    )
    assert found(lint(source, select=["near-duplicate"]), "near-duplicate") == []


def test_repeated_references_are_not_duplicates(lint: LintFn) -> None:
    ref = "U.S. Department of Health and Human Services, Centers for Disease Control and Prevention."
    source = f"Sources\n\n{ref} Physical Activity Guidelines.\n\n{ref} Back Pain Facts.\n"
    assert found(lint(source, select=["near-duplicate"]), "near-duplicate") == []


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_seed_pages_without_duplication(lint: LintFn, prefix: str) -> None:
    report = lint(seed(prefix).read_text(encoding="utf-8"),
                  select=["duplicate-heading", "near-duplicate", "keyword-stuffing"])
    assert report.findings == []


# ---------------------------------------------------------------- keyword-stuffing


def test_phrase_stuffed_into_one_paragraph(lint: LintFn) -> None:
    source = (
        "# Neck pain\n\n"
        "Neck pain often follows a night in an awkward position.\n\n"
        "Find fast neck pain relief here: our fast neck pain relief guide lists every fast neck pain "
        "relief product, and each fast neck pain relief tip brings fast neck pain relief home.\n"
    )
    hits = found(lint(source, fmt="md", select=["keyword-stuffing"]), "keyword-stuffing")
    assert len(hits) == 1
    assert "'fast neck pain relief' appears 5 times" in hits[0].message
    assert "5 in this passage" in hits[0].message
    assert hits[0].line == 5


def test_seed_title_phrase_stuffed_through_the_article(lint: LintFn) -> None:
    report = lint(seed("000").read_text(encoding="utf-8"), select=["keyword-stuffing"])
    hits = found(report, "keyword-stuffing")
    assert len(hits) == 1
    assert "'mirtazapine withdrawal back pain' appears 8 times" in hits[0].message
    assert "per 1,000 words" in hits[0].message


def test_a_topic_term_repeated_naturally_is_not_stuffing(lint: LintFn) -> None:
    source = "# Breast cancer screening\n\n" + " ".join(
        [
            "Breast cancer screening uses mammograms to find breast cancer early.",
            "Most breast cancer is found in women over 50, so screening starts at that age.",
            "A mammogram can miss some breast cancer, and it can also find changes that are not cancer.",
            "If you notice a lump, do not wait for your next screening: see your GP.",
            "Breast cancer in men is rare, but the same advice applies.",
        ]
    ) + "\n"
    assert found(lint(source, fmt="md", select=["keyword-stuffing"]), "keyword-stuffing") == []


def test_findings_are_deterministic(lint: LintFn) -> None:
    text = seed("000").read_text(encoding="utf-8")
    checks = ["duplicate-heading", "near-duplicate", "keyword-stuffing"]
    first = [f.to_json() for f in lint(text, select=checks).findings]
    assert first == [f.to_json() for f in lint(text, select=checks).findings]
