//! An app's OAuth install, end to end and offline, against the fake Slack's
//! `oauth.v2.access`: the authorize URL, the redirect's code and state, the
//! installation saved, and a call with the new bot token.
//!
//! `cargo run -p typed-slack-flows --example oauth_install`

use typed_slack::AuthTest;
use typed_slack::runtime::Client;
use typed_slack_fake::FakeSlack;
use typed_slack_flows::oauth::{InstallationStore, MemoryInstallations, OAuthApp};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let slack = FakeSlack::builder().methods(typed_slack::catalog()).start().await?;
    // The app's own client, which has no token before the first install.
    let client = Client::without_token().transport(slack.transport()).build()?;
    let app = OAuthApp::new(FakeSlack::CLIENT_ID, FakeSlack::CLIENT_SECRET)
        .scopes(["chat:write", "channels:history"])
        .redirect_uri("https://app.example.com/slack/oauth_redirect");

    // 1. The "Add to Slack" button sends the user to Slack's authorize page.
    let start = app.authorize_url();
    println!("send the user to: {}", start.url);

    // 2. Slack sends them back with a code and the state; the app checks and exchanges.
    let installation = app.install(&client, "the-code-slack-gave", &start.state).await?;
    println!(
        "installed in {:?} ({:?}), bot {:?}",
        installation.team_name, installation.team_id, installation.bot_user_id
    );

    // 3. Kept for later calls in that workspace.
    let store = MemoryInstallations::new();
    let team = installation.team_id.as_ref().map(|id| id.as_str().to_owned());
    store.save(installation).await?;
    let found = store.find(None, team.as_deref()).await?.ok_or("the installation was saved")?;
    let bot = client.with_token(found.bot_token.ok_or("a bot token")?);
    let identity = bot.call(AuthTest::new()).await?;
    println!("auth.test with the new token: user {:?} of team {:?}", identity.user_id, identity.team_id);
    Ok(())
}
