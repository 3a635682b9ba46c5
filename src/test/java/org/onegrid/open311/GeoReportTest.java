package org.onegrid.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.onegrid.grid.GridService;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * GeoReport v2, every resource in both formats: the JSON validated against schemas of the
 * specification's response tables (src/test/resources/open311), the XML parsed by the JDK's XML
 * parser; the content types; times with their offset; errors as the specification's list with 400,
 * 403 and 404; a request posted form-encoded with a key is an ordinary case, once per
 * Idempotency-Key; the public responses mask digits that could be a phone.
 */
class GeoReportTest extends ApiTest {

    private static final String BASE = "/open311/v2/";

    @Autowired
    GridService grids;

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** The tests call the public resources more often than one address may in a minute. */
    @org.junit.jupiter.api.BeforeEach
    @org.junit.jupiter.api.AfterEach
    void forgetTheLimits() {
        org.onegrid.security.PublicLimits.forget(context);
    }

    private static JsonSchema schema(String name) {
        InputStream in = GeoReportTest.class.getResourceAsStream("/open311/" + name);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }

    private static void valid(String schema, JsonNode body) {
        Set<ValidationMessage> problems = schema(schema).validate(body);
        assertThat(problems).as(schema + ": " + body).isEmpty();
    }

    private static Element xml(Response r) throws Exception {
        assertThat(r.contentType()).startsWith("text/xml");
        assertThat(r.raw().body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.raw().body().getBytes(StandardCharsets.UTF_8)));
        return d.getDocumentElement();
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).getLength() == 0 ? null : parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    private String key() {
        Response issued = http().post("/api/open311/clients", "admin", "{\"name\":\"随手拍App-" + System.nanoTime() + "\"}");
        assertThat(issued.status()).as(String.valueOf(issued.body())).isEqualTo(201);
        return issued.body().get("apiKey").asText();
    }

    private String form(String key, String... pairs) {
        StringBuilder b = new StringBuilder("api_key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            b.append('&').append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    @Test
    void discoveryServicesAndDefinitionsInBothFormats() throws Exception {
        Response discovery = http().get("/open311/discovery.json", null);
        assertThat(discovery.contentType()).startsWith("application/json");
        valid("discovery.json", discovery.body());
        assertThat(text(xml(http().get("/open311/discovery.xml", null)), "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");

        Response services = http().get(BASE + "services.json", null);
        assertThat(services.status()).isEqualTo(200);
        valid("services.json", services.body());
        assertThat(services.body().findValuesAsText("service_code")).contains("0101", "0103");
        JsonNode rubbish = null;
        for (JsonNode s : services.body()) {
            if (s.get("service_code").asText().equals("0101")) {
                rubbish = s;
            }
        }
        assertThat(rubbish.get("metadata").asBoolean()).as("a category that asks questions").isTrue();
        assertThat(rubbish.get("group").asText()).isEqualTo("urban_management");
        Element servicesXml = xml(http().get(BASE + "services.xml?jurisdiction_id=haizhou.gov.cn", null));
        assertThat(servicesXml.getTagName()).isEqualTo("services");
        assertThat(servicesXml.getElementsByTagName("service").getLength()).isEqualTo(services.body().size());

        Response definition = http().get(BASE + "services/0101.json", null);
        valid("service-definition.json", definition.body());
        assertThat(definition.body().get("attributes").get(0).get("code").asText()).isEqualTo("VOLUME");
        Element definitionXml = xml(http().get(BASE + "services/0101.xml", null));
        assertThat(definitionXml.getTagName()).isEqualTo("service_definition");
        assertThat(definitionXml.getElementsByTagName("value").getLength()).isEqualTo(5);

        Response unknown = http().get(BASE + "services/9999.json", null);
        assertThat(unknown.status()).isEqualTo(404);
        valid("errors.json", unknown.body());
        Response unknownXml = http().get(BASE + "services/9999.xml", null);
        assertThat(unknownXml.status()).isEqualTo(404);
        assertThat(text(xml(unknownXml), "code")).isEqualTo("404");
        Response wrongCity = http().get(BASE + "services.json?jurisdiction_id=sfgov.org", null);
        assertThat(wrongCity.status()).isEqualTo(404);
        valid("errors.json", wrongCity.body());
        assertThat(http().get(BASE + "services.yaml", null).status()).isEqualTo(404);
    }

    @Test
    void aRequestPostedWithAKeyIsACaseReadBackInBothFormats() throws Exception {
        String key = key();
        double[] p = grids.pointWithin("320706002003001").orElseThrow();
        String lat = String.valueOf(p[0]);
        String lng = String.valueOf(p[1]);

        Response noKey = http().postUrlEncoded(BASE + "requests.json", null, "service_code=0101&lat=" + lat + "&long=" + lng);
        assertThat(noKey.status()).isEqualTo(403);
        valid("errors.json", noKey.body());
        Response badKey = http().postUrlEncoded(BASE + "requests.xml", null, form("o311_nope", "service_code", "0101"));
        assertThat(badKey.status()).isEqualTo(403);
        assertThat(text(xml(badKey), "code")).isEqualTo("403");
        assertThat(http().postUrlEncoded(BASE + "requests.json", null, form(key, "service_code", "0101")).status())
                .as("no location").isEqualTo(400);
        assertThat(http().postUrlEncoded(BASE + "requests.json", null, form(key, "service_code", "7777", "lat", lat, "long", lng))
                .status()).as("an unknown service").isEqualTo(404);
        Response noAnswer = http().postUrlEncoded(BASE + "requests.json", null, form(key, "service_code", "0101", "lat", lat, "long", lng));
        assertThat(noAnswer.status()).as("a required attribute").isEqualTo(400);
        assertThat(noAnswer.body().get(0).get("description").asText()).contains("attribute[VOLUME]");
        assertThat(http().postUrlEncoded(BASE + "requests.json", null, form(key, "service_code", "0101", "lat", lat, "long", lng,
                "attribute[VOLUME]", "HUGE")).status()).isEqualTo(400);

        String body = form(key, "service_code", "0101", "lat", lat, "long", lng, "attribute[VOLUME]", "CART",
                "attribute[SMELL]", "YES", "description", "小区门口垃圾堆了三天，联系人电话13912345678",
                "first_name", "小明", "last_name", "王", "phone", "13912345678", "media_url", "https://example.org/photo.jpg");
        String idem = "o311-" + System.nanoTime();
        Response posted = http().postUrlEncoded(BASE + "requests.json", null, body, "Idempotency-Key", idem);
        assertThat(posted.status()).as(String.valueOf(posted.body())).isEqualTo(201);
        valid("created.json", posted.body());
        String id = posted.body().get(0).get("service_request_id").asText();
        assertThat(http().postUrlEncoded(BASE + "requests.json", null, body, "Idempotency-Key", idem).body().get(0)
                .get("service_request_id").asText()).as("a retried request is one").isEqualTo(id);

        JsonNode theCase = http().get("/api/cases?q=" + id, "dispatcher").body().get("items").get(0);
        assertThat(theCase.get("channel").asText()).isEqualTo("OPEN311");
        assertThat(theCase.get("categoryCode").asText()).isEqualTo("0101");
        assertThat(theCase.get("description").asText()).contains("一车以内");

        Response one = http().get(BASE + "requests/" + id + ".json", null);
        assertThat(one.status()).isEqualTo(200);
        valid("requests.json", one.body());
        JsonNode r = one.body().get(0);
        assertThat(r.get("status").asText()).isEqualTo("open");
        assertThat(r.get("requested_datetime").asText()).endsWith("+08:00");
        assertThat(r.get("description").asText()).as("a phone in the text is masked").doesNotContain("13912345678").contains("5678");
        assertThat(r.get("media_url").asText()).isEqualTo("https://example.org/photo.jpg");
        assertThat(r.get("expected_datetime").isNull()).as("from our deadline").isFalse();
        Element oneXml = xml(http().get(BASE + "requests/" + id + ".xml", null));
        assertThat(oneXml.getTagName()).isEqualTo("service_requests");
        assertThat(text(oneXml, "service_request_id")).isEqualTo(id);
        assertThat(text(oneXml, "status")).isEqualTo("open");

        Response list = http().get(BASE + "requests.json?service_request_id=" + id + ",20000101-000001", null);
        valid("requests.json", list.body());
        assertThat(list.body()).hasSize(1);
        Response recent = http().get(BASE + "requests.json?service_code=0101&status=open", null);
        valid("requests.json", recent.body());
        assertThat(recent.body().findValuesAsText("service_request_id")).contains(id);
        assertThat(recent.body().size()).isLessThanOrEqualTo(GeoReport.MAX_REQUESTS);
        assertThat(http().get(BASE + "requests.json?status=closed&service_code=0101", null).body().findValuesAsText("service_request_id"))
                .doesNotContain(id);
        Response tooLong = http().get(BASE + "requests.json?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-06-01T00:00:00Z", null);
        assertThat(tooLong.status()).as("more than 90 days").isEqualTo(400);
        valid("errors.json", tooLong.body());
        assertThat(http().get(BASE + "requests.json?start_date=yesterday", null).status()).isEqualTo(400);
        Element listXml = xml(http().get(BASE + "requests.xml?service_request_id=" + id, null));
        assertThat(listXml.getElementsByTagName("request").getLength()).isEqualTo(1);
        Response missing = http().get(BASE + "requests/20000101-000001.xml", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(text(xml(missing), "code")).isEqualTo("404");
        Response noToken = http().get(BASE + "tokens/nope.json", null);
        assertThat(noToken.status()).isEqualTo(404);
        valid("errors.json", noToken.body());
        Response noTokenXml = http().get(BASE + "tokens/nope.xml", null);
        assertThat(noTokenXml.status()).isEqualTo(404);
        assertThat(text(xml(noTokenXml), "description")).contains("token");
        assertThat(http().post("/api/open311/clients", "dispatcher", "{\"name\":\"x\"}").status()).as("keys by an administrator")
                .isEqualTo(403);
    }
}
