"""`mockint serve`: practice in the browser, on a page served from this machine only."""

from __future__ import annotations

import typer

from mockint.cli.app import app, console, settings


@app.command("serve")
def serve_cmd(
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="port on 127.0.0.1 (0: any free port)"),
    open_browser: bool = typer.Option(False, "--open", help="open the page in your web browser"),
) -> None:
    """Practice in your web browser: a local page with the microphone, live transcript and feedback."""
    from mockint.web import server

    cfg = settings()
    sock = server.bind(port)  # a port in use is one line here, before anything starts
    token = server.new_token()
    url = server.page_url(sock.getsockname()[1], token)
    console.print(f"mockint is serving the practice page at:\n  {url}", soft_wrap=True, markup=False, highlight=False)
    console.print(
        f"[dim]Only this computer can reach it; the link carries its access key. Sessions: {cfg.paths.sessions_dir}. "
        "Ctrl-C stops the server.[/]",
        soft_wrap=True,
    )

    def opened() -> None:
        import webbrowser

        if not webbrowser.open(url):
            console.print("[yellow]could not open a browser; open the link above yourself[/]")

    unfinished = server.run(cfg, sock, token, on_started=opened if open_browser else None)
    if unfinished:
        console.print(
            f"Stopped with the round unfinished; everything recorded is saved. Continue in the page, or: "
            f"mockint practice --resume {unfinished}",
            soft_wrap=True, markup=False,
        )
