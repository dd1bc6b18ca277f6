"""Reminders in 企业微信, 钉钉 and 飞书 (and a generic webhook), through the real CLI.

One real HTTP server on 127.0.0.1 plays the three vendors and the webhook: it checks every request as the vendor
does (钉钉's and 飞书's signatures computed here independently, timestamps older or further off than an hour
refused, 企业微信's 4096-byte content limit, 飞书's 20 KB body limit) and answers with the vendors' own codes.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from generator.i18n import use_language
from generator.load.schemas import SchemaSet
from generator.notify import dingtalk, feishu
from generator.notify.channels import CHANNELS, open_channels, outbox
from generator.notify.ledger import load_channels, load_ledger, save_ledger
from generator.notify.message import SiteAddress, read_site
from generator.notify.wecom import WeCom
from generator.output import render
from generator.project import Project
from generator.session import Session
from generator.track.reminders import reminders_for_day

from .gitrepo import GitRepo, email
from .helpers import CASES, free_port
from .vendors import (
    DINGTALK_SECRET,
    DINGTALK_TOKEN,
    WECOM_KEY,
    Vendors,
    dingtalk_expected,
    feishu_expected,
    serve_vendors,
)

TODAY = "2025-09-30"
FILE = "handbook/handovers/a.yaml"
LINA_OPEN_ID, WANGFANG_OPEN_ID = "ou_0000lina0000", "ou_0000wangfang0000"
MOBILE = "+86 138 0013 8000"  # liuyang's: 钉钉 gets 13800138000, nothing else ever shows it
SITE = "https://kb.example.com/handbook/"
PAGE = SITE + "handovers/a/"
ROBOTS = ("wecom", "dingtalk", "feishu")

# Due Thu 2025-10-09, one working day after TODAY (National Day between): T-01 is lina's, T-02 liuyang's, and
# the manager wangfang hears of both. lina has every chat id, liuyang only a mobile number, wangfang no 钉钉 id.
HANDOVER = ((CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
            .replace("notice_date: 2026-10-12", "notice_date: 2025-09-01")
            .replace("last_day: 2026-11-13", "last_day: 2025-10-09")
            .replace("start: 2026-10-26\n  end: 2026-11-13", "start: 2025-09-22\n  end: 2025-10-09")
            .replace("due: 2026-11-30", "due: 2025-10-09")
            .replace("    owner: lina\n", "    owner: lina\n  - id: T-02\n    title: 寄回样品\n    priority: high\n"
                     "    due: 2025-10-09\n    status: todo\n    owner: liuyang\n"))
CHAT_IDS = {
    "lina": f", wecom_userid: LiNa, dingtalk_userid: dt-lina, feishu_open_id: {LINA_OPEN_ID}",
    "liuyang": f', mobile: "{MOBILE}"',
    "wangfang": f", wecom_userid: WangFang, feishu_open_id: {WANGFANG_OPEN_ID}",
}


@pytest.fixture
def vendors(monkeypatch: pytest.MonkeyPatch) -> Iterator[Vendors]:
    yield from serve_vendors(monkeypatch)


@pytest.fixture
def project(empty_project: Path) -> Path:
    (empty_project / FILE).write_text(HANDOVER, encoding="utf-8")
    people = empty_project / "handbook" / "people.yaml"
    text = people.read_text(encoding="utf-8")
    for person, ids in CHAT_IDS.items():
        text = text.replace(f"email: {person}@example.com}}", f"email: {person}@example.com{ids}}}")
    people.write_text(text, encoding="utf-8")
    with (empty_project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        # A tag only MkDocs can build: reading site_url must not need it.
        config.write(f"site_url: {SITE}\nextra:\n  emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    return empty_project


def send(cli, project: Path, state: Path, *channels: str, today: str = TODAY) -> tuple[int, str, str]:
    options = [option for channel in channels for option in ("--channel", channel)]
    return cli("remind", "--today", today, "--send", *options, "--state", str(state), root=project)


def recorded(state: Path, day: str = TODAY) -> dict[str, set[str]]:
    """Per channel, who the state file says got today's reminders."""
    return {channel: {key.split("|")[0] for key in days[day]} for channel, days in load_channels(state).items()
            if days.get(day)}


