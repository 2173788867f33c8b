"""Advice: dangerous advice, and advice with no referral to a professional or no red flags."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from checks._health_analysis import health_analysis
from linter.document import Document
from linter.findings import Finding, Severity
from linter.nlp import NEED_PARSE, Analysis
from linter.registry import Check, register

DANGER_MESSAGES = {
    "medicine-change": "Advice to {detail} a medicine without medical supervision",
    "discouraged-referral": "Advice against seeing a doctor or other healthcare professional",
    "risk-denial": "Denies an established risk (\"{detail}\")",
    "distrust": "Turns readers against doctors or medicine (\"{detail}\")",
}
DANGER_FIXES = {
    "medicine-change": "tell readers to talk to their doctor or pharmacist before changing a prescribed medicine",
    "discouraged-referral": "say when to see a doctor instead",
    "risk-denial": "describe the risk and how to reduce it",
    "distrust": "say what the evidence shows and when to see a doctor, without casting doctors as the enemy",
}


@register
class DangerousAdvice(Check):
    """What it finds: advice to stop, skip, start or change a prescription medicine or its dose
    without medical supervision ("you can simply stop taking sertraline", "stop your arthritis
    medication once you start the capsules"); advice to avoid or delay seeing a doctor ("there
    is no need to talk to your doctor"); denials of established risks ("withdrawal effects
    are a myth"); and framing that turns readers against doctors and medicine ("the drug
    companies have such a monopoly that you'll never hear the truth", "what your doctor may
    have forgotten to tell you", "suppressed cures", "conventional medicine only treats the
    symptoms"), unless the sentence discusses such claims ("beware of sites that say ...").
    Advice to do these things with a doctor's or pharmacist's help is fine, and
    so is "do not stop taking it without talking to your doctor". A sentence that says when a
    visit is usually not needed ("you do not usually need to see a GP for a cold") is not
    reported.

    Why it matters: stopping some medicines abruptly causes withdrawal, relapse or rebound
    effects that can be dangerous (antidepressants, benzodiazepines, steroids, blood thinners,
    anti-epileptics). Discouraging care delays diagnosis, and so does teaching readers that
    their doctors hide the truth or are paid to keep them ill. This is the harm a health page
    can do.

    Example: "Once you start the capsules you can stop your arthritis medication."

    How to fix: tell readers to talk to the prescriber or pharmacist before changing a medicine,
    and to see a doctor when symptoms are severe, persistent or getting worse.
    """

    id = "dangerous-advice"
    category = "medical-claim"
    languages = frozenset({"en"})  # English lexicons and parse
    severity = Severity.ERROR
    needs = frozenset({NEED_PARSE})
    summary = "Advice to change a medicine without supervision, avoid a doctor or ignore a risk; distrust of medicine"

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        for advice in health_analysis(document, analysis).dangerous:
            message = DANGER_MESSAGES[advice.kind].format(detail=" ".join(advice.detail.split()))
            yield Finding(self.id, message, advice.start, advice.end, None, DANGER_FIXES[advice.kind])


@register
class MissingProfessionalAdvice(Check):
    """What it finds: an article that gives health advice (at least `min-advice` sentences,
    default 2, telling the reader to take, use, apply, avoid or try something about a condition
    or a medicine) but never refers the reader to a healthcare professional: a doctor, GP,
    physician, pharmacist, nurse, specialist or healthcare provider, or emergency services,
    with a verb such as consult, see, talk to, ask, seek or call. A referral that is negated or
    discouraged ("no need to see a doctor") does not count. Text that gives no health advice
    (a news report, a recipe) is not reported.

    Why it matters: HONcode's complementarity principle: health information supports, never
    replaces, the relationship between a patient and a professional. Self-care advice without
    a referral leaves readers to judge alone when home care is not enough.

    Example: an article on easing back spasms with heat, stretches and ibuprofen that never
    says "see a doctor if the pain lasts more than a few weeks".

    How to fix: add when and whom to ask: "Talk to a pharmacist before combining painkillers"
    or "See your GP if the pain lasts more than six weeks".
    Settings: `min-advice`.
    """

    id = "missing-professional-advice"
    category = "professional-advice"
    languages = frozenset({"en"})  # English lexicons and parse
    severity = Severity.WARNING
    needs = frozenset({NEED_PARSE})
    summary = "Health advice with no referral to a healthcare professional"
    document_level = True
    options = {"min-advice": 2}

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        result = health_analysis(document, analysis)
        if result.advice_sentences < int(settings["min-advice"]) or result.referrals:
            return
        note = " (it mentions one only to discourage a visit)" if result.discouraged_referrals else ""
        yield Finding(self.id, f"The article gives health advice in {result.advice_sentences} sentences but never "
                      f"refers the reader to a healthcare professional{note}")


@register
class MissingRedFlags(Check):
    """What it finds: an article that gives advice about symptoms (at least `min-advice`
    sentences, default 2) and says nothing about when to seek urgent care: no "call 999",
    "go to A&E", "get emergency help", "see a doctor if the pain gets worse", "warning signs".

    Why it matters: self-care advice is safe only when readers know the signs that need a
    doctor now (chest pain, numbness, fever with a stiff neck, loss of bladder control with back
    pain). Patient-information standards put "when to get help" in every symptom leaflet.

    Example: an article on back pain relief that never mentions numbness, weakness or loss of
    bladder control as reasons to get urgent help.

    How to fix: add a short "When to get help" section with the warning signs and whom to call.
    Settings: `min-advice`.
    """

    id = "missing-red-flags"
    category = "professional-advice"
    languages = frozenset({"en"})  # English lexicons and parse
    severity = Severity.INFO
    needs = frozenset({NEED_PARSE})
    summary = "Advice about symptoms with no word on when to seek urgent care"
    document_level = True
    options = {"min-advice": 2}

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        result = health_analysis(document, analysis)
        if result.advice_sentences >= int(settings["min-advice"]) and not result.red_flags:
            yield Finding(self.id, "The article gives advice about symptoms but never says when to seek urgent care")
