import multiprocessing
import sys

from desktop.console import attach_parent_console

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the bundled app's merge workers start through this same executable
    attach_parent_console()  # windowed Windows build: print to the console it was started from

    from desktop.cli import main

    sys.exit(main())
