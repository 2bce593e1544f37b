"""Creating the county install: name, database place, optional passphrase, fingerprint notice."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.db.connection import open_db
from desktop.core.signing import identity
from desktop.gui.bureau.setup import CountySetupDialog, create_county
from desktop.gui.common import locations


def test_creates_the_county_and_shows_the_fingerprint_in_groups(qtbot, tmp_path, chooser):
    dialog = CountySetupDialog(chooser=chooser)
    qtbot.addWidget(dialog)
    assert dialog.path_edit.text() == str(locations.default_db_path("county"))
    dialog.name_edit.setText("民乐县")
    db_path = tmp_path / "county.db"
    dialog.path_edit.setText(str(db_path))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.db_path == str(db_path)
    db = open_db(db_path)
    ident = identity.load(db, role="county")
    db.close()
    assert ident.county == "民乐县" and not ident.key_protected
    shown = dialog.fingerprint.label.text().split()
    assert len(shown) == 16 and all(len(g) == 4 for g in shown) and "".join(shown) == ident.fingerprint
    assert not dialog.finish_button.isHidden() and dialog.create_button.isHidden()
    notice = tmp_path / "指纹通知.txt"
    chooser.saves.append(notice)
    qtbot.mouseClick(dialog.fingerprint.save_button, Qt.MouseButton.LeftButton)
    text = notice.read_bytes().decode("utf-8-sig")
    assert " ".join(shown) in text and "民乐县" in text


def test_refuses_bad_input_without_creating_anything(qtbot, tmp_path, chooser):
    dialog = CountySetupDialog(chooser=chooser)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "c.db"))
    assert not dialog.create() and "县区名称" in dialog.error.text()
    dialog.name_edit.setText("示例县")
    dialog.pass_edit.setText("secret")
    dialog.pass_again.setText("other")
    assert not dialog.create() and "口令" in dialog.error.text()
    dialog.path_edit.setText(str(tmp_path / "missing-folder" / "c.db"))
    assert not dialog.create() and "不存在" in dialog.error.text()
    assert not (tmp_path / "c.db").exists()


def test_passphrase_protects_the_key(qtbot, tmp_path, chooser):
    dialog = CountySetupDialog(chooser=chooser)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("示例县")
    dialog.path_edit.setText(str(tmp_path / "c.db"))
    dialog.pass_edit.setText("口令123")
    dialog.pass_again.setText("口令123")
    assert dialog.create()
    db = open_db(tmp_path / "c.db")
    assert identity.load(db).key_protected
    db.close()


def test_an_existing_database_is_not_overwritten(qtbot, tmp_path, chooser):
    existing = tmp_path / "county.db"
    existing.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    dialog = CountySetupDialog(chooser=chooser)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("示例县")
    dialog.path_edit.setText(str(existing))
    assert not dialog.create() and "已经有" in dialog.error.text()


def _drive(name: str, path: str, finish: bool):
    def step():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CountySetupDialog):
            QTimer.singleShot(20, step)
            return
        if not finish:
            dialog.reject()
            return
        dialog.name_edit.setText(name)
        dialog.path_edit.setText(path)
        dialog.create()
        dialog.finish_button.click()
    QTimer.singleShot(0, step)


def test_create_county_returns_the_path_or_none(qtbot, tmp_path):
    _drive("示例县", str(tmp_path / "a.db"), finish=True)
    assert create_county(None) == str(tmp_path / "a.db")
    _drive("示例县", str(tmp_path / "b.db"), finish=False)
    assert create_county(None) is None
    assert not (tmp_path / "b.db").exists()


def test_the_name_field_drops_a_typed_bureau_suffix(qtbot, tmp_path, chooser):
    """Issue 14: "民乐县教育局" typed into the field became "民乐县教育局教育局" in the window title."""
    dialog = CountySetupDialog(chooser=chooser)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("民乐县教育局")
    dialog.name_edit.editingFinished.emit()
    assert dialog.name_edit.text() == "民乐县"
    dialog.name_edit.setText("民乐县教体局")
    dialog.path_edit.setText(str(tmp_path / "county.db"))
    assert dialog.create()
    db = open_db(tmp_path / "county.db")
    assert identity.load(db, role="county").county == "民乐县"
    db.close()
