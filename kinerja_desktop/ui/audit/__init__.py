"""The audit log screen."""
