"""Transcription with the real bundled tiny.en model: accuracy, timing, pauses, bad input, CLI.

The model is loaded once for the whole session (get_transcriber caches it per process, and the
CLI tests reuse the same instance).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from conftest import segmented_transcript

from mockint.config import load_settings
from mockint.errors import AudioError, TranscriptionError
from mockint.records import Word
from mockint.speech.decode import SAMPLE_RATE, load_audio
from mockint.speech.delivery import compute_delivery
from mockint.speech.transcribe import (
    MAX_CHUNK_SECONDS,
    MAX_KEYWORD_TOKENS,
    WHISPER_MAX_LENGTH,
    Transcriber,
    _Segment,
    add_fillers,
    drop_hallucinations,
    get_transcriber,
    plan_chunks,
    resolve_model,
)
from mockint.speech.vad import speech_spans
from mockint.speech.wer import word_error_counts

pytestmark = pytest.mark.slow

AUDIO_SUFFIXES = {".wav", ".flac"}


@pytest.fixture(scope="session")
def transcriber() -> Transcriber:
    return get_transcriber(load_settings())


@pytest.fixture(scope="session")
def unfiltered_results(transcriber, audio_dir):
    """Every shared clip transcribed once, before the hallucination filter:
    path -> (samples, reference, transcript)."""
    results = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("mockint.speech.transcribe.drop_hallucinations", lambda transcript: transcript)
        for path in sorted(audio_dir.iterdir()):
            if path.suffix in AUDIO_SUFFIXES:
                samples = load_audio(path)
                results[path] = (samples, path.with_suffix(".txt").read_text(), transcriber.transcribe(samples))
    assert len(results) >= 10
    return results


@pytest.fixture(scope="session")
def clip_results(unfiltered_results):
    """The same, filtered: what Transcriber.transcribe returns (its last step is the filter)."""
    return {path: (samples, reference, drop_hallucinations(raw)) for path, (samples, reference, raw) in unfiltered_results.items()}


def test_hallucination_filter_keeps_all_real_speech(unfiltered_results, clip_results):
    """On real human speech the filter drops nothing, so WER cannot get worse through it."""
    for path, (_samples, _reference, raw) in unfiltered_results.items():
        assert clip_results[path][2].words == raw.words, path.name


def test_wer_over_shared_clips_at_most_3_percent(clip_results):
    errors = words = 0
    for _path, (_samples, reference, transcript) in clip_results.items():
        e, n = word_error_counts(reference, transcript.text)
        errors, words = errors + e, words + n
    assert words > 300
    assert errors / words <= 0.03, f"WER {errors / words:.2%} ({errors} errors in {words} words)"


def test_words_are_time_aligned(clip_results):
    for path, (samples, _reference, transcript) in clip_results.items():
        duration = len(samples) / SAMPLE_RATE
        assert transcript.duration == pytest.approx(duration, abs=1e-3)
        words = transcript.words
        assert len(words) >= 5, path.name
        starts = [w.start for w in words]
        assert starts == sorted(starts), f"{path.name}: word starts not monotonic"
        for a, b in zip(words, words[1:]):
            assert a.end <= b.start + 0.05, f"{path.name}: {a} overlaps {b}"
        for w in words:
            assert 0 <= w.start <= w.end <= duration + 0.05, f"{path.name}: {w} outside the audio"
            assert 0 <= w.probability <= 1
            middle = (w.start + w.end) / 2
            assert any(s - 0.6 <= middle <= e + 0.6 for s, e in transcript.speech), f"{path.name}: {w} not near speech"
        # the words are the text (Whisper may split a word: "old", "-sposed")
        assert "".join(w.word for w in words) == "".join(transcript.text.split())


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32)


@pytest.fixture(scope="session")
def two_clips(audio_dir):
    first = load_audio(audio_dir / "ps_sns_0880.wav")  # "he was not an ill disposed young man"
    second = load_audio(audio_dir / "ps_sns_0930.wav")  # "he might even have been made amiable himself"
    return first, second


def test_known_long_pause_is_found_once_at_the_right_place(transcriber, two_clips):
    first, second = two_clips
    gap = 2.5
    audio = np.concatenate([first, silence(gap), second])
    transcript = transcriber.transcribe(audio)
    metrics = compute_delivery(transcript)

    # Expected from each clip alone: its own trailing/leading quiet adds to the inserted gap.
    first_end = speech_spans(first)[-1][1]
    second_start = len(first) / SAMPLE_RATE + gap + speech_spans(second)[0][0]
    assert len(metrics.long_pauses) == 1, metrics.long_pauses
    pause = metrics.long_pauses[0]
    assert pause.start == pytest.approx(first_end, abs=0.15)
    assert pause.end == pytest.approx(second_start, abs=0.15)
    assert pause.seconds >= gap - 0.1
    middle = (pause.start + pause.end) / 2
    said_before = [w.word.lower().strip(".,") for w in transcript.words if w.end <= middle]
    said_after = [w.word.lower().strip(".,") for w in transcript.words if w.start >= middle]
    assert len(said_before) + len(said_after) == len(transcript.words)  # no word inside the pause
    assert said_before[-1] == "man" and "might" in said_after[:3]
    assert "might" not in said_before
    assert metrics.word_count == 8 + 8


def test_short_gap_is_not_a_long_pause(transcriber, two_clips):
    first, second = two_clips
    transcript = transcriber.transcribe(np.concatenate([first, silence(0.6), second]))
    assert compute_delivery(transcript).long_pauses == []


def test_time_to_first_word_after_leading_silence(transcriber, two_clips):
    first, _second = two_clips
    lead = 3.0
    transcript = transcriber.transcribe(np.concatenate([silence(lead), first]))
    metrics = compute_delivery(transcript)
    assert metrics.time_to_first_word == pytest.approx(lead + speech_spans(first)[0][0], abs=0.15)
    assert transcript.words[0].start >= lead - 0.5  # Whisper word times drift; VAD sets the metric
    assert metrics.total_seconds == pytest.approx(lead + len(first) / SAMPLE_RATE, abs=0.01)
    assert metrics.speaking_seconds < len(first) / SAMPLE_RATE
    assert metrics.long_pauses == []  # leading silence is think time, not a pause


def test_offset_shifts_every_time(transcriber, two_clips):
    first, _ = two_clips
    plain = transcriber.transcribe(first)
    shifted = transcriber.transcribe(first, offset=100.0)
    assert shifted.text == plain.text
    assert [w.start for w in shifted.words] == pytest.approx([w.start + 100 for w in plain.words], abs=1e-3)
    assert shifted.speech[0][0] == pytest.approx(plain.speech[0][0] + 100, abs=1e-3)


def test_chunk_without_speech_is_an_empty_transcript(transcriber):
    transcript = transcriber.transcribe(silence(2.0), offset=5.0)
    assert transcript.text == "" and transcript.words == [] and transcript.speech == []
    assert transcript.duration == 2.0


def test_get_transcriber_reuses_the_loaded_model(transcriber):
    assert get_transcriber(load_settings()) is transcriber


def test_keywords_are_bounded_in_tokens(transcriber):
    many = [f"Term{i}Framework" for i in range(300)]
    cue = transcriber.hotwords(["Kubernetes", "kubernetes", " PostgreSQL ", "", *many])
    assert cue.startswith("Um, uh, hmm, Kubernetes, PostgreSQL, Term0Framework")
    assert cue.count("ubernetes") == 1
    keyword_part = cue[len(transcriber.filler_cue) :]
    tokens = transcriber._model.hf_tokenizer.encode(keyword_part, add_special_tokens=False).ids
    assert MAX_KEYWORD_TOKENS - 10 <= len(tokens) <= MAX_KEYWORD_TOKENS + 2


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
def test_keywords_make_tool_names_come_out_right(transcriber, tmp_path):
    path = tmp_path / "answer.wav"
    said = "We described the clusters in Terraform and stored orders in Postgres Q L, with Kafka in front."
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(path), said], check=True)
    with_keywords = transcriber.transcribe_file(path, keywords=["PostgreSQL", "Kafka", "Terraform"]).text
    squashed = "".join(c for c in with_keywords.lower() if c.isalnum())
    assert "postgresql" in squashed and "kafka" in squashed and "terraform" in squashed, with_keywords


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
def test_spoken_quantities_come_out_as_digits(transcriber, tmp_path):
    """Answers from the number-heavy benchmark set (benchmarks/data/spoken_answers.yaml), said in
    words: the transcript writes each quantity as the scorer reads it. (Accuracy over the whole
    set, hearing errors included, is measured by benchmarks/transcription.py.) The four are ones
    tiny.en hears right under every set of kernels CTranslate2 runs on an AVX2 CPU (its default
    oneDNN AVX2, CT2_FORCE_CPU_ISA=AVX or GENERIC, CT2_USE_MKL=1) and that are not among the
    misses docs/transcription.md lists from an AVX-512 machine. "Ninety nine point nine percent",
    once the fourth, is a near tie: "99.10%" under two of those kernel sets here and for one voice
    there, so the test failed by machine, not by code (tests/test_numbers.py keeps its wording)."""
    import yaml

    from mockint.speech.wer import number_token_counts

    answers = yaml.safe_load((Path(__file__).resolve().parents[1] / "benchmarks/data/spoken_answers.yaml").read_text())
    chosen = [a for a in answers["styles"]["numbers"]["answers"] if "$2.5 million" in a["text"] or "12% to 3%" in a["text"]
              or "$120,000" in a["text"] or "June 15, 2021" in a["text"]]
    assert len(chosen) == 4
    for i, answer in enumerate(chosen):
        path = tmp_path / f"n{i}.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(path), answer["say"]], check=True)
        text = transcriber.transcribe_file(path).text
        found, total, _ = number_token_counts(answer["text"], text)
        assert found == total, (answer["text"], text)


# --- invented segments -----------------------------------------------------------------


def test_invented_segments_are_dropped_and_real_ones_kept():
    transcript = segmented_transcript(
        [
            (0.0, 0.6, "Um,", [0.3]),  # a real filler: unsure, but said at a human pace
            (0.6, 3.0, "we shipped it", [0.9, 0.8, 0.95]),
            (3.0, 3.2, "Yeah.", [0.01]),  # nearly sure it is not there
            (3.2, 3.4, "Just like this.", [0.3, 0.2, 0.3]),  # 15 words/s and unsure
            (3.4, 3.7, "a little bit of a little bit of a little bit of a little bit of a little", [0.6] * 18),  # a loop
            (4.0, 5.0, "Yes.", [0.9]),  # a real, confident short answer
            (5.0, 7.0, "It was the best of times, it was the worst of times.", [0.9] * 12),  # repetitive, but prose
        ],
        duration=12.0,
    )
    cleaned = drop_hallucinations(transcript)
    assert cleaned.text == "Um, we shipped it Yes. It was the best of times, it was the worst of times."
    assert [w.word for w in cleaned.words][:5] == ["Um,", "we", "shipped", "it", "Yes."]
    assert drop_hallucinations(cleaned) == cleaned


# --- single pass (streamed chunks) -------------------------------------------------------


class _CountingModel:
    """Wraps the CTranslate2 model to count encoder windows and decoder runs."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.calls: list[str] = []
        self.sampling: list[float | None] = []

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def encode(self, *args, **kwargs):
        self.calls.append("encode")
        return self.inner.encode(*args, **kwargs)

    def generate(self, *args, **kwargs):
        self.calls.append("generate")
        self.sampling.append(kwargs.get("sampling_temperature"))
        return self.inner.generate(*args, **kwargs)

    def align(self, *args, **kwargs):
        # faster-whisper's word timestamps align too; only the filler check aligns a cue-primed prompt.
        if len(args[1]) > 3:
            self.calls.append("align")
        return self.inner.align(*args, **kwargs)


