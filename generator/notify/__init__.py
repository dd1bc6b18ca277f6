"""Delivering reminders: each channel a small module, and a ledger so nothing is sent twice."""
