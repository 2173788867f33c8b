"""The per-document pass the medical-claim and professional-advice checks share.

Every sentence is analysed once (claims, support, referrals, advice) and the result is kept in
``analysis.cache`` under ``CACHE_KEY``, whichever of the five checks runs first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checks._advice_detection import (
    advice_in_sentence,
    discouraged_referral_is_advice,
    has_red_flag,
    medical_distrust,
    medicine_change,
    referral_kind,
    risk_denial,
)
from checks._claim_detection import SentenceClaim, claims_in_sentence, strongest
from checks._furniture import shared_furniture_blocks
from checks._health_lexicons import Lexicons, lexicons, matches_any
from linter.document import Block, Document
from linter.nlp import Analysis

if TYPE_CHECKING:
    from spacy.tokens import Span

CACHE_KEY = "health-claims"
OTHER_ADVICE_MIN_CLAIMS = 2
HEALTH_SENTENCES = 3
LINK = re.compile(r"""<a\b[^>]*?href\s*=\s*["']?([^"'\s>]+)[^>]*>(.*?)</a>|\[([^\]]*)\]\(([^)\s]+)[^)]*\)|<(https?://[^>\s]+)>""",
                  re.IGNORECASE | re.DOTALL)
COMMERCE_LINK = re.compile(r"shop|store|cart|basket|checkout|buy|order|product|affiliate|amzn|amazon|coupon|promo",
                           re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    claim: SentenceClaim
    supported: bool


@dataclass(frozen=True)
class Advice:
    start: int
    end: int
    kind: str  # medicine-change | discouraged-referral | risk-denial | distrust
    detail: str


@dataclass
class HealthAnalysis:
    claims: list[Claim] = field(default_factory=list)
    dangerous: list[Advice] = field(default_factory=list)
    referrals: int = 0
    discouraged_referrals: int = 0
    advice_sentences: int = 0
    sourced_paragraphs: int = 0
    red_flags: bool = False


def _supported_blocks(document: Document, lex: Lexicons) -> set[int]:
    """Indexes of the blocks that cite a source: a citation, a named source or a link."""
    supported: set[int] = set()
    for i, block in enumerate(document.blocks):
        if matches_any(lex.sources, document.block_text(block)) or _has_link(document, block):
            supported.add(i)
    return supported


def _has_link(document: Document, block: Block) -> bool:
    """A link in the block's source, other than one to a shop, a cart or a product page."""
    if document.meta.format not in ("html", "md"):
        return False
    start, end = document.source_map.source_span(block.start, block.end)
    links = [" ".join(g for g in m.groups() if g) for m in LINK.finditer(document.source[start:end])]
    return any(not COMMERCE_LINK.search(link) for link in links)


def _block_index(document: Document, offset: int) -> int | None:
    for i, block in enumerate(document.blocks):
        if block.start <= offset < block.end:
            return i
    return None


def _sentence_spans(analysis: Analysis) -> list[tuple[int, int, Span]]:
    doc = analysis.doc
    spans = []
    for start, end in analysis.sentences:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            spans.append((start, end, span))
    return spans


def _about_health(spans: list[tuple[int, int, Span]], lex: Lexicons) -> bool:
    """Whether at least HEALTH_SENTENCES sentences name a health condition."""
    count = 0
    for _, _, sent in spans:
        if lex.conditions.in_words([t.lemma_.lower() for t in sent], [t.lower_ for t in sent]):
            count += 1
            if count >= HEALTH_SENTENCES:
                return True
    return False


def analyse(document: Document, analysis: Analysis, strict: bool = False) -> HealthAnalysis:
    lex = lexicons()
    result = HealthAnalysis()
    supported = _supported_blocks(document, lex)
    result.sourced_paragraphs = len(supported)
    result.red_flags = has_red_flag(document.text, lex)
    other_advice = 0
    condition_claims = 0  # claims that name a condition: the article is about health
    spans = _sentence_spans(analysis)
    health_context = _about_health(spans, lex)
    # "consult your doctor" inside a site's disclaimer is boilerplate, not advice to the reader
    notices = {i for i, kind in shared_furniture_blocks(document, analysis).items() if kind == "legal-notice"}
    for start, end, sent in spans:
        block = _block_index(document, start)
        heading = block is not None and document.blocks[block].kind == "heading"
        top = None if heading else strongest(claims_in_sentence(sent, lex, strict, health_context))
        if top is not None:
            result.claims.append(Claim(start, end, top, block in supported))
            if lex.conditions.in_words([t.lemma_.lower() for t in sent], [t.lower_ for t in sent]):
                condition_claims += 1
        referral = referral_kind(sent, lex)
        if referral == "referral" and block not in notices:
            result.referrals += 1
        elif referral == "discouraged":
            result.discouraged_referrals += 1
            if discouraged_referral_is_advice(sent):
                result.dangerous.append(Advice(start, end, "discouraged-referral", ""))
        change = medicine_change(sent, lex)
        if change is not None:
            result.dangerous.append(Advice(start, end, "medicine-change", change.text.lower()))
        denial = risk_denial(sent, lex)
        if denial is not None:
            result.dangerous.append(Advice(start, end, "risk-denial", denial.group(0)))
        distrust = medical_distrust(sent, lex)
        if distrust is not None:
            result.dangerous.append(Advice(start, end, "distrust", distrust.group(0)))
        advice = advice_in_sentence(sent, lex)
        if advice == "health":
            result.advice_sentences += 1
        elif advice == "other":
            other_advice += 1
    if condition_claims >= OTHER_ADVICE_MIN_CLAIMS:
        # in an article about health, its other instructions are health advice too
        result.advice_sentences += other_advice
    return result


def health_analysis(document: Document, analysis: Analysis) -> HealthAnalysis:
    """The shared analysis of this document, computed on first use."""
    cached = analysis.cache.get(CACHE_KEY)
    if isinstance(cached, HealthAnalysis):
        return cached
    result = analyse(document, analysis)
    analysis.cache[CACHE_KEY] = result
    return result
