"""The rules reported outside ``rules.py``, registered for their documentation, and the guide page of them all.

The loader, the schema check, the secret scan and the time policy make their problems where the
work is done; each id they use is registered here, so that ``every_rule()`` names every id a user
can meet. ``guide_page()`` renders the rule table that handbook/guide/rules.md holds; a test keeps
the committed page equal to it. After changing a rule, regenerate the page::

    .venv/bin/python -m generator.check.catalog
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import rules  # noqa: F401  (imported for its registrations: the per-file rules)
from .registry import SECTIONS, STAGES, Rule, describe, registered

# -- files -------------------------------------------------------------------------------------------

describe("file-too-large", "error", "file", """
    查什么：文件超过 2 MB。
    为什么：交接文件是文字，不是附件；过大的文件拖慢检查，也可能是误放进来的数据。
    怎么改：把内容拆成几个交接文件，附件放到文档库里，这里只写链接。

    What: the file is larger than 2 MB.
    Why: a handover file is text, not attachments; a huge file slows every check and is often data put there by mistake.
    Fix: split it into several handover files; keep attachments in the document store and link to them.
""")
describe("encoding", "error", "file", """
    查什么：文件不是 UTF-8 编码（例如用 GBK 保存）。
    为什么：其他编码的中文在网站和检查里会变成乱码。
    怎么改：在编辑器里用 UTF-8 编码另存（多数编辑器：「另存为」时选择编码 UTF-8）。

    What: the file is not encoded as UTF-8 (for example saved as GBK).
    Why: Chinese text in another encoding turns into garbage on the site and in the check.
    Fix: save the file as UTF-8 (most editors: choose the encoding when saving).
""")
describe("unreadable", "error", "file", """
    查什么：文件无法读取（权限不足，或它其实是文件夹）。
    为什么：读不到的文件无法检查，也无法发布。
    怎么改：确认文件存在、是普通文件，并且当前用户有读权限。

    What: the file cannot be read (no permission, or it is in fact a folder).
    Why: a file that cannot be read can be neither checked nor published.
    Fix: make sure the file exists, is a plain file, and is readable by the user running the check.
""")
describe("file-name", "error", "file", """
    查什么：交接文件或其所在文件夹的名字含有字母、数字、`.`、`-`、`_` 以外的字符（如空格、中文）。
    为什么：文件名会成为页面网址、CODEOWNERS 的一行和 CI 标注的文件名，特殊字符会破坏它们。
    怎么改：改名，只用字母、数字、`.`、`-`、`_`，例如 `2026-11-zhangwei-sales.yaml`。

    What: the name of a handover file or of a folder above it has characters other than letters, digits,
    `.`, `-` and `_` (such as spaces or Chinese).
    Why: the name becomes a page address, a CODEOWNERS line and the file name of CI annotations; other characters break them.
    Fix: rename it with letters, digits, `.`, `-` and `_` only, e.g. `2026-11-zhangwei-sales.yaml`.
""")
describe("symlink-outside", "error", "file", """
    查什么：handbook/ 里的符号链接指向仓库之外。
    为什么：检查和网站只读仓库里的内容；指向外面的链接可能把别处的文件发布出去。
    怎么改：把文件本身放进仓库，或删除这个链接。

    What: a symbolic link under handbook/ points outside the repository.
    Why: the check and the site read only what is in the repository; a link out could publish a file from elsewhere.
    Fix: put the file itself into the repository, or delete the link.
""")
describe("project", "error", "file", """
    查什么：项目本身无法读取：岗位 schema 或模板损坏、`pyproject.toml` 的设置有误，或仓库是浅克隆、读不到签字历史。
    为什么：没有这些，任何交接文件都无法检查或发布；预览（handover serve）会在页面上显示这个错误，而不是停止。
    怎么改：按错误信息修复所指的文件或设置；浅克隆请运行 `git fetch --unshallow`（CI 里设置 fetch-depth: 0）。

    What: the project itself cannot be read: a role schema or template is broken, a setting in `pyproject.toml` is
    wrong, or the repository is a shallow clone without the sign-off history.
    Why: without them no handover file can be checked or published; the preview (handover serve) shows the error on
    its pages instead of stopping.
    Fix: repair the file or setting the message names; for a shallow clone run `git fetch --unshallow` (in CI set
    fetch-depth: 0).
