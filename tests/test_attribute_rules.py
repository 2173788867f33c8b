"""The pipeline as healthlint loads it (a lean tokenizer load, the attribute ruler's matches found
by look-up) gives the same tokens and annotations as spaCy's own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from linter.attribute_rules import RuleIndex, index_attribute_ruler
from linter.lean_import import import_spacy
from linter.nlp import NEED_PARSE, load_pipeline, load_stock_pipeline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
TRICKY = [
    "But I ran, but not far.  \n\n  A cat and an owl.",  # "but" as an adverb, articles, whitespace
    "There's a cure, y'all say, but nothin' works and there are no guarantees.",  # expletives, regexes
    "Don't you wanna go? Gonna do it, ain't I? It's been done; it's done.",
    # the tokenizer's exceptions, prefixes, suffixes, infixes and URLs (the lean load's tokenizer)
    "See https://www.nhs.uk/conditions/back-pain/ or e.g. the U.S. CDC's page (10km, 5mg/day, 37.5°C) :-) "
    "at 9 a.m. -- well-known self-care; Dr. O'Neil's co-author said \"no\"... 1,000,000 $5.99!",
    "", " ", "\n\n",
]


def ruler_of(nlp: Language) -> AttributeRuler:
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return ruler


def annotated(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_the_loaded_pipeline_annotates_exactly_as_spacys_own_ruler() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.*")) if p.is_file()]
    texts += TRICKY
    ours = load_pipeline(frozenset({NEED_PARSE}))
    stock = load_stock_pipeline(frozenset({NEED_PARSE}))
    assert ruler_of(ours).match != ruler_of(stock).match
    changed = 0
    for mine, theirs in zip(ours.pipe(texts), stock.pipe(texts), strict=True):
        assert annotated(mine) == annotated(theirs)
        changed += sum(a.pos_ != "" for a in mine)
    assert changed > 1000  # the ruler did set parts of speech


def test_the_index_gives_the_matchers_own_matches() -> None:
    stock = load_stock_pipeline(frozenset({NEED_PARSE}))
    ruler = ruler_of(stock)
    index = RuleIndex(ruler)
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(stock.pipe(TRICKY))
    for doc in docs:
        assert index.match(doc) == sorted(set(ruler.match(doc)))
    assert any(index.match(doc) for doc in docs)


def test_a_rule_the_index_cannot_read_keeps_the_matcher() -> None:
    spacy = import_spacy()
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    ruler = ruler_of(nlp)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    original = ruler.match
    assert index_attribute_ruler(nlp) is False
    assert ruler.match == original
    assert [t.pos_ for t in nlp("very very good")] == ["ADV", "ADV", ""]
    plain = spacy.blank("en")
    plain.add_pipe("attribute_ruler")
    ruler_of(plain).add([[{"LOWER": {"IN": ["very", "so"]}}]], {"POS": "ADV"})
    assert index_attribute_ruler(plain) is True
    assert [t.pos_ for t in plain("so very good")] == ["ADV", "ADV", ""]
