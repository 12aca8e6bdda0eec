//! Every line mlteam prints is in the project's language (issue 11): a project whose
//! `mlteam.toml` says `lang = "zh"` is answered in Chinese by every command, its errors and
//! their fixes included, even under `LANG=C`. Whole outputs for the common cases, then a
//! battery of commands and bad inputs in which no English word may appear.

use crate::support::{Finish, Project, Run};

/// A Chinese project of four roles and two people, fresh from `init`.
fn zh_project() -> Project {
    let project = Project::new();
    project.init(&[
        "--lang",
        "zh",
        "--name",
        "风控模型",
        "--roles",
        "product-manager,data-scientist,ml-engineer,data-engineer",
        "--member",
        "李雷 <lilei@example.com>=product-manager,data-engineer",
        "--member",
        "韩梅梅=data-scientist,ml-engineer",
    ]);
    project
}

/// The project's manifest with `from` replaced by `to` (which must be there).
fn edit(project: &Project, file: &str, from: &str, to: &str) {
    let text = project.file(file);
    assert!(text.contains(from), "{from:?} is in {file}:\n{text}");
    project.write(file, &text.replacen(from, to, 1));
}

#[test]
fn a_chinese_project_is_answered_in_chinese() {
    let project = zh_project();
    project
        .mlteam(&["sync"])
        .ok()
        .stdout("无需改动：全部31个文件均为最新。\n")
        .stderr("");
    project
        .mlteam(&["check"])
        .ok()
        .stdout("未发现问题：团队配置文件有效，文档均为最新。\n")
        .stderr("");
    project
        .mlteam(&["checklist"])
        .ok()
        .stdout("无需改动：全部7个文件均为最新。\n")
        .stderr("");
    project
        .mlteam(&["checklist", "--check", "--phase", "discovery"])
        .code(1)
        .stdout(
            "demo/docs/deliverables/prd.md：待开始，截止2026-12-20；业务理解，负责角色产品经理（李雷）\n\
             demo/docs/deliverables/project-charter.md：待开始，截止2026-12-20；业务理解，负责角色产品经理（李雷）\n\
             demo/docs/deliverables/risk-register.md：待开始，截止2026-12-20；业务理解，负责角色产品经理（李雷）\n\
             demo/docs/deliverables/decision-log.md：待开始，截止2026-12-20；业务理解，负责角色产品经理（李雷）\n",
        )
        .stderr("错误：4项交付物中有4项尚未完成\n");
    project.mlteam(&["status"]).ok().stderr("").stdout(
        "风控模型（自研产品）：2026-11-27，不在计划的任何阶段内\n\
         已完成：0/15项交付物。\n\
         \n\
         各阶段\n  \
         业务理解    2026-11-30 – 2026-12-20  [--------------------]  0/4\n  \
         数据准备    2026-12-21 – 2027-02-14  [--------------------]  0/4  → 数据可行性评审：继续还是终止\n  \
         建模与评估  2027-02-15 – 2027-03-28  [--------------------]  0/4  → 模型上线评审\n  \
         部署上线    2027-03-29 – 2027-04-25  [--------------------]  0/3  → 正式上线\n  \
         运维迭代    2027-04-26 – 2027-06-20  [--------------------]  –\n\
         \n\
         已逾期（0项）\n  \
         无\n\
         \n\
         未来14天内到期（0项）\n  \
         无\n\
         \n\
         成员\n  \
         李雷    未完成7项，最终负责12项活动，执行11项；下次会议：每日站会，2026-11-30 09:30\n  \
         韩梅梅  未完成8项，最终负责13项活动，执行17项；下次会议：每日站会，2026-11-30 09:30\n",
    );
    // A change is reported with the parts it touched, in Chinese punctuation.
    edit(
        &project,
        "mlteam.toml",
        "name = \"李雷\"",
        "name = \"李雷雷\"",
    );
    project.mlteam(&["sync"]).ok().stderr("").stdout(
        "已更新  docs/team/README.md                         （`team`）\n\
         已更新  docs/team/raci.md                           （`legend`）\n\
         已更新  docs/team/roles/product-manager.md          （`role`）\n\
         已更新  docs/team/roles/data-engineer.md            （`role`）\n\
         已更新  docs/deliverables/prd.md                    （`header`）\n\
         已更新  docs/deliverables/project-charter.md        （`header`）\n\
         已更新  docs/deliverables/risk-register.md          （`header`）\n\
         已更新  docs/deliverables/decision-log.md           （`header`）\n\
         已更新  docs/deliverables/data-analysis-report.md   （`header`）\n\
         已更新  docs/deliverables/responsible-ai-review.md  （`header`）\n\
         已更新  docs/deliverables/data-warehouse-design.md  （`header`）\n\
         已更新  docs/deliverables/data-pipeline-spec.md     （`header`）\n\
         已更新  docs/deliverables/datasheet.md              （`header`）\n\
         已更新  docs/meetings/standup.md                    （`meeting`）\n\
         已更新  docs/meetings/sprint-planning.md            （`meeting`）\n\
         已更新  docs/meetings/weekly-sync.md                （`meeting`）\n\
         已更新  docs/meetings/experiment-review.md          （`meeting`）\n\
         已更新  docs/meetings/model-release-review.md       （`meeting`）\n\
         已更新  docs/meetings/project-review.md             （`meeting`）\n\
         已更新  docs/meetings/retrospective.md              （`meeting`）\n\
         已替换  docs/meetings/calendar.ics\n\
         已更新  docs/checklist.md                           （`checklist`）\n",
    );
}

