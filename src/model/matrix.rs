//! The RACI matrix of a team: catalog letters moved onto the roles present through cover chains,
//! merged by strength, then the project's overrides; and the rules every row must keep (SPEC §6).

use std::collections::{BTreeMap, HashSet, VecDeque};

use super::catalog::{Activity, Catalog, of_kind};
pub use super::letter::{Letter, row_rule_problem};

/// Letters the project sets by hand: activity id → role id → letter (`None` clears the cell).
pub type Overrides = BTreeMap<String, BTreeMap<String, Option<Letter>>>;

/// Who stands in for a role that is not on the team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    pub absent: String,
    pub by: String,
    /// No cover chain reached the team; the role went to the team's most senior role present.
    pub fallback: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub letter: Letter,
    /// Absent roles whose letters this cell carries.
    pub covers: Vec<String>,
    pub overridden: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub activity: String,
    /// One per role of `Matrix::roles`.
    pub cells: Vec<Option<Cell>>,
    /// Absent roles with letters in this row that no cover chain reaches.
    pub gaps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// The roles present, in catalog order.
    pub roles: Vec<String>,
    pub rows: Vec<Row>,
    /// One per absent catalog role.
    pub covers: Vec<Cover>,
}

impl Matrix {
    /// The matrix of a project of `kind`: one row per activity of the kind. `present` may be in
    /// any order; the matrix keeps the catalog's order. It must not be empty.
    ///
    /// Overrides are letters of roles, set before the letters of absent roles move to the roles
    /// covering for them: a present role's override is its cell, whatever falls to it; an absent
    /// role's override moves like a catalog letter. Once a person has made a role of the row
    /// accountable, the catalog's other A's step back (A to C, A/R to R), so a role that joins
    /// later never brings a second A into a row someone settled by hand.
    pub fn build(
        catalog: &Catalog,
        kind: &str,
        present: &[String],
        overrides: &Overrides,
    ) -> Matrix {
        let roles: Vec<String> = catalog
            .roles
            .iter()
            .filter(|r| present.contains(&r.id))
            .map(|r| r.id.clone())
            .collect();
        let covers = resolve_covers(catalog, &roles);
        let rows = catalog
            .activities
            .iter()
            .filter(|a| of_kind(&a.kinds, kind))
            .map(|activity| build_row(catalog, activity, &roles, &covers, overrides))
            .collect();
        Matrix {
            roles,
            rows,
            covers,
        }
    }

    /// Rows that break the RACI rules, with what is wrong.
    pub fn rule_problems(&self) -> Vec<(&str, crate::words::Msg)> {
        self.rows
            .iter()
            .filter_map(|row| {
                let letters: Vec<Letter> = row.cells.iter().flatten().map(|c| c.letter).collect();
                row_rule_problem(&letters).map(|p| (row.activity.as_str(), p))
            })
            .collect()
    }

    /// How many rows give one of `roles` a letter that passes `test` (is accountable, say).
    pub fn rows_with(&self, roles: &[String], test: impl Fn(Letter) -> bool) -> usize {
        self.rows
            .iter()
            .filter(|row| {
                self.roles.iter().zip(&row.cells).any(|(role, cell)| {
                    roles.contains(role) && cell.as_ref().is_some_and(|c| test(c.letter))
                })
            })
            .count()
    }

    /// The cells of one role, as (row, cell).
    pub fn duties<'m>(&'m self, role: &str) -> impl Iterator<Item = (&'m Row, &'m Cell)> {
        let column = self.roles.iter().position(|r| r == role);
        self.rows
            .iter()
            .filter_map(move |row| Some((row, row.cells.get(column?)?.as_ref()?)))
    }
}