""")
describe("not-a-mapping", "error", "file", """
    查什么：交接文件的最外层不是「字段: 值」的映射（例如是一个列表或一段文字）。
    为什么：交接文件的每一项都有固定的字段名，检查和网站按字段名读取。
    怎么改：从岗位模板开始：`handover new --role 岗位 --leaver 人员id`。

    What: the top of the handover file is not a mapping of `key: value` lines (it is a list or plain text).
    Why: every part of a handover has a fixed field name that the check and the site read.
    Fix: start from the role template: `handover new --role ROLE --leaver ID`.
""")
describe("unknown-role", "error", "file", """
    查什么：`role` 不是已有的岗位（schemas/roles/ 下没有对应的 schema）。
    为什么：岗位决定文件要填哪些字段、按哪个清单交接。
    怎么改：改成报错提示里列出的岗位之一；要新增岗位，见「如何新增岗位」。

    What: `role` is not a known role (no schema for it under schemas/roles/).
    Why: the role decides which fields the file has and which checklist applies.
    Fix: use one of the roles the hint lists; to add a role, see the add-role guide.
""")
describe("roster-missing", "error", "file", """
    查什么：花名册 handbook/people.yaml 不存在。
    为什么：交接里的每个人都要在花名册中，没有花名册就无法核对任何人。
    怎么改：创建 handbook/people.yaml，列出部门和人员。

    What: the roster handbook/people.yaml does not exist.
    Why: everyone named in a handover must be in the roster; without it nobody can be checked.
    Fix: create handbook/people.yaml listing the departments and people.
""")

# -- reading YAML ------------------------------------------------------------------------------------

describe("yaml-syntax", "error", "yaml", """
    查什么：YAML 写法错误：缩进不齐、缺冒号、引号没有配对，或文件里有不允许的特殊字符。
    为什么：语法错误的文件无法读取，后面的内容都无法检查。
    怎么改：检查报错这一行和上一行的缩进、冒号和引号；含冒号、逗号的文字整体加引号。

    What: a YAML syntax error: uneven indentation, a missing colon, an unclosed quote, or a character YAML does not allow.
    Why: a file with a syntax error cannot be read, so nothing after it can be checked.
    Fix: check indentation, colons and quotes on the reported line and the one above; quote text that holds colons or commas.
""")
describe("yaml-full-width", "error", "yaml", """
    查什么：字段名后面用了中文全角冒号 `：`（如 `leaver：zhangwei`），冒号后面是全角空格（U+3000），
    或者行首用全角空格缩进。中文输入法下最容易打出这些字符。
    为什么：YAML 只认半角冒号加一个半角空格（`: `），只认半角空格缩进；否则这一行读不成「字段: 值」，
    YAML 自己的报错还会落在下一行，让人找不到原因。
    怎么改：按提示把这一行改成半角冒号加空格，如 `leaver: zhangwei`；缩进改用半角空格。

    What: a field name is followed by a full-width colon `：` (as in `leaver：zhangwei`), the colon by a full-width
    space (U+3000), or a line is indented with full-width spaces: what a Chinese input method types.
    Why: YAML knows only an ASCII colon followed by a space (`: `) and ASCII spaces for indentation; otherwise the line is
    not read as `key: value`, and YAML's own error lands on a later line.
    Fix: write the line as the hint shows, with an ASCII colon and a space, e.g. `leaver: zhangwei`; indent with spaces.
