"""The CLI contract scripts rely on (DESIGN §7): outputs, exit codes, one-line errors."""

import json
import subprocess
import sys
import zipfile

import openpyxl
import pytest

from desktop.cli import main


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def _one_line_error(proc):
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "error:" in lines[0]
    return lines[0]


def test_demo_writes_the_whole_round_trip(tmp_path):
    out = tmp_path / "d"
    proc = run("demo", "-o", out, "--schools", "3")
    assert proc.returncode == 0, proc.stderr
    assert (out / "plan.xlsx").is_file() and (out / "county.db").is_file() and (out / "summary.xlsx").is_file()
    assert sorted(p.suffix for p in (out / "schools").iterdir()) == [".db"] * 3
    assert len(list((out / "reports").glob("*.xlsx"))) == 3
    wb = openpyxl.load_workbook(out / "summary.xlsx")
    assert {"总体情况", "按任务", "按学校", "学校×任务", "未报送学校"} <= set(wb.sheetnames)


def test_demo_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    line = _one_line_error(run("demo", "-o", tmp_path))
    assert "不是空的" in line


def test_verify_json_contract_and_exit_codes(demo_template, tmp_path):
    reports = sorted((demo_template / "reports").glob("*.xlsx"))
    proc = run("verify", *reports, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [set(d) >= {"file", "valid", "kind", "school", "revision", "reason"} for d in data] == [True] * len(reports)
    assert all(d["valid"] and d["kind"] == "report" and d["revision"] == 1 for d in data)
    # change one cell with openpyxl and save: the package is no longer valid
    wb = openpyxl.load_workbook(reports[0])
    wb["任务完成情况"]["F2"] = "改过了"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    proc = run("verify", reports[1], edited, "--json")
    assert proc.returncode == 1
    bad = json.loads(proc.stdout)[1]
    assert bad["valid"] is False and bad["reason"]


def test_verify_accepts_a_folder(demo_template):
    proc = run("verify", demo_template / "reports", "--json")
    assert proc.returncode == 0
    assert len(json.loads(proc.stdout)) == len(list((demo_template / "reports").glob("*.xlsx")))


def test_verify_names_the_sheet_after_a_byte_flip(demo_template, tmp_path):
    src = sorted((demo_template / "reports").glob("*.xlsx"))[0]
    bad = tmp_path / "flipped.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = data[:200] + bytes([data[200] ^ 1]) + data[201:]
            zout.writestr(info.filename, data)
    proc = run("verify", bad)
    assert proc.returncode == 1 and "modified after signing: sheet 任务完成情况" in proc.stdout


def test_merge_json_contract_then_all_duplicates(world):
    proc = run("merge", world / "reports", "--db", world / "county.db", "--json")
    assert proc.returncode == 0, proc.stderr
    first = json.loads(proc.stdout)
    assert {d["outcome"] for d in first} == {"accepted"} and all(set(d) >= {"file", "outcome", "reason"} for d in first)
    second = json.loads(run("merge", world / "reports", "--db", world / "county.db", "--json").stdout)
    assert {d["outcome"] for d in second} == {"duplicate"}


@pytest.mark.parametrize("args,expect", [
    (["verify"], None),
    (["merge", "{missing}", "--db", "{db}"], "找不到"),
    (["summary", "--db", "{missing}", "-o", "{tmp}/s.xlsx"], "找不到数据文件"),
    (["export", "--db", "{notdb}", "-o", "{tmp}/r.xlsx"], "不是台账数据文件"),
    (["remind", "--db", "{db}", "--period", "没有这个周期", "-o", "{tmp}/r"], "没有填报周期"),
    (["bulletin", "--db", "{missing}", "-o", "{tmp}/b.docx"], "找不到数据文件"),
    (["school", "init", "{notxlsx}", "--school", "X", "--db", "{tmp}/s.db"], "不是有效的 Excel"),
    (["export", "--db", "{db}", "-o", "{tmp}/r.xlsx"], "县教育局的数据文件"),
    (["plan", "parse", "{missing}"], None),
])
def test_user_errors_are_one_clear_line_without_traceback(world, tmp_path, args, expect):
    notdb = tmp_path / "not.db"
    notdb.write_text("hello")
    notxlsx = tmp_path / "plan.xlsx"
    notxlsx.write_text("hello")
    subs = {"{missing}": str(tmp_path / "missing.xlsx"), "{db}": str(world / "county.db"), "{tmp}": str(tmp_path),
            "{notdb}": str(notdb), "{notxlsx}": str(notxlsx)}
    argv = []
    for a in args:
        for k, v in subs.items():
            a = a.replace(k, v)
        argv.append(a)
    proc = run(*argv)
    if args == ["verify"]:  # argparse usage error
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        return
    line = _one_line_error(proc)
    if expect:
        assert expect in line
    assert not (tmp_path / "r.xlsx").exists() and not (tmp_path / "s.xlsx").exists()


def test_wrong_role_database_is_refused(demo_template, tmp_path):
    school_db = sorted((demo_template / "schools").glob("*.db"))[0]
    line = _one_line_error(run("merge", demo_template / "reports", "--db", school_db))
    assert "学校的数据文件" in line


def test_every_command_is_documented_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    from desktop.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    for name in sub.choices:
        assert f"taizhang {name}" in readme, name


def _leaf_commands(parser, path=()):
    """(("plan", "parse"), its parser), …: every command a user can type, down to the sub-commands."""
    import argparse

    sub = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    if sub is None:
        yield path, parser
        return
    for name, child in sub.choices.items():
        yield from _leaf_commands(child, (*path, name))


def test_every_sub_command_and_flag_is_documented_in_the_readme():
    """The README's command table names each sub-command and each of its flags (ARCHITECTURE Habit 9)."""
    import argparse
    import re
    from pathlib import Path

    from desktop.cli import build_parser

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    rows = [re.split(r"[\s|\[\]]+", cell.replace("\\|", "|"))
            for cell in re.findall(r"^\| `(taizhang [^`]*)` \|", readme, flags=re.M)]
    missing = []
    for path, parser in _leaf_commands(build_parser()):
        words = {w for row in rows if row[1] == path[0] and set(path[1:]) <= set(row) for w in row}
        if not words:
            missing.append(" ".join(path))
            continue
        flags = [a.option_strings for a in parser._actions if a.option_strings and a.help is not argparse.SUPPRESS
                 and not isinstance(a, argparse._HelpAction)]
        missing.extend(f"{' '.join(path)} {opts[-1]}" for opts in flags if not set(opts) & words)
    assert not missing, f"not in the README's command table: {missing}"


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and "taizhang" in capsys.readouterr().out


def test_keys_history_and_trace_commands(world):
    assert run("merge", world / "reports", "--db", world / "county.db").returncode == 0
    keys = json.loads(run("keys", "list", "--db", world / "county.db", "--json").stdout)
    assert {k["status"] for k in keys} == {"pinned"} and len(keys) == len(list((world / "reports").glob("*.xlsx")))
    code = sorted(p.stem for p in (world / "reports").glob("*.xlsx"))[0]
    history = run("history", "--db", world / "county.db", "--school", code, "--json")
    assert history.returncode == 0 and json.loads(history.stdout) == []  # one revision: nothing changed yet
    from desktop.core import services
    from desktop.core.db.connection import open_db

    db = open_db(world / "schools" / f"{code}.db")
    task = services.reporting.school_tasks(db)[0]["task_id"]
    db.close()
    trace = run("trace", "--db", world / "county.db", "--school", code, "--task", task, "--json")
    assert trace.returncode == 0
    version = json.loads(trace.stdout)["periods"][0]["versions"][0]
    assert version["current"] and version["source"]["file"] == f"{code}.xlsx" and version["source"]["archived"]
    refused = run("keys", "approve", code, "--fingerprint", "ab" * 32, "--db", world / "county.db")
    assert refused.returncode == 2 and "没有指纹为" in refused.stderr  # not a key of this school: nothing pinned
    unconfirmed = next(k for k in keys if k["owner"] == code)
    assert unconfirmed["confirmation"] == "unconfirmed"  # a first key without enrolment code: 未确认
    approved = run("keys", "approve", code, "--fingerprint", unconfirmed["fingerprint"], "--db", world / "county.db")
    assert approved.returncode == 0, approved.stderr




def test_export_list_again_cover_and_paper_check(world, tmp_path):
    db, county = world / "schools" / "SLX001.db", world / "county.db"
    out = tmp_path / "r.xlsx"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    proc = run("export", "--db", db, "--list", "--json")
    rows = json.loads(proc.stdout)
    assert rows[0]["kept"] and rows[0]["file_name"] == "r.xlsx"
    again = tmp_path / "again.xlsx"
    assert main(["export", "--db", str(db), "--again", str(rows[0]["revision"]), "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()
    assert main(["cover", "--db", str(db), "--file", str(out), "-o", str(tmp_path / "c.pdf")]) == 0
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    assert main(["merge", str(out), "--db", str(county)]) == 0
    proc = run("paper-check", rows[0]["package_code"], "--db", county, "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["submissions"][0]["school_code"] == "SLX001"
    proc = run("paper-check", "00000000", "--db", county)
    assert proc.returncode == 1 and "no such file received" in proc.stdout
    _one_line_error(run("paper-check", "not-a-code", "--db", county))
    _one_line_error(run("export", "--db", db, "--again", "99", "-o", tmp_path / "x.xlsx"))
def test_remind_and_bulletin_write_their_files(world):
    proc = run("merge", world / "reports", "--db", world / "county.db")
    assert proc.returncode == 0, proc.stderr
    proc = run("remind", "--db", world / "county.db", "-o", world / "催报")
    assert proc.returncode == 0, proc.stderr
    assert (world / "催报" / "催报通知.docx").is_file() and list((world / "催报").glob("乡镇-*.txt"))
    proc = run("bulletin", "--db", world / "county.db", "-o", world / "通报.docx")
    assert proc.returncode == 0, proc.stderr
    import docx

    assert "通报" in docx.Document(str(world / "通报.docx")).paragraphs[0].text


def test_a_stamped_paper_confirms_the_key_of_the_file_it_names(world, tmp_path):
    """DESIGN §16 way 2: the package code on the paper names one received file; --confirm pins its signer."""
    from desktop.core.db.connection import open_db
    from desktop.core.signing import trust

    db, county = world / "schools" / "SLX001.db", world / "county.db"
    out = tmp_path / "r.xlsx"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    assert main(["merge", str(out), "--db", str(county)]) == 0
    code = json.loads(run("export", "--db", db, "--list", "--json").stdout)[0]["package_code"]
    _one_line_error(run("paper-check", "00000000", "--db", county, "--confirm"))  # names no file: nothing confirmed
    proc = run("paper-check", code, "--db", county, "--confirm", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["confirmed"]["school"] == "SLX001"
    cdb = open_db(county)
    try:
        assert trust.confirmation(cdb, "school", "SLX001") == "paper"
    finally:
        cdb.close()


def test_printed_lines_keep_their_line_breaks_and_escape_the_rest(capsys):
    from desktop.cli import _print

    _print("指纹 fingerprint:\n    ab12\x1b[31m 会议纪要\u202excod.exe")
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "指纹 fingerprint:" and "\x1b" not in out and "\u202e" not in out
    assert "\\x1b" in out and "\\u202e" in out