@pytest.mark.parametrize("clip", ["ps_sns_0870.wav", "lh_ami_ES2011a_40-46s.wav", "fw_jfk.flac"])
def test_a_single_pass_chunk_is_one_window_per_decode(transcriber, audio_dir, monkeypatch, clip):
    """A chunk that ends in silence: one window encoded, shared by the plain decode and the
    filler pass, each decoding it once at temperature 0 (no sampling), never the silence after
    the last word as another window (these clips made faster-whisper do that); its accuracy is the next test's. This relies on
    faster-whisper's segments being a lazy generator and its decodes encoding through
    WhisperModel.encode: if an upgrade changes either, this fails."""
    samples = np.concatenate([load_audio(audio_dir / clip), silence(1.0)])
    counting = _CountingModel(transcriber._model.model)
    monkeypatch.setattr(transcriber._model, "model", counting)
    for check in ("stretched_spots", "filler_spots"):  # the filler check and pass run
        monkeypatch.setattr(f"mockint.speech.transcribe.{check}", lambda *_: [0])
    transcriber._model._encoded.clear()  # an earlier test's decode of the same clip may have encoded this window
    single = transcriber.transcribe(samples, offset=10.0, single_pass=True, prompt_extra="Here is what happened.")
    assert counting.calls == ["encode", "generate", "align", "generate"], "the filler check and pass reuse the window"
    assert counting.sampling == [None, None]  # no temperature sampling
    counting.calls.clear()
    transcriber.transcribe(samples, single_pass=True, fillers=False)
    assert counting.calls == ["generate"], "the same window again: its encoder output is reused"
    transcriber._model._encoded.clear()
    counting.calls.clear()
    transcriber.transcribe(samples, single_pass=True, fillers=False)
    assert counting.calls == ["encode", "generate"]
    assert single.words[0].start >= 10.0


