"""The database cache table (settings.CACHES), made by migrate so no extra set-up step is
needed: it holds the API's rate-limit records, shared by every web process."""

from django.core.management import call_command
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def create_cache_table(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    # A no-op when the cache is Redis or the table exists already.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("api", "0001_api_tokens")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
