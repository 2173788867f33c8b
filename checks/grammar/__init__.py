"""Grammar and garbled text: Harper, LanguageTool on demand, and the project's rules, merged."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from checks.grammar import lexicon
from checks.grammar.english import EnglishSentences
from checks.grammar.merge import Judged, Merged, merge
from checks.grammar.spelling import (
    OPENERS,
    coinage,
    doubted_words,
    inside_name_or_address,
    misspelling_of,
    spelling_issues,
    spelling_severity,
    starts_sentence,
    unlisted_issues,
)
from checks.grammar.vocabulary import Vocabulary
from linter.config import ENGINE_SECTIONS
from linter.document import Document
from linter.engines import EngineIssue, EngineUnavailable
from linter.findings import Finding, Severity
from linter.nlp import NEED_PARSE, Analysis
from linter.registry import Check, register

if TYPE_CHECKING:
    from spacy.tokens import Doc

ENGINES = ("harper", "languagetool", "rules")
CATEGORIES_FILE = "grammar_engine_categories.txt"
IGNORED_FILE = "grammar_ignored_messages.txt"
HARPER_STYLE_RULES_FILE = "grammar_harper_style_rules.txt"
REPEATABLE_FILE = "grammar_repeatable_words.txt"
QUESTIONS_KEPT = 4  # texts whose doubted words are remembered (an article prepared ahead, and the current one)


@register
class Grammar(Check):
    """What it finds: ungrammatical and garbled text: words run together ("usedand"), verbs
    that disagree with their subject across a phrase ("Muscle spasms in the back is"), double
    modals ("will should"), repeated words, wrong word forms, broken constructions ("As anyone
    who has had it and they'll tell you"), and misspellings. Engines: Harper (offline, the
    default), LanguageTool when configured, and the project's own rules on the spaCy parse;
    findings of several engines on one span are merged and name the engines. Spelling: a word
    that a general word list of 333,000 words knows is no misspelling unless it is one typing
    slip away from a far more common word ("recieve"); the others go to Harper's spell checker.
    Capitalised words (names, brands, acronyms), web addresses, handles and coinages
    ("astrobiologists") are never warnings (a name no list knows is info); drug and condition
    names are known words.
    Passages in another language are left to the language checks.

    Why it matters: pages made by article spinners and scrapers are full of text that is
    barely English. Readers stop trusting a health page with garbled sentences, and a garbled
    sentence about a dose or a warning can be misread.

    Example: "These spasms come about on account of the muscles being over usedand more
    importantlybeing used in the wrong way." "The youngster will should be monitored."

    How to fix: rewrite the sentence in plain, correct English (the suggestion shows the likely
    fix). Add correct words the engines do not know to [tool.healthlint.grammar] words.
    Settings: [tool.healthlint.grammar] engines (harper, languagetool; the project's rules
    always run), words (your own vocabulary), style (also report style and punctuation
    preferences, at info);
    [tool.healthlint.languagetool] url or path, timeout, language, disabled-rules;
    per check: `spelling` (false drops spelling findings).
    """

    id = "grammar"
    category = "grammar"
    languages = frozenset({"en"})  # English grammar and spelling
    severity = Severity.WARNING
    needs = frozenset({NEED_PARSE})
    summary = "Ungrammatical or garbled text: fused words, agreement, double modals, misspellings"
    options: ClassVar[Mapping[str, Any]] = {"spelling": True}
    engine_sections: ClassVar[tuple[str, ...]] = ("grammar", "languagetool")

    def prepare(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> None:
        grammar = grammar_section(settings)
        if "harper" in grammar.get("engines", ["harper"]):
            from linter.engines.harper_engine import start_harper, start_unknown_words

            # Harper lints on its own thread during the spaCy parse, and its spell checker
            # looks up the doubted words on another
            start_harper(document.text, spell_check=False, rules_off=harper_rules_off(grammar))
            if settings.get("spelling", True):
                start_unknown_words(spelling_questions(document.text, Vocabulary(grammar.get("words", [])))[0])

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        grammar = grammar_section(settings)
        merged, errors = grammar_findings(
            document.text, lambda: analysis.doc, lambda: passages(document, analysis), grammar,
            settings.get("languagetool", {}), spelling=bool(settings.get("spelling", True)),
        )
        for error in errors:
            yield Finding(self.id, error, severity=Severity.ERROR)
        for item in merged:
            yield Finding(
                self.id,
                f"{item.message} ({', '.join(item.engines)})",
                item.start,
                item.end,
                severity=None if item.severity == self.severity else item.severity,
                suggestion=item.suggestion,
            )


def grammar_section(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The [tool.healthlint.grammar] settings, the defaults filled in."""
    return {**ENGINE_SECTIONS["grammar"], **settings.get("grammar", {})}


def passages(document: Document, analysis: Analysis) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The sentence spans and the block spans of a document."""
    return analysis.sentences, [(b.start, b.end) for b in document.blocks]


Passages = tuple[list[tuple[int, int]], list[tuple[int, int]]]


def grammar_findings(text: str, parse: Callable[[], Doc | None], sentences: Callable[[], Passages],
                     grammar: Mapping[str, Any], languagetool: Mapping[str, Any], *, spelling: bool = True,
                     rules: bool = True) -> tuple[list[Merged], list[str]]:
    """(merged findings, configuration or engine errors) of the engines in grammar["engines"], plus
    the project's rules unless rules is False. parse and sentences give the spaCy parse of text
    and its (sentence spans, block spans) when needed."""
    vocab = Vocabulary(grammar.get("words", []))
    issues: list[EngineIssue] = []
    errors: list[str] = []
    for name in grammar.get("engines", ["harper"]):
        if name not in ENGINES:
            errors.append(f"Unknown grammar engine {name!r} in [tool.healthlint.grammar] engines "
                          f"(known: {', '.join(ENGINES)})")
        elif name != "rules":
            try:
                issues.extend(engine_issues(name, text, languagetool, vocab if spelling else None,
                                            harper_rules_off(grammar)))
            except EngineUnavailable as exc:
                errors.append(str(exc))
    if rules:
        issues.extend(own_rule_issues(parse(), text, vocab))
    judged = list(judge_all(issues, text, vocab, style=bool(grammar.get("style", False)), spelling=spelling))
    if judged:
        english = EnglishSentences(text, *sentences())
        judged = [j for j in judged if english.at(j.start)]
    return merge(judged), errors


def harper_rules_off(grammar: Mapping[str, Any]) -> tuple[str, ...]:
    """Harper's rules whose lints would all be dropped as style preferences (none with style on)."""
    return () if grammar.get("style", False) else lexicon.lines(HARPER_STYLE_RULES_FILE)


