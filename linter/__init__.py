"""healthlint: a content-quality linter for consumer health articles."""

__version__ = "0.1.0"
