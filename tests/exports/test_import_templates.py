"""The members import page offers a template in the reader's language, and the import reads
headers (and role names) in English, Dutch and Danish."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from netlead.networks.models import NetworkMember
from netlead.workspaces.models import Layer
from tests.networks.conftest import Net, net  # noqa: F401 (fixture)


def _url(net: Net, name: str, *extra: object) -> str:  # noqa: F811
    return reverse(name, args=[net.slug, net.network.pk, *extra])


def _set_language(net: Net, language: str) -> None:  # noqa: F811
    net.world.owner.language = language
    net.world.owner.save(update_fields=["language"])


@pytest.mark.parametrize(("language", "first"), [("en", "name"), ("nl", "naam"), ("da", "navn")])
def test_the_template_has_headers_in_the_readers_language(
    net: Net,  # noqa: F811
    language: str,
    first: str,
) -> None:
    _set_language(net, language)
    client = net.world.client_for(net.world.owner)
    page = client.get(_url(net, "networks:members_import")).content.decode()
    assert _url(net, "exports:import_template", "csv") in page
    assert _url(net, "exports:import_template", "xlsx") in page
    response = client.get(_url(net, "exports:import_template", "csv"))
    assert response["Content-Disposition"].startswith("attachment")
    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith(first)
    assert header.count(";" if language != "en" else ",") == 6  # seven columns
    book = load_workbook(
        io.BytesIO(client.get(_url(net, "exports:import_template", "xlsx")).content)
    )
    assert len(book.worksheets) == 3
    assert book.worksheets[0]["A1"].value == first
    organizations = [r[0] for r in book.worksheets[2].iter_rows(min_row=2, values_only=True)]
    assert net.world.organization.name in organizations


@pytest.mark.parametrize(
    "content",
    [
        "naam;e-mail;organisatie;laag;functie;rol\nNina Nieuw;nina@example.test;Municipality;tactisch;Adviseur;kernlid\n",
        "navn;e-mail;organisation;lag;stilling;rolle\nNina Nieuw;nina@example.test;Municipality;taktisk;Rådgiver;core\n",
        "Name,Email,Organization,Layer,Job title,Role\nNina Nieuw,nina@example.test,Municipality,tactical,Adviser,core\n",
    ],
)
def test_the_import_reads_headers_in_each_language(net: Net, content: str) -> None:  # noqa: F811
    _set_language(net, "nl")
    client = net.world.client_for(net.world.owner)
    upload = io.BytesIO(content.encode())
    upload.name = "members.csv"
    response = client.post(_url(net, "networks:members_import"), {"file": upload})
    assert response.status_code == 200, response.content.decode()[:3000]
    client.post(_url(net, "networks:members_import_confirm"))
    member = NetworkMember.objects.get(network=net.network, person__email="nina@example.test")
    assert member.person.layer == Layer.TACTICAL
    assert member.role == "core"
