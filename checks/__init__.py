"""Built-in checks, one module per family. Every module here registers its checks on import."""

from __future__ import annotations

import pkgutil


def builtin_modules() -> list[str]:
    """All check modules of this package, in name order (new families need no wiring)."""
    return sorted(f"{__name__}.{m.name}" for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
