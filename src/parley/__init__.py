"""Parley: who said what, who did what to whom, when, where and what was promised.

The public API is :func:`analyze` and :func:`analyze_many`; both load the English pipeline
lazily, once per process.
"""

from __future__ import annotations

from parley.service import analyze, analyze_many
from parley.types import Actor, Article, ArticleResult, DateMention, Quote, SpeakerRef

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ArticleResult",
    "DateMention",
    "Quote",
    "SpeakerRef",
    "__version__",
    "analyze",
    "analyze_many",
]
