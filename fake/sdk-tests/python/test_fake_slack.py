"""Drives the fake Slack (`typed-slack-fake`) with Slack's official Python SDK, slack_sdk.

The fake must already be serving: `SLACK_FAKE_URL` is its Web API base URL
(`http://127.0.0.1:PORT/api/`), as `fake/sdk-tests/run.sh BINARY` sets it. Every test
starts from the seed workspace (`POST /_fake/reset`) and finds IDs through the API.
"""

import json
import os
import time
import unittest
import urllib.error
import urllib.request
import uuid
from urllib.parse import urljoin

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

API_URL = os.environ.get("SLACK_FAKE_URL", "")
BOT_TOKEN = "xoxb-0000000000-fake-slack-bot-token"
USER_TOKEN = "xoxp-0000000000-fake-slack-user-token"
CLIENT_ID = "0000000000.0000000000000"
CLIENT_SECRET = "fake-slack-client-secret"

# The fake is on this machine: never go through a proxy to reach it.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def setUpModule():
    if not API_URL:
        raise RuntimeError("SLACK_FAKE_URL is not set: run fake/sdk-tests/run.sh BINARY")
    # slack_sdk reads HTTP(S)_PROXY itself and ignores NO_PROXY.
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        os.environ.pop(name, None)


# ---------------------------------------------------------------------------
# helpers


