"""Off-topic passages: a paragraph whose subject is not the article's subject."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from linter.document import Document
from linter.findings import Finding, Severity
from linter.nlp import NEED_TEXT, Analysis
from linter.registry import Check, register

# The check judges health articles: an article whose words, taken together, are far from the
# health domain (a news story, a product page) is not judged.
MIN_ARTICLE_HEALTH = 0.2
# Tuned on benchmarks/offtopic.py and the corpus (see benchmarks/RESULTS.md). A passage unusual
# within its article must also be semantically distant: never flagged when its static-vector
# similarity to the rest of the article, or to its closest sibling passage, is this high.
MAX_SEMANTIC = 0.55
MAX_NEAREST = 0.7
# A passage that shares almost no words with the article and is semantically far is flagged
# with a smaller margin (short articles give few passages to compare with); so is one that
# shares almost no rare words with it, whatever its vectors say.
FAR_Z, FAR_SEMANTIC, FAR_SHARED = 1.75, 0.4, 0.2
FOREIGN_Z, FOREIGN_LEXICAL, FOREIGN_SHARED = 1.5, 0.05, 0.15
# The article's most distant passage needs a little less evidence; as the first or last passage
# (an introduction or conclusion shares fewer words) it must share less of its rare words.
OUTLIER_Z, OUTLIER_LEXICAL, OUTLIER_SHARED, OUTLIER_EDGE_SHARED = 2.0, 0.06, 0.3, 0.25
# A "when to see a doctor" section is on topic, unless its passage is on no health subject at all
# and shares almost none of the article's words.
CARE_FOREIGN_HEALTH, CARE_FOREIGN_SHARED = 0.15, 0.25
# A short paragraph is judged against the whole article, and only when it is plainly English
# prose on no health subject that uses almost none of the article's words and none of its key terms.
SHORT_WORDS, SHORT_MAX_HEALTH, SHORT_MAX_SHARED, SHORT_MIN_ENGLISH = 12, 0.05, 0.2, 0.2
SHORT_MIN_ARTICLE_HEALTH = 0.3  # "no health subject" tells something only in a health article
SHORT_KEY_TERMS = 8


@register
class OffTopic(Check):
    """What it finds: a paragraph, or a section of short blocks, whose subject is not the
    article's. The subject comes from the title and the whole article; every passage is scored
    against the title and the rest of the article (rare-word overlap and static word vectors
    distilled from a MiniLM sentence model) and flagged when it is far from the subject compared
    with the article's other passages, not against one global cut-off. Headings and list items
    are judged with their section; a short paragraph is flagged only when it is plainly
    unrelated (no health subject, none of the article's key words). The first and last passages
    (introduction, conclusion) need a wider margin, and sections such as "When to see a doctor"
    are flagged only when they are on no health subject at all. Page furniture (copyright and
    disclaimer notices, order terms, testimonials, navigation, feed items; `scrape-residue`
    reports it) and reference entries are neither judged nor part of the article's subject.
    The message names the passage's top terms and the article's. An
    article that is not about health at all (its words taken together are far from the health
    domain) is not judged.

    Why it matters: scraped and spun health pages carry paragraphs about something else
    entirely (fertility charting in a back-spasm article, a casino promotion in an
    antidepressant article). Readers are misled and the page loses their trust.

    Example: in an article on low back muscle spasms, "If you don't understand when you
    ovulated, you will discover that it's much harder to follow your symptoms ... individuals who
    are using fertility charting."

    How to fix: delete the passage, or move it to an article on its subject. If it belongs,
    connect it to the article's subject in its own words.
    Settings: `z-threshold` (how unusual a passage must be; default 3.0), `edge-z-threshold`
    (for the first and last passage; default 3.5), `min-words` (blocks shorter than
    this are judged with their section; default 30), `min-passages` (articles with fewer
    passages are not judged; default 4).
    """

    id = "off-topic"
    category = "off-topic"
    languages = frozenset({"en"})  # English stop words and vectors
    severity = Severity.WARNING
    needs = frozenset({NEED_TEXT})
    summary = "A passage whose subject is not the article's subject"
    options: ClassVar[Mapping[str, Any]] = {
        "z-threshold": 3.0,
        "edge-z-threshold": 3.5,
        "min-words": 30,
        "min-passages": 4,
    }

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        from checks._topic_scoring import article_terms, score_passage, score_units, whole_article
        from checks._topic_units import is_care_heading, is_edge_heading, page_furniture, split_units

        min_words = int(settings["min-words"])
        furniture = page_furniture(document, analysis)
        units = split_units(document, min_words, furniture)
        judged = [i for i, u in enumerate(units) if u.words >= min_words]
        if len(judged) < int(settings["min-passages"]):
            return
        title = document.title or ""
        prose = "\n\n".join(document.block_text(b) for i, b in enumerate(document.blocks) if i not in furniture)
        article = whole_article(prose, units, title)
        if article.health < MIN_ARTICLE_HEALTH:
            return  # not a health article: its passages are not judged against a health subject
        edges = {judged[0], judged[-1]}
        flagged: list[tuple[int, int, list[str]]] = []
        scores = score_units(units, title, judged)
        lowest = min(score.z for score in scores)
        for i, score in zip(judged, scores, strict=True):
            unit = score.unit
            if is_care_heading(unit.heading) and not (score.health < CARE_FOREIGN_HEALTH
                                                      and score.shared < CARE_FOREIGN_SHARED):
                continue
            edge = i in edges or is_edge_heading(unit.heading)
            limit = float(settings["edge-z-threshold"] if edge else settings["z-threshold"])
            unusual = score.z < -limit and score.semantic < MAX_SEMANTIC and score.nearest < MAX_NEAREST
            far = score.z < -FAR_Z and score.semantic < FAR_SEMANTIC and score.shared < FAR_SHARED
            foreign = score.z < -FOREIGN_Z and score.lexical < FOREIGN_LEXICAL and score.shared < FOREIGN_SHARED
            outlier = (score.z == lowest and score.z < -OUTLIER_Z and score.lexical < OUTLIER_LEXICAL
                       and score.shared < (OUTLIER_EDGE_SHARED if edge else OUTLIER_SHARED))
            if unusual or far or foreign or outlier:
                flagged.append((unit.start, unit.end, score.top_terms))
        for i, block in enumerate(document.blocks):
            text = document.block_text(block)
            if i in furniture or block.kind not in ("paragraph", "quote"):
                continue
            if not SHORT_WORDS <= len(text.split()) < min_words:
                continue
            heading = next((u.heading for u in units if u.start <= block.start < u.end), "")
            if is_care_heading(heading):
                continue
            if article.health < SHORT_MIN_ARTICLE_HEALTH:
                break
            passage = score_passage(text, article, SHORT_KEY_TERMS)
            if (passage.health < SHORT_MAX_HEALTH and passage.shared < SHORT_MAX_SHARED
                    and passage.english >= SHORT_MIN_ENGLISH and not passage.key_terms_shared):
                flagged.append((block.start, block.end, passage.top_terms))
        if not flagged:
            return
        subject = ", ".join(article_terms(units, title, 4))
        for start, end, terms in sorted(flagged):
            message = f"Passage seems to be about {', '.join(terms)}, while the article is about {subject}"
            yield Finding(self.id, message, start, end)
