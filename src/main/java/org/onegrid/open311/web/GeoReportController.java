package org.onegrid.open311.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onegrid.calendar.CalendarService;
import org.onegrid.directory.StaffMember;
import org.onegrid.open311.GeoReport;
import org.onegrid.open311.GeoReport.Open311Error;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GeoReport v2 over HTTP, each resource in XML ({@code text/xml}) and JSON ({@code
 * application/json}) by its extension, as the specification writes them: UTF-8, an XML
 * declaration, no namespace; times with their offset; errors as the specification's list of code
 * and description with 400, 403 or 404. Keys for client applications are issued at
 * {@code POST /api/open311/clients} by an administrator.
 */
@RestController
class GeoReportController {

    static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");
    private static final DateTimeFormatter W3 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final GeoReport geo;
    private final ObjectMapper json;
    private final ZoneId zone;

    GeoReportController(GeoReport geo, ObjectMapper json, CalendarService calendars) {
        this.geo = geo;
        this.json = json;
        this.zone = calendars.calendar().zone();
    }

    // ---- the resources --------------------------------------------------------------------------

    @GetMapping({"/open311/discovery.{format}", "/open311/v2/discovery.{format}"})
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + "/open311/v2";
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", base);
        endpoint.put("changeset", "2026-12-04T00:00:00+08:00");
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", "2026-12-04T00:00:00+08:00");
        discovery.put("contact", "海州区社会治理现代化指挥中心 12345");
        discovery.put("key_service", base.replace("/open311/v2", "/api/open311/clients") + " (keys are issued by the district's administrator)");
        discovery.put("endpoints", List.of(endpoint));
        if (isXml(format)) {
            Xml x = new Xml().open("discovery").field("changeset", discovery.get("changeset")).field("contact", discovery.get("contact"))
                    .field("key_service", discovery.get("key_service")).open("endpoints").open("endpoint")
                    .field("specification", endpoint.get("specification")).field("url", base).field("changeset", endpoint.get("changeset"))
                    .field("type", "production").open("formats").field("format", "text/xml").field("format", "application/json")
                    .close("formats").close("endpoint").close("endpoints").close("discovery");
            return ok(x.toString(), XML);
        }
        return ok(write(discovery), JSON);
    }

    @GetMapping("/open311/v2/services.{format}")
    ResponseEntity<String> services(@PathVariable String format, @RequestParam(name = "jurisdiction_id", required = false) String j) {
        requireFormat(format);
        geo.checkJurisdiction(j);
        List<Map<String, Object>> list = new ArrayList<>();
        for (GeoReport.ServiceEntry s : geo.services()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service_code", s.code());
            m.put("service_name", s.name());
            m.put("description", s.description());
            m.put("metadata", s.metadata());
            m.put("type", "realtime");
            m.put("keywords", s.keywords());
            m.put("group", s.group());
            list.add(m);
        }
        return respond(format, list, "services", "service");
    }

    @GetMapping("/open311/v2/services/{code}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String j) {
        requireFormat(format);
        geo.checkJurisdiction(j);
        List<GeoReport.Attribute> attributes = geo.definition(code);
        if (isXml(format)) {
            Xml x = new Xml().open("service_definition").field("service_code", code).open("attributes");
            for (GeoReport.Attribute a : attributes) {
                x.open("attribute").field("variable", a.variable()).field("code", a.code()).field("datatype", a.datatype())
                        .field("required", a.required()).field("datatype_description", a.datatypeDescription())
                        .field("order", a.order()).field("description", a.description()).open("values");
                for (Map.Entry<String, String> v : a.values()) {
                    x.open("value").field("key", v.getKey()).field("name", v.getValue()).close("value");
                }
                x.close("values").close("attribute");
            }
            return ok(x.close("attributes").close("service_definition").toString(), XML);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (GeoReport.Attribute a : attributes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variable", a.variable());
            m.put("code", a.code());
            m.put("datatype", a.datatype());
            m.put("required", a.required());
            m.put("datatype_description", a.datatypeDescription());
            m.put("order", a.order());
            m.put("description", a.description());
            m.put("values", a.values().stream().map(v -> Map.of("key", v.getKey(), "name", v.getValue())).toList());
            list.add(m);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", code);
        definition.put("attributes", list);
        return ok(write(definition), JSON);
    }

    /** POST requests: form-encoded, with {@code attribute[code]=value} (and {@code attribute[code][]=} for several). */
    @PostMapping(value = "/open311/v2/requests.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> post(@PathVariable String format, HttpServletRequest request,
                                @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        requireFormat(format);
        Map<String, String> form = new LinkedHashMap<>();
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("attribute[")) {
                String code = name.substring("attribute[".length(), name.indexOf(']') > 0 ? name.indexOf(']') : name.length());
                attributes.computeIfAbsent(code, c -> new ArrayList<>()).addAll(List.of(values));
            } else if (values.length > 0) {
                form.put(name, values[0]);
            }
        });
        GeoReport.Created created = geo.post(form, attributes, key);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", created.serviceRequestId());
        m.put("service_notice", created.serviceNotice());
        m.put("account_id", form.get("account_id"));
        return respond(format, List.of(m), "service_requests", "request", HttpStatus.CREATED);
    }

    @GetMapping("/open311/v2/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
                                 @RequestParam(name = "jurisdiction_id", required = false) String j) {
        requireFormat(format);
        geo.checkJurisdiction(j);
        String id = geo.requestOfToken(token).orElseThrow(() -> new Open311Error(404, "token " + token + " was not found"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", id);
        m.put("token", token);
        return respond(format, List.of(m), "service_requests", "request");
    }

    @GetMapping("/open311/v2/requests.{format}")
    ResponseEntity<String> requests(@PathVariable String format, @RequestParam(name = "jurisdiction_id", required = false) String j,
                                    @RequestParam(name = "service_request_id", required = false) String ids,
                                    @RequestParam(name = "service_code", required = false) String codes,
                                    @RequestParam(name = "start_date", required = false) String start,
                                    @RequestParam(name = "end_date", required = false) String end,
                                    @RequestParam(name = "status", required = false) String status) {
        requireFormat(format);
        geo.checkJurisdiction(j);
        List<GeoReport.Request> found = geo.requests(ids, codes, date("start_date", start), date("end_date", end), status);
        return respond(format, found.stream().map(this::request).toList(), "service_requests", "request");
    }

    @GetMapping("/open311/v2/requests/{id}.{format}")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
                                   @RequestParam(name = "jurisdiction_id", required = false) String j) {
        requireFormat(format);
        geo.checkJurisdiction(j);
        return respond(format, List.of(request(geo.request(id))), "service_requests", "request");
    }

    /** An administrator issues a key to a client application (shown once). */
    @PostMapping("/api/open311/clients")
    ResponseEntity<GeoReport.IssuedKey> issue(@RequestBody Map<String, String> body, StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(geo.issueKey(body == null ? null : body.get("name"), me));
    }

    // ---- writing --------------------------------------------------------------------------------

    private Map<String, Object> request(GeoReport.Request r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", r.id());
        m.put("status", r.status());
        m.put("status_notes", r.statusNotes());
        m.put("service_name", r.serviceName());
        m.put("service_code", r.serviceCode());
        m.put("description", r.description());
        m.put("agency_responsible", r.agencyResponsible());
        m.put("service_notice", r.serviceNotice());
        m.put("requested_datetime", w3(r.requested()));
        m.put("updated_datetime", w3(r.updated()));
        m.put("expected_datetime", w3(r.expected()));
        m.put("address", r.address());
        m.put("address_id", null);
        m.put("zipcode", null);
        m.put("lat", r.lat());
        m.put("long", r.lng());
        m.put("media_url", r.mediaUrl());
        return m;
    }

    private String w3(OffsetDateTime t) {
        return t == null ? null : W3.format(t.atZoneSameInstant(zone));
    }

    private static Instant date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeException unreadable) {
            throw new Open311Error(400, field + " must be a W3C date and time with its offset, such as 2026-12-01T00:00:00+08:00");
        }
    }

    private static boolean isXml(String format) {
        requireFormat(format);
        return format.equals("xml");
    }

    private static void requireFormat(String format) {
        if (!"xml".equals(format) && !"json".equals(format)) {
            throw new Open311Error(404, "the format ." + format + " is not served; use .xml or .json");
        }
    }

    private ResponseEntity<String> respond(String format, List<Map<String, Object>> rows, String root, String item) {
        return respond(format, rows, root, item, HttpStatus.OK);
    }

    private ResponseEntity<String> respond(String format, List<Map<String, Object>> rows, String root, String item, HttpStatus status) {
        if (isXml(format)) {
            Xml x = new Xml().open(root);
            for (Map<String, Object> row : rows) {
                x.open(item);
                row.forEach(x::field);
                x.close(item);
            }
            return ResponseEntity.status(status).contentType(XML).body(x.close(root).toString());
        }
        return ResponseEntity.status(status).contentType(JSON).body(write(rows));
    }

    private static ResponseEntity<String> ok(String body, MediaType type) {
        return ResponseEntity.ok().contentType(type).body(body);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The specification's errors: a list of code and description, in the format the path asked for. */
    @ExceptionHandler(Open311Error.class)
    ResponseEntity<String> error(Open311Error e, HttpServletRequest request) {
        return errors(e.status(), e.getMessage(), request);
    }

    /** Anything the request itself got wrong that Spring caught first: 400 in the specification's form. */
    @ExceptionHandler({org.springframework.web.bind.MissingServletRequestParameterException.class,
            org.springframework.web.HttpMediaTypeNotSupportedException.class,
            org.springframework.beans.TypeMismatchException.class,
            org.onegrid.errors.ApiProblemException.class})
    ResponseEntity<String> badRequest(Exception e, HttpServletRequest request) {
        return errors(400, e instanceof org.onegrid.errors.ApiProblemException p && !p.errors().isEmpty()
                ? p.errors().get(0).field() + " " + p.errors().get(0).reason() : "the request is not valid: " + e.getClass().getSimpleName(),
                request);
    }

    private ResponseEntity<String> errors(int status, String description, HttpServletRequest request) {
        boolean xml = !request.getRequestURI().endsWith(".json");
        if (xml) {
            String body = new Xml().open("errors").open("error").field("code", status).field("description", description)
                    .close("error").close("errors").toString();
            return ResponseEntity.status(status).contentType(XML).body(body);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", status);
        m.put("description", description);
        return ResponseEntity.status(status).contentType(JSON).body(write(List.of(m)));
    }

    /** A small writer of the specification's XML: an XML declaration, elements and escaped text, no namespace. */
    static final class Xml {
        private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");

        Xml open(String name) {
            out.append('<').append(name).append('>');
            return this;
        }

        Xml close(String name) {
            out.append("</").append(name).append('>');
            return this;
        }

        Xml field(String name, Object value) {
            if (value == null) {
                out.append('<').append(name).append("/>");
                return this;
            }
            if (value instanceof List<?> list) {
                open(name);
                list.forEach(v -> field(name.endsWith("s") ? name.substring(0, name.length() - 1) : "item", v));
                return close(name);
            }
            return open(name).text(String.valueOf(value)).close(name);
        }

        private Xml text(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    default -> {
                        if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                            out.append(c);
                        }
                    }
                }
            }
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
