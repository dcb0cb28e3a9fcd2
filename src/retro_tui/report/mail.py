"""The email draft (.eml) that carries the report: subject and body in the session's
language, the report (Word for feedback, PDF to read) and the intention declaration (PDF)
attached. Mail programs open it as a
draft (X-Unsent); the user adds the addresses and sends it through their organisation's
secure mail. The app itself sends nothing."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate

from ..i18n import t
from ..model import Session
from .build import _date, feedback_deadline
from .document import one_line
from .sections import kind_title


# What an export attaches, by name: mimetypes reads the system's whole table for them
# (a sixtieth of the example's export) and may know no TOML.
ATTACHED = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".ics": "text/calendar",
    ".toml": "application/toml",
}


def draft(session: Session, attachments: list[tuple[str, bytes]]) -> bytes:
    """`attachments` are (file name, content) pairs."""
    lang = session.session.language.value
    meta = session.session
    deadline = feedback_deadline(session)
    message = EmailMessage(policy=SMTP)
    retrospective = meta.kind == "retrospective"
    # Any other kind says which it is in the subject, as its document's title does.
    subject = t("mail.subject", lang, title=meta.title) if retrospective else kind_title(session)
    message["Subject"] = one_line(subject)
    message["Date"] = formatdate(localtime=True)
    message["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a draft to send
    body = "mail.body" if retrospective else f"mail.kind.body_{meta.kind}"
    lines = [t("mail.greeting", lang), "", t(body, lang, title=one_line(meta.title))]
    if lines[-1] == body:  # a kind added as a file alone, without a mail text of its own
        lines[-1] = one_line(kind_title(session))
    if meta.kind == "meeting" and session.meeting.next_starts:
        starts = session.meeting.next_starts
        when = f"{_date(starts.date(), lang)}, {starts:%H:%M}"
        where = ", ".join(filter(None, [when, one_line(session.meeting.next_place)]))
        lines += ["", t("mail.kind.next_meeting", lang, when=where)]
    if deadline and meta.status != "final":
        lines += ["", t("mail.feedback", lang, date=_date(deadline, lang))]
    lines += ["", t("mail.attached", lang)]
    lines += [f"- {name}" for name, _ in attachments]
    # Signed as a person from an organisation, as any mail from a professional is.
    lines += ["", t("mail.closing", lang), *(x for x in (meta.facilitator, meta.facilitator_organisation) if x)]
    message.set_content("\n".join(lines).rstrip() + "\n")
    for name, content in attachments:
        kind = ATTACHED.get(Path(name).suffix) or mimetypes.guess_type(name)[0]
        main, sub = (kind or "application/octet-stream").split("/", 1)
        if main == "text":  # as text with its charset, so mail programs show ë and — right
            message.add_attachment(content.decode("utf-8"), subtype=sub, filename=one_line(name))
        else:
            message.add_attachment(content, maintype=main, subtype=sub, filename=one_line(name))
    return bytes(message)
