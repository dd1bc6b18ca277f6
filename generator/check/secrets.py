"""Find secrets in handbook text before they reach git: passwords, keys, tokens, credentials.

The detectors of detect-secrets (Yelp's maintained scanner) do the well-known formats: cloud and
forge tokens, private keys, JWTs, basic-auth URLs, ``password = …`` keywords. It misses what
Chinese handover files contain ("密码 abc123", "账号 admin / Admin@123", Aliyun and Tencent keys),
so a few rules of our own are added. Allowlist comments are deliberately not honoured: a secret
cannot be waved through from the file that holds it.

Scanning runs every pattern once over the whole text and hands only the lines a pattern touched
to detect-secrets' own per-line check, so its exact semantics are kept at a fraction of the cost.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

from ..problems import Problem

HINT = ("delete it here, and rotate it: it may already be in git history. Store it in the password "
        "manager and write only a reference, e.g. credential_ref: vault://… or op://…")

# Entropy detectors flag ordinary words and paths in prose; public IPs are not secrets. The IBM and
# Cloudant detectors match on short, common prefixes ("cl", "sl", "cos") with costly look-behinds:
# together they took more time than every other rule, for vendors a handbook would not name.
_SKIPPED_DETECTORS = {"Base64HighEntropyString", "HexHighEntropyString", "IPPublicDetector",
                      "IbmCloudIamDetector", "IbmCosHmacDetector", "SoftlayerDetector", "CloudantDetector"}

_KEYS = r"password|passwd|pwd|passcode|secret|token|api[_-]?key|access[_-]?key|secret[_-]?key|client[_-]?secret|" \
        r"private[_-]?key|auth[_-]?key|密码|口令|密钥|秘钥|登录密码|支付密码"

_KEY_TRIGGERS = ("pass", "pwd", "secret", "token", "key", "密码", "口令", "密钥", "秘钥")

# (what it finds, pattern, substrings of the lower-cased text without which it cannot match)
OWN_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # A YAML key that names a secret, with any value at all.
    ("secret key in YAML", rf"(?im)^[ \t]*(?:-[ \t]+)?[\"']?[\w-]*(?:{_KEYS})[\w-]*[\"']?[ \t]*:[ \t]*"
                           r"(?![ \t]*(?:$|#|\[\]|\{\}|null\b|~))\S", _KEY_TRIGGERS),
    # 密码 abc123 / 口令：Qw3rty!9 / 密码是admin123 — a Chinese keyword followed by something password-like.
    ("password in Chinese text", r"(?:密码|口令|密钥|秘钥|PIN码|pin码)[ \t]*(?:[:：=]|是|为)?[ \t]*(?![\x21-\x7e]*://)"
                                 r"(?=[\x21-\x7e]*[A-Za-z0-9])[\x21-\x7e]{3,}", ("密码", "口令", "密钥", "秘钥", "pin码")),
    # "the password is Qw3rty!9", "pwd: x9y8z7"
    ("password in English text", r"(?i)\b(?:password|passwd|pwd|passcode)\b[ \t]*(?:is|was|:|=|：)[ \t]*"
                                 r"(?![^\s]*://)(?=\S*\d)\S{4,}", ("pass", "pwd")),
    # "login with ops / Qw3rty!9", "账号 admin / Admin@123", "用户名/密码: admin/admin123"
    ("user and password pair", r"(?i)(?:login|log in|sign in|username|user|account|账号|帐号|用户名|登录|登陆)[^\n]{0,30}?"
                               r"(?<![\w./:@-])[A-Za-z0-9_@-]{2,32}[ \t]*/[ \t]*(?=[^\s/]*[A-Za-z])(?=[^\s/]*\d)[^\s/]{4,}",
     ("log", "sign in", "user", "account", "账号", "帐号", "用户名", "登录", "登陆")),
    ("connection string password", r"(?i)\b(?:password|pwd)[ \t]*=[ \t]*[^;\s'\"]{3,}", ("pass", "pwd")),
    ("credentials in a URL", r"(?i)\b[a-z][a-z0-9+.-]*://[^\s/:@]+:[^\s/@]+@", ("://",)),
    ("Alibaba Cloud AccessKey", r"\bLTAI[0-9A-Za-z]{12,24}\b", ("ltai",)),
    ("Tencent Cloud SecretId", r"\bAKID[0-9A-Za-z]{13,40}\b", ("akid",)),
    ("Google API key", r"\bAIza[0-9A-Za-z_-]{35}\b", ("aiza",)),
    ("GitHub fine-grained token", r"\bgithub_pat_[0-9A-Za-z_]{22,}\b", ("github_pat_",)),
    ("bearer token", r"(?i)\bbearer[ \t]+[A-Za-z0-9._~+/-]{20,}=*", ("bearer",)),
    ("private key", r"-----BEGIN[ A-Z]*PRIVATE KEY( BLOCK)?-----", ("private key",)),
)


@dataclass(frozen=True)
class Finding:
    line: int
    column: int
    kind: str


@lru_cache(maxsize=1)
def _detectors() -> tuple[tuple[Any, tuple[re.Pattern[str], ...]], ...]:
    """detect-secrets' detectors with their patterns (the keyword detector is found by its words)."""
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
    from detect_secrets.plugins import keyword

    classes: list[Any] = list(get_mapping_from_secret_type_to_class().values())
    return tuple((plugin_class(), tuple(re.compile(p.pattern, p.flags | re.MULTILINE) for p in plugin_class.denylist))
                 for plugin_class in classes
                 if plugin_class.__name__ not in _SKIPPED_DETECTORS and plugin_class is not keyword.KeywordDetector)


