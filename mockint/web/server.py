"""The local web app behind `mockint serve`: the page, its WebSocket, past sessions and reports.

Starlette on uvicorn, bound to 127.0.0.1 only. Every request needs the random token printed
with the URL (in the query, or the cookie the page's first load sets), and must name this server
as its Host (a page elsewhere cannot reach it through DNS rebinding); the WebSocket must also
come from the page itself (its Origin), since browsers let any site open a WebSocket to
localhost. The page and its assets come from the package (static/) and its Content-Security-
Policy lets it load nothing from anywhere else; session reports are rendered live from the
session files, so a session re-scored from the CLI shows its new scores here.

One round runs at a time (there is one microphone and one Whisper model); the model is loaded
once, in the background while the candidate fills in the form.
"""

from __future__ import annotations

import asyncio
import errno
import json
import secrets
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.datastructures import Headers, QueryParams
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket, WebSocketClose

from mockint.errors import MockintError, SessionNotFound
from mockint.practice import DEFAULT_QUESTIONS
from mockint.session import SessionStore
from mockint.web import messages
from mockint.web.bridge import PageRound, Send

if TYPE_CHECKING:
    from mockint.config import Settings

HOST = "127.0.0.1"
STATIC = Path(__file__).parent / "static"
COOKIE = "mockint_token_{port}"  # cookies ignore ports: one per server
REFUSED = "mockint: open the page with the link 'mockint serve' printed (it carries the access token)\n"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def new_token() -> str:
    return secrets.token_urlsafe(24)


def page_url(port: int, token: str) -> str:
    return f"http://{HOST}:{port}/?token={token}"


def page_csp(port: int) -> str:
    """The page may load and connect to this server only."""
    sockets = " ".join(f"ws://{h}:{port}" for h in (HOST, "localhost"))
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
        f"connect-src 'self' {sockets}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


# --- access ------------------------------------------------------------------------------------


class LoopbackGuard:
    """ASGI middleware: the token on every request, this server as Host, the page as Origin."""

    def __init__(self, app: Any, *, token: str, port: int) -> None:
        self.app = app
        self.token = token
        self.cookie = COOKIE.format(port=port)
        self.hosts = {f"{HOST}:{port}", f"localhost:{port}"}
        self.origins = {f"http://{h}" for h in self.hosts}

    def _token_ok(self, given: str | None) -> bool:
        return bool(given) and secrets.compare_digest(given.encode(), self.token.encode())  # type: ignore[union-attr]

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        query = QueryParams(scope.get("query_string", b"").decode("latin-1"))
        host_ok = headers.get("host") in self.hosts
        if scope["type"] == "websocket":
            # The page passes the token itself; a cookie alone is not enough for the socket.
            if host_ok and headers.get("origin") in self.origins and self._token_ok(query.get("token")):
                await self.app(scope, receive, send)
            else:
                await WebSocketClose(code=1008)(scope, receive, send)
            return
        given = query.get("token") or Request(scope).cookies.get(self.cookie)
        if host_ok and self._token_ok(given):
            await self.app(scope, receive, send)
        else:
            await PlainTextResponse(REFUSED, status_code=403, headers=SECURITY_HEADERS)(scope, receive, send)


# --- the speech model ----------------------------------------------------------------------------


def own_questions_note(bank) -> dict[str, Any]:
    """What the page says about my_questions.yaml: where it is, how many questions it has, or what is
    wrong with it (the page still starts: a broken file costs the box its "and my file" choice)."""
    from mockint.coaching.own_questions import load_own_questions, own_questions_path

    path = own_questions_path()
    note: dict[str, Any] = {"path": str(path), "count": None, "error": None}
    if path.is_file():
        try:
            note["count"] = len(load_own_questions(path, bank))
        except MockintError as exc:
            note["error"] = str(exc)
    return note


