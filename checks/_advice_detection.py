"""What one sentence advises: a referral to a professional, a discouraged referral, a risky
change to a medicine, a denied risk, or a piece of health advice to the reader."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from checks._health_lexicons import Lexicons, first_match, lexicons, matches_any

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
ADVICE_MODALS = {"can", "should", "could", "may", "must", "need"}
# instructions that are about the page or a purchase, not the reader's health
NOT_ADVICE = {"buy", "order", "click", "subscribe", "share", "read", "learn", "sign", "join", "follow", "download",
              "register", "shop", "add", "save", "see", "find", "check", "visit", "call", "contact", "leave", "comment",
              "discover", "explore", "remember", "note", "let", "look", "go", "get", "feel", "spin", "claim"}
TESTIMONIAL_SUBJECTS = {"reader", "customer", "client", "user", "member", "subscriber", "patient"}
PERMISSION = {"safe", "fine", "okay", "ok", "alright", "possible", "easy"}
# a discouraged referral with one of these is a statement about when care is needed, not advice
# against care ("you do not usually need to see a GP for a cold")
QUALIFIERS = re.compile(r"\b(usually|most|often|generally|typically|unless|if|mild|minor|every|always|all)\b",
                        re.IGNORECASE)


@lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w&]){re.escape(term)}(?![\w&])")


def _phrase_heads(sent: Span, terms: tuple[str, ...], words: frozenset[str]) -> list[Token]:
    """The tokens of the sentence that end a professional's name ("doctor", "provider")."""
    heads: list[Token] = []
    low = sent.text.lower()
    for term in terms:
        if term not in low:
            continue  # the common case: spare the search
        for m in _term_pattern(term).finditer(low):
            span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if span is not None and len(span):
                heads.append(span[-1])
    heads.extend(t for t in sent if t.lower_ in words and t not in heads)
    return heads


def professional_mentions(sent: Span, lex: Lexicons | None = None) -> list[Token]:
    lex = lex or lexicons()
    return _phrase_heads(sent, lex.professionals.phrases, lex.professionals.words)


def _referral_verb(token: Token, lex: Lexicons) -> Token | None:
    """The verb of referral that governs a professional's name within three steps, if any."""
    current = token
    for _ in range(4):
        if current.head is current:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX") and current.lemma_.lower() in lex.referral_verbs:
            return current
        # another verb between the name and the referral verb ("your doctor may consider")
        if (current.pos_ == "VERB" and current.lemma_.lower() not in ("need", "want", "be", "have")
                and current.dep_ not in ("xcomp", "ccomp", "conj")):
            return None
    return None


def _verb_negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    # "do not need to see a doctor": the negation sits on the governing "need"/"have"
    return head is not verb and head.lemma_.lower() in ("need", "have") and any(c.dep_ == "neg" for c in head.children)


def referral_kind(sent: Span, lex: Lexicons | None = None) -> str | None:
    """"referral" when the sentence refers the reader to a professional, "discouraged" when it
    names one only to negate or discourage the visit, None otherwise."""
    lex = lex or lexicons()
    mentions = professional_mentions(sent, lex)
    if not mentions:
        return None
    if matches_any(lex.discouraged_referral, sent.text):
        return "discouraged"
    verbs = [v for v in (_referral_verb(m, lex) for m in mentions) if v is not None]
    if not verbs:
        # "seek medical help", "medical attention" phrases name the service as the object of
        # a verb of seeking that the lemma list has; anything else is only a mention
        return None
    if all(_verb_negated(v) for v in verbs):
        return "discouraged"
    return "referral"


def discouraged_referral_is_advice(sent: Span) -> bool:
    """A discouraged referral that reads as advice against care, not as "usually not needed"."""
    return not QUALIFIERS.search(sent.text)


