package org.onegrid.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;

/** Case list exports and the monthly assessment report, over HTTP, opened as real spreadsheets. */
class ExportsTest extends ApiTest {

    private JsonNode finished(String user, String body) throws InterruptedException {
        var started = http().post("/api/exports", user, body);
        assertThat(started.status()).as(started.body() == null ? "" : started.body().toString()).isEqualTo(202);
        String id = started.body().get("id").asText();
        assertThat(started.header("Location")).isEqualTo("/api/exports/" + id);
        for (int i = 0; i < 200; i++) {
            JsonNode status = http().get("/api/exports/" + id, user).body();
            if (status.get("state").asText().equals("DONE") || status.get("state").asText().equals("FAILED")) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("export did not finish");
    }

    @Test
    void anExcelExportHoldsTheFilteredListWithChineseHeaders() throws Exception {
        long listed = http().get("/api/cases?state=CLOSED&size=1", "dispatcher").body().get("total").asLong();
        JsonNode status = finished("dispatcher", "{\"format\":\"xlsx\",\"state\":\"CLOSED\"}");
        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("rows").asLong()).isEqualTo(listed).isPositive();
        assertThat(status.get("percent").asInt()).isEqualTo(100);
        var file = http().getBytes("/api/exports/" + status.get("id").asText() + "/file", "dispatcher");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("案件台账");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("状态");
            assertThat(sheet.getLastRowNum()).isEqualTo((int) listed);
            for (int r = 1; r <= listed; r++) {
                assertThat(sheet.getRow(r).getCell(9).getStringCellValue()).isEqualTo("已结案");
            }
            // No personal data unless asked for.
            for (var cell : sheet.getRow(0)) {
                assertThat(cell.getStringCellValue()).isNotIn("反映人", "联系电话");
            }
        }
        // The file is its owner's only.
        assertThat(http().get("/api/exports/" + status.get("id").asText(), "agent").status()).isEqualTo(404);
        assertThat(http().getBytes("/api/exports/" + status.get("id").asText() + "/file", "agent").statusCode()).isEqualTo(404);
    }

    @Test
    void aCsvExportIsExcelReadableAndCannotSmuggleFormulas() throws Exception {
        var created = http().post("/api/cases", "agent", newCaseJson("=HYPERLINK(\\\"http://x\\\",\\\"点我\\\")", "0104"));
        assertThat(created.status()).isEqualTo(201);
        String code = created.body().get("code").asText();
        JsonNode status = finished("dispatcher", "{\"format\":\"csv\",\"limit\":5}");
        assertThat(status.get("rows").asLong()).isEqualTo(5);
        var file = http().getBytes("/api/exports/" + status.get("id").asText() + "/file", "dispatcher");
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] bytes = file.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(0).findFirst().orElseThrow()).contains("编号,受理时间,来源渠道,标题");
        String line = csv.lines().filter(l -> l.startsWith(code)).findFirst().orElseThrow();
        assertThat(line).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"");
    }

    @Test
    void personalDataNeedsARoleAndAPurposeAndIsLogged() throws Exception {
        assertThat(http().post("/api/exports", "handler", "{\"personalData\":true,\"purpose\":\"回访\"}").status())
                .isEqualTo(403);
        var noPurpose = http().post("/api/exports", "dispatcher", "{\"personalData\":true}");
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.body().get("errors").get(0).get("field").asText()).isEqualTo("purpose");
        assertThat(http().post("/api/exports", "dispatcher", "{\"format\":\"pdf\"}").status()).isEqualTo(400);
        assertThat(http().post("/api/exports", "dispatcher", "{\"limit\":0}").status()).isEqualTo(400);
        assertThat(http().post("/api/exports", "dispatcher", "{\"state\":\"LOST\"}").status()).isEqualTo(400);

        JsonNode status = finished("dispatcher", "{\"format\":\"xlsx\",\"limit\":3,\"personalData\":true,\"purpose\":\"月度回访抽查\"}");
        var file = http().getBytes("/api/exports/" + status.get("id").asText() + "/file", "dispatcher");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            var header = book.getSheetAt(0).getRow(0);
            assertThat(header.getCell(header.getLastCellNum() - 1).getStringCellValue()).isEqualTo("联系电话");
        }
        JsonNode log = http().get("/api/audit/changes?limit=50", "admin").body();
        boolean logged = false;
        for (JsonNode entry : log) {
            logged |= entry.get("action").asText().equals("export.cases.personal-data")
                    && entry.get("detail").asText().contains("月度回访抽查") && entry.get("actor").asText().equals("dispatcher");
        }
        assertThat(logged).as("the personal-data export is in the audit log").isTrue();
    }

    @Test
    void theMonthlyAssessmentReportListsEveryLevel() throws Exception {
        var file = http().getBytes("/api/reports/assessment?month=2026-10", "district");
        assertThat(file.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(5);
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("2026-10 承办单位");
            var header = book.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("排名");
            assertThat(header.getCell(header.getLastCellNum() - 1).getStringCellValue()).isEqualTo("综合得分");
        }
        assertThat(http().get("/api/reports/assessment?month=October", "district").status()).isEqualTo(400);
        assertThat(http().get("/api/reports/assessment?month=2026-10", "handler").status()).isEqualTo(403);
    }
}
