"""`healthlint audit` end to end: real worker processes, real checks, real files."""

from __future__ import annotations

import html
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from linter.batch.audit import load_done
from linter.batch.inputs import Record
from linter.batch.local import LocalEngine
from linter.batch.work import WorkSettings, lint_record
from linter.cli import main
from linter.config import Config

ROOT = Path(__file__).resolve().parent.parent
HEALTHLINT = [sys.executable, "-c", "import sys; from linter.cli import main; sys.exit(main())"]

PARAGRAPH = ("Regular walking lowers blood pressure in many adults. Doctors often suggest thirty minutes "
             "on most days, and a short walk after meals also helps blood sugar. ")
LIGHT = "readability,empty-content"  # where the machinery is under test: quick checks, real NLP
HOSTILE_TITLE = "<script>window.pwned=1</script><img src=x onerror=alert(1)>"


def article_html(title: str, paragraphs: int = 4) -> str:
    body = "".join(f"<p>{PARAGRAPH * 2}</p>" for _ in range(paragraphs))
    heading = html.escape(title)  # the page shows the title as text, whatever it looks like
    return (f"<html><head><title>{heading}</title></head><body><article><h1>{heading}</h1>{body}</article>"
            "</body></html>")


def write_records(path: Path, n: int, extra: list[object] | None = None) -> list[str]:
    rows: list[object] = [{"id": f"page-{i:03d}", "url": f"https://example.org/{i}", "html": article_html(f"Page {i}")}
                          for i in range(n)]
    rows += extra or []
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return [r["id"] for r in rows if isinstance(r, dict) and "id" in r]


