"""Where articles come from: feeds, sitemaps and wire drop folders."""