def feishu_at(payload: dict[str, Any]) -> list[str]:
    lines = payload["content"]["post"]["zh_cn"]["content"]
    return [element["user_id"] for line in lines for element in line if element["tag"] == "at"]


def feishu_text(payload: dict[str, Any]) -> str:
    lines = payload["content"]["post"]["zh_cn"]["content"]
    return "\n".join("".join(e.get("text", e.get("user_name", "")) + e.get("href", "") for e in line) for line in lines)


def test_dingtalk_signature_matches_the_known_answer() -> None:
    vector = "OuzzJR5%2BxZ4%2FEYwqtNt6sMYZQMTa%2FHEGvc9miJe7XzY%3D"
    assert dingtalk.sign(1700000000000, "secret") == vector
    assert urllib.parse.quote_plus(dingtalk_expected(1700000000000, "secret")) == vector


def test_feishu_signature_has_key_and_message_the_other_way_round() -> None:
    assert feishu.sign(1700000000, "secret") == feishu_expected(1700000000, "secret")
    dingtalk_way = base64.b64encode(hmac.new(b"secret", b"1700000000\nsecret", hashlib.sha256).digest()).decode()
    assert feishu.sign(1700000000, "secret") != dingtalk_way


def test_three_groups_hear_every_reminder_once_with_mentions_and_a_rerun_sends_nothing(cli, project: Path,
                                                                                        vendors: Vendors,
                                                                                        tmp_path: Path) -> None:
    state = tmp_path / "sent.json"
    code, out, err = send(cli, project, state, *ROBOTS)
    assert code == 0, err
    assert "发送续约报价" in out  # the day's reminders are printed as before
    assert {vendor: len(vendors.received[vendor]) for vendor in ROBOTS} == dict.fromkeys(ROBOTS, 1)

    wecom = vendors.received["wecom"][0]["markdown"]["content"]
    assert "<@LiNa>" in wecom and "<@WangFang>" in wecom and wecom.count("<@") == 2  # liuyang has no WeCom id
    ding = vendors.received["dingtalk"][0]
    assert ding["at"] == {"atUserIds": ["dt-lina"], "atMobiles": ["13800138000"], "isAtAll": False}
    assert "@dt-lina" in ding["markdown"]["text"] and "@13800138000" in ding["markdown"]["text"]
    fei = vendors.received["feishu"][0]
    assert feishu_at(fei) == [LINA_OPEN_ID, WANGFANG_OPEN_ID]
    for text in (wecom, ding["markdown"]["text"], feishu_text(fei)):
        assert all(name in text for name in ("李娜", "刘洋", "王芳", "张伟", "发送续约报价", "寄回样品", PAGE))
        assert "还有 1 个工作日" in text and "1 working day left" in text and "2025-10-09" in text
        assert text.index("李娜") < text.index("Li Na")  # Chinese first, English after
        assert "李娜负责的「发送续约报价」" in text  # the manager hears whose item it is
        assert not any(label in text for label in ("due-soon", "signoff-pending", "T-01", "lina|"))
    assert recorded(state) == dict.fromkeys(ROBOTS, {"lina", "liuyang", "wangfang"})
    assert "posted 1 message(s) with 4 reminder(s) for 3 people (李娜, 刘洋, 王芳)" in err
    assert "13800138000" not in out + err and "138 0013" not in out + err

    code, _, err = send(cli, project, state, *ROBOTS)
    assert code == 0, err
    assert {vendor: len(vendors.received[vendor]) for vendor in ROBOTS} == dict.fromkeys(ROBOTS, 1)
    assert err.count("posted 0 message(s) with 0 reminder(s) for 0 people; 4 reminder(s) already posted today") == 3


