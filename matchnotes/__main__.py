"""Entry point of ``matchnotes`` and ``python -m matchnotes``.

With a sub-command, run it headless (cli.py, no Qt loaded). Without one, open the
app (app.py builds the QApplication) on --db, --demo, $MATCHNOTES_DB or the default file.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from matchnotes import cli

    args_list = list(sys.argv[1:] if argv is None else argv)
    args = cli.parse_args(args_list)
    if args.command:
        return cli.run(args_list)
    from matchnotes.app import run_app

    return run_app(args)


if __name__ == "__main__":
    # A PDF is made in a process of its own (reports/pdf_child.py); in the PyInstaller
    # bundle that process is this executable, which must take the job, not open the app.
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
