package org.onegrid.ledger;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.onegrid.cases.CaseDetails;
import org.springframework.context.MessageSource;

/**
 * The columns of a case ledger (案件台账) as exported: headers from the message bundles (Chinese
 * first), states and channels in words, times to the minute in the calendar's zone. The
 * reporter's name and phone are columns only in an export that asked for personal data.
 */
final class CaseLedger {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private record Column(String key, Function<CaseDetails, Object> value) {
    }

    private final List<Column> columns;
    private final MessageSource messages;
    private final Locale locale;

    CaseLedger(MessageSource messages, Locale locale, boolean personalData) {
        this.messages = messages;
        this.locale = locale;
        List<Column> all = new ArrayList<>(List.of(
                new Column("ledger.code", CaseDetails::code),
                new Column("ledger.receivedAt", c -> minute(c.receivedAt())),
                new Column("ledger.channel", c -> text("channel." + c.channel().name())),
                new Column("ledger.title", CaseDetails::title),
                new Column("ledger.description", CaseDetails::description),
                new Column("ledger.category", c -> c.categoryName() == null ? c.categoryCode() : c.categoryName()),
                new Column("ledger.grid", CaseDetails::gridCode),
                new Column("ledger.address", CaseDetails::address),
                new Column("ledger.owner", c -> c.ownerUnit() == null ? null : c.ownerUnit().name()),
                new Column("ledger.state", c -> text("state." + c.state().name())),
                new Column("ledger.dueAt", c -> minute(c.dueAt())),
                new Column("ledger.handlingDueAt", c -> minute(c.handlingDueAt())),
                new Column("ledger.resolvedAt", c -> minute(c.resolvedAt())),
                new Column("ledger.resolution", CaseDetails::resolution),
                new Column("ledger.stars", CaseDetails::stars),
                new Column("ledger.returns", CaseDetails::returnCount),
                new Column("ledger.reworks", CaseDetails::reworkCount),
                new Column("ledger.extensions", CaseDetails::extensionCount),
                new Column("ledger.urges", CaseDetails::urgeCount),
                new Column("ledger.closedAt", c -> minute(c.closedAt()))));
        if (personalData) {
            all.add(new Column("ledger.reporterName", CaseDetails::reporterName));
            all.add(new Column("ledger.reporterPhone", CaseDetails::reporterPhone));
        }
        this.columns = List.copyOf(all);
    }

    List<String> headers() {
        return columns.stream().map(c -> text(c.key())).toList();
    }

    List<Object> row(CaseDetails c) {
        List<Object> row = new ArrayList<>(columns.size());
        for (Column column : columns) {
            row.add(column.value().apply(c));
        }
        return row;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String minute(OffsetDateTime at) {
        return at == null ? null : MINUTE.format(at);
    }
}
