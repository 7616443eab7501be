"""wiredesk: news-wire copy into a warehouse of articles, quotations, speakers and entities."""

__version__ = "0.1.0"
