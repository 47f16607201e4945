"""Helpers shared by several test packages (test modules never import each other)."""
