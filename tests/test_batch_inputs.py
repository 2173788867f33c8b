"""Audit inputs: folders, JSONL (plain and gzipped) and WARC files become keyed records."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from linter.batch.inputs import RecordFields, RecordReader

PAGE = "<html><head><title>Sleep</title></head><body><article><p>Sleep well.</p></article></body></html>"


def write_jsonl(path: Path, rows: list[object]) -> None:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")


def write_warc(path: Path, pages: list[tuple[str, str, bytes]], with_request: bool = True) -> None:
    """pages: (url, content type, body) HTTP responses; plus a request record and a warcinfo."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
        for url, ctype, body in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http))
            if with_request:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                              http_headers=req))


def test_jsonl_records_are_named_by_id_then_url_and_pick_the_first_content_field(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    write_jsonl(path, [
        {"id": "p1", "url": "https://example.org/1", "title": "One", "html": PAGE},
        {"url": "https://example.org/2", "markdown": "# Two\n\nText."},
        {"text": "Plain words."},
    ])
    records = list(RecordReader([str(path)]))
    assert [(r.key, r.fmt, r.title) for r in records] == [
        ("p1", "html", "One"), ("https://example.org/2", "md", None), (f"{path}:3", "txt", None)]
    assert records[0].data == PAGE.encode()
    assert all(r.error is None for r in records)


def test_field_names_are_configurable_with_a_format(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"doc_id": 7, "link": "https://e.org/x", "body": PAGE}) + "\n")
    fields = RecordFields(id="doc_id", url="link", content=("body:html",))
    [record] = RecordReader([str(path)], fields)
    assert (record.key, record.url, record.fmt, record.error) == ("7", "https://e.org/x", "html", None)


def test_bad_records_become_error_records_and_the_rest_still_comes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    write_jsonl(path, [
        "{not json",
        "[1, 2]",
        {"id": "no-content", "title": "Nothing"},
        {"id": "bad-unicode", "text": "\ud800 lone surrogate"},
        {"id": "ok", "text": "Fine text."},
    ])
    records = list(RecordReader([str(path)]))
    errors = {r.key: r.error for r in records if r.error}
    assert errors[f"{path}:1"].startswith("invalid JSON")
    assert errors[f"{path}:2"] == "a record must be a JSON object"
    assert "no content" in errors["no-content"]
    assert "not valid Unicode" in errors["bad-unicode"]
    assert [r.key for r in records if not r.error] == ["ok"]


def test_huge_records_are_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    write_jsonl(path, [{"id": "big", "text": "word " * 5000}, {"id": "small", "text": "word"}])
    records = {r.key: r for r in RecordReader([str(path)], max_bytes=1000)}
    assert "too large" in (records[f"{path}:1"].error or "")
    assert records["small"].error is None


def test_a_truncated_gzip_file_ends_in_an_error_record_after_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    body = "".join(json.dumps({"id": f"r{i}", "text": "Some text here. " * 50}) + "\n" for i in range(200))
    data = gzip.compress(body.encode())
    path.write_bytes(data[: len(data) // 2])
    records = list(RecordReader([str(path)]))
    assert records[0].key == "r0" and records[0].error is None
    assert records[-1].error is not None and "broken" in records[-1].error
    assert len(records) < 200


def test_repeated_ids_keep_one_entry_each(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    write_jsonl(path, [{"id": "same", "text": "a"}, {"id": "same", "text": "b"}])
    assert [r.key for r in RecordReader([str(path)])] == ["same", "same#2"]


def test_warc_html_responses_are_read_and_other_records_skipped_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    latin = "<html><body><p>Caf\u00e9 and cr\u00e8me.</p></body></html>".encode("latin-1")
    write_warc(path, [
        ("https://example.org/a", "text/html; charset=utf-8", PAGE.encode()),
        ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n"),
        ("https://example.org/b", "text/html; charset=ISO-8859-1", latin),
    ])
    reader = RecordReader([str(path)])
    records = list(reader)
    assert [r.key for r in records] == ["https://example.org/a", "https://example.org/b"]
    assert all(r.fmt == "html" and r.error is None for r in records)
    assert "Café and crème" in records[1].data.decode("utf-8")
    assert reader.stats.skipped == {"warc warcinfo record": 1, "warc request record": 3,
                                    "warc response that is not HTML": 1}
    assert reader.count() is None  # counting a WARC would mean reading it twice


def test_folders_are_walked_for_articles_and_record_files(tmp_path: Path) -> None:
    (tmp_path / "site" / "deep").mkdir(parents=True)
    (tmp_path / "site" / "a.md").write_text("# A\n\nText.\n")
    (tmp_path / "site" / "deep" / "b.html").write_text(PAGE)
    (tmp_path / "site" / "deep" / "notes.bin").write_bytes(b"\x00\x01")
    write_jsonl(tmp_path / "site" / "deep" / "more.jsonl", [{"id": "j1", "text": "x"}])
    reader = RecordReader([str(tmp_path / "site"), str(tmp_path / "absent")])
    keys = [r.key for r in reader]
    assert keys == [str(tmp_path / "site" / "a.md"), str(tmp_path / "site" / "deep" / "b.html"), "j1"]
    assert reader.stats.missing == [str(tmp_path / "absent")]
    assert reader.count() == 3