/// One row: every role's letter (the catalog's, or a person's), each placed on its role or on
/// the role covering for it, merged by strength.
fn build_row(
    catalog: &Catalog,
    activity: &Activity,
    roles: &[String],
    covers: &[Cover],
    overrides: &Overrides,
) -> Row {
    let column = |id: &str| roles.iter().position(|r| r == id);
    let by_hand = overrides.get(&activity.id);
    let accountable_by_hand = by_hand
        .into_iter()
        .flatten()
        .any(|(_, letter)| letter.is_some_and(Letter::is_accountable));
    // (role, letter, set by hand), the hand-set ones first so their cells are known.
    let mut letters: Vec<(&str, Letter, bool)> = by_hand
        .into_iter()
        .flatten()
        .filter_map(|(role, letter)| letter.map(|l| (role.as_str(), l, true)))
        .collect();
    for (role, &letter) in &activity.raci {
        if by_hand.is_some_and(|o| o.contains_key(role)) {
            continue;
        }
        let letter = match letter {
            Letter::A if accountable_by_hand => Letter::C,
            Letter::AR if accountable_by_hand => Letter::R,
            other => other,
        };
        letters.push((role, letter, false));
    }
    // A present role a person gave a letter (or cleared) keeps exactly that cell.
    let settled: Vec<bool> = roles
        .iter()
        .map(|r| by_hand.is_some_and(|o| o.contains_key(r)))
        .collect();

    let mut cells: Vec<Option<Cell>> = vec![None; roles.len()];
    let mut own: Vec<Option<Letter>> = vec![None; roles.len()];
    let mut covered: Vec<Vec<(String, Letter)>> = vec![Vec::new(); roles.len()];
    let mut gaps = Vec::new();
    for (role, letter, hand) in letters {
        let (target, covered_role) = match column(role) {
            Some(i) => (Some(i), None),
            None => match covers.iter().find(|c| c.absent == role) {
                Some(cover) => {
                    if cover.fallback {
                        gaps.push(role.to_string());
                    }
                    (column(&cover.by), Some(role.to_string()))
                }
                None => (None, None),
            },
        };
        let Some(i) = target else { continue };
        // What falls to a settled cell from the catalog does not change it; work a person gave
        // an absent role still has to be done, so it lands there too.
        if settled[i] && covered_role.is_some() && !hand {
            continue;
        }
        let cell = cells[i].get_or_insert(Cell {
            letter,
            covers: Vec::new(),
            overridden: false,
        });
        cell.letter = cell.letter.merge(letter);
        cell.overridden |= hand;
        match covered_role {
            Some(absent) => covered[i].push((absent, letter)),
            None => own[i] = Some(letter),
        }
    }
    for (i, cell) in cells.iter_mut().enumerate() {
        let Some(cell) = cell else { continue };
        cell.covers = covered[i]
            .iter()
            .filter(|(_, letter)| shows(*letter, own[i], cell.letter))
            .map(|(role, _)| role.clone())
            .collect();
        cell.covers.sort_by_key(|r| catalog.role_index(r));
        cell.covers.dedup();
    }
    gaps.sort_by_key(|r| catalog.role_index(r));
    gaps.dedup();
    Row {
        activity: activity.id.clone(),
        cells,
        gaps,
    }
}

/// Whether a covered role's letter shows in the cell: it brings the A or the R the cell's own
/// letter lacks, or it alone makes the cell's C or I.
fn shows(letter: Letter, own: Option<Letter>, merged: Letter) -> bool {
    let own_has = |f: fn(Letter) -> bool| own.is_some_and(f);
    (letter.is_accountable() && !own_has(Letter::is_accountable))
        || (letter.is_responsible() && !own_has(Letter::is_responsible))
        || (own.is_none()
            && !merged.is_accountable()
            && !merged.is_responsible()
            && letter == merged)
}

