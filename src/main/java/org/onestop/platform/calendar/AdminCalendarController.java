package org.onestop.platform.calendar;

import org.onestop.security.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Calendar administration: one year's holidays and adjusted working days at a time. */
@RestController
class AdminCalendarController {

    private final WorkingDays workingDays;
    private final CalendarAdministration administration;

    AdminCalendarController(WorkingDays workingDays, CalendarAdministration administration) {
        this.workingDays = workingDays;
        this.administration = administration;
    }

    @GetMapping("/api/admin/calendar/{year}")
    Mono<CalendarYearView> year(@PathVariable int year) {
        WorkingDays.checkYear("year", year);
        return workingDays.year(year);
    }

    @PutMapping("/api/admin/calendar/{year}")
    Mono<CalendarYearView> replace(@PathVariable int year, @RequestBody CalendarChange change,
            @AuthenticationPrincipal PortalUser admin) {
        return administration.replace(year, change, admin);
    }

    @DeleteMapping("/api/admin/calendar/{year}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> withdraw(@PathVariable int year, @AuthenticationPrincipal PortalUser admin) {
        return administration.withdraw(year, admin);
    }
}
