from django.urls import path

from netlead.notifications import views

app_name = "notifications"

urlpatterns = [
    path("accounts/notifications/", views.preferences, name="preferences"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("needs-me/", views.needs_me, name="needs_me"),
    path("needs-me/count/", views.needs_me_count, name="needs_me_count"),
]
