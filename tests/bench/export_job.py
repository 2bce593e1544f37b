"""Child process for the export benchmark: export one report and print seconds and peak RSS (MB)."""

import json
import resource
import sys
import time

from desktop.core import services
from desktop.core.db.connection import open_db

if __name__ == "__main__":
    db = open_db(sys.argv[1])
    t0 = time.perf_counter()
    manifest = services.reporting.export_report(db, sys.argv[2])
    took = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": took, "rss_mb": rss_mb, "evidence": len(manifest["evidence"])}))
