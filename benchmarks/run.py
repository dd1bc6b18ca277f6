#!/usr/bin/env python
"""Benchmark handover-kb against the tools it is built on, side by side, in one run.

    python benchmarks/run.py                      # N=1000 handovers, median of 3
    python benchmarks/run.py --handovers 200 --repeat 1
    python benchmarks/run.py --scale              # N=1000 and N=5000 (per-page cost)
    python benchmarks/run.py --json results.json  # also write the figures as JSON
    python benchmarks/run.py --profile            # cProfile one build of ours, show where time goes

What is compared (see benchmarks/README.md):

1. check      ``check_handbook`` (and the ``handover check`` CLI) against reading + parsing the same
              files with ``yaml.load(..., Loader=yaml.CSafeLoader)``.          target <= 1.50x
2. build cold ``handover build`` (``generator.site.build_site``) against a plain ``mkdocs build`` of
              the very same pages written to disk, same theme/extensions/search/nav/validation but
              without the handover plugin. Fresh subprocess per build.       target <= 1.25x
3. build warm the same, building again with nothing changed since the last build (a second build
              in the same process, and a build in a new process over the previous output).
                                                                             target <= 1.10x
4. scaling    (our cold build seconds / N) at 5N against at N (``--scale``).   target <= 1.10x

The synthetic handbook is generated in a temporary folder and is deterministic (``--seed``).
Everything runs locally and sequentially. Nothing in the repository is modified.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TODAY = "2026-11-22"  # fixed 'today' for the plugin and the baseline: reproducible states and pages

TARGETS = {"check": 1.50, "check_cli": 1.50, "build_cold": 1.25, "build_warm": 1.10, "build_warm_new": 1.10,
           "scaling": 1.10}

# ----------------------------------------------------------------------------------------------
# YAML writing helpers
# ----------------------------------------------------------------------------------------------

_UNSAFE_PLAIN = re.compile(r"""[\[\]{},#&*!|>'"%@`\\]|: |:$|^[-?:<=~]|^\s|\s$|\t|\n""")
_NUMBERISH = re.compile(r"[-+0-9.eExXoO_:]+")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", ""}


def s(value: object) -> str:
    """A YAML scalar: plain when that is unambiguous (as people write it), else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _UNSAFE_PLAIN.search(text) or text.lower() in _RESERVED or _NUMBERISH.fullmatch(text):
        return json.dumps(text, ensure_ascii=False)
    return text


def q(value: str) -> str:
    """Always quoted (ids, phones, amounts, references: the guide tells people to quote them)."""
    return json.dumps(value, ensure_ascii=False)


def money(value: str, currency: str = "CNY") -> str:
    return f"{{value: {q(value)}, currency: {currency}}}"


def flow(pairs: list[tuple[str, str]]) -> str:
    """A flow mapping from already-rendered values."""
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


def folded(key: str, text: str, indent: int, width: int = 70) -> list[str]:
    """``key: >-`` with the text wrapped at Chinese punctuation, as the sample files do."""
    pad = " " * indent
    if len(text) <= width:
        return [f"{pad}{key}: {s(text)}"]
    lines, current = [], ""
    for piece in re.split(r"(?<=[。；，！？])", text):
        if current and len(current) + len(piece) > width:
            lines.append(current)
            current = ""
        current += piece
    if current:
        lines.append(current)
    return [f"{pad}{key}: >-"] + [f"{pad}  {line}" for line in lines]


# ----------------------------------------------------------------------------------------------
# Vocabulary
# ----------------------------------------------------------------------------------------------

CITIES = ["上海", "苏州", "杭州", "南京", "无锡", "宁波", "常州", "嘉兴", "合肥", "武汉", "成都", "重庆", "西安", "青岛", "济南", "天津", "北京", "广州", "深圳", "东莞", "佛山", "厦门", "福州", "长沙", "郑州", "昆明", "南昌", "太原", "沈阳", "大连", "温州", "绍兴", "台州", "南通", "扬州", "徐州", "烟台", "潍坊", "珠海", "中山"]
BRAND = list("澄泓康屹禾鲜甬通科瑞达安和润邦恒远启明华辰嘉宏盛鼎新信诚德泰丰汇腾跃博景晟弘昌荣峰源海川立方聚合益光天元联创"
             "中金银星宇航力美佳欣悦祥福寿宁远兴隆振宝东南西北正大同仁善思睿智捷迅驰")
COMPANY_KINDS = [  # (name suffix, industry, product they use, pain)
    ("精密机械有限公司", "制造（精密机械加工）", "设备振动与温度监测终端", "停机损失大，希望把告警接进自己的 MES"),
    ("医疗器械有限公司", "医疗器械（体外诊断试剂）", "冷链温湿度监测终端和 GSP 报表模块", "药监飞行检查对温度记录完整性要求高"),
    ("食品有限公司", "制造（食品加工）", "冷库温度监测终端", "冷库温度波动导致整批产品报废"),
    ("冷链物流有限公司", "物流（冷链运输）", "车载温度监测终端", "货主投诉温度记录不全，理赔难以举证"),
    ("医药物流有限公司", "医药物流", "冷库与车载一体化监测平台", "验证文件（IQ/OQ）准备工作量大"),
    ("电子有限公司", "制造（电子元器件）", "SMT 车间温湿度监测终端", "湿度超标引起焊接不良，追溯困难"),
    ("商贸有限公司", "零售（生鲜连锁）", "门店冷柜监测", "门店损耗率高，店员不会看数据"),
    ("生物科技有限公司", "生物医药", "超低温冰箱监测终端", "样本库夜间无人值守，告警要打到手机"),
    ("新能源科技有限公司", "新能源（电池材料）", "干燥房露点监测", "露点超标造成批次报废，损失以百万计"),
    ("汽车零部件有限公司", "汽车零部件", "设备预测性维护平台", "主机厂审核要求设备点检记录可追溯"),
    ("化工有限公司", "精细化工", "储罐温度与液位监测", "安监要求数据实时上传园区平台"),
    ("乳业有限公司", "乳制品", "牧场与工厂冷链监测", "巴氏奶保质期短，运输途中温度必须全程可查"),
    ("制药有限公司", "制药", "洁净区环境监测系统", "GMP 审计对数据完整性（ALCOA+）要求严格"),
    ("半导体有限公司", "半导体", "洁净室微环境监测", "微振动和温漂影响良率，需要秒级数据"),
    ("仓储有限公司", "仓储", "多温区仓库监测", "客户要求按温区出具月度报告"),
    ("酒店管理有限公司", "酒店", "后厨冷库与能耗监测", "食品安全检查频繁，人工记录容易漏"),
]
SURNAMES = [("李", "li"), ("王", "wang"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("赵", "zhao"),
            ("黄", "huang"), ("周", "zhou"), ("吴", "wu"), ("徐", "xu"), ("孙", "sun"), ("胡", "hu"), ("朱", "zhu"),
            ("高", "gao"), ("林", "lin"), ("何", "he"), ("郭", "guo"), ("马", "ma"), ("罗", "luo"), ("梁", "liang"),
            ("宋", "song"), ("郑", "zheng"), ("谢", "xie"), ("韩", "han"), ("唐", "tang"), ("冯", "feng"), ("董", "dong"),
            ("程", "cheng"), ("曹", "cao"), ("袁", "yuan"), ("邓", "deng"), ("许", "xu"), ("沈", "shen"), ("彭", "peng"),
            ("蒋", "jiang"), ("蔡", "cai"), ("魏", "wei"), ("叶", "ye"), ("钱", "qian"), ("陆", "lu"), ("顾", "gu")]
GIVEN = [("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
         ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("涛", "tao"),
         ("明", "ming"), ("超", "chao"), ("华", "hua"), ("建华", "jianhua"), ("志刚", "zhigang"), ("建国", "jianguo"),
         ("海涛", "haitao"), ("晓燕", "xiaoyan"), ("俊", "jun"), ("平", "ping"), ("鹏", "peng"), ("辉", "hui"),
         ("玲", "ling"), ("斌", "bin"), ("宇", "yu"), ("浩", "hao"), ("凯", "kai"), ("琳", "lin"), ("雪", "xue"),
         ("颖", "ying"), ("婷", "ting"), ("文博", "wenbo"), ("国平", "guoping"), ("卫东", "weidong"), ("露", "lu")]
TITLES = ["采购总监", "设备部技术经理", "质量部经理", "总经理", "副总经理", "财务经理", "IT 主管", "运营副总", "厂务经理",
          "仓储主管", "采购专员", "技术总监", "生产副总", "行政总监", "信息化负责人", "EHS 经理"]
DECISION_ROLES = ["decision-maker", "influencer", "user", "gatekeeper"]
CARES = ["性价比与三年总成本", "产品稳定性与误报率", "流程合规、单据齐全", "价格与账期", "GSP 合规、温度数据完整",
         "告警少而准", "与现有系统对接", "损耗率下降", "巡检准时", "验证文件齐全", "售后响应速度", "数据能否导出给审计"]
CHAIN_ROLES = ["最终拍板", "技术评估，有一票否决", "采购执行与商务谈判", "预算审批", "使用部门负责人", "方案评估与项目负责人"]
RELATIONS = ["关系好，喜欢看投入产出测算表", "主要支持者，每季度回访一次并带上运行报告", "只见过两次，需要总监级别陪同",
             "对换人有抵触，先别谈新单", "配合度高，数据问题直接找他", "比较谨慎，材料要提前一周发"]
STAGES = ["lead", "qualified", "proposal", "negotiation", "contract", "renewal", "dormant"]
PAYMENT = ["季度初开票，账期 60 天，对公转账", "年付，每年 3 月开票，账期 30 天", "半年付，每年 4 月、10 月开票，账期 90 天",
           "按月结算，次月 10 日前付款", "验收后一次性付清，账期 45 天"]
OPP_TITLES = ["二期产线扩容", "新厂区监测项目", "MES 告警对接", "全量门店铺开", "车队车载监测", "年度平台订阅升级",
              "新冷库点位改造", "集团统一采购框架", "GSP 报表模块升级", "能耗监测试点"]
BLOCKERS = ["客户要求先做可行性验证；竞品报价低约 12%。", "折扣超过 10% 需要销售总监审批，客户预算下季度才批。",
            "客户内部在评估自建方案，决策时间不确定。", "咨询部还在评估流量成本，方案总价可能要调整。",
            "客诉未结，客户明确说先把事情处理完再谈。"]
NEXT_STEPS = ["与技术部约定接口验证方案并报给客户", "提交分两期付款的报价方案", "约客户做现场点位勘察",
              "拿到咨询部的实施方案评估后更新报价", "安排三方见面会", "发送续约报价并抄送采购"]
PREFS = ["习惯微信语音，上午 10 点后；正式报价必须走邮件。", "只接受上午电话；附件要 PDF。", "企业微信群沟通，群主待转给接手人。",
         "习惯当面谈，每次拜访提前一周预约。", "只用邮件沟通，回复较慢但很认真。"]
TABOOS = ["不要绕过技术负责人直接找老板；月底最后三天不要谈付款。", "客诉期间不要推销新产品。",
          "不要在周末门店高峰期打电话。", "不要拿其他客户做案例，他们彼此认识。"]
NOTES = ["续约报价须在月初前发出，客户要走内部比价流程，至少要两周。", "赔偿方案未定之前，所有对外书面回复先给负责人过目。",
         "每年春节前问候一次即可，明年 3 月可试探扩产计划。", "客户财务每月 25 日统一付款，发票要在 15 日前寄到。",
         "对接人下半年在读在职 MBA，周四晚上不便联系。", "客户每年 3 月和 9 月迎接审计，这两个月只谈审计相关的事。"]
COMPLAINTS = ["探头漏报高温，一批货物被隔离，要求出具根因报告并赔偿损失", "平台连续两天无法登录，要求说明原因并减免服务费",
              "安装延期一周影响验收，要求补偿", "告警短信延迟半小时，要求整改"]
TASK_TITLES = ["补录近三个月全部客户拜访记录到 CRM", "发出年度续约报价", "取回客户现场的演示箱", "把根因报告正式发给客户",
               "决定是否兑现续约单价不上涨的口头承诺", "与财务核对应收台账", "整理竞品分析并放到团队空间",
               "给接手人讲解报价系统的折扣审批", "更新客户关系图谱", "安排与客户的三方见面会", "完成季度回款催收",
               "把个人网盘里的方案迁到团队空间", "补全合同扫描件", "交接企业微信客户群群主"]
DOC_KINDS = ["contract", "proposal", "plan", "report", "minutes", "requirements", "design", "manual", "template", "data"]
SYSTEMS = [("CRM", "crm"), ("报价系统", "quote"), ("企业微信客户群", "wecom"), ("供应商门户", "supplier"), ("OA 审批", "oa"),
           ("项目管理平台", "pm"), ("云盘团队空间", "drive"), ("邮件群组", "mail"), ("GitLab", "git"), ("监控平台", "monitor"),
           ("VPN", "vpn"), ("采购平台", "purchase"), ("财务报销系统", "expense"), ("知识库", "wiki")]
DOC_LABELS = {"contract": "合同", "proposal": "建议书", "plan": "执行方案", "report": "报告", "minutes": "会议纪要",
              "requirements": "需求文档", "design": "设计文档", "manual": "手册", "template": "模板", "data": "数据"}
ASSET_ITEMS = ["笔记本电脑", "工作手机", "外接显示器", "演示箱", "加密 U 盘", "工牌", "门禁卡", "移动硬盘"]
KNOWLEDGE = [("客户的付款节奏", "客户财务每月 25 日统一付款，发票要在 15 日前寄到，否则顺延一个月。催款找采购专员，不要找老板。"),
             ("审计季", "客户每年 3 月和 9 月迎接审计，这两个月对接人很忙，只谈审计相关的事，别约新项目。"),
             ("报价折扣权限", "折扣 10% 以内自批，10%–20% 需总监审批，超过 20% 要总经理签字，审批一般两个工作日。"),
             ("年底采购节奏", "12 月 20 日以后财务停止受理当年付款，年底前要买的东西最晚 12 月 15 日提交审批。"),
             ("告警刷屏怎么办", "第三方故障恢复后会集中重放回调，一小时内可能有上万条；幂等已处理，可以先静默 30 分钟。"),
             ("报修的门道", "物业报修电话只登记不催办，紧急维修直接在物业群里找工程部主管，并附照片。"),
             ("合同归档", "合同原件交法务归档，扫描件放在合同系统，客户要复印件时从合同系统导出并加水印。"),
             ("演示环境", "演示环境每晚 2 点重置数据，给客户演示前一天要确认演示账号还能登录。")]
TOOLS = [("CRM 商机看板", "查看商机阶段与下次联系时间", "https://crm.example.com/pipeline"),
         ("报价系统", "生成报价单并走折扣审批", "https://quote.example.com"),
         ("产品手册与规格书", "终端型号、参数与认证文件", "docs/sales/产品手册-2026.pdf"),
         ("竞品分析", "主要竞品的价格和弱点", "https://wiki.example.com/sales/competitors"),
         ("方案模板库", "常用方案与报价模板", "https://wiki.example.com/sales/templates"),
         ("客户拜访记录模板", "拜访后 24 小时内填写", "docs/sales/拜访记录模板.docx")]
INTERNAL_FOR = ["回款对账与开票", "根因分析与固件升级", "实施方案评估", "离职手续与交接归档", "合同审批", "代码评审、发布审批",
                "报销审核与发票问题", "采购审批、供应商合同", "新员工入职名单与门禁卡", "测试环境与回归测试"]
EVIDENCE = ["见本文件对应部分，已当面讲解", "会议纪要已归档到团队空间", "已在系统中核对并截图存档", "接手人已邮件确认",
            "负责人已审核签字"]


# ----------------------------------------------------------------------------------------------
# The synthetic handbook
# ----------------------------------------------------------------------------------------------

ROLE_DEPARTMENT = {"sales": "sales", "consultant": "consulting", "engineer": "engineering", "admin": "admin"}
ROLE_PATTERN = ["sales"] * 5 + ["consultant"] * 2 + ["engineer"] * 2 + ["admin"]


class Synth:
    """Writes valid, realistic handover files. One RNG, used in order: file k is the same for every N > k."""

    def __init__(self, seed: int, roster: dict[str, Any], checklists: dict[str, list[tuple[str, str]]],
                 target_lines: int = 250, customer_fields: dict[str, set[str]] | None = None) -> None:
        self.rng = random.Random(seed)
        # Optional customer fields each role's schema knows (schemas evolve; write only what they accept).
        self.customer_fields = customer_fields or {}
        self.target = target_lines
        self.checklists = checklists
        self.people = {p["id"]: p for p in roster["people"]}
        self.heads = {d["id"]: d.get("head") for d in roster["departments"]}
        self.members: dict[str, list[str]] = {}
        for person in roster["people"]:
            self.members.setdefault(person["department"], []).append(person["id"])
        self.everyone = list(self.people)
        self.customers: list[tuple[str, str, int]] = []  # (id, name, kind index): the company-wide pool
        self.used_names: set[str] = set()
        self.next_customer = 100001
        self.role_cycle: list[str] = []

    # -- small pieces ---------------------------------------------------------------------------
    def pick(self, seq: Any) -> Any:
        return self.rng.choice(seq)

    def person_name(self) -> tuple[str, str]:
        (sur, sur_py), (given, given_py) = self.pick(SURNAMES), self.pick(GIVEN)
        return sur + given, f"{sur_py}.{given_py}"

    def phone(self) -> str:
        r = self.rng
        return f"+86 1{r.choice('3589')}{r.randint(0, 9)} {r.randint(0, 9999):04d} {r.randint(0, 9999):04d}"

    def amount(self, low: int = 20, high: int = 6000) -> str:
        return f"{self.rng.randint(low, high) * 100}.00"

    def date_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def new_customer(self) -> tuple[str, str, int]:
        while True:
            kind = self.rng.randrange(len(COMPANY_KINDS))
            name = self.pick(CITIES) + self.pick(BRAND) + self.pick(BRAND) + COMPANY_KINDS[kind][0]
            if name not in self.used_names:
                break
        self.used_names.add(name)
        customer = (f"C-{self.next_customer}", name, kind)
        self.next_customer += 1
        self.customers.append(customer)
        return customer

    def customers_for(self, count: int, reuse: float = 0.25) -> list[tuple[str, str, int]]:
        """Some customers were handed over before (same id, same name): the customer index gets chains."""
        chosen: dict[str, tuple[str, str, int]] = {}
        while len(chosen) < count:
            if self.customers and self.rng.random() < reuse:
                customer = self.pick(self.customers)
                if customer[0] in chosen:
                    continue
            else:
                customer = self.new_customer()
            chosen[customer[0]] = customer
        return list(chosen.values())

    # -- the common envelope --------------------------------------------------------------------
    def parties(self, role: str) -> tuple[str, list[str], str]:
        department = ROLE_DEPARTMENT[role]
        head = self.heads.get(department)
        staff = [p for p in self.members[department] if p != head] or self.members[department]
        leaver = self.pick(staff)
        manager = head if head and head != leaver else self.pick([p for p in self.everyone if p != leaver])
        pool = [p for p in self.members[department] if p not in (leaver, manager)]
        if not pool:
            pool = [p for p in self.everyone if p not in (leaver, manager)]
        count = min(len(pool), self.rng.choices([1, 2, 3], [40, 45, 15])[0])
        return leaver, self.rng.sample(pool, count), manager

    def header(self, role: str, index: int) -> dict[str, Any]:
        leaver, successors, manager = self.parties(role)
        last_day = self.date_between(dt.date(2019, 1, 7), dt.date(2027, 6, 30))
        short = self.rng.random() < 0.1  # most leavers give the policy's 30 days; some do not
        notice = last_day - dt.timedelta(days=self.rng.randint(14, 29) if short else self.rng.randint(30, 75))
        start = notice + dt.timedelta(days=self.rng.randint(2, 8))
        end = max(start, last_day - dt.timedelta(days=self.rng.randint(0, 3)))
        complete = last_day < dt.date(2026, 10, 1) and self.rng.random() < 0.85
        return {"role": role, "leaver": leaver, "successors": successors, "manager": manager, "last_day": last_day,
                "notice": notice, "start": start, "end": end, "complete": complete,
                "stem": f"{last_day:%Y-%m}-{leaver}-{role}-{index:05d}"}

    def name(self, person_id: str) -> str:
        return str(self.people[person_id]["name"])

    def envelope(self, h: dict[str, Any], scope: str) -> list[str]:
        leaver, successors = h["leaver"], h["successors"]
        names = "、".join(self.name(p) for p in successors)
        title = self.people[leaver].get("title", "")
        lines = [
            f"# yaml-language-server: $schema=../../schemas/roles/{h['role']}.schema.json",
            f"# {self.name(leaver)}（{title}）离职交接：{scope}，交给{names}。",
            "schema_version: 1",
            f"role: {h['role']}",
            f"leaver: {leaver}",
            f"successors: [{', '.join(successors)}]",
            f"manager: {h['manager']}",
            f"notice_date: {h['notice']}",
            f"last_day: {h['last_day']}",
            "transition:",
            f"  start: {h['start']}",
            f"  end: {h['end']}",
        ]
        lines += folded("notes", f"过渡期内每周二、周四与{names}一起处理日常事务并逐项讲解；{self.name(h['manager'])}"
                                 f"每周五检查一次进度。{self.name(leaver)}离职后可通过{self.name(h['manager'])}联系，仅限答疑。"
                                 f"共同拜访和交接会议的纪要都放在团队空间。", 2)
        lines.append("")
        lines += folded("summary", f"{scope}，交给{names}。最需要注意：{self.pick(NOTES)}"
                                   f"{'所有清单项已完成，三方交接会议纪要已签字。' if h['complete'] else '部分清单项尚未完成，见 tasks 与 checklist。'}"
                                   f"{self.pick(KNOWLEDGE)[1]}", 0)
        lines.append("")
        return lines

    def status(self, h: dict[str, Any], choices: tuple[str, ...] = ("todo", "doing", "done", "blocked")) -> str:
        return "done" if h["complete"] else self.pick(choices)

    def tasks(self, h: dict[str, Any], count: int, owners: list[str]) -> list[str]:
        lines = ["tasks:"]
        for number in range(1, count + 1):
            due = h["last_day"] + dt.timedelta(days=self.rng.randint(-20, 30))
            owner = self.pick(owners)
            title = self.pick(TASK_TITLES)
            if self.rng.random() < 0.6:
                lines.append("  - " + flow([("id", f"T-{number:02d}"), ("title", s(title)),
                                             ("priority", self.pick(["high", "medium", "low"])), ("due", str(due)),
                                             ("status", self.status(h)), ("owner", owner)]))
                continue
            lines += [f"  - id: T-{number:02d}", f"    title: {s(title)}",
                      f"    priority: {self.pick(['high', 'medium', 'low'])}", f"    due: {due}",
                      f"    status: {self.status(h)}", f"    owner: {owner}"]
            if self.rng.random() < 0.3:
                who, _ = self.person_name()
                lines += ["    verbal_commitment: true", f"    promised_to: {s(who + ' ' + self.pick(TITLES))}"]
            lines += folded("notes", "".join(self.rng.sample(NOTES, 2)), 4)
        return lines + [""]

    def documents(self, h: dict[str, Any], count: int, area: str) -> list[str]:
        lines = ["documents:"]
        for number in range(count):
            kind = self.pick(DOC_KINDS)
            pairs = [("title", s(f"{self.pick(OPP_TITLES)}{DOC_LABELS[kind]}（第 {number + 1} 版）")), ("kind", kind),
                     ("location", f"https://drive.example.com/{area}/{h['stem']}/doc-{number + 1}")]
            if self.rng.random() < 0.6:
                pairs.append(("updated", str(h["last_day"] - dt.timedelta(days=self.rng.randint(1, 90)))))
            lines.append("  - " + flow(pairs))
        return lines + [""]

    def contacts(self, h: dict[str, Any], count: int) -> list[str]:
        others = [p for p in self.everyone if p != h["leaver"]]
        lines = ["contacts:"]
        for person in self.rng.sample(others, min(count, len(others))):
            lines.append("  - " + flow([("person", person), ("for", s(self.pick(INTERNAL_FOR)))]))
        return lines + [""]

    def access(self, h: dict[str, Any], count: int) -> list[str]:
        lines = ["access:"]
        for system, slug in self.rng.sample(SYSTEMS, min(count, len(SYSTEMS))):
            pairs = [("system", s(system)), ("account", s(f"{h['leaver']}@{slug}"))]
            if self.rng.random() < 0.5:
                pairs += [("action", "transfer"), ("to", self.pick(h["successors"]))]
            else:
                pairs.append(("action", "revoke"))
            pairs.append(("status", "done" if h["complete"] else self.pick(["pending", "done"])))
            if self.rng.random() < 0.25:
                pairs.append(("credential_ref", q(f"op://{h['role']}/{slug}-{h['leaver']}")))
            lines.append("  - " + flow(pairs))
        return lines + [""]

    def assets(self, h: dict[str, Any], count: int) -> list[str]:
        lines = ["assets:"]
        for item in self.rng.sample(ASSET_ITEMS, count):
            returned = h["complete"] or self.rng.random() < 0.6
            lines.append("  - " + flow([("item", s(item)), ("tag", q(f"IT-{self.rng.randint(2019, 2026)}-{self.rng.randint(1, 9999):04d}")),
                                        ("returned", s(returned))]))
        return lines + [""]

    def knowledge(self, count: int) -> list[str]:
        lines = ["knowledge:"]
        for topic, note in self.rng.sample(KNOWLEDGE, count):
            lines += [f"  - topic: {s(topic)}", f"    note: {s(note)}"]
        return lines + [""]

    def tools(self, key: str, count: int, area: str) -> list[str]:
        lines = [f"{key}:"]
        for name, purpose, location in self.rng.sample(TOOLS, min(count, len(TOOLS))):
            lines.append("  - " + flow([("name", s(name)), ("purpose", s(purpose)), ("location", s(location.replace("sales", area)))]))
        return lines + [""]

    def checklist(self, h: dict[str, Any]) -> list[str]:
        lines = ["checklist:"]
        for item_id, item in self.checklists[h["role"]]:
            state = "done" if h["complete"] else self.rng.choices(["done", "todo", "n/a"], [6, 3, 1])[0]
            pairs = [("id", item_id), ("item", s(item)), ("status", s(state))]
            if state != "todo" or self.rng.random() < 0.5:
                pairs.append(("evidence", s(self.pick(EVIDENCE))))
            lines.append("  - " + flow(pairs))
        return lines

    def key_account_follow_up(self, h: dict[str, Any], role: str, indent: str) -> list[str]:
        """A key customer is confirmed and contacted by the successor soon after the last day (mostly)."""
        lines = [f"{indent}handover_confirmed_by_customer: {s(h['complete'] or self.rng.random() < 0.9)}"]
        contacted = h["last_day"] + dt.timedelta(days=self.rng.randint(1, 2))
        if "successor_contacted" in self.customer_fields.get(role, set()) and contacted <= dt.date.fromisoformat(TODAY) \
                and (h["complete"] or self.rng.random() < 0.95):
            lines.append(f"{indent}successor_contacted: {contacted}")
        return lines

    # -- roles ----------------------------------------------------------------------------------
    def sales_customer(self, h: dict[str, Any], customer: tuple[str, str, int], groups: set[str],
                       counters: dict[str, int]) -> list[str]:
        cid, name, kind = customer
        suffix, industry, product, pain = COMPANY_KINDS[kind]
        year = h["last_day"].year
        out = [f"  - id: {q(cid)}", f"    name: {s(name)}"]
        if "key" in groups:
            out.append("    key_account: true")
        if "industry" in groups:
            out.append(f"    industry: {s(industry)}")
        out += [f"    stage: {self.pick(STAGES)}", f"    successor: {self.pick(h['successors'])}"]
        profile = f"{name[:2]}的{industry}企业，{year - self.rng.randint(1, 5)} 年起使用我们的{product}。痛点：{pain}。"
        if "long_profile" in groups:
            out += folded("profile", profile + self.pick(NOTES) + self.pick(NOTES), 4)
        else:
            out.append(f"    profile: {s(profile)}")
        contacts = [g for g in groups if g.startswith("contact")]
        if contacts:
            out.append("    contacts:")
            for _ in contacts:
                who, handle = self.person_name()
                pairs = [("name", s(who)), ("title", s(self.pick(TITLES))), ("decision_role", self.pick(DECISION_ROLES)),
                         ("cares_about", s(self.pick(CARES)))]
                if self.rng.random() < 0.6:
                    pairs.append(("phone", q(self.phone())))
                if self.rng.random() < 0.3:
                    pairs.append(("email", f"{handle}@{cid.lower()}.example.com"))
                out.append("      - " + flow(pairs))
        deals = [g for g in groups if g.startswith("deal")]
        if deals:
            out.append("    deals:")
            for number, _ in enumerate(deals):
                when = dt.date(year - len(deals) + number, self.rng.randint(1, 12), self.rng.randint(1, 28))
                out.append("      - " + flow([("date", str(when)), ("title", s(f"{when.year} 年度{product}")),
                                              ("amount", money(self.amount()))]))
        if "contract" in groups:
            out += ["    contract:", f"      amount: {money(self.amount())}", f"      payment_terms: {s(self.pick(PAYMENT))}",
                    f"      renewal_date: {h['last_day'] + dt.timedelta(days=self.rng.randint(10, 300))}",
                    f"      location: https://contracts.example.com/sales/{cid}/{year}"]
        chain = [g for g in groups if g.startswith("chain")]
        if chain:
            out.append("    relationship_map:")
            for _ in chain:
                who, _ = self.person_name()
                out.append("      - " + flow([("name", s(who)), ("role", s(self.pick(CHAIN_ROLES))), ("cares_about", s(self.pick(CARES))),
                                              ("relationship", s(self.pick(RELATIONS)))]))
        opps = [g for g in groups if g.startswith("opp")]
        if opps:
            out.append("    opportunities:")
            for _ in opps:
                counters["opp"] += 1
                out.append("      - " + flow([("id", f"OPP-{year}-{counters['opp']:04d}"), ("title", s(self.pick(OPP_TITLES))),
                                              ("amount", money(self.amount())), ("risk", self.pick(["high", "medium", "low"])),
                                              ("blockers", s(self.pick(BLOCKERS))), ("next_step", s(self.pick(NEXT_STEPS))),
                                              ("due", str(h["last_day"] + dt.timedelta(days=self.rng.randint(5, 60))))]))
        if "complaint" in groups:
            counters["cp"] += 1
            out += ["    complaints:", f"      - id: CP-{year}-{counters['cp']:03d}",
                    f"        opened: {h['last_day'] - dt.timedelta(days=self.rng.randint(5, 40))}",
                    f"        demand: {s(self.pick(COMPLAINTS))}"]
            out += folded("progress", self.pick(NOTES) + self.pick(BLOCKERS) + self.pick(NOTES), 8)
            out.append(f"        escalate: {s(self.rng.random() < 0.5)}")
        if "communication" in groups:
            out += ["    communication:", f"      preferences: {s(self.pick(PREFS))}", f"      taboos: {s(self.pick(TABOOS))}"]
        if "key" in groups:
            out += self.key_account_follow_up(h, "sales", "    ")
        elif "confirmed" in groups:
            out.append(f"    handover_confirmed_by_customer: {s(h['complete'] or self.rng.random() < 0.7)}")
        if "notes" in groups:
            out.append(f"    notes: {s(self.pick(NOTES))}")
        return out

    # Optional parts of a sales customer and the lines each adds (approximately).
    SALES_GROUPS = [("industry", 1), ("confirmed", 1), ("contact1", 2), ("notes", 1), ("contact2", 1), ("key", 1),
                    ("deal1", 2), ("communication", 3), ("contract", 5), ("opp1", 2), ("chain1", 2), ("chain2", 1),
                    ("deal2", 1), ("contact3", 1), ("long_profile", 2), ("complaint", 6), ("opp2", 1), ("chain3", 1)]

    def sales(self, h: dict[str, Any]) -> str:
        count = self.rng.randint(20, 40)
        customers = self.customers_for(count)
        names = "、".join(c[1] for c in customers[:2])
        lines = self.envelope(h, f"共 {count} 个客户（含{names}等）")
        owners = [*h["successors"], h["manager"]]
        tail = (self.tasks(h, self.rng.randint(2, 4), owners) + self.documents(h, 3, "sales")
                + self.contacts(h, 3) + self.access(h, 3) + self.assets(h, 2) + self.knowledge(2)
                + ["cross_department:"]
                + ["  - " + flow([("department", s(self.pick(['财务部', '技术部', '咨询部', '行政部']))),
                                  ("matter", s(self.pick(TASK_TITLES))), ("contact", self.pick(self.everyone)),
                                  ("status", self.status(h))]) for _ in range(2)]
                + [""] + self.tools("tools", 3, "sales") + self.checklist(h))
        budget = self.target - len(lines) - len(tail) - 2 - 5 * count
        # Key accounts get the detail; the others a few lines each.
        chosen: list[set[str]] = [set() for _ in customers]
        keys = set(self.rng.sample(range(count), max(1, count // 10)))
        for index in keys:  # a key account always has its contacts, whatever the budget
            chosen[index] |= {"key", "industry", "contact1", "contact2", "confirmed"}
            budget -= 7
        for index in keys:
            for group, cost in self.SALES_GROUPS:
                if group in chosen[index]:
                    continue
                if budget - cost < 0:
                    break
                chosen[index].add(group)
                budget -= cost
        order = [i for i in range(count) if i not in keys]
        for group, cost in self.SALES_GROUPS[:6]:
            self.rng.shuffle(order)
            for index in order:
                if budget - cost < 0:
                    break
                chosen[index].add(group)
                budget -= cost
        counters = {"opp": 0, "cp": 0}
        body = ["customers:"]
        for customer, groups in zip(customers, chosen):
            body += self.sales_customer(h, customer, groups, counters)
        return "\n".join(lines + body + [""] + tail) + "\n"

    SERVICES = ["绩效管理体系设计", "薪酬体系优化", "组织架构诊断", "数字化转型规划", "供应链流程优化", "质量体系咨询"]

    def consultant_customer(self, h: dict[str, Any], customer: tuple[str, str, int]) -> list[str]:
        cid, name, kind = customer
        body = [f"  - id: {q(cid)}", f"    name: {s(name)}"]
        key = self.rng.random() < 0.3
        if key:
            body.append("    key_account: true")
        body += [f"    industry: {s(COMPANY_KINDS[kind][1])}", f"    service: {s(self.pick(self.SERVICES))}",
                 f"    successor: {self.pick(h['successors'])}"]
        body += folded("personality", f"总经理{self.person_name()[0]}雷厉风行，汇报先讲结论；HR 总监细致谨慎，"
                                      f"每份材料都会逐页批注，回复慢但意见很有价值。", 4)
        body.append(f"    preferences: {s(self.pick(PREFS))}")
        body.append("    contacts:")
        for _ in range(self.rng.randint(2, 3)):
            who, handle = self.person_name()
            pairs = [("name", s(who)), ("title", s(self.pick(TITLES)))]
            if self.rng.random() < 0.6:
                pairs.append(("phone", q(self.phone())))
            if self.rng.random() < 0.4:
                pairs.append(("email", f"{handle}@{cid.lower()}.example.com"))
            body.append("      - " + flow(pairs))
        body.append("    decision_chain:")
        for _ in range(self.rng.randint(2, 3)):
            who, _ = self.person_name()
            body.append("      - " + flow([("name", s(who)), ("role", s(self.pick(CHAIN_ROLES))),
                                           ("cares_about", s(self.pick(CARES))), ("relationship", s(self.pick(RELATIONS)))]))
        body.append("    history:")
        year = h["last_day"].year
        for number in range(self.rng.randint(2, 4)):
            when = dt.date(year - 2 + number // 2, self.rng.randint(1, 12), self.rng.randint(1, 28))
            body.append("      - " + flow([("date", str(when)), ("event", s(f"{self.pick(self.SERVICES)}项目第 {number + 1} 阶段完成"))]))
        body.append(f"    engagement_amount: {money(self.amount(500, 9000))}")
        if self.rng.random() < 0.5:
            body.append(f"    special_requirements: {s('访谈记录不得带出客户办公区；报告须使用客户的 PPT 模板。')}")
        body += ["    follow_up:", f"      state: {self.pick(['prospect', 'proposal', 'delivering', 'waiting', 'at-risk', 'paused', 'closed'])}",
                 f"      next_step: {s(self.pick(NEXT_STEPS))}",
                 f"      next_date: {h['last_day'] + dt.timedelta(days=self.rng.randint(3, 40))}"]
        if key:
            body += self.key_account_follow_up(h, "consultant", "    ")
        else:
            body.append(f"    handover_confirmed_by_customer: {s(h['complete'] or self.rng.random() < 0.7)}")
        if self.rng.random() < 0.4:
            body.append(f"    personal_notes: {s(self.pick(NOTES))}")
        body.append(f"    notes: {s(self.pick(NOTES))}")
        return body + [""]

    def consultant(self, h: dict[str, Any]) -> str:
        lines = self.envelope(h, "咨询客户、项目文档与工具模板")
        owners = [*h["successors"], h["manager"]]
        doc_count = self.rng.randint(8, 12)
        tail = ([""] + self.tools("tools_and_templates", 4, "consulting") + self.tasks(h, 3, owners)
                + self.contacts(h, 3) + self.access(h, 4) + self.assets(h, 2) + self.knowledge(2) + self.checklist(h))
        budget = self.target - len(lines) - len(tail) - doc_count - 2
        customers: list[tuple[str, str, int]] = []
        body = ["customers:"]
        while len(body) < budget - 12 or not customers:  # whole customers, ~25 lines each
            customer = self.customers_for(1, reuse=0.25 if len(self.customers) > 50 else 0.0)[0]
            if customer in customers:
                continue
            customers.append(customer)
            body += self.consultant_customer(h, customer)
        docs = ["project_documents:"]
        kinds = ["proposal", "contract", "plan", "progress-report", "minutes", "analysis", "deliverable", "template", "other"]
        for number in range(doc_count):
            cid = self.pick(customers)[0]
            docs.append("  - " + flow([("title", s(f"{self.pick(self.SERVICES)}{self.pick(['建议书', '执行方案', '进度报告', '会议纪要', '交付成果'])}（第 {number + 1} 版）")),
                                       ("kind", self.pick(kinds)), ("customer", q(cid)),
                                       ("location", f"https://drive.example.com/consulting/{cid}/doc-{number + 1}"),
                                       ("updated", str(h["last_day"] - dt.timedelta(days=self.rng.randint(1, 120))))]))
        return "\n".join(lines + body + docs + tail) + "\n"

    SERVICES_ENG = ["order-service", "payment-callback", "report-batch", "user-center", "gateway", "notify-service",
                    "device-ingest", "alert-engine", "billing", "search-indexer", "monitoring-config", "deploy-tools"]

    def engineer(self, h: dict[str, Any]) -> str:
        lines = self.envelope(h, "代码仓库、服务器与值班")
        services = self.SERVICES_ENG
        team = [p for p in self.members["engineering"] if p != h["leaver"]]
        docs = ["project_documents:"]
        for number in range(self.rng.randint(8, 11)):
            pairs = [("title", s(f"{self.pick(services)} {self.pick(['需求说明书', '设计文档', '测试报告', '运维手册', '接口说明'])}")),
                     ("kind", self.pick(["requirements", "test-report", "design", "runbook", "api", "other"])),
                     ("location", f"https://wiki.example.com/eng/{h['stem']}/doc-{number + 1}")]
            if self.rng.random() < 0.5:
                pairs.append(("notes", s("第 4 章的表结构已过时，以迁移脚本为准。")))
            docs.append("  - " + flow(pairs))
        servers = ["servers:"]
        for number in range(self.rng.randint(12, 16)):
            env = self.pick(["production", "staging", "test", "development"])
            pairs = [("name", f"{self.pick(services)}-{env[:4]}-{number + 1:02d}"), ("purpose", s(f"{self.pick(services)} 节点")),
                     ("environment", env), ("ref", q(f"cmdb://CI-{self.rng.randint(1000, 999999):06d}"))]
            if self.rng.random() < 0.4:
                pairs.append(("notes", s("每月第一个周六 02:00 打补丁，期间不要重启。")))
            servers.append("  - " + flow(pairs))
        oncall = ["oncall:", f"  rotation: {s('后端二线值班，每周一 10:00 交班；离职后由接手人和技术经理轮值')}",
                  "  schedule: https://wiki.example.com/eng/oncall/backend-schedule",
                  f"  escalation: [{', '.join(self.rng.sample(team, min(2, len(team))))}]",
                  f"  notes: {s('支付相关告警一律按 P1 处理；夜间 P3 告警可等到次日 9 点。')}"]
        owners = [*h["successors"], h["manager"]]
        tail = ([""] + docs + [""] + servers + [""] + oncall + [""] + self.tools("tools", 3, "eng")
                + self.tasks(h, self.rng.randint(5, 7), owners) + self.contacts(h, 4) + self.access(h, 5)
                + self.assets(h, 2) + self.knowledge(4) + self.checklist(h))
        budget = self.target - len(lines) - len(tail)
        body = ["repositories:"]
        names = self.rng.sample(services, len(services))
        while len(body) < budget - 4 or len(body) == 1:
            name = names[(len(body) * 7) % len(names)] if len(body) > 1 else names[0]
            body += [f"  - name: {name}", f"    location: https://git.example.com/backend/{name}",
                     f"    purpose: {s(self.pick(['订单创建与状态机', '对接第三方支付的异步回调', '日报与月结批处理', '设备数据接入', '告警规则与通知']))}",
                     "    permissions:"]
            for person in self.rng.sample(team, min(len(team), self.rng.randint(2, 3))):
                body.append("      - " + flow([("person", person), ("level", self.pick(["read", "write", "admin"]))]))
            body += folded("notes", "主干开发，发布走 release 分支。合并前要跑完集成测试；" + self.pick(KNOWLEDGE)[1], 4)
        return "\n".join(lines + body + tail) + "\n"

    def admin(self, h: dict[str, Any]) -> str:
        lines = self.envelope(h, "固定资产、办公用品、在办事务与供应商")
        supplies = ["supplies:"]
        for number in range(self.rng.randint(16, 22)):
            supplies.append("  - " + flow([("item", s(f"{self.pick(['A4 复印纸', '中性笔', '硒鼓', '桶装水', '纸杯', '文件夹', '订书钉'])} {number + 1}")),
                                           ("quantity", str(self.rng.randint(0, 300))), ("unit", s(self.pick(["包", "支", "个", "桶", "箱"]))),
                                           ("location", s("3 楼库房 B 柜")), ("supplier", s("晨光办公直销"))]))
        matters = ["pending_matters:"]
        for number in range(1, self.rng.randint(8, 11)):
            matters += [f"  - id: M-{number:02d}", f"    title: {s(self.pick(['团建费用报销', '消防年检配合', '保洁合同续签', '旧打印机报废审批', '会议室空调维修', '新员工工位准备']))}",
                        f"    due: {h['last_day'] + dt.timedelta(days=self.rng.randint(-10, 30))}",
                        f"    status: {self.status(h)}", f"    owner: {self.pick(h['successors'])}"]
            if self.rng.random() < 0.4:
                matters.append(f"    amount: {money(self.amount(5, 2000))}")
            matters.append(f"    notes: {s(self.pick(NOTES))}")
        suppliers = ["suppliers:"]
        for number in range(self.rng.randint(9, 12)):
            pairs = [("name", s(f"{self.pick(CITIES)}{self.pick(BRAND)}{self.pick(BRAND)}物业服务有限公司")),
                     ("provides", s(self.pick(["办公区保洁", "办公用品", "桶装水", "快递收寄", "绿植租摆"]))),
                     ("contact_name", s(self.person_name()[0] + "（客户经理）")), ("phone", q(self.phone())),
                     ("contract_until", str(h["last_day"] + dt.timedelta(days=self.rng.randint(10, 400))))]
            suppliers.append("  - " + flow(pairs))
        tail = ([""] + supplies + [""] + matters + [""] + suppliers + [""] + self.tools("tools", 4, "admin")
                + self.tasks(h, 3, [*h["successors"], h["manager"]]) + self.contacts(h, 3)
                + self.access(h, 4) + self.assets(h, 2) + self.knowledge(3) + self.checklist(h))
        kinds = {"key": "钥匙", "badge": "门禁卡", "device": "设备", "furniture": "家具", "vehicle": "公务车", "other": "物品"}
        fixed = ["fixed_assets:"]
        while len(fixed) < self.target - len(lines) - len(tail) or len(fixed) == 1:
            number = len(fixed)
            kind = self.pick(list(kinds))
            status = self.pick(["in-use", "handed-over", "missing", "to-dispose"])
            pairs = [("item", s(f"{self.pick(['3 楼', '5 楼', '前台', '机房', '库房'])}{kinds[kind]} {number}")),
                     ("tag", q(f"XZ-{kind[:2].upper()}-{number:04d}")), ("kind", kind),
                     ("location", s(self.pick(["3 楼前台保险柜", "5 楼大会议室", "3 楼库房 B 柜", "地下二层 B2-118 车位"])))]
            if status != "to-dispose":
                pairs.append(("handed_to", self.pick(h["successors"])))
            pairs.append(("status", status))
            if self.rng.random() < 0.3:
                pairs.append(("notes", s("备用钥匙一把在行政经理处。")))
            fixed.append("  - " + flow(pairs))
        return "\n".join(lines + fixed + tail) + "\n"

    def handover(self, index: int) -> tuple[str, str, str]:
        if not self.role_cycle:
            self.role_cycle = list(ROLE_PATTERN)
            self.rng.shuffle(self.role_cycle)
        role = self.role_cycle.pop()
        h = self.header(role, index)
        return h["stem"], role, getattr(self, role)(h)


def make_project(root: Path, count: int, seed: int) -> dict[str, Any]:
    """Copy the project parts from the repository and write ``count`` synthetic handover files."""
    import yaml

    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for part in ("schemas", "role_templates"):
        shutil.copytree(REPO / part, root / part)
    (root / "handbook" / "handovers").mkdir(parents=True)
    shutil.copy2(REPO / "handbook" / "people.yaml", root / "handbook" / "people.yaml")
    shutil.copytree(REPO / "handbook" / "guide", root / "handbook" / "guide")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # The only change: a fixed 'today' so both sides render identical pages whatever the date.
    config, found = re.subn(r"(\n  - handover:\n)", rf"\1      today: '{TODAY}'\n", config)
    if not found:
        raise SystemExit("mkdocs.yml has no '- handover:' plugin entry; the benchmark needs it")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")

    roster = yaml.safe_load((root / "handbook" / "people.yaml").read_text(encoding="utf-8"))
    checklists = {}
    for template in sorted((root / "role_templates").glob("*.yaml")):
        data = yaml.safe_load(template.read_text(encoding="utf-8"))
        checklists[template.stem] = [(str(i["id"]), str(i["item"])) for i in data.get("checklist", [])]
    customer_fields = {}
    for schema_path in sorted((root / "schemas" / "roles").glob("*.schema.json")):
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        customer = schema.get("$defs", {}).get("customer", {})
        customer_fields[schema_path.name.split(".")[0]] = set(customer.get("properties", {}))
    synth = Synth(seed, roster, checklists, customer_fields=customer_fields)
    stats: dict[str, list[int]] = {}
    size = 0
    for index in range(count):
        stem, role, text = synth.handover(index)
        path = root / "handbook" / "handovers" / f"{stem}.yaml"
        path.write_text(text, encoding="utf-8")
        stats.setdefault(role, []).append(text.count("\n"))
        size += len(text.encode("utf-8"))
    return {
        "files": count, "bytes": size,
        "roles": {role: {"files": len(v), "lines_mean": round(statistics.mean(v)), "lines_min": min(v), "lines_max": max(v)}
                  for role, v in sorted(stats.items())},
        "customers": len(synth.customers),
    }


# ----------------------------------------------------------------------------------------------
# Measurements
# ----------------------------------------------------------------------------------------------

def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def check_or_abort(root: Path) -> Any:
    from generator import check_handbook
    from generator.output.problems import text_report
    from generator.project import Project

    result = check_handbook(Project.at(root))
    errors = [p for p in result.problems if p.severity == "error"]
    if errors:
        print(text_report(errors[:40]), file=sys.stderr)
        raise SystemExit(f"the synthetic handbook has {len(errors)} errors; fix the generator (nothing was measured)")
    return result


def customer_chains(handbook: Any) -> dict[str, int]:
    from generator.model import views

    entries = views.customers(handbook)
    lengths = [len(e.steps) for e in entries.values()]
    return {"customers": len(entries), "with_chain": sum(1 for n in lengths if n > 1), "longest_chain": max(lengths, default=0)}


def time_check(root: Path, repeat: int) -> dict[str, Any]:
    """check_handbook against read+parse with PyYAML's C loader, each timing in a fresh process (a big
    heap in the driver would slow garbage collection, unevenly for the two sides); order alternates.
    The timed region is the work only; import times are reported separately."""

    def one(side: str) -> dict[str, float]:
        cmd = [PYTHON, str(Path(__file__).resolve()), "--worker", side, "--config", str(root)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{side} failed:\n{done.stderr[-4000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    one("check-ours"), one("check-baseline")  # warm-up: OS file cache, .pyc files
    a, b, ia, ib = [], [], [], []
    for rep in range(repeat):
        for side in (("check-ours", "check-baseline") if rep % 2 == 0 else ("check-baseline", "check-ours")):
            result = one(side)
            (a if side == "check-ours" else b).append(result["seconds"])
            (ia if side == "check-ours" else ib).append(result["import_seconds"])
    return {"ours": a, "baseline": b, "ours_import": ia, "baseline_import": ib}


def check_worker(args: argparse.Namespace) -> None:
    root = Path(args.config)
    start = time.perf_counter()
    if args.worker == "check-ours":
        from generator import check_handbook
        from generator.project import Project

        imported = time.perf_counter()
        result = check_handbook(Project.at(root))
        if not result.ok:
            raise SystemExit("the handbook has errors")
    else:
        import yaml

        imported = time.perf_counter()
        folder = root / "handbook" / "handovers"
        for path in sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()):
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    done = time.perf_counter()
    print(json.dumps({"seconds": done - imported, "import_seconds": imported - start}))


def time_check_cli(root: Path, repeat: int) -> dict[str, Any]:
    """Wall clock of ``handover check`` against a python process that reads+parses the same files."""
    handover = Path(PYTHON).with_name("handover")
    ours_cmd = [str(handover), "--root", str(root), "check"]
    base_cmd = [PYTHON, "-c", "import sys, pathlib, yaml\n"
                "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
                "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n",
                str(root / "handbook" / "handovers")]

    def wall(cmd: list[str]) -> float:
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd[:3])} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
        return elapsed

    a, b = [], []
    for rep in range(repeat):
        if rep % 2 == 0:
            a.append(wall(ours_cmd)); b.append(wall(base_cmd))
        else:
            b.append(wall(base_cmd)); a.append(wall(ours_cmd))
    return {"ours": a, "baseline": b}


def site_options(root: Path) -> Any:
    """SiteOptions as the plugin builds them from the project's mkdocs.yml."""
    import yaml

    from generator.render.pages import SiteOptions

    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    plugin: dict[str, Any] = {}
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "handover" in entry:
            plugin = entry["handover"] or {}
    return SiteOptions(plugin.get("language", "zh"), plugin.get("audience", "all-staff"),
                       dt.date.fromisoformat(str(plugin.get("today", TODAY))))


