//! Block Kit built without JSON: every documented example of a block
//! (`data/block_kit/block/`) and of a block element (`data/block_kit/block_element/`)
//! is built with the generated builders, and serializes, as the union it is one of, to
//! its example's JSON. Every example has a builder here, so a new example without one
//! fails the test.

#![cfg(feature = "objects")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Value, json};
use typed_slack::objects::{
    ActionsBlock, AlertBlock, AlertBlockLevel, Block, BlockElement, ButtonElement, ButtonElementStyle, CardBlock,
    CarouselBlock, ChannelsSelectElement, CheckboxesElement, ContainerBlock, ContextActionsBlock, ContextBlock,
    ContextElement, ContextImage, ContextMrkdwn, ConversationsSelectElement, DataTableBlock, DataVisualizationBlock,
    DataVisualizationBlockChart, DataVisualizationBlockChartAxisConfig, DataVisualizationBlockChartSeries,
    DataVisualizationBlockChartSeriesData, DataVisualizationBlockChartType, DatepickerElement, DatetimepickerElement,
    DispatchActionConfig, DispatchActionConfigTriggerActionsOn, DividerBlock, EmailTextInputElement,
    ExternalSelectElement, FeedbackButtonsElement, FeedbackButtonsElementNegativeButton,
    FeedbackButtonsElementPositiveButton, FileBlock, FileBlockSource, FileInputElement, HeaderBlock, IconButtonElement,
    IconButtonElementIcon, ImageBlock, ImageElement, InputBlock, MarkdownBlock, MultiChannelsSelectElement,
    MultiConversationsSelectElement, MultiExternalSelectElement, MultiStaticSelectElement, MultiUsersSelectElement,
    NumberInputElement, OptionObject, OverflowElement, PlainTextInputElement, PlanBlock, RadioButtonsElement,
    RichTextBlock, RichTextElement, RichTextInputElement, RichTextList, RichTextListStyle, RichTextSection,
    RichTextText, SectionBlock, StaticSelectElement, TableBlock, TableBlockColumnSettings,
    TableBlockColumnSettingsAlign, TaskCardBlock, TaskCardBlockStatus, TextObject, TimepickerElement, UrlElement,
    UrlTextInputElement, UsersSelectElement, VideoBlock, Workflow, WorkflowButtonElement, WorkflowTrigger,
    WorkflowTriggerCustomizableInputParameters,
};

