//! The interactive `init`, driven through a real pseudo-terminal of 80×24 as a person would type,
//! in English and in Chinese, mostly without colour (NO_COLOR): what the person sees is asserted
//! on the raw output the program wrote.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use dialoguer::console::{measure_text_width, strip_ansi_codes};
use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};

use crate::support::{Project, TODAY, same_text};

type Pty = Session<expectrl::process::unix::UnixProcess, expectrl::process::unix::PtyStream>;

const ENTER: &str = "\r";
const SPACE: &str = " ";
const DOWN: &str = "\u{1b}[B";
const LEFT: &str = "\u{1b}[D";
const BACKSPACE: &str = "\u{7f}";
const CTRL_C: &str = "\u{3}";
const COLUMNS: usize = 80;

/// The language a session runs in: English through the language question (the default under
/// `LANG=C`), Chinese through `--lang zh`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Zh,
}

use Lang::{En, Zh};

impl Lang {
    /// What this language says, of the two.
    fn t<T>(self, en: T, zh: T) -> T {
        match self {
            En => en,
            Zh => zh,
        }
    }
}

/// The program in a pseudo-terminal, and everything it has written so far.
struct Screen {
    session: Pty,
    lang: Lang,
    seen: String,
}

impl Screen {
    fn spawn(project: &Project, lang: Lang) -> Screen {
        Screen::spawn_with(project, lang, true)
    }

    fn spawn_with(project: &Project, lang: Lang, no_color: bool) -> Screen {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("mlteam"));
        cmd.args(["init", "demo"])
            .current_dir(project.parent())
            .env("MLTEAM_TODAY", TODAY)
            .env("TZ", "UTC")
            .env("LANG", "C")
            .env("TERM", "xterm-256color")
            .env("COLUMNS", COLUMNS.to_string())
            .env("LINES", "24")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("CLICOLOR_FORCE");
        if lang == Zh {
            cmd.args(["--lang", "zh"]);
        }
        if no_color {
            cmd.env("NO_COLOR", "1");
        } else {
            cmd.env_remove("NO_COLOR");
        }
        let mut session = Session::spawn(cmd).expect("spawned in a pseudo-terminal");
        session
            .get_process_mut()
            .set_window_size(80, 24)
            .expect("an 80×24 terminal");
        session.set_expect_timeout(Some(Duration::from_secs(20)));
        Screen {
            session,
            lang,
            seen: String::new(),
        }
    }

    fn t(&self, en: &'static str, zh: &'static str) -> &'static str {
        self.lang.t(en, zh)
    }

    /// Waits until `text` is shown; what came since the last wait, up to `text`.
    fn wait(&mut self, text: &str) -> String {
        let found = self
            .session
            .expect(text)
            .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}\nseen:\n{}", self.seen));
        let new = String::from_utf8_lossy(found.as_bytes()).into_owned();
        self.seen.push_str(&new);
        new
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
    }

    /// Waits for `prompt`, then types `keys`.
    fn answer(&mut self, prompt: &str, keys: &str) {
        self.wait(prompt);
        self.send(keys);
    }

    /// Reads everything the program still writes; its exit code and all it wrote.
    fn finish(mut self) -> (i32, String) {
        if let Ok(rest) = self.session.expect(Eof) {
            self.seen
                .push_str(&String::from_utf8_lossy(rest.as_bytes()));
        }
        let code = match self.session.get_process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("ended by {other:?}"),
        };
        (code, self.seen)
    }

    /// Name and description by default, the language (English is the default), the kind.
    fn defaults_until_roles(&mut self) {
        self.answer(self.t("Project name", "项目名称"), ENTER);
        self.answer(self.t("One-line description", "一句话简介"), ENTER);
        if self.lang == En {
            self.answer("Language of the documents", ENTER);
        }
        self.answer(self.t("Kind of project", "项目类型"), ENTER);
    }

    /// The three role questions, one per group; `management` is typed at the first.
    fn roles(&mut self, management: &str) {
        self.answer(
            self.t("Roles on the team: Management", "团队角色：管理层角色"),
            management,
        );
        self.answer(
            self.t(
                "Roles on the team: Research and engineering",
                "团队角色：技术研发角色",
            ),
            ENTER,
        );
        self.answer(
            self.t(
                "Roles on the team: Development and delivery",
                "团队角色：开发与交付角色",
            ),
            ENTER,
        );
    }

    fn no_people(&mut self) {
        self.answer(
            self.t(
                "Name the people who hold these roles now?",
                "现在就登记担任这些角色的成员吗？",
            ),
            ENTER,
        );
    }

    /// Meetings, start and timezone by default, then `confirm` at the confirmation.
    fn defaults_after_people(&mut self, confirm: &str) {
        self.answer(self.t("Meetings to keep", "需要召开的会议"), ENTER);
        self.answer(self.t("Project start date", "项目开始日期"), ENTER);
        self.answer(self.t("Timezone of the meetings", "会议时区"), ENTER);
        self.answer(
            self.t("Write this skeleton?", "确认生成以上项目骨架？"),
            confirm,
        );
    }
}