#[test]
fn a_chinese_project_is_told_what_is_wrong_in_chinese() {
    let project = zh_project();
    let manifest = project.file("mlteam.toml");

    // A bad value at its line, with the line shown and the fix.
    edit(
        &project,
        "mlteam.toml",
        "timezone = \"Europe/Berlin\"",
        "timezone = \"Europe/Berln\"",
    );
    project.mlteam(&["sync"]).code(2).stdout("").stderr(
        "错误：demo/mlteam.toml:18:12: 未知的时区`Europe/Berln`；是不是想写`Europe/Berlin`？\n   \
         |\n\
         18 | timezone = \"Europe/Berln\"\n   \
         |            ^\n  \
         提示：请使用IANA时区名称，如\"Asia/Shanghai\"、\"Europe/Berlin\"或\"UTC\"\n",
    );
    project.write("mlteam.toml", &manifest);

    // A bad [schedule] line.
    edit(&project, "mlteam.toml", "# data = \"8w\"", "data = \"3x\"");
    project.mlteam(&["check"]).code(1).stderr("错误：发现1个问题\n").stdout(
        "demo/mlteam.toml:65:8: `[schedule] data`：`3x`不是有效的时长，应写作\"3w\"（周）或\"10d\"（天）\n   \
         |\n\
         65 | data = \"3x\"  # 数据准备\n   \
         |        ^\n  \
         提示：请写时长，如`discovery = \"3w\"`，或写日期，如`data = { start = 2027-01-04, end = 2027-02-12 }`\n",
    );
    project.write("mlteam.toml", &manifest);

    // A value TOML cannot read: the parser's own words, said as a TOML syntax error.
    edit(
        &project,
        "mlteam.toml",
        "name = \"风控模型\"",
        "name = 风控模型",
    );
    project.mlteam(&["sync"]).code(2).stdout("").stderr(
        "错误：demo/mlteam.toml:7:8: TOML语法错误：文本值必须放在引号中\n  \
         |\n\
         7 | name = 风控模型\n  \
         |        ^\n",
    );
    project.write("mlteam.toml", &manifest);

    // Unknown role, phase and person: a "did you mean", or the people there are.
    project
        .mlteam(&["checklist", "--role", "ml-enginer"])
        .code(2)
        .stderr("错误：--role: 未知的角色`ml-enginer`；是不是想写`ml-engineer`？\n");
    project
        .mlteam(&["checklist", "--phase", "modelling"])
        .code(2)
        .stderr("错误：--phase: 未知的阶段`modelling`；是不是想写`modeling`？\n");
    project
        .mlteam(&["checklist", "--person", "Ada"])
        .code(2)
        .stderr(
            "错误：--person: 团队中没有名为`Ada`的成员\n  \
         提示：团队成员有：李雷、韩梅梅（即mlteam.toml中的[[member]]条目）\n",
        );
    project
        .mlteam(&["status", "--person", "韩梅"])
        .code(2)
        .stderr(
            "错误：--person: 团队中没有名为`韩梅`的成员；是不是想写`韩梅梅`？\n  \
         提示：成员即mlteam.toml中的[[member]]条目\n",
        );

    // Front matter that cannot be read is a warning at its line, never a guess.
    edit(
        &project,
        "docs/deliverables/prd.md",
        "status: todo",
        "status: finished",
    );
    project
        .mlteam(&["checklist", "--check", "--phase", "discovery"])
        .code(1)
        .stderr(
            "警告：demo/docs/deliverables/prd.md:7: `status`必须是`todo`、`draft`、`review`、`done`之一\n\
             错误：4项交付物中有4项尚未完成\n",
        );

    // A matrix imported with a cell the import would lose.
    let raci = project.file("docs/team/raci.md");
    let row = raci
        .lines()
        .find(|l| l.starts_with("| 编写PRD"))
        .expect("the PRD row")
        .to_string();
    edit(
        &project,
        "docs/team/raci.md",
        &row,
        &row.replacen("| A/R（代AIPM） |", "| A/R（问李雷） |", 1),
    );
    let line = raci.lines().position(|l| l == row).unwrap() + 1;
    project.mlteam(&["raci", "import"]).code(2).stderr(&format!(
        "错误：demo/docs/team/raci.md:{line}: `编写PRD`这一行的product-manager列：\
         `A/R（问李雷）`不是有效的职责类型，导入会丢掉该格其余的内容；请填写R、A、C、I或A/R，或留空\n"
    ));
}

