/* cabref: UTC instants <-> proleptic Gregorian civil time, years 1..9999
 * (spec/tally-formats.md §1). Days are counted with years starting on 1 March, so that the
 * leap day is the last day of its counted year and month lengths repeat in a fixed pattern
 * (the public-domain construction popularised by Howard Hinnant, re-derived here). */
#include <stddef.h>

#include "cabref/tally.h"

/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z as instants. */
#define FIRST_INSTANT ((cabref_instant)-62135596800)
#define LAST_INSTANT ((cabref_instant)253402300799)
/* DaysFromCivil(1, 1, 1): the day number of 0001-01-01. */
#define FIRST_DAY ((int64_t)-719162)

/*@
  // Month lengths follow from the day count: the next month starts DaysInMonth days later.
  lemma month_length: \forall integer y, m; 1 <= y <= 9999 && 1 <= m <= 11 ==>
    DaysFromCivil(y, m + 1, 1) - DaysFromCivil(y, m, 1) == DaysInMonth(y, m);
  lemma december_length: \forall integer y; 1 <= y <= 9999 ==>
    DaysFromCivil(y + 1, 1, 1) - DaysFromCivil(y, 12, 1) == 31;
  // The day of the month enters the day count linearly.
  lemma day_offset: \forall integer y, m, d;
    DaysFromCivil(y, m, d) == DaysFromCivil(y, m, 1) + (d - 1);
*/

/*@
  requires year: 1 <= y <= 10000;
  requires month: 1 <= m <= 12;
  requires day: 1 <= d <= 31;
  assigns \nothing;
  ensures days: \result == DaysFromCivil(y, m, d);
  ensures bounds: -719162 <= \result <= 2933262;
*/
static int64_t days_from_civil(int32_t y, int32_t m, int32_t d) {
  /* Shift the year start to 1 March: January and February belong to the previous year. */
  int64_t yy = m <= 2 ? (int64_t)y - 1 : (int64_t)y;
  /* Months from March: 0 = March .. 11 = February; (153*mp+2)/5 is the number of days before
   * month mp in the 31,30,31,30,31,31,30,31,30,31,31,28/29 pattern. */
  int64_t mp = m > 2 ? (int64_t)m - 3 : (int64_t)m + 9;
  /* Gregorian leap rule: every 4th year, except every 100th, except every 400th; 719468 is
   * the day number of 1970-01-01 counted from 0000-03-01. */
  return 365 * yy + yy / 4 - yy / 100 + yy / 400 + (153 * mp + 2) / 5 + ((int64_t)d - 1) - 719468;
}

/*@
  requires year: 1 <= y <= 9999;
  requires month: 1 <= m <= 12;
  assigns \nothing;
  ensures length: \result == DaysInMonth(y, m);
*/
static int32_t days_in_month(int32_t y, int32_t m) {
  if (m == 2) {
    /* Gregorian calendar: a leap year is divisible by 4, and not by 100 unless by 400. */
    return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : 28;
  }
  if (m == 4 || m == 6 || m == 9 || m == 11) {
    return 30;
  }
  return 31;
}

cabref_status cabref_instant_from_utc(int32_t year, int32_t month, int32_t day, int32_t hour,
                                      int32_t minute, int32_t second, cabref_instant *out) {
  if (out == NULL) {
    return CABREF_E_NULL;
  }
  /* spec/tally-formats.md §1: years 1..9999; an impossible date (31 April, 29 February of a
   * common year), hour 24 or second 60 (no leap seconds) is bad-time. */
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
      second < 0 || second > 59) {
    return CABREF_E_TIME;
  }
  *out = days_from_civil(year, month, day) * CABREF_DAY + (int64_t)hour * 3600 +
         (int64_t)minute * 60 + (int64_t)second;
  return CABREF_OK;
}

cabref_status cabref_utc_from_instant(cabref_instant t, int32_t *year, int32_t *month, int32_t *day,
                                      int32_t *hour, int32_t *minute, int32_t *second) {
  int64_t u;
  int64_t target;
  int64_t secs;
  int64_t rest;
  int32_t y;
  int32_t m;
  if (year == NULL || month == NULL || day == NULL || hour == NULL || minute == NULL ||
      second == NULL) {
    return CABREF_E_NULL;
  }
  if (t < FIRST_INSTANT || t > LAST_INSTANT) {
    return CABREF_E_RANGE;
  }
  /* Count from 0001-01-01T00:00:00Z so that all divisions are of non-negative numbers. */
  u = t - FIRST_INSTANT;
  target = u / CABREF_DAY + FIRST_DAY;
  secs = u % CABREF_DAY;
  /* An estimate of the year from the mean Gregorian year (146097 days per 400 years), then
   * corrected, so that the result rests on the day count alone: afterwards
   * DaysFromCivil(y,1,1) <= target < DaysFromCivil(y+1,1,1). */
  y = (int32_t)((u / CABREF_DAY) * 400 / 146097) + 1;
  /*@
    loop invariant year: 1 <= y <= 9999;
    loop assigns y;
    loop variant y;
  */
  while (y > 1 && days_from_civil(y, 1, 1) > target) {
    y--;
  }
  /*@
    loop invariant year: 1 <= y <= 9999;
    loop invariant started: DaysFromCivil(y, 1, 1) <= target;
    loop assigns y;
    loop variant 9999 - y;
  */
  while (y < 9999 && days_from_civil(y + 1, 1, 1) <= target) {
    y++;
  }
  /*@ assert in_year: DaysFromCivil(y, 1, 1) <= target < DaysFromCivil(y + 1, 1, 1); */
  m = 1;
  /*@
    loop invariant month: 1 <= m <= 12;
    loop invariant started: DaysFromCivil(y, m, 1) <= target;
    loop assigns m;
    loop variant 12 - m;
  */
  while (m < 12 && days_from_civil(y, m + 1, 1) <= target) {
    m++;
  }
  *year = y;
  *month = m;
  *day = (int32_t)(target - days_from_civil(y, m, 1)) + 1;
  /* Seconds within the day: no leap seconds, so every day has 86400. */
  rest = secs % 3600;
  *hour = (int32_t)(secs / 3600);
  *minute = (int32_t)(rest / 60);
  *second = (int32_t)(rest % 60);
  return CABREF_OK;
}
