"""The language menu both windows share: picking a language saves it and says, in both languages, when it applies."""

from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop.gui.common import i18n


def test_picking_english_saves_it_and_shows_a_bilingual_notice(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("语言(&L)")
    i18n.fill_language_menu(menu, window)
    actions = {a.text(): a for a in menu.actions()}
    assert actions["中文"].isChecked() and not actions["English"].isChecked()
    actions["English"].trigger()
    assert i18n.saved_language() == "en"
    [box] = window.findChildren(QMessageBox)
    assert box.isVisible()  # shown with open(): the test would hang here if it blocked
    assert "下次启动" in box.text() and "next time Taizhang starts" in box.text()
    box.close()
