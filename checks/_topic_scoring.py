"""How far each passage is from the subject of its own article.

Each unit gets a lexical profile (lemma counts weighted by how rare the word is on the web) and a
semantic vector (the weighted mean of static word vectors). The article's subject, for a unit,
is the title plus every other unit (leave one out), so an off-topic passage cannot pull the
subject towards itself. A unit's closeness to that subject is then compared with the closeness
of the article's other units: what counts is how unusual it is within its own article.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from checks._topic_model import WORD, TopicModel, content_words, load_model, stop_words
from checks._topic_units import Unit

TITLE_WEIGHT = 3.0  # the title counts as much as three times its words in the body
# Shares of a unit's closeness to its article (tuned on benchmarks/offtopic.py): the static-vector
# similarity, the tf-idf similarity, and the share of its word weight used elsewhere in the article
# (a transplanted paragraph brings its own rare words, which the article never uses again).
SEMANTIC_WEIGHT, LEXICAL_WEIGHT, SHARED_WEIGHT = 0.3, 0.5, 1.0
MIN_SPREAD = 0.025  # floor of the spread of closeness, so a very uniform article is not over-read


@dataclass(frozen=True)
class Profile:
    weights: dict[str, float]  # lemma -> tf-idf weight
    vector: np.ndarray  # unnormalised weighted sum of word vectors


@dataclass(frozen=True)
class UnitScore:
    unit: Unit
    lexical: float  # cosine of tf-idf profiles, unit against the rest of the article
    semantic: float  # cosine of static-vector means, unit against the rest
    shared: float  # share of the unit's word weight on words the title or another unit uses
    nearest: float  # static-vector cosine with the closest other unit or the title
    health: float  # static-vector cosine with the health domain as a whole
    closeness: float  # the weighted combination
    z: float  # closeness relative to the article's other units (negative = further away)
    top_terms: list[str]


def profile(text: str, model: TopicModel) -> Profile:
    counts: Counter[str] = Counter()
    surfaces: dict[str, str] = {}
    vector = np.zeros(model.vectors.shape[1], dtype=np.float64)
    for surface, lemma in content_words(text):
        if lemma not in model.index and surface in model.index:
            lemma = surface  # "diabetes" is not the plural of a word
        counts[lemma] += 1
        surfaces.setdefault(lemma, surface)
        row = model.vector_row(surface, lemma)
        if row is not None:
            vector += model.specificity(surface) * model.vectors[row]
    weights = {lemma: (1.0 + math.log(n)) * model.specificity(lemma if lemma in model.index else surfaces[lemma])
               for lemma, n in counts.items()}
    return Profile(weights, vector)


def _cosine_rest(part: dict[str, float], total: dict[str, float], total_norm2: float) -> float:
    """Cosine of ``part`` with ``total - part``, without building the difference."""
    dot_total = sum(w * total.get(k, 0.0) for k, w in part.items())
    part_norm2 = sum(w * w for w in part.values())
    dot = dot_total - part_norm2
    rest_norm2 = total_norm2 - 2 * dot_total + part_norm2
    return dot / math.sqrt(part_norm2 * rest_norm2) if part_norm2 > 0 and rest_norm2 > 1e-9 else 0.0


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    na = float(np.linalg.norm(a))
    nb = float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na and nb else 0.0


def _unit_vector(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n else v


def _distinctive_terms(weights: dict[str, float], used_by: Counter[str]) -> list[str]:
    """A unit's top terms, its own words (used nowhere else in the article) first."""
    return top_terms({k: w * (2.0 if used_by[k] == 1 else 1.0) for k, w in weights.items()}, 3)


def top_terms(weights: dict[str, float], n: int) -> list[str]:
    return [k for k, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def score_units(units: list[Unit], title: str, judged: list[int]) -> list[UnitScore]:
    """Scores of the units at the indices ``judged``; every unit forms the article's subject."""
    model = load_model()
    profiles = [profile(u.text, model) for u in units]
    title_profile = profile(title, model)
    total_weights: defaultdict[str, float] = defaultdict(float)
    for p in profiles:
        for k, w in p.weights.items():
            total_weights[k] += w
    for k, w in title_profile.weights.items():
        total_weights[k] += TITLE_WEIGHT * w
    unit_vectors = [_unit_vector(p.vector) for p in profiles]
    title_vector = _unit_vector(title_profile.vector)
    health_vector = model.health_direction()
    total_vector = np.sum(unit_vectors, axis=0) + TITLE_WEIGHT * title_vector

    total_norm2 = sum(w * w for w in total_weights.values())
    used_by: Counter[str] = Counter()  # how many units (and the title) use each lemma
    for p in [*profiles, title_profile]:
        used_by.update(p.weights.keys())
    norm = SEMANTIC_WEIGHT + LEXICAL_WEIGHT + SHARED_WEIGHT
    raw: list[tuple[float, float, float, float]] = []
    for i in range(len(units)):
        p = profiles[i]
        lexical = _cosine_rest(p.weights, total_weights, total_norm2)
        semantic = _cosine(p.vector, total_vector - unit_vectors[i])
        mass = sum(p.weights.values())
        shared = sum(w for k, w in p.weights.items() if used_by[k] > 1) / mass if mass else 1.0
        closeness = (SEMANTIC_WEIGHT * semantic + LEXICAL_WEIGHT * lexical + SHARED_WEIGHT * shared) / norm
        raw.append((lexical, semantic, shared, closeness))

    matrix = np.vstack([*unit_vectors, title_vector])
    neighbours = matrix[: len(units)] @ matrix.T  # cosine of each unit with every unit and the title
    scores: list[UnitScore] = []
    judged_set = set(judged)
    for i in judged:
        others = [raw[j][3] for j in judged_set if j != i]
        mean = sum(others) / len(others)
        spread = max(math.sqrt(sum((c - mean) ** 2 for c in others) / len(others)), MIN_SPREAD)
        lexical, semantic, shared, closeness = raw[i]
        nearest = float(np.delete(neighbours[i], i).max())
        health = float(unit_vectors[i] @ health_vector)
        scores.append(UnitScore(units[i], lexical, semantic, shared, nearest, health, closeness,
                                (closeness - mean) / spread,
                                _distinctive_terms(profiles[i].weights, used_by)))
    return scores


def article_terms(units: list[Unit], title: str, n: int) -> list[str]:
    model = load_model()
    weights: defaultdict[str, float] = defaultdict(float)
    for u in units:
        for k, w in profile(u.text, model).weights.items():
            weights[k] += w
    for k, w in profile(title, model).weights.items():
        weights[k] += TITLE_WEIGHT * w
    return top_terms(dict(weights), n)


@dataclass(frozen=True)
class PassageScore:
    semantic: float  # static-vector cosine with the title and every unit
    health: float  # static-vector cosine with the health domain as a whole
    english: float  # share of its words that are English function words
    shared: float  # share of the passage's word weight on words used elsewhere in the article
    top_terms: list[str]
    key_terms_shared: bool  # whether it uses one of the article's key terms


@dataclass(frozen=True)
class Article:
    """What short passages are compared with: the whole article, computed once."""

    vector: np.ndarray  # the sum of the units' unit-length static vectors and the weighted title's
    counts: Counter[str]  # lemma counts of the whole text
    title_weights: dict[str, float]
    ranked: list[tuple[str, float]]  # (lemma, weight) of the whole article and title, heaviest first
    health: float  # static-vector cosine of the whole article with the health domain


def whole_article(text: str, units: list[Unit], title: str) -> Article:
    model = load_model()
    title_profile = profile(title, model)
    vector = sum((_unit_vector(profile(u.text, model).vector) for u in units),
                 TITLE_WEIGHT * _unit_vector(title_profile.vector))
    counts = _lemma_counts(text, model)
    weights = _weights(counts, Counter(), title_profile.weights, model)
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    vector = np.asarray(vector)
    return Article(vector, counts, title_profile.weights, ranked, _cosine(vector, model.health_direction()))


def _lemma_counts(text: str, model: TopicModel) -> Counter[str]:
    counts: Counter[str] = Counter()
    for surface, lemma in content_words(text):
        counts[surface if lemma not in model.index and surface in model.index else lemma] += 1
    return counts


def _weights(counts: Counter[str], minus: Counter[str], title: dict[str, float], model: TopicModel,
             only: set[str] | None = None) -> dict[str, float]:
    """tf-idf weights of ``counts - minus`` plus the weighted title, for the lemmas ``only`` if given."""
    out: dict[str, float] = {}
    for k in counts if only is None else only:
        n = counts[k] - minus[k]
        w = (1.0 + math.log(n)) * model.specificity(k) if n > 0 else 0.0
        w += TITLE_WEIGHT * title.get(k, 0.0)
        if w > 0:
            out[k] = w
    if only is None:
        for k, w in title.items():
            out.setdefault(k, TITLE_WEIGHT * w)
    return out


def score_passage(text: str, article: Article, key_terms: int) -> PassageScore:
    """A short passage of the article against the rest of it (for short paragraphs, which no unit holds alone)."""
    model = load_model()
    p = profile(text, model)
    own = _lemma_counts(text, model)
    adjusted = _weights(article.counts, own, article.title_weights, model, only=set(own))
    candidates = {k: adjusted.get(k, 0.0) if k in own else w
                  for k, w in article.ranked[: key_terms + len(own)]}
    key = {k for k in top_terms(candidates, key_terms) if candidates[k] > 0}
    mass = sum(p.weights.values())
    shared = sum(w for k, w in p.weights.items() if k in adjusted) / mass if mass else 1.0
    words = [w.lower() for w in WORD.findall(text)]
    english = sum(1 for w in words if w in stop_words()) / len(words) if words else 0.0
    return PassageScore(_cosine(p.vector, article.vector), _cosine(p.vector, model.health_direction()),
                        english, shared, top_terms(p.weights, 3), bool(key & set(p.weights)))
