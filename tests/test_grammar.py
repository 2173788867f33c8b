"""The grammar check end to end: real Harper, real spaCy, the real readers and runner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checks.grammar.merge import Judged, merge
from linter.config import Config, resolve_checks
from linter.findings import Severity
from linter.readers import parse_source, read_document
from linter.registry import Registry
from linter.report import ArticleReport
from linter.runner import LintOptions, lint_document

from .conftest import LintFn, found, seed


def lint_with_engines(registry: Registry, source: str, fmt: str = "txt", **engines: dict[str, Any]) -> ArticleReport:
    """Lint with [tool.healthlint.<section>] engine settings (grammar, languagetool)."""
    config = Config()
    for section, values in engines.items():
        config.engines[section].update(values)
    checks = resolve_checks(config, registry, None, ["grammar"])
    return lint_document(parse_source(f"article.{fmt}", source, fmt), checks, LintOptions())


def warnings(report: ArticleReport) -> list[str]:
    return [f.text or "" for f in found(report, "grammar") if f.severity >= Severity.WARNING]


def lint_seed(registry: Registry, path: Path) -> ArticleReport:
    checks = resolve_checks(Config(), registry, None, ["grammar"])
    return lint_document(read_document(str(path)), checks, LintOptions())


# ---- the seeds -----------------------------------------------------------------------------------

def test_spun_seed_garbled_sentences_are_flagged(registry: Registry) -> None:
    report = lint_seed(registry, seed("004"))
    flagged = warnings(report)
    for expected in (
        "usedand",
        "importantlybeing",
        "Muscle spasms in the back is",
        "the pain as a result of muscle spasm refuse",
        "will should",
        "As anyone who has experienced back spasms and they’ll",
    ):
        assert expected in flagged, f"{expected!r} not flagged; got {flagged}"
    assert len(flagged) == 6, flagged


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_correct_seeds_with_drug_names_get_no_grammar_warning(registry: Registry, prefix: str) -> None:
    assert warnings(lint_seed(registry, seed(prefix))) == []


# ---- positions and messages ----------------------------------------------------------------------

def test_finding_points_at_the_fused_word_in_the_source(lint: LintFn) -> None:
    report = lint("# Neck pain\n\nThe muscles are over usedand tired.\n", fmt="md", select=["grammar"])
    [finding] = found(report, "grammar")
    assert (finding.line, finding.column, finding.end_column) == (3, 22, 28)
    assert finding.text == "usedand"
    assert finding.suggestion == "used and"
    assert "(rules, harper)" in finding.message  # both engines saw it: one finding naming both


def test_positions_are_exact_after_emoji_and_cjk(lint: LintFn) -> None:
    source = "😀 中文标签 😀 The muscles are over usedand tired.\n"
    [finding] = found(lint(source, select=["grammar"]), "grammar")
    assert finding.text == "usedand"
    assert finding.column == source.index("usedand") + 1  # columns count code points


def test_html_positions_map_to_the_source(lint: LintFn) -> None:
    source = ("<html><body><article><p>Stretching <b>helps</b>, and you <em>will should</em> rest.</p>"
              "</article></body></html>")
    [finding] = [f for f in found(lint(source, fmt="html", select=["grammar"]), "grammar")
                 if f.severity >= Severity.WARNING]
    assert finding.text == "will should"
    assert finding.column == source.index("will should") + 1


# ---- spelling and vocabulary ---------------------------------------------------------------------

def test_unknown_lowercase_word_is_a_spelling_warning(lint: LintFn) -> None:
    report = lint("Rest helps the muscle recover and the pain usally eases within a week.", select=["grammar"])
    assert warnings(report) == ["usally"]


def test_common_misspelling_known_to_the_web_list_is_still_a_warning(lint: LintFn) -> None:
    report = lint("You should recieve your results within two weeks.", select=["grammar"])
    assert warnings(report) == ["recieve"]


def test_names_drugs_and_conditions_are_not_warnings(lint: LintFn) -> None:
    text = (
        "Dr. Okonkwo and Siobhan Ní Bhriain at Brigham said semaglutide, tirzepatide and empagliflozin "
        "help some patients, while kyphosis, spondylolisthesis and sacroiliitis need other care. "
        "Zepbound is a brand name."
    )
    report = lint(text, select=["grammar"])
    assert warnings(report) == []
    infos = {f.text for f in found(report, "grammar") if f.severity == Severity.INFO}
    assert "Bhriain" in infos  # a name no word list knows: reported at info only


def test_user_words_from_config_are_known(registry: Registry) -> None:
    text = "Apply the frobnicide gel twice a day."
    assert warnings(lint_with_engines(registry, text)) == ["frobnicide"]
    assert found(lint_with_engines(registry, text, grammar={"words": ["frobnicide"]}), "grammar") == []


def test_spelling_can_be_switched_off(lint: LintFn) -> None:
    report = lint("The pain usally eases.", select=["grammar"], settings={"grammar": {"spelling": False}})
    assert found(report, "grammar") == []


def test_foreign_passage_is_left_to_the_language_check(lint: LintFn) -> None:
    text = ("Stretch your neck gently every hour.\n\n"
            "Pensez à faire des pauses régulières pour les personnes qui travaillent assis.\n")
    assert warnings(lint(text, select=["grammar"])) == []


# ---- style preferences ---------------------------------------------------------------------------

def test_style_lints_are_off_by_default_and_info_when_on(registry: Registry) -> None:
    text = "Take 200 - 400 mg every four hours... Also drink water, rest and stretch."
    assert found(lint_with_engines(registry, text), "grammar") == []
    styled = found(lint_with_engines(registry, text, grammar={"style": True}), "grammar")
    assert styled and all(f.severity == Severity.INFO for f in styled)


def test_harper_skips_its_style_rules_unless_style_is_on() -> None:
    from checks.grammar import HARPER_STYLE_RULES_FILE, harper_rules_off, lexicon
    from linter.engines.harper_engine import harper_issues

    off = harper_rules_off({})
    assert off == lexicon.lines(HARPER_STYLE_RULES_FILE) and "SpellCheck" not in off
    assert harper_rules_off({"style": True}) == ()
    text = "Take 200 - 400 mg every four hours... Also drink water, rest and stretch. You will should rest."
    every = harper_issues(text, spell_check=False)
    kept = harper_issues(text, spell_check=False, rules_off=off)
    assert len(kept) < len(every)  # the style lints are not even computed
    assert [i for i in every if i.category not in ("Formatting", "Punctuation", "Style")] == kept


def test_professional_prose_is_quiet(lint: LintFn) -> None:
    text = (
        "Low back pain is one of the most common reasons people see a GP. Most episodes settle within "
        "six weeks with simple measures: staying active, using heat, and taking paracetamol or an NSAID "
        "such as ibuprofen if needed. The effects of bed rest on recovery are, if anything, harmful. "
        "People who have numbness in the groin, or problems passing urine, should call 999, because "
        "these can be signs of cauda equina syndrome."
    )
    assert warnings(lint(text, select=["grammar"])) == []


def test_unknown_engine_is_an_error(registry: Registry) -> None:
    report = lint_with_engines(registry, "Rest well.", grammar={"engines": ["harper", "grammarly"]})
    errors = [f for f in found(report, "grammar") if f.severity == Severity.ERROR]
    assert len(errors) == 1 and "grammarly" in errors[0].message


# ---- merging -------------------------------------------------------------------------------------

def _judged(engine: str, start: int, end: int, message: str, group: str = "grammar",
            severity: Severity = Severity.WARNING) -> Judged:
    return Judged(engine, start, end, group, severity, message, None)


def test_merge_keeps_the_clearest_message_and_names_every_engine() -> None:
    merged = merge([
        _judged("harper", 10, 17, "`usedand` should probably be written as `used and`."),
        _judged("languagetool", 10, 17, "Possible typo: you repeated a whitespace"),
        _judged("rules", 10, 17, "“usedand” looks like words run together"),
    ])
    assert len(merged) == 1
    assert merged[0].message == "“usedand” looks like words run together"
    assert merged[0].engines == ("rules", "languagetool", "harper")


def test_merge_keeps_a_misspelling_inside_an_agreement_span_apart() -> None:
    merged = merge([
        _judged("rules", 0, 30, "The verb “is” does not agree"),
        _judged("harper", 12, 18, "Did you mean to spell `bakc`?", group="spelling", severity=Severity.INFO),
    ])
    assert [m.engines for m in merged] == [("rules",), ("harper",)]


def test_merge_takes_the_most_serious_severity() -> None:
    merged = merge([
        _judged("harper", 5, 9, "spelling", group="spelling", severity=Severity.INFO),
        _judged("languagetool", 5, 9, "spelling", group="spelling", severity=Severity.WARNING),
    ])
    assert [m.severity for m in merged] == [Severity.WARNING]


# ---- what is and is not a misspelling ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Details are on www.fairhillinternational.com and from @joshapte on social media.",
    "Astrobiologists call the claims unevidenced and the approach hyperpersonalized.",
    "Put the jars in a water bath canner; pneumonic plague is rare.",
    "The strain of Yersinia pestis and Escherichia coli were studied at the al-Tanf base.",
])
def test_addresses_coinages_and_real_rare_words_are_not_warnings(lint: LintFn, text: str) -> None:
    assert warnings(lint(text, select=["grammar"])) == []


@pytest.mark.parametrize(("text", "word"), [
    ("The goverment has published new advice.", "goverment"),
    ("Rest becuase it helps the muscle heal.", "becuase"),
    ("Swelling is worst at the begining of the illness.", "begining"),
])
def test_known_typing_slips_are_warnings(lint: LintFn, text: str, word: str) -> None:
    assert warnings(lint(text, select=["grammar"])) == [word]
