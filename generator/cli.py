"""The ``handover`` command: a thin shell over the library. Errors are caught here, once."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from .audit.signoffs import SIGNED, HandoverAudit
from .config import ROLES, load_language
from .errors import HandoverError, UsageError
from .i18n import LANGUAGES, choose_language, message, use_language
from .model.handbook import Handbook, Handover
from .output import formats, render
from .problems import Problem
from .project import HANDOVER_SUFFIXES, TEXT_SUFFIXES, Project, find_root, unfollowed
from .session import Session

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 too; keep its message short
        self.print_usage(sys.stderr)
        raise UsageError(message)


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(message("cli_not_whole_number", text=text))
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="handover", description="Handover knowledge base: check, create and publish handovers.")
    parser.add_argument("--version", action="version", version=f"handover-kb {__version__}")
    parser.add_argument("--root", type=Path, help="project folder (default: found from the current folder)")
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="language of messages (default: HANDOVER_LANG, else [tool.handover] language, else zh)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="validate handover files and the roster")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: the handbook)")
    check.add_argument("--format", choices=formats("problems"), default="text")
    check.add_argument("--jobs", "-j", type=_positive_int, default=None, metavar="N",
                       help="check files in N processes (default: every core, when there are enough files)")
    check.add_argument("--staged", action="store_true",
                       help="check the staged version of PATHs (default: every staged file) against the committed "
                            "handbook, as 'git commit' will record them; untracked drafts are ignored")

    new = commands.add_parser("new", help="create a handover file from the role template")
    new.add_argument("--role", required=True)
    new.add_argument("--leaver", required=True)
    new.add_argument("--successor", action="append", default=[], metavar="ID", help="repeat for several successors")
    new.add_argument("--manager", help="default: the head of the leaver's department")
    new.add_argument("--last-day", metavar="DATE", help="default: 30 days after the notice date")
    new.add_argument("--notice-date", metavar="DATE", help="default: today")

    build = commands.add_parser("build", help="build the site (MkDocs) into site/")
    build.add_argument("-f", "--config-file", type=Path, default=None, help="default: mkdocs.yml in the project")
    build.add_argument("-d", "--site-dir", type=Path, default=None)
    build.add_argument("--strict", action="store_true", help="fail on MkDocs warnings")
    build.add_argument("--audience", choices=("all-staff", "restricted"), default=None,
                       help="all-staff (default) leaves restricted fields out; restricted builds the full site "
                            "into site-restricted/, to be served behind the company's login")

    serve = commands.add_parser("serve", help="preview the site with live reload")
    serve.add_argument("-f", "--config-file", type=Path, default=None)
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")

    status = commands.add_parser("status", help="who has signed off which handover, from git history")
    status.add_argument("files", nargs="*", type=Path, metavar="FILE")
    status.add_argument("--person", metavar="ID", help="only handovers this person is a party to")
    status.add_argument("--format", choices=formats("status"), default="text")
    status.add_argument("--check", action="store_true",
                        help="exit 1 unless every selected handover is signed by its leaver, every successor and the "
                             "manager, and list who still has to sign (a required status check in CI)")

    sign = commands.add_parser("sign", help="record your sign-off of a committed handover file")
    sign.add_argument("--as", dest="role", required=True, choices=("leaver", "successor", "manager"))
    sign.add_argument("file", type=Path, metavar="FILE")
    sign.add_argument("--allow-incomplete", action="store_true",
                      help="as manager, approve although checklist items are still todo (shown as approved while incomplete)")

    verify = commands.add_parser("verify", help="check that every sign-off of a published audit.json is still in history")
    verify.add_argument("--against", required=True, type=Path, metavar="AUDIT_JSON")

    scan = commands.add_parser("scan", help="look for secrets in files (default: the handbook and templates)")
    scan.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    scan.add_argument("--staged", action="store_true", help="scan what 'git commit' is about to record")
    scan.add_argument("--format", choices=formats("problems"), default="text")

    history = commands.add_parser("scan-history", help="look for secrets in every version of every file in git history")
    history.add_argument("--format", choices=formats("history"), default="text")

    from .notify.channels import CHANNELS

    remind = commands.add_parser("remind", help="who must be reminded of what today (and, with --send, tell them)")
    remind.add_argument("--today", metavar="DATE", help="the day to compute reminders for (default: today)")
    remind.add_argument("--format", choices=formats("reminders"), default="text")
    remind.add_argument("--send", action="store_true",
                        help="send the reminders through each --channel (default: e-mail, if HANDOVER_SMTP_HOST is set)")
    remind.add_argument("--channel", action="append", choices=tuple(CHANNELS), default=[],
                        help="where --send sends (repeat for several); settings come from HANDOVER_* variables")
    remind.add_argument("--state", type=Path, metavar="FILE", help="remember what was sent, so a rerun never sends twice")

    report = commands.add_parser("report", help="reports: 'incomplete' lists every open item (未完成项报告)")
    report.add_argument("name", choices=("incomplete",))
    report.add_argument("--format", choices=formats("incomplete"), default="md")
    report.add_argument("--today", metavar="DATE", help="the day to count overdue items from (default: today)")
    report.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")

    certificate = commands.add_parser("certificate", help="print a handover's certificate (交接确认单) to PDF, to sign on paper")
    certificate.add_argument("file", type=Path, metavar="FILE", help="the handover file")
    certificate.add_argument("-o", "--output", type=Path, metavar="FILE.pdf",
                             help="where to write it (default: <handover id>-certificate.pdf here); a .html name writes "
                                  "the page to print from any browser instead")
    certificate.add_argument("--language", choices=("zh", "en"), default="zh")

    commands.add_parser("install-hook", help="install a git pre-commit hook that runs 'handover scan --staged'")

    init = commands.add_parser("init", help="create a new company handbook repository, ready to push")
    init.add_argument("dir", type=Path, metavar="DIR", help="a new or empty folder")
    init.add_argument("--forge", choices=("github", "gitlab"), default="github", help="whose CI files to write")
    init.add_argument("--company", metavar="NAME", help="the company's name, for the site's title")

    codeowners = commands.add_parser("codeowners", help="write CODEOWNERS so successors and the manager must review")
    codeowners.add_argument("--forge", choices=("github", "gitlab"), default="github")
    codeowners.add_argument("--check", action="store_true", help="fail if CODEOWNERS is out of date")

    from .actions.crm_maps import COLUMN_MAPS  # data only: cheap to import

    imports = commands.add_parser("import", help="add the customers of a CRM or Excel export (.xlsx, .csv) to a handover file")
    imports.add_argument("what", choices=("customers",))
    imports.add_argument("table", type=Path, metavar="FILE", help="the export: .xlsx, or .csv (UTF-8, or GBK from Excel)")
    imports.add_argument("--into", required=True, type=Path, metavar="HANDOVER", help="the handover file to add them to")
    imports.add_argument("--map", dest="map_name", choices=list(COLUMN_MAPS), default="generic",
                         help="which columns hold what (default: generic, Chinese or English headers)")
    imports.add_argument("--successor", metavar="ID", help="who takes the customers over (default: the first successor)")
    imports.add_argument("--all-owners", action="store_true",
                         help="import every row, also those whose owner column names someone other than the leaver")
    imports.add_argument("--encoding", metavar="NAME", help="the CSV's encoding, when it is not UTF-8 or GBK (e.g. big5)")

    export = commands.add_parser("export", help="write what moves a handover's customers to their successors in the CRM")
    export.add_argument("what", choices=("owner-transfer",))
    export.add_argument("file", type=Path, metavar="HANDOVER")
    export.add_argument("--format", required=True, choices=formats("owner-transfer"))
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    return parser


def _selected(paths: Sequence[Path], project: Project, suffixes: tuple[str, ...] = HANDOVER_SUFFIXES,
              within: Path | None = None) -> list[Path] | None:
    if not paths:
        return None
    selected: list[Path] = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise UsageError(message("cli_no_such_path", path=path))
        if within is not None and not unfollowed(path).is_relative_to(within):
            raise UsageError(message("cli_not_in_handbook", path=path, handovers=project.display(project.handovers_dir)))
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
        print(message("cli_no_problems"))
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def _new(args: argparse.Namespace, project: Project) -> int:
    from .actions.new import NewHandover, create_handover, parse_date

    request = NewHandover(
        role=args.role, leaver=args.leaver, successors=tuple(args.successor), manager=args.manager,
        last_day=parse_date(args.last_day, "--last-day") if args.last_day else None,
        notice_date=parse_date(args.notice_date, "--notice-date") if args.notice_date else None)
    target = create_handover(project, request, dt.date.today())
    shown = project.display(target)
    print(message("cli_created", file=shown))
    return EXIT_OK


def _config_file(args: argparse.Namespace, project: Project) -> Path:
    config = args.config_file or project.root / "mkdocs.yml"
    if not config.is_file():
        raise UsageError(message("cli_no_mkdocs_config", config=config))
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
    print(message("cli_site_built", target=target))
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
    print(message("cli_left_out", count=len(files), files=", ".join(files)), file=sys.stderr)
    return EXIT_PROBLEMS


def _handovers_for(paths: Sequence[Path], handbook: Handbook, project: Project) -> list[Handover]:
    if not paths:
        return list(handbook.handovers)
    by_file = {h.file: h for h in handbook.handovers}
    chosen = []
    for path in paths:
        shown = project.display(path)
        if shown not in by_file:
            raise UsageError(message("cli_not_a_handover", path=path))
        chosen.append(by_file[shown])
    return chosen


def _status(args: argparse.Namespace, project: Project) -> int:
    session = Session(project)
    handbook, broken = _usable_handbook(session)
    handovers = _handovers_for(args.files, handbook, project)
    if args.person:
        if args.person not in handbook.roster.people:
            raise UsageError(message("cli_person_not_in_roster", person=args.person))
        handovers = [h for h in handovers if args.person in (h.leaver, h.manager, *h.successors)]
    if session.history.history is None:
        raise HandoverError(message("cli_not_git_for_signoffs"))
    audits = session.audits(handbook)
    chosen = [audits[h.id] for h in sorted(handovers, key=lambda h: h.file)]
    print(render("status", args.format, chosen))
    if args.check:
        return max(_left_out(broken), _still_to_sign(chosen, handbook))
    return _left_out(broken)


def _still_to_sign(audits: Sequence[HandoverAudit], handbook: Handbook) -> int:
    """The required status check: every party of every handover shown has signed its current content."""
    people = handbook.roster.people
    waiting = [(audit, [s for s in audit.signoffs if s.party and s.state != SIGNED]) for audit in audits]
    waiting = [(audit, missing) for audit, missing in waiting if missing or audit.state != SIGNED]
    for audit, missing in waiting:
        names = "; ".join(message("cli_waiting_party", role=_role_name(s.role), person=s.person, state=s.state,
                                  name=people[s.person].name if s.person in people else s.person,
                                  reason=message("cli_waiting_reason", reason=s.reason) if s.reason else "")
                          for s in missing)
        print(message("cli_still_to_sign", file=audit.file, names=names or audit.state), file=sys.stderr)
    if waiting:
        print(message("cli_not_all_signed", waiting=len(waiting), total=len(audits)), file=sys.stderr)
        return EXIT_PROBLEMS
    print(message("cli_all_signed", total=len(audits)), file=sys.stderr)
    return EXIT_OK


def _sign(args: argparse.Namespace, project: Project) -> int:
    from .actions.sign import sign

    session = Session(project)
    handbook = _valid_handbook(session, [args.file.resolve()])
    [handover] = _handovers_for([args.file], handbook, project)
    commit = sign(project, handover, args.role, handbook.roster, session.signoff_config,
                  allow_incomplete=args.allow_incomplete)
    print(message("cli_signed", file=handover.file, role=_role_name(args.role), commit=commit[:10]))
    return EXIT_OK


def _verify(args: argparse.Namespace, project: Project) -> int:
    from .audit.repository import missing_commits, read_published_audit

    published = read_published_audit(args.against)
    history = Session(project).history.history
    if history is None:
        raise HandoverError(message("cli_not_git"))
    missing = missing_commits(published, history)
    for entry in missing:
        print(message("cli_signoff_lost", file=entry.get("file"), role=_role_name(str(entry.get("role"))),
                      person=entry.get("person"), commit=entry.get("commit")))
    if missing:
        print(message("cli_signoffs_lost", count=len(missing)))
        return EXIT_PROBLEMS
    print(message("cli_all_signoffs_kept"))
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
        print(message("cli_commit_refused"), file=sys.stderr)
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
    print(render("reminders", args.format, day))
    if args.send:
        deliveries = deliver(channels, outbox(session.today, day.reminders, handbook, project.root), args.state)
        print(deliveries.report(), file=sys.stderr)
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
        print(message("cli_wrote_items", count=len(rows), file=args.output), file=sys.stderr)
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
    print(message("cli_wrote_certificate", target=target, file=handover.file))
    return EXIT_OK


def _install_hook(args: argparse.Namespace, project: Project) -> int:
    from .actions.scan import install_hook

    hook = install_hook(project)
    print(message("cli_hook_installed", hook=hook))
    return EXIT_OK


def _init(args: argparse.Namespace, project: Project) -> int:
    from .actions.init import init_handbook, next_steps

    print(next_steps(init_handbook(args.dir, args.forge, args.company), str(args.dir)))
    return EXIT_OK


def _codeowners(args: argparse.Namespace, project: Project) -> int:
    from .actions.codeowners import update_codeowners

    handbook = _valid_handbook(Session(project))
    path, changed = update_codeowners(project, handbook, args.forge, check_only=args.check)
    shown = project.display(path)
    if args.check:
        print(message("cli_codeowners_outdated", file=shown, forge=args.forge) if changed
              else message("cli_codeowners_current", file=shown))
        return EXIT_PROBLEMS if changed else EXIT_OK
    print(message("cli_wrote", file=shown) if changed else message("cli_codeowners_current", file=shown))
    return EXIT_OK


def _import(args: argparse.Namespace, project: Project) -> int:
    from .actions.import_customers import ImportRequest, import_customers
    from .output.terminal import safe_output

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
        print(message("cli_warning", text=warning), file=sys.stderr)
    if args.output:
        args.output.write_text(export.text, encoding="utf-8", newline="")
        print(message("cli_wrote_transfer", count=export.count, file=handover.file, target=args.output), file=sys.stderr)
    else:
        sys.stdout.write(export.text)
    for reason in export.left_out:
        print(message("cli_transfer_left_out", reason=reason), file=sys.stderr)
    if export.left_out:
        print(message("cli_transfer_incomplete", count=len(export.left_out)), file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _option(argv: Sequence[str], name: str) -> str | None:
    """A global option's value before parsing, so that argparse's own usage errors are in that language too."""
    for index, word in enumerate(argv):
        if word == name and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith(name + "="):
            return word.split("=", 1)[1]
    return None


def _role_name(role: str) -> str:
    return message(f"party_{role}") if role in ROLES else role


_HANDLERS = {"check": _check, "new": _new, "build": _build, "serve": _serve, "status": _status, "sign": _sign,
             "verify": _verify, "codeowners": _codeowners, "scan": _scan, "scan-history": _scan_history,
             "install-hook": _install_hook, "certificate": _certificate, "remind": _remind, "report": _report,
             "init": _init, "import": _import, "export": _export}


def run(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # The language is chosen once, here: --lang, HANDOVER_LANG, then the project's [tool.handover] language.
    with use_language(choose_language(_option(arguments, "--lang"))):
        try:
            args = _parser().parse_args(arguments)
            project = Project.at(args.root or find_root(Path.cwd()))
            with use_language(choose_language(args.lang, load_language(project.root))):
                return _HANDLERS[args.command](args, project)
        except UsageError as exc:
            print(message("cli_error", error=exc), file=sys.stderr)
            return EXIT_USAGE
        except HandoverError as exc:
            print(message("cli_error", error=exc), file=sys.stderr)
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
