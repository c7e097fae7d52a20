//! The workspace the fake holds: methods read and change it as Slack does, and every
//! answer they give decodes into the typed client's response with no field left untyped.

mod support;

use serde_json::{Value, json};
use support::Raw;
use typed_slack_fake::FakeSlack;
use typed_slack_fake::seed::{Channel, Message, Seed, User};
use typed_slack_runtime::MethodInfo;

const BOT: &str = FakeSlack::BOT_TOKEN;
const USER: &str = FakeSlack::USER_TOKEN;

async fn fake() -> FakeSlack {
    FakeSlack::builder().methods(typed_slack::catalog()).start().await.expect("a fake")
}

fn info(method: &str) -> MethodInfo {
    typed_slack::catalog().into_iter().find(|info| info.name == method).expect("a method of the spec")
}

/// Calls `method` with `token` and a form of `arguments` (text as it is, anything else
/// JSON-encoded), and checks the answer decodes into the method's typed response with
/// every leaf in a typed field.
async fn call(slack: &FakeSlack, token: &str, method: &str, arguments: Value) -> Value {
    call_keeping(slack, token, method, arguments, 0).await
}

/// Like [`call`], for an answer that holds `kept` leaves of an app's own JSON (a
/// message's metadata payload), which no type can hold.
async fn call_keeping(slack: &FakeSlack, token: &str, method: &str, arguments: Value, kept: u64) -> Value {
    let mut form = form_urlencoded::Serializer::new(String::new());
    for (name, value) in arguments.as_object().expect("arguments are an object") {
        match value {
            Value::String(text) => form.append_pair(name, text),
            other => form.append_pair(name, &other.to_string()),
        };
    }
    let answer = Raw::post(slack, method).bearer(token).form(&form.finish()).send().await;
    let body = String::from_utf8(answer.body.clone()).expect("UTF-8");
    let json = answer.json();
    if json["ok"] == true {
        let info = info(method);
        (info.check_response)(&body).unwrap_or_else(|error| panic!("{method}: {error}\n{body}"));
        let coverage = (info.coverage)(&body).expect("decodes");
        assert_eq!(coverage.kept, kept, "{method}: {} leaves kept untyped\n{body}", coverage.kept);
    }
    json
}

/// Like [`call`], and the answer is a success.
async fn ok(slack: &FakeSlack, token: &str, method: &str, arguments: Value) -> Value {
    let answer = call(slack, token, method, arguments).await;
    assert_eq!(answer["ok"], true, "{method}: {answer}");
    answer
}

/// Like [`call`], and the answer is an error the method's spec lists.
async fn error(slack: &FakeSlack, token: &str, method: &str, arguments: Value) -> String {
    let answer = call(slack, token, method, arguments).await;
    assert_eq!(answer["ok"], false, "{method}: {answer}");
    let code = answer["error"].as_str().expect("an error code").to_owned();
    assert!(info(method).documents_error(&code), "{method} answered {code}, which its spec does not list");
    code
}

fn texts(messages: &Value) -> Vec<&str> {
    messages.as_array().expect("messages").iter().map(|message| message["text"].as_str().unwrap_or_default()).collect()
}

