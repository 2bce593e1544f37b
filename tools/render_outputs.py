"""What the bureau hands out, as LibreOffice prints it: the first page of every sheet of the summary, the
report and the plan workbooks, and of the 催报 and 通报 .docx, as PNGs in docs/screenshots/.

    .venv/bin/python tools/render_outputs.py [OUT_DIR]

Builds the demo with 12 schools and merges 9 (issue 15's situation). Needs soffice and pdftoppm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from desktop import demo
from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.intake import merge
from desktop.core.package import planbook, reportbook
from desktop.core.package.container import verify_package
from desktop.core.standing import figures, workbook
from desktop.core.tasklist import store


def to_png(source: Path, out_png: Path, work: Path) -> Path:
    """The first page of ``source`` as LibreOffice prints it."""
    subprocess.run([shutil.which("soffice") or "soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work),
                    str(source)], check=True, capture_output=True, timeout=240)
    pdf = work / (source.stem + ".pdf")
    subprocess.run(["pdftoppm", "-r", "80", "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf),
                    str(out_png.with_suffix(""))], check=True, timeout=120)
    return out_png


def one_sheet(build, name: str, target: Path) -> Path:
    wb = build()
    for ws in list(wb.worksheets):
        if ws.title != name:
            wb.remove(ws)
    wb.save(target)
    return target


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="taizhang-render-"))
    world = work / "demo"
    demo.run(world, schools=12, merge=False, say=lambda _msg: None)
    db = open_db(world / "county.db")
    reports = sorted((world / "reports").glob("*.xlsx"))
    merge.merge_paths(db, reports[:9], workers=0)
    plan = store.current_plan(db)
    period = services.standing.overview_period(db)
    data = figures.compute(db, plan["id"], period)
    for i, name in enumerate(workbook.SHEETS, start=1):
        src = one_sheet(lambda: workbook.build_from(data), name, work / f"summary-{i:02d}.xlsx")
        to_png(src, out / f"output-summary-{i:02d}-{name}.png", work)
    report = verify_package(reports[0])
    fingerprint = report.fingerprint
    for i, name in enumerate((reportbook.SHEET_COVER, reportbook.SHEET_ENTRIES, reportbook.SHEET_INDICATORS,
                              reportbook.SHEET_NOTES), start=1):
        src = one_sheet(lambda: reportbook.build_workbook(report.manifest, fingerprint), name, work / f"report-{i}.xlsx")
        to_png(src, out / f"output-report-{i}-{name}.png", work)
    plan_pkg = verify_package(world / "plan.xlsx")
    src = one_sheet(lambda: planbook.build_workbook(plan_pkg.manifest, plan_pkg.fingerprint), planbook.SHEET_TASKS,
                    work / "plan-tasks.xlsx")
    to_png(src, out / "output-plan-任务清单.png", work)
    reminders = services.standing.write_reminders(db, work / "催报", period=period)
    to_png(reminders["docx"], out / "output-催报通知.png", work)
    to_png(services.standing.write_bulletin(db, work / "通报.docx", period=period), out / "output-通报.png", work)
    shutil.copy(next(p for p in reminders["files"] if p.name.startswith("乡镇-")), out / "output-催报-乡镇示例.txt")
    db.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
