//! The `typed-slack-fake` command as a script in any language runs it: the first line
//! names the URL, `--seed FILE` is the workspace, a bad seed is refused with exit code 2.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// The command with `args`, its stdout piped.
fn start(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_typed-slack-fake"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the command starts")
}

/// `GET path` on `host:port` over a plain HTTP/1.1 connection: the answer's body.
fn get(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).expect("the fake listens");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").expect("a request");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("an answer");
    answer.split_once("\r\n\r\n").map(|(_, body)| body.to_owned()).expect("a body")
}

#[test]
fn serves_the_seed_it_is_given_and_names_its_url_first() {
    let folder = tempfile::tempdir().expect("a folder");
    let seed = folder.path().join("seed.json");
    let channels = r#"{"channels": [{"id": "C0000000042", "name": "answers", "members": ["U0000000001"]}]}"#;
    std::fs::write(&seed, channels).expect("a seed file");
    let mut fake = start(&["--port", "0", "--seed", seed.to_str().expect("a UTF-8 path"), "--families", "chat"]);
    let mut first = String::new();
    BufReader::new(fake.stdout.take().expect("stdout")).read_line(&mut first).expect("a first line");
    let url = first.trim().strip_prefix("fake Slack serving ").and_then(|rest| rest.split_once(" methods at "));
    let (count, url) = url.unwrap_or_else(|| panic!("not the serving line: {first}"));
    assert!(count.parse::<usize>().is_ok_and(|count| count > 10), "{first}");
    let address = url.strip_prefix("http://").and_then(|rest| rest.strip_suffix("/api/")).expect("a local URL");
    let state = get(address, "/_fake/state");
    fake.kill().expect("the fake stops");
    let _ = fake.wait();
    let state: serde_json::Value = serde_json::from_str(&state).expect("JSON");
    assert_eq!(state["channels"][0]["name"], "answers", "{state}");
}

#[test]
fn a_seed_that_does_not_fit_is_refused_with_every_problem() {
    let folder = tempfile::tempdir().expect("a folder");
    let seed = folder.path().join("seed.json");
    std::fs::write(&seed, r#"{"channels": [{"id": "C1", "members": ["U404", "U405"]}]}"#).expect("a seed file");
    let output = Command::new(env!("CARGO_BIN_EXE_typed-slack-fake"))
        .args(["--seed", seed.to_str().expect("a UTF-8 path")])
        .output()
        .expect("the command runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("\"U404\"") && stderr.contains("\"U405\""), "{stderr}");
    let missing = Command::new(env!("CARGO_BIN_EXE_typed-slack-fake")).args(["--seed", "/no/such/seed.json"]).output();
    assert_eq!(missing.expect("the command runs").status.code(), Some(2));
}
