"""The docs keep up with the code: every command, option and setting is documented, every
command's help ends with an example, and the README's set-up commands are the ones CI runs."""

from __future__ import annotations

import inspect
import re
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
import typer.main

from parley.cli import app
from parley.config import Settings

REPO = Path(__file__).resolve().parents[1]
CLI_DOC = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, Any]:
    root = typer.main.get_command(app)
    found: dict[str, Any] = {}

    def walk(command: Any, prefix: list[str]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, [*prefix, name])
        else:
            found[" ".join(prefix)] = command

    walk(root, [])
    return found


COMMANDS = _commands()


def _section(name: str) -> str:
    """The part of docs/cli.md under ``### parley NAME``, up to the next heading."""
    match = re.search(rf"^### parley {re.escape(name)}\n(.*?)(?=^#|\Z)", CLI_DOC, re.S | re.M)
    assert match, f"docs/cli.md has no '### parley {name}'; run .venv/bin/python tests/test_docs.py"
    return match.group(1)


def test_docs_has_the_core_commands() -> None:
    assert {"analyze", "eval"} <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_docs_every_command_and_option_documented(name: str) -> None:
    section = _section(name)
    for param in COMMANDS[name].params:
        if param.param_type_name == "argument":
            assert param.name.upper() in section, f"{name}: argument {param.name} undocumented"
        else:
            assert param.opts[0] in section, (
                f"{name}: option {param.opts[0]} undocumented; "
                "run .venv/bin/python tests/test_docs.py"
            )


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_docs_every_command_help_ends_with_example(name: str) -> None:
    help_text = COMMANDS[name].help or ""
    assert help_text.strip(), f"{name} has no help"
    assert "Example:" in help_text, f"{name}: help should end with an Example: block"
    assert f"parley {name}" in help_text.split("Example:")[-1]


@pytest.mark.parametrize("field", [f.name for f in fields(Settings)])
def test_docs_every_setting_documented(field: str) -> None:
    env = f"PARLEY_{field.upper()}"
    assert f"`{field}`" in CLI_DOC and f"`{env}`" in CLI_DOC, f"{env} missing from docs/cli.md"


def readme_commands() -> list[str]:
    block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert block, "README must start with a bash block of the set-up commands"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_docs_readme_starts_with_two_setup_commands() -> None:
    first_block = README.index("```bash")
    assert README[:first_block].count("\n") <= 2, "the set-up commands come first"
    install, tests = readme_commands()
    # A Debian python3 without its venv module gets it from apt first.
    assert install.startswith("{ python3 -m venv .venv || { apt-get update && apt-get install")
    assert ".[test]" in install and "parley analyze examples/" in install
    example = re.search(r"parley analyze (examples/\S+)", install)
    assert example and (REPO / example.group(1)).is_file()
    assert tests == ".venv/bin/python -m pytest"


def test_docs_ci_runs_the_readme_commands() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    install, tests = readme_commands()
    assert install in ci.splitlines()
    assert tests in ci.splitlines()
    assert "set -euo pipefail" in ci
    assert "eval/gate.py" in ci


@pytest.mark.parametrize(
    "path",
    [
        "docs/evaluation.md",
        "docs/benchmarks.md",
        "docs/architecture.md",
        "docs/cli.md",
        "CHANGELOG.md",
    ],
)
def test_docs_linked_pages_exist(path: str) -> None:
    assert (REPO / path).is_file()


@pytest.mark.parametrize(
    ("doc", "marker"), [("docs/evaluation.md", "compare"), ("docs/benchmarks.md", "bench")]
)
def test_docs_measured_tables_are_filled(doc: str, marker: str) -> None:
    text = (REPO / doc).read_text(encoding="utf-8")
    table = text.split(f"<!-- {marker}:start -->")[1].split(f"<!-- {marker}:end -->")[0]
    assert "| " in table and "Measured" in table, f"{doc}: run the script that fills the table"


@pytest.mark.parametrize("target", sorted(set(re.findall(r"\]\(([^)#]+)\)", README)) - {""}))
def test_docs_readme_links_resolve(target: str) -> None:
    if not target.startswith(("http://", "https://")):
        assert (REPO / target).exists(), f"README links to missing {target}"


def render_commands() -> str:
    """The "## Commands" section of docs/cli.md, from the commands' own help."""
    out = []
    for name, command in COMMANDS.items():
        body, _, example = inspect.cleandoc(command.help or "").partition("Example:")
        args = [p for p in command.params if p.param_type_name == "argument"]
        usage = " ".join(p.name.upper() + ("..." if p.nargs == -1 else "") for p in args)
        out += [f"### parley {name}\n", body.strip().replace("``", "`") + "\n"]
        out.append(f"Usage: `parley {name} {usage + ' ' if usage else ''}[OPTIONS]`\n")
        rows = []
        for p in command.params:
            if p.param_type_name == "argument":
                rows.append(f"| `{p.name.upper()}` | {getattr(p, 'help', '') or ''} |")
                continue
            default = getattr(p.default, "value", p.default)
            shown = (
                f" (default: `{default}`)"
                if default not in (None, False, (), []) and not callable(default)
                else ""
            )
            opts = ", ".join(f"`{o}`" for o in p.opts)
            rows.append(f"| {opts} | {(p.help or '').replace('|', '/')}{shown} |")
        if rows:
            out.append("| argument / option | meaning |\n|---|---|\n" + "\n".join(rows) + "\n")
        out.append("```bash\n" + inspect.cleandoc(example) + "\n```\n")
    return "\n".join(out)


if __name__ == "__main__":
    # Regenerate the command reference: .venv/bin/python tests/test_docs.py
    path = REPO / "docs" / "cli.md"
    text = path.read_text(encoding="utf-8")
    marker = "missing here).\n\n"  # the end of the section's introduction
    head = text[: text.index(marker) + len(marker)]
    path.write_text(head + render_commands(), encoding="utf-8")
    sys.stdout.write(f"rewrote the command reference in {path}\n")
