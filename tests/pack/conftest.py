"""Tests of the lessons and the pack's lesson content, computed from their sources."""
