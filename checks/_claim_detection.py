"""What one sentence claims about health, read from its dependency parse.

A claim is an effect ("X relieves Y"), a cause ("X causes Y", "Y occurs due to X"), a
prevalence ("Y is a common symptom of X") or a safety property ("no side effects"). Each has
a strength: ``absolute`` (cures, guaranteed, 100%), ``plain`` or ``hedged`` (may, might,
studies suggest). Negated statements ("does not cure") and questions are not claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checks._health_lexicons import Lexicons, lexicons, matches_any, normalise

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
OBJECTS = {"dobj", "obj", "attr", "oprd", "pobj", "appos", "xcomp", "ccomp", "acomp", "dative"}
# dependencies through which a verb inherits its subject from the word it hangs on
INHERITS_SUBJECT = {"conj", "xcomp", "pcomp", "prep", "advcl", "acl"}
CAUSE_PREPS = {"with", "by", "after", "following", "from"}
PATIENT_PREPS = {"with", "against", "on", "from", "to", "by", "in", "of"}
DUTY_MODALS = {"should", "must", "shall", "ought"}
# verbs whose infinitive complement states the claim itself ("appears to reduce", "used to treat")
RAISING = {"help", "seem", "appear", "tend", "prove", "show", "continue", "use", "be", "find", "know",
           "report", "demonstrate", "work", "act", "serve"}
STRENGTH_ORDER = {"hedged": 0, "plain": 1, "absolute": 2}
CONTRAST = {"but", "yet", "whereas", "while"}
SPECULATIVE = {"possible", "potential", "putative", "hypothetical"}
# how far, and through which dependencies, a claim's verb may hang under a passive "used"
USE_PATH = 4
POSSIBILITY_REACH = 3
USE_LINKS = {"xcomp", "advcl", "acl", "pobj", "prep", "conj"}
NEGATED_BEFORE = re.compile(r"\b(not|no|never|neither|nor|isn't|aren't)\s+(\w+\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class SentenceClaim:
    kind: str  # effect | cause | prevalence | safety
    strength: str  # absolute | plain | hedged
    trigger: str  # the word or phrase that makes it a claim


def is_question(sent: Span) -> bool:
    text = sent.text.rstrip()
    if text.endswith("?"):
        return True
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None:
        return False
    # "Can X cure Y" without a question mark: a leading auxiliary followed by its subject
    return first.pos_ == "AUX" and first.dep_ == "aux" and any(c.dep_ in SUBJECTS for c in first.head.children)


def _words(tokens: Iterable[Token]) -> tuple[list[str], list[str]]:
    toks = [t for t in tokens if not t.is_punct]
    return [t.lemma_.lower() for t in toks], [t.lower_ for t in toks]


def _health_related(tokens: Iterable[Token], lex: Lexicons, interventions: bool = True) -> bool:
    toks = list(tokens)
    lemmas, texts = _words(toks)
    if lex.conditions.in_words(lemmas, texts):
        return True
    if interventions and lex.interventions.in_words(lemmas, texts):
        return True
    # biomedical abbreviations (CIPN, T2DM, LDL) in clinical writing
    return any(t.is_upper and 2 <= len(t.text) <= 6 for t in toks if t.pos_ in ("PROPN", "NOUN"))


def _chain(token: Token) -> list[Token]:
    """The token and the words it inherits its subject from (conjunct heads, governing verbs)."""
    chain = [token]
    current = token
    for _ in range(5):
        if any(c.dep_ in SUBJECTS for c in current.children):
            break
        if current.dep_ not in INHERITS_SUBJECT or current.head is current:
            break
        current = current.head
        chain.append(current)
    return chain


def _subject(token: Token, sent: Span) -> tuple[list[Token], bool] | None:
    """(the agent's words, whether the clause is passive), or None for an imperative or no agent."""
    chain = _chain(token)
    top = chain[-1]
    for child in top.children:
        if child.dep_ in SUBJECTS:
            # "X was found to improve Y": the passive is the reporting verb's, X acts on Y
            raised = len(chain) > 1 and chain[-2].dep_ == "xcomp" and top.lemma_.lower() in RAISING
            passive = child.dep_.endswith("pass") and not raised
            if child.lower_ in ("which", "that", "who") and top.dep_ == "relcl":
                return list(top.head.subtree), passive
            return list(child.subtree), passive
    if top.dep_ == "relcl":
        return list(top.head.subtree), False
    # parse slips ("This tea cures arthritis" with no nsubj): the words before the verb
    before = [t for t in sent if t.i < top.i and t.pos_ in ("NOUN", "PROPN", "PRON")]
    if top.dep_ == "ROOT" and before and top.tag_ not in ("VB",):
        return before, False
    return None


def _objects(token: Token) -> list[Token]:
    words: list[Token] = []
    for child in token.children:
        if child.dep_ in OBJECTS or child.dep_ in ("prt", "npadvmod") or (
            child.dep_ == "prep" and child.lower_ in PATIENT_PREPS
        ):
            words.extend(child.subtree)
    return words


def _research_agenda(token: Token) -> bool:
    """The word sits in a clause that asks a question ("whether X reduces Y") or sets research
    to do ("future research should investigate how X can be improved"): no finding."""
    lex = lexicons()
    current = token
    for _ in range(12):
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in current.children):
            return True
        past = current.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in current.children)
        if current.lemma_.lower() in lex.agenda_verbs and current.pos_ == "VERB" and not past:
            return True
        if current.head is current:
            break
        current = current.head
    return False


