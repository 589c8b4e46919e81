"""``/api/v1/documents``: stored articles (the JSON twin of the article page)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from parley.api.deps import PagingDep, StoreDep
from parley.api.routes._common import page_out, plain
from parley.api.schemas import (
    MAX_KEY,
    SAFE_TEXT,
    DocumentDetailOut,
    DocumentOut,
    Page,
    error_responses,
)

router = APIRouter(prefix="/documents", tags=["documents"])

DocId = Annotated[
    str, Path(min_length=1, max_length=MAX_KEY, pattern=SAFE_TEXT, description="Document id.")
]


@router.get("", response_model=Page[DocumentOut], responses=error_responses(422, 429, 503))
def list_documents(store: StoreDep, paging: PagingDep) -> dict[str, Any]:
    """Stored documents, newest first."""
    return page_out(store.list_documents(limit=paging.limit, offset=paging.offset))


@router.get(
    "/{doc_id}", response_model=DocumentDetailOut, responses=error_responses(404, 422, 429, 503)
)
def get_document(doc_id: DocId, store: StoreDep) -> dict[str, Any]:
    """One document: its text and everything extracted from it (offsets index `text`)."""
    return plain(store.get_document(doc_id))  # type: ignore[no-any-return]
