"""wiredesk's Dagster code location (location name ``wiredesk``)."""
