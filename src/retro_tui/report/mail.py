"""The email draft (.eml) that carries the report: subject and body in the session's
language, the report (Word for feedback, PDF to read) and the intention declaration (PDF)
attached. Mail programs open it as a
draft (X-Unsent); the user adds the addresses and sends it through their organisation's
secure mail. The app itself sends nothing."""

from __future__ import annotations

import mimetypes
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate

from ..i18n import t
from ..model import Session
from .build import _date, feedback_deadline
from .document import one_line


def draft(session: Session, attachments: list[tuple[str, bytes]]) -> bytes:
    """`attachments` are (file name, content) pairs."""
    lang = session.session.language.value
    meta = session.session
    deadline = feedback_deadline(session)
    message = EmailMessage(policy=SMTP)
    message["Subject"] = one_line(t("mail.subject", lang, title=meta.title))
    message["Date"] = formatdate(localtime=True)
    message["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a draft to send
    lines = [t("mail.greeting", lang), "", t("mail.body", lang, title=one_line(meta.title))]
    if deadline and meta.status != "final":
        lines += ["", t("mail.feedback", lang, date=_date(deadline, lang))]
    lines += ["", t("mail.attached", lang)]
    lines += [f"- {name}" for name, _ in attachments]
    # Signed as a person from an organisation, as any mail from a professional is.
    lines += ["", t("mail.closing", lang), *(x for x in (meta.facilitator, meta.facilitator_organisation) if x)]
    message.set_content("\n".join(lines).rstrip() + "\n")
    for name, content in attachments:
        kind, _ = mimetypes.guess_type(name)
        if name.endswith(".toml"):
            kind = "application/toml"
        main, sub = (kind or "application/octet-stream").split("/", 1)
        if main == "text":  # as text with its charset, so mail programs show ë and — right
            message.add_attachment(content.decode("utf-8"), subtype=sub, filename=one_line(name))
        else:
            message.add_attachment(content, maintype=main, subtype=sub, filename=one_line(name))
    return bytes(message)
