package org.onestop.mailbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The statutory clock of online petitions (网上信访). Under the 信访工作条例 the organ decides
 * whether to accept a petition within 15 days of receiving it and concludes an accepted one within
 * 60 days of accepting it; a request for review (复查, here: the petitioner reopening a reply) is
 * concluded within 30 days. Days are counted from the day after the start; counted in calendar
 * days, a period whose last day is a rest day or holiday ends on the next working day (民法典
 * 第二百零三条), so the city calendar still matters.
 *
 * @param acceptDays days from receipt to decide acceptance (受理告知)
 * @param concludeDays days from acceptance to conclude (办结): dispatch and reply together; moving
 *     the case between offices does not restart it
 * @param reviewDays days to answer again after the petitioner reopens the reply (复查)
 * @param counted whether the days above are calendar days or working days of the city calendar
 * @param nearlyDueDays a petition with at most this many days left (counted as above) is nearly due
 */
@ConfigurationProperties("onestop.petition")
public record PetitionProperties(
        @DefaultValue("15") int acceptDays,
        @DefaultValue("60") int concludeDays,
        @DefaultValue("30") int reviewDays,
        @DefaultValue("calendar") DayCount counted,
        @DefaultValue("5") int nearlyDueDays) {

    /** How the days of a period are counted. */
    public enum DayCount {
        CALENDAR, WORKING
    }
}
