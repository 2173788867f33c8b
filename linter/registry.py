"""The check API: what a check declares, and the registry of built-in and plug-in checks."""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, ClassVar

from linter.document import Document
from linter.findings import CATEGORIES, Finding, Severity
from linter.nlp import NEEDS, Analysis

ENTRY_POINT_GROUP = "healthlint.checks"
ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it finds", "Why it matters", "Example", "How to fix")


class Check:
    """Base class of every check.

    A subclass sets ``id`` (stable, kebab-case), ``category`` (one of the nine), ``severity``
    (the default), ``needs`` (what the NLP pass must provide), ``summary`` (one line) and
    ``options`` (per-check settings with their defaults), writes its docs as the class
    docstring with the sections What it finds / Why it matters / Example / How to fix, and
    implements ``run``. A check never parses, computes positions or prints.
    """

    id: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity]
    needs: ClassVar[frozenset[str]] = frozenset()
    summary: ClassVar[str]
    options: ClassVar[Mapping[str, Any]] = {}
    document_level: ClassVar[bool] = False
    # languages the check can read (ISO 639-1); None: any. Not run on an article in another.
    languages: ClassVar[frozenset[str] | None] = None

    def run(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> Iterable[Finding]:
        raise NotImplementedError

    def prepare(self, document: Document, analysis: Analysis, settings: Mapping[str, Any]) -> None:
        """Called for every check before any check runs: a check whose engine works on a
        thread of its own (and releases the GIL) starts it here, so that it runs alongside
        the NLP pass and the other checks. Errors surface from ``run``."""

    @classmethod
    def docs(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")


@dataclass(frozen=True)
class CheckInfo:
    id: str
    category: str
    severity: Severity
    summary: str


class RegistryError(Exception):
    pass


class Registry:
    def __init__(self) -> None:
        self._checks: dict[str, type[Check]] = {}

    def add(self, check: type[Check]) -> type[Check]:
        validate_check(check)
        existing = self._checks.get(check.id)
        if existing is not None and existing is not check:
            raise RegistryError(f"two checks share the id {check.id!r}: {existing.__module__}, {check.__module__}")
        self._checks[check.id] = check
        return check

    def get(self, check_id: str) -> type[Check]:
        return self._checks[check_id]

    def __contains__(self, check_id: object) -> bool:
        return check_id in self._checks

    def all(self) -> list[type[Check]]:
        return [self._checks[k] for k in sorted(self._checks)]

    def ids(self) -> list[str]:
        return sorted(self._checks)


def validate_check(check: type[Check]) -> None:
    name = getattr(check, "__name__", repr(check))
    for attr in ("id", "category", "severity", "summary"):
        if not hasattr(check, attr):
            raise RegistryError(f"check {name} does not set {attr!r}")
    if not ID_PATTERN.match(check.id):
        raise RegistryError(f"check id {check.id!r} is not kebab-case")
    if check.category not in CATEGORIES:
        raise RegistryError(f"check {check.id!r} has unknown category {check.category!r}")
    if not isinstance(check.severity, Severity):
        raise RegistryError(f"check {check.id!r} severity must be a Severity")
    unknown = set(check.needs) - set(NEEDS)
    if unknown:
        raise RegistryError(f"check {check.id!r} declares unknown needs {sorted(unknown)}")


_registry = Registry()
_loaded = False


def register(check: type[Check]) -> type[Check]:
    """Class decorator for built-in checks: adds the check to the default registry."""
    return _registry.add(check)


def default_registry() -> Registry:
    """The registry of built-in checks plus those of installed plug-in packages."""
    global _loaded
    if not _loaded:
        _loaded = True
        _load_all(_registry)
    return _registry


def _load_all(registry: Registry) -> None:
    import checks

    for module in checks.builtin_modules():
        importlib.import_module(module)
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        loaded = ep.load()
        candidates: list[type[Check]]
        if inspect.isclass(loaded) and issubclass(loaded, Check):
            candidates = [loaded]
        else:
            candidates = [
                obj
                for obj in vars(loaded).values()
                if inspect.isclass(obj) and issubclass(obj, Check) and obj is not Check and hasattr(obj, "id")
            ]
        for obj in candidates:
            registry.add(obj)
