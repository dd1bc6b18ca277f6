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
    "hint_object": ("写成若干行“key: value”形式的键和值，缩进在这个键下面", "write a mapping of 'key: value' lines, indented under this key"),
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
    # Check: reading YAML (load/document.py)
    "yaml_too_large": ("一个文件里有超过 {most} 个值", "more than {most} values in one file"),
    "hint_yaml_too_large": ("把内容拆成几份交接文件", "split the content into several handover files"),
    "yaml_too_deep": ("嵌套超过 {most} 层", "nesting deeper than {most} levels"),
    "hint_yaml_too_deep": ("把结构改平；交接文件只需要几层", "flatten the structure; handover files need only a few levels"),
    "yaml_anchor": ("不允许使用锚点“&{anchor}”", "anchor '&{anchor}' is not allowed"),
    "hint_yaml_anchor": ("把内容完整写出；锚点和别名会让审阅人看不到自己签的是什么",
                         "write the content out in full; anchors and aliases hide what a reviewer signs"),
    "yaml_tag": ("不允许使用标签“{tag}”", "tag '{tag}' is not allowed"),
    "hint_yaml_tag": ("删掉标签；如果它必须是文字，就加上引号", "remove the tag; quote the value if it must stay text"),
    "yaml_alias": ("不允许使用别名“*{anchor}”", "alias '*{anchor}' is not allowed"),
    "hint_yaml_alias": ("把内容完整写出，不要引用锚点", "write the content out in full instead of referring to an anchor"),
    "hint_yaml_alias_key": ("把键完整写出", "write the key out in full"),
    "yaml_unexpected_structure": ("意外的 YAML 结构", "unexpected YAML structure"),
    "yaml_complex_key": ("键必须是普通文字，不能是列表或映射", "a key must be plain text, not a list or mapping"),
    "hint_yaml_complex_key": ("冒号前写一个简单的名称", "use a simple name before the colon"),
    "yaml_merge_key": ("不允许使用合并键（'<<'）", "merge keys ('<<') are not allowed"),
    "hint_yaml_merge_key": ("把要合并的字段完整写出", "write the merged fields out in full"),
    "yaml_key_tag": ("键不能带标签或锚点", "a key may not carry a tag or anchor"),
    "hint_yaml_key_tag": ("删掉键上的标签或锚点", "remove the tag or anchor from the key"),
    "yaml_duplicate_key": ("重复的键“{key}”（第一次出现在第 {line} 行）", "duplicate key '{key}' (first defined on line {line})"),
    "hint_yaml_duplicate_key": ("删掉其中一个；YAML 会悄悄只保留最后一个", "remove one of them; YAML would silently keep only the last"),
    "yaml_end_of_mapping": ("映射意外结束", "unexpected end of mapping"),
    "yaml_ambiguous_number": ("“{text}”会被读成数字 {number}", "'{text}' would be read as the number {number}"),
    "hint_yaml_quote": ("加上引号，让它保持原样：\"{text}\"", "quote it to keep it exactly as written: \"{text}\""),
    "file_too_large": ("文件有 {size} 字节；上限是 {most}", "file is {size} bytes; the limit is {most}"),
    "hint_file_too_large": ("把它拆开，附件不要放进交接文件", "split it, and keep attachments out of handover files"),
    "file_encoding": ("文件不是有效的 UTF-8 编码", "the file is not valid UTF-8"),
    "hint_file_encoding": ("把文件存为 UTF-8（大多数编辑器：“以某种编码保存”）", "save the file as UTF-8 (most editors: 'Save with encoding')"),
    "yaml_multiple_documents": ("文件里有不止一个 YAML 文档", "more than one YAML document in the file"),
    "hint_yaml_multiple_documents": ("删掉“---”分隔线；每个文件一份交接", "remove the '---' separator; one handover per file"),
    "yaml_syntax": ("YAML 语法错误：{what}", "YAML syntax error: {what}"),
    "hint_yaml_syntax": ("检查这一行和上一行的缩进、冒号和引号", "check indentation, colons and quotes on this line and the one above"),
    "yaml_unreadable": ("无法读取的 YAML：{reason}", "unreadable YAML: {reason}"),
    "hint_yaml_unreadable": ("删掉控制字符；把文件存为纯 UTF-8 文本", "remove control characters; save the file as plain UTF-8 text"),
    "hint_with_line": ("{advice}：\"{line}\"", "{advice}: \"{line}\""),
    "yaml_full_width_indent": ("这一行用全角空格（U+3000）缩进；YAML 只允许英文空格",
                               "the line is indented with full-width spaces (U+3000); YAML allows only ASCII spaces"),
    "hint_full_width_indent": ("改用英文空格缩进", "indent with ASCII spaces instead"),
    "yaml_full_width_colon": ("“{key}”后面是全角冒号“：”；YAML 需要英文冒号“:”加一个空格",
                              "'{key}' is followed by a full-width colon '\uff1a'; YAML needs ':' and a space"),
    "yaml_full_width_space": ("“{key}:”后面是全角空格（U+3000）；YAML 需要英文空格",
                              "a full-width space (U+3000) follows '{key}:'; YAML needs an ASCII space"),
    "hint_full_width_colon": ("写英文冒号和一个空格", "write an ASCII colon and a space"),
    "file_unreadable": ("无法读取文件：{error}", "cannot read the file: {error}"),
    "hint_file_unreadable": ("检查文件是否存在、是否可读", "check that the file exists and is readable"),
    # Check: the rules (check/rules.py)
    "or_joiner": (" 或 ", " or "),
    "rule_credential_scheme": ("“{scheme}://”不是公司使用的密码管理器", "'{scheme}://' is not a password manager this company uses"),
    "hint_credential_scheme": ("把凭据存到以下之一：{allowed}，并在这里引用它",
                               "store the credential in one of: {allowed} and reference it here"),
    "rule_retention_expired": ("已超过保留期限 {date} 仍在保存", "kept past its retention date {date}"),
    "rule_retention_due": ("保留期限到 {date} 为止，还有 {days} 天", "its retention ends on {date}, in {days} days"),
    "hint_retention": ("按 guide/security.md 的说明，把文件从 git 历史中清除并重新发布",
                       "purge the file from git history and republish, as the guide page guide/security.md explains"),
    "rule_person_is_name": ("“{value}”是姓名；人员要写 handbook/people.yaml 里的编号（id）",
                            "'{value}' is a name; people are written by their id in handbook/people.yaml"),
    "rule_person_unknown": ("“{value}”不在人员名单里", "'{value}' is not in the roster"),
    "hint_did_you_mean": ("你是不是想写 {guess}？", "did you mean {guess}?"),
    "hint_person_id": ("写 handbook/people.yaml 里此人的编号（例如 zhangwei，而不是姓名），或先把此人加到名单里",
                       "write the person's id from handbook/people.yaml (such as zhangwei, not the name), or add the "
                       "person there first"),
    "rule_manager_is_leaver": ("审批人就是离职人", "the manager is the leaver"),
    "hint_manager_is_leaver": ("审批人必须是离职人以外的人", "the approving manager must be someone other than the leaver"),
    "rule_successor_is_also": ("接手人“{successor}”同时也是{who}", "the successor '{successor}' is also the {who}"),
    "rule_last_day_before_notice": ("最后工作日 {last} 早于提出离职日期 {notice}", "last day {last} is before the notice date {notice}"),
    "hint_last_day_before_notice": ("检查这两个日期；最后工作日应在提出离职之后",
                                    "check both dates; the last working day comes after giving notice"),
    "rule_transition_backwards": ("过渡期的结束日期（{end}）早于开始日期（{start}）",
                                  "the transition ends ({end}) before it starts ({start})"),
    "hint_transition_backwards": ("对调或改正这两个日期", "swap or fix the dates"),
    "rule_transition_after_last_day": ("过渡期在 {end} 结束，晚于最后工作日 {last}",
                                       "the transition ends {end}, after the last day {last}"),
    "hint_transition_after_last_day": ("共同服务需要离职人在场：过渡期应在最后工作日当天或之前结束",
                                       "co-service needs the leaver: end the transition on or before the last day"),
    "rule_duplicate_id": ("编号“{value}”用了两次（第一次在第 {line} 行）", "id '{value}' is used twice (first on line {line})"),
    "hint_duplicate_id": ("给每一项一个自己的编号", "give each item its own id"),
    "rule_successor_not_listed": ("“{person}”接手这一项，但不在接手人（successors）中",
                                  "'{person}' takes this over but is not among the successors"),
    "hint_successor_not_listed": ("把此人加到顶部的“successors”里，或从这些人中选一个：{successors}",
                                  "add them to 'successors' at the top, or pick one of: {successors}"),
    "rule_unsafe_link": ("不安全的位置：{why}", "unsafe location: {why}"),
    "hint_unsafe_link": ("改用 http(s) 或 mailto: 地址，或仓库内的相对路径",
                         "use an http(s) or mailto: address, or a relative path inside the repository"),
    "rule_checklist_missing_item": ("缺少岗位清单项“{item}”", "the role checklist item '{item}' is missing"),
    "hint_checklist_missing_item": ("从岗位模板复制过来并填写状态（不适用时写 n/a）",
                                    "copy it from the role template and give it a status (use n/a when it does not apply)"),
    "rule_commitment_without_party": ("口头承诺没有写“promised_to”（承诺对象）", "a verbal commitment without 'promised_to'"),
    "hint_commitment_without_party": ("写明是向谁承诺的", "say whom it was promised to"),
    "rule_unknown_department": ("部门“{department}”没有列在“departments”下",
                                "department '{department}' is not listed under 'departments'"),
    "hint_unknown_department": ("添加这个部门，或改正编号", "add the department, or fix the id"),
    "hint_or_delete_optional": ("{hint}（如果这一项是可选的，也可以删掉整项）", "{hint} (or delete the entry if it is optional)"),
    "rule_duplicate_handover": ("另一份交接文件也叫“{id}”（{other}）", "another handover file is also named '{id}' ({other})"),
    "hint_duplicate_handover": ("给其中一个文件改名；文件名就是它的网页地址", "rename one of the files; the name is its page address"),
    "rule_customer_name_mismatch": ("客户“{id}”在 {file} 中叫“{name}”", "customer '{id}' is called '{name}' in {file}"),
    "hint_customer_name_mismatch": ("同一个客户编号请用同一个名称，或改正编号",
                                    "use the same name for the same customer id, or fix the id"),
    "link_control": ("含有控制字符或反斜杠", "contains control characters or backslashes"),
    "link_scheme": ("不允许使用“{scheme}:”协议", "the '{scheme}:' scheme is not allowed"),
    "link_no_host": ("网址没有主机名", "the URL has no host"),
    "link_credentials": ("网址里带有用户名或密码", "the URL carries a user name or password"),
    "link_absolute": ("仓库内的路径必须是相对路径", "a repository path must be relative"),
    "link_climbs": ("仓库内的路径不能用“..”跑到仓库外", "a repository path may not climb out with '..'"),
    "link_symlink": ("这个路径通过符号链接指向仓库外", "the path leads out of the repository through a symbolic link"),
    "control_more_named": ("，另外还有 {n} 处（{others}）", ", and {n} more ({others})"),
    "control_more": ("，另外还有 {n} 处类似的", ", and {n} more like it"),
    "rule_control_character": ("“{key}”的第 {at} 个字符是 {code} {name}{more}", "'{key}' holds {code} {name} at character {at}{more}"),
    "hint_control_one_line": ("把值写在冒号后的一行里，不要用“|”或“>”块，也不要用 Tab：名称、编号或标题只占一行",
                              "write the value on one line after the colon, with no '|' or '>' block and no tab: a name, "
                              "id or title is one line"),
    "hint_control_delete": ("删掉它；它在大多数编辑器里看不见，找不到时就把这个值重新输入一遍",
                            "delete it; it is invisible in most editors, so retype the value if you cannot find it"),
    "needed_person": ("handbook/people.yaml 里某人的编号（例如 lina，而不是姓名）",
                      "the id of a person in handbook/people.yaml (such as lina, not the name)"),
    "needed_date": ("年-月-日 格式的日期（例如 2026-11-30）", "a date as YYYY-MM-DD (such as 2026-11-30)"),
    "rule_placeholder": ("{where}{title}还是模板占位符 {placeholder}", "{where}{title} still holds the template placeholder {placeholder}"),
    "hint_write_here": ("这里应写：{what}", "write here: {what}"),
    "hint_replace_placeholder": ("换成实际内容", "replace it with real content"),
    "hint_and_write": ("{hint} 要写{needed}。", "{hint} Write {needed}."),
    # handover export owner-transfer
    "field_wecom_userid": ("企业微信 userid", "WeCom userid"),
    "field_email": ("邮箱", "e-mail"),
    "export_missing_field": ("handbook/people.yaml 里没有 {names} 的{what}：给每个人加上“{field}: …”，然后重新导出",
                             "no {what} in handbook/people.yaml for {names}: add '{field}: …' to each of them, then "
                             "export again"),
    "export_no_external_userid": ("{name}（{id}）：它的 {contacts} 个联系人都没有 wecom_external_userid；请补上"
                                  "（handover import --map wecom），或在企业微信管理后台转移这个客户",
                                  "{name} ({id}): none of its {contacts} contact(s) has a wecom_external_userid; add it "
                                  "(handover import with --map wecom), or transfer the customer in the WeCom admin console"),
    "export_not_salesforce_ids": ("这些不是 Salesforce 记录 ID（15 或 18 位字母和数字），Data Loader 会拒绝：{ids}；"
                                  "请从 Salesforce 导出的文件导入客户，让每个编号都是客户的记录 ID",
                                  "not Salesforce record ids (15 or 18 letters and digits), which Data Loader will refuse: "
                                  "{ids}; import the customers from a Salesforce export so that each id is the account's "
                                  "record id"),
    # handover init
    "init_company": ("--company {company!r}：请在一行内写公司名称，1 到 {most} 个字符，例如 --company 苏州澄泓科技",
                     "--company {company!r}: give the company's name on one line, 1 to {most} characters, "
                     "e.g. --company 苏州澄泓科技"),
    "init_missing_data": ("安装的 handover-kb 缺少 {folder}/ 文件夹：请重新安装（pip install --force-reinstall "
                          "handover-kb），然后再运行 handover init",
                          "the installed handover-kb lacks its {folder}/ folder: reinstall it (pip install "
                          "--force-reinstall handover-kb), then run 'handover init' again"),
    "init_not_a_folder": ("{target} 已存在且不是文件夹：handover init 会新建一个文件夹；请换个名字，例如 handover init company-handbook",
                          "{target} exists and is not a folder: 'handover init' creates a new folder; choose another "
                          "name, e.g. handover init company-handbook"),
    "init_not_empty": ("{target} 不是空的：handover init 从不覆盖任何东西；请选一个新的或空的文件夹，例如 handover init company-handbook",
                       "{target} is not empty: 'handover init' never overwrites anything; choose a new or empty folder, "
                       "e.g. handover init company-handbook"),
    "init_appeared": ("handover init 写入时出现了 {path}；它没有被覆盖。请删除这个文件夹后重新运行 handover init",
                      "{path} appeared while 'handover init' was writing; nothing of it was overwritten. Remove the "
                      "folder and run 'handover init' again"),
    "init_no_git": ("文件已在 {root} 中，但没有安装 git：请安装 git，然后在 {root} 中运行 git init -b main",
                    "the files are in {root}, but git is not installed: install git, then run 'git init -b main' in {root}"),
    "init_git_failed": ("文件已在 {root} 中，但 git init -b main 失败了：{error}；需要 git 2.28 或更新版本",
                        "the files are in {root}, but 'git init -b main' failed: {error}; git 2.28 or later is needed"),
    "init_check_failed": ("{root} 中新建的交接资料没有通过 handover check（这是安装的 handover-kb 的问题，请报告）：\n{problems}",
                          "the new handbook in {root} does not pass 'handover check' (a fault of the installed "
                          "handover-kb; please report it):\n{problems}"),
    "init_forge": ("--forge {forge}：请从以下选择一个：{forges}", "--forge {forge}: choose one of {forges}"),
    # generator/check/secrets.py (the kinds are detector names, kept as they are)
    "secret_found": ("看起来是密钥或密码（{kinds}）：不要把它写进交接资料",
                     "looks like a secret ({kinds}): never store it in the handbook"),
    "secret_hint": ("从这里删除它，并更换它（它可能已经在 git 历史里）。把它存进密码管理器，这里只写引用，"
                    "例如 credential_ref: vault://… 或 op://…",
                    "delete it here, and rotate it: it may already be in git history. Store it in the password "
                    "manager and write only a reference, e.g. credential_ref: vault://… or op://…"),
    # generator/actions/scan.py and staged.py
    "scan_hook_not_ours": ("{hook} 已存在且不是本工具安装的：请自己在其中加上 handover scan --staged，"
                           "或改用 pre-commit 框架和 .pre-commit-hooks.yaml",
                           "{hook} exists and is not ours: add 'handover scan --staged' to it yourself, "
                           "or use the pre-commit framework with .pre-commit-hooks.yaml"),
    "git_failed": ("git {command} 失败：{error}", "git {command} failed: {error}"),
    "staged_not_in_repository": ("{root} 不在 git 仓库里：--staged 检查的是 git commit 将要记录的内容；"
                                 "请在仓库里运行（或去掉 --staged）",
                                 "{root} is not in a git repository: --staged checks what 'git commit' is about "
                                 "to record; run it inside the repository (or leave out --staged)"),
    "staged_outside_repository": ("{root} 不在 {top} 这个仓库里面：请在仓库里的交接资料文件夹中运行",
                                  "{root} is not inside the repository at {top}"),
    # generator/output/history.py (scan-history)
    "history_secret": ("{file}:{line}:{column}: {severity}：{message} [{rule}]（提交 {commit}）",
                       "{file}:{line}:{column}: {severity}: {message} [{rule}] (commit {commit})"),
    "history_secrets": ("git 历史中有 {count} 处密钥：逐个更换，然后从历史中清除（见 guide/security.md）",
                        "{count} secret(s) in history: rotate each, then purge it (see guide/security.md)"),
    "history_no_secrets": ("git 历史中有 0 处密钥", "0 secret(s) in history"),
    # generator/notify/: where reminders go, and what happened to them
    "list_semicolon": ("；", "; "),
    "list_comma": ("、", ", "),
    "and_joiner": (" 和 ", " and "),
    "channel_what_email": ("邮件服务器（按需再设 HANDOVER_SMTP_PORT、HANDOVER_SMTP_TLS、HANDOVER_SMTP_USER、"
                           "HANDOVER_SMTP_PASSWORD、HANDOVER_SMTP_FROM）",
                           "the mail server (and HANDOVER_SMTP_PORT, HANDOVER_SMTP_TLS, HANDOVER_SMTP_USER, "
                           "HANDOVER_SMTP_PASSWORD, HANDOVER_SMTP_FROM as needed)"),
    "channel_what_wecom": ("群机器人的 webhook 地址", "the webhook address of the group's robot (群机器人)"),
    "channel_what_dingtalk": ("自定义机器人的 webhook 地址，以及它“加签”安全设置的密钥",
                              "the custom robot's webhook address and the secret of its 加签 (sign) security setting"),
    "channel_what_feishu": ("自定义机器人的 webhook 地址，以及它“签名校验”安全设置的密钥",
                            "the custom robot's webhook address and the secret of its 签名校验 (signature) security "
                            "setting"),
    "channel_what_webhook": ("以 JSON 接收提醒的地址", "the address that receives the reminders as JSON"),
    "channel_none": ("remind --send 没有可发送的渠道，所以什么也没有发出：发邮件请设置 HANDOVER_SMTP_HOST，"
                     "或选择 --channel wecom|dingtalk|feishu|webhook 并设置它的变量（{variables}）；"
                     "变量设在环境里（例如 CI 的机密变量），绝不要写进仓库里的文件",
                     "remind --send has no channel to send through, so nothing was sent: set HANDOVER_SMTP_HOST for "
                     "e-mail, or choose --channel wecom|dingtalk|feishu|webhook and set its variables ({variables}) "
                     "in the environment (e.g. the CI's secret variables), never in a file of the repository"),
    "channel_missing": ("什么也没有发出：{missing}；请把它们设在环境里（例如 CI 的机密变量），绝不要写进仓库里的文件",
                        "nothing was sent: {missing}; set them in the environment (e.g. the CI's secret variables), "
                        "never in a file of the repository"),
    "channel_needs": ("--channel {name} 需要设置 {variables}（{what}）", "--channel {name} needs {variables} ({what})"),
    "channel_stopped": ("{label}：{reason}", "{label}: {reason}"),
    "delivery_note": ("注意：{note}", "note: {note}"),
    "email_sent": ("已发出 {sent} 封邮件；略过 {skipped} 条提醒（今天已发过，或没有邮箱地址）",
                   "sent {sent} e-mail(s); {skipped} reminder(s) skipped (already sent today, or no e-mail address)"),
    "email_failed": ("有 {count} 位收件人的邮件没能发出；他们的提醒没有记为已发送：",
                     "could not e-mail {count} recipient(s); their reminders are not marked as sent:"),
    "email_failure": ("  - {who}：{problem}：{said}；{hint}", "  - {who}: {problem}: {said}; {hint}"),
    "email_rerun_state": ("然后用 --state {state} 再运行同一条命令，只发送这些",
                          "then run the same command again with --state {state} to send only these"),
    "email_rerun": ("然后再运行同一条命令；加上 --state 文件，已收到邮件的人就不会收到第二封",
                    "then run the same command again; add --state FILE so that whoever got an e-mail "
                    "is not e-mailed twice"),
    "email_login_refused": ("邮件服务器 {server} 拒绝了登录", "mail server {server} refused the login"),
    "email_server_unusable": ("邮件服务器 {server} 无法使用", "mail server {server} could not be used"),
    "email_try_later": ("邮件服务器要求稍后再试（已试 {tries} 次）", "mail server asked to try later (tried {tries} times)"),
    "email_refused": ("邮件服务器拒收", "mail server refused it"),
    "email_hint_login": ("请检查 HANDOVER_SMTP_USER 和 HANDOVER_SMTP_PASSWORD",
                         "check HANDOVER_SMTP_USER and HANDOVER_SMTP_PASSWORD"),
    "email_hint_server": ("请检查 HANDOVER_SMTP_HOST、HANDOVER_SMTP_PORT 和 HANDOVER_SMTP_TLS，以及服务器是否在运行",
                          "check HANDOVER_SMTP_HOST, HANDOVER_SMTP_PORT and HANDOVER_SMTP_TLS, and that the server is up"),
    "email_hint_sender": ("请检查 HANDOVER_SMTP_FROM，或问邮件管理员允许用哪个发件地址",
                          "check HANDOVER_SMTP_FROM, or ask the mail administrator which sender address is allowed"),
    "email_hint_wait": ("请等一会儿", "wait a while"),
    "email_hint_recipient": ("请检查 people.yaml 中此人的邮箱地址，或问邮件管理员为什么被拒收",
                             "check this person's e-mail address in people.yaml, or ask the mail administrator why it "
                             "was refused"),
    "robot_posted": ("{label}：已发出 {messages} 条消息，含 {delivered} 条提醒，涉及 {count} 人{people}；"
                     "{skipped} 条提醒今天已发过",
                     "{label}: posted {messages} message(s) with {delivered} reminder(s) for {count} people{people}; "
                     "{skipped} reminder(s) already posted today"),
    "robot_people": ("（{names}）", " ({names})"),
    "robot_tried": ("（已试 {tries} 次）", " (tried {tries} times)"),
    "robot_rerun_state": ("然后用 --state {state} 再运行同一条命令，只发这些",
                          "then run the same command again with --state {state} to post only these"),
    "robot_rerun": ("然后再运行同一条命令；加上 --state 文件，已发过的就不会再发",
                    "then run the same command again; add --state FILE so that what was posted is not posted twice"),
    "robot_failed": ("{label}：有 {count} 条提醒没能发出（{whom}）：{said}{tried}；{hint}；{rerun}",
                     "{label}: could not post {count} reminder(s) for {whom}: {said}{tried}; {hint}; {rerun}"),
    # generator/model/readiness.py: why a handover is not ready to approve
    "readiness_todo": ("核对清单中仍有待办事项：{items}", "checklist item(s) still todo: {items}"),
    "readiness_placeholder": ("模板占位符“{placeholder}”仍在：{pointers}",
                              "template placeholder {placeholder} still at {pointers}"),
    # generator/output/status.py text (JSON keeps the English state names as data)
    "status_line": ("{file}：{state}", "{file}: {state}"),
    "status_state_signed": ("已签字", "signed"),
    "status_state_missing": ("未签字", "missing"),
    "status_state_stale": ("已过期", "stale"),
    "status_state_invalid": ("无效", "invalid"),
    "status_state_unknown": ("未知", "unknown"),
    "status_overall_awaiting-leaver": ("待离职人签字", "awaiting-leaver"),
    "status_overall_awaiting-successor": ("待接手人签字", "awaiting-successor"),
    "status_overall_awaiting-manager": ("待审批人签字", "awaiting-manager"),
    "status_overall_signed": ("三方已签字", "signed"),
    "status_overall_unknown": ("未知（没有 git 历史）", "unknown"),
    # generator/actions/import_customers.py
    "import_customer": ("{name}（{id}）", "{name} ({id})"),
    "import_none": ("无", "none"),
    "import_imported": ("已向 {file} 导入 {count} 个客户：{customers}", "imported {count} customer(s) into {file}: {customers}"),
    "import_skipped": ("略过了文件中已有的 {count} 个客户（其内容没有改动）：{customers}",
                       "skipped {count} customer(s) already in the file (nothing there was changed): {customers}"),
    "import_replaced_example": ("已替换模板中的示例客户（它的 id 仍是“待填写”）",
                                "replaced the template's example customer (its id still said 待填写)"),
    "import_other_owners": ("略过了属于其他人的行（加 --all-owners 可一并导入）：{owners}",
                            "left out rows owned by others (use --all-owners to import them too): {owners}"),
    "import_owner_rows": ("{owner}（{rows} 行）", "{owner} ({rows} row(s))"),
    "import_owner_count": ("{owner}（{count}）", "{owner} ({count})"),
    "import_ignored_columns": ("没有导入的列：{columns}", "columns not imported: {columns}"),
    "import_default": ("{name}：导出文件中没有，所以 {count} 个客户用了模板的值 {value!r}，并加了注释标记：请逐个核对",
                       "{name}: not in the export, so {count} customer(s) got the template's value {value!r}, "
                       "marked with a comment: check each one"),
    "import_unknown_stages": ("不认识的阶段值（已改用模板的值）：{stages}",
                              "stage values not recognised (the template's value was used): {stages}"),
    "import_one_successor": ("所有导入的客户都交给了 {successor}；若某个客户由 {successors} 中的另一位接手，请改它的 successor:",
                             "every imported customer goes to {successor}; change 'successor:' where another of "
                             "{successors} takes one over"),
    "import_next_placeholders": ("下一步：文件中还有 {count} 处“待填写”需要离职人填写（客户简介、联系人职务等）；"
                                 "handover check {file} 会逐个列出并给出行号",
                                 "next: the file still has {count} placeholder(s) 待填写 for the leaver to fill in "
                                 "(profiles, contacts' titles...); 'handover check {file}' lists each one with its line"),
    "import_next_review": ("下一步：核对这些条目，然后运行 handover check {file}",
                           "next: review the entries, then run 'handover check {file}'"),
    "import_column_unknown": ("{header}（{map} 映射不认识这一列）", "{header} (not a column the {map} map knows)"),
    "import_column_no_field": ("{header}（{role} 角色的客户没有 {field} 字段）",
                               "{header} (the {role} role's customers have no {field} field)"),
    "import_column_personal": ("{header}（个人信息，而 {role} 角色的 {field} 字段不是受限字段）",
                               "{header} (personal data, and the {role} role's {field} field is not restricted)"),
    "import_column_second": ("{header}（第二个 {field} 列；已使用 {kept}）",
                             "{header} (a second {field} column; {kept} is used)"),
    "import_no_own_rows": ("导出文件中没有一行属于 {leaver}（{id}）：“{column}”列写的是 {seen}；请只导出 {leaver} 的客户，"
                           "或在该列写上其姓名、id 或邮箱，或加 --all-owners 导入所有行",
                           "no row of the export is owned by {leaver} ({id}): column '{column}' names {seen}; export "
                           "only {leaver}'s customers, write their name, id or e-mail in that column, or pass "
                           "--all-owners to import every row"),
    "import_row_no_id": ("第 {row} 行：“{column}”列中没有客户 id", "row {row}: no customer id in column '{column}'"),
    "import_row_no_name": ("第 {row} 行：客户 {id} 在“{column}”列中没有名称",
                           "row {row}: customer {id} has no name in column '{column}'"),
    "import_row_two_names": ("第 {row} 行：客户 {id} 名为“{name}”，但前面的行中叫“{earlier}”；一个 id 只对应一个客户",
                             "row {row}: customer {id} is named '{name}', but '{earlier}' in an earlier row; "
                             "one id is one customer"),
    "import_not_handover": ("{path}：不是 {folder}/ 中的交接文件；请先用 handover new --role 角色 --leaver 工号 ... 创建",
                            "{path}: not a handover file in {folder}/; create it first with "
                            "'handover new --role ROLE --leaver ID ...'"),
    "import_unreadable": ("{file} 无法作为交接文件读取：请先改正 handover check {file} 报告的问题",
                          "{file} cannot be read as a handover file: fix what 'handover check {file}' reports about it first"),
    "import_unknown_role": ("{file}：未知的角色 {role!r}；可用的角色：{roles}", "{file}: unknown role {role!r}; roles: {roles}"),
    "import_roster_errors": ("人员名单 handbook/people.yaml 有错误；请先运行 handover check",
                             "the roster handbook/people.yaml has errors; run 'handover check' first"),
    "import_no_people": ("{file}：导入客户前，请先填写离职人和接手人（handbook/people.yaml 中的人）",
                         "{file}: fill in the leaver and successors (people in handbook/people.yaml) before "
                         "importing customers"),
    "import_wrong_successor": ("--successor {successor}：不是这份交接的接手人（{successors}）之一",
                               "--successor {successor}: not one of this handover's successors ({successors})"),
    "import_map": ("--map {map}：请从以下选择一个：{maps}", "--map {map}: choose one of {maps}"),
    "import_no_customer_list": ("{file}：{role} 角色没有客户列表；客户只能导入到有客户列表的角色（例如 sales、consultant）的交接文件",
                                "{file}: the {role} role has no customer list; customers are imported into a handover "
                                "of a role that has one (e.g. sales, consultant)"),
    "import_no_columns": ("{table}：找不到客户的 {missing} 列（{map} 映射查找的是 {wanted}；文件的表头是：{headers}）；"
                          "请改列名，或换一个 --map",
                          "{table}: no column for the customer's {missing} (the {map} map looks for {wanted}; the "
                          "file's headers are: {headers}); rename the column, or choose another --map"),
    "import_bad_rows": ("{table}：什么也没有导入：\n  {problems}\n请在导出文件中改正这些行，然后重新导入",
                        "{table}: nothing was imported:\n  {problems}\nfix these rows in the export, then run the "
                        "import again"),
    "import_export_calls": ("{name}（导出文件中叫 {export}）", "{name}, which the export calls {export}"),
    "import_would_break": ("{file}：导入会使文件无法读取（{problems}）；什么也没有写入。请连同导出文件的表头一起报告此问题",
                           "{file}: the import would make the file unreadable ({problems}); nothing was written. "
                           "Please report this with the export's column headers"),
    "import_bad_values": ("什么也没有导入；这些值通不过 handover check：\n  {problems}\n"
                          "请在导出文件中改正（或让单元格留空），然后重新导入",
                          "nothing was imported; these values would not pass 'handover check':\n  {problems}\n"
                          "fix them in the export (or leave the cell empty), then run the import again"),
    "import_where_row": ("第 {row} 行", "row {row}"),
    "import_where_cell": ("第 {row} 行“{column}”列", "row {row}, column '{column}'"),
    "import_value_problem": ("{where}（客户 {id}）：{problem}", "{where} (customer {id}): {problem}"),
    # generator/actions/certificate.py
    "certificate_install": ("请安装（Debian/Ubuntu：apt-get install chromium fonts-noto-cjk）",
                            "install it (Debian/Ubuntu: apt-get install chromium fonts-noto-cjk)"),
    "certificate_no_such_program": ("{variable}={named}：没有这个程序；请把它设为 Chromium 的路径（例如 /usr/bin/chromium），"
                                    "或取消设置以使用 PATH 上的那个",
                                    "{variable}={named}: no such program; set it to Chromium's path "
                                    "(e.g. /usr/bin/chromium) or unset it to use the one on PATH"),
    "certificate_no_chromium": ("找不到用来打印交接确认单的 Chromium：{install}，或把 {variable} 设为浏览器的路径；"
                                "也可以用 handover certificate 文件 -o 文件.html 生成网页，再用任意浏览器打印",
                                "no Chromium found to print the certificate: {install}, or set {variable} to the "
                                "browser's path; 'handover certificate FILE -o FILE.html' writes the page to print "
                                "from any browser instead"),
    "certificate_no_font": ("没有安装中文字体，打印出的确认单会是空方框：{install}",
                            "no Chinese font is installed, so the certificate would print empty boxes: {install}"),
    "certificate_timeout": ("{chromium} 在 {seconds} 秒内没有打印完；请重试，或用 -o 文件.html 生成网页后在浏览器中打印",
                            "{chromium} did not finish printing within {seconds} s; try again, or write the page with "
                            "-o FILE.html and print it from a browser"),
    "certificate_failed": ("{chromium} 无法打印交接确认单（退出码 {code}）：{detail}",
                           "{chromium} could not print the certificate (exit {code}): {detail}"),
    # generator/actions/tables.py: reading a CRM or Excel export
    "table_save_as_utf8": ("请在 Excel 中选择“另存为”>“CSV UTF-8（逗号分隔）（*.csv）”并导入该文件，"
                           "或用 --encoding 指定编码（例如 --encoding gbk）",
                           "in Excel choose 'Save As' > 'CSV UTF-8 (逗号分隔)(*.csv)' and import that file, or name the "
                           "encoding with --encoding (e.g. --encoding gbk)"),
    "table_no_such_file": ("{path}：没有这个文件", "{path}: no such file"),
    "table_no_rows": ("文件中没有任何行；请重新导出客户，第一行是列标题",
                      "the file has no rows; export the customers again, with the column headers in the first row"),
    "table_bad_workbook": ("{path}：无法作为 Excel 工作簿读取（{error}）；请用 Excel 打开并重新另存为 .xlsx",
                           "{path}: cannot be read as an Excel workbook ({error}); open it in Excel and save it again "
                           "as .xlsx"),
    "table_unknown_encoding": ("--encoding {encoding}：Python 不认识这个编码；请试试 utf-8、gbk 或 big5",
                               "--encoding {encoding}: not an encoding Python knows; try utf-8, gbk or big5"),
    "table_wrong_encoding": ("{path}：不是 {encoding} 编码（第 {byte} 个字节无法这样读取）；{fix}",
                             "{path}: is not {encoding} (byte {byte} cannot be read that way); {fix}"),
    "table_unknown_text": ("{path}：既不是 UTF-8，也不是带有本映射认识的列标题的 GBK，无法可靠地读取其中文字；{fix}",
                           "{path}: is neither UTF-8 nor GBK with column headers this map knows, so its text cannot be "
                           "read safely; {fix}"),
    "table_read_as_gbk": ("已按 GBK（GB18030）读取，这是中文 Windows 上 Excel 保存 CSV 用的编码；存为“CSV UTF-8”可免去猜测",
                          "read as GBK (GB18030), the encoding Excel uses for CSV on Chinese Windows; "
                          "'CSV UTF-8' avoids the guess"),
    "table_old_excel": ("{path}：无法读取旧版 Excel 格式（.xls）；请用 Excel 或 WPS 打开，另存为“Excel 工作簿 (*.xlsx)”或“CSV UTF-8”",
                        "{path}: the old Excel format (.xls) cannot be read; open it in Excel or WPS and save it as "
                        "'Excel 工作簿 (*.xlsx)' or 'CSV UTF-8'"),
    "table_unknown_format": ("{path}：导入只读取 .xlsx 或 .csv 文件；请从 CRM 导出为其中一种",
                             "{path}: import reads .xlsx or .csv files; export the customers from your CRM as one of those"),
    # generator/fanout.py
    "worker_died": ("有一个工作进程没做完就退出了（内存不足？）：请再运行一次，或加 --jobs 1 只用当前进程",
                    "a worker process died before finishing (out of memory?): run again, or with --jobs 1 to use "
                    "this process only"),
}
