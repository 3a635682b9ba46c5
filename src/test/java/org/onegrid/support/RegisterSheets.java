package org.onegrid.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.onegrid.households.IdNumber;

/** Made-up residents for the register's tests: valid ID numbers that belong to no one, and spreadsheets of rows. */
public final class RegisterSheets {

    private RegisterSheets() {
    }

    /**
     * A valid ID number (the check character computed) of the division {@code division} (each test
     * class its own, and never the demo's 320706, so that no two registrations collide), born in
     * the 1940s-80s, unique for n below 21,000.
     */
    public static String idNumber(String division, long n) {
        String seventeen = division + (1940 + n % 50) + String.format("%02d%02d", 1 + n % 12, 1 + n % 28)
                + String.format("%03d", n % 1000);
        return seventeen + IdNumber.checkFor(seventeen);
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheck(String idNumber) {
        return idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0');
    }

    /** An .xlsx workbook of one sheet holding {@code rows} as text cells. */
    public static byte[] xlsx(String[][] rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("人口");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