def test_a_window_s_last_segments_are_kept_and_no_further_window_is_encoded(transcriber, monkeypatch):
    """The decode stops at what is left after a segment, but a window's segments are decoded
    together: "... and painful" left 0.8 s of speech (under LEFTOVER_SPEECH_SECONDS), and "to
    myself." came next from the same window, already decoded. Every segment of the window is
    kept; a further window (faster-whisper encodes it when asked for one more segment) is not
    encoded, whatever it would have said."""
    from types import SimpleNamespace

    def segment(seek, *words):
        said = [SimpleNamespace(word=w, start=s, end=e, probability=0.9) for w, s, e in words]
        return SimpleNamespace(seek=seek, start=said[0].start, end=said[-1].end, words=said)

    further: list[str] = []

    def decoding(*_args, **_kwargs):
        def segments():
            yield segment(0, (" The", 0.5, 0.8), (" narrative", 0.8, 3.0), (" painful", 3.0, 4.3))
            yield segment(0, (" to", 4.3, 4.5), (" myself.", 4.5, 4.9))
            transcriber._model.encode(np.zeros((80, 3000), dtype=np.float32))  # the next window
            further.append("decoded")
            yield segment(430, (" Thank", 4.9, 5.0), (" you.", 5.0, 5.1))

        return segments(), None

    monkeypatch.setattr(transcriber._model, "transcribe", decoding)
    decoded = transcriber._decode_windows(np.zeros(6 * SAMPLE_RATE, dtype=np.float32), [(0.4, 5.0)], None, None, 1)
    assert [w.word for seg in decoded for w in seg.words] == [" The", " narrative", " painful", " to", " myself."]
    assert further == []
    assert transcriber._model.declines_windows is False  # the next decode encodes as usual


