"""Find secrets in handbook text before they reach git: passwords, keys, tokens, credentials.

The detectors of detect-secrets (Yelp's maintained scanner) do the well-known formats: cloud and
forge tokens, private keys, JWTs, basic-auth URLs, ``password = …`` keywords. It misses what
Chinese handover files contain ("密码 abc123", "账号 admin / Admin@123", Aliyun and Tencent keys),
so a few rules of our own are added. Allowlist comments are deliberately not honoured: a secret
cannot be waved through from the file that holds it.

Scanning runs every pattern once over the whole text and hands only the lines a pattern touched
to detect-secrets' own per-line check, so its exact semantics are kept at a fraction of the cost.

The time a scan takes is bounded on any input, because whoever writes a handbook file can also try
to stall CI with one. Our own patterns are linear: no two quantifiers can take the same characters,
and a lookahead over a value reads a bounded stretch. detect-secrets' patterns re-read the rest of
a line from every place they may begin (``passwordpassword…``, ``a://a://…``); we cannot change
them, so they only ever see windows of a line that hold a bounded number of such places.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import Any

from ..i18n import message
from ..problems import Problem

# Entropy detectors flag ordinary words and paths in prose; public IPs are not secrets. The IBM and
# Cloudant detectors match on short, common prefixes ("cl", "sl", "cos") with costly look-behinds:
# together they took more time than every other rule, for vendors a handbook would not name.
_SKIPPED_DETECTORS = {"Base64HighEntropyString", "HexHighEntropyString", "IPPublicDetector",
                      "IbmCloudIamDetector", "IbmCosHmacDetector", "SoftlayerDetector", "CloudantDetector"}

_KEYS = r"password|passwd|pwd|passcode|secret|token|api[_-]?key|access[_-]?key|secret[_-]?key|client[_-]?secret|" \
        r"private[_-]?key|auth[_-]?key|密码|口令|密钥|秘钥|登录密码|支付密码"

_KEY_TRIGGERS = ("pass", "pwd", "secret", "token", "key", "密码", "口令", "密钥", "秘钥")

# How far into a value the English rule looks for a digit or a "://": a password is shorter, and an
# unbounded look from every "pwd:" in a long run of them is what made a 390 KB summary take minutes.
_VALUE_REACH = 100

# (what it finds, pattern, substrings of the lower-cased text without which it cannot match). Every
# pattern is linear in the length of a line: quantifiers that meet take disjoint characters or are
# possessive (*+, ++), so nothing is re-tried, and a lookahead that could read to the end of the line
# is either bounded or starts where no earlier attempt has read.
OWN_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # A YAML key that names a secret, with any value at all. The key is one word holding a secret's
    # name: found by a lookahead, then taken whole, so a long word is read twice, not once per name in it.
    ("secret key in YAML", rf"(?im)^[ \t]*(?:-[ \t]+)?[\"']?(?=[\w-]*?(?:{_KEYS}))[\w-]*+[\"']?[ \t]*+:[ \t]*+"
                           r"(?!#|\[\]|\{\}|null\b|~)\S", _KEY_TRIGGERS),
    # 密码 abc123 / 口令：Qw3rty!9 / 密码是admin123 — a Chinese keyword followed by something password-like.
    ("password in Chinese text", r"(?:密码|口令|密钥|秘钥|PIN码|pin码)[ \t]*+(?:(?:[:：=]|是|为)[ \t]*+)?"
                                 r"(?![\x21-\x7e]*://)(?=[\x21-\x7e]*[A-Za-z0-9])[\x21-\x7e]{3,}",
     ("密码", "口令", "密钥", "秘钥", "pin码")),
    # "the password is Qw3rty!9", "pwd: x9y8z7"
    ("password in English text", r"(?i)\b(?:password|passwd|pwd|passcode)\b[ \t]*+(?:is|was|:|=|：)[ \t]*+"
                                 rf"(?!\S{{0,{_VALUE_REACH}}}://)(?=\S{{0,{_VALUE_REACH}}}\d)\S{{4,}}", ("pass", "pwd")),
    # "login with ops / Qw3rty!9", "账号 admin / Admin@123", "用户名/密码: admin/admin123"
    ("user and password pair", r"(?i)(?:login|log in|sign in|username|user|account|账号|帐号|用户名|登录|登陆)[^\n]{0,30}?"
                               r"(?<![\w./:@-])[A-Za-z0-9_@-]{2,32}[ \t]*+/[ \t]*+(?=[^\s/]*[A-Za-z])(?=[^\s/]*\d)"
                               r"[^\s/]{4,}",
     ("log", "sign in", "user", "account", "账号", "帐号", "用户名", "登录", "登陆")),
    ("connection string password", r"(?i)\b(?:password|pwd)[ \t]*+=[ \t]*+[^;\s'\"]{3,}", ("pass", "pwd")),
    # scheme://user:password@host. Tried once per run of scheme characters, from its first letter
    # after a word boundary: "a.a.a…" would otherwise be re-read from every letter.
    ("credentials in a URL", r"(?i)(?<![a-z0-9+.-])(?>[a-z0-9+.-]*?\b(?=[a-z]))[a-z0-9+.-]*+://[^\s/:@]++:[^\s/@]++@",
     ("://",)),
    ("Alibaba Cloud AccessKey", r"\bLTAI[0-9A-Za-z]{12,24}\b", ("ltai",)),
    ("Tencent Cloud SecretId", r"\bAKID[0-9A-Za-z]{13,40}\b", ("akid",)),
    ("Google API key", r"\bAIza[0-9A-Za-z_-]{35}\b", ("aiza",)),
    ("GitHub fine-grained token", r"\bgithub_pat_[0-9A-Za-z_]{22,}+\b", ("github_pat_",)),
    ("bearer token", r"(?i)\bbearer[ \t]++[A-Za-z0-9._~+/-]{20,}+=*", ("bearer",)),
    ("private key", r"-----BEGIN[ A-Z]*PRIVATE KEY( BLOCK)?-----", ("private key",)),
)

# detect-secrets sees a line through overlapping windows of at most WINDOW_CHARS characters and
# WINDOW_STARTS of the places where its patterns begin a scan that may run to the end of the line:
# its keywords, backticks (its quoted-secret pattern reads across them), "//" (npm tokens) and "eyj"
# (JWTs). Its work per window is then bounded by a multiple of the window's length. A secret shorter
# than half a window, in both measures, always lies whole inside one window; ordinary lines are one.
WINDOW_CHARS = 4096
WINDOW_STARTS = 32
_SCAN_STARTS = ("eyj",)  # and the keywords; backticks and "//" are counted apart, as most lines have none
_MARKS = re.compile("`|(?=//)")
_BACKTICK, _SLASHES = re.compile("`"), re.compile("//")


def _folded(text: str) -> str:
    """``text`` in lower case, the letters that re's IGNORECASE reads as ASCII (ſ as s, ı and İ as i) made ASCII
    first: trigger words are then found wherever a pattern can match, and offsets do not move (İ would lower
    into two characters)."""
    return text.replace("İ", "i").replace("ı", "i").replace("ſ", "s").lower()


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


@lru_cache(maxsize=1)
def _keywords() -> frozenset[str]:
    return frozenset(_keyword_detector()[1])


@lru_cache(maxsize=1)
def _scan_starts() -> frozenset[str]:
    return _keywords() | frozenset(_SCAN_STARTS)


# Every token format detect-secrets knows is either a run of at least eleven letters, digits and
# underscores that mixes letters and digits, or starts with one of these words. Lines with neither
# cannot hold one, so its patterns only ever see the few lines that can.
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_]{11,}")
_TOKEN_WORDS = ("://", "begin", "putty", "accountkey=", "_authtoken", "aws", "eyj", "glpat", "gldt", "glft",
                "glsoat", "glrt", "gr1348941", "glcbt", "glimt", "glptt", "glagent", "gloas", "xox", "hooks.slack",
                "sq0csp", "pypi-", "_live_", "t3blbkfj", "sg.",
                # Prefixes of tokens that may hold no digit at all, which the mixed-run rule would not see: AWS keys
                # (AKIA + 16 of A-Z and 2-7: one in 28 has no digit), Artifactory, GitHub and Mailchimp's "-us".
                "akia", "asia", "abia", "acca", "akc", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "-us")


def _mixed(run: str) -> bool:
    return not run.isdigit() and not run.isalpha() and any(c.isdigit() for c in run)


def _line_starts(lines: Sequence[str]) -> list[int]:
    """The offset at which each line begins once the lines are joined with newlines."""
    return list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))


def windows(length: int, starts: Sequence[int]) -> list[tuple[int, int]]:
    """The [begin, end) windows through which detect-secrets sees a line of ``length`` characters whose
    ``starts`` (ascending, distinct) are where its patterns may begin a scan.

    The line is cut into segments of at most half a window, in characters and in starts; each window is
    two neighbouring segments. Anything with fewer characters and fewer starts than half a window cannot
    hold a whole segment between its ends, so it lies inside the window of the two segments it touches.
    """
    if length <= WINDOW_CHARS and len(starts) <= WINDOW_STARTS:
        return [(0, length)]
    half_chars, half_starts = WINDOW_CHARS // 2, WINDOW_STARTS // 2
    cuts, first = [0], 0  # first: the first of ``starts`` at or after the last cut
    while cuts[-1] < length:
        first = bisect_left(starts, cuts[-1], first)
        limit = starts[first + half_starts] if first + half_starts < len(starts) else length
        cuts.append(min(cuts[-1] + half_chars, limit, length))
    return [(cuts[i], cuts[min(i + 2, len(cuts) - 1)]) for i in range(max(len(cuts) - 2, 1))]


@dataclass(frozen=True)
class _Piece:
    """What detect-secrets is shown of a line: all of it, or one window."""

    line: int  # index of the line
    offset: int  # where the window begins in the line
    text: str

    def column(self, value: str) -> int:
        """The 1-based column in the line of ``value``, found in this piece (its first character if absent)."""
        return self.offset + (self.text.find(value) + 1 if value and value in self.text else 1)


class _Text:
    """One text split into lines, and into the pieces detect-secrets is shown: each line whole, but for the lines
    ``windows`` cuts. One pass over the text finds which lines and pieces hold which trigger word."""

    def __init__(self, text: str, automaton: Any) -> None:
        self.lines = text.split("\n")
        self.starts = _line_starts(self.lines)
        found = list(automaton.iter(_folded(text)))  # (offset of its last character, word), overlapping ones too
        line_of = [bisect_right(self.starts, end) - 1 for end, _ in found]
        self.by_word: dict[str, set[int]] = {}
        words = list(map(itemgetter(1), found))
        for word, line in set(zip(words, line_of, strict=True)):
            self.by_word.setdefault(word, set()).add(line)
        token_lines = {bisect_right(self.starts, m.start()) - 1
                       for m in _TOKEN_RUN.finditer(text) if _mixed(m.group())}
        self.keyword_counts = Counter(compress(line_of, map(_keywords().__contains__, words)))

        # Until a line is cut, the pieces are the lines.
        self.texts: list[str] = self.lines
        self.origins: list[tuple[int, int]] | None = None  # (line, offset) of each piece, if not simply the lines
        self.piece_words, self.token_pieces = self.by_word, token_lines
        self._cut_lines: list[int] = []
        self._shifts: list[int] = []  # after each cut line, how many more pieces there are than lines
        cut = self._too_long_or_busy(text, found, line_of)
        if cut:
            self._cut(cut, found, token_lines, automaton)

    def _too_long_or_busy(self, text: str, found: list[tuple[int, str]], line_of: list[int]) -> list[int]:
        """The lines longer than a window, or with more places where detect-secrets' patterns begin."""
        # A line has no more starts than trigger words, backticks and twice its "//" (counted apart, a run of n
        # slashes holds n - 1): only where those are more than a window may hold are its starts counted.
        per_line = Counter(line_of)
        marks = Counter(bisect_right(self.starts, mark.start()) - 1 for mark in _BACKTICK.finditer(text))
        for mark in _SLASHES.finditer(text):
            marks[bisect_right(self.starts, mark.start()) - 1] += 2
        busy = {index for index, count in per_line.items() if count + marks[index] > WINDOW_STARTS}
        busy.update(index for index, count in marks.items() if count + per_line[index] > WINDOW_STARTS)
        scan_starts, cut = _scan_starts(), set()
        for index in busy:
            here = found[bisect_left(line_of, index):bisect_right(line_of, index)]
            if sum(word in scan_starts for _, word in here) + len(_MARKS.findall(self.lines[index])) > WINDOW_STARTS:
                cut.add(index)
        if len(text) > WINDOW_CHARS and max(map(len, self.lines)) > WINDOW_CHARS:
            cut.update(index for index, line in enumerate(self.lines) if len(line) > WINDOW_CHARS)
        return sorted(cut)

    def _cut(self, cut: list[int], found: list[tuple[int, str]], token_lines: set[int], automaton: Any) -> None:
        """Pieces: the lines, but the ``cut`` ones (ascending) in windows. ``found`` is (offset of its last character,
        word) of every trigger word, in that order."""
        scan_starts = _scan_starts()
        ends = [end for end, _ in found]
        texts: list[str] = []
        origins: list[tuple[int, int]] = []
        piece_words: dict[str, set[int]] = {}
        token_pieces: set[int] = set()
        previous = 0
        for index in cut:
            texts += self.lines[previous:index]
            origins += zip(range(previous, index), repeat(0))
            line, start = self.lines[index], self.starts[index]
            starts = [end - len(word) + 1 - start
                      for end, word in found[bisect_left(ends, start):bisect_left(ends, start + len(line))]
                      if word in scan_starts]
            starts += [mark.start() for mark in _MARKS.finditer(line)]
            for begin, end in windows(len(line), sorted(starts)):
                piece = len(texts)
                text = line[begin:end]
                for word in {word for _, word in automaton.iter(_folded(text))}:  # the words whole in it
                    piece_words.setdefault(word, set()).add(piece)
                if index in token_lines and any(_mixed(m.group()) for m in _TOKEN_RUN.finditer(text)):
                    token_pieces.add(piece)
                texts.append(text)
                origins.append((index, begin))
            self._shifts.append(len(texts) - index - 1)
            previous = index + 1
        texts += self.lines[previous:]
        origins += zip(range(previous, len(self.lines)), repeat(0))
        self.texts, self.origins, self._cut_lines, is_cut = texts, origins, cut, set(cut)
        for word, lines in self.by_word.items():
            piece_words.setdefault(word, set()).update(self._whole(line) for line in lines if line not in is_cut)
        token_pieces.update(self._whole(line) for line in token_lines if line not in is_cut)
        self.piece_words, self.token_pieces = piece_words, token_pieces

    def _whole(self, line: int) -> int:
        """The piece that is ``line``, a line not cut."""
        before = bisect_left(self._cut_lines, line)
        return line + self._shifts[before - 1] if before else line

    def piece(self, index: int) -> _Piece:
        line, offset = self.origins[index] if self.origins is not None else (index, 0)
        return _Piece(line, offset, self.texts[index])

    def containing(self, words: tuple[str, ...]) -> set[int]:
        """The lines that hold any of ``words``."""
        return _union(self.by_word, words)

    def pieces_containing(self, words: tuple[str, ...]) -> set[int]:
        """The pieces that hold any of ``words`` whole (and a few where one only ends)."""
        return _union(self.piece_words, words)


