"""The project's own grammar rules, for what Harper and LanguageTool miss in spun and mangled text.

Each rule reads the shared spaCy parse (or the text) and returns issues of the engine "rules":
- agreement: a verb that disagrees in number with its subject across a prepositional phrase
  or relative clause ("Muscle spasms in the back is", "the pain as a result of muscle spasm
  refuse"), and a relative clause verb that disagrees with its antecedent ("individuals who
  experiences");
- agreement also between a personal pronoun and its verb ("it need", "they has");
- double-modal: two modal verbs in a row ("will should");
- modal-form: a modal followed by an inflected verb ("will helps", "may causing");
- double-comparative: "more bigger";
- uncountable-plural: "informations", "advices";
- fused-words: two dictionary words run together, one of them a function word ("usedand");
- as-anyone-and: "As anyone who has X and they'll ..." (a blend of "Ask anyone who ... and
  they'll" and "As anyone who ... knows").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checks.grammar import lexicon
from checks.grammar.vocabulary import Vocabulary, segment
from linter.engines import EngineIssue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ENGINE = "rules"
AGREEMENT = "grammar_agreement.txt"
SINGULAR_VERBS = {"is": "are", "was": "were", "has": "have", "does": "do"}
PLURAL_VERBS = {v: k for k, v in SINGULAR_VERBS.items()}
AUXILIARIES = {*SINGULAR_VERBS, *PLURAL_VERBS}
SUBJECTS = ("nsubj", "nsubjpass")
CLAUSE_SUBJECTS = ("csubj", "csubjpass", "expl")  # "Understanding the effects ... is": no noun subject
HEAD_ROLES = ("pobj", "nsubj", "nsubjpass", "ROOT", "dep")  # where a misparsed subject ends up
MODIFIERS = ("prep", "relcl", "acl")
RELATIVE_PRONOUNS = ("who", "that", "which")
OWNERS = ("det", "poss")
FUSED_MIN_LENGTH = 7
COMMON_WORD_COUNT = 1_000_000  # web frequency below which a part is too rare to trust a split
FUSED_WORD = re.compile(r"(?<![\w@/#.\-'’])[a-z]{" + str(FUSED_MIN_LENGTH) + r",}(?![\w@/\-'’]|\.[a-z])")
WORD = re.compile(r"[A-Za-z]+")
AS_ANYONE = re.compile(
    r"\bAs (?:anyone|anybody|everyone|everybody|someone|any [a-z]+) who\b[^.!?\n]*?"
    r"\band (?:they|he|she)(?:['’]ll| will)\b"
)


def rule_issues(doc: Doc | None, text: str, vocab: Vocabulary) -> list[EngineIssue]:
    """All the project's rules; doc is the spaCy parse of text (None skips the parse rules)."""
    issues: list[EngineIssue] = []
    if doc is not None:
        issues.extend(agreement_issues(doc))
        issues.extend(pronoun_agreement_issues(doc))
        issues.extend(double_modal_issues(doc))
        issues.extend(modal_form_issues(doc))
        issues.extend(double_comparative_issues(doc))
    issues.extend(fused_word_issues(text, vocab))
    issues.extend(uncountable_plural_issues(text))
    issues.extend(as_anyone_issues(text))
    issues.sort(key=lambda i: (i.start, i.end, i.category))
    return issues


# ---- agreement ---------------------------------------------------------------------------------

def verb_number(verb: Token) -> str | None:
    """The number of a present-tense (or was/were) verb, from its form rather than its tag."""
    low = verb.lower_
    if low in SINGULAR_VERBS:
        return "singular"
    if low in PLURAL_VERBS:
        return "plural"
    if not low.isalpha() or len(low) < 2 or low == "am":
        return None
    ends_in_s = low.endswith("s") and not low.endswith(("ss", "us", "is"))
    if verb.tag_ == "VBZ" and ends_in_s:
        return "singular"
    if verb.tag_ == "VBP" and not ends_in_s:
        return "plural"
    return None  # the tag and the form disagree ("warps" tagged VBP): trust neither


def noun_number(noun: Token) -> str | None:
    low = noun.lower_
    if noun.tag_ == "NNS" and low not in lexicon.word_set(AGREEMENT, "singular-plurals"):
        return "plural"
    if noun.tag_ == "NN" and low not in lexicon.word_set(AGREEMENT, "plural-singulars"):
        return "singular"
    return None


