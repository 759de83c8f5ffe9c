"""``presslens serve``: the HTTP API over a corpus store (``presslens.web``), with uvicorn."""

from __future__ import annotations

import click

from presslens.cli.options import db_option
from presslens.web.guard import MAX_BODY, is_loopback, loopback_hosts


@click.command("serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on; another than loopback makes the store readable from the"
    " network.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--write-token",
    envvar="PRESSLENS_WRITE_TOKEN",
    metavar="TOKEN",
    help="Turn on POST /api/ingest for requests sending Authorization: Bearer TOKEN"
    " (env PRESSLENS_WRITE_TOKEN, which keeps it out of the process list). Off without it.",
)
@click.option(
    "--max-body",
    type=click.IntRange(1),
    default=MAX_BODY,
    show_default=True,
    help="Refuse request bodies larger than this many bytes (413).",
)
def serve_command(db: str, host: str, port: int, write_token: str | None, max_body: int) -> None:
    """Serve the store as a web UI at / and its questions as a JSON API under /api (docs at
    /docs), until Ctrl-C."""
    import uvicorn

    from presslens.store.db import shown, url_of
    from presslens.web import create_app

    local = is_loopback(host)
    hosts = loopback_hosts(host) if local else None
    app = create_app(db, write_token=write_token, max_body=max_body, allowed_hosts=hosts)
    if not local:
        click.echo(
            f"presslens: warning: listening on {host}: the store is readable by anyone who can"
            " reach this machine on the network; use --host 127.0.0.1 to keep it local",
            err=True,
        )
    where = f"[{host}]" if ":" in host else host
    writes = "ingest on (write token set)" if write_token else "read-only"
    click.echo(
        f"presslens: serving {shown(url_of(db))} ({writes}) at http://{where}:{port}/"
        f" (API docs: http://{where}:{port}/docs); Ctrl-C stops",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
