"""report.html in a real headless Chromium, driven over the DevTools protocol: it loads with no
console errors, the table sorts and filters, a screenshot is taken, hostile page text stays text."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from linter.batch.summary import SummaryBuilder
from reports.summary_html import render_summary

websocket = pytest.importorskip("websocket")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (scripts/test.sh installs it)")

HOSTILE = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--remote-debugging-port=0",
         "--window-size=1280,900"]


def lines() -> list[dict[str, Any]]:
    out = []
    for i, score in enumerate([72, 15, 98, 40, 63]):
        out.append({
            "key": f"k{i}", "path": f"https://example.org/{i}", "title": f"Article {i}", "word_count": 100 * (i + 1),
            "score": score, "report": f"articles/k{i}.html",
            "findings": [{"check": "spam-cta", "category": "spam", "severity": "error", "text": "Buy now"}] * (5 - i),
        })
    out.append({"key": "evil", "path": "https://example.org/evil?<b>x</b>", "title": HOSTILE, "word_count": 50,
                "score": 30, "findings": [{"check": "spam-cta", "category": "spam", "severity": "warning",
                                           "text": HOSTILE}]})
    out.append({"key": "bad", "path": "bad<img src=y>", "error": f"invalid JSON near {HOSTILE}", "findings": []})
    return out


class DevTools:
    """A minimal DevTools protocol client: commands by id, events kept as they arrive."""

    def __init__(self, url: str) -> None:
        self.ws = websocket.create_connection(url, timeout=30, suppress_origin=True)
        self.events: list[dict[str, Any]] = []
        self._id = 0

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self._id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        if any(e.get("method") == method for e in self.events):
            return
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv())
            self.events.append(message)
            if message.get("method") == method:
                return
        raise AssertionError(f"no {method} within {timeout} s")

    def js(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def errors(self) -> list[dict[str, Any]]:
        found = []
        for e in self.events:
            params = e.get("params", {})
            if e.get("method") == "Runtime.exceptionThrown" \
                    or (e.get("method") == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert")) \
                    or (e.get("method") == "Log.entryAdded" and params.get("entry", {}).get("level") == "error"):
                found.append(e)
        return found


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[DevTools]:
    profile = tmp_path / "profile"
    assert CHROMIUM is not None
    proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30) as resp:
            targets = json.load(resp)
        page = next(t for t in targets if t["type"] == "page")
        client = DevTools(page["webSocketDebuggerUrl"])
        yield client
        client.ws.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_report_loads_sorts_filters_and_shows_hostile_text_as_text(tmp_path: Path, browser: DevTools) -> None:
    builder = SummaryBuilder().add_all(lines())
    summary = {**builder.summary(), "skipped": {"warc request record": 3}}
    report = tmp_path / "report.html"
    report.write_text(render_summary(summary, builder.rows()), encoding="utf-8")

    for domain in ("Page", "Runtime", "Log"):
        browser.send(f"{domain}.enable")
    browser.send("Page.navigate", url=report.as_uri())
    browser.wait_for("Page.loadEventFired")

    assert browser.errors() == []
    assert browser.js("typeof window.pwned") == "undefined"
    assert browser.js("document.querySelectorAll('img').length") == 0
    assert browser.js("document.querySelectorAll('svg').length") >= 2  # the two charts
    assert HOSTILE in browser.js("document.body.innerText")

    def scores() -> list[int]:
        return [int(v) for v in browser.js(
            "Array.from(document.querySelectorAll('#articles tbody tr')).map(r => r.cells[1].textContent)")]

    assert scores() == sorted(scores())  # rows start lowest score first
    score_header = "document.querySelectorAll('#articles th')[1]"
    browser.js(f"{score_header}.click()")
    assert scores() == [15, 30, 40, 63, 72, 98]
    browser.js(f"{score_header}.click()")
    assert scores() == [98, 72, 63, 40, 30, 15]
    assert browser.js(f"{score_header}.getAttribute('aria-sort')") == "descending"
    browser.js("document.querySelectorAll('#articles th')[0].click()")  # by title, as text
    titles = browser.js("Array.from(document.querySelectorAll('#articles tbody tr'))"
                        ".map(r => r.cells[0].textContent.toLowerCase())")
    assert len(titles) == 6 and titles == sorted(titles)

    browser.js("const f = document.getElementById('filter'); f.value = 'article 3';"
               "f.dispatchEvent(new Event('input'))")
    visible = browser.js("Array.from(document.querySelectorAll('#articles tbody tr'))"
                         ".filter(r => r.style.display !== 'none').length")
    assert visible == 1 and browser.js("document.getElementById('shown').textContent") == "1"

    shot = base64.b64decode(browser.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"])
    (tmp_path / "report.png").write_bytes(shot)
    assert shot.startswith(b"\x89PNG\r\n\x1a\n") and len(shot) > 10_000
    assert browser.errors() == []
