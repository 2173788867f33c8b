"""Property: every block's text equals the source text at the span the source map gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.document import Document
from linter.readers import parse_source

WORD = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éüß评论😀'"),
    min_size=1, max_size=9,
)
SENTENCE = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
PUNCT = st.sampled_from(["", ".", "!", "?", ":"])


def check_blocks(doc: Document) -> None:
    lines = doc.source.split("\n")
    for block in doc.blocks:
        text = doc.block_text(block)
        s, e = doc.source_map.source_span(block.start, block.end)
        assert doc.source[s:e] == text
        line, col = doc.source_map.position(s)
        assert lines[line - 1][col - 1 :].startswith(text.split("\n")[0])


@st.composite
def text_documents(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["paragraph", "bullets", "single"]))
        if kind == "bullets":
            marker = draw(st.sampled_from(["•", "-", "*", "–", "1."]))
            items = draw(st.lists(SENTENCE, min_size=1, max_size=3))
            parts.append("\n".join(f"{marker} {item}" for item in items))
        elif kind == "paragraph":
            lines = draw(st.lists(SENTENCE, min_size=1, max_size=3))
            parts.append("\n".join(line + draw(PUNCT) for line in lines))
        else:
            parts.append(draw(SENTENCE))
    indent = draw(st.sampled_from(["", " "]))
    return indent + ("\n" * draw(st.integers(2, 3))).join(parts) + draw(st.sampled_from(["", "\n", "\n\n"]))


@st.composite
def markdown_documents(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["heading", "paragraph", "list", "quote"]))
        text = draw(SENTENCE)
        if kind == "heading":
            parts.append("#" * draw(st.integers(1, 4)) + " " + text)
        elif kind == "list":
            items = draw(st.lists(SENTENCE, min_size=1, max_size=3))
            parts.append("\n".join(f"- {item}" for item in items))
        elif kind == "quote":
            parts.append("> " + text)
        else:
            lines = draw(st.lists(SENTENCE, min_size=1, max_size=3))
            parts.append("\n".join(line + draw(PUNCT) for line in lines))
    return "\n\n".join(parts) + "\n"


@settings(max_examples=150, deadline=None)
@given(text_documents())
def test_text_reader_blocks_equal_their_source(source: str) -> None:
    check_blocks(parse_source("a.txt", source, "txt"))


@settings(max_examples=150, deadline=None)
@given(markdown_documents())
def test_markdown_reader_blocks_equal_their_source(source: str) -> None:
    doc = parse_source("a.md", source, "md")
    assert doc.blocks
    check_blocks(doc)