""")
describe("yaml-tab", "error", "yaml", """
    查什么：行首的缩进里有 Tab 制表符（包括列表的 `-` 后面）。
    为什么：YAML 不允许用 Tab 缩进；不同编辑器里 Tab 显示的宽度也不一样，层级会错。
    怎么改：删掉 Tab，改用空格缩进（提示里给出改好的这一行）；编辑器里可以打开「用空格代替 Tab」。

    What: the indentation at the start of a line (or after a list's `-`) holds a tab.
    Why: YAML does not allow tabs for indentation, and editors show a tab at different widths, so levels go wrong.
    Fix: replace the tab with spaces (the hint shows the corrected line); most editors can insert spaces for Tab.
""")
describe("yaml-multiple-documents", "error", "yaml", """
    查什么：一个文件里用 `---` 分成了多个 YAML 文档。
    为什么：一个文件就是一次交接，第二个文档会被忽略或混淆。
    怎么改：删除 `---` 分隔线；另一次交接写成另一个文件。

    What: the file holds several YAML documents separated by `---`.
    Why: one file is one handover; a second document would be ignored or confused with the first.
    Fix: remove the `---` separator; write another handover as another file.
""")
describe("yaml-too-large", "error", "yaml", """
    查什么：一个文件里的值超过 20 万个。
    为什么：这样大的文件不是手写的交接，会拖垮检查和网站构建。
    怎么改：把内容拆成几个交接文件。

    What: the file holds more than 200,000 values.
    Why: a file that large is no hand-written handover, and would overwhelm the check and the site build.
    Fix: split the content into several handover files.
""")
describe("yaml-too-deep", "error", "yaml", """
    查什么：嵌套超过 32 层。
    为什么：交接文件只需要几层；过深的嵌套难以阅读，也可能是恶意构造的文件。
    怎么改：把结构拉平。

    What: values are nested more than 32 levels deep.
    Why: a handover needs only a few levels; deeper nesting is unreadable, or a file built to attack the tool.
    Fix: flatten the structure.
""")
describe("yaml-anchor", "error", "yaml", """
    查什么：使用了 YAML 锚点（`&名字`）。
    为什么：锚点和别名让同一段内容出现在别处，评审和签字的人看不到实际展开的内容。
    怎么改：删除锚点，把内容完整写出来。

    What: a YAML anchor (`&name`) is used.
    Why: anchors and aliases repeat content elsewhere, hiding from reviewers and signers what the file really says.
    Fix: remove the anchor and write the content out in full.
""")
describe("yaml-alias", "error", "yaml", """
    查什么：使用了 YAML 别名（`*名字`）引用锚点。
    为什么：别名隐藏了实际内容，还能被用来构造指数级膨胀的文件；在展开之前就会被拒绝。
    怎么改：把引用的内容完整写出来。

    What: a YAML alias (`*name`) refers to an anchor.
    Why: aliases hide what a file says and can make it blow up exponentially; they are refused before anything expands.
    Fix: write the referenced content out in full.
""")
describe("yaml-tag", "error", "yaml", """
    查什么：值或键带有 YAML 标签（如 `!!python/object`、`!!str`）。
    为什么：标签会改变值的类型，有的还能在不安全的读取器里执行代码。
    怎么改：删除标签；要保持为文字就给值加引号。

    What: a value or key carries a YAML tag (such as `!!python/object` or `!!str`).
    Why: tags change a value's type, and some run code in unsafe readers.
    Fix: remove the tag; quote the value if it must stay text.
""")
describe("yaml-merge-key", "error", "yaml", """
    查什么：使用了合并键 `<<`。
    为什么：合并键从别处拼入字段，评审的人看不到最终内容。
    怎么改：把要合并的字段完整写出来。

    What: a merge key `<<` is used.
    Why: a merge key pulls fields in from elsewhere, so a reviewer cannot see the result.
    Fix: write the merged fields out in full.
""")
describe("yaml-complex-key", "error", "yaml", """
    查什么：键是列表或映射（如 `? [a, b]` 或 `{[a]: b}`），而不是一段文字。
    为什么：交接文件的字段名都是简单的文字。
    怎么改：冒号前只写一个简单的字段名。

    What: a key is a list or a mapping (such as `? [a, b]` or `{[a]: b}`) rather than plain text.
    Why: every field name in a handover file is simple text.
    Fix: put a simple name before the colon.
""")
describe("yaml-duplicate-key", "error", "yaml", """
    查什么：同一层里同一个字段名出现了两次。
    为什么：YAML 会悄悄只保留后一个，前面写的内容就丢了。
    怎么改：删除其中一个，或把两处内容合并。

    What: the same field name appears twice at one level.
    Why: YAML would silently keep only the last one and lose what was written first.
    Fix: remove one of them, or merge the two.
""")
describe("yaml-ambiguous-number", "error", "yaml", """
    查什么：没加引号的值会被读成一个不同的数字，例如 `01234567`、`+86 138…`、`1.50`、`0x1F`。
    为什么：编号会丢掉开头的 0，电话会丢掉加号，金额会丢掉末尾的 0；数据被悄悄改掉。
    怎么改：给值加上引号，原样保留，例如 `"01234567"`。

    What: an unquoted value would be read as a different number, e.g. `01234567`, `+86 138…`, `1.50`, `0x1F`.
    Why: ids lose their leading zero, phone numbers their plus, amounts their last zero: data silently changed.
    Fix: quote the value to keep it exactly as written, e.g. `"01234567"`.
""")

# -- the schema ----------------------------------------------------------------------------------------

# The JSON Schema keyword behind each schema rule (check/schema.py names a rule after the validator's
# error kind). A keyword that a schema uses and that is in neither table is a test failure: register its rule.
SCHEMA_RULES = {
    "required": "schema-required", "additionalProperties": "schema-unknown-field",
    "unevaluatedProperties": "schema-unknown-field", "type": "schema-type", "enum": "schema-enum",
    "const": "schema-constant", "format": "schema-format", "pattern": "schema-pattern",
    "minLength": "schema-min-length", "maxLength": "schema-max-length", "minimum": "schema-minimum",
    "maximum": "schema-maximum", "minItems": "schema-min-items", "uniqueItems": "schema-unique-items",
}
# Keywords that structure or annotate a schema and never fail on their own.
SCHEMA_ANNOTATIONS = frozenset({"$schema", "$id", "$ref", "$defs", "$comment", "title", "description", "examples",
                                "default", "properties", "items", "allOf", "if", "then", "else"})

describe("schema-required", "error", "schema", """
    查什么：缺少必填字段。
    为什么：必填字段是这个岗位交接必须说明的内容，例如离职人、最后工作日、每个客户的接手人。
    怎么改：在报错的位置加上这个字段（提示里给出字段名）。

    What: a required field is missing.
    Why: required fields are what every handover of this role must state, such as the leaver, the last day, each customer's successor.
    Fix: add the field at the reported place (the hint names it).
""")
describe("schema-unknown-field", "error", "schema", """
    查什么：出现了 schema 里没有的字段，常见原因是拼写错误，或 `{…}` 里的文字被逗号、冒号截断。
    为什么：拼错的字段不会显示在网站上，内容等于丢失。
    怎么改：按提示里列出的允许字段改正拼写；含逗号、冒号的文字整体加引号。

    What: a field the schema does not know, usually a misspelling, or text inside `{…}` cut off at a comma or colon.
    Why: a misspelt field is never shown on the site; its content is as good as lost.
    Fix: correct the spelling against the fields the hint lists; quote text that holds commas or colons.
""")
describe("schema-type", "error", "schema", """
    查什么：值的类型不对，例如该写文字却写成了数字，该写 true/false 却写成了「是」。
    为什么：类型不对的值在页面和报表里会显示错或算错。
    怎么改：按提示改：文字加引号，是非写 true 或 false，列表每项一行 `- `。

    What: a value has the wrong type, e.g. a number where text belongs, or 「是」 where true/false belongs.
    Why: a value of the wrong type is shown or counted wrongly on pages and in reports.
    Fix: follow the hint: quote text, write true or false, write a list with one `- ` item per line.
""")
describe("schema-enum", "error", "schema", """
    查什么：值不在允许的选项里（如状态、优先级、文档类型）。
    为什么：选项决定页面上的标签、进度统计和提醒。
    怎么改：改成提示里列出的选项之一。

    What: a value is not one of the allowed options (such as a status, a priority, a document kind).
    Why: the options drive the labels on pages, progress counts and reminders.
    Fix: use one of the options the hint lists.
""")
describe("schema-constant", "error", "schema", """
    查什么：固定值写错了，例如 `schema_version` 不是 1。
    为什么：固定值说明文件按哪个版本的格式写成。
    怎么改：改成提示里给出的值。

    What: a fixed value is wrong, e.g. `schema_version` is not 1.
    Why: a fixed value says which version of the format the file follows.
    Fix: use the value the hint gives.
""")
describe("schema-format", "error", "schema", """
    查什么：日期或邮箱的格式不对，例如 `2026-02-30` 不是真实的日期。
    为什么：错误的日期会让截止、逾期和提醒全部算错。
    怎么改：日期写成 YYYY-MM-DD 的真实日期，邮箱写成 name@example.com 的形式。

    What: a date or e-mail address is malformed, e.g. `2026-02-30` is no real date.
    Why: a wrong date makes deadlines, overdue items and reminders all wrong.
    Fix: write dates as real YYYY-MM-DD dates and e-mail addresses like name@example.com.
""")
describe("date-not-iso", "error", "schema", """
    查什么：日期写成了 `2026/12/31`、`2026.12.31`、`2026年12月31日` 或 `2026-1-5` 这样的格式。
    为什么：交接文件里的日期一律写成 YYYY-MM-DD，截止、逾期、提醒和排序才能算对。
    怎么改：按提示改成 YYYY-MM-DD，例如 `2026-12-31`（月和日都写两位）。

    What: a date is written as `2026/12/31`, `2026.12.31`, `2026年12月31日` or `2026-1-5`.
    Why: dates in handover files are always YYYY-MM-DD, so that deadlines, overdue items, reminders and sorting work.
    Fix: write it as the hint shows, as YYYY-MM-DD, e.g. `2026-12-31` (two digits for month and day).
""")
describe("schema-pattern", "error", "schema", """
    查什么：值不符合字段要求的写法，例如编号含空格、人员 id 有大写字母，或必填的文字只有空格。
    为什么：编号和 id 用在网址和引用里，只能用规定的字符；空白的文字等于没写。
    怎么改：按提示里的字段说明改写。

    What: a value does not match the field's required form, e.g. an id with spaces, a person id with capitals,
    or required text that is only blanks.
    Why: ids are used in addresses and references and may only use certain characters; blank text says nothing.
    Fix: rewrite it as the field's description in the hint says.
""")
describe("schema-min-length", "error", "schema", """
    查什么：文字是空的（`""`）。
    为什么：空的必填文字等于没写。
    怎么改：填上内容；可选的字段不需要就整行删掉。

    What: a text is empty (`""`).
    Why: an empty text says nothing.
    Fix: fill it in; delete the line if the field is optional and not needed.
""")
describe("schema-max-length", "error", "schema", """
    查什么：文字超过字段的长度上限（名称、标题 200 字，说明 20000 字）。
    为什么：名称和标题要能在列表和导航里一眼看完；长内容应写在说明里。
    怎么改：缩短文字，把细节移到这个条目的说明（notes）里。

    What: a text is longer than the field allows (200 characters for names and titles, 20,000 for notes).
    Why: names and titles must read at a glance in lists; long content belongs in notes.
    Fix: shorten it and move the details into the item's notes.
""")
describe("schema-minimum", "error", "schema", """
    查什么：数值小于允许的最小值。
    为什么：超出范围的数值（如负数）在统计和报表里没有意义。
    怎么改：改成字段说明允许的范围内的数值。

    What: a number is below the smallest allowed value.
    Why: a number out of range (such as a negative one) makes no sense in counts and reports.
    Fix: use a number within the range the field's description gives.
""")
describe("schema-maximum", "error", "schema", """
    查什么：数值大于允许的最大值。
    为什么：超出范围的数值在统计和报表里没有意义。
    怎么改：改成字段说明允许的范围内的数值。

    What: a number is above the largest allowed value.
    Why: a number out of range makes no sense in counts and reports.
    Fix: use a number within the range the field's description gives.
""")
describe("schema-min-items", "error", "schema", """
    查什么：列表是空的，但至少要有一项（例如接手人）。
    为什么：没有接手人的交接无人确认。
    怎么改：至少加上一项。

    What: a list is empty but needs at least one item (for example the successors).
    Why: a handover without a successor is confirmed by nobody.
    Fix: add at least one item.
""")
describe("schema-unique-items", "error", "schema", """
    查什么：列表里同一项出现了两次（例如同一个接手人写了两遍）。
    为什么：重复的项会被重复计数、重复提醒。
    怎么改：删掉重复的一项。

    What: the same item appears twice in a list (for example one successor listed twice).
    Why: a repeated item is counted and reminded twice.
    Fix: remove the repeated item.
""")

# -- secrets -------------------------------------------------------------------------------------------

describe("secret", "error", "secrets", """
    查什么：任何知识库文件（交接文件、花名册、手写页面）里像是口令、私钥、云服务密钥、访问令牌、带账号口令的网址或连接串的内容，
    包括中文写法和阿里云、腾讯云的密钥格式。文件里的「忽略此行」注释不生效。
    为什么：写进 git 的内容会永远留在历史里并发布到网站，等于泄露。报错只说明是哪一类，不会打印内容本身。
    怎么改：删掉它，并立即作废、更换（它可能已在 git 历史里）；凭据存进密码管理器，这里只写引用，如 `credential_ref: vault://…`。

    What: anything in a handbook file (handover, roster, hand-written page) that looks like a pass phrase, private key,
    cloud key, access token, URL or connection string with credentials, Chinese wording and Chinese cloud keys included.
    Allowlist comments in the file are not honoured.
    Why: what enters git stays in its history and is published on the site: it is leaked. The message names the kind, never the value.
    Fix: delete it and rotate it at once (it may already be in git history); keep credentials in the password manager and
    write only a reference here, e.g. `credential_ref: vault://…`.
""")

# -- deadlines -------------------------------------------------------------------------------------------

describe("policy-short-notice", "warning", "policy", """
    查什么：提出离职到最后工作日的天数少于规定（默认 30 天，`[tool.handover.policy] min_notice_days`）。
    为什么：时间太短，交接清单很难做完。
    怎么改：马上和 HR 商定交接计划，必要时调整最后工作日。

    What: fewer days between notice and last day than the policy asks (default 30, `[tool.handover.policy] min_notice_days`).
    Why: with so little time the checklist will be hard to finish.
    Fix: agree the handover plan with HR now, and move the last day if needed.
""")
describe("policy-no-transition", "warning", "policy", """
    查什么：没有写过渡期 `transition`。
    为什么：过渡期是离职人和接手人一起服务客户、一起拜访的时间，没有过渡期就没有当面交接。
    怎么改：加上 `transition: {start: …, end: …}`，在最后工作日之前结束。

    What: the file has no `transition` period.
    Why: the transition is when leaver and successor serve customers together; without it nothing is handed over in person.
    Fix: add `transition: {start: …, end: …}`, ending on or before the last day.
""")
describe("policy-late-start", "warning", "policy", """
    查什么：过渡期开始得太晚，离最后工作日的工作日数少于规定（默认 3 个，按法定节假日和调休计算）。
    为什么：留给交接的工作日太少，客户拜访和账号移交来不及完成。
    怎么改：提前过渡期的开始日期，或与 HR 商定推迟最后工作日。

    What: the transition starts too late: fewer working days before the last day than the policy asks
    (default 3, counted with public holidays and adjusted working weekends).
    Why: too few working days are left for customer visits and moving accounts.
    Fix: start the transition earlier, or move the last day with HR.
""")
describe("policy-successor-late", "warning", "policy", """
    查什么：离职人签字后，接手人没有在规定的工作日内（默认 3 个）确认。
    为什么：接手人越晚核对，越来不及向离职人提问。
    怎么改：接手人尽快核对并签字：`handover sign --as successor 文件`。

    What: a successor has not confirmed within the policy's working days (default 3) of the leaver's sign-off.
    Why: the later the successor checks, the less time is left to ask the leaver.
    Fix: the successor reviews and signs soon: `handover sign --as successor FILE`.
""")
describe("policy-customer-unconfirmed", "warning", "policy", """
    查什么：重点客户（`key_account: true`）还没有确认新的对接人。
    为什么：客户不知道换了人，是客户流失的主要原因。
    怎么改：安排三方拜访或电话，客户确认后写上 `handover_confirmed_by_customer: true`。

    What: a key customer (`key_account: true`) has not confirmed the new contact.
    Why: customers who do not know their contact changed are the main way customers are lost.
    Fix: arrange a joint visit or call, then set `handover_confirmed_by_customer: true`.
""")
describe("policy-customer-not-contacted", "warning", "policy", """
    查什么：最后工作日后规定的工作日内（默认 3 个），接手人还没有联系重点客户，或联系晚了。
    为什么：接手后第一时间主动联系，客户才会把新对接人当回事。
    怎么改：接手人联系客户，并在 `successor_contacted` 写上日期。

    What: the successor has not contacted a key customer within the policy's working days (default 3) after the last day, or did so late.
    Why: a prompt first call is what makes the customer accept the new contact.
    Fix: the successor contacts the customer and records the date in `successor_contacted`.
""")
describe("policy-no-history", "warning", "policy", """
    查什么：仓库是浅克隆，读不到完整的 git 历史，签字时限没有检查。
    为什么：签字记录在 git 历史里，历史不全就无法判断谁何时签过。
    怎么改：用完整历史克隆；CI 里设置 `fetch-depth: 0`。

    What: the repository is a shallow clone without full git history, so sign-off deadlines were not checked.
    Why: sign-offs live in git history; without all of it nobody can tell who signed when.
    Fix: clone with full history; in CI set `fetch-depth: 0`.
""")


# -- coverage: nothing a leaver holds falls through (generator/track/coverage.py) ------------------------

describe("coverage-customer-missing", "warning", "handbook", """
    查什么：之前的交接把某个客户转给了离职人，离职人自己的交接文件却既没有交接这个客户，也没有在 `not_handed_over` 里说明原因。
    为什么：客户跟着一次次交接换负责人；漏掉一个，这个客户就没人跟进了。
    怎么改：把客户写进本文件的 `customers` 并指定接手人；如果确实不再交接（例如客户已终止合作），写进 `not_handed_over: customers:`，
    附上 `customer_id` 和原因。

    What: an earlier handover gave the leaver a customer that the leaver's own handover neither hands over nor lists
    under `not_handed_over` with a reason.
    Why: customers change owner handover after handover; one left out is a customer nobody follows up.
    Fix: add the customer to this file's `customers` with its successor; if it really is not handed over (the customer
    ended the relationship, say), list it under `not_handed_over: customers:` with its `customer_id` and the reason.
