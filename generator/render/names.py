"""The short name people use for a company: 杭州博远科技有限公司 is "博远" in every conversation.

``short_name`` strips, in this order and only while at least two characters remain:

1. a bracketed region or note: ``西门子（中国）有限公司`` → ``西门子有限公司``;
2. leading places: a province, region or city (with or without 省/市/区/县), repeatedly, so
   ``江苏省苏州市澄泓`` loses both;
3. at the end, repeatedly: the legal form (股份有限公司, 有限责任公司, 有限公司, 集团, Co., Ltd., Inc.,
   GmbH …) and words that say what the company does (科技, 医疗器械, 冷链物流, 商贸, 连锁, 管理 …).

What is left is the name a successor would type. The lists are small on purpose: a name they miss
stays longer, never wrong, and the full name is always shown beside it.
"""
from __future__ import annotations

import re
from collections.abc import Callable

# Provinces, autonomous regions, municipalities and the cities a company name most often starts with.
_PLACES = tuple(sorted({
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
    "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古",
    "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
    "石家庄", "唐山", "保定", "廊坊", "沧州", "邯郸", "太原", "大同", "沈阳", "大连", "长春", "哈尔滨",
    "南京", "苏州", "无锡", "常州", "南通", "扬州", "镇江", "徐州", "盐城", "泰州", "昆山", "江阴", "张家港", "常熟",
    "杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "台州", "义乌", "舟山", "合肥", "芜湖", "福州", "厦门",
    "泉州", "南昌", "济南", "青岛", "烟台", "潍坊", "淄博", "郑州", "洛阳", "武汉", "宜昌", "长沙", "株洲", "广州",
    "深圳", "珠海", "佛山", "东莞", "中山", "惠州", "江门", "汕头", "海口", "三亚", "成都", "绵阳", "贵阳", "昆明",
    "西安", "兰州", "西宁", "银川", "乌鲁木齐", "呼和浩特", "包头", "南宁", "桂林", "拉萨",
    "浦东", "松江", "嘉定", "闵行", "吴中", "吴江", "萧山", "余杭", "滨海", "雄安",
}, key=len, reverse=True))
_PLACE = re.compile("^(?:" + "|".join(_PLACES) + ")(?:省|市|区|县|自治区|特别行政区)?")

# Legal forms, longest first, Chinese and the common Latin ones.
_LEGAL = re.compile(
    r"(?:股份有限公司|有限责任公司|集团有限公司|集团股份有限公司|有限公司|股份公司|总公司|分公司|公司|集团"
    r"|[\s,]*(?:Co\.?,?\s*Ltd\.?|Company\s+Limited|Limited|Ltd\.?|Inc\.?|Corp\.?|Corporation|LLC|GmbH|AG|S\.A\.|PLC)"
    r")\s*$", re.IGNORECASE)

# Words that say what a company does rather than who it is, longest first.
_TRADES = tuple(sorted({
    "科技", "技术", "信息", "网络", "软件", "电子", "电子商务", "电器", "智能", "智造", "数据", "通信", "自动化",
    "医疗", "器械", "医疗器械", "医药", "生物", "制药", "药业", "大药房", "健康",
    "物流", "冷链", "冷链物流", "医药物流", "仓储", "运输", "供应链", "快递", "货运",
    "商贸", "贸易", "实业", "投资", "控股", "发展", "咨询", "服务", "管理", "顾问", "工程", "建设", "建筑",
    "连锁", "便利", "餐饮", "食品", "零售", "百货", "超市",
    "机械", "精密", "精密机械", "装备", "设备", "制造", "材料", "化工", "能源", "环保", "汽车", "汽车零部件",
    "文化", "传媒", "广告", "教育", "培训", "家居", "用品", "日用品", "纺织", "服饰", "印刷", "包装",
}, key=len, reverse=True))
_TRADE = re.compile("(?:" + "|".join(_TRADES) + ")$")
# Kinds of business that stay part of the name people say (和平饭店, 大同酒店), yet name nobody alone.
_KINDS = re.compile("(?:大酒店|酒店|饭店|宾馆|国宾馆)$")
_BRACKETS = re.compile(r"[（(][^（）()]*[）)]")
_MIN = 2


def short_name(name: str) -> str:
    """The name people use for the company ``name``; ``name`` itself when nothing can be stripped."""
    text = " ".join(name.split())
    text = _strip(text, lambda t: _BRACKETS.sub("", t).strip(), once=True)
    text = _strip(text, _strip_place)
    text = _strip(text, _strip_end)
    return text or name


def _strip_place(text: str) -> str:
    """One leading place less, unless only business words would be left: 厦门大同酒店 is 大同酒店, not 酒店."""
    shorter = _PLACE.sub("", text, count=1).strip()
    return text if _generic(shorter) else shorter


def _generic(text: str) -> bool:
    """Whether ``text`` is nothing but legal forms and business words (科技有限公司), a name of nobody."""
    while text:
        shorter = _KINDS.sub("", _TRADE.sub("", _LEGAL.sub("", text).strip(" ,.")).strip(" ,."))
        if shorter == text:
            return False
        text = shorter
    return True


def _strip_end(text: str) -> str:
    """One legal form or one business word less at the end, whichever leaves a name (not a bare place: 上海科技
    stays, 上海 would name a city)."""
    for pattern in (_LEGAL, _TRADE):
        shorter = pattern.sub("", text).strip(" ,.")
        if shorter != text and len(shorter) >= _MIN and not _PLACE.fullmatch(shorter):
            return shorter
    return text


def _strip(text: str, step: Callable[[str], str], *, once: bool = False) -> str:
    """Apply ``step`` until it changes nothing, or would leave fewer than two characters."""
    while True:
        shorter = step(text)
        if shorter == text or len(shorter) < _MIN:
            return text
        text = shorter
        if once:
            return text
