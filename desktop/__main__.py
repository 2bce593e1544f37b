import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the bundled app's merge workers start through this same executable
    sys.exit(main())