/// An example, by file stem, and what builds it.
type Example<T> = (&'static str, fn() -> T);

/// The examples of `data/block_kit/block/`, by file stem, and what builds each.
const BLOCKS: &[Example<Block>] = &[
    ("actions", block::actions),
    ("alert", block::alert),
    ("card", block::card),
    ("carousel", block::carousel),
    ("container", block::container),
    ("context", block::context),
    ("context_actions", block::context_actions),
    ("data_table", block::data_table),
    ("data_visualization", block::data_visualization),
    ("divider", block::divider),
    ("file", block::file),
    ("header", block::header),
    ("image", block::image),
    ("input", block::input),
    ("markdown", block::markdown),
    ("plan", block::plan),
    ("rich_text", block::rich_text),
    ("section", block::section),
    ("table", block::table),
    ("task_card", block::task_card),
    ("video", block::video),
];

/// The examples of `data/block_kit/block_element/`, by file stem, and what builds each.
const ELEMENTS: &[Example<BlockElement>] = &[
    ("button", block_element::button),
    ("channels_select", block_element::channels_select),
    ("checkboxes", block_element::checkboxes),
    ("conversations_select", block_element::conversations_select),
    ("datepicker", block_element::datepicker),
    ("datetimepicker", block_element::datetimepicker),
    ("email_text_input", block_element::email_text_input),
    ("external_select", block_element::external_select),
    ("feedback_buttons", block_element::feedback_buttons),
    ("file_input", block_element::file_input),
    ("icon_button", block_element::icon_button),
    ("image", block_element::image),
    ("multi_channels_select", block_element::multi_channels_select),
    ("multi_conversations_select", block_element::multi_conversations_select),
    ("multi_external_select", block_element::multi_external_select),
    ("multi_static_select", block_element::multi_static_select),
    ("multi_users_select", block_element::multi_users_select),
    ("number_input", block_element::number_input),
    ("overflow", block_element::overflow),
    ("plain_text_input", block_element::plain_text_input),
    ("radio_buttons", block_element::radio_buttons),
    ("rich_text_input", block_element::rich_text_input),
    ("static_select", block_element::static_select),
    ("timepicker", block_element::timepicker),
    ("url", block_element::url),
    ("url_text_input", block_element::url_text_input),
    ("users_select", block_element::users_select),
    ("workflow_button", block_element::workflow_button),
];

#[test]
fn every_example_block_and_block_element_is_built_by_the_builders() {
    let mut problems = mismatches("block", BLOCKS);
    problems.extend(mismatches("block_element", ELEMENTS));
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// The examples' folder.
fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/block_kit")
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// What is wrong with `builders` for the examples in `folder`: an example without a
/// builder, a builder without an example (or listed twice), and each built value that
/// does not serialize to its example's JSON.
fn mismatches<T: Serialize>(folder: &str, builders: &[Example<T>]) -> Vec<String> {
    let dir = data().join(folder);
    let examples: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.unwrap_or_else(|error| panic!("{}: {error}", dir.display())).path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
        .filter_map(|path| path.file_stem()?.to_str().map(str::to_owned))
        .collect();
    let built: BTreeSet<&str> = builders.iter().map(|(stem, _)| *stem).collect();

    let mut problems: Vec<String> = examples
        .iter()
        .filter(|stem| !built.contains(stem.as_str()))
        .map(|stem| format!("{folder}/{stem}.json: no builder"))
        .collect();
    if built.len() != builders.len() {
        problems.push(format!("{folder}: an example has more than one builder"));
    }
    for (stem, build) in builders {
        if !examples.contains(*stem) {
            problems.push(format!("{folder}/{stem}.json: a builder, but no such example"));
            continue;
        }
        let expected = read(&dir.join(format!("{stem}.json")));
        let found = serde_json::to_value(build()).unwrap_or_else(|error| panic!("{folder}/{stem}: {error}"));
        if found != expected {
            problems.push(format!("{folder}/{stem}.json:\n  expected {expected}\n  found    {found}"));
        }
    }
    problems
}

/// Plain text that may show emoji codes as emoji (`"emoji": true`).
fn plain_emoji(text: &str) -> TextObject {
    TextObject::plain(text).emoji(true)
}

/// Markdown whose URLs and mentions Slack may turn into links (`"verbatim": false`).
fn not_verbatim(text: &str) -> TextObject {
    TextObject::mrkdwn(text).verbatim(false)
}

/// A paragraph of rich text, of one run of unstyled text.
fn paragraph(text: &str) -> RichTextSection {
    RichTextSection::new([RichTextText::new(text)])
}

/// A rich text block of one paragraph.
fn rich_text_block(text: &str) -> RichTextBlock {
    RichTextBlock::new([paragraph(text)])
}

/// `count` options of one text, valued `value-0`, `value-1`, ...
fn numbered_options(count: usize) -> impl Iterator<Item = OptionObject> {
    (0..count).map(|n| OptionObject::from(("*this is plain_text text*", format!("value-{n}"))))
}

/// A card of the examples: an icon, a hero image and one button, around three texts.
fn lumon_card(title: &str, subtitle: &str, body: &str, action_id: &str) -> CardBlock {
    CardBlock::new()
        .icon(ImageElement::new("Icon").image_url("https://picsum.photos/36/36"))
        .title(not_verbatim(title))
        .subtitle(not_verbatim(subtitle))
        .hero_image(ImageElement::new("Sample hero image").image_url("https://picsum.photos/400/300"))
        .body(not_verbatim(body))
        .actions([ButtonElement::new(TextObject::plain("Action Button").emoji(false)).action_id(action_id)])
}

/// The examples of `data/block_kit/block/`.
mod block {
    use super::*;

    pub(super) fn actions() -> Block {
        let witches = [
            ("Matilda", "matilda"),
            ("Glinda", "glinda"),
            ("Granny Weatherwax", "grannyWeatherwax"),
            ("Hermione", "hermione"),
        ];
        ActionsBlock::new([
            BlockElement::from(
                StaticSelectElement::new()
                    .action_id("select_2")
                    .placeholder("Which witch is the witchiest witch?")
                    .options(witches),
            ),
            ButtonElement::new("Cancel").value("cancel").action_id("button_1").into(),
        ])
        .block_id("actions1")
        .into()
    }

    pub(super) fn alert() -> Block {
        AlertBlock::new(not_verbatim("The work is mysterious and important.")).level(AlertBlockLevel::Info).into()
    }

    pub(super) fn card() -> Block {
        lumon_card(
            "Lumon Industries",
            "Committed to work-life balance",
            "Please enjoy each card equally.",
            "button_action",
        )
        .into()
    }

    pub(super) fn carousel() -> Block {
        CarouselBlock::new([
            lumon_card("MDR", "Refining data files", "Blue badge required to gain access.", "button_action_1")
                .block_id("carousel-card-1"),
            lumon_card(
                "O&D",
                "Storage, maintenance, and rotation of art pieces",
                "Green badge required to gain access.",
                "button_action_2",
            )
            .block_id("carousel-card-2"),
            lumon_card(
                "Wellness Center",
                "Wellness sessions",
                "Please take a seat in the waiting room until called.",
                "button_action_3",
            )
            .block_id("carousel-card-3"),
        ])
        .into()
    }

    pub(super) fn container() -> Block {
        let record = |block_id: &str, text: &str| SectionBlock::new().block_id(block_id).text(TextObject::mrkdwn(text));
        ContainerBlock::new([
            Block::from(record("record-row-1", "*DCW-1024*\nStatus: Open → Closed\nAssignee: @princessdonut → @carl")),
            DividerBlock::new().block_id("bulk-div-1").into(),
            record("record-row-2", "*DCW-1025*\nStatus: In Progress → Closed\nAssignee: @mordecai → @carl").into(),
            DividerBlock::new().block_id("bulk-div-2").into(),
            ContextBlock::new([ContextMrkdwn::new(
                ":white_check_mark: 2 records will be updated • Status → Closed • Assignee → @carl",
            )])
            .block_id("bulk-status-bar")
            .into(),
            ActionsBlock::new([
                ButtonElement::new(plain_emoji("Confirm All"))
                    .style(ButtonElementStyle::Primary)
                    .action_id("bulk_confirm"),
                ButtonElement::new(plain_emoji("Cancel")).action_id("bulk_cancel"),
            ])
            .block_id("bulk-actions")
            .into(),
        ])
        .block_id("bkb_container_bulk_update")
        .title("Bulk update: 2 records selected")
        .subtitle("Review changes before confirming")
        .is_collapsible(true)
        .into()
    }

    pub(super) fn context() -> Block {
        ContextBlock::new([
            ContextElement::from(
                ContextImage::new("images")
                    .image_url("https://image.freepik.com/free-photo/red-drawing-pin_1156-445.jpg"),
            ),
            ContextMrkdwn::new("Location: **Dogpatch**").into(),
        ])
        .into()
    }

    pub(super) fn context_actions() -> Block {
        ContextActionsBlock::new([FeedbackButtonsElement::new(
            FeedbackButtonsElementPositiveButton::new("👍", "positive_feedback"),
            FeedbackButtonsElementNegativeButton::new("👎", "negative_feedback"),
        )
        .action_id("feedback_buttons_1")])
        .into()
    }

    pub(super) fn data_table() -> Block {
        // The rows are JSON in the spec: each a list of cells.
        let rows = [
            json!([
                {"type": "raw_text", "text": "Name"},
                {"type": "raw_text", "text": "Department"},
                {"type": "raw_text", "text": "Badge"}
            ]),
            json!([
                {"type": "raw_text", "text": "Data Refinement Department"},
                {"type": "raw_text", "text": "MDR"},
                {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
                    {"type": "text", "text": "Blue", "style": {"bold": true}}
                ]}]}
            ]),
            json!([
                {"type": "raw_text", "text": "Art Sourcing Department"},
                {"type": "raw_text", "text": "O&D"},
                {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
                    {"type": "text", "text": "Green"},
                    {"type": "text", "text": "review", "style": {"italic": true}}
                ]}]}
            ]),
            json!([
                {"type": "raw_text", "text": "Wellness Department"},
                {"type": "raw_text", "text": "Wellness Center"},
                {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
                    {"type": "text", "text": "Limited", "style": {"bold": true}}
                ]}]}
            ]),
        ];
        DataTableBlock::new(rows, "A Fabulous Table").into()
    }

    pub(super) fn data_visualization() -> Block {
        let pies =
            [("Strawberry Rhubarb", 85), ("Pumpkin", 70), ("Lemon Meringue", 72), ("Blueberry", 90), ("Key Lime", 56)];
        let data = pies.map(|(label, value)| DataVisualizationBlockChartSeriesData::new(label, value));
        let chart = DataVisualizationBlockChart::new(DataVisualizationBlockChartType::Bar)
            .series([DataVisualizationBlockChartSeries::new("Pies", data)])
            .axis_config(
                DataVisualizationBlockChartAxisConfig::new(pies.map(|(label, _)| label))
                    .x_label("Pies")
                    .y_label("Percentage of Tastiness"),
            );
        DataVisualizationBlock::new("My Favorite Pies by Percentage of Tastiness", chart).into()
    }

    pub(super) fn divider() -> Block {
        DividerBlock::new().into()
    }

    pub(super) fn file() -> Block {
        FileBlock::new("ABCD1", FileBlockSource::Remote).into()
    }

    pub(super) fn header() -> Block {
        HeaderBlock::new("A Heartfelt Header").into()
    }

    pub(super) fn image() -> Block {
        ImageBlock::new("An incredibly cute kitten.")
            .image_url("http://placekitten.com/500/500")
            .title("Please enjoy this photo of a kitten")
            .block_id("image4")
            .into()
    }

    pub(super) fn input() -> Block {
        InputBlock::new(plain_emoji("Label"), PlainTextInputElement::new()).into()
    }

    pub(super) fn markdown() -> Block {
        MarkdownBlock::new("**Lots of information here!!**").into()
    }

    pub(super) fn plan() -> Block {
        PlanBlock::new("Thinking completed")
            .tasks([
                TaskCardBlock::new("call_001", "Fetched user profile information")
                    .status(TaskCardBlockStatus::InProgress)
                    .details(rich_text_block("Searched database...").block_id("viMWO"))
                    .output(rich_text_block("Profile data loaded").block_id("viMWO")),
                TaskCardBlock::new("call_002", "Checked user permissions").status(TaskCardBlockStatus::Pending),
                TaskCardBlock::new("call_003", "Generated comprehensive user report")
                    .status(TaskCardBlockStatus::Complete)
                    .output(rich_text_block("15 data points compiled").block_id("crsk")),
            ])
            .into()
    }

    pub(super) fn rich_text() -> Block {
        let features = ["Huddles", "Canvas", "Developing with Block Kit"].map(paragraph);
        RichTextBlock::new([
            RichTextElement::from(paragraph("My favorite Slack features (in no particular order):")),
            RichTextList::new(RichTextListStyle::Bullet, features).indent(0).border(1).into(),
        ])
        .block_id("block1")
        .into()
    }

    pub(super) fn section() -> Block {
        SectionBlock::new()
            .text(TextObject::mrkdwn("A message *with some bold text* and _some italicized text_."))
            .fields([TextObject::mrkdwn("High"), plain_emoji("Silly")])
            .into()
    }

    pub(super) fn table() -> Block {
        // The rows are JSON in the spec: each a list of cells.
        let rows = [
            json!([{"type": "raw_text", "text": "Header A"}, {"type": "raw_text", "text": "Header B"}]),
            json!([
                {"type": "raw_text", "text": "Data 1A"},
                {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
                    {"type": "link", "text": "Data 1B", "url": "https://slack.com"}
                ]}]}
            ]),
            json!([
                {"type": "raw_text", "text": "Data 2A"},
                {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
                    {"type": "link", "text": "Data 2B", "url": "https://slack.com"}
                ]}]}
            ]),
        ];
        TableBlock::new(rows)
            .column_settings([
                TableBlockColumnSettings::new().is_wrapped(true),
                TableBlockColumnSettings::new().align(TableBlockColumnSettingsAlign::Right),
            ])
            .into()
    }

    pub(super) fn task_card() -> Block {
        TaskCardBlock::new("task_1", "Fetching weather data")
            .status(TaskCardBlockStatus::Pending)
            .output(rich_text_block("Found weather data for Chicago from 2 sources"))
            .sources([
                UrlElement::new("https://weather.com/", "weather.com"),
                UrlElement::new("https://www.accuweather.com/", "accuweather.com"),
            ])
            .into()
    }

    pub(super) fn video() -> Block {
        let title = "Use the Events API to create a dynamic App Home";
        VideoBlock::new(
            title,
            plain_emoji(title),
            "https://i.ytimg.com/vi/8876OZV_Yy0/hqdefault.jpg",
            "https://www.youtube.com/embed/8876OZV_Yy0?feature=oembed&autoplay=1",
        )
        .title_url("https://www.youtube.com/watch?v=8876OZV_Yy0")
        .description(plain_emoji("Slack sure is nifty!"))
        .into()
    }
}

