"""Screenshots of the city window for docs/screenshots (run under Xvfb with a CJK font):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots_city.py

Builds six counties' packages (two of them with a school sharing a narrative and a photo with a school of the
other: 疑似重复材料), a city database, imports them (one school report dropped by mistake, one re-keyed county),
and shoots the start screen, the import page with its copy flags and county keys, the key approval dialog (a
first key, a changed key) and the summary with a drill-down to a school whose entries are flagged, each at
1280×720 and 1600×1000.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.shots import ScriptedChooser, private_settings, settle, wait_for  # noqa: E402

SIZES = {"1280": (1280, 720), "1600": (1600, 1000)}
COUNTIES = (("甘州区", 36), ("临泽县", 18), ("高台县", 22), ("山丹县", 20), ("民乐县", 28), ("肃南县", 12))
SHARED_TEXT = "组织全体教师开展“双减”背景下作业设计专题培训，形成校本作业设计案例集一册，并在全校推广使用。"
SHARED_PHOTO = "ab" * 32  # the SHA-256 both schools' photo has


def share(content: dict) -> None:
    """The county's school C0003 (or the first that reported) wrote the shared text on its first task and linked
    the shared photo."""
    report = next((r for r in content["reports"] if r["school"] == "C0003"), content["reports"][0])
    entry = report["entries"][0]
    entry["narrative"] = SHARED_TEXT
    content["evidence_refs"].append({"sha256": SHARED_PHOTO, "name": "培训现场.jpg", "size": 180_000,
                                     "mime": "image/jpeg", "school": report["school"], "task_id": entry["task_id"]})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="taizhang-city-shots-"))
    private_settings(work)
    from desktop.gui.app import make_app

    app = make_app()
    from desktop.core import services
    from desktop.gui.city.keydialog import KeyApprovalDialog
    from desktop.gui.city.window import TAB_IMPORT, TAB_OVERVIEW, CityWindow
    from desktop.gui.common.start import StartScreen
    from tests.bench.test_city_bench import _tasks, write_county_package
    from tests.conftest import make_county, write_reports

    rng = random.Random(7)
    packages = work / "packages"
    packages.mkdir()
    tasks = _tasks(24)
    for name, n in COUNTIES:
        write_county_package(packages / f"{name}-县区汇总包.xlsx", name, n, tasks, rng,
                             tweak=share if name in ("临泽县", "高台县") else None)
    # a school's report sent to the city by mistake, and 临泽县 again with a new key
    _db, plan = make_county(work / "county", 3, n_tasks=6, county="某县")
    stray = write_reports(work / "reports", plan, 1)[0]
    (packages / "某县某校报送.xlsx").write_bytes(stray.read_bytes())
    rekeyed = work / "临泽县-重装后.xlsx"
    write_county_package(rekeyed, "临泽县", 18, tasks, rng)
    city = work / "city.db"
    services.rollup.city_init(city, "张掖市")

    shots = []

    def shot(widget, name: str) -> None:
        for label, size in SIZES.items():
            widget.resize(*size)
            settle()
            path = out / f"city-{name}-{label}.png"
            widget.grab().save(str(path))
            shots.append(path)

    start = StartScreen()
    start.show()
    settle()
    shot(start, "start")
    start.close()

    win = CityWindow(str(city), chooser=ScriptedChooser())
    win.show()
    imp = win.importer
    imp.start_import([packages])
    wait_for(imp.finished)
    settle(300)

    def approve(county: str) -> None:
        """What a person does after the phone call: tick, approve (the dialog itself is shot below)."""
        row = [imp.keys.record(r)["county"] for r in range(imp.keys.rowCount())].index(county)
        imp.keys_view.selectRow(row)
        imp.ask_approval = lambda _req: True
        imp.approve_selected()
        wait_for(imp.approved)
        settle(200)

    for county in ("甘州区", "临泽县", "山丹县", "民乐县"):  # compared by phone; 高台县 and 肃南县 not yet
        approve(county)
    imp.start_import([rekeyed])
    wait_for(imp.finished)
    settle(300)
    win.tabs.setCurrentIndex(TAB_IMPORT)
    imp.keys_view.selectRow(0)
    shot(win, "import")

    def dialog_shot(county: str, name: str) -> None:
        row = [imp.keys.record(r)["county"] for r in range(imp.keys.rowCount())].index(county)
        dialog = KeyApprovalDialog(imp.keys.record(row), win)
        dialog.show()
        settle(300)
        path = out / f"city-{name}.png"
        dialog.grab().save(str(path))
        shots.append(path)
        dialog.close()

    dialog_shot("高台县", "key-first")
    dialog_shot("临泽县", "key-changed")
    win.tabs.setCurrentIndex(TAB_OVERVIEW)
    ov = win.overview
    counties = [ov.counties.record(r)["county"] for r in range(ov.counties.rowCount())]
    ov.counties_view.selectRow(counties.index("高台县"))
    settle()
    codes = [ov.schools.record(r)["code"] for r in range(ov.schools.rowCount())]
    ov.schools_view.selectRow(codes.index("C0003") if "C0003" in codes else 0)
    shot(win, "summary")
    win.close()
    app.processEvents()
    for p in shots:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
