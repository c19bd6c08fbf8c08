"""The booking admin: the managers' console for requests, and the delivery log."""

from booking.admin import deliveries, requests

__all__ = ["deliveries", "requests"]
