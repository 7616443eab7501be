"""Rebuilding the shipped entity model from the CoNLL++ train split."""