def _purpose_or_duty(token: Token) -> bool:
    """An infinitive of purpose or need ("strategies to reduce", "are needed to reduce"), a
    verb under "should"/"must" or a research agenda: it says what ought to happen or be found
    out, not what an intervention does."""
    if _research_agenda(token):
        return True
    purposes = lexicons().purpose_nouns
    for tok in _chain(token):
        if tok.lemma_ == "be" and any(c.dep_ in SUBJECTS and c.lemma_.lower() in purposes for c in tok.children):
            return True  # "the goal of treatment is to reduce the viral load"
        if any(c.dep_ == "aux" and c.lower_ in DUTY_MODALS for c in tok.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in tok.children):
            return True
        to_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if to_infinitive and tok.dep_ in ("advcl", "acl", "xcomp", "relcl") and tok.head.lemma_.lower() not in RAISING:
            return True
    return False


def _negation_scope(chain: list[Token]) -> list[Token]:
    """The part of the chain whose negation reaches the first word: a conjunct with its own
    auxiliary or after "but" ("did not reduce A but did increase B") is a clause of its own."""
    scope: list[Token] = []
    for tok in chain:
        scope.append(tok)
        if tok.dep_ == "conj" and any(
            c.dep_ in ("aux", "auxpass") or (c.dep_ == "cc" and c.lower_ in CONTRAST) for c in tok.children
        ):
            break
    return scope


def _negated(chain: list[Token], sent: Span) -> bool:
    chain = _negation_scope(chain)
    for tok in chain:
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if tok.head.lower_ == "without" and tok.dep_ == "pcomp":
            return True
        for child in tok.children:
            if child.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and any(
                d.lower_ in ("no", "little", "neither", "nor")
                for d in child.children if d.dep_ in ("det", "amod", "preconj")
            ):
                return True
    top = chain[-1]
    if top.dep_ == "ccomp" and any(c.dep_ == "neg" for c in top.head.children):
        return True
    low = sent.text.lower()
    return any(p in low for p in lexicons().negating_phrases)


