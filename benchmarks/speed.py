"""Speed: cold start, throughput against bare spaCy, peak memory, and the cost of each check.

    .venv/bin/python benchmarks/speed.py [--articles 200] [--rounds 2]

Figures, all measured in this one run (the machines are noisy, so compare ratios):
- cold start: `healthlint check` on one 1,000-word Markdown file, whole process, median of 5;
- throughput: words per second of healthlint (all default checks, in one process) over the
  articles, beside bare spaCy `nlp.pipe` over the same prose with the same components, and
  their ratio;
- peak RSS of a `healthlint check` process over the same articles;
- cost of the NLP pass and of each check, in milliseconds per 1,000 words.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._shared import ROOT, require  # noqa: E402


def article_texts(count: int) -> list[str]:
    gold = json.loads(require("extraction", "ground-truth.json").read_text(encoding="utf-8"))
    texts = [gold[k]["articleBody"] for k in sorted(gold) if (gold[k].get("articleBody") or "").strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    out: list[str] = []
    while len(out) < count:
        out.extend(texts[: count - len(out)])
    return out


def thousand_word_markdown(texts: list[str]) -> str:
    words: list[str] = []
    paragraphs = ["# Back pain: what helps", ""]
    for text in texts:
        for para in text.split("\n"):
            if para.strip() and len(words) < 1000:
                paragraphs += [para.strip(), ""]
                words += para.split()
    return "\n".join(paragraphs)


def cold_start(texts: list[str], runs: int = 5) -> list[float]:
    exe = ROOT / ".venv" / "bin" / "healthlint"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "linter.cli"]
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "article.md"
        page.write_text(thousand_word_markdown(texts), encoding="utf-8")
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([*command, "check", "--fail-on", "never", "--no-cache", str(page)],
                           capture_output=True, check=False)
            times.append(time.perf_counter() - started)
    return times


BATCH = 16  # spaCy's default batch of 1,000 documents alone peaks near 3 GB on these articles


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# The CLI's own peak, read from /proc at its exit: the children's getrusage figure would count the
# pages of this (large) benchmark process that a forked child maps until it runs the command.
PEAK_WRAPPER = """
import atexit, runpy, sys
def report():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write(f"\\npeak-rss-kb {peak}\\n")
atexit.register(report)
sys.argv = ["healthlint", *sys.argv[1:]]
runpy.run_module("linter.cli", run_name="__main__")
"""


def cli_peak_rss(texts: list[str]) -> float:
    """Peak RSS (MB) of one `healthlint check` process over the articles written as files."""
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            (Path(tmp) / f"article-{i:04d}.txt").write_text(text, encoding="utf-8")
        done = subprocess.run([sys.executable, "-c", PEAK_WRAPPER, "check", "--fail-on", "never", "--no-cache",
                               "--format", "json", tmp], capture_output=True, text=True, check=False, cwd=ROOT)
    lines = [line for line in done.stderr.splitlines() if line.startswith("peak-rss-kb ")]
    if not lines:
        sys.exit(f"no peak RSS reported by the CLI run: {done.stderr[-500:]}")
    return int(lines[-1].split()[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--skip-cold", action="store_true")
    args = parser.parse_args()

    from linter.config import Config, resolve_checks
    from linter.nlp import Analysis, load_stock_pipeline
    from linter.readers import parse_source
    from linter.registry import default_registry
    from linter.runner import LintOptions, lint_document, lint_documents, needs_of

    texts = article_texts(args.articles)
    print(f"speed benchmark ({time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]}): "
          f"{len(texts)} articles, {sum(len(t.split()) for t in texts):,} words\n")

    if not args.skip_cold:
        cold = cold_start(texts)
        print(f"cold start, `healthlint check` on one 1,000-word Markdown file: median {statistics.median(cold):.2f} s "
              f"(min {min(cold):.2f}, max {max(cold):.2f}, 5 runs)")

    registry = default_registry()
    checks = resolve_checks(Config(), registry)
    needs = needs_of(checks)
    docs = [parse_source(f"a{i}.txt", t, "txt") for i, t in enumerate(texts)]
    words = sum(len(d.text.split()) for d in docs)
    nlp = load_stock_pipeline(needs)  # spaCy's own, as spaCy loads it: the baseline
    options = LintOptions()
    for d in docs[:5]:  # warm both sides: lazy loads (Harper, lexicons, models) happen here
        lint_document(d, checks, options)
    list(nlp.pipe((d.text for d in docs[:5]), batch_size=BATCH))

    # the grammar check runs a second NLP engine (Harper) of its own; the engine's overhead
    # over spaCy shows best without it, so both are measured
    without_grammar = [c for c in checks if c.check.id != "grammar"]
    best = {"spacy": float("inf"), "all": float("inf"), "no-grammar": float("inf")}
    cpu: dict[str, float] = {}  # process CPU seconds of the best round (Harper's thread included)
    first: dict[str, float] = {}  # the first round: Harper has not seen these texts (it caches), and
    # spaCy's lemma cache and the checks' memories are empty on both sides
    for _ in range(args.rounds):
        started, cpu_started = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe((d.text for d in docs), batch_size=BATCH):
            pass
        first.setdefault("spacy", time.perf_counter() - started)
        if time.perf_counter() - started < best["spacy"]:
            best["spacy"], cpu["spacy"] = time.perf_counter() - started, time.process_time() - cpu_started
        for name, chosen in (("all", checks), ("no-grammar", without_grammar)):
            started, cpu_started = time.perf_counter(), time.process_time()
            for _ in lint_documents(((d, d, chosen) for d in docs), options):  # as the CLI does
                pass
            first.setdefault(name, time.perf_counter() - started)
            if time.perf_counter() - started < best[name]:
                best[name], cpu[name] = time.perf_counter() - started, time.process_time() - cpu_started
    per_1k = {name: seconds * 1000 * 1000 / words for name, seconds in cpu.items()}
    print(f"spaCy components for the default checks: {', '.join(nlp.pipe_names)}")
    print(f"bare spaCy nlp.pipe:                      {words / best['spacy']:8,.0f} words/s"
          f"   CPU {per_1k['spacy']:.0f} ms per 1,000 words")
    print(f"healthlint, all default checks:           {words / best['all']:8,.0f} words/s"
          f"   ratio {best['spacy'] / best['all']:.2f}   CPU {per_1k['all']:.0f} ms per 1,000 words"
          f" (Harper lints on a second thread)")
    print(f"healthlint, all but grammar (Harper):     {words / best['no-grammar']:8,.0f} words/s"
          f"   ratio {best['spacy'] / best['no-grammar']:.2f}   CPU {per_1k['no-grammar']:.0f} ms per 1,000 words"
          f"   (best of {args.rounds} rounds each)")
    print(f"first round alone, both sides cold (texts new to Harper's cache, each pipeline's and checks' caches "
          f"empty): bare spaCy {words / first['spacy']:,.0f} words/s, all default checks {words / first['all']:,.0f} "
          f"words/s, ratio {first['spacy'] / first['all']:.2f}; all but grammar ratio "
          f"{first['spacy'] / first['no-grammar']:.2f}")
    print(f"  (healthlint's first round against spaCy's best round: ratio {best['spacy'] / first['all']:.2f})")

    # the cost of each stage on the same documents, the parse done once and shared
    stage: dict[str, float] = defaultdict(float)
    for d in docs:
        analysis = Analysis(d, needs)
        started = time.perf_counter()
        _ = analysis.doc
        stage["NLP pass (spaCy)"] += time.perf_counter() - started
        for setting in checks:
            started = time.perf_counter()
            list(setting.check().run(d, analysis, setting.settings))
            stage[setting.check.id] += time.perf_counter() - started
    print("\ncost per 1,000 words (ms):")
    for name, seconds in sorted(stage.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<30}{seconds * 1000 * 1000 / words:8.1f}")

    print(f"\npeak RSS of one `healthlint check` process over the {len(texts)} articles: "
          f"{cli_peak_rss(texts):.0f} MB (this benchmark process, bare spaCy included: {peak_mb():.0f} MB)")

    try:
        from benchmarks.speed_ci import ci_figures
    except ImportError:
        return
    print()
    ci_figures()


if __name__ == "__main__":
    main()
