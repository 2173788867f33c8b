"""HTML reports: one self-contained page per article (and an index). All article content is
escaped; the page loads nothing from the network and runs no script of the article's."""

from __future__ import annotations

from html import escape

from linter.report import ArticleReport, RunReport
from reports.base import Writer
from reports.context import context
from reports.markdown import METRIC_LABELS

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1d232a;padding:0 1rem}
h1{font-size:1.5rem}code{background:#f1f3f5;padding:0 .25rem;border-radius:3px}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
.finding{border-left:4px solid #adb5bd;padding:.4rem .8rem;margin:.8rem 0;background:#fafbfc}
.error{border-color:#d1242f}.warning{border-color:#bf8700}.info{border-color:#0969da}
.sev{font-weight:600;text-transform:uppercase;font-size:.75rem}
blockquote{margin:.4rem 0;color:#57606a}mark{background:#ffe08a;padding:0 .1rem}
.score{font-size:2rem;font-weight:700}
"""


def page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


class HtmlWriter(Writer):
    name = "html"
    extension = ".html"

    def _article_body(self, article: ArticleReport) -> str:
        parts = [f"<h1>{escape(article.title or article.path)}</h1>", f"<p><code>{escape(article.path)}</code></p>"]
        if article.error:
            parts.append(f"<p class=\"finding error\">Could not be linted: {escape(article.error)}</p>")
            return "\n".join(parts)
        parts.append(f"<p><span class=\"score\">{article.score}</span>/100 · {len(article.findings)} findings</p>")
        if article.metrics:
            rows = "".join(f"<tr><th>{escape(METRIC_LABELS.get(k, k))}</th><td>{escape(str(v))}</td></tr>"
                           for k, v in article.metrics.items())
            parts.append(f"<table>{rows}</table>")
        for f in article.findings:
            where = f"line {f.line}, column {f.column}" if f.line is not None else "whole article"
            block = [f"<div class=\"finding {f.severity.label}\"><span class=\"sev\">{f.severity.label}</span> "
                     f"<code>{escape(f.check)}</code> {escape(f.category)} · {where}<br>{escape(f.message)}"]
            ctx = context(article, f)
            if ctx:
                before, flagged, after = ctx
                quoted = f"{escape(before)} <mark>{escape(flagged)}</mark> {escape(after)}"
                block.append(f"<blockquote>{quoted}</blockquote>")
            elif f.text:
                block.append(f"<blockquote><mark>{escape(f.text)}</mark></blockquote>")
            if f.suggestion:
                block.append(f"<div>Suggestion: {escape(f.suggestion)}</div>")
            block.append("</div>")
            parts.append("".join(block))
        if not article.findings:
            parts.append("<p>No findings.</p>")
        return "\n".join(parts)

    def article(self, article: ArticleReport) -> str:
        return page(f"healthlint: {article.title or article.path}", self._article_body(article))

    def run(self, run: RunReport) -> str:
        body = "\n<hr>\n".join(self._article_body(a) for a in run.articles)
        return page("healthlint report", body)

    def index(self, run: RunReport, files: dict[str, str]) -> str:
        rows = "".join(
            f"<tr><td><a href=\"{escape(files.get(a.path, ''))}\">{escape(a.title or a.path)}</a></td>"
            f"<td>{a.score}</td><td>{len(a.findings)}</td></tr>"
            for a in run.articles
        )
        errors = "".join(f"<li>{escape(e)}</li>" for e in run.errors)
        summary = run.summary()
        body = (f"<h1>healthlint report</h1><p>{summary['findings']} findings in {summary['articles']} articles.</p>"
                f"<table><tr><th>Article</th><th>Score</th><th>Findings</th></tr>{rows}</table>"
                + (f"<h2>Could not be read</h2><ul>{errors}</ul>" if errors else ""))
        return page("healthlint report", body)