def test_single_pass_decodes_are_as_accurate_as_the_whole_file_decode(transcriber, audio_dir):
    """The single-pass chunk decode (the live path's, with the committed text as prompt) against the whole-file decode,
    over every shared clip under one window: within a point of its word error rate. Clip by clip it was asserted no worse,
    and on another machine's int8 kernels one name came out "Klafflin" for "Claflin" (2 errors of 8 against 1): the
    rates over 145 words were 3.4 % and 2.8 %. A lost window or a prompt that derails a decode costs far more."""
    full_errors = single_errors = words = 0
    for path in sorted(p for p in audio_dir.iterdir() if p.suffix in AUDIO_SUFFIXES):
        samples = np.concatenate([load_audio(path), silence(1.0)])
        if len(samples) / SAMPLE_RATE > 29:
            continue
        reference = path.with_suffix(".txt").read_text()
        errors, count = word_error_counts(reference, transcriber.transcribe(samples).text)
        full_errors, words = full_errors + errors, words + count
        single = transcriber.transcribe(samples, offset=10.0, single_pass=True, prompt_extra="Here is what happened.")
        single_errors += word_error_counts(reference, single.text)[0]
    assert words >= 100
    assert single_errors / words <= full_errors / words + 0.01, (single_errors, full_errors, words)


