"""One partition's work: a crashing pipeline fails only the article that crashes it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from parley.batch.partition import analyze_partition
from parley.config import Settings
from parley.types import Article, ArticleResult


def _fake_analyze_records(records: Iterable[Article], **_: object) -> Iterator[ArticleResult]:
    # Like nlp.pipe with a component that raises on one text: the whole generator dies.
    for article in records:
        if "BOOM" in article.text:
            raise RuntimeError("component crashed")
        yield ArticleResult(article=article)


def test_batch_pipe_crash_fails_only_the_culprit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("parley.service.analyze_records", _fake_analyze_records)
    articles = [
        Article(text=t, id=f"a{i}") for i, t in enumerate(["ok one", "ok two", "BOOM", "ok four"])
    ]
    out = list(analyze_partition(articles, Settings()))
    assert [a.id for a, _ in out] == ["a0", "a1", "a2", "a3"]
    kinds = [type(o).__name__ for _, o in out]
    assert kinds == ["ArticleResult", "ArticleResult", "RuntimeError", "ArticleResult"]
