"""The Dask engine: the same per-article work on a dask.distributed cluster.

The driver reads the inputs and sends them in partitions of records; each Dask worker process
keeps one Session (models loaded once) across partitions. A bounded number of partitions is
in flight, so memory stays flat however large the inputs. Results come back to the driver,
which writes every output file, so workers need no shared file system.
Needs the extra ``healthlint[dask]``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from linter.batch.inputs import Record
from linter.batch.local import EngineError
from linter.batch.work import Outcome, WorkSettings, error_line, lint_record, memory_kb

PARTITION_RECORDS = 8


def lint_partition(settings: WorkSettings, records: list[Record]) -> list[Outcome]:
    """Runs on a Dask worker: lint each record of one partition."""
    name = f"dask-{os.getpid()}"
    out = []
    for record in records:
        line = lint_record(settings, record)
        current, peak = memory_kb()
        out.append(Outcome(line, name, current, peak))
    return out


class DaskEngine:
    def __init__(self, settings: WorkSettings, scheduler: str | None, jobs: int,
                 partition_records: int = PARTITION_RECORDS) -> None:
        self.settings = settings
        self.scheduler = scheduler
        self.jobs = max(1, jobs)
        self.partition_records = max(1, partition_records)

    def _client(self) -> tuple[Any, Any]:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise EngineError("the Dask engine needs the extra: pip install 'healthlint[dask]'") from None
        if self.scheduler:
            try:
                return Client(self.scheduler, timeout="30s"), None
            except OSError as exc:
                raise EngineError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
        cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster), cluster

    def run(self, records: Iterable[Record]) -> Iterator[Outcome]:
        from dask.distributed import as_completed

        client, cluster = self._client()
        try:
            threads = sum(client.nthreads().values()) or self.jobs
            settings = client.scatter(self.settings, broadcast=True)
            pending = iter(records)
            parts: dict[Any, list[Record]] = {}

            def submit() -> Any | None:
                part = list(islice(pending, self.partition_records))
                if not part:
                    return None
                future = client.submit(lint_partition, settings, part, pure=False)
                parts[future] = part
                return future

            futures = as_completed()
            for _ in range(2 * threads):
                future = submit()
                if future is not None:
                    futures.add(future)
            for future in futures:
                part = parts.pop(future)
                try:
                    outcomes: list[Outcome] = future.result()
                except Exception as exc:  # noqa: BLE001 - a lost partition becomes error entries
                    current, peak = memory_kb()
                    outcomes = [Outcome(error_line(r, f"the Dask task failed: {type(exc).__name__}: {exc}"),
                                        "scheduler", current, peak) for r in part]
                future.release()
                yield from outcomes
                following = submit()
                if following is not None:
                    futures.add(following)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
