"""The ``handover`` command: a thin shell over the library. Errors are caught here, once."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import __version__
from .audit.signoffs import SIGNED, HandoverAudit
from .config import load_language
from .errors import HandoverError, UsageError
from .i18n import LANGUAGES, choose_language, current_language, message, use_language
from .i18n.argparse_words import HelpFormatter, argparse_speaks
from .model.handbook import Handbook, Handover
from .output import formats, render
from .output.status import Signatures, role_name
from .output.terminal import inline, safe_output
from .problems import Problem
from .project import HANDOVER_SUFFIXES, TEXT_SUFFIXES, Project, find_root, unfollowed
from .session import Session

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with help laid out for Chinese; its own words come from the catalogue (``argparse_speaks``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)  # subcommands' parsers too
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # argparse exits 2 too; keep its message short
        self.print_usage(sys.stderr)
        raise UsageError(inline(message))  # it quotes what was typed, which may hold anything


def _positive_int(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(message("cli_not_whole_number", text=text))
    return int(text)


def _parser() -> argparse.ArgumentParser:
    """The whole command line, every word of its help from the catalogue in the language in use.

    Build and run it inside ``argparse_speaks()``: argparse names its headings while the parser is built."""
    parser = _Parser(prog="handover", description=message("cli_help_description"), epilog=message("cli_help_epilog"))
    parser.add_argument("--version", action="version", version=f"handover-kb {__version__}",
                        help=message("argparse_version"))
    parser.add_argument("--root", type=Path, metavar=message("cli_help_var_folder"), help=message("cli_help_root"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=message("cli_help_lang"))
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser,
                                     title=message("cli_help_commands"), metavar=message("cli_help_var_command"),
                                     help=message("cli_help_command"))

    def command(name: str, key: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=message(key), description=message(key))

    def output_format(sub: argparse.ArgumentParser, kind: str, default: str) -> None:
        sub.add_argument("--format", choices=formats(kind), default=default, help=message("cli_help_format"))

    path, file, date = message("cli_help_var_path"), message("cli_help_var_file"), message("cli_help_var_date")
    person, folder = message("cli_help_var_person"), message("cli_help_var_folder")

    check = command("check", "cli_help_check")
    check.add_argument("paths", nargs="*", type=Path, metavar=path, help=message("cli_help_check_paths"))
    output_format(check, "problems", "text")
    check.add_argument("--jobs", "-j", type=_positive_int, default=None, metavar=message("cli_help_var_processes"),
                       help=message("cli_help_check_jobs"))
    check.add_argument("--staged", action="store_true", help=message("cli_help_check_staged"))

    new = command("new", "cli_help_new")
    new.add_argument("--role", required=True, metavar=message("cli_help_var_role"), help=message("cli_help_new_role"))
    new.add_argument("--leaver", required=True, metavar=person, help=message("cli_help_new_leaver"))
    new.add_argument("--successor", action="append", default=[], metavar=person, help=message("cli_help_new_successor"))
    new.add_argument("--manager", metavar=person, help=message("cli_help_new_manager"))
    new.add_argument("--last-day", metavar=date, help=message("cli_help_new_last_day"))
    new.add_argument("--notice-date", metavar=date, help=message("cli_help_new_notice_date"))

    build = command("build", "cli_help_build")
    build.add_argument("-f", "--config-file", type=Path, default=None, metavar=file, help=message("cli_help_config_file"))
    build.add_argument("-d", "--site-dir", type=Path, default=None, metavar=folder, help=message("cli_help_build_site_dir"))
    build.add_argument("--strict", action="store_true", help=message("cli_help_build_strict"))
    build.add_argument("--audience", choices=("all-staff", "restricted"), default=None,
                       help=message("cli_help_build_audience"))

    serve = command("serve", "cli_help_serve")
    serve.add_argument("-f", "--config-file", type=Path, default=None, metavar=file, help=message("cli_help_config_file"))
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar=message("cli_help_var_address"),
                       help=message("cli_help_serve_dev_addr"))

    status = command("status", "cli_help_status")
    status.add_argument("files", nargs="*", type=Path, metavar=file, help=message("cli_help_status_files"))
    status.add_argument("--person", metavar=person, help=message("cli_help_status_person"))
    output_format(status, "status", "text")
    status.add_argument("--check", action="store_true", help=message("cli_help_status_check"))

    sign = command("sign", "cli_help_sign")
    sign.add_argument("--as", dest="role", required=True, choices=("leaver", "successor", "manager"),
                      help=message("cli_help_sign_as"))
    sign.add_argument("file", type=Path, metavar=file, help=message("cli_help_sign_file"))
    sign.add_argument("--allow-incomplete", action="store_true", help=message("cli_help_sign_allow_incomplete"))

    verify = command("verify", "cli_help_verify")
    verify.add_argument("--against", required=True, type=Path, metavar=message("cli_help_var_audit"),
                        help=message("cli_help_verify_against"))

    scan = command("scan", "cli_help_scan")
    scan.add_argument("paths", nargs="*", type=Path, metavar=path, help=message("cli_help_scan_paths"))
    scan.add_argument("--staged", action="store_true", help=message("cli_help_scan_staged"))
    output_format(scan, "problems", "text")

    output_format(command("scan-history", "cli_help_scan_history"), "history", "text")

    from .notify.channels import CHANNELS

    remind = command("remind", "cli_help_remind")
    remind.add_argument("--today", metavar=date, help=message("cli_help_remind_today"))
    output_format(remind, "reminders", "text")
    remind.add_argument("--send", action="store_true", help=message("cli_help_remind_send"))
    remind.add_argument("--channel", action="append", choices=tuple(CHANNELS), default=[],
                        help=message("cli_help_remind_channel"))
    remind.add_argument("--state", type=Path, metavar=file, help=message("cli_help_remind_state"))

    report = command("report", "cli_help_report")
    report.add_argument("name", choices=("incomplete",), help=message("cli_help_report_name"))
    output_format(report, "incomplete", "md")
    report.add_argument("--today", metavar=date, help=message("cli_help_report_today"))
    report.add_argument("-o", "--output", type=Path, metavar=file, help=message("cli_help_output"))

    certificate = command("certificate", "cli_help_certificate")
    certificate.add_argument("file", type=Path, metavar=file, help=message("cli_help_handover_file"))
    certificate.add_argument("-o", "--output", type=Path, metavar=message("cli_help_var_pdf"),
                             help=message("cli_help_certificate_output"))
    certificate.add_argument("--language", choices=("zh", "en"), default="zh", help=message("cli_help_certificate_language"))

    command("install-hook", "cli_help_install_hook")

    init = command("init", "cli_help_init")
    init.add_argument("dir", type=Path, metavar=folder, help=message("cli_help_init_dir"))
    init.add_argument("--forge", choices=("github", "gitlab"), default="github", help=message("cli_help_init_forge"))
    init.add_argument("--company", metavar=message("cli_help_var_name"), help=message("cli_help_init_company"))

    codeowners = command("codeowners", "cli_help_codeowners")
    codeowners.add_argument("--forge", choices=("github", "gitlab"), default="github", help=message("cli_help_codeowners_forge"))
    codeowners.add_argument("--check", action="store_true", help=message("cli_help_codeowners_check"))

    from .actions.crm_maps import COLUMN_MAPS  # data only: cheap to import

    imports = command("import", "cli_help_import")
    imports.add_argument("what", choices=("customers",), help=message("cli_help_import_what"))
    imports.add_argument("table", type=Path, metavar=file, help=message("cli_help_import_table"))
    imports.add_argument("--into", required=True, type=Path, metavar=message("cli_help_var_handover"),
                         help=message("cli_help_import_into"))
    imports.add_argument("--map", dest="map_name", choices=list(COLUMN_MAPS), default="generic",
                         help=message("cli_help_import_map"))
    imports.add_argument("--successor", metavar=person, help=message("cli_help_import_successor"))
    imports.add_argument("--all-owners", action="store_true", help=message("cli_help_import_all_owners"))
    imports.add_argument("--encoding", metavar=message("cli_help_var_encoding"), help=message("cli_help_import_encoding"))

    export = command("export", "cli_help_export")
    export.add_argument("what", choices=("owner-transfer",), help=message("cli_help_export_what"))
    export.add_argument("file", type=Path, metavar=message("cli_help_var_handover"), help=message("cli_help_handover_file"))
    export.add_argument("--format", required=True, choices=formats("owner-transfer"), help=message("cli_help_export_format"))
    export.add_argument("-o", "--output", type=Path, metavar=file, help=message("cli_help_output"))
    return parser


def _selected(paths: Sequence[Path], project: Project, suffixes: tuple[str, ...] = HANDOVER_SUFFIXES,
              within: Path | None = None) -> list[Path] | None:
    if not paths:
        return None
    selected: list[Path] = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise UsageError(message("cli_no_such_path", path=inline(path)))
        if within is not None and not unfollowed(path).is_relative_to(within):
            raise UsageError(message("cli_not_in_handbook", path=inline(path), handovers=project.display(project.handovers_dir)))
        selected.extend(sorted(p for p in path.rglob("*") if p.suffix in suffixes) if path.is_dir() else [path])
    return [unfollowed(p) for p in selected]  # a link is checked as itself, never as the file it points to


def _check(args: argparse.Namespace, project: Project) -> int:
    if args.staged:
        from .actions.staged import check_staged

        result = check_staged(project, args.paths, args.jobs)
    else:
        result = Session(project, jobs=args.jobs).check(_selected(args.paths, project, within=project.handbook_dir))
    output = render("problems", args.format, result.problems)
    if output:
        print(output)
    elif args.format == "text":
        _say("cli_no_problems")
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def _new(args: argparse.Namespace, project: Project) -> int:
    from .actions.new import NewHandover, create_handover, parse_date

    request = NewHandover(
        role=args.role, leaver=args.leaver, successors=tuple(args.successor), manager=args.manager,
        last_day=parse_date(args.last_day, "--last-day") if args.last_day else None,
        notice_date=parse_date(args.notice_date, "--notice-date") if args.notice_date else None)
    target = create_handover(project, request, dt.date.today())
    shown = project.display(target)
    _say("cli_created", file=shown)
    return EXIT_OK


def _config_file(args: argparse.Namespace, project: Project) -> Path:
    config = args.config_file or project.root / "mkdocs.yml"
    if not config.is_file():
        raise UsageError(message("cli_no_mkdocs_config", config=inline(config)))
    return config


def _show_mkdocs_progress() -> None:
    """MkDocs reports through logging; show its info and warnings (errors come back in BuildFailed)."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.addFilter(lambda record: record.levelno < logging.ERROR)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)