#[tokio::test]
async fn posts_are_read_back_in_history_and_threads_then_changed_and_deleted() {
    let slack = fake().await;
    let general = "C0000000001";
    let first = ok(&slack, BOT, "chat.postMessage", json!({"channel": general, "text": "first"})).await;
    let second = ok(&slack, BOT, "chat.postMessage", json!({"channel": "#general", "text": "second"})).await;
    assert_eq!(second["channel"], general);
    let (first_ts, second_ts) = (first["ts"].as_str().unwrap(), second["ts"].as_str().unwrap());
    assert!(second_ts > first_ts, "{first_ts} then {second_ts}");
    assert_eq!(first["message"]["bot_id"], "B0000000001");
    assert_eq!(first["message"]["user"], "U0000000003");

    let history = ok(&slack, BOT, "conversations.history", json!({"channel": general})).await;
    assert_eq!(texts(&history["messages"]), ["second", "first", "Welcome to Fake Slack!"]);
    assert_eq!(history["has_more"], false);

    let reply =
        ok(&slack, USER, "chat.postMessage", json!({"channel": general, "text": "a reply", "thread_ts": first_ts}))
            .await;
    assert_eq!(reply["message"]["thread_ts"], first_ts);
    let thread = ok(&slack, BOT, "conversations.replies", json!({"channel": general, "ts": first_ts})).await;
    assert_eq!(texts(&thread["messages"]), ["first", "a reply"]);
    assert_eq!(thread["messages"][0]["reply_count"], 1);
    assert_eq!(thread["messages"][0]["reply_users"], json!(["U0000000001"]));
    // The reply stays out of the channel's history; its parent counts it.
    let history = ok(&slack, BOT, "conversations.history", json!({"channel": general, "limit": 1})).await;
    assert_eq!(texts(&history["messages"]), ["second"]);
    assert_eq!(history["has_more"], true);

    let updated =
        ok(&slack, BOT, "chat.update", json!({"channel": general, "ts": first_ts, "text": "first, edited"})).await;
    assert_eq!(updated["text"], "first, edited");
    assert!(updated["message"]["edited"]["ts"].is_string());
    assert_eq!(
        error(&slack, USER, "chat.update", json!({"channel": general, "ts": first_ts, "text": "x"})).await,
        "cant_update_message"
    );
    ok(&slack, BOT, "chat.delete", json!({"channel": general, "ts": second_ts})).await;
    assert_eq!(
        error(&slack, BOT, "chat.delete", json!({"channel": general, "ts": second_ts})).await,
        "message_not_found"
    );
    let history = ok(&slack, BOT, "conversations.history", json!({"channel": general})).await;
    assert_eq!(texts(&history["messages"]), ["first, edited", "Welcome to Fake Slack!"]);

    let link = ok(&slack, BOT, "chat.getPermalink", json!({"channel": general, "message_ts": first_ts})).await;
    assert_eq!(
        link["permalink"],
        format!("https://fake-slack.slack.com/archives/{general}/p{}", first_ts.replace('.', ""))
    );
    let ephemeral =
        ok(&slack, BOT, "chat.postEphemeral", json!({"channel": general, "user": "U0000000002", "text": "psst"})).await;
    assert!(ephemeral["message_ts"].is_string());
    assert_eq!(
        texts(&ok(&slack, BOT, "conversations.history", json!({"channel": general})).await["messages"]).len(),
        2
    );

    assert_eq!(
        error(&slack, BOT, "chat.postMessage", json!({"channel": "C404", "text": "x"})).await,
        "channel_not_found"
    );
    assert_eq!(error(&slack, BOT, "chat.postMessage", json!({"channel": general})).await, "no_text");
    // A private channel the bot is not in is invisible to it.
    assert_eq!(
        error(&slack, BOT, "conversations.history", json!({"channel": "C0000000003"})).await,
        "channel_not_found"
    );
}

#[tokio::test]
async fn a_deleted_parent_stays_as_a_tombstone_and_odd_input_is_answered_not_crashed_on() {
    let slack = fake().await;
    let general = "C0000000001";
    let parent = ok(&slack, BOT, "chat.postMessage", json!({"channel": general, "text": "parent"})).await;
    let ts = parent["ts"].as_str().expect("a ts").to_owned();
    ok(&slack, USER, "chat.postMessage", json!({"channel": general, "text": "reply", "thread_ts": ts})).await;
    ok(&slack, BOT, "chat.delete", json!({"channel": general, "ts": ts})).await;
    let thread = ok(&slack, BOT, "conversations.replies", json!({"channel": general, "ts": ts})).await;
    assert_eq!(texts(&thread["messages"]), ["This message was deleted.", "reply"]);
    assert_eq!(thread["messages"][0]["subtype"], "tombstone");
    // What the methods left is a seed that checks.
    assert_eq!(slack.state().check(), Ok(()));

    // Numbers too large for a timestamp are no timestamps.
    let huge = json!({"channel": general, "oldest": "99999999999999999999.000000"});
    ok(&slack, BOT, "conversations.history", huge).await;
    // A user listed twice, or oneself, opens one conversation again and again.
    let twice = ok(&slack, BOT, "conversations.open", json!({"users": "U0000000002,U0000000002"})).await;
    let again = ok(&slack, BOT, "conversations.open", json!({"users": "U0000000002"})).await;
    assert_eq!(twice["channel"]["id"], again["channel"]["id"]);
    let own = ok(&slack, USER, "conversations.open", json!({"users": "U0000000001"})).await;
    let own_again = ok(&slack, USER, "conversations.open", json!({"users": "U0000000001"})).await;
    assert_eq!(own["channel"]["id"], own_again["channel"]["id"]);
}

