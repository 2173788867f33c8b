"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::error file=docs/a.md,line=3,col=1,endLine=3,endColumn=8,title=healthlint spam-cta::message

Messages escape ``%``, ``\\r`` and ``\\n``; property values also escape ``:`` and ``,``.
"""

from __future__ import annotations

from linter.findings import LocatedFinding, Severity
from linter.report import ArticleReport, RunReport
from reports.base import Writer
from reports.sarif import relative_to_root

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubWriter(Writer):
    name = "github"
    extension = ".txt"

    def command(self, article: ArticleReport, f: LocatedFinding) -> str:
        props: list[tuple[str, object]] = [("file", relative_to_root(article.path, self.root))]
        if f.line is not None:
            props += [("line", f.line), ("col", f.column), ("endLine", f.end_line), ("endColumn", f.end_column)]
        props.append(("title", f"healthlint {f.check}"))
        rendered = ",".join(f"{k}={escape_property(str(v))}" for k, v in props if v is not None)
        message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        return f"::{COMMANDS[f.severity]} {rendered}::{escape_data(message)}"

    def run(self, run: RunReport) -> str:
        lines = [self.command(a, f) for a in run.articles for f in a.findings]
        lines += [f"::error title=healthlint::{escape_data(err)}" for err in run.errors]
        total = len(lines) - len(run.errors)
        lines.append(f"healthlint: {total} finding{'s' if total != 1 else ''} in {len(run.articles)} "
                     f"article{'s' if len(run.articles) != 1 else ''}")
        return "\n".join(lines) + "\n"
