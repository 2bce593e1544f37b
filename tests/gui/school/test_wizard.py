"""The first-run wizard, driven through its real pages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWizard

from desktop.core import services
from desktop.gui.school.wizard import PAGE_FINGERPRINT, PAGE_KEY, PAGE_OPEN, PAGE_SCHOOL, SchoolSetupWizard


def make_wizard(qtbot, plan_file, db_path=None):
    wiz = SchoolSetupWizard(plan_chooser=lambda _p: str(plan_file),
                            db_chooser=lambda _p, _s: str(db_path) if db_path else None)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def run_wizard(qtbot, plan_file, db_path, *, passphrase: str = "", enrol: str = "",
               between=None) -> SchoolSetupWizard:
    """Open → fingerprint → school → key, as a user would; returns the accepted wizard."""
    wiz = make_wizard(qtbot, plan_file, db_path)
    qtbot.mouseClick(wiz.findChild(QPushButton, "browsePlan"), Qt.MouseButton.LeftButton)
    wiz.next()
    assert wiz.currentId() == PAGE_FINGERPRINT
    wiz.fingerprint_page.confirm.setChecked(True)
    wiz.next()
    assert wiz.currentId() == PAGE_SCHOOL
    wiz.school_page.search.setText("第一小学")  # QTest types ASCII only
    assert wiz.school["code"] == "SLX001"
    wiz.school_page.enrol.setText(enrol)
    wiz.next()
    assert wiz.currentId() == PAGE_KEY
    if between:
        between()
    wiz.key_page.db_path.setText(str(db_path))
    wiz.key_page.pass1.setText(passphrase)
    wiz.key_page.pass2.setText(passphrase)
    with qtbot.waitSignal(wiz.accepted, timeout=5000):
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    return wiz


def test_wizard_creates_the_school_database(qtbot, plan_file, tmp_path):
    db = tmp_path / "mine.db"
    wiz = run_wizard(qtbot, plan_file, db)
    assert wiz.db_path == str(db)
    assert services.setup.database_role(db) == "school"
    ws = services.reporting.open_workspace(db)
    try:
        assert ws.school_code == "SLX001" and not ws.key_protected
    finally:
        services.reporting.close_workspace(ws)


def test_fingerprint_is_shown_in_groups_of_four_and_must_be_confirmed(qtbot, plan_file):
    wiz = make_wizard(qtbot, plan_file)
    wiz.open_page.path.setText(str(plan_file))
    wiz.next()
    page = wiz.fingerprint_page
    groups = [label.text() for label in page.group_labels]
    assert len(groups) == 16 and all(len(g) == 4 for g in groups)
    assert "".join(groups) == services.setup.preview_plan(plan_file)["fingerprint"]
    assert "示例县" in page.about.text()
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    page.confirm.setChecked(True)
    assert wiz.button(QWizard.WizardButton.NextButton).isEnabled()


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_a_damaged_plan_is_refused_on_the_first_page(qtbot, plan_file, damage):
    data = bytearray(plan_file.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    else:
        for i in range(len(data) // 3, len(data) // 3 + 64):
            data[i] ^= 0xFF
    plan_file.write_bytes(bytes(data))
    wiz = make_wizard(qtbot, plan_file)
    wiz.open_page.path.setText(str(plan_file))
    wiz.next()
    assert wiz.currentId() == PAGE_OPEN
    assert wiz.open_page.error.isVisible()
    assert "无法打开" in wiz.open_page.error.text()


def test_school_search_and_passphrase_mismatch(qtbot, plan_file, tmp_path):
    wiz = make_wizard(qtbot, plan_file)
    wiz.open_page.path.setText(str(plan_file))
    wiz.next()
    wiz.fingerprint_page.confirm.setChecked(True)
    wiz.next()
    page = wiz.school_page
    assert page.proxy.rowCount() == 3
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(page.search, "slx00")  # a code prefix, any case: three matches, none chosen yet
    assert page.proxy.rowCount() == 3 and wiz.school is None
    page.search.clear()
    assert page.select_code("SLX003")
    assert wiz.school["name"] == "示例县西岭幼儿园"
    assert "西岭幼儿园" in page.chosen.text()
    wiz.next()
    wiz.key_page.db_path.setText(str(tmp_path / "k.db"))
    wiz.key_page.pass1.setText("abc")
    wiz.key_page.pass2.setText("abd")
    wiz.next()
    assert wiz.currentId() == PAGE_KEY and "不一致" in wiz.key_page.error.text()
    assert not (tmp_path / "k.db").exists()


def test_existing_database_file_is_not_overwritten(qtbot, plan_file, school_db):
    wiz = make_wizard(qtbot, plan_file)
    wiz.open_page.path.setText(str(plan_file))
    wiz.next()
    wiz.fingerprint_page.confirm.setChecked(True)
    wiz.next()
    wiz.school_page.select_code("SLX001")
    wiz.next()
    wiz.key_page.db_path.setText(str(school_db))
    before = school_db.read_bytes()
    wiz.next()
    assert wiz.currentId() == PAGE_KEY and wiz.key_page.error.isVisible()
    assert school_db.read_bytes() == before


def test_default_database_location(qtbot, plan_file):
    from desktop.gui.common import locations

    wiz = make_wizard(qtbot, plan_file)
    wiz.open_page.path.setText(str(plan_file))
    wiz.next()
    wiz.fingerprint_page.confirm.setChecked(True)
    wiz.next()
    wiz.school_page.select_code("SLX002")
    wiz.next()
    assert wiz.key_page.db_path.text() == str(locations.default_db_path("school"))


def test_the_enrolment_code_typed_goes_into_every_report(qtbot, plan_file, tmp_path):
    from desktop.core.db import settings
    from desktop.core.db.connection import open_db
    from desktop.core.signing import enrolment, identity

    db_path = tmp_path / "enrolled.db"
    run_wizard(qtbot, plan_file, db_path, enrol="kmqr 7tx4")
    db = open_db(db_path)
    try:
        ident = identity.load(db)
        assert settings.get_setting(db, settings.ENROLMENT_PROOF) == enrolment.proof("KMQR7TX4", ident.public_key)
    finally:
        db.close()


def test_a_malformed_enrolment_code_keeps_the_school_page_with_a_reason(qtbot, plan_file):
    wiz = make_wizard(qtbot, plan_file)
    wiz.open_page.path.setText(str(plan_file))
    wiz.next()
    wiz.fingerprint_page.confirm.setChecked(True)
    wiz.next()
    wiz.school_page.search.setText("第一小学")
    wiz.school_page.enrol.setText("KMQR-7TX0")  # 0 is not in the alphabet
    wiz.next()
    assert wiz.currentId() == PAGE_SCHOOL and "8" in wiz.school_page.enrol_error.text()


def test_the_wizard_pins_the_key_it_showed_even_if_the_file_is_swapped(qtbot, plan_file, tmp_path):
    """Between the fingerprint page and 完成 the file on disk is replaced by one signed with another key."""
    import shutil

    from desktop.core.db.connection import open_db
    from desktop.core.signing import crypto, identity, trust
    from tests.security.conftest import forge

    plan_copy = tmp_path / "plan.xlsx"
    shutil.copy(plan_file, plan_copy)
    shown = services.setup.plan_fingerprint(plan_copy)

    def swap():
        forge(plan_file, tmp_path / "evil.xlsx", key=crypto.new_private_key())
        plan_copy.write_bytes((tmp_path / "evil.xlsx").read_bytes())

    run_wizard(qtbot, plan_copy, tmp_path / "s.db", between=swap)
    db = open_db(tmp_path / "s.db")
    try:
        assert trust.pinned_fingerprint(db, "county", identity.load(db).county) == shown
    finally:
        db.close()
