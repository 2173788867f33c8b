"""The command line end to end: exit codes, formats, bad input, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter.cli import main

from .conftest import ROOT

HEALTHLINT = [sys.executable, "-m", "linter.cli"]
LONG_SENTENCE = " ".join(["word"] * 40) + "."
CLEAN = "Back pain basics\n\nMost back pain gets better on its own. Keep active and see your GP if it lasts.\n"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "long.md").write_text(f"# Long\n\n{LONG_SENTENCE}\n", encoding="utf-8")
    return tmp_path


def test_text_output_in_ruff_style_and_exit_codes(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "check", "--select", "readability", str(articles))
    assert code == 0  # info findings do not fail by default
    assert f"{articles / 'long.md'}:3:1: info [readability] Sentence of 40 words (limit 30); split it" in out
    assert out.rstrip().splitlines()[-1] == "Found 1 finding (1 info) in 2 articles."
    code, _, _ = run_cli(capsys, "check", "--select", "readability", "--fail-on", "info", str(articles))
    assert code == 1
    code, out, _ = run_cli(capsys, "check", "--select", "readability", "--min-severity", "warning", str(articles))
    assert code == 0 and "All checks passed (2 articles)." in out


def test_json_contract_and_determinism(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "--format", "json", "--select", "readability",
            str(articles / "long.md"), str(articles / "clean.txt")]
    _, first, _ = run_cli(capsys, *args)
    _, second, _ = run_cli(capsys, *args)
    assert first == second
    data = json.loads(first)
    assert data["schema_version"] == 1 and data["tool"]["name"] == "healthlint"
    article = data["articles"][0]
    assert set(article) >= {"path", "title", "language", "word_count", "score", "metrics", "findings"}
    assert article["path"] == str(articles / "long.md")
    assert article["metrics"]["words"] == 41
    assert {"flesch_kincaid_grade", "flesch_reading_ease", "smog_index", "sentences"} <= set(article["metrics"])
    finding = article["findings"][0]
    assert finding == {
        "check": "readability", "category": "readability", "severity": "info",
        "message": "Sentence of 40 words (limit 30); split it", "line": 3, "column": 1,
        "end_line": 3, "end_column": len(LONG_SENTENCE), "text": LONG_SENTENCE, "suggestion": None,
    }
    assert data["summary"]["articles"] == 2 and data["summary"]["by_category"] == {"readability": 1}


def test_bad_inputs_are_reported_and_the_rest_is_linted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text(f"Title here\n\n{LONG_SENTENCE}\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "huge.txt").write_bytes(b"word " * (4 * 1024 * 1024))  # 20 MB
    code, out, err = run_cli(capsys, "check", "--select", "readability", str(tmp_path), str(tmp_path / "missing.md"))
    assert code == 2
    lines = err.strip().splitlines()
    prefix = f"healthlint: error: {tmp_path}"
    assert f"{prefix}/binary.txt: binary file (contains NUL bytes), not a text article" in lines
    assert any(line.startswith(f"{prefix}/latin1.txt: invalid UTF-8 at byte offset 3") for line in lines)
    assert f"healthlint: error: {tmp_path / 'empty.md'}: empty file" in lines
    too_large = f"{tmp_path / 'huge.txt'}: file too large (20,971,520 bytes; the limit is 5,242,880)"
    assert any(too_large in line for line in lines)
    assert f"healthlint: error: {tmp_path / 'missing.md'}: no such file or directory" in lines
    assert len(lines) == 5
    assert f"{tmp_path / 'good.txt'}:3:1: info [readability]" in out


def test_deeply_nested_html_and_symlink_loop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "deep.html").write_text("<div>" * 10_000 + "<p>Deep text about back pain.</p>" + "</div>" * 10_000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "note.txt").write_text(CLEAN)
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    code, out, err = run_cli(capsys, "check", "--format", "json", str(tmp_path))
    data = json.loads(out)
    paths = sorted(a["path"] for a in data["articles"])
    assert paths == [str(tmp_path / "deep.html"), str(tmp_path / "sub" / "note.txt")]
    deep = next(a for a in data["articles"] if a["path"].endswith("deep.html"))
    # either linted or a one-line error, never a crash
    assert deep.get("error") or deep["findings"] is not None
    assert code in (0, 1, 2) and "Traceback" not in err


def test_hostile_html_is_never_executed_or_fetched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import http.server
    import threading

    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    page = f"""<html><head><script src="{base}/evil.js"></script><link rel="stylesheet" href="{base}/s.css">
