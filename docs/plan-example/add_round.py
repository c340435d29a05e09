"""Add a round of typed answers to the latest session (or a new one) and score them offline,
as `mockint practice` does with spoken ones (practice.judged_as)."""
import json
import sys

from mockint.coaching.questions import load_bank
from mockint.config import load_settings
from mockint.practice import judged_as
from mockint.records import Transcript
from mockint.scoring import get_scorer
from mockint.scoring.rubrics import load_rubrics
from mockint.session import Answer, SessionStore

cfg = load_settings()
store = SessionStore(cfg.paths.sessions_dir)
answers = json.load(open(sys.argv[1]))  # [{"question_id" | "plan_index", "text"}]
session = store.load("latest") if store.ids() else store.create(role="Data engineer")
plan = session.rounds[-1].plan if session.rounds else []
rnd = session.new_round("plan" if plan else "bank")
bank, rubrics, scorer = load_bank(), load_rubrics(), get_scorer(cfg, offline=True)
for item in answers:
    question = plan[item["plan_index"]] if "plan_index" in item else bank.get(item["question_id"]).ref()
    transcript = Transcript(text=item["text"], duration=0.0)
    answer = Answer(id=session.next_answer_id(), question=question, status="transcribed", transcript=transcript)
    rnd.answers.append(answer)
    # Judged as practice judges it: a reply to a follow-up with the answer it follows up.
    answer.take_card(judged_as(session, answer).score(scorer, rubrics))
store.save(session)
for a in rnd.answers:
    print(a.id, f"{a.scorecard.overall:.0f}/100", a.question.text[:70])
