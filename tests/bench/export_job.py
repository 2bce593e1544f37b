"""Child process for the export benchmark: export one report and print seconds and peak RSS (MB).

The peak is this process's own (VmHWM): ``ru_maxrss`` of a process started by ``subprocess`` also counts the
resident size of the parent it was forked from (the bench's pytest process, hundreds of MB after the benches
before it), so the export bench measured the parent whenever it ran after them."""

import json
import sys
import time

from desktop.core import services
from desktop.core.db.connection import open_db

if __name__ == "__main__":
    db = open_db(sys.argv[1])
    t0 = time.perf_counter()
    manifest = services.reporting.export_report(db, sys.argv[2])
    took = time.perf_counter() - t0
    with open("/proc/self/status") as fh:
        rss_mb = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
    print(json.dumps({"seconds": took, "rss_mb": rss_mb, "evidence": len(manifest["evidence"])}))
