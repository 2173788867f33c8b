"""Audit progress on stderr: a bar redrawn in place on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 24
BAR_REDRAW = 0.2  # seconds between redraws of the bar


def duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


class Progress:
    """Counts finished articles; ``mode`` is bar, lines or quiet (auto picks bar on a TTY)."""

    def __init__(self, total: int | None, already_done: int = 0, mode: str = "auto",
                 stream: TextIO | None = None, interval: float = 10.0) -> None:
        self.stream = stream or sys.stderr
        if mode == "auto":
            mode = "bar" if self.stream.isatty() else "lines"
        self.mode = mode
        self.total = total
        self.already = already_done
        self.done = 0
        self.findings = 0
        self.errors = 0
        self.interval = interval
        self.started = time.monotonic()
        self._last = self.started

    def update(self, findings: int, error: bool) -> None:
        self.done += 1
        self.findings += findings
        self.errors += int(error)
        now = time.monotonic()
        wait = BAR_REDRAW if self.mode == "bar" else self.interval
        if self.mode != "quiet" and now - self._last >= wait:
            self._last = now
            self._show()

    def status(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        count = self.already + self.done
        of = f"/{self.total}" if self.total is not None else ""
        parts = [f"{count}{of} articles", f"{rate:.1f}/s"]
        if self.total is not None and rate > 0:
            parts.append(f"ETA {duration(max(self.total - count, 0) / rate)}")
        parts.append(f"{self.findings} findings")
        if self.errors:
            parts.append(f"{self.errors} errors")
        if self.already:
            parts.append(f"{self.already} done before (resumed)")
        return ", ".join(parts)

    def _show(self) -> None:
        if self.mode == "bar":
            count = self.already + self.done
            filled = int(BAR_WIDTH * count / self.total) if self.total else 0
            bar = "#" * filled + "-" * (BAR_WIDTH - filled) if self.total else ""
            self.stream.write(f"\r[{bar}] {self.status()}\033[K" if bar else f"\r{self.status()}\033[K")
        else:
            self.stream.write(f"healthlint audit: {self.status()}\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.mode == "quiet":
            return
        self._show()
        if self.mode == "bar":
            self.stream.write("\n")
            self.stream.flush()