/// The lines a terminal shows for `raw`: split where the program starts a line or returns to
/// its start, without escape sequences.
fn lines(raw: &str) -> Vec<String> {
    strip_ansi_codes(raw)
        .split(['\n', '\r'])
        .map(String::from)
        .collect()
}

/// Lines wider than the terminal: each would wrap, and a redraw would leave its first part.
fn too_wide(raw: &str) -> Vec<String> {
    lines(raw)
        .into_iter()
        .filter(|l| measure_text_width(l) > COLUMNS)
        .collect()
}

/// An escape sequence that sets colours or text style (`ESC [ … m`).
fn has_style(raw: &str) -> bool {
    raw.match_indices("\u{1b}[").any(|(i, _)| {
        raw[i + 2..]
            .chars()
            .find(|c| !c.is_ascii_digit() && *c != ';')
            == Some('m')
    })
}

/// The number in the summary's line about files.
fn files_in_summary(raw: &str, lang: Lang) -> usize {
    let (label, before) = lang.t(("Files", ""), ("文件", "将写入"));
    let line = lines(raw)
        .into_iter()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("a line about files in {raw}"));
    let rest = &line[line.find(label).unwrap() + label.len()..];
    let rest = rest.trim_start().trim_start_matches(before);
    rest.chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("a count in {line:?}"))
}

/// What the program wrote from the last `marker` on, its line ends as the terminal made them (CR
/// LF) read as LF: the closing words, which are written once, never redrawn.
fn from(output: &str, marker: &str) -> String {
    let at = output
        .rfind(marker)
        .unwrap_or_else(|| panic!("{marker:?} in {output:?}"));
    output[at..].replace("\r\n", "\n")
}

fn files_under(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| if p.is_dir() { files_under(&p) } else { 1 })
        .sum()
}

#[test]
fn enter_all_the_way_writes_the_core_team() {
    for lang in [En, Zh] {
        let project = Project::new();
        let mut s = Screen::spawn(&project, lang);
        s.defaults_until_roles();
        s.roles(ENTER);
        s.no_people();
        s.defaults_after_people(ENTER);
        let (code, output) = s.finish();
        assert_eq!(code, 0, "{output}");
        let manifest = project.file("mlteam.toml");
        assert!(manifest.contains("name = \"demo\""), "{manifest}");
        assert!(manifest.contains("start = 2026-11-27"), "{manifest}");
        assert!(
            manifest.contains(lang.t(
                "  \"product-manager\", # Product manager\n",
                "  \"product-manager\", # 产品经理\n"
            )),
            "{manifest}"
        );
        assert!(project.exists("docs/team/roles/product-manager.md"));
        assert!(project.exists("docs/meetings/calendar.ics"));
    }
}

