"""The time zone of a dateline's place, for a time a page wrote only in UTC.

A page that stamps ``2020-05-02T02:54:29Z`` on a story datelined NEW YORK shows its readers
1 May: the publisher's calendar day is the day on the clock of the place the story was
filed from (or, for a US dateline, its state's). Only places whose zone is unambiguous are
listed: capitals and the cities wire copy is most often filed from, in English and in the
spellings of the six dateline languages, and the AP abbreviations of US states.
"""

from __future__ import annotations

import functools
import re
import zoneinfo

_ZONES: dict[str, tuple[str, ...]] = {
    "America/New_York": ("new york", "new york city", "washington", "boston", "philadelphia",
                         "atlanta", "miami", "detroit", "baltimore", "pittsburgh", "toronto",
                         "montreal", "ottawa", "nueva york"),
    "America/Chicago": ("chicago", "houston", "dallas", "new orleans", "minneapolis",
                        "st. louis", "kansas city", "milwaukee", "nashville", "mexico city",
                        "ciudad de méxico", "méxico"),
    "America/Denver": ("denver", "salt lake city", "albuquerque", "boulder"),
    "America/Phoenix": ("phoenix", "tucson"),
    "America/Los_Angeles": ("los angeles", "san francisco", "seattle",
                            "las vegas", "san diego", "sacramento", "oakland", "san jose",
                            "vancouver"),
    "America/Sao_Paulo": ("sao paulo", "são paulo", "rio de janeiro", "brasilia", "brasília"),
    "America/Argentina/Buenos_Aires": ("buenos aires",),
    "America/Bogota": ("bogota", "bogotá"),
    "America/Lima": ("lima",),
    "America/Caracas": ("caracas",),
    "America/Havana": ("havana", "la habana"),
    "Europe/London": ("london", "londres", "londra", "лондон", "manchester", "edinburgh",
                      "belfast"),
    "Europe/Dublin": ("dublin",),
    "Europe/Lisbon": ("lisbon", "lisboa", "lisbonne"),
    "Europe/Paris": ("paris", "parigi", "париж", "marseille", "lyon"),
    "Europe/Brussels": ("brussels", "bruxelles", "bruselas", "brüssel", "bruxelles",
                        "брюссель"),
    "Europe/Amsterdam": ("amsterdam", "the hague"),
    "Europe/Berlin": ("berlin", "berlino", "берлин", "frankfurt", "munich", "münchen",
                      "hamburg", "cologne", "köln"),
    "Europe/Zurich": ("geneva", "genève", "genf", "ginevra", "ginebra", "женева", "zurich",
                      "zürich", "bern", "berne", "davos"),
    "Europe/Vienna": ("vienna", "wien", "vienne", "viena", "вена"),
    "Europe/Rome": ("rome", "roma", "рим", "milan", "milano", "naples", "napoli",
                    "vatican city", "città del vaticano"),
    "Europe/Madrid": ("madrid", "мадрид", "barcelona"),
    "Europe/Prague": ("prague", "praha", "prag"),
    "Europe/Warsaw": ("warsaw", "warszawa", "varsovie", "varsovia", "варшава"),
    "Europe/Budapest": ("budapest",),
    "Europe/Stockholm": ("stockholm",),
    "Europe/Oslo": ("oslo",),
    "Europe/Copenhagen": ("copenhagen", "københavn"),
    "Europe/Helsinki": ("helsinki",),
    "Europe/Athens": ("athens", "athènes", "atenas", "atene", "афины"),
    "Europe/Istanbul": ("istanbul", "ankara", "стамбул", "анкара"),
    "Europe/Kyiv": ("kyiv", "kiev", "киев", "київ"),
    "Europe/Moscow": ("moscow", "moscou", "moskau", "moscú", "mosca", "москва",
                      "st. petersburg", "санкт-петербург"),
    "Europe/Minsk": ("minsk", "минск"),
    "Africa/Cairo": ("cairo", "le caire", "el cairo", "il cairo", "каир"),
    "Africa/Lagos": ("lagos", "abuja"),
    "Africa/Nairobi": ("nairobi", "addis ababa"),
    "Africa/Johannesburg": ("johannesburg", "pretoria", "cape town"),
    "Asia/Jerusalem": ("jerusalem", "tel aviv", "иерусалим"),
    "Asia/Beirut": ("beirut", "beyrouth"),
    "Asia/Damascus": ("damascus", "damas", "дамаск"),
    "Asia/Baghdad": ("baghdad", "bagdad", "багдад"),
    "Asia/Riyadh": ("riyadh",),
    "Asia/Dubai": ("dubai", "abu dhabi"),
    "Asia/Tehran": ("tehran", "téhéran", "teherán", "тегеран"),
    "Asia/Kabul": ("kabul", "kaboul"),
    "Asia/Karachi": ("islamabad", "karachi", "lahore"),
    "Asia/Kolkata": ("new delhi", "delhi", "mumbai", "kolkata", "chennai", "bengaluru",
                     "bangalore", "hyderabad", "нью-дели"),
    "Asia/Dhaka": ("dhaka",),
    "Asia/Bangkok": ("bangkok", "hanoi"),
    "Asia/Jakarta": ("jakarta",),
    "Asia/Singapore": ("singapore", "kuala lumpur"),
    "Asia/Manila": ("manila",),
    "Asia/Shanghai": ("beijing", "pékin", "pekín", "pechino", "пекин", "shanghai", "taipei"),
    "Asia/Hong_Kong": ("hong kong",),
    "Asia/Seoul": ("seoul", "séoul", "сеул"),
    "Asia/Pyongyang": ("pyongyang",),
    "Asia/Tokyo": ("tokyo", "tokio", "токио", "osaka"),
    "Australia/Sydney": ("sydney", "canberra", "melbourne"),
    "Australia/Brisbane": ("brisbane",),
    "Pacific/Auckland": ("auckland", "wellington"),
}  # fmt: skip
#: AP-style US state abbreviations and names after a city ("SPRINGFIELD, Ill.").
_STATES: dict[str, tuple[str, ...]] = {
    "America/New_York": ("conn", "del", "fla", "ga", "maine", "md", "mass", "mich", "n.h",
                         "n.j", "n.y", "n.c", "ohio", "pa", "r.i", "s.c", "vt", "va", "w.va",
                         "ind", "ky"),
    "America/Chicago": ("ala", "ark", "ill", "iowa", "kan", "la", "minn", "miss", "mo",
                        "neb", "n.d", "okla", "s.d", "tenn", "texas", "wis"),
    "America/Denver": ("colo", "mont", "n.m", "utah", "wyo", "idaho"),
    "America/Phoenix": ("ariz",),
    "America/Los_Angeles": ("calif", "nev", "ore", "wash"),
    "America/Anchorage": ("alaska",),
    "Pacific/Honolulu": ("hawaii",),
}  # fmt: skip
_PLACES = {place: zone for zone, places in _ZONES.items() for place in places}
_REGIONS = {state: zone for zone, states in _STATES.items() for state in states}


@functools.lru_cache(maxsize=256)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def zone_of_place(place: str | None) -> zoneinfo.ZoneInfo | None:
    """The zone of a dateline place ("NEW YORK", "Louisville, Ky.", "Bruselas"); None when
    the place is not one we know."""
    if not place:
        return None
    city, _, region = (" ".join(place.split())).partition(",")
    key = region.strip().rstrip(".").lower()
    if key in _REGIONS:
        return _zone(_REGIONS[key])
    name = re.sub(r"\s+", " ", city).strip(" .").lower()
    found = _PLACES.get(name) or _PLACES.get(name + ".")
    return _zone(found) if found else None
