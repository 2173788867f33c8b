"""Readability metrics of the prose (textstat 0.7.8, which works offline)."""

from __future__ import annotations

from linter.document import Document


def _prose(document: Document) -> str:
    # headings and list items without terminal punctuation would glue into run-on sentences
    parts = []
    for block in document.blocks:
        text = document.block_text(block).strip()
        if text and text[-1] not in ".!?:;":
            text += "."
        parts.append(text)
    return "\n".join(parts)


def compute_metrics(document: Document) -> dict[str, float]:
    prose = _prose(document)
    words = len(prose.split())
    if words == 0:
        return {"words": 0, "sentences": 0}
    import textstat

    from linter.syllables import install

    install()

    return {
        "words": words,
        "sentences": int(textstat.sentence_count(prose)),
        "flesch_reading_ease": round(float(textstat.flesch_reading_ease(prose)), 1),
        "flesch_kincaid_grade": round(float(textstat.flesch_kincaid_grade(prose)), 1),
        "smog_index": round(float(textstat.smog_index(prose)), 1),
    }