/// The examples of `data/block_kit/block_element/`.
mod block_element {
    use super::*;

    pub(super) fn button() -> BlockElement {
        ButtonElement::new("Save").style(ButtonElementStyle::Primary).value("click_me_123").action_id("button").into()
    }

    pub(super) fn channels_select() -> BlockElement {
        ChannelsSelectElement::new().action_id("text1234").placeholder("Select an item").into()
    }

    pub(super) fn checkboxes() -> BlockElement {
        CheckboxesElement::new([
            OptionObject::from(("Checkbox 1", "A1")),
            OptionObject::new("Checkbox 2", "A2").description(TextObject::mrkdwn("*A description of option two*")),
        ])
        .action_id("this_is_an_action_id")
        .initial_options([("Checkbox 1", "A1")])
        .into()
    }

    pub(super) fn conversations_select() -> BlockElement {
        ConversationsSelectElement::new().action_id("text1234").placeholder("Select an item").into()
    }

    pub(super) fn datepicker() -> BlockElement {
        DatepickerElement::new()
            .action_id("datepicker123")
            .initial_date("1990-04-28")
            .placeholder("Select a date")
            .into()
    }

    pub(super) fn datetimepicker() -> BlockElement {
        DatetimepickerElement::new().action_id("datetimepicker-action").into()
    }