def phases_worker(args: argparse.Namespace) -> None:
    """Time the library's phases in a fresh process, without a profiler: every function that
    ``publish.site_content`` and ``check_handbook`` call by module-level name, and every method of
    ``SiteRenderer``, is wrapped with a timer (nested calls are counted in their callers too)."""
    import collections
    import functools
    import inspect

    root = Path(args.config)
    timings: dict[str, float] = collections.defaultdict(float)
    calls: dict[str, int] = collections.defaultdict(int)
    start = time.perf_counter()
    import generator.model.build as handbook_module
    from generator.project import Project
    from generator.render import pages as render_module
    try:
        import generator.site.content as publish_module
    except ImportError:
        publish_module = None  # type: ignore[assignment]
    timings["import generator"] = time.perf_counter() - start

    def timed(label: str, fn: Any) -> Any:
        @functools.wraps(fn)
        def wrapper(*a: Any, **k: Any) -> Any:
            began = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                timings[label] += time.perf_counter() - began
                calls[label] += 1
        return wrapper

    for module in filter(None, (publish_module, handbook_module)):
        short = module.__name__.rsplit(".", 1)[-1]
        for name, obj in list(vars(module).items()):
            if inspect.isfunction(obj) and obj.__module__.startswith("generator") and (
                    obj.__module__ != module.__name__ or name in ("load_handover", "load_roster", "_save", "_load",
                                                                  "fingerprint", "_history_state", "_inputs")):
                setattr(module, name, timed(f"{short} -> {obj.__module__.rsplit('.', 1)[-1]}.{name}", obj))
    renderer = getattr(render_module, "SiteRenderer", None)
    if renderer is not None:
        for name, obj in list(vars(renderer).items()):
            if inspect.isfunction(obj) and not name.startswith("__"):
                setattr(renderer, name, timed(f"render.SiteRenderer.{name}", obj))
    project = Project.at(root, root / "handbook")
    options = site_options(root)
    cache = root / ".cache-phases"
    shutil.rmtree(cache, ignore_errors=True)
    began = time.perf_counter()
    if publish_module is not None:
        content = publish_module.site_content(project, options, cache)
        words = content.search_words
    else:
        result = handbook_module.check_handbook(project)
        render_module.render_site(result.handbook, options)
        words = ()
    timings["site_content (total, cold)"] = time.perf_counter() - began
    if publish_module is not None:
        began = time.perf_counter()
        publish_module.site_content(project, options, cache)
        timings["site_content (total, cached)"] = time.perf_counter() - began
    shutil.rmtree(cache, ignore_errors=True)
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    began = time.perf_counter()
    jieba.initialize()
    timings["jieba.initialize (Material does it anyway)"] = time.perf_counter() - began
    began = time.perf_counter()
    for word in words:
        jieba.add_word(word)
    timings[f"jieba.add_word x{len(words)} (plugin._teach_search_words)"] = time.perf_counter() - began
    print(json.dumps({"timings": timings, "calls": calls}))


