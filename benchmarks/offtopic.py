"""Off-topic check: precision and recall for inserted paragraphs, false positives, and cost.

Builds two test sets from the real health pages in ../shared/benchmarks/pages/sondhi/ by
inserting one paragraph into each page:
- easy: the paragraph comes from a non-health news article (the gold article text in
  ../shared/benchmarks/extraction/ground-truth.json), in English: the check judges English
  articles, and a paragraph in another language is the language check's finding
  (`foreign-fragment`), whose share of those paragraphs is printed apart;
- hard: the paragraph comes from another health page about a different condition, which is
  what spun health pages really contain.
An inserted paragraph counts as found when an off-topic finding overlaps it; any other finding
is a false positive. The untouched pages give the false positives per article; precision is also
printed without the findings on passages that the check already flags on the untouched page
("new false positives"), which separates what the insertion brings from what the page has. The
cost of the stage is its CPU time per 1,000 words on the untouched pages (model load reported
apart).

Usage: python benchmarks/offtopic.py [--seed N] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._shared import require  # noqa: E402
from checks._topic_model import content_words, load_model  # noqa: E402
from checks.language import ForeignFragment  # noqa: E402
from checks.offtopic import OffTopic  # noqa: E402
from linter.document import Document  # noqa: E402
from linter.language import detect  # noqa: E402
from linter.nlp import Analysis  # noqa: E402
from linter.readers import parse_source  # noqa: E402

MIN_HOST_PARAGRAPHS = 4
LONG_PARAGRAPH = 30
DONOR_WORDS = (40, 200)
MAX_HOST_WORDS = 6000
# words that mark a news article as being about health (those are not used as easy donors)
HEALTH_WORDS = re.compile(
    r"\b(health|medical|medicine|patients?|doctors?|disease|hospitals?|cancer|drugs?|symptoms?|"
    r"treatment|virus|vaccines?|clinical|diet|illness|infection|therapy|nurses?|opioid)\b",
    re.IGNORECASE,
)
# title words that name no condition (a hard donor must be about a condition of its own)
GENERIC_TITLE_WORDS = frozenset({
    "information", "home", "remedies", "remedy", "user", "suggested", "frequently", "questions", "comments",
    "news", "daily", "blog", "product", "page", "section", "patient", "overview", "natural", "treatment",
    "treatments", "help", "guide", "success", "stories", "welcome", "health", "medical", "clinical",
    "research", "reviews", "report", "free", "about", "what", "understanding", "relief", "therapy",
    "technique", "method", "wellness", "newsletter", "healing", "cure", "cured", "protocols", "packages",
    "videos",
})


@dataclass
class Host:
    name: str
    title: str
    blocks: list[tuple[str, str]]  # (kind, text)
    words: int


def load_hosts() -> list[Host]:
    hosts: list[Host] = []
    root = require("pages", "sondhi")
    for kind in ("reliable", "unreliable"):
        for path in sorted(root.joinpath(kind).glob("*.html"), key=lambda p: int(p.stem)):
            doc = parse_source(str(path), path.read_text(encoding="utf-8", errors="replace"), "html")
            blocks = [(b.kind, " ".join(doc.block_text(b).split())) for b in doc.blocks]
            long_paragraphs = sum(1 for k, t in blocks if k == "paragraph" and len(t.split()) >= LONG_PARAGRAPH)
            words = len(doc.text.split())
            if long_paragraphs >= MIN_HOST_PARAGRAPHS and words <= MAX_HOST_WORDS and doc.title:
                hosts.append(Host(f"{kind}/{path.stem}", " ".join(doc.title.split()), blocks, words))
    return hosts


def render(host: Host, insert: str | None = None, position: int = 0) -> str:
    """The host as Markdown, with ``insert`` as a paragraph before block ``position``."""
    lines = [f"# {host.title}"]
    for i, (kind, text) in enumerate(host.blocks):
        if insert is not None and i == position:
            lines.append(insert)
        text = re.sub(r"^([#>*+\-]|\d+[.)])", r"\\\1", text)
        if kind == "heading":
            lines.append(f"## {text}")
        elif kind == "list-item":
            lines.append(f"- {text}")
        else:
            lines.append(text)
    if insert is not None and position >= len(host.blocks):
        lines.append(insert)
    return "\n\n".join(lines) + "\n"


def paragraphs(text: str) -> list[str]:
    out = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = " ".join(para.split())
        if DONOR_WORDS[0] <= len(para.split()) <= DONOR_WORDS[1]:
            out.append(para)
    return out


def english(text: str) -> bool:
    languages = detect(text)
    return max(languages, key=lambda k: languages[k]) == "en"


def easy_donors(in_english: bool = True) -> list[str]:
    """Paragraphs of non-health news articles, in English (or, with ``in_english=False``, in any other language)."""
    gold = json.loads(require("extraction", "ground-truth.json").read_text(encoding="utf-8"))
    donors: list[str] = []
    for key in sorted(gold):
        body = gold[key]["articleBody"]
        if len(HEALTH_WORDS.findall(body)) >= 2:
            continue
        donors.extend(p for p in paragraphs(body)[:2] if english(p) == in_english)
    return donors


def condition_words(title: str) -> set[str]:
    return {lemma for _, lemma in content_words(title) if len(lemma) >= 4 and lemma not in GENERIC_TITLE_WORDS}


def hard_donor(host: Host, hosts: list[Host], rng: random.Random) -> str | None:
    """A paragraph of another page that names that page's condition, which the host never names."""
    host_words = {lemma for _, lemma in content_words(host.title + " " + " ".join(t for _, t in host.blocks))}
    host_title = condition_words(host.title)
    candidates = []
    for other in hosts:
        names = condition_words(other.title)
        if other is host or not names or names & host_title or names & host_words:
            continue
        for kind, text in other.blocks:
            if kind != "paragraph" or not DONOR_WORDS[0] <= len(text.split()) <= DONOR_WORDS[1]:
                continue
            if names & {lemma for _, lemma in content_words(text)}:
                candidates.append(text)
    return rng.choice(candidates) if candidates else None


