package org.onegrid.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.onegrid.support.ApiTest;

/** Assignment sheets (交办单): issued once, each item tracked until its owner crosses it off (销号). */
class AssignmentSheetsTest extends ApiTest {

    @Test
    void aSheetIsIssuedOnceAndEachItemIsCrossedOffByItsOwner() throws Exception {
        long urban = unitId("D-URBAN_MANAGEMENT");
        long other = unitId("CC");
        String due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7).toString();
        String body = """
                {"title":"背街小巷环境整治督查交办单","programme":"2026年环境整治专项行动","items":[
                  {"content":"清理朝阳社区3号楼前堆放杂物","ownerUnitId":%d,"dueDate":"%s"},
                  {"content":"核查夜间施工噪音投诉","ownerUnitId":%d,"dueDate":"%s"}]}""".formatted(urban, due, other, due);
        var issued = http().post("/api/assignment-sheets", "district", body, "Idempotency-Key", "sheet-1");
        assertThat(issued.status()).isEqualTo(201);
        long id = issued.body().get("id").asLong();
        var again = http().post("/api/assignment-sheets", "district", body, "Idempotency-Key", "sheet-1");
        assertThat(again.body().get("id").asLong()).as("a retry answers with the same sheet").isEqualTo(id);
        assertThat(issued.body().get("items").asInt()).isEqualTo(2);
        assertThat(issued.body().get("itemList").get(0).get("state").asText()).isEqualTo("OPEN");

        // Only the owning unit crosses its item off, once, with a result.
        assertThat(http().post("/api/assignment-sheets/" + id + "/items/2/cross-off", "handler",
                "{\"result\":\"已处理\"}").status()).isEqualTo(403);
        var noResult = http().post("/api/assignment-sheets/" + id + "/items/1/cross-off", "handler", "{}");
        assertThat(noResult.status()).isEqualTo(400);
        assertThat(noResult.body().get("errors").get(0).get("field").asText()).isEqualTo("result");
        JsonNode mine = http().get("/api/assignment-sheets/my-items", "handler").body();
        assertThat(mine.findValuesAsText("content")).contains("清理朝阳社区3号楼前堆放杂物");
        var crossed = http().post("/api/assignment-sheets/" + id + "/items/1/cross-off", "handler",
                "{\"result\":\"杂物已清运，现场已恢复\"}");
        assertThat(crossed.status()).isEqualTo(200);
        assertThat(crossed.body().get("crossedOff").asInt()).isEqualTo(1);
        assertThat(crossed.body().get("itemList").get(0).get("state").asText()).isEqualTo("CROSSED_OFF");
        assertThat(http().post("/api/assignment-sheets/" + id + "/items/1/cross-off", "handler",
                "{\"result\":\"again\"}").status()).isEqualTo(409);
        assertThat(http().get("/api/assignment-sheets/my-items", "handler").body().findValuesAsText("content"))
                .doesNotContain("清理朝阳社区3号楼前堆放杂物");

        // The programme's ledger lists the sheet with its progress; the sheet exports as a spreadsheet.
        JsonNode ledger = http().get("/api/assignment-sheets?programme=2026年环境整治专项行动", "district").body();
        assertThat(ledger.get(0).get("id").asLong()).isEqualTo(id);
        var file = http().getBytes("/api/assignment-sheets/" + id + "/export", "district");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("交办事项");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("已销号");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("办理中");
        }
    }

    @Test
    void badSheetsAreRefusedWithTheField() {
        assertThat(http().post("/api/assignment-sheets", "handler", "{\"title\":\"x\",\"items\":[]}").status())
                .isEqualTo(403);
        var bad = http().post("/api/assignment-sheets", "district", """
                {"title":"","items":[{"content":"x","ownerUnitId":999999,"dueDate":"2020-01-01"}]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().findValuesAsText("field")).contains("title", "items[0].ownerUnitId", "items[0].dueDate");
        assertThat(http().get("/api/assignment-sheets/999999", "district").status()).isEqualTo(404);
    }
}