/// The colourful look still works where colours are on.
#[test]
fn with_colours_the_questions_work_the_same() {
    let project = Project::new();
    let mut s = Screen::spawn_with(&project, En, false);
    s.defaults_until_roles();
    s.roles(&format!("{DOWN}{SPACE}{ENTER}"));
    s.no_people();
    s.defaults_after_people("y");
    let (code, output) = s.finish();
    assert_eq!(code, 0, "{output}");
    assert!(has_style(&output), "colours are on: {output:?}");
    assert!(!project.file("mlteam.toml").contains("\"project-manager\","));
}

/// Problem 1: without colour, `❯` marks the row Space toggles; `✔` and `⬚` what is picked.
#[test]
fn the_active_row_is_marked_without_colour() {
    for lang in [En, Zh] {
        let project = Project::new();
        let mut s = Screen::spawn(&project, lang);
        s.defaults_until_roles();
        let (pm, pjm, aipm) = lang.t(
            ("Product manager", "Project manager", "AI product manager"),
            ("产品经理", "项目经理", "AI产品经理"),
        );
        s.wait(s.t("? Roles on the team: Management", "? 团队角色：管理层角色"));
        let first = s.wait(aipm);
        assert!(first.contains(&format!("❯ ✔ {pm}")), "{first:?}");
        assert!(first.contains(&format!("\n  ✔ {pjm}")), "{first:?}");
        assert!(first.contains("\n  ⬚ "), "{first:?}");
        s.send(DOWN);
        s.wait(&format!("❯ ✔ {pjm}"));
        s.send(SPACE);
        s.wait(&format!("❯ ⬚ {pjm}"));
        s.send(DOWN);
        s.wait(&format!("❯ ⬚ {aipm}"));
        s.send(ENTER);
        // Answered: the question without its hint, and the one role left.
        let answered = s.wait(s.t("? Roles on the team: Research", "? 团队角色：技术研发角色"));
        assert!(
            answered.contains(s.t(
                "✔ Roles on the team: Management · Product manager\r\n",
                "✔ 团队角色：管理层角色 · 产品经理\r\n"
            )),
            "{answered:?}"
        );
        s.send(CTRL_C);
        let (code, output) = s.finish();
        assert_eq!(code, 130, "{output}");
        assert!(!has_style(&output), "NO_COLOR means no colour: {output:?}");
    }
}

