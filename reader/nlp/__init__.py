"""Provides the analysis: segmentation, keywords and key sentences."""
