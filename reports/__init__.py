"""Report writers. Each turns a RunReport (or one ArticleReport) into text for one format."""

from __future__ import annotations

from reports.base import Writer, get_writer, writer_names

__all__ = ["Writer", "get_writer", "writer_names"]