/// Problem 2 and 9: a refused answer comes back, as typed, to be corrected; the reason is said
/// in the session's language.
#[test]
fn a_refused_answer_comes_back_to_be_corrected() {
    for lang in [En, Zh] {
        let project = Project::new();
        let mut s = Screen::spawn(&project, lang);
        s.defaults_until_roles();
        s.roles(ENTER);
        s.answer(
            s.t(
                "Name the people who hold these roles now?",
                "现在就登记担任这些角色的成员吗？",
            ),
            "y",
        );
        let person = s.t("? Person › ", "? 成员 › ");
        s.answer(
            person,
            &format!("Ada Lovelace <ada@example.com> @-ada{ENTER}"),
        );
        s.wait(s.t(
            "✘ `@-ada` is not a GitHub user name",
            "✘ “@-ada”不是有效的GitHub用户名",
        ));
        s.wait(&format!("{person}Ada Lovelace <ada@example.com> @-ada"));
        // Correct it where it stands: the last four characters.
        s.send(&format!("{}ada{ENTER}", BACKSPACE.repeat(4)));
        s.wait(&format!(
            "{} · Ada Lovelace <ada@example.com> @ada",
            s.t("✔ Person", "✔ 成员")
        ));
        s.answer(
            s.t("Roles Ada Lovelace holds", "Ada Lovelace担任的角色"),
            &format!("{SPACE}{ENTER}"),
        );
        s.answer(person, ENTER);
        s.answer(s.t("? Meetings to keep", "? 需要召开的会议"), ENTER);
        s.answer(
            s.t("Project start date", "项目开始日期"),
            &format!("2026/12/01{ENTER}"),
        );
        s.wait(s.t(
            "✘ `2026/12/01` is not a date like 2026-11-27 (YYYY-MM-DD)",
            "✘ “2026/12/01”不是有效的日期，请按YYYY-MM-DD格式填写",
        ));
        s.wait("› 2026/12/01");
        s.send(&format!("{}-12-01{ENTER}", BACKSPACE.repeat(6)));
        s.answer(
            s.t("Timezone of the meetings", "会议时区"),
            &format!("Europe/Berln{ENTER}"),
        );
        s.wait(s.t(
            "✘ unknown timezone `Europe/Berln`; did you mean `Europe/Berlin`?",
            "✘ 无法识别时区“Europe/Berln”，是不是想填“Europe/Berlin”？",
        ));
        s.wait("› Europe/Berln");
        s.send(&format!("{LEFT}i{ENTER}"));
        s.wait(s.t(
            "✔ Timezone of the meetings (IANA name) · Europe/Berlin",
            "✔ 会议时区（IANA名称） · Europe/Berlin",
        ));
        s.answer(s.t("Write this skeleton?", "确认生成以上项目骨架？"), ENTER);
        let (code, output) = s.finish();
        assert_eq!(code, 0, "{output}");
        if lang == Zh {
            for english in ["is not a", "unknown timezone", "did you mean"] {
                assert!(!output.contains(english), "{english} in {output}");
            }
        }
        let manifest = project.file("mlteam.toml");
        assert!(manifest.contains("start = 2026-12-01"), "{manifest}");
        assert!(
            manifest.contains("timezone = \"Europe/Berlin\""),
            "{manifest}"
        );
        assert!(
            manifest.contains("[[member]]\nname = \"Ada Lovelace\"\nemail = \"ada@example.com\"\ngithub = \"ada\"\nroles = [\"product-manager\"]\n"),
            "{manifest}"
        );
        // Problem 6: people were named, so the closing words do not ask for them.
        same_text(
            "the closing words",
            &from(&output, lang.t("Wrote", "已在")),
            lang.t(
                "Wrote 38 files to demo.\n\
                 Next: read demo/docs/team/README.md, then start filling the stubs in \
                 demo/docs/deliverables/.\n",
                "已在 demo 中写入38个文件。\n\
                 下一步：阅读 demo/docs/team/README.md，然后开始填写 demo/docs/deliverables/ 下的文档。\n",
            ),
        );
    }
}

/// Problem 3: every line fits 80 columns, however long the answer typed; a long answer scrolls
/// sideways while typed and wraps under itself once answered.
#[test]
fn no_line_is_wider_than_the_terminal() {
    for lang in [En, Zh] {
        let project = Project::new();
        let mut s = Screen::spawn(&project, lang);
        let description = s.t(
            "Card-fraud scoring for payments, with a description long enough to run past the end of an 80-column line",
            "面向支付业务的银行卡欺诈评分系统，这句简介故意写得很长，足以超出八十列终端的一行宽度",
        );
        s.answer(s.t("Project name", "项目名称"), ENTER);
        s.answer(
            s.t("One-line description", "一句话简介"),
            &format!("{description}{ENTER}"),
        );
        s.wait("› …"); // scrolled sideways while typed
        if lang == En {
            s.answer("Language of the documents", ENTER);
        }
        s.answer(s.t("Kind of project", "项目类型"), ENTER);
        s.roles(ENTER);
        s.answer(
            s.t(
                "Name the people who hold these roles now?",
                "现在就登记担任这些角色的成员吗？",
            ),
            "y",
        );
        let person = s.t(
            "Augusta Ada King, Countess of Lovelace <augusta.ada.king@example.com> @ada-lovelace",
            "欧阳娜娜 <ouyang.nana@example.com> @ouyang-nana",
        );
        s.answer(s.t("? Person › ", "? 成员 › "), &format!("{person}{ENTER}"));
        s.answer(
            s.t("Roles Augusta Ada King", "欧阳娜娜担任的角色"),
            &format!("{SPACE}{DOWN}{SPACE}{DOWN}{DOWN}{SPACE}{ENTER}"),
        );
        s.answer(s.t("? Person › ", "? 成员 › "), ENTER);
        s.defaults_after_people(ENTER);
        let (code, output) = s.finish();
        assert_eq!(code, 0, "{output}");
        // What the prompt drew, up to the confirmation (the closing report is not redrawn).
        let prompt = &output[..output.find(lang.t("Wrote", "已在")).unwrap()];
        assert_eq!(too_wide(prompt), Vec::<String>::new(), "{prompt}");
        let answered: Vec<String> = lines(prompt)
            .into_iter()
            .skip_while(|l| !l.starts_with(lang.t("✔ One-line", "✔ 一句话简介")))
            .filter(|l| !l.is_empty())
            .take(2)
            .collect();
        assert_eq!(
            answered.concat().replace(' ', ""),
            format!(
                "{}{description}",
                lang.t("✔One-linedescription(optional)·", "✔一句话简介（可选）·")
            )
            .replace(' ', ""),
            "{answered:?}"
        );
        let manifest = project.file("mlteam.toml");
        assert!(manifest.contains(description), "{manifest}");
    }
}