    pub(super) fn email_text_input() -> BlockElement {
        EmailTextInputElement::new().action_id("email_text_input-action").placeholder("Enter an email").into()
    }

    pub(super) fn external_select() -> BlockElement {
        ExternalSelectElement::new().action_id("text1234").placeholder("Select an item").min_query_length(3).into()
    }

    pub(super) fn feedback_buttons() -> BlockElement {
        FeedbackButtonsElement::new(
            FeedbackButtonsElementPositiveButton::new("Good", "positive_feedback")
                .accessibility_label("Mark this response as good"),
            FeedbackButtonsElementNegativeButton::new("Bad", "negative_feedback")
                .accessibility_label("Mark this response as bad"),
        )
        .action_id("feedback_buttons_1")
        .into()
    }

    pub(super) fn file_input() -> BlockElement {
        FileInputElement::new().action_id("file_input_action_id_1").filetypes(["jpg", "png"]).max_files(5).into()
    }

    pub(super) fn icon_button() -> BlockElement {
        IconButtonElement::new(IconButtonElementIcon::Trash, "Delete")
            .action_id("delete_button")
            .value("delete_item")
            .into()
    }

    pub(super) fn image() -> BlockElement {
        ImageElement::new("cute cat")
            .image_url("https://pbs.twimg.com/profile_images/625633822235693056/lNGUneLX_400x400.jpg")
            .into()
    }