class SpeechModel:
    """The Whisper transcriber, loaded once and shared by every round."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._model: Any = None

    def preload(self) -> None:
        def load() -> None:
            try:
                self.get(lambda _: None)
            except MockintError:
                pass  # the first round reports it

        threading.Thread(target=load, name="mockint-model-preload", daemon=True).start()

    def get(self, send: Send) -> Any:
        if self._model is None:
            send({"type": "status", "message": "loading the speech model"})
        with self._lock:
            if self._model is None:
                from mockint.speech.transcribe import get_transcriber

                self._model = get_transcriber(self.settings)
            return self._model


# --- the app -------------------------------------------------------------------------------------


class Rounds:
    """The one round that may run at a time, whichever tab started it.

    A round whose page was closed no longer holds the place: it is only saving its last answer
    (transcribing and scoring it takes seconds), and a tab opened meanwhile must not be told a
    round is "already running". It is kept in `winding_down` so shutdown still waits for it, and
    its session cannot be resumed until it has been saved."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.active: PageRound | None = None
        self.winding_down: list[PageRound] = []

    def claim(self, rnd: PageRound, *, resume: str | None = None) -> str | None:
        """Make `rnd` the active round; or say why it cannot start."""
        with self._lock:
            self.winding_down = [old for old in self.winding_down if old.running]
            active = self.active
            if active is not None and active.running:
                if not active.page_gone:
                    return "a round is already running (in another tab?)"
                self.winding_down.append(active)
            if resume is not None and any(old.session_id == resume for old in self.winding_down):
                return "that session is still saving its last answer"
            self.active = rnd
            return None

    def release(self, rnd: PageRound) -> None:
        with self._lock:
            if self.active is rnd:
                self.active = None
            if rnd in self.winding_down:
                self.winding_down.remove(rnd)

    def shut_down(self, timeout: float) -> PageRound | None:
        """Close every round's page and let each save its last answer; returns the active one."""
        with self._lock:
            active, rounds = self.active, [self.active, *self.winding_down]
        for rnd in rounds:
            if rnd is not None:
                rnd.page_closed()
        for rnd in rounds:
            if rnd is not None:
                rnd.join(timeout=timeout)
        return active


