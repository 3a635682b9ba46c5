package org.onegrid.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.onegrid.audit.AuditLog;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Validation;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the working calendar: the year files shipped in {@code calendar/cn/} plus the years an
 * administrator stored in the database, which replace a shipped year of the same number.
 */
@Service
public class CalendarService {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final ZoneId zone;
    private final OfficeHours officeHours;
    private volatile Map<Integer, CalendarYear> years;
    private volatile WorkingCalendar calendar;

    private final org.onegrid.platform.SharedChanges shared;

    CalendarService(JdbcClient jdbc, ObjectMapper json, CalendarProperties properties, AuditLog audit,
                    org.onegrid.platform.SharedChanges shared) {
        this.shared = shared;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.zone = ZoneId.of(properties.zone());
        this.officeHours = OfficeHours.parse(properties.officeHours());
        reload();
        shared.onChange("calendar", this::reload);
    }

    /** The calendar in force now. */
    public WorkingCalendar calendar() {
        return calendar;
    }

    public List<CalendarYear> years() {
        return List.copyOf(years.values());
    }

    public CalendarYear year(int year) {
        CalendarYear found = years.get(year);
        if (found == null) {
            throw ApiProblemException.notFound("calendar year", year);
        }
        return found;
    }

    /** Stores a year's notice (replacing any earlier one for that year) and puts it in force. */
    @Transactional
    public CalendarYear putYear(int year, CalendarYear body, String actor) {
        Validation v = new Validation();
        if (year < 2000 || year > 2100) {
            v.reject("year", "must be between 2000 and 2100");
        }
        if (body.year() != year) {
            v.reject("year", "must match the year in the path");
        }
        for (String notice : body.notice()) {
            v.optionalText("notice", notice, 500);
        }
        checkDates(v, "holidays", body.holidays(), year);
        checkDates(v, "makeUpWorkdays", body.makeUpWorkdays(), year);
        body.holidays().stream().filter(body.makeUpWorkdays()::contains).findFirst()
                .ifPresent(d -> v.reject("makeUpWorkdays", d + " is also listed as a holiday"));
        v.throwIfInvalid();
        String document = write(body);
        jdbc.sql("""
                INSERT INTO calendar_year (year, document, updated_by, updated_at) VALUES (?, ?::jsonb, ?, now())
                ON CONFLICT (year) DO UPDATE SET document = EXCLUDED.document,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                """).params(year, document, actor).update();
        audit.record(actor, "calendar.year.put", "calendar " + year, body.holidays().size() + " holidays, "
                + body.makeUpWorkdays().size() + " make-up workdays");
        reload();
        shared.changed("calendar");
        return years.get(year);
    }

    /** Reads the shipped files and the stored years again. */
    public synchronized void reload() {
        Map<Integer, CalendarYear> loaded = new TreeMap<>();
        for (CalendarYear year : shippedYears()) {
            loaded.put(year.year(), year);
        }
        for (String document : jdbc.sql("SELECT document::text FROM calendar_year ORDER BY year").query(String.class).list()) {
            CalendarYear year = read(document);
            loaded.put(year.year(), year);
        }
        this.years = Map.copyOf(loaded);
        this.calendar = new WorkingCalendar(zone, officeHours, loaded.values());
    }

    private List<CalendarYear> shippedYears() {
        List<CalendarYear> shipped = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/cn/*.json");
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    shipped.add(json.readValue(in, CalendarYear.class));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped calendar files", e);
        }
        return shipped;
    }

    private static void checkDates(Validation v, String field, List<LocalDate> dates, int year) {
        for (LocalDate date : dates) {
            if (date.getYear() < year - 1 || date.getYear() > year + 1) {
                v.reject(field, date + " is too far from " + year);
            }
        }
    }

    private CalendarYear read(String document) {
        try {
            return json.readValue(document, CalendarYear.class);
        } catch (IOException e) {
            throw new IllegalStateException("a stored calendar year cannot be read", e);
        }
    }

    private String write(CalendarYear year) {
        try {
            return json.writeValueAsString(year);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
