"""Readers: blocks, metadata and an exact source map for text, Markdown and HTML."""

from __future__ import annotations

import html as htmllib
import re

import pytest

from linter.document import Document
from linter.readers import InputError, parse_source, read_bytes


def span_source(doc: Document, start: int, end: int) -> str:
    s, e = doc.source_map.source_span(start, end)
    return doc.source[s:e]


def position(doc: Document, offset: int) -> tuple[int, int]:
    return doc.source_map.position(doc.source_map.source_offset(offset))


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, doc.block_text(b)) for b in doc.blocks]


# ---- plain text ------------------------------------------------------------------------------

def test_text_headings_paragraphs_and_list_items() -> None:
    src = ("Back pain after lifting\n\nMost back pain gets better in a few weeks.\nRest helps.\n\n"
           "Symptoms to watch\n• numbness in both legs\n- fever with back pain\n2. loss of bladder control\n\n"
           "Leave a Reply\n")
    doc = parse_source("a.txt", src, "txt")
    assert kinds(doc) == [
        ("heading", "Back pain after lifting"),
        ("paragraph", "Most back pain gets better in a few weeks.\nRest helps."),
        ("heading", "Symptoms to watch"),
        ("list-item", "numbness in both legs"),
        ("list-item", "fever with back pain"),
        ("list-item", "loss of bladder control"),
        ("paragraph", "Leave a Reply"),
    ]
    assert doc.meta.title == "Back pain after lifting"
    # every block maps back to exactly its source text
    for block in doc.blocks:
        assert span_source(doc, block.start, block.end) == doc.block_text(block)
    offset = doc.text.index("fever")
    assert position(doc, offset) == (8, 3)


def test_text_sentence_ending_line_is_not_a_heading() -> None:
    doc = parse_source("a.txt", "This line ends with a full stop.\n\nAnother paragraph follows here.\n", "txt")
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]


def test_text_columns_count_code_points() -> None:
    src = "Intro line with emoji 😀 and café.\n\n评论列表 then buy now.\n"
    doc = parse_source("a.txt", src, "txt")
    i = doc.text.index("buy now")
    assert position(doc, i) == (3, 11)
    assert span_source(doc, i, i + len("buy now")) == "buy now"


# ---- Markdown --------------------------------------------------------------------------------

MD = """---
title: Managing back pain
author: A. Writer
date: 2026-01-05
description: How to ease back pain at home
---

# Managing back pain

Most back pain **improves** within [six weeks](https://example.org/nhs) &amp; needs no scan.
See https://example.org/more for more, or run `healthlint check`.

<!-- an editor's note that is not prose -->
<div class="ad">Buy now</div>

```python
print("not prose either")
```

- Keep moving
  gently every day
- Take ibuprofen *if* it suits you

> Quoted advice from a physiotherapist.

| Symptom | Action |
| --- | --- |
| Numb legs | Call 999 |
"""


def test_markdown_front_matter_is_metadata_not_prose() -> None:
    doc = parse_source("a.md", MD, "md")
    assert doc.meta.title == "Managing back pain"
    assert doc.meta.author == "A. Writer"
    assert doc.meta.date == "2026-01-05"
    assert doc.meta.description == "How to ease back pain at home"
    assert "A. Writer" not in doc.text and "description" not in doc.text


def test_markdown_code_html_and_urls_are_not_prose() -> None:
    doc = parse_source("a.md", MD, "md")
    for absent in ("print(", "healthlint check", "editor's note", "Buy now", "https://", "example.org"):
        assert absent not in doc.text
    assert "six weeks" in doc.text
    assert kinds(doc)[0] == ("heading", "Managing back pain")
    assert ("list-item", "Keep moving\ngently every day") in kinds(doc)
    assert ("quote", "Quoted advice from a physiotherapist.") in kinds(doc)
    assert ("table-cell", "Call 999") in kinds(doc)


def test_markdown_positions_are_exact() -> None:
    doc = parse_source("a.md", MD, "md")
    lines = MD.split("\n")
    for word in ("improves", "six weeks", "gently", "ibuprofen", "physiotherapist", "Call 999"):
        i = doc.text.index(word)
        line, col = position(doc, i)
        assert lines[line - 1][col - 1 : col - 1 + len(word)] == word, word
        assert span_source(doc, i, i + len(word)) == word
    # a decoded character reference maps to the reference
    amp = doc.text.index("&")
    assert span_source(doc, amp, amp + 1) == "&amp;"


