"""Scraper residue: page-template text (comment widgets, related links, tags, banners) in the body."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checks._furniture import KINDS as FURNITURE_KINDS
from checks._furniture import furniture_kind, shared_furniture_blocks
from checks._hygiene import CJK, DATA, WORD, lexicon_lines, lexicon_sections, standalone, units, word_count
from linter.document import Document
from linter.findings import Finding, Severity
from linter.nlp import Analysis
from linter.registry import Check, register

KINDS = {
    "comment-widget": "Comment widget",
    "related-link": "Injected related-article link",
    "image-placeholder": "Image placeholder or credit",
    "tag-line": "Tag line",
    "share": "Share buttons",
    "subscribe": "Subscribe prompt",
    "cookie-banner": "Cookie banner",
    "author-box": "Author box",
    "pagination": "Pagination link",
    "breadcrumb": "Breadcrumb trail",
}
MAX_TITLE_WORDS = 16  # "See also <title>": a title, not a paragraph
MAX_BANNER_WORDS = 45
MAX_BANNER_CHARS = 600  # longer lines are prose whatever their words: skip them cheaply
COUNTS = re.compile(r"\(\s*\d+\s*\)|\b\d+\b")
EDGE = re.compile(r"^[\W_]+|[\W_]+$")
SPACES = re.compile(r"\s+")
HASHTAG = re.compile(r"(?<!\w)#[^\W_][\w-]*")
SEPARATORS = re.compile(r"\s*(?:>|›|»|→|/|\|)\s*")
PAGE_OF = re.compile(r"^(?:page|página|seite|страница)\s+\d+\s+(?:of|de|von|из)\s+\d+$")
NAV_WORDS = frozenset({"prev", "previous", "next", "older", "newer", "page", "first", "last"})
TERMINAL_AFTER_TITLE = (".", ",", ";")
# Page chrome: in an HTML page these belong to the template around the article; when they leak
# into the extracted text it is the extractor's miss, not the author's, so they stay at info.
CHROME = frozenset(
    {"comment-widget", "share", "subscribe", "cookie-banner", "author-box", "pagination", "breadcrumb"}
)


@dataclass(frozen=True)
class Patterns:
    """The residue lexicons, indexed: whole lines, line starts (by first two characters), contained."""

    whole: dict[str, str]
    starts: dict[str, list[tuple[str, str]]]
    contained: re.Pattern[str] | None  # one alternation of every "~" phrase
    contained_kinds: dict[str, str]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    whole: dict[str, str] = {}
    starts: dict[str, list[tuple[str, str]]] = {}
    contained: dict[str, str] = {}
    for path in sorted(DATA.glob("residue_*.txt")):
        if path.name == "residue_breadcrumb_roots.txt":
            continue
        for kind, lines in lexicon_sections(path.name).items():
            if kind not in KINDS:
                raise ValueError(f"{path.name}: unknown residue kind [{kind}]")
            for line in lines:
                mode, _, raw = line.partition(" ")
                phrase = normalise(raw)
                if mode == "=":
                    whole.setdefault(phrase, kind)
                    whole.setdefault(_bare(phrase), kind)
                elif mode == "^":
                    starts.setdefault(phrase[:2], []).append((phrase, kind))
                elif mode == "~":
                    contained.setdefault(phrase, kind)
                else:
                    raise ValueError(f"{path.name}: line {line!r} must start with =, ^ or ~")
    alternation = "|".join(re.escape(p) for p in sorted(contained, key=len, reverse=True))
    regex = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)") if contained else None
    return Patterns(whole, starts, regex, contained)


@lru_cache(maxsize=1)
def breadcrumb_roots() -> frozenset[str]:
    return frozenset(lexicon_lines("residue_breadcrumb_roots.txt"))


def normalise(text: str) -> str:
    return SPACES.sub(" ", text.replace("\u00a0", " ")).strip().lower()


def _bare(text: str) -> str:
    """The line without counts and surrounding punctuation: "Comments (3)" -> "comments"."""
    return SPACES.sub(" ", EDGE.sub("", COUNTS.sub(" ", text))).strip()


def _starts_with(line: str, phrase: str) -> bool:
    if not line.startswith(phrase):
        return False
    if len(line) == len(phrase) or CJK.match(phrase[-1]) or not phrase[-1].isalnum():
        return True
    return not line[len(phrase)].isalnum()


def classify(line_text: str) -> tuple[str, bool] | None:
    """(residue kind, whether a title follows the label) of a standalone line, or None."""
    if len(line_text) > MAX_BANNER_CHARS:
        return None
    line = normalise(line_text)
    if line[:1] in "•-–*·▪◦|":
        line = EDGE.sub("", line)
    words = word_count(line)
    if words > MAX_BANNER_WORDS:
        return None
    lexicon = patterns()
    kind = lexicon.whole.get(line) or lexicon.whole.get(_bare(line))
    if kind:
        return kind, False
    if words <= MAX_TITLE_WORDS and not line.endswith(TERMINAL_AFTER_TITLE):
        for phrase, kind in lexicon.starts.get(line[:2], ()):
            if _starts_with(line, phrase):
                return kind, bool(WORD.search(line[len(phrase) :]))
    hit = lexicon.contained.search(line) if lexicon.contained else None
    if hit:
        return lexicon.contained_kinds[hit.group()], False
    shape = _structural(line, words)
    return (shape, False) if shape else None


def _structural(line: str, words: int) -> str | None:
    """Tag lines, breadcrumbs and page numbers, recognised by their shape."""
    tags = HASHTAG.findall(line)
    if len(tags) >= 2 and len(tags) * 2 >= words:
        return "tag-line"
    parts = [p for p in SEPARATORS.split(line) if p]
    if len(parts) >= 3 and parts[0] in breadcrumb_roots() and words <= 20:
        return "breadcrumb"
    tokens = WORD.findall(line)
    numbers = sum(1 for t in tokens if t.isdigit())
    if PAGE_OF.match(line) or (
        numbers >= 2 and numbers < len(tokens) and all(t.isdigit() or t in NAV_WORDS for t in tokens)
    ):
        return "pagination"
    return None


@register
class ScrapeResidue(Check):
    """What it finds: leftovers of the page template in the article body: comment widgets
    ("Leave a Reply", "No comments yet", "发表评论", "还没有评论"), injected related links
    ("See also <title>", "Related: <title>", "Read more"), image placeholders ("[image]",
    "随机图片", "Image source: ..."), tag lines ("Tags: #a #b"), share, subscribe and cookie
    banners, breadcrumbs, author boxes and pagination, in English, Chinese, Spanish, French,
    German, Portuguese and Russian. Only short standalone blocks or lines are judged: the same
    words inside a sentence of prose are not residue.

    Why it matters: template text in the body is the clearest sign of a careless scrape or
    copy-paste. It interrupts the article, misleads readers ("See also" links to unrelated
    pages) and search engines treat such pages as low quality.

    Example: a line "See also  Can mirtazapine make you tired" between two paragraphs, or
    "发表评论" / "评论列表" at the end of an English article.

    In an HTML page, page chrome around the article (comment counts, share buttons,
    breadcrumbs, banners, pagination) that the extractor let through is reported at info:
    the page itself may be fine. Other page furniture is reported at info in any format:
    copyright, privacy and disclaimer notices, order, shipping and refund terms, customer
    testimonials, promotions of the site itself ("Call us at 1-800-...", "Printer-friendly
    page"), navigation rows ("Home | About Us | Contact Us") and runs of short link titles,
    news-feed items ("... and more »") and product ingredient lists. These may be long
    blocks, recognised by their phrases and their form; the off-topic check leaves them out.

    How to fix: delete the line. If the text comes from a scraper, fix the extraction so it
    keeps the article element only. The lexicons are `checks/data/residue_<language>.txt`
    and, for page furniture, `checks/data/furniture_en.txt`.
    """

    id = "scrape-residue"
    category = "boilerplate"
    severity = Severity.WARNING
    summary = "Page-template leftovers (comment widgets, related links, tags, banners) in the body"

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        furniture = {document.blocks[i].start: kind for i, kind in shared_furniture_blocks(document, analysis).items()}
        for unit in units(document):
            if unit.block.kind == "table-cell" or not standalone(document, unit):
                continue
            text = unit.text(document)
            found = classify(text)
            if found is None:
                kind = furniture.get(unit.start) if unit.whole_block else furniture_kind(text)
                if kind:
                    yield Finding(self.id, f"{FURNITURE_KINDS[kind]} in the article body", unit.start, unit.end,
                                  severity=Severity.INFO, suggestion="remove this page text from the article")
                continue
            kind, titled = found
            chrome = kind in CHROME or (kind == "related-link" and not titled)
            yield Finding(
                self.id,
                f"{KINDS[kind]} left in the article body",
                unit.start,
                unit.end,
                severity=Severity.INFO if chrome and document.meta.format == "html" else None,
                suggestion="remove this page-template text",
            )
