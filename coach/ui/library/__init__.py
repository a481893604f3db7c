"""The exercise library: the catalogue as a list model, the browser and one exercise in full."""
