"""Write docs/rules.md from the built-in checks' own docs (the class docstrings).

    python scripts/gen_rules_doc.py          # regenerate docs/rules.md
    python scripts/gen_rules_doc.py --check  # exit 1 when docs/rules.md is out of date
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "rules.md"
COMMAND = "python scripts/gen_rules_doc.py"
SECTION = re.compile(r"^(What it finds|Why it matters|Example|How to fix):[ \t]*", re.MULTILINE)

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from linter.registry import Check, default_registry  # noqa: E402


def builtin_checks() -> list[type[Check]]:
    """The checks shipped in the `checks` package (plug-ins document themselves)."""
    return [c for c in default_registry().all() if c.__module__.split(".")[0] == "checks"]


def _reflow(text: str) -> str:
    """Join hard-wrapped docstring lines; keep paragraph breaks."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip())]
    return "\n\n".join(p for p in paragraphs if p)


def sections(docs: str) -> list[tuple[str | None, str]]:
    """The docstring split into (section title, text); text before the first section has no title."""
    parts = SECTION.split(docs)
    out: list[tuple[str | None, str]] = []
    if parts[0].strip():
        out.append((None, _reflow(parts[0])))
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        out.append((title, _reflow(body)))
    return out


def _markdown(text: str) -> str:
    """Docstring prose as Markdown: "<main>" stays visible (outside code spans) instead of becoming a tag."""
    pieces = text.split("`")
    return "`".join(p if i % 2 else p.replace("<", "&lt;") for i, p in enumerate(pieces))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _check_section(check: type[Check]) -> list[str]:
    lines = [f"## {check.id}", ""]
    level = "yes" if check.document_level else "no"
    lines += [f"Category: `{check.category}` · Default severity: `{check.severity.label}` · "
              f"Whole-article finding: {level}", ""]
    lines += [f"_{check.summary}_", ""]
    for title, body in sections(check.docs()):
        body = _markdown(body)
        lines += [f"**{title}:** {body}" if title else body, ""]
    if check.options:
        lines += [f"Settings, in `[tool.healthlint.checks.{check.id}]`:", "",
                  "| Setting | Default |", "| --- | --- |"]
        lines += [f"| `{key}` | `{_cell(repr(value))}` |" for key, value in check.options.items()]
        lines.append("")
    return lines


def render() -> str:
    checks = builtin_checks()
    lines = [
        "# Rules",
        "",
        f"<!-- Generated from the checks' docs by `{COMMAND}`; do not edit by hand. -->",
        "",
        f"healthlint has {len(checks)} built-in checks. Select or ignore them by id, id prefix or "
        "category (`--select`, `--ignore`, or `select`/`ignore` in `[tool.healthlint]`); "
        "`healthlint explain ID` prints the same text in a terminal.",
        "",
        "| Check | Category | Default severity | Finds |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| [{c.id}](#{c.id}) | {c.category} | {c.severity.label} | {_cell(c.summary)} |" for c in checks]
    lines.append("")
    for check in checks:
        lines += _check_section(check)
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/rules.md is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date; run `{COMMAND}`", file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(builtin_checks())} checks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
