"""Operators' decisions shared through the backend: the one path that applies them to
this console (`decisions.SharedDecisions.apply`) and the operator's side that queues
them in the outbox (`actions.OperatorDecisions`)."""
