"""Programmes tests use the fixed users of tests/conftest.py (`world`); each test module keeps
the few fixtures of its own area."""