def run_phases(root: Path) -> dict[str, Any]:
    cmd = [PYTHON, str(Path(__file__).resolve()), "--worker", "phases", "--config", str(root)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": done.stderr[-3000:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_phases(result: dict[str, Any], count: int) -> None:
    if "error" in result:
        print(f"   phases probe failed:\n{result['error']}")
        return
    print(f"\n== Phases of our own work, N={count} (fresh process, no profiler; nested calls counted in callers) ==")
    for label, seconds in sorted(result["timings"].items(), key=lambda kv: -kv[1]):
        if seconds >= 0.005:
            print(f"  {seconds:9.3f}s  {1000 * seconds / count:8.3f} ms/handover  calls {result['calls'].get(label, '-'):>6}  {label}")


def site_pages(root: Path, handbook: Any, options: Any) -> dict[str, str]:
    """Exactly the pages the plugin hands MkDocs, from the same library call the plugin makes."""
    from generator.project import Project

    try:  # newer plugin: publish.site_content (validation + audit + render), here without its cache
        from generator.site.content import site_content
    except ImportError:
        from generator.render.pages import render_site

        return render_site(handbook, options)
    return dict(site_content(Project.at(root, root / "handbook"), options, None).pages)


def make_baseline(root: Path, handbook: Any) -> dict[str, Any]:
    """The same pages as plain files on disk, and the same mkdocs.yml minus the handover plugin."""
    import yaml

    from generator.render.pages import SiteOptions

    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    plugin_options: dict[str, Any] = {}
    plugins = []
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "handover" in entry:
            plugin_options = entry["handover"] or {}
            continue
        if entry == "handover":
            continue
        plugins.append(entry)
    options = SiteOptions(plugin_options.get("language", "zh"), plugin_options.get("audience", "all-staff"),
                          dt.date.fromisoformat(str(plugin_options.get("today", TODAY))))
    base = root / "baseline"
    shutil.rmtree(base, ignore_errors=True)
    docs = base / "docs"
    shutil.copytree(root / "handbook" / "guide", docs / "guide")
    start = time.perf_counter()
    pages = site_pages(root, handbook, options)
    render_seconds = time.perf_counter() - start
    for uri, content in pages.items():
        target = docs / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    config["plugins"] = plugins
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    (base / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return {"pages": len(pages), "markdown_pages": sum(1 for u in pages if u.endswith(".md")),
            "markdown_bytes": sum(len(c.encode("utf-8")) for c in pages.values()),
            "render_seconds": render_seconds}


def run_worker(side: str, config: Path, site: Path, builds: int, profile: Path | None = None) -> dict[str, Any]:
    cmd = [PYTHON, str(Path(__file__).resolve()), "--worker", side, "--config", str(config), "--site", str(site),
           "--builds", str(builds)]
    if profile:
        cmd += ["--profile-out", str(profile)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{side} build failed:\n{done.stderr[-4000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["stderr_tail"] = done.stderr[-1500:]
    return result


def clean_outputs(root: Path) -> None:
    """Remove every build output and cache, so the next build is cold."""
    for path in [root / "site", root / "baseline" / "site", root / ".cache", root / "baseline" / ".cache",
                 *root.glob(".site*"), *(root / "baseline").glob(".site*")]:
        shutil.rmtree(path, ignore_errors=True)


def time_builds(root: Path, repeat: int) -> dict[str, Any]:
    """Per repetition and side: a fresh process builds twice (cold, then warm in the same process),
    then another fresh process builds over the previous output (warm, new process). Sides alternate."""
    sides = {"ours": (root / "mkdocs.yml", root / "site"),
             "baseline": (root / "baseline" / "mkdocs.yml", root / "baseline" / "site")}
    results: dict[str, dict[str, list[float]]] = {s: {"cold": [], "warm": [], "warm_new": []} for s in sides}
    info: dict[str, Any] = {}
    for rep in range(repeat):
        order = ["ours", "baseline"] if rep % 2 == 0 else ["baseline", "ours"]
        for side in order:
            config, site = sides[side]
            clean_outputs(root)
            first = run_worker(side, config, site, 2)
            second = run_worker(side, config, site, 1)
            results[side]["cold"].append(first["times"][0])
            results[side]["warm"].append(first["times"][1])
            results[side]["warm_new"].append(second["times"][0])
            info[side] = {"html_pages": first["html_pages"], "warnings": first["warnings"],
                          "site_bytes": first["site_bytes"], "generator": first["generator"]}
            if side == "ours" and not first["generator"].startswith(os.environ["PYTHONPATH"].split(os.pathsep)[0]):
                raise SystemExit(f"the build used {first['generator']}, not the frozen snapshot")
            print(f"    rep {rep + 1} {side:8s} cold {first['times'][0]:7.2f}s  warm {first['times'][1]:7.2f}s  "
                  f"warm(new process) {second['times'][0]:7.2f}s  pages {first['html_pages']}  warnings {first['warnings']}",
                  flush=True)
    results["info"] = info  # type: ignore[assignment]
    return results


def worker(args: argparse.Namespace) -> None:
    """One side's builds in this (fresh) process; prints timings as JSON on the last stdout line."""
    import logging

    warnings = 0

    class Count(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            nonlocal warnings
            if record.levelno >= logging.WARNING:
                warnings += 1

    logging.getLogger("mkdocs").addHandler(Count(logging.WARNING))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    times = []
    profiler = None
    if args.profile_out:
        import cProfile
        profiler = cProfile.Profile()
    for _ in range(args.builds):
        warnings = 0
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        if args.worker == "ours":
            from generator.site.build import build_site

            build_site(args.config, args.site)
        else:
            from mkdocs.commands.build import build
            from mkdocs.config import load_config

            config = load_config(str(args.config))
            config["site_dir"] = str(args.site)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        if profiler:
            profiler.disable()
        times.append(time.perf_counter() - start)
    if profiler:
        profiler.dump_stats(str(args.profile_out))
    site = Path(args.site)
    html = list(site.rglob("*.html"))
    import generator

    print(json.dumps({"times": times, "html_pages": len(html), "warnings": warnings, "generator": generator.__file__,
                      "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file())}))


# ----------------------------------------------------------------------------------------------
# Profiling summary
# ----------------------------------------------------------------------------------------------

PHASES = [  # (label, file suffix, function name): cumulative time of these frames (missing ones are skipped)
    ("build_site (total)", "generator/site.py", "build_site"),
    ("mkdocs build", "mkdocs/commands/build.py", "build"),
    ("  mkdocs load_config", "mkdocs/config/base.py", "load_config"),
    ("  plugin on_config", "generator/plugin.py", "on_config"),
    ("    publish.site_content", "generator/publish.py", "site_content"),
    ("      fingerprint (hash every input)", "generator/publish.py", "fingerprint"),
    ("        _history_state (git)", "generator/publish.py", "_history_state"),
    ("      cache _load (JSON)", "generator/publish.py", "_load"),
    ("      cache _save (JSON)", "generator/publish.py", "_save"),
    ("      check_handbook", "generator/handbook.py", "check_handbook"),
    ("        load_file (YAML events -> data)", "generator/loader.py", "load_file"),
    ("        schema_problems (jsonschema-rs)", "generator/validate.py", "schema_problems"),
    ("        placeholder_problems", "generator/rules.py", "placeholder_problems"),
    ("        document_problems (rules)", "generator/rules.py", "document_problems"),
    ("        cross_file_problems", "generator/rules.py", "cross_file_problems"),
    ("      views.customers", "generator/views.py", "customers"),
    ("      audit_project (sign-offs from git)", "generator/signing.py", "audit_project"),
    ("      render_site", "generator/render.py", "render_site"),
    ("    _teach_search_words (jieba.add_word)", "generator/plugin.py", "_teach_search_words"),
    ("  plugin on_files", "generator/plugin.py", "on_files"),
    ("    Files.get_file_from_path", "mkdocs/structure/files.py", "get_file_from_path"),
    ("    File.generated", "mkdocs/structure/files.py", "generated"),
    ("  mkdocs get_files", "mkdocs/structure/files.py", "get_files"),
    ("  mkdocs _populate_page (Markdown)", "mkdocs/commands/build.py", "_populate_page"),
    ("  mkdocs _build_page (templates)", "mkdocs/commands/build.py", "_build_page"),
    ("  search on_page_context", "material/plugins/search/plugin.py", "on_page_context"),
    ("  search on_post_build", "material/plugins/search/plugin.py", "on_post_build"),
    ("  shutil.rmtree", "shutil.py", "rmtree"),
    ("  jieba initialize", "jieba/__init__.py", "initialize"),
]


def profile_summary(path: Path, top: int = 25) -> dict[str, Any]:
    import pstats

    stats = pstats.Stats(str(path))
    raw = stats.stats  # type: ignore[attr-defined]
    total = max((ct for (file, _, func), (_, _, _, ct, _) in raw.items() if func in ("build_site", "build")
                 and file.replace("\\", "/").endswith(("generator/site.py", "mkdocs/commands/build.py"))), default=0.0)
    if not total:
        total = max(ct for (_, _, _, ct, _) in raw.values())
    phases = []
    for label, suffix, func in PHASES:
        ct = sum(v[3] for (file, _, name), v in raw.items() if name == func and file.replace("\\", "/").endswith(suffix))
        calls = sum(v[1] for (file, _, name), v in raw.items() if name == func and file.replace("\\", "/").endswith(suffix))
        if ct:
            phases.append({"phase": label, "seconds": ct, "share": ct / total, "calls": calls})
    ours = sorted(((k, v) for k, v in raw.items() if "/generator/" in k[0].replace("\\", "/")),
                  key=lambda kv: kv[1][3], reverse=True)[:top]
    own = sorted(raw.items(), key=lambda kv: kv[1][2], reverse=True)[:top]

    def row(key: Any, value: Any) -> dict[str, Any]:
        file, line, func = key
        short = re.sub(r".*/(site-packages|lib/python3\.\d+)/", "", file.replace("\\", "/"))
        short = re.sub(r".*/(generator/)", r"\1", short)
        return {"function": f"{short}:{line}({func})", "calls": value[1], "tottime": value[2], "cumtime": value[3],
                "share": value[3] / total}

    return {"total": total, "phases": phases, "generator_by_cumtime": [row(k, v) for k, v in ours],
            "overall_by_tottime": [row(k, v) for k, v in own]}


def print_profile(summary: dict[str, Any], title: str) -> None:
    print(f"\n== Profile: {title} (cProfile adds overhead; read the shares, not the seconds) ==")
    print(f"total {summary['total']:.2f}s")
    for p in summary["phases"]:
        print(f"  {p['phase']:<48s} {p['seconds']:8.2f}s {100 * p['share']:5.1f}%  calls {p['calls']}")
    print("  -- generator/ functions by cumulative time --")
    for r in summary["generator_by_cumtime"][:20]:
        print(f"  {r['cumtime']:8.2f}s {100 * r['share']:5.1f}%  {r['calls']:>8}  {r['function']}")
    print("  -- all functions by own time --")
    for r in summary["overall_by_tottime"][:20]:
        print(f"  {r['tottime']:8.2f}s {100 * r['tottime'] / summary['total']:5.1f}%  {r['calls']:>8}  {r['function']}")


# ----------------------------------------------------------------------------------------------
# Driver
# ----------------------------------------------------------------------------------------------

def code_fingerprint(package: Path | None = None) -> str:
    """Hash of a generator package (the repository's by default)."""
    import hashlib

    digest = hashlib.sha256()
    package = package or REPO / "generator"
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.j2")]):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def freeze_code(base: Path) -> dict[str, str]:
    """Benchmark a frozen copy of generator/: others edit it concurrently, and a change mid-run would
    mix two versions and (the code is part of the plugin's cache key) turn warm builds into cold ones.

    The copy goes first on PYTHONPATH, ahead of the editable install's finder, for this process and
    every child (workers, the ``handover`` CLI, MkDocs' entry point for the plugin)."""
    code = base / "code"
    shutil.rmtree(code, ignore_errors=True)
    shutil.copytree(REPO / "generator", code / "generator", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    os.environ["PYTHONPATH"] = os.pathsep.join([str(code), *filter(None, [os.environ.get("PYTHONPATH")])])
    sys.path.insert(0, str(code))
    import generator

    if Path(generator.__file__).resolve().parent != (code / "generator").resolve():
        raise SystemExit(f"could not freeze the code: generator imports from {generator.__file__}")
    return {"snapshot": str(code / "generator"), "fingerprint": code_fingerprint(code / "generator")}


def measure_size(base: Path, count: int, args: argparse.Namespace, repeat: int) -> dict[str, Any]:
    repo_before = code_fingerprint()
    load_before = os.getloadavg()
    out = measure_size_inner(base, count, args, repeat)
    out["loadavg_before_after"] = [round(x, 2) for x in (*load_before, *os.getloadavg())]
    if load_before[0] > 1.5:  # this process itself counts for about 1
        print(f"   note: load average was {load_before[0]:.2f} before this size: was something else running?", flush=True)
    if code_fingerprint() != repo_before:
        out["repo_code_changed_during_run"] = True
        print(f"   note: generator/ in the repository changed during the N={count} measurement; the figures are "
              f"for the frozen snapshot taken at the start", flush=True)
    return out


def measure_size_inner(base: Path, count: int, args: argparse.Namespace, repeat: int) -> dict[str, Any]:
    root = base / f"n{count}"
    print(f"\n== N={count}: generating the synthetic project in {root}", flush=True)
    start = time.perf_counter()
    data = make_project(root, count, args.seed)
    print(f"   {count} files, {data['bytes'] / 1e6:.1f} MB, {time.perf_counter() - start:.1f}s; per role: "
          + ", ".join(f"{r} {v['files']} (lines {v['lines_min']}-{v['lines_max']}, mean {v['lines_mean']})"
                      for r, v in data["roles"].items()), flush=True)
    print("   handover check (validity gate) ...", flush=True)
    result = check_or_abort(root)
    warnings = [p for p in result.problems if p.severity == "warning"]
    data["check_warnings"] = len(warnings)
    data["customer_index"] = customer_chains(result.handbook)
    print(f"   valid: 0 errors, {len(warnings)} warnings; customer index: {data['customer_index']}", flush=True)
    out: dict[str, Any] = {"n": count, "dataset": data}

    if not args.skip_check:
        print("   timing check ...", flush=True)
        out["check"] = time_check(root, repeat)
        out["check_cli"] = time_check_cli(root, repeat)
        for key in ("check", "check_cli"):
            print(f"    {key:9s} ours {median(out[key]['ours']):7.3f}s  baseline {median(out[key]['baseline']):7.3f}s  "
                  f"runs ours {[round(x, 3) for x in out[key]['ours']]} baseline {[round(x, 3) for x in out[key]['baseline']]}",
                  flush=True)
        print(f"    imports (not in the check row): generator {median(out['check']['ours_import']):.3f}s, "
              f"yaml {median(out['check']['baseline_import']):.3f}s", flush=True)

    if args.skip_build:
        return out
    print("   writing the baseline docs (render_site -> .md files) ...", flush=True)
    out["baseline_docs"] = make_baseline(root, result.handbook)
    print(f"   {out['baseline_docs']['pages']} generated pages, {out['baseline_docs']['markdown_bytes'] / 1e6:.1f} MB Markdown "
          f"(render_site took {out['baseline_docs']['render_seconds']:.2f}s)", flush=True)
    # Prime the OS file cache and jieba's dictionary cache once, untimed, for both sides alike.
    subprocess.run([PYTHON, "-c", "import jieba, logging; jieba.setLogLevel(logging.WARNING); jieba.initialize(); "
                    "import material, mkdocs.commands.build, generator.plugin"], capture_output=True)
    print("   timing builds ...", flush=True)
    out["build"] = time_builds(root, repeat)
    if args.profile:
        print("   timing our phases (no profiler) ...", flush=True)
        out["phases"] = run_phases(root)
        print_phases(out["phases"], count)
    if args.profile and count == args.handovers:  # cProfile (about 3x slower) only at the first size
        out["profile"] = {}
        clean_outputs(root)
        for kind in ("cold", "warm_new"):  # warm: a new process over the previous build and its cache
            for side in ("ours", "baseline"):
                if kind == "warm_new" and side == "baseline":
                    continue
                print(f"   profiling one {kind} build of {side} ...", flush=True)
                config = root / "mkdocs.yml" if side == "ours" else root / "baseline" / "mkdocs.yml"
                site = root / "site" if side == "ours" else root / "baseline" / "site"
                prof = base / f"{side}-{kind}-n{count}.prof"
                run_worker(side, config, site, 1, profile=prof)
                out["profile"][f"{side}_{kind}"] = profile_summary(prof)
                print_profile(out["profile"][f"{side}_{kind}"], f"{kind} build of {side}, N={count}")
    return out


def ratio_row(name: str, what: str, ours: list[float], base: list[float], target: float, unit: str = "s") -> dict[str, Any]:
    a, b = median(ours), median(base)
    ratio = a / b if b else float("inf")
    return {"measurement": name, "what": what, "ours": a, "baseline": b, "ratio": ratio, "target": target,
            "pass": ratio <= target, "ours_runs": ours, "baseline_runs": base, "unit": unit}


def summarize(sizes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for size in sizes:
        n = size["n"]
        if "check" in size:
            rows.append(ratio_row(f"check N={n}", "check_handbook, one process, vs CSafeLoader read+parse (fresh process)",
                                  size["check"]["ours"], size["check"]["baseline"], TARGETS["check"]))
            rows.append(ratio_row(f"check CLI N={n}", "`handover check` (every core) vs python+CSafeLoader (wall)",
                                  size["check_cli"]["ours"], size["check_cli"]["baseline"], TARGETS["check_cli"]))
        if "build" not in size:
            continue
        b = size["build"]
        rows.append(ratio_row(f"build cold N={n}", "build_site vs plain mkdocs build, fresh process",
                              b["ours"]["cold"], b["baseline"]["cold"], TARGETS["build_cold"]))
        rows.append(ratio_row(f"build warm N={n}", "2nd build, same process, nothing changed",
                              b["ours"]["warm"], b["baseline"]["warm"], TARGETS["build_warm"]))
        rows.append(ratio_row(f"build warm new-proc N={n}", "rebuild in a new process over previous output",
                              b["ours"]["warm_new"], b["baseline"]["warm_new"], TARGETS["build_warm_new"]))
    if len(sizes) >= 2 and all("build" in size for size in sizes):
        small, large = sizes[0], sizes[-1]
        for side in ("ours", "baseline"):
            per_small = [t / small["n"] * 1000 for t in small["build"][side]["cold"]]
            per_large = [t / large["n"] * 1000 for t in large["build"][side]["cold"]]
            row = ratio_row(f"scaling {side} N={large['n']} vs {small['n']}",
                            "cold build ms per handover, large N / small N", per_large, per_small,
                            TARGETS["scaling"], unit="ms/handover")
            if side == "baseline":
                row["target"], row["pass"] = None, None  # context only: how MkDocs itself scales
            rows.append(row)
    return rows


def print_phase_scaling(sizes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if len(sizes) < 2 or any("timings" not in s.get("phases", {}) for s in (sizes[0], sizes[-1])):
        return []
    small, large = sizes[0], sizes[-1]
    rows = []
    for label, seconds in large["phases"]["timings"].items():
        before = small["phases"]["timings"].get(label)
        if before and seconds >= 0.05:
            ratio = (seconds / large["n"]) / (before / small["n"])
            rows.append({"phase": label, "small": before, "large": seconds, "per_handover_ratio": ratio})
    rows.sort(key=lambda r: -r["large"])
    print(f"\n== Our phases: per-handover cost at N={large['n']} / at N={small['n']} ==")
    for r in rows:
        print(f"  {r['small']:8.2f}s -> {r['large']:8.2f}s   x{r['per_handover_ratio']:.2f} per handover   {r['phase']}")
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    header = f"{'measurement':<34s} {'ours':>12s} {'baseline':>12s} {'ratio':>7s} {'target':>8s}  result"
    print("\n" + header + "\n" + "-" * len(header))
    for r in rows:
        unit = "" if r["unit"] == "s" else " ms"
        ours = f"{r['ours']:.3f}{'s' if r['unit'] == 's' else unit}"
        base = f"{r['baseline']:.3f}{'s' if r['unit'] == 's' else unit}"
        target = f"<={r['target']:.2f}x" if r["target"] else "—"
        result = "info" if r["pass"] is None else ("PASS" if r["pass"] else "FAIL")
        print(f"{r['measurement']:<34s} {ours:>12s} {base:>12s} {r['ratio']:6.2f}x {target:>8s}  {result}")


def machine() -> dict[str, Any]:
    versions = {}
    for module in ("mkdocs", "material", "yaml", "jsonschema_rs", "jinja2", "jieba", "pypinyin", "markdown"):
        try:
            from importlib.metadata import version
            dist = {"material": "mkdocs-material", "yaml": "PyYAML", "jsonschema_rs": "jsonschema-rs", "jinja2": "Jinja2",
                    "markdown": "Markdown"}.get(module, module)
            versions[module] = version(dist)
        except Exception:  # noqa: BLE001 - informational only
            versions[module] = "?"
    return {"date": dt.datetime.now().isoformat(timespec="seconds"), "nproc": os.cpu_count(),
            "python": platform.python_version(), "platform": platform.platform(), "versions": versions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--handovers", type=int, default=1000, help="N synthetic handover files (default 1000)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="repetitions per measurement, median reported (default 3; 1 for N > 2000)")
    parser.add_argument("--scale", action="store_true", help="also run 5N and report the per-handover cost ratio")
    parser.add_argument("--scale-factor", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--json", type=Path, metavar="FILE", help="write all figures as JSON ('-' for stdout)")
    parser.add_argument("--profile", action="store_true", help="cProfile one cold build of ours per size")
    parser.add_argument("--skip-check", action="store_true", help="skip the check timings")
    parser.add_argument("--skip-build", action="store_true", help="skip the build timings (check only)")
    parser.add_argument("--workdir", type=Path, help="where to generate (default: a temp folder, removed at the end)")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument("--generate-only", action="store_true", help="write the synthetic project and check it, then stop")
    # internal: one side's build(s) in a fresh process
    parser.add_argument("--worker", choices=["ours", "baseline", "check-ours", "check-baseline", "phases"],
                        help=argparse.SUPPRESS)
    parser.add_argument("--config", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--site", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--builds", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker == "phases":
        phases_worker(args)
        return
    if args.worker in ("check-ours", "check-baseline"):
        check_worker(args)
        return
    if args.worker:
        worker(args)
        return

    sizes_n = [args.handovers] + ([args.handovers * args.scale_factor] if args.scale else [])
    base = args.workdir or Path(tempfile.mkdtemp(prefix="handover-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    inside = next((p for p in (base.resolve(), *base.resolve().parents) if (p / ".git").exists()), None)
    if inside is not None:
        print(f"warning: {base} is inside the git repository {inside}: the plugin's sign-off audit would read "
              f"that repository's history. Use a folder outside any repository for comparable figures.",
              file=sys.stderr)
    info = machine()
    info["code"] = freeze_code(base)
    print(f"handover-kb benchmark  {info['date']}  nproc={info['nproc']}  python {info['python']}  seed={args.seed}")
    print(f"code under test: frozen copy {info['code']['snapshot']} (fingerprint {info['code']['fingerprint']})")
    try:
        if args.generate_only:
            for n in sizes_n:
                root = base / f"n{n}"
                data = make_project(root, n, args.seed)
                result = check_or_abort(root)
                print(f"{root}: {data['roles']}, customers {customer_chains(result.handbook)}, "
                      f"warnings {sum(1 for p in result.problems if p.severity == 'warning')}")
            return
        sizes = []

        def write_json(final: bool) -> None:
            if not args.json:
                return
            payload = {"machine": info, "seed": args.seed, "complete": final, "rows": summarize(sizes),
                       "sizes": sizes}
            text = json.dumps(payload, ensure_ascii=False, indent=2, default=str)
            if str(args.json) == "-":
                if final:
                    print(text)
            else:
                args.json.write_text(text, encoding="utf-8")  # also after each size: a killed run keeps its figures
                if final:
                    print(f"\nJSON written to {args.json}")

        for n in sizes_n:
            repeat = args.repeat if args.repeat is not None else (3 if n <= 2000 else 1)
            sizes.append(measure_size(base, n, args, repeat))
            print_table(summarize(sizes))
            write_json(final=False)
        info["phase_scaling"] = print_phase_scaling(sizes)
        write_json(final=True)
    finally:
        if not (args.keep or args.workdir):
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
