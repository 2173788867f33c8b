"""The `healthlint` command line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from linter import __version__
from linter.findings import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="healthlint", description="A content-quality linter for consumer health articles."
    )
    parser.add_argument("--version", action="version", version=f"healthlint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="lint articles (Markdown, HTML, text)")
    check.add_argument("paths", nargs="*", default=["."], help="files or directories; - reads stdin")
    check.add_argument("--format", default="text", help="text, json, markdown, html, sarif, github")
    check.add_argument("--output-dir", type=Path, help="write one report per article plus an index here")
    check.add_argument("--config", type=Path, help="configuration file (default: nearest to each file)")
    check.add_argument("--select", action="append", help="check ids, prefixes or categories to run (comma list)")
    check.add_argument("--ignore", action="append", help="check ids, prefixes or categories to skip (comma list)")
    check.add_argument("--fail-on", choices=["error", "warning", "info", "never"], help="default: error")
    check.add_argument("--min-severity", choices=["error", "warning", "info"], help="hide findings below this")
    check.add_argument("--include", action="append", default=[], help="glob of files to lint in directories")
    check.add_argument("--exclude", action="append", default=[], help="glob of files or folders to skip")
    check.add_argument("--no-gitignore", action="store_true", help="also lint files that git ignores")
    check.add_argument("--stdin-filename", help="name (and so format) of the article read from stdin")
    check.add_argument("--report-unused-suppressions", action="store_true")
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    check.add_argument("-q", "--quiet", action="store_true", help="print only the summary line")
    check.add_argument("--baseline", type=Path, help="report only findings not recorded in this baseline file")
    check.add_argument("--write-baseline", type=Path, metavar="FILE", help="record the current findings in FILE")
    check.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    check.add_argument("--cache-dir", type=Path, help="result cache folder (default: .healthlint_cache)")
    check.add_argument("--changed-since", metavar="REF", help="lint only files changed since this git ref")
    check.add_argument("--changed-lines-only", action="store_true",
                       help="with --changed-since: keep only findings on changed lines")

    rules = sub.add_parser("rules", help="list the checks")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    explain = sub.add_parser("explain", help="show the docs of a check (or `score`)")
    explain.add_argument("id")
    from linter.batch.cli import add_parser as add_audit_parser

    add_audit_parser(sub)
    return parser


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def cmd_check(args: argparse.Namespace) -> int:
    from linter.config import ConfigError, ConfigResolver, check_selectors, split_selectors
    from linter.discovery import discover
    from linter.engine import Session
    from linter.registry import default_registry
    from linter.report import RunReport
    from linter.runner import LintOptions
    from reports import get_writer, writer_names

    if args.format not in writer_names():
        print(f"healthlint: error: unknown format {args.format!r} (choose from {', '.join(writer_names())})",
              file=sys.stderr)
        return EXIT_ERROR
    registry = default_registry()
    select, ignore = split_selectors(args.select), split_selectors(args.ignore)
    try:
        resolver = ConfigResolver(registry, args.config)
        base = resolver.for_path(str(Path.cwd() / "x"))
        check_selectors((select or []) + (ignore or []), registry)
    except ConfigError as exc:
        print(f"healthlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.changed_lines_only and not args.changed_since:
        print("healthlint: error: --changed-lines-only needs --changed-since REF", file=sys.stderr)
        return EXIT_ERROR
    fail_on = args.fail_on or base.fail_on or "error"
    min_sev = args.min_severity or base.min_severity or "info"
    wants_context = (args.format in ("markdown", "html", "sarif") or args.output_dir is not None
                     or bool(args.baseline or args.write_baseline))  # fingerprints read the sentence
    session = Session(
        registry, resolver,
        LintOptions(min_severity=Severity.parse(min_sev), report_unused_suppressions=args.report_unused_suppressions,
                    keep_context=wants_context),
        select, ignore,
    )
    if not args.no_cache:
        from linter.cache import CACHE_DIR, ResultCache

        session.cache = ResultCache(args.cache_dir or base.root / CACHE_DIR)
    files, missing = discover(args.paths, [*base.include, *args.include], [*base.exclude, *args.exclude],
                              respect_gitignore=base.respect_gitignore and not args.no_gitignore)
    changes = None
    if args.changed_since:
        from linter.changes import ChangesError, changes_since, only_changed_files

        try:
            changes = changes_since(args.changed_since, with_lines=args.changed_lines_only)
        except ChangesError as exc:
            print(f"healthlint: error: --changed-since {args.changed_since}: {exc}", file=sys.stderr)
            return EXIT_ERROR
        files = only_changed_files(files, changes)
    run = RunReport(errors=list(missing))
    try:
        for article in session.lint_paths(files, stdin_name=args.stdin_filename):
            run.articles.append(article)
            if article.error:
                run.errors.append(f"{article.path}: {article.error}")
    except ConfigError as exc:
        print(f"healthlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if session.cache is not None:
        session.cache.close()
    if changes is not None and args.changed_lines_only:
        from linter.changes import keep_changed_lines

        keep_changed_lines(run, changes)
    for err in run.errors:
        print(f"healthlint: error: {err}", file=sys.stderr)
    if args.write_baseline:
        from linter.baseline import write_baseline

        count = write_baseline(run, args.write_baseline)
        print(f"healthlint: wrote {count} finding{'s' if count != 1 else ''} to the baseline {args.write_baseline}",
              file=sys.stderr)
        return EXIT_ERROR if run.errors else EXIT_OK
    if args.baseline:
        from linter.baseline import BaselineError, apply_baseline, read_baseline

        try:
            fixed = apply_baseline(run, read_baseline(args.baseline))
        except BaselineError as exc:
            print(f"healthlint: error: {exc}", file=sys.stderr)
            return EXIT_ERROR
        for entry in fixed if not args.changed_lines_only else []:
            print(f"healthlint: fixed: {entry.path}: [{entry.check}] {entry.text or entry.message}", file=sys.stderr)

    writer = get_writer(args.format, color=_use_color(args.color), root=str(Path.cwd()))
    if args.output_dir:
        from reports.output_dir import write_output_dir

        write_output_dir(run, writer, args.output_dir)
    if args.quiet and args.format == "text":
        from reports.text import TextWriter

        assert isinstance(writer, TextWriter)
        sys.stdout.write(writer.summary_line(run) + "\n")
    else:
        sys.stdout.write(writer.run(run))
    if args.output_dir:
        print(f"Reports written to {args.output_dir}/ (open {args.output_dir}/index{writer.extension})",
              file=sys.stderr)
    if run.errors or run.has_internal_error:
        return EXIT_ERROR
    if fail_on != "never":
        threshold = Severity.parse(fail_on)
        if any(f.severity >= threshold for a in run.articles for f in a.findings):
            return EXIT_FINDINGS
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from linter.registry import default_registry

    checks = default_registry().all()
    if args.format == "json":
        import json

        print(json.dumps([{"id": c.id, "category": c.category, "severity": c.severity.label, "summary": c.summary}
                          for c in checks], indent=2))
        return EXIT_OK
    width = max(len(c.id) for c in checks)
    for c in checks:
        print(f"{c.id:<{width}}  {c.category:<19}  {c.severity.label:<7}  {c.summary}")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from linter.registry import default_registry

    if args.id == "score":
        import linter.scoring

        print((linter.scoring.__doc__ or "").strip())
        return EXIT_OK
    registry = default_registry()
    if args.id not in registry:
        print(f"healthlint: error: no check {args.id!r}; see `healthlint rules`", file=sys.stderr)
        return EXIT_ERROR
    check = registry.get(args.id)
    print(f"{check.id} ({check.category}, {check.severity.label} by default)\n")
    print(check.docs())
    if check.options:
        print("\nSettings (defaults):")
        for key, value in check.options.items():
            print(f"  {key} = {value!r}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from linter.batch.cli import cmd_audit

    handlers = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "audit": cmd_audit}
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