def control(path, body=None):
    """Calls the fake's control API (`/_fake/PATH`): GET without a body, else POST JSON."""
    url = urljoin(API_URL, "/_fake/" + path)
    if body is None:
        request = urllib.request.Request(url, method="GET")
    else:
        request = urllib.request.Request(
            url,
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
    try:
        with _DIRECT.open(request, timeout=10) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:
        raise AssertionError(f"{request.method} {url}: HTTP {error.code}: {error.read()!r}") from error
    if answer.get("ok") is not True:
        raise AssertionError(f"{request.method} {url} answered {answer}")
    return answer


def reset():
    control("reset", {})


def request_cursor():
    """The `since` value that reads only the requests made from now on."""
    return control("requests?since=0")["next"]


def requests_since(cursor, method=None):
    recorded = control(f"requests?since={cursor}")["requests"]
    return [r for r in recorded if method is None or r["method"] == method]


def download(url, token):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with _DIRECT.open(request, timeout=10) as response:
        return response.read()


def bot_client():
    return WebClient(token=BOT_TOKEN, base_url=API_URL)


def user_client():
    return WebClient(token=USER_TOKEN, base_url=API_URL)


def channel_id(client, name):
    """The ID of the channel `name` (public or private), found through conversations.list."""
    for page in client.conversations_list(types="public_channel,private_channel", limit=200):
        for channel in page["channels"]:
            if channel["name"] == name:
                return channel["id"]
    raise AssertionError(f"no channel #{name} in conversations.list")


def user_id(client, name):
    """The ID of the user whose handle is `name`, found through users.list."""
    for page in client.users_list(limit=200):
        for member in page["members"]:
            if member["name"] == name:
                return member["id"]
    raise AssertionError(f"no user {name} in users.list")


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


# ---------------------------------------------------------------------------
# the suite


class FakeSlackWithSlackSdk(unittest.TestCase):
    def setUp(self):
        reset()
        self.bot = bot_client()
        self.general = channel_id(self.bot, "general")

    def test_auth_test_with_the_bot_token(self):
        answer = self.bot.auth_test()
        self.assertEqual(answer["user_id"], user_id(self.bot, "fakebot"))
        self.assertTrue(answer["team_id"])
        self.assertTrue(answer["bot_id"])

    def test_messages_threads_updates_and_deletes(self):
        text = unique("hello from slack_sdk")
        posted = self.bot.chat_postMessage(channel=self.general, text=text)
        self.assertEqual(posted["channel"], self.general)
        parent_ts = posted["ts"]
        self.assertEqual(posted["message"]["text"], text)

        newest = self.bot.conversations_history(channel=self.general)["messages"][0]
        self.assertEqual((newest["ts"], newest["text"]), (parent_ts, text))

        reply = self.bot.chat_postMessage(channel=self.general, text="a reply", thread_ts=parent_ts)
        reply_ts = reply["ts"]
        self.assertGreater(float(reply_ts), float(parent_ts))
        thread = self.bot.conversations_replies(channel=self.general, ts=parent_ts)["messages"]
        self.assertEqual([m["ts"] for m in thread], [parent_ts, reply_ts])
        self.assertEqual(thread[0]["reply_count"], 1)
        self.assertEqual(thread[1]["thread_ts"], parent_ts)
        self.assertEqual(thread[1]["text"], "a reply")

        updated = self.bot.chat_update(channel=self.general, ts=parent_ts, text="edited")
        self.assertEqual(updated["ts"], parent_ts)
        history = self.bot.conversations_history(channel=self.general)["messages"]
        self.assertEqual([m["text"] for m in history if m["ts"] == parent_ts], ["edited"])

        self.bot.chat_delete(channel=self.general, ts=reply_ts)
        self.bot.chat_delete(channel=self.general, ts=parent_ts)
        history = self.bot.conversations_history(channel=self.general)["messages"]
        self.assertNotIn(parent_ts, [m["ts"] for m in history])

    def test_created_channel_is_listed_once_by_the_sdk_paginator(self):
        name = unique("sdk-py")
        created = self.bot.conversations_create(name=name)["channel"]
        self.assertEqual(created["name"], name)
        info = self.bot.conversations_info(channel=created["id"])["channel"]
        self.assertEqual((info["id"], info["name"]), (created["id"], name))

        pages, seen = 0, []
        for page in self.bot.conversations_list(limit=1):  # SlackResponse iterates over pages
            pages += 1
            self.assertLessEqual(len(page["channels"]), 1)
            seen.extend(channel["id"] for channel in page["channels"])

        everything = self.bot.conversations_list(limit=200)
        self.assertFalse(everything.get("response_metadata", {}).get("next_cursor"))
        self.assertGreater(pages, 1)
        self.assertEqual(len(seen), len(set(seen)), f"a channel was listed twice: {seen}")
        self.assertEqual(sorted(seen), sorted(channel["id"] for channel in everything["channels"]))
        self.assertIn(created["id"], seen)
        self.assertIn(self.general, seen)

    def test_reactions_add_then_get(self):
        bot_user = self.bot.auth_test()["user_id"]
        ts = self.bot.chat_postMessage(channel=self.general, text="react to me")["ts"]
        self.bot.reactions_add(channel=self.general, name="thumbsup", timestamp=ts)

        message = self.bot.reactions_get(channel=self.general, timestamp=ts)["message"]
        self.assertEqual(message["ts"], ts)
        reactions = {r["name"]: r for r in message["reactions"]}
        self.assertIn("thumbsup", reactions)
        self.assertIn(bot_user, reactions["thumbsup"]["users"])
        self.assertEqual(reactions["thumbsup"]["count"], 1)

    def test_files_upload_v2(self):
        content = b"Hello from slack_sdk!\n\x00\x01\xfe\xff binary tail\n"
        uploaded = self.bot.files_upload_v2(
            channel=self.general, content=content, filename="hello.txt", title="Hello"
        )
        file_id = uploaded["file"]["id"]
        self.assertEqual([f["id"] for f in uploaded["files"]], [file_id])

        file = self.bot.files_info(file=file_id)["file"]
        self.assertEqual((file["name"], file["title"], file["size"]), ("hello.txt", "Hello", len(content)))
        shares = file["shares"]
        self.assertIn(self.general, {**shares.get("public", {}), **shares.get("private", {})})
        self.assertEqual(download(file["url_private_download"], BOT_TOKEN), content)

        history = self.bot.conversations_history(channel=self.general)["messages"]
        shared_in = [m for m in history if file_id in [f["id"] for f in m.get("files", [])]]
        self.assertEqual(len(shared_in), 1, "one message in #general carries the file")

    def test_scripted_error_then_success(self):
        control("script", {"method": "chat.postMessage", "error": "channel_not_found"})
        with self.assertRaises(SlackApiError) as raised:
            self.bot.chat_postMessage(channel=self.general, text="refused")
        self.assertEqual(raised.exception.response["error"], "channel_not_found")
        self.assertFalse(raised.exception.response["ok"])

        self.assertTrue(self.bot.chat_postMessage(channel=self.general, text="accepted")["ok"])

    def test_rate_limited_call_is_retried_after_retry_after(self):
        control("script", {"method": "chat.postMessage", "rate_limited": 1})
        cursor = request_cursor()
        self.bot.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=1))

        started = time.monotonic()
        posted = self.bot.chat_postMessage(channel=self.general, text="after a wait")
        self.assertTrue(posted["ok"])
        self.assertGreaterEqual(time.monotonic() - started, 1.0, "waited for Retry-After")

        calls = requests_since(cursor, "chat.postMessage")
        self.assertEqual([c["status"] for c in calls], [429, 200], calls)
        self.assertIsNone(calls[1]["error"])

    def test_seed_method_with_the_user_token(self):
        user = user_client()
        ada = user.users_lookupByEmail(email="ada@example.com")["user"]
        self.assertEqual(ada["name"], "ada")
        self.assertEqual(user.auth_test()["user_id"], ada["id"])

        cursor = request_cursor()
        # slack_sdk has no wrapper for this deprecated method: the generic call sends it.
        answer = user.api_call(
            "apps.permissions.users.request",
            params={"scopes": "chat:write", "trigger_id": "123.456.abc", "user": ada["id"]},
        )
        self.assertTrue(answer["ok"])
        calls = requests_since(cursor, "apps.permissions.users.request")
        self.assertEqual(len(calls), 1, calls)
        call = calls[0]
        self.assertEqual(call["token_kind"], "user")
        self.assertEqual(call["arguments"]["user"], ada["id"])

    def test_oauth_v2_access_issues_a_token_once(self):
        code = unique("code-python")
        app = WebClient(base_url=API_URL)  # no token: the SDK sends client_id:client_secret as Basic auth
        granted = app.oauth_v2_access(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, code=code)
        token = granted["access_token"]
        self.assertTrue(token.startswith("xoxb-"), token)
        self.assertTrue(granted["team"]["id"])
        self.assertTrue(granted["bot_user_id"])

        identity = WebClient(token=token, base_url=API_URL).auth_test()
        self.assertEqual(identity["team_id"], granted["team"]["id"])
        self.assertEqual(identity["user_id"], granted["bot_user_id"])

        with self.assertRaises(SlackApiError) as raised:
            app.oauth_v2_access(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, code=code)
        self.assertEqual(raised.exception.response["error"], "invalid_code")


if __name__ == "__main__":
    unittest.main()
