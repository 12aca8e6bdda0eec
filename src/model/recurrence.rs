//! Meeting schedules: the subset of RFC 5545 recurrence rules a team cadence needs, start times and
//! durations; validated, described in words, and anchored on the project's start date.

use std::fmt::Write as _;

use jiff::civil::{Date, Weekday};

use crate::msg;
use crate::words::Lang;
use crate::words::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// `MO`, `1MO` (first Monday of the month), `-1TH` (last Thursday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByDay {
    pub ordinal: Option<i8>,
    pub weekday: Weekday,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub freq: Freq,
    pub interval: u32,
    pub by_day: Vec<ByDay>,
    pub by_month_day: Option<i8>,
}

const DAYS: [(&str, Weekday); 7] = [
    ("MO", Weekday::Monday),
    ("TU", Weekday::Tuesday),
    ("WE", Weekday::Wednesday),
    ("TH", Weekday::Thursday),
    ("FR", Weekday::Friday),
    ("SA", Weekday::Saturday),
    ("SU", Weekday::Sunday),
];

impl Rule {
    pub fn parse(text: &str) -> Result<Rule, Msg> {
        let text = text.strip_prefix("RRULE:").unwrap_or(text);
        let (mut freq, mut interval, mut by_day, mut by_month_day) = (None, 1, Vec::new(), None);
        for part in text.split(';').filter(|p| !p.is_empty()) {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| msg!("rrule.not_key_value", part = part))?;
            match key.to_ascii_uppercase().as_str() {
                "FREQ" => {
                    freq = Some(match value.to_ascii_uppercase().as_str() {
                        "DAILY" => Freq::Daily,
                        "WEEKLY" => Freq::Weekly,
                        "MONTHLY" => Freq::Monthly,
                        "YEARLY" => Freq::Yearly,
                        _ => return Err(msg!("rrule.freq", value = value)),
                    });
                }
                "INTERVAL" => {
                    interval = value
                        .parse()
                        .ok()
                        .filter(|n| *n >= 1)
                        .ok_or_else(|| msg!("rrule.interval", value = value))?;
                }
                "BYDAY" => {
                    by_day = value
                        .split(',')
                        .map(ByDay::parse)
                        .collect::<Result<_, _>>()?
                }
                "BYMONTHDAY" => {
                    by_month_day = Some(
                        value
                            .parse::<i8>()
                            .ok()
                            .filter(|n| (1..=31).contains(&n.abs()))
                            .ok_or_else(|| msg!("rrule.bymonthday", value = value))?,
                    );
                }
                "WKST" => {
                    if !value.eq_ignore_ascii_case("MO") {
                        return Err(msg!("rrule.wkst", value = value));
                    }
                }
                other => return Err(msg!("rrule.unsupported", key = other)),
            }
        }
        let freq = freq.ok_or_else(|| msg!("rrule.no_freq"))?;
        Rule {
            freq,
            interval,
            by_day,
            by_month_day,
        }
        .validated()
    }

    /// The same rule on other days: `day` is a BYDAY value such as `TH`, `MO,WE` or `1MO`.
    pub fn with_day(&self, day: &str) -> Result<Rule, Msg> {
        let by_day = day.split(',').map(ByDay::parse).collect::<Result<_, _>>()?;
        Rule {
            by_day,
            ..self.clone()
        }
        .validated()
    }

    fn validated(self) -> Result<Rule, Msg> {
        let freq = self.freq;
        let rule = self;
        if rule.by_day.iter().any(|d| d.ordinal.is_some()) && freq != Freq::Monthly {
            return Err(msg!("rrule.numbered_byday"));
        }
        if rule.by_month_day.is_some() && freq != Freq::Monthly {
            return Err(msg!("rrule.bymonthday_monthly"));
        }
        if freq == Freq::Yearly && !rule.by_day.is_empty() {
            return Err(msg!("rrule.yearly_byday"));
        }
        Ok(rule)
    }

    /// The rule as RFC 5545 writes it, always with `WKST=MO`.
    pub fn to_ics(&self) -> String {
        let freq = match self.freq {
            Freq::Daily => "DAILY",
            Freq::Weekly => "WEEKLY",
            Freq::Monthly => "MONTHLY",
            Freq::Yearly => "YEARLY",
        };
        let mut out = format!("FREQ={freq}");
        if self.interval > 1 {
            let _ = write!(out, ";INTERVAL={}", self.interval);
        }
        if !self.by_day.is_empty() {
            let days: Vec<String> = self.by_day.iter().copied().map(ByDay::to_ics).collect();
            let _ = write!(out, ";BYDAY={}", days.join(","));
        }
        if let Some(day) = self.by_month_day {
            let _ = write!(out, ";BYMONTHDAY={day}");
        }
        out + ";WKST=MO"
    }

    /// The first day on or after `start` on which the meeting happens (DTSTART must be one), or
    /// `None` when there is none before the calendar ends.
    pub fn first_on_or_after(&self, start: Date) -> Option<Date> {
        let mut day = start;
        // Weekdays and days of the month repeat every 28 years: a rule that has not matched by
        // then never will.
        for _ in 0..28 * 366 {
            if self.matches(day, start) {
                return Some(day);
            }
            day = day.tomorrow().ok()?;
        }
        None
    }

    /// The days the meeting happens, from its first day `dtstart` (an occurrence itself), in
    /// order: RFC 5545 for the rules mlteam accepts, INTERVAL counted from DTSTART's day, week
    /// (WKST=MO), month or year.
    pub fn occurrences(&self, dtstart: Date) -> impl Iterator<Item = Date> + '_ {
        std::iter::successors(Some(dtstart), |d| d.tomorrow().ok())
            .filter(move |day| self.matches(*day, dtstart) && self.in_interval(*day, dtstart))
    }

    /// The first day on or after `day` the meeting happens, counting from its first day.
    pub fn next_on_or_after(&self, dtstart: Date, day: Date) -> Option<Date> {
        self.occurrences(dtstart)
            .take_while(|d| d.year() <= day.year() + 2)
            .find(|d| *d >= day)
    }

    /// Whether `day` falls in a period INTERVAL allows: every n-th day, week, month or year
    /// counted from DTSTART's.
    fn in_interval(&self, day: Date, dtstart: Date) -> bool {
        let n = i64::from(self.interval.max(1));
        let periods = match self.freq {
            Freq::Daily => i64::from((day - dtstart).get_days()),
            Freq::Weekly => {
                // Weeks start on Monday: count them from a Monday long ago.
                let week = |d: Date| {
                    i64::from((d - jiff::civil::date(1970, 1, 5)).get_days()).div_euclid(7)
                };
                week(day) - week(dtstart)
            }
            Freq::Monthly => {
                (i64::from(day.year()) - i64::from(dtstart.year())) * 12 + i64::from(day.month())
                    - i64::from(dtstart.month())
            }
            Freq::Yearly => i64::from(day.year()) - i64::from(dtstart.year()),
        };
        periods.rem_euclid(n) == 0
    }

    fn matches(&self, day: Date, start: Date) -> bool {
        let weekday_ok = |ordinal_ok: &dyn Fn(i8) -> bool| {
            self.by_day
                .iter()
                .any(|d| d.weekday == day.weekday() && d.ordinal.is_none_or(ordinal_ok))
        };
        match self.freq {
            Freq::Daily => self.by_day.is_empty() || weekday_ok(&|_| true),
            Freq::Weekly if self.by_day.is_empty() => day.weekday() == start.weekday(),
            Freq::Weekly => weekday_ok(&|_| true),
            Freq::Monthly => {
                if let Some(n) = self.by_month_day {
                    let last = day.days_in_month();
                    let on_the_day = i16::from(day.day())
                        == if n > 0 {
                            i16::from(n)
                        } else {
                            i16::from(last) + 1 + i16::from(n)
                        };
                    // With BYDAY too, both must hold (RFC 5545: BYDAY limits BYMONTHDAY):
                    // FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR is every Friday the 13th.
                    return on_the_day && (self.by_day.is_empty() || weekday_ok(&|_| true));
                }
                if self.by_day.is_empty() {
                    return day.day() == start.day();
                }
                let from_start = (day.day() - 1) / 7 + 1;
                let from_end = (day.days_in_month() - day.day()) / 7 + 1;
                weekday_ok(&|n| {
                    if n > 0 {
                        n == from_start
                    } else {
                        -n == from_end
                    }
                })
            }
            Freq::Yearly => day.month() == start.month() && day.day() == start.day(),
        }
    }

    /// The cadence in words: "Every other Monday", "每月第一个周一".
    pub fn describe(&self, lang: Lang) -> String {
        let days = |lang| {
            let names: Vec<String> = self.by_day.iter().map(|d| d.describe(lang)).collect();
            match lang {
                Lang::En => join_en(&names),
                Lang::Zh => names.join("、"),
            }
        };
        let weekdays_only = self.by_day.len() == 5
            && self.by_day.iter().all(|d| d.ordinal.is_none())
            && DAYS[..5]
                .iter()
                .all(|(_, w)| self.by_day.iter().any(|d| d.weekday == *w));
        let n = self.interval;
        match (lang, self.freq) {
            (Lang::En, Freq::Daily) if weekdays_only || self.by_day.is_empty() && n == 1 => {
                if weekdays_only {
                    "Every weekday (Monday to Friday)".into()
                } else {
                    "Every day".into()
                }
            }
            (Lang::Zh, Freq::Daily) if weekdays_only || self.by_day.is_empty() && n == 1 => {
                if weekdays_only {
                    "每个工作日（周一至周五）".into()
                } else {
                    "每天".into()
                }
            }
            (Lang::En, Freq::Daily) => format!("Every {n} days"),
            (Lang::Zh, Freq::Daily) => format!("每{n}天"),
            (Lang::En, Freq::Weekly) if weekdays_only && n == 1 => {
                "Every weekday (Monday to Friday)".into()
            }
            (Lang::Zh, Freq::Weekly) if weekdays_only && n == 1 => {
                "每个工作日（周一至周五）".into()
            }
            (Lang::En, Freq::Weekly) if self.by_day.is_empty() => match n {
                1 => "Every week".into(),
                2 => "Every other week".into(),
                _ => format!("Every {n} weeks"),
            },
            (Lang::Zh, Freq::Weekly) if self.by_day.is_empty() => {
                format!("每{}周", if n == 1 { String::new() } else { zh_count(n) })
            }
            (Lang::En, Freq::Weekly) => match n {
                1 => format!("Every {}", days(lang)),
                2 => format!("Every other {}", days(lang)),
                _ => format!("Every {n} weeks on {}", days(lang)),
            },
            (Lang::Zh, Freq::Weekly) => match n {
                1 => format!("每{}", days(lang)),
                _ => format!("每{}周的{}", zh_count(n), days(lang)),
            },
            (Lang::En, Freq::Monthly) => {
                let every = if n == 1 {
                    "Monthly".to_string()
                } else {
                    format!("Every {n} months")
                };
                let when = if self.by_day.is_empty() {
                    String::new()
                } else {
                    format!(" when it is a {}", days(lang))
                };
                match self.by_month_day {
                    Some(d) if d > 0 => format!("{every}, on day {d}{when}"),
                    Some(d) => format!("{every}, {} day from the end{when}", ordinal_en(-d)),
                    None if self.by_day.is_empty() => every,
                    None => format!("{every}, on the {}", days(lang)),
                }
            }
            (Lang::Zh, Freq::Monthly) => {
                let every = if n == 1 {
                    "每月".to_string()
                } else {
                    format!("每{}个月", zh_count(n))
                };
                let when = if self.by_day.is_empty() {
                    String::new()
                } else {
                    format!("（逢{}）", days(lang))
                };
                match self.by_month_day {
                    Some(d) if d > 0 => format!("{every}{d}日{when}"),
                    Some(d) => format!("{every}倒数第{}天{when}", -d),
                    None if self.by_day.is_empty() => every,
                    None => format!("{every}{}", days(lang)),
                }
            }
            (Lang::En, Freq::Yearly) => {
                if n == 1 {
                    "Every year".into()
                } else {
                    format!("Every {n} years")
                }
            }
            (Lang::Zh, Freq::Yearly) => {
                if n == 1 {
                    "每年".into()
                } else {
                    format!("每{n}年")
                }
            }
        }
    }
}

