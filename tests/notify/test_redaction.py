"""No secret of a channel URL survives redaction, whatever the URL holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from statuspress.notify.send import redact, secret_parts

TOKEN = st.text(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", min_size=6, max_size=30
)


@given(user=TOKEN, password=TOKEN, path=st.lists(TOKEN, min_size=1, max_size=4), sig=TOKEN)
def test_every_credential_of_a_url_is_hidden_wherever_it_appears(
    user: str, password: str, path: list[str], sig: str
) -> None:
    url = f"https://{user}:{password}@hooks.example.com/{'/'.join(path)}?sig={sig}"
    parts = secret_parts(url)
    said = f"failed for {url}; token {path[-1]}; password {password}; sig={sig}; user {user}"
    shown = redact(said, parts)
    for secret in (url, user, password, sig, *path):
        assert secret not in shown


@given(TOKEN)
def test_a_webhook_secret_is_hidden_too(secret: str) -> None:
    assert secret not in redact(f"signed with {secret}", secret_parts(None, secret))
