"""argparse's own words in the person's language: "usage:", its section headings, the
help option's line and the error line. argparse takes these from gettext's global
domain, which a library should not switch over for a whole process; its documented
hooks (a `formatter_class`, `add_help=False` with an own help option, `error()`) let the
command line say them in Dutch and English without touching anything private."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from .i18n import t

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
        kwargs["add_help"] = False  # our own -h below, its help line in the person's language
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=t("cli.opt_help"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, t("cli.parse_error", prog=self.prog, message=message) + "\n")
