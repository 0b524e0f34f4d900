from django.contrib import admin

from netlead.networks.models import (
    CharterMandate,
    CharterResponse,
    CharterVersion,
    Measurement,
    Network,
    NetworkMember,
    PhaseCheck,
    PhaseTransition,
    Result,
)


class NetworkMemberInline(admin.TabularInline[NetworkMember, Network]):
    model = NetworkMember
    extra = 0
    autocomplete_fields = ("person",)


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin[Network]):
    list_display = ("name", "workspace", "kind", "governance", "phase", "status")
    list_filter = ("kind", "governance", "status", "workspace")
    search_fields = ("name",)
    inlines = (NetworkMemberInline,)
    autocomplete_fields = ("sponsor",)


@admin.register(NetworkMember)
class NetworkMemberAdmin(admin.ModelAdmin[NetworkMember]):
    list_display = ("person", "network", "role", "joined_on", "left_on")
    list_filter = ("role", "network")
    search_fields = ("person__name", "network__name")
    list_select_related = ("person", "network")


class CharterMandateInline(admin.TabularInline[CharterMandate, CharterVersion]):
    model = CharterMandate
    extra = 0


@admin.register(CharterVersion)
class CharterVersionAdmin(admin.ModelAdmin[CharterVersion]):
    list_display = ("network", "number", "status", "proposed_at", "agreed_at")
    list_filter = ("status",)
    inlines = (CharterMandateInline,)


@admin.register(CharterResponse)
class CharterResponseAdmin(admin.ModelAdmin[CharterResponse]):
    list_display = ("version", "member", "agrees", "responded_at")


class MeasurementInline(admin.TabularInline[Measurement, Result]):
    model = Measurement
    extra = 0


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin[Result]):
    list_display = ("title", "network", "baseline", "target", "deadline", "status")
    list_filter = ("status", "network")
    inlines = (MeasurementInline,)


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin[Measurement]):
    list_display = ("result", "measured_on", "value")


@admin.register(PhaseCheck)
class PhaseCheckAdmin(admin.ModelAdmin[PhaseCheck]):
    list_display = ("network", "phase", "item", "done_at")


@admin.register(PhaseTransition)
class PhaseTransitionAdmin(admin.ModelAdmin[PhaseTransition]):
    list_display = ("network", "from_phase", "to_phase", "decided_on", "decided_by")