#[tokio::test]
async fn private_conversations_and_their_files_stay_with_their_members() {
    let slack = fake().await;
    // ada's private channel, seen through grace's eyes: the bot token is not in it.
    let theirs =
        ok(&slack, BOT, "users.conversations", json!({"user": "U0000000001", "types": "private_channel"})).await;
    assert_eq!(theirs["channels"], json!([]));
    let mine = ok(&slack, USER, "users.conversations", json!({"types": "private_channel"})).await;
    assert_eq!(mine["channels"][0]["name"], "secret-plans");
}

#[tokio::test]
async fn a_streamed_reply_grows_until_it_is_stopped() {
    let slack = fake().await;
    let general = "C0000000001";
    let started = ok(&slack, BOT, "chat.startStream", json!({"channel": general, "markdown_text": "Thinking"})).await;
    let ts = started["ts"].as_str().expect("a ts").to_owned();
    ok(&slack, BOT, "chat.appendStream", json!({"channel": general, "ts": ts, "markdown_text": "..."})).await;
    let history = ok(&slack, BOT, "conversations.history", json!({"channel": general, "limit": 1})).await;
    assert_eq!(texts(&history["messages"]), ["Thinking..."]);
    // Only to the app's own messages.
    let other = json!({"channel": general, "ts": "1700000000.000100", "markdown_text": "x"});
    assert_eq!(error(&slack, BOT, "chat.appendStream", other).await, "message_not_owned_by_app");

    let blocks = json!([{"type": "divider"}]);
    let stop = json!({"channel": general, "ts": ts, "markdown_text": " done.", "blocks": blocks});
    let stopped = ok(&slack, BOT, "chat.stopStream", stop).await;
    assert_eq!((&stopped["message"]["text"], &stopped["message"]["blocks"]), (&json!("Thinking... done."), &blocks));
    let late = json!({"channel": general, "ts": ts, "markdown_text": "x"});
    assert_eq!(error(&slack, BOT, "chat.appendStream", late).await, "message_not_in_streaming_state");
}

#[tokio::test]
async fn blocks_and_metadata_are_kept_as_sent() {
    let slack = fake().await;
    let blocks = json!([{"type": "section", "text": {"type": "mrkdwn", "text": "*hi*"}}]);
    let metadata = json!({"event_type": "task_created", "event_payload": {"id": "1"}});
    let arguments = json!({"channel": "C0000000002", "blocks": blocks, "metadata": metadata});
    // The payload's one leaf is the app's own.
    let posted = call_keeping(&slack, BOT, "chat.postMessage", arguments, 1).await;
    assert_eq!(posted["message"]["blocks"], blocks);
    assert_eq!(posted["message"]["metadata"], metadata);
    let posted = call(&slack, BOT, "chat.postMessage", json!({"channel": "C0000000002", "blocks": "[not json"})).await;
    assert_eq!(posted["error"], "invalid_blocks_format");
}

