"""Page furniture: blocks that belong to the web site around an article, not to the article.

Legal notices, order and shipping terms, customer testimonials, promotions of the site itself,
navigation rows and link lists, news-feed items and product ingredient lists. Scrapers and
main-text extractors often keep them. They are not the author's prose, so `scrape-residue`
reports them (at info) and `off-topic` leaves them out of the article it judges.

The phrase signals are data (checks/data/furniture_en.txt); the forms (a row of short links
separated by bars, a feed item ending "and more »", a run of short title-case links) are here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checks._data import weighted_patterns
from linter.document import Document
from linter.nlp import Analysis

try:  # the regex parser, to find the literal text a phrase pattern needs
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_parse as _sre

KINDS = {
    "legal-notice": "Legal, copyright or disclaimer notice",
    "order-terms": "Order, shipping or refund terms",
    "testimonial": "Customer testimonial",
    "site-promotion": "Promotion of the site itself",
    "navigation": "Navigation row",
    "link-list": "List of site links",
    "feed-item": "News-feed item",
    "product-details": "Product ingredient list",
}
CACHE_KEY = "page-furniture"
ENOUGH, ENOUGH_LONG, LONG_WORDS = 2, 3, 80
MAX_WORDS = 200  # longer blocks are prose whatever phrases they contain
MIN_FIRST_PERSON = 2  # a testimonial speaks in the first person singular
FIRST_PERSON = re.compile(r"\b(?:I|me|my|I'm|I've)\b")
NAV_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
MIN_NAV_PARTS, MAX_NAV_PART_WORDS, MAX_NAV_WORDS = 3, 5, 40
FEED_ITEM = re.compile(r"(?:\.\.\.|…)\s*and more\s*»\s*$|\(press release\)", re.IGNORECASE)
INGREDIENTS = re.compile(
    r"^\W*(?:what are the ingredients\?|(?:active |inactive |other )?ingredients\s*:|supplement facts\b)",
    re.IGNORECASE,
)
# A link list: at least this many consecutive short paragraphs, each a title-case phrase.
MIN_LINKS, MAX_LINK_WORDS = 4, 6
SENTENCE_END = (".", "!", "?", ";", ",")
WORDS = re.compile(r"[^\W\d_][\w'’&-]*")
MINOR = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "&"})


@dataclass(frozen=True)
class Signal:
    weight: int
    pattern: re.Pattern[str]
    # one of these strings occurs (lower-cased) in any match: a cheap test before the regex
    literals: frozenset[str] | None


@lru_cache(maxsize=1)
def signals() -> dict[str, tuple[Signal, ...]]:
    out: dict[str, tuple[Signal, ...]] = {}
    for kind, pairs in weighted_patterns("furniture_en.txt", inline_comments=True).items():
        if kind not in KINDS:
            raise ValueError(f"furniture_en.txt: unknown kind [{kind}]")
        out[kind] = tuple(Signal(weight, re.compile(regex, re.IGNORECASE | re.MULTILINE), required_literals(regex))
                          for weight, regex in pairs)
    return out


def required_literals(regex: str) -> frozenset[str] | None:
    """Strings one of which every match of ``regex`` contains, or None when none can be told."""
    return _best(_sequence(_sre.parse(regex)))


Literals = frozenset[str] | None


def _sequence(items: Any) -> list[frozenset[str]]:
    """The literal sets that a match of this sequence of regex items must contain (one of each)."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _sre.LITERAL:
            run.append(chr(arg).lower())
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        inner: Literals = None
        if op is _sre.SUBPATTERN:
            inner = _best(_sequence(arg[-1]))
        elif op is _sre.BRANCH:
            choices = [_best(_sequence(alternative)) for alternative in arg[1]]
            inner = None if any(c is None for c in choices) else frozenset().union(*(c for c in choices if c))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and arg[0] >= 1:
            inner = _best(_sequence(arg[2]))
        if inner:
            found.append(inner)
    if run:
        found.append(frozenset({"".join(run)}))
    return found


def _best(candidates: list[frozenset[str]]) -> Literals:
    """The most telling literal set: the one whose shortest string is longest."""
    return max(candidates, key=lambda c: min(len(x) for x in c), default=None)


def furniture_kind(text: str) -> str | None:
    """The kind of page furniture a block (or line) is, or None for article prose."""
    words = len(text.split())
    if not words or words > MAX_WORDS:
        return None
    if INGREDIENTS.match(text):
        return "product-details"
    if FEED_ITEM.search(text):
        return "feed-item"
    if _navigation_row(text, words):
        return "navigation"
    enough = ENOUGH_LONG if words > LONG_WORDS else ENOUGH
    lowered = text.lower()
    for kind, kind_signals in signals().items():
        if kind == "testimonial" and len(FIRST_PERSON.findall(text)) < MIN_FIRST_PERSON:
            continue
        score = 0
        for signal in kind_signals:
            if signal.literals is not None and not any(x in lowered for x in signal.literals):
                continue
            if signal.pattern.search(text):
                score += signal.weight
                if score >= enough:
                    return kind
    return None


def _navigation_row(text: str, words: int) -> bool:
    if words > MAX_NAV_WORDS or "\n" in text.strip():
        return False
    parts = [p.strip() for p in NAV_SEPARATORS.split(text.strip()) if p.strip()]
    return len(parts) >= MIN_NAV_PARTS and all(
        len(p.split()) <= MAX_NAV_PART_WORDS and not p.endswith(SENTENCE_END) for p in parts
    )


def _link_like(text: str) -> bool:
    """A short title-case phrase without sentence punctuation: "Treatment Topics and Resources"."""
    tokens = WORDS.findall(text)
    if not tokens or len(text.split()) > MAX_LINK_WORDS or text.rstrip().endswith(SENTENCE_END):
        return False
    return all(t[0].isupper() or t.lower() in MINOR for t in tokens)


def shared_furniture_blocks(document: Document, analysis: Analysis) -> dict[int, str]:
    """`furniture_blocks`, computed once per document for every check that asks."""
    cached: dict[int, str] | None = analysis.cache.get(CACHE_KEY)
    if cached is None:
        cached = analysis.cache[CACHE_KEY] = furniture_blocks(document)
    return cached


def furniture_blocks(document: Document) -> dict[int, str]:
    """Index of each furniture block in ``document.blocks`` -> its kind."""
    found: dict[int, str] = {}
    run: list[int] = []

    def close_run() -> None:
        if len(run) >= MIN_LINKS:
            for i in run:
                found.setdefault(i, "link-list")
        run.clear()

    for i, block in enumerate(document.blocks):
        text = document.block_text(block)
        if block.kind == "heading":  # a plain-text reader takes a short bar-separated row for a heading
            kind = "navigation" if _navigation_row(text, len(text.split())) else None
        else:
            kind = furniture_kind(text)
        if kind:
            found[i] = kind
        if block.kind == "paragraph" and (kind or _link_like(text)):
            run.append(i)
        else:
            close_run()
    close_run()
    return found