def _effect_claim(tok: Token, sent: Span, lex: Lexicons, strict: bool) -> bool:
    """``tok`` (an effect verb) has an agent and a patient, one of them about health."""
    found = _subject(tok, sent)
    if found is None:
        return False
    agent, passive = found
    patient = _objects(tok)
    if passive:
        by_agent = [t for c in tok.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                    for t in c.subtree]
        if not by_agent:
            # "symptoms were reduced": a reported change in a health outcome, its cause implied
            return (tok.lemma_.lower() not in lex.passive_routine and _health_related(agent, lex)
                    and not _purpose_or_duty(tok) and not _is_meta(agent, lex))
        agent, patient = by_agent, agent
    if not patient or _purpose_or_duty(tok) or _is_meta(agent, lex):
        return False
    if _health_related(patient, lex) or lex.interventions.in_words(*_words(agent)):
        return True
    # clinical writing names its outcomes and exposures in words no lexicon holds: two noun
    # phrases on either side of an effect verb are enough there
    if strict or not _nominal(patient):
        return False
    # "it reduced swelling": a pronoun acting through an effect verb (not "they affect the foot")
    pronoun = tok.lemma_.lower() in lex.effect_verbs and any(t.lower_ in ("it", "they") for t in agent)
    return _nominal(agent) or pronoun


def _is_meta(agent: list[Token], lex: Lexicons) -> bool:
    """The agent is the research or the text itself ("these findings", "further studies")."""
    heads = [t for t in agent if t.head not in agent or t.head is t]
    return any(t.lemma_.lower() in lex.meta_subjects for t in heads)


def _nominal(tokens: list[Token]) -> bool:
    return any(t.pos_ in ("NOUN", "PROPN") for t in tokens)


def _misparsed_phrasal(tok: Token, sent: Span, lex: Lexicons) -> bool:
    """A phrasal effect or causal verb the tagger took for a noun after a noun phrase, with the
    change it brings right after it: "supplementation for 10 weeks results in significant
    reductions in ...", "patients with CVD benefit from lowering of LDL"."""
    lemma = tok.lemma_.lower()
    particle = "from" if lemma == "benefit" else lex.causal_verbs.get(lemma, "").split(" ")[0]
    if tok.pos_ != "NOUN" or not particle or tok.i == sent.start or tok.i + 2 >= sent.end:
        return False
    if tok.doc[tok.i + 1].lower_ != particle or tok.doc[tok.i - 1].pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.doc[tok.i - 1].dep_ == "compound" and tok.doc[tok.i - 1].head is tok and lemma != "result":
        return False  # "disease benefit" as a compound is the misparse; "treatment benefit from" is a noun
    after = tok.doc[tok.i + 2 : min(tok.i + 6, sent.end)]
    if lemma == "benefit":
        return after[0].tag_ == "VBG" or _health_related(after, lex)
    return any(t.lemma_.lower() in lex.change_nouns for t in after)


def _misparsed_verb(tok: Token, sent: Span, lex: Lexicons) -> bool:
    """An inflected effect verb the tagger took for a noun or adjective ("Sertraline cures
    depression" read as a compound noun), or for a modifier in a sentence left without a verb
    ("Doses of 300 mg significantly reduced levels of PCSK9"), with a noun phrase on either side."""
    lemma = tok.lemma_.lower()
    verbless = sent.root.pos_ not in ("VERB", "AUX")
    if lemma not in lex.effect_verbs and not (lemma in lex.causal_verbs and not lex.causal_verbs[lemma]):
        return False
    if tok.pos_ == "VERB" and not (verbless and tok.dep_ in ("amod", "acl", "compound")):
        return False
    if tok.i == sent.start or tok.i + 1 >= sent.end:
        return False
    has_object = any(c.dep_ == "dobj" for c in tok.children)
    inflected = tok.lower_.endswith(("s", "ed")) and not tok.lower_.endswith("ss") and tok.lower_ != lemma
    if not (inflected or has_object):
        return False
    previous, following = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    if previous.pos_ == "ADV" and previous.i > sent.start and previous.lower_.endswith("ly"):
        previous = tok.doc[previous.i - 1]
    elif previous.pos_ == "ADV" and previous.is_alpha and len(previous) > 6:
        return following.pos_ in ("NOUN", "PROPN", "ADJ")  # a drug name guessed as an adverb
    # "treatment stimulates liver injury" with "liver" read as the verb and "stimulates" as its subject
    noun_read_as_verb = following.tag_ == "VBP" and tok.head is following and tok.dep_ == "nsubj"
    if following.pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "PRON", "NUM") and not noun_read_as_verb:
        return False
    if previous.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or previous.text == ")":
        return True
    return verbless and previous.pos_ in ("ADP", "SPACE")