#[test]
fn outside_a_project_the_flag_or_the_locale_chooses() {
    let project = Project::new();
    // No project: the locale speaks…
    project
        .cmd()
        .args(["-C", "nowhere", "sync"])
        .env("LANG", "zh_CN.UTF-8")
        .finish()
        .code(2)
        .stderr(
            "错误：`nowhere`中没有`mlteam.toml`\n  \
             提示：运行`mlteam init`在那里新建项目，或用`-C DIR`指向一个已有项目\n",
        );
    // …unless --lang says otherwise.
    project
        .cmd()
        .args(["-C", "nowhere", "sync", "--lang", "en"])
        .env("LANG", "zh_CN.UTF-8")
        .finish()
        .code(2)
        .stderr(
            "error: no mlteam.toml in nowhere\n  \
             help: run `mlteam init` to start a project there, or `-C DIR` to point at one\n",
        );
    // Inside a project its language wins over the locale and --lang, even when the manifest
    // has a mistake further down.
    let project = zh_project();
    edit(
        &project,
        "mlteam.toml",
        "kind = \"product\"",
        "kind = \"reseach\"",
    );
    edit(
        &project,
        "mlteam.toml",
        "name = \"风控模型\"",
        "name = 风控模型",
    );
    project
        .mlteam(&["sync", "--lang", "en"])
        .code(2)
        .stdout("")
        .stderr(
            "错误：demo/mlteam.toml:7:8: TOML语法错误：文本值必须放在引号中\n  \
                 |\n\
                 7 | name = 风控模型\n  \
                 |        ^\n",
        );
}

/// Another command holds the lock (its holder file says who): the second is told so in
/// Chinese, with how to stop the first.
#[cfg(unix)]
#[test]
fn a_held_lock_is_said_in_chinese() {
    let project = zh_project();
    project.write(
        ".mlteam/lock",
        "pid = 999999\ncommand = \"mlteam -C demo sync\"\nsince = \"2026-11-27T09:00:00Z\"\n",
    );
    let folder = std::fs::File::open(project.root()).unwrap();
    fs4::FileExt::try_lock(&folder).expect("the test takes the lock");
    let before = project.snapshot();
    project.mlteam(&["sync"]).code(2).stdout("").stderr(
        "错误：demo：另一个mlteam命令正在写入此项目：`mlteam -C demo sync`（进程号999999，开始于\
         2026-11-27 09:00:00 UTC）；已等待5秒\n  \
         提示：请等那个命令结束后再运行本命令；如果进程999999卡住了，可以结束它（`kill 999999`）\n",
    );
    assert_eq!(project.snapshot(), before);
}

/// Stopped half-way through its writes, a command undoes them and says so in Chinese.
#[cfg(unix)]
#[test]
fn an_interrupted_write_is_said_in_chinese() {
    use crate::hardening::{finish, signal, start, until};
    let project = zh_project();
    edit(
        &project,
        "mlteam.toml",
        "name = \"韩梅梅\"",
        "name = \"韩梅\"",
    );
    let before = project.snapshot();
    // Each file written waits 300 ms: time to be stopped half-way.
    let sync = start(&project, &["sync"], 300);
    until("sync writes its journal", || {
        project.exists(".mlteam/journal")
    });
    signal(&sync, "TERM");
    let output = finish(sync);
    assert_eq!(output.status.code(), Some(130), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "错误：已中断，未写入任何文件\n"
    );
    assert_eq!(project.snapshot(), before);
}

// The battery: no English word in anything a Chinese project prints.

/// Words an ASCII reader may meet in Chinese text: names, not English sentences.
const NAMES: [&str; 8] = [
    "mlteam",
    "Windows",
    "Markdown",
    "Mermaid",
    // The four RACI letters, named where the legend explains them.
    "Responsible",
    "Accountable",
    "Consulted",
    "Informed",
];