impl ByDay {
    fn parse(text: &str) -> Result<ByDay, Msg> {
        let text = text.trim().to_ascii_uppercase();
        let split = text.len().saturating_sub(2);
        let (ordinal, code) = text.split_at(split);
        let weekday = DAYS
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, w)| *w)
            .ok_or_else(|| msg!("rrule.byday", text = &text))?;
        let ordinal = match ordinal {
            "" => None,
            n => Some(
                n.trim_start_matches('+')
                    .parse::<i8>()
                    .ok()
                    .filter(|n| (1..=5).contains(&n.abs()))
                    .ok_or_else(|| msg!("rrule.byday_week", text = &text))?,
            ),
        };
        Ok(ByDay { ordinal, weekday })
    }

    fn code(self) -> &'static str {
        DAYS.iter()
            .find(|(_, w)| *w == self.weekday)
            .map_or("MO", |(c, _)| c)
    }

    fn to_ics(self) -> String {
        self.ordinal.map_or(String::new(), |n| n.to_string()) + self.code()
    }

    fn describe(&self, lang: Lang) -> String {
        let index = self.weekday.to_monday_zero_offset() as usize;
        match lang {
            Lang::En => {
                let name = [
                    "Monday",
                    "Tuesday",
                    "Wednesday",
                    "Thursday",
                    "Friday",
                    "Saturday",
                    "Sunday",
                ][index];
                match self.ordinal {
                    None => name.into(),
                    Some(-1) => format!("last {name}"),
                    Some(n) if n < 0 => format!("{} last {name}", ordinal_en(-n)),
                    Some(n) => format!("{} {name}", ordinal_en(n)),
                }
            }
            Lang::Zh => {
                let name = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][index];
                match self.ordinal {
                    None => name.into(),
                    Some(-1) => format!("最后一个{name}"),
                    Some(n) => {
                        let nth = ["一", "二", "三", "四", "五"][usize::from(n.unsigned_abs()) - 1];
                        if n < 0 {
                            format!("倒数第{nth}个{name}")
                        } else {
                            format!("第{nth}个{name}")
                        }
                    }
                }
            }
        }
    }
}

