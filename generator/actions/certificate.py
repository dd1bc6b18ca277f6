"""``handover certificate FILE -o FILE.pdf``: the handover certificate (交接确认单) as a PDF.

The certificate is rendered as one HTML document (its stylesheet inlined, no script, nothing from
another host) and printed by a headless Chromium, the browser the site's tests use, so the paper
looks like the site's certificate page printed from a browser. Chromium is found on PATH or named
by ``HANDOVER_CHROMIUM``; Chinese needs a CJK font (Debian: fonts-noto-cjk), which is checked
first, because without one every Chinese character prints as an empty box.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..audit.signoffs import unknown_audit
from ..config import load_company
from ..errors import HandoverError
from ..i18n import message
from ..model.handbook import Handbook, Handover
from ..render.certificate import standalone_html
from ..render.pages import SiteOptions, SiteRenderer
from ..session import Session

CHROMIUM_VARIABLE = "HANDOVER_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PRINT_TIMEOUT = 120  # seconds; a certificate prints in one or two


class CertificateError(HandoverError):
    """The certificate could not be printed; nothing was written."""


def find_chromium(environ: Mapping[str, str] = os.environ) -> str:
    """The Chromium to print with: ``HANDOVER_CHROMIUM`` if set, else the first one on PATH."""
    named = environ.get(CHROMIUM_VARIABLE, "").strip()
    if named:
        found = shutil.which(named)
        if found is None:
            raise CertificateError(message("certificate_no_such_program", variable=CHROMIUM_VARIABLE, named=named))
        return found
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found is not None:
            return found
    raise CertificateError(message("certificate_no_chromium", install=message("certificate_install"),
                                   variable=CHROMIUM_VARIABLE))


def _check_chinese_font() -> None:
    """Without a CJK font Chromium prints boxes; say so rather than write a certificate nobody can read."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return  # no fontconfig to ask: trust the system
    listed = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False, timeout=30)
    if listed.returncode == 0 and not listed.stdout.strip():
        raise CertificateError(message("certificate_no_font", install=message("certificate_install")))


def print_pdf(html: str, target: Path, chromium: str) -> None:
    """Print ``html`` to ``target`` (A4, as its stylesheet says); ``target`` is replaced only by a whole PDF."""
    _check_chinese_font()
    with tempfile.TemporaryDirectory(prefix="handover-certificate-") as work:
        page, pdf = Path(work) / "certificate.html", Path(work) / "certificate.pdf"
        page.write_text(html, encoding="utf-8")
        command = [chromium, "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--disable-extensions", "--no-pdf-header-footer",
                   f"--user-data-dir={Path(work) / 'profile'}", f"--print-to-pdf={pdf}", page.as_uri()]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to start as root with its sandbox
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=PRINT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise CertificateError(message("certificate_timeout", chromium=chromium, seconds=PRINT_TIMEOUT)) from None
        if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            detail = " ".join(done.stderr.strip().splitlines()[-3:])
            raise CertificateError(message("certificate_failed", chromium=chromium, code=done.returncode,
                                                   detail=detail))
        _replace(target, pdf.read_bytes())


def _replace(target: Path, content: bytes) -> None:
    """Write next to the target, then rename: a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(content)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def certificate_html(session: Session, handbook: Handbook, handover: Handover, language: str) -> str:
    options = SiteOptions(language, "all-staff", session.today, load_company(session.project.root))
    audits = session.audits(handbook)
    site = SiteRenderer(handbook, options, audits, session.calendar)
    return standalone_html(site, handover, audits.get(handover.id) or unknown_audit(handover))


def write_certificate(session: Session, handbook: Handbook, handover: Handover, target: Path, language: str = "zh",
                      environ: Mapping[str, str] = os.environ) -> Path:
    """The certificate of ``handover`` as PDF (or, for a ``.html`` target, the page to print from any browser)."""
    html = certificate_html(session, handbook, handover, language)
    if target.suffix.lower() in (".html", ".htm"):
        _replace(target, html.encode("utf-8"))
    else:
        print_pdf(html, target, find_chromium(environ))
    return target