def _union(index: dict[str, set[int]], words: tuple[str, ...]) -> set[int]:
    found: set[int] = set()
    for word in words:
        found |= index.get(word, set())
    return found


@dataclass(frozen=True)
class _Excerpt:
    """Some lines (or pieces) of a text joined into one, so that each pattern runs once over all of them, not once
    per line.

    Patterns are compiled multi-line and none of them crosses a line break, so joining changes nothing.
    """

    order: list[int]  # the index of each excerpt line among the lines (or pieces) it was made from
    text: str
    starts: list[int]

    @classmethod
    def of(cls, texts: Sequence[str], chosen: set[int]) -> _Excerpt:
        order = sorted(chosen)
        lines = [texts[i] for i in order]
        return cls(order, "\n".join(lines), _line_starts(lines))

    def matching(self, patterns: tuple[re.Pattern[str], ...]) -> dict[int, int]:
        """{index: column} of the first match of any of ``patterns`` on each line."""
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


def _one_keyword_a_word(text: str, automaton: Any) -> str:
    """``text`` with the deny-listed keywords of each word blanked (their first letter made "_"), but for the last
    and the last spelled in lower case. Only worth it where a word holds two (``_two_keywords_in_a_word``).

    The keyword detector's patterns begin at a keyword and read on through the rest of its word, so a word
    of many keywords (``passwordpassword…``) is re-read from each. From any keyword of a word they reach the
    same end of the word and then match the same way; its patterns that ignore case need one keyword in the
    word, the others one in lower case. No keyword has a "_" where a new one could form. So what the
    detector finds, and where, is unchanged.
    """
    keywords = _keywords()
    found = sorted({end - len(word) + 1: text.startswith(word, end - len(word) + 1)  # offset: in lower case
                    for end, word in automaton.iter(_folded(text)) if word in keywords}.items())
    at = [offset for offset, _ in found]
    chars = list(text)
    for word in _WORD.finditer(text):
        inside = found[bisect_left(at, word.start()):bisect_left(at, word.end())]
        in_lower_case = [offset for offset, lower in inside if lower]
        kept = {inside[-1][0] if inside else -1, in_lower_case[-1] if in_lower_case else -1}
        for offset, _ in inside:
            if offset not in kept:
                chars[offset] = "_"
    return "".join(chars)


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _two_keywords_in_a_word() -> re.Pattern[str]:
    """Finds a word holding two keywords one after the other, in one pass: from each keyword it reads on only to
    the next keyword or the end of the word."""
    keyword = "|".join(map(re.escape, sorted(_keywords(), key=len, reverse=True)))
    return re.compile(rf"(?i)(?:{keyword})\w*?(?:{keyword})")


