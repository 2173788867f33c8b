"""Grammar and garbled text: Harper, LanguageTool on demand, and the project's rules, merged."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from checks.grammar import lexicon
from checks.grammar.english import EnglishSentences
from checks.grammar.merge import Judged, merge
from checks.grammar.spelling import misspelling_of, spelling_severity, starts_sentence
from checks.grammar.vocabulary import Vocabulary
from linter.config import ENGINE_SECTIONS
from linter.document import Document
from linter.engines import EngineIssue, EngineUnavailable
from linter.findings import Finding, Severity
from linter.nlp import NEED_PARSE, Analysis
from linter.registry import Check, register

ENGINES = ("harper", "languagetool", "rules")
CATEGORIES_FILE = "grammar_engine_categories.txt"
IGNORED_FILE = "grammar_ignored_messages.txt"


@register
class Grammar(Check):
    """What it finds: ungrammatical and garbled text: words run together ("usedand"), verbs
    that disagree with their subject across a phrase ("Muscle spasms in the back is"), double
    modals ("will should"), repeated words, wrong word forms, broken constructions ("As anyone
    who has had it and they'll tell you"), and misspellings. Engines: Harper (offline, the
    default), LanguageTool when configured, and the project's own rules on the spaCy parse;
    findings of several engines on one span are merged and name the engines. Spelling
    findings on names (capitalised mid-sentence), acronyms and words a general or medical word
    list knows are info, never warnings; drug and condition names are known words.

    Why it matters: pages made by article spinners and scrapers are full of text that is
    barely English. Readers stop trusting a health page with garbled sentences, and a garbled
    sentence about a dose or a warning can be misread.

    Example: "These spasms come about on account of the muscles being over usedand more
    importantlybeing used in the wrong way." "The youngster will should be monitored."

    How to fix: rewrite the sentence in plain, correct English (the suggestion shows the likely
    fix). Add correct words the engines do not know to [tool.healthlint.grammar] words.
    Settings: [tool.healthlint.grammar] engines (harper, languagetool; the project's rules
    always run), words, style (also report style and punctuation preferences, at info);
    [tool.healthlint.languagetool] url or path, timeout, language, disabled-rules;
    per check: `spelling` (false drops spelling findings).
    """

    id = "grammar"
    category = "grammar"
    severity = Severity.WARNING
    needs = frozenset({NEED_PARSE})
    summary = "Ungrammatical or garbled text: fused words, agreement, double modals, misspellings"
    options: ClassVar[Mapping[str, Any]] = {"spelling": True}
    engine_sections: ClassVar[tuple[str, ...]] = ("grammar", "languagetool")

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        grammar = {**ENGINE_SECTIONS["grammar"], **settings.get("grammar", {})}
        text = document.text
        vocab = Vocabulary(grammar["words"])
        issues: list[EngineIssue] = []
        for name in grammar["engines"]:
            if name not in ENGINES:
                yield Finding(self.id, f"Unknown grammar engine {name!r} in [tool.healthlint.grammar] engines "
                              f"(known: {', '.join(ENGINES)})", severity=Severity.ERROR)
            elif name != "rules":
                try:
                    issues.extend(engine_issues(name, text, settings))
                except EngineUnavailable as exc:
                    yield Finding(self.id, str(exc), severity=Severity.ERROR)
        issues.extend(own_rule_issues(analysis, text, vocab))
        english = EnglishSentences(text, analysis.sentences)
        judged = [
            j for j in judge_all(issues, text, vocab, style=bool(grammar["style"]),
                                 spelling=bool(settings.get("spelling", True)))
            if english.at(j.start)
        ]
        for item in merge(judged):
            yield Finding(
                self.id,
                f"{item.message} ({', '.join(item.engines)})",
                item.start,
                item.end,
                severity=None if item.severity == self.severity else item.severity,
                suggestion=item.suggestion,
            )


def engine_issues(name: str, text: str, settings: Mapping[str, Any]) -> list[EngineIssue]:
    """The issues of one external engine on text (raises EngineUnavailable)."""
    if name == "harper":
        from linter.engines.harper_engine import harper_issues

        return harper_issues(text)
    from linter.engines.languagetool_engine import languagetool_client

    lt_settings = {**ENGINE_SECTIONS["languagetool"], **settings.get("languagetool", {})}
    return languagetool_client(lt_settings).check(text)


def own_rule_issues(analysis: Analysis | None, text: str, vocab: Vocabulary) -> list[EngineIssue]:
    from checks.grammar.rules import rule_issues

    return rule_issues(analysis.doc if analysis is not None else None, text, vocab)


def group_of(issue: EngineIssue) -> str:
    """grammar, spelling, fused or style, from the data file of engine categories."""
    if issue.engine == "rules":
        return "grammar"
    return lexicon.mapping(CATEGORIES_FILE, issue.engine).get(issue.category, "style")


def judge(issue: EngineIssue, text: str, vocab: Vocabulary, style: bool, spelling: bool) -> Judged | None:
    """The group and severity of an issue, or None when it is not a problem worth reporting."""
    if ignored(issue, text):
        return None
    group = group_of(issue)
    severity: Severity | None = Severity.WARNING
    if group == "fused":
        word = text[issue.start:issue.end]
        split = issue.suggestion or ""
        if " " not in split or split.replace(" ", "") != word.replace(" ", ""):
            group = "style"  # Harper's other typo guesses ("were" / "where") are unreliable
        elif word[:1].isupper() and not starts_sentence(text, issue.start):
            return None  # a name
        elif vocab.knows(word):
            # a real compound ("weeklong", "noncompete"), or a misspelling Harper split ("usally")
            fix = misspelling_of(vocab, word.lower(), None)
            if fix is None or not spelling:
                return None
            return Judged(issue.engine, issue.start, issue.end, "spelling", Severity.WARNING,
                          f"Did you mean “{fix}”?", fix)
        else:
            group = "grammar"
    if group == "spelling":
        if not spelling:
            return None
        if issue.suggestion and issue.suggestion.replace("-", "") == text[issue.start:issue.end].replace("-", ""):
            group = "style"  # "pre-existing" / "preexisting": a hyphenation preference
    if group == "spelling":
        severity = spelling_severity(vocab, text, issue.start, issue.end, issue.suggestion)
    elif group == "style":
        severity = Severity.INFO if style else None
    if severity is None:
        return None
    return Judged(issue.engine, issue.start, issue.end, group, severity, issue.message, issue.suggestion)


def ignored(issue: EngineIssue, text: str) -> bool:
    """Findings known to be wrong: listed messages, and a letter glued to a symbol ("A&E")."""
    if any(re.search(pattern, issue.message) for pattern in lexicon.lines(IGNORED_FILE)):
        return True
    flagged = text[issue.start:issue.end]
    after = text[issue.end:issue.end + 1]
    return len(flagged) == 1 and bool(after) and not after.isspace() and not after.isalpha()


def judge_all(issues: Iterable[EngineIssue], text: str, vocab: Vocabulary, *, style: bool,
              spelling: bool) -> Iterator[Judged]:
    for issue in issues:
        verdict = judge(issue, text, vocab, style, spelling)
        if verdict is not None:
            yield verdict
