"""foreign-fragment: passages in another language, CJK labels by script, whole non-English
articles; names, drug names and quoted foreign titles are not fragments."""

from __future__ import annotations

import socket

import pytest

from linter.findings import Severity
from linter.language import detect

from .conftest import LintFn, found, seed

INTRO = (
    "Back pain during withdrawal\n\n"
    "Back pain is common when people stop taking some antidepressants. It usually eases within "
    "a few weeks, and gentle movement helps most people recover.\n\n"
)
OUTRO = "\n\nIf the pain is severe or comes with numbness in your legs, see a doctor the same day.\n"


def fragments(lint: LintFn, middle: str) -> list:
    return found(lint(INTRO + middle + OUTRO, select=["foreign-fragment"]), "foreign-fragment")


def test_french_paragraph_in_an_english_article(lint: LintFn) -> None:
    text = "La douleur dorsale est fréquente pendant le sevrage et peut durer plusieurs semaines."
    hits = fragments(lint, text)
    assert [(h.line, h.text, h.severity) for h in hits] == [(5, text, Severity.WARNING)]
    assert "French (fr)" in hits[0].message


def test_only_the_foreign_sentence_of_a_mixed_paragraph_is_flagged(lint: LintFn) -> None:
    german = "Der Rückenschmerz ist häufig und verschwindet meistens nach einigen Wochen von selbst."
    hits = fragments(lint, f"Most people feel better after two weeks. {german} Talk to your pharmacist if it does not.")
    assert [h.text for h in hits] == [german]
    assert "German" in hits[0].message


def test_a_foreign_line_inside_a_plain_text_paragraph(lint: LintFn) -> None:
    middle = (
        "Most people can keep working and should stay as active as they can.\n"
        "La douleur dorsale est fréquente pendant le sevrage.\n"
        "Heat packs and short walks help many people while the pain settles down."
    )
    hits = fragments(lint, middle)
    assert [(h.line, h.text) for h in hits] == [(6, "La douleur dorsale est fréquente pendant le sevrage.")]


def test_a_few_chinese_characters_are_found_by_script(lint: LintFn) -> None:
    hits = fragments(lint, "Remember to drink enough water.\n还没有评论")
    assert [(h.line, h.text) for h in hits] == [(6, "还没有评论")]
    assert "Chinese" in hits[0].message


@pytest.mark.parametrize(
    ("label", "language"),
    [("댓글 남기기", "Korean"), ("コメントを残す", "Japanese"), ("Оставить комментарий", "Russian")],
)
def test_labels_in_other_scripts_are_found(lint: LintFn, label: str, language: str) -> None:
    hits = fragments(lint, label)
    assert [(h.line, h.text) for h in hits] == [(5, label)]
    assert language in hits[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Juan Carlos García of the Universidad de Navarra in Pamplona led the study.",
        "Paracetamol, sold as Doliprane in France and as Tylenol in the United States, is gentler on "
        "the stomach than ibuprofen.",
        'The French guideline "Prise en charge de la lombalgie commune" recommends staying active.',
        "Jean-Pierre Dupont, Hôpital Pitié-Salpêtrière, Paris",
        "The herb dang gui (当归) is sometimes used in traditional Chinese medicine.",
        "Beta blockers such as propranolol (β-blockers) can cause cold hands.",
        "Introduction",
        "Effet secondaire",
    ],
)
def test_names_titles_and_short_labels_are_not_fragments(lint: LintFn, text: str) -> None:
    assert fragments(lint, text) == []


def test_whole_article_in_another_language_gets_one_info_finding(lint: LintFn) -> None:
    source = (
        "Le mal de dos pendant le sevrage\n\n"
        "Le mal de dos est fréquent quand on arrête certains antidépresseurs. Il disparaît en général "
        "en quelques semaines, et bouger doucement aide la plupart des gens.\n\n"
        "Achetez maintenant\n\n"
        "Si la douleur est forte ou s'accompagne d'un engourdissement des jambes, consultez un médecin "
        "le jour même.\n"
    )
    report = lint(source, select=["foreign-fragment", "spam-cta", "keyword-stuffing", "near-duplicate"])
    assert len(report.findings) == 1
    finding = report.findings[0]
    assert finding.check == "foreign-fragment"
    assert finding.severity == Severity.INFO
    assert finding.line is None
    assert "French (fr" in finding.message
    for skipped in ("spam-cta", "keyword-stuffing", "near-duplicate"):
        assert skipped in finding.message


def test_detection_uses_the_bundled_model_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    scores = detect("Der Rückenschmerz ist häufig und verschwindet meistens nach einigen Wochen.")
    assert max(scores, key=lambda k: scores[k]) == "de"


def test_seed_chinese_widget_lines_are_language_findings(lint: LintFn) -> None:
    report = lint(seed("001").read_text(encoding="utf-8"), select=["foreign-fragment"])
    assert [f.line for f in found(report, "foreign-fragment")] == [23, 98, 100, 102]


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_english_seed_pages_have_no_foreign_passages(lint: LintFn, prefix: str) -> None:
    report = lint(seed(prefix).read_text(encoding="utf-8"), select=["foreign-fragment"])
    assert found(report, "foreign-fragment") == []


def test_english_only_checks_do_not_run_on_a_foreign_article(lint: LintFn) -> None:
    french = ("La douleur lombaire\n\n" + " ".join([
        "La douleur dans le bas du dos est très fréquente chez les adultes et disparaît souvent en quelques "
        "semaines sans traitement particulier, mais il faut consulter un médecin si elle persiste longtemps."] * 3)
        + "\n")
    report = lint(french, "txt", select=["ALL"], settings={"readability": {"max-sentence-words": 5}})
    checks = {f.check for f in report.findings}
    assert checks == {"foreign-fragment"}, report.findings
    (info,) = report.findings
    assert "French" in info.message and "readability" in info.message and "spam-cta" in info.message