/// Problem 5: the summary says how many files init writes (as many as it then writes), and which
/// role present covers for which absent one. Problem 6: nobody was named, so the closing words
/// ask for people.
#[test]
fn the_summary_counts_the_files_and_names_the_covers() {
    for lang in [En, Zh] {
        let project = Project::new();
        let mut s = Screen::spawn(&project, lang);
        s.defaults_until_roles();
        s.roles(ENTER);
        s.no_people();
        s.answer(s.t("? Meetings to keep", "? 需要召开的会议"), ENTER);
        s.answer(s.t("Project start date", "项目开始日期"), ENTER);
        s.answer(s.t("Timezone of the meetings", "会议时区"), ENTER);
        let summary = s.wait(s.t("Write this skeleton?", "确认生成以上项目骨架？"));
        for cover in lang.t(
            [
                "Cover     Product manager covers for AI product manager, Business consultant",
                "          ML engineer covers for Software engineer",
            ],
            [
                "代行  产品经理代为承担AI产品经理、业务咨询顾问的工作",
                "      机器学习工程师代为承担软件开发工程师的工作",
            ],
        ) {
            assert!(summary.contains(cover), "{cover} in {summary}");
        }
        let counted = files_in_summary(&summary, lang);
        s.wait(s.t("(y/n) › yes", "(y/n) › 是"));
        s.send(ENTER);
        let (code, output) = s.finish();
        assert_eq!(code, 0, "{output}");
        assert_eq!(counted, files_under(project.root()), "{output}");
        same_text(
            "the closing words",
            &from(&output, lang.t("Wrote", "已在")),
            &lang.t(
                format!(
                    "Wrote {counted} files to demo.\n\
                     Next: read demo/docs/team/README.md, name people in demo/mlteam.toml, and \
                     start filling the stubs in demo/docs/deliverables/.\n"
                ),
                format!(
                    "已在 demo 中写入{counted}个文件。\n\
                     下一步：阅读 demo/docs/team/README.md，在 demo/mlteam.toml 中登记成员，然后开始填写 \
                     demo/docs/deliverables/ 下的文档。\n"
                ),
            ),
        );
    }
}

/// Files already in the folder are counted apart: init leaves them as they are.
#[test]
fn the_summary_counts_files_already_there_apart() {
    let project = Project::new();
    project.write("docs/team/README.md", "ours\n");
    let mut s = Screen::spawn(&project, Zh);
    s.defaults_until_roles();
    s.roles(ENTER);
    s.no_people();
    s.answer("? 需要召开的会议", ENTER);
    s.answer("项目开始日期", ENTER);
    s.answer("会议时区", ENTER);
    let summary = s.wait("确认生成以上项目骨架？");
    assert!(summary.contains("；已有的1个保持不变"), "{summary}");
    let counted = files_in_summary(&summary, Zh);
    s.send(ENTER);
    let (code, output) = s.finish();
    assert_eq!(code, 0, "{output}");
    assert_eq!(counted + 1, files_under(project.root()), "{output}");
    assert_eq!(project.file("docs/team/README.md"), "ours\n");
}