# ---- HTML ------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html lang="en"><head><title>Back pain &amp; sleep</title>
<meta name="author" content="Dr Jane Roe">
<script>document.write("<p>injected</p>")</script><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> &gt; <a href="/health">Health</a></nav>
<article>
<h1>Back pain &amp; sleep</h1>
<p>Sleeping   on your side with a
   pillow between your knees can ease back pain for some people.
   Caf&eacute; chairs&nbsp;and soft sofas don&rsquo;t help much.</p>
<h2>When to see a doctor</h2>
<ul><li>Pain that wakes you every night for more than a week</li>
<li>Numbness or weakness in your legs &mdash; see a doctor the same day</li></ul>
<p>Your GP can examine your back and suggest exercises or a referral to a physiotherapist if the pain persists.</p>
</article>
<section id="comments"><h3>Leave a Reply</h3><p>Great post, thanks!</p></section>
<footer>Copyright 2026 Example Health. All rights reserved.</footer>
</body></html>
"""


def test_html_blocks_and_metadata() -> None:
    doc = parse_source("a.html", HTML, "html")
    assert doc.meta.title == "Back pain & sleep"
    assert doc.meta.language == "en"
    texts = [t for _, t in kinds(doc)]
    assert any(t.startswith("Sleeping on your side") for t in texts)
    assert ("heading", "When to see a doctor") in kinds(doc)
    assert ("list-item", "Pain that wakes you every night for more than a week") in kinds(doc)
    assert "injected" not in doc.text and "color:red" not in doc.text
    assert "Great post" not in doc.text  # comments are excluded
    assert doc.meta.dropped_chars > 0


def test_html_alignment_through_references_and_whitespace() -> None:
    doc = parse_source("a.html", HTML, "html")
    lines = HTML.split("\n")
    for phrase in ("pillow between your knees", "chairs", "Numbness or weakness", "Your GP"):
        i = doc.text.index(phrase)
        line, col = position(doc, i)
        assert lines[line - 1][col - 1 :].startswith(phrase), phrase
    i = doc.text.index("Café")
    assert span_source(doc, i, i + 4) == "Caf&eacute;"
    i = doc.text.index("don’t")
    assert htmllib.unescape(span_source(doc, i, i + 5)) == "don’t"
    # a phrase across collapsed whitespace and a line break maps to its whole source span
    i = doc.text.index("with a pillow")
    assert re.sub(r"\s+", " ", span_source(doc, i, i + len("with a pillow"))) == "with a pillow"


def test_html_without_main_content_gives_empty_document() -> None:
    src = "<html><body><nav><a href='/'>Home</a></nav><footer>Cookies</footer></body></html>"
    doc = parse_source("a.html", src, "html")
    assert len(doc.text.split()) < 5


# ---- encodings and bad input -----------------------------------------------------------------

def test_bom_is_stripped_and_crlf_normalised() -> None:
    doc = read_bytes("a.txt", "\ufeffTitle line here\r\n\r\nA paragraph of text.\r\n".encode())
    assert doc.text == "Title line here\n\nA paragraph of text."
    assert position(doc, doc.text.index("A paragraph")) == (3, 1)


def test_invalid_utf8_names_file_and_byte_offset() -> None:
    with pytest.raises(InputError) as exc:
        read_bytes("bad.txt", b"Hello there\n\xff\xfe world")
    message = str(exc.value)
    assert message.startswith("bad.txt: ") and "byte offset 12" in message and "\n" not in message


@pytest.mark.parametrize(("data", "problem"), [(b"", "empty file"), (b"  \n\n", "empty file"),
                                               (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file")])
def test_empty_and_binary_input(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        read_bytes("x.txt", data)


def test_size_limit() -> None:
    with pytest.raises(InputError, match="too large"):
        read_bytes("big.txt", b"word " * 1000, max_bytes=1000)


def test_html_declaring_another_charset_is_decoded_with_it() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 cr\xe8me and back pain.</p></body></html>'
    doc = read_bytes("a.html", page.encode("latin-1"))
    assert "Café crème" in doc.text
    with pytest.raises(InputError, match="invalid UTF-8 at byte offset"):
        read_bytes("a.html", page.replace('<meta charset="iso-8859-1">', "").encode("latin-1"))
