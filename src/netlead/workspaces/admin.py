from django.contrib import admin

from netlead.workspaces.models import (
    AuditEvent,
    Invitation,
    Membership,
    Organization,
    Person,
    Workspace,
)


class MembershipInline(admin.TabularInline[Membership, Workspace]):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Workspace)
class WorkspaceAdmin(admin.ModelAdmin[Workspace]):
    list_display = ("name", "slug", "default_language", "anonymity_threshold", "created_at")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (MembershipInline,)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ("user", "workspace", "role", "created_at")
    list_filter = ("role", "workspace")
    search_fields = ("user__email", "workspace__name")
    autocomplete_fields = ("user", "workspace")


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin[Organization]):
    list_display = ("name", "kind", "workspace")
    list_filter = ("kind", "workspace")
    search_fields = ("name",)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin[Person]):
    list_display = ("name", "organization", "layer", "job_title", "workspace")
    list_filter = ("layer", "workspace")
    search_fields = ("name", "email", "job_title")
    list_select_related = ("organization", "workspace")
    autocomplete_fields = ("organization", "user")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    list_display = ("email", "workspace", "role", "created_at", "expires_at", "accepted_at")
    list_filter = ("role", "workspace")
    search_fields = ("email",)
    readonly_fields = ("token_hash",)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the log is evidence, so nobody edits or deletes entries here."""

    list_display = ("at", "workspace", "user", "action", "target")
    list_filter = ("action", "workspace")
    search_fields = ("user__email", "target")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