/// Problem 7: yes and no in the session's language; `n`, `y` and Enter answer.
#[test]
fn no_at_the_confirmation_writes_nothing() {
    for lang in [En, Zh] {
        let project = Project::new();
        let before = project.snapshot();
        let mut s = Screen::spawn(&project, lang);
        s.defaults_until_roles();
        s.roles(ENTER);
        s.no_people();
        s.defaults_after_people("n");
        let answered = s.t(
            "✔ Write this skeleton? · no",
            "✔ 确认生成以上项目骨架？ · 否",
        );
        s.wait(answered);
        // Said in the session's language, as everything before it.
        let (code, output) = s.finish();
        assert_eq!(code, 130, "{output}");
        // The cursor is shown again before the last word.
        same_text(
            "the closing words",
            &from(&output, answered),
            lang.t(
                "✔ Write this skeleton? · no\n\u{1b}[?25herror: cancelled; nothing was written\n",
                "✔ 确认生成以上项目骨架？ · 否\n\u{1b}[?25h错误：已取消，未写入任何文件\n",
            ),
        );
        if lang == Zh {
            assert!(!output.contains("(y/n) › yes"), "{output}");
        }
        assert_eq!(project.snapshot(), before);
    }
}

/// Problem 8: the summaries of the role picker start at one column, Chinese names and all.
#[test]
fn role_columns_line_up_by_display_width() {
    for lang in [En, Zh] {
        let project = Project::new();
        let mut s = Screen::spawn(&project, lang);
        s.answer(s.t("Project name", "项目名称"), ENTER);
        s.answer(s.t("One-line description", "一句话简介"), ENTER);
        if lang == En {
            s.answer("Language of the documents", ENTER);
        }
        s.answer(s.t("Kind of project", "项目类型"), ENTER);
        s.answer(
            s.t("? Roles on the team: Management", "? 团队角色：管理层角色"),
            ENTER,
        );
        s.wait(s.t("? Roles on the team: Research", "? 团队角色：技术研发角色"));
        let (names, last) = lang.t(
            (
                &[
                    "Data scientist",
                    "ML researcher",
                    "ML applied scientist",
                    "Big-data engineer",
                ][..],
                "Big-data engineer",
            ),
            (
                &[
                    "数据科学家",
                    "机器学习研究员",
                    "机器学习应用科学家",
                    "大数据工程师",
                ][..],
                "大数据工程师",
            ),
        );
        let rows = s.wait(last);
        let rows = format!("{rows}{}", s.wait("\n"));
        let starts: Vec<usize> = names
            .iter()
            .map(|name| {
                let line = lines(&rows)
                    .into_iter()
                    .find(|l| l.contains(name))
                    .unwrap_or_else(|| panic!("{name} in {rows:?}"));
                let after = line.find(name).unwrap() + name.len();
                let gap = line[after..].len() - line[after..].trim_start().len();
                measure_text_width(&line[..after + gap])
            })
            .collect();
        assert!(
            starts.iter().all(|c| *c == starts[0]),
            "{starts:?} in {rows}"
        );
        s.send(CTRL_C);
        let (code, output) = s.finish();
        assert_eq!(code, 130, "{output}");
    }
}

/// Choosing 中文 at the language question turns the rest of the session Chinese.
#[test]
fn the_language_question_turns_the_session_chinese() {
    let project = Project::new();
    let mut s = Screen::spawn(&project, En);
    s.answer("Project name", ENTER);
    s.answer("One-line description", ENTER);
    s.answer("Language of the documents", &format!("{DOWN}{ENTER}"));
    s.wait("✔ Language of the documents · 中文 (zh)");
    s.lang = Zh;
    s.answer("项目类型", ENTER);
    s.roles(ENTER);
    s.no_people();
    s.defaults_after_people("y");
    s.wait("✔ 确认生成以上项目骨架？ · 是");
    let (code, output) = s.finish();
    assert_eq!(code, 0, "{output}");
    same_text(
        "the closing words",
        &from(&output, "已在"),
        "已在 demo 中写入37个文件。\n\
         下一步：阅读 demo/docs/team/README.md，在 demo/mlteam.toml 中登记成员，然后开始填写 demo/docs/deliverables/ 下的文档。\n",
    );
    assert!(project.file("mlteam.toml").contains("lang = \"zh\""));
}