def test_single_pass_decodes_again_when_speech_is_left(transcriber, audio_dir, monkeypatch):
    """A single-pass chunk longer than Whisper's 30 s window: VAD still hears speech after the
    first window's last word, so the loop asks faster-whisper for the next window rather than
    losing the end."""
    samples = load_audio(audio_dir / "lj_LJ001-0001_to_0008.wav")  # 50 s
    counting = _CountingModel(transcriber._model.model)
    monkeypatch.setattr(transcriber._model, "model", counting)
    text = transcriber.transcribe(samples, single_pass=True, fillers=False).text
    assert counting.calls.count("encode") >= 2
    assert "printing" in text.lower()[:40] and "surpassed" in text.lower()[-40:], text


def test_a_long_file_is_cut_at_its_widest_pauses():
    spans = [(0.0, 9.0), (9.3, 14.0), (15.2, 24.0), (24.1, 33.0), (33.8, 38.0)]
    # 1.2 s at 14-15.2 s beats 0.3 s and 0.1 s; what is left fits one chunk.
    assert plan_chunks(spans, 38.0) == [(0.0, 14.6), (14.6, 38.0)]
    assert plan_chunks(spans, 20.0) == [(0.0, 20.0)]
    assert plan_chunks([(0.0, 60.0)], 60.0) == [(0.0, 28.0), (28.0, 56.0), (56.0, 60.0)], "no pause: cut anyway"
    assert MAX_CHUNK_SECONDS == 28.0 < 30.0, "a chunk fits one Whisper window"


# --- fillers -------------------------------------------------------------------------------


def _words(spec: str, step: float = 0.4) -> list[_Segment]:
    """'word:prob word ...' as one segment of evenly spaced words (probability 0.9 if not given)."""
    words = []
    for i, item in enumerate(spec.split()):
        word, _, p = item.partition(":")
        words.append(Word(word=" " + word, start=i * step, end=(i + 1) * step, probability=float(p or 0.9)))
    return [_Segment(0.0, len(words) * step, words)]


def _text(segments: list[_Segment]) -> str:
    return " ".join(seg.text for seg in segments)


def test_fillers_come_from_the_cued_decode_and_words_from_the_plain_one():
    plain = _words("Honestly, I wasn't sure at first, but the data convinced me.")
    cued = _words("I, um, wasn't sure at first, but, uh, the data convinced me.")
    merged = add_fillers(plain, cued)
    assert _text(merged) == "Honestly, I um, wasn't sure at first, but uh, the data convinced me."
    starts = [w.start for seg in merged for w in seg.words]
    assert starts == sorted(starts)


