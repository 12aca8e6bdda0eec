//! The project's phases on the calendar: each phase of the project's kind gets a start and an
//! end (inclusive), from `[project] start` and each phase's length or dates under `[schedule]`,
//! defaults from the kind. A deliverable whose stub sets no `due` is due when its phase ends.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::msg;
use crate::words::Msg;

/// How long a phase lasts, or when exactly, as `[schedule]` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Days(u32),
    Dates { start: Date, end: Date },
}

impl Span {
    /// `3w` (weeks) or `10d` (days), at least one day.
    pub fn parse_length(text: &str) -> Result<Span, Msg> {
        let text = text.trim();
        let (number, unit) = text.split_at(text.len().saturating_sub(1));
        let not_a_length = || msg!("schedule.not_a_length", text = text);
        let days_per = match unit {
            "w" | "W" => 7,
            "d" | "D" => 1,
            _ => return Err(not_a_length()),
        };
        match number.parse::<u32>() {
            Ok(n) if (1..=520).contains(&n) => Ok(Span::Days(n * days_per)),
            Ok(_) => Err(msg!("schedule.length_range", text = text)),
            Err(_) => Err(not_a_length()),
        }
    }
}

/// A phase on the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub phase: String,
    pub start: Date,
    /// The last day of the phase.
    pub end: Date,
}

/// Why a schedule cannot be laid out, about the phase it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub phase: String,
    pub message: Msg,
}

/// The phases of the project in order, each with its dates: `phases` are the kind's phases in
/// catalog order with the span each takes. A phase given by length starts the day after the
/// phase before it ends; one given by dates keeps them, and may leave a gap, not an overlap.
pub fn lay_out(start: Date, phases: &[(String, Span)]) -> Result<Vec<Dated>, Vec<Problem>> {
    let mut out: Vec<Dated> = Vec::new();
    let mut problems = Vec::new();
    let mut next = start;
    for (phase, span) in phases {
        let problem = |message: Msg| Problem {
            phase: phase.clone(),
            message,
        };
        let (from, to) = match *span {
            Span::Days(days) => {
                let end = next
                    .checked_add((i64::from(days) - 1).days())
                    .map_err(|_| problem(msg!("schedule.after_9999")));
                match end {
                    Ok(end) => (next, end),
                    Err(p) => {
                        problems.push(p);
                        break;
                    }
                }
            }
            Span::Dates {
                start: from,
                end: to,
            } => {
                if to < from {
                    problems.push(problem(msg!(
                        "schedule.ends_before_start",
                        to = to,
                        from = from
                    )));
                    continue;
                }
                if let Some(before) = out.last() {
                    if from <= before.end {
                        problems.push(problem(msg!(
                            "schedule.overlaps",
                            from = from,
                            phase = &before.phase,
                            end = before.end
                        )));
                        continue;
                    }
                } else if from < start {
                    problems.push(problem(msg!(
                        "schedule.before_project",
                        from = from,
                        start = start
                    )));
                    continue;
                }
                (from, to)
            }
        };
        next = match to.tomorrow() {
            Ok(day) => day,
            Err(_) => {
                problems.push(problem(msg!("schedule.after_9999")));
                break;
            }
        };
        out.push(Dated {
            phase: phase.clone(),
            start: from,
            end: to,
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn days(n: u32) -> Span {
        Span::Days(n)
    }

    #[test]
    fn lengths_are_weeks_or_days() {
        assert_eq!(Span::parse_length("3w"), Ok(Span::Days(21)));
        assert_eq!(Span::parse_length(" 10d "), Ok(Span::Days(10)));
        for bad in ["-2w", "0w", "3 weeks", "w", "", "1.5w", "999w"] {
            assert!(Span::parse_length(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phases_follow_each_other_from_the_start() {
        let start = date(2026, 11, 30);
        let laid = lay_out(
            start,
            &[("discovery".into(), days(21)), ("data".into(), days(7))],
        )
        .unwrap();
        assert_eq!(
            laid,
            [
                Dated {
                    phase: "discovery".into(),
                    start,
                    end: date(2026, 12, 20)
                },
                Dated {
                    phase: "data".into(),
                    start: date(2026, 12, 21),
                    end: date(2026, 12, 27)
                },
            ]
        );
    }

    #[test]
    fn dates_win_and_may_leave_a_gap_but_not_overlap() {
        let start = date(2026, 11, 30);
        let fixed = Span::Dates {
            start: date(2027, 1, 4),
            end: date(2027, 1, 31),
        };
        let laid = lay_out(
            start,
            &[
                ("discovery".into(), days(14)),
                ("data".into(), fixed),
                ("modeling".into(), days(7)),
            ],
        )
        .unwrap();
        assert_eq!(laid[1].start, date(2027, 1, 4));
        assert_eq!(
            (laid[2].start, laid[2].end),
            (date(2027, 2, 1), date(2027, 2, 7))
        );

        let overlapping = Span::Dates {
            start: date(2026, 12, 10),
            end: date(2026, 12, 31),
        };
        let problems = lay_out(
            start,
            &[("discovery".into(), days(14)), ("data".into(), overlapping)],
        )
        .unwrap_err();
        assert_eq!(
            problems[0].message.to_string(),
            "the phase starts on 2026-12-10, before the discovery phase ends on 2026-12-13"
        );
        let backwards = Span::Dates {
            start: date(2027, 1, 10),
            end: date(2027, 1, 1),
        };
        let problems = lay_out(start, &[("data".into(), backwards)]).unwrap_err();
        assert_eq!(
            problems[0].message.to_string(),
            "the phase ends on 2027-01-01, before it starts on 2027-01-10"
        );
    }
}
