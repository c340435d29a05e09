"""Time pressure (--answer-seconds): the countdown and its one warning, and an answer cut off at the limit."""

from __future__ import annotations

import pytest

from mockint.practice import WARN_SECONDS_LEFT, Practice, PracticeEvents, PracticeOptions
from mockint.session import Answer, SessionStore
from mockint.speech.record import RecordingStatus


class Events(PracticeEvents):
    def __init__(self):
        self.left: list[float] = []
        self.warnings: list[float] = []
        self.levels = 0

    def on_level(self, status):
        self.levels += 1

    def on_time_left(self, answer, seconds):
        self.left.append(seconds)

    def on_time_warning(self, answer, seconds):
        self.warnings.append(seconds)


def _ticks(practice, answer, options, times):
    tick = practice._ticker(answer, options)
    for t in times:
        tick(RecordingStatus(t, -20.0, True, 0.0))


def _practice(tmp_path, events):
    from mockint.config import load_settings

    return Practice(load_settings(), SessionStore(tmp_path), events=events)


def test_countdown_and_one_warning_at_30_seconds_left(mockint_home, tmp_path):
    from mockint.records import QuestionRef

    events = Events()
    practice = _practice(tmp_path, events)
    answer = Answer(id="a01", question=QuestionRef(id="q", text="Tell me about a time."))
    _ticks(practice, answer, PracticeOptions(answer_seconds=90), [0.0, 30.0, 59.9, 60.2, 61.0, 89.0, 90.0])
    assert events.left == pytest.approx([90.0, 60.0, 30.1, 29.8, 29.0, 1.0, 0.0])
    assert events.warnings == pytest.approx([90 - 60.2])  # once, at the first tick past the mark
    assert events.warnings[0] <= WARN_SECONDS_LEFT
    assert events.levels == 7, "the level meter still gets every tick"


def test_no_countdown_without_a_limit_and_no_extra_warning_for_a_short_one(mockint_home, tmp_path):
    from mockint.records import QuestionRef

    answer = Answer(id="a01", question=QuestionRef(id="q", text="Tell me about a time."))
    events = Events()
    _ticks(_practice(tmp_path, events), answer, PracticeOptions(), [0.0, 100.0])
    assert events.left == [] and events.warnings == [] and events.levels == 2
    events = Events()
    _ticks(_practice(tmp_path, events), answer, PracticeOptions(answer_seconds=20), [0.0, 10.0, 19.0])
    assert events.warnings == [] and len(events.left) == 3


@pytest.mark.slow
def test_an_answer_file_over_the_limit_is_cut_off_there_and_the_report_says_it_ran_long(mockint_home):
    import soundfile

    from mockint.config import load_settings
    from mockint.practice import AnswerFile
    from mockint.samples import load_samples

    samples = {s.id: s for s in load_samples()}
    cfg = load_settings()
    store = SessionStore(cfg.paths.sessions_dir)
    practice = Practice(cfg, store)
    full = soundfile.info(samples["strong_star"].path).duration
    options = PracticeOptions(
        answers_from=[AnswerFile(samples["strong_star"].path, "beh.tight_deadline")],
        answer_seconds=20, probes=0, think_seconds=0, offline=True,
    )
    session = practice.start(options)
    practice.run(session, options)
    (answer,) = store.load(session.id).answers
    assert full > 40
    assert answer.cut_off and answer.time_limit == 20
    audio = store.folder(session.id) / answer.audio_path
    assert soundfile.info(audio).duration == pytest.approx(20, abs=0.05), "saved whole up to the limit"
    assert answer.transcript.duration == pytest.approx(20, abs=0.5)
    assert "thousand dollars in refunds" not in answer.transcript.text  # said after 20 s
    assert samples["strong_star"].path.is_file() and soundfile.info(samples["strong_star"].path).duration == full
    report = (store.folder(session.id) / "report.md").read_text()
    assert "ran long, cut off at the limit" in report


def test_a_typed_answer_over_the_limit_keeps_the_words_that_fit_and_the_report_times_it(mockint_home, tmp_path):
    # A trial's 263-word typed ramble under a 90 s limit scored 100, and the report said "Time: 0:00 of 1:30".
    from mockint.coaching.weakness import TYPED_WORDS_PER_MINUTE
    from mockint.config import load_settings
    from mockint.practice import AnswerFile

    cfg = load_settings()
    store = SessionStore(cfg.paths.sessions_dir)
    long_file, short_file = tmp_path / "long.txt", tmp_path / "short.txt"
    sentence = "I rang the supplier every morning and moved the two orders that were late onto the next van. "
    long_file.write_text(sentence * 20 + "In the end every store got its delivery on the Friday.")
    short_file.write_text(sentence * 3)
    options = PracticeOptions(answers_from=[AnswerFile(long_file, "beh.tight_deadline"), AnswerFile(short_file)],
                              answer_seconds=60, probes=0, think_seconds=0, offline=True)
    practice = Practice(cfg, store)
    session = practice.run(practice.start(options), options) and store.load(store.ids()[-1])
    long_answer, short_answer = session.answers
    kept = long_answer.transcript.text.split()
    assert long_answer.cut_off and len(kept) == int(60 * TYPED_WORDS_PER_MINUTE / 60)
    assert "every store got its delivery" not in long_answer.transcript.text  # typed after the first minute
    assert long_file.read_text().endswith("on the Friday.")  # the user's own file stays whole
    assert not short_answer.cut_off and short_answer.transcript.text == short_file.read_text().strip()
    report = (store.folder(session.id) / "report.md").read_text()
    assert "Time: 1:00 of 1:00: **ran long" in report
    assert "Time: 0:23 of 1:00" in report  # the short one's 54 words, said at the typed rate
