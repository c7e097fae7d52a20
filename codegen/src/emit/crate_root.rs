//! `lib.rs`: the crate docs, the method modules and the re-exports.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_attrs, ident, manifest};
use crate::docs::{Lines, code_span};
use crate::ir;

/// The crate root of the generated crate.
pub fn tokens(api: &ir::Api) -> TokenStream {
    let docs = doc_attrs(&crate_docs(api), true);
    let modules = api.methods.iter().map(|method| {
        let module = ident(&method.module);
        let feature = &method.feature;
        quote! {
            #[cfg(feature = #feature)]
            pub mod #module;
        }
    });
    let reexports = api.methods.iter().map(|method| {
        let module = ident(&method.module);
        let feature = &method.feature;
        let types = [&method.request_type, &method.response_type, &method.errors.name, &method.warnings.name]
            .map(|name| ident(name));
        // Re-exporting is not a use, but rustc's lint does not know it.
        let allow = method.facts.deprecation.is_some().then(|| quote!(#[allow(deprecated)]));
        quote! {
            #[cfg(feature = #feature)]
            #allow
            pub use methods::#module::{#(#types),*};
        }
    });
    let catalog_entries = api.methods.iter().map(|method| {
        let feature = &method.feature;
        let request = ident(&method.request_type);
        let allow = method.facts.deprecation.is_some().then(|| quote!(#[allow(deprecated)]));
        quote! {
            #[cfg(feature = #feature)]
            #allow
            methods.push(MethodInfo::of::<#request>());
        }
    });
    let catalog = manifest::CATALOG_FEATURE;
    quote! {
        #docs
        #![deny(missing_docs)]

        pub use typed_slack_runtime as runtime;
        pub use typed_slack_runtime::types;
        pub use typed_slack_runtime::{CallError, Client, Code, CommonError, CommonWarning, MethodResponse, Paginated, Token};

        #[cfg(feature = #catalog)]
        use typed_slack_runtime::MethodInfo;

        /// One module per Slack Web API method, named after it (`chat.postMessage` is
        /// `chat_post_message`). Each module's types are also re-exported at the crate
        /// root.
        pub mod methods {
            #(#modules)*
        }

        pub mod objects;

        #(#reexports)*

        /// What the spec says of every method compiled in (those of the enabled
        /// features), sorted by name: for tools that handle any method, such as a fake
        /// Slack server.
        #[cfg(feature = #catalog)]
        #[allow(clippy::vec_init_then_push, unused_mut)] // Each push is behind its feature.
        pub fn catalog() -> Vec<MethodInfo> {
            let mut methods = Vec::new();
            #(#catalog_entries)*
            methods
        }
    }
}

/// The crate docs' Block Kit section: a message, built, checked and sent (compiled as a
/// doctest with the default features), and a modal.
const BLOCK_KIT_DOCS: &str = r#"# Block Kit

Messages and views are built from typed blocks, without writing JSON. Each kind has a
constructor taking what Slack requires and a setter per other field; `validate()` checks
Slack's documented limits, which the client also checks before sending:

```no_run
use typed_slack::objects::{ActionsBlock, Block, ButtonElement, ButtonElementStyle, SectionBlock, TextObject};
use typed_slack::runtime::Validate;
use typed_slack::{ChatPostMessage, Client};

async fn ask_for_approval(client: &Client, channel: &str) -> Result<(), Box<dyn std::error::Error>> {
    let approve = ButtonElement::new("Approve").action_id("approve").style(ButtonElementStyle::Primary);
    let deny = ButtonElement::new("Deny").action_id("deny").style(ButtonElementStyle::Danger);
    let blocks = vec![
        Block::from(SectionBlock::new().text(TextObject::mrkdwn("*Fred* asks for a new laptop"))),
        ActionsBlock::new([approve, deny]).into(),
    ];
    blocks.validate()?;
    client.call(ChatPostMessage::new(channel).text("A new request").blocks(blocks)).await?;
    Ok(())
}
```

A modal (with the `views` feature), its input's value read back from the submission's
`state` by block and action ID:

```ignore
let modal = ModalView::new("Request a device", [
    Block::from(InputBlock::new("Why?", PlainTextInputElement::new().action_id("reason")).block_id("reason")),
])
.submit("Send");
client.call(ViewsOpen::new(modal).trigger_id(trigger_id)).await?;
```"#;

fn crate_docs(api: &ir::Api) -> Vec<String> {
    let mut lines = Lines::default();
    lines.push("Typed requests, responses, errors and warnings for the Slack Web API,");
    lines.push(format!("generated from the method specs in `{}/`.", api.spec_root));
    lines.blank();
    lines.push("Each method has a request type (named after the method, `chat.postMessage` is");
    lines.push("`ChatPostMessage`) that implements [`runtime::Method`], with its `…Response`, `…Error`");
    lines.push("and `…Warning` types beside it.");
    lines.blank();
    for line in BLOCK_KIT_DOCS.lines() {
        lines.push(line);
    }
    lines.blank();
    lines.push("# Features");
    lines.blank();
    lines.push("Each method family is a Cargo feature, so that a build compiles only the families it");
    lines.push("uses; `full` enables them all. The default set is what a first bot needs:");
    let families = manifest::families(api);
    let defaults: Vec<String> = manifest::DEFAULT_FAMILIES
        .iter()
        .filter(|family| families.contains_key(*family))
        .map(|family| format!("`{family}`"))
        .collect();
    lines.push(format!("{}.", defaults.join(", ")));
    lines.blank();
    lines.push("| Feature | Methods |");
    lines.push("| --- | --- |");
    for (family, count) in &families {
        lines.push(format!("| `{family}` | {count} |"));
    }
    lines.blank();
    lines.push("# Methods");
    lines.blank();
    lines.push("| Method | Feature | Request type | Summary |");
    lines.push("| --- | --- | --- | --- |");
    for method in &api.methods {
        lines.push(format!(
            "| {} | `{}` | `{}` | {} |",
            code_span(&method.wire_name),
            method.feature,
            method.request_type,
            method.summary
        ));
    }
    lines.finish()
}
