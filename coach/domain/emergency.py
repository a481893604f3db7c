"""The usual emergency number by country, as a first guess that the patient can change."""

from __future__ import annotations

# ISO 3166 country code -> number. 112 works across the EU and on most mobile phones elsewhere.
EMERGENCY_NUMBERS = {
    "US": "911",
    "CA": "911",
    "GB": "999",
    "IE": "112",  # Ireland answers both 112 and 999
    "AU": "000",
    "NZ": "111",
}
FALLBACK = "112"


def emergency_number_for(country_code: str) -> str:
    """'911' for 'US'; 112 when the country is unknown or not listed."""
    return EMERGENCY_NUMBERS.get(country_code.strip().upper(), FALLBACK)