def _corrected(verb: Token) -> str | None:
    low = verb.lower_
    if low in SINGULAR_VERBS:
        return SINGULAR_VERBS[low]
    if low in PLURAL_VERBS:
        return PLURAL_VERBS[low]
    if verb.tag_ == "VBZ":
        return verb.lemma_
    return None


def _disagree(subject: Token, verb: Token) -> bool:
    noun, finite = noun_number(subject), verb_number(verb)
    if noun is None or finite is None or noun == finite or not subject.text.isalpha():
        return False
    if subject.dep_ == "conj" or any(c.dep_ in ("conj", "cc") for c in subject.children):
        return False  # "pain and stiffness in the back are"
    doc = subject.doc
    between = doc[subject.i + 1:verb.i]
    if any(t.is_punct or t.is_quote or t.is_bracket or "\n" in t.text_with_ws for t in between):
        return False  # a quotation, aside or list runs between them: the parse is unreliable
    words = f" {between.text.lower()} "
    if any(f" {link} " in words for link in lexicon.word_set(AGREEMENT, "links")):
        return False  # "a roof along with alloy wheels provide"
    if finite == "plural" and any(f" {c} " in words for c in lexicon.word_set(AGREEMENT, "conjunctions")):
        return False  # "their proximity to the border and joint patrols provide": two subjects?
    before = doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    if before is not None and (before.tag_ in ("VBG", "VB") or before.is_quote):
        return False  # the subject is a clause: "being able to smell traces of pathogens gives"
    if any(c.dep_ == "acl" and c.tag_ == "VBG" for c in subject.children):
        return False  # "Other labs finding similar things was"
    if any(c.dep_ == "nummod" for c in subject.children):
        return False  # an amount taken as one: "5 minutes of charging gives"
    edge = doc[subject.left_edge.i]
    relative = any(t.tag_ in ("WDT", "WP") or t.lower_ in RELATIVE_PRONOUNS for t in (before, edge) if t is not None)
    if relative:
        return False  # "a display that sips on battery yet still provides": "sips" is a verb
    # a base form after a modal or "to" tagged VBP by mistake
    return not any(c.dep_ in ("aux", "auxpass") and c.i < verb.i for c in verb.children)


def _agreement_issue(subject: Token, verb: Token, what: str) -> EngineIssue:
    doc = subject.doc
    start = doc[subject.left_edge.i].idx if subject.left_edge.i <= subject.i else subject.idx
    noun = noun_number(subject)
    return EngineIssue(
        engine=ENGINE,
        start=start,
        end=verb.idx + len(verb.text),
        category="agreement",
        rule="agreement",
        message=f"The verb “{verb.text}” does not agree with the {noun} {what} “{subject.text}”",
        suggestion=_corrected(verb),
    )


def agreement_issues(doc: Doc) -> Iterator[EngineIssue]:
    for verb in doc:
        if verb_number(verb) is None:
            continue
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if any(c.dep_ in CLAUSE_SUBJECTS for c in verb.children):
            continue
        if subjects:
            subject = subjects[0]
            across = any(c.dep_ in MODIFIERS and subject.i < c.i < verb.i for c in subject.children) or (
                subject.i + 1 == verb.i and verb.lower_ in AUXILIARIES and verb.lower_ != "were"
                and any(c.dep_ in OWNERS for c in subject.children)
                and not any(t.tag_ in ("WRB", "WDT", "WP") for t in doc[max(0, subject.i - 4):subject.i])
            )  # "Our country have"; not "as if the song were", "How big an impact have the tariffs had"
            if subject.i < verb.i and across and _disagree(subject, verb):
                yield _agreement_issue(subject, verb, "subject")
            elif subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                antecedent = verb.head
                adjacent = antecedent.i + 1 == subject.i
                if adjacent and _disagree(antecedent, verb) and not _other_antecedent(antecedent, verb):
                    yield _agreement_issue(antecedent, verb, "noun")
            continue
        head = _subject_before_phrases(verb)
        if head is not None and _disagree(head, verb):
            yield _agreement_issue(head, verb, "subject")