def _build(args: argparse.Namespace, project: Project) -> int:
    from .site.build import build_site

    _show_mkdocs_progress()
    target = build_site(_config_file(args, project), args.site_dir, strict=args.strict, audience=args.audience)
    _say("cli_site_built", target=target)
    return EXIT_OK


def _serve(args: argparse.Namespace, project: Project) -> int:
    from mkdocs.commands.serve import serve

    serve(config_file=str(_config_file(args, project)), dev_addr=args.dev_addr)
    return EXIT_OK


def _valid_handbook(session: Session, only: list[Path] | None = None) -> Handbook:
    result = session.check(only)
    if not result.ok or result.handbook is None:
        print(render("problems", "text", [p for p in result.problems if p.is_error]), file=sys.stderr)
        raise HandoverError(message("cli_fix_first"))
    return result.handbook


def _usable_handbook(session: Session) -> tuple[Handbook, list[Problem]]:
    """Every handover without errors, and the errors of the rest: one broken file never stops the others."""
    result = session.check()
    if result.usable is None:
        return _valid_handbook(session), []
    return result.usable, [p for p in result.problems if p.is_error]


def _left_out(broken: list[Problem]) -> int:
    """After the work is done: name the files that were left out and why, and fail the run."""
    if not broken:
        return EXIT_OK
    files = sorted({p.file for p in broken})
    print(render("problems", "text", broken), file=sys.stderr)
    _say("cli_left_out", to=sys.stderr, count=len(files), files=", ".join(files))
    return EXIT_PROBLEMS


