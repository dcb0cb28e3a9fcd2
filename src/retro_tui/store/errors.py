"""A session file that cannot be used: one clear message, in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import t
from ..printable import printable


@dataclass(frozen=True)
class Finding:
    """One thing wrong in a file: an i18n key with its values, and where it is."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def describe(self, lang: str | None = None) -> str:
        where = []
        if self.line is not None and self.column is not None:
            where.append(t("error.at_line_column", lang=lang, line=self.line, column=self.column))
        elif self.line is not None:
            where.append(t("error.at_line", lang=lang, line=self.line))
        if self.field:
            where.append(self.field)
        text = self.text(lang)
        return f"{', '.join(where)}: {text}" if where else text

    def text(self, lang: str | None = None) -> str:
        """What is wrong, without where: for forms, which name the field themselves."""
        key = self.key if self.key.startswith("toml.") else f"problem.{self.key}"
        return t(key, lang=lang, **self.params)


class SessionError(Exception):
    """Raised by the store for anything wrong with a session file the user gave us."""

    def __init__(self, path: Path, findings: list[Finding], total: int | None = None):
        """`findings`: the problems described (perhaps only the first ones); `total`:
        how many there are in all, when more than were described."""
        super().__init__(str(path))
        self.path = Path(path)
        self.findings = findings
        self.total = max(total or 0, len(findings))

    @property
    def first(self) -> Finding:
        return self.findings[0]

    def message(self, lang: str | None = None, limit: int = 8) -> str:
        """The first `limit` problems and how many more there are; any control
        character from the file or its name is shown escaped, never sent to a terminal."""
        shown = self.findings[:limit]
        if self.total == 1:
            return printable(f"{self.path}: {shown[0].describe(lang)}")
        lines = [t("error.problems", lang=lang, path=self.path, count=self.total)]
        lines += [f"  - {finding.describe(lang)}" for finding in shown]
        if self.total > len(shown):
            lines.append("  " + t("error.more", lang=lang, count=self.total - len(shown)))
        return "\n".join(printable(line) for line in lines)

    def __str__(self) -> str:
        return self.message()