def test_unsure_and_trailing_fillers_are_not_taken():
    plain = _words("we shipped it on time.")
    assert _text(add_fillers(plain, _words("we uh:0.04 shipped it on time."))) == "we shipped it on time."
    assert _text(add_fillers(plain, _words("we shipped it on time. uh:0.6"))) == "we shipped it on time."
    assert _text(add_fillers(plain, _words("we uh:0.3 shipped it on time."))) == "we uh shipped it on time."


def test_real_speech_gets_no_invented_fillers(clip_results):
    """The shared clips are read speech with no um/uh: every filler reported would be invented."""
    for path, (_samples, _reference, transcript) in clip_results.items():
        assert compute_delivery(transcript).filler_count == 0, (path.name, transcript.text)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
def test_the_filler_pass_keeps_fillers_and_costs_no_words(transcriber, tmp_path):
    """With the cue in the decoder, the first answer came out "one Kafka ..." and the second
    lost "Honestly" ("I, um, wasn't sure"): the words now come from the plain decode."""
    said = {
        "kafka": "Honestly, I have not run Kafka in production, but I have read a lot about it.",
        "unsure": "Honestly, um, I wasn't sure at first, but, uh, the data convinced me.",
        "latency": "We, uh, measured latency before and after, and it dropped by, um, about forty percent.",
    }
    text = {}
    for name, sentence in said.items():
        path = tmp_path / f"{name}.wav"
        subprocess.run(["espeak-ng", "-v", "en-gb", "-s", "165", "-w", str(path), sentence], check=True)
        text[name] = transcriber.transcribe_file(path)
    assert "honestly" in text["kafka"].text.lower() and "kafka" in text["kafka"].text.lower(), text["kafka"].text
    assert compute_delivery(text["kafka"]).filler_count == 0
    assert "honestly" in text["unsure"].text.lower(), text["unsure"].text
    assert compute_delivery(text["unsure"]).filler_count + compute_delivery(text["latency"]).filler_count >= 2
    # The streamer runs the filler pass as its own job, later: the same result.
    samples = load_audio(tmp_path / "latency.wav")
    words_only = transcriber.transcribe(samples, offset=3.0, fillers=False)
    later = transcriber.add_fillers_to(words_only, samples, offset=3.0)
    assert later.text == transcriber.transcribe(samples, offset=3.0).text
    assert later.words[0].start >= 3.0


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
def test_the_filler_pass_runs_only_where_a_filler_may_be(transcriber, audio_dir, tmp_path, monkeypatch):
    """The greedy cued decode costs ~30 % of a chunk's words; it runs only for a chunk with a
    filler spot (filler_spots). The check decodes nothing: at most one cue-primed align of the
    cached window, none when no word is stretched."""
    counting = _CountingModel(transcriber._model.model)
    monkeypatch.setattr(transcriber._model, "model", counting)
    path = tmp_path / "fillers.wav"
    said = "We, uh, measured latency before and after, and it dropped by, um, about forty percent."
    subprocess.run(["espeak-ng", "-v", "en-gb", "-s", "165", "-w", str(path), said], check=True)
    transcriber._model._encoded.clear()  # other tests decoded the same audio
    with_fillers = transcriber.transcribe_file(path)
    assert counting.calls == ["encode", "generate", "align", "generate"], "a filler spot: the pass runs"
    assert compute_delivery(with_fillers).filler_count >= 1, with_fillers.text
    for clip in ("ps_sns_0930.wav", "pv_cheetah_test_en.wav"):  # read speech, no filler, no spot
        counting.calls.clear()
        transcriber._model._encoded.clear()
        plain = transcriber.transcribe_file(audio_dir / clip)
        assert counting.calls in (["encode", "generate"], ["encode", "generate", "align"]), (clip, "no spot: no filler pass")
        assert plain.text == transcriber.transcribe(load_audio(audio_dir / clip), fillers=False).text


