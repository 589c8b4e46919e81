"""Parley's web dashboard: server-rendered pages over the same store and service as the API."""
