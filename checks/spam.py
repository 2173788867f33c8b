"""Sales spam: commercial calls to action, price promotions, order hotlines, casino and crypto ads."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar, NamedTuple

from checks._hygiene import WORD, lexicon_lines, lexicon_sections, standalone, units
from linter.document import Document
from linter.findings import Finding, Severity
from linter.nlp import Analysis
from linter.registry import Check, register

TOKEN = re.compile(
    r"(?P<phone>(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d))"
    r"|(?P<price>[$€£]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:[.,]\d+)?\s?(?:€|£|usd|eur)(?!\w))"
    r"|(?P<percent>\d+(?:[.,]\d+)?\s?%)"
    r"|(?P<word>[^\W_]+(?:['’][^\W_]+)*)",
    re.IGNORECASE,
)
KINDS = {
    "call-to-action": "Sales call to action",
    "price": "Price promotion",
    "hotline": "Order hotline",
    "gambling-crypto": "Gambling or crypto promotion",
}
DIGIT = re.compile(r"\d")
# a phrase in double quotes inside a sentence is mentioned, not urged on the reader
QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
PLACEHOLDERS = ("{price}", "{percent}", "{phone}")
MAX_STANDALONE_WORDS = 8
MAX_SALES_LINE_WORDS = 6


class Token(NamedTuple):
    text: str  # lowercased word, or a placeholder: {price}, {percent}, {phone}
    start: int
    end: int


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    kind: str
    standalone_only: bool


@lru_cache(maxsize=1)
def phrases_by_first_word() -> dict[str, list[Phrase]]:
    index: dict[str, list[Phrase]] = {}
    for section, lines in lexicon_sections("spam_phrases.txt").items():
        kind, _, mode = section.partition(" ")
        if kind not in KINDS or mode not in ("", "standalone"):
            raise ValueError(f"spam_phrases.txt: unknown section [{section}]")
        for line in lines:
            words = tuple(
                w for part in line.split() for w in ([part] if part in PLACEHOLDERS else [t.text for t in tokens(part)])
            )
            index.setdefault(words[0], []).append(Phrase(words, kind, mode == "standalone"))
    for found in index.values():
        found.sort(key=lambda p: -len(p.words))  # longest match first
    return index


@lru_cache(maxsize=1)
def sales_line_words() -> tuple[frozenset[str], frozenset[str]]:
    sections = lexicon_sections("spam_standalone.txt")
    return frozenset(sections["verbs"]), frozenset(sections["modifiers"])


def tokens(text: str, base: int = 0) -> list[Token]:
    if not DIGIT.search(text):  # no price, percent or phone: plain words suffice
        return [
            Token(m.group().lower().replace("’", "'"), base + m.start(), base + m.end())
            for m in WORD.finditer(text)
        ]
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup or "word"
        value = m.group().lower().replace("’", "'") if kind == "word" else "{" + kind + "}"
        out.append(Token(value, base + m.start(), base + m.end()))
    return out


@lru_cache(maxsize=65536)
def forms(word: str) -> tuple[str, ...]:
    """The word and the bases it may be an inflection of: "ordering" -> order, orderinge, ..."""
    found = [word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            found.append(word[: -len(suffix)] + repl)
    return tuple(found)


def _matches(phrase: Phrase, toks: list[Token], i: int) -> bool:
    if i + len(phrase.words) > len(toks):
        return False
    return all(want in forms(toks[i + k].text) for k, want in enumerate(phrase.words))


def find_phrases(toks: list[Token], standalone: bool) -> Iterator[tuple[Phrase, int, int]]:
    """(phrase, start, end) of each lexicon phrase in the tokens, longest first, no overlaps."""
    index = phrases_by_first_word()
    i = 0
    while i < len(toks):
        hit = None
        for form in forms(toks[i].text):
            for phrase in index.get(form, ()):
                if (standalone or not phrase.standalone_only) and _matches(phrase, toks, i):
                    hit = phrase
                    break
            if hit:
                break
        if hit is None:
            i += 1
            continue
        yield hit, toks[i].start, toks[i + len(hit.words) - 1].end
        i += len(hit.words)


@lru_cache(maxsize=1)
def not_imperative() -> frozenset[str]:
    return frozenset(lexicon_lines("spam_not_imperative.txt"))


def is_statement(toks: list[Token], start: int) -> bool:
    """"you can buy now": a phrase after a modal, pronoun or "to" describes, it does not sell."""
    before = [t for t in toks if t.end <= start]
    return bool(before) and before[-1].text in not_imperative()


def is_sales_line(toks: list[Token], text: str) -> bool:
    """A short line that opens with a sales verb and carries a sales word: "Buy Xanax Online"."""
    verbs, modifiers = sales_line_words()
    if not toks or len(toks) > MAX_SALES_LINE_WORDS or text.rstrip().endswith("."):
        return False
    return toks[0].text in verbs and any(t.text in modifiers for t in toks[1:])


def quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a pair of double quotes of ``text``."""
    return any(m.start() < start and end <= m.end() for m in QUOTED.finditer(text))


