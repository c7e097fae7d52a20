//! Uploading 10 files of 1 MiB to the fake Slack over loopback HTTP: the time and the peak
//! memory of the client's process, with `upload_files` and with the same flow written by
//! hand with reqwest (each file read whole, as hand-written code and the dynamic SDKs
//! do), in the same run, alternating.
//!
//!     cargo bench -p typed-slack-flows --bench upload [-- ROUNDS]   (default 7 rounds)
//!
//! The fake runs in this process; each upload runs in a child process of this same
//! binary, which reports its elapsed time and its peak resident memory (`VmHWM`). The
//! `floor` child makes one call and uploads nothing: the memory any client process of
//! this binary needs. Linux only (it reads `/proc/self/status`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use futures_util::StreamExt;
use serde_json::{Value, json};
use typed_slack::AuthTest;
use typed_slack::runtime::{Client, Token};
use typed_slack_fake::FakeSlack;
use typed_slack_flows::upload::{FileUpload, Upload, upload_files};

const FILES: usize = 10;
const FILE_SIZE: usize = 1024 * 1024;
const CONCURRENCY: usize = 4;
const CHANNEL: &str = "C0000000001";
const MODES: [&str; 3] = ["typed", "reqwest", "floor"];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|arg| arg == "--child") {
        let [mode, base_url, dir] = [&args[at + 1], &args[at + 2], &args[at + 3]];
        child(mode, base_url, Path::new(dir));
        return;
    }
    let rounds = args.iter().skip(1).find_map(|arg| arg.parse::<usize>().ok()).unwrap_or(7);
    parent(rounds);
}

fn parent(rounds: usize) {
    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().expect("a runtime");
    let slack = runtime.block_on(FakeSlack::builder().methods(typed_slack::catalog()).start()).expect("a fake Slack");
    let dir = tempfile::tempdir().expect("a directory");
    for index in 0..FILES {
        let content: Vec<u8> = (0..FILE_SIZE).map(|n| ((n + index) % 251) as u8).collect();
        std::fs::write(dir.path().join(format!("file-{index}.bin")), content).expect("written");
    }
    let exe = std::env::current_exe().expect("this binary");
    let mut results: Vec<(&str, Vec<f64>, Vec<f64>)> =
        MODES.iter().map(|mode| (*mode, Vec::new(), Vec::new())).collect();
    for _ in 0..rounds {
        for (mode, times, peaks) in &mut results {
            slack.reset();
            let before = uploads_taken(&slack);
            let output = Command::new(&exe)
                .args(["--child", mode, slack.base_url(), &dir.path().display().to_string()])
                .output()
                .expect("the child ran");
            assert!(output.status.success(), "{mode}: {}", String::from_utf8_lossy(&output.stderr));
            let report = String::from_utf8(output.stdout).expect("text");
            let mut numbers = report.split_whitespace().map(|number| number.parse::<f64>().expect("a number"));
            times.push(numbers.next().expect("the time"));
            peaks.push(numbers.next().expect("the peak"));
            let expected = if *mode == "floor" { 0 } else { FILES };
            assert_eq!(uploads_taken(&slack) - before, expected, "{mode}: every file uploaded once");
        }
    }
    println!("{FILES} files of {} KiB, {CONCURRENCY} at a time, {rounds} rounds; medians:", FILE_SIZE / 1024);
    println!("| client | time | peak RSS | peak above the floor |");
    println!("|---|---:|---:|---:|");
    let floor = median(&results[2].2);
    for (mode, times, peaks) in &results {
        let peak = median(peaks);
        println!(
            "| {mode} | {:.1} ms | {:.1} MiB | {:.1} MiB |",
            median(times),
            peak / 1024.0,
            (peak - floor) / 1024.0
        );
    }
    let typed = median(&results[0].2) - floor;
    let by_hand = median(&results[1].2) - floor;
    println!("by hand / typed, peak above the floor: {:.1}x", by_hand / typed.max(1.0));
}

/// How many uploads the fake took since it started.
fn uploads_taken(slack: &FakeSlack) -> usize {
    slack.requests().iter().filter(|request| request.path().starts_with("/upload/") && request.status() == 200).count()
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

fn paths(dir: &Path) -> Vec<PathBuf> {
    (0..FILES).map(|index| dir.join(format!("file-{index}.bin"))).collect()
}

/// Runs one upload and prints its time in ms and the process's peak RSS in KiB.
fn child(mode: &str, base_url: &str, dir: &Path) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let start = Instant::now();
    runtime.block_on(async {
        match mode {
            "typed" => typed(base_url, dir).await,
            "reqwest" => by_hand(base_url, dir).await,
            _ => floor(base_url).await,
        }
    });
    let elapsed = start.elapsed().as_secs_f64() * 1000.0;
    println!("{elapsed:.3} {}", peak_kib());
}

fn client(base_url: &str) -> Client {
    let token = Token::new(FakeSlack::BOT_TOKEN).expect("a token");
    Client::builder(token).base_url(base_url).build().expect("a client")
}

async fn typed(base_url: &str, dir: &Path) {
    let upload =
        Upload::to_channel(CHANNEL).files(paths(dir).into_iter().map(FileUpload::from_path)).concurrency(CONCURRENCY);
    let files = upload_files(&client(base_url), upload).await.expect("uploaded");
    assert_eq!(files.len(), FILES);
}

async fn floor(base_url: &str) {
    client(base_url).call(AuthTest::new()).await.expect("auth.test");
}

/// The flow as written by hand with reqwest: each file read whole, then posted.
async fn by_hand(base_url: &str, dir: &Path) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::new();
    let bearer = format!("Bearer {}", FakeSlack::BOT_TOKEN);
    let call = |method: &str, form: Vec<(&str, String)>| {
        let request = http.post(format!("{base_url}{method}")).header("authorization", &bearer).form(&form);
        async move {
            let answer: Value = request.send().await.expect("sent").json().await.expect("JSON");
            assert_eq!(answer["ok"], true, "{answer}");
            answer
        }
    };
    let ids: Vec<String> = futures_util::stream::iter(paths(dir))
        .map(|path| {
            let (call, http) = (&call, &http);
            async move {
                let bytes = tokio::fs::read(&path).await.expect("read");
                let name = path.file_name().expect("a name").to_string_lossy().into_owned();
                let target =
                    call("files.getUploadURLExternal", vec![("filename", name), ("length", bytes.len().to_string())])
                        .await;
                let url = target["upload_url"].as_str().expect("a URL");
                let sent = http.post(url).body(bytes).send().await.expect("uploaded");
                assert!(sent.status().is_success());
                target["file_id"].as_str().expect("an ID").to_owned()
            }
        })
        .buffered(CONCURRENCY)
        .collect()
        .await;
    let files: Vec<Value> = ids.iter().map(|id| json!({ "id": id })).collect();
    let form = vec![("files", Value::Array(files).to_string()), ("channel_id", CHANNEL.to_owned())];
    call("files.completeUploadExternal", form).await;
}

/// The process's peak resident memory, in KiB.
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux's /proc");
    let line = status.lines().find(|line| line.starts_with("VmHWM:")).expect("VmHWM");
    line.split_whitespace().nth(1).and_then(|kib| kib.parse().ok()).expect("a number of KiB")
}
