"""argparse's own words in the person's language: "usage:", its section headings, the
help option's line and the error line. argparse takes these from gettext's global
domain, which a library should not switch over for a whole process; its documented
hooks (a `formatter_class`, `add_help=False` with an own help option, `error()`) let the
command line say them in Dutch and English without touching anything private."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from .i18n import t

# argparse's own error sentences, by the msgid it hands to gettext: the same text a
# gettext catalogue for the 'argparse' domain translates, so it is the stable part of
# argparse's words. gettext itself cannot serve here: it follows the locale's
# variables, not the language the person chose in settings or --lang, and switching
# its global domain would change every other library's words too. Each `%s` without
# a name gets the name given after the key; a sentence a later Python words
# differently is shown as argparse says it (test_cli_words checks these msgids
# against the installed argparse).
_ARGPARSE_SENTENCES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("argument %(argument_name)s: %(message)s", "argparse.argument", ()),
    ("the following arguments are required: %s", "argparse.required", ("names",)),
    ("one of the arguments %s is required", "argparse.one_required", ("names",)),
    ("unrecognized arguments: %s", "argparse.unrecognized", ("args",)),
    ("expected one argument", "argparse.expected_one", ()),
    ("expected at most one argument", "argparse.expected_at_most_one", ()),
    ("expected at least one argument", "argparse.expected_at_least_one", ()),
    ("expected %s argument", "argparse.expected_count", ("count",)),
    ("expected %s arguments", "argparse.expected_count", ("count",)),
    ("invalid choice: %(value)r (choose from %(choices)s)", "argparse.invalid_choice", ()),
    ("invalid %(type)s value: %(value)r", "argparse.invalid_value", ()),
    ("ambiguous option: %(option)s could match %(matches)s", "argparse.ambiguous", ()),
    ("not allowed with argument %s", "argparse.not_allowed_with", ("other",)),
    ("ignored explicit argument %r", "argparse.ignored_value", ("value",)),
)

_FIELD = re.compile(r"%(?:\((\w+)\))?[sr]")


def _pattern(msgid: str, names: Sequence[str]) -> re.Pattern[str]:
    unnamed = iter(names)
    parts, end = [], 0
    for field in _FIELD.finditer(msgid):
        parts.append(re.escape(msgid[end:field.start()]))
        parts.append(f"(?P<{field.group(1) or next(unnamed)}>.+?)")
        end = field.end()
    parts.append(re.escape(msgid[end:]))
    return re.compile("".join(parts), re.DOTALL)


_SENTENCES = [(_pattern(msgid, names), key) for msgid, key, names in _ARGPARSE_SENTENCES]


def argparse_in_words(message: str) -> str:
    """argparse's error sentence in the active language, what it names kept as given."""
    for pattern, key in _SENTENCES:
        found = pattern.fullmatch(message)
        if found:
            fields = found.groupdict()
            if "message" in fields:
                fields["message"] = argparse_in_words(fields["message"])
            if "count" in fields:
                fields["count"] = int(fields["count"]) if fields["count"].isdigit() else fields["count"]
            for listed in ("names", "args"):
                if listed in fields:
                    fields["many"] = len(fields[listed].split(", " if listed == "names" else " "))
            return t(key, **fields)
    return message


# The headings argparse gives its two default sections (Python 3.10 on).
_HEADINGS = {"positional arguments": "cli.heading_positional", "options": "cli.heading_options"}


class LocalHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, t("cli.usage_prefix") if prefix is None else prefix)

    def start_section(self, heading) -> None:
        key = _HEADINGS.get(heading or "")
        super().start_section(t(key) if key else heading)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser (its subcommands' parsers too) that speaks the active language."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", LocalHelp)
        # cli.main reads --lang and the command before argparse does; an abbreviation
        # ("--se x") it would read otherwise than argparse, so none is accepted.
        kwargs.setdefault("allow_abbrev", False)
        kwargs["add_help"] = False  # our own -h below, its help line in the person's language
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=t("cli.opt_help"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, t("cli.parse_error", prog=self.prog, message=argparse_in_words(message)) + "\n")