/// The English words of `text`: what is left once everything a reader types or reads as a
/// name is set aside: code in backticks, values as typed (in “”), TOML tables (`[team]`), the
/// place a line is about (a file, a flag or a command before its colon), the lines of a file
/// shown under a diagnostic, markers, link targets, paths, flags, ids, keys, dates and numbers
/// (any word with a digit or one of
/// `/ . - _ : = @ < > # + *`), acronyms and codes (`RACI`, `PjM`, `DevOps`, `GitHub`: capitals
/// past the first letter) and the names above. Words of three letters and more.
fn english_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for line in text.lines() {
        // `18 | timezone = …` and `   |    ^`: the user's file, shown under a diagnostic.
        let gutter =
            line.trim_start_matches([' ', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
        if gutter.starts_with('|') && gutter.len() < line.len() {
            continue;
        }
        let mut rest = String::new();
        let mut code = false;
        for c in line.chars() {
            if c == '`' {
                code = !code;
            } else if !code {
                rest.push(c);
            }
        }
        let mut rest = without(&without(&rest, "<!--", "-->"), "](", ")");
        rest = without(&rest, "“", "”");
        rest = ascii_brackets(&rest);
        // `错误：roles add: …`, `demo：另一个…`: the place before the first colon, when it is
        // ASCII.
        let body = ["错误：", "警告：", "提示："]
            .iter()
            .fold(rest.trim_start(), |r, label| {
                r.strip_prefix(label).unwrap_or(r)
            })
            .to_string();
        let place = [": ", "："]
            .iter()
            .filter_map(|colon| body.find(colon).map(|at| (at, colon.len())))
            .min();
        rest = match place {
            Some((at, len)) if body[..at].is_ascii() => body[at + len..].to_string(),
            _ => body,
        };
        let token_char = |c: char| c.is_ascii_alphanumeric() || "/._-:=@<>#+*'".contains(c);
        for token in rest.split(|c: char| !token_char(c)) {
            let plain = token.chars().all(|c| c.is_ascii_alphabetic());
            let code = token.chars().skip(1).any(|c| c.is_ascii_uppercase());
            if plain && token.len() >= 3 && !code && !NAMES.contains(&token) {
                words.push(token.to_string());
            }
        }
    }
    words
}

/// `text` without the bracketed spans that are all ASCII: TOML tables such as `[[member]]`
/// (a Markdown link's text, `[产品经理](…)`, stays).
fn ascii_brackets(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        let end = rest[start..].find(']').map(|e| start + e);
        match end {
            Some(end) if rest[start..end].is_ascii() => {
                out.push_str(&rest[..start]);
                rest = rest[end + 1..].trim_start_matches(']');
            }
            _ => {
                out.push_str(&rest[..=start]);
                rest = &rest[start + 1..];
            }
        }
    }
    out + rest
}

/// `text` without the spans from `open` to `close`.
fn without(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        match rest[start + open.len()..].find(close) {
            Some(end) => rest = &rest[start + open.len() + end + close.len()..],
            None => {
                rest = "";
            }
        }
    }
    out + rest
}

