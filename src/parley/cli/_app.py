"""The Typer application object, the consoles and the help polish shared by the commands.

Help and errors read well in a terminal and in a file:

- flags show no ``<bool>`` type, usage lines show ``PATHS...`` (not ``{paths}...``);
- docstring paragraphs are reflowed (a line break inside a sentence is a space), indented
  blocks (examples) keep their lines, and ``code`` in double backticks is shown bold, without
  the backticks;
- errors printed to a file or a pipe are not wrapped at 80 columns (:func:`err_console`,
  and usage errors in Click's plain form), so a log line holds the whole message.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

# Typer 0.29 (pinned) ships its own copy of Click: its classes and exceptions are not Click's.
from typer import _click as click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

_BACKTICKS = re.compile(r"``([^`]+)``")


def polish_help(text: str | None) -> str | None:
    """A docstring made readable by Typer's help: prose paragraphs on one line each, indented
    blocks as they are, ````code```` as bold text."""
    if not text:
        return text
    body, cut, rest = inspect.cleandoc(text).partition("\f")
    paragraphs = []
    for para in body.split("\n\n"):
        lines = para.split("\n")
        if any(line.startswith((" ", "\t")) for line in lines[1:]):
            paragraphs.append(para)  # an example or a list: keep its lines
        else:
            paragraphs.append(" ".join(line.strip() for line in lines))
    out = "\n\n".join(paragraphs)
    out = _BACKTICKS.sub(lambda m: f"[bold]{escape(m.group(1))}[/bold]", out)
    return out + cut + rest


def _polish_params(params: Sequence[click.Parameter]) -> None:
    for param in params:
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""  # a flag takes no value: show no "<bool>"
        if isinstance(param, TyperOption | TyperArgument) and getattr(param, "help", None):
            param.help = polish_help(param.help)


class ParleyCommand(TyperCommand):
    """A Typer command whose usage line reads ``parley ingest [OPTIONS] PATHS...``."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = (param.metavar or param.name or "arg").upper()
                if param.nargs != 1:
                    name += "..."
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params = super().get_params(ctx)
        _polish_params(params)
        return params


def _polish_command(cmd: click.Command) -> click.Command:
    if getattr(cmd, "_parley_polished", False):
        return cmd
    if type(cmd) is TyperCommand:
        cmd.__class__ = ParleyCommand
    cmd.help = polish_help(cmd.help)
    if cmd.short_help:
        cmd.short_help = polish_help(cmd.short_help)
    cmd._parley_polished = True  # type: ignore[attr-defined]
    return cmd


class ParleyGroup(TyperGroup):
    """The ``parley`` group: polished help for every command, unwrapped errors in files."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        cmd = super().get_command(ctx, cmd_name)
        return _polish_command(cmd) if cmd is not None else None

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params = super().get_params(ctx)
        _polish_params(params)
        return params

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        for name in self.list_commands(ctx):
            self.get_command(ctx, name)  # polish the one-line summaries of the command list
        super().format_help(ctx, formatter)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.ClickException as exc:
            if sys.stderr.isatty():
                from typer import rich_utils

                rich_utils.rich_format_error(exc)
            else:
                exc.show()  # one plain line per message, never wrapped
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


def err_console() -> Console:
    """A console on standard error that wraps only in a terminal (a log file keeps each message
    on one line)."""
    console = Console(stderr=True)
    if not console.is_terminal:
        console.soft_wrap = True
    return console


app = typer.Typer(
    name="parley",
    cls=ParleyGroup,
    help="Turn news articles into a verifiable record of who said and did what, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Parley: who said what, who did what to whom, when, where, and what was promised."""