def _other_antecedent(antecedent: Token, verb: Token) -> bool:
    """Whether the relative clause may belong to the noun before the phrase instead ("the
    substances in the body that cause pain": "that" refers to "substances")."""
    if antecedent.dep_ != "pobj" or antecedent.head.dep_ != "prep":
        return False
    preposition = antecedent.head
    earlier = antecedent.doc[max(0, preposition.i - 4):preposition.i]
    return any(t.pos_ == "NOUN" and noun_number(t) == verb_number(verb) for t in earlier)


def _subject_before_phrases(verb: Token) -> Token | None:
    """For a verb the parser left without subject ("After the pain as a result of muscle spasm
    refuse to improve"): the noun that heads the chain of prepositional phrases just before it."""
    if verb.i == 0 or verb.dep_ not in ("advcl", "ROOT", "ccomp") or verb.tag_ not in ("VBZ", "VBP"):
        return None
    noun = verb.doc[verb.i - 1]
    if noun.dep_ != "pobj" or noun.tag_ not in ("NN", "NNS"):
        return None
    climbed = False
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
        climbed = True
    if not climbed or noun.dep_ not in HEAD_ROLES or not any(c.dep_ in OWNERS for c in noun.children):
        return None
    between = noun.doc[noun.i + 1: verb.i]
    if any(t.pos_ in ("VERB", "AUX") or t.text in ",;:" for t in between):
        return None
    return noun


def pronoun_agreement_issues(doc: Doc) -> Iterator[EngineIssue]:
    """ "it need", "she sing", "they has": a personal pronoun and a present-tense verb that disagree."""
    singular = lexicon.word_set(AGREEMENT, "pronouns-singular")
    plural = lexicon.word_set(AGREEMENT, "pronouns-plural")
    for verb in doc:
        finite = verb_number(verb)
        if finite is None or verb.dep_ not in ("ROOT", "conj", "advcl", "relcl"):
            continue
        if verb.lower_ == "was" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            continue
        for subject in verb.children:
            if subject.dep_ != "nsubj" or subject.i > verb.i or any(c.dep_ in ("conj", "cc") for c in subject.children):
                continue  # "you or someone with you has": the nearer subject decides
            if any(t.tag_ == "MD" for t in doc[max(0, subject.i - 2):subject.i]):
                continue  # a question: "Could it live in Titan?"
            if subject.i > 0 and doc[subject.i - 1].tag_ == "IN":
                continue  # "something like it live": the pronoun belongs to a phrase
            pronoun = subject.lower_
            wrong = (pronoun in singular and finite == "plural") or (pronoun in plural and finite == "singular")
            if wrong and not any(t.is_punct for t in doc[subject.i + 1:verb.i]):
                yield EngineIssue(
                    engine=ENGINE, start=subject.idx, end=verb.idx + len(verb.text), category="agreement",
                    rule="agreement", suggestion=None,
                    message=f"The verb “{verb.text}” does not agree with “{subject.text}”",
                )


def modal_form_issues(doc: Doc) -> Iterator[EngineIssue]:
    """A modal verb followed by an inflected form: "will helps", "may causing", "can went"."""
    modals = lexicon.word_set("grammar_modals.txt")
    for modal, verb in zip(doc[:-1], doc[1:], strict=True):
        if modal.tag_ != "MD" or modal.lower_ not in modals or not verb.is_alpha or not modal.whitespace_:
            continue
        inflected = (
            (verb.tag_ == "VBZ" and verb.lower_.endswith("s") and verb.lower_ not in SINGULAR_VERBS)
            or (verb.tag_ == "VBD" and verb.lower_ != verb.lemma_ and verb.lower_ not in ("was", "were"))
            or (verb.tag_ == "VBG" and verb.lower_.endswith("ing") and len(verb) > 5 and verb.lower_ != "being")
        )
        if inflected:
            yield EngineIssue(
                engine=ENGINE, start=modal.idx, end=verb.idx + len(verb.text), category="verb-form",
                rule="modal-form", suggestion=f"{modal.text} {verb.lemma_}",
                message=f"After “{modal.text}” use the base form of the verb: “{modal.text} {verb.lemma_}”",
            )


