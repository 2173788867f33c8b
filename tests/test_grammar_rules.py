"""The project's own grammar rules on the real spaCy parse: true positives and tricky negatives
(correct sentences of the same shape), each rule on its own."""

from __future__ import annotations

import pytest

from checks.grammar.rules import (
    agreement_issues,
    as_anyone_issues,
    double_comparative_issues,
    double_modal_issues,
    fused_word_issues,
    modal_form_issues,
    pronoun_agreement_issues,
    uncountable_plural_issues,
)
from checks.grammar.vocabulary import Vocabulary
from linter.nlp import NEED_PARSE, load_pipeline


@pytest.fixture(scope="module")
def parse():  # type: ignore[no-untyped-def]
    nlp = load_pipeline(frozenset({NEED_PARSE}))
    return nlp


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary()


def flagged(issues: object) -> list[tuple[int, int]]:
    return [(i.start, i.end) for i in issues]  # type: ignore[attr-defined]


AGREEMENT_ERRORS = [
    ("Muscle spasms in the back is annoying and leads to a lot of discomfort.", "Muscle spasms in the back is"),
    ("After the pain as a result of muscle spasm refuse to improve within two days, see a doctor.",
     "the pain as a result of muscle spasm refuse"),
    ("Individuals who experiences back pain should rest.", "Individuals who experiences"),
    ("The side effects of this medicine is usually mild.", "The side effects of this medicine is"),
    ("Patients with a history of migraine has a higher risk.", "Patients with a history of migraine has"),
]

AGREEMENT_CORRECT = [
    "The list of side effects is long.",
    "One of the patients is improving.",
    "People who have diabetes are at higher risk.",
    "The number of cases is rising.",
    "A lot of people are affected by back pain.",
    "Symptoms of the disease include fever and a cough.",
    "The effects of the drug on the liver are unclear.",
    "Everyone who takes the drug has some side effects.",
    "A patient who experiences chest pain needs urgent care.",
    "Diabetes in older adults is common.",
    "Understanding the long-term effects of benzodiazepine use is vital.",
    "It works by reducing the substances in the body that cause pain and swelling.",
    "Pain and stiffness in the lower back are common after lifting.",
    "The majority of patients with sciatica recover within six weeks.",
    "Measles in young children is a serious illness.",
]


@pytest.mark.parametrize(("sentence", "span"), AGREEMENT_ERRORS)
def test_agreement_across_phrase_is_found(parse, sentence: str, span: str) -> None:  # type: ignore[no-untyped-def]
    found = [sentence[s:e] for s, e in flagged(agreement_issues(parse(sentence)))]
    assert found == [span]


