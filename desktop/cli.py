"""Command line: a thin argparse layer over desktop.core.services (DESIGN §7).

Errors print one line (Chinese, then English) on stderr and exit with code 2; no traceback.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from desktop import __version__
from desktop.core import safetext
from desktop.core.errors import TaizhangError
from desktop.core.words import EvidenceRule, Outcome, PlanChange, ReviewState


def _print_json(data) -> None:
    # json escapes control characters; a lone surrogate (an undecodable file name) must not crash stdout
    print(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8", "backslashreplace").decode("utf-8"))


def _print(*parts, **kwargs) -> None:
    """print() for text that may come from a file (names, titles, reasons): control characters, bidi
    overrides and lone surrogates are shown escaped, never sent to the terminal; line breaks stay."""
    print(*("\n".join(safetext.display(line, 1 << 20) for line in str(p).split("\n")) for p in parts), **kwargs)


def _db(path):
    from desktop.core import services

    return services.workspaces.open_database(path)


def cmd_demo(args) -> int:
    from desktop import demo

    demo.run(args.out, schools=args.schools, seed=args.seed, merge=not args.no_merge)
    return 0


def cmd_plan_parse(args) -> int:
    from desktop.core import services

    parsed = services.tasklist.parse_plan(args.file)
    if args.json:
        _print_json(parsed)
        return 0
    _print(parsed.get("title") or Path(args.file).name)
    if parsed.get("plan_section"):
        _print(f"（取自：{parsed['plan_section']}）")
    for t in parsed["tasks"]:
        extras = []
        if t["units"]:
            extras.append("责任单位：" + "、".join(t["units"]))
        if t["deadline"]:
            extras.append("完成时限：" + t["deadline"])
        if t["targets"]:
            extras.append("指标：" + "；".join(x["text"] for x in t["targets"]))
        _print(f"{' '.join(t['path'])}  {t['title']}" + (f"  [{' | '.join(extras)}]" if extras else ""))
    _print(f"共 {len(parsed['tasks'])} 项任务 / {len(parsed['tasks'])} tasks")
    return 0


def cmd_plan_publish(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        services.tasklist.import_plan(db, args.file)
        services.roster.import_roster(db, args.roster)
        for spec in args.period:
            services.roster.add_period(db, spec)
        content = services.tasklist.publish(db, args.out)
    finally:
        db.close()
    n = sum(1 for t in content["tasks"] if not t["is_heading"])
    _print(f"已发布 {args.out}：第 {content['plan']['version']} 版，{n} 项任务，{len(content['schools'])} 所学校"
          f" / published version {content['plan']['version']}: {n} tasks, {len(content['schools'])} schools")
    return 0


def cmd_plan_rule(args) -> int:
    """The bureau's plan review from a script: a task's evidence rule and a target's 口径说明 (DESIGN §13)."""
    from desktop.core import services

    db = _db(args.db)
    try:
        task = services.tasklist.set_task_rule(db, args.task, evidence=args.evidence, definition=args.note,
                                               target=args.target)
    finally:
        db.close()
    rule = task.get("evidence") or EvidenceRule.OPTIONAL
    _print(f"{task['task_id']} {task['title']}：佐证材料 {rule}")
    for x in task["targets"]:
        _print(f"  指标 {x['seq']}：{x['text']}" + (f"〔口径：{x['definition']}〕" if x.get("definition") else ""))
    if args.evidence is not None or args.note is not None:
        _print("已保存；重新发布任务清单后学校才会收到 / saved; the schools get it when the plan is published again")
    return 0


PASSPHRASE_ENV = "TAIZHANG_PASSPHRASE"  # for scripts and tests: the passphrase without a prompt


def _passphrase(args, *, new: bool) -> str | None:
    """``--passphrase``: the key's passphrase from $TAIZHANG_PASSPHRASE, else asked (twice for a new one)."""
    import getpass
    import os

    if not getattr(args, "passphrase", False):
        return None
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise TaizhangError(f"需要密钥口令：请在终端中运行，或设置环境变量 {PASSPHRASE_ENV}",
                            f"a passphrase is needed: run in a terminal or set {PASSPHRASE_ENV}")
    first = getpass.getpass("密钥口令 passphrase: ")
    if new and getpass.getpass("再输入一次 again: ") != first:
        raise TaizhangError("两次输入的口令不一致", "the two passphrases differ")
    if not first:
        raise TaizhangError("口令不能为空", "the passphrase is empty")
    return first


def cmd_county_init(args) -> int:
    from desktop.core import services

    ident = services.setup.county_init(args.db, args.name, passphrase=_passphrase(args, new=True))
    _print(f"已创建县局数据文件 {args.db} / county database created")
    _print(f"县局公钥指纹 county key fingerprint: {services.setup.format_fingerprint(ident.fingerprint)}")
    return 0


