// Drives the fake Slack (`typed-slack-fake`) with Slack's official Node SDK, @slack/web-api.
//
// The fake must already be serving: SLACK_FAKE_URL is its Web API base URL
// (`http://127.0.0.1:PORT/api/`), as `fake/sdk-tests/run.sh BINARY` sets it. Every test
// starts from the seed workspace (`POST /_fake/reset`) and finds IDs through the API.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, test } from 'node:test';

import { ErrorCode, LogLevel, WebClient, WebClientEvent } from '@slack/web-api';

const API_URL = process.env.SLACK_FAKE_URL;
if (!API_URL) {
  throw new Error('SLACK_FAKE_URL is not set: run fake/sdk-tests/run.sh BINARY');
}
const BOT_TOKEN = 'xoxb-0000000000-fake-slack-bot-token';
const USER_TOKEN = 'xoxp-0000000000-fake-slack-user-token';
const CLIENT_ID = '0000000000.0000000000000';
const CLIENT_SECRET = 'fake-slack-client-secret';

// ---------------------------------------------------------------------------
// helpers

/** Calls the fake's control API (`/_fake/PATH`): GET without a body, else POST JSON. */
async function control(path, body) {
  const url = new URL(`/_fake/${path}`, API_URL);
  const init =
    body === undefined
      ? { method: 'GET' }
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(url, init);
  const text = await response.text();
  assert.equal(response.status, 200, `${init.method} ${url}: HTTP ${response.status}: ${text}`);
  const answer = JSON.parse(text);
  assert.equal(answer.ok, true, `${init.method} ${url} answered ${text}`);
  return answer;
}

const reset = () => control('reset', {});

/** The `since` value that reads only the requests made from now on. */
const requestCursor = async () => (await control('requests?since=0')).next;

async function requestsSince(cursor, method) {
  const { requests } = await control(`requests?since=${cursor}`);
  return requests.filter((r) => method === undefined || r.method === method);
}

async function download(url, token) {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `GET ${url}: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** A client of the fake; no retries unless a test asks, so a failure shows at once. */
const client = (token, options = {}) =>
  new WebClient(token, { slackApiUrl: API_URL, logLevel: LogLevel.WARN, retryConfig: { retries: 0 }, ...options });

/** The ID of the channel `name` (public or private), found through conversations.list. */
async function channelId(web, name) {
  for await (const page of web.paginate('conversations.list', { types: 'public_channel,private_channel', limit: 200 })) {
    const found = page.channels.find((channel) => channel.name === name);
    if (found) return found.id;
  }
  assert.fail(`no channel #${name} in conversations.list`);
}

/** The ID of the user whose handle is `name`, found through users.list. */
async function userId(web, name) {
  for await (const page of web.paginate('users.list', { limit: 200 })) {
    const found = page.members.find((member) => member.name === name);
    if (found) return found.id;
  }
  assert.fail(`no user ${name} in users.list`);
}

const unique = (prefix) => `${prefix}-${randomUUID().slice(0, 10)}`;

/** An assert.rejects matcher for a Slack `{"ok":false,"error":CODE}` answer. */
const platformError = (code) => (error) => {
  assert.equal(error.code, ErrorCode.PlatformError, String(error));
  assert.equal(error.data.error, code);
  return true;
};

// ---------------------------------------------------------------------------
// the suite