def test_token_budget_follows_the_chunk_and_fits_the_decoder(transcriber):
    cue = transcriber.hotwords(None)
    assert transcriber._token_budget(10.0, cue, None) == 12 * 10 + 24
    assert transcriber._token_budget(3.0, cue, None) < transcriber._token_budget(10.0, cue, None)
    long_cue = transcriber.hotwords([f"Term{i}Framework" for i in range(300)])
    budget = transcriber._token_budget(29.0, long_cue, "said before " * 200)
    prompt = len(transcriber._model.hf_tokenizer.encode(" " + long_cue, add_special_tokens=False).ids) + 223 + 5
    assert 0 < budget <= WHISPER_MAX_LENGTH - prompt


# --- models --------------------------------------------------------------------------


def test_bundled_model_resolves_to_a_local_folder():
    path = Path(resolve_model("bundled"))
    assert (path / "model.bin").is_file()


def test_model_folder_is_accepted_and_folder_without_model_rejected(tmp_path):
    assert resolve_model(resolve_model("bundled")) == resolve_model("bundled")
    with pytest.raises(TranscriptionError, match="no model.bin"):
        resolve_model(str(tmp_path))


def test_uncached_model_offline_names_the_bundled_default(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))  # an empty cache
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    with pytest.raises(TranscriptionError) as info:
        resolve_model("small.en")
    assert "small.en" in str(info.value) and "bundled" in str(info.value)


def test_unknown_model_name():
    with pytest.raises(TranscriptionError, match="unknown model 'no-such-model'.*bundled"):
        resolve_model("no-such-model")


# --- CLI -----------------------------------------------------------------------------


def test_cli_json_shape(run_cli, audio_dir, transcriber):
    result = run_cli("transcribe", "--json", str(audio_dir / "fw_jfk.flac"))
    assert result.code == 0, result
    data = json.loads(result.out)
    assert data["model"] == transcriber.model_name
    [entry] = data["files"]
    assert set(entry) == {"file", "ok", "text", "duration", "language", "model", "words", "speech", "delivery"}
    assert entry["ok"] is True and entry["duration"] == 11.0
    assert "ask not what your country can do for you" in entry["text"].lower()
    assert set(entry["words"][0]) == {"word", "start", "end", "probability"}
    d = entry["delivery"]
    assert d["word_count"] == len(entry["words"]) == 22
    assert 100 < d["words_per_minute"] < 250
    assert d["time_to_first_word"] == pytest.approx(entry["speech"][0][0])
    assert d["long_pauses"] == [] and d["filler_count"] == 0


def test_cli_human_output_and_keywords(run_cli, audio_dir):
    result = run_cli("transcribe", str(audio_dir / "pv_cheetah_test_en.wav"), "--keywords", "platforms, Kafka")
    assert result.code == 0, result
    assert "Today" in result.out or "today" in result.out
    assert "wpm" in result.out and "long pauses" in result.out


@pytest.fixture
def bad_inputs(tmp_path) -> dict[str, tuple[Path, str]]:
    """Each bad input and the words its one-line error must contain."""
    zero = tmp_path / "zero.wav"
    sf.write(zero, np.zeros(0, dtype=np.float32), SAMPLE_RATE)
    quiet = tmp_path / "silence.wav"
    sf.write(quiet, silence(3.0), SAMPLE_RATE)
    noise = tmp_path / "noise.flac"
    sf.write(noise, (np.random.default_rng(0).standard_normal(3 * SAMPLE_RATE) * 0.1).astype(np.float32), SAMPLE_RATE)
    corrupt = tmp_path / "corrupt.wav"
    corrupt.write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(200)))
    text = tmp_path / "answer.txt"
    text.write_text("not audio at all\n" * 50)
    return {
        "missing": (tmp_path / "missing.wav", "no such file"),
        "corrupt": (corrupt, "corrupt"),
        "zero_length": (zero, "no audio samples"),
        "silence": (quiet, "no speech detected"),
        "noise": (noise, "no speech detected"),
        "not_audio": (text, "not an audio file"),
    }


