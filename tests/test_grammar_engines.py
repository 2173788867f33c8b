"""The engine adapters: Harper's offsets, LanguageTool's UTF-16 offsets, and LanguageTool
configured but unreachable."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from linter.config import Config, resolve_checks
from linter.engines import EngineUnavailable
from linter.engines.harper_engine import harper_issues
from linter.engines.languagetool_engine import issues_from_matches, languagetool_client
from linter.engines.offsets import Utf16Offsets, utf16_length
from linter.findings import Severity
from linter.readers import parse_source
from linter.registry import Registry
from linter.report import ArticleReport
from linter.runner import LintOptions, lint_document

from .conftest import found

LT_URL = os.environ.get("HEALTHLINT_LANGUAGETOOL_URL", "")
MIXED = "😀 Symptoms 中文标签 𠀋 ease 👍🏽 after usedand rest."


def lint_lt(registry: Registry, source: str, **languagetool: Any) -> ArticleReport:
    config = Config()
    config.engines["grammar"]["engines"] = ["harper", "languagetool"]
    config.engines["languagetool"].update(languagetool)
    checks = resolve_checks(config, registry, None, ["grammar"])
    return lint_document(parse_source("article.txt", source, "txt"), checks, LintOptions())


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ---- Harper --------------------------------------------------------------------------------------

def test_harper_spans_are_code_points_with_emoji_and_cjk() -> None:
    issues = [i for i in harper_issues(MIXED) if i.category == "Typo"]
    assert [MIXED[i.start:i.end] for i in issues] == ["usedand"]


def test_harper_issue_has_a_suggestion() -> None:
    [issue] = [i for i in harper_issues("You will should rest.") if "modal" in i.message.lower()]
    assert issue.suggestion in ("will", "should")


# ---- UTF-16 offsets ------------------------------------------------------------------------------

def test_utf16_offsets_map_to_code_points_with_emoji_and_cjk() -> None:
    mapping = Utf16Offsets(MIXED)
    for index in range(len(MIXED) + 1):
        assert mapping.to_codepoint(utf16_length(MIXED[:index])) == index


def _match(text: str, word: str, issue_type: str = "grammar") -> dict[str, Any]:
    at = text.index(word)
    return {
        "offset": utf16_length(text[:at]), "length": utf16_length(word), "message": f"about {word}",
        "replacements": [{"value": word.upper()}], "rule": {"id": "TEST_RULE", "issueType": issue_type},
    }


def test_languagetool_matches_map_to_exact_spans_after_astral_characters() -> None:
    text = "😀😀 中文 𠀋𠀋 This are wrong 👍🏽 and teh end."
    issues = issues_from_matches(text, [_match(text, "This are"), _match(text, "👍🏽 and"), _match(text, "teh")])
    assert [text[i.start:i.end] for i in issues] == ["This are", "👍🏽 and", "teh"]
    assert issues[0].suggestion == "THIS ARE"


# ---- LanguageTool configured but unreachable -----------------------------------------------------

def test_unreachable_languagetool_is_one_clear_error_within_ten_seconds(registry: Registry) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    began = time.monotonic()
    report = lint_lt(registry, "The muscles are over usedand tired.", url=url)
    assert time.monotonic() - began < 10
    errors = [f for f in found(report, "grammar") if f.severity == Severity.ERROR]
    assert len(errors) == 1
    message = errors[0].message
    assert url in message and "unreachable" in message
    assert "[tool.healthlint.languagetool] url" in message and "engines" in message  # how to fix
    assert any(f.text == "usedand" for f in found(report, "grammar"))  # Harper and the rules still run
    began = time.monotonic()
    again = lint_lt(registry, "Another article.", url=url)
    assert time.monotonic() - began < 2  # remembered: later articles do not wait again
    assert [f.severity for f in found(again, "grammar")] == [Severity.ERROR]


def test_languagetool_without_url_or_path_says_what_to_set() -> None:
    with pytest.raises(EngineUnavailable, match="neither .*url nor path"):
        languagetool_client({"url": "", "path": ""})


def test_languagetool_path_without_install_says_what_was_tried(tmp_path: Any) -> None:
    with pytest.raises(EngineUnavailable, match="languagetool-server.jar does not exist"):
        languagetool_client({"url": "", "path": str(tmp_path), "timeout": 1.0})


# ---- the client against a stand-in server ----------------------------------------------------------
# No LanguageTool runs on the machines of this project; this stand-in answers the two
# requests the client makes, in LanguageTool's documented format, flagging "This are".

class _StandIn(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def _answer(self, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._answer([{"name": "English (US)", "code": "en", "longCode": "en-US"}])

    def do_POST(self) -> None:
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        text = form["text"][0]
        matches = [_match(text, "This are")] if "This are" in text else []
        self._answer({"matches": matches, "language": {"code": form["language"][0]}})


@pytest.fixture()
def stand_in() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _StandIn)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_languagetool_findings_are_located_exactly_after_astral_characters(registry: Registry, stand_in: str) -> None:
    source = "😀 中文 𠀋 This are the best stretches for a stiff neck.\n"
    report = lint_lt(registry, source, url=stand_in)
    [finding] = found(report, "grammar")
    assert finding.text == "This are"
    assert finding.column == source.index("This are") + 1
    assert "languagetool" in finding.message


# ---- a real LanguageTool server, when one is configured ---------------------------------------------

@pytest.mark.skipif(not LT_URL, reason="no LanguageTool server: set HEALTHLINT_LANGUAGETOOL_URL to run")
def test_real_languagetool_server_finds_agreement_at_exact_positions(registry: Registry) -> None:
    source = "😀 中文 𠀋 He go to the doctor every week because his back hurt him alot.\n"
    report = lint_lt(registry, source, url=LT_URL)
    lt = [f for f in found(report, "grammar") if "languagetool" in f.message]
    assert lt, [f.message for f in found(report, "grammar")]
    for finding in lt:
        assert finding.text == source[finding.column - 1:finding.end_column]
