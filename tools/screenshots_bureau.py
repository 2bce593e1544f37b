"""Screenshots of the bureau window for docs/screenshots (run under Xvfb with a CJK font):

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots_bureau.py

Builds demo data (``taizhang demo --no-merge``), then: the county setup dialog, the home page, the
plan review, the roster, an import with a tampered file and a key-change request, and the matrix.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.shots import ScriptedChooser, private_settings, settle, wait_for  # noqa: E402

SIZE = (1366, 740)
SMALL_SCREEN = (1264, 640)


def tamper(src: Path, dst: Path) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = data.replace(b"</sheetData>", b'<row r="999"><c r="A999" t="inlineStr"><is><t>x</t></is></c></row>'
                                    b"</sheetData>")
            zout.writestr(info.filename, data)
    return dst


def reinstalled(world: Path, code: str, out: Path, scratch: Path) -> Path:
    """A school that reinstalled its PC: a new key, the report exported twice (revision 2)."""
    from desktop.core import services
    from desktop.core.db.connection import open_db
    from desktop.core.records import entries

    fresh = scratch / f"reinstalled-{code}.db"
    services.setup.school_init(world / "plan.xlsx", code, fresh, county_fingerprint=services.setup.plan_fingerprint(world / "plan.xlsx"))
    db = open_db(fresh)
    try:
        plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        period = services.reporting.default_period(db)
        for t in services.reporting.school_tasks(db)[:5]:
            entries.save_entry(db, code, plan, t["task_id"], period, status="已完成", narrative="重装电脑后重新填报")
        for _ in range(2):
            services.reporting.export_report(db, out, period=period)
    finally:
        db.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--schools", type=int, default=30)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="taizhang-shots-"))

    private_settings(work)
    from desktop.gui.app import make_app

    app = make_app()
    from desktop import demo
    from desktop.core.db.connection import open_db
    from desktop.core.intake import merge
    from desktop.gui.bureau.setup import CountySetupDialog
    from desktop.gui.bureau.window import (
        TAB_HOME,
        TAB_IMPORT,
        TAB_OVERVIEW,
        TAB_REVIEW,
        TAB_ROSTER,
        BureauWindow,
    )

    shots = []

    def shot(widget, name: str) -> None:
        settle()
        path = out / f"bureau-{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    # the county setup: the fingerprint page
    setup = CountySetupDialog(chooser=ScriptedChooser())
    setup.name_edit.setText("示例县")
    setup.path_edit.setText(str(work / "setup-county.db"))
    setup.show()
    setup.create()
    shot(setup, "setup")
    setup.close()

    world = work / "demo"
    demo.run(world, schools=args.schools, merge=False, say=lambda _m: None)
    reports = sorted((world / "reports").glob("*.xlsx"))
    # most schools reported earlier; three have not, one file was edited in Excel, one school reinstalled
    db = open_db(world / "county.db")
    merge.merge_paths(db, reports[:-6])
    db.close()
    batch = work / "U盘"
    batch.mkdir()
    for f in reports[-6:-3]:
        (batch / f.name).write_bytes(f.read_bytes())
    tamper(reports[-3], batch / f"{reports[-3].stem}-Excel另存.xlsx")
    (batch / reports[0].name).write_bytes(reports[0].read_bytes())  # sent twice
    reinstalled(world, reports[1].stem, batch / f"{reports[1].stem}-重装后.xlsx", work)

    chooser = ScriptedChooser()
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    win.resize(*SIZE)
    win.show()
    shot(win, "home")

    win.tabs.setCurrentIndex(TAB_REVIEW)
    review = win.review
    holey = next((n for n in review.model.task_ids() if any(
        x["value"] is None for x in (review.model.node(review.model.index_of(n)) or {}).get("targets", []))), None)
    review.select(holey or review.model.task_ids()[1])
    shot(win, "review")

    win.tabs.setCurrentIndex(TAB_ROSTER)
    shot(win, "roster")

    win.tabs.setCurrentIndex(TAB_IMPORT)
    win.import_paths([str(batch)])
    wait_for(win.importer.finished)
    settle(300)
    shot(win, "import")
    win.importer.keys_view.selectRow(0)
    shot(win.importer.keys_box, "keys")
    db = open_db(world / "county.db")
    package_id = db.execute("SELECT package_id FROM submissions WHERE outcome = 'accepted' LIMIT 1").fetchone()[0]
    db.close()
    win.importer.paper.code.setText(package_id.replace("-", "")[:8].upper())
    paper = win.importer.paper.check()
    shot(paper, "paper-check")
    paper.close()
    win.importer.problems_only.setChecked(True)
    shot(win, "import-problems")
    win.importer.problems_only.setChecked(False)

    win.tabs.setCurrentIndex(TAB_OVERVIEW)
    ov = win.overview
    matrix = ov.matrix
    codes = [sc["code"] for sc in ov.data["schools"]]
    tasks = [t["task_id"] for t in ov.data["tasks"]]
    with_evidence = sorted((codes.index(c), tasks.index(t)) for (c, t) in ov.data["evidence"] if c in codes and t in tasks)
    row, col = with_evidence[0] if with_evidence else (0, 0)
    index = matrix.index(row, col)
    ov.matrix_view.setCurrentIndex(index)
    ov._cell_changed(index)
    shot(win, "matrix")
    # what a 1280x720 laptop gets (locations.place_window: a 1280x680 work area less the frame)
    win.resize(*SMALL_SCREEN)
    win.tabs.setCurrentIndex(TAB_REVIEW)
    shot(win, "review-1280x720")
    win.tabs.setCurrentIndex(TAB_OVERVIEW)
    shot(win, "matrix-1280x720")
    win.resize(*SIZE)
    ov.tabs.setCurrentIndex(1)
    shot(win, "tasks")
    ov.tabs.setCurrentIndex(2)
    ov.school_mode.setCurrentIndex(1)
    shot(win, "schools")
    ov.tabs.setCurrentIndex(0)
    win.tabs.setCurrentIndex(TAB_HOME)
    win.close()
    for p in shots:
        print(p)
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
