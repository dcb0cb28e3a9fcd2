"""How many of the example family's name variants survive an export, per file, and how
long pseudonymising and the identifier check take.

The variants (the family's names in every case, with diminutives, possessives, digits
and underscores: 163 forms) are planted in every free text of the example, which is
saved under a file name holding the family's name and exported in every format. A
variant "survives" when a reader can find it in a file's name or text (Word: its XML;
e-mail: every decoded part and attachment name; calendar: every property).

    .venv/bin/python bench/privacy_leaks.py
"""

from __future__ import annotations

import email
import html
import io
import re
import sys
import tempfile
import time
import zipfile
from email import policy
from pathlib import Path

from retro_tui.report.export import check, export, formats_for, prepared
from retro_tui.report.texts import rewrite
from retro_tui.store import dumps, load

EXAMPLE = Path(__file__).resolve().parents[1] / "sessions" / "example.toml"
LETTER = r"[^\W\d_]"
NAMES = ["Sandra", "Ruben", "Marco", "Lotte", "Sem", "Ria", "Charlotte", "Semmie", "Akkerman"]


def variants(name: str) -> list[str]:
    last = name[-1]
    small = [name + "tje", name + "je", name + last + "etje", name + "tjes"] + ([name + last + "tje"] if last in "aeiou" else [])
    return [name, name.lower(), name.upper(), name + "s", name + "'s", name + "’s", name.lower() + "s", name + "2",
            name.lower() + "_a", "_" + name, name + "_2", f"({name})", f"{name}-{name}", *small]


PLANTED = [v for n in NAMES for v in variants(n)] + ["oma Ria", "Oma Ria's", "OMA RIA", "van Akkerman"]
SEARCH = re.compile(rf"(?i)(?<!{LETTER})(?:{'|'.join(map(re.escape, sorted({v.strip('()_') for v in PLANTED}, key=len, reverse=True)))})(?!{LETTER})")


def readable(name: str, data: bytes) -> str:
    if name.endswith(".docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    if name.endswith(".eml"):
        message = email.message_from_bytes(data, policy=policy.default)
        parts = [str(message["Subject"]), message.get_body(("plain",)).get_content()]
        for part in message.iter_attachments():
            content = part.get_content()
            parts += [part.get_filename(), readable(part.get_filename(), content if isinstance(content, bytes) else content.encode())]
        return "\n".join(parts)
    if name.endswith(".pdf"):
        # What a reader sees: the raw bytes are compressed, and match short names by chance.
        import subprocess

        return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return data.decode("utf-8", "replace").replace("\r\n ", "")  # calendars fold long lines


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="privacy-bench-") as folder:
        return run(Path(folder))


def run(folder: Path) -> int:
    total = run_kind(folder, load(EXAMPLE), "retrospective")
    # The sessions after the retrospective, as the tests build them (tests/kind_sessions.py):
    # each carries the family's names, and exports its own document.
    sys.path[:0] = [str(EXAMPLE.parents[1] / "tests")]
    from kind_sessions import KINDS

    for kind, make in KINDS.items():
        total += run_kind(folder / kind, make(), kind)
    return 1 if total else 0


def run_kind(folder: Path, session, kind: str) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    next(m for m in session.family.members if m.pseudonym == "Lotte").aliases = ["Charlotte"]
    next(m for m in session.family.members if m.pseudonym == "Sem").aliases = ["Semmie"]
    planted = rewrite(session, lambda text: f"{text} {' '.join(PLANTED)}")
    for original, copy in zip(session.family.members, planted.family.members):
        copy.pseudonym, copy.aliases = original.pseudonym, original.aliases
    for original, copy in zip(session.checkin.participants, planted.checkin.participants):
        copy.name = original.name
    planted.family.family_names, planted.privacy.accepted = session.family.family_names, session.privacy.accepted
    planted.session.title, planted.session.case_code = f"Casus Lotte Akkerman ({kind})", session.session.case_code
    source = folder / f"2026-10-14-gezin-akkerman-lotte-{kind}.toml"
    source.write_text(dumps(planted), encoding="utf-8")

    loaded = load(source)
    t0 = time.perf_counter()
    outgoing = prepared(loaded)
    t1 = time.perf_counter()
    check(outgoing)
    t2 = time.perf_counter()
    # What the kind writes: a meeting makes no declaration, and asking for one by name is refused.
    asked = {"md", "html", "docx", "eml", "ics", "intention"} & set(formats_for(loaded))
    written = export(loaded, source, folder / "out", asked)
    t3 = time.perf_counter()
    print(f"{kind}: {len(set(PLANTED))} variants planted in every free text; exported from {source.name}")
    total = 0
    for path in sorted(written):
        found = set(SEARCH.findall(html.unescape(readable(path.name, path.read_bytes()))))
        found |= set(SEARCH.findall(path.name.replace("-", " ")))
        total += len(found)
        print(f"  {path.name:<50} {len(found):>4} surviving")
    print(f"pseudonymise {t1 - t0:.2f} s, identifier check {t2 - t1:.2f} s, whole export {t3 - t2:.2f} s")
    return total


if __name__ == "__main__":
    sys.exit(main())
