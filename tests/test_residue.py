"""scrape-residue: page-template leftovers in standalone lines, in seven languages; the same
words inside prose are not residue."""

from __future__ import annotations

import pytest

from linter.findings import Severity

from .conftest import LintFn, found, seed

ARTICLE = (
    "Sleep and shift work\n\n"
    "Night shifts push the body clock out of step with daylight. Many people who work nights "
    "sleep less for the first few weeks.\n\n"
    "{line}\n\n"
    "Keep the bedroom dark and quiet during the day, and sleep at the same times on work days "
    "and days off.\n"
)


def residue(lint: LintFn, line: str, fmt: str = "txt") -> list:
    return found(lint(ARTICLE.format(line=line), fmt=fmt, select=["scrape-residue"]), "scrape-residue")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Leave a Reply", "Comment widget"),
        ("Leave a comment", "Comment widget"),
        ("No comments yet", "Comment widget"),
        ("Comments (3)", "Comment widget"),
        ("See also  Can caffeine keep you awake", "related-article link"),
        ("Related: How naps help night workers", "related-article link"),
        ("Read more", "related-article link"),
        ("[image]", "Image placeholder"),
        ("Image source: Getty Images", "Image placeholder"),
        ("Tags: #sleep #shiftwork #health", "Tag line"),
        ("#sleep #nightshift #rest", "Tag line"),
        ("Share this article", "Share buttons"),
        ("Subscribe to our newsletter", "Subscribe prompt"),
        ("This website uses cookies to improve your experience. Accept", "Cookie banner"),
        ("Home > Health > Sleep", "Breadcrumb trail"),
        ("About the author", "Author box"),
        ("Page 2 of 5", "Pagination link"),
        ("Next post", "Pagination link"),
        ("发表评论", "Comment widget"),
        ("还没有评论,快来说点什么吧~", "Comment widget"),
        ("随机图片", "Image placeholder"),
        ("Deja un comentario", "Comment widget"),
        ("Laisser un commentaire", "Comment widget"),
        ("Schreibe einen Kommentar", "Comment widget"),
        ("Deixe um comentário", "Comment widget"),
        ("Оставить комментарий", "Comment widget"),
        ("Voir aussi : Le sommeil des travailleurs de nuit", "related-article link"),
    ],
)
def test_template_lines_are_residue(lint: LintFn, line: str, kind: str) -> None:
    hits = residue(lint, line)
    assert len(hits) == 1, hits
    assert hits[0].line == 5
    assert hits[0].text == line
    assert kind in hits[0].message
    assert hits[0].severity == Severity.WARNING


@pytest.mark.parametrize(
    "line",
    [
        "If you want to read more about sleep, the NHS website has a clear guide to shift work.",
        "See also the section on naps below, which explains how long a nap should be.",
        "Leave a reply card by the bed if you share a home, so others know you are asleep.",
        "Skin tags are harmless and have nothing to do with sleep.",
        "Related research found that bright light at the start of a shift helps people adjust.",
        "Share the night-time chores with the people you live with.",
        "Comments from readers suggest that blackout blinds make the biggest difference.",
    ],
)
def test_the_same_words_in_prose_are_not_residue(lint: LintFn, line: str) -> None:
    assert residue(lint, line) == []


def test_a_line_inside_a_wrapped_paragraph_is_not_standalone(lint: LintFn) -> None:
    source = ARTICLE.format(
        line="Some people find it helps to write down worries before bed, then\nread more of a book than usual."
    )
    assert found(lint(source, select=["scrape-residue"]), "scrape-residue") == []


def test_html_page_chrome_is_info_but_injected_links_warn(lint: LintFn) -> None:
    source = (
        '<html lang="en"><head><title>Sleep and shift work</title></head><body><article>'
        "<h1>Sleep and shift work</h1>"
        "<p>Home › Health › Sleep and shift work</p>"
        "<p>Night shifts push the body clock out of step with daylight. Many people who work nights "
        "sleep less and feel groggy on their days off, which is normal for the first weeks.</p>"
        "<p>See also: How caffeine affects sleep</p>"
        "<p>Keep the bedroom dark and quiet during the day, and try to sleep at the same times on work "
        "days and days off. A short nap before a night shift can help you stay alert.</p>"
        "<p>Share this article</p>"
        "<p>Blackout curtains and ear plugs help many shift workers. If poor sleep goes on for months, "
        "talk to your doctor, because long-term sleep loss affects mood and health.</p>"
        "</article></body></html>"
    )
    hits = found(lint(source, fmt="html", select=["scrape-residue"]), "scrape-residue")
    by_text = {h.text: h.severity for h in hits}
    assert by_text == {
        "Home › Health › Sleep and shift work": Severity.INFO,
        "See also: How caffeine affects sleep": Severity.WARNING,
        "Share this article": Severity.INFO,
    }


def _residue_lines(lint: LintFn, prefix: str) -> set[int]:
    report = lint(seed(prefix).read_text(encoding="utf-8"), select=["scrape-residue", "foreign-fragment"])
    return {f.line for f in report.findings if f.severity >= Severity.WARNING and f.line is not None}


def test_seed_related_links_are_residue(lint: LintFn) -> None:
    report = lint(seed("000").read_text(encoding="utf-8"), select=["scrape-residue"])
    hits = found(report, "scrape-residue")
    assert [h.line for h in hits] == [21, 55, 97]
    assert all(h.text is not None and h.text.startswith("See also") for h in hits)


def test_seed_image_placeholder_tag_line_and_comment_widget(lint: LintFn) -> None:
    # the image placeholder, the tag line and the three Chinese comment-widget lines
    assert _residue_lines(lint, "001") == {23, 96, 98, 100, 102}
    report = lint(seed("001").read_text(encoding="utf-8"), select=["scrape-residue"])
    kinds = {f.line: f.message for f in found(report, "scrape-residue")}
    assert "Image placeholder" in kinds[23]
    assert "Tag line" in kinds[96]
    assert all("Comment widget" in kinds[line] for line in (98, 100, 102))


def test_seed_leave_a_reply_is_residue(lint: LintFn) -> None:
    report = lint(seed("004").read_text(encoding="utf-8"), select=["scrape-residue"])
    assert [(f.line, f.text) for f in found(report, "scrape-residue")] == [(31, "Leave a Reply")]


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_seed_pages_without_residue(lint: LintFn, prefix: str) -> None:
    assert _residue_lines(lint, prefix) == set()