fn ordinal_en(n: i8) -> String {
    match n {
        1 => "first".into(),
        2 => "second".into(),
        3 => "third".into(),
        4 => "fourth".into(),
        5 => "fifth".into(),
        n => format!("{n}th"),
    }
}

/// Small counts in Chinese numerals ("两" for two, as in 每两周); larger ones in digits.
fn zh_count(n: u32) -> String {
    match n {
        2 => "两".into(),
        1..=9 => ["一", "", "三", "四", "五", "六", "七", "八", "九"][n as usize - 1].into(),
        n => n.to_string(),
    }
}

fn join_en(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A local start time, `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeOfDay {
    pub hour: u8,
    pub minute: u8,
}

impl TimeOfDay {
    pub fn parse(text: &str) -> Result<TimeOfDay, Msg> {
        let bad = || msg!("rrule.time", text = text);
        let (h, m) = text.split_once(':').ok_or_else(bad)?;
        let hour: u8 = h.parse().map_err(|_| bad())?;
        let minute: u8 = m.parse().map_err(|_| bad())?;
        if hour > 23 || minute > 59 || m.len() != 2 {
            return Err(bad());
        }
        Ok(TimeOfDay { hour, minute })
    }

    /// The time of day `duration` later (past midnight it wraps).
    pub fn after(self, duration: Duration) -> TimeOfDay {
        let minutes =
            (u32::from(self.hour) * 60 + u32::from(self.minute) + duration.minutes) % (24 * 60);
        TimeOfDay {
            hour: (minutes / 60) as u8,
            minute: (minutes % 60) as u8,
        }
    }

    pub fn to_hhmm(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

/// A meeting's length: an RFC 5545 / ISO 8601 duration of hours and minutes (`PT1H30M`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub minutes: u32,
}

impl Duration {
    pub fn parse(text: &str) -> Result<Duration, Msg> {
        let bad = || msg!("rrule.duration", text = text);
        let rest = text.strip_prefix("PT").ok_or_else(bad)?;
        let (hours, rest) = match rest.split_once('H') {
            Some((h, rest)) => (h.parse::<u32>().map_err(|_| bad())?, rest),
            None => (0, rest),
        };
        let minutes = match rest {
            "" => 0,
            m => m
                .strip_suffix('M')
                .and_then(|m| m.parse::<u32>().ok())
                .ok_or_else(bad)?,
        };
        let total = hours * 60 + minutes;
        if total == 0 || total > 24 * 60 {
            return Err(msg!("rrule.duration_range", text = text));
        }
        Ok(Duration { minutes: total })
    }

    pub fn to_ics(self) -> String {
        match (self.minutes / 60, self.minutes % 60) {
            (0, m) => format!("PT{m}M"),
            (h, 0) => format!("PT{h}H"),
            (h, m) => format!("PT{h}H{m}M"),
        }
    }

    pub fn describe(self, lang: Lang) -> String {
        match (lang, self.minutes / 60, self.minutes % 60) {
            (Lang::En, 0, m) => format!("{m} min"),
            (Lang::En, h, 0) => format!("{h} h"),
            (Lang::En, h, m) => format!("{h} h {m} min"),
            (Lang::Zh, 0, m) => format!("{m}分钟"),
            (Lang::Zh, h, 0) => format!("{h}小时"),
            (Lang::Zh, h, m) => format!("{h}小时{m}分钟"),
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn rule(text: &str) -> Rule {
        Rule::parse(text).unwrap()
    }

    #[test]
    fn describes_cadences_in_both_languages() {
        let cases = [
            (
                "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;WKST=MO",
                "Every weekday (Monday to Friday)",
                "每个工作日（周一至周五）",
            ),
            ("FREQ=WEEKLY;BYDAY=WE", "Every Wednesday", "每周三"),
            (
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;WKST=MO",
                "Every other Friday",
                "每两周的周五",
            ),
            (
                "FREQ=WEEKLY;BYDAY=MO,TH",
                "Every Monday and Thursday",
                "每周一、周四",
            ),
            (
                "FREQ=MONTHLY;BYDAY=1MO",
                "Monthly, on the first Monday",
                "每月第一个周一",
            ),
            (
                "FREQ=MONTHLY;BYDAY=-1TH",
                "Monthly, on the last Thursday",
                "每月最后一个周四",
            ),
            (
                "FREQ=MONTHLY;BYMONTHDAY=15",
                "Monthly, on day 15",
                "每月15日",
            ),
            (
                "FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR",
                "Monthly, on day 13 when it is a Friday",
                "每月13日（逢周五）",
            ),
            ("FREQ=DAILY", "Every day", "每天"),
        ];
        for (text, en, zh) in cases {
            assert_eq!(rule(text).describe(Lang::En), en, "{text}");
            assert_eq!(rule(text).describe(Lang::Zh), zh, "{text}");
        }
    }

    #[test]
    fn friday_the_13th_happens_on_fridays_and_the_end_of_time_is_no_date() {
        let rule = rule("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR;WKST=MO");
        let first = rule.first_on_or_after(date(2026, 11, 27)).unwrap();
        assert_eq!(first, date(2027, 8, 13));
        assert_eq!(first.weekday(), Weekday::Friday);
        assert_eq!(
            super::Rule::parse("FREQ=WEEKLY;BYDAY=MO")
                .unwrap()
                .first_on_or_after(date(9999, 12, 31)),
            None
        );
    }

    #[test]
    fn first_occurrence_is_on_or_after_the_start() {
        let friday = date(2026, 11, 27);
        assert_eq!(
            rule("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR").first_on_or_after(friday),
            Some(friday)
        );
        assert_eq!(
            rule("FREQ=WEEKLY;BYDAY=WE").first_on_or_after(friday),
            Some(date(2026, 12, 2))
        );
        assert_eq!(
            rule("FREQ=MONTHLY;BYDAY=1MO").first_on_or_after(friday),
            Some(date(2026, 12, 7))
        );
        assert_eq!(
            rule("FREQ=MONTHLY;BYDAY=-1TH").first_on_or_after(date(2026, 11, 1)),
            Some(date(2026, 11, 26))
        );
        assert_eq!(
            rule("FREQ=MONTHLY;BYDAY=-1TH").first_on_or_after(friday),
            Some(date(2026, 12, 31))
        );
        assert_eq!(
            rule("FREQ=MONTHLY;BYMONTHDAY=-1").first_on_or_after(friday),
            Some(date(2026, 11, 30))
        );
    }

    #[test]
    fn writes_back_canonical_rules() {
        assert_eq!(
            rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=mo").to_ics(),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=MO"
        );
        assert_eq!(
            rule("RRULE:FREQ=MONTHLY;BYDAY=-1TH;WKST=MO").to_ics(),
            "FREQ=MONTHLY;BYDAY=-1TH;WKST=MO"
        );
    }

    #[test]
    fn rejects_what_it_cannot_honour() {
        for bad in [
            "BYDAY=MO",
            "FREQ=HOURLY",
            "FREQ=WEEKLY;BYDAY=XX",
            "FREQ=WEEKLY;BYDAY=1MO",
            "FREQ=WEEKLY;INTERVAL=0",
            "FREQ=WEEKLY;COUNT=3",
            "FREQ=WEEKLY;WKST=SU",
            "FREQ=MONTHLY;BYDAY=6MO",
        ] {
            assert!(Rule::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn times_and_durations() {
        assert_eq!(TimeOfDay::parse("09:30").unwrap().to_hhmm(), "09:30");
        let late = TimeOfDay::parse("23:30").unwrap();
        assert_eq!(
            late.after(Duration::parse("PT1H").unwrap()).to_hhmm(),
            "00:30"
        );
        for bad in ["9", "24:00", "09:60", "09:5", "nine"] {
            assert!(TimeOfDay::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Duration::parse("PT90M").unwrap().to_ics(), "PT1H30M");
        assert_eq!(Duration::parse("PT2H").unwrap().describe(Lang::En), "2 h");
        assert_eq!(
            Duration::parse("PT1H30M").unwrap().describe(Lang::Zh),
            "1小时30分钟"
        );
        for bad in ["15M", "PT", "PT0M", "P1D", "PT1.5H", "PT25H"] {
            assert!(Duration::parse(bad).is_err(), "{bad}");
        }
    }
}

/// The `rrule` crate, a full RFC 5545 implementation, as the oracle for every cadence of the
/// catalog: a year of occurrences must agree, day for day.
#[cfg(test)]
mod oracle {
    use jiff::civil::{Date, date};

    use super::Rule;
    use crate::model::catalog::Catalog;

    fn from_rrule(rule: &Rule, dtstart: Date, until: Date) -> Vec<String> {
        let text = format!(
            "DTSTART:{:04}{:02}{:02}T100000Z\nRRULE:{};UNTIL={:04}{:02}{:02}T235959Z",
            dtstart.year(),
            dtstart.month(),
            dtstart.day(),
            rule.to_ics(),
            until.year(),
            until.month(),
            until.day()
        );
        let set: rrule::RRuleSet = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        set.all(u16::MAX)
            .dates
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect()
    }

    #[test]
    fn a_year_of_every_cadence_agrees_with_the_rrule_crate() {
        let catalog = Catalog::builtin().unwrap();
        let mut rules: Vec<String> = catalog.meetings.iter().map(|m| m.rrule.clone()).collect();
        rules.extend(
            [
                "FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR",
                "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR",
                "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH",
                "FREQ=DAILY;INTERVAL=2",
                "FREQ=MONTHLY;BYMONTHDAY=-1",
                "FREQ=YEARLY",
            ]
            .map(String::from),
        );
        for text in &rules {
            let rule = Rule::parse(text).unwrap();
            for start in [date(2026, 11, 27), date(2027, 2, 28), date(2028, 12, 31)] {
                let dtstart = rule.first_on_or_after(start).unwrap();
                let until = dtstart.checked_add(jiff::Span::new().days(365)).unwrap();
                let ours: Vec<String> = rule
                    .occurrences(dtstart)
                    .take_while(|d| *d <= until)
                    .map(|d| d.to_string())
                    .collect();
                assert_eq!(
                    ours,
                    from_rrule(&rule, dtstart, until),
                    "{text} from {start}"
                );
            }
        }
    }
}