def _is_addressed_to_reader(verb: Token) -> bool:
    """Imperative ("Stop taking ..."), "you can/should ...", or "it is safe to ..."."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if not subjects and verb.dep_ == "conj" and verb.head is not verb:
        return _is_addressed_to_reader(verb.head)
    if not subjects:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ == "ROOT" and verb.tag_ == "VB" and not infinitive:
            return True
        head = verb.head
        if verb.dep_ == "xcomp" and head is not verb:
            # "it is safe to stop", "feel free to stop"
            if head.lemma_.lower() in PERMISSION or any(c.lemma_.lower() in PERMISSION for c in head.children):
                return True
            return _is_addressed_to_reader(head)
        return False
    if any(s.lower_ in ("you", "u") for s in subjects):
        return any(c.dep_ == "aux" and c.lower_ in ADVICE_MODALS for c in verb.children) or verb.tag_ in ("VBP",)
    # "most of our readers stop ...": a testimonial that holds others up as the example to follow
    return any(t.lower_ == "our" and t.head.lemma_.lower() in TESTIMONIAL_SUBJECTS for s in subjects for t in s.subtree)


def medicine_change(sent: Span, lex: Lexicons | None = None) -> Token | None:
    """The verb of advice to stop, skip or change a medicine without supervision, if any."""
    lex = lex or lexicons()
    if matches_any(lex.supervision, sent.text):
        return None
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in lex.change_verbs:
            continue
        particle = lex.change_verbs[lemma]
        if particle and not any(c.lower_ == particle for c in tok.children if c.dep_ in ("prt", "prep")):
            continue
        objects = [t for c in tok.children
                   if c.dep_ in ("dobj", "xcomp", "obj") or (c.dep_ in ("prep", "prt") and c.lower_ == "off")
                   for t in c.subtree]
        words = [t.lemma_.lower() for t in objects], [t.lower_ for t in objects]
        if not lex.medicines.in_words(*words):
            continue
        if any(c.dep_ == "neg" for c in tok.children) or any(c.lower_ in ("never", "not") for c in tok.children):
            continue
        if _is_addressed_to_reader(tok):
            return tok
    return None


def risk_denial(sent: Span, lex: Lexicons | None = None) -> re.Match[str] | None:
    lex = lex or lexicons()
    return first_match(lex.risk_denial, sent.text)


def medical_distrust(sent: Span, lex: Lexicons | None = None) -> re.Match[str] | None:
    """Framing that turns the reader against doctors and medicine ("the drug companies have
    such a monopoly that you'll never hear the truth"), unless the sentence discusses it."""
    lex = lex or lexicons()
    text = sent.text  # rebuilt from the tokens on every access
    found = first_match(lex.distrust, text)
    return None if found is None or matches_any(lex.distrust_mentions, text) else found


def _is_instruction(verb: Token, sent: Span) -> bool:
    """A plain instruction: an imperative opening the sentence ("Sit with your back ...",
    "Always lift with bent knees") or "you should/must/need to ...". Looser wording ("you can
    ...", "it is easy to ...") describes rather than instructs, so it does not count here."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) < 4 or not words[0].is_alpha or sent.text.rstrip().endswith((":", "?")):
        return False
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:
        return any(s.lower_ == "you" for s in subjects) and any(
            c.dep_ == "aux" and c.lower_ in ("should", "must", "need") for c in verb.children
        )
    if verb.dep_ != "ROOT" or verb.tag_ != "VB" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    lead = [t for t in words if t.i < verb.i]
    return all(t.pos_ in ("ADV", "PART", "AUX", "INTJ") for t in lead)


def advice_in_sentence(sent: Span, lex: Lexicons | None = None) -> str | None:
    """"health" for a sentence that tells the reader to do something naming a condition, a
    medicine or a treatment ("apply ice to the swelling"), "other" for any other plain
    instruction to the reader ("sit with your back against the chair"), None otherwise."""
    lex = lex or lexicons()
    lemmas = [t.lemma_.lower() for t in sent]
    texts = [t.lower_ for t in sent]
    names_health = None
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() in NOT_ADVICE:
            continue
        if tok.lemma_.lower() in lex.advice_actions and _is_addressed_to_reader(tok):
            if names_health is None:
                names_health = (lex.conditions.in_words(lemmas, texts) or lex.medicines.in_words(lemmas, texts)
                                or lex.interventions.in_words(lemmas, texts))
            if names_health:
                return "health"
        if _is_instruction(tok, sent):
            return "other"
    return None


def has_red_flag(text: str, lex: Lexicons | None = None) -> bool:
    lex = lex or lexicons()
    return matches_any(lex.red_flags, text)
