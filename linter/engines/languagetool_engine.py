"""LanguageTool: a server the user runs (`languagetool.url`) or a local install (`languagetool.path`).

The client speaks LanguageTool's HTTP API (`/v2/languages`, `/v2/check`) with a bounded
timeout. language-tool-python's own client is not used for the requests: it waits up to 300 s
with retries and, without a server, downloads and starts one, which fails offline and takes
minutes; its offset correction also leaves match lengths in UTF-16 units. Here a configured
but unreachable server gives one `EngineUnavailable` within the timeout, remembered for the
rest of the process so later documents do not wait again. LanguageTool counts offsets in
UTF-16 code units; they are mapped to code points with `Utf16Offsets`.
"""

from __future__ import annotations

import atexit
import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from linter.engines import EngineIssue, EngineUnavailable
from linter.engines.offsets import Utf16Offsets

ENGINE = "languagetool"
DEFAULT_TIMEOUT = 10.0  # seconds to decide that a configured server is unreachable
CHECK_TIMEOUT = 120.0  # seconds one /v2/check request may take on a long article
SERVER_CLASS = "org.languagetool.server.HTTPServer"
HOW_TO_FIX = (
    "Start a LanguageTool server (for example `java -cp languagetool-server.jar "
    f"{SERVER_CLASS} --port 8081`) and set [tool.healthlint.languagetool] url = \"http://localhost:8081\", "
    "or set path to the folder of a LanguageTool install, or remove \"languagetool\" from "
    "[tool.healthlint.grammar] engines."
)

_lock = threading.Lock()
_clients: dict[tuple[str, str], LanguageToolClient | EngineUnavailable] = {}


class LanguageToolClient:
    """Checks text against one LanguageTool server."""

    def __init__(self, base_url: str, language: str, disabled_rules: list[str], timeout: float) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.language = language
        self.disabled_rules = list(disabled_rules)
        self.timeout = timeout

    def endpoint(self, name: str) -> str:
        return urllib.parse.urljoin(self.base_url, f"v2/{name}")

    def probe(self) -> None:
        """Raise EngineUnavailable unless the server answers /v2/languages within the timeout."""
        url = self.endpoint("languages")
        try:
            with urllib.request.urlopen(url, timeout=self.timeout) as response:  # noqa: S310 (user's URL)
                json.loads(response.read().decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise EngineUnavailable(
                f"LanguageTool is enabled but unreachable: tried {url} ({_reason(exc)}, "
                f"timeout {self.timeout:g} s). {HOW_TO_FIX}"
            ) from None

    def check(self, text: str) -> list[EngineIssue]:
        """LanguageTool's matches on text, with code point spans."""
        if not text.strip():
            return []
        fields = {"language": self.language, "text": text}
        if self.disabled_rules:
            fields["disabledRules"] = ",".join(self.disabled_rules)
        data = urllib.parse.urlencode(fields).encode("utf-8")
        url = self.endpoint("check")
        try:
            with urllib.request.urlopen(url, data=data, timeout=max(self.timeout, CHECK_TIMEOUT)) as response:  # noqa: S310
                answer = json.loads(response.read().decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise EngineUnavailable(f"LanguageTool failed on {url}: {_reason(exc)}. {HOW_TO_FIX}") from None
        return issues_from_matches(text, answer.get("matches", []))


def issues_from_matches(text: str, matches: list[Mapping[str, Any]]) -> list[EngineIssue]:
    """Turn /v2/check matches (UTF-16 offsets) into issues with code point spans."""
    offsets = Utf16Offsets(text)
    issues: list[EngineIssue] = []
    for match in matches:
        start, end = offsets.span(int(match["offset"]), int(match["length"]))
        rule = match.get("rule", {})
        replacements = match.get("replacements") or []
        issues.append(
            EngineIssue(
                engine=ENGINE,
                start=start,
                end=end,
                category=str(rule.get("issueType", "uncategorized")),
                rule=str(rule.get("id", "")),
                message=str(match.get("message", "")),
                suggestion=str(replacements[0]["value"]) if replacements else None,
            )
        )
    issues.sort(key=lambda i: (i.start, i.end, i.rule))
    return issues


def languagetool_client(settings: Mapping[str, Any]) -> LanguageToolClient:
    """The client for `[tool.healthlint.languagetool]`, checked once per process.

    Raises EngineUnavailable (again, without waiting, on later calls) when neither url nor
    path is set, or the server cannot be reached or started.
    """
    url = str(settings.get("url", "")).strip()
    path = str(settings.get("path", "")).strip()
    key = (url, path)
    with _lock:
        cached = _clients.get(key)
        if cached is None:
            cached = _connect(settings, url, path)
            _clients[key] = cached
    if isinstance(cached, EngineUnavailable):
        raise cached
    return cached


def _connect(settings: Mapping[str, Any], url: str, path: str) -> LanguageToolClient | EngineUnavailable:
    timeout = float(settings.get("timeout", DEFAULT_TIMEOUT))
    language = str(settings.get("language", "en-US"))
    disabled = [str(r) for r in settings.get("disabled-rules", [])]
    try:
        if url:
            client = LanguageToolClient(url, language, disabled, timeout)
            client.probe()
            return client
        if path:
            return _start_local(Path(path), language, disabled, timeout)
        return EngineUnavailable(
            "LanguageTool is enabled in [tool.healthlint.grammar] engines but neither "
            f"[tool.healthlint.languagetool] url nor path is set. {HOW_TO_FIX}"
        )
    except EngineUnavailable as exc:
        return exc


def _start_local(folder: Path, language: str, disabled: list[str], timeout: float) -> LanguageToolClient:
    """Start the HTTP server of a local LanguageTool install on a free port and wait for it."""
    jar = folder / "languagetool-server.jar"
    if not jar.is_file():
        raise EngineUnavailable(
            f"LanguageTool path is set but {jar} does not exist. {HOW_TO_FIX}"
        )
    java = shutil.which("java")
    if java is None:
        raise EngineUnavailable(f"LanguageTool path is set ({folder}) but `java` is not on PATH. {HOW_TO_FIX}")
    port = _free_port()
    command = [java, "-cp", str(jar), SERVER_CLASS, "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    atexit.register(_stop, process)
    client = LanguageToolClient(f"http://127.0.0.1:{port}", language, disabled, timeout)
    deadline = time.monotonic() + timeout
    while True:
        try:
            client.probe()
            return client
        except EngineUnavailable:
            if process.poll() is not None or time.monotonic() >= deadline:
                _stop(process)
                raise EngineUnavailable(
                    f"LanguageTool did not start: ran `{' '.join(command)}`, no answer within "
                    f"{timeout:g} s. {HOW_TO_FIX}"
                ) from None
            time.sleep(0.25)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code}"
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return str(exc) or type(exc).__name__
