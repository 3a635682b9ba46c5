package org.onegrid.households.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.households.Campaigns;
import org.onegrid.households.HouseholdRegister;
import org.onegrid.households.MemberImport;
import org.onegrid.households.RegisterExport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The register of residents over HTTP: households, members, moves, reveals, visits, care due, imports, campaigns, exports. */
@RestController
class HouseholdController {

    record Purpose(String purpose) {
    }

    record MoveOut(LocalDate on, String reason) {
    }

    record Erasure(String reason) {
    }

    record Note(String note) {
    }

    private final HouseholdRegister register;
    private final MemberImport imports;
    private final Campaigns campaigns;
    private final RegisterExport export;

    HouseholdController(HouseholdRegister register, MemberImport imports, Campaigns campaigns, RegisterExport export) {
        this.register = register;
        this.imports = imports;
        this.campaigns = campaigns;
        this.export = export;
    }

    @GetMapping("/api/households")
    List<HouseholdRegister.HouseholdView> list(@RequestParam(required = false) String grid, @RequestParam(required = false) String flag,
                                               @RequestParam(defaultValue = "false") boolean careOverdue,
                                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                                               StaffMember me) {
        return register.list(grid, flag, careOverdue, page, size, me);
    }

    @PostMapping("/api/households")
    ResponseEntity<HouseholdRegister.HouseholdView> create(@RequestBody HouseholdRegister.NewHousehold form, StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(register.create(form, me));
    }

    @GetMapping("/api/households/{id}")
    HouseholdRegister.HouseholdView household(@PathVariable long id, StaffMember me) {
        return register.household(id, me);
    }

    @PostMapping("/api/households/{id}/members")
    ResponseEntity<HouseholdRegister.MemberView> addMember(@PathVariable long id, @RequestBody HouseholdRegister.NewMember form,
                                                           StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(register.addMember(id, form, me));
    }

    @GetMapping("/api/households/members/{id}")
    HouseholdRegister.MemberView member(@PathVariable long id, StaffMember me) {
        return register.member(id, me);
    }

    @PutMapping("/api/households/members/{id}")
    HouseholdRegister.MemberView change(@PathVariable long id, @RequestBody HouseholdRegister.MemberChange change, StaffMember me) {
        return register.change(id, change, me);
    }

    @PostMapping("/api/households/members/{id}/move-out")
    HouseholdRegister.MemberView moveOut(@PathVariable long id, @RequestBody MoveOut body, StaffMember me) {
        return register.moveOut(id, body.on(), body.reason(), me);
    }

    @PostMapping("/api/households/members/{id}/erase")
    HouseholdRegister.MemberView erase(@PathVariable long id, @RequestBody Erasure body, StaffMember me) {
        return register.erase(id, body.reason(), me);
    }

    @PostMapping("/api/households/members/{id}/reveal")
    HouseholdRegister.Revealed reveal(@PathVariable long id, @RequestBody Purpose body, StaffMember me) {
        return register.reveal(id, body.purpose(), me);
    }

    @GetMapping("/api/households/members/{id}/moves")
    List<HouseholdRegister.Move> moves(@PathVariable long id, StaffMember me) {
        return register.moves(id, me);
    }

    @GetMapping("/api/households/search")
    List<HouseholdRegister.MemberView> search(@RequestParam(required = false) String q, StaffMember me) {
        return register.search(q, me);
    }

    @PostMapping("/api/households/{id}/visits")
    ResponseEntity<HouseholdRegister.Visit> visit(@PathVariable long id, @RequestBody(required = false) Note body, StaffMember me,
                                                  @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return ResponseEntity.status(HttpStatus.CREATED).body(register.visit(id, body == null ? null : body.note(), me, key));
    }

    @GetMapping("/api/households/{id}/visits")
    List<HouseholdRegister.Visit> visits(@PathVariable long id, StaffMember me) {
        return register.visits(id, me);
    }

    @GetMapping("/api/households/flags")
    List<HouseholdRegister.CareFlag> flags() {
        return register.flags();
    }

    @PutMapping("/api/households/flags/{code}")
    HouseholdRegister.CareFlag saveFlag(@PathVariable String code, @RequestBody HouseholdRegister.CareFlag flag, StaffMember me) {
        return register.saveFlag(new HouseholdRegister.CareFlag(code, flag.nameZh(), flag.nameEn(), flag.visitEveryDays(),
                flag.active()), me);
    }

    /** A spreadsheet checked ({@code preview=true}: only the problems) or imported whole; with any problem, 422 and nothing written. */
    @PostMapping(value = "/api/households/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MemberImport.Result> importSheet(@RequestPart(name = "file", required = false) MultipartFile file,
                                                    @RequestParam(defaultValue = "false") boolean preview, StaffMember me)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw ApiProblemException.invalid("file", "is required: an .xlsx workbook");
        }
        MemberImport.Result result = imports.run(file.getInputStream(), !preview, me);
        if (!preview && !result.written()) {
            if (result.problemCount() == 0) {
                throw ApiProblemException.invalid("file", "holds no member rows");
            }
            throw MemberImport.refusal(result);
        }
        return ResponseEntity.status(preview ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    /** A grid's or community's register as a spreadsheet (ID numbers and phones masked), for a stated purpose, logged. */
    @GetMapping("/api/households/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam String grid, @RequestParam(required = false) String purpose,
                                                 StaffMember me) {
        RegisterExport.Prepared prepared = export.prepare(grid, purpose, me);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(prepared.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, prepared.disposition()).body(prepared::write);
    }

    // ---- campaigns ------------------------------------------------------------------------------

    @PostMapping("/api/households/campaigns")
    ResponseEntity<Campaigns.Campaign> launch(@RequestBody Campaigns.NewCampaign form, StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(campaigns.launch(form, me));
    }

    @GetMapping("/api/households/campaigns")
    List<Campaigns.Campaign> campaigns(StaffMember me) {
        return campaigns.list(me);
    }

    @GetMapping("/api/households/campaigns/{id}")
    Campaigns.Campaign campaign(@PathVariable long id, StaffMember me) {
        return campaigns.campaign(id, me);
    }

    @PostMapping("/api/households/campaigns/{id}/checks")
    ResponseEntity<HouseholdRegister.Visit> check(@PathVariable long id, @RequestBody Campaigns.Check check, StaffMember me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(campaigns.check(id, check, me));
    }

    @GetMapping("/api/households/campaigns/{id}/progress")
    Campaigns.Progress progress(@PathVariable long id, StaffMember me) {
        return campaigns.progress(id, me);
    }

    @GetMapping("/api/households/campaigns/{id}/unreached")
    List<HouseholdRegister.HouseholdView> unreached(@PathVariable long id, @RequestParam String grid, StaffMember me) {
        return campaigns.unreached(id, grid, me);
    }
}