def test_a_refused_signature_fails_its_channel_only_and_a_rerun_sends_only_it(cli, project: Path, vendors: Vendors,
                                                                             tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOVER_DINGTALK_SECRET", "SECnot-the-robots-secret")
    state = tmp_path / "sent.json"
    code, _, err = send(cli, project, state, *ROBOTS)

    assert code == 1
    assert len(vendors.received["wecom"]) == len(vendors.received["feishu"]) == 1
    assert vendors.received["dingtalk"] == [] and vendors.tries["dingtalk"] == 1  # a bad signature is not retried
    failure = next(line for line in err.splitlines() if "could not post" in line)
    assert failure.startswith("DingTalk (dingtalk): could not post 4 reminder(s) for 李娜, 刘洋, 王芳: DingTalk answered "
                              "310000 sign not match"), err
    assert "HANDOVER_DINGTALK_SECRET" in failure and f"--state {state}" in failure
    assert "SECnot-the-robots-secret" not in err and DINGTALK_TOKEN not in err
    assert set(recorded(state)) == {"wecom", "feishu"}

    monkeypatch.setenv("HANDOVER_DINGTALK_SECRET", DINGTALK_SECRET)
    code, _, err = send(cli, project, state, *ROBOTS)
    assert code == 0, err
    assert {vendor: len(vendors.received[vendor]) for vendor in ROBOTS} == dict.fromkeys(ROBOTS, 1)
    assert recorded(state) == dict.fromkeys(ROBOTS, {"lina", "liuyang", "wangfang"})


def test_a_rate_limit_or_a_busy_server_is_tried_again(cli, project: Path, vendors: Vendors, tmp_path: Path) -> None:
    vendors.queued["wecom"].append((200, {"errcode": 45009, "errmsg": "api freq out of limit"}))
    vendors.queued["dingtalk"].append((200, {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"}))
    vendors.queued["feishu"].append((200, {"code": 11232, "msg": "frequency limited psm[lark.oapi.app_platform_runtime]"}))
    vendors.queued["webhook"] += [(503, {}), (429, {})]
    code, _, err = send(cli, project, tmp_path / "sent.json", *ROBOTS, "webhook")
    assert code == 0, err
    assert vendors.tries == Counter(wecom=2, dingtalk=2, feishu=2, webhook=3)
    assert all(len(vendors.received[vendor]) == 1 for vendor in (*ROBOTS, "webhook"))


def test_a_rate_limit_that_lasts_is_reported_after_three_tries(cli, project: Path, vendors: Vendors,
                                                               tmp_path: Path) -> None:
    vendors.queued["dingtalk"] += [(200, {"errcode": 130101, "errmsg": "send too fast"})] * 3
    code, _, err = send(cli, project, tmp_path / "sent.json", "dingtalk", "wecom")
    assert code == 1 and vendors.tries["dingtalk"] == 3
    assert "DingTalk answered 130101 send too fast (tried 3 times); the robot is sending too much" in err
    assert len(vendors.received["wecom"]) == 1


def test_stale_or_skewed_timestamps_are_refused_and_not_retried(project: Path, vendors: Vendors,
                                                                tmp_path: Path) -> None:
    today = dt.date.fromisoformat(TODAY)
    session = Session(Project.at(project), today)
    handbook = session.check().handbook
    assert handbook is not None
    day = reminders_for_day(handbook, session.audits(handbook), session.policy, session.calendar, today)
    box = outbox(today, day.reminders, handbook, project)
    dingtalk_robot, feishu_robot = open_channels(["dingtalk", "feishu"])
    for skew in (-2 * 3600, 2 * 3600):
        vendors.tries.clear()
        late = dingtalk_robot.deliver(box, None, clock=lambda skew=skew: time.time() + skew)
        # 钉钉 refuses a timestamp more than an hour old, 飞书 one more than an hour off either way
        assert late.ok is (skew > 0) and ("310000" in late.report() and "clock" in late.report()) is (skew < 0)
        off = feishu_robot.deliver(box, None, clock=lambda skew=skew: time.time() + skew)
        assert not off.ok and "19021" in off.report() and "clock" in off.report()
        assert vendors.tries["feishu"] == 1 and vendors.tries["dingtalk"] == 1
    assert vendors.received["feishu"] == [] and len(vendors.received["dingtalk"]) == 1


def test_send_without_a_channel_says_what_to_set_before_anything_else(cli, project: Path, vendors: Vendors,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = cli("remind", "--today", TODAY, "--send", root=project)
    assert (code, out) == (2, "")
    assert all(variable in err for info in CHANNELS.values() for variable in info.variables), err

    monkeypatch.delenv("HANDOVER_FEISHU_SECRET")
    code, out, err = cli("remind", "--today", TODAY, "--send", "--channel", "wecom", "--channel", "feishu",
                         root=project)
    assert (code, out) == (2, "")
    assert "--channel feishu needs HANDOVER_FEISHU_SECRET" in err and "never in a file of the repository" in err
    assert vendors.tries == Counter()  # not even the configured channel was used

    code, out, err = cli("remind", "--today", TODAY, "--channel", "wecom", root=project)
    assert (code, out) == (2, "") and "add --send" in err


@pytest.mark.parametrize(("variable", "value"), [
    ("HANDOVER_WEBHOOK_URL", "file:///etc/passwd"),
    ("HANDOVER_WECOM_WEBHOOK", "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=leaked-over-http"),
])
def test_only_https_addresses_are_used(cli, project: Path, vendors: Vendors, monkeypatch: pytest.MonkeyPatch,
                                       variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    channel = next(info.name for info in CHANNELS.values() if variable in info.variables)
    code, out, err = cli("remind", "--today", TODAY, "--send", "--channel", channel, root=project)
    assert (code, out) == (2, "")
    assert f"{variable} is not an https:// address" in err and value not in err


def long_day(project: Path, count: int) -> list[str]:
    """``count`` more tasks of lina's, due with the others: a day too long for one 企业微信 message."""
    titles = [f"第{n:02d}项:核对{'华东区域客户合同与回款记录' * 3}" for n in range(count)]
    tasks = "".join(f"  - id: T-{n + 10}\n    title: {title}\n    priority: high\n    due: 2025-10-09\n"
                    "    status: todo\n    owner: lina\n" for n, title in enumerate(titles))
    (project / FILE).write_text(HANDOVER.replace("tasks:\n", "tasks:\n" + tasks, 1), encoding="utf-8")
    return titles


def test_a_long_day_is_split_by_the_4096_byte_limit_and_each_reminder_posted_once(cli, project: Path,
                                                                                 vendors: Vendors,
                                                                                 tmp_path: Path) -> None:
    titles = long_day(project, 40)
    state = tmp_path / "sent.json"
    code, _, err = send(cli, project, state, "wecom", "feishu")
    assert code == 0, err
    contents = [message["markdown"]["content"] for message in vendors.received["wecom"]]
    assert len(contents) > 2 and all(len(c.encode("utf-8")) <= 4096 for c in contents)
    assert all(f"({n}/{len(contents)})" in c for n, c in enumerate(contents, start=1))
    assert all(c.count("**李娜**") + c.count("**王芳**") >= 1 for c in contents)  # each part says whose items
    for title in titles:  # lina's and the manager's reminder of each, once each
        assert sum(c.count(f"「{title}」") for c in contents) == 2
    posts = [feishu_text(message) for message in vendors.received["feishu"]]
    assert sum(p.count(f"「{titles[0]}」") for p in posts) == 2
    assert len(load_ledger(state, "wecom")[TODAY]) == len(load_ledger(state, "feishu")[TODAY]) == 2 * len(titles) + 4


def test_messages_are_paced_to_the_robots_rate_limit(project: Path, vendors: Vendors) -> None:
    long_day(project, 40)
    today = dt.date.fromisoformat(TODAY)
    session = Session(Project.at(project), today)
    handbook = session.check().handbook
    assert handbook is not None
    day = reminders_for_day(handbook, session.audits(handbook), session.policy, session.calendar, today)

    class TwoAMinute(WeCom):  # 企业微信's rule (20 a minute) made small enough to hit with a few messages
        windows = ((2, 60.0),)

    now, waits = [1000.0], []

    def pause(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    [wecom] = open_channels(["wecom"])
    delivery = TwoAMinute(wecom.url).deliver(outbox(today, day.reminders, handbook, project), None, pause=pause,
                                             clock=lambda: now[0])
    assert delivery.ok and delivery.messages == len(vendors.received["wecom"]) > 4
    assert waits == [60.0] * ((delivery.messages - 1) // 2)  # every third message waits for the minute to pass


def test_overdue_items_in_words_and_as_data_on_the_webhook(cli, project: Path, vendors: Vendors,
                                                          tmp_path: Path) -> None:
    code, _, err = send(cli, project, tmp_path / "sent.json", "webhook", today="2025-10-13")
    assert code == 0, err
    [document] = vendors.received["webhook"]
    [manager] = document["people"]
    assert (manager["id"], manager["name"], document["date"]) == ("wangfang", "王芳", "2025-10-13")
    [handover] = manager["handovers"]
    assert handover["url"] == PAGE and handover["title"] == "张伟的销售交接"
    first = handover["reminders"][0]
    assert (first["item"], first["due"], first["working_days_left"]) == ("T-01", "2025-10-09", -3)
    assert first["text"] == "李娜负责的「发送续约报价」2025-10-09（周四）到期，已逾期 3 个工作日。"
    assert first["text_en"] == "Li Na's “发送续约报价” was due on Thu 2025-10-09: 3 working days overdue."
    assert "mobile" not in json.dumps(document) and "13800138000" not in json.dumps(document)


def test_an_awaited_sign_off_is_asked_for_in_words(cli, empty_project: Path, vendors: Vendors,
                                                   tmp_path: Path) -> None:
    base = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
    GitRepo(empty_project).commit("Handover", by="zhangwei", files={FILE: base},
                                  trailers=(f"Signed-off-by: zhangwei <{email('zhangwei')}>",))
    code, _, err = send(cli, empty_project, tmp_path / "sent.json", "webhook", today="2026-11-10")
    assert code == 0, err
    [lina] = [p for p in vendors.received["webhook"][0]["people"] if p["id"] == "lina"]
    texts = [(r["text"], r["text_en"]) for h in lina["handovers"] for r in h["reminders"]]
    assert ("请以接手人身份核对这份交接的当前版本并签字确认：最后工作日是 2026-11-13（周五），还有 3 个工作日。",
            "Please check the current version of this handover and sign it off as successor: the last day is "
            "Fri 2026-11-13, 3 working days left.") in texts


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


def test_email_says_the_same_words_as_the_groups(cli, project: Path, vendors: Vendors, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        monkeypatch.setenv("HANDOVER_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("HANDOVER_SMTP_PORT", str(port))
        monkeypatch.setenv("HANDOVER_SMTP_TLS", "none")
        monkeypatch.setenv("HANDOVER_LANG", "zh")
        state = tmp_path / "sent.json"
        code, out, err = send(cli, project, state, "email", "wecom")
    finally:
        controller.stop()
    assert code == 0, err
    assert "已发出 3 封邮件" in err and "企业微信（wecom）：已发出 1 条消息" in err
    body = next(m for m in inbox.messages if "wangfang@example.com" in m["To"]).get_payload(decode=True).decode()
    assert body.startswith("王芳，您好：") and "Hello Wang Fang," in body and PAGE in body
    entry = "李娜负责的「发送续约报价」2025-10-09（周四）到期，还有 1 个工作日。"
    assert entry in body and entry in vendors.received["wecom"][0]["markdown"]["content"]
    # The terminal says it too, under the person's name and the handover's title, as the e-mail does.
    assert f"  - {entry}" in body.splitlines() and f"    - {entry}" in out.splitlines()
    assert out.splitlines()[out.splitlines().index("王芳 <wangfang@example.com>") + 1] == f"  张伟的销售交接：{PAGE}"
    assert recorded(state) == {"email": {"lina", "liuyang", "wangfang"}, "wecom": {"lina", "liuyang", "wangfang"}}


def test_markup_in_a_title_stays_text_in_every_group(cli, project: Path, vendors: Vendors, tmp_path: Path) -> None:
    hostile = "<@all> [点我](https://evil.example/) **急**"
    (project / FILE).write_text(HANDOVER.replace("title: 发送续约报价", f"title: '{hostile}'"), encoding="utf-8")
    code, _, err = send(cli, project, tmp_path / "sent.json", *ROBOTS)
    assert code == 0, err
    for text in (vendors.received["wecom"][0]["markdown"]["content"],
                 vendors.received["dingtalk"][0]["markdown"]["text"]):
        assert "<@all>" not in text and "](https://evil" not in text and "**急**" not in text
        assert "＜@all＞ ［点我］(https://evil.example/) ＊＊急＊＊" in text
    assert hostile in feishu_text(vendors.received["feishu"][0])  # a post's text element is never markup


def test_site_url_is_read_without_mkdocs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nsite_url: !ENV [HANDOVER_TEST_SITE, 'https://fallback.example/']\n"
                      "use_directory_urls: false\nhooks: !!python/name:os.system\n", encoding="utf-8")
    site, note = read_site(config)
    assert site == SiteAddress("https://fallback.example/", directory_urls=False) and note == ""
    assert site.page("2026 a") == "https://fallback.example/handovers/2026%20a.html"
    monkeypatch.setenv("HANDOVER_TEST_SITE", "https://kb.example.com")
    assert read_site(config)[0] == SiteAddress("https://kb.example.com", directory_urls=False)

    (tmp_path / "child.yml").write_text("INHERIT: mkdocs.yml\nsite_name: y\n", encoding="utf-8")
    assert read_site(tmp_path / "child.yml")[0] == SiteAddress("https://kb.example.com", directory_urls=False)
    config.write_text("site_name: x\n", encoding="utf-8")
    site, note = read_site(config)
    assert site is None and "add 'site_url: https://…'" in note
    config.write_text("site_url: javascript:alert(1)\n", encoding="utf-8")
    assert read_site(config)[0] is None
    # A line break or tab inside would forge lines in the terminal and the e-mail; urlsplit alone drops them.
    for forged in ('"https://kb.example.com/\\n张伟: 已签字"', '"https://kb.example.com/\\tx"', '"https://kb.example.com/ x"'):
        config.write_text(f"site_url: {forged}\n", encoding="utf-8")
        assert read_site(config)[0] is None, forged


def test_a_missing_site_url_is_noted_and_reminders_still_go_out(cli, project: Path, vendors: Vendors,
                                                               tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"site_url: {SITE}\n", ""), encoding="utf-8")
    code, _, err = send(cli, project, tmp_path / "sent.json", "wecom")
    assert code == 0, err
    assert "note: mkdocs.yml has no site_url" in err
    assert "打开 / open" not in vendors.received["wecom"][0]["markdown"]["content"]


def test_the_state_file_keeps_each_channel_and_reads_the_old_layout(tmp_path: Path) -> None:
    state = tmp_path / "sent.json"
    state.write_text(json.dumps({"sent": {TODAY: ["lina|a.yaml|T-01|due-soon"]}}), encoding="utf-8")
    assert load_ledger(state) == {TODAY: ["lina|a.yaml|T-01|due-soon"]}  # written by e-mail before channels
    save_ledger(state, {TODAY: ["wangfang|a.yaml|T-01|due-soon"]}, dt.date.fromisoformat(TODAY), "wecom")
    assert load_channels(state) == {"email": {TODAY: ["lina|a.yaml|T-01|due-soon"]},
                                    "wecom": {TODAY: ["wangfang|a.yaml|T-01|due-soon"]}}


def test_roster_chat_ids_are_documented_and_the_mobile_number_is_restricted(cli, project: Path) -> None:
    schemas = SchemaSet(project / "schemas", project / "role_templates")
    person = schemas.tree(schemas.people_schema).properties["people"].items
    assert person is not None
    for field in ("wecom_userid", "dingtalk_userid", "mobile", "feishu_open_id"):
        assert " / " in person.properties[field].title and person.properties[field].description
    assert person.properties["mobile"].sensitivity == "restricted"

    people = project / "handbook" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace(f'mobile: "{MOBILE}"', "mobile: 13800138000")
                      .replace(LINA_OPEN_ID, "lina-open-id"), encoding="utf-8")
    code, out, err = cli("check", root=project)
    assert code == 1
    assert "feishu open_id" in out.lower() and "mobile" in out.lower()  # the places in words
    assert "13800138000" not in out + err


def test_a_refused_robot_is_explained_in_chinese_with_what_to_do(cli, project: Path, vendors: Vendors, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOVER_LANG", "zh")
    removed = os.environ["HANDOVER_WECOM_WEBHOOK"].replace(WECOM_KEY, "wx-removed-robot")  # a robot taken off the group
    monkeypatch.setenv("HANDOVER_WECOM_WEBHOOK", removed)
    monkeypatch.setenv("HANDOVER_DINGTALK_SECRET", "SECnot-the-robots-secret")
    state = tmp_path / "sent.json"
    code, out, err = send(cli, project, state, "wecom", "dingtalk")
    assert code == 1 and vendors.received["wecom"] == vendors.received["dingtalk"] == []
    wecom = next(line for line in err.splitlines() if line.startswith("企业微信（wecom）：有 "))
    assert wecom.startswith("企业微信（wecom）：有 4 条提醒没能发出（李娜、刘洋、王芳）：企业微信返回错误 93000：invalid webhook url")
    assert "HANDOVER_WECOM_WEBHOOK 不是可用的群机器人地址（机器人可能已被移除）：请在群里打开机器人的设置，重新复制 webhook 地址" in wecom
    assert wecom.endswith(f"然后用 --state {state} 再运行同一条命令，只发这些")
    ding = next(line for line in err.splitlines() if line.startswith("钉钉（dingtalk）：有 "))
    assert "钉钉返回错误 310000：sign not match" in ding and "是机器人“加签”设置里的密钥（以 SEC 开头），并且这台机器的时钟准确" in ding
    assert not any(words in err for words in ("could not", "answered", "check ", "run the same", "WeCom", "DingTalk"))
    assert "wx-removed-robot" not in err and "SECnot" not in err
    assert "李娜 <lina@example.com>" in out and "due-soon" not in out


def test_a_state_file_that_cannot_be_written_stops_a_robot_in_chinese(cli, project: Path, vendors: Vendors,
                                                                      tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOVER_LANG", "zh")
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    state = tmp_path / "not-a-folder" / "sent.json"
    code, _, err = send(cli, project, state, "wecom")
    assert code == 1 and vendors.tries["wecom"] == 0
    assert f"企业微信（wecom）：无法写入提醒记录文件 {state}（" in err
    assert "），所以停止了发送：还什么都没有发出；请让它所在的文件夹可写，或用 --state 换一个文件，然后再运行一次" in err


def test_the_terminal_names_each_page_when_given_the_outbox(project: Path) -> None:
    today = dt.date.fromisoformat(TODAY)
    session = Session(Project.at(project), today)
    handbook = session.check().handbook
    assert handbook is not None
    day = reminders_for_day(handbook, session.audits(handbook), session.policy, session.calendar, today)
    box = outbox(today, day.reminders, handbook, project, day.day_off)
    with use_language("zh"):
        lines = render("reminders", "text", box).splitlines()
    assert lines[:2] == ["李娜 <lina@example.com>", f"  张伟的销售交接：{PAGE}"]
    assert render("reminders", "json", box) == render("reminders", "json", day)
