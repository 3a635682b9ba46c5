package org.onegrid.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param zone        the time zone of the working day, Asia/Shanghai by default
 * @param officeHours office periods, "09:00-12:00,13:00-18:00" by default
 */
@ConfigurationProperties("onegrid.calendar")
public record CalendarProperties(String zone, String officeHours) {

    public CalendarProperties {
        if (zone == null || zone.isBlank()) {
            zone = "Asia/Shanghai";
        }
        if (officeHours == null || officeHours.isBlank()) {
            officeHours = "09:00-12:00,13:00-18:00";
        }
    }
}
