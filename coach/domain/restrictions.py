"""A surgeon's extra rules, in the patient's words, one per movement tag.

Onboarding shows these as check boxes and Today names the rule when it leaves an exercise out,
so the patient sees the same sentence in both places.
"""

from __future__ import annotations

from coach.domain.i18n import N_, _

# In the order onboarding lists them: the rules surgeons give most often first. Every movement
# tag of coach.domain.catalogue has one (a test checks).
# Marked for translation; shown through rule_text.
SURGEON_RULES: dict[str, str] = {
    "lumbar-flexion": N_("No bending forward"),
    "lumbar-rotation": N_("No twisting"),
    "loaded-lift": N_("No lifting anything heavy"),
    "floor": N_("No getting down to the floor"),
    "lumbar-extension": N_("No arching your back"),
    "lumbar-side-bend": N_("No bending to the side"),
    "prone-lying": N_("No lying on your front"),
    "impact": N_("No running or jumping"),
    "wound-water": N_("No bath, pool or swimming"),
    "neural-tension": N_("No stretches that pull on the nerve in your leg"),
    "end-range": N_("No moving as far as you can go"),
}


def rule_text(tag: str) -> str:
    """'No getting down to the floor' for 'floor'."""
    return _(SURGEON_RULES[tag])
