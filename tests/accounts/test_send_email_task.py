"""The generic mail task is delivered at least once by the queue: the same enqueued task run
again sends nothing, while two tasks enqueued on purpose send two mails."""

from __future__ import annotations

import pytest
from django.tasks import TaskContext

from netlead.accounts.tasks import send_email
from netlead.notifications.models import SentMail


def test_the_same_task_run_twice_sends_one_mail(db: None, mailoutbox) -> None:
    result = send_email.enqueue(to=["owner@example.test"], subject="Hello", body="Body")
    assert len(mailoutbox) == 1
    # A second delivery of the same task (same id), as the queue may do after a lost worker.
    again = send_email.call(
        TaskContext(task_result=result), to=["owner@example.test"], subject="Hello", body="Body"
    )
    assert again == 0
    assert len(mailoutbox) == 1
    assert SentMail.objects.count() == 1


def test_two_tasks_enqueued_send_two_mails(db: None, mailoutbox) -> None:
    for _ in range(2):
        send_email.enqueue(to=["owner@example.test"], subject="Hello", body="Body")
    assert len(mailoutbox) == 2


def test_a_mail_that_failed_is_sent_by_the_next_run(db: None, mailoutbox, monkeypatch) -> None:
    from django.core.mail.message import EmailMessage

    result = send_email.enqueue(to=["a@example.test"], subject="S", body="B")
    SentMail.objects.all().delete()
    mailoutbox.clear()

    def refuse(self: EmailMessage, fail_silently: bool = False) -> int:
        raise OSError("SMTP server gone")

    with monkeypatch.context() as patched:
        patched.setattr(EmailMessage, "send", refuse)
        with pytest.raises(OSError, match="SMTP server gone"):
            send_email.call(
                TaskContext(task_result=result), to=["a@example.test"], subject="S", body="B"
            )
    assert not SentMail.objects.exists()  # nothing claimed: the retry may send it
    assert (
        send_email.call(
            TaskContext(task_result=result), to=["a@example.test"], subject="S", body="B"
        )
        == 1
    )
    assert len(mailoutbox) == 1
