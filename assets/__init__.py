"""Dagster assets, one module per stage; each reads the lake, calls wiredesk, writes the lake."""