def _verb_claims(sent: Span, lex: Lexicons, strict: bool) -> Iterator[tuple[str, Token]]:
    for tok in sent:
        lemma = tok.lemma_.lower()
        if (_misparsed_verb(tok, sent, lex) or _misparsed_phrasal(tok, sent, lex)) and (
            not strict or _health_related(sent, lex)
        ):
            yield "effect", tok
        elif tok.pos_ == "VERB" and lemma == "benefit" and any(c.lower_ == "from" for c in tok.children):
            if not _negated(_chain(tok), sent):
                yield "effect", tok
        elif tok.pos_ == "VERB" and lemma in lex.effect_verbs:
            if _effect_claim(tok, sent, lex, strict) and not _negated(_chain(tok), sent):
                yield "effect", tok
        elif tok.pos_ == "VERB" and lemma == "help":
            helped = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "against")]
            if helped and _effect_claim(tok, sent, lex, strict) and not _negated(_chain(tok), sent):
                yield "effect", tok
        elif tok.pos_ == "VERB" and lemma in lex.causal_verbs:
            needed = lex.causal_verbs[lemma].split()[:1]
            if needed and not any(c.lower_ == needed[0] for c in tok.children if c.dep_ in ("prep", "prt", "dobj")):
                continue
            if _effect_claim(tok, sent, lex, strict) and not _negated(_chain(tok), sent):
                yield "cause", tok
        elif tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and (
            _effect_nominal(tok, lex) or _change_with_cause(tok, lex) or _reported_role(tok, lex)
            or _observed_effect(tok, lex)
        ):
            verb = tok.head
            if not _purpose_or_duty(verb) and not _negated(_chain(verb), sent):
                yield "effect", tok
        elif lemma in lex.light_verbs:
            kind = _predicate_claim(tok, sent, lex, strict)
            if kind and not _negated(_chain(tok), sent) and not _research_agenda(tok):
                yield kind, tok