    pub(super) fn multi_channels_select() -> BlockElement {
        MultiChannelsSelectElement::new().action_id("text1234").placeholder("Select channels").into()
    }

    pub(super) fn multi_conversations_select() -> BlockElement {
        MultiConversationsSelectElement::new().action_id("text1234").placeholder("Select conversations").into()
    }

    pub(super) fn multi_external_select() -> BlockElement {
        MultiExternalSelectElement::new().action_id("text1234").placeholder("Select items").min_query_length(3).into()
    }

    pub(super) fn multi_static_select() -> BlockElement {
        MultiStaticSelectElement::new()
            .action_id("text1234")
            .placeholder("Select items")
            .options(numbered_options(3))
            .into()
    }

    pub(super) fn multi_users_select() -> BlockElement {
        MultiUsersSelectElement::new().action_id("text1234").placeholder("Select users").into()
    }

    pub(super) fn number_input() -> BlockElement {
        NumberInputElement::new(false).action_id("number_input-action").into()
    }

    pub(super) fn overflow() -> BlockElement {
        OverflowElement::new(numbered_options(5)).action_id("overflow").into()
    }

    pub(super) fn plain_text_input() -> BlockElement {
        PlainTextInputElement::new().action_id("plain_text_input-action").into()
    }

    pub(super) fn radio_buttons() -> BlockElement {
        RadioButtonsElement::new([("Radio 1", "A1"), ("Radio 2", "A2")])
            .action_id("this_is_an_action_id")
            .initial_option(("Radio 1", "A1"))
            .into()
    }

