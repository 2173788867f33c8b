"""The lexicons of the medical-claim and professional-advice checks, read from data files.

Word lists (``claims_*.txt``, ``advice_*.txt`` in ``checks/data``) hold lemmas or multi-word
phrases in lower case; pattern lists hold regular expressions matched case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from checks._data import data_lines as read_data_lines

QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of ``checks/data/<name>.txt``."""
    return list(read_data_lines(f"{name}.txt"))


@lru_cache(maxsize=65536)
def _has_suffix(word: str, suffixes: tuple[str, ...]) -> bool:
    """Whether word ends with one of the suffixes after at least three letters ("-statin")."""
    return any(word.endswith(s) and len(word) > len(s) + 2 for s in suffixes)


@dataclass(frozen=True)
class WordList:
    """Single words, multi-word phrases and word endings that belong to one class of terms."""

    words: frozenset[str]
    phrases: tuple[str, ...]
    suffixes: tuple[str, ...] = ()

    def has_word(self, word: str) -> bool:
        word = word.lower()
        if word in self.words:
            return True
        return bool(self.suffixes) and _has_suffix(word, self.suffixes)

    def in_words(self, lemmas: Sequence[str], texts: Sequence[str] = ()) -> bool:
        """Whether the lemmas (or the words as written) contain a term of this list."""
        if any(self.has_word(w) for w in lemmas) or any(self.has_word(w) for w in texts):
            return True
        if not self.phrases:
            return False
        joined = (" " + " ".join(w.lower() for w in lemmas) + " ", " " + " ".join(w.lower() for w in texts) + " ")
        return any(f" {p} " in j for p in self.phrases for j in joined)


def _word_list(names: Iterable[str], suffix_file: str | None = None) -> WordList:
    terms = [t.lower() for n in names for t in data_lines(n)]
    suffixes = tuple(s.lower() for s in data_lines(suffix_file)) if suffix_file else ()
    return WordList(frozenset(t for t in terms if " " not in t), tuple(t for t in terms if " " in t), suffixes)


def _patterns(name: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in data_lines(name))


def phrase_pattern(pattern: str) -> re.Pattern[str]:
    """A phrase pattern whose spaces match any run of whitespace: pages wrap their lines
    anywhere ("a psychiatrist,\npsychologist or physician")."""
    return re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE)


@dataclass(frozen=True)
class Lexicons:
    effect_verbs: frozenset[str]
    causal_verbs: dict[str, str]  # lemma -> the particle or preposition it needs ("" for none)
    causal_markers: tuple[re.Pattern[str], ...]
    effect_nouns: frozenset[str]
    effect_adjectives: frozenset[str]
    effect_nominals: dict[str, str]  # noun -> the preposition it needs
    meta_subjects: frozenset[str]
    necessity_adjectives: frozenset[str]
    light_verbs: frozenset[str]
    change_nouns: frozenset[str]
    negating_phrases: tuple[str, ...]
    passive_routine: frozenset[str]
    agenda_verbs: frozenset[str]
    role_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    benefit_modifiers: frozenset[str]
    observation_verbs: frozenset[str]
    purpose_nouns: frozenset[str]
    description_verbs: frozenset[str]
    harm_verbs: dict[str, str]  # lemma -> the object it needs to be a harm ("" for none)
    prevalence_nouns: WordList
    prevalence_modifiers: frozenset[str]
    conditions: WordList
    interventions: WordList
    safety: tuple[tuple[str, re.Pattern[str]], ...]
    absolute: tuple[re.Pattern[str], ...]
    hedges: tuple[re.Pattern[str], ...]
    sources: tuple[re.Pattern[str], ...]
    professionals: WordList
    referral_verbs: frozenset[str]
    discouraged_referral: tuple[re.Pattern[str], ...]
    medicines: WordList
    change_verbs: dict[str, str]
    supervision: tuple[re.Pattern[str], ...]
    risk_denial: tuple[re.Pattern[str], ...]
    distrust: tuple[re.Pattern[str], ...]
    distrust_mentions: tuple[re.Pattern[str], ...]
    red_flags: tuple[re.Pattern[str], ...]
    advice_actions: frozenset[str]


def _verbs_with_particles(name: str) -> dict[str, str]:
    verbs: dict[str, str] = {}
    for line in data_lines(name):
        head, _, rest = line.lower().partition(" ")
        verbs[head] = rest
    return verbs


