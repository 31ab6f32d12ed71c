"""The `deskcheck` command: one subcommand per module in bot/commands/."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

__all__ = ["COMMANDS", "build_parser", "main"]

# Each module has register(subparsers), which adds its parser with a `run` default
# that takes the parsed arguments and returns the exit code.
COMMANDS = (
    "bot.commands.check",
    "bot.commands.history",
    "bot.commands.show",
    "bot.commands.db",
    "bot.commands.seeds",
    "bot.commands.digest",
    "bot.commands.discord",
    "bot.commands.slack",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deskcheck",
        description="A verification desk: quotes, sources, dates and similar articles for a story.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
