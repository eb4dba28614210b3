"""The meeting's plan: what a briefing covers (its focus), what it presents in its minutes, what waits.

agenda.py is the one model of a meeting's time, read by the readiness review (W503)
and by the deck alike; answers.py matches a stakeholder's concerns to the prepared
objections, for the review (W403), the agenda and the deck.
"""
