"""The unit tree screen."""
