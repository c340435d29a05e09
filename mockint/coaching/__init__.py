"""Coaching: the question bank, round-one debriefs, weak areas and their ledger, the next-round plan, second-round prep."""
