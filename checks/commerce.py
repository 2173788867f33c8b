"""Commercial content: an article whose sales vocabulary is far denser than editorial text's."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checks._data import weighted_patterns
from linter.document import Document
from linter.findings import Finding, Severity
from linter.language import word_count
from linter.nlp import Analysis
from linter.registry import Check, register

# a phrase in double quotes is mentioned ("adverts say 'buy now'"), not used
QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]*>")
SPACES = re.compile(r"\s+")
PRICE = re.compile(r"^[$£€]|\d\s?(?:usd|dollars)$", re.IGNORECASE)
EXTRA_KIND = "extra"
TOP_PHRASES = 5


@dataclass(frozen=True)
class Term:
    kind: str
    weight: int
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    kind: str
    weight: int
    text: str


@lru_cache(maxsize=1)
def lexicon() -> tuple[Term, ...]:
    # the lexicon is lower case and matched on lower-cased text (faster than IGNORECASE)
    return tuple(Term(kind, weight, re.compile(pattern, re.MULTILINE))
                 for kind, pairs in weighted_patterns("commerce_terms.txt").items() for weight, pattern in pairs)


def hits(text: str, terms: Iterable[Term]) -> list[Hit]:
    """Sales terms in ``text``, overlaps resolved to the longest match, quoted mentions left out."""
    text = text.lower()
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    found = [
        Hit(m.start(), m.end(), t.kind, t.weight, m.group(0))
        for t in terms
        for m in t.pattern.finditer(text)
        if m.end() > m.start() and not any(s <= m.start() and m.end() <= e for s, e in quoted)
    ]
    found.sort(key=lambda h: (h.start, -(h.end - h.start), -h.weight))
    kept: list[Hit] = []
    for hit in found:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def prose_parts(document: Document) -> Iterator[str]:
    """The article's blocks, without quotations (an article may quote an advert to debunk it)."""
    for block in document.blocks:
        if block.kind != "quote":
            yield document.block_text(block)


def page_link_labels(document: Document) -> list[str]:
    """The distinct labels of an HTML page's links that are not part of the article's prose:
    the shop's own menu ("Order now", "View cart", "Testimonials"), each counted once."""
    if document.meta.format != "html":
        return []
    labels: dict[str, str] = {}
    for m in ANCHOR.finditer(document.source):
        label = SPACES.sub(" ", html.unescape(TAG.sub(" ", m.group(1)))).strip()
        if label and label.lower() not in labels and label not in document.text:
            labels[label.lower()] = label
    return list(labels.values())


def top_phrases(found: list[Hit]) -> str:
    """The phrases that weigh most, with how often each occurs; currency amounts as one."""
    weights: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for hit in found:
        phrase = "currency amounts" if PRICE.search(hit.text) else f"'{SPACES.sub(' ', hit.text.lower())}'"
        weights[phrase] += hit.weight
        counts[phrase] += 1
    ranked = sorted(weights, key=lambda p: (-weights[p], p))[:TOP_PHRASES]
    return ", ".join(f"{phrase} ×{counts[phrase]}" for phrase in ranked)


@register
class CommercialContent(Check):
    """What it finds: an article that reads as a sales page: its sales vocabulary per 1,000
    words (prices, "order now", cart and checkout, shipping, discounts and coupons, money-back
    guarantees, testimonials, "limited time", product pitch such as "clinically proven" or
    "our formula") is far above what editorial health writing has, and comes in at least two
    kinds (a news story full of prices is not a sales page). For an HTML page the labels of the
    page's own links outside the article count too: a shop's menu ("View cart", "Order now",
    "Wholesale") tells what the page is for. Terms are weighted (a cart or a checkout counts
    three, a price one; the weights are in `checks/data/commerce_terms.txt`); quotations and
    phrases in double quotes are mentions, not sales talk. The message gives the density and
    the phrases that weigh most. A page at `error-threshold` or above is an error.

    Why it matters: HONcode asks health sites to tell advertising and sales apart from
    editorial content, and DISCERN asks whether information is balanced. A health article that
    sells the remedy it describes has a conflict of interest the reader cannot see; sales pages
    dressed as articles are the commonest unreliable health pages on the web.

    Example: a page on joint pain with "Order now", "$39.95 per bottle", "free shipping on
    orders over $50", "90-day money-back guarantee" and a block of customer testimonials.

    How to fix: keep sales material out of articles: move prices, ordering and testimonials to
    a clearly separate shop page, declare any commercial interest, and let the article inform.
    Settings: `threshold` (weighted terms per 1,000 words, default 12), `error-threshold`
    (default 36), `min-kinds` (default 2), `min-words` (the density is taken over at least this
    many words, default 400, so a short page is not judged on two words), `extra-phrases`
    (regular expressions of your own, each weighing 1).
    """

    id = "commercial-content"
    category = "spam"
    severity = Severity.WARNING
    languages = frozenset({"en"})  # an English sales vocabulary
    summary = "An article whose sales vocabulary is far denser than editorial text's"
    document_level = True
    options = {"threshold": 12.0, "error-threshold": 36.0, "min-kinds": 2, "min-words": 400, "extra-phrases": []}

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        terms = lexicon() + tuple(
            Term(EXTRA_KIND, 1, re.compile(p, re.IGNORECASE | re.MULTILINE)) for p in settings["extra-phrases"]
        )
        found = [h for part in prose_parts(document) for h in hits(part, terms)]
        found += [h for label in page_link_labels(document) for h in hits(label, terms)]
        kinds = {h.kind for h in found}
        if not found or len(kinds) < int(settings["min-kinds"]):
            return
        words = max(word_count(document.text), int(settings["min-words"]))
        density = 1000 * sum(h.weight for h in found) / words
        if density < float(settings["threshold"]):
            return
        severity = Severity.ERROR if density >= float(settings["error-threshold"]) else None
        yield Finding(
            self.id,
            f"Sales content: {density:.1f} weighted sales terms per 1,000 words (threshold "
            f"{float(settings['threshold']):g}) in {len(kinds)} kinds ({', '.join(sorted(kinds))}); "
            f"top phrases: {top_phrases(found)}",
            severity=severity,
            suggestion="move prices, ordering and testimonials out of the article, or declare the commercial interest",
        )
