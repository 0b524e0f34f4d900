"""Django's own texts that its Dutch or Danish catalogue does not translate yet (new in Django
6). Named here so that `makemessages` keeps them in our catalogues, which come first
(LOCALE_PATHS), so that a select's empty choice is never English on a Dutch or Danish page."""

from django.utils.translation import gettext_noop

DJANGO_TEXTS = (
    # django.db.models.fields.BLANK_CHOICE_LABEL: the empty choice of every select.
    gettext_noop("- Select an option -"),
)
