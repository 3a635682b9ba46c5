package org.onegrid.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.onegrid.assessment.AssessmentService;
import org.onegrid.assessment.Dimension;
import org.onegrid.assessment.Scorecard;
import org.springframework.stereotype.Service;

/**
 * The monthly assessment report (月度考核通报) as a spreadsheet: the units ranked by composite
 * score with last month's place, then the streets, communities, base grids and categories, each
 * row with every indicator ({@link Scorecard#COLUMNS}).
 */
@Service
public class AssessmentReport {

    private final AssessmentService assessment;

    AssessmentReport(AssessmentService assessment) {
        this.assessment = assessment;
    }

    public void write(YearMonth month, TableWriter.Format format, OutputStream out) throws IOException {
        try (TableWriter writer = TableWriter.of(format, out)) {
            ranked(writer, month + " 单位考核排名", Dimension.UNIT, month);
            ranked(writer, month + " 街道", Dimension.STREET, month);
            ranked(writer, month + " 社区", Dimension.COMMUNITY, month);
            ranked(writer, month + " 网格", Dimension.GRID, month);
            ranked(writer, month + " 事项类别", Dimension.CATEGORY, month);
        }
    }

    private void ranked(TableWriter writer, String sheet, Dimension dimension, YearMonth month) throws IOException {
        List<String> headers = new ArrayList<>(List.of("排名", "上月排名", "名次变化", "编码"));
        Scorecard.COLUMNS.forEach(c -> headers.add(c.zh()));
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
