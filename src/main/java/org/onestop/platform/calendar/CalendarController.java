package org.onestop.platform.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.onestop.platform.CityTime;
import org.onestop.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The public calendar, for pages that show holidays or tell an applicant when a reply is due. */
@RestController
class CalendarController {

    private final WorkingDays workingDays;
    private final Clock clock;

    CalendarController(WorkingDays workingDays, Clock clock) {
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /**
     * A due date: received on {@code start}, due on {@code dueDate}, late from {@code deadline}
     * (the end of the due day, city time). Not {@code published} when a year it spans has no
     * published schedule, so the date is only a Monday-to-Friday estimate.
     */
    record DueDate(LocalDate start, int workingDays, LocalDate dueDate, OffsetDateTime deadline, boolean published) {
    }

    @GetMapping("/api/calendar/{year}")
    Mono<CalendarYearView> year(@PathVariable int year) {
        WorkingDays.checkYear("year", year);
        return workingDays.year(year);
    }

    /** The due date of a deadline of some working days from a day of receipt, today by default. */
    @GetMapping("/api/calendar/due-date")
    Mono<DueDate> dueDate(@RequestParam(required = false) String start,
            @RequestParam(required = false) Integer workingDays) {
        LocalDate from = start == null || start.isBlank() ? CityTime.today(clock) : parse(start);
        WorkingDays.checkYear("start", from.getYear());
        if (workingDays == null) {
            throw ProblemException.invalid("workingDays", "required");
        }
        if (workingDays < 0 || workingDays > WorkingCalendar.MAX_WORKING_DAYS) {
            throw ProblemException.invalid("workingDays", "calendar.working_days",
                    String.valueOf(WorkingCalendar.MAX_WORKING_DAYS));
        }
        return this.workingDays.calendar().map(c -> {
            LocalDate due = c.addWorkingDays(from, workingDays);
            return new DueDate(from, workingDays, due, WorkingCalendar.endOfDay(due).toOffsetDateTime(),
                    c.isPublished(from, due));
        });
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("start", "calendar.date");
        }
    }
}