""")
describe("coverage-access-missing", "warning", "handbook", """
    查什么：之前的交接把某个系统账号转给了离职人（`to` 是离职人），离职人自己的交接文件却没有处理这个账号，
    也没有在 `not_handed_over` 里说明原因。
    为什么：没人交接也没人注销的账号，离职后仍然能登录，也没人知道它归谁。
    怎么改：在本文件的 `access` 里移交（`action: transfer`）或注销（`action: revoke`）这个账号；已经不存在的账号写进
    `not_handed_over: access:`，附上系统、账号和原因。

    What: an earlier handover transferred an account to the leaver (its `to` is the leaver), and the leaver's own
    handover neither deals with it nor lists it under `not_handed_over` with a reason.
    Why: an account nobody hands over or revokes can still be used after the leaver has gone, and nobody knows whose it is.
    Fix: transfer (`action: transfer`) or revoke (`action: revoke`) the account in this file's `access`; an account that
    no longer exists goes under `not_handed_over: access:` with its system, account and the reason.
""")

def every_rule() -> tuple[Rule, ...]:
    """Every registered rule, grouped by stage in the order a file meets them."""
    order = list(STAGES)
    return tuple(sorted(registered().values(), key=lambda r: order.index(r.stage)))


SEVERITY_LABELS = {"error": "错误<br>error", "warning": "警告<br>warning"}
GUIDE = Path("handbook") / "guide" / "rules.md"


def _cell(text: str) -> str:
    """A table cell: a sentence (the English runs on from its label), a pipe ending the cell only in code.

    Python-Markdown's tables keep a pipe inside `code` and would show the backslash of an escaped one.
    """
    parts = (text[:1].upper() + text[1:]).split("`")
    return "`".join(part if index % 2 else part.replace("|", "\\|") for index, part in enumerate(parts))


def guide_page() -> str:
    """The guide page of every rule: one table per stage, each cell in Chinese, then English."""
    every = every_rule()
    lines = [
        "<!-- 本页由 generator/check/catalog.py 生成，请勿手改。Generated from generator/check/catalog.py: "
        "do not edit; run .venv/bin/python -m generator.check.catalog -->",
        "# 检查规则一览",
        "",
        "`handover check` 报告的每个问题都在末尾写明规则名，如 `[unknown-person]`。下面按检查顺序列出全部规则："
        "**错误**必须改掉，检查才能通过；**警告**不会让检查失败，但每一条都要看。",
        "",
        "Every problem `handover check` reports ends with its rule, e.g. `[unknown-person]`. The tables list every "
        "rule in the order a file is checked: an **error** must be fixed for the check to pass; a **warning** does "
        "not fail it, but each one deserves a look.",
    ]
    labels = dict(SECTIONS)
    header = (f"| 规则 Rule | 级别 Severity | {labels['what_zh'][:-1]} What | {labels['why_zh'][:-1]} Why "
              f"| {labels['fix_zh'][:-1]} How to fix |")
    for stage, (zh, en) in STAGES.items():
        here = [r for r in every if r.stage == stage]
        if not here:
            continue
        lines += ["", f"## {zh} · {en}", "", header, "|---|---|---|---|---|"]
        for found in here:
            text = found.sections
            cells = [f"`{found.id}`", SEVERITY_LABELS[found.severity],
                     *(f"{_cell(text[key + '_zh'])}<br>{_cell(text[key])}" for key in ("what", "why", "fix"))]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the guide page under the project root given (default: the current folder)."""
    root = Path((argv if argv is not None else sys.argv[1:] or ["."])[0])
    (root / GUIDE).write_text(guide_page(), encoding="utf-8")
    print(f"wrote {root / GUIDE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