def _predicate_claim(tok: Token, sent: Span, lex: Lexicons, strict: bool) -> str | None:
    """Light-verb and copular claims: "provides relief", "is a cure for", "is a common symptom of"."""
    children = list(tok.children)
    children += [c for child in children if child.dep_ == "acomp" for c in child.children if c.dep_ == "conj"]
    for child in children:
        lemma = child.lemma_.lower()
        dep = "acomp" if child.dep_ == "conj" else child.dep_
        if tok.lemma_ == "be" and child.dep_ == "prep" and child.lower_ == "of" and any(
            g.lemma_.lower() in ("benefit", "help") for g in child.children if g.dep_ == "pobj"
        ) and _subject(tok, sent) is not None:
            return "effect"  # "Clozapine is of benefit in reducing ..."
        if child.dep_ in ("dobj", "attr") and lemma in lex.effect_nouns:
            if lemma == "role" and tok.lemma_ != "play":
                continue
            needs_target = lemma in ("effect", "benefit", "role", "answer", "solution") and not any(
                c.lemma_.lower() in lex.benefit_modifiers for c in child.children if c.dep_ in ("amod", "compound"))
            if needs_target and not any(c.dep_ == "prep" for c in child.children):
                continue
            # "make an impact" is said of anything; it is a health claim only about health
            loose = strict or tok.lemma_ == "make"
            if _subject(tok, sent) is not None and (not loose or _health_related(child.subtree, lex)):
                return "effect"
            if lemma in ("relief", "cure"):
                return "effect"
        modifiers = [a for a in child.children if a.dep_ == "amod"]
        modifiers += [c for a in modifiers for c in a.children if c.dep_ == "conj"]
        if child.dep_ == "attr" and any(a.lemma_.lower() in lex.effect_adjectives and a.lemma_.lower() != "good"
                                        for a in modifiers):
            subject = _subject(tok, sent)
            if subject and (not strict or lex.interventions.in_words(*_words(subject[0]))):
                return "effect"
        if child.dep_ == "attr" and lex.prevalence_nouns.in_words([lemma]):
            mods = {c.lemma_.lower() for c in child.children if c.dep_ in ("amod", "compound", "advmod")}
            has_of = any(c.dep_ == "prep" and c.lower_ in ("of", "for", "in", "during") for c in child.children)
            if mods & lex.prevalence_modifiers and has_of:
                return "prevalence"
        if child.dep_ == "nsubj" and tok.lemma_ == "be" and lex.prevalence_nouns.in_words([lemma]):
            # "the most common cause of PD was lactase deficiency": the condition itself follows "of"
            mods = {c.lemma_.lower() for c in child.children if c.dep_ in ("amod", "compound", "advmod")}
            of_heads = [g for c in child.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                        if g.dep_ == "pobj"]
            if mods & lex.prevalence_modifiers and of_heads and _health_related(of_heads, lex, interventions=False):
                return "prevalence"
        if dep == "acomp" and lemma in lex.effect_adjectives and tok.lemma_ == "be":
            target = [g for c in child.children if c.dep_ in ("prep", "xcomp") for g in c.subtree]
            if lemma == "good" and not any(c.lower_ == "for" for c in child.children):
                continue
            subject = _subject(tok, sent)
            if subject and (_health_related(target, lex) or lex.interventions.in_words(*_words(subject[0]))):
                return "effect"
            if subject and not strict and _nominal(subject[0]) and lemma != "good":
                return "effect"
        if dep == "acomp" and lemma in lex.necessity_adjectives and tok.lemma_ == "be":
            target = [g for c in child.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "in")
                      for g in c.subtree]
            subject = _subject(tok, sent)
            if target and subject and not _is_meta(subject[0], lex) and _health_related(target, lex):
                return "effect"
            # "X is critical to improve birth outcomes": the effect is the complement's
            effect = next((c for c in child.children
                           if c.dep_ == "xcomp" and c.lemma_.lower() in lex.effect_verbs), None)
            if effect is not None and subject and _nominal(subject[0]) and not any(
                t.lower_ == "it" for t in subject[0]
            ) and not _is_meta(subject[0], lex) and _nominal(_objects(effect)):
                return "effect"
        if dep == "acomp" and lemma in lex.prevalence_modifiers and tok.lemma_ == "be":
            subject = _subject(tok, sent)
            if subject and _health_related(subject[0], lex, interventions=False) and any(
                c.dep_ == "prep" and c.lower_ in ("in", "among", "during", "after") for c in child.children
            ):
                return "prevalence"
    return None


def _effect_nominal(noun: Token, lex: Lexicons) -> bool:
    """"the effect of X on Y", "the effectiveness of X": a noun of effect with its preposition."""
    needed = lex.effect_nominals.get(noun.lower_) or lex.effect_nominals.get(noun.lemma_.lower())
    if needed is None or any(c.lemma_.lower() in SPECULATIVE for c in noun.children):
        return False
    # the parser often hangs "on Y" on X in "the effect of X on Y"
    actors = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(c.dep_ == "prep" and c.lower_ == needed for w in [noun, *actors] for c in w.children)


