"""Colours shared by the figures and the HTML views (no matplotlib here, so views can import it)."""

# Colour-blind-safe palette (Okabe & Ito); entity labels keep the same colour in every figure.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
LABEL_COLOURS = {"PER": "#0072B2", "LOC": "#009E73", "ORG": "#E69F00", "MISC": "#CC79A7"}
NEGATIVE, POSITIVE, NEUTRAL = "#D55E00", "#0072B2", "#999999"
