"""Every query example of the README prints something real on the bulk corpus it tells users to
ingest (issue 15): the README's own ``parley ingest`` line builds the store, then each query line
runs as written (store path swapped for a temporary one) and must answer with rows."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PARLEY = shutil.which("parley", path=str(Path(sys.executable).parent)) or "parley"
QUERIES = {"quotes", "actors", "actor", "events", "timeline", "agreements", "stats", "export"}


def _readme_commands() -> list[list[str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.startswith(".venv/bin/parley "):
                words = shlex.split(line, comments=True)
                if ">" in words:  # a shell redirection: the test reads standard output instead
                    words = words[: words.index(">")]
                commands.append(words[1:])
    return commands


def test_readme_has_query_examples() -> None:
    names = {c[0] for c in _readme_commands()}
    assert {"ingest", "quotes", "timeline", "export"} <= names


@pytest.mark.slow
@pytest.mark.model
def test_readme_query_examples_print_rows_on_the_bulk_corpus(
    shared_corpus: Path, tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'news.db'}"
    commands = [[db if w == "sqlite:///news.db" else w for w in c] for c in _readme_commands()]
    (ingest,) = [c for c in commands if c[0] == "ingest"]
    done = subprocess.run(
        [PARLEY, *ingest, "--quiet"], cwd=REPO, capture_output=True, text=True, timeout=3600
    )
    assert done.returncode == 0, done.stderr
    queries = [c for c in commands if c[0] in QUERIES]
    assert len(queries) >= 4
    for command in queries:
        shown = subprocess.run(
            [PARLEY, *command], cwd=REPO, capture_output=True, text=True, timeout=600
        )
        assert shown.returncode == 0, (command, shown.stderr)
        assert shown.stdout.strip(), command
        if command[0] == "export":
            assert len(shown.stdout.splitlines()) > 0, command
            continue
        as_json = subprocess.run(
            [PARLEY, *command, "--format", "json"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=600,
        )
        data = json.loads(as_json.stdout)
        rows = data.get("items", data.get("quotes")) if isinstance(data, dict) else data
        assert rows, (command, "printed no rows")