def _reported_role(noun: Token, lex: Lexicons) -> bool:
    """"(findings) support a role of the CLOCK gene in breast cancer", "the promise of X in
    reducing Y": a role noun reported as found, with what acts (a noun, not "the importance of
    monitoring") and a health target or an effect ("in reducing", "for children's health")."""
    if noun.lemma_.lower() not in lex.role_nouns or noun.dep_ != "dobj":
        return False
    if noun.head.lemma_.lower() not in lex.reporting_verbs or any(
        c.lemma_.lower() in SPECULATIVE for c in noun.children
    ):
        return False
    actor = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if actor is None or not any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in actor.children):
        return False
    targets = [c for c in [*noun.children, *(g for o in actor.children for g in o.children)]
               if c.dep_ == "prep" and c.lower_ in ("in", "for")]
    for target in targets:
        words = list(target.subtree)[1:]
        gerund = next((w for w in words if w.tag_ == "VBG"), None)
        if gerund is not None and gerund.lemma_.lower() in lex.effect_verbs | lex.causal_verbs.keys():
            return True
        if _health_related(words, lex) or any(w.lemma_.lower() in lex.change_nouns or w.lemma_.lower() in (
                "health", "development", "pathophysiology") for w in words):
            return True
    return False


def _observed_effect(noun: Token, lex: Lexicons) -> bool:
    """"Both functional and anatomical effects were observed", "the benefits were achieved by ...":
    an effect reported as seen. A change seen over time ("an increase was observed") names no
    cause, so the change nouns do not count."""
    lemma = noun.lemma_.lower()
    return (noun.dep_ == "nsubjpass" and lemma in lex.effect_nouns and lemma not in lex.change_nouns
            and lemma not in ("role", "answer", "solution") and noun.head.lemma_.lower() in lex.observation_verbs)


def _change_with_cause(noun: Token, lex: Lexicons) -> bool:
    """"a significant reduction in LDL-C with rosuvastatin": a change named with its cause."""
    if noun.lemma_.lower() not in lex.change_nouns:
        return False
    return any(c.dep_ == "prep" and c.lower_ in CAUSE_PREPS for c in noun.children)


def _marker_claim(sent: Span, lex: Lexicons) -> str | None:
    text = normalise(sent.text)  # Span.text is rebuilt from the tokens on every access
    for marker in lex.causal_markers:
        found = marker.search(text)
        if found and _health_related(sent, lex, interventions=False) and not _marker_in_duty(sent, found.start()):
            return found.group(0)
    return None


def _marker_in_duty(sent: Span, offset: int) -> bool:
    """Whether the causal marker at ``offset`` hangs on a clause of purpose, duty or agenda
    ("are needed to reduce mortality due to CHD")."""
    tok = next((t for t in sent if t.idx - sent.start_char >= offset), None)
    for _ in range(12):
        if tok is None:
            return False
        if tok.pos_ in ("VERB", "AUX") and _purpose_or_duty(tok):
            return True
        tok = tok.head if tok.head is not tok else None
    return False


def _strength(sent: Span, lex: Lexicons, trigger: Token | None, kind: str = "effect") -> str:
    text = sent.text
    if matches_any(lex.absolute, text):
        return "absolute"
    if trigger is not None and trigger.lemma_.lower() in ("cure", "eradicate"):
        return "absolute"
    if any(t.lemma_.lower() == "cure" and (t.pos_ == "VERB" or any(c.lower_ == "for" for c in t.children))
           for t in sent):
        return "absolute"  # "it cures ...", "a cure for ...", not "a rest cure"
    if matches_any(lex.hedges, text) or (trigger is not None and _reported_use(trigger)):
        return "hedged"
    if trigger is not None and _possible_harm(trigger, kind, lex):
        return "hedged"
    return "plain"


