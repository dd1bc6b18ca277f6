"""What the commands say, in Chinese (default) and English: (zh, en) templates with the same named fields.

Keys are stable ids grouped by where they are said (``cli_``, ``error_``, ...); rule ids, JSON keys and
exit codes are not words and never come from here.
"""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # generator/errors.py
    "error_validation_failed": ("交接资料中有 {errors} 处错误", "{errors} error(s) in the handbook"),
    # generator/config.py
    "config_language": ("{file}：[tool.handover] language 只能是 \"zh\"（中文）或 \"en\"（英文），而不是 {value!r}",
                        "{file}: [tool.handover] language must be \"zh\" (Chinese) or \"en\" (English), not {value!r}"),
    "config_unreadable": ("{file}：无法读取：{error}", "{file}: {error}"),
    "config_not_table": ("{file}：[{table}] 必须是一个表（table）", "{file}: [{table}] must be a table"),
    "config_company": ("{file}：[tool.handover] company 应是公司名称，写在一行内，最多 {most} 个字符，"
                       "例如 company = \"苏州澄泓科技有限公司\"",
                       "{file}: [tool.handover] company must be the company's name on one line, at most {most} "
                       "characters, e.g. company = \"苏州澄泓科技有限公司\""),
    "config_schemes": ("{file}：[tool.handover.security] credential_schemes 必须是 URL 协议名的列表，例如 [\"vault\", \"op\"]",
                       "{file}: [tool.handover.security] credential_schemes must be a list of URL schemes, "
                       "e.g. [\"vault\", \"op\"]"),
    "config_policy_number": ("{file}：[tool.handover.policy] {name} 必须是不小于 0 的整数",
                             "{file}: [tool.handover.policy] {name} must be a whole number >= 0"),
    "config_policy_type": ("{file}：[tool.handover.policy] {name} 必须是 {type}",
                           "{file}: [tool.handover.policy] {name} must be {type}"),
    "config_policy_unknown": ("{file}：[tool.handover.policy] 中有不认识的设置：{names}",
                              "{file}: [tool.handover.policy] has unknown settings: {names}"),
    "config_trailers": ("{file}：[tool.handover.signoff] {role}_trailers 必须是名称的列表",
                        "{file}: [tool.handover.signoff] {role}_trailers must be a list of names"),
    "config_flag": ("{file}：[tool.handover.signoff] {name} 必须是 true 或 false",
                    "{file}: [tool.handover.signoff] {name} must be true or false"),
    "config_allowed_signers": ("{file}：[tool.handover.signoff] allowed_signers 必须是一个路径",
                               "{file}: [tool.handover.signoff] allowed_signers must be a path"),
    # The parties of a handover, inside a sentence
    "party_leaver": ("离职人", "leaver"),
    "party_successor": ("接手人", "successor"),
    "party_manager": ("审批人", "manager"),
    # The command line: usage errors
    "cli_error": ("handover：{error}", "handover: {error}"),
    "cli_not_whole_number": ("应为不小于 1 的整数，而不是 {text!r}", "expected a whole number of at least 1, not {text!r}"),
    "cli_no_such_path": ("{path}：没有这个文件或文件夹", "{path}: no such file or folder"),
    "cli_not_in_handbook": ("{path}：不在交接资料（handbook）里，没有可检查的内容；交接文件放在 {handovers}/ 下"
                            "（运行 handover check 检查全部）",
                            "{path}: not in the handbook, so there is nothing to check; handover files live in "
                            "{handovers}/ (run 'handover check' to check them all)"),
    "cli_no_mkdocs_config": ("{config}：找不到 MkDocs 配置文件", "{config}: no MkDocs configuration found"),
    "cli_not_a_handover": ("{path}：不是本交接资料中有效的交接文件", "{path}: not a valid handover file of this handbook"),
    "cli_person_not_in_roster": ("--person {person}：不在 handbook/people.yaml 里",
                                 "--person {person}: not in handbook/people.yaml"),
    "cli_channel_without_send": ("--channel 指定 --send 发到哪里：请加上 --send",
                                 "--channel chooses where --send sends: add --send"),
    "cli_not_git_for_signoffs": ("这里不是 git 仓库：签字记录从 git 历史中读取",
                                 "not a git repository: sign-offs are read from git history"),
    "cli_not_git": ("这里不是 git 仓库", "not a git repository"),
    "cli_fix_first": ("请先改正这些问题（handover check）", "fix these problems first (handover check)"),
    # The command line: what a command did
    "cli_no_problems": ("没有发现问题", "no problems found"),
    "cli_created": ("已创建 {file}\n下一步：把其中每个“待填写”换成实际内容，然后运行：handover check {file}",
                    "created {file}\nnext: replace every 待填写 in it, then run: handover check {file}"),
    "cli_site_built": ("网站已生成在 {target}", "site built in {target}"),
    "cli_left_out": ("有 {count} 个文件因错误被略过：{files}；请改正（handover check）后再运行",
                     "left out {count} file(s) with errors: {files}; fix them (handover check), then run again"),
    "cli_still_to_sign": ("{file}：仍待签字：{names}", "{file}: still to sign: {names}"),
    "cli_waiting_party": ("{role} {name}（{person}）：{state}{reason}", "{role} {name} ({person}): {state}{reason}"),
    "cli_waiting_reason": ("——{reason}", " - {reason}"),
    "cli_not_all_signed": ("{waiting}/{total} 份交接尚未由各方签字：上面列出的每个人用 handover sign --as 角色 文件 "
                           "签署当前版本（见 guide/signoff.md）",
                           "{waiting} of {total} handover(s) not signed by every party: each person listed signs the "
                           "current version with 'handover sign --as ROLE FILE' (see guide/signoff.md)"),
    "cli_all_signed": ("全部 {total} 份交接已由离职人、每位接手人和审批人签字",
                       "all {total} handover(s) signed by the leaver, every successor and the manager"),
    "cli_signed": ("已以{role}身份签署 {file}，提交 {commit}\n下一步：推送（或发起合并请求）",
                   "signed {file} as {role} in commit {commit}\nnext: push it (or open a pull request)"),
    "cli_signoff_lost": ("{file}：{person} 的{role}签字原在提交 {commit}，该提交已不在历史中",
                         "{file}: {role} sign-off by {person} was commit {commit}, which is no longer in history"),
    "cli_signoffs_lost": ("丢失了 {count} 条签字：历史被改写或被强制推送",
                          "{count} sign-off(s) lost: history was rewritten or force-pushed"),
    "cli_all_signoffs_kept": ("所有已发布的签字都仍在历史中", "every published sign-off is still in history"),
    "cli_commit_refused": ("已拒绝提交：删除其中的密钥（并更换它），然后重新暂存",
                           "commit refused: remove the secret (and rotate it), then stage again"),
    "cli_wrote_items": ("已把 {count} 个未完成项写入 {file}", "wrote {count} open item(s) to {file}"),
    "cli_wrote_certificate": ("已写入 {target}：{file} 的交接确认单\n下一步：用 A4 纸打印；各方在空白签名处签字"
                              "（git 无法证明的签字）",
                              "wrote {target}: the certificate of {file}\nnext: print it on A4; each party signs where "
                              "a line is blank (a sign-off git cannot prove)"),
    "cli_hook_installed": ("已安装 {hook}：每次提交前都会先检查是否含有密钥",
                           "installed {hook}: every commit is scanned for secrets first"),
    "cli_codeowners_outdated": ("{file} 已过期：运行 handover codeowners --forge {forge}",
                                "{file} is out of date: run 'handover codeowners --forge {forge}'"),
    "cli_codeowners_current": ("{file} 是最新的", "{file} is up to date"),
    "cli_wrote": ("已写入 {file}", "wrote {file}"),
    "cli_warning": ("警告：{text}", "warning: {text}"),
    "cli_wrote_transfer": ("已把 {file} 的 {count} 个客户写入 {target}", "wrote {count} customer(s) of {file} to {target}"),
    "cli_transfer_left_out": ("未转移：{reason}", "left out: {reason}"),
    "cli_transfer_incomplete": ("有 {count} 个客户不在转移文件中：用其他方式交接，或补上缺少的内容后重新导出",
                                "{count} customer(s) are not in the transfer: hand them over another way, or add what "
                                "is missing and export again"),
    # handover new
    "new_not_a_date": ("{option}：{text!r} 不是日期；请写成 年-月-日，例如 2026-12-31",
                       "{option}: {text!r} is not a date; write YYYY-MM-DD, e.g. 2026-12-31"),
    "new_unknown_role": ("没有岗位 {role!r}；可用的岗位：{roles}", "unknown role {role!r}; roles: {roles}"),
    "new_roster_broken": ("人员名单 handbook/people.yaml 有错误；请先运行 handover check",
                          "the roster handbook/people.yaml has errors; run 'handover check' first"),
    "new_not_in_roster": ("不在 handbook/people.yaml 里：{people}", "not in handbook/people.yaml: {people}"),
    "new_no_manager": ("没有给出 --manager，而离职人所在部门在 people.yaml 里没有负责人（head）：请用 --manager 指定审批人",
                       "no --manager given and the leaver's department has no head in people.yaml: name the manager "
                       "with --manager"),
    "new_same_person": ("离职人、接手人和审批人必须是不同的人", "leaver, successors and manager must be different people"),
    "new_last_day_before_notice": ("--last-day {last_day} 早于提出离职日期 {notice}",
                                   "--last-day {last_day} is before the notice date {notice}"),
    "new_exists": ("{file} 已经存在；请直接编辑它", "{file} exists already; edit it instead"),
    # handover sign
    "sign_no_identity": ("git 不知道你是谁：运行 git config user.name \"你的名字\" 和 git config user.email "
                         "you@company.com（handbook/people.yaml 里登记的地址），然后重新签字（git 的原话：{said}）",
                         "git does not know who you are: run git config user.name \"你的名字\" and git config "
                         "user.email you@company.com (the address in handbook/people.yaml), then sign again "
                         "(git said: {said})"),
    "sign_bad_identity": ("git 报告的作者身份无法识别：{ident!r}", "git reported an author identity this tool cannot read: {ident!r}"),
    "sign_unknown_email": ("git 会把这次提交记为 {name} <{email}>（作者字段），而这个地址不在 handbook/people.yaml 里："
                           "把它加到你条目的 git_emails 中，或用名单里登记的地址提交（检查 GIT_AUTHOR_EMAIL 和 "
                           "git config user.email）",
                           "git would record this commit as {name} <{email}> (its author field), and that address is "
                           "not in handbook/people.yaml: add it to your entry's git_emails, or commit with the address "
                           "listed there (check GIT_AUTHOR_EMAIL and git config user.email)"),
    "sign_wrong_person": ("你是 {person}（{email}），但这份交接的{role}是 {holders}",
                          "you are {person} ({email}), but the {role} of this handover is {holders}"),
    "sign_not_committed": ("{file} 还没有提交：先提交它，再签署已提交的内容",
                           "{file} is not committed yet: commit it first, then sign what is committed"),
    "sign_uncommitted": ("{file} 有未提交的修改：先提交（签署的是已提交的内容）",
                         "{file} has uncommitted changes: commit them first (you sign what is committed)"),
    "sign_placeholders": ("{file} 里还有模板占位符“待填写”，不能签字：\n{where}\n请 {leaver} 把每一处换成实际内容"
                          "（或删除可选条目）并提交，然后再签字",
                          "{file} still has the template placeholder 待填写, so it cannot be signed:\n{where}\nask "
                          "{leaver} to replace each with real content (or delete the optional entry) and commit, then "
                          "sign again"),
    "sign_unfinished": ("{file} 还没有完成：清单中仍有待办项：{todo}。请 {leaver} 完成它们（或标为 n/a），或用 "
                        "--allow-incomplete 仍然批准（网站和 handover status 会显示为“未完成即批准”）",
                        "{file} is not finished: checklist item(s) still todo: {todo}. Ask {leaver} to finish them "
                        "(or mark them n/a), or approve anyway with --allow-incomplete (the site and 'handover status' "
                        "will show it was approved while incomplete)"),
    "sign_git_failed": ("git 未能记录签字：{error}", "git could not record the sign-off: {error}"),
    # Problems as text (check, scan)
    "severity_error": ("错误", "error"),
    "severity_warning": ("警告", "warning"),
    "problem_line": ("{file}:{line}:{column}: {severity}：{message} [{rule}]",
                     "{file}:{line}:{column}: {severity}: {message} [{rule}]"),
    "problem_hint": ("    提示：{hint}", "    hint: {hint}"),
    "problem_summary": ("{errors} 个错误，{warnings} 个警告", "{errors} error(s), {warnings} warning(s)"),
    # handover status
    "status_verified": ("签名已验证", "verified signature"),
    "status_claimed": ("仅凭提交的作者字段（未验证）", "claimed by the author field (unverified)"),
    "status_uncommitted": ("有未提交的改动：{file} 的本地内容不是已提交的内容，没有人签过它；请提交改动并重新请各方签字，或撤销改动",
                           "uncommitted changes: the working copy of {file} is not what was committed, so nobody "
                           "signed it; commit the changes and ask for sign-off again, or undo them"),
    "status_approved_incomplete": ("未完成即批准：{reasons}；请完成后再请审批人批准",
                                   "approved while incomplete: {reasons}; finish them and ask the manager to approve again"),
    "status_reason": ("（{reason}）", "({reason})"),
    # handover remind
    "remind_day_off": ("{today} 不是工作日（{why}）：今天没有提醒", "{today} is not a working day ({why}): no reminders"),
    "remind_overdue": ("已逾期 {n} 个工作日", "{n} working day(s) overdue"),
    "remind_due_in": ("还有 {n} 个工作日到期", "due in {n} working day(s)"),
    "remind_line": ("{to} <{email}>：[{kind}] {title}（{item}）— {file} — {due}，{when}",
                    "{to} <{email}>: [{kind}] {title} ({item}) — {file} — {due}, {when}"),
    "remind_summary": ("共 {count} 条提醒，涉及 {people} 人", "{count} reminder(s) for {people} people"),
    # handover build
    "build_no_plugin": ("{config}：没有启用 handover 插件，因此无法设置读者范围（audience）",
                        "{config}: the handover plugin is not enabled, so there is no audience to set"),
    "build_would_replace": ("{target}：网站会覆盖项目（{project}）或其交接资料（{docs}），或者位于交接资料之内；"
                            "请生成到单独的文件夹，例如 handover build -d site",
                            "{target}: the site would replace the project ({project}) or its handbook ({docs}), or sit "
                            "inside the handbook; build into a folder of its own, e.g. handover build -d site"),
    "build_where": ("（{file}）", " ({file})"),
    "build_os_error": ("无法在 {target} 生成网站：{error}{where}；原来的网站没有变化。请释放磁盘空间，或生成到你有写权限的"
                       "文件夹（handover build -d 文件夹），然后重新生成",
                       "could not build the site in {target}: {error}{where}; the previous site is unchanged. Free "
                       "disk space, or build into a folder you may write to (handover build -d DIR), then build again"),
    "build_locked": ("{target} 的另一次生成正在进行（它持有 {lock}）；请等它结束后再生成",
                     "another build of {target} is running (it holds {lock}); wait for it to finish, then build again"),
    # Characters named in messages
    "char_line_break": ("换行符", "a line break"),
    "char_carriage_return": ("回车符", "a carriage return"),
    "char_tab": ("制表符（Tab）", "a tab"),
    "char_invisible": ("不可见字符 {code}", "the invisible character {code}"),
    "char_named": ("“{char}”（{code} {name}）", "'{char}' ({code} {name})"),
    # handover codeowners
    "codeowners_unsafe_path": ("{path!r} 含有{char}，CODEOWNERS 无法安全地写入：请把文件或文件夹改名，只用字母、数字、"
                               "“.”“-”“_”，然后重新运行 handover codeowners",
                               "{path!r} contains {char}, which CODEOWNERS cannot hold safely: rename the file or folder "
                               "using letters, digits, '.', '-', '_' only, then run 'handover codeowners' again"),
    "codeowners_no_owner": ("{person}（{name}）在 handbook/people.yaml 里没有可用的 {site} 用户名或邮箱，而 {site} 会悄悄"
                            "忽略其他写法：在 {person} 的条目中加上“{forge}: <其 {site} 用户名>”（或其 {site} 账号的"
                            "“email:”），然后重新运行 handover codeowners",
                            "{person} ({name}) has no usable {site} user name or e-mail in handbook/people.yaml, and "
                            "{site} silently ignores any other owner: add '{forge}: <their {site} user name>' (or the "
                            "'email:' of their {site} account) to {person}'s entry, then run 'handover codeowners' again"),
    "codeowners_not_written": ("没有写入 CODEOWNERS：\n{problems}", "CODEOWNERS not written:\n{problems}"),
    # Check: schema problems (check/schema.py), one template per kind of jsonschema error
    "at_place": ("{where}：{text}", "{where}: {text}"),
    "value_word": ("值", "value"),
    "title_in_brackets": ("（{title}）", " ({title})"),
    "format_email": ("邮箱地址", "e-mail address"),
    "format_date": ("日期（年-月-日）", "date (YYYY-MM-DD)"),
    "schema_type": ("类型不对，应为 {types}", "must be of type {types}"),
    "schema_pattern": ("不符合{name}应有的格式", "does not match the expected {name} format"),
    "schema_format": ("不是有效的{format}", "is not a valid {format}"),
    "schema_min_length": ("不能为空", "must not be empty"),
    "schema_max_length": ("超过了 {limit} 个字符", "is longer than {limit} characters"),
    "schema_min_items": ("至少要有 {limit} 项", "must have at least {limit} item(s)"),
    "schema_max_items": ("最多只能有 {limit} 项", "must have at most {limit} item(s)"),
    "schema_unique_items": ("有重复的项", "has repeated items"),
    "schema_enum": ("不是允许的取值之一", "is not one of the allowed values"),
    "schema_constant": ("不是应有的值", "is not the expected value"),
    "schema_other": ("不是有效的{name}（{kind}）", "is not a valid {name} ({kind})"),
    "schema_required": ("缺少必填项“{key}”{title}", "missing required field '{key}'{title}"),
    "schema_unknown_field": ("不认识的字段“{key}”", "unknown field '{key}'"),
    "withheld_ambiguous_number": ("会被当成数字读取而改变（开头的 + 或 0、末尾的 0 会丢失）",
                                  "would be read as a number and change (a leading + or 0, or trailing zeros, are lost)"),
    "withheld_full_width": ("YAML 需要“: ”的地方写成了全角冒号“：”或全角空格（U+3000）",
                            "a full-width colon '\uff1a' or space (U+3000) stands where YAML needs ': '"),
    "withheld_tab": ("这一行用制表符（Tab）缩进；YAML 只允许空格", "the line is indented with a tab; YAML allows only spaces"),
    "hint_fill_value": ("在这里填上内容，或删掉这个键", "fill in a value here, or remove the key"),
    "hint_quote_withheld": ("加上引号，让它按原样作为文字保留", "quote it to keep it as text, exactly as written"),
    "hint_quote": ("加上引号，让它作为文字保留：\"{written}\"", "quote it to keep it as text: \"{written}\""),
    "hint_keep_as_written": ("加上引号，让它保持原样", "quote it to keep it exactly as written"),
    "hint_boolean": ("写 true 或 false（不加引号）", "write true or false (without quotes)"),
    "hint_array": ("写成列表：每行一个“- ”开头的项，没有就写 []", "write a list: one '- ' item per line, or [] for none"),
    "hint_object": ("写成若干行“键: 值”，缩进在这个键下面", "write a mapping of 'key: value' lines, indented under this key"),
    "hint_number": ("写一个数字，不加引号", "write a number without quotes"),
    "hint_expected_type": ("应为 {types}", "expected {types}"),
    "hint_full_width": ("在键后面写英文冒号和一个空格，并用英文空格缩进",
                        "write an ASCII colon and a space after the key, and indent with ASCII spaces"),
    "hint_tab": ("改用空格缩进", "indent with spaces instead"),
    "hint_add_key": ("在这里加上“{key}:”", "add '{key}:' here"),
    "hint_one_of": ("从这些值中选一个：{options}", "use one of: {options}"),
    "hint_use_value": ("应写 {value!r}", "use {value!r}"),
    "hint_format_date": ("写一个真实的日期，格式为 年-月-日，例如 2026-11-30",
                         "write a real calendar date as YYYY-MM-DD, e.g. 2026-11-30"),
    "hint_format_email": ("写一个邮箱地址，例如 name@example.com", "write an e-mail address such as name@example.com"),
    "hint_at_least_one": ("至少加上一项", "add at least one item"),
    "hint_cut_off": ("这看起来像是文字被 {{…}} 里的逗号或冒号截断了：把整段文字放在引号里",
                     "this looks like text cut off by a comma or colon inside {{…}}: put the whole text in quotes"),
    "hint_check_spelling": ("检查拼写；这里允许的字段有：{allowed}", "check the spelling; fields allowed here: {allowed}"),
    "hint_nothing_allowed": ("删掉它；这里不允许任何字段", "remove it; nothing is allowed here"),
    # The place of a problem in words (check/place.py)
    "place_item": ("第 {n} 个{title}", "{title} {n}"),
    "place_item_named": ("第 {n} 个{title}「{label}」", "{title} {n} ({label})"),
    "place_joiner": ("的", ", "),
    "place_entry": ("条目", "entry"),
    # Check: mistakes hurried people make (check/mistakes.py)
    "date_no_such_day": ("“{value}”不是按 年-月-日 写的日期，而且 {shown} 这一天不存在",
                         "'{value}' is not a date written as YYYY-MM-DD, and {shown} does not exist"),
    "date_not_iso": ("“{value}”没有按 年-月-日 的格式写", "'{value}' is not written as YYYY-MM-DD"),
    "hint_write_date_as": ("写成 {shown}", "write it as {shown}"),
    # Check: company policy (track/policy.py)
    "policy_short_notice": ("从提出离职到最后工作日只有 {days} 天（公司规定：{minimum} 天）",
                            "only {days} days between notice and last day (policy: {minimum})"),
    "hint_policy_short_notice": ("现在就和人事商定交接计划；清单的时间会很紧",
                                 "agree the handover plan with HR now; the checklist will be tight"),
    "policy_no_transition": ("没有过渡期", "no transition period"),
    "hint_policy_no_transition": ("加上“transition: {{start: …, end: …}}”，让离职人和接手人一起服务客户一段时间",
                                  "add 'transition: {{start: …, end: …}}' so leaver and successor serve customers together"),
    "policy_late_start": ("交接在最后工作日前只有 {days} 个工作日才开始（公司规定：{minimum}）",
                          "the handover starts only {days} working days before the last day (policy: {minimum})"),
    "hint_policy_late_start": ("提早开始过渡期，或与人事商量推迟最后工作日",
                               "start the transition earlier, or move the last day with HR"),
    "policy_confirmed_on": ("于 {date} 确认", "confirmed on {date}"),
    "policy_not_confirmed": ("尚未确认", "has not confirmed"),
    "policy_successor_late": ("{person} {how}；离职人于 {signed} 签字，应在 {deadline} 前确认",
                              "{person} {how}; the leaver signed on {signed}, due by {deadline}"),
    "hint_policy_successor_late": ("{person} 应审阅并签字：handover sign --as successor {file}",
                                   "{person} should review and sign: handover sign --as successor {file}"),
    "policy_customer_unconfirmed": ("重点客户 {name} 尚未确认新的联系人", "key customer {name} has not confirmed the new contact"),
    "hint_policy_customer_unconfirmed": ("安排联合拜访或电话；客户确认后写上 handover_confirmed_by_customer: true",
                                         "arrange the joint visit or call; set handover_confirmed_by_customer: true once confirmed"),
    "policy_contacted_on": ("于 {date} 首次联系", "first contacted on {date}"),
    "policy_not_contacted": ("尚未联系", "not contacted yet"),
    "policy_customer_not_contacted": ("重点客户 {name}：{how}；应在 {deadline} 前联系",
                                      "key customer {name}: {how}; due by {deadline}"),
    "hint_policy_customer_not_contacted": ("接手人应联系该客户，并记下 successor_contacted",
                                           "the successor should contact the customer and record successor_contacted"),
    # Check: nothing a leaver owns falls through (track/coverage.py)
    "coverage_received_from": ("{person} 在 {file} 中交给了你，最后工作日 {day}",
                               "{person} handed it to you in {file}, last day {day}"),
    "coverage_customer_missing": ("客户 {label} 仍由你负责（{received}），但这份交接没有提到它",
                                  "customer {label} is still yours ({received}), but this handover does not mention it"),
    "hint_coverage_add_customer": ("把它连同接手人加到本文件的 customers 中，或", "add it to this file's customers with its successor, or "),
    "hint_coverage_customer_missing": ("{where}在 not_handed_over: customers: 下写明原因："
                                       "- {{customer_id: \"{customer_id}\", reason: …}}",
                                       "{where}list it with the reason under not_handed_over: customers: "
                                       "- {{customer_id: \"{customer_id}\", reason: …}}"),
    "coverage_access_missing": ("账号 {label} 仍由你负责（{received}），但这份交接没有提到它",
                                "account {label} is still yours ({received}), but this handover does not mention it"),
    "hint_coverage_access_missing": ("把它加到本文件的 access 中（转给接手人或注销），或在 not_handed_over: access: 下写明原因："
                                     "- {{system: …, account: …, reason: …}}",
                                     "add it to this file's access (transfer it to a successor or revoke it), or list it "
                                     "with the reason under not_handed_over: access: - {{system: …, account: …, reason: …}}"),
}
