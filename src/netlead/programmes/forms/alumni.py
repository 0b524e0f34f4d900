from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class TopicForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A question, an experience to share, something you read."),
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )
