"""Taizhang (台账): county plan → school reports → county summary, offline."""

__version__ = "0.1.0"
