"""Scorers for the public benchmarks in ../shared/data (read by path, never copied)."""
