#!/usr/bin/env python
"""A deterministic synthetic handbook for the benchmarks: valid, realistic handover files in Chinese.

    python benchmarks/synthetic.py --handovers 1000 OUT_DIR       # seed 20261122, as run.py uses
    python benchmarks/synthetic.py --handovers 200 --seed 7 OUT_DIR

OUT_DIR becomes a project (``schemas/``, ``role_templates/``, the roster, the guide and ``mkdocs.yml``
copied from this repository, with the plugin's ``today`` fixed) holding N handover files of about 250
lines: sales files with 20-40 customers, some customers shared across handovers so the customer index
has chains; consultant, engineer and admin files in the proportions 5:2:2:1. One RNG is used in
order, so file k is the same for every N > k and the same seed always writes the same bytes.

``run.py`` imports ``make_project`` from here; nothing in this module measures anything.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import statistics
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEED = 20261122
TODAY = "2026-11-22"  # fixed 'today' for the plugin and the baseline: reproducible states and pages

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
        # Every other member of a department's staff leaves (again and again: the roster is small), the others
        # only ever receive: nobody leaves holding what an earlier handover gave them, so the coverage rule is
        # satisfied the way a real handbook satisfies it, where a person leaves once.
        self.leavers: dict[str, list[str]] = {}
        for department, members in self.members.items():
            staff = [p for p in members if p != self.heads.get(department)] or members
            self.leavers[department] = staff[::2]
        self.leaving = {p for staff in self.leavers.values() for p in staff}
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
        leaver = self.pick(self.leavers[department])
        manager = head if head and head != leaver else self.pick([p for p in self.everyone if p not in self.leaving])
        pool = [p for p in self.members[department] if p not in self.leaving and p != manager]
        if not pool:
            pool = [p for p in self.everyone if p not in self.leaving and p != manager]
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
        for customer, groups in zip(customers, chosen, strict=True):
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
        for _ in range(self.rng.randint(9, 12)):
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


def make_project(root: Path, count: int, seed: int, source: Path = REPO) -> dict[str, Any]:
    """Copy the project parts from ``source`` (this repository, or a checkout of one of its commits) and
    write ``count`` synthetic handover files."""
    import yaml

    if root.resolve() in (REPO, *REPO.parents):
        raise SystemExit(f"{root} holds this repository; give a new folder for the synthetic project")
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for part in ("schemas", "role_templates"):
        shutil.copytree(source / part, root / part)
    (root / "handbook" / "handovers").mkdir(parents=True)
    shutil.copy2(source / "handbook" / "people.yaml", root / "handbook" / "people.yaml")
    shutil.copytree(source / "handbook" / "guide", root / "handbook" / "guide")
    config = (source / "mkdocs.yml").read_text(encoding="utf-8")
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="the project folder to write (a new or empty one)")
    parser.add_argument("--replace", action="store_true", help="replace OUT_DIR if it already holds files")
    parser.add_argument("--handovers", type=int, default=1000, help="N synthetic handover files (default 1000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"RNG seed (default {DEFAULT_SEED}, as run.py)")
    args = parser.parse_args()
    if args.out.is_dir() and any(args.out.iterdir()) and not args.replace:
        parser.error(f"{args.out} is not empty; pass --replace to overwrite it, or name a new folder")
    print(json.dumps(make_project(args.out, args.handovers, args.seed), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
