"""The `netlead` console command.

`netlead analyze ...` runs the network diagnosis on files without starting Django (it must
stay quick). Every other subcommand is a Django management command, as with manage.py.
"""

from __future__ import annotations

import os
import sys

# Subcommands served without Django: name -> module with a `main(argv) -> int`.
PURE_COMMANDS = {"analyze": "netlead.analysis.cli"}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in PURE_COMMANDS:
        import importlib

        module = importlib.import_module(PURE_COMMANDS[args[0]])
        return int(module.main(args[1:]))

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netlead.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["netlead", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
