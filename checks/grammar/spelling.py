"""How serious an engine's spelling finding is, judged against the vocabulary.

Professional health writing is full of names of people, drugs and conditions that engines
take for misspellings. A word listed as medical or by the user is not a misspelling at all;
a capitalised word (most are names: at a sentence start too) or one known to the general
word list is only info;
an unknown lowercase word, or a known one next to a far more frequent word one or two edits
away ("recieve" / "receive"), is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from checks.grammar import lexicon
from checks.grammar.vocabulary import Vocabulary
from linter.engines import EngineIssue
from linter.findings import Severity

SENTENCE_ENDS = ".!?:;\n"
OPENERS = "\"'“‘([«"
AFFIXES = "grammar_affixes.txt"
MISSPELLING_RATIO = 10.0  # a typing-slip neighbour this many times more frequent makes a known word suspect
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F'’]+")  # other scripts are the language checks' business
# Known words more frequent than this (about the 18,000 commonest) are real words, never typing
# slips: "form" is not a slip for "from".
SLIP_CEILING = 2_000_000.0


def starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i] in " \t" or text[i] in OPENERS):
        i -= 1
    return i < 0 or text[i] in SENTENCE_ENDS


def could_be_warning(word: str) -> bool:
    """Only a lowercase word of plain ASCII letters (hyphens and apostrophes allowed) can be a
    misspelling warning: anything else is a name, an acronym, a code or a foreign word."""
    return word.isascii() and all(ch.isalpha() or ch in "-'’" for ch in word) and not any(ch.isupper() for ch in word)


def spelling_severity(vocab: Vocabulary, text: str, start: int, end: int,
                      suggestion: str | None) -> Severity | None:
    """Warning, info, or None when the word is not a misspelling."""
    word = text[start:end].strip().strip("'’")
    if not word:
        return None
    if vocab.is_listed(word):
        return None
    if not could_be_warning(word) or inside_name_or_address(text, start, end):
        # numbers, codes, foreign words; a name, an acronym, a handle, a web address: at a
        # sentence start too
        return Severity.INFO
    if not vocab.knows(word):
        return Severity.INFO if coinage(vocab, word.lower()) else Severity.WARNING
    if misspelling_of(vocab, word.lower(), suggestion) is not None:
        return Severity.WARNING
    return Severity.INFO


def inside_name_or_address(text: str, start: int, end: int) -> bool:
    """Whether a word is part of a URL, e-mail, handle, hashtag or hyphenated compound."""
    before = text[start - 1:start] if start else ""
    after = text[end:end + 2]
    return before in ("@", "#", ".", "/", "-", "_") or after[:1] in ("-", "_", "@", "/") or (
        after[:1] == "." and after[1:2].isalnum())


def coinage(vocab: Vocabulary, word: str) -> bool:
    """A known word with a productive prefix or suffix: "astrobiologists", "unevidenced"."""
    affixes = lexicon.sections(AFFIXES)
    for prefix in affixes.get("prefixes", ()):
        rest = word[len(prefix):].lstrip("-")
        if word.startswith(prefix) and len(rest) >= 4 and vocab.knows(rest):
            return True
    for suffix in affixes.get("suffixes", ()):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 4 and (vocab.knows(stem) or vocab.knows(stem + "e")):
            return True
    return False


def misspelling_of(vocab: Vocabulary, word: str, suggestion: str | None) -> str | None:
    """The word a known but rare word is probably a misspelling of: the engine's suggestion, or
    the most common word one edit away, when it is far more common and the difference looks like
    a typing slip (see `typing_slip`), not another word ("canner" / "cancer")."""
    if vocab.is_listed(word):
        return None
    candidates = [suggestion.lower()] if suggestion else []
    neighbour = vocab.most_common_neighbour(word)
    if neighbour:
        candidates.append(neighbour)
    for candidate in candidates:
        if (
            " " not in candidate
            and typing_slip(word, candidate)
            and vocab.count(candidate) >= MISSPELLING_RATIO * max(vocab.count(word), 1.0)
        ):
            return candidate
    return None


def typing_slip(word: str, target: str) -> bool:
    """Whether word is target with one typical slip: two adjacent letters swapped ("recieve"), or
    a letter dropped or doubled inside the word ("goverment", "untill"). Other one-letter changes
    often make another real word ("canner" / "cancer", "binging" / "banging", "techy" / "tech")."""
    if word == target or word.replace("-", "") == target.replace("-", ""):
        return False
    if len(word) == len(target):
        diffs = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            i = diffs[0]
            return word[i] == target[i + 1] and word[i + 1] == target[i]
        return False
    longer, shorter = (word, target) if len(word) > len(target) else (target, word)
    if len(longer) != len(shorter) + 1:
        return False
    i = next((k for k, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter))
    if longer[:i] + longer[i + 1:] != shorter:
        return False
    doubled = (i > 0 and longer[i - 1] == longer[i]) or (i + 1 < len(longer) and longer[i + 1] == longer[i])
    return doubled or 0 < i < len(longer) - 1


_doubted_known: dict[str, bool] = {}  # lowercase known word -> a likely typing slip (vocabulary-wide)
DOUBTED_MEMO_LIMIT = 200_000


CONTRACTION_ENDINGS = ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "'")
UNLISTED = "unlisted-word"  # the rule of an unknown word that can only be info (a name, a foreign word)


def _known_contraction(low: str, vocab: Vocabulary) -> bool:
    """"don't", "it’s", "governor's": a known word with a contraction or possessive ending."""
    plain = low.replace("’", "'")
    for ending in CONTRACTION_ENDINGS:
        stem = plain[: -len(ending)]
        if plain.endswith(ending) and stem and (stem in vocab.counts or vocab.is_listed(stem)):
            return True
    return False




def doubted_words(text: str, vocab: Vocabulary) -> tuple[list[str], list[str]]:
    """The words of text that need a spell check, in two lists: the lowercase ones worth asking
    Harper about (unknown to the general and medical word lists, or rare and one typing slip
    away from a far more common word: "recieve"), and the others no list knows, which can only
    be info (names, brands, foreign words: Harper's verdict would not change that, and asking
    costs it a search for suggestions per word). Coinages of known words are neither."""
    ask: list[str] = []
    unlisted: list[str] = []
    for word in sorted(set(WORD.findall(text))):
        if len(word) < 2 or vocab.is_listed(word) or not LATIN_WORD.fullmatch(word):
            continue
        low = word.lower()
        count = vocab.counts.get(low)
        if count is None:
            if _known_contraction(low, vocab) or coinage(vocab, low):
                continue  # "don't", "astrobiologists": known words with an ending or a prefix
            (ask if could_be_warning(word) else unlisted).append(word)
        elif count < SLIP_CEILING and could_be_warning(word):
            slip = _doubted_known.get(low)
            if slip is None:  # the general list is the same for every run: remember the verdict
                if len(_doubted_known) >= DOUBTED_MEMO_LIMIT:
                    _doubted_known.clear()
                slip = _doubted_known[low] = misspelling_of(vocab, low, None) is not None
            if slip:
                ask.append(word)
    return ask, unlisted


def unlisted_issues(words: Iterable[str]) -> dict[str, EngineIssue]:
    """The project's own finding on each word no list knows (span within the word)."""
    return {w: EngineIssue(engine="rules", start=0, end=len(w), category="Spelling", rule=UNLISTED,
                           message=f"“{w}” is in none of the word lists (a name, a brand or a foreign word?)",
                           suggestion=None) for w in words}


def spelling_issues(text: str, unknown: dict[str, EngineIssue], taken: Sequence[EngineIssue]) -> Iterator[EngineIssue]:
    """An issue at every occurrence of an unknown word, except where another lint already is
    (Harper keeps one lint per span: "usedand" is a fused word, not a misspelling)."""
    if not unknown:
        return
    occupied = [(issue.start, issue.end) for issue in taken]
    for match in WORD.finditer(text):
        found = unknown.get(match.group())
        if found is None or any(s < match.end() and match.start() < e for s, e in occupied):
            continue
        yield EngineIssue(engine=found.engine, start=match.start(), end=match.end(), category=found.category,
                          rule=found.rule, message=found.message, suggestion=found.suggestion)
