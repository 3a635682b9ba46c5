package org.onegrid.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onegrid.assessment.AssessmentService;
import org.onegrid.assessment.Dimension;
import org.onegrid.assessment.Scorecard;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The monthly assessment report (月度考核通报) as a spreadsheet: the units ranked by composite
 * score with last month's place, then the streets, communities, base grids and categories, each
 * row with every indicator ({@link Scorecard#COLUMNS}).
 */
@Service
public class AssessmentReport {

    private final AssessmentService assessment;
    private final MessageSource messages;

    AssessmentReport(AssessmentService assessment, MessageSource messages) {
        this.assessment = assessment;
        this.messages = messages;
    }

    /** The report with headers in the locale's language (Chinese unless English is asked for). */
    public void write(YearMonth month, TableWriter.Format format, OutputStream out, Locale locale) throws IOException {
        try (TableWriter writer = TableWriter.of(format, out)) {
            for (Dimension dimension : Dimension.RANKED) {
                ranked(writer, month + " " + text("dimension." + dimension.name().toLowerCase(Locale.ROOT), locale),
                        dimension, month, locale);
            }
            writer.finish();
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private void ranked(TableWriter writer, String sheet, Dimension dimension, YearMonth month, Locale locale)
            throws IOException {
        List<String> headers = new ArrayList<>();
        for (String key : List.of("indicator.rank", "indicator.previousRank", "indicator.rankChange", "indicator.key")) {
            headers.add(text(key, locale));
        }
        Scorecard.COLUMNS.forEach(c -> headers.add(text(c.key(), locale)));
        writer.sheet(sheet, headers);
        for (AssessmentService.Place place : assessment.ranking(dimension, month)) {
            Scorecard card = Scorecard.of(place.row());
            List<Object> row = new ArrayList<>(List.of(place.rank()));
            row.add(place.previousRank());
            row.add(place.rankChange());
            row.add(card.key());
            for (Scorecard.Column column : Scorecard.COLUMNS) {
                Object value = column.value().apply(card);
                row.add(column.rate() && value instanceof Double d ? Math.round(d * 10000) / 100.0 + "%" : value);
            }
            writer.row(row);
        }
    }
}
