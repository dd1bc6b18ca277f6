"""Which column of a CRM or Excel export holds what: data, one dict per CRM, read by ``import_customers``.

A map names, for each field of a customer entry, the column headers that hold it, most specific
first; headers are compared without case, spaces and punctuation, full-width forms folded
(``Account ID`` = ``account_id`` = ``ＡＣＣＯＵＮＴ　ＩＤ``). ``contact.*`` fields fill one contact per
row; ``owner`` is whose customer the row is, to keep only the leaver's; fields in ``RESTRICTED``
hold personal data and must land in a field the role's schema keeps restricted. Adding a CRM is
adding a dict here (and a line in the guide page ``crm.md``).
"""
from __future__ import annotations

# Fields of a customer entry (and of its contacts) an export can fill; ``owner`` only selects rows.
FIELDS = ("id", "name", "industry", "stage", "profile", "notes",
          "contact.name", "contact.title", "contact.phone", "contact.email", "contact.wecom_external_userid", "owner")

RESTRICTED = frozenset({"contact.phone", "contact.email", "contact.wecom_external_userid"})

# Headers of spreadsheets people make by hand, in Chinese and English: every map understands them too.
GENERIC: dict[str, tuple[str, ...]] = {
    "id": ("客户编号", "客户编码", "客户代码", "客户ID", "客户id", "CRM编号", "CRM ID", "Customer ID", "Customer No",
           "Customer Number", "Account Number"),
    "name": ("客户名称", "客户全称", "公司名称", "企业名称", "单位名称", "Customer Name", "Company Name", "Company",
             "Account Name"),
    "industry": ("所属行业", "行业", "Industry"),
    "stage": ("合作阶段", "客户阶段", "客户状态", "阶段", "Stage", "Status"),
    "profile": ("客户概况", "客户简介", "客户描述", "描述", "Profile", "Description"),
    "notes": ("备注", "Notes", "Remarks"),
    "contact.name": ("联系人", "联系人姓名", "联系人名称", "Contact", "Contact Name"),
    "contact.title": ("联系人职位", "职位", "职务", "Job Title", "Title", "Position"),
    "contact.phone": ("手机", "手机号", "手机号码", "移动电话", "联系电话", "电话", "Mobile", "Mobile Phone", "Phone"),
    "contact.email": ("邮箱", "电子邮箱", "电子邮件", "邮件", "Email", "E-mail", "Email Address"),
    "contact.wecom_external_userid": ("外部联系人ID", "external_userid"),
    "owner": ("负责人", "客户负责人", "销售负责人", "归属人", "所属员工", "Owner"),
}


def _with_generic(specific: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The CRM's own headers first, then the hand-made ones (a CRM's export is often edited in Excel)."""
    return {field: (*specific.get(field, ()), *GENERIC.get(field, ())) for field in FIELDS}


COLUMN_MAPS: dict[str, dict[str, tuple[str, ...]]] = {
    "generic": _with_generic({}),
    # Salesforce: an Accounts report or Data Loader export (English and Chinese UI); a contact report adds a row per contact.
    "salesforce": _with_generic({
        "id": ("Account ID", "Account Id (18)", "客户 ID"),
        "name": ("Account Name", "客户名"),
        "stage": ("Type", "Account Type", "类型"),
        "profile": ("Description", "描述"),
        "contact.name": ("Full Name", "Contact: Full Name", "联系人: 全名"),
        "contact.title": ("Title", "职务"),
        "contact.phone": ("Mobile", "Phone", "手机", "电话"),
        "contact.email": ("Email", "电子邮件"),
        "owner": ("Account Owner", "Account Owner: Full Name", "客户所有人"),
    }),
    # HubSpot: the Companies export.
    "hubspot": _with_generic({
        "id": ("Record ID", "Company ID", "记录 ID"),
        "name": ("Company name", "Name", "公司名称"),
        "stage": ("Lifecycle Stage", "生命周期阶段"),
        "profile": ("Description", "About Us", "描述"),
        "contact.phone": ("Phone Number", "电话号码"),
        "owner": ("Company owner", "公司所有者"),
    }),
    # Zoho CRM: the Accounts export.
    "zoho": _with_generic({
        "id": ("Record Id", "Account Id", "记录 Id"),
        "name": ("Account Name", "客户名称"),
        "stage": ("Account Type", "客户类型"),
        "profile": ("Description", "描述"),
        "contact.phone": ("Phone", "电话"),
        "owner": ("Account Owner", "客户所有者"),
    }),
    # 企业微信 customer contact: one row per external contact (a person). Here 客户名称 is the PERSON, the
    # company is 企业名称; the customer id must come from your CRM (a column 客户编号).
    "wecom": {
        "id": ("客户编号", "CRM编号", "客户ID"),
        "name": ("企业名称", "客户企业", "所属企业", "公司"),
        "industry": ("行业",),
        "stage": ("客户阶段", "阶段"),
        "profile": ("描述", "客户描述"),
        "notes": ("备注",),
        "contact.name": ("客户名称", "客户姓名", "外部联系人", "联系人", "昵称"),
        "contact.title": ("职务", "职位"),
        "contact.phone": ("手机号", "手机", "电话"),
        "contact.email": ("邮箱",),
        "contact.wecom_external_userid": ("external_userid", "外部联系人ID", "ExternalUserID"),
        "owner": ("添加人", "所属员工", "跟进人", "负责人"),
    },
}

# A CRM's stage (type, lifecycle stage) in the words of the role's ``stage`` field; compared like headers.
STAGES: dict[str, str] = {
    # hand-made, Chinese
    "潜在客户": "lead", "线索": "lead", "意向客户": "qualified", "意向": "qualified", "洽谈中": "qualified",
    "方案报价": "proposal", "报价": "proposal", "方案": "proposal", "商务谈判": "negotiation", "谈判": "negotiation",
    "成交客户": "contract", "签约客户": "contract", "已签约": "contract", "合同执行中": "contract", "老客户": "contract",
    "续约期": "renewal", "续约": "renewal", "休眠": "dormant", "沉睡": "dormant", "流失": "dormant",
    # the role's own words, and English
    "lead": "lead", "qualified": "qualified", "proposal": "proposal", "negotiation": "negotiation",
    "contract": "contract", "renewal": "renewal", "dormant": "dormant", "customer": "contract", "inactive": "dormant",
    # Salesforce account types
    "prospect": "lead", "customer - direct": "contract", "customer - channel": "contract",
    # HubSpot lifecycle stages (export shows the label or the internal value)
    "subscriber": "lead", "marketing qualified lead": "qualified", "marketingqualifiedlead": "qualified",
    "sales qualified lead": "qualified", "salesqualifiedlead": "qualified", "opportunity": "proposal",
    "evangelist": "contract",
}
