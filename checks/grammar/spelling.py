"""How serious an engine's spelling finding is, judged against the vocabulary.

Professional health writing is full of names of people, drugs and conditions that engines
take for misspellings. A word listed as medical or by the user is not a misspelling at all;
a word capitalised mid-sentence (a name) or known to the general word list is only info;
an unknown lowercase word, or a known one next to a far more frequent word one or two edits
away ("recieve" / "receive"), is a warning.
"""

from __future__ import annotations

from checks.grammar.vocabulary import Vocabulary, edit_distance
from linter.findings import Severity

SENTENCE_ENDS = ".!?:;\n"
OPENERS = "\"'“‘([«"
MISSPELLING_RATIO = 40.0  # an engine's suggestion this many times more frequent makes a known word suspect
NEIGHBOUR_RATIO = 500.0  # a one-edit neighbour must be far more frequent still ("usally" / "usually")


def starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i] in " \t" or text[i] in OPENERS):
        i -= 1
    return i < 0 or text[i] in SENTENCE_ENDS


def spelling_severity(vocab: Vocabulary, text: str, start: int, end: int,
                      suggestion: str | None) -> Severity | None:
    """Warning, info, or None when the word is not a misspelling."""
    word = text[start:end].strip().strip("'’")
    if not word:
        return None
    if vocab.is_listed(word):
        return None
    if not all(ch.isalpha() or ch in "-'’" for ch in word) or not word.isascii():
        return Severity.INFO  # numbers, codes, foreign words
    if any(ch.isupper() for ch in word) and (not starts_sentence(text, start) or word.isupper()):
        return Severity.INFO  # a name or an acronym
    if not vocab.knows(word):
        return Severity.WARNING
    if misspelling_of(vocab, word.lower(), suggestion) is not None:
        return Severity.WARNING
    return Severity.INFO


def misspelling_of(vocab: Vocabulary, word: str, suggestion: str | None) -> str | None:
    """The word a known but rare word is probably a misspelling of: the engine's suggestion when
    it is far more common and close, else a one-edit neighbour that is overwhelmingly more common."""
    if vocab.is_listed(word):
        return None
    if suggestion and _far_more_common(vocab, word, suggestion.lower(), MISSPELLING_RATIO):
        return suggestion
    neighbour = vocab.most_common_neighbour(word)
    if neighbour and _far_more_common(vocab, word, neighbour, NEIGHBOUR_RATIO):
        return neighbour
    return None


def _far_more_common(vocab: Vocabulary, word: str, suggestion: str, ratio: float) -> bool:
    if " " in suggestion or suggestion.replace("-", "") == word.replace("-", ""):
        return False
    return (
        vocab.count(suggestion) >= ratio * max(vocab.count(word), 1.0)
        and edit_distance(word, suggestion) <= 2
    )
