"""One module per ``wiredesk`` sub-command; each has ``register(subparsers)``."""
