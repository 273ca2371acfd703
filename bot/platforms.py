"""The 50-platform annex as data: which parks and 区县 build which platforms, found by place or industry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from intents import pinyin
from intents.normalize import normalize
from knowledge.loader import Knowledge
from knowledge.schema import Platform

_SUFFIX = re.compile(r"(土家族苗族自治县|苗族土家族自治县|土家族自治县|自治县|区|县)$")
GENERIC_KINDS = ("高新区", "经开区", "工业园区")
"""Kinds of park a user may name without the place (“高新区有什么平台”)."""


@dataclass
class Lookup:
    """What the message asked about and what the annex has for it."""

    places: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    platforms: list[Platform] = field(default_factory=list)

    @property
    def specific(self) -> bool:
        """Whether the message named a place or an industry."""
        return bool(self.places or self.industries)


def place_names(kn: Knowledge) -> dict[str, set[str]]:
    """Normalised name, short form or generic kind (高新区, 经开区) → the districts it stands for."""
    names: dict[str, set[str]] = {}
    for park in kn.parks:
        for name in (park.name, park.district, *park.short):
            names.setdefault(normalize(name), set()).add(park.district)
        for kind in GENERIC_KINDS:
            if park.name.endswith(kind):
                names.setdefault(normalize(kind), set()).add(park.district)
    for district in kn.districts:
        for name in (district, _SUFFIX.sub("", district)):
            if len(normalize(name)) >= 2:
                names.setdefault(normalize(name), set()).add(district)
    return names


def _find_places(names: dict[str, set[str]], norm: str) -> list[str]:
    """Names found in ``norm`` by text or, for typos, by sound; a name inside a longer one found does not count."""
    hits = [n for n in names if n in norm]
    if not hits:
        sounds = " " + " ".join(pinyin.syllables(norm)) + " "
        hits = [n for n in names if len(n) >= 2 and " " + " ".join(pinyin.syllables(n)) + " " in sounds]
    covered: list[str] = []
    for name in sorted(hits, key=len, reverse=True):
        if not any(name in longer for longer in covered):
            covered.append(name)
    return covered


def lookup(kn: Knowledge, text: str) -> Lookup:
    """Platforms of the places (or, failing that, the industries) named in ``text``."""
    norm = normalize(text)
    found = Lookup()
    if "place_names" not in kn.memo:
        kn.memo["place_names"] = place_names(kn)
    names: dict[str, set[str]] = kn.memo["place_names"]
    for name in _find_places(names, norm):
        for district in sorted(names[name]):
            if district not in found.places:
                found.places.append(district)
    if found.places:
        found.platforms = [p for p in kn.platforms if p.district in found.places]
        return found
    for plat in kn.platforms:
        words = [w for w in plat.keywords if len(normalize(w)) >= 2 and normalize(w) in norm]
        if words:
            found.platforms.append(plat)
            found.industries.extend(w for w in words if w not in found.industries)
    return found


def districts_with_platforms(kn: Knowledge) -> list[tuple[str, int]]:
    """(区县, number of platforms), in annex order."""
    counts: dict[str, int] = {}
    for plat in kn.platforms:
        counts[plat.district] = counts.get(plat.district, 0) + 1
    return list(counts.items())


def render(kn: Knowledge, found: Lookup) -> str:
    """The answer text for a place or industry question."""
    m = kn.messages
    if not found.platforms:
        counts = "、".join(f"{d}（{n}）" for d, n in districts_with_platforms(kn))
        return "\n".join([m.platforms_none.format(query="、".join(found.places)), counts, m.platforms_footer])
    lines = [m.platforms_header]
    lines += [
        m.platforms_line.format(seq=p.seq, park=p.park, district=p.district, direction=p.direction)
        for p in found.platforms
    ]
    lines.append(m.platforms_count.format(count=len(found.platforms)))
    lines.append(m.platforms_footer)
    return "\n".join(lines)