<script>fetch("{base}/inline"); document.write("<p>Injected paragraph about nothing.</p>")</script></head>
<body><iframe src="{base}/frame"></iframe><article><h1>Sleep and back pain</h1>
<p>Sleeping on your side with a pillow between your knees can ease back pain for some people.</p>
<img src="{base}/pixel.png" onerror="fetch('{base}/onerror')">
<p onclick="alert(1)">Talk to your GP if the pain lasts longer than six weeks or wakes you at night.</p>
</article></body></html>"""
    (tmp_path / "hostile.html").write_text(page)
    try:
        code, out, _ = run_cli(capsys, "check", "--format", "json", str(tmp_path / "hostile.html"))
    finally:
        server.shutdown()
    assert hits == []
    text = json.dumps(json.loads(out))
    assert "Injected paragraph" not in text
    assert code in (0, 1)


def test_stdin_with_filename(tmp_path: Path) -> None:
    proc = subprocess.run(
        [*HEALTHLINT, "check", "--select", "readability", "--stdin-filename", "draft.md", "-"],
        input=f"# Draft\n\n{LONG_SENTENCE}\n", capture_output=True, text=True, cwd=tmp_path, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "draft.md:3:1: info [readability]" in proc.stdout


def test_output_dir_writes_one_report_per_article_and_an_index(articles: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "reports"
    code, _, _ = run_cli(capsys, "check", "--select", "readability", "--format", "markdown",
                         "--output-dir", str(out_dir), str(articles / "long.md"), str(articles / "clean.txt"))
    assert code == 0
    names = sorted(p.name for p in out_dir.iterdir())
    assert names[0] == "index.md" and len(names) == 3
    index = (out_dir / "index.md").read_text()
    long_report = next(p for p in out_dir.iterdir() if "long" in p.name).read_text()
    assert "**Score:**" in long_report and "Sentence of 40 words" in long_report
    assert "long" in index and "clean" in index


def test_gitignored_files_and_excludes_are_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("drafts/\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "wip.md").write_text(f"# WIP\n\n{LONG_SENTENCE}\n")
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "x.md").write_text(f"# X\n\n{LONG_SENTENCE}\n")
    (tmp_path / "page.md").write_text(f"# Page\n\n{LONG_SENTENCE}\n")
    _, out, _ = run_cli(capsys, "check", "--format", "json", "--select", "readability",
                        "--exclude", "vendor", str(tmp_path))
    assert [a["path"] for a in json.loads(out)["articles"]] == [str(tmp_path / "page.md")]
    _, out, _ = run_cli(capsys, "check", "--format", "json", "--select", "readability", "--no-gitignore",
                        str(tmp_path))
    assert len(json.loads(out)["articles"]) == 3


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "rules")
    assert code == 0 and any(line.startswith("readability ") for line in out.splitlines())
    code, out, _ = run_cli(capsys, "explain", "readability")
    assert code == 0
    for section in ("What it finds:", "Why it matters:", "Example:", "How to fix:", "target-grade = 8.0"):
        assert section in out
    code, out, _ = run_cli(capsys, "explain", "score")
    assert code == 0 and "exp(-penalty" in out
    code, _, err = run_cli(capsys, "explain", "no-such-check")
    assert code == 2 and "no check 'no-such-check'" in err


def test_unknown_selector_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "check", "--select", "not-a-check", str(ROOT / "README.md"))
    assert code == 2 and "'not-a-check' matches no check" in err
