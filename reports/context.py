"""The sentence around a finding, split into before / flagged / after, for reports."""

from __future__ import annotations

from linter.findings import LocatedFinding
from linter.report import ArticleReport

BOUNDARY = ".!?\n"
MAX_CONTEXT = 240


def context(article: ArticleReport, finding: LocatedFinding) -> tuple[str, str, str] | None:
    if finding.start is None or finding.end is None or not article.text:
        return None
    text = article.text
    start, end = finding.start, finding.end
    left = start
    while left > 0 and text[left - 1] not in BOUNDARY and start - left < MAX_CONTEXT:
        left -= 1
    right = end
    while right < len(text) and text[right - 1 if right > end else right] not in BOUNDARY and right - end < MAX_CONTEXT:
        right += 1
    return text[left:start].lstrip(), text[start:end], text[end:right].rstrip()
