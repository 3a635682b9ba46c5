package org.onegrid.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.onegrid.audit.AuditLog;
import org.onegrid.cases.CaseDetails;
import org.onegrid.cases.CaseFilter;
import org.onegrid.cases.CaseIntake;
import org.onegrid.cases.CaseSearch;
import org.onegrid.cases.CaseState;
import org.onegrid.cases.CaseViews;
import org.onegrid.cases.Channel;
import org.onegrid.cases.NewCase;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.Role;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.Refusal;
import org.onegrid.errors.Validation;
import org.onegrid.security.PersonalDataPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The Open311 GeoReport v2 resources over the platform: services from the matter catalogue
 * (grouped by line of work), their definitions (the questions a category asks), requests made by
 * the client applications an administrator issued a key to (each an ordinary case on the OPEN311
 * channel: located, routed, clocked and assessed as any), and every case as a public service
 * request with what may be public of it. Every service is realtime: a request's id comes back at
 * once.
 */
@Service
public class GeoReport {

    /** A GeoReport error: its HTTP status (400, 403 or 404) and description. */
    public static final class Open311Error extends RuntimeException {
        private final int status;

        public Open311Error(int status, String description) {
            super(description, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public record ServiceEntry(String code, String name, String description, boolean metadata, String keywords, String group) {
    }

    public record Attribute(boolean variable, String code, String datatype, boolean required, String datatypeDescription,
                            int order, String description, List<Map.Entry<String, String>> values) {
    }

    /** A service request as the specification shows it; nulls are the fields this request lacks. */
    public record Request(String id, String status, String statusNotes, String serviceName, String serviceCode,
                          String description, String agencyResponsible, String serviceNotice, OffsetDateTime requested,
                          OffsetDateTime updated, OffsetDateTime expected, String address, Double lat, Double lng,
                          String mediaUrl) {
    }

    public record Created(String serviceRequestId, String serviceNotice) {
    }

    /** The most requests one GET returns, and the longest span of its dates (the specification's). */
    public static final int MAX_REQUESTS = 1000;
    public static final Duration MAX_SPAN = Duration.ofDays(90);
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{7,}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Who reads cases for the public responses: every case, personal data masked. */
    private static final StaffMember READER = new StaffMember(0, "system:open311", "Open311", Role.DISTRICT_LEADER, null);

    private final JdbcClient jdbc;
    private final CatalogService catalog;
    private final CaseIntake intake;
    private final CaseViews cases;
    private final AuditLog audit;
    private final Clock clock;
    private final String jurisdiction;

    GeoReport(JdbcClient jdbc, CatalogService catalog, CaseIntake intake, CaseViews cases, AuditLog audit, Clock clock,
              @Value("${onegrid.open311.jurisdiction:haizhou.gov.cn}") String jurisdiction) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.intake = intake;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
        this.jurisdiction = jurisdiction;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    /** One jurisdiction is served: the parameter is optional, and a wrong one is 404. */
    public void checkJurisdiction(String given) {
        if (given != null && !given.isBlank() && !given.strip().equals(jurisdiction)) {
            throw new Open311Error(404, "jurisdiction_id " + given.strip() + " was not found; this endpoint serves " + jurisdiction);
        }
    }

    // ---- client applications --------------------------------------------------------------------

    public record IssuedKey(long id, String name, String apiKey) {
    }

    /** An administrator issues a key to a client application; the key is shown once, only its hash is kept. */
    public IssuedKey issueKey(String name, StaffMember admin) {
        if (!admin.is(Role.ADMIN)) {
            throw Refusal.notPermitted("Open311 keys are issued by an administrator");
        }
        Validation v = new Validation();
        String clientName = v.requiredText("name", name, 100);
        v.throwIfInvalid();
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String key = "o311_" + HexFormat.of().formatHex(raw);
        try {
            long id = jdbc.sql("INSERT INTO open311_client (name, key_hash, created_by, created_at) VALUES (?, ?, ?, ?) RETURNING id")
                    .params(clientName, hash(key), admin.username(), Timestamp.from(clock.instant())).query(Long.class).single();
            audit.record(admin.username(), "open311.key", "open311_client " + id, clientName);
            return new IssuedKey(id, clientName, key);
        } catch (DuplicateKeyException taken) {
            throw org.onegrid.errors.ApiProblemException.conflict("client-exists", "Client exists",
                    "a client application has this name already");
        }
    }

    private static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private record Client(long id, String name) {
    }

    private Client client(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new Open311Error(403, "api_key is required to post a service request");
        }
        return jdbc.sql("SELECT id, name FROM open311_client WHERE key_hash = ? AND revoked_at IS NULL").param(hash(apiKey.strip()))
                .query((rs, i) -> new Client(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> new Open311Error(403, "api_key is not valid"));
    }

    // ---- services -------------------------------------------------------------------------------

    public List<ServiceEntry> services() {
        Set<String> asking = Set.copyOf(jdbc.sql("SELECT DISTINCT category_code FROM service_question").query(String.class).list());
        Map<String, Category> byCode = new LinkedHashMap<>();
        catalog.all().forEach(c -> byCode.put(c.code(), c));
        return catalog.leaves().stream().map(c -> {
            Category parent = c.parentCode() == null ? null : byCode.get(c.parentCode());
            String keywords = String.join(", ", List.of(c.name(), c.nameEn() == null ? "" : c.nameEn(),
                    parent == null ? "" : parent.name()).stream().filter(k -> !k.isBlank()).toList());
            return new ServiceEntry(c.code(), c.name() + (c.nameEn() == null ? "" : " " + c.nameEn()),
                    (parent == null ? "" : parent.name() + "：") + c.name(), asking.contains(c.code()), keywords,
                    c.line() == null ? null : c.line().toLowerCase());
        }).toList();
    }

    private Category service(String code) {
        if (code == null || code.isBlank()) {
            throw new Open311Error(400, "service_code was not provided");
        }
        return catalog.leaves().stream().filter(c -> c.code().equals(code.strip())).findFirst()
                .orElseThrow(() -> new Open311Error(404, "service_code " + code.strip() + " was not found"));
    }

    /** A service's definition: the questions its category asks. */
    public List<Attribute> definition(String code) {
        service(code);
        return jdbc.sql("SELECT * FROM service_question WHERE category_code = ? ORDER BY position").param(code.strip())
                .query((rs, i) -> {
                    String[] keys = (String[]) rs.getArray("value_keys").getArray();
                    String[] names = (String[]) rs.getArray("value_names").getArray();
                    List<Map.Entry<String, String>> values = new ArrayList<>();
                    for (int k = 0; k < keys.length; k++) {
                        values.add(Map.entry(keys[k], names[k]));
                    }
                    return new Attribute(true, rs.getString("code"), rs.getString("datatype"), rs.getBoolean("required"), null,
                            rs.getInt("position"), rs.getString("description"), values);
                }).list();
    }

    // ---- posting a request ----------------------------------------------------------------------

    /**
     * A service request posted by a client application: its key checked, its service and
     * location (lat and long, or an address) required, its attributes checked against the
     * service's questions, received as a case on the OPEN311 channel. A retry under the same
     * Idempotency-Key answers with the same request.
     */
    public Created post(Map<String, String> form, Map<String, List<String>> attributes, String idempotencyKey) {
        Client client = client(form.get("api_key"));
        checkJurisdiction(form.get("jurisdiction_id"));
        Category service = service(form.get("service_code"));
        Double lat = number(form, "lat");
        Double lng = number(form, "long");
        String address = blank(form.getOrDefault("address_string", form.get("address_id")));
        if ((lat == null) != (lng == null)) {
            throw new Open311Error(400, "lat and long are sent together");
        }
        if (lat == null && address == null) {
            throw new Open311Error(400, "a location is required: lat and long, or address_string, or address_id");
        }
        String description = blank(form.get("description"));
        if (description != null && description.length() > 4000) {
            throw new Open311Error(400, "description is at most 4,000 characters");
        }
        StringBuilder answers = new StringBuilder();
        for (Attribute a : definition(service.code())) {
            List<String> given = attributes.getOrDefault(a.code(), List.of()).stream().filter(x -> x != null && !x.isBlank()).toList();
            if (given.isEmpty()) {
                if (a.required()) {
                    throw new Open311Error(400, "attribute[" + a.code() + "] is required: " + a.description());
                }
                continue;
            }
            if (a.datatype().endsWith("valuelist")) {
                for (String g : given) {
                    if (a.values().stream().noneMatch(e -> e.getKey().equals(g))) {
                        throw new Open311Error(400, "attribute[" + a.code() + "] must be one of "
                                + a.values().stream().map(Map.Entry::getKey).toList());
                    }
                }
                if (a.datatype().equals("singlevaluelist") && given.size() > 1) {
                    throw new Open311Error(400, "attribute[" + a.code() + "] takes one value");
                }
            } else if (a.datatype().equals("number") && !given.get(0).matches("-?\\d+(\\.\\d+)?")) {
                throw new Open311Error(400, "attribute[" + a.code() + "] must be a number");
            }
            answers.append('\n').append(a.description()).append(' ').append(String.join(", ", given.stream().map(g ->
                    a.values().stream().filter(e -> e.getKey().equals(g)).map(Map.Entry::getValue).findFirst().orElse(g)).toList()));
        }
        String mediaUrl = blank(form.get("media_url"));
        if (mediaUrl != null && (mediaUrl.length() > 2000 || !mediaUrl.matches("(?i)https?://\\S+"))) {
            throw new Open311Error(400, "media_url must be an http or https URL");
        }
        String name = String.join("", Arrays.asList(blank(form.get("last_name")), blank(form.get("first_name"))).stream()
                .filter(x -> x != null).toList());
        String text = (description == null ? service.name() : description) + answers + (mediaUrl == null ? "" : "\n" + mediaUrl);
        StaffMember actor = new StaffMember(0, "open311:" + client.name(), client.name(), Role.INTAKE_AGENT, null);
        CaseDetails c;
        try {
            c = intake.receive(new NewCase(Channel.OPEN311, service.name() + (address == null ? "" : " " + shorten(address, 60)),
                    shorten(text, Validation.MAX_TEXT), lat, lng, address, service.code(), name.isEmpty() ? null : shorten(name, 100),
                    blank(form.get("phone"))), actor, blank(idempotencyKey)).details();
        } catch (org.onegrid.errors.ApiProblemException refused) {
            throw new Open311Error(400, refused.errors().isEmpty() ? refused.getMessage()
                    : refused.errors().stream().map(p -> p.field() + " " + p.reason()).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        jdbc.sql("""
                INSERT INTO open311_request (case_id, case_code, client_id, token, media_url, device_id, account_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""")
                .params(c.id(), c.code(), client.id(), UUID.randomUUID().toString(), mediaUrl, shorten(blank(form.get("device_id")), 200),
                        shorten(blank(form.get("account_id")), 200), Timestamp.from(clock.instant())).update();
        return new Created(c.code(), notice(c));
    }

    private static String notice(CaseDetails c) {
        return c.dueAt() == null ? null : "受理编号 " + c.code() + "，承诺时限 " + c.dueAt().toLocalDate();
    }

    private static Double number(Map<String, String> form, String field) {
        String v = blank(form.get(field));
        try {
            return v == null ? null : Double.valueOf(v);
        } catch (NumberFormatException notANumber) {
            throw new Open311Error(400, field + " must be a number");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // ---- reading requests -----------------------------------------------------------------------

    /** A token's request: every service is realtime, so a token answers only for the requests it was kept for. */
    public Optional<String> requestOfToken(String token) {
        return jdbc.sql("SELECT case_code FROM open311_request WHERE token = ?").param(token).query(String.class).optional();
    }

    public Request request(String id) {
        if (id == null || !id.matches("\\d{8}-\\d{6}")) {
            throw new Open311Error(404, "service_request_id " + id + " was not found");
        }
        List<CaseDetails> found = cases.list(new CaseFilter(null, null, null, null, null, null, null, 0, 1, CaseSearch.parse(id)),
                READER).items();
        if (found.isEmpty()) {
            throw new Open311Error(404, "service_request_id " + id + " was not found");
        }
        return view(found.get(0));
    }

    /**
     * Requests by the specification's filters: ids (comma-separated, overriding the rest), service
     * codes, a range of at most 90 days (the last 90 days when none), statuses; at most 1,000,
     * the newest first.
     */
    public List<Request> requests(String ids, String serviceCodes, Instant start, Instant end, String statuses) {
        if (ids != null && !ids.isBlank()) {
            List<Request> out = new ArrayList<>();
            for (String id : ids.split(",")) {
                try {
                    out.add(request(id.strip()));
                } catch (Open311Error missing) {
                    // an id not found is left out of a list
                }
            }
            return out;
        }
        Instant now = clock.instant();
        Instant to = end != null ? end : start != null ? start.plus(MAX_SPAN) : now;
        Instant from = start != null ? start : to.minus(MAX_SPAN);
        if (from.isAfter(to)) {
            throw new Open311Error(400, "start_date is after end_date");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw new Open311Error(400, "start_date and end_date may not span more than 90 days");
        }
        Set<String> wanted = statuses == null || statuses.isBlank() ? Set.of("open", "closed")
                : Set.copyOf(Arrays.stream(statuses.split(",")).map(String::strip).toList());
        if (!Set.of("open", "closed").containsAll(wanted)) {
            throw new Open311Error(400, "status must be open or closed (comma-separated)");
        }
        List<String> codes = serviceCodes == null || serviceCodes.isBlank() ? java.util.Collections.singletonList(null)
                : Arrays.stream(serviceCodes.split(",")).map(String::strip).toList();
        List<CaseDetails> found = new ArrayList<>();
        for (String code : codes) {
            for (int page = 0; found.size() < MAX_REQUESTS * 2 && page < 20; page++) {
                List<CaseDetails> items = cases.list(new CaseFilter(null, null, null, code, from, to.plusMillis(1), null, page,
                        CaseFilter.MAX_PAGE_SIZE), READER).items();
                found.addAll(items);
                if (items.size() < CaseFilter.MAX_PAGE_SIZE) {
                    break;
                }
            }
        }
        return found.stream().filter(c -> c.state() != CaseState.VOID || wanted.contains("closed"))
                .map(this::view).filter(r -> wanted.contains(r.status()))
                .sorted(java.util.Comparator.comparing(Request::requested).reversed()).limit(MAX_REQUESTS).toList();
    }

    private Request view(CaseDetails c) {
        boolean closed = c.state().resolved() || c.state() == CaseState.VOID;
        String notes = switch (c.state()) {
            case VOID -> c.mergedInto() != null ? "合并到重复事项 merged into a duplicate" : "已作废 voided";
            case RESOLVED, VERIFIED, RATED, CLOSED -> c.resolution();
            default -> null;
        };
        String media = jdbc.sql("SELECT media_url FROM open311_request WHERE case_id = ?").param(c.id()).query(String.class)
                .optional().orElse(null);
        return new Request(c.code(), closed ? "closed" : "open", masked(notes), c.categoryName(), c.categoryCode() == null ? "" : c.categoryCode(),
                masked(c.description()), c.ownerUnit() == null ? null : c.ownerUnit().name(), notice(c), c.receivedAt(), c.updatedAt(),
                closed ? null : c.dueAt(), PersonalDataPolicy.maskAddress(c.address()), c.lat(), c.lng(), media);
    }

    /** A text as the public reads it: runs of seven digits or more (phones, ID numbers) masked. */
    static String masked(String text) {
        return text == null ? null : DIGIT_RUN.matcher(text).replaceAll(m -> "*".repeat(m.group().length() - 4)
                + m.group().substring(m.group().length() - 4));
    }
}
