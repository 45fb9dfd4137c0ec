package zhibu.checklist;

import java.time.LocalDate;

/**
 * The year a branch plans and the days of the month it has fixed (主题党日, 支部委员会会议, 党小组会): every recurring
 * duty of its checklist falls on one of them. Days run to the 28th, which every month has.
 */
public record CalendarPlan(int year, int partyDay, int committeeDay, int groupDay) {
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final int LAST_DAY = 28;
    /** The days most branches would start from; each can be changed. */
    public static final int PARTY_DAY = 10;
    public static final int COMMITTEE_DAY = 5;
    public static final int GROUP_DAY = 20;

    public CalendarPlan {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year " + year + " is not between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        for (int day : new int[] {partyDay, committeeDay, groupDay}) {
            if (day < 1 || day > LAST_DAY) {
                throw new IllegalArgumentException("day " + day + " is not between 1 and " + LAST_DAY);
            }
        }
    }

    /** The coming year's plan with the usual days: next year from October on, this year before. */
    public static CalendarPlan defaults(LocalDate today) {
        return new CalendarPlan(comingYear(today), PARTY_DAY, COMMITTEE_DAY, GROUP_DAY);
    }

    /** The year a branch plans on a day: the next one once the last quarter has begun. */
    public static int comingYear(LocalDate today) {
        return today.getMonthValue() >= 10 ? today.getYear() + 1 : today.getYear();
    }

    /** Whether a number can be a planned year; a day, whether every month has it. */
    public static boolean validYear(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    public static boolean validDay(int day) {
        return day >= 1 && day <= LAST_DAY;
    }
}
