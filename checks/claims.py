"""Medical claims: health claims stated without support, and articles that cite nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from checks._health_analysis import health_analysis
from linter.document import Document
from linter.findings import Finding, Severity
from linter.nlp import NEED_PARSE, Analysis
from linter.registry import Check, register

KIND_WORDS = {
    "effect": "health effect",
    "cause": "cause",
    "prevalence": "how common a condition is",
    "safety": "safety",
}
HEDGED_SETTINGS = ("info", "off")


@register
class UnsupportedClaim(Check):
    """What it finds: a sentence that asserts a health effect ("turmeric relieves joint pain"),
    a cause ("stress causes back spasms", "the pain occurs due to ..."), how common a condition
    is ("back pain is a common symptom of ...") or a safety property ("no side effects"), with
    no citation, link, reference marker or named source ("according to NICE", "a 2022 review
    in the BMJ") in the sentence or its paragraph. The sentence is read through its dependency
    parse: who does what to what, whether it is negated ("does not cure" is no cure claim),
    hedged ("may help some people") or a question (not a claim).
    Severity follows the claim's strength: absolute or guaranteed language ("cures",
    "guaranteed", "100%", "miracle", "no side effects", "completely safe for everyone",
    "doctors won't tell you") is an error, and is reported even when a source is given; a plain
    claim is a warning; a hedged claim is info, or nothing with `hedged = "off"`.

    Why it matters: the JAMA benchmarks ask for attribution, HONcode for justifiability, and
    DISCERN for clear sources and an honest account of uncertainty. Readers act on health
    claims; a claim they cannot check, or one stated with more certainty than the evidence has,
    misleads them.

    Example: "Chiropractic adjustments restore proper nerve function." (no source in its
    paragraph: a warning); "This tea cures arthritis for good." (an error).

    How to fix: cite the evidence in the same paragraph (a link, a reference marker such as
    [1], or a named source such as "a 2021 Cochrane review found ..."), state the strength of
    the evidence honestly ("may ease pain for some people"), and drop guarantees.
    Settings: `hedged` ("info" or "off").
    """

    id = "unsupported-claim"
    category = "medical-claim"
    languages = frozenset({"en"})  # English lexicons and parse
    severity = Severity.WARNING
    needs = frozenset({NEED_PARSE})
    summary = "A health claim with no source in its sentence or paragraph"
    options = {"hedged": "info"}

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        hedged = str(settings["hedged"])
        if hedged not in HEDGED_SETTINGS:
            raise ValueError(f"unsupported-claim: hedged must be one of {HEDGED_SETTINGS}, not {hedged!r}")
        for claim in health_analysis(document, analysis).claims:
            what = KIND_WORDS[claim.claim.kind]
            strength = claim.claim.strength
            if strength == "absolute":
                yield Finding(self.id, f"Absolute {what} claim (\"{claim.claim.trigger}\"); no source makes a "
                              "guarantee true", claim.start, claim.end, Severity.ERROR,
                              "state what the evidence shows, for whom, and cite it")
            elif claim.supported:
                continue
            elif strength == "plain":
                yield Finding(self.id, f"Unsupported {what} claim: no source in the sentence or its paragraph",
                              claim.start, claim.end, None, "cite the evidence, or say how certain it is")
            elif hedged == "info":
                yield Finding(self.id, f"Hedged {what} claim without a source", claim.start, claim.end,
                              Severity.INFO)


@register
class MissingSources(Check):
    """What it finds: an article that makes health claims (at least `min-claims`, default 3)
    and cites no source anywhere: no link in its text, no reference marker, no named study,
    guideline or organisation. The message says how many claims it makes.

    Why it matters: attribution is the first of the JAMA benchmarks and a DISCERN question;
    an article with nothing to check its claims against asks readers to take it on trust.

    Example: a 900-word article on back pain that says what causes it, what relieves it and
    how common it is, and names no source at all.

    How to fix: cite the evidence for the main claims (guidelines from a national health body,
    systematic reviews, a named study), as links or a reference list.
    Settings: `min-claims`.
    """

    id = "missing-sources"
    category = "medical-claim"
    languages = frozenset({"en"})  # English lexicons and parse
    severity = Severity.INFO
    needs = frozenset({NEED_PARSE})
    summary = "An article with health claims and no source at all"
    document_level = True
    options = {"min-claims": 3}

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        result = health_analysis(document, analysis)
        count = len(result.claims)
        if result.sourced_paragraphs == 0 and count >= int(settings["min-claims"]):
            yield Finding(self.id, f"The article makes {count} health claims and cites no source")
