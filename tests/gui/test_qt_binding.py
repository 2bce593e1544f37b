"""The Qt binding must not leak references to None/True: on Python 3.11 (no immortal objects) such a leak
aborts the app after a few thousand widget calls ("Fatal Python error: none_dealloc"). PySide6 6.12.0 had
one; requirements.lock pins a release without it."""

import subprocess
import sys

_PROBE = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
app = QApplication([])
class Emitter(QObject):
    changed = Signal(bool)
emitter = Emitter()
emitter.changed.connect(lambda value: None)
label, combo = QLabel(), QComboBox()
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(20000):
    label.setText("台账")
    label.setEnabled(True)
    combo.currentData()
    emitter.changed.emit(True)
print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
"""


def test_widget_calls_do_not_leak_references_to_none_or_true():
    proc = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr[-500:]
    none_delta, true_delta = map(int, proc.stdout.split())
    assert abs(none_delta) < 100 and abs(true_delta) < 100