@pytest.mark.parametrize("kind", ["missing", "corrupt", "zero_length", "silence", "noise", "not_audio"])
def test_cli_bad_input_is_one_line_and_non_zero(run_cli, bad_inputs, kind):
    path, message = bad_inputs[kind]
    result = run_cli("transcribe", str(path))
    assert result.code != 0
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert message in lines[0] and str(path.name) in lines[0]
    assert "Traceback" not in result.err


def test_cli_batch_keeps_going_and_marks_failures(run_cli, bad_inputs, audio_dir):
    good = audio_dir / "ps_sns_0880.wav"
    paths = [bad_inputs["missing"][0], good, bad_inputs["silence"][0], bad_inputs["not_audio"][0]]
    result = run_cli("transcribe", "--json", *map(str, paths))
    assert result.code == 1
    files = json.loads(result.out)["files"]
    assert [f["ok"] for f in files] == [False, True, False, False]
    assert [f["file"] for f in files] == [str(p) for p in paths]
    assert "young man" in files[1]["text"]
    for entry, (_, message) in zip([files[0], files[2], files[3]], [bad_inputs[k] for k in ("missing", "silence", "not_audio")]):
        assert set(entry) == {"file", "ok", "error"} and message in entry["error"]
    assert len(result.err.strip().splitlines()) == 3


def test_cli_unavailable_model_is_one_error(run_cli, audio_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    result = run_cli("transcribe", "--model", "base.en", str(audio_dir / "ps_sns_0880.wav"))
    assert result.code != 0
    assert len(result.err.strip().splitlines()) == 1
    assert "base.en" in result.err and "bundled" in result.err


def test_transcribe_file_raises_for_no_speech(transcriber, bad_inputs):
    with pytest.raises(AudioError, match="no speech"):
        transcriber.transcribe_file(bad_inputs["noise"][0])


def test_the_faster_whisper_internals_mockint_relies_on_are_there(transcriber):
    """Beyond faster-whisper's documented API, mockint reuses a window's encoder output (it overrides
    WhisperModel.encode) and reads the cue-primed word probabilities with CTranslate2's `align` over
    faster-whisper's feature extractor. Checked against 1.2.1, and pyproject allows only 1.2.x: an
    upgrade that moves any of them fails here, by name, instead of silently costing a re-encode."""
    from importlib.metadata import version

    from faster_whisper import WhisperModel

    assert version("faster-whisper").startswith("1.2."), "re-check speech/transcribe.py's use of faster-whisper internals"
    model = transcriber._model
    assert isinstance(model, WhisperModel) and type(model).encode is not WhisperModel.encode  # the caching override
    assert callable(model.model.align) and model.feature_extractor.nb_max_frames == 3000


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
def test_a_keyword_the_answer_opens_with_costs_no_speech(transcriber, tmp_path):
    """An electrician's trial: with "BS 7671" as a keyword, an answer opening "BS 7671 is the wiring regulations"
    lost its first 9 s (49 words of 89: Whisper jumped past speech that said its hotwords); another lost its
    last sentence. Such a decode is done again without them."""
    said = ("BS 7671 is the wiring regulations, the 18th edition at the moment. It's what we work to on everything. "
            "For the EICR codes, C1 is danger present, so that's something you'd have to deal with straight away. C2 is "
            "potentially dangerous, so it needs doing urgently. And C3 is improvement recommended, so it's not really a "
            "fail. There's also FI for further investigation. Basically if there's a C1 or a C2 the report is "
            "unsatisfactory. I do a fair few EICRs, mostly for landlords.")
    path = tmp_path / "eicr.wav"
    subprocess.run(["espeak-ng", "-v", "en-gb", "-s", "160", "-w", str(path), said], check=True)
    plain = transcriber.transcribe_file(path)
    keyed = transcriber.transcribe_file(path, keywords=["BS 7671"])
    assert keyed.words[0].start < 1.0, keyed.text
    assert len(keyed.words) >= 0.9 * len(plain.words), (keyed.text, plain.text)
    assert "wiring regulations" in keyed.text.lower() and "landlords" in keyed.text.lower(), keyed.text
