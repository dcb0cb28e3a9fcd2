"""Identifier findings said to a person: what was found, where, and what to do."""

from __future__ import annotations

from pathlib import Path

from ..i18n import t


def describe_findings(path: Path, findings: list) -> str:
    lines = [t("export.identifiers_found", path=path, count=len(findings))]
    for f in findings:
        lines.append(t("export.finding", kind=t(f"export.kind_{f.kind}"), text=f.text, where=f.where))
    lines.append(t("export.identifiers_hint"))
    return "\n".join(lines)
