"""The shared NLP pass: an article is parsed in pieces at block boundaries, into one Doc."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.nlp import NEED_PARSE, Analysis, load_pipeline, pieces
from linter.readers import parse_source

PARAGRAPH = ("Back pain usually gets better within a few weeks. Keep moving and take paracetamol "
             "if you need it, but see a GP if the pain is severe or you feel numb.")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .\n", max_size=400), st.integers(min_value=1, max_value=50))
def test_pieces_concatenate_to_the_text_and_end_at_block_boundaries(text: str, size: int) -> None:
    parts = pieces(text, size)
    assert "".join(parts) == text
    for part in parts[:-1]:
        assert part.endswith("\n\n") and len(part) >= size


def test_a_long_article_is_one_doc_over_its_exact_text() -> None:
    source = "\n\n".join(f"{PARAGRAPH} Section {i}." for i in range(40)) + "\n"
    document = parse_source("long.txt", source, "txt")
    assert len(pieces(document.text)) > 3  # really parsed in pieces
    doc = Analysis(document, frozenset({NEED_PARSE})).doc
    assert doc.text == document.text
    whole = load_pipeline(frozenset({NEED_PARSE}))(document.text)
    assert [t.idx for t in doc] == [t.idx for t in whole]
    # the parser sees less context at a piece's first words: nearly every token is annotated alike
    alike = sum((a.tag_, a.dep_, a.head.i, a.lemma_) == (b.tag_, b.dep_, b.head.i, b.lemma_)
                for a, b in zip(doc, whole, strict=True))
    assert alike / len(doc) > 0.98
    analysis = Analysis(document, frozenset({NEED_PARSE}))
    blocks = [(b.start, b.end) for b in document.blocks]
    for start, end in analysis.sentences:
        assert any(s <= start and end <= e for s, e in blocks)  # no sentence crosses a block
