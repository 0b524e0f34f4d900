"""Admin for survey rounds and invitation status only. Answers are deliberately not registered:
no page, the admin included, shows one person's answers."""

from django.contrib import admin

from netlead.surveys.models import SurveyRound


@admin.register(SurveyRound)
class SurveyRoundAdmin(admin.ModelAdmin):
    list_display = ("title", "network", "instrument", "status", "closes_on", "diagnosis_status")
    list_filter = ("instrument", "status")
    search_fields = ("title", "network__name")
    readonly_fields = ("diagnosis_status", "computed_at", "opened_at", "closed_at")
    exclude = ("diagnosis",)
