"""The topic model of the off-topic check: word weights and static word vectors, loaded once.

The vectors were distilled from all-MiniLM-L6-v2 by scripts/distil_topic_model.py (each frequent
English word encoded alone, reduced by PCA, stored as int8). Each word also carries its count in
a large web corpus: the rarer the word, the more it says about a passage's subject.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
MIN_WORD_CHARS = 3
_lock = threading.Lock()


def _data_lines(name: str) -> list[str]:
    text = resources.files("checks").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Function words and words common to any health article (data file offtopic_stopwords.txt)."""
    return frozenset(_data_lines("offtopic_stopwords.txt"))


def normalise(word: str) -> str:
    """A cheap lemma: lower case, no possessive, regular plurals folded to the singular."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'-")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "ics")):
        return word[:-1]
    return word


def content_words(text: str) -> list[tuple[str, str]]:
    """(surface form in lower case, lemma) of the words that can carry a topic."""
    stops = stop_words()
    out: list[tuple[str, str]] = []
    for match in WORD.finditer(text):
        surface = match.group().lower().replace("’", "'")
        if surface.endswith("'s"):
            surface = surface[:-2]
        lemma = normalise(surface)
        if len(lemma) < MIN_WORD_CHARS or lemma in stops or surface in stops or "'" in surface:
            continue
        out.append((surface, lemma))
    return out


@dataclass(frozen=True)
class TopicModel:
    index: dict[str, int]
    vectors: np.ndarray  # float32, one unit-length row per word
    log_total: float
    log_counts: np.ndarray  # natural log of each word's corpus count
    unknown_log_count: float  # for words outside the vocabulary (rarer than all of it)

    def specificity(self, word: str) -> float:
        """How much a word says about a subject: -log of its corpus frequency."""
        row = self.index.get(word)
        log_count = self.unknown_log_count if row is None else float(self.log_counts[row])
        return self.log_total - log_count

    def health_direction(self) -> np.ndarray:
        """Unit vector of the health domain (mean of the words in offtopic_health_terms.txt)."""
        return _health_direction(self)

    def vector_row(self, word: str, lemma: str) -> int | None:
        row = self.index.get(word)
        return self.index.get(lemma) if row is None else row


_model: TopicModel | None = None
_health: np.ndarray | None = None


def _health_direction(model: TopicModel) -> np.ndarray:
    global _health
    if _health is None:
        rows = [model.index[w] for w in _data_lines("offtopic_health_terms.txt") if w in model.index]
        mean = model.vectors[rows].mean(axis=0)
        _health = mean / float(np.linalg.norm(mean))
    return _health


def load_model() -> TopicModel:
    """The shipped model, loaded once per process."""
    global _model
    with _lock:
        if _model is None:
            ref = resources.files("checks").joinpath("data", "offtopic_vectors.npz")
            with ref.open("rb") as handle, np.load(handle) as data:
                words: list[str] = data["words"].tolist()
                vectors = data["vectors"].astype(np.float32)
                counts = data["counts"].astype(np.float64)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            log_counts = np.log(counts)
            _model = TopicModel(
                index={w: i for i, w in enumerate(words)},
                vectors=vectors / norms,
                log_total=math.log(float(counts.sum())),
                log_counts=log_counts,
                unknown_log_count=float(log_counts.min()) - math.log(2.0),
            )
        return _model
