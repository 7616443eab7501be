"""Rebuilding the shipped speaker chooser (``chooser.json``) from PolNeAR's train split.

``python -m wiredesk.quotes.training`` reads the stories and their attribution gold from the
shared eval folder, runs the rule-based finder to get every quote's candidate speakers,
fits the ranker on most of the stories and its calibration on the rest, and writes only
weights and feature names.
"""
