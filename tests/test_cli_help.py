"""``--help`` and error output of every command read well in a terminal and in a file (issue 15):
no ``<bool>`` on flags, ``PATHS...`` in usage lines, no literal double backticks, paragraphs not
broken mid-sentence, and errors written to a file on one line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.cli._app import polish_help

PARLEY = shutil.which("parley", path=str(Path(sys.executable).parent)) or "parley"
COMMANDS = [
    "analyze", "batch", "eval", "quotes", "actors", "actor", "events", "timeline",
    "agreements", "stats", "export", "ingest", "serve", "demo",
]  # fmt: skip


def _help(*args: str, width: int = 80) -> str:
    env = {**os.environ, "TERMINAL_WIDTH": str(width)}
    out = subprocess.run(
        [PARLEY, *args, "--help"], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_every_command_is_checked() -> None:
    listed = CliRunner().invoke(app, ["--help"]).stdout
    for name in COMMANDS:
        assert f" {name} " in listed


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help_has_no_type_noise_braces_or_backticks(command: list[str]) -> None:
    text = CliRunner().invoke(app, [*command, "--help"]).stdout
    assert "<bool>" not in text
    assert "``" not in text
    usage = next(line for line in text.splitlines() if "Usage:" in line)
    assert "{" not in usage and "}" not in usage


def test_usage_line_names_the_arguments() -> None:
    text = CliRunner().invoke(app, ["ingest", "--help"]).stdout
    assert "Usage: parley ingest [OPTIONS] PATHS..." in text


def test_help_paragraphs_are_not_broken_mid_sentence() -> None:
    # With room enough, a paragraph of the docstring is one line: the docstring's own line
    # breaks are not kept.
    text = _help("ingest", width=400)
    assert "an interrupted ingest resumes where it stopped and a repeated one adds nothing" in text
    text = _help("quotes", width=400)
    assert "is marked altered; changes says which outlet changed which words" in text
    assert "    parley quotes --speaker" in text  # examples keep their lines


def test_polish_help_keeps_indented_blocks_and_drops_backticks() -> None:
    doc = "First line.\n\nA ``name`` that\nwraps here.\n\nExample:\n    cmd one\n    cmd two"
    assert polish_help(doc) == (
        "First line.\n\nA [bold]name[/bold] that wraps here.\n\nExample:\n    cmd one\n    cmd two"
    )


def test_errors_in_a_file_are_not_wrapped(tmp_path: Path) -> None:
    missing = tmp_path / ("a-rather-long-folder-name-" * 3) / "store.db"
    missing.parent.mkdir()
    log = tmp_path / "err.log"
    with log.open("w") as fh:
        code = subprocess.run(
            [PARLEY, "stats", "--db", str(missing)], stderr=fh, stdout=subprocess.DEVNULL
        ).returncode
    assert code == 2
    lines = [x for x in log.read_text().splitlines() if x.strip()]
    assert len(lines) == 1 and len(lines[0]) > 120
    assert str(missing) in lines[0] and "parley ingest" in lines[0]
    with log.open("w") as fh:
        code = subprocess.run([PARLEY, "quotes", "--no-such-flag"], stderr=fh).returncode
    assert code == 2
    text = log.read_text()
    assert "No such option: --no-such-flag" in text and "╭" not in text