def _handovers_for(paths: Sequence[Path], handbook: Handbook, project: Project) -> list[Handover]:
    if not paths:
        return list(handbook.handovers)
    by_file = {h.file: h for h in handbook.handovers}
    chosen = []
    for path in paths:
        shown = project.display(path)
        if shown not in by_file:
            raise UsageError(message("cli_not_a_handover", path=inline(path)))
        chosen.append(by_file[shown])
    return chosen


def _status(args: argparse.Namespace, project: Project) -> int:
    session = Session(project)
    handbook, broken = _usable_handbook(session)
    handovers = _handovers_for(args.files, handbook, project)
    if args.person:
        if args.person not in handbook.roster.people:
            raise UsageError(message("cli_person_not_in_roster", person=inline(args.person)))
        handovers = [h for h in handovers if args.person in (h.leaver, h.manager, *h.successors)]
    if session.history.history is None:
        raise HandoverError(message("cli_not_git_for_signoffs"))
    audits = session.audits(handbook)
    chosen = [audits[h.id] for h in sorted(handovers, key=lambda h: h.file)]
    print(render("status", args.format, Signatures(chosen, handbook.roster.people)))
    if args.check:
        return max(_left_out(broken), _still_to_sign(chosen, handbook))
    return _left_out(broken)


def _still_to_sign(audits: Sequence[HandoverAudit], handbook: Handbook) -> int:
    """The required status check: every party of every handover shown has signed its current content."""
    people = handbook.roster.people
    waiting = [(audit, [s for s in audit.signoffs if s.party and s.state != SIGNED]) for audit in audits]
    waiting = [(audit, missing) for audit, missing in waiting if missing or audit.state != SIGNED]
    for audit, missing in waiting:
        names = "; ".join(message("cli_waiting_party", role=role_name(s.role), person=s.person,
                                  state=message(f"status_state_{s.state}"),
                                  name=people[s.person].called(current_language()) if s.person in people else s.person,
                                  reason=message("cli_waiting_reason", reason=s.reason) if s.reason else "")
                          for s in missing)
        _say("cli_still_to_sign", to=sys.stderr, file=audit.file, names=names or message(f"status_overall_{audit.state}"))
    if waiting:
        _say("cli_not_all_signed", to=sys.stderr, waiting=len(waiting), total=len(audits))
        return EXIT_PROBLEMS
    _say("cli_all_signed", to=sys.stderr, total=len(audits))
    return EXIT_OK


