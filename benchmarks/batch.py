"""Batch audit throughput and memory: --jobs 1, --jobs 2 and a Dask LocalCluster side by side.

Builds a JSONL file of at least 1,000 records at run time from the public pages in
../shared/benchmarks/ (the Sondhi pages and the extraction benchmark's HTML, repeated with
new ids), audits it with each engine into a temporary folder and prints pages/s, words/s,
the speedup of two workers over one, peak RSS per worker, and the largest worker RSS after
100 and after 1,000 pages.

Usage: .venv/bin/python benchmarks/batch.py [--pages 1000] [--select IDS] [--no-dask]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._shared import require  # noqa: E402
from linter.batch.audit import Audit, AuditOptions  # noqa: E402
from linter.batch.work import WorkSettings  # noqa: E402
from linter.config import ConfigResolver  # noqa: E402
from linter.registry import default_registry  # noqa: E402


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def pages() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for side in ("reliable", "unreliable"):
        for path in sorted(require("pages", "sondhi", side).glob("*.html")):
            found.append((f"sondhi/{side}/{path.name}", decode(path.read_bytes())))
    for path in sorted(require("extraction", "html").glob("*.html.gz")):
        found.append((f"extraction/{path.name[:16]}", decode(gzip.decompress(path.read_bytes()))))
    return found


def build_jsonl(target: Path, count: int) -> int:
    source = pages()
    with target.open("w", encoding="utf-8") as fh:
        for i in range(count):
            name, html = source[i % len(source)]
            fh.write(json.dumps({"id": f"{i:05d}/{name}", "html": html}) + "\n")
    return len(source)


def audit(records: Path, out: Path, engine: str, jobs: int, settings: WorkSettings) -> dict[str, Any]:
    options = AuditOptions(inputs=[str(records)], out=out, jobs=jobs, engine=engine, progress="quiet")
    started = time.monotonic()
    summary = Audit(options, settings).run()
    summary["run"]["wall_seconds"] = round(time.monotonic() - started, 1)
    return summary


def row(label: str, summary: dict[str, Any]) -> str:
    run = summary["run"]
    peaks = ", ".join(f"{w['peak_rss_mb']:.0f}" for w in run["workers"].values())
    memory = {m["articles"]: m["max_worker_rss_mb"] for m in run["memory"]}
    return (f"| {label} | {run['articles']} | {run['wall_seconds']} | {run['articles_per_second']} | "
            f"{run['steady_articles_per_second']} | {run['words_per_second']:,} | {peaks} | "
            f"{memory.get(100, '-')} | {memory.get(1000, '-')} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--select", help="check ids to run (default: all)")
    parser.add_argument("--ignore", help="check ids to leave out")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--time-limit", type=float, default=300.0, help="seconds per page (default 300)")
    args = parser.parse_args()

    registry = default_registry()
    config = ConfigResolver(registry).for_path(None)
    select = tuple(args.select.split(",")) if args.select else None
    ignore = tuple(args.ignore.split(",")) if args.ignore else None
    settings = WorkSettings(config=config, select=select, ignore=ignore, time_limit=args.time_limit)
    runs: list[tuple[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory(prefix="healthlint-batch-") as tmp:
        records = Path(tmp) / "pages.jsonl"
        distinct = build_jsonl(records, args.pages)
        print(f"{args.pages} records from {distinct} distinct pages ({records.stat().st_size / 2**20:.0f} MiB JSONL); "
              f"checks: {args.select or 'all ' + str(len(registry.all()))}"
              + (f" but {args.ignore}" if args.ignore else ""), flush=True)
        plan = [("local --jobs 1", "local", 1), ("local --jobs 2", "local", 2)]
        if not args.no_dask:
            plan.append(("dask LocalCluster, 2 workers", "dask", 2))
        for label, engine, jobs in plan:
            out = Path(tmp) / label.replace(" ", "_").replace(",", "")
            summary = audit(records, out, engine, jobs, settings)
            runs.append((label, summary))
            lines = [json.loads(x) for x in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
            slowest = sorted(lines, key=lambda x: -(x.get("seconds") or 0))[:3]
            print(f"  {label}: {summary['run']['wall_seconds']} s; slowest pages: "
                  + ", ".join(f"{x['path']} {x.get('seconds')} s ({x['word_count']} words)" for x in slowest),
                  flush=True)
            for x in lines:
                if x.get("error"):
                    print(f"    error entry: {x['path']}: {x['error']}", flush=True)
    first = runs[0][1]
    print(f"\n{time.strftime('%Y-%m-%d')}, {platform.machine()}, Python {platform.python_version()}; "
          f"{first['linted']} linted, {first['errors']} error entries, {first['words']:,} words, "
          f"{first['findings']:,} findings")
    print("| run | pages | wall s | pages/s | steady pages/s | words/s | peak RSS per worker (MiB) | "
          "max worker RSS after 100 pages (MiB) | after 1,000 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
    for label, summary in runs:
        print(row(label, summary))
    one = runs[0][1]["run"]
    for label, summary in runs[1:]:
        run = summary["run"]
        print(f"speedup of {label} over --jobs 1: {run['articles_per_second'] / one['articles_per_second']:.2f} "
              f"(wall), {run['steady_articles_per_second'] / one['steady_articles_per_second']:.2f} (steady)")
    for label, summary in runs[1:]:
        differ = sorted(k for k in first if k != "run" and summary.get(k) != first[k])
        print(f"summary of {label} vs --jobs 1: " + (f"differs in {', '.join(differ)}" if differ else "identical"))


if __name__ == "__main__":
    main()
