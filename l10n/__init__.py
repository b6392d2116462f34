"""l10n: offline localization of Chinese news articles into Traditional Chinese and English."""

__version__ = "0.1.0"
