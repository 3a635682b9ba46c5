package org.onegrid.ledger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes tables row by row to a spreadsheet, holding only a small window of rows in memory:
 * Excel through POI's streaming workbook (SXSSF, 100 rows in memory, the rest in a temporary
 * file), or CSV in UTF-8 with a byte-order mark so that Excel reads Chinese right. A CSV cell that
 * would start a formula (=, +, -, @) is prefixed with an apostrophe (formula injection).
 */
public interface TableWriter extends AutoCloseable {

    /** Starts a new sheet (CSV: only the first is written) with its header row. */
    void sheet(String name, List<String> headers) throws IOException;

    /** One row; numbers stay numbers, everything else is text, null an empty cell. */
    void row(List<?> values) throws IOException;

    /** Writes everything out to the stream given at creation; without it, nothing is (for Excel). */
    void finish() throws IOException;

    /** Releases what the writer holds (temporary files); does not write. */
    @Override
    void close() throws IOException;

    enum Format {
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("csv", "text/csv; charset=UTF-8");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The format a request names ({@code xlsx}, {@code csv}, any case); none named: Excel. */
        public static Format of(String name) {
            if (name == null || name.isBlank()) {
                return XLSX;
            }
            for (Format format : values()) {
                if (format.extension.equalsIgnoreCase(name.strip())) {
                    return format;
                }
            }
            throw org.onegrid.errors.ApiProblemException.invalid("format", "must be xlsx or csv");
        }

        /** The Content-Disposition of a download of this format named {@code baseName} plus the extension. */
        public String attachment(String baseName) {
            return org.springframework.http.ContentDisposition.attachment().filename(baseName + "." + extension)
                    .build().toString();
        }
    }

    static TableWriter of(Format format, OutputStream out) {
        return format == Format.XLSX ? new Xlsx(out) : new Csv(out);
    }

    /** Excel, streamed. */
    final class Xlsx implements TableWriter {
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final OutputStream out;
        private final CellStyle headerStyle;
        private SXSSFSheet sheet;
        private int rowIndex;

        Xlsx(OutputStream out) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            headerStyle = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
        }

        @Override
        public void sheet(String name, List<String> headers) {
            sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
            sheet.createFreezePane(0, 1);
            rowIndex = 0;
            Row header = sheet.createRow(rowIndex++);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 3 + 4)) * 256);
            }
        }

        @Override
        public void row(List<?> values) {
            Row row = sheet.createRow(rowIndex++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    String text = value.toString();
                    cell.setCellValue(text.length() > 32_000 ? text.substring(0, 32_000) : text);
                }
            }
        }

        @Override
        public void finish() throws IOException {
            workbook.write(out);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            workbook.close(); // also deletes the temporary files
        }
    }

    /** CSV (RFC 4180), UTF-8 with a byte-order mark. */
    final class Csv implements TableWriter {
        private final BufferedWriter out;
        private boolean started;
        private boolean skipping;

        Csv(OutputStream stream) {
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void sheet(String name, List<String> headers) throws IOException {
            if (started) {
                skipping = true;
                return;
            }
            started = true;
            out.write('\uFEFF');
            row(headers);
        }

        @Override
        public void row(List<?> values) throws IOException {
            if (skipping) {
                return;
            }
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object value = values.get(i);
                if (value != null) {
                    out.write(value instanceof Number ? value.toString() : quote(value.toString()));
                }
            }
            out.write("\r\n");
        }

        static String quote(String text) {
            String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
            boolean needs = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                    || safe.indexOf('\r') >= 0 || !safe.equals(text);
            return needs ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // nothing held: the stream belongs to the caller
        }
    }
}