def _harm_verbs() -> dict[str, str]:
    verbs: dict[str, str] = {}
    for line in data_lines("claims_harm_verbs"):
        head, _, needed = line.lower().partition(" ")
        verbs.setdefault(head, "")
        verbs[head] = " ".join(filter(None, [verbs[head], needed]))
    return verbs


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """All lexicons, loaded once per process."""
    safety = []
    for line in data_lines("claims_safety"):
        strength, _, pattern = line.partition("\t")
        safety.append((strength.strip(), re.compile(pattern.strip(), re.IGNORECASE)))
    return Lexicons(
        effect_verbs=frozenset(data_lines("claims_effect_verbs")),
        causal_verbs=_verbs_with_particles("claims_causal_verbs"),
        causal_markers=_patterns("claims_causal_markers"),
        effect_nouns=frozenset(data_lines("claims_effect_nouns")),
        effect_adjectives=frozenset(data_lines("claims_effect_adjectives")),
        effect_nominals=dict(tuple(line.split("\t", 1)) for line in data_lines("claims_effect_nominals")),  # type: ignore[misc]
        meta_subjects=frozenset(data_lines("claims_meta_subjects")),
        necessity_adjectives=frozenset(data_lines("claims_necessity_adjectives")),
        light_verbs=frozenset(data_lines("claims_light_verbs")),
        change_nouns=frozenset(data_lines("claims_change_nouns")),
        negating_phrases=tuple(data_lines("claims_negating_phrases")),
        passive_routine=frozenset(data_lines("claims_passive_routine")),
        agenda_verbs=frozenset(data_lines("claims_agenda_verbs")),
        role_nouns=frozenset(data_lines("claims_role_nouns")),
        reporting_verbs=frozenset(data_lines("claims_reporting_verbs")),
        benefit_modifiers=frozenset(data_lines("claims_benefit_modifiers")),
        observation_verbs=frozenset(data_lines("claims_observation_verbs")),
        purpose_nouns=frozenset(data_lines("claims_purpose_nouns")),
        description_verbs=frozenset(data_lines("claims_description_verbs")),
        harm_verbs=_harm_verbs(),
        prevalence_nouns=_word_list(["claims_prevalence_nouns"]),
        prevalence_modifiers=frozenset(data_lines("claims_prevalence_modifiers")),
        conditions=_word_list(["claims_conditions"], "claims_condition_suffixes"),
        interventions=_word_list(["claims_interventions", "claims_drugs"], "claims_intervention_suffixes"),
        safety=tuple(safety),
        absolute=_patterns("claims_absolute"),
        hedges=_patterns("claims_hedges"),
        sources=_patterns("claims_sources"),
        professionals=_word_list(["advice_professionals"]),
        referral_verbs=frozenset(data_lines("advice_referral_verbs")),
        discouraged_referral=_patterns("advice_discouraged_referral"),
        medicines=_word_list(["advice_medicine_terms", "claims_drugs"], "claims_intervention_suffixes"),
        change_verbs=_verbs_with_particles("advice_change_verbs"),
        supervision=_patterns("advice_supervision"),
        risk_denial=_patterns("advice_risk_denial"),
        distrust=tuple(phrase_pattern(p) for p in data_lines("advice_distrust")),
        distrust_mentions=_patterns("advice_distrust_mentions"),
        red_flags=_patterns("advice_red_flags"),
        advice_actions=frozenset(data_lines("advice_actions")),
    )


WORD = re.compile(r"[^\W\d_][\w'-]*")


def names_health_terms(text: str, interventions: bool = True) -> bool:
    """Whether plain text (no parse) names a condition, or a treatment of the lexicons; a final
    "s" is also tried off, for plurals."""
    lex = lexicons()
    words = [w.lower() for w in WORD.findall(text)]
    singular = [w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in words]
    if lex.conditions.in_words(singular, words):
        return True
    return interventions and lex.interventions.in_words(singular, words)


def normalise(text: str) -> str:
    """Typographic apostrophes and quotes as ASCII (same length, so offsets still hold)."""
    return text.translate(QUOTES)


def first_match(patterns: Iterable[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The match of the first pattern that matches text (typographic quotes read as ASCII)."""
    text = normalise(text)
    return next((found for p in patterns if (found := p.search(text))), None)


def matches_any(patterns: Iterable[re.Pattern[str]], text: str) -> bool:
    return first_match(patterns, text) is not None
