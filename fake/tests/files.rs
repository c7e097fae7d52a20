//! The external upload flow, as both official SDKs run it: an upload URL on the fake,
//! the bytes posted there (raw, as Python's, or multipart, as Node's), the upload
//! completed into a channel; then the file is read, downloaded and deleted.

mod support;

use serde_json::{Value, json};
use support::Raw;
use typed_slack_fake::FakeSlack;
use typed_slack_runtime::http;
use typed_slack_runtime::{ReqwestTransport, Transport};

const BOT: &str = FakeSlack::BOT_TOKEN;

async fn call(slack: &FakeSlack, method: &str, arguments: &[(&str, &str)]) -> Value {
    let form = form_urlencoded::Serializer::new(String::new()).extend_pairs(arguments).finish();
    let answer = Raw::post(slack, method).bearer(BOT).form(&form).send().await;
    let body = String::from_utf8(answer.body.clone()).expect("UTF-8");
    let json = answer.json();
    if json["ok"] == true {
        let info = typed_slack::catalog().into_iter().find(|info| info.name == method).expect("a method of the spec");
        let coverage = (info.coverage)(&body).expect("decodes");
        assert_eq!(coverage.kept, 0, "{method}: {body}");
    }
    json
}

/// Sends `body` to `url` (a full URL on the fake), as an SDK does.
async fn send(method: &str, url: &str, headers: &[(&str, &str)], body: Vec<u8>) -> (u16, Vec<u8>) {
    let mut request = http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = ReqwestTransport::new().send(request.body(body).expect("a request")).await.expect("an answer");
    (response.status().as_u16(), response.into_body())
}

async fn upload_url(slack: &FakeSlack, name: &str, length: usize) -> (String, String) {
    let answer =
        call(slack, "files.getUploadURLExternal", &[("filename", name), ("length", &length.to_string())]).await;
    assert_eq!(answer["ok"], true, "{answer}");
    let text = |name: &str| answer[name].as_str().expect("a text").to_owned();
    (text("upload_url"), text("file_id"))
}

#[tokio::test]
async fn an_upload_is_shared_read_downloaded_and_deleted() {
    let slack = FakeSlack::builder().methods(typed_slack::catalog()).start().await.unwrap();
    let content = b"hello, fake Slack\n".to_vec();
    let (url, id) = upload_url(&slack, "hello.txt", content.len()).await;
    assert!(url.starts_with(&format!("http://{}/upload/v1/", slack.address())), "{url}");

    // As Python's SDK posts it: the raw bytes.
    let (status, answer) =
        send("POST", &url, &[("content-type", "application/x-www-form-urlencoded")], content.clone()).await;
    assert_eq!((status, String::from_utf8(answer).unwrap()), (200, format!("OK - {}", content.len())));

    let files = json!([{"id": id, "title": "Hello"}]).to_string();
    let done = call(
        &slack,
        "files.completeUploadExternal",
        &[("files", &files), ("channel_id", "C0000000002"), ("initial_comment", "here it is")],
    )
    .await;
    assert_eq!(done["files"][0]["title"], "Hello", "{done}");
    assert_eq!(done["files"][0]["size"], content.len());

    let info = call(&slack, "files.info", &[("file", &id)]).await;
    let file = &info["file"];
    assert_eq!(
        (&file["name"], &file["title"], &file["mimetype"]),
        (&json!("hello.txt"), &json!("Hello"), &json!("text/plain"))
    );
    let share = &file["shares"]["public"]["C0000000002"][0];
    assert_eq!(file["channels"], json!(["C0000000002"]));

    let history = call(&slack, "conversations.history", &[("channel", "C0000000002")]).await;
    let message = &history["messages"][0];
    assert_eq!(
        (&message["text"], &message["files"][0]["id"], &message["ts"]),
        (&json!("here it is"), &json!(id), &share["ts"])
    );

    let download = file["url_private_download"].as_str().unwrap();
    let (status, bytes) = send("GET", download, &[("authorization", &format!("Bearer {BOT}"))], Vec::new()).await;
    assert_eq!((status, bytes), (200, content.clone()));
    assert_eq!(send("GET", download, &[], Vec::new()).await.0, 403);
    assert_eq!(
        send("GET", file["url_private"].as_str().unwrap(), &[("authorization", &format!("Bearer {BOT}"))], Vec::new())
            .await
            .1,
        content
    );

    let listed = call(&slack, "files.list", &[("channel", "C0000000002")]).await;
    assert_eq!(listed["files"][0]["id"], json!(id));
    assert_eq!(listed["paging"]["total"], 1);
    assert_eq!(call(&slack, "files.delete", &[("file", &id)]).await["ok"], true);
    assert_eq!(call(&slack, "files.info", &[("file", &id)]).await["error"], "file_not_found");
    assert_eq!(send("GET", download, &[("authorization", &format!("Bearer {BOT}"))], Vec::new()).await.0, 404);
}

#[tokio::test]
async fn a_multipart_upload_keeps_the_file_part_and_unfinished_uploads_are_refused() {
    let slack = FakeSlack::builder().methods(typed_slack::catalog()).start().await.unwrap();
    let (url, id) = upload_url(&slack, "data.bin", 4).await;
    let files = json!([{"id": id}]).to_string();
    // Completing before the bytes came: Slack has no file yet.
    assert_eq!(call(&slack, "files.completeUploadExternal", &[("files", &files)]).await["error"], "file_not_found");

    // As Node's SDK posts it: one multipart part, named `body`.
    let mut body = b"------formdata-undici-1\r\nContent-Disposition: form-data; name=\"body\"; filename=\"Untitled\"\r\nContent-Type: application/octet-stream\r\n\r\n".to_vec();
    body.extend_from_slice(&[0, 159, 146, 150]);
    body.extend_from_slice(b"\r\n------formdata-undici-1--\r\n");
    let content_type = "multipart/form-data; boundary=----formdata-undici-1";
    assert_eq!(send("POST", &url, &[("content-type", content_type)], body).await.0, 200);
    // Not shared anywhere: the file exists, in no channel.
    let done = call(&slack, "files.completeUploadExternal", &[("files", &files)]).await;
    assert_eq!(done["files"][0]["channels"], json!([]));
    let info = call(&slack, "files.info", &[("file", &id)]).await;
    let (status, bytes) = send(
        "GET",
        info["file"]["url_private"].as_str().unwrap(),
        &[("authorization", &format!("Bearer {BOT}"))],
        Vec::new(),
    )
    .await;
    assert_eq!((status, bytes), (200, vec![0, 159, 146, 150]));

    // The upload URL serves one upload, until it is completed.
    assert_eq!(send("POST", &url, &[], b"late".to_vec()).await.0, 404);
    assert_eq!(send("GET", &url, &[], Vec::new()).await.0, 405);
}
