"""The HTTP API (and later the web UI) over a corpus store: ``create_app`` (app.py) builds
the ASGI app ``presslens serve`` runs with uvicorn."""

from presslens.web.app import create_app

__all__ = ["create_app"]