@lru_cache(maxsize=16)
def _keyword_patterns(extension: str) -> tuple[tuple[dict[re.Pattern[str], int], tuple[str, ...]], ...]:
    """The keyword detector's patterns for files with this extension, as its analyze_line picks them, each with
    the group that holds the secret and what it cannot match without (a pattern is not run where that is absent:
    most of the detector's time on a line goes to patterns that could never match there)."""
    from detect_secrets.plugins import keyword
    from detect_secrets.util.filetype import determine_file_type

    needs = {keyword.FOLLOWED_BY_COLON_REGEX: (":",), keyword.FOLLOWED_BY_COLON_QUOTES_REQUIRED_REGEX: (":",),
             keyword.FOLLOWED_BY_COLON_EQUAL_SIGNS_REGEX: (":=",), keyword.FOLLOWED_BY_EQUAL_SIGNS_REGEX: ("=",),
             keyword.FOLLOWED_BY_EQUAL_SIGNS_QUOTES_REQUIRED_REGEX: ("=",),
             keyword.FOLLOWED_BY_ARROW_FUNCTION_SIGN_QUOTES_REQUIRED_REGEX: ("=",),
             keyword.FOLLOWED_BY_QUOTES_AND_SEMICOLON_REGEX: (";",),
             keyword.PRECEDED_BY_EQUAL_COMPARISON_SIGNS_QUOTES_REQUIRED_REGEX: ("==", "!=", "=!", "!!"),
             keyword.FOLLOWED_BY_EQUAL_SIGNS_OPTIONAL_BRACKETS_OPTIONAL_AT_SIGN_QUOTES_REQUIRED_REGEX: ("=", "!"),
             keyword.FOLLOWED_BY_OPTIONAL_ASSIGN_QUOTES_REQUIRED_REGEX: ("(",)}
    group = keyword.REGEX_BY_FILETYPE.get(determine_file_type("file" + extension),
                                          keyword.QUOTES_REQUIRED_DENYLIST_REGEX_TO_GROUP)
    return tuple(({pattern: number}, needs.get(pattern, ("",))) for pattern, number in group.items())


