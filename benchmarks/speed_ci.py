"""Speed in CI and pre-commit: a hook run on 3 changed files, and a cached rerun against the first run.

    .venv/bin/python benchmarks/speed_ci.py [--rounds 3] [--repo-files 500]

Every figure is a whole `healthlint check` process (interpreter start, imports, model load),
the way a hook or a CI step runs it, timed by wall clock on this machine:
- pre-commit style: three changed articles of the corpus, no cache, median of the rounds;
- cached rerun over the corpus: first run into an empty cache, then the same run again;
  the ratio second / first is what an unchanged push costs;
- the same on a repository of `--repo-files` articles made from the corpus (each copy made
  unique, so that no two files share a cache entry); 0 skips it.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEALTHLINT = [sys.executable, "-m", "linter.cli", "check", "--fail-on", "never", "--format", "json"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}  # time the code of this checkout, wherever healthlint is installed
SUFFIXES = (".md", ".html", ".txt")


def corpus_articles() -> list[Path]:
    return sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in SUFFIXES and p.name != "README.md")


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """(wall clock, CPU) seconds of one healthlint process; CPU time is steadier on a busy machine."""
    cpu, start = _child_cpu(), time.perf_counter()
    proc = subprocess.run([*HEALTHLINT, *args], cwd=cwd, env=ENV, capture_output=True, check=False)
    elapsed, cpu = time.perf_counter() - start, _child_cpu() - cpu
    if proc.returncode not in (0, 1):
        sys.exit(f"healthlint failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-2000:]}")
    return elapsed, cpu


def words_in(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in paths)


def precommit_run(rounds: int) -> None:
    changed = corpus_articles()[:3]
    runs = [timed(["--no-cache", *map(str, changed)], ROOT) for _ in range(rounds)]
    wall, cpu = [r[0] for r in runs], [r[1] for r in runs]
    names = ", ".join(p.name for p in changed)
    print(f"pre-commit style run, 3 changed files ({words_in(changed):,} words: {names}), cold process, "
          f"no cache: median {statistics.median(wall):.2f} s wall (min {min(wall):.2f}, max {max(wall):.2f}), "
          f"median {statistics.median(cpu):.2f} s CPU, {rounds} rounds")


def cached_rerun(label: str, files: list[Path], repo: Path) -> None:
    cache = repo / ".healthlint_cache"
    shutil.rmtree(cache, ignore_errors=True)
    args = ["--cache-dir", str(cache), str(repo)]
    (first, first_cpu), (second, second_cpu) = timed(args, repo), timed(args, repo)
    print(f"cached rerun over {label} ({len(files)} files, {words_in(files):,} words): "
          f"first run {first:.2f} s wall / {first_cpu:.2f} s CPU, second run {second:.2f} s wall / "
          f"{second_cpu:.2f} s CPU; ratio second/first {second / first:.3f} wall, {second_cpu / first_cpu:.3f} CPU")


def make_repo(count: int, into: Path) -> list[Path]:
    sources = corpus_articles()
    made: list[Path] = []
    for i in range(count):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8", errors="replace")
        # a unique marker per copy, in a form each format keeps as prose
        marker = f"Revision {i}."
        if src.suffix == ".html":
            text = text.replace("</body>", f"<p>{marker}</p></body>", 1) if "</body>" in text else text + marker
        else:
            text = f"{text.rstrip()}\n\n{marker}\n"
        dest = into / f"{i:04d}-{src.name}"
        dest.write_text(text, encoding="utf-8")
        made.append(dest)
    return made


def ci_figures(rounds: int = 3, repo_files: int = 500) -> None:
    """Print the CI figures: the pre-commit style run and the cached reruns."""
    print("## CI integration")
    precommit_run(rounds)
    with tempfile.TemporaryDirectory() as tmp:
        corpus_copy = Path(tmp) / "corpus"
        corpus_copy.mkdir()
        files = []
        for p in corpus_articles():
            shutil.copy(p, corpus_copy / p.name)
            files.append(corpus_copy / p.name)
        cached_rerun("the corpus", files, corpus_copy)
        if repo_files:
            repo = Path(tmp) / "repo"
            repo.mkdir()
            cached_rerun(f"a repository of {repo_files} articles made from the corpus",
                         make_repo(repo_files, repo), repo)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repo-files", type=int, default=500)
    args = parser.parse_args()
    ci_figures(args.rounds, args.repo_files)


if __name__ == "__main__":
    main()
