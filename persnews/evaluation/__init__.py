"""Scoring functions shared by the benchmark scripts and tested like library code."""
