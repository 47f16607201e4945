"""Food Hub POS: an offline-first point of sale for Open Food Network food hubs."""

__version__ = "0.1.0"
APP_NAME = "Food Hub POS"
APP_ID = "foodhub-pos"