#[tokio::test]
async fn conversations_are_created_listed_and_paged_with_cursors() {
    let slack = fake().await;
    let created = ok(&slack, USER, "conversations.create", json!({"name": "launch-plans"})).await;
    let id = created["channel"]["id"].as_str().unwrap().to_owned();
    assert_eq!(created["channel"]["is_member"], true);
    assert_eq!(error(&slack, USER, "conversations.create", json!({"name": "launch-plans"})).await, "name_taken");
    assert_eq!(
        error(&slack, USER, "conversations.create", json!({"name": "Launch Plans"})).await,
        "invalid_name_specials"
    );
    let info = ok(&slack, BOT, "conversations.info", json!({"channel": id})).await;
    assert_eq!(info["channel"]["name"], "launch-plans");
    assert_eq!(info["channel"]["is_member"], false);

    let mut seen = Vec::new();
    let mut cursor = String::new();
    let mut pages = 0;
    loop {
        let page = ok(&slack, BOT, "conversations.list", json!({"limit": "1", "cursor": cursor})).await;
        pages += 1;
        let channels = page["channels"].as_array().unwrap();
        assert!(channels.len() <= 1);
        seen.extend(channels.iter().map(|channel| channel["name"].as_str().unwrap().to_owned()));
        cursor = page["response_metadata"]["next_cursor"].as_str().unwrap().to_owned();
        if cursor.is_empty() {
            break;
        }
    }
    assert_eq!(seen, ["general", "random", "launch-plans"]);
    assert_eq!(pages, 3);
    let all = ok(&slack, USER, "conversations.list", json!({"types": "public_channel,private_channel,im"})).await;
    assert_eq!(all["channels"].as_array().unwrap().len(), 5, "{all}");
    assert_eq!(error(&slack, BOT, "conversations.list", json!({"cursor": "bm9wZQ=="})).await, "invalid_cursor");
    assert_eq!(error(&slack, BOT, "conversations.list", json!({"limit": "many"})).await, "invalid_limit");
    // Where the spec lists no such code, the fake answers one it lists.
    assert_eq!(error(&slack, BOT, "users.list", json!({"limit": "many"})).await, "invalid_arguments");
    let thread = json!({"channel": "C0000000002", "ts": "1700000000.000100"});
    let _ = error(&slack, BOT, "conversations.replies", thread).await;

    ok(&slack, BOT, "conversations.join", json!({"channel": id})).await;
    let members = ok(&slack, BOT, "conversations.members", json!({"channel": id})).await;
    assert_eq!(members["members"], json!(["U0000000001", "U0000000003"]));
    ok(&slack, USER, "conversations.invite", json!({"channel": id, "users": "U0000000002"})).await;
    ok(&slack, USER, "conversations.setTopic", json!({"channel": id, "topic": "Ship it"})).await;
    ok(&slack, USER, "conversations.rename", json!({"channel": id, "name": "launch"})).await;
    ok(&slack, USER, "conversations.kick", json!({"channel": id, "user": "U0000000002"})).await;
    ok(&slack, BOT, "conversations.leave", json!({"channel": id})).await;
    ok(&slack, USER, "conversations.archive", json!({"channel": id})).await;
    assert_eq!(error(&slack, BOT, "chat.postMessage", json!({"channel": id, "text": "x"})).await, "is_archived");
    let info = ok(&slack, USER, "conversations.info", json!({"channel": id})).await;
    assert_eq!(
        (&info["channel"]["name"], &info["channel"]["topic"]["value"], &info["channel"]["is_archived"]),
        (&json!("launch"), &json!("Ship it"), &json!(true))
    );
    ok(&slack, USER, "conversations.unarchive", json!({"channel": id})).await;
    ok(&slack, USER, "conversations.setPurpose", json!({"channel": id, "purpose": "Launches"})).await;

    let opened = ok(&slack, BOT, "conversations.open", json!({"users": "U0000000002"})).await;
    let again = ok(&slack, BOT, "conversations.open", json!({"users": "U0000000002", "return_im": true})).await;
    assert_eq!(opened["channel"]["id"], again["channel"]["id"]);
    assert_eq!(again["channel"]["user"], "U0000000002");
    let mine = ok(&slack, USER, "users.conversations", json!({"types": "public_channel,private_channel"})).await;
    assert_eq!(mine["channels"].as_array().unwrap().len(), 4, "{mine}");
}