def insert_position(host: Host, rng: random.Random) -> int:
    slots = [i for i, (kind, _) in enumerate(host.blocks) if i > 0 and kind in ("heading", "paragraph")]
    return rng.choice(slots + [len(host.blocks)])


def baseline_findings(doc: Document) -> list[tuple[int, int]]:
    """The plain baseline the issue quotes: tf-idf of each paragraph against the rest, z < -2."""
    paras = [b for b in doc.blocks if b.kind == "paragraph" and len(doc.block_text(b).split()) >= LONG_PARAGRAPH]
    if len(paras) < MIN_HOST_PARAGRAPHS:
        return []
    bags = [Counter(lemma for _, lemma in content_words(doc.block_text(b))) for b in paras]
    df = Counter(k for bag in bags for k in bag)
    vectors = [{k: n * math.log(len(bags) / df[k] + 1) for k, n in bag.items()} for bag in bags]
    total: Counter[str] = Counter()
    for v in vectors:
        total.update(v)

    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        dot = sum(w * b.get(k, 0.0) for k, w in a.items())
        na, nb = math.sqrt(sum(w * w for w in a.values())), math.sqrt(sum(w * w for w in b.values()))
        return dot / (na * nb) if na and nb else 0.0

    sims = [cosine(v, {k: total[k] - v.get(k, 0.0) for k in total}) for v in vectors]
    out = []
    for i, b in enumerate(paras):
        others = sims[:i] + sims[i + 1 :]
        mean = sum(others) / len(others)
        sd = math.sqrt(sum((x - mean) ** 2 for x in others) / len(others)) or 1e-9
        if (sims[i] - mean) / sd < -2.0:
            out.append((b.start, b.end))
    return out


def findings_of(doc: Document) -> list[tuple[int, int]]:
    check = OffTopic()
    settings = dict(OffTopic.options)
    return [(f.start or 0, f.end or 0) for f in check.run(doc, Analysis(doc, frozenset()), settings)]


def foreign_findings_of(doc: Document) -> list[tuple[int, int]]:
    check = ForeignFragment()
    settings = dict(ForeignFragment.options)
    return [(f.start or 0, f.end or 0) for f in check.run(doc, Analysis(doc, frozenset()), settings)]


@dataclass
class Tally:
    inserted: int = 0
    found: int = 0
    findings: int = 0
    false_positives: int = 0
    preexisting: int = 0  # false positives on passages also flagged on the untouched page

    def line(self, name: str) -> str:
        precision = (self.findings - self.false_positives) / self.findings if self.findings else 1.0
        recall = self.found / self.inserted if self.inserted else 0.0
        new = self.findings - self.preexisting
        new_precision = (new - (self.false_positives - self.preexisting)) / new if new else 1.0
        return (f"{name}: {self.inserted} articles, precision {precision:.3f}, recall {recall:.3f} "
                f"({self.found} found, {self.false_positives} false positives of {self.findings} findings); "
                f"precision counting only new false positives {new_precision:.3f}")


