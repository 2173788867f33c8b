"""Article reports in Markdown and HTML: findings in context; hostile content stays inert.

The HTML report is opened in a real headless Chromium (Debian's package), which runs any
script that escaped escaping; the DOM it dumps must show the article's markup as text.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from linter.report import RunReport
from reports import get_writer

from .conftest import LintFn

HOSTILE = (
    "<html><body><article><h1>Sleep &amp; pain &lt;script&gt;alert(1)&lt;/script&gt;</h1>"
    "<p>Never trust a page that says &lt;img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"&gt; "
    "and asks you to buy now before you talk to your doctor about the long pain in your lower back.</p>"
    "<p>" + " ".join(["This sentence about &lt;script&gt;document.body.setAttribute('data-pwned','2')&lt;/script&gt; "
                      "pain goes on"] * 6) + ".</p>"
    "</article></body></html>"
)


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Chromium is not installed (scripts/test.sh installs Debian's chromium with apt-get)")


def dump_dom(page: Path, tmp_path: Path) -> str:
    proc = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=2000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_html_report_escapes_article_content_in_a_real_browser(lint: LintFn, tmp_path: Path) -> None:
    report = lint(HOSTILE, "html", select=["readability"])
    assert report.findings, "the long sentence must be reported so its context is shown"
    html = get_writer("html").article(report)
    assert "<script>" not in html.split("</style>", 1)[1]
    assert "onerror=\"document" not in html
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    assert "data-pwned" in dom  # the hostile text is there, as text
    body_tag = dom[dom.index("<body"): dom.index(">", dom.index("<body")) + 1]
    assert "data-pwned" not in body_tag  # and it never ran
    assert "<mark>" in dom and "&lt;script&gt;" in dom


def test_html_report_loads_nothing_from_the_network(lint: LintFn) -> None:
    html = get_writer("html").run(RunReport(articles=[lint(HOSTILE, "html", select=["readability"])]))
    for needle in ("http://", "https://", "<link", "src="):
        assert needle not in html.replace("src=x", "")  # no external resource of our own
    assert "default-src 'none'" in html


def test_markdown_report_highlights_the_flagged_text_in_its_sentence(lint: LintFn) -> None:
    long_sentence = "Rest helps " + " ".join(["really"] * 35) + " in the first days."
    report = lint(f"# Back pain\n\nShort intro here. {long_sentence} Then more.\n", "md", select=["readability"])
    text = get_writer("markdown").article(report)
    assert "**Score:**" in text and "Flesch-Kincaid grade" in text
    assert "`readability` (readability, line 3, column 19)" in text
    assert f"**{long_sentence}**" in text
