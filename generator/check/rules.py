"""Rules no schema can state: people exist, dates make sense, ids are unique, links are safe.

Each rule is a plain function from data to problems, registered with its id, severity and
documentation (``registry.rule``) and run from the registry. Rules find the places they care about
through schema annotations (``x-person``, ``x-link``, ``x-index``), so they work for any role.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..config import SecurityConfig
from ..i18n import current_language, message
from ..load.characters import REFUSED, REFUSED_IN_A_LINE
from ..load.document import Document, is_index, pointer_join, pointer_tokens
from ..load.schemas import Field, FieldPaths, Role, localized, localized_description, values_at
from ..problems import Problem
from .place import PLACEHOLDER, place_in_words
from .registry import checks_for, rule
from .schema import _dotted as dotted
from .schema import _path as json_path

RETENTION_WARNING_DAYS = 30
SAFE_SCHEMES = ("http", "https", "mailto")
_STARTS_WITH_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def walk(value: Any, tree: Field | None, pointer: str = "") -> Iterator[tuple[str, Any, Field | None]]:
    """Every value in a document with the schema field that describes it (None where unknown)."""
    yield pointer, value, tree
    if isinstance(value, dict):
        for key, child in value.items():
            yield from walk(child, tree.properties.get(key) if tree else None, pointer_join(pointer, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk(child, tree.items if tree else None, pointer_join(pointer, index))


def walk_to(data: Any, tree: Field | None, pointers: Iterable[str]) -> Iterator[tuple[str, Any, Field | None]]:
    """The values at ``pointers`` with their schema fields, as ``walk`` yields them (pointers no longer there are skipped)."""
    for pointer in pointers:
        value, place = data, tree
        for token in pointer_tokens(pointer):
            if isinstance(value, dict) and token in value:
                value, place = value[token], place.properties.get(token) if place else None
            elif isinstance(value, list) and is_index(token) and int(token) < len(value):
                value, place = value[int(token)], place.items if place else None
            else:
                break
        else:
            yield pointer, value, place


def _at(data: Any, paths: tuple[tuple[str, ...], ...]) -> Iterator[tuple[str, Any]]:
    for path in paths:
        yield from values_at(data, path)


@dataclass(frozen=True)
class RuleContext:
    """What per-file rules need beyond the document: who is in the roster, settings and the day it is."""

    people: frozenset[str]
    security: SecurityConfig = field(default_factory=SecurityConfig)
    today: dt.date | None = None  # None for the roster, which has no dated rules
    root: Path | None = None
    names: tuple[tuple[str, str, str], ...] = ()  # (id, name, name_en) of everyone: a name written for an id is recognised

    def __post_init__(self) -> None:
        if self.root is not None:  # once here, not once per link
            object.__setattr__(self, "root", self.root.resolve())


@dataclass(frozen=True)
class Subject:
    """One file that passed its schema, and what the per-file rules judge it by."""

    doc: Document
    tree: Field
    paths: FieldPaths
    context: RuleContext
    template_ids: tuple[str, ...] = ()

    @property
    def data(self) -> Any:
        return self.doc.data


# -- per-file rules, in the order a handover is judged ------------------------------------------

@rule("credential-scheme", "error", "handover", "handover")
def credential_scheme(subject: Subject) -> Iterator[Problem]:
    """查什么：账号的 `credential_ref` 不是公司使用的密码管理器地址（如 `vault://`、`op://`）。
    为什么：交接文件进入 git 并发布成网站，凭据本身绝不能写进来，只能写它在密码管理器里的位置。
    怎么改：把凭据存进 `[tool.handover.security] credential_schemes` 列出的密码管理器之一，这里只写引用，如 `vault://sales/crm`。

    What: an account's `credential_ref` is not an address in a password manager the company uses (such as `vault://`, `op://`).
    Why: handover files go into git and onto the site; a credential is never written down, only where it is kept.
    Fix: store the credential in one of the managers listed in `[tool.handover.security] credential_schemes` and reference it here, e.g. `vault://sales/crm`.
    """
    schemes = subject.context.security.credential_schemes
    for pointer, value in _at(subject.data, subject.paths.credentials):
        scheme = value.split("://", 1)[0].lower() if isinstance(value, str) else ""
        if scheme not in schemes:
            allowed = ", ".join(f"{s}://" for s in schemes)
            yield credential_scheme.problem(subject.doc, pointer, message("rule_credential_scheme", scheme=scheme),
                                            message("hint_credential_scheme", allowed=allowed))




def _retention_days(subject: Subject) -> tuple[str, int] | None:
    """The retention date and the days left until it (negative once past), if the file sets one."""
    value = subject.data.get("retain_until")
    if not isinstance(value, str) or subject.context.today is None:
        return None
    return value, (dt.date.fromisoformat(value) - subject.context.today).days


@rule("retention-expired", "error", "handover", "handover")
def retention_expired(subject: Subject) -> Iterator[Problem]:
    """查什么：文件的保留期限 `retain_until` 已过。
    为什么：个人信息只保留到用途结束；过期的交接文件不应继续留在仓库和网站上。
    怎么改：按 guide/security.md 的步骤把文件从 git 历史中彻底删除并重新发布网站。

    What: the file's retention date `retain_until` has passed.
    Why: personal data is kept only as long as its purpose; an expired handover must leave the repository and the site.
    Fix: purge the file from git history and republish, as guide/security.md explains.
    """
    left = _retention_days(subject)
    if left is not None and left[1] < 0:
        yield retention_expired.problem(subject.doc, "/retain_until", message("rule_retention_expired", date=left[0]),
                                        message("hint_retention"))


@rule("retention-due", "warning", "handover", "handover")
def retention_due(subject: Subject) -> Iterator[Problem]:
    """查什么：文件的保留期限 `retain_until` 在 30 天内到期。
    为什么：提前提醒，到期后检查会报错。
    怎么改：安排到期后按 guide/security.md 删除文件；如仍需保留，经批准后延后日期。

    What: the file's retention date `retain_until` is less than 30 days away.
    Why: a warning ahead of time; once the date passes, the check fails.
    Fix: plan the purge described in guide/security.md, or, if the file must stay, move the date with approval.
    """
    left = _retention_days(subject)
    if left is not None and 0 <= left[1] <= RETENTION_WARNING_DAYS:
        yield retention_due.problem(subject.doc, "/retain_until", message("rule_retention_due", date=left[0], days=left[1]),
                                    message("hint_retention"))


def _comparable(text: str) -> str:
    """A name or id as people vary it: case, spaces, dots and dashes do not tell two people apart."""
    return re.sub(r"[\s._\-·]+", "", unicodedata.normalize("NFKC", text)).casefold()


def meant_people(value: str, context: RuleContext) -> tuple[bool, tuple[str, ...]]:
    """Whom ``value``, not a roster id, may mean: (whether it is someone's name, their ids or the closest ids)."""
    wanted = _comparable(value)
    named = tuple(person for person, *names in context.names if wanted and wanted in {_comparable(n) for n in names if n})
    if named:
        return True, named
    spelled = {_comparable(person): person for person in context.people}
    close = difflib.get_close_matches(wanted, list(spelled), n=3, cutoff=0.6)
    return False, tuple(dict.fromkeys(spelled[c] for c in close))


def who(person: str, context: RuleContext) -> str:
    """A person as a hint names them: the id to write, and the name to recognise them by."""
    name = next((name for id_, name, _ in context.names if id_ == person), "")
    return f"{person} ({name})" if name and name != person else person


def person_mistake(value: str, context: RuleContext) -> tuple[str, str] | None:
    """(message, hint) for a person field holding ``value`` that is not an id in the roster; None if it is one."""
    if value in context.people:
        return None
    is_name, ids = meant_people(value, context)
    shown = value if len(value) <= 40 else value[:40] + "…"
    if ids:
        guess = message("or_joiner").join(who(person, context) for person in ids)
        if is_name:
            return message("rule_person_is_name", value=shown), message("hint_did_you_mean", guess=guess)
        return message("rule_person_unknown", value=shown), message("hint_did_you_mean", guess=guess)
    return message("rule_person_unknown", value=shown), message("hint_person_id")


@rule("unknown-person", "error", "handover", "handover", "roster")
def unknown_person(subject: Subject) -> Iterator[Problem]:
    """查什么：文件里的人员（离职人、接手人、审批人、负责人、部门负责人）不是花名册 handbook/people.yaml 中的 id：
    id 拼错了，或者写成了姓名（如 `successor: 杨帆`）。
    为什么：每个人都要能找到、能签字；拼错的 id 会让交接落到不存在的人身上。
    怎么改：改成花名册里的 id：报错会给出最接近的 id 和姓名，写成姓名时给出此人的 id（如 `yangfan`）；
    或先把此人加入 handbook/people.yaml。

    What: a person (leaver, successor, manager, owner, department head) is not an id in the roster
    handbook/people.yaml: a misspelt id, or a name written instead (such as `successor: 杨帆`).
    Why: everyone named must be found and able to sign; a misspelt id hands work to nobody.
    Fix: use the roster's id (the hint suggests the closest ids, and the id of a name written instead), or add the
    person to handbook/people.yaml first.
    """
    yield from _people_not_in_the_roster(subject)


def _people_not_in_the_roster(subject: Subject) -> Iterator[Problem]:
    for pointer, value in _at(subject.data, subject.paths.people):
        found = person_mistake(value, subject.context) if isinstance(value, str) else None
        if found:
            yield unknown_person.problem(subject.doc, pointer, *found)


@rule("parties-distinct", "error", "handover", "handover")
def parties_distinct(subject: Subject) -> Iterator[Problem]:
    """查什么：离职人、接手人、审批人中有同一个人担任两个角色。
    为什么：三方签字的意义在于三个不同的人各自确认；自己给自己审批等于没有审批。
    怎么改：换一位接手人或审批人，三方必须是三个不同的人。

    What: the same person holds two of the roles leaver, successor and manager.
    Why: a three-party sign-off means three different people confirm; approving your own handover approves nothing.
    Fix: name another successor or manager; the three parties must be different people.
    """
    data = subject.data
    leaver, manager = data.get("leaver"), data.get("manager")
    if leaver is not None and leaver == manager:
        yield parties_distinct.problem(subject.doc, "/manager", message("rule_manager_is_leaver"),
                                       message("hint_manager_is_leaver"))
    for index, successor in enumerate(data.get("successors") or []):
        if successor in (leaver, manager):
            who = message("party_leaver" if successor == leaver else "party_manager")
            yield parties_distinct.problem(subject.doc, f"/successors/{index}",
                                           message("rule_successor_is_also", successor=successor, who=who),
                                           message("new_same_person"))


def _transition(data: dict[str, Any]) -> tuple[Any, Any]:
    transition = data.get("transition")
    return (transition.get("start"), transition.get("end")) if isinstance(transition, dict) else (None, None)


@rule("date-order", "error", "handover", "handover")
def date_order(subject: Subject) -> Iterator[Problem]:
    """查什么：最后工作日早于提出离职日期，或过渡期的结束早于开始。
    为什么：日期倒置通常是笔误，会让进度、提醒和报表全部算错。
    怎么改：核对两个日期，改正或对调。

    What: the last day is before the notice date, or the transition ends before it starts.
    Why: dates in the wrong order are usually a typo, and would make progress, reminders and reports all wrong.
    Fix: check both dates and correct or swap them.
    """
    notice, last = subject.data.get("notice_date"), subject.data.get("last_day")
    if isinstance(notice, str) and isinstance(last, str) and last < notice:
        yield date_order.problem(subject.doc, "/last_day", message("rule_last_day_before_notice", last=last, notice=notice),
                                 message("hint_last_day_before_notice"))
    start, end = _transition(subject.data)
    if isinstance(start, str) and isinstance(end, str) and end < start:
        yield date_order.problem(subject.doc, "/transition/end", message("rule_transition_backwards", start=start, end=end),
                                 message("hint_transition_backwards"))


@rule("transition-after-last-day", "warning", "handover", "handover")
def transition_after_last_day(subject: Subject) -> Iterator[Problem]:
    """查什么：过渡期在最后工作日之后才结束。
    为什么：过渡期是离职人和接手人一起服务客户的时间，离职人离开后就无法共同服务。
    怎么改：把过渡期结束日期改为最后工作日当天或之前。

    What: the transition ends after the last day.
    Why: the transition is when leaver and successor serve customers together; after the last day the leaver is gone.
    Fix: end the transition on or before the last day.
    """
    _, end = _transition(subject.data)
    last = subject.data.get("last_day")
    if isinstance(end, str) and isinstance(last, str) and end > last:
        yield transition_after_last_day.problem(subject.doc, "/transition/end",
                                                message("rule_transition_after_last_day", end=end, last=last),
                                                message("hint_transition_after_last_day"))


@rule("duplicate-id", "error", "handover", "handover", "roster")
def duplicate_id(subject: Subject) -> Iterator[Problem]:
    """查什么：同一文件里同类条目（所有待办、所有商机、花名册里的所有人……）用了重复的编号。
    为什么：编号用于引用、链接和签字核对，重复的编号会指向错误的条目。
    怎么改：给每个条目一个自己的编号。

    What: two items of the same kind in one file (all tasks, all opportunities, all people in the roster...) share an id.
    Why: ids are used for references, links and checking sign-offs; a repeated id points at the wrong item.
    Fix: give each item its own id.
    """
    seen: dict[tuple[tuple[str, ...], str], str] = {}
    for path in subject.paths.ids:
        for pointer, value in values_at(subject.data, path):
            if not isinstance(value, str):
                continue
            key = (path, value)
            if key in seen:
                first_line = subject.doc.position(seen[key])[0]
                yield duplicate_id.problem(subject.doc, pointer, message("rule_duplicate_id", value=value, line=first_line),
                                           message("hint_duplicate_id"))
            else:
                seen[key] = pointer


@rule("successor-not-listed", "error", "handover", "handover")
def successor_not_listed(subject: Subject) -> Iterator[Problem]:
    """查什么：某个客户（或其他分给个人的条目）的 `successor` 不在文件顶部的 `successors` 名单里。
    为什么：只有名单里的接手人会签字确认；名单外的人接手等于没人确认。
    怎么改：把此人加入顶部的 `successors`，或改成名单里的某位接手人。

    What: a customer (or another item split among successors) names a `successor` who is not among the file's `successors`.
    Why: only the listed successors sign; an item taken over by someone else is confirmed by nobody.
    Fix: add the person to `successors` at the top, or pick one of the listed successors.
    """
    successors = set(subject.data.get("successors") or [])
    for pointer, value in _at(subject.data, subject.paths.customers):
        if not isinstance(value, list):
            continue
        for index, item in enumerate(value):
            if isinstance(item, dict) and isinstance(item.get("successor"), str) and item["successor"] not in successors:
                where = pointer_join(pointer_join(pointer, index), "successor")
                yield successor_not_listed.problem(
                    subject.doc, where, message("rule_successor_not_listed", person=item["successor"]),
                    message("hint_successor_not_listed", successors=", ".join(sorted(successors))))


def link_problem(value: str, root: Path | None = None) -> str | None:
    """Why ``value`` is not a safe location, or None if it is.

    ``root``, an already resolved folder, also has symbolic links on disk followed.
    """
    if _CONTROL.search(value) or "\\" in value:
        return message("link_control")
    if _STARTS_WITH_SCHEME.match(value):
        parts = urlsplit(value)
        if parts.scheme.lower() not in SAFE_SCHEMES:
            return message("link_scheme", scheme=parts.scheme)
        if parts.scheme.lower() in ("http", "https") and not parts.hostname:
            return message("link_no_host")
        if parts.username or parts.password:
            return message("link_credentials")
        return None
    if value.startswith(("/", "~")) or value.startswith("//"):
        return message("link_absolute")
    if ".." in value.split("/"):
        return message("link_climbs")
    if root is not None and not (root / value).resolve().is_relative_to(root):
        return message("link_symlink")
    return None


@rule("unsafe-link", "error", "handover", "handover")
def unsafe_link(subject: Subject) -> Iterator[Problem]:
    """查什么：文档位置等链接不是 `http(s)`、`mailto:` 地址或仓库内的相对路径，例如 `javascript:`、
    `file:`、以 `/` 开头、用 `..` 或符号链接跑出仓库、网址里带账号密码。
    为什么：链接会发布到网站上，危险的链接能在读者的浏览器里执行脚本或指向仓库外的文件。
    怎么改：改用 `https://` 或 `mailto:` 地址，或仓库内的相对路径。

    What: a link such as a document's location is not an `http(s)` or `mailto:` address or a relative path inside
    the repository: `javascript:`, `file:`, a leading `/`, climbing out with `..` or a symbolic link, a user name
    or password in the URL.
    Why: links are published on the site; an unsafe one can run script in a reader's browser or point outside the repository.
    Fix: use an `https://` or `mailto:` address, or a relative path inside the repository.
    """
    for pointer, value in _at(subject.data, subject.paths.links):
        if isinstance(value, str) and not value.startswith(PLACEHOLDER):
            why = link_problem(value, subject.context.root)
            if why:
                yield unsafe_link.problem(subject.doc, pointer, message("rule_unsafe_link", why=why),
                                          message("hint_unsafe_link"))


@rule("checklist-missing-item", "warning", "handover", "handover")
def checklist_missing_item(subject: Subject) -> Iterator[Problem]:
    """查什么：岗位模板交接清单里的某一项在文件的 `checklist` 中缺失。
    为什么：清单是这个岗位必须交接的内容，删掉一项就会悄悄漏掉它。
    怎么改：从岗位模板复制这一项并标注状态；确实不适用时写 `status: n/a`。

    What: an item of the role template's checklist is missing from the file's `checklist`.
    Why: the checklist is what this role must hand over; deleting an item quietly drops it.
    Fix: copy the item from the role template and give it a status; use `status: n/a` when it does not apply.
    """
    present = {item.get("id") for item in subject.data.get("checklist") or [] if isinstance(item, dict)}
    for item_id in subject.template_ids:
        if item_id not in present:
            yield checklist_missing_item.problem(
                subject.doc, "/checklist", message("rule_checklist_missing_item", item=item_id),
                message("hint_checklist_missing_item"))


@rule("commitment-without-party", "warning", "handover", "handover")
def commitment_without_party(subject: Subject) -> Iterator[Problem]:
    """查什么：标了口头承诺（`verbal_commitment: true`）的待办没有写向谁承诺（`promised_to`）。
    为什么：口头承诺最容易随离职人消失，接手人必须知道要向谁兑现。
    怎么改：在这条待办里加上 `promised_to:`，写明对方（公司、部门、姓名）。

    What: a task marked as a verbal commitment (`verbal_commitment: true`) does not say whom it was promised to (`promised_to`).
    Why: verbal promises are what leaves with the leaver; the successor must know whom to keep them for.
    Fix: add `promised_to:` to the task with the other party (company, department, name).
    """
    for index, task in enumerate(subject.data.get("tasks") or []):
        if isinstance(task, dict) and task.get("verbal_commitment") is True and not task.get("promised_to"):
            yield commitment_without_party.problem(subject.doc, f"/tasks/{index}/verbal_commitment",
                                                   message("rule_commitment_without_party"),
                                                   message("hint_commitment_without_party"))


# -- control characters --------------------------------------------------------------------------

# Longer than one line: short texts (names, titles) are at most 200 characters, free text (notes) far more.
ONE_LINE_MAX = 200
_CONTROL_NAMES = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x09: "TAB", 0x0A: "LINE FEED (a line break)",
                  0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE"}


def _character_name(char: str) -> str:
    code = ord(char)
    if code in _CONTROL_NAMES:
        return _CONTROL_NAMES[code]
    if 0xD800 <= code <= 0xDFFF:
        return "half of a character (a lone surrogate)"
    return unicodedata.name(char, "CONTROL CHARACTER")


def free_text(place: Field | None) -> bool:
    """Whether the schema lets this text span lines: free text (notes, summaries), not a name, id, title or link."""
    return (place is not None and place.max_length is not None and place.max_length > ONE_LINE_MAX
            and not (place.link or place.person or place.credential))


@rule("control-character", "error", "handover", "handover", "roster")
def control_character(subject: Subject) -> Iterator[Problem]:
    """查什么：文字里有控制字符（如 NUL、ESC、BEL、退格、DEL）或双向文字控制符（U+202A–U+202E、
    U+2066–U+2069）；姓名、编号、标题等单行字段里还有换行、制表符或零宽字符（如 U+200B、U+200D）。
    只有说明、备注这类长文本可以换行和使用制表符。
    为什么：这些字符看不见，却能改写终端输出、颠倒网页上文字的显示顺序，或让两个看起来一样的名字
    其实不同，用来冒充他人或隐藏内容。
    怎么改：删掉报错里给出的字符（按 U+XXXX 编号和位置找到它；它往往看不见，可以把整个值删掉重新输入）。
    单行字段写在冒号后的一行里，不要用 `|` 或 `>` 块。

    What: text holds a control character (such as NUL, ESC, BEL, backspace, DEL) or a bidi control
    (U+202A–U+202E, U+2066–U+2069); a one-line field such as a name, id or title also holds a line break, a tab
    or a zero-width character (such as U+200B, U+200D). Only free text such as notes may span lines and hold tabs.
    Why: these characters are invisible, yet they can rewrite terminal output, reverse the order text is shown in
    on the site, or make two names that look the same differ, to pose as someone or hide content.
    Fix: delete the character the message names (find it by its U+XXXX code and position; it is often invisible,
    so retype the whole value). Write a one-line field on one line after the colon, not as a `|` or `>` block.
    """
    unusual = subject.doc.unusual_text
    values = (walk(subject.data, subject.tree) if unusual is None
              else walk_to(subject.data, subject.tree, sorted(unusual, key=subject.doc.position)))
    for pointer, value, place in values:
        if not isinstance(value, str):
            continue
        multiline = free_text(place)
        found = [(match.start(), match.group()) for match in (REFUSED if multiline else REFUSED_IN_A_LINE).finditer(value)]
        if not found:
            continue
        offset, char = found[0]
        others = sorted({f"U+{ord(c):04X}" for _, c in found} - {f"U+{ord(char):04X}"})
        more = (message("control_more_named", n=len(found) - 1, others=", ".join(others)) if others
                else message("control_more", n=len(found) - 1) if len(found) > 1 else "")
        key = next((token for token in reversed(pointer.split("/")) if not is_index(token)), "")
        hint = message("hint_control_one_line" if char in "\t\n" else "hint_control_delete")
        yield control_character.problem(
            subject.doc, pointer, message("rule_control_character", key=key, code=f"U+{ord(char):04X}", name=_character_name(char),
                                                at=offset + 1, more=more),
            hint)


# -- the roster, drafts and the whole handbook ---------------------------------------------------

@rule("unknown-department", "error", "roster", "roster")
def unknown_department(subject: Subject) -> Iterator[Problem]:
    """查什么：花名册里某人的 `department` 不在 `departments` 列表中。
    为什么：部门决定默认的审批人和页面上的归属，不存在的部门会让交接找不到负责人。
    怎么改：在 handbook/people.yaml 的 `departments` 下加上这个部门，或改成已有的部门 id。

    What: a person's `department` in the roster is not listed under `departments`.
    Why: the department decides the default manager and where pages belong; an unknown one leaves a handover without its head.
    Fix: add the department under `departments` in handbook/people.yaml, or use an existing department id.
    """
    departments = {d.get("id") for d in subject.data.get("departments", []) if isinstance(d, dict)}
    for index, person in enumerate(subject.data.get("people", [])):
        if isinstance(person, dict) and person.get("department") not in departments:
            yield unknown_department.problem(subject.doc, f"/people/{index}/department",
                                             message("rule_unknown_department", department=person.get("department")),
                                             message("hint_unknown_department"))


@dataclass(frozen=True)
class Draft:
    """A file as written, also when its schema fails, with the schema fields that name its places (None: unknown)."""

    doc: Document
    tree: Field | None = None


def _placeholders(draft: Draft) -> Iterator[tuple[str, str, Field | None]]:
    """(pointer, value, field) of every value that still holds the template placeholder."""
    if PLACEHOLDER not in draft.doc.text:  # the common case, decided without walking the document
        return
    for pointer, value, place in walk(draft.doc.data, draft.tree):
        if isinstance(value, str) and PLACEHOLDER in value:
            yield pointer, value, place


# What a placeholder where the check needs a value (the schema's x-placeholder) must become.
_NEEDED = {"person": "needed_person", "date": "needed_date"}


def _needed(value: str, place: Field | None) -> bool:
    """Whether a placeholder stands where a person, a date or an id must be: the schema lets only the template have it."""
    return place is not None and place.placeholder is not None and value.startswith(PLACEHOLDER)


def _unfilled(draft: Draft, pointer: str, place: Field | None) -> tuple[str, str]:
    """(message, hint) naming the place in words and saying, from the schema, what belongs there."""
    language = current_language()
    where = place_in_words(draft.doc.data, draft.tree, pointer, language)
    title = (message("title_in_brackets", title=localized(place.title, language))
             if place is not None and place.title and not where else "")
    what = localized_description(place.description, language) if place is not None and place.description else ""
    said = message("rule_placeholder", where=where or dotted(json_path(pointer)), title=title, placeholder=PLACEHOLDER)
    hint = message("hint_write_here", what=what) if what else message("hint_replace_placeholder")
    needed = _NEEDED.get(place.placeholder or "") if place is not None else None
    return said, message("hint_and_write", hint=hint, needed=message(needed)) if needed else hint


@rule("placeholder", "warning", "handover", "draft")
def placeholder(draft: Draft) -> Iterator[Problem]:
    """查什么：文件里还留着模板的占位文字「待填写」。报错说明是哪一项（字段名称）以及这里该写什么。
    为什么：占位文字说明这一项还没填，接手人会以为信息缺失。
    怎么改：按提示换成真实内容；可选的条目不需要就整条删掉。

    What: the template's placeholder 「待填写」 ("to fill in") is still in the file; the message names the field and
    says what belongs there.
    Why: a placeholder means the item is not filled in yet; the successor would find the information missing.
    Fix: replace it with real content as the hint says, or delete the optional entry.
    """
    for pointer, value, place in _placeholders(draft):
        if not _needed(value, place):
            said, hint = _unfilled(draft, pointer, place)
            yield placeholder.problem(draft.doc, pointer, said, message("hint_or_delete_optional", hint=hint))


@rule("placeholder-required", "error", "handover", "draft")
def placeholder_required(draft: Draft) -> Iterator[Problem]:
    """查什么：人员、日期或编号处还是模板的占位（如 `leaver: 待填写-离职人`、`id: "待填写-客户编号"`）。
    模板里这些占位让编辑器不报错，但交接文件里必须换成真实的值。
    为什么：人员决定谁签字，日期决定期限和提醒，客户编号把历任负责人串起来；占位在这里不是「还没写完」的说明，而是错误的数据。
    怎么改：写上花名册里的人员 id、YYYY-MM-DD 格式的日期或 CRM 里的客户编号。用 `handover new` 创建文件时，人员和日期会自动填好。

    What: a person, a date or an id still holds the template's placeholder (such as `leaver: 待填写-离职人`,
    `id: "待填写-客户编号"`). The placeholders keep editors quiet on the template; a handover needs the real value.
    Why: people decide who signs, dates drive deadlines and reminders, customer ids chain every owner; a placeholder
    here is not an unfinished note but wrong data.
    Fix: write the roster id, the date as YYYY-MM-DD or the customer's CRM id. `handover new` fills in people and dates.
    """
    for pointer, value, place in _placeholders(draft):
        if _needed(value, place):
            yield placeholder_required.problem(draft.doc, pointer, *_unfilled(draft, pointer, place))


# (handover id, the role's field paths, document) of every handover file that passed its schema
HandoverFiles = list[tuple[str, FieldPaths, Document]]


@rule("duplicate-handover", "error", "handbook", "handbook")
def duplicate_handover(documents: HandoverFiles) -> Iterator[Problem]:
    """查什么：两个交接文件同名（在 handbook/handovers/ 的不同子文件夹里）。
    为什么：文件名就是交接页面的网址，同名的两个文件会争同一个页面。
    怎么改：重命名其中一个文件，例如按 `年-月-离职人-岗位.yaml` 命名。

    What: two handover files have the same name (in different folders under handbook/handovers/).
    Why: the file name is the handover page's address; two files of one name fight over one page.
    Fix: rename one of them, e.g. as `year-month-leaver-role.yaml`.
    """
    by_id: dict[str, Document] = {}
    for handover_id, _, doc in documents:
        if handover_id in by_id:
            yield duplicate_handover.problem(doc, "", message("rule_duplicate_handover", id=handover_id,
                                                                       other=by_id[handover_id].path),
                                             message("hint_duplicate_handover"))
        by_id.setdefault(handover_id, doc)


@rule("customer-name-mismatch", "warning", "handbook", "handbook")
def customer_name_mismatch(documents: HandoverFiles) -> Iterator[Problem]:
    """查什么：同一个客户编号在不同交接文件里写成了不同的客户名称。
    为什么：客户页面按编号把历任负责人串起来，名称不一致说明编号或名称有一个写错了。
    怎么改：同一客户编号使用同一名称；如果其实是不同客户，改正编号。

    What: one customer id carries different customer names in different handover files.
    Why: the customer page chains every owner by id; differing names mean either the id or the name is wrong.
    Fix: use the same name for the same customer id, or fix the id if they are different customers.
    """
    names: dict[str, tuple[str, Document]] = {}
    for _, paths, doc in documents:
        for pointer, value in _at(doc.data, paths.customers):
            if not isinstance(value, list):
                continue
            for index, item in enumerate(value):
                if not isinstance(item, dict):
                    continue
                customer_id, name = item.get("id"), item.get("name")
                if not isinstance(customer_id, str) or not isinstance(name, str):
                    continue
                first = names.setdefault(customer_id, (name, doc))
                if first[0] != name:
                    yield customer_name_mismatch.problem(doc, f"{pointer}/{index}/name",
                                                         message("rule_customer_name_mismatch", id=customer_id,
                                                                 name=first[0], file=first[1].path),
                                                         message("hint_customer_name_mismatch"))


# -- running them ----------------------------------------------------------------------------------

def _run(scope: str, subject: Any) -> list[Problem]:
    return [problem for registered in checks_for(scope) if registered.check for problem in registered.check(subject)]


def document_problems(doc: Document, role: Role, context: RuleContext) -> list[Problem]:
    """Every per-file rule, for a handover that passed its schema."""
    template_ids = tuple(item_id for item_id, _ in role.checklist)
    return _run("handover", Subject(doc, role.tree, role.paths, context, template_ids))


def draft_person_problems(doc: Document, role: Role, context: RuleContext, known: list[Problem]) -> list[Problem]:
    """The person rule for a file that failed its schema or a draft rule, where the schema let the people through."""
    said = {problem.pointer for problem in known}
    subject = Subject(doc, role.tree, role.paths, context)
    return [problem for problem in _people_not_in_the_roster(subject) if problem.pointer not in said]


def roster_problems(doc: Document, tree: Field) -> list[Problem]:
    """Every rule for the roster handbook/people.yaml, once it passed its schema (the draft rules too)."""
    listed = [p for p in doc.data.get("people", []) if isinstance(p, dict) and isinstance(p.get("id"), str)]
    names = tuple((p["id"], str(p.get("name", "")), str(p.get("name_en", ""))) for p in listed)
    context = RuleContext(frozenset(p["id"] for p in listed), names=names)
    return _run("roster", Subject(doc, tree, FieldPaths.of(tree), context)) + placeholder_problems(doc, tree)


def placeholder_problems(doc: Document, tree: Field | None = None) -> list[Problem]:
    """Rules for a file as written, also when its schema fails: a fresh file is mostly placeholders."""
    return _run("draft", Draft(doc, tree))


def cross_file_problems(documents: HandoverFiles) -> list[Problem]:
    """Rules over the whole handbook: unique handover ids, one name per customer id.

    ``documents`` are (handover id, the role's field paths, document) of every file that passed its schema.
    """
    return _run("handbook", documents)
