"""The `healthlint` command line."""

from __future__ import annotations

import argparse
import os
import re
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

    rules = sub.add_parser("rules", help="list the checks")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    explain = sub.add_parser("explain", help="show the docs of a check (or `score`)")
    explain.add_argument("id")
    return parser


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [v for value in values for v in re.split(r"[,\s]+", value) if v]


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def cmd_check(args: argparse.Namespace) -> int:
    from linter.config import ConfigError, ConfigResolver
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
    select, ignore = _split(args.select), _split(args.ignore)
    try:
        resolver = ConfigResolver(registry, args.config)
        base = resolver.for_path(str(Path.cwd() / "x"))
        for selector in (select or []) + (ignore or []):
            from linter.config import matches

            if not any(matches(selector, c) for c in registry.all()):
                raise ConfigError(f"--select/--ignore: {selector!r} matches no check id, prefix or category")
    except ConfigError as exc:
        print(f"healthlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    fail_on = args.fail_on or base.fail_on or "error"
    min_sev = args.min_severity or base.min_severity or "info"
    wants_context = args.format in ("markdown", "html") or args.output_dir is not None
    session = Session(
        registry, resolver,
        LintOptions(min_severity=Severity.parse(min_sev), report_unused_suppressions=args.report_unused_suppressions,
                    keep_context=wants_context),
        select, ignore,
    )
    files, missing = discover(args.paths, [*base.include, *args.include], [*base.exclude, *args.exclude],
                              respect_gitignore=base.respect_gitignore and not args.no_gitignore)
    run = RunReport(errors=list(missing))
    for path in files:
        try:
            article = session.lint_path(path, stdin_name=args.stdin_filename)
        except ConfigError as exc:
            print(f"healthlint: error: {exc}", file=sys.stderr)
            return EXIT_ERROR
        run.articles.append(article)
        if article.error:
            run.errors.append(f"{article.path}: {article.error}")
    for err in run.errors:
        print(f"healthlint: error: {err}", file=sys.stderr)

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
    handlers = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain}
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
