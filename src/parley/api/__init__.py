"""Parley's HTTP API: ``create_app(settings)`` builds the FastAPI app (``parley serve`` runs it)."""

from parley.api.app import ApiOptions, create_app

__all__ = ["ApiOptions", "create_app"]
