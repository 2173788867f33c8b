"""Where the public evaluation data lives, and a clear message when it is absent."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"


def require(*parts: str) -> Path:
    """The path of a data set under ../shared/benchmarks, or exit with a clear message."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        sys.exit(f"benchmark data not found: {path} (the public benchmark data lives beside the checkout "
                 "in ../shared/benchmarks; see benchmarks/README.md)")
    return path