def create_app(
    settings: Settings,
    *,
    token: str,
    port: int,
    transcriber: Callable[[Send], Any] | None = None,
) -> Starlette:
    """The app for a server on 127.0.0.1:`port`; `transcriber(send)` returns the Whisper model."""
    store = SessionStore(settings.paths.sessions_dir)
    rounds = Rounds()
    speech = transcriber or SpeechModel(settings).get
    cookie = COOKIE.format(port=port)

    def index(request: Request) -> Response:
        html = (STATIC / "index.html").read_text(encoding="utf-8")
        response = HTMLResponse(html, headers={**SECURITY_HEADERS, "Content-Security-Policy": page_csp(port)})
        response.set_cookie(cookie, token, httponly=True, samesite="strict", path="/")
        return response

    def setup(request: Request) -> Response:
        from mockint.coaching.panel import load_panels
        from mockint.coaching.questions import load_bank
        from mockint.scoring.rubrics import load_rubrics

        bank = load_bank()
        try:
            panels = load_panels(bank=bank, rubrics=load_rubrics())
        except MockintError:  # a broken panels file costs the panel mode, not the page
            panels = {}
        return JSONResponse(
            {
                "categories": bank.categories,
                "own_questions": own_questions_note(bank),
                "panels": [{"id": p.id, "name": p.name, "panelists": [m.title for m in p.panelists]} for p in panels.values()],
                "llm_configured": settings.llm_configured,
                "scorer": settings.scorer,
                "defaults": {
                    "questions": DEFAULT_QUESTIONS,
                    "speak": settings.speak,
                    "think_seconds": settings.think_seconds,
                    "max_answer_seconds": settings.max_answer_seconds,
                    "silence_stop_seconds": settings.silence_stop_seconds,
                },
            },
            headers=SECURITY_HEADERS,
        )

    def sessions(request: Request) -> Response:
        found, damaged = store.scan()
        rows = [messages.session_row(s) for s in reversed(found)]
        rows += [{"id": bad.id, "error": f"{bad.path}: {bad.reason}"} for bad in damaged]
        return JSONResponse(rows, headers=SECURITY_HEADERS)

    def session_report(request: Request) -> Response:
        from mockint.reporting.files import session_reports
        from mockint.scoring.rubrics import load_rubrics

        session = store.load(request.path_params["session_id"])
        # Audio paths relative to the session folder resolve beside the report's URL.
        texts = session_reports(session, store, load_rubrics(), ["html"], report_dir=store.folder(session.id))
        return HTMLResponse(texts["html"], headers=SECURITY_HEADERS)

    def session_audio(request: Request) -> Response:
        session = store.load(request.path_params["session_id"])
        name = request.path_params["name"]
        answer = next((a for a in session.answers if a.audio_path == name), None)
        path = store.audio_path(session, answer) if answer is not None else None
        if path is None or not path.is_file():
            return PlainTextResponse("no such recording\n", status_code=404, headers=SECURITY_HEADERS)
        return FileResponse(path, headers=SECURITY_HEADERS)

    def progress(request: Request) -> Response:
        from mockint.coaching.ledger import load_ledger
        from mockint.reporting import analysis as rep
        from mockint.reporting import render
        from mockint.scoring.rubrics import load_rubrics

        found, _ = store.scan()  # a damaged session is listed (with its reason) under Past sessions
        data = rep.analyse_progress(found, load_rubrics(), load_ledger(settings.paths.ledger_file))
        return HTMLResponse(render.render_progress(data, "html"), headers=SECURITY_HEADERS)

    async def practice_socket(websocket: WebSocket) -> None:
        await websocket.accept()
        loop = asyncio.get_running_loop()
        outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

        def send(message: dict[str, Any]) -> None:  # from any thread
            try:
                loop.call_soon_threadsafe(outbox.put_nowait, message)
            except RuntimeError:
                pass  # the server is shutting down: the page is gone

        async def deliver() -> None:
            while True:
                await websocket.send_text(json.dumps(await outbox.get(), ensure_ascii=False))

        sender = asyncio.create_task(deliver())
        page = PageConnection(settings, store, rounds, speech, send)
        try:
            while True:
                message = await websocket.receive()
                if message["type"] == "websocket.disconnect":
                    break
                if message.get("bytes") is not None:
                    page.audio(message["bytes"])
                elif message.get("text") is not None:
                    page.control(message["text"])
        finally:
            page.closed()
            sender.cancel()

    async def not_found(request: Request, exc: Exception) -> Response:
        return PlainTextResponse(f"{exc}\n", status_code=404, headers=SECURITY_HEADERS)

    async def failed(request: Request, exc: Exception) -> Response:  # a corrupt session file, a bad rubric...
        return PlainTextResponse(f"{exc}\n", status_code=500, headers=SECURITY_HEADERS)

    app = Starlette(
        routes=[
            Route("/", index),
            Route("/api/setup", setup),
            Route("/api/sessions", sessions),
            Route("/progress", progress),
            Route("/sessions/{session_id}/report", session_report),
            Route("/sessions/{session_id}/{name}", session_audio),
            WebSocketRoute("/ws", practice_socket),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        exception_handlers={SessionNotFound: not_found, MockintError: failed},
    )
    app.add_middleware(LoopbackGuard, token=token, port=port)
    app.state.rounds = rounds
    return app


class PageConnection:
    """One open page: its control messages and audio, routed to the round it runs."""

    def __init__(self, settings: Settings, store: SessionStore, rounds: Rounds, speech: Callable[[Send], Any], send: Send) -> None:
        self.settings = settings
        self.store = store
        self.rounds = rounds
        self.speech = speech
        self.send = send
        self.round: PageRound | None = None

    def audio(self, data: bytes) -> None:
        if self.round is not None:
            self.round.mic.feed(data)

    def control(self, text: str) -> None:
        try:
            message = json.loads(text)
            kind = message["type"]
        except (ValueError, TypeError, KeyError):
            self.send({"type": "error", "message": "the page sent a message the server does not understand", "hint": None})
            return
        rnd = self.round
        if kind in ("start", "resume"):
            self._start(message)
        elif rnd is None:
            return
        elif kind == "stop":
            rnd.stop_answer()
        elif kind == "end":
            rnd.end()
        elif kind == "capture":
            rnd.mic.page_replied(bool(message.get("ok")), str(message.get("message") or ""))
        elif kind == "spoken":
            rnd.question_spoken()

    def _start(self, message: dict[str, Any]) -> None:
        rnd = PageRound(self.settings, self.store, self.send, transcriber=self.speech, on_done=self.rounds.release)
        refused = self.rounds.claim(rnd, resume=message.get("session") if message["type"] == "resume" else None)
        if refused is not None:
            self.send({"type": "error", "message": refused, "hint": "finish or end it there first, or wait a moment and try again"})
            return
        try:
            rnd.start({**message, "resume": message.get("session")} if message["type"] == "resume" else message)
        except MockintError as exc:
            self.rounds.release(rnd)
            self.send({"type": "error", "message": exc.message, "hint": exc.hint})
            return
        self.round = rnd

    def closed(self) -> None:
        if self.round is not None:
            self.round.page_closed()


# --- running it ----------------------------------------------------------------------------------


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:`port` (0: any free port), or one line saying why not."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise MockintError(
                f"port {port} on {HOST} is already in use",
                hint="another 'mockint serve' may be running; stop it or pick another port with --port",
            ) from None
        raise MockintError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}", hint="pick another port with --port") from None
    return sock


def run(settings: Settings, sock: socket.socket, token: str, *, on_started: Callable[[], None] | None = None) -> str | None:
    """Serve until Ctrl-C; then let a round in progress save its last answer. Returns the id of
    a session that stopped with questions left, for the resume hint."""
    import uvicorn

    port = sock.getsockname()[1]
    model = SpeechModel(settings)
    model.preload()
    app = create_app(settings, token=token, port=port, transcriber=model.get)
    config = uvicorn.Config(app, log_level="warning", access_log=False, ws="websockets-sansio", lifespan="off")
    server = uvicorn.Server(config)
    if on_started is not None:

        def wait_and_call() -> None:
            while not server.started and not server.should_exit:
                time.sleep(0.05)
            if server.started:
                on_started()

        threading.Thread(target=wait_and_call, name="mockint-serve-started", daemon=True).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # uvicorn re-raises the Ctrl-C it shut down on; that is how a server is stopped
    finally:
        active = app.state.rounds.shut_down(timeout=60)
    return active.unfinished_session() if active is not None else None
