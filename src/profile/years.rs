//! The years a profile may name: the bounds honours and births must fall
//! within, and the current year, which nothing may come after.

/// The first year an honour can have: the People's Republic's first.
pub const FIRST_HONOR_YEAR: i32 = 1949;
/// The earliest birth year that is plausible for anyone shown.
pub const EARLIEST_BIRTH_YEAR: i32 = 1880;

const SECONDS_PER_DAY: u64 = 86_400;
/// Days from 0000-03-01, where the algorithm's years begin (so that a leap
/// day ends its year), to 1970-01-01.
const DAYS_FROM_MARCH_OF_YEAR_0_TO_1970: i64 = 719_468;
/// Days in 400 Gregorian years, after which the calendar repeats.
const DAYS_PER_ERA: i64 = 146_097;

/// The current year by the system clock (UTC), used to reject future years.
pub fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    year_of_unix_day((secs / SECONDS_PER_DAY) as i64)
}

/// Civil year of a day count since 1970-01-01 (Howard Hinnant's algorithm).
/// Its other numbers are the algorithm's own steps (leap days within an era,
/// month lengths counted from March), kept as published to be checked against it.
pub fn year_of_unix_day(days: i64) -> i32 {
    let z = days + DAYS_FROM_MARCH_OF_YEAR_0_TO_1970;
    let era = z.div_euclid(DAYS_PER_ERA);
    let doe = z - era * DAYS_PER_ERA;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_year() {
        assert_eq!(year_of_unix_day(0), 1970);
        assert_eq!(year_of_unix_day(20_780), 2026); // 2026-11-23
        assert_eq!(year_of_unix_day(20_818), 2026); // 2026-12-31
        assert_eq!(year_of_unix_day(20_819), 2027);
    }
}
