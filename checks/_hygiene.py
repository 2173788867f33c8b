"""Shared helpers of the hygiene checks: lexicon files, word tokens and standalone units."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checks._data import DATA as DATA
from checks._data import data_lines, data_sections
from linter.document import Block, Document
from linter.language import CJK as CJK
from linter.language import WORD as WORD
from linter.language import word_count as word_count

PREVIOUS_LINE_ENDS = (".", "!", "?", ":", ";", "…", '"', "”", ")")


def lexicon_lines(name: str) -> tuple[str, ...]:
    """Entries of ``checks/data/<name>`` (a `` #`` starts a comment anywhere on a line)."""
    return data_lines(name, inline_comments=True)


def lexicon_sections(name: str) -> dict[str, tuple[str, ...]]:
    """A lexicon file in ``[section]`` groups: section name -> its lines."""
    return data_sections(name, inline_comments=True)


@dataclass(frozen=True)
class Unit:
    """A standalone piece of the text: a whole block, or one line of a multi-line block."""

    start: int
    end: int
    block: Block
    whole_block: bool

    def text(self, document: Document) -> str:
        return document.text[self.start : self.end]


def units(document: Document) -> Iterator[Unit]:
    """Every block, and each line of a block that spans several lines (plain-text paragraphs)."""
    text = document.text
    for block in document.blocks:
        body = text[block.start : block.end]
        if "\n" not in body:
            yield Unit(block.start, block.end, block, True)
            continue
        offset = block.start
        for line in body.split("\n"):
            stripped = line.strip()
            if stripped:
                lead = len(line) - len(line.lstrip())
                yield Unit(offset + lead, offset + lead + len(stripped), block, False)
            offset += len(line) + 1


def standalone(document: Document, unit: Unit) -> bool:
    """A whole block, or a line of a multi-line block that does not continue the previous one."""
    if unit.whole_block:
        return True
    text = document.text
    if unit.start == unit.block.start:
        return True
    previous = text[unit.block.start : unit.start].rstrip().rsplit("\n", 1)[-1].strip()
    first = text[unit.start]
    if first.isalpha() and first.islower():
        return False
    return previous.endswith(PREVIOUS_LINE_ENDS) or word_count(previous) <= 8