    pub(super) fn rich_text_input() -> BlockElement {
        RichTextInputElement::new("rich_text_input-action")
            .dispatch_action_config(
                DispatchActionConfig::new()
                    .trigger_actions_on([DispatchActionConfigTriggerActionsOn::OnCharacterEntered]),
            )
            .focus_on_load(true)
            .placeholder("Enter text")
            .into()
    }

    pub(super) fn static_select() -> BlockElement {
        StaticSelectElement::new()
            .action_id("text1234")
            .placeholder("Select an item")
            .options(numbered_options(3))
            .into()
    }

    pub(super) fn timepicker() -> BlockElement {
        TimepickerElement::new()
            .timezone("America/Los_Angeles")
            .action_id("timepicker123")
            .initial_time("11:40")
            .placeholder("Select a time")
            .into()
    }

    pub(super) fn url() -> BlockElement {
        UrlElement::new("https://docs.slack.dev/", "Slack API docs").into()
    }

    pub(super) fn url_text_input() -> BlockElement {
        UrlTextInputElement::new().action_id("url_text_input-action").into()
    }

    pub(super) fn users_select() -> BlockElement {
        UsersSelectElement::new().action_id("text1234").placeholder("Select an item").into()
    }

    pub(super) fn workflow_button() -> BlockElement {
        let parameters =
            [("input_parameter_a", "Value for input param A"), ("input_parameter_b", "Value for input param B")]
                .map(|(name, value)| WorkflowTriggerCustomizableInputParameters::new().name(name).value(value));
        let trigger = WorkflowTrigger::new("https://slack.com/shortcuts/Ft0123ABC456/xyz...zyx")
            .customizable_input_parameters(parameters);
        WorkflowButtonElement::new("Run Workflow", Workflow::new(trigger), "workflowbutton123").into()
    }
}
