"""A surgeon's extra rules, in the patient's words, one per movement tag.

Onboarding shows these as check boxes and Today names the rule when it leaves an exercise out,
so the patient sees the same sentence in both places.
"""

from __future__ import annotations

# In the order onboarding lists them: the rules surgeons give most often first. Every movement
# tag of coach.domain.catalogue has one (a test checks).
SURGEON_RULES: dict[str, str] = {
    "lumbar-flexion": "No bending forward",
    "lumbar-rotation": "No twisting",
    "loaded-lift": "No lifting anything heavy",
    "floor": "No getting down to the floor",
    "lumbar-extension": "No arching your back",
    "lumbar-side-bend": "No bending to the side",
    "prone-lying": "No lying on your front",
    "impact": "No running or jumping",
    "wound-water": "No bath, pool or swimming",
    "neural-tension": "No stretches that pull on the nerve in your leg",
    "end-range": "No moving as far as you can go",
}


def rule_text(tag: str) -> str:
    """'No getting down to the floor' for 'floor'."""
    return SURGEON_RULES[tag]
