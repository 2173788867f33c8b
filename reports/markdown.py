"""Markdown reports: per article, each finding with its sentence and the flagged text in bold."""

from __future__ import annotations

from linter.report import ArticleReport, RunReport
from reports.base import Writer
from reports.context import context

METRIC_LABELS = {
    "words": "Words", "sentences": "Sentences", "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade", "smog_index": "SMOG index",
}


def md_escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


class MarkdownWriter(Writer):
    name = "markdown"
    extension = ".md"

    def article(self, article: ArticleReport) -> str:
        lines = [f"# {md_escape(article.title or article.path)}", "", f"`{article.path}`", ""]
        if article.error:
            return "\n".join([*lines, f"**Could not be linted:** {md_escape(article.error)}", ""])
        lines += [f"**Score:** {article.score}/100 · **Findings:** {len(article.findings)}", ""]
        if article.metrics:
            lines += ["| Metric | Value |", "| --- | --- |"]
            lines += [f"| {METRIC_LABELS.get(k, k)} | {v} |" for k, v in article.metrics.items()]
            lines.append("")
        if not article.findings:
            lines += ["No findings.", ""]
        for f in article.findings:
            where = f"line {f.line}, column {f.column}" if f.line is not None else "whole article"
            lines.append(f"- **{f.severity.label}** `{f.check}` ({f.category}, {where}): {md_escape(f.message)}")
            ctx = context(article, f)
            if ctx:
                before, flagged, after = ctx
                lines.append(f"  > {md_escape(before)} **{md_escape(flagged)}** {md_escape(after)}".rstrip())
            elif f.text:
                lines.append(f"  > **{md_escape(f.text)}**")
            if f.suggestion:
                lines.append(f"  Suggestion: {md_escape(f.suggestion)}")
        lines.append("")
        return "\n".join(lines)

    def run(self, run: RunReport) -> str:
        parts = [self.article(a) for a in run.articles]
        summary = run.summary()
        parts.append(f"---\n\n{summary['findings']} findings in {summary['articles']} articles.\n")
        return "\n".join(parts)

    def index(self, run: RunReport, files: dict[str, str]) -> str:
        lines = ["# healthlint report", "", "| Article | Score | Findings | Report |", "| --- | --- | --- | --- |"]
        for a in run.articles:
            report = files.get(a.path, "")
            lines.append(f"| {md_escape(a.title or a.path)} | {a.score} | {len(a.findings)} | [{report}]({report}) |")
        summary = run.summary()
        lines += ["", f"{summary['findings']} findings in {summary['articles']} articles.", ""]
        for err in run.errors:
            lines.append(f"- could not be read: {md_escape(err)}")
        return "\n".join(lines) + "\n"
