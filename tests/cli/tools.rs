//! The small commands around the main job: the role catalog, shell completions, the man page.

use crate::support::{Finish, Project, same_text, stdout};

#[test]
fn roles_list_shows_every_role_in_both_languages() {
    let project = Project::new();
    project
        .cmd()
        .args(["roles", "list"])
        .finish()
        .ok()
        .stdout("Management\n  \
                 product-manager       Product manager       Turns ML results into a product that can ship: requirements, solution design, iterations\n  \
                 project-manager       Project manager       Runs implementation and delivery once the product or MVP exists: plan, resources, risks\n  \
                 ai-product-manager    AI product manager    Decision hub for AI products: picks use cases, sets priorities and aligns every role\n\
                 Research and engineering\n  \
                 data-scientist        Data scientist        Finds the value in data and builds models with statistics, machine learning and deep learning\n  \
                 ml-researcher         ML researcher         Explores new methods ahead of the product and proves whether an algorithm can work in practice\n  \
                 ml-engineer           ML engineer           Implements, deploys and integrates models, from the chosen algorithm to a running inference service\n  \
                 ml-applied-scientist  ML applied scientist  Bridges theory and practice: adapts ML methods to real scenarios and proves their impact\n  \
                 data-engineer         Data engineer         Builds and runs the data pipelines and storage that ML work depends on\n  \
                 data-analyst          Data analyst          Analyses collected data and turns it into insights that steer the team's decisions\n  \
                 big-data-engineer     Big-data engineer     Handles data at scale: secure, efficient storage and fast retrieval for the AI team\n\
                 Development and delivery\n  \
                 software-engineer     Software engineer     Designs and builds the software product around the models, from front end to back end\n  \
                 devops-engineer       DevOps engineer       Builds the delivery pipeline and infrastructure: CI/CD, platforms, deployment and monitoring\n  \
                 delivery-engineer     Delivery engineer     Takes the project to the customer: requirements research, on-site implementation, acceptance\n  \
                 business-consultant   Business consultant   Brings domain expertise: business and market needs, industry solutions, presales advice\n")
        .stderr("");
    project
        .cmd()
        .args(["roles", "list", "--lang", "zh"])
        .finish()
        .ok()
        .stdout("管理层角色\n  \
                 product-manager       产品经理            把算法成果变成可落地交付的产品，负责需求、方案与迭代\n  \
                 project-manager       项目经理            产品或MVP就绪后负责项目实施与交付，把控进度、资源和风险\n  \
                 ai-product-manager    AI产品经理          AI产品规划与决策的关键枢纽：定方向、排优先级，协调各角色\n\
                 技术研发角色\n  \
                 data-scientist        数据科学家          挖掘数据价值，用统计与机器学习方法解决业务问题\n  \
                 ml-researcher         机器学习研究员      负责前瞻性算法研究，论证新方法能否落地\n  \
                 ml-engineer           机器学习工程师      负责模型的工程实现、部署与集成，交付可运行的推理服务\n  \
                 ml-applied-scientist  机器学习应用科学家  连接理论与实践，把机器学习方法落到真实场景并验证效果\n  \
                 data-engineer         数据工程师          搭建并维护数据管道与存储，保障机器学习所需数据可用\n  \
                 data-analyst          数据分析师          深入分析业务与系统数据，为团队决策提供依据\n  \
                 big-data-engineer     大数据工程师        处理海量数据，为AI团队提供安全高效的存储与检索能力\n\
                 开发与交付角色\n  \
                 software-engineer     软件开发工程师      负责系统架构与软件开发，构建承载模型的软件产品\n  \
                 devops-engineer       DevOps工程师        推行开发运维一体化，搭建CI/CD流水线和基础设施，保障部署和线上运行\n  \
                 delivery-engineer     交付工程师          深入客户现场，负责需求调研、实施部署、验收和培训\n  \
                 business-consultant   业务咨询顾问        提供业务领域专业知识，梳理需求与行业方案，支持售前咨询\n")
        .stderr("");
}

/// A completion script is thousands of lines that clap_complete writes; what is ours in it is
/// the commands it completes.
#[test]
fn completions_for_every_shell() {
    let project = Project::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = project
            .cmd()
            .args(["completions", shell])
            .finish()
            .ok()
            .stderr("");
        assert!(run.stdout.contains("init"), "{shell}");
    }
}

#[test]
fn the_man_page_renders() {
    let run = Project::new().cmd().arg("man").finish().ok().stderr("");
    // The page is long; its head says what the program is.
    let head: String = run
        .stdout
        .lines()
        .take(5)
        .map(|l| format!("{l}\n"))
        .collect();
    same_text(
        "the head of the man page",
        &head,
        &format!(
            ".ie \\n(.g .ds Aq \\(aq\n\
             .el .ds Aq '\n\
             .TH mlteam 1  \"mlteam {}\" \n\
             .SH NAME\n\
             mlteam \\- Start and keep the paperwork of a machine\\-learning project team\n",
            env!("CARGO_PKG_VERSION")
        ),
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let project = Project::new();
    let plain = stdout(
        &project
            .cmd()
            .args(["init", "demo", "--yes", "--dry-run"])
            .output()
            .unwrap(),
    );
    // The plan and a diff of every file: too long to write out here, so its escapes are counted.
    assert!(!plain.contains('\u{1b}'), "NO_COLOR and a pipe: no escapes");
    let always = project
        .cmd()
        .args(["init", "demo", "--yes", "--dry-run", "--color", "always"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let coloured = stdout(&always);
    assert_eq!(
        coloured.lines().next(),
        Some("\u{1b}[32mwould create\u{1b}[0m  mlteam.toml"),
    );
    same_text(
        "stdout without its colours",
        &dialoguer::console::strip_ansi_codes(&coloured),
        &plain,
    );
    let never = project
        .cmd()
        .args(["init", "demo", "--yes", "--dry-run", "--color", "never"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    same_text("stdout", &stdout(&never), &plain);
}