def _sign(args: argparse.Namespace, project: Project) -> int:
    from .actions.sign import sign

    session = Session(project)
    handbook = _valid_handbook(session, [args.file.resolve()])
    [handover] = _handovers_for([args.file], handbook, project)
    commit = sign(project, handover, args.role, handbook.roster, session.signoff_config,
                  allow_incomplete=args.allow_incomplete)
    _say("cli_signed", file=handover.file, role=role_name(args.role), commit=commit[:10])
    return EXIT_OK


def _verify(args: argparse.Namespace, project: Project) -> int:
    from .audit.repository import missing_commits, read_published_audit

    published = read_published_audit(args.against)
    history = Session(project).history.history
    if history is None:
        raise HandoverError(message("cli_not_git"))
    missing = missing_commits(published, history)
    for entry in missing:
        _say("cli_signoff_lost", file=entry.get("file"), role=role_name(str(entry.get("role"))),
             person=entry.get("person"), commit=entry.get("commit"))  # from a published file: shown, never run
    if missing:
        _say("cli_signoffs_lost", count=len(missing))
        return EXIT_PROBLEMS
    _say("cli_all_signoffs_kept")
    return EXIT_OK


def _scan(args: argparse.Namespace, project: Project) -> int:
    from .actions.scan import default_paths, scan_files, scan_staged

    if args.staged:
        problems = scan_staged(project)
    else:
        problems = scan_files(_selected(args.paths, project, suffixes=TEXT_SUFFIXES) or default_paths(project), project)
    output = render("problems", args.format, problems)
    if output:
        print(output)
    if problems and args.staged:
        _say("cli_commit_refused", to=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def _scan_history(args: argparse.Namespace, project: Project) -> int:
    from .actions.scan import scan_history

    findings = scan_history(project)
    print(render("history", args.format, findings))
    return EXIT_PROBLEMS if findings else EXIT_OK


def _today(text: str | None) -> dt.date:
    from .actions.new import parse_date

    return parse_date(text, "--today") if text else dt.date.today()


def _remind(args: argparse.Namespace, project: Project) -> int:
    from .notify.channels import deliver, open_channels, outbox
    from .track.reminders import reminders_for_day

    if args.channel and not args.send:
        raise UsageError(message("cli_channel_without_send"))
    channels = open_channels(args.channel) if args.send else []  # a missing setting is said before anything else
    session = Session(project, _today(args.today))
    handbook, broken = _usable_handbook(session)
    day = reminders_for_day(handbook, session.audits(handbook), session.policy, session.calendar, session.today)
    box = outbox(session.today, day.reminders, handbook, project.root, day.day_off)  # with each handover's page
    print(render("reminders", args.format, box))
    if args.send:
        deliveries = deliver(channels, box, args.state)
        print(safe_output(deliveries.report()), file=sys.stderr)
        return max(_left_out(broken), EXIT_OK if deliveries.ok else EXIT_PROBLEMS)
    return _left_out(broken)


def _report(args: argparse.Namespace, project: Project) -> int:
    from .track.reports import incomplete_items

    session = Session(project, _today(args.today))
    handbook, broken = _usable_handbook(session)
    rows = incomplete_items(handbook, session.today, session.calendar)
    text = render("incomplete", args.format, rows)
    if args.output:
        args.output.write_text(text, encoding="utf-8", newline="")
        _say("cli_wrote_items", to=sys.stderr, count=len(rows), file=args.output)
    else:
        sys.stdout.write(text)
    return _left_out(broken)


def _certificate(args: argparse.Namespace, project: Project) -> int:
    from .actions.certificate import write_certificate

    session = Session(project)
    handbook = _valid_handbook(session, [args.file.resolve()])
    [handover] = _handovers_for([args.file], handbook, project)
    target = write_certificate(session, handbook, handover, args.output or Path(f"{handover.id}-certificate.pdf"),
                               args.language)
    _say("cli_wrote_certificate", target=target, file=handover.file)
    return EXIT_OK


def _install_hook(args: argparse.Namespace, project: Project) -> int:
    from .actions.scan import install_hook

    hook = install_hook(project)
    _say("cli_hook_installed", hook=hook)
    return EXIT_OK


def _init(args: argparse.Namespace, project: Project) -> int:
    from .actions.init import init_handbook, next_steps

    print(safe_output(next_steps(init_handbook(args.dir, args.forge, args.company), str(args.dir))))
    return EXIT_OK


def _codeowners(args: argparse.Namespace, project: Project) -> int:
    from .actions.codeowners import update_codeowners

    handbook = _valid_handbook(Session(project))
    path, changed = update_codeowners(project, handbook, args.forge, check_only=args.check)
    shown = project.display(path)
    if args.check:
        _say("cli_codeowners_outdated" if changed else "cli_codeowners_current", file=shown, forge=args.forge)
        return EXIT_PROBLEMS if changed else EXIT_OK
    _say("cli_wrote" if changed else "cli_codeowners_current", file=shown)
    return EXIT_OK


def _import(args: argparse.Namespace, project: Project) -> int:
    from .actions.import_customers import ImportRequest, import_customers

    report = import_customers(project, ImportRequest(args.into, args.table, args.map_name, args.successor,
                                                     args.all_owners, args.encoding), dt.date.today())
    print(safe_output("\n".join(report.lines())))  # names from the export are shown as they are, never run
    return EXIT_OK


def _export(args: argparse.Namespace, project: Project) -> int:
    from .actions.export_transfer import owner_transfer

    handbook = _valid_handbook(Session(project), [args.file.resolve()])
    [handover] = _handovers_for([args.file], handbook, project)
    export = owner_transfer(handover, handbook.roster, args.format)
    for warning in export.warnings:
        _say("cli_warning", to=sys.stderr, text=warning)
    if args.output:
        args.output.write_text(export.text, encoding="utf-8", newline="")
        _say("cli_wrote_transfer", to=sys.stderr, count=export.count, file=handover.file, target=args.output)
    else:
        sys.stdout.write(export.text)
    for reason in export.left_out:
        _say("cli_transfer_left_out", to=sys.stderr, reason=reason)
    if export.left_out:
        _say("cli_transfer_incomplete", to=sys.stderr, count=len(export.left_out))
        return EXIT_PROBLEMS
    return EXIT_OK


_GLOBAL_VALUES = ("--root", "--lang")  # the options before the command that take a value


def _option(argv: Sequence[str], name: str) -> str | None:
    """A global option's value before parsing, so that argparse's help and usage errors are in that language too.

    Read as argparse reads it: before the command, also abbreviated (``--la en``) or as ``--lang=en``."""
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        word, equals, value = argv[index].partition("=")
        full = [option for option in _GLOBAL_VALUES if len(word) > 2 and option.startswith(word)]
        if full == [name]:
            return value if equals else (argv[index + 1] if index + 1 < len(argv) else None)
        index += 2 if len(full) == 1 and not equals else 1
    return None


def _language_at_start(argv: Sequence[str]) -> str:
    """The language before argparse runs: --lang, HANDOVER_LANG, then the setting of the project found from
    --root or the current folder. A pyproject.toml that cannot be read means Chinese here, quietly: its error
    is reported once the arguments are read, as for every command."""
    try:
        root = Path(_option(argv, "--root") or find_root(Path.cwd()))
        configured = load_language(root)
    except (HandoverError, OSError, ValueError):
        configured = None
    return choose_language(_option(argv, "--lang"), configured)


def _say(key: str, /, *, to: TextIO | None = None, **fields: object) -> None:
    """Print a sentence of the catalogue; each value stays on its line and no control character reaches the terminal."""
    print(safe_output(message(key, **{name: inline(value) for name, value in fields.items()})), file=to)


_HANDLERS = {"check": _check, "new": _new, "build": _build, "serve": _serve, "status": _status, "sign": _sign,
             "verify": _verify, "codeowners": _codeowners, "scan": _scan, "scan-history": _scan_history,
             "install-hook": _install_hook, "certificate": _certificate, "remind": _remind, "report": _report,
             "init": _init, "import": _import, "export": _export}


def run(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # The language is chosen here: --lang, HANDOVER_LANG, then the project's [tool.handover] language. Once
    # before argparse runs, so that --help and usage errors speak it; once the arguments are read, again, so
    # that a wrong project setting is reported (and --lang is what argparse read).
    with use_language(_language_at_start(arguments)):
        try:
            with argparse_speaks():
                args = _parser().parse_args(arguments)
            project = Project.at(args.root or find_root(Path.cwd()))
            with use_language(choose_language(args.lang, load_language(project.root))):
                return _HANDLERS[args.command](args, project)
        except UsageError as exc:
            print(safe_output(message("cli_error", error=exc)), file=sys.stderr)  # its lines are kept
            return EXIT_USAGE
        except HandoverError as exc:
            print(safe_output(message("cli_error", error=exc)), file=sys.stderr)
            return EXIT_PROBLEMS
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): stop quietly, as the Python docs recommend.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_PROBLEMS


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