def engine_issues(name: str, text: str, languagetool: Mapping[str, Any],
                  vocab: Vocabulary | None = None, harper_off: Iterable[str] = ()) -> list[EngineIssue]:
    """The issues of one external engine on text (raises EngineUnavailable). Harper's spell
    checker is asked only about the words the vocabulary doubts, and not at all without vocab;
    the Harper rules in harper_off are not run."""
    if name == "harper":
        from linter.engines.harper_engine import harper_issues, harper_unknown_words

        issues = harper_issues(text, spell_check=False, rules_off=harper_off)
        if vocab is not None:
            ask, unlisted = spelling_questions(text, vocab)
            unknown = {**unlisted_issues(unlisted), **harper_unknown_words(ask)}
            issues.extend(spelling_issues(text, unknown, issues))
            issues.sort(key=lambda i: (i.start, i.end, i.category))
        return issues
    from linter.engines.languagetool_engine import languagetool_client

    return languagetool_client({**ENGINE_SECTIONS["languagetool"], **languagetool}).check(text)


_questions: OrderedDict[tuple[str, frozenset[str]], tuple[list[str], list[str]]] = OrderedDict()


def spelling_questions(text: str, vocab: Vocabulary) -> tuple[list[str], list[str]]:
    """`doubted_words` of text, remembered for the last few texts: the words are worked out
    when an article is prepared, and again needed when it is checked."""
    key = (text, vocab.user)
    if key not in _questions:
        _questions[key] = doubted_words(text, vocab)
        while len(_questions) > QUESTIONS_KEPT:
            _questions.popitem(last=False)
    return _questions[key]


def own_rule_issues(doc: Doc | None, text: str, vocab: Vocabulary) -> list[EngineIssue]:
    from checks.grammar.rules import rule_issues

    return rule_issues(doc, text, vocab)


def group_of(issue: EngineIssue) -> str:
    """grammar, spelling, fused or style, from the data file of engine categories."""
    if issue.engine == "rules":
        return "spelling" if issue.category == "Spelling" else "grammar"
    return lexicon.mapping(CATEGORIES_FILE, issue.engine).get(issue.category, "style")


def judge(issue: EngineIssue, text: str, vocab: Vocabulary, style: bool, spelling: bool) -> Judged | None:
    """The group and severity of an issue, or None when it is not a problem worth reporting."""
    if ignored(issue, text, vocab):
        return None
    group = group_of(issue)
    severity: Severity | None = Severity.WARNING
    if group == "fused":
        word = text[issue.start:issue.end]
        split = issue.suggestion or ""
        if " " not in split or split.replace(" ", "") != word.replace(" ", ""):
            group = "style"  # Harper's other typo guesses ("were" / "where") are unreliable
        elif any(ch.isupper() for ch in word[1:]) or (word[:1].isupper() and not starts_sentence(text, issue.start)):
            return None  # a name or a brand ("fatFIRE")
        elif inside_name_or_address(text, issue.start, issue.end) or coinage(vocab, word.lower()):
            return None  # "www.autoracing.com", "@digitalfoundry", "de-confliction", "megacorporations"
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


def ignored(issue: EngineIssue, text: str, vocab: Vocabulary) -> bool:
    """Engine findings known to be wrong on correct writing (the rules' own are never ignored)."""
    if issue.engine == "rules":
        return False
    if any(re.search(pattern, issue.message) for pattern in lexicon.lines(IGNORED_FILE)):
        return True
    flagged = text[issue.start:issue.end]
    before = text[issue.start - 1:issue.start] if issue.start else ""
    after = text[issue.end:issue.end + 1]
    if len(flagged) == 1 and ((after and not after.isspace() and not after.isalpha())
                              or (before and not before.isspace() and before not in OPENERS)):
        return True  # a letter glued to a symbol or a word: "A&E", "USB-A", "Pixel 3a"
    if flagged.lower() in ("a", "an"):
        following = text[issue.end:].split(maxsplit=1)
        word = following[0] if following else ""
        if (len(word) > 1 and word.isupper()) or word[:1].lower() == "h":
            return True  # "a HDMI port", "an historic": the article follows pronunciation
    words = flagged.split()
    if len(words) == 2 and words[0].lower() == words[1].lower():
        return words[0].lower() in lexicon.word_set(REPEATABLE_FILE)  # "had had"
    single_name = len(words) == 1 and flagged[:1].isupper() and (
        not starts_sentence(text, issue.start) or not vocab.knows(flagged))
    return single_name and group_of(issue) == "grammar"  # "Flos" taken for a plural: a name


def judge_all(issues: Iterable[EngineIssue], text: str, vocab: Vocabulary, *, style: bool,
              spelling: bool) -> Iterator[Judged]:
    for issue in issues:
        verdict = judge(issue, text, vocab, style, spelling)
        if verdict is not None:
            yield verdict