@pytest.mark.parametrize("sentence", AGREEMENT_CORRECT)
def test_agreement_quiet_on_correct_sentences(parse, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert flagged(agreement_issues(parse(sentence))) == []


@pytest.mark.parametrize(("sentence", "span"), [
    ("If surgery isn't performed, the youngster will should be closely monitored.", "will should"),
    ("You will can feel the difference within a week.", "will can"),
    ("The spasm might could return after exercise.", "might could"),
])
def test_double_modal_is_found(parse, sentence: str, span: str) -> None:  # type: ignore[no-untyped-def]
    assert [sentence[s:e] for s, e in flagged(double_modal_issues(parse(sentence)))] == [span]


@pytest.mark.parametrize("sentence", [
    "The youngster should be closely monitored.",
    "You may want to ask whether you can stop, and when you should.",
    "Some people will, and some will not, need surgery.",
    "The will can be changed at any time by a lawyer.",
    "In May will come the new guidance.",
])
def test_double_modal_quiet_on_correct_sentences(parse, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert flagged(double_modal_issues(parse(sentence))) == []


@pytest.mark.parametrize(("text", "words"), [
    ("the muscles being over usedand more importantlybeing used", ["usedand", "importantlybeing"]),
    ("to protect themselves fromfurther injury", ["fromfurther"]),
    ("neck muscles are over workedand held", ["workedand"]),
])
def test_fused_words_are_found(vocab: Vocabulary, text: str, words: list[str]) -> None:
    issues = list(fused_word_issues(text, vocab))
    assert [text[i.start:i.end] for i in issues] == words
    assert all(" " in (i.suggestion or "") for i in issues)


@pytest.mark.parametrize("text", [
    "Take ibuprofen or naproxen with food; metformin and semaglutide need a prescription.",
    "A weeklong course of physiotherapy, healthcare workers and a noncompete clause.",
    "Spondylolisthesis, kyphosis and sacroiliitis are causes of lower back pain.",
    "Visit www.examplehealthsite.org or email info@clinicandcare.org for details.",
    "The whistleblower said the painkillers were overprescribed.",
    "Nevertheless, wholehearted support for tirzepatide came from endocrinologists.",
])
def test_fused_words_quiet_on_real_words(vocab: Vocabulary, text: str) -> None:
    assert list(fused_word_issues(text, vocab)) == []


def test_user_words_are_never_fused(vocab: Vocabulary) -> None:
    text = "Try the new stretchand routine."
    assert [text[i.start:i.end] for i in fused_word_issues(text, vocab)] == ["stretchand"]
    assert list(fused_word_issues(text, Vocabulary(["stretchand"]))) == []


def test_as_anyone_and_they_will_is_found() -> None:
    text = "As anyone who has experienced back spasms and they’ll let you know how painful they are."
    issues = list(as_anyone_issues(text))
    assert [text[i.start:i.end] for i in issues] == ["As anyone who has experienced back spasms and they’ll"]


@pytest.mark.parametrize("text", [
    "Ask anyone who has experienced back spasms and they’ll let you know how painful they are.",
    "As anyone who has experienced back spasms knows, they can be very painful.",
    "As anyone who has had sciatica will tell you, sitting hurts. And they'll be right.",
])
def test_as_anyone_quiet_on_correct_sentences(text: str) -> None:
    assert list(as_anyone_issues(text)) == []


@pytest.mark.parametrize(("sentence", "span"), [
    ("Sometimes it depend on the weather.", "it depend"),
    ("The back muscles heal slowly, and it take weeks.", "it take"),
    ("They has a lot of pain in the morning.", "They has"),
])
def test_pronoun_agreement_is_found(parse, sentence: str, span: str) -> None:  # type: ignore[no-untyped-def]
    assert [sentence[s:e] for s, e in flagged(pronoun_agreement_issues(parse(sentence)))] == [span]


@pytest.mark.parametrize("sentence", [
    "If you or someone with you has chest pain, call 999.",
    "Could it live in the soil for months?",
    "Doctors recommend that she rest for a week.",
    "It needs more time, and they have plenty.",
    "I was tired, and you were right.",
])
def test_pronoun_agreement_quiet_on_correct_sentences(parse, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert flagged(pronoun_agreement_issues(parse(sentence))) == []


@pytest.mark.parametrize(("sentence", "span"), [
    ("Check for anything that may causing an allergic reaction.", "may causing"),
    ("This cream will helps the skin heal.", "will helps"),
])
def test_modal_with_inflected_verb_is_found(parse, sentence: str, span: str) -> None:  # type: ignore[no-untyped-def]
    assert [sentence[s:e] for s, e in flagged(modal_form_issues(parse(sentence)))] == [span]


@pytest.mark.parametrize("sentence", [
    "This cream will help the skin heal.",
    "You may be feeling tired after the treatment.",
    "The will was read after the funeral.",
    "She might fling the door open.",
])
def test_modal_form_quiet_on_correct_sentences(parse, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert flagged(modal_form_issues(parse(sentence))) == []


def test_double_comparative_is_found_and_real_comparatives_are_not(parse) -> None:  # type: ignore[no-untyped-def]
    text = "The pain is more bigger today. More lower back pain is reported, and most other people recover."
    assert [text[s:e] for s, e in flagged(double_comparative_issues(parse(text)))] == ["more bigger"]


def test_uncountable_plural_is_found_and_verbs_are_not() -> None:
    text = "We give informations and advices. She researches the evidence and evidences it."
    assert [text[i.start:i.end] for i in uncountable_plural_issues(text)] == ["informations", "advices"]


@pytest.mark.parametrize(("sentence", "span"), [
    ("Our country have many good hospitals.", "Our country have"),
])
def test_agreement_next_to_an_owned_subject_is_found(parse, sentence: str, span: str) -> None:  # type: ignore[no-untyped-def]
    assert [sentence[s:e] for s, e in flagged(agreement_issues(parse(sentence)))] == [span]


@pytest.mark.parametrize("sentence", [
    "She sang as if the song were a character to play.",
    "How big an impact have the new rules had on patients?",
    "In addition, the price data is for one state only.",
])
def test_adjacent_agreement_quiet_on_correct_sentences(parse, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert flagged(agreement_issues(parse(sentence))) == []
