"""The bureau sees which answers a school carried from its last period (DESIGN §13): the matrix marks them
(unconfirmed / confirmed, none for a new answer) with a legend, and the cell detail and the school review say so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.gui.bureau.overviewmodels import CARRIED_CONFIRMED, CARRIED_UNCONFIRMED, CarriedRole, MatrixModel

SCHOOL = "SLX001"
P1, P2 = "2026年上半年", "2026年全年"


@pytest.fixture
def carried_world(world, tmp_path):
    """SLX001 reported period 1 (three answers) and period 2: one carried and confirmed, one carried as it was,
    one edited (the school's own answer of period 2). Both reports merged into the county."""
    school = tmp_path / "school.db"
    services.setup.school_init(world / "plan.xlsx", SCHOOL, school,
                               county_fingerprint=services.setup.plan_fingerprint(world / "plan.xlsx"))
    db = open_db(school)
    try:
        ws = services.reporting.workspace_on(db, school)
        services.reporting.set_period(ws, P1)
        tasks = [t["task_id"] for t in services.reporting.school_tasks(db) if not t["is_heading"]][:3]
        for t in tasks:
            services.reporting.save_task(ws, t, status="进行中", progress=50, narrative="已开展调研。")
        services.reporting.export_report(db, tmp_path / "p1.xlsx", period=P1)
        services.reporting.set_period(ws, P2)
        services.reporting.confirm_carried(ws, tasks[0])
        services.reporting.save_task(ws, tasks[2], status="已完成", progress=100, narrative="已全部完成。")
        services.reporting.export_report(db, tmp_path / "p2.xlsx", period=P2)
    finally:
        db.close()
    county = open_db(world / "county.db")
    try:
        outcomes = services.intake.merge_files(county, [tmp_path / "p1.xlsx", tmp_path / "p2.xlsx"])
        assert [o.outcome for o in outcomes] == ["accepted", "accepted"]
    finally:
        county.close()
    return world, tasks


def _index(model: MatrixModel, ov: dict, task_id: str):
    row = next(i for i, s in enumerate(ov["schools"]) if s["code"] == SCHOOL)
    return model.index(row, next(i for i, t in enumerate(ov["tasks"]) if t["task_id"] == task_id))


def test_the_matrix_marks_carried_answers_confirmed_or_not(qapp, carried_world):
    world, (confirmed, unconfirmed, edited) = carried_world
    db = open_db(world / "county.db")
    try:
        ov = services.standing.overview(db, P2)
        model = MatrixModel()
        model.load(ov)
        assert _index(model, ov, confirmed).data(CarriedRole) == CARRIED_CONFIRMED
        assert _index(model, ov, unconfirmed).data(CarriedRole) == CARRIED_UNCONFIRMED
        assert _index(model, ov, edited).data(CarriedRole) is None
        assert "未确认" in _index(model, ov, unconfirmed).data(Qt.ItemDataRole.ToolTipRole)
        assert _index(model, ov, unconfirmed).data(Qt.ItemDataRole.FontRole).italic()  # reads differently
        # period 1's answers are the school's own; a school not reported has no mark either
        p1 = services.standing.overview(db, P1)
        model.load(p1)
        assert _index(model, p1, confirmed).data(CarriedRole) is None
        other = next(i for i, s in enumerate(p1["schools"]) if s["code"] not in p1["submissions"])
        assert all(model.index(other, c).data(CarriedRole) is None for c in range(model.columnCount()))
    finally:
        db.close()


def test_the_overview_shows_the_legend_and_the_cell_says_carried(qtbot, carried_world, chooser):
    from desktop.gui.bureau.window import BureauWindow

    world, (confirmed, unconfirmed, edited) = carried_world
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    page = win.overview
    page.period.setCurrentIndex(page.period.findData(P2))
    assert page.data["period"] == P2
    legend = {kind: label.text() for kind, label in page.carried_legend.items()}
    assert legend == {CARRIED_UNCONFIRMED: "沿用未确认 1", CARRIED_CONFIRMED: "沿用已确认 1"}
    for task_id, words in ((unconfirmed, "学校未确认也未修改"), (confirmed, "学校已确认仍然属实")):
        page._cell_changed(_index(page.matrix, page.data, task_id))
        text = page.detail.text.toPlainText()
        assert f"沿用上期（{P1}）" in text and words in text
    page._cell_changed(_index(page.matrix, page.data, edited))
    assert "沿用" not in page.detail.text.toPlainText()


def test_the_school_review_says_which_answers_are_carried(qtbot, carried_world, chooser):
    from desktop.gui.bureau.window import BureauWindow

    world, (confirmed, unconfirmed, edited) = carried_world
    db = open_db(world / "county.db")
    try:
        rows = {r["task_id"]: r for r in services.review.review_board(db, SCHOOL, P2)["tasks"]}
    finally:
        db.close()
    assert (rows[confirmed]["carried_from"], rows[confirmed]["carried_confirmed"]) == (P1, True)
    assert (rows[unconfirmed]["carried_from"], rows[unconfirmed]["carried_confirmed"]) == (P1, False)
    assert rows[edited]["carried_from"] is None
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    review = win.school_review
    assert review.show_school(SCHOOL, unconfirmed, P2)
    assert "学校未确认也未修改" in review.entry.toPlainText()
    statuses = {review.tasks.task(r)["task_id"]: review.tasks.index(r, 2).data() for r in range(review.tasks.rowCount())}
    assert statuses[unconfirmed].endswith("（沿用·未确认）") and statuses[confirmed].endswith("（沿用·已确认）")
    assert "沿用" not in statuses[edited]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_overview_with_the_carried_legend_fits_a_1280_screen(qtbot, carried_world, chooser, request, language):
    """The legend (marks and counts) stays narrow enough for a 1280×720 screen, and so does the whole window, in
    both languages (a longer headline once widened it past the screen; the English one wraps)."""
    from desktop.gui.bureau.window import BureauWindow

    if language == "en":
        request.getfixturevalue("english")
    world, _tasks = carried_world
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    win.overview.period.setCurrentIndex(win.overview.period.findData(P2))
    assert win.overview.carried_legend[CARRIED_UNCONFIRMED].text().endswith(" 1")
    assert win.overview.tabs.widget(0).minimumSizeHint().width() <= 1000  # the matrix tab, its legend row
    assert win.minimumSizeHint().width() <= 1280
