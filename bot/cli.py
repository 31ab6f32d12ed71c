"""The `deskcheck` command: one subcommand per module in bot/commands/."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from .settings import SettingsError, get_settings

__all__ = ["COMMANDS", "EXIT_BROKEN_PIPE", "build_parser", "main"]

# What a shell reports for a writer killed by SIGPIPE (128 + 13), as for `yes | head`.
EXIT_BROKEN_PIPE = 141

# Each module has register(subparsers), which adds its parser with a `run` default
# that takes the parsed arguments and returns the exit code.
COMMANDS = (
    "bot.commands.check",
    "bot.commands.history",
    "bot.commands.show",
    "bot.commands.desk",
    "bot.commands.db",
    "bot.commands.seeds",
    "bot.commands.factchecks",
    "bot.commands.digest",
    "bot.commands.discord",
    "bot.commands.slack",
    "bot.commands.web",
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
    try:
        try:
            args = build_parser().parse_args(argv)
            get_settings()  # a bad setting is one line here, before any command starts work
            code: int = args.run(args)
        finally:
            sys.stdout.flush()  # a reader gone early shows here, inside the handler, not at exit
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except SettingsError as exc:
        print(f"deskcheck: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return code


def _quiet_stdout() -> None:
    """The Python docs' recipe for SIGPIPE: point stdout at devnull so the flush at exit
    finds nowhere to fail, instead of printing 'Exception ignored … BrokenPipeError'."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


if __name__ == "__main__":
    sys.exit(main())