def _county_fingerprint(args) -> str:
    """The county fingerprint the person vouches for: ``--county-fingerprint``, or a yes on a terminal."""
    from desktop.core import services

    actual = services.setup.plan_fingerprint(args.plan)
    _print(f"任务清单发布者（县局）的密钥指纹 county key fingerprint:\n    {services.setup.format_fingerprint(actual)}")
    if args.county_fingerprint:
        return args.county_fingerprint
    if sys.stdin.isatty():
        answer = input("请与教育局通知中的指纹逐组核对。完全一致吗？compare with the bureau's notice; identical? [y/N] ")
        if answer.strip().lower() in ("y", "yes", "是", "一致"):
            return actual
    raise TaizhangError("未载入：请与教育局通知中的指纹核对后，用 --county-fingerprint 写明该指纹再运行",
                        "nothing loaded: compare the fingerprint with the bureau's notice, then run again with "
                        "--county-fingerprint HEX")


def cmd_county_export(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        m = services.rollup.county_export(db, args.out, period=args.period, with_evidence=args.with_evidence,
                                          passphrase=_passphrase(args, new=False))
    finally:
        db.close()
    _print(f"已生成县区汇总包 {args.out}：{m['period']} 第 {m['revision']} 次报送，{len(m['reports'])} 所学校已报送，"
           f"佐证材料 {len(m['evidence_refs'])} 份" + ("（含文件）" if args.with_evidence else "（仅登记）")
           + f" / county package written (revision {m['revision']})")
    return 0


def cmd_city_init(args) -> int:
    from desktop.core import services

    ident = services.rollup.city_init(args.db, args.name, passphrase=_passphrase(args, new=True))
    _print(f"已创建市局数据文件 {args.db} / city database created")
    _print(f"市局公钥指纹 city key fingerprint: {services.setup.format_fingerprint(ident.fingerprint)}")
    return 0


def cmd_school_init(args) -> int:
    from desktop.core import services

    fingerprint = _county_fingerprint(args)
    ident = services.setup.school_init(args.plan, args.school, args.db, county_fingerprint=fingerprint,
                                       enrol=args.enrol, passphrase=_passphrase(args, new=True))
    _print(f"已为 {ident.school_name}（{ident.school_code}）创建数据文件 {args.db} / school database created")
    _print(f"学校公钥指纹 school key fingerprint: {services.setup.format_fingerprint(ident.fingerprint)}")
    if not args.enrol:
        _print("未输入注册码：首次报送将标为“未确认”，请按通知另行确认 / no enrolment code: the first report is "
              "shown as unconfirmed until the bureau confirms the key")
    return 0


def cmd_school_load(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        loaded = services.setup.school_load(db, args.file, switch=args.switch_plan)
    finally:
        db.close()
    if loaded["kind"] == "plan":
        plan = loaded["plan"]
        _print(f"已载入任务清单第 {plan['version']} 版 / plan version {plan['version']} loaded")
        _print_plan_changes(plan["changes"])
        return 0
    fb = loaded["feedback"]
    _print(f"已载入审核意见：{fb['period']} 第 {fb['answers_revision']} 次报送，总体结论 {fb['overall']['state']}"
          f"，通过 {fb['passed']} 项，退回修改 {len(fb['returned'])} 项 / feedback loaded: "
          f"{len(fb['returned'])} task(s) sent back")
    if fb["overall"]["comment"]:
        _print(f"总体意见 overall: {fb['overall']['comment']}")
    for item in fb["returned"]:
        _print(f"  退回修改 {item['task_id']} {item['title']}：{item['comment']}")
    return 0


def _values(pairs: list[str]) -> list[tuple[int, str]]:
    out = []
    for pair in pairs:
        seq, sep, value = pair.partition("=")
        if not sep or not seq.strip().isdigit():
            raise TaizhangError(f"--value 应写成 序号=数值（如 1=12），而不是“{pair[:40]}”",
                                f"--value takes SEQ=VALUE (for example 1=12), not '{pair[:40]}'")
        out.append((int(seq), value))
    return out


_CHANGE_WORDS = {PlanChange.ADDED: "新增", PlanChange.REMOVED: "删除", PlanChange.CHANGED: "修改"}
_FIELD_WORDS = {"title": "任务", "text": "具体内容", "deadline": "完成时限", "units": "责任单位", "applies_to": "适用学校",
                "evidence": "佐证要求", "targets": "量化指标"}


def _print_plan_changes(changes: list[dict]) -> None:
    counts = {k: sum(1 for c in changes if c["kind"] == k) for k in _CHANGE_WORDS}
    _print(f"本版变化：新增 {counts[PlanChange.ADDED]} 项，删除 {counts[PlanChange.REMOVED]} 项，修改 {counts[PlanChange.CHANGED]} 项 / "
           f"changes: {counts[PlanChange.ADDED]} added, {counts[PlanChange.REMOVED]} removed, {counts[PlanChange.CHANGED]} changed")
    for c in changes:
        word = _CHANGE_WORDS.get(c["kind"], c["kind"])
        if c["kind"] == PlanChange.ADDED:
            _print(f"  {word} {c['task_id']} {c['new_title']}")
        elif c["kind"] == PlanChange.REMOVED:
            _print(f"  {word} {c['task_id']} {c['old_title']}（本校的填报记录已存档，未删除 / entries archived）")
        else:
            what = "、".join(_FIELD_WORDS.get(f, f) for f in c["fields"])
            _print(f"  {word} {c['task_id']} {c['new_title']}（{what}）")
            if c["old_title"] != c["new_title"]:
                _print(f"    原任务 old: {c['old_title']}\n    新任务 new: {c['new_title']}")
            if c["old_text"] != c["new_text"]:
                _print(f"    原内容 old: {c['old_text']}\n    新内容 new: {c['new_text']}")
            if c["old_deadline"] != c["new_deadline"]:
                _print(f"    完成时限 deadline: {c['old_deadline'] or '—'} → {c['new_deadline'] or '—'}")


def cmd_school_changes(args) -> int:
    from desktop.core import services

    ws = services.reporting.open_workspace(args.db)
    try:
        changes = services.reporting.plan_change_list(ws)
        if args.seen:
            services.reporting.mark_change_seen(ws, args.task)
    finally:
        services.reporting.close_workspace(ws)
    if args.json:
        _print_json(changes)
        return 0
    for c in changes:
        task = c["new"] or c["old"] or {}
        seen = "已看过" if c["seen_at"] else "未看"
        _print(f"第 {c['version']} 版 {_CHANGE_WORDS.get(c['kind'], c['kind'])} {c['task_id']} {task.get('title', '')}"
               f"（{seen}）")
        for a in c["archived"]:
            _print(f"    存档 archived: {a['period']} {a['status']} {a['progress']}% {a['narrative']}")
    if not changes:
        _print("任务清单没有修订记录 / no plan revisions recorded")
    return 0


def cmd_entry_set(args) -> int:
    from desktop.core import services

    fields = {k: v for k, v in (("status", args.status), ("progress", args.progress), ("narrative", args.narrative),
                                ("problems", args.problems), ("next_steps", args.next_steps),
                                ("na_reason", args.na_reason)) if v is not None}
    values = _values(args.value or [])
    for f in args.attach or []:
        if not Path(f).is_file():  # checked before anything is written
            raise TaizhangError(f"找不到文件：{f}", f"file not found: {f}")
    ws = services.reporting.open_workspace(args.db)
    try:
        if args.period:
            services.reporting.set_period(ws, args.period)
        reused = [services.reporting.find_school_file(ws, ref) for ref in args.reuse or []]
        task = ws.tasks.get(args.task)
        if task is None:
            raise TaizhangError(f"任务清单中没有任务 {args.task[:20]}", f"the plan has no task {args.task[:20]}")
        if args.carry_again:
            return _carry_again(ws, args, bool(fields or values or args.attach or reused or args.confirm))
        if task["is_heading"] and args.confirm and not (fields or values or args.attach or reused):
            done = services.reporting.confirm_carried(ws, args.task)
            _print(f"{args.task} {task['title']}：确认沿用 {len(done)} 项 / {len(done)} carried task(s) confirmed")
            return 0
        row = services.reporting.save_task(ws, args.task, **fields) if fields else \
            services.reporting.task_state(ws, args.task)
        for seq, value in values:
            row = services.reporting.set_achieved(ws, args.task, seq, value)
        for f in args.attach or []:
            row = services.reporting.attach_evidence(ws, args.task, f)
        for sha in reused:
            row = services.reporting.reuse_evidence(ws, args.task, sha)
        if args.confirm:
            services.reporting.confirm_carried(ws, args.task)
            row = services.reporting.task_state(ws, args.task)
    finally:
        services.reporting.close_workspace(ws)
    entry = row["entry"]
    mark = ""
    if entry["carried_from"]:
        mark = f"（沿用“{entry['carried_from']}”，{'已确认' if entry['carried_confirmed'] else '未确认'}）"
    _print(f"{args.task} {row['title']}：{entry['status']} {entry['progress']}%{mark} / saved")
    return 0


def _carry_again(ws, args, other_changes: bool) -> int:
    """`entry set --carry-again`: last period's answer back for one task (alone, never with other changes)."""
    from desktop.core import services

    if other_changes:
        raise TaizhangError("--carry-again 不能与其他修改同时使用", "--carry-again goes alone, without other changes")
    row = services.reporting.carry_again(ws, args.task)
    _print(f"{args.task} {row['title']}：已改回上期（{row['entry']['carried_from']}）的填报，沿用未确认"
           " / last period's answer is back, carried and not confirmed")
    return 0


def cmd_entry_list(args) -> int:
    from desktop.core import services

    ws = services.reporting.open_workspace(args.db)
    try:
        if args.period:
            services.reporting.set_period(ws, args.period)
        rows, period = services.reporting.entry_list(ws), ws.period
    finally:
        services.reporting.close_workspace(ws)
    if args.json:
        _print_json(rows)
        return 0
    _print(f"填报周期 period: {period}")
    for r in rows:
        carried = ""
        if r["carried_from"]:
            carried = f" [沿用上期{'·已确认' if r['carried_confirmed'] else '·未确认'}]"
        if r["plan_change"]:
            carried += f" [计划{_CHANGE_WORDS.get(r['plan_change'], '')}]"
        values = " ".join(f"{iv['seq']}={iv['value']}" for iv in r["indicators"])
        _print(f"{r['task_id']}\t{r['status']}\t{r['progress']}%\t佐证 {r['evidence']}{carried}\t{r['title']}"
               + (f"\t{values}" if values else ""))
    return 0


def cmd_review(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        if args.decision is None:
            if args.comment is not None:
                raise TaizhangError("给出意见时请同时指定 --pass 或 --return", "--comment needs --pass or --return")
            board = services.review.review_board(db, args.school, args.period)
        else:
            if args.task is None and not args.overall:
                raise TaizhangError("请指定 --task 任务编号 或 --overall", "give --task ID or --overall")
            if args.reviewer:
                services.review.set_reviewer_name(db, args.reviewer)
            board = services.review.decide(db, args.school, args.decision, task_id=args.task,
                                           comment=args.comment or "", period=args.period)
    finally:
        db.close()
    if args.json:
        _print_json([{"task_id": r["task_id"], "title": r["title"], "status": r["status"], "state": r["state"],
                      "comment": r["comment"], "reviewer": r["reviewer"], "reviewed_revision": r["reviewed_revision"],
                      "decided_at": r["decided_at"], "revision": board["revision"], "changes": r["changes"]}
                     for r in board["tasks"]])
        return 0
    o = board["overall"]
    _print(f"{board['school']['name']}（{board['school']['code']}）· {board['period']} · 第 {board['revision']} 次报送"
          f"  总体：{o['state']}" + (f"（{o['comment']}）" if o["comment"] else ""))
    for r in board["tasks"]:
        changed = "  [有改动]" if r["changes"] else ""
        _print(f"  {r['task_id']:10} {r['state']:4} {r['status']:3} {r['title'][:30]}{changed}"
              + (f"  意见：{r['comment']}" if r["comment"] else ""))
    c = board["counts"]
    _print(f"合计：通过 {c[ReviewState.PASSED]}，退回修改 {c[ReviewState.RETURNED]}，未审核 {c[ReviewState.UNREVIEWED]}"
          f" / passed {c[ReviewState.PASSED]}, sent back {c[ReviewState.RETURNED]}, "
          f"not reviewed {c[ReviewState.UNREVIEWED]}")
    return 0


def cmd_feedback(args) -> int:
    from desktop.core import services

    if (args.school is None) == (not args.all):
        raise TaizhangError("请指定 --school 学校代码 或 --all", "give --school CODE or --all")
    db = _db(args.db)
    try:
        if args.all:
            period = args.period or services.standing.overview_period(db)
            if period is None:
                raise TaizhangError("还没有设置填报周期", "no reporting period has been set")
            written = services.review.write_all_feedback(db, args.out, period=period)
            for w in written:
                _print(f"已写出 {w['file']}（退回修改 {w['returned']} 项）")
            _print(f"共 {len(written)} 所学校 / {len(written)} feedback file(s) written")
            return 0
        m = services.review.write_feedback(db, args.school, args.out, period=args.period)
    finally:
        db.close()
    _print(f"已写出审核意见 {args.out}：{m['period']} 第 {m['answers_revision']} 次报送，退回修改 {m['returned']} 项"
          f" / feedback written, {m['returned']} task(s) sent back")
    return 0


def cmd_export(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        if args.list:
            return _print_exports(services.reporting.export_history(db), args.json)
        if not args.out:
            raise TaizhangError("请用 -o 指定导出文件", "give the file to write with -o")
        if args.again is not None:
            r = services.reporting.save_export_again(db, args.out, revision=args.again, period=args.period)
            _print(f"已另存 {args.out}：{r['period']} 第 {r['revision']} 次报送的原文件（报送码 {r['package_code']}）"
                  f" / saved the original of revision {r['revision']} again")
            return 0
        m = services.reporting.export_report(db, args.out, period=args.period, passphrase=_passphrase(args, new=False))
    finally:
        db.close()
    _print(f"已导出 {args.out}：{m['period']} 第 {m['revision']} 次报送，报送码 {m['package_code']}"
          f" / exported revision {m['revision']}, package code {m['package_code']}")
    return 0


def _print_exports(rows: list[dict], as_json: bool) -> int:
    if as_json:
        _print_json(rows)
        return 0
    for r in rows:
        kept = "原文件已保存 kept" if r["kept"] else "原文件未保存 not kept"
        _print(f"{r['period']}  第 {r['revision']} 次  {r['created_at'][:16].replace('T', ' ')}  {r['package_code']}"
              f"  {r['file_name']}  ({kept})")
    if not rows:
        _print("还没有导出记录 / nothing exported yet")
    return 0


def cmd_cover(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        r = services.reporting.print_cover(db, args.out, file=args.file, revision=args.revision, period=args.period)
    finally:
        db.close()
    _print(f"已生成备案表 {args.out}：{r['period']} 第 {r['revision']} 次报送，报送码 {r['package_code']}"
          f" / cover sheet written")
    return 0


def cmd_paper_check(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        r = (services.intake.confirm_by_paper if args.confirm else services.intake.paper_check)(db, args.code)
    finally:
        db.close()
    if args.json:
        _print_json(r)
        return 0 if r["found"] else 1
    if not r["found"]:
        _print(f"没有收到报送码为 {r['code']} 的文件 / no such file received (package code {r['code']})")
        if r["other_files"]:
            _print("（有同一报送码的文件，但与纸质备案表上的文件摘要不符 / a file with this code was received,"
                  " but it is not the file on the paper）")
        return 1
    for s in r["submissions"]:
        _print(f"{s['school_name']}（{s['school_code']}） {s['period']} 第 {s['revision']} 次报送")
        _print(f"  收到 received {s['received_at'][:16].replace('T', ' ')}  结果 outcome {s['outcome']}"
              + (f"  {s['reason']}" if s["reason"] else ""))
        _print(f"  签名公钥指纹 signer fingerprint {s['fingerprint_groups']}")
        _print(f"  文件 file {s['file_name']}  SHA-256 {s['sha256']}")
    if r.get("confirmed"):
        c = r["confirmed"]
        _print(f"已按纸质备案表确认 {c['school']} 的密钥 / key of {c['school']} confirmed by paper"
               + (f"，重新合并 {len(r['outcomes'])} 个文件 / {len(r['outcomes'])} held file(s) merged" if r["outcomes"] else ""))
    return 0


def cmd_roster_template(args) -> int:
    from desktop.core import services

    path = services.roster.save_roster_template(args.out)
    _print(f"已保存学校名单模板 {path} / roster template saved")
    return 0


def cmd_verify(args) -> int:
    from desktop.core import services

    results = services.files.verify_files(args.files)
    if args.json:
        _print_json(results)
    else:
        for r in results:
            if r["valid"]:
                who = f" {r['school']} 第{r['revision']}次" if r["school"] else ""
                _print(f"有效 valid   {r['file']}  ({r['kind']}{who})")
            else:
                _print(f"无效 INVALID {r['file']}  {r['reason']}")
    return 0 if all(r["valid"] for r in results) else 1


def cmd_merge(args) -> int:
    from desktop.core import services

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise TaizhangError(f"找不到：{missing[0]}", f"not found: {missing[0]}")
    db = _db(args.db)
    try:
        merge = services.rollup.merge_files if services.rollup.is_city(db) else services.intake.merge_files
        outcomes = merge(db, args.paths)
    finally:
        db.close()
    if args.json:
        _print_json([o.as_dict() for o in outcomes])
    else:
        labels = {Outcome.ACCEPTED: "已合并", Outcome.DUPLICATE: "重复", Outcome.STALE: "旧版次", Outcome.REJECTED: "已拒绝"}
        for o in outcomes:
            _print(f"{labels[o.outcome]} {o.outcome:9} {o.file}" + (f"  {o.reason}" if o.reason else ""))
        counts = {k: sum(1 for o in outcomes if o.outcome == k) for k in labels}
        _print("合计 total: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def cmd_summary(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        if services.rollup.is_city(db):
            services.rollup.write_city_summary(db, args.out, period=args.period)
        else:
            services.standing.write_summary(db, args.out, period=args.period)
    finally:
        db.close()
    _print(f"已生成汇总表 {args.out} / summary written")
    return 0


def cmd_remind(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        written = services.standing.write_reminders(db, args.out, period=args.period)
    finally:
        db.close()
    _print(f"已生成催报通知：{len(written['schools'])} 所学校、{len(written['townships'])} 个乡镇，"
          f"{written['docx']} / reminders written for {len(written['schools'])} schools")
    return 0


def cmd_bulletin(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        services.standing.write_bulletin(db, args.out, period=args.period)
    finally:
        db.close()
    _print(f"已生成通报草稿 {args.out} / draft bulletin written")
    return 0


def cmd_backup(args) -> int:
    from desktop.core import services

    services.files.backup(args.db, args.out)
    _print(f"已备份到 {args.out} / backup written")
    return 0


def cmd_keys(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        if services.rollup.is_city(db):
            return _city_keys(services, db, args)
        if args.keys_cmd == "list":
            data = services.intake.all_keys(db)
            if args.json:
                _print_json(data)
            for d in data if not args.json else []:
                mark = " 未确认" if d["status"] == "pinned" and d["confirmation"] == "unconfirmed" else ""
                _print(f"{d['owner']:12} {d['status']:8} {services.setup.format_fingerprint(d['fingerprint'])}  "
                      f"{d['first_seen']}{mark}")
        elif args.keys_cmd == "approve":
            outcomes = services.intake.approve_key(db, args.school, args.fingerprint)
            _print(f"已批准 {args.school} 的密钥 {services.setup.format_fingerprint(args.fingerprint.replace(' ', '').lower())}，"
                  f"重新合并 {len(outcomes)} 个文件 / key approved, {len(outcomes)} held file(s) merged")
            for o in outcomes:
                _print(f"  {o.outcome:9} {o.file}  {o.reason}")
        elif args.keys_cmd == "codes":
            if args.out:
                services.intake.write_enrolment_list(db, args.out)
                _print(f"已保存注册码清单 {args.out} / enrolment codes written")
            else:
                for r in services.intake.enrolment_codes(db):
                    _print(f"{r['school']:12} {r['code']}  {r['name']}" + ("  (已使用 used)" if r["used"] else ""))
        else:
            services.intake.refuse_key(db, args.school, args.fingerprint)
            _print(f"已拒绝 {args.school} 的新密钥 / key refused")
    finally:
        db.close()
    return 0


def _city_keys(services, db, args) -> int:
    """keys on a city install: the counties' keys (the school-side codes do not exist there)."""
    if args.keys_cmd == "list":
        data = [k for k in services.intake.all_keys(db) if k["owner_kind"] == "county"]
        if args.json:
            _print_json(data)
        for d in data if not args.json else []:
            _print(f"{d['owner']:12} {d['status']:8} {d.get('confirmation') or '':11} "
                   f"{services.setup.format_fingerprint(d['fingerprint'])}  {d['first_seen']}")
    elif args.keys_cmd == "approve":
        outcomes = services.rollup.approve_key(db, args.school, args.fingerprint)
        _print(f"已批准 {args.school} 的密钥，重新合并 {len(outcomes)} 个文件 / key approved, {len(outcomes)} held file(s) merged")
        for o in outcomes:
            _print(f"  {o.outcome:9} {o.file}  {o.reason}")
    elif args.keys_cmd == "refuse":
        services.rollup.refuse_key(db, args.school, args.fingerprint)
        _print(f"已拒绝 {args.school} 的新密钥 / key refused")
    else:
        raise TaizhangError("市局没有学校注册码（注册码由县区教育局发给学校）",
                            "a city has no enrolment codes (a county bureau gives them to its schools)")
    return 0


def cmd_history(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        if args.since_review:
            since = services.review.changes_since_review(db, args.school, args.period)
        else:
            changes = services.intake.school_history(db, args.school)
    finally:
        db.close()
    if args.since_review:
        if args.json:
            _print_json(since)
            return 0
        for c in since:
            _print(f"{c['period']} {c['task_id']} {c['title']}（{c['state']}）: 审核的第{c['from_revision']}次 → "
                  f"第{c['to_revision']}次")
            for line in c["lines"]:
                _print(f"    {line}")
        if not since:
            _print("审核后没有改动 / nothing changed since the review")
        return 0
    if args.json:
        _print_json(changes)
        return 0
    for c in changes:
        _print(f"{c['period']} {c['task_id']} {c['title']}: 第{c['from_revision']}次 → 第{c['to_revision']}次")
        for d in c["changes"]:
            _print(f"    {d['label']}: {d['old']!r} → {d['new']!r}")
    if not changes:
        _print("没有版次间的改动 / no changes between revisions")
    return 0


def cmd_trace(args) -> int:
    from desktop.core import services

    db = _db(args.db)
    try:
        found = services.intake.trace_value(db, args.school, args.task)
    finally:
        db.close()
    if args.json:
        _print_json(found)
        return 0
    for p in found["periods"]:
        _print(f"{args.school} · 任务 {args.task} · {p['period']}")
        for v in p["versions"]:
            src = v["source"]
            mark = "当前" if v["current"] else "历史"
            _print(f"  [{mark}] 第{v['revision']}次 {v['status']} {v['progress']}%  ← {src.get('file', '?')}"
                  f" (sha256 {str(v['submission'])[:12]}…, 收到 {src.get('received_at', '?')},"
                  f" {'已存档' if src.get('archived') else '未存档'})")
    return 0


def cmd_gui(args) -> int:
    from desktop.gui.app import run

    return run(db=args.db, smoke=args.smoke_test)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="taizhang", description="台账 Taizhang — 县教育局工作要点台账 (offline)")
    p.add_argument("--version", action="version", version=f"taizhang {__version__}")
    p.add_argument("--db", help=argparse.SUPPRESS)
    p.add_argument("--smoke-test", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_gui)
    sub = p.add_subparsers(dest="command")

    s = sub.add_parser("demo", help="headless round trip on the bundled sample plan")
    s.add_argument("-o", "--out", default="taizhang-demo")
    s.add_argument("--schools", type=int)
    s.add_argument("--seed", type=int, default=2026)
    s.add_argument("--no-merge", action="store_true")
    s.set_defaults(func=cmd_demo)

    plan = sub.add_parser("plan", help="plan documents").add_subparsers(dest="plan_cmd", required=True)
    s = plan.add_parser("parse", help="parse a plan document (.txt/.docx/.xlsx)")
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_plan_parse)
    s = plan.add_parser("publish", help="import plan + roster + periods and write the signed plan workbook")
    s.add_argument("file")
    s.add_argument("--db", required=True)
    s.add_argument("--roster", required=True)
    s.add_argument("--period", required=True, action="append", metavar="NAME[:DUE]")
    s.add_argument("-o", "--out", required=True)
    s.set_defaults(func=cmd_plan_publish)
    s = plan.add_parser("rule", help="a task's evidence rule (必需/可选/不需) and a target's 口径说明, before publishing")
    s.add_argument("task", metavar="TASK_ID")
    s.add_argument("--db", required=True)
    s.add_argument("--evidence", metavar="必需|可选|不需",
                   help="required / optional (the default) / not-needed: what evidence the schools must attach")
    s.add_argument("--note", metavar="口径说明", help="how to count the target (empty clears it)")
    s.add_argument("--target", type=int, metavar="SEQ", help="which target the note is for (when the task has several)")
    s.set_defaults(func=cmd_plan_rule)

    county = sub.add_parser("county", help="county install").add_subparsers(dest="county_cmd", required=True)
    s = county.add_parser("init")
    s.add_argument("--db", required=True)
    s.add_argument("--name", required=True)
    s.add_argument("--passphrase", action="store_true",
                   help=f"protect the signing key with a passphrase (asked, or from ${PASSPHRASE_ENV})")
    s.set_defaults(func=cmd_county_init)
    s = county.add_parser("export", help="the county's signed roll-up package for the city (县区汇总包)")
    s.add_argument("--db", required=True)
    s.add_argument("--period")
    s.add_argument("-o", "--out", required=True)
    s.add_argument("--with-evidence", action="store_true", help="include the evidence files' bytes (large)")
    s.add_argument("--passphrase", action="store_true", help=f"the signing key's passphrase (asked, or from ${PASSPHRASE_ENV})")
    s.set_defaults(func=cmd_county_export)

    city = sub.add_parser("city", help="city install (市局)").add_subparsers(dest="city_cmd", required=True)
    s = city.add_parser("init", help="a city install: merge and summary then take county packages")
    s.add_argument("--db", required=True)
    s.add_argument("--name", required=True)
    s.add_argument("--passphrase", action="store_true",
                   help=f"protect the signing key with a passphrase (asked, or from ${PASSPHRASE_ENV})")
    s.set_defaults(func=cmd_city_init)

    school = sub.add_parser("school", help="school install").add_subparsers(dest="school_cmd", required=True)
    s = school.add_parser("init", help="load the county's plan workbook and create the school's key")
    s.add_argument("plan")
    s.add_argument("--school", required=True)
    s.add_argument("--db", required=True)
    s.add_argument("--county-fingerprint", metavar="HEX",
                   help="the county key fingerprint from the bureau's notice (without it: asked on a terminal)")
    s.add_argument("--enrol", metavar="CODE", help="the school's enrolment code (注册码) from the bureau")
    s.add_argument("--passphrase", action="store_true",
                   help=f"protect the signing key with a passphrase (asked, or from ${PASSPHRASE_ENV})")
    s.set_defaults(func=cmd_school_init)
    s = school.add_parser("load", help="load a revised plan workbook or a feedback package (审核意见)")
    s.add_argument("file")
    s.add_argument("--db", required=True)
    s.add_argument("--switch-plan", action="store_true",
                   help="the workbook is another plan (not an update): switch to it on purpose")
    s.set_defaults(func=cmd_school_load)

    s = school.add_parser("changes", help="what the revised plans changed (added, removed, changed tasks)")
    s.add_argument("--db", required=True)
    s.add_argument("--seen", action="store_true", help="mark the changes seen (all, or of --task)")
    s.add_argument("--task")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_school_changes)

    entry = sub.add_parser("entry", help="the school's entries").add_subparsers(dest="entry_cmd", required=True)
    s = entry.add_parser("set", help="set fields of one task's entry (what the detail pane does)")
    s.add_argument("--db", required=True)
    s.add_argument("--task", required=True)
    s.add_argument("--period")
    s.add_argument("--status")
    s.add_argument("--progress", type=int)
    s.add_argument("--narrative")
    s.add_argument("--problems")
    s.add_argument("--next-steps", dest="next_steps")
    s.add_argument("--na-reason", dest="na_reason")
    s.add_argument("--value", action="append", metavar="SEQ=V", help="the achieved value of target SEQ (empty clears)")
    s.add_argument("--attach", action="append", metavar="FILE", help="attach an evidence file")
    s.add_argument("--reuse", action="append", metavar="SHA256|NAME",
                   help="let a file the school stored already back this task too (stored once)")
    s.add_argument("--confirm", action="store_true",
                   help="确认沿用: confirm the carried answer (a section's id: every task in it)")
    s.add_argument("--carry-again", dest="carry_again", action="store_true",
                   help="改回上期内容: last period's answer back (undoes an edit or a --confirm); alone")
    s.set_defaults(func=cmd_entry_set)
    s = entry.add_parser("list", help="the school's entries of a period")
    s.add_argument("--db", required=True)
    s.add_argument("--period")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_entry_list)

    s = sub.add_parser("review", help="record a review decision, or print a school's review states")
    s.add_argument("--db", required=True)
    s.add_argument("--school", required=True)
    s.add_argument("--period")
    which = s.add_mutually_exclusive_group()
    which.add_argument("--task")
    which.add_argument("--overall", action="store_true")
    decision = s.add_mutually_exclusive_group()
    decision.add_argument("--pass", dest="decision", action="store_const", const=ReviewState.PASSED)
    decision.add_argument("--return", dest="decision", action="store_const", const=ReviewState.RETURNED)
    s.add_argument("--comment")
    s.add_argument("--reviewer")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_review)

    s = sub.add_parser("feedback", help="write the signed feedback package (审核意见) for a school, or --all")
    s.add_argument("--db", required=True)
    s.add_argument("--school")
    s.add_argument("--all", action="store_true")
    s.add_argument("--period")
    s.add_argument("-o", "--out", required=True)
    s.set_defaults(func=cmd_feedback)

    s = sub.add_parser("export", help="write the school's signed report package")
    s.add_argument("--db", required=True)
    s.add_argument("--period")
    s.add_argument("-o", "--out")
    s.add_argument("--again", type=int, metavar="REVISION", help="save the exact original of an earlier export again")
    s.add_argument("--list", action="store_true", help="list every export (导出记录)")
    s.add_argument("--json", action="store_true")
    s.add_argument("--passphrase", action="store_true", help=f"the key's passphrase (asked, or from ${PASSPHRASE_ENV})")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("cover", help="print the 备案表 (A4 PDF with QR code) of an exported report")
    s.add_argument("--db", required=True)
    s.add_argument("--file", help="the exported report (.xlsx)")
    s.add_argument("--revision", type=int, help="or: an export from 导出记录, by revision")
    s.add_argument("--period")
    s.add_argument("-o", "--out", required=True)
    s.set_defaults(func=cmd_cover)

    roster = sub.add_parser("roster", help="school roster (学校名单)").add_subparsers(dest="roster_cmd", required=True)
    s = roster.add_parser("template", help="save a roster template to fill in (.xlsx or .csv)")
    s.add_argument("-o", "--out", required=True)
    s.set_defaults(func=cmd_roster_template)

    s = sub.add_parser("paper-check", help="bureau: the package code (or QR text) on a 备案表 → the file received")
    s.add_argument("code")
    s.add_argument("--db", required=True)
    s.add_argument("--confirm", action="store_true",
                   help="the stamped paper confirms the key that signed the file (a school's first key)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_paper_check)

    s = sub.add_parser("verify", help="check signatures and part digests")
    s.add_argument("files", nargs="+")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_verify)

    s = sub.add_parser("merge", help="import report packages (files, folders, .zip)")
    s.add_argument("paths", nargs="+")
    s.add_argument("--db", required=True)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_merge)

    s = sub.add_parser("summary", help="write the bureau summary workbook")
    s.add_argument("--db", required=True)
    s.add_argument("--period")
    s.add_argument("-o", "--out", required=True)
    s.set_defaults(func=cmd_summary)

    s = sub.add_parser("remind", help="催报 notices: one .txt per school and per township, one .docx to print")
    s.add_argument("--db", required=True)
    s.add_argument("--period")
    s.add_argument("-o", "--out", required=True, help="folder")
    s.set_defaults(func=cmd_remind)

    s = sub.add_parser("bulletin", help="a draft 通报 (.docx) from the merged data")
    s.add_argument("--db", required=True)
    s.add_argument("--period")
    s.add_argument("-o", "--out", required=True)
    s.set_defaults(func=cmd_bulletin)

    s = sub.add_parser("backup", help="consistent copy of a database")
    s.add_argument("--db", required=True)
    s.add_argument("-o", "--out", required=True)
    s.set_defaults(func=cmd_backup)

    s = sub.add_parser("history", help="what changed between a school's revisions")
    s.add_argument("--db", required=True)
    s.add_argument("--school", required=True)
    s.add_argument("--since-review", action="store_true", help="per task, what changed since the reviewed revision")
    s.add_argument("--period")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_history)

    s = sub.add_parser("trace", help="which file a merged value came from")
    s.add_argument("--db", required=True)
    s.add_argument("--school", required=True)
    s.add_argument("--task", required=True)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_trace)

    keys = sub.add_parser("keys", help="school keys pinned by the county").add_subparsers(dest="keys_cmd", required=True)
    s = keys.add_parser("list")
    s.add_argument("--db", required=True)
    s.add_argument("--json", action="store_true")
    k = keys.add_parser("approve", help="pin exactly the key with this fingerprint for the school")
    k.add_argument("school")
    k.add_argument("--fingerprint", required=True, metavar="HEX", help="the fingerprint you checked (groups allowed)")
    k.add_argument("--db", required=True)
    k = keys.add_parser("refuse", help="turn down the school's pending key(s)")
    k.add_argument("school")
    k.add_argument("--fingerprint", metavar="HEX", help="only this pending key")
    k.add_argument("--db", required=True)
    k = keys.add_parser("codes", help="the schools' enrolment codes (注册码), made on first use")
    k.add_argument("--db", required=True)
    k.add_argument("-o", "--out", help="save them as a CSV list to print or send")
    for k in keys.choices.values():
        k.set_defaults(func=cmd_keys)
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except TaizhangError as exc:
        _print(f"错误：{exc.zh} / error: {exc.en}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:
        _print(f"错误：数据文件已损坏或无法读取（{exc}），请用备份恢复 / error: the database is damaged or unreadable"
              f" ({exc}); restore it from a backup", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        _print("已中断 / interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
