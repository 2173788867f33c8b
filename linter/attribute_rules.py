"""The English pipeline's attribute ruler, matched by dictionary look-up.

The attribute ruler of `en_core_web_sm` (tag to POS and morphology, plus exceptions such as
"but" as an adverb) runs spaCy's general Matcher over every token for its 179 one- and
two-token rules: about a quarter of the whole pipeline's time. Each of those rules tests a
token's tag, lower-case form, dependency label or whitespace, so the rules that can apply to a
token are found by its tag and its lower-case form in a dict, and only those are tested. The
matches come out exactly as the Matcher gives them (same rule order, same spans), and spaCy's
own code applies them; a pipeline whose rules use anything else keeps the Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the token attributes rules may test, in array order
TAG, LOWER, DEP, IS_SPACE = range(len(COLUMNS))

Test = Callable[[list[list[int]], int], bool]  # (attribute columns, token index) -> passes
Entry = tuple[int, int, list[list[Test]]]  # (rule number, rule key, tests of each token)
REGEX_VERDICTS_KEPT = 100_000


class UnsupportedRule(Exception):
    """A rule tests something this index does not handle (the Matcher is kept)."""


def _value_test(column: int, value: Any, hashes: Callable[[str], int], text: Callable[[int], str]) -> Test:
    if isinstance(value, bool):
        expected = int(value)
        return lambda columns, i: columns[column][i] == expected
    if isinstance(value, str):
        wanted = hashes(value)
        return lambda columns, i: columns[column][i] == wanted
    if isinstance(value, dict) and len(value) == 1:
        (operator, operand), = value.items()
        if operator == "IN":
            allowed = {hashes(v) for v in operand}
            return lambda columns, i: columns[column][i] in allowed
        if operator == "NOT_IN":
            excluded = {hashes(v) for v in operand}
            return lambda columns, i: columns[column][i] not in excluded
        if operator == "REGEX" and column != IS_SPACE:
            pattern = re.compile(operand)
            verdicts: dict[int, bool] = {}  # by string hash: a word's verdict never changes

            def search(columns: list[list[int]], i: int) -> bool:
                value = columns[column][i]
                verdict = verdicts.get(value)
                if verdict is None:
                    if len(verdicts) > REGEX_VERDICTS_KEPT:
                        verdicts.clear()
                    verdict = verdicts[value] = pattern.search(text(value)) is not None
                return verdict

            return search
    raise UnsupportedRule(f"{COLUMNS[column]}: {value!r}")


class RuleIndex:
    """The rules of one attribute ruler, indexed by the first token's tag and lower-case form."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        # a rule is filed under the first of these its first token tests for given values
        self.by_lower: dict[int, list[Entry]] = {}
        self.by_tag: dict[int, list[Entry]] = {}
        self.by_dep: dict[int, list[Entry]] = {}
        self.on_space: list[Entry] = []  # rules for whitespace tokens
        self.everywhere: list[Entry] = []
        for rule_id in range(len(ruler.attrs)):
            key = strings[str(rule_id)]
            found = ruler.matcher.get(key)
            if found is None:
                raise UnsupportedRule(f"rule {rule_id} has no patterns")
            for pattern in found[1]:
                self._add(rule_id, key, pattern)

    def _add(self, rule_id: int, key: int, pattern: list[dict[str, Any]]) -> None:
        tests: list[list[Test]] = []
        for token in pattern:
            if not token or set(token) - set(COLUMNS):
                raise UnsupportedRule(f"rule {rule_id}: {token!r}")
            tests.append([_value_test(COLUMNS.index(name), value, self.strings.add, self._text)
                          for name, value in token.items()])
        entry = (rule_id, key, tests)
        first = pattern[0]
        for name, index in (("LOWER", self.by_lower), ("TAG", self.by_tag), ("DEP", self.by_dep)):
            value = first.get(name)
            values = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
            if values is not None and all(isinstance(v, str) for v in values):
                for v in values:
                    index.setdefault(self.strings.add(v), []).append(entry)
                return
        if first.get("IS_SPACE") is True:
            self.on_space.append(entry)
        else:
            self.everywhere.append(entry)

    def _text(self, value: int) -> str:
        return self.strings[value] if value else ""

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The ruler's matches on doc: (rule number, rule key, start, end), in the order the
        Matcher's results are applied (by rule, then by position)."""
        from spacy.attrs import DEP as DEP_ID
        from spacy.attrs import IS_SPACE as IS_SPACE_ID
        from spacy.attrs import LOWER as LOWER_ID
        from spacy.attrs import TAG as TAG_ID

        if not len(doc):
            return []
        columns: list[list[int]] = doc.to_array([TAG_ID, LOWER_ID, DEP_ID, IS_SPACE_ID]).T.tolist()
        tags, lowers, deps, spaces = columns
        length = len(doc)
        found: set[tuple[int, int, int, int]] = set()
        none: list[Entry] = []
        for i in range(length):
            for entries in (self.by_lower.get(lowers[i], none), self.by_tag.get(tags[i], none),
                            self.by_dep.get(deps[i], none), self.on_space if spaces[i] else none,
                            self.everywhere):
                for rule_id, key, tests in entries:
                    end = i + len(tests)
                    if end <= length and all(test(columns, j) for j, token_tests in enumerate(tests, i)
                                             for test in token_tests):
                        found.add((rule_id, key, i, end))
        return sorted(found)


def index_attribute_ruler(nlp: Language) -> bool:
    """Have the pipeline's attribute ruler find its matches by look-up; False (and the Matcher
    kept) when it has none or uses a rule this index does not handle."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        index = RuleIndex(ruler)
    except UnsupportedRule:
        return False
    ruler.match = index.match  # type: ignore[method-assign]
    return True