/// Whether a value of a CSV or JSON export is an id or a fixed value of its schema (`prd`,
/// `todo`, `false`), not words for a reader.
fn is_id(value: &str) -> bool {
    !value.is_empty()
        && value.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The human text of a JSON document: its string values but ids (the keys are its schema).
fn json_text(text: &str) -> String {
    fn walk(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::String(s) if !is_id(s) => {
                out.push_str(s);
                out.push('\n');
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    walk(&serde_json::from_str(text).expect("JSON"), &mut out);
    out
}

/// The text an HTML page shows: without its style sheet, scripts and tags.
fn html_text(text: &str) -> String {
    let text = without(&without(text, "<style", "</style>"), "<script", "</script>");
    without(&text, "<", ">")
}

/// What one run printed, as the word check reads it.
fn printed(run: &Run, format: Format) -> String {
    let stdout = match format {
        Format::Text => run.stdout.clone(),
        Format::Json => json_text(&run.stdout),
        // The first row is the schema; ids are not words.
        Format::Csv => run
            .stdout
            .lines()
            .skip(1)
            .flat_map(|row| row.split(','))
            .filter(|cell| !is_id(cell))
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Html => html_text(&run.stdout),
    };
    format!("{stdout}\n{}", run.stderr)
}

#[derive(Clone, Copy)]
enum Format {
    Text,
    Json,
    Csv,
    Html,
}

/// A case of the battery: what is done to a fresh Chinese project, then the command run.
struct Case {
    what: &'static str,
    setup: fn(&Project),
    args: &'static [&'static str],
    format: Format,
}

fn none(_: &Project) {}

fn manifest(project: &Project, from: &str, to: &str) {
    edit(project, "mlteam.toml", from, to);
}

fn append(project: &Project, text: &str) {
    let manifest = project.file("mlteam.toml");
    project.write("mlteam.toml", &format!("{manifest}\n{text}\n"));
}

fn put(project: &Project, file: &str, text: &str) {
    project.write(file, text);
}

fn stub(project: &Project, from: &str, to: &str) {
    edit(project, "docs/deliverables/prd.md", from, to);
}

macro_rules! case {
    ($what:literal, $args:expr) => {
        case!($what, none, $args)
    };
    ($what:literal, $setup:expr, $args:expr) => {
        case!($what, $setup, $args, Format::Text)
    };
    ($what:literal, $setup:expr, $args:expr, $format:expr) => {
        Case {
            what: $what,
            setup: $setup,
            args: $args,
            format: $format,
        }
    };
}

fn cases() -> Vec<Case> {
    vec![
        // What a healthy project prints.
        case!("sync", &["sync"]),
        case!("sync --dry-run", &["sync", "--dry-run"]),
        case!("check", &["check"]),
        case!("checklist", &["checklist"]),
        case!("checklist --check", &["checklist", "--check"]),
        case!("checklist md", &["checklist", "--format", "md", "-o", "-"]),
        case!(
            "checklist csv",
            none,
            &["checklist", "--format", "csv"],
            Format::Csv
        ),
        case!(
            "checklist json",
            none,
            &["checklist", "--format", "json"],
            Format::Json
        ),
        case!("raci", &["raci"]),
        case!("raci md", &["raci", "--format", "md"]),
        case!("raci csv", none, &["raci", "--format", "csv"], Format::Csv),
        case!(
            "raci json",
            none,
            &["raci", "--format", "json"],
            Format::Json
        ),
        case!(
            "raci html",
            none,
            &["raci", "--format", "html"],
            Format::Html
        ),
        case!("status", &["status"]),
        case!("status --person", &["status", "--person", "韩梅梅"]),
        case!(
            "status json",
            none,
            &["status", "--format", "json"],
            Format::Json
        ),
        case!(
            "status html",
            none,
            &["status", "--html", "-"],
            Format::Html
        ),
        case!("meetings", &["meetings"]),
        case!("meetings --ics", &["meetings", "--ics", "-"]),
        case!("roles list", &["roles", "list"]),
        case!("templates list", &["templates", "list"]),
        case!(
            "roles add",
            &["roles", "add", "devops-engineer", "--holder", "王芳"]
        ),
        case!("roles remove", &["roles", "remove", "data-engineer"]),
        case!(
            "roles remove a person's all",
            &["roles", "remove", "product-manager,data-engineer"]
        ),
        case!("init", &["init", "new", "--yes", "--lang", "zh"]),
        case!("raci import", &["raci", "import"]),
        case!("templates export", &["templates", "export"]),
        // Bad values in the manifest.
        case!(
            "timezone",
            |p| manifest(
                p,
                "timezone = \"Europe/Berlin\"",
                "timezone = \"Europe/Berln\""
            ),
            &["sync"]
        ),
        case!(
            "kind",
            |p| manifest(p, "kind = \"product\"", "kind = \"reseach\""),
            &["sync"]
        ),
        case!(
            "role id",
            |p| manifest(p, "\"ml-engineer\", #", "\"ml-enginer\", #"),
            &["sync"]
        ),
        case!(
            "unknown key",
            |p| manifest(p, "description =", "descripton ="),
            &["sync"]
        ),
        case!(
            "quoted start",
            |p| manifest(p, "start = 2026-11-30", "start = \"2026-11-30\""),
            &["sync"]
        ),
        case!(
            "start with time",
            |p| manifest(p, "start = 2026-11-30", "start = 2026-11-30T09:00:00"),
            &["sync"]
        ),
        case!(
            "start far",
            |p| manifest(p, "start = 2026-11-30", "start = 1900-01-01"),
            &["sync"]
        ),
        case!(
            "empty name",
            |p| manifest(p, "name = \"风控模型\"", "name = \" \""),
            &["sync"]
        ),
        case!(
            "control character",
            |p| manifest(p, "name = \"风控模型\"", "name = \"风控\\u0007模型\""),
            &["sync"]
        ),
        case!(
            "wrong type",
            |p| manifest(p, "name = \"风控模型\"", "name = 5"),
            &["sync"]
        ),
        case!(
            "roles not a list",
            |p| manifest(
                p,
                "roles = [\"product-manager\", \"data-engineer\"]",
                "roles = \"product-manager\""
            ),
            &["sync"]
        ),
        case!(
            "email",
            |p| manifest(p, "lilei@example.com", "lilei-at-example"),
            &["sync"]
        ),
        case!(
            "github",
            |p| manifest(p, "email = \"lilei@example.com\"", "github = \"@lilei\""),
            &["sync"]
        ),
        case!(
            "role off the team",
            |p| manifest(
                p,
                "[\"data-scientist\", \"ml-engineer\"]",
                "[\"data-scientist\", \"devops-engineer\"]"
            ),
            &["sync"]
        ),
        case!(
            "meeting",
            |p| manifest(p, "\"standup\", #", "\"stand-up\", #"),
            &["sync"]
        ),
        case!(
            "meeting overrides",
            |p| append(
                p,
                "[meetings.overrides.standup]\nday = \"XX\"\ntime = \"25:00\"\nduration = \"PT0M\"\n\n[meetings.overrides.stand-up]\nday = \"MO\""
            ),
            &["sync"]
        ),
        case!(
            "numbered day",
            |p| append(p, "[meetings.overrides.weekly-sync]\nday = \"1MO\""),
            &["sync"]
        ),
        case!(
            "max_share",
            |p| manifest(p, "max_share = 1.5", "max_share = 0.5\nmax_accountable = 0"),
            &["sync"]
        ),
        case!(
            "override letter",
            |p| manifest(
                p,
                "# prd = { product-manager = \"A/R\", ai-product-manager = \"C\" }",
                "prd = { product-manager = \"X\" }\nnope = { product-manager = \"R\" }\nproject-charter = { product-mgr = \"R\" }"
            ),
            &["sync"]
        ),
        case!(
            "override rule",
            |p| manifest(
                p,
                "# prd = { product-manager = \"A/R\", ai-product-manager = \"C\" }",
                "prd = { product-manager = \"-\" }"
            ),
            &["sync"]
        ),
        case!(
            "schedule length",
            |p| manifest(
                p,
                "# data = \"8w\"",
                "data = \"3x\"\nmodelling = \"2w\"\ndelivery = \"2w\"\ndeployment = \"999w\""
            ),
            &["sync"]
        ),
        case!(
            "schedule dates",
            |p| manifest(
                p,
                "# data = \"8w\"",
                "data = { start = 2026-12-01, end = 2026-12-31 }\nmodeling = { start = 2027-02-01, end = 2027-01-01 }\ndeployment = { begin = 2027-03-01 }\noperations = 5"
            ),
            &["sync"]
        ),
        case!(
            "custom role",
            |p| append(
                p,
                "[[custom.role]]\nid = \"Prompt_Engineer\"\nname = \"提示词工程师\"\ngroup = \"research\"\ncode = \"TOO-LONG-CODE\"\ncovers = [\"ml-enginer\"]\nsumary = \"x\""
            ),
            &["sync"]
        ),
        case!(
            "custom entries",
            |p| append(
                p,
                "[[custom.activity]]\nid = \"con\"\nname = \"活动\"\nphase = \"modelling\"\nraci = { product-manager = \"C\" }\n\n[[custom.deliverable]]\ntitle = \"无id\"\n\n[[custom.meeting]]\nid = \"sync-2\"\nname = \"会\"\nrrule = \"FREQ=HOURLY\"\ntime = \"9\"\nduration = \"1h\"\nchair = \"nobody\""
            ),
            &["sync"]
        ),
        case!(
            "lang unknown, --lang zh",
            |p| manifest(p, "lang = \"zh\"", "lang = \"fr\""),
            &["sync", "--lang", "zh"]
        ),
        case!(
            "people",
            |p| append(
                p,
                "[[member]]\nname = \"李雷\"\nroles = [\"ml-engineer\"]\n\n[[member]]\nname = \"王芳\"\nroles = []"
            ),
            &["check"]
        ),
        case!(
            "advice",
            |p| {
                p.cmd()
                    .args([
                        "init",
                        "demo",
                        "--yes",
                        "--force",
                        "--lang",
                        "zh",
                        "--roles",
                        "business-consultant",
                        "--member",
                        "王芳=business-consultant",
                    ])
                    .assert()
                    .success();
            },
            &["check"]
        ),
        // Bad flags.
        case!("--role", &["checklist", "--role", "ml-enginer"]),
        case!("--phase", &["checklist", "--phase", "modelling"]),
        case!("--person", &["checklist", "--person", "Ada"]),
        case!("status --person", &["status", "--person", "韩梅"]),
        case!(
            "gate on nothing",
            &["checklist", "--check", "--phase", "delivery"]
        ),
        case!("roles add unknown", &["roles", "add", "prompt-engineer"]),
        case!("roles add nothing", &["roles", "add", ","]),
        case!(
            "roles remove absent",
            &["roles", "remove", "devops-engineer"]
        ),
        case!(
            "roles remove all",
            &[
                "roles",
                "remove",
                "product-manager,data-scientist,ml-engineer,data-engineer"
            ]
        ),
        case!(
            "context page",
            &["templates", "context", "docs/team/roles/ml-enginer.md"]
        ),
        case!("export outside", &["templates", "export", "/"]),
        case!("-o folder", &["raci", "--format", "csv", "-o", "docs"]),
        case!(
            "-o nowhere",
            &["raci", "--format", "csv", "-o", "no/such/folder/raci.csv"]
        ),
        case!("-o empty", &["checklist", "--format", "json", "-o", ""]),
        case!("--ics folder", &["meetings", "--ics", "docs"]),
        case!("--html folder", &["status", "--html", "docs"]),
        case!("import missing", &["raci", "import", "missing.csv"]),
        case!("import folder", &["raci", "import", "docs"]),
        case!(
            "import csv header",
            |p| put(p, "m.csv", "role,phase,PM\nx,y,R\n"),
            &["raci", "import", "m.csv"]
        ),
        case!(
            "import csv rows",
            |p| put(
                p,
                "m.csv",
                "activity,phase,PM,DS,MLE,DE\nnope,x,R,,,\n编写PRD,x,R,C\n"
            ),
            &["raci", "import", "m.csv"]
        ),
        case!(
            "import csv empty",
            |p| put(p, "m.csv", "activity,phase,PM,NOPE\n"),
            &["raci", "import", "m.csv"]
        ),
        case!(
            "import no table",
            |p| put(p, "m.md", "# 没有表格\n"),
            &["raci", "import", "m.md"]
        ),
        case!(
            "import lines",
            |p| edit(p, "docs/team/raci.md", "| 编写PRD", "我加的一行\n| 编写PRD"),
            &["raci", "import"]
        ),
        case!(
            "import rule",
            |p| edit(
                p,
                "docs/team/raci.md",
                "| 编写PRD | A/R（代AIPM） |",
                "| 编写PRD | C |"
            ),
            &["raci", "import"]
        ),
        // Stubs and pages edited.
        case!(
            "bad status",
            |p| stub(p, "status: todo", "status: finished"),
            &["check"]
        ),
        case!(
            "bad due",
            |p| stub(p, "due:", "due: soon"),
            &["checklist", "--check"]
        ),
        case!(
            "due not a date",
            |p| stub(p, "due:", "due: [1]"),
            &["checklist", "--check"]
        ),
        case!("no front matter", |p| stub(p, "---\n", ""), &["check"]),
        case!(
            "front matter open",
            |p| {
                let t = p.file("docs/deliverables/prd.md");
                p.write("docs/deliverables/prd.md", &t.replacen("\n---\n", "\n", 1));
            },
            &["check"]
        ),
        case!(
            "front matter yaml",
            |p| stub(p, "owner: product-manager", "owner: [x"),
            &["check"]
        ),
        case!(
            "front matter shape",
            |p| stub(p, "phase: discovery", "phase: [x]"),
            &["check"]
        ),
        case!(
            "front matter twice",
            |p| stub(p, "status: todo", "status: todo\nphase: data"),
            &["check"]
        ),
        case!(
            "front matter values",
            |p| {
                stub(p, "status: todo", "status: done");
                stub(p, "approved_by:", "approved_by: 王五");
                stub(p, "owner: product-manager", "owner: product-mgr");
                stub(p, "phase: discovery", "phase: modelling");
                stub(p, "contributors: [", "contributors: [ml-enginer, ");
            },
            &["check"]
        ),
        case!(
            "signed off by another",
            |p| {
                stub(p, "status: todo", "status: done");
                stub(p, "approved_by:", "approved_by: 韩梅梅");
            },
            &["check"]
        ),
        case!(
            "not signed off",
            |p| stub(p, "status: todo", "status: done"),
            &["check"]
        ),
        case!("no status", |p| stub(p, "status: todo\n", ""), &["check"]),
        case!(
            "not text",
            |p| std::fs::write(p.path("docs/deliverables/prd.md"), b"\xff\xfe").unwrap(),
            &["checklist", "--check"]
        ),
        case!(
            "a folder for a page",
            |p| {
                std::fs::remove_file(p.path("docs/checklist.md")).unwrap();
                std::fs::create_dir(p.path("docs/checklist.md")).unwrap();
            },
            &["sync"]
        ),
        case!(
            "region edited",
            |p| edit(p, "docs/team/raci.md", "| 编写PRD", "| 我改的 "),
            &["sync"]
        ),
        case!(
            "calendar edited",
            |p| edit(p, "docs/meetings/calendar.ics", "每日站会", "站会"),
            &["sync"]
        ),
        case!(
            "markers removed",
            |p| {
                let t = p.file("docs/checklist.md");
                let t: String = t
                    .lines()
                    .filter(|l| !l.contains("mlteam:"))
                    .map(|l| format!("{l}\n"))
                    .collect();
                p.write("docs/checklist.md", &t);
            },
            &["sync"]
        ),
        case!(
            "markers broken",
            |p| {
                let t = p.file("docs/checklist.md");
                let t: String = t
                    .lines()
                    .filter(|l| !l.contains("mlteam:end"))
                    .map(|l| format!("{l}\n"))
                    .collect();
                p.write("docs/checklist.md", &t);
            },
            &["sync"]
        ),
        case!(
            "missing files",
            |p| {
                std::fs::remove_file(p.path("docs/deliverables/prd.md")).unwrap();
                std::fs::remove_file(p.path("docs/plan.md")).unwrap();
            },
            &["check"]
        ),
        case!(
            "out of date",
            |p| manifest(p, "name = \"韩梅梅\"", "name = \"韩梅\""),
            &["check"]
        ),
        case!(
            "orphans",
            |p| {
                p.write("docs/deliverables/old.md", "---\nstatus: todo\n---\n");
                p.write("docs/meetings/old.md", "x\n");
                p.write("docs/team/roles/old.md", "x\n");
            },
            &["sync"]
        ),
        case!(
            "kind changed",
            |p| manifest(p, "kind = \"product\"", "kind = \"research\""),
            &["sync"]
        ),
        case!(
            "template",
            |p| put(p, ".mlteam/templates/zh/role.md.hbs", "{{role.holdrs}}\n"),
            &["sync"]
        ),
        case!(
            "journal",
            |p| put(p, ".mlteam/journal", "{ not json"),
            &["sync"]
        ),
        case!(
            "stale lock",
            |p| put(
                p,
                ".mlteam/lock",
                "pid = 999999\ncommand = \"mlteam -C demo sync\"\nsince = \"2026-11-27T09:00:00Z\"\n"
            ),
            &["sync"]
        ),
        case!("init over the project", &["init", "."]),
        case!(
            "init --from missing",
            &["init", "new", "--from", "missing.toml", "--lang", "zh"]
        ),
        case!(
            "init flags",
            &[
                "init",
                "new",
                "--yes",
                "--lang",
                "zh",
                "--kind",
                "prodcut",
                "--roles",
                "ml-enginer",
                "--member",
                "Ada <ada>=ml-engineer",
                "--member",
                "Bo",
                "--start",
                "2026-02-30",
                "--timezone",
                "Asia/Shangai",
                "--meetings",
                "stand-up"
            ]
        ),
    ]
}

#[test]
fn nothing_a_chinese_project_prints_is_english() {
    let mut found = Vec::new();
    // Each case's exit code, pinned: a setup that no longer meets its error would otherwise
    // pass in silence, printing nothing English because it prints nothing at all.
    let mut codes = Vec::new();
    for case in cases() {
        let project = zh_project();
        (case.setup)(&project);
        let run = project.mlteam(case.args);
        let text = printed(&run, case.format);
        codes.push(format!("{}: {:?}", case.what, run.code));
        if run.stdout.trim().is_empty() && run.stderr.trim().is_empty() {
            found.push(format!("{} ({:?}) printed nothing", case.what, case.args));
        }
        let words = english_words(&text);
        // `L10N_DUMP=1 cargo test l10n -- --nocapture` shows every output, to review the words.
        if std::env::var("L10N_DUMP").is_ok() {
            eprintln!("=== {} {:?} [{:?}]\n{text}", case.what, case.args, run.code);
        }
        if !words.is_empty() {
            found.push(format!(
                "{} ({:?}): {words:?}\n{text}",
                case.what, case.args
            ));
        }
    }
    assert!(found.is_empty(), "English words:\n{}", found.join("\n"));
    insta::assert_snapshot!("chinese_cases_exit_codes", codes.join("\n"));
}

#[test]
fn the_word_check_finds_english() {
    assert_eq!(
        english_words("错误：demo/mlteam.toml:3:1: unknown key `nmae`\n  |\n3 | nmae = 1\n"),
        ["unknown", "key"]
    );
    assert_eq!(
        english_words(
            "提示：请使用`R`、A/R、RACI，或运行`mlteam sync`（见docs/team/raci.md，--force）"
        ),
        Vec::<String>::new()
    );
}