def double_comparative_issues(doc: Doc) -> Iterator[EngineIssue]:
    """ "more bigger", "most highest": two comparatives on one adjective."""
    for more, adjective in zip(doc[:-1], doc[1:], strict=True):
        if (
            more.lower_ in ("more", "most")
            and adjective.tag_ in ("JJR", "JJS")
            and adjective.lower_.endswith(("er", "est"))
            and adjective.lower_ not in lexicon.word_set("grammar_comparatives.txt")
        ):
            yield EngineIssue(
                engine=ENGINE, start=more.idx, end=adjective.idx + len(adjective.text), category="comparative",
                rule="double-comparative", suggestion=adjective.text,
                message=f"Double comparative “{more.text} {adjective.text}”: write “{adjective.text}”",
            )


# ---- double modals -------------------------------------------------------------------------------

def double_modal_issues(doc: Doc) -> Iterator[EngineIssue]:
    modals = lexicon.word_set("grammar_modals.txt")
    for first, second in zip(doc[:-1], doc[1:], strict=True):
        if (
            first.tag_ == "MD"
            and first.lower_ in modals
            and second.lower_ in modals
            and second.tag_ in ("MD", "VB", "VBP")
            and first.whitespace_ != ""
        ):
            yield EngineIssue(
                engine=ENGINE,
                start=first.idx,
                end=second.idx + len(second.text),
                category="double-modal",
                rule="double-modal",
                message=f"Two modal verbs in a row (“{first.text} {second.text}”): keep one",
                suggestion=None,
            )


# ---- fused words ---------------------------------------------------------------------------------

def fused_split(word: str, vocab: Vocabulary) -> list[str] | None:
    """The words a run-together token is made of, or None when it is a word (or not clearly two)."""
    if vocab.knows(word):
        return None
    function_words = lexicon.word_set("grammar_function_words.txt")
    if not any(_fused_pair(word[:i], word[i:], vocab, function_words) for i in range(1, len(word))):
        return None  # no split could pass, so the segmenter (and its bigram table) is not needed
    parts = segment(word)
    if len(parts) != 2 or "".join(parts) != word or not _fused_pair(parts[0], parts[1], vocab, function_words):
        return None
    return parts


def _fused_pair(first: str, second: str, vocab: Vocabulary, function_words: frozenset[str]) -> bool:
    """Whether two pieces read as a function word and a content word run together."""
    if second in ("a", "an", "the"):
        return False  # an article ends no phrase: "magicka" is a word, not "magick a"
    content = [p for p in (first, second) if p not in function_words]
    if len(content) == 2 or any(len(p) < 4 for p in content):
        return False  # two content words ("weeklong"), or a short piece ("in cub action")
    return vocab.count(first) >= COMMON_WORD_COUNT and vocab.count(second) >= COMMON_WORD_COUNT


def fused_word_issues(text: str, vocab: Vocabulary) -> Iterator[EngineIssue]:
    for match in FUSED_WORD.finditer(text):
        parts = fused_split(match.group(), vocab)
        if parts is None:
            continue
        joined = " ".join(parts)
        yield EngineIssue(
            engine=ENGINE,
            start=match.start(),
            end=match.end(),
            category="fused-words",
            rule="fused-words",
            message=f"“{match.group()}” looks like words run together: “{joined}”",
            suggestion=joined,
        )


# ---- uncountable nouns made plural -------------------------------------------------------------------

def uncountable_plural_issues(text: str) -> Iterator[EngineIssue]:
    plurals = lexicon.word_set("grammar_uncountable_plurals.txt")
    for match in WORD.finditer(text):
        word = match.group()
        if word.lower() in plurals:
            singular = word[:-1]
            yield EngineIssue(
                engine=ENGINE, start=match.start(), end=match.end(), category="noun-form",
                rule="uncountable-plural", suggestion=singular,
                message=f"“{singular}” has no plural: write “{singular}”",
            )


# ---- "As anyone who ... and they'll" ---------------------------------------------------------------

def as_anyone_issues(text: str) -> Iterator[EngineIssue]:
    for match in AS_ANYONE.finditer(text):
        yield EngineIssue(
            engine=ENGINE,
            start=match.start(),
            end=match.end(),
            category="broken-construction",
            rule="as-anyone-and",
            message="Broken construction: “As anyone who …” runs into “and they’ll …”; write "
                    "“Ask anyone who … and they’ll …” or “As anyone who … knows, …”",
            suggestion=None,
        )