def _keyword_values(plugin: Any, text: str, filename: str) -> list[str]:
    """What the keyword detector's analyze_line finds in ``text``, its patterns run one by one."""
    values: list[str] = []
    for group, needs in _keyword_patterns(os.path.splitext(filename)[1]):
        if any(need in text for need in needs):
            values += plugin.analyze_string(text, group)
    return values


def _leftmost(piece: _Piece, values: Iterable[str], shown: str | None = None) -> int | None:
    """The column of the leftmost of ``values`` found in ``piece``, shown to the detector as is or as ``shown``
    (the piece rewritten character for character)."""
    shown = piece.text if shown is None else shown
    columns = []
    for value in values:
        at = _where_found(piece.text, shown, value)
        columns.append(piece.offset + (at + 1 if at >= 0 else 1))
    return min(columns, default=None)


def _where_found(text: str, shown: str, value: str) -> int:
    """Where in ``text`` the detector's ``value`` is: its first place in the text as written, as when the text is shown
    as is (blanking can make a "_a" in ``shown`` where the text has "pa"); a value that holds a blanked letter, at
    the first place of what the text has where ``shown`` holds it; -1 if none."""
    if not value:
        return -1
    at = text.find(value)
    if at >= 0:
        return at
    at = shown.find(value)
    return text.find(text[at:at + len(value)]) if at >= 0 else -1