def evaluate(name: str, hosts: list[Host], donors: dict[str, str], positions: dict[str, int],
             untouched: dict[str, set[str]], verbose: bool,
             detector: Callable[[Document], list[tuple[int, int]]] = findings_of) -> Tally:
    tally = Tally()
    for host in hosts:
        donor = donors.get(host.name)
        if donor is None:
            continue
        source = render(host, donor, positions[host.name])
        doc = parse_source(f"{host.name}.md", source, "md")
        at = doc.text.find(donor[:60])
        span = (at, at + len(donor))
        spans = detector(doc)
        hit = [s for s in spans if s[0] < span[1] and span[0] < s[1]]
        tally.inserted += 1
        tally.findings += len(spans)
        tally.found += bool(hit)
        tally.false_positives += len(spans) - len(hit)
        tally.preexisting += sum(1 for s in spans if s not in hit and doc.text[s[0]:s[1]] in untouched[host.name])
        if verbose and (not hit or len(spans) > len(hit)):
            print(f"  [{name}] {host.name} {host.title[:50]!r}: inserted {'found' if hit else 'MISSED'}, "
                  f"{len(spans) - len(hit)} false positive(s)")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description="off-topic check benchmark")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    started = time.process_time()
    load_model()
    load_seconds = time.process_time() - started
    hosts = load_hosts()
    rng = random.Random(args.seed)
    easy_pool = easy_donors()
    easy = {h.name: rng.choice(easy_pool) for h in hosts}
    hard: dict[str, str] = {}
    for h in hosts:
        donor = hard_donor(h, hosts, rng)
        if donor is not None:
            hard[h.name] = donor
    positions = {h.name: insert_position(h, rng) for h in hosts}

    untouched_fp = 0
    untouched: dict[str, set[str]] = {}
    words = 0
    elapsed = 0.0
    for host in hosts:
        doc = parse_source(f"{host.name}.md", render(host), "md")
        t0 = time.process_time()
        spans = findings_of(doc)
        elapsed += time.process_time() - t0
        words += len(doc.text.split())
        untouched_fp += len(spans)
        untouched[host.name] = {doc.text[s:e] for s, e in spans}
        if args.verbose and spans:
            print(f"  [untouched] {host.name} {host.title[:50]!r}: {len(spans)} finding(s)")

    print(f"hosts: {len(hosts)} Sondhi health pages with >= {MIN_HOST_PARAGRAPHS} paragraphs of "
          f">= {LONG_PARAGRAPH} words; easy donor paragraphs: {len(easy_pool)}; seed {args.seed}")
    for name, donors, label in (("easy", easy, "easy set (non-health paragraph)"),
                                ("hard", hard, "hard set (other-condition paragraph)")):
        print(evaluate(name, hosts, donors, positions, untouched, args.verbose).line(label))
    baseline_untouched = {}
    baseline_fp = 0
    for host in hosts:
        doc = parse_source(f"{host.name}.md", render(host), "md")
        spans = baseline_findings(doc)
        baseline_fp += len(spans)
        baseline_untouched[host.name] = {doc.text[s:e] for s, e in spans}
    for name, donors, label in (("easy", easy, "baseline, easy set"), ("hard", hard, "baseline, hard set")):
        print(evaluate(name, hosts, donors, positions, baseline_untouched, False, baseline_findings).line(label))
    print(f"baseline, untouched pages: {baseline_fp / len(hosts):.3f} false positives per article")
    foreign_pool = easy_donors(in_english=False)
    foreign = {h.name: rng.choice(foreign_pool) for h in hosts}
    for label, detector in (("off-topic", findings_of), ("foreign-fragment", foreign_findings_of)):
        tally = evaluate("foreign", hosts, foreign, positions, untouched, False, detector)
        print(f"non-English news paragraphs ({len(foreign_pool)} candidates) inserted, found by {label}: "
              f"{tally.found} of {tally.inserted}")
    gold = json.loads(require("extraction", "ground-truth.json").read_text(encoding="utf-8"))
    news = [parse_source(f"{key}.txt", gold[key]["articleBody"], "txt") for key in sorted(gold)
            if (gold[key].get("articleBody") or "").strip()]
    news_findings = sum(len(findings_of(doc)) for doc in news)
    news_words = sum(len(doc.text.split()) for doc in news)
    print(f"professional news articles (extraction gold text, untouched): {news_findings} findings in "
          f"{len(news)} articles ({news_findings / len(news):.3f} per article, "
          f"{1000 * news_findings / news_words:.3f} per 1,000 words)")
    print(f"untouched pages: {untouched_fp} findings in {len(hosts)} articles "
          f"({untouched_fp / len(hosts):.3f} false positives per article)")
    print(f"cost: {1000 * elapsed / words * 1000:.1f} ms of CPU per 1,000 words ({words:,} words), "
          f"model load {1000 * load_seconds:.0f} ms once per process")


if __name__ == "__main__":
    main()
