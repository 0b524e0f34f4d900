"""Members files that would tie up a worker or fail at confirm are refused at preview, with the
line and the reason; nothing is saved."""

from __future__ import annotations

import io
import time
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from netlead.networks import importing
from tests.networks.conftest import Net
from tests.networks.test_networks import _csv, _u


def _preview(net: Net, upload: SimpleUploadedFile):  # type: ignore[no-untyped-def]
    return net.world.client_for(net.world.owner).post(
        _u(net, "networks:members_import"), {"file": upload}
    )


def _zip_bomb() -> bytes:
    """A small XLSX whose sheet unpacks to far more than the limit (zeros compress ~1000:1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (importing.MAX_UNPACKED_BYTES + 1))
    return buffer.getvalue()


def test_a_workbook_that_unpacks_too_large_is_refused_before_it_is_read(net: Net) -> None:
    data = _zip_bomb()
    assert len(data) < 100_000
    started = time.perf_counter()
    response = _preview(net, SimpleUploadedFile("members.xlsx", data))
    assert time.perf_counter() - started < 5  # refused from the zip's directory, not parsed
    assert response.status_code == 400
    assert "The workbook unpacks to more than 25 MB" in response.text
    assert net.network.members.current().count() == 3


def test_nul_characters_and_over_long_names_name_their_line(net: Net) -> None:
    rows = [
        "name,organization",
        "Good,Municipality",
        "Bad\x00Name,Municipality",
        f"{'N' * 201},Municipality",
    ]
    response = _preview(net, _csv(rows))
    assert response.status_code == 400
    assert "the name contains a NUL character" in response.text
    assert "the name is longer than 200 characters" in response.text
    assert ">3<" in response.text and ">4<" in response.text
    assert net.network.members.current().count() == 3


def test_too_many_rows_are_refused_without_reading_them_all(net: Net) -> None:
    rows = ["name,organization"] + [f"M{i},Municipality" for i in range(importing.MAX_ROWS + 5)]
    response = _preview(net, _csv(rows))
    assert response.status_code == 400
    assert f"more than {importing.MAX_ROWS} rows" in response.text


def test_a_request_body_over_the_limit_is_refused_before_it_is_read(net: Net, settings) -> None:  # type: ignore[no-untyped-def]
    settings.MAX_REQUEST_BYTES = 1000
    client: Client = net.world.client_for(net.world.owner)
    response = client.post(
        _u(net, "networks:members_import"),
        {"file": SimpleUploadedFile("m.csv", b"x" * 5000)},
    )
    assert response.status_code == 413
    assert "The request is too large" in response.text
    assert client.get(reverse("home")).status_code in (200, 302)