def lines_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_audit_writes_findings_summary_report_and_per_article_reports(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    write_records(records, 3, extra=[
        {"id": "hostile", "title": "x", "html": article_html(HOSTILE_TITLE)},
        {"id": "empty", "html": "<html><body><nav>Home | About</nav></body></html>"},
        "{this line is not JSON",
        {"id": "tag-soup", "html": f"<html><body><p>Walking <b>helps <div></p></i> {PARAGRAPH * 2}</td><<>>&bogus;"},
    ])
    out = tmp_path / "audit"
    assert main(["audit", str(records), "--out", str(out), "--jobs", "2", "--per-article", "--quiet"]) == 0

    lines = lines_of(out / "findings.jsonl")
    assert sorted(line["key"] for line in lines) == sorted(
        ["page-000", "page-001", "page-002", "hostile", "empty", f"{records}:6", "tag-soup"])
    broken = next(line for line in lines if line["key"].endswith(":6"))
    assert broken["error"].startswith("invalid JSON") and broken["findings"] == []
    empty = next(line for line in lines if line["key"] == "empty")
    assert [f["check"] for f in empty["findings"]] == ["empty-content"]

    summary = json.loads((out / "summary.json").read_text())
    soup = next(line for line in lines if line["key"] == "tag-soup")
    assert soup.get("error") is None and soup["word_count"] > 40  # linted as it is
    assert (summary["articles"], summary["linted"], summary["errors"]) == (7, 6, 1)
    assert summary["by_check"]["empty-content"] == 1
    assert sum(summary["score"]["histogram"]["counts"]) == 6
    assert summary["run"]["articles"] == 7 and summary["run"]["resumed_from"] == 0

    for line in lines:
        if not line.get("error"):
            report = out / line["report"]
            assert report.is_file() and line["path"] in report.read_text()
    page = (out / "report.html").read_text()
    assert "<script>window.pwned" not in page and "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    assert "<svg" in page and "http://" not in page.split("<svg", 1)[0]


def test_an_interrupted_audit_resumes_without_duplicates(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    keys = write_records(records, 100)
    out = tmp_path / "audit"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([*HEALTHLINT, "audit", str(records), "--out", str(out), "--jobs", "1", "--quiet",
                             "--select", LIGHT],
                            cwd=tmp_path, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    findings = out / "findings.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if findings.exists() and findings.read_bytes().count(b"\n") >= 5:
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole group: supervisor and worker, mid-run
    proc.wait()
    with findings.open("a", encoding="utf-8") as fh:
        fh.write('{"key": "page-059", "path": "page-0')  # a line cut short by the kill
    before = len(load_done(findings))
    assert 5 <= before < len(keys), "the run should have been killed midway"

    assert main(["audit", str(records), "--out", str(out), "--jobs", "2", "--quiet", "--select", LIGHT]) == 0
    lines = lines_of(findings)
    assert sorted(line["key"] for line in lines) == sorted(keys)  # every page once, none twice
    summary = json.loads((out / "summary.json").read_text())
    assert summary["articles"] == len(keys)
    assert summary["run"]["resumed_from"] == before
    assert summary["run"]["articles"] == len(keys) - before


def test_a_page_over_the_time_limit_becomes_an_error_entry(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    huge = {"id": "huge", "text": "Walking helps the heart and the mind in many ways. " * 60_000}
    write_records(records, 2, extra=[huge])
    out = tmp_path / "audit"
    started = time.monotonic()
    assert main(["audit", str(records), "--out", str(out), "--jobs", "1", "--quiet", "--time-limit", "1",
                 "--select", LIGHT]) == 0
    assert time.monotonic() - started < 60
    by_key = {line["key"]: line for line in lines_of(out / "findings.jsonl")}
    assert "time limit of 1 s exceeded" in by_key["huge"]["error"]
    assert by_key["page-000"].get("error") is None and by_key["page-001"].get("error") is None


# Work functions for the supervisor tests: they run in spawned workers, so they live at module level.

def hang_unless_alarmed(settings: WorkSettings, record: Record) -> dict[str, Any]:
    if record.key == "hang":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # as a native call would: deaf
        time.sleep(600)
    return lint_record(settings, record)


def crash_on_request(settings: WorkSettings, record: Record) -> dict[str, Any]:
    if record.key == "crash":
        os._exit(3)
    return lint_record(settings, record)


def small(key: str) -> Record:
    return Record(key, key, b"Walking every day is good for the heart. " * 10, "txt")


def test_a_worker_stuck_past_the_limit_is_killed_and_replaced() -> None:
    settings = WorkSettings(Config(), select=("empty-content",), time_limit=0.5)
    engine = LocalEngine(settings, 1, work=hang_unless_alarmed, grace=1.0)
    started = time.monotonic()
    lines = {o.line["key"]: o.line for o in engine.run([small("a"), Record("hang", "hang", b"x", "txt"), small("b")])}
    assert time.monotonic() - started < 60
    assert "worker was killed" in lines["hang"]["error"]
    assert lines["a"].get("error") is None and lines["b"].get("error") is None


def test_a_crashing_worker_costs_only_its_own_record() -> None:
    engine = LocalEngine(WorkSettings(Config(), select=("empty-content",)), 2, work=crash_on_request)
    lines = {o.line["key"]: o.line for o in engine.run([small("a"), Record("crash", "crash", b"x", "txt"),
                                                        small("b"), small("c")])}
    assert "died while linting" in lines["crash"]["error"] and "exit code 3" in lines["crash"]["error"]
    assert [k for k in sorted(lines) if not lines[k].get("error")] == ["a", "b", "c"]


def test_audit_settings_come_from_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "healthlint.toml").write_text('[audit]\ntime-limit = 0.001\ncontent-fields = ["body:txt"]\n')
    records = tmp_path / "pages.jsonl"
    records.write_text(json.dumps({"id": "r", "body": "Walking is good. " * 3000}) + "\n")
    out = tmp_path / "audit"
    assert main(["audit", str(records), "--out", str(out), "--jobs", "1", "--quiet", "--select", LIGHT,
                 "--config", str(tmp_path / "healthlint.toml")]) == 0
    [line] = lines_of(out / "findings.jsonl")
    assert "time limit" in line["error"]


def test_a_bad_audit_setting_is_a_configuration_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "healthlint.toml").write_text('[audit]\ntime-limit = "soon"\n')
    assert main(["audit", str(tmp_path), "--out", str(tmp_path / "o"),
                 "--config", str(tmp_path / "healthlint.toml")]) == 2
    assert "audit.time-limit" in capsys.readouterr().err


def test_the_time_limit_also_stops_an_article_in_a_worker_thread() -> None:
    # Dask runs tasks in threads, where no signal can be used: the limit arrives asynchronously
    import threading

    settings = WorkSettings(Config(), select=("readability",), time_limit=0.3)
    record = Record("long", "long", b"Walking helps the heart and the mind in many ways. " * 40_000, "txt")
    result: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: result.update(lint_record(settings, record)))
    started = time.monotonic()
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive() and time.monotonic() - started < 60
    assert "time limit of 0.3 s exceeded" in result["error"]


def test_workers_are_replaced_after_a_set_number_of_articles() -> None:
    engine = LocalEngine(WorkSettings(Config(), select=("empty-content",)), 1, recycle_after=2)
    outcomes = list(engine.run([small(f"r{i}") for i in range(5)]))
    assert sorted(o.line["key"] for o in outcomes) == [f"r{i}" for i in range(5)]
    assert [o.worker for o in outcomes].count(outcomes[0].worker) == 2
    assert len({o.worker for o in outcomes}) == 3  # 2 + 2 + 1 articles, each batch in a fresh process


def test_a_warc_capture_is_audited_page_by_page_with_skipped_records_counted(tmp_path: Path) -> None:
    from tests.test_batch_inputs import write_warc

    capture = tmp_path / "crawl.warc.gz"
    write_warc(capture, [("https://example.org/walk", "text/html", article_html("Walking").encode()),
                         ("https://example.org/style.css", "text/css", b"body{}")])
    out = tmp_path / "audit"
    assert main(["audit", str(capture), "--out", str(out), "--jobs", "1", "--quiet", "--select", LIGHT,
                 "--per-article"]) == 0
    [line] = lines_of(out / "findings.jsonl")
    assert (line["key"], line["url"], line["title"]) == ("https://example.org/walk",) * 2 + ("Walking",)
    summary = json.loads((out / "summary.json").read_text())
    assert summary["skipped"] == {"warc request record": 2, "warc response that is not HTML": 1,
                                  "warc warcinfo record": 1}
    assert (out / line["report"]).is_file()
