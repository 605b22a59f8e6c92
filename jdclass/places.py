"""Large world cities, as a title line names them after the role: "Senior Product Manager – Austin"."""

from __future__ import annotations

import re

# Written here, not downloaded: cities where product jobs are advertised, in their English and local spellings. Left
# out are names that are also a team, a product or a person ("Mobile", "Reading", "Phoenix", "Victoria", "Sofia",
# "Charlotte", "Columbus"), since "– Search" after a title is a team and must stay.
CITIES = (
    # North America
    "New York", "New York City", "NYC", "San Francisco", "San Francisco Bay Area", "Bay Area", "Los Angeles", "Seattle",
    "Austin", "Boston", "Chicago", "Denver", "Atlanta", "Dallas", "Houston", "Miami", "Washington DC", "Washington D.C.",
    "Philadelphia", "San Diego", "San Jose", "Minneapolis", "Detroit", "Pittsburgh", "Nashville", "Raleigh", "Salt Lake City",
    "Toronto", "Vancouver", "Montreal", "Montréal", "Calgary", "Ottawa", "Mexico City", "Guadalajara", "Monterrey",
    # South America
    "São Paulo", "Sao Paulo", "Rio de Janeiro", "Buenos Aires", "Santiago", "Bogotá", "Bogota", "Medellín", "Medellin", "Lima",
    # Europe
    "London", "Manchester", "Edinburgh", "Glasgow", "Birmingham", "Bristol", "Leeds", "Belfast", "Dublin", "Cork", "Paris",
    "Lyon", "Berlin", "Munich", "München", "Hamburg", "Frankfurt", "Cologne", "Köln", "Stuttgart", "Düsseldorf", "Amsterdam",
    "Rotterdam", "Brussels", "Antwerp", "Zurich", "Zürich", "Geneva", "Vienna", "Wien", "Prague", "Warsaw", "Kraków", "Krakow",
    "Wrocław", "Wroclaw", "Gdańsk", "Gdansk", "Budapest", "Bucharest", "Athens", "Lisbon", "Porto", "Madrid", "Barcelona",
    "Milan", "Milano", "Rome", "Turin", "Copenhagen", "Stockholm", "Gothenburg", "Oslo", "Helsinki", "Tallinn", "Riga",
    "Vilnius", "Kyiv", "Istanbul", "Belgrade", "Zagreb", "Bratislava",
    # Asia and Oceania
    "Bengaluru", "Bangalore", "Mumbai", "Delhi", "New Delhi", "Gurugram", "Gurgaon", "Noida", "Pune", "Hyderabad", "Chennai",
    "Kolkata", "Ahmedabad", "Karachi", "Lahore", "Dhaka", "Colombo", "Hong Kong", "Tokyo", "Osaka", "Seoul", "Shanghai",
    "Beijing", "Shenzhen", "Taipei", "Bangkok", "Jakarta", "Manila", "Kuala Lumpur", "Ho Chi Minh City", "Hanoi", "Sydney",
    "Melbourne", "Brisbane", "Perth", "Adelaide", "Auckland", "Wellington",
    # Middle East and Africa
    "Dubai", "Abu Dhabi", "Riyadh", "Doha", "Tel Aviv", "Cairo", "Lagos", "Nairobi", "Johannesburg", "Cape Town", "Casablanca",
)  # fmt: skip

# Any spaces between a city's words: "New York", "New\u00a0York".
_NAMES = "|".join(r"\s+".join(map(re.escape, city.split())) for city in CITIES)
CITY = re.compile(rf"(?:{_NAMES})\s*", re.IGNORECASE)


def is_city(text: str) -> bool:
    """Whether ``text`` is one of ``CITIES`` alone, written as a name is: "London", "LONDON", not "london"."""
    return text[:1].isupper() and CITY.fullmatch(text) is not None