#[tokio::test]
async fn reactions_pins_bookmarks_groups_and_reminders_change_the_workspace() {
    let slack = fake().await;
    let (general, welcome) = ("C0000000001", "1700000000.000100");
    ok(&slack, BOT, "reactions.add", json!({"channel": general, "timestamp": welcome, "name": "tada"})).await;
    assert_eq!(
        error(&slack, BOT, "reactions.add", json!({"channel": general, "timestamp": welcome, "name": "tada"})).await,
        "already_reacted"
    );
    let got = ok(&slack, BOT, "reactions.get", json!({"channel": general, "timestamp": welcome})).await;
    let reactions = &got["message"]["reactions"];
    assert_eq!(
        reactions,
        &json!([{"name": "wave", "users": ["U0000000002"], "count": 1}, {"name": "tada", "users": ["U0000000003"], "count": 1}])
    );
    ok(&slack, BOT, "reactions.remove", json!({"channel": general, "timestamp": welcome, "name": "tada"})).await;
    assert_eq!(
        error(&slack, BOT, "reactions.remove", json!({"channel": general, "timestamp": welcome, "name": "tada"})).await,
        "no_reaction"
    );

    assert_eq!(
        error(&slack, BOT, "pins.add", json!({"channel": general, "timestamp": welcome})).await,
        "already_pinned"
    );
    let pins = ok(&slack, BOT, "pins.list", json!({"channel": general})).await;
    assert_eq!(pins["items"][0]["message"]["ts"], welcome);
    ok(&slack, BOT, "pins.remove", json!({"channel": general, "timestamp": welcome})).await;
    assert_eq!(error(&slack, BOT, "pins.remove", json!({"channel": general, "timestamp": welcome})).await, "no_pin");

    let added = ok(
        &slack,
        USER,
        "bookmarks.add",
        json!({"channel_id": general, "title": "Docs", "type": "link", "link": "https://example.com"}),
    )
    .await;
    let listed = ok(&slack, USER, "bookmarks.list", json!({"channel_id": general})).await;
    assert_eq!(listed["bookmarks"].as_array().unwrap().len(), 2);
    ok(&slack, USER, "bookmarks.remove", json!({"channel_id": general, "bookmark_id": added["bookmark"]["id"]})).await;

    let group = ok(&slack, USER, "usergroups.create", json!({"name": "Reviewers"})).await;
    let group_id = group["usergroup"]["id"].as_str().unwrap().to_owned();
    ok(&slack, USER, "usergroups.users.update", json!({"usergroup": group_id, "users": "U0000000001,U0000000002"}))
        .await;
    let users = ok(&slack, USER, "usergroups.users.list", json!({"usergroup": group_id})).await;
    assert_eq!(users["users"], json!(["U0000000001", "U0000000002"]));
    let groups = ok(&slack, USER, "usergroups.list", json!({"include_users": true})).await;
    assert_eq!(groups["usergroups"].as_array().unwrap().len(), 2);

    let reminder = ok(&slack, USER, "reminders.add", json!({"text": "Stand up", "time": "600"})).await;
    let reminder_id = reminder["reminder"]["id"].as_str().unwrap().to_owned();
    ok(&slack, USER, "reminders.complete", json!({"reminder": reminder_id})).await;
    let info = ok(&slack, USER, "reminders.info", json!({"reminder": reminder_id})).await;
    assert_ne!(info["reminder"]["complete_ts"], 0);
    assert_eq!(ok(&slack, USER, "reminders.list", json!({})).await["reminders"].as_array().unwrap().len(), 2);
    ok(&slack, USER, "reminders.delete", json!({"reminder": reminder_id})).await;
    assert_eq!(error(&slack, USER, "reminders.info", json!({"reminder": reminder_id})).await, "not_found");
}

#[tokio::test]
async fn who_is_who_users_the_team_and_the_bot() {
    let slack = fake().await;
    let bot = ok(&slack, BOT, "auth.test", json!({})).await;
    assert_eq!(
        (&bot["user_id"], &bot["bot_id"], &bot["team_id"]),
        (&json!("U0000000003"), &json!("B0000000001"), &json!("T0000000001"))
    );
    let user = ok(&slack, USER, "auth.test", json!({})).await;
    assert_eq!(user["user_id"], "U0000000001");
    assert!(user.get("bot_id").is_none());
    assert_eq!(ok(&slack, BOT, "team.info", json!({})).await["team"]["domain"], "fake-slack");
    assert_eq!(ok(&slack, BOT, "bots.info", json!({"bot": "B0000000001"})).await["bot"]["user_id"], "U0000000003");
    let ada = ok(&slack, BOT, "users.lookupByEmail", json!({"email": "ADA@example.com"})).await;
    assert_eq!(ada["user"]["id"], "U0000000001");
    assert_eq!(
        error(&slack, BOT, "users.lookupByEmail", json!({"email": "nobody@example.com"})).await,
        "users_not_found"
    );
    assert_eq!(
        ok(&slack, BOT, "users.info", json!({"user": "U0000000002"})).await["user"]["real_name"],
        "Grace Hopper"
    );
    assert_eq!(error(&slack, BOT, "users.info", json!({"user": "U404"})).await, "user_not_found");
    assert_eq!(ok(&slack, USER, "users.profile.get", json!({})).await["profile"]["email"], "ada@example.com");
    let first = ok(&slack, BOT, "users.list", json!({"limit": 2})).await;
    let rest = ok(&slack, BOT, "users.list", json!({"cursor": first["response_metadata"]["next_cursor"]})).await;
    let ids: Vec<&Value> = first["members"]
        .as_array()
        .unwrap()
        .iter()
        .chain(rest["members"].as_array().unwrap())
        .map(|user| &user["id"])
        .collect();
    assert_eq!(ids, [&json!("U0000000001"), &json!("U0000000002"), &json!("U0000000003")]);
}

