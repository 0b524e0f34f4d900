from django.contrib import admin

from netlead.meetings.models import (
    Action,
    AgendaItem,
    Attendance,
    CalendarFeed,
    Decision,
    Meeting,
    MeetingPlan,
    Minutes,
    MinutesApproval,
)


@admin.register(MeetingPlan)
class MeetingPlanAdmin(admin.ModelAdmin[MeetingPlan]):
    list_display = ("title", "network", "rrule", "first_starts_at", "duration_minutes")
    list_filter = ("network__workspace",)
    search_fields = ("title", "network__name")
    list_select_related = ("network",)


class AgendaItemInline(admin.TabularInline[AgendaItem, Meeting]):
    model = AgendaItem
    extra = 0
    raw_id_fields = ("proposed_by", "result")


class DecisionInline(admin.TabularInline[Decision, Meeting]):
    model = Decision
    extra = 0
    raw_id_fields = ("results",)


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin[Meeting]):
    list_display = ("title", "network", "starts_at", "location", "is_cancelled")
    list_filter = ("is_cancelled", "network__workspace")
    search_fields = ("title", "network__name")
    date_hierarchy = "starts_at"
    list_select_related = ("network",)
    raw_id_fields = ("network", "plan")
    inlines = (AgendaItemInline, DecisionInline)


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin[AgendaItem]):
    list_display = ("title", "meeting", "kind", "status", "position")
    list_filter = ("kind", "status")
    search_fields = ("title",)
    raw_id_fields = ("meeting", "proposed_by", "result")


class MinutesApprovalInline(admin.TabularInline[MinutesApproval, Minutes]):
    model = MinutesApproval
    extra = 0
    raw_id_fields = ("member",)


@admin.register(Minutes)
class MinutesAdmin(admin.ModelAdmin[Minutes]):
    list_display = ("meeting", "status", "written_by", "updated_at", "approved_at")
    list_filter = ("status",)
    raw_id_fields = ("meeting", "written_by")
    inlines = (MinutesApprovalInline,)


@admin.register(MinutesApproval)
class MinutesApprovalAdmin(admin.ModelAdmin[MinutesApproval]):
    list_display = ("minutes", "member", "approved_at")
    raw_id_fields = ("minutes", "member")


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin[Decision]):
    list_display = ("__str__", "meeting")
    search_fields = ("text",)
    raw_id_fields = ("meeting", "results")


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin[Attendance]):
    list_display = ("meeting", "member", "status")
    list_filter = ("status",)
    raw_id_fields = ("meeting", "member")


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin[Action]):
    list_display = ("title", "network", "owner", "due_on", "status", "created_by")
    list_filter = ("status", "network__workspace")
    search_fields = ("title",)
    list_select_related = ("network", "owner__person", "created_by")
    raw_id_fields = ("network", "owner", "meeting", "result", "created_by")


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin[CalendarFeed]):
    list_display = ("__str__", "network", "person", "created_at")
    readonly_fields = ("token_hash",)
    raw_id_fields = ("network", "person")