@lru_cache(maxsize=1)
def _keyword_detector() -> tuple[Any, tuple[str, ...]]:
    """The keyword detector, and the lower-case words (its deny-list spelled out) that make a line a candidate."""
    from detect_secrets.plugins import keyword

    words = []
    for entry in keyword.DENYLIST:
        words += [entry.replace("_?", "_"), entry.replace("_?", "")] if "_?" in entry else [entry]
    return keyword.KeywordDetector(), tuple(dict.fromkeys(words))


@lru_cache(maxsize=1)
def _own_rules() -> tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]:
    return tuple((kind, re.compile(pattern, re.MULTILINE), triggers) for kind, pattern, triggers in OWN_RULES)


# Every token format detect-secrets knows is either a run of at least eleven letters, digits and
# underscores that mixes letters and digits, or starts with one of these words. Lines with neither
# cannot hold one, so its patterns only ever see the few lines that can.
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_]{11,}")
_TOKEN_WORDS = ("://", "begin", "putty", "accountkey=", "_authtoken", "aws", "eyj", "glpat", "gldt", "glft",
                "glsoat", "glrt", "gr1348941", "glcbt", "glimt", "glptt", "glagent", "gloas", "xox", "hooks.slack",
                "sq0csp", "pypi-", "_live_", "t3blbkfj", "sg.")


def _mixed(run: str) -> bool:
    return not run.isdigit() and not run.isalpha() and any(c.isdigit() for c in run)


def _line_starts(lines: list[str]) -> list[int]:
    """The offset at which each line begins once the lines are joined with newlines."""
    return list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))


class _Text:
    """One text split into lines, with a single pass that finds which lines hold which trigger word."""

    def __init__(self, text: str, triggers: Any) -> None:
        self.lines = text.split("\n")
        self.starts = _line_starts(self.lines)
        lowered = text.lower()
        # Lower-casing can lengthen a character (İ), so offsets in ``lowered`` get their own line starts.
        lowered_starts = self.starts if len(lowered) == len(text) else _line_starts(lowered.split("\n"))
        self.by_word: dict[str, set[int]] = {}
        for end, word in triggers.iter(lowered):  # every occurrence, overlapping ones too
            line = bisect_right(lowered_starts, end - len(word) + 1) - 1
            self.by_word.setdefault(word, set()).add(line)
        self.token_lines = {self.line_of(m.start()) for m in _TOKEN_RUN.finditer(text) if _mixed(m.group())}

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def containing(self, words: tuple[str, ...]) -> set[int]:
        found: set[int] = set()
        for word in words:
            found |= self.by_word.get(word, set())
        return found

    def excerpt(self, chosen: set[int]) -> _Excerpt:
        order = sorted(chosen)
        lines = [self.lines[i] for i in order]
        return _Excerpt(order, "\n".join(lines), _line_starts(lines))


@dataclass(frozen=True)
class _Excerpt:
    """Some lines of a text joined into one, so that each pattern runs once over all of them, not once per line.

    Patterns are compiled multi-line and none of them crosses a line break, so joining changes nothing.
    """

    order: list[int]  # the original line index of each excerpt line
    text: str
    starts: list[int]

    def matching(self, patterns: tuple[re.Pattern[str], ...]) -> dict[int, int]:
        """{original line index: column} of the first match of any of ``patterns`` on each line."""
        hits: dict[int, int] = {}
        if not self.order:
            return hits
        for pattern in patterns:
            for match in pattern.finditer(self.text):
                row = bisect_right(self.starts, match.start()) - 1
                hits.setdefault(self.order[row], match.start() - self.starts[row] + 1)
        return hits


@lru_cache(maxsize=1)
def _trigger_automaton() -> Any:
    """An Aho-Corasick automaton over every rule's trigger words: one pass over a text finds them all,
    overlapping ones included, so each rule can be given exactly the lines holding its own words."""
    import ahocorasick

    groups = [triggers for _, _, triggers in _own_rules()] + [_keyword_detector()[1], _TOKEN_WORDS]
    automaton = ahocorasick.Automaton()
    for word in sorted({w for group in groups for w in group}):
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def scan_text(text: str, filename: str = "handbook.yaml") -> list[Finding]:
    """Every secret-looking thing in ``text``, one finding per line and kind."""
    source = _Text(text, _trigger_automaton())
    findings: dict[tuple[int, str], Finding] = {}
    for kind, pattern, triggers in _own_rules():
        for index, column in source.excerpt(source.containing(triggers)).matching((pattern,)).items():
            findings.setdefault((index + 1, kind), Finding(index + 1, column, kind))
    keyword_plugin, words = _keyword_detector()
    checks = [(keyword_plugin, source.containing(words))]
    candidates = source.excerpt(source.token_lines | source.containing(_TOKEN_WORDS))
    for plugin, patterns in _detectors():
        checks.append((plugin, set(candidates.matching(patterns))))
    for plugin, chosen in checks:
        for index in sorted(chosen):
            line = source.lines[index]
            for secret in plugin.analyze_line(filename=filename, line=line, line_number=index + 1):
                value = secret.secret_value or ""
                column = line.find(value) + 1 if value and value in line else 1
                findings.setdefault((index + 1, secret.type), Finding(index + 1, column, secret.type))
    return sorted(findings.values(), key=lambda f: (f.line, f.column, f.kind))


def scan_text_exhaustively(text: str, filename: str = "handbook.yaml") -> list[Finding]:
    """The same scan without any shortcut: every rule and detector on every line (for tests)."""
    lines = text.split("\n")
    findings: dict[tuple[int, str], Finding] = {}
    for kind, pattern, _ in _own_rules():
        for index, line in enumerate(lines):
            match = pattern.search(line)
            if match:
                findings.setdefault((index + 1, kind), Finding(index + 1, match.start() + 1, kind))
    for plugin in (_keyword_detector()[0], *(p for p, _ in _detectors())):
        for index, line in enumerate(lines):
            for secret in plugin.analyze_line(filename=filename, line=line, line_number=index + 1):
                value = secret.secret_value or ""
                column = line.find(value) + 1 if value and value in line else 1
                findings.setdefault((index + 1, secret.type), Finding(index + 1, column, secret.type))
    return sorted(findings.values(), key=lambda f: (f.line, f.column, f.kind))


def secret_problems(text: str, path: str) -> list[Problem]:
    """Findings as problems; the message names the kind, never the value (CI logs are not private)."""
    by_line: dict[int, list[Finding]] = {}
    for finding in scan_text(text, path if path.endswith((".yaml", ".yml", ".md")) else path + ".yaml"):
        by_line.setdefault(finding.line, []).append(finding)
    return [Problem(path, line, found[0].column, "", "error", "secret",
                    "looks like a secret (" + ", ".join(sorted({f.kind for f in found})) + "): never store it in the handbook",
                    HINT)
            for line, found in sorted(by_line.items())]


@dataclass(frozen=True)
class HistoryFinding:
    """A secret in a version of a file that git history still holds."""

    commit: str
    problem: Problem
