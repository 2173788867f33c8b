"""The Dask engine on a LocalCluster of 2 worker processes gives the local engine's findings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from linter.cli import main

pytest.importorskip("dask.distributed")

TEXT = ("Regular walking lowers blood pressure in many adults. Doctors often suggest thirty minutes on most "
        "days. This miracle cure works for everyone, guaranteed! Buy now and save 50% today.")


def findings_by_key(out: Path) -> dict[str, Any]:
    lines = [json.loads(x) for x in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    drop = ("seconds", "report")
    return {line["key"]: {k: v for k, v in line.items() if k not in drop} for line in lines}


def test_dask_local_cluster_gives_the_same_findings_as_the_local_engine(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    rows = [{"id": f"p{i}", "text": f"Page {i}. " + TEXT * (1 + i % 3)} for i in range(20)]
    rows.append({"id": "no-content"})
    records.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["audit", str(records), "--out", str(local), "--jobs", "2", "--quiet"]) == 0
    assert main(["audit", str(records), "--out", str(dask), "--engine", "dask", "--jobs", "2", "--quiet"]) == 0

    expected, got = findings_by_key(local), findings_by_key(dask)
    assert len(expected) == 21 and got == expected
    assert any(line["findings"] for line in got.values())
    assert "no content" in got["no-content"]["error"]
    summary = json.loads((dask / "summary.json").read_text())
    assert summary["run"]["engine"] == "dask"
    assert len(summary["run"]["workers"]) == 2  # both worker processes took partitions
    local_summary = json.loads((local / "summary.json").read_text())
    assert {k: v for k, v in summary.items() if k != "run"} == {k: v for k, v in local_summary.items() if k != "run"}
