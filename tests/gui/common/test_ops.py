"""BackgroundOp: the GUI thread stays free while long work runs (DESIGN §9: the window never stalls)."""

import gc
import sys
import threading

from desktop.gui.common import ops


def test_while_an_op_runs_the_collector_skips_what_was_alive_and_the_gil_is_handed_over_often(qtbot):
    """A full cyclic collection walks every object the window holds (~60 ms, GIL held, measured in the import
    bench); while work runs, what was alive at its start is set aside, and everything is back after it."""
    assert gc.get_freeze_count() == 0
    default = sys.getswitchinterval()
    inside = {}
    release = threading.Event()

    def work(_job):
        inside.update(frozen=gc.get_freeze_count(), switch=sys.getswitchinterval())
        release.wait(10)
        return "done"

    op = ops.BackgroundOp(None, work).run()
    qtbot.waitUntil(lambda: "frozen" in inside)
    second = ops.BackgroundOp(None, lambda _job: None).run()  # another op meanwhile: still set aside after it
    qtbot.waitUntil(lambda: not second.running)
    assert gc.get_freeze_count() > 0
    release.set()
    qtbot.waitUntil(lambda: not op.running)
    assert inside["frozen"] > 1000 and inside["switch"] == ops.SWITCH_INTERVAL
    assert gc.get_freeze_count() == 0 and sys.getswitchinterval() == default