/// For every catalog role not on the team: the first role present along its cover chain, searched
/// breadth first through the chains of the roles it names; failing that, the first role present.
fn resolve_covers(catalog: &Catalog, present: &[String]) -> Vec<Cover> {
    let is_present = |id: &str| present.iter().any(|p| p == id);
    catalog
        .roles
        .iter()
        .filter(|role| !is_present(&role.id))
        .filter_map(|role| {
            let mut seen: HashSet<&str> = HashSet::from([role.id.as_str()]);
            let mut queue: VecDeque<&str> = role.covers.iter().map(String::as_str).collect();
            while let Some(candidate) = queue.pop_front() {
                if !seen.insert(candidate) {
                    continue;
                }
                if is_present(candidate) {
                    return Some(Cover {
                        absent: role.id.clone(),
                        by: candidate.into(),
                        fallback: false,
                    });
                }
                if let Some(next) = catalog.role(candidate) {
                    queue.extend(next.covers.iter().map(String::as_str));
                }
            }
            let senior = present.first()?;
            Some(Cover {
                absent: role.id.clone(),
                by: senior.clone(),
                fallback: true,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::builtin().unwrap()
    }

    fn team(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| (*s).to_string()).collect()
    }

    /// A role's duties are its column, row by row, blanks left out (as `raci --format csv` shows
    /// them for this team); a role not on the team has none.
    #[test]
    fn duties_are_a_roles_column() {
        let present = team(&["product-manager", "data-scientist", "ml-engineer"]);
        let matrix = Matrix::build(&catalog(), "product", &present, &Overrides::new());
        let first = |role: &str| -> Vec<(String, String)> {
            matrix
                .duties(role)
                .take(2)
                .map(|(row, cell)| (row.activity.clone(), cell.letter.to_string()))
                .collect()
        };
        let pair = |a: &str, l: &str| (a.to_string(), l.to_string());
        assert_eq!(
            [
                first("product-manager"),
                first("data-scientist"),
                first("ml-engineer")
            ],
            [
                vec![
                    pair("market-research", "A/R"),
                    pair("ml-problem-framing", "A")
                ],
                vec![
                    pair("market-research", "C"),
                    pair("ml-problem-framing", "R")
                ],
                vec![
                    pair("ml-problem-framing", "I"),
                    pair("feasibility-study", "C")
                ],
            ]
        );
        assert_eq!(matrix.duties("data-engineer").count(), 0);

        // Rows a set of roles is accountable for: each row once, whoever of them holds the A.
        let a = |roles: &[&str]| matrix.rows_with(&team(roles), Letter::is_accountable);
        let own = |role: &str| {
            matrix
                .duties(role)
                .filter(|(_, c)| c.letter.is_accountable())
                .count()
        };
        assert_eq!(a(&["ml-engineer"]), own("ml-engineer"));
        assert_eq!(
            a(&["product-manager", "ml-engineer"]),
            own("product-manager") + own("ml-engineer")
        );
        assert_eq!(
            a(&["product-manager", "data-scientist", "ml-engineer"]),
            matrix.rows.len()
        );
        assert_eq!(a(&[]), 0);
    }

    /// SPEC §6 for every one of the 16,383 teams the 14 built-in roles can form: each row has
    /// exactly one A and at least one R, every catalog letter lands on someone (A and R survive),
    /// and a row with a letter nobody's chain reaches reports that role as a gap.
    #[test]
    fn every_team_gets_a_valid_matrix() {
        let catalog = catalog();
        let all: Vec<String> = catalog.role_ids().map(String::from).collect();
        assert_eq!(all.len(), 14);
        for kind in catalog.kind_ids() {
            every_team_of_a_kind_gets_a_valid_matrix(&catalog, kind, &all);
        }
    }

    fn every_team_of_a_kind_gets_a_valid_matrix(catalog: &Catalog, kind: &str, all: &[String]) {
        let activities: Vec<&crate::model::catalog::Activity> = catalog
            .activities
            .iter()
            .filter(|a| of_kind(&a.kinds, kind))
            .collect();
        let mut teams_with_gaps = 0;
        for mask in 1u32..(1 << all.len()) {
            let present: Vec<String> = all
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, r)| r.clone())
                .collect();
            let matrix = Matrix::build(catalog, kind, &present, &Overrides::new());
            assert_eq!(
                matrix.rule_problems(),
                Vec::new(),
                "{kind} team {present:?}"
            );
            assert_eq!(matrix.covers.len(), all.len() - present.len());
            assert_eq!(matrix.rows.len(), activities.len());
            for (activity, row) in activities.iter().zip(&matrix.rows) {
                for (role, &letter) in &activity.raci {
                    let holder = matrix
                        .covers
                        .iter()
                        .find(|c| &c.absent == role)
                        .map_or(role, |c| &c.by);
                    let column = matrix
                        .roles
                        .iter()
                        .position(|r| r == holder)
                        .expect("lands on a present role");
                    let cell = row.cells[column].as_ref().expect("cell filled");
                    assert!(
                        !letter.is_accountable() || cell.letter.is_accountable(),
                        "{} {role}",
                        row.activity
                    );
                    assert!(
                        !letter.is_responsible() || cell.letter.is_responsible(),
                        "{} {role}",
                        row.activity
                    );
                    assert!(
                        cell.letter >= letter,
                        "{} {role}: {letter} lost",
                        row.activity
                    );
                    let fallback = matrix
                        .covers
                        .iter()
                        .any(|c| &c.absent == role && c.fallback);
                    assert_eq!(
                        fallback,
                        row.gaps.contains(role),
                        "{} {role} in {present:?}",
                        row.activity
                    );
                }
            }
            teams_with_gaps += usize::from(matrix.rows.iter().any(|r| !r.gaps.is_empty()));
        }
        // Some teams cannot cover everything (a business consultant alone): they must show gaps.
        assert!(teams_with_gaps > 0, "{kind}");
    }

    /// The letter of `role`'s cell in `activity`'s row.
    fn letter(matrix: &Matrix, activity: &str, role: &str) -> Option<Letter> {
        let row = matrix.rows.iter().find(|r| r.activity == activity)?;
        let column = matrix.roles.iter().position(|r| r == role)?;
        row.cells[column].as_ref().map(|c| c.letter)
    }

    /// The commonest small team signs off what its members expect to sign off (issue: "letters a
    /// real team would sign"): the PRD with the product manager, the model evaluation with the
    /// data scientist, the release with the ML engineer, the pipelines with the data engineer.
    #[test]
    fn a_four_role_product_team_is_accountable_where_it_expects() {
        let catalog = catalog();
        let four = team(&[
            "product-manager",
            "data-scientist",
            "ml-engineer",
            "data-engineer",
        ]);
        let matrix = Matrix::build(&catalog, "product", &four, &Overrides::new());
        for (activity, role) in [
            ("prd", "product-manager"),
            ("model-evaluation-report", "data-scientist"),
            ("production-release", "ml-engineer"),
            ("data-pipeline-warehouse", "data-engineer"),
        ] {
            let got = letter(&matrix, activity, role);
            assert!(
                got.is_some_and(Letter::is_accountable),
                "{activity}: {role} has {got:?}"
            );
        }
        // With everybody on the team the specialists sign their own work.
        let all: Vec<String> = catalog.role_ids().map(String::from).collect();
        let matrix = Matrix::build(&catalog, "delivery", &all, &Overrides::new());
        for (activity, role) in [
            ("model-evaluation-report", "data-scientist"),
            ("inference-system", "ml-engineer"),
            ("data-pipeline-warehouse", "data-engineer"),
        ] {
            let got = letter(&matrix, activity, role);
            assert!(
                got.is_some_and(Letter::is_accountable),
                "{activity}: {role} has {got:?}"
            );
        }
        // The researcher advises on the inference system; the engineers build it.
        assert!(
            !letter(&matrix, "inference-system", "ml-researcher")
                .is_some_and(Letter::is_responsible)
        );
    }

    #[test]
    fn a_full_team_needs_no_cover() {
        let catalog = catalog();
        let all: Vec<String> = catalog.role_ids().map(String::from).collect();
        let matrix = Matrix::build(&catalog, "delivery", &all, &Overrides::new());
        assert!(matrix.covers.is_empty());
        assert!(
            matrix
                .rows
                .iter()
                .flat_map(|r| r.cells.iter().flatten())
                .all(|c| c.covers.is_empty())
        );
        let prd = &matrix.rows.iter().find(|r| r.activity == "prd").unwrap();
        let aipm = matrix
            .roles
            .iter()
            .position(|r| r == "ai-product-manager")
            .unwrap();
        assert_eq!(prd.cells[aipm].as_ref().unwrap().letter, Letter::A);
    }

    #[test]
    fn covers_follow_the_chain_and_mark_the_cell() {
        let catalog = catalog();
        let matrix = Matrix::build(
            &catalog,
            "delivery",
            &team(&["ml-engineer", "data-scientist", "data-engineer"]),
            &Overrides::new(),
        );
        let cover = |id: &str| {
            matrix
                .covers
                .iter()
                .find(|c| c.absent == id)
                .unwrap()
                .clone()
        };
        // ML researcher's chain: applied scientist (absent), data scientist (present).
        assert_eq!(cover("ml-researcher").by, "data-scientist");
        assert!(!cover("ml-researcher").fallback);
        // Big-data engineer → data engineer.
        assert_eq!(cover("big-data-engineer").by, "data-engineer");
        let training = matrix
            .rows
            .iter()
            .find(|r| r.activity == "model-training-tuning")
            .unwrap();
        let ds = training.cells[matrix
            .roles
            .iter()
            .position(|r| r == "data-scientist")
            .unwrap()]
        .as_ref()
        .unwrap();
        // DS is C, covers MLR's A and MLAS's R: A/R.
        assert_eq!(ds.letter, Letter::AR);
        assert_eq!(ds.covers, ["ml-researcher", "ml-applied-scientist"]);
    }

    #[test]
    fn a_role_nobody_can_reach_is_a_gap_not_a_loss() {
        let catalog = catalog();
        let matrix = Matrix::build(
            &catalog,
            "delivery",
            &team(&["business-consultant"]),
            &Overrides::new(),
        );
        assert!(
            matrix
                .covers
                .iter()
                .all(|c| c.fallback && c.by == "business-consultant")
        );
        assert_eq!(matrix.rule_problems(), Vec::new());
        let etl = matrix
            .rows
            .iter()
            .find(|r| r.activity == "data-pipeline-warehouse")
            .unwrap();
        assert!(etl.gaps.contains(&"data-engineer".to_string()));
    }

    #[test]
    fn overrides_replace_or_clear_a_cell_and_can_break_the_rules() {
        let catalog = catalog();
        let all: Vec<String> = catalog.role_ids().map(String::from).collect();
        let mut overrides = Overrides::new();
        overrides
            .entry("prd".into())
            .or_default()
            .insert("product-manager".into(), Some(Letter::AR));
        overrides
            .entry("prd".into())
            .or_default()
            .insert("ai-product-manager".into(), Some(Letter::C));
        let matrix = Matrix::build(&catalog, "delivery", &all, &overrides);
        assert_eq!(matrix.rule_problems(), Vec::new());
        let prd = matrix.rows.iter().find(|r| r.activity == "prd").unwrap();
        assert!(prd.cells[0].as_ref().unwrap().overridden);

        overrides
            .entry("prd".into())
            .or_default()
            .insert("product-manager".into(), None);
        let matrix = Matrix::build(&catalog, "delivery", &all, &overrides);
        assert_eq!(matrix.rule_problems(), [("prd", crate::msg!("rule.no_a"))]);
    }

    fn set(overrides: &mut Overrides, activity: &str, role: &str, letter: Option<Letter>) {
        overrides
            .entry(activity.into())
            .or_default()
            .insert(role.into(), letter);
    }

    /// An A given by hand steps the catalog's own A back: A to C, A/R to R.
    #[test]
    fn an_a_given_by_hand_steps_the_catalogs_back() {
        let catalog = catalog();
        let present = team(&["product-manager", "data-scientist", "business-consultant"]);
        let mut overrides = Overrides::new();
        // Market research: the product manager is A/R in the catalog.
        set(
            &mut overrides,
            "market-research",
            "data-scientist",
            Some(Letter::A),
        );
        let matrix = Matrix::build(&catalog, "product", &present, &overrides);
        assert_eq!(matrix.rule_problems(), Vec::new());
        assert_eq!(
            letter(&matrix, "market-research", "product-manager"),
            Some(Letter::R)
        );
        assert_eq!(
            letter(&matrix, "market-research", "data-scientist"),
            Some(Letter::A)
        );
    }

    /// A covered role is named in a cell when it brings the A or the R the cell's own letter
    /// lacks, or when its letter alone makes the cell; a C or I under a role's own R is not.
    #[test]
    fn a_cell_names_the_roles_whose_letters_it_carries() {
        let catalog = catalog();
        let present = team(&["product-manager", "data-scientist", "ml-engineer"]);
        let matrix = Matrix::build(&catalog, "product", &present, &Overrides::new());
        let cells = |activity: &str| -> Vec<(String, String, Vec<String>)> {
            let row = matrix.rows.iter().find(|r| r.activity == activity).unwrap();
            matrix
                .roles
                .iter()
                .zip(&row.cells)
                .filter_map(|(role, cell)| {
                    let cell = cell.as_ref()?;
                    Some((role.clone(), cell.letter.to_string(), cell.covers.clone()))
                })
                .collect()
        };
        let cell = |role: &str, letter: &str, covers: &[&str]| {
            let covers = covers.iter().map(|c| c.to_string()).collect();
            (role.to_string(), letter.to_string(), covers)
        };
        assert_eq!(
            cells("prd"),
            [
                cell("product-manager", "A/R", &["ai-product-manager"]),
                cell("data-scientist", "C", &[]),
                cell("ml-engineer", "C", &[]),
            ]
        );
        assert_eq!(
            cells("data-source-inventory")[0],
            cell(
                "product-manager",
                "C",
                &["delivery-engineer", "business-consultant"]
            )
        );
        assert_eq!(
            cells("product-iteration")[1..],
            [
                cell("data-scientist", "C", &["data-analyst"]),
                cell("ml-engineer", "C", &["software-engineer"]),
            ]
        );
    }

    /// A row settled by hand (as `raci import` writes it) stays valid as roles come and go.
    #[test]
    fn a_row_set_by_hand_survives_roles_joining_and_leaving() {
        let catalog = catalog();
        let mut overrides = Overrides::new();
        // The product manager signs the PRD off and the data scientist writes it.
        set(&mut overrides, "prd", "product-manager", Some(Letter::A));
        set(&mut overrides, "prd", "data-scientist", Some(Letter::R));
        let small = team(&["product-manager", "data-scientist"]);
        let matrix = Matrix::build(&catalog, "delivery", &small, &overrides);
        assert_eq!(matrix.rule_problems(), Vec::new());
        assert_eq!(letter(&matrix, "prd", "product-manager"), Some(Letter::A));
        assert_eq!(letter(&matrix, "prd", "data-scientist"), Some(Letter::R));

        // Every other role joins: none of them brings a second A into the row.
        let all: Vec<String> = catalog.role_ids().map(String::from).collect();
        let matrix = Matrix::build(&catalog, "delivery", &all, &overrides);
        assert_eq!(matrix.rule_problems(), Vec::new());
        assert_eq!(letter(&matrix, "prd", "product-manager"), Some(Letter::A));

        // The product manager leaves: the A a person gave it moves to the role covering for it.
        let matrix = Matrix::build(
            &catalog,
            "delivery",
            &team(&["data-scientist", "ml-engineer"]),
            &overrides,
        );
        assert_eq!(matrix.rule_problems(), Vec::new());
        let row = matrix.rows.iter().find(|r| r.activity == "prd").unwrap();
        let accountable: Vec<&str> = matrix
            .roles
            .iter()
            .zip(&row.cells)
            .filter(|(_, c)| c.as_ref().is_some_and(|c| c.letter.is_accountable()))
            .map(|(r, _)| r.as_str())
            .collect();
        assert_eq!(accountable.len(), 1, "{accountable:?}");
        let cell = row.cells[matrix
            .roles
            .iter()
            .position(|r| r == accountable[0])
            .unwrap()]
        .as_ref()
        .unwrap();
        assert!(cell.overridden);
        assert!(cell.covers.contains(&"product-manager".to_string()));
    }

    /// A present role's cell set by hand is what the person wrote, whatever the absent roles it
    /// covers for would have brought.
    #[test]
    fn a_cell_set_by_hand_is_not_changed_by_what_it_covers() {
        let catalog = catalog();
        let small = team(&["product-manager", "data-scientist"]);
        let defaults = Matrix::build(&catalog, "delivery", &small, &Overrides::new());
        // The product manager covers for the AI product manager's A in problem framing.
        let before = letter(&defaults, "ml-problem-framing", "product-manager");
        assert!(before.is_some_and(Letter::is_accountable), "{before:?}");
        let mut overrides = Overrides::new();
        set(
            &mut overrides,
            "ml-problem-framing",
            "product-manager",
            Some(Letter::C),
        );
        set(
            &mut overrides,
            "ml-problem-framing",
            "data-scientist",
            Some(Letter::AR),
        );
        let matrix = Matrix::build(&catalog, "delivery", &small, &overrides);
        assert_eq!(matrix.rule_problems(), Vec::new());
        assert_eq!(
            letter(&matrix, "ml-problem-framing", "product-manager"),
            Some(Letter::C)
        );
        assert_eq!(
            letter(&matrix, "ml-problem-framing", "data-scientist"),
            Some(Letter::AR)
        );
    }
}