#[tokio::test]
async fn a_seed_from_rust_or_json_is_the_workspace_and_reset_goes_back_to_it() {
    let seed = Seed::empty()
        .user(User::new("U0000000009", "linus"))
        .channel(Channel::public("C0000000009", "kernel").members(["U0000000009", "U0000000003"]))
        .message(Message::new("C0000000009", "1700000000.000100", "U0000000009", "hello"));
    let slack = FakeSlack::builder().methods(typed_slack::catalog()).seed(seed.clone()).start().await.unwrap();
    let history = ok(&slack, BOT, "conversations.history", json!({"channel": "C0000000009"})).await;
    assert_eq!(texts(&history["messages"]), ["hello"]);
    ok(&slack, BOT, "chat.postMessage", json!({"channel": "C0000000009", "text": "hi"})).await;
    assert_eq!(slack.state().messages.len(), 2);
    slack.reset();
    assert_eq!(slack.state(), seed);

    let json = serde_json::to_string(&seed).unwrap();
    assert_eq!(Seed::from_json(&json).unwrap(), seed);
    let broken = r#"{"channels": [{"id": "C1", "members": ["U404"]}], "messages": [{"channel": "C2", "ts": "1", "user": "U0000000001"}]}"#;
    let problems = Seed::from_json(broken).unwrap_err().to_string();
    assert_eq!(
        problems.lines().collect::<Vec<_>>(),
        [
            "channel \"C1\" names the user \"U404\", which is not among `users`",
            "message \"1\" is in the channel \"C2\", which is not among `channels`",
            "message \"1\": a ts is Unix seconds, a dot and 6 digits",
        ]
    );
    // A seed from Rust is checked as well, when the fake starts and when it is reseeded.
    let dangling = Seed::empty().channel(Channel::public("C1", "x").members(["U404"]));
    let refused = FakeSlack::builder().seed(dangling.clone()).start().await.unwrap_err();
    assert_eq!(refused.kind(), std::io::ErrorKind::InvalidInput);
    assert!(refused.to_string().contains("\"U404\""), "{refused}");
    assert!(slack.seed(dangling).is_err());
    assert_eq!(slack.state(), seed);

    let typo = Seed::from_json(r#"{"chanels": []}"#).unwrap_err().to_string();
    assert!(typo.starts_with("not a seed: unknown field `chanels`") && typo.contains("line 1 column"), "{typo}");
}

#[tokio::test]
async fn every_played_method_is_called_by_these_tests() {
    // The scenarios above call each played method at least once, so that each answer
    // is checked against the typed client; this test fails when one is added untested.
    let source = include_str!("workspace.rs");
    let untested: Vec<&str> = typed_slack_fake::played_methods()
        .filter(|name| !name.starts_with("files.") && !source.contains(&format!("\"{name}\"")))
        .collect();
    assert!(untested.is_empty(), "played but not tested here: {untested:?}");
    let files = include_str!("files.rs");
    let untested: Vec<&str> = typed_slack_fake::played_methods()
        .filter(|name| name.starts_with("files.") && !files.contains(&format!("\"{name}\"")))
        .collect();
    assert!(untested.is_empty(), "played but not tested in files.rs: {untested:?}");
}
