"""`healthlint audit INPUT... --out DIR`: the command line of batch audits."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_ERROR = 0, 2


def add_parser(sub: Any) -> None:
    audit = sub.add_parser("audit", help="audit many pages: folders, JSONL and WARC files",
                           description="Lint many pages into DIR/findings.jsonl, summary.json and report.html. "
                                       "Rerunning with the same --out resumes an interrupted audit.")
    audit.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="folders, .jsonl/.jsonl.gz record files, .warc/.warc.gz captures, or articles")
    audit.add_argument("--out", type=Path, required=True, help="output folder (resumed when it has findings)")
    audit.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                       help="worker processes (default: the CPU count); with --engine dask, local workers")
    audit.add_argument("--per-article", action="store_true", help="also write DIR/articles/<article>.html")
    audit.add_argument("--config", type=Path, help="configuration file (default: found from the current folder)")
    audit.add_argument("--select", action="append", help="check ids, prefixes or categories to run (comma list)")
    audit.add_argument("--ignore", action="append", help="check ids, prefixes or categories to skip (comma list)")
    audit.add_argument("--min-severity", choices=["error", "warning", "info"], help="drop findings below this")
    audit.add_argument("--time-limit", type=float, help="seconds per article before it is given up (0: none)")
    audit.add_argument("--id-field", help="JSONL field with the record id (default: id)")
    audit.add_argument("--url-field", help="JSONL field with the page URL (default: url)")
    audit.add_argument("--title-field", help="JSONL field with the title (default: title)")
    audit.add_argument("--content-field", action="append",
                       help="JSONL field with the content, as NAME or NAME:FORMAT (html, md, txt); repeatable")
    audit.add_argument("--engine", choices=["local", "dask"], default="local")
    audit.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster of --jobs workers)")
    audit.add_argument("--progress", choices=["auto", "bar", "lines"], default="auto",
                       help="a bar on a terminal, periodic lines otherwise (auto)")
    audit.add_argument("-q", "--quiet", action="store_true", help="no progress, only the closing line")


def cmd_audit(args: argparse.Namespace) -> int:
    from linter.batch.audit import Audit, AuditOptions
    from linter.batch.inputs import RecordFields
    from linter.batch.local import EngineError
    from linter.batch.work import WorkSettings
    from linter.config import ENGINE_SECTIONS, ConfigError, ConfigResolver, check_selectors, split_selectors
    from linter.registry import default_registry

    registry = default_registry()
    select, ignore = split_selectors(args.select), split_selectors(args.ignore)
    try:
        resolver = ConfigResolver(registry, args.config)
        config = resolver.for_path(str(Path.cwd() / "audit"))
        check_selectors((select or []) + (ignore or []), registry)
    except ConfigError as exc:
        print(f"healthlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    section = {**ENGINE_SECTIONS["audit"], **config.engines.get("audit", {})}
    if args.engine != "dask" and args.scheduler:
        print("healthlint: error: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_ERROR
    fields = RecordFields(
        id=args.id_field or section["id-field"], url=args.url_field or section["url-field"],
        title=args.title_field or section["title-field"],
        content=tuple(args.content_field or section["content-fields"]),
    )
    settings = WorkSettings(
        config=config, select=tuple(select) if select else None, ignore=tuple(ignore) if ignore else None,
        min_severity=args.min_severity or config.min_severity or "info",
        time_limit=float(section["time-limit"] if args.time_limit is None else args.time_limit),
        per_article=args.per_article,
    )
    options = AuditOptions(
        inputs=args.inputs, out=args.out, jobs=max(1, args.jobs), engine=args.engine, scheduler=args.scheduler,
        per_article=args.per_article, fields=fields, progress="quiet" if args.quiet else args.progress,
        progress_interval=float(section["progress-interval"]), table_rows=int(section["table-rows"]),
        max_bytes=config.max_file_size, recycle_after=int(section["recycle-after"]),
    )
    try:
        summary = Audit(options, settings).run()
    except EngineError as exc:
        print(f"healthlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for missing in summary["missing_inputs"]:
        print(f"healthlint: error: {missing}: no such file or directory", file=sys.stderr)
    run = summary["run"]
    print(f"{summary['articles']} articles ({run['articles']} this run), {summary['findings']} findings, "
          f"{summary['errors']} could not be linted; report: {args.out / 'report.html'}", file=sys.stderr)
    return EXIT_ERROR if summary["missing_inputs"] else EXIT_OK
