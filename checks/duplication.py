"""Duplication: repeated headings, restated sentences and paragraphs, and keyword stuffing."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar, NamedTuple

from checks._hygiene import WORD, lexicon_lines
from linter.document import Block, Document
from linter.findings import Finding, Severity
from linter.nlp import NEED_SENTENCES, Analysis
from linter.registry import Check, register

TOKEN = re.compile(r"[^\s,;:!?()\[\]\"“”‘’]+")
EDGE = re.compile(r"^[^\w+]+|[^\w+%]+$")
NUMBERING = re.compile(r"^\s*(?:\d{1,3}|[ivx]{1,5}|[a-z])[.)]\s+", re.IGNORECASE)
PROSE = ("paragraph", "list-item", "quote")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(lexicon_lines("duplication_stopwords.txt"))


class Word(NamedTuple):
    text: str  # lowercased, curly apostrophe made straight
    start: int
    end: int
    block: int  # index of its block


def words_of(document: Document, analysis: Analysis) -> list[Word]:
    """Every word of the document with its block, computed once for the family."""
    cached = analysis.cache.get("duplication.words")
    if cached is None:
        cached = []
        for i, block in enumerate(document.blocks):
            body = document.text[block.start : block.end]
            for m in WORD.finditer(body):
                cached.append(Word(m.group().lower().replace("’", "'"), block.start + m.start(),
                                   block.start + m.end(), i))
        analysis.cache["duplication.words"] = cached
    return cached


def line_of(document: Document, offset: int) -> int:
    return document.source_map.line_of_text(offset)


# ---------------------------------------------------------------- duplicate-heading


def heading_key(text: str) -> str:
    return " ".join(WORD.findall(NUMBERING.sub("", text).lower()))


@register
class DuplicateHeading(Check):
    """What it finds: a heading that repeats the one right before it, or (in Markdown and HTML,
    where heading levels are marked up) an earlier heading of the same level within the same
    section; case, numbering and punctuation are ignored. Plain text has no marked-up levels,
    its headings are guessed from short lines, so there only back-to-back repeats count.

    Why it matters: a doubled heading is a sign of a broken template or a careless paste, and
    two sections with one name leave readers unsure which one they need.

    Example: "Managing Back Pain" followed at once by "Managing Back Pain" again.

    How to fix: delete the repeated heading, or rename one of the two sections.
    """

    id = "duplicate-heading"
    category = "duplication"
    severity = Severity.WARNING
    summary = "A heading repeated back to back or within the same section"

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        # open sections, outermost first: (level, headings seen directly inside it -> offset)
        sections: list[tuple[int, dict[str, int]]] = [(0, {})]
        previous: tuple[Block, str] | None = None
        for index, block in enumerate(document.blocks):
            if block.kind != "heading":
                previous = None
                continue
            key = heading_key(document.block_text(block))
            if not key:
                continue
            level = 1 if index == 0 and document.meta.format == "txt" else max(block.level, 1)
            while sections[-1][0] >= level:
                sections.pop()
            siblings = sections[-1][1]
            if previous is not None and previous[1] == key:
                yield self._finding(document, block, previous[0].start, "right after itself")
            elif key in siblings and document.meta.format != "txt":
                yield self._finding(document, block, siblings[key], "in the same section")
            siblings.setdefault(key, block.start)
            sections.append((level, {}))
            previous = (block, key)

    def _finding(self, document: Document, block: Block, earlier: int, where: str) -> Finding:
        return Finding(
            self.id,
            f"Heading repeated {where} (first on line {line_of(document, earlier)})",
            block.start,
            block.end,
            suggestion="remove the repeated heading or rename the section",
        )


# ---------------------------------------------------------------- near-duplicate


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    block: int
    tokens: frozenset[str]


def _passages(document: Document, analysis: Analysis, min_words: int) -> list[Passage]:
    """Sentences of prose blocks with at least ``min_words`` content words."""
    stop = stopwords()
    out: list[Passage] = []
    block_index = {b.start: i for i, b in enumerate(document.blocks)}
    starts = sorted(block_index)
    for start, end in analysis.sentences:
        pos = bisect.bisect_right(starts, start) - 1
        if pos < 0:
            continue
        index = block_index[starts[pos]]
        if document.blocks[index].kind not in PROSE:
            continue
        raw = [EDGE.sub("", t) for t in TOKEN.findall(document.text[start:end])]
        tokens = [t for t in raw if t]
        if _is_reference(tokens):
            continue
        content = frozenset(t.lower() for t in tokens if t.lower() not in stop)
        if len(content) >= min_words:
            out.append(Passage(start, end, index, content))
    return out


def _is_reference(tokens: list[str]) -> bool:
    """A citation, an organisation or a list of names: mostly capitalised words, or "et al"."""
    words = [t for t in tokens if t[:1].isalpha()]
    if not words:
        return True
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised * 10 >= len(words) * 6 or "al" in words and "et" in words


def similar_pairs(passages: list[Passage], threshold: float) -> Iterator[tuple[int, int, float]]:
    """(earlier, later, Jaccard similarity) of passage pairs at or above the threshold.

    Prefix filtering: with tokens ordered rarest first, two sets with Jaccard >= t share a
    token among the first |s| - ceil(t * |s|) + 1 of each, so only those are indexed.
    """
    frequency = Counter(t for p in passages for t in p.tokens)
    index: dict[str, list[int]] = defaultdict(list)
    for j, passage in enumerate(passages):
        ordered = sorted(passage.tokens, key=lambda t: (frequency[t], t))
        prefix = ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1]
        candidates = sorted({i for t in prefix for i in index[t]})
        for i in candidates:
            other = passages[i]
            small, large = sorted((len(other.tokens), len(passage.tokens)))
            if small < threshold * large:
                continue
            score = len(other.tokens & passage.tokens) / len(other.tokens | passage.tokens)
            if score >= threshold:
                yield i, j, score
        for t in prefix:
            index[t].append(j)


@register
class NearDuplicate(Check):
    """What it finds: a sentence that restates an earlier sentence of the same article, word
    for word or nearly (the share of content words the two have in common, Jaccard, at or
    above `threshold`, default 0.8), among sentences of at least `min-words` content words
    (default 8). Citations and lines of names (mostly capitalised words, "et al.") are not
    compared: reference lists repeat publishers by nature. Consecutive restated sentences are
    reported as one passage. The finding
    points at the later copy and names the line of the earlier one.

    Why it matters: repeated passages pad an article, a sign of spun or machine-assembled
    text, and readers who meet the same sentence twice stop trusting the rest.

    Example: "Staying in bed for days is rarely a good idea." in the first section and again,
    unchanged, three sections later.

    How to fix: delete the later copy, or say something new there.
    """

    id = "near-duplicate"
    category = "duplication"
    severity = Severity.WARNING
    needs = frozenset({NEED_SENTENCES})
    summary = "A sentence or passage that restates an earlier one"
    languages: ClassVar[frozenset[str]] = frozenset({"en"})  # thresholds tuned on English
    options: ClassVar[Mapping[str, Any]] = {"threshold": 0.8, "min-words": 8}

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        passages = _passages(document, analysis, int(settings["min-words"]))
        best: dict[int, tuple[int, float]] = {}
        for i, j, score in similar_pairs(passages, float(settings["threshold"])):
            if j not in best or score > best[j][1]:
                best[j] = (i, score)
        runs: list[tuple[int, int, int, float]] = []  # (first later, last later, first earlier, score)
        for j in sorted(best):
            i, score = best[j]
            if runs and runs[-1][1] == j - 1 and passages[j].block == passages[j - 1].block:
                first, _, earlier, low = runs[-1]
                runs[-1] = (first, j, earlier, min(low, score))
            else:
                runs.append((j, j, i, score))
        for first, last, earlier, score in runs:
            kind = "Restates" if score < 1 else "Repeats"
            yield Finding(
                self.id,
                f"{kind} the passage on line {line_of(document, passages[earlier].start)} "
                f"(similarity {score:.2f})",
                passages[first].start,
                passages[last].end,
                suggestion="remove the repetition",
            )


# ---------------------------------------------------------------- keyword-stuffing


@dataclass(frozen=True)
class Stuffed:
    phrase: tuple[str, ...]
    positions: list[int]  # word index of each occurrence


def _phrases(words: list[Word], sizes: range, min_count: int) -> dict[tuple[str, ...], list[int]]:
    """Phrases of the given sizes occurring at least ``min_count`` times, with their word indexes.

    A phrase occurs at most as often as its first ``sizes.start`` words, so only the positions
    where that prefix repeats enough are expanded.
    """
    stop = stopwords()
    texts = [w.text for w in words]
    first = sizes.start
    prefixes = Counter(tuple(texts[i : i + first]) for i in range(len(texts) - first + 1))
    starts = [i for i in range(len(texts) - first + 1) if prefixes[tuple(texts[i : i + first])] >= min_count]
    found: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n in sizes:
        for i in starts:
            if i + n > len(words):
                continue
            gram = words[i : i + n]
            if gram[0].block != gram[-1].block or gram[0].text in stop or gram[-1].text in stop:
                continue
            if any(w.text.isdigit() for w in gram):
                continue
            found[tuple(texts[i : i + n])].append(i)
    return {k: v for k, v in found.items() if len(v) >= min_count}


def _densest(document: Document, words: list[Word], positions: list[int]) -> list[int]:
    """The occurrences in the block that holds the most of them (prose before headings, then
    the earliest such block)."""
    per_block: dict[int, list[int]] = defaultdict(list)
    for p in positions:
        per_block[words[p].block].append(p)
    return max(
        per_block.values(),
        key=lambda ps: (len(ps), document.blocks[words[ps[0]].block].kind in PROSE, -ps[0]),
    )


@register
class KeywordStuffing(Check):
    """What it finds: an exact phrase of `min-length` to 6 words (default 4; first and last
    word not a function word) repeated far above natural density: at least `min-count` times
    (default 6) and `density` times per 1,000 words (default 8) when it repeats the title's
    key phrase (twice that density otherwise), or `local-count` times (default 4) inside one
    paragraph for a phrase of content words only. Natural writing repeats a term ("breast
    cancer"), rarely a four-word phrase. The finding names the phrase, the count and the
    density, and points at the densest stretch: the paragraph (or heading) holding the most
    occurrences, from the first to the last.

    Why it matters: stuffing a search phrase into every sentence makes text unreadable and is
    penalised by search engines as spam; on a health page it signals that ranking came first
    and the reader second.

    Example: "Looking for the best back pain relief? ... our best back pain relief guide lists
    the best back pain relief products ..."

    How to fix: use the phrase once or twice where it reads naturally; elsewhere say "it",
    use a synonym, or describe the specific thing.
    """

    id = "keyword-stuffing"
    category = "duplication"
    severity = Severity.WARNING
    summary = "A phrase repeated far above natural density"
    languages: ClassVar[frozenset[str]] = frozenset({"en"})  # the function-word list is English
    options: ClassVar[Mapping[str, Any]] = {
        "min-length": 4, "min-count": 6, "density": 8.0, "local-count": 4,
    }

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        words = words_of(document, analysis)
        if not words:
            return
        total = len(words)
        stop = stopwords()
        title = {w.lower().replace("’", "'") for w in WORD.findall(document.title or "")}
        flagged: list[Stuffed] = []
        least = min(int(settings["min-count"]), int(settings["local-count"]))
        for phrase, positions in _phrases(words, range(int(settings["min-length"]), 7), least).items():
            count = len(positions)
            per_block = Counter(words[p].block for p in positions)
            density = count * 1000 / total
            content = [w for w in phrase if w not in stop]
            in_title = sum(1 for w in content if w in title) * 4 >= len(content) * 3
            overall = count >= settings["min-count"] and density >= settings["density"] * (1 if in_title else 2)
            local = max(per_block.values()) >= settings["local-count"] and len(content) == len(phrase)
            if overall or local:
                flagged.append(Stuffed(phrase, positions))
        for item in _maximal(flagged):
            count = len(item.positions)
            here = _densest(document, words, item.positions)
            start = words[here[0]].start
            end = words[here[-1] + len(item.phrase) - 1].end
            text = " ".join(item.phrase)
            yield Finding(
                self.id,
                f"'{text}' appears {count} times ({count * 1000 / total:.1f} per 1,000 words; "
                f"{len(here)} in this passage)",
                start,
                end,
                suggestion="use the phrase once or twice; vary the wording elsewhere",
            )


def _maximal(items: list[Stuffed]) -> list[Stuffed]:
    """Drop a phrase contained in a longer flagged phrase that occurs about as often."""
    keep = []
    for item in items:
        inner = " ".join(item.phrase)
        covered = any(
            len(other.phrase) > len(item.phrase)
            and f" {inner} " in f" {' '.join(other.phrase)} "
            and len(other.positions) * 10 >= len(item.positions) * 8
            for other in items
        )
        if not covered:
            keep.append(item)
    return sorted(keep, key=lambda s: s.positions[0])
