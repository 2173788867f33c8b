"""The passages the off-topic check judges: long paragraphs alone, short blocks with their section."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from linter.document import Document
from linter.nlp import Analysis

STANDALONE_KINDS = ("paragraph", "quote")
# A list of sources, or a reference entry ("Buist AS, McBurnie MA, et al."), has no subject of its
# own: it is not judged, and its names are not the article's subject.
SOURCE_LIST = re.compile(
    r"^\W*(?:(?i:(?:other |additional )?(?:sources?|references?|bibliography)\s*:)"
    r"|\d*\.?\s*[A-Z][\w'’-]+ [A-Z]{1,3}(?:,| and| &) [A-Z][\w'’-]+ [A-Z]{1,3}\b)"
)


@dataclass(frozen=True)
class Unit:
    """A passage: the span a finding would cover and the text it is judged on."""

    start: int
    end: int
    text: str
    words: int
    heading: str  # the heading of its section ("" before the first heading)
    standalone: bool  # a paragraph long enough to be judged alone


@lru_cache(maxsize=2)
def _patterns(name: str) -> tuple[re.Pattern[str], ...]:
    text = resources.files("checks").joinpath("data", name).read_text("utf-8")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(re.compile(p, re.IGNORECASE) for p in lines)


def is_care_heading(heading: str) -> bool:
    """A "when to see a doctor" kind of section: on topic in any health article."""
    return any(p.search(heading) for p in _patterns("offtopic_care_headings.txt"))


def is_edge_heading(heading: str) -> bool:
    """An introduction or conclusion section."""
    return any(p.search(heading.strip()) for p in _patterns("offtopic_edge_headings.txt"))


def page_furniture(document: Document, analysis: Analysis) -> frozenset[int]:
    """Indices of the blocks that belong to the site around the article (notices, order terms,
    testimonials, navigation, template lines): not the author's prose, so neither judged nor
    part of the article's subject. `scrape-residue` reports them."""
    from checks._furniture import shared_furniture_blocks
    from checks.residue import classify

    found = set(shared_furniture_blocks(document, analysis))
    for i, block in enumerate(document.blocks):
        text = document.block_text(block)
        if block.kind != "heading" and (classify(text) is not None or SOURCE_LIST.match(text)):
            found.add(i)
    return frozenset(found)


def split_units(document: Document, min_words: int, skip: frozenset[int] = frozenset()) -> list[Unit]:
    """Units in reading order, without the blocks at the indices ``skip``. The title block itself
    is not a unit (it states the subject)."""
    title = (document.title or "").strip()
    units: list[Unit] = []
    heading = ""
    pending: list[tuple[int, int]] = []  # short blocks of the current section

    def flush() -> None:
        if pending:
            start, end = pending[0][0], pending[-1][1]
            body = " ".join(document.text[s:e] for s, e in pending)
            text = f"{heading} {body}" if heading else body
            units.append(Unit(start, end, text, len(body.split()), heading, False))
            pending.clear()

    for i, block in enumerate(document.blocks):
        text = document.block_text(block)
        if i in skip:
            flush()  # a passage never runs across page furniture
            continue
        if block.kind == "heading":
            flush()
            if not (i == 0 and text.strip() == title):
                heading = text.strip()
            continue
        if i == 0 and text.strip() == title:
            continue
        words = len(text.split())
        if block.kind in STANDALONE_KINDS and words >= min_words:
            flush()
            units.append(Unit(block.start, block.end, text, words, heading, True))
        else:
            pending.append((block.start, block.end))
    flush()
    return units
