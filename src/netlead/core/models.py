from django.db import models


class RateCount(models.Model):
    """Requests counted against a rate limit in one window (netlead.core.ratelimit). The bucket
    is the limit's name, a hash of who asked and the window's number: no address or e-mail
    address is stored."""

    bucket = models.CharField(max_length=100, primary_key=True)
    #: When the window ends (seconds since the epoch); ended windows are deleted.
    expires = models.BigIntegerField(db_index=True)
    hits = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.hits} until {self.expires}"
