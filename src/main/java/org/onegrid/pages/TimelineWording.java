package org.onegrid.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onegrid.calendar.CalendarService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A timeline entry's system-written detail in the reader's language. The case module writes each
 * detail in one fixed English form ("to 城管局 (unit 12)", "5 stars, SATISFIED", "due
 * 2026-12-02T10:00:00Z"), which the API returns as it is; the pages say each form with a sentence
 * from the message bundles ({@code timeline.*}), times in the calendar's zone, return reasons and
 * satisfaction by their names. A detail of no known form is shown as written.
 * {@code TimelineWordingTest} holds every form the case module writes.
 */
@Component
public class TimelineWording {

    /** One form: its pattern, its message key, and how each captured group becomes an argument. */
    private record Form(Pattern pattern, String key, List<Argument> arguments) {
    }

    /** How a captured group is said: as it is, a time, a return reason, a satisfaction, a category, a level, a reason why. */
    private enum Argument { TEXT, TIME, REASON, SATISFACTION, CATEGORY, LEVEL, WHY }

    private static final List<Form> FORMS = new ArrayList<>();
    /** The reasons why the case module gives after a "; " (who chose the unit, which routing rule). */
    private static final List<Form> WHYS = new ArrayList<>();

    private static void form(String regex, String key, Argument... arguments) {
        FORMS.add(new Form(Pattern.compile(regex, Pattern.DOTALL), key, List.of(arguments)));
    }

    private static void why(String regex, String key, Argument... arguments) {
        WHYS.add(new Form(Pattern.compile(regex, Pattern.DOTALL), key, List.of(arguments)));
    }

    static {
        Argument t = Argument.TEXT;
        Argument w = Argument.WHY;
        why("chosen by the dispatcher", "why.dispatcher");
        why("chosen by the unit", "why.unit");
        why("the unit above the owner", "why.parent");
        why("routing: category \\S+ (.+) is owned at (\\w+) level by .+; grid (\\d+) lies in (.+), served by (.+)",
                "why.routing", t, Argument.LEVEL, t, t, t);
        why("routing rule from arbitration: category (\\S+) in (.+) goes to (.+)", "why.arbitrationRule", t, t, t);
        why("no routing rule finds an owner \\(category (\\S+), grid (\\S+)\\)", "why.noRule", Argument.CATEGORY, t);
        form("located in (.+) \\((\\d+)\\); category (\\S+) (.+) by classifier v(\\d+) at ([\\d.]+)",
                "timeline.locatedClassified", t, t, t, t, t, t);
        form("no coordinates; located by address only; category (\\S+) (.+) by classifier v(\\d+) at ([\\d.]+)",
                "timeline.addressOnlyClassified", t, t, t, t);
        form("located in (.+) \\((\\d+)\\)", "timeline.located", t, t);
        form("no coordinates; located by address only", "timeline.addressOnly");
        form("to arbitration, decision due (\\S+); (.*)", "timeline.toArbitration", Argument.TIME, w);
        form("to (.+) \\(unit \\d+\\); (.*)", "timeline.dispatchedBecause", t, w);
        form("to (.+) \\(unit \\d+\\)", "timeline.dispatched", t);
        form("due (\\S+)", "timeline.due", Argument.TIME);
        form("(\\w+) by unit \\d+; returned (\\d+) times: to arbitration, decision due (\\S+)", "timeline.returnedToArbitration",
                Argument.REASON, t, Argument.TIME);
        form("(\\w+) by unit \\d+", "timeline.returned", Argument.REASON);
        form("passed", "timeline.verified");
        form("failed: back to the unit \\(rework (\\d+)\\)", "timeline.verifyFailed", t);
        form("(\\d) stars, (\\w+): back to the unit \\(rework (\\d+)\\)", "timeline.ratedReopened", t, Argument.SATISFACTION, t);
        form("(\\d) stars, (\\w+)", "timeline.rated", t, Argument.SATISFACTION);
        form("from unit \\d+ to (.+) \\(unit \\d+\\); (.*)", "timeline.escalatedBecause", t, w);
        form("from unit \\d+ to (.+) \\(unit \\d+\\)", "timeline.escalated", t);
        form("nobody decided in time: fallback owner (.+) \\(unit \\d+\\), final", "timeline.fallback", t);
        form("decided: (.+) \\(unit \\d+\\), final", "timeline.arbitrated", t);
        form("merged into (\\S+) \\(case \\d+\\)", "timeline.mergedInto", t);
        form("case (\\S+) merged in; its reporter is linked", "timeline.mergedIn", t);
        form("category (\\S+) -> (\\S+); (.*)", "timeline.categorisedBecause", Argument.CATEGORY, Argument.CATEGORY, w);
        form("category (\\S+) -> (\\S+)", "timeline.categorised", Argument.CATEGORY, Argument.CATEGORY);
        form("(\\d+) working days", "timeline.extensionAsked", t);
        form("approved (\\d+) working days; due (\\S+)", "timeline.extensionApproved", t, Argument.TIME);
        form("refused (\\d+) working days", "timeline.extensionRefused", t);
        form("urge (\\d+)", "timeline.urged", t);
        form("lead (.+) \\(unit \\d+\\); co-handlers \\[.*\\] report in by (\\S+)", "timeline.whistle", t, Argument.TIME);
        form("unit \\d+ reported in late", "timeline.reportedInLate");
        form("unit \\d+ reported in", "timeline.reportedIn");
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final CalendarService calendars;

    TimelineWording(MessageSource messages, CalendarService calendars) {
        this.messages = messages;
        this.calendars = calendars;
    }

    /** {@code detail} said in {@code locale}; as written when it has no known form. */
    public String say(String detail, Locale locale) {
        if (detail == null) {
            return null;
        }
        return sayFrom(FORMS, detail, calendars.calendar().zone(), locale);
    }

    private String sayFrom(List<Form> forms, String text, ZoneId zone, Locale locale) {
        for (Form form : forms) {
            Matcher m = form.pattern().matcher(text);
            if (m.matches()) {
                Object[] args = new Object[form.arguments().size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = argument(form.arguments().get(i), m.group(i + 1), zone, locale);
                }
                return messages.getMessage(form.key(), args, text, locale);
            }
        }
        return text;
    }

    /** Whether {@code detail} is of a known form (for the test that holds the case module to them). */
    static boolean known(String detail) {
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(detail);
            if (m.matches()) {
                for (int i = 0; i < form.arguments().size(); i++) {
                    String group = m.group(i + 1);
                    if (form.arguments().get(i) == Argument.WHY
                            && WHYS.stream().noneMatch(why -> why.pattern().matcher(group).matches())) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private Object argument(Argument kind, String value, ZoneId zone, Locale locale) {
        Function<String, String> named = prefix -> messages.getMessage(prefix + value, null, value, locale);
        return switch (kind) {
            case TEXT -> value;
            case REASON -> named.apply("reason.");
            case SATISFACTION -> named.apply("satisfaction.");
            case LEVEL -> named.apply("level.");
            case CATEGORY -> "null".equals(value) ? messages.getMessage("case.noCategory", null, value, locale) : value;
            case WHY -> sayFrom(WHYS, value, zone, locale);
            case TIME -> {
                try {
                    yield TIME.format(Instant.parse(value).atZone(zone));
                } catch (DateTimeParseException notAnInstant) {
                    yield value;
                }
            }
        };
    }
}
