import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Imports MEMBERS residents of the demo's first street (7 communities, 28 base grids; 3 members a
 * household) from one .xlsx workbook, as the street office's instructor who holds a post in every
 * grid of the street: first the preview (every row checked, nothing written), then the import (one
 * transaction). The workbook is written here by hand (inline strings, no library).
 * Prints: members=N bytes=N preview_ms=N import_ms=N written=N
 * Usage: java bench/RegisterImportBench.java PORT [members=100000] [user=h-s001]
 */
public class RegisterImportBench {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final String[] RELATIONS = {"户主", "配偶", "子女"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String user = args.length > 2 ? args[2] : "h-s001";
        byte[] workbook = workbook(members, System.nanoTime() % 1000);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long started = System.nanoTime();
        HttpResponse<String> preview = post(client, port, user, "/api/households/import?preview=true", workbook);
        long previewMs = (System.nanoTime() - started) / 1_000_000;
        if (preview.statusCode() != 200 || !preview.body().contains("\"problemCount\":0")) {
            System.out.println("preview failed: " + preview.statusCode() + " " + preview.body().substring(0, Math.min(600, preview.body().length())));
            System.exit(1);
        }
        started = System.nanoTime();
        HttpResponse<String> imported = post(client, port, user, "/api/households/import", workbook);
        long importMs = (System.nanoTime() - started) / 1_000_000;
        if (imported.statusCode() != 201) {
            System.out.println("import failed: " + imported.statusCode() + " " + imported.body().substring(0, Math.min(600, imported.body().length())));
            System.exit(1);
        }
        String body = imported.body();
        String written = body.replaceAll(".*\"members\":([0-9]+).*", "$1");
        System.out.printf("members=%d bytes=%d preview_ms=%d import_ms=%d written=%s%n", members, workbook.length, previewMs,
                importMs, written);
    }

    private static HttpResponse<String> post(HttpClient client, int port, String user, String path, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"street.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String idNumber(long n) {
        String seventeen = "320706" + (1940 + n % 60) + String.format("%02d%02d", 1 + n % 12, 1 + (n / 12) % 28)
                + String.format("%03d", (n / 336) % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeen.charAt(i) - '0') * WEIGHTS[i];
        }
        return seventeen + CHECK[sum % 11];
    }

    private static String cell(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /** A workbook with one sheet: the header and one row a member. */
    static byte[] workbook(int members, long salt) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"人口\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            String[] header = {"网格编码", "户号", "地址", "姓名", "身份证号", "电话", "与户主关系", "户籍类型", "标签"};
            sheet.append("<row r=\"1\">");
            for (int c = 0; c < header.length; c++) {
                sheet.append(cell((char) ('A' + c) + "1", header[c]));
            }
            sheet.append("</row>");
            for (int m = 0; m < members; m++) {
                int household = m / 3;
                int grid = household % 28;
                String gridCode = String.format("320706001%03d%03d", 1 + grid / 4, 1 + grid % 4);
                int r = m + 2;
                String[] values = {gridCode, "H" + household, "示范路" + household + "号", SURNAMES[m % 10] + "居民" + m,
                        idNumber(salt * 1_000_000L + m), "138" + String.format("%08d", m), RELATIONS[m % 3], "户籍",
                        m % 97 == 0 ? "独居老人" : ""};
                sheet.append("<row r=\"").append(r).append("\">");
                for (int c = 0; c < values.length; c++) {
                    if (!values[c].isEmpty()) {
                        sheet.append(cell((char) ('A' + c) + String.valueOf(r), values[c]));
                    }
                }
                sheet.append("</row>");
                if (sheet.length() > 1 << 20) {
                    zip.write(sheet.toString().getBytes(StandardCharsets.UTF_8));
                    sheet.setLength(0);
                }
            }
            sheet.append("</sheetData></worksheet>");
            zip.write(sheet.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
