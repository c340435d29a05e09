"""`mockint transcribe AUDIO...`: local transcription with word timings and delivery metrics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from mockint.cli.app import app, console, err_console, print_json, settings


def keywords_option() -> Any:
    """The --keywords option, the same for every command that transcribes (transcribe, score)."""
    return typer.Option(None, "--keywords", help="comma-separated terms to bias recognition, e.g. 'Kubernetes,PostgreSQL'")


def keyword_terms(keywords: str | None) -> list[str] | None:
    """--keywords 'HACCP, EHO,due diligence' as the transcriber takes them (None: no bias)."""
    terms = [k.strip() for k in (keywords or "").split(",") if k.strip()]
    return terms or None


@app.command("transcribe")
def transcribe_cmd(
    audio: list[Path] = typer.Argument(..., metavar="AUDIO", help="audio files: any format PyAV decodes (wav, flac, mp3, ogg, m4a, webm)"),
    as_json: bool = typer.Option(False, "--json", help="print JSON (shape in docs/transcription.md)"),
    model: str | None = typer.Option(
        None, "--model", help="'bundled' (tiny.en, offline), a faster-whisper model name, or a CTranslate2 folder"
    ),
    keywords: str | None = keywords_option(),
) -> None:
    """Transcribe audio files on this machine: text, word timings and delivery metrics.

    A file that fails gets one error line on stderr (and "ok": false in --json); the others are
    still transcribed, and the exit code is 1.
    """
    from mockint.errors import MockintError
    from mockint.speech.delivery import compute_delivery
    from mockint.speech.transcribe import get_transcriber

    cfg = settings(whisper_model=model)
    terms = keyword_terms(keywords)
    transcriber = get_transcriber(cfg)  # a model that can't load is one error for the whole run

    results: list[dict[str, Any]] = []
    for path in audio:
        try:
            transcript = transcriber.transcribe_file(path, keywords=terms)
        except MockintError as exc:
            err_console.print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True)
            results.append({"file": str(path), "ok": False, "error": str(exc)})
            continue
        delivery = compute_delivery(transcript)
        result = file_result(path, transcript, delivery)
        results.append(result)
        if not as_json:
            show(result)

    if as_json:
        print_json({"model": transcriber.model_name, "files": results})
    if not all(r["ok"] for r in results):
        raise typer.Exit(1)


def file_result(path: Path, transcript, delivery) -> dict[str, Any]:
    """One file's JSON object; the shape is documented and stable."""
    metrics = delivery.model_dump(mode="json")
    metrics["long_pauses"] = [
        {"start": p.start, "end": p.end, "seconds": round(p.seconds, 3)} for p in delivery.long_pauses
    ]
    return {
        "file": str(path),
        "ok": True,
        "text": transcript.text,
        "duration": transcript.duration,
        "language": transcript.language,
        "model": transcript.model,
        "words": [w.model_dump(mode="json") for w in transcript.words],
        "speech": [[s, e] for s, e in transcript.speech],
        "delivery": metrics,
    }


def show(result: dict[str, Any]) -> None:
    d = result["delivery"]
    console.print(f"[bold]{result['file']}[/]  {result['duration']:.1f} s  {result['model']}")
    console.print(result["text"], soft_wrap=True)

    def counted(counts: dict[str, int], total: int, per_100: float) -> str:
        if not total:
            return "none"
        return f"{total} ({per_100:.1f} per 100 words: " + ", ".join(f"{k} {n}" for k, n in counts.items()) + ")"

    pauses = ", ".join(f"{p['seconds']:.1f} s at {p['start']:.1f} s" for p in d["long_pauses"]) or "none"
    first = f"{d['time_to_first_word']:.2f} s" if d["time_to_first_word"] is not None else "-"
    console.print(
        f"  pace {d['words_per_minute']:.0f} wpm ({d['word_count']} words in {d['speaking_seconds']:.1f} s of speech, "
        f"{d['total_seconds']:.1f} s total); first word at {first}",
        soft_wrap=True,
    )
    console.print(f"  fillers {counted(d['fillers'], d['filler_count'], d['fillers_per_100_words'])}", soft_wrap=True)
    console.print(f"  hedges {counted(d['hedges'], d['hedge_count'], d['hedges_per_100_words'])}", soft_wrap=True)
    console.print(f"  long pauses (>= 1.5 s): {pauses}\n", soft_wrap=True)
