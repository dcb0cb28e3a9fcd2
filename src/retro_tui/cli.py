"""The command line. Each command calls the same store functions the app uses."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .cli_words import Parser
from .i18n import LANGUAGES, current_language, detect_language, set_language, t

COMMANDS = ("new", "open", "notetaker", "list", "case", "check", "example", "export", "merge", "import-timeline", "finalize",
            "reopen", "quote", "bundle", "settings")
_VALUE_OPTIONS = {"--lang", "--sessions-dir"}


def _prescan(argv: Sequence[str]) -> tuple[str | None, int | None]:
    """The --lang value (help texts need it before parsing) and the first positional."""
    lang, first, skip = None, None, False
    for index, arg in enumerate(argv):
        if skip:
            skip = False
            continue
        if arg in _VALUE_OPTIONS:
            skip = True
            if arg == "--lang" and index + 1 < len(argv):
                lang = argv[index + 1]
            continue
        if arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
            continue
        if not arg.startswith("-") and first is None:
            first = index
    return lang, first


def _common_options(default: object) -> Parser:
    common = Parser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES, default=default, help=t("cli.opt_lang"))
    common.add_argument(
        "--sessions-dir", default=default, metavar=t("cli.metavar_dir"), help=t("cli.opt_sessions_dir")
    )
    return common


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with `only` that command's part of it: `retro-tui open
    FILE` need not set up fourteen commands' options before the app's first frame."""
    # The options are accepted before and after the command; the command's copies must
    # not overwrite a value given before it, hence SUPPRESS as their default.
    common = _common_options(argparse.SUPPRESS)
    parser = Parser(
        prog="retro-tui", description=t("cli.description"), parents=[_common_options(None)]
    )
    parser.add_argument("--version", action="version", version=f"retro-tui {__version__}", help=t("cli.opt_version"))
    sub = parser.add_subparsers(dest="command", metavar=t("cli.metavar_command"))

    def command(name: str, handler: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        if only is not None and name != only:
            return Parser(add_help=False)  # set up, never used
        p = sub.add_parser(name, parents=[common], help=t(f"cli.help_{name}"), description=t(f"cli.help_{name}"))
        p.set_defaults(handler=handler)
        return p

    new = command("new", cmd_new)
    new.add_argument("title", nargs="?", metavar=t("cli.metavar_title"))
    for option in DETAILS:
        new.add_argument(f"--{option.replace('_', '-')}", dest=option, metavar=t(f"details.metavar_{option}"),
                         help=t(f"details.opt_{option}"))
    new.add_argument("--kind", choices=_follow_ups(), help=t("cli.opt_kind"))
    new.add_argument("--case", dest="case", metavar=t("cli.metavar_code"), help=t("cli.opt_case"))
    command("open", cmd_open).add_argument("file", type=Path, metavar=t("cli.metavar_file"))
    command("notetaker", cmd_notetaker).add_argument("file", type=Path, metavar=t("cli.metavar_file"))
    command("list", cmd_list)
    command("case", cmd_case).add_argument("code", nargs="?", metavar=t("cli.metavar_code"))
    command("check", cmd_check).add_argument("file", type=Path, metavar=t("cli.metavar_file"))
    command("example", cmd_example)
    export = command("export", cmd_export)
    export.add_argument("file", type=Path, metavar=t("cli.metavar_file"))
    export.add_argument("--format", dest="formats", action="append", type=_formats, required=True, help=t("cli.opt_format"))
    export.add_argument("--out", type=Path, required=True, metavar=t("cli.metavar_dir"), help=t("cli.opt_out"))
    export.add_argument("--no-pseudonymise", dest="pseudonymise", action="store_false", help=t("cli.opt_no_pseudonymise"))
    export.add_argument("--accept-identifiers", action="store_true", help=t("cli.opt_accept_identifiers"))
    export.add_argument("--quotes", choices=("all", "marked", "none"), help=t("cli.opt_quotes"))
    export.add_argument("--checkin-words", action="store_true", help=t("cli.opt_checkin_words"))
    merging = command("merge", cmd_merge)
    merging.add_argument("file", type=Path, metavar=t("cli.metavar_file"))
    merging.add_argument("copy", type=Path, metavar=t("merge.metavar_copy"))
    merging.add_argument("--accept-all", action="store_true", help=t("merge.opt_accept_all"))
    importer = command("import-timeline", cmd_import_timeline)
    importer.add_argument("session", type=Path, metavar=t("csv.metavar_session"))
    importer.add_argument("file", type=Path, metavar=t("csv.metavar_csv"))
    command("finalize", cmd_finalize).add_argument("file", type=Path, metavar=t("cli.metavar_file"))
    reopen = command("reopen", cmd_reopen)
    reopen.add_argument("file", type=Path, metavar=t("cli.metavar_file"))
    reopen.add_argument("--reason", required=True, metavar=t("lifecycle.metavar_reason"), help=t("lifecycle.opt_reason"))
    quote = command("quote", cmd_quote)
    quote.add_argument("file", type=Path, metavar=t("cli.metavar_file"))
    quote.add_argument("--speaker", required=True, metavar=t("quote_cli.metavar_speaker"), help=t("quote_cli.opt_speaker"))
    # The steps depend on the file's kind, so they are checked once the file is read.
    quote.add_argument("--step", help=t("quote_cli.opt_step"))
    quote.add_argument("words", nargs="+", metavar=t("quote_cli.metavar_words"))
    settings = command("settings", cmd_settings)
    settings_sub = settings.add_subparsers(dest="settings_action", metavar=t("settings.metavar_action"))
    setter = settings_sub.add_parser("set", help=t("settings.help_set"), description=t("settings.help_set"))
    setter.add_argument("key", metavar=t("settings.metavar_key"), help=t("settings.help_key"))
    setter.add_argument("value", metavar=t("settings.metavar_value"), help=t("settings.help_value"))
    settings_sub.add_parser("keys", help=t("settings.help_keys"), description=t("settings.help_keys"))
    bundle = command("bundle", cmd_bundle)
    bundle.add_argument("paths", nargs="+", type=Path, metavar=t("bundle.metavar_path"))
    bundle.add_argument("--out", type=Path, metavar=t("cli.metavar_dir"), help=t("bundle.opt_out"))
    bundle.add_argument("--format", dest="formats", action="append", type=_bundle_formats, help=t("bundle.opt_format"))
    bundle.add_argument("--all", dest="include_all", action="store_true", help=t("bundle.opt_all"))
    parser.set_defaults(handler=cmd_start)
    return parser


def _say(message: str, file=None) -> None:
    """Print for a person at a terminal: a file name or title from outside may carry
    escape sequences, which must show as text, not act."""
    from .printable import printable

    print(printable(message), file=file)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings for the user (a backup that could not be kept) as one plain line."""
    from .store.atomic import BackupSkipped

    if issubclass(category, BackupSkipped):
        _say(t("warning.backup_skipped", detail=str(message)), file=sys.stderr)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def _fail(message: str) -> int:
    _say(message, file=sys.stderr)
    return 2


def _language_chosen(args: argparse.Namespace) -> bool:
    """The person chose a language (`--lang` or their settings): the screen stays in it
    whatever the session's; the session's language is then only the report's."""
    from .settings import current

    return bool(args.lang or current().language)


def _sessions_dir(args: argparse.Namespace) -> Path:
    from .places import sessions_dir
    from .settings import current

    return sessions_dir(args.sessions_dir, current().sessions_dir)


# The session's details that `new` takes as options, as the details form has them.
DETAILS = ("date", "place", "facilitator", "organisation", "notetaker", "case_code", "learning_question")


def _follow_ups() -> tuple[str, ...]:
    from .case import FOLLOW_UPS

    return FOLLOW_UPS


def cmd_new(args: argparse.Namespace) -> int:
    from .details import DetailsError, apply_details
    from .settings import current
    from .store import create

    if args.kind or args.case:
        return _new_in_case(args)
    mine = current()
    # The facilitator's own name and organisation unless given for this session.
    given = {name: value for name, value in (("facilitator", mine.name), ("organisation", mine.organisation)) if value}
    given |= {name: getattr(args, name) for name in DETAILS if getattr(args, name) is not None}
    try:
        apply_details(None, given)  # every value checked before a file exists
    except DetailsError as error:
        return _fail(error.message())
    # The details before the file is named: its name comes from the date and case code.
    path, _ = create(_sessions_dir(args), args.title, current_language(),
                     prepare=lambda session: apply_details(session, given))
    _say(t("cli.created", path=path))
    _say(t("cli.open_with", command=_open_command(path)))
    return 0


def _new_in_case(args: argparse.Namespace) -> int:
    """The next session of a case, filled in from what the case holds, in the case's
    language and with its facilitator; options given override what was filled in."""
    from .case.collect import CaseError
    from .case.start import start_next
    from .details import DetailsError, apply_details, read_details
    from .method import kind as kind_of

    if not args.case:
        return _fail(t("cli.kind_needs_case", kind=kind_of(args.kind).in_language(current_language()).name))
    if not args.kind:
        return _fail(t("cli.case_needs_kind", kinds=", ".join(_follow_ups())))
    given = {name: getattr(args, name) for name in DETAILS if getattr(args, name) is not None and name != "case_code"}
    try:
        # A session dated on purpose is filled in as of that day (its next meeting date).
        day = read_details(given).get("date")
        started = start_next(_case_folder(args, args.case), args.case, args.kind, title=args.title or "", today=day,
                             change=(lambda session: apply_details(session, given)) if given else None)
    except DetailsError as error:
        return _fail(error.message())
    except CaseError as error:
        return _fail(error.message())
    _say(started.said(current_language()))
    _say(t("cli.open_with", command=_open_command(started.path)))
    return 0


def _open_command(path: Path) -> str:
    import shlex

    return f"retro-tui open {shlex.quote(str(path))}"


def _case_folder(args: argparse.Namespace, code: str) -> Path:
    """Where case `code` is: the sessions folder; or, for a case only a copy of the
    example holds (after `retro-tui example`, whose copies live among the state files so
    trying it out leaves nothing among the sessions), the newest such copy, said so."""
    from .case.collect import example_copy_holding
    from .store import list_sessions

    folder = _sessions_dir(args)
    if folder.is_dir() and any(i.meta is not None and i.meta.case_code.strip() == code.strip()
                               for i in list_sessions(folder)):
        return folder
    example = example_copy_holding(code)
    if example is None:
        return folder  # collect() says what is there
    _say(t("case.from_example", code=code.strip(), folder=folder, example=example), file=sys.stderr)
    return example


def cmd_case(args: argparse.Namespace) -> int:
    """Where a case stands, printed: its sessions in time order, the declaration in
    force, the course, the open actions, the next meeting, the evaluation."""
    from .case.collect import CaseError, collect
    from .case.state import case_state
    from .case_print import print_case, print_cases

    if not args.code:
        # Which cases there are, to pick one from.
        from .store import list_sessions

        folder = _sessions_dir(args)
        if not folder.is_dir():
            return _fail(t("case.no_folder", folder=folder))
        print_cases(folder, list_sessions(folder))
        return 0
    try:
        case = collect(_case_folder(args, args.code), args.code)
    except CaseError as error:
        return _fail(error.message())
    if not _language_chosen(args):
        set_language(case.sessions[0].session.session.language)
    print_case(case_state(case))
    return 0


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _app() -> Callable[..., int]:
    """The app's `run`. Imported here: commands that need no UI must not pay for
    importing Textual; and with the garbage collector held until the first screen is
    settled (ui/heap.py), the imports and the first frame pay for no collections."""
    from .ui import heap

    heap.hold()
    from .ui.app import run

    return run


def _run_app(args: argparse.Namespace, path: Path | None) -> int:
    run = _app()
    return run(_sessions_dir(args), path, follow_session_language=not _language_chosen(args))


def _show(path: Path, args: argparse.Namespace) -> int:
    """Open a session: the app on a terminal, a printed summary for scripts and pipes."""
    if _interactive():
        # The app reads the file itself, after its first frame; a file it cannot read
        # is shown as the same message, and the command still exits with 2.
        return _run_app(args, path)
    from .store import SessionError, load
    from .summary import print_summary

    try:
        session = load(path)
    except SessionError as error:
        return _fail(error.message())
    if not _language_chosen(args):
        set_language(session.session.language)
    print_summary(session, path)
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    return _show(args.file, args)


def cmd_notetaker(args: argparse.Namespace) -> int:
    if not _interactive():
        # Without a terminal the view would wait for keys that never come.
        return _fail(t("notetaker.needs_terminal"))
    run = _app()
    return run(_sessions_dir(args), args.file, follow_session_language=not _language_chosen(args), notetaker=True)


def cmd_example(args: argparse.Namespace) -> int:
    from .store import copy_example, example_arc_sources, peek_case_code

    # Asked for a folder, the copy goes there; else among the state files, cleaned.
    path = copy_example(Path(args.sessions_dir) if args.sessions_dir else None)
    _say(t("cli.example_copied", path=path))
    arc = example_arc_sources()
    if arc:
        _say(t("case.example_arc", count=len(arc) + 1, folder=path.parent, code=peek_case_code(path)))
    # The app's sessions folder is the copy's, so the example's case is there whole.
    args.sessions_dir = str(path.parent)
    return _show(path, args)


def cmd_check(args: argparse.Namespace) -> int:
    from .store import SessionError, load

    try:
        session = load(args.file)
    except SessionError as error:
        return _fail(error.message())
    _say(t("cli.valid", path=args.file, title=session.session.title))
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    """No command: the app's opening screen on a terminal, else the list."""
    if _interactive():
        return _run_app(args, None)
    return cmd_list(args)


FORMATS = ("md", "html", "docx", "pdf", "eml", "ics", "intention")


def _formats(text: str) -> list[str]:
    """`--format md,html` or `--format all`; given more than once, they add up. `session`
    (a travelling copy of the session itself) is asked for by name, never part of all."""
    chosen = list(FORMATS) if text.strip() == "all" else [f.strip() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in (*FORMATS, "session")]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(t("cli.bad_format", given=text, known=", ".join((*FORMATS, "session"))))
    return chosen


def cmd_export(args: argparse.Namespace) -> int:
    # One export builds and drops a great many objects (the session's models, the
    # documents' trees) that reference counting frees by itself; the cyclic collector
    # ran some 200 times an export, looking for cycles the process's exit frees anyway:
    # 50 ms of the example's 0.7 s of CPU, 0.2 s of the big session's 2.2 s, for 3 and
    # 11 MB more at the peak. Switched back on after, for whoever calls main() again.
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        return _export(args)
    finally:
        if collecting:
            gc.enable()


def _export(args: argparse.Namespace) -> int:
    from .report.export import ExportIncomplete, IdentifiersFound, export, formats_for
    from .report.findings import describe_findings
    from .store import SessionError, load

    try:
        session = load(args.file)
    except SessionError as error:
        return _fail(error.message())
    from .report.document import Choices

    formats = {f for group in args.formats for f in group}
    if "session" in formats:
        formats.discard("session")
        failed = _export_copy(args)
        if failed or not formats:
            return failed
        session = load(args.file)  # the copy gave the original its id
    default = Choices.default(session)
    choices = Choices(quotes=args.quotes or default.quotes, checkin_words=args.checkin_words)
    try:
        written = export(session, args.file, args.out, formats, pseudonymise=args.pseudonymise,
                         accept_identifiers=args.accept_identifiers, choices=choices)
    except IdentifiersFound as found:
        return _fail(describe_findings(args.file, found.findings))
    except ExportIncomplete as incomplete:
        for path in incomplete.written:
            _say(t("cli.exported", path=path))
        return _fail("\n".join(
            t("export.format_failed", path=args.file, format=kind, reason=str(error) or type(error).__name__)
            for kind, error in incomplete.failed.items()
        ))
    for path in written:
        _say(t("cli.exported", path=path))
    if "ics" in formats and "ics" in formats_for(session) and not any(p.suffix == ".ics" for p in written):
        _say(t("cli.no_calendar"))  # nothing failed: there is no date to put in one yet
    if formats & {"md", "html", "docx", "pdf", "eml"}:
        # What went in is said in the open: how many quotes of how many.
        chosen = len(choices.chosen_quotes(session))
        _say(t("cli.quotes_in", chosen=chosen, total=len(session.quotes),
                marked=sum(q.for_report for q in session.quotes)))
        _start_feedback_week(session, args.file)
    return 0


def _export_copy(args: argparse.Namespace) -> int:
    from .report.export import IdentifiersFound
    from .report.findings import describe_findings
    from .session_copy import CopyOfCopy, export_copy
    from .store import SessionError, load

    try:
        target = export_copy(args.file, args.out, accept_identifiers=args.accept_identifiers)
    except IdentifiersFound as found:
        return _fail(describe_findings(args.file, found.findings))
    except CopyOfCopy:
        return _fail(t("merge.copy_of_copy", path=args.file))
    except SessionError as error:
        return _fail(error.message())
    origin = load(target).session.copy_of
    assert origin is not None  # every copy records where it came from
    _say(t("merge.copy_written", path=target, session=origin.session, revision=origin.revision))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    """Bring back the work done in a travelling copy: additions kept, every change
    listed, taken only when accepted (--accept-all, or one by one on a terminal)."""
    from .copy_merge import NotThisSession, merge_copy
    from .store import SessionError

    asked = sys.stdin.isatty()
    if not args.lang:
        from .store import load

        try:
            set_language(load(args.file).session.language)  # the facilitator's session, their words
        except SessionError as error:
            return _fail(error.message())

    def choose(plan):
        for change in plan.additions:
            _say(t("merge.added", where=change.where))
        if not plan.to_accept:
            return []
        if not plan.base_known:
            _say(t("merge.no_base"))
        _say(t("merge.changes", count=len(plan.to_accept)))
        chosen = []
        for number, change in enumerate(plan.to_accept, start=1):
            _say(f"{number}. [{t(f'merge.kind_{change.kind}')}] {change.where}")
            if isinstance(change.here, str) and isinstance(change.copy, str) and "\n" in change.here + change.copy:
                # A long text (notes): only its lines that differ, or both would look alike.
                import difflib

                for line in difflib.ndiff(change.here.splitlines(), change.copy.splitlines()):
                    if line[:1] in "-+":
                        who = t("merge.here") if line[0] == "-" else t("merge.copy")
                        _say(f"   {who}: {_shown(line[2:])}")
            else:
                if change.here is not None:
                    _say(f"   {t('merge.here')}: {_shown(change.here)}")
                if change.copy is not None:
                    _say(f"   {t('merge.copy')}: {_shown(change.copy)}")
            if args.accept_all:
                chosen.append(change)
            elif asked:
                answer = input(f"   {t('merge.ask')} ").strip().lower()
                if answer[:1] in (t("merge.yes")[:1], "y"):
                    chosen.append(change)
        return chosen

    try:
        plan, done = merge_copy(args.file, args.copy, choose)
    except NotThisSession:
        return _fail(t("merge.not_this_session", copy=args.copy, path=args.file))
    except SessionError as error:
        return _fail(error.message())
    except TimeoutError:
        return _fail(t("quote_cli.busy", path=args.file))
    taken = [c for c in done if c.kind != "add"]
    _say(t("merge.done", path=args.file, added=len(done) - len(taken), taken=len(taken),
            left=len(plan.to_accept) - len(taken)))
    if len(taken) < len(plan.to_accept) and not asked and not args.accept_all:
        _say(t("merge.how_to_accept"))
    return 0


def _shown(value) -> str:
    """A value on one line, as long as a terminal line or two."""
    if isinstance(value, dict):
        value = "; ".join(f"{k}: {v}" for k, v in value.items() if k != "id" and v not in ("", None, [], {}, False))
    text = " ".join(str(value).split())
    return text if len(text) <= 160 else text[:159] + "…"


class _Unchanged(Exception):
    """Nothing to write after all (someone else started or ended the feedback week)."""


def _start_feedback_week(session, path: Path) -> None:
    """Sharing the report starts the participants' week of feedback (the method).

    On the file as it is now, under its lock: the report took a while to render, and
    a notetaker may have saved meanwhile (the session read before is not written).
    Not at all when the week had started when the export began: reading a big session
    again was a tenth of its export."""
    from .lifecycle import feedback_started, start_draft

    if feedback_started(session):
        return  # before importing the locked update, a twentieth of the example's export
    from .store import SessionError, now
    from .store.shared import update

    def start(current) -> None:
        if not start_draft(current, now().date()):
            raise _Unchanged

    try:
        current = update(path, start)
    except (_Unchanged, SessionError):
        return
    deadline = current.session.feedback_deadline
    _say(t("lifecycle.draft_started", date=deadline.isoformat() if deadline else ""))


def cmd_finalize(args: argparse.Namespace) -> int:
    from .lifecycle import finalize, is_read_only
    from .store import SessionError, now
    from .store.shared import update

    was_final = []

    def make_final(session) -> None:
        was_final.append(is_read_only(session))
        if not was_final[0]:
            finalize(session, now())

    try:
        update(args.file, make_final, lifecycle=True)
    except SessionError as error:
        return _fail(error.message())
    _say(t("lifecycle.already_final" if was_final[0] else "lifecycle.finalized", path=args.file))
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from .lifecycle import NotFinal, reopen
    from .store import SessionError, now
    from .store.shared import update

    try:
        update(args.file, lambda session: reopen(session, now(), args.reason), lifecycle=True)
    except SessionError as error:
        return _fail(error.message())
    except NotFinal:
        return _fail(t("lifecycle.not_final", path=args.file))
    _say(t("lifecycle.reopened", path=args.file))
    return 0


class _NotAStep(Exception):
    """A --step the file's kind does not have: (kind id, its step ids)."""


def cmd_quote(args: argparse.Namespace) -> int:
    """A quote from a plain shell, through the same locked, merging path as the apps:
    exit 0 only once it is on disk."""
    from .lifecycle import is_read_only
    from .method import kind
    from .operations import add_quote
    from .store import SessionError
    from .store.shared import update

    words = " ".join(args.words).strip()
    if not words:
        return _fail(t("quote_cli.empty"))

    def add(session) -> None:
        if is_read_only(session):
            raise SessionError(args.file, [Finding("final_read_only")])
        steps = kind(session.session.kind).steps
        if args.step and args.step not in {s.id for s in steps}:
            raise _NotAStep(session.session.kind, [s.id for s in steps])
        step = next(s.id for s in steps if s.id == args.step) if args.step else session.session.current_step
        add_quote(session, step, args.speaker, words)

    from .store.errors import Finding

    try:
        update(args.file, add)
    except SessionError as error:
        return _fail(error.message())
    except TimeoutError:
        return _fail(t("quote_cli.busy", path=args.file))
    except _NotAStep as wrong:
        kind_id, steps = wrong.args
        return _fail(t("quote_cli.not_a_step", step=args.step, kind=kind(kind_id).in_language(current_language()).name,
                       steps=", ".join(steps)))
    _say(t("quote_cli.saved", path=args.file))
    return 0


def cmd_import_timeline(args: argparse.Namespace) -> int:
    from .store import SessionError
    from .timeline.csv_import import CsvImportError, import_timeline

    try:
        count = import_timeline(args.session, args.file)
    except (SessionError, CsvImportError) as error:
        return _fail(error.message())
    _say(t("csv.added", count=count, path=args.session))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from .summary import print_listing
    from .store import list_sessions

    folder = _sessions_dir(args)
    print_listing(folder, list_sessions(folder))
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    """Where everything is, and what is set; `settings set KEY VALUE` changes one."""
    from .settings import set_value

    if args.settings_action == "keys":
        return _show_keys()
    if args.settings_action == "set":
        if args.key.startswith("keymap."):
            from .store.errors import Finding
            from .ui.keys import every_key

            if args.key.removeprefix("keymap.") not in every_key():
                unknown = Finding("unknown_key_id", {"id": args.key.removeprefix("keymap.")})
                return _fail(f"{unknown.text()}. {t('settings.see_keys')}")
        print(t("settings.saved", key=args.key, path=set_value(args.key, args.value)))
        return 0
    from .settings import current
    from .places import drafts_dir, examples_dir, settings_file
    from .store.shared import lock_path

    mine = current()
    rows = [
        (t("settings.file"), str(settings_file()) + ("" if settings_file().is_file() else " " + t("settings.absent"))),
        (t("settings.sessions"), str(_sessions_dir(args).resolve())),
        (t("settings.drafts"), str(drafts_dir())),
        (t("settings.examples"), str(examples_dir())),
        (t("settings.locks"), str(lock_path(Path("x")).parent)),
    ]
    for key, value in (("language", mine.language.value if mine.language else None), ("name", mine.name),
                       ("organisation", mine.organisation), ("sessions_dir", mine.sessions_dir)):
        # The id is what `settings set` takes; beside it what it means, in Dutch too.
        said = t(f"settings.label_{key}")
        rows.append((key if said == key else f"{key} ({said})", value or t("settings.unset")))
    rows += [(f"keymap.{binding}", keys) for binding, keys in sorted(mine.keymap.items())]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print()
    print(t("settings.how_to_set"))
    return 0


def _show_keys() -> int:
    """Every key by id, its keys now and what it does: what `keymap.<id>` remaps."""
    from .settings import current
    from .ui.keys import every_key

    mine = current().keymap
    keys = every_key()
    width = max(len(ident) for ident in keys)
    for ident, (default, label) in sorted(keys.items()):
        print(f"{ident:<{width}}  {mine.get(ident, default):<18}  {t(label)}")
    return 0


def choose_language(option: str | None, configured: str | None, environ=None) -> str:
    """`--lang`, else the settings' language, else the locale's; a C or POSIX locale
    (or none) is no preference, and no preference is Dutch: the users are Dutch."""
    from .i18n import NO_PREFERENCE

    if option in LANGUAGES:
        return option
    if configured in LANGUAGES:
        return configured
    detected = detect_language() if environ is None else detect_language(environ)
    return NO_PREFERENCE if detected is None else detected


def _bundle_formats(text: str) -> list[str]:
    from .bundle.run import FORMATS as BUNDLE_FORMATS

    chosen = list(BUNDLE_FORMATS) if text.strip() == "all" else [f.strip() for f in text.split(",") if f.strip()]
    if not chosen or any(f not in BUNDLE_FORMATS for f in chosen):
        raise argparse.ArgumentTypeError(t("cli.bad_format", given=text, known=", ".join(BUNDLE_FORMATS)))
    return chosen


def cmd_bundle(args: argparse.Namespace) -> int:
    """Many sessions, one regional report: written with --out, browsed on a terminal."""
    from .bundle.run import FORMATS as BUNDLE_FORMATS, gather, write

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        return _fail("\n".join(t("bundle.no_such_path", path=p) for p in missing))
    lang = args.lang or current_language()
    if args.out is None:
        if not _interactive():
            return _fail(t("bundle.needs_out"))
        run = _app()
        return run(_sessions_dir(args), None, bundle=(list(args.paths), args.include_all))
    gathered = gather(args.paths, lang, include_all=args.include_all)
    for path, reason in gathered.unreadable:
        first = reason.strip().splitlines()[0] if reason.strip() else ""
        # The reason is check's message, which starts with the path said here already.
        first = first.removeprefix(f"{path}: ")
        _say(t("bundle.unreadable_file", path=path, reason=first), file=sys.stderr)
    formats = [f for group in args.formats for f in group] if args.formats else list(BUNDLE_FORMATS)
    for path in write(gathered, args.out, formats, lang):
        _say(t("bundle.written", path=path))
    left = gathered.left_out
    _say(t("bundle.summary", count=len(gathered.cases), not_final=left["not_final"], unreadable=left["unreadable"]))
    # The report is written from what could be read, and a file that could not is bad
    # input, named above: exit 2, as export does for a format it could not make.
    return 2 if gathered.unreadable else 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # A pydantic plugin installed beside the app (an observability tool) would see every
    # session as it is validated: names of children and parents. None is loaded, unless
    # the person sets the variable themselves; looking for them cost 5 ms of each start.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    lang, first = _prescan(argv)
    from .settings import SettingsError, current

    current.cache_clear()  # each run reads the file as it is now
    try:
        mine = current()
    except SettingsError as error:
        # Said in the language the person asked for, else the locale's.
        set_language(choose_language(lang, None))
        print(t("settings.bad_file"), file=sys.stderr)
        return _fail(error.message())
    set_language(choose_language(lang, mine.language.value if mine.language else None))
    if first is not None and argv[first] not in COMMANDS:
        argv.insert(first, "open")  # `retro-tui FILE` is `retro-tui open FILE`
    # Asking for help or the version needs every command; running one needs its own.
    asked = first is not None and not {"-h", "--help", "--version"} & set(argv)
    args = build_parser(argv[first] if asked and first is not None else None).parse_args(argv)
    from .store.errors import SessionError

    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            return args.handler(args)
    except KeyboardInterrupt:
        return 130
    except SessionError as error:
        # A write refused or failed (read-only file, full disk, a folder others can
        # write) in a command that did not expect one: still one message, exit 2.
        return _fail(error.message())
    except BrokenPipeError:
        return 0  # the reader (`| head`) has had enough; not the disk's fault
    except OSError as error:
        # The disk, not the user's file: full disk, read-only folder, no permission.
        return _fail(t("error.os", reason=error.strerror or str(error), path=error.filename or ""))