def _possible_harm(trigger: Token, kind: str, lex: Lexicons) -> bool:
    """"Cisplatin can cause nausea", "an irregular schedule can aggravate mood disorders": a harm
    stated as possible is a warning to the reader (what a leaflet lists as side effects and
    risks), not a promise that something works, so it reads as hedged. "Can relieve" stays plain."""
    lemma = trigger.lemma_.lower()
    if kind != "cause" and lemma not in lex.harm_verbs:
        return False
    objects = lex.harm_verbs.get(lemma, "").split() if kind != "cause" else []
    if objects and not any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in trigger.children):
        return False
    # "can cause the retina to separate, resulting in detachment": "can" may sit a few heads up
    governors = [trigger, *list(trigger.ancestors)[:POSSIBILITY_REACH]]
    return any(c.dep_ == "aux" and c.lower_ == "can" for tok in governors for c in tok.children)


def _reported_use(trigger: Token) -> bool:
    """"Mitoxantrone is used to treat prostate cancer", "an anticancer agent used to treat ovarian
    cancer", "used as a radio-sensitizing agent to control a tumour": what an intervention is
    used for (its indication) reports practice; it does not assert that it works, so it reads
    as hedged, and so does what a treatment "involves" doing. The trigger hangs on a passive
    "used" or on "involves" through its infinitive, a conjunct or the noun after "as"."""
    tok = trigger
    for _ in range(USE_PATH):
        if tok.dep_ not in USE_LINKS or tok.head is tok:
            return False
        tok = tok.head
        if tok.lemma_.lower() in lexicons().description_verbs:
            return True  # "involves restoring daily functioning", "involves using drugs to destroy"
        if tok.lemma_.lower() == "use":
            passive = any(c.dep_ == "auxpass" for c in tok.children)
            participle = tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children)
            if passive or participle:
                return True
            if tok.tag_ != "VBG":
                return False
    return False


def claims_in_sentence(sent: Span, lex: Lexicons | None = None, strict: bool = False,
                       health_context: bool = True) -> list[SentenceClaim]:
    """The health claims one sentence makes (empty for questions and negated statements).

    ``strict`` asks an effect claim to name a condition, an outcome or an intervention of the
    lexicons; otherwise two noun phrases around an effect verb are enough. Without
    ``health_context`` (an article that is not about health) claims are read strictly, and a
    safety guarantee must name a condition or an intervention itself.
    """
    lex = lex or lexicons()
    if is_question(sent) or len(sent) < 3:
        return []
    strict = strict or not health_context
    claims: list[SentenceClaim] = []
    for kind, tok in _verb_claims(sent, lex, strict):
        claims.append(SentenceClaim(kind, _strength(sent, lex, tok, kind), tok.text))
    marker = _marker_claim(sent, lex)
    if marker and not any(c.kind == "cause" for c in claims):
        claims.append(SentenceClaim("cause", _strength(sent, lex, None), marker))
    low = sent.text
    normal = normalise(low)
    for strength, pattern in lex.safety:
        m = pattern.search(normal)
        if not m or NEGATED_BEFORE.search(low[: m.start()]):
            continue
        if strength == "absolute" and not health_context and not _health_related(sent, lex):
            continue  # "perfectly safe jumps" in a review of a video game
        if strength == "absolute" or _safety_subject_is_intervention(sent, m.end(), lex):
            claims.append(SentenceClaim("safety", strength, m.group(0)))
            break
    return claims


def _safety_subject_is_intervention(sent: Span, end: int, lex: Lexicons) -> bool:
    """Whether "is safe" (ending at ``end`` in the sentence) is said of a medicine or treatment."""
    adjective = next((t for t in sent if t.idx - sent.start_char < end <= t.idx - sent.start_char + len(t)), None)
    if adjective is None:
        return False
    verb = adjective.head
    subjects = [t for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree]
    return bool(subjects) and lex.interventions.in_words(*_words(subjects))


def strongest(claims: list[SentenceClaim]) -> SentenceClaim | None:
    if not claims:
        return None
    return max(claims, key=lambda c: STRENGTH_ORDER[c.strength])