@register
class SpamCta(Check):
    """What it finds: commercial calls to action and sales language in an article: "buy now",
    "order now", "add to cart", "shop now", "click here to buy", "limited time offer",
    "50% off", "free shipping", "discount code", price promotions ("only $19.99"), order
    hotlines, "no prescription needed", and casino, betting and crypto promotions. Words are
    matched whole, with their inflections, never as substrings. A standalone line or heading
    ("buy now" on its own line, "Buy Xanax Online") is an error; the same phrase inside a
    sentence is a warning. Phrases that are ordinary English in a sentence ("compare
    pharmacies for the lowest price", "available without a prescription") count only as
    standalone lines, and "buy time", "you can buy ibuprofen at any pharmacy" and health calls
    to action ("call 911", "see your doctor", "get vaccinated") are never spam. A phrase in
    double quotes inside a sentence ('adverts that shout "buy now"') is a mention, not a call.

    Why it matters: sales copy inside a health article means the text serves a seller, not
    the reader. Readers and search engines discount the whole page, and "no prescription
    needed" offers point to unsafe, often counterfeit medicines.

    Example: a line "buy now" under the title of an article on withdrawal symptoms, or
    "Order today and get 50% off with discount code HEALTH".

    How to fix: remove the call to action. If the article must mention a product, describe
    it neutrally and link to independent information. The lexicons are
    `checks/data/spam_phrases.txt` and `checks/data/spam_standalone.txt`.
    """

    id = "spam-cta"
    category = "spam"
    severity = Severity.ERROR
    summary = "Sales call to action, price promotion or casino/crypto advert in the article"
    languages: ClassVar[frozenset[str]] = frozenset({"en"})  # the lexicon is English

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        for unit in units(document):
            text = unit.text(document)
            toks = tokens(text, unit.start)
            alone = unit.block.kind == "heading" or (
                unit.block.kind != "table-cell"
                and len(toks) <= MAX_STANDALONE_WORDS
                and standalone(document, unit)
            )
            hits = [h for h in find_phrases(toks, alone)
                    if alone or not (is_statement(toks, h[1]) or quoted(text, h[1] - unit.start, h[2] - unit.start))]
            for phrase, start, end in hits:
                where = "a standalone line" if alone else "a sentence"
                yield Finding(
                    self.id,
                    f"{KINDS[phrase.kind]} in {where}: {document.text[start:end]!r}",
                    start,
                    end,
                    severity=None if alone else Severity.WARNING,
                    suggestion="remove the sales language",
                )
            if not hits and alone and is_sales_line(toks, text):
                yield Finding(
                    self.id,
                    "Sales call to action in a standalone line",
                    unit.start,
                    unit.end,
                    suggestion="remove the sales language",
                )