#[test]
fn ctrl_c_at_a_prompt_writes_nothing_and_gives_the_cursor_back() {
    for lang in [En, Zh] {
        // At a choice, and at a line being typed.
        for at_text in [false, true] {
            let project = Project::new();
            let before = project.snapshot();
            let mut s = Screen::spawn(&project, lang);
            if at_text {
                s.answer(s.t("Project name", "项目名称"), "half-typ");
                s.wait("half-typ");
                s.send(CTRL_C);
            } else {
                s.defaults_until_roles();
                s.answer(
                    s.t("? Roles on the team: Management", "? 团队角色：管理层角色"),
                    CTRL_C,
                );
            }
            let (code, output) = s.finish();
            assert_eq!(code, 130, "{output}");
            let shown_again = output.rfind("\u{1b}[?25h");
            assert!(
                shown_again.is_some() && shown_again >= output.rfind("\u{1b}[?25l"),
                "the cursor is shown again: {output:?}"
            );
            assert_eq!(project.snapshot(), before);
        }
    }
}

#[test]
fn a_broken_project_template_is_reported_before_any_question() {
    let project = Project::new();
    project.write(
        ".mlteam/templates/en/role.md.hbs",
        "{{#each role.duties}}\n",
    );
    let s = Screen::spawn(&project, En);
    let (code, output) = s.finish();
    assert_eq!(code, 2, "{output}");
    // No question was asked: all it wrote is the error.
    same_text(
        "the output",
        &output.replace("\r\n", "\n"),
        "error: demo/.mlteam/templates/en/role.md.hbs: template error: the template ends inside a block or an expression\n  \
         help: every `{{` needs its `}}`, and every `{{#block …}}` its `{{/block}}`\n",
    );
}

/// A person holds at least one role, and is named once (issue: people stay valid).
#[test]
fn a_person_needs_a_role_and_is_named_once() {
    for lang in [En, Zh] {
        let project = Project::new();
        let mut s = Screen::spawn(&project, lang);
        s.defaults_until_roles();
        s.roles(ENTER);
        s.answer(
            s.t(
                "Name the people who hold these roles now?",
                "现在就登记担任这些角色的成员吗？",
            ),
            "y",
        );
        let person = s.t("? Person › ", "? 成员 › ");
        s.answer(person, &format!("Ada{ENTER}"));
        // Enter with nothing picked is not accepted.
        s.answer(s.t("Roles Ada holds", "Ada担任的角色"), ENTER);
        s.wait(s.t(
            "Choose at least one role for Ada",
            "请为Ada至少选择一个角色",
        ));
        s.answer(
            s.t("Roles Ada holds", "Ada担任的角色"),
            &format!("{SPACE}{ENTER}"),
        );
        s.answer(person, &format!("ADA{ENTER}"));
        s.wait(s.t(
            "Ada is already on the team; name each person once",
            "Ada已在团队中；每位成员只需填写一次",
        ));
        // Clear the refused name, finish the list.
        s.wait(&format!("{person}ADA"));
        s.send(&format!("{}{ENTER}", BACKSPACE.repeat(3)));
        s.defaults_after_people(ENTER);
        let (code, output) = s.finish();
        assert_eq!(code, 0, "{output}");
        let manifest = project.file("mlteam.toml");
        assert!(
            manifest.contains("[[member]]\nname = \"Ada\"\nroles = [\"product-manager\"]\n"),
            "{manifest}"
        );
        assert_eq!(manifest.matches("\n[[member]]\n").count(), 1, "{manifest}");
    }
}
