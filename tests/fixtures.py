"""Small wire documents written for the tests (not taken from any real agency)."""

NEWSML = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:test.example:1"
  version="2" standard="NewsML-G2" standardversion="2.29">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="Testwire"/>
    <versionCreated>2026-11-16T11:00:00Z</versionCreated>
    <firstCreated>2026-11-16T09:30:00Z</firstCreated>
  </itemMeta>
  <contentMeta>
    <located><name>Oslo</name></located>
    <by>By Ida Strand and Tom Vik</by>
    <headline>Harbour pilots end strike after pay deal</headline>
    <language tag="en"/>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>
        <p>OSLO, Nov 16 (Testwire) - Harbour pilots ended a week-long strike on Monday.</p>
        <p>"We got what we asked for," union leader Per Dahl said.</p>
      </body></html>
    </inlineXML>
  </contentSet>
</newsItem>
"""

NITF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN">
  <head><title>Grain talks</title>
    <docdata><doc-id id-string="TST-1"/><date.issue norm="20261117T083000Z"/>
      <du-key version="1"/></docdata>
    <pubdata type="print" name="Test Press"/></head>
  <body><body.head><hedline><hl1>Grain talks resume in Lisbon</hl1></hedline>
    <byline>By Ana Costa</byline>
    <dateline><location>LISBON</location></dateline></body.head>
  <body.content>
    <p>LISBON, Nov 17 (TP) - Grain talks resumed on Tuesday, officials said.</p>
    <p>Negotiators met for three hours.</p>
  </body.content></body>
</nitf>
"""

PLAIN = """Ferry service cut as storm nears

By Lea Moss

MANILA, Nov 18 (Testwire) - Ferries stayed in port on Wednesday as a storm approached.

The coast guard said crossings would resume on Friday.
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Times</title><link>https://t.example/</link>
<description>x</description>
<item><title>One</title><link>pages/one.html</link><guid isPermaLink="false">t-1</guid>
<pubDate>Mon, 16 Nov 2026 10:00:00 +0100</pubDate></item>
<item><title>Two</title><link>https://t.example/two?utm_source=rss</link><guid>t-2</guid>
<pubDate>Tue, 17 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test Post</title><id>tag:p.example,2026:feed</id>
<updated>2026-11-16T12:00:00Z</updated>
<entry><title>Alpha</title><id>tag:p.example,2026:a</id><link href="pages/a.html"/>
<published>2026-11-16T08:00:00-05:00</published><updated>2026-11-16T09:00:00Z</updated></entry>
</feed>
"""

HTML = """<!doctype html><html lang="en"><head><title>Bridge reopens | Test Times</title>
<link rel="canonical" href="https://www.t.example/city/bridge-reopens">
<meta property="og:title" content="Bridge reopens after repairs">
<meta property="og:site_name" content="Test Times">
<meta property="article:published_time" content="2026-11-16T07:45:00Z">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge reopens",
 "datePublished": "2026-11-16T07:45:00Z", "author": {"@type": "Person", "name": "Eva Lind"}}
</script></head><body>
<nav><a href="/">Home</a> <a href="/city">City</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>OSLO (Testwire) - The old harbour bridge reopened to traffic on Monday after eight months
of repairs that cost the city more than it had planned.</p>
<p>"It was worth every krone," Mayor Siri Holm told reporters at the opening ceremony, adding
that the bridge would now last another fifty years.</p>
<p>Cyclists will get a separate lane from next spring, the transport office said.</p>
</article><footer>Copyright Test Times</footer></body></html>
"""
