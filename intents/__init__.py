"""Normalisation and intent matching."""