describe('fake Slack with @slack/web-api', () => {
  let bot;
  let general;

  beforeEach(async () => {
    await reset();
    bot = client(BOT_TOKEN);
    general = await channelId(bot, 'general');
  });

  test('auth.test with the bot token', async () => {
    const answer = await bot.auth.test();
    assert.equal(answer.user_id, await userId(bot, 'fakebot'));
    assert.ok(answer.team_id);
    assert.ok(answer.bot_id);
  });

  test('messages, threads, updates and deletes', async () => {
    const text = unique('hello from @slack/web-api');
    const posted = await bot.chat.postMessage({ channel: general, text });
    assert.equal(posted.channel, general);
    assert.equal(posted.message.text, text);
    const parentTs = posted.ts;

    const [newest] = (await bot.conversations.history({ channel: general })).messages;
    assert.deepEqual([newest.ts, newest.text], [parentTs, text]);

    const replyTs = (await bot.chat.postMessage({ channel: general, text: 'a reply', thread_ts: parentTs })).ts;
    assert.ok(Number(replyTs) > Number(parentTs), `${replyTs} after ${parentTs}`);
    const thread = (await bot.conversations.replies({ channel: general, ts: parentTs })).messages;
    assert.deepEqual(
      thread.map((m) => m.ts),
      [parentTs, replyTs],
    );
    assert.equal(thread[0].reply_count, 1);
    assert.equal(thread[1].thread_ts, parentTs);
    assert.equal(thread[1].text, 'a reply');

    const updated = await bot.chat.update({ channel: general, ts: parentTs, text: 'edited' });
    assert.equal(updated.ts, parentTs);
    let history = (await bot.conversations.history({ channel: general })).messages;
    assert.deepEqual(
      history.filter((m) => m.ts === parentTs).map((m) => m.text),
      ['edited'],
    );

    await bot.chat.delete({ channel: general, ts: replyTs });
    await bot.chat.delete({ channel: general, ts: parentTs });
    history = (await bot.conversations.history({ channel: general })).messages;
    assert.ok(!history.some((m) => m.ts === parentTs), 'the deleted message is gone from history');
  });

  test('a created channel is listed once by the SDK paginator', async () => {
    const name = unique('sdk-node');
    const created = (await bot.conversations.create({ name })).channel;
    assert.equal(created.name, name);
    const info = (await bot.conversations.info({ channel: created.id })).channel;
    assert.deepEqual([info.id, info.name], [created.id, name]);

    let pages = 0;
    const seen = [];
    for await (const page of bot.paginate('conversations.list', { limit: 1 })) {
      pages += 1;
      assert.ok(page.channels.length <= 1, `page ${pages} has ${page.channels.length} channels`);
      seen.push(...page.channels.map((channel) => channel.id));
    }

    const everything = await bot.conversations.list({ limit: 200 });
    assert.ok(!everything.response_metadata?.next_cursor, 'one page of 200 holds every channel');
    assert.ok(pages > 1, `${pages} page(s)`);
    assert.equal(new Set(seen).size, seen.length, `a channel was listed twice: ${seen}`);
    assert.deepEqual([...seen].sort(), everything.channels.map((channel) => channel.id).sort());
    assert.ok(seen.includes(created.id));
    assert.ok(seen.includes(general));
  });

  test('reactions.add then reactions.get', async () => {
    const botUser = (await bot.auth.test()).user_id;
    const { ts } = await bot.chat.postMessage({ channel: general, text: 'react to me' });
    await bot.reactions.add({ channel: general, name: 'thumbsup', timestamp: ts });

    const { message } = await bot.reactions.get({ channel: general, timestamp: ts });
    assert.equal(message.ts, ts);
    const thumbsup = message.reactions.find((r) => r.name === 'thumbsup');
    assert.ok(thumbsup, JSON.stringify(message.reactions));
    assert.ok(thumbsup.users.includes(botUser));
    assert.equal(thumbsup.count, 1);
  });

  test('filesUploadV2', async () => {
    const content = Buffer.from('Hello from @slack/web-api!\n\x00\x01\xfe\xff binary tail\n', 'latin1');
    const uploaded = await bot.filesUploadV2({ channel_id: general, file: content, filename: 'hello.txt', title: 'Hello' });
    // One files.completeUploadExternal answer per group of files, each with its `files`.
    assert.equal(uploaded.files.length, 1);
    const [completed] = uploaded.files;
    assert.equal(completed.files.length, 1);
    const fileId = completed.files[0].id;

    const { file } = await bot.files.info({ file: fileId });
    assert.deepEqual([file.name, file.title, file.size], ['hello.txt', 'Hello', content.length]);
    const shares = { ...file.shares?.public, ...file.shares?.private };
    assert.ok(general in shares, `shared in #general: ${JSON.stringify(file.shares)}`);
    assert.deepEqual(await download(file.url_private_download, BOT_TOKEN), content);

    const history = (await bot.conversations.history({ channel: general })).messages;
    const sharedIn = history.filter((m) => (m.files ?? []).some((f) => f.id === fileId));
    assert.equal(sharedIn.length, 1, 'one message in #general carries the file');
  });

  test('a scripted error, then success', async () => {
    await control('script', { method: 'chat.postMessage', error: 'channel_not_found' });
    await assert.rejects(bot.chat.postMessage({ channel: general, text: 'refused' }), platformError('channel_not_found'));

    assert.equal((await bot.chat.postMessage({ channel: general, text: 'accepted' })).ok, true);
  });

  test('a rate-limited call is retried after Retry-After', async () => {
    await control('script', { method: 'chat.postMessage', rate_limited: 1 });
    const cursor = await requestCursor();
    const patient = client(BOT_TOKEN, { retryConfig: { retries: 1 } });
    const waits = [];
    patient.on(WebClientEvent.RATE_LIMITED, (seconds) => waits.push(seconds));

    const started = Date.now();
    const posted = await patient.chat.postMessage({ channel: general, text: 'after a wait' });
    assert.equal(posted.ok, true);
    assert.deepEqual(waits, [1]);
    assert.ok(Date.now() - started >= 1000, 'waited for Retry-After');

    const calls = await requestsSince(cursor, 'chat.postMessage');
    assert.deepEqual(
      calls.map((c) => c.status),
      [429, 200],
      JSON.stringify(calls),
    );
    assert.equal(calls[1].error, null);
  });

  test('the seed method with the user token', async () => {
    const user = client(USER_TOKEN);
    const ada = (await user.users.lookupByEmail({ email: 'ada@example.com' })).user;
    assert.equal(ada.name, 'ada');
    assert.equal((await user.auth.test()).user_id, ada.id);

    const cursor = await requestCursor();
    // @slack/web-api has no binding for this deprecated method: the generic call sends it.
    const answer = await user.apiCall('apps.permissions.users.request', {
      scopes: 'chat:write',
      trigger_id: '123.456.abc',
      user: ada.id,
    });
    assert.equal(answer.ok, true);
    const calls = await requestsSince(cursor, 'apps.permissions.users.request');
    assert.equal(calls.length, 1, JSON.stringify(calls));
    assert.equal(calls[0].token_kind, 'user');
    assert.equal(calls[0].arguments.user, ada.id);
  });

  test('oauth.v2.access issues a token once', async () => {
    const code = unique('code-node');
    const app = client(undefined); // no token: the SDK sends client_id and client_secret as arguments
    const granted = await app.oauth.v2.access({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code });
    assert.ok(granted.access_token.startsWith('xoxb-'), granted.access_token);
    assert.ok(granted.team.id);
    assert.ok(granted.bot_user_id);

    const identity = await client(granted.access_token).auth.test();
    assert.equal(identity.team_id, granted.team.id);
    assert.equal(identity.user_id, granted.bot_user_id);

    await assert.rejects(
      app.oauth.v2.access({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code }),
      platformError('invalid_code'),
    );
  });
});
