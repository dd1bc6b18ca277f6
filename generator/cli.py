"""The ``handover`` command: a thin shell over the library. Errors are caught here, once."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import HandoverError, UsageError
from .handbook import check_handbook
from .project import Project, find_root
from .report import REPORTERS

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too; keep its message short
        self.print_usage(sys.stderr)
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="handover", description="Handover knowledge base: check, create and publish handovers.")
    parser.add_argument("--version", action="version", version=f"handover-kb {__version__}")
    parser.add_argument("--root", type=Path, help="project folder (default: found from the current folder)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="validate handover files and the roster")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: the handbook)")
    check.add_argument("--format", choices=sorted(REPORTERS), default="text")

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

    serve = commands.add_parser("serve", help="preview the site with live reload")
    serve.add_argument("-f", "--config-file", type=Path, default=None)
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    return parser


def _selected(paths: Sequence[Path], project: Project) -> list[Path] | None:
    if not paths:
        return None
    selected: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
        selected.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")) if path.is_dir() else [path])
    return [p.resolve() for p in selected]


def _check(args: argparse.Namespace, project: Project) -> int:
    result = check_handbook(project, _selected(args.paths, project))
    output = REPORTERS[args.format](result.problems)
    if output:
        print(output)
    elif args.format == "text":
        print("no problems found")
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def _new(args: argparse.Namespace, project: Project) -> int:
    from .scaffold import NewHandover, create_handover, parse_date

    request = NewHandover(
        role=args.role, leaver=args.leaver, successors=tuple(args.successor), manager=args.manager,
        last_day=parse_date(args.last_day, "--last-day") if args.last_day else None,
        notice_date=parse_date(args.notice_date, "--notice-date") if args.notice_date else None)
    target = create_handover(project, request, dt.date.today())
    shown = project.display(target)
    print(f"created {shown}\nnext: replace every 待填写 in it, then run: handover check {shown}")
    return EXIT_OK


def _config_file(args: argparse.Namespace, project: Project) -> Path:
    config = args.config_file or project.root / "mkdocs.yml"
    if not config.is_file():
        raise UsageError(f"{config}: no MkDocs configuration found")
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
    from .site import build_site

    _show_mkdocs_progress()
    target = build_site(_config_file(args, project), args.site_dir, strict=args.strict)
    print(f"site built in {target}")
    return EXIT_OK


def _serve(args: argparse.Namespace, project: Project) -> int:
    from mkdocs.commands.serve import serve

    serve(config_file=str(_config_file(args, project)), dev_addr=args.dev_addr)
    return EXIT_OK


def run(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        project = Project.at(args.root or find_root(Path.cwd()))
        handler = {"check": _check, "new": _new, "build": _build, "serve": _serve}[args.command]
        return handler(args, project)
    except UsageError as exc:
        print(f"handover: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except HandoverError as exc:
        print(f"handover: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