def _found_by(plugin: Any, piece: _Piece, filename: str) -> list[str]:
    return [secret.secret_value or "" for secret in plugin.analyze_line(filename=filename, line=piece.text,
                                                                         line_number=piece.line + 1)]


def _record(findings: dict[tuple[int, str], Finding], line: int, column: int, kind: str) -> None:
    findings.setdefault((line + 1, kind), Finding(line + 1, column, kind))


def scan_text(text: str, filename: str = "handbook.yaml") -> list[Finding]:
    """Every secret-looking thing in ``text``, one finding per line and kind."""
    automaton = _trigger_automaton()
    source = _Text(text, automaton)
    findings: dict[tuple[int, str], Finding] = {}
    for kind, pattern, triggers in _own_rules():
        for index, column in _Excerpt.of(source.lines, source.containing(triggers)).matching((pattern,)).items():
            _record(findings, index, column, kind)
    keyword_plugin, words = _keyword_detector()
    crowded_words = {line for line, count in source.keyword_counts.items()
                     if count > 1 and _two_keywords_in_a_word().search(source.lines[line])}
    checks = [(keyword_plugin, source.pieces_containing(words))]
    candidates = _Excerpt.of(source.texts, source.token_pieces | source.pieces_containing(_TOKEN_WORDS))
    for plugin, patterns in _detectors():
        checks.append((plugin, set(candidates.matching(patterns))))
    for plugin, chosen in checks:
        done: set[int] = set()  # lines with a finding: the first piece that has one gives its column
        for index in sorted(chosen):
            piece = source.piece(index)
            if piece.line in done:
                continue
            if plugin is keyword_plugin:
                shown = _one_keyword_a_word(piece.text, automaton) if piece.line in crowded_words else piece.text
                leftmost = _leftmost(piece, _keyword_values(plugin, shown, filename), shown)
            else:
                leftmost = _leftmost(piece, _found_by(plugin, piece, filename))
            if leftmost is not None:
                _record(findings, piece.line, leftmost, plugin.secret_type)
                done.add(piece.line)
    return sorted(findings.values(), key=lambda f: (f.line, f.column, f.kind))


