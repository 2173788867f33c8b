"""Terminal output in the style of ruff: path:line:col: severity [check] message."""

from __future__ import annotations

from collections import Counter

from linter.findings import LocatedFinding, Severity
from linter.report import ArticleReport, RunReport
from reports.base import Writer

COLORS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[1;36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


class TextWriter(Writer):
    name = "text"
    extension = ".txt"

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.color else text

    def finding(self, article: ArticleReport, f: LocatedFinding) -> str:
        where = f"{article.path}:{f.line}:{f.column}" if f.line is not None else f"{article.path}"
        head = (f"{self._c(BOLD, where)}: {self._c(COLORS[f.severity], f.severity.label)} "
                f"[{f.check}] {f.message}")
        lines = [head]
        if f.line is not None and f.text:
            shown = f.text if len(f.text) <= 160 else f.text[:157] + "..."
            shown = shown.replace("\n", " ")
            lines.append(f"  {self._c(DIM, '|')} {shown}")
        if f.suggestion:
            lines.append(f"  {self._c(DIM, '=')} suggestion: {f.suggestion}")
        return "\n".join(lines)

    def run(self, run: RunReport) -> str:
        out: list[str] = []
        for article in run.articles:
            for f in article.findings:
                out.append(self.finding(article, f))
        out.append(self.summary_line(run))
        return "\n".join(out) + "\n"

    def summary_line(self, run: RunReport) -> str:
        counts = Counter(f.severity for a in run.articles for f in a.findings)
        total = sum(counts.values())
        articles = len(run.articles)
        parts = [f"{counts[s]} {s.label}{'s' if s != Severity.INFO and counts[s] != 1 else ''}"
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
        line = (f"Found {total} finding{'s' if total != 1 else ''}"
                f"{' (' + ', '.join(parts) + ')' if parts else ''} in {articles} article{'s' if articles != 1 else ''}")
        if run.errors:
            line += f"; {len(run.errors)} file{'s' if len(run.errors) != 1 else ''} could not be read"
        if total == 0 and not run.errors:
            line = f"All checks passed ({articles} article{'s' if articles != 1 else ''})"
        return self._c(BOLD, line + ".")

    def article(self, article: ArticleReport) -> str:
        header = f"{article.path}  score {article.score}  words {article.word_count}\n"
        return header + self.run(RunReport(articles=[article]))

    def index(self, run: RunReport, files: dict[str, str]) -> str:
        rows = [
            f"{a.score if a.score is not None else '-':>5}  {len(a.findings):>4}  {a.path}  ->  {files.get(a.path, '')}"
            for a in run.articles
        ]
        return "score  findings  article\n" + "\n".join(rows) + "\n" + self.summary_line(run) + "\n"