def scan_text_exhaustively(text: str, filename: str = "handbook.yaml") -> list[Finding]:
    """The same scan without any shortcut: every rule on every line, every detector on every piece (for tests)."""
    source = _Text(text, _trigger_automaton())
    findings: dict[tuple[int, str], Finding] = {}
    for kind, pattern, _ in _own_rules():
        for index, line in enumerate(source.lines):
            match = pattern.search(line)
            if match:
                _record(findings, index, match.start() + 1, kind)
    for plugin in (_keyword_detector()[0], *(p for p, _ in _detectors())):
        for piece in map(source.piece, range(len(source.texts))):
            column = _leftmost(piece, _found_by(plugin, piece, filename))
            if column is not None:
                _record(findings, piece.line, column, plugin.secret_type)
    return sorted(findings.values(), key=lambda f: (f.line, f.column, f.kind))


def secret_problems(text: str, path: str) -> list[Problem]:
    """Findings as problems; the message names the kind, never the value (CI logs are not private)."""
    by_line: dict[int, list[Finding]] = {}
    for finding in scan_text(text, path if path.endswith((".yaml", ".yml", ".md")) else path + ".yaml"):
        by_line.setdefault(finding.line, []).append(finding)
    return [Problem(path, line, found[0].column, "", "error", "secret",
                    message("secret_found", kinds=", ".join(sorted({f.kind for f in found}))), message("secret_hint"))
            for line, found in sorted(by_line.items())]


@dataclass(frozen=True)
class HistoryFinding:
    """A secret in a version of a file that git history still holds."""

    commit: str
    problem: Problem
